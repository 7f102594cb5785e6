//! Edit sites and edits: where one fact of a real article can be changed,
//! found without the extractor under test (gold PolNeAR attributions,
//! simple patterns and the benchmark's own word lists in
//! `crates/eval/data/perturb/`), and the change itself.
//!
//! Every rule below keeps the sentence grammatical and changes the fact;
//! `docs/perturbation.md` lists them with examples.

use super::rng::SplitMix64;
use crate::polnear::Doc as PolnearDoc;
use crosscheck_parse::{NaiveDate, Span};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// What one edit changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A date: a month day, a weekday or a year.
    Date,
    /// A figure: a count, a sum of money or a percentage.
    Number,
    /// The named speaker of a direct quote.
    Speaker,
    /// One word of a direct quote.
    QuoteWord,
    /// A state, city or country.
    Place,
    /// A title before a name.
    Role,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 6] = [
        Kind::Date,
        Kind::Number,
        Kind::Speaker,
        Kind::QuoteWord,
        Kind::Place,
        Kind::Role,
    ];

    /// The name used in figure names (`recall.quote_word`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Number => "number",
            Kind::Speaker => "speaker",
            Kind::QuoteWord => "quote_word",
            Kind::Place => "place",
            Kind::Role => "role",
        }
    }
}

/// One edit of an article: `span` of the original replaced by
/// `replacement` (an empty span inserts, an empty replacement drops).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// What it changes.
    pub kind: Kind,
    /// Which rule made it (`weekday`, `percent`, `drop_negation`, …).
    pub rule: String,
    /// The bytes of the original that are replaced.
    pub span: Span,
    /// What replaces them.
    pub replacement: String,
    /// Speaker edits: the gold content spans of the quote whose speaker
    /// changed (original coordinates); a finding on the quote is on the
    /// edit.
    pub content: Vec<Span>,
}

impl Edit {
    /// The edited text.
    pub fn apply(&self, text: &str) -> String {
        let mut s = String::with_capacity(text.len() + self.replacement.len());
        s.push_str(&text[..self.span.start]);
        s.push_str(&self.replacement);
        s.push_str(&text[self.span.end..]);
        s
    }

    fn delta(&self) -> isize {
        self.replacement.len() as isize - self.span.len() as isize
    }

    /// A span of the original, in the copy's coordinates (a span that
    /// overlaps the edit stretches over the replacement).
    pub fn map(&self, s: Span) -> Span {
        let shift = |p: usize| (p as isize + self.delta()) as usize;
        let start = if s.start < self.span.start {
            s.start
        } else if s.start >= self.span.end {
            shift(s.start)
        } else {
            self.span.start
        };
        let end = if s.end <= self.span.start {
            s.end
        } else if s.end > self.span.end {
            shift(s.end)
        } else {
            self.span.start + self.replacement.len()
        };
        Span::new(start, end.max(start))
    }

    /// Where the edit is in the copy: the replacement, or for a dropped
    /// word the character before the join (never empty).
    pub fn copy_target(&self, copy: &str) -> Vec<Span> {
        let at = if self.replacement.is_empty() {
            around(copy, self.span.start)
        } else {
            Span::new(self.span.start, self.span.start + self.replacement.len())
        };
        let mut v = vec![at];
        v.extend(self.content.iter().map(|c| self.map(*c)));
        v
    }

    /// Where the edit is in the original: the replaced bytes, or for an
    /// inserted word the character before the insertion.
    pub fn orig_target(&self, orig: &str) -> Vec<Span> {
        let at = if self.span.is_empty() {
            around(orig, self.span.start)
        } else {
            self.span
        };
        let mut v = vec![at];
        v.extend(self.content.iter().copied());
        v
    }
}

/// The character before byte `p` (or after it at the start), as a span.
fn around(text: &str, p: usize) -> Span {
    match text[..p].chars().next_back() {
        Some(c) => Span::new(p - c.len_utf8(), p),
        None => Span::new(p, p + text[p..].chars().next().map_or(0, char::len_utf8)),
    }
}

// ------------------------------------------------------------------ lists

/// The benchmark's word lists (`crates/eval/data/perturb/`).
pub struct Lists {
    /// `(type, name)` of every replaceable place.
    pub places: Vec<(String, String)>,
    /// Title → replacement.
    pub roles: Vec<(String, String)>,
    /// Quote word swaps (word → replacement).
    pub swaps: BTreeMap<String, String>,
    /// Named word lists of `words.tsv`.
    pub words: BTreeMap<String, BTreeSet<String>>,
    /// Given names.
    pub given: BTreeSet<String>,
    place_re: Regex,
    role_re: Regex,
}

fn tsv(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.trim(), b.trim()))
}

fn alternation<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = names.collect();
    // longest first, so "West Virginia" wins over "Virginia"
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    v.iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

