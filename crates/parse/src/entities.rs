//! People, organisations and places, with roles and in-document aliases.
//!
//! No statistical model: organisations and places come from the gazetteers
//! shipped in `crates/parse/data/` (matched case-sensitively on whole words,
//! so “US” is the country and “us” is not); people are capitalised name runs
//! that carry evidence of being a person:
//!
//! - a title or role right before them (“NATO secretary Jens Stoltenberg”,
//!   “Russian President Vladimir Putin”) or in apposition (“The US Secretary
//!   of State, Antony Blinken”, “Jens Stoltenberg, NATO’s secretary general,”);
//! - a common given name as first word (“Josep Borrell”);
//! - a reporting verb next to them (“Blinken insisted”, “said Blinken”,
//!   “Blinken has also announced”);
//! - an age in apposition after a name of two words or more (“Dewayne
//!   Smithy, 33, of Baldwin”);
//! - or the surname of a person already found in the article.
//!
//! Mentions of one person are merged on the surname within the article
//! (“Blinken” = “Antony Blinken”); the canonical name is the longest full name
//! seen. Two full names of one surname that open with different given names
//! of the lexicon are two people (“Bill Clinton” and “Hillary Clinton”; “Mark
//! Ortiz”, the lawyer of “Daniel Ortiz”); a bare surname they share is
//! neither's mention. Roles are kept as written, with their spans.
//!
//! An **ambiguous place** of the gazetteer, a city whose name is also a
//! person's or a word (“Dallas”, “Jackson”, “Mobile”: `ambiguous` in
//! `data/places.tsv`), is no name for people, and a place only where its
//! context says so (the place context rules, `PLACE_RULES`): after a
//! locative preposition (“in Dallas”, “from downtown Houston”) or in a list
//! after one (“in Chicago and Denver”), before a place noun (“the Denver
//! suburbs”, “Houston-based”), after one and “of” (“the mayor of Austin”,
//! “east of Phoenix”), before a comma and a state (“Jackson, Miss.”), in a
//! dateline, or anywhere in an article that uses it so once (unless the
//! article also writes the word in lowercase). Never right after another
//! capitalised name word (“Michael Jackson”) or before one (“Dallas
//! Cowboys”), nor when it is the surname of a person of the article; and a
//! mention in a place's context is no person speaking (“officials in
//! Houston said”).

use crate::analysis::Analysis;
use crate::lexicon::{self, gazetteer, Class, Classes, WordSet};
use crate::model::{Entity, EntityKind, Role, Sentence, Span};
use crate::rules::{Parts, Rule, RuleSet};
use crate::text::{tokenize, Shape, TokKind, Token};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The gazetteer entry whose mention (in `gaz`, sorted by start) covers
/// `span`, or starts with it and runs on (a possessive: “NATO’s”).
///
/// (The reference the token walks are tested against.)
#[cfg(test)]
pub(crate) fn gazetteer_at(gaz: &[(Span, usize)], span: Span) -> Option<usize> {
    let i = gaz.partition_point(|(g, _)| g.start <= span.start);
    gazetteer_before(gaz, i, span)
}

/// `gazetteer_at` given `i`, the number of mentions starting at or before
/// `span`.
fn gazetteer_before(gaz: &[(Span, usize)], i: usize, span: Span) -> Option<usize> {
    // Mentions do not overlap, so the last one that starts before `span`
    // also ends last; if it ends at or before `span` starts, none can
    // cover or run on from it (the common case: most words are no name).
    if i == 0 || gaz[i - 1].0.end <= span.start {
        return None;
    }
    gaz[..i]
        .iter()
        .rev()
        .take(4)
        .find(|(g, _)| g.contains(&span) || (g.start == span.start && g.end < span.end))
        .map(|&(_, id)| id)
}

/// `gazetteer_at` for each of `toks` (sorted by start, as tokens are),
/// as [`IN_GAZETTEER`] bits: the first [`TokenFacts`] of each token.
///
/// The answer for a token depends only on `i`, the number of mentions
/// starting at or before it, and is `None` unless the token starts before
/// mention `i - 1` ends ([`gazetteer_before`]'s first test). So every token
/// is `None` except those starting inside a mention `k` (and before mention
/// `k + 1` starts, so that `i = k + 1`): only those, found by one walk
/// over the tokens alongside the mentions, are asked [`gazetteer_before`]
/// with `i = k + 1`.
fn gazetteer_flags(gaz: &[(Span, usize)], toks: &[Token]) -> Vec<u8> {
    let mut out = vec![0; toks.len()];
    gazetteer_flags_into(gaz, toks, &mut out);
    out
}

/// [`gazetteer_flags`] into `out` (as long as `toks`, all zero). The
/// mentions before the last one starting at or before the first token
/// are skipped (no token has their `i`), and the walk stops after the
/// last token.
fn gazetteer_flags_into(gaz: &[(Span, usize)], toks: &[Token], out: &mut [u8]) {
    let Some(first) = toks.first() else {
        return;
    };
    let k0 = gaz
        .partition_point(|(g, _)| g.start <= first.span.start)
        .saturating_sub(1);
    let mut t = 0;
    for (k, (g, _)) in gaz.iter().enumerate().skip(k0) {
        if t >= toks.len() {
            break;
        }
        // tokens with `i == k + 1` start in `g.start..next`
        let next = gaz.get(k + 1).map_or(usize::MAX, |(n, _)| n.start);
        let stop = g.end.min(next);
        // the tokens before the mention: walked over (each token once in
        // all, cheaper than a binary search of the rest per mention)
        t += toks[t..]
            .iter()
            .position(|x| x.span.start >= g.start)
            .unwrap_or(toks.len() - t);
        while t < toks.len() && toks[t].span.start < stop {
            if gazetteer_before(gaz, k + 1, toks[t].span).is_some() {
                out[t] = IN_GAZETTEER;
            }
            t += 1;
        }
    }
}

/// [`gazetteer_flags`] of all the tokens `toks` of the article, given
/// `firsts`, the index of each mention's first token (the first starting
/// at or after it): no walk to each mention.
fn gazetteer_flags_from(gaz: &[(Span, usize)], firsts: &[usize], toks: &[Token]) -> Vec<u8> {
    debug_assert_eq!(gaz.len(), firsts.len());
    let mut out = vec![0; toks.len()];
    for (k, ((g, _), &first)) in gaz.iter().zip(firsts).enumerate() {
        // tokens with `i == k + 1` start in `g.start..next`
        let next = gaz.get(k + 1).map_or(usize::MAX, |(n, _)| n.start);
        let stop = g.end.min(next);
        let mut t = first;
        while t < toks.len() && toks[t].span.start < stop {
            if gazetteer_before(gaz, k + 1, toks[t].span).is_some() {
                out[t] = IN_GAZETTEER;
            }
            t += 1;
        }
    }
    out
}

/// The words of an article (maximal runs of letters and digits, as
/// written), asked "does this word occur?" only for the few lone names
/// next to a reporting verb.
///
/// Each distinct question is answered by a substring search of the text
/// and remembered, so a long article that repeats the same names searches
/// once per name. After [`Vocabulary::SEARCHES`] distinct questions the
/// whole word set is built once instead, so an article with very many
/// distinct names stays linear.
struct Vocabulary<'t> {
    text: &'t str,
    /// Distinct words asked so far, with their answers.
    asked: std::cell::RefCell<Vec<(String, bool)>>,
    set: std::cell::OnceCell<WordSet<'t>>,
}

impl<'t> Vocabulary<'t> {
    const SEARCHES: usize = 32;

    fn new(text: &'t str) -> Self {
        Vocabulary {
            text,
            asked: Default::default(),
            set: std::cell::OnceCell::new(),
        }
    }

    /// True when `word` is a whole word of the text: the same answer as
    /// looking it up in the set of all its words.
    fn contains(&self, word: &str) -> bool {
        if let Some(set) = self.set.get() {
            return set.contains(word);
        }
        let mut asked = self.asked.borrow_mut();
        if let Some(&(_, known)) = asked.iter().find(|(w, _)| w == word) {
            return known;
        }
        if asked.len() >= Self::SEARCHES {
            let text = self.text;
            let set = self.set.get_or_init(|| {
                text.split(|c: char| !crate::text::is_alphanumeric(c))
                    .filter(|w| !w.is_empty())
                    .collect()
            });
            return set.contains(word);
        }
        let found = self.search(word);
        asked.push((word.to_string(), found));
        found
    }

    /// The substring search behind [`Vocabulary::contains`].
    fn search(&self, word: &str) -> bool {
        // the set holds only non-empty runs of letters and digits
        if word.is_empty() || !word.chars().all(char::is_alphanumeric) {
            return false;
        }
        // `word` is valid UTF-8, so every match starts on a char boundary
        memchr::memmem::find_iter(self.text.as_bytes(), word.as_bytes()).any(|at| {
            let before = self.text[..at].chars().next_back();
            let after = self.text[at + word.len()..].chars().next();
            let alnum = crate::text::is_alphanumeric;
            before.is_none_or(|c| !alnum(c)) && after.is_none_or(|c| !alnum(c))
        })
    }
}

/// Removes a possessive ending (“Putin’s” → “Putin”).
#[inline]
pub(crate) fn strip_possessive(word: &str) -> &str {
    // every ending removed ends in `s` or in the last byte of `’`: most
    // words end in neither and are returned at once
    if !matches!(word.as_bytes().last(), Some(b's' | 0x99)) {
        return word;
    }
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

/// [`gazetteer_flags`] bit: the token is part of a gazetteer mention.
const IN_GAZETTEER: u8 = 1;
/// Fact bit: the token is part of an ambiguous place's mention (“Dallas”,
/// “Jackson”) that its context makes a place ([`PlaceContext::place`]).
const PLACE_IN_CONTEXT: u8 = 2;

/// Title words: what may make up a role phrase besides role modifiers.
const TITLE: Classes = Classes::all(&[Class::RoleNoun, Class::TitleModifier]);

/// Word tokens of a sentence, with flags.
struct Words<'t> {
    text: &'t str,
    /// Every word of the article as written (to tell common words from names).
    vocabulary: &'t Vocabulary<'t>,
    toks: Cow<'t, [Token]>,
    /// For each token, [`IN_GAZETTEER`] and [`PLACE_IN_CONTEXT`] bits.
    facts: &'t [u8],
    /// The sentence is a headline in title case ([`is_title_case`]).
    title_case: bool,
}

impl<'t> Words<'t> {
    fn word(&self, i: usize) -> &'t str {
        self.toks[i].span.slice(self.text)
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks[i].kind == TokKind::Word
    }

    /// Is token `i` a word starting with an uppercase letter?
    fn is_capitalised_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == TokKind::Word && t.shape.has(Shape::CAPITALISED)
    }

    /// Is token `i` part of a gazetteer mention?
    fn in_gazetteer(&self, i: usize) -> bool {
        self.facts[i] & IN_GAZETTEER != 0
    }

    /// The classes of token `i`'s text with a possessive ending removed;
    /// of a title after a prefix, the title's (“then-Sen.”: “Sen.”).
    fn lists(&self, i: usize) -> Classes {
        let t = &self.toks[i];
        if t.shape.has(Shape::POSSESSIVE) {
            lexicon::classes(strip_possessive(self.word(i)))
        } else if t.shape.has(Shape::HYPHENATED) {
            lexicon::prefixed_title(self.word(i)).map_or(t.classes, lexicon::classes)
        } else {
            t.classes
        }
    }

    /// Is token `i` a connector word allowed inside a role phrase
    /// ([`Class::RoleConnector`])?
    fn is_role_connector(&self, i: usize) -> bool {
        self.toks[i].is(Class::RoleConnector)
    }

    /// Could token `i` be part of a role phrase?
    fn is_role_token(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        self.lists(i).intersects(TITLE.with(Class::RoleModifier)) || self.in_gazetteer(i)
    }
}

