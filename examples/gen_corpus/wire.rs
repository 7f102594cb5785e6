//! The wire-copy generator (`gen_corpus wire`): a day of syndicated news
//! built from **real sentences** read at run time from the devdata corpora
//! (`../shared/devdata`: PolNeAR texts and the TimeBank/AQUAINT documents),
//! never from the repository. Shared by `examples/gen_corpus/main.rs` and
//! the tests (`tests/common/mod.rs` includes it with `#[path]`, and feeds
//! it sentences written for the tests).
//!
//! # What it builds
//!
//! - **Source documents**: every devdata article, split into sentences
//!   with crosscheck's own splitter; sentences of 6 to 60 words without
//!   markup are kept. The last kept sentence of the first
//!   [`BOILERPLATE_POOL`] documents (in seeded order) is set aside as the
//!   pool of **shared boilerplate** (background lines that many stories
//!   repeat).
//! - **Stories**: runs of [`WINDOW`] consecutive sentences of one source
//!   document ([`DAY_WINDOW`] with `--day`, any range with `--sentences`;
//!   disjoint runs, documents in seeded order; once every document is
//!   used up, round `k` starts `k` half windows into each document,
//!   wrapped around it, so later stories reuse sentences), laid out in
//!   paragraphs of one to three sentences, with the document's headline,
//!   a dateline city and two boilerplate sentences of the pool.
//! - **Syndication**: each story is carried by 5 to 50 outlets (uniform)
//!   out of 100 invented outlets. The first copy is the wire original;
//!   every other copy applies, independently, with these probabilities:
//!
//! | edit | probability | planted discrepancy |
//! |---|---|---|
//! | one sentence (not the first) dropped | 0.15 | none |
//! | two adjacent paragraphs swapped | 0.15 | none |
//! | a figure changed (×1.25, rounded to its significant digits) | 0.08 | `quantity` |
//! | a weekday moved one day | 0.04 | `date` |
//! | one quoted word swapped (will/would, can/could, is/was, …) | 0.04 | `quote_wording` |
//!
//!   and every copy keeps each of the story's boilerplate sentences with
//!   probability 0.7 and ends with its outlet's sign-off ("Reporting by …;
//!   Editing by …" or a copyright line).
//! - All articles are published on one day (`--date`, default 2016-03-02),
//!   shuffled (seeded), and named `w000000`, `w000001`, …: the id tells
//!   nothing about the story.
//!
//! # Ground truth
//!
//! `truth.jsonl` holds one line per article: its story, its outlet, whether
//! it is the wire original, which light edits it got, and its planted
//! discrepancies with the byte span of the changed text in the article,
//! the old and the new value. A planted discrepancy differs from every
//! copy of the story that carries the same sentence unchanged.
//!
//! # Randomness
//!
//! The splitmix64 of `corpus.rs`; the same devdata, `--articles` and
//! `--seed` give the same bytes.

use super::corpus::SplitMix64;
use chrono::{Datelike, NaiveDate};
use std::path::Path;

/// Sentences per story (the default: articles of about 1.4 KB).
pub const WINDOW: std::ops::RangeInclusive<usize> = 6..=11;
/// Sentences per story of `gen_corpus wire --day`: articles of about
/// 3 KB, the size the issue's "100,000 articles (~300 MB)" assumes.
pub const DAY_WINDOW: std::ops::RangeInclusive<usize> = 16..=28;
/// Outlets per story.
pub const OUTLETS: std::ops::RangeInclusive<usize> = 5..=50;
/// Boilerplate sentences set aside, shared across stories.
pub const BOILERPLATE_POOL: usize = 300;
/// Probabilities of the light edits of a copy (see the module docs).
pub const P_DROP: f64 = 0.15;
pub const P_SWAP: f64 = 0.15;
pub const P_FIGURE: f64 = 0.08;
pub const P_WEEKDAY: f64 = 0.04;
pub const P_QUOTE_WORD: f64 = 0.04;
pub const P_KEEP_BOILERPLATE: f64 = 0.7;

/// A source document: headline and kept sentences.
#[derive(Clone, Debug)]
pub struct SourceDoc {
    pub title: String,
    pub sentences: Vec<String>,
}

/// Generation parameters.
#[derive(Clone, Debug)]
pub struct WireParams {
    pub articles: usize,
    pub seed: u64,
    pub date: NaiveDate,
}

