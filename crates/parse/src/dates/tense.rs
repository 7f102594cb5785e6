//! The tense of the clause around a date (news mode): does a bare
//! weekday, month, quarter or season lie in the past or the future of the
//! article's date?
//!
//! The clause is read on the analysis pieces of the sentence: back from
//! the expression to the previous clause punctuation or clause word
//! (class `clause_boundary`), forward to the next, at most ten words each
//! way. The cue nearest the expression decides: a future cue
//! ([`TENSE_RULES`] `future`: class `future_cue`, words and phrases, and
//! `’ll`), a past cue (`past`: class `past_cue`, not right after
//! “be”/“been”/“being”), or an `-ed` verb right before the expression
//! (not a state after a linking verb: “will remain closed until Monday”).
//! Without a cue the clause is in the past (news mode).

use super::Ctx;
use crate::lexicon::Class;
use crate::model::Span;
use crate::rules::{Pattern, Rule, RuleSet};
use crate::text::{is_regular_past, TokKind};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::sync::LazyLock;

/// Past or future.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Tense {
    Past,
    Future,
}

/// The cues of a clause's tense, and the words skipped when looking for
/// the verb right before an expression.
pub(super) const TENSE_RULES: &[Rule] = &[
    Rule {
        name: "future",
        pattern: "( @future_cue | /.+['’]ll/ )",
        examples: &[
            "The minister [will] visit Kyiv on Friday.",
            "The bridge [is due] to open in June.",
            "The company [expects to] report results in mid-November.",
            "The bridge, [due to] open in June, is late.",
            "They [are due] in court on Monday.",
            "Relatives could come [as early as] Tuesday.",
            "The vote [is to] be held in March.",
            "A vote [to be held] in March was called.",
            "[We’ll] meet on Friday.",
            "!The bridge opened in June.",
        ],
    },
    Rule {
        name: "past",
        pattern: "(?<! be | been | being ) ( @past_cue | @past_verb )",
        examples: &[
            "The minister [met] Lavrov on Friday.",
            "The vote [was] held in March.",
            "!The vote will be held in March.",
            "!The talks have been held in Geneva.",
        ],
    },
    Rule {
        name: "filler",
        pattern: "( @article | @date_preposition | @date_modifier | @date_part | on | at )",
        examples: &["He resigned [on] Friday.", "!He resigned Friday."],
    },
];

/// The rules of [`TENSE_RULES`], compiled once.
pub(super) fn rule_set() -> &'static RuleSet {
    static R: LazyLock<RuleSet> = LazyLock::new(|| {
        RuleSet::new(TENSE_RULES).expect("the tense rules parse (a unit test checks them)")
    });
    &R
}

/// The three tense rules' patterns, found by name once (not at every
/// [`clause_tense`]).
struct TensePatterns {
    future: &'static Pattern,
    past: &'static Pattern,
    filler: &'static Pattern,
}

fn patterns() -> &'static TensePatterns {
    static P: LazyLock<TensePatterns> = LazyLock::new(|| {
        let pattern = |name| {
            rule_set()
                .pattern(name)
                .expect("every tense rule name used is declared")
        };
        TensePatterns {
            future: pattern("future"),
            past: pattern("past"),
            filler: pattern("filler"),
        }
    });
    &P
}

/// True for punctuation that ends a clause.
fn is_clause_punct(w: &str) -> bool {
    matches!(
        w,
        "," | ";"
            | ":"
            | "("
            | ")"
            | "["
            | "]"
            | "“"
            | "”"
            | "\""
            | "–"
            | "—"
            | "…"
            | "."
            | "!"
            | "?"
    )
}

/// The pieces [`SentenceCues`] makes room for at the first sentence that
/// asks (most sentences have fewer).
const SENTENCE_ROOM: usize = 64;

/// The pieces a clause window gets room for at the first (ten words and
/// the punctuation between them: grown from empty, a window was
/// allocated three times in an article).
const WINDOW_ROOM: usize = 16;

/// What [`clause_tense`] found at one piece of a sentence.
#[derive(Clone, Copy, Default)]
struct PieceCues {
    /// The tense cue starting at the piece and its span, once read.
    cue: Option<Option<(Tense, Span)>>,
    /// Whether the piece is a filler (rule `filler`), once read.
    filler: Option<bool>,
}

/// The tense cues of the current sentence's pieces, each read at most
/// once: a sentence's date mentions share their clause windows, so their
/// pieces are not matched against the tense rules again for each mention.
///
/// It also keeps the buffers of [`clause_tense`]'s clause windows, so
/// that a mention's windows are no new vectors.
///
/// The entries of a sentence are made when it first asks for one (most
/// sentences have no mention whose tense is read): `.2` is the sentence's
/// number of pieces.
#[derive(Default)]
pub(crate) struct SentenceCues(
    RefCell<Vec<PieceCues>>,
    RefCell<[Vec<usize>; 2]>,
    Cell<usize>,
);

impl SentenceCues {
    /// Forgets the previous sentence; the next has `len` pieces.
    pub(super) fn reset(&self, len: usize) {
        self.0.borrow_mut().clear();
        self.2.set(len);
    }

    /// The entry of sentence piece `k`, computed by `read` the first time.
    fn get<T: Copy>(
        &self,
        k: usize,
        field: fn(&mut PieceCues) -> &mut Option<T>,
        read: impl FnOnce() -> T,
    ) -> T {
        {
            let mut cues = self.0.borrow_mut();
            if cues.is_empty() {
                // room for most sentences at the first (made for the
                // first sentence's length, the vector grew again at each
                // longer one)
                cues.reserve(self.2.get().max(SENTENCE_ROOM));
                cues.resize(self.2.get(), PieceCues::default());
            }
            if let Some(v) = *field(&mut cues[k]) {
                return v;
            }
        }
        let v = read();
        *field(&mut self.0.borrow_mut()[k]) = Some(v);
        v
    }
}

