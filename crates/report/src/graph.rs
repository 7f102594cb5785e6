//! The claim graph: articles, claims and entities, and how they relate.
//!
//! Nodes (each with a string id that names it in the exports):
//!
//! | node | id | from |
//! | --- | --- | --- |
//! | article | `article:<id>` | every extraction, and every article a finding, unique claim or person names |
//! | claim | `claim:<article>/<kind>/<index>@<start>-<end>` | one per distinct [`ClaimRef`] in the findings and unique claims |
//! | person | `person:<name>` | [`Alignment::people`](crosscheck_align::Alignment::people), speakers, and person entities no merged person covers |
//! | organisation | `organization:<name>` | organisation entities of the extractions |
//! | place | `place:<name>` | place entities of the extractions |
//!
//! Edges: `agrees` and `differs` (claim – claim, one per finding, with the
//! finding's kind, id and confidence), `said_by` (claim → person),
//! `mentions` (article → entity) and `appears_in` (claim → article).
//!
//! Nodes are inserted in id order and edges in (source, target, type, kind,
//! finding id) order, so the graph, and both exports, are the same for the
//! same input in any order. [`ClaimGraph::to_dot`] writes its own DOT
//! (not petgraph's `Dot`, whose formatting is not a stable interface).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crosscheck_align::{ClaimKind, ClaimRef, FindingKind};
use crosscheck_parse::{EntityKind, Span};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use crate::Report;

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// An article.
    Article,
    /// A quote or fact claim of one article.
    Claim,
    /// A person.
    Person,
    /// An organisation.
    Organization,
    /// A place.
    Place,
}

impl NodeKind {
    /// The snake_case name used in the exports.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Article => "article",
            NodeKind::Claim => "claim",
            NodeKind::Person => "person",
            NodeKind::Organization => "organization",
            NodeKind::Place => "place",
        }
    }
}

/// A node of the claim graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Unique id (see the [module documentation](self)).
    pub id: String,
    /// What the node stands for.
    #[serde(rename = "type")]
    pub kind: NodeKind,
    /// A short human-readable label.
    pub label: String,
    /// The article a claim belongs to (claims only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// The claim's kind (claims only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim_kind: Option<ClaimKind>,
    /// The claim's byte span in its article (claims only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The full claim text (claims only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
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
            article: None,
            claim_kind: None,
            span: None,
            text: None,
            source: None,
            url: None,
        }
    }
}

/// What an edge says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// Two claims say the same thing (an agreement finding).
    Agrees,
    /// Two claims differ (a discrepancy finding).
    Differs,
    /// A claim's speaker.
    SaidBy,
    /// An article mentions an entity.
    Mentions,
    /// A claim is in an article.
    AppearsIn,
}

impl EdgeKind {
    /// The snake_case name used in the exports.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Agrees => "agrees",
            EdgeKind::Differs => "differs",
            EdgeKind::SaidBy => "said_by",
            EdgeKind::Mentions => "mentions",
            EdgeKind::AppearsIn => "appears_in",
        }
    }
}

/// An edge of the claim graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// What the edge says.
    #[serde(rename = "type")]
    pub kind: EdgeKind,
    /// The finding's kind (`agrees` and `differs` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding_kind: Option<FindingKind>,
    /// The finding's stable id (`agrees` and `differs` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding_id: Option<String>,
    /// The finding's confidence, rounded to three decimals (`agrees` and
    /// `differs` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

impl Edge {
    fn plain(kind: EdgeKind) -> Self {
        Edge {
            kind,
            finding_kind: None,
            finding_id: None,
            confidence: None,
        }
    }

    fn sort_key(&self) -> (EdgeKind, Option<FindingKind>, Option<&str>) {
        (self.kind, self.finding_kind, self.finding_id.as_deref())
    }
}

/// A group of claims connected by `agrees` and `differs` edges, and where
/// each article stands on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    /// `cluster-1`, `cluster-2`, … in the order of their first claim id.
    pub id: String,
    /// Claim node ids, sorted.
    pub claims: Vec<String>,
    /// Ids of the findings inside the cluster, sorted.
    pub findings: Vec<String>,
    /// Articles with a claim in the cluster, sorted.
    pub articles: Vec<String>,
    /// The articles of each *version*: claims joined by agreements only.
    /// Sorted, largest first.
    pub versions: Vec<Vec<String>>,
    /// The articles of the largest version, when it spans at least two
    /// articles and is strictly larger than every other version; else empty.
    pub agree: Vec<String>,
    /// Articles in the cluster but not in `agree`.
    pub differ: Vec<String>,
    /// Articles that cover the same events (an `agrees` or `differs` edge
    /// links them to an article of the cluster) but have no claim in it:
    /// what each outlet left out. Unrelated articles of a large corpus are
    /// not listed, which keeps the report linear in the corpus size.
    pub silent: Vec<String>,
}

