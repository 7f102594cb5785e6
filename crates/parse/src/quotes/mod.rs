//! Quotes, direct and reported, with their speakers.
//!
//! ## Quotation marks
//! Typographic (“ ” ‘ ’ « » „) and straight (" ') marks are paired within a
//! paragraph; two apostrophes (`''`, the double mark of some wire copy) are
//! a double mark. Single quotes inside a double-quoted passage are nested and
//! belong to it. A `’` followed by a letter is an apostrophe. A `“` followed
//! by punctuation or the end of the paragraph closes an open quote (a common
//! typo: `security “.`). A quote still open at the end of its paragraph ends
//! there (news style re-opens a long quote in each paragraph).
//!
//! ## Attribution, in order of preference
//! 1. **After the quote**: a reporting verb and a speaker right after the
//!    closing mark, in either order (“…,” Blinken insisted / “…,” said Blinken /
//!    “…,” acknowledged NATO secretary Jens Stoltenberg / “…”, he said).
//! 2. **Before the quote, same sentence**: a colon introduction (Blinken
//!    concluded: “…”), or the nearest reporting verb whose subject is found
//!    (Blinken assured that the US response establishes “…”).
//! 3. **“according to X”** in the same sentence.
//! 4. **Continuation**: a quote interrupted by its attribution (“A,” he said,
//!    “B”) takes the speaker of the first piece, and `continues` points at it.
//! 5. **Context**: a quote standing as its own sentence with no cue takes the
//!    speaker of reported speech in the sentence before it (or, failing that,
//!    the sentence after it).
//!
//! Subjects are person mentions (see [`crate::entities`]), pronouns (“he”,
//! resolved to the most recent speaker, else the nearest person mentioned
//! before), roles (“the US Secretary of State”, resolved to the nearest person
//! holding a compatible role, else the nearest person with no conflicting
//! role), or organisations and places (“The United States believes …”).
//! A quote whose speaker cannot be found has `speaker: None` and
//! [`Attribution::None`]: the extractor never guesses silently.
//!
//! ## Kinds
//! - **scare quote**: at most three words that are not speech: in the slot of
//!   a modifier (NATO’s ‘open doors’ policy, a ‘disturbing’ event) or with no
//!   reporting cue in their sentence (new security “agreements”);
//! - **direct**: the quote opens its sentence, follows a colon, or follows
//!   “said,”;
//! - **partial**: a fragment embedded in reported speech (sanctions would have
//!   “serious consequences”);
//! - **indirect**: reported speech without marks: `SUBJECT VERB that CONTENT`
//!   (Stoltenberg stressed that every country has the right to join),
//!   `CONTENT, SUBJECT VERB.` (…, Jens Stoltenberg, announced on Tuesday
//!   night), and `according to X, CONTENT`.

mod marks;

use crate::analysis::Analysis;
use crate::entities::{role_core, role_ending_before, role_ending_with};
use crate::lexicon::{self, Class, Classes};
use crate::model::{Attribution, Entity, EntityKind, Quote, QuoteKind, Sentence, Span};
use crate::text::{char_at, tokenize, TokKind, Token};
use marks::{find_marks, MarkIndex, Marks};
#[cfg(test)]
use marks::{is_mark_byte, MarkBytes};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

/// The running maximum of `ends` (`out[k]` = the largest of the first
/// `k + 1`): over spans sorted by start, "does some span reach past `x`
/// among those starting before `y`?" becomes one binary search and one
/// lookup, even when the spans nest.
fn running_max(ends: impl ExactSizeIterator<Item = usize>) -> Vec<usize> {
    // sized up front: `scan` gives `collect` no useful size hint
    let mut out = Vec::with_capacity(ends.len());
    out.extend(ends.scan(0, |max, end| {
        *max = end.max(*max);
        Some(*max)
    }));
    out
}

/// A speaker found for a quote.
#[derive(Clone, Copy, Debug)]
struct Speaker {
    entity: usize,
    span: Span,
    how: Attribution,
}

/// Finds quotes in `text` and attributes them to `entities` (from
/// [`crate::entities::extract`] on the same text). `sentences` must be
/// [`crate::sentences::split`]'s, in text order.
///
/// ```
/// use crosscheck_parse::{entities, quotes, sentences, QuoteKind};
/// let text = "“We prefer diplomacy,” Blinken said. NATO’s ‘open doors’ policy stays.";
/// let s = sentences::split(text);
/// let e = entities::extract(text, &s);
/// let q = quotes::extract(text, &s, &e);
/// assert_eq!(q[0].text, "We prefer diplomacy");
/// assert_eq!(q[0].speaker.as_deref(), Some("Blinken"));
/// assert_eq!(q[1].text, "open doors");
/// assert_eq!(q[1].kind, QuoteKind::ScareQuote);
/// assert_eq!(q[1].speaker, None);
/// ```
pub fn extract(text: &str, sentences: &[Sentence], entities: &[Entity]) -> Vec<Quote> {
    extract_from(
        &Analysis::with_sentences(text, sentences.to_vec()),
        entities,
    )
}

/// [`extract`] over an article's [`Analysis`] (its sentences, tokens and
/// gazetteer hits).
pub(crate) fn extract_from(a: &Analysis, entities: &[Entity]) -> Vec<Quote> {
    let text = a.text();
    let sentences = a.sentences();
    let ctx = Ctx::new(a, entities);
    let marks = find_marks(text, sentences);
    // Everything (marked quotes and indirect speech) in text order, so that
    // pronouns resolve against the speakers found so far. Both lists are in
    // text order already (marks by opening mark, indirect speech by verb),
    // so a merge gives that order; a marked quote goes first on a tie.
    let indirect = ctx.indirect_candidates(&marks);
    let n = marks.len() + indirect.len();
    let mut speakers: Vec<(usize, usize)> = Vec::with_capacity(n); // (position, entity)
    let mut out: Vec<Quote> = Vec::with_capacity(n);
    let mut last_marked: Option<usize> = None; // index in `out` of the last marked quote
    let mut marks_left = marks.iter().peekable();
    let mut indirect_left = indirect.into_iter().peekable();
    loop {
        let marked_next = match (marks_left.peek(), indirect_left.peek()) {
            (Some(m), Some(ind)) => m.open <= ind.verb.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if marked_next {
            let Some(m) = marks_left.next() else { break };
            let prev = last_marked.map(|k| (k, &out[k]));
            let (mut q, cont) = ctx.attribute(m, &marks, prev, &speakers);
            if let Some(e) = q.speaker_entity {
                if q.kind != QuoteKind::ScareQuote {
                    speakers.push((m.open, e));
                }
            }
            q.continues = cont;
            last_marked = Some(out.len());
            out.push(q);
        } else {
            let Some(ind) = indirect_left.next() else {
                break;
            };
            let mut sp = ctx.resolve_subject(&ind.subject, ind.verb.start, &speakers);
            if ind.cue == "according to" {
                if let Some(sp) = sp.as_mut() {
                    sp.how = Attribution::AccordingTo;
                }
            }
            if let Some(sp) = sp {
                speakers.push((ind.verb.start, sp.entity));
            }
            out.push(ctx.quote(ind.content, QuoteKind::Indirect, sp, Some(ind.cue)));
        }
    }
    ctx.context_pass(&mut out);
    out
}

/// Reported speech without marks.
struct Indirect {
    content: Span,
    verb: Span,
    cue: String,
    subject: Subject,
}

/// How the subject of a reporting verb is expressed.
#[derive(Clone, Copy, Debug)]
enum Subject {
    /// A named entity mention.
    Entity(usize, Span),
    /// “he” / “she”.
    Pronoun(Span),
    /// A role phrase.
    Role(Span),
    /// No subject found.
    Unknown,
}

struct Ctx<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    entities: &'a [Entity],
    /// Every entity mention: (span, entity index), sorted.
    mentions: Vec<(Span, usize)>,
    /// `max_end[i]`: the largest end of `mentions[..=i]` (mentions may
    /// nest), so "does some mention cover this span?" is a binary search.
    max_end: Vec<usize>,
    /// Gazetteer mentions, sorted (role phrases need them).
    gaz: &'a [(Span, usize)],
    /// The article's analysis: the tokens of each sentence.
    analysis: &'a Analysis<'a>,
    /// The first mention ending at each byte offset.
    by_end: FxHashMap<usize, (Span, usize)>,
    /// `role_core` of every role of every entity (`[entity][role]`), made on
    /// the first role subject: resolving one compares it with all of them.
    role_cores: OnceCell<Vec<Vec<Vec<String>>>>,
    /// Byte offset of every [`ACCORDING_TO`] in the text, in order.
    according: Vec<usize>,
    /// The sentence [`Self::sentence_of`] found last, tried first next time
    /// (most calls in a row ask about the same sentence).
    last_sentence: Cell<usize>,
    /// True when the sentence spans are in order and disjoint (as
    /// `sentences::split` makes them): then at most one contains a given
    /// offset, so finding it any way gives the binary search's answer.
    sentences_disjoint: bool,
}

