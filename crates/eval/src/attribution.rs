//! Training the attribution tagger of `crosscheck-parse`
//! (`crosscheck_parse::quotes::tagger`) on PolNeAR, and scoring it honestly.
//!
//! The tagger tags every token *outside*, *source*, *cue* or *content*;
//! its gold tags come from PolNeAR's standoff spans ([`gold_tags`]). The
//! compiled-in model (`crates/parse/data/attribution.model`) is trained
//! on every article of `polnear-train` by the `train_attribution` binary.
//! Because the `quotes` suite scores those same articles, the suite never
//! uses that model: it cross-validates by article ([`fold_models`]), so
//! each article is extracted with a model that never saw it.

use crate::perturb::rng::SplitMix64;
use crate::polnear::Doc;
use crosscheck_parse::quotes::tagger::{document_features, Model, SentenceFeatures, Tag, Trainer};
use crosscheck_parse::Span;
use rayon::prelude::*;

/// Training settings: `2^bits` weight buckets, passes over the data, and
/// the shuffling seed.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// The model keeps `2^bits` buckets of weights.
    pub bits: u32,
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the shuffle before each pass.
    pub seed: u64,
}

impl Default for Settings {
    /// The settings the compiled-in model was trained with.
    fn default() -> Self {
        Settings {
            bits: 16,
            epochs: 6,
            seed: 7,
        }
    }
}

/// The folds the `quotes` suite cross-validates over.
pub const FOLDS: usize = 5;

/// One article's sentences (their features) with their gold tags.
pub struct Tagged {
    sentences: Vec<(SentenceFeatures, Vec<Tag>)>,
}

/// The gold tag of each token of `f`: content, else cue, else source
/// (PolNeAR's roles never overlap), by any shared byte.
pub fn gold_tags(doc: &Doc, f: &SentenceFeatures) -> Vec<Tag> {
    let hits = |spans: &[Span], t: Span| spans.iter().any(|s| s.overlaps(&t));
    f.spans
        .iter()
        .map(|&t| {
            let mut tag = Tag::Outside;
            for a in &doc.attributions {
                if hits(&a.content, t) {
                    return Tag::Content;
                }
                if hits(&a.cue, t) {
                    tag = Tag::Cue;
                } else if hits(&a.source, t) && tag == Tag::Outside {
                    tag = Tag::Source;
                }
            }
            tag
        })
        .collect()
}

/// Every article's features and gold tags (in parallel; the order of
/// `docs` is kept).
pub fn prepare(docs: &[Doc]) -> Vec<Tagged> {
    docs.par_iter()
        .map(|doc| Tagged {
            sentences: document_features(&doc.text)
                .into_iter()
                .map(|f| {
                    let g = gold_tags(doc, &f);
                    (f, g)
                })
                .collect(),
        })
        .collect()
}

/// A model trained on `data`. Deterministic: the same data, in the same
/// order, with the same settings give the same weights. With `verbose`,
/// each pass's training error goes to standard error.
pub fn train(data: &[&Tagged], settings: Settings, verbose: bool) -> Model {
    let mut trainer = Trainer::new(settings.bits);
    let mut order: Vec<(&SentenceFeatures, &[Tag])> = data
        .iter()
        .flat_map(|d| d.sentences.iter().map(|(f, g)| (f, g.as_slice())))
        .collect();
    let tokens: usize = order.iter().map(|(f, _)| f.len()).sum();
    let mut rng = SplitMix64::new(settings.seed);
    for e in 0..settings.epochs {
        rng.shuffle(&mut order);
        let wrong = trainer.epoch(&order);
        if verbose {
            eprintln!(
                "  epoch {}: {wrong} of {tokens} tokens tagged wrong ({:.2}%)",
                e + 1,
                100.0 * wrong as f64 / tokens.max(1) as f64
            );
        }
    }
    trainer.model()
}

/// The fold of the article at index `i`: articles are dealt round-robin
/// (index mod `folds`), which spreads every outlet over every fold.
pub fn fold_of(i: usize, folds: usize) -> usize {
    i % folds.max(1)
}

/// One model per fold, model `k` trained on every article outside fold
/// `k` (folds in parallel; each is deterministic).
pub fn fold_models(data: &[Tagged], folds: usize, settings: Settings) -> Vec<Model> {
    (0..folds)
        .into_par_iter()
        .map(|k| {
            let train_set: Vec<&Tagged> = data
                .iter()
                .enumerate()
                .filter(|(i, _)| fold_of(*i, folds) != k)
                .map(|(_, d)| d)
                .collect();
            let settings = Settings {
                seed: settings.seed + k as u64,
                ..settings
            };
            train(&train_set, settings, false)
        })
        .collect()
}
