//! Blocking and scoring of claims within one story.
//!
//! **Blocking.** An inverted index (a sorted list of `(key, claim)`) maps
//! every stem and every speaker to the story's claims; a key held by more
//! than [`Config::block_max_df`] claims of the story is dropped (a word
//! common in the corpus may be rare within a story); two claims of different articles are
//! candidates when they share at least [`Config::block_min_shared`] keys.
//! [`Config::all_pairs`] compares every pair instead (the quadratic
//! reference).
//!
//! **Scoring.** IDF-weighted cosine over stems with soft matching of
//! near-identical stems (Jaro-Winkler, typos), IDF-weighted containment of
//! the shorter claim in the longer, and normalised Levenshtein over the
//! folded words. Quotes match on the best of the three, against a
//! threshold that depends on the speakers; sentences on the cosine of
//! their stems with facts masked out.

use super::claims::{Prepared, Unit, UnitKind};
use crate::config::Config;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// What the cheap upper bounds on string similarity need about a string,
/// computed once per interned string.
#[derive(Clone, Debug)]
pub(crate) struct Shape {
    /// Number of chars.
    chars: u32,
    /// Contains an ASCII digit.
    digit: bool,
    /// Char counts in 32 buckets (`c as u32 % 32`); `None` when a bucket
    /// would overflow (very long strings: no bound, always compared).
    hist: Option<[u8; 32]>,
}

impl Shape {
    pub(crate) fn of(s: &str) -> Shape {
        let mut hist = [0u8; 32];
        let mut ok = true;
        let mut chars = 0u32;
        for c in s.chars() {
            chars += 1;
            let b = &mut hist[(c as u32 % 32) as usize];
            match b.checked_add(1) {
                Some(x) => *b = x,
                None => ok = false,
            }
        }
        Shape {
            chars,
            digit: s.chars().any(|c| c.is_ascii_digit()),
            hist: ok.then_some(hist),
        }
    }

    /// An upper bound on `strsim::jaro_winkler` of the two strings.
    ///
    /// Jaro is `(m/|a| + m/|b| + (m - t)/m) / 3` with `m` matching chars,
    /// at most the size of the multiset intersection of the chars, itself
    /// at most the bucketed intersection. Winkler adds at most
    /// `0.4 (1 - jaro)` (a prefix of 4 at most, scale 0.1), so
    /// `jw ≤ 0.6 jaro + 0.4`, increasing in jaro.
    fn jaro_winkler_bound(&self, other: &Shape) -> f64 {
        let (la, lb) = (self.chars as f64, other.chars as f64);
        if la == 0.0 || lb == 0.0 {
            return 1.0;
        }
        let m = match (&self.hist, &other.hist) {
            (Some(x), Some(y)) => x
                .iter()
                .zip(y)
                .map(|(&a, &b)| a.min(b) as u32)
                .sum::<u32>()
                .min(self.chars)
                .min(other.chars) as f64,
            _ => la.min(lb),
        };
        let jaro = (m / la + m / lb + 1.0) / 3.0;
        0.6 * jaro + 0.4
    }
}

/// Margin for comparing a bound with a threshold: a pair is skipped only
/// when its bound is clearly under the threshold.
const BOUND_EPS: f64 = 1e-9;

/// Most Jaro-Winkler comparisons for the soft token matches of one pair of
/// claims (hostile input: two megabyte quotes of distinct words).
const MAX_SOFT_PAIRS: usize = 250_000;

/// Longest pair (product of byte lengths) compared by normalised
/// Levenshtein, which is quadratic; longer pairs use the linear
/// Sørensen-Dice bigram similarity.
const MAX_LEVENSHTEIN_CELLS: usize = 4_000_000;

/// Character-level similarity in [0, 1]: normalised Levenshtein, or
/// Sørensen-Dice for very long texts.
pub(crate) fn char_similarity(a: &str, b: &str) -> f64 {
    if a.len().saturating_mul(b.len()) <= MAX_LEVENSHTEIN_CELLS {
        normalized_levenshtein(a, b)
    } else {
        strsim::sorensen_dice(a, b)
    }
}