/// Parses a role phrase that ends at token `end` (inclusive), walking
/// backwards. Returns the first token index of the phrase.
fn role_backwards(w: &Words, end: usize) -> Option<usize> {
    let mut i = end as isize;
    let mut first = None;
    while i >= 0 {
        let k = i as usize;
        if w.is_role_token(k) {
            first = Some(k);
        } else if w.is_word(k)
            && w.is_role_connector(k)
            && first.is_some()
            && k > 0
            && w.is_role_token(k - 1)
        {
            // connector inside the phrase: keep walking
        } else if w.is_word(k) && w.word(k) == "the" && k > 0 && w.word(k - 1) == "of" {
            // “of the Atlantic Alliance”
        } else {
            break;
        }
        i -= 1;
    }
    let first = first?;
    valid_role(w, first, end).then_some(first)
}

/// Parses a role phrase starting at token `start`, walking forwards
/// (apposition after a name: “Jens Stoltenberg, NATO’s secretary general,”).
fn role_forwards(w: &Words, mut start: usize) -> Option<(usize, usize)> {
    // an article, then a possessive that is no role word (“the team's
    // captain”, “a doctor”)
    if start < w.toks.len()
        && w.is_word(start)
        && ["the", "a", "an"]
            .iter()
            .any(|a| w.word(start).eq_ignore_ascii_case(a))
    {
        start += 1;
    }
    if start < w.toks.len()
        && w.is_word(start)
        && w.toks[start].shape.has(Shape::POSSESSIVE)
        && !w.is_role_token(start)
    {
        start += 1;
    }
    let mut last = None;
    let mut k = start;
    while k < w.toks.len() {
        if w.is_role_token(k) {
            last = Some(k);
        } else if w.is_word(k) && w.is_role_connector(k) && last.is_some() {
        } else {
            break;
        }
        k += 1;
    }
    let last = last?;
    valid_role(w, start, last).then_some((start, last))
}

/// Does the apposition whose role ends at token `e` close there or a few
/// words on (“, a doctor at the clinic, said”): the end of the sentence, a
/// comma, full stop or semicolon within eight tokens, or a reporting verb
/// right after the role?
fn closes_apposition(w: &Words, e: usize) -> bool {
    let n = w.toks.len();
    if e + 1 >= n || w.toks[e + 1].is(Class::ReportingVerb) {
        return true;
    }
    (e + 1..n.min(e + 9))
        .take_while(|&k| !w.toks[k].is(Class::ReportingVerb))
        .any(|k| matches!(w.word(k), "," | "." | ";"))
}

/// A role phrase must contain a role noun and not start or end on a
/// connector.
fn valid_role(w: &Words, first: usize, last: usize) -> bool {
    if first > last || w.is_role_connector(first) || w.is_role_connector(last) {
        return false;
    }
    (first..=last).any(|k| w.lists(k).has(Class::RoleNoun))
}

/// A candidate person name: token range and cue strength.
struct Candidate {
    first: usize,
    last: usize,
    /// Why it is a person, if it is known to be one on its own.
    cued: bool,
    role: Option<(usize, usize)>,
    /// An organisation speaking, not a person.
    org: bool,
}

struct PersonMention<'t> {
    span: Span,
    /// As [`token_name`] writes it.
    name: Cow<'t, str>,
    /// `surname(&name)`, a slice of the article text.
    surname: &'t str,
    /// The span of the role given with the mention: its text is copied
    /// only for a role the person does not hold yet.
    role: Option<Span>,
}

/// Finds entities in `text`; `sentences` come from [`crate::sentences::split`]
/// (in text order, as it returns them: the token and gazetteer walks rely on
/// it).
///
/// ```
/// use crosscheck_parse::{entities, sentences, EntityKind};
/// let text = "“We are facing a key moment,” acknowledged NATO secretary Jens Stoltenberg. Stoltenberg added that the Atlantic Alliance is ready.";
/// let ents = entities::extract(text, &sentences::split(text));
/// let jens = ents.iter().find(|e| e.kind == EntityKind::Person).unwrap();
/// assert_eq!(jens.name, "Jens Stoltenberg");
/// assert_eq!(jens.roles[0].text, "NATO secretary");
/// assert_eq!(jens.mentions.len(), 2);
/// let nato = ents.iter().find(|e| e.name == "NATO").unwrap();
/// assert_eq!(nato.aliases, ["Atlantic Alliance"]);
/// ```
pub fn extract(text: &str, sentences: &[Sentence]) -> Vec<Entity> {
    extract_from(&Analysis::with_sentences(text, sentences.to_vec()))
}

