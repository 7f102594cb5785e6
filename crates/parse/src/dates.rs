//! Date and time expressions, normalised against the article's date.
//!
//! [`extract`] finds absolute dates (“4 February”, “January 26, 2022”,
//! “2022-01-26”, “mid-February”, “in 2021”) and relative ones (“on Friday”,
//! “yesterday”, “last week”, “in the next few days”, “three days ago”) and
//! resolves them against the reference date (the article's publication date).
//!
//! # Rules
//!
//! **Spans.** A span covers the date expression itself. A plain “on”/“in”/
//! “during”/“the” in front is left out (“on Friday” → `Friday`). Words that
//! change the meaning are kept: modifiers (`last`, `next`, `this`, `coming`,
//! `past`, `earlier`, `later`), offsets (`in two weeks`, `within a week`,
//! `three days ago`) and bounds (`by`, `until`, `till`, `before`, `after`,
//! `since`, `from`, `through`): “by mid-February” keeps `by`, and the bound is
//! also named in `reason` (“bound 'by' (deadline)”) so a deadline reading is
//! visible.
//!
//! **Day and month without a year** (“4 February”, “Thursday, February 2”)
//! are [`DateReading::Absolute`]: the year is taken from the reference date,
//! choosing among the reference's year and its neighbours the one that puts
//! the date nearest the reference (on a tie, the past one). Without a
//! reference they are unresolved with reason “no year and no reference date”.
//! A written weekday that does not match the computed date is kept and the
//! mismatch is named in `reason`.
//!
//! **News mode.** A bare weekday (“on Friday”, “this Tuesday night”) or a
//! month without a year (“in February”, “by mid-February”) is
//! [`DateReading::Relative`] and resolves to the nearest such day or month
//! **in the past** of the reference date, unless a future cue is nearer to
//! the expression than any past cue in the same clause of its sentence.
//! Future cues: a `by`/`until`/`till` bound, `will`, `would` (reported
//! future: “said he would meet Lavrov on Friday”), `shall`, `’ll`, `won't`,
//! `next`, `coming`, `upcoming`, `is going to`, `to be held`, `expected to`,
//! `plans to`, `scheduled`, `planned`. Past cues: a `since` bound, `ago`,
//! `last`, `earlier`, `previous`, `was`, `were`, `had`, `did`, common irregular
//! past verbs (`said`, `met`, `told`, …) and an `-ed` verb right before the
//! expression (“announced on Tuesday”). The clause is the part of the
//! sentence between punctuation marks (`, ; : ( ) “ ” – —`) and conjunctions
//! (`and`, `but`, `while`, `who`, `whom`, `which`, `that`, …), at most ten
//! words either side. `reason` says which way and why, e.g. “weekday
//! resolved to the past of 2022-01-27 (cue 'met')”.
//!
//! A weekday equal to the reference's weekday is the reference day itself
//! (wire copy names same-day events by weekday), except with `last`/`past`
//! (seven days before) or `next` (seven days after). `last X`/`next X`
//! always mean the nearest X strictly before/after the reference; `coming X`
//! is always future. A month equal to the reference month is the reference
//! month itself in either direction.
//!
//! **Periods.** Weeks are ISO weeks (Monday–Sunday): “last week” is the
//! previous ISO week, “this week” the current one, “next week” the next.
//! “last/this/next month/year” are whole calendar months/years; “the past
//! week/month/year” is the period up to the day before the reference.
//! “earlier this week/month/year” runs from the period's start to the day
//! before the reference; “later this …” from the day after to the period's
//! end. Parts of a month: early = days 1–10, mid = 11–20, late (and “end
//! of”) = 21–end. Parts of a year: early = January–April, mid = May–August,
//! late = September–December; “the end of the year”/“the end of 2021” =
//! December, “the beginning of …” = January.
//!
//! **Spans of days.** “(in) the next few days”, “coming days”, “the days
//! ahead”, “in a few days” = the day after the reference to seven days after
//! ([`Granularity::Week`]); “a couple of days” = three days; “the next few
//! weeks” = 28 days ([`Granularity::Month`]); “the past few days” mirrors
//! into the past. “in two weeks” is the single day 14 days after the
//! reference with [`Granularity::Week`] (its precision); “within two weeks”
//! is the interval from the day after the reference to that day; “three
//! days ago” is 3 days before.
//!
//! **Vague expressions.** “soon”, “shortly” and “the near future” are
//! emitted as relative, unresolved, [`Granularity::Unknown`] with reason
//! “vague future ('shortly'): not resolved to a date”. “as soon as”, “soon
//! after”, “shortly before/after” (relative to an event, not the article)
//! are not emitted.
//!
//! Relative expressions without a reference date come out with
//! `value: None`, `resolved: false`, reason “relative date and no reference
//! date”, and the granularity they would have had.
//!
//! **Not dates.** Month and weekday names must be capitalised (so “may
//! attack” and “they march” never match). “May”, “March”, “April”, “June”
//! and “August” without a day, a year or a part (“mid-May”) need a cue in
//! front (`in`, `since`, `by`, `until`, `last`, …) and must not be followed
//! by a reporting verb (“May said”); any bare month right after another
//! capitalised word is taken for a name (“Theresa May”). A four-digit number
//! is a year only between 1900 and 2099, after a cue (`in`, `since`, `by`,
//! `until`, `from`, `before`, `after`, `during`, `through`, `end of`, …) or
//! a part (`mid-2022`), and not when followed by a unit or counted noun
//! (“by 2000 soldiers”) or after a verb of change (“rose by 2000”). A day
//! number followed by a counted noun (“March 15 people”) is not a date.
//! US numeric dates (“1/26/2022”) are not recognised.

use crate::analysis::Analysis;
use crate::lexicon::{self, Class, Classes};
use crate::model::{DateMention, DateReading, DateValue, Granularity, Sentence, Span};
use crate::rules::{Rule, RuleSet};
use crate::text::Token;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::collections::BTreeMap;
use std::sync::{LazyLock, OnceLock};

/// Finds date expressions in `text` and resolves relative ones against
/// `reference` (the article's publication date).
///
/// `sentences` are the trimmed sentence spans of `text` in text order (see
/// [`crate::sentences::split`]); they give the clause context that decides
/// whether a bare weekday or month lies in the past or the future. The
/// result is in text order, without overlapping mentions (the longest
/// expression wins). See the [module documentation](self) for the rules.
///
/// ```
/// use chrono::NaiveDate;
/// use crosscheck_parse::{dates, sentences, DateValue};
///
/// let text = "Blinken, who met Lavrov on Friday in Geneva, will speak again \
///             by mid-February.";
/// let reference = NaiveDate::from_ymd_opt(2022, 1, 27); // a Thursday
/// let found = dates::extract(text, &sentences::split(text), reference);
///
/// assert_eq!(found[0].text, "Friday");
/// assert_eq!(found[0].value, Some(DateValue::Day(NaiveDate::from_ymd_opt(2022, 1, 21).unwrap())));
/// assert_eq!(found[1].text, "by mid-February");
/// assert_eq!(found[1].value.unwrap().start().to_string(), "2022-02-11");
/// assert_eq!(found[1].value.unwrap().end().to_string(), "2022-02-20");
/// ```
pub fn extract(
    text: &str,
    sentences: &[Sentence],
    reference: Option<NaiveDate>,
) -> Vec<DateMention> {
    extract_from(
        &Analysis::with_sentences(text, sentences.to_vec()),
        reference,
    )
}

/// A date pattern declared as a token rule ([`crate::rules`]), and the
/// rank of its handler in [`extract_from`]'s table.
struct DateRule {
    rank: usize,
    rule: Rule,
}

/// The date patterns that are token rules: each is one entry, its handler
/// and its examples (run by a unit test). The other patterns are still the
/// hand matchers of [`MATCHERS`], to move here one by one.
const DATE_RULES: &[DateRule] = &[DateRule {
    rank: 10,
    rule: Rule {
        name: "ahead",
        pattern: "unit=(days|weeks|months) ahead",
        examples: &[
            "Talks will go on in the [{unit:days} ahead].",
            "In the [{unit:MONTHS} ahead], prices rise.",
            "!The weeks-ahead plan was shelved.",
            "!They were days from a deal.",
        ],
    },
}];

/// [`DATE_RULES`] compiled.
fn date_rules() -> &'static RuleSet {
    static R: LazyLock<RuleSet> = LazyLock::new(|| {
        let rules: Vec<Rule> = DATE_RULES.iter().map(|d| d.rule).collect();
        RuleSet::new(&rules).expect("the date rules parse (a unit test checks them)")
    });
    &R
}

/// [`extract`] over an article's [`Analysis`].
pub(crate) fn extract_from(a: &Analysis, reference: Option<NaiveDate>) -> Vec<DateMention> {
    let text = a.text();
    let sentences = a.sentences();
    let ctx = Ctx {
        text,
        sentences,
        reference,
    };
    // capacities here and below: enough for most articles without growing
    // the vectors several times (measured against smaller and larger ones)
    let mut cands: Vec<Cand> = Vec::with_capacity(16);
    type Handler = fn(&Ctx, &Caps) -> Option<Cand>;
    let table: [Handler; 13] = [
        iso_date,
        absolute_day,
        absolute_day,
        month_expr,
        year_expr,
        weekday_expr,
        deictic_expr,
        period_expr,
        part_period_expr,
        few_expr,
        ahead_expr,
        offset_expr,
        vague_expr,
    ];
    // Every match starts at an ASCII word start whose first word is one of
    // a few keywords (or a number): one pass over the text lists those
    // starts with the patterns that can begin there, and each pattern's
    // matcher (see `MATCHERS`) is tried there. This gives exactly the
    // matches the patterns' regexes give with `captures_iter`
    // (leftmost-first: the next match is the one at the first start >= the
    // end of the previous one where the pattern matches), without 13 scans
    // of the whole text.
    let starts = match_starts(text, a.tokens());
    let scan = Scan {
        t: text,
        b: text.as_bytes(),
        toks: a.tokens(),
    };
    // One pass over the starts, each pattern with its own `from`: the
    // candidates come in another order than pattern by pattern, which
    // `select` does not see (its sort key is unique per candidate).
    let mut from = [0usize; MATCHERS.len()];
    let mut push = |c: Option<Cand>, rank: usize| {
        if let Some(mut c) = c {
            if c.start < c.end
                && c.end <= text.len()
                && text.is_char_boundary(c.start)
                && text.is_char_boundary(c.end)
            {
                c.rank = rank;
                cands.push(c);
            }
        }
    };
    for &(pos, mask) in &starts {
        let mut bits = mask;
        while bits != 0 {
            let rank = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if pos < from[rank] {
                continue;
            }
            let Some(caps) = MATCHERS[rank](scan, pos) else {
                continue;
            };
            from[rank] = caps.end();
            push(table[rank](&ctx, &caps), rank);
        }
    }
    // the patterns declared as token rules, over the analysis' pieces
    let pieces = a.pieces();
    for (rule, m) in date_rules().find_iter(text, pieces) {
        let Some(d) = DATE_RULES.iter().find(|d| d.rule.name == rule.name) else {
            continue;
        };
        let whole = m.span(pieces);
        let mut caps = Caps::new(text, whole.start, whole.end);
        for (i, name) in g::NAMES.iter().enumerate().skip(1) {
            caps.set_opt(i, m.capture_span(name, pieces).map(|s| (s.start, s.end)));
        }
        push(table[d.rank](&ctx, &caps), d.rank);
    }
    select(text, cands)
}

/// Picks non-overlapping candidates, longest first, and returns them in
/// text order.
fn select(text: &str, mut cands: Vec<Cand>) -> Vec<DateMention> {
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
            .then(a.rank.cmp(&b.rank))
    });
    let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
    // The kept spans by start, to find the one that could overlap a
    // candidate in O(log n): comparing with every kept span made an article
    // of 50,000 dates take seconds, and grew with the square of the count.
    let mut by_start: BTreeMap<usize, usize> = BTreeMap::new();
    for c in cands {
        // Every pattern consumes at least one word or digit, so no
        // candidate is empty. The kept spans are then non-empty and pairwise
        // disjoint, so ordered by start they are ordered by end too: if any
        // kept span overlaps [start, end), the last one starting before
        // `end` does.
        debug_assert!(c.start < c.end, "empty date candidate");
        let clash = by_start
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &end)| end > c.start);
        if !clash {
            by_start.insert(c.start, c.end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept.into_iter()
        .map(|c| DateMention {
            text: text[c.start..c.end].to_string(),
            span: Span::new(c.start, c.end),
            resolved: c.value.is_some(),
            value: c.value,
            granularity: c.granularity,
            reading: c.reading,
            reason: if c.reasons.0.is_empty() {
                None
            } else {
                Some(c.reasons.0)
            },
            time_of_day: c.time_of_day,
        })
        .collect()
}

/// One capture group of a date match, with positions in the article text.
#[derive(Clone, Copy)]
struct M<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

impl<'t> M<'t> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// ASCII word bytes (`[0-9A-Za-z_]`), the bytes `(?-u:\b)` looks at.
const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_';
        c += 1;
    }
    t
};

/// Pattern bits for a first word that is a number (`iso`, `day_month`,
/// `year`, `offset`).
const DIGIT_START: u16 = 1 << 0 | 1 << 2 | 1 << 4 | 1 << 11;

/// The lexicon classes each pattern (by table rank) can begin with: a
/// match starts with a word of one of them, or with a number
/// ([`DIGIT_START`]). A pre-filter: the matchers check the words
/// themselves.
const FIRST_CLASSES: [Classes; 13] = [
    // 0 iso: a number
    Classes::NONE,
    // 1 month_day: weekday `,?\s+` month, or month (`.`) day
    Classes::all(&[Class::Weekday, Class::Month, Class::MonthAbbr]),
    // 2 day_month: weekday `,?\s+` day (or a number)
    Classes::of(Class::Weekday),
    // 3 month: a month, or a part word before one
    Classes::all(&[Class::Month, Class::DatePart]),
    // 4 year: a cue word before a part word or a 19xx/20xx year
    Classes::all(&[Class::DatePreposition, Class::DatePart]),
    // 5 weekday: a weekday, or a modifier before one (`this past`)
    Classes::all(&[Class::Weekday, Class::DateModifier]),
    // 6 deictic: `yesterday`, `the day …`, `last night`, `this morning`
    Classes::all(&[Class::DeicticDay, Class::Article, Class::DateModifier]),
    // 7 period: `earlier/later` before a modifier, a modifier before a unit
    Classes::of(Class::DateModifier),
    // 8 part_period: part word `of`
    Classes::of(Class::DatePart),
    // 9 few: direction before few/couple/several, a count or a unit
    Classes::of(Class::DateModifier),
    // 10 ahead: a token rule (`DATE_RULES`)
    Classes::NONE,
    // 11 offset: in/within before a count; a count before a unit
    Classes::all(&[Class::DatePreposition, Class::Article, Class::NumberWord]),
    // 12 vague
    Classes::of(Class::VagueTime),
];

/// Every class some pattern can begin with.
const ANY_FIRST: Classes = {
    let mut all = Classes::NONE;
    let mut r = 0;
    while r < FIRST_CLASSES.len() {
        all = all.union(FIRST_CLASSES[r]);
        r += 1;
    }
    all
};

/// The pattern bits (table ranks) that can begin with a word of
/// `classes`.
fn first_mask(classes: Classes) -> u16 {
    if !classes.intersects(ANY_FIRST) {
        return 0; // most words
    }
    (0..FIRST_CLASSES.len())
        .filter(|&r| classes.intersects(FIRST_CLASSES[r]))
        .fold(0, |m, r| m | 1 << r)
}