impl Lists {
    /// The compiled-in lists.
    pub fn get() -> &'static Lists {
        static L: OnceLock<Lists> = OnceLock::new();
        L.get_or_init(|| {
            let places: Vec<(String, String)> = tsv(include_str!("../../data/perturb/places.tsv"))
                .map(|(t, n)| (t.to_string(), n.to_string()))
                .collect();
            let roles: Vec<(String, String)> = tsv(include_str!("../../data/perturb/roles.tsv"))
                .map(|(t, n)| (t.to_string(), n.to_string()))
                .collect();
            let swaps = tsv(include_str!("../../data/perturb/quote_words.tsv"))
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            let mut words: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            for (l, w) in tsv(include_str!("../../data/perturb/words.tsv")) {
                words
                    .entry(l.to_string())
                    .or_default()
                    .insert(w.to_string());
            }
            let given = include_str!("../../data/perturb/given_names.txt")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .map(str::to_string)
                .collect();
            // Word-bounded: a name (or title) starting or ending with a
            // letter must not continue a longer word.
            let place_re = Regex::new(&format!(
                r"\b(?:{})\b",
                alternation(places.iter().map(|p| p.1.as_str()))
            ))
            .expect("place pattern");
            let role_re = Regex::new(&format!(
                r"\b(?:{})",
                alternation(roles.iter().map(|r| r.0.as_str()))
            ))
            .expect("role pattern");
            Lists {
                places,
                roles,
                swaps,
                words,
                given,
                place_re,
                role_re,
            }
        })
    }

    fn has(&self, list: &str, word: &str) -> bool {
        self.words.get(list).is_some_and(|s| s.contains(word))
    }
}

// ------------------------------------------------------------ text helpers

/// Regions between quotation marks, paragraph by paragraph: curly “…”
/// pairs and straight "…" pairs. An unclosed mark runs to the end of its
/// paragraph. Spans exclude the marks.
pub fn quoted_regions(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\n' => {
                if let Some(s) = open.take() {
                    out.push(Span::new(s, i));
                }
            }
            '“' if open.is_none() => open = Some(i + c.len_utf8()),
            '”' => {
                if let Some(s) = open.take() {
                    out.push(Span::new(s, i));
                }
            }
            '"' => match open.take() {
                Some(s) => out.push(Span::new(s, i)),
                None => open = Some(i + 1),
            },
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(Span::new(s, text.len()));
    }
    out
}

fn inside(regions: &[Span], s: Span) -> bool {
    regions.iter().any(|r| r.overlaps(&s))
}

/// The word right before byte `p`: its span, if there is one on the same
/// line with only spaces between.
fn prev_word(text: &str, p: usize) -> Option<Span> {
    let before = &text[..p];
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() && p > 0 {
        return None; // not separated by a space
    }
    let end = trimmed.len();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-'))
        .last()
        .map(|(i, _)| i)?;
    Some(Span::new(start, end))
}

/// The word right after byte `p` (after exactly one space).
fn next_word(text: &str, p: usize) -> Option<Span> {
    let rest = text.get(p..)?;
    let rest2 = rest.strip_prefix(' ')?;
    let start = p + 1;
    let len = rest2
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
        .map_or(rest2.len(), |(i, _)| i);
    (len > 0).then(|| Span::new(start, start + len))
}

fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn lowercase_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// True when the word at `w` starts a sentence: only spaces and opening
/// marks lie between it and the start of the line or a `.`, `!`, `?`, `:`.
fn sentence_initial(text: &str, w: Span) -> bool {
    let before = text[..w.start].trim_end_matches([' ', '“', '"', '‘', '(', '—']);
    before.is_empty() || before.ends_with(['\n', '.', '!', '?', ':', '”', '"'])
    // a straight quote closing the previous sentence
}

/// True when the capitalised word before `p` makes the match part of a
/// longer name ("Iowa State", "Article 5"), not a sentence start.
fn name_before(text: &str, p: usize) -> bool {
    prev_word(text, p).is_some_and(|w| capitalized(w.slice(text)) && !sentence_initial(text, w))
}

/// True when a capitalised word follows after one space ("Saturday Night
/// Live", "Florida Sen.").
fn name_after(text: &str, p: usize) -> bool {
    next_word(text, p).is_some_and(|w| capitalized(w.slice(text)))
}

fn words_in(text: &str, region: Span) -> Vec<Span> {
    static W: OnceLock<Regex> = OnceLock::new();
    let re = W.get_or_init(|| Regex::new(r"[A-Za-z]+(?:['’][A-Za-z]+)?").expect("word pattern"));
    re.find_iter(region.slice(text))
        .map(|m| Span::new(region.start + m.start(), region.start + m.end()))
        .collect()
}

fn keep_case(original: &str, replacement: &str) -> String {
    if capitalized(original) {
        let mut c = replacement.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    } else {
        replacement.to_string()
    }
}

// ---------------------------------------------------------------- numbers

