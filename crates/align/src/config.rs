//! Thresholds and weights of the alignment, each with a documented default.
//!
//! `Config` deserialises with `#[serde(default)]`, so a `crosscheck.toml`
//! (or JSON) may set any subset of the fields; a field it does not know is
//! an error (`deny_unknown_fields`), so a misspelled key cannot silently
//! leave a default in place:
//!
//! ```
//! let c: crosscheck_align::Config =
//!     serde_json::from_str(r#"{"sentence_threshold": 0.6}"#).unwrap();
//! assert_eq!(c.sentence_threshold, 0.6);
//! assert_eq!(c.quote_threshold, crosscheck_align::Config::default().quote_threshold);
//! assert!(serde_json::from_str::<crosscheck_align::Config>(r#"{"sentence_treshold": 0.6}"#).is_err());
//! ```
//!
//! [`Config::from_toml_str`] reads TOML, names every unknown key and checks
//! the values with [`Config::validate`]:
//!
//! ```
//! use crosscheck_align::{Config, ConfigError};
//!
//! let c = Config::from_toml_str("quote_threshold = 0.7\n[stories]\nwindow_days = 5\n").unwrap();
//! assert_eq!((c.quote_threshold, c.stories.window_days), (0.7, 5));
//!
//! let e = Config::from_toml_str("sentence_treshold = 0.5\n[stories]\ntreshold = 0.2\n").unwrap_err();
//! assert!(matches!(&e, ConfigError::UnknownKeys { unknown, .. }
//!     if unknown == &["sentence_treshold", "stories.treshold"]));
//! assert!(e.to_string().starts_with("unknown keys sentence_treshold, stories.treshold (known keys: "));
//! ```

use crate::stories::StoryConfig;
use serde::{Deserialize, Serialize};

/// Why a configuration was refused ([`Config::from_toml_str`],
/// [`Config::validate`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The text is not TOML (the parser's message, without the source
    /// excerpt).
    #[error("{}", .0.message())]
    Syntax(#[source] toml::de::Error),
    /// Keys that [`Config`] does not have, as dotted paths
    /// (`stories.treshold`), with every key it has.
    #[error(
        "unknown key{} {} (known keys: {})",
        if unknown.len() == 1 { "" } else { "s" },
        unknown.join(", "),
        known.join(", ")
    )]
    UnknownKeys {
        /// The unknown keys, in the order of the text's tables (sorted).
        unknown: Vec<String>,
        /// Every key a configuration may set, sorted.
        known: Vec<String>,
    },
    /// A known key with a value of the wrong type (`quote_threshold =
    /// "high"`).
    #[error("{}", .0.message())]
    Invalid(#[source] toml::de::Error),
    /// A value out of its range (a negative or not finite number, a
    /// tolerance of more than [`Config::MAX_DATE_TOLERANCE_DAYS`]).
    #[error("{key} = {value} is out of range: {expected}")]
    OutOfRange {
        /// The key, as a dotted path.
        key: String,
        /// The value as given.
        value: String,
        /// What the key accepts.
        expected: &'static str,
    },
}

