//! Reads a directory (text, JSON, JSON lines; HTML with the `html`
//! feature), prints the diagnostics, and writes the findings as CSV.
//!
//! `cargo run --example directory -- seeds/ 2022-01-27 > findings.csv`
use crosscheck::parse::{self, IngestOptions, NaiveDate};
use crosscheck::{align, report};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "seeds".into()));
    let options = IngestOptions {
        // the fallback for articles without a date of their own
        default_date: args
            .next()
            .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d"))
            .transpose()?,
        ..IngestOptions::default()
    };
    let ingested = parse::read_inputs(&[dir], &options);
    for d in &ingested.diagnostics {
        eprintln!("{}: {}: {}", d.origin, d.severity.as_str(), d.message);
    }
    if ingested.articles.len() < 2 {
        return Err("fewer than two articles to compare".into());
    }
    let docs = crosscheck::extract_all(&ingested);
    let alignment = align::compare(&docs, &align::Config::default());
    let csv = report::render(&report::Report::new(&docs, &alignment), report::Format::Csv)?;
    print!("{csv}");
    Ok(())
}
