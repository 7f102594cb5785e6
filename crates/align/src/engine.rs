//! The alignment pipeline: claims, blocking, scoring, assignment,
//! classification. See the crate documentation for the overview.

use crate::config::Config;
use crate::diff::{diff, Side};
use crate::model::*;
use crate::people::{role_tokens, roles_by_person, roles_compatible, People};
use crate::text::{fold, is_stop, stem, stemmer, tokenize, RawTok, ELLIPSIS};
use crosscheck_parse::{
    DateMention, DateValue, EntityKind, Extraction, Granularity, Quantity, QuantityKind, QuoteKind,
    Span,
};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum UnitKind {
    Quote,
    Sentence,
}

#[derive(Clone, Debug)]
struct Tok {
    span: Span,
    word: u32,
    stem: u32,
    stop: bool,
}

/// A claim that takes part in matching: a quote or a sentence of reported
/// fact (its quoted parts masked out).
#[derive(Clone, Debug)]
pub(crate) struct Unit {
    doc: usize,
    kind: UnitKind,
    index: usize,
    span: Span,
    toks: Vec<Tok>,
    /// Sorted, deduplicated stems of the content (non-stop) tokens.
    content: Vec<u32>,
    speaker: Option<usize>,
    speaker_text: Option<String>,
}

/// Inputs normalised once: docs in canonical order, units, IDF weights.
pub(crate) struct Prepared<'a> {
    docs: Vec<&'a Extraction>,
    units: Vec<Unit>,
    idf: Vec<f64>,
    df: Vec<u32>,
    strings: Vec<String>,
    /// Per string: what the soft-token and Levenshtein bounds need.
    shapes: Vec<Shape>,
    /// Per unit: its folded words joined by spaces and their char count
    /// (quotes only; empty for sentences).
    quote_words: Vec<(String, usize)>,
    ellipsis: Option<u32>,
    people: People,
    masks: Vec<Vec<Span>>,
}

struct RawUnit {
    kind: UnitKind,
    index: usize,
    span: Span,
    toks: Vec<(RawTok, String)>,
    speaker: Option<usize>,
    speaker_text: Option<String>,
}

