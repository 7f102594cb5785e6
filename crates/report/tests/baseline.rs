mod common;

use crosscheck_align::FindingKind;
use crosscheck_report::baseline::{compare, Baseline, BaselineEntry, FailOn};
use crosscheck_report::csv_report::to_csv_string;
use crosscheck_report::json_report::to_json_string;
use crosscheck_report::{Report, Severity};

fn entry(id: &str, kind: &str, severity: Severity) -> BaselineEntry {
    BaselineEntry::new(id, kind, severity)
}

#[test]
fn new_resolved_unchanged() {
    let old = Baseline::from_entries([
        entry("a1", "date", Severity::High),
        entry("b2", "quantity", Severity::Medium),
    ]);
    let cur = Baseline::from_entries([
        entry("b2", "quantity", Severity::Medium),
        entry("c3", "place", Severity::Low),
    ]);
    let c = compare(&old, &cur);
    assert_eq!(c.new, [entry("c3", "place", Severity::Low)]);
    assert_eq!(c.resolved, [entry("a1", "date", Severity::High)]);
    assert_eq!(c.unchanged, [entry("b2", "quantity", Severity::Medium)]);
}

#[test]
fn empty_baseline_makes_everything_new() {
    let cur = Baseline::from_entries([entry("x", "date", Severity::Low)]);
    let c = compare(&Baseline::default(), &cur);
    assert_eq!(c.new.len(), 1);
    assert!(c.resolved.is_empty() && c.unchanged.is_empty());
}

#[test]
fn fail_on_decisions() {
    let c = compare(
        &Baseline::default(),
        &Baseline::from_entries([
            entry("1", "quote_wording", Severity::Medium),
            entry("2", "place", Severity::Low),
        ]),
    );
    assert!(FailOn::Severity(Severity::Medium).fails(&c));
    assert!(FailOn::Severity(Severity::Low).fails(&c));
    assert!(!FailOn::Severity(Severity::High).fails(&c));
    assert!(FailOn::Kind(FindingKind::Place).fails(&c));
    assert!(!FailOn::Kind(FindingKind::Date).fails(&c));
    assert!(!FailOn::Never.fails(&c));
    assert_eq!(FailOn::Severity(Severity::Low).offending(&c).len(), 2);

    // unchanged findings never fail a run
    let same = Baseline::from_entries([entry("1", "date", Severity::High)]);
    let c = compare(&same, &same);
    assert!(!FailOn::Severity(Severity::Info).fails(&c));
}

#[test]
fn fail_on_parses() {
    assert_eq!(
        "high".parse::<FailOn>().unwrap(),
        FailOn::Severity(Severity::High)
    );
    assert_eq!(
        "Medium".parse::<FailOn>().unwrap(),
        FailOn::Severity(Severity::Medium)
    );
    assert_eq!(
        "date".parse::<FailOn>().unwrap(),
        FailOn::Kind(FindingKind::Date)
    );
    assert_eq!(
        "quote-wording".parse::<FailOn>().unwrap(),
        FailOn::Kind(FindingKind::QuoteWording)
    );
    assert_eq!(
        "any".parse::<FailOn>().unwrap(),
        FailOn::Severity(Severity::Info)
    );
    assert_eq!("never".parse::<FailOn>().unwrap(), FailOn::Never);
    let err = "bogus".parse::<FailOn>().unwrap_err().to_string();
    assert!(err.contains("bogus") && err.contains("quantity"), "{err}");
    assert_eq!(
        FailOn::Kind(FindingKind::SpeakerRole).to_string(),
        "speaker_role"
    );
}

#[test]
fn baseline_from_own_csv_and_json_reports() {
    let (x, a) = common::sample();
    let r = Report::new(&x, &a);
    let current = Baseline::of(&r.entries());
    assert_eq!(current.len(), a.discrepancies().count());
    assert!(current.len() >= 3);
    // the CSV has a row per article of a finding: one entry per id
    let from_csv = Baseline::parse(&to_csv_string(&r).unwrap()).unwrap();
    let from_json = Baseline::parse(&to_json_string(&r).unwrap()).unwrap();
    assert_eq!(from_csv, current);
    assert_eq!(from_json, current);
    let c = compare(&from_csv, &current);
    assert!(c.new.is_empty() && c.resolved.is_empty());
    assert_eq!(c.unchanged.len(), current.len());
}

