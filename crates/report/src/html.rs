//! The self-contained HTML report, one page that works offline, organised
//! story → claim cluster → variants. Story by story (the most severe
//! first), headed by its headline (or first sentence), with its articles
//! (outlet, headline, date) and a matrix of claims x articles (agrees /
//! differs / silent / copy, in words and colour); then claim cluster by
//! claim cluster (the most severe first), each a collapsible block whose
//! header gives the claim and each finding's variants in one line, with
//! its findings under it (highest severity, then confidence, first): the
//! variants, every mention's sentence with the differing part marked, and
//! a `#:~:text=` link when the article has an `http(s)` URL. The first
//! clusters are open, the rest collapsed, so a long report stays short
//! until a cluster is opened. Filters by kind, severity and outlet and a
//! text search run in a small embedded plain-JavaScript block (they open
//! the clusters that hold a match, and say so when nothing matches);
//! inline CSS, no external assets. Every piece of text from the inputs is
//! HTML-escaped.

use std::fmt::Write as _;

use std::collections::BTreeSet;

use crosscheck_align::{ClaimKind, Finding, Mention, Story};

use crate::context::{article_label, fragment_link, in_context, shorten, story_title, web_url};
use crate::diff::Segment;
use crate::{format_confidence, Report};

const CSS: &str = "body{font-family:system-ui,sans-serif;font-size:16px;line-height:1.45;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}\
h1{font-size:1.6em}h2{margin:2em 0 .2em;border-bottom:1px solid #ccc;font-size:1.3em}h3{font-size:1.05em;margin:0;display:inline}h4{font-size:1em;margin:.8em 0 .3em}\
p.meta{margin:.2em 0 .6em;color:#555}\
code{background:#f3f3f3;padding:0 .2em;word-break:break-all}\
table.side{border-collapse:collapse;width:100%;table-layout:fixed;font-size:.95em}\
table.side td,table.side th{border:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left;overflow-wrap:anywhere}\
table.side col.c-var{width:5.5em}table.side col.c-val{width:17%}table.side col.c-out{width:5.5em}table.side col.c-art{width:21%}table.side col.c-spk{width:11%}\
table.stories col.c-story{width:30%}\
mark{background:#ffe08a;outline:1px dashed #7a5b00}\
.sev{display:inline-block;padding:0 .4em;border-radius:3px;color:#fff;font-size:.85em;font-weight:600}\
.sev-high{background:#b03020}.sev-medium{background:#b35a00}.sev-low{background:#5f6b6d}.sev-info{background:#1e7a45}\
.stance{color:#555}.explain{margin:.2em 0 .6em}ul.diag{font-size:.9em}\
.filters{position:sticky;top:0;z-index:1;background:#fff;padding:.5em 0;border-bottom:1px solid #ccc;display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center}\
.filters label{font-weight:600;margin-right:.3em}\
select,input,button{font:inherit;font-size:1em;padding:.2em .4em;min-width:8em}\
.filters select:focus,.filters input:focus,a:focus,summary:focus{outline:3px solid #1a5fb4}\
#f-none{padding:1em;background:#fff4e5;border:1px solid #e0b070}\
details.cluster{border:1px solid #ddd;border-left:6px solid #5f6b6d;margin:.8em 0;padding:.2em .8em .5em}\
details.cluster.top-high{border-left-color:#b03020}details.cluster.top-medium{border-left-color:#b35a00}details.cluster.top-info{border-left-color:#1e7a45}\
details.cluster>summary{cursor:pointer;padding:.4em 0}\
.claim{font-weight:600}.claim q{font-weight:normal;font-style:italic}\
.variants{display:block;margin:.3em 0 0 1.2em;font-weight:normal;color:#333}.variants span{display:block}\
.scroll{overflow-x:auto}\
table.matrix{border-collapse:collapse;margin:.5em 0 1em}table.matrix th,table.matrix td{border:1px solid #ddd;padding:.2em .5em;text-align:left;min-width:6em}\
table.matrix th[scope=row]{min-width:14em;max-width:28em;font-weight:normal}\
.st-agrees{background:#e3f4e8}.st-differs{background:#fde2df;font-weight:bold}.st-silent{color:#666}.st-copy{background:#eee;font-style:italic}";

