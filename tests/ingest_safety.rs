//! Ingest rules that keep untrusted pages and messy corpora honest: hidden
//! HTML content never becomes article text, duplicate ids do not depend on
//! input order, a file reached twice is read once, skipped directory
//! entries are named, and standard input honours the size limit while
//! reading (JSON lines streamed).

use crosscheck::parse::ingest::{parse_bytes, read_inputs, IngestOptions, InputFormat};
use crosscheck::parse::DiagnosticLevel;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn opts() -> IngestOptions {
    IngestOptions::default()
}

fn warnings(x: &crosscheck::parse::Ingested) -> Vec<String> {
    x.diagnostics
        .iter()
        .filter(|d| d.severity == DiagnosticLevel::Warning)
        .map(|d| format!("{}: {}", d.origin, d.message))
        .collect()
}

const HIDDEN: [&str; 4] = [
    "stealCookies",
    "color: red",
    "enable JavaScript",
    "tmpl-row",
];

fn assert_clean(text: &str) {
    for bad in HIDDEN {
        assert!(!text.contains(bad), "{bad:?} leaked into {text:?}");
    }
}

/// A short page (the paragraph fallback) with hidden content inside
/// paragraphs and list items.
#[test]
fn html_hidden_elements_inside_paragraphs_are_dropped_short_page() {
    let page = r#"<html><head><title>Storm</title></head><body>
<p>The storm cut power to 40,000 homes <script>stealCookies(document.cookie)</script>on Tuesday, the utility said.</p>
<p>Crews <style>p { color: red }</style>worked through the night.</p>
<li>Schools stayed closed<noscript>Please enable JavaScript to read this</noscript> in three districts.</li>
<div><template><p>tmpl-row {{name}}</p></template><p>Officials expect full service by Friday.</p></div>
</body></html>"#;
    let x = parse_bytes(page.as_bytes(), "storm.html", InputFormat::Html, &opts());
    assert_eq!(x.articles.len(), 1, "{:?}", x.diagnostics);
    let text = &x.articles[0].text;
    assert_clean(text);
    assert!(text.contains("40,000 homes on Tuesday"), "{text}");
    assert!(text.contains("Crews worked through the night."), "{text}");
    assert!(
        text.contains("Officials expect full service by Friday."),
        "{text}"
    );
}

/// A long article page (the readability path) with the same traps, and
/// JSON-LD metadata (itself a script) still read.
#[test]
fn html_hidden_elements_inside_paragraphs_are_dropped_article_page() {
    let mut body = String::new();
    for i in 0..12 {
        body.push_str(&format!(
            "<p>Paragraph {i}: the regional council met on Monday to discuss the \
             flood defences along the river, and members said the budget would be \
             reviewed <script>stealCookies({i})</script>before the spring session, \
             according to minutes seen by reporters.</p>\n"
        ));
    }
    body.push_str("<p>The mayor <noscript>enable JavaScript</noscript>declined to comment.</p>");
    body.push_str("<p>A spokesperson <style>.x{color: red}</style>confirmed the date.</p>");
    body.push_str("<template><p>tmpl-row</p></template>");
    let page = format!(
        r#"<html><head><title>Council</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Council reviews flood budget", "datePublished": "2022-03-14"}}</script>
</head><body><article><h1>Council reviews flood budget</h1>{body}</article></body></html>"#
    );
    let x = parse_bytes(page.as_bytes(), "council.html", InputFormat::Html, &opts());
    assert_eq!(x.articles.len(), 1, "{:?}", x.diagnostics);
    let a = &x.articles[0];
    assert_clean(&a.text);
    assert!(
        a.text.contains("reviewed before the spring session"),
        "{}",
        a.text
    );
    assert!(a.text.contains("declined to comment"), "{}", a.text);
    assert_eq!(a.title.as_deref(), Some("Council reviews flood budget"));
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2022-03-14")
    );
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Two files with the same id, given in both orders: the same article keeps
/// the plain id and the same one gets `-2`.
#[test]
fn duplicate_ids_do_not_depend_on_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let wire = write(
        dir.path(),
        "wire.txt",
        "Id: storm\n\nThe storm cut power to 40,000 homes on Tuesday.",
    );
    let daily = write(
        dir.path(),
        "daily.txt",
        "Id: storm\n\nAbout 45,000 homes lost power in Tuesday's storm.",
    );
    let ids = |inputs: &[PathBuf]| -> Vec<(String, String)> {
        let x = read_inputs(inputs, &opts());
        let mut v: Vec<(String, String)> = x
            .articles
            .iter()
            .map(|a| (a.origin.clone(), a.id.clone()))
            .collect();
        v.sort();
        v
    };
    let forward = ids(&[wire.clone(), daily.clone()]);
    let backward = ids(&[daily.clone(), wire.clone()]);
    assert_eq!(forward, backward);
    // "About 45,000…" sorts before "The storm…": the daily keeps the id
    assert_eq!(forward[0], (daily.display().to_string(), "storm".into()));
    assert_eq!(forward[1], (wire.display().to_string(), "storm-2".into()));
    let x = read_inputs(&[daily, wire.clone()], &opts());
    assert_eq!(
        warnings(&x),
        [format!(
            "{}: duplicate id \"storm\" renamed to \"storm-2\"",
            wire.display()
        )]
    );
}

