//! Reads TimeML documents (`tbaq/` in devdata): the text of the `<TEXT>`
//! element with every tag stripped and entities decoded, the gold `TIMEX3`
//! expressions in it as byte spans of that text, and the document creation
//! time (`<DCT>`).

use crosscheck_parse::{NaiveDate, Span};
use std::path::Path;

/// One TimeML document.
#[derive(Clone, Debug)]
pub struct Doc {
    /// Path relative to the corpus folder, e.g. `AQUAINT/NYT19981120.0362.tml`.
    pub name: String,
    /// The `<TEXT>` element without its tags.
    pub text: String,
    /// The day of the document creation time.
    pub dct: Option<NaiveDate>,
    /// Gold expressions in text order.
    pub timexes: Vec<Timex>,
}

/// One gold `TIMEX3`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Byte span in [`Doc::text`].
    pub span: Span,
    /// `DATE`, `TIME`, `DURATION` or `SET` (as written).
    pub kind: String,
    /// The normalised `value` attribute (as written).
    pub value: String,
}

/// Loads every `*.tml` file under `dir` (one level of sub-folders), sorted
/// by path. Errors name the file at fault.
pub fn load(dir: &Path) -> Result<Vec<Doc>, String> {
    let mut paths = Vec::new();
    let read = |d: &Path| -> Result<Vec<std::path::PathBuf>, String> {
        Ok(std::fs::read_dir(d)
            .map_err(|e| format!("{}: {e}", d.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect())
    };
    for p in read(dir)? {
        if p.is_dir() {
            paths.extend(read(&p)?);
        } else {
            paths.push(p);
        }
    }
    paths.retain(|p| p.extension().is_some_and(|x| x == "tml"));
    paths.sort();
    let mut docs = Vec::new();
    for p in paths {
        let src = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let name = p
            .strip_prefix(dir)
            .unwrap_or(&p)
            .to_string_lossy()
            .into_owned();
        docs.push(parse(&name, &src).map_err(|e| format!("{}: {e}", p.display()))?);
    }
    if docs.is_empty() {
        return Err(format!("no .tml file in {}", dir.display()));
    }
    Ok(docs)
}

/// Parses one TimeML document.
///
/// ```
/// let doc = crosscheck_eval::timeml::parse(
///     "x.tml",
///     "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2003-05-02\">May 2</TIMEX3></DCT>\
///      <TEXT>Talks end <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2003-05-03\">tomorrow</TIMEX3> \
///      &amp; resume.</TEXT>",
/// )
/// .unwrap();
/// assert_eq!(doc.text, "Talks end tomorrow & resume.");
/// assert_eq!(doc.timexes[0].span.slice(&doc.text), "tomorrow");
/// assert_eq!(doc.timexes[0].value, "2003-05-03");
/// assert_eq!(doc.dct.unwrap().to_string(), "2003-05-02");
/// ```
pub fn parse(name: &str, src: &str) -> Result<Doc, String> {
    let dct = element(src, "DCT")
        .and_then(|d| {
            let open = d.find("<TIMEX3")?;
            let end = d[open..].find('>')? + open;
            attr(&d[open..end], "value")
        })
        .and_then(|v| NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok());
    let body = element(src, "TEXT").ok_or("no <TEXT> element")?;
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').ok_or("unclosed tag")?;
            let tag = &after[..end];
            rest = &after[end + 1..];
            if tag.starts_with("TIMEX3") && !tag.ends_with('/') {
                let kind = attr(tag, "type").unwrap_or_default().to_string();
                let value = attr(tag, "value").unwrap_or_default().to_string();
                open = Some((text.len(), kind, value));
            } else if tag == "/TIMEX3" {
                if let Some((start, kind, value)) = open.take() {
                    timexes.push(Timex {
                        span: Span::new(start, text.len()),
                        kind,
                        value,
                    });
                }
            }
        } else if let Some(after) = rest.strip_prefix('&') {
            match after.find(';').filter(|&i| i <= 8) {
                Some(i) => {
                    match &after[..i] {
                        "amp" => text.push('&'),
                        "lt" => text.push('<'),
                        "gt" => text.push('>'),
                        "quot" => text.push('"'),
                        "apos" => text.push('\''),
                        other => text.push_str(&format!("&{other};")),
                    }
                    rest = &after[i + 1..];
                }
                None => {
                    text.push('&');
                    rest = after;
                }
            }
        } else {
            let stop = rest.find(['<', '&']).unwrap_or(rest.len());
            text.push_str(&rest[..stop]);
            rest = &rest[stop..];
        }
    }
    Ok(Doc {
        name: name.to_string(),
        text,
        dct,
        timexes,
    })
}

/// The content of the first `<NAME>…</NAME>` element.
fn element<'a>(src: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = src.find(&open)? + open.len();
    let end = src[start..].find(&close)? + start;
    Some(&src[start..end])
}

/// The value of `name="…"` in a tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}
