//! What one article contributes to story grouping: weighted keys (content
//! stems, names, resolved days), a MinHash sketch of its word shingles, and
//! its publication date.
//!
//! Words are read straight from the article text (no per-token
//! allocation for ASCII words), folded with [`crate::text::fold`] when they
//! are not ASCII, and looked up in a per-thread cache that maps a folded
//! word to its hashes, so each distinct word is stemmed once per thread.

use super::hash::{hash_bytes, mix};
use crate::text::{fold, is_stop, stem, stemmer};
use crosscheck_parse::{Extraction, Granularity, NaiveDate, Span};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Namespace of a content-stem key.
const NS_TERM: u8 = 0;
/// Namespace of a name key (a word of a named entity, unstemmed).
const NS_NAME: u8 = 1;
/// Namespace of a resolved day mentioned in the text.
const NS_DAY: u8 = 2;

/// Number of MinHash bins (one-permutation hashing).
pub(crate) const BINS: usize = 64;
/// Words per shingle.
const SHINGLE: usize = 4;

/// What kind of key a feature is: the weight multiplier of names and days
/// is applied by the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum KeyKind {
    /// A content stem.
    Term,
    /// A word of a name.
    Name,
    /// A resolved day.
    Day,
}

/// A key is 54 bits of hash, 2 bits of kind (bits 8-9) and 8 zero bits
/// where [`DocFeatures::keys`] packs the count.
pub(crate) fn kind_of(key: u64) -> KeyKind {
    match (key >> 8) & 3 {
        0 => KeyKind::Term,
        1 => KeyKind::Name,
        _ => KeyKind::Day,
    }
}

fn key(ns: u8, bytes: &[u8]) -> u64 {
    (hash_bytes(ns as u64 + 0x5157, bytes) << 10) | (ns as u64) << 8
}

/// A packed `key | count` of [`DocFeatures::keys`] as `(key, count)`.
pub(crate) fn unpack(packed: u64) -> (u64, u32) {
    (packed & !0xFF, (packed & 0xFF) as u32)
}

/// Cue phrases of web boilerplate (`data/boilerplate.txt`), as word
/// hashes.
fn boilerplate_cues() -> &'static [Vec<u64>] {
    static CUES: OnceLock<Vec<Vec<u64>>> = OnceLock::new();
    CUES.get_or_init(|| {
        include_str!("../../data/boilerplate.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                l.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(|w| word_hash(&fold(w)))
                    .collect::<Vec<u64>>()
            })
            .filter(|c| !c.is_empty())
            .collect()
    })
}

fn word_hash(folded: &str) -> u64 {
    hash_bytes(0x3c6e_f372, folded.as_bytes())
}

/// Index of the first word of `words` (word hashes) where a boilerplate
/// cue phrase starts, or `words.len()`.
fn boilerplate_start(words: &[WordInfo]) -> usize {
    let cues = boilerplate_cues();
    (0..words.len())
        .find(|&k| {
            words[k].cue
                && cues.iter().any(|cue| {
                    cue.len() <= words.len() - k
                        && cue.iter().zip(&words[k..]).all(|(c, w)| *c == w.word)
                })
        })
        .unwrap_or(words.len())
}

/// One article's grouping features.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct DocFeatures {
    /// Distinct keys with their count (at most 255) packed in the low
    /// byte ([`unpack`]), in the order they first occur.
    pub keys: Vec<u64>,
    /// MinHash of the word 4-shingles; empty when the text has no word.
    pub sketch: Vec<u32>,
    /// Number of shingles (positions).
    pub shingles: u32,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// The days the text mentions, as far as it names them ([`Day`]),
    /// sorted and deduplicated.
    pub days: Vec<Day>,
}

/// The hashes of one folded word, cached per thread.
#[derive(Clone, Copy, Default)]
struct WordInfo {
    /// Hash of the folded word (for shingles and the cache).
    word: u64,
    /// Key of its stem; 0 for stop words and one-letter words.
    term: u64,
    /// Key of the word as a name; 0 for stop words.
    name: u64,
    /// A boilerplate cue phrase starts with this word.
    cue: bool,
}

/// Words cached per thread at most (a flood of distinct junk words must
/// not grow the cache): about 16 MiB.
const CACHE_WORDS: usize = 1 << 19;

