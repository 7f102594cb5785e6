mod common;

use std::collections::BTreeSet;

use crosscheck_report::graph::{Edge, EdgeKind, NodeKind};
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
    assert_eq!(nodes.len(), g.node_count());
    assert_eq!(edges.len(), g.edge_count());
    for (s, t) in &edges {
        assert!(nodes.contains(s), "undeclared {s}");
        assert!(nodes.contains(t), "undeclared {t}");
    }
    assert!(dot.contains("subgraph cluster_1"));
}

/// story → finding → variant → article, and every article of the story.
#[test]
fn graph_follows_story_finding_variant_article() {
    let (x, a) = common::sample();
    let g = Report::new(&x, &a).graph();
    let kinds: BTreeSet<NodeKind> = g.nodes().map(|n| n.kind).collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    let ekinds: BTreeSet<EdgeKind> = g.edges().map(|(_, _, e)| e.kind).collect();
    assert_eq!(ekinds.len(), 4, "{ekinds:?}");
    let ids: BTreeSet<&str> = g.nodes().map(|n| n.id.as_str()).collect();
    for art in ["article:ap", "article:bbc", "article:rt"] {
        assert!(ids.contains(art));
    }
    let q = a
        .discrepancies()
        .find(|f| f.kind == crosscheck_align::FindingKind::Quantity)
        .unwrap();
    let fid = format!("finding:{}", q.id);
    let edges: Vec<(&str, &str, &Edge)> = g.edges().collect();
    assert!(edges
        .iter()
        .any(|(s, t, e)| *s == "story:ap" && *t == fid && e.kind == EdgeKind::HasFinding));
    let v1 = format!("variant:{}/1", q.id);
    assert!(edges
        .iter()
        .any(|(s, t, e)| *s == fid && *t == v1 && e.kind == EdgeKind::HasVariant));
    let reported: Vec<_> = edges
        .iter()
        .filter(|(s, _, e)| *s == v1 && e.kind == EdgeKind::ReportedBy)
        .collect();
    assert_eq!(reported.len(), 1);
    assert_eq!(reported[0].1, "article:ap");
    assert!(reported[0].2.span.is_some() && reported[0].2.value_span.is_some());
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
}

#[test]
fn graphviz_accepts_the_dot_when_installed() {
    let (x, a) = common::sample();
    let dot = Report::new(&x, &a).graph().to_dot();
    let Ok(mut child) = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("graphviz not installed; skipped");
        return;
    };
    use std::io::Write;
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
}
