// The body of the extraction benches (`extract.rs`, `extract_cli.rs`),
// included by both: one corpus, one measurement, two allocators.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use crosscheck::parse::{extract, Article, NaiveDate};
use std::hint::black_box;

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/ exists")
        .map(|e| e.expect("readable dir entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed is UTF-8"))
        .collect()
}

fn article(text: &str) -> Article {
    Article {
        id: "bench".into(),
        published: chrono_date(),
        text: text.to_string(),
        ..Article::default()
    }
}

fn chrono_date() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2022, 1, 27)
}

fn bench_extract(c: &mut Criterion) {
    let seeds = seeds();
    let mut group = c.benchmark_group("extract");
    let small: Vec<Article> = seeds.iter().map(|s| article(s)).collect();
    let bytes: usize = seeds.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(BenchmarkId::new("seeds", bytes), |b| {
        b.iter(|| {
            for a in &small {
                black_box(extract(a.clone()));
            }
        })
    });
    let long = seeds.join("\n\n").repeat(16);
    let long_article = article(&long);
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function(BenchmarkId::new("long_article", long.len()), |b| {
        b.iter(|| black_box(extract(long_article.clone())))
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
