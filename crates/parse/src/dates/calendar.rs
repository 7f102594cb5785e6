//! Calendar arithmetic for the date handlers: checked (never panics),
//! on [`NaiveDate`]s and inclusive intervals of days ([`DateValue`]).

use crate::model::DateValue;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub(super) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let k = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(k))
    } else {
        d.checked_sub_months(Months::new(k))
    }
}

pub(super) fn month_start(y: i32, m: u32) -> Option<NaiveDate> {
    ymd(y, m, 1)
}

/// The last day of month `m` of year `y`: the day before the first of
/// the next month (`None` when either is no date). Its day is read off
/// the month's length (one date made, not three).
pub(super) fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    if m == 12 {
        // the first of the next year must be a date too
        ymd(y.checked_add(1)?, 1, 1)?;
    }
    ymd(y, m, days_in_month(y, m)?)
}

/// How many days month `m` (1–12) of year `y` has, in the proleptic
/// Gregorian calendar (chrono's): `None` for no month.
fn days_in_month(y: i32, m: u32) -> Option<u32> {
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    Some(match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        _ => return None,
    })
}

/// `start..=end` as a value: a single day when they are equal.
pub(super) fn interval(start: NaiveDate, end: NaiveDate) -> DateValue {
    if start == end {
        DateValue::Day(start)
    } else {
        DateValue::Interval { start, end }
    }
}

/// The Monday of `d`'s ISO week.
pub(super) fn week_monday(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

/// A part of a month, year or week.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Part {
    Early,
    Mid,
    Late,
}

impl Part {
    /// The part a `date_part` value names (`early`, `mid`, `late`).
    pub(super) fn from_value(v: &str) -> Option<Part> {
        match v {
            "early" => Some(Part::Early),
            "mid" => Some(Part::Mid),
            "late" => Some(Part::Late),
            _ => None,
        }
    }
}

/// The days of month `m` of year `y` that `part` covers: early = days
/// 1–10, mid = 11–20, late = 21 to the end; the whole month for `None`.
pub(super) fn month_value(y: i32, m: u32, part: Option<Part>) -> Option<DateValue> {
    let last = month_end(y, m)?;
    let (a, b) = match part {
        None => (1, last.day()),
        Some(Part::Early) => (1, 10),
        Some(Part::Mid) => (11, 20),
        Some(Part::Late) => (21, last.day()),
    };
    // (the month's last day is made already)
    let end = if b == last.day() { last } else { ymd(y, m, b)? };
    Some(interval(ymd(y, m, a)?, end))
}

/// The months of year `y` that `part` covers: early = January–April, mid
/// = May–August, late = September–December; the whole year for `None`.
pub(super) fn year_value(y: i32, part: Option<Part>) -> Option<DateValue> {
    let (a, b) = match part {
        None => (1, 12),
        Some(Part::Early) => (1, 4),
        Some(Part::Mid) => (5, 8),
        Some(Part::Late) => (9, 12),
    };
    Some(interval(month_start(y, a)?, month_end(y, b)?))
}

/// Months `a` to `b` of year `y`.
pub(super) fn months(y: i32, a: u32, b: u32) -> Option<DateValue> {
    Some(interval(month_start(y, a)?, month_end(y, b)?))
}

/// Quarter `q` (1–4) of year `y`.
pub(super) fn quarter_value(y: i32, q: u32) -> Option<DateValue> {
    (1..=4).contains(&q).then_some(())?;
    months(y, 3 * q - 2, 3 * q)
}

/// Half `h` (1–2) of year `y`.
pub(super) fn half_value(y: i32, h: u32) -> Option<DateValue> {
    (1..=2).contains(&h).then_some(())?;
    months(y, 6 * h - 5, 6 * h)
}

/// Years `a` to `b`.
pub(super) fn years(a: i32, b: i32) -> Option<DateValue> {
    Some(interval(ymd(a, 1, 1)?, ymd(b, 12, 31)?))
}