/// The ASCII word starts of `text` where some pattern can begin, with the
/// bits (table ranks) of those patterns. A match of any pattern starts at an
/// ASCII word boundary (`{B}`) with a word character, and its first word
/// (the whole run of ASCII word characters: every keyword in the patterns is
/// followed by white space, `{B}`, `.` or a dash) is a number or a word of
/// [`FIRST_CLASSES`]. `tokens` are the article's tokens: a run that is a
/// whole token has that token's classes, other runs are looked up.
fn match_starts(text: &str, tokens: &[Token]) -> Vec<(usize, u16)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut t = 0;
    let mut i = 0;
    while i < b.len() {
        if !WORD[usize::from(b[i])] {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && WORD[usize::from(b[i])] {
            i += 1;
        }
        let mask = if b[s].is_ascii_digit() {
            DIGIT_START
        } else {
            while t < tokens.len() && tokens[t].span.start < s {
                t += 1;
            }
            let classes = match tokens.get(t) {
                Some(tok) if tok.span == Span::new(s, i) => tok.classes,
                // ASCII word bytes: `s..i` are char boundaries
                _ => lexicon::classes(&text[s..i]),
            };
            first_mask(classes)
        };
        if mask != 0 {
            out.push((s, mask));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Matchers
//
// Each pattern is matched by hand, anchored at a candidate start, with the
// semantics of the regex it replaces (leftmost-first: alternatives and
// greedy repetitions are tried in the regex's order, backtracking included).
// The regexes are kept in the tests, which compare every group of both on
// random texts. Notation in the docs: `\s` is Unicode white space, except
// inside `(?i-u:…)` where it is ASCII (`[\t\n\v\f\r ]`); `{B}` is the ASCII
// word boundary `(?-u:\b)`; literals are ASCII case-insensitive.

/// Capture group indices of [`Caps`], one per group name of the patterns.
mod g {
    /// The whole match.
    pub const WHOLE: usize = 0;
    /// Group `y`.
    pub const Y: usize = 1;
    /// Group `mo`.
    pub const MO: usize = 2;
    /// Group `d`.
    pub const D: usize = 3;
    /// Group `dd`.
    pub const DD: usize = 4;
    /// Group `d2`.
    pub const D2: usize = 5;
    /// Group `dd2`.
    pub const DD2: usize = 6;
    /// Group `wd`.
    pub const WD: usize = 7;
    /// Group `m`.
    pub const M: usize = 8;
    /// Group `part`.
    pub const PART: usize = 9;
    /// Group `part2`.
    pub const PART2: usize = 10;
    /// Group `cue`.
    pub const CUE: usize = 11;
    /// Group `mod`.
    pub const MOD: usize = 12;
    /// Group `tod`.
    pub const TOD: usize = 13;
    /// Group `w`.
    pub const W: usize = 14;
    /// Group `adv`.
    pub const ADV: usize = 15;
    /// Group `unit`.
    pub const UNIT: usize = 16;
    /// Group `dir`.
    pub const DIR: usize = 17;
    /// Group `q`.
    pub const Q: usize = 18;
    /// Group `qn`.
    pub const QN: usize = 19;
    /// Group `pre`.
    pub const PRE: usize = 20;
    /// Group `n`.
    pub const N: usize = 21;
    /// Group `nn`.
    pub const NN: usize = 22;
    /// Group `ago`.
    pub const AGO: usize = 23;
    /// Group `v`.
    pub const V: usize = 24;
    /// Number of groups.
    pub const COUNT: usize = 25;
    /// Group names by index (as in the regexes and the rules' captures).
    pub const NAMES: [&str; COUNT] = [
        "", "y", "mo", "d", "dd", "d2", "dd2", "wd", "m", "part", "part2", "cue", "mod", "tod",
        "w", "adv", "unit", "dir", "q", "qn", "pre", "n", "nn", "ago", "v",
    ];
}

/// A byte span `[start, end)` of the text.
type Sp = (usize, usize);

/// Marks a group that did not take part in the match.
const NO_SPAN: Sp = (usize::MAX, usize::MAX);

/// The capture groups of one match (indexed by the [`g`] constants), with
/// positions in the article text.
struct Caps<'a> {
    text: &'a str,
    spans: [Sp; g::COUNT],
}

impl<'a> Caps<'a> {
    /// A match of `[start, end)` with no group set yet.
    fn new(text: &'a str, start: usize, end: usize) -> Self {
        let mut spans = [NO_SPAN; g::COUNT];
        spans[g::WHOLE] = (start, end);
        Caps { text, spans }
    }

    /// Sets group `i` to `span`.
    fn set(&mut self, i: usize, span: Sp) {
        self.spans[i] = span;
    }

    /// Sets group `i` to `span` when there is one.
    fn set_opt(&mut self, i: usize, span: Option<Sp>) {
        if let Some(s) = span {
            self.spans[i] = s;
        }
    }

    /// Group `i`, `None` when it did not take part in the match.
    fn get(&self, i: usize) -> Option<M<'a>> {
        let (start, end) = self.spans[i];
        (start != usize::MAX).then_some(M {
            start,
            end,
            text: self.text,
        })
    }

    /// End of the whole match.
    fn end(&self) -> usize {
        self.spans[g::WHOLE].1
    }
}

/// `early|mid|late`.
const PARTS: [&str; 3] = ["early", "mid", "late"];
/// `morning|afternoon|evening|night`.
const TIMES_OF_DAY: [&str; 4] = ["morning", "afternoon", "evening", "night"];

/// The [`Scan::run`] key of a lowercase word of at most 16 letters and
/// digits: its bytes, little-endian ([`crate::lexicon::pack_lower`], which
/// leaves such bytes as they are).
const fn key(w: &str) -> u128 {
    let b = w.as_bytes();
    assert!(!b.is_empty() && b.len() <= 16);
    let mut i = 0;
    while i < b.len() {
        assert!(b[i].is_ascii_lowercase() || b[i].is_ascii_digit());
        i += 1;
    }
    // each byte `| 0x20`: ASCII lowercasing for letters, no change for digits
    let mut v = 0u128;
    let mut k = 0;
    while k < b.len() {
        v |= ((b[k] | 0x20) as u128) << (8 * k);
        k += 1;
    }
    v
}

/// The keys of `words`.
const fn keys<const N: usize>(words: [&str; N]) -> [u128; N] {
    let mut out = [0u128; N];
    let mut i = 0;
    while i < N {
        out[i] = key(words[i]);
        i += 1;
    }
    out
}

/// `&keys([…])`, evaluated at compile time.
macro_rules! kw {
    ($($w:expr),+ $(,)?) => {
        &const { keys([$($w),+]) }
    };
}

/// The text a pattern runs on, with the pieces the patterns are built from.
/// Positions are byte offsets into the whole text; the match may run to
/// its end.
#[derive(Clone, Copy)]
struct Scan<'t> {
    t: &'t str,
    b: &'t [u8],
    /// The article's tokens (their classes answer for the word runs that
    /// are whole tokens; empty: every run is looked up).
    toks: &'t [Token],
}

impl<'t> Scan<'t> {
    /// Whether the byte at `i` is an ASCII word byte (false past the end).
    fn word(self, i: usize) -> bool {
        self.b.get(i).is_some_and(|&c| WORD[usize::from(c)])
    }

    /// `{B}` at `i`: an ASCII word byte on one side only (before the text
    /// counts as a non-word byte, as in the regex).
    fn boundary(self, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|j| self.word(j)) != self.word(i)
    }

    /// End of the run of ASCII word bytes from `i`.
    fn word_end(self, mut i: usize) -> usize {
        while self.word(i) {
            i += 1;
        }
        i
    }

    /// The literal `lit` (lowercase ASCII) at `i`, ASCII case-insensitive:
    /// its end.
    fn lit(self, i: usize, lit: &str) -> Option<usize> {
        let e = i.checked_add(lit.len())?;
        let s = self.b.get(i..e)?;
        s.eq_ignore_ascii_case(lit.as_bytes()).then_some(e)
    }

    /// The word run at `i`: its end and its [`key`] (`None` when longer
    /// than any key). A word byte with bit 5 set is a lowercase letter, a
    /// digit or DEL (from `_`), so two runs have the same key exactly when
    /// they are the same word up to ASCII case.
    fn run(self, i: usize) -> (usize, Option<u128>) {
        let e = self.word_end(i);
        let n = e - i;
        if n > 16 {
            return (e, None);
        }
        let mask = if n == 16 {
            u128::MAX
        } else {
            (1u128 << (8 * n)) - 1
        };
        let raw = match self.b.get(i..i + 16) {
            Some(c) => c.try_into().map_or(0, u128::from_le_bytes),
            None => self.b[i..e]
                .iter()
                .rev()
                .fold(0, |k, &c| (k << 8) | u128::from(c)),
        };
        (e, Some((raw | (0x20 * (u128::MAX / 0xFF))) & mask))
    }

    /// `(?i-u:WORDS){B}` for the words of lexicon class `c`: the end of
    /// the word run at `i` when it is one of them.
    fn word_of(self, i: usize, c: Class) -> Option<usize> {
        let e = self.word_end(i);
        (e > i && self.run_classes(i, e).has(c)).then_some(e)
    }

    /// The lexicon classes of the word run `i..e`: those of the token it
    /// is, else looked up.
    fn run_classes(self, i: usize, e: usize) -> Classes {
        match self.toks.binary_search_by_key(&i, |t| t.span.start) {
            Ok(k) if self.toks[k].span.end == e => self.toks[k].classes,
            // a non-empty run is ASCII: `i..e` are char boundaries
            _ => self.t.get(i..e).map_or(Classes::NONE, lexicon::classes),
        }
    }

    /// `(?i-u:a|b|…){B}` for literals of word bytes: the word run at `i`
    /// when it is one of the words of `keys` (the `{B}` lets at most one
    /// alternative match, the one as long as the run): its end.
    fn word_in(self, i: usize, keys: &[u128]) -> Option<usize> {
        Self::run_in(self.run(i), keys)
    }

    /// [`Scan::word_in`] for a word run already keyed by [`Scan::run`],
    /// for a matcher that tries several word lists at one place.
    fn run_in((e, k): (usize, Option<u128>), keys: &[u128]) -> Option<usize> {
        k.filter(|k| keys.contains(k)).map(|_| e)
    }

    /// The words of `phrase` (lowercase, single spaces) at `i`, separated by
    /// ASCII `\s+` as in `(?i-u:the\s+day)`: its end.
    fn phrase(self, i: usize, phrase: &str) -> Option<usize> {
        let mut j = i;
        for &p in phrase.as_bytes() {
            if p == b' ' {
                let s = j;
                while self
                    .b
                    .get(j)
                    .is_some_and(|c| matches!(c, b'\t'..=b'\r' | b' '))
                {
                    j += 1;
                }
                if j == s {
                    return None;
                }
            } else {
                if self.b.get(j)?.to_ascii_lowercase() != p {
                    return None;
                }
                j += 1;
            }
        }
        Some(j)
    }

    /// [`Scan::phrase`] for an alternative that can only lead to a match
    /// when its first word is the whole word run `[i, run_end)` (what
    /// follows each literal in the patterns is never a word byte): a length
    /// test rules out the others before any byte is compared.
    fn phrase_in_run(self, i: usize, run_end: usize, phrase: &str) -> Option<usize> {
        let n = run_end - i;
        let p = phrase.as_bytes();
        if p.len() < n || (p.len() > n && p[n] != b' ') {
            return None;
        }
        self.phrase(i, phrase)
    }

    /// Unicode `\s*` from `i`: its end.
    fn ws0(self, mut i: usize) -> usize {
        while let Some(&c) = self.b.get(i) {
            if c < 0x80 {
                if !matches!(c, b'\t'..=b'\r' | b' ') {
                    break;
                }
                i += 1;
            } else {
                match self.t.get(i..).and_then(|s| s.chars().next()) {
                    Some(ch) if ch.is_whitespace() => i += ch.len_utf8(),
                    _ => break,
                }
            }
        }
        i
    }

    /// Unicode `\s+` from `i`: its end.
    fn ws1(self, i: usize) -> Option<usize> {
        let e = self.ws0(i);
        (e > i).then_some(e)
    }

    /// Number of ASCII digits from `i`.
    fn digits(self, i: usize) -> usize {
        self.b
            .get(i..)
            .map_or(0, |s| s.iter().take_while(|c| c.is_ascii_digit()).count())
    }

    /// `[-–]` at `i`: its end.
    fn dash(self, i: usize) -> Option<usize> {
        match self.b.get(i..)? {
            [b'-', ..] => Some(i + 1),
            [0xE2, 0x80, 0x93, ..] => Some(i + 3),
            _ => None,
        }
    }

    /// `\s*[-–]\s*` from `i`: its end.
    fn dash_sep(self, i: usize) -> Option<usize> {
        Some(self.ws0(self.dash(self.ws0(i))?))
    }

    /// `(?i-u:st|nd|rd|th)` at `i`: its end.
    fn ord_suffix(self, i: usize) -> Option<usize> {
        ["st", "nd", "rd", "th"].iter().find_map(|s| self.lit(i, s))
    }

    /// `(?:(?P<wd>(?i-u:WEEKDAYS)),?\s+)?` at `i`, then `k`.
    fn opt_weekday<R>(self, i: usize, k: impl Fn(usize) -> Option<R>) -> Option<(Option<Sp>, R)> {
        // the weekday must be the whole word run: a `,` or `\s` follows
        if let Some(e) = self.word_of(i, Class::Weekday) {
            // `,?` is greedy, and `\s+` cannot start at a comma
            let c = if self.b.get(e) == Some(&b',') {
                e + 1
            } else {
                e
            };
            if let Some(r) = self.ws1(c).and_then(&k) {
                return Some((Some((i, e)), r));
            }
        }
        k(i).map(|r| (None, r))
    }

    /// `(?P<m>(?i-u:MONTHS_FULL){B}|(?i-u:MONTHS_ABBR){B}\.?)` at `i`: its
    /// end. Taking the `.` is never undone: what follows the month in the
    /// patterns either cannot start at a `.` (`\s+`) or is optional.
    fn month_tok(self, i: usize) -> Option<usize> {
        let e = self.word_end(i);
        if e == i {
            return None;
        }
        let classes = self.run_classes(i, e);
        if classes.has(Class::Month) {
            return Some(e);
        }
        if classes.has(Class::MonthAbbr) {
            return Some(if self.b.get(e) == Some(&b'.') {
                e + 1
            } else {
                e
            });
        }
        None
    }

    /// `(?:,?\s+(?P<y>[0-9]{4}))?` at `i`: the end and the year.
    fn year_tail(self, i: usize) -> (usize, Option<Sp>) {
        let c = if self.b.get(i) == Some(&b',') {
            i + 1
        } else {
            i
        };
        match self.ws1(c) {
            Some(k) if self.digits(k) >= 4 => (k + 4, Some((k, k + 4))),
            _ => (i, None),
        }
    }

    /// `(?P<dd>(?P<d>[0-9]{1,2})(?i-u:st|nd|rd|th)?)` followed by
    /// `(?:\s*[-–]\s*(?P<dd2>(?P<d2>[0-9]{1,2})(?i-u:st|nd|rd|th)?))?` at
    /// `i`, then `k` at the end: every way to match them, in the regex's
    /// order, until `k` accepts one.
    fn day_block<R>(self, i: usize, k: impl Fn(usize) -> Option<R>) -> Option<(DaySpans, R)> {
        let n = self.digits(i);
        for dl in (1..=n.min(2)).rev() {
            let de = i + dl;
            for dde in [self.ord_suffix(de), Some(de)].into_iter().flatten() {
                if let Some(s2) = self.dash_sep(dde) {
                    let n2 = self.digits(s2);
                    for dl2 in (1..=n2.min(2)).rev() {
                        let de2 = s2 + dl2;
                        for dde2 in [self.ord_suffix(de2), Some(de2)].into_iter().flatten() {
                            if let Some(r) = k(dde2) {
                                let spans = DaySpans {
                                    d: (i, de),
                                    dd: (i, dde),
                                    second: Some(((s2, de2), (s2, dde2))),
                                };
                                return Some((spans, r));
                            }
                        }
                    }
                }
                if let Some(r) = k(dde) {
                    let spans = DaySpans {
                        d: (i, de),
                        dd: (i, dde),
                        second: None,
                    };
                    return Some((spans, r));
                }
            }
        }
        None
    }

    /// `(?:19|20)[0-9]{2}{B}` at `i`: its end.
    fn year4(self, i: usize) -> Option<usize> {
        let head = self.b.get(i..i + 2)?;
        ((head == b"19" || head == b"20") && self.digits(i + 2) >= 2 && self.boundary(i + 4))
            .then_some(i + 4)
    }

    /// `(?:(?P<part>(?i-u:early|mid|late))(?:\s*[-–]\s*|\s+))?` at `i`,
    /// then `k`; `run` is the word run at `i` keyed by [`Scan::run`].
    fn opt_part<R>(
        self,
        i: usize,
        run: (usize, Option<u128>),
        k: impl Fn(usize) -> Option<R>,
    ) -> Option<(Option<Sp>, R)> {
        if let Some(e) = Self::run_in(run, &const { keys(PARTS) }) {
            for j in [self.dash_sep(e), self.ws1(e)].into_iter().flatten() {
                if let Some(r) = k(j) {
                    return Some((Some((i, e)), r));
                }
            }
        }
        k(i).map(|r| (None, r))
    }

    /// `(?:\s+(?P<tod>(?i-u:morning|afternoon|evening|night)){B})?` at `i`:
    /// the end and the time of day.
    fn opt_tod(self, i: usize) -> (usize, Option<Sp>) {
        match self.ws1(i) {
            Some(k) => match self.word_in(k, &const { keys(TIMES_OF_DAY) }) {
                Some(e) => (e, Some((k, e))),
                None => (i, None),
            },
            None => (i, None),
        }
    }
}

/// The day groups of [`Scan::day_block`]: `d`, `dd` and, for a range,
/// `(d2, dd2)`.
struct DaySpans {
    d: Sp,
    dd: Sp,
    second: Option<(Sp, Sp)>,
}

impl DaySpans {
    /// Sets the day groups of `c`.
    fn set(&self, c: &mut Caps) {
        c.set(g::D, self.d);
        c.set(g::DD, self.dd);
        if let Some((d2, dd2)) = self.second {
            c.set(g::D2, d2);
            c.set(g::DD2, dd2);
        }
    }
}