/// One planted discrepancy in one article.
#[derive(Clone, Debug, PartialEq)]
pub struct WirePlanted {
    /// `quantity`, `date` or `quote_wording`.
    pub kind: &'static str,
    /// Byte span of the new text in the article.
    pub span: (usize, usize),
    pub old: String,
    pub new: String,
}

/// One generated article and its truth.
#[derive(Clone, Debug)]
pub struct WireArticle {
    pub id: String,
    pub source: String,
    pub published: NaiveDate,
    pub title: String,
    pub text: String,
    pub story: usize,
    /// 0 for stories of fresh sentences; 1, 2, … once every source
    /// document was used and stories start overlapping earlier ones.
    pub round: usize,
    pub original: bool,
    pub dropped: bool,
    pub swapped: bool,
    pub planted: Vec<WirePlanted>,
}

/// Reads the source documents from the devdata folder: PolNeAR texts
/// (first line = headline) and TimeBank/AQUAINT `.tml` files (markup
/// stripped; first sentence = headline). Files in name order.
pub fn load_devdata(dir: &Path) -> anyhow::Result<Vec<SourceDoc>> {
    let mut docs = Vec::new();
    let polnear = dir.join("polnear-train/text");
    for p in sorted_files(&polnear, "txt")? {
        let text = std::fs::read_to_string(&p)?;
        let (title, body) = text.split_once('\n').unwrap_or(("", &text));
        docs.push(SourceDoc {
            title: title.trim().trim_end_matches('.').to_string(),
            sentences: keep_sentences(body),
        });
    }
    let tag = regex::Regex::new(r"<[^>]*>")?;
    for sub in ["tbaq/TimeBank", "tbaq/AQUAINT"] {
        let d = dir.join(sub);
        if !d.is_dir() {
            continue;
        }
        for p in sorted_files(&d, "tml")? {
            let raw = std::fs::read_to_string(&p)?;
            let Some(body) = raw
                .split("<TEXT>")
                .nth(1)
                .and_then(|t| t.split("</TEXT>").next())
            else {
                continue;
            };
            let plain = tag
                .replace_all(body, "")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"");
            let mut sentences = keep_sentences(&plain);
            if sentences.len() < 2 {
                continue;
            }
            let title = sentences.remove(0);
            docs.push(SourceDoc { title, sentences });
        }
    }
    anyhow::ensure!(
        !docs.is_empty(),
        "no source documents under {} (polnear-train/text, tbaq)",
        dir.display()
    );
    Ok(docs)
}

fn sorted_files(dir: &Path, ext: &str) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    Ok(v)
}

/// Sentences of 6 to 60 words, on one line, without markup or links.
pub fn keep_sentences(text: &str) -> Vec<String> {
    crosscheck::parse::sentences::split(text)
        .iter()
        .map(|s| {
            s.span
                .slice(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|s| {
            let words = s.split(' ').count();
            (6..=60).contains(&words)
                && !s.contains(['<', '>', '@', '|'])
                && !s.contains("http")
                && !s.contains("___")
        })
        .collect()
}

const OUTLET_A: &[&str] = &[
    "Daily", "Evening", "Morning", "Valley", "Coast", "Capital", "Metro", "County", "Harbor",
    "Prairie",
];
const OUTLET_B: &[&str] = &[
    "Ledger", "Courier", "Herald", "Post", "Times", "Gazette", "Observer", "Sentinel", "Tribune",
    "Record",
];
const STAFF: &[&str] = &[
    "Ana Ruiz",
    "Ben Okafor",
    "Clara Voss",
    "Dev Patel",
    "Elena Marsh",
    "Femi Adeyemi",
    "Grace Lund",
    "Hugo Brandt",
    "Iris Chen",
    "Jonas Berg",
    "Kemal Aksoy",
    "Lena Hart",
];
const DATELINES: &[&str] = &[
    "WASHINGTON",
    "NEW YORK",
    "CHICAGO",
    "LOS ANGELES",
    "ATLANTA",
    "DENVER",
    "BOSTON",
    "DES MOINES",
    "MIAMI",
    "HOUSTON",
    "SEATTLE",
    "PHILADELPHIA",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const QUOTE_SWAPS: &[(&str, &str)] = &[
    ("will", "would"),
    ("would", "will"),
    ("can", "could"),
    ("could", "can"),
    ("is", "was"),
    ("are", "were"),
    ("has", "had"),
    ("always", "never"),
    ("never", "always"),
];

fn outlet_name(i: usize) -> String {
    format!(
        "{} {}",
        OUTLET_A[i / OUTLET_B.len()],
        OUTLET_B[i % OUTLET_B.len()]
    )
}

/// A story: its sentences in paragraphs, headline, dateline, boilerplate.
struct Story {
    title: String,
    paragraphs: Vec<Vec<String>>,
    dateline: &'static str,
    boilerplate: [usize; 2],
}

/// A figure worth changing: digits followed by a unit word or `%`, or
/// after `$` (years and bare numbers left alone).
fn figure_re() -> &'static regex::Regex {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(
            r"(?:\$|\b)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:%| percent\b| million\b| billion\b| [a-z]{3,}\b)",
        )
        .expect("figure pattern")
    })
}

