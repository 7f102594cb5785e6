//! Times story grouping (`stories::group`) on generated corpora of 1,000
//! and 10,000 articles (stories of five seed-like articles, see
//! [`crosscheck_align::fixture::corpus`]). For the 100,000-article figures
//! on real sentences see `docs/stories.md` (the `stories_scale` binary of
//! crosscheck-eval).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use crosscheck_align::fixture::corpus;
use crosscheck_align::stories::{group, StoryConfig};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("stories_group");
    g.sample_size(10);
    let cfg = StoryConfig::default();
    for n in [1_000usize, 10_000] {
        let docs = corpus(n, 42);
        g.bench_with_input(BenchmarkId::from_parameter(n), &docs, |b, docs| {
            b.iter(|| black_box(group(black_box(docs), &cfg)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
