//! Word-level diff of two matched quotes or claims.
//!
//! A Myers diff (the `similar` crate) over interned word ids gives equal,
//! deleted, inserted and replaced runs. They are named as a fact-checker
//! reads them: words on one side only, before the first or after the last
//! anchor (three common words in a row, the longest common run when
//! shorter, or a run as long as the edit after it), are
//! [`EditOp::Truncation`]s (different words on both sides
//! there are a substitution: “remains open” / “remains ajar”); an ellipsis on one side facing words on the
//! other is an [`EditOp::Ellipsis`]; a run omitted in one place and
//! inserted with the same words elsewhere is a [`EditOp::Reordering`]; the
//! rest are substitutions, insertions and omissions.

use crate::model::{EditOp, TokenEdit};
use crosscheck_parse::Span;
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// One side of a diff: the article's id, word ids, their spans, and the
/// article text.
pub(crate) struct Side<'a> {
    /// The id of the article the words come from.
    pub article: &'a str,
    pub words: &'a [u32],
    pub spans: &'a [Span],
    pub text: &'a str,
}

/// A diff edit in token index ranges, before spans are resolved.
struct Raw {
    op: EditOp,
    a: (usize, usize),
    b: (usize, usize),
}

fn range_span(spans: &[Span], r: (usize, usize)) -> Option<Span> {
    if r.0 >= r.1 {
        None
    } else {
        Some(Span::new(spans[r.0].start, spans[r.1 - 1].end))
    }
}

/// Most words (both sides) left between the common prefix and suffix for
/// which the Myers diff runs; it takes time proportional to the square of
/// that in the worst case (two different megabyte quotes: hours).
const MAX_DIFF_MIDDLE: usize = 4000;

/// Myers diff, or, when the differing middle is huge, the common prefix and
/// suffix with one replacement between them.
fn bounded_diff(a: &[u32], b: &[u32]) -> Vec<DiffOp> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (n, m) = (a.len() - pre - suf, b.len() - pre - suf);
    if n + m <= MAX_DIFF_MIDDLE {
        return capture_diff_slices(Algorithm::Myers, a, b);
    }
    let mut ops = Vec::new();
    if pre > 0 {
        ops.push(DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: pre,
        });
    }
    ops.push(match (n, m) {
        (_, 0) => DiffOp::Delete {
            old_index: pre,
            old_len: n,
            new_index: pre,
        },
        (0, _) => DiffOp::Insert {
            old_index: pre,
            new_index: pre,
            new_len: m,
        },
        _ => DiffOp::Replace {
            old_index: pre,
            old_len: n,
            new_index: pre,
            new_len: m,
        },
    });
    if suf > 0 {
        ops.push(DiffOp::Equal {
            old_index: pre + n,
            new_index: pre + m,
            len: suf,
        });
    }
    ops
}

/// Common words in a row that anchor two quotes to each other.
const ANCHOR_WORDS: usize = 3;

