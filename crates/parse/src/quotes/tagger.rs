//! A learned tagger for attributions: each token of a sentence is tagged
//! *outside*, *source*, *cue* or *content* (PolNeAR's three roles, which
//! never overlap), by a linear model over hand-made features, decoded with
//! Viterbi (a structured, averaged perceptron: no ML runtime).
//!
//! The model is trained by the project itself, on PolNeAR
//! (`../shared/devdata/polnear-train`), by `crates/eval/src/bin/
//! train_attribution.rs`; its weights are `crates/parse/data/
//! attribution.model`, compiled in. How to retrain: `docs/accuracy.md`.
//!
//! Features are computed once per token from the analysis (lowercase word
//! and its neighbours, suffix, shape, lexicon classes, quotation marks,
//! entity mentions, distance to the nearest reporting verb); each is a
//! 32-bit hash, and the model keeps `2^bits` buckets of four weights
//! (the hashing trick: no vocabulary to store).
//!
//! ```
//! use crosscheck_parse::quotes::tagger::{Model, Tag};
//! let model = Model::builtin();
//! let text = "The minister said the border would stay closed until March.";
//! let tags = model.tag_text(text);
//! let content: Vec<&str> = tags
//!     .iter()
//!     .filter(|(_, t)| *t == Tag::Content)
//!     .map(|(s, _)| s.slice(text))
//!     .collect();
//! assert!(content.contains(&"border"), "{tags:?}");
//! ```

use super::Ctx;
use crate::analysis::Analysis;
use crate::lexicon::{Class, Classes};
use crate::model::{EntityKind, Span};
use crate::text::{Shape, TokKind, Token};
use std::sync::LazyLock;

/// The role of a token in an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    /// Not part of an attribution.
    Outside = 0,
    /// Who speaks (“the minister”).
    Source = 1,
    /// The verb or phrase of speech (“said”, “according to”).
    Cue = 2,
    /// What is said.
    Content = 3,
}

/// The number of tags.
pub const TAGS: usize = 4;

impl Tag {
    /// Every tag, by index.
    pub const ALL: [Tag; TAGS] = [Tag::Outside, Tag::Source, Tag::Cue, Tag::Content];

    /// The tag of index `i` (`Outside` past the last).
    pub fn from_index(i: usize) -> Tag {
        Tag::ALL.get(i).copied().unwrap_or(Tag::Outside)
    }
}

/// The features of one sentence: for each token, a list of 32-bit feature
/// hashes (`ids[offsets[i]..offsets[i + 1]]`).
#[derive(Clone, Debug, Default)]
pub struct SentenceFeatures {
    /// The tokens' spans, in order.
    pub spans: Vec<Span>,
    /// Where each token's features start in `ids` (one more than tokens).
    pub offsets: Vec<u32>,
    /// The feature hashes.
    pub ids: Vec<u32>,
}

