//! Hostile inputs through ingest, extraction and the `crosscheck extract`
//! binary: nothing may panic or hang, every bad input gets a diagnostic that
//! names it, and the good articles of the same run are still processed.
//!
//! Plain ingest diagnostics are covered by `tests/ingest.rs`; this file adds
//! the extraction side (span invariants on hostile text), the command line
//! (exit codes, messages, the other files of the run), size limits at scale
//! and the fuzz regressions in `tests/data/hostile/`. The alignment side is
//! in `crates/align/tests/hostile.rs` (this package does not depend on
//! crosscheck-align).
//!
//! Wall-clock guards here are hang detectors only, generous enough for a
//! debug build on a loaded machine.

use crosscheck_parse::ingest::parse_bytes;
use crosscheck_parse::{
    extract, read_inputs, Article, DiagnosticLevel, Extraction, IngestOptions, Ingested,
    InputFormat,
};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------- helpers

/// A hang detector, not a benchmark.
const GUARD: Duration = Duration::from_secs(60);

/// The invariants the fuzz targets check (see `fuzz/src/lib.rs`).
fn check_extraction(x: &Extraction) {
    if let Err(e) = x.validate() {
        panic!("{}: {e}", x.article.id);
    }
}

fn extract_checked(a: &Article) -> Extraction {
    let x = extract(a.clone());
    check_extraction(&x);
    x
}

fn article(text: String) -> Article {
    Article {
        id: "hostile".into(),
        published: chrono::NaiveDate::from_ymd_opt(2022, 1, 27),
        text,
        origin: "hostile.txt".into(),
        ..Article::default()
    }
}

fn errors(x: &Ingested) -> Vec<&crosscheck_parse::Diagnostic> {
    x.diagnostics
        .iter()
        .filter(|d| d.severity == DiagnosticLevel::Error)
        .collect()
}

/// Runs `crosscheck ARGS`, killing it (and failing) after [`GUARD`].
fn run(args: &[&Path]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("extract")
        .args(args)
        .args(["--format", "json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // drain the pipes on threads so a large output cannot block the child
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).unwrap();
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).unwrap();
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > GUARD {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("crosscheck extract {args:?} did not finish in {GUARD:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: t_out.join().unwrap(),
        stderr: t_err.join().unwrap(),
    }
}

fn stdout_json(out: &Output) -> Vec<Value> {
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e})"))
        .as_array()
        .expect("an array")
        .clone()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ids(v: &[Value]) -> Vec<&str> {
    v.iter().map(|x| x["id"].as_str().unwrap()).collect()
}

const GOOD: &str = "“We prefer diplomacy,” Antony Blinken said on Wednesday, \
    adding that more than 100,000 soldiers remain near the border.";

fn write_good(dir: &Path) -> PathBuf {
    let p = dir.join("good.txt");
    fs::write(&p, GOOD).unwrap();
    p
}

// ---------------------------------------------------------------- fuzz regressions

/// Every file in `tests/data/hostile/` (inputs found by the fuzzers) goes
/// through every ingest format and extraction without a panic, and with
/// sound spans.
#[test]
fn fuzz_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile");
    let Ok(entries) = fs::read_dir(&dir) else {
        return;
    };
    for e in entries {
        let p = e.unwrap().path();
        let bytes = fs::read(&p).unwrap();
        for f in [
            InputFormat::Text,
            InputFormat::Json,
            InputFormat::JsonLines,
            InputFormat::Html,
        ] {
            let x = parse_bytes(&bytes, "regression", f, &IngestOptions::default());
            assert!(
                !x.diagnostics
                    .iter()
                    .any(|d| d.message.contains("internal error")),
                "{p:?} {f:?}: {:?}",
                x.diagnostics
            );
            for a in &x.articles {
                extract_checked(a);
            }
        }
        extract_checked(&article(String::from_utf8_lossy(&bytes).into_owned()));
    }
}

// ---------------------------------------------------------------- bad bytes

