//! What alignment produces: stories, findings about claim clusters, and
//! people.
//!
//! ```text
//! Alignment
//! ├── stories: Story { id, articles, copies, .. }       every article in exactly one
//! ├── findings: Finding { id, kind, severity, story, .. }  one per compared attribute of a claim cluster
//! │     └── variants: Variant { value, display, outlets, .. }  one per distinct value
//! │           └── mentions: Mention { article, span, value_span, text, speaker, .. }
//! └── people: Person { story, name, roles, .. }          one identity per person per story
//! ```
//!
//! A **story** is a group of articles about one real-world event; claims
//! are compared only within a story. A **claim cluster** is a set of
//! claims (quotes, or sentences of reported fact) of a story that say the
//! same thing, in one or more articles. A **finding** reports one
//! attribute of one cluster (its quoted words, its speaker, a date, a
//! number, a place) or one person's roles, with the **variants** the
//! articles give: "3 outlets: 4 February; 1 outlet: 5 February". Every
//! mention cites its article with a byte span, so a reader can check the
//! finding in seconds.

use crosscheck_parse::{Granularity, Interval, Qualifier, QuantityKind, Span};
use serde::{Deserialize, Serialize};

/// What sort of claim a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClaimKind {
    /// A quotation (direct, partial or indirect): index into
    /// `Extraction::quotes`.
    Quote,
    /// A sentence of reported fact, its quoted words masked out: index
    /// into `Extraction::sentences`.
    Sentence,
    /// A person with a role: index into `Extraction::entities`.
    Person,
}

impl ClaimKind {
    /// The snake_case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quote => "quote",
            ClaimKind::Sentence => "sentence",
            ClaimKind::Person => "person",
        }
    }
}

/// The kind of a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingKind {
    /// Every attribute of the claims was compared across articles and is
    /// consistent (independent outlets only: syndicated copies of one text
    /// do not agree with each other, they are one text).
    Agreement,
    /// The claims are the same claim, but not every attribute could be
    /// compared (a date on one side only, a speaker missing), so they are
    /// not called an agreement.
    Matched,
    /// The same quote (same speaker or unnamed) in different words. A
    /// single changed, added or dropped word in an otherwise identical
    /// quote is a misquote (high); a statement rendered in other words
    /// throughout, as translations are, is a low-severity rendering
    /// variant.
    QuoteWording,
    /// The same quote given to two named, different people.
    Attribution,
    /// The same quote given to a person in one article and to no one (or
    /// to an institution) in another. Off by default
    /// ([`Config::report_unattributed`](crate::Config::report_unattributed)).
    Unattributed,
    /// The same person in one story with titles that name different jobs
    /// or ranks of the same kind ("NATO secretary" / "Secretary General").
    /// Narrower titles, honorifics and synonyms are no finding.
    SpeakerRole,
    /// The same claim, dates that differ at the granularity both sides
    /// give (resolved or not: "May 12" / "May 13", "Monday" / "Tuesday").
    Date,
    /// The same claim, different reported figures for one count or
    /// amount ("at least six" / "at least eight" is low; "100,000" /
    /// "130,000" is high).
    Quantity,
    /// The same claim, places that do not contain one another.
    Place,
}

impl FindingKind {
    /// All kinds, in their canonical order.
    pub const ALL: [FindingKind; 9] = [
        FindingKind::Agreement,
        FindingKind::Matched,
        FindingKind::QuoteWording,
        FindingKind::Attribution,
        FindingKind::Unattributed,
        FindingKind::SpeakerRole,
        FindingKind::Date,
        FindingKind::Quantity,
        FindingKind::Place,
    ];

    /// True for every kind except [`FindingKind::Agreement`] and
    /// [`FindingKind::Matched`].
    pub fn is_discrepancy(self) -> bool {
        !matches!(self, FindingKind::Agreement | FindingKind::Matched)
    }

    /// Parses a kind name (`quote_wording`; case is ignored and `-` is
    /// accepted for `_`).
    ///
    /// ```
    /// use crosscheck_align::FindingKind;
    /// assert_eq!(FindingKind::parse("Quote-Wording"), Some(FindingKind::QuoteWording));
    /// assert_eq!(FindingKind::parse("dates"), None);
    /// ```
    pub fn parse(name: &str) -> Option<FindingKind> {
        let norm = name.trim().to_ascii_lowercase().replace('-', "_");
        FindingKind::ALL.into_iter().find(|k| k.as_str() == norm)
    }