/// The filters: kind, severity and outlet selects and a text search hide
/// the findings (and claim clusters and stories left empty) that do not
/// match, open the clusters that hold a match while a filter is set, and
/// say so when nothing matches. Clusters a link points at open. Plain
/// JavaScript, no library, nothing fetched.
const SCRIPT: &str = "(function(){\
var k=document.getElementById('f-kind'),s=document.getElementById('f-severity'),o=document.getElementById('f-outlet'),t=document.getElementById('f-text'),n=document.getElementById('f-count'),none=document.getElementById('f-none'),was=false;\
function apply(){var q=t.value.toLowerCase(),shown=0,active=!!(k.value||s.value||o.value||q);\
document.querySelectorAll('article.finding').forEach(function(a){\
var ok=(!k.value||a.dataset.kind===k.value)&&(!s.value||a.dataset.severity===s.value)&&(!o.value||a.dataset.outlets.split('|').indexOf(o.value)>=0)&&(!q||a.textContent.toLowerCase().indexOf(q)>=0);\
a.hidden=!ok;if(ok){shown++;}});\
document.querySelectorAll('details.cluster').forEach(function(c){var any=!!c.querySelector('article.finding:not([hidden])');c.hidden=!any;\
if(active&&any){c.open=true;}else if(!active&&was){c.open=c.hasAttribute('data-open');}});\
document.querySelectorAll('section.story').forEach(function(x){x.hidden=!x.querySelector('article.finding:not([hidden])');});\
was=active;n.textContent=shown+' shown';none.hidden=shown>0;}\
function reveal(){var e=location.hash&&document.getElementById(decodeURIComponent(location.hash.slice(1)));if(e&&e.tagName==='DETAILS'){e.open=true;}}\
[k,s,o].forEach(function(e){e.addEventListener('change',apply);});t.addEventListener('input',apply);window.addEventListener('hashchange',reveal);apply();reveal();})();";

/// Claim clusters open when the page loads: all of them in a report of at
/// most this many, else the first this many (the most severe).
const OPEN_CLUSTERS: usize = 6;

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

/// How an article stands on one claim cluster in the story matrix: silent
/// when no finding of the cluster cites it; differs when it carries another
/// value than the first variant of some finding (and says so when the same
/// article also gives the first variant, e.g. a headline and a body quoting
/// one sentence two ways); a copy when it is a syndicated copy that does
/// not differ; else agrees. A copy that changed a value differs: a changed
/// copy is what a fact-checker most needs to see.
fn stance(cluster: &[&Finding], article: &str) -> (&'static str, String) {
    let mut seen = false;
    let mut copy = false;
    let mut also_first = false;
    let mut differs: BTreeSet<String> = BTreeSet::new();
    for f in cluster {
        for (k, m) in f.mentions() {
            if m.article != article {
                continue;
            }
            seen = true;
            copy |= m.copy_of.is_some();
            if k > 0 && f.kind.is_discrepancy() {
                differs.insert(f.kind.as_str().replace('_', " "));
            } else if k == 0 {
                also_first = true;
            }
        }
    }
    if !seen {
        return ("silent", "silent".into());
    }
    if differs.is_empty() {
        return if copy {
            ("copy", "copy".into())
        } else {
            ("agrees", "agrees".into())
        };
    }
    let mut text = format!(
        "differs ({})",
        differs.into_iter().collect::<Vec<_>>().join(", ")
    );
    if also_first {
        text.push_str("; also gives the first variant");
    }
    if copy {
        text.push_str("; a changed copy");
    }
    ("differs", text)
}

/// The id of a cluster's anchor (`c-` and the cluster id, or the first
/// finding's id when it has none).
fn cluster_anchor(cluster: &[&Finding]) -> String {
    let f = cluster[0];
    if f.cluster.is_empty() {
        format!("c-{}", f.id)
    } else {
        format!("c-{}", f.cluster)
    }
}

/// The central claim of a cluster, shortened for a header; for a
/// person's roles, the person.
fn claim_text(cluster: &[&Finding]) -> String {
    let claim = cluster.iter().find_map(|f| f.claim());
    let text = match (cluster[0].subject, claim) {
        (ClaimKind::Person, Some(m)) => m.speaker.as_deref().unwrap_or(&m.text),
        (_, Some(m)) => &m.text,
        (_, None) => "",
    };
    shorten(text, 240)
}