/// Slots of the front cache (256 KiB).
const FRONT_SLOTS: usize = 1 << 13;

/// Per-thread scratch space: the word cache and the stemmer.
pub(crate) struct Scratch {
    /// Folded word hash → its keys. Keyed by the 64-bit hash alone: two
    /// words colliding is as unlikely as a collision of their keys.
    cache: HashMap<u64, WordInfo, super::hash::FixedState>,
    /// A small direct-mapped cache in front of `cache`, indexed by the
    /// low bits of the word hash: the frequent words stay in the CPU cache.
    front: Vec<WordInfo>,
    stemmer: rust_stemmers::Stemmer,
    buf: String,
    toks: Vec<Tok>,
    infos: Vec<WordInfo>,
    keys: Vec<u64>,
    slots: Vec<u32>,
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch {
            cache: HashMap::with_hasher(super::hash::FixedState),
            front: vec![WordInfo::default(); FRONT_SLOTS],
            stemmer: stemmer(),
            buf: String::new(),
            toks: Vec::new(),
            infos: Vec::new(),
            keys: Vec::new(),
            slots: Vec::new(),
        }
    }
}

thread_local! {
    /// One scratch space per thread, kept across calls: the word cache
    /// then stems each distinct word once per thread, not once per use.
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch space.
pub(crate) fn with_scratch<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
    SCRATCH.with(|s| f(&mut s.borrow_mut()))
}

impl Scratch {
    fn info(&mut self, folded: &str) -> WordInfo {
        let word = word_hash(folded);
        let slot = word as usize & (FRONT_SLOTS - 1);
        if self.front[slot].word == word {
            return self.front[slot];
        }
        if let Some(w) = self.cache.get(&word) {
            self.front[slot] = *w;
            return *w;
        }
        let content = is_content(folded);
        let info = WordInfo {
            word,
            term: if content {
                key(NS_TERM, stem(&self.stemmer, folded).as_bytes())
            } else {
                0
            },
            name: if content {
                key(NS_NAME, folded.as_bytes())
            } else {
                0
            },
            cue: boilerplate_cues().iter().any(|c| c[0] == word),
        };
        if self.cache.len() < CACHE_WORDS {
            self.cache.insert(word, info);
        }
        self.front[slot] = info;
        info
    }
}

/// A word of the text: byte span and whether it starts with a capital.
#[derive(Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    capital: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Pushes the words of `text[span]`: maximal runs of alphanumerics, with
/// inner apostrophes and digit separators (`1,000.5`) kept inside the word
/// (the same words as the claim tokenizer of the engine).
fn words(text: &str, span: Span, out: &mut Vec<Tok>) {
    let s = span.slice(text);
    let bytes = s.as_bytes();
    // the char at byte `i` and its length; ASCII without decoding
    let char_at = |i: usize| -> (char, usize) {
        match bytes[i] {
            b if b < 0x80 => (b as char, 1),
            _ => s[i..]
                .chars()
                .next()
                .map_or(('\0', 1), |c| (c, c.len_utf8())),
        }
    };
    let is_word = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = char_at(i);
        if !is_word(c) {
            i += len;
            continue;
        }
        let (mut end, mut prev) = (i + len, c);
        let mut j = end;
        while j < bytes.len() {
            let (cj, lj) = char_at(j);
            if is_word(cj) {
                j += lj;
                end = j;
                prev = cj;
                continue;
            }
            // a joiner counts only when a word character follows it
            let next = (j + lj < bytes.len()).then(|| char_at(j + lj).0);
            let joins = next.is_some_and(is_word)
                && (is_apostrophe(cj)
                    || (cj == ',' || cj == '.')
                        && prev.is_ascii_digit()
                        && next.is_some_and(|n| n.is_ascii_digit()));
            if !joins {
                break;
            }
            j += lj;
            prev = cj;
        }
        out.push(Tok {
            start: span.start + i,
            end: span.start + end,
            capital: c.is_uppercase(),
        });
        i = j;
    }
}

/// Folds a word into `buf`: lowercase ASCII without allocation, else
/// [`fold`]; digit separators dropped from numbers, possessive `'s`
/// removed.
fn fold_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        buf.push_str(&fold(word));
    }
    if buf.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        buf.retain(|c| c != ',');
    }
    if buf.ends_with("'s") {
        buf.truncate(buf.len() - 2);
    }
}

