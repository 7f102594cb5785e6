//! `crosscheck explain FINDING_ID INPUTS`: runs the comparison as `compare`
//! does (agreements included, so every id `compare` can print is known)
//! and prints one finding with its full evidence.

use crate::common::{report as print_diagnostics, InputArgs};
use crosscheck::align::{self, Config};
use crosscheck::parse;
use crosscheck::report::{self, Report};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `crosscheck explain`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The finding's id (16 hex digits, as in every report).
    #[arg(value_name = "FINDING_ID")]
    id: String,
    #[command(flatten)]
    input: InputArgs,
    /// TOML file with matching thresholds and weights, as for compare.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Compare every article with every other as one story, as for compare.
    #[arg(long)]
    one_story: bool,
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    crate::notes::line("error", &msg.to_string());
    ExitCode::from(crate::exit::USAGE_OR_INPUT)
}

/// Runs `crosscheck explain`.
pub fn run(args: Args) -> ExitCode {
    let mut config = match &args.config {
        Some(p) => match crate::config::load(p) {
            Ok(c) => {
                for w in &c.warnings {
                    crate::notes::line("warning", &format!("config {}: {w}", p.display()));
                }
                c.config
            }
            Err(e) => return fail(e),
        },
        None => Config::default(),
    };
    config.agreements = true;
    if args.one_story {
        config.stories.force_one_story = true;
    }
    let ingested = parse::read_inputs(&args.input.inputs, &args.input.options());
    print_diagnostics(&ingested.diagnostics);
    if let Err(e) = crate::exit::require_articles(&ingested, 2) {
        return fail(e);
    }
    let extractions = crosscheck::extract_all_with(&ingested, || {});
    let alignment = align::compare(&extractions, &config);
    let report = Report::new(&extractions, &alignment).with_diagnostics(&ingested.diagnostics);
    let Some(f) = report::explain::find(&report, &args.id) else {
        return fail(format!(
            "no finding `{}` in these inputs ({} finding{}; ids are listed by `crosscheck compare`, which must be given the same inputs and options)",
            args.id.trim(),
            alignment.findings.len(),
            if alignment.findings.len() == 1 { "" } else { "s" }
        ));
    };
    let text = report::explain::to_text(&report, f);
    // a closed standard output is no error
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if ingested.has_errors() {
        return ExitCode::from(crate::exit::USAGE_OR_INPUT);
    }
    ExitCode::SUCCESS
}
