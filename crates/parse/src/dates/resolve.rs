//! The handlers of the date rules: each turns the captures of one match
//! into a candidate (its span, kind, value, granularity and reasons), or
//! refuses it (`None`). The table that pairs them with their rules is
//! [`super::patterns::PATTERNS`]; the rules' capture names are the names
//! the handlers read (`m` a month, `d` a day, `y` a year, `wd` a weekday,
//! `part`, `mod`, `unit`, `n` a count …).

use super::calendar::{self, add_days, add_months, interval, month_value, ymd, Part};
use super::tense::{clause_tense, Tense};
use super::{Anchor, Bound, Cand, Caps, Ctx, Group, Scope, Shift, ShortPhrase};
use crate::lexicon::{self, Class};
use crate::model::{DateReading, DateValue, Granularity, RangeEnd, TimeRef, TimexKind};
use crate::text::{Shape, TokKind};
use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use std::borrow::Cow;

/// The reason of a relative expression without a reference date.
pub(super) const NO_REF: &str = "relative date and no reference date";

/// A handler: a match's captures to a candidate.
pub(super) type Handler = fn(&Ctx, &Caps) -> Option<Cand>;

// ---------------------------------------------------------------------------
// Reading captured words

/// The month a group names (its first piece: “Feb” of “Feb.”).
fn month_of(ctx: &Ctx, g: &Group) -> Option<u32> {
    let w = ctx.word(g.first);
    lexicon::value(w, Class::Month)
        .or_else(|| lexicon::value(w, Class::MonthAbbr))
        .and_then(|v| v.parse().ok())
}

/// The weekday a word names (a possessive ending ignored).
fn weekday_of(w: &str) -> Option<Weekday> {
    const DAYS: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let w = crate::entities::strip_possessive(w);
    let n: usize = lexicon::value(w, Class::Weekday)?.parse().ok()?;
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

/// The number of a day or ordinal token (“4”, “4th”).
fn day_number(g: &Group) -> Option<u32> {
    let digits = g.text.bytes().take_while(u8::is_ascii_digit).count();
    g.text[..digits].parse().ok()
}

/// The value of `word` in `class` (lexicon).
fn value_in(word: &str, class: Class) -> Option<&'static str> {
    lexicon::value(word, class)
}

/// A part of a month or year named by a `date_part` word.
fn part_of(ctx: &Ctx, g: &Group) -> Option<Part> {
    Part::from_value(value_in(ctx.word(g.first), Class::DatePart)?)
}

/// A count: a number, or vague (“few”, “several”).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Count {
    N(u32),
    Vague,
}

/// The count a group says: digits, a number word or two joined by a
/// hyphen (“twenty-five”), “a”/“an”/“one”, “a couple of” (2), or a vague
/// word (“few”, “several”, “many”, “a few”).
fn count_of(ctx: &Ctx, g: &Group) -> Option<Count> {
    // the words but hyphens, ASCII lowercased, one space between (on the
    // stack: a phrase too long for it is no count)
    let mut phrase = ShortPhrase::default();
    for w in g.toks().map(|i| ctx.word(i)).filter(|&w| w != "-") {
        if !phrase.is_empty() {
            phrase.push(" ")?;
        }
        phrase.push(w)?;
    }
    match phrase.as_str() {
        "a" | "an" => Some(Count::N(1)),
        "a couple of" | "couple of" | "a couple" => Some(Count::N(2)),
        "a few" | "few" | "several" | "many" | "some" => Some(Count::Vague),
        w if !w.contains(' ') && w.bytes().all(|b| b.is_ascii_digit()) => {
            w.parse().ok().map(Count::N)
        }
        w if !w.contains(' ') => value_in(w, Class::NumberWord)?.parse().ok().map(Count::N),
        two => {
            let (tens, ones) = two.split_once(' ').filter(|(_, o)| !o.contains(' '))?;
            let t: u32 = value_in(tens, Class::NumberWord)?.parse().ok()?;
            let o: u32 = value_in(ones, Class::NumberWord)?.parse().ok()?;
            (t >= 20 && t % 10 == 0 && (1..=9).contains(&o)).then_some(Count::N(t + o))
        }
    }
}

/// The unit a `time_unit` word names, and whether it is plural.
fn unit_of(ctx: &Ctx, g: &Group) -> Option<(&'static str, bool)> {
    let w = ctx.word(g.last);
    let unit = value_in(w, Class::TimeUnit)?;
    Some((unit, !w.eq_ignore_ascii_case(unit)))
}

/// An ISO 8601 duration of `count` `unit`s (`P3Y`, `PT2H`, `PXW`).
fn iso_duration(count: Count, unit: &str) -> Option<String> {
    // the designator before the number, units per `unit`, the one after
    let (head, per, tail) = match unit {
        "minute" => ("PT", 1, 'M'),
        "hour" => ("PT", 1, 'H'),
        "day" => ("P", 1, 'D'),
        "week" => ("P", 1, 'W'),
        "fortnight" => ("P", 2, 'W'),
        "month" => ("P", 1, 'M'),
        "quarter" => ("P", 1, 'Q'),
        "year" => ("P", 1, 'Y'),
        "decade" => ("P", 10, 'Y'),
        "century" => ("P", 100, 'Y'),
        _ => return None,
    };
    // one string, written in place
    let mut out = String::with_capacity(8);
    out.push_str(head);
    match count {
        Count::N(c) => {
            use std::fmt::Write;
            write!(out, "{}", c.checked_mul(per)?).ok()?;
        }
        Count::Vague => out.push('X'),
    }
    out.push(tail);
    Some(out)
}

/// The granularity of a span of `unit`.
pub(super) fn unit_granularity(unit: &str) -> Granularity {
    match unit {
        "minute" | "hour" | "day" => Granularity::Day,
        "week" | "fortnight" => Granularity::Week,
        "month" => Granularity::Month,
        "quarter" => Granularity::Quarter,
        "decade" | "century" => Granularity::Decade,
        _ => Granularity::Year,
    }
}

/// `d` moved by `n` `unit`s.
fn shift_by(d: NaiveDate, n: i64, unit: &str) -> Option<NaiveDate> {
    match unit {
        "minute" | "hour" => Some(d),
        "day" => add_days(d, n),
        "week" => add_days(d, 7 * n),
        "fortnight" => add_days(d, 14 * n),
        "month" => add_months(d, n),
        "quarter" => add_months(d, 3 * n),
        "year" => add_months(d, 12 * n),
        "decade" => add_months(d, 120 * n),
        "century" => add_months(d, 1200 * n),
        _ => None,
    }
}

/// The calendar `unit` (day, ISO week, month, quarter, year) holding `d`.
fn unit_around(d: NaiveDate, unit: &str) -> Option<DateValue> {
    Some(match unit {
        "day" | "hour" | "minute" => DateValue::Day(d),
        "week" | "fortnight" => {
            let mon = calendar::week_monday(d)?;
            interval(mon, add_days(mon, 6)?)
        }
        "month" => month_value(d.year(), d.month(), None)?,
        "quarter" => calendar::quarter_value(d.year(), d.month().div_ceil(3))?,
        _ => calendar::year_value(d.year(), None)?,
    })
}

/// `v` moved by `shift`, keeping its shape (a quarter stays a quarter).
pub(super) fn shift(v: DateValue, shift: Shift) -> Option<DateValue> {
    match shift {
        Shift::Years(n) => calendar::shift_years(v, n),
        Shift::Months(n) => Some(interval(add_months(v.start(), n)?, add_months(v.end(), n)?)),
        Shift::Days(n) => Some(interval(add_days(v.start(), n)?, add_days(v.end(), n)?)),
        Shift::ToYear(y) => calendar::shift_years(v, i64::from(y - v.start().year())),
        Shift::Within(unit) => {
            let around = unit_around(v.start(), unit)?;
            (around.end() >= v.end()).then_some(around)
        }
    }
}

/// A year written with two digits (“79”): the year of that century
/// nearest `reference`, at most ten years after it (without a reference:
/// 1950–2049).
fn two_digit_year(yy: i32, reference: Option<NaiveDate>) -> i32 {
    let limit = reference.map_or(2049, |r| r.year() + 10);
    let century = limit.div_euclid(100) * 100;
    if century + yy <= limit {
        century + yy
    } else {
        century - 100 + yy
    }
}

