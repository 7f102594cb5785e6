//! The harness behind the speed work in `docs/performance.md`: it prints
//! `extract()` output for fixed and generated inputs, so that two builds
//! (before and after an optimisation) can be compared byte for byte, and it
//! runs `extract()` in a loop for callgrind.
//!
//! ```sh
//! cargo run --release -p crosscheck-parse --example oracle -- fixed  > a.jsonl
//! cargo run --release -p crosscheck-parse --example oracle -- random 40000 7 > r.jsonl
//! cargo run --release -p crosscheck-parse --example oracle -- files fuzz/corpus/extract > f.jsonl
//! valgrind --tool=callgrind target/release/examples/oracle loop 60
//! ```
//!
//! Modes (one JSON `Extraction` per line, except `loop`):
//!
//! - `fixed`: both seeds with and without a reference date, the seeds
//!   joined 16 times (≈100 KB), every article of `testdata/*.toml`, and 400
//!   texts glued from date, number and quote fragments;
//! - `random N SEED`: N texts of up to 300 fragments (those plus the seeds'
//!   words and random chars), a fixed PRNG, so the same `N SEED` gives the
//!   same texts;
//! - `files DIR`: every file of DIR read the way the `extract` fuzz target
//!   reads it (first byte picks the publication date, the rest is lossy
//!   UTF-8), so a libFuzzer corpus doubles as a differential test set;
//! - `loop N` / `loop-long N`: `extract()` of both seeds (or of the 100 KB
//!   article) N times, printing nothing. Steady-state instructions per run
//!   are `(I(60) - I(10)) / 50` from two callgrind runs.
use crosscheck_parse::{extract, Article, NaiveDate};
use std::hint::black_box;
use std::path::Path;

fn article(id: String, text: String, published: Option<NaiveDate>) -> Article {
    Article {
        id,
        text,
        published,
        ..Article::default()
    }
}

/// A small LCG: the inputs must not depend on any crate's PRNG.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Fragments the generated texts are glued from: dates, numbers, quotes,
/// names, roles, abbreviations and odd characters.
const PIECES: &[&str] = &[
    "February",
    "May",
    " ",
    "4",
    "31",
    "2022",
    "-",
    "–",
    "“",
    "”",
    "\"",
    "Friday",
    "by ",
    "in ",
    "next ",
    "few ",
    "days",
    "ago",
    "é",
    "日本",
    "🙂",
    "\u{a0}",
    ",",
    ".",
    "\n\n",
    "\n",
    "mid-",
    "the end of the ",
    "month",
    "week",
    "0",
    "99",
    "Thursday, ",
    "last ",
    "2022-02-29",
    "soon",
    "$",
    "1.5",
    "million",
    "percent",
    "%",
    "about ",
    "more than ",
    "between ",
    " and ",
    "from ",
    " to ",
    "half",
    "a third of",
    "two-thirds",
    "twenty-five",
    "hundred",
    "thousand",
    "troops",
    "km",
    "people",
    "said",
    " Antony Blinken",
    " told reporters",
    "according to ",
    "the minister",
    "NATO",
    "Russia",
    "Mr. ",
    "up to ",
    "at least ",
    "nearly ",
    "dozens of ",
    "one",
    "three",
    "billion",
    "€",
    "£",
    "3,000",
    "10s",
    "1990s",
    "per cent",
    "kilometres",
    "tonnes",
    "‘",
    "’",
    "'",
    "(",
    ")",
    ":",
    ";",
    "President ",
    "Vladimir Putin",
    "he said.",
    " — ",
    "US$",
    "five",
    "fifteen",
    "ten",
    "a quarter",
    "roughly ",
    "almost ",
    "Secretary General",
    "of the ",
    "Atlantic Alliance",
    "U.S.",
    "EU",
    "the Kremlin",
    "time news",
    "Stoltenberg",
    "Jens",
    "insisted",
    "added",
    "warned",
    "?",
    "!",
    "…",
    "\t",
    "_",
    "Officials",
    "officials",
    "Blinken",
    "the day before yesterday",
    "within",
    "a couple of",
    "an ",
    "a ",
    "ahead",
    "early ",
    "late ",
    "Wednesday",
    "SEPTEMBER",
    "sept.",
    "Jan.",
    "tonight",
    "this morning",
    "\u{2019}s",
    "'s",
    "Gen.",
    "St.",
    "J. ",
    "a.m.",
    "Washington",
    "Moscow",
    "USA",
    "U.S.A.",
    "OTAN",
];

