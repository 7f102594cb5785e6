//! JSON documents (one object or an array of objects) and JSON lines (one
//! object per line, streamed).
//!
//! Field names, first present wins:
//!
//! | article field | JSON keys |
//! |---|---|
//! | `id` | `id`, `_id`, `uuid` |
//! | `text` | `text`, `maintext`, `raw_text`, `content`, `body`, `article`, `articleBody` |
//! | `title` | `title`, `headline` |
//! | `source` | `source`, `site_name`, `hostname`, `source_domain`, `publisher` |
//! | `url` | `url`, `link`, `canonical_url` |
//! | `published` | `published`, `date_publish`, `date_published`, `datePublished`, `pubDate`, `published_at`, `date` |
//! | `language` | `language`, `lang` |
//!
//! A `null` value counts as absent. A missing or non-string text is an
//! Error (the article is skipped); a wrong type in any other field is a
//! Warning and the field is ignored.

use super::dates::parse_date;
use super::{decode, read_line_bounded, too_large, IngestOptions, Ingested, JSON_DOCUMENT_FACTOR};
use crate::model::Article;
use serde_json::{Map, Value};
use std::io::BufRead;

/// Errors reported per JSON lines file before the rest are only counted.
const MAX_LINE_ERRORS: usize = 50;

const ID_KEYS: &[&str] = &["id", "_id", "uuid"];
const TEXT_KEYS: &[&str] = &[
    "text",
    "maintext",
    "raw_text",
    "content",
    "body",
    "article",
    "articleBody",
];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const SOURCE_KEYS: &[&str] = &[
    "source",
    "site_name",
    "hostname",
    "source_domain",
    "publisher",
];
const URL_KEYS: &[&str] = &["url", "link", "canonical_url"];
const DATE_KEYS: &[&str] = &[
    "published",
    "date_publish",
    "date_published",
    "datePublished",
    "pubDate",
    "published_at",
    "date",
];
const LANGUAGE_KEYS: &[&str] = &["language", "lang"];

/// A `.json` document: one object, or an array of objects.
pub(crate) fn parse_document(
    bytes: &[u8],
    origin: &str,
    stem: &str,
    options: &IngestOptions,
) -> Ingested {
    let mut out = Ingested::default();
    let limit = options
        .max_article_bytes
        .saturating_mul(JSON_DOCUMENT_FACTOR);
    let Some(text) = decode(bytes, origin, 0, limit, &mut out) else {
        return out;
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            out.error(
                origin,
                format!(
                    "invalid JSON at line {} column {}: {}",
                    e.line(),
                    e.column(),
                    strip_position(&e)
                ),
                offset_of(&text, e.line(), e.column()),
            );
            return out;
        }
    };
    match value {
        Value::Object(map) => {
            if let Some(a) = article_from(&map, origin, stem, options, &mut out) {
                out.articles.push(a);
            }
        }
        Value::Array(items) => {
            if items.is_empty() {
                out.error(origin, "empty input: the JSON array has no articles", None);
            }
            for (i, item) in items.iter().enumerate() {
                let n = i + 1;
                let item_origin = format!("{origin}#{n}");
                match item {
                    Value::Object(map) => {
                        if let Some(a) = article_from(
                            map,
                            &item_origin,
                            &format!("{stem}#{n}"),
                            options,
                            &mut out,
                        ) {
                            out.articles.push(a);
                        }
                    }
                    other => out.error(
                        &item_origin,
                        format!(
                            "array element {n} is {}, expected an object",
                            type_name(other)
                        ),
                        None,
                    ),
                }
            }
        }
        other => out.error(
            origin,
            format!(
                "the JSON document is {}, expected an object or an array of objects",
                type_name(&other)
            ),
            None,
        ),
    }
    out
}

/// A JSON lines stream: one object per line; blank lines are skipped.
/// Reads line by line; a line longer than the article limit is skipped with
/// an Error without being held in memory.
pub(crate) fn parse_lines(
    mut reader: impl BufRead,
    origin: &str,
    stem: &str,
    options: &IngestOptions,
) -> Ingested {
    let mut out = Ingested::default();
    let limit = options.max_article_bytes;
    let mut buf = Vec::new();
    let mut offset = 0usize;
    let mut line_no = 0usize;
    let mut non_blank = 0usize;
    let mut errors = 0usize;
    let mut suppressed = 0usize;
    loop {
        let len = match read_line_bounded(&mut reader, &mut buf, limit.saturating_add(2)) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                out.error(
                    &format!("{origin}:{}", line_no + 1),
                    format!("cannot read: {e}"),
                    Some(offset),
                );
                break;
            }
        };
        line_no += 1;
        let start = offset;
        offset += len;
        let mut line: &[u8] = &buf;
        if let Some(l) = line.strip_suffix(b"\n") {
            line = l;
        }
        if let Some(l) = line.strip_suffix(b"\r") {
            line = l;
        }
        let truncated = len > buf.len();
        if !truncated && line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        non_blank += 1;
        let content_len = if truncated { len } else { line.len() };
        let mut line_out = parse_line(
            line,
            content_len,
            start,
            &format!("{origin}:{line_no}"),
            &format!("{stem}#{line_no}"),
            options,
        );
        // keep the first MAX_LINE_ERRORS errors of a file, count the rest
        if line_out.has_errors() {
            errors += 1;
            if errors > MAX_LINE_ERRORS {
                suppressed += 1;
                line_out.diagnostics.clear();
            }
        }
        out.append(line_out);
    }
    if suppressed > 0 {
        out.error(
            origin,
            format!("{suppressed} more lines with errors not reported (only the first {MAX_LINE_ERRORS} are)"),
            None,
        );
    }
    if non_blank == 0 && !out.has_errors() {
        out.error(origin, "empty input: no JSON lines", None);
    }
    out
}

