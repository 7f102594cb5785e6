//! Same input in another order gives the same bytes, in every format.
mod common;

use std::collections::BTreeSet;

use crosscheck_align::{compare, Config, FindingKind};
use crosscheck_report::{csv_report, html, json_report, markdown, table, Filter, Report};

fn all_outputs(r: &Report) -> Vec<String> {
    let g = r.graph();
    vec![
        csv_report::to_csv_string(r).unwrap(),
        json_report::to_json_string(r).unwrap(),
        markdown::to_markdown(r),
        html::to_html(r),
        table::to_table(r),
        g.to_dot(),
        serde_json::to_string_pretty(&g.to_json()).unwrap(),
    ]
}

#[test]
fn byte_identical_for_reordered_input() {
    let (x, a) = common::sample();
    let mut x2 = common::articles();
    x2.rotate_left(1);
    let a2 = compare(&x2, &Config::default());
    for filter in [
        Filter::default(),
        Filter {
            include_agreements: true,
            ..Filter::default()
        },
    ] {
        let one = all_outputs(&Report::new(&x, &a).with_filter(filter.clone()));
        let two = all_outputs(&Report::new(&x2, &a2).with_filter(filter));
        for (i, (p, q)) in one.iter().zip(&two).enumerate() {
            assert_eq!(p, q, "output {i} differs");
        }
    }
}

#[test]
fn repeated_runs_are_identical() {
    let (x, a) = common::sample();
    let r = Report::new(&x, &a);
    assert_eq!(all_outputs(&r), all_outputs(&r));
}

#[test]
fn filters_are_pure_and_compose() {
    let (x, a) = common::sample();
    let kinds = |f: Filter| -> Vec<FindingKind> {
        Report::new(&x, &a)
            .with_filter(f)
            .entries()
            .iter()
            .map(|f| f.kind)
            .collect()
    };
    let all = kinds(Filter::default());
    assert!(all.iter().all(|k| k.is_discrepancy()));
    assert_eq!(all.len(), a.discrepancies().count());
    let only: BTreeSet<FindingKind> = [FindingKind::Date, FindingKind::Quantity].into();
    let mut k = kinds(Filter {
        kinds: Some(only),
        ..Filter::default()
    });
    k.sort();
    assert_eq!(k, [FindingKind::Date, FindingKind::Quantity]);
    let with = kinds(Filter {
        include_agreements: true,
        ..Filter::default()
    });
    assert!(with.iter().any(|k| !k.is_discrepancy()));
    let k = kinds(Filter {
        min_confidence: 1.01,
        include_agreements: true,
        ..Filter::default()
    });
    assert!(k.is_empty());
    assert!(crosscheck_report::parse_kinds("date,nope").is_err());
    assert_eq!(
        crosscheck_report::parse_kinds(" date , quote-wording ")
            .unwrap()
            .len(),
        2
    );
}
