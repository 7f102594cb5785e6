//! Stories: articles grouped by the real-world event they report, before
//! any claim is compared.
//!
//! News aggregators cluster coverage into events with cheap signals that
//! generalise: rare names and terms the articles share, publication dates
//! close together, and near-duplicate text for syndicated copy. This
//! module does the same:
//!
//! 1. **Canonical order.** Articles are ordered by id (then text), so the
//!    grouping is a function of the set of articles, whatever the input
//!    order or thread count.
//! 2. **Features** (in parallel). Each article's words are folded and
//!    stemmed (Snowball) into content keys; the words of named entities
//!    (from the extraction) and capitalised words inside a sentence also
//!    give *name* keys; resolved days mentioned in the text give *day*
//!    keys. A MinHash sketch (64 bins, one permutation, densified) of the
//!    word 4-shingles describes the text itself.
//! 3. **Copies.** Articles whose sketches say they are copies of one text
//!    (estimated Jaccard ≥ [`StoryConfig::copy_jaccard`], or the shorter
//!    contained in the longer ≥ [`StoryConfig::copy_containment`]) are
//!    found by banded LSH and always share a story. Each copy group counts
//!    once from here on: its first article stands for it.
//! 4. **Weights.** A key's weight is `(1 + ln tf) · ln(1 + U / df)` over
//!    the `U` copy groups, times [`StoryConfig::name_weight`] for names and
//!    days. Keys in more than [`StoryConfig::max_df`] groups are dropped
//!    (boilerplate, the words of every story). Vectors are L2-normalised.
//! 5. **Candidates** (in parallel). An inverted index over the keys gives,
//!    for every group, the exact cosine with every group it shares a key
//!    with. Two articles that both name days by relative dates, of which
//!    none can be one of the other's ("on Thursday" / "on Friday"),
//!    report two days: their cosine is scaled by
//!    [`StoryConfig::other_days_factor`]. Pairs under
//!    [`StoryConfig::min_edge`], or whose dates are more than
//!    [`StoryConfig::window_days`] apart, are dropped. Work grows with
//!    the postings of keys under the df cap: near-linear in the articles.
//! 6. **Clustering.** Average-link agglomeration over that sparse graph
//!    (a missing pair counts 0) merges the closest clusters while their
//!    average similarity reaches [`StoryConfig::threshold`] and the merged
//!    story's publication dates span at most the window.
//! 7. **Two similar events.** Two earthquakes, two rulings on one person
//!    share their topic words, so step 6 may join them. Inside a story of
//!    four copy groups or more, keys are weighted again by their document
//!    frequency *in the story* (a key every article has weighs nothing),
//!    so the details each event's articles share (names, places, days,
//!    numbers) decide; a normalised cut (spectral bisection) splits the
//!    story in two when the parts are far more separate than the same cut
//!    finds by chance ([`StoryConfig::split_ratio`]), and tries each part
//!    again.
//! 8. **Fragments.** A story of at most three articles (a brief, a lone
//!    report sharing few words with most reports of its event) joins the
//!    larger story whose centroid is the closest, when their cosine
//!    reaches [`StoryConfig::attach_similarity`] and the dates fit.
//!
//! ```
//! use crosscheck_align::stories::{group, StoryConfig};
//! use crosscheck_parse::{extract, Article, NaiveDate};
//!
//! let doc = |id: &str, day: u32, text: &str| extract(Article {
//!     id: id.into(),
//!     published: NaiveDate::from_ymd_opt(2024, 3, day),
//!     text: text.into(),
//!     ..Article::default()
//! });
//! let docs = [
//!     doc("a", 4, "A magnitude 6.1 earthquake struck near the town of Valdoria on \
//!         Monday, destroying the old cathedral, Governor Elena Brask said."),
//!     doc("b", 4, "Governor Elena Brask said Monday's earthquake in Valdoria \
//!         destroyed the old cathedral; the quake measured 6.1."),
//!     doc("c", 4, "The central bank of Moravia raised its rate to 4.5 percent, \
//!         citing inflation, Governor Petr Holub told reporters."),
//! ];
//! let stories = group(&docs, &StoryConfig::default());
//! assert_eq!(stories, vec![vec![0, 1], vec![2]]);
//! ```

