//! Suite `timex`: date and time expressions on TimeBank + AQUAINT
//! (`tbaq`), against the gold `TIMEX3` tags.
//!
//! Definitions (docs/accuracy.md has the long form):
//!
//! - **Spans.** *Relaxed*: a prediction is right when it shares a byte
//!   with a gold expression, a gold expression is found when a prediction
//!   shares a byte with it. *Strict*: the same with equal spans.
//! - **Values.** Both sides are turned into a [`Value`]; a prediction's
//!   value is right for a gold value when [`value_matches`]: our days lie
//!   inside the gold's calendar unit (so “early August” is right for gold
//!   `1998-08`, and a single day inside it too), with the same part of the
//!   day when the gold gives one.
//! - **DATE value F1**: predictions typed DATE whose value matches an
//!   overlapping gold DATE, over all DATE predictions (precision) and over
//!   gold DATEs (recall).
//! - **Value accuracy per type**: gold expressions of the type that some
//!   overlapping prediction gets the value of, over all of that type.
//!
//! The one place that reads the extractor's model is [`pred_of`]: it
//! maps a `DateMention` (typed date, time, duration or set) to TimeML's
//! types and values.

use crate::score::{ahead, back, ratio, samples_wanted, snippet, Prf, Tally};
use crate::timeml::{self, Timex};
use crate::Figures;
use chrono::Datelike;
use crosscheck_parse::{extract, Article, DateMention, NaiveDate, Span, TimeRef, TimexKind};
use std::path::Path;

/// A TimeML expression type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TimexType {
    /// A calendar date or period (“Friday”, “August 1998”, “the third
    /// quarter”).
    Date,
    /// A date with a time of day (“Friday evening”, “5:30 p.m. Monday”).
    Time,
    /// An amount of time (“three years”, “90 days”).
    Duration,
    /// A recurring time (“every Monday”, “daily”).
    Set,
}

impl TimexType {
    /// Every type, in report order.
    pub const ALL: [TimexType; 4] = [
        TimexType::Date,
        TimexType::Time,
        TimexType::Duration,
        TimexType::Set,
    ];

    /// Reads TimeML's `type` attribute.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "DATE" => Some(TimexType::Date),
            "TIME" => Some(TimexType::Time),
            "DURATION" => Some(TimexType::Duration),
            "SET" => Some(TimexType::Set),
            _ => None,
        }
    }

    /// Lowercase name, as used in figure names.
    pub fn name(self) -> &'static str {
        match self {
            TimexType::Date => "date",
            TimexType::Time => "time",
            TimexType::Duration => "duration",
            TimexType::Set => "set",
        }
    }
}

/// A normalised time value, in terms both the gold and our output can be
/// written in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// An inclusive range of days, with an optional time of day: a part of
    /// the day as TimeML writes it (`MO`, `AF`, `EV`, `NI`) or a clock time
    /// (`19:30`).
    Days {
        /// First day.
        start: NaiveDate,
        /// Last day (inclusive).
        end: NaiveDate,
        /// Time of day, when given.
        time: Option<String>,
    },
    /// `PRESENT_REF`, `PAST_REF` or `FUTURE_REF`.
    Ref(String),
    /// Any other TimeML value, compared as written: durations (`P3D`,
    /// `PT2H`), sets and values with no anchored year (`XXXX-WXX-1`).
    Other(String),
}

