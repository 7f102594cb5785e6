//! Library-level tests of ingest: every input format, metadata detection on
//! the seed articles, and every bad-input case.

use chrono::NaiveDate;
use crosscheck::parse::ingest::{parse_bytes, read_inputs, IngestOptions, InputFormat};
use crosscheck::parse::{Diagnostic, DiagnosticLevel, Ingested};
use std::fs;
use std::path::{Path, PathBuf};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn opts() -> IngestOptions {
    IngestOptions::default()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn errors(x: &Ingested) -> Vec<&Diagnostic> {
    x.diagnostics
        .iter()
        .filter(|d| d.severity == DiagnosticLevel::Error)
        .collect()
}

fn warnings(x: &Ingested) -> Vec<&Diagnostic> {
    x.diagnostics
        .iter()
        .filter(|d| d.severity == DiagnosticLevel::Warning)
        .collect()
}

fn bytes(b: &[u8], origin: &str, f: InputFormat) -> Ingested {
    parse_bytes(b, origin, f, &opts())
}

// ---------------------------------------------------------------- seeds

#[test]
fn seed_000_title_and_byline() {
    let path = seeds().join("000_93e88e4b70d85a76.txt");
    let x = read_inputs(std::slice::from_ref(&path), &opts());
    assert!(x.diagnostics.is_empty(), "{:?}", x.diagnostics);
    let a = &x.articles[0];
    assert_eq!(a.id, "000_93e88e4b70d85a76");
    assert_eq!(
        a.title.as_deref(),
        Some("Blinken proposes to Moscow “a serious diplomatic path” on Ukraine")
    );
    assert_eq!(a.source.as_deref(), Some("time news"));
    assert_eq!(a.published, None);
    assert_eq!(a.origin, path.display().to_string());
    // detected lines stay in the text, which is the file as written
    assert_eq!(a.text, fs::read_to_string(&path).unwrap());
}

#[test]
fn seed_001_dateline_without_year() {
    let path = seeds().join("001_c40530b05c6dbbf4.txt");
    let x = read_inputs(std::slice::from_ref(&path), &opts());
    let a = &x.articles[0];
    assert_eq!(a.published, None);
    assert_eq!(
        a.title.as_deref(),
        Some("The US delivers its security proposals on Ukraine to Russia with a call for de-escalation")
    );
    assert!(a.text.starts_with("Thursday, February 2\n"));
    let w = warnings(&x);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].message.contains("no year"), "{}", w[0].message);
    assert_eq!(w[0].offset, Some(0));
    assert_eq!(w[0].origin, path.display().to_string());
    assert!(errors(&x).is_empty());

    // --date is the fallback
    let o = IngestOptions {
        default_date: date(2022, 1, 27),
        ..opts()
    };
    let x = read_inputs(&[path], &o);
    assert_eq!(x.articles[0].published, date(2022, 1, 27));
}

#[test]
fn seeds_directory_sorted() {
    let x = read_inputs(&[seeds()], &opts());
    let ids: Vec<_> = x.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["000_93e88e4b70d85a76", "001_c40530b05c6dbbf4"]);
    assert!(!x.has_errors());
}

// ---------------------------------------------------------------- text

#[test]
fn text_header_block_is_parsed_and_removed() {
    let src = "Title: Talks in Geneva\nsource: Reuters\nDATE: 2022-01-27\nURL: https://x.test/a\nLanguage: en\nId: wire-1\n\nBlinken said on Wednesday that talks would go on.\n";
    let x = bytes(src.as_bytes(), "a.txt", InputFormat::Text);
    assert!(x.diagnostics.is_empty(), "{:?}", x.diagnostics);
    let a = &x.articles[0];
    assert_eq!(a.id, "wire-1");
    assert_eq!(a.title.as_deref(), Some("Talks in Geneva"));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(a.published, date(2022, 1, 27));
    assert_eq!(
        a.text,
        "Blinken said on Wednesday that talks would go on.\n"
    );
}

#[test]
fn text_header_date_beats_default_date() {
    let o = IngestOptions {
        default_date: date(2000, 1, 1),
        ..opts()
    };
    let x = parse_bytes(b"Date: 2022-01-27\n\nBody.", "a.txt", InputFormat::Text, &o);
    assert_eq!(x.articles[0].published, date(2022, 1, 27));
    let x = parse_bytes(b"Body only.", "b.txt", InputFormat::Text, &o);
    assert_eq!(x.articles[0].published, date(2000, 1, 1));
}