mod attach;
mod cluster;
mod copies;
mod features;
mod hash;
mod refine;

use cluster::{gap_days, join, DateRange};
use crosscheck_parse::Extraction;
use features::{kind_of, unpack, DocFeatures, KeyKind};
use hash::FixedState;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Stories of more copy groups than this are not tried for a split (the
/// split compares every pair of them).
const MAX_SPLIT_UNITS: usize = 400;

/// Only a story that took a merge at an average similarity under this is
/// tried for a split: a story formed by strong merges alone (syndicated
/// copy and close rewrites) is one event, and skipping it saves most of the
/// split's cost.
const SPLIT_WEAKEST_BELOW: f64 = 0.3;

/// Thresholds of story grouping, each with a documented default.
///
/// Deserialises with `#[serde(default)]`, so a configuration file may set
/// any subset:
///
/// ```
/// let c: crosscheck_align::stories::StoryConfig =
///     serde_json::from_str(r#"{"window_days": 7}"#).unwrap();
/// assert_eq!(c.window_days, 7);
/// assert_eq!(c.threshold, crosscheck_align::stories::StoryConfig::default().threshold);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoryConfig {
    /// Clusters merge while their average pairwise similarity is at least
    /// this. Default `0.15` (F1 on ECB+ is flat from 0.05 to 0.15; the
    /// upper end keeps distinct events apart, which matters more here than
    /// joining every report of one event).
    pub threshold: f64,
    /// Maximum days between the first and last publication date in one
    /// story (articles without a date are not constrained). Default `3`.
    pub window_days: i64,
    /// Minimum estimated Jaccard similarity of word 4-shingles for two
    /// articles to be copies of one text (always one story). Default `0.6`.
    pub copy_jaccard: f64,
    /// Minimum estimated share of the shorter article's 4-shingles found in
    /// the longer (a truncated or extended copy) for two articles of at
    /// least 20 shingles to be copies. Default `0.85`.
    pub copy_containment: f64,
    /// Weight multiplier of name keys (words of people, organisations and
    /// places, capitalised words inside a sentence) and of resolved days,
    /// against content stems. A word of a name also gives its content stem,
    /// so at `1` a name counts about twice. Default `1`.
    pub name_weight: f64,
    /// Keys found in more than this many copy groups are ignored: the
    /// words of every story, shared boilerplate. Default `1000`.
    pub max_df: usize,
    /// Blocking: two copy groups are compared only when they share a key
    /// found in at most this many copy groups. Bounds the work (pairs
    /// compared grow with the square of this) while every story of up to
    /// this many independent texts is fully compared. Default `100`.
    pub block_max_df: usize,
    /// Pairs less similar than this are not kept in the graph (they count
    /// 0 in the average link); at most `threshold`. Default `0.1`.
    pub min_edge: f64,
    /// A story is split in two (two similar events) when, weighted by
    /// document frequency inside the story, a normalised cut finds two
    /// parts whose separation (average similarity across over average
    /// inside) is at most this share of the separation the same cut finds
    /// in the story's keys dealt at random; `0` never splits. Default
    /// `0.4`.
    pub split_ratio: f64,
    /// A story of at most three articles (a brief, a lone report) joins
    /// the larger story whose centroid (the normalised sum of its
    /// articles' vectors) is the closest when their cosine reaches this:
    /// a short text shares few words with most reports of its event, but
    /// its words are the story's words. `0` never attaches. Default `0.2`.
    pub attach_similarity: f64,
    /// The factor of the similarity of two articles that both name days
    /// by relative dates ("on Thursday", "yesterday": the weekday, and the
    /// month and day once resolved) and no day of one can be a day of the
    /// other ("said on Thursday" / "warned on Friday"): two events on two
    /// days, the way one team's two games are. Written-out dates ("4
    /// February") do not count: they are often deadlines, background, or
    /// the very value two outlets give differently. Applied
    /// to [`StoryIndex::similarity`] and so to the pairs step 6 averages;
    /// `1` (or a value outside `[0, 1]`) turns it off. Default `0.7`.
    pub other_days_factor: f64,
    /// Put every article in one story (a small hand-picked set about one
    /// event). Default `false`.
    pub force_one_story: bool,
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            threshold: 0.15,
            window_days: 3,
            copy_jaccard: 0.6,
            copy_containment: 0.85,
            name_weight: 1.0,
            max_df: 1000,
            block_max_df: 100,
            min_edge: 0.1,
            split_ratio: 0.4,
            attach_similarity: 0.2,
            other_days_factor: 0.7,
            force_one_story: false,
        }
    }
}

