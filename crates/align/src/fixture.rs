//! A small builder for hand-made [`Extraction`]s, for tests, examples and
//! benches: write the article text, then mark quotes, dates, quantities,
//! people and places by substring.
//!
//! ```
//! use crosscheck_align::fixture::Doc;
//! let x = Doc::new("a", "“We prefer diplomacy,” Antony Blinken said on Friday.")
//!     .person("Antony Blinken", &["Blinken"], &[])
//!     .quote("We prefer diplomacy", Some("Antony Blinken"))
//!     .date("Friday", "2022-01-21")
//!     .build();
//! assert_eq!(x.quotes[0].speaker_entity, Some(0));
//! assert_eq!(x.dates[0].span.slice(&x.article.text), "Friday");
//! ```

use chrono::NaiveDate;
use crosscheck_parse::{
    sentences, Article, Attribution, DateMention, DateReading, DateValue, Entity, EntityKind,
    Extraction, Granularity, Interval, Qualifier, Quantity, QuantityKind, Quote, QuoteKind, Role,
    Span,
};

/// Builder of one article's extraction. Every `needle` must occur in the
/// text (the first occurrence is used); the builder panics otherwise.
#[derive(Clone, Debug)]
pub struct Doc {
    x: Extraction,
    speakers: Vec<Option<String>>,
}

fn all_spans(text: &str, needle: &str) -> Vec<Span> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

fn parse_day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|_| panic!("bad date {s}"))
}

impl Doc {
    /// A new article with id `id` and body `text`; sentences are split with
    /// the parse crate's splitter.
    pub fn new(id: &str, text: &str) -> Doc {
        let article = Article {
            id: id.to_string(),
            text: text.to_string(),
            origin: format!("{id}.txt"),
            ..Article::default()
        };
        Doc {
            x: Extraction {
                sentences: sentences::split(text),
                article,
                quotes: Vec::new(),
                dates: Vec::new(),
                quantities: Vec::new(),
                entities: Vec::new(),
                diagnostics: Vec::new(),
            },
            speakers: Vec::new(),
        }
    }

    fn find(&self, needle: &str) -> Span {
        *all_spans(&self.x.article.text, needle)
            .first()
            .unwrap_or_else(|| panic!("{needle:?} not in article {}", self.x.article.id))
    }

    /// Marks a direct quote of `speaker` (a person's canonical name, or
    /// `None` for unattributed).
    pub fn quote(self, needle: &str, speaker: Option<&str>) -> Doc {
        self.quote_as(needle, QuoteKind::Direct, speaker)
    }

    /// Marks a quote of the given kind.
    pub fn quote_as(mut self, needle: &str, kind: QuoteKind, speaker: Option<&str>) -> Doc {
        let span = self.find(needle);
        let sentence = self
            .x
            .sentences
            .iter()
            .position(|s| {
                s.span.start <= span.start && span.start < s.span.end.max(s.span.start + 1)
            })
            .unwrap_or(0);
        self.x.quotes.push(Quote {
            text: needle.to_string(),
            span,
            kind,
            speaker: speaker.map(str::to_string),
            speaker_span: None,
            speaker_entity: None,
            cue: None,
            attribution: if speaker.is_some() {
                Attribution::Verb
            } else {
                Attribution::None
            },
            sentence,
            continues: None,
        });
        self.speakers.push(speaker.map(str::to_string));
        self
    }

    /// Marks a date: `value` is `YYYY-MM-DD` (a day) or
    /// `YYYY-MM-DD/YYYY-MM-DD` (an interval).
    pub fn date(self, needle: &str, value: &str) -> Doc {
        let g = if value.contains('/') {
            Granularity::PartOfMonth
        } else {
            Granularity::Day
        };
        self.date_as(needle, value, g)
    }

    /// Marks a date with an explicit granularity.
    pub fn date_as(mut self, needle: &str, value: &str, granularity: Granularity) -> Doc {
        let span = self.find(needle);
        let v = match value.split_once('/') {
            Some((a, b)) => DateValue::Interval {
                start: parse_day(a),
                end: parse_day(b),
            },
            None => DateValue::Day(parse_day(value)),
        };
        self.x.dates.push(DateMention {
            text: needle.to_string(),
            span,
            value: Some(v),
            granularity,
            reading: DateReading::Absolute,
            resolved: true,
            reason: None,
            time_of_day: None,
        });
        self
    }

