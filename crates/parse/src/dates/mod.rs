//! Date and time expressions, typed and normalised against the article's
//! date.
//!
//! [`extract`] finds TimeML's four kinds of time expression
//! ([`TimexKind`]):
//!
//! - **dates**: absolute (“4 February”, “January 26, 2022”, “2022-01-26”,
//!   “mid-February”, “in 2021”, “the third quarter of 2023”, “last
//!   summer”) and relative (“on Friday”, “yesterday”, “last week”, “three
//!   days ago”, “a year earlier”), resolved against the reference date
//!   (the article's publication date); vague references (“now”,
//!   “recently”, “soon”) are dates with a [`TimeRef`] and no value;
//! - **times**: a date with a time of day (“17:30 GMT Friday”, “tomorrow
//!   at noon”, “Friday night”, an ISO date-time), or a clock time alone;
//! - **durations** (“three years”, “90 days”, “the past two months”,
//!   “within a week”): never a date, no value, their length in
//!   [`DateMention::duration`] (`P3Y`);
//! - **sets** (“every Monday”, “daily”): no value, their period in
//!   `duration` (`P1W`).
//!
//! A range with both ends (“3 May - 9 June”, “from March to October”,
//! “between 1994 and 1997”) is one mention whose value covers both ends,
//! with each end in [`DateMention::range`].
//!
//! # How it works
//!
//! Every pattern is a token rule ([`crate::rules`]) declared once in
//! `dates/patterns.rs` with its handler and examples; the word lists are lexicon
//! classes (`crates/parse/data/lexicon/`). Per sentence, one scan of the
//! analysis pieces finds every rule's matches; each handler turns its
//! match into a candidate (span, kind, value, reasons). Overlapping
//! candidates: the longest wins, then the earliest, then the rule declared
//! first. Then two passes compose what single patterns cannot see: a clock
//! time next to a day becomes one time (“9 a.m. Tuesday”), and an anchored
//! expression (“a year earlier”, “the year-ago quarter”) takes the nearest
//! date before it as its anchor.
//!
//! # Rules
//!
//! **Spans.** A span covers the expression itself. A plain “on”/“in”/
//! “during”/“the” in front is left out (“on Friday” → `Friday`). Words
//! that change the meaning are kept: modifiers (`last`, `next`, `this`,
//! `coming`, `past`, `earlier`, `later`), offsets (`three days ago`) and
//! bounds (`by`, `until`, `till`, `before`, `after`, `since`, `from`,
//! `through`, lexicon class `date_bound`): “by mid-February” keeps `by`,
//! and the bound is also named in `reason` (“bound 'by' (deadline)”) so a
//! deadline reading is visible. A duration's span leaves out its
//! preposition (“in three years” → `three years`).
//!
//! **Day and month without a year** (“4 February”, “Thursday, February
//! 2”) are [`DateReading::Absolute`]: the year is taken from the reference
//! date: the side of a tense cue in its clause (see news mode), else among
//! the reference's year and its neighbours the one that puts the date
//! nearest the reference, a day ahead counting twice its distance (the
//! past favoured: “the Oct. 23 attack” in May is last October's).
//! Without a reference they are unresolved with reason “no year and no
//! reference date”. A written weekday that does not match the computed
//! date is kept and the mismatch is named in `reason`. A two-digit year
//! after a month (“5th Mar 79”) is the year of that century nearest the
//! reference date, not more than ten years after it.
//!
//! **News mode.** A bare weekday (“on Friday”, “this Tuesday night”), a
//! month, quarter or season without a year (“in February”, “by
//! mid-February”, “the third quarter”) is [`DateReading::Relative`] and
//! resolves to the nearest such day or period **in the past** of the
//! reference date, unless a future cue is nearer to the expression than
//! any past cue in the same clause of its sentence (`dates/tense.rs`).
//! Without any cue, a month or season whose next occurrence begins much
//! nearer ahead than its last one ended behind (the days ahead counting
//! twice, as for a day and month) is the coming one: “in November”
//! written in late October is next month. Future
//! cues (class `future_cue`): `will`, `would` (reported future), `shall`,
//! `’ll`, `must`, `should`, `next`, `coming`, `upcoming`, `scheduled`,
//! `is due`, `due to`, `is to`, `going to`, `expected to`, `plans to`,
//! `set to`, `to be held`, `as soon as`, `as early as`. Past cues (class
//! `past_cue`): `ago`, `last`, `earlier`, `previous`, `was`, `were`,
//! `had`, `did`, common irregular past verbs (`said`, `met`, `held`, …;
//! not after `be`/`been`/`being`: “will be held” is no past) and an
//! `-ed` verb right before the expression (“announced on Tuesday”). A
//! bound leans: `by`/`until`/`till` to the future and `since` to the past,
//! unless a cue of the clause says otherwise (“had filed by Wednesday”).
//! The clause is the part of the sentence between punctuation marks
//! (`, ; : ( ) “ ” – —`) and clause words (class `clause_boundary`:
//! `and`, `but`, `which`, `that`, `saying`, …), at most ten words either
//! side. `reason` says which way and why, e.g. “weekday resolved to the
//! past of 2022-01-27 (cue 'met')”.
//!
//! A weekday equal to the reference's weekday is the reference day itself
//! (wire copy names same-day events by weekday), except with `last`/`past`
//! (seven days before) or `next` (seven days after). `last X`/`next X`
//! always mean the nearest X strictly before/after the reference; `coming
//! X` is always future. A month equal to the reference month is the
//! reference month itself in either direction; a quarter or season the
//! reference is in is that quarter or season.
//!
//! **Periods.** Weeks are ISO weeks (Monday–Sunday): “last week” is the
//! previous ISO week, “this week” the current one, “next week” the next.
//! “last/this/next month/year” are whole calendar months/years. “earlier
//! this week/month/year” runs from the period's start to the day before
//! the reference; “later this …” from the day after to the period's end.
//! Parts of a month ([`Granularity::PartOfMonth`]): early = days 1–10, mid
//! = 11–20, late (and “end of”) = 21–end. “by year-end”, “since year's
//! end” are 31 December, placed like a month; “the current year” is
//! “this year”. Parts of a year: early =
//! January–April, mid = May–August, late = September–December; “the end
//! of the year”/“the end of 2021” = December, “the beginning of …” =
//! January. Quarters are calendar quarters; seasons are meteorological
//! (winter = December to February).
//!
//! **Anchored expressions.** “a year earlier”, “two days later”, “the
//! year-earlier quarter”, “the next day”, “later that year”, “that same
//! day” (the day, month or year holding the anchor; not reported without
//! one, or when the anchor is coarser), and “a year ago” in a sentence
//! about a quarter take the nearest resolved date before them in the
//! article (at most five sentences back) as their anchor, moved by the
//! offset, at the anchor's granularity (“the third quarter … a year
//! earlier” is the third quarter of the year before). Without an anchor
//! they count from the reference date; “the quarter”, “the latest
//! quarter” without a quarter to point back to are the last quarter over
//! by the reference date in a sentence about money (the one a company
//! reports on), else not reported; “the current quarter” is the quarter
//! of the reference date. A year
//! before a quarter names its year: “the 1988 third quarter”, “next
//! year's first quarter”, “the year-ago third quarter” (a year before the
//! nearest third quarter); “the 1988 period”, “last year's quarter” are
//! the anchor quarter in that year, else that year.
//!
//! **Durations and sets.** A count and a unit (“three years”, “a
//! two-week visit”, “the first nine months”), a span around the reference
//! (“the past two months”, “the coming weeks”, “within a week”, “in three
//! years”) and a vague amount (“several years”, “for decades”) are
//! durations: `duration` is `P3Y`, `P2W`, `P9M`, `PXW` (an unknown count
//! is `X`). “every Monday”, “each year”, “daily”, “twice a year” are sets,
//! `duration` their period (`P1W`, `P1Y`, `P1D`).
//!
//! **Times.** A clock time (“17:30”, “10 p.m.”, “9pm”, “noon”, “4 in the
//! morning”, an ISO date-time) is a time; next to a day (“9 a.m.
//! Tuesday”, “tomorrow at noon”, “tonight 9pm”) it joins it into one
//! time with that day's value. A part of the day (“Friday night”, “this
//! morning”) makes a time too, with `time_of_day`.
//!
//! **Vague references.** “now”, “currently”, “at present”, “recently”,
//! “lately”, “soon”, “shortly”, “the near future” (class
//! `time_reference`) are dates with a
//! [`TimeRef`], no value, granularity unknown and a reason (“vague future
//! ('soon'): not resolved to a date”). “as soon as”, “soon after”,
//! “shortly before/after” (relative to an event, not the article) and
//! “now that” are not reported.
//!
//! Relative expressions without a reference date come out with
//! `value: None`, `resolved: false`, reason “relative date and no
//! reference date”, and the granularity they would have had.
//!
//! **Years in words.** A year read aloud, as broadcast transcripts write
//! it (“nineteen ninety-six”, “January nineteen ninety-seven”, “the
//! winter of nineteen eighty-six”, “the year two thousand”), is a year
//! like its digits; only “nineteen …” and “year two thousand …” (“twenty
//! fifty” is too often a count).
//!
//! **Not dates.** Month names must be capitalised, except before a day
//! (“may 8”, when a date preposition comes first for the months that are
//! common words); weekdays may be lowercase. “May”, “March”, “April”,
//! “June” and “August” without a day, a year or a part (“mid-May”) need a
//! cue in front (`in`, `since`, `by`, `until`, `last`, …) and must not be
//! followed by a reporting verb (“May said”), an auxiliary (“May has”; not
//! “for” or “on”: “in August for health reasons”), or “and” before a
//! capitalised word that is no month or before “her”/“his”/“their” (“backed
//! by May and Corbyn”, “a blow to May and her government”); any other bare month right
//! after a capitalised word is taken for a name. A four-digit number is a
//! year only between 1900 and 2099 (from 1000 after a time preposition
//! with no word after it but a conjunction, “in 1898.”, “since 1865,”,
//! or after “dating (back) to”), and not when a counted noun follows
//! (“by 2000 soldiers”, class `counted_noun`), a verb of change precedes
//! a `by`/`from` before it (“rose by 2000”, class `change_verb`), or, for
//! a year without a cue, an amount word (“about 2000”), a number, `of`
//! or a capitalised name (“Windows 2000”) precedes it. A day number
//! followed by a counted noun (“March 15 people”) is not a date. US
//! numeric dates (“1/26/2022”) are not recognised; a month and a year
//! (“7/2015”) are.

