//! The tokenizer: words, numbers and punctuation with byte spans, each
//! token with its shape and its word classes from the lexicon. Every
//! extractor reads these tokens (through [`crate::analysis::Analysis`]);
//! there is no other tokenizer.

use crate::lexicon::{self, Class, Classes, WordId};
use crate::model::Span;

/// What a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with inner apostrophes, hyphens or dots: “NATO’s”,
    /// “de-escalation”, “U.S.”).
    Word,
    /// Digits (with inner `.` or `,`).
    Number,
    /// Any other non-space character.
    Punct,
}

/// How a word token is written: a set of flags ([`Shape::CAPITALISED`],
/// …). Numbers and punctuation have no flag set.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape(u8);

impl Shape {
    /// The first char is uppercase (“Blinken”, “NATO”, “É”).
    pub const CAPITALISED: Shape = Shape(1);
    /// Every letter is uppercase (a possessive ending aside), and there
    /// are at least two (“NATO”, “U.S.”, “NATO’s”; not “I”, not “A”).
    pub const ALL_CAPS: Shape = Shape(1 << 1);
    /// The first char is lowercase (“said”, “de-escalation”).
    pub const LOWERCASE: Shape = Shape(1 << 2);
    /// The word ends in a possessive “’s” or “'s” (“NATO’s”).
    pub const POSSESSIVE: Shape = Shape(1 << 3);
    /// The word holds a digit (“G7”, “COVID-19”).
    pub const HAS_DIGIT: Shape = Shape(1 << 4);
    /// The word holds a hyphen, `-` or U+2010 (“mid-February”).
    pub const HYPHENATED: Shape = Shape(1 << 5);

    /// True when every flag of `flags` is set.
    pub const fn has(self, flags: Shape) -> bool {
        self.0 & flags.0 == flags.0
    }

    /// The flags as bits (each flag's constant is one bit).
    pub(crate) const fn bits(self) -> u8 {
        self.0
    }

    /// The shape of flags `bits` (as [`Shape::bits`] gives them).
    pub(crate) const fn from_bits(bits: u8) -> Shape {
        Shape(bits)
    }

    /// Every flag of `self` and of `flags`.
    pub(crate) const fn with(self, flags: Shape) -> Shape {
        Shape(self.0 | flags.0)
    }

    /// The shape of a word token's text.
    fn of_word(word: &str) -> Shape {
        let stem = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s"));
        let mut shape = if stem.is_some() {
            Shape::POSSESSIVE
        } else {
            Shape::default()
        };
        let stem = stem.unwrap_or(word);
        let (mut upper, mut lower) = (0usize, false);
        if stem.is_ascii() {
            // one table look-up per byte; the classes seen are or-ed together
            let mut seen = 0u8;
            for b in stem.bytes() {
                let class = ASCII_CLASS[usize::from(b)];
                upper += usize::from(class & UPPER);
                seen |= class;
            }
            lower = seen & LOWER != 0;
            shape = shape.with(Shape::of_classes_seen(seen));
        } else {
            for c in stem.chars() {
                if c == '-' || c == '‐' {
                    shape = shape.with(Shape::HYPHENATED);
                } else if c.is_ascii_digit() {
                    shape = shape.with(Shape::HAS_DIGIT);
                } else if c.is_uppercase() {
                    upper += 1;
                } else if c.is_lowercase() {
                    lower = true;
                }
            }
        }
        match word.chars().next() {
            Some(c) if c.is_uppercase() => shape = shape.with(Shape::CAPITALISED),
            Some(c) if c.is_lowercase() => shape = shape.with(Shape::LOWERCASE),
            _ => {}
        }
        if upper >= 2 && !lower {
            shape = shape.with(Shape::ALL_CAPS);
        }
        shape
    }

    /// [`Shape::HAS_DIGIT`] and [`Shape::HYPHENATED`] from the
    /// [`ASCII_CLASS`] bits of a word's bytes or-ed together.
    const fn of_classes_seen(seen: u8) -> Shape {
        let mut shape = Shape(0);
        if seen & DIGIT != 0 {
            shape = shape.with(Shape::HAS_DIGIT);
        }
        if seen & HYPHEN != 0 {
            shape = shape.with(Shape::HYPHENATED);
        }
        shape
    }

