//! # crosscheck-align
//!
//! Groups articles into stories, clusters the claims of each story that
//! say the same thing, and reports each cluster's differences as one
//! finding with its variants: "3 outlets: 4 February; 1 outlet: 5
//! February". See [`model`] for the output.
//!
//! ## Algorithm
//!
//! 1. **Canonical order.** Articles are sorted by id; nothing depends on
//!    input order or thread count.
//! 2. **Claims, normalised once** (in parallel per article). Each
//!    non-scare quote is a quote claim; each sentence, with its quoted
//!    words masked out, is a claim of reported fact, with its facts (dates,
//!    figures, places named as locations) read into typed values and
//!    masked out of the words it is matched on. Text is folded, tokenised
//!    with byte spans, stemmed and interned; each stem gets an IDF weight
//!    over all claims.
//! 3. **Stories.** Articles are grouped into stories (one real-world
//!    event each) by [`stories::group`]: shared rare names, places and
//!    terms, publication dates within a window, syndicated copies always
//!    together, two similar events split apart. Claims are compared only
//!    within a story. Every article is in exactly one story (an article
//!    alone is a story of one); `Config::stories.force_one_story` forces a
//!    single story, and [`compare_stories`] takes the stories from the
//!    caller.
//! 4. **Per story, in parallel:** people are merged (titles stripped,
//!    surname-only mentions joined to the one full name); claims with the
//!    same words are one text (syndicated copies cost nothing and
//!    near-identical articles are reported as copies); candidate pairs
//!    come from an inverted index of rare stems and speakers; pairs are
//!    scored (IDF-weighted soft cosine, containment, Levenshtein) against
//!    thresholds that depend on the speakers; matched claims form clusters
//!    around a leader (no chaining of unrelated claims).
//! 5. **Classification** of each cluster: quote speakers and words, the
//!    facts of sentences aligned slot by slot, each person's roles. A
//!    finding per attribute that differs, with its variants, a
//!    [`Severity`] and a confidence; an agreement only when everything was
//!    compared and is consistent across independent outlets.
//!
//! Output size grows with claim mentions, not with pairs of articles: a
//! claim carried by 50 outlets is one finding with its variants.
//!
//! ## Example
//!
//! ```
//! use crosscheck_align::{compare, Config, FindingKind, Value};
//! use crosscheck_parse::{extract_articles, Article, NaiveDate};
//!
//! let day = NaiveDate::from_ymd_opt(2022, 1, 22);
//! let docs = extract_articles(&[
//!     Article::new("wire-b", "On Thursday, Sergei Lavrov and Antony Blinken met in Geneva, \
//!         where the foreign ministers discussed security proposals for Europe.")
//!         .published(day.unwrap()),
//!     Article::new("wire-a", "Foreign ministers Sergei Lavrov and Antony Blinken met in \
//!         Geneva on Friday to discuss the security proposals for Europe.")
//!         .published(day.unwrap()),
//! ]).unwrap();
//! let result = compare(&docs, &Config::default());
//! assert_eq!(result.stories.len(), 1);
//! let f = result.discrepancies().next().unwrap();
//! assert_eq!(f.kind, FindingKind::Date);
//! assert_eq!(f.variants.len(), 2);
//! assert_eq!(f.variants[0].mentions[0].article, "wire-a"); // the first article's
//! assert_eq!(f.variants[0].display, "2022-01-21");
//! assert_eq!(f.variants[1].display, "2022-01-20");
//! // beside the display string, the typed value
//! let Value::Date(date) = &f.variants[1].value else { unreachable!() };
//! assert_eq!(date.start, NaiveDate::from_ymd_opt(2022, 1, 20));
//! println!("{} ({}, cluster {}): {}", f.id, f.severity, f.cluster, f.explanation);
//! ```
#![warn(missing_docs)]

mod config;
mod data;
mod diff;
mod engine;
mod facts;
#[cfg(feature = "test-util")]
pub mod fixture;
pub mod id;
pub mod model;
mod people;
pub mod stories;
mod text;

pub use config::{Config, ConfigError};
#[cfg(feature = "test-util")]
pub use engine::matched_pairs;
pub use id::finding_id;
pub use model::*;
pub use text::fold;

use crosscheck_parse::Extraction;

/// Compares a set of articles: groups them into stories, finds where the
/// articles of each story agree and where they differ (quote wording,
/// attribution, roles, dates, figures, places), and who is who.
///
/// The result is deterministic: the same bytes whatever the input order or
/// the number of rayon threads.
pub fn compare(docs: &[Extraction], config: &Config) -> Alignment {
    engine::run(docs, None, config)
}

/// Like [`compare`], with the stories given: groups of indices into
/// `docs`. An article in no group is a story of its own (and one in two
/// stays in the first), so every article is in exactly one story.
/// `Config::stories.force_one_story` still puts every article in one
/// story.
///
/// ```
/// use crosscheck_align::{compare_stories, Config};
/// use crosscheck_parse::{extract_articles, Article};
/// let bridge = "The mayor opened the new bridge over the river on Monday.";
/// let docs = extract_articles(&[
///     Article::new("a", bridge),
///     Article::new("b", bridge),
///     Article::new("c", "Storms closed the airport for a day."),
/// ]).unwrap();
/// let r = compare_stories(&docs, &[vec![0, 1]], &Config::default());
/// assert_eq!(r.stories.len(), 2);
/// assert_eq!(r.stories[0].articles, ["a", "b"]);
/// assert!(r.stories[1].is_singleton());
/// ```
pub fn compare_stories(docs: &[Extraction], stories: &[Vec<usize>], config: &Config) -> Alignment {
    engine::run(docs, Some(stories), config)
}
