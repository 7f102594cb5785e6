//! Numbers and amounts, with qualifiers, as intervals.
//!
//! [`extract`] finds counts (“130,000 troops”), money (“€1.2 billion in
//! aid”), percentages (“3.9%”, “12 per cent”) and fractions (“a third of”)
//! and turns each into a [`Quantity`]: the value as written, the qualifier in
//! front of it and the [`Interval`] that qualifier allows, so that a later
//! stage can ask whether two reports can both be true
//! ([`Interval::overlaps`]).
//!
//! # How it reads
//!
//! Over the [`Analysis`] of the article: only the sentences whose tokens
//! hold a number or a number word are read, each cut at line breaks into
//! segments (a quantity never crosses a sentence or a line). In a segment
//! (its pieces: hyphenated words cut at their hyphens, see
//! [`crate::rules::pieces`]):
//!
//! 1. **Numbers** (`quantities/number.rs`, the `<num>` part of the patterns): digits
//!    (`130,000`, `12 500`, `4.5`), digits with a scale suffix (`4.5k`,
//!    `2.4M`, `3bn`), number words (`twenty-five`, `two hundred and
//!    fifty`, `a million`), each with the scale words after it (`3
//!    million`, `20 lakh`, `two dozen`).
//! 2. **Amounts** (`patterns::AMOUNT`, `<amount>`): a number with a sign
//!    (`-4`, `−12`, `minus three`), a currency before it (`$`, `€`, `US$`,
//!    `C$`, `USD`, `Rs`) or after it (`dollars`, `euros`, `rupees`, `CHF`),
//!    or a percent (`%`, `percent`, `per cent`, `pct`, `percentage
//!    points`).
//! 3. **Quantity patterns** (`patterns::QUANTITY_RULES`, one declared
//!    rule each): ranges (`between 40 and 60`, `from 3 to 5 million`, `10
//!    through 40`, `2-5%`, `two or three`), two-sided ranges (`above 200
//!    and below 500`), compound amounts (`5 dollars 20 cents`, `$4 and 75
//!    cents`), a whole and a fraction (`three and a half`, `thirty and two
//!    fifths percent`), fractions (`a third`, `two-thirds`, `half the`,
//!    `half a million`, `a quarter billion`, `half a percent`), vague
//!    amounts (`tens of thousands`, `several thousand`, `a few hundred`),
//!    ages (`81 year-old`, `a 7-year-old`), `a 30,000-strong force`, and
//!    one amount with its qualifier (`more than 300`, `5,000+`). At each
//!    place the longest match wins.
//! 4. **The counted noun** (`unit`): see below.
//!
//! # Qualifiers and their intervals
//!
//! The qualifier words are the lexicon class `qualifier`
//! (`data/lexicon/qualifier.tsv`).
//!
//! | qualifier words | [`Qualifier`] | interval |
//! |---|---|---|
//! | (none) | `Exact` | `[n, n]` (the comparer decides rounding tolerance) |
//! | more than, over, above, in excess of, upwards of, greater than, well/just over | `MoreThan` | `(n, ∞)` |
//! | at least, no fewer/less than, not less/fewer than, a minimum of; `n+` | `AtLeast` | `[n, ∞)` |
//! | less than, fewer than, under, below, well under/below | `LessThan` | `[0, n)` (`(-∞, n)` below zero) |
//! | up to, at most, no/not more than, as many/much as, a maximum of | `AtMost` | `[0, n]` (`(-∞, n]` below zero) |
//! | about, around, some, roughly, approximately, (an) estimated, close to, circa, in the region of | `About` | `[0.9·n, 1.1·n]` (±10 %) |
//! | nearly, almost, just under/below, just shy of, slightly less than | `Nearly` | `[0.9·n, n)` |
//! | between a and b, a to b, a-b, above a and below b | `Between` | `[a, b]` (ends open after more than / less than) |
//! | tens of thousands, hundreds, several thousand, a few hundred | `About` | see vague amounts |
//!
//! Fractions never exceed 1: *more than a third* is `(1/3, 1]`. `over`
//! before a span of time (`over two years`) is read as the preposition
//! *during*, so the number is `Exact` and `over` is left out of the span.
//!
//! **Vague amounts** name an order of magnitude: `hundreds of` is `[100,
//! 1000)`, `thousands of` `[1000, 10000)`, `tens of thousands of`
//! `[10000, 100000)`, `hundreds of millions of` `[1e8, 1e9)`, `dozens of`
//! `[12, 120)`, `scores of` `[20, 200)`: from the base to ten times it, the
//! top open. `several` + scale is `[3, 10)` times the scale and `a few` +
//! scale `[2, 6)` times. `value` is the low end.
//!
//! **Negatives**: a minus sign glued to the number (`-4 degrees`, `−12`,
//! `-$4.1 billion`, with a space or nothing before the sign) or `minus` /
//! `negative` before it give a negative value. A plus sign glued the same
//! way is read as the amount's sign (`+5 percent`, `from -3 to +4
//! degrees`), except before a phone number's next group (`+44 20 7946
//! 0958`, `+1 (202) 555-0100`); three or more numbers glued by hyphens
//! (`1-800-273-8255`) are a phone number or a code, and `2+2` is a sum:
//! none of them is read.
//!
//! # The counted noun (`unit`)
//!
//! After the match, up to four words are scanned (a hyphenated word is one
//! word), stopping at punctuation, numbers, months and weekdays, and at the
//! words of `unit_stop`, articles, determiners, pronouns, reporting verbs
//! and date prepositions (`of`, `near`, `are`, `said` …). The unit is the
//! first plural-looking lowercase word (a word ending in `s`, or a
//! `plural_noun` such as `people`; so `130,000 Russian troops` and `8,500
//! U.S. troops` give `troops`), else the last lowercase word not ending in
//! `-ed` (`one soldier`, `$3 billion in military aid` → `aid`), else the
//! first lowercase word (`30 killed`). Capitalised words and `unit_skip`
//! words (`new`, `more`) are never the unit. A number word below a hundred
//! needs a plural-looking noun (`the two met` is skipped, `the two sides`
//! counts), and a number word followed by `of` is a partitive (`two of the
//! soldiers`), not a count. For vague amounts and fractions the noun after
//! `of (the|its|…)` is taken (`tens of thousands of troops`). For money,
//! the unit is the noun straight after or after `in`/`of` (`$3 billion in
//! aid` → `aid`), else `None`; a currency word as the noun makes a count
//! money (`millions of dollars`). For percentages it is `percent` (or
//! `percentage points`). An age's unit is `year-old` (`month-old` …). The
//! span covers qualifier, number and unit.
//!
//! # What is *not* a quantity
//!
//! Precision matters more than recall (a false number is a false
//! discrepancy later), so these are skipped:
//! - look-alikes declared as rules (`patterns::LOOKALIKES`): dates (`4
//!   February`, `February 2`, `Oct. 9`, `2-4 March`), clock times (`10:30`,
//!   `9 a.m.`, `0900 GMT`), labels after a `label_word` (`Article 5`, `No.
//!   10`, `page 12`, `Flight 370`, `version 3.2`), model names (`F-35`,
//!   `COVID-19`), ages in apposition (`Joe Biden, 79, said`), `(3)`;
//! - numbers glued to what makes them no amount: `26/01/2022`, `24/7`, URL
//!   escapes (`%20`, `%D0%BE`), `5G`, `2nd`, `1990s`, `10km`, `400m` (a
//!   lowercase `m` is millions only after a currency sign, or with a
//!   decimal point and a plural noun: `1.2m times`), a leading zero
//!   (`0800`), runs of numbers apart (`0800 123 456`);
//! - bare years: an ungrouped integer from 1800 to 2100 without qualifier,
//!   currency, percent or scale (`in 2021`, `since 1949`; also, sadly,
//!   `2000 troops`, which wire copy writes `2,000`), and ranges of them;
//! - a bare integer right after a capitalised word that does not start the
//!   segment (`Apollo 11`, `Boeing 737`, `Minsk 2`, `S&P 500`);
//! - scores and codes: a glued dash between numbers that make no range
//!   (`5-2`, `112-104`, `2021-22`), a number glued to `-word` (`a 10-year
//!   plan`);
//! - list numbers (`1.` or `2)` opening a segment);
//! - `one` used as a pronoun or in an idiom (`one of`, `no one`, `one
//!   day`), number words without a noun (`the two met`) and before `of`;
//! - `a` alone, `many`, `several`, `few` alone.
//!
//! Extraction never panics and runs in time linear in the text: a bounded
//! number of patterns is tried at a bounded number of places around each
//! number, and every pattern's repetitions are bounded.

