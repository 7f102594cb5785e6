//! Typed facts and how two of them compare.
//!
//! A claim's dates, figures and places are read into [`DateFact`],
//! [`QuantityFact`] and place names. Two facts of one kind compare as
//! [`Cmp::Same`] (consistent), [`Cmp::Differ`] (different, but both could
//! be true: "at least six" / "at least eight"), [`Cmp::Contradict`] (they
//! cannot both be true) or [`Cmp::Incomparable`] (nothing in common to
//! compare: "Monday" / "May 12" without a year).

use crate::data;
use crate::model::{DateFact, QuantityFact};
use crate::text::{fold, stem, stemmer};
use chrono::{Datelike, NaiveDate};
use crosscheck_parse::{
    DateMention, DateReading, DateValue, Granularity, Interval, Qualifier, Quantity, QuantityKind,
};

/// How two facts compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Cmp {
    /// Nothing in common to compare.
    Incomparable,
    /// Consistent.
    Same,
    /// Different values that could both be true (overlapping intervals).
    Differ,
    /// Values that cannot both be true.
    Contradict,
}

/// Reads a date mention: its resolved value, and the calendar fields its
/// words give when it was not resolved ("May 12": month and day; "on
/// Tuesday": the weekday).
pub(crate) fn date_fact(d: &DateMention) -> DateFact {
    let mut f = DateFact {
        start: None,
        end: None,
        granularity: d.granularity,
        year: None,
        month: None,
        day: None,
        weekday: None,
        ends: None,
    };
    // An absolute expression without a year ("May 12") was given its year
    // by the resolver: a guess, not what the article says. Such a date
    // compares on its month and day only.
    let year_written = d.reading == DateReading::Relative
        || d.text
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4);
    // a range's ends, when its years are written (“from 1984 to 1991”)
    if let (true, Some([a, b])) = (year_written, &d.range) {
        if let (Some(x), Some(y)) = (a.value, b.value) {
            f.ends = Some([(x.start(), x.end()), (y.start(), y.end())]);
        }
    }
    if let Some(v) = d.value {
        let (s, e) = (v.start(), v.end());
        f.start = Some(s);
        f.end = Some(e);
        if s.year() == e.year() && year_written {
            f.year = Some(s.year());
        }
        if s.year() == e.year() && s.month() == e.month() {
            f.month = Some(s.month());
        }
        if s == e {
            f.day = Some(s.day());
            // the weekday of a guessed year is a guess too
            let named = fold(&d.text)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| data::weekday(w).is_some());
            if year_written || named {
                f.weekday = Some(s.weekday().number_from_monday());
            }
        }
        if matches!(v, DateValue::Day(_)) && d.granularity == Granularity::Unknown {
            f.granularity = Granularity::Day;
        }
        return f;
    }
    // Unresolved: read the words. Only an absolute expression's numbers
    // are calendar fields ("May 12", "12 May 2016"); a relative one gives
    // at most a weekday ("last Tuesday").
    let words: Vec<String> = fold(&d.text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    for w in &words {
        if let Some(wd) = data::weekday(w) {
            f.weekday = Some(wd);
            continue;
        }
        if d.reading != DateReading::Absolute {
            continue;
        }
        if let Some(m) = data::month(w) {
            // the extractor already took the expression for a date, so
            // "May" here is the month, not the verb
            f.month = Some(m);
            continue;
        }
        let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() || digits.len() != w.len() && !is_ordinal(w) {
            continue;
        }
        if let Ok(n) = digits.parse::<u32>() {
            if digits.len() == 4 && (1000..=2999).contains(&n) {
                f.year = Some(n as i32);
            } else if (1..=31).contains(&n) {
                f.day = Some(n);
            }
        }
    }
    if f.month.is_none() {
        // a day number alone ("on the 12th") is not comparable
        f.day = None;
    }
    f
}

fn is_ordinal(w: &str) -> bool {
    ["st", "nd", "rd", "th"].iter().any(|s| {
        w.strip_suffix(s)
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    })
}

