//! Token patterns as data: a small pattern engine over the tokens of an
//! [`Analysis`].
//!
//! A [`Rule`] is one declared unit: a name, a pattern written in the
//! syntax below, and examples that a unit test runs (each rule set's tests
//! call [`check_examples`]). An extractor keeps its rules in a `const`
//! table, compiles them once ([`RuleSet::new`]) and reads each [`Match`]:
//! the token range it covers and its named captures. Adding a pattern is
//! one table entry plus its examples.
//!
//! # Pattern syntax
//!
//! A pattern is a sequence of elements separated by white space. Each
//! element tests one token, or groups elements:
//!
//! | element | matches |
//! |---|---|
//! | `ago` | the word, any ASCII case |
//! | `,` `-` `%` | that punctuation (any single non-alphanumeric char) |
//! | `\?` `\(` `\#` | a literal written with a char the syntax uses: `\` escapes it |
//! | `@month` | a token of a lexicon class ([`Class::name`]); for a class with phrases of several words (“more than”, “due to”), also each phrase, any case, longest first (the longest that lets the rest match) |
//! | `@weekday's` | a word with a possessive ending whose stem is of the class (“Friday’s”) |
//! | `<num>` | a part read by the caller: the tokens a [`Parts`] reader says it spans from here (see [Parts](#parts)) |
//! | `#num` `#word` `#punct` `#any` | a number, a word, a punctuation mark, any token |
//! | `#cap` `#lower` `#upper` | a capitalised, lowercase, all-caps word ([`Shape`]) |
//! | `#possessive` | a word ending in a possessive “’s” (“Friday’s”) |
//! | `#digit` | a word holding a digit (“4th”, “9pm”, “Q3”) |
//! | `#digits:4` `#digits:1-2` | a number of 4 (1 to 2) digits, no `.` or `,` |
//! | `#ordinal` | a number with an ordinal suffix (`4th`, `21st`) |
//! | `/re/` | a token whose whole text matches the regular expression `re`, any case (`/\d{1,2}(am\|pm)/` for “9pm”); no white space or `&` inside |
//! | `a&b` | a token passing both tests (`@month&#cap`) |
//! | `!a` | a token failing test `a` |
//! | `~a` | `a`, touching the token before (no space between: “mid-May”) |
//! | `^` | no token: the start of the tokens matched over (a sentence's first token) |
//! | `( a b \| c )` | a group: alternatives separated by `\|`, tried in order |
//! | `x?` `x{1,3}` | optional; repeated 1 to 3 times (greedy; bounds required) |
//! | `name=x` | `x`, captured as `name` (at most [`MAX_CAPTURES`] names a pattern) |
//! | `(?= x )` `(?! x )` | lookahead: `x` matches (does not match) at this token; consumes nothing |
//! | `(?<= x )` `(?<! x )` | lookbehind: `x`, a fixed number of tokens, matches (does not match) right before this token; before the first token nothing matches |
//!
//! Matching is leftmost-first, like a backtracking regex: alternatives in
//! the order written, `?` and `{m,n}` greedy. Every repetition is bounded,
//! so the work at each start token is bounded by the pattern alone and a
//! scan is linear in the number of tokens. Lookarounds are context
//! conditions (“not after a capitalised word”, “not before a counted
//! noun”): they hold no captures, and the tokens they test are not part
//! of the match.
//!
//! [`RuleSet::scan`] runs a whole set in one pass: each rule's first
//! token test is indexed by token kind and lexicon class, so at most
//! tokens no rule is tried at all. A rule whose first test is a class
//! (`@month`) or a number is cheapest; one starting with a literal word is
//! tried at every word.
//!
//! # Parts
//!
//! Some things a pattern needs are not a fixed shape of tokens: a number
//! written as “two hundred and fifty” or “1.2 million” is read by code.
//! A rule set compiled [`RuleSet::with_parts`] names such parts (`<num>`),
//! and each match is given a [`Parts`] reader that says where the part
//! starting at a token ends ([`Pattern::match_at_with`]). A part is one
//! element: it may be captured (`n=<num>`), made optional or repeated.
//!
//! Patterns match over **pieces** ([`pieces`]): the analysis tokens with
//! every hyphenated word cut at its hyphens, so that “mid-February” is the
//! three pieces `mid`, `-`, `February` (and `~` tells it from “mid -
//! February”).
//!
//! ```
//! use crosscheck_parse::analysis::Analysis;
//! use crosscheck_parse::rules::{pieces, Rule, RuleSet};
//!
//! const RULES: &[Rule] = &[Rule {
//!     name: "offset",
//!     pattern: "pre=(in|within)? n=(#digits:1-3|@number_word|a) unit=(days|weeks) ago=ago?",
//!     examples: &["She leaves [in {n:three} {unit:weeks}].", "!The weeks passed."],
//! }];
//! let rules = RuleSet::new(RULES).unwrap();
//! let text = "Talks ended two weeks ago and resume within 10 days.";
//! let a = Analysis::new(text);
//! let toks = pieces(text, a.tokens());
//! let found: Vec<(&str, &str, Option<&str>)> = rules
//!     .find_iter(text, &toks)
//!     .map(|(_, m)| (m.text(text, &toks), m.capture_text("n", text, &toks).unwrap(), m.capture_text("pre", text, &toks)))
//!     .collect();
//! assert_eq!(found, [("two weeks ago", "two", None), ("within 10 days", "10", Some("within"))]);
//! ```

use crate::analysis::Analysis;
use crate::lexicon::{pack_any, Class, Classes, WordId};
use crate::model::Span;
use crate::text::{Shape, TokKind, Token};
use std::ops::Range;
use std::sync::Arc;

/// A token pattern declared as data, with the examples that pin it.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// The rule's name, unique in its set; extractors dispatch on it.
    pub name: &'static str,
    /// The pattern (see the [module documentation](self)).
    pub pattern: &'static str,
    /// Examples run by [`check_examples`]: a text with the first match
    /// marked `[like this]`, captures inside it marked `{name:like this}`;
    /// or a text starting with `!` in which the rule matches nothing.
    pub examples: &'static [&'static str],
}

/// A pattern that does not parse: the rule, what is wrong and where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("rule {rule:?}: {message} at element {at}")]
pub struct PatternError {
    /// The rule's name.
    pub rule: String,
    /// What is wrong.
    pub message: String,
    /// Index of the offending element (0-based) in the pattern.
    pub at: usize,
}

/// A test on one token.
#[derive(Clone, Debug, PartialEq)]
enum Test {
    /// The word (lowercase), any ASCII case.
    Literal(String),
    /// One of the words (lowercase), any ASCII case; `lengths` has bit `n`
    /// set when a word has `n` bytes (`n < 64`; bit 63 for longer ones),
    /// so that most tokens are turned away without a compare.
    Words {
        words: Vec<String>,
        lengths: u64,
        /// The words' ids in the set's vocabulary, as a bit set (empty
        /// outside a [`RuleSet`]: the words are compared).
        ids: Vec<u64>,
    },
    Class(Class),
    /// A token of any of the classes (a merged [`Test::Or`] of classes).
    AnyClass(Classes),
    /// A word with a possessive ending whose stem is in the class
    /// (“Friday’s” for `@weekday's`).
    PossessiveOf(Class),
    Kind(TokKind),
    Shape(Shape),
    /// A number of `min..=max` digits and nothing else.
    Digits(usize, usize),
    Ordinal,
    /// The token's whole text matches the regex (compiled anchored and
    /// case-insensitive).
    Regex(TokenRegex),
    Any,
    /// No white space between this token and the one before.
    Touching,
    And(Vec<Test>),
    /// Any of the tests (the first tokens of alternatives).
    Or(Vec<Test>),
    Not(Box<Test>),
    /// A caller's part starts here ([`Parts`]).
    Part(usize),
}

/// A regex on a token's whole text (compared by its source).
#[derive(Clone, Debug)]
struct TokenRegex {
    re: regex::Regex,
    /// The bytes a match may end with (bit `b % 64` of word `b / 64`),
    /// when they are known: the last bytes of the regex's suffix literals,
    /// in every case the regex accepts (`/.+s/`: `s`, `S` and the last
    /// byte of `ſ`). A token ending otherwise is turned away without
    /// running the regex (most tokens a regex is tried on are). `None`
    /// when any byte may end a match (`/\d{2}z?/`).
    last_bytes: Option<[u64; 4]>,
}

impl TokenRegex {
    /// The test of a token's whole text against `re` (case-insensitive).
    fn new(re: &str) -> Result<TokenRegex, regex::Error> {
        let re = regex::Regex::new(&format!("(?i)^(?:{re})$"))?;
        let last_bytes = regex_syntax::Parser::new()
            .parse(re.as_str())
            .ok()
            .and_then(|hir| {
                let mut suffixes = regex_syntax::hir::literal::Extractor::new();
                suffixes.kind(regex_syntax::hir::literal::ExtractKind::Suffix);
                let seq = suffixes.extract(&hir);
                let mut bits = [0u64; 4];
                for l in seq.literals().filter(|ls| !ls.is_empty())? {
                    // an empty suffix rules nothing out
                    let b = *l.as_bytes().last()?;
                    bits[usize::from(b / 64)] |= 1 << (b % 64);
                }
                Some(bits)
            });
        Ok(TokenRegex { re, last_bytes })
    }

    /// True when `w` matches the regex.
    fn is_match(&self, w: &str) -> bool {
        let may_end = |bits: &[u64; 4]| {
            w.as_bytes()
                .last()
                .is_some_and(|&b| bits[usize::from(b / 64)] >> (b % 64) & 1 != 0)
        };
        self.last_bytes.as_ref().is_none_or(may_end) && self.re.is_match(w)
    }

    /// True when every match starts with an ASCII digit (the source, as
    /// written in the pattern, starts with `\d` or a digit).
    fn starts_with_digit(&self) -> bool {
        let src = self.re.as_str().trim_start_matches("(?i)^(?:");
        src.starts_with("\\d") || src.starts_with(|c: char| c.is_ascii_digit())
    }
}

impl PartialEq for TokenRegex {
    fn eq(&self, other: &Self) -> bool {
        self.re.as_str() == other.re.as_str()
    }
}

/// A compiled pattern element.
#[derive(Clone, Debug)]
enum Node {
    Test(Test),
    Seq(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: usize,
        max: usize,
    },
    Capture {
        slot: usize,
        node: Box<Node>,
    },
    /// One of the entries of a lexicon class: its phrases of several
    /// words (lowercase, longest first; any case), else a token of the
    /// class (its one-word entries).
    Phrase {
        class: Class,
        phrases: Vec<Vec<String>>,
        /// The phrases' words' ids in the set's vocabulary (empty outside
        /// a [`RuleSet`]).
        ids: Vec<Vec<u16>>,
    },
    /// A lookaround: `node` must (or, `negate`, must not) match at this
    /// token (lookahead), or end right before it (lookbehind, `node`
    /// being `len` tokens long). Consumes nothing.
    Look {
        behind: bool,
        negate: bool,
        len: usize,
        node: Box<Node>,
    },
    /// A caller's part ([`Parts`]), by index.
    Part(usize),
    /// The start of the tokens (`^`): matches no token.
    Start,
}

/// The parts of a pattern the caller reads: for part `part` (its index in
/// the names given to [`RuleSet::with_parts`]) starting at token `at`, the
/// index one past its last token, if the part is there.
///
/// ```
/// use crosscheck_parse::analysis::Analysis;
/// use crosscheck_parse::rules::{pieces, Parts, Rule, RuleSet};
///
/// /// `<twice>`: a word written twice in a row.
/// struct Twice<'a>(&'a str, &'a [crosscheck_parse::analysis::Token]);
/// impl Parts for Twice<'_> {
///     fn end(&self, _part: usize, at: usize) -> Option<usize> {
///         let (a, b) = (self.1.get(at)?, self.1.get(at + 1)?);
///         (a.text(self.0) == b.text(self.0)).then_some(at + 2)
///     }
/// }
/// const RULES: &[Rule] = &[Rule {
///     name: "very",
///     pattern: "w=<twice> good",
///     examples: &["It was [{w:very very} good]."],
/// }];
/// let set = RuleSet::with_parts(RULES, &["twice"]).unwrap();
/// let text = "It was very very good.";
/// let toks = pieces(text, Analysis::new(text).tokens());
/// let (_, _, m) = set.matches_at(text, &toks, 2, &Twice(text, &toks)).next().unwrap();
/// assert_eq!(m.text(text, &toks), "very very good");
/// ```
pub trait Parts {
    /// Where part `part` starting at token `at` ends (one past its last
    /// token), or `None` when it does not start there.
    fn end(&self, part: usize, at: usize) -> Option<usize>;
}

/// The [`Parts`] reader of a rule set that names none.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoParts;

impl Parts for NoParts {
    fn end(&self, _part: usize, _at: usize) -> Option<usize> {
        None
    }
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub struct Pattern {
    root: Node,
    /// The first test is exactly what [`FirstIndex`] checks (classes and
    /// literal words): a scan need not test it again.
    first_indexed: bool,
    /// The test every match's first token passes, when the pattern has
    /// one (most do): a start where it fails is skipped at once.
    first: Option<Test>,
    /// The ways a match can begin (see [`starts`]).
    starts: Option<Vec<(Test, Option<Test>)>>,
    /// For each way of `starts`, in a [`RuleSet`]: a necessary condition
    /// on its first and second tokens read off the tokens' kind, classes
    /// and word id, so that most ways are turned away without a test.
    way_filters: Vec<[TokFilter; 2]>,
    /// In a [`RuleSet`], the set's vocabulary ids by lexicon word.
    word_ids: Option<WordIds>,
    /// The pattern is one test of one token, with no capture (“( @article
    /// | on | at )”): its match at a start is that token when the token
    /// passes `first`, with no walk ([`one_token`]).
    one_token: bool,
    /// Capture names by slot.
    names: Arc<[&'static str]>,
    /// `root` compiled to instructions (see [`Program`]).
    prog: Program,
}

/// The most capture names a pattern may have: a [`Match`] holds their
/// ranges in place (a vector allocated per match before; the date rules
/// have seven at most).
pub const MAX_CAPTURES: usize = 8;

/// One match of a pattern: token indices into the slice it ran on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The tokens matched.
    pub tokens: Range<usize>,
    /// Capture names by slot (shared with the pattern).
    names: Arc<[&'static str]>,
    /// Token range of each capture slot that took part in the match (the
    /// slots past the pattern's names are `None`), as `u32`s: a `Match`
    /// of 128 bytes is moved in registers (a slice of more than 4 Gi
    /// tokens, 190 GB of them, is out of reach).
    captures: [Option<Range<u32>>; MAX_CAPTURES],
}

impl Match {
    /// The token range captured as `name`, if that part matched.
    pub fn capture(&self, name: &str) -> Option<Range<usize>> {
        let slot = self.names.iter().position(|n| *n == name)?;
        let r = self.captures.get(slot)?.clone()?;
        Some(r.start as usize..r.end as usize)
    }

    /// The byte span of the whole match in the text (`toks` as given to
    /// the matcher).
    pub fn span(&self, toks: &[Token]) -> Span {
        range_span(toks, &self.tokens)
    }

    /// The byte span captured as `name`; `None` when it did not take part
    /// or matched no token.
    pub fn capture_span(&self, name: &str, toks: &[Token]) -> Option<Span> {
        let r = self.capture(name)?;
        (!r.is_empty()).then(|| range_span(toks, &r))
    }

    /// The text of the whole match.
    pub fn text<'t>(&self, text: &'t str, toks: &[Token]) -> &'t str {
        self.span(toks).slice(text)
    }

    /// The text captured as `name` (see [`Match::capture_span`]).
    pub fn capture_text<'t>(&self, name: &str, text: &'t str, toks: &[Token]) -> Option<&'t str> {
        Some(self.capture_span(name, toks)?.slice(text))
    }
}

/// The span from the first to the last token of `r` (empty at the start
/// of the token at `r.start` when `r` is empty).
fn range_span(toks: &[Token], r: &Range<usize>) -> Span {
    match (
        toks.get(r.start),
        r.end.checked_sub(1).and_then(|e| toks.get(e)),
    ) {
        (Some(a), Some(b)) if r.start < r.end => Span::new(a.span.start, b.span.end),
        (Some(a), _) => Span::new(a.span.start, a.span.start),
        _ => Span::new(0, 0),
    }
}

/// A test that the first token of every non-empty match of `node`
/// passes, if one is certain (`None` when any token may start a match),
/// and whether the node may match no token at all. An optional element
/// at the front adds its test to the next one's (`q=@qualifier?
/// n=<amount>`: a qualifier word or an amount); a zero-width element
/// (lookaround, `^`) adds none.
fn first_test(node: &Node) -> (Option<Test>, bool) {
    match node {
        Node::Test(t) => (Some(t.clone()), false),
        Node::Part(p) => (Some(Test::Part(*p)), false),
        // zero-width: no token of its own
        Node::Start | Node::Look { .. } => (Some(Test::Or(Vec::new())), true),
        Node::Capture { node, .. } => first_test(node),
        Node::Repeat { node, min, .. } => {
            let (t, nullable) = first_test(node);
            (t, nullable || *min == 0)
        }
        Node::Seq(items) => seq_first(items.iter()),
        Node::Alt(alts) => {
            let mut acc = Test::Or(Vec::new());
            let mut nullable = false;
            for a in alts {
                let (t, n) = first_test(a);
                let Some(t) = t else {
                    return (None, false);
                };
                acc = or_test(acc, t);
                nullable |= n;
            }
            (Some(acc), nullable)
        }
        Node::Phrase { class, phrases, .. } if phrases.is_empty() => {
            (Some(Test::Class(*class)), false)
        }
        Node::Phrase { class, phrases, .. } => {
            let mut words: Vec<String> =
                phrases.iter().filter_map(|p| p.first().cloned()).collect();
            words.sort();
            words.dedup();
            let lengths = words.iter().fold(0, |m, w| m | length_bit(w.len()));
            let words = Test::Words {
                words,
                lengths,
                ids: Vec::new(),
            };
            (Some(or_test(Test::Class(*class), words)), false)
        }
    }
}

