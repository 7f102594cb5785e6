//! Untrusted article text in reports: spreadsheet formulas in CSV cells,
//! `javascript:` and `data:` URLs in Markdown and HTML links, escape
//! sequences in the terminal table.
mod common;

use common::{ev, extraction, finding};
use crosscheck_align::{Alignment, ClaimKind, FindingKind};
use crosscheck_report::sanitize::{render_with, CsvCells, RenderOptions};
use crosscheck_report::{render, Format, Report};

const A: &str = "=HYPERLINK(\"http://evil.example/steal\",\"Click\") was posted by the \
campaign on Friday. Officials said 40 people were hurt.";
const B: &str = "@SUM(1+1)*cmd|' /C calc'!A0 appeared on the page. Officials said 45 \
people were hurt.";

fn sample(url_a: &str, url_b: &str) -> (Vec<crosscheck_parse::Extraction>, Alignment) {
    let mut a = extraction("wire", A, Some(url_a));
    let mut b = extraction("daily", B, Some(url_b));
    a.article.source = Some("-Wire Service".into());
    b.article.source = Some("+Daily".into());
    let mut f = finding(
        FindingKind::Quantity,
        0.9,
        ev(
            "wire",
            A,
            "=HYPERLINK(\"http://evil.example/steal\",\"Click\")",
            ClaimKind::Sentence,
            0,
        ),
        ev(
            "daily",
            B,
            "@SUM(1+1)*cmd|' /C calc'!A0",
            ClaimKind::Sentence,
            0,
        ),
    );
    f.a.value = Some("-40".into());
    f.b.value = Some("\t45".into());
    f.explanation = "\u{1b}[31mThe counts differ.\u{1b}[0m".into();
    let alignment = Alignment {
        findings: vec![f],
        ..Alignment::default()
    };
    (vec![a, b], alignment)
}

fn cells(csv: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn csv_cells_that_start_a_formula_are_neutralised_by_default() {
    let (x, a) = sample("https://example.com/wire", "https://example.com/daily");
    let report = Report::new(&x, &a);
    let csv = render(&report, Format::Csv).unwrap();
    let rows = cells(&csv);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    for cell in row.iter() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "raw formula cell {cell:?} in {csv}"
        );
    }
    let all: Vec<&str> = row.iter().collect();
    assert!(all.contains(&"'=HYPERLINK(\"http://evil.example/steal\",\"Click\")"));
    assert!(all.contains(&"'@SUM(1+1)*cmd|' /C calc'!A0"));
    assert!(all.contains(&"'-40"), "{all:?}");
    assert!(all.contains(&"'\t45"), "{all:?}");
    assert!(all.contains(&"'-Wire Service") && all.contains(&"'+Daily"));
    // the finding id stays as it was: baselines keep matching
    assert!(row[0].chars().all(|c| c.is_ascii_alphanumeric()));
}

#[test]
fn raw_csv_keeps_cells_as_extracted() {
    let (x, a) = sample("https://example.com/wire", "https://example.com/daily");
    let report = Report::new(&x, &a);
    let options = RenderOptions {
        csv_cells: CsvCells::Raw,
    };
    let raw = render_with(&report, Format::Csv, &options).unwrap();
    let row = &cells(&raw)[0];
    let all: Vec<&str> = row.iter().collect();
    assert!(all.contains(&"=HYPERLINK(\"http://evil.example/steal\",\"Click\")"));
    assert!(all.contains(&"-40"));
    // the default options are the neutralised CSV of `render`
    let default = render_with(&report, Format::Csv, &RenderOptions::default()).unwrap();
    assert_eq!(default, render(&report, Format::Csv).unwrap());
    assert_ne!(default, raw);
}

#[test]
fn only_http_urls_become_links_in_markdown_and_html() {
    let (x, a) = sample(
        "javascript:alert(document.cookie)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    );
    let report = Report::new(&x, &a);
    let md = render(&report, Format::Markdown).unwrap();
    assert!(!md.contains("](<javascript:"), "{md}");
    assert!(!md.contains("](<data:"), "{md}");
    let html = render(&report, Format::Html).unwrap();
    assert!(!html.contains("href=\"javascript:"), "{html}");
    assert!(!html.contains("href=\"data:"), "{html}");

    let (x, a) = sample("https://example.com/wire", "http://example.org/daily");
    let report = Report::new(&x, &a);
    let md = render(&report, Format::Markdown).unwrap();
    assert!(md.contains("[link](<https://example.com/wire>)"), "{md}");
    assert!(md.contains("[link](<http://example.org/daily>)"), "{md}");
}

#[test]
fn the_terminal_table_escapes_control_characters() {
    let (mut x, mut a) = sample("https://example.com/wire", "https://example.com/daily");
    x[0].article.id = "wire\u{1b}]0;pwned\u{7}".into();
    a.findings[0].a.claim.article = x[0].article.id.clone();
    let report = Report::new(&x, &a);
    let table = render(&report, Format::Table).unwrap();
    assert!(
        !table.contains('\u{1b}') && !table.contains('\u{7}'),
        "{table:?}"
    );
    assert!(table.contains("\\x1b[31mThe counts differ."), "{table}");
}