pub(crate) fn prepare<'a>(input: &'a [Extraction], cfg: &Config) -> Prepared<'a> {
    let mut docs: Vec<&Extraction> = input.iter().collect();
    docs.sort_by(|a, b| {
        a.article
            .id
            .cmp(&b.article.id)
            .then_with(|| a.article.text.cmp(&b.article.text))
    });
    let people = People::merge(&docs);
    let masks: Vec<Vec<Span>> = docs
        .iter()
        .map(|x| {
            // Quoted words are masked out of the sentence: they are the
            // speaker's claim, not the outlet's. Indirect speech is the
            // outlet's own paraphrase, so its dates, numbers and places stay
            // facts of the sentence.
            x.quotes
                .iter()
                .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
                .map(|q| q.span)
                .collect()
        })
        .collect();
    // The same masks as sorted disjoint spans, for a binary search per
    // token (a linear scan per token was quadratic with thousands of quotes).
    let merged: Vec<Vec<Span>> = masks.iter().map(|m| merge_spans(m)).collect();
    let raw: Vec<Vec<RawUnit>> = docs
        .par_iter()
        .enumerate()
        .map(|(d, x)| {
            let st = stemmer();
            let text = x.article.text.as_str();
            let with_stems = |toks: Vec<RawTok>| -> Vec<(RawTok, String)> {
                toks.into_iter()
                    .map(|t| {
                        let s = stem(&st, &t.word);
                        (t, s)
                    })
                    .collect()
            };
            let mut out = Vec::new();
            for (qi, q) in x.quotes.iter().enumerate() {
                if q.kind == QuoteKind::ScareQuote {
                    continue;
                }
                out.push(RawUnit {
                    kind: UnitKind::Quote,
                    index: qi,
                    span: q.span,
                    toks: with_stems(tokenize(text, q.span)),
                    speaker: people.speaker(d, q.speaker_entity, q.speaker.as_deref()),
                    speaker_text: q.speaker.clone(),
                });
            }
            for (si, s) in x.sentences.iter().enumerate() {
                let toks: Vec<RawTok> = tokenize(text, s.span)
                    .into_iter()
                    .filter(|t| !overlaps_any(&merged[d], t.span))
                    .collect();
                out.push(RawUnit {
                    kind: UnitKind::Sentence,
                    index: si,
                    span: s.span,
                    toks: with_stems(toks),
                    speaker: None,
                    speaker_text: None,
                });
            }
            out
        })
        .collect();
    // Interning, sequential in canonical order: ids are deterministic.
    let mut map: HashMap<String, u32> = HashMap::new();
    let mut strings: Vec<String> = Vec::new();
    let mut intern = |s: &str| -> u32 {
        if let Some(&id) = map.get(s) {
            return id;
        }
        let id = strings.len() as u32;
        strings.push(s.to_string());
        map.insert(s.to_string(), id);
        id
    };
    let mut units = Vec::new();
    for (d, rus) in raw.into_iter().enumerate() {
        for ru in rus {
            let toks: Vec<Tok> = ru
                .toks
                .iter()
                .map(|(t, s)| Tok {
                    span: t.span,
                    word: intern(&t.word),
                    stem: intern(s),
                    stop: is_stop(&t.word),
                })
                .collect();
            let mut content: Vec<u32> = toks.iter().filter(|t| !t.stop).map(|t| t.stem).collect();
            content.sort_unstable();
            content.dedup();
            let min = match ru.kind {
                UnitKind::Quote => cfg.min_quote_tokens,
                UnitKind::Sentence => cfg.min_sentence_tokens,
            };
            if content.len() < min.max(1) {
                continue;
            }
            units.push(Unit {
                doc: d,
                kind: ru.kind,
                index: ru.index,
                span: ru.span,
                toks,
                content,
                speaker: ru.speaker,
                speaker_text: ru.speaker_text,
            });
        }
    }
    let ellipsis = map.get(ELLIPSIS).copied();
    let mut df = vec![0u32; strings.len()];
    for u in &units {
        for &s in &u.content {
            df[s as usize] += 1;
        }
    }
    let n = units.len().max(cfg.idf_min_claims).max(1) as f64;
    let idf = df
        .iter()
        .map(|&f| {
            if f == 0 {
                0.0
            } else {
                (1.0 + n / f as f64).ln()
            }
        })
        .collect();
    let shapes = strings.iter().map(|s| Shape::of(s)).collect();
    let mut p = Prepared {
        docs,
        units,
        idf,
        df,
        strings,
        shapes,
        quote_words: Vec::new(),
        ellipsis,
        people,
        masks,
    };
    p.quote_words = p
        .units
        .iter()
        .map(|u| match u.kind {
            UnitKind::Quote => {
                let t = words_text(&p, u);
                let n = t.chars().count();
                (t, n)
            }
            UnitKind::Sentence => (String::new(), 0),
        })
        .collect();
    p
}

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
    fn of(s: &str) -> Shape {
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

/// Margin for comparing a bound with a threshold, far above the rounding
/// error of the exact computation: a pair is skipped only when its bound
/// is clearly under the threshold.
const BOUND_EPS: f64 = 1e-9;

// ---------------------------------------------------------------- blocking

/// Candidate pairs `(u, v)`, `u < v`, from different articles, same kind,
/// sharing enough rare tokens (or speakers). Sorted.
pub(crate) fn block(p: &Prepared, cfg: &Config) -> Vec<(u32, u32)> {
    let n_strings = p.strings.len();
    let keys: Vec<Vec<u32>> = p
        .units
        .iter()
        .map(|u| {
            let mut k: Vec<u32> = u
                .content
                .iter()
                .copied()
                .filter(|&s| (p.df[s as usize] as usize) <= cfg.block_max_df)
                .collect();
            if let Some(sp) = u.speaker {
                k.push((n_strings + sp) as u32);
            }
            k
        })
        .collect();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_strings + p.people.persons.len()];
    for (ui, ks) in keys.iter().enumerate() {
        for &k in ks {
            postings[k as usize].push(ui as u32);
        }
    }
    let mut pairs: Vec<u64> = postings
        .par_iter()
        .filter(|l| l.len() >= 2 && l.len() <= cfg.block_max_df)
        .flat_map_iter(|l| {
            let mut out = Vec::new();
            for (i, &a) in l.iter().enumerate() {
                let ua = &p.units[a as usize];
                for &b in &l[i + 1..] {
                    let ub = &p.units[b as usize];
                    if ua.doc != ub.doc && ua.kind == ub.kind {
                        out.push(((a as u64) << 32) | b as u64);
                    }
                }
            }
            out
        })
        .collect();
    pairs.par_sort_unstable();
    let mut out = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i + 1;
        while j < pairs.len() && pairs[j] == pairs[i] {
            j += 1;
        }
        let (a, b) = ((pairs[i] >> 32) as u32, pairs[i] as u32);
        let need = cfg
            .block_min_shared
            .min(keys[a as usize].len())
            .min(keys[b as usize].len())
            .max(1);
        if j - i >= need {
            out.push((a, b));
        }
        i = j;
    }
    out
}

/// Every pair of units from different articles, same kind (reference).
pub(crate) fn all_pairs(p: &Prepared) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for (a, ua) in p.units.iter().enumerate() {
        for (b, ub) in p.units.iter().enumerate().skip(a + 1) {
            if ua.doc != ub.doc && ua.kind == ub.kind {
                out.push((a as u32, b as u32));
            }
        }
    }
    out
}

// ---------------------------------------------------------------- scoring

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rel {
    Same,
    Different,
    OneSided,
    Unknown,
}

fn relation(a: &Unit, b: &Unit) -> Rel {
    match (a.speaker, b.speaker) {
        (Some(x), Some(y)) if x == y => Rel::Same,
        (Some(_), Some(_)) => Rel::Different,
        (None, None) => match (&a.speaker_text, &b.speaker_text) {
            // The same organisation or place (“according to ASEAN”, “the
            // United States believes”) says many things: sharing it is much
            // weaker evidence than sharing a person, so such pairs meet the
            // ordinary quote threshold, not the lowered same-speaker one.
            (Some(x), Some(y)) if x == y => Rel::Unknown,
            (Some(_), Some(_)) => Rel::Different,
            (None, None) => Rel::Unknown,
            _ => Rel::OneSided,
        },
        _ => Rel::OneSided,
    }
}

/// A scored, accepted-by-threshold candidate.
#[derive(Clone, Debug)]
pub(crate) struct Match {
    pub u: u32,
    pub v: u32,
    pub score: f64,
    pub scores: Scores,
    /// For a fragment match: the longer unit and the region the fragment
    /// covers in it.
    pub fragment: Option<(u32, Span)>,
}

