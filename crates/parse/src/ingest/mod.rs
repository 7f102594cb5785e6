//! Reading inputs (plain text, JSON/JSON lines, HTML) into [`Article`]s.
//!
//! Ingest **never fails and never panics**: every input yields articles
//! and/or [`Diagnostic`]s that name the file (and the line, for JSON lines)
//! and say what is wrong. One bad input never drops the other articles.
//!
//! # Inputs
//!
//! - files: the format comes from [`IngestOptions::format`] when set, else
//!   from the extension (`.txt`/`.text`, `.json`, `.jsonl`/`.ndjson`,
//!   `.html`/`.htm`), else it is sniffed from the first bytes;
//! - directories: walked recursively in path order (entries sorted by file
//!   name at every level); only files with a known extension are read and
//!   hidden entries (names starting with `.`) are skipped. Every skipped
//!   entry (unknown extension, hidden, not a regular file such as a FIFO)
//!   is counted and named in one Warning per directory. Symbolic links are
//!   followed; a link loop is reported as an error, not followed forever;
//! - a file reached twice (named twice, by name and through its directory,
//!   or through a symbolic link) is read once, with a Warning;
//! - `-`: standard input, origin `<stdin>`, id `stdin`. The format is
//!   [`IngestOptions::format`] or sniffed: `[` → JSON, `{` → JSON when the
//!   first line is not a whole JSON value or is the only one, else JSON
//!   lines (streamed line by line, each line under the limit), `<` → HTML,
//!   anything else → text. Text and HTML are refused as soon as they pass
//!   [`IngestOptions::max_article_bytes`], without reading the rest.
//!
//! # Bad bytes
//!
//! - invalid UTF-8 is decoded lossily (U+FFFD) with a Warning giving the byte
//!   offset of the first invalid sequence;
//! - input that looks binary (a NUL byte, a UTF-16 byte order mark, more
//!   than 5% control characters or more than 10% undecodable bytes) is an
//!   Error "binary data" and is not read;
//! - empty or whitespace-only input is an Error "empty input";
//! - input larger than [`IngestOptions::max_article_bytes`] is an Error
//!   naming the size and the limit. For JSON lines the limit is per line; for
//!   a JSON array it is per article text, and the whole document may be at
//!   most [`JSON_DOCUMENT_FACTOR`] times the limit.
//! - HTML nested more than 1000 elements deep is an Error (tree building
//!   would take minutes);
//! - without the `html` feature (on by default), an HTML input is an Error
//!   saying so; other inputs are read the same;
//! - a UTF-8 byte order mark is removed.
//!
//! # Dates
//!
//! An article's own date (header, dateline, JSON field, HTML metadata) always
//! wins; [`IngestOptions::default_date`] (`--date`) is only the fallback for
//! articles without one. Date-times keep the calendar date as written (no
//! time-zone conversion).
//!
//! # Ids
//!
//! The given id, else the file stem (plus `#N` for the N-th line of a JSON
//! lines file or the N-th element of a JSON array). Duplicate ids are made
//! unique with a `-2`, `-3`, … suffix and a Warning. Which article keeps
//! the plain id does not depend on the order of the inputs: the articles
//! sharing an id are ranked by content (text, then title, URL, source,
//! date and origin), and the first keeps it.

use crate::model::{Article, Diagnostic, DiagnosticLevel};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

mod dates;
#[cfg(feature = "html")]
mod html;
mod json;
mod text;

pub use dates::parse_date;

/// The Error an HTML input gets when the crate is built without its `html`
/// feature.
#[cfg(not(feature = "html"))]
const HTML_DISABLED: &str =
    "HTML input is not supported: crosscheck-parse was built without its `html` feature";

/// A `.json` document may be at most this many times
/// [`IngestOptions::max_article_bytes`], since it can hold many articles.
pub const JSON_DOCUMENT_FACTOR: usize = 64;

/// The format of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain text with an optional header block.
    Text,
    /// One JSON object (or an array of objects).
    Json,
    /// One JSON object per line.
    JsonLines,
    /// An HTML page.
    Html,
}