/// A figure changed by a material amount: ×1.25 (×0.8 for a percentage
/// above 80), rounded to the original's significant digits and written in
/// its format (thousands separators, decimals); when rounding gives the
/// same number, one unit is added in the last significant place.
/// `130,000` → `160,000`, `12` → `15`, `3.5` → `4.4`, `1` → `2`.
pub fn bump_number(s: &str, percent: bool) -> Option<String> {
    let commas = s.contains(',');
    let plain: String = s.chars().filter(|c| *c != ',').collect();
    let v: f64 = plain.parse().ok()?;
    if v.is_nan() || v <= 0.0 {
        return None;
    }
    let factor = if percent && v > 80.0 { 0.8 } else { 1.25 };
    if let Some((_, frac)) = plain.split_once('.') {
        let d = frac.len() as i32;
        let unit = 10f64.powi(-d);
        let mut n = (v * factor / unit).round() * unit;
        if (n - v).abs() < unit / 2.0 {
            n = v + unit;
        }
        return Some(format!("{n:.prec$}", prec = d as usize));
    }
    let digits = plain.trim_start_matches('0');
    let sig = digits.trim_end_matches('0').len().max(1) as u32;
    let place = 10u64.pow(digits.len().saturating_sub(sig as usize) as u32);
    let vi = v as u64;
    let mut n = ((vi as f64 * factor) / place as f64).round() as u64 * place;
    if n == vi {
        n = vi + place;
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

/// A figure in running text, with what makes it one.
struct Figure {
    span: Span,  // the digits
    whole: Span, // with `$` and unit
    rule: &'static str,
}

fn figures(text: &str, l: &Lists) -> Vec<Figure> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(
            r"(\$ ?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(%| ?percent\b| ?per cent\b| percentage points?\b| million\b| billion\b| trillion\b| thousand\b)?",
        )
        .expect("figure pattern")
    });
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let num = c.get(2).expect("number");
        let (ws, we) = (whole.start(), whole.end());
        let before = text[..ws].chars().next_back();
        let after = text[we..].chars().next();
        if before.is_some_and(|b| b.is_alphanumeric() || "-/.:#,$".contains(b)) {
            continue;
        }
        if after.is_some_and(|a| a.is_alphanumeric() || "-/:".contains(a)) {
            continue;
        }
        let unit = c.get(3).map(|u| u.as_str().trim());
        let dollar = c.get(1).is_some();
        let n = num.as_str();
        // a bare four-digit year-like number is a date, not a figure
        let yearish =
            n.len() == 4 && !n.contains([',', '.']) && (n.starts_with("19") || n.starts_with("20"));
        if yearish && !dollar && unit.is_none() {
            continue;
        }
        let rule = match (dollar, unit) {
            (true, _) => "money",
            (false, Some(u)) if u.starts_with('%') || u.starts_with("per") => "percent",
            (false, Some(_)) => "count",
            (false, None) => {
                // a bare number counts something only when a lowercase
                // noun follows ("12 delegates"), not "Article 5"
                match next_word(text, we) {
                    Some(w) if lowercase_word(w.slice(text)) => "count",
                    _ => continue,
                }
            }
        };
        // a clock time ("10 p.m."), not a figure
        let next = text[we..].trim_start_matches(' ');
        let time = l.words.get("time_unit").is_some_and(|t| {
            t.iter().any(|u| {
                next.strip_prefix(u.as_str())
                    .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
            })
        });
        if time || name_before(text, ws) {
            continue;
        }
        out.push(Figure {
            span: Span::new(num.start(), num.end()),
            whole: Span::new(ws, we),
            rule,
        });
    }
    out
}

fn number_edit(text: &str, f: &Figure, kind: Kind, rule: &str) -> Option<Edit> {
    let new = bump_number(f.span.slice(text), f.rule == "percent")?;
    Some(Edit {
        kind,
        rule: rule.to_string(),
        span: f.span,
        replacement: new,
        content: Vec::new(),
    })
}

