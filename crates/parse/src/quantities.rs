//! Numbers and amounts, with qualifiers, as intervals.
//!
//! [`extract`] finds counts (“130,000 troops”), money (“€1.2 billion in
//! aid”), percentages (“3.9%”, “12 per cent”) and fractions (“a third of”)
//! and turns each into a [`Quantity`]: the value as written, the qualifier in
//! front of it and the [`Interval`] that qualifier allows, so that a later
//! stage can ask whether two reports can both be true
//! ([`Interval::overlaps`]).
//!
//! # What is read
//!
//! - Digits: `130,000`, `100 000` (space or narrow no-break space grouping),
//!   `1.5`, with a scale word after (`thousand`, `million`, `billion`,
//!   `trillion`, `hundred`, `dozen`, `bn`, `mn`, `tn`; `m`, `k`, `b` only
//!   straight after a currency amount: `€50m`), an optional `+`
//!   (`5,000+` reads as *at least*) and `-strong` (`a 30,000-strong force`).
//! - Number words: `one` … `ninety-nine`, `hundred`, `thousand`, `million`,
//!   `billion`, `trillion`, `dozen` (`a hundred`, `two dozen`,
//!   `two hundred and fifty`, `two and a half years`, `half a million`).
//!   A capitalised number word is only read at the start of a sentence
//!   (`Formula One`, `Group of Seven` are names).
//! - Fractions (kind [`QuantityKind::Fraction`], value in `[0, 1]`):
//!   `a third`, `two-thirds`, `a quarter`, `three quarters`, `a fifth` …
//!   `a tenth`, only when followed by `of` or punctuation (`a third round`
//!   is an ordinal); `half` when followed by `of`/a determiner
//!   (`half the troops`), not after `first`/`second`/`other`.
//! - Vague amounts, read as qualifier [`Qualifier::About`] with a band of 2 to
//!   10 times the base, high end open: `dozens of` → `[24, 120)`,
//!   `scores of` → `[40, 200)`, `hundreds of` → `[200, 1000)`,
//!   `thousands of` → `[2000, 10000)`, `tens of thousands of` →
//!   `[20000, 100000)`, `hundreds of thousands of` → `[200000, 1000000)`.
//!   `several` + scale is `[3, 10)` times the scale and `a few` + scale
//!   `[2, 6)` times. `value` is the low end.
//! - Currency: `$` (read as USD), `US$`, `A$`, `C$`, `HK$`, `NZ$`, `€`, `£`,
//!   `¥` (JPY), `₽`, `₴`, `₹`, ISO codes written before (`USD 3 billion`) or
//!   after, and words after (`dollars`, `euros`, `pounds sterling`,
//!   `roubles`/`rubles`, `hryvnias`, `yuan`, `yen`). The ISO code goes in
//!   [`QuantityKind::Currency`].
//! - Percent: `%`, `percent`, `per cent`, `pct`; `percentage point(s)` gives
//!   unit `percentage points`, otherwise the unit is `percent`.
//! - Ranges, qualifier [`Qualifier::Between`], interval `[a, b]` closed,
//!   `value` = `a`: `between a and b`, `from a to b`, `a to b`, `a or b`,
//!   `a-b`, `a–b`. A scale, percent sign or currency written on one end
//!   applies to the other (`2 to 5 million`, `2-5%`, `$2-3 billion`); the
//!   scale of `b` applies to `a` only when `a` ≤ `b` as written
//!   (`500,000 to 1 million` keeps `a` = 500000). `a` must be below `b`;
//!   `3-1` (a score) and `2021-22` are not quantities at all, and
//!   `rose from 5 to 10` (a change verb before) gives two exact numbers.
//!
//! # Qualifiers and their intervals
//!
//! | qualifier words | [`Qualifier`] | interval |
//! |---|---|---|
//! | (none) | `Exact` | `[n, n]` (the comparer decides rounding tolerance) |
//! | more than, over, above, in excess of, upwards of, greater than, well/just over | `MoreThan` | `(n, ∞)` |
//! | at least, no fewer/less than, not less/fewer than, a minimum of; `n+` | `AtLeast` | `[n, ∞)` |
//! | less than, fewer than, under, below, well under/below | `LessThan` | `[0, n)` |
//! | up to, at most, no/not more than, as many/much as, a maximum of | `AtMost` | `[0, n]` |
//! | about, around, some, roughly, approximately, (an) estimated, close to, circa, in the region of | `About` | `[0.9·n, 1.1·n]` (±10 %) |
//! | nearly, almost, just under/below, just shy of, slightly less than | `Nearly` | `[0.9·n, n)` |
//! | between a and b, a to b, a-b | `Between` | `[a, b]` |
//!
//! Fractions never exceed 1: *more than a third* is `(1/3, 1]`. `over`
//! before a span of time (`over two years`) is read as the preposition
//! *during*, so the number is `Exact` and `over` is left out of the span.
//!
//! # The counted noun (`unit`)
//!
//! After the number, up to four words are scanned, stopping at function
//! words (`of`, `near`, `are`, `we` …) and punctuation. The unit is the first
//! plural-looking lowercase word (so `130,000 Russian troops` and
//! `8,500 U.S. troops` give `troops`), else the last lowercase word not
//! ending in `-ed` (`one soldier`, `$3 billion in military aid` → `aid`),
//! else the first lowercase word (`30 killed`). Capitalised words are never
//! the unit. A number word of two or more needs a plural-looking noun
//! (`the two met` is skipped, `the two sides` counts). For vague amounts
//! and fractions the noun after `of (the|its|…)` is taken (`tens of
//! thousands of troops`). For money, the unit is the noun straight after or
//! after `in`/`of` (`$3 billion in aid` → `aid`), else `None`. For
//! percentages it is `percent`. The span covers qualifier, number and unit.
//!
//! # What is *not* a quantity
//!
//! Precision matters more than recall (a false number is a false
//! discrepancy later), so these are skipped:
//! - dates: a number next to a month name (`4 February`, `February 2`,
//!   `January 26, 2022`, `2-4 March`), `2022-01-26`, `26/01/2022`;
//! - bare years: an ungrouped integer from 1800 to 2100 without qualifier,
//!   currency, percent or scale (`in 2021`, `since 1949`; also, sadly,
//!   `2000 troops`, which wire copy writes `2,000`);
//! - times: `9 a.m.`, `9am`, `10:30`, `0900 GMT`, numbers with a leading zero;
//! - ordinals (`2nd`, `first`), decades (`1990s`), numbers glued to letters
//!   or hyphens (`G7`, `COVID-19`, `F-16`, `5G`, `10km`, `45-year-old`);
//! - ages in apposition: `Joe Biden, 79, said` (a bare number up to 130
//!   between commas after a capitalised word);
//! - labels: a number after `Article`, `No.`, `section`, `page`, `flight`,
//!   `top`, `day` …, list numbers (`1.` / `(3)` at a line start), and a bare
//!   ungrouped integer right after a capitalised word that does not start
//!   the sentence (`Apollo 11`, `Boeing 737`, `Minsk 2`);
//! - `one` used as a pronoun: bare `one` counts only when a noun follows
//!   that is not `of` or an idiom (`one of Moscow’s requests`, `one day`,
//!   `no one` are skipped; `one soldier` is a count);
//! - a number word below 100 without a noun after it (`the two met`), and
//!   any number word followed by `of` (`two of the soldiers`);
//! - `a` alone, `many`, `several`, `few` alone.
//!
//! Extraction never panics and runs in time linear in the text: it tokenises
//! once and looks a bounded number of tokens around each one. Matches are in
//! text order and never overlap. Sentence boundaries (from `sentences`, plus
//! line breaks) are never crossed.

use crate::analysis::{Analysis, Shape, TokKind, Token};
use crate::lexicon::{self, Class, Classes};
use crate::model::{Interval, Qualifier, Quantity, QuantityKind, Sentence, Span};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Finds quantities in `text`, in text order, never overlapping.
///
/// `sentences` (as from [`crate::sentences::split`]) mark boundaries a
/// quantity may not cross; an empty slice is fine (line breaks still count).
///
/// ```
/// use crosscheck_parse::quantities::extract;
/// use crosscheck_parse::{Qualifier, QuantityKind};
///
/// let text = "On 4 February more than 100 thousand soldiers were massed, \
///             against about 90,000 troops in 2021.";
/// let q = extract(text, &[]);
/// assert_eq!(q.len(), 2);
/// assert_eq!(q[0].text, "more than 100 thousand soldiers");
/// assert_eq!(q[0].value, 100_000.0);
/// assert_eq!(q[0].qualifier, Qualifier::MoreThan);
/// assert_eq!(q[0].unit.as_deref(), Some("soldiers"));
/// assert_eq!(q[0].kind, QuantityKind::Count);
/// assert_eq!(q[0].span.slice(text), q[0].text);
/// assert_eq!(q[1].qualifier, Qualifier::About);
/// // ±10 % of 90,000 stays below 100,000: the two claims conflict.
/// assert!(!q[0].interval.overlaps(&q[1].interval));
/// ```
pub fn extract(text: &str, sentences: &[Sentence]) -> Vec<Quantity> {
    // the tokens of the whole text, whatever sentences are given
    let dead = dead_ranges(text, sentences, Analysis::new(text).pieces());
    extract_skipping(text, sentences, &dead)
}

/// [`extract`] over an article's [`Analysis`]: the parser still reads its
/// own tokens (numbers grouped with spaces, currency signs), but only in
/// the parts of the text whose analysis tokens hold a number or a
/// quantity word ([`dead_ranges`]); its word tests go through the lexicon.
pub(crate) fn extract_from(a: &Analysis) -> Vec<Quantity> {
    let text = a.text();
    let sentences = a.sentences();
    let dead = dead_ranges(text, sentences, a.pieces());
    extract_skipping(text, sentences, &dead)
}