impl InputFormat {
    /// The format a file extension stands for (case-insensitive), or `None`
    /// for an unknown extension.
    pub fn from_extension(ext: &str) -> Option<InputFormat> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(InputFormat::Text),
            "json" => Some(InputFormat::Json),
            "jsonl" | "ndjson" => Some(InputFormat::JsonLines),
            "html" | "htm" => Some(InputFormat::Html),
            _ => None,
        }
    }

    /// The format of a path, from its extension.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(InputFormat::from_extension)
    }

    /// Guesses the format from the first bytes: `[` → JSON, `{` → JSON
    /// when the bytes are one JSON document, else JSON lines, `<` → HTML,
    /// anything else → text.
    pub fn sniff(bytes: &[u8]) -> InputFormat {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'[') => InputFormat::Json,
            Some(b'{') => {
                if serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok() {
                    InputFormat::Json
                } else {
                    InputFormat::JsonLines
                }
            }
            Some(b'<') => InputFormat::Html,
            _ => InputFormat::Text,
        }
    }
}

/// Options for reading inputs.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Force a format instead of guessing it from the extension.
    pub format: Option<InputFormat>,
    /// Reference date for articles that carry none. An article's own date
    /// always wins over this one.
    pub default_date: Option<NaiveDate>,
    /// Largest article (or file, for single-article formats) accepted, in bytes.
    pub max_article_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            format: None,
            default_date: None,
            max_article_bytes: 10 * 1024 * 1024,
        }
    }
}

/// The articles read from a set of inputs, and what went wrong.
#[derive(Clone, Debug, Default)]
pub struct Ingested {
    /// Articles in input order (paths sorted within directories).
    pub articles: Vec<Article>,
    /// Warnings and errors, each naming its file.
    pub diagnostics: Vec<Diagnostic>,
}

impl Ingested {
    /// True when any diagnostic is an error (some input, or part of one,
    /// could not be read).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == DiagnosticLevel::Error)
    }

    /// The diagnostics whose origin is exactly `origin` (an article's
    /// [`Article::origin`]).
    pub fn diagnostics_for<'a>(&'a self, origin: &'a str) -> impl Iterator<Item = &'a Diagnostic> {
        self.diagnostics.iter().filter(move |d| d.origin == origin)
    }

    fn append(&mut self, other: Ingested) {
        self.articles.extend(other.articles);
        self.diagnostics.extend(other.diagnostics);
    }

    fn error(&mut self, origin: &str, message: impl Into<String>, offset: Option<usize>) {
        self.diagnostics
            .push(diag(origin, DiagnosticLevel::Error, message, offset));
    }

    fn warning(&mut self, origin: &str, message: impl Into<String>, offset: Option<usize>) {
        self.diagnostics
            .push(diag(origin, DiagnosticLevel::Warning, message, offset));
    }

    /// Final pass shared by every entry point: fallback dates and unique ids.
    fn finish(mut self, options: &IngestOptions) -> Ingested {
        for a in &mut self.articles {
            if a.published.is_none() {
                a.published = options.default_date;
            }
        }
        self.rename_duplicate_ids();
        self
    }

    /// Makes ids unique, independently of input order: the articles that
    /// share an id are ranked by content ([`content_key`]); the first keeps
    /// the id, the others get the first free `-2`, `-3`, … suffix (free of
    /// every id given), groups taken in id order.
    fn rename_duplicate_ids(&mut self) {
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, a) in self.articles.iter().enumerate() {
            groups.entry(a.id.clone()).or_default().push(i);
        }
        let mut taken: BTreeSet<String> = groups.keys().cloned().collect();
        let mut warnings = Vec::new();
        for (id, mut members) in groups {
            if members.len() < 2 {
                continue;
            }
            members.sort_by(|&x, &y| {
                content_key(&self.articles[x]).cmp(&content_key(&self.articles[y]))
            });
            for &i in &members[1..] {
                let new_id = (2..)
                    .map(|n| format!("{id}-{n}"))
                    .find(|c| !taken.contains(c))
                    .expect("an unused suffix");
                taken.insert(new_id.clone());
                let a = &mut self.articles[i];
                warnings.push(diag(
                    &a.origin,
                    DiagnosticLevel::Warning,
                    format!("duplicate id \"{id}\" renamed to \"{new_id}\""),
                    None,
                ));
                a.id = new_id;
            }
        }
        self.diagnostics.extend(warnings);
    }
}

