//! Sentence splitting tuned for news copy.
//!
//! Rules, in order:
//! - a blank line ends a paragraph (and a sentence);
//! - a single line break ends a sentence (headlines, datelines and bylines
//!   have no full stop) unless the next line starts with a lowercase letter
//!   or the line ends with a comma, hyphen or similar continuation mark
//!   (hard-wrapped text);
//! - `.`, `!`, `?` and `…`, followed by any closing quotes or brackets, end a
//!   sentence when white space and then an uppercase letter, digit or opening
//!   quote follows: so `“…,” he said` and `3.5 million` do not break;
//! - a full stop after a known abbreviation (`Mr.`, `Gen.`, `St.`, `a.m.`),
//!   a dotted acronym (`U.S.`) or a single-letter initial (`J. Smith`) does
//!   not end a sentence; nor does a full stop written apart after a month
//!   abbreviation when a digit follows (`oct . 9`, as tokenized copy writes
//!   `Oct. 9`).

use crate::lexicon::{self, Class, Classes};
use crate::model::{Sentence, Span};
use crate::text::is_ascii_space;

/// Lexicon classes of the words (without their final dot) after which a
/// full stop does not end a sentence.
const ABBREVIATIONS: Classes = Classes::all(&[
    Class::Abbreviation,
    Class::TitleAbbreviation,
    Class::MonthAbbr,
    Class::WeekdayAbbr,
]);

const CLOSERS: &[char] = &['”', '"', '’', '\'', ')', ']', '»', '“'];
const OPENERS: &[char] = &['“', '"', '‘', '\'', '(', '[', '«', '„', '¿', '¡'];

