//! Two articles built in memory, compared; the findings as CSV on stdout.
//!
//! `cargo run --example in_memory`
use crosscheck::parse::{Article, NaiveDate};
use crosscheck::{align, report};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let day = NaiveDate::from_ymd_opt(2023, 3, 14).expect("a valid date");
    let articles = [
        Article::new(
            "harbour-times",
            "“We will reopen the northern terminal within two weeks,” port director \
             Lena Okafor said on Monday. About 1,200 containers were stranded.",
        )
        .source("Harbour Times")
        .published(day),
        Article::new(
            "coast-post",
            "“We will reopen the northern terminal within three weeks,” port director \
             Lena Okafor said on Monday. About 1,500 containers were stranded.",
        )
        .source("Coast Post")
        .published(day),
    ];
    // an empty or repeated id is an error here, not a silently wrong report
    let docs = crosscheck::extract_articles(&articles)?;
    let alignment = align::compare(&docs, &align::Config::default());
    eprintln!("{} discrepancies", alignment.discrepancies().count());
    let csv = report::render(&report::Report::new(&docs, &alignment), report::Format::Csv)?;
    print!("{csv}");
    Ok(())
}
