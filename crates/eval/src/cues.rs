//! Training of the learned cue model of `crates/parse`
//! (`quotes/learned.rs`, docs/model.md) on the training half of PolNeAR
//! (the articles [`polnear::held_out`] leaves out).
//!
//! 1. **Vocabulary**: the lowercased words that lie inside a gold cue at
//!    least [`MIN_CUE`] times and in at least [`MIN_RATE`] of their
//!    occurrences, and that may be a cue the rules do not read
//!    ([`eligible`]), less the words `data/model/cue_exclude.tsv` of
//!    `crates/parse` lists by hand: the class `learned_cue`.
//! 2. **Candidates**: every vocabulary word outside the quotes the rules
//!    find ([`crosscheck_parse::quotes::learned::training_candidates`]),
//!    labelled true when it lies inside a gold cue and the content it
//!    would report overlaps that attribution's content.
//! 3. **Model**: an averaged perceptron over the candidates' features
//!    (those seen at least [`MIN_FEATURE`] times), [`EPOCHS`] passes in
//!    article and text order: no randomness, so a run reproduces the
//!    committed files exactly.
//! 4. **Pruning**: a word the model takes as a cue fewer than
//!    [`MIN_FIRED`] times on the training candidates, or rightly in less
//!    than [`MIN_FIRED_RIGHT`] of them, leaves the vocabulary (and its
//!    features the model file): it would cost time and find little.

use crate::polnear::{self, Doc};
use crosscheck_parse::analysis::{Analysis, TokKind};
use crosscheck_parse::quotes::learned::{eligible, training_candidates, Candidate};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The fewest times a word must lie inside a gold cue to be a candidate.
pub const MIN_CUE: usize = 3;
/// The smallest share of a word's occurrences that must lie inside a gold
/// cue for it to be a candidate.
pub const MIN_RATE: f64 = 0.15;
/// The fewest candidates a feature must occur in to get a weight.
pub const MIN_FEATURE: usize = 3;
/// Passes of the perceptron over the candidates.
pub const EPOCHS: usize = 8;
/// The score a candidate must pass: above the perceptron's own boundary
/// (0), for precision (round 22: with the rules' cue words in the
/// vocabulary, held-out indirect precision 0.899 at 0, 0.906 at 1, 0.913
/// at 2).
pub const THRESHOLD: f64 = 1.0;

/// Words left out of the vocabulary by hand, each with its reason
/// (`crates/parse/data/model/cue_exclude.tsv`).
const EXCLUDE: &str = include_str!("../../parse/data/model/cue_exclude.tsv");

/// Whether `word` is listed in [`EXCLUDE`].
fn excluded(word: &str) -> bool {
    EXCLUDE
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| l.split('\t').next() == Some(word))
}

/// The fewest training candidates of a word the model must take as a
/// cue for the word to stay in the vocabulary (a word it never takes
/// costs time and finds nothing).
pub const MIN_FIRED: usize = 3;

/// The smallest share of a word's candidates taken as a cue on the
/// training half that must be right for the word to stay.
pub const MIN_FIRED_RIGHT: f64 = 0.5;

/// The candidate's own word in a feature written `template=pieces`, for
/// the templates that hold it (`w`, `pw`, `wn`).
fn word_of(feature: &str) -> Option<&str> {
    let (tmpl, rest) = feature.split_once('=')?;
    let mut pieces = rest.split('|');
    match tmpl {
        "w" | "wn" => pieces.next(),
        "pw" => pieces.nth(1),
        _ => None,
    }
}

/// What a training run makes: the two files and a summary.
pub struct Trained {
    /// `crates/parse/data/lexicon/learned_cue.tsv`.
    pub lexicon: String,
    /// `crates/parse/data/model/cues.tsv`.
    pub model: String,
    /// Counts and candidate-level figures, for the log.
    pub summary: String,
}

/// The command that writes the files, named in their headers.
pub const COMMAND: &str = "cargo run -p crosscheck-eval --profile fast --bin train_cues";

/// A candidate's label: its word lies inside a gold cue of `doc` and the
/// content it would report overlaps that attribution's content (the
/// quote it makes would be right).
fn label(doc: &Doc, c: &Candidate) -> bool {
    doc.attributions.iter().any(|a| {
        a.cue.iter().any(|s| s.overlaps(&c.cue)) && a.content.iter().any(|s| s.overlaps(&c.content))
    })
}