#[test]
fn invalid_utf8_inside_quotes_and_numbers_keeps_spans_sound() {
    let mut src = b"Title: T\n\n".to_vec();
    let at = src.len() + "“We prefer ".len();
    src.extend_from_slice("“We prefer ".as_bytes());
    src.extend_from_slice(b"\xff diplomacy,\xe2\x80\xe2\x80\x9d Blinken said on \xc3 Wednesday, ");
    src.extend_from_slice(
        b"with 100\xe2\x80 000 soldiers and \xf0\x9f\x98 12.5\xa0% of $3\xc2 billion.",
    );
    let x = parse_bytes(
        &src,
        "bad.txt",
        InputFormat::Text,
        &IngestOptions::default(),
    );
    assert_eq!(x.articles.len(), 1, "{:?}", x.diagnostics);
    let w: Vec<_> = x.diagnostics_for("bad.txt").collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].severity, DiagnosticLevel::Warning);
    assert_eq!(w[0].offset, Some(at));
    let e = extract_checked(&x.articles[0]);
    assert!(
        e.quotes.iter().any(|q| q.text.contains('\u{FFFD}')),
        "{:?}",
        e.quotes
    );
}

#[test]
fn cli_invalid_utf8_warns_with_offset_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let bad = dir.path().join("latin1.txt");
    fs::write(&bad, b"Caf\xe9 owners said \xabnon\xbb on Friday.").unwrap();
    let out = run(&[&bad, &good]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(&format!(
            "warning: {}: invalid UTF-8 at byte offset 3",
            bad.display()
        )),
        "{err}"
    );
    let v = stdout_json(&out);
    assert_eq!(ids(&v), ["latin1", "good"]);
    assert!(v[0]["text"].as_str().unwrap().contains('\u{FFFD}'));
    assert_eq!(v[1]["quotes"][0]["speaker"], "Antony Blinken");
}

#[test]
fn cli_binary_junk_is_refused_others_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let png = dir.path().join("image.txt");
    let mut junk = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    junk.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    fs::write(&png, &junk).unwrap();
    let html = dir.path().join("page.html");
    fs::write(&html, b"<html>\0\0\0</html>").unwrap();
    let out = run(&[&png, &html, &good]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    for p in [&png, &html] {
        assert!(
            err.contains(&format!("error: {}: binary data", p.display())),
            "{err}"
        );
    }
    assert_eq!(ids(&stdout_json(&out)), ["good"]);
}

// ---------------------------------------------------------------- size

fn write_single_line(path: &Path, bytes: usize) {
    use std::io::Write;
    let unit = b"officials ";
    let mut f = std::io::BufWriter::new(fs::File::create(path).unwrap());
    let chunk = unit.repeat(100_000);
    let mut left = bytes;
    while left > 0 {
        let n = left.min(chunk.len());
        f.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    f.flush().unwrap();
}

/// 50 MB on one line is over the default limit (10 MiB): refused at once
/// with the size and the limit, through the library, the binary and JSON
/// lines; the other inputs of the run are still read.
#[test]
fn fifty_megabyte_single_line_is_refused_with_size_and_limit() {
    let limit = IngestOptions::default().max_article_bytes;
    assert_eq!(limit, 10 * 1024 * 1024);
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let big = dir.path().join("big.txt");
    let size = 50 * 1024 * 1024;
    write_single_line(&big, size);
    let t = Instant::now();

    let x = read_inputs(&[big.clone(), good.clone()], &IngestOptions::default());
    assert_eq!(x.articles.len(), 1);
    let e = errors(&x);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].origin, big.display().to_string());
    let want = format!("input too large: {size} bytes, the limit is {limit} bytes");
    assert!(e[0].message.contains(&want), "{}", e[0].message);

    let out = run(&[&big, &good]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("error: {}: {want}", big.display())),
        "{err}"
    );
    assert_eq!(ids(&stdout_json(&out)), ["good"]);

    // in memory
    let bytes = fs::read(&big).unwrap();
    let x = parse_bytes(
        &bytes,
        "big.txt",
        InputFormat::Text,
        &IngestOptions::default(),
    );
    assert!(x.articles.is_empty());
    assert!(errors(&x)[0].message.contains(&want));

    // as the middle line of a JSON lines file: that line only is skipped
    let jsonl = dir.path().join("feed.jsonl");
    let mut lines = b"{\"id\": \"first\", \"text\": \"First.\"}\n{\"text\": \"".to_vec();
    lines.extend_from_slice(&bytes);
    lines.extend_from_slice(b"\"}\n{\"id\": \"last\", \"text\": \"Last.\"}\n");
    drop(bytes);
    fs::write(&jsonl, &lines).unwrap();
    drop(lines);
    let x = read_inputs(std::slice::from_ref(&jsonl), &IngestOptions::default());
    let got: Vec<_> = x.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(got, ["first", "last"]);
    let e = errors(&x);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].origin, format!("{}:2", jsonl.display()));
    assert!(e[0].message.contains("too large"), "{}", e[0].message);
    assert!(t.elapsed() < GUARD, "{:?}", t.elapsed());
}

