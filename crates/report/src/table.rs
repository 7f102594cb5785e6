//! A plain-text table for the terminal: one line per listed finding, its
//! variants in one cell, highest severity (then confidence) first ("3 outlets: 4 February; 1 outlet: 5 February").

use crate::{format_confidence, Report};

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

/// Widest variants cell, in characters; longer ones end in `…`.
pub const VARIANTS_WIDTH: usize = 72;

/// The terminal table: `ID KIND SEVERITY CONF STORY VARIANTS`, columns
/// padded to their widest cell, then a summary line. VARIANTS is the
/// finding's [summary](crosscheck_align::Finding::summary), or for a quote
/// wording finding the words that differ (from its explanation).
pub fn to_table(report: &Report) -> String {
    let entries = report.ranked();
    let header = ["ID", "KIND", "SEVERITY", "CONF", "STORY", "VARIANTS"];
    let rows: Vec<[String; 6]> = entries
        .iter()
        .map(|f| {
            [
                f.id.clone(),
                f.kind.as_str().to_string(),
                f.severity.to_string(),
                format_confidence(f),
                clip(&f.story, 30),
                // a quote's variants are whole quotes: the explanation
                // names the words that differ, after its colon
                clip(
                    &if f.kind == crosscheck_align::FindingKind::QuoteWording {
                        let e = f.explanation.as_str();
                        e.split_once(": ").map_or(e, |(_, words)| words).to_string()
                    } else {
                        f.summary()
                    },
                    VARIANTS_WIDTH,
                ),
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
    let stories = report.alignment.stories.len();
    out.push_str(&format!(
        "{} finding{} across {} article{} in {} stor{}\n",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        articles,
        if articles == 1 { "" } else { "s" },
        stories,
        if stories == 1 { "y" } else { "ies" }
    ));
    out
}
