//! What the human reports (table, Markdown, HTML, `explain`) share: the
//! order of findings (severity, then confidence, then id), how an article
//! is named (outlet, headline, date; its id as a fallback), and each
//! mention's sentence in context with the part that differs marked for
//! the finding's kind: the changed words of a quote, the speakers of an
//! attribution, the value of a date, figure, place or role.

use std::cmp::Ordering;
use std::ops::Range;

use crosscheck_align::{ClaimKind, Finding, FindingKind, Mention};
use crosscheck_parse::Extraction;

use crate::diff::{highlight, segments, token_diff, Segment};
use crate::{confidence, Report};

/// Longest context shown, in bytes: a sentence longer than this (a
/// paragraph the splitter could not break) is replaced by the claim alone.
pub const MAX_CONTEXT: usize = 1200;

/// The order of findings in every human report: highest severity first,
/// then highest confidence, then id (so ties are deterministic).
///
pub fn rank(a: &Finding, b: &Finding) -> Ordering {
    b.severity
        .cmp(&a.severity)
        .then_with(|| confidence(b).total_cmp(&confidence(a)))
        .then_with(|| a.id.cmp(&b.id))
}

/// Sorts findings by [`rank`].
pub fn sort_ranked(findings: &mut [&Finding]) {
    findings.sort_by(|a, b| rank(a, b));
}

/// An article as a reader knows it: “BBC · “Headline” · 2022-01-21”,
/// from the outlet, headline and publication date it has; its id when it
/// has none of them (or is unknown). Control characters are escaped.
pub fn article_label(report: &Report, article: &str) -> String {
    let label = report
        .extraction(article)
        .map(label_of)
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| article.to_string());
    crate::sanitize::escape_controls(&label).into_owned()
}

fn label_of(x: &Extraction) -> String {
    let a = &x.article;
    let mut parts = Vec::new();
    if let Some(s) = a.source.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        parts.push(s.to_string());
    }
    if let Some(t) = a.title.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        parts.push(format!("“{t}”"));
    }
    if parts.is_empty() {
        // no outlet and no headline: the id (a file name) says more than a date alone
        parts.push(a.id.clone());
    }
    if let Some(d) = a.published {
        parts.push(d.to_string());
    }
    parts.join(" · ")
}

/// A story as a reader knows it: the headline of its first article (by
/// id) that has one, else the first sentence of its first article;
/// shortened to about 110 characters on a word boundary, control
/// characters escaped. The story id when the story has no text at all.
pub fn story_title(report: &Report, story: &crosscheck_align::Story) -> String {
    let xs = || story.articles.iter().filter_map(|a| report.extraction(a));
    let headline = xs().find_map(|x| {
        x.article
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    });
    let sentence = || {
        xs().find_map(|x| {
            x.sentences
                .first()
                .map(|s| s.span.slice(&x.article.text).trim().to_string())
                .filter(|t| !t.is_empty())
        })
    };
    let text = headline
        .or_else(sentence)
        .unwrap_or_else(|| story.id.clone());
    crate::sanitize::escape_controls(&shorten(&text, 110)).into_owned()
}

/// `s` with white space runs made single spaces, cut after the last word
/// that ends within `max` characters, with “…” when cut.
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out = String::new();
    for w in s.split(' ') {
        if out.chars().count() + w.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        out = s.chars().take(max).collect();
    }
    out.push('…');
    out
}

/// The article's URL when it is an `http`/`https` URL, else `None`.
pub fn web_url<'a>(report: &Report<'a>, article: &str) -> Option<&'a str> {
    report
        .extraction(article)
        .and_then(|x| x.article.url.as_deref())
        .filter(|u| crate::sanitize::is_web_url(u))
}

/// The URL with a text fragment (`#:~:text=`) that makes a browser scroll
/// to and highlight the claim, when the article's URL is an `http`/`https`
/// URL.
pub fn fragment_link(report: &Report, m: &Mention) -> Option<String> {
    let url = web_url(report, &m.article)?;
    let base = url.split('#').next().unwrap_or(url);
    let words: Vec<&str> = m.text.split_whitespace().collect();
    if words.is_empty() {
        return Some(base.to_string());
    }
    let enc = |ws: &[&str]| percent_encode(&ws.join(" "));
    // long claims: the first and last words, as `start,end`
    let text = if words.len() > 8 {
        format!("{},{}", enc(&words[..4]), enc(&words[words.len() - 4..]))
    } else {
        enc(&words)
    };
    Some(format!("{base}#:~:text={text}"))
}