impl<'a> Ctx<'a> {
    /// The context for one article: its text, sentences, entities,
    /// gazetteer mentions and shared tokens, plus the per-article tables
    /// the rules consult.
    fn new(analysis: &'a Analysis<'a>, entities: &'a [Entity]) -> Self {
        let text = analysis.text();
        let sentences = analysis.sentences();
        let mentions = sorted_mentions(entities);
        let max_end = running_max(mentions.iter().map(|(s, _)| s.end));
        let mut by_end: FxHashMap<_, _> =
            FxHashMap::with_capacity_and_hasher(mentions.len(), Default::default());
        for &(span, e) in &mentions {
            by_end.entry(span.end).or_insert((span, e));
        }
        Ctx {
            text,
            sentences,
            entities,
            mentions,
            max_end,
            gaz: analysis.gazetteer_mentions(),
            analysis,
            by_end,
            role_cores: OnceCell::new(),
            according: according_to_offsets(text),
            last_sentence: Cell::new(0),
            sentences_disjoint: sentences.iter().all(|s| s.span.start <= s.span.end)
                && sentences
                    .windows(2)
                    .all(|w| w[0].span.end <= w[1].span.start),
        }
    }

    /// The tokens of sentence `si`, `None` past the last sentence.
    fn sentence_toks(&self, si: usize) -> Option<&'a [Token]> {
        (si < self.sentences.len()).then(|| self.analysis.sentence_tokens(si))
    }

    /// [`role_core`] of each role of each entity, computed once.
    fn role_cores(&self) -> &[Vec<Vec<String>>] {
        self.role_cores.get_or_init(|| {
            self.entities
                .iter()
                .map(|e| e.roles.iter().map(|r| role_core(&r.text)).collect())
                .collect()
        })
    }

    /// The index of the sentence holding byte `pos` (by binary search: the
    /// sentence after `pos`, or the last one, when none holds it).
    fn sentence_of(&self, pos: usize) -> usize {
        let last = self.last_sentence.get();
        if self.sentences_disjoint
            && self
                .sentences
                .get(last)
                .is_some_and(|s| s.span.start <= pos && pos < s.span.end)
        {
            return last;
        }
        let found = self.sentences.binary_search_by(|s| {
            if s.span.end <= pos {
                std::cmp::Ordering::Less
            } else if s.span.start > pos {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        });
        match found {
            Ok(i) => {
                self.last_sentence.set(i);
                i
            }
            Err(i) => i.min(self.sentences.len().saturating_sub(1)),
        }
    }

    fn quote(
        &self,
        span: Span,
        kind: QuoteKind,
        sp: Option<Speaker>,
        cue: Option<String>,
    ) -> Quote {
        let (speaker, speaker_entity, speaker_span, attribution) = match sp {
            Some(s) => (
                Some(self.entities[s.entity].name.clone()),
                Some(s.entity),
                Some(s.span),
                s.how,
            ),
            None => (None, None, None, Attribution::None),
        };
        Quote {
            text: span.slice(self.text).to_string(),
            span,
            kind,
            speaker,
            speaker_span,
            speaker_entity,
            cue: if speaker_entity.is_some() { cue } else { None },
            attribution,
            sentence: self.sentence_of(span.start),
            continues: None,
        }
    }

    /// The tokens of `range`, exactly as `tokenize(self.text, range)`
    /// returns them: borrowed from the shared sentence tokens when
    /// [`Self::shared_tokens`] can, tokenized afresh otherwise.
    fn tokens_of(&self, range: Span) -> Cow<'a, [Token]> {
        match self.shared_tokens(range) {
            Some(toks) => Cow::Borrowed(toks),
            None => Cow::Owned(tokenize(self.text, range)),
        }
    }

    /// The tokens of `range` as `tokenize(self.text, range)` would return
    /// them, taken from the shared sentence tokens: `Some` when `range` is
    /// empty, or lies inside one sentence with both ends on char boundaries
    /// and neither end strictly inside one of the sentence's tokens. Why
    /// they are the same:
    /// - `tokenize` keeps no state but its position and never looks back.
    ///   A position outside every token is a token start or a whitespace
    ///   char, and the sentence run visits it too (it steps over
    ///   whitespace one char at a time), so a run started there goes on in
    ///   step with the sentence run.
    /// - Cutting the range at a position `q` outside every token changes no
    ///   token that ends at or before `q`: the sentence run found nothing
    ///   that joined at or past `q` for such a token (the char after an
    ///   inner joiner, the `.` of “U.S.” or “Gen.”), and the cut run sees
    ///   the end of its range there, which joins nothing either.
    fn shared_tokens(&self, range: Span) -> Option<&'a [Token]> {
        if range.start >= range.end {
            return Some(&[]);
        }
        let (si, lo, hi) = self.shared_token_range(range)?;
        Some(&self.sentence_toks(si)?[lo..hi])
    }

    /// Where [`Self::shared_tokens`] finds the tokens of a non-empty
    /// `range`: `(sentence, lo, hi)` for the sentence's tokens `lo..hi`.
    fn shared_token_range(&self, range: Span) -> Option<(usize, usize, usize)> {
        if range.start >= range.end {
            return None;
        }
        let si = self.sentence_of(range.start);
        if let (Some(s), Some(toks)) = (self.sentences.get(si), self.sentence_toks(si)) {
            if s.span.contains(&range)
                && self.text.is_char_boundary(range.start)
                && self.text.is_char_boundary(range.end)
            {
                // tokens are sorted and disjoint: both keys increase, and
                // the tokens before `lo` start before `range.end` too (the
                // range is not empty), so `hi` is searched from `lo` on
                let lo = toks.partition_point(|t| t.span.end <= range.start);
                let hi = lo + toks[lo..].partition_point(|t| t.span.start < range.end);
                let start_outside = toks.get(lo).is_none_or(|t| t.span.start >= range.start);
                let end_outside = hi == 0 || toks[hi - 1].span.end <= range.end;
                if start_outside && end_outside && lo <= hi {
                    return Some((si, lo, hi));
                }
            }
        }
        None
    }

    /// [`role_ending_before`], over the shared tokens of
    /// `sentence.start..pos.min(sentence.end)` when [`Self::shared_tokens`]
    /// has them.
    fn role_ending_before(&self, sentence: Span, pos: usize) -> Option<Span> {
        match self.shared_tokens(Span::new(sentence.start, pos.min(sentence.end))) {
            Some(toks) => role_ending_with(self.text, self.gaz, toks),
            None => role_ending_before(self.text, self.gaz, sentence, pos),
        }
    }

    /// The entity mention ending exactly at `end` (possessive allowed).
    fn mention_ending_at(&self, end: usize) -> Option<(Span, usize)> {
        self.by_end.get(&end).copied()
    }

    /// The subject of a reporting verb at byte `verb`, looking left in the
    /// sentence and skipping auxiliaries (“Blinken has also announced”).
    fn subject_before(&self, sentence: Span, verb: usize) -> Subject {
        let toks = self.tokens_of(Span::new(sentence.start, verb));
        self.subject_before_toks(sentence, &toks)
    }

    /// [`Self::subject_before`] with the tokens of `sentence.start..verb`
    /// given. When `verb` is the start of a token of the sentence's own
    /// tokens, those are the sentence tokens before it: `tokenize` never
    /// looks back, and the token before a token start ended without
    /// joining across it, so cutting the range there changes nothing.
    fn subject_before_toks(&self, sentence: Span, toks: &[Token]) -> Subject {
        let mut k = toks.len();
        while k > 0 && is_word(self.text, &toks[k - 1]) && toks[k - 1].is(Class::Auxiliary) {
            k -= 1;
        }
        // “Jens Stoltenberg, announced” / “Blinken, who has denied”
        let mut end_tok = k;
        if k >= 2 && toks[k - 1].text(self.text) == "who" && toks[k - 2].text(self.text) == "," {
            end_tok = k - 2;
        } else if k >= 1 && toks[k - 1].text(self.text) == "," {
            end_tok = k - 1;
        }
        if end_tok == 0 {
            return Subject::Unknown;
        }
        let last = toks[end_tok - 1];
        if last.is(Class::PersonPronoun) {
            return Subject::Pronoun(last.span);
        }
        if let Some((span, e)) = self.mention_ending_at(last.span.end) {
            return Subject::Entity(e, span);
        }
        // `toks[..end_tok]` are the tokens of `sentence.start..last.span.end`:
        // cutting a range at the end of one of its tokens keeps the tokens
        // before the cut (see `tokens_of`)
        let role = if last.span.end <= sentence.end {
            role_ending_with(self.text, self.gaz, &toks[..end_tok])
        } else {
            self.role_ending_before(sentence, last.span.end)
        };
        if let Some(role) = role {
            return Subject::Role(role);
        }
        Subject::Unknown
    }

    /// The subject after an inverted reporting verb (“said Blinken”,
    /// “acknowledged NATO secretary Jens Stoltenberg”), within `window`.
    ///
    /// `toks` are the tokens of the window after the verb (as `tokenize`
    /// gives them).
    fn subject_after(&self, toks: &[Token]) -> Subject {
        for (n, t) in toks.iter().enumerate().take(14) {
            let w = t.text(self.text);
            if n == 0 && t.is(Class::PersonPronoun) {
                return Subject::Pronoun(t.span);
            }
            if let Some((span, e)) = self.mention_starting_at(t.span.start) {
                if self.entities[e].kind == EntityKind::Person {
                    return Subject::Entity(e, span);
                }
            }
            let role_word = t.kind == TokKind::Word
                && (self
                    .analysis
                    .classes_without_possessive(t)
                    .intersects(ROLE_WORDS)
                    || w == "the"
                    || w == "of");
            // an apposed role: “said the Secretary General of NATO, Jens Stoltenberg”
            let comma = w == "," && n > 0;
            if !role_word && !comma && !self.mention_covers(t.span) {
                break;
            }
        }
        Subject::Unknown
    }

    fn resolve_subject(
        &self,
        s: &Subject,
        pos: usize,
        speakers: &[(usize, usize)],
    ) -> Option<Speaker> {
        match *s {
            Subject::Entity(e, span) => Some(Speaker {
                entity: e,
                span,
                how: Attribution::Verb,
            }),
            Subject::Pronoun(span) => {
                let e = speakers
                    .iter()
                    .rev()
                    .find(|(p, e)| *p < pos && self.entities[*e].kind == EntityKind::Person)
                    .map(|&(_, e)| e)
                    .or_else(|| self.nearest_person_before(pos, |_| true))?;
                Some(Speaker {
                    entity: e,
                    span,
                    how: Attribution::Pronoun,
                })
            }
            Subject::Role(span) => {
                let core = role_core(span.slice(self.text));
                let cores = self.role_cores();
                // `cores[e][r]` is `role_core(&self.entities[e].roles[r].text)`
                let holds = |e: usize| cores[e].contains(&core);
                let compatible = |e: usize| cores[e].iter().all(|c| c.is_empty() || *c == core);
                let e = self
                    .nearest_person_before(span.start, holds)
                    .or_else(|| {
                        (0..self.entities.len())
                            .find(|&e| self.entities[e].kind == EntityKind::Person && holds(e))
                    })
                    .or_else(|| self.nearest_person_before(span.start, compatible))?;
                Some(Speaker {
                    entity: e,
                    span,
                    how: Attribution::Role,
                })
            }
            Subject::Unknown => None,
        }
    }

    /// The first mention (in sorted order) that starts at byte `start`.
    fn mention_starting_at(&self, start: usize) -> Option<(Span, usize)> {
        let k = self.mentions.partition_point(|(s, _)| s.start < start);
        self.mentions
            .get(k)
            .filter(|(s, _)| s.start == start)
            .copied()
    }

    /// True when some mention covers `span` (starts at or before it and
    /// ends at or after it).
    fn mention_covers(&self, span: Span) -> bool {
        let k = self
            .mentions
            .partition_point(|(s, _)| s.start <= span.start);
        k > 0 && self.max_end[k - 1] >= span.end
    }

    /// The entity of the last person mention ending by `pos` for which
    /// `ok(entity index)` holds.
    fn nearest_person_before(&self, pos: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
        // a mention starting at or after `pos` cannot end by it
        let k = self.mentions.partition_point(|(s, _)| s.start < pos);
        self.mentions[..k]
            .iter()
            .rev()
            .filter(|(s, _)| s.end <= pos)
            .find(|(_, e)| self.entities[*e].kind == EntityKind::Person && ok(*e))
            .map(|&(_, e)| e)
    }

    /// Attributes one marked quote.
    fn attribute(
        &self,
        m: &Marks,
        all: &[Marks],
        prev: Option<(usize, &Quote)>,
        speakers: &[(usize, usize)],
    ) -> (Quote, Option<usize>) {
        let text = self.text;
        let open_sent = self.sentences[self.sentence_of(m.open)];
        let close_sent = self.sentences[self.sentence_of(m.close_end.saturating_sub(1))];
        // marks are sorted and never overlap: binary searches
        let next_open = all
            .get(all.partition_point(|x| x.open < m.close_end))
            .map(|x| x.open);
        let prev_close = all
            .partition_point(|x| x.close_end <= m.open)
            .checked_sub(1)
            .map(|k| all[k].close_end);

        let mut found: Option<(Speaker, String)> = None;
        let mut via_after = false;
        // 1. after the quote
        let win_end = next_open
            .map_or(close_sent.span.end, |o| o.min(close_sent.span.end))
            .max(m.close_end);
        if let Some((sp, cue)) = self.after_window(m.close_end, win_end, speakers) {
            found = Some((sp, cue));
            via_after = true;
        }
        // 2. before the quote, same sentence
        let before_start = prev_close.map_or(open_sent.span.start, |c| c.max(open_sent.span.start));
        let before = Span::new(before_start.min(m.open), m.open);
        let before_text = before.slice(text).trim_end();
        let colon = before_text.ends_with(':');
        if found.is_none() {
            found = self.before_window(open_sent.span, before, colon, speakers);
        }
        // 3. according to X
        if found.is_none() {
            found = self.according_to(open_sent.span, m);
        }
        // 4. continuation of the previous quote in the same sentence
        let mut cont = None;
        if let Some((pk, pq)) = prev {
            // pure tests, cheapest first: the reporting-verb search of the
            // text between the quotes runs only when its answer counts
            let same_sentence = || {
                self.sentence_of(pq.span.start) == self.sentence_of(m.open)
                    || prev_close.is_some_and(|c| {
                        self.sentence_of(c.saturating_sub(1)) == self.sentence_of(m.open)
                    })
            };
            if pq.speaker_entity.is_some() && same_sentence() {
                let between =
                    Span::new(prev_close.unwrap_or(m.open).min(m.open), m.open).slice(text);
                let interrupted = between.trim_end().ends_with([',', ':', '–', '—'])
                    && has_reporting_verb(between);
                if interrupted || found.is_none() {
                    let sp = Speaker {
                        entity: pq.speaker_entity.unwrap_or_default(),
                        span: pq.speaker_span.unwrap_or(pq.span),
                        how: pq.attribution,
                    };
                    if found.is_none() {
                        found = Some((sp, pq.cue.clone().unwrap_or_default()));
                    }
                    if interrupted {
                        cont = Some(pk);
                    }
                }
            }
        }

        // kind
        let modifier_slot = || {
            let after_text = &text[m.close_end..win_end.max(m.close_end)];
            is_modifier_slot(last_word(before_text), after_text)
        };
        // a scare quote has at most three words; the (pure) tests run
        // cheapest first, the word count last, for the quotes that pass the
        // other tests
        let kind = if (found.is_none() || (m.single && !via_after) || modifier_slot())
            && !has_words(m.content.slice(text), 4)
        {
            QuoteKind::ScareQuote
        } else if cont.is_some() {
            prev.map_or(QuoteKind::Direct, |(_, q)| q.kind)
        } else {
            let opens_sentence = || {
                Span::new(open_sent.span.start, m.open)
                    .slice(text)
                    .chars()
                    .all(|c| !c.is_alphanumeric())
            };
            let after_said =
                || before_text.ends_with(',') && has_reporting_verb(last_words(before_text, 4));
            if colon || opens_sentence() || after_said() {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            }
        };
        if kind == QuoteKind::ScareQuote {
            found = None;
        }
        let (sp, cue) = match found {
            Some((s, c)) => (Some(s), Some(c)),
            None => (None, None),
        };
        (self.quote(m.content, kind, sp, cue), cont)
    }

    /// Attribution right after a closing mark: “…,” VERB SPEAKER or
    /// “…,” SPEAKER VERB.
    fn after_window(
        &self,
        from: usize,
        to: usize,
        speakers: &[(usize, usize)],
    ) -> Option<(Speaker, String)> {
        let toks = self.tokens_of(Span::new(from, to));
        let mut k = 0;
        while k < toks.len() && matches!(toks[k].text(self.text), "," | "–" | "—" | "-") {
            k += 1;
        }
        if k == toks.len() || toks[k].kind == TokKind::Punct {
            return None;
        }
        // find the first reporting verb within the next few words
        let v = k + toks[k..]
            .iter()
            .take(9)
            .take_while(|t| t.kind == TokKind::Word || t.text(self.text) == ",")
            .position(|t| t.is(Class::ReportingVerb))?;
        let verb = toks[v];
        let cue = verb.text(self.text).to_string();
        // A run of `tokenize` started at a token start, or at a token end
        // (a token start or a space: tokens cover every other char), goes
        // on in step with the run over the whole window, and one cut at a
        // token start ends as it does (see `shared_tokens`): the tokens of
        // `verb.end..to` are `toks[v + 1..]`, those of
        // `toks[k].start..verb.start` are `toks[k..v]`.
        let subject = if v == k {
            self.subject_after(&toks[v + 1..])
        } else {
            self.subject_before_toks(Span::new(toks[k].span.start, verb.span.start), &toks[k..v])
        };
        let sp = self.resolve_subject(&subject, from, speakers)?;
        Some((sp, cue))
    }

    /// Attribution before the opening mark within its sentence.
    fn before_window(
        &self,
        sentence: Span,
        before: Span,
        colon: bool,
        speakers: &[(usize, usize)],
    ) -> Option<(Speaker, String)> {
        // where `toks` lie in the shared sentence tokens, when they do
        let shared = self.shared_token_range(before);
        let toks: Cow<[Token]> = match shared {
            Some((si, lo, hi)) => {
                Cow::Borrowed(&self.sentence_toks(si).unwrap_or_default()[lo..hi])
            }
            None => self.tokens_of(before),
        };
        if colon {
            // the first person mentioned in the clause, else a role, else a pronoun
            let clause = before;
            // mentions inside the clause start in it, and are sorted
            let k = self
                .mentions
                .partition_point(|(s, _)| s.start < clause.start);
            if let Some(&(span, e)) = self.mentions[k..]
                .iter()
                .take_while(|(s, _)| s.start <= clause.end)
                .find(|(s, e)| clause.contains(s) && self.entities[*e].kind == EntityKind::Person)
            {
                return Some((
                    Speaker {
                        entity: e,
                        span,
                        how: Attribution::Colon,
                    },
                    ":".into(),
                ));
            }
            // `toks[..=n]` are the tokens of `clause.start..t.span.end` (a
            // range cut at the end of one of its tokens, see `tokens_of`)
            for (n, t) in toks.iter().enumerate() {
                // both tests are pure: the cheap word test goes first
                if t.kind == TokKind::Word && t.classes.intersects(TITLE_WORDS) {
                    if let Some(role) = role_ending_with(self.text, self.gaz, &toks[..=n]) {
                        // take the longest role phrase: extend while the next token still ends one
                        let mut best = role;
                        for (n, _) in toks
                            .iter()
                            .enumerate()
                            .filter(|(_, u)| u.span.start > t.span.start)
                        {
                            match role_ending_with(self.text, self.gaz, &toks[..=n]) {
                                Some(r) if r.start == role.start => best = r,
                                _ => break,
                            }
                        }
                        if let Some(mut sp) =
                            self.resolve_subject(&Subject::Role(best), best.start, speakers)
                        {
                            sp.how = Attribution::Colon;
                            return Some((sp, ":".into()));
                        }
                    }
                }
            }
            if let Some(t) = toks.iter().find(|t| t.is(Class::PersonPronoun)) {
                if let Some(mut sp) =
                    self.resolve_subject(&Subject::Pronoun(t.span), t.span.start, speakers)
                {
                    sp.how = Attribution::Colon;
                    return Some((sp, ":".into()));
                }
            }
        }
        for (n, v) in toks
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, t)| t.is(Class::ReportingVerb))
        {
            let subject = match shared {
                // the tokens of `sentence.start..v.start` are the sentence
                // tokens before `v` (see `subject_before_toks`)
                Some((si, lo, _)) if self.sentences[si].span == sentence => {
                    let all = self.sentence_toks(si).unwrap_or_default();
                    self.subject_before_toks(sentence, &all[..lo + n])
                }
                _ => self.subject_before(sentence, v.span.start),
            };
            if let Some(sp) = self.resolve_subject(&subject, v.span.start, speakers) {
                return Some((sp, v.text(self.text).to_string()));
            }
        }
        None
    }

    /// “according to X” anywhere in the sentence, outside the quote.
    fn according_to(&self, sentence: Span, m: &Marks) -> Option<(Speaker, String)> {
        let (cue, span, e) = self.according_to_source(sentence)?;
        if m.content.contains(&Span::new(cue.end, cue.end)) {
            return None;
        }
        Some((
            Speaker {
                entity: e,
                span,
                how: Attribution::AccordingTo,
            },
            "according to".into(),
        ))
    }

    /// The first “according to ” in `sentence` (any ASCII case) and the
    /// entity mentioned right after it, allowing a short word between
    /// (“according to the Kremlin”): `(cue span, mention span, entity)`.
    ///
    /// The cue is the first offset of [`according_to_offsets`] at or after
    /// the sentence start, if it ends within the sentence: the same bytes as
    /// a search of the sentence alone finds first (a later one cannot fit
    /// when the first does not).
    fn according_to_source(&self, sentence: Span) -> Option<(Span, Span, usize)> {
        self.text.get(sentence.start..sentence.end)?;
        let k = self.according.partition_point(|&p| p < sentence.start);
        let &i = self.according.get(k)?;
        let cue = Span::new(i, i + ACCORDING_TO.len());
        if cue.end > sentence.end {
            return None;
        }
        let k = self.mentions.partition_point(|(sp, _)| sp.start < cue.end);
        let &(source, e) = self.mentions[k..]
            .iter()
            .find(|(sp, _)| sp.start <= cue.end + 4 && sp.end <= sentence.end)?;
        Some((cue, source, e))
    }

    /// “According to X, CONTENT”, “CONTENT, according to X” and “A,
    /// according to X, B”: reported speech whose source is X. Left to the
    /// marked-quote path when the sentence holds quoted speech (a quote of
    /// more than three words).
    fn according_to_indirect(&self, s: &Sentence, index: &MarkIndex) -> Option<Indirect> {
        let text = self.text;
        let (cue, source, e) = self.according_to_source(s.span)?;
        let speech = index
            .contents_within(s.span)
            .any(|c| has_words(c.slice(text), 4));
        if speech {
            return None;
        }
        // the phrase runs to the next comma (or the sentence end)
        let phrase_end = text[source.end..s.span.end]
            .find(',')
            .map_or(s.span.end, |c| source.end + c);
        let before = text[s.span.start..cue.start].trim_end();
        let content = if before.is_empty() {
            // According to X, CONTENT
            Span::new((phrase_end + 1).min(s.span.end), s.span.end)
        } else if phrase_end >= s.span.end
            || text[phrase_end..s.span.end]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .is_empty()
        {
            // CONTENT, according to X.
            Span::new(
                s.span.start,
                s.span.start + before.trim_end_matches(',').len(),
            )
        } else {
            // A, according to X, B: the whole sentence is the claim
            s.span
        };
        let content = trim_span(text, content);
        has_words(content.slice(text), 4).then(|| Indirect {
            content,
            verb: cue,
            cue: "according to".into(),
            subject: Subject::Entity(e, source),
        })
    }

    /// Reported speech without quotation marks.
    fn indirect_candidates(&self, marks: &[Marks]) -> Vec<Indirect> {
        let text = self.text;
        let inside = |p: usize| {
            let i = marks.partition_point(|m| m.open <= p);
            i > 0 && p < marks[i - 1].close_end
        };
        // (about one in two sentences holds reported speech in news copy)
        let mut out = Vec::with_capacity(self.sentences.len() / 2);
        // `inside(p)` for the positions of a range around `p`: they all
        // have the same marks opening at or before them, and all end before
        // or all at or after the last one's end
        let inside_around = |p: usize| {
            let i = marks.partition_point(|m| m.open <= p);
            let next_open = marks.get(i).map_or(usize::MAX, |m| m.open);
            match i.checked_sub(1).map(|k| marks[k]) {
                Some(m) if p < m.close_end => (m.open..m.close_end.min(next_open), true),
                Some(m) => (m.close_end..next_open, false),
                None => (0..next_open, false),
            }
        };
        // the range of the last answer: tokens come in text order, so most
        // fall in the same range as the one before
        let mut state = (0..0, false);
        let index = MarkIndex::new(marks);
        for (s, toks) in self
            .sentences
            .iter()
            .zip(self.analysis.tokens_by_sentence())
        {
            if let Some(ind) = self.according_to_indirect(s, &index) {
                out.push(ind);
                continue;
            }
            let mut taken_until = 0usize;
            for (i, t) in toks.iter().enumerate() {
                // pure tests, cheapest-rejecting first: the remembered range
                // turns away the words inside quotes before the verb test. No
                // token but a word is a reporting verb: a number token is
                // ASCII digits, `.` and `,` (no letter), a punctuation token
                // is one char (no single char is a verb, see the tests).
                if t.kind != TokKind::Word || t.span.start < taken_until {
                    continue;
                }
                let p = t.span.start;
                if !state.0.contains(&p) {
                    state = inside_around(p);
                }
                if state.1 || !t.is(Class::ReportingVerb) {
                    continue;
                }
                let next = toks.get(i + 1).map(|n| n.text(text));
                if next == Some("that") {
                    // SUBJECT VERB that CONTENT
                    let subject = self.subject_before_toks(s.span, &toks[..i]);
                    if matches!(subject, Subject::Unknown) {
                        continue;
                    }
                    let c_start = toks[i + 1].span.end;
                    let mut c_end = s.span.end;
                    for u in &toks[i + 2..] {
                        let w = u.text(text);
                        if (w == ":" || w == ";") && !inside(u.span.start) {
                            c_end = u.span.start;
                            break;
                        }
                    }
                    let content = trim_span(text, Span::new(c_start, c_end));
                    if has_words(content.slice(text), 3) {
                        taken_until = content.end;
                        out.push(Indirect {
                            content,
                            verb: t.span,
                            cue: t.text(text).to_string(),
                            subject,
                        });
                    }
                } else if !index.overlaps(s.span) {
                    // CONTENT, SUBJECT VERB [adverbials].
                    let subject = self.subject_before_toks(s.span, &toks[..i]);
                    let subj_start = match subject {
                        Subject::Entity(_, sp) | Subject::Pronoun(sp) | Subject::Role(sp) => {
                            sp.start
                        }
                        Subject::Unknown => continue,
                    };
                    // walk back over an apposed role: “the Secretary General …, Jens Stoltenberg,”
                    let head = &text[s.span.start..subj_start];
                    let head = head.trim_end();
                    let Some(head) = head.strip_suffix(',') else {
                        continue;
                    };
                    let mut cut = head.len();
                    if let Some(r) =
                        self.role_ending_before(s.span, s.span.start + head.trim_end().len())
                    {
                        let before_role = text[s.span.start..r.start].trim_end();
                        let before_role = before_role
                            .strip_suffix("the")
                            .or_else(|| before_role.strip_suffix("The"))
                            .unwrap_or(before_role)
                            .trim_end();
                        if let Some(h) = before_role.strip_suffix(',') {
                            cut = h.len();
                        }
                    }
                    let content = trim_span(text, Span::new(s.span.start, s.span.start + cut));
                    if has_words(content.slice(text), 4) {
                        taken_until = s.span.end;
                        out.push(Indirect {
                            content,
                            verb: t.span,
                            cue: t.text(text).to_string(),
                            subject,
                        });
                    }
                }
            }
        }
        out
    }

    /// Gives standalone quotes with no cue the speaker of the reported speech
    /// around them.
    fn context_pass(&self, out: &mut [Quote]) {
        // sized up front: `filter` gives `collect` no useful size hint
        let mut attributed: Vec<(usize, usize, usize, Span)> = Vec::with_capacity(out.len());
        attributed.extend(
            out.iter()
                .filter(|q| q.speaker_entity.is_some() && q.kind != QuoteKind::ScareQuote)
                .map(|q| {
                    (
                        q.sentence,
                        q.speaker_entity.unwrap_or_default(),
                        q.span.start,
                        q.speaker_span.unwrap_or(q.span),
                    )
                }),
        );
        for q in out.iter_mut() {
            if q.speaker.is_some()
                || q.kind == QuoteKind::ScareQuote
                || q.kind == QuoteKind::Indirect
            {
                continue;
            }
            let s = q.sentence;
            let prev = attributed
                .iter()
                .rev()
                .find(|(qs, _, start, _)| *start < q.span.start && *qs + 2 >= s && *qs < s);
            let next = attributed
                .iter()
                .find(|(qs, _, start, _)| *start > q.span.start && *qs <= s + 1 && *qs > s);
            if let Some(&(_, e, _, span)) = prev.or(next) {
                q.speaker = Some(self.entities[e].name.clone());
                q.speaker_entity = Some(e);
                q.speaker_span = Some(span);
                q.attribution = Attribution::Context;
            }
        }
    }
}

