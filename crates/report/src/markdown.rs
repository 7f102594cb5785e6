//! The Markdown report, made for pull-request comments: a summary table
//! by severity and kind, then story by story (the story with the most
//! severe finding first) one collapsible `<details>` block per finding,
//! highest severity then confidence first, with its variants ("3 outlets:
//! 4 February; 1 outlet: 5 February") and every mention: the article by
//! outlet, headline and date (id and byte span too), an `http(s)` link with
//! a text fragment when the URL is known, and the sentence quoted with the
//! part that differs in bold. A closing table lists every story and its
//! articles, so every article is accounted for.

use std::fmt::Write as _;

use crosscheck_align::{Finding, FindingKind, Mention};

use crate::context::{article_label, fragment_link, in_context};
use crate::diff::Segment;
use crate::{format_confidence, html, Report, Severity};

/// Escapes Markdown punctuation and turns line breaks into spaces, for
/// text inside a table cell.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!'
            | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn marked(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| {
            let t = escape(&s.text);
            if s.marked && !t.trim().is_empty() {
                // keep the emphasis markers against the words
                let lead = &t[..t.len() - t.trim_start().len()];
                let trail = &t[t.trim_end().len()..];
                format!("{lead}**{}**{trail}", t.trim())
            } else {
                t
            }
        })
        .collect()
}

fn code(s: &str) -> String {
    format!("`{}`", s.replace('`', "'"))
}

fn reference(report: &Report, m: &Mention) -> String {
    let mut s = format!(
        "**{}** ({}, bytes {}–{}",
        escape(&article_label(report, &m.article)),
        code(&m.article),
        m.span.start,
        m.span.end
    );
    if let Some(link) = fragment_link(report, m) {
        let _ = write!(
            s,
            ", [open](<{}>)",
            link.replace(['<', '>', '\n', '\r'], "")
        );
    }
    if let Some(c) = &m.copy_of {
        let _ = write!(s, ", copy of {}", code(c));
    }
    s.push(')');
    s
}

/// The summary table: one row per severity (highest first), one column
/// per kind that occurs, and totals.
fn severity_kind_table(entries: &[&Finding]) -> String {
    let kinds: Vec<FindingKind> = FindingKind::ALL
        .into_iter()
        .filter(|k| entries.iter().any(|f| f.kind == *k))
        .collect();
    let mut out = String::from("| severity |");
    for k in &kinds {
        let _ = write!(out, " {} |", escape(k.as_str()));
    }
    out.push_str(" total |\n|---|");
    for _ in &kinds {
        out.push_str("---:|");
    }
    out.push_str("---:|\n");
    for sev in Severity::ALL.iter().rev() {
        let row: Vec<usize> = kinds
            .iter()
            .map(|k| {
                entries
                    .iter()
                    .filter(|f| f.severity == *sev && f.kind == *k)
                    .count()
            })
            .collect();
        let total: usize = row.iter().sum();
        if total == 0 {
            continue;
        }
        let _ = write!(out, "| {sev} |");
        for n in row {
            let _ = write!(out, " {n} |");
        }
        let _ = writeln!(out, " {total} |");
    }
    out
}

/// One finding as a collapsible `<details>` block: a one-line summary
/// (severity, kind, variants), then the explanation and every variant with
/// its mentions, each article named and its sentence quoted.
fn finding_details(out: &mut String, report: &Report, f: &Finding) {
    let _ = writeln!(
        out,
        "<details id=\"{id}\">\n<summary><b>{sev}</b> {kind} · <code>{id}</code> · confidence {conf} — {variants}</summary>\n",
        id = html::escape(&f.id),
        sev = f.severity,
        kind = f.kind.as_str(),
        conf = format_confidence(f),
        variants = html::escape(&crate::sanitize::escape_controls(&f.summary())),
    );
    if !f.explanation.is_empty() {
        let _ = writeln!(out, "{}\n", escape(&f.explanation));
    }
    for (k, v) in f.variants.iter().enumerate() {
        let _ = writeln!(
            out,
            "**Variant {}: {}** ({} outlet{})\n",
            k + 1,
            escape(&v.display),
            v.outlets,
            if v.outlets == 1 { "" } else { "s" }
        );
        for m in &v.mentions {
            let speaker = m
                .speaker
                .as_deref()
                .map(|s| format!(" · speaker: {}", escape(s)))
                .unwrap_or_default();
            let _ = writeln!(out, "- {}{speaker}", reference(report, m));
            let _ = writeln!(out, "  > {}", marked(&in_context(report, f, k, m)));
        }
        out.push('\n');
    }
    out.push_str("</details>\n\n");
}