// ------------------------------------------------------------------ dates

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.";
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn date_edits(text: &str, quoted: &[Span], published: Option<NaiveDate>, l: &Lists) -> Vec<Edit> {
    static MD: OnceLock<Regex> = OnceLock::new();
    static WD: OnceLock<Regex> = OnceLock::new();
    static YR: OnceLock<Regex> = OnceLock::new();
    let md = MD.get_or_init(|| {
        Regex::new(&format!(r"\b(?:{MONTHS}) (\d{{1,2}})(?:st|nd|rd|th)?\b")).expect("md")
    });
    let wd =
        WD.get_or_init(|| Regex::new(&format!(r"\b(?:{})\b", WEEKDAYS.join("|"))).expect("wd"));
    let yr = YR.get_or_init(|| Regex::new(r"\b(?:19\d\d|20[0-3]\d)\b").expect("yr"));
    let mut out = Vec::new();
    for c in md.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let day = c.get(1).expect("day");
        let d: u32 = day.as_str().parse().unwrap_or(0);
        if !(1..=31).contains(&d) || inside(quoted, Span::new(whole.start(), whole.end())) {
            continue;
        }
        // the following char must not continue the number ("March 3:30")
        if text[whole.end()..].starts_with([':', '-', '/']) {
            continue;
        }
        let nd = if d < 28 { d + 1 } else { d - 1 };
        out.push(Edit {
            kind: Kind::Date,
            rule: "month_day".into(),
            span: Span::new(day.start(), day.end()),
            replacement: nd.to_string(),
            content: Vec::new(),
        });
    }
    let pub_wd = published.map(|p| {
        use chrono_weekday::weekday_index;
        weekday_index(p)
    });
    for m in wd.find_iter(text) {
        let s = Span::new(m.start(), m.end());
        if inside(quoted, s) || name_after(text, s.end) {
            continue;
        }
        if prev_word(text, s.start).is_some_and(|w| l.has("weekday_blocker", w.slice(text))) {
            continue;
        }
        let i = WEEKDAYS.iter().position(|w| *w == m.as_str()).unwrap_or(0);
        let mut j = (i + 1) % 7;
        if Some(j) == pub_wd {
            j = (i + 6) % 7;
        }
        out.push(Edit {
            kind: Kind::Date,
            rule: "weekday".into(),
            span: s,
            replacement: WEEKDAYS[j].to_string(),
            content: Vec::new(),
        });
    }
    static MONTH_WORD: OnceLock<Regex> = OnceLock::new();
    let month_word =
        MONTH_WORD.get_or_init(|| Regex::new(&format!(r"^(?:{MONTHS})$")).expect("mw"));
    for m in yr.find_iter(text) {
        let s = Span::new(m.start(), m.end());
        let before = text[..s.start].chars().next_back();
        let after = text[s.end..].chars().next();
        if before.is_some_and(|b| "$#-/.,".contains(b)) {
            continue;
        }
        if after.is_some_and(|a| "%-/".contains(a)) {
            continue;
        }
        if inside(quoted, s) {
            continue;
        }
        // part of a name ("Election 2016", "Trump 2016") unless a month
        // or a comma after a day precedes it
        if let Some(w) = prev_word(text, s.start) {
            let pw = w.slice(text).trim_end_matches(',');
            if capitalized(pw) && !sentence_initial(text, w) && !month_word.is_match(pw) {
                continue;
            }
        }
        let y: i32 = m.as_str().parse().unwrap_or(2000);
        let cycle = next_word(text, s.end).is_some_and(|w| l.has("cycle_word", w.slice(text)));
        let step = if cycle { 4 } else { 1 };
        // not a year the text names right beside it ("2008 and 2012")
        let near = |n: i32| {
            let (a, b) = (s.start.saturating_sub(40), (s.end + 40).min(text.len()));
            text.get(a..b).is_some_and(|t| t.contains(&n.to_string()))
        };
        let ny = if near(y - step) { y + step } else { y - step };
        out.push(Edit {
            kind: Kind::Date,
            rule: if cycle { "year/cycle" } else { "year/plain" }.into(),
            span: s,
            replacement: ny.to_string(),
            content: Vec::new(),
        });
    }
    out
}

mod chrono_weekday {
    use crosscheck_parse::NaiveDate;
    /// Monday = 0 … Sunday = 6, without naming chrono's `Datelike`.
    pub fn weekday_index(d: NaiveDate) -> usize {
        // 2001-01-01 was a Monday
        let base = NaiveDate::from_ymd_opt(2001, 1, 1).expect("date");
        (d - base).num_days().rem_euclid(7) as usize
    }
}

// --------------------------------------------------------------- speakers

/// Real person names of the corpus: gold sources written as a full name
/// ("Given Surname", "Given X. Surname", Given from the benchmark's
/// list), leaving out possessives ("Mitt Romney’s") and surnames that are
/// also words the corpus writes in lowercase ("Stone", "Camp"), which
/// would not read as a name when they stand alone.
pub struct NamePool {
    /// `(full name, surname)`, sorted.
    pub names: Vec<(String, String)>,
    /// Every pool surname.
    pub surnames: BTreeSet<String>,
}

fn full_name_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?:^|\s)(([A-Z][a-z]+) (?:[A-Z]\. )?([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*))$")
            .expect("name pattern")
    })
}

impl NamePool {
    /// The pool of the whole corpus.
    pub fn build(docs: &[PolnearDoc], l: &Lists) -> NamePool {
        let mut lower: BTreeSet<&str> = BTreeSet::new();
        for d in docs {
            lower.extend(
                d.text
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| lowercase_word(w)),
            );
        }
        let mut names = BTreeSet::new();
        for d in docs {
            for a in &d.attributions {
                let [s] = a.source.as_slice() else { continue };
                let t = s.slice(&d.text);
                if let Some(c) = full_name_re().captures(t) {
                    let surname = &c[3];
                    let word = lower.contains(surname.to_lowercase().as_str());
                    let possessive = surname.ends_with("'s") || surname.ends_with("’s");
                    if c.get(1).expect("name").start() == 0
                        && l.given.contains(&c[2])
                        && !word
                        && !possessive
                    {
                        names.insert((c[1].to_string(), c[3].to_string()));
                    }
                }
            }
        }
        let surnames = names.iter().map(|n| n.1.clone()).collect();
        NamePool {
            names: names.into_iter().collect(),
            surnames,
        }
    }
}