/// The season of TimeML code `code` (`SP`, `SU`, `FA`, `WI`) that begins
/// in year `y`: March–May, June–August, September–November, December to
/// February of the next year.
pub(super) fn season_value(y: i32, code: &str) -> Option<DateValue> {
    let (a, b) = match code {
        "SP" => (3, 5),
        "SU" => (6, 8),
        "FA" => (9, 11),
        "WI" => (12, 14),
        _ => return None,
    };
    let start = month_start(y, a)?;
    let end = if b > 12 {
        month_end(y + 1, b - 12)?
    } else {
        month_end(y, b)?
    };
    Some(interval(start, end))
}

/// The nearest `wd` on or before (`Past`) or on or after (`Future`) `r`;
/// `strict`: never `r` itself.
pub(super) fn nearest_weekday(
    r: NaiveDate,
    wd: Weekday,
    future: bool,
    strict: bool,
) -> Option<NaiveDate> {
    let ks = if strict { 1..=7 } else { 0..=6 };
    for k in ks {
        let d = add_days(r, if future { k } else { -k })?;
        if d.weekday() == wd {
            return Some(d);
        }
    }
    None
}

/// `v` moved by `years` whole years (each end; 29 February becomes 28).
pub(super) fn shift_years(v: DateValue, years: i64) -> Option<DateValue> {
    let s = add_months(v.start(), 12 * years)?;
    // keep a whole month whole: the end of February stays its end
    let e = v.end();
    let end_of_month = e.succ_opt().is_some_and(|n| n.day() == 1);
    let e2 = add_months(e, 12 * years)?;
    let e2 = if end_of_month {
        month_end(e2.year(), e2.month())?
    } else {
        e2
    };
    Some(interval(s, e2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_end_is_the_day_before_a_month_later() {
        let years = [i32::MIN, -262_144, -262_143, -1, 0, 1900, 2023, 2024, 2100]
            .into_iter()
            .chain([262_142, 262_143, 262_144, i32::MAX]);
        for y in years {
            for m in 0..=13 {
                let by_months = month_start(y, m)
                    .and_then(|s| add_months(s, 1))
                    .and_then(|n| n.pred_opt());
                assert_eq!(month_end(y, m), by_months, "{y}-{m}");
            }
        }
        assert_eq!(month_end(2024, 2), Some(d(2024, 2, 29)));
        assert_eq!(month_end(2023, 12), Some(d(2023, 12, 31)));
    }

    #[test]
    fn parts_quarters_halves_seasons() {
        assert_eq!(
            month_value(2024, 2, Some(Part::Late)),
            Some(interval(d(2024, 2, 21), d(2024, 2, 29)))
        );
        assert_eq!(
            quarter_value(2024, 3),
            Some(interval(d(2024, 7, 1), d(2024, 9, 30)))
        );
        assert_eq!(quarter_value(2024, 5), None);
        assert_eq!(
            half_value(2024, 2),
            Some(interval(d(2024, 7, 1), d(2024, 12, 31)))
        );
        assert_eq!(
            season_value(2023, "WI"),
            Some(interval(d(2023, 12, 1), d(2024, 2, 29)))
        );
        assert_eq!(season_value(2023, "XX"), None);
    }

    #[test]
    fn weekdays_and_shifts() {
        let thu = d(2024, 3, 14);
        assert_eq!(nearest_weekday(thu, Weekday::Thu, false, false), Some(thu));
        assert_eq!(
            nearest_weekday(thu, Weekday::Thu, true, true),
            Some(d(2024, 3, 21))
        );
        assert_eq!(
            nearest_weekday(thu, Weekday::Tue, false, false),
            Some(d(2024, 3, 12))
        );
        assert_eq!(
            shift_years(interval(d(2024, 2, 1), d(2024, 2, 29)), -1),
            Some(interval(d(2023, 2, 1), d(2023, 2, 28)))
        );
        assert_eq!(
            shift_years(interval(d(2023, 2, 1), d(2023, 2, 28)), 1),
            Some(interval(d(2024, 2, 1), d(2024, 2, 29)))
        );
        assert_eq!(add_days(NaiveDate::MAX, 1), None);
    }
}