/// A four-digit year between 1900 and 2099.
fn year_of(g: &Group) -> Option<i32> {
    let y: i32 = g.text.get(..4)?.parse().ok()?;
    (1900..=2099).contains(&y).then_some(y)
}

/// A year in digits or in words (“nineteen ninety-six”, “twenty twenty”,
/// “two thousand and five”: see [`year_in_words`]).
fn year_in(ctx: &Ctx, g: &Group) -> Option<i32> {
    if g.text.starts_with(|c: char| c.is_ascii_digit()) {
        year_of(g)
    } else {
        year_in_words(ctx, g)
    }
}

/// A year written in words, as read aloud: the century's two digits then
/// the year's (“nineteen ninety-six” 1996; “nineteen oh five” is not
/// read), or “two thousand” and a number below a hundred (“two thousand
/// and five”). Between 1900 and 2099.
fn year_in_words(ctx: &Ctx, g: &Group) -> Option<i32> {
    let words: Vec<String> = (g.first..=g.last)
        .map(|i| ctx.word(i).to_ascii_lowercase())
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()) && w != "and")
        .collect();
    let (century, rest) = match words.as_slice() {
        [two, thousand, rest @ ..] if two == "two" && thousand == "thousand" => (2000, rest),
        [c, rest @ ..] if !rest.is_empty() => (
            100 * value_in(c, Class::NumberWord)?.parse::<i32>().ok()?,
            rest,
        ),
        _ => return None,
    };
    let numbers: Vec<i32> = rest
        .iter()
        .map(|w| value_in(w, Class::NumberWord)?.parse().ok())
        .collect::<Option<_>>()?;
    let yy = match numbers.as_slice() {
        [] if century == 2000 => 0,
        [t] if (1..=99).contains(t) => *t,
        [t, u] if t % 10 == 0 && (20..=90).contains(t) && (1..=9).contains(u) => t + u,
        _ => return None,
    };
    let y = century + yy;
    (1900..=2099).contains(&y).then_some(y)
}

// ---------------------------------------------------------------------------
// Bounds and tense

/// Applies a bound before piece `first` (see [`Ctx::bound_before`]): when
/// it is right before, the candidate's span takes it in; its reason is
/// added either way.
fn take_bound<'t>(ctx: &Ctx<'t>, c: &mut Cand, first: usize) -> Option<Bound<'t>> {
    let b = ctx.bound_before(first)?;
    if b.adjacent {
        c.extend_to(b.tok, b.start);
    }
    let deadline = if b.has("deadline") { " (deadline)" } else { "" };
    c.reasons.push_all(&["bound '", &b.word, "'", deadline]);
    Some(b)
}

/// Past or future for a relative expression over pieces `first..end`,
/// with its bound: `by`/`until`/`till` lean to the future and `since` to
/// the past unless a cue of the clause says the other way.
fn tense_with_bound<'t>(
    ctx: &Ctx<'t>,
    bound: Option<&'t Bound<'_>>,
    first: usize,
    end: usize,
) -> (Tense, Option<Cow<'t, str>>) {
    let (t, cue) = clause_tense(ctx, first, end);
    match bound {
        Some(b) if b.has("future") && !(t == Tense::Past && cue.is_some()) => {
            (Tense::Future, Some(Cow::Borrowed(&*b.word)))
        }
        Some(b) if b.has("past") && !(t == Tense::Future && cue.is_some()) => {
            (Tense::Past, Some(Cow::Borrowed(&*b.word)))
        }
        _ => (t, cue),
    }
}

/// Adds the reason “`kind` resolved to the past/future of `r` (cue …)”.
fn tense_reason(ctx: &Ctx, c: &mut Cand, kind: &str, tense: Tense, cue: Option<&str>) {
    let dir = match tense {
        Tense::Past => "past",
        Tense::Future => "future",
    };
    let (r, head) = (ctx.reference_text, " resolved to the ");
    match cue {
        Some(cue) => c
            .reasons
            .push_all(&[kind, head, dir, " of ", r, " (cue '", cue, "')"]),
        None => c
            .reasons
            .push_all(&[kind, head, dir, " of ", r, " (news mode: no future cue)"]),
    }
}

/// The year of a yearly period (a month, quarter, season: `value(y)`)
/// that a relative expression names: `Past` the latest that has begun by
/// `r`, `Future` the earliest not yet over.
fn pick_year(r: NaiveDate, tense: Tense, value: impl Fn(i32) -> Option<DateValue>) -> Option<i32> {
    let years = [r.year() - 2, r.year() - 1, r.year(), r.year() + 1];
    match tense {
        Tense::Past => years
            .into_iter()
            .rev()
            .find(|&y| value(y).is_some_and(|v| v.start() <= r)),
        Tense::Future => years
            .into_iter()
            .find(|&y| value(y).is_some_and(|v| v.end() >= r)),
    }
}

/// The year of a yearly period without a year or a tense cue (news
/// mode): the one holding `r`, else the nearest with the past favoured,
/// as for a day and month ([`nearest_year`]): the days until the next one
/// begins count [`AHEAD_WEIGHT`] times the days since the last one ended (“in
/// November” written in late October is next month's, “in April”
/// written in October last April's).
fn nearest_period_year(r: NaiveDate, value: impl Fn(i32) -> Option<DateValue>) -> Option<i32> {
    let past = pick_year(r, Tense::Past, &value)?;
    let pv = value(past)?;
    if pv.end() >= r {
        return Some(past);
    }
    let Some(fy) = pick_year(r, Tense::Future, &value) else {
        return Some(past);
    };
    let fv = value(fy)?;
    let ahead = (fv.start() - r).num_days();
    let behind = (r - pv.end()).num_days();
    Some(if AHEAD_WEIGHT * ahead < behind {
        fy
    } else {
        past
    })
}

/// A yearly period after a modifier: `last` the latest over before `r`,
/// `next` the earliest begun after it, `this` the one holding `r` (else
/// the one of `r`'s year).
fn pick_year_by(
    r: NaiveDate,
    modifier: &str,
    value: impl Fn(i32) -> Option<DateValue>,
) -> Option<i32> {
    let years = [
        r.year() - 2,
        r.year() - 1,
        r.year(),
        r.year() + 1,
        r.year() + 2,
    ];
    match modifier {
        "last" | "past" | "this past" => years
            .into_iter()
            .rev()
            .find(|&y| value(y).is_some_and(|v| v.end() < r)),
        "next" | "coming" | "upcoming" => years
            .into_iter()
            .find(|&y| value(y).is_some_and(|v| v.start() > r)),
        _ => years
            .into_iter()
            .find(|&y| value(y).is_some_and(|v| v.start() <= r && r <= v.end()))
            .or(Some(r.year())),
    }
}

/// How a yearly period without a year or modifier is placed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Placing {
    /// By the tense cue of its clause, else the nearest with the past
    /// favoured (news mode; months, seasons: “will reopen in June”, “was
    /// closed in March”, “In March, the firm …”; see
    /// [`nearest_period_year`]).
    Cue,
    /// The nearest, whatever the clause (quarters: financial news reports
    /// a quarter soon after it ends and forecasts the next ones).
    Nearest,
}

/// A yearly period without a year placed by its clause
/// ([`Placing::Cue`]): a bound before it (“by June”, “since the
/// summer”) is read when no modifier (“last”, “next”) names it, then
/// [`relative_period`]. Months, seasons and holidays.
fn cued_period(
    ctx: &Ctx,
    c: &mut Cand,
    first: usize,
    kind: &str,
    modifier: Option<&str>,
    value: impl Fn(i32) -> Option<DateValue>,
) {
    let bound = match modifier {
        None => take_bound(ctx, c, first),
        Some(_) => None,
    };
    relative_period(ctx, c, kind, modifier, bound.as_ref(), Placing::Cue, value);
}