fn speaker_edits(
    d: &PolnearDoc,
    quoted: &[Span],
    pool: &NamePool,
    l: &Lists,
    rng: &mut SplitMix64,
) -> Vec<Edit> {
    let text = d.text.as_str();
    let mut out = Vec::new();
    if pool.names.len() < 2 {
        return out;
    }
    for a in &d.attributions {
        let [src] = a.source.as_slice() else { continue };
        // a direct quote: quoted words of at least three words inside the content
        let direct = a.content.iter().any(|c| {
            quoted
                .iter()
                .any(|q| q.overlaps(c) && words_in(text, *q).len() >= 3)
        });
        if !direct {
            continue;
        }
        let st = src.slice(text);
        // a full name of the pool ending the source span
        let full = full_name_re().captures(st).and_then(|c| {
            let m = c.get(1).expect("name");
            let known = pool.names.iter().any(|n| n.0 == m.as_str());
            known.then(|| Span::new(src.start + m.start(), src.start + m.end()))
        });
        let (span, rule) = match full {
            Some(s) => (s, "full_name"),
            None => {
                // a pool surname alone, or after an honorific or title
                let last = st.rsplit(' ').next().unwrap_or("");
                if !pool.surnames.contains(last) {
                    continue;
                }
                let s = Span::new(src.end - last.len(), src.end);
                if let Some(w) = prev_word(text, s.start).filter(|w| src.contains(w)) {
                    let pw = w.slice(text);
                    let title = l.has("honorific", pw) || l.roles.iter().any(|r| r.0.ends_with(pw));
                    if capitalized(pw) && !title {
                        continue;
                    }
                }
                (s, "surname")
            }
        };
        // the name must head the source phrase: after a comma or a word
        // like "for" it is the object of another speaker's description;
        // and a name inside quotation marks ("“Matthews: Seriously…”", a
        // transcript) is part of the quoted words: renaming it edits the
        // quote, not its speaker
        let before = &text[src.start..span.start];
        if quoted.iter().any(|q| q.contains(&span))
            || before.contains(',')
            || before
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| l.has("name_object", w))
        {
            continue;
        }
        // another real person the article never names
        let mut pick = None;
        for _ in 0..64 {
            let (n, sur) = &pool.names[rng.below(pool.names.len())];
            let given = n.split(' ').next().unwrap_or("");
            if !text.contains(sur.as_str()) && !text.contains(given) {
                pick = Some(if rule == "full_name" {
                    n.clone()
                } else {
                    sur.clone()
                });
                break;
            }
        }
        let Some(replacement) = pick else { continue };
        out.push(Edit {
            kind: Kind::Speaker,
            rule: rule.into(),
            span,
            replacement,
            content: a.content.clone(),
        });
    }
    out
}

// ------------------------------------------------------------ quote words

fn quote_word_edits(d: &PolnearDoc, quoted: &[Span], l: &Lists) -> Vec<Edit> {
    let text = d.text.as_str();
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for q in quoted {
        // speech: quoted words inside a gold attribution's content
        let Some(content) = d
            .attributions
            .iter()
            .flat_map(|a| a.content.iter())
            .find(|c| c.overlaps(q))
        else {
            continue;
        };
        if !seen.insert(*q) {
            continue;
        }
        let words: Vec<Span> = words_in(text, *q)
            .into_iter()
            .filter(|w| content.contains(w))
            .collect();
        if words.len() < 4 {
            continue;
        }
        let edit = |rule: &str, span: Span, replacement: String| Edit {
            kind: Kind::QuoteWord,
            rule: rule.into(),
            span,
            replacement,
            content: Vec::new(),
        };
        for (i, w) in words.iter().enumerate() {
            let t = w.slice(text);
            let lower = t.to_lowercase();
            if let Some(s) = l.swaps.get(&lower) {
                if lower == t || capitalized(t) {
                    out.push(edit("swap", *w, keep_case(t, s)));
                }
            }
            if l.has("negation", t) {
                // drop the word and the space after it
                if text[w.end..].starts_with(' ') {
                    out.push(edit(
                        "drop_negation",
                        Span::new(w.start, w.end + 1),
                        String::new(),
                    ));
                }
            }
            if l.has("add_not_after", t) {
                if let Some(n) = words.get(i + 1) {
                    let nt = n.slice(text);
                    let adjacent = text[w.end..n.start] == *" ";
                    if adjacent
                        && lowercase_word(nt)
                        && !l.has("negation", nt)
                        && !nt.contains(['\'', '’'])
                    {
                        out.push(edit("add_not", Span::new(w.end, w.end), " not".into()));
                    }
                }
            }
        }
        for f in figures(text, l) {
            if q.contains(&f.whole) && content.contains(&f.whole) {
                if let Some(e) = number_edit(text, &f, Kind::QuoteWord, "number") {
                    out.push(e);
                }
            }
        }
    }
    out
}

