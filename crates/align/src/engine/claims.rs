//! Claims, normalised once: every quote and every sentence of reported
//! fact becomes a [`Unit`] with interned tokens (byte spans kept), the
//! stems that score it, and the facts (dates, figures, places) that are
//! compared once two claims are matched.
//!
//! The dates and figures of a sentence are **masked** out of the stems it
//! is scored on: two sentences that differ only in a date or a figure are
//! the same claim with different values, and the differing value must not
//! lower the match. Places are not masked: a shared rare place name is
//! strong evidence of the same claim in a paraphrase, and a different one
//! costs a long sentence one word. Quoted words are masked out of
//! sentences too (they are the speaker's claim, not the outlet's).

use super::matching::Shape;
use crate::config::Config;
use crate::data;
use crate::facts::{
    date_confidence, date_fact, date_is_comparable, quantity_confidence, quantity_fact,
    QuantityRead,
};
use crate::model::DateFact;
use crate::text::{fold, is_stop, stem, stemmer, tokenize, RawTok, ELLIPSIS};
use crate::ClaimStats;
use crosscheck_parse::{
    Attribution, DateMention, EntityKind, Extraction, QuoteKind, Span, TimexKind,
};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::ops::Range;

/// Quote or sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum UnitKind {
    Quote,
    Sentence,
}

/// A token: its span and interned word (its stem is
/// [`Prepared::stem`] of the word). Offsets are kept as `u32` (an article
/// is far below 4 GB; `ingest` caps its size): a token is 16 bytes, and
/// there are tens of millions of them at 100,000 articles.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    start: u32,
    end: u32,
    pub word: u32,
    pub stop: bool,
    /// Inside a fact (date, number, place) of the claim.
    pub fact: bool,
    /// Inside a person's name or role (sentences).
    pub name: bool,
}

/// The value of a fact.
#[derive(Clone, Debug)]
pub(crate) enum FactValue {
    Date(DateFact),
    Quantity(QuantityRead),
    Place(String),
}

/// A fact of a sentence claim.
#[derive(Clone, Debug)]
pub(crate) struct Fact {
    pub value: FactValue,
    /// Span of the expression in the article.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// Extraction confidence.
    pub confidence: f64,
    /// Content stems of the words around the fact (three on each side),
    /// to tell two dates of one sentence apart.
    pub context: Box<[u32]>,
    /// The word right before the fact ("on", "by", "of"), when there is one.
    pub before: Option<u32>,
    /// The word right after the fact, when there is one.
    pub after: Option<u32>,
    /// A place named as the location of the claim ("in Geneva"), not its
    /// topic ("talks on Ukraine"). Always true for dates and figures.
    pub locative: bool,
}

/// A claim that takes part in matching. There are about a dozen per
/// article, all held while stories are compared: the vectors are boxed
/// slices (no spare capacity, 16 bytes each).
#[derive(Clone, Debug)]
pub(crate) struct Unit {
    pub doc: usize,
    pub kind: UnitKind,
    /// Index in the extraction (`quotes` or `sentences`).
    pub index: usize,
    pub span: Span,
    pub toks: Box<[Tok]>,
    /// Sorted, deduplicated stems of the content tokens (not stop words,
    /// not inside facts).
    pub content: Box<[u32]>,
    pub facts: Box<[Fact]>,
    /// Quotes: the quote's kind.
    pub quote_kind: Option<QuoteKind>,
    /// Quotes: the speaker entity and name the article gives.
    pub speaker_entity: Option<usize>,
    pub speaker_text: Option<Box<str>>,
    /// Quotes: how the speaker was found.
    pub attribution: Attribution,
    /// Quotes: the sorted, distinct content stems of the whole utterance
    /// the quote is part of: every quote whose attribution rests on the
    /// same speaker mention (“The benefit of it,” she said, “is plain to
    /// see.”: one quote in two pieces; “A,” Roe said. “B.”: the second
    /// carried over), or every piece of an interrupted quote with no
    /// speaker. Empty when the quote is the whole utterance (then it is
    /// `content`); see [`Unit::utterance`].
    pub utterance: Vec<u32>,
    /// Reported speech: the dates, figures and places inside its words.
    /// They are facts of its sentence and compared there; the quote's
    /// cluster agrees only when they are consistent on every side
    /// (`classify::quote_findings`). Empty for other claims.
    pub inner: Box<[Fact]>,
}

impl Tok {
    /// The token's byte span in the article.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

impl Unit {
    /// Extraction confidence of the claim's words: direct quotes are
    /// surest, reported speech least; sentences are what they are.
    pub fn confidence(&self) -> f64 {
        match self.quote_kind {
            Some(QuoteKind::Direct) => 0.95,
            Some(QuoteKind::Partial) => 0.85,
            Some(QuoteKind::Indirect) => 0.6,
            // a scare quote, or a kind this version does not know
            Some(_) => 0.3,
            None => 1.0,
        }
    }

    /// The content stems of the whole utterance this quote is part of
    /// (its own `content` when it is the whole).
    pub fn utterance(&self) -> &[u32] {
        if self.utterance.is_empty() {
            &self.content
        } else {
            &self.utterance
        }
    }