mod number;
pub(crate) mod patterns;

use crate::analysis::{Analysis, Shape, TokKind, Token};
use crate::lexicon::{self, Class, Classes};
use crate::model::{Interval, Qualifier, Quantity, QuantityKind, Sentence, Span};
use crate::rules::{Match, Parts, Pattern, RuleSet};
use number::Num;
use patterns::{QuantityRule, Read, AMOUNT, LOOKALIKES, PARTS, QUANTITY_RULES};
use rustc_hash::FxHashSet;
use std::cell::RefCell;
use std::sync::LazyLock;

/// Finds quantities in `text`, in text order, never overlapping.
///
/// `sentences` (as from [`crate::sentences::split`]) mark boundaries a
/// quantity may not cross; with an empty slice the text is split with
/// [`crate::sentences::split`]. Line breaks are boundaries too.
///
/// ```
/// use crosscheck_parse::quantities::extract;
/// use crosscheck_parse::{Qualifier, QuantityKind};
///
/// let text = "On 4 February more than 100 thousand soldiers were massed, \
///             against about 90,000 troops in 2021.";
/// let q = extract(text, &[]);
/// assert_eq!(q.len(), 2);
/// assert_eq!(q[0].text, "more than 100 thousand soldiers");
/// assert_eq!(q[0].value, 100_000.0);
/// assert_eq!(q[0].qualifier, Qualifier::MoreThan);
/// assert_eq!(q[0].unit.as_deref(), Some("soldiers"));
/// assert_eq!(q[0].kind, QuantityKind::Count);
/// assert_eq!(q[0].span.slice(text), q[0].text);
/// assert_eq!(q[1].qualifier, Qualifier::About);
/// // ±10 % of 90,000 stays below 100,000: the two claims conflict.
/// assert!(!q[0].interval.overlaps(&q[1].interval));
/// ```
pub fn extract(text: &str, sentences: &[Sentence]) -> Vec<Quantity> {
    if sentences.is_empty() {
        extract_from(&Analysis::new(text))
    } else {
        extract_from(&Analysis::with_sentences(text, sentences.to_vec()))
    }
}

/// [`extract`] over an article's [`Analysis`].
pub(crate) fn extract_from(a: &Analysis) -> Vec<Quantity> {
    let text = a.text();
    let mut out = Vec::new();
    let mut pieces: Option<&[Token]> = None;
    // one memo and one match list for every segment's scan, cleared for
    // each (allocations of a few kilobytes per segment before)
    let mut memo = Vec::new();
    let mut matches = Vec::new();
    for (i, s) in a.sentences().iter().enumerate() {
        if !a.sentence_tokens(i).iter().any(|t| is_trigger(text, t)) {
            continue;
        }
        let all = *pieces.get_or_insert_with(|| a.pieces());
        let lo = all.partition_point(|p| p.span.start < s.span.start);
        let hi = lo + all[lo..].partition_point(|p| p.span.start < s.span.end);
        for seg in segments(text, &all[lo..hi]) {
            let scan = Scan::with_memo(text, seg, memo);
            scan.run(&mut out, &mut matches);
            memo = scan.memo.into_inner();
        }
    }
    out
}

/// Lexicon classes of the words a number can be made of: a sentence
/// without one of them (or a digit) holds no quantity.
const TRIGGERS: Classes = Classes::all(&[
    Class::NumberWord,
    Class::ScaleWord,
    Class::VaguePlural,
    Class::FractionWord,
]);

/// Classes of a word that can start a number in words.
const WORD_NUMBER_START: Classes = Classes::all(&[Class::NumberWord]);

/// Can token `t` (an analysis token, hyphenated words whole) take part in
/// a quantity's core? A number, a word with a digit, a word of
/// [`TRIGGERS`], or a hyphenated word whose first part is one
/// (`twenty-five`, `two-thirds`).
fn is_trigger(text: &str, t: &Token) -> bool {
    match t.kind {
        TokKind::Number => true,
        TokKind::Punct => false,
        TokKind::Word => {
            t.shape.has(Shape::HAS_DIGIT)
                || t.classes.intersects(TRIGGERS)
                || t.shape.has(Shape::HYPHENATED)
                    && t.text(text)
                        .split(['-', '‐'])
                        .next()
                        .is_some_and(|p| lexicon::classes(p).intersects(TRIGGERS))
        }
    }
}

/// `toks` cut where a line break lies between two tokens.
fn segments<'t>(text: &'t str, toks: &'t [Token]) -> impl Iterator<Item = &'t [Token]> + 't {
    let mut rest = toks;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = (1..rest.len())
            .find(|&k| text.as_bytes()[rest[k - 1].span.end..rest[k].span.start].contains(&b'\n'))
            .unwrap_or(rest.len());
        let (seg, tail) = rest.split_at(cut);
        rest = tail;
        Some(seg)
    })
}

/// The patterns, compiled once.
struct Compiled {
    amount: Pattern,
    quantities: RuleSet,
    lookalikes: RuleSet,
    /// How many tokens a look-alike's `x` reaches from its match's start
    /// ([`crate::rules::Pattern::capture_reach`]): a match starting that
    /// far back or further before a number cannot cover it.
    lookalike_reach: usize,
    /// The words of every qualifier phrase (lowercase): a token that can
    /// come before a number in a match.
    qualifier_words: FxHashSet<&'static str>,
}

/// The literal words of the quantity and look-alike rules (for the
/// lexicon's word ids, [`crate::lexicon::WordId`]).
pub(crate) fn rule_words() -> Vec<String> {
    let rules: Vec<_> = QUANTITY_RULES.iter().map(|r| r.rule).collect();
    let mut words = crate::rules::literal_words(&rules, PARTS);
    words.extend(crate::rules::literal_words(LOOKALIKES, &[]));
    words
}

static COMPILED: LazyLock<Compiled> = LazyLock::new(|| {
    let rules: Vec<_> = QUANTITY_RULES.iter().map(|r| r.rule).collect();
    let lookalikes = RuleSet::new(LOOKALIKES).expect("the look-alike patterns parse");
    let lookalike_reach = LOOKALIKES
        .iter()
        .map(|r| {
            let p = lookalikes.pattern(r.name).expect("a look-alike of the set");
            p.capture_reach("x")
                .expect("every look-alike captures a bounded `x`")
        })
        .max()
        .unwrap_or(0);
    Compiled {
        amount: Pattern::parse_with(AMOUNT.name, AMOUNT.pattern, PARTS)
            .expect("the amount pattern parses"),
        quantities: RuleSet::with_parts(&rules, PARTS).expect("the quantity patterns parse"),
        lookalikes,
        lookalike_reach,
        qualifier_words: lexicon::entries(Class::Qualifier)
            .iter()
            .flat_map(|e| e.word.split(' '))
            .collect(),
    }
});

/// Part indices of [`PARTS`].
const NUM: usize = 0;
const AMOUNT_PART: usize = 1;