/// Groups articles into stories: indices into `docs`, each story sorted
/// ascending, stories ordered by their first index. Every article is in
/// exactly one story; an article alone in its story is a story of one.
///
/// Deterministic: the same stories whatever the order of `docs` (up to
/// the indices) and the number of rayon threads. See the [module
/// documentation](self) for the method.
pub fn group(docs: &[Extraction], cfg: &StoryConfig) -> Vec<Vec<usize>> {
    if cfg.force_one_story {
        return if docs.is_empty() {
            Vec::new()
        } else {
            vec![(0..docs.len()).collect()]
        };
    }
    StoryIndex::new(docs, cfg).stories().to_vec()
}

/// What story grouping needs of one article, computed from the article
/// alone: its weighted-key hashes with their counts, the MinHash sketch of
/// its text and its publication date. A few kilobytes per article
/// ([`StoryFeatures::to_bytes`]), so the features of a large collection
/// can be computed where the articles are (one Spark task per batch) and
/// grouped in one place with [`group_features`], which gives the stories
/// [`group`] gives.
///
/// ```
/// use crosscheck_align::stories::{group, group_features, StoryConfig, StoryFeatures};
/// use crosscheck_parse::{extract, Article};
///
/// let text = "Rescuers pulled twelve survivors from the collapsed Arvel mine \
///     late on Tuesday, mine operator Kordan Mining said.";
/// let docs = [extract(Article::new("wire", text)), extract(Article::new("copy", text)),
///     extract(Article::new("other", "Talks on the Lusk river treaty resumed in Geneva."))];
/// let bytes: Vec<Vec<u8>> = docs.iter().map(|d| StoryFeatures::of(d).to_bytes()).collect();
/// let feats: Vec<StoryFeatures> =
///     bytes.iter().map(|b| StoryFeatures::from_bytes(b).unwrap()).collect();
/// let ids = ["wire", "copy", "other"];
/// let cfg = StoryConfig::default();
/// assert_eq!(group_features(&ids, feats, &cfg), group(&docs, &cfg));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryFeatures(DocFeatures);

/// The first bytes of every [`StoryFeatures::to_bytes`]: `CXSF`, then the
/// format version as a little-endian `u32`. The version changes whenever
/// the layout or the way the features are computed from an article
/// changes (a key's hash, which words give keys): features of two
/// versions would be grouped silently wrong together, so
/// [`StoryFeatures::from_bytes`] refuses any other version. Version 1 is
/// the features of round 23 (names in title-case lines, the call-to-action
/// cues); bytes written before it carry no mark and are refused too.
pub const STORY_FEATURES_VERSION: u32 = 1;

/// The magic bytes before [`STORY_FEATURES_VERSION`].
const FEATURES_MAGIC: [u8; 4] = *b"CXSF";

impl StoryFeatures {
    /// The features of one article.
    pub fn of(doc: &Extraction) -> StoryFeatures {
        StoryFeatures(features::with_scratch(|sc| features::extract(doc, sc)))
    }