mod calendar;
mod patterns;
mod resolve;
mod tense;

use crate::analysis::Analysis;
use crate::lexicon::Class;
use crate::model::{
    DateMention, DateReading, DateValue, Granularity, RangeEnd, Sentence, Span, TimeRef, TimexKind,
};
use crate::rules::Match;
use crate::text::{TokKind, Token};
use chrono::{Datelike, NaiveDate, NaiveTime};
use std::borrow::Cow;
use std::cmp::Reverse;
use std::ops::Range;

/// Finds date and time expressions in `text` and resolves relative ones
/// against `reference` (the article's publication date).
///
/// `sentences` are the trimmed sentence spans of `text` in text order (see
/// [`crate::sentences::split`]); they give the clause context that decides
/// whether a bare weekday or month lies in the past or the future. The
/// result is in text order, without overlapping mentions (the longest
/// expression wins). See the [module documentation](self) for the rules.
///
/// ```
/// use chrono::NaiveDate;
/// use crosscheck_parse::{dates, sentences, DateValue, TimexKind};
///
/// let text = "Blinken, who met Lavrov on Friday in Geneva, will speak again \
///             by mid-February. Talks have dragged on for three years.";
/// let reference = NaiveDate::from_ymd_opt(2022, 1, 27); // a Thursday
/// let found = dates::extract(text, &sentences::split(text), reference);
///
/// assert_eq!(found[0].text, "Friday");
/// assert_eq!(found[0].value, Some(DateValue::Day(NaiveDate::from_ymd_opt(2022, 1, 21).unwrap())));
/// assert_eq!(found[1].text, "by mid-February");
/// assert_eq!(found[1].value.unwrap().start().to_string(), "2022-02-11");
/// assert_eq!(found[1].value.unwrap().end().to_string(), "2022-02-20");
/// assert_eq!((found[2].text.as_str(), found[2].kind), ("three years", TimexKind::Duration));
/// assert_eq!((found[2].value, found[2].duration.as_deref()), (None, Some("P3Y")));
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