/// Word-level edits from `a` to `b`. `ellipsis` is the word id of `...`.
pub(crate) fn diff(a: &Side, b: &Side, ellipsis: Option<u32>) -> Vec<TokenEdit> {
    let ops = bounded_diff(a.words, b.words);
    // Anchors: runs of common words that align the quotes: three words in
    // a row (or the longest run, when shorter), or a run at least as long
    // as the edit after it ("there is [not] a clear need"). A lone common
    // word before a long stretch of words on one side is no anchor (a
    // repeated "weak" before "... like a baby"), so that stretch is a
    // truncation.
    let eq_len = |o: &DiffOp| match *o {
        DiffOp::Equal { len, .. } => len,
        _ => 0,
    };
    let edit_len = |o: &DiffOp| match *o {
        DiffOp::Equal { .. } => 0,
        DiffOp::Delete { old_len, .. } => old_len,
        DiffOp::Insert { new_len, .. } => new_len,
        DiffOp::Replace {
            old_len, new_len, ..
        } => old_len.max(new_len),
    };
    let longest = ops
        .iter()
        .map(eq_len)
        .max()
        .unwrap_or(0)
        .clamp(1, ANCHOR_WORDS);
    // The last run, when it ends both quotes, anchors like a run before an
    // edit: at least as long as the edit before it ("his mood is [not]
    // calm" ends both quotes on "calm": the "not" is inside the quote, no
    // truncation).
    let is_anchor = |k: usize| {
        let n = eq_len(&ops[k]);
        let ends_both = k + 1 == ops.len() && k > 0;
        n > 0
            && (n >= longest
                || ops.get(k + 1).is_some_and(|next| n >= edit_len(next))
                || ends_both && n >= edit_len(&ops[k - 1]))
    };
    let first_eq = (0..ops.len()).find(|&k| is_anchor(k));
    let last_eq = (0..ops.len()).rev().find(|&k| is_anchor(k));
    // an ellipsis (or an editor's bracket, read as one) among the words
    // stands for the speaker's words on the other side
    let is_ell = |w: &[u32]| w.iter().any(|x| Some(*x) == ellipsis);
    let mut raws: Vec<Raw> = Vec::new();
    for (k, op) in ops.iter().enumerate() {
        let (ar, br) = match *op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => ((old_index, old_index + old_len), (new_index, new_index)),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => ((old_index, old_index), (new_index, new_index + new_len)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                (old_index, old_index + old_len),
                (new_index, new_index + new_len),
            ),
        };
        let aw = &a.words[ar.0..ar.1];
        let bw = &b.words[br.0..br.1];
        let edge = match (first_eq, last_eq) {
            (Some(f), Some(l)) => k < f || k > l,
            _ => false,
        };
        // at the edge, a word facing several is where two quotes start or
        // stop at different points ("And let's…" / "When Donald Trump
        // says 'Let's…'"); words facing as many words are a substitution
        // ("remains open" / "remains ajar")
        let uneven = aw.len().abs_diff(bw.len()) >= 2;
        let op = if is_ell(aw) || is_ell(bw) {
            EditOp::Ellipsis
        } else if edge && (aw.is_empty() || bw.is_empty() || uneven) {
            // words on one side only, before the first or after the last
            // common word: one article quotes less of the statement
            EditOp::Truncation
        } else if aw.is_empty() {
            EditOp::Insertion
        } else if bw.is_empty() {
            EditOp::Omission
        } else {
            EditOp::Substitution
        };
        raws.push(Raw { op, a: ar, b: br });
    }
    // Reordering: an omitted run whose words are inserted elsewhere.
    let mut merged: Vec<Raw> = Vec::new();
    let mut used = vec![false; raws.len()];
    for i in 0..raws.len() {
        if used[i] {
            continue;
        }
        let ri = &raws[i];
        let only_a = ri.b.0 == ri.b.1 && ri.a.1 > ri.a.0;
        let only_b = ri.a.0 == ri.a.1 && ri.b.1 > ri.b.0;
        if only_a || only_b {
            let mut key: Vec<u32> = if only_a {
                a.words[ri.a.0..ri.a.1].to_vec()
            } else {
                b.words[ri.b.0..ri.b.1].to_vec()
            };
            key.sort_unstable();
            let partner = (i + 1..raws.len()).find(|&j| {
                if used[j] {
                    return false;
                }
                let rj = &raws[j];
                let mut other: Vec<u32> = if only_a && rj.a.0 == rj.a.1 {
                    b.words[rj.b.0..rj.b.1].to_vec()
                } else if only_b && rj.b.0 == rj.b.1 {
                    a.words[rj.a.0..rj.a.1].to_vec()
                } else {
                    return false;
                };
                other.sort_unstable();
                other == key
            });
            if let Some(j) = partner {
                used[j] = true;
                let rj = &raws[j];
                let (ar, br) = if only_a { (ri.a, rj.b) } else { (rj.a, ri.b) };
                merged.push(Raw {
                    op: EditOp::Reordering,
                    a: ar,
                    b: br,
                });
                continue;
            }
        }
        merged.push(Raw {
            op: ri.op,
            a: ri.a,
            b: ri.b,
        });
    }
    merged
        .into_iter()
        .map(|r| {
            let a_span = range_span(a.spans, r.a);
            let b_span = range_span(b.spans, r.b);
            TokenEdit {
                op: r.op,
                a_article: a.article.to_string(),
                a_text: a_span
                    .map(|s| s.slice(a.text).to_string())
                    .unwrap_or_default(),
                a_span,
                b_article: b.article.to_string(),
                b_text: b_span
                    .map(|s| s.slice(b.text).to_string())
                    .unwrap_or_default(),
                b_span,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (hostile input): two long, very different word sequences
    /// made the Myers diff take minutes; the middle is now one replacement.
    #[test]
    fn huge_differing_middle_is_one_replacement() {
        let a: Vec<u32> = (0..20_000).collect();
        let mut b: Vec<u32> = (0..20_000).map(|x| x + 100_000).collect();
        b[0] = 0;
        b[19_999] = 19_999;
        let t = std::time::Instant::now();
        let ops = bounded_diff(&a, &b);
        assert!(t.elapsed().as_secs() < 10);
        assert_eq!(ops.len(), 3, "{ops:?}");
        assert!(matches!(
            ops[1],
            DiffOp::Replace {
                old_index: 1,
                old_len: 19_998,
                new_index: 1,
                new_len: 19_998
            }
        ));
        // small differences still get the exact diff
        let mut c = a.clone();
        c[500] = 7;
        assert_eq!(
            bounded_diff(&a, &c),
            capture_diff_slices(Algorithm::Myers, &a, &c)
        );
    }

    fn side<'a>(words: &'a [u32], spans: &'a [Span], text: &'a str) -> Side<'a> {
        Side {
            article: "a",
            words,
            spans,
            text,
        }
    }

    fn spans(n: usize) -> Vec<Span> {
        (0..n).map(|i| Span::new(i * 2, i * 2 + 1)).collect()
    }

    #[test]
    fn names_edits() {
        let ta = "a b c d e";
        let tb = "a x c e f";
        let (wa, wb) = ([1, 2, 3, 4, 5], [1, 9, 3, 5, 6]);
        let (sa, sb) = (spans(5), spans(5));
        let d = diff(&side(&wa, &sa, ta), &side(&wb, &sb, tb), None);
        let ops: Vec<EditOp> = d.iter().map(|e| e.op).collect();
        assert_eq!(
            ops,
            [EditOp::Substitution, EditOp::Omission, EditOp::Truncation]
        );
        assert_eq!(d[0].a_text, "b");
        assert_eq!(d[0].b_text, "x");
    }

    #[test]
    fn different_last_words_are_a_substitution_not_a_truncation() {
        // regression: “remains open” / “remains ajar” was a truncation, and
        // truncations count as agreement
        let (ta, tb) = ("d r o", "d r j"); // door remains open / ajar
        let d = diff(
            &side(&[1, 2, 3], &spans(3), ta),
            &side(&[1, 2, 4], &spans(3), tb),
            None,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].op, EditOp::Substitution);
        assert_eq!((d[0].a_text.as_str(), d[0].b_text.as_str()), ("o", "j"));
        let longer = diff(
            &side(&[1, 2, 3], &spans(3), ta),
            &side(&[1, 2], &spans(2), "d r"),
            None,
        );
        assert_eq!(longer[0].op, EditOp::Truncation);
    }

    /// A word added after two common words is an insertion, not a
    /// truncation ("there is [not] a clear need"); a lone common word
    /// before a long stretch on one side is no anchor.
    #[test]
    fn short_common_runs_anchor_short_edits_only() {
        let t = "t i n a c n";
        let d = diff(
            &side(&[1, 2, 9, 3, 4, 5], &spans(6), t),
            &side(&[1, 2, 3, 4, 5], &spans(5), "t i a c n"),
            None,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].op, EditOp::Omission);
        let long: Vec<u32> = std::iter::once(7).chain(20..34).chain([3, 4, 5]).collect();
        let d = diff(
            &side(&long, &spans(long.len()), &"x ".repeat(long.len())),
            &side(&[7, 3, 4, 5], &spans(4), "w l a b"),
            None,
        );
        assert!(d.iter().all(|e| e.op == EditOp::Truncation), "{d:?}");
    }

    /// A word added before the last word of both quotes is an insertion
    /// ("his usual mood is [not] calm"): the last word, ending both
    /// quotes, anchors an edit as long as it; a long stretch before a
    /// lone last word is still a truncation.
    #[test]
    fn a_last_common_word_anchors_the_edit_before_it() {
        let d = diff(
            &side(&[1, 2, 3, 4, 5], &spans(5), "h u m i c"),
            &side(&[1, 2, 3, 4, 9, 5], &spans(6), "h u m i n c"),
            None,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].op, EditOp::Insertion);
        assert_eq!(d[0].b_text, "n");
        let long: Vec<u32> = [1, 2, 3, 4].into_iter().chain(20..26).chain([5]).collect();
        let d = diff(
            &side(&[1, 2, 3, 4, 5], &spans(5), "h u m i c"),
            &side(&long, &spans(long.len()), &"x ".repeat(long.len())),
            None,
        );
        assert!(d.iter().all(|e| e.op == EditOp::Truncation), "{d:?}");
    }

    #[test]
    fn reordering_and_ellipsis() {
        let ta = "a b c d";
        let tb = "c d a b";
        let (wa, wb) = ([1, 2, 3, 4], [3, 4, 1, 2]);
        let (sa, sb) = (spans(4), spans(4));
        let d = diff(&side(&wa, &sa, ta), &side(&wb, &sb, tb), None);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].op, EditOp::Reordering);
        let (wa, wb) = ([1, 7, 4], [1, 2, 3, 4]);
        let (sa, sb) = (spans(3), spans(4));
        let d = diff(&side(&wa, &sa, "a . d"), &side(&wb, &sb, tb), Some(7));
        assert_eq!(d[0].op, EditOp::Ellipsis);
    }
}