/// The union of `spans` as sorted, pairwise disjoint spans (spans that
/// share a byte are merged; empty spans are kept: `Span::overlaps` counts
/// them).
fn merge_spans(spans: &[Span]) -> Vec<Span> {
    let mut v: Vec<Span> = spans.to_vec();
    v.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// True when `span` shares a byte with one of `merged` (from
/// [`merge_spans`]): the same answer as `spans.iter().any(|m|
/// m.overlaps(&span))` on the original spans.
fn overlaps_any(merged: &[Span], span: Span) -> bool {
    let i = merged.partition_point(|m| m.end <= span.start);
    i < merged.len() && merged[i].overlaps(&span)
}

/// Most Jaro-Winkler comparisons for the soft token matches of one pair of
/// claims (hostile input: two megabyte quotes of distinct words).
const MAX_SOFT_PAIRS: usize = 250_000;

/// Longest pair (product of byte lengths) compared by normalised
/// Levenshtein, which is quadratic; longer pairs use the linear Sørensen-Dice
/// bigram similarity (a 1 MB quote on both sides would take hours).
const MAX_LEVENSHTEIN_CELLS: usize = 4_000_000;

/// Character-level similarity in [0, 1]: normalised Levenshtein, or
/// Sørensen-Dice for very long texts.
fn char_similarity(a: &str, b: &str) -> f64 {
    if a.len().saturating_mul(b.len()) <= MAX_LEVENSHTEIN_CELLS {
        normalized_levenshtein(a, b)
    } else {
        strsim::sorensen_dice(a, b)
    }
}

fn words_text(p: &Prepared, u: &Unit) -> String {
    let mut s = String::new();
    for t in &u.toks {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&p.strings[t.word as usize]);
    }
    s
}

/// `strsim::normalized_levenshtein`, bit for bit, faster on the near
/// duplicates that matched claims mostly are: the common prefix and suffix
/// are stripped before the quadratic part (the edit distance of two strings
/// equals that of the strings without their common prefix and suffix).
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