/// The literal words of the date and tense rules (for the lexicon's word
/// ids, [`crate::lexicon::WordId`]).
pub(crate) fn rule_words() -> Vec<String> {
    let rules: Vec<crate::rules::Rule> = patterns::PATTERNS.iter().map(|d| d.rule).collect();
    let mut words = crate::rules::literal_words(&rules, &[]);
    words.extend(crate::rules::literal_words(tense::TENSE_RULES, &[]));
    words
}

/// [`extract`] over an article's [`Analysis`].
pub(crate) fn extract_from(a: &Analysis, reference: Option<NaiveDate>) -> Vec<DateMention> {
    let text = a.text();
    let toks = a.pieces();
    let rules = patterns::rule_set();
    // room for a candidate per sentence (news text holds fewer dates than
    // sentences): a `Cand` is large, and growing the vector moved them all
    let mut cands: Vec<Cand> = Vec::with_capacity(a.sentences().len());
    let tense_cues = tense::SentenceCues::default();
    let reference_text = reference.map(|r| r.to_string()).unwrap_or_default();
    let mut from = 0;
    let mut previous_start = 0;
    for (i, s) in a.sentences().iter().enumerate() {
        // the sentence's pieces: those from its first token on (pieces and
        // sentences are in text order: a walk on from the previous
        // sentence's end, where a binary search of all the pieces took a
        // dozen steps twice per sentence). A sentence has at least as many
        // pieces as tokens, mostly as many: the walk to its end starts
        // there when that piece is still in it.
        let start = from + count_while(&toks[from..], |t| t.span.start < s.span.start);
        let in_sentence = |t: &Token| t.span.end <= s.span.end;
        let at_least = (start + a.sentence_token_range(i).len()).min(toks.len());
        let known = if at_least > start && in_sentence(&toks[at_least - 1]) {
            at_least
        } else {
            start
        };
        let end = known + count_while(&toks[known..], in_sentence);
        from = end;
        if start == end {
            continue;
        }
        let ctx = Ctx {
            text,
            toks,
            sentence: start..end,
            previous_start,
            reference,
            reference_text: &reference_text,
            tense_cues: &tense_cues,
        };
        tense_cues.reset(end - start);
        previous_start = start;
        for (rank, m) in rules.scan(text, &toks[start..end]) {
            let caps = Caps {
                m: &m,
                base: start,
                text,
                toks,
            };
            if let Some(mut c) = (patterns::PATTERNS[rank].handler)(&ctx, &caps) {
                if c.start < c.end
                    && c.end <= text.len()
                    && text.is_char_boundary(c.start)
                    && text.is_char_boundary(c.end)
                {
                    c.rank = rank;
                    c.sentence = i;
                    cands.push(c);
                }
            }
        }
    }
    let mut kept = select(cands);
    attach_clock_times(text, toks, &mut kept);
    resolve_anchors(&mut kept, reference);
    // a vector of the mentions' size: collected in place, the output kept
    // the candidates' block (room for a 312-byte candidate per sentence),
    // about three times what the mentions need, for as long as the
    // extraction lives
    let mut mentions = Vec::with_capacity(kept.iter().filter(|c| !c.drop).count());
    mentions.extend(
        kept.into_iter()
            .filter(|c| !c.drop)
            .map(|c| c.into_mention(text)),
    );
    mentions
}