/// The other side of the limit: exactly `max_article_bytes` is read, one
/// more byte is refused.
#[test]
fn limit_is_inclusive() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("edge.txt");
    let o = IngestOptions {
        max_article_bytes: 1024 * 1024,
        ..IngestOptions::default()
    };
    write_single_line(&p, o.max_article_bytes);
    let x = read_inputs(std::slice::from_ref(&p), &o);
    assert!(x.diagnostics.is_empty(), "{:?}", x.diagnostics);
    assert_eq!(x.articles[0].text.len(), o.max_article_bytes);
    write_single_line(&p, o.max_article_bytes + 1);
    let x = read_inputs(std::slice::from_ref(&p), &o);
    assert!(x.articles.is_empty());
    assert!(errors(&x)[0].message.contains("the limit is 1048576 bytes"));
}

/// Single lines: 2 MB is read whole (under the 10 MiB limit); 512 KB of
/// sentences on one line, and 512 KB without any sentence break, are
/// extracted. The latter used to be quadratic in quote attribution
/// (minutes for a few hundred kilobytes); over-long sentences are now cut
/// into bounded pieces. (Extraction of 2 MB takes about a second in release
/// builds but too long for a debug test run.)
#[test]
fn long_single_lines_are_read_and_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("line.txt");
    write_single_line(&p, 2 * 1024 * 1024);
    let x = read_inputs(std::slice::from_ref(&p), &IngestOptions::default());
    assert!(x.diagnostics.is_empty(), "{:?}", x.diagnostics);
    assert_eq!(x.articles[0].text.len(), 2 * 1024 * 1024);

    let n = 512 * 1024;
    let sentences = "Blinken said on Friday that 3,000 troops left Geneva. ".repeat(n / 54);
    let words = "officials said talks ".repeat(n / 21);
    for text in [sentences, words] {
        let t = Instant::now();
        let x = extract_checked(&article(text));
        assert!(x.sentences.len() > 100);
        assert!(t.elapsed() < GUARD, "{:?}", t.elapsed());
    }
}

// ---------------------------------------------------------------- quotes

/// 10^5 quotation marks in every arrangement: extraction finishes (the
/// guard only detects a hang) with sound spans.
#[test]
fn hundred_thousand_quote_marks() {
    let marks = ['“', '”', '"', '‘'];
    let bare: String = marks.iter().cycle().take(100_000).collect();
    let spaced: String = marks
        .iter()
        .cycle()
        .take(100_000)
        .map(|m| format!("{m}word "))
        .collect();
    let said: String = (0..5_000)
        .map(|i| format!("“Talks {i},” Blinken said. ‘x’ \"y "))
        .collect();
    let opening: String = "“".repeat(100_000);
    for text in [bare, spaced, said, opening] {
        let t = Instant::now();
        extract_checked(&article(text));
        assert!(t.elapsed() < GUARD, "{:?}", t.elapsed());
    }
}

/// Regression (review of round 4): the date selector compared each
/// candidate with every date already kept, so an article made of dates took
/// time in the square of their number (50,000 took 3.5 s in release).
#[test]
fn hundred_thousand_dates() {
    let text = "Jan 5 ".repeat(100_000);
    let t = Instant::now();
    let x = extract_checked(&article(text));
    assert!(t.elapsed() < GUARD, "{:?}", t.elapsed());
    assert_eq!(x.dates.len(), 100_000);
    assert_eq!((x.dates[1].span.start, x.dates[1].span.end), (6, 11));
    assert!(x.dates.iter().all(|d| d.text == "Jan 5"));
}

