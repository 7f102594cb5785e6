//! The `crosscheck` command-line tool.
//!
//! Exit codes ([`exit`], `docs/cli.md`): 0 when every input was read, 1
//! (`compare --fail-on`) when new findings at or above the threshold
//! appeared, 2 when any input (or part of one) could not be read, no article
//! was read, or on a usage error, 3 when the output could not be written.
//! Output for the good articles is written with code 2 too.

use clap::{Parser, Subcommand, ValueEnum};

/// mimalloc rather than the system allocator: the comparison makes many
/// small strings and vectors per claim, where the system allocator took
/// about a third of the CPU time of a 300 MB day (docs/scale.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use crosscheck::parse::{self, Diagnostic, IngestOptions, InputFormat};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Cross-source claim comparison: extract quotes and facts from news
/// articles and find where outlets agree or differ.
#[derive(Parser, Debug)]
#[command(name = "crosscheck", version, about, after_help = help::top())]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read articles and print what was extracted from each (sentences,
    /// quotes, dates, quantities, entities) as JSON.
    #[command(after_help = help::extract())]
    Extract(extract::Args),
    /// Read articles, match their quotes and facts across articles, and
    /// report agreements and discrepancies (CSV, JSON, Markdown, HTML, DOT
    /// or a terminal table). With --baseline and --fail-on, a CI gate.
    #[command(after_help = help::compare())]
    Compare(compare::Args),
    /// Print one finding (by the id any report gives) with its full
    /// evidence: every variant, every mention with its article, spans and
    /// sentence. Give the same inputs and options as to compare.
    #[command(after_help = help::explain())]
    Explain(explain::Args),
}

mod compare;
mod config;
mod exit;
mod explain;
mod help;
mod notes;
mod output;
mod progress;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Explain(args) => explain::run(args),
    }
}

/// Prints a command-line parsing error in the one error style
/// (`crosscheck: error: ...`, control characters escaped) and returns its
/// exit code; `--help` and `--version` go to standard output, exit 0.
fn usage_error(e: &clap::Error) -> ExitCode {
    if !e.use_stderr() {
        // --help, --version (a closed stdout is no error)
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // `crosscheck` alone: the help, on stderr, as a usage error
        let _ = e.print();
        return ExitCode::from(exit::USAGE_OR_INPUT);
    }
    let text = e.render().to_string();
    let text = text.trim_end();
    let text = text.strip_prefix("error: ").unwrap_or(text);
    let mut lines = text.lines();
    notes::line("error", lines.next().unwrap_or("invalid arguments"));
    for l in lines {
        let _ = writeln!(
            io::stderr(),
            "{}",
            crosscheck::report::sanitize::escape_controls(l)
        );
    }
    ExitCode::from(exit::USAGE_OR_INPUT)
}

/// Shared pieces for every subcommand: input options, diagnostics, output.
mod common {
    use super::*;

    /// Input format names accepted by `--input-format`.
    #[derive(Clone, Copy, Debug, ValueEnum)]
    pub enum InputFormatArg {
        /// Plain text, optional `Key: value` header block.
        Text,
        /// One JSON object or an array of objects.
        Json,
        /// One JSON object per line.
        Jsonl,
        /// An HTML page.
        Html,
    }

    impl From<InputFormatArg> for InputFormat {
        fn from(f: InputFormatArg) -> Self {
            match f {
                InputFormatArg::Text => InputFormat::Text,
                InputFormatArg::Json => InputFormat::Json,
                InputFormatArg::Jsonl => InputFormat::JsonLines,
                InputFormatArg::Html => InputFormat::Html,
            }
        }
    }