/// Resolves a yearly period without a year (`value(y)`) relative to the
/// reference, by its modifier, else as `placing` says.
fn relative_period(
    ctx: &Ctx,
    c: &mut Cand,
    kind: &str,
    modifier: Option<&str>,
    bound: Option<&Bound>,
    placing: Placing,
    value: impl Fn(i32) -> Option<DateValue>,
) {
    let Some(r) = ctx.reference else {
        c.reasons.push(NO_REF);
        return;
    };
    let y = match modifier {
        Some(m) => {
            c.reasons
                .push_fmt(format_args!("'{m}': {kind} relative to {r}"));
            pick_year_by(r, m, &value)
        }
        None => {
            let (first, end) = (c.toks.start, c.toks.end);
            let (tense, cue) = match placing {
                Placing::Cue => tense_with_bound(ctx, bound, first, end),
                Placing::Nearest => (Tense::Past, None),
            };
            match cue {
                Some(cue) => {
                    tense_reason(ctx, c, kind, tense, Some(&*cue));
                    pick_year(r, tense, &value)
                }
                None if placing == Placing::Cue => {
                    let y = nearest_period_year(r, &value);
                    let past = pick_year(r, Tense::Past, &value);
                    if y.is_some() && y != past {
                        c.reasons.push_all(&[
                            kind,
                            " resolved to the future of ",
                            ctx.reference_text,
                            " (news mode: no tense cue, the next one much nearer)",
                        ]);
                    } else {
                        tense_reason(ctx, c, kind, Tense::Past, None);
                    }
                    y
                }
                None => {
                    tense_reason(ctx, c, kind, Tense::Past, None);
                    pick_year(r, Tense::Past, &value)
                }
            }
        }
    };
    c.value = y.and_then(value);
}

// ---------------------------------------------------------------------------
// Calendar dates

/// “2022-01-26”.
pub(super) fn iso_date(_: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let y: i32 = c.get("y")?.text.parse().ok()?;
    let m: u32 = c.get("mo")?.text.parse().ok()?;
    let d: u32 = c.get("d")?.text.parse().ok()?;
    let mut cand = Cand::over(&whole, Granularity::Day, DateReading::Absolute);
    cand.value = Some(DateValue::Day(ymd(y, m, d)?));
    Some(cand)
}

/// “2024-03-12T14:05:00Z”: a time.
pub(super) fn iso_time(_: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let y: i32 = c.get("y")?.text.parse().ok()?;
    let m: u32 = c.get("mo")?.text.parse().ok()?;
    let (d, h) = c.get("dh")?.text.split_once(['T', 't'])?;
    let mi = c.get("mi")?.text.trim_end_matches(['Z', 'z']);
    let mut cand = Cand::over(&whole, Granularity::Day, DateReading::Absolute);
    cand.value = Some(DateValue::Day(ymd(y, m, d.parse().ok()?)?));
    cand.time = NaiveTime::from_hms_opt(h.parse().ok()?, mi.parse().ok()?, 0);
    cand.time?;
    cand.kind = TimexKind::Time;
    Some(cand)
}

/// The day, month and year of “4 February 2022”, “Feb. 4”, “5th Mar 79”.
struct DayParts {
    month: u32,
    day: u32,
    year: Option<i32>,
}

/// Reads a day-and-month match's `m`, `d` and `y`/`y2` (the given names).
fn day_parts(ctx: &Ctx, c: &Caps, m: &str, d: &str) -> Option<DayParts> {
    let m_g = c.get(m)?;
    let month = month_of(ctx, &m_g)?;
    // a lowercase month: only a month that is no common word (“june
    // 6”), or one after a date preposition (“on may 8”)
    let m_tok = ctx.tok(m_g.first)?;
    if !m_tok.shape.has(Shape::CAPITALISED) && m_tok.is(Class::MonthCommonWord) {
        let first = c.whole()?.first;
        let cue = ctx.before(first).is_some_and(|(k, t)| {
            t.is(Class::DatePreposition) || t.is(Class::DateBound) || ctx.is(k, "on")
        });
        if !cue {
            return None;
        }
    }
    let day = day_number(&c.get(d)?)?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let year = match (c.get("y"), c.get("y2")) {
        (Some(y), _) => Some(year_of(&y)?),
        (None, Some(y2)) => Some(two_digit_year(y2.text.parse().ok()?, ctx.reference)),
        _ => None,
    };
    Some(DayParts { month, day, year })
}

/// News mode's lean to the past: without a tense cue, a day or period
/// ahead of the reference date counts this many times its distance.
const AHEAD_WEIGHT: i64 = 2;

/// The year of a day and month without one, with its reason: the cue's
/// side of the reference date when its clause has a tense cue, else the
/// nearest with the past favoured (news mode): a day ahead counts twice
/// its distance (“the Oct. 23 attack” in May is last October's; “4
/// February” a week before it is this one).
fn nearest_year(ctx: &Ctx, c: &mut Cand, month: u32, day: u32, r: NaiveDate) -> Option<i32> {
    let years = [r.year() - 1, r.year(), r.year() + 1];
    // a tense cue in the clause puts it on the cue's side, when that is
    // within ten months (a date further back or ahead would carry its
    // year: “amended on Feb. 4” a week before is no slip for last year's)
    let (tense, cue) = clause_tense(ctx, c.toks.start, c.toks.end);
    if let Some(cue) = cue {
        let on_side = |&y: &i32| {
            ymd(y, month, day).is_some_and(|d| {
                (d - r).num_days().abs() <= 300
                    && if tense == Tense::Past { d <= r } else { d >= r }
            })
        };
        let y = match tense {
            Tense::Past => years.into_iter().rev().find(on_side),
            Tense::Future => years.into_iter().find(on_side),
        };
        if let Some(y) = y {
            let dir = if tense == Tense::Past {
                "past"
            } else {
                "future"
            };
            c.reasons.push_fmt(format_args!(
                "year {y} from the reference date {r} ({dir}: cue '{cue}')"
            ));
            return Some(y);
        }
    }
    let mut best: Option<(i64, i32)> = None;
    for y in years {
        if let Some(d) = ymd(y, month, day) {
            let days = (d - r).num_days();
            let dist = if days > 0 { AHEAD_WEIGHT * days } else { -days };
            if best.is_none_or(|b| dist < b.0) {
                best = Some((dist, y));
            }
        }
    }
    let Some((_, y)) = best else {
        c.reasons
            .push_fmt(format_args!("no such day: {day}/{month}"));
        return None;
    };
    c.reasons.push_fmt(format_args!(
        "year {y} from the reference date {r} (nearest, the past favoured)"
    ));
    Some(y)
}

/// “4 February”, “Thursday, February 2”, “January 26, 2022”, “Feb. 4”,
/// “2-4 February”, “5th Mar 79”.
pub(super) fn day(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let p = day_parts(ctx, c, "m", "d")?;
    let day2 = match c.get("d2") {
        Some(g) => {
            let v = day_number(&g)?;
            if v <= p.day || v > 31 {
                return None;
            }
            Some(v)
        }
        None => None,
    };
    let written_wd = c.get("wd").and_then(|w| weekday_of(w.text));
    let mut cand = Cand::over(&whole, Granularity::Day, DateReading::Absolute);
    take_bound(ctx, &mut cand, whole.first);
    let y = match (p.year, ctx.reference) {
        (Some(y), _) => y,
        (None, Some(r)) => nearest_year(ctx, &mut cand, p.month, p.day, r)?,
        (None, None) => {
            cand.reasons.push("no year and no reference date");
            return Some(cand);
        }
    };
    let Some(first) = ymd(y, p.month, p.day) else {
        cand.reasons
            .push(&format!("no such day: {y}-{:02}-{:02}", p.month, p.day));
        return Some(cand);
    };
    let value = match day2 {
        Some(d2) => match ymd(y, p.month, d2) {
            Some(last) => interval(first, last),
            None => {
                cand.reasons
                    .push(&format!("no such day: {y}-{:02}-{d2:02}", p.month));
                return Some(cand);
            }
        },
        None => DateValue::Day(first),
    };
    if let Some(w) = written_wd {
        if day2.is_none() && first.weekday() != w {
            cand.reasons.push_fmt(format_args!(
                "written weekday {} does not match {first} (a {})",
                weekday_name(w),
                weekday_name(first.weekday())
            ));
        }
    }
    cand.value = Some(value);
    Some(cand)
}

