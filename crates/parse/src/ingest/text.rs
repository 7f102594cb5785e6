//! Plain-text articles: an optional `Key: value` header block, else a
//! detected dateline, byline and title.
//!
//! The header block (keys Title, Source, Date (or Published), URL,
//! Language, Id, case-insensitive, every line of the first block a known key, ended by a
//! blank line) is removed from the text. Detected datelines, bylines and
//! titles stay in the text so that spans index the text as written.

use super::dates::{parse_date, parse_written, weekday_mismatch};
use super::{decode, IngestOptions, Ingested};
use crate::model::Article;

/// Longest line accepted as a title, in bytes.
const MAX_TITLE_BYTES: usize = 200;
/// Longest line accepted as a byline, in bytes.
const MAX_BYLINE_BYTES: usize = 120;

pub(crate) fn parse(bytes: &[u8], origin: &str, stem: &str, options: &IngestOptions) -> Ingested {
    let mut out = Ingested::default();
    let Some(text) = decode(bytes, origin, 0, options.max_article_bytes, &mut out) else {
        return out;
    };
    let mut article = Article {
        id: stem.to_string(),
        origin: origin.to_string(),
        ..Article::default()
    };
    let body_start = match parse_header(&text) {
        Some((fields, end)) => {
            apply_header(&mut article, &fields, origin, &mut out);
            end
        }
        None => {
            detect(&text, &mut article, origin, options, &mut out);
            0
        }
    };
    let body = &text[body_start..];
    if body.trim().is_empty() {
        out.error(origin, "empty input: header but no article text", None);
        return out;
    }
    article.text = body.to_string();
    out.articles.push(article);
    out
}

/// Lines of `text` with their byte offsets; the line excludes `\n`/`\r\n`.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    text.split_inclusive('\n').map(move |raw| {
        let start = pos;
        pos += raw.len();
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        let line = line.strip_suffix('\r').unwrap_or(line);
        (start, line)
    })
}

const HEADER_KEYS: [&str; 7] = [
    "title",
    "source",
    "date",
    "published",
    "url",
    "language",
    "id",
];

/// Parses the header block. Returns the fields and the byte offset where the
/// body starts (after the blank line(s) ending the block).
fn parse_header(text: &str) -> Option<(Vec<(String, String)>, usize)> {
    let mut fields = Vec::new();
    let mut lines = lines_with_offsets(text).peekable();
    loop {
        let (_, line) = lines.next()?;
        if line.trim().is_empty() {
            break;
        }
        let (key, value) = line.split_once(':')?;
        let key = key.trim().to_ascii_lowercase();
        if !HEADER_KEYS.contains(&key.as_str()) {
            return None;
        }
        fields.push((key, value.trim().to_string()));
    }
    if fields.is_empty() {
        return None;
    }
    // skip the blank lines after the block
    let mut end = text.len();
    for (start, line) in lines {
        if !line.trim().is_empty() {
            end = start;
            break;
        }
    }
    Some((fields, end))
}

fn apply_header(
    article: &mut Article,
    fields: &[(String, String)],
    origin: &str,
    out: &mut Ingested,
) {
    for (key, value) in fields {
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "title" => article.title = Some(value.clone()),
            "source" => article.source = Some(value.clone()),
            "url" => article.url = Some(value.clone()),
            "language" => article.language = Some(value.clone()),
            "id" => article.id = value.clone(),
            "date" | "published" => match parse_date(value) {
                Some(d) => article.published = Some(d),
                None => out.warning(
                    origin,
                    format!("header Date \"{value}\" is not a date I can read; ignored"),
                    None,
                ),
            },
            _ => {}
        }
    }
}