/// [`extract`], leaving out the `dead` ranges but for their first
/// [`DEAD_KEEP`] tokens (the result is the same as with none left out).
fn extract_skipping(text: &str, sentences: &[Sentence], dead: &[(usize, usize)]) -> Vec<Quantity> {
    let lower = text.to_ascii_lowercase();
    let (toks, nums) = tokenize(text, &lower, sentences, dead);
    let p = Parser { text, toks, nums };
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        match p.parse_at(i) {
            Some((q, next)) if next > i => {
                out.push(q);
                i = next;
            }
            _ => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------

/// Qualifier phrases, longest first within each leading word.
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["a", "little", "more", "than"], Qualifier::MoreThan),
    (&["slightly", "more", "than"], Qualifier::MoreThan),
    (&["a", "little", "over"], Qualifier::MoreThan),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["more", "than"], Qualifier::MoreThan),
    (&["well", "over"], Qualifier::MoreThan),
    (&["well", "above"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["just", "above"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["at", "least"], Qualifier::AtLeast),
    (&["slightly", "less", "than"], Qualifier::Nearly),
    (&["slightly", "fewer", "than"], Qualifier::Nearly),
    (&["just", "shy", "of"], Qualifier::Nearly),
    (&["just", "under"], Qualifier::Nearly),
    (&["just", "below"], Qualifier::Nearly),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["well", "under"], Qualifier::LessThan),
    (&["well", "below"], Qualifier::LessThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["in", "the", "region", "of"], Qualifier::About),
    (&["on", "the", "order", "of"], Qualifier::About),
    (&["an", "estimated"], Qualifier::About),
    (&["close", "to"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["about"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["some"], Qualifier::About),
];

/// Defines `fn $name(w: &str) -> bool`, true for exactly the listed words,
/// as one `match` (a switch on the length and a few compares, where
/// `LIST.contains(&w)` compared with every entry in turn).
macro_rules! word_list {
    ($(#[$m:meta])* fn $name:ident = [$($w:literal),* $(,)?];) => {
        $(#[$m])*
        fn $name(w: &str) -> bool {
            matches!(w, $($w)|*)
        }
    };
}

word_list! {
    /// Words after which a number is a label, not an amount.
    fn is_label_word = [
        "article",
        "articles",
        "section",
        "sections",
        "chapter",
        "page",
        "pages",
        "paragraph",
        "clause",
        "item",
        "no",
        "nos",
        "number",
        "line",
        "route",
        "flight",
        "room",
        "phase",
        "round",
        "step",
        "level",
        "grade",
        "category",
        "class",
        "type",
        "version",
        "model",
        "seat",
        "gate",
        "lane",
        "exit",
        "platform",
        "channel",
        "district",
        "ward",
        "zone",
        "highway",
        "interstate",
        "resolution",
        "decree",
        "amendment",
        "protocol",
        "stage",
        "vol",
        "volume",
        "issue",
        "episode",
        "season",
        "part",
        "figure",
        "fig",
        "table",
        "appendix",
        "annex",
        "top",
        "day",
        "week",
        "aged",
        "age",
        "ages",
        "minsk",
        "stream",
        "covid",
        "mark",
        "mk",
        "unit",
        "block",
        "building",
        "terminal",
        "sector",
        "point",
        "title",
        "rule",
        "act",
        "law",
        "p",
        "pp",
        "art",
        "sec",
        "ch",
        "para",
        "ref",
        "tel",
        "phone",
        "ext",
        "code",
        "score",
        "scored",
        "won",
        "lost",
        "beat",
        "drew",
    ];
}

word_list! {
    /// Words after a number that make it a clock time.
    fn is_time_word = [
        "a.m.",
        "p.m.",
        "am",
        "pm",
        "gmt",
        "utc",
        "est",
        "edt",
        "cet",
        "cest",
        "bst",
        "msk",
        "pst",
        "pdt",
        "et",
        "o'clock",
        "o’clock",
        "hrs",
    ];
}

word_list! {
    /// Words that end the scan for a counted noun.
    fn is_stop_word = [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "for",
        "with",
        "without",
        "by",
        "near",
        "into",
        "onto",
        "across",
        "along",
        "around",
        "about",
        "over",
        "under",
        "above",
        "below",
        "between",
        "among",
        "against",
        "during",
        "since",
        "until",
        "till",
        "after",
        "before",
        "through",
        "toward",
        "towards",
        "per",
        "via",
        "within",
        "beyond",
        "inside",
        "outside",
        "and",
        "or",
        "but",
        "nor",
        "yet",
        "so",
        "as",
        "than",
        "then",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "no",
        "said",
        "says",
        "say",
        "told",
        "tell",
        "according",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "me",
        "him",
        "her",
        "them",
        "us",
        "our",
        "their",
        "his",
        "my",
        "your",
        "there",
        "here",
        "now",
        "also",
        "already",
        "still",
        "just",
        "only",
        "even",
        "each",
        "every",
        "all",
        "both",
        "either",
        "neither",
        "less",
        "most",
        "least",
        "if",
        "because",
        "while",
        "ago",
        "later",
        "earlier",
        "away",
        "back",
        "out",
        "up",
        "down",
        "off",
        "again",
        "too",
        "very",
        "almost",
        "nearly",
        "apiece",
        "respectively",
        "a.m.",
        "p.m.",
        "o'clock",
        "o’clock",
        "percent",
        "cent",
        "another",
        "one",
        "ones",
        "like",
        "unlike",
        "whether",
        "though",
        "although",
        "whereas",
        "once",
        "twice",
        "times",
        "remain",
        "remains",
        "remained",
        "seem",
        "seems",
        "appear",
        "appears",
        "reportedly",
        "allegedly",
        "reported",
        "thought",
        "believed",
        "expected",
        "estimated",
        "left",
        "more",
        "further",
        "something",
        "nothing",
        "anything",
        "everything",
        "someone",
        "anyone",
        "everyone",
    ];
}

/// Words skipped (not stopping the scan, never the unit) before the noun.
const NOUN_SKIP: &[&str] = &[
    "additional",
    "other",
    "extra",
    "new",
    "fresh",
    "more",
    "further",
];

/// Plurals that do not end in `s`.
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "personnel",
    "police",
    "staff",
    "aircraft",
    "feet",
    "sheep",
    "cattle",
    "livestock",
    "infantry",
    "cavalry",
];

/// Nouns after a bare `one` that make it an idiom, not a count.
const ONE_IDIOMS: &[&str] = &[
    "day",
    "time",
    "way",
    "side",
    "hand",
    "thing",
    "point",
    "reason",
    "example",
    "moment",
    "another",
    "other",
    "last",
    "such",
    "kind",
    "sort",
    "part",
    "place",
    "stage",
    "option",
    "thing",
    "question",
    "issue",
    "matter",
    "year",
    "morning",
    "evening",
    "night",
    "afternoon",
];

/// Words before a bare `one` that make it a pronoun.
const ONE_DETERMINERS: &[&str] = &[
    "no", "the", "this", "that", "any", "every", "each", "which", "such", "another", "someone",
    "anyone", "any", "a", "an", "little", "big", "new", "old", "right", "wrong", "same",
];

word_list! {
    /// Verbs of change: `rose from 5 to 10` is two numbers, not a range.
    fn is_change_verb = [
        "rose",
        "rise",
        "rises",
        "risen",
        "rising",
        "fell",
        "fall",
        "falls",
        "fallen",
        "falling",
        "increased",
        "increase",
        "increases",
        "increasing",
        "decreased",
        "decrease",
        "decreases",
        "cut",
        "cuts",
        "raised",
        "raise",
        "raises",
        "dropped",
        "drop",
        "drops",
        "climbed",
        "climb",
        "climbs",
        "jumped",
        "jump",
        "jumps",
        "grew",
        "grow",
        "grows",
        "grown",
        "reduced",
        "reduce",
        "reduces",
        "lowered",
        "lower",
        "slipped",
        "declined",
        "decline",
        "declines",
        "surged",
        "soared",
        "plunged",
        "plummeted",
        "slid",
        "went",
        "boosted",
        "expanded",
        "shrank",
        "edged",
        "eased",
        "revised",
        "changed",
        "moved",
        "swelled",
        "doubled",
        "tripled",
        "up",
        "down",
    ];
}

const TIME_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "night",
    "nights",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
];

/// Determiners skipped after `of` (`a third of the troops`).
const OF_DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "your", "my", "all", "these", "those", "this",
    "that",
];

/// Currency words written after the amount, with their ISO code.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("sterling", "GBP"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("rouble", "RUB"),
    ("ruble", "RUB"),
    ("hryvnias", "UAH"),
    ("hryvnia", "UAH"),
    ("hryvnas", "UAH"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("yen", "JPY"),
];

/// ISO codes recognised (written in capitals) before or after an amount.
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "RUB", "UAH", "CHF", "JPY", "CNY", "CAD", "AUD", "INR", "PLN", "SEK",
    "NOK", "DKK", "TRY", "HKD", "NZD", "SGD", "KRW", "BRL", "ZAR", "MXN",
];

/// Prefixes written straight before `$`.
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("US", "USD"),
    ("U.S.", "USD"),
    ("A", "AUD"),
    ("AU", "AUD"),
    ("C", "CAD"),
    ("CA", "CAD"),
    ("HK", "HKD"),
    ("NZ", "NZD"),
    ("S", "SGD"),
];

fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₽' => "RUB",
        '₴' => "UAH",
        '₹' => "INR",
        _ => return None,
    })
}

/// The value of a number word of the lexicon (“three”, “forty”).
fn small_number(w: &str) -> Option<f64> {
    lexicon::value(w, Class::NumberWord)?.parse().ok()
}

/// The factor of a scale word of the lexicon (“million”).
fn scale_word(w: &str) -> Option<f64> {
    lexicon::value(w, Class::ScaleWord)?.parse().ok()
}

/// The base of a vague plural of the lexicon (“thousands” → 1000).
fn vague_plural(w: &str) -> Option<f64> {
    lexicon::value(w, Class::VaguePlural)?.parse().ok()
}

/// Denominator of a fraction word of the lexicon, and whether the word is
/// plural (“thirds” → (3, true)).
fn denominator(w: &str) -> Option<(f64, bool)> {
    let v = lexicon::value(w, Class::FractionWord)?;
    let mut parts = v.split_whitespace();
    let d = parts.next()?.parse().ok()?;
    Some((d, parts.next() == Some("plural")))
}

/// Role bit of [`word_roles`]: a word `may_start_core` reads by its
/// lowercase form (number word, vague plural, fraction word, `several`,
/// `a`, `an`; also any word with a hyphen or non-ASCII byte).
const ROLE_CORE: u64 = 1 << 63;
/// Role bit of [`word_roles`]: `between` or `from`.
const ROLE_RANGE: u64 = 1 << 62;
/// Role bit of a token (not from [`word_roles`]: set by the tokenizer
/// from the text as written): a currency code or dollar prefix
/// ([`is_currency_prefix`]).
const ROLE_CURRENCY: u64 = 1 << 61;
/// Role bits of [`word_roles`]: bit `p` for phrase `p` of [`QUALIFIERS`],
/// set for the phrases that start with the word.
const ROLE_QUALIFIERS: u64 = (1 << QUALIFIERS.len()) - 1;
const _: () = assert!(QUALIFIERS.len() <= 61, "one role bit per qualifier phrase");

/// The role bits of every word that can start something in `parse_at`:
/// the first word of each qualifier phrase, number words, vague plurals,
/// fraction words, `several`, `a`, `an` ([`ROLE_CORE`]) and `between`,
/// `from` ([`ROLE_RANGE`]).
static STARTER_ROLES: LazyLock<FxHashMap<&'static str, u64>> = LazyLock::new(|| {
    let mut roles: FxHashMap<&'static str, u64> = FxHashMap::default();
    for (p, (words, _)) in QUALIFIERS.iter().enumerate() {
        *roles.entry(words[0]).or_default() |= 1 << p;
    }
    let numbers = lexicon::entries(Class::NumberWord).iter().map(|e| e.word);
    let words = |c: Class| lexicon::entries(c).iter().map(|e| e.word);
    let core = numbers
        .chain(words(Class::VaguePlural))
        .chain(words(Class::FractionWord))
        .chain(["several", "a", "an"]);
    for w in core {
        *roles.entry(w).or_default() |= ROLE_CORE;
    }
    for w in ["between", "from"] {
        *roles.entry(w).or_default() |= ROLE_RANGE;
    }
    roles
});

/// What the lowercase word `lower` may be to `parse_at`, as [`ROLE_CORE`],
/// [`ROLE_RANGE`] and [`ROLE_QUALIFIERS`] bits. Every word of those lists
/// is plain ASCII without a hyphen, so a word with a hyphen or non-ASCII
/// byte can only be a hyphenated number (`twenty-five`, `two-thirds`):
/// [`ROLE_CORE`].
fn word_roles(lower: &str) -> u64 {
    if lower.bytes().any(|c| c == b'-' || c >= 0x80) {
        return ROLE_CORE;
    }
    STARTER_ROLES.get(lower).copied().unwrap_or(0)
}

/// A currency code or dollar prefix as written (`USD`, `US`, `A`): the
/// only words `numeric_core` reads. All are ASCII capitals of at most four
/// bytes, a cheap test that comes first.
fn is_currency_prefix(raw: &str) -> bool {
    raw.len() <= 4
        && raw.as_bytes()[0].is_ascii_uppercase()
        && (CURRENCY_CODES.contains(&raw) || DOLLAR_PREFIXES.iter().any(|(p, _)| *p == raw))
}

fn is_number_word(w: &str) -> bool {
    small_number(w).is_some()
        || scale_word(w).is_some()
        || vague_plural(w).is_some()
        || w == "dozen"
        || w.split(['-', '‐', '‑']).all(|p| small_number(p).is_some())
}

fn plural_looking(w: &str) -> bool {
    IRREGULAR_PLURALS.contains(&w)
        || (w.chars().count() >= 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.contains('\'')
            && !w.contains('’'))
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–')
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Word,
    Num,
    Sym(char),
}

#[derive(Clone, Copy, Debug, Default)]
struct NumInfo {
    value: f64,
    grouped: bool,
    decimal: bool,
    int_digits: usize,
    /// Unusable: `5.2.1`, `3,50`, a leading zero, too many digits.
    bad: bool,
}

#[derive(Debug)]
struct Tok<'a> {
    start: usize,
    end: usize,
    kind: Kind,
    /// Lowercased text, words only (borrowed from the ASCII-lowercased
    /// copy of the text unless a non-ASCII char changes: no allocation for
    /// nearly every word). The text as written is `Parser::raw`.
    lower: Cow<'a, str>,
    /// White space between this token and the previous one.
    gap: bool,
    /// A sentence or line boundary lies before this token.
    brk: bool,
    /// Index of the number's [`NumInfo`] in `Parser::nums` (0, a default,
    /// for other tokens): numbers are few, tokens stay small.
    num: u32,
    /// [`word_roles`] of `lower` for words, plus [`ROLE_CURRENCY`] for a
    /// currency code or dollar prefix; 0 for other tokens.
    roles: u64,
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn digits_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Scans a number starting at `start` (an ASCII digit); returns its end.
fn scan_number(text: &str, start: usize) -> (usize, NumInfo) {
    let mut j = digits_end(text, start);
    let first = j - start;
    let mut info = NumInfo {
        int_digits: first,
        ..NumInfo::default()
    };
    // thousands grouping: `,ddd` or ` ddd`, one separator kind throughout
    let mut sep_kind: Option<bool> = None; // Some(true) = comma
    if first <= 3 {
        while let Some(c) = char_at(text, j) {
            let comma = c == ',';
            if !(comma || is_group_space(c)) || sep_kind.is_some_and(|k| k != comma) {
                break;
            }
            let k = j + c.len_utf8();
            let e = digits_end(text, k);
            if e - k != 3 {
                break;
            }
            sep_kind = Some(comma);
            info.grouped = true;
            info.int_digits += 3;
            j = e;
        }
    }
    // decimal part
    if char_at(text, j) == Some('.') && char_at(text, j + 1).is_some_and(|c| c.is_ascii_digit()) {
        info.decimal = true;
        j = digits_end(text, j + 1);
    }
    // anything more glued on with `.` or `,` and digits is not a plain number
    while let Some(c @ ('.' | ',')) = char_at(text, j) {
        if char_at(text, j + 1).is_some_and(|d| d.is_ascii_digit()) {
            info.bad = true;
            j = digits_end(text, j + c.len_utf8());
        } else {
            break;
        }
    }
    if info.int_digits > 15 || (first > 1 && text.as_bytes()[start] == b'0') {
        info.bad = true;
    }
    if !info.bad {
        match parse_digits(&text[start..j]) {
            Some(v) if v.is_finite() => info.value = v,
            _ => info.bad = true,
        }
    }
    (j, info)
}

