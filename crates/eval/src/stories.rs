//! Suite `stories`: grouping articles into stories
//! ([`crosscheck_align::stories`]) on real news.
//!
//! - **ECB+ train + dev** (`ecbplus/*_corpus.txt`): every document's text
//!   is rebuilt from its tokens ([`detokenize`]); the gold story of a
//!   document is its topic and half (`T_Decb` / `T_Dplus`: two similar
//!   events per topic). The 770 documents of both splits are grouped
//!   together, as one collection, without publication dates (ECB+ has
//!   none), and scored with B-cubed precision, recall and F1 over all
//!   documents.
//! - **SemEval-2022 Task 8, English training pairs**
//!   (`semeval8-train-en/pairs.jsonl`): the 322 texts (two per pair, the
//!   first ~1,000 characters of each article) are indexed together; the
//!   pair score is [`StoryIndex::similarity`]. A pair is positive (same
//!   story) when its Overall score is ≤ 1.5, negative otherwise, including
//!   the 1.5 < Overall < 2.5 pairs (related, not the same event). Figure:
//!   ROC AUC.
//! - **PolNeAR train** (`polnear-train`): 840 campaign articles from seven
//!   outlets over a year, dated from `metadata.tsv`; no gold stories, so
//!   the suite prints the number of stories, their sizes and the widest
//!   date span, and guards the number of stories spanning more than seven
//!   days (a year of coverage must not become one heap).
//!
//! The baseline printed beside the figures is a plain TF-IDF cosine
//! (folded words, stop words out, smoothed IDF, L2 norm) with average-link
//! clustering, at its best threshold on the data itself (an oracle: the
//! baseline gets every advantage).

use crate::Figures;
use crosscheck_align::fold;
use crosscheck_align::stories::{group, StoryConfig, StoryIndex};
use crosscheck_parse::{extract, Article, Extraction, NaiveDate};
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;
use std::path::Path;

/// Runs the suite on the devdata folder.
pub fn run(dir: &Path) -> Result<Figures, String> {
    let mut figures = Figures::default();
    let cfg = StoryConfig::default();
    ecb(dir, &cfg, &mut figures)?;
    semeval(dir, &cfg, &mut figures)?;
    polnear(dir, &cfg, &mut figures)?;
    Ok(figures)
}

// ---------------------------------------------------------------- ECB+

/// A document of ECB+ rebuilt from its tokens, with its gold story.
pub struct EcbDoc {
    /// Document id, e.g. `1_10ecb`.
    pub id: String,
    /// Gold story: topic and half, e.g. `1/ecb`.
    pub gold: String,
    /// The text rebuilt from the tokens, one sentence a line.
    pub text: String,
}

/// Joins tokens into running text: no space before closing punctuation
/// and clitics (`,` `.` `)` `'s` `n't`), none after opening marks (`(`
/// `$` and an opening quote), hyphens glued to both sides, `` ` `` `` and
/// `''` turned into straight double quotes.
///
/// ```
/// use crosscheck_eval::stories::detokenize;
/// let toks = ["``", "Yes", ",", "''", "the", "90", "-", "day", "(", "U.S.", ")", "rep", "'s", "aide", "said", "."];
/// assert_eq!(detokenize(&toks), "\"Yes,\" the 90-day (U.S.) rep's aide said.");
/// ```
pub fn detokenize(tokens: &[&str]) -> String {
    crate::entities::detokenize_spans(tokens).0
}

/// The ECB+ train and dev documents rebuilt from their tokens, in id
/// order.
pub fn ecb_documents(dir: &Path) -> Result<Vec<EcbDoc>, String> {
    ecb_docs(dir)
}

/// The tokens of the ECB+ train and dev documents: document id ->
/// sentence number -> tokens, in order.
pub(crate) fn ecb_tokens(
    dir: &Path,
) -> Result<BTreeMap<String, BTreeMap<usize, Vec<String>>>, String> {
    let mut docs: BTreeMap<String, BTreeMap<usize, Vec<String>>> = BTreeMap::new();
    for split in ["Train", "Dev"] {
        let path = dir.join(format!("ecbplus/ECB_{split}_corpus.txt"));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for line in text.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 4 {
                continue;
            }
            let sent: usize = f[1].parse().map_err(|_| format!("bad line {line:?}"))?;
            docs.entry(f[0].to_string())
                .or_default()
                .entry(sent)
                .or_default()
                .push(f[3].to_string());
        }
    }
    Ok(docs)
}