    /// A compact little-endian encoding: the mark `CXSF` and the format
    /// version ([`STORY_FEATURES_VERSION`], `u32`), the date (days from
    /// the common era, `i32::MIN` for none), the shingle count, the sketch length,
    /// the number of days named, the sketch's bins (`u32`), the days
    /// named (`u16` each, then two zero bytes when their number is odd),
    /// then the packed keys (`u64`).
    pub fn to_bytes(&self) -> Vec<u8> {
        let f = &self.0;
        let mut out = Vec::with_capacity(28 + 4 * f.sketch.len() + 8 * f.keys.len());
        out.extend_from_slice(&FEATURES_MAGIC);
        out.extend_from_slice(&STORY_FEATURES_VERSION.to_le_bytes());
        let date = f
            .date
            .map_or(i32::MIN, |d| chrono::Datelike::num_days_from_ce(&d));
        out.extend_from_slice(&date.to_le_bytes());
        out.extend_from_slice(&f.shingles.to_le_bytes());
        out.extend_from_slice(&(f.sketch.len() as u32).to_le_bytes());
        out.extend_from_slice(&(f.days.len() as u32).to_le_bytes());
        for b in &f.sketch {
            out.extend_from_slice(&b.to_le_bytes());
        }
        for d in &f.days {
            out.extend_from_slice(&d.0.to_le_bytes());
        }
        if f.days.len() % 2 == 1 {
            out.extend_from_slice(&[0, 0]);
        }
        for k in &f.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out
    }

    /// Reads [`StoryFeatures::to_bytes`]; `None` when `bytes` is not such
    /// an encoding, or one of another [`STORY_FEATURES_VERSION`].
    pub fn from_bytes(bytes: &[u8]) -> Option<StoryFeatures> {
        let (mark, bytes) = bytes.split_at_checked(8)?;
        if mark[..4] != FEATURES_MAGIC || mark[4..] != STORY_FEATURES_VERSION.to_le_bytes() {
            return None;
        }
        let word = |at: usize| -> Option<[u8; 4]> { bytes.get(at..at + 4)?.try_into().ok() };
        let date = i32::from_le_bytes(word(0)?);
        let shingles = u32::from_le_bytes(word(4)?);
        let bins = u32::from_le_bytes(word(8)?) as usize;
        let n_days = u32::from_le_bytes(word(12)?) as usize;
        // the grouping reads a sketch as `BINS` bins (none for an empty text)
        if bins != 0 && bins != features::BINS {
            return None;
        }
        let days_at = 16usize.checked_add(bins.checked_mul(4)?)?;
        let keys_at = days_at.checked_add(n_days.div_ceil(2).checked_mul(4)?)?;
        let rest = bytes.get(keys_at..)?;
        if rest.len() % 8 != 0 {
            return None;
        }
        let sketch = (0..bins)
            .map(|b| word(16 + 4 * b).map(u32::from_le_bytes))
            .collect::<Option<Vec<u32>>>()?;
        let days = (0..n_days)
            .map(|k| {
                let at = days_at + 2 * k;
                Some(features::Day(u16::from_le_bytes(
                    bytes.get(at..at + 2)?.try_into().ok()?,
                )))
            })
            .collect::<Option<Vec<features::Day>>>()?;
        let keys = rest
            .chunks_exact(8)
            .map(|c| c.try_into().map(u64::from_le_bytes).ok())
            .collect::<Option<Vec<u64>>>()?;
        let date = if date == i32::MIN {
            None
        } else {
            Some(crosscheck_parse::NaiveDate::from_num_days_from_ce_opt(
                date,
            )?)
        };
        Some(StoryFeatures(DocFeatures {
            keys,
            sketch,
            shingles,
            date,
            days,
        }))
    }
}

/// [`group`] over articles known by their ids and [`StoryFeatures`]
/// alone (one entry each, in the same order): the same stories as
/// [`group`] of the articles when their ids are distinct.
pub fn group_features(
    ids: &[&str],
    features: Vec<StoryFeatures>,
    cfg: &StoryConfig,
) -> Vec<Vec<usize>> {
    let n = ids.len().min(features.len());
    if cfg.force_one_story {
        return if n == 0 {
            Vec::new()
        } else {
            vec![(0..n).collect()]
        };
    }
    StoryIndex::from_features(ids, features, cfg)
        .stories()
        .to_vec()
}

