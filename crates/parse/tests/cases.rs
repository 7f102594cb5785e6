//! Extraction behaviour pinned by data: the case files
//! `testdata/extract/{dates,quantities,quotes,entities}.toml` and the
//! snapshot `testdata/extract/snapshot.txt` (see
//! `crosscheck_testdata::extract` and docs/accuracy.md).
//!
//! Refresh the snapshot after a deliberate change, and review its diff:
//! `UPDATE_EXPECT=1 cargo test -p crosscheck-parse --test cases`.

use crosscheck_testdata::extract::{check_files, check_snapshot, extract_dir};

#[test]
fn extraction_cases() {
    let outcomes = check_files(&extract_dir()).unwrap_or_else(|e| panic!("{e}"));
    for file in ["dates", "quantities", "quotes", "entities"] {
        let n = outcomes
            .iter()
            .filter(|o| o.file.ends_with(&format!("/{file}.toml")))
            .count();
        assert!(n >= 10, "testdata/extract/{file}.toml holds only {n} cases");
    }
    let known: Vec<_> = outcomes
        .iter()
        .filter(|o| o.known_failure.is_some() && !o.wrong.is_empty())
        .collect();
    eprintln!(
        "{} extraction cases, {} known failures:",
        outcomes.len(),
        known.len()
    );
    for o in &known {
        eprintln!(
            "  {} {}: {}",
            o.file,
            o.name,
            o.known_failure.as_deref().unwrap_or_default()
        );
    }
    let broken: Vec<String> = outcomes
        .iter()
        .filter(|o| o.breaks())
        .map(|o| o.message())
        .collect();
    assert!(
        broken.is_empty(),
        "{} extraction cases break:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

#[test]
fn extraction_snapshot() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    if let Err(e) = check_snapshot(&extract_dir(), update) {
        panic!("{e}");
    }
}
