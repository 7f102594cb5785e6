//! End-to-end tests of `crosscheck compare`: the built binary on the seeds
//! and on the shared case corpus, every output format, determinism, and the
//! CI baseline mode's exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED_A: &str = "seeds/000_93e88e4b70d85a76.txt";
const SEED_B: &str = "seeds/001_c40530b05c6dbbf4.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn crosscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("the binary runs")
}

/// `crosscheck compare seeds/ --date 2022-01-27 ARGS...`
fn compare_seeds(args: &[&str]) -> Output {
    let mut all = vec!["compare", "seeds/", "--date", "2022-01-27"];
    all.extend_from_slice(args);
    crosscheck(&all)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed")
}

/// A CSV row: column name to value.
type Row = std::collections::HashMap<String, String>;

/// CSV rows as maps from column name to value.
fn rows(csv_text: &str) -> Vec<Row> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = r.headers().expect("a header row").clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("a well-formed CSV record");
            headers
                .iter()
                .map(String::from)
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn seeds_csv_has_the_schema_and_the_expected_findings() {
    let o = compare_seeds(&["--format", "csv"]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let text = stdout(&o);
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        "finding_id,kind,severity,confidence,story,variant,article,source,speaker,value,text,span,value_span,explanation,cluster"
    );
    let rows = rows(&text);
    // two findings, one row per article mention
    let ids: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r["finding_id"].as_str()).collect();
    assert_eq!(ids.len(), 2, "{rows:?}");
    let wording: Vec<_> = rows
        .iter()
        .filter(|r| r["kind"] == "quote_wording")
        .collect();
    let in_variant = |v: &str, s: &str| {
        wording
            .iter()
            .any(|r| r["variant"] == v && r["text"].contains(s))
    };
    assert!(in_variant("1", "serious diplomatic path"), "{wording:?}");
    assert!(in_variant("2", "serious diplomatic channel"), "{wording:?}");
    assert!(wording.iter().all(|r| r["speaker"] == "Antony Blinken"));
    let role: Vec<_> = rows
        .iter()
        .filter(|r| r["kind"] == "speaker_role")
        .collect();
    let values: Vec<&str> = role.iter().map(|r| r["value"].as_str()).collect();
    assert_eq!(
        values,
        [
            "NATO secretary",
            "Secretary General of the Atlantic Alliance"
        ]
    );
    assert!(rows
        .iter()
        .all(|r| r["story"] == "story:000_93e88e4b70d85a76"));
    // agreements are left out unless asked for
    assert!(rows.iter().all(|r| r["kind"] != "agreement"));
    // every span cites the article text exactly
    for r in &rows {
        let (s, e) = r["span"].split_once('-').expect("span as start-end");
        let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
        let file = root().join("seeds").join(format!("{}.txt", r["article"]));
        let body = std::fs::read_to_string(file).unwrap();
        assert_eq!(&body[s..e], r["text"], "span of {}", r["finding_id"]);
    }
}

#[test]
fn agreements_on_request() {
    let o = compare_seeds(&["--format", "csv", "--include-agreements"]);
    assert_eq!(code(&o), 0);
    let rows = rows(&stdout(&o));
    let agree = |needle: &str| -> std::collections::BTreeSet<String> {
        rows.iter()
            .filter(|r| {
                (r["kind"] == "agreement" || r["kind"] == "matched") && r["text"].contains(needle)
            })
            .map(|r| r["article"].clone())
            .collect()
    };
    assert_eq!(agree("next few days").len(), 2, "next few days in both");
    assert_eq!(agree("sanctions").len(), 2, "sanctions in both");
}