impl SentenceFeatures {
    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when the sentence has no token.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The features of token `i`.
    pub fn token(&self, i: usize) -> &[u32] {
        &self.ids[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    fn clear(&mut self) {
        self.spans.clear();
        self.offsets.clear();
        self.ids.clear();
    }
}

/// Feature templates (the first argument of [`fid`]).
#[derive(Clone, Copy)]
#[repr(u32)]
enum T {
    Bias = 1,
    Word,
    Prev,
    Next,
    Prev2,
    Next2,
    Suffix,
    Shape,
    ShapeAround,
    Class,
    InMarks,
    Mention,
    CueLeft,
    CueRight,
    CueLeftWord,
    Position,
    WordCueLeft,
    After,
    PrevNext,
    CommaCueRight,
    MarkEdge,
}

/// A feature's hash: template and value mixed (splitmix64's finaliser).
fn fid(template: T, value: u64) -> u32 {
    let mut h = value ^ (template as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^= h >> 31;
    (h >> 32) as u32
}

/// FNV-1a over the lowercase bytes of `word` (ASCII lowercased in place;
/// other chars as written, their case rarely matters for a feature).
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The last three bytes of a word longer than four (its suffix), hashed.
fn suffix_hash(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    (b.len() > 4).then(|| word_hash(std::str::from_utf8(&b[b.len() - 3..]).unwrap_or("")))
}

/// Classes that make a feature of their own.
const FEATURE_CLASSES: &[Class] = &[
    Class::ReportingVerb,
    Class::QuoteVerb,
    Class::PersonPronoun,
    Class::RoleNoun,
    Class::TitleModifier,
    Class::Determiner,
    Class::Auxiliary,
    Class::FunctionWord,
    Class::StopCapitalised,
    Class::GivenName,
];

/// A reporting or quote verb: what the cue distance features measure to.
const CUE_CLASSES: Classes = Classes::all(&[Class::ReportingVerb, Class::QuoteVerb]);

/// A coarse shape code of a token.
fn shape_code(t: &Token, text: &str) -> u64 {
    match t.kind {
        TokKind::Number => 1,
        TokKind::Punct => {
            let w = t.span.slice(text);
            match w {
                "," => 2,
                "." | "!" | "?" => 3,
                ":" | ";" => 4,
                "“" | "”" | "\"" | "'" | "‘" | "’" | "«" | "»" | "„" => 5,
                "(" | ")" | "[" | "]" => 6,
                "—" | "–" | "-" => 7,
                _ => 8,
            }
        }
        TokKind::Word => {
            let s = t.shape;
            let mut c = 16;
            if s.has(Shape::ALL_CAPS) {
                c += 1;
            } else if s.has(Shape::CAPITALISED) {
                c += 2;
            } else if s.has(Shape::LOWERCASE) {
                c += 3;
            }
            if s.has(Shape::POSSESSIVE) {
                c += 8;
            }
            c
        }
    }
}

/// A distance as a bucket: 1, 2, 3, 4-6, 7-12, far, none.
fn distance_bucket(d: Option<usize>) -> u64 {
    match d {
        None => 0,
        Some(0) => 1,
        Some(1) => 2,
        Some(2) => 3,
        Some(3) => 4,
        Some(4..=6) => 5,
        Some(7..=12) => 6,
        Some(_) => 7,
    }
}

/// Per-token facts the features are made of, reused between sentences.
#[derive(Default)]
pub(super) struct Scratch {
    words: Vec<u64>,
    shapes: Vec<u64>,
    in_marks: Vec<bool>,
    mention: Vec<u8>,
    cues: Vec<usize>,
}

impl<'a> Ctx<'a> {
    /// The features of sentence `si` into `out` (cleared first).
    pub(super) fn sentence_features(
        &self,
        si: usize,
        scratch: &mut Scratch,
        out: &mut SentenceFeatures,
    ) {
        out.clear();
        let toks = self.sentence_toks(si);
        let n = toks.len();
        let text = self.text;
        scratch.words.clear();
        scratch.shapes.clear();
        scratch.in_marks.clear();
        scratch.mention.clear();
        scratch.cues.clear();
        // marks and mentions are sorted: walk them along the tokens
        let mut mk = self
            .mark_spans
            .partition_point(|&(_, end)| end <= toks.first().map_or(0, |t| t.span.start));
        let mut mn = self
            .mentions
            .partition_point(|(s, _)| s.end <= toks.first().map_or(0, |t| t.span.start));
        for (i, t) in toks.iter().enumerate() {
            let w = t.span.slice(text);
            scratch.words.push(if t.kind == TokKind::Word {
                word_hash(w)
            } else {
                word_hash(w) ^ 0x5555
            });
            scratch.shapes.push(shape_code(t, text));
            while mk < self.mark_spans.len() && self.mark_spans[mk].1 <= t.span.start {
                mk += 1;
            }
            let inside = self.inside_marks(t.span.start)
                && !(mk < self.mark_spans.len() && self.mark_spans[mk].0 == t.span.start);
            scratch.in_marks.push(inside);
            while mn < self.mentions.len() && self.mentions[mn].0.end <= t.span.start {
                mn += 1;
            }
            let kind = self.mentions[mn..]
                .iter()
                .take(3)
                .find(|(s, _)| s.start <= t.span.start && t.span.start < s.end)
                .map_or(0, |&(_, e)| match self.entities[e].kind {
                    EntityKind::Person => 1,
                    EntityKind::Organization => 2,
                    EntityKind::Place => 3,
                });
            scratch.mention.push(kind);
            if t.classes.intersects(CUE_CLASSES) && !inside {
                scratch.cues.push(i);
            }
        }
        let according = toks.windows(2).position(|p| {
            p[0].span.slice(text).eq_ignore_ascii_case("according")
                && p[1].span.slice(text).eq_ignore_ascii_case("to")
        });
        if let Some(a) = according {
            scratch.cues.push(a);
            scratch.cues.sort_unstable();
        }
        let w = |i: isize| -> u64 {
            if i < 0 {
                1
            } else {
                scratch.words.get(i as usize).copied().unwrap_or(2)
            }
        };
        let mut cue_k = 0; // first cue at or after i
        for (i, t) in toks.iter().enumerate() {
            out.spans.push(t.span);
            out.offsets.push(out.ids.len() as u32);
            let ii = i as isize;
            let ids = &mut out.ids;
            ids.push(fid(T::Bias, 0));
            ids.push(fid(T::Word, w(ii)));
            ids.push(fid(T::Prev, w(ii - 1)));
            ids.push(fid(T::Next, w(ii + 1)));
            ids.push(fid(T::Prev2, w(ii - 2)));
            ids.push(fid(T::Next2, w(ii + 2)));
            ids.push(fid(T::PrevNext, w(ii - 1).rotate_left(17) ^ w(ii + 1)));
            if let Some(sfx) = suffix_hash(t.span.slice(text)) {
                ids.push(fid(T::Suffix, sfx));
            }
            let sh = scratch.shapes[i];
            ids.push(fid(T::Shape, sh));
            let around = (if i > 0 { scratch.shapes[i - 1] } else { 0 }) << 8
                | scratch.shapes.get(i + 1).copied().unwrap_or(0);
            ids.push(fid(T::ShapeAround, around << 8 | sh));
            for (k, &c) in FEATURE_CLASSES.iter().enumerate() {
                if t.is(c) {
                    ids.push(fid(T::Class, k as u64));
                }
            }
            ids.push(fid(T::InMarks, u64::from(scratch.in_marks[i])));
            let edge = u64::from(i > 0 && scratch.in_marks[i - 1])
                | u64::from(scratch.in_marks.get(i + 1).copied().unwrap_or(false)) << 1;
            ids.push(fid(T::MarkEdge, edge << 1 | u64::from(scratch.in_marks[i])));
            ids.push(fid(T::Mention, u64::from(scratch.mention[i])));
            // the nearest cues on each side
            while cue_k < scratch.cues.len() && scratch.cues[cue_k] < i {
                cue_k += 1;
            }
            let left = cue_k.checked_sub(1).map(|k| scratch.cues[k]);
            let at_or_right = scratch.cues.get(cue_k).copied();
            let dl = left.map(|l| i - l);
            let dr = at_or_right.map(|r| r - i);
            ids.push(fid(T::CueLeft, distance_bucket(dl)));
            ids.push(fid(T::CueRight, distance_bucket(dr)));
            if let Some(l) = left {
                // the word right after that cue (“said that”, “told reporters”)
                ids.push(fid(T::CueLeftWord, w(l as isize + 1)));
                ids.push(fid(
                    T::WordCueLeft,
                    w(l as isize) ^ distance_bucket(dl).wrapping_mul(0x1234_5677),
                ));
            }
            if let Some(r) = at_or_right {
                // a comma between here and the cue on the right: “CLAUSE, X said”
                let comma = toks[i..r].iter().any(|t| t.span.slice(text) == ",");
                ids.push(fid(
                    T::CommaCueRight,
                    u64::from(comma) << 8 | distance_bucket(dr),
                ));
            }
            let pos = if i == 0 {
                0
            } else if i + 1 == n {
                1
            } else {
                2 + (4 * i / n) as u64
            };
            ids.push(fid(T::Position, pos));
            ids.push(fid(T::After, u64::from(according.is_some_and(|a| a < i))));
        }
        out.offsets.push(out.ids.len() as u32);
    }
}

/// Bytes that start a model file.
const MAGIC: &[u8; 8] = b"XCATTR01";

/// A trained tagger: `2^bits` buckets of one weight per tag, and the tag
/// transition weights (the first row: from the sentence start).
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    bits: u32,
    weights: Vec<i16>,
    transitions: Vec<i32>,
}

static BUILTIN: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!("../../data/attribution.model"))
        .unwrap_or_else(|_| Model::empty(4))
});