/// What ranks articles sharing an id: their content, then where they came
/// from; never their position among the inputs.
#[allow(clippy::type_complexity)]
fn content_key(
    a: &Article,
) -> (
    &str,
    Option<&str>,
    Option<&str>,
    Option<&str>,
    Option<NaiveDate>,
    &str,
) {
    (
        a.text.as_str(),
        a.title.as_deref(),
        a.url.as_deref(),
        a.source.as_deref(),
        a.published,
        a.origin.as_str(),
    )
}

pub(crate) fn diag(
    origin: &str,
    severity: DiagnosticLevel,
    message: impl Into<String>,
    offset: Option<usize>,
) -> Diagnostic {
    Diagnostic {
        origin: origin.to_string(),
        severity,
        message: message.into(),
        offset,
    }
}

/// Reads files, directories (recursively, sorted) and `-` (stdin).
///
/// Never fails: problems are reported in [`Ingested::diagnostics`].
pub fn read_inputs(inputs: &[PathBuf], options: &IngestOptions) -> Ingested {
    let mut out = Ingested::default();
    let mut seen = Seen::default();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.append(read_stdin(options));
        } else {
            out.append(read_path(input, options, &mut seen));
        }
    }
    out.finish(options)
}

/// The files read so far, by canonical path, with the origin they were
/// first read under: a file reached twice is read once.
#[derive(Default)]
struct Seen(BTreeMap<PathBuf, String>);

impl Seen {
    /// True when `path` is read for the first time (or cannot be resolved,
    /// so reading it reports the problem); otherwise pushes a Warning.
    fn first_time(&mut self, path: &Path, origin: &str, out: &mut Ingested) -> bool {
        let Ok(canonical) = std::fs::canonicalize(path) else {
            return true;
        };
        match self.0.get(&canonical) {
            Some(first) => {
                out.warning(origin, format!("already read as {first}; read once"), None);
                false
            }
            None => {
                self.0.insert(canonical, origin.to_string());
                true
            }
        }
    }
}

/// Parses one input already in memory. `origin` names it in diagnostics and
/// in [`Article::origin`]; ids default to the file stem of `origin`.
///
/// Never fails and never panics: problems are reported in
/// [`Ingested::diagnostics`].
pub fn parse_bytes(
    bytes: &[u8],
    origin: &str,
    format: InputFormat,
    options: &IngestOptions,
) -> Ingested {
    parse_bytes_inner(bytes, origin, &stem_of(origin), format, options).finish(options)
}

fn stem_of(origin: &str) -> String {
    Path::new(origin)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "article".to_string())
}

fn parse_bytes_inner(
    bytes: &[u8],
    origin: &str,
    stem: &str,
    format: InputFormat,
    options: &IngestOptions,
) -> Ingested {
    guarded(origin, || match format {
        InputFormat::Text => text::parse(bytes, origin, stem, options),
        #[cfg(feature = "html")]
        InputFormat::Html => html::parse(bytes, origin, stem, options),
        #[cfg(not(feature = "html"))]
        InputFormat::Html => {
            let _ = (stem, options);
            let mut out = Ingested::default();
            out.error(origin, HTML_DISABLED, None);
            out
        }
        InputFormat::Json => json::parse_document(bytes, origin, stem, options),
        InputFormat::JsonLines => json::parse_lines(io::Cursor::new(bytes), origin, stem, options),
    })
}

/// Runs a parser, turning a panic (in our code or a third-party parser)
/// into an Error diagnostic instead of taking the whole run down.
fn guarded(origin: &str, f: impl FnOnce() -> Ingested) -> Ingested {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(x) => x,
        Err(_) => {
            let mut out = Ingested::default();
            out.error(origin, "internal error while parsing this input", None);
            out
        }
    }
}

fn read_stdin(options: &IngestOptions) -> Ingested {
    read_stream(io::stdin().lock(), "<stdin>", "stdin", options)
}

