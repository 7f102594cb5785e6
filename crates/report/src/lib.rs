//! # crosscheck-report
//!
//! Turns the output of alignment into things people and CI read: a
//! [graph] of stories, claim clusters, variants and articles (DOT and
//! JSON), a flat [CSV](csv_report) file (one row per finding and
//! article), a complete [JSON](json_report) report, [Markdown](markdown)
//! and self-contained [HTML](html) pages, a terminal [table], and a
//! [baseline] comparison that decides whether a CI run fails.
//!
//! Every writer takes one [`Report`]: the extractions, the alignment, the
//! diagnostics and a [`Filter`]. Findings come in the alignment's order
//! (story, then position in the story), which does not depend on input
//! order or thread count, so the same input gives the same bytes.
//!
//! ```
//! use crosscheck_align::{compare, Config, Severity};
//! use crosscheck_parse::{extract_articles, Article};
//! use crosscheck_report::{Filter, Report};
//!
//! let text = |n: &str| format!("Russia has massed {n} soldiers on the border with Ukraine, Western officials say.");
//! let docs = extract_articles(&[
//!     Article::new("bbc", text("100,000")),
//!     Article::new("cnn", text("130,000")),
//! ]).unwrap();
//! let alignment = compare(&docs, &Config::default());
//! let report = Report::new(&docs, &alignment).with_filter(Filter::default());
//! let entries = report.entries();
//! assert_eq!(entries.len(), 1);
//! assert_eq!(entries[0].severity, Severity::High);
//!
//! let csv = crosscheck_report::csv_report::to_csv_string(&report).unwrap();
//! assert!(csv.starts_with("finding_id,kind,severity,confidence,story,variant,article,"));
//! assert_eq!(csv.lines().count(), 3); // the header, one row per article
//! assert!(csv.contains(",quantity,high,"));
//! ```
#![warn(missing_docs)]

pub mod baseline;
mod context;
pub mod csv_report;
mod diff;
pub mod explain;
pub mod graph;
pub mod html;
pub mod json_report;
pub mod markdown;
pub mod sanitize;
pub mod table;

use std::collections::{BTreeMap, BTreeSet};

use crosscheck_align::{Alignment, Finding, FindingKind, Story};
use crosscheck_parse::{Diagnostic, Extraction};

pub use baseline::{Baseline, BaselineEntry, Comparison, FailOn};
pub use crosscheck_align::Severity;
pub use graph::ClaimGraph;

