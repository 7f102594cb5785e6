//! The complete JSON report.
//!
//! ```text
//! {
//!   "format": "crosscheck-report", "version": 1,
//!   "summary": {...counts...},
//!   "findings": [...discrepancies listed by the filter, with id and severity...],
//!   "agreements": [...agreements that pass the filter...],
//!   "unique": [...claims found in one article only...],
//!   "clusters": [...see graph::Cluster...],
//!   "people": [...],
//!   "articles": [...per-article extraction summary...],
//!   "diagnostics": [...]
//! }
//! ```

use std::collections::BTreeMap;

use crosscheck_align::{Evidence, Finding, Person, Scores, TokenEdit, UniqueClaim};
use crosscheck_parse::Diagnostic;
use serde::{Deserialize, Serialize};

use crate::graph::Cluster;
use crate::{Entry, Report, ReportError, Severity};

/// Tag in the `format` field.
pub const FORMAT: &str = "crosscheck-report";
/// Version of the JSON report layout.
pub const VERSION: u32 = 1;

/// A finding with its id and severity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonFinding {
    /// Stable id.
    pub id: String,
    /// Finding kind name.
    pub kind: String,
    /// Severity name.
    pub severity: Severity,
    /// Confidence, three decimals, as text (deterministic bytes).
    pub confidence: String,
    /// Side A (article id sorts first).
    pub a: Evidence,
    /// Side B.
    pub b: Evidence,
    /// Word-level edits.
    pub diff: Vec<TokenEdit>,
    /// Similarity scores.
    pub scores: Scores,
    /// Readable explanation.
    pub explanation: String,
    /// Id of the cluster the finding is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
}

/// What was extracted from one article, counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// Article id.
    pub id: String,
    /// Outlet.
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date, ISO.
    pub published: Option<String>,
    /// Where it was read from.
    pub origin: String,
    /// Length of the text in bytes.
    pub text_bytes: usize,
    /// Number of sentences.
    pub sentences: usize,
    /// Number of quotes.
    pub quotes: usize,
    /// Number of quotes with a speaker.
    pub attributed_quotes: usize,
    /// Number of date mentions.
    pub dates: usize,
    /// Number of date mentions resolved to a value.
    pub resolved_dates: usize,
    /// Number of quantities.
    pub quantities: usize,
    /// Number of entities.
    pub entities: usize,
    /// Number of diagnostics.
    pub diagnostics: usize,
    /// Number of listed discrepancies this article is a side of.
    pub findings: usize,
}

/// Counts over the whole report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Articles compared.
    pub articles: usize,
    /// Listed findings (rows), by kind name.
    pub findings_by_kind: BTreeMap<String, usize>,
    /// Listed findings, by severity name.
    pub findings_by_severity: BTreeMap<String, usize>,
    /// Agreements that pass the filter.
    pub agreements: usize,
    /// Claims found in one article only.
    pub unique: usize,
    /// Claim clusters.
    pub clusters: usize,
    /// Diagnostics of severity error.
    pub errors: usize,
    /// Diagnostics of severity warning.
    pub warnings: usize,
}

/// The whole JSON report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonReport {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// Counts.
    pub summary: Summary,
    /// Listed findings (discrepancies, plus agreements when the filter lists
    /// them).
    pub findings: Vec<JsonFinding>,
    /// Agreements that pass the filter.
    pub agreements: Vec<JsonFinding>,
    /// Claims found in one article only.
    pub unique: Vec<UniqueClaim>,
    /// Claim clusters.
    pub clusters: Vec<Cluster>,
    /// People merged across articles.
    pub people: Vec<Person>,
    /// Per-article extraction summary, by id.
    pub articles: Vec<ArticleSummary>,
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

fn json_finding(e: &Entry, cluster: Option<String>) -> JsonFinding {
    let f: &Finding = &e.finding;
    JsonFinding {
        id: e.id.clone(),
        kind: f.kind.as_str().to_string(),
        severity: e.severity,
        confidence: crate::format_confidence(f),
        a: f.a.clone(),
        b: f.b.clone(),
        diff: f.diff.clone(),
        scores: f.scores,
        explanation: f.explanation.clone(),
        cluster,
    }
}

