//! # crosscheck
//!
//! Cross-source claim comparison. This crate is the command-line tool and a
//! thin facade over the workspace libraries:
//!
//! - [`parse`]: reading articles and extracting quotes and facts.
#![warn(missing_docs)]

pub use crosscheck_parse as parse;

use crosscheck_parse::{Extraction, Ingested};

/// Runs [`parse::extract`] over every ingested article, in input order,
/// attaching to each extraction the ingest diagnostics whose origin is the
/// article's origin (warnings such as a dateline without a year).
///
/// Errors about inputs that yielded no article stay only in
/// `ingested.diagnostics`.
pub fn extract_all(ingested: &Ingested) -> Vec<Extraction> {
    ingested
        .articles
        .iter()
        .map(|article| {
            let mut x = parse::extract(article.clone());
            let mut diags: Vec<_> = ingested.diagnostics_for(&article.origin).cloned().collect();
            diags.append(&mut x.diagnostics);
            x.diagnostics = diags;
            x
        })
        .collect()
}