/// Reordered input and text moved by an edit elsewhere keep every id; a
/// changed value gives a new one.
#[test]
fn baseline_survives_reordering_and_moved_spans_and_sees_edits() {
    let (x, a) = common::sample();
    let old = Baseline::of(&Report::new(&x, &a).entries());
    let mut x2 = common::articles();
    x2.reverse();
    let a2 = crosscheck_align::compare(&x2, &crosscheck_align::Config::default());
    assert_eq!(Baseline::of(&Report::new(&x2, &a2).entries()), old);

    // a sentence added in front of one article moves every span
    let mut moved = common::articles();
    let lead = "Tensions rose again this week. ";
    let shift = |s: &mut crosscheck_parse::Span| {
        s.start += lead.len();
        s.end += lead.len();
    };
    {
        let rt = &mut moved[2];
        rt.article.text = format!("{lead}{}", rt.article.text);
        rt.sentences = crosscheck_parse::sentences::split(&rt.article.text);
        for q in &mut rt.quotes {
            shift(&mut q.span);
            q.sentence += 1;
        }
        for d in &mut rt.dates {
            shift(&mut d.span);
        }
        for e in &mut rt.entities {
            e.mentions.iter_mut().for_each(shift);
        }
    }
    let a3 = crosscheck_align::compare(&moved, &crosscheck_align::Config::default());
    let c = compare(&old, &Baseline::of(&Report::new(&moved, &a3).entries()));
    assert!(c.new.is_empty() && c.resolved.is_empty(), "{c:?}");

    // one date changed: that finding is new, its old self resolved
    let mut edited = common::articles();
    edited[2].dates[0].value = Some(crosscheck_parse::DateValue::Day(
        crosscheck_parse::NaiveDate::from_ymd_opt(2022, 2, 11).unwrap(),
    ));
    let a4 = crosscheck_align::compare(&edited, &crosscheck_align::Config::default());
    let c = compare(&old, &Baseline::of(&Report::new(&edited, &a4).entries()));
    assert_eq!(c.new.len(), 1, "{c:?}");
    assert_eq!(c.new[0].kind, "date");
    assert_eq!(c.resolved.len(), 1);
    assert_eq!(c.resolved[0].kind, "date");
    assert_eq!(c.unchanged.len(), old.len() - 1);
    assert!(FailOn::Kind(FindingKind::Date).fails(&c));
    assert!(!FailOn::Kind(FindingKind::Quantity).fails(&c));
}

#[test]
fn bad_baselines_are_errors() {
    assert!(Baseline::parse("{\"nope\": 1}").is_err());
    assert!(Baseline::parse("a,b\n1,2\n").is_err());
    assert!(Baseline::parse("finding_id,kind,severity\nx,date,urgent\n").is_err());
    let missing = crosscheck_report::baseline::load(std::path::Path::new("/nonexistent/base.csv"));
    assert!(missing
        .unwrap_err()
        .to_string()
        .contains("/nonexistent/base.csv"));
}

/// A file that cannot be read keeps its `io::Error` as the source; a file
/// whose content is refused keeps the content error as the source.
#[test]
fn baseline_file_errors_keep_their_source() {
    use crosscheck_report::ReportError;
    use std::error::Error;
    let missing = crosscheck_report::baseline::load(std::path::Path::new("/nonexistent/base.csv"))
        .unwrap_err();
    assert!(
        missing
            .to_string()
            .starts_with("cannot read baseline /nonexistent/base.csv: "),
        "{missing}"
    );
    let io = missing
        .source()
        .and_then(|s| s.downcast_ref::<std::io::Error>());
    assert_eq!(io.map(|e| e.kind()), Some(std::io::ErrorKind::NotFound));

    let dir = std::env::temp_dir().join(format!("crosscheck-baseline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("old.csv");
    std::fs::write(&path, "finding_id,kind,severity\nq-1f2e,date,urgent\n").unwrap();
    let bad = crosscheck_report::baseline::load(&path).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        bad.to_string().starts_with(&format!(
            "baseline {}: baseline CSV row 2: ",
            path.display()
        )),
        "{bad}"
    );
    assert!(bad.source().is_some());
    match bad {
        ReportError::File { source, .. } => {
            assert!(matches!(*source, ReportError::Invalid(_)), "{source:?}")
        }
        other => panic!("{other:?}"),
    }
}