/// [`extract`] over an article's [`Analysis`] (its sentences, tokens and
/// gazetteer hits).
pub(crate) fn extract_from(a: &Analysis) -> Vec<Entity> {
    let text = a.text();
    let sentences = a.sentences();
    let (gaz, firsts) = without_name_parts(a, a.gazetteer_mentions());
    let gaz = &*gaz;
    let vocab = Vocabulary::new(text);
    // the gazetteer bits of every token of the article, from each
    // mention's first token on
    let mut all_facts = gazetteer_flags_from(gaz, &firsts, a.tokens());
    // the ambiguous places (“Dallas”, “Jackson”) and what their context
    // says, before the people: one in a place's context is no person
    // speaking (“officials in Houston said”)
    let (ambiguous, _) = without_name_parts(a, a.ambiguous_places());
    let context = if ambiguous.is_empty() {
        Vec::new()
    } else {
        place_contexts(a, &ambiguous, gaz)
    };
    if context.iter().any(PlaceContext::place) {
        let placed: Vec<(Span, usize)> = ambiguous
            .iter()
            .zip(&context)
            .filter(|(_, c)| c.place())
            .map(|(&m, _)| m)
            .collect();
        let flags = gazetteer_flags(&placed, a.tokens());
        for (f, x) in all_facts.iter_mut().zip(flags) {
            if x != 0 {
                *f |= PLACE_IN_CONTEXT;
            }
        }
    }
    let mut sentence_words = Vec::with_capacity(sentences.len());
    let mut at = 0;
    for toks in a.tokens_by_sentence() {
        let facts = &all_facts[at..at + toks.len()];
        at += toks.len();
        sentence_words.push(Words {
            text,
            vocabulary: &vocab,
            toks: Cow::Borrowed(toks),
            facts,
            title_case: is_title_case(toks),
        });
    }

    // Pass 1: ambiguous, and people with cues (room for one in two
    // sentences, about what news text holds: growing the vector one
    // doubling at a time copied it eight times in a long article)
    let mut persons: Vec<PersonMention> = Vec::with_capacity(sentence_words.len() / 2 + 8);
    // uncued names: their span and tokens
    let mut uncued: Vec<(Span, &[Token])> = Vec::new();
    // organisations found as speakers (not in the gazetteer): span and name
    let mut orgs: Vec<(Span, String)> = Vec::new();
    let mut cands = Vec::new();
    // headlines in title case come after the other sentences: their names
    // are cut to the people the text names elsewhere
    let mut headlines = Vec::new();
    for w in &sentence_words {
        if w.title_case {
            headlines.push(w);
            continue;
        }
        candidates(w, &mut cands);
        for c in &cands {
            let span = Span::new(w.toks[c.first].span.start, w.toks[c.last].span.end);
            if c.org {
                orgs.push((
                    span,
                    token_name(text, &w.toks[c.first..=c.last]).into_owned(),
                ));
            } else if c.cued {
                let role = c
                    .role
                    .map(|(a, b)| Span::new(w.toks[a].span.start, w.toks[b].span.end));
                let toks = &w.toks[c.first..=c.last];
                persons.push(PersonMention {
                    span,
                    name: token_name(text, toks),
                    surname: token_surname(text, toks),
                    role,
                });
            } else {
                uncued.push((span, &w.toks[c.first..=c.last]));
            }
        }
    }
    // Pass 1b: headlines. A capitalised run there is cut to the longest
    // name of a person found above that starts it, or to a known surname
    // in it; a run that starts with a given name and holds no known name
    // keeps its first two words; any other run is dropped.
    if !headlines.is_empty() {
        let names: Vec<String> = persons.iter().map(|p| p.name.to_string()).collect();
        let known: Vec<Vec<&str>> = names.iter().map(|n| n.split(' ').collect()).collect();
        let surnames: WordSet = persons.iter().map(|p| p.surname).collect();
        for w in headlines {
            candidates(w, &mut cands);
            for c in cands.iter().filter(|c| !c.org) {
                let words: Vec<&str> = (c.first..=c.last)
                    .map(|k| strip_possessive(w.word(k)))
                    .collect();
                // the longest known name in the run (its first place), else
                // a known surname, else a given name and the word after it
                let known_at = (0..words.len())
                    .filter_map(|at| {
                        known
                            .iter()
                            .filter(|n| words[at..].starts_with(n))
                            .map(|n| (n.len(), std::cmp::Reverse(at)))
                            .max()
                    })
                    .max()
                    .map(|(len, std::cmp::Reverse(at))| (at, len));
                let found = known_at
                    .or_else(|| {
                        words
                            .iter()
                            .position(|x| surnames.contains(x))
                            .map(|p| (p, 1))
                    })
                    .or_else(|| {
                        (0..words.len().saturating_sub(1))
                            .find(|&at| w.toks[c.first + at].is(Class::GivenName))
                            .map(|at| (at, 2))
                    });
                let Some((at, len)) = found else { continue };
                let toks = &w.toks[c.first + at..c.first + at + len];
                // the role right before the run, when the name kept starts it
                // (“Refugees Fleeing President Trump”)
                let role = c
                    .role
                    .filter(|_| at == 0)
                    .map(|(a, b)| Span::new(w.toks[a].span.start, w.toks[b].span.end));
                persons.push(PersonMention {
                    span: Span::new(toks[0].span.start, toks[len - 1].span.end),
                    name: token_name(text, toks),
                    surname: token_surname(text, toks),
                    role,
                });
            }
        }
        persons.sort_by_key(|p| p.span);
    }
    // Pass 2: uncued names that match a known person's surname or full name
    // (only those are given a name).
    let surnames: WordSet = persons.iter().map(|p| p.surname).collect();
    let known: Vec<PersonMention> = uncued
        .into_iter()
        .filter_map(|(span, toks)| {
            let surname = token_surname(text, toks);
            surnames.contains(surname).then(|| PersonMention {
                span,
                name: token_name(text, toks),
                surname,
                role: None,
            })
        })
        .collect();
    drop(surnames);
    let persons = merge_by_span(persons, known);

    // Merge people on surname. The aliases of an entity are kept as the
    // names seen other than its current name (the same set as pushing every
    // name and dropping the final name from them at the end), so that each
    // name is moved into the entity, not copied. A full name whose given
    // name is another's is another person (“Mark Ortiz”, the lawyer of
    // “Daniel Ortiz”; “Hunter Biden” and “Joe Biden”): a namesake of its
    // own, while the bare surname stays the first person's.
    let mut by_surname: BTreeMap<&str, Entity> = BTreeMap::new();
    let mut namesakes: Vec<(&str, Entity)> = Vec::new();
    for p in persons {
        let other = by_surname
            .get(p.surname)
            .is_some_and(|e| namesakes_differ(&e.name, &p.name));
        let e = if other {
            match namesakes
                .iter()
                .position(|(s, e)| *s == p.surname && !namesakes_differ(&e.name, &p.name))
            {
                Some(i) => &mut namesakes[i].1,
                None => {
                    namesakes.push((p.surname, person_entity(&p.name)));
                    &mut namesakes.last_mut().expect("just pushed").1
                }
            }
        } else {
            by_surname
                .entry(p.surname)
                .or_insert_with(|| person_entity(&p.name))
        };
        if spaces(&p.name) > spaces(&e.name) {
            let old = std::mem::replace(&mut e.name, p.name.into_owned());
            if !e.aliases.contains(&old) {
                e.aliases.push(old);
            }
        } else if p.name != e.name && !e.aliases.iter().any(|a| *a == p.name) {
            e.aliases.push(p.name.into_owned());
        }
        if let Some(span) = p.role {
            let role = span.slice(text);
            if !e.roles.iter().any(|x| x.text == role) {
                e.roles.push(Role {
                    text: role.to_string(),
                    span,
                });
            }
        }
        // `persons` is sorted by span, so a repeated span can only be the
        // last one pushed (a `contains` here made 100,000 mentions of one
        // person quadratic)
        if e.mentions.last() != Some(&p.span) {
            e.mentions.push(p.span);
        }
    }

    // A bare surname two namesakes share names neither for sure (“Clinton
    // said” in an article with Bill and Hillary Clinton): no person's
    // mention, so no speaker is guessed from it; unless a title of one
    // gender before it fits one of them alone (“Mrs. Vance” with Tom and
    // Ruth Vance).
    let surnames: Vec<&str> = namesakes.iter().map(|(s, _)| *s).collect();
    for surname in surnames {
        let Some(first) = by_surname.get_mut(surname) else {
            continue;
        };
        let (bare, named): (Vec<Span>, Vec<Span>) = first
            .mentions
            .iter()
            .partition(|m| !m.slice(text).contains(char::is_whitespace));
        first.mentions = named;
        first.aliases.retain(|a| a.contains(' '));
        let gender = |e: &Entity| {
            e.name
                .split(' ')
                .next()
                .and_then(|g| lexicon::value(g, Class::GivenNameGender))
        };
        let first_gender = gender(first);
        for m in bare {
            let Some(title) = title_gender_before(text, m) else {
                continue;
            };
            let fits: Vec<usize> = namesakes
                .iter()
                .enumerate()
                .filter(|(_, (s, e))| *s == surname && gender(e) == Some(title))
                .map(|(i, _)| i)
                .collect();
            match (first_gender == Some(title), fits.as_slice()) {
                (true, []) => by_surname
                    .get_mut(surname)
                    .expect("the first namesake")
                    .mentions
                    .push(m),
                (false, [i]) => namesakes[*i].1.mentions.push(m),
                _ => {}
            }
        }
    }
    by_surname.retain(|_, e| !e.mentions.is_empty());

    // Ambiguous places (“Dallas”, “Jackson”) found in context, less those
    // the people bear, join the gazetteer's mentions.
    let gaz: Cow<[(Span, usize)]> = if ambiguous.is_empty() {
        Cow::Borrowed(gaz)
    } else {
        let accepted = ambiguous_places(text, &ambiguous, &context, &by_surname, &vocab);
        if accepted.is_empty() {
            Cow::Borrowed(gaz)
        } else {
            let mut all = [gaz, &accepted].concat();
            all.sort_unstable();
            Cow::Owned(all)
        }
    };
    let gaz = &*gaz;

    // Organisations and places: the mentions grouped by entry (in entry
    // order, each entry's in text order, as a map keyed by entry would
    // give them), so that each entity's mentions are allocated once.
    let by_entry = group_by_entry(gaz);
    let mut places: Vec<Entity> = Vec::new();
    for group in by_entry.chunk_by(|a, b| a.0 == b.0) {
        let entry = &gazetteer()[group[0].0];
        // An organisation spelled as the surname of a person the article
        // names in full is that person (“Michael Bloomberg … Now Bloomberg
        // says”), unless a capitalised word goes on with the
        // organisation's name (“Bloomberg News”). Asked once per entry.
        let group: Cow<[(usize, usize)]> = if !entry.is_place
            && std::iter::once(&entry.name)
                .chain(&entry.aliases)
                .any(|&n| by_surname.get(n).is_some_and(|p| p.name.contains(' ')))
        {
            let mut kept = Vec::with_capacity(group.len());
            for &(id, k) in group {
                let span = gaz[k].0;
                let name_goes_on = text[span.end..]
                    .strip_prefix(' ')
                    .is_some_and(|rest| rest.starts_with(char::is_uppercase));
                let person = by_surname
                    .get_mut(strip_possessive(span.slice(text)))
                    .filter(|p| !name_goes_on && p.name.contains(' '));
                match person {
                    Some(p) => p.mentions.push(span),
                    None => kept.push((id, k)),
                }
            }
            if kept.is_empty() {
                continue;
            }
            Cow::Owned(kept)
        } else {
            Cow::Borrowed(group)
        };
        let mut e = Entity {
            name: entry.name.to_string(),
            kind: if entry.is_place {
                EntityKind::Place
            } else {
                EntityKind::Organization
            },
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: Vec::with_capacity(group.len()),
        };
        for &(_, k) in group.iter() {
            let span = gaz[k].0;
            let surface = span.slice(text);
            if surface != e.name && !e.aliases.iter().any(|a| a == surface) {
                e.aliases.push(surface.to_string());
            }
            e.mentions.push(span);
        }
        places.push(e);
    }

    // organisations found as speakers, grouped by name (a gazetteer name
    // of the same spelling is the gazetteer's entity)
    let mut by_name: BTreeMap<String, Vec<Span>> = BTreeMap::new();
    for (span, name) in orgs {
        if !places
            .iter()
            .any(|e| e.name == name || e.aliases.contains(&name))
        {
            by_name.entry(name).or_default().push(span);
        }
    }
    places.extend(by_name.into_iter().map(|(name, mentions)| Entity {
        name,
        kind: EntityKind::Organization,
        aliases: Vec::new(),
        roles: Vec::new(),
        mentions,
    }));
    let mut out: Vec<Entity> = by_surname
        .into_values()
        .chain(namesakes.into_iter().map(|(_, e)| e))
        .map(|mut e| {
            e.aliases.retain(|a| *a != e.name);
            e.aliases.sort();
            e
        })
        .chain(places)
        .collect();
    for e in &mut out {
        e.mentions.sort();
    }
    out.sort_by(|a, b| {
        a.mentions[0]
            .cmp(&b.mentions[0])
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// `(entry, k)` for each gazetteer mention `gaz[k]`, sorted: grouped by
/// entry in entry order, each group in text order. A counting sort by
/// entry (there are few entries, and the mentions come in text order)
/// instead of a comparison sort of the pairs.
fn group_by_entry(gaz: &[(Span, usize)]) -> Vec<(usize, usize)> {
    let entries = gaz.iter().map(|&(_, id)| id + 1).max().unwrap_or(0);
    // `next[id]`: where entry `id`'s next mention goes
    let mut next = vec![0usize; entries];
    for &(_, id) in gaz {
        next[id] += 1;
    }
    let mut at = 0;
    for n in &mut next {
        (*n, at) = (at, at + *n);
    }
    let mut out = vec![(0, 0); gaz.len()];
    for (k, &(_, id)) in gaz.iter().enumerate() {
        out[next[id]] = (id, k);
        next[id] += 1;
    }
    out
}

/// The gazetteer mentions of `a` less the places that are a person's
/// first name here: a one-word place that is also a given name, followed
/// on the same line by a capitalised word that is no stop word, no
/// gazetteer name and no word of an organisation's or a place's name
/// (“Jordan Smith”, “Georgia Brown”; not “Jordan River”); and less the
/// places that begin a longer proper name (“Indianapolis Colts”, “Los
/// Angeles Times”; not “Paris Tuesday” or “Kyiv Mayor”).
///
/// With the mentions kept, the index of each one's first token (the
/// first starting at or after it), found by the walk that judges them.
fn without_name_parts<'g>(
    a: &Analysis,
    gaz: &'g [(Span, usize)],
) -> (Cow<'g, [(Span, usize)]>, Vec<usize>) {
    let toks = a.tokens();
    let text = a.text();
    // `next`, the token after a place mention, when it is a capitalised
    // word that starts no gazetteer name and has none of the classes
    // `unless`
    let name_word_after = |next: &Token, unless: Classes| -> bool {
        next.kind == TokKind::Word
            && next.shape.has(Shape::CAPITALISED)
            && !next.classes.intersects(unless)
            && gaz
                .binary_search_by_key(&next.span.start, |(g, _)| g.start)
                .is_err()
    };
    // `first`: the first token starting at or after the mention's start;
    // `next`: the one after the mention
    let first_name = |span: Span, first: Option<&Token>, next: Option<&Token>| -> bool {
        let Some(t) = first.filter(|t| t.span == span && t.is(Class::GivenName)) else {
            return false;
        };
        next.is_some_and(|next| {
            const NOT_NAME: Classes = Classes::all(&[Class::StopCapitalised, Class::NonPersonWord]);
            name_word_after(next, NOT_NAME) && !text[t.span.end..next.span.start].contains('\n')
        })
    };
    // a place written as the first words of a longer proper name: a team,
    // an outlet, a company or a body ("Indianapolis Colts", "Los Angeles
    // Times", "France Telecom"), not a place of the story; a weekday, a
    // month or another stop word after it ("Paris Tuesday"), a title ("Kyiv
    // Mayor", "Texas Gov.") or another gazetteer name keeps it a place
    // (an ambiguous place before a capitalised title modifier starts a
    // name too: “Montgomery County”, “Jackson County” are no Montgomery
    // or Jackson)
    // (constants: `Classes::all` in the closure ran its loop per call)
    const TITLES_AMBIGUOUS: Classes = Classes::all(&[
        Class::StopCapitalised,
        Class::RoleNoun,
        Class::TitleAbbreviation,
    ]);
    const TITLES: Classes = TITLES_AMBIGUOUS.with(Class::TitleModifier);
    let name_start = |span: Span, next: Option<&Token>, ambiguous: bool| -> bool {
        let titles = if ambiguous { TITLES_AMBIGUOUS } else { TITLES };
        next.is_some_and(|next| {
            name_word_after(next, titles) && text[span.end..next.span.start] == *" "
        })
    };
    // whether the mention `span` of entry `id`, whose first token is
    // `toks[at]`, is dropped
    let dropped = |span: Span, id: usize, at: usize| -> bool {
        if !gazetteer()[id].is_place {
            // an organisation named after a person, after that person's
            // given name, is the person's surname (“Michael Bloomberg”)
            // (the token before first: most are no given name)
            let given_name_before = at.checked_sub(1).is_some_and(|k| {
                let g = &toks[k];
                g.is(Class::GivenName)
                    && g.shape.has(Shape::CAPITALISED)
                    && g.span.end + 1 == span.start
            });
            let word_before = || {
                text[..span.start]
                    .strip_suffix(' ')
                    .and_then(|b| b.rsplit(char::is_whitespace).next())
            };
            return given_name_before
                && word_before().is_some_and(|w| w.starts_with(char::is_uppercase));
        }
        let mut after = at;
        while after < toks.len() && toks[after].span.start < span.end {
            after += 1;
        }
        first_name(span, toks.get(at), toks.get(after))
            || name_start(span, toks.get(after), gazetteer()[id].ambiguous)
    };
    // each mention judged once, in order, the tokens walked alongside
    // (both in text order, mentions disjoint), not searched for each;
    // `kept` made at the first mention dropped
    let mut at = 0;
    let mut firsts = Vec::with_capacity(gaz.len());
    let mut kept: Option<Vec<(Span, usize)>> = None;
    for (k, &(span, id)) in gaz.iter().enumerate() {
        // the first token from the mention's start on
        at += toks[at..]
            .iter()
            .position(|t| t.span.start >= span.start)
            .unwrap_or(toks.len() - at);
        if dropped(span, id, at) {
            // (room for all: grown from `k`, it was copied at each doubling)
            kept.get_or_insert_with(|| {
                let mut kept = Vec::with_capacity(gaz.len());
                kept.extend_from_slice(&gaz[..k]);
                kept
            });
        } else {
            firsts.push(at);
            if let Some(kept) = &mut kept {
                kept.push((span, id));
            }
        }
    }
    (kept.map_or(Cow::Borrowed(gaz), Cow::Owned), firsts)
}

/// The parts of [`PLACE_RULES`]: `<ambiguous>`, the mention of an
/// ambiguous place; `<known>`, a place of the gazetteer (not ambiguous,
/// and kept by [`without_name_parts`]).
const PLACE_PARTS: &[&str] = &["ambiguous", "known"];
/// Index of `<ambiguous>` in [`PLACE_PARTS`].
const AMBIGUOUS_PART: usize = 0;
/// Index of `<known>` in [`PLACE_PARTS`].
const KNOWN_PART: usize = 1;

/// The context rules of an ambiguous place (a gazetteer place whose name is
/// also a person's or a word, “Dallas”, “Jackson”): each finds the mention
/// it captures as `place` (and `prev` for a list). Over the pieces of a
/// sentence ([`crate::rules::pieces`]); the words are lexicon classes.
///
/// - `preposition`: a place after a locative preposition, over words that
///   place it (“in Dallas”, “outside of Phoenix”), not a possessive (“at
///   Jackson’s urging”). Tried on the gazetteer's places too: a list goes
///   on from them. After “to”, “from” or “at”, which name people as often
///   (“spoke to Jackson”, “a letter from Madison”, “according to
///   Austin”), only a gazetteer place (`person_preposition`), an
///   ambiguous one with a word that places it (“to suburban Denver”,
///   `person_preposition_modified`) or after a word of going or coming
///   (“moved to Denver”, “reporting from Dallas”,
///   `person_preposition_motion`).
/// - `list`: the next place of a list (“in Chicago and Houston”): a place
///   when `prev` is one after a preposition (or in such a list).
/// - `place_noun_after`: before a noun that takes a place as its modifier
///   (“Houston-based”, “the Denver suburbs”, “Dallas police”).
/// - `place_noun_of`: after such a noun, or an orientation, and “of” (“the
///   mayor of Austin”, “east of Phoenix”).
/// - `residence`: after an age and “of” (“Maria Lopez, 41, of Houston”).
/// - `dateline`: opening a sentence before an agency in brackets and a
///   dash (“Cleveland (AFP) –”).
/// - `state`: before a comma and a state or a state abbreviation
///   (“Jackson, Miss.”, “Lincoln, Nebraska”), not in a list of names
///   (“Lincoln, Washington and Jefferson”).
/// - `name_before`, which blocks the others: after a capitalised word that
///   is no stop word, preposition or orientation, as a part of a longer
///   name (“Michael Jackson”, “Gov. Madison”; a name that goes on after
///   the place, “Dallas Cowboys”, is dropped before, by
///   [`without_name_parts`]). A possessive place before a name is a place
///   (“Nice’s Promenade des Anglais”).
pub(crate) const PLACE_RULES: &[Rule] = &[
    Rule {
        name: "preposition",
        pattern: "(?! @person_preposition ) @locative_preposition @place_modifier{0,2} (?! #possessive ) \
                  place=( <ambiguous> | <known> )",
        examples: &[
            "The convention opens [in {place:Cleveland}] on Monday.",
            "Crowds gathered [outside of {place:Phoenix}].",
            "!The vote came at Jackson’s urging.",
            "!Voters asked Jackson about it.",
        ],
    },
    Rule {
        name: "person_preposition",
        pattern: "@person_preposition (?! #possessive ) place=<known>",
        examples: &[
            "Flights [from {place:Chicago}] resumed.",
            "!The governor spoke to Jackson on Monday.",
        ],
    },
    Rule {
        name: "person_preposition_modified",
        pattern: "@person_preposition @place_modifier{1,2} (?! #possessive ) place=<ambiguous>",
        examples: &[
            "The protests spread [to suburban {place:Denver}].",
            "!Lawmakers wrote to Charlotte about the budget.",
        ],
    },
    Rule {
        name: "person_preposition_motion",
        pattern: "@motion_word @person_preposition @place_modifier{0,2} (?! #possessive ) \
                  place=<ambiguous>",
        examples: &[
            "She is [moving to {place:Denver}] in May.",
            "He was [reporting from {place:Dallas}] this week.",
            "!The governor spoke to Jackson on Monday.",
        ],
    },
    Rule {
        name: "list",
        pattern: "prev=( <ambiguous> | <known> ) ( , | ,? and | ,? or ) @place_modifier{0,2} \
                  (?! #possessive ) place=<ambiguous>",
        examples: &[
            "Rallies in [{prev:Chicago} and {place:Houston}] drew crowds.",
            "Stops in [{prev:Dallas}, {place:Austin}] and Ohio.",
            "!Ohio and Jackson’s allies won.",
        ],
    },
    Rule {
        name: "place_noun_after",
        pattern: "place=<ambiguous> ( ~- ~@place_noun&#lower | @place_noun&#lower | @place_noun's&#lower )",
        examples: &[
            "A [{place:Houston}-based] firm won the bid.",
            "Voters in the [{place:Denver} suburbs] turned out.",
            "[{place:Dallas} police] said the suspect fled.",
            "The [{place:Phoenix} suburb’s] mayor resigned.",
            "!The Jackson campaign said it would appeal.",
            "!Schools in Montgomery County closed.",
        ],
    },
    Rule {
        name: "place_noun_of",
        pattern: "( @place_noun | @place_modifier ) of place=<ambiguous>",
        examples: &[
            "She met the [mayor of {place:Austin}] on Friday.",
            "Fires burned [east of {place:Phoenix}].",
            "He left his [hometown of {place:Houston}] at 18.",
            "!A friend of Jackson said so.",
        ],
    },
    Rule {
        name: "residence",
        pattern: "#num , of (?! #possessive ) place=<ambiguous>",
        examples: &[
            "Maria Lopez, [41, of {place:Houston}], was hurt.",
            "!Item 4, of Jackson's list, was cut.",
        ],
    },
    Rule {
        name: "dateline",
        pattern: "^ place=<ambiguous> ( , ( <known> | @state_abbreviation ~.? ) )? \\( ( /[a-z]{2,10}/ ){1,2} \\) \
                  ( - | – | — )",
        examples: &[
            "[{place:Cleveland} (AFP) –] The convention opened on Monday.",
            "[{place:Jackson}, Miss. (AP) —] The plant closed.",
            "!Jackson (D) — not the senator — spoke first.",
        ],
    },
    Rule {
        name: "state",
        pattern: "place=<ambiguous> , ( <known> (?! ( , | ,? and | ,? or ) #cap ) \
                  | @state_abbreviation ~. | @state_abbreviation&#upper )",
        examples: &[
            "The plant in [{place:Jackson}, Miss.] closed.",
            "A rally in [{place:Lincoln}, Nebraska], drew 300 people.",
            "He grew up in [{place:Aurora}, CO] and left.",
            "!Portraits of Lincoln, Washington and Jefferson hung there.",
            "!Lincoln, Miss Ada Smith said, was late.",
        ],
    },
    Rule {
        name: "name_before",
        pattern:
            "#cap&!@stop_capitalised&!@locative_preposition&!@place_modifier place=<ambiguous>",
        examples: &[
            "The singer [Michael {place:Jackson}] died in 2009.",
            "!Crowds filled downtown Dallas.",
            "!In Dallas, crowds filled the streets.",
            "!Traffic slowed in North Dallas.",
        ],
    },
];

/// [`PLACE_RULES`], compiled once.
static PLACE_RULE_SET: LazyLock<RuleSet> = LazyLock::new(|| {
    RuleSet::with_parts(PLACE_RULES, PLACE_PARTS).expect("the place context rules parse")
});

/// The literal words of [`PLACE_RULES`] (for the lexicon's word ids,
/// [`crate::lexicon::WordId`]).
pub(crate) fn rule_words() -> Vec<String> {
    crate::rules::literal_words(PLACE_RULES, PLACE_PARTS)
}

/// The [`Parts`] of [`PLACE_RULES`] in one sentence's pieces: the
/// ambiguous places' and the known places' mentions, each as the range of
/// its pieces, sorted.
#[derive(Default)]
struct PlaceParts {
    ambiguous: Vec<std::ops::Range<usize>>,
    known: Vec<std::ops::Range<usize>>,
}

impl PlaceParts {
    /// The parts of `pieces` (the pieces of one sentence, or of a text):
    /// the mentions of `ambiguous` and `known` (sorted) that start on a
    /// piece, with the index of each ambiguous one in `ambiguous`.
    fn of(
        pieces: &[Token],
        ambiguous: &[(Span, usize)],
        known: &[(Span, usize)],
    ) -> (PlaceParts, Vec<usize>) {
        let range = |span: Span| {
            let first = pieces
                .binary_search_by_key(&span.start, |p| p.span.start)
                .ok()?;
            let end = first + pieces[first..].partition_point(|p| p.span.start < span.end);
            Some(first..end)
        };
        let mut parts = PlaceParts::default();
        let mut which = Vec::new();
        for (k, &(span, _)) in ambiguous.iter().enumerate() {
            if let Some(r) = range(span) {
                parts.ambiguous.push(r);
                which.push(k);
            }
        }
        parts.known = known.iter().filter_map(|&(span, _)| range(span)).collect();
        (parts, which)
    }
}

impl Parts for PlaceParts {
    fn end(&self, part: usize, at: usize) -> Option<usize> {
        let list = match part {
            AMBIGUOUS_PART => &self.ambiguous,
            KNOWN_PART => &self.known,
            _ => return None,
        };
        let i = list.binary_search_by_key(&at, |r| r.start).ok()?;
        Some(list[i].end)
    }
}

/// What the context of an ambiguous place's mention says
/// ([`PLACE_RULES`]).
#[derive(Clone, Copy, Debug, Default)]
struct PlaceContext {
    /// A rule finds it a place (after a preposition, in a list after one,
    /// next to a place noun, before a state, in a dateline).
    in_context: bool,
    /// Part of a longer name (`name_before`).
    named: bool,
}

impl PlaceContext {
    /// A place by its context alone.
    fn place(&self) -> bool {
        self.in_context && !self.named
    }
}

/// What the context says of each of `candidates` (ambiguous places,
/// sorted, kept by [`without_name_parts`]), by [`PLACE_RULES`]; `gaz`: the
/// gazetteer's other mentions.
fn place_contexts(
    a: &Analysis,
    candidates: &[(Span, usize)],
    gaz: &[(Span, usize)],
) -> Vec<PlaceContext> {
    let text = a.text();
    let known: Vec<(Span, usize)> = gaz
        .iter()
        .copied()
        .filter(|&(_, id)| gazetteer()[id].is_place)
        .collect();
    let mut out = vec![PlaceContext::default(); candidates.len()];
    let pieces = a.pieces();
    let set = &*PLACE_RULE_SET;
    let mut next = 0;
    for s in a.sentences() {
        let span = s.span;
        let from = next + candidates[next..].partition_point(|(c, _)| c.start < span.start);
        let to = from + candidates[from..].partition_point(|(c, _)| c.start < span.end);
        next = to;
        if from == to {
            continue;
        }
        let lo = pieces.partition_point(|p| p.span.start < span.start);
        let hi = pieces.partition_point(|p| p.span.start < span.end);
        let toks = &pieces[lo..hi];
        let k_from = known.partition_point(|(k, _)| k.start < span.start);
        let k_to = known.partition_point(|(k, _)| k.start < span.end);
        let (parts, which) = PlaceParts::of(toks, &candidates[from..to], &known[k_from..k_to]);
        // the candidate at a first piece, if any
        let candidate_at = |first: usize| {
            parts
                .ambiguous
                .binary_search_by_key(&first, |r| r.start)
                .ok()
                .map(|i| from + which[i])
        };
        // located: after a preposition, or next in a list of such places
        // (known or ambiguous), by first piece
        let mut located = vec![false; toks.len()];
        let mut lists: Vec<(usize, usize)> = Vec::new();
        for start in 0..toks.len() {
            for (_, rule, m) in set.matches_at(text, toks, start, &parts) {
                let Some(place) = m.capture("place") else {
                    continue;
                };
                match rule.name {
                    "preposition"
                    | "person_preposition"
                    | "person_preposition_modified"
                    | "person_preposition_motion" => located[place.start] = true,
                    "list" => {
                        if let Some(prev) = m.capture("prev") {
                            lists.push((prev.start, place.start));
                        }
                    }
                    "name_before" => {
                        if let Some(c) = candidate_at(place.start) {
                            out[c].named = true;
                        }
                    }
                    _ => {
                        if let Some(c) = candidate_at(place.start) {
                            out[c].in_context = true;
                        }
                    }
                }
            }
        }
        // a list goes on from a located place that is one (known, or a
        // candidate not part of a longer name), left to right
        lists.sort_unstable();
        for &(prev, place) in &lists {
            let prev_is_place = candidate_at(prev).is_none_or(|c| !out[c].named);
            if prev_is_place && located[prev] {
                located[place] = true;
            }
        }
        for (first, _) in located.iter().enumerate().filter(|(_, &l)| l) {
            if let Some(c) = candidate_at(first) {
                out[c].in_context = true;
            }
        }
    }
    out
}

/// The mentions of `candidates` (ambiguous places, sorted, with their
/// `context`) that are places here, sorted: those found in context, then
/// every other mention of the same place in the article, but a common
/// word (one the article also writes in lowercase, “Reading the
/// report”); none that is a part of a longer name, names a person's
/// surname (`people`, by surname), or overlaps one of their mentions.
fn ambiguous_places(
    text: &str,
    candidates: &[(Span, usize)],
    context: &[PlaceContext],
    people: &BTreeMap<&str, Entity>,
    vocabulary: &Vocabulary,
) -> Vec<(Span, usize)> {
    let mut mentions: Vec<Span> = people
        .values()
        .flat_map(|e| e.mentions.iter().copied())
        .collect();
    mentions.sort_unstable();
    let blocked: Vec<bool> = candidates
        .iter()
        .zip(context)
        .map(|(&(span, _), c)| {
            let i = mentions.partition_point(|m| m.end <= span.start);
            let overlaps = mentions.get(i).is_some_and(|m| m.start < span.end);
            c.named || overlaps || people.contains_key(strip_possessive(span.slice(text)))
        })
        .collect();
    // one sense per article
    let mut places: Vec<usize> = candidates
        .iter()
        .zip(context.iter().zip(&blocked))
        .filter(|(_, (c, &b))| c.in_context && !b)
        .map(|((_, id), _)| *id)
        .collect();
    places.sort_unstable();
    places.dedup();
    candidates
        .iter()
        .enumerate()
        .filter(|&(k, &(span, id))| {
            if blocked[k] || places.binary_search(&id).is_err() {
                return false;
            }
            context[k].in_context
                || !lexicon::with_lowercase(span.slice(text), |l| vocabulary.contains(l))
        })
        .map(|(_, &m)| m)
        .collect()
}

/// `a` followed by `b`, stably sorted by span. Both are in text order
/// when they come from sentences in text order: then they are merged,
/// taking from `a` on equal spans (as the stable sort does), and each
/// mention is moved once; otherwise they are sorted.
fn merge_by_span<'t>(
    mut a: Vec<PersonMention<'t>>,
    b: Vec<PersonMention<'t>>,
) -> Vec<PersonMention<'t>> {
    let sorted = |v: &[PersonMention]| v.windows(2).all(|p| p[0].span <= p[1].span);
    if b.is_empty() || !sorted(&a) || !sorted(&b) {
        a.extend(b);
        a.sort_by_key(|p| p.span);
        return a;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut a = a.into_iter().peekable();
    let mut b = b.into_iter().peekable();
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        let next = if y.span < x.span { b.next() } else { a.next() };
        out.extend(next);
    }
    out.extend(a);
    out.extend(b);
    out
}