impl Model {
    /// The model compiled into the crate.
    pub fn builtin() -> &'static Model {
        &BUILTIN
    }

    /// A model of `2^bits` buckets whose weights are all zero (it tags
    /// every token *outside*).
    pub fn empty(bits: u32) -> Model {
        Model {
            bits,
            weights: vec![0; (1usize << bits) * TAGS],
            transitions: vec![0; (TAGS + 1) * TAGS],
        }
    }

    /// A model from float weights (as a trainer keeps them): `weights`
    /// holds `TAGS` per bucket, `transitions` `(TAGS + 1) * TAGS` (the
    /// first row from the sentence start). Weights are scaled so that the
    /// largest fits an `i16`.
    pub fn from_floats(bits: u32, weights: &[f32], transitions: &[f32]) -> Model {
        let max = weights
            .iter()
            .chain(transitions)
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(1e-9);
        let scale = f32::from(i16::MAX - 1) / max;
        Model {
            bits,
            weights: weights.iter().map(|w| (w * scale).round() as i16).collect(),
            transitions: transitions
                .iter()
                .map(|w| (w * scale).round() as i32)
                .collect(),
        }
    }

    /// The model as bytes (the format [`Model::from_bytes`] reads):
    /// magic, bits, transitions (`i32`), weights (`i16`), little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.transitions.len() * 4 + self.weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(TAGS as u32).to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let rest = b.strip_prefix(MAGIC).ok_or("not an attribution model")?;
        let word = |r: &[u8], at: usize| -> Result<u32, String> {
            r.get(at..at + 4)
                .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
                .ok_or_else(|| "truncated model".to_string())
        };
        let bits = word(rest, 0)?;
        let tags = word(rest, 4)? as usize;
        if tags != TAGS || !(8..=24).contains(&bits) {
            return Err(format!("unexpected model shape: {tags} tags, {bits} bits"));
        }
        let ntrans = (TAGS + 1) * TAGS;
        let nweights = (1usize << bits) * TAGS;
        let body = &rest[8..];
        if body.len() != ntrans * 4 + nweights * 2 {
            return Err("model size does not match its header".into());
        }
        let transitions = body[..ntrans * 4]
            .chunks_exact(4)
            .map(|x| i32::from_le_bytes([x[0], x[1], x[2], x[3]]))
            .collect();
        let weights = body[ntrans * 4..]
            .chunks_exact(2)
            .map(|x| i16::from_le_bytes([x[0], x[1]]))
            .collect();
        Ok(Model {
            bits,
            weights,
            transitions,
        })
    }

    /// The bucket of feature `id`.
    fn bucket(&self, id: u32) -> usize {
        (id >> (32 - self.bits)) as usize
    }

    /// The emission scores of one token's features, into `out`.
    fn emission(&self, feats: &[u32], out: &mut [i32; TAGS]) {
        *out = [0; TAGS];
        for &f in feats {
            let b = self.bucket(f) * TAGS;
            for (o, w) in out.iter_mut().zip(&self.weights[b..b + TAGS]) {
                *o += i32::from(*w);
            }
        }
    }

    /// The best tag sequence of a sentence (Viterbi), into `tags`.
    pub fn decode(&self, s: &SentenceFeatures, tags: &mut Vec<Tag>) {
        let n = s.len();
        tags.clear();
        if n == 0 {
            return;
        }
        let mut score = [0i32; TAGS];
        let mut back: Vec<[u8; TAGS]> = Vec::with_capacity(n);
        let mut em = [0i32; TAGS];
        self.emission(s.token(0), &mut em);
        for (t, sc) in score.iter_mut().enumerate() {
            *sc = self.transitions[t] + em[t];
        }
        back.push([0; TAGS]);
        for i in 1..n {
            self.emission(s.token(i), &mut em);
            let mut next = [i32::MIN; TAGS];
            let mut from = [0u8; TAGS];
            for (t, nx) in next.iter_mut().enumerate() {
                for (p, &ps) in score.iter().enumerate() {
                    let v = ps + self.transitions[(p + 1) * TAGS + t];
                    if v > *nx {
                        *nx = v;
                        from[t] = p as u8;
                    }
                }
                *nx += em[t];
            }
            score = next;
            back.push(from);
        }
        let mut best = (0..TAGS)
            .max_by_key(|&t| (score[t], std::cmp::Reverse(t)))
            .unwrap_or(0);
        tags.resize(n, Tag::Outside);
        for i in (0..n).rev() {
            tags[i] = Tag::from_index(best);
            best = back[i][best] as usize;
        }
    }

    /// Tags every token of `text` (sentences, entities and quotation
    /// marks found as `extract` finds them): `(token span, tag)`.
    pub fn tag_text(&self, text: &str) -> Vec<(Span, Tag)> {
        let mut out = Vec::new();
        for s in document_features(text) {
            let mut tags = Vec::new();
            self.decode(&s, &mut tags);
            out.extend(s.spans.iter().copied().zip(tags));
        }
        out
    }
}

