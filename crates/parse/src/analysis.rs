//! The analysis layer: what every extractor reads, computed once per
//! article.
//!
//! [`Analysis::new`] splits the text into sentences
//! ([`crate::sentences::split`]), tokenizes each sentence with the one
//! tokenizer of the crate (words, numbers and punctuation with byte spans,
//! each word with its [`Shape`] and its lexicon [`Classes`]), and finds the
//! gazetteer's organisations and places. The extractors (entities, quotes,
//! dates, quantities) take an `&Analysis` instead of tokenizing or looking
//! words up themselves: a word test is a bit test on a token
//! (`token.is(Class::ReportingVerb)`), and a pre-filter is "some token of
//! the sentence has class X".
//!
//! ```
//! use crosscheck_parse::analysis::{Analysis, Shape, TokKind};
//! use crosscheck_parse::lexicon::Class;
//!
//! let text = "NATO’s chief warned on Friday. “We are ready,” he said.";
//! let a = Analysis::new(text);
//! assert_eq!(a.sentences().len(), 2);
//! let words: Vec<&str> = a.sentence_tokens(0).iter().map(|t| t.text(text)).collect();
//! assert_eq!(words, ["NATO’s", "chief", "warned", "on", "Friday", "."]);
//! let t = a.sentence_tokens(0);
//! assert!(t[0].shape.has(Shape::POSSESSIVE) && t[0].shape.has(Shape::ALL_CAPS));
//! assert!(t[1].is(Class::RoleNoun) && t[2].is(Class::ReportingVerb));
//! assert!(t[4].is(Class::Weekday) && t[5].kind == TokKind::Punct);
//! // the gazetteer found NATO
//! let hits: Vec<&str> = a.gazetteer_hits().map(|h| h.name).collect();
//! assert_eq!(hits, ["NATO"]);
//! ```

use crate::lexicon::{self, gazetteer, Classes};
use crate::model::{Sentence, Span};
pub use crate::text::{Shape, TokKind, Token};
use aho_corasick::automaton::Automaton;
use aho_corasick::automaton::StateID;
use aho_corasick::dfa::DFA;
#[cfg(test)]
use aho_corasick::AhoCorasick;
use aho_corasick::{Anchored, MatchKind, StartKind};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

/// One article analysed: its sentences, their tokens and the gazetteer's
/// hits. Read-only once built.
pub struct Analysis<'t> {
    text: &'t str,
    sentences: Vec<Sentence>,
    /// Every token of every sentence, in text order.
    tokens: Vec<Token>,
    /// `tokens[ends[i - 1]..ends[i]]` are the tokens of sentence `i`.
    ends: Vec<usize>,
    /// Gazetteer mentions on whole words: (span, gazetteer entry), sorted;
    /// no ambiguous place.
    gazetteer: Vec<(Span, usize)>,
    /// The mentions of ambiguous places (“Dallas”, “Jackson”), sorted:
    /// a place or not by its context (see [`crate::entities`]).
    ambiguous_places: Vec<(Span, usize)>,
    /// [`crate::rules::pieces`] of all the tokens, made on first use.
    pieces: OnceLock<Vec<Token>>,
}

/// An organisation or place of the gazetteer found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazetteerHit {
    /// The words as written in the text (“the Alliance” gives “Alliance”).
    pub span: Span,
    /// The entry's canonical name (“NATO”).
    pub name: &'static str,
    /// A place (from `data/places.tsv`) rather than an organisation.
    pub is_place: bool,
}

impl<'t> Analysis<'t> {
    /// Analyses `text`: sentences from [`crate::sentences::split`].
    pub fn new(text: &'t str) -> Self {
        Self::with_sentences(text, crate::sentences::split(text))
    }

