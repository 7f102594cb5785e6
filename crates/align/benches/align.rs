//! Times `compare()` on generated corpora of 100, 1,000 and 10,000
//! articles (stories of five seed-like articles with the perturbations
//! documented on [`crosscheck_align::fixture::corpus`]).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use crosscheck_align::{compare, fixture::corpus, Config};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("compare");
    g.sample_size(10);
    let cfg = Config::default();
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