fn contains_seq(long: &[u32], short: &[u32]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

fn score_pair(p: &Prepared, cfg: &Config, ui: u32, vi: u32) -> Option<Match> {
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
    // Soft matches (typos, variants) among the rest; skipped for huge
    // claims, where the pairwise Jaro-Winkler would take hours.
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
            // Skips only pairs that cannot reach the threshold: the same
            // result as computing them.
            if xshape.jaro_winkler_bound(yshape) < cfg.soft_token_threshold - BOUND_EPS {
                continue;
            }
            let ys = &p.strings[y as usize];
            let s = strsim::jaro_winkler(xs, ys);
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
    match u.kind {
        UnitKind::Sentence => {
            if shared < cfg.sentence_min_shared || token < cfg.sentence_threshold {
                return None;
            }
            Some(Match {
                u: ui,
                v: vi,
                score: token,
                scores: Scores {
                    token,
                    chars: 0.0,
                    containment,
                },
                fragment: None,
            })
        }
        UnitKind::Quote => {
            if shared < cfg.quote_min_shared.min(short_n).max(1) {
                return None;
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
            let rel = relation(u, v);
            // Containment counts only for a genuinely shorter quote (a
            // fragment); between quotes of equal length it is mere recall.
            let cont = if short_n < long.content.len() {
                containment
            } else {
                0.0
            };
            let thr = match rel {
                Rel::Same => cfg.same_speaker_quote_threshold,
                Rel::Different => cfg.attribution_threshold,
                Rel::OneSided | Rel::Unknown => cfg.quote_threshold,
            };
            // Character similarity is blind to IDF: boilerplate around one
            // differing rare word scores high. It may tie quotes of the same
            // or unknown speakers, never accuse a different speaker.
            // It is computed only when it can matter: for a pair accepted
            // on the other scores (it is reported), or when its upper bound
            // (1 - length difference / longer length) reaches the threshold.
            let (wu, nu) = &p.quote_words[ui as usize];
            let (wv, nv) = &p.quote_words[vi as usize];
            let other = token.max(cont);
            let needed = other >= thr
                || (rel != Rel::Different && {
                    let (a, b) = (*nu.max(nv) as f64, *nu.min(nv) as f64);
                    let bound = if a == 0.0 { 1.0 } else { 1.0 - (a - b) / a };
                    bound >= thr - BOUND_EPS
                });
            if !needed {
                return None;
            }
            let chars = char_similarity(wu, wv);
            let score = if rel == Rel::Different {
                other
            } else {
                other.max(chars)
            };
            if score < thr {
                return None;
            }
            let fragment =
                if containment >= cfg.containment_threshold && containment > token.max(chars) {
                    let sc = &short.content;
                    let hits: Vec<&Tok> = long
                        .toks
                        .iter()
                        .filter(|t| !t.stop && sc.binary_search(&t.stem).is_ok())
                        .collect();
                    match (hits.first(), hits.last()) {
                        (Some(f), Some(l)) => {
                            let lid = if u_short { vi } else { ui };
                            Some((lid, Span::new(f.span.start, l.span.end)))
                        }
                        _ => None,
                    }
                } else {
                    None
                };
            Some(Match {
                u: ui,
                v: vi,
                score,
                scores: Scores {
                    token,
                    chars,
                    containment,
                },
                fragment,
            })
        }
    }
}

pub(crate) fn score_all(p: &Prepared, cfg: &Config, cands: &[(u32, u32)]) -> Vec<Match> {
    cands
        .par_iter()
        .filter_map(|&(u, v)| score_pair(p, cfg, u, v))
        .collect()
}

// ---------------------------------------------------------------- assignment

#[derive(Default)]
struct UseState {
    full: bool,
    regions: Vec<Span>,
}

/// One-to-one assignment per article pair and claim kind, greedy by score
/// with ties broken by unit ids. A long quote may take several fragment
/// matches covering disjoint regions of it (a quote split in two).
pub(crate) fn assign(p: &Prepared, mut matches: Vec<Match>) -> Vec<Match> {
    let key = |m: &Match| {
        let (a, b) = (&p.units[m.u as usize], &p.units[m.v as usize]);
        (a.doc, b.doc, a.kind)
    };
    matches.sort_by(|x, y| {
        key(x)
            .cmp(&key(y))
            .then(y.score.total_cmp(&x.score))
            .then((x.u, x.v).cmp(&(y.u, y.v)))
    });
    let mut groups: Vec<Vec<Match>> = Vec::new();
    for m in matches {
        match groups.last_mut() {
            Some(g) if key(&g[0]) == key(&m) => g.push(m),
            _ => groups.push(vec![m]),
        }
    }
    let accepted: Vec<Vec<Match>> = groups
        .into_par_iter()
        .map(|g| {
            let mut state: HashMap<u32, UseState> = HashMap::new();
            let mut out = Vec::new();
            for m in g {
                let busy =
                    |s: Option<&UseState>| s.is_some_and(|s| s.full || !s.regions.is_empty());
                if let Some((long, region)) = m.fragment {
                    let short = if long == m.u { m.v } else { m.u };
                    if busy(state.get(&short)) {
                        continue;
                    }
                    let ls = state.entry(long).or_default();
                    if ls.full || ls.regions.iter().any(|r| r.overlaps(&region)) {
                        continue;
                    }
                    ls.regions.push(region);
                    state.entry(short).or_default().full = true;
                } else {
                    if busy(state.get(&m.u)) || busy(state.get(&m.v)) {
                        continue;
                    }
                    state.entry(m.u).or_default().full = true;
                    state.entry(m.v).or_default().full = true;
                }
                out.push(m);
            }
            out
        })
        .collect();
    accepted.into_iter().flatten().collect()
}

// ---------------------------------------------------------------- findings

fn claim_kind(k: UnitKind) -> ClaimKind {
    match k {
        UnitKind::Quote => ClaimKind::Quote,
        UnitKind::Sentence => ClaimKind::Sentence,
    }
}

fn evidence(p: &Prepared, u: &Unit) -> Evidence {
    let x = p.docs[u.doc];
    Evidence {
        claim: ClaimRef {
            article: x.article.id.clone(),
            kind: claim_kind(u.kind),
            index: u.index,
            span: u.span,
        },
        text: u.span.slice(&x.article.text).to_string(),
        speaker: u
            .speaker
            .map(|s| p.people.persons[s].name.clone())
            .or_else(|| u.speaker_text.clone()),
        value: None,
        value_span: None,
    }
}

fn with_value(mut e: Evidence, value: String, span: Span) -> Evidence {
    e.value = Some(value);
    e.value_span = Some(span);
    e
}

fn trivial_edit(e: &TokenEdit) -> bool {
    let all_stop = |s: &str| {
        fold(s)
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .all(is_stop)
    };
    all_stop(&e.a_text) && all_stop(&e.b_text)
}

fn count_ops(diff: &[TokenEdit]) -> String {
    let mut counts: BTreeMap<EditOp, usize> = BTreeMap::new();
    for e in diff {
        *counts.entry(e.op).or_default() += 1;
    }
    let name = |op: EditOp| match op {
        EditOp::Substitution => "substitution",
        EditOp::Insertion => "insertion",
        EditOp::Omission => "omission",
        EditOp::Truncation => "truncation",
        EditOp::Ellipsis => "ellipsis",
        EditOp::Reordering => "reordering",
    };
    counts
        .into_iter()
        .map(|(op, n)| format!("{n} {}{}", name(op), if n > 1 { "s" } else { "" }))
        .collect::<Vec<_>>()
        .join(", ")
}

fn quote_finding(p: &Prepared, cfg: &Config, m: &Match) -> Option<Finding> {
    let (u, v) = (&p.units[m.u as usize], &p.units[m.v as usize]);
    let (xa, xb) = (p.docs[u.doc], p.docs[v.doc]);
    let wa: Vec<u32> = u.toks.iter().map(|t| t.word).collect();
    let sa: Vec<Span> = u.toks.iter().map(|t| t.span).collect();
    let wb: Vec<u32> = v.toks.iter().map(|t| t.word).collect();
    let sb: Vec<Span> = v.toks.iter().map(|t| t.span).collect();
    let d = diff(
        &Side {
            words: &wa,
            spans: &sa,
            text: &xa.article.text,
        },
        &Side {
            words: &wb,
            spans: &sb,
            text: &xb.article.text,
        },
        p.ellipsis,
    );
    // Reported speech is a paraphrase: other words on an indirect side are
    // no wording discrepancy (the match itself is the agreement).
    let paraphrase = xa.quotes[u.index].kind == QuoteKind::Indirect
        || xb.quotes[v.index].kind == QuoteKind::Indirect;
    let same_words = paraphrase
        || d.iter()
            .all(|e| trivial_edit(e) || (cfg.fragment_is_agreement && e.op == EditOp::Truncation));
    let rel = relation(u, v);
    let agreement = match rel {
        Rel::Different => false,
        Rel::OneSided if cfg.report_unattributed => false,
        _ => same_words,
    };
    if agreement && !cfg.agreements {
        return None;
    }
    let (ea, eb) = (evidence(p, u), evidence(p, v));
    let who = |e: &Evidence| e.speaker.clone().unwrap_or_else(|| "no one".to_string());
    let (kind, confidence, explanation) = match rel {
        Rel::Different => (
            FindingKind::Attribution,
            m.score * 0.9,
            format!(
                "{} attributes the quote to {}, {} to {}.",
                xa.article.id,
                who(&ea),
                xb.article.id,
                who(&eb)
            ),
        ),
        Rel::OneSided if cfg.report_unattributed => (
            FindingKind::Attribution,
            m.score * 0.6,
            format!(
                "{} attributes the quote to {}, {} to {}.",
                xa.article.id,
                who(&ea),
                xb.article.id,
                who(&eb)
            ),
        ),
        _ if same_words => (
            FindingKind::Agreement,
            m.score,
            if d.is_empty() {
                format!(
                    "Both articles quote {} with the same words.",
                    ea.speaker.as_deref().unwrap_or("the speaker")
                )
            } else {
                format!(
                    "Both articles quote {} consistently ({}).",
                    ea.speaker.as_deref().unwrap_or("the speaker"),
                    count_ops(&d)
                )
            },
        ),
        _ => (
            FindingKind::QuoteWording,
            m.score * if rel == Rel::Same { 1.0 } else { 0.7 },
            format!(
                "The articles quote {} in different words: {}.",
                ea.speaker.as_deref().unwrap_or("an unnamed speaker"),
                count_ops(&d)
            ),
        ),
    };
    Some(Finding {
        kind,
        confidence: confidence.clamp(0.0, 1.0),
        a: ea,
        b: eb,
        diff: d,
        scores: m.scores,
        explanation,
    })
}

fn fmt_date(v: &DateValue) -> String {
    match v {
        DateValue::Day(d) => d.to_string(),
        DateValue::Interval { start, end } => format!("{start}/{end}"),
    }
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn fmt_quantity(q: &Quantity) -> String {
    let i = &q.interval;
    let lo = i.low.map(fmt_num).unwrap_or_else(|| "-inf".into());
    let hi = i.high.map(fmt_num).unwrap_or_else(|| "inf".into());
    let iv = if i.low.is_some() && i.low == i.high {
        lo
    } else {
        format!(
            "{}{lo}, {hi}{}",
            if i.low_inclusive { '[' } else { '(' },
            if i.high_inclusive { ']' } else { ')' }
        )
    };
    match &q.unit {
        Some(u) => format!("{iv} {u}"),
        None => iv,
    }
}

fn facts_in<'x, T>(
    items: &'x [T],
    span_of: impl Fn(&T) -> Span,
    unit: &Unit,
    mask: &[Span],
) -> Vec<(usize, &'x T)> {
    items
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            let s = span_of(t);
            unit.span.contains(&s)
                && (unit.kind == UnitKind::Quote || !mask.iter().any(|m| m.contains(&s)))
        })
        .collect()
}