/// `strsim::normalized_levenshtein`, bit for bit, faster on near
/// duplicates: the common prefix and suffix are stripped before the
/// quadratic part.
pub(crate) fn normalized_levenshtein(a: &str, b: &str) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let len = a.chars().count().max(b.chars().count());
    let prefix: usize = a
        .char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .last()
        .map_or(0, |((i, x), _)| i + x.len_utf8());
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix: usize = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    1.0 - (strsim::levenshtein(a, b) as f64) / (len as f64)
}

/// How the speakers of two quotes relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    /// The same person.
    Same,
    /// Two different speakers.
    Different,
    /// A speaker on one side only.
    OneSided,
    /// No speaker on either side, or the same institution.
    Unknown,
}

/// The speaker relation of two claims, from their person ids (within the
/// story) and the names the articles give.
pub(crate) fn relation(a: &Unit, pa: Option<u32>, b: &Unit, pb: Option<u32>) -> Rel {
    match (pa, pb) {
        (Some(x), Some(y)) if x == y => Rel::Same,
        (Some(_), Some(_)) => Rel::Different,
        (None, None) => match (&a.speaker_text, &b.speaker_text) {
            // The same organisation says many things: sharing it is much
            // weaker evidence than sharing a person.
            (Some(x), Some(y)) if x == y => Rel::Unknown,
            (Some(_), Some(_)) => Rel::Different,
            (None, None) => Rel::Unknown,
            _ => Rel::OneSided,
        },
        _ => Rel::OneSided,
    }
}

/// The scores of a pair of claims.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Scores {
    /// IDF-weighted soft cosine of the stems.
    pub token: f64,
    /// Character similarity of the folded words (quotes only).
    pub chars: f64,
    /// Share of the shorter claim found in the longer.
    pub containment: f64,
    /// The score the match is decided on.
    pub score: f64,
    /// True when the shorter quote is a fragment of the longer one (its
    /// words found in it by containment).
    pub fragment: bool,
}

/// Fewest words two quotes of one speaker that share fewer content words
/// than [`Config::quote_min_shared`] need to match on their words as
/// written ([`WORDS_AS_WRITTEN`]).
const MIN_WORDS_AS_WRITTEN: usize = 6;

/// Least character similarity of such quotes: all but a word or two the
/// same.
const WORDS_AS_WRITTEN: f64 = 0.85;