/// Reads a TimeML `value` into a [`Value`]. Calendar values become the
/// days they cover: `1998` the year, `1998-08` the month, `1998-W32` the
/// ISO week (`-WE` its weekend), `1998-Q3` the quarter, `1998-H1` the half,
/// `1998-SU` the season (SP Mar–May, SU Jun–Aug, FA Sep–Nov, WI Dec–Feb),
/// `199` the decade, `19` the century. Unknown parts (`X`) widen the value
/// to its known prefix (`1998-10-XX` is October 1998). A `T` part is kept as
/// the time (`1998-11-20TEV`). Values of type SET, and values without a
/// known year, stay [`Value::Other`].
///
/// ```
/// use crosscheck_eval::timex::{gold_value, TimexType, Value};
/// use crosscheck_parse::NaiveDate;
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let days = |s, e| Value::Days { start: s, end: e, time: None };
/// assert_eq!(gold_value("1998-08", TimexType::Date), days(d(1998, 8, 1), d(1998, 8, 31)));
/// assert_eq!(gold_value("1998-Q3", TimexType::Date), days(d(1998, 7, 1), d(1998, 9, 30)));
/// assert_eq!(gold_value("199", TimexType::Date), days(d(1990, 1, 1), d(1999, 12, 31)));
/// assert_eq!(gold_value("P3D", TimexType::Duration), Value::Other("P3D".into()));
/// ```
pub fn gold_value(value: &str, kind: TimexType) -> Value {
    if matches!(value, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF") {
        return Value::Ref(value.to_string());
    }
    if kind == TimexType::Set {
        return Value::Other(value.to_string());
    }
    let (date, time) = match value.split_once('T') {
        // a clock time of hours only (`T17`) is `17:00`
        Some((d, t))
            if !d.starts_with('P') && t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()) =>
        {
            (d, Some(format!("{t}:00")))
        }
        Some((d, t)) if !d.starts_with('P') => (d, Some(t.to_string())),
        _ => (value, None),
    };
    match calendar(date) {
        Some((start, end)) => Value::Days { start, end, time },
        None => Value::Other(value.to_string()),
    }
}

/// The days a TimeML calendar value (without its time part) covers.
fn calendar(date: &str) -> Option<(NaiveDate, NaiveDate)> {
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    let month_end = |y: i32, m: u32| {
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        ymd(ny, nm, 1).and_then(|d| d.pred_opt())
    };
    let mut parts = date.split('-');
    let year = parts.next()?;
    // the year: 4 digits, a decade (3) or a century (2); X widens it
    if year.is_empty() || year.len() > 4 || !year.chars().all(|c| c.is_ascii_digit() || c == 'X') {
        return None;
    }
    let known: String = year.chars().take_while(char::is_ascii_digit).collect();
    if known.len() < 2 {
        return None;
    }
    let span = 10i32.pow(4 - known.len() as u32);
    let first: i32 = known.parse::<i32>().ok()? * span;
    let (y0, y1) = (first, first + span - 1);
    let whole = (ymd(y0, 1, 1)?, ymd(y1, 12, 31)?);
    if known.len() < 4 {
        return Some(whole);
    }
    let y = y0;
    let Some(second) = parts.next() else {
        return Some(whole);
    };
    let third = parts.next();
    if second.contains('X') {
        return Some(whole);
    }
    let num = |s: &str| s.parse::<u32>().ok();
    match second {
        "SP" => Some((ymd(y, 3, 1)?, month_end(y, 5)?)),
        "SU" => Some((ymd(y, 6, 1)?, month_end(y, 8)?)),
        "FA" => Some((ymd(y, 9, 1)?, month_end(y, 11)?)),
        "WI" => Some((ymd(y, 12, 1)?, month_end(y + 1, 2)?)),
        _ if second.starts_with('W') => {
            let mon = NaiveDate::from_isoywd_opt(y, num(&second[1..])?, chrono::Weekday::Mon)?;
            match third {
                Some("WE") => Some((mon + chrono::Days::new(5), mon + chrono::Days::new(6))),
                _ => Some((mon, mon + chrono::Days::new(6))),
            }
        }
        _ if second.starts_with('Q') => {
            let q = num(&second[1..]).filter(|q| (1..=4).contains(q))?;
            Some((ymd(y, 3 * q - 2, 1)?, month_end(y, 3 * q)?))
        }
        _ if second.starts_with('H') => {
            let h = num(&second[1..]).filter(|h| (1..=2).contains(h))?;
            Some((ymd(y, 6 * h - 5, 1)?, month_end(y, 6 * h)?))
        }
        _ => {
            let m = num(second)?;
            let month = (ymd(y, m, 1)?, month_end(y, m)?);
            match third {
                None => Some(month),
                Some(d) if d.contains('X') => Some(month),
                Some(d) => {
                    let day = ymd(y, m, num(d)?)?;
                    Some((day, day))
                }
            }
        }
    }
}

