//! The data model shared by every stage: articles, spans and the facts
//! extracted from them.
//!
//! Every extracted item carries a [`Span`]: a half-open `[start, end)` range
//! of **byte** offsets into [`Article::text`], always on `char` boundaries, so
//! `&article.text[span.start..span.end]` is the exact evidence.

use crate::error::{ItemKind, ValidationError};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// A half-open `[start, end)` byte range into an article's text.
///
/// Serialised as a two-element array `[start, end]`.
///
/// ```
/// use crosscheck_parse::Span;
/// let text = "Blinken said “yes”.";
/// let span = Span::new(0, 7);
/// assert_eq!(span.slice(text), "Blinken");
/// assert_eq!(serde_json::to_string(&span).unwrap(), "[0,7]");
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A new span; `start` must not exceed `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers. Returns `""` when the span is out of range
    /// or not on `char` boundaries, never panics.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when the span is a non-inverted range inside `text` with both
    /// ends on `char` boundaries: then [`Span::slice`] returns what the span
    /// covers, not the `""` it gives for a bad span.
    ///
    /// ```
    /// use crosscheck_parse::Span;
    /// let text = "né";
    /// assert!(Span::new(0, 3).fits(text));
    /// assert!(!Span::new(0, 2).fits(text)); // inside 'é'
    /// assert!(!Span::new(2, 1).fits(text));
    /// assert!(!Span::new(0, 4).fits(text));
    /// ```
    pub fn fits(&self, text: &str) -> bool {
        text.get(self.start..self.end).is_some()
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<[usize; 2]> for Span {
    fn from(a: [usize; 2]) -> Self {
        Span::new(a[0], a[1])
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

/// One news article, as read from any input format.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: the given id, else the file stem (plus the line
    /// number for JSON lines without an id).
    pub id: String,
    /// Outlet or site name, when known.
    pub source: Option<String>,
    /// Headline, when known.
    pub title: Option<String>,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// Language tag, when known (e.g. `en`).
    pub language: Option<String>,
    /// Publication date: the reference date for relative dates.
    pub published: Option<NaiveDate>,
    /// The article body. All spans index into this string.
    pub text: String,
    /// Where the article came from: a path, `path:line` for JSON lines, or
    /// `<stdin>`.
    pub origin: String,
}

impl Article {
    /// An article made in memory from its id and body text; the other
    /// fields are set with the builder methods. Its [`Article::origin`]
    /// (what diagnostics name) is the id until [`Article::origin`] sets it.
    ///
    /// ```
    /// use crosscheck_parse::{Article, NaiveDate};
    ///
    /// let a = Article::new("wire-1", "The minister resigned on Monday.")
    ///     .source("Example Wire")
    ///     .title("Minister resigns")
    ///     .published(NaiveDate::from_ymd_opt(2022, 1, 27).unwrap())
    ///     .url("https://example.org/wire-1");
    /// assert_eq!(a.id, "wire-1");
    /// assert_eq!(a.origin, "wire-1");
    /// assert_eq!(a.source.as_deref(), Some("Example Wire"));
    /// assert_eq!(a.published.unwrap().to_string(), "2022-01-27");
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        Article {
            origin: id.clone(),
            id,
            text: text.into(),
            ..Article::default()
        }
    }

    /// Sets the outlet or site name.
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Sets the headline.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the publication date, the reference for relative dates
    /// (“on Wednesday”).
    pub fn published(mut self, date: NaiveDate) -> Self {
        self.published = Some(date);
        self
    }

    /// Sets the canonical URL.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets the language tag (e.g. `en`).
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// Sets where the article came from, as diagnostics name it (a path,
    /// `path:line`, a database key…).
    pub fn origin(mut self, origin: impl Into<String>) -> Self {
        self.origin = origin.into();
        self
    }
}

/// How serious a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticLevel {
    /// Something was repaired or guessed; the article is still used.
    Warning,
    /// The input could not be used.
    Error,
}

impl DiagnosticLevel {
    /// The lowercase name used in messages and reports: `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticLevel::Warning => "warning",
            DiagnosticLevel::Error => "error",
        }
    }
}

/// A problem found while reading or extracting, naming where it happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The file (or `file:line`, or `<stdin>`) the problem is in.
    pub origin: String,
    /// Warning or error.
    pub severity: DiagnosticLevel,
    /// What is wrong, in words a user can act on.
    pub message: String,
    /// Byte offset in the input where the problem starts, when known.
    pub offset: Option<usize>,
}

