//! The generated corpus (`examples/gen_corpus`) through the real pipeline:
//! ingest-free (articles built in memory), `extract_all`, `compare`, then
//! the recall of the planted discrepancies and the findings between
//! stories. The floors are what the engine measured when this test was
//! written (see docs/scale.md), rounded down: a drop is a regression.

mod common;

use common::corpus::{self, check, generate, pairs, Found, Params, Side};
use crosscheck::align;

fn run(articles: usize, seed: u64) -> corpus::Score {
    let c = generate(&Params { articles, seed });
    let ingested = common::ingested(&c);
    let docs = crosscheck::extract_all(&ingested);
    let alignment = align::compare(&docs, &align::Config::default());
    let found: Vec<Found> = alignment
        .findings
        .iter()
        .flat_map(|f| {
            let variants: Vec<Vec<Side>> = f
                .variants
                .iter()
                .map(|v| {
                    v.mentions
                        .iter()
                        .map(|m| Side {
                            article: m.article.clone(),
                            text: m.text.clone(),
                            value: v.display.clone(),
                            speaker: m.speaker.clone().unwrap_or_default(),
                        })
                        .collect()
                })
                .collect();
            pairs(f.kind.as_str(), &variants)
        })
        .collect();
    check(&c.expected, &found)
}

#[test]
fn generated_corpus_is_deterministic() {
    let a = generate(&Params {
        articles: 30,
        seed: 7,
    });
    let b = generate(&Params {
        articles: 30,
        seed: 7,
    });
    let texts = |c: &corpus::Corpus| {
        c.articles
            .iter()
            .map(|a| a.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&a), texts(&b));
    assert_eq!(a.expected, b.expected);
    assert_eq!(a.articles.len(), 30);
}

#[test]
fn planted_discrepancies_are_found_and_stories_stay_apart() {
    let score = run(60, 42);
    eprintln!("{}", score.table());
    let planted: usize = score.by_kind.values().map(|v| v.0).sum();
    assert!(planted >= 100, "too few planted: {planted}");
    assert!(
        score.recall() >= RECALL_FLOOR,
        "recall {:.3} < {RECALL_FLOOR}\n{}",
        score.recall(),
        score.table()
    );
    assert_eq!(score.cross_story, 0, "{}", score.table());
}

/// Measured 0.855 (118 of 138) on 60 articles, seed 42, when written;
/// the misses are quantity and quote-wording pairs (see docs/scale.md).
const RECALL_FLOOR: f64 = 0.80;
