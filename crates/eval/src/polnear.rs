//! Reads the PolNeAR corpus (`polnear-train/` in devdata): article texts,
//! their brat standoff attributions and the publication dates.
//!
//! Layout: `text/NAME.txt`, `attributions/NAME_ANNOTATOR.ann` (a few
//! articles have two annotators' files; the first by file name is used, so
//! the choice is deterministic) and `metadata.tsv` (a header row naming a
//! `filename` and a `publication_date` column). An `.ann` file holds text
//! bound annotations (`T12<TAB>Content 10 20;25 30<TAB>words`, offsets in
//! characters, `;` joining the pieces of a discontinuous span) and events
//! tying them together (`E3<TAB>Attribution:T4 Content:T3 Cue:T2
//! Source:T1`, or `Attribution-no-source:…` when the source is not in the
//! text). Spans here are converted to byte offsets into the text, trimmed of
//! white space.

use crosscheck_parse::{NaiveDate, Span};
use std::collections::BTreeMap;
use std::path::Path;

/// One annotated article.
#[derive(Clone, Debug)]
pub struct Doc {
    /// File stem, e.g. `breitbart_2015-11-16_o-malley-campaign-…`.
    pub name: String,
    /// The article text.
    pub text: String,
    /// Publication date from `metadata.tsv`.
    pub published: Option<NaiveDate>,
    /// Gold attributions, in the order of their content's first byte.
    pub attributions: Vec<Attribution>,
}

/// One gold attribution: who (source) said (cue) what (content).
#[derive(Clone, Debug, Default)]
pub struct Attribution {
    /// The content pieces, in text order (byte spans, trimmed).
    pub content: Vec<Span>,
    /// The source pieces; empty for `Attribution-no-source`.
    pub source: Vec<Span>,
    /// The cue pieces.
    pub cue: Vec<Span>,
}

impl Attribution {
    /// From the first content byte to the last.
    pub fn content_hull(&self) -> Span {
        hull(&self.content)
    }

    /// From the first source byte to the last, when there is a source.
    pub fn source_hull(&self) -> Option<Span> {
        (!self.source.is_empty()).then(|| hull(&self.source))
    }

    /// From the first cue byte to the last, when there is a cue.
    pub fn cue_hull(&self) -> Option<Span> {
        (!self.cue.is_empty()).then(|| hull(&self.cue))
    }
}

fn hull(spans: &[Span]) -> Span {
    let start = spans.iter().map(|s| s.start).min().unwrap_or(0);
    let end = spans.iter().map(|s| s.end).max().unwrap_or(0);
    Span::new(start, end)
}

/// Whether article `name` belongs to the held-out half of `polnear-train`.
///
/// Anything trained on PolNeAR (the learned parts of `crates/parse`) is
/// trained on the other half only, so that figures on this half measure
/// text the training never saw. The split is a fixed hash (FNV-1a, odd =
/// held out) of the name without its date (`OUTLET_DATE_SLUG` → `OUTLET`
/// and `SLUG`): stable, independent of file order, about half of each
/// outlet, and an article republished on another day under the same slug
/// (a live blog, an update) falls in the same half as its first version.
/// Near-copies under another slug can still straddle the halves (a review
/// found two pairs of such in PolNeAR).
///
/// ```
/// use crosscheck_eval::polnear::held_out;
/// let names = ["cnn_2016-01-01_a", "cnn_2016-01-02_b", "fox_2016-03-04_c", "npr_2016-05-06_d"];
/// let held = names.iter().filter(|n| held_out(n)).count();
/// assert!(held > 0 && held < names.len());
/// assert_eq!(held_out("cnn_2016-01-01_a"), held_out("cnn_2016-01-01_a"));
/// // the same slug on another day: the same half
/// assert_eq!(held_out("cnn_2016-01-01_the-latest"), held_out("cnn_2016-01-02_the-latest"));
/// ```
pub fn held_out(name: &str) -> bool {
    let mut parts = name.splitn(3, '_');
    let (outlet, _date, slug) = (parts.next(), parts.next(), parts.next());
    let key = match (outlet, slug) {
        (Some(o), Some(s)) => format!("{o}_{s}"),
        _ => name.to_string(),
    };
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h & 1 == 1
}