    /// The shape of `word`, ASCII letters and digits only (no
    /// possessive, no hyphen), from what the tokenizer saw while scanning
    /// it: the [`ASCII_CLASS`] of its first byte and the classes of all
    /// its bytes or-ed together. The same as [`Shape::of_word`] of it.
    fn of_ascii_run(first: u8, seen: u8, word: &[u8]) -> Shape {
        let shape =
            RUN_SHAPE[usize::from(first & ALNUM_CLASSES) | usize::from(seen & ALNUM_CLASSES) << 3];
        // capitals and no lowercase letter: count them (rare)
        if seen & (UPPER | LOWER) == UPPER
            && word.iter().filter(|b| b.is_ascii_uppercase()).count() >= 2
        {
            return shape.with(Shape::ALL_CAPS);
        }
        shape
    }

    /// [`Shape::of_ascii_run`] but [`Shape::ALL_CAPS`], from the first
    /// byte's class and the classes seen.
    const fn of_run_classes(first: u8, seen: u8) -> Shape {
        let shape = Shape::of_classes_seen(seen);
        if first & UPPER != 0 {
            shape.with(Shape::CAPITALISED)
        } else if first & LOWER != 0 {
            shape.with(Shape::LOWERCASE)
        } else {
            shape
        }
    }
}

/// `RUN_SHAPE[first | seen << 3]`: [`Shape::of_run_classes`] of the
/// [`ALNUM_CLASSES`] bits `first` of a word's first byte and `seen` of
/// all its bytes, one load instead of their tests.
static RUN_SHAPE: [Shape; 64] = {
    let mut t = [Shape(0); 64];
    let mut i = 0;
    while i < 64 {
        t[i] = Shape::of_run_classes(i as u8 & 7, i as u8 >> 3);
        i += 1;
    }
    t
};

// The classes of an ASCII byte that a word's shape reads
// (`Shape::of_word`); `UPPER` is 1 so that it counts capitals as it is.
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const DIGIT: u8 = 4;
const HYPHEN: u8 = 8;

/// A letter or a digit: [`UPPER`], [`LOWER`] or [`DIGIT`].
const ALNUM_CLASSES: u8 = UPPER | LOWER | DIGIT;

/// [`UPPER`], [`LOWER`], [`DIGIT`] or [`HYPHEN`] for each ASCII byte, 0
/// for the other bytes.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'-' {
            HYPHEN
        } else {
            0
        };
        b += 1;
    }
    t
};

impl std::fmt::Debug for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names = [
            (Shape::CAPITALISED, "capitalised"),
            (Shape::ALL_CAPS, "all_caps"),
            (Shape::LOWERCASE, "lowercase"),
            (Shape::POSSESSIVE, "possessive"),
            (Shape::HAS_DIGIT, "has_digit"),
            (Shape::HYPHENATED, "hyphenated"),
        ];
        f.debug_set()
            .entries(names.iter().filter(|(s, _)| self.has(*s)).map(|(_, n)| n))
            .finish()
    }
}

/// A token: its byte span, kind, shape and word classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the article text.
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: TokKind,
    /// How a word is written (no flag for numbers and punctuation).
    pub shape: Shape,
    /// The lexicon classes of the token's text as written
    /// ([`lexicon::classes`]); none for numbers, and for punctuation those
    /// of the classes that list the char (“$” is a currency symbol).
    pub classes: Classes,
    /// The lexicon id of an ASCII word's text ([`lexicon::lookup`]),
    /// [`WordId::NONE`] for numbers, punctuation and non-ASCII words.
    pub word: WordId,
}

impl Token {
    /// A punctuation token: the char `c` at `span`.
    fn punct(span: Span, c: char) -> Self {
        let (classes, word) = lexicon::punct_lookup(c);
        Token {
            span,
            kind: TokKind::Punct,
            shape: Shape::default(),
            classes,
            word,
        }
    }

    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }

    /// True for a word token in class `c`.
    pub fn is(&self, c: Class) -> bool {
        self.classes.has(c)
    }
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&')
}

