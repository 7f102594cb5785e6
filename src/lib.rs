//! # crosscheck
//!
//! Cross-source claim comparison. This crate is the command-line tool and a
//! thin facade over the workspace libraries, re-exported here:
//!
//! - [`parse`]: reading articles and extracting quotes and facts;
//! - [`align`]: matching them across articles into agreements and
//!   discrepancies;
//! - [`report`]: the claim graph and the CSV, JSON, Markdown, HTML and DOT
//!   reports, with baseline comparison for CI.
//!
//! The whole pipeline in a few lines:
//!
//! ```
//! use crosscheck::{align, parse, report};
//!
//! let article = |id: &str, text: &str| parse::Article {
//!     id: id.into(),
//!     published: parse::NaiveDate::from_ymd_opt(2022, 1, 27),
//!     text: text.into(),
//!     ..Default::default()
//! };
//! let ingested = parse::Ingested {
//!     articles: vec![
//!         article("a", "“We offer a serious diplomatic channel if Russia so wishes,” Antony Blinken said."),
//!         article("b", "“We offer a serious diplomatic path if Russia so wishes,” Antony Blinken said."),
//!     ],
//!     diagnostics: vec![],
//! };
//! let docs = crosscheck::extract_all(&ingested);
//! let alignment = align::compare(&docs, &align::Config::default());
//! let wording = alignment.discrepancies().next().expect("one discrepancy");
//! assert_eq!(wording.kind, align::FindingKind::QuoteWording);
//! assert_eq!(wording.severity, align::Severity::High); // one word changed
//! assert_eq!(wording.variants.len(), 2);
//! assert_eq!(wording.variants[1].mentions[0].speaker.as_deref(), Some("Antony Blinken"));
//!
//! let csv = report::render(&report::Report::new(&docs, &alignment), report::Format::Csv).unwrap();
//! assert_eq!(csv.lines().count(), 3); // the header and one row per article
//! assert!(csv.lines().nth(1).unwrap().contains("quote_wording"));
//! ```
#![warn(missing_docs)]

pub use crosscheck_align as align;
pub use crosscheck_parse as parse;
pub use crosscheck_report as report;

use crosscheck_parse::{DateReading, Diagnostic, DiagnosticLevel, Extraction, Ingested};
use rayon::prelude::*;

/// Runs [`parse::extract`] over every ingested article, in parallel on the
/// current rayon pool, returning the extractions in input order (the
/// result does not depend on the thread count). Each extraction carries
/// the ingest diagnostics whose origin is the article's origin (warnings
/// such as a dateline without a year).
///
/// Errors about inputs that yielded no article stay only in
/// `ingested.diagnostics`.
pub fn extract_all(ingested: &Ingested) -> Vec<Extraction> {
    extract_all_with(ingested, || {})
}

/// Like [`extract_all`], calling `done` once after each article (for a
/// progress bar). `done` may be called from several threads at once.
pub fn extract_all_with(ingested: &Ingested, done: impl Fn() + Sync) -> Vec<Extraction> {
    ingested
        .articles
        .par_iter()
        .map(|article| {
            let diags = ingested.diagnostics_for(&article.origin).cloned().collect();
            extract_one(article.clone(), diags, &done)
        })
        .collect()
}

/// Like [`extract_all_with`], but the articles are moved out of
/// `ingested` into the extractions instead of copied (`ingested.articles`
/// is left empty; its diagnostics stay): every article text is held once.
/// This is what `crosscheck compare` uses on large inputs.
///
/// ```
/// use crosscheck::parse::{Article, Ingested};
///
/// let mut ingested = Ingested {
///     articles: vec![Article::new("a", "The ministry said 40 soldiers were wounded.")],
///     diagnostics: vec![],
/// };
/// let docs = crosscheck::extract_all_taking(&mut ingested, || {});
/// assert_eq!(docs[0].article.id, "a");
/// assert!(ingested.articles.is_empty());
/// ```
pub fn extract_all_taking(ingested: &mut Ingested, done: impl Fn() + Sync) -> Vec<Extraction> {
    let articles = std::mem::take(&mut ingested.articles);
    let ingested = &*ingested;
    articles
        .into_par_iter()
        .map(|article| {
            let diags = ingested.diagnostics_for(&article.origin).cloned().collect();
            extract_one(article, diags, &done)
        })
        .collect()
}