/// True when our value `ours` is right for the gold value `gold`: our days
/// inside the gold's days (and the same time of day when the gold has
/// one); `PRESENT_REF` is right for the single day of the document date;
/// anything else only when written the same.
///
/// ```
/// use crosscheck_eval::timex::{value_matches, Value};
/// use crosscheck_parse::NaiveDate;
/// let d = |m, dd| NaiveDate::from_ymd_opt(1998, m, dd).unwrap();
/// let days = |s, e, t: Option<&str>| Value::Days { start: s, end: e, time: t.map(String::from) };
/// let august = days(d(8, 1), d(8, 31), None);
/// assert!(value_matches(&august, &days(d(8, 1), d(8, 10), None), None));
/// assert!(!value_matches(&august, &days(d(7, 25), d(8, 5), None), None));
/// let friday_evening = days(d(11, 20), d(11, 20), Some("EV"));
/// assert!(value_matches(&friday_evening, &days(d(11, 20), d(11, 20), Some("EV")), None));
/// assert!(!value_matches(&friday_evening, &days(d(11, 20), d(11, 20), None), None));
/// ```
pub fn value_matches(gold: &Value, ours: &Value, dct: Option<NaiveDate>) -> bool {
    match (gold, ours) {
        (
            Value::Days { start, end, time },
            Value::Days {
                start: s,
                end: e,
                time: t,
            },
        ) => start <= s && e <= end && (time.is_none() || time == t),
        (Value::Ref(r), Value::Days { start, end, .. }) => {
            r == "PRESENT_REF" && Some(*start) == dct && Some(*end) == dct
        }
        _ => gold == ours,
    }
}

/// What the scorer reads from one extracted expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pred {
    /// Byte span of the expression.
    pub span: Span,
    /// Its type.
    pub kind: TimexType,
    /// Its value; `None` when unresolved.
    pub value: Option<Value>,
}

/// Reads one extracted expression: **the only function that knows the
/// extractor's date model**. Its type is the mention's (`date`, `time`,
/// `duration`, `set`); its value:
///
/// - a date or time: the day or interval of days of its `value`, with its
///   clock time (`17:30`) or else its part of the day as TimeML writes it
///   (`morning` → `MO`, `afternoon` → `AF`, `evening` → `EV`, `night` →
///   `NI`);
/// - a vague reference (“now”, “recently”, “soon”): `PRESENT_REF`,
///   `PAST_REF`, `FUTURE_REF`;
/// - a duration or set: its ISO 8601 `duration` (`P3Y`, `P1W`), as
///   written.
///
/// A range (“between 1994 and 1997”) gives one prediction per end, with
/// the end's span and value: TimeML tags each end on its own.
///
/// ```
/// use crosscheck_eval::timex::{pred_of, TimexType, Value};
/// use crosscheck_parse::{dates, sentences, NaiveDate};
/// let text = "Prices have doubled over the past two months, and inspections run weekly.";
/// let found = dates::extract(text, &sentences::split(text), NaiveDate::from_ymd_opt(2024, 3, 14));
/// let preds: Vec<_> = found.iter().flat_map(pred_of).collect();
/// assert_eq!(preds[0].kind, TimexType::Duration);
/// assert_eq!(preds[0].value, Some(Value::Other("P2M".into())));
/// assert_eq!((preds[1].kind, preds[1].value.clone()), (TimexType::Set, Some(Value::Other("P1W".into()))));
/// ```
pub fn pred_of(m: &DateMention) -> Vec<Pred> {
    let kind = match m.kind {
        TimexKind::Date => TimexType::Date,
        TimexKind::Time => TimexType::Time,
        TimexKind::Duration => TimexType::Duration,
        TimexKind::Set => TimexType::Set,
        // a kind TimeML has no type for: nothing to score
        _ => return Vec::new(),
    };
    if let Some(ends) = &m.range {
        return ends
            .iter()
            .map(|e| Pred {
                span: e.span,
                kind,
                value: e.value.map(|v| Value::Days {
                    start: v.start(),
                    end: v.end(),
                    time: None,
                }),
            })
            .collect();
    }
    let time = match (m.time, m.time_of_day.as_deref()) {
        (Some(t), _) => Some(t.format("%H:%M").to_string()),
        (None, Some(part)) => Some(
            match part {
                "morning" => "MO",
                "afternoon" => "AF",
                "evening" => "EV",
                "night" | "tonight" => "NI",
                other => other,
            }
            .to_string(),
        ),
        (None, None) => None,
    };
    let value = match (m.kind, m.reference) {
        (TimexKind::Duration | TimexKind::Set, _) => m.duration.clone().map(Value::Other),
        (_, Some(r)) => Some(Value::Ref(
            match r {
                TimeRef::Present => "PRESENT_REF",
                TimeRef::Past => "PAST_REF",
                TimeRef::Future => "FUTURE_REF",
                // never in TimeML gold: scored as wrong
                _ => "OTHER_REF",
            }
            .to_string(),
        )),
        _ => m.value.map(|v| Value::Days {
            start: v.start(),
            end: v.end(),
            time,
        }),
    };
    vec![Pred {
        span: m.span,
        kind,
        value,
    }]
}

