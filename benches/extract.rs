//! Extraction throughput on a corpus made from the seed articles.
//!
//! `cargo bench --bench extract` reports MB/s per core: the extractors run
//! on one thread over each article in turn. The corpus is the two seeds
//! concatenated 16 times into one article (≈100 KB, a long-read worst case
//! for the quote and entity passes) and the seeds as they are (≈3 KB each,
//! the common case).
//!
//! This binary runs on the system allocator, as a library user's program
//! does; `extract_cli` runs the same bench on the command-line tool's
//! allocator (mimalloc, src/main.rs).

include!("extract_body.rs");