/// Pairs items of two sides: first the pairs that agree (`same`), then the
/// remaining comparable ones in text order. Returns `(a, b, agrees)`.
fn pair_values<A: Copy, B: Copy>(
    a: &[A],
    b: &[B],
    comparable: impl Fn(A, B) -> bool,
    same: impl Fn(A, B) -> bool,
) -> Vec<(A, B, bool)> {
    let mut used_b = vec![false; b.len()];
    let mut left_a = Vec::new();
    let mut out = Vec::new();
    for &x in a {
        match (0..b.len()).find(|&j| !used_b[j] && comparable(x, b[j]) && same(x, b[j])) {
            Some(j) => {
                used_b[j] = true;
                out.push((x, b[j], true));
            }
            None => left_a.push(x),
        }
    }
    for x in left_a {
        if let Some(j) = (0..b.len()).find(|&j| !used_b[j] && comparable(x, b[j])) {
            used_b[j] = true;
            out.push((x, b[j], false));
        }
    }
    out
}

const UNIT_FAMILIES: &[&[&str]] = &[
    &["soldier", "troop", "servicemen", "servicemembers", "forc"],
    &["peopl", "person", "civilian", "resid"],
    &["dollar", "usd", "$"],
    &["euro", "eur", "€"],
];

fn units_compatible(a: &Quantity, b: &Quantity) -> bool {
    if std::mem::discriminant(&a.kind) != std::mem::discriminant(&b.kind) {
        return false;
    }
    if let (QuantityKind::Currency(x), QuantityKind::Currency(y)) = (&a.kind, &b.kind) {
        if x != y {
            return false;
        }
    }
    match (&a.unit, &b.unit) {
        (Some(x), Some(y)) => {
            let st = stemmer();
            let (sx, sy) = (stem(&st, &fold(x)), stem(&st, &fold(y)));
            sx == sy
                || UNIT_FAMILIES.iter().any(|f| {
                    f.iter().any(|p| sx.starts_with(p)) && f.iter().any(|p| sy.starts_with(p))
                })
        }
        _ => true,
    }
}