/// `raw` parsed as an `f64` after dropping every char but ASCII digits and
/// `.` (the grouping of `130,000` or `100 000`); `None` when that does not
/// parse. Up to 32 kept bytes are gathered on the stack, not in a
/// `String`.
fn parse_digits(raw: &str) -> Option<f64> {
    let keep = |c: &u8| c.is_ascii_digit() || *c == b'.';
    // a byte of a non-ASCII char is never a digit or `.`
    let mut buf = [0u8; 32];
    let mut n = 0;
    for c in raw.bytes().filter(keep) {
        let Some(slot) = buf.get_mut(n) else {
            let clean: Vec<u8> = raw.bytes().filter(keep).collect();
            return std::str::from_utf8(&clean).ok()?.parse().ok();
        };
        *slot = c;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()?.parse().ok()
}

/// [`BYTE_CLASS`] bit: an ASCII letter or digit (`char::is_alphanumeric`
/// for ASCII).
const ALNUM: u8 = 1;
/// [`BYTE_CLASS`] bit: ASCII white space as `char::is_whitespace` sees it
/// (tab, line feed, vertical tab, form feed, carriage return, space).
const SPACE: u8 = 2;

/// Class bits of each byte, for the tokenizer's ASCII fast path (one load
/// instead of a chain of range tests). Bytes from 0x80 have no bit.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = ALNUM;
        }
        if crate::text::is_ascii_space(c) {
            t[b] = SPACE;
        }
        b += 1;
    }
    t
};

/// White space as [`char::is_whitespace`] sees it, for an ASCII byte.
fn is_ascii_space(b: u8) -> bool {
    BYTE_CLASS[b as usize] & SPACE != 0
}

/// General punctuation, U+2010–U+2027 and U+2030–U+205E (dashes, curly
/// quotes, bullets, primes, …): none is white space or alphanumeric, and
/// each lowercases to itself (a test checks every one against `std`).
/// News text is full of them; testing this range first skips the Unicode
/// table searches of `is_alphabetic`, `is_alphanumeric` and
/// `to_lowercase`.
fn is_general_punct(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}')
}

/// `c.is_alphabetic()`, with [`is_general_punct`] answered without a
/// table search.
fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        !is_general_punct(c) && c.is_alphabetic()
    }
}

/// True when `c.to_lowercase()` is `c` itself (`’`, `‐`, `é`; not `É`,
/// not `Σ`).
fn lowercase_is_itself(c: char) -> bool {
    let mut l = c.to_lowercase();
    l.next() == Some(c) && l.next().is_none()
}

// ---------------------------------------------------------------------------
// Skipping sentences that hold no quantity
// ---------------------------------------------------------------------------

/// Lexicon classes of the words a quantity's core can hold (besides
/// numbers and `dozen`): a number word (`two`, `twenty-five`,
/// `two-thirds`), a scale word (`a hundred`), a vague plural (`tens of`),
/// a fraction word (`half`, `a third`).
const TRIGGERS: Classes = Classes::all(&[
    Class::NumberWord,
    Class::ScaleWord,
    Class::VaguePlural,
    Class::FractionWord,
]);

/// Can the piece `t` of `text` (an analysis token, hyphenated words cut
/// at their hyphens) take part in a quantity's core? It holds an ASCII
/// digit, or one of its runs of ASCII letters is a word of [`TRIGGERS`] or
/// `dozen` (any case). A core holds a number token or such a word as a
/// token or as the part of a token before its first hyphen, which is such
/// a run in the piece around it.
fn is_trigger(text: &str, t: &Token) -> bool {
    let trigger = |c: Classes, w: &str| c.intersects(TRIGGERS) || w.eq_ignore_ascii_case("dozen");
    match t.kind {
        TokKind::Number => true,
        TokKind::Punct => false,
        TokKind::Word if t.shape.has(Shape::HAS_DIGIT) => true,
        TokKind::Word => {
            let word = t.text(text);
            // most pieces are one run of ASCII letters: their own classes
            if word.bytes().all(|b| b.is_ascii_alphabetic()) {
                return trigger(t.classes, word);
            }
            word.split(|c: char| !c.is_ascii_alphabetic())
                .any(|run| !run.is_empty() && trigger(lexicon::classes(run), run))
        }
    }
}

/// How many tokens [`tokenize`] still makes at the start of a range from
/// [`dead_ranges`] before it jumps to the range's end. The parser reads
/// past a boundary without checking it (`Parser::linked`) at most two
/// tokens after a token of the sentence (`is_num(e + 1)`,
/// `is_month(e + 2)` after a linked `e` in `numeric_core`): with these two
/// tokens kept, every token it reads is the token of the full list.
const DEAD_KEEP: u32 = 2;

/// Byte ranges of `text` whose tokens cannot take part in a quantity, in
/// order; `tokens` are the analysis pieces of all of `text` (every
/// non-space char is in one), `sentences` give the boundaries.
///
/// The text is cut at boundaries: after each line feed, and at each
/// sentence start `s` with ASCII white space before it and no digit at it
/// (so no token, not even a number grouped with spaces, runs across `s`).
/// The first token after a boundary always starts a new sentence for the
/// parser (`Tok::brk`), which never reads across one (but see
/// [`DEAD_KEEP`]); so the tokens between two boundaries form whole
/// sentences. A region none of whose analysis tokens [`is_trigger`] holds
/// no core. Adjacent dead regions are merged.
fn dead_ranges(text: &str, sentences: &[Sentence], tokens: &[Token]) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let n = b.len();
    let valid = |s: usize| s > 0 && s < n && is_ascii_space(b[s - 1]) && !b[s].is_ascii_digit();
    let mut starts: Vec<usize> = sentences.iter().map(|s| s.span.start).collect();
    starts.sort_unstable();
    // boundaries, in order: after each line feed, and the valid sentence
    // starts
    let mut bounds: Vec<usize> = memchr::memchr_iter(b'\n', b).map(|i| i + 1).collect();
    bounds.extend(starts.into_iter().filter(|&s| valid(s)));
    bounds.sort_unstable();
    bounds.dedup();
    // the live regions' [start, end), merged; the rest is dead
    let mut dead = Vec::new();
    let mut live_end = 0;
    let mut t = 0;
    let mut region_start = 0;
    for end in bounds.into_iter().chain([n]) {
        if end <= region_start {
            continue;
        }
        // the tokens starting in [region_start, end)
        let mut live = false;
        while t < tokens.len() && tokens[t].span.start < end {
            live |= tokens[t].span.start >= region_start && is_trigger(text, &tokens[t]);
            t += 1;
        }
        if live {
            if region_start > live_end {
                dead.push((live_end, region_start));
            }
            live_end = end;
        }
        region_start = end;
    }
    if n > live_end {
        dead.push((live_end, n));
    }
    dead
}

/// Splits `text` into words, numbers and single-char symbols.
///
/// `lower` must be `text.to_ascii_lowercase()` (same byte offsets): a
/// word's lowercase form borrows from it unless the word holds a non-ASCII
/// char that lowercases to something else (then it is
/// `str::to_lowercase`, as for every word before; for ASCII,
/// `to_ascii_lowercase` and `to_lowercase` agree).
///
/// Walks bytes: ASCII letters, digits and white space are classified
/// bytewise; only non-ASCII chars are decoded.
fn tokenize<'a>(
    text: &'a str,
    lower: &'a str,
    sentences: &[Sentence],
    dead: &[(usize, usize)],
) -> (Vec<Tok<'a>>, Vec<NumInfo>) {
    // sentence starts in order (`split` gives them sorted: no copy then)
    let sorted = sentences
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start);
    let mut owned_starts: Vec<usize> = Vec::new();
    if !sorted {
        owned_starts = sentences.iter().map(|s| s.span.start).collect();
        owned_starts.sort_unstable();
    }
    let start_at = |si: usize| {
        if sorted {
            sentences[si].span.start
        } else {
            owned_starts[si]
        }
    };
    let n_starts = sentences.len();
    let mut si = 0;
    // the first sentence start not yet passed (`usize::MAX`: none left)
    let mut next_start = if n_starts > 0 {
        start_at(0)
    } else {
        usize::MAX
    };
    let mut di = 0;
    // start of the next dead range (`usize::MAX`: none left)
    let mut next_dead = dead.first().map_or(usize::MAX, |d| d.0);
    // tokens still to make before jumping to `jump_to`
    let mut keep = 0;
    let mut jump_to = 0;
    let b = text.as_bytes();
    // about one token per five bytes of the live text
    let dead_bytes: usize = dead.iter().map(|d| d.1 - d.0).sum();
    let mut toks: Vec<Tok<'a>> = Vec::with_capacity((text.len() - dead_bytes) / 4 + 8);
    let mut nums = Vec::new();
    nums.push(NumInfo::default());
    let mut i = 0;
    let mut prev_end = 0;
    // a `\n` among the white space since the previous token
    let mut newline = false;
    while i < b.len() {
        if i >= next_dead {
            // a boundary: no token runs across it
            keep = DEAD_KEEP;
            jump_to = dead[di].1;
            di += 1;
            next_dead = dead.get(di).map_or(usize::MAX, |d| d.0);
        }
        let c0 = b[i];
        let c = if c0 < 0x80 {
            if is_ascii_space(c0) {
                newline |= c0 == b'\n';
                i += 1;
                continue;
            }
            c0 as char
        } else {
            let c = char_at(text, i).unwrap_or_default();
            if !is_general_punct(c) && c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            c
        };
        let start = i;
        let mut num = 0;
        let kind;
        // a word of ASCII letters and digits only
        let mut plain = false;
        if c0.is_ascii_digit() {
            let (e, info) = scan_number(text, start);
            num = nums.len() as u32;
            nums.push(info);
            i = e;
            kind = Kind::Num;
        } else if is_alpha(c) {
            let mut j = start + c.len_utf8();
            // dotted abbreviations: U.S., a.m.
            let mut k = j;
            loop {
                if b.get(k) != Some(&b'.') {
                    break;
                }
                match char_at(text, k + 1) {
                    Some(x) if is_alpha(x) && char_at(text, k + 1 + x.len_utf8()) == Some('.') => {
                        k += 1 + x.len_utf8();
                    }
                    _ => break,
                }
            }
            if k > j {
                j = k + 1; // the final dot
            } else {
                let (e, rest_plain) = word_end(text, j);
                j = e;
                plain = rest_plain && c0 < 0x80;
            }
            i = j;
            kind = Kind::Word;
        } else {
            i += c.len_utf8();
            kind = Kind::Sym(c);
        }
        let gap = start > prev_end || toks.is_empty();
        let mut brk = toks.is_empty() || newline;
        if next_start <= start {
            while si < n_starts && start_at(si) <= start {
                if start_at(si) >= prev_end {
                    brk = true;
                }
                si += 1;
            }
            next_start = if si < n_starts {
                start_at(si)
            } else {
                usize::MAX
            };
        }
        let (lower, roles) = if kind != Kind::Word {
            (Cow::Borrowed(""), 0)
        } else if plain {
            // ASCII: `to_lowercase` is the ASCII-lowercased copy, and the
            // word has no hyphen or non-ASCII byte (`word_roles`)
            let w = &lower[start..i];
            (Cow::Borrowed(w), word_roles(w))
        } else {
            let raw = &text[start..i];
            let w = if raw.is_ascii()
                || raw
                    .chars()
                    .all(|c| c.is_ascii() || is_general_punct(c) || lowercase_is_itself(c))
            {
                Cow::Borrowed(&lower[start..i])
            } else {
                Cow::Owned(raw.to_lowercase())
            };
            let roles = word_roles(&w);
            (w, roles)
        };
        // `is_currency_prefix`, its first two tests without slicing
        let roles = if kind == Kind::Word
            && i - start <= 4
            && c0.is_ascii_uppercase()
            && is_currency_prefix(&text[start..i])
        {
            roles | ROLE_CURRENCY
        } else {
            roles
        };
        toks.push(Tok {
            start,
            end: i,
            kind,
            lower,
            roles,
            gap,
            brk,
            num,
        });
        prev_end = i;
        newline = false;
        if keep > 0 {
            keep -= 1;
            if keep == 0 && i < jump_to {
                // the rest of a dead range: the next token starts a
                // sentence in the full list too
                i = jump_to;
                newline = true;
                continue;
            }
        }
        // the usual single space after a token, without a trip round the loop
        if b.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    (toks, nums)
}