/// `ASCII_ALNUM[b]`: `b` is an ASCII letter or digit (one load instead of
/// two range tests in the tokenizer's innermost loop).
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// White space as [`char::is_whitespace`] sees it, for an ASCII byte:
/// U+0009 to U+000D and the space (`u8::is_ascii_whitespace` leaves out
/// U+000B).
pub(crate) const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// [`BYTE_CLASS`] values: what a token starting with this byte is.
const SPACE: u8 = 0;
/// An ASCII letter or digit: a word or number starts.
const ALNUM: u8 = 1;
/// Any other ASCII char: a one-byte punctuation token.
const PUNCT: u8 = 2;
/// The first byte of a multi-byte char (or a continuation byte): decode.
const MULTI: u8 = 3;

/// `BYTE_CLASS[b]`: the class of byte `b` at a char boundary, so the
/// tokenizer's dispatch is one load.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [MULTI; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if is_ascii_space(b) {
            SPACE
        } else if b.is_ascii_alphanumeric() {
            ALNUM
        } else {
            PUNCT
        };
        c += 1;
    }
    t
};

/// `char::is_alphabetic`, answering at once for the General Punctuation
/// block (U+2000–U+206F: curly quotes, dashes, special spaces), which
/// holds no letter and is the most common non-ASCII range in news copy.
#[inline]
fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphabetic()
    }
}