fn ecb_docs(dir: &Path) -> Result<Vec<EcbDoc>, String> {
    let docs = ecb_tokens(dir)?;
    let mut out = Vec::new();
    for (id, sentences) in docs {
        let (topic, rest) = id.split_once('_').ok_or(format!("bad doc id {id}"))?;
        let half = if rest.ends_with("ecbplus") {
            "ecbplus"
        } else {
            "ecb"
        };
        // one sentence a line: a headline without a full stop stays apart
        let text: Vec<String> = sentences
            .values()
            .map(|toks| detokenize(&toks.iter().map(String::as_str).collect::<Vec<_>>()))
            .collect();
        out.push(EcbDoc {
            gold: format!("{topic}/{half}"),
            id,
            text: text.join("\n"),
        });
    }
    Ok(out)
}

/// B-cubed precision, recall and F1 of `clusters` (indices) against the
/// gold labels.
///
/// ```
/// use crosscheck_eval::stories::bcubed;
/// let gold = ["a", "a", "b", "b"];
/// assert_eq!(bcubed(&[vec![0, 1], vec![2, 3]], &gold), (1.0, 1.0, 1.0));
/// let (p, r, _) = bcubed(&[vec![0, 1, 2, 3]], &gold);
/// assert_eq!((p, r), (0.5, 1.0));
/// ```
pub fn bcubed<T: Eq + Hash>(clusters: &[Vec<usize>], gold: &[T]) -> (f64, f64, f64) {
    let n = gold.len();
    let mut gold_size: HashMap<&T, usize> = HashMap::new();
    for g in gold {
        *gold_size.entry(g).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for c in clusters {
        let mut in_c: HashMap<&T, usize> = HashMap::new();
        for &i in c {
            *in_c.entry(&gold[i]).or_default() += 1;
        }
        for &i in c {
            let both = in_c[&gold[i]] as f64;
            p += both / c.len() as f64;
            r += both / gold_size[&gold[i]] as f64;
        }
    }
    let (p, r) = (p / n.max(1) as f64, r / n.max(1) as f64);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// The ECB+ train and dev documents, extracted, with their gold stories
/// (`topic/ecb` or `topic/ecbplus`), in document id order.
pub fn ecb_extractions(dir: &Path) -> Result<(Vec<Extraction>, Vec<String>), String> {
    let docs = ecb_docs(dir)?;
    let gold = docs.iter().map(|d| d.gold.clone()).collect();
    let xs = docs
        .into_iter()
        .map(|d| {
            extract(Article {
                id: d.id,
                text: d.text,
                ..Article::default()
            })
        })
        .collect();
    Ok((xs, gold))
}

fn ecb(dir: &Path, cfg: &StoryConfig, figures: &mut Figures) -> Result<(), String> {
    let (xs, gold) = ecb_extractions(dir)?;
    let gold: Vec<&str> = gold.iter().map(String::as_str).collect();
    let events = {
        let mut g = gold.clone();
        g.sort_unstable();
        g.dedup();
        g.len()
    };
    let stories = group(&xs, cfg);
    let (p, r, f) = bcubed(&stories, &gold);
    eprintln!(
        "stories/ecb+: {} documents (train+dev, clustered together), {events} gold events; \
         {} stories: B-cubed P {p:.4} R {r:.4} F1 {f:.4}",
        xs.len(),
        stories.len()
    );
    figures.higher("ecb_bcubed_precision", p);
    figures.higher("ecb_bcubed_recall", r);
    figures.higher("ecb_bcubed_f1", f);
    // stability: F1 at neighbouring thresholds
    let mut line = String::from("stories/ecb+: F1 by threshold:");
    for t in [0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25] {
        let c = StoryConfig {
            threshold: t,
            min_edge: cfg.min_edge.min(t),
            ..cfg.clone()
        };
        let (_, _, f) = bcubed(&group(&xs, &c), &gold);
        line.push_str(&format!(" {t:.3}→{f:.4}"));
    }
    eprintln!("{line}");
    // misses: documents merged with another event, or split from their own
    report_mistakes(&stories, &gold, &xs);
    // baseline
    let texts: Vec<&str> = xs.iter().map(|d| d.article.text.as_str()).collect();
    let sims = tfidf_cosine(&texts);
    let merges = dendrogram(&sims);
    let mut best = (0.0, 0.0, (0.0, 0.0, 0.0));
    let mut line =
        String::from("stories/ecb+ baseline (TF-IDF cosine, average link): F1 by threshold:");
    for k in 1..=12 {
        let t = 0.025 * k as f64;
        let b = bcubed(&cut(xs.len(), &merges, t), &gold);
        line.push_str(&format!(" {t:.3}→{:.4}", b.2));
        if b.2 > best.2 .2 {
            best = (t, b.2, b);
        }
    }
    eprintln!("{line}");
    let (t, _, (bp, br, bf)) = best;
    eprintln!("stories/ecb+ baseline at its best threshold {t:.3}: B-cubed P {bp:.4} R {br:.4} F1 {bf:.4}");
    Ok(())
}

fn report_mistakes(stories: &[Vec<usize>], gold: &[&str], docs: &[Extraction]) {
    // a story mixing gold events, and gold events split over stories
    let mut mixed = 0;
    for s in stories {
        let mut g: Vec<&str> = s.iter().map(|&i| gold[i]).collect();
        g.sort_unstable();
        g.dedup();
        if g.len() > 1 {
            mixed += 1;
            let ids: Vec<&str> = s
                .iter()
                .take(6)
                .map(|&i| docs[i].article.id.as_str())
                .collect();
            eprintln!(
                "stories/ecb+: mixed story of {} documents, events {g:?} (e.g. {})",
                s.len(),
                ids.join(" ")
            );
        }
    }
    let mut parts: BTreeMap<&str, usize> = BTreeMap::new();
    for s in stories {
        let mut g: Vec<&str> = s.iter().map(|&i| gold[i]).collect();
        g.sort_unstable();
        g.dedup();
        for e in g {
            *parts.entry(e).or_default() += 1;
        }
    }
    let split: Vec<String> = parts
        .iter()
        .filter(|(_, &n)| n > 1)
        .map(|(e, n)| format!("{e}:{n}"))
        .collect();
    eprintln!(
        "stories/ecb+: {mixed} mixed stories; {} of {} events split (event:parts) {}",
        split.len(),
        parts.len(),
        split.join(" ")
    );
}

// ---------------------------------------------------------------- SemEval

/// The SemEval-2022 Task 8 English training pairs: both texts of pair
/// `k` at `2k` and `2k + 1`, and whether the pair is the same story
/// (Overall ≤ 1.5).
pub fn semeval_extractions(dir: &Path) -> Result<(Vec<Extraction>, Vec<bool>), String> {
    let path = dir.join("semeval8-train-en/pairs.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut xs = Vec::new();
    let mut labels = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let field = |k: &str| {
            v.get(k)
                .and_then(|x| x.as_str())
                .map(str::to_string)
                .ok_or(format!("{}:{}: no {k}", path.display(), n + 1))
        };
        let id = field("pair_id")?;
        let overall = v.get("Overall").and_then(|x| x.as_f64()).ok_or(format!(
            "{}:{}: no Overall",
            path.display(),
            n + 1
        ))?;
        for (k, side) in ["text1", "text2"].iter().enumerate() {
            xs.push(extract(Article {
                id: format!("{id}/{}", k + 1),
                text: field(side)?,
                ..Article::default()
            }));
        }
        labels.push(overall <= 1.5);
    }
    Ok((xs, labels))
}

fn semeval(dir: &Path, cfg: &StoryConfig, figures: &mut Figures) -> Result<(), String> {
    let (xs, labels) = semeval_extractions(dir)?;
    let index = StoryIndex::new(&xs, cfg);
    let scores: Vec<f64> = (0..labels.len())
        .map(|k| index.similarity(2 * k, 2 * k + 1))
        .collect();
    let a = auc(&scores, &labels);
    let positives = labels.iter().filter(|&&l| l).count();
    eprintln!(
        "stories/semeval8: {} pairs ({positives} with Overall <= 1.5 positive, the rest negative): \
         AUC {a:.4}",
        labels.len()
    );
    figures.higher("semeval_auc", a);
    let texts: Vec<&str> = xs.iter().map(|x| x.article.text.as_str()).collect();
    let sims = tfidf_cosine(&texts);
    let base: Vec<f64> = (0..labels.len()).map(|k| sims[2 * k][2 * k + 1]).collect();
    eprintln!(
        "stories/semeval8 baseline (TF-IDF cosine over the same texts): AUC {:.4}",
        auc(&base, &labels)
    );
    if let Some(path) = std::env::var_os("CROSSCHECK_SEMEVAL_SCORES") {
        // every pair's score and label, one per line, for analysis
        let mut out = String::new();
        for (k, (s, l)) in scores.iter().zip(&labels).enumerate() {
            let id = xs[2 * k].article.id.trim_end_matches("/1");
            out.push_str(&format!("{id}\t{s:.4}\t{l}\n"));
        }
        std::fs::write(&path, out).map_err(|e| format!("{}: {e}", Path::new(&path).display()))?;
    }
    // the hardest: positives scored lowest, negatives highest
    let mut ranked: Vec<(f64, bool, usize)> = scores
        .iter()
        .zip(&labels)
        .enumerate()
        .map(|(k, (&s, &l))| (s, l, k))
        .collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
    let low_pos: Vec<String> = ranked
        .iter()
        .filter(|r| r.1)
        .take(4)
        .map(|r| {
            format!(
                "{}:{:.3}",
                xs[2 * r.2].article.id.trim_end_matches("/1"),
                r.0
            )
        })
        .collect();
    let high_neg: Vec<String> = ranked
        .iter()
        .rev()
        .filter(|r| !r.1)
        .take(4)
        .map(|r| {
            format!(
                "{}:{:.3}",
                xs[2 * r.2].article.id.trim_end_matches("/1"),
                r.0
            )
        })
        .collect();
    eprintln!(
        "stories/semeval8: lowest positives {}; highest negatives {}",
        low_pos.join(" "),
        high_neg.join(" ")
    );
    Ok(())
}

/// Area under the ROC curve: the chance a random positive scores above a
/// random negative (ties count half).
///
/// ```
/// use crosscheck_eval::stories::auc;
/// assert_eq!(auc(&[0.9, 0.8, 0.1], &[true, false, false]), 1.0);
/// assert_eq!(auc(&[0.5, 0.5], &[true, false]), 0.5);
/// ```
pub fn auc(scores: &[f64], labels: &[bool]) -> f64 {
    let (mut wins, mut pairs) = (0.0, 0.0);
    for (s, &l) in scores.iter().zip(labels) {
        if !l {
            continue;
        }
        for (t, &m) in scores.iter().zip(labels) {
            if m {
                continue;
            }
            pairs += 1.0;
            wins += match s.total_cmp(t) {
                std::cmp::Ordering::Greater => 1.0,
                std::cmp::Ordering::Equal => 0.5,
                std::cmp::Ordering::Less => 0.0,
            };
        }
    }
    if pairs == 0.0 {
        0.0
    } else {
        wins / pairs
    }
}

// ---------------------------------------------------------------- PolNeAR

fn polnear(dir: &Path, cfg: &StoryConfig, figures: &mut Figures) -> Result<(), String> {
    let xs: Vec<Extraction> = crate::polnear::load(&dir.join("polnear-train"))?
        .into_iter()
        .map(|d| {
            extract(Article {
                id: d.name,
                published: d.published,
                text: d.text,
                ..Article::default()
            })
        })
        .collect();
    let stories = group(&xs, cfg);
    let span = |s: &Vec<usize>| {
        let d: Vec<NaiveDate> = s.iter().filter_map(|&i| xs[i].article.published).collect();
        match (d.iter().min(), d.iter().max()) {
            (Some(a), Some(b)) => (*b - *a).num_days(),
            _ => 0,
        }
    };
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    for s in &stories {
        *sizes.entry(s.len()).or_default() += 1;
    }
    let largest = stories
        .iter()
        .max_by_key(|s| (s.len(), std::cmp::Reverse(s[0])));
    let wide = stories.iter().filter(|s| span(s) > 7).count();
    let widest = stories.iter().map(span).max().unwrap_or(0);
    let dist: Vec<String> = sizes.iter().map(|(k, v)| format!("{k}:{v}")).collect();
    eprintln!(
        "stories/polnear: {} articles ({} dated) in {} stories; sizes (size:count) {}; \
         largest {} articles over {} days; widest span {widest} days; {wide} stories span > 7 days",
        xs.len(),
        xs.iter().filter(|x| x.article.published.is_some()).count(),
        stories.len(),
        dist.join(" "),
        largest.map_or(0, |s| s.len()),
        largest.map_or(0, span),
    );
    for s in stories.iter().filter(|s| s.len() >= 4).take(8) {
        let ids: Vec<&str> = s
            .iter()
            .take(5)
            .map(|&i| xs[i].article.id.as_str())
            .collect();
        eprintln!("stories/polnear:   {} articles: {}", s.len(), ids.join(" "));
    }
    figures.lower("polnear_stories_over_7_days", wide as f64);
    Ok(())
}

// ---------------------------------------------------------------- baseline

/// Plain TF-IDF cosine of every pair: folded words, stop words (a short
/// list) removed, raw term frequency, smoothed IDF `ln((1 + n) / (1 +
/// df)) + 1`, L2 norm.
fn tfidf_cosine(texts: &[&str]) -> Vec<Vec<f64>> {
    const STOP: &[&str] = &[
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "he", "her",
        "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "they",
        "this", "to", "was", "were", "will", "with", "said", "says", "who", "which", "not", "but",
        "had", "been", "after", "also", "would", "s",
    ];
    let docs: Vec<HashMap<String, f64>> = texts
        .iter()
        .map(|t| {
            let mut tf: HashMap<String, f64> = HashMap::new();
            for w in fold(t).split(|c: char| !c.is_alphanumeric()) {
                if !w.is_empty() && !STOP.contains(&w) {
                    *tf.entry(w.to_string()).or_default() += 1.0;
                }
            }
            tf
        })
        .collect();
    let mut df: HashMap<&str, f64> = HashMap::new();
    for d in &docs {
        for w in d.keys() {
            *df.entry(w.as_str()).or_default() += 1.0;
        }
    }
    let n = docs.len() as f64;
    let vecs: Vec<HashMap<&str, f64>> = docs
        .iter()
        .map(|d| {
            let mut v: HashMap<&str, f64> = d
                .iter()
                .map(|(w, tf)| {
                    (
                        w.as_str(),
                        tf * (((1.0 + n) / (1.0 + df[w.as_str()])).ln() + 1.0),
                    )
                })
                .collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.values_mut().for_each(|x| *x /= norm);
            }
            v
        })
        .collect();
    let mut sims = vec![vec![0.0; docs.len()]; docs.len()];
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let (a, b) = if vecs[i].len() < vecs[j].len() {
                (&vecs[i], &vecs[j])
            } else {
                (&vecs[j], &vecs[i])
            };
            let s: f64 = a.iter().filter_map(|(w, x)| b.get(w).map(|y| x * y)).sum();
            sims[i][j] = s;
            sims[j][i] = s;
        }
    }
    sims
}

