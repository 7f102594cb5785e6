mod common;

use crosscheck_report::json_report::{to_json_string, JsonReport};
use crosscheck_report::{Filter, Report};

#[test]
fn json_report_parses_and_has_everything() {
    let (x, a) = common::sample();
    let text = to_json_string(&Report::new(&x, &a)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "crosscheck-report");
    assert_eq!(v["version"], 1);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 5);
    for f in findings {
        assert_eq!(f["id"].as_str().unwrap().len(), 16);
        assert!(["low", "medium", "high"].contains(&f["severity"].as_str().unwrap()));
        assert!(f["a"]["claim"]["span"].is_array());
        assert!(f["cluster"].as_str().unwrap().starts_with("cluster-"));
    }
    assert_eq!(v["agreements"].as_array().unwrap().len(), 1);
    assert_eq!(v["unique"].as_array().unwrap().len(), 1);
    assert!(!v["clusters"].as_array().unwrap().is_empty());
    assert_eq!(v["people"][0]["name"], "Antony Blinken");
    let articles = v["articles"].as_array().unwrap();
    let ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["ap", "bbc", "rt"]);
    assert_eq!(articles[0]["entities"], 3);
    assert_eq!(articles[0]["quotes"], 1);
    assert_eq!(articles[0]["attributed_quotes"], 1);
    assert_eq!(articles[0]["published"], "2022-02-04");
    assert_eq!(v["diagnostics"][0]["message"], "repaired <broken> markup");
    assert_eq!(v["summary"]["warnings"], 1);
    assert_eq!(v["summary"]["findings_by_kind"]["quantity"], 1);
    assert!(text.ends_with("}\n"));

    // and it deserialises into the typed report
    let typed: JsonReport = serde_json::from_str(&text).unwrap();
    assert_eq!(typed.findings.len(), 5);
}

#[test]
fn json_filter_applies() {
    let (x, a) = common::sample();
    let f = Filter {
        min_confidence: 0.8,
        ..Filter::default()
    };
    let v: serde_json::Value =
        serde_json::from_str(&to_json_string(&Report::new(&x, &a).with_filter(f)).unwrap())
            .unwrap();
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["quantity", "quote_wording"]);
}
