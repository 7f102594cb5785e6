mod common;

use std::collections::BTreeSet;

use crosscheck_report::graph::{EdgeKind, NodeKind};
use crosscheck_report::Report;

/// Splits DOT into statements well enough to check it: strings are skipped
/// when counting braces, `"a" -> "b"` lines give edges, `"a" [` lines nodes.
fn dot_ids(dot: &str) -> (BTreeSet<String>, Vec<(String, String)>) {
    let mut nodes = BTreeSet::new();
    let mut edges = Vec::new();
    let quoted = |s: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut cur: Option<String> = None;
        let mut esc = false;
        for c in s.chars() {
            match (&mut cur, c) {
                (Some(q), _) if esc => {
                    q.push(c);
                    esc = false;
                }
                (Some(_), '\\') => esc = true,
                (Some(q), '"') => {
                    out.push(std::mem::take(q));
                    cur = None;
                }
                (Some(q), c) => q.push(c),
                (None, '"') => cur = Some(String::new()),
                _ => {}
            }
        }
        out
    };
    for line in dot.lines().map(str::trim) {
        if !line.starts_with('"') {
            continue;
        }
        let q = quoted(line);
        if line.contains("\" -> \"") {
            edges.push((q[0].clone(), q[1].clone()));
        } else {
            nodes.insert(q[0].clone());
        }
    }
    (nodes, edges)
}

fn balanced(dot: &str) -> bool {
    let mut depth = 0i32;
    let (mut in_str, mut esc) = (false, false);
    for c in dot.chars() {
        if in_str {
            match c {
                _ if esc => esc = false,
                '\\' => esc = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0 && !in_str
}

#[test]
fn dot_is_structurally_sound() {
    let (x, a) = common::sample();
    let g = Report::new(&x, &a).graph();
    let dot = g.to_dot();
    assert!(dot.starts_with("digraph crosscheck {\n"));
    assert!(dot.ends_with("}\n"));
    assert!(balanced(&dot), "{dot}");
    let (nodes, edges) = dot_ids(&dot);
    assert_eq!(nodes.len(), g.graph.node_count());
    assert_eq!(edges.len(), g.graph.edge_count());
    for (s, t) in &edges {
        assert!(nodes.contains(s), "undeclared {s}");
        assert!(nodes.contains(t), "undeclared {t}");
    }
    // a label with a newline and quotes is escaped on one line
    assert!(dot.contains("He said \\\"no\\\" then left."));
}

#[test]
fn graph_has_all_node_and_edge_kinds() {
    let (x, a) = common::sample();
    let g = Report::new(&x, &a).graph();
    let kinds: BTreeSet<NodeKind> = g.nodes().map(|n| n.kind).collect();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    let ekinds: BTreeSet<EdgeKind> = g.edges().map(|(_, _, e)| e.kind).collect();
    assert_eq!(ekinds.len(), 5, "{ekinds:?}");
    // nodes inserted in id order
    let ids: Vec<&str> = g.nodes().map(|n| n.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    // the unique claim is a node, the speaker Lavrov a person
    assert!(ids.iter().any(|i| i.starts_with("claim:rt/sentence/3@")));
    assert!(ids.contains(&"person:Sergei Lavrov"));
    assert!(ids.contains(&"organization:NATO"));
    assert!(ids.contains(&"place:Brussels"));
}

#[test]
fn json_graph_edges_reference_nodes() {
    let (x, a) = common::sample();
    let v = Report::new(&x, &a).graph().to_json();
    let text = serde_json::to_string(&v).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let nodes: BTreeSet<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    for e in v["edges"].as_array().unwrap() {
        assert!(nodes.contains(e["source"].as_str().unwrap()));
        assert!(nodes.contains(e["target"].as_str().unwrap()));
        assert!(e["type"].is_string());
    }
    let differs = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "differs")
        .count();
    assert_eq!(differs, 5);
}

#[test]
fn clusters_tell_who_agrees_differs_and_is_silent() {
    let (x, a) = common::sample();
    let g = Report::new(&x, &a).graph();
    // the "We prefer diplomacy" quote: ap and bbc agree, rt differs
    let quote = g
        .clusters
        .iter()
        .find(|c| c.findings.len() == 2 && c.claims.iter().all(|c| c.contains("/quote/")))
        .expect("quote cluster");
    assert_eq!(quote.articles, ["ap", "bbc", "rt"]);
    assert_eq!(quote.agree, ["ap", "bbc"]);
    assert_eq!(quote.differ, ["rt"]);
    assert!(quote.silent.is_empty());
    assert_eq!(quote.versions, vec![vec!["ap", "bbc"], vec!["rt"]]);
    // the date: bbc and rt differ, ap silent
    let date = g
        .clusters
        .iter()
        .find(|c| {
            c.claims
                .iter()
                .any(|c| c.starts_with("claim:bbc/sentence/2@"))
        })
        .unwrap();
    assert!(date.agree.is_empty());
    assert_eq!(date.differ, ["bbc", "rt"]);
    assert_eq!(date.silent, ["ap"]);
    // ids in order
    for (i, c) in g.clusters.iter().enumerate() {
        assert_eq!(c.id, format!("cluster-{}", i + 1));
    }
}

#[test]
fn graphviz_accepts_the_dot_when_installed() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let (x, a) = common::sample();
    let dot = Report::new(&x, &a).graph().to_dot();
    let Ok(mut child) = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
    else {
        eprintln!("graphviz `dot` not installed: skipped");
        return;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Regression: `silent` listed every article of the corpus without a claim in
/// the cluster, so the report grew with clusters × articles (5 GB at 10,000
/// articles). An article that shares no finding with the cluster's articles
/// is unrelated, not silent.
#[test]
fn unrelated_articles_are_not_silent() {
    let (mut x, a) = common::sample();
    let mut unrelated = x[0].clone();
    unrelated.article.id = "zz-unrelated".into();
    x.push(unrelated);
    let g = Report::new(&x, &a).graph();
    assert!(g
        .clusters
        .iter()
        .all(|c| !c.silent.iter().any(|s| s == "zz-unrelated")));
    // the related outlet is still reported silent where it is
    assert!(g.clusters.iter().any(|c| c.silent == ["ap"]));
}