/// Splits `text` into sentences with trimmed byte spans.
///
/// ```
/// use crosscheck_parse::sentences::split;
/// let text = "Mr. Blinken met Gen. Smith at 3 p.m. in the U.S. capital. “It went well.” Talks go on.";
/// let spans: Vec<&str> = split(text).iter().map(|s| s.span.slice(text)).collect();
/// assert_eq!(spans, [
///     "Mr. Blinken met Gen. Smith at 3 p.m. in the U.S. capital.",
///     "“It went well.”",
///     "Talks go on.",
/// ]);
/// ```
pub fn split(text: &str) -> Vec<Sentence> {
    // news copy runs about 130-140 bytes a sentence (both seeds, and the
    // 100 KB article): room for a third more, so the vector seldom grows
    // (and, for a 3 KB article, stays below 1 KB, which malloc serves
    // from its small bins)
    let mut out = Vec::with_capacity(text.len() / 100 + 4);
    let mut paragraph = 0usize;
    let mut para_has_text = false;
    let mut start = 0usize; // start of the current sentence
    let bytes = text.as_bytes();
    // next byte to look at; only line breaks and terminal punctuation matter,
    // so the scan jumps from one to the next
    let mut pos = 0usize;
    let mut marks = Marks::new(bytes);
    while let Some(i) = marks.next(pos) {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        pos = i + c.len_utf8();
        match c {
            '\n' => {
                // Look at the next line: its first char that is no
                // white space (`None` when it is blank)
                let next_first = text[i + 1..]
                    .chars()
                    .find(|&ch| ch == '\n' || !ch.is_whitespace())
                    .filter(|&ch| ch != '\n');
                if next_first.is_none() {
                    push(text, start, i, paragraph, &mut out, &mut para_has_text);
                    start = i + 1;
                    // swallow the run of blank lines
                    let mut j = i + 1;
                    // (a line is blank when its first char that is no
                    // white space is its line break)
                    while let Some((k, '\n')) = text[j..]
                        .char_indices()
                        .find(|&(_, ch)| ch == '\n' || !ch.is_whitespace())
                    {
                        j += k + 1;
                    }
                    if j < text.len() && text[j..].trim().is_empty() {
                        j = text.len();
                    }
                    if para_has_text {
                        paragraph += 1;
                        para_has_text = false;
                    }
                    // the blank lines are swallowed: go on after them
                    pos = pos.max(j.min(text.len()));
                    start = start.max(j.min(text.len()));
                } else {
                    // this line's last char that is no white space (a
                    // line break when the line is blank)
                    let this_last = text[..i]
                        .chars()
                        .rev()
                        .find(|&ch| ch == '\n' || !ch.is_whitespace());
                    let continues = next_first.is_some_and(|ch| ch.is_lowercase())
                        || this_last.is_some_and(|ch| {
                            matches!(ch, ',' | '-' | '–' | ';' | '(' | '“' | '‘')
                        });
                    if !continues {
                        push(text, start, i, paragraph, &mut out, &mut para_has_text);
                        start = i + 1;
                    }
                }
            }
            '.' | '!' | '?' | '…' => {
                // consume a run of terminal punctuation and closers
                let mut end = i + c.len_utf8();
                while let Some(ch) = text[end..].chars().next() {
                    if matches!(ch, '.' | '!' | '?' | '…') || CLOSERS.contains(&ch) {
                        end += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                pos = end;
                // must be followed by horizontal white space, then a sentence start
                let rest = &text[end..];
                let Some(first) = rest.chars().next() else {
                    continue;
                };
                if first != '\n' && !first.is_whitespace() {
                    // scraped copy that lost its space: "on New Year's
                    // Eve.Officials say", "voters!”After the rally"
                    if glued_sentence(text, i, end) {
                        push(text, start, end, paragraph, &mut out, &mut para_has_text);
                        start = end;
                    }
                    continue;
                }
                if first == '\n' {
                    continue; // a line break is handled by the '\n' arm
                }
                let after = rest.trim_start_matches([' ', '\t', '\u{a0}']);
                let Some(next) = after.chars().next() else {
                    continue;
                };
                let starts_sentence =
                    next.is_uppercase() || next.is_ascii_digit() || OPENERS.contains(&next);
                if !starts_sentence {
                    continue;
                }
                if c == '.'
                    && end == i + 1
                    && is_abbreviation(bytes, text, i)
                    && !opens_after_abbreviation(text, start, i, after)
                {
                    continue;
                }
                if c == '.' && end == i + 1 && next.is_ascii_digit() && spaced_month_dot(text, i) {
                    continue;
                }
                push(text, start, end, paragraph, &mut out, &mut para_has_text);
                start = end;
            }
            _ => {}
        }
    }
    push(
        text,
        start,
        text.len(),
        paragraph,
        &mut out,
        &mut para_has_text,
    );
    out
}

/// Finds the characters the splitter acts on: `\n`, `.`, `!`, `?` and
/// `…` (U+2026). None of their bytes is a UTF-8 continuation byte, so
/// every hit is on a char boundary.
///
/// Three SIMD searches (`memchr2` for the common `\n .`, `memchr2` for
/// the rarer `! ?`, `memmem` for `…`) each remember their last hit, so
/// every byte of the article is examined about three times in all,
/// whatever the number of marks. (`…` is searched whole: its first byte,
/// 0xE2, also starts the curly quotes and dashes of news copy, which the
/// splitter has nothing to do with.)
struct Marks<'a> {
    bytes: &'a [u8],
    /// The next `\n` or `.` found by the last search (the text's length
    /// when there is none); `None` before the first search.
    common: Option<usize>,
    /// The same for `!` and `?`.
    rare: Option<usize>,
    /// The same for `…`.
    ellipsis: Option<usize>,
}

impl<'a> Marks<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Marks {
            bytes,
            common: None,
            rare: None,
            ellipsis: None,
        }
    }

    /// The first mark byte at or after `from`.
    fn next(&mut self, from: usize) -> Option<usize> {
        let len = self.bytes.len();
        if from >= len {
            return None;
        }
        let rest = &self.bytes[from..];
        if self.common.is_none_or(|c| c < from) {
            self.common = Some(memchr::memchr2(b'\n', b'.', rest).map_or(len, |k| from + k));
        }
        if self.rare.is_none_or(|r| r < from) {
            self.rare = Some(memchr::memchr2(b'!', b'?', rest).map_or(len, |k| from + k));
        }
        if self.ellipsis.is_none_or(|e| e < from) {
            let hit = ELLIPSIS.find(rest);
            self.ellipsis = Some(hit.map_or(len, |k| from + k));
        }
        let next = [self.common, self.rare, self.ellipsis]
            .into_iter()
            .map(|hit| hit.unwrap_or(len))
            .min()
            .unwrap_or(len);
        (next < len).then_some(next)
    }
}

/// The search for `…`, built once (a search built for each article
/// cost more than the search of a short one).
static ELLIPSIS: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("…"));

