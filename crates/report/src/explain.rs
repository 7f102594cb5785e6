//! `crosscheck explain`: one finding with its full evidence, as plain text
//! for a terminal. Every variant, every mention with its article (outlet,
//! headline, date, id), the byte spans of the claim and of the value, the
//! claim as extracted, its sentence with the differing part in `[…]`, and
//! a text-fragment link when the article has an `http(s)` URL. Control
//! characters from the inputs are escaped.

use std::fmt::Write as _;

use crosscheck_align::Finding;

use crate::context::{article_label, fragment_link, in_context};
use crate::sanitize::escape_controls;
use crate::{format_confidence, format_span, Report};

/// The finding of `report`'s alignment with this id (surrounding white
/// space and case ignored), listed or not.
pub fn find<'a>(report: &Report<'a>, id: &str) -> Option<&'a Finding> {
    let id = id.trim().to_ascii_lowercase();
    let alignment = report.alignment;
    alignment.findings.iter().find(|f| f.id == id)
}

fn line(s: &str) -> String {
    escape_controls(&s.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

/// The full evidence of one finding, as plain text.
pub fn to_text(report: &Report, f: &Finding) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "finding {}: {}, severity {}, confidence {}",
        line(&f.id),
        f.kind.as_str(),
        f.severity,
        format_confidence(f)
    );
    let articles = report
        .alignment
        .stories
        .iter()
        .find(|s| s.id == f.story)
        .map_or(0, |s| s.articles.len());
    let _ = writeln!(
        out,
        "story {} ({} article{}), claim cluster {}, {}",
        line(&f.story),
        articles,
        if articles == 1 { "" } else { "s" },
        line(&f.cluster),
        match f.subject {
            crosscheck_align::ClaimKind::Person => "about a person",
            crosscheck_align::ClaimKind::Quote => "a cluster of quotes",
            crosscheck_align::ClaimKind::Sentence => "a cluster of reported-fact sentences",
            _ => "a cluster of claims",
        }
    );
    if !f.explanation.is_empty() {
        let _ = writeln!(out, "{}", line(&f.explanation));
    }
    for (k, v) in f.variants.iter().enumerate() {
        let _ = writeln!(
            out,
            "\nvariant {}: {} ({} outlet{}, {} mention{})",
            k + 1,
            line(&v.display),
            v.outlets,
            if v.outlets == 1 { "" } else { "s" },
            v.mentions.len(),
            if v.mentions.len() == 1 { "" } else { "s" }
        );
        for m in &v.mentions {
            let _ = writeln!(
                out,
                "  - {} [{}]",
                article_label(report, &m.article),
                line(&m.article)
            );
            let mut at = format!("claim bytes {}", format_span(m.span));
            if let Some(s) = m.value_span {
                let _ = write!(at, ", value bytes {}", format_span(s));
            }
            let _ = write!(
                at,
                ", extraction confidence {:.3}, match score {:.3}",
                m.confidence, m.score
            );
            let _ = writeln!(out, "    {at}");
            if let Some(s) = &m.speaker {
                let _ = writeln!(out, "    speaker: {}", line(s));
            }
            if let Some(c) = &m.copy_of {
                let _ = writeln!(out, "    syndicated copy of {}", line(c));
            }
            let _ = writeln!(out, "    claim: {}", line(&m.text));
            let sentence: String = in_context(report, f, k, m)
                .iter()
                .map(|s| {
                    if s.marked {
                        format!("[{}]", s.text)
                    } else {
                        s.text.clone()
                    }
                })
                .collect();
            let _ = writeln!(out, "    sentence: {}", line(&sentence));
            if let Some(link) = fragment_link(report, m) {
                let _ = writeln!(out, "    link: {}", line(&link));
            }
        }
    }
    out
}