/// `a` or `b`, flattened (an empty `Or` is no test: `a` alone).
fn or_test(a: Test, b: Test) -> Test {
    if a == Test::Or(Vec::new()) {
        return b;
    }
    let mut all = Vec::new();
    for t in [a, b] {
        match t {
            Test::Or(ts) => all.extend(ts),
            t => all.push(t),
        }
    }
    Test::Or(all)
}

/// [`first_test`] of a sequence of `items`.
fn seq_first<'a>(items: impl IntoIterator<Item = &'a Node>) -> (Option<Test>, bool) {
    let mut acc = Test::Or(Vec::new());
    for item in items {
        let (t, nullable) = first_test(item);
        let Some(t) = t else {
            return (None, false);
        };
        acc = or_test(acc, t);
        if !nullable {
            return (Some(acc), false);
        }
    }
    (Some(acc), true)
}

/// True when [`FirstIndex`] finds exactly the tokens that pass `test`
/// (a class, classes, literal words, or some of these).
fn indexed_exactly(test: &Test) -> bool {
    match test {
        Test::Class(_) | Test::AnyClass(_) => true,
        Test::Literal(w) => w.chars().all(char::is_alphabetic),
        Test::Words { words, .. } => words.iter().all(|w| w.chars().all(char::is_alphabetic)),
        Test::Or(any) => any.iter().all(indexed_exactly),
        _ => false,
    }
}

/// `test` with its alternatives merged: nested [`Test::Or`]s flattened,
/// their words one [`Test::Words`], their classes one
/// [`Test::AnyClass`] (the same tokens pass, with fewer steps). The
/// merged words keep their vocabulary ids when every word test had them.
fn simplify(test: Test) -> Test {
    fn flatten(t: Test, out: &mut Vec<Test>) {
        match t {
            Test::Or(any) => any.into_iter().for_each(|a| flatten(a, out)),
            other => out.push(other),
        }
    }
    let Test::Or(any) = test else {
        return test;
    };
    let mut flat = Vec::new();
    any.into_iter().for_each(|a| flatten(a, &mut flat));
    let (mut words, mut classes, mut rest) = (Vec::<String>::new(), Classes::NONE, Vec::new());
    // the words' vocabulary ids (a union of bit sets), when every word
    // test merged has its ids (compiled in a set: [`Vocab::compile`])
    let mut ids: Option<Vec<u64>> = None;
    let mut all_ids = true;
    for t in flat {
        match t {
            Test::Literal(w) => {
                words.push(w);
                all_ids = false;
            }
            Test::Words {
                words: ws, ids: i, ..
            } => {
                words.extend(ws);
                all_ids &= !i.is_empty();
                let union = ids.get_or_insert_with(Vec::new);
                union.resize(union.len().max(i.len()), 0);
                union.iter_mut().zip(&i).for_each(|(u, b)| *u |= b);
            }
            Test::Class(c) => classes = classes.with(c),
            Test::AnyClass(cs) => classes |= cs,
            other => rest.push(other),
        }
    }
    words.sort();
    words.dedup();
    if !words.is_empty() {
        let lengths = words.iter().fold(0, |m, w| m | length_bit(w.len()));
        rest.insert(
            0,
            Test::Words {
                words,
                lengths,
                ids: ids.filter(|_| all_ids).unwrap_or_default(),
            },
        );
    }
    if !classes.is_empty() {
        rest.insert(0, Test::AnyClass(classes));
    }
    match <[Test; 1]>::try_from(rest) {
        Ok([one]) => one,
        Err(rest) => Test::Or(rest),
    }
}

/// The test the first token of every match of the sequence `items`
/// passes, when certain and the sequence matches at least one token.
fn seq_first_test_of(items: &[&Node]) -> Option<Test> {
    match seq_first(items.iter().copied()) {
        (Some(t), false) => Some(t),
        _ => None,
    }
}

/// The ways a match of `node` can begin: for each, a test its first token
/// passes and, when certain, one its second token passes (“the weekend”:
/// `the` then `weekend`; “the? s=@season”: `the` then a season, or a
/// season then anything). A start that fits no way is skipped without a
/// walk. `None` when the ways are not certain (a match may be empty or
/// begin with a repetition) or too many to be worth testing.
fn starts(node: &Node) -> Option<Vec<(Test, Option<Test>)>> {
    let ways = seq_starts(&[node])?;
    (ways.len() <= 16).then(|| {
        ways.into_iter()
            .map(|(f, s)| (simplify(f), s.map(simplify)))
            .collect()
    })
}

/// [`starts`] of a sequence of `items`.
fn seq_starts<'a>(items: &[&'a Node]) -> Option<Vec<(Test, Option<Test>)>> {
    let k = items.iter().position(|n| !zero_width(n))?;
    let (head, rest) = (items[k], &items[k + 1..]);
    let then =
        |first: &[&'a Node]| -> Vec<&'a Node> { first.iter().chain(rest).copied().collect() };
    match head {
        Node::Test(t) => Some(vec![(t.clone(), seq_first_test_of(rest))]),
        Node::Capture { node, .. } => seq_starts(&then(&[node])),
        Node::Seq(inner) => seq_starts(&then(&inner.iter().collect::<Vec<_>>())),
        Node::Alt(alts) => {
            let mut ways = Vec::new();
            for a in alts {
                ways.extend(seq_starts(&then(&[a]))?);
            }
            Some(ways)
        }
        // `x?`: taken or skipped
        Node::Repeat {
            node,
            min: 0,
            max: 1,
        } => {
            let mut ways = seq_starts(&then(&[node]))?;
            ways.extend(seq_starts(rest)?);
            Some(ways)
        }
        Node::Phrase { class, phrases, .. } => {
            let mut ways: Vec<(Test, Option<Test>)> = phrases
                .iter()
                .filter_map(|p| {
                    let second = p.get(1)?;
                    Some((
                        Test::Literal(p[0].clone()),
                        Some(Test::Literal(second.clone())),
                    ))
                })
                .collect();
            ways.push((Test::Class(*class), seq_first_test_of(rest)));
            Some(ways)
        }
        _ => None,
    }
}

/// True when every match of `node` is one token that passes a test of
/// `node` (what [`first_test`] makes of it: a test, a class's one-word
/// entries, alternatives of these).
fn one_token(node: &Node) -> bool {
    match node {
        Node::Test(_) => true,
        Node::Phrase { phrases, .. } => phrases.is_empty(),
        Node::Alt(alts) => alts.iter().all(one_token),
        Node::Seq(items) => matches!(items.as_slice(), [one] if one_token(one)),
        _ => false,
    }
}

/// True when `node` only tests context: lookarounds, and groups of them.
fn zero_width(node: &Node) -> bool {
    match node {
        Node::Look { .. } | Node::Start => true,
        Node::Seq(items) | Node::Alt(items) => items.iter().all(zero_width),
        _ => false,
    }
}

/// The largest `{m,n}` bound a pattern may use: repetitions stay short, so
/// matching stays linear in the text.
const MAX_REPEAT: usize = 16;

impl Pattern {
    /// Parses `src` (see the module documentation); `rule` names the rule
    /// in errors.
    pub fn parse(rule: &str, src: &'static str) -> Result<Pattern, PatternError> {
        Self::parse_with(rule, src, &[])
    }

    /// Parses `src`, whose `<name>` elements are the caller's `parts` (by
    /// index: see [`Parts`]).
    pub fn parse_with(
        rule: &str,
        src: &'static str,
        parts: &[&str],
    ) -> Result<Pattern, PatternError> {
        let elems = lex(src);
        let mut p = Parser {
            rule,
            elems: &elems,
            at: 0,
            names: Vec::new(),
            in_look: false,
            parts,
        };
        let root = p.alternatives()?;
        if p.at < elems.len() {
            return Err(p.error("unbalanced `)`"));
        }
        let first = match first_test(&root) {
            (Some(t), false) => Some(simplify(t)),
            _ => None,
        };
        Ok(Pattern {
            one_token: one_token(&root) && p.names.is_empty(),
            first_indexed: first.as_ref().is_some_and(indexed_exactly),
            first,
            starts: starts(&root),
            way_filters: Vec::new(),
            word_ids: None,
            prog: Program::of(&root),
            root,
            names: p.names.into(),
        })
    }

    /// How many tokens from a match's first token capture `name` may
    /// reach (one past its last token, at most): a match starting further
    /// back than that before a token cannot capture it. `None` when the
    /// pattern has no such capture or its reach is unbounded (a part).
    pub fn capture_reach(&self, name: &str) -> Option<usize> {
        let slot = self.names.iter().position(|n| *n == name)?;
        capture_reach(&self.root, slot).flatten()
    }

    /// The match starting at token `start` of `toks`, if any.
    pub fn match_at(&self, text: &str, toks: &[Token], start: usize) -> Option<Match> {
        self.match_at_with(text, toks, start, &NoParts)
    }

    /// The match starting at token `start` of `toks`, the pattern's parts
    /// read by `parts`.
    #[inline]
    pub fn match_at_with(
        &self,
        text: &str,
        toks: &[Token],
        start: usize,
        parts: &dyn Parts,
    ) -> Option<Match> {
        let m = Matcher {
            text,
            toks,
            ids: None,
            word_ids: self.word_ids.as_ref(),
            parts,
        };
        if !self.may_start(&m, start, false) {
            return None;
        }
        if self.one_token {
            // `may_start` tested the one test
            return Some(Match {
                tokens: start..start + 1,
                names: Arc::clone(&self.names),
                captures: Default::default(),
            });
        }
        Scratch::with(|s| self.walk_from(&m, start, s))
    }

    /// True when a match may start at `start`: its first token passes the
    /// first test (not tested again when `indexed`, the caller having
    /// found `start` with the [`FirstIndex`] that checks it exactly), and
    /// its first tokens fit one of the ways a match begins.
    #[inline]
    fn may_start(&self, m: &Matcher, start: usize, indexed: bool) -> bool {
        let indexed = indexed && self.first_indexed;
        if let Some(t) = self.first.as_ref().filter(|_| !indexed) {
            if !m.accepts(t, start) {
                return false;
            }
        }
        let way = |(first, second): &(Test, Option<Test>)| {
            m.accepts(first, start) && second.as_ref().is_none_or(|t| m.accepts(t, start + 1))
        };
        match (&self.starts, m.ids) {
            (Some(ways), Some(ids)) if ways.len() == self.way_filters.len() => {
                let tok = |i: usize| Some((m.toks.get(i)?, *ids.get(i)?));
                let (a, b) = (tok(start), tok(start + 1));
                let may =
                    |f: &TokFilter, t: Option<(&Token, u16)>| t.is_none_or(|(t, id)| f.may(t, id));
                ways.iter()
                    .zip(&self.way_filters)
                    .any(|(w, [fa, fb])| may(fa, a) && may(fb, b) && way(w))
            }
            (Some(ways), _) => ways.iter().any(way),
            (None, _) => true,
        }
    }

    /// The match starting at `start`, past [`Pattern::may_start`]; `s`
    /// the buffers of the try.
    #[inline(never)]
    fn walk_from(&self, m: &Matcher, start: usize, s: &mut Scratch) -> Option<Match> {
        s.caps.clear();
        s.caps.resize(self.names.len(), None);
        s.regs.clear();
        s.regs.resize(self.prog.regs, 0);
        s.stack.clear();
        let end = m.run(&self.prog.ops, 0, start, None, s)?;
        let mut captures: [Option<Range<u32>>; MAX_CAPTURES] = Default::default();
        for (to, from) in captures.iter_mut().zip(&s.caps) {
            *to = from.as_ref().map(|r| r.start as u32..r.end as u32);
        }
        Some(Match {
            tokens: start..end,
            names: Arc::clone(&self.names),
            captures,
        })
    }

    /// The non-overlapping matches in `toks`, left to right: at each token
    /// the match starting there (if any), then on after its end (or after
    /// that token when the match is empty).
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
        toks: &'a [Token],
    ) -> impl Iterator<Item = Match> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < toks.len() {
                let start = at;
                match self.match_at(text, toks, start) {
                    Some(m) if !m.tokens.is_empty() => {
                        at = m.tokens.end;
                        return Some(m);
                    }
                    _ => at += 1,
                }
            }
            None
        })
    }
}

/// A set of rules compiled once.
#[derive(Clone, Debug)]
pub struct RuleSet {
    rules: Vec<(Rule, Pattern)>,
    /// Which rules can start at a token, by its kind and classes.
    index: FirstIndex,
    /// Which rules can have a match whose second token is a given token
    /// (from the ways a match begins, [`starts`]): a scan tries a rule
    /// at a token only when the token after it fits too.
    second: FirstIndex,
    /// Every literal word of the rules, with an id: a scan looks each
    /// token up once, and its literal tests compare ids.
    vocab: Vocab,
    /// A token each rule's matches hold: a rule whose token is not among
    /// the tokens scanned is not tried at all.
    needs: Needs,
}

/// For each rule of a set, the tests that some token of every match
/// passes (see [`required_tests`]), as [`FirstFilter`]s: a scan enables a
/// rule only when, for each of its tests, some token of the slice passes
/// it (most sentences hold no month, weekday, number or unit of time,
/// and most rules need one; “three years ago” needs a unit of time and
/// `ago`).
///
/// The tokens are read once for the distinct tests (“needs”, one bit
/// each): the rules whose rarest need ([`rarity`]) is met are the
/// candidates, and those of them with another need unmet are dropped.
#[derive(Clone, Debug, Default)]
struct Needs {
    /// Needs met by a token of some kind (word, number, punctuation).
    by_kind: [u128; 3],
    /// `by_class[c]`: needs met by a token of class `c` (by its bit).
    by_class: Vec<u128>,
    /// `by_word[id]`: needs met by the literal word of id `id`.
    by_word: Vec<u128>,
    by_digit_word: u128,
    by_possessive: u128,
    /// Needs taken as met whatever the tokens (a word outside the
    /// vocabulary).
    always: u128,
    /// Every class of `by_class` with needs: a sentence's tokens have
    /// many classes, and most are none of these.
    classes: u128,
    /// `primary[n]`: the rules whose rarest need is need `n`.
    primary: Vec<u128>,
    /// The needs that are some rule's rarest (most needs met in a
    /// sentence are common words, no rule's rarest).
    primaries: u128,
    /// `all[r]`: every need of rule `r`.
    all: Vec<u128>,
    /// The rules with more than one need (a rule whose one need is its
    /// rarest is enabled when that is met).
    several: u128,
    /// Rules needing nothing in particular (always enabled).
    free: u128,
}

/// The most needs a [`Needs`] tells apart (one bit each); a rule's
/// further needs are not checked.
const MAX_NEEDS: usize = 128;

impl Needs {
    fn new(patterns: &[&Pattern], vocab: &Vocab) -> Needs {
        let mut n = Needs {
            by_class: vec![0; 128],
            by_word: vec![0; vocab.len()],
            all: vec![0; patterns.len()],
            ..Needs::default()
        };
        // each rule's tests, the rarest first (its primary need)
        let tests: Vec<Vec<Test>> = patterns
            .iter()
            .map(|p| {
                let mut ts = Vec::new();
                required_tests(&p.root, &mut ts);
                let mut ts: Vec<Test> = ts.into_iter().map(simplify).collect();
                ts.sort_by_key(|t| rarity(&FirstFilter::of(t)));
                ts.dedup();
                ts
            })
            .collect();
        let mut distinct: Vec<Test> = Vec::new();
        // primaries first, so that every rule has one
        for pass in 0..2 {
            for (r, ts) in tests.iter().enumerate() {
                let ts = if pass == 0 {
                    ts.get(..1).unwrap_or(&[])
                } else {
                    ts.get(1..).unwrap_or(&[])
                };
                for t in ts {
                    let need = match distinct.iter().position(|d| d == t) {
                        Some(k) => k,
                        None if distinct.len() < MAX_NEEDS => {
                            distinct.push(t.clone());
                            n.add(distinct.len() - 1, &FirstFilter::of(t), vocab);
                            distinct.len() - 1
                        }
                        None => continue,
                    };
                    n.all[r] |= 1 << need;
                    if pass == 0 {
                        n.primary.resize(distinct.len(), 0);
                        n.primary[need] |= 1 << r;
                        n.primaries |= 1 << need;
                    }
                }
            }
        }
        for (r, ts) in tests.iter().enumerate() {
            if ts.is_empty() {
                n.free |= 1 << r;
            }
            if n.all[r].count_ones() > 1 {
                n.several |= 1 << r;
            }
        }
        n
    }

