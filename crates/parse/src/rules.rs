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
//! | `@month` | a token of a lexicon class ([`Class::name`]); for a class with phrases of several words (“more than”), also each phrase, longest first |
//! | `<num>` | a part read by the caller: the tokens a [`Parts`] reader says it spans from here (see [Parts](#parts)) |
//! | `#num` `#word` `#punct` `#any` | a number, a word, a punctuation mark, any token |
//! | `#cap` `#lower` `#upper` | a capitalised, lowercase, all-caps word ([`Shape`]) |
//! | `#digits:4` `#digits:1-2` | a number of 4 (1 to 2) digits, no `.` or `,` |
//! | `#ordinal` | a number with an ordinal suffix (`4th`, `21st`) |
//! | `a&b` | a token passing both tests (`@month&#cap`) |
//! | `!a` | a token failing test `a` |
//! | `~a` | `a`, touching the token before (no space between: “mid-May”) |
//! | `^` | no token: the start of the tokens matched over (a sentence's first token) |
//! | `( a b \| c )` | a group: alternatives separated by `\|`, tried in order |
//! | `x?` `x{1,3}` | optional; repeated 1 to 3 times (greedy; bounds required) |
//! | `name=x` | `x`, captured as `name` |
//!
//! Matching is leftmost-first, like a backtracking regex: alternatives in
//! the order written, `?` and `{m,n}` greedy. Every repetition is bounded,
//! so the work at each start token is bounded by the pattern alone and a
//! scan is linear in the number of tokens.
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
use crate::lexicon::Class;
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
    },
    Class(Class),
    Kind(TokKind),
    Shape(Shape),
    /// A number of `min..=max` digits and nothing else.
    Digits(usize, usize),
    Ordinal,
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
    /// A lexicon class with phrases: each phrase (its words, lowercase,
    /// longest phrase first), then a one-word member of the class.
    Phrases {
        class: Class,
        phrases: Vec<Vec<String>>,
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
    /// The test every match's first token passes, when the pattern has
    /// one (most do): a start where it fails is skipped at once.
    first: Option<Test>,
    /// Capture names by slot.
    names: Arc<[&'static str]>,
}

/// One match of a pattern: token indices into the slice it ran on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The tokens matched.
    pub tokens: Range<usize>,
    /// Capture names by slot (shared with the pattern).
    names: Arc<[&'static str]>,
    /// Token range of each capture slot that took part in the match.
    captures: Vec<Option<Range<usize>>>,
}

impl Match {
    /// The token range captured as `name`, if that part matched.
    pub fn capture(&self, name: &str) -> Option<Range<usize>> {
        let slot = self.names.iter().position(|n| *n == name)?;
        self.captures.get(slot)?.clone()
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
/// n=<amount>`: a qualifier word or an amount).
fn first_test(node: &Node) -> (Option<Test>, bool) {
    /// `a` or `b`, flattened (an empty `Or` is no test: `a` alone).
    fn or(a: Test, b: Test) -> Test {
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
    match node {
        Node::Test(t) => (Some(t.clone()), false),
        Node::Part(p) => (Some(Test::Part(*p)), false),
        // zero-width: no token of its own
        Node::Start => (Some(Test::Or(Vec::new())), true),
        Node::Capture { node, .. } => first_test(node),
        Node::Repeat { node, min, .. } => {
            let (t, nullable) = first_test(node);
            (t, nullable || *min == 0)
        }
        Node::Seq(items) => {
            let mut acc = Test::Or(Vec::new());
            for item in items {
                let (t, nullable) = first_test(item);
                let Some(t) = t else {
                    return (None, false);
                };
                acc = or(acc, t);
                if !nullable {
                    return (Some(acc), false);
                }
            }
            (Some(acc), true)
        }
        Node::Alt(alts) => {
            let mut acc = Test::Or(Vec::new());
            let mut nullable = false;
            for a in alts {
                let (t, n) = first_test(a);
                let Some(t) = t else {
                    return (None, false);
                };
                acc = or(acc, t);
                nullable |= n;
            }
            (Some(acc), nullable)
        }
        Node::Phrases { class, phrases } => {
            let mut firsts: Vec<String> =
                phrases.iter().filter_map(|p| p.first().cloned()).collect();
            firsts.sort();
            firsts.dedup();
            let lengths = firsts.iter().fold(0, |m, w| m | length_bit(w.len()));
            let words = Test::Words {
                words: firsts,
                lengths,
            };
            (Some(or(Test::Class(*class), words)), false)
        }
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
            parts,
        };
        let root = p.alternatives()?;
        if p.at < elems.len() {
            return Err(p.error("unbalanced `)`"));
        }
        let first = match first_test(&root) {
            (Some(t), false) => Some(t),
            _ => None,
        };
        Ok(Pattern {
            first,
            root,
            names: p.names.into(),
        })
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
        // the first-token test turns most starts away: kept inline, apart
        // from the walk
        if let Some(t) = &self.first {
            let m = Matcher { text, toks, parts };
            if !m.accepts(t, start) {
                return None;
            }
        }
        self.walk_from(text, toks, start, parts)
    }

    /// [`Pattern::match_at_with`] past the first-token test.
    #[inline(never)]
    fn walk_from(
        &self,
        text: &str,
        toks: &[Token],
        start: usize,
        parts: &dyn Parts,
    ) -> Option<Match> {
        let m = Matcher { text, toks, parts };
        // the captures of a try, in a buffer kept by the thread: most tries
        // fail, and only a match copies them out
        thread_local! {
            static CAPS: std::cell::RefCell<Vec<Option<Range<usize>>>> =
                const { std::cell::RefCell::new(Vec::new()) };
        }
        let mut caps = CAPS.with(|c| c.take());
        caps.clear();
        caps.resize(self.names.len(), None);
        let mut end = None;
        let found = m.walk(&self.root, start, &mut caps, &mut |e, _| {
            end = Some(e);
            true
        });
        let got = end.filter(|_| found).map(|end| Match {
            tokens: start..end,
            names: Arc::clone(&self.names),
            captures: caps.clone(),
        });
        CAPS.with(|c| c.replace(caps));
        got
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
}

impl RuleSet {
    /// Compiles every rule of `rules`.
    pub fn new(rules: &[Rule]) -> Result<RuleSet, PatternError> {
        Self::with_parts(rules, &[])
    }

    /// Compiles every rule of `rules`, whose `<name>` elements are the
    /// caller's `parts` (see [`Parts`]).
    pub fn with_parts(rules: &[Rule], parts: &[&str]) -> Result<RuleSet, PatternError> {
        let rules = rules
            .iter()
            .map(|r| Ok((*r, Pattern::parse_with(r.name, r.pattern, parts)?)))
            .collect::<Result<_, PatternError>>()?;
        Ok(RuleSet { rules })
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
        self.rules
            .iter()
            .enumerate()
            .filter_map(move |(k, (r, p))| {
                p.match_at_with(text, toks, start, parts).map(|m| (k, r, m))
            })
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

/// The pieces the patterns match over: `toks` with every word that holds
/// a hyphen (`-` or U+2010) cut into its parts and the hyphens, each piece
/// with its own kind, shape and lexicon classes (“mid-February” → `mid`
/// `-` `February`; “COVID-19” → `COVID` `-` `19`). Other tokens are kept
/// as they are.
pub fn pieces(text: &str, toks: &[Token]) -> Vec<Token> {
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        if t.kind != TokKind::Word || !t.shape.has(Shape::HYPHENATED) {
            out.push(*t);
            continue;
        }
        let word = t.text(text);
        let mut start = 0;
        for (i, c) in word.char_indices().filter(|&(_, c)| c == '-' || c == '‐') {
            push_piece(text, t.span.start + start, t.span.start + i, &mut out);
            push_piece(
                text,
                t.span.start + i,
                t.span.start + i + c.len_utf8(),
                &mut out,
            );
            start = i + c.len_utf8();
        }
        push_piece(text, t.span.start + start, t.span.end, &mut out);
    }
    out
}

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
            let cut = |s: &str| -> usize {
                s.char_indices()
                    .skip(1)
                    .find(|&(_, c)| matches!(c, '(' | ')' | '|' | '?' | '{'))
                    .map_or(s.len(), |(i, _)| i)
            };
            let n = match rest.as_bytes()[0] {
                b'(' | b')' | b'|' | b'?' => 1,
                b'{' => rest.find('}').map_or(rest.len(), |i| i + 1),
                _ => {
                    // `name=(` opens a captured group
                    match rest.find("=(") {
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
    /// The names of the caller's parts (`<name>`).
    parts: &'a [&'a str],
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
        let mut node = if body == "(" {
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
        Some(Node::Phrases { class, phrases })
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
    parts: &'a dyn Parts,
}

/// The continuation of a match: called with the token index reached and
/// the captures so far; true ends the search (the match is accepted).
type Cont<'k> = dyn FnMut(usize, &mut Vec<Option<Range<usize>>>) -> bool + 'k;

/// The bit of [`Test::Words`]' `lengths` for a word of `n` bytes.
fn length_bit(n: usize) -> u64 {
    1 << n.min(63)
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
    Some(Test::Words { words, lengths })
}

impl Matcher<'_> {
    /// True when token `t`'s text is `w` (lowercase) in any ASCII case.
    fn is_word(&self, t: &Token, w: &str) -> bool {
        self.text
            .as_bytes()
            .get(t.span.start..t.span.end)
            .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
    }

    fn accepts(&self, test: &Test, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        match test {
            Test::Literal(w) => t.span.len() == w.len() && self.is_word(t, w),
            Test::Words { words, lengths } => {
                lengths & length_bit(t.span.len()) != 0
                    && words
                        .iter()
                        .any(|w| t.span.len() == w.len() && self.is_word(t, w))
            }
            Test::Class(c) => t.classes.has(*c),
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
            Test::Any => true,
            Test::Touching => i > 0 && self.toks[i - 1].span.end == t.span.start,
            Test::And(all) => all.iter().all(|a| self.accepts(a, i)),
            Test::Or(any) => any.iter().any(|a| self.accepts(a, i)),
            Test::Not(a) => !self.accepts(a, i),
            Test::Part(p) => self.parts.end(*p, i).is_some(),
        }
    }

    /// Matches `node` at token `i`, then `k` at its end; backtracks into
    /// `node` while `k` refuses.
    fn walk(
        &self,
        node: &Node,
        i: usize,
        caps: &mut Vec<Option<Range<usize>>>,
        k: &mut Cont<'_>,
    ) -> bool {
        match node {
            Node::Test(t) => self.accepts(t, i) && k(i + 1, caps),
            Node::Seq(items) => self.seq(items, i, caps, k),
            Node::Alt(alts) => alts.iter().any(|a| self.walk(a, i, caps, k)),
            Node::Repeat { node, min, max } => self.repeat(node, *min, *max, i, caps, k),
            Node::Start => i == 0 && k(i, caps),
            Node::Part(p) => match self.parts.end(*p, i) {
                Some(e) if e > i && e <= self.toks.len() => k(e, caps),
                _ => false,
            },
            Node::Phrases { class, phrases } => {
                // most tokens start no phrase: a length test turns them away
                let len = self.toks.get(i).map_or(0, |t| t.span.len());
                let first_ok = phrases
                    .iter()
                    .any(|p| p.first().is_some_and(|w| w.len() == len));
                first_ok
                    && phrases.iter().any(|words| {
                        let n = words.len();
                        words.iter().enumerate().all(|(j, w)| {
                            self.toks
                                .get(i + j)
                                .is_some_and(|t| t.span.len() == w.len() && self.is_word(t, w))
                        }) && k(i + n, caps)
                    })
                    || self.accepts(&Test::Class(*class), i) && k(i + 1, caps)
            }
            Node::Capture { slot, node } => {
                let slot = *slot;
                let before = caps[slot].clone();
                let found = self.walk(node, i, caps, &mut |e, caps| {
                    let inner = caps[slot].replace(i..e);
                    k(e, caps) || {
                        caps[slot] = inner;
                        false
                    }
                });
                if !found {
                    caps[slot] = before;
                }
                found
            }
        }
    }

    fn seq(
        &self,
        items: &[Node],
        i: usize,
        caps: &mut Vec<Option<Range<usize>>>,
        k: &mut Cont<'_>,
    ) -> bool {
        match items.split_first() {
            None => k(i, caps),
            Some((first, rest)) => {
                self.walk(first, i, caps, &mut |e, caps| self.seq(rest, e, caps, k))
            }
        }
    }

    /// `node{min,max}` at `i`, greedy: one more repetition first (while
    /// under `max`, and only when it moves on), then `k`.
    fn repeat(
        &self,
        node: &Node,
        min: usize,
        max: usize,
        i: usize,
        caps: &mut Vec<Option<Range<usize>>>,
        k: &mut Cont<'_>,
    ) -> bool {
        if max > 0
            && self.walk(node, i, caps, &mut |e, caps| {
                e > i && self.repeat(node, min.saturating_sub(1), max - 1, e, caps, k)
            })
        {
            return true;
        }
        min == 0 && k(i, caps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ] {
            assert!(Pattern::parse("bad", bad).is_err(), "{bad:?}");
        }
        let e = Pattern::parse("r", "in @nope").unwrap_err();
        assert_eq!(
            e.to_string(),
            "rule \"r\": unknown class @nope at element 2"
        );
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

    /// Nested bounded repetitions on a long run of tokens: still linear
    /// (each start does bounded work): four times the tokens take about
    /// four times as long, not sixteen.
    #[test]
    fn hostile_input_stays_linear() {
        let p = Pattern::parse("t", "(#word{1,4} ,?){1,4} zzz").unwrap();
        let time = |n: usize| {
            let text = "a ".repeat(n);
            let a = Analysis::new(&text);
            let toks = pieces(&text, a.tokens());
            (0..3)
                .map(|_| {
                    let t = std::time::Instant::now();
                    assert_eq!(p.find_iter(&text, &toks).count(), 0);
                    t.elapsed()
                })
                .min()
                .unwrap_or_default()
        };
        let (small, large) = (time(1_000), time(4_000));
        assert!(large < small * 10, "{small:?} -> {large:?}");
    }
}