/// `130,000` → `160,000`: ×1.25 rounded to the significant digits, one
/// more unit in the last place when that changes nothing.
pub fn bump(s: &str) -> Option<String> {
    let commas = s.contains(',');
    let plain: String = s.chars().filter(|c| *c != ',').collect();
    if let Some((_, frac)) = plain.split_once('.') {
        let v: f64 = plain.parse().ok()?;
        let unit = 10f64.powi(-(frac.len() as i32));
        let mut n = (v * 1.25 / unit).round() * unit;
        if (n - v).abs() < unit / 2.0 {
            n = v + unit;
        }
        return Some(format!("{n:.prec$}", prec = frac.len()));
    }
    let v: u64 = plain.parse().ok()?;
    if v == 0 || (plain.len() == 4 && (plain.starts_with("19") || plain.starts_with("20"))) {
        return None; // a year
    }
    let digits = plain.trim_start_matches('0');
    let sig = digits.trim_end_matches('0').len().max(1);
    let place = 10u64.pow((digits.len() - sig) as u32);
    let mut n = ((v as f64 * 1.25) / place as f64).round() as u64 * place;
    if n == v {
        n = v + place;
    }
    let t = n.to_string();
    if !commas {
        return Some(t);
    }
    let mut out = String::new();
    for (i, c) in t.chars().enumerate() {
        if i > 0 && (t.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    Some(out)
}

/// One planted edit inside a sentence: (byte range in the sentence, new
/// text, kind).
type SentenceEdit = ((usize, usize), String, &'static str);

fn figure_edit(s: &str, r: &mut SplitMix64) -> Option<SentenceEdit> {
    let sites: Vec<(usize, usize, String)> = figure_re()
        .captures_iter(s)
        .filter_map(|c| {
            let m = c.get(1)?;
            bump(m.as_str()).map(|n| (m.start(), m.end(), n))
        })
        .collect();
    if sites.is_empty() {
        return None;
    }
    let (a, b, n) = sites[r.below(sites.len())].clone();
    Some(((a, b), n, "quantity"))
}

fn weekday_edit(s: &str, date: NaiveDate) -> Option<SentenceEdit> {
    let pub_wd = date.weekday().num_days_from_monday() as usize;
    WEEKDAYS.iter().enumerate().find_map(|(i, w)| {
        let at = s.find(w)?;
        // a word of its own, not "Super Tuesday"
        let before = s[..at].trim_end();
        if s[at + w.len()..].starts_with(char::is_alphanumeric) || before.ends_with("Super") {
            return None;
        }
        let mut j = (i + 1) % 7;
        if j == pub_wd {
            j = (i + 6) % 7;
        }
        Some(((at, at + w.len()), WEEKDAYS[j].to_string(), "date"))
    })
}

fn quote_word_edit(s: &str) -> Option<SentenceEdit> {
    let open = s.find(['“', '"'])?;
    let inner_start = open + s[open..].chars().next()?.len_utf8();
    let close = inner_start + s[inner_start..].find(['”', '"'])?;
    let inner = &s[inner_start..close];
    let mut pos = 0;
    for w in inner.split(' ') {
        let word = w.trim_matches(|c: char| !c.is_alphabetic());
        let off = w.find(word).unwrap_or(0);
        if let Some((_, to)) = QUOTE_SWAPS.iter().find(|(from, _)| *from == word) {
            let a = inner_start + pos + off;
            return Some(((a, a + word.len()), to.to_string(), "quote_wording"));
        }
        pos += w.len() + 1;
    }
    None
}

/// Builds the wire corpus from source documents, stories of [`WINDOW`]
/// sentences.
#[allow(dead_code)] // the tests call it; `gen_corpus wire` passes its window
pub fn generate_wire(docs: &[SourceDoc], p: &WireParams) -> Vec<WireArticle> {
    generate_wire_window(docs, p, WINDOW)
}

/// [`generate_wire`] with stories of `window` sentences (uniform; clamped
/// to at least one sentence). [`WINDOW`] gives the bytes of
/// [`generate_wire`]; [`DAY_WINDOW`] gives the articles of about 3 KB of
/// the issue's "100,000 articles (~300 MB)". Round `k` (once every
/// document was used `k` times) starts `k` half windows into each
/// document, wrapped around it, so the stories of later rounds overlap
/// earlier ones only in part.
pub fn generate_wire_window(
    docs: &[SourceDoc],
    p: &WireParams,
    window: std::ops::RangeInclusive<usize>,
) -> Vec<WireArticle> {
    let (w_min, w_max) = ((*window.start()).max(1), (*window.end()).max(1));
    let w_max = w_max.max(w_min);
    let mut r = SplitMix64::new(p.seed ^ 0x5a17_e0c0_0000_0001);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    for i in (1..order.len()).rev() {
        let j = r.below(i + 1);
        order.swap(i, j);
    }
    // Boilerplate: the last sentence of the first documents.
    let mut pool: Vec<String> = Vec::new();
    let mut bodies: Vec<(usize, &[String])> = Vec::new();
    for &d in &order {
        let s = &docs[d].sentences;
        if pool.len() < BOILERPLATE_POOL && s.len() > w_min {
            pool.push(s[s.len() - 1].clone());
            bodies.push((d, &s[..s.len() - 1]));
        } else {
            bodies.push((d, &s[..]));
        }
    }
    if pool.is_empty() {
        pool.push("More details were not immediately available.".into());
    }
    if !bodies.iter().any(|(_, b)| b.len() >= w_min) {
        return Vec::new(); // no document holds one story
    }
    // Stories: disjoint windows, document by document, in rounds.
    let mut stories: Vec<Story> = Vec::new();
    let mut cursor = vec![0usize; bodies.len()];
    let mut out: Vec<WireArticle> = Vec::with_capacity(p.articles);
    let mut produced = 0usize;
    let mut bi = 0usize;
    let mut empty_pass = 0usize;
    let mut round = 0usize;
    while produced < p.articles {
        let (d, body) = bodies[bi % bodies.len()];
        let len = w_min + r.below(w_max - w_min + 1);
        let start = cursor[bi % bodies.len()];
        bi += 1;
        if start + len > body.len() {
            empty_pass += 1;
            if empty_pass > bodies.len() {
                // every document used up: start again, `round` half
                // windows in (wrapped around the document), so later
                // stories overlap earlier ones (`round` in the truth)
                round += 1;
                let step = w_min / 2 + 1;
                for (c, (_, body)) in cursor.iter_mut().zip(&bodies) {
                    *c = if round == 1 {
                        step
                    } else {
                        (round * step) % (body.len().saturating_sub(w_min) + 1)
                    };
                }
                empty_pass = 0;
            }
            continue;
        }
        empty_pass = 0;
        cursor[(bi - 1) % bodies.len()] = start + len;
        let sentences = &body[start..start + len];
        let mut paragraphs = Vec::new();
        let mut i = 0;
        while i < sentences.len() {
            let n = (1 + r.below(3)).min(sentences.len() - i);
            paragraphs.push(sentences[i..i + n].to_vec());
            i += n;
        }
        let story = Story {
            title: docs[d].title.clone(),
            paragraphs,
            dateline: DATELINES[r.below(DATELINES.len())],
            boilerplate: [r.below(pool.len()), r.below(pool.len())],
        };
        let k = (OUTLETS.start() + r.below(OUTLETS.end() - OUTLETS.start() + 1))
            .min(p.articles - produced);
        // k distinct outlets
        let mut outlets: Vec<usize> = (0..OUTLET_A.len() * OUTLET_B.len()).collect();
        for i in 0..k {
            let j = i + r.below(outlets.len() - i);
            outlets.swap(i, j);
        }
        let sid = stories.len();
        for (c, &o) in outlets[..k].iter().enumerate() {
            let mut a = render_copy(&story, sid, c == 0, &outlet_name(o), &pool, p, &mut r);
            a.round = round;
            out.push(a);
        }
        produced += k;
        stories.push(story);
    }
    // A day of copy in one stream: shuffled, ids by position.
    for i in (1..out.len()).rev() {
        let j = r.below(i + 1);
        out.swap(i, j);
    }
    for (i, a) in out.iter_mut().enumerate() {
        a.id = format!("w{i:06}");
    }
    out
}

fn render_copy(
    s: &Story,
    story: usize,
    original: bool,
    outlet: &str,
    pool: &[String],
    p: &WireParams,
    r: &mut SplitMix64,
) -> WireArticle {
    let mut paragraphs = s.paragraphs.clone();
    let (mut dropped, mut swapped) = (false, false);
    // (paragraph, sentence) of a planted edit, and the edit
    let mut planted: Option<((usize, usize), SentenceEdit)> = None;
    if !original {
        if r.chance(P_DROP) {
            let total: usize = paragraphs.iter().map(Vec::len).sum();
            if total > 2 {
                let mut k = 1 + r.below(total - 1);
                for para in paragraphs.iter_mut() {
                    if k < para.len() {
                        para.remove(k);
                        dropped = true;
                        break;
                    }
                    k -= para.len();
                }
                paragraphs.retain(|p| !p.is_empty());
            }
        }
        if paragraphs.len() > 2 && r.chance(P_SWAP) {
            let i = 1 + r.below(paragraphs.len() - 2);
            paragraphs.swap(i, i + 1);
            swapped = true;
        }
        let kinds: [(f64, u8); 3] = [(P_FIGURE, 0), (P_WEEKDAY, 1), (P_QUOTE_WORD, 2)];
        for (prob, what) in kinds {
            if planted.is_some() || !r.chance(prob) {
                continue;
            }
            let mut sites = Vec::new();
            for (pi, para) in paragraphs.iter().enumerate() {
                for (si, sent) in para.iter().enumerate() {
                    let e = match what {
                        0 => figure_edit(sent, r),
                        1 => weekday_edit(sent, p.date),
                        _ => quote_word_edit(sent),
                    };
                    if let Some(e) = e {
                        sites.push(((pi, si), e));
                    }
                }
            }
            if !sites.is_empty() {
                planted = Some(sites.swap_remove(r.below(sites.len())));
            }
        }
    }
    // Boilerplate kept by this copy, then the sign-off.
    let boiler: Vec<&str> = s
        .boilerplate
        .iter()
        .filter(|_| r.chance(P_KEEP_BOILERPLATE))
        .map(|&b| pool[b].as_str())
        .collect();
    let signoff = if r.chance(0.5) {
        format!(
            "Reporting by {}; Editing by {}",
            STAFF[r.below(STAFF.len())],
            STAFF[r.below(STAFF.len())]
        )
    } else {
        format!(
            "Copyright {} {}. All rights reserved.",
            p.date.year(),
            outlet
        )
    };
    let mut text = String::new();
    let mut spans = Vec::new();
    for (pi, para) in paragraphs.iter().enumerate() {
        if pi == 0 {
            text.push_str(&format!("{} ({outlet}) - ", s.dateline));
        } else {
            text.push_str("\n\n");
        }
        for (si, sent) in para.iter().enumerate() {
            if si > 0 {
                text.push(' ');
            }
            match &planted {
                Some((at, ((a, b), new, kind))) if *at == (pi, si) => {
                    let base = text.len();
                    text.push_str(&sent[..*a]);
                    text.push_str(new);
                    text.push_str(&sent[*b..]);
                    spans.push(WirePlanted {
                        kind,
                        span: (base + a, base + a + new.len()),
                        old: sent[*a..*b].to_string(),
                        new: new.clone(),
                    });
                }
                _ => text.push_str(sent),
            }
        }
    }
    if !boiler.is_empty() {
        text.push_str("\n\n");
        text.push_str(&boiler.join(" "));
    }
    text.push_str("\n\n");
    text.push_str(&signoff);
    WireArticle {
        id: String::new(),
        source: outlet.to_string(),
        published: p.date,
        title: s.title.clone(),
        text,
        story,
        round: 0,
        original,
        dropped,
        swapped,
        planted: spans,
    }
}