/// `char::is_alphanumeric`, with the same shortcut as [`is_alphabetic`]
/// (the block holds no digit or number either).
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// A regular past tense or participle, read by its ending: four letters
/// or more ending in “-ed” but not “-eed” (“announced”, “warned”; not
/// “need”, “agreed” is read as one: “-eed” words are mostly not pasts).
/// Irregular forms are the lexicon class `past_verb`.
pub(crate) fn is_regular_past(word: &str) -> bool {
    let w = word.as_bytes();
    let ends = |suffix: &[u8]| {
        w.len() >= suffix.len() && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    w.len() >= 4 && ends(b"ed") && !ends(b"eed")
}

/// The character starting at byte `i` of `s` (`i` on a char boundary),
/// without decoding an ASCII byte; `None` at the end.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(b as char),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// The commonest token: a run of ASCII letters and digits starting at
/// byte `i` of `slice` (a letter or a digit), ended by a byte that joins
/// nothing to it (a space, a punctuation mark that is no joiner, the end),
/// with its end. Its shape comes from the scan itself, with no second
/// pass over its bytes. `None` when a joiner (`'`, `-`, `&`, `.` before
/// a letter or digit; `.` or `,` between digits) or a non-ASCII char
/// follows the run, or when a title abbreviation is followed by its full
/// stop: the general path of [`tokenize_into`] decides, and makes the
/// same token for a run this one takes.
#[inline]
fn ascii_run(lex: &lexicon::Lexicon, slice: &str, i: usize, base: usize) -> Option<(Token, usize)> {
    let bytes = slice.as_bytes();
    let first = ASCII_CLASS[usize::from(bytes[i])];
    // the classes of the bytes after the first (a letter or a digit),
    // or-ed as a `u32`: one instruction per byte (a `u8` takes three)
    let (n, rest) = bytes[i + 1..]
        .iter()
        .map(|&b| u32::from(ASCII_CLASS[usize::from(b)]))
        .take_while(|class| class & u32::from(ALNUM_CLASSES) != 0)
        .fold((0, 0u32), |(n, rest), class| (n + 1, rest | class));
    let j = i + 1 + n;
    // only the low bits are classes
    let rest = rest as u8;
    let seen = first | rest;
    // a full stop after a word that joins nothing after it (the end of a
    // sentence): the word ends here, unless it is a title abbreviation,
    // which keeps its dot (told below, from the word's classes)
    let mut full_stop = false;
    // (a space, the commonest end, joins nothing: no test)
    if let Some(&b) = bytes.get(j).filter(|&&b| b != b' ') {
        full_stop = first != DIGIT
            && b == b'.'
            && char_at(slice, j + 1).is_none_or(|n| !is_alphanumeric(n));
        let joiner = if first == DIGIT {
            matches!(b, b'.' | b',') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
        } else {
            matches!(b, b'\'' | b'-' | b'&') || (b == b'.' && !full_stop)
        };
        if joiner || !b.is_ascii() {
            return None;
        }
    }
    let span = Span::new(base + i, base + j);
    let token = if seen == DIGIT {
        Token {
            span,
            kind: TokKind::Number,
            shape: Shape::default(),
            classes: Classes::NONE,
            word: WordId::NONE,
        }
    } else {
        let (classes, word) = if j - i <= 16 {
            let raw = lexicon::load_word(bytes, i, j - i);
            lexicon::lookup_alnum(lex, raw, j - i, rest & UPPER != 0)
        } else {
            lexicon::lookup(slice.get(i..j)?)
        };
        if full_stop && classes.has(Class::TitleAbbreviation) {
            return None;
        }
        Token {
            span,
            kind: TokKind::Word,
            shape: Shape::of_ascii_run(first, seen, &bytes[i..j]),
            classes,
            word,
        }
    };
    Some((token, j))
}

/// Tokenizes `text[range]`; spans are absolute offsets into `text`.
pub(crate) fn tokenize(text: &str, range: Span) -> Vec<Token> {
    let mut out = Vec::new();
    if let Some(slice) = text.get(range.start..range.end) {
        out.reserve(slice.len() / 5 + 1);
    }
    tokenize_into(text, range, &mut out);
    out
}

/// [`tokenize`], appending to `out`.
pub(crate) fn tokenize_into(text: &str, range: Span, out: &mut Vec<Token>) {
    let Some(slice) = text.get(range.start..range.end) else {
        return;
    };
    let base = range.start;
    let len = slice.len();
    let mut i = 0;
    let bytes = slice.as_bytes();
    // (taken once here, not from its lazy cell at each word)
    let lex = lexicon::lexicon();
    while i < len {
        // the common ASCII cases first: a space, a letter or digit, a
        // punctuation mark
        let b = bytes[i];
        let class = BYTE_CLASS[usize::from(b)];
        if class == SPACE {
            i += 1;
            continue;
        }
        if class == PUNCT {
            out.push(Token::punct(Span::new(base + i, base + i + 1), b as char));
            i += 1;
            continue;
        }
        if class == ALNUM {
            if let Some((token, end)) = ascii_run(lex, slice, i, base) {
                out.push(token);
                i = end;
                // the space that ends most words: skipped here, not at the top
                if i < len && bytes[i] == b' ' {
                    i += 1;
                }
                continue;
            }
        }
        let c = if class == ALNUM {
            b as char
        } else {
            match slice[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        if class == MULTI && c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let off = i;
        let start = base + off;
        if class == ALNUM || is_alphabetic(c) {
            let numeric = c.is_ascii_digit();
            let mut j = off + c.len_utf8();
            loop {
                // ASCII letters and digits always join: skip them bytewise
                while j < len && ASCII_ALNUM[usize::from(bytes[j])] {
                    j += 1;
                }
                // a space ends most words: no char to decode
                if j >= len || bytes[j] == b' ' {
                    break;
                }
                let Some(ch) = char_at(slice, j) else {
                    break;
                };
                let next = || char_at(slice, j + ch.len_utf8());
                let joined = if is_alphanumeric(ch) {
                    true
                } else if numeric {
                    matches!(ch, '.' | ',') && next().is_some_and(|n| n.is_ascii_digit())
                } else {
                    is_inner_joiner(ch) && next().is_some_and(is_alphanumeric)
                };
                if joined {
                    j += ch.len_utf8();
                } else {
                    break;
                }
            }
            // dotted acronym keeps its final dot: "U.S."
            if !numeric && j < len && slice.as_bytes()[j] == b'.' {
                let w = &slice[off..j];
                if w.contains('.') && w.split('.').all(|p| p.chars().count() == 1) {
                    j += 1;
                }
            }
            // a title abbreviation keeps its dot: "Gen.", "Mr.", "then-Sen."
            if !numeric && j < len && slice.as_bytes()[j] == b'.' {
                let w = &slice[off..j];
                let w = lexicon::prefixed_title(w).unwrap_or(w);
                if lexicon::classes(w).has(Class::TitleAbbreviation) {
                    j += 1;
                }
            }
            let word = &slice[off..j];
            let token = if numeric
                && word
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            {
                Token {
                    span: Span::new(start, base + j),
                    kind: TokKind::Number,
                    shape: Shape::default(),
                    classes: Classes::NONE,
                    word: WordId::NONE,
                }
            } else {
                let (classes, id) = lexicon::lookup(word);
                Token {
                    span: Span::new(start, base + j),
                    kind: TokKind::Word,
                    shape: Shape::of_word(word),
                    classes,
                    word: id,
                }
            };
            out.push(token);
            i = j;
            // the space that ends most words: skipped here, not at the top
            if i < len && bytes[i] == b' ' {
                i += 1;
            }
        } else {
            out.push(Token::punct(Span::new(start, start + c.len_utf8()), c));
            i += c.len_utf8();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_shortcut_agrees_with_std() {
        for c in ('\u{1F00}'..='\u{2100}').chain(['a', 'Z', '7', ' ', 'é', '’', '中']) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The fast path makes the token the general path would: the same
    /// shape and classes as `Shape::of_word` and `lexicon::lookup` of the
    /// word, and no token when a joiner or a non-ASCII char follows.
    #[test]
    fn ascii_runs_are_the_tokens_of_the_general_path() {
        for w in [
            "NATO",
            "Blinken",
            "said",
            "G7",
            "12k",
            "2022",
            "I",
            "A",
            "iPhone",
            "mRNA",
            "The",
            "THE",
            "the",
            "May",
            "Antony",
            "x",
            "a1B2",
            "Reconstructionism",
        ] {
            let numeric = w.as_bytes()[0].is_ascii_digit();
            let words_end: &[&str] = if numeric {
                &[".", ",", ". ", ", ", ",”", ".x", "-", "-23"]
            } else {
                &[".", ". ", ".”", ".\n"]
            };
            for end in ["", " ", ";", ")", "!", "?", ":", "\"", "/", "\n"]
                .iter()
                .chain(words_end)
            {
                let t = format!("{w}{end}");
                let (tok, e) = ascii_run(lexicon::lexicon(), &t, 0, 0).expect(&t);
                assert_eq!((tok.span, e), (Span::new(0, w.len()), w.len()), "{t:?}");
                if w.bytes().all(|b| b.is_ascii_digit()) {
                    assert_eq!(tok.kind, TokKind::Number);
                } else {
                    assert_eq!(tok.kind, TokKind::Word);
                    assert_eq!(tok.shape, Shape::of_word(w), "{t:?}");
                    assert_eq!((tok.classes, tok.word), lexicon::lookup(w), "{t:?}");
                }
            }
            let joiners: &[&str] = if numeric {
                &[".5", ",000", "é", "’s"]
            } else {
                &[".S.", ".5", "-x", "'s", "’s", "é", "&T", ".é", ".中"]
            };
            for end in joiners {
                let t = format!("{w}{end}");
                assert!(ascii_run(lexicon::lexicon(), &t, 0, 0).is_none(), "{t}");
            }
        }
        // a title abbreviation keeps its full stop: the general path
        for t in ["Gen.", "Mr. Smith", "Gen.”"] {
            assert!(ascii_run(lexicon::lexicon(), t, 0, 0).is_none(), "{t}");
        }
        // mid-text: spans are offset by `base`; a word with 8 bytes after
        // its start, or fewer
        for after in ["", " Street"] {
            let t = format!("at 10 Downing{after}");
            let (tok, e) = ascii_run(lexicon::lexicon(), &t, 6, 100).unwrap();
            assert_eq!((tok.span, e), (Span::new(106, 113), 13));
            assert_eq!((tok.classes, tok.word), lexicon::lookup("Downing"));
        }
    }

    #[test]
    fn words_numbers_and_punctuation_keep_spans() {
        let t = "NATO’s “open” U.S. de-escalation, 130,000 troops; 4.5%";
        let toks = tokenize(t, Span::new(0, t.len()));
        let words: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            words,
            [
                "NATO’s",
                "“",
                "open",
                "”",
                "U.S.",
                "de-escalation",
                ",",
                "130,000",
                "troops",
                ";",
                "4.5",
                "%"
            ]
        );
        assert_eq!(toks[7].kind, TokKind::Number);
        assert_eq!(toks[0].kind, TokKind::Word);
    }
}