/// Loads every article of `dir` (the `polnear-train` folder) that has an
/// attribution file, sorted by name. Errors name the file at fault.
pub fn load(dir: &Path) -> Result<Vec<Doc>, String> {
    let dates = read_dates(&dir.join("metadata.tsv"))?;
    let ann_dir = dir.join("attributions");
    let mut ann_files: BTreeMap<String, String> = BTreeMap::new();
    for name in list(&ann_dir)? {
        let Some(stem) = name.strip_suffix(".ann") else {
            continue;
        };
        // NAME_ANNOTATOR: the annotator id follows the last underscore
        let Some((doc, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        // the files are listed in name order: keep the first per article
        ann_files.entry(doc.to_string()).or_insert(name);
    }
    let mut docs = Vec::new();
    for (name, ann) in ann_files {
        let text_path = dir.join("text").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .map_err(|e| format!("{}: {e}", text_path.display()))?;
        let ann_path = ann_dir.join(&ann);
        let ann_text = std::fs::read_to_string(&ann_path)
            .map_err(|e| format!("{}: {e}", ann_path.display()))?;
        let attributions = parse_ann(&ann_text, &text);
        docs.push(Doc {
            published: dates.get(&name).copied(),
            name,
            text,
            attributions,
        });
    }
    if docs.is_empty() {
        return Err(format!("no annotated article in {}", dir.display()));
    }
    Ok(docs)
}

fn list(dir: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    Ok(names)
}

/// `filename` → `publication_date` from the metadata table.
fn read_dates(path: &Path) -> Result<BTreeMap<String, NaiveDate>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = src.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or(format!("{}: no {name} column", path.display()))
    };
    let (file_col, date_col) = (col("filename")?, col("publication_date")?);
    let mut out = BTreeMap::new();
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let (Some(file), Some(date)) = (cells.get(file_col), cells.get(date_col)) else {
            continue;
        };
        if let Ok(d) = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d") {
            out.insert(file.trim().to_string(), d);
        }
    }
    Ok(out)
}

/// The attributions of one `.ann` file, with character offsets turned into
/// byte spans of `text`. Annotations that do not fit the text are dropped.
pub fn parse_ann(ann: &str, text: &str) -> Vec<Attribution> {
    // byte offset of every character, plus the end
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut spans: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    let mut events: Vec<&str> = Vec::new();
    for line in ann.lines() {
        let mut cells = line.split('\t');
        let (Some(id), Some(body)) = (cells.next(), cells.next()) else {
            continue;
        };
        if id.starts_with('E') {
            events.push(body);
        } else if id.starts_with('T') {
            let Some((_label, offsets)) = body.split_once(' ') else {
                continue;
            };
            let mut pieces = Vec::new();
            for piece in offsets.split(';') {
                let mut nums = piece.split_whitespace().map(|n| n.parse::<usize>());
                let (Some(Ok(a)), Some(Ok(b))) = (nums.next(), nums.next()) else {
                    continue;
                };
                let (Some(&s), Some(&e)) = (bytes.get(a), bytes.get(b)) else {
                    continue;
                };
                if let Some(span) = trim(text, Span::new(s, e)) {
                    pieces.push(span);
                }
            }
            pieces.sort();
            spans.insert(id, pieces);
        }
    }
    let mut out = Vec::new();
    for body in events {
        let mut a = Attribution::default();
        for arg in body.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else {
                continue;
            };
            let pieces = spans.get(id).cloned().unwrap_or_default();
            if role.starts_with("Content") {
                a.content.extend(pieces);
            } else if role.starts_with("Source") {
                a.source.extend(pieces);
            } else if role.starts_with("Cue") {
                a.cue.extend(pieces);
            }
        }
        a.content.sort();
        a.source.sort();
        a.cue.sort();
        if !a.content.is_empty() {
            out.push(a);
        }
    }
    out.sort_by_key(|a| (a.content_hull().start, a.content_hull().end));
    out
}

/// `span` without white space at either end; `None` when nothing is left.
fn trim(text: &str, span: Span) -> Option<Span> {
    let s = text.get(span.start..span.end)?;
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    (start < end).then_some(Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets_become_trimmed_byte_spans() {
        // invented text; "’" is three bytes, so character and byte offsets
        // part after it
        let text = "O’Neill’s aide says the plan “will hold.”";
        let ann = "T1\tSource 0 14\tO’Neill’s aide\n\
                   T2\tCue 15 19\tsays\n\
                   T3\tContent 19 29;29 41\t the plan “will hold.”\n\
                   E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1 \n\
                   T4\tContent 30 34\twill\n\
                   E2\tAttribution-no-source:T4 Content:T4\n";
        let a = parse_ann(ann, text);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].source[0].slice(text), "O’Neill’s aide");
        assert_eq!(a[0].cue_hull().unwrap().slice(text), "says");
        let pieces: Vec<&str> = a[0].content.iter().map(|s| s.slice(text)).collect();
        assert_eq!(pieces, ["the plan", "“will hold.”"]);
        assert_eq!(a[0].content_hull().slice(text), "the plan “will hold.”");
        assert!(a[1].source.is_empty());
        assert_eq!(a[1].content_hull().slice(text), "will");
    }
}