    /// Need `need` is met by the tokens passing `f`.
    fn add(&mut self, need: usize, f: &FirstFilter, vocab: &Vocab) {
        let bit = 1u128 << need;
        for k in 0..3 {
            if f.kinds[k] {
                self.by_kind[k] |= bit;
            }
        }
        for c in f.classes.iter() {
            self.by_class[c as usize] |= bit;
            self.classes |= Classes::of(c).bits();
        }
        for w in &f.words {
            match vocab.get(w) {
                Some(id) => self.by_word[usize::from(id)] |= bit,
                None => self.always |= bit,
            }
        }
        if f.digit_words {
            self.by_digit_word |= bit;
        }
        if f.possessive_words {
            self.by_possessive |= bit;
        }
    }

    /// The rules whose required token is among `toks`, each token's
    /// vocabulary id given to `each_id` in order (one pass: the kinds,
    /// classes and shapes of the tokens are or-ed together, and each
    /// token is looked up once).
    fn enabled(
        &self,
        vocab: &Vocab,
        text: &str,
        toks: &[Token],
        mut each_id: impl FnMut(u16),
    ) -> u128 {
        let mut met = self.always;
        let (mut kinds, mut classes) = (0usize, 0u128);
        // the shapes of all the tokens, or-ed (numbers and punctuation
        // have none)
        let mut shapes = Shape::default();
        for t in toks {
            let id = vocab.id(text, t);
            each_id(id);
            kinds |= 1 << kind_index(t.kind);
            classes |= t.classes.bits();
            shapes = shapes.with(t.shape);
            if let Some(r) = self.by_word.get(usize::from(id)) {
                met |= r;
            }
        }
        let digit = shapes.has(Shape::HAS_DIGIT);
        let possessive = shapes.has(Shape::POSSESSIVE);
        for (k, r) in self.by_kind.iter().enumerate() {
            if kinds >> k & 1 != 0 {
                met |= r;
            }
        }
        if digit {
            met |= self.by_digit_word;
        }
        if possessive {
            met |= self.by_possessive;
        }
        classes &= self.classes;
        while classes != 0 {
            met |= self.by_class[classes.trailing_zeros() as usize];
            classes &= classes - 1;
        }
        // the rules whose rarest need is met, less those with another
        // need unmet
        let mut rules = 0;
        let mut needs = met & self.primaries;
        while needs != 0 {
            rules |= self
                .primary
                .get(needs.trailing_zeros() as usize)
                .unwrap_or(&0);
            needs &= needs - 1;
        }
        let unmet = !met;
        let mut candidates = rules & self.several;
        while candidates != 0 {
            let r = candidates.trailing_zeros() as usize;
            // rule `r`'s bit alone (a `u128` shift by `r` costs more)
            let bit = candidates & candidates.wrapping_neg();
            candidates ^= bit;
            if self.all[r] & unmet != 0 {
                rules ^= bit;
            }
        }
        rules | self.free
    }
}

/// Tests that some token of every match of `node` passes, each (the
/// tokens of a positive lookaround are among those scanned too), added
/// to `out`: those of each element of a sequence, the rarest test of
/// each alternative of a group ([`required_test`]).
fn required_tests(node: &Node, out: &mut Vec<Test>) {
    match node {
        Node::Seq(items) => items.iter().for_each(|n| required_tests(n, out)),
        Node::Capture { node, .. } => required_tests(node, out),
        Node::Repeat { node, min, .. } if *min > 0 => required_tests(node, out),
        Node::Look {
            negate: false,
            node,
            ..
        } => required_tests(node, out),
        _ => out.extend(required_test(node)),
    }
}

/// A test that some token of every match of `node` passes, the rarest in
/// a sentence found ([`rarity`]): `None` when a match may consist of
/// optional parts only.
fn required_test(node: &Node) -> Option<Test> {
    match node {
        Node::Test(t) => Some(t.clone()),
        Node::Seq(items) => items
            .iter()
            .filter_map(required_test)
            .min_by_key(|t| rarity(&FirstFilter::of(&simplify(t.clone())))),
        Node::Alt(alts) => alts
            .iter()
            .map(required_test)
            .collect::<Option<Vec<_>>>()
            .map(Test::Or),
        Node::Capture { node, .. } => required_test(node),
        Node::Repeat { node, min, .. } if *min > 0 => required_test(node),
        // a part's tokens are the caller's: no test of the set's
        Node::Repeat { .. } | Node::Look { .. } | Node::Part(_) | Node::Start => None,
        // a one-word entry, or a phrase's last word (“the day before
        // yesterday”: “yesterday”)
        Node::Phrase { class, phrases, .. } => {
            let words: Vec<String> = phrases.iter().filter_map(|p| p.last().cloned()).collect();
            let lengths = words.iter().fold(0, |m, w| m | length_bit(w.len()));
            Some(Test::Or(vec![
                Test::Class(*class),
                Test::Words {
                    words,
                    lengths,
                    ids: Vec::new(),
                },
            ]))
        }
    }
}

/// How common in a sentence a token passing `f` is, roughly (lower is
/// rarer): numbers and words with digits, then word classes, then
/// literal words (short ones are common: “the”, “in”), then any word.
fn rarity(f: &FirstFilter) -> (u8, usize) {
    let word = f.kinds[kind_index(TokKind::Word)];
    let other_kinds = f.kinds[kind_index(TokKind::Punct)];
    let shortest = f.words.iter().map(String::len).min().unwrap_or(usize::MAX);
    match () {
        _ if word || other_kinds => (9, 0),
        _ if f.classes.is_empty() && f.words.is_empty() => (1, 0),
        _ if f.words.is_empty() => (2, 0),
        _ => (3, 16usize.saturating_sub(shortest)),
    }
}

/// The id of a token that is no literal word of the set.
const NO_WORD: u16 = u16::MAX;

/// The literal words of a rule set (lowercase), each with an id.
#[derive(Clone, Debug, Default)]
struct Vocab {
    ids: rustc_hash::FxHashMap<String, u16>,
    /// `by_word[w]`: the id of the word whose lexicon [`WordId`] is `w`
    /// ([`NO_WORD`] for the other words): a word token carries its
    /// `WordId`, so its id is one array read. Shared with the set's
    /// patterns ([`WordIds`]).
    by_word: Arc<[u16]>,
    /// True when some word a word token may spell has no `WordId` (a rule
    /// set of the caller's, not the crate's: the lexicon holds the crate's
    /// rules' words), so that [`WordId::ABSENT`] does not rule it out.
    unlisted: bool,
    /// True when some word is a number (“24”): number tokens have no
    /// `WordId`, and without such a word need no lookup.
    numbers: bool,
    /// The ids of the words of at most 16 bytes, by [`pack_any`]: a
    /// token's lookup is one multiply and a probe or two.
    short: PackedTable,
    /// Bit `n` set when some word has `n` bytes (as [`length_bit`]), and
    /// the (first byte, last byte) pairs of the words, ASCII lowercased
    /// (as [`edge_bit`]): most tokens need no lookup.
    lengths: u64,
    edges: Vec<u64>,
}

/// The place of a word's (first byte, last byte) pair, ASCII lowercased,
/// in [`Vocab`]'s `edges` bits: (word index, bit).
fn edge_bit(b: &[u8]) -> (usize, u64) {
    let byte = |i: Option<&u8>| usize::from(i.map_or(0, u8::to_ascii_lowercase));
    let pair = byte(b.first()) << 8 | byte(b.last());
    (pair / 64, 1 << (pair % 64))
}

impl Vocab {
    fn len(&self) -> usize {
        self.ids.len()
    }

    fn get(&self, w: &str) -> Option<u16> {
        self.ids.get(w).copied()
    }

    fn add(&mut self, w: &str) {
        if self.ids.contains_key(w) || self.ids.len() >= usize::from(NO_WORD) {
            return;
        }
        let id = self.ids.len() as u16;
        self.ids.insert(w.to_string(), id);
        if let Some((k, _)) = pack_any(w) {
            self.short.insert(k, id);
        }
        self.lengths |= length_bit(w.len());
        if self.edges.is_empty() {
            self.edges = vec![0; 256 * 256 / 64];
        }
        let (i, bit) = edge_bit(w.as_bytes());
        self.edges[i] |= bit;
    }

    /// Fills `by_word` and `unlisted` once every word is added.
    fn index_word_ids(&mut self) {
        let mut by_word = vec![NO_WORD; crate::lexicon::word_count()];
        for (w, &id) in &self.ids {
            if is_number(w) {
                self.numbers = true;
            }
            if !has_word_id(w) {
                continue;
            }
            // a word of more than 16 bytes matches only in lowercase (see
            // `id`); one with capitals matches no token at all
            if w.len() > 16 && w.bytes().any(|b| b.is_ascii_uppercase()) {
                continue;
            }
            match crate::lexicon::word_id(w).index() {
                Some(i) => by_word[i] = id,
                None => self.unlisted = true,
            }
        }
        self.by_word = by_word.into();
    }

    /// The id of token `t`'s text in any ASCII case, [`NO_WORD`] when it
    /// is none of the words.
    #[inline]
    fn id(&self, text: &str, t: &Token) -> u16 {
        if let Some(i) = t.word.index() {
            return self.by_word.get(i).copied().unwrap_or(NO_WORD);
        }
        let listed = match (t.word, t.kind) {
            (WordId::ABSENT, _) => self.unlisted,
            (_, TokKind::Number) => self.numbers,
            // a non-ASCII word or mark (“o’clock”, “–”)
            _ => true,
        };
        // (most of these tokens, numbers above all, are turned away by
        // their length and edge bytes, here rather than after a call)
        let bytes = text.as_bytes().get(t.span.start..t.span.end).unwrap_or(&[]);
        if listed && self.may_hold(bytes) {
            self.id_of_text(text, t)
        } else {
            NO_WORD
        }
    }

    /// False when no word of the set has as many bytes as `w`, or its
    /// first and last bytes (ASCII lowercased): `w` is none of them.
    #[inline]
    fn may_hold(&self, w: &[u8]) -> bool {
        let (i, bit) = edge_bit(w);
        self.lengths & length_bit(w.len()) != 0 && self.edges.get(i).is_some_and(|&e| e & bit != 0)
    }

    /// [`Vocab::id`] from the token's text (out of line: most tokens
    /// have a [`WordId`]).
    #[inline(never)]
    fn id_of_text(&self, text: &str, t: &Token) -> u16 {
        let w = t.text(text);
        if !self.may_hold(w.as_bytes()) {
            return NO_WORD;
        }
        match pack_any(w) {
            // an ASCII word in any case; the non-ASCII literals are
            // punctuation (“–”, “’”), matched exactly
            Some((k, _)) => self.short.get(k),
            None if !w.is_ascii() => self.get(w),
            None => crate::lexicon::with_lowercase(w, |l| self.get(l)),
        }
        .unwrap_or(NO_WORD)
    }

    /// The words of every literal test of `p`, added.
    fn collect(&mut self, p: &mut Pattern) {
        p.for_each_test(&mut |t| match t {
            Test::Literal(w) => self.add(w),
            Test::Words { words, .. } => words.iter().for_each(|w| self.add(w)),
            _ => {}
        });
        p.root.for_each_phrase(&mut |phrases, _| {
            phrases.iter().flatten().for_each(|w| self.add(w));
        });
    }

    /// The literal tests of `p` compiled to ids: a literal becomes a set of
    /// one word.
    fn compile(&self, p: &mut Pattern) {
        let bits = |words: &[String]| {
            let mut b = vec![0u64; self.len() / 64 + 1];
            for id in words.iter().filter_map(|w| self.get(w)) {
                b[usize::from(id) / 64] |= 1 << (id % 64);
            }
            b
        };
        p.for_each_test(&mut |t| match t {
            Test::Literal(w) => {
                *t = Test::Words {
                    lengths: length_bit(w.len()),
                    ids: bits(std::slice::from_ref(w)),
                    words: vec![std::mem::take(w)],
                }
            }
            Test::Words { words, ids, .. } => *ids = bits(words),
            _ => {}
        });
        p.root.for_each_phrase(&mut |phrases, ids| {
            *ids = phrases
                .iter()
                .map(|ph| ph.iter().map(|w| self.get(w).unwrap_or(NO_WORD)).collect())
                .collect();
        });
    }
}

/// A set's vocabulary ids by lexicon [`WordId`] ([`Vocab::by_word`] and
/// [`Vocab::unlisted`]), kept by each of its patterns: a token with a
/// `WordId` finds its id by one read when the caller has not looked the
/// tokens up ([`Pattern::match_at`]), so that a literal test or a
/// phrase's word needs no comparison of texts.
#[derive(Clone, Debug)]
struct WordIds {
    by_word: Arc<[u16]>,
    unlisted: bool,
}

impl Vocab {
    /// The ids the set's patterns keep (once every word is indexed).
    fn word_ids(&self) -> WordIds {
        WordIds {
            by_word: Arc::clone(&self.by_word),
            unlisted: self.unlisted,
        }
    }
}

/// An open-addressing table from packed words ([`pack`], never 0) to
/// ids: a multiplicative hash and a linear probe, kept at most a quarter
/// full.
#[derive(Clone, Debug, Default)]
struct PackedTable {
    slots: Vec<(u128, u16)>,
    len: usize,
}

impl PackedTable {
    fn slot(&self, k: u128) -> usize {
        let bits = self.slots.len().trailing_zeros();
        let folded = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }

    fn insert(&mut self, k: u128, id: u16) {
        if (self.len + 1) * 4 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![(0, 0); (old.len() * 2).max(64)];
            self.len = 0;
            for (k, id) in old.into_iter().filter(|&(k, _)| k != 0) {
                self.insert(k, id);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        while self.slots[i].0 != 0 && self.slots[i].0 != k {
            i = (i + 1) & mask;
        }
        if self.slots[i].0 == 0 {
            self.len += 1;
        }
        self.slots[i] = (k, id);
    }

    fn get(&self, k: u128) -> Option<u16> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        loop {
            match self.slots[i] {
                (0, _) => return None,
                (x, id) if x == k => return Some(id),
                _ => i = (i + 1) & mask,
            }
        }
    }
}

impl Test {
    /// Calls `f` on this test and every test inside it.
    fn for_each(&mut self, f: &mut impl FnMut(&mut Test)) {
        match self {
            Test::And(all) | Test::Or(all) => all.iter_mut().for_each(|t| t.for_each(f)),
            Test::Not(t) => t.for_each(f),
            _ => {}
        }
        f(self);
    }
}

impl Node {
    /// Calls `f` on every test of the node.
    fn for_each_test(&mut self, f: &mut impl FnMut(&mut Test)) {
        match self {
            Node::Test(t) => t.for_each(f),
            Node::Seq(items) | Node::Alt(items) => {
                items.iter_mut().for_each(|n| n.for_each_test(f))
            }
            Node::Repeat { node, .. } | Node::Capture { node, .. } | Node::Look { node, .. } => {
                node.for_each_test(f)
            }
            Node::Phrase { .. } | Node::Part(_) | Node::Start => {}
        }
    }

    /// Calls `f` on the phrases and ids of every phrase of the node.
    fn for_each_phrase(&mut self, f: &mut impl FnMut(&[Vec<String>], &mut Vec<Vec<u16>>)) {
        match self {
            Node::Phrase { phrases, ids, .. } => f(phrases, ids),
            Node::Seq(items) | Node::Alt(items) => {
                items.iter_mut().for_each(|n| n.for_each_phrase(f))
            }
            Node::Repeat { node, .. } | Node::Capture { node, .. } | Node::Look { node, .. } => {
                node.for_each_phrase(f)
            }
            Node::Test(_) | Node::Part(_) | Node::Start => {}
        }
    }
}

impl Pattern {
    /// Calls `f` on every test of the pattern, its first-token tests
    /// included.
    fn for_each_test(&mut self, f: &mut impl FnMut(&mut Test)) {
        self.root.for_each_test(f);
        if let Some(t) = &mut self.first {
            t.for_each(f);
        }
        for (a, b) in self.starts.iter_mut().flatten() {
            a.for_each(f);
            if let Some(b) = b {
                b.for_each(f);
            }
        }
    }
}

/// The most rules one [`RuleSet`] may hold (one bit each in
/// the first-token index).
pub const MAX_RULES: usize = 128;

/// The rules (bit `r` = rule `r`) whose first token test a token can
/// pass, by the token's kind and lexicon classes: a necessary condition
/// read off each pattern's first test, so that [`RuleSet::scan`] tries a
/// rule only where it can start.
#[derive(Clone, Debug, Default)]
struct FirstIndex {
    /// `by_kind[k]`: rules that may start at any token of kind `k`
    /// (word, number, punctuation).
    by_kind: [u128; 3],
    /// `by_word[id]`: rules that may start at the literal word of
    /// vocabulary id `id`.
    by_word: Vec<u128>,
    /// Rules that may start at a word holding a digit.
    by_digit_word: u128,
    /// Rules that may start at a word with a possessive ending.
    by_possessive: u128,
    /// `by_class[c]`: rules that may start at a token of class `c` (by
    /// its bit, [`Classes::bits`]).
    by_class: Vec<u128>,
    /// Every class of `by_class` with rules.
    classes: Classes,
    /// `by_kind` and, for a word, `by_digit_word` and `by_possessive` as
    /// its shape asks, or-ed: one table read per token
    /// ([`kind_shape_index`]) instead of a kind read and two flag tests.
    by_kind_shape: KindShapeTable,
}