/// Whether `t` is a non-empty word token.
fn is_word(text: &str, t: &Token) -> bool {
    t.kind == TokKind::Word && !t.text(text).is_empty()
}

/// Words of a role phrase: role nouns and title modifiers.
const TITLE_WORDS: Classes = Classes::all(&[Class::RoleNoun, Class::TitleModifier]);
/// Words of a role phrase, with the role modifiers (“Russian”, “NATO”).
const ROLE_WORDS: Classes = TITLE_WORDS.with(Class::RoleModifier);

/// True when a piece of `s` between chars that are not letters or digits
/// (the pieces of `s.split(|c: char| !c.is_alphanumeric())`) is a
/// reporting verb.
fn has_reporting_verb(s: &str) -> bool {
    let (mut start, mut i) = (0, 0);
    while i < s.len() {
        let Some(c) = char_at(s, i) else { break };
        let len = c.len_utf8();
        if !c.is_alphanumeric() {
            if lexicon::classes(&s[start..i]).has(Class::ReportingVerb) {
                return true;
            }
            start = i + len;
        }
        i += len;
    }
    lexicon::classes(&s[start..]).has(Class::ReportingVerb)
}

/// True when `s` has at least `n` words (whitespace-separated pieces with
/// a letter or digit). Only the thresholds matter to the callers, so the
/// count stops at `n` instead of walking a whole quote: a word counts at
/// its first letter or digit.
fn has_words(s: &str, n: usize) -> bool {
    let mut count = 0;
    // the current piece already counted
    let mut counted = false;
    let mut i = 0;
    while count < n && i < s.len() {
        let Some(c) = char_at(s, i) else { break };
        let len = c.len_utf8();
        if c.is_whitespace() {
            counted = false;
        } else if !counted && c.is_alphanumeric() {
            counted = true;
            count += 1;
        }
        i += len;
    }
    count >= n
}