    /// Analyses `text` with the sentences given (trimmed spans of `text`
    /// in text order, as [`crate::sentences::split`] makes them; the
    /// public per-extractor functions take them from their callers).
    pub fn with_sentences(text: &'t str, sentences: Vec<Sentence>) -> Self {
        let mut tokens = spare_tokens(text.len() / 5 + 1);
        // the other lists in the room of the last analysis's
        let SpareLists {
            mut ends,
            mut gazetteer,
            mut ambiguous_places,
        } = SPARE_LISTS.with(RefCell::take);
        ends.clear();
        ends.reserve(sentences.len());
        for s in &sentences {
            crate::text::tokenize_into(text, s.span, &mut tokens);
            ends.push(tokens.len());
        }
        gazetteer_scan_into(text, &mut gazetteer, &mut ambiguous_places);
        Analysis {
            text,
            sentences,
            tokens,
            ends,
            gazetteer,
            ambiguous_places,
            pieces: OnceLock::new(),
        }
    }

    /// The article text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The sentences, in text order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Every token of every sentence, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The indices in [`Analysis::tokens`] of sentence `i`'s tokens (empty
    /// past the last sentence).
    pub fn sentence_token_range(&self, i: usize) -> Range<usize> {
        match self.ends.get(i) {
            Some(&end) => (if i == 0 { 0 } else { self.ends[i - 1] })..end,
            None => 0..0,
        }
    }

    /// The tokens of sentence `i` (empty past the last sentence).
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentence_token_range(i)]
    }

    /// The tokens of each sentence, in order.
    pub fn tokens_by_sentence(&self) -> impl Iterator<Item = &[Token]> {
        (0..self.sentences.len()).map(|i| self.sentence_tokens(i))
    }

    /// True when some token of sentence `i` has a class of `classes`: the
    /// pre-filter of a rule that needs such a word.
    pub fn sentence_has(&self, i: usize, classes: Classes) -> bool {
        self.sentence_tokens(i)
            .iter()
            .any(|t| t.classes.intersects(classes))
    }

    /// Every token with hyphenated words cut at their hyphens: what the
    /// token rules of [`crate::rules`] match over (see
    /// [`crate::rules::pieces`]). Made once, on first use.
    pub fn pieces(&self) -> &[Token] {
        self.pieces.get_or_init(|| {
            let mut pieces = spare_tokens(crate::rules::pieces_room(self.tokens.len()));
            crate::rules::ordered_pieces_into(self.text, &self.tokens, &mut pieces);
            pieces
        })
    }

    /// The gazetteer's organisations and places found on whole words, in
    /// text order. An ambiguous place (a name also a person's or a word,
    /// “Jackson”) is not among them: the entities read it in context.
    pub fn gazetteer_hits(&self) -> impl Iterator<Item = GazetteerHit> + '_ {
        let g = gazetteer();
        self.gazetteer.iter().map(move |&(span, id)| GazetteerHit {
            span,
            name: g[id].name,
            is_place: g[id].is_place,
        })
    }

    /// The gazetteer mentions as (span, entry index into
    /// [`lexicon::gazetteer`]), sorted.
    pub(crate) fn gazetteer_mentions(&self) -> &[(Span, usize)] {
        &self.gazetteer
    }

    /// The mentions of the gazetteer's ambiguous places (“Dallas”,
    /// “Jackson”), as (span, entry index), sorted: not in
    /// [`Analysis::gazetteer_mentions`].
    pub(crate) fn ambiguous_places(&self) -> &[(Span, usize)] {
        &self.ambiguous_places
    }

    /// The classes of token `t`'s text with a possessive ending removed
    /// (“Putin’s” → those of “Putin”): the token's own classes when it
    /// has no such ending.
    pub fn classes_without_possessive(&self, t: &Token) -> Classes {
        if t.shape.has(Shape::POSSESSIVE) {
            lexicon::classes(crate::entities::strip_possessive(t.text(self.text)))
        } else {
            t.classes
        }
    }

    /// The sentences, giving up the analysis (for [`crate::Extraction`]).
    pub(crate) fn into_sentences(mut self) -> Vec<Sentence> {
        std::mem::take(&mut self.sentences)
    }
}