/// Regression: each person mention was checked against all the person's
/// earlier mentions (11 s for 286,000 in release), and each sentence with
/// a reporting verb against every quotation mark of the article (11 s for
/// 160,000 quoted sentences). Both are now O(log n) per question.
#[test]
fn hundred_thousand_mentions_and_quoted_sentences() {
    let t = Instant::now();
    let x = extract_checked(&article("Antony Blinken said. ".repeat(100_000)));
    assert!(t.elapsed() < GUARD, "{:?}", t.elapsed());
    assert_eq!(x.entities.len(), 1);
    assert_eq!(x.entities[0].name, "Antony Blinken");
    assert_eq!(x.entities[0].mentions.len(), 100_000);

    let t = Instant::now();
    let x = extract_checked(&article(
        "\"We prefer diplomacy,\" Blinken said. ".repeat(100_000),
    ));
    assert!(t.elapsed() < GUARD, "{:?}", t.elapsed());
    assert_eq!(x.quotes.len(), 100_000);
    assert!(x
        .quotes
        .iter()
        .all(|q| q.text == "We prefer diplomacy" && q.speaker.as_deref() == Some("Blinken")));
}

/// A 1 MB quote is extracted whole, with its speaker.
#[test]
fn one_megabyte_quote() {
    let body = "we prefer diplomacy and dialogue over war ".repeat(1024 * 1024 / 42);
    let text = format!("Blinken said: “{}” NATO agreed on Friday.", body.trim_end());
    let t = Instant::now();
    let x = extract_checked(&article(text));
    let q = x
        .quotes
        .iter()
        .max_by_key(|q| q.text.len())
        .expect("a quote");
    assert!(q.text.len() > 1_000_000, "{}", q.text.len());
    assert_eq!(q.speaker.as_deref(), Some("Blinken"));
    assert!(t.elapsed() < GUARD, "{:?}", t.elapsed());
}

// ---------------------------------------------------------------- HTML

#[test]
fn cli_deep_html_is_refused_by_name_others_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let deep = dir.path().join("deep.html");
    fs::write(
        &deep,
        format!("<p>Deep.</p>{}x", "<div><span>".repeat(5_000)),
    )
    .unwrap();
    let out = run(&[&deep, &good]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "error: {}: HTML nested more than 1000 elements deep",
            deep.display()
        )),
        "{err}"
    );
    assert_eq!(ids(&stdout_json(&out)), ["good"]);
}