fn matrix(out: &mut String, report: &Report, story: &Story, clusters: &[Vec<&Finding>]) {
    let _ = writeln!(
        out,
        "<details class=\"matrix\"{}><summary>Outlets × claims ({} claim{}, {} article{})</summary>\n<div class=\"scroll\"><table class=\"matrix\">\n<caption>Each claim with findings, and how each article stands on it: agrees (with the first variant), differs, silent, copy</caption>\n<thead><tr><th scope=\"col\">claim</th>",
        if clusters.len() <= OPEN_CLUSTERS { " open" } else { "" },
        clusters.len(),
        if clusters.len() == 1 { "" } else { "s" },
        story.articles.len(),
        if story.articles.len() == 1 { "" } else { "s" },
    );
    for a in &story.articles {
        // the outlet, and the id under it when they differ (two articles
        // of one outlet must be told apart)
        let name = outlet(report, a);
        let id = if name == *a {
            String::new()
        } else {
            format!("<br><small><code>{}</code></small>", escape(a))
        };
        let _ = write!(
            out,
            "<th scope=\"col\" title=\"{}\">{}{id}</th>",
            escape(&article_label(report, a)),
            escape(&name)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for c in clusters {
        let _ = write!(
            out,
            "<tr><th scope=\"row\"><a href=\"#{anchor}\">{claim}</a> <small>({sev})</small></th>",
            anchor = escape(&cluster_anchor(c)),
            claim = escape(&shorten(&claim_text(c), 80)),
            sev = c[0].severity,
        );
        for a in &story.articles {
            let (class, text) = stance(c, a);
            let _ = write!(out, "<td class=\"st-{class}\">{text}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n</details>\n");
}

/// One claim cluster: a collapsible block whose header gives the claim,
/// the highest severity and each finding's variants in one line, with the
/// findings under it.
fn cluster(out: &mut String, report: &Report, findings: &[&Finding], open: bool) {
    let top = findings[0].severity;
    let kinds: Vec<String> = findings
        .iter()
        .map(|f| f.kind.as_str().replace('_', " "))
        .collect();
    let _ = writeln!(
        out,
        "<details class=\"cluster top-{top}\" id=\"{anchor}\"{open}>\n<summary><h3 class=\"claim\"><span class=\"sev sev-{top}\">{top}</span> {what}: <q>{claim}</q>",
        anchor = escape(&cluster_anchor(findings)),
        open = if open { " open data-open" } else { "" },
        what = match findings[0].subject {
            ClaimKind::Quote => "Quote",
            ClaimKind::Person => "Person",
            _ => "Claim",
        },
        claim = escape(&claim_text(findings)),
    );
    out.push_str("<span class=\"variants\">");
    for f in findings {
        let _ = write!(
            out,
            "<span>{}: {}</span>",
            escape(&f.kind.as_str().replace('_', " ")),
            escape(&shorten(&f.summary(), 300))
        );
    }
    let _ = writeln!(
        out,
        "</span></h3> <small>{} finding{}: {}</small></summary>",
        findings.len(),
        if findings.len() == 1 { "" } else { "s" },
        escape(&kinds.join(", "))
    );
    for f in findings {
        finding(out, report, f);
    }
    out.push_str("</details>\n");
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
        "<article class=\"finding\" id=\"f-{id}\" data-kind=\"{kind}\" data-severity=\"{sev}\" data-outlets=\"{outlets}\">\n<h4><span class=\"sev sev-{sev}\">{sev}</span> {kind} · <code>{id}</code> · confidence {conf}</h4>",
        id = escape(&f.id),
        kind = escape(f.kind.as_str()),
        sev = f.severity,
        conf = format_confidence(f),
        outlets = escape(&outlets.into_iter().collect::<Vec<_>>().join("|")),
    );
    if !f.explanation.is_empty() {
        let _ = writeln!(out, "<p class=\"explain\">{}</p>", escape(&f.explanation));
    }
    out.push_str("<table class=\"side\">\n<colgroup><col class=\"c-var\"><col class=\"c-val\"><col class=\"c-out\"><col class=\"c-art\"><col class=\"c-sent\"><col class=\"c-spk\"></colgroup>\n<thead><tr><th scope=\"col\" class=\"row\">variant</th><th scope=\"col\">value</th><th scope=\"col\" class=\"row\">outlets</th><th scope=\"col\">article</th><th scope=\"col\">sentence</th><th scope=\"col\">speaker</th></tr></thead>\n<tbody>\n");
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
        out.push_str("<p id=\"f-none\" role=\"status\" hidden>No findings match the filters. Set a filter back to “all” or clear the search.</p>\n");
    }
    let stories = report.by_cluster();
    let total_clusters: usize = stories.iter().map(|(_, cs)| cs.len()).sum();
    let mut opened = 0;
    for (story, clusters) in &stories {
        let listed: usize = clusters.iter().map(Vec::len).sum();
        let _ = writeln!(
            out,
            "<section class=\"story\" aria-labelledby=\"s-{id}\">\n<h2 id=\"s-{id}\">{title}</h2>\n<p class=\"meta\">Story <code>{id}</code> · {n} article{s} · {c} claim{cs} with {f} finding{fs}</p>",
            id = escape(&story.id),
            title = escape(&story_title(report, story)),
            n = story.articles.len(),
            s = if story.articles.len() == 1 { "" } else { "s" },
            c = clusters.len(),
            cs = if clusters.len() == 1 { "" } else { "s" },
            f = listed,
            fs = if listed == 1 { "" } else { "s" },
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
        matrix(&mut out, report, story, clusters);
        for c in clusters {
            let open = total_clusters <= OPEN_CLUSTERS || opened < OPEN_CLUSTERS;
            opened += 1;
            cluster(&mut out, report, c, open);
        }
        out.push_str("</section>\n");
    }
    out.push_str(
        "<h2>Stories</h2>\n<table class=\"side stories\">\n<colgroup><col class=\"c-story\"><col></colgroup>\n<thead><tr><th scope=\"col\">story</th><th scope=\"col\">articles</th></tr></thead>\n<tbody>\n",
    );
    for s in &report.alignment.stories {
        let _ = writeln!(
            out,
            "<tr><td>{}<br><small><code>{}</code>{}</small></td><td>{}</td></tr>",
            escape(&story_title(report, s)),
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
