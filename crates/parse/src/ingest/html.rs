//! HTML pages: main text with `dom_smoothie` (a readability port), metadata
//! from the raw page with `scraper`.
//!
//! Metadata, first found wins:
//!
//! - title: `og:title`, JSON-LD `headline`, `<title>`, the readability title;
//! - source: `og:site_name`, JSON-LD `publisher.name`, `application-name`;
//! - published: `article:published_time`, JSON-LD `datePublished`, other
//!   date `<meta>` tags and `itemprop="datePublished"`;
//! - language: `<html lang>`, `content-language`;
//! - url: `<link rel="canonical">`, `og:url`.
//!
//! When the page does not look like an article to readability (short
//! pages) or readability finds nothing, a fallback collects paragraphs,
//! headings and list items outside navigation, headers, footers, asides,
//! forms and comment sections. No text at all is an Error.
//!
//! `script`, `style`, `noscript` and `template` elements are removed with
//! their content before either reads the page, wherever they appear (a
//! script inside a paragraph never reaches the article text).

use super::dates::parse_date;
use super::{decode, IngestOptions, Ingested};
use crate::model::Article;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

pub(crate) fn parse(bytes: &[u8], origin: &str, stem: &str, options: &IngestOptions) -> Ingested {
    let mut out = Ingested::default();
    let Some(raw) = decode(bytes, origin, 0, options.max_article_bytes, &mut out) else {
        return out;
    };
    if let Some(at) = too_deep(raw.as_bytes(), MAX_DEPTH) {
        out.error(
            origin,
            format!(
                "HTML nested more than {MAX_DEPTH} elements deep (at byte offset {at}); not parsed"
            ),
            Some(at),
        );
        return out;
    }
    let mut doc = Html::parse_document(&raw);
    // metadata first: JSON-LD lives in <script> elements
    let meta = Meta::read(&doc);
    drop_hidden(&mut doc);
    let (text, readability_title) = match readability_text(&doc.html()) {
        Some((text, title)) if !text.trim().is_empty() => (text, clean(&title)),
        _ => (fallback_text(&doc), None),
    };
    if text.trim().is_empty() {
        out.error(origin, "no article text found in the HTML page", None);
        return out;
    }
    out.articles.push(Article {
        id: stem.to_string(),
        source: meta.source,
        title: meta.title.or(readability_title),
        url: meta.url,
        language: meta.language,
        published: meta.published,
        text,
        origin: origin.to_string(),
    });
    out
}

/// Elements whose content is never article text, wherever they appear
/// (inside a paragraph too): scripts, styles, `noscript` fallbacks and
/// `template` contents.
const HIDDEN_TAGS: &[&str] = &["script", "style", "noscript", "template"];

/// Removes every [`HIDDEN_TAGS`] element with its content from the tree.
fn drop_hidden(doc: &mut Html) {
    let hidden: Vec<_> = doc
        .tree
        .nodes()
        .filter(|n| {
            n.value()
                .as_element()
                .is_some_and(|e| HIDDEN_TAGS.contains(&e.name()))
        })
        .map(|n| n.id())
        .collect();
    for id in hidden {
        if let Some(mut node) = doc.tree.get_mut(id) {
            node.detach();
        }
    }
}

/// Deepest element nesting accepted. HTML5 tree building costs time
/// proportional to the depth for every tag, so absurdly deep pages would take
/// minutes; real pages stay far below this.
const MAX_DEPTH: usize = 1000;

/// Elements that never nest (void) or are closed implicitly by their next
/// sibling, so they do not count towards the depth.
const FLAT_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "thead", "tbody", "tfoot",
];

/// A linear scan approximating the element nesting depth; returns the byte
/// offset of the tag where it first exceeds `max`.
fn too_deep(html: &[u8], max: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(rel) = html[i..].iter().position(|&b| b == b'<') {
        let at = i + rel;
        let rest = &html[at + 1..];
        if rest.starts_with(b"!--") {
            i = find(html, at + 4, b"-->").map_or(html.len(), |e| e + 3);
            continue;
        }
        if rest.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            i = at + 2;
            continue;
        }
        if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1;
            continue;
        }
        let name_len = rest
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = String::from_utf8_lossy(&rest[..name_len]).to_ascii_lowercase();
        let Some(end) = find(html, at + 1, b">") else {
            break;
        };
        let self_closing = end > 0 && html[end - 1] == b'/';
        i = end + 1;
        if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            let close = format!("</{name}");
            i = find_ci(html, i, close.as_bytes()).unwrap_or(html.len());
            continue;
        }
        if self_closing || FLAT_TAGS.contains(&name.as_str()) {
            continue;
        }
        depth += 1;
        if depth > max {
            return Some(at);
        }
    }
    None
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// Main text and title from dom_smoothie, paragraphs separated by blank lines.
fn readability_text(raw: &str) -> Option<(String, String)> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::new(raw, None, Some(cfg)).ok()?;
    // on short pages readability keeps the whole body, navigation included;
    // the paragraph fallback does better there
    if !r.is_probably_readable() {
        return None;
    }
    let article = r.parse().ok()?;
    Some((tidy(&article.text_content), article.title))
}

/// Trims lines, collapses runs of spaces and of blank lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank = false;
    }
    out
}