/// A gold expression with its type and value read.
struct Gold<'a> {
    timex: &'a Timex,
    kind: Option<TimexType>,
    value: Value,
}

/// Runs the suite on `devdata/tbaq`.
pub fn run(devdata: &Path) -> Result<Figures, String> {
    let docs = timeml::load(&devdata.join("tbaq"))?;
    let keep = samples_wanted();
    let mut relaxed = Prf::default();
    let mut strict = Prf::default();
    let mut date_value = Prf::default();
    // per type: (gold with the right value, gold)
    let mut by_type = [(0usize, 0usize); 4];
    let mut missed = Tally::new(keep);
    let mut spurious = Tally::new(keep);
    let mut wrong_value = Tally::new(keep);
    let mut duration_as_date = Tally::new(keep);
    let mut gold_count = 0;
    for doc in &docs {
        let x = extract(Article {
            id: doc.name.clone(),
            published: doc.dct,
            text: doc.text.clone(),
            origin: doc.name.clone(),
            ..Article::default()
        });
        let text = doc.text.as_str();
        let context = |span: Span| {
            let s = back(text, span.start, 50);
            let e = ahead(text, span.end, 50);
            format!(
                "{}:{}  «{}»  in «{}»",
                doc.name,
                span.start,
                span.slice(text),
                snippet(text, s, e, 200)
            )
        };
        let preds: Vec<Pred> = x.dates.iter().flat_map(pred_of).collect();
        let golds: Vec<Gold> = doc
            .timexes
            .iter()
            .map(|t| {
                let kind = TimexType::parse(&t.kind);
                let value = gold_value(&t.value, kind.unwrap_or(TimexType::Date));
                Gold {
                    timex: t,
                    kind,
                    value,
                }
            })
            .collect();
        gold_count += golds.len();
        for p in &preds {
            let hit = golds.iter().any(|g| g.timex.span.overlaps(&p.span));
            relaxed.predicted(hit);
            strict.predicted(golds.iter().any(|g| g.timex.span == p.span));
            if !hit {
                spurious.note(&shape(p.span.slice(text)), || context(p.span));
            }
            if p.kind == TimexType::Date {
                let right = golds.iter().any(|g| {
                    g.kind == Some(TimexType::Date)
                        && g.timex.span.overlaps(&p.span)
                        && p.value
                            .as_ref()
                            .is_some_and(|v| value_matches(&g.value, v, doc.dct))
                });
                date_value.predicted(right);
            }
        }
        for g in &golds {
            let over: Vec<&Pred> = preds
                .iter()
                .filter(|p| p.span.overlaps(&g.timex.span))
                .collect();
            relaxed.gold(!over.is_empty());
            strict.gold(preds.iter().any(|p| p.span == g.timex.span));
            let right = |p: &&Pred| {
                p.value
                    .as_ref()
                    .is_some_and(|v| value_matches(&g.value, v, doc.dct))
            };
            let value_right = over.iter().any(right);
            let Some(kind) = g.kind else {
                continue;
            };
            let slot = &mut by_type[kind as usize];
            slot.0 += usize::from(value_right);
            slot.1 += 1;
            if kind == TimexType::Date {
                date_value.gold(over.iter().filter(|p| p.kind == TimexType::Date).any(right));
            }
            let tname = kind.name().to_uppercase();
            if over.is_empty() {
                missed.note(
                    &format!("{tname:<8} {}", shape(g.timex.span.slice(text))),
                    || context(g.timex.span),
                );
            } else if !value_right {
                if kind == TimexType::Duration {
                    duration_as_date
                        .note(&shape(g.timex.span.slice(text)), || context(g.timex.span));
                }
                let why = value_error(&g.value, over[0]);
                wrong_value.note(&format!("{tname:<8} {why}"), || {
                    format!(
                        "{}  gold {}  ours {}",
                        context(g.timex.span),
                        g.timex.value,
                        show(over[0].value.as_ref())
                    )
                });
            }
        }
    }

    let mut f = Figures::default();
    relaxed.record(&mut f, "relaxed");
    f.higher("strict_f1", strict.f1());
    date_value.record(&mut f, "date_value");
    for t in TimexType::ALL {
        let (ok, all) = by_type[t as usize];
        f.higher(&format!("value_accuracy_{}", t.name()), ratio(ok, all));
    }

    eprintln!(
        "timex: {} TimeML documents, {gold_count} gold TIMEX3",
        docs.len()
    );
    eprintln!("  {}", relaxed.line("relaxed span (overlap)"));
    eprintln!("  {}", strict.line("strict span (equal)"));
    eprintln!("  {}", date_value.line("DATE value"));
    for t in TimexType::ALL {
        let (ok, all) = by_type[t as usize];
        eprintln!(
            "  value accuracy {:<9} {:.4} ({ok}/{all})",
            t.name().to_uppercase(),
            ratio(ok, all)
        );
    }
    missed.print("gold expressions no prediction overlaps (type, shape)", 25);
    wrong_value.print("found with a wrong value (type, why)", 15);
    duration_as_date.print("gold DURATIONs we read as a date (shape)", 10);
    spurious.print("predictions overlapping no gold expression (shape)", 15);
    Ok(f)
}

