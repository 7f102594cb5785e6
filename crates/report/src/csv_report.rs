//! The flat CSV report: one row per (finding, article mention), so a
//! finding carried by 50 outlets is 50 rows, never 1,225 pairs. Column by
//! column in `docs/csv-schema.md`.

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::{format_confidence, format_span, Report, ReportError};
use crosscheck_align::{Finding, Mention};

/// The CSV columns, in order.
pub const COLUMNS: [&str; 15] = [
    "finding_id",
    "kind",
    "severity",
    "confidence",
    "story",
    "variant",
    "article",
    "source",
    "speaker",
    "value",
    "text",
    "span",
    "value_span",
    "explanation",
    "cluster",
];

/// One CSV row. Optional values are written as empty fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CsvRow {
    /// Stable id of the finding (16 hex digits); one per finding, on each
    /// of its rows.
    pub finding_id: String,
    /// Finding kind (`agreement`, `quote_wording`, …).
    pub kind: String,
    /// `info`, `low`, `medium` or `high`.
    pub severity: String,
    /// Confidence with three decimals.
    pub confidence: String,
    /// The story id.
    pub story: String,
    /// Which variant of the finding the row carries, from 1.
    pub variant: String,
    /// The article id.
    pub article: String,
    /// The article's outlet, when known.
    pub source: String,
    /// The quote's speaker or the person whose role it is.
    pub speaker: String,
    /// The variant's value in readable form.
    pub value: String,
    /// The claim text, exactly as in the article at `span`.
    pub text: String,
    /// Byte span `start-end` of the claim in the article.
    pub span: String,
    /// Byte span of the value mention in the article, when given.
    pub value_span: String,
    /// One readable sentence on the finding.
    pub explanation: String,
    /// The claim cluster id (16 hex digits): the findings of one claim
    /// share it.
    pub cluster: String,
}

impl CsvRow {
    /// The row of one mention of one variant of a finding.
    pub(crate) fn new(f: &Finding, variant: usize, m: &Mention) -> CsvRow {
        CsvRow {
            finding_id: f.id.clone(),
            kind: f.kind.as_str().to_string(),
            severity: f.severity.as_str().to_string(),
            confidence: format_confidence(f),
            story: f.story.clone(),
            variant: (variant + 1).to_string(),
            article: m.article.clone(),
            source: m.source.clone().unwrap_or_default(),
            speaker: m.speaker.clone().unwrap_or_default(),
            value: f.variants[variant].display.clone(),
            text: m.text.clone(),
            span: format_span(m.span),
            value_span: m.value_span.map(format_span).unwrap_or_default(),
            explanation: f.explanation.clone(),
            cluster: f.cluster.clone(),
        }
    }
}

impl CsvRow {
    /// The row's cells in the order of [`COLUMNS`].
    pub(crate) fn cells(&self) -> [&str; 15] {
        [
            &self.finding_id,
            &self.kind,
            &self.severity,
            &self.confidence,
            &self.story,
            &self.variant,
            &self.article,
            &self.source,
            &self.speaker,
            &self.value,
            &self.text,
            &self.span,
            &self.value_span,
            &self.explanation,
            &self.cluster,
        ]
    }
}

/// Writes the CSV report (header line always, even with no rows; `\n` line
/// ends; fields quoted when needed, so newlines and quotes round-trip).
/// Rows are written as they are made: memory does not grow with the
/// report. Cells a spreadsheet would run as a formula get a leading `'`
/// ([`sanitize::CsvCells::Neutralised`](crate::sanitize::CsvCells::Neutralised); [`read_csv`] undoes it).
pub fn write_csv<W: Write>(report: &Report, out: W) -> Result<(), ReportError> {
    crate::sanitize::write_csv_with(report, out, crate::sanitize::CsvCells::Neutralised)
}

/// The CSV report as a string.
pub fn to_csv_string(report: &Report) -> Result<String, ReportError> {
    let mut buf = Vec::new();
    write_csv(report, &mut buf)?;
    String::from_utf8(buf).map_err(ReportError::from)
}

/// Reads rows back from a CSV report (columns by header name; unknown
/// columns are ignored, missing ones are empty). The spreadsheet
/// protection of the default CSV is undone (a leading `'` before `=`,
/// `+`, `-`, `@`, a tab or a carriage return is dropped), so a report read
/// back has the values the engine gave:
///
/// ```
/// let csv = "finding_id,kind,severity,text\n0123456789abcdef,quantity,high,'-5 degrees overnight\n";
/// let rows = crosscheck_report::csv_report::read_csv(csv.as_bytes()).unwrap();
/// assert_eq!(rows[0].text, "-5 degrees overnight");
/// ```
pub fn read_csv<R: std::io::Read>(input: R) -> Result<Vec<CsvRow>, ReportError> {
    let mut r = csv::ReaderBuilder::new().from_reader(input);
    let headers = r.headers()?.clone();
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec?;
        let get = |name: &str| {
            let cell = headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| rec.get(i))
                .unwrap_or("");
            crate::sanitize::restore_cell(cell).into_owned()
        };
        out.push(CsvRow {
            finding_id: get("finding_id"),
            kind: get("kind"),
            severity: get("severity"),
            confidence: get("confidence"),
            story: get("story"),
            variant: get("variant"),
            article: get("article"),
            source: get("source"),
            speaker: get("speaker"),
            value: get("value"),
            text: get("text"),
            span: get("span"),
            value_span: get("value_span"),
            explanation: get("explanation"),
            cluster: get("cluster"),
        });
    }
    Ok(out)
}
