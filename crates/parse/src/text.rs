//! Small text helpers shared by the extractors: a word tokenizer that keeps
//! byte spans.

use crate::model::Span;

/// What a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters (with inner apostrophes, hyphens or dots: “NATO’s”,
    /// “de-escalation”, “U.S.”).
    Word,
    /// Digits (with inner `.` or `,`).
    Number,
    /// Any other non-space character.
    Punct,
}

/// A token with its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    pub kind: TokKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }
}

/// Abbreviated titles whose full stop belongs to the word.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "prof",
    "adm", "st",
];

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
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
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

/// The tokens of every sentence of an article, each sentence's exactly as
/// [`tokenize`] gives them, stored in one vector.
pub(crate) struct SentenceTokens {
    toks: Vec<Token>,
    /// `toks[ends[i - 1]..ends[i]]` are the tokens of sentence `i`.
    ends: Vec<usize>,
}

impl SentenceTokens {
    /// Tokenizes each of `spans` (the sentence spans, in text order).
    pub fn new(text: &str, spans: impl ExactSizeIterator<Item = Span>) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 5 + 1);
        let mut ends = Vec::with_capacity(spans.len());
        for span in spans {
            tokenize_into(text, span, &mut toks);
            ends.push(toks.len());
        }
        SentenceTokens { toks, ends }
    }

    /// The tokens of sentence `i`.
    pub fn get(&self, i: usize) -> Option<&[Token]> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.toks.get(start..end)
    }

    /// The tokens of each sentence, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[Token]> {
        (0..self.ends.len()).filter_map(|i| self.get(i))
    }

    /// Every token of every sentence, in text order.
    pub fn all(&self) -> &[Token] {
        &self.toks
    }
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
            out.push(Token {
                span: Span::new(base + i, base + i + 1),
                kind: TokKind::Punct,
            });
            i += 1;
            continue;
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
            // a title abbreviation keeps its dot: "Gen.", "Mr."
            if !numeric && j < len && slice.as_bytes()[j] == b'.' {
                let w = &slice[off..j];
                if crate::lexicon::with_lowercase(w, |l| TITLE_ABBREVIATIONS.contains(&l)) {
                    j += 1;
                }
            }
            let kind = if numeric
                && slice[off..j]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            {
                TokKind::Number
            } else {
                TokKind::Word
            };
            out.push(Token {
                span: Span::new(start, base + j),
                kind,
            });
            i = j;
            // the space that ends most words: skipped here, not at the top
            if i < len && bytes[i] == b' ' {
                i += 1;
            }
        } else {
            out.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                kind: TokKind::Punct,
            });
            i += c.len_utf8();
        }
    }
}

/// True when the word starts with an uppercase letter.
pub(crate) fn is_capitalised(word: &str) -> bool {
    match word.as_bytes().first() {
        // an ASCII first byte is the first char
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
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