/// The grouping of a set of articles, with the pairwise similarity it
/// rests on.
///
/// ```
/// use crosscheck_align::stories::{StoryConfig, StoryIndex};
/// use crosscheck_parse::{extract, Article};
///
/// let doc = |id: &str, text: &str| extract(Article {
///     id: id.into(),
///     text: text.into(),
///     ..Article::default()
/// });
/// let text = "Rescuers pulled twelve survivors from the collapsed Arvel mine \
///     late on Tuesday, mine operator Kordan Mining said.";
/// let docs = [doc("wire", text), doc("copy", text), doc("other", "Talks on the \
///     Lusk river treaty resumed in Geneva with Foreign Minister Ida Varn.")];
/// let index = StoryIndex::new(&docs, &StoryConfig::default());
/// assert!(index.copies(0, 1));
/// assert_eq!(index.similarity(0, 1), 1.0);
/// assert_eq!(index.similarity(0, 2), 0.0);
/// assert_eq!(index.copy_groups(), [vec![0, 1], vec![2]]);
/// ```
#[derive(Clone, Debug)]
pub struct StoryIndex {
    /// Input index → canonical position.
    pos: Vec<u32>,
    /// Canonical position → input index.
    input: Vec<u32>,
    /// Canonical position → copy group (dense, in canonical order).
    unit: Vec<u32>,
    /// Canonical position → weighted, normalised vector (key id, weight),
    /// sorted by key id.
    vectors: Vec<Vec<(u32, f32)>>,
    /// Canonical position → MinHash sketch and shingle count.
    sketches: Vec<(Vec<u32>, u32)>,
    /// Canonical position → the days the text names.
    days: Vec<Vec<features::Day>>,
    /// Canonical position → publication date.
    dates: Vec<DateRange>,
    copy_rule: copies::CopyRule,
    window: i64,
    /// [`StoryConfig::other_days_factor`], in `[0, 1]`.
    other_days_factor: f64,
    stories: Vec<Vec<usize>>,
    copy_groups: Vec<Vec<usize>>,
}

impl StoryIndex {
    /// Builds the index and the grouping of `docs`.
    pub fn new(docs: &[Extraction], cfg: &StoryConfig) -> StoryIndex {
        let n = docs.len();
        // 1. canonical order
        let mut input: Vec<u32> = (0..n as u32).collect();
        input.sort_by(|&a, &b| {
            let (x, y) = (&docs[a as usize].article, &docs[b as usize].article);
            x.id.cmp(&y.id)
                .then_with(|| x.text.cmp(&y.text))
                .then_with(|| x.published.cmp(&y.published))
                .then_with(|| a.cmp(&b))
        });
        // 2. features
        let feats: Vec<DocFeatures> = input
            .par_iter()
            .map(|&i| features::with_scratch(|sc| features::extract(&docs[i as usize], sc)))
            .collect();
        StoryIndex::build(input, feats, cfg)
    }

    /// The index of articles known by their [`StoryFeatures`] alone, with
    /// their ids: the grouping [`StoryIndex::new`] makes of the same
    /// articles when the ids are distinct (the canonical order is by id,
    /// then by position in `ids`). `ids` and `features` have one entry per
    /// article, in the same order; extra entries of the longer are ignored.
    pub fn from_features(
        ids: &[&str],
        features: Vec<StoryFeatures>,
        cfg: &StoryConfig,
    ) -> StoryIndex {
        let n = ids.len().min(features.len());
        let mut input: Vec<u32> = (0..n as u32).collect();
        input.sort_by(|&a, &b| ids[a as usize].cmp(ids[b as usize]).then_with(|| a.cmp(&b)));
        let mut slots: Vec<Option<DocFeatures>> =
            features.into_iter().take(n).map(|f| Some(f.0)).collect();
        let feats: Vec<DocFeatures> = input
            .iter()
            .map(|&i| slots[i as usize].take().unwrap_or_default())
            .collect();
        StoryIndex::build(input, feats, cfg)
    }