/// What an amount measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Measure {
    Count,
    /// A percentage, with its unit (`percent`, `percentage points`).
    Percent(&'static str),
    /// Money, with its ISO code.
    Currency(&'static str),
    /// A tally of two sides (`Found::against` holds the second).
    Tally,
}

/// A number with its sign, currency or percent (an [`AMOUNT`] match).
#[derive(Clone, Copy, Debug)]
struct Amount {
    /// The token after it.
    end: usize,
    /// The number.
    num: Num,
    value: f64,
    measure: Measure,
    /// A sign or currency before the number.
    prefixed: bool,
}

impl Amount {
    /// A number with nothing around it that makes it an amount: digits
    /// that a year, a label or a list number may be.
    fn bare(&self) -> bool {
        self.num.bare && !self.prefixed && self.measure == Measure::Count
    }

    /// `self` as the low end of a range up to `b`: scale, percent and
    /// currency written once apply to both ends (`2 to 5 million`,
    /// `2-5%`, `$2-3 billion`).
    fn completed_by(mut self, b: &mut Amount) -> Amount {
        if self.num.scale == 1.0 && b.num.scale != 1.0 && self.num.value.abs() <= b.num.base {
            self.value = number::scaled(self.value, b.num.scale);
        }
        match (self.measure, b.measure) {
            (Measure::Count, m) => self.measure = m,
            (m, Measure::Count) => b.measure = m,
            _ => {}
        }
        self
    }
}

/// What a read makes of a match.
enum Outcome {
    /// A quantity.
    Emit(Found),
    /// Not a quantity, and nothing else is read in its tokens (a score, a
    /// year, a label).
    Skip,
    /// Not a quantity up to this token (the first number of a pair that
    /// makes no range, a year before `to`); reading goes on there.
    SkipTo(usize),
    /// Not this pattern: the next match is tried.
    Decline,
}

/// A quantity found, before its counted noun.
struct Found {
    /// The match's tokens.
    start: usize,
    end: usize,
    value: f64,
    qualifier: Qualifier,
    interval: Interval,
    measure: Measure,
    /// Percent, or a fixed unit (an age's `year-old`).
    unit: Option<String>,
    /// The noun comes after `of` and a determiner (fractions, vague
    /// amounts).
    of_unit: bool,
    /// A number word below a hundred: only a count with a noun after it.
    needs_noun: bool,
    /// The word `one` alone: its noun comes right after it.
    lone_one: bool,
    /// The noun may be singular whatever the number (`a 30,000-strong
    /// force`).
    singular_ok: bool,
    /// A scaled or vague amount: `pounds` after it is money (`millions of
    /// pounds`).
    scaled: bool,
    /// A fraction: its interval stays within [0, 1].
    fraction: bool,
    /// A tally's second side (`Measure::Tally`).
    against: Option<f64>,
}

/// What a [`Scan`] knows at one token, each once read.
#[derive(Clone, Copy, Default)]
struct Memo {
    /// The number starting at the token.
    num: Option<Option<Num>>,
    /// The amount starting at the token.
    amount: Option<Option<Amount>>,
    /// Whether a look-alike covers the token (a number).
    blocked: Option<bool>,
}

/// One segment being read: its pieces and what is known of them.
struct Scan<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// What is known at each token (one vector for the three: a segment's
    /// scan allocates once).
    memo: RefCell<Vec<Memo>>,
    /// The quantity rules whose required tokens are in the segment
    /// ([`RuleSet::enabled`]), once known: the others are not tried at
    /// any start. (The look-alike rules are tried at a few starts before
    /// a number only: a pass over the segment for them costs more than
    /// it saves.)
    enabled: std::cell::OnceCell<u128>,
}

impl Parts for Scan<'_> {
    fn end(&self, part: usize, at: usize) -> Option<usize> {
        match part {
            NUM => self.num(at).map(|n| n.end),
            AMOUNT_PART => self.amount(at).map(|a| a.end),
            _ => None,
        }
    }
}

/// How far before a number a match may start (`a little more than`, a
/// sign and a currency).
const WINDOW: usize = 6;

impl<'a> Scan<'a> {
    #[cfg(test)]
    fn new(text: &'a str, toks: &'a [Token]) -> Self {
        Self::with_memo(text, toks, Vec::new())
    }

    /// [`Scan::new`] with `memo`'s room for what it knows (its contents
    /// are dropped).
    fn with_memo(text: &'a str, toks: &'a [Token], mut memo: Vec<Memo>) -> Self {
        memo.clear();
        memo.resize(toks.len(), Memo::default());
        Scan {
            text,
            toks,
            memo: RefCell::new(memo),
            enabled: std::cell::OnceCell::new(),
        }
    }

    // -- token tests ------------------------------------------------------

