//! Markdown, HTML and the terminal table.
mod common;

use crosscheck_align::FindingKind;
use crosscheck_report::diff::{highlight, token_diff};
use crosscheck_report::{html, markdown, table, Report};

#[test]
fn html_escapes_article_text() {
    let (x, a) = common::sample();
    let page = html::to_html(&Report::new(&x, &a));
    assert!(!page.contains("<script>"), "unescaped script tag");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("repaired &lt;broken&gt; markup"));
    // URL attribute escaped
    assert!(page.contains("href=\"https://example.com/ap?a=1&amp;b=2\""));
    // self-contained: no external assets
    assert!(!page.contains("<link"));
    assert!(!page.contains("src="));
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.ends_with("</html>\n"));
}

#[test]
fn html_highlights_the_differing_words_and_values() {
    let (x, a) = common::sample();
    let page = html::to_html(&Report::new(&x, &a));
    assert!(page.contains("We <mark>prefer</mark> diplomacy"), "{page}");
    assert!(page.contains("We <mark>want</mark> diplomacy"));
    // value span highlighted on the quantity
    assert!(page.contains("massed <mark>130,000 troops</mark> near"));
    // reference back to the article span
    let start = common::RT.find("We want").unwrap();
    assert!(page.contains(&format!("<code>rt</code> bytes {}–{}", start, start + 42)));
}

#[test]
fn markdown_has_stories_variants_and_references() {
    let (x, a) = common::sample();
    let md = markdown::to_markdown(&Report::new(&x, &a));
    assert!(md.starts_with("# crosscheck report\n"));
    assert!(md.contains("\n## story:ap — 3 articles\n"), "{md}");
    assert!(md.contains("Articles: `ap`, `bbc`, `rt`"));
    assert!(md.contains("| variant | value | outlets | where | text | speaker |"));
    assert!(md.contains("We **prefer** diplomacy"));
    assert!(md.contains("We **want** diplomacy"));
    assert!(md.contains("| Antony Blinken |"));
    assert!(md.contains("([link](<https://example.com/rt>))"));
    // html in text is neutralised
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(!md.contains("<script>"));
    // every story and article is listed
    assert!(md.contains("## Stories\n"));
    assert!(md.contains("| story:ap | `ap`, `bbc`, `rt` |"));
    assert!(md.contains("## Diagnostics"));
}

#[test]
fn highlight_marks_the_value_and_the_changed_word() {
    let (_, a) = common::sample();
    let q = a
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::Quantity)
        .unwrap();
    let m = &q.variants[1].mentions[0];
    let segs = highlight(q, 1, m);
    let marked: Vec<&str> = segs
        .iter()
        .filter(|s| s.marked)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(marked, ["130,000 troops"]);
    let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(joined, m.text);
    let w = a
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::QuoteWording)
        .unwrap();
    let marked = |v: usize| -> Vec<String> {
        highlight(w, v, &w.variants[v].mentions[0])
            .into_iter()
            .filter(|s| s.marked)
            .map(|s| s.text)
            .collect()
    };
    assert_eq!(marked(0), ["prefer"]);
    assert_eq!(marked(1), ["want"]);
}

#[test]
#[allow(clippy::single_range_in_vec_init)]
fn token_diff_cases() {
    assert_eq!(token_diff("a b c", "a b c"), (vec![], vec![]));
    assert_eq!(token_diff("", "x y"), (vec![], vec![0..1, 2..3]));
    // case and punctuation do not count
    assert_eq!(
        token_diff("We said, “Yes”", "we said yes."),
        (vec![], vec![])
    );
    // truncation
    assert_eq!(
        token_diff("one two three", "one two"),
        (vec![8..13], vec![])
    );
    // multi-byte text keeps char boundaries
    let (a, b) = token_diff("Zelensky’s “peace” plan", "Zelensky’s war plan");
    assert_eq!(&"Zelensky’s “peace” plan"[a[0].clone()], "“peace”");
    assert_eq!(&"Zelensky’s war plan"[b[0].clone()], "war");
}

#[test]
fn table_lists_findings_and_summary() {
    let (x, a) = common::sample();
    let t = table::to_table(&Report::new(&x, &a));
    let lines: Vec<&str> = t.lines().collect();
    assert!(lines[0].starts_with("ID"));
    assert!(lines[0].contains("VARIANTS"));
    let n = a.discrepancies().count();
    assert_eq!(lines.len(), 1 + n + 1);
    assert_eq!(
        *lines.last().unwrap(),
        format!("{n} findings across 3 articles in 1 story")
    );
    assert!(t.contains("1 outlet: 100,000 troops; 1 outlet: 130,000 troops"));
    let empty = crosscheck_align::Alignment::default();
    assert_eq!(
        table::to_table(&Report::new(&[], &empty)),
        "0 findings across 0 articles in 0 stories\n"
    );
}

#[test]
fn markdown_and_html_share_the_summary() {
    let (x, a) = common::sample();
    let report = Report::new(&x, &a);
    let md = markdown::to_markdown(&report);
    let page = html::to_html(&report);
    let line = md.lines().nth(2).unwrap().to_string();
    assert!(
        line.starts_with("3 articles · 1 story (0 alone) · "),
        "{line}"
    );
    assert!(page.contains(&format!("<p>{line}</p>\n")));
}