fn contains_seq(long: &[u32], short: &[u32]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// How many times longer than a short claim another quote may be for
/// near spellings to count in the short one's containment when the two
/// are given to different people (`score_pair`).
const NEAR_SPELLING_SPAN: usize = 3;

/// Scores two claims (of one kind) and decides whether they are the same
/// claim. `ui` and `vi` are global unit ids; `rel` the speaker relation.
/// Returns `None` when they are not (cheap bounds skip the costly parts
/// then); with `exact`, the scores are computed in full whatever the
/// result, for reporting.
pub(crate) fn score_pair(
    p: &Prepared,
    cfg: &Config,
    ui: u32,
    vi: u32,
    rel: Rel,
    exact: bool,
) -> (Scores, bool) {
    let (u, v) = (&p.units[ui as usize], &p.units[vi as usize]);
    let w = |s: u32| p.idf[s as usize];
    // Exact matches by merge walk.
    let (mut i, mut j) = (0, 0);
    let mut matched: Vec<(u32, u32, f64)> = Vec::new();
    let mut ua = Vec::new();
    let mut ub_used = vec![false; v.content.len()];
    while i < u.content.len() && j < v.content.len() {
        match u.content[i].cmp(&v.content[j]) {
            std::cmp::Ordering::Equal => {
                matched.push((u.content[i], v.content[j], 1.0));
                ub_used[j] = true;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                ua.push(u.content[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    ua.extend_from_slice(&u.content[i..]);
    if ua.len().saturating_mul(v.content.len()) > MAX_SOFT_PAIRS {
        ua.clear();
    }
    for &x in &ua {
        let xs = &p.strings[x as usize];
        let xshape = &p.shapes[x as usize];
        if xshape.chars < 5 || xshape.digit {
            continue;
        }
        let mut best: Option<(usize, f64)> = None;
        for (k, &y) in v.content.iter().enumerate() {
            if ub_used[k] {
                continue;
            }
            let yshape = &p.shapes[y as usize];
            if yshape.chars < 5 {
                continue;
            }
            if xshape.jaro_winkler_bound(yshape) < cfg.soft_token_threshold - BOUND_EPS {
                continue;
            }
            let s = strsim::jaro_winkler(xs, &p.strings[y as usize]);
            if s >= cfg.soft_token_threshold && best.is_none_or(|(_, b)| s > b) {
                best = Some((k, s));
            }
        }
        if let Some((k, s)) = best {
            ub_used[k] = true;
            matched.push((x, v.content[k], s));
        }
    }
    let shared = matched.len();
    let wu: f64 = u.content.iter().map(|&s| w(s) * w(s)).sum();
    let wv: f64 = v.content.iter().map(|&s| w(s) * w(s)).sum();
    let dot: f64 = matched.iter().map(|&(x, y, s)| w(x) * w(y) * s).sum();
    let token = if wu > 0.0 && wv > 0.0 {
        (dot / (wu.sqrt() * wv.sqrt())).min(1.0)
    } else {
        0.0
    };
    let su: f64 = u.content.iter().map(|&s| w(s)).sum();
    let sv: f64 = v.content.iter().map(|&s| w(s)).sum();
    let u_short = (u.content.len(), su) <= (v.content.len(), sv);
    let (short_sum, short_n) = if u_short {
        (su, u.content.len())
    } else {
        (sv, v.content.len())
    };
    let contained: f64 = matched
        .iter()
        .map(|&(x, y, s)| if u_short { w(x) * s } else { w(y) * s })
        .sum();
    let mut containment = if short_sum > 0.0 {
        (contained / short_sum).min(1.0)
    } else {
        0.0
    };
    let mut sc = Scores {
        token,
        chars: 0.0,
        containment,
        score: token,
        fragment: false,
    };
    match u.kind {
        UnitKind::Sentence => {
            // (or one figure said in other words: `claims::anchored_figures`)
            let ok = (shared >= cfg.sentence_min_shared && token >= cfg.sentence_threshold)
                || (shared >= 2
                    && token >= cfg.paraphrase_threshold
                    && !super::claims::anchored_figures(p, u, v).is_empty());
            (sc, ok)
        }
        UnitKind::Quote => {
            let enough_shared = shared >= cfg.quote_min_shared.min(short_n).max(1);
            // a quote of few content words (“We are closer than we have
            // been in weeks”) may share fewer: then one speaker's two
            // quotes of several words match on their words as written
            let as_written = !enough_shared
                && rel == Rel::Same
                && shared >= 1
                && u.toks.len().min(v.toks.len()) >= MIN_WORDS_AS_WRITTEN;
            if !enough_shared && !as_written && !exact {
                return (sc, false);
            }
            let (long, short) = if u_short { (v, u) } else { (u, v) };
            if short_n < 3 {
                // Short fragments only match when their words appear in a
                // row in the other quote.
                let lw: Vec<u32> = long.toks.iter().map(|t| t.word).collect();
                let sw: Vec<u32> = short.toks.iter().map(|t| t.word).collect();
                if !contains_seq(&lw, &sw) {
                    containment = 0.0;
                }
            }
            // Containment counts only for a genuinely shorter quote (a
            // fragment); between quotes of equal length it is mere recall.
            // Giving one quote to two people rests on its words as written
            // when the other quote is many times longer: a short claim
            // finds near spellings of most of its words in a long quote by
            // chance (“China”, “American” in a paragraph that says
            // “machine”, “America”). A fragment of a quote of similar
            // length keeps them (“defence” / “defense”).
            let cont = if short_n >= long.content.len() {
                0.0
            } else if rel == Rel::Different && long.content.len() > NEAR_SPELLING_SPAN * short_n {
                // the same on the stems both have as written (no spelling
                // variants; at most `containment`, so 0 when it was set so)
                let exact: f64 = matched
                    .iter()
                    .filter(|m| m.2 >= 1.0)
                    .map(|&(x, y, _)| if u_short { w(x) } else { w(y) })
                    .sum();
                if short_sum > 0.0 {
                    (exact / short_sum).min(containment)
                } else {
                    0.0
                }
            } else {
                containment
            };
            let thr = match rel {
                Rel::Same => cfg.same_speaker_quote_threshold,
                Rel::Different => cfg.attribution_threshold,
                Rel::OneSided | Rel::Unknown => cfg.quote_threshold,
            };
            // Character similarity is blind to IDF: boilerplate around one
            // differing rare word scores high. It may tie quotes of the same
            // or unknown speakers, never accuse a different speaker. It is
            // computed only when it can matter.
            let (wu, nu) = &p.quote_words[ui as usize];
            let (wv, nv) = &p.quote_words[vi as usize];
            let other = token.max(cont);
            let needed = exact
                || as_written
                || other >= thr
                || (rel != Rel::Different && {
                    let (a, b) = (*nu.max(nv) as f64, *nu.min(nv) as f64);
                    let bound = if a == 0.0 { 1.0 } else { 1.0 - (a - b) / a };
                    bound >= thr - BOUND_EPS
                });
            if !needed {
                return (sc, false);
            }
            let chars = char_similarity(wu, wv);
            let score = if rel == Rel::Different {
                other
            } else {
                other.max(chars)
            };
            sc.chars = chars;
            sc.containment = containment;
            sc.score = score;
            sc.fragment =
                containment >= cfg.containment_threshold && containment > token.max(chars);
            let ok = if as_written {
                chars >= WORDS_AS_WRITTEN
            } else {
                enough_shared && score >= thr
            };
            (sc, ok)
        }
    }
}

/// The blocking keys of each claim (global ids in `units`, with their
/// speakers): its content stems, and its speaker as the key
/// `p.strings.len() + person`.
pub(crate) fn block_keys(p: &Prepared, units: &[u32], speakers: &[Option<u32>]) -> Vec<Vec<u32>> {
    let n_strings = p.strings.len() as u32;
    units
        .iter()
        .zip(speakers)
        .map(|(&g, sp)| {
            let u = &p.units[g as usize];
            // every stem is a key; the cap applies to its claims in this
            // story (a word common in the corpus may be rare in a story)
            let mut k: Vec<u32> = u.content.to_vec();
            if let Some(sp) = sp {
                k.push(n_strings.saturating_add(*sp));
            }
            k
        })
        .collect()
}

/// Every `(key, claim)` of `keys`, sorted.
fn postings_of(keys: &[Vec<u32>]) -> Vec<(u32, u32)> {
    let mut postings: Vec<(u32, u32)> = keys
        .iter()
        .enumerate()
        .flat_map(|(i, ks)| ks.iter().map(move |&k| (k, i as u32)))
        .collect();
    postings.par_sort_unstable();
    postings
}

/// The keys (of [`block_keys`]) that give candidates among these claims:
/// held by two claims or more and at most [`Config::block_max_df`].
/// Sorted.
pub(crate) fn blocking_keys(cfg: &Config, keys: &[Vec<u32>]) -> Vec<u32> {
    let postings = postings_of(keys);
    let mut out = Vec::new();
    let mut i = 0;
    while i < postings.len() {
        let mut j = i + 1;
        while j < postings.len() && postings[j].0 == postings[i].0 {
            j += 1;
        }
        if j - i >= 2 && j - i <= cfg.block_max_df {
            out.push(postings[i].0);
        }
        i = j;
    }
    out
}

/// Candidate pairs `(a, b)`, `a < b`, of local claim indices into
/// `units` (global ids): different articles, same kind, sharing enough
/// rare stems or a speaker. Sorted.
///
/// `story_keys`: when `units` are only some of the story's claims (a part
/// of a story split across tasks), the keys that give candidates in the
/// whole story ([`blocking_keys`] of all its claims, sorted); `None` when
/// `units` are the whole story. `sides`: when given, only pairs of claims
/// on different sides (two parts of a story) are candidates.
pub(crate) fn block(
    p: &Prepared,
    cfg: &Config,
    units: &[u32],
    speakers: &[Option<u32>],
    story_keys: Option<&[u32]>,
    sides: Option<&[bool]>,
) -> Vec<(u32, u32)> {
    let across = |a: usize, b: usize| sides.is_none_or(|s| s[a] != s[b]);
    if cfg.all_pairs {
        let mut out = Vec::new();
        for (a, &ua) in units.iter().enumerate() {
            for (b, &ub) in units.iter().enumerate().skip(a + 1) {
                let (x, y) = (&p.units[ua as usize], &p.units[ub as usize]);
                if x.doc != y.doc && x.kind == y.kind && across(a, b) {
                    out.push((a as u32, b as u32));
                }
            }
        }
        return out;
    }
    let keys = block_keys(p, units, speakers);
    let postings = postings_of(&keys);
    // each claim's keys, as runs of the postings (a key held by more than
    // `block_max_df` claims of the story, or by one, gives no candidate)
    let gives = |key: u32, len: usize| match story_keys {
        Some(k) => len >= 2 && k.binary_search(&key).is_ok(),
        None => len >= 2 && len <= cfg.block_max_df,
    };
    let mut runs: Vec<(u32, u32)> = Vec::new(); // (start, end) into postings
    let mut run_of: Vec<u32> = vec![u32::MAX; postings.len()];
    let mut i = 0;
    while i < postings.len() {
        let mut j = i + 1;
        while j < postings.len() && postings[j].0 == postings[i].0 {
            j += 1;
        }
        if gives(postings[i].0, j - i) {
            for r in &mut run_of[i..j] {
                *r = runs.len() as u32;
            }
            runs.push((i as u32, j as u32));
        }
        i = j;
    }
    let mut claim_runs: Vec<Vec<u32>> = vec![Vec::new(); units.len()];
    for (pos, &(_, c)) in postings.iter().enumerate() {
        if run_of[pos] != u32::MAX {
            claim_runs[c as usize].push(run_of[pos]);
        }
    }
    drop(run_of);
    // Candidates claim by claim, in parallel: the later claims sharing
    // enough keys with it. Memory stays with the candidates, not with every
    // co-occurrence.
    let per_claim: Vec<Vec<(u32, u32)>> = (0..units.len() as u32)
        .into_par_iter()
        .map(|a| {
            let ua = &p.units[units[a as usize] as usize];
            let mut count: FxHashMap<u32, u32> = FxHashMap::default();
            for &r in &claim_runs[a as usize] {
                let (s, e) = runs[r as usize];
                for &(_, b) in &postings[s as usize..e as usize] {
                    if b <= a {
                        continue;
                    }
                    let ub = &p.units[units[b as usize] as usize];
                    if ua.doc != ub.doc && ua.kind == ub.kind && across(a as usize, b as usize) {
                        *count.entry(b).or_default() += 1;
                    }
                }
            }
            let mut out: Vec<(u32, u32)> = count
                .into_iter()
                .filter(|&(b, n)| {
                    let need = cfg
                        .block_min_shared
                        .min(keys[a as usize].len())
                        .min(keys[b as usize].len())
                        .max(1);
                    n as usize >= need
                })
                .map(|(b, _)| (a, b))
                .collect();
            out.sort_unstable();
            out
        })
        .collect();
    per_claim.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levenshtein_matches_strsim() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "the door to nato remains open",
            "the door to nato remains ajar",
            "é",
            "éa",
            "aé",
            "naïve café",
            "naive cafe",
            "remains open",
            "open remains",
            "aaaa",
            "aaab",
            "baaa",
            "abab",
            "“quoted” text",
            "quoted text",
        ];
        for x in words {
            for y in words {
                assert_eq!(
                    normalized_levenshtein(x, y).to_bits(),
                    strsim::normalized_levenshtein(x, y).to_bits(),
                    "{x:?} vs {y:?}"
                );
            }
        }
    }

    #[test]
    fn jaro_winkler_bound_is_an_upper_bound() {
        let words = [
            "blinken",
            "blinkin",
            "stoltenberg",
            "stoltenburg",
            "diplomat",
            "diplomaci",
            "kalorvin",
            "kalorvat",
            "negotiations",
            "negotiation",
            "zzzzz",
            "abcde",
            "edcba",
            "aaaaaaaaaa",
            "aaaaab",
            "réunion",
            "reunion",
            "sanction",
            "sanctions",
        ];
        for x in words {
            for y in words {
                let jw = strsim::jaro_winkler(x, y);
                let b = Shape::of(x).jaro_winkler_bound(&Shape::of(y));
                assert!(jw <= b + 1e-12, "{x} {y}: {jw} > {b}");
            }
        }
    }

    /// Character similarity stays linear on huge texts.
    #[test]
    fn char_similarity_of_huge_texts_is_fast() {
        let a = "diplomacy and dialogue ".repeat(20_000);
        let b = "dialogue and diplomacy ".repeat(20_000);
        let t = std::time::Instant::now();
        let s = char_similarity(&a, &b);
        assert!((0.0..=1.0).contains(&s));
        assert!(t.elapsed().as_secs() < 10);
        assert_eq!(
            char_similarity("kitten", "sitting"),
            strsim::normalized_levenshtein("kitten", "sitting")
        );
    }
}
