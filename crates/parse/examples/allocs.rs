//! Counts the heap allocations of `extract()` (the figures of
//! `docs/performance.md`, round 18): a counting global allocator around the
//! system one, so that the count is exact and repeats from run to run.
//! (A separate example from `oracle`, whose instruction counts under
//! callgrind must not pay for the counter.)
//!
//! ```sh
//! cargo run --profile fast -p crosscheck-parse --example allocs
//! ```
//!
//! For the two seeds (one `extract()` each) and the ≈100 KB article (the
//! seeds joined 16 times, as `oracle loop-long` and the criterion bench
//! build it) it prints, per run after a warm-up run (the lexicon, rules and
//! automata built once): the allocations (`alloc` and `realloc` calls
//! apart, `realloc` being a vector or string that grew), the bytes asked
//! for, the allocations still alive in the returned `Extraction` (its
//! strings and vectors: the output, which extraction cannot do without)
//! and the rest (working memory), each also per KB (1,000 bytes) of
//! text, the bytes the returned `Extraction` holds (the article's own
//! text and id not counted: they are moved in) and the largest single
//! request.
use crosscheck_parse::{extract, Article, NaiveDate};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting.
struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static REALLOCS: AtomicUsize = AtomicUsize::new(0);
static FREES: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);
static LARGEST: AtomicUsize = AtomicUsize::new(0);
/// Bytes allocated and not yet freed.
static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to `System` unchanged; the counters are
// only read.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        LARGEST.fetch_max(layout.size(), Relaxed);
        LIVE.fetch_add(layout.size(), Relaxed);
        // SAFETY: as the caller's contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        LARGEST.fetch_max(layout.size(), Relaxed);
        LIVE.fetch_add(layout.size(), Relaxed);
        // SAFETY: as the caller's contract.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        REALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(new_size, Relaxed);
        LARGEST.fetch_max(new_size, Relaxed);
        LIVE.fetch_add(new_size, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: as the caller's contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        FREES.fetch_add(1, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: as the caller's contract.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The counters at one moment.
#[derive(Clone, Copy)]
struct Counts {
    allocs: usize,
    reallocs: usize,
    frees: usize,
    bytes: usize,
    live: usize,
}

fn counts() -> Counts {
    Counts {
        allocs: ALLOCS.load(Relaxed),
        reallocs: REALLOCS.load(Relaxed),
        frees: FREES.load(Relaxed),
        bytes: BYTES.load(Relaxed),
        live: LIVE.load(Relaxed),
    }
}

/// Extracts each of `arts` (cloned before counting) `runs` times after one
/// warm-up run, and prints the counts per run.
fn measure(label: &str, arts: &[Article], runs: usize) {
    let len: usize = arts.iter().map(|a| a.text.len()).sum();
    for a in arts {
        black_box(extract(a.clone()));
    }
    let (mut total, mut kept, mut grown, mut bytes, mut kept_bytes) = (0, 0, 0, 0, 0);
    LARGEST.store(0, Relaxed);
    for _ in 0..runs {
        for a in arts {
            let a = a.clone();
            let before = counts();
            let x = black_box(extract(black_box(a)));
            let after = counts();
            total += after.allocs - before.allocs;
            grown += after.reallocs - before.reallocs;
            bytes += after.bytes - before.bytes;
            // alive after the call: the extraction's own blocks
            kept += (after.allocs - before.allocs) - (after.frees - before.frees);
            kept_bytes += after.live - before.live;
            drop(x);
        }
    }
    let per_run = |n: usize| n as f64 / runs as f64;
    let per_kb = |n: usize| per_run(n) / (len as f64 / 1000.0);
    println!(
        "{label} ({len} bytes): allocations {:.0} ({:.1}/KB), of them output {:.0} ({:.1}/KB), working {:.0} ({:.1}/KB); reallocs {:.0} ({:.1}/KB); bytes {:.0} ({:.1}/byte), output {:.0}; largest {}",
        per_run(total),
        per_kb(total),
        per_run(kept),
        per_kb(kept),
        per_run(total - kept),
        per_kb(total - kept),
        per_run(grown),
        per_kb(grown),
        per_run(bytes),
        per_run(bytes) / len as f64,
        per_run(kept_bytes),
        LARGEST.load(Relaxed),
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths: Vec<_> = std::fs::read_dir(root.join("seeds"))
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let seeds: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed is UTF-8"))
        .collect();
    let date = NaiveDate::from_ymd_opt(2022, 1, 27);
    let article = |id: &str, text: String| Article {
        id: id.into(),
        text,
        published: date,
        ..Article::default()
    };
    let small: Vec<Article> = seeds.iter().map(|s| article("b", s.clone())).collect();
    measure("seeds", &small, 20);
    let long = article("l", seeds.join("\n\n").repeat(16));
    measure("long article", &[long], 5);
}
