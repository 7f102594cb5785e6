//! # crosscheck-report
//!
//! Turns the output of alignment into things people and CI read: a claim
//! [graph] (DOT and JSON), a flat [CSV](csv_report) file, a complete
//! [JSON](json_report) report, [Markdown](markdown) and self-contained
//! [HTML](html) pages, a terminal [table], and a [baseline]
//! comparison that decides whether a CI run fails.
//!
//! Every writer takes one [`Report`]: the extractions, the alignment, the
//! diagnostics and a [`Filter`]. Output never depends on the order the
//! inputs were given in: findings, articles, nodes and edges are sorted
//! before anything is written, so the same input gives the same bytes.
//!
//! ```
//! use crosscheck_align::{Alignment, ClaimKind, ClaimRef, Evidence, Finding, FindingKind, Scores};
//! use crosscheck_parse::Span;
//! use crosscheck_report::{Filter, Report};
//!
//! let side = |article: &str, text: &str, value: &str| Evidence {
//!     claim: ClaimRef { article: article.into(), kind: ClaimKind::Quantity, index: 0, span: Span::new(0, text.len()) },
//!     text: text.into(),
//!     speaker: None,
//!     value: Some(value.into()),
//!     value_span: None,
//! };
//! let alignment = Alignment {
//!     findings: vec![Finding {
//!         kind: FindingKind::Quantity,
//!         confidence: 0.9,
//!         a: side("bbc", "100,000 troops", "[100000, 100000]"),
//!         b: side("cnn", "130,000 troops", "[130000, 130000]"),
//!         diff: vec![],
//!         scores: Scores::default(),
//!         explanation: "The troop counts differ.".into(),
//!     }],
//!     ..Alignment::default()
//! };
//! let report = Report::new(&[], &alignment).with_filter(Filter::default());
//! let entries = report.entries();
//! assert_eq!(entries.len(), 1);
//! assert_eq!(entries[0].severity.as_str(), "high");
//!
//! let mut csv = Vec::new();
//! crosscheck_report::csv_report::write_csv(&report, &mut csv).unwrap();
//! let csv = String::from_utf8(csv).unwrap();
//! assert!(csv.starts_with("finding_id,kind,severity,confidence,"));
//! assert!(csv.contains(",quantity,high,0.900,bbc,cnn,"));
//! ```
#![warn(missing_docs)]

pub mod baseline;
pub mod csv_report;
pub mod diff;
pub mod graph;
pub mod html;
pub mod id;
pub mod json_report;
pub mod markdown;
pub mod sanitize;
pub mod severity;
pub mod table;

use std::collections::{BTreeMap, BTreeSet};

use crosscheck_align::{Alignment, Evidence, Finding, FindingKind, TokenEdit};
use crosscheck_parse::{Diagnostic, Extraction};

pub use baseline::{Baseline, BaselineEntry, Comparison, FailOn};
pub use graph::{ClaimGraph, Cluster};
pub use id::finding_id;
pub use severity::Severity;

/// Everything that can go wrong while writing or reading a report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Reading or writing failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer or reader failed.
    #[error("{0}")]
    Csv(#[from] csv::Error),
    /// JSON could not be written or parsed.
    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),
    /// The input is not in a shape this crate understands.
    #[error("{0}")]
    Invalid(String),
}

/// Which findings a report shows. Pure data; see [`Filter::passes`] and
/// [`Filter::listed`].
#[derive(Clone, Debug, PartialEq)]
pub struct Filter {
    /// Findings whose confidence is below this are dropped everywhere.
    pub min_confidence: f64,
    /// When set, only discrepancies of these kinds are kept (agreements are
    /// governed by `include_agreements`, or by naming `agreement` here).
    pub kinds: Option<BTreeSet<FindingKind>>,
    /// List agreements next to discrepancies (CSV rows, Markdown, HTML,
    /// table). The JSON report always lists them in `agreements`.
    pub include_agreements: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            min_confidence: 0.0,
            kinds: None,
            include_agreements: false,
        }
    }
}

impl Filter {
    /// True when the finding is kept at all: confident enough and, for a
    /// discrepancy, of a selected kind. Agreements that pass here are used
    /// for the graph and clusters (who agrees) even when not listed.
    pub fn passes(&self, f: &Finding) -> bool {
        if confidence(f) < self.min_confidence {
            return false;
        }
        match (&self.kinds, f.kind.is_discrepancy()) {
            (Some(kinds), true) => kinds.contains(&f.kind),
            _ => true,
        }
    }

    /// True when the finding is listed as a row: it [passes](Self::passes),
    /// and it is a discrepancy, or agreements were asked for (with
    /// `include_agreements` or by naming `agreement` in `kinds`).
    pub fn listed(&self, f: &Finding) -> bool {
        self.passes(f) && (f.kind.is_discrepancy() || self.lists_agreements())
    }