/// `{B}(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2}){B}`
fn match_iso(s: Scan, i: usize) -> Option<Caps> {
    let b = s.b;
    let ok = s.digits(i) == 4
        && b.get(i + 4) == Some(&b'-')
        && s.digits(i + 5) == 2
        && b.get(i + 7) == Some(&b'-')
        && s.digits(i + 8) >= 2
        && s.boundary(i + 10);
    if !ok {
        return None;
    }
    let mut c = Caps::new(s.t, i, i + 10);
    c.set(g::Y, (i, i + 4));
    c.set(g::MO, (i + 5, i + 7));
    c.set(g::D, (i + 8, i + 10));
    Some(c)
}

/// `{B}{wd}{month}\s+{day}{day2}{B}{year_tail}` (month then day).
fn match_month_day(s: Scan, i: usize) -> Option<Caps> {
    let (wd, (m, days, (end, y))) = s.opt_weekday(i, |j| {
        let me = s.month_tok(j)?;
        let k = s.ws1(me)?;
        let (days, tail) = s.day_block(k, |e| s.boundary(e).then(|| s.year_tail(e)))?;
        Some(((j, me), days, tail))
    })?;
    let mut c = Caps::new(s.t, i, end);
    c.set_opt(g::WD, wd);
    c.set(g::M, m);
    days.set(&mut c);
    c.set_opt(g::Y, y);
    Some(c)
}

/// `{B}{wd}{day}{day2}\s+(?:(?i-u:of)\s+)?{month}{year_tail}` (day then
/// month).
fn match_day_month(s: Scan, i: usize) -> Option<Caps> {
    let (wd, (days, (m, (end, y)))) = s.opt_weekday(i, |j| {
        s.day_block(j, |e| {
            let k = s.ws1(e)?;
            if let Some(k2) = s.lit(k, "of").and_then(|x| s.ws1(x)) {
                if let Some(me) = s.month_tok(k2) {
                    return Some(((k2, me), s.year_tail(me)));
                }
            }
            let me = s.month_tok(k)?;
            Some(((k, me), s.year_tail(me)))
        })
    })?;
    let mut c = Caps::new(s.t, i, end);
    c.set_opt(g::WD, wd);
    days.set(&mut c);
    c.set(g::M, m);
    c.set_opt(g::Y, y);
    Some(c)
}

/// `{B}(?:(?P<part>early|mid|late)(?:\s*[-–]\s*|\s+)|(?P<part2>beginning|
/// start|middle|end)\s+of\s+)?(?P<m>MONTHS_FULL){B}(?:,?\s+(?:of\s+)?
/// (?P<y>[0-9]{4}))?`
fn match_month(s: Scan, i: usize) -> Option<Caps> {
    // the month at `j`, given the word run there keyed (see `Scan::run`)
    let rest = |j: usize| -> Option<(Sp, usize, Option<Sp>)> {
        let me = s.word_of(j, Class::Month)?;
        let c = if s.b.get(me) == Some(&b',') {
            me + 1
        } else {
            me
        };
        if let Some(k) = s.ws1(c) {
            if let Some(k2) = s.lit(k, "of").and_then(|x| s.ws1(x)) {
                if s.digits(k2) >= 4 {
                    return Some(((j, me), k2 + 4, Some((k2, k2 + 4))));
                }
            }
            if s.digits(k) >= 4 {
                return Some(((j, me), k + 4, Some((k, k + 4))));
            }
        }
        Some(((j, me), me, None))
    };
    let (part, part2, (m, end, y)) = 'alts: {
        let first = s.run(i);
        if let Some(e) = Scan::run_in(first, &const { keys(PARTS) }) {
            for j in [s.dash_sep(e), s.ws1(e)].into_iter().flatten() {
                if let Some(r) = rest(j) {
                    break 'alts (Some((i, e)), None, r);
                }
            }
        }
        if let Some(e) = Scan::run_in(first, kw!["beginning", "start", "middle", "end"]) {
            let j = s.ws1(e).and_then(|x| s.lit(x, "of")).and_then(|x| s.ws1(x));
            if let Some(r) = j.and_then(rest) {
                break 'alts (None, Some((i, e)), r);
            }
        }
        (None, None, rest(i)?)
    };
    let mut c = Caps::new(s.t, i, end);
    c.set_opt(g::PART, part);
    c.set_opt(g::PART2, part2);
    c.set(g::M, m);
    c.set_opt(g::Y, y);
    Some(c)
}

/// `{B}(?:(?P<cue>in|since|by|until|till|through|from|before|after|during|
/// of)\s+)?(?:(?P<part>early|mid|late)(?:\s*[-–]\s*|\s+))?(?P<y>(?:19|20)
/// [0-9]{2}){B}`
fn match_year(s: Scan, i: usize) -> Option<Caps> {
    // the year at `j`, given the word run there keyed (see `Scan::run`)
    let part_year =
        |j: usize, run: (usize, Option<u128>)| s.opt_part(j, run, |k| s.year4(k).map(|e| (k, e)));
    let mut cue = None;
    let mut found = None;
    const CUES: [&str; 11] = [
        "in", "since", "by", "until", "till", "through", "from", "before", "after", "during", "of",
    ];
    let first = s.run(i);
    if let Some(e) = Scan::run_in(first, &const { keys(CUES) }) {
        if let Some(r) = s.ws1(e).and_then(|j| part_year(j, s.run(j))) {
            cue = Some((i, e));
            found = Some(r);
        }
    }
    let (part, y) = match found {
        Some(r) => r,
        None => part_year(i, first)?,
    };
    let mut c = Caps::new(s.t, i, y.1);
    c.set_opt(g::CUE, cue);
    c.set_opt(g::PART, part);
    c.set(g::Y, y);
    Some(c)
}

/// `{B}(?:(?P<mod>this\s+past|this|last|next|coming|past)\s+)?(?P<wd>
/// WEEKDAYS){B}{tod}`
fn match_weekday(s: Scan, i: usize) -> Option<Caps> {
    let rest = |j: usize| {
        let we = s.word_of(j, Class::Weekday)?;
        Some(((j, we), s.opt_tod(we)))
    };
    let mut modifier = None;
    let mut found = None;
    let run = s.word_end(i);
    for m in ["this past", "this", "last", "next", "coming", "past"] {
        if let Some(e) = s.phrase_in_run(i, run, m) {
            if let Some(r) = s.ws1(e).and_then(rest) {
                modifier = Some((i, e));
                found = Some(r);
                break;
            }
        }
    }
    let (wd, (end, tod)) = match found {
        Some(r) => r,
        None => rest(i)?,
    };
    let mut c = Caps::new(s.t, i, end);
    c.set_opt(g::MOD, modifier);
    c.set(g::WD, wd);
    c.set_opt(g::TOD, tod);
    Some(c)
}

/// `{B}(?P<w>the\s+day\s+before\s+yesterday|…|this\s+evening){B}{tod}`
fn match_deictic(s: Scan, i: usize) -> Option<Caps> {
    let run = s.word_end(i);
    for w in [
        "the day before yesterday",
        "the day after tomorrow",
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
        "last night",
        "this morning",
        "this afternoon",
        "this evening",
    ] {
        if let Some(e) = s.phrase_in_run(i, run, w).filter(|&e| s.boundary(e)) {
            let (end, tod) = s.opt_tod(e);
            let mut c = Caps::new(s.t, i, end);
            c.set(g::W, (i, e));
            c.set_opt(g::TOD, tod);
            return Some(c);
        }
    }
    None
}

/// `{B}(?:(?P<adv>earlier|later)\s+)?(?P<mod>last|this|next|past|coming)
/// \s+(?P<unit>week|weekend|month|year){B}`
fn match_period(s: Scan, i: usize) -> Option<Caps> {
    let rest = |j: usize| {
        let e = s.word_in(j, kw!["last", "this", "next", "past", "coming"])?;
        let k = s.ws1(e)?;
        let ue = s.word_in(k, kw!["week", "weekend", "month", "year"])?;
        Some(((j, e), (k, ue)))
    };
    let mut adv = None;
    let mut found = None;
    if let Some(e) = s.word_in(i, kw!["earlier", "later"]) {
        if let Some(r) = s.ws1(e).and_then(rest) {
            adv = Some((i, e));
            found = Some(r);
        }
    }
    let (m, unit) = match found {
        Some(r) => r,
        None => rest(i)?,
    };
    let mut c = Caps::new(s.t, i, unit.1);
    c.set_opt(g::ADV, adv);
    c.set(g::MOD, m);
    c.set(g::UNIT, unit);
    Some(c)
}

/// `{B}(?P<part>end|beginning|start|middle)\s+of\s+(?P<mod>the|this|next|
/// last)\s+(?P<unit>week|month|year){B}`
fn match_part_period(s: Scan, i: usize) -> Option<Caps> {
    let pe = s.word_in(i, kw!["end", "beginning", "start", "middle"])?;
    let j = s.ws1(s.lit(s.ws1(pe)?, "of")?)?;
    let me = s.word_in(j, kw!["the", "this", "next", "last"])?;
    let k = s.ws1(me)?;
    let ue = s.word_in(k, kw!["week", "month", "year"])?;
    let mut c = Caps::new(s.t, i, ue);
    c.set(g::PART, (i, pe));
    c.set(g::MOD, (j, me));
    c.set(g::UNIT, (k, ue));
    Some(c)
}

/// `{B}(?P<dir>next|coming|upcoming|past|last)\s+(?:(?P<q>(?:few|couple\s+
/// of|several|NUM_WORDS)|(?P<qn>[0-9]{1,3}))\s+)?(?P<unit>days|weeks|
/// months|years){B}` (`q` holds `qn` too).
fn match_few(s: Scan, i: usize) -> Option<Caps> {
    const UNITS: [&str; 4] = ["days", "weeks", "months", "years"];
    let de = s.word_in(i, kw!["next", "coming", "upcoming", "past", "last"])?;
    let j = s.ws1(de)?;
    let dir = (i, de);
    let done = |q: Option<Sp>, qn: Option<Sp>, unit: Sp| {
        let mut c = Caps::new(s.t, i, unit.1);
        c.set(g::DIR, dir);
        c.set_opt(g::Q, q);
        c.set_opt(g::QN, qn);
        c.set(g::UNIT, unit);
        c
    };
    // `q`: its first word must be the whole word run (a `\s+` follows)
    let (run, k) = s.run(j);
    let qe = if k == Some(key("couple")) {
        s.phrase(j, "couple of")
    } else {
        (k.is_some_and(|k| kw!["few", "several"].contains(&k))
            || s.word_of(j, Class::NumberWord).is_some())
        .then_some(run)
    };
    if let Some(qe) = qe {
        if let Some(k) = s.ws1(qe) {
            if let Some(ue) = s.word_in(k, &const { keys(UNITS) }) {
                return Some(done(Some((j, qe)), None, (k, ue)));
            }
        }
    }
    for l in (1..=s.digits(j).min(3)).rev() {
        if let Some(k) = s.ws1(j + l) {
            if let Some(ue) = s.word_in(k, &const { keys(UNITS) }) {
                return Some(done(Some((j, j + l)), Some((j, j + l)), (k, ue)));
            }
        }
    }
    let ue = s.word_in(j, &const { keys(UNITS) })?;
    Some(done(None, None, (j, ue)))
}

/// The matcher of a pattern that is a token rule (see [`DATE_RULES`]):
/// matches nothing here.
fn rule_pattern(_: Scan, _: usize) -> Option<Caps> {
    None
}

/// `{B}(?:(?P<pre>in|within)\s+)?(?:(?P<n>a\s+couple\s+of|a\s+few|a|an|
/// NUM_WORDS)|(?P<nn>[0-9]{1,3}))\s+(?P<unit>days|day|weeks|week|months|
/// month|years|year){B}(?:\s+(?P<ago>ago){B})?`
fn match_offset(s: Scan, i: usize) -> Option<Caps> {
    const UNITS: [&str; 8] = [
        "days", "day", "weeks", "week", "months", "month", "years", "year",
    ];
    // count `\s+` unit, then the optional `ago`: (unit, end, ago)
    let unit_ago = |k: usize| {
        let ue = s.word_in(k, &const { keys(UNITS) })?;
        let ago = s
            .ws1(ue)
            .and_then(|a| Some((a, s.lit(a, "ago")?)))
            .filter(|&(_, e)| s.boundary(e));
        Some(((k, ue), ago.map_or(ue, |a| a.1), ago))
    };
    // (n, nn, unit, end, ago)
    // `n` at `j`, given the word run there and its key (see `Scan::run`)
    let words = |j: usize, (run, k): (usize, Option<u128>)| {
        // its first word must be the whole word run (a `\s+` follows)
        if k == Some(key("a")) {
            for n in ["a couple of", "a few", "a"] {
                if let Some(ne) = s.phrase(j, n) {
                    if let Some(r) = s.ws1(ne).and_then(unit_ago) {
                        return Some((Some((j, ne)), None, r));
                    }
                }
            }
        } else if k == Some(key("an")) || s.word_of(j, Class::NumberWord).is_some() {
            if let Some(r) = s.ws1(run).and_then(unit_ago) {
                return Some((Some((j, run)), None, r));
            }
        }
        None
    };
    // `nn` at `j`, which starts with a digit
    let number = |j: usize| {
        for l in (1..=s.digits(j).min(3)).rev() {
            if let Some(r) = s.ws1(j + l).and_then(unit_ago) {
                return Some((None, Some((j, j + l)), r));
            }
        }
        None
    };
    // (n, nn, unit, end, ago) at `j`: a word of `n` (all letters) cannot
    // start with a digit, `nn` cannot start with anything else
    let rest = |j: usize| {
        if s.b.get(j)?.is_ascii_digit() {
            number(j)
        } else {
            words(j, s.run(j))
        }
    };
    let first = *s.b.get(i)?;
    let mut pre = None;
    let found = if first.is_ascii_digit() {
        number(i)
    } else {
        let (run, k) = s.run(i);
        let mut found = None;
        if k.is_some_and(|k| kw!["in", "within"].contains(&k)) {
            if let Some(r) = s.ws1(run).and_then(rest) {
                pre = Some((i, run));
                found = Some(r);
            }
        }
        found.or_else(|| words(i, (run, k)))
    };
    let (n, nn, (unit, end, ago)) = found?;
    let mut c = Caps::new(s.t, i, end);
    c.set_opt(g::PRE, pre);
    c.set_opt(g::N, n);
    c.set_opt(g::NN, nn);
    c.set(g::UNIT, unit);
    c.set_opt(g::AGO, ago);
    Some(c)
}

/// `{B}(?P<v>shortly|soon|near\s+future){B}`
fn match_vague(s: Scan, i: usize) -> Option<Caps> {
    ["shortly", "soon", "near future"]
        .into_iter()
        .find_map(|v| {
            let e = s.phrase(i, v).filter(|&e| s.boundary(e))?;
            let mut c = Caps::new(s.t, i, e);
            c.set(g::V, (i, e));
            Some(c)
        })
}

/// The matchers by table rank (see [`extract`]).
const MATCHERS: [for<'t> fn(Scan<'t>, usize) -> Option<Caps<'t>>; 13] = [
    match_iso,
    match_month_day,
    match_day_month,
    match_month,
    match_year,
    match_weekday,
    match_deictic,
    match_period,
    match_part_period,
    match_few,
    rule_pattern,
    match_offset,
    match_vague,
];

// ---------------------------------------------------------------------------
// Candidates and context

struct Ctx<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    reference: Option<NaiveDate>,
}

struct Cand {
    start: usize,
    end: usize,
    rank: usize,
    value: Option<DateValue>,
    granularity: Granularity,
    reading: DateReading,
    reasons: Reasons,
    time_of_day: Option<String>,
}

impl Cand {
    /// A candidate for `[start, end)` with no reasons yet.
    fn new(start: usize, end: usize, granularity: Granularity, reading: DateReading) -> Self {
        Cand {
            start,
            end,
            rank: 0,
            value: None,
            granularity,
            reading,
            reasons: Reasons::default(),
            time_of_day: None,
        }
    }
}

const NO_REF: &str = "relative date and no reference date";

/// Words that, right before an expression, bound it; kept in the span.
const BOUNDS: &[&str] = &[
    "by", "until", "till", "before", "after", "since", "from", "through",
];

/// Counted nouns and units: a number followed by one is not a date.
const UNITS: &[&str] = &[
    "people",
    "persons",
    "men",
    "women",
    "children",
    "soldiers",
    "troops",
    "police",
    "officers",
    "staff",
    "personnel",
    "civilians",
    "refugees",
    "dead",
    "killed",
    "injured",
    "wounded",
    "tanks",
    "vehicles",
    "percent",
    "per",
    "million",
    "billion",
    "thousand",
    "hundred",
    "km",
    "kg",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "tons",
    "tonnes",
    "hours",
    "minutes",
    "dollars",
    "euros",
    "pounds",
    "votes",
    "points",
    "cases",
    "deaths",
    "units",
    "years",
    "days",
    "members",
    "workers",
    "jobs",
    "homes",
    "households",
];

fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// Whether `w` is one of `list` (lowercase), ASCII case-insensitive: what
/// `list.contains(&lower(w).as_str())` says, without lowercasing a copy.
fn in_list(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// The entry of `list` (lowercase phrases, words separated by one space)
/// that `tok` is once ASCII-lowercased with its white-space runs made
/// single spaces (`lower(tok).split_whitespace()` joined by spaces).
fn phrase_of(tok: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter().copied().find(|p| {
        let mut words = tok.split_whitespace();
        p.split(' ')
            .all(|pw| words.next().is_some_and(|w| w.eq_ignore_ascii_case(pw)))
            && words.next().is_none()
    })
}

/// [`phrase_of`] `tok` in `list`, or (never for the tokens the patterns
/// give) `tok` lowercased with its white-space runs made single spaces.
fn norm_phrase(tok: &str, list: &[&'static str]) -> std::borrow::Cow<'static, str> {
    match phrase_of(tok, list) {
        Some(p) => std::borrow::Cow::Borrowed(p),
        None => {
            std::borrow::Cow::Owned(lower(tok).split_whitespace().collect::<Vec<_>>().join(" "))
        }
    }
}

/// The unit `day`, `week`, `month` or `year` that `unit` names, singular
/// or plural, any ASCII case (what `lower(unit).trim_end_matches('s')`
/// gives for the units of the patterns).
fn unit_kind(unit: &str) -> Option<&'static str> {
    ["day", "week", "month", "year"].into_iter().find(|k| {
        let u = unit.as_bytes();
        let u = match u.split_last() {
            Some((b's' | b'S', rest)) => rest,
            _ => u,
        };
        u.eq_ignore_ascii_case(k.as_bytes())
    })
}

/// The reasons of a candidate, joined by `"; "` as they are added.
#[derive(Default)]
struct Reasons(String);

impl Reasons {
    /// Adds the reason `r`.
    fn push(&mut self, r: &str) {
        self.next(r.len()).push_str(r);
    }

    /// Starts a new reason of about `len` bytes (reserved, so that writing
    /// it in pieces does not grow the buffer several times): the buffer to
    /// write it into.
    fn next(&mut self, len: usize) -> &mut String {
        self.0.reserve(len + 2);
        if !self.0.is_empty() {
            self.0.push_str("; ");
        }
        &mut self.0
    }
}

/// Appends `d` as its `Display` writes it (`2022-01-27`), by hand for the
/// years 0-9999 that have no sign.
fn push_date(out: &mut String, d: NaiveDate) {
    use std::fmt::Write;
    let y = d.year();
    match u32::try_from(y) {
        Ok(y) if y <= 9999 => {
            push2(out, y / 100);
            push2(out, y % 100);
            out.push('-');
            push2(out, d.month());
            out.push('-');
            push2(out, d.day());
        }
        _ => {
            let _ = write!(out, "{d}");
        }
    }
}

/// Appends the year `y` as `{y}` writes it.
fn push_date_year(out: &mut String, y: i32) {
    use std::fmt::Write;
    let _ = write!(out, "{y}");
}

/// Appends `n` (below 100) as two digits.
fn push2(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

fn month_num(tok: &str) -> Option<u32> {
    let t = tok.trim_end_matches('.').as_bytes();
    if t.len() < 3 {
        return None;
    }
    lexicon::entries(Class::Month)
        .iter()
        .position(|n| {
            n.word
                .as_bytes()
                .get(..t.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(t))
        })
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn weekday_of(tok: &str) -> Option<Weekday> {
    const DAYS: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let n: usize = lexicon::value(tok, Class::Weekday)?.parse().ok()?;
    DAYS.get(n.checked_sub(1)?).copied()
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn word_count(tok: &str) -> Option<u32> {
    if let Some(n) = lexicon::value(tok, Class::NumberWord) {
        return n.parse().ok();
    }
    Some(
        match phrase_of(tok, &["a", "an", "a couple of", "couple of"])? {
            "a" | "an" => 1,
            _ => 2,
        },
    )
}

// ---------------------------------------------------------------------------
// Date arithmetic (all checked: never panics)

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let k = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(k))
    } else {
        d.checked_sub_months(Months::new(k))
    }
}

fn month_start(y: i32, m: u32) -> Option<NaiveDate> {
    ymd(y, m, 1)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    add_months(month_start(y, m)?, 1)?.pred_opt()
}

fn interval(start: NaiveDate, end: NaiveDate) -> DateValue {
    if start == end {
        DateValue::Day(start)
    } else {
        DateValue::Interval { start, end }
    }
}

fn week_monday(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    Early,
    Mid,
    Late,
}

fn part_of(word: &str) -> Option<Part> {
    match lexicon::value(word, Class::DatePart)? {
        "early" => Some(Part::Early),
        "mid" => Some(Part::Mid),
        "late" => Some(Part::Late),
        _ => None,
    }
}

/// The days of month `m` of year `y` that `part` covers (whole month for
/// `None`).
fn month_value(y: i32, m: u32, part: Option<Part>) -> Option<DateValue> {
    let last = month_end(y, m)?;
    let (a, b) = match part {
        None => (1, last.day()),
        Some(Part::Early) => (1, 10),
        Some(Part::Mid) => (11, 20),
        Some(Part::Late) => (21, last.day()),
    };
    Some(interval(ymd(y, m, a)?, ymd(y, m, b)?))
}

fn year_value(y: i32, part: Option<Part>) -> Option<DateValue> {
    let (a, b) = match part {
        None => (1, 12),
        Some(Part::Early) => (1, 4),
        Some(Part::Mid) => (5, 8),
        Some(Part::Late) => (9, 12),
    };
    Some(interval(month_start(y, a)?, month_end(y, b)?))
}

// ---------------------------------------------------------------------------
// Text helpers (byte positions always come from pattern matches or char
// iteration, so every slice is on a char boundary)

/// The ASCII word right before `pos`, separated from it by white space
/// only: `(start, word)`.
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let before = text.get(..pos)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let mut start = trimmed.len();
    for (n, (i, c)) in trimmed.char_indices().rev().enumerate() {
        if n > 40 {
            return None;
        }
        if c.is_ascii_alphabetic() {
            start = i;
        } else {
            break;
        }
    }
    if start == trimmed.len() {
        return None;
    }
    Some((start, &trimmed[start..]))
}

/// The ASCII word right after `pos`, separated from it by white space only.
fn word_after(text: &str, pos: usize) -> Option<&str> {
    let after = text.get(pos..)?;
    let trimmed = after.trim_start();
    if trimmed.len() == after.len() {
        return None;
    }
    let mut end = 0;
    for (n, (i, c)) in trimmed.char_indices().enumerate() {
        if n > 40 {
            return None;
        }
        if c.is_ascii_alphabetic() {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    if end == 0 {
        None
    } else {
        Some(&trimmed[..end])
    }
}

/// A bound word (`by`, `until`, …) in front of `start`, optionally followed
/// by `the`: returns the new start and the lowercased bound.
fn bound_prefix(text: &str, start: usize) -> Option<(usize, &'static str)> {
    let mut pos = start;
    if let Some((s, w)) = word_before(text, pos) {
        if w.eq_ignore_ascii_case("the") {
            pos = s;
        }
    }
    let (s, w) = word_before(text, pos)?;
    let b = BOUNDS.iter().find(|b| w.eq_ignore_ascii_case(b))?;
    Some((s, b))
}

/// Adds the reason naming the bound word `bound` (lowercase).
fn bound_reason(reasons: &mut Reasons, bound: &str) {
    let out = reasons.next(bound.len() + 20);
    out.push_str("bound '");
    out.push_str(bound);
    out.push('\'');
    if matches!(bound, "by" | "until" | "till" | "before") {
        out.push_str(" (deadline)");
    }
}

/// Whether the year digits ending at `pos` really end a year: not followed
/// by more number (`2,000`, `2.5`, `2021-22`), a percent sign or a counted
/// noun.
fn year_tail_ok(text: &str, pos: usize) -> bool {
    let rest = match text.get(pos..) {
        Some(r) => r,
        None => return false,
    };
    let mut chars = rest.chars();
    let first = chars.next();
    let second = chars.next();
    match (first, second) {
        (Some(c), _) if c.is_ascii_digit() || c == '%' => return false,
        (Some(',' | '.' | '-' | '–' | '/'), Some(d)) if d.is_ascii_digit() => return false,
        _ => {}
    }
    !followed_by_unit(text, pos)
}

fn followed_by_unit(text: &str, pos: usize) -> bool {
    word_after(text, pos).is_some_and(|w| in_list(w, UNITS) || w.eq_ignore_ascii_case("of"))
}

/// True when the word before `pos` is capitalised and `pos` is not at the
/// start of its sentence (so the capital is not just sentence case).
fn after_capitalised_word(ctx: &Ctx, pos: usize) -> bool {
    match word_before(ctx.text, pos) {
        Some((s, w)) if starts_upper(w) => {
            let (sent_start, _) = sentence_bounds(ctx, pos, pos);
            s > sent_start || !at_sentence_start(ctx.text, sent_start, s)
        }
        _ => false,
    }
}

/// True when `pos` opens its sentence or a clause (after an opening quote,
/// colon, bracket or dash).
fn clause_initial(ctx: &Ctx, pos: usize) -> bool {
    let (sent_start, _) = sentence_bounds(ctx, pos, pos);
    if at_sentence_start(ctx.text, sent_start, pos) {
        return true;
    }
    ctx.text
        .get(..pos)
        .and_then(|s| s.trim_end().chars().last())
        .is_some_and(|c| matches!(c, '“' | '"' | '‘' | '(' | '[' | ':' | '–' | '—'))
}

fn at_sentence_start(text: &str, sent_start: usize, pos: usize) -> bool {
    text.get(sent_start..pos)
        .is_some_and(|s| s.chars().all(|c| !c.is_alphanumeric()))
}

fn snap_down(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn snap_up(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The sentence containing `[start, end)`, or a window around it.
fn sentence_bounds(ctx: &Ctx, start: usize, end: usize) -> (usize, usize) {
    let text = ctx.text;
    let idx = ctx.sentences.partition_point(|s| s.span.start <= start);
    if idx > 0 {
        let s = ctx.sentences[idx - 1].span;
        if s.start <= start
            && end <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
        {
            return (s.start, s.end);
        }
    }
    (
        snap_down(text, start.saturating_sub(300)),
        snap_up(text, end.saturating_add(300)),
    )
}

// ---------------------------------------------------------------------------
// Tense of the clause around an expression (news mode)

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tense {
    Past,
    Future,
}

/// Whether `c` is clause punctuation, which bounds the tense windows of
/// [`clause_tense`]: a `match` (a bit test for the ASCII ones) instead of a
/// search through a list, since every char of the windows is tested.
fn is_clause_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '('
            | ')'
            | '['
            | ']'
            | '“'
            | '”'
            | '"'
            | '–'
            | '—'
            | '…'
            | '.'
            | '!'
            | '?'
    )
}
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "while", "who", "whom", "which", "that", "whereas", "although", "because",
    "whether",
];
/// Words skipped when looking for the verb right next to the expression.
const FILLER: &[&str] = &[
    "on", "in", "this", "last", "next", "the", "late", "early", "mid", "of", "at",
];
const FUTURE_WORDS: &[&str] = &[
    "will",
    "would",
    "shall",
    "won't",
    "won’t",
    "next",
    "coming",
    "upcoming",
    "scheduled",
    "planned",
    "slated",
    "tomorrow",
];
const PAST_WORDS: &[&str] = &[
    "ago",
    "last",
    "earlier",
    "previous",
    "previously",
    "yesterday",
    "was",
    "were",
    "had",
    "did",
    "said",
    "met",
    "told",
    "spoke",
    "began",
    "gave",
    "took",
    "made",
    "came",
    "went",
    "sent",
    "left",
    "won",
    "lost",
    "saw",
    "held",
    "fought",
    "wrote",
    "knew",
    "thought",
    "brought",
    "began",
    "became",
    "broke",
    "chose",
    "drove",
    "flew",
    "fell",
    "rose",
    "ran",
    "sought",
    "spent",
    "stood",
    "struck",
    "taught",
    "threw",
    "understood",
    "woke",
    "wore",
    "withdrew",
];

struct Tok<'a> {
    start: usize,
    end: usize,
    word: &'a str,
    /// `word` in ASCII lowercase (borrowed when it has no capital).
    low: std::borrow::Cow<'a, str>,
}

impl<'a> Tok<'a> {
    /// A token of `word` at `[start, end)`, with its lowercase form
    /// (borrowed when it has no ASCII capital).
    fn new(start: usize, end: usize, word: &'a str) -> Self {
        let low = if word.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(word.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        };
        Tok {
            start,
            end,
            word,
            low,
        }
    }
}

/// A lookup set over one of the word lists above, built once.
fn word_set(
    cell: &'static OnceLock<crate::lexicon::WordSet<'static>>,
    words: &'static [&'static str],
) -> &'static crate::lexicon::WordSet<'static> {
    cell.get_or_init(|| words.iter().copied().collect())
}

/// Whether `w` (lowercase) is in [`CLAUSE_WORDS`].
fn is_clause_word(w: &str) -> bool {
    static S: OnceLock<crate::lexicon::WordSet<'static>> = OnceLock::new();
    word_set(&S, CLAUSE_WORDS).contains(w)
}

/// Whether `w` (lowercase) is in [`FILLER`].
fn is_filler(w: &str) -> bool {
    static S: OnceLock<crate::lexicon::WordSet<'static>> = OnceLock::new();
    word_set(&S, FILLER).contains(w)
}

/// Whether `w` (lowercase) is in [`FUTURE_WORDS`].
fn is_future_word(w: &str) -> bool {
    static S: OnceLock<crate::lexicon::WordSet<'static>> = OnceLock::new();
    word_set(&S, FUTURE_WORDS).contains(w)
}

/// Whether `w` (lowercase) is in [`PAST_WORDS`].
fn is_past_word(w: &str) -> bool {
    static S: OnceLock<crate::lexicon::WordSet<'static>> = OnceLock::new();
    word_set(&S, PAST_WORDS).contains(w)
}

/// Appends the words of `text[from..to]` to `out`.
fn tokens<'a>(out: &mut Vec<Tok<'a>>, text: &'a str, from: usize, to: usize) {
    let Some(slice) = text.get(from..to) else {
        return;
    };
    let mut cur: Option<usize> = None;
    let is_word = |c: char| c.is_ascii_alphabetic() || c == '\'' || c == '’';
    for (i, c) in slice.char_indices() {
        match (cur, is_word(c)) {
            (None, true) => cur = Some(i),
            (Some(s), false) => {
                out.push(Tok::new(from + s, from + i, &slice[s..i]));
                cur = None;
            }
            _ => {}
        }
    }
    if let Some(s) = cur {
        out.push(Tok::new(from + s, to, &slice[s..]));
    }
}

/// Decides past or future for the expression at `[start, end)`, with the
/// cue that decided it (`None` = news-mode default, past).
fn clause_tense(ctx: &Ctx, start: usize, end: usize) -> (Tense, Option<String>) {
    let text = ctx.text;
    let (s_start, s_end) = sentence_bounds(ctx, start, end);
    let lo = snap_down(text, start.saturating_sub(200)).max(s_start);
    let hi = snap_up(text, end.saturating_add(200)).min(s_end);
    // Left window: back to the last clause punctuation.
    let left_from = text
        .get(lo..start)
        .and_then(|s| {
            s.char_indices()
                .rev()
                .find(|&(_, c)| is_clause_punct(c))
                .map(|(i, c)| lo + i + c.len_utf8())
        })
        .unwrap_or(lo);
    // the left window's tokens, then the right one's, in one vector
    let mut toks = Vec::with_capacity(16);
    tokens(&mut toks, text, left_from, start);
    let n_left = toks.len();
    let mut left_start = toks
        .iter()
        .rposition(|t| is_clause_word(&t.low))
        .map_or(0, |pos| pos + 1);
    left_start = left_start.max(n_left.saturating_sub(10));
    let at_clause_start = toks[left_start..].iter().all(|t| is_filler(&t.low));
    // Right window: forward to the next clause punctuation (past the first
    // one when the expression opens its clause: “On Friday, he will …”).
    let right_to = text
        .get(end..hi)
        .map(|s| {
            let mut seen = 0;
            let mut stop = hi;
            for (i, c) in s.char_indices() {
                if is_clause_punct(c) {
                    let leading = s[..i].trim().is_empty();
                    if at_clause_start && seen == 0 && leading {
                        seen += 1;
                        continue;
                    }
                    stop = end + i;
                    break;
                }
            }
            stop
        })
        .unwrap_or(end);
    tokens(&mut toks, text, end, right_to);
    let (left, right) = toks.split_at(n_left);
    let left = &left[left_start..];
    let right = &right[..right
        .iter()
        .position(|t| is_clause_word(&t.low))
        .unwrap_or(right.len())
        .min(10)];

    let mut best: Option<(usize, Tense, String)> = None;
    let mut consider = |dist: usize, tense: Tense, cue: String| {
        if best.as_ref().is_none_or(|b| dist < b.0) {
            best = Some((dist, tense, cue));
        }
    };
    let classify = |toks: &[Tok], i: usize| -> Option<(Tense, String)> {
        let w: &str = &toks[i].low;
        let next = toks.get(i + 1).map(|t| &*t.low);
        let prev = |k: usize| i.checked_sub(k).map(|j| &*toks[j].low);
        if w.ends_with("'ll") || w.ends_with("’ll") {
            return Some((Tense::Future, toks[i].word.to_string()));
        }
        if w == "held" && prev(1) == Some("be") && prev(2) == Some("to") {
            return Some((Tense::Future, "to be held".into()));
        }
        if (w == "going" || w == "expected" || w == "plans" || w == "planning" || w == "set")
            && next == Some("to")
        {
            return Some((Tense::Future, format!("{w} to")));
        }
        if is_future_word(w) {
            return Some((Tense::Future, w.to_string()));
        }
        if is_past_word(w) {
            return Some((Tense::Past, w.to_string()));
        }
        None
    };
    for i in 0..left.len() {
        if let Some((t, cue)) = classify(left, i) {
            consider(start - left[i].end, t, cue);
        }
    }
    for i in 0..right.len() {
        if let Some((t, cue)) = classify(right, i) {
            consider(right[i].start - end, t, cue);
        }
    }
    // An -ed verb right before the expression (“announced on Tuesday”).
    if let Some(t) = left.iter().rev().find(|t| !is_filler(&t.low)) {
        let w: &str = &t.low;
        if w.len() >= 4
            && w.ends_with("ed")
            && !w.ends_with("eed")
            && !is_future_word(w)
            && w != "expected"
        {
            consider(start - t.end, Tense::Past, w.to_string());
        }
    }
    match best {
        Some((_, t, cue)) => (t, Some(cue)),
        None => (Tense::Past, None),
    }
}