    /// Steps 3-8 over features in canonical order (`input`: canonical
    /// position → input index).
    fn build(input: Vec<u32>, mut feats: Vec<DocFeatures>, cfg: &StoryConfig) -> StoryIndex {
        let n = input.len();
        let mut pos = vec![0u32; n];
        for (p, &i) in input.iter().enumerate() {
            pos[i as usize] = p as u32;
        }
        // 3. copies
        let copy_rule = copies::CopyRule {
            jaccard: cfg.copy_jaccard,
            containment: cfg.copy_containment,
            min_shingles: 20,
        };
        let sk: Vec<&[u32]> = feats.iter().map(|f| f.sketch.as_slice()).collect();
        let shingles: Vec<u32> = feats.iter().map(|f| f.shingles).collect();
        let roots = copies::groups(&sk, &shingles, &copy_rule);
        let mut unit = vec![0u32; n];
        let mut reps: Vec<u32> = Vec::new();
        for p in 0..n {
            let r = roots[p] as usize;
            unit[p] = if r == p {
                reps.push(p as u32);
                reps.len() as u32 - 1
            } else {
                unit[r]
            };
        }
        let units = reps.len();
        let mut unit_dates: Vec<DateRange> = vec![None; units];
        for p in 0..n {
            let d = feats[p].date.map(|d| (d, d));
            unit_dates[unit[p] as usize] = join(unit_dates[unit[p] as usize], d);
        }
        // 4. key ids and document frequency over copy groups
        let mut ids: HashMap<u64, u32, FixedState> = HashMap::with_hasher(FixedState);
        let mut df: Vec<u32> = Vec::new();
        for &r in &reps {
            for &packed in &feats[r as usize].keys {
                let k = unpack(packed).0;
                let next = ids.len() as u32;
                let id = *ids.entry(k).or_insert(next);
                if id as usize == df.len() {
                    df.push(0);
                }
                df[id as usize] += 1;
            }
        }
        let idf_base = units.max(1) as f64;
        // (each article's keys are freed as its vector is made)
        let vectors: Vec<Vec<(u32, f32)>> = feats
            .par_iter_mut()
            .map(|f| {
                let mut norm = 0.0f64;
                let mut v: Vec<(u32, f64)> = Vec::new();
                for packed in std::mem::take(&mut f.keys) {
                    let (k, tf) = unpack(packed);
                    let id = ids.get(&k).copied();
                    let d = id.map_or(1, |id| df[id as usize]) as usize;
                    if d > cfg.max_df {
                        continue;
                    }
                    let boost = match kind_of(k) {
                        KeyKind::Term => 1.0,
                        KeyKind::Name | KeyKind::Day => cfg.name_weight,
                    };
                    let w = (1.0 + (tf as f64).ln()) * (1.0 + idf_base / d as f64).ln() * boost;
                    // a zero, negative or NaN name weight drops the key
                    if !(w > 0.0 && w.is_finite()) {
                        continue;
                    }
                    norm += w * w;
                    if let (Some(id), true) = (id, d >= 2) {
                        v.push((id, w));
                    }
                }
                let norm = norm.sqrt();
                let mut v: Vec<(u32, f32)> = v
                    .into_iter()
                    .map(|(id, w)| (id, (w / norm) as f32))
                    .collect();
                v.sort_unstable_by_key(|e| e.0);
                v
            })
            .collect();
        let dates: Vec<DateRange> = feats.iter().map(|f| f.date.map(|d| (d, d))).collect();
        let days: Vec<Vec<features::Day>> = feats
            .iter_mut()
            .map(|f| std::mem::take(&mut f.days))
            .collect();
        let sketches: Vec<(Vec<u32>, u32)> =
            feats.into_iter().map(|f| (f.sketch, f.shingles)).collect();
        let mut index = StoryIndex {
            pos,
            input,
            unit,
            vectors,
            sketches,
            days,
            dates,
            copy_rule,
            window: cfg.window_days,
            // (outside [0, 1], or NaN, it is off)
            other_days_factor: if (0.0..=1.0).contains(&cfg.other_days_factor) {
                cfg.other_days_factor
            } else {
                1.0
            },
            stories: Vec::new(),
            copy_groups: Vec::new(),
        };
        // 5. candidate pairs of copy groups
        let edges = index.edges(&reps, &unit_dates, &df, cfg);
        // 6. clustering
        let (mut roots, weakest) = cluster::average_link_by_component(
            units,
            &edges,
            &unit_dates,
            cfg.threshold,
            cfg.window_days,
        );
        // 7. split stories of two similar events: stories formed only by
        // strong merges are left whole
        if cfg.split_ratio > 0.0 {
            let mut by_root: Vec<(u32, u32)> =
                (0..units as u32).map(|u| (roots[u as usize], u)).collect();
            by_root.sort_unstable();
            let runs: Vec<&[(u32, u32)]> = by_root
                .chunk_by(|a, b| a.0 == b.0)
                .filter(|r| r.len() >= 4 && weakest[r[0].0 as usize] < SPLIT_WEAKEST_BELOW)
                .collect();
            let parts: Vec<Vec<Vec<usize>>> = runs
                .par_iter()
                .map(|run| {
                    let vecs: Vec<&[(u32, f32)]> = run
                        .iter()
                        .map(|&(_, u)| index.vectors[reps[u as usize] as usize].as_slice())
                        .collect();
                    refine::split(&vecs, cfg.split_ratio, MAX_SPLIT_UNITS)
                })
                .collect();
            for (run, parts) in runs.iter().zip(parts) {
                for part in parts {
                    let root = run[part[0]].1;
                    for &k in &part {
                        roots[run[k].1 as usize] = root;
                    }
                }
            }
        }
        // 8. fragments join the larger story they belong to
        if cfg.attach_similarity > 0.0 {
            let mut articles = vec![0u32; units];
            for &u in &index.unit {
                articles[u as usize] += 1;
            }
            let stories = attach::Stories {
                root: &roots,
                articles: &articles,
                vectors: reps
                    .iter()
                    .map(|&r| index.vectors[r as usize].as_slice())
                    .collect(),
                dates: &unit_dates,
            };
            let moves =
                attach::attachments(&stories, &edges, cfg.attach_similarity, cfg.window_days);
            // a small story never attracts another, so no chains
            let mut target: Vec<u32> = (0..units as u32).collect();
            for (from, to) in moves {
                target[from as usize] = to;
            }
            for r in roots.iter_mut() {
                *r = target[*r as usize];
            }
        }
        index.stories = index.collect_groups(|p| roots[index.unit[p] as usize]);
        index.copy_groups = index.collect_groups(|p| index.unit[p]);
        index
    }