/// The claim graph and its clusters.
#[derive(Clone, Debug)]
pub struct ClaimGraph {
    /// The petgraph graph; node and edge weights carry their ids.
    pub graph: DiGraph<Node, Edge>,
    /// Claim clusters, in id order.
    pub clusters: Vec<Cluster>,
}

/// The node id of a claim.
pub fn claim_node_id(c: &ClaimRef) -> String {
    let kind = match c.kind {
        ClaimKind::Quote => "quote",
        ClaimKind::Sentence => "sentence",
        ClaimKind::Date => "date",
        ClaimKind::Quantity => "quantity",
        ClaimKind::Person => "person",
        ClaimKind::Place => "place",
    };
    format!(
        "claim:{}/{}/{}@{}-{}",
        c.article, kind, c.index, c.span.start, c.span.end
    )
}

/// The node id of an article.
pub fn article_node_id(article: &str) -> String {
    format!("article:{article}")
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

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[derive(Default)]
struct Builder {
    nodes: BTreeMap<String, Node>,
    edges: Vec<(String, String, Edge)>,
}

impl Builder {
    fn article(&mut self, id: &str) -> String {
        let key = article_node_id(id);
        self.nodes
            .entry(key.clone())
            .or_insert_with(|| Node::new(key.clone(), NodeKind::Article, id.to_string()));
        key
    }

    fn entity(&mut self, kind: NodeKind, name: &str) -> String {
        let key = format!("{}:{name}", kind.as_str());
        self.nodes
            .entry(key.clone())
            .or_insert_with(|| Node::new(key.clone(), kind, name.to_string()));
        key
    }

    fn claim(&mut self, c: &ClaimRef, text: &str, speaker: Option<&str>) -> String {
        let key = claim_node_id(c);
        if !self.nodes.contains_key(&key) {
            let mut n = Node::new(key.clone(), NodeKind::Claim, truncate(text, 60));
            n.article = Some(c.article.clone());
            n.claim_kind = Some(c.kind);
            n.span = Some(c.span);
            n.text = Some(text.to_string());
            self.nodes.insert(key.clone(), n);
            let art = self.article(&c.article);
            self.edges
                .push((key.clone(), art, Edge::plain(EdgeKind::AppearsIn)));
            if let Some(s) = speaker.filter(|s| !s.trim().is_empty()) {
                let p = self.entity(NodeKind::Person, s);
                self.edges
                    .push((key.clone(), p, Edge::plain(EdgeKind::SaidBy)));
            }
        }
        key
    }
}

impl ClaimGraph {
    /// Builds the graph of a report: the findings that pass the report's
    /// filter, its unique claims, people and the extractions' entities.
    pub fn build(report: &Report) -> ClaimGraph {
        let mut b = Builder::default();
        let extractions = report.sorted_extractions();
        for x in &extractions {
            let key = b.article(&x.article.id);
            let n = b.nodes.get_mut(&key).expect("just inserted");
            n.source = x.article.source.clone();
            n.url = x.article.url.clone();
            n.label = match (&x.article.source, &x.article.title) {
                (Some(s), _) => format!("{} ({s})", x.article.id),
                (None, Some(t)) => format!("{}: {}", x.article.id, truncate(t, 40)),
                _ => x.article.id.clone(),
            };
        }

        // People merged across articles, and which entity each mention is.
        let mut people = report.alignment.people.clone();
        people.sort_by(|a, b| a.name.cmp(&b.name));
        let mut person_of: BTreeMap<(String, usize), String> = BTreeMap::new();
        for p in &people {
            let pid = b.entity(NodeKind::Person, &p.name);
            for (article, idx) in &p.mentions {
                person_of.insert((article.clone(), *idx), p.name.clone());
                let art = b.article(article);
                b.edges
                    .push((art, pid.clone(), Edge::plain(EdgeKind::Mentions)));
            }
        }
        for x in &extractions {
            for (i, e) in x.entities.iter().enumerate() {
                let node = match e.kind {
                    EntityKind::Person => {
                        let name = person_of
                            .get(&(x.article.id.clone(), i))
                            .cloned()
                            .unwrap_or_else(|| e.name.clone());
                        b.entity(NodeKind::Person, &name)
                    }
                    EntityKind::Organization => b.entity(NodeKind::Organization, &e.name),
                    EntityKind::Place => b.entity(NodeKind::Place, &e.name),
                };
                let art = b.article(&x.article.id);
                b.edges.push((art, node, Edge::plain(EdgeKind::Mentions)));
            }
        }

        // Claims and findings.
        let entries = report.kept();
        for e in &entries {
            let f = &e.finding;
            let a = b.claim(&f.a.claim, &f.a.text, f.a.speaker.as_deref());
            let c = b.claim(&f.b.claim, &f.b.text, f.b.speaker.as_deref());
            let kind = if f.kind.is_discrepancy() {
                EdgeKind::Differs
            } else {
                EdgeKind::Agrees
            };
            b.edges.push((
                a,
                c,
                Edge {
                    kind,
                    finding_kind: Some(f.kind),
                    finding_id: Some(e.id.clone()),
                    confidence: Some(round3(crate::confidence(f))),
                },
            ));
        }
        let mut unique: Vec<_> = report.alignment.unique.iter().collect();
        unique.sort_by(|a, b| (&a.claim, &a.text).cmp(&(&b.claim, &b.text)));
        for u in unique {
            b.claim(&u.claim, &u.text, u.speaker.as_deref());
        }

        // Insert in sorted order.
        let mut graph = DiGraph::new();
        let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
        for (key, node) in std::mem::take(&mut b.nodes) {
            index.insert(key, graph.add_node(node));
        }
        let mut edges = std::mem::take(&mut b.edges);
        edges.sort_by(|x, y| (&x.0, &x.1, x.2.sort_key()).cmp(&(&y.0, &y.1, y.2.sort_key())));
        edges.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1 && x.2 == y.2);
        for (s, t, e) in edges {
            graph.add_edge(index[&s], index[&t], e);
        }

        let clusters = clusters(&graph);
        ClaimGraph { graph, clusters }
    }

    /// The nodes, in id order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// The edges as `(source id, target id, edge)`, in sorted order.
    pub fn edges(&self) -> impl Iterator<Item = (&str, &str, &Edge)> {
        self.graph.edge_references().map(|e| {
            (
                self.graph[e.source()].id.as_str(),
                self.graph[e.target()].id.as_str(),
                e.weight(),
            )
        })
    }

    /// The cluster a claim node belongs to, if any.
    pub fn cluster_of(&self, claim_node: &str) -> Option<&Cluster> {
        self.clusters
            .iter()
            .find(|c| c.claims.iter().any(|x| x == claim_node))
    }

    /// The graph in Graphviz DOT, deterministic: nodes in id order (claims
    /// of a cluster grouped in a `subgraph cluster_N`), then edges in sorted
    /// order. `agrees`/`differs` edges are drawn undirected, green and red.
    pub fn to_dot(&self) -> String {
        let mut out = String::new();
        out.push_str("digraph crosscheck {\n");
        out.push_str("  graph [rankdir=LR, fontname=\"Helvetica\"];\n");
        out.push_str("  node [fontname=\"Helvetica\", fontsize=10];\n");
        out.push_str("  edge [fontname=\"Helvetica\", fontsize=8];\n");
        let in_cluster: BTreeSet<&str> = self
            .clusters
            .iter()
            .flat_map(|c| c.claims.iter().map(String::as_str))
            .collect();
        let node_line = |n: &Node| {
            let shape = match n.kind {
                NodeKind::Article => "folder",
                NodeKind::Claim => "box",
                NodeKind::Person => "ellipse",
                NodeKind::Organization => "hexagon",
                NodeKind::Place => "house",
            };
            format!(
                "{} [label={}, shape={shape}, type={}]",
                dot_quote(&n.id),
                dot_quote(&n.label),
                n.kind.as_str()
            )
        };
        for n in self.nodes() {
            if !in_cluster.contains(n.id.as_str()) {
                let _ = writeln!(out, "  {};", node_line(n));
            }
        }
        for (i, c) in self.clusters.iter().enumerate() {
            let _ = writeln!(out, "  subgraph cluster_{} {{", i + 1);
            let _ = writeln!(out, "    label={};", dot_quote(&c.id));
            for id in &c.claims {
                if let Some(n) = self.nodes().find(|n| &n.id == id) {
                    let _ = writeln!(out, "    {};", node_line(n));
                }
            }
            out.push_str("  }\n");
        }
        for (s, t, e) in self.edges() {
            let mut attrs = vec![];
            match (e.kind, e.finding_kind) {
                (EdgeKind::Differs, Some(k)) => {
                    attrs.push(format!("label={}", dot_quote(k.as_str())));
                    attrs.push("color=red, dir=none".to_string());
                }
                (EdgeKind::Agrees, _) => {
                    attrs.push("label=\"agrees\"".to_string());
                    attrs.push("color=darkgreen, dir=none".to_string());
                }
                (k, _) => {
                    attrs.push(format!("label={}", dot_quote(k.as_str())));
                    attrs.push("color=gray50".to_string());
                }
            }
            attrs.push(format!("type={}", e.kind.as_str()));
            if let Some(id) = &e.finding_id {
                attrs.push(format!("finding_id={}", dot_quote(id)));
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
    /// [...], "clusters": [...]}`; each node has `id`, `type`, `label` and
    /// its attributes, each edge `id`, `source`, `target`, `type` and, for
    /// findings, `finding_kind`, `finding_id` and `confidence`.
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
            "clusters": self.clusters,
        })
    }
}