/// End of a word whose first char ends at `j`: letters and digits, and
/// `'`, `’` or a hyphen when a letter follows. Also whether the rest of
/// the word is one run of ASCII letters and digits (no joiner, no
/// non-ASCII char).
fn word_end(text: &str, mut j: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let mut plain = true;
    loop {
        // the run of ASCII letters and digits
        while j < b.len() && BYTE_CLASS[b[j] as usize] & ALNUM != 0 {
            j += 1;
        }
        let Some(&d0) = b.get(j) else { break };
        let joiner = if d0 < 0x80 {
            if d0 != b'\'' && d0 != b'-' {
                break;
            }
            1
        } else {
            let d = char_at(text, j).unwrap_or_default();
            if !is_general_punct(d) && d.is_alphanumeric() {
                j += d.len_utf8();
                plain = false;
                continue;
            }
            if !matches!(d, '’' | '‐' | '‑') {
                break;
            }
            d.len_utf8()
        };
        match char_at(text, j + joiner) {
            Some(e) if is_alpha(e) => {
                j += joiner + e.len_utf8();
                plain = false;
            }
            _ => break,
        }
    }
    (j, plain)
}

// ---------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------

/// One number as written, before qualifier and unit.
#[derive(Clone, Debug)]
struct Core {
    /// First token (currency sign or number).
    first: usize,
    /// One past the last token.
    end: usize,
    /// Value as written, before the scale.
    raw: f64,
    scale: f64,
    currency: Option<&'static str>,
    /// `Some(unit)` for percentages.
    percent: Option<&'static str>,
    fraction: bool,
    /// Interval of a vague amount (`tens of thousands`).
    vague: Option<(f64, f64)>,
    /// `5,000+`.
    plus: bool,
    /// Written in words.
    words: bool,
    /// A fraction, vague amount or `half a million` wants `of` + noun.
    of_unit: bool,
    /// A small number word: only a quantity when a noun follows.
    needs_noun: bool,
}

impl Core {
    fn value(&self) -> f64 {
        self.raw * self.scale
    }
    fn kind(&self) -> QuantityKind {
        if self.percent.is_some() {
            QuantityKind::Percent
        } else if let Some(c) = self.currency {
            QuantityKind::Currency(c.to_string())
        } else if self.fraction {
            QuantityKind::Fraction
        } else {
            QuantityKind::Count
        }
    }
}

enum RangeTail {
    /// Both ends, after carrying scale/percent/currency across.
    Range(Core, Core),
    None,
    Reject,
}

struct Parser<'a> {
    text: &'a str,
    toks: Vec<Tok<'a>>,
    /// What [`Tok::num`] indexes: `nums[0]` is a default for non-numbers.
    nums: Vec<NumInfo>,
}