/// Just under the depth limit is parsed; other pathological shapes (deep
/// formatting elements, tables, unclosed everything) finish quickly and
/// either parse or are refused as too deep.
#[test]
fn html_pathological_nesting_finishes() {
    let o = IngestOptions::default();
    let under = format!(
        "<html><body>{}<p>Blinken said “yes” on Friday.</p>{}</body></html>",
        "<div>".repeat(990),
        "</div>".repeat(990)
    );
    let x = parse_bytes(under.as_bytes(), "under.html", InputFormat::Html, &o);
    assert!(!x.has_errors(), "{:?}", x.diagnostics);
    assert!(x.articles[0].text.contains("Blinken said"));
    for (name, page) in [
        ("b", "<b>x".repeat(20_000)),
        ("a", "<a href=x>y".repeat(20_000)),
        ("table", "<table><tr><td>".repeat(5_000)),
        ("mixed", "<div><b><i><p>t</b>".repeat(5_000)),
        ("close", "</div></p></b>x ".repeat(50_000)),
        ("comment", format!("<p>a</p><!--{}", "-".repeat(200_000))),
        (
            "attrs",
            format!("<p {}>text said “a”</p>", "a=b ".repeat(50_000)),
        ),
    ] {
        let t = Instant::now();
        let x = parse_bytes(page.as_bytes(), name, InputFormat::Html, &o);
        assert!(!x.articles.is_empty() || x.has_errors(), "{name}");
        for d in errors(&x) {
            assert!(!d.message.contains("internal error"), "{name}: {d:?}");
        }
        for a in &x.articles {
            extract_checked(a);
        }
        assert!(t.elapsed() < GUARD, "{name}: {:?}", t.elapsed());
    }
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_wrong_types_good_articles_still_extracted() {
    let doc = r#"[
        {"text": 5},
        {"text": null},
        {"text": {"nested": "object"}},
        {"text": ["a", "list"]},
        {"id": 7, "title": ["x"], "published": 20220127, "source": false,
         "text": "“We prefer diplomacy,” Antony Blinken said on Wednesday."},
        "a string",
        42,
        null,
        [],
        {"id": "ok", "text": "More than 100,000 soldiers, officials said on Friday."}
    ]"#;
    let x = parse_bytes(
        doc.as_bytes(),
        "mixed.json",
        InputFormat::Json,
        &IngestOptions::default(),
    );
    assert_eq!(x.articles.len(), 2, "{:?}", x.diagnostics);
    let e = errors(&x);
    assert_eq!(e.len(), 8, "{e:?}");
    for d in &e {
        assert!(d.origin.starts_with("mixed.json"), "{d:?}");
    }
    let xs: Vec<_> = x.articles.iter().map(extract_checked).collect();
    assert_eq!(xs[0].quotes[0].speaker.as_deref(), Some("Antony Blinken"));
    assert_eq!(xs[1].quantities[0].value, 100_000.0);
    // top-level values of the wrong type
    for doc in [
        "\"text\"",
        "42",
        "null",
        "true",
        "{\"articles\": 5}",
        "[[[[]]]]",
    ] {
        let x = parse_bytes(
            doc.as_bytes(),
            "top.json",
            InputFormat::Json,
            &IngestOptions::default(),
        );
        assert!(x.articles.is_empty(), "{doc}");
        assert!(x.has_errors(), "{doc}");
    }
    // absurd nesting does not overflow the stack
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let x = parse_bytes(
        deep.as_bytes(),
        "deep.json",
        InputFormat::Json,
        &IngestOptions::default(),
    );
    assert!(x.has_errors());
}

#[test]
fn cli_jsonl_broken_line_good_lines_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("feed.jsonl");
    fs::write(
        &p,
        concat!(
            "{\"id\": \"one\", \"text\": \"“We prefer diplomacy,” Antony Blinken said.\"}\n",
            "{\"id\": \"broken\", \"text\": \"unterminated\n",
            "\u{0}\u{1}\u{2}\n",
            "{\"id\": \"two\", \"text\": \"About 90,000 soldiers, officials said on Friday.\"}\n",
        ),
    )
    .unwrap();
    let out = run(&[&p]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("error: {}:2: invalid JSON", p.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!("error: {}:3: binary data", p.display())),
        "{err}"
    );
    let v = stdout_json(&out);
    assert_eq!(ids(&v), ["one", "two"]);
    assert_eq!(v[0]["quotes"][0]["speaker"], "Antony Blinken");
    assert_eq!(v[1]["quantities"][0]["value"], 90_000.0);
}

// ---------------------------------------------------------------- files

/// A directory holding a dangling symlink, a symlink loop, a FIFO and a
/// directory named like a text file: each bad entry is named, nothing
/// blocks on the FIFO, the good files are processed.
#[cfg(unix)]
#[test]
fn cli_unreadable_entries_are_named_others_processed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_good(d);
    std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink(d, d.join("loop")).unwrap();
    fs::create_dir(d.join("x.txt")).unwrap();
    fs::write(d.join("x.txt/inner.txt"), "Inner text said on Friday.").unwrap();
    let fifo = d.join("pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());

    let out = run(&[d]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "error: {}: cannot read: no such file or directory",
            d.join("dangling.txt").display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "error: {}: symbolic link loop",
            d.join("loop").display()
        )),
        "{err}"
    );
    // a FIFO inside a directory is skipped like any non-regular file
    assert_eq!(ids(&stdout_json(&out)), ["good", "inner"]);

    if made {
        // named directly, a FIFO is refused without opening it (which would
        // block until a writer comes)
        let good = d.join("good.txt");
        let out = run(&[&fifo, &good]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains(&format!("error: {}: not a regular file", fifo.display())),
            "{err}"
        );
        assert_eq!(ids(&stdout_json(&out)), ["good"]);
    }
    // a directory named x.txt given directly is walked
    let out = run(&[&d.join("x.txt")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids(&stdout_json(&out)), ["inner"]);
}