    /// The exact cosine of every pair of copy groups that share a
    /// blocking key (a key of at most [`StoryConfig::block_max_df`] groups),
    /// kept when at least `min_edge` and within the date window: `(a, b,
    /// similarity)` with `a < b`, in order.
    fn edges(
        &self,
        reps: &[u32],
        unit_dates: &[DateRange],
        df: &[u32],
        cfg: &StoryConfig,
    ) -> Vec<(u32, u32, f32)> {
        let keys = df.len();
        let blocking = |k: u32| df[k as usize] as usize <= cfg.block_max_df;
        // postings of the blocking keys: key id → (group, weight), groups
        // ascending
        let mut start = vec![0u32; keys + 1];
        for &r in reps {
            for &(k, _) in self.vectors[r as usize].iter().filter(|e| blocking(e.0)) {
                start[k as usize + 1] += 1;
            }
        }
        for k in 0..keys {
            start[k + 1] += start[k];
        }
        let mut fill = start.clone();
        let mut postings = vec![(0u32, 0f32); start[keys] as usize];
        for (u, &r) in reps.iter().enumerate() {
            for &(k, w) in self.vectors[r as usize].iter().filter(|e| blocking(e.0)) {
                postings[fill[k as usize] as usize] = (u as u32, w);
                fill[k as usize] += 1;
            }
        }
        let units = reps.len();
        (0..units)
            .into_par_iter()
            .map_init(
                || (vec![0f32; units], Vec::<u32>::new()),
                |(acc, touched), u| {
                    let mine = &self.vectors[reps[u] as usize];
                    // the part of the cosine the blocking keys give
                    for &(k, w) in mine.iter().filter(|e| blocking(e.0)) {
                        let list =
                            &postings[start[k as usize] as usize..start[k as usize + 1] as usize];
                        // groups after u only: each pair once
                        let from = list.partition_point(|&(v, _)| v as usize <= u);
                        for &(v, wv) in &list[from..] {
                            if acc[v as usize] == 0.0 {
                                touched.push(v);
                            }
                            acc[v as usize] += w * wv;
                        }
                    }
                    touched.sort_unstable();
                    let mut out = Vec::new();
                    for &v in touched.iter() {
                        let partial = std::mem::take(&mut acc[v as usize]) as f64;
                        // the full cosine only for pairs the rare keys
                        // already bring halfway
                        if partial < cfg.min_edge / 2.0
                            || gap_days(unit_dates[u], unit_dates[v as usize]) > cfg.window_days
                        {
                            continue;
                        }
                        let mut s = dot(mine, &self.vectors[reps[v as usize] as usize]);
                        if features::other_days(
                            &self.days[reps[u] as usize],
                            &self.days[reps[v as usize] as usize],
                        ) {
                            s *= self.other_days_factor;
                        }
                        if s >= cfg.min_edge {
                            out.push((u as u32, v, s as f32));
                        }
                    }
                    touched.clear();
                    out
                },
            )
            .flatten_iter()
            .collect()
    }