/// How many tokens from the first of `toks` on pass `pred`.
fn count_while(toks: &[Token], pred: impl Fn(&Token) -> bool) -> usize {
    toks.iter().take_while(|t| pred(t)).count()
}

// ---------------------------------------------------------------------------
// What handlers read: the sentence's context and a match's captures

/// The context a handler reads: the article's pieces and the sentence the
/// match is in.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    /// The pieces of the whole article ([`Analysis::pieces`]).
    pub(super) toks: &'a [Token],
    /// The pieces of the sentence being read (indices into `toks`).
    pub(super) sentence: Range<usize>,
    /// The first piece of the sentence before (the sentence's own first
    /// piece for the first sentence).
    pub(super) previous_start: usize,
    pub(super) reference: Option<NaiveDate>,
    /// `reference` as text (`2022-01-27`; empty without one), written
    /// once for the article's reasons.
    pub(super) reference_text: &'a str,
    /// The tense cues of the sentence's pieces, read once per sentence
    /// whatever the number of date mentions in it.
    pub(super) tense_cues: &'a tense::SentenceCues,
}

impl<'a> Ctx<'a> {
    /// Piece `i` when it is in the sentence.
    pub(super) fn tok(&self, i: usize) -> Option<&'a Token> {
        self.sentence.contains(&i).then(|| &self.toks[i])
    }

    /// The piece before piece `i`, in the sentence: `(index, piece)`.
    pub(super) fn before(&self, i: usize) -> Option<(usize, &'a Token)> {
        let j = i.checked_sub(1)?;
        self.tok(j).map(|t| (j, t))
    }

    /// The words of pieces `toks`, as [`Ctx::word`] gives them, lowercased
    /// and joined by single spaces (“Last  Week” is `last week`).
    pub(super) fn lower_phrase(&self, toks: Range<usize>) -> String {
        let mut phrase = String::new();
        for (k, i) in toks.enumerate() {
            if k > 0 {
                phrase.push(' ');
            }
            phrase.extend(self.word(i).chars().map(|c| c.to_ascii_lowercase()));
        }
        phrase
    }

    /// [`Ctx::lower_phrase`] written on the stack, for a handler that
    /// only compares it or copies it: `None` when it is longer than
    /// [`ShortPhrase`] holds (no word list has such a phrase).
    pub(super) fn short_lower_phrase(&self, toks: Range<usize>) -> Option<ShortPhrase> {
        let mut phrase = ShortPhrase::default();
        for (k, i) in toks.enumerate() {
            if k > 0 {
                phrase.push(" ")?;
            }
            phrase.push(self.word(i))?;
        }
        Some(phrase)
    }

    /// The text of piece `i` (empty outside the sentence), without a
    /// possessive ending (“year’s” is `year`, “today's” `today`).
    pub(super) fn word(&self, i: usize) -> &'a str {
        self.tok(i)
            .map_or("", |t| crate::entities::strip_possessive(t.text(self.text)))
    }

    /// True when piece `i` is the word `w` (lowercase), any case.
    pub(super) fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    /// True when piece `i` opens its sentence or a clause (after an
    /// opening quote, colon, bracket or dash): a capital there is no sign
    /// of a name.
    pub(super) fn clause_initial(&self, i: usize) -> bool {
        match self.before(i) {
            None => true,
            Some((_, t)) => {
                t.kind == TokKind::Punct
                    && matches!(
                        t.text(self.text),
                        "“" | "\"" | "‘" | "(" | "[" | ":" | "–" | "—" | "'"
                    )
            }
        }
    }

    /// A bound word (class `date_bound`) right before piece `i`,
    /// optionally followed by “the”, or before a clock time that comes
    /// right before piece `i` (“until 9 a.m. Tuesday”).
    pub(super) fn bound_before(&self, i: usize) -> Option<Bound<'a>> {
        let mut j = self.clock_before(i);
        let adjacent = j == i;
        if let Some((k, _)) = self.before(j).filter(|(k, _)| self.is(*k, "the")) {
            j = k;
        }
        let (k, t) = self.before(j)?;
        if !t.is(Class::DateBound) {
            return None;
        }
        // borrowed when lowercase already, as nearly every bound is
        let word = t.text(self.text);
        let word = if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        };
        let flags = crate::lexicon::value(&word, Class::DateBound).unwrap_or("");
        Some(Bound {
            tok: k,
            start: t.span.start,
            word,
            flags,
            adjacent,
        })
    }

    /// The first piece of a clock time (“9 a.m.”, “17:30 GMT,”, “noon”)
    /// that ends right before piece `i`, or `i` when there is none.
    pub(super) fn clock_before(&self, i: usize) -> usize {
        let mut j = i;
        let mut clock = false;
        for _ in 0..6 {
            let Some((k, t)) = self.before(j) else {
                break;
            };
            let w = t.text(self.text);
            let mark = t.is(Class::Meridiem) || t.is(Class::ClockWord) || w == ":";
            if !(mark || t.is(Class::TimeZone) || t.kind == TokKind::Number || w == ",") {
                break;
            }
            clock |= mark;
            j = k;
        }
        if clock {
            j
        } else {
            i
        }
    }
}