/// The features of every sentence of `text`, as the extractor computes
/// them (the trainer's input).
pub fn document_features(text: &str) -> Vec<SentenceFeatures> {
    let analysis = Analysis::new(text);
    let entities = crate::entities::extract_from(&analysis);
    let marks = super::marks::find_marks(text, analysis.sentences());
    let ctx = Ctx::new(&analysis, &entities, &marks);
    let mut scratch = Scratch::default();
    (0..analysis.sentences().len())
        .map(|si| {
            let mut f = SentenceFeatures::default();
            ctx.sentence_features(si, &mut scratch, &mut f);
            f
        })
        .collect()
}

/// A structured averaged perceptron over [`SentenceFeatures`]: what the
/// trainer (`crates/eval/src/bin/train_attribution.rs`) runs.
pub struct Trainer {
    bits: u32,
    weights: Vec<f32>,
    /// Sums for averaging (the lazy-update trick: `sum -= c * update`).
    totals: Vec<f32>,
    transitions: Vec<f32>,
    trans_totals: Vec<f32>,
    /// Updates seen so far.
    c: f32,
}

impl Trainer {
    /// A trainer for a model of `2^bits` buckets.
    pub fn new(bits: u32) -> Self {
        let n = (1usize << bits) * TAGS;
        Trainer {
            bits,
            weights: vec![0.0; n],
            totals: vec![0.0; n],
            transitions: vec![0.0; (TAGS + 1) * TAGS],
            trans_totals: vec![0.0; (TAGS + 1) * TAGS],
            c: 1.0,
        }
    }

