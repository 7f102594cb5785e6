//! `stories_scale`: times story grouping ([`crosscheck_align::stories`]) on
//! a generated day of wire copy built at run time from real news sentences
//! (the devdata folder), and scores the grouping against the generated
//! stories.
//!
//! ```text
//! cargo run -p crosscheck-eval --profile fast --bin stories_scale -- --articles 100000 [--seed 7] [--config JSON]
//! # or any JSON-lines corpus (id, text, published), scored against a truth file (id, story)
//! cargo run -p crosscheck-eval --profile fast --bin stories_scale -- --corpus corpus.jsonl [--truth truth.jsonl]
//! ```
//!
//! The generator (seeded splitmix64, same arguments, same corpus):
//! - **Pool**: the sentences (40 to 400 bytes) of the PolNeAR training
//!   articles, the TimeBank + AQUAINT documents and the SemEval-2022 Task 8
//!   texts, split by crosscheck's sentence splitter.
//! - **Stories**: each has a seed article of 12 to 30 pool sentences drawn
//!   at random (a sentence may serve several stories, as background
//!   paragraphs do), and 5 to 50 articles: 70% are copies of the seed
//!   (half verbatim, half lightly edited: one sentence dropped, two
//!   swapped, one word replaced, cut to 60-90% of its length), 30% are
//!   rewrites that keep 40-70% of the seed's sentences in order and add 3
//!   to 8 other pool sentences.
//! - **Boilerplate**: half the articles end with one or two of a dozen
//!   service lines written for this generator (not devdata text), shared
//!   across stories.
//! - Articles carry random ids (so id order mixes stories) and all the
//!   same publication day.
//!
//! Printed: corpus size, extraction time (not part of grouping), the wall
//! and CPU time of `group`, resident memory before
//! and after grouping and its peak, and B-cubed precision / recall of the
//! stories against the generated ones (a syndicated story must come out
//! whole; sentences shared between stories make some merges tempting).
//!
//! [`StoryIndex`]: crosscheck_align::stories::StoryIndex

use crosscheck_align::stories::{group, StoryConfig};
use crosscheck_eval::stories::bcubed;
use crosscheck_parse::{extract, sentences, Article, Extraction, NaiveDate};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Service lines appended to articles: written for this generator.
const BOILERPLATE: &[&str] = &[
    "Reporting by the staff of the news desk; editing by the weekend team.",
    "This article has been updated with additional details.",
    "Additional reporting by our correspondents in the region.",
    "Follow our live coverage for the latest developments.",
    "This story was produced with the help of an automated translation tool.",
    "Readers can send tips and corrections to the newsroom by email.",
    "An earlier version of this report misstated the name of a town.",
    "The news agency contributed to this report.",
    "Our journalists verified the images before publication.",
    "This is a developing story and will be updated.",
    "Photos are courtesy of the local authorities unless noted otherwise.",
    "For more coverage, see the related articles below.",
];