/// Quotes a DOT id or label: backslashes, quotes and line breaks escaped.
pub fn dot_quote(s: &str) -> String {
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

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        parent[hi] = lo;
    }
}

fn clusters(graph: &DiGraph<Node, Edge>) -> Vec<Cluster> {
    let n = graph.node_count();
    let mut any = (0..n).collect::<Vec<_>>();
    let mut agree = (0..n).collect::<Vec<_>>();
    let mut linked = vec![false; n];
    // articles that share at least one finding: who covers the same events
    let mut neighbours: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in graph.edge_references() {
        let (s, t) = (e.source().index(), e.target().index());
        if matches!(e.weight().kind, EdgeKind::Agrees | EdgeKind::Differs) {
            let (sa, ta) = (&graph[e.source()].article, &graph[e.target()].article);
            if let (Some(sa), Some(ta)) = (sa, ta) {
                if sa != ta {
                    neighbours.entry(sa).or_default().insert(ta);
                    neighbours.entry(ta).or_default().insert(sa);
                }
            }
        }
        match e.weight().kind {
            EdgeKind::Agrees => {
                union(&mut any, s, t);
                union(&mut agree, s, t);
            }
            EdgeKind::Differs => union(&mut any, s, t),
            _ => continue,
        }
        linked[s] = true;
        linked[t] = true;
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in (0..n).filter(|&i| linked[i]) {
        let r = find(&mut any, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Cluster> = Vec::new();
    for members in groups.values() {
        let node = |i: usize| &graph[NodeIndex::new(i)];
        let mut claims: Vec<String> = members.iter().map(|&i| node(i).id.clone()).collect();
        claims.sort();
        let articles: BTreeSet<String> = members
            .iter()
            .filter_map(|&i| node(i).article.clone())
            .collect();
        let mut findings: BTreeSet<String> = BTreeSet::new();
        for &i in members {
            for e in graph.edges(NodeIndex::new(i)) {
                if let Some(id) = &e.weight().finding_id {
                    findings.insert(id.clone());
                }
            }
        }
        let mut by_version: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
        for &i in members {
            let r = find(&mut agree, i);
            if let Some(a) = &node(i).article {
                by_version.entry(r).or_default().insert(a.clone());
            }
        }
        let mut versions: Vec<Vec<String>> = by_version
            .into_values()
            .map(|s| s.into_iter().collect())
            .collect();
        versions.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        versions.dedup();
        let agree_set: Vec<String> = match versions.as_slice() {
            [first, second, ..] if first.len() >= 2 && first.len() > second.len() => first.clone(),
            [only] if only.len() >= 2 => only.clone(),
            _ => Vec::new(),
        };
        let differ: Vec<String> = articles
            .iter()
            .filter(|a| !agree_set.contains(a))
            .cloned()
            .collect();
        let silent: Vec<String> = articles
            .iter()
            .filter_map(|a| neighbours.get(a.as_str()))
            .flatten()
            .filter(|a| !articles.contains(**a))
            .map(|a| a.to_string())
            .collect::<BTreeSet<String>>()
            .into_iter()
            .collect();
        out.push(Cluster {
            id: String::new(),
            claims,
            findings: findings.into_iter().collect(),
            articles: articles.into_iter().collect(),
            versions,
            agree: agree_set,
            differ,
            silent,
        });
    }
    out.sort_by(|a, b| a.claims.cmp(&b.claims));
    for (i, c) in out.iter_mut().enumerate() {
        c.id = format!("cluster-{}", i + 1);
    }
    out
}