/// The gender (`m` or `f`, lexicon class `gender_noun`) of a title written
/// right before `name` (“Mrs. Vance”, “Mr Vance”).
fn title_gender_before(text: &str, name: Span) -> Option<&'static str> {
    let before = text[..name.start].trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .filter(|w| !w.is_empty())?;
    lexicon::value(&word.to_lowercase(), Class::GenderNoun)
}

/// A person entity of one name, before its mentions are added.
fn person_entity(name: &str) -> Entity {
    Entity {
        name: name.to_string(),
        kind: EntityKind::Person,
        aliases: Vec::new(),
        roles: Vec::new(),
        mentions: Vec::new(),
    }
}

/// True when two names of one surname are two people: neither ends the
/// other (“De Vries” ends “Marieke de Vries”, “Republican Donald Trump”
/// ends in “Donald Trump”), both open with a given name of the lexicon
/// (not “Stop Trump”, “Team Trump”), and their first two letters differ
/// (“Daniel Ortiz” / “Mark Ortiz”, “Jill Biden” / “Joe Biden”; not “Joe
/// Biden” / “Joseph R. Biden”, “Mike” / “Michael”).
fn namesakes_differ(a: &str, b: &str) -> bool {
    // (most mentions repeat a name or give the bare surname)
    if a == b || !a.contains(' ') || !b.contains(' ') {
        return false;
    }
    let ends = |long: &str, short: &str| {
        long.len() > short.len()
            && long.is_char_boundary(long.len() - short.len() - 1)
            && long[long.len() - short.len() - 1..].starts_with(' ')
            && long[long.len() - short.len()..].eq_ignore_ascii_case(short)
    };
    if ends(a, b) || ends(b, a) {
        return false;
    }
    let given = |n: &str| {
        let w = n.split(' ').next().filter(|_| n.contains(' '))?;
        let head: Vec<char> = w.chars().take(2).collect();
        (head.len() == 2 && lexicon::classes(w).has(Class::GivenName)).then(|| {
            head.iter()
                .flat_map(|c| c.to_lowercase())
                .collect::<String>()
        })
    };
    matches!((given(a), given(b)), (Some(x), Some(y)) if x != y)
}