/// True for a folded word that gives keys: not a stop word, and two
/// characters or more unless a digit.
fn is_content(folded: &str) -> bool {
    !is_stop(folded) && (folded.len() > 1 || folded.bytes().all(|b| b.is_ascii_digit()))
}

/// Computes one article's features.
pub(crate) fn extract(x: &Extraction, sc: &mut Scratch) -> DocFeatures {
    let text = x.article.text.as_str();
    // entity mentions, sorted, to mark the words of names
    let mut mentions: Vec<Span> = x
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().copied())
        .filter(|m| m.fits(text))
        .collect();
    mentions.sort_unstable();
    let sentences: Vec<(Span, usize)> = if x.sentences.is_empty() {
        vec![(Span::new(0, text.len()), 0)]
    } else {
        x.sentences.iter().map(|s| (s.span, s.paragraph)).collect()
    };
    // the paragraph where boilerplate was found: the rest of it is skipped
    let mut boilerplate_paragraph = None;

    let mut keys = std::mem::take(&mut sc.keys);
    keys.clear();
    let mut sketch = vec![u32::MAX; BINS];
    let mut shingles = 0u32;
    let mut window = [0u64; SHINGLE];
    let mut seen = 0usize;
    let mut m = 0; // next mention that may cover a word
    let mut toks = std::mem::take(&mut sc.toks);
    let mut buf = std::mem::take(&mut sc.buf);
    let mut infos = std::mem::take(&mut sc.infos);
    for (sent, paragraph) in sentences {
        if boilerplate_paragraph == Some(paragraph) {
            continue;
        }
        toks.clear();
        words(text, sent, &mut toks);
        infos.clear();
        for t in toks.iter() {
            fold_into(&text[t.start..t.end], &mut buf);
            infos.push(sc.info(&buf));
        }
        // web boilerplate runs from its first cue to the end of the paragraph
        let end = boilerplate_start(&infos);
        if end < infos.len() {
            boilerplate_paragraph = Some(paragraph);
        }
        for (k, (t, &info)) in toks.iter().zip(infos.iter()).take(end).enumerate() {
            while m < mentions.len() && mentions[m].end <= t.start {
                m += 1;
            }
            let in_mention = mentions[m..]
                .iter()
                .take_while(|s| s.start <= t.start)
                .any(|s| s.end >= t.end);
            // (in a title-case headline too: its names are names; its
            // other capitals seldom meet a name key of the same word in
            // another article, which only another headline would give)
            let name = in_mention || (t.capital && k > 0);
            if info.term != 0 {
                keys.push(info.term);
                if name {
                    keys.push(info.name);
                }
            }
            // shingles run over every word, stop words included
            window.rotate_left(1);
            window[SHINGLE - 1] = info.word;
            seen += 1;
            if seen >= SHINGLE {
                add_shingle(&mut sketch, &window);
                shingles += 1;
            }
        }
    }
    if seen > 0 && seen < SHINGLE {
        add_shingle(&mut sketch, &window[SHINGLE - seen..]);
        shingles = 1;
    }
    let mut days: Vec<Day> = Vec::new();
    for d in &x.dates {
        if let (Some(v), Granularity::Day) = (d.value, d.granularity) {
            keys.push(key(NS_DAY, v.start().to_string().as_bytes()));
        }
        days.extend(day_of(d));
    }
    days.sort_unstable();
    days.dedup();
    // count with an open-addressing table (keys in first-seen order, a
    // function of the text alone)
    let size = (keys.len() * 2).next_power_of_two().max(16);
    let mut slots = std::mem::take(&mut sc.slots);
    slots.clear();
    slots.resize(size, u32::MAX);
    let mut counted: Vec<u64> = Vec::with_capacity(keys.len() / 2);
    for &k in &keys {
        let mut at = (k >> 10) as usize & (size - 1);
        loop {
            match slots[at] {
                u32::MAX => {
                    slots[at] = counted.len() as u32;
                    counted.push(k | 1);
                    break;
                }
                i if counted[i as usize] & !0xFF == k => {
                    let c = &mut counted[i as usize];
                    *c += u64::from(*c & 0xFF < 0xFF);
                    break;
                }
                _ => at = (at + 1) & (size - 1),
            }
        }
    }
    sc.slots = slots;
    sc.keys = keys;
    sc.toks = toks;
    sc.buf = buf;
    sc.infos = infos;
    if shingles == 0 {
        sketch.clear();
    } else {
        densify(&mut sketch);
    }
    DocFeatures {
        keys: counted,
        sketch,
        shingles,
        date: x.article.published,
        days,
    }
}

