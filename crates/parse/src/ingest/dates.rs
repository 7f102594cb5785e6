//! Publication dates as found in metadata fields and datelines.

use chrono::{DateTime, Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

const MONTH: &str = r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
const WEEKDAY: &str = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun";

/// A written date: `[Weekday,] Month D[, YYYY]` or `[Weekday,] D Month
/// [YYYY]`, optionally followed by a time. The whole string must match.
static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)^
        (?:(?P<wd>{WEEKDAY})\.?,?\s+)?
        (?:
            (?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH})\.?
          | (?P<m1>{MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?
        )
        (?:,?\s+(?P<y>\d{{4}}))?
        (?:\s*(?:,|-|–|—|at)?\s*\d{{1,2}}(?:[:.]\d{{2}}){{1,2}}\s*(?:[ap]\.?m\.?)?\s*[A-Z]{{0,4}})?
        \s*[.,]?$"
    ))
    .expect("valid regex")
});

/// The date a dateline names, with or without its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WrittenDate {
    pub month: u32,
    pub day: u32,
    pub year: Option<i32>,
    pub weekday: Option<Weekday>,
}

impl WrittenDate {
    /// The calendar date, when the year is given and the day exists.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }
}

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    let key = n.get(..3)?;
    let m = match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn weekday(name: &str) -> Option<Weekday> {
    let n = name.to_ascii_lowercase();
    let w = match n.get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    };
    Some(w)
}

/// Reads a whole string as a written date (“Thursday, February 2”,
/// “January 27, 2022”, “27 Jan 2022”). Returns `None` when the string is
/// anything more than a date, or the day is out of range.
pub(crate) fn parse_written(s: &str) -> Option<WrittenDate> {
    let s = s.trim();
    if s.len() > 80 {
        return None;
    }
    let c = WRITTEN.captures(s)?;
    let month = month_number(c.name("m1").or(c.name("m2"))?.as_str())?;
    let day: u32 = c.name("d1").or(c.name("d2"))?.as_str().parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let year = c.name("y").and_then(|y| y.as_str().parse().ok());
    let weekday = c.name("wd").and_then(|w| weekday(w.as_str()));
    Some(WrittenDate {
        month,
        day,
        year,
        weekday,
    })
}

/// Parses a publication date as found in metadata: `2022-01-27`,
/// `2022-01-27T10:00:00Z`, `2022-01-27 10:00:00`, `2022/01/27`, RFC 2822
/// (`Thu, 27 Jan 2022 10:00:00 GMT`) or a written date with a year
/// (`January 27, 2022`). Date-times keep the calendar date as written, with
/// no time-zone conversion.
///
/// ```
/// use crosscheck_parse::ingest::parse_date;
/// let d = chrono::NaiveDate::from_ymd_opt(2022, 1, 27);
/// assert_eq!(parse_date("2022-01-27T23:30:00-05:00"), d);
/// assert_eq!(parse_date("Thu, 27 Jan 2022 10:00:00 +0000"), d);
/// assert_eq!(parse_date("27 Jan 2022"), d);
/// assert_eq!(parse_date("soon"), None);
/// ```
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(prefix) = s.get(..10) {
        let rest = &s[10..];
        let boundary = rest
            .chars()
            .next()
            .is_none_or(|c| c == 'T' || c == 't' || c.is_whitespace());
        if boundary {
            for fmt in ["%Y-%m-%d", "%Y/%m/%d"] {
                if let Ok(d) = NaiveDate::parse_from_str(prefix, fmt) {
                    return Some(d);
                }
            }
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.naive_local().date());
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_local().date());
    }
    parse_written(s).and_then(|w| w.date())
}

/// True when the weekday written next to a date disagrees with the date.
pub(crate) fn weekday_mismatch(w: &WrittenDate) -> bool {
    match (w.weekday, w.date()) {
        (Some(wd), Some(d)) => d.weekday() != wd,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates() {
        let w = parse_written("Thursday, February 2").unwrap();
        assert_eq!((w.month, w.day, w.year), (2, 2, None));
        assert_eq!(w.weekday, Some(Weekday::Thu));
        let w = parse_written("January 27, 2022").unwrap();
        assert_eq!(w.date(), NaiveDate::from_ymd_opt(2022, 1, 27));
        let w = parse_written("27 Jan 2022").unwrap();
        assert_eq!(w.date(), NaiveDate::from_ymd_opt(2022, 1, 27));
        let w = parse_written("Jan. 27, 2022, 10:30 a.m. EST").unwrap();
        assert_eq!(w.date(), NaiveDate::from_ymd_opt(2022, 1, 27));
        assert!(parse_written("May the force be with you").is_none());
        assert!(parse_written("March 40").is_none());
        assert!(parse_written("February 2 was a cold day").is_none());
    }

    #[test]
    fn metadata_dates() {
        let d = NaiveDate::from_ymd_opt(2022, 1, 27);
        for s in [
            "2022-01-27",
            "2022-01-27T10:00:00Z",
            "2022-01-27 10:00:00",
            "2022-01-27T10:00:00.123+01:00",
            "Thu, 27 Jan 2022 10:00:00 GMT",
            "January 27, 2022",
            " 2022/01/27 ",
        ] {
            assert_eq!(parse_date(s), d, "{s}");
        }
        assert_eq!(parse_date("2022-13-01"), None);
        assert_eq!(parse_date("20220127"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("é"), None);
    }
}