    /// Extraction confidence of the speaker.
    pub fn speaker_confidence(&self) -> f64 {
        match self.attribution {
            Attribution::Verb | Attribution::Colon | Attribution::AccordingTo => 0.95,
            Attribution::Role => 0.8,
            Attribution::Pronoun => 0.7,
            Attribution::Context => 0.6,
            // a subject phrase as written (“analysts say”) is no person to
            // accuse of misattribution
            Attribution::Phrase => 0.5,
            // no attribution, or one this version does not know
            _ => 0.0,
        }
    }
}

/// The inputs normalised once: docs in canonical order, units, IDF.
pub(crate) struct Prepared<'a> {
    /// The articles sorted by id (then text): the canonical order.
    pub docs: Vec<&'a Extraction>,
    /// Per canonical doc: its index in the input slice.
    pub input_index: Vec<usize>,
    pub units: Vec<Unit>,
    /// Units of each doc (contiguous).
    pub doc_units: Vec<Range<usize>>,
    pub idf: Vec<f64>,
    pub strings: Vec<String>,
    /// Per string used as a word: the id of its stem (`u32::MAX` for a
    /// string only ever used as a stem). A word has one stem, so tokens
    /// keep only the word.
    pub stems: Vec<u32>,
    /// Per string: what the soft-token bounds need.
    pub shapes: Vec<Shape>,
    /// Per unit: its folded words joined by spaces and their char count
    /// (quotes only; empty for sentences).
    pub quote_words: Vec<(String, usize)>,
    pub ellipsis: Option<u32>,
}

#[derive(Clone)]
struct RawFact {
    value: FactValue,
    span: Span,
    text: String,
    confidence: f64,
    locative: bool,
}

struct RawUnit {
    /// Sentences: content tokens outside people's names and roles (what
    /// the claim says beyond who says it).
    claim_tokens: usize,
    kind: UnitKind,
    index: usize,
    span: Span,
    /// Tokens with the fact and name flags (a word's stem is taken once
    /// per article, when its words are interned or counted).
    toks: Vec<(RawTok, bool, bool)>,
    facts: Vec<RawFact>,
    /// Reported speech: the facts inside its words ([`Unit::inner`]).
    inner: Vec<RawFact>,
    quote_kind: Option<QuoteKind>,
    speaker_entity: Option<usize>,
    speaker_text: Option<String>,
    attribution: Attribution,
    /// Quotes: the utterance this quote is part of.
    utterance: Option<Utterance>,
    /// The index of the sentence the unit is (sentences) or lies in
    /// (quotes).
    sentence: usize,
}

/// The union of `spans` as sorted, pairwise disjoint spans (spans that
/// share a byte are merged; empty spans are kept: `Span::overlaps` counts
/// them).
pub(crate) fn merge_spans(spans: &[Span]) -> Vec<Span> {
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
/// [`merge_spans`]).
pub(crate) fn overlaps_any(merged: &[Span], span: Span) -> bool {
    let i = merged.partition_point(|m| m.end <= span.start);
    i < merged.len() && merged[i].overlaps(&span)
}

/// True when `span` lies inside one of `merged`.
fn inside_any(merged: &[Span], span: Span) -> bool {
    let i = merged.partition_point(|m| m.end < span.end);
    i < merged.len() && merged[i].contains(&span)
}

/// True when the word right before `span` is a locative preposition.
fn is_location(text: &str, span: &Span) -> bool {
    let before = text.get(..span.start).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    data::is_locative(&word)
}

/// The facts of an article outside its quotes: dates, quantities and
/// places, sorted by span; of two overlapping ones the first is kept.
fn doc_facts(x: &Extraction, quotes: &[Span]) -> Vec<RawFact> {
    let text = x.article.text.as_str();
    let ours = |s: &Span| !inside_any(quotes, *s) && !s.is_empty();
    let mut out = Vec::new();
    // durations ("30 days") and recurring times ("every Monday") are not
    // dates: their numbers are no day of the month
    let dated = |d: &&DateMention| matches!(d.kind, TimexKind::Date | TimexKind::Time);
    for d in x.dates.iter().filter(|d| ours(&d.span)).filter(dated) {
        let f = date_fact(d);
        if date_is_comparable(&f) {
            out.push(RawFact {
                confidence: date_confidence(d, &f),
                value: FactValue::Date(f),
                span: d.span,
                text: d.text.clone(),
                locative: true,
            });
        }
    }
    for q in x.quantities.iter().filter(|q| ours(&q.span)) {
        // a year written as a number is a date, not a figure
        if q.value.fract() == 0.0
            && (1800.0..=2100.0).contains(&q.value)
            && q.unit.is_none()
            && q.text.trim().len() == 4
        {
            continue;
        }
        out.push(RawFact {
            confidence: quantity_confidence(q),
            value: FactValue::Quantity(quantity_fact(q)),
            span: q.span,
            text: q.text.clone(),
            locative: true,
        });
    }
    for e in x.entities.iter().filter(|e| e.kind == EntityKind::Place) {
        for m in e.mentions.iter().filter(|m| ours(m)) {
            let locative = is_location(text, m);
            out.push(RawFact {
                value: FactValue::Place(e.name.clone()),
                span: *m,
                text: m.slice(text).to_string(),
                // a place as the topic ("talks on Ukraine") is compared
                // only between near-identical claims, and less surely
                confidence: if locative { 0.85 } else { 0.7 },
                locative,
            });
        }
    }
    out.sort_by_key(|f| f.span);
    // a date inside a figure's span ("2016 budget") or the reverse: keep
    // the first; but a place inside a figure's counted noun phrase ("one
    // Ohio county clerks") is a fact of its own
    let place_in_figure = |k: &RawFact, f: &RawFact| {
        let is_place = |x: &RawFact| matches!(x.value, FactValue::Place(_));
        let is_figure = |x: &RawFact| matches!(x.value, FactValue::Quantity(_));
        (is_place(f) && is_figure(k) && k.span.contains(&f.span))
            || (is_place(k) && is_figure(f) && f.span.contains(&k.span))
    };
    let mut kept: Vec<RawFact> = Vec::with_capacity(out.len());
    for f in out {
        if !kept
            .iter()
            .any(|k| k.span.overlaps(&f.span) && !place_in_figure(k, &f))
        {
            kept.push(f);
        }
    }
    kept
}

/// The spans of a fact that are masked out of scoring: the whole
/// expression, but for a figure its counted noun stays (it says what is
/// counted: "agencies").
fn fact_mask(f: &RawFact, toks: &[RawTok]) -> Vec<Span> {
    match &f.value {
        // a place is part of what the claim says, as its topic or as its
        // location: a shared rare place name ("in Luxembourg") is strong
        // evidence of the same claim in a paraphrase, and a different one
        // lowers the match of a long sentence by one word
        FactValue::Place(_) => Vec::new(),
        FactValue::Quantity(q) => {
            let unit_words: Vec<String> = q
                .fact
                .unit
                .as_deref()
                .map(|u| fold(u).split_whitespace().map(str::to_string).collect())
                .unwrap_or_default();
            toks.iter()
                .filter(|t| f.span.contains(&t.span) && !unit_words.contains(&t.word))
                .map(|t| t.span)
                .collect()
        }
        _ => vec![f.span],
    }
}

/// Articles read in parallel before their tokens are interned.
const PREPARE_CHUNK: usize = 512;

pub(crate) fn prepare<'a>(input: &'a [Extraction], cfg: &Config) -> Prepared<'a> {
    prepare_with(input, cfg, None)
}

