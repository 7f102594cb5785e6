//! The CSV report: one row per (finding, article mention).
mod common;

use crosscheck_report::csv_report::{read_csv, to_csv_string, COLUMNS};
use crosscheck_report::{Filter, Report};

#[test]
fn header_and_one_row_per_mention() {
    let (x, a) = common::sample();
    let csv = to_csv_string(&Report::new(&x, &a)).unwrap();
    assert_eq!(csv.lines().next().unwrap(), COLUMNS.join(","));
    let rows = read_csv(csv.as_bytes()).unwrap();
    let mentions: usize = a
        .discrepancies()
        .map(|f| f.variants.iter().map(|v| v.mentions.len()).sum::<usize>())
        .sum();
    assert_eq!(rows.len(), mentions);
    // the troop finding: one row per article, two variants
    let troops: Vec<_> = rows.iter().filter(|r| r.kind == "quantity").collect();
    assert_eq!(troops.len(), 2, "{rows:#?}");
    assert_eq!(troops[0].finding_id, troops[1].finding_id);
    assert_eq!(
        (troops[0].variant.as_str(), troops[1].variant.as_str()),
        ("1", "2")
    );
    assert_eq!(troops[0].value, "100,000 troops");
    assert_eq!(troops[0].source, "AP news");
    assert_eq!(troops[0].story, "story:ap");
    // every span cites the article text exactly
    for r in &rows {
        let text = match r.article.as_str() {
            "ap" => common::AP,
            "bbc" => common::BBC,
            _ => common::RT,
        };
        let (s, e) = r.span.split_once('-').unwrap();
        let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
        assert_eq!(&text[s..e], r.text);
        if let Some((s, e)) = r.value_span.split_once('-') {
            let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
            assert!(r.text.contains(&text[s..e]));
        }
    }
}

#[test]
fn text_with_quotes_and_newlines_round_trips() {
    let (x, a) = common::sample();
    let report = Report::new(&x, &a).with_filter(Filter {
        include_agreements: true,
        ..Filter::default()
    });
    let csv = to_csv_string(&report).unwrap();
    let rows = read_csv(csv.as_bytes()).unwrap();
    let mentions: Vec<(String, String, String)> = report
        .entries()
        .into_iter()
        .flat_map(|f| {
            f.mentions()
                .map(|(_, m)| (f.id.clone(), m.article.clone(), m.text.clone()))
        })
        .collect();
    let read: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| (r.finding_id.clone(), r.article.clone(), r.text.clone()))
        .collect();
    assert_eq!(read, mentions);
    assert!(rows.iter().all(|r| r.cluster.len() == 16));
    assert!(rows
        .iter()
        .any(|r| r.kind == "agreement" || r.kind == "matched"));
}

#[test]
fn empty_report_still_has_the_header() {
    let x = common::articles();
    let a = crosscheck_align::Alignment::default();
    let csv = to_csv_string(&Report::new(&x, &a)).unwrap();
    assert_eq!(csv, format!("{}\n", COLUMNS.join(",")));
}