// ------------------------------------------------------------------ places

fn place_edits(text: &str, quoted: &[Span], l: &Lists, rng: &mut SplitMix64) -> Vec<Edit> {
    let mut out = Vec::new();
    for m in l.place_re.find_iter(text) {
        let s = Span::new(m.start(), m.end());
        if inside(quoted, s) || name_before(text, s.start) || name_after(text, s.end) {
            continue;
        }
        if text[s.end..].starts_with('-') || text[..s.start].ends_with('-') {
            continue;
        }
        let Some(ty) = l
            .places
            .iter()
            .find(|p| p.1 == m.as_str())
            .map(|p| p.0.as_str())
        else {
            continue;
        };
        // "Las Vegas, Nevada": a city goes with its state or country, and
        // that state or country stays with its city
        if ty.ends_with("city") && text[s.end..].starts_with(", ") && name_after(text, s.end + 1) {
            continue;
        }
        if let Some(before) = text[..s.start].strip_suffix(", ") {
            let word = before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if capitalized(word) {
                continue;
            }
        }
        let same: Vec<&str> = l
            .places
            .iter()
            .filter(|p| p.0 == ty && !text.contains(p.1.as_str()))
            .map(|p| p.1.as_str())
            .collect();
        if same.is_empty() {
            continue;
        }
        let new = same[rng.below(same.len())];
        const LOCATIVE: &[&str] = &[
            "in",
            "at",
            "to",
            "from",
            "near",
            "across",
            "throughout",
            "into",
            "outside",
            "inside",
        ];
        let locative = prev_word(text, s.start).is_some_and(|w| LOCATIVE.contains(&w.slice(text)));
        out.push(Edit {
            kind: Kind::Place,
            rule: format!("{ty}/{}", if locative { "locative" } else { "other" }),
            span: s,
            replacement: new.to_string(),
            content: Vec::new(),
        });
    }
    out
}

// ------------------------------------------------------------------- roles

