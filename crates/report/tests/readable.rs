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
fn html_highlights_the_diff_words() {
    let (x, a) = common::sample();
    let page = html::to_html(&Report::new(&x, &a));
    assert!(page.contains("We <mark>prefer</mark> diplomacy,"));
    assert!(page.contains("We <mark>want</mark> diplomacy,"));
    // value span highlighted on the quantity
    assert!(page.contains("Some <mark>130,000</mark> troops"));
    // reference back to the article span
    let start = common::RT.find("We want").unwrap();
    assert!(page.contains(&format!("<code>rt</code> bytes {}–{}", start, start + 18)));
}

#[test]
fn markdown_has_clusters_sides_and_references() {
    let (x, a) = common::sample();
    let md = markdown::to_markdown(&Report::new(&x, &a));
    assert!(md.starts_with("# crosscheck report\n"));
    assert!(md.contains("## cluster-"));
    assert!(md.contains("- Agree: `ap`, `bbc`"));
    assert!(md.contains("- Differ: `rt`"));
    assert!(md.contains("- Silent: `ap`"));
    assert!(md.contains("| text | We **prefer** diplomacy, | We **want** diplomacy, |"));
    assert!(md.contains("| speaker | Antony Blinken | Sergei Lavrov |"));
    assert!(md.contains("([link](<https://example.com/rt>))"));
    // html in text is neutralised, newlines do not break the table row
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(!md.contains("<script>"));
    // neighbouring changed words are one highlight
    assert!(md.contains("| **NATO met in Brussels.** | **Moscow denies any plan.** |"));
    assert!(md.contains("He said \"no\" then left."));
    assert!(md.contains("## Diagnostics"));
}

#[test]
fn fallback_token_diff_when_finding_has_none() {
    let (_, a) = common::sample();
    let mut f = a
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::QuoteWording)
        .unwrap()
        .clone();
    f.diff.clear();
    let (sa, sb) = highlight(&f);
    let marked_a: Vec<&str> = sa
        .iter()
        .filter(|s| s.marked)
        .map(|s| s.text.as_str())
        .collect();
    let marked_b: Vec<&str> = sb
        .iter()
        .filter(|s| s.marked)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(marked_a, ["prefer"]);
    assert_eq!(marked_b, ["want"]);
    let joined: String = sa.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(joined, f.a.text);
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
    assert!(lines[0].contains("SEVERITY"));
    assert_eq!(lines.len(), 1 + 5 + 1);
    assert_eq!(*lines.last().unwrap(), "5 findings across 3 articles");
    assert!(t.contains("quantity"));
    let empty = crosscheck_align::Alignment::default();
    assert_eq!(
        table::to_table(&Report::new(&[], &empty)),
        "0 findings across 0 articles\n"
    );
}

#[test]
fn markdown_and_html_share_the_summary_and_cluster_kinds() {
    let (x, a) = common::sample();
    let report = Report::new(&x, &a);
    let md = markdown::to_markdown(&report);
    let page = html::to_html(&report);
    let line = "3 articles · 5 findings (1 high, 3 medium, 1 low) · 5 clusters · 1 unique claims";
    assert_eq!(md.lines().nth(2), Some(line));
    assert!(page.contains(&format!("<p>{line}</p>\n")));
    assert!(md.contains("\n## cluster-1 — quantity\n"));
    assert!(page.contains("<h2 id=\"cluster-1\">cluster-1 — quantity</h2>"));
}