    /// The best tag sequence under the current float weights (Viterbi).
    fn decode(&self, s: &SentenceFeatures, tags: &mut Vec<Tag>) {
        let n = s.len();
        tags.clear();
        if n == 0 {
            return;
        }
        let emission = |i: usize| {
            let mut e = [0f32; TAGS];
            for &f in s.token(i) {
                let b = (f >> (32 - self.bits)) as usize * TAGS;
                for (o, w) in e.iter_mut().zip(&self.weights[b..b + TAGS]) {
                    *o += w;
                }
            }
            e
        };
        let em = emission(0);
        let mut score = [0f32; TAGS];
        for t in 0..TAGS {
            score[t] = self.transitions[t] + em[t];
        }
        let mut back: Vec<[u8; TAGS]> = Vec::with_capacity(n);
        back.push([0; TAGS]);
        for i in 1..n {
            let em = emission(i);
            let mut next = [f32::NEG_INFINITY; TAGS];
            let mut from = [0u8; TAGS];
            for t in 0..TAGS {
                for (p, &ps) in score.iter().enumerate() {
                    let v = ps + self.transitions[(p + 1) * TAGS + t];
                    if v > next[t] {
                        next[t] = v;
                        from[t] = p as u8;
                    }
                }
                next[t] += em[t];
            }
            score = next;
            back.push(from);
        }
        let mut best = 0;
        for t in 1..TAGS {
            if score[t] > score[best] {
                best = t;
            }
        }
        tags.resize(n, Tag::Outside);
        for i in (0..n).rev() {
            tags[i] = Tag::from_index(best);
            best = back[i][best] as usize;
        }
    }