/// A day a text mentions, as far as it names it: its weekday (1-7,
/// Monday first) and its month and day (`month * 32 + day`), 0 where
/// unknown, packed as `weekday << 9 | month_day`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Day(pub u16);

impl Day {
    fn weekday(self) -> u16 {
        self.0 >> 9
    }

    fn month_day(self) -> u16 {
        self.0 & 0x1FF
    }

    /// True when the two may be one day: no field both know differs.
    pub(crate) fn may_meet(self, other: Day) -> bool {
        let agree = |a: u16, b: u16| a == 0 || b == 0 || a == b;
        agree(self.weekday(), other.weekday()) && agree(self.month_day(), other.month_day())
    }
}

/// The day a relative date mention names ("on Tuesday", "yesterday" when
/// resolved), by its weekday and, when resolved, its month and day
/// ([`crate::facts::date_fact`]). An absolute date ("4 February",
/// "January 1, 2020") is left out: it is as often a deadline, a
/// background date or the very value two outlets report differently as
/// the day of the reported event.
fn day_of(d: &crosscheck_parse::DateMention) -> Option<Day> {
    use crosscheck_parse::{DateReading, TimexKind};
    if !matches!(d.kind, TimexKind::Date | TimexKind::Time) || d.reading == DateReading::Absolute {
        return None;
    }
    let f = crate::facts::date_fact(d);
    let weekday = f.weekday.filter(|w| (1..=7).contains(w)).unwrap_or(0) as u16;
    let month_day = match (f.month, f.day) {
        (Some(m @ 1..=12), Some(day @ 1..=31)) => (m * 32 + day) as u16,
        _ => 0,
    };
    (weekday | month_day != 0).then_some(Day(weekday << 9 | month_day))
}

/// True when two articles name days and none of one's may be one of the
/// other's: they report on different days.
pub(crate) fn other_days(a: &[Day], b: &[Day]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.iter().any(|y| x.may_meet(*y)))
}

fn add_shingle(sketch: &mut [u32], words: &[u64]) {
    let mut h = 0x9e37_79b9_7f4a_7c15u64;
    for (k, &w) in words.iter().enumerate() {
        h ^= w.rotate_left(17 * k as u32);
    }
    let h = mix(h);
    let bin = (h >> 58) as usize % BINS;
    let v = h as u32;
    if v < sketch[bin] {
        sketch[bin] = v;
    }
}

/// Fills empty bins from the next non-empty bin to the right (circularly),
/// re-hashed with the distance, so that short texts still compare bin by
/// bin (Shrivastava and Li 2014, "densified one permutation hashing").
fn densify(sketch: &mut [u32]) {
    let n = sketch.len();
    let filled: Vec<bool> = sketch.iter().map(|&v| v != u32::MAX).collect();
    for i in 0..n {
        if filled[i] {
            continue;
        }
        if let Some(d) = (1..n).find(|d| filled[(i + d) % n]) {
            let v = sketch[(i + d) % n];
            sketch[i] = mix(v as u64 ^ ((d as u64) << 32)) as u32;
        }
    }
}