/// The last word of a multi- or single-word name, possessive stripped.
#[cfg(test)]
fn surname(name: &str) -> Option<&str> {
    name.split(' ').next_back().map(strip_possessive)
}

/// The name written by `toks` (consecutive tokens of one sentence): the
/// whitespace-separated parts of their text joined by single spaces, the
/// possessive stripped from the last one; built from the tokens without
/// cutting the text again: between two tokens there is only
/// whitespace (the tokenizer makes a token of every other char) and a
/// token holds none, so the whitespace-separated parts are the runs of
/// touching tokens. They are joined with one space where a gap separates
/// two tokens; the possessive stripped from the end of the whole is the
/// one stripped from the last part (no ending removed holds a space).
/// Borrowed from the text when the tokens' gaps are single spaces (most
/// names are written so).
fn token_name<'a>(text: &'a str, toks: &[Token]) -> Cow<'a, str> {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return Cow::Borrowed("");
    };
    let written = Span::new(first.span.start, last.span.end).slice(text);
    let single_spaces = toks.windows(2).all(|p| {
        p[0].span.end == p[1].span.start || text.get(p[0].span.end..p[1].span.start) == Some(" ")
    });
    if single_spaces {
        return Cow::Borrowed(strip_possessive(written));
    }
    let mut out = String::with_capacity(written.len());
    let mut end = first.span.start;
    for t in toks {
        if t.span.start > end {
            out.push(' ');
        }
        out.push_str(t.span.slice(text));
        end = t.span.end;
    }
    let keep = strip_possessive(&out).len();
    out.truncate(keep);
    Cow::Owned(out)
}

/// The spaces of a name: one less than its words (`split(' ').count()`),
/// counted without splitting.
fn spaces(name: &str) -> usize {
    name.bytes().filter(|&b| b == b' ').count()
}

/// `surname(&token_name(text, toks))` (the key people are merged on), as
/// a slice of the text: the last run of touching tokens, possessive
/// stripped twice (once by [`token_name`], once by `surname`).
fn token_surname<'a>(text: &'a str, toks: &[Token]) -> &'a str {
    // a generational suffix is no surname: “Mark Felt Sr”
    let toks = match toks.split_last() {
        Some((last, rest))
            if !rest.is_empty()
                && matches!(
                    last.text(text).trim_end_matches('.'),
                    "Jr" | "Sr" | "II" | "III" | "IV"
                ) =>
        {
            rest
        }
        _ => toks,
    };
    let Some(last) = toks.last() else {
        return "";
    };
    let mut start = last.span.start;
    for pair in toks.windows(2).rev() {
        if pair[0].span.end != pair[1].span.start {
            break;
        }
        start = pair[0].span.start;
    }
    strip_possessive(strip_possessive(
        Span::new(start, last.span.end).slice(text),
    ))
}