    /// True when agreements are listed as rows: `include_agreements`, or
    /// `agreement` named in `kinds`.
    pub fn lists_agreements(&self) -> bool {
        self.include_agreements
            || self
                .kinds
                .as_ref()
                .is_some_and(|k| k.contains(&FindingKind::Agreement))
    }
}

/// Parses a comma-separated list of kind names (`date,quantity`) as used by
/// `--kinds`. Unknown names are an error naming the valid ones.
pub fn parse_kinds(list: &str) -> Result<BTreeSet<FindingKind>, ReportError> {
    let mut out = BTreeSet::new();
    for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        out.insert(parse_kind(name)?);
    }
    Ok(out)
}

/// Parses one finding kind name (`quote_wording`; `-` is accepted for `_`).
pub fn parse_kind(name: &str) -> Result<FindingKind, ReportError> {
    let norm = name.trim().to_ascii_lowercase().replace('-', "_");
    FindingKind::ALL
        .into_iter()
        .find(|k| k.as_str() == norm)
        .ok_or_else(|| {
            let valid: Vec<&str> = FindingKind::ALL.iter().map(|k| k.as_str()).collect();
            ReportError::Invalid(format!(
                "unknown finding kind `{name}` (expected one of: {})",
                valid.join(", ")
            ))
        })
}

/// A finding's confidence clamped to `[0, 1]`; NaN counts as 0.
pub fn confidence(f: &Finding) -> f64 {
    if f.confidence.is_nan() {
        0.0
    } else {
        f.confidence.clamp(0.0, 1.0)
    }
}

/// The confidence as written in every report: three decimals.
pub fn format_confidence(f: &Finding) -> String {
    format!("{:.3}", confidence(f))
}

/// The input of every writer: the extractions, the alignment, diagnostics
/// from reading the inputs, and which findings to show.
#[derive(Clone, Debug)]
pub struct Report<'a> {
    /// One extraction per article.
    pub extractions: &'a [Extraction],
    /// What alignment found.
    pub alignment: &'a Alignment,
    /// Problems met while reading inputs (in addition to those inside each
    /// extraction).
    pub diagnostics: &'a [Diagnostic],
    /// Which findings to show.
    pub filter: Filter,
    /// Index into `extractions` by article id (the first extraction of an
    /// id wins), so per-row lookups stay O(log n) on large corpora.
    by_id: BTreeMap<&'a str, usize>,
}

/// One finding ready to be written: side A is the article id that sorts
/// first, with its stable id and severity.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The stable [`finding_id`].
    pub id: String,
    /// The [`Severity`] of the finding.
    pub severity: Severity,
    /// The finding, sides ordered (A's article id sorts first).
    pub finding: Finding,
}

impl<'a> Report<'a> {
    /// A report over these extractions and this alignment, with no extra
    /// diagnostics and the default filter.
    pub fn new(extractions: &'a [Extraction], alignment: &'a Alignment) -> Self {
        let mut by_id = BTreeMap::new();
        for (i, x) in extractions.iter().enumerate() {
            by_id.entry(x.article.id.as_str()).or_insert(i);
        }
        Report {
            extractions,
            alignment,
            diagnostics: &[],
            filter: Filter::default(),
            by_id,
        }
    }

    /// Adds diagnostics from reading the inputs.
    pub fn with_diagnostics(mut self, diagnostics: &'a [Diagnostic]) -> Self {
        self.diagnostics = diagnostics;
        self
    }

    /// Sets the filter.
    pub fn with_filter(mut self, filter: Filter) -> Self {
        self.filter = filter;
        self
    }

    /// Every finding that [passes](Filter::passes) the filter, canonical and
    /// sorted (see [`sort_entries`]).
    pub fn kept(&self) -> Vec<Entry> {
        entries_where(self.alignment, |f| self.filter.passes(f))
    }

    /// The findings to list as rows: those the filter
    /// [lists](Filter::listed), canonical and sorted.
    pub fn entries(&self) -> Vec<Entry> {
        entries_where(self.alignment, |f| self.filter.listed(f))
    }

    /// The extractions sorted by article id.
    pub fn sorted_extractions(&self) -> Vec<&'a Extraction> {
        let mut v: Vec<&Extraction> = self.extractions.iter().collect();
        v.sort_by(|a, b| a.article.id.cmp(&b.article.id));
        v
    }

    /// The extraction of an article, by id.
    pub fn extraction(&self, article: &str) -> Option<&'a Extraction> {
        self.by_id.get(article).map(|&i| &self.extractions[i])
    }

    /// Every diagnostic (the report's own, then each extraction's in article
    /// id order), sorted by origin, offset and message.
    pub fn all_diagnostics(&self) -> Vec<&'a Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.diagnostics.iter().collect();
        for x in self.sorted_extractions() {
            v.extend(x.diagnostics.iter());
        }
        v.sort_by(|a, b| {
            (&a.origin, a.offset, &a.message, a.severity)
                .cmp(&(&b.origin, b.offset, &b.message, b.severity))
        });
        v.dedup();
        v
    }

    /// The claim graph of the findings that [pass](Filter::passes).
    pub fn graph(&self) -> ClaimGraph {
        ClaimGraph::build(self)
    }
}