#[test]
fn text_bad_header_date_warns() {
    let x = bytes(b"Date: someday\n\nBody.", "a.txt", InputFormat::Text);
    assert_eq!(x.articles[0].published, None);
    assert_eq!(warnings(&x).len(), 1);
}

#[test]
fn text_dateline_with_year_and_byline_with_outlet() {
    let src = "January 27, 2022\n\nBy Jane Doe, Reuters\n\nRussia answers NATO\n\nThe reply came on Wednesday.\n";
    let x = bytes(src.as_bytes(), "dir/story.txt", InputFormat::Text);
    assert!(x.diagnostics.is_empty(), "{:?}", x.diagnostics);
    let a = &x.articles[0];
    assert_eq!(a.id, "story");
    assert_eq!(a.published, date(2022, 1, 27));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.title.as_deref(), Some("Russia answers NATO"));
    assert_eq!(a.text, src);

    let x = bytes(
        b"27 Jan 2022\nA headline\n\nBody.",
        "c.txt",
        InputFormat::Text,
    );
    assert_eq!(x.articles[0].published, date(2022, 1, 27));
    assert_eq!(x.articles[0].title.as_deref(), Some("A headline"));
}

#[test]
fn text_dateline_weekday_mismatch_warns_and_keeps_date() {
    let x = bytes(
        b"\n  Monday, January 27, 2022\nHeadline\n\nBody.",
        "w.txt",
        InputFormat::Text,
    );
    assert_eq!(x.articles[0].published, date(2022, 1, 27));
    let w = warnings(&x);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].message.contains("weekday"), "{}", w[0].message);
    assert_eq!(w[0].offset, Some(3));
}

#[test]
fn text_first_line_sentence_is_not_a_title() {
    let x = bytes(
        b"The talks ended without agreement.\n\nMore text.",
        "a.txt",
        InputFormat::Text,
    );
    assert_eq!(x.articles[0].title, None);
    let long = "x".repeat(250);
    let x = bytes(long.as_bytes(), "b.txt", InputFormat::Text);
    assert_eq!(x.articles[0].title, None);
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_object_and_array() {
    let x = bytes(
        br#"{"id": "a1", "title": "T", "source": "S", "url": "https://x.test", "published": "2022-01-27T10:00:00Z", "text": "Body.", "language": "en"}"#,
        "one.json",
        InputFormat::Json,
    );
    assert!(x.diagnostics.is_empty(), "{:?}", x.diagnostics);
    let a = &x.articles[0];
    assert_eq!(
        (a.id.as_str(), a.title.as_deref(), a.source.as_deref()),
        ("a1", Some("T"), Some("S"))
    );
    assert_eq!(a.published, date(2022, 1, 27));
    assert_eq!(a.origin, "one.json");

    let x = bytes(
        br#"[{"text": "First."}, 3, {"text": "Third.", "id": 7}]"#,
        "many.json",
        InputFormat::Json,
    );
    let ids: Vec<_> = x.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["many#1", "7"]);
    assert_eq!(x.articles[0].origin, "many.json#1");
    let e = errors(&x);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].origin, "many.json#2");
}

#[test]
fn json_invalid_document() {
    let x = bytes(b"{\"text\": \"a\",\n  oops}", "bad.json", InputFormat::Json);
    assert!(x.articles.is_empty());
    let e = errors(&x);
    assert_eq!(e.len(), 1);
    assert!(e[0].message.contains("line 2"), "{}", e[0].message);
    assert!(e[0].offset.is_some());
}