impl Drop for Analysis<'_> {
    /// Keeps the token vectors and the other lists for the next analysis
    /// on this thread.
    fn drop(&mut self) {
        keep_spare(std::mem::take(&mut self.tokens));
        if let Some(pieces) = self.pieces.take() {
            keep_spare(pieces);
        }
        let lists = SpareLists {
            ends: std::mem::take(&mut self.ends),
            gazetteer: std::mem::take(&mut self.gazetteer),
            ambiguous_places: std::mem::take(&mut self.ambiguous_places),
        };
        let largest = lists
            .ends
            .capacity()
            .max(lists.gazetteer.capacity())
            .max(lists.ambiguous_places.capacity());
        if largest <= SPARE_MAX {
            SPARE_LISTS.with(|spare| spare.replace(lists));
        }
    }
}

/// An analysis's lists besides its tokens (emptied when reused): the
/// ends of its sentences' tokens, its gazetteer mentions and its
/// ambiguous places. Kept only when none holds more than `SPARE_MAX`
/// entries: a larger article's lists go back to the allocator.
#[derive(Default)]
struct SpareLists {
    ends: Vec<usize>,
    gazetteer: Mentions,
    ambiguous_places: Mentions,
}

thread_local! {
    /// The token vectors of the last analysis dropped on this thread
    /// (its tokens and pieces), emptied: the next article's analysis
    /// fills them. A long article's two vectors are blocks of about ten
    /// bytes per byte of text; allocated afresh for each article, their
    /// cost (page faults, the allocator's consolidation of freed blocks)
    /// depended on the state of the heap.
    static SPARE_TOKENS: RefCell<Vec<Vec<Token>>> = const { RefCell::new(Vec::new()) };

    /// The other lists of the last analysis dropped on this thread: the
    /// next analysis fills them instead of allocating its own (the
    /// gazetteer mentions of a 3 KB article took a block of more than
    /// 1 KB, which malloc serves from its slower large bins).
    static SPARE_LISTS: RefCell<SpareLists> = RefCell::new(SpareLists::default());
}

/// The most tokens a spare vector keeps room for (3 MB): the vectors of a
/// larger article go back to the allocator.
const SPARE_MAX: usize = 1 << 16;

/// An empty token vector with room for `room` tokens: a spare one when
/// the thread has one that large (a smaller one is left for the next
/// call), else a new one.
fn spare_tokens(room: usize) -> Vec<Token> {
    SPARE_TOKENS
        .with(|spare| {
            let mut spare = spare.borrow_mut();
            let fits = spare.iter().position(|v| v.capacity() >= room)?;
            Some(spare.swap_remove(fits))
        })
        .unwrap_or_else(|| Vec::with_capacity(room))
}

/// Keeps `tokens`' room for [`spare_tokens`]: the two largest vectors
/// (an analysis takes two), so that short articles after a long one
/// leave the long one's room in place.
fn keep_spare(mut tokens: Vec<Token>) {
    if tokens.capacity() == 0 || tokens.capacity() > SPARE_MAX {
        return;
    }
    tokens.clear();
    SPARE_TOKENS.with(|spare| {
        let mut spare = spare.borrow_mut();
        spare.push(tokens);
        if spare.len() > 2 {
            let smallest = (0..spare.len())
                .min_by_key(|&i| spare[i].capacity())
                .unwrap_or(0);
            spare.swap_remove(smallest);
        }
    });
}