/// [`FirstIndex::by_kind_shape`]: 256 entries, so that an index made
/// by [`kind_shape_index`] needs no bounds test.
#[derive(Clone, Debug)]
struct KindShapeTable(Box<[u128; 256]>);

impl Default for KindShapeTable {
    fn default() -> Self {
        KindShapeTable(Box::new([0; 256]))
    }
}

/// The place of a token of kind index `kind` ([`kind_index`]) and shape
/// `shape` in a [`KindShapeTable`].
fn kind_shape_index(kind: usize, shape: Shape) -> usize {
    (kind << 6 | usize::from(shape.bits() & 63)) & 255
}

/// A necessary condition on a token for `test` to pass: the token kinds
/// it may have (`kinds[k]`), or one of `classes`, or a word of one of the
/// lengths (bit `n` of `word_lengths`, as [`length_bit`]).
#[derive(Clone, Default)]
struct FirstFilter {
    kinds: [bool; 3],
    classes: Classes,
    /// Literal words (lowercase).
    words: Vec<String>,
    /// A word holding a digit (“4th”, “9pm”).
    digit_words: bool,
    /// A word with a possessive ending (“Friday’s”).
    possessive_words: bool,
}

impl FirstFilter {
    const ANY: FirstFilter = FirstFilter {
        kinds: [true; 3],
        classes: Classes::NONE,
        words: Vec::new(),
        digit_words: false,
        possessive_words: false,
    };

    /// A word among `words` (lowercase).
    fn words<'a>(words: impl IntoIterator<Item = &'a String>) -> FirstFilter {
        let mut f = FirstFilter::default();
        for w in words {
            if w.bytes().all(|b| b.is_ascii_digit()) {
                f.kinds[kind_index(TokKind::Number)] = true;
            } else if w.chars().all(char::is_alphanumeric) {
                f.words.push(w.clone());
            } else {
                // as a literal: a word with a dot or apostrophe (“a.m.”),
                // or punctuation (“,”), found by kind, not by its id
                let kind = if w.chars().any(char::is_alphanumeric) {
                    TokKind::Word
                } else {
                    TokKind::Punct
                };
                f.kinds[kind_index(kind)] = true;
            }
        }
        f
    }

    /// Numbers and words holding a digit.
    fn digits() -> FirstFilter {
        FirstFilter {
            digit_words: true,
            ..FirstFilter::kind(TokKind::Number)
        }
    }

    /// How many tokens may pass it, roughly: a class is narrowest, then
    /// word lengths and shapes, then kinds.
    fn breadth(&self) -> usize {
        let kinds = self.kinds.iter().filter(|&&k| k).count();
        let narrow = !self.words.is_empty() || self.digit_words || self.possessive_words;
        match (kinds, narrow) {
            (0, false) => 0,
            (0, true) => 1,
            (k, _) => 1 + k,
        }
    }

    fn kind(k: TokKind) -> FirstFilter {
        let mut f = FirstFilter::default();
        f.kinds[kind_index(k)] = true;
        f
    }

    fn of(test: &Test) -> FirstFilter {
        match test {
            Test::Class(c) => FirstFilter {
                classes: Classes::of(*c),
                ..FirstFilter::default()
            },
            Test::AnyClass(cs) => FirstFilter {
                classes: *cs,
                ..FirstFilter::default()
            },
            Test::Kind(k) => FirstFilter::kind(*k),
            Test::Literal(w) if w.chars().all(char::is_alphanumeric) => FirstFilter::words([w]),
            // a literal with a dot or apostrophe (“a.m.”) is a word too
            Test::Literal(w) if w.chars().any(char::is_alphanumeric) => {
                FirstFilter::kind(TokKind::Word)
            }
            Test::Literal(_) => FirstFilter::kind(TokKind::Punct),
            Test::Words { words, .. } => FirstFilter::words(words),
            Test::Ordinal => FirstFilter::digits(),
            Test::PossessiveOf(_) => FirstFilter {
                possessive_words: true,
                ..FirstFilter::default()
            },
            Test::Shape(s) if *s == Shape::HAS_DIGIT => FirstFilter {
                digit_words: true,
                ..FirstFilter::default()
            },
            Test::Shape(s) if *s == Shape::POSSESSIVE => FirstFilter {
                possessive_words: true,
                ..FirstFilter::default()
            },
            Test::Shape(_) => FirstFilter::kind(TokKind::Word),
            Test::Digits(..) => FirstFilter::kind(TokKind::Number),
            // a regex that starts with a digit matches numbers and words
            // holding a digit
            Test::Regex(re) if re.starts_with_digit() => FirstFilter::digits(),
            Test::Regex(_) | Test::Any | Test::Touching | Test::Not(_) | Test::Part(_) => {
                FirstFilter::ANY
            }
            // every test must pass: any one's condition is necessary; the
            // narrowest is a class test
            Test::And(all) => all
                .iter()
                .map(FirstFilter::of)
                .min_by_key(FirstFilter::breadth)
                .unwrap_or(FirstFilter::ANY),
            Test::Or(any) => any
                .iter()
                .map(FirstFilter::of)
                .fold(FirstFilter::default(), FirstFilter::union),
        }
    }

    fn union(mut self, other: FirstFilter) -> FirstFilter {
        self.words.extend(other.words);
        FirstFilter {
            kinds: [0, 1, 2].map(|k| self.kinds[k] || other.kinds[k]),
            classes: self.classes | other.classes,
            words: self.words,
            digit_words: self.digit_words || other.digit_words,
            possessive_words: self.possessive_words || other.possessive_words,
        }
    }
}

fn kind_index(k: TokKind) -> usize {
    match k {
        TokKind::Word => 0,
        TokKind::Number => 1,
        TokKind::Punct => 2,
    }
}

/// A [`FirstFilter`] of one test, as [`FirstIndex::rules_at`] reads it:
/// the token kinds, classes and words (by vocabulary id) that may pass.
#[derive(Clone, Debug, Default)]
struct TokFilter {
    kinds: [bool; 3],
    classes: Classes,
    /// Vocabulary ids, as a bit set.
    words: Vec<u64>,
    digit_words: bool,
    possessive_words: bool,
}

impl TokFilter {
    /// The filter of `f`; any token when a word of `f` is not in `vocab`.
    fn new(f: &FirstFilter, vocab: &Vocab) -> TokFilter {
        if !f.words.iter().all(|w| vocab.get(w).is_some()) {
            return TokFilter {
                kinds: [true; 3],
                ..TokFilter::default()
            };
        }
        let mut words = vec![0u64; vocab.len() / 64 + 1];
        for id in f.words.iter().filter_map(|w| vocab.get(w)) {
            words[usize::from(id) / 64] |= 1 << (id % 64);
        }
        TokFilter {
            kinds: f.kinds,
            classes: f.classes,
            words,
            digit_words: f.digit_words,
            possessive_words: f.possessive_words,
        }
    }

    /// True when token `t` (`word` its vocabulary id) may pass the test.
    fn may(&self, t: &Token, word: u16) -> bool {
        self.kinds[kind_index(t.kind)]
            || t.classes.intersects(self.classes)
            || t.kind == TokKind::Word
                && (self
                    .words
                    .get(usize::from(word) / 64)
                    .is_some_and(|b| b >> (word % 64) & 1 != 0)
                    || self.digit_words && t.shape.has(Shape::HAS_DIGIT)
                    || self.possessive_words && t.shape.has(Shape::POSSESSIVE))
    }
}

impl FirstIndex {
    /// The index of the patterns' first tests.
    fn new(patterns: &[&Pattern], vocab: &Vocab) -> FirstIndex {
        let filters = patterns
            .iter()
            .map(|p| p.first.as_ref().map_or(FirstFilter::ANY, FirstFilter::of));
        FirstIndex::of_filters(filters, vocab)
    }

    /// The index of the tests the second token of a match passes: for
    /// each pattern, the union of the second tests of the ways its
    /// matches begin; any token when a way has none (a match of one
    /// token) or the ways are not known.
    fn second(patterns: &[&Pattern], vocab: &Vocab) -> FirstIndex {
        let filters = patterns.iter().map(|p| match &p.starts {
            Some(ways) => ways
                .iter()
                .map(|(_, second)| second.as_ref().map_or(FirstFilter::ANY, FirstFilter::of))
                .fold(FirstFilter::default(), FirstFilter::union),
            None => FirstFilter::ANY,
        });
        FirstIndex::of_filters(filters, vocab)
    }

    /// The index of one filter per rule (bit `r` = rule `r`). A filter
    /// naming a word outside `vocab` lets the rule start at any token.
    fn of_filters(filters: impl Iterator<Item = FirstFilter>, vocab: &Vocab) -> FirstIndex {
        let mut index = FirstIndex {
            by_word: vec![0; vocab.len()],
            by_class: vec![0; 128],
            ..FirstIndex::default()
        };
        for (r, f) in filters.enumerate() {
            let bit = 1u128 << r;
            let f = if f.words.iter().all(|w| vocab.get(w).is_some()) {
                f
            } else {
                FirstFilter::ANY
            };
            for k in 0..3 {
                if f.kinds[k] {
                    index.by_kind[k] |= bit;
                }
            }
            for w in &f.words {
                if let Some(id) = vocab.get(w) {
                    index.by_word[usize::from(id)] |= bit;
                }
            }
            if f.digit_words {
                index.by_digit_word |= bit;
            }
            if f.possessive_words {
                index.by_possessive |= bit;
            }
            for c in f.classes.iter() {
                index.by_class[c as usize] |= bit;
                index.classes = index.classes.with(c);
            }
        }
        for kind in [TokKind::Word, TokKind::Number, TokKind::Punct] {
            let k = kind_index(kind);
            for bits in 0..64u8 {
                let shape = Shape::from_bits(bits);
                let mut rules = index.by_kind[k];
                if kind == TokKind::Word {
                    if shape.has(Shape::HAS_DIGIT) {
                        rules |= index.by_digit_word;
                    }
                    if shape.has(Shape::POSSESSIVE) {
                        rules |= index.by_possessive;
                    }
                }
                index.by_kind_shape.0[kind_shape_index(k, shape)] = rules;
            }
        }
        index
    }

    /// The rules that may start at `t`.
    fn rules_at(&self, t: &Token, word: u16) -> u128 {
        let mut rules = self.by_kind_shape.0[kind_shape_index(kind_index(t.kind), t.shape)];
        if t.kind == TokKind::Word {
            if let Some(r) = self.by_word.get(usize::from(word)) {
                rules |= r;
            }
        }
        let mut bits = t.classes.bits() & self.classes.bits();
        while bits != 0 {
            rules |= self.by_class[bits.trailing_zeros() as usize];
            bits &= bits - 1;
        }
        rules
    }
}

impl RuleSet {
    /// Compiles every rule of `rules` (at most [`MAX_RULES`]).
    pub fn new(rules: &[Rule]) -> Result<RuleSet, PatternError> {
        Self::with_parts(rules, &[])
    }

    /// Compiles every rule of `rules` (at most [`MAX_RULES`]), whose
    /// `<name>` elements are the caller's `parts` (see [`Parts`]).
    pub fn with_parts(rules: &[Rule], parts: &[&str]) -> Result<RuleSet, PatternError> {
        if rules.len() > MAX_RULES {
            return Err(PatternError {
                rule: rules[MAX_RULES].name.to_string(),
                message: format!("more than {MAX_RULES} rules in one set"),
                at: 0,
            });
        }
        let mut rules: Vec<(Rule, Pattern)> = rules
            .iter()
            .map(|r| Ok((*r, Pattern::parse_with(r.name, r.pattern, parts)?)))
            .collect::<Result<_, PatternError>>()?;
        let mut vocab = Vocab::default();
        for (_, p) in &mut rules {
            vocab.collect(p);
        }
        vocab.index_word_ids();
        let patterns: Vec<&Pattern> = rules.iter().map(|(_, p)| p).collect();
        let index = FirstIndex::new(&patterns, &vocab);
        let second = FirstIndex::second(&patterns, &vocab);
        let needs = Needs::new(&patterns, &vocab);
        for (_, p) in &mut rules {
            p.way_filters = p
                .starts
                .iter()
                .flatten()
                .map(|(first, second)| {
                    let filter = |t: Option<&Test>| {
                        TokFilter::new(&t.map_or(FirstFilter::ANY, FirstFilter::of), &vocab)
                    };
                    [filter(Some(first)), filter(second.as_ref())]
                })
                .collect();
            vocab.compile(p);
            p.word_ids = Some(vocab.word_ids());
            // the program's tests and phrase words, with their ids
            p.prog = Program::of(&p.root);
        }
        Ok(RuleSet {
            rules,
            index,
            second,
            vocab,
            needs,
        })
    }

    /// Every rule's matches in `toks`, in one pass: at each token, in
    /// declaration order, the rules that can start there and whose
    /// previous match (if any) ended at or before it. Each rule's matches
    /// are what its [`Pattern::find_iter`] gives; they come in order of
    /// their first token, then of the rule's index in the set (`(index,
    /// match)`).
    pub fn scan<'a>(
        &'a self,
        text: &'a str,
        toks: &'a [Token],
    ) -> impl Iterator<Item = (usize, Match)> + 'a {
        // the token whose candidate rules are `pending`, and the next
        // token to look at
        let (mut cur, mut next) = (0usize, 0usize);
        let mut pending: u128 = 0;
        // the buffers of the tries, taken at the first (most sentences
        // try none)
        let mut scratch: Option<Pooled<Scratch>> = None;
        // the tokens' vocabulary ids and each rule's first token after its
        // last match, in buffers kept by the thread
        let mut bufs = Pooled::take(&SCAN_BUFS);
        // the rules whose required token is among the tokens at all
        let ids = &mut bufs.value.ids;
        ids.clear();
        ids.reserve(toks.len());
        let enabled = self
            .needs
            .enabled(&self.vocab, text, toks, |id| ids.push(id));
        // `next_from` is cleared when a rule is first tried (most
        // sentences try none)
        let mut tried = false;
        if enabled == 0 {
            // no rule can match: no token to look at
            next = toks.len();
        }
        std::iter::from_fn(move || loop {
            while pending != 0 {
                let r = pending.trailing_zeros() as usize;
                pending &= pending - 1;
                let ScanBufs { ids, next_from } = &mut bufs.value;
                if !tried {
                    tried = true;
                    next_from.clear();
                    next_from.resize(self.rules.len(), 0);
                }
                if cur < next_from[r] {
                    continue;
                }
                let p = &self.rules[r].1;
                let m = Matcher {
                    text,
                    toks,
                    ids: Some(ids),
                    word_ids: None,
                    parts: &NoParts,
                };
                let found = p.may_start(&m, cur, true).then(|| {
                    let s = scratch.get_or_insert_with(|| Pooled::take(&SCRATCH));
                    p.walk_from(&m, cur, &mut s.value)
                });
                if let Some(m) = found.flatten() {
                    if !m.tokens.is_empty() {
                        next_from[r] = m.tokens.end;
                        return Some((r, m));
                    }
                }
            }
            // one id per token (sliced to the tokens' count once, so that
            // reading a token's id needs no bounds test of its own)
            let ids = &bufs.value.ids[..toks.len()];
            loop {
                // the next token where an enabled rule may start (a walk
                // over the tokens and their ids together)
                let (at, mut rules) = toks
                    .get(next..)?
                    .iter()
                    .zip(&ids[next..])
                    .enumerate()
                    .find_map(|(k, (t, &id))| {
                        let rules = self.index.rules_at(t, id) & enabled;
                        (rules != 0).then_some((next + k, rules))
                    })?;
                next = at + 1;
                // and whose second token may be the next one (past the
                // last token, [`Pattern::may_start`] decides)
                if let Some(u) = toks.get(next) {
                    rules &= self.second.rules_at(u, ids[next]);
                }
                if rules != 0 {
                    cur = at;
                    pending = rules;
                    break;
                }
            }
        })
    }

    /// Every rule's match starting at token `start` (rules in declaration
    /// order), the parts read by `parts`: `(index of the rule, rule,
    /// match)`.
    pub fn matches_at<'a>(
        &'a self,
        text: &'a str,
        toks: &'a [Token],
        start: usize,
        parts: &'a dyn Parts,
    ) -> impl Iterator<Item = (usize, &'a Rule, Match)> + 'a {
        self.matches_among(text, toks, start, parts, u128::MAX)
    }

    /// The rules (bit `r` = rule `r`) that may match somewhere in `toks`:
    /// those whose required token is among them (a necessary condition;
    /// see [`RuleSet::matches_among`]).
    pub(crate) fn enabled(&self, text: &str, toks: &[Token]) -> u128 {
        self.needs.enabled(&self.vocab, text, toks, |_| {})
    }

    /// [`RuleSet::matches_at`] for the rules of `among` only (bit `r` =
    /// rule `r`): a caller that tries many starts in the same tokens
    /// passes [`RuleSet::enabled`] of them, so that rules whose required
    /// token is not there are not tried at each start.
    pub(crate) fn matches_among<'a>(
        &'a self,
        text: &'a str,
        toks: &'a [Token],
        start: usize,
        parts: &'a dyn Parts,
        among: u128,
    ) -> impl Iterator<Item = (usize, &'a Rule, Match)> + 'a {
        // only the rules whose first test the token can pass, and whose
        // second test the next token can (the indices are necessary
        // conditions; past the last token, every rule)
        let candidates = among
            & toks.get(start).map_or(u128::MAX, |t| {
                let rules = self.index.rules_at(t, self.vocab.id(text, t));
                match toks.get(start + 1) {
                    Some(u) if rules != 0 => {
                        rules & self.second.rules_at(u, self.vocab.id(text, u))
                    }
                    _ => rules,
                }
            });
        self.rules
            .iter()
            .enumerate()
            .filter(move |&(k, _)| candidates >> k & 1 != 0)
            .filter_map(move |(k, (r, p))| {
                p.match_at_with(text, toks, start, parts).map(|m| (k, r, m))
            })
    }

    /// The tokens of `toks` whose vocabulary id from their [`WordId`]
    /// differs from the one found from their text (a test's check that
    /// the two agree): their texts.
    #[cfg(test)]
    pub(crate) fn word_id_mismatches(&self, text: &str, toks: &[Token]) -> Vec<String> {
        toks.iter()
            .filter(|t| self.vocab.id(text, t) != self.vocab.id_of_text(text, t))
            .map(|t| t.text(text).to_string())
            .collect()
    }

    /// The rules, in declaration order.
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().map(|(r, _)| r)
    }

    /// The compiled pattern of rule `name`.
    pub fn pattern(&self, name: &str) -> Option<&Pattern> {
        self.rules
            .iter()
            .find(|(r, _)| r.name == name)
            .map(|(_, p)| p)
    }

    /// Every rule's matches in `toks` (each rule's non-overlapping, left
    /// to right; rules in declaration order): `(rule, match)`.
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
        toks: &'a [Token],
    ) -> impl Iterator<Item = (&'a Rule, Match)> + 'a {
        self.rules
            .iter()
            .flat_map(move |(r, p)| p.find_iter(text, toks).map(move |m| (r, m)))
    }

    /// The first rule (in declaration order) matching at token `start`.
    pub fn match_at(&self, text: &str, toks: &[Token], start: usize) -> Option<(&Rule, Match)> {
        self.rules
            .iter()
            .find_map(|(r, p)| p.match_at(text, toks, start).map(|m| (r, m)))
    }
}

