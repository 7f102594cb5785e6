//! Reads the PolNeAR training split (`polnear-train/`): article texts,
//! publication dates from `metadata.tsv`, and the gold attributions of the
//! brat `.ann` files with their character offsets turned into byte spans.

use crosscheck_parse::{NaiveDate, Span};
use std::collections::BTreeMap;
use std::path::Path;

/// One gold attribution: who (source), the cue, and what was said
/// (content). A span list because brat allows discontinuous spans.
#[derive(Clone, Debug, Default)]
pub struct GoldAttribution {
    /// Source spans (the speaker mention); empty when none was annotated.
    pub source: Vec<Span>,
    /// Content spans (the words attributed).
    pub content: Vec<Span>,
}

/// One PolNeAR article.
#[derive(Clone, Debug)]
pub struct PolnearDoc {
    /// The file stem, e.g. `breitbart_2015-11-16_o-malley-campaign-…`.
    pub id: String,
    /// The whole text file (its first line is the headline).
    pub text: String,
    /// Publication date from `metadata.tsv`.
    pub published: Option<NaiveDate>,
    /// Gold attributions of the first annotator's file (file name order).
    pub attributions: Vec<GoldAttribution>,
}

/// Loads every article of `dir` (the `polnear-train` folder), in file name
/// order.
pub fn load(dir: &Path) -> Result<Vec<PolnearDoc>, String> {
    let meta = std::fs::read_to_string(dir.join("metadata.tsv"))
        .map_err(|e| format!("{}/metadata.tsv: {e}", dir.display()))?;
    let mut published: BTreeMap<String, NaiveDate> = BTreeMap::new();
    let mut lines = meta.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(fcol), Some(dcol)) = (col("filename"), col("publication_date")) else {
        return Err("metadata.tsv: no filename or publication_date column".into());
    };
    for l in lines {
        let f: Vec<&str> = l.split('\t').collect();
        if let (Some(name), Some(date)) = (f.get(fcol), f.get(dcol)) {
            if let Ok(d) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
                published.insert(name.to_string(), d);
            }
        }
    }
    // First annotator file per article.
    let mut ann: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
    let ann_dir = dir.join("attributions");
    let mut ann_files: Vec<_> = std::fs::read_dir(&ann_dir)
        .map_err(|e| format!("{}: {e}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    ann_files.sort();
    for p in ann_files {
        let Some(stem) = p.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        // `NAME_abcd`: the annotator suffix follows the last underscore.
        if let Some((name, _)) = stem.rsplit_once('_') {
            ann.entry(name.to_string()).or_insert(p.clone());
        }
    }
    let text_dir = dir.join("text");
    let mut files: Vec<_> = std::fs::read_dir(&text_dir)
        .map_err(|e| format!("{}: {e}", text_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut docs = Vec::with_capacity(files.len());
    for p in files {
        let id = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let attributions = match ann.get(&id) {
            Some(a) => {
                let t = std::fs::read_to_string(a).map_err(|e| format!("{}: {e}", a.display()))?;
                parse_ann(&t, &text)
            }
            None => Vec::new(),
        };
        docs.push(PolnearDoc {
            published: published.get(&id).copied(),
            id,
            text,
            attributions,
        });
    }
    Ok(docs)
}

/// Byte offset of every char offset `0..=chars` of `text`.
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Parses brat standoff: `T` lines (`T3<TAB>Content 120 211;230 240<TAB>text`)
/// and `E` lines (`E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`).
/// Lines of other shapes (notes, continuation lines of multi-line text) are
/// skipped; spans outside the text are dropped.
pub fn parse_ann(ann: &str, text: &str) -> Vec<GoldAttribution> {
    let offsets = byte_offsets(text);
    let mut spans: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in ann.lines() {
        let mut f = line.split('\t');
        let (Some(id), Some(body)) = (f.next(), f.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((_, ranges)) = body.split_once(' ') else {
                continue;
            };
            let mut v = Vec::new();
            for r in ranges.split(';') {
                let mut n = r.split(' ').map(|x| x.parse::<usize>());
                if let (Some(Ok(s)), Some(Ok(e))) = (n.next(), n.next()) {
                    if let (Some(&bs), Some(&be)) = (offsets.get(s), offsets.get(e)) {
                        if bs < be {
                            v.push(Span::new(bs, be));
                        }
                    }
                }
            }
            spans.insert(id, v);
        } else if id.starts_with('E') {
            events.push(body.split(' ').filter_map(|p| p.split_once(':')).collect());
        }
    }
    events
        .into_iter()
        .filter(|roles| roles.iter().any(|(r, _)| r.starts_with("Attribution")))
        .map(|roles| {
            let get = |role: &str| -> Vec<Span> {
                roles
                    .iter()
                    .filter(|(r, _)| *r == role)
                    .flat_map(|(_, t)| spans.get(t).cloned().unwrap_or_default())
                    .collect()
            };
            GoldAttribution {
                source: get("Source"),
                content: get("Content"),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ann_char_offsets_become_byte_spans() {
        // “ is three bytes: char offsets differ from byte offsets after it.
        let text = "“Taxes will fall,” the mayor said.";
        let ann = "T1\tSource 19 28\tthe mayor\nT2\tCue 29 33\tsaid\n\
                   T3\tContent 0 18\t“Taxes will fall,”\nT4\tAttribution 29 33\tsaid\n\
                   E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T3\tnote\n";
        let a = parse_ann(ann, text);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].source[0].slice(text), "the mayor");
        assert_eq!(a[0].content[0].slice(text), "“Taxes will fall,”");
    }

    #[test]
    fn discontinuous_and_bad_spans() {
        let text = "He said: tax cuts, he added, help.";
        let ann = "T1\tContent 9 17;29 33\ttax cuts help\nT2\tSource 0 2\tHe\n\
                   T3\tCue 999 1003\tsaid\nE1\tAttribution:T3 Content:T1 Source:T2\n";
        let a = parse_ann(ann, text);
        assert_eq!(a[0].content.len(), 2);
        assert_eq!(a[0].content[1].slice(text), "help");
        assert_eq!(a[0].source[0].slice(text), "He");
    }
}
