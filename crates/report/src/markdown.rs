//! The Markdown report a person reads: per claim cluster, where each
//! article stands, then each finding with both texts side by side, the
//! differing words in bold, speakers, values, and a reference back to each
//! article (id, byte span, URL).

use std::fmt::Write as _;

use crosscheck_align::Evidence;

use crate::diff::{highlight, Segment};
use crate::graph::{claim_node_id, ClaimGraph, Cluster};
use crate::{format_confidence, Entry, Report, Severity};

/// Listed entries grouped by cluster, in cluster order; entries outside
/// every cluster come last under `None`.
pub fn grouped(graph: &ClaimGraph, entries: Vec<Entry>) -> Vec<(Option<&Cluster>, Vec<Entry>)> {
    let mut groups: Vec<(Option<&Cluster>, Vec<Entry>)> = graph
        .clusters
        .iter()
        .map(|c| (Some(c), Vec::new()))
        .collect();
    // claim node -> cluster index, built once (a scan per entry is quadratic)
    let mut by_claim: std::collections::BTreeMap<&str, usize> = Default::default();
    for (i, c) in graph.clusters.iter().enumerate() {
        for claim in &c.claims {
            by_claim.entry(claim.as_str()).or_insert(i);
        }
    }
    let mut rest = Vec::new();
    for e in entries {
        let node = claim_node_id(&e.finding.a.claim);
        match by_claim.get(node.as_str()).copied() {
            Some(i) => groups[i].1.push(e),
            None => rest.push(e),
        }
    }
    groups.retain(|(_, v)| !v.is_empty());
    if !rest.is_empty() {
        groups.push((None, rest));
    }
    groups
}

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

fn reference(report: &Report, e: &Evidence) -> String {
    let span = e.claim.span;
    let mut s = format!(
        "`{}` bytes {}–{}",
        e.claim.article.replace('`', "'"),
        span.start,
        span.end
    );
    if let Some(url) = report
        .extraction(&e.claim.article)
        .and_then(|x| x.article.url.as_deref())
        .filter(|u| crate::sanitize::is_web_url(u))
    {
        let _ = write!(s, " ([link](<{}>))", url.replace(['<', '>', '\n'], ""));
    }
    s
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(escape).unwrap_or_else(|| "—".to_string())
}

/// “3 articles · 4 findings (2 high, 2 low) · 2 clusters · 5 unique
/// claims”: the report's one-line summary, plain text shared by the Markdown
/// and HTML writers.
pub(crate) fn summary(report: &Report, graph: &ClaimGraph, entries: &[Entry]) -> String {
    format!(
        "{} articles · {} findings ({}) · {} clusters · {} unique claims",
        report.extractions.len(),
        entries.len(),
        counts(entries),
        graph.clusters.len(),
        report.alignment.unique.len()
    )
}

/// The distinct finding kinds of one cluster's entries, sorted and joined
/// with “, ” (plain text, for the cluster headings of both writers).
pub(crate) fn kinds(group: &[Entry]) -> String {
    let mut kinds: Vec<&str> = group.iter().map(|e| e.finding.kind.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    kinds.join(", ")
}

/// “2 high, 1 low”: findings per severity, highest first, or “none”.
fn counts(entries: &[Entry]) -> String {
    let mut parts = Vec::new();
    for sev in Severity::ALL.iter().rev() {
        let n = entries.iter().filter(|e| e.severity == *sev).count();
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
/// Shared by the Markdown and HTML agree/differ/silent lists.
pub(crate) fn join_or_dash(items: &[String], each: impl Fn(&str) -> String) -> String {
    if items.is_empty() {
        "—".to_string()
    } else {
        items.iter().map(|a| each(a)).collect::<Vec<_>>().join(", ")
    }
}

fn list(articles: &[String]) -> String {
    join_or_dash(articles, |a| format!("`{}`", a.replace('`', "'")))
}

/// The Markdown report.
pub fn to_markdown(report: &Report) -> String {
    let graph = report.graph();
    let entries = report.entries();
    let mut out = String::new();
    out.push_str("# crosscheck report\n\n");
    let _ = writeln!(out, "{}\n", summary(report, &graph, &entries));
    if entries.is_empty() {
        out.push_str("No findings.\n\n");
    }
    for (cluster, group) in grouped(&graph, entries) {
        match cluster {
            Some(c) => {
                let _ = writeln!(out, "## {} — {}\n", c.id, kinds(&group));
                let _ = writeln!(out, "- Agree: {}", list(&c.agree));
                let _ = writeln!(out, "- Differ: {}", list(&c.differ));
                let _ = writeln!(out, "- Silent: {}\n", list(&c.silent));
            }
            None => out.push_str("## Other findings\n\n"),
        }
        for e in &group {
            let f = &e.finding;
            let _ = writeln!(
                out,
                "### `{}` {} · {} · confidence {}\n",
                e.id,
                f.kind.as_str(),
                e.severity,
                format_confidence(f)
            );
            if !f.explanation.is_empty() {
                let _ = writeln!(out, "{}\n", escape(&f.explanation));
            }
            let (sa, sb) = highlight(f);
            let _ = writeln!(
                out,
                "| | {} | {} |\n|---|---|---|",
                escape(&f.a.claim.article),
                escape(&f.b.claim.article)
            );
            let _ = writeln!(out, "| text | {} | {} |", marked(&sa), marked(&sb));
            let _ = writeln!(
                out,
                "| speaker | {} | {} |",
                opt(&f.a.speaker),
                opt(&f.b.speaker)
            );
            let _ = writeln!(out, "| value | {} | {} |", opt(&f.a.value), opt(&f.b.value));
            let _ = writeln!(
                out,
                "| where | {} | {} |\n",
                reference(report, &f.a),
                reference(report, &f.b)
            );
        }
    }
    let diags = report.all_diagnostics();
    if !diags.is_empty() {
        out.push_str("## Diagnostics\n\n");
        for d in diags {
            let sev = d.severity.as_str();
            let at = d.offset.map(|o| format!(" (byte {o})")).unwrap_or_default();
            let _ = writeln!(
                out,
                "- {sev}: `{}`{at}: {}",
                d.origin.replace('`', "'"),
                escape(&d.message)
            );
        }
        out.push('\n');
    }
    out
}