/// One end of a range, from its own parts.
fn range_end(g: &Group, value: Option<DateValue>, granularity: Granularity) -> RangeEnd {
    RangeEnd {
        text: g.text.to_string(),
        span: crate::model::Span::new(g.start, g.end),
        value,
        granularity,
    }
}

/// Makes `cand` the range from `a` to `b` (both resolved and in order),
/// else leaves it unresolved with a reason.
fn set_range(cand: &mut Cand, a: RangeEnd, b: RangeEnd) {
    match (a.value, b.value) {
        (Some(x), Some(y)) if x.start() <= y.end() => {
            cand.value = Some(interval(x.start(), y.end()));
        }
        (Some(_), Some(_)) => cand.reasons.push("range ends out of order"),
        _ => {}
    }
    cand.range = Some([a, b]);
}

/// “3 May - 9 June (2024)”, “May 3 - June 9”: a range of days across two
/// months.
pub(super) fn day_range(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let a = day_parts(ctx, c, "m", "d")?;
    let b = day_parts(ctx, c, "m2", "d2")?;
    let (a_g, b_g) = (c.get("a")?, c.get("b")?);
    let mut cand = Cand::over(&whole, Granularity::Day, DateReading::Absolute);
    let y = match (b.year.or(a.year), ctx.reference) {
        (Some(y), _) => y,
        (None, Some(r)) => nearest_year(ctx, &mut cand, a.month, a.day, r)?,
        (None, None) => {
            cand.reasons.push("no year and no reference date");
            return Some(cand);
        }
    };
    // the second end in the next year when it comes before the first
    let ya = a.year.unwrap_or(y);
    let yb = b.year.unwrap_or(if (b.month, b.day) < (a.month, a.day) {
        ya + 1
    } else {
        ya
    });
    let ea = range_end(
        &a_g,
        ymd(ya, a.month, a.day).map(DateValue::Day),
        Granularity::Day,
    );
    let eb = range_end(
        &b_g,
        ymd(yb, b.month, b.day).map(DateValue::Day),
        Granularity::Day,
    );
    set_range(&mut cand, ea, eb);
    Some(cand)
}

/// “in February”, “February 2022”, “mid-February”, “the end of March”,
/// “last May”.
pub(super) fn month(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let m_g = c.get("m")?;
    let month = month_of(ctx, &m_g)?;
    let part = c.get("part").and_then(|p| part_of(ctx, &p));
    let granularity = if part.is_some() {
        Granularity::PartOfMonth
    } else {
        Granularity::Month
    };
    let year = match c.get("y") {
        Some(y) => Some(year_in(ctx, &y)?),
        None => None,
    };
    let mut cand = Cand::over(&whole, granularity, DateReading::Absolute);
    // “May's”: the span leaves out the possessive ending
    if ctx
        .tok(m_g.last)
        .is_some_and(|t| t.shape.has(Shape::POSSESSIVE))
        && cand.end == m_g.end
    {
        cand.end = m_g.start + crate::entities::strip_possessive(m_g.text).len();
    }
    if let Some(y) = year {
        take_bound(ctx, &mut cand, whole.first);
        cand.value = month_value(y, month, part);
        return Some(cand);
    }
    cand.reading = DateReading::Relative;
    let modifier = c.get("mod").map(|g| g.text.to_ascii_lowercase());
    cued_period(
        ctx,
        &mut cand,
        whole.first,
        "month",
        modifier.as_deref(),
        |y| month_value(y, month, part),
    );
    Some(cand)
}

/// “from March to October”, “March-June 2024”: a range of months.
pub(super) fn month_range(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let (a_g, b_g) = (c.get("m")?, c.get("m2")?);
    let (ma, mb) = (month_of(ctx, &a_g)?, month_of(ctx, &b_g)?);
    let year = match c.get("y") {
        Some(y) => Some(year_of(&y)?),
        None => None,
    };
    let mut cand = Cand::over(&whole, Granularity::Month, DateReading::Absolute);
    // the range as one period: from the first month to the second (in the
    // next year when it comes before the first)
    let span = |y: i32| {
        let yb = if mb < ma { y + 1 } else { y };
        Some(interval(
            calendar::month_start(y, ma)?,
            calendar::month_end(yb, mb)?,
        ))
    };
    let ya = match (year, ctx.reference) {
        (Some(y), _) => Some(if mb < ma { y - 1 } else { y }),
        (None, Some(r)) => {
            cand.reading = DateReading::Relative;
            let (tense, cue) = clause_tense(ctx, whole.first, whole.last + 1);
            tense_reason(ctx, &mut cand, "month range", tense, cue.as_deref());
            pick_year(r, tense, span)
        }
        (None, None) => {
            cand.reading = DateReading::Relative;
            cand.reasons.push(NO_REF);
            None
        }
    };
    let (va, vb) = match ya {
        Some(y) => (
            month_value(y, ma, None),
            month_value(if mb < ma { y + 1 } else { y }, mb, None),
        ),
        None => (None, None),
    };
    set_range(
        &mut cand,
        range_end(&a_g, va, Granularity::Month),
        range_end(&b_g, vb, Granularity::Month),
    );
    Some(cand)
}

/// “7/2015”: a month and a year.
pub(super) fn month_slash_year(_: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let m: u32 = c.get("m")?.text.parse().ok()?;
    let y = year_of(&c.get("y")?)?;
    let mut cand = Cand::over(&whole, Granularity::Month, DateReading::Absolute);
    cand.value = month_value(y, m, None);
    cand.value?;
    Some(cand)
}

/// “in 2021”, “since 2014”, “by 2030”, “mid-2022”, “a 2015 report”,
/// “fiscal 1989”.
pub(super) fn year(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let y = year_in(ctx, &c.get("y")?)?;
    year_cand(ctx, c, y)
}

/// A year its rule's cue makes a year in any century from 1000 to 2099,
/// where a bare year must lie between 1900 and 2099: “in 1898.”, “since
/// 1865,”, “dating back to 1215”. The rules ask for the cue and keep out
/// counts (“in 1500 homes”).
pub(super) fn year_any_century(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let y: i32 = c.get("y")?.text.parse().ok()?;
    (1000..=2099).contains(&y).then_some(())?;
    year_cand(ctx, c, y)
}

/// The candidate of year `y` captured as `y` in `c`, with its cue,
/// “fiscal” or part (see [`year`]).
fn year_cand(ctx: &Ctx, c: &Caps, y: i32) -> Option<Cand> {
    let y_g = c.get("y")?;
    let part = c.get("part").and_then(|p| part_of(ctx, &p));
    let granularity = if part.is_some() {
        Granularity::Month
    } else {
        Granularity::Year
    };
    // the span: the bound, “fiscal” or the part, then the year
    let start = c
        .get("cue")
        .filter(|g| ctx.tok(g.first).is_some_and(|t| t.is(Class::DateBound)))
        .or_else(|| c.get("fiscal"))
        .or_else(|| c.get("part"))
        .unwrap_or(y_g);
    let mut cand = Cand::new(
        start.start,
        y_g.end,
        start.first..y_g.last + 1,
        granularity,
        DateReading::Absolute,
    );
    if let Some(cue) = c.get("cue") {
        // (a word too long for a `ShortPhrase` is no bound)
        let w = ctx.short_lower_phrase(cue.first..cue.first + 1);
        let w = w.as_ref().map_or("", ShortPhrase::as_str);
        if let Some(flags) = value_in(w, Class::DateBound).filter(|_| start.first == cue.first) {
            let deadline = if flags.split(' ').any(|f| f == "deadline") {
                " (deadline)"
            } else {
                ""
            };
            cand.reasons.push_all(&["bound '", w, "'", deadline]);
        }
    }
    cand.value = calendar::year_value(y, part);
    Some(cand)
}

/// “(by) the end of 2021”: December; “the beginning of 2022”: January;
/// “the middle of 2022”: June–July.
pub(super) fn part_of_year(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let y = year_of(&c.get("y")?)?;
    let (a, b) = match ctx.word(c.get("part")?.first).to_ascii_lowercase().as_str() {
        "end" => (12, 12),
        "beginning" | "start" => (1, 1),
        "middle" => (6, 7),
        _ => return None,
    };
    let mut cand = Cand::over(&whole, Granularity::Month, DateReading::Absolute);
    take_bound(ctx, &mut cand, whole.first);
    cand.value = calendar::months(y, a, b);
    Some(cand)
}

