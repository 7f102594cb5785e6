//! Warnings the command line adds after extraction, and how every
//! diagnostic is printed.

use crosscheck::parse::{Diagnostic, Extraction};
use crosscheck::report::sanitize::escape_controls;
use std::io::Write;

/// One warning per article without a publication date whose relative date
/// expressions ("yesterday", "on Friday") therefore stay unresolved, with
/// the first of them and how to fix it (`--date`).
pub fn unresolved_relative_dates(extractions: &[Extraction]) -> Vec<Diagnostic> {
    crosscheck::unresolved_relative_dates(extractions, "give one with --date YYYY-MM-DD")
}

/// Prints diagnostics to stderr as `crosscheck: warning|error: ORIGIN:
/// message`, control characters escaped (a file name cannot forge a line).
pub fn print(diagnostics: &[Diagnostic]) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in diagnostics {
        // nothing sensible to do when stderr itself fails
        let _ = writeln!(
            err,
            "crosscheck: {}: {}: {}",
            d.severity.as_str(),
            escape_controls(&d.origin),
            escape_controls(&d.message)
        );
    }
}

/// Prints one line `crosscheck: LEVEL: message` to stderr, control
/// characters escaped.
pub fn line(level: &str, message: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "crosscheck: {level}: {}",
        escape_controls(message)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck::parse::{self, Article, NaiveDate};

    fn extraction(id: &str, published: Option<NaiveDate>) -> Extraction {
        parse::extract(Article {
            id: id.into(),
            origin: format!("corpus/{id}.txt"),
            published,
            text: "The minister resigned yesterday. Talks resume on Friday, officials said.".into(),
            ..Default::default()
        })
    }

    #[test]
    fn an_undated_article_with_relative_dates_gets_one_warning() {
        let undated = extraction("wire", None);
        let dated = extraction("daily", NaiveDate::from_ymd_opt(2022, 1, 27));
        let warnings = unresolved_relative_dates(&[undated, dated]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].origin, "corpus/wire.txt");
        assert!(
            warnings[0]
                .message
                .starts_with("2 relative dates (first: \"yesterday\")"),
            "{}",
            warnings[0].message
        );
        assert!(warnings[0].message.contains("--date"));
    }
}