#[test]
fn jsonl_scraper_field_names() {
    let src = concat!(
        r#"{"maintext": "News-please body.", "date_publish": "2022-01-27 10:00:00", "source_domain": "time.news", "headline": "H1", "url": "https://time.news/a"}"#,
        "\n",
        r#"{"raw_text": "Raw.", "datePublished": "Thu, 27 Jan 2022 10:00:00 GMT", "site_name": "Site"}"#,
        "\n\n",
        r#"{"content": "C.", "pubDate": "2022-01-26", "hostname": "h.test"}"#,
        "\n",
        r#"{"body": "B.", "date_published": "January 25, 2022", "publisher": {"@type": "Organization", "name": "Pub"}}"#,
        "\n",
        r#"{"article": "A.", "date": "2022-01-24"}"#,
        "\n",
    );
    let x = bytes(src.as_bytes(), "feed.jsonl", InputFormat::JsonLines);
    assert!(x.diagnostics.is_empty(), "{:?}", x.diagnostics);
    let got: Vec<_> = x
        .articles
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.text.as_str(),
                a.source.as_deref(),
                a.published.map(|d| d.to_string()),
                a.origin.as_str(),
            )
        })
        .collect();
    let d = |s: &str| Some(s.to_string());
    assert_eq!(
        got,
        [
            (
                "feed#1",
                "News-please body.",
                Some("time.news"),
                d("2022-01-27"),
                "feed.jsonl:1"
            ),
            (
                "feed#2",
                "Raw.",
                Some("Site"),
                d("2022-01-27"),
                "feed.jsonl:2"
            ),
            (
                "feed#4",
                "C.",
                Some("h.test"),
                d("2022-01-26"),
                "feed.jsonl:4"
            ),
            ("feed#5", "B.", Some("Pub"), d("2022-01-25"), "feed.jsonl:5"),
            ("feed#6", "A.", None, d("2022-01-24"), "feed.jsonl:6"),
        ]
    );
    assert_eq!(x.articles[0].title.as_deref(), Some("H1"));
    assert_eq!(x.articles[0].url.as_deref(), Some("https://time.news/a"));
}

#[test]
fn jsonl_bad_lines_do_not_drop_good_ones() {
    let src = concat!(
        r#"{"id": "good1", "text": "One."}"#,
        "\n",
        "this is not json\n",
        r#"{"id": "num", "text": 42}"#,
        "\n",
        r#"{"id": "notext", "title": "No body"}"#,
        "\n",
        "[1, 2]\n",
        r#"{"id": "good2", "text": "Two.", "title": 5, "published": "soon"}"#,
        "\n",
        r#"{"id": "good1", "text": "Dup."}"#,
    );
    let x = bytes(src.as_bytes(), "mix.jsonl", InputFormat::JsonLines);
    let ids: Vec<_> = x.articles.iter().map(|a| a.id.as_str()).collect();
    // of the two "good1", the one whose text sorts first ("Dup.") keeps
    // the id, whatever the order of the lines
    assert_eq!(ids, ["good1-2", "good2", "good1"]);
    let e = errors(&x);
    let origins: Vec<_> = e.iter().map(|d| d.origin.as_str()).collect();
    assert_eq!(
        origins,
        ["mix.jsonl:2", "mix.jsonl:3", "mix.jsonl:4", "mix.jsonl:5"]
    );
    assert!(e[0].message.contains("invalid JSON"), "{}", e[0].message);
    assert!(
        e[1].message.contains("\"text\" is a number"),
        "{}",
        e[1].message
    );
    assert!(e[2].message.contains("no article text"), "{}", e[2].message);
    // title of the wrong type, unreadable date, duplicate id: warnings
    let w = warnings(&x);
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(w.iter().any(|d| d.message.contains("duplicate id")));
}

#[test]
fn jsonl_too_long_line_is_skipped() {
    let o = IngestOptions {
        max_article_bytes: 100,
        ..opts()
    };
    let long = format!("{{\"text\": \"{}\"}}\n", "x".repeat(500));
    let src = format!("{{\"text\": \"short\"}}\n{long}{{\"text\": \"after\"}}\n");
    let x = parse_bytes(src.as_bytes(), "big.jsonl", InputFormat::JsonLines, &o);
    assert_eq!(x.articles.len(), 2);
    let e = errors(&x);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].origin, "big.jsonl:2");
    assert!(e[0].message.contains("limit is 100"), "{}", e[0].message);
    assert!(e[0].message.contains("513"), "{}", e[0].message);
}

// ---------------------------------------------------------------- HTML

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<title>Blinken offers Moscow a diplomatic path - Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<link rel="canonical" href="https://planet.test/blinken">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Blinken offers Moscow a diplomatic path", "datePublished": "2022-01-27T08:00:00+01:00"}
</script>
</head>
<body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World NAVLINK</a></li></ul></nav>
<header><div class="logo">Daily Planet</div></header>
<article>
<h1>Blinken offers Moscow a diplomatic path</h1>
<p>The United States delivered its written response to Russia on Wednesday, Secretary of State Antony Blinken said, offering what he called a serious diplomatic path.</p>
<p>“From our perspective, the door to NATO remains open,” Blinken told reporters in Washington, adding that the allies had coordinated their answers.</p>
<p>The Kremlin said it would study the documents before responding, while more than 100,000 Russian troops remained near the border with Ukraine.</p>
<p>NATO Secretary General Jens Stoltenberg said the alliance was ready to listen to Russia's concerns and to discuss arms control.</p>
</article>
<section id="comments" class="comments"><h3>Comments</h3><p>COMMENTTEXT This is a reader comment that should never be part of the article.</p></section>
<footer><p>FOOTERTEXT Copyright Daily Planet. All rights reserved.</p></footer>
</body>
</html>"#;