/// Reads one stream (standard input) without holding more than the limit
/// in memory: the format is [`IngestOptions::format`] or sniffed from the
/// first bytes and line; JSON lines are parsed line by line as they come;
/// text and HTML stop at [`IngestOptions::max_article_bytes`], a JSON
/// document at [`JSON_DOCUMENT_FACTOR`] times that.
fn read_stream(
    mut reader: impl BufRead,
    origin: &str,
    stem: &str,
    options: &IngestOptions,
) -> Ingested {
    let mut out = Ingested::default();
    let limit = options.max_article_bytes;
    let (format, head) = match options.format {
        Some(f) => (f, Vec::new()),
        None => match sniff_stream(&mut reader, limit) {
            Ok(x) => x,
            Err(e) => {
                out.error(origin, format!("cannot read: {e}"), None);
                return out;
            }
        },
    };
    let mut reader = io::Cursor::new(head).chain(reader);
    let cap = match format {
        InputFormat::JsonLines => {
            return guarded(origin, || json::parse_lines(reader, origin, stem, options));
        }
        InputFormat::Json => limit.saturating_mul(JSON_DOCUMENT_FACTOR),
        InputFormat::Text | InputFormat::Html => limit,
    };
    let bytes = match read_bounded(&mut reader, cap) {
        Ok(b) => b,
        Err(e) => {
            out.error(origin, format!("cannot read: {e}"), None);
            return out;
        }
    };
    if bytes.len() > cap {
        let message = if format == InputFormat::Json {
            format!(
                "input too large: more than {cap} bytes, the limit for a JSON document is \
                 {cap} bytes ({JSON_DOCUMENT_FACTOR} × max_article_bytes)"
            )
        } else {
            too_large(None, cap)
        };
        out.error(origin, message, None);
        return out;
    }
    parse_bytes_inner(&bytes, origin, stem, format, options)
}

/// Reads just enough of a stream to tell its format (see [`read_stream`]):
/// the leading whitespace and, for `{`, the first line and the whitespace
/// after it. Returns the format and the bytes read, which come first when
/// the stream is read on. Reads at most about `limit` bytes.
fn sniff_stream(reader: &mut impl BufRead, limit: usize) -> io::Result<(InputFormat, Vec<u8>)> {
    let mut head = Vec::new();
    let first = skip_whitespace(reader, &mut head, limit)?;
    let format = match first {
        Some(b'[') => InputFormat::Json,
        Some(b'<') => InputFormat::Html,
        Some(b'{') => {
            let mut line = Vec::new();
            let len = read_line_bounded(reader, &mut line, limit.saturating_add(2))?;
            let whole = len == line.len();
            head.extend_from_slice(&line);
            let one_value = whole && serde_json::from_slice::<serde::de::IgnoredAny>(&line).is_ok();
            if !whole {
                // a first line over the limit: JSON lines reports it as such
                return Ok((InputFormat::JsonLines, head));
            }
            if !one_value {
                InputFormat::Json
            } else if skip_whitespace(reader, &mut head, limit)?.is_none() {
                // one object and nothing else: the document, id `stdin`
                InputFormat::Json
            } else {
                InputFormat::JsonLines
            }
        }
        _ => InputFormat::Text,
    };
    Ok((format, head))
}

/// Moves leading ASCII whitespace from `reader` into `head` (at most
/// `limit` bytes) and returns the next byte without consuming it, or `None`
/// at the end of the stream or the limit.
fn skip_whitespace(
    reader: &mut impl BufRead,
    head: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<u8>> {
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(None);
        }
        match available.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(n) => {
                let next = available[n];
                head.extend_from_slice(&available[..n]);
                reader.consume(n);
                return Ok(Some(next));
            }
            None => {
                let n = available.len();
                head.extend_from_slice(available);
                reader.consume(n);
                if head.len() > limit {
                    return Ok(None);
                }
            }
        }
    }
}

/// Reads at most `cap + 1` bytes, so the caller can tell "over the limit"
/// without holding an unbounded input in memory.
fn read_bounded(reader: &mut impl Read, cap: usize) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    reader
        .take(cap.saturating_add(1) as u64)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