/// The merges of average-link clustering over a dense similarity matrix,
/// in order: `(average similarity, kept cluster, merged cluster)`, down to
/// similarity 0. Average link has no inversions, so the clusters at a
/// threshold are the merges before the first one under it.
fn dendrogram(sims: &[Vec<f64>]) -> Vec<(f64, usize, usize)> {
    let n = sims.len();
    let mut size = vec![1usize; n];
    // sum of similarities between clusters
    let mut sum: Vec<Vec<f64>> = sims.to_vec();
    let mut alive: Vec<bool> = vec![true; n];
    let mut merges = Vec::new();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for a in (0..n).filter(|&a| alive[a]) {
            for b in (a + 1..n).filter(|&b| alive[b]) {
                let avg = sum[a][b] / (size[a] * size[b]) as f64;
                if avg > 0.0 && best.is_none_or(|(s, _, _)| avg > s) {
                    best = Some((avg, a, b));
                }
            }
        }
        let Some((avg, a, b)) = best else { break };
        merges.push((avg, a, b));
        size[a] += size[b];
        alive[b] = false;
        let row_b = sum[b].clone();
        for (c, s) in row_b.into_iter().enumerate() {
            sum[a][c] += s;
            sum[c][a] = sum[a][c];
        }
    }
    merges
}

/// The clusters of `n` items after the merges of similarity ≥ `t`.
fn cut(n: usize, merges: &[(f64, usize, usize)], t: f64) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for &(_, a, b) in merges.iter().take_while(|m| m.0 >= t) {
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
    }
    let mut out: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for m in &mut out {
        m.sort_unstable();
    }
    out.sort_unstable_by_key(|m| m[0]);
    out
}