fn dates_overlap(a: &DateMention, b: &DateMention, tol: i64) -> bool {
    match (a.value, b.value) {
        (Some(x), Some(y)) => {
            let t = chrono::Duration::days(tol);
            x.start() - t <= y.end() && y.start() - t <= x.end()
        }
        _ => true,
    }
}

/// Prepositions that make a place the location of the event (“met in
/// Geneva”), as opposed to its topic (“talks on Ukraine”).
const LOCATIVES: &[&str] = &[
    "in", "at", "near", "outside", "inside", "to", "from", "across",
];

/// True when the word right before `span` is a locative preposition.
fn is_location(text: &str, span: &Span) -> bool {
    let before = text[..span.start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    LOCATIVES.contains(&word.as_str())
}

/// Places named as locations inside `unit`: (folded name, mention span, name).
fn places_in<'x>(x: &'x Extraction, unit: &Unit, mask: &[Span]) -> Vec<(String, Span, &'x str)> {
    let text = x.article.text.as_str();
    let mut v: Vec<(String, Span, &str)> = x
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .flat_map(|e| {
            e.mentions
                .iter()
                .filter(|s| {
                    unit.span.contains(s)
                        && !mask.iter().any(|m| m.contains(s))
                        && is_location(text, s)
                })
                .map(move |s| (fold(&e.name), *s, e.name.as_str()))
        })
        .collect();
    v.sort_by_key(|t| t.1);
    v
}

/// IDF cosine of two units' content stems, leaving out tokens inside the
/// given spans (exact matches only).
fn masked_cosine(p: &Prepared, u: &Unit, mu: &[Span], v: &Unit, mv: &[Span]) -> f64 {
    let stems = |unit: &Unit, mask: &[Span]| -> Vec<u32> {
        let mut s: Vec<u32> = unit
            .toks
            .iter()
            .filter(|t| !t.stop && !mask.iter().any(|m| m.overlaps(&t.span)))
            .map(|t| t.stem)
            .collect();
        s.sort_unstable();
        s.dedup();
        s
    };
    let (a, b) = (stems(u, mu), stems(v, mv));
    let w = |s: &u32| p.idf[*s as usize];
    let dot: f64 = a
        .iter()
        .filter(|s| b.binary_search(s).is_ok())
        .map(|s| w(s) * w(s))
        .sum();
    let na: f64 = a.iter().map(|s| w(s) * w(s)).sum();
    let nb: f64 = b.iter().map(|s| w(s) * w(s)).sum();
    if na > 0.0 && nb > 0.0 {
        (dot / (na.sqrt() * nb.sqrt())).min(1.0)
    } else {
        0.0
    }
}

