//! `accuracy`: runs the scorers over the devdata corpora and prints their
//! figures; `--check FILE` fails (exit 1) when a figure falls more than
//! 0.01 below the committed one; `--write FILE` records the figures of the
//! suites that ran, keeping the other suites' committed figures.
//!
//! ```text
//! cargo run -p crosscheck-eval --profile fast --bin accuracy -- --check docs/accuracy.toml
//! cargo run -p crosscheck-eval --profile fast --bin accuracy -- --suite quotes
//! ```

use crosscheck_eval::{check, devdata, parse_committed, suites, to_toml, Better, Figures};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: accuracy [--suite NAME]... [--devdata DIR] [--check FILE | --write FILE] [--list]";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("accuracy: error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let mut only: Vec<String> = Vec::new();
    let mut dir: Option<PathBuf> = None;
    let mut check_file: Option<PathBuf> = None;
    let mut write_file: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |flag: &str| args.next().ok_or(format!("{flag} needs a value\n{USAGE}"));
        match a.as_str() {
            "--suite" => only.push(value("--suite")?),
            "--devdata" => dir = Some(PathBuf::from(value("--devdata")?)),
            "--check" => check_file = Some(PathBuf::from(value("--check")?)),
            "--write" => write_file = Some(PathBuf::from(value("--write")?)),
            "--list" => {
                for s in suites() {
                    println!("{:<12} {}", s.name, s.about);
                }
                return Ok(ExitCode::SUCCESS);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    let all = suites();
    for name in &only {
        if !all.iter().any(|s| s.name == name) {
            return Err(format!("no suite named {name:?} (see --list)"));
        }
    }
    let dir = match dir {
        Some(d) => d,
        None => devdata()?,
    };
    let mut measured: BTreeMap<String, Figures> = BTreeMap::new();
    for suite in all
        .iter()
        .filter(|s| only.is_empty() || only.iter().any(|n| n == s.name))
    {
        let figures = (suite.run)(&dir).map_err(|e| format!("suite {}: {e}", suite.name))?;
        for (name, f) in &figures.0 {
            let arrow = match f.better {
                Better::Higher => "↑",
                Better::Lower => "↓",
            };
            println!("{:<12} {:<40} {:>8.4} {arrow}", suite.name, name, f.value);
        }
        measured.insert(suite.name.to_string(), figures);
    }
    if let Some(path) = write_file {
        let mut committed = match std::fs::read_to_string(&path) {
            Ok(t) => parse_committed(&t).map_err(|e| format!("{}: {e}", path.display()))?,
            Err(_) => BTreeMap::new(),
        };
        for suite in measured.keys() {
            committed.remove(suite);
        }
        let mut merged: BTreeMap<String, Figures> = committed
            .into_iter()
            .map(|(suite, figs)| {
                let mut f = Figures::default();
                for (name, v) in figs {
                    f.higher(&name, v);
                }
                (suite, f)
            })
            .collect();
        merged.extend(measured);
        let header = "# Accuracy figures on ../shared/devdata, guarded in CI by\n\
                      # `accuracy --check docs/accuracy.toml` (crates/eval): a figure may not\n\
                      # fall more than 0.01 below (or, for rates, rise above) these.\n\
                      # Raise them with `accuracy --write docs/accuracy.toml` after an improvement.\n\n";
        std::fs::write(&path, format!("{header}{}", to_toml(&merged)))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(path) = check_file {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let committed = parse_committed(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let bad = check(&committed, &measured);
        if !bad.is_empty() {
            for r in &bad {
                eprintln!("accuracy: regression: {r}");
            }
            return Ok(ExitCode::FAILURE);
        }
        eprintln!("accuracy: every committed figure holds (tolerance 0.01)");
    }
    Ok(ExitCode::SUCCESS)
}