/// True when the fact gives anything to compare.
pub(crate) fn date_is_comparable(f: &DateFact) -> bool {
    f.start.is_some()
        || f.weekday.is_some()
        || f.month.is_some()
        || f.year.is_some()
        || f.day.is_some()
}

/// How specific a date is: more fields, finer granularity first.
pub(crate) fn date_specificity(f: &DateFact) -> usize {
    [
        f.year.is_some(),
        f.month.is_some(),
        f.day.is_some(),
        f.weekday.is_some(),
        f.start.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count()
}

/// Compares two dates at the granularity both give. Resolved values whose
/// year is known (written, or resolved from a relative expression) compare
/// as intervals (with `tolerance` days of slack): overlapping is the same
/// ("mid-February" and "15 February"), disjoint a contradiction.
/// Otherwise the calendar fields both sides give are compared: all equal is
/// the same, any different a contradiction, none shared incomparable.
pub(crate) fn compare_dates(a: &DateFact, b: &DateFact, tolerance: i64) -> Cmp {
    let unknown = a.granularity == Granularity::Unknown || b.granularity == Granularity::Unknown;
    if unknown && (a.start.is_none() || b.start.is_none()) {
        return Cmp::Incomparable;
    }
    let years = a.year.is_some() && b.year.is_some();
    let t = chrono::Duration::days(tolerance);
    let overlap = |(sa, ea): (NaiveDate, NaiveDate), (sb, eb): (NaiveDate, NaiveDate)| {
        sa - t <= eb && sb - t <= ea
    };
    // two ranges with their years written: the same when each end is
    if let (Some([a0, a1]), Some([b0, b1])) = (a.ends, b.ends) {
        return if overlap(a0, b0) && overlap(a1, b1) {
            Cmp::Same
        } else {
            Cmp::Contradict
        };
    }
    if let (true, Some(sa), Some(ea), Some(sb), Some(eb)) = (years, a.start, a.end, b.start, b.end)
    {
        return if overlap((sa, ea), (sb, eb)) {
            Cmp::Same
        } else {
            Cmp::Contradict
        };
    }
    let pairs = [
        (a.year.map(|y| y as i64), b.year.map(|y| y as i64)),
        (a.month.map(i64::from), b.month.map(i64::from)),
        (a.day.map(i64::from), b.day.map(i64::from)),
        (a.weekday.map(i64::from), b.weekday.map(i64::from)),
    ];
    let mut shared = 0;
    for (i, (x, y)) in pairs.iter().enumerate() {
        if let (Some(x), Some(y)) = (x, y) {
            // a day of the month means little without its month
            if i == 2 && (a.month.is_none() || b.month.is_none()) {
                continue;
            }
            shared += 1;
            let close = if i == 2 || i == 3 {
                (x - y).abs() <= tolerance
            } else {
                x == y
            };
            if !close {
                return Cmp::Contradict;
            }
        }
    }
    if shared == 0 {
        Cmp::Incomparable
    } else {
        Cmp::Same
    }
}

/// Readable form of a date: the ISO day or interval when resolved, else
/// the expression's fields ("May 12", "Tuesday").
pub(crate) fn fmt_date(f: &DateFact, text: &str) -> String {
    match (f.start, f.end) {
        (Some(s), Some(e)) if s == e => s.to_string(),
        (Some(s), Some(e)) => format!("{s}/{e}"),
        _ => text.trim().to_string(),
    }
}

/// Extraction confidence of a date mention, in [0, 1]: an absolute day is
/// surest; a weekday or a month next; expressions of unknown granularity
/// ("recently") least.
pub(crate) fn date_confidence(d: &DateMention, f: &DateFact) -> f64 {
    match (d.reading, d.granularity) {
        (_, Granularity::Unknown) => 0.4,
        (DateReading::Absolute, Granularity::Day) => 0.95,
        (DateReading::Absolute, _) => 0.85,
        (DateReading::Relative, Granularity::Day) if f.weekday.is_some() => 0.85,
        (DateReading::Relative, Granularity::Day) => 0.7,
        (DateReading::Relative, _) => 0.6,
        // a reading this version does not know: as unsure as no granularity
        _ => 0.4,
    }
}

/// A quantity as compared, with its unit stemmed for compatibility.
#[derive(Clone, Debug)]
pub(crate) struct QuantityRead {
    pub fact: QuantityFact,
    /// The unit's stem, when given.
    pub unit_stem: Option<String>,
}

/// Reads a quantity.
pub(crate) fn quantity_fact(q: &Quantity) -> QuantityRead {
    let st = stemmer();
    QuantityRead {
        fact: QuantityFact {
            value: q.value,
            qualifier: q.qualifier,
            interval: q.interval,
            unit: q.unit.clone(),
            kind: q.kind.clone(),
            against: q.against,
        },
        unit_stem: q.unit.as_ref().map(|u| {
            let f = fold(u);
            let last = f.split_whitespace().last().unwrap_or("").to_string();
            stem(&st, &last)
        }),
    }
}

/// True when two quantities count the same sort of thing: same kind (and
/// currency), and units that are equal, of one family in `units.tsv`, or
/// both absent.
pub(crate) fn units_compatible(a: &QuantityRead, b: &QuantityRead) -> bool {
    if std::mem::discriminant(&a.fact.kind) != std::mem::discriminant(&b.fact.kind) {
        return false;
    }
    if let (QuantityKind::Currency(x), QuantityKind::Currency(y)) = (&a.fact.kind, &b.fact.kind) {
        return x == y;
    }
    if matches!(
        a.fact.kind,
        QuantityKind::Percent | QuantityKind::Fraction | QuantityKind::Tally
    ) {
        return true;
    }
    match (&a.unit_stem, &b.unit_stem) {
        (Some(x), Some(y)) => {
            x == y || data::unit_family(x).is_some_and(|f| data::unit_family(y) == Some(f))
        }
        (None, None) => true,
        _ => false,
    }
}

fn same_number(x: f64, y: f64) -> bool {
    (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
}

/// Compares two figures of compatible units. The same number is the same
/// figure whatever the qualifiers ("about 100,000" / "more than
/// 100,000"); different numbers are a contradiction when their intervals
/// are disjoint, else a difference ("at least six" / "at least eight").
/// A tally is exact on both sides, whichever side is written first ("lost
/// 1-2" / "lost 2-1" is one result): "9-3" / "8-4" contradict.
pub(crate) fn compare_quantities(a: &QuantityFact, b: &QuantityFact) -> Cmp {
    if a.against.is_some() || b.against.is_some() {
        let sides = |q: &QuantityFact| q.against.map(|x| (q.value.min(x), q.value.max(x)));
        let same = match (sides(a), sides(b)) {
            (Some((a0, a1)), Some((b0, b1))) => same_number(a0, b0) && same_number(a1, b1),
            _ => false,
        };
        return if same { Cmp::Same } else { Cmp::Contradict };
    }
    let bounds = |q: &QuantityFact| match q.qualifier {
        Qualifier::Between => (q.interval.low, q.interval.high),
        _ => (Some(q.value), Some(q.value)),
    };
    let (ba, bb) = (bounds(a), bounds(b));
    let equal = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => same_number(x, y),
        (None, None) => true,
        _ => false,
    };
    if equal(ba.0, bb.0) && equal(ba.1, bb.1) {
        return Cmp::Same;
    }
    if overlaps(&a.interval, &b.interval) {
        Cmp::Differ
    } else {
        Cmp::Contradict
    }
}

fn overlaps(a: &Interval, b: &Interval) -> bool {
    a.overlaps(b)
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        let n = x as i64;
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if n < 0 {
            format!("-{out}")
        } else {
            out
        }
    } else {
        format!("{x}")
    }
}