/// [`prepare`] with the IDF of a larger collection the input is part of:
/// a string's document frequency is the larger of its count in `input`
/// and in `global` (a string `global` omits counts once), and the claim
/// count is `global`'s.
pub(crate) fn prepare_with<'a>(
    input: &'a [Extraction],
    cfg: &Config,
    global: Option<&ClaimStats>,
) -> Prepared<'a> {
    prepare_kept(input, cfg, global, None).0
}

/// The document frequencies of a larger collection a prepared input is
/// part of: [`ClaimStats`] (a distributed run's, by string), or the
/// [`DfTable`] a streamed run counts in one pass.
pub(crate) trait GlobalDf: Sync {
    /// Claims in the collection.
    fn claims(&self) -> usize;
    /// Claims whose content holds `s` (`None`: not counted).
    fn df(&self, s: &str) -> Option<u64>;
}

impl GlobalDf for ClaimStats {
    fn claims(&self) -> usize {
        self.claims
    }
    fn df(&self, s: &str) -> Option<u64> {
        self.df.get(s).copied()
    }
}

/// The claim count and document frequency of every content string of a
/// collection, counted [`PREPARE_CHUNK`] articles at a time ([`df_table`]):
/// what [`ClaimStats`] sums, without one map per article.
#[derive(Default)]
pub(crate) struct DfTable {
    claims: usize,
    df: FxHashMap<String, u64>,
}

impl GlobalDf for DfTable {
    fn claims(&self) -> usize {
        self.claims
    }
    fn df(&self, s: &str) -> Option<u64> {
        self.df.get(s).copied()
    }
}

/// Two collections' frequencies read as one: the larger claim count and,
/// for every string, the larger frequency (one that only `.1` omits
/// counts once there).
pub(crate) struct Larger<'g>(pub &'g DfTable, pub &'g dyn GlobalDf);

impl GlobalDf for Larger<'_> {
    fn claims(&self) -> usize {
        self.0.claims().max(self.1.claims())
    }
    fn df(&self, s: &str) -> Option<u64> {
        match (self.0.df(s), self.1.df(s)) {
            (Some(a), b) => Some(a.max(b.unwrap_or(1))),
            (None, b) => b,
        }
    }
}

/// The [`DfTable`] of `input`: the raw units of each article are read
/// as [`prepare`] reads them and only their content stems counted
/// ([`doc_frequencies`], with [`prepare`]'s own claim test, so every count
/// is the one a [`prepare`] of all of `input` finds: no word is interned
/// and no [`Unit`] built), chunks in parallel.
pub(crate) fn df_table(input: &[Extraction], cfg: &Config) -> DfTable {
    input
        .par_chunks(PREPARE_CHUNK)
        .map(|chunk| {
            let per_doc: Vec<(usize, Vec<(String, u64)>)> =
                chunk.par_iter().map(|x| doc_frequencies(x, cfg)).collect();
            let mut table = DfTable::default();
            for (claims, df) in per_doc {
                table.claims += claims;
                for (s, f) in df {
                    *table.df.entry(s).or_default() += f;
                }
            }
            table
        })
        .reduce(DfTable::default, |a, b| {
            // the smaller table is added to the larger
            let (mut big, small) = if a.df.len() >= b.df.len() {
                (a, b)
            } else {
                (b, a)
            };
            big.claims += small.claims;
            for (s, f) in small.df {
                *big.df.entry(s).or_default() += f;
            }
            big
        })
}

/// The claims of one article and, for every content stem, how many of
/// them hold it: what [`build_units`] would give, counted from the raw
/// units without interning a word or building a [`Unit`] (the first pass
/// of a streamed run reads every article only for these counts).
fn doc_frequencies(x: &Extraction, cfg: &Config) -> (usize, Vec<(String, u64)>) {
    let raw = raw_units(x, cfg);
    let st = stemmer();
    // each distinct word's stem, taken once
    let mut stems: FxHashMap<&str, String> = FxHashMap::default();
    for ru in &raw {
        for (t, _, _) in &ru.toks {
            if !stems.contains_key(t.word.as_str()) {
                stems.insert(t.word.as_str(), stem(&st, &t.word));
            }
        }
    }
    let mut df: FxHashMap<&str, u64> = FxHashMap::default();
    let mut claims = 0;
    let mut content: Vec<&str> = Vec::new();
    for ru in &raw {
        content.clear();
        content.extend(
            ru.toks
                .iter()
                .filter(|(t, fact, _)| !fact && !is_stop(&t.word))
                .map(|(t, _, _)| stems[t.word.as_str()].as_str()),
        );
        content.sort_unstable();
        content.dedup();
        if is_claim(ru, content.len(), ru.facts.len(), cfg) {
            claims += 1;
            for &s in &content {
                *df.entry(s).or_default() += 1;
            }
        }
    }
    let df = df.into_iter().map(|(s, f)| (s.to_string(), f)).collect();
    (claims, df)
}

