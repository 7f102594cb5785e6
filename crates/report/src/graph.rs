//! The report graph: stories, findings (one per claim cluster and
//! attribute), their variants, and the articles that carry them.
//!
//! Nodes (each with a string id that names it in the exports):
//!
//! | node | id | from |
//! | --- | --- | --- |
//! | story | the story id (`story:<first article id>`) | every story of the alignment |
//! | article | `article:<id>` | every article of every story |
//! | finding | `finding:<finding id>` | every listed finding |
//! | variant | `variant:<finding id>/<n>` (from 1) | every variant of a listed finding |
//!
//! Edges: `covers` (story → article), `has_finding` (story → finding),
//! `has_variant` (finding → variant) and `reported_by` (variant → article,
//! with the claim's span and the value's span). The graph grows with the
//! mentions of the listed findings, never with pairs of articles.
//!
//! Nodes are inserted in story order, then finding order, and edges in
//! the order they are made from that, so the graph and both exports are the
//! same for the same input in any order. [`ClaimGraph::to_dot`] writes its
//! own DOT (not petgraph's `Dot`, whose formatting is not a stable
//! interface).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crosscheck_align::{FindingKind, Severity};
use crosscheck_parse::Span;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use crate::Report;

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NodeKind {
    /// A story: articles about one event.
    Story,
    /// A finding about one claim cluster.
    Finding,
    /// One value of a finding.
    Variant,
    /// An article.
    Article,
}

impl NodeKind {
    /// The snake_case name used in the exports.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Story => "story",
            NodeKind::Finding => "finding",
            NodeKind::Variant => "variant",
            NodeKind::Article => "article",
        }
    }
}

/// A node of the graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Node {
    /// Unique id (see the [module documentation](self)).
    pub id: String,
    /// What the node stands for.
    #[serde(rename = "type")]
    pub kind: NodeKind,
    /// A short human-readable label.
    pub label: String,
    /// The finding's kind (findings only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding_kind: Option<FindingKind>,
    /// The finding's severity (findings only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// The finding's claim cluster id (findings only): findings of one
    /// cluster share it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// Independent outlets giving the variant (variants only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlets: Option<usize>,
    /// The outlet (articles only, when known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The article's URL (articles only, when known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Node {
    fn new(id: String, kind: NodeKind, label: String) -> Self {
        Node {
            id,
            kind,
            label,
            finding_kind: None,
            severity: None,
            cluster: None,
            outlets: None,
            source: None,
            url: None,
        }
    }
}

/// What an edge says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EdgeKind {
    /// A story covers an article.
    Covers,
    /// A story has a finding.
    HasFinding,
    /// A finding has a variant.
    HasVariant,
    /// A variant is carried by an article.
    ReportedBy,
}

impl EdgeKind {
    /// The snake_case name used in the exports.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Covers => "covers",
            EdgeKind::HasFinding => "has_finding",
            EdgeKind::HasVariant => "has_variant",
            EdgeKind::ReportedBy => "reported_by",
        }
    }
}

/// An edge of the graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Edge {
    /// What the edge says.
    #[serde(rename = "type")]
    pub kind: EdgeKind,
    /// The claim's span in the article (`reported_by` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The value's span in the article (`reported_by` only, when given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_span: Option<Span>,
}

impl Edge {
    fn plain(kind: EdgeKind) -> Self {
        Edge {
            kind,
            span: None,
            value_span: None,
        }
    }
}

/// The graph of a report.
#[derive(Clone, Debug)]
pub struct ClaimGraph {
    /// The petgraph graph; node weights carry their ids.
    graph: DiGraph<Node, Edge>,
    /// Node index by node id.
    index: BTreeMap<String, NodeIndex>,
}

/// The node id of an article.
pub(crate) fn article_node_id(article: &str) -> String {
    format!("article:{article}")
}

/// The node id of a finding.
pub(crate) fn finding_node_id(finding: &str) -> String {
    format!("finding:{finding}")
}

/// The node id of a finding's variant (`n` from 0; written from 1).
pub(crate) fn variant_node_id(finding: &str, n: usize) -> String {
    format!("variant:{finding}/{}", n + 1)
}

