//! The corpus generator and the recall checker, shared by the
//! `gen_corpus` example (`examples/gen_corpus/main.rs`) and the test
//! `tests/gen_corpus.rs` (which includes this file with `#[path]`).
//!
//! # What it builds
//!
//! `generate(&Params { articles, seed })` writes `articles` news articles
//! as *text* (they go through the real ingest and extractors, unlike
//! `crosscheck_align::fixture::corpus`, which builds `Extraction`s
//! directly). Articles come in **stories** of 3 to 6 articles (uniform);
//! every article of a story reports the same invented event and is
//! published on the same day, so relative dates ("on Friday") resolve to
//! the same day unless a perturbation changes the weekday.
//!
//! The sentences are those of the two seed articles in `seeds/` (the US
//! and NATO answers to Russia, January 2022), rewritten as
//! [`TEMPLATES`] with slots. Per story the slots are filled with:
//!
//! - two people: a given name from `crates/parse/data/lexicon/given_name.tsv`
//!   and an invented surname unique in the corpus, each with a role
//!   (minister titles, which the role comparison tells apart);
//! - a meeting city, a country and an organisation, drawn from the
//!   gazetteers `crates/parse/data/places.tsv` and `organizations.tsv`;
//! - one invented word per template (unique in the corpus: the story's
//!   "rare" words, used as the names of plans, summits, regions);
//! - two weekdays (never the publication weekday), a summit date 3 to 40
//!   days after publication, a troop count (10,000 to 150,000), an aid
//!   package (1.0 to 9.9 billion dollars) and a price rise (2 to 15 %);
//! - the words of three quotes, each with one word that may be swapped.
//!
//! A story keeps each template with probability 0.85, so stories differ
//! in shape too.
//!
//! # Perturbations (seeded, per article)
//!
//! Every article but the first of a story (the reference, which keeps the
//! story's values) applies each of these independently:
//!
//! | perturbation | probability | planted finding |
//! |---|---|---|
//! | one of the two weekdays or the summit date changed | 0.25 | `date` |
//! | the troop count doubled or halved, the aid or the price rise changed | 0.25 | `quantity` |
//! | the meeting moved to another city | 0.15 | `place` |
//! | the first quote given to the other person | 0.15 | `attribution` |
//! | the first person given another minister title | 0.15 | `speaker_role` |
//! | one quoted word swapped ("dialogue"/"negotiations", "open"/"ajar", "key"/"decisive") | 0.25 | `quote_wording` |
//!
//! and, in every article including the first, these, which must *not*
//! give findings:
//!
//! | perturbation | probability |
//! |---|---|
//! | paraphrase: each sentence in its second wording | 0.3 per sentence |
//! | a sentence dropped | 0.08 per sentence |
//! | the sentences shuffled | 0.3 |
//! | 1 to 3 unrelated filler sentences (own invented words) inserted | always |
//! | "You may also like" line (seed boilerplate) appended | 0.3 |
//! | headline: another verb | 0.5 |
//!
//! # Expected findings
//!
//! For every pair of articles of a story and every slot carried by a
//! sentence present in both, a differing value is one planted
//! discrepancy (so two perturbed articles that changed the same value
//! differently also differ from each other). A quote given to another
//! speaker is an `attribution` (its wording, if also changed, is not
//! counted separately); a role is compared when the sentence naming it is
//! in both articles. Each line of `expected.jsonl` holds the kind, the two
//! article ids (`a` sorts first), the two values as written in the text,
//! an `anchor` (a story word present in both claims), and the two
//! sentences.
//!
//! # Randomness
//!
//! A splitmix64 generator (Steele, Lea & Flood 2014; constants as in
//! `java.util.SplittableRandom`), seeded from `seed` and the story index,
//! so the same `(articles, seed)` gives the same bytes on every platform,
//! and a story's text does not depend on how many articles follow it.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};