/// Capitalised runs in a sentence, stripped of leading titles and
/// modifiers, with their cues, into `out` (cleared first: one buffer
/// serves every sentence).
fn candidates(w: &Words, out: &mut Vec<Candidate>) {
    out.clear();
    let n = w.toks.len();
    let toks: &[Token] = &w.toks;
    // a headline in title case (“Lindsay Lohan Checks Into Rehab”): a name
    // ends before a word the article writes in lowercase elsewhere
    let title_case = w.title_case;
    let common =
        |k: usize| title_case && lexicon::with_lowercase(w.word(k), |l| w.vocabulary.contains(l));
    let mut i = 0;
    while i < n {
        // skip to the next capitalised word: no other token starts a run
        // (a quick walk over most tokens, reading their shapes only: only
        // a word has a shape flag set)
        let Some(k) = toks[i..]
            .iter()
            .position(|t| t.shape.has(Shape::CAPITALISED))
        else {
            break;
        };
        i += k;
        let starts = w.is_capitalised_word(i) && !w.in_gazetteer(i) && !common(i);
        if !starts {
            i += 1;
            continue;
        }
        // extend the run over capitalised words and name particles (one
        // or more: “Ursula von der Leyen”)
        let mut j = i;
        while j + 1 < n {
            let k = j + 1;
            let next_ok = w.is_word(k) && !w.in_gazetteer(k) && !common(k);
            // the first word after the particles from `k`
            let after_particles = || {
                (k..n)
                    .find(|&m| !(w.is_word(m) && w.toks[m].is(Class::NameParticle)))
                    .filter(|&m| m > k && m < n && w.is_capitalised_word(m))
            };
            if next_ok && w.is_capitalised_word(k) {
                j = k;
            } else if let Some(m) = after_particles().filter(|_| next_ok) {
                j = m;
            } else if is_initial_dot(w, j, k) {
                // a middle initial: “George W. Bush”, “John F. Kerry”
                j = k + 1;
            } else {
                break;
            }
        }
        let run_end = j;
        let run_start = i;
        // the tail of a body's name (“the Office for National Statistics
        // said”, “the Centers for Disease Control and Prevention”): no
        // person, the body speaking when a reporting verb is beside it;
        // a run with a title or a given name is a person after the body
        // (“the Department of Justice and Attorney General Jane Roe”)
        if let Some(head) = body_name_start(w, run_start) {
            if !(run_start..=run_end).any(|k| {
                w.lists(k)
                    .intersects(Classes::all(&[Class::RoleNoun, Class::GivenName]))
            }) {
                let (after, before) = verb_cues(w, head, run_end);
                if after || before {
                    out.push(Candidate {
                        first: head,
                        last: run_end,
                        cued: true,
                        role: None,
                        org: true,
                    });
                }
                i = run_end + 1;
                continue;
            }
        }
        // peel leading stop words, titles and modifiers
        let mut first = i;
        while first <= run_end {
            // stop word, title word or role modifier (possessive stripped);
            // a given name that is also a place starts a name unless a
            // title follows (“Jordan Smith”, but “Georgia Governor …”)
            let given_name = w.toks[first].is(Class::GivenName)
                && first < run_end
                && !w.lists(first + 1).intersects(TITLE);
            // a party or group word before a given name (“Republican
            // Donald Trump”, “Democrat Hillary Clinton”) is no part of it
            let lists = w.lists(first);
            if !given_name
                && (lists.intersects(TITLE.with(Class::StopCapitalised).with(Class::RoleModifier))
                    || (lists.has(Class::GroupWord)
                        && first < run_end
                        && w.toks[first + 1].is(Class::GivenName)))
            {
                first += 1;
            } else {
                break;
            }
        }
        // a title or an owner inside the run: the name is what follows
        // (“Hosting President William Ruto”, “the Washington Post’s Ishaan
        // Tharoor”, “the Zionist Union Party’s Nachman Shai”)
        // (the words before it, an organisation or a place, are no part of
        // the name: “NEA President Lily Eskelsen García”)
        if let Some(k) = (first..run_end).rev().find(|&k| {
            let possessive = w.toks[k].shape.has(Shape::POSSESSIVE);
            let title = w.lists(k).intersects(TITLE) && !w.lists(k + 1).intersects(TITLE);
            possessive || title
        }) {
            // the owner may be a person too, whatever follows is (“President
            // Obama's Clean Power Plan”; an outlet's or a body's name has a
            // word no person's has: “the Washington Post's Ishaan Tharoor”)
            let owner = first..=k;
            if w.toks[k].shape.has(Shape::POSSESSIVE)
                && !owner.clone().any(|o| w.lists(o).has(Class::NonPersonWord))
            {
                out.extend(judge(w, first, k));
            }
            first = k + 1;
        }
        // trailing possessive/title words and stop words (“Maurice Cheeks
        // Saturday”) are not part of the name
        // (a surname after an initial stays, title word or not: “Peter T.
        // King”)
        let mut last = run_end;
        while last >= first
            && last > 0
            && (is_title_as_written(w, last) || w.toks[last].is(Class::StopCapitalised))
            && !(last >= first + 2 && is_initial_dot(w, last - 2, last - 1))
        {
            last -= 1;
        }
        i = run_end + 1;
        if first > last || first > run_end {
            continue;
        }
        // an organisation, body or outlet (“the National Rifle Association
        // said”, “Supreme Court”): no person; an organisation when a
        // reporting verb makes it a speaker, unless it goes on a gazetteer
        // name (“Reuters News”)
        if (first..=last).any(|k| w.lists(k).has(Class::NonPersonWord)) {
            let mut org_first = run_start;
            while org_first < run_end && w.lists(org_first).has(Class::StopCapitalised) {
                org_first += 1;
            }
            let continues_gazetteer =
                org_first > 0 && w.in_gazetteer(org_first - 1) && w.is_word(org_first - 1);
            let (after, before) = verb_cues(w, org_first, run_end);
            if !continues_gazetteer && (after || before) {
                out.push(Candidate {
                    first: org_first,
                    last: run_end,
                    cued: true,
                    role: None,
                    org: true,
                });
            }
            continue;
        }
        if let Some(c) = judge(w, first, last) {
            out.push(c);
        }
    }
}

/// Most tokens [`body_name_start`] walks back over.
const MAX_BODY_NAME_TOKENS: usize = 12;

/// When the capitalised run starting at token `start` ends the name of a
/// body, the first word of that name: walking back over lowercase
/// connectors (`role_connector`: “of”, “for”, “and”) and capitalised words,
/// some word no person's name has (`non_person_word`: “Office”, “Bureau”,
/// “Centers”) is met. The name starts at the first capitalised word
/// reached that is not a sentence-initial stop word (“The”).
fn body_name_start(w: &Words, start: usize) -> Option<usize> {
    let mut first_cap = None;
    let mut body = false;
    let mut k = start;
    for _ in 0..MAX_BODY_NAME_TOKENS {
        let Some(j) = k.checked_sub(1) else { break };
        if w.is_capitalised_word(j) {
            body |= w.lists(j).has(Class::NonPersonWord);
            if !w.lists(j).has(Class::StopCapitalised) {
                first_cap = Some(j);
            }
        } else if !(w.is_word(j) && w.toks[j].is(Class::RoleConnector)) {
            break;
        }
        k = j;
    }
    first_cap.filter(|_| body)
}

/// Is token `dot` the full stop of an initial in a name: a single
/// capital letter (`j`, not the pronoun or numeral “I”) right before it,
/// and a capitalised word that could go on the name after a space
/// (“George W. Bush”, “W. Mark Felt”; not the “U.S.” of “U.S. Senate”,
/// whose letters touch the stop).
fn is_initial_dot(w: &Words, j: usize, dot: usize) -> bool {
    let next = dot + 1;
    // (cheapest tests first: most names have no initial)
    let (letter, stop) = (w.toks[j].span, w.toks[dot].span);
    next < w.toks.len()
        && letter.end - letter.start == 1
        && letter.end == stop.start
        && w.is_capitalised_word(j)
        && w.word(dot) == "."
        && w.word(j) != "I"
        && w.toks[next].span.start > w.toks[dot].span.end
        && w.is_capitalised_word(next)
        && !w.in_gazetteer(next)
        && !w.toks[next].is(Class::StopCapitalised)
}

/// Is a sentence (its tokens) in title case, as headlines are: four words
/// or more (not counting initials and abbreviated titles), three in four
/// of them capitalised, and every lowercase word one that title case
/// leaves so ([`Class::TitleCaseMinor`]: “of”, “the”, “and”) or a name
/// particle (“von”)? A lowercase verb or noun makes a sentence full of
/// names a sentence (“President George W. Bush met Rep. Peter T. King on
/// Tuesday.”).
fn is_title_case(toks: &[Token]) -> bool {
    let (mut all, mut lower) = (0usize, 0usize);
    // an initial or an abbreviated title is capitalised in any sentence
    let counted = |t: &&Token| {
        t.kind == TokKind::Word && t.span.end - t.span.start > 1 && !t.is(Class::TitleAbbreviation)
    };
    let minor = Classes::all(&[Class::TitleCaseMinor, Class::NameParticle]);
    for t in toks.iter().filter(counted) {
        all += 1;
        if !t.shape.has(Shape::CAPITALISED) {
            // (a word with a digit is no word of the language: scraped
            // page furniture, “5ptsmoderator”, glued to a headline)
            if !t.shape.has(Shape::HAS_DIGIT) && !t.classes.intersects(minor) {
                return false;
            }
            lower += 1;
            // most sentences: turned away at their fourth lowercase word
            if lower > 3 {
                return false;
            }
        }
    }
    all >= 4 && lower * 4 <= all
}

/// Is token `i`, as written (possessive kept), a title word?
fn is_title_as_written(w: &Words, i: usize) -> bool {
    w.toks[i].classes.intersects(TITLE)
}

/// Decides whether the name at `first..=last` is a person, and finds its
/// role.
fn judge(w: &Words, first: usize, last: usize) -> Option<Candidate> {
    let n = w.toks.len();
    let tokens = last - first + 1;
    let first_word = w.word(first);
    // role right before the name (same run or lowercase: “NATO secretary”)
    let role_before = first
        .checked_sub(1)
        .and_then(|e| role_backwards(w, e).map(|s| (s, e)));
    // apposition before: “The US Secretary of State, Antony Blinken”
    let role_appos_before = if first >= 2 && w.word(first - 1) == "," {
        role_backwards(w, first - 2).map(|s| (s, first - 2))
    } else {
        None
    };
    // apposition after: “Jens Stoltenberg, NATO’s secretary general,”
    let role_appos_after = if last + 2 < n && w.word(last + 1) == "," {
        role_forwards(w, last + 2).filter(|&(_, e)| closes_apposition(w, e))
    } else {
        None
    };
    let role = role_before.or(role_appos_before).or(role_appos_after);

    // a given name first, or an initial in the name (“W. Mark Felt”)
    let given = tokens >= 2
        && (w.toks[first].is(Class::GivenName)
            || (first..last).any(|k| is_initial_dot(w, k, k + 1)));
    let (mut verb_after, mut verb_before) = verb_cues(w, first, last);
    // an ambiguous place in a place's context is no one speaking
    // (“officials in Houston said”, “told Flint residents”)
    if tokens == 1 && w.facts[first] & PLACE_IN_CONTEXT != 0 {
        (verb_after, verb_before) = (false, false);
    }
    // a word before a role and a name modifies the role (“said Labour
    // leader Sarah Hughes”, “Union boss Pat Cullen hit back, saying”): the
    // name speaks, not the word
    let modifies_role = tokens == 1
        && last + 1 < n
        && w.is_role_token(last + 1)
        && role_forwards(w, last + 1)
            .is_some_and(|(_, e)| e + 1 < n && w.is_capitalised_word(e + 1));
    if modifies_role {
        (verb_after, verb_before) = (false, false);
    }
    // A lone capitalised word that also appears in lowercase in the text is
    // a common word at a sentence start (“Officials said”), not a name.
    let common_word =
        || tokens == 1 && lexicon::with_lowercase(first_word, |l| w.vocabulary.contains(l));
    let cued = role.is_some()
        || given
        || ((verb_after || verb_before) && !common_word())
        || (tokens >= 2 && age_after(w, last));
    Some(Candidate {
        first,
        last,
        cued,
        role,
        org: false,
    })
}