/// True when a token spelling `w` has a [`WordId`]: `w` is ASCII, and a
/// word (it starts with a letter or digit and is no number) or one
/// punctuation mark.
fn has_word_id(w: &str) -> bool {
    let b = w.as_bytes();
    match b {
        [c] if !c.is_ascii_alphanumeric() => c.is_ascii() && !c.is_ascii_whitespace(),
        _ => w.is_ascii() && b.first().is_some_and(u8::is_ascii_alphanumeric) && !is_number(w),
    }
}

/// True when `w` is a number token's text (digits, `.` and `,`, starting
/// with a digit).
fn is_number(w: &str) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && w.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

/// The literal words of the rules of `rules` (lowercase, as the rule sets
/// compiled from them hold them), the names of `parts` read as in
/// [`RuleSet::with_parts`]; a rule that does not parse adds none (its
/// set's construction reports it). The lexicon gives these words
/// [`WordId`]s.
pub(crate) fn literal_words(rules: &[Rule], parts: &[&str]) -> Vec<String> {
    let mut vocab = Vocab::default();
    for r in rules {
        if let Ok(mut p) = Pattern::parse_with(r.name, r.pattern, parts) {
            vocab.collect(&mut p);
        }
    }
    let mut words: Vec<String> = vocab.ids.into_keys().collect();
    words.sort_unstable();
    words
}

/// The pieces the patterns match over: `toks` with every word that holds
/// a hyphen (`-` or U+2010) cut into its parts and the hyphens, each piece
/// with its own kind, shape and lexicon classes (“mid-February” → `mid`
/// `-` `February`; “COVID-19” → `COVID` `-` `19`). Other tokens are kept
/// as they are.
pub fn pieces(text: &str, toks: &[Token]) -> Vec<Token> {
    let mut out = Vec::with_capacity(pieces_room(toks.len()));
    pieces_into(text, toks, &mut out);
    out
}

/// Room for the pieces of `tokens` tokens, so that [`pieces`] fills one
/// block: a hyphen adds itself and the part after it, and news text has
/// about one hyphen in 120 tokens (one in 30 at most in an article of the
/// PolNeAR set); growing the vector past `tokens` took a block of twice
/// the size, for a few pieces.
pub(crate) fn pieces_room(tokens: usize) -> usize {
    tokens + tokens / 16 + 8
}

/// [`pieces`] appended to `out`.
pub(crate) fn pieces_into(text: &str, toks: &[Token], out: &mut Vec<Token>) {
    // (only a word has a shape flag set: no test of the kind)
    let hyphenated = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.shape.has(Shape::HYPHENATED))
        .map(|(k, _)| k);
    pieces_with(text, toks, hyphenated, out);
}

/// [`pieces_into`] of tokens in text order (an analysis's): the
/// hyphenated words found from the text's hyphens (a SIMD search of its
/// bytes, and a binary search of the tokens for each hyphen), where a
/// walk read the shape of every token (news text has one hyphenated word
/// in a hundred or more). A text with a U+2010 hyphen, rare, is walked.
pub(crate) fn ordered_pieces_into(text: &str, toks: &[Token], out: &mut Vec<Token>) {
    if memchr::memmem::find(text.as_bytes(), "‐".as_bytes()).is_some() {
        return pieces_into(text, toks, out);
    }
    // a word holding a hyphen has the shape flag: the token holding each
    // `-` is one when it has the flag (once, for a word of several)
    let (mut from, mut last) = (0, None);
    let hyphenated = memchr::memchr_iter(b'-', text.as_bytes()).filter_map(move |h| {
        from += toks[from..].partition_point(|t| t.span.end <= h);
        let t = toks.get(from)?;
        let word = t.span.start <= h && t.shape.has(Shape::HYPHENATED);
        (word && last != Some(from)).then(|| {
            last = Some(from);
            from
        })
    });
    pieces_with(text, toks, hyphenated, out);
}

/// `toks` appended to `out` with the words at `hyphenated` (indices in
/// increasing order, each holding a hyphen) cut into their pieces.
fn pieces_with(
    text: &str,
    toks: &[Token],
    hyphenated: impl Iterator<Item = usize>,
    out: &mut Vec<Token>,
) {
    // the runs of tokens kept as they are, copied a block at a time (a
    // block of at most `COPY_BLOCK` tokens: copies of a few kilobytes run
    // as vector moves, where longer ones become `rep movsb`, which
    // instruction counts make look dear)
    let copy = |run: &[Token], out: &mut Vec<Token>| {
        for block in run.chunks(COPY_BLOCK) {
            out.extend_from_slice(block);
        }
    };
    let mut next = 0;
    for k in hyphenated {
        copy(&toks[next..k], out);
        next = k + 1;
        let t = &toks[k];
        let word = t.text(text);
        let mut start = 0;
        for (i, c) in word.char_indices().filter(|&(_, c)| c == '-' || c == '‐') {
            push_piece(text, t.span.start + start, t.span.start + i, out);
            push_piece(text, t.span.start + i, t.span.start + i + c.len_utf8(), out);
            start = i + c.len_utf8();
        }
        push_piece(text, t.span.start + start, t.span.end, out);
    }
    copy(&toks[next..], out);
}

/// The most tokens [`pieces`] copies at once (3 KB).
const COPY_BLOCK: usize = 64;

/// Tokenizes `text[start..end]` (one part of a hyphenated word, or a
/// hyphen) into `out`.
fn push_piece(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    if start < end {
        crate::text::tokenize_into(text, Span::new(start, end), out);
    }
}

/// Runs every example of every rule of `rules` (see [`Rule::examples`]):
/// the first match of the rule in the example's text (over the pieces of
/// all its tokens) must be the marked one, with the marked captures; a
/// `!` example must have no match. Returns one message per failure.
pub fn check_examples(rules: &[Rule]) -> Vec<String> {
    check_examples_with(rules, &[], &|_, _| Box::new(NoParts))
}

/// A [`Parts`] reader for an example's text and pieces (see
/// [`check_examples_with`]).
pub type MakeParts<'f> = dyn for<'x> Fn(&'x str, &'x [Token]) -> Box<dyn Parts + 'x> + 'f;

/// [`check_examples`] for rules with parts (`parts` their names, as given
/// to [`RuleSet::with_parts`]): `make` gives the reader of an example's
/// text and pieces.
pub fn check_examples_with(rules: &[Rule], parts: &[&str], make: &MakeParts) -> Vec<String> {
    let mut failures = Vec::new();
    for rule in rules {
        let pattern = match Pattern::parse_with(rule.name, rule.pattern, parts) {
            Ok(p) => p,
            Err(e) => {
                failures.push(e.to_string());
                continue;
            }
        };
        if rule.examples.is_empty() {
            failures.push(format!("rule {:?} has no example", rule.name));
        }
        for ex in rule.examples {
            if let Err(msg) = check_example(&pattern, ex, make) {
                failures.push(format!("rule {:?}, example {ex:?}: {msg}", rule.name));
            }
        }
    }
    failures
}

/// An example with its marks taken out: the text, the marked match and
/// the marked captures (byte spans of the text).
struct Example {
    text: String,
    whole: Option<Span>,
    captures: Vec<(String, Span)>,
}

/// Reads the marks of an example (`[…]`, `{name:…}`).
fn parse_example(ex: &str) -> Result<Example, String> {
    let mut text = String::new();
    let mut whole_start = None;
    let mut whole = None;
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut captures = Vec::new();
    let mut chars = ex.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '[' => whole_start = Some(text.len()),
            ']' => {
                let s = whole_start.take().ok_or("`]` without `[`")?;
                whole = Some(Span::new(s, text.len()));
            }
            '{' => {
                let mut name = String::new();
                for n in chars.by_ref() {
                    if n == ':' {
                        break;
                    }
                    name.push(n);
                }
                open.push((name, text.len()));
            }
            '}' => {
                let (name, s) = open.pop().ok_or("`}` without `{`")?;
                captures.push((name, Span::new(s, text.len())));
            }
            _ => text.push(c),
        }
    }
    if whole_start.is_some() || !open.is_empty() {
        return Err("unclosed mark".into());
    }
    Ok(Example {
        text,
        whole,
        captures,
    })
}

