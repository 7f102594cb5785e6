//! Thresholds and weights of the alignment, each with a documented default.
//!
//! `Config` deserialises with `#[serde(default)]`, so a `crosscheck.toml`
//! (or JSON) may set any subset of the fields:
//!
//! ```
//! let c: crosscheck_align::Config =
//!     serde_json::from_str(r#"{"sentence_threshold": 0.6}"#).unwrap();
//! assert_eq!(c.sentence_threshold, 0.6);
//! assert_eq!(c.quote_threshold, crosscheck_align::Config::default().quote_threshold);
//! ```

use crate::stories::StoryConfig;
use serde::{Deserialize, Serialize};

/// Every threshold and weight of [`crate::compare`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Minimum match score for two quotes whose speakers are unknown on at
    /// least one side. Default `0.6`.
    pub quote_threshold: f64,
    /// Minimum match score for two quotes by the same (merged) speaker:
    /// lower, because the speaker already ties them. Default `0.35`.
    pub same_speaker_quote_threshold: f64,
    /// Minimum match score for two quotes given to different speakers (an
    /// [`Attribution`](crate::FindingKind::Attribution) finding): higher,
    /// because a wrong match here is a false accusation. Default `0.75`.
    pub attribution_threshold: f64,
    /// Minimum number of content words (stop words excluded) of a quote
    /// for an attribution finding: short phrases ("fake news") are said by
    /// many. Default `4`.
    pub attribution_min_words: usize,
    /// Minimum extraction confidence of both speakers for an attribution
    /// finding: 0.95 is a reporting verb, a colon or "according to" next
    /// to the name; a role (0.8), a pronoun (0.7) or a speaker carried
    /// over from context (0.6) are too weak to accuse an outlet. Default
    /// `0.9`.
    pub attribution_min_speaker_confidence: f64,
    /// Minimum share of words (IDF-weighted cosine or containment of the
    /// shorter in the longer) two wordings of a quote must have in common
    /// to be compared as one statement in other words, when the words
    /// around the two quotes share a stem (below
    /// [`Config::containment_threshold`], two quotes with nothing in common
    /// around them are two statements of one speaker). Default `0.45`.
    pub wording_min_overlap: f64,
    /// Minimum IDF-weighted containment for a fragment quoted in one article
    /// to match the full quote in the other. Default `0.8`.
    pub containment_threshold: f64,
    /// Minimum number of content tokens (stop words excluded) of a quote for
    /// it to take part in matching. Default `2`.
    pub min_quote_tokens: usize,
    /// Minimum number of shared content tokens between two matched quotes
    /// (or all of the shorter one's, when it has fewer). Default `2`.
    pub quote_min_shared: usize,
    /// Minimum IDF-weighted cosine for two sentences of reported fact to be
    /// the same claim, on their words without their facts (dates, figures,
    /// places). Default `0.45`.
    pub sentence_threshold: f64,
    /// Minimum score against the cluster's central claim for a sentence's
    /// facts to be compared: a value may only be called different when the
    /// claims are clearly the same. Default `0.55`.
    pub value_threshold: f64,
    /// Minimum score between the claims for a discrepancy to be `high`.
    /// Default `0.7`.
    pub high_match: f64,
    /// Minimum extraction confidence of both values for a discrepancy to
    /// be `high`. Default `0.8`.
    pub high_confidence: f64,
    /// Minimum number of content tokens (outside quotes and facts) of a
    /// sentence for it to take part in matching. Default `4`.
    pub min_sentence_tokens: usize,
    /// Minimum number of content tokens of a sentence outside people's
    /// names and roles, its quotes and its facts: "The spokesman, Josh
    /// Earnest, said on Tuesday" says nothing to compare once its quote is
    /// masked. Default `2`.
    pub min_claim_tokens: usize,
    /// Minimum number of shared content tokens between two matched
    /// sentences. Default `3`.
    pub sentence_min_shared: usize,
    /// Jaro-Winkler similarity from which two different stems count as the
    /// same token (typos, spelling variants), scaled by that similarity.
    /// Only stems of 5 characters or more. Default `0.92`.
    pub soft_token_threshold: f64,
    /// IDF is `ln(1 + max(N, idf_min_claims) / df)` over the N claims: with
    /// few articles, raw IDF would punish exactly the tokens two articles
    /// share, so N is floored. Default `50`.
    pub idf_min_claims: usize,
    /// Blocking: a stem (or speaker) serves as a blocking key only when at
    /// most this many claims of the story hold it. Default `256`.
    pub block_max_df: usize,
    /// Blocking: two claims are compared only when they share at least this
    /// many keys (or all keys of the one with fewer). Default `2`.
    pub block_min_shared: usize,
    /// Compare every pair of claims of a story instead of blocking
    /// (reference implementation, quadratic; for tests and small inputs).
    /// Default `false`.
    pub all_pairs: bool,
    /// Two articles of a story are syndicated copies when at least this
    /// share of the claims of the shorter one appear word for word in the
    /// other. Default `0.8`.
    pub copy_share: f64,
    /// … and at least this many claims. Default `3`.
    pub copy_min_claims: usize,
    /// Report a quote given to a person in one article and to no one (or an
    /// institution) in another, as an
    /// [`Unattributed`](crate::FindingKind::Unattributed) finding (low).
    /// Most such cases are a speaker the extractor missed. Default `false`.
    pub report_unattributed: bool,
    /// Days of slack when comparing dates of matched claims. Default `0`.
    pub date_tolerance_days: i64,
    /// Compare places named as locations in matched sentences. Default
    /// `true`.
    pub compare_places: bool,
    /// Compare the roles given to the same person within a story. Default
    /// `true`.
    pub compare_roles: bool,
    /// Build [`Agreement`](crate::FindingKind::Agreement) and
    /// [`Matched`](crate::FindingKind::Matched) findings. A hint for
    /// callers that will not read them (a CSV or table report without
    /// agreements): with `false`, none is built and every discrepancy, story
    /// and person is the same as with `true`. Default `true`.
    pub agreements: bool,
    /// How articles are grouped into stories before their claims are
    /// compared ([`crate::stories`]); `stories.force_one_story` compares
    /// every article with every other as one story, whatever the grouping
    /// would say (small hand-picked sets). In a TOML file, a `[stories]`
    /// table with any subset of its fields.
    pub stories: StoryConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            quote_threshold: 0.6,
            same_speaker_quote_threshold: 0.35,
            attribution_threshold: 0.75,
            attribution_min_words: 4,
            attribution_min_speaker_confidence: 0.9,
            wording_min_overlap: 0.45,
            containment_threshold: 0.8,
            min_quote_tokens: 2,
            quote_min_shared: 2,
            sentence_threshold: 0.45,
            value_threshold: 0.55,
            high_match: 0.7,
            high_confidence: 0.8,
            min_sentence_tokens: 4,
            min_claim_tokens: 2,
            sentence_min_shared: 3,
            soft_token_threshold: 0.92,
            idf_min_claims: 50,
            block_max_df: 256,
            block_min_shared: 2,
            all_pairs: false,
            copy_share: 0.8,
            copy_min_claims: 3,
            report_unattributed: false,
            date_tolerance_days: 0,
            compare_places: true,
            compare_roles: true,
            agreements: true,
            stories: StoryConfig::default(),
        }
    }
}