/// A sentence (or headline, or dateline) of the article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Sentence {
    /// Byte span of the sentence, trimmed of surrounding white space.
    pub span: Span,
    /// Index of the paragraph (blank-line separated block) it belongs to.
    pub paragraph: usize,
}

/// What kind of quotation a [`Quote`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteKind {
    /// Full quoted speech: “We prefer diplomacy,” he said.
    Direct,
    /// A fragment of speech quoted inside reported speech:
    /// sanctions would have “serious consequences”.
    Partial,
    /// Reported speech without quotation marks:
    /// Stoltenberg stressed that every country has the right to join.
    Indirect,
    /// A term in quotation marks that is not speech: NATO’s ‘open doors’ policy.
    ScareQuote,
}

/// How the speaker of a [`Quote`] was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Attribution {
    /// A reporting verb next to a named speaker: “…,” Blinken said.
    Verb,
    /// A colon introduction: Blinken concluded: “…”.
    Colon,
    /// “according to X”.
    AccordingTo,
    /// A pronoun (“he added”) resolved to the nearest compatible person.
    Pronoun,
    /// A role or title (“the Secretary of State said”) resolved to a person.
    Role,
    /// No cue in the sentence; the speaker of the surrounding reported
    /// speech (previous or next sentence) is carried over.
    Context,
    /// A reporting verb whose subject names no person, name or role: the
    /// subject phrase as written (“Military analysts say …”, “exit polls
    /// suggested that …”, a direct quote's “…,” one reader wrote). Not a
    /// person: never compared as one.
    Phrase,
    /// No speaker could be found (or the quote is not speech).
    None,
}

/// A quotation, direct or reported, with its speaker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Byte span of the quoted words (inside the marks).
    pub span: Span,
    /// Direct, partial, indirect or scare quote.
    pub kind: QuoteKind,
    /// Canonical name of the speaker (the entity's name), or `None` when no
    /// speaker was found.
    pub speaker: Option<String>,
    /// Span of the speaker mention that the attribution rests on (a name,
    /// pronoun or role), when there is one in the text.
    pub speaker_span: Option<Span>,
    /// Index into [`Extraction::entities`] of the speaker.
    pub speaker_entity: Option<usize>,
    /// The reporting verb or cue (`said`, `according to`, `:`), when found.
    pub cue: Option<String>,
    /// How the speaker was found.
    pub attribution: Attribution,
    /// Index into [`Extraction::sentences`] of the sentence the quote starts in.
    pub sentence: usize,
    /// For the second and later pieces of a quote interrupted by its
    /// attribution (“I wish it were different”, he said, “but …”): the index
    /// of the previous piece in [`Extraction::quotes`].
    pub continues: Option<usize>,
}

/// How fine a date value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Granularity {
    /// A single day.
    Day,
    /// A week, or a span of a few days (“in the next few days”).
    Week,
    /// Part of a month (“mid-February”, “early March”): the value is a
    /// documented interval of days, early = days 1–10, mid = 11–20, late
    /// (and “the end of”) = 21 to the month's last day.
    PartOfMonth,
    /// A whole month.
    Month,
    /// A quarter of a year (“the third quarter”: July–September) or a
    /// half (“the first half”: January–June).
    Quarter,
    /// A season (“last summer”): spring March–May, summer June–August,
    /// autumn September–November, winter December–February.
    Season,
    /// A whole year.
    Year,
    /// A decade (“the 1990s”).
    Decade,
    /// Granularity could not be decided (unresolved expressions).
    Unknown,
}

/// A normalised date: one day, or an inclusive interval of days.
///
/// Serialised as `"2022-02-04"` or `{"start": "2022-02-10", "end": "2022-02-20"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum DateValue {
    /// A single calendar day.
    Day(NaiveDate),
    /// An inclusive range of days.
    Interval {
        /// First day.
        start: NaiveDate,
        /// Last day (inclusive).
        end: NaiveDate,
    },
}

impl DateValue {
    /// First day covered.
    pub fn start(&self) -> NaiveDate {
        match *self {
            DateValue::Day(d) => d,
            DateValue::Interval { start, .. } => start,
        }
    }