/// Checks one example against a pattern.
fn check_example(pattern: &Pattern, ex: &str, make: &MakeParts) -> Result<(), String> {
    let (negative, body) = match ex.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, ex),
    };
    let ex = parse_example(body)?;
    let a = Analysis::new(&ex.text);
    let toks = pieces(&ex.text, a.tokens());
    let parts = make(&ex.text, &toks);
    let first = (0..toks.len())
        .filter_map(|i| pattern.match_at_with(&ex.text, &toks, i, &*parts))
        .find(|m| !m.tokens.is_empty());
    if negative {
        return match first {
            Some(m) => Err(format!("matched {:?}", m.text(&ex.text, &toks))),
            None => Ok(()),
        };
    }
    let want = ex.whole.ok_or("no `[…]` mark (write `!` for no match)")?;
    let m = first.ok_or("no match")?;
    let got = m.span(&toks);
    if got != want {
        return Err(format!(
            "matched {:?}, not {:?}",
            got.slice(&ex.text),
            want.slice(&ex.text)
        ));
    }
    for (name, span) in &ex.captures {
        let got = m.capture_span(name, &toks);
        if got != Some(*span) {
            return Err(format!(
                "capture {name} is {:?}, not {:?}",
                got.map(|s| s.slice(&ex.text)),
                span.slice(&ex.text)
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Parsing

/// Splits a pattern into elements: white-space separated words, with `(`,
/// `)`, `|` and the suffixes `?` / `{m,n}` as elements of their own
/// (a `name=` prefix stays on its element).
fn lex(src: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for word in src.split_whitespace() {
        let mut rest = word;
        while !rest.is_empty() {
            // `\c`: the char `c` as a literal, whatever it is
            if let Some(esc) = rest.strip_prefix('\\') {
                let n = 1 + esc.chars().next().map_or(0, char::len_utf8);
                out.push(&rest[..n]);
                rest = &rest[n..];
                continue;
            }
            // a lone punctuation literal is itself, whatever the char
            if rest.chars().count() == 1 && !matches!(rest, "(" | ")" | "|") {
                out.push(rest);
                break;
            }
            // the end of the element at the start of `s`: the next syntax
            // char, outside a `/regex/` (which opens an element or follows
            // `=`, `~`, `!` or `&`, and needs its closing `/`)
            let cut = |s: &str| -> usize {
                let b = s.as_bytes();
                let mut i = 0;
                while i < b.len() {
                    let opens =
                        b[i] == b'/' && (i == 0 || matches!(b[i - 1], b'=' | b'~' | b'!' | b'&'));
                    let close = if opens { s[i + 1..].find('/') } else { None };
                    if let Some(j) = close.filter(|&j| j > 0) {
                        i += j + 2;
                        continue;
                    }
                    if i > 0 && matches!(b[i], b'(' | b')' | b'|' | b'?' | b'{') {
                        return i;
                    }
                    i += 1;
                }
                b.len()
            };
            let look_at = |s: &str| {
                ["(?<=", "(?<!", "(?=", "(?!"]
                    .iter()
                    .find(|l| s.starts_with(**l))
                    .map(|l| l.len())
            };
            let look = look_at(rest);
            let n = match rest.as_bytes()[0] {
                _ if look.is_some() => look.unwrap_or(1),
                b'(' | b')' | b'|' | b'?' => 1,
                b'{' => rest.find('}').map_or(rest.len(), |i| i + 1),
                _ => {
                    // `name=(` opens a captured group
                    match rest.find("=(") {
                        // `name=(?=`: kept whole, to be refused by the parser
                        Some(i) if look_at(&rest[i + 1..]).is_some() => {
                            i + 1 + look_at(&rest[i + 1..]).unwrap_or(1)
                        }
                        Some(i)
                            if i + 2 == cut(rest) + 1 || rest[..i].chars().all(is_name_char) =>
                        {
                            i + 2
                        }
                        _ => cut(rest),
                    }
                }
            };
            out.push(&rest[..n]);
            rest = &rest[n..];
        }
    }
    out
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

struct Parser<'a> {
    rule: &'a str,
    elems: &'a [&'static str],
    at: usize,
    names: Vec<&'static str>,
    /// Inside a lookaround (where captures are not allowed).
    in_look: bool,
    /// The names of the caller's parts (`<name>`).
    parts: &'a [&'a str],
}

/// The number of tokens every match of `node` covers, when it is fixed
/// (what a lookbehind needs).
fn fixed_len(node: &Node) -> Option<usize> {
    match node {
        Node::Test(_) => Some(1),
        Node::Seq(items) => items.iter().map(fixed_len).sum(),
        Node::Alt(alts) => {
            let first = fixed_len(alts.first()?)?;
            alts.iter()
                .all(|a| fixed_len(a) == Some(first))
                .then_some(first)
        }
        Node::Repeat { node, min, max } if min == max => Some(fixed_len(node)? * min),
        Node::Repeat { .. } => None,
        Node::Capture { node, .. } => fixed_len(node),
        Node::Look { .. } => Some(0),
        Node::Phrase { phrases, .. } => phrases.is_empty().then_some(1),
        Node::Part(_) => None,
        Node::Start => Some(0),
    }
}

/// The most tokens a match of `node` covers; `None` when unbounded (a
/// caller's part).
fn max_len(node: &Node) -> Option<usize> {
    match node {
        Node::Test(_) => Some(1),
        Node::Seq(items) => items.iter().map(max_len).sum(),
        Node::Alt(alts) => alts.iter().map(max_len).try_fold(0, |m, n| Some(m.max(n?))),
        Node::Repeat { node, max, .. } => Some(max_len(node)? * max),
        Node::Capture { node, .. } => max_len(node),
        Node::Look { .. } | Node::Start => Some(0),
        Node::Phrase { phrases, .. } => Some(phrases.iter().map(Vec::len).max().unwrap_or(1)),
        Node::Part(_) => None,
    }
}

/// How far capture `slot` reaches into a match of `node`: the most
/// tokens from the match's first token to the capture's end. `None` when
/// `node` holds no such capture, `Some(None)` when the reach is unbounded.
fn capture_reach(node: &Node, slot: usize) -> Option<Option<usize>> {
    let add = |a: Option<usize>, b: Option<usize>| Some(a? + b?);
    let max = |a: Option<usize>, b: Option<usize>| Some(a?.max(b?));
    match node {
        Node::Capture { slot: s, node } if *s == slot => Some(max_len(node)),
        Node::Capture { node, .. } => capture_reach(node, slot),
        Node::Seq(items) => {
            // the items before the capture, at their longest
            let mut before = Some(0);
            let mut reach = None;
            for item in items {
                if let Some(r) = capture_reach(item, slot) {
                    reach = Some(reach.map_or(add(before, r), |m| max(m, add(before, r))));
                }
                before = add(before, max_len(item));
            }
            reach
        }
        Node::Alt(alts) => alts
            .iter()
            .filter_map(|a| capture_reach(a, slot))
            .reduce(max),
        // the capture in the last repetition, after the others
        Node::Repeat { node, max: n, .. } => capture_reach(node, slot)
            .map(|r| add(max_len(node).map(|len| len * n.saturating_sub(1)), r)),
        // (a lookaround holds no capture)
        Node::Test(_) | Node::Phrase { .. } | Node::Look { .. } | Node::Part(_) | Node::Start => {
            None
        }
    }
}

impl Parser<'_> {
    fn error(&self, message: &str) -> PatternError {
        PatternError {
            rule: self.rule.to_string(),
            message: message.to_string(),
            at: self.at,
        }
    }

    fn peek(&self) -> Option<&'static str> {
        self.elems.get(self.at).copied()
    }

    /// `seq (| seq)*`
    fn alternatives(&mut self) -> Result<Node, PatternError> {
        let mut alts = vec![self.sequence()?];
        while self.peek() == Some("|") {
            self.at += 1;
            alts.push(self.sequence()?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Seq(Vec::new()))
        } else if let Some(words) = words_test(&alts) {
            // `(days | weeks | months)`: one test of a word set
            Node::Test(words)
        } else {
            Node::Alt(alts)
        })
    }

    /// Elements up to `|`, `)` or the end.
    fn sequence(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        while let Some(e) = self.peek() {
            if e == "|" || e == ")" {
                break;
            }
            items.push(self.element()?);
        }
        if items.is_empty() {
            return Err(self.error("empty sequence"));
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap_or(Node::Seq(Vec::new()))
        } else {
            Node::Seq(items)
        })
    }

    /// One element with its capture name and suffixes.
    fn element(&mut self) -> Result<Node, PatternError> {
        let e = self.peek().ok_or_else(|| self.error("missing element"))?;
        self.at += 1;
        // `name=(` or `name=test`
        let (name, body) = match e.split_once('=') {
            Some((n, b)) if !n.is_empty() && n.chars().all(is_name_char) => (Some(n), b),
            _ => (None, e),
        };
        let look = match body {
            "(?=" => Some((false, false)),
            "(?!" => Some((false, true)),
            "(?<=" => Some((true, false)),
            "(?<!" => Some((true, true)),
            _ => None,
        };
        if name.is_some() && (self.in_look || look.is_some()) {
            return Err(self.error("no capture in or of a lookaround"));
        }
        let mut node = if let Some((behind, negate)) = look {
            let outer = std::mem::replace(&mut self.in_look, true);
            let inner = self.alternatives()?;
            self.in_look = outer;
            if self.peek() != Some(")") {
                return Err(self.error("missing `)`"));
            }
            self.at += 1;
            let len = match (behind, fixed_len(&inner)) {
                (false, _) => 0,
                (true, Some(n)) => n,
                (true, None) => {
                    return Err(self.error("a lookbehind must match a fixed number of tokens"))
                }
            };
            Node::Look {
                behind,
                negate,
                len,
                node: Box::new(inner),
            }
        } else if body == "(" {
            let inner = self.alternatives()?;
            if self.peek() != Some(")") {
                return Err(self.error("missing `)`"));
            }
            self.at += 1;
            inner
        } else if body == ")" || body == "|" {
            return Err(self.error("unexpected `)` or `|`"));
        } else if body == "^" {
            Node::Start
        } else if let Some(part) = body
            .strip_prefix('<')
            .and_then(|b| b.strip_suffix('>'))
            .filter(|b| !b.is_empty())
        {
            let p = self.parts.iter().position(|n| *n == part);
            Node::Part(p.ok_or_else(|| self.error(&format!("unknown part <{part}>")))?)
        } else if let Some(node) = self.phrase_class(body) {
            node
        } else {
            Node::Test(self.test(body)?)
        };
        // suffixes
        while let Some(s) = self.peek() {
            let (min, max) = if s == "?" {
                (0, 1)
            } else if let Some(b) = s.strip_prefix('{').and_then(|b| b.strip_suffix('}')) {
                let (lo, hi) = b.split_once(',').unwrap_or((b, b));
                let parse = |x: &str| x.trim().parse::<usize>().ok();
                match (parse(lo), parse(hi)) {
                    (Some(lo), Some(hi)) if lo <= hi && hi <= MAX_REPEAT && hi > 0 => (lo, hi),
                    _ => return Err(self.error("bad repetition: `{m,n}` with 0 <= m <= n <= 16")),
                }
            } else {
                break;
            };
            self.at += 1;
            node = Node::Repeat {
                node: Box::new(node),
                min,
                max,
            };
        }
        if let Some(n) = name {
            if self.names.contains(&n) {
                return Err(self.error("capture name used twice"));
            }
            if self.names.len() == MAX_CAPTURES {
                return Err(self.error("more capture names than MAX_CAPTURES"));
            }
            self.names.push(n);
            node = Node::Capture {
                slot: self.names.len() - 1,
                node: Box::new(node),
            };
        }
        Ok(node)
    }

    /// `@class` alone, for a class with entries of several words: the
    /// node matching its phrases and its one-word entries.
    fn phrase_class(&self, body: &str) -> Option<Node> {
        let class = *Class::ALL
            .iter()
            .find(|c| body.strip_prefix('@') == Some(c.name()))?;
        let mut phrases: Vec<Vec<String>> = crate::lexicon::entries(class)
            .iter()
            .filter(|e| e.word.contains(' '))
            .map(|e| e.word.split(' ').map(str::to_lowercase).collect())
            .collect();
        if phrases.is_empty() {
            return None;
        }
        // longest first (stable: file order among equals)
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        Some(Node::Phrase {
            class,
            phrases,
            ids: Vec::new(),
        })
    }

    /// One token test: atoms joined by `&`, or an escaped literal.
    fn test(&self, src: &str) -> Result<Test, PatternError> {
        if let Some(lit) = src.strip_prefix('\\') {
            return match lit {
                "" => Err(self.error("nothing after `\\`")),
                _ => Ok(Test::Literal(lit.to_lowercase())),
            };
        }
        let atoms = src
            .split('&')
            .map(|a| self.atom(a))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(match <[Test; 1]>::try_from(atoms) {
            Ok([one]) => one,
            Err(atoms) => Test::And(atoms),
        })
    }

    fn atom(&self, a: &str) -> Result<Test, PatternError> {
        if let Some(rest) = a.strip_prefix('!').filter(|r| !r.is_empty()) {
            return Ok(Test::Not(Box::new(self.atom(rest)?)));
        }
        if let Some(rest) = a.strip_prefix('~').filter(|r| !r.is_empty()) {
            return Ok(Test::And(vec![Test::Touching, self.atom(rest)?]));
        }
        if let Some(name) = a.strip_prefix('@').and_then(|n| n.strip_suffix("'s")) {
            return Class::ALL
                .iter()
                .find(|c| c.name() == name)
                .map(|&c| Test::PossessiveOf(c))
                .ok_or_else(|| self.error(&format!("unknown class @{name}")));
        }
        if let Some(name) = a.strip_prefix('@') {
            return Class::ALL
                .iter()
                .find(|c| c.name() == name)
                .map(|&c| Test::Class(c))
                .ok_or_else(|| self.error(&format!("unknown class @{name}")));
        }
        if let Some(shape) = a.strip_prefix('#') {
            return Ok(match shape {
                "num" => Test::Kind(TokKind::Number),
                "word" => Test::Kind(TokKind::Word),
                "punct" => Test::Kind(TokKind::Punct),
                "any" => Test::Any,
                "cap" => Test::Shape(Shape::CAPITALISED),
                "lower" => Test::Shape(Shape::LOWERCASE),
                "upper" => Test::Shape(Shape::ALL_CAPS),
                "ordinal" => Test::Ordinal,
                "possessive" => Test::Shape(Shape::POSSESSIVE),
                "digit" => Test::Shape(Shape::HAS_DIGIT),
                _ => {
                    let bounds = shape
                        .strip_prefix("digits:")
                        .ok_or_else(|| self.error(&format!("unknown shape #{shape}")))?;
                    let (lo, hi) = bounds.split_once('-').unwrap_or((bounds, bounds));
                    match (lo.parse::<usize>(), hi.parse::<usize>()) {
                        (Ok(lo), Ok(hi)) if 0 < lo && lo <= hi => Test::Digits(lo, hi),
                        _ => return Err(self.error("bad `#digits:m-n`")),
                    }
                }
            });
        }
        if let Some(re) = a
            .strip_prefix('/')
            .and_then(|r| r.strip_suffix('/'))
            .filter(|r| !r.is_empty())
        {
            return TokenRegex::new(re)
                .map(Test::Regex)
                .map_err(|e| self.error(&format!("bad regex /{re}/: {e}")));
        }
        if a.is_empty() {
            return Err(self.error("empty test"));
        }
        Ok(Test::Literal(a.to_lowercase()))
    }
}

// ---------------------------------------------------------------------------
// Matching

struct Matcher<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// The vocabulary id of each token ([`NO_WORD`] when none), when the
    /// caller has them: literal tests compare ids.
    ids: Option<&'a [u16]>,
    /// Without `ids`, the set's ids by lexicon word (see [`WordIds`]).
    word_ids: Option<&'a WordIds>,
    parts: &'a dyn Parts,
}

/// The bit of [`Test::Words`]' `lengths` for a word of `n` bytes.
fn length_bit(n: usize) -> u64 {
    1 << n.min(63)
}

/// True when vocabulary id `id` is in the bit set `ids` ([`NO_WORD`] is
/// in none).
#[inline(always)]
fn has_id(ids: &[u64], id: u16) -> bool {
    id != NO_WORD
        && ids
            .get(usize::from(id) / 64)
            .is_some_and(|b| b >> (id % 64) & 1 != 0)
}

/// `alts` as one [`Test::Words`] when every alternative is a literal word.
fn words_test(alts: &[Node]) -> Option<Test> {
    let words = alts
        .iter()
        .map(|a| match a {
            Node::Test(Test::Literal(w)) => Some(w.clone()),
            _ => None,
        })
        .collect::<Option<Vec<String>>>()?;
    let lengths = words.iter().fold(0, |m, w| m | length_bit(w.len()));
    Some(Test::Words {
        words,
        lengths,
        ids: Vec::new(),
    })
}