/// One article extracted, its ingest diagnostics first, its vectors
/// trimmed to their length ([`parse::Extraction::shrink_to_fit`]: the
/// extractions are kept until the report is written).
fn extract_one(article: parse::Article, mut diags: Vec<Diagnostic>, done: impl Fn()) -> Extraction {
    let mut x = parse::extract(article);
    diags.append(&mut x.diagnostics);
    x.diagnostics = diags;
    x.shrink_to_fit();
    done();
    x
}

/// Runs [`parse::extract`] over articles built in memory
/// ([`parse::Article::new`]), in parallel on the current rayon pool, after
/// checking their ids ([`parse::check_ids`]): an empty or repeated id is an
/// error, since findings and reports name articles by id. The extractions
/// come back in input order whatever the thread count.
///
/// ```
/// use crosscheck::parse::{Article, ArticleError, NaiveDate};
///
/// let day = NaiveDate::from_ymd_opt(2022, 1, 27).unwrap();
/// let docs = crosscheck::extract_articles(&[
///     Article::new("a", "The ministry said 40 soldiers were wounded.").published(day),
///     Article::new("b", "The ministry said 45 soldiers were wounded.").published(day),
/// ])
/// .unwrap();
/// assert_eq!(docs[1].article.id, "b");
///
/// let twice = [Article::new("a", "One."), Article::new("a", "Two.")];
/// assert!(matches!(
///     crosscheck::extract_articles(&twice),
///     Err(ArticleError::DuplicateId { .. })
/// ));
/// ```
pub fn extract_articles(
    articles: &[parse::Article],
) -> Result<Vec<Extraction>, parse::ArticleError> {
    parse::check_ids(articles)?;
    Ok(articles
        .par_iter()
        .map(|article| parse::extract(article.clone()))
        .collect())
}

/// The examples of `docs/user-guide.md`, compiled and run as doc-tests so
/// the guide cannot drift from the code.
#[doc = include_str!("../docs/user-guide.md")]
#[cfg(doctest)]
pub struct UserGuide;

/// The Rust examples of `docs/library.md`, compiled and run as doc-tests.
#[doc = include_str!("../docs/library.md")]
#[cfg(doctest)]
pub struct LibraryGuide;

/// One warning per article without a publication date whose relative date
/// expressions ("yesterday", "on Friday") therefore stay unresolved, with
/// the first of them and `fix`, how to give a date (the command line says
/// `--date`, `crosscheck.spark` its `date` argument).
///
/// ```
/// use crosscheck::parse::{extract, Article};
/// let x = extract(Article::new("a1", "The minister resigned yesterday, officials said."));
/// let w = crosscheck::unresolved_relative_dates(&[x], "give one");
/// assert_eq!(w.len(), 1);
/// assert_eq!(w[0].origin, "a1");
/// assert!(w[0].message.starts_with("1 relative date (first: \"yesterday\") left unresolved"));
/// assert!(w[0].message.ends_with("; give one"));
/// ```
pub fn unresolved_relative_dates(extractions: &[Extraction], fix: &str) -> Vec<Diagnostic> {
    extractions
        .iter()
        .filter(|x| x.article.published.is_none())
        .filter_map(|x| {
            let relative: Vec<&str> = x
                .dates
                .iter()
                .filter(|d| d.reading == DateReading::Relative && !d.resolved)
                .map(|d| d.text.as_str())
                .collect();
            let first = relative.first()?;
            Some(Diagnostic::new(
                x.article.origin.clone(),
                DiagnosticLevel::Warning,
                format!(
                    "{} relative date{} (first: \"{first}\") left unresolved: the article has no \
                     publication date; {fix}",
                    relative.len(),
                    if relative.len() == 1 { "" } else { "s" },
                ),
            ))
        })
        .collect()
}