    /// Token `i` touches the token before it.
    fn touching(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].span.end == self.toks[i].span.start
    }

    /// The text between token `i - 1` and token `i`.
    fn gap(&self, i: usize) -> &'a str {
        match (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
        ) {
            (Some(p), Some(t)) => self.text.get(p.span.end..t.span.start).unwrap_or(""),
            _ => "",
        }
    }

    /// A plus-signed number over tokens `start..end` is a phone number's
    /// country code: its digits were read with space groups after them
    /// (`+1 202 555 1234`), or the tokens from `end` continue the number:
    /// another number after a space (`+44 20 7946 0958`), a bracketed
    /// area code (`+1 (202) 555-0100`) or a glued run of digits
    /// (`+1-202-555-0100`, `+33.1.42.68.53.00`).
    pub(super) fn phone_after(&self, start: usize, end: usize) -> bool {
        let number = |k: usize| self.is_number(k);
        // `+1 202 555 1234`: the groups after the country code were read
        // as one space-grouped number
        if end > start + 1 {
            return number(start + 1) && !self.touching(start + 1);
        }
        if !number(end) && self.punct(end).is_none() {
            return false;
        }
        match self.punct(end) {
            None => !self.touching(end),
            Some('(') => number(end + 1),
            Some('-' | '.') => self.touching(end) && self.touching(end + 1) && number(end + 1),
            Some(_) => false,
        }
    }

    /// Token `k` exists and is a number.
    fn is_number(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == TokKind::Number)
    }

    /// The char of punctuation token `i`.
    fn punct(&self, i: usize) -> Option<char> {
        let t = self.toks.get(i)?;
        (t.kind == TokKind::Punct)
            .then(|| t.text(self.text).chars().next())
            .flatten()
    }

    fn word_text(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    /// Token `i` is the word `w` (lowercase), in any ASCII case.
    fn is(&self, i: usize, w: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Word && t.text(self.text).eq_ignore_ascii_case(w))
    }

    fn has(&self, i: usize, c: Class) -> bool {
        self.toks.get(i).is_some_and(|t| t.classes.has(c))
    }

    /// The number the lexicon gives token `i` in `class` (the first field
    /// of its value).
    fn class_value(&self, i: usize, class: Class) -> Option<f64> {
        if !self.has(i, class) {
            return None;
        }
        lexicon::value(self.word_text(i), class)?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    }

    /// The lexicon value of the words of `range` (a phrase) in `class`.
    fn phrase_value(&self, range: std::ops::Range<usize>, class: Class) -> Option<&'static str> {
        let words: Vec<&str> = self.toks[range].iter().map(|t| t.text(self.text)).collect();
        lexicon::value(&words.join(" "), class)
    }

    /// Token `i` opens the segment, or follows a full stop, colon or
    /// semicolon, or only opening marks stand between it and either.
    fn segment_initial(&self, mut i: usize) -> bool {
        for _ in 0..4 {
            if i == 0 {
                return true;
            }
            match self.punct(i - 1) {
                Some(c) if ".!?:;…".contains(c) => return true,
                Some(c) if number::is_opening(c) || "—–".contains(c) => i -= 1,
                _ => return false,
            }
        }
        false
    }

    /// Is number token `i` covered by a look-alike (a date, a clock time,
    /// a label)? Memoised.
    fn blocked(&self, i: usize) -> bool {
        if let Some(b) = self.memo.borrow().get(i).and_then(|m| m.blocked) {
            return b;
        }
        let c = &*COMPILED;
        // (a start `lookalike_reach` tokens back or more cannot reach `i`)
        let first = (i + 1).saturating_sub(c.lookalike_reach);
        let found = (first..=i).any(|s| {
            c.lookalikes
                .matches_at(self.text, self.toks, s, &crate::rules::NoParts)
                .any(|(_, _, m)| cap(&m, "x").is_some_and(|x| x.contains(&i)))
        });
        if let Some(m) = self.memo.borrow_mut().get_mut(i) {
            m.blocked = Some(found);
        }
        found
    }

    // -- amounts ----------------------------------------------------------

    /// The amount starting at token `i` (memoised).
    fn amount(&self, i: usize) -> Option<Amount> {
        if let Some(known) = self.memo.borrow().get(i).and_then(|m| m.amount) {
            return known;
        }
        let got = COMPILED
            .amount
            .match_at_with(self.text, self.toks, i, self)
            .and_then(|m| self.read_amount(&m));
        if let Some(m) = self.memo.borrow_mut().get_mut(i) {
            m.amount = Some(got);
        }
        got
    }

    fn read_amount(&self, m: &Match) -> Option<Amount> {
        let n = cap(m, "n")?;
        let num = self.num(n.start)?;
        let mut end = num.end;
        let mut currency = None;
        let mut prefixed = false;
        if let Some(c) = cap(m, "cur") {
            prefixed = true;
            let first = c.start;
            currency = if self.has(first, Class::DollarPrefix) {
                lexicon::value(self.word_text(first), Class::DollarPrefix)
            } else if self.has(first, Class::CurrencyCode) {
                lexicon::value(self.word_text(first), Class::CurrencyCode)
            } else {
                lexicon::value(self.word_text(first), Class::CurrencySymbol)
            };
            currency?;
        }
        let mut measure = currency.map_or(Measure::Count, Measure::Currency);
        if num.percent_suffix {
            if currency.is_some() {
                return None;
            }
            measure = Measure::Percent("percent");
        }
        if let Some(t) = cap(m, "tail") {
            let tail = self.tail(t.clone(), &num);
            // `one%`: a number word glued to a sign is no percentage
            let glued_word = num.words && self.punct(t.start).is_some() && self.touching(t.start);
            match (tail, measure) {
                _ if glued_word => {}
                (Some(Measure::Percent(u)), Measure::Count) => {
                    measure = Measure::Percent(u);
                    end = t.end;
                }
                (Some(Measure::Currency(code)), Measure::Count) => {
                    measure = Measure::Currency(code);
                    end = t.end;
                }
                // `$5 USD` or `$5%`: the tail is not read
                _ => {}
            }
        }
        // a lowercase `m` or `b` is millions only after a currency sign, or
        // (`m`) with a decimal point and a plural noun after it
        if num.money_suffix && !matches!(measure, Measure::Currency(_)) {
            let noun = end < self.toks.len()
                && !self.touching(end)
                && self.toks[end].shape.has(Shape::LOWERCASE)
                && plural_looking(&self.word_text(end).to_lowercase());
            if !(num.decimal && noun && measure == Measure::Count) {
                return None;
            }
        }
        let mut value = num.value;
        if let Some(s) = cap(m, "sign") {
            prefixed = true;
            // `plus or minus 3 points`: a margin, not a negative
            if s.start > 0 && self.is(s.start - 1, "or") {
                return None;
            }
            if !self.has(s.start, Class::SignWord) {
                // a minus or plus sign: glued to what follows, not to what
                // precedes
                if self.touching(s.start) || !self.touching(s.start + 1) {
                    return None;
                }
            }
            if self.punct(s.start) != Some('+') {
                value = -value;
            }
        }
        Some(Amount {
            end,
            num,

            value,
            measure,
            prefixed,
        })
    }

    /// What the words of `tail` after a number make it: a percentage, or
    /// money (a currency word marked `scaled` only after a scaled number).
    fn tail(&self, mut tail: std::ops::Range<usize>, num: &Num) -> Option<Measure> {
        // `a 40-percent premium`: the hyphen of a compound modifier
        if self.punct(tail.start) == Some('-') && tail.len() > 1 {
            tail.start += 1;
        }
        let first = tail.start;
        if self.punct(first) == Some('%') {
            return Some(Measure::Percent("percent"));
        }
        if let Some(u) = self.phrase_value(tail.clone(), Class::PercentWord) {
            return Some(Measure::Percent(u));
        }
        if self.has(first, Class::CurrencyCode) && tail.len() == 1 {
            return lexicon::value(self.word_text(first), Class::CurrencyCode)
                .map(Measure::Currency);
        }
        let v = self.phrase_value(tail, Class::CurrencyWord)?;
        let mut parts = v.split_whitespace();
        let code = parts.next()?;
        if parts.next() == Some("scaled") && num.scale == 1.0 {
            return None;
        }
        Some(Measure::Currency(code))
    }

    // -- the scan -----------------------------------------------------------

    /// Can token `i` come before a number in a match (a qualifier word, a
    /// sign, a currency, `between`, `from`, `several`, `a`)?
    fn starter(&self, i: usize) -> bool {
        let t = &self.toks[i];
        const CLASSES: Classes = Classes::all(&[
            Class::Qualifier,
            Class::SignWord,
            Class::CurrencySymbol,
            Class::CurrencyCode,
            Class::DollarPrefix,
        ]);
        if t.classes.intersects(CLASSES) || matches!(self.punct(i), Some('-' | '−' | '+')) {
            return true;
        }
        if t.kind != TokKind::Word {
            return false;
        }
        let w = self.word_text(i);
        w.len() <= 13
            && lexicon::with_lowercase(w, |l| {
                matches!(l, "between" | "from" | "several" | "few")
                    || COMPILED.qualifier_words.contains(l)
            })
    }

    /// Can a number or a vague amount start at token `i`?
    fn anchor(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            TokKind::Number => true,
            TokKind::Punct => false,
            TokKind::Word => t.shape.has(Shape::HAS_DIGIT) || t.classes.intersects(TRIGGERS),
        }
    }

    /// Reads the segment, left to right, into `out`; `ms` is room for the
    /// matches at a start (its contents are dropped).
    fn run(&self, out: &mut Vec<Quantity>, ms: &mut Vec<(usize, &'static QuantityRule, Match)>) {
        let c = &*COMPILED;
        let mut cursor = 0;
        let mut a = 0;
        let among = *self
            .enabled
            .get_or_init(|| c.quantities.enabled(self.text, self.toks));
        while a < self.toks.len() {
            if !self.anchor(a) {
                a += 1;
                continue;
            }
            // the earliest start: back over the words a match may open with
            let mut first = a;
            while first > cursor && a - first < WINDOW && self.starter(first - 1) {
                first -= 1;
            }
            let mut done = None;
            'starts: for s in first..=a {
                ms.clear();
                ms.extend(
                    c.quantities
                        .matches_among(self.text, self.toks, s, self, among)
                        .filter(|(_, _, m)| m.tokens.end > a)
                        .map(|(k, _, m)| (k, &QUANTITY_RULES[k], m)),
                );
                // longest first, then the rule declared first
                ms.sort_by_key(|(k, _, m)| (std::cmp::Reverse(m.tokens.end), *k));
                for (_, rule, m) in ms.drain(..) {
                    match self.read(rule.read, &m) {
                        Outcome::Emit(f) => {
                            let end = f.end;
                            if let Some(q) = self.finish(f) {
                                done = Some(q.1);
                                out.push(q.0);
                            } else {
                                done = Some(end);
                            }
                            break 'starts;
                        }
                        Outcome::Skip => {
                            done = Some(m.tokens.end);
                            break 'starts;
                        }
                        Outcome::SkipTo(end) => {
                            done = Some(end);
                            break 'starts;
                        }
                        Outcome::Decline => {}
                    }
                }
            }
            match done {
                Some(end) => {
                    cursor = end.max(a + 1);
                    a = cursor;
                }
                None => a += 1,
            }
        }
    }

    // -- reading a match --------------------------------------------------

    /// The qualifier captured as `q`, if any.
    fn qualifier(&self, m: &Match, name: &str) -> Option<Qualifier> {
        let r = cap(m, name)?;
        let v = self.phrase_value(r, Class::Qualifier)?;
        Some(match v {
            "more_than" => Qualifier::MoreThan,
            "at_least" => Qualifier::AtLeast,
            "less_than" => Qualifier::LessThan,
            "at_most" => Qualifier::AtMost,
            "about" => Qualifier::About,
            "nearly" => Qualifier::Nearly,
            _ => return None,
        })
    }

    fn read(&self, read: Read, m: &Match) -> Outcome {
        let q = self.qualifier(m, "q");
        if cap(m, "q").is_some() && q.is_none() {
            return Outcome::Decline;
        }
        let q = q.unwrap_or(Qualifier::Exact);
        let found = |value: f64, measure: Measure, fraction: bool| Found {
            start: m.tokens.start,
            end: m.tokens.end,
            value,
            qualifier: q,
            interval: band(q, value, fraction),
            measure,
            unit: None,
            of_unit: false,
            needs_noun: false,
            lone_one: false,
            singular_ok: false,
            scaled: false,
            fraction,
            against: None,
        };
        match read {
            Read::Plain | Read::Strong => self.read_plain(m, q, read == Read::Plain),
            Read::Range => self.read_range(m),
            Read::Tally => {
                let (Some(a), Some(b)) = (self.num_at(m, "a"), self.num_at(m, "b")) else {
                    return Outcome::Decline;
                };
                if a.decimal || b.decimal || a.scale != 1.0 || b.scale != 1.0 {
                    return Outcome::Decline;
                }
                let mut x = found(a.value, Measure::Tally, false);
                x.against = Some(b.value);
                Outcome::Emit(x)
            }
            Read::TwoSided => self.read_two_sided(m),
            Read::Compound => {
                let (Some(a), Some(c), Some(sub)) =
                    (self.amount_at(m, "a"), self.num_at(m, "c"), cap(m, "sub"))
                else {
                    return Outcome::Decline;
                };
                let code = match (cap(m, "cw"), a.measure) {
                    (Some(cw), Measure::Count) => {
                        match self.phrase_value(cw, Class::CurrencyWord) {
                            Some(v) => v.split_whitespace().next().unwrap_or(v),
                            None => return Outcome::Decline,
                        }
                    }
                    (None, Measure::Currency(code)) => code,
                    _ => return Outcome::Decline,
                };
                let per = self
                    .class_value(sub.start, Class::CurrencySubunit)
                    .unwrap_or(100.0);
                if c.value >= per || c.decimal {
                    return Outcome::Decline;
                }
                let sign = if a.value < 0.0 { -1.0 } else { 1.0 };
                let v = a.value + sign * c.value / per;
                Outcome::Emit(found(v, Measure::Currency(code), false))
            }
            Read::WholeAndFraction => {
                let (Some(w), Some(f)) = (self.num_at(m, "w"), cap(m, "f")) else {
                    return Outcome::Decline;
                };
                let Some((n, den)) = self.fraction_parts(m, f.start) else {
                    return Outcome::Decline;
                };
                if w.decimal || w.value < 1.0 || w.value.fract() != 0.0 {
                    return Outcome::Decline;
                }
                let measure = match cap(m, "pct") {
                    Some(p) if self.punct(p.start) == Some('%') => Measure::Percent("percent"),
                    Some(p) => match self.phrase_value(p, Class::PercentWord) {
                        Some(u) => Measure::Percent(u),
                        None => return Outcome::Decline,
                    },
                    None => Measure::Count,
                };
                let scale =
                    cap(m, "s").map_or(Some(1.0), |s| self.class_value(s.start, Class::ScaleWord));
                let Some(scale) = scale else {
                    return Outcome::Decline;
                };
                let mut x = found(number::scaled(w.value + n / den, scale), measure, false);
                x.scaled = scale != 1.0;
                Outcome::Emit(x)
            }
            Read::FractionOfScale => {
                let (Some(f), Some(s)) = (cap(m, "f"), cap(m, "s")) else {
                    return Outcome::Decline;
                };
                let Some((n, den)) = self.fraction_parts(m, f.start) else {
                    return Outcome::Decline;
                };
                if let Some(v) = self.class_value(s.start, Class::ScaleWord) {
                    let mut x = found(n / den * v, Measure::Count, false);
                    x.scaled = true;
                    Outcome::Emit(x)
                } else if let Some(u) = self.phrase_value(s, Class::PercentWord) {
                    Outcome::Emit(found(n / den, Measure::Percent(u), false))
                } else {
                    Outcome::Decline
                }
            }
            Read::Fraction => {
                let Some(f) = cap(m, "f") else {
                    return Outcome::Decline;
                };
                let Some((n, den)) = self.fraction_parts(m, f.start) else {
                    return Outcome::Decline;
                };
                // `a third round` is an ordinal: `of`, punctuation or the
                // end must follow
                let e = m.tokens.end;
                let follows = e >= self.toks.len()
                    || self.is(e, "of")
                    || self.punct(e).is_some_and(|c| ".,;:!?)”\"’".contains(c));
                if !follows {
                    return Outcome::Decline;
                }
                let mut x = found(n / den, Measure::Count, true);
                x.of_unit = true;
                Outcome::Emit(x)
            }
            Read::Half => {
                let Some(f) = cap(m, "f") else {
                    return Outcome::Decline;
                };
                if f.start > 0 && self.has(f.start - 1, Class::OrdinalWord) {
                    return Outcome::Decline;
                }
                let e = m.tokens.end;
                let next_ok = self.is(e, "of")
                    || self.is(e, "all")
                    || self.toks.get(e).is_some_and(|t| {
                        t.kind == TokKind::Word
                            && t.classes
                                .intersects(Classes::all(&[Class::Article, Class::Determiner]))
                    });
                if !next_ok {
                    return Outcome::Decline;
                }
                let mut x = found(0.5, Measure::Count, true);
                x.of_unit = true;
                Outcome::Emit(x)
            }
            Read::Vague => {
                let Some(v) = cap(m, "v") else {
                    return Outcome::Decline;
                };
                let Some(b1) = self.class_value(v.start, Class::VaguePlural) else {
                    return Outcome::Decline;
                };
                // without `of`: not `tens`, `scores` (the scores were
                // level), nor after a determiner (`in the thousands`)
                if cap(m, "o").is_none() {
                    let of_only = lexicon::value(self.word_text(v.start), Class::VaguePlural)
                        .is_some_and(|v| v.split_whitespace().nth(1) == Some("of"));
                    let determined = v.start > 0
                        && self.toks[v.start - 1]
                            .classes
                            .intersects(Classes::all(&[Class::Article, Class::Determiner]));
                    if of_only || determined {
                        return Outcome::Decline;
                    }
                }
                let mut base = b1;
                if let Some(v2) = cap(m, "v2") {
                    match self.class_value(v2.start, Class::VaguePlural) {
                        Some(b2) if b2 > b1 && b2 >= 1e3 => base = b1 * b2,
                        _ => return Outcome::Decline,
                    }
                }
                let mut x = found(base, Measure::Count, false);
                x.qualifier = Qualifier::About;
                x.interval = half_open(base, 10.0 * base);
                x.scaled = true;
                x.of_unit = cap(m, "o").is_some();
                Outcome::Emit(x)
            }
            Read::Several => {
                let (Some(v), Some(s)) = (cap(m, "v"), cap(m, "s")) else {
                    return Outcome::Decline;
                };
                let mut scale = 1.0;
                for k in s {
                    scale *= self.class_value(k, Class::ScaleWord).unwrap_or(1.0);
                }
                let (lo, hi) = if self.is(v.start, "several") {
                    (3.0, 10.0)
                } else {
                    (2.0, 6.0)
                };
                let mut x = found(lo * scale, Measure::Count, false);
                x.qualifier = Qualifier::About;
                x.interval = half_open(lo * scale, hi * scale);
                x.scaled = true;
                x.of_unit = true;
                Outcome::Emit(x)
            }
            Read::Age => {
                let (Some(n), Some(u)) = (self.num_at(m, "n"), cap(m, "u")) else {
                    return Outcome::Decline;
                };
                // `81 year-old` (spaced) or `81-year-old` (all hyphens)
                let hyphen = cap(m, "hy").is_some();
                if !hyphen && self.touching(u.start) {
                    return Outcome::Decline;
                }
                if n.decimal || n.value < 1.0 || n.value > 130.0 || n.value.fract() != 0.0 {
                    return Outcome::Decline;
                }
                let mut x = found(n.value, Measure::Count, false);
                x.unit = Some(format!("{}-old", self.word_text(u.start).to_lowercase()));
                Outcome::Emit(x)
            }
        }
    }

    fn num_at(&self, m: &Match, name: &str) -> Option<Num> {
        self.num(cap(m, name)?.start)
    }

    fn amount_at(&self, m: &Match, name: &str) -> Option<Amount> {
        self.amount(cap(m, name)?.start)
    }

    /// The numerator and denominator of a fraction whose word is token
    /// `f` and whose numerator is captured as `n` (`a`, `an`, a number;
    /// none: one, for `half a million`). The numerator must agree with
    /// the word (`a third`, `two thirds`) and be below the denominator; a
    /// hyphen (`hy`) must be glued to both.
    fn fraction_parts(&self, m: &Match, f: usize) -> Option<(f64, f64)> {
        let v = lexicon::value(self.word_text(f), Class::FractionWord)?;
        let mut parts = v.split_whitespace();
        let den: f64 = parts.next()?.parse().ok()?;
        let plural = parts.next() == Some("plural");
        if cap(m, "hy").is_some() && !self.touching(f) {
            return None;
        }
        let n = match cap(m, "n") {
            None => {
                // only `half a million`, `half a percent`
                if den != 2.0 || plural {
                    return None;
                }
                1.0
            }
            Some(r) if self.is(r.start, "a") || self.is(r.start, "an") => 1.0,
            Some(r) => {
                let n = self.num(r.start)?;
                if n.decimal || n.scale != 1.0 || n.value.fract() != 0.0 {
                    return None;
                }
                n.value
            }
        };
        if (n == 1.0) == plural || n >= den {
            return None;
        }
        Some((n, den))
    }

    /// One amount, maybe qualified (`plain`), or a `-strong` force.
    fn read_plain(&self, m: &Match, q: Qualifier, plain: bool) -> Outcome {
        let Some(n) = cap(m, "n") else {
            return Outcome::Decline;
        };
        let Some(a) = self.amount(n.start) else {
            return Outcome::Decline;
        };
        let qualified = q != Qualifier::Exact;
        if a.num.bare && a.measure == Measure::Count && !qualified && is_year(&a.num) {
            return Outcome::Skip; // a year (`-2022` too)
        }
        if a.bare() && !qualified {
            if self.label_before(m.tokens.start) {
                return Outcome::Skip; // Apollo 11, Boeing 737
            }
            // `1.` or `2)` opening a list item
            if self.segment_initial(n.start)
                && matches!(self.punct(a.end), Some('.' | ')'))
                && self.touching(a.end)
                && !self.touching(a.end + 1)
            {
                return Outcome::Skip;
            }
        }
        // the end of a dash run: `2022-01-26`, `3-1-2`
        if n.start >= 2
            && matches!(self.punct(n.start - 1), Some('-' | '–'))
            && self.touching(n.start)
            && self.touching(n.start - 1)
        {
            return Outcome::Skip;
        }
        let plus = cap(m, "plus");
        // `2+2`: a plus glued between two numbers makes a sum
        if let Some(p) = &plus {
            if self.touching(p.end) && self.is_number(p.end) {
                return Outcome::Skip;
            }
        }
        let plus = plus.is_some();
        // glued on after: `3-1`, `10-year plan`, `3-point shot` (but `a
        // 10-point lead` states a margin)
        if plain
            && !plus
            && self.punct(a.end).is_some_and(|c| c == '-' || c == '–')
            && self.touching(a.end)
            && self.touching(a.end + 1)
            && !(self.has(a.end + 1, Class::MarginWord)
                && self.word_end(a.end + 1) == a.end + 1
                && self.has(a.end + 2, Class::MarginNoun)
                && !self.touching(a.end + 2))
        {
            return Outcome::Skip;
        }
        if a.num.small_word && self.is(a.end, "of") && a.measure == Measure::Count {
            return Outcome::Skip; // `two of the soldiers`
        }
        // `one` as a pronoun or in an idiom
        if a.num.lone_one && a.measure == Measure::Count {
            let next_idiom =
                m.tokens.end >= self.toks.len() || self.has(m.tokens.end, Class::OneIdiom);
            let cue_before = n.start > 0
                && self.toks[n.start - 1].classes.intersects(Classes::all(&[
                    Class::OnePronounCue,
                    Class::Article,
                    Class::Determiner,
                ]));
            if next_idiom || cue_before {
                return Outcome::Skip;
            }
        }
        let q = if q == Qualifier::Exact && plus {
            Qualifier::AtLeast
        } else {
            q
        };
        let x = Found {
            start: m.tokens.start,
            end: m.tokens.end,
            value: a.value,
            qualifier: q,
            interval: band(q, a.value, false),
            measure: a.measure,
            unit: None,
            of_unit: false,
            needs_noun: a.num.small_word && a.measure == Measure::Count,
            lone_one: a.num.lone_one && !plus,
            singular_ok: !plain,
            scaled: a.num.scale != 1.0,
            fraction: false,
            against: None,
        };
        // `over two years`: over is the preposition
        if q == Qualifier::MoreThan {
            if let Some(qr) = cap(m, "q") {
                if qr.len() == 1 && self.is(qr.start, "over") {
                    let unit = self.noun_after(m.tokens.end, false);
                    if unit.is_some_and(|(_, k, _)| self.has(k, Class::TimeUnit)) {
                        return Outcome::Decline;
                    }
                }
            }
        }
        Outcome::Emit(x)
    }

    /// A bare number at token `s` right after a capitalised word that does
    /// not open the segment (or opens it but is no function word) is part
    /// of a name (`Apollo 11`, `Boeing 737`, `S&P 500`).
    fn label_before(&self, s: usize) -> bool {
        let Some(p) = s.checked_sub(1) else {
            return false;
        };
        let t = &self.toks[p];
        if t.kind != TokKind::Word || self.touching(s) || !t.shape.has(Shape::CAPITALISED) {
            return false;
        }
        if t.shape.has(Shape::POSSESSIVE) {
            return false;
        }
        !self.segment_initial(p) || !self.stops_unit(p)
    }

    /// `a` to `b`, `between a and b`, `from a to b`.
    fn read_range(&self, m: &Match) -> Outcome {
        let (Some(ar), Some(br)) = (cap(m, "a"), cap(m, "b")) else {
            return Outcome::Decline;
        };
        let (Some(a), Some(mut b)) = (self.amount(ar.start), self.amount(br.start)) else {
            return Outcome::Decline;
        };
        let sep = cap(m, "sep");
        let dash = sep.clone().is_some_and(|s| self.punct(s.start).is_some());
        let glued = sep
            .clone()
            .is_some_and(|s| self.touching(s.start) && self.touching(s.end));
        // `rose from 5 to 10`: two numbers, not a range
        let from = if self.is(m.tokens.start, "from") {
            Some(m.tokens.start)
        } else {
            ar.start.checked_sub(1).filter(|&f| self.is(f, "from"))
        };
        if from.is_some_and(|f| self.change_before(f)) {
            return Outcome::Decline;
        }
        if dash && (a.num.words || b.num.words) {
            return Outcome::Decline;
        }
        let a_end = ar.end;
        if sep.is_some() && self.label_before(m.tokens.start) && a.bare() {
            // Boeing 737-800; `Trump 458 to 359`: the second number is read
            return if glued {
                Outcome::Skip
            } else {
                Outcome::SkipTo(a_end)
            };
        }
        let year = |x: &Amount| x.bare() && is_year(&x.num);
        if year(&a) && (year(&b) || glued) {
            return Outcome::Skip; // 2014-2016, between 1994 and 1997
        }
        if year(&a) {
            return Outcome::SkipTo(a_end); // `from 2008 to 60 this year`
        }
        // `a negative 42%-49% rating`: a sign word before a range is no sign
        if self.has(ar.start, Class::SignWord) {
            return Outcome::Decline;
        }
        let a = a.completed_by(&mut b);
        if a.measure != b.measure || a.value >= b.value {
            if glued {
                // `5-2`, `2021-22`: a score or a season, not a range
                return Outcome::Skip;
            }
            if a.value >= b.value && sep.is_some() && a.measure == b.measure {
                // `50% to 40%`, `45 to 40 percent`: two numbers (a result),
                // the first with the measure of the second
                return Outcome::Emit(Found {
                    start: m.tokens.start,
                    end: a_end,
                    value: a.value,
                    qualifier: Qualifier::Exact,
                    interval: Interval::point(a.value),
                    measure: a.measure,
                    unit: None,
                    of_unit: false,
                    needs_noun: a.num.small_word && a.measure == Measure::Count,
                    lone_one: false,
                    singular_ok: false,
                    scaled: false,
                    fraction: false,
                    against: None,
                });
            }
            return Outcome::Decline;
        }
        // a qualifier before a range (`about 20 to 30`, `at least one or
        // two`) widens it
        let q = self.qualifier(m, "q").unwrap_or(Qualifier::Between);
        let (lo, hi) = (band(q, a.value, false), band(q, b.value, false));
        let (qualifier, interval) = match q {
            Qualifier::MoreThan | Qualifier::AtLeast => (q, lo),
            Qualifier::LessThan | Qualifier::AtMost => (q, hi),
            Qualifier::About | Qualifier::Nearly => (
                Qualifier::Between,
                Interval {
                    low: lo.low,
                    high: hi.high,
                    low_inclusive: true,
                    high_inclusive: hi.high_inclusive,
                },
            ),
            _ => (
                Qualifier::Between,
                Interval {
                    low: Some(a.value),
                    high: Some(b.value),
                    low_inclusive: true,
                    high_inclusive: true,
                },
            ),
        };
        Outcome::Emit(Found {
            start: m.tokens.start,
            end: m.tokens.end,
            value: a.value,
            qualifier,
            interval,
            measure: b.measure,
            unit: None,
            of_unit: false,
            needs_noun: a.num.small_word && b.num.small_word && b.measure == Measure::Count,
            lone_one: false,
            singular_ok: false,
            scaled: false,
            fraction: false,
            against: None,
        })
    }

    /// `above a and below b`.
    fn read_two_sided(&self, m: &Match) -> Outcome {
        let (Some(lo), Some(hi)) = (self.qualifier(m, "lo"), self.qualifier(m, "hi")) else {
            return Outcome::Decline;
        };
        let (Some(a), Some(mut b)) = (self.amount_at(m, "a"), self.amount_at(m, "b")) else {
            return Outcome::Decline;
        };
        let low_inclusive = match lo {
            Qualifier::MoreThan => false,
            Qualifier::AtLeast => true,
            _ => return Outcome::Decline,
        };
        let high_inclusive = match hi {
            Qualifier::LessThan | Qualifier::Nearly => false,
            Qualifier::AtMost => true,
            _ => return Outcome::Decline,
        };
        let a = a.completed_by(&mut b);
        if a.measure != b.measure || a.value >= b.value {
            return Outcome::Decline;
        }
        Outcome::Emit(Found {
            start: m.tokens.start,
            end: m.tokens.end,
            value: a.value,
            qualifier: Qualifier::Between,
            interval: Interval {
                low: Some(a.value),
                high: Some(b.value),
                low_inclusive,
                high_inclusive,
            },
            measure: b.measure,
            unit: None,
            of_unit: false,
            needs_noun: false,
            lone_one: false,
            singular_ok: false,
            scaled: false,
            fraction: false,
            against: None,
        })
    }

    /// A change verb in the few words before token `i`.
    fn change_before(&self, i: usize) -> bool {
        (i.saturating_sub(4)..i).any(|k| self.has(k, Class::ChangeVerb))
    }

    // -- the counted noun ---------------------------------------------------

    /// Does word token `k` end the scan for a counted noun?
    fn stops_unit(&self, k: usize) -> bool {
        const STOP: Classes = Classes::all(&[
            Class::UnitStop,
            Class::Article,
            Class::Determiner,
            Class::PersonPronoun,
            Class::DatePreposition,
            Class::NumberWord,
            Class::ScaleWord,
            Class::VaguePlural,
            Class::FractionWord,
            Class::Month,
            Class::Weekday,
        ]);
        let t = &self.toks[k];
        let c = if t.shape.has(Shape::CAPITALISED) {
            lexicon::classes(&self.word_text(k).to_lowercase())
        } else {
            t.classes
        };
        c.intersects(STOP) && !c.has(Class::UnitSkip)
    }

    /// The word starting at token `k`: its last token, a hyphenated word
    /// (`long-range`) being one word.
    fn word_end(&self, k: usize) -> usize {
        let mut e = k;
        while self.punct(e + 1).is_some_and(|c| c == '-' || c == '‐')
            && self.touching(e + 1)
            && self.touching(e + 2)
            && self
                .toks
                .get(e + 2)
                .is_some_and(|t| t.kind == TokKind::Word)
        {
            e += 2;
        }
        e
    }

    /// The counted noun in the words from token `k` (at most four, up to a
    /// stop): the first plural-looking lowercase word or unit of measure;
    /// unless `strict`, else the last lowercase word not ending in `-ed`,
    /// else the first lowercase word. Returns it, its last token and
    /// whether it is the first word scanned.
    fn noun_after(&self, k: usize, strict: bool) -> Option<(String, usize, bool)> {
        let mut first_lower: Option<(String, usize, bool)> = None;
        let mut last_lower: Option<(String, usize, bool)> = None;
        let mut i = k;
        for n in 0..4 {
            let Some(t) = self.toks.get(i) else { break };
            if t.kind != TokKind::Word || self.touching(i) {
                break;
            }
            let e = self.word_end(i);
            // a hyphenated word stops the scan only when it is a number
            // (`twenty-five`), not for its first part (`in-person`)
            if self.stops_unit(i) && (e == i || t.classes.intersects(TRIGGERS)) {
                break;
            }
            let span = Span::new(t.span.start, self.toks[e].span.end);
            let w = span.slice(self.text).to_lowercase();
            let usable = t.shape.has(Shape::LOWERCASE)
                && !self.has(i, Class::UnitSkip)
                && !w.ends_with("ly");
            if usable && (plural_looking(&w) || e == i && self.has(i, Class::MeasureUnit)) {
                // `police officers`, `staff members`: a plural noun without
                // an `s` (a `plural_noun`) that modifies the next one
                let j = e + 1;
                let modifier = e == i && self.has(i, Class::PluralNoun);
                if let Some(t2) = self.toks.get(j).filter(|_| modifier) {
                    let w2 = t2.text(self.text).to_lowercase();
                    if t2.kind == TokKind::Word
                        && !self.touching(j)
                        && t2.shape.has(Shape::LOWERCASE)
                        && !self.stops_unit(j)
                        && self.word_end(j) == j
                        && plural_looking(&w2)
                    {
                        return Some((w2, j, false));
                    }
                }
                return Some((w, e, n == 0));
            }
            if usable && first_lower.is_none() {
                first_lower = Some((w.clone(), e, n == 0));
            }
            if usable && !w.ends_with("ed") {
                last_lower = Some((w, e, n == 0));
            }
            i = e + 1;
        }
        if strict {
            return None;
        }
        last_lower.or(first_lower)
    }

    /// The quantity of `f`, with its counted noun, and the token after it;
    /// `None` when a number word finds no noun to count.
    fn finish(&self, f: Found) -> Option<(Quantity, usize)> {
        let mut end = f.end;
        let mut start = f.start;
        let mut unit = f.unit.clone();
        let mut measure = f.measure;
        match measure {
            Measure::Percent(u) => unit = Some(u.to_string()),
            Measure::Currency(_) => {
                let mut k = end;
                if self.is(k, "in") || self.is(k, "of") {
                    k += 1;
                }
                if let Some((u, e, _)) = self.noun_after(k, false) {
                    unit = Some(u);
                    end = e + 1;
                }
            }
            // a unit of measure written before its number, with a space
            // (`a magnitude 7.1 earthquake`)
            Measure::Count
                if unit.is_none()
                    && f.qualifier == Qualifier::Exact
                    && start > 0
                    && !self.touching(start)
                    && self.word_end(start - 1) == start - 1
                    && self.has(start - 1, Class::MeasureUnit)
                    && self.toks[start - 1].shape.has(Shape::LOWERCASE) =>
            {
                start -= 1;
                unit = Some(self.word_text(start).to_lowercase());
            }
            Measure::Count if unit.is_none() => {
                let mut k = end;
                if f.of_unit {
                    if self.is(k, "of") {
                        k += 1;
                    }
                    if self.toks.get(k).is_some_and(|t| {
                        t.classes
                            .intersects(Classes::all(&[Class::Determiner, Class::Article]))
                    }) || self.is(k, "all")
                    {
                        k += 1;
                    }
                }
                // a people or party after `of` is what a fraction or vague
                // amount counts (`two-thirds of Republicans opposed`)
                let group = (f.of_unit && k > end)
                    .then(|| self.toks.get(k))
                    .flatten()
                    .filter(|t| {
                        t.kind == TokKind::Word
                            && t.shape.has(Shape::CAPITALISED)
                            && self.word_end(k) == k
                            && plural_looking(&t.text(self.text).to_lowercase())
                    });
                if let Some(t) = group {
                    unit = Some(t.text(self.text).to_lowercase());
                    end = k + 1;
                }
                // a count above one counts a plural noun or a unit of
                // measure (`18-34 comprise` counts nothing); `one` counts
                // the noun right after it, not a verb (`one adds`)
                let strict = !f.of_unit
                    && !f.singular_ok
                    && (f.value.abs() > 1.0 || f.qualifier == Qualifier::Between);
                match self.noun_after(k, strict).filter(|_| unit.is_none()) {
                    Some((u, _, _))
                        if f.lone_one && !(self.noun_like(&u) && self.noun_first(k)) => {}
                    Some((u, e, _)) => {
                        end = e + 1;
                        match self.currency_noun(&u, &f) {
                            Some(code) => measure = Measure::Currency(code),
                            None => unit = Some(u),
                        }
                    }
                    None => {}
                }
            }
            Measure::Count | Measure::Tally => {}
        }
        if f.needs_noun
            && !unit
                .as_deref()
                .is_some_and(|u| f.value.abs() <= 1.0 || plural_looking(u))
        {
            return None;
        }
        let kind = match measure {
            Measure::Count if f.fraction => QuantityKind::Fraction,
            Measure::Count => QuantityKind::Count,
            Measure::Percent(_) => QuantityKind::Percent,
            Measure::Currency(code) => QuantityKind::Currency(code.to_string()),
            Measure::Tally => QuantityKind::Tally,
        };
        let span = Span::new(self.toks[start].span.start, self.toks[end - 1].span.end);
        Some((
            Quantity {
                text: span.slice(self.text).to_string(),
                span,
                value: f.value,
                qualifier: f.qualifier,
                interval: f.interval,
                unit,
                kind,
                against: f.against,
            },
            end,
        ))
    }

    /// Is the first lowercase word from token `k` (past capitalised words
    /// and `unit_skip` words: `one more chance`, `one Syrian refugee`)
    /// noun-like, not a verb (`one adds`, `one called`)?
    fn noun_first(&self, k: usize) -> bool {
        for i in k..(k + 4).min(self.toks.len()) {
            let t = &self.toks[i];
            if t.kind != TokKind::Word {
                return false;
            }
            if t.shape.has(Shape::LOWERCASE) && !self.has(i, Class::UnitSkip) {
                return self.noun_like(&self.word_text(i).to_lowercase());
            }
        }
        false
    }

    /// Can `w`, the word right after `one`, be the noun it counts (not a
    /// verb: `one adds`, `one suggested`, `one writes`)?
    fn noun_like(&self, w: &str) -> bool {
        !(plural_looking(w)
            || w.ends_with("ed")
            || w.ends_with("ing")
            || lexicon::classes(w).has(Class::ReportingVerb))
    }

    /// The ISO code when the counted noun `u` is a currency word (money
    /// only for amounts of the right size: `millions of pounds`).
    fn currency_noun(&self, u: &str, f: &Found) -> Option<&'static str> {
        let v = lexicon::value(u, Class::CurrencyWord)?;
        let mut parts = v.split_whitespace();
        let code = parts.next()?;
        let scaled_only = parts.next() == Some("scaled");
        (!scaled_only || f.scaled).then_some(code)
    }
}