impl Parser<'_> {
    fn n(&self) -> usize {
        self.toks.len()
    }

    /// Token `i` as written.
    fn raw(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    /// Token `i` exists and continues the sentence of token `i - 1`.
    fn linked(&self, i: usize) -> bool {
        i > 0 && i < self.n() && !self.toks[i].brk
    }

    /// Token `i` is linked and glued to token `i - 1`.
    fn adjacent(&self, i: usize) -> bool {
        self.linked(i) && !self.toks[i].gap
    }

    /// Lowercased word at `i`, if token `i` is a word.
    fn word(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Word).then_some(&*t.lower)
    }

    /// Lowercased word at `i` when it continues the sentence, spaced.
    fn next_word(&self, i: usize) -> Option<&str> {
        if self.linked(i) && self.toks[i].gap {
            self.word(i)
        } else {
            None
        }
    }

    fn sym(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Sym(c) => Some(c),
            _ => None,
        }
    }

    fn is_num(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Num)
    }

    /// Token `i` starts a sentence, or follows a full stop or colon, or
    /// only opening marks stand between it and either (looks back at most
    /// four tokens: no recursion, bounded time).
    fn sentence_initial(&self, mut i: usize) -> bool {
        for _ in 0..4 {
            if !self.linked(i) {
                return true;
            }
            match self.sym(i - 1) {
                Some(c) if ".!?:;…".contains(c) => return true,
                Some(c) if "“\"‘'(«[—–".contains(c) => i -= 1,
                _ => return false,
            }
        }
        false
    }

    fn is_month(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else {
            return false;
        };
        let w = w.trim_end_matches('.');
        let classes = lexicon::classes(w);
        classes.intersects(Classes::all(&[Class::Month, Class::MonthAbbr]))
            && (!classes.has(Class::MonthCommonWord) || starts_upper(self.raw(i)))
    }

    fn is_weekday(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| lexicon::classes(w).has(Class::Weekday))
    }

    /// The first phrase of [`QUALIFIERS`] written at token `i`: its
    /// qualifier, length in words, and whether it is a bare `over`.
    /// `phrases` has a bit for each phrase that may start with the word at
    /// `i` ([`word_roles`]); only those are compared, in list order, so the
    /// first match is the one a scan of the whole list finds.
    fn qualifier_at(&self, i: usize, mut phrases: u64) -> Option<(Qualifier, usize, bool)> {
        if phrases == 0 {
            return None;
        }
        let w0 = self.word(i)?;
        'outer: while phrases != 0 {
            let p = phrases.trailing_zeros() as usize;
            phrases &= phrases - 1;
            let (words, q) = &QUALIFIERS[p];
            if words[0] != w0 {
                continue;
            }
            for (k, w) in words.iter().enumerate().skip(1) {
                if self.next_word(i + k) != Some(*w) {
                    continue 'outer;
                }
            }
            let bare_over = words.len() == 1 && words[0] == "over";
            return Some((*q, words.len(), bare_over));
        }
        None
    }

    /// A change verb in the few words before token `i`.
    fn change_before(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..4 {
            if !self.linked(k) {
                return false;
            }
            k -= 1;
            if self.word(k).is_some_and(is_change_verb) {
                return true;
            }
        }
        false
    }

    /// A quantity starting at token `i`, and the token after it.
    ///
    /// A word is read only for its roles ([`word_roles`]): `between`/`from`
    /// open a range, a qualifier phrase comes before a number, and
    /// `may_start_core` needs [`ROLE_CORE`] or [`ROLE_CURRENCY`]. Most words
    /// have none of these and are skipped at once.
    fn parse_at(&self, i: usize) -> Option<(Quantity, usize)> {
        let t = &self.toks[i];
        let roles = t.roles; // 0 for a number or symbol
        if let Kind::Sym(c) = t.kind {
            // what `may_start_core` says below for a symbol
            currency_symbol(c)?;
        }
        if roles == 0 && t.kind == Kind::Word {
            return None; // most words: nothing below would read them
        }
        if roles & ROLE_RANGE != 0 {
            match self.word(i) {
                Some("between") => {
                    return self.range_intro(i, "and");
                }
                Some("from") => {
                    if self.change_before(i) {
                        return None;
                    }
                    return self.range_intro(i, "to");
                }
                _ => {}
            }
        }
        if let Some((q, len, bare_over)) = self.qualifier_at(i, roles & ROLE_QUALIFIERS) {
            let j = i + len;
            if self.linked(j) {
                if !self.may_start_core(j) {
                    return None; // `core(j, true, false)` would be `None`
                }
                let res = self.quantity(i, j, q);
                if let Some((ref quant, _)) = res {
                    if bare_over
                        && quant
                            .unit
                            .as_deref()
                            .is_some_and(|u| TIME_UNITS.contains(&u))
                    {
                        return None; // `over two years`: the number is read next
                    }
                }
                return res;
            }
            return None;
        }
        if !self.may_start_core(i) {
            return None; // `core` would return `None` (most tokens)
        }
        self.quantity(i, i, Qualifier::Exact)
    }

    /// A cheap gate in front of `core(i, …)`: false only when
    /// `core(i, qualified, false)` surely returns `None`, whatever
    /// `qualified` (it only makes the checks stricter or looser further
    /// on, never lets a token in that fails all of these):
    ///
    /// - a symbol: `numeric_core` needs a currency sign;
    /// - a word: `numeric_core` needs a currency code or dollar prefix (all
    ///   ASCII capitals, at most four bytes), and `word_core` needs a vague
    ///   plural, `several`, a fraction word (`half`, …), a small number as
    ///   the first hyphen part (`five`, `twenty-five`, `two-thirds`), or
    ///   `a`/`an` before the word that makes it a number: `a few`,
    ///   `a dozen`, `a hundred`/`thousand`/…, `a`/`an` + fraction word
    ///   (`a third`, `an eighth`). Every other word falls through all of
    ///   `word_core`'s branches.
    fn may_start_core(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            Kind::Num => true,
            Kind::Sym(c) => currency_symbol(c).is_some(),
            Kind::Word => {
                let w0 = &*t.lower;
                let currency = t.roles & ROLE_CURRENCY != 0;
                if t.roles & ROLE_CORE == 0 {
                    // none of the words below: only a currency code or prefix
                    return currency;
                }
                // `a`/`an` (the most common) first: no other test below
                // holds for them
                match w0 {
                    // `vague_mult`, the `after_a` chain, `fraction_core`
                    "a" => {
                        return currency
                            || self.next_word(i + 1).is_some_and(|w| {
                                matches!(w, "few" | "dozen")
                                    || scale_word(w).is_some()
                                    || denominator(w).is_some()
                            })
                    }
                    // only `fraction_core` reads `an`
                    "an" => {
                        return currency
                            || self
                                .next_word(i + 1)
                                .is_some_and(|w| denominator(w).is_some())
                    }
                    _ => {}
                }
                // the part before the first hyphen; stops early at any other
                // non-ASCII char, which no small number contains
                let cut = w0
                    .bytes()
                    .position(|b| b == b'-' || b >= 0x80)
                    .unwrap_or(w0.len());
                small_number(&w0[..cut]).is_some()
                    || w0 == "several"
                    || vague_plural(w0).is_some()
                    || denominator(w0).is_some()
                    || currency
            }
        }
    }

    /// `between a and b`, `from a to b` starting at the word `i`.
    fn range_intro(&self, i: usize, conn: &str) -> Option<(Quantity, usize)> {
        if i + 1 >= self.n() || !self.may_start_core(i + 1) {
            return None; // `core(i + 1, false, false)` would be `None`
        }
        let a = self.core(i + 1, false, false)?;
        if !self.linked(a.first) {
            return None;
        }
        if self.next_word(a.end) != Some(conn) {
            return None;
        }
        match self.range_end(&a, a.end + 1) {
            RangeTail::Range(a, b) => self.finish(i, a, Some(b), Qualifier::Between),
            _ => None,
        }
    }

    /// A number (optionally a range) with qualifier `q` starting at token
    /// `span_start`, its core at `j`.
    fn quantity(&self, span_start: usize, j: usize, q: Qualifier) -> Option<(Quantity, usize)> {
        let qualified = span_start != j;
        let a = self.core(j, qualified, false)?;
        if a.vague.is_some() || a.fraction {
            return self.finish(span_start, a, None, q);
        }
        // a range after it?
        let e = a.end;
        let conn = if let Some(c) = self.sym(e).filter(|c| is_dash(*c)) {
            self.linked(e).then_some(c)
        } else if self.next_word(e) == Some("to") {
            Some('t')
        } else if self.next_word(e) == Some("or") {
            Some('o')
        } else {
            None
        };
        if let Some(c) = conn {
            let dash = c != 't' && c != 'o';
            let glued = dash && !self.toks[e].gap && self.adjacent(e + 1);
            // no range across a boundary, for words joined by a dash,
            // after a qualifier (`up to 5 to 10`) or a change verb
            // (`rose from 5 to 10`)
            let skip = !self.linked(e + 1)
                || dash && (a.words || !self.is_num(e + 1))
                || !dash && (qualified || self.change_from(j));
            let tail = if skip {
                RangeTail::None
            } else {
                self.range_end(&a, e + 1)
            };
            match tail {
                RangeTail::Range(a, b) => {
                    return self.finish(span_start, a, Some(b), Qualifier::Between);
                }
                RangeTail::Reject => return None,
                RangeTail::None => {
                    if glued {
                        return None; // `2-05`, `3-1`: codes and scores
                    }
                }
            }
        }
        self.finish(span_start, a, None, q)
    }

    /// `from` with a change verb before it, right before core `j`.
    fn change_from(&self, j: usize) -> bool {
        self.linked(j) && self.word(j - 1) == Some("from") && self.change_before(j - 1)
            || self.change_before(j)
    }

    /// The second end of a range starting at token `k`, with both ends
    /// completed from each other.
    fn range_end(&self, a: &Core, k: usize) -> RangeTail {
        let Some(mut b) = self.core(k, false, true) else {
            return RangeTail::None;
        };
        if b.vague.is_some() || b.fraction {
            return RangeTail::None;
        }
        let mut a = a.clone();
        // scale, percent, currency written once apply to both ends
        if a.scale == 1.0 && b.scale != 1.0 && a.raw <= b.raw {
            a.scale = b.scale;
        }
        if a.percent.is_none() && b.percent.is_some() && a.currency.is_none() {
            a.percent = b.percent;
        }
        if b.percent.is_none() && a.percent.is_some() && b.currency.is_none() {
            b.percent = a.percent;
        }
        if a.currency.is_none() && b.currency.is_some() && a.percent.is_none() {
            a.currency = b.currency;
        }
        if b.currency.is_none() && a.currency.is_some() && b.percent.is_none() {
            b.currency = a.currency;
        }
        if a.kind() != b.kind() || a.value() >= b.value() {
            return RangeTail::Reject;
        }
        RangeTail::Range(a, b)
    }

    /// Builds the quantity from `a` (and `b` for ranges), finds the unit.
    fn finish(
        &self,
        span_start: usize,
        a: Core,
        b: Option<Core>,
        q: Qualifier,
    ) -> Option<(Quantity, usize)> {
        let (kind, value, interval, qualifier, mut end, core) = match b {
            Some(b) => {
                let (lo, hi) = (a.value(), b.value());
                let iv = Interval {
                    low: Some(lo),
                    high: Some(hi),
                    low_inclusive: true,
                    high_inclusive: true,
                };
                let kind = b.kind();
                let end = b.end;
                (kind, lo, iv, q, end, b)
            }
            None => {
                let v = a.value();
                let kind = a.kind();
                let (q, iv) = match a.vague {
                    Some((lo, hi)) => (
                        Qualifier::About,
                        Interval {
                            low: Some(lo),
                            high: Some(hi),
                            low_inclusive: true,
                            high_inclusive: false,
                        },
                    ),
                    None => {
                        let q = if q == Qualifier::Exact && a.plus {
                            Qualifier::AtLeast
                        } else {
                            q
                        };
                        (q, band(q, v, kind == QuantityKind::Fraction))
                    }
                };
                let end = a.end;
                (kind, v, iv, q, end, a)
            }
        };
        // unit
        let mut unit: Option<String> = None;
        let mut kind = kind;
        match &kind {
            QuantityKind::Percent => unit = core.percent.map(str::to_string),
            QuantityKind::Currency(_) => {
                let mut k = end;
                if matches!(self.next_word(k), Some("in" | "of")) {
                    k += 1;
                }
                if let Some((u, h)) = self.head_noun(k) {
                    unit = Some(u);
                    end = h + 1;
                }
            }
            QuantityKind::Count | QuantityKind::Fraction => {
                let mut k = end;
                if core.of_unit {
                    if self.next_word(k) == Some("of") {
                        k += 1;
                    }
                    if self
                        .next_word(k)
                        .is_some_and(|w| OF_DETERMINERS.contains(&w))
                    {
                        k += 1;
                    }
                }
                if let Some((u, h)) = self.head_noun(k) {
                    end = h + 1;
                    if let (QuantityKind::Count, Some((_, code))) =
                        (&kind, CURRENCY_WORDS.iter().find(|(w, _)| *w == u.as_str()))
                    {
                        kind = QuantityKind::Currency(code.to_string());
                    } else {
                        unit = Some(u);
                    }
                }
            }
        }
        // number words need a noun, plural above one: `the two met` is no count
        if core.needs_noun
            && !unit
                .as_deref()
                .is_some_and(|u| value <= 1.0 || plural_looking(u))
        {
            return None;
        }
        let span = Span::new(self.toks[span_start].start, self.toks[end - 1].end);
        Some((
            Quantity {
                text: span.slice(self.text).to_string(),
                span,
                value,
                qualifier,
                interval,
                unit,
                kind,
            },
            end,
        ))
    }

    /// The counted noun in the words from `k` (at most four, up to a stop
    /// word): the first plural-looking lowercase word, else the last
    /// lowercase word not ending in `-ed`, else the first lowercase word.
    /// Returns it and its token index.
    fn head_noun(&self, k: usize) -> Option<(String, usize)> {
        let mut first_lower: Option<usize> = None;
        let mut last_lower: Option<usize> = None;
        let mut idx = k;
        while idx < k + 4 {
            let Some(w) = self.next_word(idx) else { break };
            if is_stop_word(w) && !NOUN_SKIP.contains(&w)
                || is_number_word(w)
                || self.is_month(idx)
                || self.is_weekday(idx)
            {
                break;
            }
            let raw = self.raw(idx);
            let usable = starts_lower(raw) && !NOUN_SKIP.contains(&w) && !w.ends_with("ly");
            if usable && plural_looking(w) {
                return Some((w.to_string(), idx));
            }
            if usable && first_lower.is_none() {
                first_lower = Some(idx);
            }
            if usable && !w.ends_with("ed") {
                last_lower = Some(idx);
            }
            idx += 1;
        }
        last_lower
            .or(first_lower)
            .map(|i| (self.toks[i].lower.to_string(), i))
    }

    /// Checks on the token before a number starting at `j`.
    fn bad_prefix(&self, j: usize) -> bool {
        if !self.linked(j) {
            return false;
        }
        let p = j - 1;
        let t = &self.toks[p];
        if !self.toks[j].gap {
            match t.kind {
                Kind::Word | Kind::Num => return true,
                Kind::Sym(c) => {
                    if is_dash(c) || "#№/:.,'’+^*_@&=\\|~<>".contains(c) {
                        return true;
                    }
                }
            }
        }
        if t.kind == Kind::Word {
            let w = t.lower.trim_end_matches('.');
            if is_label_word(w) || self.is_month(p) || self.is_weekday(p) {
                return true;
            }
        }
        if t.kind == Kind::Sym('.')
            && self.adjacent(p)
            && self.word(p - 1).is_some_and(|w| {
                matches!(
                    w,
                    "no" | "nos" | "fig" | "vol" | "art" | "sec" | "ch" | "p" | "pp" | "para"
                )
            })
        {
            return true;
        }
        // `Dec. 8`
        if t.kind == Kind::Sym('.') && self.adjacent(p) && self.is_month(p - 1) {
            return true;
        }
        // a lone `-5` (minus) with space before the sign
        if matches!(t.kind, Kind::Sym(c) if is_dash(c)) && !self.toks[j].gap && t.gap {
            return true;
        }
        false
    }

    /// A number core at token `j`: checks, scale, percent, currency.
    fn core(&self, j: usize, qualified: bool, in_range: bool) -> Option<Core> {
        let t = self.toks.get(j)?;
        match t.kind {
            Kind::Word => {
                if let Some(c) = self.numeric_core(j, qualified, in_range) {
                    return Some(c);
                }
                self.word_core(j, qualified)
            }
            Kind::Num | Kind::Sym(_) => self.numeric_core(j, qualified, in_range),
        }
    }

    fn numeric_core(&self, j: usize, qualified: bool, in_range: bool) -> Option<Core> {
        let mut k = j;
        let mut currency: Option<&'static str> = None;
        let t = &self.toks[j];
        match t.kind {
            Kind::Word => {
                let raw = self.raw(j);
                if let Some(code) = CURRENCY_CODES.iter().find(|c| **c == raw) {
                    if self.is_num(j + 1) && self.linked(j + 1) && self.toks[j + 1].gap {
                        currency = Some(code);
                        k += 1;
                    }
                } else if let Some((_, code)) = DOLLAR_PREFIXES.iter().find(|(p, _)| *p == raw) {
                    if self.sym(j + 1) == Some('$') && self.adjacent(j + 1) {
                        currency = Some(code);
                        k += 2;
                    }
                }
                currency?;
            }
            Kind::Sym(c) => {
                currency = Some(currency_symbol(c)?);
                k += 1;
            }
            Kind::Num => {}
        }
        if k != j && !(self.linked(k) && self.is_num(k)) {
            return None;
        }
        let nt = &self.toks[k];
        let info = self.nums[nt.num as usize];
        if info.bad {
            return None;
        }
        if !in_range && self.bad_prefix(j) {
            return None;
        }
        let mut e = k + 1;
        // scale
        let mut scale = 1.0;
        let mut scaled = false;
        if let Some(w) = self.word(e).filter(|_| self.linked(e)) {
            let glued = !self.toks[e].gap;
            let cur = currency.is_some();
            let s = match w {
                "thousand" => 1e3,
                "million" => 1e6,
                "billion" => 1e9,
                "trillion" => 1e12,
                "bn" | "bln" => 1e9,
                "mn" | "mln" => 1e6,
                "tn" | "trn" => 1e12,
                "hundred" if !glued => 1e2,
                "dozen" if !glued => 12.0,
                "m" if cur => 1e6,
                "k" if cur && glued => 1e3,
                "b" if cur && glued => 1e9,
                _ => 0.0,
            };
            if s > 0.0 {
                scale = s;
                scaled = true;
                e += 1;
            }
        }
        // glued suffixes
        let mut plus = false;
        if self.adjacent(e) {
            match self.toks[e].kind {
                Kind::Word => return None, // 5G, 2nd, 9am, 1990s, 10km
                Kind::Num => return None,
                Kind::Sym(c) => {
                    if "/:°×²³′″@#".contains(c) {
                        return None;
                    }
                    if c == ')' && self.adjacent(j) && self.sym(j - 1) == Some('(') {
                        return None; // `(3)`
                    }
                    if (c == '.' || c == ')') && self.sentence_initial(j) && !scaled {
                        // `1.` or `1)` opening a list item
                        if !self.adjacent(e + 1) {
                            return None;
                        }
                    }
                    if (c == '\'' || c == '’') && self.adjacent(e + 1) {
                        return None; // 1990's
                    }
                    if c == '+' {
                        plus = true;
                        e += 1;
                    } else if is_dash(c) && self.adjacent(e + 1) {
                        match self.word(e + 1) {
                            Some("strong") => e += 2,
                            Some(_) => return None, // 45-year-old
                            None => {}
                        }
                    }
                }
            }
        }
        // percent
        let mut percent = None;
        if self.linked(e) {
            if self.sym(e) == Some('%') {
                percent = Some("percent");
                e += 1;
            } else if let Some(w) = self.next_word(e) {
                match w {
                    "percent" | "pct" => {
                        percent = Some("percent");
                        e += 1;
                    }
                    "per" if self.next_word(e + 1) == Some("cent") => {
                        percent = Some("percent");
                        e += 2;
                    }
                    "percentage" if matches!(self.next_word(e + 1), Some("point" | "points")) => {
                        percent = Some("percentage points");
                        e += 2;
                    }
                    _ => {}
                }
            }
        }
        if percent.is_some() && currency.is_some() {
            return None;
        }
        // currency written after
        if currency.is_none() && percent.is_none() {
            (currency, e) = self.currency_after(e);
        }
        let value = info.value * scale;
        if !value.is_finite() {
            return None;
        }
        let bare = !info.grouped
            && !info.decimal
            && currency.is_none()
            && percent.is_none()
            && !scaled
            && !plus;
        // bare years
        if bare && !qualified && info.int_digits == 4 && (1800.0..=2100.0).contains(&info.value) {
            return None;
        }
        // labels and names: `Apollo 11`, `Boeing 737`
        if bare && !qualified && !in_range && self.linked(j) && self.toks[j].gap {
            let p = j - 1;
            if let Kind::Word = self.toks[p].kind {
                let raw = self.raw(p);
                let possessive = raw.ends_with("'s") || raw.ends_with("’s");
                let function_word = is_stop_word(&self.toks[p].lower)
                    || matches!(&*self.toks[p].lower, "exactly" | "precisely" | "just");
                if starts_upper(raw) && !possessive && (!self.sentence_initial(p) || !function_word)
                {
                    return None;
                }
            }
        }
        // an age in apposition: `Joe Biden, 79, said`
        if bare
            && info.value <= 130.0
            && self.sym(j.wrapping_sub(1)) == Some(',')
            && self.linked(j)
            && self.linked(j - 1)
            && j - 2 < self.n()
            && starts_upper(self.raw(j - 2))
            && self.linked(e)
            && matches!(self.sym(e), Some(',' | ')'))
        {
            return None;
        }
        // dates and times after the number
        if let Some(w) = self.next_word(e) {
            if is_time_word(w) && !scaled && percent.is_none() && currency.is_none() {
                return None;
            }
        }
        if self.linked(e)
            && (self.is_month(e) || self.word(e) == Some("of") && self.is_month(e + 1))
        {
            return None;
        }
        let connector =
            self.sym(e).is_some_and(is_dash) || matches!(self.word(e), Some("to" | "and" | "or"));
        if connector && self.linked(e) && self.is_num(e + 1) && self.is_month(e + 2) {
            return None;
        }
        Some(Core {
            first: j,
            end: e,
            raw: info.value,
            scale,
            currency,
            percent,
            fraction: false,
            vague: None,
            plus,
            words: false,
            of_unit: false,
            needs_noun: false,
        })
    }

    /// A currency word or code after an amount ending before `e`.
    fn currency_after(&self, e: usize) -> (Option<&'static str>, usize) {
        if !self.linked(e) {
            return (None, e);
        }
        let t = &self.toks[e];
        if t.kind == Kind::Word && t.gap {
            let raw = self.raw(e);
            if let Some(code) = CURRENCY_CODES.iter().find(|c| **c == raw) {
                return (Some(code), e + 1);
            }
            let w = &*t.lower;
            let mut k = e;
            if matches!(w, "us" | "u.s.") && self.next_word(e + 1) == Some("dollars") {
                k = e + 1;
            }
            let w = &*self.toks[k].lower;
            if w == "pounds" && self.next_word(k + 1) == Some("sterling") {
                return (Some("GBP"), k + 2);
            }
            if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(cw, _)| *cw == w) {
                return (Some(code), k + 1);
            }
        }
        (None, e)
    }

    /// Number words, fractions and vague amounts at token `j`.
    fn word_core(&self, j: usize, qualified: bool) -> Option<Core> {
        let t = &self.toks[j];
        if starts_upper(self.raw(j)) && !self.sentence_initial(j) {
            return None; // Formula One, Group of Seven
        }
        if self.adjacent(j) && !matches!(self.sym(j - 1), Some('“' | '"' | '‘' | '(')) {
            return None;
        }
        let w0 = &*t.lower;
        let base = Core {
            first: j,
            end: j + 1,
            raw: 0.0,
            scale: 1.0,
            currency: None,
            percent: None,
            fraction: false,
            vague: None,
            plus: false,
            words: true,
            of_unit: false,
            needs_noun: false,
        };

        // vague plurals: tens of thousands of …
        if let Some(b1) = vague_plural(w0) {
            if qualified || self.next_word(j + 1) != Some("of") {
                return None;
            }
            let mut base_v = b1;
            let mut end = j + 1;
            if let Some(b2) = self.next_word(j + 2).and_then(vague_plural) {
                if b2 > b1 && b2 >= 1e3 {
                    base_v = b1 * b2;
                    end = j + 3;
                }
            }
            return Some(Core {
                end,
                raw: 2.0 * base_v,
                vague: Some((2.0 * base_v, 10.0 * base_v)),
                of_unit: true,
                ..base
            });
        }
        // several / a few + scale words
        let vague_mult = match w0 {
            "several" => Some(((3.0, 10.0), j + 1)),
            "a" if self.next_word(j + 1) == Some("few") => Some(((2.0, 6.0), j + 2)),
            _ => None,
        };
        if let Some(((lo, hi), mut k)) = vague_mult {
            let mut s = 1.0;
            let mut any = false;
            while let Some(w) = self.next_word(k) {
                let f = if w == "dozen" {
                    12.0
                } else {
                    match scale_word(w) {
                        Some(f) => f,
                        None => break,
                    }
                };
                s *= f;
                any = true;
                k += 1;
                if k > j + 6 {
                    break;
                }
            }
            if !any || qualified {
                return None;
            }
            return Some(Core {
                end: k,
                raw: lo * s,
                vague: Some((lo * s, hi * s)),
                of_unit: true,
                ..base
            });
        }

        // fractions
        if let Some(c) = self.fraction_core(j, &base) {
            return Some(c);
        }

        // number word chain
        let mut total: f64 = 0.0;
        let mut current: f64 = 0.0;
        let mut last_scale = f64::INFINITY;
        let mut k = j;
        let mut any = false;
        let mut scaled = false;
        let mut after_a = false;
        let mut atoms_seen = 0;
        if w0 == "a" {
            after_a = true;
            k += 1;
        }
        while k < j + 14 {
            let w = if k == j { Some(w0) } else { self.next_word(k) };
            let Some(w) = w else { break };
            if let Some(s) = scale_word(w) {
                if !any && !after_a {
                    break;
                }
                if s == 100.0 {
                    if current >= 100.0 {
                        break;
                    }
                    current = current.max(1.0) * 100.0;
                } else {
                    if s >= last_scale {
                        break;
                    }
                    total += current.max(1.0) * s;
                    current = 0.0;
                    last_scale = s;
                }
                any = true;
                scaled = true;
                after_a = false;
                k += 1;
                continue;
            }
            if w == "dozen" {
                if !any && !after_a || current >= 100.0 {
                    break;
                }
                current = current.max(1.0) * 12.0;
                any = true;
                scaled = true;
                after_a = false;
                k += 1;
                continue;
            }
            if after_a {
                break; // `a` only before hundred/thousand/…/dozen
            }
            if w == "and"
                && any
                && scaled
                && current % 100.0 == 0.0
                && self
                    .next_word(k + 1)
                    .is_some_and(|x| x.split(['-', '‐', '‑']).all(|p| small_number(p).is_some()))
            {
                k += 1;
                continue;
            }
            // one word, possibly hyphenated: twenty-five
            // (at most two parts, each a small number; no Vec: this runs
            // for every word token)
            let mut split = w.split(['-', '‐', '‑']);
            let p1 = split.next().unwrap_or_default();
            let p2 = split.next();
            if split.next().is_some()
                || small_number(p1).is_none()
                || p2.is_some_and(|p| small_number(p).is_none())
            {
                break;
            }
            let mut ok = true;
            for p in std::iter::once(p1).chain(p2) {
                let v = small_number(p).unwrap_or(0.0);
                let cur_small = current % 100.0;
                let fits =
                    cur_small == 0.0 || v < 10.0 && cur_small >= 20.0 && cur_small % 10.0 == 0.0;
                if fits {
                    current += v;
                } else {
                    ok = false;
                    break;
                }
            }
            if !ok {
                break;
            }
            any = true;
            atoms_seen += 1;
            k += 1;
        }
        if !any || after_a && !scaled {
            return None;
        }
        let mut value = total + current;
        if value <= 0.0 {
            return None;
        }
        let mut end = k;
        // `two and a half years`
        if !scaled
            && self.next_word(end) == Some("and")
            && self.next_word(end + 1) == Some("a")
            && self.next_word(end + 2) == Some("half")
        {
            value += 0.5;
            end += 3;
        }
        // number words followed by `of` are partitives: `two of the …`
        if self.next_word(end) == Some("of") {
            return None;
        }
        // percent and currency words
        let mut percent = None;
        match self.next_word(end) {
            Some("percent" | "pct") => {
                percent = Some("percent");
                end += 1;
            }
            Some("per") if self.next_word(end + 1) == Some("cent") => {
                percent = Some("percent");
                end += 2;
            }
            _ => {}
        }
        let mut currency = None;
        if percent.is_none() {
            (currency, end) = self.currency_after(end);
        }
        let lone_one = w0 == "one" && atoms_seen == 1 && !scaled && end == j + 1;
        let c = Core {
            end,
            raw: value,
            currency,
            percent,
            ..base
        };
        let mut c = c;
        if percent.is_none() && currency.is_none() {
            // small number words need a noun to count (checked once any
            // range is read: `two or three tanks`)
            c.needs_noun = !scaled;
            if lone_one {
                let next = self.next_word(end)?;
                if ONE_IDIOMS.contains(&next) {
                    return None;
                }
                if self.linked(j)
                    && self
                        .word(j - 1)
                        .is_some_and(|p| ONE_DETERMINERS.contains(&p))
                {
                    return None;
                }
            }
        }
        Some(c)
    }

    /// `a third of`, `two-thirds`, `half the`, `half a million`.
    fn fraction_core(&self, j: usize, base: &Core) -> Option<Core> {
        let w0 = &*self.toks[j].lower;
        // numerator and denominator, maybe in one hyphenated word
        let (num, den, plural_den, mut end) = {
            // exactly two hyphen parts? (no Vec: runs for every word token)
            let mut split = w0.split(['-', '‐', '‑']);
            let first = split.next().unwrap_or_default();
            let second = match split.next() {
                Some(s) if split.next().is_none() => Some(s),
                _ => None,
            };
            if let Some(second) = second {
                let n = small_number(first)?;
                let (d, pl) = denominator(second)?;
                (n, d, pl, j + 1)
            } else if let Some((d, pl)) = denominator(w0) {
                if d != 2.0 || pl {
                    return None; // `third` without a numerator is an ordinal
                }
                // bare `half`
                if self.linked(j)
                    && self.word(j - 1).is_some_and(|p| {
                        matches!(
                            p,
                            "first"
                                | "second"
                                | "other"
                                | "latter"
                                | "former"
                                | "and"
                                | "last"
                                | "next"
                        )
                    })
                {
                    return None;
                }
                // `half a million`, `half a dozen`
                if matches!(self.next_word(j + 1), Some("a" | "an")) {
                    if let Some(w) = self.next_word(j + 2) {
                        let s = if w == "dozen" {
                            Some(12.0)
                        } else {
                            scale_word(w)
                        };
                        if let Some(s) = s {
                            return Some(Core {
                                end: j + 3,
                                raw: 0.5,
                                scale: s,
                                ..base.clone()
                            });
                        }
                    }
                }
                let ok = self.next_word(j + 1).is_some_and(|w| {
                    w == "of" || OF_DETERMINERS.contains(&w) || matches!(w, "a" | "an")
                });
                if !ok {
                    return None;
                }
                return Some(Core {
                    end: j + 1,
                    raw: 0.5,
                    fraction: true,
                    of_unit: true,
                    ..base.clone()
                });
            } else {
                let n = match w0 {
                    "a" | "an" => 1.0,
                    _ => small_number(w0)?,
                };
                let w1 = self.next_word(j + 1)?;
                let (d, pl) = denominator(w1)?;
                (n, d, pl, j + 2)
            }
        };
        if (num == 1.0) == plural_den || num >= den {
            return None;
        }
        // `a quarter of a million`
        if self.next_word(end) == Some("of") && self.next_word(end + 1) == Some("a") {
            if let Some(s) = self.next_word(end + 2).and_then(scale_word) {
                return Some(Core {
                    end: end + 3,
                    raw: num / den,
                    scale: s,
                    ..base.clone()
                });
            }
        }
        // must be followed by `of` or punctuation: `a third round` is an ordinal
        let follows_ok = !self.linked(end)
            || self.next_word(end) == Some("of")
            || matches!(self.sym(end), Some(c) if ".,;:!?)”\"’".contains(c));
        if !follows_ok {
            return None;
        }
        end = end.max(j + 1);
        Some(Core {
            end,
            raw: num / den,
            fraction: true,
            of_unit: true,
            ..base.clone()
        })
    }
}