/// Why our value is wrong for a gold value, in a few words.
fn value_error(gold: &Value, ours: &Pred) -> String {
    let Some(v) = &ours.value else {
        return "ours unresolved".into();
    };
    match (gold, v) {
        (Value::Ref(r), _) => format!("gold {r}"),
        (Value::Other(g), _) if g.starts_with('P') => "gold a duration, ours a date".into(),
        (Value::Other(_), _) => "gold without an anchored year or a set".into(),
        (
            Value::Days { start, end, time },
            Value::Days {
                start: s,
                end: e,
                time: t,
            },
        ) => {
            if start <= s && e <= end {
                match (time, t) {
                    (Some(g), None) if g.contains(':') => "ours lacks the clock time".into(),
                    (Some(_), None) => "ours lacks the part of the day".into(),
                    _ => "ours has another time of day".into(),
                }
            } else if s <= start && end <= e {
                "ours coarser than gold".into()
            } else if s.year() != start.year()
                && s.month() == start.month()
                && (e.year() - s.year()) == (end.year() - start.year())
            {
                let later = if s > start { "later" } else { "earlier" };
                format!("ours a year {later} (same month)")
            } else if end < s || e < start {
                "ours another date".into()
            } else {
                "ours overlaps but is not inside".into()
            }
        }
        _ => "ours of another kind".into(),
    }
}