fn last_word(s: &str) -> &str {
    s.rsplit(|c: char| c.is_whitespace())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

fn last_words(s: &str, n: usize) -> &str {
    let mut idx = s.len();
    for _ in 0..n {
        match s[..idx].trim_end().rfind(char::is_whitespace) {
            Some(i) => idx = i,
            None => return s,
        }
    }
    &s[idx..]
}

/// True when a short quote sits where a modifier goes: after a determiner
/// or possessive and before a noun (“NATO’s ‘open doors’ policy”).
fn is_modifier_slot(before_word: &str, after: &str) -> bool {
    let det = lexicon::classes(before_word).has(Class::Determiner)
        || before_word.ends_with("’s")
        || before_word.ends_with("'s");
    if !det {
        return false; // (the noun test below is pure)
    }
    let next = after
        .split(|c: char| c.is_whitespace())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let noun_next = next.chars().next().is_some_and(char::is_lowercase)
        && next.chars().all(char::is_alphabetic)
        && !lexicon::classes(next)
            .intersects(Classes::all(&[Class::FunctionWord, Class::ReportingVerb]));
    noun_next
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let t = s.trim().trim_end_matches([',', '.', ';', ':', ' ']);
    Span::new(span.start + lead, span.start + lead + t.len())
}

/// Every mention of `entities` as `(span, entity index)`, sorted (as
/// `sort()` sorts the tuples).
///
/// When every offset fits in 24 bits and every entity index in 16, each
/// pair is packed into a `u64` whose integer order is the tuple order
/// (start, then end, then entity), and those are sorted: an integer sort is
/// several times cheaper than sorting the tuples.
fn sorted_mentions(entities: &[Entity]) -> Vec<(Span, usize)> {
    const OFFSET_BITS: u32 = 24;
    const ENTITY_BITS: u32 = 16;
    // sized up front: `flat_map` gives `collect` no useful size hint
    let n = entities.iter().map(|e| e.mentions.len()).sum();
    let all = || {
        entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |s| (*s, i)))
    };
    let mut mentions: Vec<(Span, usize)> = Vec::with_capacity(n);
    if entities.len() < 1 << ENTITY_BITS {
        let mut offsets = 0; // every offset ORed: below 2^24 when all are
        let mut keys: Vec<u64> = Vec::with_capacity(n);
        keys.extend(all().map(|(s, i)| {
            offsets |= s.start | s.end;
            ((s.start as u64) << (OFFSET_BITS + ENTITY_BITS))
                | ((s.end as u64) << ENTITY_BITS)
                | i as u64
        }));
        if offsets < 1 << OFFSET_BITS {
            keys.sort_unstable();
            let field = |k: u64, shift: u32, bits: u32| (k >> shift) as usize & ((1 << bits) - 1);
            mentions.extend(keys.iter().map(|&k| {
                let start = field(k, OFFSET_BITS + ENTITY_BITS, OFFSET_BITS);
                let end = field(k, ENTITY_BITS, OFFSET_BITS);
                (Span::new(start, end), field(k, 0, ENTITY_BITS))
            }));
            return mentions;
        }
    }
    mentions.extend(all());
    mentions.sort();
    mentions
}

