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
//! A story too large for one task of a distributed run can be compared in
//! parts with [`split`]: the matches of step 4 are found per pair of
//! parts, then clustered and classified over the whole story, with the
//! findings of comparing it whole.
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
mod sets;
pub mod stories;
mod text;

pub use config::{Config, ConfigError};
#[cfg(feature = "test-util")]
pub use engine::matched_pairs;
pub use engine::split;
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

/// The claim count and the document frequency of every claim word (and
/// stem) over a collection of articles: what the IDF weights of the
/// comparison are made of. [`ClaimStats::of`] gives one article's; they
/// add up ([`ClaimStats::add`]) to a collection's, in any order.
///
/// With [`compare_stories_with`], the articles of one story are compared
/// exactly as [`compare`] compares them inside the whole collection: this
/// is how a distributed run (one task per story) finds the findings of a
/// single run. `df` may omit the strings counted once: they weigh as
/// strings of frequency one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimStats {
    /// Number of claims (quotes and sentences compared).
    pub claims: usize,
    /// Claim word or stem → number of claims whose content words hold it.
    pub df: std::collections::BTreeMap<String, u64>,
}

impl ClaimStats {
    /// The statistics of one article.
    pub fn of(doc: &Extraction, config: &Config) -> ClaimStats {
        engine::claims::claim_stats(doc, config)
    }

    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: &ClaimStats) {
        self.claims += other.claims;
        for (s, f) in &other.df {
            *self.df.entry(s.clone()).or_default() += f;
        }
    }
}

/// [`compare_stories`] of some articles of a larger collection, weighting
/// claim words by the collection's [`ClaimStats`] (the sum over all its
/// articles): a story compared alone this way gives the findings
/// [`compare`] gives it among all the articles, when `stories` is the
/// grouping of the whole collection restricted to `docs`.
///
/// ```
/// use crosscheck_align::{compare, compare_stories_with, ClaimStats, Config, fixture::Doc};
/// let docs = [
///     Doc::new("a", "The mayor opened the new bridge on Monday, officials said.").build(),
///     Doc::new("b", "The mayor opened the new bridge on Tuesday, officials said.").build(),
///     Doc::new("c", "Storms closed the airport for a day.").build(),
/// ];
/// let cfg = Config::default();
/// let mut all = ClaimStats::default();
/// for d in &docs {
///     all.add(&ClaimStats::of(d, &cfg));
/// }
/// let whole = compare(&docs, &cfg);
/// let part = compare_stories_with(&docs[..2], &[vec![0, 1]], &cfg, &all);
/// let ids = |a: &crosscheck_align::Alignment| {
///     a.findings.iter().map(crosscheck_align::finding_id).collect::<Vec<_>>()
/// };
/// assert_eq!(ids(&part), ids(&whole));
/// ```
pub fn compare_stories_with(
    docs: &[Extraction],
    stories: &[Vec<usize>],
    config: &Config,
    stats: &ClaimStats,
) -> Alignment {
    engine::run_with(docs, Some(stories), config, Some(stats))
}