fn seeds(root: &Path) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(root.join("seeds"))
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed is UTF-8"))
        .collect()
}

fn print(a: Article) {
    let x = extract(a);
    println!(
        "{}",
        serde_json::to_string(&x).expect("extractions serialise")
    );
}

/// A text of up to `max` fragments from `pieces`, with a random char now
/// and then.
fn glue(g: &mut Lcg, pieces: &[String], max: u64) -> String {
    let mut s = String::new();
    for _ in 0..(g.next() % max) {
        if g.next() % 11 == 0 {
            s.push(char::from_u32((g.next() % 0x3000) as u32).unwrap_or('?'));
        } else {
            s.push_str(&pieces[(g.next() as usize) % pieces.len()]);
        }
    }
    s
}

/// Prints `n` glued texts (see [`glue`]) as articles `{prefix}0`,
/// `{prefix}1`, …; two in three carry `date`.
fn print_glued(
    prefix: &str,
    n: u64,
    g: &mut Lcg,
    pieces: &[String],
    max: u64,
    date: Option<NaiveDate>,
) {
    for r in 0..n {
        let text = glue(g, pieces, max);
        print(article(
            format!("{prefix}{r}"),
            text,
            (r % 3 != 0).then_some(date).flatten(),
        ));
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let date = NaiveDate::from_ymd_opt(2022, 1, 27);
    let seeds = seeds(&root);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| -> u64 {
        args.get(i)
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("argument {i} must be a number"))
    };
    match args.first().map(String::as_str) {
        Some("loop") => {
            let arts: Vec<Article> = seeds
                .iter()
                .map(|s| article("b".into(), s.clone(), date))
                .collect();
            for _ in 0..arg(1) {
                for a in &arts {
                    black_box(extract(black_box(a.clone())));
                }
            }
        }
        Some("loop-long") => {
            let long = article("l".into(), seeds.join("\n\n").repeat(16), date);
            for _ in 0..arg(1) {
                black_box(extract(black_box(long.clone())));
            }
        }
        Some("fixed") => {
            for (i, s) in seeds.iter().enumerate() {
                print(article(format!("seed{i}"), s.clone(), date));
                print(article(format!("seed{i}-nodate"), s.clone(), None));
            }
            print(article("long".into(), seeds.concat().repeat(16), date));
            for case in crosscheck_testdata::load_all() {
                for a in &case.articles {
                    let mut a = a.to_article(&crosscheck_testdata::workspace_root());
                    a.id = format!("{}#{}", case.name, a.id);
                    print(a);
                }
            }
            let pieces: Vec<String> = PIECES.iter().take(99).map(|s| s.to_string()).collect();
            print_glued("junk", 400, &mut Lcg(7), &pieces, 120, date);
        }
        Some("random") => {
            let mut pieces: Vec<String> = PIECES.iter().map(|s| s.to_string()).collect();
            for s in &seeds {
                pieces.extend(s.split(' ').take(400).map(|w| format!("{w} ")));
            }
            print_glued("r", arg(1), &mut Lcg(arg(2)), &pieces, 300, date);
        }
        Some("files") => {
            let dir = args.get(1).expect("usage: oracle files DIR");
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .expect("DIR is readable")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            files.sort();
            for f in files {
                let Ok(data) = std::fs::read(&f) else {
                    continue;
                };
                let Some((&sel, rest)) = data.split_first() else {
                    continue;
                };
                // as fuzz/src/lib.rs `article`: 0 = no date, else 13 days a step
                let published = (sel != 0)
                    .then(|| {
                        NaiveDate::from_ymd_opt(2022, 1, 1).and_then(|d| {
                            d.checked_add_days(chrono::Days::new(u64::from(sel) * 13))
                        })
                    })
                    .flatten();
                let text = String::from_utf8_lossy(rest).into_owned();
                let name = f.file_name().map(|n| n.to_string_lossy().into_owned());
                print(article(name.unwrap_or_default(), text, published));
            }
        }
        _ => {
            eprintln!("usage: oracle fixed | random N SEED | files DIR | loop N | loop-long N");
            std::process::exit(2);
        }
    }
}
