//! Iterates the findings of a directory with their typed values, claim
//! cluster by claim cluster: each cluster's central claim, then each
//! finding's kind, severity and story, then every variant with the
//! articles and byte spans that carry it.
//!
//! `cargo run --example findings -- seeds/ 2022-01-27`
use crosscheck::align::{self, Value};
use crosscheck::parse::{self, IngestOptions, NaiveDate};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "seeds".into()));
    let options = IngestOptions {
        default_date: args
            .next()
            .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d"))
            .transpose()?,
        ..IngestOptions::default()
    };
    let ingested = parse::read_inputs(&[dir], &options);
    let docs = crosscheck::extract_all(&ingested);
    let alignment = align::compare(&docs, &align::Config::default());
    // findings of one claim share `cluster`: group them without the graph
    let mut clusters: std::collections::BTreeMap<&str, Vec<&align::Finding>> = Default::default();
    for f in alignment.discrepancies() {
        clusters.entry(f.cluster.as_str()).or_default().push(f);
    }
    for (cluster, findings) in clusters {
        if let Some(claim) = findings[0].claim() {
            println!("cluster {cluster}: {:?} ({})", claim.text, claim.article);
        }
        for f in findings {
            print_finding(f, &docs);
        }
    }
    Ok(())
}

fn print_finding(f: &align::Finding, docs: &[parse::Extraction]) {
    println!(
        "{} {:?} {:?} confidence {:.2} in {}",
        f.id, f.kind, f.severity, f.confidence, f.story
    );
    for v in &f.variants {
        let typed = match &v.value {
            Value::Quote { words } => format!("quote words {words:?}"),
            Value::Role { role } => format!("role {role:?}"),
            Value::Place { name } => format!("place {name:?}"),
            Value::Speaker { person } => format!("speaker {person:?}"),
            Value::Date(d) => format!("date {d:?}"),
            Value::Quantity(q) => format!("quantity {q:?}"),
            other => format!("{other:?}"),
        };
        println!("  {typed}");
        for m in &v.mentions {
            let text = docs
                .iter()
                .find(|x| x.article.id == m.article)
                .map(|x| m.span.slice(&x.article.text))
                .unwrap_or_default();
            println!(
                "    {} [{}, {}) {text:?}",
                m.article, m.span.start, m.span.end
            );
        }
    }
}