pub(crate) fn too_large(size: Option<u64>, limit: usize) -> String {
    match size {
        Some(size) => format!(
            "input too large: {size} bytes, the limit is {limit} bytes (max_article_bytes)"
        ),
        None => format!(
            "input too large: more than {limit} bytes, the limit is {limit} bytes (max_article_bytes)"
        ),
    }
}

fn read_path(path: &Path, options: &IngestOptions, seen: &mut Seen) -> Ingested {
    let origin = path.display().to_string();
    let mut out = Ingested::default();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            out.error(&origin, format!("cannot read: {}", io_message(&e)), None);
            return out;
        }
    };
    if meta.is_dir() {
        return read_dir(path, options, seen);
    }
    if !meta.is_file() {
        out.error(&origin, "not a regular file or directory", None);
        return out;
    }
    if !seen.first_time(path, &origin, &mut out) {
        return out;
    }
    let format = options.format.or_else(|| InputFormat::from_path(path));
    read_file(path, &origin, meta.len(), format, options)
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Most skipped entries a directory's Warning names; the rest are counted.
const SKIPPED_NAMED: usize = 20;

fn read_dir(dir: &Path, options: &IngestOptions, seen: &mut Seen) -> Ingested {
    let mut out = Ingested::default();
    // (path, why) of every entry not read, hidden ones in their own list
    // (the walker's filter holds it while the loop fills the other)
    let mut hidden: Vec<(PathBuf, &str)> = Vec::new();
    let mut skipped: Vec<(PathBuf, &str)> = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let visible = e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.');
            if !visible {
                hidden.push((e.path().to_path_buf(), "hidden"));
            }
            visible
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let origin = e.path().unwrap_or(dir).display().to_string();
                let message = if let Some(ancestor) = e.loop_ancestor() {
                    format!(
                        "symbolic link loop (points back to {}), not followed",
                        ancestor.display()
                    )
                } else if let Some(io) = e.io_error() {
                    format!("cannot read: {}", io_message(io))
                } else {
                    format!("cannot read: {e}")
                };
                out.error(&origin, message, None);
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        if !entry.file_type().is_file() {
            skipped.push((entry.path().to_path_buf(), "not a regular file"));
            continue;
        }
        let path = entry.path();
        let Some(ext_format) = InputFormat::from_path(path) else {
            skipped.push((path.to_path_buf(), "unknown extension"));
            continue;
        };
        let origin = path.display().to_string();
        if !seen.first_time(path, &origin, &mut out) {
            continue;
        }
        let size = match entry.metadata() {
            Ok(m) => m.len(),
            Err(e) => {
                out.error(&origin, format!("cannot read: {e}"), None);
                continue;
            }
        };
        let format = options.format.unwrap_or(ext_format);
        out.append(read_file(path, &origin, size, Some(format), options));
    }
    skipped.append(&mut hidden);
    if !skipped.is_empty() {
        skipped.sort();
        let named: Vec<String> = skipped
            .iter()
            .take(SKIPPED_NAMED)
            .map(|(p, why)| {
                let name = p.strip_prefix(dir).unwrap_or(p);
                format!("{} ({why})", name.display())
            })
            .collect();
        let more = skipped.len().saturating_sub(SKIPPED_NAMED);
        out.warning(
            &dir.display().to_string(),
            format!(
                "skipped {} entr{}: {}{}",
                skipped.len(),
                if skipped.len() == 1 { "y" } else { "ies" },
                named.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ),
            None,
        );
    }
    out
}

fn read_file(
    path: &Path,
    origin: &str,
    size: u64,
    format: Option<InputFormat>,
    options: &IngestOptions,
) -> Ingested {
    let mut out = Ingested::default();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string());
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            out.error(origin, format!("cannot read: {}", io_message(&e)), None);
            return out;
        }
    };
    if format == Some(InputFormat::JsonLines) {
        return guarded(origin, || {
            json::parse_lines(BufReader::new(file), origin, &stem, options)
        });
    }
    let cap = match format {
        Some(InputFormat::Json) | None => options
            .max_article_bytes
            .saturating_mul(JSON_DOCUMENT_FACTOR),
        _ => options.max_article_bytes,
    };
    if size > cap as u64 {
        out.error(origin, too_large(Some(size), cap), None);
        return out;
    }
    let bytes = match read_bounded(&mut BufReader::new(file), cap) {
        Ok(b) => b,
        Err(e) => {
            out.error(origin, format!("cannot read: {}", io_message(&e)), None);
            return out;
        }
    };
    if bytes.len() > cap {
        // the file grew since we looked at its size
        out.error(origin, too_large(None, cap), None);
        return out;
    }
    let format = match format {
        Some(f) => f,
        None => {
            let f = InputFormat::sniff(&bytes);
            if f != InputFormat::Json && bytes.len() > options.max_article_bytes {
                out.error(
                    origin,
                    too_large(Some(bytes.len() as u64), options.max_article_bytes),
                    None,
                );
                return out;
            }
            f
        }
    };
    parse_bytes_inner(&bytes, origin, &stem, format, options)
}