/// Every organisation and place name and alias of the gazetteer (a leading
/// “the ” removed), and the gazetteer entry of each.
struct GazetteerNames {
    /// Anchored, leftmost-longest: the longest name starting at a place
    /// ([`GazetteerNames::longest_at`]).
    dfa: DFA,
    /// The DFA's anchored start state.
    start: StateID,
    /// Gazetteer entry of each pattern.
    entry: Vec<usize>,
    /// Whether each pattern names an ambiguous place.
    ambiguous: Vec<bool>,
    /// Whether each pattern is a name only after “the”
    /// ([`gazetteer_names`]).
    needs_the: Vec<bool>,
    /// `first[b]`: some name starts with byte `b`.
    first: [bool; 256],
    /// `first_of_two[usize::from(u16::from_le_bytes([b0, b1]))]`: bit 0
    /// set when a name may start at `b0` ([`GazetteerNames::may_start`]
    /// with `b1` next), bit 1 `first[b1]`: the start bits of two bytes in
    /// one table read (64 KiB), the first of them checked already.
    first_of_two: Box<[u8; 1 << 16]>,
    /// Bit `b0 << 8 | b1`: some name starts with bytes `b0 b1`, or is the
    /// one byte `b0`. A start the DFA would leave at once is dropped with
    /// one bit test.
    pairs: Box<[u64; 1024]>,
}

/// The gazetteer's names without a leading “the ”, with their entry, and
/// whether the name needs its “the” in the text: a name written with it
/// whose bare form the entry does not list too (“the Union” is the
/// European Union, “Union boss Pat Cullen” is not; “the Kremlin” and
/// “Kremlin” both are).
fn gazetteer_names() -> Vec<(&'static str, usize, bool)> {
    let mut out = Vec::new();
    for (i, e) in gazetteer().iter().enumerate() {
        let names = || std::iter::once(&e.name).chain(e.aliases.iter());
        for n in names() {
            let bare = n.strip_prefix("the ").or_else(|| n.strip_prefix("The "));
            let needs_the = bare.is_some_and(|b| !names().any(|m| m == &b));
            let n = bare.unwrap_or(n);
            if !n.is_empty() {
                out.push((n, i, needs_the));
            }
        }
    }
    out
}

impl GazetteerNames {
    /// The longest name starting at byte `s` of `bytes`, as `(end,
    /// pattern)`: what an anchored leftmost-longest search of `s..` finds,
    /// walked on the DFA directly (the generic search's setup costs more
    /// than the few steps a walk takes before it dies).
    fn longest_at(&self, bytes: &[u8], s: usize) -> Option<(usize, usize)> {
        let dfa = &self.dfa;
        let mut sid = self.start;
        let mut found = None;
        for (at, &b) in bytes.iter().enumerate().skip(s) {
            sid = dfa.next_state(Anchored::Yes, sid, b);
            if dfa.is_special(sid) {
                if dfa.is_dead(sid) {
                    break;
                }
                if dfa.is_match(sid) {
                    found = Some((at + 1, dfa.match_pattern(sid, 0).as_usize()));
                }
            }
        }
        found
    }
}

static GAZETTEER_NAMES: LazyLock<GazetteerNames> = LazyLock::new(|| {
    let names = gazetteer_names();
    let mut first = [false; 256];
    for (n, _, _) in &names {
        first[usize::from(n.as_bytes()[0])] = true;
    }
    let mut pairs = Box::new([0u64; 1024]);
    for (n, _, _) in &names {
        let b = n.as_bytes();
        let seconds = match b.get(1) {
            Some(&b1) => b1..=b1,
            None => 0..=255,
        };
        for b1 in seconds {
            let bit = pair_bit(b[0], b1);
            pairs[bit >> 6] |= 1 << (bit & 63);
        }
    }
    let mut first_of_two = Box::new([0u8; 1 << 16]);
    for (i, bits) in (0..=u16::MAX).zip(first_of_two.iter_mut()) {
        let [b0, b1] = i.to_le_bytes();
        let bit = pair_bit(b0, b1);
        let may_start = pairs[bit >> 6] >> (bit & 63) & 1 != 0;
        *bits = u8::from(may_start) | u8::from(first[usize::from(b1)]) << 1;
    }
    let dfa = DFA::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(names.iter().map(|(n, _, _)| n))
        .expect("gazetteer names build an automaton");
    GazetteerNames {
        start: dfa
            .start_state(Anchored::Yes)
            .expect("an anchored start state"),
        dfa,
        entry: names.iter().map(|&(_, e, _)| e).collect(),
        ambiguous: names
            .iter()
            .map(|&(_, e, _)| gazetteer()[e].ambiguous)
            .collect(),
        needs_the: names.iter().map(|&(_, _, t)| t).collect(),
        first,
        first_of_two,
        pairs,
    }
});