    /// Last day covered (inclusive).
    pub fn end(&self) -> NaiveDate {
        match *self {
            DateValue::Day(d) => d,
            DateValue::Interval { end, .. } => end,
        }
    }

    /// True when the two values share at least one day.
    pub fn overlaps(&self, other: &DateValue) -> bool {
        self.start() <= other.end() && other.start() <= self.end()
    }
}

/// Whether a date expression names its date outright or relative to the
/// article's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateReading {
    /// “4 February”, “January 26, 2022”, “2022-01-26”.
    Absolute,
    /// “on Friday”, “yesterday”, “in the next few days”.
    Relative,
}

/// What kind of time expression a [`DateMention`] is: TimeML's four
/// `TIMEX3` types. Serialised as the mention's `type` field.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimexKind {
    /// A calendar date or period (“Friday”, “March 2024”, “the third
    /// quarter”), or a vague reference to the present, past or future
    /// (“now”, “recently”: see [`DateMention::reference`]).
    #[default]
    Date,
    /// A date with a time of day (“17:30 GMT Friday”, “tomorrow at
    /// noon”, “Friday night”), or a clock time alone (“at 10 p.m.”).
    Time,
    /// An amount of time (“three years”, “90 days”, “the past two
    /// months”): never a date, so it has no `value`; its length is
    /// [`DateMention::duration`].
    Duration,
    /// A recurring time (“every Monday”, “daily”): no `value`; its period
    /// is [`DateMention::duration`].
    Set,
}

/// A vague reference to the present, the past or the future without a
/// calendar value (TimeML's `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimeRef {
    /// “now”, “currently”, “at present”.
    Present,
    /// “recently”, “previously”, “in the past”.
    Past,
    /// “soon”, “shortly”, “in the near future”.
    Future,
}

/// One end of a range of dates (“3 May” in “3 May - 9 June”).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RangeEnd {
    /// The end as written.
    pub text: String,
    /// Byte span of the end.
    pub span: Span,
    /// Its normalised value, when it could be resolved.
    pub value: Option<DateValue>,
    /// How fine its value is.
    pub granularity: Granularity,
}

/// A date or time expression found in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DateMention {
    /// The expression as written.
    pub text: String,
    /// Byte span of the expression.
    pub span: Span,
    /// The normalised value, when it could be resolved.
    pub value: Option<DateValue>,
    /// How fine the value is.
    pub granularity: Granularity,
    /// Absolute or relative expression.
    pub reading: DateReading,
    /// True when `value` is set.
    pub resolved: bool,
    /// Why the expression could not be resolved, or how an ambiguous one was
    /// read (e.g. “weekday resolved to the past of the reference date”).
    pub reason: Option<String>,
    /// A part of the day (“night”, “morning”) when the text gives one.
    pub time_of_day: Option<String>,
    /// Date, time, duration or set (serialised as `type`).
    #[serde(rename = "type", default)]
    pub kind: TimexKind,
    /// The clock time of a [`TimexKind::Time`] (“17:30 GMT Friday”:
    /// 17:30), when the text gives one.
    #[serde(default)]
    pub time: Option<NaiveTime>,
    /// The length of a [`TimexKind::Duration`] or the period of a
    /// [`TimexKind::Set`], as an ISO 8601 duration (`P3Y`, `P90D`, `PT2H`,
    /// `P1W` for “every Monday”), with TimeML's `X` for a vague count
    /// (“several years”: `PXY`).
    #[serde(default)]
    pub duration: Option<String>,
    /// For a vague reference to the present, past or future (“now”,
    /// “recently”, “soon”): which. Such a mention has no `value`.
    #[serde(default)]
    pub reference: Option<TimeRef>,
    /// For a range with both ends (“3 May - 9 June”, “between 1994 and
    /// 1997”): its first and last end. `value` then covers both, from the
    /// first end's first day to the last end's last day.
    #[serde(default)]
    pub range: Option<[RangeEnd; 2]>,
}

/// A qualifier that turns a number into an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// No qualifier: the number as written.
    Exact,
    /// “more than”, “over”: (n, ∞).
    MoreThan,
    /// “at least”: [n, ∞).
    AtLeast,
    /// “less than”, “under”, “fewer than”: [0, n).
    LessThan,
    /// “up to”, “at most”: [0, n].
    AtMost,
    /// “about”, “around”, “some”, “roughly”: a tolerance band around n.
    About,
    /// “nearly”, “almost”: a band just below n.
    Nearly,
    /// “between a and b”, “a to b”, “a-b”: [a, b].
    Between,
}