/// Percent-encodes everything but unreserved characters (and `-`, which a
/// text fragment needs encoded too).
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The byte ranges, relative to the article text, to mark in mention `m`
/// of variant `variant` of `f`.
fn marks(x: &Extraction, f: &Finding, variant: usize, m: &Mention) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    match f.kind {
        FindingKind::QuoteWording => {
            let other = if variant == 0 { 1 } else { 0 };
            if let Some(reference) = f.variants.get(other).and_then(|v| v.mentions.first()) {
                out.extend(
                    token_diff(&reference.text, &m.text)
                        .1
                        .into_iter()
                        .map(|r| r.start + m.span.start..r.end + m.span.start),
                );
            }
        }
        FindingKind::Attribution | FindingKind::Unattributed => {
            if m.claim == ClaimKind::Quote {
                if let Some(s) = x.quotes.get(m.index).and_then(|q| q.speaker_span) {
                    out.push(s.start..s.end);
                }
            }
            if let Some(s) = m.value_span {
                out.push(s.start..s.end);
            }
        }
        k if k.is_discrepancy() => {
            if let Some(s) = m.value_span {
                out.push(s.start..s.end);
            }
        }
        _ => {}
    }
    out
}

/// The mention's sentence (the sentences its claim spans, and for an
/// attribution the speaker's mention too) with the differing part marked.
/// Falls back to the claim text alone, marked by [`highlight`], when the
/// article is unknown, its text does not match the mention, or the
/// context would be longer than [`MAX_CONTEXT`].
pub fn in_context(report: &Report, f: &Finding, variant: usize, m: &Mention) -> Vec<Segment> {
    let fallback = || highlight(f, variant, m);
    let Some(x) = report.extraction(&m.article) else {
        return fallback();
    };
    let text = x.article.text.as_str();
    if text.get(m.span.start..m.span.end) != Some(m.text.as_str()) {
        return fallback();
    }
    let ranges = marks(x, f, variant, m);
    let mut start = m.span.start;
    let mut end = m.span.end;
    for r in &ranges {
        start = start.min(r.start);
        end = end.max(r.end);
    }
    for s in &x.sentences {
        let (a, b) = (s.span.start, s.span.end);
        // sentences that overlap (or, when empty, touch) the claim
        if a < end.max(start + 1) && start < b {
            start = start.min(a);
            end = end.max(b);
        }
    }
    let (Some(_), true) = (text.get(start..end), end - start <= MAX_CONTEXT) else {
        return fallback();
    };
    let rel: Vec<Range<usize>> = ranges
        .iter()
        .map(|r| r.start - start..r.end - start)
        .collect();
    let mut segs = segments(&text[start..end], &rel);
    for s in &mut segs {
        s.text = collapse_space(&s.text);
    }
    segs
}

/// Every run of white space (line breaks included) as one space.
fn collapse_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_align::fixture::Doc;
    use crosscheck_align::{compare, Config, Severity};

    #[test]
    fn rank_is_severity_then_confidence_then_id() {
        let text = |day: &str| format!("The talks in Geneva ended on {day}, the ministry said.");
        let docs = [
            Doc::new("a", &text("Friday"))
                .date("Friday", "2022-01-21")
                .build(),
            Doc::new("b", &text("Thursday"))
                .date("Thursday", "2022-01-20")
                .build(),
        ];
        let found = compare(&docs, &Config::default()).findings;
        let f = |id: &str, severity, confidence| {
            let mut f = found[0].clone();
            (f.id, f.severity, f.confidence) = (id.into(), severity, confidence);
            f
        };
        let mut v = [
            f("b", Severity::Low, 0.9),
            f("c", Severity::High, 0.5),
            f("a", Severity::High, 0.5),
            f("d", Severity::High, 0.8),
        ];
        v.sort_by(rank);
        let ids: Vec<&str> = v.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["d", "a", "c", "b"]);
    }
}