/// The bit of [`GazetteerNames::pairs`] for the bytes `b0 b1`.
fn pair_bit(b0: u8, b1: u8) -> usize {
    usize::from(b0) << 8 | usize::from(b1)
}

impl GazetteerNames {
    /// True when a name may start at byte `s` of `bytes` (`bytes[s]` is
    /// some name's first byte): its next byte continues some name, or
    /// there is none.
    fn may_start(&self, bytes: &[u8], s: usize) -> bool {
        match bytes.get(s + 1) {
            Some(&b1) => {
                let bit = pair_bit(bytes[s], b1);
                self.pairs[bit >> 6] >> (bit & 63) & 1 != 0
            }
            None => true,
        }
    }
}

/// True when no letter or digit touches `span` of `text` on either side.
fn whole_words(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    // (the tokenizer's `is_alphanumeric`: the curly quotes and dashes
    // around names answer without the Unicode tables)
    let alnum = crate::text::is_alphanumeric;
    before.is_none_or(|c| !alnum(c)) && after.is_none_or(|c| !alnum(c))
}

/// Gazetteer mentions: (span, entry index), sorted.
type Mentions = Vec<(Span, usize)>;

/// [`gazetteer_scan_into`]'s mentions but the ambiguous places: what
/// [`Analysis::gazetteer_mentions`] holds.
#[cfg(test)]
pub(crate) fn gazetteer_mentions(text: &str) -> Vec<(Span, usize)> {
    gazetteer_scan(text).0
}

/// [`gazetteer_scan_into`] two new vectors: (mentions, ambiguous places).
#[cfg(test)]
fn gazetteer_scan(text: &str) -> (Mentions, Mentions) {
    let (mut out, mut ambiguous) = (Vec::new(), Vec::new());
    gazetteer_scan_into(text, &mut out, &mut ambiguous);
    (out, ambiguous)
}

