//! Normalisation and tokenisation, done once per claim.
//!
//! Text is folded with Unicode compatibility decomposition (NFKD, a superset
//! of NFKC's folding) with combining marks dropped, curly quotes and dashes
//! folded to ASCII, and lowercased. Tokens are maximal runs of alphanumeric
//! characters (inner apostrophes kept, `1,000.5` kept whole), plus ellipsis
//! tokens (`…`, `...`). Every token keeps its byte span into the original
//! article text, so any score or diff can point back at the evidence.

use crosscheck_parse::Span;
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The form every token of an ellipsis gets.
pub(crate) const ELLIPSIS: &str = "...";

/// A token before interning.
#[derive(Clone, Debug)]
pub(crate) struct RawTok {
    /// Byte span into the article text.
    pub span: Span,
    /// The folded, lowercased word (possessive `'s` removed).
    pub word: String,
}

fn push_folded(c: char, out: &mut String) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`'
        | '\u{00B4}' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => out.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{2026}' => out.push_str(ELLIPSIS),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => {
            for d in std::iter::once(c).nfkd() {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

/// Folds a string: compatibility decomposition, marks dropped, quotes and
/// dashes to ASCII, lowercase.
pub fn fold(s: &str) -> String {
    // (plain ASCII but for the backquote, which folds to an apostrophe:
    // lowercase is the whole fold)
    if s.bytes().all(|b| b.is_ascii() && b != b'`') {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// An apostrophe inside a word: straight, right or left single quotation
/// mark (outlets type "Trump‘s" too), modifier letter.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Tokenises `text[span]`, returning tokens with absolute byte spans.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<RawTok> {
    let slice = span.slice(text);
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let end_of = |k: usize| -> usize {
        if k < chars.len() {
            chars[k].0
        } else {
            slice.len()
        }
    };
    while i < chars.len() {
        let (off, c) = chars[i];
        if c == '\u{2026}' {
            out.push(RawTok {
                span: Span::new(span.start + off, span.start + end_of(i + 1)),
                word: ELLIPSIS.to_string(),
            });
            i += 1;
            continue;
        }
        if c == '.' && i + 2 < chars.len() && chars[i + 1].1 == '.' && chars[i + 2].1 == '.' {
            let mut j = i + 3;
            while j < chars.len() && chars[j].1 == '.' {
                j += 1;
            }
            out.push(RawTok {
                span: Span::new(span.start + off, span.start + end_of(j)),
                word: ELLIPSIS.to_string(),
            });
            i = j;
            continue;
        }
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let cj = chars[j].1;
            let next_word = j + 1 < chars.len() && chars[j + 1].1.is_alphanumeric();
            let joins = is_apostrophe(cj) && next_word
                || (cj == ',' || cj == '.')
                    && chars[j - 1].1.is_ascii_digit()
                    && j + 1 < chars.len()
                    && chars[j + 1].1.is_ascii_digit();
            if cj.is_alphanumeric() || joins {
                j += 1;
            } else {
                break;
            }
        }
        let s = span.start + off;
        let e = span.start + end_of(j);
        let mut word = fold(&text[s..e]);
        if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            word.retain(|c| c != ',');
        }
        if word.ends_with("'s") {
            word.truncate(word.len() - 2);
        }
        out.push(RawTok {
            span: Span::new(s, e),
            word,
        });
        i = j;
    }
    out
}

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "said",
    "says",
    "say",
    "told",
    "added",
    "according",
    "mr",
    "mrs",
    "ms",
    "...",
    "s",
    "has",
    "may",
    "might",
    "must",
    "shall",
    "whose",
    "whether",
    "however",
    "yet",
    "already",
    "still",
    "even",
    "well",
];

/// True for function words and reporting verbs, which carry no weight in
/// scores and never serve as blocking keys. Negations are not stop words.
pub(crate) fn is_stop(word: &str) -> bool {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(word)
}

/// Most words a thread's stem cache holds before it starts afresh.
const STEM_CACHE_WORDS: usize = 1 << 16;

/// Longest word the stem cache keeps: with [`STEM_CACHE_WORDS`], a thread's
/// cache stays under a few MB whatever the input.
const STEM_CACHE_WORD_BYTES: usize = 32;

thread_local! {
    /// Folded word → stem, per thread: news repeats its words, and every
    /// claim token is stemmed (twice when claims are built story by story).
    static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// Stems a folded word with the Snowball English stemmer (numbers kept).
/// Words are cached per thread: `stemmer` must be [`stemmer`]'s English
/// one (the only one the crate makes).
pub(crate) fn stem(stemmer: &rust_stemmers::Stemmer, word: &str) -> String {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_string();
    }
    if word.len() > STEM_CACHE_WORD_BYTES {
        return stemmer.stem(word).into_owned();
    }
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(word) {
            return s.clone();
        }
        if cache.len() >= STEM_CACHE_WORDS {
            cache.clear();
        }
        let s = stemmer.stem(word).into_owned();
        cache.insert(word.to_string(), s.clone());
        s
    })
}

/// A new English stemmer.
pub(crate) fn stemmer() -> rust_stemmers::Stemmer {
    rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fold_is_the_char_by_char_fold() {
        // the fast path for ASCII gives what push_folded gives, char by char
        let all: String = (0u8..128).map(char::from).collect();
        for s in [all.as_str(), "Don`t", "NATO's U.S. Plan", "A`B", "abc"] {
            let mut slow = String::new();
            for c in s.chars() {
                push_folded(c, &mut slow);
            }
            assert_eq!(fold(s), slow, "{s:?}");
        }
    }

    #[test]
    fn folds_quotes_dashes_accents() {
        assert_eq!(fold("“Café” – NATO’s"), "\"cafe\" - nato's");
    }

    #[test]
    fn tokens_keep_spans() {
        let text = "He said: “NATO’s 100,000 troops… won't go” — ok...";
        let toks = tokenize(text, Span::new(0, text.len()));
        let words: Vec<&str> = toks.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(
            words,
            ["he", "said", "nato", "100000", "troops", "...", "won't", "go", "ok", "..."]
        );
        assert_eq!(toks[2].span.slice(text), "NATO’s");
        assert_eq!(toks[3].span.slice(text), "100,000");
        let curly = "Trump‘s view and ‘open doors’";
        let words: Vec<String> = tokenize(curly, Span::new(0, curly.len()))
            .into_iter()
            .map(|t| t.word)
            .collect();
        assert_eq!(words, ["trump", "view", "and", "open", "doors"]);
    }

    #[test]
    fn stems() {
        let s = stemmer();
        assert_eq!(stem(&s, "sanctions"), stem(&s, "sanction"));
        assert_eq!(stem(&s, "warned"), stem(&s, "warns"));
    }
}
