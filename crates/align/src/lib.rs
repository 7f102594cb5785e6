//! # crosscheck-align
//!
//! Matches quotes and facts across articles and classifies each match as an
//! agreement or a discrepancy of a named kind.
//!
//! ## Algorithm
//!
//! 1. **Canonical order.** Articles are sorted by id; side A of every
//!    finding is the article whose id sorts first. Nothing depends on input
//!    order or thread count.
//! 2. **People.** Person entities (and named speakers) are merged across
//!    articles by surname and compatible first names ("Blinken", "Antony
//!    Blinken", "Tony Blinken"): see the `people` module (internal) in
//!    the source.
//! 3. **Claims, normalised once.** Each non-scare quote is a quote claim;
//!    each sentence, with its quoted words masked out, is a claim of
//!    reported fact. Text is folded (NFKD/NFKC compatibility forms, marks
//!    dropped, curly quotes and dashes to ASCII, lowercase) and tokenised
//!    with byte spans into the article; tokens are stemmed (Snowball) and
//!    interned to integer ids. Claims with too few content tokens are left
//!    out. Each stem gets an IDF weight `ln(1 + N/df)` over all claims.
//! 4. **Blocking.** An inverted index maps every rare stem (document
//!    frequency ≤ [`Config::block_max_df`]) and every speaker id to claims;
//!    two claims of different articles are candidates when they share at
//!    least [`Config::block_min_shared`] keys. Cost grows with the postings,
//!    near-linear in the number of articles. [`Config::all_pairs`] switches
//!    to the quadratic reference.
//! 5. **Scoring** (in parallel). IDF-weighted cosine over stems with soft
//!    matching of near-identical stems (Jaro-Winkler, typos), IDF-weighted
//!    containment of the shorter claim in the longer, and normalised
//!    Levenshtein over the folded words. Quotes match on the best of the
//!    three, against a threshold that depends on the speakers (same
//!    speaker: lower; different speakers: higher); sentences on the cosine.
//! 6. **Assignment.** Per article pair and claim kind, greedy one-to-one by
//!    score with ties broken by claim order; a long quote may take several
//!    fragments covering disjoint parts of it (a quote split in two).
//! 7. **Classification.** Quote pairs get a word diff ([`EditOp`]s with
//!    spans on both sides) and become [`FindingKind::Agreement`],
//!    [`FindingKind::QuoteWording`] or [`FindingKind::Attribution`].
//!    Sentence pairs compare the dates (interval overlap, so "mid-February"
//!    and "15 February" agree), quantities (interval overlap, for
//!    compatible units) and places they contain; a disagreement gives a
//!    [`FindingKind::Date`], [`FindingKind::Quantity`] or
//!    [`FindingKind::Place`] finding, else an agreement. Roles of each
//!    merged person are compared across articles ([`FindingKind::SpeakerRole`]).
//!    Unmatched claims are listed as unique.
//!
//! ## Example
//!
//! ```
//! use crosscheck_align::{compare, Config, FindingKind, fixture::Doc};
//!
//! let a = Doc::new("wire-a", "Foreign ministers Lavrov and Blinken met in Geneva on Friday \
//!         to discuss the security proposals for Europe.")
//!     .date("Friday", "2022-01-21")
//!     .build();
//! let b = Doc::new("wire-b", "On Thursday, Lavrov and Blinken met in Geneva, where the \
//!         foreign ministers discussed security proposals for Europe.")
//!     .date("Thursday", "2022-01-20")
//!     .build();
//! let result = compare(&[b, a], &Config::default());
//! let f = &result.findings[0];
//! assert_eq!(f.kind, FindingKind::Date);
//! assert_eq!(f.a.claim.article, "wire-a"); // side A sorts first
//! assert_eq!(f.a.value.as_deref(), Some("2022-01-21"));
//! assert_eq!(f.b.value.as_deref(), Some("2022-01-20"));
//! println!("{}", f.explanation);
//! ```
#![warn(missing_docs)]

mod config;
mod diff;
mod engine;
pub mod fixture;
pub mod model;
mod people;
pub mod stories;
mod text;

pub use config::Config;
#[doc(hidden)]
pub use engine::matched_pairs;
pub use model::*;
pub use text::fold;

use crosscheck_parse::Extraction;

/// Compares every pair of articles: finds where they agree, where they
/// differ (quote wording, attribution, roles, dates, quantities, places),
/// which claims only one article makes, and who is who across articles.
///
/// The result is deterministic: the same findings in the same order
/// whatever the input order or the number of rayon threads.
pub fn compare(docs: &[Extraction], config: &Config) -> Alignment {
    engine::run(docs, config)
}