/// Gazetteer matches on whole words, case-sensitive: `(span, entry index)`,
/// in text order: the leftmost-longest matches of the names (as an
/// unanchored `find_iter` gives them) that have no letter or digit right
/// before or after them (a possessive after the name is fine: “NATO’s”).
///
/// The next leftmost-longest match is the longest one at the first place
/// (from the end of the previous match) where a name matches, so it is
/// found by an anchored search at each place in turn, skipping the bytes
/// no name starts with (most of the text). The places are found a block
/// of 64 bytes at a time: a bit set of the block's bytes that start a
/// name, made without a branch per byte, then its set bits in order.
///
/// The matches of ambiguous places (“Dallas”, “Jackson”) go to
/// `ambiguous`, apart from the others (to `out`); both are emptied first.
fn gazetteer_scan_into(text: &str, out: &mut Mentions, ambiguous: &mut Mentions) {
    let g = &*GAZETTEER_NAMES;
    let bytes = text.as_bytes();
    out.clear();
    ambiguous.clear();
    // room for a mention in every 64 bytes (the seeds hold one in 72):
    // grown from nothing, a long article's vector was copied at each of
    // ten doublings
    out.reserve(text.len() / 64);
    // the next place a match may start: the end of the previous one
    let mut from = 0;
    for (b, block) in bytes.chunks(64).enumerate() {
        // bit k: block[k] starts some name (a whole block two bytes at a
        // time, read eight at a time; the last block byte by byte);
        // `checked`: the bits known to pass `may_start` already (the first
        // byte of each two)
        let (mut starts, checked) = if block.len() == 64 {
            let starts = block.chunks_exact(8).rev().fold(0u64, |set, eight| {
                let w = u64::from_le_bytes(eight.try_into().expect("8 bytes"));
                // its four pairs, the last first
                (0..4).rev().fold(set, |set, k| {
                    let two = usize::from((w >> (16 * k)) as u16);
                    set << 2 | u64::from(g.first_of_two[two])
                })
            });
            (starts, 0x5555_5555_5555_5555u64)
        } else {
            let starts = block.iter().rev().fold(0u64, |set, &c| {
                set << 1 | u64::from(g.first[usize::from(c)])
            });
            (starts, 0)
        };
        while starts != 0 {
            let k = starts.trailing_zeros();
            let s = b * 64 + k as usize;
            starts &= starts - 1;
            if s < from || (checked >> k & 1 == 0 && !g.may_start(bytes, s)) {
                continue;
            }
            let Some((end, pattern)) = g.longest_at(bytes, s) else {
                continue;
            };
            let span = Span::new(s, end);
            let the_before = || {
                s >= 4
                    && bytes[s - 4..s].eq_ignore_ascii_case(b"the ")
                    && (s == 4 || !bytes[s - 5].is_ascii_alphanumeric())
            };
            if whole_words(text, span) && (!g.needs_the[pattern] || the_before()) {
                if g.ambiguous[pattern] {
                    ambiguous.push((span, g.entry[pattern]));
                } else {
                    out.push((span, g.entry[pattern]));
                }
            }
            from = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Class;

    #[test]
    fn tokens_are_the_sentences_tokens_in_order() {
        let text = "Mr. Blinken met Gen. Smith. The U.S. troops, 8,500 of them, wait.\n\nEnd";
        let a = Analysis::new(text);
        assert_eq!(a.sentences().len(), 3);
        let mut all = Vec::new();
        for (i, s) in a.sentences().iter().enumerate() {
            let toks = a.sentence_tokens(i);
            assert_eq!(toks, crate::text::tokenize(text, s.span));
            all.extend_from_slice(toks);
        }
        assert_eq!(all, a.tokens());
        assert!(a.sentence_tokens(3).is_empty());
        let t = a.sentence_tokens(0);
        assert_eq!(t[0].text(text), "Mr.");
        assert!(t[0].is(Class::RoleNoun) && t[0].shape.has(Shape::CAPITALISED));
        assert!(t[3].is(Class::RoleNoun), "Gen.");
        let t = a.sentence_tokens(1);
        assert_eq!(t[1].text(text), "U.S.");
        assert!(t[1].shape.has(Shape::ALL_CAPS) && t[1].is(Class::RoleModifier));
        assert_eq!((t[4].kind, t[4].shape), (TokKind::Number, Shape::default()));
        assert!(a.sentence_has(0, Classes::of(Class::RoleNoun)));
        assert!(!a.sentence_has(2, Classes::of(Class::RoleNoun)));
    }

    #[test]
    fn possessives_keep_their_classes_apart() {
        let text = "Russia’s president and the minister's aide said";
        let a = Analysis::new(text);
        let t = a.tokens();
        assert!(t[0].shape.has(Shape::POSSESSIVE) && t[0].classes.is_empty());
        assert!(a.classes_without_possessive(&t[0]).has(Class::RoleModifier));
        assert!(a.classes_without_possessive(&t[4]).has(Class::RoleNoun));
        assert_eq!(a.classes_without_possessive(&t[1]), t[1].classes);
    }

    #[test]
    fn gazetteer_hits_are_whole_words() {
        let text =
            "The Kremlin, NATO’s Atlantic Alliance and the EU met. EUNATO, US-NATO ties; USAID.";
        let hits: Vec<(&str, &str)> = Analysis::new(text)
            .gazetteer_hits()
            .map(|h| (h.span.slice(text), h.name))
            .collect();
        assert_eq!(
            hits,
            [
                ("Kremlin", "Kremlin"),
                ("NATO", "NATO"),
                ("Atlantic Alliance", "NATO"),
                ("EU", "European Union"),
                ("US", "United States"),
                ("NATO", "NATO"),
            ]
        );
    }

    /// The anchored scan finds what an unanchored leftmost-longest search
    /// of the same names finds, filtered on word boundaries.
    #[test]
    fn gazetteer_scan_finds_what_an_unanchored_search_finds() {
        let names = gazetteer_names();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(names.iter().map(|(n, _, _)| n))
            .unwrap();
        let mut texts: Vec<String> = [
            "The Kremlin, NATO’s Atlantic Alliance and the EU met in Washington. EUNATO, tiny time news.",
            "USA U.S.A. U.S. USAID the United States of America; Americas. Union EU-NATO NATOEU the Union",
            "é NATO中文NATO 🙂EU\u{0}EU t ti tim time time news",
            "Jackson met Dallas officials in Houston, Denver-based NATO; Dallasite Jacksonville.",
        ]
        .map(String::from)
        .to_vec();
        // names across the scan's 64-byte blocks, and a match that ends in
        // the next block hiding a start there
        for pad in 50..70 {
            texts.push(format!(
                "{}United States of America, NATO and the EU. xUnited States",
                "a ".repeat(pad / 2) + &"b".repeat(pad % 2)
            ));
        }
        for t in &texts {
            let t = t.as_str();
            // (a name written with its “the” only after one: “the Union”)
            let the_before = |s: usize| t[..s].to_lowercase().ends_with("the ");
            let want: Vec<(Span, usize)> = ac
                .find_iter(t)
                .filter(|m| !names[m.pattern().as_usize()].2 || the_before(m.start()))
                .map(|m| {
                    (
                        Span::new(m.start(), m.end()),
                        names[m.pattern().as_usize()].1,
                    )
                })
                .filter(|&(span, _)| whole_words(t, span))
                .collect();
            assert!(!want.is_empty());
            let (plain, ambiguous) = gazetteer_scan(t);
            let ambiguous_entry = |&(_, e): &(Span, usize)| gazetteer()[e].ambiguous;
            assert!(plain.iter().all(|m| !ambiguous_entry(m)), "{t}");
            assert!(ambiguous.iter().all(ambiguous_entry), "{t}");
            let mut both = [plain.as_slice(), &ambiguous].concat();
            both.sort();
            assert_eq!(both, want, "{t}");
        }
    }

    /// An analysis made after others on the thread (in the room of their
    /// token vectors) holds its own tokens and pieces only, and takes the
    /// room of a spare vector that is large enough.
    #[test]
    fn spare_token_vectors_are_reused_empty() {
        let long = "Mr. Blinken met Gen. Smith in mid-February. ".repeat(40);
        let short = "The U.S.-led talks, he said, ended.";
        let fresh = |text: &str| {
            let toks: Vec<Token> = crate::sentences::split(text)
                .iter()
                .flat_map(|s| crate::text::tokenize(text, s.span))
                .collect();
            let pieces = crate::rules::pieces(text, &toks);
            (toks, pieces)
        };
        for text in [long.as_str(), short, long.as_str(), short, ""] {
            let a = Analysis::new(text);
            let (toks, pieces) = fresh(text);
            assert_eq!(a.tokens(), toks, "{text}");
            assert_eq!(a.pieces(), pieces, "{text}");
        }
        // the long text's vectors are kept: a second long analysis
        // allocates none
        {
            let a = Analysis::new(&long);
            a.pieces();
        }
        let rooms = || SPARE_TOKENS.with(|s| s.borrow().iter().map(Vec::capacity).max());
        let before = rooms().expect("a spare vector");
        assert!(before >= long.len() / 5);
        let a = Analysis::new(&long);
        assert!(a.tokens.capacity() >= before.min(long.len() / 5 + 1));
        assert!(SPARE_TOKENS.with(|s| s.borrow().len()) < 2);
    }

    #[test]
    fn empty_and_odd_texts() {
        for text in ["", "   \n\n ", "“”", "日本 🙂 é", "\u{212a}"] {
            let a = Analysis::new(text);
            assert_eq!(
                a.tokens().len(),
                a.tokens_by_sentence().map(<[Token]>::len).sum::<usize>()
            );
        }
    }
}
