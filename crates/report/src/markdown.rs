//! The Markdown report a person reads: story by story, each finding with
//! its variants ("3 outlets: 4 February; 1 outlet: 5 February") and every
//! mention: the article (id, byte span, URL), the claim with the differing
//! words or the value in bold, and the speaker. A closing table lists
//! every story and its articles, so every article is accounted for.

use std::fmt::Write as _;

use crosscheck_align::{Finding, Mention};

use crate::diff::{highlight, Segment};
use crate::{format_confidence, Report, Severity};

/// Escapes Markdown punctuation and turns line breaks into spaces, for
/// text inside a table cell.
pub fn escape(s: &str) -> String {
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
    let mut s = format!("{} bytes {}–{}", code(&m.article), m.span.start, m.span.end);
    if let Some(url) = report
        .extraction(&m.article)
        .and_then(|x| x.article.url.as_deref())
        .filter(|u| crate::sanitize::is_web_url(u))
    {
        let _ = write!(s, " ([link](<{}>))", url.replace(['<', '>', '\n'], ""));
    }
    if let Some(c) = &m.copy_of {
        let _ = write!(s, " (copy of {})", code(c));
    }
    s
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
    for (story, findings) in report.by_story() {
        let _ = writeln!(
            out,
            "## {} — {} article{}\n",
            escape(&story.id),
            story.articles.len(),
            if story.articles.len() == 1 { "" } else { "s" }
        );
        let _ = writeln!(out, "Articles: {}", join_or_dash(&story.articles, code));
        for group in &story.copies {
            let _ = writeln!(
                out,
                "\nSyndicated copies (one text): {}",
                join_or_dash(group, code)
            );
        }
        out.push('\n');
        for f in findings {
            let _ = writeln!(
                out,
                "### {} {} · {} · confidence {}\n",
                code(&f.id),
                f.kind.as_str(),
                f.severity,
                format_confidence(f)
            );
            if !f.explanation.is_empty() {
                let _ = writeln!(out, "{}\n", escape(&f.explanation));
            }
            out.push_str("| variant | value | outlets | where | text | speaker |\n");
            out.push_str("|---|---|---|---|---|---|\n");
            for (k, v) in f.variants.iter().enumerate() {
                for (i, m) in v.mentions.iter().enumerate() {
                    let (num, value, outlets) = if i == 0 {
                        (
                            (k + 1).to_string(),
                            escape(&v.display),
                            v.outlets.to_string(),
                        )
                    } else {
                        (String::new(), String::new(), String::new())
                    };
                    let _ = writeln!(
                        out,
                        "| {num} | {value} | {outlets} | {} | {} | {} |",
                        reference(report, m),
                        marked(&highlight(f, k, m)),
                        m.speaker
                            .as_deref()
                            .map(escape)
                            .unwrap_or_else(|| "—".into())
                    );
                }
            }
            out.push('\n');
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
