//! Runs the extraction expectations of every case in `testdata/*.toml`.

#[test]
fn every_testdata_case_extracts_what_it_expects() {
    let cases = crosscheck_testdata::load_all();
    assert!(
        cases.len() >= 9,
        "the shared corpus went missing: {} cases",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let docs = case.extract();
        for e in crosscheck_testdata::check_extraction(case, &docs) {
            failures.push(format!("[{}] {e}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} unmet expectations:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_span_slices_back_to_its_text() {
    for case in crosscheck_testdata::load_all() {
        for d in case.extract() {
            let t = &d.article.text;
            for q in &d.quotes {
                assert_eq!(q.span.slice(t), q.text, "[{}] quote span", case.name);
            }
            for x in &d.dates {
                assert_eq!(x.span.slice(t), x.text, "[{}] date span", case.name);
            }
            for x in &d.quantities {
                assert_eq!(x.span.slice(t), x.text, "[{}] quantity span", case.name);
            }
            for e in &d.entities {
                for r in &e.roles {
                    assert_eq!(r.span.slice(t), r.text, "[{}] role span", case.name);
                }
                for m in &e.mentions {
                    assert!(
                        !m.slice(t).is_empty(),
                        "[{}] empty mention of {}",
                        case.name,
                        e.name
                    );
                }
            }
        }
    }
}