/// “between 1994 and 1997”, “from 1991 to 1997”, “the 2014-2016
/// drought”, “1990-91”.
pub(super) fn year_range(_: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let (a_g, b_g) = (c.get("y")?, c.get("y2")?);
    let a = year_of(&a_g)?;
    let b = if b_g.text.len() == 2 {
        let yy: i32 = b_g.text.parse().ok()?;
        let b = a - a.rem_euclid(100) + yy;
        if b > a {
            b
        } else {
            b + 100
        }
    } else {
        year_of(&b_g)?
    };
    if b <= a || b - a > 100 {
        return None;
    }
    let mut cand = Cand::over(&whole, Granularity::Year, DateReading::Absolute);
    set_range(
        &mut cand,
        range_end(&a_g, calendar::year_value(a, None), Granularity::Year),
        range_end(&b_g, calendar::year_value(b, None), Granularity::Year),
    );
    Some(cand)
}

/// “the 1990s”, “the early 1980s”.
pub(super) fn decade(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let y_g = c.get("y")?;
    let digits: String = y_g.text.chars().take_while(char::is_ascii_digit).collect();
    let y: i32 = match digits.len() {
        4 => digits.parse().ok()?,
        // “the ’90s”: the decade of that century nearest the reference
        2 => two_digit_year(digits.parse().ok()?, ctx.reference),
        _ => return None,
    };
    if y % 10 != 0 || !(1800..=2090).contains(&y) {
        return None;
    }
    let (a, b) = match c.get("part").and_then(|p| part_of(ctx, &p)) {
        None => (y, y + 9),
        Some(Part::Early) => (y, y + 3),
        Some(Part::Mid) => (y + 3, y + 6),
        Some(Part::Late) => (y + 6, y + 9),
    };
    let mut cand = Cand::over(&whole, Granularity::Decade, DateReading::Absolute);
    cand.value = calendar::years(a, b);
    Some(cand)
}

/// “the third quarter”, “third-quarter”, “the fourth quarter of 2023”,
/// “the first half of 2024”, “Q3 2024”.
pub(super) fn quarter(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let n: u32 = match (c.get("ord"), c.get("q")) {
        (Some(o), _) => value_in(ctx.word(o.first), Class::OrdinalWord)?
            .parse()
            .ok()?,
        (None, Some(q)) => q.text.get(1..)?.parse().ok()?,
        _ => return None,
    };
    let half = c
        .get("unit")
        .is_some_and(|u| ctx.word(u.first).eq_ignore_ascii_case("half"));
    let value = move |y: i32| {
        if half {
            calendar::half_value(y, n)
        } else {
            calendar::quarter_value(y, n)
        }
    };
    value(2000)?;
    let year = match c.get("y") {
        Some(y) => Some(year_of(&y)?),
        None => None,
    };
    let mut cand = Cand::over(&whole, Granularity::Quarter, DateReading::Absolute);
    if ends_on_next(
        ctx,
        &mut cand,
        whole.last,
        if half { 6 } else { 3 },
        Some(n),
    ) {
        return Some(cand);
    }
    if let Some(y) = year {
        cand.value = value(y);
        return Some(cand);
    }
    // “next year's first quarter”: the year the modifier names
    if let Some(m) = c.get("ymod") {
        cand.reading = DateReading::Relative;
        let Some(r) = ctx.reference else {
            cand.reasons.push(NO_REF);
            return Some(cand);
        };
        let y = r.year() + year_offset(ctx.word(m.first))?;
        cand.reasons.push_fmt(format_args!(
            "'{}': the year relative to {r}",
            m.text.to_lowercase()
        ));
        cand.value = value(y);
        return Some(cand);
    }
    // “the year-ago third quarter”: a financial quarter named with its
    // comparison
    let ago = c.get("ago").is_some();
    // without a year: a financial quarter needs a word of money or the
    // economy nearby (a game's third quarter is no date)
    if c.get("fiscal").is_none() && !ago && !economic_context(ctx) {
        return None;
    }
    cand.reading = DateReading::Relative;
    let modifier = c
        .get("mod")
        .map(|g| g.text.to_ascii_lowercase())
        .filter(|m| m != "the");
    let kind = if half { "half" } else { "quarter" };
    relative_period(
        ctx,
        &mut cand,
        kind,
        modifier.as_deref(),
        None,
        Placing::Nearest,
        value,
    );
    if ago {
        cand.value = cand.value.and_then(|v| calendar::shift_years(v, -1));
        cand.reasons.push("a year before");
    }
    Some(cand)
}

/// The years from the reference year that `last`, `this`, `next` name
/// (the only words the `ymod` captures allow: “last year's quarter”).
fn year_offset(word: &str) -> Option<i32> {
    ["last", "this", "next"]
        .iter()
        .position(|w| word.eq_ignore_ascii_case(w))
        .map(|i| i as i32 - 1)
}

/// True when the sentence, or the one before, holds a word of money or
/// the economy (class `economic_word`).
fn economic_context(ctx: &Ctx) -> bool {
    ctx.toks[ctx.previous_start..ctx.sentence.end]
        .iter()
        .any(|t| t.is(Class::EconomicWord) || matches!(t.text(ctx.text), "$" | "%" | "€" | "£"))
}

/// “that year”, “later that day”, “that same month”: the day, month or
/// year of the date before it (at most five sentences back); not
/// reported without one.
pub(super) fn that_unit(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let (unit, _) = unit_of(ctx, &c.get("unit")?)?;
    let mut cand = Cand::over(&whole, unit_granularity(unit), DateReading::Relative);
    cand.anchor = Some(Anchor {
        shift: Shift::Within(unit),
        scope: Scope::Near,
        fallback: None,
    });
    Some(cand)
}

/// A period with its end stated after it (“the quarter ended Jan. 31”,
/// “the fourth quarter, which ended Oct. 31”, “the half ending June
/// 30”): a fiscal period, whose months are those before that day, not a
/// calendar quarter. Makes `cand` a period of `months` months ending on
/// the date that follows ([`Scope::EndsOn`]) and says so; `last` is the
/// period's last piece, `named` the number it names (“fourth”).
fn ends_on_next(ctx: &Ctx, cand: &mut Cand, last: usize, months: u32, named: Option<u32>) -> bool {
    let mut k = last + 1;
    let is = |k: usize, words: &[&str]| {
        ctx.tok(k).is_some() && words.iter().any(|w| ctx.word(k).eq_ignore_ascii_case(w))
    };
    if is(k, &[","]) {
        k += 1;
    }
    if is(k, &["that", "which"]) {
        k += 1;
    }
    if !is(k, &["ended", "ending", "ends"]) {
        return false;
    }
    cand.value = None;
    cand.reading = DateReading::Relative;
    cand.anchor = Some(Anchor {
        shift: Shift::Years(0),
        scope: Scope::EndsOn { months, named },
        fallback: None,
    });
    true
}

/// “the quarter”, “the latest quarter”, “the year-earlier quarter”: the
/// quarter of the article's last quarter mention (a year before for
/// “year-earlier”). Without one, in a sentence about money, “the
/// (latest) quarter” is the last quarter over by the reference date
/// (the one a company reports on); else it is not reported. “the current
/// quarter” is the quarter holding the reference date.
pub(super) fn anchored_quarter(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let mut cand = Cand::over(&whole, Granularity::Quarter, DateReading::Relative);
    if ends_on_next(ctx, &mut cand, whole.last, 3, None) {
        return Some(cand);
    }
    let which = c.get("which").map(|g| ctx.lower_phrase(g.toks()));
    let quarter_of = |d: NaiveDate| calendar::quarter_value(d.year(), d.month().div_ceil(3));
    if which.as_deref() == Some("current") {
        let Some(r) = ctx.reference else {
            cand.reasons.push(NO_REF);
            return Some(cand);
        };
        cand.reasons.push_fmt(format_args!("the quarter of {r}"));
        cand.value = quarter_of(r);
        return Some(cand);
    }
    let years = if c.get("ago").is_some() { -1 } else { 0 };
    let is_quarter = c
        .get("unit")
        .is_some_and(|u| ctx.word(u.first).eq_ignore_ascii_case("quarter"));
    let fallback = match (ctx.reference, which.as_deref()) {
        (Some(r), None | Some("latest" | "most recent")) if is_quarter && economic_context(ctx) => {
            quarter_of(r)
                .and_then(|q| add_days(q.start(), -1))
                .and_then(quarter_of)
                .and_then(|q| calendar::shift_years(q, years))
                .map(|q| (q, Granularity::Quarter))
        }
        _ => None,
    };
    cand.anchor = Some(Anchor {
        shift: Shift::Years(years),
        scope: Scope::Quarter,
        fallback,
    });
    Some(cand)
}