/// Builds the JSON report value.
pub fn build(report: &Report) -> JsonReport {
    let graph = report.graph();
    // finding id -> cluster id, built once (a scan per finding is quadratic)
    let mut cluster_by_finding: std::collections::BTreeMap<&str, &str> = Default::default();
    for c in &graph.clusters {
        for f in &c.findings {
            cluster_by_finding
                .entry(f.as_str())
                .or_insert(c.id.as_str());
        }
    }
    let cluster_of = |id: &str| cluster_by_finding.get(id).map(|c| c.to_string());
    let entries = report.entries();
    let findings: Vec<JsonFinding> = entries
        .iter()
        .map(|e| json_finding(e, cluster_of(&e.id)))
        .collect();
    let agreements: Vec<JsonFinding> = report
        .kept()
        .iter()
        .filter(|e| !e.finding.kind.is_discrepancy())
        .map(|e| json_finding(e, cluster_of(&e.id)))
        .collect();
    let mut unique = report.alignment.unique.clone();
    unique.sort_by(|a, b| (&a.claim, &a.text).cmp(&(&b.claim, &b.text)));
    let mut people = report.alignment.people.clone();
    for p in &mut people {
        p.aliases.sort();
        p.mentions.sort();
        p.roles.sort();
    }
    people.sort_by(|a, b| (&a.name, &a.mentions).cmp(&(&b.name, &b.mentions)));
    let articles: Vec<ArticleSummary> = report
        .sorted_extractions()
        .into_iter()
        .map(|x| ArticleSummary {
            id: x.article.id.clone(),
            source: x.article.source.clone(),
            title: x.article.title.clone(),
            url: x.article.url.clone(),
            published: x.article.published.map(|d| d.to_string()),
            origin: x.article.origin.clone(),
            text_bytes: x.article.text.len(),
            sentences: x.sentences.len(),
            quotes: x.quotes.len(),
            attributed_quotes: x.quotes.iter().filter(|q| q.speaker.is_some()).count(),
            dates: x.dates.len(),
            resolved_dates: x.dates.iter().filter(|d| d.value.is_some()).count(),
            quantities: x.quantities.len(),
            entities: x.entities.len(),
            diagnostics: x.diagnostics.len(),
            findings: entries
                .iter()
                .filter(|e| {
                    e.finding.kind.is_discrepancy()
                        && (e.finding.a.claim.article == x.article.id
                            || e.finding.b.claim.article == x.article.id)
                })
                .count(),
        })
        .collect();
    let diagnostics: Vec<Diagnostic> = report.all_diagnostics().into_iter().cloned().collect();
    let mut by_kind = BTreeMap::new();
    let mut by_severity = BTreeMap::new();
    for e in &entries {
        *by_kind
            .entry(e.finding.kind.as_str().to_string())
            .or_insert(0) += 1;
        *by_severity
            .entry(e.severity.as_str().to_string())
            .or_insert(0) += 1;
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == crosscheck_parse::Severity::Error)
        .count();
    JsonReport {
        format: FORMAT.to_string(),
        version: VERSION,
        summary: Summary {
            articles: articles.len(),
            findings_by_kind: by_kind,
            findings_by_severity: by_severity,
            agreements: agreements.len(),
            unique: unique.len(),
            clusters: graph.clusters.len(),
            errors,
            warnings: diagnostics.len() - errors,
        },
        findings,
        agreements,
        unique,
        clusters: graph.clusters,
        people,
        articles,
        diagnostics,
    }
}

/// The JSON report, pretty-printed, with a final newline.
pub fn to_json_string(report: &Report) -> Result<String, ReportError> {
    let mut s = serde_json::to_string_pretty(&build(report))?;
    s.push('\n');
    Ok(s)
}