/// A bound word before a date (see [`Ctx::bound_before`]).
pub(super) struct Bound<'a> {
    /// Its piece.
    pub(super) tok: usize,
    /// Its first byte.
    pub(super) start: usize,
    /// The word, lowercase.
    pub(super) word: Cow<'a, str>,
    /// Its flags in `date_bound` (`deadline`, `future`, `past`).
    pub(super) flags: &'static str,
    /// Right before the date (else a clock time comes between: the bound
    /// belongs to the clock time's span, but still bounds the day).
    pub(super) adjacent: bool,
}

impl Bound<'_> {
    /// True when its flags hold `flag`.
    pub(super) fn has(&self, flag: &str) -> bool {
        self.flags.split(' ').any(|f| f == flag)
    }
}

/// One capture of a match: its byte span, its pieces (indices into the
/// article's pieces) and its text.
#[derive(Clone, Copy)]
pub(super) struct Group<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) text: &'a str,
}

impl Group<'_> {
    /// The pieces it covers.
    pub(super) fn toks(&self) -> Range<usize> {
        self.first..self.last + 1
    }
}

/// The captures of one match of a date rule.
pub(super) struct Caps<'a> {
    m: &'a Match,
    /// Index of the sentence's first piece (the match's token indices are
    /// relative to it).
    base: usize,
    text: &'a str,
    toks: &'a [Token],
}

impl<'a> Caps<'a> {
    fn group(&self, r: Range<usize>) -> Option<Group<'a>> {
        if r.is_empty() {
            return None;
        }
        let (first, last) = (self.base + r.start, self.base + r.end - 1);
        let (start, end) = (self.toks[first].span.start, self.toks[last].span.end);
        Some(Group {
            start,
            end,
            first,
            last,
            text: &self.text[start..end],
        })
    }

    /// The whole match.
    pub(super) fn whole(&self) -> Option<Group<'a>> {
        self.group(self.m.tokens.clone())
    }

    /// The capture `name`, when it took part in the match.
    pub(super) fn get(&self, name: &str) -> Option<Group<'a>> {
        self.group(self.m.capture(name)?)
    }
}

// ---------------------------------------------------------------------------
// Candidates

/// How an anchored expression moves its anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shift {
    Years(i64),
    Months(i64),
    Days(i64),
    /// The anchor's period in the given year (“the 1988 quarter”: the
    /// anchor quarter of 1988).
    ToYear(i32),
    /// The calendar unit (`day`, `month`, `year`) holding the anchor
    /// (“that year”, “later that day”), at that unit's granularity; none
    /// when the anchor is coarser than the unit.
    Within(&'static str),
}