/// splitmix64: tiny, fast, well-mixed, and fully specified.
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`; the modulo bias is negligible here).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Generation parameters.
#[derive(Clone, Debug)]
pub struct Params {
    /// Number of articles.
    pub articles: usize,
    /// Seed of the generator.
    pub seed: u64,
}

/// One generated article (the fields the JSON-lines ingest reads).
#[derive(Clone, Debug)]
pub struct GenArticle {
    pub id: String,
    pub source: String,
    pub published: NaiveDate,
    pub title: String,
    pub text: String,
}

/// One planted discrepancy.
#[derive(Clone, Debug, PartialEq)]
pub struct Planted {
    pub kind: String,
    pub a: String,
    pub b: String,
    pub a_value: String,
    pub b_value: String,
    pub anchor: Option<String>,
    pub a_text: String,
    pub b_text: String,
}

/// A generated corpus.
pub struct Corpus {
    pub articles: Vec<GenArticle>,
    pub expected: Vec<Planted>,
}

/// Probabilities of the perturbations (see the module docs).
pub const P_DATE: f64 = 0.25;
pub const P_QUANTITY: f64 = 0.25;
pub const P_PLACE: f64 = 0.15;
pub const P_SPEAKER: f64 = 0.15;
pub const P_ROLE: f64 = 0.15;
pub const P_QUOTE_WORD: f64 = 0.25;
pub const P_PARAPHRASE: f64 = 0.3;
pub const P_DROP: f64 = 0.08;
pub const P_SHUFFLE: f64 = 0.3;
pub const P_KEEP_TEMPLATE: f64 = 0.85;

/// The sentence templates, each in two wordings, adapted from the seed
/// articles. Slots: `{A}`/`{a}` first person full name/surname, `{B}`/`{b}`
/// second person, `{RA}`/`{RB}` their roles, `{S1}` speaker of the first
/// quote, `{CITY}`, `{CTRY}`, `{ORG}`, `{W}` the template's own story word,
/// `{DAY1}`, `{DAY2}`, `{SUMMIT}`, `{TROOPS}`, `{MONEY}`, `{PCT}`, `{QW1}`,
/// `{QW2}`, `{QW3}` the swappable quoted words.
pub const TEMPLATES: &[[&str; 2]] = &[
    // 0: role of A, first weekday.
    [
        "{A}, the {RA}, {warned|said|cautioned} on {DAY1} that {CTRY} would face {sanctions|penalties|tariffs} over the {W} {dispute|affair|quarrel} if the {V} {talks|negotiations|mediation} failed.",
        "On {DAY1}, {A}, the {RA}, {warned|said|cautioned} that {CTRY} would face {sanctions|penalties|tariffs} unless the {W} {dispute|affair|quarrel} was {settled|resolved} through the {V} {channel|track|process}.",
    ],
    // 1: troops.
    [
        "{Some|About|Around} {TROOPS} {soldiers|troops} are now {massed|deployed|stationed} near the {W} {border|frontier|coast}, {officials|diplomats|sources} in {V} said.",
        "{Officials|Diplomats|Sources} in {V} said {some|about|around} {TROOPS} {soldiers|troops} were now {massed|deployed|stationed} near the {W} {border|frontier|coast}.",
    ],
    // 2: first quote (speaker A, or B when perturbed).
    [
        "“We {prefer|choose|want} {diplomacy|a settlement|compromise}, we are ready for {QW1} on the {W} {proposals|demands|offer} and the {V} {guarantees|clauses|terms},” {S1} said.",
        "“We {prefer|choose|want} {diplomacy|a settlement|compromise}, we are ready for {QW1} on the {W} {proposals|demands|offer} and the {V} {guarantees|clauses|terms},” {S1} told reporters.",
    ],
    // 3: meeting: place and second weekday.
    [
        "{a} and {b} met in {CITY} on {DAY2} to {discuss|review|debate} the {W} {plan|roadmap|framework} for the {V} {corridor|pipeline|reservoir}.",
        "On {DAY2}, {a} met {b} in {CITY}, where the two {discussed|reviewed|debated} the {W} {plan|roadmap|framework} for the {V} {corridor|pipeline|reservoir}.",
    ],
    // 4: summit date.
    [
        "The {W} {summit|conference|forum} on the {V} {accord|treaty|charter} will take place on {SUMMIT}, according to {ORG} {diplomats|envoys|delegates}.",
        "According to {ORG} {diplomats|envoys|delegates}, the {W} {summit|conference|forum} on the {V} {accord|treaty|charter} will be held on {SUMMIT}.",
    ],
    // 5: second quote (speaker B).
    [
        "“The door to the {W} {talks|process|dialogue} with {V} remains {QW2},” insisted {b}.",
        "“The door to the {W} {talks|process|dialogue} with {V} remains {QW2},” {b} insisted.",
    ],
    // 6: role of B, aid package.
    [
        "{B}, the {RB}, said the {W} {aid|relief|recovery} {package|programme|fund} for {V} was worth {MONEY}.",
        "The {W} {aid|relief|recovery} {package|programme|fund} for {V} is worth {MONEY}, said {B}, the {RB}.",
    ],
    // 7: third quote (speaker B).
    [
        "“We are facing a {QW3} moment for {security|stability|peace} in the {W} region and in {V},” acknowledged {b}.",
        "“We are facing a {QW3} moment for {security|stability|peace} in the {W} region and in {V},” {b} acknowledged.",
    ],
    // 8: price rise.
    [
        "{Prices|Costs} of {W} {grain|steel|fuel|timber|copper} {rose|climbed|jumped} {PCT} percent {during the crisis|since the spring|over the winter}, {traders|analysts|brokers} in {V} said.",
        "{Traders|Analysts|Brokers} in {V} said {prices|costs} of {W} {grain|steel|fuel|timber|copper} had {risen|climbed|jumped} {PCT} percent {during the crisis|since the spring|over the winter}.",
    ],
    // 9: context, no value.
    [
        "The {W} {crisis|standoff|row} has raised {concern|alarm|fears} for {peace|stability} across {V}, where {diplomats|mediators|negotiators} now seek {dialogue|a deal|calm} at all costs.",
        "{Concern|Alarm|Fear} for {peace|stability} has grown across {V} with the {W} {crisis|standoff|row}, and {diplomats|mediators|negotiators} now seek {dialogue|a deal|calm} at all costs.",
    ],
    // 10: context, no value.
    [
        "The {written|formal|joint} response rejected one of the main {W} {requests|conditions|claims} but left the door open to {diplomacy|talks|contacts} on {V}.",
        "The {written|formal|joint} answer turned down one of the main {W} {requests|conditions|claims} while leaving the door open to {diplomacy|talks|contacts} on {V}.",
    ],
];

/// Unrelated filler sentences (from the unrelated case corpus and the
/// seeds' page furniture), each with its own invented words `{F1}`,
/// `{F2}` and a person `{FN}`.
pub const FILLER: &[&str] = &[
    "{Residents|Farmers|Drivers} of the {F1} {district|county|parish} reported {heavy snow|flooding|storm damage} and closed {roads|lanes|tracks} near the {F2} {bridge|dam|crossing} of {F3}.",
    "The {F1} {museum|library|gallery} reopened its {F2} {wing|hall|collection} after a {long|costly|two-year} renovation, {F3} organisers said.",
    "“We never stopped believing in {F1},” {coach|captain|manager} {FN} said after the {F2} {match|final|derby} against {F3}.",
    "{Oil|Gas|Coal} traders at the {F1} terminal {weighed|assessed|discussed} supply risks as demand for {F2} {recovered|slowed|stalled} in {F3}.",
    "{Organisers|Promoters|Volunteers} of the {F1} {festival|fair|marathon} expect record crowds at the {F2} venue in {F3} this {summer|autumn|spring}.",
    "A new {F1} {railway|tram|bus} line will link the {F2} {valley|suburbs|harbour} to {F3}, {planners|engineers|councillors} said.",
];

const ROLES_A: &[&str] = &[
    "foreign minister",
    "defence minister",
    "finance minister",
    "interior minister",
    "energy minister",
    "trade minister",
    "health minister",
    "justice minister",
];
const ROLES_B: &[&str] = &[
    "ambassador",
    "chief negotiator",
    "special envoy",
    "government spokesman",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const QW1: &[&str] = &["dialogue", "negotiations"];
const QW2: &[&str] = &["open", "ajar"];
const QW3: &[&str] = &["key", "decisive"];
const SOURCES: &[&str] = &[
    "wire-a", "wire-b", "daily-c", "site-d", "paper-e", "net-f", "radio-g",
];
const SYLLABLES: &[&str] = &[
    "ka", "lor", "vin", "dra", "mes", "tul", "bor", "zen", "qua", "rip", "sol", "ne", "vat", "ghe",
    "lim", "os", "tar", "bel", "cru", "fen", "mav", "dri", "pol", "sur", "tem", "wa", "yor", "hal",
    "nic", "bru", "sef", "gan", "ul", "rod", "pim", "tha", "ve", "kos", "lun", "mer", "dor", "fal",
    "gri", "hov", "jun", "kel", "mun", "nar", "pet", "rav", "sib", "tov", "ur", "vos", "wil",
    "zor", "bre", "cal", "dun", "fir",
];

const GIVEN: &str = include_str!("../../crates/parse/data/lexicon/given_name.tsv");
const PLACES: &str = include_str!("../../crates/parse/data/places.tsv");
const ORGS: &str = include_str!("../../crates/parse/data/organizations.tsv");

fn given_names() -> Vec<&'static str> {
    GIVEN
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.split_whitespace())
        .filter(|w| w.is_ascii())
        .collect()
}

fn canonical_names(tsv: &'static str) -> Vec<&'static str> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .filter(|n| n.is_ascii() && !n.contains(' '))
        .collect()
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Invented words, unique across the whole corpus.
struct Words {
    used: HashSet<String>,
}

impl Words {
    fn fresh(&mut self, r: &mut SplitMix64, syllables: usize) -> String {
        loop {
            let w: String = (0..syllables).map(|_| *r.pick(SYLLABLES)).collect();
            if w.len() >= 6 && self.used.insert(w.clone()) {
                return w;
            }
        }
    }
}

/// The values of one article (the story's, perturbed).
#[derive(Clone, Debug)]
struct Values {
    role_a: usize,
    s1_is_b: bool,
    city: usize,
    day1: usize,
    day2: usize,
    summit: NaiveDate,
    troops: u64,
    money_tenths: u64,
    pct: u64,
    qw: [usize; 3],
}

fn fmt_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn fmt_money(tenths: u64) -> String {
    format!("${}.{} billion", tenths / 10, tenths % 10)
}

fn fmt_day(d: NaiveDate) -> String {
    format!("{} {}", d.day(), MONTHS[d.month0() as usize])
}

struct Story {
    a_full: String,
    a_sur: String,
    b_full: String,
    b_sur: String,
    role_b: &'static str,
    cities: Vec<&'static str>,
    country: &'static str,
    org: &'static str,
    /// Per template: its two story words `{W}`, `{V}`.
    words: Vec<(String, String)>,
    /// Per template: both wordings with the story's synonyms chosen.
    texts: Vec<[String; 2]>,
    published: NaiveDate,
    templates: Vec<usize>,
    base: Values,
}

fn other_day(r: &mut SplitMix64, not: &[usize]) -> usize {
    loop {
        let d = r.below(7);
        if !not.contains(&d) {
            return d;
        }
    }
}

/// Resolves the synonym groups `{x|y|z}` of a template (slots, without
/// `|`, are kept): the `g`-th group takes option `picks[g] % n`, so the two
/// wordings of a template, given the same picks, quote the same words.
fn choose(t: &str, picks: &[u64]) -> String {
    let mut g = 0;
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let j = i + rest[i..].find('}').expect("closed group");
        let inner = &rest[i + 1..j];
        if inner.contains('|') {
            let options: Vec<&str> = inner.split('|').collect();
            out.push_str(options[(picks[g % picks.len()] % options.len() as u64) as usize]);
            g += 1;
        } else {
            out.push_str(&rest[i..=j]);
        }
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    out
}

/// Fills a template's slots for one article.
fn render(t: &str, s: &Story, v: &Values, words: &(String, String)) -> String {
    let s1 = if v.s1_is_b { &s.b_sur } else { &s.a_sur };
    t.replace("{A}", &s.a_full)
        .replace("{a}", &s.a_sur)
        .replace("{B}", &s.b_full)
        .replace("{b}", &s.b_sur)
        .replace("{RA}", ROLES_A[v.role_a])
        .replace("{RB}", s.role_b)
        .replace("{S1}", s1)
        .replace("{CITY}", s.cities[v.city])
        .replace("{CTRY}", s.country)
        .replace("{ORG}", s.org)
        .replace("{W}", &cap(&words.0))
        .replace("{V}", &cap(&words.1))
        .replace("{DAY1}", WEEKDAYS[v.day1])
        .replace("{DAY2}", WEEKDAYS[v.day2])
        .replace("{SUMMIT}", &fmt_day(v.summit))
        .replace("{TROOPS}", &fmt_thousands(v.troops))
        .replace("{MONEY}", &fmt_money(v.money_tenths))
        .replace("{PCT}", &v.pct.to_string())
        .replace("{QW1}", QW1[v.qw[0]])
        .replace("{QW2}", QW2[v.qw[1]])
        .replace("{QW3}", QW3[v.qw[2]])
}

/// The value slots: (template, kind, value as written).
fn slots(s: &Story, v: &Values) -> Vec<(usize, &'static str, String)> {
    vec![
        (0, "speaker_role", ROLES_A[v.role_a].to_string()),
        (0, "date", WEEKDAYS[v.day1].to_string()),
        (1, "quantity", fmt_thousands(v.troops)),
        (3, "place", s.cities[v.city].to_string()),
        (3, "date", WEEKDAYS[v.day2].to_string()),
        (4, "date", fmt_day(v.summit)),
        (6, "quantity", fmt_money(v.money_tenths)),
        (8, "quantity", format!("{} percent", v.pct)),
        (
            2,
            "attribution",
            if v.s1_is_b { &s.b_sur } else { &s.a_sur }.clone(),
        ),
        (2, "quote_wording", QW1[v.qw[0]].to_string()),
        (5, "quote_wording", QW2[v.qw[1]].to_string()),
        (7, "quote_wording", QW3[v.qw[2]].to_string()),
    ]
}

fn new_story(index: usize, seed: u64, words: &mut Words, pools: &Pools) -> Story {
    let mut r = SplitMix64::new(seed ^ (index as u64).wrapping_mul(0xd1b5_4a32_d192_ed03));
    let a_sur = cap(&words.fresh(&mut r, 4));
    let b_sur = cap(&words.fresh(&mut r, 4));
    let a_full = format!("{} {a_sur}", r.pick(&pools.given));
    let b_full = format!("{} {b_sur}", r.pick(&pools.given));
    let c0 = r.below(pools.places.len());
    let mut c1 = r.below(pools.places.len());
    while c1 == c0 {
        c1 = r.below(pools.places.len());
    }
    let mut country = *r.pick(&pools.places);
    while country == pools.places[c0] || country == pools.places[c1] {
        country = *r.pick(&pools.places);
    }
    let org = *r.pick(&pools.orgs);
    let words_: Vec<(String, String)> = (0..TEMPLATES.len())
        .map(|_| (words.fresh(&mut r, 4), words.fresh(&mut r, 4)))
        .collect();
    let texts: Vec<[String; 2]> = TEMPLATES
        .iter()
        .map(|[x, y]| {
            let picks: Vec<u64> = (0..16).map(|_| r.next_u64()).collect();
            [choose(x, &picks), choose(y, &picks)]
        })
        .collect();
    let published =
        NaiveDate::from_ymd_opt(2021, 1, 1).unwrap() + Duration::days(r.below(900) as i64);
    let pub_wd = published.weekday().num_days_from_monday() as usize;
    let templates: Vec<usize> = (0..TEMPLATES.len())
        .filter(|_| r.chance(P_KEEP_TEMPLATE))
        .collect();
    let day1 = other_day(&mut r, &[pub_wd]);
    let day2 = other_day(&mut r, &[pub_wd]);
    let base = Values {
        role_a: r.below(ROLES_A.len()),
        s1_is_b: false,
        city: 0,
        day1,
        day2,
        summit: published + Duration::days(3 + r.below(38) as i64),
        troops: 1000 * (10 + r.below(141) as u64),
        money_tenths: 10 + r.below(90) as u64,
        pct: 2 + r.below(14) as u64,
        qw: [0, 0, 0],
    };
    Story {
        a_full,
        a_sur,
        b_full,
        b_sur,
        role_b: ROLES_B[r.below(ROLES_B.len())],
        cities: vec![pools.places[c0], pools.places[c1]],
        country,
        org,
        words: words_,
        texts,
        published,
        templates,
        base,
    }
}

fn perturb(r: &mut SplitMix64, s: &Story) -> Values {
    let mut v = s.base.clone();
    let pub_wd = s.published.weekday().num_days_from_monday() as usize;
    if r.chance(P_DATE) {
        match r.below(3) {
            0 => v.day1 = other_day(r, &[pub_wd, v.day1]),
            1 => v.day2 = other_day(r, &[pub_wd, v.day2]),
            _ => v.summit += Duration::days(1 + r.below(5) as i64),
        }
    }
    if r.chance(P_QUANTITY) {
        match r.below(3) {
            0 => {
                v.troops = if r.chance(0.5) {
                    v.troops * 2
                } else {
                    (v.troops / 2000).max(1) * 1000
                }
            }
            1 => v.money_tenths += 5 + r.below(30) as u64,
            _ => v.pct += 3 + r.below(5) as u64,
        }
    }
    if r.chance(P_PLACE) {
        v.city = 1;
    }
    if r.chance(P_SPEAKER) {
        v.s1_is_b = true;
    }
    if r.chance(P_ROLE) {
        v.role_a = (v.role_a + 1 + r.below(ROLES_A.len() - 1)) % ROLES_A.len();
    }
    if r.chance(P_QUOTE_WORD) {
        v.qw[r.below(3)] = 1;
    }
    v
}

struct Pools {
    given: Vec<&'static str>,
    places: Vec<&'static str>,
    orgs: Vec<&'static str>,
}

/// One article's rendering: the text and, per template, its sentence.
struct Rendered {
    values: Values,
    sentences: BTreeMap<usize, String>,
}

/// Generates a corpus (see the module docs).
pub fn generate(p: &Params) -> Corpus {
    let pools = Pools {
        given: given_names(),
        places: canonical_names(PLACES),
        orgs: canonical_names(ORGS),
    };
    let mut words = Words {
        used: HashSet::new(),
    };
    let mut articles = Vec::with_capacity(p.articles);
    let mut expected = Vec::new();
    let mut story_index = 0usize;
    while articles.len() < p.articles {
        let story = new_story(story_index, p.seed, &mut words, &pools);
        let mut r = SplitMix64::new(
            p.seed.wrapping_add(0x5851_f42d_4c95_7f2d) ^ (story_index as u64).rotate_left(17),
        );
        let size = (3 + r.below(4)).min(p.articles - articles.len());
        let mut rendered: Vec<(String, Rendered)> = Vec::new();
        for k in 0..size {
            let id = format!("s{story_index:06}-{k}");
            let values = if k == 0 {
                story.base.clone()
            } else {
                perturb(&mut r, &story)
            };
            let mut sentences = BTreeMap::new();
            let mut body: Vec<String> = Vec::new();
            for &t in &story.templates {
                if r.chance(P_DROP) {
                    continue;
                }
                let variant = usize::from(r.chance(P_PARAPHRASE));
                let s = render(&story.texts[t][variant], &story, &values, &story.words[t]);
                sentences.insert(t, s.clone());
                body.push(s);
            }
            if r.chance(P_SHUFFLE) {
                for i in (1..body.len()).rev() {
                    let j = r.below(i + 1);
                    body.swap(i, j);
                }
            }
            for _ in 0..1 + r.below(3) {
                let picks: Vec<u64> = (0..8).map(|_| r.next_u64()).collect();
                let f = choose(FILLER[r.below(FILLER.len())], &picks)
                    .replace("{F3}", &cap(&words.fresh(&mut r, 4)))
                    .replace("{F1}", &cap(&words.fresh(&mut r, 4)))
                    .replace("{F2}", &cap(&words.fresh(&mut r, 4)))
                    .replace(
                        "{FN}",
                        &format!("{} {}", r.pick(&pools.given), cap(&words.fresh(&mut r, 4))),
                    );
                let at = r.below(body.len() + 1);
                body.insert(at, f);
            }
            // Paragraphs of one to three sentences, as in the seeds.
            let mut text = String::new();
            let mut i = 0;
            while i < body.len() {
                let n = (1 + r.below(3)).min(body.len() - i);
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(&body[i..i + n].join(" "));
                i += n;
            }
            if r.chance(0.3) {
                text.push_str("\n\nYou may also like");
            }
            let verb = if r.chance(0.5) { "warns" } else { "cautions" };
            let title = format!(
                "{} {verb} {} over {} dispute",
                story.a_full,
                story.country,
                cap(&story.words[0].0)
            );
            articles.push(GenArticle {
                id: id.clone(),
                source: r.pick(SOURCES).to_string(),
                published: story.published,
                title,
                text,
            });
            rendered.push((id, Rendered { values, sentences }));
        }
        // Expected: every pair, every slot both carry, differing values.
        for i in 0..rendered.len() {
            for j in i + 1..rendered.len() {
                let (ia, ra) = &rendered[i];
                let (ib, rb) = &rendered[j];
                let (sa, sb) = (slots(&story, &ra.values), slots(&story, &rb.values));
                let speaker_differs = ra.values.s1_is_b != rb.values.s1_is_b;
                for ((t, kind, va), (_, _, vb)) in sa.into_iter().zip(sb) {
                    if va == vb {
                        continue;
                    }
                    let (Some(ta), Some(tb)) = (ra.sentences.get(&t), rb.sentences.get(&t)) else {
                        continue;
                    };
                    if t == 2 && kind == "quote_wording" && speaker_differs {
                        continue;
                    }
                    expected.push(Planted {
                        kind: kind.to_string(),
                        a: ia.clone(),
                        b: ib.clone(),
                        a_value: va,
                        b_value: vb,
                        anchor: (kind != "speaker_role").then(|| cap(&story.words[t].0)),
                        a_text: ta.clone(),
                        b_text: tb.clone(),
                    });
                }
            }
        }
        story_index += 1;
    }
    Corpus { articles, expected }
}

/// Story of an article id (`s000042-3` → `s000042`).
pub fn story_of(id: &str) -> &str {
    id.split('-').next().unwrap_or(id)
}

/// A finding as the checker sees it (from a JSON report or an
/// `Alignment`).
#[derive(Clone, Debug, Default)]
pub struct Found {
    pub kind: String,
    pub a: String,
    pub b: String,
    pub a_text: String,
    pub b_text: String,
    pub a_value: String,
    pub b_value: String,
    pub a_speaker: String,
    pub b_speaker: String,
}

/// One mention of a finding's variant, as the checker sees it.
#[derive(Clone, Debug, Default)]
pub struct Side {
    pub article: String,
    pub text: String,
    pub value: String,
    pub speaker: String,
}

/// A finding as pairs of articles, the way the planted findings are
/// written: for a discrepancy every two mentions of different variants,
/// for an agreement every two mentions of its one variant (a finding
/// carried by n articles is one finding; the pairs are only for scoring).
/// Side A is the article id that sorts first.
pub fn pairs(kind: &str, variants: &[Vec<Side>]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut push = |x: &Side, y: &Side| {
        if x.article == y.article {
            return;
        }
        let (x, y) = if x.article <= y.article {
            (x, y)
        } else {
            (y, x)
        };
        out.push(Found {
            kind: kind.to_string(),
            a: x.article.clone(),
            b: y.article.clone(),
            a_text: x.text.clone(),
            b_text: y.text.clone(),
            a_value: x.value.clone(),
            b_value: y.value.clone(),
            a_speaker: x.speaker.clone(),
            b_speaker: y.speaker.clone(),
        });
    };
    if variants.len() == 1 {
        let v = &variants[0];
        for i in 0..v.len() {
            for j in i + 1..v.len() {
                push(&v[i], &v[j]);
            }
        }
    }
    for i in 0..variants.len() {
        for j in i + 1..variants.len() {
            for x in &variants[i] {
                for y in &variants[j] {
                    push(x, y);
                }
            }
        }
    }
    out
}

/// Recall and precision figures.
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Per kind: (planted, found).
    pub by_kind: BTreeMap<String, (usize, usize)>,
    /// Discrepancies between articles of different stories.
    pub cross_story: usize,
    /// Agreements between articles of different stories.
    pub cross_story_agreements: usize,
    /// Discrepancies within a story that match no planted one, per kind.
    pub unplanned: BTreeMap<String, usize>,
}

impl Score {
    /// Found / planted over all kinds.
    pub fn recall(&self) -> f64 {
        let (p, f) = self
            .by_kind
            .values()
            .fold((0, 0), |(p, f), (x, y)| (p + x, f + y));
        if p == 0 {
            1.0
        } else {
            f as f64 / p as f64
        }
    }

    /// A readable table.
    pub fn table(&self) -> String {
        let mut s = String::from("kind            planted   found  recall  unplanned\n");
        let (mut tp, mut tf, mut tu) = (0, 0, 0);
        let mut kinds: Vec<&String> = self.by_kind.keys().chain(self.unplanned.keys()).collect();
        kinds.sort();
        kinds.dedup();
        for k in kinds {
            let (p, f) = self.by_kind.get(k).copied().unwrap_or((0, 0));
            let u = self.unplanned.get(k).copied().unwrap_or(0);
            let r = if p == 0 { 1.0 } else { f as f64 / p as f64 };
            s.push_str(&format!("{k:<14} {p:>8} {f:>7} {r:>7.3} {u:>10}\n"));
            tp += p;
            tf += f;
            tu += u;
        }
        s.push_str(&format!(
            "{:<14} {tp:>8} {tf:>7} {:>7.3} {tu:>10}\n",
            "all",
            self.recall()
        ));
        s.push_str(&format!(
            "cross-story discrepancies: {}\ncross-story agreements: {}\n",
            self.cross_story, self.cross_story_agreements
        ));
        s
    }
}

fn side_has(text: &str, value: &str, speaker: &str, v: &str) -> bool {
    text.contains(v) || value.contains(v) || speaker.contains(v)
}

fn matches(e: &Planted, f: &Found) -> bool {
    if e.kind != f.kind || e.a != f.a || e.b != f.b {
        return false;
    }
    if let Some(anchor) = &e.anchor {
        if !f.a_text.contains(anchor.as_str()) || !f.b_text.contains(anchor.as_str()) {
            return false;
        }
    }
    side_has(&f.a_text, &f.a_value, &f.a_speaker, &e.a_value)
        && side_has(&f.b_text, &f.b_value, &f.b_speaker, &e.b_value)
}

/// Compares found findings with the planted ones.
pub fn check(expected: &[Planted], found: &[Found]) -> Score {
    let mut score = Score::default();
    // Index the planted findings by article pair.
    let mut by_pair: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, e) in expected.iter().enumerate() {
        by_pair.entry((&e.a, &e.b)).or_default().push(i);
        score.by_kind.entry(e.kind.clone()).or_default().0 += 1;
    }
    let mut hit = vec![false; expected.len()];
    for f in found {
        let cross = story_of(&f.a) != story_of(&f.b);
        if f.kind == "agreement" || f.kind == "matched" {
            score.cross_story_agreements += usize::from(cross);
            continue;
        }
        if cross {
            score.cross_story += 1;
            continue;
        }
        let cands = by_pair.get(&(f.a.as_str(), f.b.as_str()));
        let m = cands
            .into_iter()
            .flatten()
            .copied()
            .find(|&i| !hit[i] && matches(&expected[i], f));
        match m {
            Some(i) => {
                hit[i] = true;
                score.by_kind.get_mut(&expected[i].kind).unwrap().1 += 1;
            }
            None => *score.unplanned.entry(f.kind.clone()).or_default() += 1,
        }
    }
    score
}