#[test]
fn html_main_text_and_metadata() {
    let x = bytes(PAGE.as_bytes(), "page.html", InputFormat::Html);
    assert!(x.diagnostics.is_empty(), "{:?}", x.diagnostics);
    let a = &x.articles[0];
    assert_eq!(a.id, "page");
    assert_eq!(
        a.title.as_deref(),
        Some("Blinken offers Moscow a diplomatic path")
    );
    assert_eq!(a.source.as_deref(), Some("Daily Planet"));
    assert_eq!(a.published, date(2022, 1, 27));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(a.url.as_deref(), Some("https://planet.test/blinken"));
    assert!(
        a.text.contains("the door to NATO remains open"),
        "{}",
        a.text
    );
    assert!(a.text.contains("Jens Stoltenberg"), "{}", a.text);
    for junk in ["NAVLINK", "COMMENTTEXT", "FOOTERTEXT"] {
        assert!(!a.text.contains(junk), "{junk} in {}", a.text);
    }
    // paragraphs are separated by blank lines
    assert!(a.text.contains(".\n\n"), "{}", a.text);
}

#[test]
fn html_og_tags_and_short_page() {
    let page = r#"<html><head>
<meta property="og:title" content="OG title">
<meta property="article:published_time" content="2022-01-26">
</head><body><nav>Menu NAVLINK</nav><p>Short body text.</p></body></html>"#;
    let x = bytes(page.as_bytes(), "short.htm", InputFormat::Html);
    assert!(!x.has_errors(), "{:?}", x.diagnostics);
    let a = &x.articles[0];
    assert_eq!(a.title.as_deref(), Some("OG title"));
    assert_eq!(a.published, date(2022, 1, 26));
    assert!(a.text.contains("Short body text."), "{}", a.text);
    assert!(!a.text.contains("NAVLINK"), "{}", a.text);
}

#[test]
fn html_broken_is_best_effort() {
    let page = "<html><body><div><p>Unclosed paragraph about the talks in Geneva <b>bold <i>text\n<p>Second paragraph</div></span></table>";
    let x = bytes(page.as_bytes(), "broken.html", InputFormat::Html);
    assert!(!x.has_errors(), "{:?}", x.diagnostics);
    assert!(x.articles[0].text.contains("Unclosed paragraph"));
}

#[test]
fn html_without_text_is_an_error() {
    let page = "<html><head><title>Nothing</title></head><body><nav>Home</nav><script>var x = 1;</script></body></html>";
    let x = bytes(page.as_bytes(), "empty.html", InputFormat::Html);
    assert!(x.articles.is_empty());
    let e = errors(&x);
    assert_eq!(e.len(), 1);
    assert!(e[0].message.contains("no article text"), "{}", e[0].message);
    assert_eq!(e[0].origin, "empty.html");
}

#[test]
fn html_absurdly_deep_nesting_is_refused_quickly() {
    let n = 20_000;
    let page = format!(
        "<html><body>{}<p>Deep text.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let t = std::time::Instant::now();
    let x = bytes(page.as_bytes(), "deep.html", InputFormat::Html);
    assert!(t.elapsed().as_secs() < 5);
    let e = errors(&x);
    assert_eq!(e.len(), 1);
    assert!(e[0].message.contains("nested"), "{}", e[0].message);
    // many unclosed paragraphs and list items are not deep nesting
    let flat = format!(
        "<ul>{}</ul>{}",
        "<li>item".repeat(3000),
        "<p>para <br>".repeat(3000)
    );
    let x = bytes(flat.as_bytes(), "flat.html", InputFormat::Html);
    assert!(!x.has_errors(), "{:?}", x.diagnostics);
}

// ---------------------------------------------------------------- bad bytes

#[test]
fn invalid_utf8_is_decoded_lossily_with_offset() {
    let mut src = b"Title: T\n\nGood text ".to_vec();
    let at = src.len();
    src.extend_from_slice(b"\xff\xfe bad and more good text.");
    let x = bytes(&src, "latin.txt", InputFormat::Text);
    assert_eq!(x.articles.len(), 1);
    assert!(x.articles[0].text.contains('\u{FFFD}'));
    let w = warnings(&x);
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].offset, Some(at));
    assert!(
        w[0].message.contains(&format!("offset {at}")),
        "{}",
        w[0].message
    );
}