    /// Groups canonical positions by `key`, as sorted input indices,
    /// groups ordered by their first index.
    fn collect_groups(&self, key: impl Fn(usize) -> u32) -> Vec<Vec<usize>> {
        let mut by_key: Vec<(u32, usize)> = (0..self.input.len())
            .map(|p| (key(p), self.input[p] as usize))
            .collect();
        by_key.sort_unstable();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (k, &(g, i)) in by_key.iter().enumerate() {
            if k == 0 || by_key[k - 1].0 != g {
                groups.push(Vec::new());
            }
            groups.last_mut().expect("pushed above").push(i);
        }
        for g in &mut groups {
            g.sort_unstable();
        }
        groups.sort_unstable_by_key(|g| g[0]);
        groups
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.input.len()
    }

    /// True when no article was indexed.
    pub fn is_empty(&self) -> bool {
        self.input.is_empty()
    }

    /// The stories: indices into the indexed articles, each story sorted
    /// ascending, stories ordered by their first index (what [`group`]
    /// returns).
    pub fn stories(&self) -> &[Vec<usize>] {
        &self.stories
    }

    /// Groups of articles that are copies of one text (syndicated copy,
    /// verbatim or lightly edited), including groups of one, in the same
    /// layout as [`StoryIndex::stories`]. Each copy group lies inside one
    /// story.
    pub fn copy_groups(&self) -> &[Vec<usize>] {
        &self.copy_groups
    }

    /// True when articles `i` and `j` (input indices) are copies of one
    /// text: in the same copy group.
    ///
    /// # Panics
    /// When an index is out of range.
    pub fn copies(&self, i: usize, j: usize) -> bool {
        self.unit[self.pos[i] as usize] == self.unit[self.pos[j] as usize]
    }

    /// How likely articles `i` and `j` (input indices) report the same
    /// event, in `[0, 1]`: `1` for copies of one text, `0` when both are
    /// dated further apart than the window, else the cosine of their
    /// weighted key vectors, times [`StoryConfig::other_days_factor`] when
    /// both name days and none of one's can be one of the other's. The
    /// score the grouping averages (there, a pair
    /// under [`StoryConfig::min_edge`], or sharing no key of at most
    /// [`StoryConfig::block_max_df`] copy groups, counts 0; copies count
    /// once, through the first article of their group).
    ///
    /// # Panics
    /// When an index is out of range.
    pub fn similarity(&self, i: usize, j: usize) -> f64 {
        let (p, q) = (self.pos[i] as usize, self.pos[j] as usize);
        if p == q || self.unit[p] == self.unit[q] {
            return 1.0;
        }
        let ((sa, na), (sb, nb)) = (&self.sketches[p], &self.sketches[q]);
        if self.copy_rule.copies(sa, *na, sb, *nb) {
            return 1.0;
        }
        if gap_days(self.dates[p], self.dates[q]) > self.window {
            return 0.0;
        }
        let mut s = dot(&self.vectors[p], &self.vectors[q]);
        if features::other_days(&self.days[p], &self.days[q]) {
            s *= self.other_days_factor;
        }
        s.clamp(0.0, 1.0)
    }
}

/// Dot product of two sparse vectors sorted by key id.
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s as f64
}
