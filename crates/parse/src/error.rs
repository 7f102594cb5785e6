//! Typed errors of the in-memory API: articles handed to
//! [`crate::extract_articles`] with unusable ids, and extractions that break
//! their invariants ([`crate::Extraction::validate`]).
//!
//! Reading inputs never fails with an error: [`crate::ingest`] reports
//! problems as [`crate::Diagnostic`]s and keeps the good articles.

use crate::model::Span;
use std::fmt;

/// Why a set of articles built in memory cannot be compared: every article
/// needs an id, and ids must be unique, since reports and findings name
/// articles by id.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArticleError {
    /// The article at `index` has an empty (or all white space) id.
    #[error("article {index}: empty id")]
    EmptyId {
        /// Position of the article in the input slice.
        index: usize,
    },
    /// Two articles share an id.
    #[error("article {second}: duplicate id {id:?} (already used by article {first})")]
    DuplicateId {
        /// The shared id.
        id: String,
        /// Position of the first article with this id.
        first: usize,
        /// Position of the article repeating it.
        second: usize,
    },
}

/// Checks that every article has a non-empty id and no two share one.
///
/// ```
/// use crosscheck_parse::{check_ids, Article, ArticleError};
///
/// let ok = [Article::new("a", "One."), Article::new("b", "Two.")];
/// assert_eq!(check_ids(&ok), Ok(()));
/// let twice = [Article::new("a", "One."), Article::new("a", "Two.")];
/// assert_eq!(
///     check_ids(&twice),
///     Err(ArticleError::DuplicateId { id: "a".into(), first: 0, second: 1 })
/// );
/// assert_eq!(
///     check_ids(&twice).unwrap_err().to_string(),
///     "article 1: duplicate id \"a\" (already used by article 0)"
/// );
/// ```
pub fn check_ids(articles: &[crate::Article]) -> Result<(), ArticleError> {
    let mut seen = std::collections::BTreeMap::new();
    for (index, a) in articles.iter().enumerate() {
        if a.id.trim().is_empty() {
            return Err(ArticleError::EmptyId { index });
        }
        if let Some(&first) = seen.get(a.id.as_str()) {
            return Err(ArticleError::DuplicateId {
                id: a.id.clone(),
                first,
                second: index,
            });
        }
        seen.insert(a.id.as_str(), index);
    }
    Ok(())
}

/// The kind of extracted item a [`ValidationError`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ItemKind {
    /// An entry of [`crate::Extraction::sentences`].
    Sentence,
    /// An entry of [`crate::Extraction::quotes`].
    Quote,
    /// The speaker span of a quote.
    QuoteSpeaker,
    /// An entry of [`crate::Extraction::dates`].
    Date,
    /// An entry of [`crate::Extraction::quantities`].
    Quantity,
    /// A mention of an entity.
    EntityMention,
    /// A role of an entity.
    EntityRole,
}

impl ItemKind {
    /// The name used in messages: `sentence`, `quote`, `quote speaker`,
    /// `date`, `quantity`, `entity mention`, `entity role`.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Sentence => "sentence",
            ItemKind::Quote => "quote",
            ItemKind::QuoteSpeaker => "quote speaker",
            ItemKind::Date => "date",
            ItemKind::Quantity => "quantity",
            ItemKind::EntityMention => "entity mention",
            ItemKind::EntityRole => "entity role",
        }
    }
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The first invariant an [`crate::Extraction`] breaks; see
/// [`crate::Extraction::validate`]. `index` is the position of the item in
/// its list (for entity mentions and roles, the entity's position).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidationError {
    /// A span is inverted, outside the text or not on `char` boundaries.
    #[error("{item} {index}: span [{}, {}] does not fit a text of {text_len} bytes", span.start, span.end)]
    SpanOutsideText {
        /// What the span belongs to.
        item: ItemKind,
        /// Position of the item.
        index: usize,
        /// The bad span.
        span: Span,
        /// Length of the article text in bytes.
        text_len: usize,
    },
    /// A span does not slice back to the text stored beside it.
    #[error("{item} {index}: span [{}, {}] slices to {found:?}, not {expected:?}", span.start, span.end)]
    SpanTextMismatch {
        /// What the span belongs to.
        item: ItemKind,
        /// Position of the item.
        index: usize,
        /// The span.
        span: Span,
        /// What the span covers in the text.
        found: String,
        /// The text stored beside the span.
        expected: String,
    },
    /// A sentence starts before the previous one ends.
    #[error("sentence {index}: overlaps or precedes sentence {}", index - 1)]
    SentenceOrder {
        /// Position of the sentence (at least 1).
        index: usize,
    },
    /// An index stored in an item points past the end of its list.
    #[error("{item} {index}: {field} out of range")]
    IndexOutOfRange {
        /// The item holding the index.
        item: ItemKind,
        /// Position of the item.
        index: usize,
        /// Which index: `speaker entity` or `sentence index`.
        field: &'static str,
    },
    /// A quote continues a quote that does not come before it.
    #[error("quote {index}: continues a quote that is not earlier")]
    ContinuesLaterQuote {
        /// Position of the quote.
        index: usize,
    },
    /// A date's `resolved` flag disagrees with whether it has a value.
    #[error("date {index}: resolved flag disagrees with its value")]
    ResolvedFlag {
        /// Position of the date.
        index: usize,
    },
}