/// Checks raw bytes of one article-sized input and decodes them.
///
/// Returns `None` (with an Error pushed) for empty, binary or over-size
/// input; otherwise the text, decoded lossily with a Warning when it is not
/// valid UTF-8. `base` is the offset of `bytes` in the whole input (for
/// JSON lines). A UTF-8 byte order mark is removed.
pub(crate) fn decode(
    bytes: &[u8],
    origin: &str,
    base: usize,
    limit: usize,
    out: &mut Ingested,
) -> Option<String> {
    if bytes.len() > limit {
        out.error(
            origin,
            too_large(Some(bytes.len() as u64), limit),
            Some(base),
        );
        return None;
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        out.error(
            origin,
            "binary data: looks like UTF-16 (byte order mark); only UTF-8 is supported",
            Some(base),
        );
        return None;
    }
    let (bytes, base) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, base + 3),
        None => (bytes, base),
    };
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        out.error(
            origin,
            format!("binary data: NUL byte at offset {}", base + pos),
            Some(base + pos),
        );
        return None;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    if !sample.is_empty() && controls * 20 > sample.len() {
        out.error(
            origin,
            format!(
                "binary data: {controls} control characters in the first {} bytes",
                sample.len()
            ),
            Some(base),
        );
        return None;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let bad = lossy.chars().filter(|&c| c == '\u{FFFD}').count();
            let total = lossy.chars().count().max(1);
            if bad * 10 > total {
                out.error(
                    origin,
                    format!(
                        "binary data: {bad} of {total} characters are not valid UTF-8 (first at byte offset {})",
                        base + e.valid_up_to()
                    ),
                    Some(base + e.valid_up_to()),
                );
                return None;
            }
            out.warning(
                origin,
                format!(
                    "invalid UTF-8 at byte offset {}; decoded with replacement characters (U+FFFD)",
                    base + e.valid_up_to()
                ),
                Some(base + e.valid_up_to()),
            );
            lossy
        }
    };
    if text.trim().is_empty() {
        out.error(origin, "empty input: no text", Some(base));
        return None;
    }
    Some(text)
}

/// Reads one line (up to and including `\n`) into `buf`, keeping at most
/// `cap` bytes of it; returns the full length of the line (0 at end of
/// input). Longer lines are consumed but not stored.
pub(crate) fn read_line_bounded(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<usize> {
    buf.clear();
    let mut total = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(total);
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let room = cap.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let n = chunk.len();
        total += n;
        reader.consume(n);
        if done {
            return Ok(total);
        }
    }
}

#[cfg(all(test, not(feature = "html")))]
mod without_html {
    use super::*;

    #[test]
    fn html_is_an_error_naming_the_feature_and_text_still_reads() {
        let options = IngestOptions::default();
        let page = b"<html><body><p>The minister resigned on Monday.</p></body></html>";
        let out = parse_bytes(page, "page.html", InputFormat::Html, &options);
        assert!(out.articles.is_empty());
        assert_eq!(out.diagnostics.len(), 1);
        assert_eq!(out.diagnostics[0].severity, DiagnosticLevel::Error);
        assert!(out.diagnostics[0].message.contains("`html` feature"));
        let text = b"The minister resigned on Monday.";
        let out = parse_bytes(text, "note.txt", InputFormat::Text, &options);
        assert_eq!(out.articles.len(), 1);
        assert!(out.diagnostics.is_empty());
    }
}