/// Four digits from 1800 to 2100: a year when nothing makes it an amount.
fn is_year(n: &Num) -> bool {
    n.int_digits == 4 && !n.decimal && (1800.0..=2100.0).contains(&n.value.abs())
}

/// A word that looks plural: a `plural_noun`, or three letters or more
/// ending in `s` but not `ss`, `us`, `is` or an apostrophe.
fn plural_looking(w: &str) -> bool {
    if w.ends_with('s') {
        w.chars().count() >= 3
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.contains('\'')
            && !w.contains('’')
    } else {
        w.ends_with("children")
            || (w.ends_with("men") && w.len() > 4)
            || lexicon::classes(w).has(Class::PluralNoun)
    }
}

/// The tokens captured as `name`, if it took part in the match and
/// matched a token (an optional part that matched nothing is `None`).
fn cap(m: &Match, name: &str) -> Option<std::ops::Range<usize>> {
    m.capture(name).filter(|r| !r.is_empty())
}

/// `[low, high)`.
fn half_open(low: f64, high: f64) -> Interval {
    Interval {
        low: Some(low),
        high: Some(high),
        low_inclusive: true,
        high_inclusive: false,
    }
}

/// The interval a qualifier allows around `v` (a fraction's within [0, 1]).
fn band(q: Qualifier, v: f64, fraction: bool) -> Interval {
    let top = if fraction { Some(1.0) } else { None };
    let iv = |low, high, low_inclusive, high_inclusive| Interval {
        low,
        high,
        low_inclusive,
        high_inclusive,
    };
    let cap = |x: f64| if fraction { x.min(1.0) } else { x };
    // `less than 5` counts from zero; `less than -5` has no lower end
    let floor = (v > 0.0).then_some(0.0);
    let (lo, hi) = {
        let (a, b) = (v * 9.0 / 10.0, v * 11.0 / 10.0);
        (a.min(b), a.max(b))
    };
    match q {
        Qualifier::Exact | Qualifier::Between => Interval::point(v),
        Qualifier::MoreThan => iv(Some(v), top, false, true),
        Qualifier::AtLeast => iv(Some(v), top, true, true),
        Qualifier::LessThan => iv(floor, Some(v), true, false),
        Qualifier::AtMost => iv(floor, Some(v), true, true),
        Qualifier::About => iv(Some(lo), Some(cap(hi)), true, true),
        Qualifier::Nearly if v >= 0.0 => iv(Some(lo), Some(v), true, false),
        Qualifier::Nearly => iv(Some(v), Some(hi), false, true),
    }
}

#[cfg(test)]
mod tests;