impl Matcher<'_> {
    /// Token `i`'s (`t`'s) vocabulary id ([`NO_WORD`] when it is none of
    /// the set's words), when known without reading its text: from the
    /// caller's ids, else by its [`WordId`] (as [`Vocab::id`] finds it).
    /// `None` for a token with no `WordId` (a number, a non-ASCII word or
    /// mark) when the caller has no ids, and outside a set.
    #[inline(always)]
    fn vocab_id(&self, i: usize, t: &Token) -> Option<u16> {
        if let Some(v) = self.ids {
            return Some(v.get(i).copied().unwrap_or(NO_WORD));
        }
        let w = self.word_ids?;
        match t.word.index() {
            Some(k) => Some(w.by_word.get(k).copied().unwrap_or(NO_WORD)),
            None if t.word == WordId::ABSENT && !w.unlisted => Some(NO_WORD),
            None => None,
        }
    }

    /// True when token `t`'s text is `w` (lowercase) in any ASCII case.
    fn is_word(&self, t: &Token, w: &str) -> bool {
        self.text
            .as_bytes()
            .get(t.span.start..t.span.end)
            .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
    }

    /// True when token `i` passes `test`. The tests of one step (a class,
    /// a kind, a shape, touching the token before, a word by its id; a
    /// number of digits on a token that is no number) are answered here,
    /// inlined where a test is run; the others by
    /// [`Matcher::accepts_other`] (a call saves and restores registers:
    /// most tests are of one step).
    #[inline(always)]
    fn accepts(&self, test: &Test, i: usize) -> bool {
        #[cfg(test)]
        tests::TESTS_RUN.with(|n| n.set(n.get() + 1));
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        match (test, self.ids) {
            (Test::Class(c), _) => t.classes.has(*c),
            (Test::AnyClass(cs), _) => t.classes.intersects(*cs),
            (Test::Kind(k), _) => t.kind == *k,
            (Test::Shape(s), _) => t.kind == TokKind::Word && t.shape.has(*s),
            (Test::Touching, _) => i > 0 && self.toks[i - 1].span.end == t.span.start,
            (Test::Digits(..), _) if t.kind != TokKind::Number => false,
            (Test::Words { ids, .. }, _) if !ids.is_empty() => match self.vocab_id(i, t) {
                Some(id) => has_id(ids, id),
                None => self.accepts_other(test, t, i),
            },
            _ => self.accepts_other(test, t, i),
        }
    }

    /// [`Matcher::accepts`] for the tests of more than one step, `t`
    /// token `i`.
    #[inline(never)]
    fn accepts_other(&self, test: &Test, t: &Token, i: usize) -> bool {
        match test {
            Test::Literal(w) => t.span.len() == w.len() && self.is_word(t, w),
            Test::Words {
                words,
                lengths,
                ids,
            } => match self.vocab_id(i, t).filter(|_| !ids.is_empty()) {
                Some(id) => has_id(ids, id),
                None => {
                    lengths & length_bit(t.span.len()) != 0
                        && words
                            .iter()
                            .any(|w| t.span.len() == w.len() && self.is_word(t, w))
                }
            },
            Test::Class(c) => t.classes.has(*c),
            Test::AnyClass(cs) => t.classes.intersects(*cs),
            Test::PossessiveOf(c) => {
                t.shape.has(Shape::POSSESSIVE)
                    && crate::lexicon::classes(crate::entities::strip_possessive(t.text(self.text)))
                        .has(*c)
            }
            Test::Kind(k) => t.kind == *k,
            Test::Shape(s) => t.kind == TokKind::Word && t.shape.has(*s),
            Test::Digits(lo, hi) => {
                let w = t.text(self.text);
                t.kind == TokKind::Number
                    && (*lo..=*hi).contains(&w.len())
                    && w.bytes().all(|b| b.is_ascii_digit())
            }
            Test::Ordinal => {
                let w = t.text(self.text);
                let digits = w.bytes().take_while(u8::is_ascii_digit).count();
                digits > 0
                    && ["st", "nd", "rd", "th"]
                        .iter()
                        .any(|s| w[digits..].eq_ignore_ascii_case(s))
            }
            Test::Regex(re) => re.is_match(t.text(self.text)),
            Test::Any => true,
            Test::Touching => i > 0 && self.toks[i - 1].span.end == t.span.start,
            Test::And(all) => all.iter().all(|a| self.accepts(a, i)),
            Test::Or(any) => any.iter().any(|a| self.accepts(a, i)),
            Test::Not(a) => !self.accepts(a, i),
            Test::Part(p) => self.parts.end(*p, i).is_some(),
        }
    }

    /// The first way from phrase `from` on that an [`Op::Phrase`] matches
    /// at token `i`: the token after it, and the phrase to try next on
    /// backtracking (`None` when the way taken is the class's one-word
    /// entries, the last).
    fn phrase(
        &self,
        class: Class,
        phrases: &[Vec<String>],
        heads: &[(u32, usize)],
        ids: &[Vec<u16>],
        i: usize,
        from: usize,
    ) -> Option<(usize, Option<usize>)> {
        let t = self.toks.get(i)?;
        // by ids when the tokens' (see `vocab_id`) and the words' are known
        let by_id = !ids.is_empty();
        let word_at = |j: usize, w: &String, id: Option<&u16>| {
            let Some(t) = self.toks.get(j) else {
                return false;
            };
            match (id.filter(|_| by_id), self.vocab_id(j, t)) {
                (Some(id), Some(v)) => v == *id,
                _ => t.span.len() == w.len() && self.is_word(t, w),
            }
        };
        // only the phrases whose first word has the token's length and
        // first letter, in order
        let key = head_key(t.text(self.text));
        let at = heads.partition_point(|&(k, n)| (k, n) < (key, from));
        let same_head = heads[at..].iter().take_while(|&&(k, _)| k == key);
        for &(_, n) in same_head {
            let (p, p_ids) = (&phrases[n], ids.get(n));
            let first = match p.first() {
                Some(w) => word_at(i, w, p_ids.and_then(|v| v.first())),
                None => false,
            };
            if first
                && p.iter()
                    .enumerate()
                    .skip(1)
                    .all(|(j, w)| word_at(i + j, w, p_ids.and_then(|v| v.get(j))))
            {
                return Some((i + p.len(), Some(n + 1)));
            }
        }
        t.classes.has(class).then_some((i + 1, None))
    }

    /// Runs `ops` from instruction `pc` at token `i`: the token index
    /// where the first `Match` in the order of preference is reached (at
    /// `end` only, when given), or `None`. Backtracking state goes on
    /// `s.stack` above its length at the call, which is left as it was.
    fn run(
        &self,
        ops: &[Op],
        mut pc: usize,
        mut i: usize,
        end: Option<usize>,
        s: &mut Scratch,
    ) -> Option<usize> {
        let base = s.stack.len();
        loop {
            let ok = match &ops[pc] {
                Op::Test(t) => {
                    let ok = self.accepts(t, i);
                    i += 1;
                    ok
                }
                Op::Phrase {
                    class,
                    phrases,
                    heads,
                    ids,
                } => match self.phrase(*class, phrases, heads, ids, i, 0) {
                    Some((e, more)) => {
                        if let Some(from) = more {
                            s.stack.push(Frame::Phrase { pc, i, from });
                        }
                        i = e;
                        true
                    }
                    None => false,
                },
                Op::Split(alt) => {
                    s.stack.push(Frame::Resume { pc: *alt, i });
                    true
                }
                Op::Jump(to) => {
                    pc = *to;
                    continue;
                }
                Op::Mark(r) => {
                    s.regs[*r] = i;
                    true
                }
                Op::Progress(r) => i > s.regs[*r],
                Op::Save { slot, reg } => {
                    let old = s.caps[*slot].replace(s.regs[*reg]..i);
                    s.stack.push(Frame::Cap { slot: *slot, old });
                    true
                }
                Op::Start => i == 0,
                Op::Part(p) => match self.parts.end(*p, i) {
                    Some(e) if e > i && e <= self.toks.len() => {
                        i = e;
                        true
                    }
                    _ => false,
                },
                Op::Look {
                    behind,
                    negate,
                    len,
                    body,
                } => {
                    let holds = if *behind {
                        i.checked_sub(*len)
                            .is_some_and(|from| self.run(ops, *body, from, Some(i), s).is_some())
                    } else {
                        self.run(ops, *body, i, None, s).is_some()
                    };
                    holds != *negate
                }
                Op::Match => {
                    if end.is_none_or(|e| e == i) {
                        s.stack.truncate(base);
                        return Some(i);
                    }
                    false
                }
            };
            if ok {
                pc += 1;
                continue;
            }
            // back to the last choice, undoing the captures set since
            loop {
                if s.stack.len() == base {
                    return None;
                }
                match s.stack.pop() {
                    Some(Frame::Resume { pc: p, i: j }) => {
                        (pc, i) = (p, j);
                        break;
                    }
                    Some(Frame::Cap { slot, old }) => s.caps[slot] = old,
                    // the phrases after the one taken at `p`, then the class
                    Some(Frame::Phrase { pc: p, i: j, from }) => {
                        let Op::Phrase {
                            class,
                            phrases,
                            heads,
                            ids,
                        } = &ops[p]
                        else {
                            continue;
                        };
                        if let Some((e, more)) = self.phrase(*class, phrases, heads, ids, j, from) {
                            if let Some(from) = more {
                                s.stack.push(Frame::Phrase { pc: p, i: j, from });
                            }
                            (pc, i) = (p + 1, e);
                            break;
                        }
                    }
                    None => return None,
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Compiled patterns

/// A pattern compiled to instructions for a backtracking matcher: the
/// same leftmost-first search as the pattern's tree (alternatives in
/// order, repetitions greedy), with the choices left to try on a stack
/// instead of in nested calls.
#[derive(Clone, Debug, Default)]
struct Program {
    /// The pattern's instructions from 0, ending in [`Op::Match`]; then
    /// the body of each lookaround, each ending in its own `Match`.
    ops: Vec<Op>,
    /// How many position registers [`Op::Mark`] sets.
    regs: usize,
}

/// One instruction of a [`Program`]; each goes on to the next unless it
/// fails (then the matcher backtracks) or jumps.
#[derive(Clone, Debug)]
enum Op {
    /// The token passes the test: on to the next token.
    Test(Test),
    /// One of the phrases (their words' ids in the set's vocabulary,
    /// when compiled in a [`RuleSet`]), in order, else a token of the
    /// class: on past it ([`Node::Phrase`]).
    Phrase {
        class: Class,
        phrases: Vec<Vec<String>>,
        /// The [`head_key`] of each phrase's first word and the phrase's
        /// index, in order.
        heads: Vec<(u32, usize)>,
        ids: Vec<Vec<u16>>,
    },
    /// Go on, and when that fails, try from instruction `.0` at this
    /// token.
    Split(usize),
    /// Go on from instruction `.0`.
    Jump(usize),
    /// Register `.0` := this token (where a capture or a repetition
    /// begins; each register has one `Mark`).
    Mark(usize),
    /// This token is past register `.0`: a repetition moved on.
    Progress(usize),
    /// Capture `slot` := the tokens from register `reg` to here.
    Save { slot: usize, reg: usize },
    /// This is the first token.
    Start,
    /// A caller's part starts here: on past its end.
    Part(usize),
    /// The body at instruction `body` matches here (lookahead) or ends
    /// here having started `len` tokens back (lookbehind); `negate`: does
    /// not. Consumes nothing.
    Look {
        behind: bool,
        negate: bool,
        len: usize,
        body: usize,
    },
    /// The match ends here.
    Match,
}

/// A choice left to try, or a capture to put back when backtracking.
#[derive(Clone, Debug)]
enum Frame {
    Resume {
        pc: usize,
        i: usize,
    },
    Cap {
        slot: usize,
        old: Option<Range<usize>>,
    },
    /// The phrases of the [`Op::Phrase`] at `pc` from `from` on, at `i`.
    Phrase {
        pc: usize,
        i: usize,
        from: usize,
    },
}

/// The buffers of a try: captures, registers and the backtracking stack.
#[derive(Default)]
struct Scratch {
    caps: Vec<Option<Range<usize>>>,
    regs: Vec<usize>,
    stack: Vec<Frame>,
}

/// A word's length and first byte, ASCII lowercased: two words equal in
/// any ASCII case have the same key.
fn head_key(w: &str) -> u32 {
    let first = w.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    (w.len() as u32) << 8 | u32::from(first)
}

thread_local! {
    /// The try buffers not in use, kept by the thread: most tries fail, and
    /// only a match copies its captures out.
    static SCRATCH: std::cell::RefCell<Vec<Scratch>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// A thread's pool of buffers not in use ([`SCRATCH`], [`SCAN_BUFS`]).
type Pool<T> = std::thread::LocalKey<std::cell::RefCell<Vec<T>>>;

/// A set of buffers taken from one of the thread's pools, put back when
/// dropped. One set per use in progress: a part's reader may try a
/// pattern inside a try.
struct Pooled<T: Default + 'static> {
    value: T,
    pool: &'static Pool<T>,
}

impl<T: Default + 'static> Pooled<T> {
    fn take(pool: &'static Pool<T>) -> Pooled<T> {
        let value = pool.with(|c| c.borrow_mut().pop().unwrap_or_default());
        Pooled { value, pool }
    }
}

impl<T: Default + 'static> Drop for Pooled<T> {
    fn drop(&mut self) {
        let s = std::mem::take(&mut self.value);
        // (during the thread's exit the pool may be gone: then dropped)
        let _ = self.pool.try_with(|c| c.borrow_mut().push(s));
    }
}

/// The buffers of a [`RuleSet::scan`]: the tokens' vocabulary ids, and
/// each rule's first token after its last match.
#[derive(Default)]
struct ScanBufs {
    ids: Vec<u16>,
    next_from: Vec<usize>,
}

thread_local! {
    /// The scan buffers not in use, kept by the thread (a sentence's scan
    /// reuses the previous one's).
    static SCAN_BUFS: std::cell::RefCell<Vec<ScanBufs>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

impl Scratch {
    /// Calls `f` with a set of buffers from the thread's pool.
    fn with<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
        f(&mut Pooled::take(&SCRATCH).value)
    }
}

/// True when every match of `node` covers at least one token.
fn consumes(node: &Node) -> bool {
    match node {
        Node::Test(_) | Node::Phrase { .. } | Node::Part(_) => true,
        Node::Seq(items) => items.iter().any(consumes),
        Node::Alt(alts) => alts.iter().all(consumes),
        Node::Repeat { node, min, .. } => *min > 0 && consumes(node),
        Node::Capture { node, .. } => consumes(node),
        Node::Look { .. } | Node::Start => false,
    }
}

impl Program {
    /// The program of `root`.
    fn of(root: &Node) -> Program {
        let mut prog = Program::default();
        let mut looks = Vec::new();
        prog.emit(root, &mut looks);
        prog.ops.push(Op::Match);
        // the lookaround bodies (and theirs in turn), after the pattern
        let mut next = 0;
        while let Some(&(at, node)) = looks.get(next) {
            next += 1;
            let body = prog.ops.len();
            if let Op::Look { body: b, .. } = &mut prog.ops[at] {
                *b = body;
            }
            prog.emit(node, &mut looks);
            prog.ops.push(Op::Match);
        }
        prog
    }

    /// Appends a placeholder instruction, returning its index.
    fn hole(&mut self) -> usize {
        self.ops.push(Op::Jump(usize::MAX));
        self.ops.len() - 1
    }

    /// A new register.
    fn reg(&mut self) -> usize {
        self.regs += 1;
        self.regs - 1
    }

    /// Appends the instructions of `node`; lookaround bodies go on
    /// `looks` (with their `Look`'s index) to be appended after.
    fn emit<'n>(&mut self, node: &'n Node, looks: &mut Vec<(usize, &'n Node)>) {
        match node {
            Node::Test(t) => self.ops.push(Op::Test(t.clone())),
            Node::Seq(items) => items.iter().for_each(|n| self.emit(n, looks)),
            Node::Alt(alts) => {
                // alternatives of one token test next to each other are one
                // test: each goes on at the same token with the same
                // captures, so after the first that passes, the others
                // could only fail the same way
                let mut groups: Vec<Vec<&Node>> = Vec::new();
                for a in alts {
                    match (groups.last_mut(), a) {
                        (Some(g), Node::Test(_)) if matches!(g[0], Node::Test(_)) => g.push(a),
                        _ => groups.push(vec![a]),
                    }
                }
                let mut jumps = Vec::new();
                for (n, g) in groups.iter().enumerate() {
                    let last = n + 1 == groups.len();
                    let split = (!last).then(|| self.hole());
                    match g.as_slice() {
                        [a] => self.emit(a, looks),
                        tests => {
                            let any = tests.iter().filter_map(|a| match a {
                                Node::Test(t) => Some(t.clone()),
                                _ => None,
                            });
                            // merged as the first-token tests are: one
                            // step for the words, one for the classes
                            self.ops.push(Op::Test(simplify(Test::Or(any.collect()))));
                        }
                    }
                    if !last {
                        jumps.push(self.hole());
                    }
                    if let Some(at) = split {
                        self.ops[at] = Op::Split(self.ops.len());
                    }
                }
                let end = self.ops.len();
                jumps
                    .into_iter()
                    .for_each(|at| self.ops[at] = Op::Jump(end));
            }
            Node::Repeat { node, min, max } => {
                // unrolled: `max` copies, those past `min` optional (one
                // more first, else on after the last); a copy that may
                // match no token must move on
                let mut splits = Vec::new();
                for n in 0..*max {
                    if n >= *min {
                        splits.push(self.hole());
                    }
                    let moved = (!consumes(node)).then(|| {
                        let r = self.reg();
                        self.ops.push(Op::Mark(r));
                        r
                    });
                    self.emit(node, looks);
                    if let Some(r) = moved {
                        self.ops.push(Op::Progress(r));
                    }
                }
                let end = self.ops.len();
                splits
                    .into_iter()
                    .for_each(|at| self.ops[at] = Op::Split(end));
            }
            Node::Capture { slot, node } => {
                let reg = self.reg();
                self.ops.push(Op::Mark(reg));
                self.emit(node, looks);
                self.ops.push(Op::Save { slot: *slot, reg });
            }
            Node::Phrase {
                class,
                phrases,
                ids,
            } => self.ops.push(Op::Phrase {
                class: *class,
                phrases: phrases.clone(),
                heads: {
                    let mut heads: Vec<(u32, usize)> = phrases
                        .iter()
                        .enumerate()
                        .map(|(n, p)| (p.first().map_or(u32::MAX, |w| head_key(w)), n))
                        .collect();
                    heads.sort_unstable();
                    heads
                },
                ids: ids.clone(),
            }),
            Node::Look {
                behind,
                negate,
                len,
                node,
            } => {
                looks.push((self.ops.len(), node));
                self.ops.push(Op::Look {
                    behind: *behind,
                    negate: *negate,
                    len: *len,
                    body: usize::MAX,
                });
            }
            Node::Part(p) => self.ops.push(Op::Part(*p)),
            Node::Start => self.ops.push(Op::Start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::pack;

    /// A pattern of one token test matches, with no walk, what its walk
    /// matches; a pattern that may match more, or captures, walks.
    #[test]
    fn one_token_patterns_match_as_their_walk() {
        let text = "On Friday the talks, at noon, ended on a high; an aide left Monday at 5, and yesterday.";
        let toks = crate::text::tokenize(text, Span::new(0, text.len()));
        for (src, one) in [
            ("( @article | @date_preposition | on | at )", true),
            ("@weekday", true),
            ("( on | at )", true),
            ("the", true),
            ("x=the", false),
            ("the talks?", false),
            ("(?<! on ) @weekday", false),
            ("@deictic_day", false),
        ] {
            let p = Pattern::parse("t", src).unwrap();
            assert_eq!(p.one_token, one, "{src}");
            let walked = Pattern {
                one_token: false,
                ..p.clone()
            };
            let mut matched = 0;
            for i in 0..=toks.len() {
                let m = p.match_at(text, &toks, i);
                assert_eq!(m, walked.match_at(text, &toks, i), "{src} at {i}");
                matched += usize::from(m.is_some());
            }
            assert!(matched > 0, "{src}");
        }
    }

    /// A capture's reach: the most tokens from a match's start to the
    /// capture's end, over every way the pattern may match.
    #[test]
    fn capture_reach_is_the_furthest_end_of_the_capture() {
        let reach = |src: &'static str| Pattern::parse("t", src).unwrap().capture_reach("x");
        assert_eq!(reach("x=a"), Some(1));
        assert_eq!(reach("a b? x=c"), Some(3));
        assert_eq!(reach("x=((a ( b | c ))? d) e? f"), Some(3));
        assert_eq!(reach("( a | b c d ) x=e"), Some(4));
        assert_eq!(reach("a x=( b | c d )"), Some(3));
        assert_eq!(reach("(a x=b){1,3} c"), Some(6));
        assert_eq!(reach("(?<= a b ) x=c (?= d e )"), Some(1));
        assert_eq!(
            reach("@deictic_day x=a"),
            Some(5),
            "“the day before yesterday”"
        );
        assert_eq!(reach("a b"), None, "no capture");
        let part = Pattern::parse_with("t", "x=<num> a", &["num"]).unwrap();
        assert_eq!(part.capture_reach("x"), None, "unbounded");
    }

    fn matches(pattern: &'static str, text: &str) -> Vec<String> {
        let p = Pattern::parse("t", pattern).unwrap();
        let a = Analysis::new(text);
        let toks = pieces(text, a.tokens());
        p.find_iter(text, &toks)
            .map(|m| m.text(text, &toks).to_string())
            .collect()
    }

    #[test]
    fn literals_classes_and_shapes() {
        assert_eq!(matches("said", "He SAID, she Said."), ["SAID", "Said"]);
        assert_eq!(
            matches("@weekday", "On Friday and monday."),
            ["Friday", "monday"]
        );
        assert_eq!(
            matches("@month&#cap", "May may march in March."),
            ["May", "March"]
        );
        assert_eq!(
            matches("#digits:4", "In 2022, 12,000 of 1999 and 20225."),
            ["2022", "1999"]
        );
        assert_eq!(
            matches("#ordinal @month", "the 4th February, 21ST May"),
            ["4th February", "21ST May"]
        );
        assert_eq!(
            matches("#upper", "NATO and the U.S. met A."),
            ["NATO", "U.S."]
        );
        assert_eq!(matches("!#cap&#word", "Blinken met Lavrov"), ["met"]);
        assert_eq!(matches("% #any", "5 % rise"), ["% rise"]);
        // escaped syntax chars are literals; a bare `?` is a suffix
        assert_eq!(matches("why \\?", "But why? Why not"), ["why?"]);
        assert_eq!(matches("why ?", "But why? Why not"), ["why", "Why"]);
        assert_eq!(matches("\\( @month \\)", "the (May) talks"), ["(May)"]);
        // `^` is the start of the tokens, `\^` a caret
        assert_eq!(matches("^ #cap", "Talks on Friday"), ["Talks"]);
        assert_eq!(
            matches("(^ #cap | #lower) ~,", "One, two, Three, four,"),
            ["One,", "two,", "four,"]
        );
        assert_eq!(matches("\\^ #num", "up ^ 3"), ["^ 3"]);
    }

    #[test]
    fn groups_alternatives_optional_and_repetition() {
        let p = "(early|mid|late) ~-? @month";
        assert_eq!(
            matches(p, "By mid-February or late March, not mid - May."),
            ["mid-February", "late March"]
        );
        // leftmost-first: the first alternative that lets the rest match
        assert_eq!(
            matches("(a|a couple of) days", "in a couple of days"),
            ["a couple of days"]
        );
        // greedy, bounded repetition
        assert_eq!(
            matches("#cap{2,3}", "Met Ursula Von Der Leyen in Kyiv Today."),
            ["Met Ursula Von", "Der Leyen", "Kyiv Today"]
        );
        assert_eq!(
            matches("the #word{0,2} day", "the day, the very next day"),
            ["the day", "the very next day"]
        );
    }

    #[test]
    fn captures_take_part_or_not() {
        let p = Pattern::parse(
            "t",
            "pre=(in|within)? n=(#num|@number_word) unit=(day|days)",
        )
        .unwrap();
        let text = "It ends in 3 days or two days.";
        let a = Analysis::new(text);
        let toks = pieces(text, a.tokens());
        let ms: Vec<Match> = p.find_iter(text, &toks).collect();
        assert_eq!(ms.len(), 2);
        assert_eq!(ms[0].capture_text("pre", text, &toks), Some("in"));
        assert_eq!(ms[0].capture_text("n", text, &toks), Some("3"));
        assert_eq!(ms[1].capture_text("pre", text, &toks), None);
        assert_eq!(ms[1].capture_text("unit", text, &toks), Some("days"));
        assert_eq!(ms[1].capture("nothing"), None);
        // a capture undone by backtracking leaves no trace
        let p = Pattern::parse("t", "(x=#word ago | #word #word)").unwrap();
        let text = "two weeks";
        let toks = pieces(text, Analysis::new(text).tokens());
        let m = p.match_at(text, &toks, 0).unwrap();
        assert_eq!((m.tokens.clone(), m.capture("x")), (0..2, None));
    }

    #[test]
    fn a_regex_turns_away_by_last_byte_only_tokens_it_cannot_match() {
        let words = [
            "weeks", "WEEKS", "Week’s", "week", "We’ll", "THEY'LL", "well", "tell", "ll", "1990s",
            "1990’S", "12z", "12", "9pm", "9PM", "Q3", "", "ſ", "ss",
        ];
        for (re, known) in [
            (".+s", true),
            (".+['’]ll", true),
            ("(1[89]|20)\\d0['’]?s", true),
            ("\\d{1,2}(am|pm)", true),
            ("\\d{2}z?", false),
            ("q[1-4]", true),
        ] {
            let r = TokenRegex::new(re).unwrap();
            assert_eq!(r.last_bytes.is_some(), known, "{re}");
            for w in words {
                assert_eq!(r.is_match(w), r.re.is_match(w), "/{re}/ on {w:?}");
            }
        }
        let r = TokenRegex::new(".+['’]ll").unwrap();
        assert!(r.is_match("We’ll") && r.is_match("THEY'LL") && !r.is_match("well"));
    }

    #[test]
    fn regexes_and_possessives() {
        assert_eq!(
            matches("/\\d{1,2}(am|pm)/", "at 9pm or 10AM, not 9 pm or 100pm"),
            ["9pm", "10AM"]
        );
        // a regex may hold the syntax chars `( | ? {`, and follow `name=`
        let p = Pattern::parse("t", "t=/\\d{2}T\\d{2}/ ~: m=~#digits:2").unwrap();
        let text = "signed 2024-03-12T14:05 then";
        let toks = pieces(text, Analysis::new(text).tokens());
        let m = p.find_iter(text, &toks).next().unwrap();
        assert_eq!(m.text(text, &toks), "12T14:05");
        assert_eq!(m.capture_text("m", text, &toks), Some("05"));
        // a lone slash is a literal
        assert_eq!(
            matches("#num ~/ ~#digits:4", "since 7/2015 and 7 / 2015"),
            ["7/2015"]
        );
        assert_eq!(
            matches("@weekday's", "Friday’s vote, Friday's talks and Friday"),
            ["Friday’s", "Friday's"]
        );
        assert_eq!(
            matches("#cap&#possessive", "Friday’s vote, the minister's aide"),
            ["Friday’s"]
        );
    }

    #[test]
    fn lookarounds_test_context_without_consuming_it() {
        // lookahead
        assert_eq!(
            matches(
                "@month (?! said | has )",
                "May said so in May. May has gone; June"
            ),
            ["May", "June"]
        );
        assert_eq!(matches("x (?= y )", "x z x y"), ["x"]);
        // lookbehind, also at the first token (nothing before it)
        assert_eq!(
            matches("(?<! #cap ) @month", "May came. Theresa May left in May"),
            ["May", "May"]
        );
        assert_eq!(matches("(?<= the ) x", "x the x"), ["x"]);
        assert_eq!(matches("(?<! the ) x", "x the x"), ["x"]);
        // a fixed-length sequence and alternatives of one length
        assert_eq!(
            matches(
                "(?<= as ( soon | early ) as ) @weekday",
                "as soon as Friday, by Monday, as early as Tuesday"
            ),
            ["Friday", "Tuesday"]
        );
        // the lookaround's tokens are not part of the match
        let p = Pattern::parse("t", "(?<= in ) m=@month (?! said )").unwrap();
        let text = "in May it rained";
        let toks = pieces(text, Analysis::new(text).tokens());
        let m = p.find_iter(text, &toks).next().unwrap();
        assert_eq!((m.text(text, &toks), m.tokens.clone()), ("May", 1..2));
    }

    #[test]
    fn phrases_of_a_class() {
        // `deictic_day` holds words and phrases
        assert_eq!(
            matches(
                "@deictic_day",
                "Today, the day before yesterday and The Day After Tomorrow; the day"
            ),
            [
                "Today",
                "the day before yesterday",
                "The Day After Tomorrow"
            ]
        );
        // the longest phrase that lets the rest match
        assert_eq!(
            matches(
                "@time_reference (?! future )",
                "in the near future, at present"
            ),
            ["the near future", "at present"]
        );
        assert!(Pattern::parse("t", "@nope").is_err());
    }

    #[test]
    fn pack_lowercases_ascii_words() {
        let slow = |w: &str| {
            w.bytes()
                .rev()
                .fold(0u128, |k, c| (k << 8) | u128::from(c.to_ascii_lowercase()))
        };
        for w in [
            "",
            "a",
            "May",
            "MAY",
            "@[`{",
            "Z9_az",
            "AbCdEfGh",
            "o'clock",
            "~~~~~~~~",
            "ninetynine",
            "Seventy-Seven-Ab",
        ] {
            assert_eq!(pack(w), Some(slow(w)), "{w:?}");
        }
        assert_eq!(pack("seventy-seven-abc"), None);
        assert_eq!(pack("é"), None);
        // every ASCII byte, in every position
        for c in 0u8..128 {
            let w = String::from_utf8(vec![b'x', c, b'Q', c]).unwrap();
            assert_eq!(pack(&w), Some(slow(&w)), "{c}");
        }
    }

    /// One pass over a set gives each rule's own matches.
    #[test]
    fn word_ids_give_the_ids_of_the_text() {
        // literals in the lexicon, one not in it, marks and a number
        const RULES: &[Rule] = &[
            Rule {
                name: "words",
                pattern: "( yesterday | ago | the | blorp | o’clock | - | – | $ | 24 | u.s. )",
                examples: &[],
            },
            Rule {
                name: "long",
                pattern: "internationalisation",
                examples: &[],
            },
        ];
        let set = RuleSet::new(RULES).unwrap();
        assert!(set.vocab.unlisted, "“blorp” is no lexicon word");
        assert!(set.vocab.numbers);
        let text = "Yesterday, BLORP said the U.S. paid $24 at 5 o’clock – \
                    a twenty-four-hour day AGO; Internationalisation, internationalisation.";
        let toks = pieces(text, Analysis::new(text).tokens());
        assert_eq!(set.word_id_mismatches(text, &toks), Vec::<String>::new());
        let found: Vec<&str> = set
            .find_iter(text, &toks)
            .map(|(_, m)| m.text(text, &toks))
            .collect();
        assert_eq!(
            found,
            [
                "Yesterday",
                "BLORP",
                "the",
                "U.S.",
                "$",
                "24",
                "o’clock",
                "–",
                "-",
                "-",
                "AGO",
                "Internationalisation",
                "internationalisation"
            ]
        );
    }

    #[test]
    fn a_rule_is_enabled_only_when_all_its_needs_are_met() {
        const RULES: &[Rule] = &[
            Rule {
                name: "ago",
                pattern: "n=#digits:1-3 unit=(days | weeks) ago",
                examples: &[],
            },
            Rule {
                name: "for",
                pattern: "(?<= for ) n=#digits:1-3 unit=(days | weeks)",
                examples: &[],
            },
        ];
        let set = RuleSet::new(RULES).unwrap();
        let enabled = |text: &str| {
            let a = Analysis::new(text);
            let toks = pieces(text, a.tokens());
            set.enabled(text, &toks)
        };
        assert_eq!(enabled("The rain fell for 3 days."), 0b10);
        assert_eq!(enabled("The rain stopped 3 days ago."), 0b01);
        assert_eq!(enabled("It fell for 3 days until 2 weeks ago."), 0b11);
        // the unit and the number, but neither `ago` nor `for`
        assert_eq!(enabled("The rain fell 3 days in a row."), 0);
    }

    #[test]
    fn scan_finds_what_each_rule_finds() {
        const RULES: &[Rule] = &[
            Rule {
                name: "month",
                pattern: "(?<! #cap ) m=@month&#cap",
                examples: &[],
            },
            Rule {
                name: "day",
                pattern: "d=#digits:1-2 m=@month",
                examples: &[],
            },
            Rule {
                name: "ago",
                pattern: "n=(#num|@number_word|a) unit=(days|weeks) ago",
                examples: &[],
            },
            Rule {
                name: "lit",
                pattern: "the day",
                examples: &[],
            },
            Rule {
                name: "any",
                pattern: "(?= #num ) #any ~%",
                examples: &[],
            },
        ];
        let set = RuleSet::new(RULES).unwrap();
        for text in [
            "On 4 May, two weeks ago, the day Theresa May spoke, 5% rose in May.",
            "4 May 5 May May May a days ago 3 weeks ago ago the the day 7%",
            "",
            "%% 12 % the",
        ] {
            let toks = pieces(text, Analysis::new(text).tokens());
            let mut got: Vec<(usize, Range<usize>)> =
                set.scan(text, &toks).map(|(r, m)| (r, m.tokens)).collect();
            // in order of first token, then rule
            assert!(got
                .windows(2)
                .all(|w| (w[0].1.start, w[0].0) < (w[1].1.start, w[1].0)));
            got.sort_by_key(|(r, m)| (*r, m.start));
            let want: Vec<(usize, Range<usize>)> = set
                .rules
                .iter()
                .enumerate()
                .flat_map(|(r, (_, p))| p.find_iter(text, &toks).map(move |m| (r, m.tokens)))
                .collect();
            assert_eq!(got, want, "{text}");
        }
        assert_eq!(set.scan("May", &[]).count(), 0);
    }

    /// An analysis's pieces, found from the text's hyphens, are those of
    /// the walk over every token: hyphens as dashes, between sentences,
    /// several in a word, at a word's ends, with a possessive, the
    /// U+2010 hyphen.
    #[test]
    fn ordered_pieces_are_the_walks() {
        for text in [
            "mid-February, COVID-19 and de-escalation; U.S. 4.5",
            "- A 24-hour, state-of-the-art plan - said the ex-envoy’s aide.\n\n-- The end-",
            "No hyphen at all. None.",
            "Kyiv's mid-term re-run -- a two-thirds 'yes'-vote (2021-22) -x y- z-'s",
            "de‐escalation and mid-February",
            "-",
            "",
        ] {
            let a = Analysis::new(text);
            let (mut walked, mut searched) = (Vec::new(), Vec::new());
            pieces_into(text, a.tokens(), &mut walked);
            ordered_pieces_into(text, a.tokens(), &mut searched);
            assert_eq!(walked, searched, "{text}");
        }
    }

    #[test]
    fn pieces_cut_hyphenated_words() {
        let text = "mid-February, COVID-19 and de‐escalation; U.S. 4.5";
        let a = Analysis::new(text);
        let p: Vec<&str> = pieces(text, a.tokens())
            .iter()
            .map(|t| t.text(text))
            .collect();
        assert_eq!(
            p,
            [
                "mid",
                "-",
                "February",
                ",",
                "COVID",
                "-",
                "19",
                "and",
                "de",
                "‐",
                "escalation",
                ";",
                "U.S.",
                "4.5"
            ]
        );
        let toks = pieces(text, a.tokens());
        assert!(toks[2].is(Class::Month) && toks[6].kind == TokKind::Number);
    }

    #[test]
    fn phrase_classes_match_their_phrases_longest_first() {
        // `qualifier` has one-word entries (`over`) and phrases (`more
        // than`, `a little more than`)
        assert_eq!(
            matches(
                "q=@qualifier #num",
                "a little more than 5, over 6, More Than 7"
            ),
            ["a little more than 5", "over 6", "More Than 7"]
        );
        // a phrase that does not go on is backtracked into: `more` alone
        // is no qualifier, `than` neither
        assert!(matches("@qualifier #num", "more 5 than 6").is_empty());
        // a class without phrases stays a one-token test
        assert_eq!(
            matches("@weekday", "Friday and Monday"),
            ["Friday", "Monday"]
        );
    }

    /// A reader of `<pair>`: two numbers side by side.
    struct Pairs<'a>(&'a [Token]);
    impl Parts for Pairs<'_> {
        fn end(&self, part: usize, at: usize) -> Option<usize> {
            assert_eq!(part, 0);
            let num = |i: usize| self.0.get(i).is_some_and(|t| t.kind == TokKind::Number);
            (num(at) && num(at + 1)).then_some(at + 2)
        }
    }

    #[test]
    fn parts_are_read_by_the_caller() {
        const RULES: &[Rule] = &[Rule {
            name: "pair",
            pattern: "p=<pair> (and q=<pair>)?",
            examples: &[
                "Codes [{p:12 34} and {q:56 78}] were sent.",
                "!Only 5 came.",
            ],
        }];
        let set = RuleSet::with_parts(RULES, &["pair"]).unwrap();
        let text = "Codes 12 34 and 56 78, then 9.";
        let toks = pieces(text, Analysis::new(text).tokens());
        let parts = Pairs(&toks);
        let (_, _, m) = set.matches_at(text, &toks, 1, &parts).next().unwrap();
        assert_eq!(m.text(text, &toks), "12 34 and 56 78");
        assert_eq!(m.capture_text("q", text, &toks), Some("56 78"));
        assert!(set.matches_at(text, &toks, 0, &parts).next().is_none());
        // a part's first-token test skips starts where it is absent
        assert!(set.matches_at(text, &toks, 8, &parts).next().is_none());
        // examples run with the reader
        let make: &MakeParts = &|_, toks| Box::new(Pairs(toks)) as Box<dyn Parts + '_>;
        assert_eq!(
            check_examples_with(RULES, &["pair"], make),
            Vec::<String>::new()
        );
        // an unknown part is an error; without the name, `<pair>` is unknown
        assert!(RuleSet::new(RULES).is_err());
        let e = Pattern::parse_with("r", "<nope>", &["pair"]).unwrap_err();
        assert!(e.message.contains("unknown part <nope>"), "{e}");
    }

    #[test]
    fn bad_patterns_are_errors() {
        for bad in [
            "(a b",
            "a )",
            "@no_such_class",
            "#shape",
            "x{1,99}",
            "x{3,1}",
            "n=a n=b",
            "",
            "a | | b",
            "#digits:0",
            "(?<= a? ) b",
            "(?<= a{1,2} ) b",
            "n=(?= a ) b",
            "(?= n=a ) b",
            "(?= a b",
            "/[/",
        ] {
            assert!(Pattern::parse("bad", bad).is_err(), "{bad:?}");
        }
        let e = Pattern::parse("r", "in @nope").unwrap_err();
        assert_eq!(
            e.to_string(),
            "rule \"r\": unknown class @nope at element 2"
        );
        // as many capture names as a match holds, and one more
        let names = |n: usize| {
            (0..n)
                .map(|i| format!("c{i}=x"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let text = "x ".repeat(MAX_CAPTURES);
        let toks = crate::text::tokenize(&text, Span::new(0, text.len()));
        let p = Pattern::parse("most", Box::leak(names(MAX_CAPTURES).into_boxed_str())).unwrap();
        let m = p.match_at(&text, &toks, 0).unwrap();
        let last = format!("c{}", MAX_CAPTURES - 1);
        assert_eq!(m.capture(&last), Some(MAX_CAPTURES - 1..MAX_CAPTURES));
        let more = Box::leak(names(MAX_CAPTURES + 1).into_boxed_str());
        assert!(Pattern::parse("more", more).is_err());
    }

    #[test]
    fn examples_are_checked() {
        const RULES: &[Rule] = &[Rule {
            name: "ago",
            pattern: "n=(#num|@number_word) unit=(days|weeks) ago",
            examples: &[
                "It began [{n:three} {unit:weeks} ago].",
                "!Three weeks later.",
            ],
        }];
        assert_eq!(check_examples(RULES), Vec::<String>::new());
        const WRONG: &[Rule] = &[Rule {
            name: "ago",
            pattern: "n=#num days ago",
            examples: &["[{n:two} days ago]", "![2 days ago]", "no marks"],
        }];
        let failures = check_examples(WRONG);
        assert_eq!(failures.len(), 3, "{failures:?}");
        assert!(failures[0].contains("no match"), "{failures:?}");
        assert!(
            failures[1].contains("matched \"2 days ago\""),
            "{failures:?}"
        );
    }

    thread_local! {
        /// Token tests the matcher ran on this thread (counted in test
        /// builds only): a measure of its work that load cannot disturb.
        pub(super) static TESTS_RUN: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }

    /// Nested bounded repetitions on a long run of tokens: still linear
    /// (each start does bounded work): four times the tokens cost about
    /// four times the token tests, not sixteen. Counted, not timed, so a
    /// busy machine cannot fail it.
    #[test]
    fn hostile_input_stays_linear() {
        let p = Pattern::parse("t", "(#word{1,4} ,?){1,4} zzz").unwrap();
        let work = |n: usize| {
            let text = "a ".repeat(n);
            let a = Analysis::new(&text);
            let toks = pieces(&text, a.tokens());
            let before = TESTS_RUN.with(|c| c.get());
            assert_eq!(p.find_iter(&text, &toks).count(), 0);
            TESTS_RUN.with(|c| c.get()) - before
        };
        let (small, large) = (work(1_000), work(4_000));
        assert!(small >= 1_000, "the matcher ran only {small} tests");
        assert!(large <= small * 5, "{small} -> {large} token tests");
    }
}