/// [`prepare_with`] of some articles of `input` (by input index, any
/// order), with the frequencies of a collection: the claims of one story
/// of a streamed run. The articles keep their input indices.
pub(crate) fn prepare_of<'a>(
    input: &'a [Extraction],
    which: &[usize],
    cfg: &Config,
    global: &dyn GlobalDf,
) -> Prepared<'a> {
    let docs = which.iter().map(|&i| (i, &input[i])).collect();
    prepare_docs(docs, cfg, Some(global), None).0
}

/// Which claims [`prepare_kept`] builds: an article and the index of a
/// claim among the article's claims.
pub(crate) type Keep<'k> = &'k (dyn Fn(&Extraction, usize) -> bool + Sync);

/// [`prepare_with`] keeping only the claims `keep` accepts (all without
/// it), and each doc's number of claims before the filter (canonical
/// order). A kept claim is built as among all of them (a split story's
/// finish builds only the claims of its components).
pub(crate) fn prepare_kept<'a>(
    input: &'a [Extraction],
    cfg: &Config,
    global: Option<&ClaimStats>,
    keep: Option<Keep>,
) -> (Prepared<'a>, Vec<usize>) {
    let docs = input.iter().enumerate().collect();
    prepare_docs(docs, cfg, global.map(|g| g as &dyn GlobalDf), keep)
}

/// The canonical order of articles: by id, then text.
pub(crate) fn canonical_cmp(a: &Extraction, b: &Extraction) -> std::cmp::Ordering {
    a.article
        .id
        .cmp(&b.article.id)
        .then_with(|| a.article.text.cmp(&b.article.text))
}

/// [`prepare_kept`] of `order`: articles with their input indices.
fn prepare_docs<'a>(
    mut order: Vec<(usize, &'a Extraction)>,
    cfg: &Config,
    global: Option<&dyn GlobalDf>,
    keep: Option<Keep>,
) -> (Prepared<'a>, Vec<usize>) {
    order.sort_by(|(_, a), (_, b)| canonical_cmp(a, b));
    let input_index: Vec<usize> = order.iter().map(|(i, _)| *i).collect();
    let docs: Vec<&Extraction> = order.into_iter().map(|(_, x)| x).collect();
    let Built {
        mut units,
        doc_units,
        strings,
        stems,
        counts,
    } = build_all(&docs, cfg, keep);
    let (strings, stems, ellipsis) = in_string_order(strings, stems, &mut units);
    let mut df = vec![0u32; strings.len()];
    for u in &units {
        for &s in &u.content {
            df[s as usize] += 1;
        }
    }
    if let Some(g) = global {
        for (s, f) in df.iter_mut().enumerate() {
            if *f > 0 {
                let known = g.df(strings[s].as_str()).unwrap_or(1);
                *f = (*f).max(u32::try_from(known).unwrap_or(u32::MAX));
            }
        }
    }
    let claims = global.map_or(units.len(), |g| g.claims().max(units.len()));
    let n = claims.max(cfg.idf_min_claims).max(1) as f64;
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
        input_index,
        units,
        doc_units,
        idf,
        strings,
        stems,
        shapes,
        quote_words: Vec::new(),
        ellipsis,
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
    (p, counts)
}

/// The units of `docs` (in that order), with the strings they use in
/// order of first use ([`build_all`]).
struct Built {
    units: Vec<Unit>,
    doc_units: Vec<Range<usize>>,
    strings: Vec<String>,
    stems: Vec<u32>,
    counts: Vec<usize>,
}

/// Builds the units of `docs`, keeping those `keep` accepts: each doc's
/// claim count before the filter in `counts`.
fn build_all(docs: &[&Extraction], cfg: &Config, keep: Option<Keep>) -> Built {
    // Tokens are read in parallel a chunk of articles at a time (the chunk
    // bounds the memory of the not-yet-interned strings). Interning gives
    // ids in canonical order, so they are deterministic: each article's
    // distinct strings (found in parallel) get ids in order, then the
    // units are built in parallel from the finished table.
    let mut map: FxHashMap<String, u32> = FxHashMap::default();
    let mut strings: Vec<String> = Vec::new();
    let mut stems: Vec<u32> = Vec::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut doc_units = Vec::with_capacity(docs.len());
    let mut counts: Vec<usize> = Vec::with_capacity(docs.len());
    for (c, chunk) in docs.chunks(PREPARE_CHUNK).enumerate() {
        let raw: Vec<Vec<RawUnit>> = chunk.par_iter().map(|x| raw_units(x, cfg)).collect();
        // each article's distinct words with their stems, in order of use
        let distinct: Vec<Vec<(&str, String)>> = raw
            .par_iter()
            .map(|rus| {
                let st = stemmer();
                let mut seen: FxHashSet<&str> = FxHashSet::default();
                let mut v = Vec::new();
                for ru in rus {
                    for (t, _, _) in &ru.toks {
                        if seen.insert(t.word.as_str()) {
                            v.push((t.word.as_str(), stem(&st, &t.word)));
                        }
                    }
                }
                v
            })
            .collect();
        for (word, stem) in distinct.iter().flatten() {
            let w = intern(&mut map, &mut strings, &mut stems, word);
            if stems[w as usize] == u32::MAX {
                stems[w as usize] = intern(&mut map, &mut strings, &mut stems, stem);
            }
        }
        drop(distinct);
        let base = c * PREPARE_CHUNK;
        let built: Vec<Vec<Unit>> = raw
            .into_par_iter()
            .enumerate()
            .map(|(k, rus)| build_units(base + k, rus, &map, &stems, cfg))
            .collect();
        for (k, mut us) in built.into_iter().enumerate() {
            counts.push(us.len());
            if let Some(keep) = keep {
                let x = chunk[k];
                let mut i = 0;
                us.retain(|_| {
                    i += 1;
                    keep(x, i - 1)
                });
            }
            let first = units.len();
            units.extend(us);
            doc_units.push(first..units.len());
        }
    }
    Built {
        units,
        doc_units,
        strings,
        stems,
        counts,
    }
}

