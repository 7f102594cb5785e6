//! Criterion benches of the comparison (generated articles: stories of
//! seed-like articles with the perturbations documented on
//! [`crosscheck_align::fixture::corpus`]):
//!
//! - `per_story/N`: one story carried by N outlets, compared as one
//!   story (`stories.force_one_story`): the work of one story, which grows
//!   with its claim mentions;
//! - `stories/N`: N articles in stories of five, the stories given
//!   (`compare_stories`): what a corpus costs once it is grouped;
//! - `grouped/N`: the same N articles through `compare`, story grouping
//!   ([`crosscheck_align::stories::group`]) included.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use crosscheck_align::fixture::{corpus, story};
use crosscheck_align::{compare, compare_stories, Config};
use std::hint::black_box;

/// Stories of the generated corpus: articles `sNNNNN-k` of one NNNNN.
fn groups(docs: &[crosscheck_parse::Extraction]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let key = d.article.id.split('-').next().unwrap_or("");
        match out
            .last_mut()
            .filter(|g| docs[g[0]].article.id.starts_with(key))
        {
            Some(g) => g.push(i),
            None => out.push(vec![i]),
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let cfg = Config::default();
    let mut one = Config::default();
    one.stories.force_one_story = true;
    let mut g = c.benchmark_group("per_story");
    g.sample_size(10);
    for n in [5usize, 50, 500] {
        let docs = story(n, 42);
        g.bench_with_input(BenchmarkId::from_parameter(n), &docs, |b, docs| {
            b.iter(|| black_box(compare(black_box(docs), &one)))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("stories");
    g.sample_size(10);
    for n in [100usize, 1_000, 10_000] {
        let docs = corpus(n, 42);
        let stories = groups(&docs);
        g.bench_with_input(BenchmarkId::from_parameter(n), &docs, |b, docs| {
            b.iter(|| black_box(compare_stories(black_box(docs), &stories, &cfg)))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("grouped");
    g.sample_size(10);
    for n in [100usize, 1_000, 10_000] {
        let docs = corpus(n, 42);
        g.bench_with_input(BenchmarkId::from_parameter(n), &docs, |b, docs| {
            b.iter(|| black_box(compare(black_box(docs), &cfg)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
