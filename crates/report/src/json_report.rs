//! The complete JSON report, story → finding (claim cluster) → variant →
//! mention.
//!
//! ```text
//! {
//!   "format": "crosscheck-report", "version": 2,
//!   "summary": {...counts...},
//!   "stories": [
//!     { "id": "story:ap", "articles": [...], "copies": [[...]], "claims": 40, "clusters": 7,
//!       "findings": [
//!         { "id": "…", "kind": "date", "severity": "high", "confidence": "0.850",
//!           "subject": "sentence", "cluster": "3fa1…", "explanation": "…",
//!           "variants": [
//!             { "value": {"type": "date", …}, "display": "2022-02-04", "outlets": 3,
//!               "diff": [], "mentions": [ {"article": "ap", "span": [10, 90], …} ] } ] } ] } ],
//!   "people": [...],
//!   "articles": [...per-article extraction summary, with its story...],
//!   "diagnostics": [...]
//! }
//! ```
//!
//! Every story is listed (singletons too), so every article is accounted
//! for; a story's `findings` are those the filter lists.

use std::collections::BTreeMap;

use crosscheck_align::{ClaimKind, Finding, Person, Variant};
use crosscheck_parse::Diagnostic;
use serde::{Deserialize, Serialize};

use crate::{Report, ReportError, Severity};

/// Tag in the `format` field.
pub const FORMAT: &str = "crosscheck-report";
/// Version of the JSON report layout (2: stories and claim clusters; 1
/// was pairwise findings).
pub const VERSION: u32 = 2;

/// A finding, as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct JsonFinding {
    /// Stable id.
    pub id: String,
    /// Finding kind name.
    pub kind: String,
    /// Severity.
    pub severity: Severity,
    /// Confidence, three decimals, as text (deterministic bytes).
    pub confidence: String,
    /// Quote, sentence or person.
    pub subject: ClaimKind,
    /// The claim cluster id: findings of one cluster share it.
    #[serde(default)]
    pub cluster: String,
    /// Readable explanation.
    pub explanation: String,
    /// The variants with their mentions.
    pub variants: Vec<Variant>,
}

impl JsonFinding {
    /// The written form of a finding.
    pub(crate) fn of(f: &Finding) -> Self {
        JsonFinding {
            id: f.id.clone(),
            kind: f.kind.as_str().to_string(),
            severity: f.severity,
            confidence: crate::format_confidence(f),
            subject: f.subject,
            cluster: f.cluster.clone(),
            explanation: f.explanation.clone(),
            variants: f.variants.clone(),
        }
    }
}

/// A story, as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct JsonStory {
    /// Story id.
    pub id: String,
    /// Article ids, sorted.
    pub articles: Vec<String>,
    /// Groups of syndicated copies.
    pub copies: Vec<Vec<String>>,
    /// Claims compared.
    pub claims: usize,
    /// Claim clusters spanning two or more articles.
    pub clusters: usize,
    /// The listed findings of the story.
    pub findings: Vec<JsonFinding>,
}

/// What was extracted from one article, counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ArticleSummary {
    /// Article id.
    pub id: String,
    /// The story it belongs to.
    pub story: Option<String>,
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
    /// Number of listed discrepancies the article is a mention of.
    pub findings: usize,
}

/// Counts over the whole report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Summary {
    /// Articles compared.
    pub articles: usize,
    /// Stories.
    pub stories: usize,
    /// Stories of one article.
    pub singleton_stories: usize,
    /// Listed findings, by kind name.
    pub findings_by_kind: BTreeMap<String, usize>,
    /// Listed findings, by severity name.
    pub findings_by_severity: BTreeMap<String, usize>,
    /// Claim clusters spanning two or more articles.
    pub clusters: usize,
    /// Diagnostics of severity error.
    pub errors: usize,
    /// Diagnostics of severity warning.
    pub warnings: usize,
}

/// The whole JSON report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct JsonReport {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// Counts.
    pub summary: Summary,
    /// Every story, with its listed findings.
    pub stories: Vec<JsonStory>,
    /// People, by story.
    pub people: Vec<Person>,
    /// Per-article extraction summary, by id.
    pub articles: Vec<ArticleSummary>,
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Builds the JSON report value.
pub fn build(report: &Report) -> JsonReport {
    let entries = report.entries();
    let mut by_story: BTreeMap<&str, Vec<JsonFinding>> = BTreeMap::new();
    let mut per_article: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_kind = BTreeMap::new();
    let mut by_severity = BTreeMap::new();
    for f in &entries {
        by_story
            .entry(f.story.as_str())
            .or_default()
            .push(JsonFinding::of(f));
        *by_kind.entry(f.kind.as_str().to_string()).or_insert(0) += 1;
        *by_severity
            .entry(f.severity.as_str().to_string())
            .or_insert(0) += 1;
        if f.kind.is_discrepancy() {
            for a in f.articles() {
                *per_article.entry(a).or_default() += 1;
            }
        }
    }
    let stories: Vec<JsonStory> = report
        .alignment
        .stories
        .iter()
        .map(|s| JsonStory {
            id: s.id.clone(),
            articles: s.articles.clone(),
            copies: s.copies.clone(),
            claims: s.claims,
            clusters: s.clusters,
            findings: by_story.remove(s.id.as_str()).unwrap_or_default(),
        })
        .collect();
    let articles: Vec<ArticleSummary> = report
        .sorted_extractions()
        .into_iter()
        .map(|x| ArticleSummary {
            id: x.article.id.clone(),
            story: report.story_of(&x.article.id).map(|s| s.id.clone()),
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
            findings: per_article.get(x.article.id.as_str()).copied().unwrap_or(0),
        })
        .collect();
    let diagnostics: Vec<Diagnostic> = report.all_diagnostics().into_iter().cloned().collect();
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == crosscheck_parse::DiagnosticLevel::Error)
        .count();
    let al = report.alignment;
    JsonReport {
        format: FORMAT.to_string(),
        version: VERSION,
        summary: Summary {
            articles: articles.len(),
            stories: al.stories.len(),
            singleton_stories: al.stories.iter().filter(|s| s.is_singleton()).count(),
            findings_by_kind: by_kind,
            findings_by_severity: by_severity,
            clusters: al.stories.iter().map(|s| s.clusters).sum(),
            errors,
            warnings: diagnostics.len() - errors,
        },
        stories,
        people: al.people.clone(),
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