/// One non-blank line of a JSON lines file.
fn parse_line(
    line: &[u8],
    content_len: usize,
    start: usize,
    origin: &str,
    default_id: &str,
    options: &IngestOptions,
) -> Ingested {
    let mut out = Ingested::default();
    let limit = options.max_article_bytes;
    if content_len > limit {
        out.error(
            origin,
            too_large(Some(content_len as u64), limit),
            Some(start),
        );
        return out;
    }
    let Some(text) = decode(line, origin, start, limit, &mut out) else {
        return out;
    };
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(map)) => {
            if let Some(a) = article_from(&map, origin, default_id, options, &mut out) {
                out.articles.push(a);
            }
        }
        Ok(other) => out.error(
            origin,
            format!("the line is {}, expected a JSON object", type_name(&other)),
            Some(start),
        ),
        Err(e) => out.error(
            origin,
            format!(
                "invalid JSON at column {}: {}",
                e.column(),
                strip_position(&e)
            ),
            Some(start + e.column().saturating_sub(1)),
        ),
    }
    out
}

/// The serde_json message without its " at line L column C" suffix.
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    Some((start + column.saturating_sub(1)).min(text.len()))
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The first key of `keys` present (not null) in `map`.
fn field<'a>(
    map: &'a Map<String, Value>,
    keys: &[&'static str],
) -> Option<(&'static str, &'a Value)> {
    keys.iter()
        .find_map(|&k| map.get(k).filter(|v| !v.is_null()).map(|v| (k, v)))
}

/// A string metadata field; a wrong type is a warning and the field is
/// ignored. Objects with a string `name` (schema.org publishers) are
/// accepted.
fn string_field(
    map: &Map<String, Value>,
    keys: &[&'static str],
    origin: &str,
    out: &mut Ingested,
) -> Option<String> {
    let (key, value) = field(map, keys)?;
    let s = match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        _ => None,
    };
    match s {
        Some(s) if !s.is_empty() => Some(s),
        Some(_) => None,
        None => {
            out.warning(
                origin,
                format!(
                    "field \"{key}\" is {}, expected a string; ignored",
                    type_name(value)
                ),
                None,
            );
            None
        }
    }
}

fn article_from(
    map: &Map<String, Value>,
    origin: &str,
    default_id: &str,
    options: &IngestOptions,
    out: &mut Ingested,
) -> Option<Article> {
    let text = match field(map, TEXT_KEYS) {
        Some((_, Value::String(s))) => s.clone(),
        Some((key, other)) => {
            out.error(
                origin,
                format!(
                    "field \"{key}\" is {}, expected a string; article skipped",
                    type_name(other)
                ),
                None,
            );
            return None;
        }
        None => {
            out.error(
                origin,
                format!(
                    "no article text: none of the fields {} is present; article skipped",
                    TEXT_KEYS.join(", ")
                ),
                None,
            );
            return None;
        }
    };
    if text.trim().is_empty() {
        out.error(
            origin,
            "empty input: the article text is empty; article skipped",
            None,
        );
        return None;
    }
    if text.len() > options.max_article_bytes {
        out.error(
            origin,
            too_large(Some(text.len() as u64), options.max_article_bytes),
            None,
        );
        return None;
    }
    let id = match field(map, ID_KEYS) {
        Some((_, Value::String(s))) if !s.trim().is_empty() => s.trim().to_string(),
        Some((_, Value::Number(n))) => n.to_string(),
        Some((key, other)) => {
            out.warning(
                origin,
                format!(
                    "field \"{key}\" is {}, expected a string or number; using id \"{default_id}\"",
                    type_name(other)
                ),
                None,
            );
            default_id.to_string()
        }
        None => default_id.to_string(),
    };
    let published = match field(map, DATE_KEYS) {
        Some((key, Value::String(s))) => {
            let d = parse_date(s);
            if d.is_none() {
                out.warning(
                    origin,
                    format!("field \"{key}\" = \"{s}\" is not a date I can read; ignored"),
                    None,
                );
            }
            d
        }
        Some((key, other)) => {
            out.warning(
                origin,
                format!(
                    "field \"{key}\" is {}, expected a date string; ignored",
                    type_name(other)
                ),
                None,
            );
            None
        }
        None => None,
    };
    Some(Article {
        id,
        source: string_field(map, SOURCE_KEYS, origin, out),
        title: string_field(map, TITLE_KEYS, origin, out),
        url: string_field(map, URL_KEYS, origin, out),
        language: string_field(map, LANGUAGE_KEYS, origin, out),
        published,
        text,
        origin: origin.to_string(),
    })
}