/// Adds the reason “`kind` resolved to the past/future of `r` (cue …)”.
fn tense_reason(reasons: &mut Reasons, kind: &str, tense: Tense, r: NaiveDate, cue: Option<&str>) {
    let out = reasons.next(kind.len() + 38 + cue.map_or(27, |c| c.len() + 9));
    out.push_str(kind);
    out.push_str(match tense {
        Tense::Past => " resolved to the past of ",
        Tense::Future => " resolved to the future of ",
    });
    push_date(out, r);
    match cue {
        Some(c) => {
            out.push_str(" (cue '");
            out.push_str(c);
            out.push_str("')");
        }
        None => out.push_str(" (news mode: no future cue)"),
    }
}

// ---------------------------------------------------------------------------
// Handlers

fn iso_date(_ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.get(g::WHOLE)?;
    let y: i32 = c.get(g::Y)?.as_str().parse().ok()?;
    let m: u32 = c.get(g::MO)?.as_str().parse().ok()?;
    let d: u32 = c.get(g::D)?.as_str().parse().ok()?;
    let date = ymd(y, m, d)?;
    let mut cand = Cand::new(
        whole.start(),
        whole.end(),
        Granularity::Day,
        DateReading::Absolute,
    );
    cand.value = Some(DateValue::Day(date));
    Some(cand)
}

/// “4 February”, “Thursday, February 2”, “January 26, 2022”, “Feb. 4”,
/// “2-4 February”.
fn absolute_day(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let text = ctx.text;
    let whole = c.get(g::WHOLE)?;
    let m_tok = c.get(g::M)?;
    if !starts_upper(m_tok.as_str()) {
        return None;
    }
    let month = month_num(m_tok.as_str())?;
    let dd = c.get(g::DD)?;
    let day: u32 = c.get(g::D)?.as_str().parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let day2: Option<u32> = match c.get(g::D2) {
        Some(x) => {
            let v: u32 = x.as_str().parse().ok()?;
            if v <= day || v > 31 {
                return None;
            }
            Some(v)
        }
        None => None,
    };
    let core_end = [Some(dd), c.get(g::DD2), Some(m_tok)]
        .iter()
        .flatten()
        .map(|m| m.end())
        .max()?;
    let core_start = dd.start().min(m_tok.start());
    let mut end = core_end;
    let mut year: Option<i32> = None;
    if let Some(y) = c.get(g::Y) {
        if year_tail_ok(text, y.end()) {
            year = y.as_str().parse().ok();
            end = whole.end();
        }
    }
    // “March 15 people”: a count, not a date.
    if year.is_none() && m_tok.start() < dd.start() && followed_by_unit(text, core_end) {
        return None;
    }
    let written_wd = c
        .get(g::WD)
        .filter(|w| starts_upper(w.as_str()))
        .and_then(|w| weekday_of(w.as_str()));
    let mut start = if written_wd.is_some() {
        whole.start()
    } else {
        core_start
    };
    let mut cand = Cand::new(start, end, Granularity::Day, DateReading::Absolute);
    if let Some((s, b)) = bound_prefix(text, start) {
        start = s;
        cand.start = start;
        bound_reason(&mut cand.reasons, b);
    }
    let y = match (year, ctx.reference) {
        (Some(y), _) => y,
        (None, Some(r)) => {
            let mut best: Option<(i64, i32)> = None;
            for y in [r.year() - 1, r.year(), r.year() + 1] {
                if let Some(d) = ymd(y, month, day) {
                    let dist = (d - r).num_days().abs();
                    if best.is_none_or(|b| dist < b.0) {
                        best = Some((dist, y));
                    }
                }
            }
            let Some((_, y)) = best else {
                cand.reasons.push(&format!("no such day: {day}/{month}"));
                return Some(cand);
            };
            let out = cand.reasons.next(64);
            out.push_str("year ");
            push_date_year(out, y);
            out.push_str(" from the reference date ");
            push_date(out, r);
            out.push_str(" (nearest)");
            y
        }
        (None, None) => {
            cand.reasons.push("no year and no reference date");
            return Some(cand);
        }
    };
    let Some(first) = ymd(y, month, day) else {
        cand.reasons
            .push(&format!("no such day: {y}-{month:02}-{day:02}"));
        return Some(cand);
    };
    let value = match day2 {
        Some(d2) => match ymd(y, month, d2) {
            Some(last) => interval(first, last),
            None => {
                cand.reasons
                    .push(&format!("no such day: {y}-{month:02}-{d2:02}"));
                return Some(cand);
            }
        },
        None => DateValue::Day(first),
    };
    if let Some(w) = written_wd {
        if day2.is_none() && first.weekday() != w {
            cand.reasons.push(&format!(
                "written weekday {} does not match {first} (a {})",
                weekday_name(w),
                weekday_name(first.weekday())
            ));
        }
    }
    cand.value = Some(value);
    Some(cand)
}

const MONTH_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "through", "during", "from", "before", "after", "last",
    "next", "this", "coming", "past", "to",
];
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "has",
    "had",
    "was",
    "is",
    "will",
    "would",
    "added",
    "stated",
    "announced",
    "argued",
    "insisted",
    "warned",
    "wrote",
    "and",
];

/// “in February”, “February 2022”, “mid-February”, “the end of March”.
fn month_expr(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let text = ctx.text;
    let whole = c.get(g::WHOLE)?;
    let m_tok = c.get(g::M)?;
    if !starts_upper(m_tok.as_str()) {
        return None;
    }
    let month = month_num(m_tok.as_str())?;
    let part = c
        .get(g::PART)
        .or_else(|| c.get(g::PART2))
        .and_then(|p| part_of(p.as_str()));
    let mut end = m_tok.end();
    let mut year: Option<i32> = None;
    if let Some(y) = c.get(g::Y) {
        if year_tail_ok(text, y.end()) {
            year = y.as_str().parse().ok();
            end = whole.end();
        }
    }
    let mut start = whole.start();
    let prev = word_before(text, start);
    let cue = prev.is_some_and(|(_, w)| in_list(w, MONTH_CUES))
        || (prev.is_some_and(|(_, w)| w.eq_ignore_ascii_case("of"))
            && prev
                .as_ref()
                .and_then(|(s, _)| word_before(text, *s))
                .is_some_and(|(_, w)| w.eq_ignore_ascii_case("month")));
    if year.is_none() && part.is_none() {
        if lexicon::classes(m_tok.as_str()).has(Class::MonthNameAmbiguous) {
            if !cue {
                return None;
            }
            if word_after(text, end).is_some_and(|w| in_list(w, REPORTING)) {
                return None;
            }
        } else if !cue && after_capitalised_word(ctx, start) {
            return None;
        }
    }
    let granularity = if part.is_some() {
        Granularity::PartOfMonth
    } else {
        Granularity::Month
    };
    if let Some(y) = year {
        let mut cand = Cand::new(start, end, granularity, DateReading::Absolute);
        if let Some((s, b)) = bound_prefix(text, start) {
            cand.start = s;
            bound_reason(&mut cand.reasons, b);
        }
        cand.value = month_value(y, month, part);
        return Some(cand);
    }
    // No year: relative, news mode.
    let mut modifier: Option<&str> = None;
    if let Some((s, w)) = prev {
        if let Some(m) = ["last", "next", "this", "coming", "past"]
            .into_iter()
            .find(|m| w.eq_ignore_ascii_case(m))
        {
            modifier = Some(m);
            start = s;
        }
    }
    let mut cand = Cand::new(start, end, granularity, DateReading::Relative);
    let mut bound = None;
    if modifier.is_none() {
        if let Some((s, b)) = bound_prefix(text, start) {
            cand.start = s;
            bound_reason(&mut cand.reasons, b);
            bound = Some(b);
        }
    }
    let Some(r) = ctx.reference else {
        cand.reasons.push(NO_REF);
        return Some(cand);
    };
    let ry = r.year();
    let rm = r.month();
    let y = match modifier {
        Some("last") | Some("past") => {
            cand.reasons
                .push(&format!("'{}': month before {r}", modifier?));
            if month < rm {
                ry
            } else {
                ry - 1
            }
        }
        Some("next") => {
            cand.reasons.push(&format!("'next': month after {r}"));
            if month > rm {
                ry
            } else {
                ry + 1
            }
        }
        Some("this") => {
            cand.reasons.push(&format!("'this': year of {r}"));
            ry
        }
        _ => {
            let (tense, cue) = match bound {
                Some("by" | "until" | "till") => (Tense::Future, bound.map(String::from)),
                Some("since") => (Tense::Past, bound.map(String::from)),
                _ if modifier == Some("coming") => (Tense::Future, Some("coming".to_string())),
                _ => clause_tense(ctx, cand.start, end),
            };
            tense_reason(&mut cand.reasons, "month", tense, r, cue.as_deref());
            match tense {
                Tense::Past if month <= rm => ry,
                Tense::Past => ry - 1,
                Tense::Future if month >= rm => ry,
                Tense::Future => ry + 1,
            }
        }
    };
    cand.value = month_value(y, month, part);
    Some(cand)
}

const OF_YEAR_OK: &[&str] = &[
    "end",
    "start",
    "beginning",
    "middle",
    "summer",
    "spring",
    "autumn",
    "fall",
    "winter",
    "half",
    "quarter",
    "rest",
    "course",
];
const CHANGE_VERBS: &[&str] = &[
    "increased",
    "increase",
    "increases",
    "decreased",
    "rose",
    "rise",
    "rises",
    "risen",
    "fell",
    "fall",
    "falls",
    "fallen",
    "grew",
    "grow",
    "grown",
    "dropped",
    "drop",
    "cut",
    "reduced",
    "raised",
    "up",
    "down",
    "jumped",
    "declined",
    "climbed",
    "slipped",
    "gained",
    "lost",
    "outnumbered",
    "exceeded",
];

/// “in 2021”, “since 2014”, “by 2030”, “mid-2022”, “the end of 2021”.
fn year_expr(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let text = ctx.text;
    let y_m = c.get(g::Y)?;
    let cue = c.get(g::CUE);
    let part_m = c.get(g::PART);
    if cue.is_none() && part_m.is_none() {
        return None;
    }
    if !year_tail_ok(text, y_m.end()) {
        return None;
    }
    let cue_word = cue.map(|m| lower(m.as_str()));
    if let (Some(cw), Some(cm)) = (&cue_word, cue) {
        let before = word_before(text, cm.start()).map(|(_, w)| lower(w));
        if cw == "of"
            && part_m.is_none()
            && !before.as_deref().is_some_and(|w| OF_YEAR_OK.contains(&w))
        {
            return None;
        }
        if (cw == "by" || cw == "from")
            && before.as_deref().is_some_and(|w| CHANGE_VERBS.contains(&w))
        {
            return None;
        }
        // “from 1990 to 2000 soldiers”: a number before the cue.
        if text
            .get(..cm.start())
            .map(|s| s.trim_end())
            .and_then(|s| s.chars().last())
            .is_some_and(|ch| ch.is_ascii_digit())
        {
            return None;
        }
    }
    let y: i32 = y_m.as_str().parse().ok()?;
    let part = part_m.and_then(|p| part_of(p.as_str()));
    // “(by) the end of 2021”: December; “the beginning of 2022”: January.
    if let (Some("of"), Some(cm), None) = (cue_word.as_deref(), cue, part_m) {
        if let Some((ws, w)) = word_before(text, cm.start()) {
            let months = match lower(w).as_str() {
                "end" => Some((12, 12)),
                "beginning" | "start" => Some((1, 1)),
                "middle" => Some((6, 7)),
                _ => None,
            };
            if let Some((a, b)) = months {
                let mut cand = Cand::new(ws, y_m.end(), Granularity::Month, DateReading::Absolute);
                if let Some((s, bw)) = bound_prefix(text, ws) {
                    cand.start = s;
                    bound_reason(&mut cand.reasons, bw);
                } else if let Some((s, the)) = word_before(text, ws) {
                    if the.eq_ignore_ascii_case("the") {
                        cand.start = s;
                    }
                }
                cand.value = Some(interval(month_start(y, a)?, month_end(y, b)?));
                return Some(cand);
            }
        }
    }
    let bound = cue_word
        .as_deref()
        .filter(|w| BOUNDS.contains(w))
        .map(str::to_string);
    let start = match (&bound, cue, part_m) {
        (Some(_), Some(cm), _) => cm.start(),
        (_, _, Some(pm)) => pm.start(),
        _ => y_m.start(),
    };
    let granularity = if part.is_some() {
        Granularity::Month
    } else {
        Granularity::Year
    };
    let mut cand = Cand::new(start, y_m.end(), granularity, DateReading::Absolute);
    if let Some(b) = bound {
        bound_reason(&mut cand.reasons, &b);
    }
    cand.value = year_value(y, part);
    Some(cand)
}

const HOLIDAY_WORDS: &[&str] = &[
    "good", "black", "holy", "easter", "palm", "ash", "cyber", "bloody", "super", "maundy",
    "shrove", "whit", "giving",
];

fn resolve_weekday(r: NaiveDate, wd: Weekday, tense: Tense, strict: bool) -> Option<NaiveDate> {
    let ks: std::ops::RangeInclusive<i64> = if strict { 1..=7 } else { 0..=6 };
    for k in ks {
        let d = add_days(r, if tense == Tense::Future { k } else { -k })?;
        if d.weekday() == wd {
            return Some(d);
        }
    }
    None
}

/// “Friday”, “this Tuesday night”, “last Monday”, “by Friday”.
fn weekday_expr(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let text = ctx.text;
    let whole = c.get(g::WHOLE)?;
    let wd_m = c.get(g::WD)?;
    if !starts_upper(wd_m.as_str()) {
        return None;
    }
    let wd = weekday_of(wd_m.as_str())?;
    let modifier = c.get(g::MOD).map(|m| {
        norm_phrase(
            m.as_str(),
            &["this past", "this", "last", "next", "coming", "past"],
        )
    });
    let start = if modifier.is_some() {
        whole.start()
    } else {
        wd_m.start()
    };
    if modifier.is_none() {
        if let Some((_, w)) = word_before(text, start) {
            if in_list(w, HOLIDAY_WORDS) && starts_upper(w) {
                return None;
            }
        }
        // “The Sunday Times”: a title between a determiner or name and
        // another capitalised word.
        let next_cap = word_after(text, wd_m.end()).is_some_and(starts_upper);
        let prev_name = word_before(text, start)
            .is_some_and(|(_, w)| w.eq_ignore_ascii_case("the"))
            || after_capitalised_word(ctx, start);
        if next_cap && prev_name {
            return None;
        }
    }
    let mut cand = Cand::new(start, whole.end(), Granularity::Day, DateReading::Relative);
    cand.time_of_day = c.get(g::TOD).map(|m| lower(m.as_str()));
    let mut bound = None;
    if modifier.is_none() {
        if let Some((s, b)) = bound_prefix(text, start) {
            cand.start = s;
            bound_reason(&mut cand.reasons, b);
            bound = Some(b);
        }
    }
    let Some(r) = ctx.reference else {
        cand.reasons.push(NO_REF);
        return Some(cand);
    };
    let (tense, strict, why) = match modifier.as_deref() {
        Some("last") | Some("past") | Some("this past") => {
            (Tense::Past, true, modifier.as_deref().map(String::from))
        }
        Some("next") => (Tense::Future, true, Some("next".to_string())),
        Some("coming") => (Tense::Future, false, Some("coming".to_string())),
        _ => match bound {
            Some("by" | "until" | "till") => (Tense::Future, false, bound.map(String::from)),
            Some("since") => (Tense::Past, false, bound.map(String::from)),
            _ => {
                let (t, cue) = clause_tense(ctx, cand.start, cand.end);
                (t, false, cue)
            }
        },
    };
    cand.value = resolve_weekday(r, wd, tense, strict).map(DateValue::Day);
    tense_reason(&mut cand.reasons, "weekday", tense, r, why.as_deref());
    Some(cand)
}

