//! Generates a news corpus with planted discrepancies, checks a report
//! against it, and times the pipeline stage by stage. The generator is
//! documented in `corpus.rs` (what it perturbs, with which probability, the
//! seed); `docs/scale.md` has the measurements.
//!
//! ```text
//! # N articles in DIR/corpus.jsonl, planted findings in DIR/expected.jsonl
//! cargo run --release --example gen_corpus -- gen --articles 10000 --seed 42 --out /tmp/cc10k
//! # recall by kind and cross-story findings of a JSON report (findings
//! # are scored as the article pairs they cover)
//! crosscheck compare /tmp/cc10k/corpus.jsonl --include-agreements --format json -o /tmp/cc10k/out.json
//! cargo run --release --example gen_corpus -- check /tmp/cc10k/out.json /tmp/cc10k/expected.jsonl
//! # time and peak RSS of ingest, extract, align, report (as `compare` runs them)
//! cargo run --release --example gen_corpus -- stages /tmp/cc10k/corpus.jsonl --threads 2 --format csv
//! ```

mod corpus;

use corpus::{check, generate, pairs, Params, Planted, Side};
use crosscheck::{align, parse, report};
use serde_json::{json, Value};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

fn usage() -> ! {
    eprintln!(
        "usage:\n  gen_corpus gen --articles N [--seed S] [--out DIR]\n  \
         gen_corpus check REPORT.json EXPECTED.jsonl\n  \
         gen_corpus stages CORPUS.jsonl [--threads N] [--format csv|json|...]"
    );
    std::process::exit(2)
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("gen") => gen(&args[1..]),
        Some("check") if args.len() >= 3 => run_check(&args[1], &args[2]),
        Some("stages") if args.len() >= 2 => stages(&args[1], &args[2..]),
        _ => usage(),
    }
}

fn gen(args: &[String]) -> anyhow::Result<()> {
    let articles: usize = flag(args, "--articles")
        .unwrap_or_else(|| usage())
        .parse()?;
    let seed: u64 = flag(args, "--seed").map_or(Ok(42), |s| s.parse())?;
    let out = PathBuf::from(
        flag(args, "--out").unwrap_or_else(|| format!("/tmp/crosscheck-corpus-{articles}")),
    );
    std::fs::create_dir_all(&out)?;
    let c = generate(&Params { articles, seed });
    let mut w = BufWriter::new(std::fs::File::create(out.join("corpus.jsonl"))?);
    let mut bytes = 0usize;
    for a in &c.articles {
        bytes += a.text.len();
        let line = json!({
            "id": a.id, "source": a.source, "published": a.published.to_string(),
            "title": a.title, "text": a.text,
        });
        writeln!(w, "{line}")?;
    }
    w.flush()?;
    let mut w = BufWriter::new(std::fs::File::create(out.join("expected.jsonl"))?);
    for e in &c.expected {
        let line = json!({
            "kind": e.kind, "a": e.a, "b": e.b, "a_value": e.a_value, "b_value": e.b_value,
            "anchor": e.anchor, "a_text": e.a_text, "b_text": e.b_text,
        });
        writeln!(w, "{line}")?;
    }
    w.flush()?;
    eprintln!(
        "{} articles ({:.2} MB of text), {} planted discrepancies in {}",
        c.articles.len(),
        bytes as f64 / 1e6,
        c.expected.len(),
        out.display()
    );
    Ok(())
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// Loads planted findings from `expected.jsonl`.
fn load_expected(path: &str) -> anyhow::Result<Vec<Planted>> {
    let text = std::fs::read_to_string(path)?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l)?;
            Ok(Planted {
                kind: s(&v["kind"]),
                a: s(&v["a"]),
                b: s(&v["b"]),
                a_value: s(&v["a_value"]),
                b_value: s(&v["b_value"]),
                anchor: v["anchor"].as_str().map(str::to_string),
                a_text: s(&v["a_text"]),
                b_text: s(&v["b_text"]),
            })
        })
        .collect()
}

fn run_check(report_path: &str, expected_path: &str) -> anyhow::Result<()> {
    let expected = load_expected(expected_path)?;
    let rep: Value = serde_json::from_str(&std::fs::read_to_string(report_path)?)?;
    let mut found = Vec::new();
    let stories = rep["stories"].as_array().into_iter().flatten();
    for f in stories.flat_map(|st| st["findings"].as_array().into_iter().flatten()) {
        let variants: Vec<Vec<Side>> = f["variants"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|v| {
                v["mentions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|m| Side {
                        article: s(&m["article"]),
                        text: s(&m["text"]),
                        value: s(&v["display"]),
                        speaker: s(&m["speaker"]),
                    })
                    .collect()
            })
            .collect();
        found.extend(pairs(&s(&f["kind"]), &variants));
    }
    let score = check(&expected, &found);
    print!("{}", score.table());
    Ok(())
}

/// Peak and current resident set size (kB), from /proc (Linux).
fn rss() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let get = |k: &str| {
        status
            .lines()
            .find(|l| l.starts_with(k))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    (get("VmHWM:"), get("VmRSS:"))
}

fn stage(name: &str, t: Instant) {
    let (hwm, cur) = rss();
    eprintln!(
        "stage {name:<8} {:>8.3} s   peak RSS {:>7.1} MiB   RSS {:>7.1} MiB",
        t.elapsed().as_secs_f64(),
        hwm as f64 / 1024.0,
        cur as f64 / 1024.0
    );
}

/// The stages of `crosscheck compare`, timed one by one, with the same
/// calls as `src/compare.rs`.
fn stages(input: &str, args: &[String]) -> anyhow::Result<()> {
    let threads: usize = flag(args, "--threads").map_or(Ok(2), |s| s.parse())?;
    let format: report::Format = flag(args, "--format")
        .unwrap_or_else(|| "csv".into())
        .parse()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let total = Instant::now();
    let t = Instant::now();
    let ingested = parse::read_inputs(&[PathBuf::from(input)], &Default::default());
    stage("ingest", t);
    let t = Instant::now();
    let x = pool.install(|| crosscheck::extract_all(&ingested));
    stage("extract", t);
    let t = Instant::now();
    let a = pool.install(|| align::compare(&x, &align::Config::default()));
    stage("align", t);
    let t = Instant::now();
    let rep = report::Report::new(&x, &a).with_diagnostics(&ingested.diagnostics);
    let text = report::render(&rep, format)?;
    stage("report", t);
    stage("total", total);
    eprintln!(
        "{} articles in {} stories, {} findings ({} discrepancies), {} bytes of report",
        x.len(),
        a.stories.len(),
        a.findings.len(),
        a.discrepancies().count(),
        text.len()
    );
    Ok(())
}
