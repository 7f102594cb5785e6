//! The self-contained HTML report, one page that works offline: story by
//! story (the most severe first), each with its articles (outlet, headline,
//! date), a matrix of findings x articles (agrees / differs / silent /
//! copy, in words and colour), then each finding (highest severity, then
//! confidence, first) with its variants, every mention's sentence with the
//! differing part marked, and a `#:~:text=` link when the article has an
//! `http(s)` URL. Filters by kind, severity and outlet and a text search
//! run in a small embedded plain-JavaScript block; inline CSS, no external
//! assets. Every piece of text from the inputs is HTML-escaped.

use std::fmt::Write as _;

use std::collections::BTreeSet;

use crosscheck_align::{Finding, Mention, Story};

use crate::context::{article_label, fragment_link, in_context, web_url};
use crate::diff::Segment;
use crate::{format_confidence, Report};

const CSS: &str = "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1em;margin-bottom:.3em}\
code{background:#f3f3f3;padding:0 .2em}table.side{border-collapse:collapse;width:100%;table-layout:fixed}\
table.side td,table.side th{border:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}\
table.side th.row{width:6em;color:#666;font-weight:normal}mark{background:#ffe08a}\
.sev{display:inline-block;padding:0 .4em;border-radius:3px;color:#fff;font-size:.85em}\
.sev-high{background:#c0392b}.sev-medium{background:#e67e22}.sev-low{background:#7f8c8d}.sev-info{background:#27ae60}\
.stance{color:#555}.explain{margin:.2em 0 .6em}ul.diag{font-size:.9em}\
.filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ccc}.filters label{margin-left:.8em}\
.filters select:focus,.filters input:focus,a:focus{outline:3px solid #1a5fb4}\
table.matrix{border-collapse:collapse;margin:.5em 0 1em}table.matrix th,table.matrix td{border:1px solid #ddd;padding:.2em .5em;text-align:left}\
.st-agrees{background:#e3f4e8}.st-differs{background:#fde2df;font-weight:bold}.st-silent{color:#777}.st-copy{background:#eee;font-style:italic}\
mark{outline:1px dashed #7a5b00}";

/// The filters: kind, severity and outlet selects and a text search hide
/// the findings (and stories) that do not match. Plain JavaScript, no
/// library, nothing fetched.
const SCRIPT: &str = "(function(){\
var k=document.getElementById('f-kind'),s=document.getElementById('f-severity'),o=document.getElementById('f-outlet'),t=document.getElementById('f-text'),n=document.getElementById('f-count');\
function apply(){var q=t.value.toLowerCase(),shown=0;\
document.querySelectorAll('article.finding').forEach(function(a){\
var ok=(!k.value||a.dataset.kind===k.value)&&(!s.value||a.dataset.severity===s.value)&&(!o.value||a.dataset.outlets.split('|').indexOf(o.value)>=0)&&(!q||a.textContent.toLowerCase().indexOf(q)>=0);\
a.hidden=!ok;if(ok){shown++;}});\
document.querySelectorAll('section.story').forEach(function(x){x.hidden=!x.querySelector('article.finding:not([hidden])');});\
n.textContent=shown+' shown';}\
[k,s,o].forEach(function(e){e.addEventListener('change',apply);});t.addEventListener('input',apply);apply();})();";