/// Which date before an anchored expression is its anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Scope {
    /// A quarter, at most five sentences back (“the latest quarter”,
    /// “the year-ago quarter”, “a year ago” after a quarter's results).
    Quarter,
    /// A quarter at most five sentences back, else any date of the same
    /// sentence (“a year earlier”).
    QuarterOrSentence,
    /// Any date at most five sentences back (“two days later”, “the next
    /// day”).
    Near,
    /// The day right after it in the sentence, which it ends on: a
    /// period of `months` months with a stated end (“the quarter ended
    /// Jan. 31” is November 1 to January 31, whatever the calendar
    /// quarters are). Without that day it is not reported.
    EndsOn {
        /// The period's length in months (3 for a quarter).
        months: u32,
        /// The period's number, when it names one (“the fourth quarter
        /// ended June 30”): a company's fiscal number, which the calendar
        /// periods of that number need not match. Such a period is
        /// reported only when it is that calendar period (“the third
        /// quarter ended Sept. 30”): a fiscal fourth quarter that other
        /// articles call “the fourth quarter” must not be told apart from
        /// them by a date.
        named: Option<u32>,
    },
}

/// An expression resolved against a date before it (see
/// [`resolve_anchors`]).
#[derive(Clone, Copy, Debug)]
pub(super) struct Anchor {
    /// How far from the anchor.
    pub(super) shift: Shift,
    /// Where its anchor may be.
    pub(super) scope: Scope,
    /// The value without an anchor (`None`: unresolved, or for a
    /// [`Scope::Quarter`] expression not reported).
    pub(super) fallback: Option<(DateValue, Granularity)>,
}

/// A date expression found by a rule, before overlaps are settled.
pub(super) struct Cand {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Pieces it covers.
    pub(super) toks: Range<usize>,
    pub(super) rank: usize,
    pub(super) sentence: usize,
    pub(super) value: Option<DateValue>,
    pub(super) granularity: Granularity,
    pub(super) reading: DateReading,
    pub(super) reasons: Reasons,
    pub(super) time_of_day: Option<String>,
    pub(super) kind: TimexKind,
    pub(super) time: Option<NaiveTime>,
    pub(super) duration: Option<String>,
    pub(super) reference: Option<TimeRef>,
    pub(super) range: Option<[RangeEnd; 2]>,
    pub(super) anchor: Option<Anchor>,
    /// A clock time without a day, which may join a day next to it.
    pub(super) bare_clock: bool,
    /// Found, but not reported (an anchored expression without anchor).
    pub(super) drop: bool,
}

impl Cand {
    /// A date candidate for `[start, end)` over pieces `toks`, with no
    /// reasons yet.
    pub(super) fn new(
        start: usize,
        end: usize,
        toks: Range<usize>,
        granularity: Granularity,
        reading: DateReading,
    ) -> Self {
        Cand {
            start,
            end,
            toks,
            rank: 0,
            sentence: 0,
            value: None,
            granularity,
            reading,
            reasons: Reasons::default(),
            time_of_day: None,
            kind: TimexKind::Date,
            time: None,
            duration: None,
            reference: None,
            range: None,
            anchor: None,
            bare_clock: false,
            drop: false,
        }
    }

    /// A candidate covering group `g`.
    pub(super) fn over(g: &Group, granularity: Granularity, reading: DateReading) -> Self {
        Cand::new(g.start, g.end, g.toks(), granularity, reading)
    }

    /// Extends the start to piece `tok` at byte `start`.
    pub(super) fn extend_to(&mut self, tok: usize, start: usize) {
        self.toks.start = self.toks.start.min(tok);
        self.start = self.start.min(start);
    }

    fn into_mention(self, text: &str) -> DateMention {
        let kind = match self.kind {
            TimexKind::Date if self.time_of_day.is_some() || self.time.is_some() => TimexKind::Time,
            k => k,
        };
        // a possessive ending is no part of the expression (“last year’s
        // summit”: `last year`)
        let end = self.start + crate::entities::strip_possessive(&text[self.start..self.end]).len();
        let end = if end > self.start { end } else { self.end };
        DateMention {
            text: text[self.start..end].to_string(),
            span: Span::new(self.start, end),
            resolved: self.value.is_some(),
            value: self.value,
            granularity: self.granularity,
            reading: self.reading,
            reason: (!self.reasons.0.is_empty()).then_some(self.reasons.0),
            time_of_day: self.time_of_day,
            kind,
            time: self.time,
            duration: self.duration,
            reference: self.reference,
            range: self.range,
        }
    }
}

/// A phrase of a few words, ASCII lowercased, in a buffer on the stack:
/// what a handler compares with a word list (“a couple of”, “the near
/// future”) without a string allocated for it.
#[derive(Default)]
pub(super) struct ShortPhrase {
    buf: [u8; 32],
    len: usize,
}

