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

/// Tokenizes `text[range]`; spans are absolute offsets into `text`.
pub(crate) fn tokenize(text: &str, range: Span) -> Vec<Token> {
    let mut out = Vec::new();
    let Some(slice) = text.get(range.start..range.end) else {
        return out;
    };
    let base = range.start;
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = base + off;
        if c.is_alphabetic() || c.is_ascii_digit() {
            let numeric = c.is_ascii_digit();
            let mut j = i + 1;
            while j < chars.len() {
                let ch = chars[j].1;
                let next_ok = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                let number_joiner = numeric
                    && matches!(ch, '.' | ',')
                    && chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
                let word_joiner = !numeric && is_inner_joiner(ch) && next_ok;
                if ch.is_alphanumeric() || number_joiner || word_joiner {
                    j += 1;
                } else {
                    break;
                }
            }
            // dotted acronym keeps its final dot: "U.S."
            if !numeric && j < chars.len() && chars[j].1 == '.' {
                let w = &slice[off..chars[j].0];
                if w.contains('.') && w.split('.').all(|p| p.chars().count() == 1) {
                    j += 1;
                }
            }
            // a title abbreviation keeps its dot: "Gen.", "Mr."
            if !numeric && j < chars.len() && chars[j].1 == '.' {
                let w = &slice[off..chars[j].0];
                if crate::lexicon::with_lowercase(w, |l| TITLE_ABBREVIATIONS.contains(&l)) {
                    j += 1;
                }
            }
            let end = base + chars.get(j).map_or(slice.len(), |&(o, _)| o);
            let kind = if numeric
                && slice[off..end - base]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            {
                TokKind::Number
            } else {
                TokKind::Word
            };
            out.push(Token {
                span: Span::new(start, end),
                kind,
            });
            i = j;
        } else {
            out.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                kind: TokKind::Punct,
            });
            i += 1;
        }
    }
    out
}

/// True when the word starts with an uppercase letter.
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

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
