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
    /// the same claim. Default `0.45`.
    pub sentence_threshold: f64,
    /// Minimum sentence score for a date, quantity or place discrepancy
    /// between two matched sentences: a value may only be called wrong when
    /// the claims are clearly the same. A matched pair under this score
    /// whose values conflict gives no finding at all. Default `0.55`.
    pub value_threshold: f64,
    /// Minimum number of content tokens (outside quotes) of a sentence for
    /// it to take part in matching. Default `4`.
    pub min_sentence_tokens: usize,
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
    /// Blocking: a token serves as a blocking key only when it occurs in at
    /// most this many claims (document-frequency cap). Default `256`.
    pub block_max_df: usize,
    /// Blocking: two claims are compared only when they share at least this
    /// many keys (or all keys of the one with fewer). Default `2`.
    pub block_min_shared: usize,
    /// Compare every pair of claims instead of blocking (reference
    /// implementation, quadratic; for tests and small inputs). Default
    /// `false`.
    pub all_pairs: bool,
    /// A quote found whole inside the other side's quote (a fragment, only
    /// truncated at its ends) is an agreement rather than a wording
    /// difference; the truncation still shows in the diff. Default `true`.
    pub fragment_is_agreement: bool,
    /// Report a quote attributed in one article and unattributed in the
    /// other as an [`Attribution`](crate::FindingKind::Attribution)
    /// finding. Default `true`.
    pub report_unattributed: bool,
    /// Days of slack when comparing dates of matched claims. Default `0`.
    pub date_tolerance_days: i64,
    /// Compare places mentioned in matched sentences. Default `true`.
    pub compare_places: bool,
    /// Compare the roles given to the same person across articles. Default
    /// `true`.
    pub compare_roles: bool,
    /// Build [`Agreement`](crate::FindingKind::Agreement) findings. A hint
    /// for callers that will not read them (a CSV or table report without
    /// agreements): with `false`, no agreement is built and every other
    /// finding, the unique claims and the people are the same as with
    /// `true`. Agreements also feed the report's claim graph and clusters
    /// (JSON, Markdown, HTML, DOT), so leave it on for those. Default
    /// `true`.
    pub agreements: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            quote_threshold: 0.6,
            same_speaker_quote_threshold: 0.35,
            attribution_threshold: 0.75,
            containment_threshold: 0.8,
            min_quote_tokens: 2,
            quote_min_shared: 2,
            sentence_threshold: 0.45,
            value_threshold: 0.55,
            min_sentence_tokens: 4,
            sentence_min_shared: 3,
            soft_token_threshold: 0.92,
            idf_min_claims: 50,
            block_max_df: 256,
            block_min_shared: 2,
            all_pairs: false,
            fragment_is_agreement: true,
            report_unattributed: true,
            date_tolerance_days: 0,
            compare_places: true,
            compare_roles: true,
            agreements: true,
        }
    }
}
