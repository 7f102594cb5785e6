//! Suite `numbers`: quantities on the project's own number case table,
//! `testdata/eval/numbers.toml` (news-style sentences written for
//! crosscheck, grouped by category; the file's header defines its fields).
//!
//! A case is right when every quantity it expects is found with the
//! expected value, interval bounds, unit and kind (those the case gives),
//! and no quantity overlaps a look-alike it lists as `absent`. Figures:
//! `value_accuracy` over all cases and `value_accuracy_CATEGORY` per
//! category. The fields of an expected quantity and their check are the
//! case files' ([`QuantityExpect`], [`check_quantity`]).

use crate::score::{ratio, samples_wanted, Tally};
use crate::Figures;
use crosscheck_parse::{extract, Article, Quantity};
use crosscheck_testdata::extract::{check_no_quantity, check_quantity, QuantityExpect};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The table file.
pub fn table_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/eval/numbers.toml")
}

/// The case table.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The cases, in file order.
    pub case: Vec<Case>,
}

/// One sentence and what must be read from it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Category name (snake case), part of a figure name.
    pub category: String,
    /// The sentence.
    pub text: String,
    /// Quantities that must be found.
    #[serde(default)]
    pub expect: Vec<QuantityExpect>,
    /// Substrings no quantity may overlap.
    #[serde(default)]
    pub absent: Vec<String>,
}

/// Reads and checks the table: every `at` and `absent` string occurs in
/// its text, every case expects something, categories are snake case.
pub fn load(path: &Path) -> Result<Table, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let table: Table = toml::from_str(&src).map_err(|e| format!("{}: {e}", path.display()))?;
    for (i, c) in table.case.iter().enumerate() {
        let err = |m: String| format!("{} case {} ({:?}): {m}", path.display(), i + 1, c.text);
        if c.expect.is_empty() && c.absent.is_empty() {
            return Err(err("expects nothing".into()));
        }
        if c.category.is_empty()
            || !c
                .category
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch == '_')
        {
            return Err(err(format!("category {:?} is not snake case", c.category)));
        }
        for s in c.expect.iter().map(|e| &e.at).chain(&c.absent) {
            if !c.text.contains(s.as_str()) {
                return Err(err(format!("{s:?} is not in the text")));
            }
        }
        for e in &c.expect {
            if e.value.is_none() && e.low.is_none() && e.high.is_none() {
                return Err(err(format!("{:?} gives no value or bound", e.at)));
            }
        }
    }
    Ok(table)
}

/// Checks one case against the extracted quantities of its text (with
/// the case-file checker of `crosscheck_testdata::extract`); returns what
/// is wrong, empty when the case is right.
pub fn check_case(case: &Case, found: &[Quantity]) -> Vec<String> {
    case.expect
        .iter()
        .filter_map(|e| check_quantity(&case.text, e, found))
        .chain(
            case.absent
                .iter()
                .filter_map(|a| check_no_quantity(&case.text, a, found)),
        )
        .collect()
}

/// The error category of a reason from [`check_case`].
fn reason_kind(reason: &str) -> &'static str {
    // the first wrong field named by check_quantity
    let fields = reason.rsplit_once(": ").map_or("", |(_, f)| f);
    if reason.ends_with("no quantity") {
        "not found"
    } else if reason.contains(" is not a quantity, read as ") {
        "look-alike read as a quantity"
    } else if fields.starts_with("value") {
        "wrong value"
    } else if fields.starts_with("interval") {
        "wrong interval"
    } else if fields.starts_with("unit") {
        "wrong unit"
    } else if fields.starts_with("kind") {
        "wrong kind"
    } else {
        "wrong qualifier"
    }
}

/// Runs the suite on the table (the devdata folder is not used).
pub fn run(_devdata: &Path) -> Result<Figures, String> {
    let table = load(&table_path())?;
    let keep = samples_wanted();
    let mut per: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut errors = Tally::new(keep);
    for case in &table.case {
        let x = extract(Article {
            id: "numbers".into(),
            text: case.text.clone(),
            origin: "testdata/eval/numbers.toml".into(),
            ..Article::default()
        });
        let wrong = check_case(case, &x.quantities);
        let slot = per.entry(case.category.as_str()).or_default();
        slot.0 += usize::from(wrong.is_empty());
        slot.1 += 1;
        for w in &wrong {
            errors.note(&format!("{:<11} {}", case.category, reason_kind(w)), || {
                format!("{:?}: {w}", case.text)
            });
        }
    }
    let mut f = Figures::default();
    let (ok, all) = per
        .values()
        .fold((0, 0), |(a, b), (ok, all)| (a + ok, b + all));
    f.higher("value_accuracy", ratio(ok, all));
    eprintln!(
        "numbers: {all} cases in testdata/eval/numbers.toml, {ok} right ({:.4})",
        ratio(ok, all)
    );
    for (cat, (ok, all)) in &per {
        f.higher(&format!("value_accuracy_{cat}"), ratio(*ok, *all));
        eprintln!("  {cat:<12} {:.4} ({ok}/{all})", ratio(*ok, *all));
    }
    errors.print("errors (category, kind)", 40);
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads_and_every_category_has_cases() {
        let t = load(&table_path()).unwrap();
        assert!(t.case.len() >= 150, "{} cases", t.case.len());
        let cats: std::collections::BTreeSet<&str> =
            t.case.iter().map(|c| c.category.as_str()).collect();
        for c in ["ranges", "currency", "lookalikes", "vague", "negatives"] {
            assert!(cats.contains(c), "no {c} case");
        }
    }

    #[test]
    fn a_case_fails_on_each_field_it_gives() {
        let case: Case = toml::from_str(
            r#"category = "ranges"
               text = "Between 40 and 60 people were hurt at the 2-1 match."
               expect = [{ at = "40 and 60 people", low = 40, high = 60, unit = "people", kind = "count" }]
               absent = ["2-1"]"#,
        )
        .unwrap();
        let x = extract(Article {
            text: case.text.clone(),
            ..Article::default()
        });
        // nothing found: the expectation fails, the absent string holds
        assert_eq!(
            check_case(&case, &[]),
            vec!["\"40 and 60 people\": no quantity".to_string()]
        );
        // whatever today's extractor reads, a wrong expectation fails
        let mut worse = case.clone();
        worse.expect[0].high = Some(61.0);
        assert!(!check_case(&worse, &x.quantities).is_empty());
        let mut none = case.clone();
        none.expect[0].unit = Some("sheep".into());
        assert!(!check_case(&none, &x.quantities).is_empty());
    }

    #[test]
    fn the_loader_rejects_an_expectation_not_in_the_text() {
        let dir = std::env::temp_dir().join(format!("numbers-table-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("t.toml");
        std::fs::write(
            &p,
            "[[case]]\ncategory = \"counts\"\ntext = \"Nine ships sank.\"\nexpect = [{ at = \"ten\", value = 10 }]\n",
        )
        .unwrap();
        let e = load(&p).unwrap_err();
        assert!(e.contains("\"ten\" is not in the text"), "{e}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