/// “yesterday”, “today”, “tomorrow night”, “last night”, “this morning”.
fn deictic_expr(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.get(g::WHOLE)?;
    let w_m = c.get(g::W)?;
    let w = norm_phrase(
        w_m.as_str(),
        &[
            "the day before yesterday",
            "the day after tomorrow",
            "yesterday",
            "today",
            "tonight",
            "tomorrow",
            "last night",
            "this morning",
            "this afternoon",
            "this evening",
        ],
    );
    // “USA Today”, “the Today programme”: a capital not explained by the
    // start of a sentence or clause makes it a name.
    if starts_upper(w_m.as_str()) && !clause_initial(ctx, w_m.start()) {
        return None;
    }
    let (offset, tod): (i64, Option<&str>) = match &*w {
        "the day before yesterday" => (-2, None),
        "the day after tomorrow" => (2, None),
        "yesterday" => (-1, None),
        "today" => (0, None),
        "tonight" => (0, Some("night")),
        "tomorrow" => (1, None),
        "last night" => (-1, Some("night")),
        "this morning" => (0, Some("morning")),
        "this afternoon" => (0, Some("afternoon")),
        "this evening" => (0, Some("evening")),
        _ => return None,
    };
    let mut cand = Cand::new(
        whole.start(),
        whole.end(),
        Granularity::Day,
        DateReading::Relative,
    );
    match (tod, c.get(g::TOD)) {
        (Some(t), _) => {
            // “tonight night” cannot happen; drop a second time of day.
            cand.end = w_m.end();
            cand.time_of_day = Some(t.to_string());
        }
        (None, Some(t)) => cand.time_of_day = Some(lower(t.as_str())),
        (None, None) => {}
    }
    match ctx.reference {
        Some(r) => cand.value = add_days(r, offset).map(DateValue::Day),
        None => cand.reasons.push(NO_REF),
    }
    Some(cand)
}

