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
//! # a day of syndicated wire copy from real devdata sentences (wire.rs):
//! # DIR/corpus.jsonl and the ground truth DIR/truth.jsonl
//! cargo run --release --example gen_corpus -- wire --articles 10000 --seed 42 --out /tmp/wire10k
//! # the same with stories of 16 to 28 sentences (articles of ~3 KB: the
//! # issue's "100,000 articles (~300 MB)"); `--sentences MIN-MAX` for others
//! cargo run --release --example gen_corpus -- wire --day --articles 100000 --seed 42 --out /tmp/day100k
//! # findings of a CSV report against that truth: planted recall, cross-story findings
//! crosscheck compare /tmp/wire10k/corpus.jsonl --format csv -o /tmp/wire10k/out.csv
//! cargo run --release --example gen_corpus -- wire-check /tmp/wire10k/out.csv /tmp/wire10k/truth.jsonl
//! ```

mod corpus;
mod wire;

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
         gen_corpus stages CORPUS.jsonl [--threads N] [--format csv|json|...]\n  \
         gen_corpus wire --articles N [--seed S] [--out DIR] [--devdata DIR] [--date YYYY-MM-DD]\n                  \
         [--day | --sentences MIN-MAX]\n  \
         gen_corpus wire-check REPORT.csv TRUTH.jsonl"
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
        Some("wire") => gen_wire(&args[1..]),
        Some("wire-check") if args.len() >= 3 => wire_check(&args[1], &args[2]),
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

/// The devdata folder: `--devdata`, else `$CROSSCHECK_DEVDATA`, else
/// `../shared/devdata` beside the repository.
fn devdata_dir(args: &[String]) -> PathBuf {
    flag(args, "--devdata")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("CROSSCHECK_DEVDATA").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/devdata"))
}

fn gen_wire(args: &[String]) -> anyhow::Result<()> {
    let articles: usize = flag(args, "--articles")
        .unwrap_or_else(|| usage())
        .parse()?;
    let seed: u64 = flag(args, "--seed").map_or(Ok(42), |s| s.parse())?;
    let date = flag(args, "--date").map_or(
        Ok(chrono::NaiveDate::from_ymd_opt(2016, 3, 2).unwrap()),
        |d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d"),
    )?;
    let out = PathBuf::from(
        flag(args, "--out").unwrap_or_else(|| format!("/tmp/crosscheck-wire-{articles}")),
    );
    let dir = devdata_dir(args);
    let docs = wire::load_devdata(&dir)
        .map_err(|e| anyhow::anyhow!("{e} (devdata folder: --devdata or CROSSCHECK_DEVDATA)"))?;
    // sentences per story: the default (articles of ~1.4 KB), `--day`
    // (~3 KB) or `--sentences MIN-MAX`
    let window = match flag(args, "--sentences") {
        Some(w) => {
            let (a, b) = w.split_once('-').unwrap_or((&w, &w));
            a.parse()?..=b.parse()?
        }
        None if args.iter().any(|a| a == "--day") => wire::DAY_WINDOW,
        None => wire::WINDOW,
    };
    let arts = wire::generate_wire_window(
        &docs,
        &wire::WireParams {
            articles,
            seed,
            date,
        },
        window,
    );
    std::fs::create_dir_all(&out)?;
    let mut w = BufWriter::new(std::fs::File::create(out.join("corpus.jsonl"))?);
    let mut t = BufWriter::new(std::fs::File::create(out.join("truth.jsonl"))?);
    let mut bytes = 0usize;
    let mut stories = std::collections::BTreeSet::new();
    let mut planted: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut repeated = std::collections::BTreeSet::new();
    for a in &arts {
        if a.round > 0 {
            repeated.insert(a.story);
        }
        bytes += a.text.len();
        stories.insert(a.story);
        let line = json!({
            "id": a.id, "source": a.source, "published": a.published.to_string(),
            "title": a.title, "text": a.text,
        });
        writeln!(w, "{line}")?;
        let p: Vec<Value> = a
            .planted
            .iter()
            .map(|p| {
                *planted.entry(p.kind).or_default() += 1;
                json!({"kind": p.kind, "span": [p.span.0, p.span.1], "old": p.old, "new": p.new})
            })
            .collect();
        let line = json!({
            "id": a.id, "story": format!("story{:05}", a.story), "outlet": a.source,
            "original": a.original, "dropped": a.dropped, "swapped": a.swapped, "round": a.round,
            "planted": p,
        });
        writeln!(t, "{line}")?;
    }
    w.flush()?;
    t.flush()?;
    eprintln!(
        "{} articles in {} stories ({} overlapping earlier stories: devdata used up) ({:.1} MB of text) from {} source documents; planted {:?}; in {}",
        arts.len(),
        stories.len(),
        repeated.len(),
        bytes as f64 / 1e6,
        docs.len(),
        planted,
        out.display()
    );
    Ok(())
}

