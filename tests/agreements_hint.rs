//! `align::Config::agreements = false` (set by `compare` when the report
//! does not list agreements) must only drop the agreements and matched
//! claims: every discrepancy, story and person stays the same, on the
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
    let agreements = full.agreements().count();
    assert!(agreements > 50, "{agreements} agreements");
    let discrepancies: Vec<&align::Finding> = full.discrepancies().collect();
    assert!(discrepancies.len() > 30, "{}", discrepancies.len());
    assert_eq!(lean.findings.iter().collect::<Vec<_>>(), discrepancies);
    assert_eq!(lean.stories, full.stories);
    assert_eq!(lean.people, full.people);
}