/// “last week”, “this month”, “next year”, “earlier this month”, “the past
/// week”, “this weekend”.
fn period_expr(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.get(g::WHOLE)?;
    let modifier = lower(c.get(g::MOD)?.as_str());
    let unit = lower(c.get(g::UNIT)?.as_str());
    let adv = c
        .get(g::ADV)
        .filter(|_| modifier == "this")
        .map(|m| lower(m.as_str()));
    let start = if adv.is_some() {
        whole.start()
    } else {
        c.get(g::MOD)?.start()
    };
    let granularity = match (unit.as_str(), adv.is_some()) {
        ("week" | "weekend", _) => Granularity::Week,
        ("month", true) => Granularity::PartOfMonth,
        ("month", false) => Granularity::Month,
        (_, true) => Granularity::Month,
        _ => Granularity::Year,
    };
    let mut cand = Cand::new(start, whole.end(), granularity, DateReading::Relative);
    let Some(r) = ctx.reference else {
        cand.reasons.push(NO_REF);
        return Some(cand);
    };
    // The period [a, b] named by `modifier` + `unit`.
    let (a, b) = match (unit.as_str(), modifier.as_str()) {
        ("week", "past") => (add_days(r, -7)?, add_days(r, -1)?),
        ("week", "coming") => (add_days(r, 1)?, add_days(r, 7)?),
        ("week", m) => {
            let k = match m {
                "last" => -7,
                "next" => 7,
                _ => 0,
            };
            let mon = add_days(week_monday(r)?, k)?;
            (mon, add_days(mon, 6)?)
        }
        ("weekend", m) => {
            let k = match m {
                "last" | "past" => -7,
                "next" => 7,
                "coming" if r.weekday() == Weekday::Sun => 7,
                _ => 0,
            };
            let sat = add_days(week_monday(r)?, 5 + k)?;
            (sat, add_days(sat, 1)?)
        }
        ("month", "past") => (add_months(r, -1)?, add_days(r, -1)?),
        ("month", "coming") => (add_days(r, 1)?, add_months(r, 1)?),
        ("month", m) => {
            let k = match m {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let first = add_months(month_start(r.year(), r.month())?, k)?;
            (first, month_end(first.year(), first.month())?)
        }
        ("year", "past") => (add_months(r, -12)?, add_days(r, -1)?),
        ("year", "coming") => (add_days(r, 1)?, add_months(r, 12)?),
        ("year", m) => {
            let y = match m {
                "last" => r.year() - 1,
                "next" => r.year() + 1,
                _ => r.year(),
            };
            (ymd(y, 1, 1)?, ymd(y, 12, 31)?)
        }
        _ => return None,
    };
    let (a, b) = match adv.as_deref() {
        Some("earlier") => (a, add_days(r, -1)?.max(a)),
        Some("later") => (add_days(r, 1)?.min(b), b),
        _ => (a, b),
    };
    cand.value = Some(interval(a, b));
    Some(cand)
}

/// “(by) the end of the month”, “the beginning of next week”.
fn part_period_expr(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.get(g::WHOLE)?;
    let part = part_of(c.get(g::PART)?.as_str())?;
    let modifier = lower(c.get(g::MOD)?.as_str());
    let unit = lower(c.get(g::UNIT)?.as_str());
    let granularity = match unit.as_str() {
        "week" => Granularity::Week,
        "month" => Granularity::PartOfMonth,
        _ => Granularity::Month,
    };
    let mut cand = Cand::new(
        whole.start(),
        whole.end(),
        granularity,
        DateReading::Relative,
    );
    if let Some((s, b)) = bound_prefix(ctx.text, whole.start()) {
        cand.start = s;
        bound_reason(&mut cand.reasons, b);
    } else if let Some((s, w)) = word_before(ctx.text, whole.start()) {
        if w.eq_ignore_ascii_case("the") {
            cand.start = s;
        }
    }
    let Some(r) = ctx.reference else {
        cand.reasons.push(NO_REF);
        return Some(cand);
    };
    let k: i64 = match modifier.as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let value = match unit.as_str() {
        "week" => {
            let mon = add_days(week_monday(r)?, 7 * k)?;
            let (a, b) = match part {
                Part::Early => (0, 1),
                Part::Mid => (2, 3),
                Part::Late => (4, 6),
            };
            interval(add_days(mon, a)?, add_days(mon, b)?)
        }
        "month" => {
            let first = add_months(month_start(r.year(), r.month())?, k)?;
            month_value(first.year(), first.month(), Some(part))?
        }
        _ => {
            let y = r.year() + i32::try_from(k).ok()?;
            let (a, b) = match part {
                Part::Early => (1, 1),
                Part::Mid => (6, 7),
                Part::Late => (12, 12),
            };
            interval(month_start(y, a)?, month_end(y, b)?)
        }
    };
    cand.value = Some(value);
    Some(cand)
}

/// How many days a vague or counted span covers, and its granularity.
fn span_days(q: Option<&str>, n: Option<u32>, unit: &str) -> Option<(i64, Granularity)> {
    let count: Option<i64> = match (q, n) {
        (_, Some(n)) => Some(i64::from(n)),
        (None, None) => None,
        (Some(w), None) if in_list(w, &["few", "several", "a few"]) => None,
        (Some(w), None) => Some(i64::from(word_count(w)?)),
    };
    let unit = unit_kind(unit).unwrap_or("");
    Some(match (unit, count) {
        ("day", None) => (7, Granularity::Week),
        ("day", Some(n)) => (n, Granularity::Week),
        ("week", None) => (28, Granularity::Month),
        ("week", Some(n)) => (
            7 * n,
            if n <= 2 {
                Granularity::Week
            } else {
                Granularity::Month
            },
        ),
        ("month", None) => (91, Granularity::Month),
        ("month", Some(n)) => (30 * n, Granularity::Month),
        ("year", None) => (3 * 365, Granularity::Year),
        ("year", Some(n)) => (365 * n, Granularity::Year),
        _ => return None,
    })
}

/// “(in) the next few days”, “coming days”, “the last two years”.
fn few_expr(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.get(g::WHOLE)?;
    let dir = c.get(g::DIR)?.as_str();
    let unit = c.get(g::UNIT)?.as_str();
    let q = c.get(g::Q).map(|m| m.as_str());
    let n = match c.get(g::QN) {
        Some(m) => Some(m.as_str().parse::<u32>().ok()?),
        None => None,
    };
    if n == Some(0) {
        return None;
    }
    let past = in_list(dir, &["past", "last"]);
    if past && q.is_none() && n.is_none() {
        return None; // “the last days of the empire”
    }
    let (days, granularity) = span_days(q, n, unit)?;
    let mut cand = Cand::new(
        whole.start(),
        whole.end(),
        granularity,
        DateReading::Relative,
    );
    let Some(r) = ctx.reference else {
        cand.reasons.push(NO_REF);
        return Some(cand);
    };
    cand.value = Some(if past {
        interval(add_days(r, -days)?, add_days(r, -1)?)
    } else {
        interval(add_days(r, 1)?, add_days(r, days)?)
    });
    Some(cand)
}

/// “the days ahead”, “weeks ahead”.
fn ahead_expr(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.get(g::WHOLE)?;
    let unit = c.get(g::UNIT)?.as_str();
    let (days, granularity) = span_days(None, None, unit)?;
    let mut cand = Cand::new(
        whole.start(),
        whole.end(),
        granularity,
        DateReading::Relative,
    );
    let Some(r) = ctx.reference else {
        cand.reasons.push(NO_REF);
        return Some(cand);
    };
    cand.value = Some(interval(add_days(r, 1)?, add_days(r, days)?));
    Some(cand)
}

const NOT_OFFSET_BEFORE: &[&str] = &[
    "first", "most", "highest", "lowest", "longest", "shortest", "worst", "best", "biggest",
    "largest", "time", "once", "twice", "times", "only", "record",
];

/// “in two weeks”, “within a week”, “three days ago”.
fn offset_expr(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let text = ctx.text;
    let whole = c.get(g::WHOLE)?;
    let pre = c.get(g::PRE).map(|m| lower(m.as_str()));
    let ago = c.get(g::AGO).is_some();
    if pre.is_none() && !ago {
        return None;
    }
    let unit = lower(c.get(g::UNIT)?.as_str());
    let n_word = c.get(g::N).map(|m| m.as_str());
    let n: Option<u32> = match (n_word, c.get(g::NN)) {
        (_, Some(m)) => Some(m.as_str().parse().ok()?),
        (Some(w), None) if lower(w).ends_with("few") => None,
        (Some(w), None) => Some(word_count(w)?),
        (None, None) => return None,
    };
    if n == Some(0) {
        return None;
    }
    // Both the phrase and its count must agree in number (“a days” is junk).
    let plural = unit.ends_with('s');
    if (n == Some(1) && plural) || (n != Some(1) && !plural) {
        return None;
    }
    let (start, future) = if ago {
        // “in two days ago” is not English; read the “ago”.
        let s = c.get(g::N).or_else(|| c.get(g::NN))?.start();
        (s, false)
    } else {
        let pm = c.get(g::PRE)?;
        // “in two days of talks”: a duration, not a date.
        if word_after(text, c.get(g::UNIT)?.end()).is_some_and(|w| w.eq_ignore_ascii_case("of")) {
            return None;
        }
        let mut p = pm.start();
        for _ in 0..3 {
            match word_before(text, p) {
                Some((s, w)) => {
                    if NOT_OFFSET_BEFORE.contains(&lower(w).as_str()) {
                        return None;
                    }
                    p = s;
                }
                None => break,
            }
        }
        // “killed in two days”: a duration in past narration.
        let (tense, cue) = clause_tense(ctx, pm.start(), whole.end());
        if tense == Tense::Past && cue.is_some() {
            return None;
        }
        (pm.start(), true)
    };
    let unit1 = unit.trim_end_matches('s').to_string();
    let granularity = match unit1.as_str() {
        "day" => Granularity::Day,
        "week" => Granularity::Week,
        "month" => Granularity::Month,
        _ => Granularity::Year,
    };
    let mut cand = Cand::new(start, whole.end(), granularity, DateReading::Relative);
    let Some(r) = ctx.reference else {
        cand.reasons.push(NO_REF);
        return Some(cand);
    };
    let shift = |k: i64| -> Option<NaiveDate> {
        match unit1.as_str() {
            "day" => add_days(r, k),
            "week" => add_days(r, 7 * k),
            "month" => add_months(r, k),
            _ => add_months(r, 12 * k),
        }
    };
    let value = match (n, future, pre.as_deref()) {
        (None, _, _) => {
            let (days, g) = span_days(None, None, &unit)?;
            cand.granularity = g;
            if future {
                interval(add_days(r, 1)?, add_days(r, days)?)
            } else {
                interval(add_days(r, -days)?, add_days(r, -1)?)
            }
        }
        (Some(n), true, Some("within")) => {
            interval(add_days(r, 1)?, shift(i64::from(n))?.max(add_days(r, 1)?))
        }
        (Some(n), true, _) => DateValue::Day(shift(i64::from(n))?),
        (Some(n), false, _) => DateValue::Day(shift(-i64::from(n))?),
    };
    cand.value = Some(value);
    Some(cand)
}

/// “soon”, “shortly”, “(in the) near future”: marked, not resolved.
fn vague_expr(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let text = ctx.text;
    let v = c.get(g::V)?;
    if let Some((_, w)) = word_before(text, v.start()) {
        if in_list(w, &["as", "how", "too", "so"]) {
            return None;
        }
    }
    if let Some(w) = word_after(text, v.end()) {
        if in_list(
            w,
            &[
                "after",
                "before",
                "thereafter",
                "afterwards",
                "afterward",
                "as",
                "enough",
            ],
        ) {
            return None;
        }
    }
    let word = norm_phrase(v.as_str(), &["shortly", "soon", "near future"]);
    let mut cand = Cand::new(
        v.start(),
        v.end(),
        Granularity::Unknown,
        DateReading::Relative,
    );
    let out = cand.reasons.next(word.len() + 43);
    out.push_str("vague future ('");
    out.push_str(&word);
    out.push_str("'): not resolved to a date");
    Some(cand)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regexes the matchers replace, by table rank, anchored (`^`):
    /// each runs on `text[start..]` for a candidate start.
    fn regexes() -> Vec<regex::Regex> {
        const B: &str = r"(?-u:\b)";
        let months_full = alternation(Class::Month);
        let months_abbr = alternation(Class::MonthAbbr);
        let weekdays = alternation(Class::Weekday);
        let num_words = alternation(Class::NumberWord);
        let re = |s: String| regex::Regex::new(&s).expect("date pattern compiles");
        let month = format!(r"(?P<m>(?i-u:{months_full}){B}|(?i-u:{months_abbr}){B}\.?)");
        let day = r"(?P<dd>(?P<d>[0-9]{1,2})(?i-u:st|nd|rd|th)?)";
        let day2 = r"(?:\s*[-–]\s*(?P<dd2>(?P<d2>[0-9]{1,2})(?i-u:st|nd|rd|th)?))?";
        let wd = format!(r"(?:(?P<wd>(?i-u:{weekdays})),?\s+)?");
        let year_tail = r"(?:,?\s+(?P<y>[0-9]{4}))?";
        let tod = format!(r"(?:\s+(?P<tod>(?i-u:morning|afternoon|evening|night)){B})?");
        let iso = format!(r"{B}(?P<y>[0-9]{{4}})-(?P<mo>[0-9]{{2}})-(?P<d>[0-9]{{2}}){B}");
        let month_day = format!(r"{B}{wd}{month}\s+{day}{day2}{B}{year_tail}");
        let day_month = format!(r"{B}{wd}{day}{day2}\s+(?:(?i-u:of)\s+)?{month}{year_tail}");
        let month_alone = format!(
            r"{B}(?:(?P<part>(?i-u:early|mid|late))(?:\s*[-–]\s*|\s+)|(?P<part2>(?i-u:beginning|start|middle|end))\s+(?i-u:of)\s+)?(?P<m>(?i-u:{months_full})){B}(?:,?\s+(?:(?i-u:of)\s+)?(?P<y>[0-9]{{4}}))?"
        );
        let year = format!(
            r"{B}(?:(?P<cue>(?i-u:in|since|by|until|till|through|from|before|after|during|of))\s+)?(?:(?P<part>(?i-u:early|mid|late))(?:\s*[-–]\s*|\s+))?(?P<y>(?:19|20)[0-9]{{2}}){B}"
        );
        let weekday = format!(
            r"{B}(?:(?P<mod>(?i-u:this\s+past|this|last|next|coming|past))\s+)?(?P<wd>(?i-u:{weekdays})){B}{tod}"
        );
        let deictic = format!(
            r"{B}(?P<w>(?i-u:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow|last\s+night|this\s+morning|this\s+afternoon|this\s+evening)){B}{tod}"
        );
        let period = format!(
            r"{B}(?:(?P<adv>(?i-u:earlier|later))\s+)?(?P<mod>(?i-u:last|this|next|past|coming))\s+(?P<unit>(?i-u:week|weekend|month|year)){B}"
        );
        let part_period = format!(
            r"{B}(?P<part>(?i-u:end|beginning|start|middle))\s+(?i-u:of)\s+(?P<mod>(?i-u:the|this|next|last))\s+(?P<unit>(?i-u:week|month|year)){B}"
        );
        let few = format!(
            r"{B}(?P<dir>(?i-u:next|coming|upcoming|past|last))\s+(?:(?P<q>(?i-u:few|couple\s+of|several|{num_words})|(?P<qn>[0-9]{{1,3}}))\s+)?(?P<unit>(?i-u:days|weeks|months|years)){B}"
        );
        let ahead = format!(r"{B}(?P<unit>(?i-u:days|weeks|months))\s+(?i-u:ahead){B}");
        let offset = format!(
            r"{B}(?:(?P<pre>(?i-u:in|within))\s+)?(?:(?P<n>(?i-u:a\s+couple\s+of|a\s+few|a|an|{num_words}))|(?P<nn>[0-9]{{1,3}}))\s+(?P<unit>(?i-u:days|day|weeks|week|months|month|years|year)){B}(?:\s+(?P<ago>(?i-u:ago)){B})?"
        );
        let vague = format!(r"{B}(?P<v>(?i-u:shortly|soon|near\s+future)){B}");
        [
            iso,
            month_day,
            day_month,
            month_alone,
            year,
            weekday,
            deictic,
            period,
            part_period,
            few,
            ahead,
            offset,
            vague,
        ]
        .into_iter()
        .map(|src| re(format!("^(?:{src})")))
        .collect()
    }

    /// The hand matchers give exactly the regexes' matches: the same end
    /// and the same span for every group, at every start of random texts
    /// built from the patterns' words in any case, numbers of any length
    /// and separators that test the `\s` classes (Unicode between words,
    /// ASCII inside `(?i-u:…)`), dashes, commas and dots.
    /// `DATES_MATCHER_TEXTS` sets the number of texts (default 10,000),
    /// `DATES_MATCHER_SEED` the generator's seed.
    /// The words of the patterns' alternations plus the unit, period and
    /// filler words they use: the vocabulary the random texts of the
    /// differential tests are built from.
    fn pattern_words() -> impl Iterator<Item = &'static str> {
        all_keys().leak().split('|').chain([
            "days",
            "weeks",
            "months",
            "couple",
            "few",
            "several",
            "day",
            "week",
            "weekend",
            "month",
            "year",
            "years",
            "ahead",
            "ago",
            "future",
            "morning",
            "night",
            "evening",
            "afternoon",
            "of",
        ])
    }

    #[test]
    fn matchers_agree_with_the_regexes() {
        let res = regexes();
        let words: Vec<String> = pattern_words()
            .chain([
                "pastime", "weekends", "midst", "inside", "ofx", "ann", "st", "nd", "rd", "th",
                "x", "_", "Jan.", "Sept.", "1st", "2nd", "23rd", "4th", "4ST",
            ])
            .map(str::to_string)
            .collect();
        let seps = [
            " ", " ", " ", "  ", ",", ", ", ".", ". ", "-", "–", " - ", " – ", "—", "\u{a0}",
            "\u{2003}", "\u{85}", "\u{1680}", "\u{3000}", "\u{2028}", "\u{202f}", "\u{205f}",
            "\u{180e}", "\u{200b}", "\u{b}", "\u{c}", "\t", "\n", "\r\n", "é", "'", ";", "",
            // from the review of the hand matchers: more separators and
            // characters next to ASCII letters and digits
            "\u{2029}", "\u{feff}", "\u{1c}", "\u{1f}", "\0", "ſ", "\u{212a}", "İ", "ı", "\u{301}",
            "１", "٣", "²", "\u{2012}", "\u{2212}", "_",
        ];
        let n: usize = std::env::var("DATES_MATCHER_TEXTS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(10_000);
        let mut seed: u64 = std::env::var("DATES_MATCHER_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0x9E37_79B9_7F4A_7C15);
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..n {
            let mut text = String::new();
            for _ in 0..10 {
                match next(5) {
                    0 => {
                        let digits = 1 + next(5);
                        for k in 0..digits {
                            let d = if k == 0 { 1 + next(9) } else { next(10) };
                            text.push(char::from(b'0' + d as u8));
                        }
                        if next(3) == 0 {
                            text.push_str(["st", "nd", "rd", "th", "TH", "s"][next(6)]);
                        }
                    }
                    _ => {
                        let w = &words[next(words.len())];
                        let w = match next(4) {
                            0 => w.to_ascii_uppercase(),
                            1 => {
                                let mut c = w.clone();
                                c[..1].make_ascii_uppercase();
                                c
                            }
                            2 => w
                                .chars()
                                .map(|c| {
                                    if next(2) == 0 {
                                        c.to_ascii_uppercase()
                                    } else {
                                        c
                                    }
                                })
                                .collect(),
                            _ => w.clone(),
                        };
                        text.push_str(&w);
                    }
                }
                text.push_str(seps[next(seps.len())]);
            }
            let scan = Scan {
                t: &text,
                b: text.as_bytes(),
                toks: &[],
            };
            for pos in 0..text.len() {
                if !text.is_char_boundary(pos) || !WORD[usize::from(text.as_bytes()[pos])] {
                    continue;
                }
                for (rank, re) in res.iter().enumerate().filter(|(r, _)| !is_rule(*r)) {
                    let want = re.captures(&text[pos..]);
                    let got = MATCHERS[rank](scan, pos);
                    match (&want, &got) {
                        (None, None) => {}
                        (Some(w), Some(c)) => {
                            for (i, name) in g::NAMES.iter().enumerate() {
                                let w = if i == g::WHOLE {
                                    w.get(0)
                                } else {
                                    w.name(name)
                                };
                                let w = w.map(|m| (m.start() + pos, m.end() + pos));
                                let c = c.get(i).map(|m| (m.start(), m.end()));
                                assert_eq!(w, c, "rank {rank} group {name:?} at {pos} in {text:?}");
                            }
                        }
                        _ => panic!(
                            "rank {rank} at {pos} in {text:?}: regex {:?}, matcher {:?}",
                            want.as_ref().map(|w| w.get(0).map(|m| m.as_str())),
                            got.as_ref().map(|c| c.spans[g::WHOLE]),
                        ),
                    }
                }
            }
        }
    }

    /// The groups (name, text) of matcher `rank` at the start of `text`.
    fn groups(rank: usize, text: &str) -> Option<Vec<(&'static str, &str)>> {
        let scan = Scan {
            t: text,
            b: text.as_bytes(),
            toks: &[],
        };
        let got: Option<Vec<_>> = MATCHERS[rank](scan, 0).map(|c| {
            (0..g::COUNT)
                .filter_map(|i| c.get(i).map(|m| (g::NAMES[i], m.as_str())))
                .collect()
        });
        // the regex agrees
        let want: Option<Vec<_>> = regexes()[rank].captures(text).map(|c| {
            (0..g::COUNT)
                .filter_map(|i| {
                    let m = if i == g::WHOLE {
                        c.get(0)
                    } else {
                        c.name(g::NAMES[i])
                    };
                    m.map(|m| (g::NAMES[i], m.as_str()))
                })
                .collect()
        });
        assert_eq!(got, want, "rank {rank} on {text:?}");
        got
    }

    /// Edge cases of the regexes that the matchers keep.
    #[test]
    fn matcher_edge_cases() {
        // `\s` inside `(?i-u:this\s+past)` is ASCII: a no-break space
        // there ends the modifier at `this`, and then nothing matches
        assert_eq!(groups(5, "this\u{a0}past Friday"), None);
        assert_eq!(
            groups(5, "This past\u{a0}FRIDAY night"),
            Some(vec![
                ("", "This past\u{a0}FRIDAY night"),
                ("wd", "FRIDAY"),
                ("mod", "This past"),
                ("tod", "night"),
            ])
        );
        // `q` holds the digits of `qn` too
        let few = groups(9, "next 3 days").unwrap();
        assert!(few.contains(&("q", "3")) && few.contains(&("qn", "3")));
        // an abbreviation keeps its dot; three digits are no day
        assert!(groups(1, "Sept. 4").unwrap().contains(&("m", "Sept.")));
        assert_eq!(groups(1, "Jan 123"), None);
        // a year is four digits with nothing more; `y` takes the first four
        assert_eq!(groups(4, "in 20225"), None);
        assert!(groups(2, "4 February 20225")
            .unwrap()
            .contains(&("y", "2022")));
        // Unicode white space between words, a dash range and `of`
        let dm = groups(2, "4th\u{2003}–\u{a0}6th  of\u{3000}February, 2022").unwrap();
        assert!(
            dm.contains(&("dd", "4th")) && dm.contains(&("d2", "6")) && dm.contains(&("y", "2022"))
        );
        // U+180E is not white space (any more)
        assert_eq!(groups(5, "last\u{180e}Friday"), None);
        // `a couple of` falls back to `a` only when a unit follows
        assert!(groups(11, "in a couple of weeks")
            .unwrap()
            .contains(&("n", "a couple of")));
        assert_eq!(groups(11, "in a couple weeks"), None);
        // `week` and `weekend`, `day` and `days` are whole words
        assert!(groups(7, "this weekend")
            .unwrap()
            .contains(&("unit", "weekend")));
        assert_eq!(groups(7, "this weekends"), None);
    }

    /// The patterns' first words besides months, weekdays and number words.
    const YEARLESS_KEYS: &str = "early|mid|late|beginning|start|middle|end|in|since|by|until|till|through|from|before|after|during|of|this|last|next|coming|past|the|yesterday|today|tonight|tomorrow|earlier|later|upcoming|within|a|an|shortly|soon|near";

    /// True for a rank whose pattern is a token rule (checked by its
    /// examples, not against the byte regexes).
    fn is_rule(rank: usize) -> bool {
        DATE_RULES.iter().any(|d| d.rank == rank)
    }

    /// Every example of every date rule holds.
    #[test]
    fn date_rules_examples() {
        let rules: Vec<Rule> = DATE_RULES.iter().map(|d| d.rule).collect();
        assert_eq!(crate::rules::check_examples(&rules), Vec::<String>::new());
    }

    /// A rule's match goes through its handler like a matcher's.
    #[test]
    fn rule_matches_become_dates() {
        let text = "Officials expect more clashes in the days ahead.";
        let d = extract(
            text,
            &crate::sentences::split(text),
            NaiveDate::from_ymd_opt(2022, 1, 27),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].text, "days ahead");
        assert_eq!(d[0].value.unwrap().start().to_string(), "2022-01-28");
    }

    /// The words of a lexicon class as a regex alternation.
    fn alternation(c: Class) -> String {
        lexicon::entries(c)
            .iter()
            .map(|e| e.word)
            .collect::<Vec<_>>()
            .join("|")
    }

    /// Every first word of the patterns, `|`-separated.
    fn all_keys() -> String {
        [
            Class::Month,
            Class::MonthAbbr,
            Class::Weekday,
            Class::NumberWord,
        ]
        .map(alternation)
        .join("|")
            + "|"
            + YEARLESS_KEYS
    }

    #[test]
    fn first_word_classes_find_every_key_in_any_case_and_nothing_else() {
        let get = |w: &[u8]| first_mask(lexicon::classes(std::str::from_utf8(w).unwrap()));
        assert_eq!(get(b"Wednesday"), 1 << 1 | 1 << 2 | 1 << 5);
        assert_eq!(get(b"SEPTEMBER"), 1 << 1 | 1 << 3);
        // “in” starts both a year cue and an offset
        assert_eq!(get(b"in"), 1 << 4 | 1 << 11);
        for w in [
            "septembers",
            "wednesdayx",
            "i",
            "th",
            "dayss",
            "",
            "inn",
            "thE_",
        ] {
            assert_eq!(get(w.as_bytes()), 0, "{w}");
        }
        for k in all_keys().split('|') {
            assert_ne!(get(k.as_bytes()), 0, "{k}");
            assert_ne!(get(k.to_ascii_uppercase().as_bytes()), 0, "{k}");
        }
    }

    /// Every place where a pattern matches is listed by `match_starts` with
    /// that pattern's bit: the first-word and next-class filters never rule
    /// out a match. Random texts built from the patterns' own words.
    #[test]
    fn match_starts_never_drops_a_match() {
        let words: Vec<&str> = pattern_words()
            .chain([
                "2022",
                "1999",
                "4",
                "12",
                "31st",
                "2nd",
                "300",
                "2021-01-26",
                "Friday",
                "February",
                "MID",
                "Last",
                "x",
                "said",
                "the day before yesterday",
                "the day after tomorrow",
                "last night",
                "this morning",
                "a couple of",
                "a few",
                "couple of",
                "near future",
                "this past",
                "days ahead",
                "end of",
                "mid-",
            ])
            .collect();
        let seps = [
            " ", " ", " ", "  ", ", ", ",", ".", ". ", "-", "–", " - ", "\u{a0}", "\n", "_", "é",
            "\u{2003}", ";",
        ];
        let res = regexes();
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..12 {
                text.push_str(words[next(words.len())]);
                text.push_str(seps[next(seps.len())]);
            }
            let starts = match_starts(&text, Analysis::new(&text).tokens());
            let b = text.as_bytes();
            for pos in 0..b.len() {
                let word = |i: usize| b[i].is_ascii_alphanumeric() || b[i] == b'_';
                if !word(pos) || (pos > 0 && word(pos - 1)) {
                    continue;
                }
                let mask = starts.iter().find(|s| s.0 == pos).map_or(0, |s| s.1);
                for (rank, re) in res.iter().enumerate().filter(|(r, _)| !is_rule(*r)) {
                    if re.is_match(&text[pos..]) {
                        assert_ne!(mask & 1 << rank, 0, "rank {rank} at {pos} in {text:?}");
                    }
                }
            }
        }
    }

    const SEED_A: &str = include_str!("../../../seeds/000_93e88e4b70d85a76.txt");
    const SEED_B: &str = include_str!("../../../seeds/001_c40530b05c6dbbf4.txt");

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// 2022-01-27, a Thursday: the seeds' publication date.
    fn thu() -> Option<NaiveDate> {
        Some(d(2022, 1, 27))
    }

    fn run(text: &str, reference: Option<NaiveDate>) -> Vec<DateMention> {
        let found = extract(text, &crate::sentences::split(text), reference);
        check_invariants(text, &found);
        found
    }

    fn check_invariants(text: &str, found: &[DateMention]) {
        for m in found {
            assert_eq!(m.span.slice(text), m.text, "span must slice to text");
            assert!(!m.text.is_empty());
            assert_eq!(m.resolved, m.value.is_some());
        }
        for w in found.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "ordered, no overlap");
        }
    }

    fn find<'a>(found: &'a [DateMention], text: &str) -> &'a DateMention {
        found
            .iter()
            .find(|m| m.text == text)
            .unwrap_or_else(|| panic!("no mention {text:?} in {found:#?}"))
    }

    fn day(m: &DateMention) -> NaiveDate {
        match m.value {
            Some(DateValue::Day(x)) => x,
            other => panic!("{:?}: expected a day, got {other:?}", m.text),
        }
    }

    fn range(m: &DateMention) -> (NaiveDate, NaiveDate) {
        let v = m.value.unwrap_or_else(|| panic!("{:?} unresolved", m.text));
        (v.start(), v.end())
    }

    fn texts(found: &[DateMention]) -> Vec<&str> {
        found.iter().map(|m| m.text.as_str()).collect()
    }

    #[test]
    fn seed_a_expressions() {
        let found = run(SEED_A, thu());
        assert_eq!(
            texts(&found),
            ["by mid-February", "4 February", "next few days", "Friday"]
        );
        let by = find(&found, "by mid-February");
        assert_eq!(range(by), (d(2022, 2, 11), d(2022, 2, 20)));
        assert_eq!(by.granularity, Granularity::PartOfMonth);
        assert!(by
            .reason
            .as_deref()
            .unwrap()
            .contains("bound 'by' (deadline)"));
        let feb4 = find(&found, "4 February");
        assert_eq!(day(feb4), d(2022, 2, 4));
        assert_eq!(feb4.reading, DateReading::Absolute);
        let few = find(&found, "next few days");
        assert_eq!(range(few), (d(2022, 1, 28), d(2022, 2, 3)));
        assert_eq!(few.granularity, Granularity::Week);
        let fri = find(&found, "Friday");
        assert_eq!(day(fri), d(2022, 1, 21));
        assert_eq!(fri.reading, DateReading::Relative);
        assert_eq!(
            fri.reason.as_deref(),
            Some("weekday resolved to the past of 2022-01-27 (cue 'met')")
        );
    }

    #[test]
    fn seed_b_expressions() {
        let found = run(SEED_B, thu());
        let dateline = &found[0];
        assert_eq!(dateline.text, "Thursday, February 2");
        assert_eq!(dateline.span.start, 0);
        assert_eq!(day(dateline), d(2022, 2, 2));
        assert!(dateline
            .reason
            .as_deref()
            .unwrap()
            .contains("written weekday Thursday does not match 2022-02-02 (a Wednesday)"));
        assert_eq!(day(find(&found, "Wednesday")), d(2022, 1, 26));
        let tue = find(&found, "Tuesday night");
        assert_eq!(day(tue), d(2022, 1, 25));
        assert_eq!(tue.time_of_day.as_deref(), Some("night"));
        assert!(tue.reason.as_deref().unwrap().contains("cue 'announced'"));
        let this_tue = find(&found, "this Tuesday night");
        assert_eq!(day(this_tue), d(2022, 1, 25));
        assert_eq!(this_tue.time_of_day.as_deref(), Some("night"));
        let shortly = find(&found, "shortly");
        assert!(!shortly.resolved);
        assert_eq!(shortly.granularity, Granularity::Unknown);
        assert_eq!(shortly.reading, DateReading::Relative);
        assert_eq!(
            range(find(&found, "next few days")),
            (d(2022, 1, 28), d(2022, 2, 3))
        );
        // “Moscow may attack”, “You may also like” are not dates.
        assert!(found.iter().all(|m| !m.text.contains("may")));
    }

    #[test]
    fn spans_slice_to_expression_with_typographic_text() {
        let text =
            "NATO’s chief – speaking “on Friday” – said talks would resume “by mid-February”.";
        let found = run(text, thu());
        assert_eq!(texts(&found), ["Friday", "by mid-February"]);
        let f = &found[0];
        assert_eq!(&text[f.span.start..f.span.end], "Friday");
        assert!(text[..f.span.start].ends_with("“on "));
    }

    #[test]
    fn absolute_forms() {
        let text = "The treaty was signed on January 26, 2022, ratified on 26 January 2023, \
                    published as 2022-01-26 and amended on Feb. 4.";
        let found = run(text, thu());
        assert_eq!(
            texts(&found),
            [
                "January 26, 2022",
                "26 January 2023",
                "2022-01-26",
                "Feb. 4"
            ]
        );
        assert_eq!(day(&found[0]), d(2022, 1, 26));
        assert_eq!(found[0].reason, None);
        assert_eq!(day(&found[1]), d(2023, 1, 26));
        assert_eq!(day(&found[2]), d(2022, 1, 26));
        assert_eq!(day(&found[3]), d(2022, 2, 4));
        assert!(found.iter().all(|m| m.reading == DateReading::Absolute));
        assert!(found.iter().all(|m| m.granularity == Granularity::Day));
    }

    #[test]
    fn month_and_year_forms() {
        let found = run(
            "Prices rose in February 2021 and have doubled since 2014, officials said.",
            thu(),
        );
        assert_eq!(texts(&found), ["February 2021", "since 2014"]);
        assert_eq!(range(&found[0]), (d(2021, 2, 1), d(2021, 2, 28)));
        assert_eq!(found[0].granularity, Granularity::Month);
        assert_eq!(found[0].reading, DateReading::Absolute);
        assert_eq!(range(&found[1]), (d(2014, 1, 1), d(2014, 12, 31)));
        assert_eq!(found[1].granularity, Granularity::Year);

        let found = run("The law was passed in 2021 after a long debate.", thu());
        assert_eq!(texts(&found), ["2021"]);
        assert_eq!(range(&found[0]), (d(2021, 1, 1), d(2021, 12, 31)));

        let found = run("Output is expected to recover by mid-2023.", thu());
        assert_eq!(texts(&found), ["by mid-2023"]);
        assert_eq!(range(&found[0]), (d(2023, 5, 1), d(2023, 8, 31)));
    }

    #[test]
    fn reported_future_and_names() {
        let f = run("Blinken said he would meet Lavrov on Friday.", thu());
        assert_eq!(day(&f[0]), d(2022, 1, 28));
        assert!(f[0].reason.as_deref().unwrap().contains("cue 'would'"));
        assert!(run("The Sunday Times reported the plan.", thu()).is_empty());
        let f = run("By the end of 2021, 300 people had fled.", thu());
        assert_eq!(texts(&f), ["By the end of 2021"]);
        assert_eq!(range(&f[0]), (d(2021, 12, 1), d(2021, 12, 31)));
        assert_eq!(f[0].granularity, Granularity::Month);
    }

    #[test]
    fn day_range() {
        let found = run("The summit runs February 2-4 in Brussels.", thu());
        assert_eq!(texts(&found), ["February 2-4"]);
        assert_eq!(range(&found[0]), (d(2022, 2, 2), d(2022, 2, 4)));
    }

    #[test]
    fn bare_month_news_mode() {
        // Past narration: the February before the reference.
        let found = run("Troops were moved to the border in February.", thu());
        assert_eq!(texts(&found), ["February"]);
        assert_eq!(range(&found[0]), (d(2021, 2, 1), d(2021, 2, 28)));
        assert_eq!(found[0].reading, DateReading::Relative);
        assert!(found[0]
            .reason
            .as_deref()
            .unwrap()
            .starts_with("month resolved to the past of 2022-01-27"));
        // A future cue in the clause: the coming February.
        let found = run("The talks will resume in February, diplomats said.", thu());
        assert_eq!(range(&found[0]), (d(2022, 2, 1), d(2022, 2, 28)));
        assert!(found[0].reason.as_deref().unwrap().contains("cue 'will'"));
        // Modifiers.
        let found = run(
            "Russia massed troops last December and may act next March.",
            thu(),
        );
        assert_eq!(texts(&found), ["last December", "next March"]);
        assert_eq!(range(&found[0]), (d(2021, 12, 1), d(2021, 12, 31)));
        assert_eq!(range(&found[1]), (d(2022, 3, 1), d(2022, 3, 31)));
    }

    #[test]
    fn year_inference_across_year_boundary() {
        let found = run("The convoy left on December 30.", Some(d(2022, 1, 3)));
        assert_eq!(day(&found[0]), d(2021, 12, 30));
        assert_eq!(
            found[0].reason.as_deref(),
            Some("year 2021 from the reference date 2022-01-03 (nearest)")
        );
        let found = run("The vote is on January 2.", Some(d(2021, 12, 30)));
        assert_eq!(day(&found[0]), d(2022, 1, 2));
    }

    #[test]
    fn no_reference_date() {
        let found = run(
            "Blinken met Lavrov on Friday and the Olympics open on 4 February.",
            None,
        );
        assert_eq!(texts(&found), ["Friday", "4 February"]);
        assert!(!found[0].resolved);
        assert_eq!(found[0].value, None);
        assert_eq!(
            found[0].reason.as_deref(),
            Some("relative date and no reference date")
        );
        assert_eq!(found[0].reading, DateReading::Relative);
        assert!(!found[1].resolved);
        assert_eq!(
            found[1].reason.as_deref(),
            Some("no year and no reference date")
        );
        assert_eq!(found[1].reading, DateReading::Absolute);
        // A full date needs no reference.
        let found = run("It happened on January 26, 2022.", None);
        assert_eq!(day(&found[0]), d(2022, 1, 26));
        // Every relative kind is unresolved without a reference.
        let found = run(
            "Yesterday he said last week was hard and talks will resume in two weeks.",
            None,
        );
        assert_eq!(texts(&found), ["Yesterday", "last week", "in two weeks"]);
        assert!(found
            .iter()
            .all(|m| !m.resolved
                && m.reason.as_deref() == Some("relative date and no reference date")));
    }

    #[test]
    fn weekday_past_and_future_cues() {
        let r = thu();
        let one = |t: &str| {
            let f = run(t, r);
            assert_eq!(f.len(), 1, "{t}: {f:#?}");
            f.into_iter().next().unwrap()
        };
        // Past by default and with a past verb.
        assert_eq!(
            day(&one("The minister resigned on Monday.")),
            d(2022, 1, 24)
        );
        assert_eq!(day(&one("Officials spoke Monday.")), d(2022, 1, 24));
        // Future cues.
        let m = one("Blinken will meet Lavrov on Friday.");
        assert_eq!(day(&m), d(2022, 1, 28));
        assert!(m
            .reason
            .as_deref()
            .unwrap()
            .contains("future of 2022-01-27 (cue 'will')"));
        assert_eq!(
            day(&one("The summit is going to take place on Monday.")),
            d(2022, 1, 31)
        );
        assert_eq!(
            day(&one("A vote is to be held on Saturday.")),
            d(2022, 1, 29)
        );
        assert_eq!(
            day(&one("On Friday, Blinken will meet Lavrov.")),
            d(2022, 1, 28)
        );
        let m = one("Russia must reply by Friday.");
        assert_eq!(m.text, "by Friday");
        assert_eq!(day(&m), d(2022, 1, 28));
        // Modifiers are strict.
        assert_eq!(day(&one("He left last Thursday.")), d(2022, 1, 20));
        assert_eq!(day(&one("He arrives next Thursday.")), d(2022, 2, 3));
        assert_eq!(day(&one("He arrives next Tuesday.")), d(2022, 2, 1));
        // The reference's own weekday is the reference day.
        assert_eq!(
            day(&one("NATO said on Thursday it was ready.")),
            d(2022, 1, 27)
        );
        // Past and future in one sentence: each takes its own clause.
        let f = run(
            "Blinken met Lavrov on Friday and will meet him again on Monday.",
            r,
        );
        assert_eq!(texts(&f), ["Friday", "Monday"]);
        assert_eq!(day(&f[0]), d(2022, 1, 21));
        assert_eq!(day(&f[1]), d(2022, 1, 31));
    }

    #[test]
    fn time_of_day() {
        let f = run(
            "Shelling began Wednesday morning and resumed last night; talks are set for tomorrow afternoon.",
            thu(),
        );
        assert_eq!(
            texts(&f),
            ["Wednesday morning", "last night", "tomorrow afternoon"]
        );
        assert_eq!(f[0].time_of_day.as_deref(), Some("morning"));
        assert_eq!(day(&f[0]), d(2022, 1, 26));
        assert_eq!(f[1].time_of_day.as_deref(), Some("night"));
        assert_eq!(day(&f[1]), d(2022, 1, 26));
        assert_eq!(f[2].time_of_day.as_deref(), Some("afternoon"));
        assert_eq!(day(&f[2]), d(2022, 1, 28));
    }

    #[test]
    fn yesterday_today_tomorrow() {
        let f = run(
            "The envoy arrived yesterday, meets officials today and leaves tomorrow; \
             the day before yesterday he was in Kyiv.",
            thu(),
        );
        assert_eq!(
            texts(&f),
            ["yesterday", "today", "tomorrow", "the day before yesterday"]
        );
        assert_eq!(day(&f[0]), d(2022, 1, 26));
        assert_eq!(day(&f[1]), d(2022, 1, 27));
        assert_eq!(day(&f[2]), d(2022, 1, 28));
        assert_eq!(day(&f[3]), d(2022, 1, 25));
    }

    #[test]
    fn weeks_and_months() {
        let f = run(
            "Talks stalled last week, resume this week and end next week. \
             Gas prices fell last month and should rise next month.",
            thu(),
        );
        assert_eq!(
            texts(&f),
            [
                "last week",
                "this week",
                "next week",
                "last month",
                "next month"
            ]
        );
        assert_eq!(range(&f[0]), (d(2022, 1, 17), d(2022, 1, 23)));
        assert_eq!(range(&f[1]), (d(2022, 1, 24), d(2022, 1, 30)));
        assert_eq!(range(&f[2]), (d(2022, 1, 31), d(2022, 2, 6)));
        assert_eq!(f[0].granularity, Granularity::Week);
        assert_eq!(range(&f[3]), (d(2021, 12, 1), d(2021, 12, 31)));
        assert_eq!(range(&f[4]), (d(2022, 2, 1), d(2022, 2, 28)));
        assert_eq!(f[4].granularity, Granularity::Month);

        let f = run(
            "Earlier this month the embassy warned that a decision would come by the end of the month.",
            thu(),
        );
        assert_eq!(texts(&f), ["Earlier this month", "by the end of the month"]);
        assert_eq!(range(&f[0]), (d(2022, 1, 1), d(2022, 1, 26)));
        assert_eq!(range(&f[1]), (d(2022, 1, 21), d(2022, 1, 31)));
        assert_eq!(f[1].granularity, Granularity::PartOfMonth);
        assert!(f[1].reason.as_deref().unwrap().contains("'by'"));
    }

    #[test]
    fn spans_of_days_and_offsets() {
        let f = run(
            "He will travel in the coming days and return in two weeks; the plan was drafted three days ago.",
            thu(),
        );
        assert_eq!(texts(&f), ["coming days", "in two weeks", "three days ago"]);
        assert_eq!(range(&f[0]), (d(2022, 1, 28), d(2022, 2, 3)));
        assert_eq!(day(&f[1]), d(2022, 2, 10));
        assert_eq!(f[1].granularity, Granularity::Week);
        assert_eq!(day(&f[2]), d(2022, 1, 24));
        assert_eq!(f[2].granularity, Granularity::Day);

        let f = run(
            "Fighting eased over the past few days; a deal is expected within a week.",
            thu(),
        );
        assert_eq!(texts(&f), ["past few days", "within a week"]);
        assert_eq!(range(&f[0]), (d(2022, 1, 20), d(2022, 1, 26)));
        assert_eq!(range(&f[1]), (d(2022, 1, 28), d(2022, 2, 3)));
    }

    #[test]
    fn vague_expressions_marked_not_resolved() {
        let f = run("The ministry will respond soon.", thu());
        assert_eq!(texts(&f), ["soon"]);
        assert!(!f[0].resolved);
        assert_eq!(
            f[0].reason.as_deref(),
            Some("vague future ('soon'): not resolved to a date")
        );
        let f = run(
            "He asked for a reply as soon as possible. Shortly after the blast, police arrived.",
            thu(),
        );
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn non_dates_are_not_reported() {
        let text = "Theresa May said Moscow may attack. Protesters march through Kyiv and \
                    March on the capital. Wait a second. More than 100 thousand soldiers are \
                    massed, up by 2000 troops, and the force grew by 2000. A total of 2021 \
                    votes were cast at 1945 GMT in Room 2022. Good Friday services went ahead. \
                    USA Today reported it. June Carter sang. Some 15 soldiers died in 10 days \
                    of fighting, the first time in two years.";
        let found = run(text, thu());
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn ambiguous_months_with_cue_or_day() {
        let f = run(
            "The election was held in May, and the new cabinet met on 3 March.",
            thu(),
        );
        assert_eq!(texts(&f), ["May", "3 March"]);
        assert_eq!(range(&f[0]), (d(2021, 5, 1), d(2021, 5, 31)));
        assert_eq!(day(&f[1]), d(2022, 3, 3));
    }

    #[test]
    fn longest_match_wins() {
        let f = run("Thursday, February 2, 2023 was the deadline.", thu());
        assert_eq!(texts(&f), ["Thursday, February 2, 2023"]);
        assert_eq!(day(&f[0]), d(2023, 2, 2));
        assert_eq!(f[0].reason, None, "weekday matches 2023-02-02");
    }

    #[test]
    fn deterministic() {
        let a = run(SEED_A, thu());
        let b = run(SEED_A, thu());
        assert_eq!(a, b);
    }

    /// Tiny deterministic generator: no dependency, no clock.
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

    #[test]
    fn no_panic_on_junk() {
        let pieces = [
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
            "\u{212a}",
            "ſ",
            ",",
            ".",
            "\n\n",
            "mid-",
            "the end of the ",
            "month",
            "week",
            "0",
            "99",
            "Thursday, ",
            "last ",
            "9999-99-99",
            "2022-02-29",
            "February 30",
            "soon",
        ];
        let mut g = Lcg(42);
        for round in 0..300 {
            let mut s = String::new();
            for _ in 0..(g.next() % 60) {
                if g.next() % 4 == 0 {
                    s.push(char::from_u32((g.next() % 0x2_0000) as u32).unwrap_or('?'));
                } else {
                    s.push_str(pieces[(g.next() as usize) % pieces.len()]);
                }
            }
            let refs = [thu(), None, Some(NaiveDate::MAX), Some(NaiveDate::MIN)];
            let r = refs[round % refs.len()];
            let found = run(&s, r);
            // Garbage sentence spans must not panic either.
            let bogus = [Sentence {
                span: Span::new(3, 1),
                paragraph: 0,
            }];
            let again = extract(&s, &bogus, r);
            check_invariants(&s, &again);
            let _ = found;
        }
        // Very long text.
        let long = SEED_A.repeat(200) + &"é🙂 February 4 ".repeat(5000);
        let found = extract(&long, &crate::sentences::split(&long), thu());
        check_invariants(&long, &found);
        assert!(found.len() > 5000);
    }
}