/// The id of `x`, interned at the end of `strings` (with no stem yet)
/// when new.
fn intern(
    map: &mut FxHashMap<String, u32>,
    strings: &mut Vec<String>,
    stems: &mut Vec<u32>,
    x: &str,
) -> u32 {
    if let Some(&i) = map.get(x) {
        return i;
    }
    let i = strings.len() as u32;
    map.insert(x.to_string(), i);
    strings.push(x.to_string());
    stems.push(u32::MAX);
    i
}

/// Renumbers the interned strings in the order of the strings themselves
/// (ids are interned in order of first use) and returns them with the id
/// of the ellipsis. Ids order the content stems of a unit, and so the
/// order in which scores are summed and ties are broken: numbered by the
/// strings, any subset of a collection (one story compared alone) orders
/// them as the whole collection does, and gets the same scores to the
/// last bit.
fn in_string_order(
    strings: Vec<String>,
    stems: Vec<u32>,
    units: &mut [Unit],
) -> (Vec<String>, Vec<u32>, Option<u32>) {
    let mut order: Vec<u32> = (0..strings.len() as u32).collect();
    order.par_sort_unstable_by(|&a, &b| strings[a as usize].cmp(&strings[b as usize]));
    let mut rank = vec![0u32; strings.len()];
    for (r, &s) in order.iter().enumerate() {
        rank[s as usize] = r as u32;
    }
    let re = |x: u32| rank.get(x as usize).copied().unwrap_or(x);
    units.par_iter_mut().for_each(|u| {
        for t in u.toks.iter_mut() {
            t.word = re(t.word);
        }
        for x in u.content.iter_mut() {
            *x = re(*x);
        }
        u.content.sort_unstable();
        for f in u.facts.iter_mut() {
            for x in f.context.iter_mut() {
                *x = re(*x);
            }
            f.context.sort_unstable();
            f.before = f.before.map(re);
            f.after = f.after.map(re);
        }
    });
    let stems: Vec<u32> = order
        .iter()
        .map(|&s| match stems[s as usize] {
            u32::MAX => u32::MAX,
            x => re(x),
        })
        .collect();
    let mut slots: Vec<Option<String>> = strings.into_iter().map(Some).collect();
    let strings: Vec<String> = order
        .iter()
        .map(|&s| slots[s as usize].take().unwrap_or_default())
        .collect();
    let ellipsis = strings
        .binary_search_by(|s| s.as_str().cmp(ELLIPSIS))
        .ok()
        .map(|i| i as u32);
    (strings, stems, ellipsis)
}

/// The claim tokens of a raw unit, their strings interned in `map`.
fn unit_tokens(ru: &RawUnit, id: &impl Fn(&str) -> u32) -> Vec<Tok> {
    ru.toks
        .iter()
        .map(|(t, fact, name)| Tok {
            start: u32::try_from(t.span.start).unwrap_or(u32::MAX),
            end: u32::try_from(t.span.end).unwrap_or(u32::MAX),
            word: id(&t.word),
            stop: is_stop(&t.word),
            fact: *fact,
            name: *name,
        })
        .collect()
}

/// Sorted, deduplicated stems of the content tokens (not stop words, not
/// inside facts); `stems`: each word's stem id.
fn content_stems(toks: &[Tok], stems: &[u32]) -> Vec<u32> {
    let mut content: Vec<u32> = toks
        .iter()
        .filter(|t| !t.stop && !t.fact)
        .map(|t| stems.get(t.word as usize).copied().unwrap_or(u32::MAX))
        .collect();
    content.sort_unstable();
    content.dedup();
    content
}

