//! # crosscheck-parse
//!
//! Reads news articles and extracts what crosscheck compares across them:
//! sentences, quotes with their speakers, dates normalised against the
//! article's own date, quantities as intervals, and people, organisations and
//! places with their roles.
//!
//! Parsing never fails: [`ingest`] turns every input into articles plus
//! [`Diagnostic`]s, and [`extract`] turns an article into an [`Extraction`].
//! Every extracted item carries a byte [`Span`] into the article text.
//!
//! The extractors share one [`analysis::Analysis`] of the article
//! (sentences, tokens with shapes and word classes from the [`lexicon`],
//! gazetteer hits); word lists live in `data/lexicon/*.tsv`, and token
//! patterns can be declared as data with the [`rules`] engine.
//!
//! ```
//! use crosscheck_parse::{extract, Article};
//!
//! let article = Article {
//!     id: "wire-1".into(),
//!     published: chrono::NaiveDate::from_ymd_opt(2022, 1, 27),
//!     text: "“We prefer diplomacy,” Antony Blinken said on Wednesday.".into(),
//!     ..Article::default()
//! };
//! let x = extract(article);
//! assert_eq!(x.quotes[0].text, "We prefer diplomacy");
//! assert_eq!(x.quotes[0].speaker.as_deref(), Some("Antony Blinken"));
//! // “on Wednesday”, past of Thursday 27 January 2022
//! assert_eq!(x.dates[0].value.unwrap().start().to_string(), "2022-01-26");
//! ```

#![warn(missing_docs)]

pub mod analysis;
pub mod dates;
pub mod entities;
mod error;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod quantities;
pub mod quotes;
pub mod rules;
pub mod sentences;
mod text;

/// Re-exported so callers can build an [`Article`] without naming chrono.
pub use chrono::NaiveDate;
pub use error::{check_ids, ArticleError, ItemKind, ValidationError};
pub use ingest::{parse_bytes, read_inputs, IngestOptions, Ingested, InputFormat};
pub use model::*;

/// Runs every extractor over one article.
///
/// The reference date for relative dates is [`Article::published`]; without
/// it, relative dates come out unresolved with the reason.
pub fn extract(article: Article) -> Extraction {
    // sentences, tokens with their word classes, gazetteer hits: once
    let analysis = analysis::Analysis::new(&article.text);
    let entities = entities::extract_from(&analysis);
    let quotes = quotes::extract_from(&analysis, &entities);
    let dates = dates::extract_from(&analysis, article.published);
    let quantities = quantities::extract_from(&analysis);
    let sentences = analysis.into_sentences();
    Extraction {
        article,
        sentences,
        quotes,
        dates,
        quantities,
        entities,
        diagnostics: Vec::new(),
    }
}

/// Runs [`extract`] over articles built in memory, in order, after checking
/// their ids ([`check_ids`]): an empty or repeated id is an error, since
/// findings and reports name articles by id.
///
/// ```
/// use crosscheck_parse::{extract_articles, Article, ArticleError, NaiveDate};
///
/// let day = NaiveDate::from_ymd_opt(2022, 1, 27).unwrap();
/// let articles = [
///     Article::new("a", "“We prefer diplomacy,” Antony Blinken said.").published(day),
///     Article::new("b", "Antony Blinken said on Wednesday that talks would go on.").published(day),
/// ];
/// let xs = extract_articles(&articles).unwrap();
/// assert_eq!(xs.len(), 2);
/// assert_eq!(xs[0].quotes[0].speaker.as_deref(), Some("Antony Blinken"));
///
/// let unnamed = [Article::new("", "Text.")];
/// assert_eq!(extract_articles(&unnamed).unwrap_err(), ArticleError::EmptyId { index: 0 });
/// ```
pub fn extract_articles(articles: &[Article]) -> Result<Vec<Extraction>, ArticleError> {
    check_ids(articles)?;
    Ok(articles.iter().cloned().map(extract).collect())
}