/// “the 1988 quarter”, “the 1989 period”, “last year's quarter”: the
/// quarter of the article's last quarter mention, in the year named; the
/// year itself without one.
pub(super) fn year_quarter(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let y = match (c.get("y"), c.get("ymod")) {
        (Some(y), _) => year_of(&y)?,
        (None, Some(m)) => match ctx.reference {
            Some(r) => r.year() + year_offset(ctx.word(m.first))?,
            None => {
                let mut cand = Cand::over(&whole, Granularity::Quarter, DateReading::Relative);
                cand.reasons.push(NO_REF);
                return Some(cand);
            }
        },
        (None, None) => return None,
    };
    let mut cand = Cand::over(&whole, Granularity::Quarter, DateReading::Relative);
    cand.anchor = Some(Anchor {
        shift: Shift::ToYear(y),
        scope: Scope::Quarter,
        fallback: calendar::year_value(y, None).map(|v| (v, Granularity::Year)),
    });
    Some(cand)
}

/// “by year-end”, “since year-end”, “by year's end”: the last day of the
/// year, placed like a month (a bound or the clause's cue, else the
/// nearest with the past favoured).
pub(super) fn year_end(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let mut cand = Cand::over(&whole, Granularity::Day, DateReading::Relative);
    let bound = take_bound(ctx, &mut cand, whole.first);
    relative_period(
        ctx,
        &mut cand,
        "year-end",
        None,
        bound.as_ref(),
        Placing::Cue,
        |y| ymd(y, 12, 31).map(DateValue::Day),
    );
    Some(cand)
}

/// The day of a holiday in year `y`, from its lexicon value: `MM-DD`, or
/// `MM/N/weekday`, the N-th weekday of the month (N = -1: the last).
pub(super) fn holiday_day(spec: &str, y: i32) -> Option<NaiveDate> {
    if !spec.contains('/') {
        let (m, d) = spec.split_once('-')?;
        return ymd(y, m.parse().ok()?, d.parse().ok()?);
    }
    let mut parts = spec.split('/');
    let m: u32 = parts.next()?.parse().ok()?;
    let n: i32 = parts.next()?.parse().ok()?;
    let wd = weekday_of(parts.next()?)?;
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(y, m, wd, u8::try_from(n).ok()?)
    } else {
        // the last: back from the month's last day
        let mut d = calendar::month_end(y, m)?;
        while d.weekday() != wd {
            d = d.pred_opt()?;
        }
        Some(d)
    }
}

/// “Thanksgiving Day”, “last Christmas”, “by Christmas”: the holiday's
/// day (class `holiday`), placed like a month (a modifier, a bound or
/// the clause's cue, else the nearest with the past favoured).
pub(super) fn holiday(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let h = c.get("h")?;
    // a name is capitalised: “the thanksgiving service” is no date
    if !h.text.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let name = h.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let spec = value_in(&name.to_lowercase(), Class::Holiday)?;
    holiday_day(spec, 2000)?;
    let mut cand = Cand::over(&whole, Granularity::Day, DateReading::Relative);
    let modifier = c.get("mod").map(|g| g.text.to_ascii_lowercase());
    cued_period(
        ctx,
        &mut cand,
        whole.first,
        "holiday",
        modifier.as_deref(),
        |y| holiday_day(spec, y).map(DateValue::Day),
    );
    Some(cand)
}

/// “last summer”, “the winter of 2023”, “in the spring”.
pub(super) fn season(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let s_g = c.get("s")?;
    let code = value_in(ctx.word(s_g.first), Class::Season)?;
    let mut cand = Cand::over(&whole, Granularity::Season, DateReading::Absolute);
    if let Some(y) = c.get("y") {
        cand.value = calendar::season_value(year_in(ctx, &y)?, code);
        return Some(cand);
    }
    cand.reading = DateReading::Relative;
    let modifier = c
        .get("mod")
        .map(|g| g.text.to_ascii_lowercase())
        .filter(|m| !matches!(m.as_str(), "early" | "late"));
    cued_period(
        ctx,
        &mut cand,
        whole.first,
        "season",
        modifier.as_deref(),
        |y| calendar::season_value(y, code),
    );
    Some(cand)
}

// ---------------------------------------------------------------------------
// Days and periods relative to the article

/// True when the weekday at piece `i` is part of a title (“The Sunday
/// Times”): a capitalised word follows it, and a determiner or a
/// capitalised word comes before it.
fn in_title(ctx: &Ctx, i: usize) -> bool {
    let next_cap = ctx
        .tok(i + 1)
        .is_some_and(|t| t.kind == TokKind::Word && t.shape.has(Shape::CAPITALISED));
    let prev_name = ctx.before(i).is_some_and(|(k, t)| {
        ctx.is(k, "the")
            || (t.kind == TokKind::Word
                && t.shape.has(Shape::CAPITALISED)
                && !ctx.clause_initial(k)
                && !t.is(Class::DatePreposition)
                && !t.is(Class::DateBound))
    });
    next_cap && prev_name
}

/// The name of a part of the day (class `day_part`): morning, afternoon,
/// evening, night.
fn day_part_name(ctx: &Ctx, g: &Group) -> Option<String> {
    Some(
        match value_in(ctx.word(g.first), Class::DayPart)? {
            "MO" => "morning",
            "AF" => "afternoon",
            "EV" => "evening",
            _ => "night",
        }
        .to_string(),
    )
}

/// “Friday”, “this Tuesday night”, “last Monday”, “by Friday”,
/// “Wednesday's ruling”.
pub(super) fn weekday(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let wd_g = c.get("wd")?;
    let wd = weekday_of(wd_g.text)?;
    // (a modifier too long for a `ShortPhrase` is none of the words below)
    let modifier = c.get("mod").map(|g| ctx.short_lower_phrase(g.toks()));
    if modifier.is_none() && in_title(ctx, wd_g.first) {
        return None;
    }
    let mut cand = Cand::over(&whole, Granularity::Day, DateReading::Relative);
    // “Wednesday's”: the span leaves out the possessive ending
    if ctx
        .tok(wd_g.last)
        .is_some_and(|t| t.shape.has(Shape::POSSESSIVE))
        && cand.end == wd_g.end
    {
        cand.end = wd_g.start + crate::entities::strip_possessive(wd_g.text).len();
    }
    cand.time_of_day = c.get("tod").and_then(|g| day_part_name(ctx, &g));
    let bound = match modifier {
        None => take_bound(ctx, &mut cand, whole.first),
        Some(_) => None,
    };
    let Some(r) = ctx.reference else {
        cand.reasons.push(NO_REF);
        return Some(cand);
    };
    let (tense, strict, why) = match modifier
        .as_ref()
        .map(|m| m.as_ref().map(ShortPhrase::as_str))
    {
        Some(Some(m @ ("last" | "past" | "this past"))) => {
            (Tense::Past, true, Some(Cow::Borrowed(m)))
        }
        Some(Some("next")) => (Tense::Future, true, Some(Cow::Borrowed("next"))),
        Some(Some(m @ ("coming" | "upcoming"))) => (Tense::Future, false, Some(Cow::Borrowed(m))),
        _ => {
            let (t, cue) = tense_with_bound(ctx, bound.as_ref(), wd_g.first, whole.last + 1);
            (t, false, cue)
        }
    };
    cand.value =
        calendar::nearest_weekday(r, wd, tense == Tense::Future, strict).map(DateValue::Day);
    tense_reason(ctx, &mut cand, "weekday", tense, why.as_deref());
    Some(cand)
}