/// The units of one article, its strings interned in `map`.
fn build_units(
    d: usize,
    rus: Vec<RawUnit>,
    map: &FxHashMap<String, u32>,
    stems: &[u32],
    cfg: &Config,
) -> Vec<Unit> {
    let id = |s: &str| map.get(s).copied().unwrap_or(u32::MAX);
    let mut built: Vec<(RawUnit, Vec<Tok>, Vec<u32>)> = rus
        .into_iter()
        .map(|ru| {
            let toks = unit_tokens(&ru, &id);
            let content = content_stems(&toks, stems);
            (ru, toks, content)
        })
        .collect();
    // The content of each utterance, over all its quotes (also those
    // too short to be claims of their own).
    let mut utterances: BTreeMap<Utterance, Vec<u32>> = BTreeMap::new();
    for (ru, _, content) in &built {
        if let Some(key) = ru.utterance {
            utterances.entry(key).or_default().extend(content);
        }
    }
    for v in utterances.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    // each unit's facts, read against its own tokens
    let mut facts: Vec<Vec<Fact>> = built
        .iter_mut()
        .map(|(ru, toks, _)| {
            std::mem::take(&mut ru.facts)
                .into_iter()
                .map(|f| fact_of(f, toks, stems))
                .collect()
        })
        .collect();
    // The facts of a sentence that gives several count towards its size:
    // "Quarterly profit fell to $85 million in the second quarter, from
    // $120 million a year ago" has three content words beside its figures
    // and dates, and they are what it claims.
    let keep: Vec<bool> = built
        .iter()
        .zip(&facts)
        .map(|((ru, _, content), facts)| is_claim(ru, content.len(), facts.len(), cfg))
        .collect();
    // The facts of a sentence too thin to be a claim once its quotes are
    // masked ("Roe said Monday that “…”", "In a statement Friday, Roe
    // said: “…”") frame its first quote that is a claim: they are
    // compared between matched quotes (`classify::quote_findings`).
    for (i, (ru, _, _)) in built.iter().enumerate() {
        if keep[i] || ru.kind != UnitKind::Sentence || facts[i].is_empty() {
            continue;
        }
        let quote = built.iter().enumerate().position(|(j, (q, _, _))| {
            keep[j]
                && q.kind == UnitKind::Quote
                && q.sentence == ru.sentence
                && matches!(q.quote_kind, Some(QuoteKind::Direct | QuoteKind::Partial))
        });
        if let Some(j) = quote {
            let moved = std::mem::take(&mut facts[i]);
            facts[j].extend(moved);
        }
    }
    let mut out = Vec::new();
    for (((ru, toks, content), facts), keep) in built.into_iter().zip(facts).zip(keep) {
        if !keep {
            continue;
        }
        let utterance = ru
            .utterance
            .and_then(|key| utterances.get(&key))
            .filter(|u| u.len() > content.len())
            .cloned()
            .unwrap_or_default();
        let facts: Box<[Fact]> = facts.into();
        let inner: Box<[Fact]> = ru
            .inner
            .into_iter()
            .map(|f| fact_of(f, &toks, stems))
            .collect();
        out.push(Unit {
            doc: d,
            kind: ru.kind,
            index: ru.index,
            span: ru.span,
            toks: toks.into(),
            content: content.into(),
            facts,
            quote_kind: ru.quote_kind,
            speaker_entity: ru.speaker_entity,
            speaker_text: ru.speaker_text.map(String::into_boxed_str),
            attribution: ru.attribution,
            utterance,
            inner,
        });
    }
    out
}

/// True when a raw unit with `content` distinct content stems and `facts`
/// facts of its own is a claim (a [`Unit`]); the one test of
/// [`build_units`] and [`df_table`].
fn is_claim(ru: &RawUnit, content: usize, facts: usize, cfg: &Config) -> bool {
    let (min, size) = match ru.kind {
        UnitKind::Quote => (cfg.min_quote_tokens, content),
        // (one value beside a few words is more often the piece of
        // a sentence split in the wrong place than a claim)
        UnitKind::Sentence if facts >= 2 => (cfg.min_sentence_tokens, content + facts),
        UnitKind::Sentence => (cfg.min_sentence_tokens, content),
    };
    content > 0
        && size >= min.max(1)
        && (ru.kind == UnitKind::Quote || ru.claim_tokens >= cfg.min_claim_tokens)
}

/// A fact of a unit, read against the unit's tokens (`toks`).
fn fact_of(f: RawFact, toks: &[Tok], stems: &[u32]) -> Fact {
    let context = fact_context(toks, stems, f.span);
    let before = toks
        .iter()
        .rev()
        .find(|t| t.span().end <= f.span.start)
        .map(|t| t.word);
    let after = toks
        .iter()
        .find(|t| t.span().start >= f.span.end)
        .map(|t| t.word);
    Fact {
        before,
        after,
        locative: f.locative,
        value: f.value,
        span: f.span,
        text: f.text,
        confidence: f.confidence,
        context: context.into(),
    }
}

/// Content stems within three tokens of the fact at `span` (not of the
/// fact itself: a figure's counted noun says what is counted, not which
/// figure it is).
fn fact_context(toks: &[Tok], stems: &[u32], span: Span) -> Vec<u32> {
    let first = toks.iter().position(|t| t.span().overlaps(&span));
    let last = toks.iter().rposition(|t| t.span().overlaps(&span));
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let lo = first.saturating_sub(3);
    let hi = (last + 4).min(toks.len());
    let mut v: Vec<u32> = toks[lo..hi]
        .iter()
        .filter(|t| !t.stop && !t.fact && !span.overlaps(&t.span()))
        .map(|t| stems.get(t.word as usize).copied().unwrap_or(u32::MAX))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// What makes direct quotes of one article parts of one utterance: the speaker
/// mention their attribution rests on (“A,” Roe said. “B.”: the second
/// quote's speaker is carried over from the first's mention; “A,” Roe said,
/// “B.”: one quote in two pieces), else, with no speaker mention, the
/// first piece of an interrupted quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Utterance {
    Speaker(Span),
    Piece(usize),
}

/// The utterance quote `qi` is part of.
fn utterance_of(x: &Extraction, qi: usize) -> Utterance {
    match x.quotes[qi].speaker_span {
        Some(s) => Utterance::Speaker(s),
        None => Utterance::Piece(first_piece(x, qi)),
    }
}

/// The index of the first piece of the quote `qi` belongs to, following
/// [`Quote::continues`](crosscheck_parse::Quote::continues) back (pieces
/// only point at earlier ones; a bad link ends the walk).
fn first_piece(x: &Extraction, qi: usize) -> usize {
    let mut at = qi;
    while let Some(prev) = x.quotes.get(at).and_then(|q| q.continues) {
        if prev >= at {
            break;
        }
        at = prev;
    }
    at
}