fn sel(s: &str) -> Selector {
    // selectors are constants; a bad one would be a bug caught by tests
    Selector::parse(s).unwrap_or_else(|_| Selector::parse("*:not(*)").expect("valid selector"))
}

const BOILERPLATE_TAGS: &[&str] = &[
    "nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template",
    "button", "select", "svg",
];
const BOILERPLATE_WORDS: &[&str] = &[
    "comment",
    "nav",
    "menu",
    "footer",
    "sidebar",
    "share",
    "social",
    "related",
    "cookie",
    "advert",
    "promo",
    "newsletter",
    "subscribe",
];

fn is_boilerplate(el: ElementRef) -> bool {
    let v = el.value();
    if BOILERPLATE_TAGS.contains(&v.name()) {
        return true;
    }
    let attrs = [v.attr("class"), v.attr("id"), v.attr("role")];
    attrs.iter().flatten().any(|a| {
        let a = a.to_ascii_lowercase();
        BOILERPLATE_WORDS.iter().any(|w| a.contains(w))
    })
}

/// Paragraph-level text outside boilerplate, in document order.
fn fallback_text(doc: &Html) -> String {
    let blocks = sel("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre");
    let mut parts = Vec::new();
    for el in doc.select(&blocks) {
        let inside_bad_or_block = el.ancestors().filter_map(ElementRef::wrap).any(|a| {
            is_boilerplate(a)
                || matches!(
                    a.value().name(),
                    "p" | "li" | "blockquote" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                )
        });
        if inside_bad_or_block || is_boilerplate(el) {
            continue;
        }
        let text = el.text().collect::<String>();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            parts.push(text);
        }
    }
    parts.join("\n\n")
}

#[derive(Default)]
struct Meta {
    title: Option<String>,
    source: Option<String>,
    published: Option<chrono::NaiveDate>,
    language: Option<String>,
    url: Option<String>,
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

impl Meta {
    fn read(doc: &Html) -> Meta {
        let meta_content = |names: &[&str]| -> Option<String> {
            for name in names {
                let s = sel(&format!(
                    "meta[property=\"{name}\"], meta[name=\"{name}\"], meta[itemprop=\"{name}\"]"
                ));
                if let Some(v) = doc
                    .select(&s)
                    .filter_map(|e| e.value().attr("content"))
                    .find_map(clean)
                {
                    return Some(v);
                }
            }
            None
        };
        let ld = json_ld(doc);
        let ld_str = |key: &str| ld.iter().find_map(|v| find_key(v, key));
        let title = meta_content(&["og:title", "twitter:title"])
            .or_else(|| ld_str("headline"))
            .or_else(|| {
                doc.select(&sel("title"))
                    .next()
                    .and_then(|t| clean(&t.text().collect::<String>()))
            });
        let source = meta_content(&["og:site_name", "application-name"]).or_else(|| {
            ld.iter().find_map(|v| {
                find_value(v, "publisher").and_then(|p| match p {
                    Value::String(s) => clean(s),
                    Value::Object(o) => o.get("name").and_then(Value::as_str).and_then(clean),
                    _ => None,
                })
            })
        });
        let date_text = meta_content(&[
            "article:published_time",
            "datePublished",
            "date",
            "pubdate",
            "publish-date",
            "publish_date",
            "dc.date",
            "DC.date.issued",
        ])
        .or_else(|| ld_str("datePublished"))
        .or_else(|| {
            doc.select(&sel("[itemprop=\"datePublished\"]"))
                .find_map(|e| e.value().attr("datetime").or(e.value().attr("content")))
                .and_then(clean)
        });
        let published = date_text.as_deref().and_then(parse_date);
        let language = doc
            .select(&sel("html"))
            .next()
            .and_then(|h| h.value().attr("lang"))
            .and_then(clean)
            .or_else(|| {
                doc.select(&sel("meta[http-equiv=\"content-language\" i]"))
                    .find_map(|e| e.value().attr("content"))
                    .and_then(clean)
            });
        let url = doc
            .select(&sel("link[rel=\"canonical\"]"))
            .find_map(|e| e.value().attr("href"))
            .and_then(clean)
            .or_else(|| meta_content(&["og:url"]));
        Meta {
            title,
            source,
            published,
            language,
            url,
        }
    }
}

/// Every JSON-LD block that parses.
fn json_ld(doc: &Html) -> Vec<Value> {
    doc.select(&sel("script[type=\"application/ld+json\"]"))
        .filter_map(|s| serde_json::from_str(&s.text().collect::<String>()).ok())
        .collect()
}

/// The first value under `key`, depth first (objects, arrays, `@graph`).
fn find_value<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    find_value_depth(v, key, 0)
}

fn find_value_depth<'a>(v: &'a Value, key: &str, depth: usize) -> Option<&'a Value> {
    if depth > 16 {
        return None;
    }
    match v {
        Value::Object(o) => o
            .get(key)
            .filter(|x| !x.is_null())
            .or_else(|| o.values().find_map(|x| find_value_depth(x, key, depth + 1))),
        Value::Array(a) => a.iter().find_map(|x| find_value_depth(x, key, depth + 1)),
        _ => None,
    }
}

fn find_key(v: &Value, key: &str) -> Option<String> {
    find_value(v, key).and_then(Value::as_str).and_then(clean)
}