/// A numeric interval with optional open ends.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Interval {
    /// Lower bound; `None` for unbounded below.
    pub low: Option<f64>,
    /// Upper bound; `None` for unbounded above.
    pub high: Option<f64>,
    /// Whether `low` itself is included.
    pub low_inclusive: bool,
    /// Whether `high` itself is included.
    pub high_inclusive: bool,
}

impl Interval {
    /// The single point `[v, v]`.
    pub fn point(v: f64) -> Self {
        Interval {
            low: Some(v),
            high: Some(v),
            low_inclusive: true,
            high_inclusive: true,
        }
    }

    /// True when the two intervals share at least one value.
    pub fn overlaps(&self, other: &Interval) -> bool {
        fn below(high: Option<f64>, hi_inc: bool, low: Option<f64>, lo_inc: bool) -> bool {
            // true when the interval ending at `high` lies entirely below the
            // one starting at `low`
            match (high, low) {
                (Some(h), Some(l)) => h < l || (h == l && !(hi_inc && lo_inc)),
                _ => false,
            }
        }
        !below(
            self.high,
            self.high_inclusive,
            other.low,
            other.low_inclusive,
        ) && !below(
            other.high,
            other.high_inclusive,
            self.low,
            self.low_inclusive,
        )
    }
}

/// What a [`Quantity`] measures.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "code")]
#[non_exhaustive]
pub enum QuantityKind {
    /// A count of things (soldiers, troops, people).
    Count,
    /// Money, with an ISO 4217 code (`USD`, `EUR`).
    Currency(String),
    /// A percentage; `value` is the number of percent (12.5 for 12.5%).
    Percent,
    /// A fraction or share (“a third”); `value` is in [0, 1].
    Fraction,
    /// A tally of two sides, a vote or a score (“voted 9-3”, “a 5-4
    /// ruling”, “won 3-1”): `value` is the first side,
    /// [`Quantity::against`] the second.
    Tally,
}

/// A number or amount found in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quantity {
    /// The expression as written, qualifier and noun included.
    pub text: String,
    /// Byte span of the expression.
    pub span: Span,
    /// The number as written, scaled (“100 thousand” = 100000).
    pub value: f64,
    /// The qualifier in front of it.
    pub qualifier: Qualifier,
    /// The interval the qualifier allows.
    pub interval: Interval,
    /// The counted noun, lowercased (“soldiers”), or the currency/percent
    /// unit; `None` when the number stands alone.
    pub unit: Option<String>,
    /// Count, currency, percent, fraction or tally.
    pub kind: QuantityKind,
    /// The second side of a tally (the 4 of “a 5-4 ruling”); `None` for
    /// every other kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against: Option<f64>,
}

/// What sort of thing an [`Entity`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person.
    Person,
    /// A government, alliance, company or other organisation.
    Organization,
    /// A country, city or region.
    Place,
}

/// A role or title given to a person in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Role {
    /// The role as written (“NATO secretary”, “US Secretary of State”).
    pub text: String,
    /// Byte span of the role.
    pub span: Span,
}

/// A person, organisation or place, with every mention of it in the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// Canonical name: the longest full name seen (or the gazetteer's name).
    pub name: String,
    /// Person, organisation or place.
    pub kind: EntityKind,
    /// Other names it goes by in this article (“Blinken”, “Atlantic Alliance”).
    pub aliases: Vec<String>,
    /// Roles and titles attached to it (people only).
    pub roles: Vec<Role>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// Everything extracted from one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extraction {
    /// The article itself (its text is what every span indexes).
    #[serde(flatten)]
    pub article: Article,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Quotes (direct, partial, indirect, scare) in text order.
    pub quotes: Vec<Quote>,
    /// Date expressions in text order.
    pub dates: Vec<DateMention>,
    /// Quantities in text order.
    pub quantities: Vec<Quantity>,
    /// Entities, ordered by first mention.
    pub entities: Vec<Entity>,
    /// Problems met while reading or extracting this article.
    pub diagnostics: Vec<Diagnostic>,
}

