//! The extraction bench of `extract.rs` on the command-line tool's
//! allocator: mimalloc, as `src/main.rs` sets it, so the figure is what
//! `crosscheck extract` and `crosscheck compare` get per core. Needs the
//! default `cli` feature (`cargo bench --bench extract_cli`).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

include!("extract_body.rs");