/// True when the full stop at byte `dot` closes an abbreviation, acronym or
/// initial rather than a sentence.
fn is_abbreviation(_bytes: &[u8], text: &str, dot: usize) -> bool {
    // (a word of more than 64 bytes is no abbreviation: the look-back is
    // bounded, so a text of dots without spaces stays linear)
    let before = &text[floor_boundary(text, dot.saturating_sub(64))..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .map(|k| k + before[k..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // dotted acronym or abbreviation: U.S, a.m, e.g
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // single-letter initial: "J. Smith", but not "in the U.S.A." handled above
        return c.is_uppercase();
    }
    // a title with a prefix: "then-Sen."
    let word = lexicon::prefixed_title(word).unwrap_or(word);
    lexicon::classes(word).intersects(ABBREVIATIONS)
}

/// True when the terminal mark at byte `mark` (its run of marks and
/// closers ending at `end`) ends a sentence although no space follows it:
/// a word of two or more lowercase letters before it, a capitalised word
/// of two or more letters, its second one lowercase, right after
/// ("Eve.Officials", "said.Trump"; never "U.S.Army", "e.g.Smith" or a
/// domain such as "Philstar.com").
fn glued_sentence(text: &str, mark: usize, end: usize) -> bool {
    let mut next = text[end..].chars();
    let (Some(a), Some(b)) = (next.next(), next.next()) else {
        return false;
    };
    if !(a.is_uppercase() && b.is_lowercase()) {
        return false;
    }
    let mut before = text[..mark].chars().rev();
    if !matches!((before.next(), before.next()), (Some(x), Some(y)) if x.is_lowercase() && y.is_lowercase())
    {
        return false;
    }
    // not an abbreviation's or a title's own stop (“Sen.Warren”, “vs.Arsenal”)
    !(text[mark..].starts_with('.') && is_abbreviation(text.as_bytes(), text, mark))
}

/// True when the word `after` the full stop at byte `dot` opens a new
/// sentence although the stop closes an abbreviation: a capitalised
/// pronoun, determiner or conjunction (`sentence_opener`) after an acronym
/// of capitals or a clock's “a.m.”/“p.m.” (“… in the U.S. He says”, “at 9
/// a.m. The vote”), in a sentence that has a lowercase word before it (a
/// title-case headline, “Biden Says U.S. And Allies Will Respond”, is one
/// sentence). Titles, initials and “e.g.”, “vs.” keep their sentence
/// (“Gen. He Jun”, “J. The”, “vs. The Media”).
fn opens_after_abbreviation(text: &str, start: usize, dot: usize, after: &str) -> bool {
    let next = after
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or("");
    if !lexicon::classes(next).has(Class::SentenceOpener) {
        return false;
    }
    // (the look-back is bounded: 64 bytes for the word, 400 for a
    // lowercase word before it, so a text of dots stays linear)
    let from = floor_boundary(text, start.max(dot.saturating_sub(400)).min(dot));
    let mut words = text[from..dot].split(|c: char| c.is_whitespace() || OPENERS.contains(&c));
    let word = words.next_back().unwrap_or("");
    let acronym = word.len() <= 64
        && word.contains('.')
        && word.chars().all(|c| c == '.' || c.is_uppercase())
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2;
    let clock = word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m");
    (acronym || clock)
        && words.any(|w| w.chars().next().is_some_and(char::is_lowercase) && !w.contains('.'))
}

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// True when the full stop at byte `dot` stands apart after a month
/// abbreviation (`oct . 9`).
fn spaced_month_dot(text: &str, dot: usize) -> bool {
    let before = text[..dot].trim_end_matches([' ', '\t', '\u{a0}']);
    if before.len() == dot {
        return false;
    }
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    !word.is_empty() && lexicon::classes(word).has(Class::MonthAbbr)
}

/// `s.trim_start()`: a byte loop over the ASCII white space, nearly always
/// all there is; `str::trim_start` only from a non-ASCII char on.
fn trim_start(s: &str) -> &str {
    let k = s
        .bytes()
        .position(|b| !is_ascii_space(b))
        .unwrap_or(s.len());
    let rest = &s[k..];
    if rest.as_bytes().first().is_some_and(|&b| b >= 0x80) {
        rest.trim_start()
    } else {
        rest
    }
}

/// `s.trim_end()`, the same way as [`trim_start`].
fn trim_end(s: &str) -> &str {
    let k = s
        .bytes()
        .rposition(|b| !is_ascii_space(b))
        .map_or(0, |k| k + 1);
    let rest = &s[..k];
    if rest.as_bytes().last().is_some_and(|&b| b >= 0x80) {
        rest.trim_end()
    } else {
        rest
    }
}

fn push(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
    para_has_text: &mut bool,
) {
    if start >= end {
        return;
    }
    let slice = &text[start..end];
    let rest = trim_start(slice);
    let trimmed_start = slice.len() - rest.len();
    let trimmed = trim_end(rest);
    if trimmed.is_empty() {
        return;
    }
    let mut s = start + trimmed_start;
    let end = s + trimmed.len();
    // Hostile input (a megabyte without a sentence break): cut at white
    // space into pieces of at most MAX_SENTENCE_BYTES, so that per-sentence
    // work downstream (quote attribution, alignment) stays bounded.
    while end - s > MAX_SENTENCE_BYTES {
        let mut limit = s + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = text[s..limit]
            .rfind(char::is_whitespace)
            .filter(|&k| k > 0)
            .map_or(limit, |k| s + k);
        let piece = text[s..cut].trim_end();
        out.push(Sentence {
            span: Span::new(s, s + piece.len()),
            paragraph,
        });
        s = end - text[cut..end].trim_start().len();
    }
    out.push(Sentence {
        span: Span::new(s, end),
        paragraph,
    });
    *para_has_text = true;
}

/// Longest sentence kept whole, in bytes; longer ones are cut at white space.
const MAX_SENTENCE_BYTES: usize = 2000;

#[cfg(test)]
mod tests {
    use super::*;

    /// An ellipsis ends a sentence as a full stop does; the dashes and
    /// curly quotes that share its first byte do not.
    #[test]
    fn ellipsis_ends_a_sentence_and_dashes_do_not() {
        let text = "The talks stalled… Officials left – for now. “We wait…” Then — nothing…";
        let spans: Vec<&str> = split(text).iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(
            spans,
            [
                "The talks stalled…",
                "Officials left – for now.",
                "“We wait…”",
                "Then — nothing…"
            ]
        );
    }

    /// Regression (hostile input): a sentence of megabytes made quote
    /// attribution quadratic. Over-long sentences are cut at white space.
    #[test]
    fn over_long_sentences_are_cut_at_white_space() {
        let text = format!("Short one. {}end", "Officials said talks ".repeat(500));
        let s = split(&text);
        assert_eq!(s[0].span.slice(&text), "Short one.");
        assert!(s.len() > 5, "{}", s.len());
        let mut covered = String::new();
        for x in &s[1..] {
            let piece = x.span.slice(&text);
            assert!(piece.len() <= MAX_SENTENCE_BYTES);
            assert!(!piece.is_empty() && piece == piece.trim(), "{piece:?}");
            covered.push_str(piece);
            covered.push(' ');
        }
        assert_eq!(covered.trim_end(), &text["Short one. ".len()..]);
        // no white space at all, multi-byte characters: cut on char boundaries
        let text = "é“".repeat(3000);
        let s = split(&text);
        assert!(s.len() >= 7);
        assert_eq!(s.iter().map(|x| x.span.len()).sum::<usize>(), text.len());
        for x in &s {
            assert!(x.span.len() <= MAX_SENTENCE_BYTES && !x.span.slice(&text).is_empty());
        }
    }

    /// [`trim_start`] and [`trim_end`] agree with `str`'s, on white space
    /// ASCII or not.
    #[test]
    fn byte_trims_agree_with_std() {
        let parts = [
            "",
            " ",
            "\t\n",
            "\u{b}\u{c}\r",
            "a",
            "é",
            "\u{a0}",
            "\u{2003}",
            "“",
            "x y",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(trim_start(&s), s.trim_start(), "{s:?}");
                    assert_eq!(trim_end(&s), s.trim_end(), "{s:?}");
                }
            }
        }
    }

    /// Abbreviations are looked up in any case, Unicode-wise; a word
    /// with a non-ASCII char is none of them.
    #[test]
    fn abbreviations_come_from_the_lexicon() {
        assert_eq!(texts("Hi \u{212a}o. Yes"), ["Hi \u{212a}o.", "Yes"]);
        assert_eq!(
            texts("Gen. Smith. NATO\u{2019}s. Yes"),
            ["Gen. Smith.", "NATO\u{2019}s.", "Yes"]
        );
        assert_eq!(
            texts("It starts Tue. Jan. 4 at the Dept. Of course. No. 10 APPROX. Then"),
            [
                "It starts Tue. Jan. 4 at the Dept. Of course.",
                "No. 10 APPROX. Then"
            ]
        );
    }

    /// A title after a prefix keeps its full stop (“then-Sen.”); a word
    /// of no title does not (“next-gen.”).
    #[test]
    fn prefixed_title_ends_no_sentence() {
        assert_eq!(
            texts("It went to then-Sen. Owen Marsh. Phones are next-gen. Sales rose."),
            [
                "It went to then-Sen. Owen Marsh.",
                "Phones are next-gen.",
                "Sales rose."
            ]
        );
    }

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn headline_and_byline_without_full_stop() {
        let t = "Blinken proposes to Moscow “a serious diplomatic path” on Ukraine\n\nby time news\n\nTime.news – NATO’s policy does not change. But they left the door open.";
        assert_eq!(
            texts(t),
            [
                "Blinken proposes to Moscow “a serious diplomatic path” on Ukraine",
                "by time news",
                "Time.news – NATO’s policy does not change.",
                "But they left the door open."
            ]
        );
        let s = split(t);
        assert_eq!(
            s.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            [0, 1, 2, 2]
        );
    }

    #[test]
    fn quote_closing_after_full_stop_and_attribution_continuing() {
        let t = "“We are facing a key moment for security in Europe,” acknowledged NATO secretary Jens Stoltenberg. The Alliance – he added – is ready.";
        assert_eq!(texts(t).len(), 2);
        let t = "He said: “It is over.” Then he left. “Is it?” he asked.";
        assert_eq!(
            texts(t),
            [
                "He said: “It is over.”",
                "Then he left.",
                "“Is it?” he asked."
            ]
        );
    }

    #[test]
    fn decimals_initials_and_abbreviations() {
        let t = "Troops rose by 1.5 million, said J. R. Smith of St. Louis at 9 a.m. on Monday. Sen. Jones agreed.";
        assert_eq!(
            texts(t),
            [
                "Troops rose by 1.5 million, said J. R. Smith of St. Louis at 9 a.m. on Monday.",
                "Sen. Jones agreed."
            ]
        );
    }

    #[test]
    fn a_pronoun_or_article_after_an_acronym_opens_a_sentence() {
        let t = "Attacks rose in the U.S. He says the plan failed. Talks end at 9 a.m. The vote is at noon. \
                 Gen. He Jun met the U.S. Senate team and J. The Smith.";
        assert_eq!(
            texts(t),
            [
                "Attacks rose in the U.S.",
                "He says the plan failed.",
                "Talks end at 9 a.m.",
                "The vote is at noon.",
                "Gen. He Jun met the U.S. Senate team and J. The Smith."
            ]
        );
        for one in [
            "Biden Says U.S. And Allies Will Respond",
            "Outlets, e.g. The Guardian, reported it.",
            "It was Trump vs. The Media again.",
            "The then-Sen. He Jun spoke.",
        ] {
            assert_eq!(texts(one), [one]);
        }
    }

    #[test]
    fn a_sentence_glued_to_the_next_by_scraping_ends() {
        let t = "A woman was hurt on New Year's Eve.Officials say she will recover. \
                 “We won!”After the rally, the U.S.Army band and Philstar.com left, e.g.Smith.";
        assert_eq!(
            texts(t),
            [
                "A woman was hurt on New Year's Eve.",
                "Officials say she will recover.",
                "“We won!”",
                "After the rally, the U.S.Army band and Philstar.com left, e.g.Smith."
            ]
        );
        for one in [
            "Praise came from Sen.Warren and Gov.Newsom on Monday.",
            "Chelsea vs.Arsenal ended level.",
        ] {
            assert_eq!(texts(one), [one]);
        }
    }

    #[test]
    fn a_month_abbreviation_with_its_stop_apart_keeps_its_day() {
        let t = "The meeting on oct . 9 was postponed. Another ended . 9 people left.";
        assert_eq!(
            texts(t),
            [
                "The meeting on oct . 9 was postponed.",
                "Another ended .",
                "9 people left."
            ]
        );
    }

    #[test]
    fn single_newline_breaks_unless_wrapped() {
        let t = "on whose border more than 100 thousand soldiers are now massed.\n“We are facing a key moment,” he said.";
        assert_eq!(texts(t).len(), 2);
        let t = "The US and NATO have delivered to Moscow\nthe responses to requests.";
        assert_eq!(texts(t), [t]);
    }

    #[test]
    fn spans_are_trimmed_and_on_boundaries() {
        let t = "  Thursday, February 2  \n\n\n  The US delivers.  ";
        let s = split(t);
        assert_eq!(texts(t), ["Thursday, February 2", "The US delivers."]);
        assert_eq!(s[1].paragraph, 1);
        assert!(split("").is_empty());
        assert!(split("\n\n \n").is_empty());
    }
}