#[test]
fn every_format_parses() {
    let run = |f: &str| {
        let o = compare_seeds(&["--include-agreements", "--format", f]);
        assert_eq!(code(&o), 0, "{f}: {}", String::from_utf8_lossy(&o.stderr));
        stdout(&o)
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).expect("JSON report parses");
    assert!(
        json["stories"][0]["findings"]
            .as_array()
            .is_some_and(|f| f.len() >= 2),
        "{json}"
    );
    let graph: serde_json::Value =
        serde_json::from_str(&run("graph-json")).expect("graph JSON parses");
    let nodes = graph["nodes"].as_array().expect("nodes");
    let ids: std::collections::HashSet<&str> =
        nodes.iter().filter_map(|n| n["id"].as_str()).collect();
    for e in graph["edges"].as_array().expect("edges") {
        for end in ["source", "target"] {
            let id = e[end].as_str().unwrap_or_default();
            assert!(ids.contains(id), "edge endpoint {id} is not a node");
        }
    }
    let dot = run("dot");
    assert!(
        dot.starts_with("digraph") || dot.starts_with("strict digraph"),
        "{dot}"
    );
    assert_eq!(
        dot.matches('{').count(),
        dot.matches('}').count(),
        "balanced braces"
    );
    assert!(dot.contains("->"));
    let md = run("md");
    assert!(md.starts_with('#') && md.contains("Antony Blinken"), "{md}");
    let html = run("html");
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(
        !html.contains("<script src") && !html.contains("<link "),
        "self-contained"
    );
    let table = run("table");
    assert!(table.contains("quote_wording") && table.contains("speaker_role"));
}

/// The first seed quotes Blinken two ways (its headline says "path", its
/// body "channel"), the second seed says "path". The matrix must not read
/// as if the first seed only disagreed: it differs and also gives the
/// first variant, while the second agrees.
#[test]
fn the_matrix_says_when_an_article_gives_both_variants() {
    let out = compare_seeds(&["--format", "html"]);
    assert_eq!(code(&out), 0);
    let html = stdout(&out);
    assert!(
        html.contains(
            "<td class=\"st-differs\">differs (quote wording); also gives the first variant</td><td class=\"st-agrees\">agrees</td>"
        ),
        "{html}"
    );
}