fn raw_units(x: &Extraction, cfg: &Config) -> Vec<RawUnit> {
    let text = x.article.text.as_str();
    let with_stems =
        |toks: Vec<RawTok>, masks: &[Span], names: &[Span]| -> Vec<(RawTok, bool, bool)> {
            toks.into_iter()
                .map(|t| {
                    let fact = overlaps_any(masks, t.span);
                    let name = overlaps_any(names, t.span);
                    (t, fact, name)
                })
                .collect()
        };
    // Quoted words are masked out of the sentence: they are the speaker's
    // claim, not the outlet's. Indirect speech is the outlet's own
    // paraphrase, so its dates, numbers and places stay facts of the
    // sentence.
    let quote_masks = merge_spans(
        &x.quotes
            .iter()
            .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
            .map(|q| q.span)
            .collect::<Vec<_>>(),
    );
    // Names and roles of people: a sentence needs words beyond them.
    let people = merge_spans(
        &x.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .flat_map(|e| e.mentions.iter().chain(e.roles.iter().map(|r| &r.span)))
            .copied()
            .collect::<Vec<_>>(),
    );
    let mut all_facts = doc_facts(x, &quote_masks);
    if !cfg.compare_places {
        all_facts.retain(|f| !matches!(f.value, FactValue::Place(_)));
    }
    let mut out = Vec::new();
    for (qi, q) in x.quotes.iter().enumerate() {
        if q.kind == QuoteKind::ScareQuote {
            continue;
        }
        let toks = quote_tokens(text, q.span);
        let inner = match q.kind {
            QuoteKind::Indirect => all_facts
                .iter()
                .filter(|f| q.span.contains(&f.span))
                .cloned()
                .collect(),
            _ => Vec::new(),
        };
        out.push(RawUnit {
            claim_tokens: 0,
            kind: UnitKind::Quote,
            index: qi,
            span: q.span,
            toks: with_stems(toks, &[], &[]),
            facts: Vec::new(),
            inner,
            quote_kind: Some(q.kind),
            speaker_entity: q.speaker_entity,
            speaker_text: q.speaker.clone(),
            attribution: q.attribution,
            // only direct quotes: a partial quote inside reported speech
            // shares its speaker mention with the paraphrase around it
            utterance: (q.kind == QuoteKind::Direct).then(|| utterance_of(x, qi)),
            sentence: q.sentence,
        });
    }
    for (si, s) in x.sentences.iter().enumerate() {
        let toks: Vec<RawTok> = tokenize(text, s.span)
            .into_iter()
            .filter(|t| !overlaps_any(&quote_masks, t.span))
            .collect();
        let from = all_facts.partition_point(|f| f.span.start < s.span.start);
        let facts: Vec<RawFact> = all_facts[from..]
            .iter()
            .take_while(|f| f.span.start < s.span.end)
            .filter(|f| s.span.contains(&f.span))
            .cloned()
            .collect();
        let masks = merge_spans(
            &facts
                .iter()
                .flat_map(|f| fact_mask(f, &toks))
                .collect::<Vec<_>>(),
        );
        let toks = with_stems(toks, &masks, &people);
        let claim_tokens = toks
            .iter()
            .filter(|(t, fact, name)| !fact && !name && !is_stop(&t.word))
            .count();
        out.push(RawUnit {
            claim_tokens,
            kind: UnitKind::Sentence,
            index: si,
            span: s.span,
            toks,
            facts,
            inner: Vec::new(),
            quote_kind: None,
            speaker_entity: None,
            speaker_text: None,
            attribution: Attribution::None,
            utterance: None,
            sentence: si,
        });
    }
    out
}

/// The tokens of a quote without the editor's words: a bracketed
/// insertion ("[President Trump]", "[the White House]") stands for words
/// of the speaker the editor replaced, so it becomes one ellipsis token (a
/// diff against the speaker's words is an ellipsis, not a wording
/// change); "(sic)" marks the speaker's own slip and is dropped.
fn quote_tokens(text: &str, quote: Span) -> Vec<RawTok> {
    let body = quote.slice(text);
    let mut brackets = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in body.char_indices() {
        match c {
            '[' => open = Some(i),
            ']' => {
                if let Some(o) = open.take() {
                    brackets.push(Span::new(quote.start + o, quote.start + i + 1));
                }
            }
            _ => {}
        }
    }
    let lower = body.to_ascii_lowercase();
    let mut sic = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find("(sic)") {
        sic.push(Span::new(
            quote.start + from + i,
            quote.start + from + i + 5,
        ));
        from += i + 5;
    }
    let mut out: Vec<RawTok> = Vec::new();
    let mut used = vec![false; brackets.len()];
    for t in tokenize(text, quote) {
        if sic.iter().any(|s| s.overlaps(&t.span)) {
            continue;
        }
        match brackets.iter().position(|b| b.contains(&t.span)) {
            Some(k) if !used[k] => {
                used[k] = true;
                out.push(RawTok {
                    span: brackets[k],
                    word: ELLIPSIS.to_string(),
                });
            }
            Some(_) => {}
            None => out.push(t),
        }
    }
    out
}

/// IDF-weighted cosine of two sentences on their claim words: content
/// stems outside facts and outside people's names and roles. Names are
/// rare words that tie two different statements of one person together;
/// a value may only be compared when what is said matches too.
pub(crate) fn claim_cosine(p: &Prepared, a: &Unit, b: &Unit) -> f64 {
    cosine_on(p, a, b, |_, t| !t.stop && !t.fact && !t.name)
}

/// Fewest content stems the contexts of two figures share for them to be
/// one figure said in other words ([`anchored_figures`]).
const ANCHOR_SHARED: usize = 2;

