//! `--config FILE`: a TOML file setting any subset of the matching
//! thresholds ([`crosscheck::align::Config`]). Unknown keys and values out
//! of range are errors, so a typo cannot silently leave a default in place.

use crosscheck::align::{Config, ConfigError};
use crosscheck::report::sanitize::escape_controls;
use std::path::Path;

/// A configuration read and checked, with warnings for values that are
/// allowed but probably not meant.
#[derive(Debug)]
pub struct Loaded {
    /// The configuration.
    pub config: Config,
    /// Warnings to print (e.g. a threshold above 1, which no pair reaches).
    pub warnings: Vec<String>,
}

/// Reads and checks a configuration file. Errors name the file and every
/// unknown key (with the known ones) or the value out of range.
pub fn load(path: &Path) -> Result<Loaded, String> {
    let shown = escape_controls(&path.display().to_string()).into_owned();
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read config {shown}: {e}"))?;
    parse(&text).map_err(|e| format!("config {shown}: {e}"))
}

/// Parses and checks configuration text (see [`load`]): the library's
/// [`Config::from_toml_str`] (unknown keys, types, ranges), then two checks
/// of the CLI on the values as written: a whole number other than 0 or 1
/// for a threshold is refused (`quote_threshold = 60` was meant as a
/// percentage), and a threshold above 1 is allowed with a warning.
pub fn parse(text: &str) -> Result<Loaded, String> {
    let config = Config::from_toml_str(text).map_err(|e| match e {
        ConfigError::UnknownKeys { unknown, known } => format!(
            "unknown key{} {} (known keys: {})",
            if unknown.len() == 1 { "" } else { "s" },
            unknown
                .iter()
                .map(|k| escape_controls(k).into_owned())
                .collect::<Vec<_>>()
                .join(", "),
            known.join(", ")
        ),
        other => other.to_string(),
    })?;
    // `from_toml_str` accepted the text, so it is TOML
    let table: toml::Table = toml::from_str(text).map_err(|e| e.message().to_string())?;
    let mut warnings = Vec::new();
    check_thresholds(&table, "", &mut warnings)?;
    Ok(Loaded { config, warnings })
}

/// The CLI's checks of the thresholds as written, nested tables included:
/// a whole number must be 0 or 1; a number above 1 gives a warning.
fn check_thresholds(
    table: &toml::Table,
    prefix: &str,
    warnings: &mut Vec<String>,
) -> Result<(), String> {
    for (key, value) in table {
        let path = format!("{prefix}{key}");
        match value {
            toml::Value::Table(t) => check_thresholds(t, &format!("{path}."), warnings)?,
            toml::Value::Integer(n) if path.ends_with("threshold") && !(0..=1).contains(n) => {
                return Err(format!(
                    "{path} = {n} is out of range: a threshold is a number from 0 to 1"
                ));
            }
            toml::Value::Float(x) if path.ends_with("threshold") && *x > 1.0 => {
                warnings.push(format!(
                    "{path} = {x} is above 1: no score reaches it, so this matching is off"
                ));
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
    fn a_subset_of_keys_sets_those_and_keeps_the_defaults() {
        let loaded = parse("quote_threshold = 0.7\ndate_tolerance_days = 1\n").unwrap();
        assert_eq!(loaded.config.quote_threshold, 0.7);
        assert_eq!(loaded.config.date_tolerance_days, 1);
        assert_eq!(
            loaded.config.sentence_threshold,
            Config::default().sentence_threshold
        );
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn unknown_keys_are_all_named() {
        let e =
            parse("quote_treshold = 0.7\nsentence_threshold = 0.5\nverbose = true\n").unwrap_err();
        assert!(
            e.starts_with("unknown keys quote_treshold, verbose (known keys: "),
            "{e}"
        );
        assert!(e.contains("quote_threshold"), "{e}");
    }

    #[test]
    fn unknown_keys_in_the_stories_table_are_named_with_their_path() {
        let e = parse("[stories]\nforce_one_story = true\ntreshold = 0.3\n").unwrap_err();
        assert!(
            e.starts_with("unknown key stories.treshold (known keys: "),
            "{e}"
        );
        assert!(e.contains("stories.threshold"), "{e}");
        let loaded = parse("[stories]\nforce_one_story = true\nthreshold = 0.3\n").unwrap();
        assert!(loaded.config.stories.force_one_story);
        assert_eq!(loaded.config.stories.threshold, 0.3);
        let e = parse("[stories]\nthreshold = -0.3\n").unwrap_err();
        assert!(
            e.contains("stories.threshold = -0.3 is out of range"),
            "{e}"
        );
    }

    #[test]
    fn out_of_range_values_are_refused() {
        for text in [
            "quote_threshold = -0.2",
            "sentence_threshold = nan",
            "value_threshold = inf",
            "quote_threshold = 60",
            "date_tolerance_days = -1",
            "date_tolerance_days = 100000",
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.contains("out of range"), "{text}: {e}");
        }
        // wrong types are refused by the parser, naming the problem
        let e = parse("quote_threshold = \"high\"").unwrap_err();
        assert!(e.contains("invalid type"), "{e}");
    }

    #[test]
    fn a_threshold_above_one_is_allowed_with_a_warning() {
        let loaded = parse("quote_threshold = 1.5").unwrap();
        assert_eq!(loaded.config.quote_threshold, 1.5);
        assert_eq!(loaded.warnings.len(), 1);
        assert!(loaded.warnings[0].contains("matching is off"));
    }
}