/// Trains on `devdata/polnear-train`, training half only.
pub fn train(devdata: &Path) -> Result<Trained, String> {
    let docs: Vec<Doc> = polnear::load(&devdata.join("polnear-train"))?
        .into_iter()
        .filter(|d| !polnear::held_out(&d.name))
        .collect();
    // 1. vocabulary
    let mut seen: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for doc in &docs {
        let a = Analysis::new(&doc.text);
        for t in a.tokens() {
            if t.kind != TokKind::Word {
                continue;
            }
            let w = t.text(&doc.text).to_ascii_lowercase();
            let cue = doc
                .attributions
                .iter()
                .any(|at| at.cue.iter().any(|s| s.overlaps(&t.span)));
            let e = seen.entry(w).or_default();
            e.0 += 1;
            e.1 += usize::from(cue);
        }
    }
    let vocab: BTreeSet<String> = seen
        .iter()
        .filter(|(w, (n, c))| {
            w.chars().count() >= 2
                && *c >= MIN_CUE
                && *c as f64 >= MIN_RATE * *n as f64
                && eligible(w)
                && !excluded(w)
        })
        .map(|(w, _)| w.clone())
        .collect();
    // 2. candidates
    let mut cands: Vec<(Vec<String>, bool)> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    for doc in &docs {
        for c in training_candidates(&doc.text, &|w| vocab.contains(w)) {
            let label = label(doc, &c);
            words.push(c.cue.slice(&doc.text).to_ascii_lowercase());
            cands.push((c.features, label));
        }
    }
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for (fs, _) in &cands {
        for f in fs {
            *count.entry(f.as_str()).or_default() += 1;
        }
    }
    let index: BTreeMap<&str, usize> = count
        .iter()
        .filter(|(_, n)| **n >= MIN_FEATURE)
        .enumerate()
        .map(|(k, (f, _))| (*f, k))
        .collect();
    let rows: Vec<(Vec<usize>, bool)> = cands
        .iter()
        .map(|(fs, y)| {
            (
                fs.iter()
                    .filter_map(|f| index.get(f.as_str()).copied())
                    .collect(),
                *y,
            )
        })
        .collect();
    // 3. averaged perceptron (weights and their running sum, as integers
    // of updates: exact and reproducible)
    let n = index.len();
    let mut w = vec![0i64; n];
    let mut total = vec![0i64; n];
    let mut stamp = vec![0i64; n];
    let mut step: i64 = 0;
    for _ in 0..EPOCHS {
        for (fs, y) in &rows {
            step += 1;
            let score: i64 = fs.iter().map(|&k| w[k]).sum();
            let guess = score > 0;
            if guess != *y {
                let d = if *y { 1 } else { -1 };
                for &k in fs {
                    total[k] += (step - stamp[k]) * w[k];
                    stamp[k] = step;
                    w[k] += d;
                }
            }
        }
    }
    let avg: Vec<f64> = (0..n)
        .map(|k| (total[k] + (step - stamp[k]) * w[k]) as f64 / step as f64)
        .collect();
    let weight_of = |fs: &[usize]| fs.iter().map(|&k| avg[k]).sum::<f64>();
    // candidate-level figures on the training half, and the words the
    // model takes as a cue often enough to be worth scoring
    let (mut tp, mut fp, mut pos) = (0usize, 0usize, 0usize);
    let mut fired: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for ((fs, y), word) in rows.iter().zip(&words) {
        let p = weight_of(fs) > THRESHOLD;
        tp += usize::from(p && *y);
        fp += usize::from(p && !*y);
        pos += usize::from(*y);
        let e = fired.entry(word.as_str()).or_default();
        e.0 += usize::from(p);
        e.1 += usize::from(p && *y);
    }
    let kept: BTreeSet<&str> = fired
        .iter()
        .filter(|(_, (n, right))| *n >= MIN_FIRED && *right as f64 >= MIN_FIRED_RIGHT * *n as f64)
        .map(|(w, _)| *w)
        .collect();
    let summary = format!(
        "{} training articles, {} cue words mined, {} kept, {} candidates ({} labelled true), \
         {} features; on the training candidates: {} predicted, precision {:.4}, recall {:.4}",
        docs.len(),
        vocab.len(),
        kept.len(),
        rows.len(),
        pos,
        n,
        tp + fp,
        tp as f64 / (tp + fp).max(1) as f64,
        tp as f64 / pos.max(1) as f64,
    );
    let header = format!(
        "# Written by `{COMMAND}` from devdata polnear-train, training half only\n\
         # (articles with `!crosscheck_eval::polnear::held_out(name)`): do not edit by hand.\n"
    );
    let mut lexicon = format!(
        "# learned_cue: words that lie inside a gold cue of PolNeAR's training half at least {MIN_CUE}\n\
         # times and in at least {MIN_RATE} of their occurrences, that the rules do not read as cues, and\n\
         # that the model takes as a cue at least {MIN_FIRED} times there, rightly in at least\n\
         # {MIN_FIRED_RIGHT} of them: the words the learned cue model scores. Value: times inside a gold cue / occurrences.\n\
         {header}\
         # Read by: quotes (learned.rs).\n# case: any\n"
    );
    for v in &kept {
        let (n, c) = seen[*v];
        lexicon.push_str(&format!("{v}\t{c}/{n}\n"));
    }
    let mut model = format!(
        "# The learned cue model (crates/parse/src/quotes/learned.rs, docs/model.md): averaged\n\
         # perceptron, {EPOCHS} passes, features seen at least {MIN_FEATURE} times; feature<TAB>weight.\n\
         {header}threshold\t{THRESHOLD}\n"
    );
    for (f, &k) in &index {
        let x = (avg[k] * 1000.0).round() / 1000.0;
        if x != 0.0 && word_of(f).is_none_or(|w| kept.contains(w)) {
            model.push_str(&format!("{f}\t{x}\n"));
        }
    }
    Ok(Trained {
        lexicon,
        model,
        summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retraining_reproduces_the_committed_files() {
        let dir = match crate::devdata() {
            Ok(d) => d,
            Err(e) => {
                eprintln!("skipped: retraining needs the devdata corpora ({e})");
                return;
            }
        };
        let t = train(&dir).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../parse/data");
        let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
        assert!(
            t.lexicon == read("lexicon/learned_cue.tsv") && t.model == read("model/cues.tsv"),
            "the committed learned cue files differ from a fresh run of `{COMMAND}`"
        );
    }

    #[test]
    fn the_word_of_a_feature() {
        assert_eq!(word_of("w=wants"), Some("wants"));
        assert_eq!(word_of("pw=mayor|wants"), Some("wants"));
        assert_eq!(word_of("wn=wants|to"), Some("wants"));
        assert_eq!(word_of("pt=cap"), None);
        assert_eq!(word_of("b="), None);
    }
}