    /// The snake_case name used in reports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Agreement => "agreement",
            FindingKind::Matched => "matched",
            FindingKind::QuoteWording => "quote_wording",
            FindingKind::Attribution => "attribution",
            FindingKind::Unattributed => "unattributed",
            FindingKind::SpeakerRole => "speaker_role",
            FindingKind::Date => "date",
            FindingKind::Quantity => "quantity",
            FindingKind::Place => "place",
        }
    }
}

/// How much a finding matters, ordered `info < low < medium < high`.
///
/// `high` means both sides were extracted with high confidence and their
/// values contradict: a changed word in an otherwise identical quote, a
/// quote given to two named people, dates or figures that cannot both be
/// true. A false `high` costs a fact-checker more than a miss, so
/// anything less certain is at most `medium`. The rules per kind are in
/// the `classify` module (crates/align/src/engine/classify.rs) and in
/// docs/csv-schema.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// An agreement or a matched claim: nothing to fix.
    Info,
    /// Probably paraphrase, rendering, or an overlapping figure.
    Low,
    /// Worth a look.
    Medium,
    /// A material contradiction, extracted with high confidence.
    High,
}

impl Severity {
    /// All severities, lowest first.
    pub const ALL: [Severity; 4] = [
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
    ];

    /// The lower-case name used in reports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    /// Parses a lower-case name (`info`, `low`, `medium`, `high`; case and
    /// surrounding white space are ignored).
    ///
    /// ```
    /// use crosscheck_align::Severity;
    /// assert_eq!(Severity::parse(" High"), Some(Severity::High));
    /// assert_eq!(Severity::parse("severe"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Severity> {
        let norm = s.trim().to_ascii_lowercase();
        Severity::ALL.into_iter().find(|v| v.as_str() == norm)
    }
}

impl std::str::FromStr for Severity {
    type Err = String;

    /// Like [`Severity::parse`], with an error naming the valid values.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Severity::parse(s)
            .ok_or_else(|| format!("unknown severity `{s}` (expected info, low, medium or high)"))
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A word-level change between two quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EditOp {
    /// Words on side A replaced by other words on side B.
    Substitution,
    /// Words present on side B only, inside the matched region.
    Insertion,
    /// Words present on side A only, inside the matched region.
    Omission,
    /// One side stops (or starts) early: the other continues.
    Truncation,
    /// An ellipsis (“…”, “...”) on one side stands for words on the other.
    Ellipsis,
    /// The same words in another order.
    Reordering,
}

/// One word-level edit, with the affected text and spans on both sides.
/// In a [`Variant::diff`], side A is a mention of the finding's first
/// variant and side B a mention of this variant: the fullest wording of
/// each, which need not be the variant's first mention (that may be a
/// fragment), so each side names its article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TokenEdit {
    /// What changed.
    pub op: EditOp,
    /// The article of side A: the id of a mention of the first variant.
    #[serde(default)]
    pub a_article: String,
    /// The words on side A (empty for an insertion).
    pub a_text: String,
    /// Their span in article A, when there are any.
    pub a_span: Option<Span>,
    /// The article of side B: the id of a mention of this variant.
    #[serde(default)]
    pub b_article: String,
    /// The words on side B (empty for an omission).
    pub b_text: String,
    /// Their span in article B, when there are any.
    pub b_span: Option<Span>,
}

/// A date as compared: the resolved interval when there is one, and the
/// calendar fields the expression gives, resolved or not, so that
/// "May 12" and "May 13" (no year known) or "Monday" and "Tuesday" (no
/// publication date) can still be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DateFact {
    /// First day of the resolved value, when resolved.
    pub start: Option<chrono::NaiveDate>,
    /// Last day (inclusive) of the resolved value, when resolved.
    pub end: Option<chrono::NaiveDate>,
    /// How fine the expression is.
    pub granularity: Granularity,
    /// The year, when the expression gives it (written, or resolved from a
    /// relative expression); not the year a resolver guessed for "May 12".
    pub year: Option<i32>,
    /// The month (1-12), when known.
    pub month: Option<u32>,
    /// The day of the month, when known.
    pub day: Option<u32>,
    /// The ISO weekday (1 = Monday), when known.
    pub weekday: Option<u32>,
    /// A range with both ends written and resolved ("from 1984 to 1991"):
    /// each end's first and last day. Two such ranges compare end by end
    /// ("from 1984 to 1991" and "from 1985 to 1991" overlap but disagree
    /// on when it began). The comparison's own: always `None` in a
    /// finding's value, and not serialised.
    #[serde(skip)]
    pub(crate) ends: Option<[(chrono::NaiveDate, chrono::NaiveDate); 2]>,
}