/// Detects a dateline (first non-blank line), a byline and a title in the
/// first lines of the text.
fn detect(
    text: &str,
    article: &mut Article,
    origin: &str,
    options: &IngestOptions,
    out: &mut Ingested,
) {
    let mut first = true;
    let mut seen = 0;
    for (start, line) in lines_with_offsets(text) {
        let at = Some(start + (line.len() - line.trim_start().len()));
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 4 {
            break;
        }
        if first {
            first = false;
            if let Some(w) = parse_written(line) {
                match w.date() {
                    Some(d) => {
                        article.published = Some(d);
                        if weekday_mismatch(&w) {
                            out.warning(
                                origin,
                                format!(
                                    "dateline \"{line}\": the weekday does not match {d}; using {d}"
                                ),
                                at,
                            );
                        }
                    }
                    None if w.year.is_none() => {
                        let what = match options.default_date {
                            Some(d) => format!("using the reference date {d}"),
                            None => {
                                "publication date left unset (no reference date given)".to_string()
                            }
                        };
                        out.warning(
                            origin,
                            format!("dateline \"{line}\" has no year; {what}"),
                            at,
                        );
                    }
                    None => out.warning(
                        origin,
                        format!("dateline \"{line}\" is not a valid date; ignored"),
                        at,
                    ),
                }
                continue;
            }
        }
        if article.source.is_none() {
            if let Some(source) = byline_source(line) {
                article.source = Some(source);
                continue;
            }
        }
        if article.title.is_none() && looks_like_title(line) {
            article.title = Some(line.to_string());
        }
        // the first line that is neither dateline nor byline decides the title
        if article.title.is_none() {
            break;
        }
    }
}

/// The outlet named by a byline: “by time news” → `time news`,
/// “By Jane Doe, Reuters” → `Reuters`, “By Jane Doe” → `Jane Doe`.
fn byline_source(line: &str) -> Option<String> {
    if line.len() > MAX_BYLINE_BYTES {
        return None;
    }
    let rest = line
        .get(..3)
        .filter(|p| p.eq_ignore_ascii_case("by "))
        .map(|_| &line[3..])?;
    let rest = rest.trim().trim_end_matches(['.', ',']);
    if rest.is_empty() || rest.ends_with(['.', '!', '?']) {
        return None;
    }
    let source = match rest.rsplit_once([',', '|', '—', '–']) {
        Some((_, outlet)) if !outlet.trim().is_empty() => outlet.trim(),
        _ => rest,
    };
    // a sentence starting with "By" is not a byline
    if source.split_whitespace().count() > 6 {
        return None;
    }
    Some(source.to_string())
}

fn looks_like_title(line: &str) -> bool {
    line.len() < MAX_TITLE_BYTES && !line.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(byline_source("by time news").as_deref(), Some("time news"));
        assert_eq!(
            byline_source("By Jane Doe, Reuters").as_deref(),
            Some("Reuters")
        );
        assert_eq!(byline_source("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline_source(
                "By the time the troops arrived, the town was empty and nobody was left."
            ),
            None
        );
        assert_eq!(byline_source("Bystanders"), None);
        assert_eq!(byline_source("by"), None);
    }

    /// A dateline without a year says what date the article takes, in
    /// words of the library (the reference date), not of the CLI.
    #[test]
    fn a_dateline_without_a_year_names_the_reference_date() {
        let text =
            b"Thursday, January 27\n\nThe mayor of Riverton opened the new bridge on Thursday.\n";
        let messages = |default_date| {
            let options = IngestOptions {
                default_date,
                ..IngestOptions::default()
            };
            crate::ingest::parse_bytes(
                text,
                "bridge.txt",
                crate::ingest::InputFormat::Text,
                &options,
            )
            .diagnostics
            .into_iter()
            .map(|d| d.message)
            .collect::<Vec<_>>()
        };
        assert_eq!(
            messages(chrono::NaiveDate::from_ymd_opt(2022, 1, 27)),
            ["dateline \"Thursday, January 27\" has no year; using the reference date 2022-01-27"]
        );
        assert_eq!(
            messages(None),
            ["dateline \"Thursday, January 27\" has no year; publication date left unset (no reference date given)"]
        );
    }

    #[test]
    fn header_needs_known_keys_and_blank_line() {
        assert!(parse_header("Title: A\nDate: 2022-01-27\n\nBody.").is_some());
        assert!(parse_header("Note: this is a body.\n\nMore.").is_none());
        assert!(parse_header("Title: A\n").is_none());
        let (_, end) = parse_header("TITLE: A\r\n\r\n\r\nBody").unwrap();
        assert_eq!(end, "TITLE: A\r\n\r\n\r\n".len());
    }

    #[test]
    fn published_is_the_date_key_too() {
        let got = parse(
            b"Published: 2026-03-04\nSource: Wire\n\nThe talks resumed on Friday.",
            "a.txt",
            "a",
            &IngestOptions::default(),
        );
        let a = &got.articles[0];
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2026, 3, 4));
        assert_eq!(a.text, "The talks resumed on Friday.");
    }
}