fn role_edits(text: &str, quoted: &[Span], l: &Lists) -> Vec<Edit> {
    let mut out = Vec::new();
    let mut last_end = 0;
    for m in l.role_re.find_iter(text) {
        let s = Span::new(m.start(), m.end());
        if s.start < last_end {
            continue;
        }
        last_end = s.end;
        // the title ends a word ("Senator", not "Senators")
        if text[s.end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        // a name follows
        let Some(n) = next_word(text, s.end) else {
            continue;
        };
        let nt = n.slice(text);
        if !capitalized(nt) || inside(quoted, s) {
            continue;
        }
        // "the Justice Department" names an organisation: editing it to
        // "Chief Justice Department" changes no one's office
        let head = nt.trim_end_matches("'s").trim_end_matches("’s");
        if l.has("org_head", head) {
            continue;
        }
        // "Vice President" when the list matched "President" inside a longer title
        if let Some(w) = prev_word(text, s.start) {
            let pw = w.slice(text);
            if l.roles
                .iter()
                .any(|r| r.0 == format!("{pw} {}", m.as_str()))
            {
                continue;
            }
        }
        let Some(new) = l
            .roles
            .iter()
            .find(|r| r.0 == m.as_str())
            .map(|r| r.1.clone())
        else {
            continue;
        };
        out.push(Edit {
            kind: Kind::Role,
            rule: m.as_str().to_string(),
            span: s,
            replacement: new,
            content: Vec::new(),
        });
    }
    out
}

// ------------------------------------------------------------------ choice

/// Every edit of `kind` the article allows.
pub fn edits(d: &PolnearDoc, kind: Kind, pool: &NamePool, rng: &mut SplitMix64) -> Vec<Edit> {
    let l = Lists::get();
    let quoted = quoted_regions(&d.text);
    let text = d.text.as_str();
    match kind {
        Kind::Date => date_edits(text, &quoted, d.published, l),
        Kind::Number => {
            // figures outside quotes and outside dates
            let dates = date_edits(text, &[], None, l);
            figures(text, l)
                .into_iter()
                .filter(|f| {
                    !inside(&quoted, f.whole) && !dates.iter().any(|e| e.span.overlaps(&f.whole))
                })
                .filter_map(|f| number_edit(text, &f, Kind::Number, f.rule))
                .collect()
        }
        Kind::Speaker => speaker_edits(d, &quoted, pool, l, rng),
        Kind::QuoteWord => quote_word_edits(d, &quoted, l),
        Kind::Place => place_edits(text, &quoted, l, rng),
        Kind::Role => role_edits(text, &quoted, l),
    }
}

/// One edit of `kind`, or `None` when the article has no site: a rule
/// drawn uniformly among the rules with a site (so frequent rules do not
/// drown rare ones), then one of its sites. A rule is the part of
/// [`Edit::rule`] before any `/` (`state/locative` is the rule `state`);
/// for roles, each title is its own rule.
pub fn choose(d: &PolnearDoc, kind: Kind, pool: &NamePool, rng: &mut SplitMix64) -> Option<Edit> {
    let all = edits(d, kind, pool, rng);
    let mut by_rule: BTreeMap<String, Vec<Edit>> = BTreeMap::new();
    for e in all {
        // the family of a rule: "state/locative" → "state"
        let family = e.rule.split('/').next().unwrap_or("").to_string();
        by_rule.entry(family).or_default().push(e);
    }
    if by_rule.is_empty() {
        return None;
    }
    let rules: Vec<&Vec<Edit>> = by_rule.values().collect();
    let sites = rules[rng.below(rules.len())];
    Some(sites[rng.below(sites.len())].clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::polnear::Attribution as GoldAttribution;

    fn doc(text: &str) -> PolnearDoc {
        PolnearDoc {
            name: "t".into(),
            text: text.into(),
            published: NaiveDate::from_ymd_opt(2016, 3, 2), // a Wednesday
            attributions: Vec::new(),
        }
    }

    fn applied(text: &str, kind: Kind) -> Vec<String> {
        let pool = NamePool {
            names: Vec::new(),
            surnames: BTreeSet::new(),
        };
        let mut rng = SplitMix64::new(1);
        edits(&doc(text), kind, &pool, &mut rng)
            .iter()
            .map(|e| e.apply(text))
            .collect()
    }

    #[test]
    fn numbers_change_materially_in_their_format() {
        assert_eq!(bump_number("130,000", false).as_deref(), Some("160,000"));
        assert_eq!(bump_number("12", true).as_deref(), Some("15"));
        assert_eq!(bump_number("3.5", false).as_deref(), Some("4.4"));
        assert_eq!(bump_number("1", false).as_deref(), Some("2"));
        assert_eq!(bump_number("100", false).as_deref(), Some("200"));
        assert_eq!(bump_number("90", true).as_deref(), Some("70"));
        assert_eq!(bump_number("0", false), None);
    }

    #[test]
    fn figures_skip_years_names_and_scores() {
        let t = "The county counted 4,200 ballots in 2012, up 12% from Article 5 rules; the vote was 5-2.";
        let got = applied(t, Kind::Number);
        assert_eq!(
            got,
            vec![
                "The county counted 5,300 ballots in 2012, up 12% from Article 5 rules; the vote was 5-2.",
                "The county counted 4,200 ballots in 2012, up 15% from Article 5 rules; the vote was 5-2.",
            ]
        );
    }

    #[test]
    fn dates_month_day_weekday_and_year() {
        let t = "The mayor spoke on Tuesday about the March 3 vote and the 2012 election. Super Tuesday looms.";
        let got = applied(t, Kind::Date);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].contains("the March 4 vote"));
        // Tuesday + 1 is the publication weekday (Wednesday): one back
        assert!(got[1].contains("on Monday about"));
        assert!(got[2].contains("the 2008 election"));
        assert!(got.iter().all(|g| g.contains("Super Tuesday")));
    }

    #[test]
    fn quoted_dates_are_not_date_sites() {
        let t = "“We will vote on Tuesday,” the mayor said.";
        assert!(applied(t, Kind::Date).is_empty());
    }

    #[test]
    fn places_of_the_same_type_and_not_inside_names() {
        let t = "The governor campaigned in Ohio and read the Iowa State report.";
        let got = applied(t, Kind::Place);
        assert_eq!(got.len(), 1);
        assert!(!got[0].contains("in Ohio"));
        let new = got[0]["The governor campaigned in ".len()..]
            .split(" and")
            .next()
            .unwrap();
        assert!(
            Lists::get()
                .places
                .iter()
                .any(|p| p.0 == "state" && p.1 == new),
            "{new}"
        );
    }

    #[test]
    fn roles_before_names_longest_first() {
        let t = "Vice President Joe Biden met Sen. Ted Cruz and the president of the club.";
        let got = applied(t, Kind::Role);
        assert_eq!(
            got,
            vec![
                "President Joe Biden met Sen. Ted Cruz and the president of the club.",
                "Vice President Joe Biden met Rep. Ted Cruz and the president of the club.",
            ]
        );
    }

    #[test]
    fn titles_inside_organisation_names_are_not_roles() {
        let t = "The Justice Department asked Justice Elena Kagan to step aside.";
        let got = applied(t, Kind::Role);
        assert_eq!(
            got,
            vec!["The Justice Department asked Chief Justice Elena Kagan to step aside."]
        );
    }

    #[test]
    fn quote_words_swap_drop_and_add() {
        let text = "“We will not raise taxes on families,” the mayor said.";
        let mut d = doc(text);
        let close = text.find('”').unwrap() + '”'.len_utf8();
        d.attributions.push(GoldAttribution {
            source: vec![Span::new(close + 1, close + 10)],
            content: vec![Span::new(0, close)],
            cue: Vec::new(),
        });
        let pool = NamePool {
            names: Vec::new(),
            surnames: BTreeSet::new(),
        };
        let mut rng = SplitMix64::new(1);
        let got: Vec<String> = edits(&d, Kind::QuoteWord, &pool, &mut rng)
            .iter()
            .map(|e| e.apply(text))
            .collect();
        assert!(
            got.contains(&"“We would not raise taxes on families,” the mayor said.".to_string())
        );
        assert!(got.contains(&"“We will raise taxes on families,” the mayor said.".to_string()));
        assert!(!got.iter().any(|g| g.contains("will not not")), "{got:?}");
    }

    #[test]
    fn speaker_of_a_direct_quote_becomes_another_named_person() {
        let t = "“Jobs first,” said Maria Lopez.";
        let mut other = doc(t);
        let m = t.find("Maria").unwrap();
        other.attributions.push(GoldAttribution {
            source: vec![Span::new(m, m + "Maria Lopez".len())],
            content: vec![Span::new(0, m - " said ".len())],
            cue: Vec::new(),
        });
        let text = "“We will fix the roads this year,” Paul Novak said.";
        let mut d = doc(text);
        let src = text.find("Paul").unwrap();
        d.attributions.push(GoldAttribution {
            source: vec![Span::new(src, src + 10)],
            content: vec![Span::new(0, src - 1)],
            cue: Vec::new(),
        });
        let l = Lists::get();
        let pool = NamePool::build(&[other, d.clone()], l);
        assert_eq!(pool.names.len(), 2);
        let mut rng = SplitMix64::new(3);
        let e = edits(&d, Kind::Speaker, &pool, &mut rng);
        assert_eq!(e.len(), 1);
        assert_eq!(
            e[0].apply(text),
            "“We will fix the roads this year,” Maria Lopez said."
        );
        let copy = e[0].apply(text);
        assert_eq!(e[0].copy_target(&copy)[0].slice(&copy), "Maria Lopez");
    }

    #[test]
    fn a_name_the_source_phrase_describes_is_no_speaker() {
        let pool = NamePool {
            names: vec![
                ("Maria Lopez".into(), "Lopez".into()),
                ("Paul Novak".into(), "Novak".into()),
            ],
            surnames: ["Lopez".to_string(), "Novak".to_string()].into(),
        };
        let edited = |source: &str| {
            let text = format!("“We will fix the roads this year,” said {source}.");
            let mut d = doc(&text);
            let src = text.find(source).unwrap();
            d.attributions.push(GoldAttribution {
                source: vec![Span::new(src, src + source.len())],
                content: vec![Span::new(0, src - " said ".len())],
                cue: Vec::new(),
            });
            let mut rng = SplitMix64::new(3);
            edits(&d, Kind::Speaker, &pool, &mut rng)
                .iter()
                .map(|e| e.apply(&text))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            edited("Sen. Paul Novak"),
            vec!["“We will fix the roads this year,” said Sen. Maria Lopez."]
        );
        // a transcript line inside the quotation marks
        let text = "“Paul Novak: We will fix the roads this year.”";
        let mut d = doc(text);
        d.attributions.push(GoldAttribution {
            source: vec![Span::new(3, 3 + "Paul Novak".len())],
            content: vec![Span::new(3 + "Paul Novak: ".len(), text.len() - 4)],
            cue: Vec::new(),
        });
        let mut rng = SplitMix64::new(3);
        assert!(edits(&d, Kind::Speaker, &pool, &mut rng).is_empty());
        for source in [
            "Rick Tyler, a spokesman for Paul Novak",
            "a spokesman for Paul Novak",
            "the only senator to endorse Novak",
        ] {
            assert_eq!(edited(source), Vec::<String>::new(), "{source}");
        }
    }

    #[test]
    fn map_and_targets() {
        let text = "We will win now.";
        let e = Edit {
            kind: Kind::QuoteWord,
            rule: "add_not".into(),
            span: Span::new(7, 7),
            replacement: " not".into(),
            content: Vec::new(),
        };
        let copy = e.apply(text);
        assert_eq!(copy, "We will not win now.");
        assert_eq!(e.copy_target(&copy)[0].slice(&copy), " not");
        assert_eq!(e.map(Span::new(8, 11)).slice(&copy), "win");
        assert_eq!(e.map(Span::new(0, 15)).slice(&copy), "We will not win now");
        assert_eq!(e.orig_target(text)[0].slice(text), "l");
    }
}
