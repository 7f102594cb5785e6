mod common;

use crosscheck_report::csv_report::{read_csv, to_csv_string, COLUMNS};
use crosscheck_report::{Filter, Report};

const REQUIRED: [&str; 15] = [
    "finding_id",
    "kind",
    "severity",
    "confidence",
    "article_a",
    "article_b",
    "speaker_a",
    "speaker_b",
    "text_a",
    "text_b",
    "value_a",
    "value_b",
    "span_a",
    "span_b",
    "explanation",
];

#[test]
fn header_has_schema_columns() {
    let (x, a) = common::sample();
    let csv = to_csv_string(&Report::new(&x, &a)).unwrap();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, COLUMNS.to_vec());
    for col in REQUIRED {
        assert!(headers.iter().any(|h| h == col), "missing column {col}");
    }
}

#[test]
fn empty_report_still_has_header() {
    let a = crosscheck_align::Alignment::default();
    let csv = to_csv_string(&Report::new(&[], &a)).unwrap();
    assert_eq!(csv, format!("{}\n", COLUMNS.join(",")));
}

#[test]
fn rows_round_trip_with_newlines_and_quotes() {
    let (x, a) = common::sample();
    let csv = to_csv_string(&Report::new(&x, &a)).unwrap();
    let rows = read_csv(csv.as_bytes()).unwrap();
    // discrepancies only: agreement left out
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r.kind != "agreement"));
    let attr = rows.iter().find(|r| r.kind == "attribution").unwrap();
    assert_eq!(attr.text_a, "He said \"no\"\nthen left.");
    assert_eq!(attr.text_b, "He said \"no\"\nthen left,");
    assert_eq!(
        attr.explanation,
        "Attributed to \"Blinken\" in ap,\nto Lavrov in rt."
    );
    assert_eq!(attr.speaker_a, "Antony Blinken");
    assert_eq!(attr.speaker_b, "Sergei Lavrov");

    // generic csv reader sees the same field
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let text_a = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "text_a")
        .unwrap();
    let found = r
        .records()
        .map(|r| r.unwrap())
        .any(|rec| &rec[text_a] == "He said \"no\"\nthen left.");
    assert!(found);
}

#[test]
fn spans_confidence_and_values_are_formatted() {
    let (x, a) = common::sample();
    let rows = read_csv(to_csv_string(&Report::new(&x, &a)).unwrap().as_bytes()).unwrap();
    let q = rows.iter().find(|r| r.kind == "quantity").unwrap();
    let start = common::AP.find("100,000 troops").unwrap();
    assert_eq!(q.span_a, format!("{}-{}", start, start + 14));
    assert_eq!(q.confidence, "0.910");
    assert_eq!(q.severity, "high");
    assert_eq!(q.value_a, "[100000, 100000]");
    assert_eq!(q.value_b, "[117000, 143000]");
    assert!(!q.value_span_b.is_empty() && q.value_span_a.is_empty());
    assert_eq!(q.url_a, "https://example.com/ap?a=1&b=2");
    assert_eq!(q.url_b, "");
    assert_eq!(q.source_a, "AP news");
    assert_eq!(q.finding_id.len(), 16);
    assert!(q.finding_id.chars().all(|c| c.is_ascii_hexdigit()));
    for r in &rows {
        assert_eq!(r.confidence.len(), 5, "three decimals: {}", r.confidence);
        assert!(r.article_a <= r.article_b);
    }
}

#[test]
fn agreements_included_on_request() {
    let (x, a) = common::sample();
    let f = Filter {
        include_agreements: true,
        ..Filter::default()
    };
    let rows = read_csv(
        to_csv_string(&Report::new(&x, &a).with_filter(f))
            .unwrap()
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(rows.len(), 6);
    let agr = rows.iter().find(|r| r.kind == "agreement").unwrap();
    assert_eq!(agr.severity, "info");
}