impl Extraction {
    /// Checks the invariants every [`crate::extract`] result keeps, and
    /// returns the first one broken, described: every span fits the article
    /// text ([`Span::fits`]) and slices back to the text stored beside it
    /// (quotes, dates, quantities, roles); sentences come in text order
    /// without overlapping; quote indices (sentence, speaker entity,
    /// continued quote) point at existing earlier items; a date is
    /// `resolved` exactly when it has a value.
    ///
    /// The fuzz targets and the hostile-input tests run this on every
    /// extraction; it is also a cheap sanity check for extractions read back
    /// from JSON.
    ///
    /// ```
    /// use crosscheck_parse::{extract, Article, ItemKind, Span, ValidationError};
    /// let mut x = extract(Article {
    ///     text: "“We prefer diplomacy,” Antony Blinken said.".into(),
    ///     ..Article::default()
    /// });
    /// assert_eq!(x.validate(), Ok(()));
    /// x.quotes[0].span = Span::new(1, 5); // inside the opening mark
    /// let e = x.validate().unwrap_err();
    /// assert!(matches!(
    ///     e,
    ///     ValidationError::SpanOutsideText { item: ItemKind::Quote, index: 0, .. }
    /// ));
    /// assert!(e.to_string().starts_with("quote 0: span [1, 5] does not fit"));
    /// ```
    pub fn validate(&self) -> Result<(), ValidationError> {
        let text = self.article.text.as_str();
        let fits = |span: Span, item: ItemKind, index: usize| {
            if span.fits(text) {
                Ok(())
            } else {
                Err(ValidationError::SpanOutsideText {
                    item,
                    index,
                    span,
                    text_len: text.len(),
                })
            }
        };
        let slices = |span: Span, expected: &str, item: ItemKind, index: usize| {
            fits(span, item, index)?;
            if span.slice(text) == expected {
                Ok(())
            } else {
                Err(ValidationError::SpanTextMismatch {
                    item,
                    index,
                    span,
                    found: span.slice(text).to_string(),
                    expected: expected.to_string(),
                })
            }
        };
        let out_of_range = |item: ItemKind, index: usize, field: &'static str| {
            Err(ValidationError::IndexOutOfRange { item, index, field })
        };
        let mut prev_end = 0;
        for (i, s) in self.sentences.iter().enumerate() {
            fits(s.span, ItemKind::Sentence, i)?;
            if s.span.start < prev_end {
                return Err(ValidationError::SentenceOrder { index: i });
            }
            prev_end = s.span.end;
        }
        for (i, q) in self.quotes.iter().enumerate() {
            slices(q.span, &q.text, ItemKind::Quote, i)?;
            if let Some(s) = q.speaker_span {
                fits(s, ItemKind::QuoteSpeaker, i)?;
            }
            if q.speaker_entity.is_some_and(|e| e >= self.entities.len()) {
                return out_of_range(ItemKind::Quote, i, "speaker entity");
            }
            if q.continues.is_some_and(|c| c >= i) {
                return Err(ValidationError::ContinuesLaterQuote { index: i });
            }
            if !self.sentences.is_empty() && q.sentence >= self.sentences.len() {
                return out_of_range(ItemKind::Quote, i, "sentence index");
            }
        }
        for (i, d) in self.dates.iter().enumerate() {
            slices(d.span, &d.text, ItemKind::Date, i)?;
            if d.resolved != d.value.is_some() {
                return Err(ValidationError::ResolvedFlag { index: i });
            }
        }
        for (i, q) in self.quantities.iter().enumerate() {
            slices(q.span, &q.text, ItemKind::Quantity, i)?;
        }
        for (i, e) in self.entities.iter().enumerate() {
            for m in &e.mentions {
                fits(*m, ItemKind::EntityMention, i)?;
            }
            for r in &e.roles {
                slices(r.span, &r.text, ItemKind::EntityRole, i)?;
            }
        }
        Ok(())
    }
}

// Constructors for the output types: they are `#[non_exhaustive]` (fields
// may be added), so code outside this crate (tests, fixtures, other
// extractors) builds them here and sets the other public fields after.

impl Diagnostic {
    /// A diagnostic at no particular offset.
    pub fn new(
        origin: impl Into<String>,
        severity: DiagnosticLevel,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            origin: origin.into(),
            severity,
            message: message.into(),
            offset: None,
        }
    }
}