/// Escapes `&`, `<`, `>`, `"` and `'`.
pub(crate) fn escape(s: &str) -> String {
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

/// The outlet of an article for the outlet filter: its source, else its
/// id; `|` (the separator in `data-outlets`) becomes `/`.
fn outlet(report: &Report, article: &str) -> String {
    report
        .extraction(article)
        .and_then(|x| x.article.source.as_deref())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(article)
        .replace('|', "/")
}

fn reference(report: &Report, m: &Mention) -> String {
    let mut s = format!(
        "<strong>{}</strong><br><small><code>{}</code> bytes {}–{}",
        escape(&article_label(report, &m.article)),
        escape(&m.article),
        m.span.start,
        m.span.end
    );
    if let Some(link) = fragment_link(report, m) {
        let _ = write!(s, " · <a href=\"{}\">open at the claim</a>", escape(&link));
    }
    if let Some(c) = &m.copy_of {
        let _ = write!(s, " · copy of <code>{}</code>", escape(c));
    }
    s.push_str("</small>");
    s
}

/// How an article stands on one finding in the story matrix.
fn stance(f: &Finding, article: &str) -> (&'static str, String) {
    let mut found: Option<(usize, &Mention)> = None;
    for (k, m) in f.mentions() {
        if m.article == article {
            found = Some((k, m));
            break;
        }
    }
    match found {
        None => ("silent", "silent".into()),
        Some((_, m)) if m.copy_of.is_some() => ("copy", "copy".into()),
        Some((0, _)) => ("agrees", "agrees".into()),
        Some((k, _)) => ("differs", format!("differs (variant {})", k + 1)),
    }
}

fn matrix(out: &mut String, report: &Report, story: &Story, findings: &[&Finding]) {
    let _ = writeln!(
        out,
        "<table class=\"matrix\">\n<caption>Outlets × claims: agrees (with the first variant), differs, silent, copy</caption>\n<thead><tr><th scope=\"col\">finding</th>"
    );
    for a in &story.articles {
        let _ = write!(
            out,
            "<th scope=\"col\">{}</th>",
            escape(&article_label(report, a))
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for f in findings {
        let _ = write!(
            out,
            "<tr><th scope=\"row\"><a href=\"#f-{id}\">{kind} {sev}</a></th>",
            id = escape(&f.id),
            kind = escape(f.kind.as_str()),
            sev = f.severity
        );
        for a in &story.articles {
            let (class, text) = stance(f, a);
            let _ = write!(out, "<td class=\"st-{class}\">{text}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn select(out: &mut String, id: &str, label: &str, values: &BTreeSet<String>) {
    let _ = write!(
        out,
        "<label for=\"{id}\">{label}</label> <select id=\"{id}\"><option value=\"\">all</option>"
    );
    for v in values {
        let _ = write!(out, "<option>{}</option>", escape(v));
    }
    out.push_str("</select>\n");
}

fn finding(out: &mut String, report: &Report, f: &Finding) {
    let outlets: BTreeSet<String> = f
        .mentions()
        .map(|(_, m)| outlet(report, &m.article))
        .collect();
    let _ = writeln!(
        out,
        "<article class=\"finding\" id=\"f-{id}\" data-kind=\"{kind}\" data-severity=\"{sev}\" data-outlets=\"{outlets}\">\n<h3><span class=\"sev sev-{sev}\">{sev}</span> {kind} · <code>{id}</code> · confidence {conf}</h3>",
        id = escape(&f.id),
        kind = escape(f.kind.as_str()),
        sev = f.severity,
        conf = format_confidence(f),
        outlets = escape(&outlets.into_iter().collect::<Vec<_>>().join("|")),
    );
    if !f.explanation.is_empty() {
        let _ = writeln!(out, "<p class=\"explain\">{}</p>", escape(&f.explanation));
    }
    out.push_str("<table class=\"side\">\n<thead><tr><th scope=\"col\" class=\"row\">variant</th><th scope=\"col\">value</th><th scope=\"col\" class=\"row\">outlets</th><th scope=\"col\">article</th><th scope=\"col\">sentence</th><th scope=\"col\">speaker</th></tr></thead>\n<tbody>\n");
    for (k, v) in f.variants.iter().enumerate() {
        for (i, m) in v.mentions.iter().enumerate() {
            let head = if i == 0 {
                format!(
                    "<th scope=\"row\" rowspan=\"{n}\">{}</th><td rowspan=\"{n}\">{}</td><td rowspan=\"{n}\">{}</td>",
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
                marked(&in_context(report, f, k, m)),
                m.speaker
                    .as_deref()
                    .map(escape)
                    .unwrap_or_else(|| "—".into())
            );
        }
    }
    out.push_str("</tbody>\n</table>\n</article>\n");
}

/// The HTML report, one self-contained page.
pub fn to_html(report: &Report) -> String {
    let entries = report.entries();
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>crosscheck report</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<main>\n<h1>crosscheck report</h1>\n");
    let _ = writeln!(
        out,
        "<p>{}</p>",
        escape(&crate::markdown::summary(report, &entries))
    );
    if entries.is_empty() {
        out.push_str("<p>No findings.</p>\n");
    } else {
        let kinds: BTreeSet<String> = entries.iter().map(|f| f.kind.as_str().into()).collect();
        let sevs: BTreeSet<String> = entries.iter().map(|f| f.severity.to_string()).collect();
        let outlets: BTreeSet<String> = entries
            .iter()
            .flat_map(|f| f.mentions().map(|(_, m)| outlet(report, &m.article)))
            .collect();
        out.push_str("<form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"Filter findings\" onsubmit=\"return false\">\n");
        select(&mut out, "f-kind", "Kind", &kinds);
        select(&mut out, "f-severity", "Severity", &sevs);
        select(&mut out, "f-outlet", "Outlet", &outlets);
        out.push_str("<label for=\"f-text\">Search</label> <input type=\"search\" id=\"f-text\">\n<output id=\"f-count\" aria-live=\"polite\"></output>\n</form>\n");
    }
    for (story, findings) in report.by_story() {
        let _ = writeln!(
            out,
            "<section class=\"story\" aria-labelledby=\"s-{id}\">\n<h2 id=\"s-{id}\">{id} — {n} article{s}</h2>",
            id = escape(&story.id),
            n = story.articles.len(),
            s = if story.articles.len() == 1 { "" } else { "s" }
        );
        out.push_str("<ul class=\"articles\">\n");
        for a in &story.articles {
            let link = web_url(report, a)
                .map(|u| format!(" <a href=\"{}\">article</a>", escape(u)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<li>{} <small><code>{}</code></small>{link}</li>",
                escape(&article_label(report, a)),
                escape(a)
            );
        }
        out.push_str("</ul>\n");
        for group in &story.copies {
            let _ = writeln!(
                out,
                "<p class=\"stance\">Syndicated copies (one text): {}</p>",
                articles(group)
            );
        }
        matrix(&mut out, report, story, &findings);
        for f in findings {
            finding(&mut out, report, f);
        }
        out.push_str("</section>\n");
    }
    out.push_str(
        "<h2>Stories</h2>\n<table class=\"side\">\n<thead><tr><th scope=\"col\">story</th><th scope=\"col\">articles</th></tr></thead>\n<tbody>\n",
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
    out.push_str("</tbody>\n</table>\n");
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
    out.push_str("</main>\n");
    if !entries.is_empty() {
        out.push_str("<script>");
        out.push_str(SCRIPT);
        out.push_str("</script>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn articles(list: &[String]) -> String {
    crate::markdown::join_or_dash(list, |a| format!("<code>{}</code>", escape(a)))
}