/// A syndicated copy that changed a fact must not hide behind "copy" in the
/// story matrix: `wire` copies `paper` word for word but dates the meeting
/// on Tuesday, where `paper` and `radio` say Saturday.
#[test]
fn the_matrix_shows_a_changed_copy_as_differing() {
    let body = "Finance ministers of the euro zone met in Luxembourg on Saturday to discuss the new budget rules for the bloc. \
The meeting lasted six hours and ended without a joint statement. Diplomats said the talks would resume next month in Brussels. \
\"We are close, but we are not there yet,\" said Paschal Donohoe, the president of the Eurogroup. \
Germany and the Netherlands want stricter limits on public debt, while France and Italy ask for room to invest in defence and energy.\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("paper.txt"), body).unwrap();
    std::fs::write(
        dir.path().join("wire.txt"),
        body.replace("on Saturday", "on Tuesday"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("radio.txt"),
        "Euro zone finance ministers gathered in Luxembourg on Saturday for talks on the bloc's budget rules, \
which ended after six hours without a joint text. \"We are close, but we are not there yet,\" Eurogroup president \
Paschal Donohoe told reporters. Talks resume next month, diplomats said.\n",
    )
    .unwrap();
    let dir_arg = dir.path().to_str().unwrap();
    let out = crosscheck(&[
        "compare",
        dir_arg,
        "--date",
        "2023-06-20",
        "--format",
        "html",
        "-q",
    ]);
    assert_eq!(code(&out), 0);
    let html = stdout(&out);
    assert!(html.contains("Syndicated copies"), "{html}");
    // columns: paper, radio, wire
    assert!(
        html.contains(
            "<td class=\"st-agrees\">agrees</td><td class=\"st-agrees\">agrees</td><td class=\"st-differs\">differs (date); a changed copy</td>"
        ),
        "{html}"
    );
}

#[test]
fn same_bytes_whatever_the_thread_count_or_input_order() {
    let base = crosscheck(&[
        "compare",
        SEED_A,
        SEED_B,
        "--date",
        "2022-01-27",
        "--format",
        "json",
        "--threads",
        "1",
        "--include-agreements",
    ]);
    let two = crosscheck(&[
        "compare",
        SEED_A,
        SEED_B,
        "--date",
        "2022-01-27",
        "--format",
        "json",
        "--threads",
        "2",
        "--include-agreements",
    ]);
    let reversed = crosscheck(&[
        "compare",
        SEED_B,
        SEED_A,
        "--date",
        "2022-01-27",
        "--format",
        "json",
        "--threads",
        "2",
        "--include-agreements",
    ]);
    assert_eq!(code(&base), 0);
    assert_eq!(base.stdout, two.stdout, "1 vs 2 threads");
    assert_eq!(base.stdout, reversed.stdout, "input order");
    for f in ["csv", "dot", "md", "html"] {
        let a = crosscheck(&[
            "compare",
            SEED_A,
            SEED_B,
            "--date",
            "2022-01-27",
            "--format",
            f,
            "--threads",
            "1",
        ]);
        let b = crosscheck(&[
            "compare",
            SEED_B,
            SEED_A,
            "--date",
            "2022-01-27",
            "--format",
            f,
            "--threads",
            "2",
        ]);
        assert_eq!(a.stdout, b.stdout, "{f}");
    }
}

/// Writes a testdata case's articles as text files with a header block.
fn write_case(dir: &Path, case: &crosscheck_testdata::Case) {
    for a in &case.articles {
        let article = a.to_article(&crosscheck_testdata::workspace_root());
        let mut body = String::new();
        body.push_str(&format!("Id: {}\n", a.id));
        if let Some(d) = a.published {
            body.push_str(&format!("Date: {d}\n"));
        }
        body.push('\n');
        body.push_str(&article.text);
        std::fs::write(dir.join(format!("{}.txt", a.id)), body).unwrap();
    }
}

/// Every testdata case through the binary. Cases that fix their stories
/// (`story` labels) are compared by the library test
/// (crates/align/tests/cases.rs) with those stories; here they run only
/// once the binary's own story grouping decides them.
#[test]
fn the_binary_finds_every_expected_finding_of_the_shared_corpus() {
    let mut failures = Vec::new();
    for case in crosscheck_testdata::load_all() {
        if case.stories().is_some() {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        write_case(dir.path(), &case);
        let o = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(["compare", "--format", "csv", "--include-agreements"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(
            code(&o),
            0,
            "[{}] {}",
            case.name,
            String::from_utf8_lossy(&o.stderr)
        );
        let rows = rows(&stdout(&o));
        let mut findings: std::collections::BTreeMap<&str, Vec<&Row>> = Default::default();
        for r in &rows {
            findings
                .entry(r["finding_id"].as_str())
                .or_default()
                .push(r);
        }
        let side = |r: &Row| format!("{} {}", r["text"], r["value"]);
        let hit = |f: &[&Row], e: &crosscheck_testdata::ExpectFinding| {
            let discrepancy = !matches!(f[0]["kind"].as_str(), "agreement" | "matched");
            f[0]["kind"] == e.kind
                && e.severity.as_ref().is_none_or(|s| f[0]["severity"] == *s)
                && f.iter().any(|x| {
                    side(x).contains(&e.a)
                        && f.iter().any(|y| {
                            side(y).contains(&e.b)
                                && if discrepancy {
                                    x["variant"] != y["variant"]
                                } else {
                                    x["article"] != y["article"]
                                }
                        })
                })
        };
        for e in &case.expect.findings {
            if !findings.values().any(|f| hit(f, e)) {
                failures.push(format!(
                    "[{}] missing {} {:?} / {:?}",
                    case.name, e.kind, e.a, e.b
                ));
            }
        }
        if case.expect.exhaustive_findings {
            for f in findings.values() {
                let kind = f[0]["kind"].as_str();
                if kind != "agreement"
                    && kind != "matched"
                    && !case.expect.findings.iter().any(|e| hit(f, e))
                {
                    failures.push(format!(
                        "[{}] unexpected {kind}: {}",
                        case.name, f[0]["explanation"]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn baseline_mode_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full.csv");
    let o = compare_seeds(&["-o", full.to_str().unwrap()]);
    assert_eq!(code(&o), 0);
    assert!(
        std::fs::read_to_string(&full)
            .unwrap()
            .starts_with("finding_id,"),
        "-o FILE.csv picks CSV"
    );

    // unchanged: same findings as the baseline, nothing new, exit 0
    let o = compare_seeds(&["--baseline", full.to_str().unwrap(), "--fail-on", "any"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(code(&o), 0, "{err}");
    assert!(err.contains("0 new, 0 resolved, 2 unchanged"), "{err}");

    // new: a baseline with only the role finding; the wording finding is new
    let partial = dir.path().join("roles.csv");
    let o = compare_seeds(&["--kinds", "speaker_role", "-o", partial.to_str().unwrap()]);
    assert_eq!(code(&o), 0);
    let o = compare_seeds(&[
        "--baseline",
        partial.to_str().unwrap(),
        "--fail-on",
        "quote_wording",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(code(&o), 1, "{err}");
    assert!(
        err.contains("1 new, 0 resolved, 1 unchanged")
            && err.contains("new: ")
            && err.contains("quote_wording"),
        "{err}"
    );
    // the same new finding under a policy it does not reach: exit 0
    let o = compare_seeds(&["--baseline", partial.to_str().unwrap(), "--fail-on", "date"]);
    assert_eq!(code(&o), 0);

    // resolved: the baseline has findings the current run (one kind) lacks
    let o = compare_seeds(&[
        "--kinds",
        "speaker_role",
        "--baseline",
        full.to_str().unwrap(),
        "--fail-on",
        "any",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(code(&o), 0, "{err}");
    assert!(
        err.contains("0 new, 1 resolved, 1 unchanged") && err.contains("resolved: "),
        "{err}"
    );

    // a JSON report works as a baseline too
    let json = dir.path().join("full.json");
    assert_eq!(code(&compare_seeds(&["-o", json.to_str().unwrap()])), 0);
    let o = compare_seeds(&["--baseline", json.to_str().unwrap(), "--fail-on", "any"]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));

    // no baseline: every finding is new
    let o = compare_seeds(&["--fail-on", "medium"]);
    assert_eq!(code(&o), 1);
}

#[test]
fn usage_and_input_errors_exit_2() {
    for args in [
        vec!["compare", "seeds/", "--kinds", "dates"],
        vec!["compare", "seeds/", "--format", "pdf"],
        vec!["compare", "seeds/", "--min-confidence", "1.5"],
        vec!["compare", "seeds/", "--fail-on", "sometimes"],
        vec!["compare", "seeds/", "--baseline", "no/such/file.csv"],
        vec!["compare", "seeds/", "--config", "no/such/crosscheck.toml"],
        vec!["compare", "seeds/", "--threads", "0"],
        vec!["compare"],
    ] {
        let o = crosscheck(&args);
        assert_eq!(
            code(&o),
            2,
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!o.stderr.is_empty(), "{args:?} says why");
    }
    // a missing input among good ones: the good ones are still compared
    let o = crosscheck(&[
        "compare",
        SEED_A,
        "no/such/article.txt",
        SEED_B,
        "--date",
        "2022-01-27",
        "--format",
        "csv",
    ]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("no/such/article.txt"));
    assert!(
        stdout(&o).contains("quote_wording"),
        "the two seeds were still compared"
    );
}

#[test]
fn config_file_sets_thresholds() {
    let dir = tempfile::tempdir().unwrap();
    let strict = dir.path().join("crosscheck.toml");
    // nothing can reach a threshold above 1
    std::fs::write(&strict, "quote_threshold = 1.5\nsame_speaker_quote_threshold = 1.5\ncontainment_threshold = 1.5\nsentence_threshold = 1.5\n").unwrap();
    let o = compare_seeds(&["--format", "csv", "--config", strict.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let rows = rows(&stdout(&o));
    assert!(
        rows.iter().all(|r| r["kind"] != "quote_wording"),
        "{rows:?}"
    );
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "quote_threshold = \"high\"\n").unwrap();
    let o = crosscheck(&["compare", "seeds/", "--config", bad.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.toml"));
}

/// Story grouping is configured in a `[stories]` table of the config file
/// (and `--one-story` forces one story): two unrelated articles are two
/// stories by default, one story when forced either way.
#[test]
fn config_file_sets_story_grouping() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("rates.txt"),
        "Date: 2024-03-06\n\nThe central bank of Moravia raised its main rate to 4.5 percent on \
         Wednesday, citing stubborn inflation, Governor Petr Holub told reporters in Brno.\n",
    )
    .unwrap();
    std::fs::write(
        input.join("quake.txt"),
        "Date: 2024-03-04\n\nA magnitude 6.1 earthquake struck near the town of Valdoria on \
         Monday, destroying the old cathedral, Governor Elena Brask said.\n",
    )
    .unwrap();
    let stories = |extra: &[&str]| -> usize {
        let mut args = vec!["compare", input.to_str().unwrap(), "--format", "json"];
        args.extend_from_slice(extra);
        let o = crosscheck(&args);
        assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        v["stories"].as_array().unwrap().len()
    };
    assert_eq!(stories(&[]), 2);
    assert_eq!(stories(&["--one-story"]), 1);
    let forced = dir.path().join("one.toml");
    std::fs::write(
        &forced,
        "sentence_threshold = 0.5\n\n[stories]\nforce_one_story = true\n",
    )
    .unwrap();
    assert_eq!(stories(&["--config", forced.to_str().unwrap()]), 1);
}
