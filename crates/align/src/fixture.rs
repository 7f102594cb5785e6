//! A small builder for hand-made [`Extraction`]s, for tests, examples and
//! benches: write the article text, then mark quotes, dates, quantities,
//! people and places by substring.
//!
//! Behind the `test-util` feature: a test helper, not part of the
//! library's API.
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
    sentences, Article, Attribution, DateMention, DateValue, Entity, EntityKind, Extraction,
    Granularity, Interval, Qualifier, Quantity, Quote, QuoteKind, Role, Span, TimexKind,
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
            x: Extraction::new(article, sentences::split(text)),
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
        let mut quote = Quote::new(needle, span, kind, sentence);
        if let Some(s) = speaker {
            quote.speaker = Some(s.to_string());
            quote.attribution = Attribution::Verb;
        }
        self.x.quotes.push(quote);
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
        self.x.dates.push(DateMention::new(
            needle,
            span,
            TimexKind::Date,
            Some(v),
            granularity,
        ));
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
            Qualifier::MoreThan => Interval::new(Some(value), None, false, false),
            Qualifier::AtLeast => Interval::new(Some(value), None, true, false),
            Qualifier::LessThan => Interval::new(Some(0.0), Some(value), true, false),
            Qualifier::AtMost => Interval::new(Some(0.0), Some(value), true, true),
            Qualifier::About => Interval::new(Some(value * 0.9), Some(value * 1.1), true, true),
            Qualifier::Nearly => Interval::new(Some(value * 0.9), Some(value), true, false),
            _ => Interval::point(value),
        };
        let mut quantity = Quantity::new(needle, span, value, qualifier, interval);
        quantity.unit = unit.map(str::to_string);
        self.x.quantities.push(quantity);
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
            .map(|r| Role::new(*r, all_spans(text, r).first().copied().unwrap_or_default()))
            .collect();
        let mut entity = Entity::new(name, kind);
        entity.aliases = aliases.iter().map(|s| s.to_string()).collect();
        entity.roles = roles;
        entity.mentions = mentions;
        self.x.entities.push(entity);
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

    /// Sets the outlet.
    pub fn source(mut self, source: &str) -> Doc {
        self.x.article.source = Some(source.to_string());
        self
    }

    /// Sets the URL.
    pub fn url(mut self, url: &str) -> Doc {
        self.x.article.url = Some(url.to_string());
        self
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

/// A tiny deterministic generator (64-bit LCG); no global state.
#[derive(Clone, Debug)]
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lor", "vin", "dra", "mes", "tul", "bor", "zen", "qua", "rip", "sol", "ne", "vat", "ghe",
    "lim", "os", "tar", "bel", "cru", "fen",
];