/// The suffix never takes an id another input already has, whatever the
/// order.
#[test]
fn duplicate_id_suffixes_skip_ids_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Id: storm\n\nPower was cut to 40,000 homes.",
    );
    let b = write(
        dir.path(),
        "b.txt",
        "Id: storm\n\nPower was cut to 45,000 homes.",
    );
    let c = write(
        dir.path(),
        "c.txt",
        "Id: storm-2\n\nSchools closed in three districts.",
    );
    for order in [[&a, &b, &c], [&c, &b, &a], [&b, &c, &a]] {
        let inputs: Vec<PathBuf> = order.iter().map(|p| p.to_path_buf()).collect();
        let x = read_inputs(&inputs, &opts());
        let mut ids: Vec<(String, String)> = x
            .articles
            .iter()
            .map(|r| (r.text.clone(), r.id.clone()))
            .collect();
        ids.sort();
        assert_eq!(
            ids.iter().map(|(_, id)| id.as_str()).collect::<Vec<_>>(),
            ["storm", "storm-3", "storm-2"],
            "{order:?}"
        );
    }
}

/// A file named after its directory, and a symbolic link to it: read once,
/// with a warning naming where it was first read.
#[test]
fn a_file_reached_twice_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let wire = write(
        &corpus,
        "wire.txt",
        "The storm cut power to 40,000 homes on Tuesday.",
    );
    write(
        &corpus,
        "daily.txt",
        "About 45,000 homes lost power in Tuesday's storm.",
    );
    let x = read_inputs(&[corpus.clone(), wire.clone()], &opts());
    assert_eq!(x.articles.len(), 2, "{:?}", x.articles);
    assert_eq!(
        warnings(&x),
        [format!(
            "{}: already read as {}; read once",
            wire.display(),
            corpus.join("wire.txt").display()
        )]
    );
    #[cfg(unix)]
    {
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&wire, &link).unwrap();
        let x = read_inputs(&[wire.clone(), link.clone()], &opts());
        assert_eq!(x.articles.len(), 1);
        assert!(warnings(&x)[0].contains("read once"), "{:?}", x.diagnostics);
    }
}

/// A FIFO and files with unknown extensions inside a directory are counted
/// and named, not skipped in silence (and the FIFO does not block).
#[cfg(unix)]
#[test]
fn skipped_directory_entries_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "wire.txt",
        "The storm cut power to 40,000 homes on Tuesday.",
    );
    write(d, "scan.pdf", "%PDF-1.4");
    write(d, "notes.docx", "PK");
    let fifo = d.join("feed.jsonl");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    let x = read_inputs(&[d.to_path_buf()], &opts());
    assert_eq!(x.articles.len(), 1);
    assert_eq!(
        warnings(&x),
        [format!(
            "{}: skipped 3 entries: feed.jsonl (not a regular file), notes.docx (unknown extension), scan.pdf (unknown extension)",
            d.display()
        )]
    );
}

fn stdin_run(args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // the binary may stop reading early; a broken pipe here is expected
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().unwrap()
}

/// Text on stdin over --max-article-bytes is refused naming that limit
/// (not 64 times it); JSON lines on stdin are read line by line with the
/// per-line limit; a single JSON object is one document with id `stdin`.
#[test]
fn stdin_honours_the_article_limit_and_streams_json_lines() {
    let sentence = "The storm cut power to 40,000 homes on Tuesday, the utility said. ";
    let text = sentence.repeat(40); // about 2.7 kB
    let o = stdin_run(
        &["extract", "-", "--max-article-bytes", "1000"],
        text.as_bytes(),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("<stdin>: input too large: more than 1000 bytes, the limit is 1000 bytes (max_article_bytes)"),
        "{err}"
    );

    // sniffed JSON lines: a long line is refused alone, the others read
    let mut lines = String::new();
    lines.push_str(r#"{"id": "first", "text": "Power returned to most homes by Wednesday."}"#);
    lines.push('\n');
    lines.push_str(&format!(r#"{{"id": "huge", "text": "{text}"}}"#));
    lines.push('\n');
    lines.push_str(r#"{"id": "last", "text": "Schools reopened on Thursday."}"#);
    lines.push('\n');
    let o = stdin_run(
        &[
            "extract",
            "-",
            "--max-article-bytes",
            "1000",
            "--format",
            "jsonl",
        ],
        lines.as_bytes(),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("<stdin>:2: ") && err.contains("too large"),
        "{err}"
    );
    let ids: Vec<String> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"first\"", "\"last\""]);

    // one object on one line: the document, id `stdin`
    let o = stdin_run(
        &["extract", "-", "--format", "jsonl"],
        b"  {\"text\": \"Schools reopened on Thursday.\"}\n\n",
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["id"], "stdin");
    assert!(v["text"].as_str().unwrap().starts_with("Schools"));
}

/// Streaming: sniffed JSON lines on stdin are read line by line, so only
/// each line is held to the limit: a 70 kB stream of small lines passes
/// with a 1 kB per-article limit, where buffering the whole input (at most
/// 64 × the limit) would refuse it.
#[test]
fn stdin_json_lines_are_not_limited_as_a_whole() {
    let line = "{\"text\": \"Power returned to most homes by Wednesday, the utility said.\"}\n";
    let mut input = String::new();
    while input.len() < 70_000 {
        input.push_str(line);
    }
    // the whole stream is far over 64 × 1000 bytes; each line is under 1000
    let o = stdin_run(
        &[
            "extract",
            "-",
            "--max-article-bytes",
            "1000",
            "--format",
            "jsonl",
        ],
        input.as_bytes(),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let n = String::from_utf8(o.stdout).unwrap().lines().count();
    assert_eq!(
        n,
        input.len() / line.len() + usize::from(input.len() % line.len() != 0)
    );
}
