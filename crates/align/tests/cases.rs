//! End to end on the shared case corpus (`testdata/*.toml`, seeds
//! included): real extraction (`crosscheck_parse::extract`), then
//! `compare`. Each expected finding must be found (kind, a substring of
//! each side, speaker when given); with `exhaustive_findings` no other
//! discrepancy may be reported.

use crosscheck_align::{compare, Alignment, Config, Finding};
use crosscheck_testdata::{load_all, ExpectFinding};

fn side_texts(f: &Finding) -> [String; 2] {
    let t = |e: &crosscheck_align::Evidence| {
        format!("{} {}", e.text, e.value.clone().unwrap_or_default())
    };
    [t(&f.a), t(&f.b)]
}

fn matches(f: &Finding, e: &ExpectFinding) -> bool {
    if f.kind.as_str() != e.kind {
        return false;
    }
    let [a, b] = side_texts(f);
    let sides = (a.contains(&e.a) && b.contains(&e.b)) || (a.contains(&e.b) && b.contains(&e.a));
    let speaker = e
        .speaker
        .as_ref()
        .is_none_or(|s| f.a.speaker.as_deref() == Some(s) && f.b.speaker.as_deref() == Some(s));
    sides && speaker
}

fn dump(r: &Alignment) -> String {
    r.findings
        .iter()
        .map(|f| {
            format!(
                "  {:?} {:.2} | {} || {}\n",
                f.kind, f.confidence, f.a.text, f.b.text
            )
        })
        .collect()
}

#[test]
fn shared_cases() {
    let mut failures = Vec::new();
    let cases = load_all();
    assert!(!cases.is_empty());
    for case in &cases {
        let docs = case.extract();
        let r = compare(&docs, &Config::default());
        for e in &case.expect.findings {
            if !r.findings.iter().any(|f| matches(f, e)) {
                failures.push(format!("{}: missing {e:?}\n{}", case.name, dump(&r)));
            }
        }
        if case.expect.exhaustive_findings {
            for f in r.discrepancies() {
                if !case.expect.findings.iter().any(|e| matches(f, e)) {
                    failures.push(format!(
                        "{}: unexpected {:?}: {} || {}",
                        case.name, f.kind, f.a.text, f.b.text
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
