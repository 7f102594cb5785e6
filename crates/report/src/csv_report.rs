//! The flat CSV report: one row per finding (discrepancies only unless the
//! filter lists agreements). Column by column in `docs/csv-schema.md`.

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::{format_confidence, format_span, Entry, Report, ReportError};

/// The CSV columns, in order.
pub const COLUMNS: [&str; 21] = [
    "finding_id",
    "kind",
    "severity",
    "confidence",
    "article_a",
    "article_b",
    "speaker_a",
    "speaker_b",
    "text_a",
    "text_b",
    "value_a",
    "value_b",
    "span_a",
    "span_b",
    "value_span_a",
    "value_span_b",
    "url_a",
    "url_b",
    "source_a",
    "source_b",
    "explanation",
];

/// One CSV row. Optional values are written as empty fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvRow {
    /// Stable id of the finding (16 hex digits).
    pub finding_id: String,
    /// Finding kind (`agreement`, `quote_wording`, …).
    pub kind: String,
    /// `info`, `low`, `medium` or `high`.
    pub severity: String,
    /// Confidence with three decimals.
    pub confidence: String,
    /// Article id of side A (sorts first).
    pub article_a: String,
    /// Article id of side B.
    pub article_b: String,
    /// Speaker of side A.
    pub speaker_a: String,
    /// Speaker of side B.
    pub speaker_b: String,
    /// Claim text of side A.
    pub text_a: String,
    /// Claim text of side B.
    pub text_b: String,
    /// Compared value of side A.
    pub value_a: String,
    /// Compared value of side B.
    pub value_b: String,
    /// Byte span `start-end` of claim A in article A.
    pub span_a: String,
    /// Byte span `start-end` of claim B in article B.
    pub span_b: String,
    /// Byte span of the value mention in article A, when given.
    pub value_span_a: String,
    /// Byte span of the value mention in article B, when given.
    pub value_span_b: String,
    /// URL of article A, when known.
    pub url_a: String,
    /// URL of article B, when known.
    pub url_b: String,
    /// Outlet of article A, when known.
    pub source_a: String,
    /// Outlet of article B, when known.
    pub source_b: String,
    /// One readable sentence on the finding.
    pub explanation: String,
}

impl CsvRow {
    /// The row of one entry; URLs and outlets are looked up in the report's
    /// extractions.
    pub fn from_entry(report: &Report, e: &Entry) -> CsvRow {
        let f = &e.finding;
        let url = |article: &str| {
            report
                .extraction(article)
                .and_then(|x| x.article.url.clone())
                .unwrap_or_default()
        };
        let source = |article: &str| {
            report
                .extraction(article)
                .and_then(|x| x.article.source.clone())
                .unwrap_or_default()
        };
        CsvRow {
            finding_id: e.id.clone(),
            kind: f.kind.as_str().to_string(),
            severity: e.severity.as_str().to_string(),
            confidence: format_confidence(f),
            article_a: f.a.claim.article.clone(),
            article_b: f.b.claim.article.clone(),
            speaker_a: f.a.speaker.clone().unwrap_or_default(),
            speaker_b: f.b.speaker.clone().unwrap_or_default(),
            text_a: f.a.text.clone(),
            text_b: f.b.text.clone(),
            value_a: f.a.value.clone().unwrap_or_default(),
            value_b: f.b.value.clone().unwrap_or_default(),
            span_a: format_span(f.a.claim.span),
            span_b: format_span(f.b.claim.span),
            value_span_a: f.a.value_span.map(format_span).unwrap_or_default(),
            value_span_b: f.b.value_span.map(format_span).unwrap_or_default(),
            url_a: url(&f.a.claim.article),
            url_b: url(&f.b.claim.article),
            source_a: source(&f.a.claim.article),
            source_b: source(&f.b.claim.article),
            explanation: f.explanation.clone(),
        }
    }
}

/// The rows of a report, in the report's entry order.
pub fn rows(report: &Report) -> Vec<CsvRow> {
    report
        .entries()
        .iter()
        .map(|e| CsvRow::from_entry(report, e))
        .collect()
}

/// Writes the CSV report (header line always, even with no rows; `\n` line
/// ends; fields quoted when needed, so newlines and quotes round-trip).
/// Cells a spreadsheet would run as a formula get a leading `'`
/// ([`crate::sanitize::neutralise_cell`]).
pub fn write_csv<W: Write>(report: &Report, out: W) -> Result<(), ReportError> {
    crate::sanitize::write_csv_with(report, out, crate::sanitize::CsvCells::Neutralised)
}

/// The CSV report as a string.
pub fn to_csv_string(report: &Report) -> Result<String, ReportError> {
    let mut buf = Vec::new();
    write_csv(report, &mut buf)?;
    String::from_utf8(buf).map_err(|e| ReportError::Invalid(e.to_string()))
}

/// Reads rows back from a CSV report (columns by header name; unknown
/// columns are ignored, missing optional ones are empty).
pub fn read_csv<R: std::io::Read>(input: R) -> Result<Vec<CsvRow>, ReportError> {
    let mut r = csv::ReaderBuilder::new().from_reader(input);
    let headers = r.headers()?.clone();
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec?;
        let get = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| rec.get(i))
                .unwrap_or("")
                .to_string()
        };
        out.push(CsvRow {
            finding_id: get("finding_id"),
            kind: get("kind"),
            severity: get("severity"),
            confidence: get("confidence"),
            article_a: get("article_a"),
            article_b: get("article_b"),
            speaker_a: get("speaker_a"),
            speaker_b: get("speaker_b"),
            text_a: get("text_a"),
            text_b: get("text_b"),
            value_a: get("value_a"),
            value_b: get("value_b"),
            span_a: get("span_a"),
            span_b: get("span_b"),
            value_span_a: get("value_span_a"),
            value_span_b: get("value_span_b"),
            url_a: get("url_a"),
            url_b: get("url_b"),
            source_a: get("source_a"),
            source_b: get("source_b"),
            explanation: get("explanation"),
        });
    }
    Ok(out)
}