    /// One pass over `data` (sentences with their gold tags), in the order
    /// given; returns the number of tokens tagged wrong.
    pub fn epoch(&mut self, data: &[(&SentenceFeatures, &[Tag])]) -> usize {
        let mut wrong = 0;
        let mut pred = Vec::new();
        for (s, gold) in data {
            self.decode(s, &mut pred);
            if pred.as_slice() != *gold {
                for i in 0..s.len() {
                    let (g, p) = (gold[i] as usize, pred[i] as usize);
                    if g != p {
                        wrong += 1;
                        for &f in s.token(i) {
                            let b = (f >> (32 - self.bits)) as usize * TAGS;
                            self.update(b + g, 1.0);
                            self.update(b + p, -1.0);
                        }
                    }
                    let (gp, pp) = if i == 0 {
                        (0, 0)
                    } else {
                        (gold[i - 1] as usize + 1, pred[i - 1] as usize + 1)
                    };
                    if (gp, g) != (pp, p) {
                        self.update_trans(gp * TAGS + g, 1.0);
                        self.update_trans(pp * TAGS + p, -1.0);
                    }
                }
            }
            self.c += 1.0;
        }
        wrong
    }

    fn update(&mut self, k: usize, v: f32) {
        self.weights[k] += v;
        self.totals[k] += self.c * v;
    }

    fn update_trans(&mut self, k: usize, v: f32) {
        self.transitions[k] += v;
        self.trans_totals[k] += self.c * v;
    }

    /// The averaged model.
    pub fn model(&self) -> Model {
        let avg = |w: &[f32], t: &[f32]| -> Vec<f32> {
            w.iter().zip(t).map(|(w, t)| w - t / self.c).collect()
        };
        Model::from_floats(
            self.bits,
            &avg(&self.weights, &self.totals),
            &avg(&self.transitions, &self.trans_totals),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` the builtin model tags `tag`, joined by spaces.
    fn tagged(text: &str, tag: Tag) -> String {
        Model::builtin()
            .tag_text(text)
            .into_iter()
            .filter(|(_, t)| *t == tag)
            .map(|(s, _)| s.slice(text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn builtin_model_is_the_trained_one() {
        let m = Model::builtin();
        assert_eq!(m.bits, 16);
        assert!(
            m.weights.iter().any(|&w| w != 0),
            "the compiled-in model is empty"
        );
    }

    #[test]
    fn reported_speech_without_that() {
        let text = "The port authority said the strike had cost exporters \
                    about $40 million so far.";
        assert!(
            tagged(text, Tag::Cue).contains("said"),
            "{:?}",
            Model::builtin().tag_text(text)
        );
        let content = tagged(text, Tag::Content);
        assert!(content.contains("strike had cost exporters"), "{content}");
        assert!(!content.contains("said"), "{content}");
        assert!(tagged(text, Tag::Source).contains("authority"));
    }

    #[test]
    fn a_sentence_without_speech_has_no_content() {
        let text = "Heavy rain closed the coastal road near Split on Tuesday.";
        assert_eq!(tagged(text, Tag::Content), "");
    }

    #[test]
    fn bytes_round_trip_and_bad_input() {
        let m = Model::from_floats(8, &vec![0.5; (1 << 8) * TAGS], &[1.0; (TAGS + 1) * TAGS]);
        assert_eq!(Model::from_bytes(&m.to_bytes()), Ok(m.clone()));
        let bytes = m.to_bytes();
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes(b"XCATTR01").is_err());
        assert!(Model::from_bytes(b"not a model at all").is_err());
        let mut wrong_bits = bytes.clone();
        wrong_bits[8] = 40;
        assert!(Model::from_bytes(&wrong_bits).is_err());
    }

    #[test]
    fn training_learns_a_tagging_and_is_deterministic() {
        let text = "Officials said the bridge would reopen in May.";
        let feats = document_features(text);
        let gold: Vec<Vec<Tag>> = feats
            .iter()
            .map(|f| {
                f.spans
                    .iter()
                    .map(|s| match s.slice(text) {
                        "Officials" => Tag::Source,
                        "said" => Tag::Cue,
                        "." => Tag::Outside,
                        _ => Tag::Content,
                    })
                    .collect()
            })
            .collect();
        let data: Vec<(&SentenceFeatures, &[Tag])> = feats
            .iter()
            .zip(&gold)
            .map(|(f, g)| (f, g.as_slice()))
            .collect();
        let run = || {
            let mut t = Trainer::new(10);
            for _ in 0..20 {
                t.epoch(&data);
            }
            t.model()
        };
        let model = run();
        assert_eq!(model, run());
        let mut tags = Vec::new();
        model.decode(&feats[0], &mut tags);
        assert_eq!(tags, gold[0]);
    }
}
