//! Which words of a mention to highlight.
//!
//! A value finding (date, quantity, place, role) marks the value mention
//! (`value_span`) inside the claim. A quote wording finding marks the
//! words that differ from the other wording (the first variant against the
//! second, every other variant against the first), by a word-level diff
//! ([`token_diff`], longest common subsequence over normalised words).
//! Agreements and matched claims are not marked. Marked words separated by
//! white space only are joined.

use std::ops::Range;

use crosscheck_align::{Finding, FindingKind, Mention};
use crosscheck_parse::Span;

use crosscheck_align::id::normalise;

/// A piece of an evidence text, highlighted or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The text of the piece.
    pub text: String,
    /// True when the piece differs from the other side.
    pub marked: bool,
}

/// Longest token sequences compared with the LCS diff; longer texts are
/// compared on their first this many words only.
const MAX_TOKENS: usize = 600;

/// Byte ranges of the white-space separated words of `s`.
pub fn words(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push(st..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

/// A word-level diff: the byte ranges of the words of `a` and of `b` that are
/// not in their longest common subsequence. Words are compared
/// [normalised](crosscheck_align::id::normalise), so case and punctuation alone do not
/// count as a change.
pub fn token_diff(a: &str, b: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let wa: Vec<Range<usize>> = words(a).into_iter().take(MAX_TOKENS).collect();
    let wb: Vec<Range<usize>> = words(b).into_iter().take(MAX_TOKENS).collect();
    let na: Vec<String> = wa.iter().map(|r| normalise(&a[r.clone()])).collect();
    let nb: Vec<String> = wb.iter().map(|r| normalise(&b[r.clone()])).collect();
    let (n, m) = (na.len(), nb.len());
    // lcs[i][j] = LCS length of na[i..] and nb[j..]
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if na[i] == nb[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut da, mut db) = (Vec::new(), Vec::new());
    while i < n && j < m {
        if na[i] == nb[j] {
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            da.push(wa[i].clone());
            i += 1;
        } else {
            db.push(wb[j].clone());
            j += 1;
        }
    }
    da.extend(wa[i..].iter().cloned());
    db.extend(wb[j..].iter().cloned());
    (da, db)
}

/// Maps an article span into the mention's text, when the text is exactly
/// the text at its span and the span lies inside it.
fn relative(m: &Mention, span: Span) -> Option<Range<usize>> {
    if m.span.len() != m.text.len() || !m.span.contains(&span) {
        return None;
    }
    let r = (span.start - m.span.start)..(span.end - m.span.start);
    m.text.get(r.clone()).map(|_| r)
}

/// Splits `text` into segments, marking the given byte ranges (merged;
/// ranges out of bounds or off `char` boundaries are ignored).
pub fn segments(text: &str, ranges: &[Range<usize>]) -> Vec<Segment> {
    let mut rs: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| r.start < r.end && text.get(r.start..r.end).is_some())
        .cloned()
        .collect();
    rs.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in rs {
        match merged.last_mut() {
            // join ranges that touch or are separated by white space only
            Some(last) if r.start <= last.end || text[last.end..r.start].trim().is_empty() => {
                last.end = last.end.max(r.end)
            }
            _ => merged.push(r),
        }
    }
    let mut out = Vec::new();
    let mut pos = 0;
    for r in merged {
        if r.start > pos {
            out.push(Segment {
                text: text[pos..r.start].to_string(),
                marked: false,
            });
        }
        out.push(Segment {
            text: text[r.clone()].to_string(),
            marked: true,
        });
        pos = r.end;
    }
    if pos < text.len() {
        out.push(Segment {
            text: text[pos..].to_string(),
            marked: false,
        });
    }
    out
}

/// The highlighted segments of one mention of a finding's variant.
pub fn highlight(f: &Finding, variant: usize, m: &Mention) -> Vec<Segment> {
    let mut ranges = Vec::new();
    if f.kind.is_discrepancy() {
        if let Some(r) = m.value_span.and_then(|s| relative(m, s)) {
            ranges.push(r);
        }
        if f.kind == FindingKind::QuoteWording {
            let other = if variant == 0 { 1 } else { 0 };
            if let Some(reference) = f.variants.get(other).and_then(|v| v.mentions.first()) {
                ranges.extend(token_diff(&reference.text, &m.text).1);
            }
        }
    }
    segments(&m.text, &ranges)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_align::fixture::Doc;
    use crosscheck_align::{compare, Config};
    use crosscheck_parse::Qualifier;

    #[test]
    fn highlight_marks_the_value_and_the_changed_word() {
        let troops = |n: &str| {
            format!("Russia has massed {n} troops near the border with Ukraine, Western officials said on Friday.")
        };
        let quote =
            |w: &str| format!("“We {w} diplomacy and dialogue with Moscow,” Antony Blinken said.");
        let doc = |id: &str, n: &str, value: f64, w: &str| {
            Doc::new(id, &format!("{} {}", troops(n), quote(w)))
                .person("Antony Blinken", &["Blinken"], &[])
                .quote(
                    &format!("We {w} diplomacy and dialogue with Moscow"),
                    Some("Antony Blinken"),
                )
                .quantity(
                    &format!("{n} troops"),
                    value,
                    Qualifier::Exact,
                    Some("troops"),
                )
                .build()
        };
        let docs = [
            doc("ap", "100,000", 100_000.0, "prefer"),
            doc("rt", "130,000", 130_000.0, "want"),
        ];
        let a = compare(&docs, &Config::default());
        let q = a
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::Quantity)
            .unwrap();
        let v = q
            .variants
            .iter()
            .position(|v| v.mentions[0].article == "rt")
            .unwrap();
        let m = &q.variants[v].mentions[0];
        let segs = highlight(q, v, m);
        let marked: Vec<&str> = segs
            .iter()
            .filter(|s| s.marked)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["130,000 troops"]);
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, m.text);
        let w = a
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::QuoteWording)
            .unwrap();
        let marked = |v: usize| -> Vec<String> {
            highlight(w, v, &w.variants[v].mentions[0])
                .into_iter()
                .filter(|s| s.marked)
                .map(|s| s.text)
                .collect()
        };
        let by_article = |art: &str| {
            w.variants
                .iter()
                .position(|v| v.mentions[0].article == art)
                .unwrap()
        };
        assert_eq!(marked(by_article("ap")), ["prefer"]);
        assert_eq!(marked(by_article("rt")), ["want"]);
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn token_diff_cases() {
        assert_eq!(
            token_diff("we prefer diplomacy", "we want diplomacy"),
            (vec![3..9], vec![3..7])
        );
        assert_eq!(token_diff("a b c", "a b c"), (vec![], vec![]));
        assert_eq!(token_diff("", "x y"), (vec![], vec![0..1, 2..3]));
        // case and punctuation do not count
        assert_eq!(
            token_diff("We said, “Yes”", "we said yes."),
            (vec![], vec![])
        );
        // truncation
        assert_eq!(
            token_diff("one two three", "one two"),
            (vec![8..13], vec![])
        );
        // multi-byte text keeps char boundaries
        let (a, b) = token_diff("Zelensky’s “peace” plan", "Zelensky’s war plan");
        assert_eq!(&"Zelensky’s “peace” plan"[a[0].clone()], "“peace”");
        assert_eq!(&"Zelensky’s war plan"[b[0].clone()], "war");
    }
}