    /// Marks a count of `unit` with value `value`, qualified by
    /// `qualifier` (the interval follows: `MoreThan` gives `(v, ∞)`,
    /// `About` ±10 %, and so on).
    pub fn quantity(
        mut self,
        needle: &str,
        value: f64,
        qualifier: Qualifier,
        unit: Option<&str>,
    ) -> Doc {
        let span = self.find(needle);
        let interval = match qualifier {
            Qualifier::Exact | Qualifier::Between => Interval::point(value),
            Qualifier::MoreThan => Interval {
                low: Some(value),
                high: None,
                low_inclusive: false,
                high_inclusive: false,
            },
            Qualifier::AtLeast => Interval {
                low: Some(value),
                high: None,
                low_inclusive: true,
                high_inclusive: false,
            },
            Qualifier::LessThan => Interval {
                low: Some(0.0),
                high: Some(value),
                low_inclusive: true,
                high_inclusive: false,
            },
            Qualifier::AtMost => Interval {
                low: Some(0.0),
                high: Some(value),
                low_inclusive: true,
                high_inclusive: true,
            },
            Qualifier::About => Interval {
                low: Some(value * 0.9),
                high: Some(value * 1.1),
                low_inclusive: true,
                high_inclusive: true,
            },
            Qualifier::Nearly => Interval {
                low: Some(value * 0.9),
                high: Some(value),
                low_inclusive: true,
                high_inclusive: false,
            },
        };
        self.x.quantities.push(Quantity {
            text: needle.to_string(),
            span,
            value,
            qualifier,
            interval,
            unit: unit.map(str::to_string),
            kind: QuantityKind::Count,
        });
        self
    }

    fn entity(mut self, name: &str, kind: EntityKind, aliases: &[&str], roles: &[&str]) -> Doc {
        let text = &self.x.article.text;
        let mut mentions: Vec<Span> = all_spans(text, name);
        for a in aliases {
            for s in all_spans(text, a) {
                if !mentions.iter().any(|m| m.overlaps(&s)) {
                    mentions.push(s);
                }
            }
        }
        mentions.sort();
        let roles = roles
            .iter()
            .map(|r| Role {
                text: r.to_string(),
                span: all_spans(text, r).first().copied().unwrap_or_default(),
            })
            .collect();
        self.x.entities.push(Entity {
            name: name.to_string(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            roles,
            mentions,
        });
        self
    }

    /// Declares a person with aliases and roles (roles are located in the
    /// text when present).
    pub fn person(self, name: &str, aliases: &[&str], roles: &[&str]) -> Doc {
        self.entity(name, EntityKind::Person, aliases, roles)
    }

    /// Declares a place; every occurrence of `name` is a mention.
    pub fn place(self, name: &str) -> Doc {
        self.entity(name, EntityKind::Place, &[], &[])
    }

    /// Declares an organisation.
    pub fn org(self, name: &str, aliases: &[&str]) -> Doc {
        self.entity(name, EntityKind::Organization, aliases, &[])
    }

    /// Sets the publication date (`YYYY-MM-DD`).
    pub fn published(mut self, date: &str) -> Doc {
        self.x.article.published = Some(parse_day(date));
        self
    }

    /// The extraction, with items in text order and quote speakers linked
    /// to their entities.
    pub fn build(mut self) -> Extraction {
        self.x.entities.sort_by_key(|e| {
            e.mentions
                .first()
                .copied()
                .unwrap_or(Span::new(usize::MAX, usize::MAX))
        });
        let mut qs: Vec<(Quote, Option<String>)> = self
            .x
            .quotes
            .drain(..)
            .zip(self.speakers.drain(..))
            .collect();
        qs.sort_by_key(|(q, _)| q.span);
        for (q, sp) in &mut qs {
            if let Some(name) = sp {
                q.speaker_entity = self.x.entities.iter().position(|e| {
                    e.kind == EntityKind::Person && (&e.name == name || e.aliases.contains(name))
                });
                if let Some(i) = q.speaker_entity {
                    q.speaker = Some(self.x.entities[i].name.clone());
                }
            }
        }
        self.x.quotes = qs.into_iter().map(|(q, _)| q).collect();
        self.x.dates.sort_by_key(|d| d.span);
        self.x.quantities.sort_by_key(|q| q.span);
        self.x
    }
}