/// The figures two sentences give of one fact in other words: pairs `(i,
/// j)` of counts of `a` and `b` with one counted noun (no percentages or
/// sums of money) whose contexts (three words each side)
/// share [`ANCHOR_SHARED`] stems ("killing at least 14 people" / "killed
/// at least 16 people"); a figure that could pair with two is in none.
/// Empty when one sentence names a year, other than its article's, that
/// the other does not: another event ("a quake in 2010 killed more than
/// 500 people").
pub(crate) fn anchored_figures(p: &Prepared, a: &Unit, b: &Unit) -> Vec<(usize, usize)> {
    let years = |u: &Unit| -> Vec<i32> {
        u.facts
            .iter()
            .filter_map(|f| match &f.value {
                FactValue::Date(d) => d.year,
                _ => None,
            })
            .collect()
    };
    let (ya, yb) = (years(a), years(b));
    let foreign = |u: &Unit, own: &[i32], other: &[i32]| {
        let published = p.docs[u.doc]
            .article
            .published
            .map(|d| chrono::Datelike::year(&d));
        own.iter()
            .any(|y| Some(*y) != published && !other.contains(y))
    };
    if foreign(a, &ya, &yb) || foreign(b, &yb, &ya) {
        return Vec::new();
    }
    fn figure(f: &Fact) -> Option<&crate::facts::QuantityRead> {
        match &f.value {
            // counts of a named thing only: percentages and sums in other
            // words are most often other figures (another poll, the wage
            // now and the wage asked)
            FactValue::Quantity(q)
                if q.unit_stem.is_some()
                    && matches!(q.fact.kind, crosscheck_parse::QuantityKind::Count) =>
            {
                Some(q)
            }
            _ => None,
        }
    }
    let shared = |x: &[u32], y: &[u32]| x.iter().filter(|s| y.binary_search(s).is_ok()).count();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, f) in a.facts.iter().enumerate() {
        let Some(qf) = figure(f) else { continue };
        for (j, g) in b.facts.iter().enumerate() {
            let Some(qg) = figure(g) else { continue };
            if qf.unit_stem == qg.unit_stem
                && crate::facts::units_compatible(qf, qg)
                && shared(&f.context, &g.context) >= ANCHOR_SHARED
            {
                pairs.push((i, j));
            }
        }
    }
    let once = |k: usize, side: fn(&(usize, usize)) -> usize, v: &[(usize, usize)]| {
        v.iter().filter(|p| side(p) == k).count() == 1
    };
    pairs
        .iter()
        .copied()
        .filter(|&(i, j)| once(i, |p| p.0, &pairs) && once(j, |p| p.1, &pairs))
        .collect()
}

/// IDF-weighted cosine of two sentences on everything but their values:
/// content stems outside dates, figures and places (names kept). It says
/// how alike two claims are apart from the values to compare: a changed
/// place costs the match score of a short sentence several rare words
/// ("The Oregon delegation backed the budget deal." / "The New Mexico
/// delegation …"), and a value must not lower the gate on its own
/// comparison.
pub(crate) fn frame_cosine(p: &Prepared, a: &Unit, b: &Unit) -> f64 {
    let frame = |u: &Unit, t: &Tok| !t.stop && !t.fact && !in_place(u, t);
    // a frame of one or two words ("Roe won Ohio, Utah and Iowa") says
    // nothing about which claim it is
    let words = |u: &Unit| {
        let mut v: Vec<u32> = u
            .toks
            .iter()
            .filter(|t| frame(u, t))
            .map(|t| t.word)
            .collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    if words(a).min(words(b)) < MIN_FRAME_WORDS {
        return 0.0;
    }
    cosine_on(p, a, b, frame)
}

/// Fewest distinct content words outside facts a sentence needs for
/// [`frame_cosine`] to vouch for it.
const MIN_FRAME_WORDS: usize = 3;

/// True when token `t` of `u` lies inside one of its places.
fn in_place(u: &Unit, t: &Tok) -> bool {
    let s = t.span();
    u.facts
        .iter()
        .any(|f| matches!(f.value, FactValue::Place(_)) && f.span.contains(&s))
}

/// IDF-weighted cosine of the distinct stems of the tokens `keep` takes.
fn cosine_on(p: &Prepared, a: &Unit, b: &Unit, keep: impl Fn(&Unit, &Tok) -> bool) -> f64 {
    let stems = |u: &Unit| -> Vec<u32> {
        let mut v: Vec<u32> = u
            .toks
            .iter()
            .filter(|t| keep(u, t))
            .map(|t| p.stem(t.word))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (x, y) = (stems(a), stems(b));
    let w = |s: &u32| p.idf[*s as usize];
    let dot: f64 = x
        .iter()
        .filter(|s| y.binary_search(s).is_ok())
        .map(|s| w(s) * w(s))
        .sum();
    let nx: f64 = x.iter().map(|s| w(s) * w(s)).sum();
    let ny: f64 = y.iter().map(|s| w(s) * w(s)).sum();
    if nx > 0.0 && ny > 0.0 {
        (dot / (nx.sqrt() * ny.sqrt())).min(1.0)
    } else {
        0.0
    }
}

impl Prepared<'_> {
    /// The stem id of the word with id `word`.
    pub fn stem(&self, word: u32) -> u32 {
        self.stems.get(word as usize).copied().unwrap_or(u32::MAX)
    }
}

/// The unit's folded words joined by single spaces.
pub(crate) fn words_text(p: &Prepared, u: &Unit) -> String {
    let mut s = String::new();
    for t in &u.toks {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&p.strings[t.word as usize]);
    }
    s
}

/// The claim count and the claim-word document frequencies of one
/// article, as [`prepare`] counts them (see [`ClaimStats`]).
pub(crate) fn claim_stats(doc: &Extraction, cfg: &Config) -> ClaimStats {
    let p = prepare(std::slice::from_ref(doc), cfg);
    let mut df: BTreeMap<String, u64> = BTreeMap::new();
    for u in &p.units {
        for &s in &u.content {
            *df.entry(p.strings[s as usize].clone()).or_default() += 1;
        }
    }
    ClaimStats {
        claims: p.units.len(),
        df,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The binary search over merged masks answers exactly like a linear
    /// scan (regression: that scan was quadratic with thousands of quotes
    /// in one article).
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
                let inside =
                    masks.iter().any(|m| m.contains(&t)) || merged.iter().any(|m| m.contains(&t));
                assert_eq!(inside_any(&merged, t), inside, "{t:?}");
            }
        }
    }
}