/// Readable form of a figure: qualifier, number, unit ("at least 5
/// agencies", "between 40 and 60 percent").
pub(crate) fn fmt_quantity(q: &QuantityFact) -> String {
    let n = fmt_num(q.value);
    let core = match q.qualifier {
        Qualifier::Exact => n,
        Qualifier::MoreThan => format!("more than {n}"),
        Qualifier::AtLeast => format!("at least {n}"),
        Qualifier::LessThan => format!("less than {n}"),
        Qualifier::AtMost => format!("at most {n}"),
        Qualifier::About => format!("about {n}"),
        Qualifier::Nearly => format!("nearly {n}"),
        Qualifier::Between => match (q.interval.low, q.interval.high) {
            (Some(l), Some(h)) => format!("between {} and {}", fmt_num(l), fmt_num(h)),
            _ => n,
        },
        // a qualifier this version does not know: the bare figure
        _ => n,
    };
    match (&q.kind, &q.unit) {
        (QuantityKind::Tally, _) => match q.against {
            Some(b) => format!("{}-{}", fmt_num(q.value), fmt_num(b)),
            None => core,
        },
        (QuantityKind::Percent, _) => format!("{core}%"),
        (QuantityKind::Currency(c), _) => format!("{core} {c}"),
        (_, Some(u)) => format!("{core} {u}"),
        _ => core,
    }
}