/// splitmix64 (Steele, Lea and Flood 2014).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stories_scale: error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| -> Result<Option<u64>, String> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(|v| v.parse::<u64>().map_err(|e| format!("{name}: {e}")))
            .transpose()
    };
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let articles = flag("--articles")?.unwrap_or(10_000) as usize;
    let seed = flag("--seed")?.unwrap_or(7);
    let t = Instant::now();
    let (texts, gold, documents) = match value("--corpus") {
        Some(corpus) => read_corpus(&corpus, value("--truth").as_deref())?,
        None => {
            let pool = sentence_pool(&crosscheck_eval::devdata()?)?;
            let (texts, gold) = generate(&pool, articles, seed);
            eprintln!("{} pool sentences", pool.len());
            let day = NaiveDate::from_ymd_opt(2024, 5, 14);
            let texts = texts
                .into_iter()
                .map(|(id, text)| (id, day, None, text))
                .collect();
            (texts, gold, None)
        }
    };
    let bytes: usize = texts.iter().map(|(_, _, _, t)| t.len()).sum();
    let stories = {
        let mut g = gold.clone();
        g.sort_unstable();
        g.dedup();
        g.len()
    };
    eprintln!(
        "{} articles, {stories} stories, {:.1} MB of text ({:.1} s)",
        texts.len(),
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let docs: Vec<Extraction> = texts
        .into_par_iter()
        .map(|(id, published, title, text)| {
            extract(Article {
                id,
                published,
                title,
                text,
                ..Article::default()
            })
        })
        .collect();
    eprintln!(
        "extracted in {:.1} s (not part of grouping); threads {}",
        t.elapsed().as_secs_f64(),
        rayon::current_num_threads()
    );
    let before = memory();
    let cfg: StoryConfig = match args.iter().position(|a| a == "--config") {
        Some(i) => serde_json::from_str(args.get(i + 1).ok_or("--config needs JSON")?)
            .map_err(|e| format!("--config: {e}"))?,
        None => StoryConfig::default(),
    };
    let (t, cpu0) = (Instant::now(), cpu_seconds());
    let groups = group(&docs, &cfg);
    let (secs, cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - cpu0);
    let after = memory();
    let (p, r, f) = bcubed(&groups, &gold);
    if let Some(documents) = &documents {
        let (p, r, f) = bcubed(&groups, documents);
        eprintln!(
            "against the source documents (one per title): B-cubed P {p:.4} R {r:.4} F1 {f:.4}"
        );
    }
    if let Some(path) = value("--dump") {
        let mut out = String::new();
        for (k, g) in groups.iter().enumerate() {
            for &i in g {
                out.push_str(
                    &serde_json::json!({"id": docs[i].article.id, "group": k}).to_string(),
                );
                out.push('\n');
            }
        }
        std::fs::write(&path, out).map_err(|e| format!("{path}: {e}"))?;
    }
    if let Some(n) = flag("--explain")? {
        explain(&groups, &gold, documents.as_deref(), &docs, n as usize);
    }
    let mut sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    let largest = sizes.first().copied().unwrap_or(0);
    let alone = sizes.iter().filter(|&&s| s == 1).count();
    eprintln!(
        "story sizes: largest {:?}; {alone} articles alone",
        &sizes[..sizes.len().min(8)]
    );
    println!(
        "group: {} articles -> {} stories (largest {largest}) in {secs:.2} s (CPU {cpu:.2} s); \
         RSS {} MiB before, {} MiB after, peak {} MiB; B-cubed P {p:.4} R {r:.4} F1 {f:.4}",
        docs.len(),
        groups.len(),
        before.0,
        after.0,
        after.1
    );
    Ok(())
}

/// User + system CPU time of this process so far, in seconds (Linux;
/// 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // fields after the command name, which ends with ')'
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime, in clock ticks of 1/100 s
    (ticks(11) + ticks(12)) / 100.0
}

/// Prints the `n` largest stories: how many truth stories and source
/// documents each holds, and its commonest documents by headline.
fn explain(
    groups: &[Vec<usize>],
    gold: &[usize],
    documents: Option<&[usize]>,
    docs: &[Extraction],
    n: usize,
) {
    let mut order: Vec<&Vec<usize>> = groups.iter().collect();
    order.sort_by_key(|g| (std::cmp::Reverse(g.len()), g[0]));
    for g in order.into_iter().take(n) {
        let distinct = |of: &[usize]| {
            let mut v: Vec<usize> = g.iter().map(|&i| of[i]).collect();
            v.sort_unstable();
            v.dedup();
            v.len()
        };
        let mut by_title: HashMap<&str, usize> = HashMap::new();
        for &i in g {
            let t = docs[i].article.title.as_deref().unwrap_or("");
            *by_title.entry(t).or_default() += 1;
        }
        let mut top: Vec<(&str, usize)> = by_title.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        eprintln!(
            "story of {} articles: {} truth stories, {} documents",
            g.len(),
            distinct(gold),
            documents.map_or(0, distinct)
        );
        for (t, c) in top.iter().take(12) {
            let short: String = t.chars().take(90).collect();
            eprintln!("    {c:5}  {short}");
        }
    }
}

/// An article read from a corpus: id, publication date, headline, text.
type Input = (String, Option<NaiveDate>, Option<String>, String);

/// Articles of a JSON-lines corpus (`id`, `text`, optional `published`
/// as `YYYY-MM-DD` and `title`), their stories from a JSON-lines truth
/// file (`id`, `story`; one story per article without it), and, when
/// every article has a `title`, their source documents (one per distinct
/// title: the `gen_corpus wire` truth's stories are runs of sentences of
/// one source document, under its headline).
#[allow(clippy::type_complexity)]
fn read_corpus(
    corpus: &str,
    truth: Option<&str>,
) -> Result<(Vec<Input>, Vec<usize>, Option<Vec<usize>>), String> {
    let text = std::fs::read_to_string(corpus).map_err(|e| format!("{corpus}: {e}"))?;
    let mut story_of: HashMap<String, String> = HashMap::new();
    if let Some(truth) = truth {
        let t = std::fs::read_to_string(truth).map_err(|e| format!("{truth}: {e}"))?;
        for line in t.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("{truth}: {e}"))?;
            if let (Some(id), Some(story)) = (v["id"].as_str(), v["story"].as_str()) {
                story_of.insert(id.to_string(), story.to_string());
            }
        }
    }
    let mut articles = Vec::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut titles: HashMap<String, usize> = HashMap::new();
    let mut gold = Vec::new();
    let mut documents = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{corpus}: {e}"))?;
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let published = v["published"]
            .as_str()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let title = v["title"].as_str().map(str::to_string);
        let story = story_of.get(&id).cloned().unwrap_or_else(|| id.clone());
        let next = names.len();
        gold.push(*names.entry(story).or_insert(next));
        if let Some(t) = &title {
            let next = titles.len();
            documents.push(*titles.entry(t.clone()).or_insert(next));
        }
        articles.push((
            id,
            published,
            title,
            v["text"].as_str().unwrap_or_default().to_string(),
        ));
    }
    let documents = (documents.len() == articles.len() && !titles.is_empty()).then_some(documents);
    Ok((articles, gold, documents))
}