/// A figure as compared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QuantityFact {
    /// The number as written, scaled.
    pub value: f64,
    /// Its qualifier ("at least", "about", …).
    pub qualifier: Qualifier,
    /// The interval the qualifier allows.
    pub interval: Interval,
    /// The counted noun or unit, when given.
    pub unit: Option<String>,
    /// Count, currency, percent, fraction or tally.
    pub kind: QuantityKind,
    /// A tally's second side (the 4 of "5-4"); `None` for other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against: Option<f64>,
}

/// The typed value a variant stands for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Value {
    /// The claim itself (agreements and matched claims).
    Claim,
    /// A quote's words, folded (lower case, ASCII quotes and dashes).
    Quote {
        /// The folded words joined by single spaces.
        words: String,
    },
    /// Who a quote is given to.
    Speaker {
        /// The person (canonical name, merged within the story), or `None`
        /// for no one or an institution.
        person: Option<String>,
    },
    /// A date.
    Date(DateFact),
    /// A figure.
    Quantity(QuantityFact),
    /// A place.
    Place {
        /// The place's canonical name.
        name: String,
    },
    /// A person's role.
    Role {
        /// The role normalised: folded, honorifics and qualifiers dropped,
        /// synonyms replaced ("chair" → "chairman", "Atlantic Alliance" →
        /// "nato"), compound titles joined with `_`.
        role: String,
    },
}

/// One claim of one article carrying a variant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mention {
    /// The article's id.
    pub article: String,
    /// The article's outlet, when known.
    pub source: Option<String>,
    /// What sort of claim.
    pub claim: ClaimKind,
    /// Index of the claim in its article's extraction (into `quotes`,
    /// `sentences` or `entities`, by `claim`).
    pub index: usize,
    /// Byte span of the claim in the article's text.
    pub span: Span,
    /// The text at `span`.
    pub text: String,
    /// Byte span of the value in the article (the date, number, place or
    /// role mention), when the finding is about a value.
    pub value_span: Option<Span>,
    /// The quote's speaker (canonical person name within the story, else
    /// the name the article gives), or the person whose role this is.
    pub speaker: Option<String>,
    /// How sure extraction was of the value (or, for a claim, of the
    /// claim), in [0, 1]: an absolute date or digits are surer than a
    /// weekday or a number in words, a speaker found by a reporting verb
    /// surer than one carried over from context.
    pub confidence: f64,
    /// Similarity of this claim to the cluster's central claim, in
    /// [0, 1] (1 for the central claim itself).
    pub score: f64,
    /// When the article is a syndicated copy: the id of the first article
    /// of its copy group (see [`Story::copies`]). Copies are one text, not
    /// independent outlets.
    pub copy_of: Option<String>,
}

/// One value of a finding and every mention that carries it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Variant {
    /// The typed value.
    pub value: Value,
    /// The value in readable form: an ISO date or the words as written
    /// ("Monday"), a figure with its qualifier and unit, a place, a role,
    /// a speaker, a quote.
    pub display: String,
    /// The mentions, by article id then span.
    pub mentions: Vec<Mention>,
    /// Number of independent outlets among the mentions: articles,
    /// counting each group of syndicated copies once.
    pub outlets: usize,
    /// For quote wording: the word edits from the finding's first variant
    /// to this one (empty for the first variant and for other kinds).
    pub diff: Vec<TokenEdit>,
}