/// “yesterday”, “today”, “tomorrow night”, “the day before yesterday”,
/// “late yesterday”, “this morning”, “last night”.
pub(super) fn deictic(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let w_g = c.get("w")?;
    // (a phrase too long for a `ShortPhrase` is no deictic word)
    let phrase = ctx.short_lower_phrase(w_g.toks());
    let phrase = phrase.as_ref().map(ShortPhrase::as_str);
    // “USA Today”, “the Today programme”: a capital not explained by the
    // start of a sentence or clause makes it a name
    if ctx
        .tok(w_g.first)
        .is_some_and(|t| t.shape.has(Shape::CAPITALISED))
        && !ctx.clause_initial(w_g.first)
        && c.get("adv").is_none()
    {
        return None;
    }
    let (offset, part): (i64, Option<String>) = match c.get("tod0") {
        // “this morning”, “last night”
        Some(tod0) => {
            let part = day_part_name(ctx, &tod0)?;
            (if phrase == Some("last") { -1 } else { 0 }, Some(part))
        }
        None => {
            let v = value_in(phrase?, Class::DeicticDay)?;
            let mut it = v.split(' ');
            let offset = it.next()?.parse().ok()?;
            (offset, it.next().map(String::from))
        }
    };
    let mut cand = Cand::over(&whole, Granularity::Day, DateReading::Relative);
    match (part, c.get("tod")) {
        // “tonight night” cannot be: a second part of the day is left out
        (Some(p), Some(_)) => {
            cand.end = c.get("tod0").map_or(w_g.end, |g| g.end);
            cand.toks.end = c.get("tod0").map_or(w_g.last, |g| g.last) + 1;
            cand.time_of_day = Some(p);
        }
        (Some(p), None) => cand.time_of_day = Some(p),
        (None, Some(t)) => cand.time_of_day = day_part_name(ctx, &t),
        (None, None) => {}
    }
    match ctx.reference {
        Some(r) => cand.value = add_days(r, offset).map(DateValue::Day),
        None => cand.reasons.push(NO_REF),
    }
    Some(cand)
}

