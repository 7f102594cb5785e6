//! `crosscheck compare`: the whole pipeline, from inputs to a report, with
//! baseline comparison for CI.

use crate::common::{report as print_diagnostics, write_output_or_report, InputArgs};
use crosscheck::align::{self, Config};
use crosscheck::parse;
use crosscheck::report::{self, baseline, Baseline, FailOn, Filter, Format, Report};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `crosscheck compare`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Write the report to FILE instead of standard output (its extension
    /// picks the format when --format is not given).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Report format: table, csv, json, md, html, dot or graph-json
    /// [default: from the -o extension, else table].
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    format: Option<Format>,
    /// Worker threads for extraction and matching [default: one per core].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// TOML file with matching thresholds and weights (any subset of the
    /// align Config fields; see docs/user-guide.md).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Leave out findings below this confidence (0 to 1).
    #[arg(long, value_name = "X", default_value_t = 0.0, value_parser = parse_unit)]
    min_confidence: f64,
    /// Only these finding kinds, comma-separated (e.g. date,quantity).
    #[arg(long, value_name = "KINDS")]
    kinds: Option<String>,
    /// List agreements and matched claims too, not only discrepancies.
    #[arg(long)]
    include_agreements: bool,
    /// Compare every article with every other as one story (for small
    /// hand-picked sets), whatever the story grouping would say.
    #[arg(long)]
    one_story: bool,
    /// A previous CSV or JSON report: print new, resolved and unchanged
    /// findings (by finding_id) on standard error.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Exit with code 1 when a new finding (not in --baseline; every finding
    /// without one) is of this kind or at least this severity: a kind name,
    /// low, medium, high, any or never.
    #[arg(long, value_name = "KIND|SEVERITY", value_parser = parse_fail_on)]
    fail_on: Option<FailOn>,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
    /// CSV cells exactly as extracted: no leading ' before cells that begin
    /// with = + - @ tab or CR (which spreadsheets would run as formulas).
    #[arg(long)]
    raw_csv: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse().map_err(|e: report::ReportError| e.to_string())
}

fn parse_fail_on(s: &str) -> Result<FailOn, String> {
    s.parse().map_err(|e: report::ReportError| e.to_string())
}

fn parse_unit(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        Ok(_) => Err("must be between 0 and 1".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// Exit code for usage and input errors.
const USAGE_OR_INPUT: u8 = 2;

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    crate::notes::line("error", &msg.to_string());
    ExitCode::from(USAGE_OR_INPUT)
}

fn load_config(path: &Path) -> Result<Config, String> {
    let loaded = crate::config::load(path)?;
    for w in &loaded.warnings {
        crate::notes::line("warning", &format!("config {}: {w}", path.display()));
    }
    Ok(loaded.config)
}

/// Runs `crosscheck compare`.
pub fn run(args: Args) -> ExitCode {
    if let Some(o) = &args.output {
        if let Err(e) = crate::output::check_path(o, &args.input.inputs) {
            return fail(e);
        }
    }
    let mut config = match &args.config {
        Some(p) => match load_config(p) {
            Ok(c) => c,
            Err(e) => return fail(e),
        },
        None => Config::default(),
    };
    let kinds = match args.kinds.as_deref().map(report::parse_kinds).transpose() {
        Ok(k) => k,
        Err(e) => return fail(e),
    };
    let baseline = match args.baseline.as_deref().map(baseline::load).transpose() {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    if args.one_story {
        config.stories.force_one_story = true;
    }
    let format = match crate::output::report_format(args.format, args.output.as_deref()) {
        Ok(f) => f,
        Err(e) => return fail(e),
    };
    let filter = Filter {
        min_confidence: args.min_confidence,
        kinds,
        include_agreements: args.include_agreements,
    };
    // Every writer and the baseline read only the findings the filter
    // lists: without agreements listed, alignment need not build them.
    if !filter.lists_agreements() {
        config.agreements = false;
    }
    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(n) = args.threads {
            b = b.num_threads(n.into());
        }
        match b.build() {
            Ok(p) => p,
            Err(e) => return fail(format!("cannot start worker threads: {e}")),
        }
    };

    let progress = crate::progress::Progress::new(args.quiet);
    progress.stage("reading");
    let mut ingested = parse::read_inputs(&args.input.inputs, &args.input.options());
    progress.articles_read(ingested.articles.len());
    print_diagnostics(&ingested.diagnostics);
    if let Err(e) = crate::exit::require_articles(&ingested, 2) {
        return fail(e);
    }
    progress.counted("extracting", ingested.articles.len());
    let (extractions, alignment) = pool.install(|| {
        // the articles move into the extractions: each text is held once
        let x = crosscheck::extract_all_taking(&mut ingested, || progress.inc());
        progress.stage("matching claims and stories");
        let a = align::compare(&x, &config);
        (x, a)
    });
    progress.clear();
    print_diagnostics(&crate::notes::unresolved_relative_dates(&extractions));
    progress.stage("writing the report");

    let report = Report::new(&extractions, &alignment)
        .with_diagnostics(&ingested.diagnostics)
        .with_filter(filter);
    let options = report::sanitize::RenderOptions {
        csv_cells: if args.raw_csv {
            report::sanitize::CsvCells::Raw
        } else {
            report::sanitize::CsvCells::Neutralised
        },
    };
    let text = match report::sanitize::render_with(&report, format, &options) {
        Ok(t) => t,
        Err(e) => {
            crate::notes::line("error", &format!("cannot render the report: {e}"));
            return ExitCode::from(crate::exit::OUTPUT);
        }
    };
    progress.clear();
    if !write_output_or_report(args.output.as_ref(), text.as_bytes()) {
        return ExitCode::from(crate::exit::OUTPUT);
    }

    // CI: new findings against the baseline decide the exit code.
    let current = Baseline::of(&report.entries());
    let comparison = match &baseline {
        Some(b) => baseline::compare(b, &current),
        None => baseline::compare(&Baseline::default(), &current),
    };
    if baseline.is_some() {
        eprintln!("crosscheck: baseline: {}", comparison.summary());
        for e in &comparison.new {
            eprintln!(
                "crosscheck: new: {} {} {}",
                report::sanitize::escape_controls(&e.id),
                e.kind,
                e.severity.as_str()
            );
        }
        for e in &comparison.resolved {
            eprintln!(
                "crosscheck: resolved: {} {} {}",
                report::sanitize::escape_controls(&e.id),
                e.kind,
                e.severity.as_str()
            );
        }
    }
    if ingested.has_errors() {
        return ExitCode::from(USAGE_OR_INPUT);
    }
    if let Some(policy) = args.fail_on {
        let offending = policy.offending(&comparison);
        if !offending.is_empty() {
            eprintln!(
                "crosscheck: {} new finding(s) at or above --fail-on {policy}",
                offending.len()
            );
            return ExitCode::from(crate::exit::FINDINGS);
        }
    }
    ExitCode::SUCCESS
}