/// Estimated Jaccard similarity of two sketches: the share of equal bins.
pub(crate) fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_parse::{extract as parse, Article, NaiveDate};

    fn feats(text: &str) -> DocFeatures {
        let x = parse(Article {
            id: "a".into(),
            text: text.into(),
            ..Article::default()
        });
        extract(&x, &mut Scratch::default())
    }

    #[test]
    fn words_keep_numbers_and_apostrophes() {
        let text = "Mayor O'Neill said 1,250.5 people can't go.";
        let mut out = Vec::new();
        words(text, Span::new(0, text.len()), &mut out);
        let w: Vec<&str> = out.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            w,
            ["Mayor", "O'Neill", "said", "1,250.5", "people", "can't", "go"]
        );
    }

    #[test]
    fn names_are_keys_of_their_own() {
        let f = feats("The storm hit the town of Kessel on Monday, officials said.");
        let names = f
            .keys
            .iter()
            .filter(|&&k| kind_of(k) == KeyKind::Name)
            .count();
        // "Kessel" and "Monday" are capitalised inside the sentence
        assert_eq!(names, 2);
    }

    #[test]
    fn names_in_headlines_are_names() {
        let names = |t: &str| {
            let f = feats(t);
            ["rovers", "oskar", "brandt", "foxes"]
                .into_iter()
                .filter(|w| {
                    f.keys
                        .iter()
                        .any(|&k| unpack(k).0 == key(NS_NAME, w.as_bytes()))
                })
                .collect::<Vec<_>>()
        };
        // a headline in title case, and one dense with names, keep them
        assert_eq!(
            names("Rovers Land Oskar In Record Deal With Foxes"),
            ["oskar", "foxes"]
        );
        assert_eq!(
            names("Oskar joins Rovers, Brandt confirms"),
            ["rovers", "brandt"]
        );
    }

    #[test]
    fn identical_texts_have_identical_sketches() {
        let a = feats("Rescue teams searched the rubble of the market through the night.");
        let b = feats("Rescue teams searched the rubble of the market through the night.");
        let c = feats("The central bank left its rate unchanged at four percent.");
        assert_eq!(jaccard(&a.sketch, &b.sketch), 1.0);
        assert!(jaccard(&a.sketch, &c.sketch) < 0.2);
    }

    #[test]
    fn login_and_meter_notices_after_a_headline_are_ignored() {
        let headline = feats("Storm floods the harbour of Kessel.");
        for notice in [
            "Forgot your password? Reset it after logging in to your account.",
            "You have reached the limit for free access to our reporting this month.",
            "START YOUR FREE TRIAL to read every report from the coast.",
            "Take a free trial: registered users read three stories a week.",
        ] {
            let f = feats(&format!("Storm floods the harbour of Kessel. {notice}"));
            assert_eq!(f.keys, headline.keys, "{notice}");
        }
        // news about logging, memory or limits is no notice
        for news in [
            "Illegal logging in the northern forests rose again.",
            "“I want them to remember me as a fighter,” she said.",
            "The Treasury reached the limit of its borrowing authority.",
        ] {
            let f = feats(&format!("Storm floods the harbour of Kessel. {news}"));
            assert!(f.keys.len() > headline.keys.len() + 2, "{news}");
        }
    }

    #[test]
    fn days_are_read_from_relative_dates() {
        let days = |t: &str| feats(t).days;
        let on_friday_3_jan = |t: &str| {
            let x = parse(Article {
                id: "a".into(),
                text: t.into(),
                published: NaiveDate::from_ymd_opt(2020, 1, 3),
                ..Article::default()
            });
            extract(&x, &mut Scratch::default()).days
        };
        let thu = days("The mayor spoke on Thursday.");
        let fri = days("The mayor spoke on Friday.");
        assert_eq!(thu.len(), 1);
        assert!(other_days(&thu, &fri));
        assert!(!other_days(&thu, &thu));
        // one day in common is enough; no day named, nothing to tell
        assert!(!other_days(
            &days("On Friday, after Thursday's vote."),
            &thu
        ));
        assert!(!other_days(&days("The mayor spoke last week."), &thu));
        // a weekly habit is no day, nor is a date written out (a deadline,
        // a background date, or the value two outlets differ on)
        assert!(days("The market opens every Friday.").is_empty());
        assert!(days("Talks end on 4 February 2022.").is_empty());
        // dated: "yesterday" in a report of Friday 3 January is Thursday
        // 2 January, as "on Thursday" is there and may be undated
        let yesterday = on_friday_3_jan("The mayor spoke yesterday.");
        assert_eq!(yesterday.len(), 1);
        assert!(!other_days(
            &yesterday,
            &on_friday_3_jan("The mayor spoke on Thursday.")
        ));
        assert!(!other_days(&yesterday, &thu));
        assert!(other_days(
            &yesterday,
            &on_friday_3_jan("The mayor spoke on Wednesday.")
        ));
        assert!(other_days(&yesterday, &fri));
    }

    #[test]
    fn empty_text_has_no_sketch() {
        let f = feats("");
        assert!(f.sketch.is_empty() && f.keys.is_empty());
    }
}
