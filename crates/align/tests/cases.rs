//! End to end on the shared case corpus (`testdata/*.toml`, seeds
//! included): real extraction (`crosscheck_parse::extract`), then
//! `compare` (or `compare_stories` when the case fixes its stories). Each
//! expected finding must be found (kind; one variant's mention containing
//! `a` and another's `b`; speaker, severity and variant count when given);
//! with `exhaustive_findings` no other discrepancy may be reported.

use crosscheck_align::{compare, compare_stories, Alignment, Config, Finding, Mention};
use crosscheck_testdata::{load_all, ExpectFinding};

fn side(m: &Mention, display: &str) -> String {
    format!("{} {}", m.text, display)
}

fn matches(f: &Finding, e: &ExpectFinding) -> bool {
    if f.kind.as_str() != e.kind
        || e.severity
            .as_ref()
            .is_some_and(|s| f.severity.as_str() != s)
        || e.variants.is_some_and(|n| f.variants.len() != n)
        || e.outlets
            .as_ref()
            .is_some_and(|o| f.variants.iter().map(|v| v.outlets).collect::<Vec<_>>() != *o)
    {
        return false;
    }
    let speaker_ok = |m: &Mention| {
        e.speaker
            .as_ref()
            .is_none_or(|s| m.speaker.as_deref() == Some(s))
    };
    let mentions: Vec<(usize, &Mention, String)> = f
        .variants
        .iter()
        .enumerate()
        .flat_map(|(i, v)| v.mentions.iter().map(move |m| (i, m, side(m, &v.display))))
        .collect();
    let discrepancy = f.kind.is_discrepancy();
    mentions.iter().any(|(i, ma, ta)| {
        ta.contains(&e.a)
            && speaker_ok(ma)
            && mentions.iter().any(|(j, mb, tb)| {
                tb.contains(&e.b)
                    && speaker_ok(mb)
                    && if discrepancy {
                        i != j
                    } else {
                        ma.article != mb.article
                    }
            })
    })
}

fn dump(r: &Alignment) -> String {
    r.findings
        .iter()
        .map(|f| {
            format!(
                "  {:?} {} {:.2} {} | {}\n",
                f.kind,
                f.severity,
                f.confidence,
                f.summary(),
                f.explanation
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
        let r = match case.stories() {
            Some(s) => compare_stories(&docs, &s, &Config::default()),
            None => compare(&docs, &Config::default()),
        };
        for e in &case.expect.findings {
            if !r.findings.iter().any(|f| matches(f, e)) {
                failures.push(format!("{}: missing {e:?}\n{}", case.name, dump(&r)));
            }
        }
        if case.expect.exhaustive_findings {
            for f in r.discrepancies() {
                if !case.expect.findings.iter().any(|e| matches(f, e)) {
                    failures.push(format!(
                        "{}: unexpected {:?} {}: {}",
                        case.name,
                        f.kind,
                        f.severity,
                        f.summary()
                    ));
                }
            }
        }
        for group in &case.expect.copies {
            if !r.stories.iter().any(|s| s.copies.contains(group)) {
                failures.push(format!(
                    "{}: copies {group:?} not reported: {:?}",
                    case.name,
                    r.stories.iter().map(|s| &s.copies).collect::<Vec<_>>()
                ));
            }
        }
        // every article is in exactly one story
        let mut seen: Vec<&str> = r
            .stories
            .iter()
            .flat_map(|s| s.articles.iter().map(String::as_str))
            .collect();
        seen.sort_unstable();
        let mut ids: Vec<&str> = docs.iter().map(|d| d.article.id.as_str()).collect();
        ids.sort_unstable();
        if seen != ids {
            failures.push(format!(
                "{}: stories {:?} != articles {ids:?}",
                case.name, seen
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A case that fixes its stories states what story grouping should find:
/// `compare`, which groups the articles itself, must give the same
/// stories (as sets of article ids) and still meet the case.
#[test]
fn story_grouping_finds_the_stories_cases_give() {
    let mut failures = Vec::new();
    for case in load_all() {
        let Some(given) = case.stories() else {
            continue;
        };
        let docs = case.extract();
        let r = compare(&docs, &Config::default());
        let mut want: Vec<Vec<&str>> = given
            .iter()
            .map(|g| {
                let mut v: Vec<&str> = g.iter().map(|&i| docs[i].article.id.as_str()).collect();
                v.sort_unstable();
                v
            })
            .collect();
        want.sort();
        let mut got: Vec<Vec<&str>> = r
            .stories
            .iter()
            .map(|s| {
                let mut v: Vec<&str> = s.articles.iter().map(String::as_str).collect();
                v.sort_unstable();
                v
            })
            .collect();
        got.sort();
        if got != want {
            failures.push(format!(
                "{}: stories {got:?}, case gives {want:?}",
                case.name
            ));
        }
        for e in &case.expect.findings {
            if !r.findings.iter().any(|f| matches(f, e)) {
                failures.push(format!("{}: missing {e:?}\n{}", case.name, dump(&r)));
            }
        }
        if case.expect.exhaustive_findings {
            for f in r.discrepancies() {
                if !case.expect.findings.iter().any(|e| matches(f, e)) {
                    failures.push(format!("{}: unexpected {}", case.name, f.summary()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[ignore]
fn print_cases() {
    let only = std::env::var("CASE").unwrap_or_default();
    for case in load_all().iter().filter(|c| c.name.contains(&only)) {
        let docs = case.extract();
        let r = match case.stories() {
            Some(s) => compare_stories(&docs, &s, &Config::default()),
            None => compare(&docs, &Config::default()),
        };
        println!("== {}\n{}", case.name, dump(&r));
        for p in &r.people {
            println!("  person {} {:?} {:?}", p.name, p.aliases, p.roles);
        }
        for d in &docs {
            for q in &d.quotes {
                println!(
                    "  quote {} {:?} {:?} {:?}",
                    d.article.id, q.speaker, q.attribution, q.text
                );
            }
        }
    }
}