/// Decides past or future for the expression over pieces `first..end` of
/// the current sentence, with the cue that decided it (`None` = the
/// news-mode default, past).
pub(super) fn clause_tense<'t>(
    ctx: &Ctx<'t>,
    first: usize,
    end: usize,
) -> (Tense, Option<Cow<'t, str>>) {
    let text = ctx.text;
    let toks = ctx.toks;
    let sent = &ctx.sentence;
    let is_clause_word = |i: usize| toks[i].is(Class::ClauseBoundary);
    let mut windows = ctx.tense_cues.1.borrow_mut();
    let [left, right] = &mut *windows;
    // Left window: back to the last clause punctuation or clause word, at
    // most ten words, from before a clock time right before the expression
    // (“opens at 17:30 GMT Friday”: its colon ends no clause).
    left.clear();
    left.reserve(WINDOW_ROOM);
    let mut left_words = 0;
    let mut i = ctx.clock_before(first);
    while i > sent.start {
        i -= 1;
        let t = &toks[i];
        if (t.kind == TokKind::Punct && is_clause_punct(t.text(text))) || is_clause_word(i) {
            break;
        }
        left.push(i);
        left_words += usize::from(t.kind != TokKind::Punct);
        if left_words >= 10 {
            break;
        }
    }
    left.reverse();
    let sentence_slice = &toks[sent.clone()];
    let at = |p: &Pattern, i: usize| p.match_at(text, sentence_slice, i - sent.start);
    let TensePatterns {
        future,
        past,
        filler,
    } = patterns();
    let is_filler = |i: usize| {
        toks[i].kind == TokKind::Punct
            || ctx.tense_cues.get(
                i - sent.start,
                |p| &mut p.filler,
                || at(filler, i).is_some(),
            )
    };
    let at_clause_start = left.iter().all(|&i| is_filler(i));
    // Right window: forward to the next clause punctuation (past the
    // first one when the expression opens its clause: “On Friday, he will
    // …”) or clause word, at most ten words.
    right.clear();
    right.reserve(WINDOW_ROOM);
    let mut right_words = 0;
    let mut skipped = false;
    let mut i = end;
    while i < sent.end {
        let t = &toks[i];
        if t.kind == TokKind::Punct && is_clause_punct(t.text(text)) {
            if at_clause_start && !skipped && i == end {
                skipped = true;
                i += 1;
                continue;
            }
            break;
        }
        if is_clause_word(i) || right_words >= 10 {
            break;
        }
        right.push(i);
        right_words += usize::from(t.kind != TokKind::Punct);
        i += 1;
    }

    let (start_byte, end_byte) = (toks[first].span.start, toks[end - 1].span.end);
    // the nearest cue: its distance, tense and text (written out once, for
    // the one that decides)
    let mut best: Option<(usize, Tense, Cue)> = None;
    let mut consider = |dist: usize, tense: Tense, cue: Cue| {
        if best.as_ref().is_none_or(|b| dist < b.0) {
            best = Some((dist, tense, cue));
        }
    };
    let cue_at = |i: usize| -> Option<(Tense, Span)> {
        ctx.tense_cues.get(
            i - sent.start,
            |p| &mut p.cue,
            || {
                if let Some(m) = at(future, i) {
                    return Some((Tense::Future, m.span(sentence_slice)));
                }
                at(past, i).map(|m| (Tense::Past, m.span(sentence_slice)))
            },
        )
    };
    for &i in left.iter().chain(right.iter()) {
        if let Some((t, cue)) = cue_at(i) {
            let s = toks[i].span;
            let dist = if s.end <= start_byte {
                start_byte - s.end
            } else {
                s.start.saturating_sub(end_byte)
            };
            consider(dist, t, Cue::Match(cue));
        }
    }
    // An -ed verb right before the expression (“announced on Tuesday”),
    // not a state after a linking verb (“will remain closed until Monday”).
    if let Some(&i) = left.iter().rev().find(|&&i| !is_filler(i)) {
        let w = toks[i].text(text);
        let linked = (sent.start..i)
            .rev()
            .find(|&k| toks[k].kind != TokKind::Punct)
            .is_some_and(|k| toks[k].is(Class::LinkingVerb));
        if is_regular_past(w)
            && !linked
            && !toks[i].is(Class::FutureCue)
            && !w.eq_ignore_ascii_case("expected")
        {
            consider(
                start_byte - toks[i].span.end,
                Tense::Past,
                Cue::Verb(toks[i].span),
            );
        }
    }
    match best {
        Some((_, t, cue)) => (t, Some(cue.text(text))),
        None => (Tense::Past, None),
    }
}

/// The cue that decided a clause's tense, before its text is written.
enum Cue {
    /// A tense rule's match: its text, lowercased.
    Match(Span),
    /// An -ed verb: its text, ASCII lowercased.
    Verb(Span),
}

impl Cue {
    /// Its text, lowercased: borrowed from `text` when it is lowercase
    /// already, as nearly every cue is (“will”, “announced”).
    fn text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match self {
            Cue::Match(s) => {
                let w = s.slice(text);
                if w.chars().flat_map(char::to_lowercase).eq(w.chars()) {
                    Cow::Borrowed(w)
                } else {
                    Cow::Owned(w.to_lowercase())
                }
            }
            Cue::Verb(s) => {
                let w = s.slice(text);
                if w.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(w.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(w)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tense_rules_examples() {
        let failures = crate::rules::check_examples(TENSE_RULES);
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