fn entries_where(alignment: &Alignment, keep: impl Fn(&Finding) -> bool) -> Vec<Entry> {
    let mut v: Vec<Entry> = alignment
        .findings
        .iter()
        .filter(|f| keep(f))
        .map(|f| {
            let finding = canonical(f);
            Entry {
                id: finding_id(&finding),
                severity: Severity::of(&finding),
                finding,
            }
        })
        .collect();
    sort_entries(&mut v);
    v
}

/// The finding with its sides ordered so that A's article id sorts first (and,
/// for two claims of one article, the earlier span first). Swapping sides
/// swaps each diff edit too (an insertion becomes an omission).
pub fn canonical(f: &Finding) -> Finding {
    let key = |e: &Evidence| (e.claim.article.clone(), e.claim.span, e.claim.kind);
    if key(&f.a) <= key(&f.b) {
        return f.clone();
    }
    let mut g = f.clone();
    std::mem::swap(&mut g.a, &mut g.b);
    g.diff = f.diff.iter().map(swap_edit).collect();
    g
}

fn swap_edit(e: &TokenEdit) -> TokenEdit {
    use crosscheck_align::EditOp;
    let op = match e.op {
        EditOp::Insertion => EditOp::Omission,
        EditOp::Omission => EditOp::Insertion,
        other => other,
    };
    TokenEdit {
        op,
        a_text: e.b_text.clone(),
        a_span: e.b_span,
        b_text: e.a_text.clone(),
        b_span: e.a_span,
    }
}

/// Sorts entries into the one order every writer uses: by article pair, then
/// kind, then spans, then id, then the remaining content. The order is total,
/// so it does not depend on the order the findings came in.
pub fn sort_entries(v: &mut [Entry]) {
    v.sort_by(|x, y| {
        let (a, b) = (&x.finding, &y.finding);
        a.a.claim
            .article
            .cmp(&b.a.claim.article)
            .then_with(|| a.b.claim.article.cmp(&b.b.claim.article))
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.a.claim.span.cmp(&b.a.claim.span))
            .then_with(|| a.b.claim.span.cmp(&b.b.claim.span))
            .then_with(|| x.id.cmp(&y.id))
            .then_with(|| a.a.claim.cmp(&b.a.claim))
            .then_with(|| a.b.claim.cmp(&b.b.claim))
            .then_with(|| a.confidence.total_cmp(&b.confidence))
            .then_with(|| a.explanation.cmp(&b.explanation))
            .then_with(|| a.a.text.cmp(&b.a.text))
            .then_with(|| a.b.text.cmp(&b.b.text))
    });
}

/// Formats a span as `start-end` (byte offsets), as in the CSV columns.
pub fn format_span(span: crosscheck_parse::Span) -> String {
    format!("{}-{}", span.start, span.end)
}

/// An output format of `crosscheck compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// The plain-text terminal table (the default on a terminal).
    Table,
    /// The flat CSV report.
    Csv,
    /// The complete JSON report.
    Json,
    /// The Markdown report.
    Markdown,
    /// The self-contained HTML report.
    Html,
    /// The claim graph in Graphviz DOT.
    Dot,
    /// The claim graph as JSON (`{nodes, edges, clusters}`).
    GraphJson,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 7] = [
        Format::Table,
        Format::Csv,
        Format::Json,
        Format::Markdown,
        Format::Html,
        Format::Dot,
        Format::GraphJson,
    ];

    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Dot => "dot",
            Format::GraphJson => "graph-json",
        }
    }

    /// The format a file name asks for by its extension (`.csv`, `.json`,
    /// `.md`, `.html`/`.htm`, `.dot`/`.gv`), if any.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "dot" | "gv" => Some(Format::Dot),
            "txt" => Some(Format::Table),
            _ => None,
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Format {
    type Err = ReportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase();
        let f = match norm.as_str() {
            "markdown" => Some(Format::Markdown),
            "graph" | "graph_json" | "graphjson" => Some(Format::GraphJson),
            "gv" | "graphviz" => Some(Format::Dot),
            "text" | "txt" => Some(Format::Table),
            _ => Format::ALL.into_iter().find(|f| f.as_str() == norm),
        };
        f.ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
            ReportError::Invalid(format!(
                "unknown format `{s}` (expected one of: {})",
                names.join(", ")
            ))
        })
    }
}

/// Renders a report in a format, as a string ending in a newline.
pub fn render(report: &Report, format: Format) -> Result<String, ReportError> {
    Ok(match format {
        Format::Table => table::to_table(report),
        Format::Csv => csv_report::to_csv_string(report)?,
        Format::Json => json_report::to_json_string(report)?,
        Format::Markdown => markdown::to_markdown(report),
        Format::Html => html::to_html(report),
        Format::Dot => report.graph().to_dot(),
        Format::GraphJson => {
            let mut s = serde_json::to_string_pretty(&report.graph().to_json())?;
            s.push('\n');
            s
        }
    })
}