fn word(r: &mut Lcg, syllables: usize) -> String {
    (0..syllables)
        .map(|_| SYLLABLES[r.below(SYLLABLES.len())])
        .collect()
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A generated corpus of `articles` articles in stories of five, written
/// from seed-like templates (a minister's warning, troops massed at a
/// border, a quoted call for dialogue, a summit, a meeting of counterparts,
/// a second quote, an analysts' sentence).
///
/// Each story has its own invented names, city and rare words; each
/// article of a story applies documented perturbations, each with a fixed
/// chance: sentences dropped (15 %) or reordered (rotation, 30 %); the
/// opening clause rephrased (50 %); the weekday moved by one day (20 %);
/// the troop number changed (20 %); one quoted word swapped (20 %); a typo
/// in a rare word (10 %); the second quote unattributed (10 %) or given to
/// the other person (5 %). Deterministic for a given `seed`.
pub fn corpus(articles: usize, seed: u64) -> Vec<Extraction> {
    stories(articles, 5, seed)
}

/// One story as [`corpus`] writes them, carried by `outlets` articles
/// (ids `s00000-0`, `s00000-1`, …).
///
/// ```
/// let docs = crosscheck_align::fixture::story(12, 7);
/// assert_eq!(docs.len(), 12);
/// assert!(docs.iter().all(|d| d.article.id.starts_with("s00000-")));
/// ```
pub fn story(outlets: usize, seed: u64) -> Vec<Extraction> {
    stories(outlets, outlets.max(1), seed)
}

fn stories(articles: usize, per_story: usize, seed: u64) -> Vec<Extraction> {
    let mut out = Vec::with_capacity(articles);
    let mut story_rng = Lcg(seed ^ 0x9e37_79b9_7f4a_7c15);
    let mut story = 0usize;
    while out.len() < articles {
        let p_sur = cap(&word(&mut story_rng, 3));
        let q_sur = cap(&word(&mut story_rng, 3));
        let p = format!("{} {p_sur}", cap(&word(&mut story_rng, 2)));
        let q = format!("{} {q_sur}", cap(&word(&mut story_rng, 2)));
        let city = cap(&word(&mut story_rng, 3));
        let org = word(&mut story_rng, 3).to_uppercase();
        let w: Vec<String> = (0..8).map(|_| word(&mut story_rng, 3)).collect();
        let day = story_rng.below(7);
        let troops = 1000 * (10 + story_rng.below(150));
        for k in 0..per_story {
            if out.len() >= articles {
                break;
            }
            let mut r = Lcg(seed
                .wrapping_add((story * per_story + k) as u64)
                .wrapping_mul(0x2545_f491_4f6c_dd1d));
            let d = if r.chance(20) { (day + 1) % 7 } else { day };
            let n = if r.chance(20) { troops * 2 } else { troops };
            let verb = if r.chance(50) { "warned" } else { "cautioned" };
            let qw = if r.chance(20) { "genuine" } else { "serious" };
            let mut w1 = w[1].clone();
            if r.chance(10) {
                w1.insert(1, 'x');
            }
            let q_speaker = if r.chance(10) {
                None
            } else if r.chance(5) {
                Some(p.clone())
            } else {
                Some(q.clone())
            };
            let date_text = WEEKDAYS[d];
            let date_value = format!("2022-01-{:02}", 17 + d);
            let quote1 = format!(
                "We prefer diplomacy, we are ready for a {qw} {} dialogue",
                w[3]
            );
            let quote2 = format!("The door to {org} remains open to {}", w[5]);
            let mut sents: Vec<String> = vec![
                format!("{p} {verb} on {date_text} that {org} would impose {} sanctions on {city} if the {w1} talks failed.", w[0]),
                format!("Some {n} soldiers are massed near the {} border, officials in {city} said.", w[2]),
                format!("“{quote1},” {p_sur} said."),
                format!("The {} summit in {city} will take place by mid-February, according to {org}.", w[4]),
                format!("{p}, the foreign minister, met his counterpart {q} in {city} to discuss the {} plan.", w[6]),
                format!("“{quote2},” insisted {}.", if q_speaker.is_some() { q_sur.as_str() } else { "an official" }),
                format!("Analysts said the {} proposal could ease tensions over the {} region for months.", w[7], w[2]),
            ];
            if r.chance(30) {
                sents.rotate_left(1 + r.below(3));
            }
            let keep: Vec<String> = sents.into_iter().filter(|_| !r.chance(15)).collect();
            let text = keep.join(" ");
            let id = format!("s{story:05}-{k}");
            let mut doc = Doc::new(&id, &text);
            if text.contains(&p) {
                doc = doc.person(&p, &[&p_sur], &["foreign minister"]);
            }
            if text.contains(&q) || text.contains(&q_sur) {
                doc = doc.person(&q, &[&q_sur], &[]);
            }
            if text.contains(&city) {
                doc = doc.place(&city);
            }
            if text.contains(&quote1) {
                doc = doc.quote(&quote1, Some(&p));
            }
            if text.contains(&quote2) {
                doc = doc.quote(&quote2, q_speaker.as_deref());
            }
            if text.contains(date_text) {
                doc = doc.date(date_text, &date_value);
            }
            let nt = format!("Some {n} soldiers");
            if text.contains(&nt) {
                doc = doc.quantity(&nt, n as f64, Qualifier::About, Some("soldiers"));
            }
            if text.contains("by mid-February") {
                doc = doc.date("by mid-February", "2022-02-10/2022-02-20");
            }
            out.push(doc.build());
        }
        story += 1;
    }
    out
}