/// A value for a sample line.
fn show(v: Option<&Value>) -> String {
    match v {
        None => "unresolved".into(),
        Some(Value::Days { start, end, time }) => {
            let t = time.as_deref().map(|t| format!("T{t}")).unwrap_or_default();
            if start == end {
                format!("{start}{t}")
            } else {
                format!("{start}/{end}{t}")
            }
        }
        Some(Value::Ref(r) | Value::Other(r)) => r.clone(),
    }
}

/// The shape of an expression for grouping errors: lowercased, digits as
/// `9`, month and weekday names as `MONTH` and `WEEKDAY`.
fn shape(s: &str) -> String {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ];
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    s.split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
            if MONTHS.contains(&bare) {
                "MONTH".to_string()
            } else if WEEKDAYS.contains(&bare) {
                "WEEKDAY".to_string()
            } else {
                lower
                    .chars()
                    .map(|c| if c.is_ascii_digit() { '9' } else { c })
                    .collect()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn days(s: NaiveDate, e: NaiveDate) -> Value {
        Value::Days {
            start: s,
            end: e,
            time: None,
        }
    }

    #[test]
    fn gold_values_cover_their_calendar_unit() {
        let g = |v| gold_value(v, TimexType::Date);
        assert_eq!(g("1998-11-20"), days(d(1998, 11, 20), d(1998, 11, 20)));
        assert_eq!(g("1998"), days(d(1998, 1, 1), d(1998, 12, 31)));
        assert_eq!(g("1998-10-XX"), days(d(1998, 10, 1), d(1998, 10, 31)));
        assert_eq!(g("1998-WXX"), days(d(1998, 1, 1), d(1998, 12, 31)));
        // ISO week 32 of 1998 runs Monday 3 to Sunday 9 August
        assert_eq!(g("1998-W32"), days(d(1998, 8, 3), d(1998, 8, 9)));
        assert_eq!(g("1998-W32-WE"), days(d(1998, 8, 8), d(1998, 8, 9)));
        assert_eq!(g("1998-WI"), days(d(1998, 12, 1), d(1999, 2, 28)));
        assert_eq!(g("1998-H2"), days(d(1998, 7, 1), d(1998, 12, 31)));
        assert_eq!(g("19"), days(d(1900, 1, 1), d(1999, 12, 31)));
        assert_eq!(g("199X"), days(d(1990, 1, 1), d(1999, 12, 31)));
        assert_eq!(
            g("1998-11-20TMO"),
            Value::Days {
                start: d(1998, 11, 20),
                end: d(1998, 11, 20),
                time: Some("MO".into())
            }
        );
        assert_eq!(g("XXXX-10-04"), Value::Other("XXXX-10-04".into()));
        assert_eq!(g("PAST_REF"), Value::Ref("PAST_REF".into()));
        assert_eq!(
            gold_value("P1W", TimexType::Set),
            Value::Other("P1W".into())
        );
        assert_eq!(g("1998-13"), Value::Other("1998-13".into()));
    }

    #[test]
    fn present_ref_is_the_document_day() {
        let dct = Some(d(1998, 3, 2));
        let now = Value::Ref("PRESENT_REF".into());
        assert!(value_matches(
            &now,
            &days(d(1998, 3, 2), d(1998, 3, 2)),
            dct
        ));
        assert!(!value_matches(
            &now,
            &days(d(1998, 3, 1), d(1998, 3, 2)),
            dct
        ));
        let past = Value::Ref("PAST_REF".into());
        assert!(!value_matches(
            &past,
            &days(d(1998, 3, 1), d(1998, 3, 1)),
            dct
        ));
        assert!(value_matches(&past, &past, dct));
    }

    #[test]
    fn shapes_group_like_expressions() {
        assert_eq!(shape("Oct. 23"), "MONTH 99");
        assert_eq!(shape("last Friday"), "last WEEKDAY");
        assert_eq!(shape("the past 12 years"), "the past 99 years");
    }
}