#[test]
fn binary_junk_is_an_error() {
    for (name, junk) in [
        ("nul.txt", b"hello\0world".to_vec()),
        ("ctl.txt", (0u8..32).cycle().take(400).collect::<Vec<_>>()),
        (
            "rand.txt",
            (0..400u32).map(|i| (i * 7919 % 128 + 128) as u8).collect(),
        ),
        ("utf16.txt", b"\xff\xfeh\0i\0".to_vec()),
    ] {
        for f in [InputFormat::Text, InputFormat::Html, InputFormat::Json] {
            let x = bytes(&junk, name, f);
            assert!(x.articles.is_empty(), "{name}");
            let e = errors(&x);
            assert_eq!(e.len(), 1, "{name} {f:?}: {e:?}");
            assert!(e[0].message.contains("binary data"), "{}", e[0].message);
        }
    }
    let x = bytes(
        b"{\"text\": \"ok\"}\nab\0cd\n",
        "nul.jsonl",
        InputFormat::JsonLines,
    );
    assert_eq!(x.articles.len(), 1);
    assert_eq!(errors(&x)[0].origin, "nul.jsonl:2");
    assert_eq!(errors(&x)[0].offset, Some(17));
}

#[test]
fn empty_input_is_an_error() {
    for f in [
        InputFormat::Text,
        InputFormat::Json,
        InputFormat::JsonLines,
        InputFormat::Html,
    ] {
        for src in [&b""[..], b"  \n\t\n"] {
            let x = bytes(src, "e.txt", f);
            assert!(x.articles.is_empty());
            let e = errors(&x);
            assert_eq!(e.len(), 1, "{f:?}: {e:?}");
            assert!(e[0].message.contains("empty"), "{}", e[0].message);
        }
    }
    // a header with no body
    let x = bytes(b"Title: T\n\n\n", "h.txt", InputFormat::Text);
    assert!(errors(&x)[0].message.contains("empty"));
}

#[test]
fn over_size_is_an_error_naming_size_and_limit() {
    let o = IngestOptions {
        max_article_bytes: 10,
        ..opts()
    };
    let x = parse_bytes(b"0123456789ABC", "big.txt", InputFormat::Text, &o);
    assert!(x.articles.is_empty());
    let m = &errors(&x)[0].message;
    assert!(m.contains("13 bytes") && m.contains("limit is 10"), "{m}");

    // the same through a file
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.txt");
    fs::write(&p, "0123456789ABC").unwrap();
    let x = read_inputs(std::slice::from_ref(&p), &o);
    let e = errors(&x);
    assert_eq!(e[0].origin, p.display().to_string());
    assert!(e[0].message.contains("13 bytes"), "{}", e[0].message);
}

#[test]
fn never_panics_on_arbitrary_bytes() {
    let mut seed = 0x2545F491u32;
    for len in [1usize, 2, 3, 17, 100, 1000] {
        for _ in 0..20 {
            let junk: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    b"<>{}[]\":,\n \xff\xc3a1-Tt:"[(seed % 19) as usize]
                })
                .collect();
            for f in [
                InputFormat::Text,
                InputFormat::Json,
                InputFormat::JsonLines,
                InputFormat::Html,
            ] {
                let x = bytes(&junk, "junk", f);
                assert!(!x.articles.is_empty() || !x.diagnostics.is_empty());
            }
        }
    }
}

// ---------------------------------------------------------------- files and directories

#[test]
fn directory_walk_sorted_known_extensions_no_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("b/sub")).unwrap();
    fs::create_dir_all(d.join(".git")).unwrap();
    fs::write(d.join("b/sub/z.txt"), "Zed.").unwrap();
    fs::write(d.join("b/a.ndjson"), "{\"text\": \"Nd.\"}\n").unwrap();
    fs::write(d.join("c.HTM"), "<p>Html text.</p>").unwrap();
    fs::write(d.join("a.text"), "A.").unwrap();
    fs::write(d.join("a2.json"), "{\"text\": \"J.\"}").unwrap();
    fs::write(d.join("notes.md"), "ignored").unwrap();
    fs::write(d.join(".hidden.txt"), "ignored").unwrap();
    fs::write(d.join(".git/x.txt"), "ignored").unwrap();
    let x = read_inputs(&[d.to_path_buf()], &opts());
    // the entries not read are counted and named in one warning
    assert_eq!(x.diagnostics.len(), 1, "{:?}", x.diagnostics);
    assert_eq!(x.diagnostics[0].severity, DiagnosticLevel::Warning);
    assert_eq!(
        x.diagnostics[0].message,
        "skipped 3 entries: .git (hidden), .hidden.txt (hidden), notes.md (unknown extension)"
    );
    let ids: Vec<_> = x.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "a2", "a#1", "z", "c"]);
    // an explicit file with an unknown extension is sniffed
    let x = read_inputs(&[d.join("notes.md")], &opts());
    assert_eq!(x.articles[0].text, "ignored");
}