impl Sentence {
    /// A sentence with its span and paragraph index.
    pub fn new(span: Span, paragraph: usize) -> Sentence {
        Sentence { span, paragraph }
    }
}

impl Quote {
    /// A quote of `kind` in sentence `sentence`, with no speaker, cue or
    /// continuation yet (`Attribution::None`).
    pub fn new(text: impl Into<String>, span: Span, kind: QuoteKind, sentence: usize) -> Quote {
        Quote {
            text: text.into(),
            span,
            kind,
            speaker: None,
            speaker_span: None,
            speaker_entity: None,
            cue: None,
            attribution: Attribution::None,
            sentence,
            continues: None,
        }
    }
}

impl DateMention {
    /// A date mention of `kind` with its value (resolved when there is
    /// one, read as absolute), no time, duration, reference or range.
    pub fn new(
        text: impl Into<String>,
        span: Span,
        kind: TimexKind,
        value: Option<DateValue>,
        granularity: Granularity,
    ) -> DateMention {
        DateMention {
            text: text.into(),
            span,
            resolved: value.is_some(),
            value,
            granularity,
            reading: DateReading::Absolute,
            reason: None,
            time_of_day: None,
            kind,
            time: None,
            duration: None,
            reference: None,
            range: None,
        }
    }
}

impl RangeEnd {
    /// One end of a date range.
    pub fn new(
        text: impl Into<String>,
        span: Span,
        value: Option<DateValue>,
        granularity: Granularity,
    ) -> RangeEnd {
        RangeEnd {
            text: text.into(),
            span,
            value,
            granularity,
        }
    }
}

impl Quantity {
    /// A figure: its value, qualifier and interval, no unit yet, counted
    /// (`QuantityKind::Count`).
    pub fn new(
        text: impl Into<String>,
        span: Span,
        value: f64,
        qualifier: Qualifier,
        interval: Interval,
    ) -> Quantity {
        Quantity {
            text: text.into(),
            span,
            value,
            qualifier,
            interval,
            unit: None,
            kind: QuantityKind::Count,
            against: None,
        }
    }
}

impl Role {
    /// A role as written, with its span.
    pub fn new(text: impl Into<String>, span: Span) -> Role {
        Role {
            text: text.into(),
            span,
        }
    }
}

impl Entity {
    /// An entity with no aliases, roles or mentions yet.
    pub fn new(name: impl Into<String>, kind: EntityKind) -> Entity {
        Entity {
            name: name.into(),
            kind,
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: Vec::new(),
        }
    }
}

impl Interval {
    /// The interval between `low` and `high` (`None`: unbounded), each end
    /// included or not.
    pub fn new(
        low: Option<f64>,
        high: Option<f64>,
        low_inclusive: bool,
        high_inclusive: bool,
    ) -> Interval {
        Interval {
            low,
            high,
            low_inclusive,
            high_inclusive,
        }
    }
}

impl Extraction {
    /// Trims every vector of the extraction to its length. The extractors
    /// grow their vectors by pushing, which leaves up to half of each
    /// allocation unused: a caller that keeps many extractions
    /// (`crosscheck compare` keeps them until the report is written) calls
    /// this on each; at 100,000 articles the slack was about a third of
    /// the extractions' memory. The contents do not change.
    ///
    /// ```
    /// use crosscheck_parse::{extract, Article};
    ///
    /// let mut x = extract(Article::new("a", "“We will stay,” Jane Roe said on Monday."));
    /// let before = x.clone();
    /// x.shrink_to_fit();
    /// assert_eq!(x, before);
    /// assert_eq!(x.quotes.capacity(), x.quotes.len());
    /// ```
    pub fn shrink_to_fit(&mut self) {
        self.sentences.shrink_to_fit();
        self.quotes.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.quantities.shrink_to_fit();
        self.diagnostics.shrink_to_fit();
        self.entities.shrink_to_fit();
        for e in &mut self.entities {
            e.aliases.shrink_to_fit();
            e.roles.shrink_to_fit();
            e.mentions.shrink_to_fit();
        }
    }

    /// An extraction of `article` with its sentences and nothing found yet.
    pub fn new(article: Article, sentences: Vec<Sentence>) -> Extraction {
        Extraction {
            article,
            sentences,
            quotes: Vec::new(),
            dates: Vec::new(),
            quantities: Vec::new(),
            entities: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}
