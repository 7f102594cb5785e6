mod common;

use crosscheck_align::FindingKind;
use crosscheck_report::baseline::{compare, Baseline, BaselineEntry, FailOn};
use crosscheck_report::csv_report::to_csv_string;
use crosscheck_report::json_report::to_json_string;
use crosscheck_report::{Report, Severity};

fn entry(id: &str, kind: &str, severity: Severity) -> BaselineEntry {
    BaselineEntry {
        id: id.into(),
        kind: kind.into(),
        severity,
    }
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
    assert_eq!(current.len(), 5);
    let from_csv = Baseline::parse(&to_csv_string(&r).unwrap()).unwrap();
    let from_json = Baseline::parse(&to_json_string(&r).unwrap()).unwrap();
    assert_eq!(from_csv, current);
    assert_eq!(from_json, current);
    let c = compare(&from_csv, &current);
    assert!(c.new.is_empty() && c.resolved.is_empty());
    assert_eq!(c.unchanged.len(), 5);
}

#[test]
fn baseline_survives_reordering_and_confidence_changes_and_sees_edits() {
    let (x, a) = common::sample();
    let old = Baseline::of(&Report::new(&x, &a).entries());
    let (x2, mut a2) = common::shuffled(&x, &a);
    for f in &mut a2.findings {
        f.confidence = (f.confidence + 0.01).min(1.0);
        f.a.claim.span.start += 3;
        f.a.claim.span.end += 3;
    }
    // one text edited: that finding is new, its old self resolved
    let date = a2
        .findings
        .iter_mut()
        .find(|f| f.kind == FindingKind::Date)
        .unwrap();
    date.b.value = Some("2022-02-11".into());
    let cur = Baseline::of(&Report::new(&x2, &a2).entries());
    let c = compare(&old, &cur);
    assert_eq!(c.unchanged.len(), 4);
    assert_eq!(c.new.len(), 1);
    assert_eq!(c.new[0].kind, "date");
    assert_eq!(c.resolved.len(), 1);
    assert_eq!(c.resolved[0].kind, "date");
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
