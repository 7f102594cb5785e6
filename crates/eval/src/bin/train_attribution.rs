//! Trains the attribution tagger of `crosscheck-parse`
//! (`crosscheck_parse::quotes::tagger`) on PolNeAR (`polnear-train` in the
//! devdata folder) and writes its weights, the file the parse crate
//! compiles in (format: `crosscheck_parse::quotes::tagger::Model::to_bytes`).
//!
//! ```sh
//! # train on every article and write crates/parse/data/attribution.model
//! cargo run -p crosscheck-eval --profile fast --bin train_attribution
//! # held-out figures: K-fold cross-validation by article (writes nothing;
//! # the `quotes` suite of the accuracy binary does the same with 5 folds)
//! cargo run -p crosscheck-eval --profile fast --bin train_attribution -- --folds 5
//! ```
//!
//! Options: `--devdata DIR`, `--bits N` (2^N weight buckets, default 16),
//! `--epochs N` (default 6), `--folds K` (cross-validate instead of
//! writing), `--out FILE`. Training is deterministic: the same data and
//! options give the same bytes.

use crosscheck_eval::attribution::{self, Settings};
use crosscheck_eval::polnear;
use crosscheck_eval::quotes::{article_of, score};
use crosscheck_parse::extract_with_model;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut devdata: Option<PathBuf> = None;
    let mut settings = Settings::default();
    let mut folds = 0usize;
    let mut out = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../parse/data/attribution.model"
    ));
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match a.as_str() {
            "--devdata" => devdata = Some(PathBuf::from(value())),
            "--bits" => settings.bits = value().parse().unwrap_or(settings.bits).clamp(8, 24),
            "--epochs" => settings.epochs = value().parse().unwrap_or(settings.epochs),
            "--folds" => folds = value().parse().unwrap_or(0),
            "--out" => out = PathBuf::from(value()),
            other => {
                eprintln!("train_attribution: unknown argument {other}");
                return ExitCode::from(2);
            }
        }
    }
    let found = match devdata {
        Some(d) if d.is_dir() => Ok(d),
        Some(d) => Err(format!("devdata folder not found at {}", d.display())),
        None => crosscheck_eval::devdata(),
    };
    let dir = match found {
        Ok(d) => d,
        Err(e) => {
            eprintln!("train_attribution: {e}");
            return ExitCode::from(2);
        }
    };
    let docs = match polnear::load(&dir.join("polnear-train")) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("train_attribution: {e}");
            return ExitCode::from(2);
        }
    };
    eprintln!("train_attribution: {} articles, features…", docs.len());
    let data = attribution::prepare(&docs);
    if folds >= 2 {
        eprintln!("train_attribution: {folds} models, each without one fold…");
        let models = attribution::fold_models(&data, folds, settings);
        let figures = score(&docs, |i, doc| {
            extract_with_model(article_of(doc), &models[attribution::fold_of(i, folds)])
        });
        println!("held-out figures ({folds}-fold cross-validation by article):");
        for (name, f) in &figures.0 {
            println!("quotes       {name:<40} {:.4}", f.value);
        }
        return ExitCode::SUCCESS;
    }
    let all: Vec<&attribution::Tagged> = data.iter().collect();
    let model = attribution::train(&all, settings, true);
    if let Err(e) = std::fs::write(&out, model.to_bytes()) {
        eprintln!("train_attribution: {}: {e}", out.display());
        return ExitCode::from(1);
    }
    eprintln!("train_attribution: wrote {}", out.display());
    ExitCode::SUCCESS
}