/// Resident and peak resident memory of this process in MiB (Linux).
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn sentence_pool(dir: &Path) -> Result<Vec<String>, String> {
    let mut texts: Vec<String> = crosscheck_eval::polnear::load(&dir.join("polnear-train"))?
        .into_iter()
        .map(|d| d.text)
        .collect();
    texts.extend(
        crosscheck_eval::timeml::load(&dir.join("tbaq"))?
            .into_iter()
            .map(|d| d.text),
    );
    let pairs = dir.join("semeval8-train-en/pairs.jsonl");
    let jsonl = std::fs::read_to_string(&pairs).map_err(|e| format!("{}: {e}", pairs.display()))?;
    for line in jsonl.lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
            for k in ["text1", "text2"] {
                if let Some(t) = v.get(k).and_then(|x| x.as_str()) {
                    texts.push(t.to_string());
                }
            }
        }
    }
    let mut pool = Vec::new();
    for t in &texts {
        for s in sentences::split(t) {
            let s = s.span.slice(t).trim();
            if (40..=400).contains(&s.len()) {
                pool.push(s.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
    }
    pool.sort();
    pool.dedup();
    Ok(pool)
}

/// `(id, text)` of every article and the story index of each.
fn generate(pool: &[String], articles: usize, seed: u64) -> (Vec<(String, String)>, Vec<usize>) {
    let mut rng = Rng(seed);
    let mut out: Vec<(String, String, usize)> = Vec::with_capacity(articles);
    let mut story = 0;
    while out.len() < articles {
        let seed_article: Vec<usize> = (0..rng.range(12, 30))
            .map(|_| rng.below(pool.len()))
            .collect();
        let outlets = rng.range(5, 50).min(articles - out.len());
        for _ in 0..outlets {
            let mut sents: Vec<String> = if rng.chance(0.7) {
                let mut s: Vec<String> = seed_article.iter().map(|&i| pool[i].clone()).collect();
                if rng.chance(0.5) {
                    light_edit(&mut rng, &mut s);
                }
                s
            } else {
                let mut s: Vec<String> = seed_article
                    .iter()
                    .filter(|_| rng.chance(0.55))
                    .map(|&i| pool[i].clone())
                    .collect();
                for _ in 0..rng.range(3, 8) {
                    let at = rng.below(s.len() + 1);
                    s.insert(at, pool[rng.below(pool.len())].clone());
                }
                s
            };
            if rng.chance(0.5) {
                for _ in 0..rng.range(1, 2) {
                    sents.push(BOILERPLATE[rng.below(BOILERPLATE.len())].to_string());
                }
            }
            let id = format!("{:016x}", rng.next());
            out.push((id, sents.join(" "), story));
        }
        story += 1;
    }
    let gold = out.iter().map(|a| a.2).collect();
    (out.into_iter().map(|(id, t, _)| (id, t)).collect(), gold)
}

/// One sentence dropped, two swapped, one word replaced, or the article
/// cut to 60-90% of its sentences.
fn light_edit(rng: &mut Rng, s: &mut Vec<String>) {
    match rng.below(4) {
        0 if s.len() > 1 => {
            let i = rng.below(s.len());
            s.remove(i);
        }
        1 if s.len() > 1 => {
            let (i, j) = (rng.below(s.len()), rng.below(s.len()));
            s.swap(i, j);
        }
        2 => {
            let i = rng.below(s.len());
            let mut words: Vec<&str> = s[i].split(' ').collect();
            let w = rng.below(words.len());
            words[w] = "reportedly";
            s[i] = words.join(" ");
        }
        _ => {
            let keep = (s.len() * rng.range(60, 90)).div_ceil(100).max(1);
            s.truncate(keep);
        }
    }
}