fn truncate(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

impl ClaimGraph {
    /// Builds the graph of a report: every story and article, and the
    /// listed findings with their variants.
    pub fn build(report: &Report) -> ClaimGraph {
        let mut graph: DiGraph<Node, Edge> = DiGraph::new();
        let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
        let mut add = |graph: &mut DiGraph<Node, Edge>, n: Node| -> NodeIndex {
            if let Some(&i) = index.get(&n.id) {
                return i;
            }
            let id = n.id.clone();
            let i = graph.add_node(n);
            index.insert(id, i);
            i
        };
        let mut by_story: BTreeMap<&str, Vec<&crosscheck_align::Finding>> = BTreeMap::new();
        for f in report.entries() {
            by_story.entry(f.story.as_str()).or_default().push(f);
        }
        for story in &report.alignment.stories {
            let label = if story.is_singleton() {
                format!("{} (1 article)", story.id)
            } else {
                format!("{} ({} articles)", story.id, story.articles.len())
            };
            let s = add(
                &mut graph,
                Node::new(story.id.clone(), NodeKind::Story, label),
            );
            let mut articles: BTreeMap<&str, NodeIndex> = BTreeMap::new();
            for a in &story.articles {
                let mut n = Node::new(article_node_id(a), NodeKind::Article, a.clone());
                if let Some(x) = report.extraction(a) {
                    n.source = x.article.source.clone();
                    n.url = x.article.url.clone();
                    if let Some(src) = &x.article.source {
                        n.label = format!("{a} ({src})");
                    }
                }
                let ai = add(&mut graph, n);
                graph.add_edge(s, ai, Edge::plain(EdgeKind::Covers));
                articles.insert(a.as_str(), ai);
            }
            for f in by_story.remove(story.id.as_str()).unwrap_or_default() {
                let mut n = Node::new(
                    finding_node_id(&f.id),
                    NodeKind::Finding,
                    format!("{} ({})", f.kind.as_str(), f.severity),
                );
                n.finding_kind = Some(f.kind);
                n.severity = Some(f.severity);
                n.cluster = Some(f.cluster.clone());
                let fi = add(&mut graph, n);
                graph.add_edge(s, fi, Edge::plain(EdgeKind::HasFinding));
                for (k, v) in f.variants.iter().enumerate() {
                    let mut n = Node::new(
                        variant_node_id(&f.id, k),
                        NodeKind::Variant,
                        truncate(&v.display, 60),
                    );
                    n.outlets = Some(v.outlets);
                    let vi = add(&mut graph, n);
                    graph.add_edge(fi, vi, Edge::plain(EdgeKind::HasVariant));
                    for m in &v.mentions {
                        let ai = match articles.get(m.article.as_str()) {
                            Some(&ai) => ai,
                            None => add(
                                &mut graph,
                                Node::new(
                                    article_node_id(&m.article),
                                    NodeKind::Article,
                                    m.article.clone(),
                                ),
                            ),
                        };
                        graph.add_edge(
                            vi,
                            ai,
                            Edge {
                                kind: EdgeKind::ReportedBy,
                                span: Some(m.span),
                                value_span: m.value_span,
                            },
                        );
                    }
                }
            }
        }
        ClaimGraph { graph, index }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node with this id (`story:…`, `article:<id>`, `finding:<id>`,
    /// `variant:<finding id>/<n>`), if any.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.graph[i])
    }

    /// The nodes an edge of this kind leads to from the node `id`, in
    /// insertion order: a story's findings (`HasFinding`) or articles
    /// (`Covers`), a finding's variants (`HasVariant`), the articles that
    /// carry a variant (`ReportedBy`, with the edge and its spans).
    ///
    /// ```
    /// # use crosscheck_align::{compare, Config};
    /// # use crosscheck_parse::{extract_articles, Article};
    /// # use crosscheck_report::{graph::EdgeKind, Report};
    /// let docs = extract_articles(&[
    ///     Article::new("a", "The ferry carried 120 passengers, the coast guard said."),
    ///     Article::new("b", "The ferry carried 210 passengers, the coast guard said."),
    /// ]).unwrap();
    /// let alignment = compare(&docs, &Config::default());
    /// let g = Report::new(&docs, &alignment).graph();
    /// let story = &alignment.stories[0].id;
    /// let findings = g.targets(story, EdgeKind::HasFinding);
    /// assert_eq!(findings.len(), 1);
    /// let variants = g.targets(&findings[0].0.id, EdgeKind::HasVariant);
    /// assert_eq!(variants.len(), 2);
    /// let carried = g.targets(&variants[0].0.id, EdgeKind::ReportedBy);
    /// assert!(carried[0].1.span.is_some());
    /// ```
    pub fn targets(&self, id: &str, kind: EdgeKind) -> Vec<(&Node, &Edge)> {
        let Some(&i) = self.index.get(id) else {
            return Vec::new();
        };
        let mut out: Vec<(usize, &Node, &Edge)> = self
            .graph
            .edges(i)
            .filter(|e| e.weight().kind == kind)
            .map(|e| (e.id().index(), &self.graph[e.target()], e.weight()))
            .collect();
        // petgraph lists a node's edges newest first
        out.sort_by_key(|&(k, _, _)| k);
        out.into_iter().map(|(_, n, e)| (n, e)).collect()
    }

    /// The nodes, in insertion order (story by story).
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// The edges as `(source id, target id, edge)`, in insertion order.
    pub fn edges(&self) -> impl Iterator<Item = (&str, &str, &Edge)> {
        self.graph.edge_references().map(|e| {
            (
                self.graph[e.source()].id.as_str(),
                self.graph[e.target()].id.as_str(),
                e.weight(),
            )
        })
    }

    /// The graph in Graphviz DOT, deterministic: one `subgraph cluster_N`
    /// per story with its articles, findings and variants, then the edges.
    /// Discrepancies are red, agreements green.
    pub fn to_dot(&self) -> String {
        let mut out = String::new();
        out.push_str("digraph crosscheck {\n");
        out.push_str("  graph [rankdir=LR, fontname=\"Helvetica\"];\n");
        out.push_str("  node [fontname=\"Helvetica\", fontsize=10];\n");
        out.push_str("  edge [fontname=\"Helvetica\", fontsize=8];\n");
        let node_line = |n: &Node| {
            let shape = match n.kind {
                NodeKind::Story => "tab",
                NodeKind::Finding => "box",
                NodeKind::Variant => "note",
                NodeKind::Article => "folder",
            };
            let color = match n.finding_kind {
                Some(k) if k.is_discrepancy() => ", color=red",
                Some(_) => ", color=darkgreen",
                None => "",
            };
            format!(
                "{} [label={}, shape={shape}{color}, type={}]",
                dot_quote(&n.id),
                dot_quote(&n.label),
                n.kind.as_str()
            )
        };
        let mut story = 0;
        let mut open = false;
        for n in self.nodes() {
            if n.kind == NodeKind::Story {
                if open {
                    out.push_str("  }\n");
                }
                story += 1;
                let _ = writeln!(out, "  subgraph cluster_{story} {{");
                let _ = writeln!(out, "    label={};", dot_quote(&n.label));
                open = true;
            }
            let _ = writeln!(out, "    {};", node_line(n));
        }
        if open {
            out.push_str("  }\n");
        }
        for (s, t, e) in self.edges() {
            let mut attrs = vec![format!("type={}", e.kind.as_str())];
            if let Some(sp) = e.span {
                attrs.push(format!("label=\"{}-{}\"", sp.start, sp.end));
            }
            if e.kind == EdgeKind::Covers {
                attrs.push("style=dotted, color=gray50".to_string());
            }
            let _ = writeln!(
                out,
                "  {} -> {} [{}];",
                dot_quote(s),
                dot_quote(t),
                attrs.join(", ")
            );
        }
        out.push_str("}\n");
        out
    }

    /// The graph as JSON: `{"directed": true, "nodes": [...], "edges":
    /// [...]}`; each node has `id`, `type`, `label` and its attributes,
    /// each edge `id`, `source`, `target`, `type` and, for `reported_by`,
    /// `span` and `value_span`.
    pub fn to_json(&self) -> serde_json::Value {
        #[derive(Serialize)]
        struct JsonEdge<'a> {
            id: String,
            source: &'a str,
            target: &'a str,
            #[serde(flatten)]
            edge: &'a Edge,
        }
        let nodes: Vec<&Node> = self.nodes().collect();
        let edges: Vec<JsonEdge> = self
            .edges()
            .enumerate()
            .map(|(i, (source, target, edge))| JsonEdge {
                id: format!("e{i}"),
                source,
                target,
                edge,
            })
            .collect();
        serde_json::json!({
            "directed": true,
            "nodes": nodes,
            "edges": edges,
        })
    }
}

/// Quotes a DOT id or label: backslashes, quotes and line breaks escaped.
pub(crate) fn dot_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
