//! Counting helpers shared by the suites: overlap precision and recall,
//! error tallies with optional samples, and text snippets for them.

use crate::Figures;
use std::collections::BTreeMap;

/// Precision and recall counts for overlap matching.
///
/// Overlap matching is not one-to-one (one long predicted span may cover
/// two gold spans), so the two sides are counted apart: `pred_ok` of
/// `pred` predictions overlap some gold span, `gold_ok` of `gold` gold spans
/// are overlapped by some prediction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// Predictions that match some gold item.
    pub pred_ok: usize,
    /// All predictions.
    pub pred: usize,
    /// Gold items matched by some prediction.
    pub gold_ok: usize,
    /// All gold items.
    pub gold: usize,
}

impl Prf {
    /// Counts one prediction, matched or not.
    pub fn predicted(&mut self, matched: bool) {
        self.pred += 1;
        self.pred_ok += usize::from(matched);
    }

    /// Counts one gold item, found or not.
    pub fn gold(&mut self, found: bool) {
        self.gold += 1;
        self.gold_ok += usize::from(found);
    }

    /// `pred_ok / pred`, 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.pred_ok, self.pred)
    }

    /// `gold_ok / gold`, 0 when there is no gold item.
    pub fn recall(&self) -> f64 {
        ratio(self.gold_ok, self.gold)
    }

    /// The harmonic mean of precision and recall, 0 when both are 0.
    ///
    /// ```
    /// use crosscheck_eval::score::Prf;
    /// let p = Prf { pred_ok: 3, pred: 4, gold_ok: 3, gold: 6 };
    /// assert_eq!(p.precision(), 0.75);
    /// assert_eq!(p.recall(), 0.5);
    /// assert!((p.f1() - 0.6).abs() < 1e-12);
    /// ```
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Records `{prefix}_precision`, `{prefix}_recall` and `{prefix}_f1`.
    pub fn record(&self, figures: &mut Figures, prefix: &str) {
        figures.higher(&format!("{prefix}_precision"), self.precision());
        figures.higher(&format!("{prefix}_recall"), self.recall());
        figures.higher(&format!("{prefix}_f1"), self.f1());
    }

    /// One line for the detail report: counts and the three figures.
    pub fn line(&self, name: &str) -> String {
        format!(
            "{name:<28} P {:.4} ({}/{})  R {:.4} ({}/{})  F1 {:.4}",
            self.precision(),
            self.pred_ok,
            self.pred,
            self.recall(),
            self.gold_ok,
            self.gold,
            self.f1()
        )
    }
}

/// `n / d`, 0 when `d` is 0.
pub fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

/// How many sample lines per error category to print: the value of
/// `$CROSSCHECK_EVAL_SAMPLES` (0 when unset or not a number).
pub fn samples_wanted() -> usize {
    std::env::var("CROSSCHECK_EVAL_SAMPLES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

/// Error categories with their counts, and up to a fixed number of sample
/// lines each (kept in the order they were noted).
#[derive(Clone, Debug)]
pub struct Tally {
    counts: BTreeMap<String, usize>,
    samples: BTreeMap<String, Vec<String>>,
    keep: usize,
}

impl Tally {
    /// A tally keeping up to `keep` sample lines per category.
    pub fn new(keep: usize) -> Self {
        Tally {
            counts: BTreeMap::new(),
            samples: BTreeMap::new(),
            keep,
        }
    }

    /// Counts one item in `category`; `sample` builds its sample line, only
    /// called while the category still keeps samples.
    pub fn note(&mut self, category: &str, sample: impl FnOnce() -> String) {
        *self.counts.entry(category.to_string()).or_default() += 1;
        let kept = self.samples.entry(category.to_string()).or_default();
        if kept.len() < self.keep {
            kept.push(sample());
        }
    }

    /// The count of one category.
    pub fn count(&self, category: &str) -> usize {
        self.counts.get(category).copied().unwrap_or(0)
    }

    /// Categories by falling count (then name), with their counts.
    pub fn ranked(&self) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = self.counts.iter().map(|(k, &n)| (k.as_str(), n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v
    }

    /// Prints the categories under `title` to standard error, largest
    /// first, at most `top` of them, each followed by its samples.
    pub fn print(&self, title: &str, top: usize) {
        let total: usize = self.counts.values().sum();
        eprintln!("  {title} ({total}):");
        let ranked = self.ranked();
        for (name, n) in ranked.iter().take(top) {
            eprintln!("    {n:>6}  {name}");
            for s in self.samples.get(*name).into_iter().flatten() {
                eprintln!("              {s}");
            }
        }
        if ranked.len() > top {
            let rest: usize = ranked[top..].iter().map(|(_, n)| n).sum();
            eprintln!("    {rest:>6}  ({} smaller categories)", ranked.len() - top);
        }
    }
}

/// The text of `[start, end)` on one line, cut to `max` characters, for a
/// sample line on the terminal (never written to the repository).
pub fn snippet(text: &str, start: usize, end: usize, max: usize) -> String {
    let s = text.get(start..end.min(text.len())).unwrap_or("");
    let one_line: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if one_line.chars().count() > max {
        let cut: String = one_line.chars().take(max).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}

/// The start of the context window before `at`: about `chars` characters
/// back, on a `char` boundary.
pub fn back(text: &str, at: usize, chars: usize) -> usize {
    let at = at.min(text.len());
    text[..floor(text, at)]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The end of the context window after `at`: about `chars` characters
/// on, on a `char` boundary.
pub fn ahead(text: &str, at: usize, chars: usize) -> usize {
    let at = floor(text, at.min(text.len()));
    text[at..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| at + i)
}

/// The largest `char` boundary at or below `i`.
fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_ranks_by_count_and_keeps_samples() {
        let mut t = Tally::new(1);
        t.note("b", || "b1".into());
        t.note("a", || "a1".into());
        t.note("b", || "b2".into());
        assert_eq!(t.ranked(), vec![("b", 2), ("a", 1)]);
        assert_eq!(t.samples["b"], vec!["b1".to_string()]);
        assert_eq!(t.count("c"), 0);
    }

    #[test]
    fn snippet_windows_stay_on_char_boundaries() {
        let text = "“Née”, she said.\nNext line";
        let s = back(text, 4, 2);
        let e = ahead(text, 4, 30);
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        assert_eq!(
            snippet(text, 0, text.len(), 100),
            "“Née”, she said. Next line"
        );
        assert_eq!(snippet(text, 0, text.len(), 3), "“Né…");
    }
}
