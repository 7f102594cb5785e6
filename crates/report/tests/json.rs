//! The JSON report: stories → findings → variants → mentions.
mod common;

use crosscheck_report::json_report::{to_json_string, JsonReport};
use crosscheck_report::{Filter, Report};

#[test]
fn json_report_parses_and_has_everything() {
    let (x, a) = common::sample();
    let text = to_json_string(&Report::new(&x, &a)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "crosscheck-report");
    assert_eq!(v["version"], 2);
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0]["id"], "story:ap");
    assert_eq!(
        stories[0]["articles"],
        serde_json::json!(["ap", "bbc", "rt"])
    );
    let findings = stories[0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), a.discrepancies().count());
    for f in findings {
        assert_eq!(f["id"].as_str().unwrap().len(), 16);
        assert!(["low", "medium", "high"].contains(&f["severity"].as_str().unwrap()));
        let variants = f["variants"].as_array().unwrap();
        assert!(variants.len() >= 2);
        for m in variants
            .iter()
            .flat_map(|v| v["mentions"].as_array().unwrap())
        {
            assert!(m["span"].is_array());
            assert!(m["article"].is_string());
        }
    }
    let articles = v["articles"].as_array().unwrap();
    let ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["ap", "bbc", "rt"]);
    assert!(articles.iter().all(|a| a["story"] == "story:ap"));
    assert_eq!(articles[0]["quotes"], 1);
    assert_eq!(articles[0]["published"], "2022-01-21");
    assert_eq!(v["diagnostics"][0]["message"], "repaired <broken> markup");
    assert_eq!(v["summary"]["warnings"], 1);
    assert_eq!(v["summary"]["stories"], 1);
    assert_eq!(v["summary"]["findings_by_kind"]["quantity"], 1);
    assert_eq!(v["people"][0]["name"], "Antony Blinken");
    assert!(text.ends_with("}\n"));
    let typed: JsonReport = serde_json::from_str(&text).unwrap();
    assert_eq!(typed.stories[0].findings.len(), findings.len());
}

#[test]
fn json_filter_applies() {
    let (x, a) = common::sample();
    let r = Report::new(&x, &a).with_filter(Filter {
        kinds: Some(crosscheck_report::parse_kinds("quantity").unwrap()),
        ..Filter::default()
    });
    let v: serde_json::Value = serde_json::from_str(&to_json_string(&r).unwrap()).unwrap();
    let kinds: Vec<&str> = v["stories"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["quantity"]);
}