    /// Options shared by commands that read articles.
    #[derive(clap::Args, Debug)]
    pub struct InputArgs {
        /// Files, directories (read recursively, known extensions only) or
        /// `-` for standard input.
        #[arg(required = true, value_name = "INPUTS")]
        pub inputs: Vec<PathBuf>,
        /// Read every input as this format instead of guessing from the
        /// extension.
        #[arg(long, value_enum, value_name = "FORMAT")]
        pub input_format: Option<InputFormatArg>,
        /// Publication date (YYYY-MM-DD) for articles that give none; an
        /// article's own date always wins.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
        pub date: Option<chrono::NaiveDate>,
        /// Largest article accepted, in bytes (per line for JSON lines).
        #[arg(long, value_name = "N", default_value_t = IngestOptions::default().max_article_bytes,
              value_parser = parse_positive)]
        pub max_article_bytes: usize,
    }

    impl InputArgs {
        pub fn options(&self) -> IngestOptions {
            IngestOptions {
                format: self.input_format.map(Into::into),
                default_date: self.date,
                max_article_bytes: self.max_article_bytes,
            }
        }
    }

    fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|e| format!("expected a date as YYYY-MM-DD ({e})"))
    }

    fn parse_positive(s: &str) -> Result<usize, String> {
        match s.parse::<usize>() {
            Ok(0) => Err("must be at least 1".into()),
            Ok(n) => Ok(n),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Prints diagnostics to stderr as `crosscheck: warning|error: ORIGIN:
    /// message` (see [`crate::notes::print`]).
    pub fn report(diagnostics: &[Diagnostic]) {
        crate::notes::print(diagnostics);
    }

    /// Writes the output with [`crate::output::write_output`] (atomically
    /// for a file; a closed standard output is no error); on failure prints
    /// why on stderr and returns false, for exit code
    /// [`crate::exit::OUTPUT`].
    pub fn write_output_or_report(path: Option<&PathBuf>, bytes: &[u8]) -> bool {
        let Err(e) = crate::output::write_output(path.map(PathBuf::as_path), bytes) else {
            return true;
        };
        let target = path.map_or("standard output".to_string(), |p| p.display().to_string());
        crate::notes::line("error", &format!("cannot write {target}: {e}"));
        false
    }
}

/// `crosscheck extract`.
mod extract {
    use super::common::{report, write_output_or_report, InputArgs};
    use super::*;

    /// Output formats of `extract`.
    #[derive(Clone, Copy, Debug, Default, ValueEnum)]
    pub enum OutputFormat {
        /// A pretty-printed JSON array, one object per article.
        #[default]
        Json,
        /// One compact JSON object per line.
        Jsonl,
    }

    /// Arguments of `crosscheck extract`.
    #[derive(clap::Args, Debug)]
    pub struct Args {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
        format: OutputFormat,
        /// Write the output to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    }

    pub fn run(args: Args) -> ExitCode {
        if let Some(o) = &args.output {
            if let Err(e) = crate::output::check_path(o, &args.input.inputs) {
                crate::notes::line("error", &e);
                return ExitCode::from(crate::exit::USAGE_OR_INPUT);
            }
        }
        let ingested = parse::read_inputs(&args.input.inputs, &args.input.options());
        report(&ingested.diagnostics);
        if let Err(e) = crate::exit::require_articles(&ingested, 1) {
            crate::notes::line("error", &e);
            return ExitCode::from(crate::exit::USAGE_OR_INPUT);
        }
        let extractions = crosscheck::extract_all(&ingested);
        report(&crate::notes::unresolved_relative_dates(&extractions));
        let bytes = match render(&extractions, args.format) {
            Ok(b) => b,
            Err(e) => {
                crate::notes::line("error", &format!("cannot serialise the output: {e}"));
                return ExitCode::from(crate::exit::OUTPUT);
            }
        };
        if !write_output_or_report(args.output.as_ref(), &bytes) {
            return ExitCode::from(crate::exit::OUTPUT);
        }
        if ingested.has_errors() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        }
    }

    fn render(
        extractions: &[parse::Extraction],
        format: OutputFormat,
    ) -> serde_json::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        match format {
            OutputFormat::Json => {
                serde_json::to_writer_pretty(&mut bytes, extractions)?;
                bytes.push(b'\n');
            }
            OutputFormat::Jsonl => {
                for x in extractions {
                    serde_json::to_writer(&mut bytes, x)?;
                    bytes.push(b'\n');
                }
            }
        }
        Ok(bytes)
    }
}