impl ShortPhrase {
    /// Appends `s`, ASCII lowercased; `None` when it does not fit.
    pub(super) fn push(&mut self, s: &str) -> Option<()> {
        let end = self.len + s.len();
        let dst = self.buf.get_mut(self.len..end)?;
        for (d, b) in dst.iter_mut().zip(s.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        self.len = end;
        Some(())
    }

    /// Nothing pushed yet.
    pub(super) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The phrase.
    pub(super) fn as_str(&self) -> &str {
        // whole strs with their ASCII letters lowercased: still UTF-8
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

/// The reasons of a candidate, joined by `"; "` as they are added.
#[derive(Default)]
pub(super) struct Reasons(pub(super) String);

impl Reasons {
    /// Adds the reason `r`.
    pub(super) fn push(&mut self, r: &str) {
        self.push_all(&[r]);
    }

    /// Adds the reason `args` writes (`format_args!`): no string made for
    /// it first.
    pub(super) fn push_fmt(&mut self, args: std::fmt::Arguments) {
        use std::fmt::Write;
        if !self.0.is_empty() {
            self.0.push_str("; ");
        }
        // room for most such reasons at once (written piece by piece, the
        // string grew at each)
        self.0.reserve(80);
        // (writing to a `String` does not fail)
        let _ = self.0.write_fmt(args);
    }

    /// Adds the reason made of `parts`, in order (no format string to
    /// run, no string made for it).
    /// The room for all of it is reserved first: one allocation where
    /// growing by each part took several.
    pub(super) fn push_all(&mut self, parts: &[&str]) {
        let sep = if self.0.is_empty() { "" } else { "; " };
        self.0
            .reserve(sep.len() + parts.iter().map(|p| p.len()).sum::<usize>());
        self.0.push_str(sep);
        parts.iter().for_each(|p| self.0.push_str(p));
    }
}

/// Picks non-overlapping candidates, longest first, then earliest, then
/// of the rule declared first; returns them in text order.
fn select(cands: Vec<Cand>) -> Vec<Cand> {
    // Candidates are large: sort their keys (longest first, then by
    // start, then by rule rank, then in the order found), not the
    // candidates themselves.
    let mut order: Vec<(Reverse<usize>, usize, usize, usize)> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| (Reverse(c.end - c.start), c.start, c.rank, i))
        .collect();
    order.sort_unstable();
    let mut keep = vec![false; cands.len()];
    // The bytes the kept spans cover: a candidate overlaps a kept span
    // when one of its bytes is taken (a few words of the bit set each;
    // comparing with every kept span made an article of 50,000 dates take
    // seconds, and grew with the square of the count)
    let mut taken = Taken::new(cands.iter().map(|c| c.end).max().unwrap_or(0));
    for (.., i) in order {
        let c = &cands[i];
        debug_assert!(c.start < c.end, "empty date candidate");
        if !taken.any(c.start, c.end) {
            taken.take(c.start, c.end);
            keep[i] = true;
        }
    }
    // disjoint and non-empty: each kept span has its own start
    let mut kept: Vec<Cand> = cands
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect();
    // found sentence by sentence, they are nearly always in order already:
    // a stable sort of 312-byte candidates allocates room for all of them
    if !kept.is_sorted_by_key(|c| c.start) {
        kept.sort_by_key(|c| c.start);
    }
    kept
}

/// A set of byte offsets (below a bound given when made), as bits.
struct Taken(Vec<u64>);

impl Taken {
    /// No offset below `len` taken.
    fn new(len: usize) -> Taken {
        Taken(vec![0; len / 64 + 1])
    }

    /// The words and bits of offsets `start..end` (`start < end`, within
    /// the bound): one word for most spans, two across a word's end.
    fn bits(start: usize, end: usize) -> impl Iterator<Item = (usize, u64)> {
        (start / 64..=(end - 1) / 64).map(move |w| {
            let lo = start.max(w * 64) - w * 64;
            let hi = end.min(w * 64 + 64) - w * 64;
            (w, u64::MAX >> (64 - (hi - lo)) << lo)
        })
    }

    /// True when some offset of `start..end` is taken.
    fn any(&self, start: usize, end: usize) -> bool {
        Taken::bits(start, end).any(|(w, bits)| self.0[w] & bits != 0)
    }

    /// Takes the offsets `start..end`.
    fn take(&mut self, start: usize, end: usize) {
        Taken::bits(start, end).for_each(|(w, bits)| self.0[w] |= bits);
    }
}

/// Joins each clock time without a day to a day right next to it (“9 a.m.
/// Tuesday”, “5 p.m. EST, Nov. 6”, “tomorrow at noon”, “Friday at 3 p.m.”):
/// the day's value and reasons, the clock's time, one span.
fn attach_clock_times(text: &str, toks: &[Token], kept: &mut Vec<Cand>) {
    // only `,`, `at`, `on` and `(` may come between
    let joins = |a: &Cand, b: &Cand| {
        a.sentence == b.sentence
            && toks[a.toks.end.min(b.toks.start)..b.toks.start]
                .iter()
                .all(|t| {
                    matches!(
                        t.text(text).to_ascii_lowercase().as_str(),
                        "," | "at" | "on"
                    )
                })
            && b.toks.start - a.toks.end <= 2
    };
    let is_day = |c: &Cand| {
        matches!(c.kind, TimexKind::Date | TimexKind::Time)
            && !c.bare_clock
            && c.granularity == Granularity::Day
            && c.range.is_none()
            && c.time.is_none()
            && c.reference.is_none()
    };
    let mut i = 0;
    while i < kept.len() {
        if !kept[i].bare_clock {
            i += 1;
            continue;
        }
        let next = (i + 1 < kept.len() && is_day(&kept[i + 1]) && joins(&kept[i], &kept[i + 1]))
            .then_some(i + 1);
        let prev = (i > 0 && is_day(&kept[i - 1]) && joins(&kept[i - 1], &kept[i])).then(|| i - 1);
        let Some(day) = next.or(prev) else {
            i += 1;
            continue;
        };
        let clock = kept.remove(i);
        let day = if day > i { day - 1 } else { day };
        let d = &mut kept[day];
        d.start = d.start.min(clock.start);
        d.end = d.end.max(clock.end);
        d.toks = d.toks.start.min(clock.toks.start)..d.toks.end.max(clock.toks.end);
        d.kind = TimexKind::Time;
        d.time = clock.time;
        if !clock.reasons.0.is_empty() {
            d.reasons.push(&clock.reasons.0);
        }
        i = day + 1;
    }
}

/// Resolves the anchored candidates (“a year earlier”) in text order: the
/// anchor is the nearest resolved date before it that its [`Scope`]
/// allows (never another anchored expression).
fn resolve_anchors(kept: &mut [Cand], reference: Option<NaiveDate>) {
    for i in 0..kept.len() {
        let Some(anchor) = kept[i].anchor else {
            continue;
        };
        let sentence = kept[i].sentence;
        let before = |quarter: bool, same_sentence: bool| {
            kept[..i].iter().rev().find(|p| {
                p.value.is_some()
                    && p.anchor.is_none()
                    && matches!(p.kind, TimexKind::Date | TimexKind::Time)
                    && p.range.is_none()
                    && p.sentence + 5 >= sentence
                    && (!same_sentence || p.sentence == sentence)
                    && (!quarter || p.granularity == Granularity::Quarter)
            })
        };
        if let Scope::EndsOn { months, named } = anchor.scope {
            let end = kept
                .get(i + 1)
                .filter(|p| p.sentence == sentence && p.anchor.is_none())
                .and_then(|p| match p.value {
                    Some(DateValue::Day(d)) => Some((d, p.start)),
                    _ => None,
                });
            let c = &mut kept[i];
            let first = end
                .and_then(|(d, _)| {
                    calendar::add_months(calendar::add_days(d, 1)?, -i64::from(months))
                })
                .filter(|f| {
                    named.is_none_or(|n| f.day() == 1 && f.month() == (n - 1) * months + 1)
                });
            match (first, end) {
                (Some(first), Some((d, at))) => {
                    c.value = Some(calendar::interval(first, d));
                    // resolved: an anchor for what follows (“from the
                    // year-earlier quarter”), like any quarter
                    c.anchor = None;
                    c.reasons
                        .push(&format!("{months} months ending on the date at byte {at}"));
                }
                _ => c.drop = true,
            }
            continue;
        }
        let found = match anchor.scope {
            Scope::Quarter => before(true, false),
            Scope::QuarterOrSentence => before(true, false).or_else(|| before(false, true)),
            Scope::Near => before(false, false),
            Scope::EndsOn { .. } => None,
        };
        let from = found.and_then(|p| Some((p.value?, p.granularity, p.start)));
        let c = &mut kept[i];
        match from {
            Some((v, g, at)) => {
                c.value = resolve::shift(v, anchor.shift);
                c.granularity = match anchor.shift {
                    Shift::Within(unit) => {
                        // “that day” after a month names no day of it
                        c.drop = c.value.is_none();
                        resolve::unit_granularity(unit)
                    }
                    _ => g,
                };
                c.reading = DateReading::Relative;
                c.reasons.push_fmt(format_args!(
                    "anchored on the date at byte {at} ({} to {})",
                    v.start(),
                    v.end()
                ));
            }
            None => match anchor.fallback {
                Some((v, g)) => {
                    c.value = Some(v);
                    c.granularity = g;
                    if let Some(r) = reference {
                        c.reasons
                            .push(&format!("no date before it: counted from {r}"));
                    }
                }
                None if anchor.scope == Scope::Quarter
                    || matches!(anchor.shift, Shift::Within(_)) =>
                {
                    c.drop = true
                }
                None if reference.is_none() => c.reasons.push(resolve::NO_REF),
                None => c.reasons.push("anchored: no date before it to count from"),
            },
        }
    }
}

#[cfg(test)]
mod tests;
