//! The self-contained HTML report: the Markdown report's content (story
//! by story, each finding with its variants and mentions) as one
//! page with inline CSS, no scripts and no external assets. Every piece of
//! text from the inputs is HTML-escaped.

use std::fmt::Write as _;

use crosscheck_align::Mention;

use crate::diff::{highlight, Segment};
use crate::{format_confidence, Report};

const CSS: &str = "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1em;margin-bottom:.3em}\
code{background:#f3f3f3;padding:0 .2em}table.side{border-collapse:collapse;width:100%;table-layout:fixed}\
table.side td,table.side th{border:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}\
table.side th.row{width:6em;color:#666;font-weight:normal}mark{background:#ffe08a}\
.sev{display:inline-block;padding:0 .4em;border-radius:3px;color:#fff;font-size:.85em}\
.sev-high{background:#c0392b}.sev-medium{background:#e67e22}.sev-low{background:#7f8c8d}.sev-info{background:#27ae60}\
.stance{color:#555}.explain{margin:.2em 0 .6em}ul.diag{font-size:.9em}";

/// Escapes `&`, `<`, `>`, `"` and `'`.
///
/// ```
/// assert_eq!(crosscheck_report::html::escape("<script>\"x\"</script>"),
///            "&lt;script&gt;&quot;x&quot;&lt;/script&gt;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn marked(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| {
            if s.marked {
                format!("<mark>{}</mark>", escape(&s.text))
            } else {
                escape(&s.text)
            }
        })
        .collect()
}

fn reference(report: &Report, m: &Mention) -> String {
    let mut s = format!(
        "<code>{}</code> bytes {}–{}",
        escape(&m.article),
        m.span.start,
        m.span.end
    );
    if let Some(url) = report
        .extraction(&m.article)
        .and_then(|x| x.article.url.as_deref())
    {
        let lower = url.trim_start().to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            let _ = write!(s, " <a href=\"{}\">link</a>", escape(url));
        } else {
            let _ = write!(s, " ({})", escape(url));
        }
    }
    if let Some(c) = &m.copy_of {
        let _ = write!(s, " (copy of <code>{}</code>)", escape(c));
    }
    s
}

fn articles(list: &[String]) -> String {
    crate::markdown::join_or_dash(list, |a| format!("<code>{}</code>", escape(a)))
}

/// The HTML report, one self-contained page.
pub fn to_html(report: &Report) -> String {
    let entries = report.entries();
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>crosscheck report</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<h1>crosscheck report</h1>\n");
    let _ = writeln!(
        out,
        "<p>{}</p>",
        escape(&crate::markdown::summary(report, &entries))
    );
    if entries.is_empty() {
        out.push_str("<p>No findings.</p>\n");
    }
    for (story, findings) in report.by_story() {
        let _ = writeln!(
            out,
            "<section>\n<h2 id=\"{id}\">{id} — {n} article{s}</h2>",
            id = escape(&story.id),
            n = story.articles.len(),
            s = if story.articles.len() == 1 { "" } else { "s" }
        );
        let _ = writeln!(
            out,
            "<p class=\"stance\">Articles: {}</p>",
            articles(&story.articles)
        );
        for group in &story.copies {
            let _ = writeln!(
                out,
                "<p class=\"stance\">Syndicated copies (one text): {}</p>",
                articles(group)
            );
        }
        for f in findings {
            let _ = writeln!(
                out,
                "<article id=\"f-{id}\">\n<h3><code>{id}</code> {kind} <span class=\"sev sev-{sev}\">{sev}</span> confidence {conf}</h3>",
                id = escape(&f.id),
                kind = escape(f.kind.as_str()),
                sev = f.severity,
                conf = format_confidence(f)
            );
            if !f.explanation.is_empty() {
                let _ = writeln!(out, "<p class=\"explain\">{}</p>", escape(&f.explanation));
            }
            out.push_str("<table class=\"side\">\n<tr><th class=\"row\">variant</th><th>value</th><th class=\"row\">outlets</th><th>where</th><th>text</th><th>speaker</th></tr>\n");
            for (k, v) in f.variants.iter().enumerate() {
                for (i, m) in v.mentions.iter().enumerate() {
                    let head = if i == 0 {
                        format!(
                            "<td rowspan=\"{n}\">{}</td><td rowspan=\"{n}\">{}</td><td rowspan=\"{n}\">{}</td>",
                            k + 1,
                            escape(&v.display),
                            v.outlets,
                            n = v.mentions.len()
                        )
                    } else {
                        String::new()
                    };
                    let _ = writeln!(
                        out,
                        "<tr>{head}<td>{}</td><td>{}</td><td>{}</td></tr>",
                        reference(report, m),
                        marked(&highlight(f, k, m)),
                        m.speaker
                            .as_deref()
                            .map(escape)
                            .unwrap_or_else(|| "—".into())
                    );
                }
            }
            out.push_str("</table>\n</article>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str(
        "<h2>Stories</h2>\n<table class=\"side\">\n<tr><th>story</th><th>articles</th></tr>\n",
    );
    for s in &report.alignment.stories {
        let _ = writeln!(
            out,
            "<tr><td>{}{}</td><td>{}</td></tr>",
            escape(&s.id),
            if s.is_singleton() { " (alone)" } else { "" },
            articles(&s.articles)
        );
    }
    out.push_str("</table>\n");
    let diags = report.all_diagnostics();
    if !diags.is_empty() {
        out.push_str("<h2>Diagnostics</h2>\n<ul class=\"diag\">\n");
        for d in diags {
            let sev = d.severity.as_str();
            let at = d.offset.map(|o| format!(" (byte {o})")).unwrap_or_default();
            let _ = writeln!(
                out,
                "<li>{sev}: <code>{}</code>{at}: {}</li>",
                escape(&d.origin),
                escape(&d.message)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