/// The “according to” cue, lowercase (matched in any ASCII case).
const ACCORDING_TO: &str = "according to ";

/// Byte offset of every occurrence of [`ACCORDING_TO`] in `text`, in any
/// ASCII case (ASCII folding keeps byte offsets, unlike
/// `str::to_lowercase`), in order. Every occurrence has its only `g` at
/// offset 8, so looking at each `g`/`G` (found by a SIMD search) finds
/// them all.
fn according_to_offsets(text: &str) -> Vec<usize> {
    const G: usize = 8;
    let cue = ACCORDING_TO.as_bytes();
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'g', b'G', bytes)
        .filter_map(|q| q.checked_sub(G))
        .filter(|&p| {
            bytes
                .get(p..p + cue.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(cue))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{entities, sentences};

    fn quotes(text: &str) -> Vec<Quote> {
        let s = sentences::split(text);
        let e = entities::extract(text, &s);
        extract(text, &s, &e)
    }

    fn find<'a>(qs: &'a [Quote], start: &str) -> &'a Quote {
        qs.iter()
            .find(|q| q.text.starts_with(start))
            .unwrap_or_else(|| {
                panic!(
                    "no quote starting {start:?} in {:#?}",
                    qs.iter().map(|q| &q.text).collect::<Vec<_>>()
                )
            })
    }

    #[test]
    fn verb_after_the_quote_in_both_orders() {
        let t = "“We are facing a key moment for security in Europe,” acknowledged NATO secretary Jens Stoltenberg. \
                 “From our perspective, the door to NATO remains open,” Blinken insisted.";
        let q = quotes(t);
        let a = find(&q, "We are facing");
        assert_eq!(a.speaker.as_deref(), Some("Jens Stoltenberg"));
        assert_eq!(a.cue.as_deref(), Some("acknowledged"));
        assert_eq!(a.kind, QuoteKind::Direct);
        assert_eq!(a.attribution, Attribution::Verb);
        assert_eq!(a.span.slice(t), a.text);
        assert_eq!(a.text, "We are facing a key moment for security in Europe");
        let b = find(&q, "From our perspective");
        assert_eq!(b.speaker.as_deref(), Some("Blinken"));
    }

    #[test]
    fn interrupted_quote_continues_with_the_same_speaker() {
        let t = "The head of European diplomacy, Josep Borrell, has warned of the situation: “Europe is in danger”. \
                 “I wish it were different”, he said this Tuesday night at a conference in Brussels, “but the last two years we have experienced a serious worsening. I am convinced that today we are in danger”.";
        let q = quotes(t);
        let marked: Vec<&Quote> = q.iter().filter(|q| q.kind != QuoteKind::Indirect).collect();
        assert_eq!(marked.len(), 3, "{marked:#?}");
        for m in &marked {
            assert_eq!(m.speaker.as_deref(), Some("Josep Borrell"), "{m:?}");
        }
        assert_eq!(marked[0].attribution, Attribution::Colon);
        assert_eq!(marked[1].attribution, Attribution::Pronoun);
        let first_piece = q
            .iter()
            .position(|x| x.text == "I wish it were different")
            .unwrap();
        assert_eq!(find(&q, "but the last").continues, Some(first_piece));
        assert!(find(&q, "but the last").text.ends_with("we are in danger"));
    }

    #[test]
    fn scare_quotes_are_not_speech() {
        let t = "Time.news – NATO’s ‘open doors’ policy does not change. \
                 The Kremlin, according to Washington, could revise the timetable in order not to offend President Xi Jinping with a ‘disturbing’ event. \
                 The US ambassador, John Sullivan, delivered the response regarding new security “agreements” in Europe.";
        let q = quotes(t);
        for w in ["open doors", "disturbing", "agreements"] {
            let x = find(&q, w);
            assert_eq!(x.kind, QuoteKind::ScareQuote, "{x:?}");
            assert_eq!(x.speaker, None);
        }
    }

    #[test]
    fn partial_quotes_in_reported_speech_and_pronouns() {
        let t = "Blinken has also announced that he will speak with the Russian Foreign Minister, Sergei Lavrov, in the “next few days”. \
                 And he has advanced that the “very serious sanctions” if this attack occurs “will financially affect Russia.” \
                 But he reiterated that Washington is “ready” to impose sanctions that would have “serious consequences” if he opted for aggression.";
        let q = quotes(t);
        for w in [
            "next few days",
            "very serious sanctions",
            "will financially",
            "ready",
            "serious consequences",
        ] {
            let x = find(&q, w);
            assert_eq!(x.speaker.as_deref(), Some("Blinken"), "{x:?}");
            assert_eq!(x.kind, QuoteKind::Partial, "{x:?}");
        }
    }

    #[test]
    fn colon_and_role_introductions() {
        let t = "Blinken insisted on talks. Blinken concluded: “Now they have the document and the ball is in their court.” \
                 NATO will reply, the Secretary General of the Atlantic Alliance, Jens Stoltenberg, announced. \
                 Regarding Americans in Ukraine, the US Secretary of State has been clear: “Our message is that you seriously consider leaving.”";
        let q = quotes(t);
        let a = find(&q, "Now they have");
        assert_eq!(
            (a.speaker.as_deref(), a.attribution),
            (Some("Blinken"), Attribution::Colon)
        );
        let b = find(&q, "Our message");
        // the role is Secretary of State, so not Stoltenberg (Secretary General)
        assert_eq!(b.speaker.as_deref(), Some("Blinken"), "{b:?}");
        assert_eq!(b.kind, QuoteKind::Direct);
    }

    #[test]
    fn indirect_speech_with_that_and_trailing_attribution() {
        let t = "And Stoltenberg stressed that every country has the right to join: “The NATO line is defensive.” \
                 NATO, for its part, will deliver its own written brief shortly, the Secretary General of the Atlantic Alliance, Jens Stoltenberg, announced on Tuesday night.";
        let q = quotes(t);
        let a = find(&q, "every country");
        assert_eq!(a.kind, QuoteKind::Indirect);
        assert_eq!(a.text, "every country has the right to join");
        assert_eq!(a.speaker.as_deref(), Some("Jens Stoltenberg"));
        assert_eq!(a.cue.as_deref(), Some("stressed"));
        let b = find(&q, "NATO, for its part");
        assert_eq!(b.kind, QuoteKind::Indirect);
        assert_eq!(
            b.text,
            "NATO, for its part, will deliver its own written brief shortly"
        );
        assert_eq!(b.speaker.as_deref(), Some("Jens Stoltenberg"));
        let c = find(&q, "The NATO line");
        assert_eq!(
            (c.kind, c.speaker.as_deref()),
            (QuoteKind::Direct, Some("Jens Stoltenberg"))
        );
    }

    #[test]
    fn according_to_reports_indirect_speech_with_its_source() {
        let t = "According to Politico, a senior NATO official has delivered the Alliance’s response in Brussels. \
                 The Kremlin, according to Washington, could revise the timetable with a ‘disturbing’ event. \
                 Talks will resume in Geneva next week, according to the Kremlin.";
        let q = quotes(t);
        let a = find(&q, "a senior NATO official");
        assert_eq!(
            (a.kind, a.speaker.as_deref()),
            (QuoteKind::Indirect, Some("Politico"))
        );
        assert_eq!(a.attribution, Attribution::AccordingTo);
        assert_eq!(
            a.text,
            "a senior NATO official has delivered the Alliance’s response in Brussels"
        );
        let b = find(&q, "The Kremlin, according to Washington");
        assert_eq!(b.speaker.as_deref(), Some("Washington"));
        let c = find(&q, "Talks will resume");
        assert_eq!(c.text, "Talks will resume in Geneva next week");
        assert_eq!(c.speaker.as_deref(), Some("Kremlin"));
        // the scare quote is still a scare quote
        assert_eq!(find(&q, "disturbing").kind, QuoteKind::ScareQuote);
    }

    #[test]
    fn context_carries_the_speaker_to_a_standalone_quote() {
        let t = "The US Secretary of State, Antony Blinken added that it is now up to Russia to decide. “We prefer diplomacy, we are ready for dialogue”.\n\n“Unrelated words here,” the crowd chanted.";
        let q = quotes(t);
        let a = find(&q, "We prefer diplomacy");
        assert_eq!(a.speaker.as_deref(), Some("Antony Blinken"));
        assert_eq!(a.attribution, Attribution::Context);
        assert_eq!(a.kind, QuoteKind::Direct);
        let b = find(&q, "Unrelated words");
        assert_eq!(b.speaker, None, "no person: never guess");
        assert_eq!(b.attribution, Attribution::None);
    }

    #[test]
    fn inverted_attribution_with_a_long_apposed_role() {
        // regression: the subject scan stopped before the name
        let t = "“We are facing a key moment,” said the Secretary General of the Atlantic Alliance, Jens Stoltenberg, on Wednesday.";
        let q = quotes(t);
        assert_eq!(
            find(&q, "We are facing").speaker.as_deref(),
            Some("Jens Stoltenberg")
        );
    }

    #[test]
    fn nested_single_quotes_belong_to_the_outer_quote() {
        let t = "“He called the plan ‘a serious diplomatic path’ and we agree,” Borrell said.";
        let q = quotes(t);
        assert_eq!(q.len(), 1, "{q:#?}");
        assert_eq!(
            q[0].text,
            "He called the plan ‘a serious diplomatic path’ and we agree"
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Borrell"));
    }

    #[test]
    fn straight_quotes_guillemets_and_unclosed_quotes() {
        let t = "\"We will not back down,\" said Gen. Mark Milley. «C'est fini», the minister said. Officials added: “It runs to the paragraph end\n\nNext paragraph.";
        let q = quotes(t);
        assert_eq!(
            find(&q, "We will not").speaker.as_deref(),
            Some("Mark Milley")
        );
        assert_eq!(find(&q, "C'est fini").text, "C'est fini");
        let u = find(&q, "It runs");
        assert_eq!(u.text, "It runs to the paragraph end");
    }

    #[test]
    fn two_apostrophes_are_a_double_mark() {
        let t = "''We will rebuild,'' Mayor Lin Wu said. ''I would not call it a 'crisis,''' she added. \
                 It's the mayor's plan: ''Homes first.''";
        let q = quotes(t);
        let texts: Vec<&str> = q.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "We will rebuild",
                "I would not call it a 'crisis,'",
                "Homes first."
            ]
        );
        for x in &q[..2] {
            assert_eq!(x.span.slice(t), x.text);
            assert_eq!(x.speaker.as_deref(), Some("Lin Wu"), "{x:?}");
        }
    }

    #[test]
    fn according_to_offsets_finds_every_cue_in_any_ascii_case() {
        let naive = |t: &str| -> Vec<usize> {
            let (b, cue) = (t.as_bytes(), ACCORDING_TO.as_bytes());
            (0..=b.len().saturating_sub(cue.len()))
                .filter(|&p| b.len() >= cue.len() && b[p..p + cue.len()].eq_ignore_ascii_case(cue))
                .collect()
        };
        let mut texts = vec![
            String::new(),
            "according to ".into(),
            "ACCORDING TO the Kremlin, according to NATO and AcCoRdInG tO x".into(),
            "according to".into(),
            "gggg according  to accordingto according to\u{e9}g according to ".into(),
        ];
        for pad in 0..9 {
            texts.push(format!(
                "{}é according to “x” accordinG To y, according to ",
                "g".repeat(pad)
            ));
        }
        for t in &texts {
            assert_eq!(according_to_offsets(t), naive(t), "{t:?}");
        }
    }

    #[test]
    fn sentence_of_agrees_with_the_binary_search() {
        let text = "One. Two words here.\n\nThree “four.” Five";
        let split = sentences::split(text);
        let sentence = |span: Span| Sentence { span, ..split[0] };
        // as split, then overlapping and out of order (no remembered sentence)
        let odd = vec![
            sentence(Span::new(0, 12)),
            sentence(Span::new(5, 30)),
            sentence(Span::new(3, 4)),
            sentence(Span::new(31, text.len())),
        ];
        for ss in [split.clone(), odd] {
            let analysis = Analysis::with_sentences(text, ss.clone());
            let ctx = Ctx::new(&analysis, &[]);
            let naive = |pos: usize| match ss.binary_search_by(|s| {
                if s.span.end <= pos {
                    std::cmp::Ordering::Less
                } else if s.span.start > pos {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            }) {
                Ok(i) => i,
                Err(i) => i.min(ss.len() - 1),
            };
            let n = text.len() + 2;
            for pos in (0..n).chain((0..n).rev()).chain((0..n).map(|i| i * 7 % n)) {
                assert_eq!(ctx.sentence_of(pos), naive(pos), "{pos}");
            }
        }
    }

    #[test]
    fn text_scans_agree_with_split() {
        let texts = [
            "",
            " ",
            "said",
            "“We,” he said, “will”",
            "a b\u{b}c\u{a0}d\u{2003}e 42 — , . said",
            "Blinken SAID: x-said said’s ééé 日本 told\t\nnoted",
            "  ,  ,,  said",
            "x\u{212a}s thinks",
        ];
        for t in texts {
            let verb = t
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| lexicon::classes(w).has(Class::ReportingVerb));
            assert_eq!(has_reporting_verb(t), verb, "{t:?}");
            for n in 0..8 {
                let words = t
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .take(n)
                    .count()
                    == n;
                assert_eq!(has_words(t, n), words, "{t:?} {n}");
            }
        }
    }

    #[test]
    fn sorted_mentions_sorts_like_the_tuples() {
        let entity = |spans: &[(usize, usize)]| Entity {
            name: String::new(),
            kind: EntityKind::Person,
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: spans.iter().map(|&(s, e)| Span::new(s, e)).collect(),
        };
        let big = 1 << 24;
        for extra in [(5, 9), (big, big + 3)] {
            // overlapping, nested, repeated and out-of-order mentions; the
            // second round goes past 24 bits (the tuple sort)
            let es = vec![
                entity(&[(40, 45), (3, 9), (3, 9), (70, 80)]),
                entity(&[(3, 12), (40, 45), extra, (0, 2)]),
                entity(&[(71, 74), (3, 9)]),
            ];
            let mut naive: Vec<(Span, usize)> = es
                .iter()
                .enumerate()
                .flat_map(|(i, e)| e.mentions.iter().map(move |s| (*s, i)))
                .collect();
            naive.sort();
            assert_eq!(sorted_mentions(&es), naive);
        }
    }

    #[test]
    fn mark_bytes_finds_every_mark_start() {
        let t = "plain text, no marks at all here \u{2}\u{7} — x “a” ‘b’ «c» \"d\" 'e' \u{a0}é;"
            .repeat(3);
        let b = t.as_bytes();
        let naive: Vec<usize> = (0..b.len()).filter(|&i| is_mark_byte(b[i])).collect();
        let mut found = Vec::new();
        let mut marks = MarkBytes::new(b);
        let mut from = 0;
        while let Some(i) = marks.next(from) {
            found.push(i);
            from = i + 1;
        }
        assert_eq!(found, naive);
        // from any start, and with hits remembered from an earlier start
        // (asked in increasing order, then in decreasing order)
        let mut marks = MarkBytes::new(b);
        let froms: Vec<usize> = (0..=b.len() + 1).chain((0..=b.len() + 1).rev()).collect();
        for from in froms {
            let first = naive.iter().copied().find(|&i| i >= from);
            assert_eq!(MarkBytes::new(b).next(from), first);
            assert_eq!(marks.next(from), first, "{from}");
        }
    }

    #[test]
    fn no_single_char_is_a_reporting_verb() {
        // the indirect-speech pass skips punctuation tokens (one char each)
        // without asking
        let mut buf = [0u8; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert!(
                !lexicon::classes(c.encode_utf8(&mut buf)).has(Class::ReportingVerb),
                "{c:?}"
            );
        }
    }

    #[test]
    fn junk_and_unbalanced_marks_do_not_panic() {
        for t in [
            "“",
            "”",
            "‘’",
            "“”“”",
            "\"\"\"",
            "« » „ “ ‘ ’ ' \"",
            "he said “",
            "“ said he”",
            &"“a” ".repeat(1000),
        ] {
            let q = quotes(t);
            for x in q {
                assert_eq!(x.span.slice(t), x.text);
            }
        }
    }
}