fn sentence_findings(p: &Prepared, cfg: &Config, m: &Match) -> Vec<Finding> {
    let (u, v) = (&p.units[m.u as usize], &p.units[m.v as usize]);
    let (xa, xb) = (p.docs[u.doc], p.docs[v.doc]);
    let (ma, mb) = (&p.masks[u.doc], &p.masks[v.doc]);
    // `scores.chars` (a Levenshtein over both sentences) is filled in at
    // the end, once it is known that a finding is built at all.
    let scores = m.scores;
    let mut out = Vec::new();
    let mut agreed: Vec<String> = Vec::new();
    // Dates.
    let da: Vec<(usize, &DateMention)> = facts_in(&xa.dates, |d| d.span, u, ma)
        .into_iter()
        .filter(|(_, d)| d.value.is_some())
        .collect();
    let db: Vec<(usize, &DateMention)> = facts_in(&xb.dates, |d| d.span, v, mb)
        .into_iter()
        .filter(|(_, d)| d.value.is_some())
        .collect();
    for (x, y, same) in pair_values(
        &da,
        &db,
        |_, _| true,
        |x, y| dates_overlap(x.1, y.1, cfg.date_tolerance_days),
    ) {
        let (vx, vy) = (x.1.value.unwrap(), y.1.value.unwrap());
        if same {
            if cfg.agreements {
                agreed.push(format!("date {} ~ {}", fmt_date(&vx), fmt_date(&vy)));
            }
            continue;
        }
        let unsure =
            x.1.granularity == Granularity::Unknown || y.1.granularity == Granularity::Unknown;
        out.push(Finding {
            kind: FindingKind::Date,
            confidence: (m.score * if unsure { 0.6 } else { 0.9 }).clamp(0.0, 1.0),
            a: with_value(evidence(p, u), fmt_date(&vx), x.1.span),
            b: with_value(evidence(p, v), fmt_date(&vy), y.1.span),
            diff: Vec::new(),
            scores,
            explanation: format!(
                "Same claim, different dates: “{}” ({}) in {} vs “{}” ({}) in {}.",
                x.1.text,
                fmt_date(&vx),
                xa.article.id,
                y.1.text,
                fmt_date(&vy),
                xb.article.id
            ),
        });
    }
    // Quantities.
    let qa: Vec<(usize, &Quantity)> = facts_in(&xa.quantities, |q| q.span, u, ma);
    let qb: Vec<(usize, &Quantity)> = facts_in(&xb.quantities, |q| q.span, v, mb);
    for (x, y, same) in pair_values(
        &qa,
        &qb,
        |x, y| units_compatible(x.1, y.1),
        |x, y| x.1.interval.overlaps(&y.1.interval),
    ) {
        if same {
            if cfg.agreements {
                agreed.push(format!(
                    "quantity {} ~ {}",
                    fmt_quantity(x.1),
                    fmt_quantity(y.1)
                ));
            }
            continue;
        }
        out.push(Finding {
            kind: FindingKind::Quantity,
            confidence: (m.score * 0.9).clamp(0.0, 1.0),
            a: with_value(evidence(p, u), fmt_quantity(x.1), x.1.span),
            b: with_value(evidence(p, v), fmt_quantity(y.1), y.1.span),
            diff: Vec::new(),
            scores,
            explanation: format!(
                "Same claim, incompatible numbers: “{}” in {} vs “{}” in {}.",
                x.1.text, xa.article.id, y.1.text, xb.article.id
            ),
        });
    }
    // Places.
    if cfg.compare_places {
        let pa = places_in(xa, u, ma);
        let pb = places_in(xb, v, mb);
        let only_a: Vec<_> = pa
            .iter()
            .filter(|x| !pb.iter().any(|y| y.0 == x.0))
            .collect();
        let only_b: Vec<_> = pb
            .iter()
            .filter(|y| !pa.iter().any(|x| x.0 == y.0))
            .collect();
        let shared = pa.iter().any(|x| pb.iter().any(|y| y.0 == x.0));
        if !shared {
            if let (Some(x), Some(y)) = (only_a.first(), only_b.first()) {
                out.push(Finding {
                    kind: FindingKind::Place,
                    confidence: (m.score * 0.8).clamp(0.0, 1.0),
                    a: with_value(evidence(p, u), x.2.to_string(), x.1),
                    b: with_value(evidence(p, v), y.2.to_string(), y.1),
                    diff: Vec::new(),
                    scores,
                    explanation: format!(
                        "Same claim, different places: {} in {} vs {} in {}.",
                        x.2, xa.article.id, y.2, xb.article.id
                    ),
                });
            }
        } else {
            agreed.push("places".to_string());
        }
    }
    // The claim without its values: the differing values themselves must
    // not count against "same claim".
    let fact_spans = |x: &Extraction, unit: &Unit| -> Vec<Span> {
        x.dates
            .iter()
            .map(|d| d.span)
            .chain(x.quantities.iter().map(|q| q.span))
            .chain(
                x.entities
                    .iter()
                    .filter(|e| e.kind == EntityKind::Place)
                    .flat_map(|e| e.mentions.iter().copied()),
            )
            .filter(|s| unit.span.contains(s))
            .collect()
    };
    // `rest` only matters when the score alone is under the threshold.
    if !out.is_empty()
        && m.score < cfg.value_threshold
        && m.score.max(masked_cosine(
            p,
            u,
            &fact_spans(xa, u),
            v,
            &fact_spans(xb, v),
        )) < cfg.value_threshold
    {
        // Conflicting values, and the claims are not clearly the same:
        // neither an agreement nor a discrepancy.
        return Vec::new();
    }
    if out.is_empty() && !cfg.agreements {
        return out;
    }
    let chars = char_similarity(&words_text(p, u), &words_text(p, v));
    for f in &mut out {
        f.scores.chars = chars;
    }
    let scores = Scores { chars, ..scores };
    if out.is_empty() {
        let mut explanation = format!(
            "Both articles report the same claim (token similarity {:.2}).",
            m.score
        );
        if !agreed.is_empty() {
            explanation.pop();
            explanation.push_str(&format!("; consistent {}.", agreed.join(", ")));
        }
        out.push(Finding {
            kind: FindingKind::Agreement,
            confidence: m.score.clamp(0.0, 1.0),
            a: evidence(p, u),
            b: evidence(p, v),
            diff: Vec::new(),
            scores,
            explanation,
        });
    }
    out
}

fn role_findings(p: &Prepared) -> Vec<Finding> {
    let roles = roles_by_person(&p.people, &p.docs);
    let mut out = Vec::new();
    for (pid, rs) in roles.iter().enumerate() {
        let person = &p.people.persons[pid];
        let mut by_doc: BTreeMap<usize, Vec<&crate::people::RoleRef>> = BTreeMap::new();
        for r in rs {
            by_doc.entry(r.doc).or_default().push(r);
        }
        let docs: Vec<(&usize, &Vec<_>)> = by_doc.iter().collect();
        for (i, (da, ra)) in docs.iter().enumerate() {
            for (db, rb) in &docs[i + 1..] {
                let any_same = ra
                    .iter()
                    .any(|x| rb.iter().any(|y| roles_compatible(&x.text, &y.text)));
                if any_same {
                    continue;
                }
                let (x, y) = (ra[0], rb[0]);
                let (xa, xb) = (p.docs[**da], p.docs[**db]);
                let ev = |xd: &Extraction, r: &crate::people::RoleRef| Evidence {
                    claim: ClaimRef {
                        article: xd.article.id.clone(),
                        kind: ClaimKind::Person,
                        index: r.entity,
                        span: r.span,
                    },
                    text: r.span.slice(&xd.article.text).to_string(),
                    speaker: Some(person.name.clone()),
                    value: Some(r.text.clone()),
                    value_span: Some(r.span),
                };
                let (tx, ty) = (role_tokens(&x.text), role_tokens(&y.text));
                let inter = tx.iter().filter(|t| ty.contains(t)).count() as f64;
                let union = (tx.len() + ty.len()) as f64 - inter;
                let short = tx.len().min(ty.len()).max(1) as f64;
                out.push(Finding {
                    kind: FindingKind::SpeakerRole,
                    confidence: if person.full_names { 0.8 } else { 0.6 },
                    a: ev(xa, x),
                    b: ev(xb, y),
                    diff: Vec::new(),
                    scores: Scores {
                        token: if union > 0.0 { inter / union } else { 0.0 },
                        chars: char_similarity(&fold(&x.text), &fold(&y.text)),
                        containment: inter / short,
                    },
                    explanation: format!(
                        "{} is “{}” in {} but “{}” in {}.",
                        person.name, x.text, xa.article.id, y.text, xb.article.id
                    ),
                });
            }
        }
    }
    out
}

