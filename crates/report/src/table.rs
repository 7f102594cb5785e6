//! A plain-text table for the terminal: one line per listed finding.

use crate::{format_confidence, Report};

/// Widest explanation shown, in characters; longer ones end in `…`.
pub const EXPLANATION_WIDTH: usize = 72;

fn clip(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = crate::sanitize::escape_controls(&s).into_owned();
    if s.chars().count() <= max {
        s
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// The terminal table: `ID KIND SEVERITY CONF A B EXPLANATION`, columns
/// padded to their widest cell, then a summary line.
pub fn to_table(report: &Report) -> String {
    let entries = report.entries();
    let header = ["ID", "KIND", "SEVERITY", "CONF", "A", "B", "EXPLANATION"];
    let rows: Vec<[String; 7]> = entries
        .iter()
        .map(|e| {
            let f = &e.finding;
            [
                e.id.clone(),
                f.kind.as_str().to_string(),
                e.severity.to_string(),
                format_confidence(f),
                clip(&f.a.claim.article, 24),
                clip(&f.b.claim.article, 24),
                clip(&f.explanation, EXPLANATION_WIDTH),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(widths[i] - c.chars().count() + 2));
            }
        }
        s.trim_end().to_string()
    };
    let mut out = String::new();
    if !rows.is_empty() {
        out.push_str(&line(header.to_vec()));
        out.push('\n');
        for r in &rows {
            out.push_str(&line(r.iter().map(String::as_str).collect()));
            out.push('\n');
        }
    }
    let articles = report.extractions.len();
    out.push_str(&format!(
        "{} finding{} across {} article{}\n",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        articles,
        if articles == 1 { "" } else { "s" }
    ));
    out
}
