//! `--config FILE`: a TOML file setting any subset of the matching
//! thresholds ([`crosscheck::align::Config`]). Unknown keys and values out
//! of range are errors, so a typo cannot silently leave a default in place.

use crosscheck::align::Config;
use crosscheck::report::sanitize::escape_controls;
use std::path::Path;

/// Largest `date_tolerance_days` accepted (ten years).
const MAX_DATE_TOLERANCE_DAYS: i64 = 3660;

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

/// Parses and checks configuration text (see [`load`]).
pub fn parse(text: &str) -> Result<Loaded, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| e.message().to_string())?;
    let known = known_table();
    let mut unknown = Vec::new();
    unknown_keys(&table, &known, "", &mut unknown);
    if !unknown.is_empty() {
        return Err(format!(
            "unknown key{} {} (known keys: {})",
            if unknown.len() == 1 { "" } else { "s" },
            unknown
                .iter()
                .map(|k| escape_controls(k).into_owned())
                .collect::<Vec<_>>()
                .join(", "),
            known_names(&known, "").join(", ")
        ));
    }
    let mut warnings = Vec::new();
    check_values(&table, "", &mut warnings)?;
    let config: Config = toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| e.message().to_string())?;
    Ok(Loaded { config, warnings })
}

/// The keys a config may set, as the default [`Config`] serialises them
/// (tables such as `[stories]` nested).
fn known_table() -> toml::Table {
    match toml::Value::try_from(Config::default()) {
        Ok(toml::Value::Table(t)) => t,
        _ => toml::Table::new(),
    }
}

/// Every known key as a dotted path (`stories.threshold`).
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

/// [`check_value`] on every value, nested tables included.
fn check_values(
    table: &toml::Table,
    prefix: &str,
    warnings: &mut Vec<String>,
) -> Result<(), String> {
    for (key, value) in table {
        let path = format!("{prefix}{key}");
        match value {
            toml::Value::Table(t) => check_values(t, &format!("{path}."), warnings)?,
            _ => check_value(&path, value, warnings)?,
        }
    }
    Ok(())
}

fn check_value(key: &str, value: &toml::Value, warnings: &mut Vec<String>) -> Result<(), String> {
    match value {
        toml::Value::Float(x) => {
            if !x.is_finite() || *x < 0.0 {
                return Err(format!(
                    "{key} = {x} is out of range: a threshold is a number from 0 to 1"
                ));
            }
            if *x > 1.0 && key.ends_with("threshold") {
                warnings.push(format!(
                    "{key} = {x} is above 1: no score reaches it, so this matching is off"
                ));
            }
        }
        toml::Value::Integer(n) => {
            if key.ends_with("threshold") && !(0..=1).contains(n) {
                return Err(format!(
                    "{key} = {n} is out of range: a threshold is a number from 0 to 1"
                ));
            }
            if key == "date_tolerance_days" && !(0..=MAX_DATE_TOLERANCE_DAYS).contains(n) {
                return Err(format!(
                    "{key} = {n} is out of range: from 0 to {MAX_DATE_TOLERANCE_DAYS} days"
                ));
            }
        }
        _ => {}
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