/// Scores a CSV report against `truth.jsonl`: planted discrepancies found
/// (a finding of the same kind citing the planted span in that article),
/// and findings that join articles of different stories. Reads today's
/// schema (one row per finding, `article_a`/`article_b`) and the
/// per-article one (`finding_id`, `article`, `span`), by header name.
fn wire_check(report: &str, truth: &str) -> anyhow::Result<()> {
    use std::collections::{BTreeMap, HashMap, HashSet};
    let mut story: HashMap<String, String> = HashMap::new();
    // per article: (kind, span, index into planted_kind)
    type Sites = Vec<(String, (usize, usize), usize)>;
    let mut planted: HashMap<String, Sites> = HashMap::new();
    let mut planted_kind: Vec<String> = Vec::new();
    for l in std::fs::read_to_string(truth)?.lines() {
        let v: Value = serde_json::from_str(l)?;
        let id = s(&v["id"]);
        story.insert(id.clone(), s(&v["story"]));
        for p in v["planted"].as_array().into_iter().flatten() {
            let span = (
                p["span"][0].as_u64().unwrap_or(0) as usize,
                p["span"][1].as_u64().unwrap_or(0) as usize,
            );
            planted
                .entry(id.clone())
                .or_default()
                .push((s(&p["kind"]), span, planted_kind.len()));
            planted_kind.push(s(&p["kind"]));
        }
    }
    let parse_span = |t: &str| -> Option<(usize, usize)> {
        let (a, b) = t.split_once('-')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    };
    let mut rd = csv::Reader::from_path(report)?;
    let h = rd.headers()?.clone();
    let col = |n: &str| h.iter().position(|x| x == n);
    let kind_c = col("kind").ok_or_else(|| anyhow::anyhow!("no kind column"))?;
    let pairwise = col("article_a").is_some();
    // (finding, article, span, value span) entries
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    let mut hit: HashSet<usize> = HashSet::new();
    let mut cross = 0usize;
    let mut unknown = 0usize;
    let mut finding_stories: HashMap<String, (String, HashSet<String>)> = HashMap::new();
    let mut note = |kind: &str, article: &str, spans: [Option<(usize, usize)>; 2]| {
        for (pk, ps, i) in planted.get(article).into_iter().flatten() {
            if pk == kind && spans.iter().flatten().any(|s| s.0 < ps.1 && ps.0 < s.1) {
                hit.insert(*i);
            }
        }
    };
    for row in rd.records() {
        let row = row?;
        let kind = row.get(kind_c).unwrap_or("").to_string();
        if kind == "agreement" || kind == "matched" {
            continue;
        }
        let get = |n: &str| col(n).and_then(|c| row.get(c)).unwrap_or("");
        if pairwise {
            *by_kind.entry(kind.clone()).or_default() += 1;
            let (a, b) = (get("article_a"), get("article_b"));
            for (art, sp, vs) in [(a, "span_a", "value_span_a"), (b, "span_b", "value_span_b")] {
                note(&kind, art, [parse_span(get(sp)), parse_span(get(vs))]);
            }
            match (story.get(a), story.get(b)) {
                (Some(x), Some(y)) if x != y => cross += 1,
                (Some(_), Some(_)) => {}
                _ => unknown += 1,
            }
        } else {
            let art = get("article");
            note(
                &kind,
                art,
                [parse_span(get("span")), parse_span(get("value_span"))],
            );
            let e = finding_stories
                .entry(get("finding_id").to_string())
                .or_insert_with(|| (kind.clone(), HashSet::new()));
            match story.get(art) {
                Some(st) => {
                    e.1.insert(st.clone());
                }
                None => unknown += 1,
            }
        }
    }
    if !pairwise {
        for (k, sts) in finding_stories.values() {
            *by_kind.entry(k.clone()).or_default() += 1;
            cross += usize::from(sts.len() > 1);
        }
    }
    let total: usize = by_kind.values().sum();
    println!(
        "discrepancy findings: {total} ({})",
        if pairwise {
            "one per article pair"
        } else {
            "one per finding id"
        }
    );
    for (k, n) in &by_kind {
        println!("  {k:<14} {n:>10}");
    }
    println!("findings joining different stories: {cross}");
    if unknown > 0 {
        println!("rows naming an article not in the truth: {unknown}");
    }
    let mut per: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, k) in planted_kind.iter().enumerate() {
        let e = per.entry(k.as_str()).or_default();
        e.0 += 1;
        e.1 += usize::from(hit.contains(&i));
    }
    println!("planted discrepancies found (same kind, on the planted span):");
    for (k, (n, f)) in per {
        println!(
            "  {k:<14} {f:>6} / {n:<6} {:.3}",
            if n == 0 { 0.0 } else { f as f64 / n as f64 }
        );
    }
    Ok(())
}