/// Extraction confidence of a quantity, in [0, 1]: written in digits is
/// surest; vague qualifiers less so.
pub(crate) fn quantity_confidence(q: &Quantity) -> f64 {
    let digits = q.text.chars().any(|c| c.is_ascii_digit());
    let base: f64 = if digits { 0.95 } else { 0.85 };
    match q.qualifier {
        Qualifier::About | Qualifier::Nearly => base - 0.1,
        _ => base,
    }
}

/// Compares two places: the same, or one inside the other by
/// `places.tsv`, is the same; else a contradiction.
pub(crate) fn compare_places(a: &str, b: &str) -> Cmp {
    if fold(a) == fold(b) || data::place_contains(a, b) || data::place_contains(b, a) {
        Cmp::Same
    } else {
        Cmp::Contradict
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_parse::{Span, TimexKind};

    fn unresolved(text: &str, reading: DateReading) -> DateFact {
        let mut m = DateMention::new(
            text,
            Span::new(0, text.len()),
            TimexKind::Date,
            None,
            Granularity::Day,
        );
        m.reading = reading;
        m.reason = Some("no reference date".into());
        date_fact(&m)
    }

    #[test]
    fn unresolved_dates_compare_on_their_fields() {
        let may12 = unresolved("May 12", DateReading::Absolute);
        let may13 = unresolved("on May 13", DateReading::Absolute);
        let monday = unresolved("Monday", DateReading::Relative);
        let tuesday = unresolved("last Tuesday", DateReading::Relative);
        assert_eq!((may12.month, may12.day), (Some(5), Some(12)));
        assert_eq!(compare_dates(&may12, &may13, 0), Cmp::Contradict);
        assert_eq!(compare_dates(&may12, &may12, 0), Cmp::Same);
        assert_eq!(compare_dates(&monday, &tuesday, 0), Cmp::Contradict);
        assert_eq!(compare_dates(&monday, &may12, 0), Cmp::Incomparable);
        let may = unresolved("in May", DateReading::Absolute);
        assert_eq!(compare_dates(&may, &may12, 0), Cmp::Same);
        let twelfth = unresolved("12 May 2016", DateReading::Absolute);
        assert_eq!(
            (twelfth.year, twelfth.month, twelfth.day),
            (Some(2016), Some(5), Some(12))
        );
        assert_eq!(compare_dates(&twelfth, &may12, 0), Cmp::Same);
    }

    #[test]
    fn resolved_and_unresolved_meet_on_shared_fields() {
        let d = chrono::NaiveDate::from_ymd_opt(2022, 1, 21).unwrap(); // a Friday
        let mut m = DateMention::new(
            "Friday",
            Span::new(0, 6),
            TimexKind::Date,
            Some(DateValue::Day(d)),
            Granularity::Day,
        );
        m.reading = DateReading::Relative;
        let friday = date_fact(&m);
        assert_eq!(friday.weekday, Some(5));
        let other = unresolved("Friday", DateReading::Relative);
        assert_eq!(compare_dates(&friday, &other, 0), Cmp::Same);
        let thursday = unresolved("Thursday", DateReading::Relative);
        assert_eq!(compare_dates(&friday, &thursday, 0), Cmp::Contradict);
    }

    /// "Sept. 11, 2001" and "Sept. 11" (given this year by the resolver)
    /// are the same day of the year: the guessed year is not compared.
    #[test]
    fn a_guessed_year_is_not_compared() {
        let day = |y, text: &str| {
            date_fact(&DateMention::new(
                text,
                Span::new(0, text.len()),
                TimexKind::Date,
                Some(DateValue::Day(
                    chrono::NaiveDate::from_ymd_opt(y, 9, 11).unwrap(),
                )),
                Granularity::Day,
            ))
        };
        let old = day(2001, "Sept. 11, 2001");
        let guessed = day(2016, "Sept. 11");
        assert_eq!(old.year, Some(2001));
        assert_eq!(guessed.year, None);
        assert_eq!(compare_dates(&old, &guessed, 0), Cmp::Same);
        assert_eq!(
            compare_dates(&old, &day(2016, "Sept. 11, 2016"), 0),
            Cmp::Contradict
        );
    }

    fn q(value: f64, qualifier: Qualifier, interval: Interval) -> QuantityFact {
        QuantityFact {
            value,
            qualifier,
            interval,
            unit: None,
            kind: QuantityKind::Count,
            against: None,
        }
    }

    fn tally(a: f64, b: f64) -> QuantityFact {
        QuantityFact {
            kind: QuantityKind::Tally,
            against: Some(b),
            ..q(a, Qualifier::Exact, Interval::point(a))
        }
    }

    #[test]
    fn tallies_compare_both_sides_in_any_order() {
        assert_eq!(
            compare_quantities(&tally(9.0, 3.0), &tally(9.0, 3.0)),
            Cmp::Same
        );
        assert_eq!(
            compare_quantities(&tally(1.0, 2.0), &tally(2.0, 1.0)),
            Cmp::Same
        );
        assert_eq!(
            compare_quantities(&tally(9.0, 3.0), &tally(8.0, 4.0)),
            Cmp::Contradict
        );
        assert_eq!(
            compare_quantities(&tally(9.0, 3.0), &tally(9.0, 2.0)),
            Cmp::Contradict
        );
    }

    fn at_least(v: f64) -> QuantityFact {
        q(
            v,
            Qualifier::AtLeast,
            Interval::new(Some(v), None, true, false),
        )
    }

    #[test]
    fn figures() {
        assert_eq!(
            compare_quantities(&at_least(5.0), &at_least(9.0)),
            Cmp::Differ
        );
        assert_eq!(
            compare_quantities(&at_least(5.0), &at_least(5.0)),
            Cmp::Same
        );
        let exact = |v: f64| q(v, Qualifier::Exact, Interval::point(v));
        assert_eq!(
            compare_quantities(&exact(100_000.0), &exact(130_000.0)),
            Cmp::Contradict
        );
        assert_eq!(
            compare_quantities(&exact(100_000.0), &at_least(100_000.0)),
            Cmp::Same
        );
        assert_eq!(fmt_quantity(&at_least(100_000.0)), "at least 100,000");
    }

    #[test]
    fn places() {
        assert_eq!(compare_places("Geneva", "Vienna"), Cmp::Contradict);
        assert_eq!(compare_places("Geneva", "Switzerland"), Cmp::Same);
        assert_eq!(compare_places("Geneva", "geneva"), Cmp::Same);
    }
}