/// Whether an age in apposition follows the name ending at token `last`
/// (“Dewayne Smithy, 33, of Baldwin”, “Sara Walker, 44, a nurse”): a
/// comma, a number of one to three digits, a comma.
fn age_after(w: &Words, last: usize) -> bool {
    // (the number first: the cheapest test that fails most often)
    w.toks.get(last + 3).is_some()
        && w.toks[last + 2].kind == TokKind::Number
        && w.toks[last + 2].span.len() <= 3
        && w.word(last + 1) == ","
        && w.word(last + 3) == ","
}

/// Whether a reporting verb follows the name at `first..=last` (over
/// auxiliaries, or after “, who”) and whether one comes right before it.
fn verb_cues(w: &Words, first: usize, last: usize) -> (bool, bool) {
    let n = w.toks.len();
    let after = {
        let mut k = last + 1;
        if k < n && w.word(k) == "," && k + 1 < n && w.word(k + 1) == "who" {
            true
        } else {
            while k < n && w.is_word(k) && w.toks[k].is(Class::Auxiliary) {
                k += 1;
            }
            k < n && w.is_word(k) && w.toks[k].is(Class::ReportingVerb)
        }
    };
    let before = first > 0 && w.is_word(first - 1) && w.toks[first - 1].is(Class::ReportingVerb);
    (after, before)
}