fn finding_key(f: &Finding) -> impl Ord + '_ {
    (
        (&f.a.claim.article, &f.b.claim.article),
        (f.a.claim.span, f.b.claim.span),
        f.kind,
        (f.a.value_span, f.b.value_span),
        (
            f.a.claim.kind,
            f.a.claim.index,
            f.b.claim.kind,
            f.b.claim.index,
        ),
    )
}

/// Runs the whole pipeline.
pub(crate) fn run(input: &[Extraction], cfg: &Config) -> Alignment {
    let p = prepare(input, cfg);
    let cands = if cfg.all_pairs {
        all_pairs(&p)
    } else {
        block(&p, cfg)
    };
    let scored = score_all(&p, cfg, &cands);
    let accepted = assign(&p, scored);
    let mut findings: Vec<Finding> = accepted
        .par_iter()
        .flat_map_iter(|m| match p.units[m.u as usize].kind {
            UnitKind::Quote => quote_finding(&p, cfg, m).into_iter().collect(),
            UnitKind::Sentence => sentence_findings(&p, cfg, m),
        })
        .collect();
    if cfg.compare_roles {
        findings.extend(role_findings(&p));
    }
    findings.sort_by(|a, b| finding_key(a).cmp(&finding_key(b)));
    findings.dedup_by(|a, b| finding_key(a) == finding_key(b));
    // Unique claims.
    let mut matched = vec![false; p.units.len()];
    for m in &accepted {
        matched[m.u as usize] = true;
        matched[m.v as usize] = true;
    }
    let unique = p
        .units
        .iter()
        .zip(&matched)
        .filter(|(_, &m)| !m)
        .map(|(u, _)| {
            let e = evidence(&p, u);
            UniqueClaim {
                claim: e.claim,
                text: e.text,
                speaker: e.speaker,
            }
        })
        .collect();
    // People.
    let roles = roles_by_person(&p.people, &p.docs);
    let people = p
        .people
        .persons
        .iter()
        .zip(roles)
        .map(|(mp, rs)| {
            let mut mentions: Vec<(String, usize)> = mp
                .entities
                .iter()
                .map(|&(d, e)| (p.docs[d].article.id.clone(), e))
                .collect();
            mentions.sort();
            let mut roles: Vec<(String, String)> = rs
                .iter()
                .map(|r| (p.docs[r.doc].article.id.clone(), r.text.clone()))
                .collect();
            roles.sort();
            roles.dedup();
            Person {
                name: mp.name.clone(),
                aliases: mp.names.clone(),
                mentions,
                roles,
            }
        })
        .collect();
    Alignment {
        findings,
        unique,
        people,
    }
}

/// Scored matches above thresholds, as `(article a, span a, article b, span
/// b)`; for tests comparing blocking with all pairs.
#[doc(hidden)]
pub fn matched_pairs(input: &[Extraction], cfg: &Config) -> Vec<(String, Span, String, Span)> {
    let p = prepare(input, cfg);
    let cands = if cfg.all_pairs {
        all_pairs(&p)
    } else {
        block(&p, cfg)
    };
    let mut v: Vec<_> = score_all(&p, cfg, &cands)
        .into_iter()
        .map(|m| {
            let (u, w) = (&p.units[m.u as usize], &p.units[m.v as usize]);
            (
                p.docs[u.doc].article.id.clone(),
                u.span,
                p.docs[w.doc].article.id.clone(),
                w.span,
            )
        })
        .collect();
    v.sort();
    v
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

    /// The binary search over merged masks answers exactly like the linear
    /// scan it replaced (regression: that scan was quadratic with thousands
    /// of quotes in one article).
    #[test]
    fn overlaps_any_matches_linear_scan() {
        let masks = [
            Span::new(10, 20),
            Span::new(15, 30),
            Span::new(40, 45),
            Span::new(45, 50),
            Span::new(60, 60),
            Span::new(5, 8),
        ];
        let merged = merge_spans(&masks);
        assert_eq!(
            merged,
            [
                Span::new(5, 8),
                Span::new(10, 30),
                Span::new(40, 45),
                Span::new(45, 50),
                Span::new(60, 60)
            ]
        );
        for start in 0..70 {
            for end in start + 1..72 {
                let t = Span::new(start, end);
                let linear = masks.iter().any(|m| m.overlaps(&t));
                assert_eq!(overlaps_any(&merged, t), linear, "{t:?}");
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