/// One finding: an attribute of one claim cluster (or one person's roles)
/// across the articles of one story, with its variants.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Finding {
    /// Stable id (16 hex digits) of the finding's content: see
    /// [`crate::id`].
    pub id: String,
    /// Agreement, matched, or the discrepancy kind.
    pub kind: FindingKind,
    /// How much it matters.
    pub severity: Severity,
    /// How sure the engine is that the finding is real, in [0, 1]: the
    /// match strength of the claims times the extraction confidence of the
    /// contradicting values.
    pub confidence: f64,
    /// The id of the story the claims belong to.
    pub story: String,
    /// The id of the claim cluster the finding is about (16 hex digits):
    /// the findings of one cluster (a quote's wording and its
    /// attribution, a sentence's date and its figure; one person's roles)
    /// share it. See [`crate::id`] for what goes in. Not part of the
    /// finding's own id.
    #[serde(default)]
    pub cluster: String,
    /// What the cluster is made of: quotes, sentences, or a person.
    pub subject: ClaimKind,
    /// The variants: for a discrepancy at least two, the one most outlets
    /// give first; for an agreement or a matched claim exactly one.
    pub variants: Vec<Variant>,
    /// One sentence a person can read: what differs and how.
    pub explanation: String,
}

impl Finding {
    /// Every mention of every variant, with the variant's index.
    pub fn mentions(&self) -> impl Iterator<Item = (usize, &Mention)> {
        self.variants
            .iter()
            .enumerate()
            .flat_map(|(i, v)| v.mentions.iter().map(move |m| (i, m)))
    }

    /// The distinct article ids of the finding, sorted.
    pub fn articles(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.mentions().map(|(_, m)| m.article.as_str()).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The cluster's central claim among the finding's mentions: the
    /// mention with the highest match score (1 for the leader itself),
    /// ties by article id then span. `None` only for a finding without
    /// mentions.
    pub fn claim(&self) -> Option<&Mention> {
        self.mentions().map(|(_, m)| m).min_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.article.cmp(&b.article))
                .then_with(|| a.span.cmp(&b.span))
        })
    }

    /// "3 outlets: 4 February; 1 outlet: 5 February": the variants in
    /// one line.
    pub fn summary(&self) -> String {
        variants_summary(&self.variants, str::to_string)
    }
}

/// Each variant's outlet count and value ("2 outlets: 130,000; 1 outlet:
/// 100,000"), its value written by `display` (whole, or clipped where the
/// engine writes an explanation).
pub(crate) fn variants_summary(variants: &[Variant], display: impl Fn(&str) -> String) -> String {
    variants
        .iter()
        .map(|v| {
            format!(
                "{} outlet{}: {}",
                v.outlets,
                if v.outlets == 1 { "" } else { "s" },
                display(&v.display)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A group of articles about one event. Every article is in exactly one
/// story; an article alone in its story has a story of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Story {
    /// Stable id: `story:` and the smallest article id of the story.
    pub id: String,
    /// The article ids, sorted.
    pub articles: Vec<String>,
    /// Groups of syndicated copies (near-identical texts from several
    /// outlets), each sorted, with at least two articles.
    pub copies: Vec<Vec<String>>,
    /// Claims (quotes and sentences) of the story that took part in
    /// matching.
    pub claims: usize,
    /// Claim clusters spanning at least two articles.
    pub clusters: usize,
}

impl Story {
    /// True when the story has a single article (nothing to compare).
    pub fn is_singleton(&self) -> bool {
        self.articles.len() == 1
    }
}

/// A person of one story, merged across its articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Person {
    /// The story.
    pub story: String,
    /// Canonical name: the longest full name seen, titles stripped.
    pub name: String,
    /// Every name it goes by across the story's articles, as written,
    /// sorted.
    pub aliases: Vec<String>,
    /// `(article id, entity index)` for each entity that is this person.
    pub mentions: Vec<(String, usize)>,
    /// Roles seen, as `(article id, role text)`, sorted; honorifics
    /// ("Mr.", "Rep.") are not roles and are left out.
    pub roles: Vec<(String, String)>,
}

/// The result of comparing a set of articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Alignment {
    /// The stories, in the order of their smallest article id.
    pub stories: Vec<Story>,
    /// Findings, grouped by story (in story order), then by the position
    /// of the cluster's first mention, then by kind.
    pub findings: Vec<Finding>,
    /// People, by story, then name.
    pub people: Vec<Person>,
}

impl Alignment {
    /// The agreements and matched claims.
    pub fn agreements(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.kind.is_discrepancy())
    }

    /// The discrepancies.
    pub fn discrepancies(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.kind.is_discrepancy())
    }

    /// The story an article belongs to, by article id.
    pub fn story_of(&self, article: &str) -> Option<&Story> {
        self.stories
            .iter()
            .find(|s| s.articles.iter().any(|a| a == article))
    }
}
