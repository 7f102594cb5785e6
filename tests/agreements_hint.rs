//! `align::Config::agreements = false` (set by `compare` for CSV and table
//! reports that do not list agreements) must only drop the agreements:
//! every discrepancy, unique claim and person stays the same, on the
//! generated corpus.

mod common;

use common::corpus::{generate, Params};
use crosscheck::align;

#[test]
fn skipping_agreements_keeps_every_discrepancy() {
    let c = generate(&Params {
        articles: 120,
        seed: 7,
    });
    let ingested = common::ingested(&c);
    let docs = crosscheck::extract_all(&ingested);
    let full = align::compare(&docs, &align::Config::default());
    let lean = align::compare(
        &docs,
        &align::Config {
            agreements: false,
            ..Default::default()
        },
    );
    let agreements = full
        .findings
        .iter()
        .filter(|f| f.kind == align::FindingKind::Agreement)
        .count();
    assert!(agreements > 100, "{agreements} agreements");
    let discrepancies: Vec<&align::Finding> = full
        .findings
        .iter()
        .filter(|f| f.kind != align::FindingKind::Agreement)
        .collect();
    assert!(discrepancies.len() > 50, "{}", discrepancies.len());
    assert_eq!(lean.findings.iter().collect::<Vec<_>>(), discrepancies);
    assert_eq!(lean.unique, full.unique);
    assert_eq!(lean.people, full.people);
}