/// The interval a qualifier allows around `v`.
fn band(q: Qualifier, v: f64, fraction: bool) -> Interval {
    let top = if fraction { Some(1.0) } else { None };
    let iv = |low, high, low_inclusive, high_inclusive| Interval {
        low,
        high,
        low_inclusive,
        high_inclusive,
    };
    let cap = |x: f64| if fraction { x.min(1.0) } else { x };
    match q {
        Qualifier::Exact | Qualifier::Between => Interval::point(v),
        Qualifier::MoreThan => iv(Some(v), top, false, true),
        Qualifier::AtLeast => iv(Some(v), top, true, true),
        Qualifier::LessThan => iv(Some(0.0), Some(v), true, false),
        Qualifier::AtMost => iv(Some(0.0), Some(v), true, true),
        Qualifier::About => iv(Some(v * 9.0 / 10.0), Some(cap(v * 11.0 / 10.0)), true, true),
        Qualifier::Nearly => iv(Some(v * 9.0 / 10.0), Some(v), true, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split;

    fn all(text: &str) -> Vec<Quantity> {
        extract(text, &split(text))
    }

    /// The single quantity in `text`; fails when there are none or several.
    fn one(text: &str) -> Quantity {
        let qs = all(text);
        let shown: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(qs.len(), 1, "{text:?} gave {shown:?}");
        qs.into_iter().next().unwrap()
    }

    fn texts(text: &str) -> Vec<String> {
        all(text).into_iter().map(|q| q.text).collect()
    }

    fn iv(low: Option<f64>, high: Option<f64>, li: bool, hi: bool) -> Interval {
        Interval {
            low,
            high,
            low_inclusive: li,
            high_inclusive: hi,
        }
    }

    fn seed(name: &str) -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
        let path = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
            .unwrap();
        std::fs::read_to_string(path).unwrap()
    }

    /// Spans slice back to `text`, lie on char boundaries, are in order and
    /// never overlap.
    fn check_spans(text: &str, qs: &[Quantity]) {
        let mut last_end = 0;
        for q in qs {
            assert!(q.span.start < q.span.end, "{q:?}");
            assert!(q.span.start >= last_end, "overlap or disorder at {q:?}");
            assert!(text.get(q.span.start..q.span.end).is_some(), "{q:?}");
            assert_eq!(q.span.slice(text), q.text);
            assert!(q.value.is_finite() && q.value >= 0.0);
            last_end = q.span.end;
        }
    }

    /// [`is_general_punct`], [`is_alpha`] and [`BYTE_CLASS`] agree with
    /// `std` on every char they shortcut.
    #[test]
    fn general_punctuation_shortcut_agrees_with_std() {
        for c in ('\u{2000}'..='\u{2070}').chain('\0'..='\u{7f}') {
            if is_general_punct(c) {
                assert!(!c.is_whitespace() && !c.is_alphanumeric(), "{c:?}");
                assert!(lowercase_is_itself(c), "{c:?}");
            }
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
        }
        for b in 0..=255u8 {
            let c = b as char;
            let class = BYTE_CLASS[b as usize];
            assert_eq!(class & ALNUM != 0, b < 0x80 && c.is_alphanumeric(), "{b}");
            assert_eq!(class & SPACE != 0, b < 0x80 && c.is_whitespace(), "{b}");
        }
    }

    /// Every word that `parse_at` reads has its role bits ([`word_roles`]),
    /// and on a real vocabulary (both seeds) a clear bit is never wrong.
    #[test]
    fn starter_roles_cover_every_starter() {
        let words =
            |c: Class| -> Vec<&str> { lexicon::entries(c).iter().map(|e| e.word).collect() };
        let core: [&[&str]; 4] = [
            &words(Class::NumberWord),
            &words(Class::VaguePlural),
            &words(Class::FractionWord),
            &[
                "several",
                "a",
                "an",
                "twenty-five",
                "two-thirds",
                "two‑thirds",
            ],
        ];
        for w in core.into_iter().flatten() {
            assert!(word_roles(w) & ROLE_CORE != 0, "{w}");
        }
        for w in ["between", "from"] {
            assert!(word_roles(w) & ROLE_RANGE != 0, "{w}");
        }
        for (p, (words, _)) in QUALIFIERS.iter().enumerate() {
            assert!(word_roles(words[0]) >> p & 1 == 1, "{words:?}");
        }
        let text = seed("000") + &seed("001");
        let mut none = 0;
        for w in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
            if w.is_empty() {
                continue;
            }
            let lower = w.to_lowercase();
            let roles = word_roles(&lower);
            if roles == 0 {
                none += 1;
            }
            if roles & ROLE_CORE == 0 {
                assert!(small_number(&lower).is_none(), "{w}");
                assert!(vague_plural(&lower).is_none(), "{w}");
                assert!(denominator(&lower).is_none(), "{w}");
                assert!(!matches!(&*lower, "several" | "a" | "an"), "{w}");
            }
            if roles & ROLE_RANGE == 0 {
                assert!(!matches!(&*lower, "between" | "from"), "{w}");
            }
            for (p, (words, _)) in QUALIFIERS.iter().enumerate() {
                if roles >> p & 1 == 0 {
                    assert_ne!(words[0], lower, "{w}");
                }
            }
        }
        assert!(none > 500, "most words should have no role ({none})");
    }

    /// Leaving out the dead sentences changes nothing: the seeds, and
    /// junk of words, numbers, line breaks and sentence ends.
    #[test]
    fn skipping_dead_sentences_changes_nothing() {
        let same = |text: &str| {
            let sentences = split(text);
            let a = Analysis::with_sentences(text, sentences.clone());
            let dead = dead_ranges(text, &sentences, a.pieces());
            let got = extract_skipping(text, &sentences, &dead);
            assert_eq!(got, extract_skipping(text, &sentences, &[]), "{text:?}");
            got.len()
        };
        let seeds = seed("000") + "\n" + &seed("001");
        assert!(same(&seeds) > 1);
        // the parser reads `May` across the line break: kept (`DEAD_KEEP`)
        assert_eq!(same("He saw 5 of\nMay Day. He saw 7 of\nthem."), 1);
        for text in [
            "5 000 troops. 000 more",
            "Yes. 5 000 more.\n\nNo",
            "a\n\n\n",
            "\n7",
        ] {
            same(text);
        }
        let pieces = [
            "more than",
            "5",
            "1,000",
            "100 000",
            "of",
            "May",
            "may",
            "March",
            "to",
            "and",
            "Two",
            "two-thirds",
            "a",
            "third",
            "half",
            "tens",
            "troops",
            "$",
            "€",
            "%",
            "Mr.",
            "U.S.",
            "said",
            "Smith",
            "between",
            "from",
            "rose",
            "-",
            "–",
            "(",
            ")",
            ",",
            "“",
            "”",
            "over",
            "years",
            "day",
            "Apollo",
            "one",
            "dozen",
            "few",
            "Sunday",
            "K",
        ];
        let seps = [
            " ", " ", " ", "  ", ". ", ".\n", "\n", "\n\n", "? ", ": ", "", "\t",
        ];
        let mut st = 11u64;
        let mut found = 0;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(lcg(&mut st) % 40) {
                s.push_str(pieces[(lcg(&mut st) as usize) % pieces.len()]);
                s.push_str(seps[(lcg(&mut st) as usize) % seps.len()]);
            }
            found += same(&s);
        }
        assert!(found > 1000, "{found}");
    }

    /// [`parse_digits`] reads what a `String` of the kept chars reads, on
    /// the stack and past it.
    #[test]
    fn parse_digits_drops_grouping() {
        assert_eq!(parse_digits("130,000"), Some(130_000.0));
        assert_eq!(parse_digits("100\u{202f}000.5"), Some(100_000.5));
        let long = format!("1 234.{}", "0123456789".repeat(5));
        let clean: String = long.chars().filter(|c| *c != ' ').collect();
        assert_eq!(parse_digits(&long), clean.parse().ok());
        assert!(parse_digits(&long).is_some());
    }

    #[test]
    fn key_example_more_than_100_thousand_soldiers() {
        let q = one("on whose border more than 100 thousand soldiers are now massed.");
        assert_eq!(q.text, "more than 100 thousand soldiers");
        assert_eq!(q.value, 100_000.0);
        assert_eq!(q.qualifier, Qualifier::MoreThan);
        assert_eq!(q.interval, iv(Some(100_000.0), None, false, true));
        assert_eq!(q.unit.as_deref(), Some("soldiers"));
        assert_eq!(q.kind, QuantityKind::Count);
    }

    #[test]
    fn exact_count_skips_adjectives_to_the_noun() {
        let q = one("Russia has 130,000 Russian troops there.");
        assert_eq!(q.text, "130,000 Russian troops");
        assert_eq!(q.value, 130_000.0);
        assert_eq!(q.qualifier, Qualifier::Exact);
        assert_eq!(q.interval, Interval::point(130_000.0));
        assert_eq!(q.unit.as_deref(), Some("troops"));
        assert_eq!(
            one("up to 8,500 U.S. troops on heightened alert")
                .unit
                .as_deref(),
            Some("troops")
        );
        assert_eq!(
            one("He saw 5 tanks near the border.").unit.as_deref(),
            Some("tanks")
        );
        assert_eq!(one("Only 1,200 said yes.").unit, None);
    }

    #[test]
    fn every_qualifier_and_its_interval() {
        let inf = None;
        let cases: &[(&str, Qualifier, Interval)] = &[
            (
                "more than 100 troops",
                Qualifier::MoreThan,
                iv(Some(100.0), inf, false, true),
            ),
            (
                "over 100 troops",
                Qualifier::MoreThan,
                iv(Some(100.0), inf, false, true),
            ),
            (
                "above 100 troops",
                Qualifier::MoreThan,
                iv(Some(100.0), inf, false, true),
            ),
            (
                "in excess of 100 troops",
                Qualifier::MoreThan,
                iv(Some(100.0), inf, false, true),
            ),
            (
                "at least 100 troops",
                Qualifier::AtLeast,
                iv(Some(100.0), inf, true, true),
            ),
            (
                "no fewer than 100 troops",
                Qualifier::AtLeast,
                iv(Some(100.0), inf, true, true),
            ),
            (
                "less than 100 troops",
                Qualifier::LessThan,
                iv(Some(0.0), Some(100.0), true, false),
            ),
            (
                "fewer than 100 troops",
                Qualifier::LessThan,
                iv(Some(0.0), Some(100.0), true, false),
            ),
            (
                "under 100 troops",
                Qualifier::LessThan,
                iv(Some(0.0), Some(100.0), true, false),
            ),
            (
                "below 100 troops",
                Qualifier::LessThan,
                iv(Some(0.0), Some(100.0), true, false),
            ),
            (
                "up to 100 troops",
                Qualifier::AtMost,
                iv(Some(0.0), Some(100.0), true, true),
            ),
            (
                "at most 100 troops",
                Qualifier::AtMost,
                iv(Some(0.0), Some(100.0), true, true),
            ),
            (
                "no more than 100 troops",
                Qualifier::AtMost,
                iv(Some(0.0), Some(100.0), true, true),
            ),
            (
                "as many as 100 troops",
                Qualifier::AtMost,
                iv(Some(0.0), Some(100.0), true, true),
            ),
            (
                "about 100 troops",
                Qualifier::About,
                iv(Some(90.0), Some(110.0), true, true),
            ),
            (
                "around 100 troops",
                Qualifier::About,
                iv(Some(90.0), Some(110.0), true, true),
            ),
            (
                "some 100 troops",
                Qualifier::About,
                iv(Some(90.0), Some(110.0), true, true),
            ),
            (
                "roughly 100 troops",
                Qualifier::About,
                iv(Some(90.0), Some(110.0), true, true),
            ),
            (
                "approximately 100 troops",
                Qualifier::About,
                iv(Some(90.0), Some(110.0), true, true),
            ),
            (
                "an estimated 100 troops",
                Qualifier::About,
                iv(Some(90.0), Some(110.0), true, true),
            ),
            (
                "close to 100 troops",
                Qualifier::About,
                iv(Some(90.0), Some(110.0), true, true),
            ),
            (
                "nearly 100 troops",
                Qualifier::Nearly,
                iv(Some(90.0), Some(100.0), true, false),
            ),
            (
                "almost 100 troops",
                Qualifier::Nearly,
                iv(Some(90.0), Some(100.0), true, false),
            ),
            (
                "between 100 and 200 troops",
                Qualifier::Between,
                iv(Some(100.0), Some(200.0), true, true),
            ),
            ("100 troops", Qualifier::Exact, Interval::point(100.0)),
            (
                "5,000+ troops",
                Qualifier::AtLeast,
                iv(Some(5000.0), inf, true, true),
            ),
        ];
        for (text, q, interval) in cases {
            let got = one(&format!("They said {text} were there."));
            assert_eq!(got.text, *text, "{text}");
            assert_eq!(got.qualifier, *q, "{text}");
            assert_eq!(got.interval, *interval, "{text}");
            assert_eq!(got.unit.as_deref(), Some("troops"), "{text}");
        }
    }

    #[test]
    fn overlap_checks_between_reports() {
        let more = one("more than 100 thousand soldiers").interval;
        let exact = one("130,000 troops").interval;
        let about = one("about 90,000 troops").interval;
        let hundred = one("100,000 troops").interval;
        let nearly = one("nearly 100,000 troops").interval;
        let at_least = one("at least 100,000 troops").interval;
        assert!(more.overlaps(&exact));
        assert!(!more.overlaps(&about));
        assert!(!hundred.overlaps(&exact));
        assert!(!more.overlaps(&hundred), "(100000, ∞) excludes 100000");
        assert!(at_least.overlaps(&hundred), "[100000, ∞) includes it");
        assert!(!nearly.overlaps(&hundred), "nearly n stays below n");
        assert!(about.overlaps(&one("85,000 troops").interval));
    }

    #[test]
    fn wire_copy_sentences() {
        let q = one("Russia has massed an estimated 130,000 troops near Ukraine's borders.");
        assert_eq!(q.text, "an estimated 130,000 troops");
        assert_eq!(q.qualifier, Qualifier::About);
        assert_eq!(q.interval, iv(Some(117_000.0), Some(143_000.0), true, true));

        let q = one("The EU pledged €1.2 billion in aid.");
        assert_eq!(q.text, "€1.2 billion in aid");
        assert_eq!(q.value, 1.2e9);
        assert_eq!(q.kind, QuantityKind::Currency("EUR".into()));
        assert_eq!(q.unit.as_deref(), Some("aid"));

        let q = one("The Pentagon put up to 8,500 U.S. troops on heightened alert.");
        assert_eq!(q.text, "up to 8,500 U.S. troops");
        assert_eq!(q.qualifier, Qualifier::AtMost);
        assert_eq!(q.interval, iv(Some(0.0), Some(8500.0), true, true));

        let q = one("Unemployment fell to 3.9% in January.");
        assert_eq!((q.text.as_str(), q.value), ("3.9%", 3.9));
        assert_eq!(q.kind, QuantityKind::Percent);
        assert_eq!(q.unit.as_deref(), Some("percent"));
        assert_eq!(q.qualifier, Qualifier::Exact);

        let q = one("Growth will be between 2 and 5 percent next year.");
        assert_eq!(q.text, "between 2 and 5 percent");
        assert_eq!(q.qualifier, Qualifier::Between);
        assert_eq!(q.kind, QuantityKind::Percent);
        assert_eq!(q.interval, iv(Some(2.0), Some(5.0), true, true));
    }

    #[test]
    fn number_words_and_scales() {
        let cases: &[(&str, f64, &str)] = &[
            ("two dozen journalists", 24.0, "journalists"),
            ("a hundred soldiers", 100.0, "soldiers"),
            ("one hundred soldiers", 100.0, "soldiers"),
            ("twenty-five soldiers", 25.0, "soldiers"),
            ("ninety-nine soldiers", 99.0, "soldiers"),
            ("two hundred and fifty soldiers", 250.0, "soldiers"),
            ("three thousand soldiers", 3000.0, "soldiers"),
            ("two million people", 2e6, "people"),
            ("two and a half years", 2.5, "years"),
            ("half a million refugees", 5e5, "refugees"),
            ("100 thousand soldiers", 1e5, "soldiers"),
            ("1.5 million people", 1.5e6, "people"),
            ("48.2 million people", 48.2e6, "people"),
            ("100 000 soldiers", 1e5, "soldiers"),
            ("100\u{202f}000 soldiers", 1e5, "soldiers"),
            ("3bn people", 3e9, "people"),
            ("a quarter of a million people", 250_000.0, "people"),
        ];
        for (text, v, unit) in cases {
            let q = one(&format!("They counted {text} there."));
            assert_eq!(q.text, *text);
            assert_eq!(q.value, *v, "{text}");
            assert_eq!(q.unit.as_deref(), Some(*unit), "{text}");
            assert_eq!(q.kind, QuantityKind::Count, "{text}");
            assert_eq!(q.qualifier, Qualifier::Exact, "{text}");
        }
    }

    #[test]
    fn currency_amounts() {
        let cases: &[(&str, f64, &str)] = &[
            ("$3 billion", 3e9, "USD"),
            ("US$3 billion", 3e9, "USD"),
            ("€50m", 5e7, "EUR"),
            ("£2.5bn", 2.5e9, "GBP"),
            ("$50k", 5e4, "USD"),
            ("USD 3 million", 3e6, "USD"),
            ("3 billion dollars", 3e9, "USD"),
            ("3 billion US dollars", 3e9, "USD"),
            ("500 million euros", 5e8, "EUR"),
            ("10 billion roubles", 1e10, "RUB"),
            ("5 million pounds sterling", 5e6, "GBP"),
        ];
        for (text, v, code) in cases {
            let q = one(&format!("It costs {text}, they said."));
            assert_eq!(q.text, *text);
            assert_eq!(q.value, *v, "{text}");
            assert_eq!(q.kind, QuantityKind::Currency(code.to_string()), "{text}");
            assert_eq!(q.unit, None, "{text}");
        }
        let q = one("Washington approved more than $3 billion in military aid.");
        assert_eq!(q.text, "more than $3 billion in military aid");
        assert_eq!(q.unit.as_deref(), Some("aid"));
        assert_eq!(q.interval, iv(Some(3e9), None, false, true));
        assert_eq!(one("a €50m loan to Kyiv").unit.as_deref(), Some("loan"));
        let q = one("It cost millions of dollars.");
        assert_eq!(q.kind, QuantityKind::Currency("USD".into()));
        // `m` is metres, not millions, without a currency sign
        assert!(all("He ran 50m quickly.").is_empty());
    }

    #[test]
    fn percentages() {
        for text in ["12%", "12 %", "12 per cent", "12 percent", "twelve percent"] {
            let q = one(&format!("Support rose by {text} last year."));
            assert_eq!(q.text, text);
            assert_eq!(q.value, 12.0, "{text}");
            assert_eq!(q.kind, QuantityKind::Percent, "{text}");
            assert_eq!(q.unit.as_deref(), Some("percent"), "{text}");
        }
        let q = one("Rates rose 0.25 percentage points.");
        assert_eq!(q.unit.as_deref(), Some("percentage points"));
        let q = one("Some 2-5% said so.");
        assert_eq!(q.kind, QuantityKind::Percent);
        assert_eq!(q.interval, iv(Some(2.0), Some(5.0), true, true));
    }

    #[test]
    fn fractions() {
        let cases: &[(&str, f64, Option<&str>)] = &[
            ("a third of the troops", 1.0 / 3.0, Some("troops")),
            ("two-thirds of voters", 2.0 / 3.0, Some("voters")),
            ("two thirds of voters", 2.0 / 3.0, Some("voters")),
            ("three quarters of voters", 0.75, Some("voters")),
            ("a quarter of the budget", 0.25, Some("budget")),
            ("half of the soldiers", 0.5, Some("soldiers")),
            ("half the soldiers", 0.5, Some("soldiers")),
            ("a fifth of exports", 0.2, Some("exports")),
        ];
        for (text, v, unit) in cases {
            let q = one(&format!("They said {text} left."));
            assert_eq!(q.text, *text);
            assert!((q.value - v).abs() < 1e-12, "{text}");
            assert_eq!(q.kind, QuantityKind::Fraction, "{text}");
            assert_eq!(q.unit.as_deref(), *unit, "{text}");
        }
        let q = one("more than a third of the troops");
        assert_eq!(q.interval, iv(Some(1.0 / 3.0), Some(1.0), false, true));
        let q = one("about half of the troops");
        assert_eq!(q.interval.high, Some(0.55));
        // ordinals and periods, not fractions
        for text in [
            "a third round of talks",
            "the third quarter",
            "the second half of the year",
            "in the first half",
            "a quarter century",
        ] {
            assert!(all(text).is_empty(), "{text}: {:?}", texts(text));
        }
    }

    #[test]
    fn vague_amounts_are_bands() {
        let cases: &[(&str, f64, f64, &str)] = &[
            ("tens of thousands of people", 2e4, 1e5, "people"),
            ("hundreds of thousands of people", 2e5, 1e6, "people"),
            ("thousands of people", 2e3, 1e4, "people"),
            ("hundreds of soldiers", 200.0, 1000.0, "soldiers"),
            ("dozens of journalists", 24.0, 120.0, "journalists"),
            ("several thousand troops", 3e3, 1e4, "troops"),
            ("a few hundred troops", 200.0, 600.0, "troops"),
        ];
        for (text, lo, hi, unit) in cases {
            let q = one(&format!("We saw {text} there."));
            assert_eq!(q.text, *text);
            assert_eq!(q.qualifier, Qualifier::About, "{text}");
            assert_eq!(q.value, *lo, "{text}");
            assert_eq!(q.interval, iv(Some(*lo), Some(*hi), true, false), "{text}");
            assert_eq!(q.unit.as_deref(), Some(*unit), "{text}");
        }
        assert!(all("in the thousands").is_empty());
        assert!(all("many weeks and for many years").is_empty());
    }

    #[test]
    fn ranges() {
        let cases: &[(&str, f64, f64)] = &[
            ("2-5 tanks", 2.0, 5.0),
            ("2–5 tanks", 2.0, 5.0),
            ("2 to 5 tanks", 2.0, 5.0),
            ("from 2 to 5 tanks", 2.0, 5.0),
            ("between 2 and 5 tanks", 2.0, 5.0),
            ("two or three tanks", 2.0, 3.0),
            ("2 to 5 million tanks", 2e6, 5e6),
            ("500,000 to 1 million tanks", 5e5, 1e6),
            ("between 2 and 5 million tanks", 2e6, 5e6),
        ];
        for (text, lo, hi) in cases {
            let q = one(&format!("They saw {text} there."));
            assert_eq!(q.text, *text);
            assert_eq!(q.qualifier, Qualifier::Between, "{text}");
            assert_eq!(q.value, *lo, "{text}");
            assert_eq!(q.interval, iv(Some(*lo), Some(*hi), true, true), "{text}");
            assert_eq!(q.unit.as_deref(), Some("tanks"), "{text}");
        }
        let q = one("It costs $2-3 billion.");
        assert_eq!(q.kind, QuantityKind::Currency("USD".into()));
        assert_eq!(q.interval, iv(Some(2e9), Some(3e9), true, true));
        // a change, not a range
        let got = all("Prices rose from 5 to 10 percent.");
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|q| q.qualifier == Qualifier::Exact));
        // a score is not a range, nor two numbers
        assert!(all("They won 3-1 on Sunday.").is_empty());
    }

    #[test]
    fn not_quantities() {
        for text in [
            "on 4 February",
            "on 4 Feb. they met",
            "on Dec. 8, 2021, he said",
            "President Joe Biden, 79, said",
            "Thursday, February 2",
            "on January 26, 2022, they met",
            "on 2022-01-26 they met",
            "on 26/01/2022 they met",
            "from 2 to 4 March",
            "by mid-February",
            "in 2021 they met",
            "since 1949",
            "in the 1990s",
            "at 9 a.m. local time",
            "at 9am",
            "at 10:30",
            "at 0900 GMT",
            "the 2nd and 3rd rounds",
            "the first time",
            "the G7 and G20 met",
            "COVID-19 cases",
            "F-16 jets",
            "S-400 systems",
            "5G networks",
            "a 45-year-old man",
            "Article 5 of the treaty",
            "No. 10 Downing Street",
            "section 3",
            "page 12",
            "Apollo 11 landed",
            "Boeing 737 jets",
            "the Minsk 2 agreement",
            "Formula One racing",
            "Air Force One",
            "the Group of Seven",
            "one of Moscow’s main requests",
            "no one came",
            "one day he left",
            "two of the soldiers",
            "the two met",
            "a soldier",
            "many weeks",
            "3.5.1 release",
            "(3) the next item",
            "version 2.1",
            "10km away",
            "-5 degrees",
            "2021-22 season",
        ] {
            assert!(all(text).is_empty(), "{text}: {:?}", texts(text));
        }
        let list = "Points:\n1. Troops leave\n2) Talks resume";
        assert!(all(list).is_empty(), "{:?}", texts(list));
    }

    #[test]
    fn one_counts_only_before_a_noun() {
        let q = one("One soldier died.");
        assert_eq!((q.value, q.unit.as_deref()), (1.0, Some("soldier")));
        let q = one("Only one soldier died.");
        assert_eq!(q.text, "one soldier");
        assert!(all("It is one of the few.").is_empty());
        assert!(all("It was the one.").is_empty());
    }

    #[test]
    fn over_a_period_is_a_preposition() {
        let q = one("Over two years, they met.");
        assert_eq!(q.text, "two years");
        assert_eq!(q.qualifier, Qualifier::Exact);
        let q = one("over 5 tanks");
        assert_eq!(q.qualifier, Qualifier::MoreThan);
    }

    #[test]
    fn qualifiers_and_ranges_do_not_cross_boundaries() {
        let q = one("They had more than\n\n100 tanks.");
        assert_eq!(q.text, "100 tanks");
        assert_eq!(q.qualifier, Qualifier::Exact);
        let got = texts("It has 5 tanks. To 10 soldiers, he said.");
        assert_eq!(got, ["5 tanks", "10 soldiers"]);
        let got = texts("In the past 24 hours, 3 civilians died.");
        assert_eq!(got, ["24 hours", "3 civilians"]);
        let q = one("He saw 5\ntanks");
        assert_eq!((q.text.as_str(), q.unit.as_deref()), ("5", None));
    }

    #[test]
    fn seed_articles() {
        let a = seed("000_");
        let got = all(&a);
        check_spans(&a, &got);
        let shown: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(shown, ["more than 100 thousand soldiers"]);

        let b = seed("001_");
        let got = all(&b);
        check_spans(&b, &got);
        let shown: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(shown, ["two years"]);
        assert_eq!(got[0].unit.as_deref(), Some("years"));
    }

    #[test]
    fn spans_slice_back_exactly_in_unicode_text() {
        let text = "“Über alles, 5 Panzer” – ‘more than 100 thousand soldiers’… \
                    some 130 000 troops — €1.2 billion — 12 per cent — a third of them; \
                    ünïcödé 7 tanks ✓ two dozen journalists.";
        let got = all(text);
        check_spans(text, &got);
        let shown: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            shown,
            [
                "5",
                "more than 100 thousand soldiers",
                "some 130 000 troops",
                "€1.2 billion",
                "12 per cent",
                "a third",
                "7 tanks",
                "two dozen journalists"
            ]
        );
        // without sentences the result is the same here
        assert_eq!(extract(text, &[]), got);
    }

    #[test]
    fn deterministic() {
        let a = seed("000_");
        assert_eq!(all(&a), all(&a));
    }

    /// Tiny deterministic generator for junk input.
    fn lcg(state: &mut u64) -> u64 {
        *state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *state >> 33
    }

    #[test]
    fn no_panic_on_junk() {
        let mut st = 7u64;
        let alphabet: Vec<char> = "0123456789 ,.-–—%$€£+:/()“”‘’'\"\n\tabcmk Ünï✓🙂\u{202f}\u{a0}"
            .chars()
            .collect();
        for _ in 0..300 {
            let len = (lcg(&mut st) % 200) as usize;
            let s: String = (0..len)
                .map(|_| alphabet[(lcg(&mut st) as usize) % alphabet.len()])
                .collect();
            let got = extract(&s, &split(&s));
            check_spans(&s, &got);
            // random code points, including odd scripts
            let s: String = (0..len)
                .filter_map(|_| char::from_u32((lcg(&mut st) % 0x30000) as u32))
                .collect();
            check_spans(&s, &extract(&s, &[]));
        }
        // word soup of everything the parser knows
        let words = [
            "more",
            "than",
            "a",
            "third",
            "of",
            "half",
            "tens",
            "thousands",
            "one",
            "two",
            "hundred",
            "and",
            "dozen",
            "between",
            "to",
            "from",
            "$",
            "5",
            "-",
            "%",
            "per",
            "cent",
            "million",
            "troops",
            "February",
            "several",
            "few",
        ];
        let mut soup = String::new();
        for _ in 0..20_000 {
            soup.push_str(words[(lcg(&mut st) as usize) % words.len()]);
            soup.push(' ');
        }
        check_spans(&soup, &extract(&soup, &split(&soup)));
    }

    #[test]
    fn huge_inputs_finish_quickly() {
        let start = std::time::Instant::now();
        let digits = "9".repeat(100_000);
        assert!(extract(&digits, &[]).is_empty());
        let grouped = format!("1{}", ",000".repeat(30_000));
        assert!(extract(&grouped, &[]).is_empty());
        let dotted = "1.".repeat(50_000);
        check_spans(&dotted, &extract(&dotted, &[]));
        let opens = format!("{}5 tanks", "(".repeat(100_000));
        assert_eq!(extract(&opens, &[]).len(), 1);
        let chain = "one ".repeat(50_000);
        check_spans(&chain, &extract(&chain, &[]));
        let long = "Russia massed more than 100 thousand soldiers near the border. ".repeat(5_000);
        let got = extract(&long, &split(&long));
        assert_eq!(got.len(), 5_000);
        check_spans(&long, &got);
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    }
}