/// Everything that can go wrong while writing or reading a report.
///
/// Errors of reading a file keep the underlying error as their
/// [`source`](std::error::Error::source):
///
/// ```
/// use std::error::Error;
/// let e = crosscheck_report::baseline::load("no/such/baseline.csv".as_ref()).unwrap_err();
/// assert!(e.to_string().starts_with("cannot read baseline no/such/baseline.csv: "));
/// let io = e.source().unwrap().downcast_ref::<std::io::Error>().unwrap();
/// assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// Reading or writing failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// A file could not be read (`what` names it: `baseline`).
    #[error("cannot read {what} {}: {source}", path.display())]
    Read {
        /// What the file is for.
        what: &'static str,
        /// The file.
        path: std::path::PathBuf,
        /// Why it could not be read.
        #[source]
        source: std::io::Error,
    },
    /// A file was read but its content is refused.
    #[error("{what} {}: {source}", path.display())]
    File {
        /// What the file is for.
        what: &'static str,
        /// The file.
        path: std::path::PathBuf,
        /// What is wrong with its content.
        #[source]
        source: Box<ReportError>,
    },
    /// A report written to memory is not UTF-8.
    #[error("{0}")]
    Utf8(#[from] std::string::FromUtf8Error),
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
    /// When set, only discrepancies of these kinds are kept (agreements and
    /// matched claims are governed by `include_agreements`, or by naming
    /// `agreement` or `matched` here).
    pub kinds: Option<BTreeSet<FindingKind>>,
    /// List agreements and matched claims next to discrepancies.
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
    /// discrepancy, of a selected kind.
    pub fn passes(&self, f: &Finding) -> bool {
        if confidence(f) < self.min_confidence {
            return false;
        }
        match (&self.kinds, f.kind.is_discrepancy()) {
            (Some(kinds), true) => kinds.contains(&f.kind),
            _ => true,
        }
    }

    /// True when the finding is listed: it [passes](Self::passes), and it
    /// is a discrepancy, or agreements were asked for (with
    /// `include_agreements`, or by naming its kind in `kinds`).
    pub fn listed(&self, f: &Finding) -> bool {
        self.passes(f)
            && (f.kind.is_discrepancy()
                || self.include_agreements
                || self.kinds.as_ref().is_some_and(|k| k.contains(&f.kind)))
    }

    /// True when agreements or matched claims may be listed:
    /// `include_agreements`, or `agreement` or `matched` named in `kinds`.
    pub fn lists_agreements(&self) -> bool {
        self.include_agreements
            || self.kinds.as_ref().is_some_and(|k| {
                k.contains(&FindingKind::Agreement) || k.contains(&FindingKind::Matched)
            })
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
pub(crate) fn parse_kind(name: &str) -> Result<FindingKind, ReportError> {
    FindingKind::parse(name).ok_or_else(|| {
        let valid: Vec<&str> = FindingKind::ALL.iter().map(|k| k.as_str()).collect();
        ReportError::Invalid(format!(
            "unknown finding kind `{name}` (expected one of: {})",
            valid.join(", ")
        ))
    })
}

/// A finding's confidence clamped to `[0, 1]`; NaN counts as 0.
pub(crate) fn confidence(f: &Finding) -> f64 {
    if f.confidence.is_nan() {
        0.0
    } else {
        f.confidence.clamp(0.0, 1.0)
    }
}

/// The confidence as written in every report: three decimals.
pub(crate) fn format_confidence(f: &Finding) -> String {
    format!("{:.3}", confidence(f))
}

/// The input of every writer: the extractions, the alignment, diagnostics
/// from reading the inputs, and which findings to show.
#[derive(Clone, Debug)]
pub struct Report<'a> {
    /// One extraction per article.
    extractions: &'a [Extraction],
    /// What alignment found.
    alignment: &'a Alignment,
    /// Problems met while reading inputs (in addition to those inside each
    /// extraction).
    diagnostics: &'a [Diagnostic],
    /// Which findings to show.
    filter: Filter,
    /// Index into `extractions` by article id (the first extraction of an
    /// id wins), so per-row lookups stay O(log n) on large corpora.
    by_id: BTreeMap<&'a str, usize>,
    /// Index into `alignment.stories` by article id.
    story_by_article: BTreeMap<&'a str, usize>,
}

impl<'a> Report<'a> {
    /// A report over these extractions and this alignment, with no extra
    /// diagnostics and the default filter.
    pub fn new(extractions: &'a [Extraction], alignment: &'a Alignment) -> Self {
        let mut by_id = BTreeMap::new();
        for (i, x) in extractions.iter().enumerate() {
            by_id.entry(x.article.id.as_str()).or_insert(i);
        }
        let mut story_by_article = BTreeMap::new();
        for (i, s) in alignment.stories.iter().enumerate() {
            for a in &s.articles {
                story_by_article.entry(a.as_str()).or_insert(i);
            }
        }
        Report {
            extractions,
            alignment,
            diagnostics: &[],
            filter: Filter::default(),
            by_id,
            story_by_article,
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

    /// The extractions, one per article, as given.
    pub fn extractions(&self) -> &'a [Extraction] {
        self.extractions
    }

    /// What alignment found.
    pub fn alignment(&self) -> &'a Alignment {
        self.alignment
    }

    /// The diagnostics from reading the inputs given with
    /// [`with_diagnostics`](Self::with_diagnostics) (see also
    /// [`all_diagnostics`](Self::all_diagnostics)).
    pub fn diagnostics(&self) -> &'a [Diagnostic] {
        self.diagnostics
    }

    /// Which findings are shown.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Every finding that [passes](Filter::passes) the filter, in the
    /// alignment's order.
    pub fn kept(&self) -> Vec<&'a Finding> {
        let alignment: &'a Alignment = self.alignment;
        alignment
            .findings
            .iter()
            .filter(|f| self.filter.passes(f))
            .collect()
    }

    /// The findings to list: those the filter [lists](Filter::listed), in
    /// the alignment's order.
    pub fn entries(&self) -> Vec<&'a Finding> {
        let alignment: &'a Alignment = self.alignment;
        alignment
            .findings
            .iter()
            .filter(|f| self.filter.listed(f))
            .collect()
    }

    /// The findings to list in the order of the human reports: by
    /// severity (highest first), then confidence (highest first), then id.
    pub fn ranked(&self) -> Vec<&'a Finding> {
        let mut v = self.entries();
        context::sort_ranked(&mut v);
        v
    }

    /// The listed findings grouped by story, each story's findings by
    /// rank (as in [`ranked`](Self::ranked)), the stories by their first finding's rank
    /// (then story order); stories without a listed finding are left out.
    pub fn by_story(&self) -> Vec<(&'a Story, Vec<&'a Finding>)> {
        let mut groups: BTreeMap<usize, Vec<&'a Finding>> = BTreeMap::new();
        let index: BTreeMap<&str, usize> = self
            .alignment
            .stories
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        for f in self.entries() {
            let i = index.get(f.story.as_str()).copied().unwrap_or(usize::MAX);
            groups.entry(i).or_default().push(f);
        }
        let alignment: &'a Alignment = self.alignment;
        let mut out: Vec<(usize, &'a Story, Vec<&'a Finding>)> = groups
            .into_iter()
            .filter_map(|(i, mut fs)| {
                context::sort_ranked(&mut fs);
                alignment.stories.get(i).map(|s| (i, s, fs))
            })
            .collect();
        out.sort_by(|a, b| context::rank(a.2[0], b.2[0]).then(a.0.cmp(&b.0)));
        out.into_iter().map(|(_, s, fs)| (s, fs)).collect()
    }

    /// The listed findings grouped by story (as in
    /// [`by_story`](Self::by_story)), then by claim cluster
    /// ([`Finding::cluster`]): each group the findings of one claim, by
    /// rank, the groups by their first finding's rank. A finding without a
    /// cluster id is a group of its own.
    ///
    /// ```
    /// # use crosscheck_align::{compare, Config};
    /// # use crosscheck_parse::{extract_articles, Article};
    /// # use crosscheck_report::Report;
    /// let text = |n: &str, verb: &str| format!(
    ///     "The storm cut power to {n} homes in the northern districts, the utility company said. \
    ///      “We {verb} to restore power to every home by the weekend,” spokesman Ian Reed said.");
    /// let docs = extract_articles(&[
    ///     Article::new("a", text("12,000", "expect")),
    ///     Article::new("b", text("21,000", "hope")),
    /// ]).unwrap();
    /// let alignment = compare(&docs, &Config::default());
    /// let report = Report::new(&docs, &alignment);
    /// let stories = report.by_cluster();
    /// let (story, clusters) = &stories[0];
    /// assert_eq!(story.articles, ["a", "b"]);
    /// // two claims, the figure's sentence and the quote, a finding each
    /// assert_eq!(clusters.len(), 2);
    /// assert!(clusters.iter().all(|c| c.len() == 1));
    /// assert_ne!(clusters[0][0].cluster, clusters[1][0].cluster);
    /// ```
    pub fn by_cluster(&self) -> Vec<(&'a Story, Vec<Vec<&'a Finding>>)> {
        self.by_story()
            .into_iter()
            .map(|(story, findings)| {
                let mut order: Vec<&str> = Vec::new();
                let mut groups: BTreeMap<&str, Vec<&'a Finding>> = BTreeMap::new();
                for f in findings {
                    let key = if f.cluster.is_empty() {
                        f.id.as_str()
                    } else {
                        f.cluster.as_str()
                    };
                    let group = groups.entry(key).or_default();
                    if group.is_empty() {
                        order.push(key);
                    }
                    group.push(f);
                }
                let clusters = order.into_iter().filter_map(|k| groups.remove(k)).collect();
                (story, clusters)
            })
            .collect()
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

    /// The story of an article, by id.
    pub fn story_of(&self, article: &str) -> Option<&'a Story> {
        let alignment: &'a Alignment = self.alignment;
        self.story_by_article
            .get(article)
            .map(|&i| &alignment.stories[i])
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

    /// The graph of the listed findings: stories, findings (claim
    /// clusters), variants and articles.
    pub fn graph(&self) -> ClaimGraph {
        ClaimGraph::build(self)
    }
}

/// Formats a span as `start-end` (byte offsets), as in the CSV columns.
pub(crate) fn format_span(span: crosscheck_parse::Span) -> String {
    format!("{}-{}", span.start, span.end)
}

/// An output format of `crosscheck compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
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