/// Every threshold and weight of [`crate::compare`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
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
    /// Minimum number of content stems two wordings of a quote share for
    /// them to be one statement: two quotes of one speaker that have only
    /// "going to" or one name in common are two statements. Default `3`.
    pub wording_min_shared: usize,
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
    /// Minimum IDF-weighted cosine for two sentences that say one figure in
    /// other words to be matched as paraphrases: both give a figure of one
    /// unit with two words around it in common ("killing at least 14
    /// people" / "killed at least 16 people"). Only those figures are
    /// compared, at most `medium`. Default `0.25`.
    pub paraphrase_threshold: f64,
    /// Minimum score between the claims for a discrepancy to be `high`.
    /// Default `0.7`.
    pub high_match: f64,
    /// Minimum extraction confidence of both values for a discrepancy to
    /// be `high`. Default `0.8`.
    pub high_confidence: f64,
    /// Minimum match score of two claims for a figure of one sample or
    /// poll (a margin of error, by `data/sample_figures.txt`) to be
    /// compared: outlets of one story cite different polls in sentences of
    /// one pattern. Such a discrepancy is at most `low`. Default `0.9`.
    pub sample_figure_match: f64,
    /// Minimum size of a sentence for it to take part in matching: its
    /// content tokens (outside quotes and facts), plus, when it gives two
    /// facts or more (dates, figures, places), its facts, each counting
    /// once. Default `4`.
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
    /// Total article text (bytes) from which the claims are built one
    /// story at a time: the claim words' frequencies are counted over all
    /// articles first, then each story's claims are built, compared and
    /// dropped, so the memory they take is that of the stories being
    /// compared, not of the collection (at 100,000 wire articles, 136 MB
    /// of text: peak 1.83 → 0.91 GiB), for about a third more CPU time
    /// (every claim is read twice). Below it, every claim is built once
    /// for all stories. The findings are the same either way. Default
    /// 64 MiB.
    pub stream_text_bytes: usize,
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
            wording_min_shared: 3,
            containment_threshold: 0.8,
            min_quote_tokens: 2,
            quote_min_shared: 2,
            sentence_threshold: 0.45,
            value_threshold: 0.55,
            paraphrase_threshold: 0.25,
            high_match: 0.7,
            high_confidence: 0.8,
            sample_figure_match: 0.9,
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
            stream_text_bytes: 64 << 20,
            stories: StoryConfig::default(),
        }
    }
}

impl Config {
    /// Largest [`Config::date_tolerance_days`] accepted by
    /// [`Config::validate`] (ten years).
    pub const MAX_DATE_TOLERANCE_DAYS: i64 = 3660;

    /// Reads a configuration from TOML text (a `crosscheck.toml`) setting
    /// any subset of the fields, `[stories]` included, and checks it with
    /// [`Config::validate`]. Every unknown key is named, with its dotted
    /// path.
    ///
    /// ```
    /// use crosscheck_align::{Config, ConfigError};
    ///
    /// let c = Config::from_toml_str("sentence_threshold = 0.5").unwrap();
    /// assert_eq!(c.sentence_threshold, 0.5);
    /// let e = Config::from_toml_str("sentence_threshold = -0.5").unwrap_err();
    /// assert!(matches!(e, ConfigError::OutOfRange { .. }));
    /// assert!(matches!(Config::from_toml_str("quote_threshold = \"high\""),
    ///     Err(ConfigError::Invalid(_))));
    /// assert!(matches!(Config::from_toml_str("quote_threshold = "),
    ///     Err(ConfigError::Syntax(_))));
    /// ```
    pub fn from_toml_str(text: &str) -> Result<Config, ConfigError> {
        let table: toml::Table = toml::from_str(text).map_err(ConfigError::Syntax)?;
        let known = Config::default().as_table();
        let mut unknown = Vec::new();
        unknown_keys(&table, &known, "", &mut unknown);
        if !unknown.is_empty() {
            return Err(ConfigError::UnknownKeys {
                unknown,
                known: known_names(&known, ""),
            });
        }
        let config: Config = toml::Value::Table(table)
            .try_into()
            .map_err(ConfigError::Invalid)?;
        config.validate()?;
        Ok(config)
    }

    /// Checks the values: every number (threshold, weight, share) finite
    /// and not negative, [`Config::date_tolerance_days`] from 0 to
    /// [`Config::MAX_DATE_TOLERANCE_DAYS`].
    ///
    /// A threshold above 1 is accepted: no score reaches it, so it switches
    /// that matching off (`quote_threshold = 1.5` reports no quote
    /// wording). Callers that want to warn about it can compare the value
    /// with 1 themselves.
    ///
    /// ```
    /// let mut c = crosscheck_align::Config::default();
    /// assert!(c.validate().is_ok());
    /// c.quote_threshold = 1.5;
    /// assert!(c.validate().is_ok());
    /// c.stories.threshold = f64::NAN;
    /// assert_eq!(
    ///     c.validate().unwrap_err().to_string(),
    ///     "stories.threshold = NaN is out of range: a finite number, 0 or more"
    /// );
    /// ```
    pub fn validate(&self) -> Result<(), ConfigError> {
        check_values(&self.as_table(), "")
    }