/// “last week”, “this month”, “next year”, “earlier this month”, “this
/// weekend”, “this past week”.
pub(super) fn period(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    // (a phrase too long for a `ShortPhrase` is none of the words below:
    // empty, as it compares with them)
    let modifier = ctx.short_lower_phrase(c.get("mod")?.toks());
    let modifier = match modifier.as_ref().map_or("", ShortPhrase::as_str) {
        "this past" => "last",
        "current" => "this",
        m => m,
    };
    let unit_g = c.get("unit")?;
    // “This Week” with a capital unit is a title (a TV show), not a week:
    // prose writes “This week, …”
    if unit_g.text.starts_with(|c: char| c.is_ascii_uppercase())
        && !unit_g.text.bytes().all(|b| !b.is_ascii_lowercase())
    {
        return None;
    }
    let unit = ctx.short_lower_phrase(unit_g.first..unit_g.first + 1);
    let unit = unit.as_ref().map_or("", ShortPhrase::as_str);
    let adv = c.get("adv").filter(|_| modifier == "this").map(|g| g.text);
    let granularity = match (unit, adv.is_some()) {
        ("week" | "weekend", _) => Granularity::Week,
        ("month", true) => Granularity::PartOfMonth,
        ("month", false) => Granularity::Month,
        (_, true) => Granularity::Month,
        _ => Granularity::Year,
    };
    let mut cand = Cand::over(&whole, granularity, DateReading::Relative);
    let Some(r) = ctx.reference else {
        cand.reasons.push(NO_REF);
        return Some(cand);
    };
    let k = match modifier {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let (a, b) = match unit {
        "week" => {
            let mon = add_days(calendar::week_monday(r)?, 7 * k)?;
            (mon, add_days(mon, 6)?)
        }
        "weekend" => {
            let sat = add_days(calendar::week_monday(r)?, 5 + 7 * k)?;
            (sat, add_days(sat, 1)?)
        }
        "month" => {
            let first = add_months(calendar::month_start(r.year(), r.month())?, k)?;
            (first, calendar::month_end(first.year(), first.month())?)
        }
        "year" => {
            let y = r.year() + i32::try_from(k).ok()?;
            (ymd(y, 1, 1)?, ymd(y, 12, 31)?)
        }
        _ => return None,
    };
    let (a, b) = match adv {
        Some(w) if w.eq_ignore_ascii_case("earlier") => (a, add_days(r, -1)?.max(a)),
        Some(w) if w.eq_ignore_ascii_case("later") => (add_days(r, 1)?.min(b), b),
        _ => (a, b),
    };
    cand.value = Some(interval(a, b));
    Some(cand)
}

/// “the weekend”, “over the weekend”: the nearest weekend in the past
/// (the current one on a Saturday or Sunday), or in the future with a
/// future cue.
pub(super) fn weekend(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let mut cand = Cand::over(&whole, Granularity::Week, DateReading::Relative);
    let Some(r) = ctx.reference else {
        cand.reasons.push(NO_REF);
        return Some(cand);
    };
    let (tense, cue) = clause_tense(ctx, whole.first, whole.last + 1);
    let this_sat = add_days(calendar::week_monday(r)?, 5)?;
    let sat = match tense {
        Tense::Past if r >= this_sat => this_sat,
        Tense::Past => add_days(this_sat, -7)?,
        Tense::Future => this_sat,
    };
    tense_reason(ctx, &mut cand, "weekend", tense, cue.as_deref());
    cand.value = Some(interval(sat, add_days(sat, 1)?));
    Some(cand)
}

/// “(by) the end of the month”, “the beginning of next week”.
pub(super) fn part_of_period(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let part = part_of(ctx, &c.get("part")?)?;
    let modifier = c.get("mod")?.text.to_ascii_lowercase();
    let unit = c.get("unit")?.text.to_ascii_lowercase();
    let granularity = match unit.as_str() {
        "week" => Granularity::Week,
        "month" => Granularity::PartOfMonth,
        _ => Granularity::Month,
    };
    let mut cand = Cand::over(&whole, granularity, DateReading::Relative);
    take_bound(ctx, &mut cand, whole.first);
    let Some(r) = ctx.reference else {
        cand.reasons.push(NO_REF);
        return Some(cand);
    };
    let k: i64 = match modifier.as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    cand.value = Some(match unit.as_str() {
        "week" => {
            let mon = add_days(calendar::week_monday(r)?, 7 * k)?;
            let (a, b) = match part {
                Part::Early => (0, 1),
                Part::Mid => (2, 3),
                Part::Late => (4, 6),
            };
            interval(add_days(mon, a)?, add_days(mon, b)?)
        }
        "month" => {
            let first = add_months(calendar::month_start(r.year(), r.month())?, k)?;
            month_value(first.year(), first.month(), Some(part))?
        }
        _ => {
            let y = r.year() + i32::try_from(k).ok()?;
            let (a, b) = match part {
                Part::Early => (1, 1),
                Part::Mid => (6, 7),
                Part::Late => (12, 12),
            };
            calendar::months(y, a, b)?
        }
    });
    Some(cand)
}

/// How many days a vague span of `unit`s covers, and its granularity.
fn vague_days(unit: &str) -> Option<(i64, Granularity)> {
    Some(match unit {
        "day" => (7, Granularity::Week),
        "week" => (28, Granularity::Month),
        "month" => (91, Granularity::Month),
        "year" => (3 * 365, Granularity::Year),
        _ => return None,
    })
}

/// “three days ago”, “a year ago”, “a few weeks ago”.
pub(super) fn ago(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let count = count_of(ctx, &c.get("n")?)?;
    let (unit, plural) = unit_of(ctx, &c.get("unit")?)?;
    let mismatch = count != Count::Vague && (count == Count::N(1)) == plural;
    if count == Count::N(0) || mismatch {
        return None;
    }
    let mut cand = Cand::over(&whole, unit_granularity(unit), DateReading::Relative);
    let Some(r) = ctx.reference else {
        cand.reasons.push(NO_REF);
        return Some(cand);
    };
    match count {
        Count::N(n) => {
            cand.value = shift_by(r, -i64::from(n), unit).map(DateValue::Day);
            // “a year ago” in a sentence about a quarter: that quarter a
            // year before (financial news compares quarters)
            if (n, unit) == (1, "year") {
                cand.anchor = Some(Anchor {
                    shift: Shift::Years(-1),
                    scope: Scope::Quarter,
                    fallback: cand.value.map(|v| (v, cand.granularity)),
                });
            }
        }
        Count::Vague => {
            let (days, g) = vague_days(unit)?;
            cand.granularity = g;
            cand.value = Some(interval(add_days(r, -days)?, add_days(r, -1)?));
        }
    }
    Some(cand)
}

/// “a year earlier”, “two days later”, “year-earlier”, “the next day”,
/// “the previous year”: the nearest date before it, moved.
pub(super) fn anchored(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let (n, unit) = match (c.get("n"), c.get("unit")) {
        (Some(n), Some(u)) => match (count_of(ctx, &n)?, unit_of(ctx, &u)?) {
            (Count::N(k), (unit, plural)) if (k == 1) != plural => (i64::from(k), unit),
            _ => return None,
        },
        // “the next day”, “year-earlier”
        (None, Some(u)) => (1, unit_of(ctx, &u)?.0),
        _ => return None,
    };
    let dir = c.get("dir").map(|g| g.text.to_ascii_lowercase());
    let sign = match dir.as_deref() {
        Some("later" | "next" | "following" | "after") => 1,
        _ => -1,
    };
    let shift = match unit {
        "year" => Shift::Years(sign * n),
        "quarter" => Shift::Months(sign * 3 * n),
        "month" => Shift::Months(sign * n),
        "week" => Shift::Days(sign * 7 * n),
        "day" => Shift::Days(sign * n),
        _ => return None,
    };
    let mut cand = Cand::over(&whole, unit_granularity(unit), DateReading::Relative);
    let fallback = ctx
        .reference
        .and_then(|r| unit_around(shift_by(r, sign * n, unit)?, unit))
        .map(|v| (v, unit_granularity(unit)));
    // “the next day” counts from a date before it, never from the
    // article's date
    let fallback = fallback.filter(|_| c.get("n").is_some() || unit == "year");
    let scope = if unit == "year" {
        Scope::QuarterOrSentence
    } else {
        Scope::Near
    };
    cand.anchor = Some(Anchor {
        shift,
        scope,
        fallback,
    });
    Some(cand)
}

// ---------------------------------------------------------------------------
// Durations, sets, references

/// “three years”, “a two-week visit”, “the past two months”, “the first
/// nine months”, “within a week”: a duration.
pub(super) fn duration(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let (unit, plural) = unit_of(ctx, &c.get("unit")?)?;
    let count = match c.get("n") {
        Some(n) => count_of(ctx, &n)?,
        // “the past month”, “the coming weeks”
        None if plural => Count::Vague,
        None => Count::N(1),
    };
    // “a days” is junk; “a two-year term”, “a five year plan” are
    // singular with any count
    match count {
        Count::N(0) => return None,
        Count::N(1) if plural => return None,
        Count::Vague if !plural => return None,
        _ => {}
    }
    let mut cand = Cand::over(&whole, unit_granularity(unit), DateReading::Relative);
    cand.kind = TimexKind::Duration;
    cand.duration = Some(iso_duration(count, unit)?);
    Some(cand)
}

/// “now”, “currently”, “recently”, “soon”, “the near future”: a vague
/// reference without a value.
pub(super) fn reference(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let g = c.get("ref")?;
    let phrase = ctx.short_lower_phrase(g.toks())?;
    let phrase = phrase.as_str();
    let which = match value_in(phrase, Class::TimeReference)? {
        "present" => TimeRef::Present,
        "past" => TimeRef::Past,
        "future" => TimeRef::Future,
        _ => return None,
    };
    // “Now” inside a sentence is a name (“Now Magazine”)
    if ctx
        .tok(g.first)
        .is_some_and(|t| t.shape.has(Shape::CAPITALISED))
        && !ctx.clause_initial(g.first)
    {
        return None;
    }
    let mut cand = Cand::over(&whole, Granularity::Unknown, DateReading::Relative);
    cand.reference = Some(which);
    let what = match which {
        TimeRef::Present => "present reference",
        TimeRef::Past => "vague past",
        TimeRef::Future => "vague future",
    };
    cand.reasons
        .push_all(&[what, " ('", phrase, "'): not resolved to a date"]);
    Some(cand)
}

/// “every Monday”, “each year”, “every two weeks”, “daily”, “twice a
/// year”: a set, with its period.
pub(super) fn set(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let period = if let Some(s) = c.get("word") {
        value_in(ctx.word(s.first), Class::SetWord)?.to_string()
    } else {
        let n = match c.get("n") {
            Some(g) if ctx.is(g.first, "other") => Count::N(2),
            Some(g) => count_of(ctx, &g)?,
            None => Count::N(1),
        };
        let u = c.get("unit")?;
        let t = ctx.tok(u.first)?;
        let unit = if t.is(Class::Weekday) || ctx.is(u.first, "weekend") {
            "week"
        } else if t.is(Class::Month) || t.is(Class::Season) {
            "year"
        } else if t.is(Class::DayPart) || ctx.is(u.first, "night") {
            "day"
        } else {
            let (unit, plural) = unit_of(ctx, &u)?;
            // “every two weeks”, “every week”, “every other week”
            let other = c.get("n").is_some_and(|g| ctx.is(g.first, "other"));
            if !other && plural != matches!(n, Count::N(k) if k > 1) {
                return None;
            }
            unit
        };
        iso_duration(n, unit)?
    };
    let mut cand = Cand::over(&whole, Granularity::Unknown, DateReading::Relative);
    cand.kind = TimexKind::Set;
    cand.duration = Some(period);
    Some(cand)
}

// ---------------------------------------------------------------------------
// Clock times

/// “17:30 GMT”, “10 p.m.”, “9pm”, “noon”, “4 in the morning”: a clock
/// time, which joins a day next to it (see `attach_clock_times`).
pub(super) fn clock(ctx: &Ctx, c: &Caps) -> Option<Cand> {
    let whole = c.whole()?;
    let meridiem = c
        .get("mer")
        .and_then(|g| value_in(ctx.word(g.first), Class::Meridiem));
    let (mut h, mi): (u32, u32) = if let Some(g) = c.get("cw") {
        let v = value_in(ctx.word(g.first), Class::ClockWord)?;
        let (h, m) = v.split_once(':')?;
        (h.parse().ok()?, m.parse().ok()?)
    } else if let Some(g) = c.get("hm") {
        // “9pm”, “10:30pm”
        let t = g.text.to_ascii_lowercase();
        let (num, mer) = t.split_at(t.len() - 2);
        let (h, m) = num.split_once(':').unwrap_or((num, "0"));
        let h: u32 = h.parse().ok()?;
        (
            if mer == "pm" && h < 12 {
                h + 12
            } else if mer == "am" && h == 12 {
                0
            } else {
                h
            },
            m.parse().ok()?,
        )
    } else {
        let h: u32 = c.get("h")?.text.parse().ok()?;
        let m: u32 = match c.get("mi") {
            Some(g) => g.text.parse().ok()?,
            None => 0,
        };
        (h, m)
    };
    match meridiem {
        Some(mer) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            h = match (mer, h) {
                ("am", 12) => 0,
                ("pm", 12) => 12,
                ("pm", h) => h + 12,
                (_, h) => h,
            };
        }
        None if c.get("tod").is_some() => {
            // “4 in the morning”, “8 in the evening”
            let part = value_in(ctx.word(c.get("tod")?.first), Class::DayPart)?;
            if !(1..=12).contains(&h) {
                return None;
            }
            if matches!(part, "AF" | "EV" | "NI") && h < 12 && !(part == "NI" && h < 5) {
                h += 12;
            }
        }
        None => {}
    }
    let time = NaiveTime::from_hms_opt(h, mi, 0)?;
    let mut cand = Cand::over(&whole, Granularity::Day, DateReading::Relative);
    cand.kind = TimexKind::Time;
    cand.time = Some(time);
    cand.bare_clock = true;
    if let Some(tz) = c.get("tz") {
        cand.reasons.push_fmt(format_args!("time zone {}", tz.text));
    }
    take_bound(ctx, &mut cand, whole.first);
    Some(cand)
}