/// Role words that define what a role *is* (lowercase), for comparing two
/// role phrases: “US Secretary of State” → {secretary, state}.
pub(crate) fn role_core(role: &str) -> Vec<String> {
    let mut v: Vec<String> = role
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| {
            lexicon::with_lowercase(strip_possessive(w), |w| {
                let c = lexicon::classes(w);
                (c.intersects(TITLE) && !c.has(Class::RoleModifier)).then(|| w.to_string())
            })
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

// (no caller outside the tests since quotes read the analysis tokens)
#[cfg_attr(not(test), allow(dead_code))]
/// A role phrase (with its span) that ends right before byte `pos`, e.g.
/// the subject “the US Secretary of State” of “… has also explained”.
pub(crate) fn role_ending_before(
    text: &str,
    gaz: &[(Span, usize)],
    sentence: Span,
    pos: usize,
) -> Option<Span> {
    let toks = tokenize(text, Span::new(sentence.start, pos.min(sentence.end)));
    role_ending_with(text, gaz, &toks)
}

/// [`role_ending_before`] with the tokens before `pos` given (as
/// `tokenize` returns them for `sentence.start..pos`): the role phrase
/// that ends with the last token.
///
/// Only the tokens from the last non-word token on are looked at:
/// [`role_backwards`] walks back over word tokens only (each of its
/// branches requires one) and looks at most one token before a word, so it
/// stops on that token and never reads further back. The phrase found, and
/// its span, are the same as over all the tokens.
pub(crate) fn role_ending_with(text: &str, gaz: &[(Span, usize)], toks: &[Token]) -> Option<Span> {
    let last = toks.len().checked_sub(1)?;
    let lo = toks[..last]
        .iter()
        .rposition(|t| t.kind != TokKind::Word)
        .unwrap_or(0);
    let toks = &toks[lo..];
    // the facts on the stack for the usual few tokens
    let mut stack = [0u8; 32];
    let mut heap = Vec::new();
    let facts: &mut [u8] = if toks.len() <= stack.len() {
        &mut stack[..toks.len()]
    } else {
        heap.resize(toks.len(), 0);
        &mut heap
    };
    gazetteer_flags_into(gaz, toks, facts);
    let empty = Vocabulary::new("");
    let w = Words {
        text,
        vocabulary: &empty,
        toks: Cow::Borrowed(toks),
        facts,
        title_case: false,
    };
    let end = w.toks.len() - 1;
    let start = role_backwards(&w, end)?;
    Some(Span::new(w.toks[start].span.start, w.toks[end].span.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split;

    fn ents(text: &str) -> Vec<Entity> {
        extract(text, &split(text))
    }

    fn person<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
        es.iter()
            .find(|e| e.kind == EntityKind::Person && e.name == name)
            .unwrap_or_else(|| {
                panic!(
                    "no person {name} in {:?}",
                    es.iter().map(|e| &e.name).collect::<Vec<_>>()
                )
            })
    }

    #[test]
    fn roles_in_apposition_and_before_the_name() {
        let t = "The US Secretary of State, Antony Blinken added that it is now up to Russia. \
                 NATO, for its part, will deliver its own written brief shortly, the Secretary General of the Atlantic Alliance, Jens Stoltenberg, announced on Tuesday night. \
                 The head of European diplomacy, Josep Borrell, has warned of the situation. \
                 Russian President Vladimir Putin is ready. He will speak with his Russian counterpart, Sergei Lavrov. \
                 The US ambassador in Moscow, John Sullivan, has been in charge.";
        let es = ents(t);
        let roles = |n: &str| {
            person(&es, n)
                .roles
                .iter()
                .map(|r| r.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(roles("Antony Blinken"), ["US Secretary of State"]);
        assert_eq!(
            roles("Jens Stoltenberg"),
            ["Secretary General of the Atlantic Alliance"]
        );
        assert_eq!(roles("Josep Borrell"), ["head of European diplomacy"]);
        assert_eq!(roles("Vladimir Putin"), ["Russian President"]);
        // a relation, not a title
        assert!(roles("Sergei Lavrov").is_empty());
        assert_eq!(roles("John Sullivan"), ["US ambassador in Moscow"]);
        // role spans slice back to the role text
        for e in &es {
            for r in &e.roles {
                assert_eq!(r.span.slice(t), r.text);
            }
        }
    }

    #[test]
    fn surname_mentions_merge_with_the_full_name() {
        let t = "“From our perspective, the door to NATO remains open,” Blinken insisted. \
                 Later, US Secretary of State Antony Blinken said talks would go on. Blinken’s team agreed.";
        let es = ents(t);
        let b = person(&es, "Antony Blinken");
        assert_eq!(b.mentions.len(), 3, "{b:?}");
        assert_eq!(b.aliases, ["Blinken"]);
        assert_eq!(
            es.iter().filter(|e| e.kind == EntityKind::Person).count(),
            1
        );
    }

    #[test]
    fn reporting_verbs_make_single_names_people_but_not_common_words() {
        let t = "Officials said the talks failed. Sullivan said officials were tired. \
                 “The document does several things,” said Blinken, who has denied it.";
        let es = ents(t);
        person(&es, "Sullivan");
        person(&es, "Blinken");
        assert!(!es.iter().any(|e| e.name == "Officials"));
    }

    #[test]
    fn organisations_and_places_come_from_the_gazetteer() {
        let t = "The Kremlin, according to Washington, could revise the timetable. \
                 The US and NATO rejected the request; the Atlantic Alliance said the Winter Olympics in China start soon. Tell us more.";
        let es = ents(t);
        let kinds: Vec<(&str, EntityKind)> = es.iter().map(|e| (e.name.as_str(), e.kind)).collect();
        assert!(kinds.contains(&("Kremlin", EntityKind::Organization)));
        assert!(kinds.contains(&("Washington", EntityKind::Place)));
        assert!(kinds.contains(&("United States", EntityKind::Place)));
        assert!(kinds.contains(&("China", EntityKind::Place)));
        let nato = es.iter().find(|e| e.name == "NATO").unwrap();
        assert_eq!(nato.mentions.len(), 2);
        // “us” in lowercase is a pronoun, not the country
        let us = es.iter().find(|e| e.name == "United States").unwrap();
        assert_eq!(us.mentions.len(), 1);
        // no people here: Winter Olympics has no person cue
        assert!(es.iter().all(|e| e.kind != EntityKind::Person), "{kinds:?}");
    }

    #[test]
    fn role_core_ignores_modifiers() {
        assert_eq!(role_core("US Secretary of State"), ["secretary", "state"]);
        assert_eq!(role_core("NATO secretary"), ["secretary"]);
        assert_eq!(
            role_core("Secretary General of the Atlantic Alliance"),
            ["general", "secretary"]
        );
    }

    #[test]
    fn role_reference_before_a_verb() {
        let t = "The US Secretary of State has also explained that it matters.";
        let pos = t.find(" has").unwrap();
        let s = role_ending_before(
            t,
            &crate::analysis::gazetteer_mentions(t),
            Span::new(0, t.len()),
            pos,
        )
        .unwrap();
        assert_eq!(s.slice(t), "US Secretary of State");
    }

    #[test]
    fn gazetteer_flags_agree_with_gazetteer_at() {
        let texts = [
            "The Kremlin, NATO’s Atlantic Alliance and the EU met in Washington. EUNATO, US-NATO ties.",
            "USA U.S.A. U.S. USAID the United States of America; Americas. Union EU-NATO NATOEU",
            "NATO NATO NATO. The US Secretary of State, the Secretary General of NATO, said so.",
            "",
        ];
        for t in texts {
            let gaz = crate::analysis::gazetteer_mentions(t);
            let toks = tokenize(t, Span::new(0, t.len()));
            let want: Vec<u8> = toks
                .iter()
                .map(|k| u8::from(gazetteer_at(&gaz, k.span).is_some()) * IN_GAZETTEER)
                .collect();
            assert_eq!(gazetteer_flags(&gaz, &toks), want, "{t}");
            // from each mention's first token, as `without_name_parts`
            // finds it
            let firsts: Vec<usize> = gaz
                .iter()
                .map(|(g, _)| toks.partition_point(|k| k.span.start < g.start))
                .collect();
            assert_eq!(gazetteer_flags_from(&gaz, &firsts, &toks), want, "{t}");
            // every run of the tokens, as for a sentence or a role's end
            for from in 0..toks.len() {
                for to in from..=toks.len() {
                    let got = gazetteer_flags(&gaz, &toks[from..to]);
                    assert_eq!(got, want[from..to], "{t} {from}..{to}");
                }
            }
        }
    }

    /// The mentions `without_name_parts` keeps come with their first
    /// tokens, those dropped (a given name, a longer proper name, a
    /// person's surname) without.
    #[test]
    fn kept_mentions_come_with_their_first_tokens() {
        let text = "Jordan Smith met Georgia officials. The Indianapolis Colts, the Los Angeles \
                    Times and Michael Bloomberg left Paris Tuesday; Bloomberg News and NATO stayed.";
        let a = Analysis::new(text);
        let all = a.gazetteer_mentions();
        let (kept, firsts) = without_name_parts(&a, all);
        assert!(kept.len() < all.len() && kept.len() >= 3, "{kept:?}");
        assert_eq!(kept.len(), firsts.len());
        for ((g, _), &first) in kept.iter().zip(&firsts) {
            let want = a.tokens().partition_point(|t| t.span.start < g.start);
            assert_eq!(first, want, "{}", g.slice(text));
        }
    }

    #[test]
    fn names_and_surnames_from_the_raw_text() {
        let join = |raw: &str| {
            let mut parts: Vec<&str> = raw.split_whitespace().collect();
            if let Some(l) = parts.last_mut() {
                *l = strip_possessive(l);
            }
            parts.join(" ")
        };
        // every run of consecutive tokens of these texts, against the
        // whitespace split of the run's text
        for t in [
            "Blinken",
            "Antony Blinken",
            "Antony  Blinken’s",
            "Putin’s’s",
            "Ursula von der\u{a0}Leyen's",
            "Jens\nStoltenberg’",
            "’s",
            "NATO’s Jens",
            "Antony  Blinken’s NATO-led\u{a0}team, Jens\u{2009}Stoltenberg' s (O’Brien)’ U.S.’s «X»",
            "’s ’ 's - Ursula von der\tLeyen’s’s",
        ] {
            let toks = tokenize(t, Span::new(0, t.len()));
            for i in 0..toks.len() {
                for j in i..toks.len() {
                    let raw = Span::new(toks[i].span.start, toks[j].span.end).slice(t);
                    let run = &toks[i..=j];
                    assert_eq!(token_name(t, run), join(raw), "{raw:?}");
                    assert_eq!(Some(token_surname(t, run)), surname(&join(raw)), "{raw:?}");
                }
            }
        }
    }

    #[test]
    fn grouping_by_entry_agrees_with_sorting_the_pairs() {
        let ids = [3usize, 0, 3, 7, 0, 1, 3, 7, 2];
        let gaz: Vec<(Span, usize)> = ids
            .iter()
            .enumerate()
            .map(|(k, &id)| (Span::new(10 * k, 10 * k + 4), id))
            .collect();
        let mut want: Vec<(usize, usize)> =
            ids.iter().enumerate().map(|(k, &id)| (id, k)).collect();
        want.sort_unstable();
        assert_eq!(group_by_entry(&gaz), want);
        assert!(group_by_entry(&[]).is_empty());
    }

    #[test]
    fn merging_people_agrees_with_sorting_them() {
        let people = |spans: &[(usize, &'static str)]| -> Vec<PersonMention<'static>> {
            spans
                .iter()
                .map(|&(at, name)| PersonMention {
                    span: Span::new(at, at + 1),
                    name: name.into(),
                    surname: name,
                    role: None,
                })
                .collect()
        };
        type People<'a> = &'a [(usize, &'static str)];
        let cases: [(People, People); 5] = [
            (
                &[(1, "a"), (5, "b"), (9, "c")],
                &[(0, "x"), (5, "y"), (7, "z"), (12, "w")],
            ),
            (&[], &[(3, "x"), (1, "y")]),
            (&[(4, "a"), (2, "b")], &[(3, "x")]),
            (&[(1, "a")], &[]),
            (&[(2, "a"), (2, "b")], &[(2, "x"), (1, "y")]),
        ];
        for (a, b) in cases {
            let mut want = people(a);
            want.extend(people(b));
            want.sort_by_key(|p| p.span);
            let got = merge_by_span(people(a), people(b));
            let key = |v: &[PersonMention<'static>]| -> Vec<(Span, &'static str)> {
                v.iter().map(|p| (p.span, p.surname)).collect()
            };
            assert_eq!(key(&got), key(&want), "{a:?} {b:?}");
        }
    }

    #[test]
    fn vocabulary_search_and_set_give_the_same_answers() {
        let t =
            "Officials said: officials’ talks, Über-officials and über ü 3rd-rate NATO's natos.";
        let set: WordSet = t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let probes = [
            "officials",
            "Officials",
            "fficials",
            "über",
            "Über",
            "ü",
            "3rd",
            "rate",
            "3rd-rate",
            "NATO",
            "s",
            "natos",
            "nato",
            "",
            "talks,",
            "said",
            "aid",
        ];
        // the first distinct questions go to the substring search (and are
        // remembered), the later ones to the set built once: ask the probes
        // again and again, then enough other words to build the set
        let v = Vocabulary::new(t);
        for _ in 0..2 {
            for p in probes {
                assert_eq!(v.contains(p), set.contains(p), "{p:?}");
            }
        }
        assert!(v.set.get().is_none());
        let others: Vec<String> = (0..Vocabulary::SEARCHES).map(|i| format!("w{i}")).collect();
        for w in &others {
            assert!(!v.contains(w));
        }
        assert!(v.set.get().is_some());
        for p in probes {
            assert_eq!(v.contains(p), set.contains(p), "{p:?}");
        }
    }

    /// Every place context rule's examples, with the parts an analysis of
    /// the example finds.
    #[test]
    fn place_rule_examples() {
        let make: &crate::rules::MakeParts = &|text, toks| {
            let a = Analysis::new(text);
            let known: Vec<(Span, usize)> = a
                .gazetteer_mentions()
                .iter()
                .copied()
                .filter(|&(_, id)| gazetteer()[id].is_place)
                .collect();
            let (parts, _) = PlaceParts::of(toks, a.ambiguous_places(), &known);
            Box::new(parts) as Box<dyn Parts + '_>
        };
        let failures = crate::rules::check_examples_with(PLACE_RULES, PLACE_PARTS, make);
        assert!(failures.is_empty(), "{failures:#?}");
    }

    /// A token's vocabulary id in the place rule set, read from its
    /// lexicon word id, is the one its text gives.
    #[test]
    fn place_rule_word_ids_agree_with_the_texts() {
        let text = "Stops in Dallas, Austin and Ohio, or Denver-based firms east of Phoenix.";
        let a = Analysis::new(text);
        for toks in [a.tokens(), a.pieces()] {
            assert_eq!(
                PLACE_RULE_SET.word_id_mismatches(text, toks),
                Vec::<String>::new()
            );
        }
    }

    /// The mentions of places, as written, in text order.
    fn places(t: &str) -> Vec<&str> {
        let mut spans: Vec<Span> = ents(t)
            .iter()
            .filter(|e| e.kind == EntityKind::Place)
            .flat_map(|e| e.mentions.clone())
            .collect();
        spans.sort();
        spans.into_iter().map(|s| s.slice(t)).collect()
    }

    #[test]
    fn ambiguous_places_in_a_locative_context() {
        // after a preposition, over words that place it; in a list after
        // one; before a place noun; after one and "of"; before a state
        let t = "The Republican convention opens in Cleveland on Monday. Delegates flew in \
                 from downtown Houston, Dallas and Austin, and a Denver-based group drove \
                 to the suburbs of Phoenix. The plant in Jackson, Miss., closed; Orlando \
                 residents were told to stay home.";
        assert_eq!(
            places(t),
            [
                "Cleveland",
                "Houston",
                "Dallas",
                "Austin",
                "Denver",
                "Phoenix",
                "Jackson",
                "Orlando"
            ]
        );
        // once found in context, the place is one everywhere in the article
        let t = "Flooding hit Houston on Sunday. Rescuers in Houston said the water rose fast.";
        assert_eq!(places(t), ["Houston", "Houston"]);
        // a possessive place before a name is one
        let t = "Crowds filled Nice’s Promenade des Anglais a day after the attack in Nice.";
        assert_eq!(places(t), ["Nice", "Nice"]);
        // a known place leads a list too; a prepositionless list does not
        let t = "Rallies in Ohio and Columbus drew crowds. Lincoln and Washington were presidents.";
        assert_eq!(places(t), ["Ohio", "Columbus", "Washington"]);
    }

    #[test]
    fn an_ambiguous_place_in_context_is_no_one_speaking() {
        // a reporting verb next to a place in context makes no person of
        // it (which would take the place away everywhere)
        let t = "Officials told Flint residents not to drink the water. The city of Nice \
                 urged people to stay indoors. The crisis in Flint is not over.";
        assert_eq!(places(t), ["Flint", "Nice", "Flint"]);
        assert!(ents(t).iter().all(|e| e.kind != EntityKind::Person));
        // a name a given name starts (“Orlando Sentinel”, read as a
        // person) takes nothing from the place; a dateline is one
        let t = "Orlando (AP) — Mourners gathered downtown, the Orlando Sentinel reported. \
                 Flags flew at half-staff in Orlando on Monday.";
        assert_eq!(places(t), ["Orlando", "Orlando"]);
    }

    #[test]
    fn ambiguous_places_that_are_people_teams_or_words() {
        // a person of the article bears the name: never a place, even
        // after a preposition
        let t = "“We will win,” Jackson said on Tuesday. The crowd cheered for Jackson and \
                 turned to Jackson for a speech.";
        assert!(places(t).is_empty(), "{:?}", places(t));
        let t = "The Rev. Jesse Jackson spoke in Chicago. Reporters followed Jackson to Detroit.";
        assert_eq!(places(t), ["Chicago", "Detroit"]);
        // part of a longer name: a person, a team, a film
        let t = "Fans of Michael Jackson gathered in Los Angeles. The Dallas Cowboys lost to \
                 the Houston Texans, and a sequel to Austin Powers opened.";
        assert_eq!(places(t), ["Los Angeles"]);
        // no locative context: a surname or a word
        let t = "Lincoln freed the slaves. Mobile phones are banned. Reading is fun.";
        assert!(places(t).is_empty(), "{:?}", places(t));
        // a common word opening a sentence stays one, even where the place
        // is named in context
        let t = "The fair opened in Reading on Monday. Reading the rules, officials said \
                 the reading room would stay shut.";
        assert_eq!(places(t), ["Reading"]);
    }

    /// Many ambiguous places in long sentences and a long article: each
    /// one in a place's context is found, none of the others. (Their cost
    /// is measured by the callgrind figure of docs/performance.md, not
    /// here: a timing assertion would fail on a busy machine.)
    #[test]
    fn many_ambiguous_places_each_found_in_context() {
        let t = "Storms hit Houston, Dallas, Austin, Denver and Phoenix in Ohio, Mobile, \
                 Jackson, Lincoln and Flint. "
            .repeat(20)
            .repeat(100);
        // the objects of "hit" are no places; the list after "in" is
        assert_eq!(places(&t).len(), 2_000 * 5);
        let one = "in Dallas, ".repeat(5_000);
        assert_eq!(places(&one).len(), 5_000);
    }

    #[test]
    fn junk_does_not_panic() {
        let t = "’’’ “ ” , , The The The Of of of President , , Secretary of of the the".repeat(50);
        let _ = ents(&t);
        let _ = ents("");
        let _ = ents("É é É ‘’ Ω 中文 Ünal Çelik said");
    }
}