/// “3 articles · 2 stories (1 alone) · 4 findings (2 high, 2 low)”: the
/// report's one-line summary, plain text shared by the Markdown and HTML
/// writers.
pub(crate) fn summary(report: &Report, entries: &[&Finding]) -> String {
    let stories = &report.alignment.stories;
    let alone = stories.iter().filter(|s| s.is_singleton()).count();
    format!(
        "{} article{} · {} stor{} ({} alone) · {} finding{} ({})",
        report.extractions.len(),
        if report.extractions.len() == 1 {
            ""
        } else {
            "s"
        },
        stories.len(),
        if stories.len() == 1 { "y" } else { "ies" },
        alone,
        entries.len(),
        if entries.len() == 1 { "" } else { "s" },
        counts(entries)
    )
}

/// “2 high, 1 low”: findings per severity, highest first, or “none”.
fn counts(entries: &[&Finding]) -> String {
    let mut parts = Vec::new();
    for sev in Severity::ALL.iter().rev() {
        let n = entries.iter().filter(|f| f.severity == *sev).count();
        if n > 0 {
            parts.push(format!("{n} {sev}"));
        }
    }
    if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join(", ")
    }
}

/// The items, each formatted by `each`, joined with “, ”; “—” for none.
pub(crate) fn join_or_dash(items: &[String], each: impl Fn(&str) -> String) -> String {
    if items.is_empty() {
        "—".to_string()
    } else {
        items.iter().map(|a| each(a)).collect::<Vec<_>>().join(", ")
    }
}

/// The Markdown report.
pub fn to_markdown(report: &Report) -> String {
    let entries = report.entries();
    let mut out = String::new();
    out.push_str("# crosscheck report\n\n");
    let _ = writeln!(out, "{}\n", summary(report, &entries));
    if entries.is_empty() {
        out.push_str("No findings.\n\n");
    }
    if !entries.is_empty() {
        out.push_str(&severity_kind_table(&entries));
        out.push('\n');
    }
    for (story, findings) in report.by_story() {
        let _ = writeln!(
            out,
            "## {}\n\nStory {} · {} article{}\n",
            escape(&crate::context::story_title(report, story)),
            code(&story.id),
            story.articles.len(),
            if story.articles.len() == 1 { "" } else { "s" }
        );
        out.push_str("Articles:\n\n");
        for a in &story.articles {
            let _ = writeln!(out, "- {} ({})", escape(&article_label(report, a)), code(a));
        }
        for group in &story.copies {
            let _ = writeln!(
                out,
                "\nSyndicated copies (one text): {}",
                join_or_dash(group, code)
            );
        }
        out.push('\n');
        for f in findings {
            finding_details(&mut out, report, f);
        }
    }
    out.push_str("## Stories\n\n| story | articles |\n|---|---|\n");
    for s in &report.alignment.stories {
        let _ = writeln!(
            out,
            "| {}{} | {} |",
            escape(&s.id),
            if s.is_singleton() { " (alone)" } else { "" },
            join_or_dash(&s.articles, code)
        );
    }
    out.push('\n');
    let diags = report.all_diagnostics();
    if !diags.is_empty() {
        out.push_str("## Diagnostics\n\n");
        for d in diags {
            let sev = d.severity.as_str();
            let at = d.offset.map(|o| format!(" (byte {o})")).unwrap_or_default();
            let _ = writeln!(
                out,
                "- {sev}: {}{at}: {}",
                code(&d.origin),
                escape(&d.message)
            );
        }
        out.push('\n');
    }
    out
}
