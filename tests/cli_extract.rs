//! End-to-end tests of `crosscheck extract`, running the built binary.

use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run crosscheck")
}

fn json(out: &Output) -> Vec<Value> {
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    v.as_array().expect("a JSON array").clone()
}

const FIELDS: [&str; 13] = [
    "id",
    "source",
    "title",
    "url",
    "published",
    "origin",
    "text",
    "sentences",
    "quotes",
    "dates",
    "quantities",
    "entities",
    "diagnostics",
];

#[test]
fn extract_seeds_json() {
    let seeds = seeds();
    let out = run(&["extract", seeds.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let arts = json(&out);
    assert_eq!(arts.len(), 2);
    for a in &arts {
        for f in FIELDS {
            assert!(a.get(f).is_some(), "missing field {f}");
        }
        assert!(a.get("article").is_none(), "article must be flattened");
    }
    assert_eq!(arts[0]["id"], "000_93e88e4b70d85a76");
    assert_eq!(
        arts[0]["title"],
        "Blinken proposes to Moscow “a serious diplomatic path” on Ukraine"
    );
    assert_eq!(arts[0]["source"], "time news");
    assert_eq!(arts[1]["id"], "001_c40530b05c6dbbf4");
    assert_eq!(
        arts[1]["title"],
        "The US delivers its security proposals on Ukraine to Russia with a call for de-escalation"
    );
    assert!(arts[1]["published"].is_null());
    // the dateline warning is attached to the article and printed
    let diags = arts[1]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["severity"], "warning");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("crosscheck: warning: ")
            && stderr.contains("001_c40530b05c6dbbf4.txt: dateline"),
        "{stderr}"
    );
}

#[test]
fn output_is_deterministic_and_date_fallback_applies() {
    let seeds = seeds();
    let s = seeds.to_str().unwrap();
    let a = run(&["extract", s, "--date", "2022-01-27"]);
    let b = run(&["extract", s, "--date", "2022-01-27"]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout);
    let arts = json(&a);
    assert_eq!(arts[1]["published"], "2022-01-27");
}

#[test]
fn jsonl_output_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    let seeds = seeds();
    let out = run(&[
        "extract",
        seeds.to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let text = fs::read_to_string(&target).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "000_93e88e4b70d85a76");
}

#[test]
fn bad_file_mixed_in_exits_2_and_keeps_good_articles() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("good.txt"), "Title: Good one\n\nBlinken said so.\n").unwrap();
    fs::write(d.join("junk.txt"), b"\x00\x01\x02binary\x00").unwrap();
    fs::write(
        d.join("feed.jsonl"),
        "{\"id\": \"line1\", \"text\": \"Fine.\"}\nnot json\n",
    )
    .unwrap();
    let out = run(&["extract", d.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let arts = json(&out);
    let ids: Vec<_> = arts.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["line1", "good"]);
    assert_eq!(arts[1]["title"], "Good one");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("crosscheck: error: "), "{stderr}");
    assert!(stderr.contains("junk.txt: binary data"), "{stderr}");
    assert!(stderr.contains("feed.jsonl:2: invalid JSON"), "{stderr}");
}

#[test]
fn missing_input_exits_2() {
    let seeds = seeds();
    let out = run(&[
        "extract",
        "/definitely/not/here.txt",
        seeds.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json(&out).len(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/definitely/not/here.txt: cannot read"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let seeds = seeds();
    let s = seeds.to_str().unwrap();
    for args in [
        vec!["extract", s, "--date", "27/01/2022"],
        vec!["extract", s, "--date", "2022-02-30"],
        vec!["extract", s, "--max-article-bytes", "0"],
        vec!["extract", s, "--input-format", "pdf"],
        vec!["extract"],
        vec!["nonsense"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn stdin_is_sniffed() {
    let mut child = bin()
        .args(["extract", "-", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\": \"s1\", \"text\": \"One.\"}\n{\"text\": \"Two.\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["s1", "stdin#2"]);
}