    /// The configuration as a TOML table (`[stories]` nested).
    fn as_table(&self) -> toml::Table {
        match toml::Value::try_from(self) {
            Ok(toml::Value::Table(t)) => t,
            _ => toml::Table::new(),
        }
    }
}

/// Every key of `known` as a dotted path (`stories.threshold`).
fn known_names(known: &toml::Table, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in known {
        let path = format!("{prefix}{k}");
        match v {
            toml::Value::Table(t) => out.extend(known_names(t, &format!("{path}."))),
            _ => out.push(path),
        }
    }
    out
}

/// Collects the dotted paths of `given`'s keys that `known` lacks, looking
/// into nested tables.
fn unknown_keys(given: &toml::Table, known: &toml::Table, prefix: &str, out: &mut Vec<String>) {
    for (k, v) in given {
        let path = format!("{prefix}{k}");
        match (v, known.get(k)) {
            (_, None) => out.push(path),
            (toml::Value::Table(g), Some(toml::Value::Table(n))) => {
                unknown_keys(g, n, &format!("{path}."), out)
            }
            _ => {}
        }
    }
}

/// The range checks of [`Config::validate`] on every value, nested tables
/// included.
fn check_values(table: &toml::Table, prefix: &str) -> Result<(), ConfigError> {
    for (key, value) in table {
        let path = format!("{prefix}{key}");
        let out_of_range = |value: String, expected| ConfigError::OutOfRange {
            key: path.clone(),
            value,
            expected,
        };
        match value {
            toml::Value::Table(t) => check_values(t, &format!("{path}."))?,
            toml::Value::Float(x) if !x.is_finite() || *x < 0.0 => {
                return Err(out_of_range(x.to_string(), "a finite number, 0 or more"));
            }
            toml::Value::Integer(n)
                if path == "date_tolerance_days"
                    && !(0..=Config::MAX_DATE_TOLERANCE_DAYS).contains(n) =>
            {
                return Err(out_of_range(n.to_string(), "from 0 to 3660 days"));
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unknown_key_is_named_and_known_keys_are_listed() {
        let e = Config::from_toml_str("quote_treshold = 0.7\nverbose = true\n").unwrap_err();
        match &e {
            ConfigError::UnknownKeys { unknown, known } => {
                assert_eq!(unknown, &["quote_treshold", "verbose"]);
                assert!(known.iter().any(|k| k == "stories.force_one_story"));
                assert!(known.iter().any(|k| k == "quote_threshold"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn partial_tables_keep_the_defaults() {
        let c = Config::from_toml_str("[stories]\nforce_one_story = true\n").unwrap();
        assert!(c.stories.force_one_story);
        assert_eq!(c.stories.threshold, StoryConfig::default().threshold);
        assert_eq!(c.quote_threshold, Config::default().quote_threshold);
        assert_eq!(Config::from_toml_str("").unwrap(), Config::default());
    }

    #[test]
    fn out_of_range_values_are_refused_and_above_one_is_allowed() {
        for text in [
            "quote_threshold = -0.2",
            "sentence_threshold = nan",
            "value_threshold = inf",
            "date_tolerance_days = -1",
            "date_tolerance_days = 100000",
            "[stories]\nmin_edge = -0.1",
        ] {
            let e = Config::from_toml_str(text).unwrap_err();
            assert!(matches!(e, ConfigError::OutOfRange { .. }), "{text}: {e}");
            assert!(e.to_string().contains("out of range"), "{text}: {e}");
        }
        let c = Config::from_toml_str("quote_threshold = 1.5").unwrap();
        assert_eq!(c.quote_threshold, 1.5);
    }

    #[test]
    fn the_io_free_errors_keep_the_parser_error_as_source() {
        use std::error::Error;
        let e = Config::from_toml_str("quote_threshold = \"high\"").unwrap_err();
        assert!(e.to_string().contains("invalid type"), "{e}");
        assert!(e.source().is_some());
    }
}