#[test]
fn missing_and_unreadable_inputs_are_reported_others_kept() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = d.join("good.txt");
    fs::write(&good, "Good.").unwrap();
    let missing = d.join("missing.txt");
    let x = read_inputs(&[missing.clone(), good.clone()], &opts());
    assert_eq!(x.articles.len(), 1);
    let e = errors(&x);
    assert_eq!(e[0].origin, missing.display().to_string());
    assert!(e[0].message.contains("no such file"), "{}", e[0].message);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // a dangling symlink inside a directory
        std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();
        // unreadable file and directory (not testable as root, who reads anyway)
        let secret = d.join("secret.txt");
        fs::write(&secret, "Secret.").unwrap();
        fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
        let locked = d.join("locked");
        fs::create_dir(&locked).unwrap();
        fs::write(locked.join("in.txt"), "In.").unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let as_root = fs::read(&secret).is_ok();

        let x = read_inputs(&[d.to_path_buf()], &opts());
        let e = errors(&x);
        assert!(
            e.iter().any(|d| d.origin.ends_with("dangling.txt")),
            "{e:?}"
        );
        assert!(x.articles.iter().any(|a| a.id == "good"));
        if !as_root {
            assert!(e.iter().any(|d| d.origin.ends_with("secret.txt")), "{e:?}");
            assert!(e.iter().any(|d| d.origin.ends_with("locked")), "{e:?}");
        }
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("sub")).unwrap();
    fs::write(d.join("sub/a.txt"), "A.").unwrap();
    std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
    // a self-referencing link given directly
    std::os::unix::fs::symlink(d.join("self"), d.join("self")).unwrap();
    let x = read_inputs(&[d.to_path_buf(), d.join("self")], &opts());
    assert_eq!(x.articles.len(), 1);
    let e = errors(&x);
    assert!(
        e.iter().any(|d| d.message.contains("symbolic link loop")),
        "{e:?}"
    );
    assert!(e.iter().any(|d| d.origin.ends_with("self")), "{e:?}");
}

#[cfg(unix)]
#[test]
fn special_files_are_refused() {
    let x = read_inputs(&[PathBuf::from("/dev/null")], &opts());
    assert!(x.articles.is_empty());
    assert!(errors(&x)[0].message.contains("not a regular file"));
}

#[test]
fn sniffing_without_extension() {
    assert_eq!(InputFormat::sniff(b"  [1]"), InputFormat::Json);
    assert_eq!(InputFormat::sniff(b"{\"a\": 1}\n"), InputFormat::Json);
    assert_eq!(
        InputFormat::sniff(b"{\"a\": 1}\n{\"a\": 2}\n"),
        InputFormat::JsonLines
    );
    assert_eq!(InputFormat::sniff(b"\xEF\xBB\xBF<html>"), InputFormat::Html);
    assert_eq!(InputFormat::sniff(b"Hello"), InputFormat::Text);
}

#[test]
fn forced_format_overrides_extension() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("story.txt");
    fs::write(&p, "{\"text\": \"From JSON.\", \"id\": \"j\"}").unwrap();
    let o = IngestOptions {
        format: Some(InputFormat::Json),
        ..opts()
    };
    let x = read_inputs(&[p], &o);
    assert_eq!(x.articles[0].id, "j");
    assert_eq!(x.articles[0].text, "From JSON.");
}

#[test]
fn duplicate_ids_across_files_get_suffixes() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("x")).unwrap();
    fs::write(dir.path().join("a.txt"), "One.").unwrap();
    fs::write(dir.path().join("x/a.txt"), "Two.").unwrap();
    let x = read_inputs(&[dir.path().to_path_buf()], &opts());
    let ids: Vec<_> = x.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-2"]);
    assert_eq!(warnings(&x).len(), 1);
    assert!(!x.has_errors());
}
