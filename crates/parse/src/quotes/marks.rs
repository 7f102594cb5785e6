//! Quotation marks: where quotes open and close, paragraph by paragraph.

use super::running_max;
use crate::model::{Sentence, Span};

/// A pair of quotation marks found in the text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Marks {
    /// Byte offset of the opening mark.
    pub(super) open: usize,
    /// Byte offset just past the closing mark (or the paragraph end).
    pub(super) close_end: usize,
    /// Span of the quoted words, trimmed.
    pub(super) content: Span,
    /// Single marks (‘…’), which may be scare quotes more readily.
    pub(super) single: bool,
}

/// The marks of an article indexed for the two questions indirect speech
/// asks of every sentence, in O(log n) each instead of a scan of all marks
/// (which made an article of 100,000 quoted sentences quadratic).
pub(super) struct MarkIndex {
    /// `(open, close_end)` of every mark, sorted.
    spans: Vec<(usize, usize)>,
    /// `reach[k]`: the largest `close_end` among `spans[..=k]`.
    reach: Vec<usize>,
    /// Every mark's quoted words, sorted.
    contents: Vec<Span>,
}

impl MarkIndex {
    /// Indexes `marks` (in any order).
    pub(super) fn new(marks: &[Marks]) -> Self {
        let mut spans: Vec<(usize, usize)> = marks.iter().map(|m| (m.open, m.close_end)).collect();
        spans.sort_unstable();
        let reach = running_max(spans.iter().map(|&(_, end)| end));
        let mut contents: Vec<Span> = marks.iter().map(|m| m.content).collect();
        contents.sort_unstable();
        MarkIndex {
            spans,
            reach,
            contents,
        }
    }

    /// Whether some mark's `[open, close_end)` overlaps `span`: some mark
    /// opens before `span.end` and reaches past `span.start`.
    pub(super) fn overlaps(&self, span: Span) -> bool {
        let i = self.spans.partition_point(|&(open, _)| open < span.end);
        i > 0 && self.reach[i - 1] > span.start
    }

    /// The first opening mark inside `span`, if any.
    pub(super) fn first_open_within(&self, span: Span) -> Option<usize> {
        let i = self.spans.partition_point(|&(open, _)| open < span.start);
        self.spans
            .get(i)
            .map(|&(open, _)| open)
            .filter(|&open| open < span.end)
    }

    /// The quoted words of the marks that lie inside `span`. A content
    /// span is never inverted (`find_marks` builds it as a start and a
    /// length), so one inside `span` starts in `span.start..=span.end`.
    pub(super) fn contents_within(&self, span: Span) -> impl Iterator<Item = Span> + '_ {
        let from = self.contents.partition_point(|c| c.start < span.start);
        self.contents[from..]
            .iter()
            .take_while(move |c| c.start <= span.end)
            .filter(move |c| span.contains(c))
            .copied()
    }
}

/// Pairs quotation marks within each paragraph.
pub(super) fn find_marks(text: &str, sentences: &[Sentence]) -> Vec<Marks> {
    // paragraph spans: sentences are in order, grouped by paragraph
    // (room for a few quotes up front: most articles have some)
    let mut out = Vec::with_capacity(16);
    let mut mark_bytes = MarkBytes::new(text.as_bytes());
    let mut para: Option<(usize, Span)> = None;
    for s in sentences {
        match para.as_mut() {
            Some((n, p)) if *n == s.paragraph => p.end = s.span.end,
            _ => {
                if let Some((_, p)) = para {
                    scan_paragraph(text, p, &mut mark_bytes, &mut out);
                }
                para = Some((s.paragraph, s.span));
            }
        }
    }
    if let Some((_, p)) = para {
        scan_paragraph(text, p, &mut mark_bytes, &mut out);
    }
    out
}

/// Pairs the quotation marks of one paragraph, `mark_bytes` being the
/// search over the whole text.
fn scan_paragraph(text: &str, para: Span, mark_bytes: &mut MarkBytes, out: &mut Vec<Marks>) {
    let slice = para.slice(text);
    let first = out.len();
    // open double quote: (byte of mark, length of the mark, closing chars;
    // an empty list: closed by two apostrophes)
    let mut double: Option<(usize, usize, &'static [char])> = None;
    let mut single: Option<(usize, char)> = None;
    let push = |out: &mut Vec<Marks>,
                open: usize,
                open_len: usize,
                close: usize,
                close_end: usize,
                single: bool| {
        // keep a final full stop or question mark, drop a trailing comma
        let raw = Span::new(open + open_len, close).slice(text);
        let lead = raw.len() - raw.trim_start().len();
        let t = raw.trim().trim_end_matches([',', ' ']);
        // (an empty `t` is only spaces and commas: no letter or digit)
        let content = Span::new(open + open_len + lead, open + open_len + lead + t.len());
        if t.chars().any(char::is_alphanumeric) {
            out.push(Marks {
                open,
                close_end,
                content,
                single,
            });
        }
    };
    // Only quotation marks and apostrophes open or close anything, and each
    // of them starts with a byte that `is_mark_byte`. None of those is a
    // UTF-8 continuation byte, so each byte found starts a char; the chars
    // around a mark are decoded only for marks.
    let mut from = 0;
    while let Some(rel) = mark_bytes
        .next(para.start + from)
        .filter(|&i| i < para.end)
        .map(|i| i - para.start)
    {
        let Some(c) = slice[rel..].chars().next() else {
            break;
        };
        from = rel + c.len_utf8();
        if !super::is_quote_char(c) {
            continue;
        }
        let i = para.start + rel;
        // the char before is needed for few marks: decoded on demand
        let prev = || slice[..rel].chars().next_back();
        let prev_is_space = || prev().is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
        // Two apostrophes are a double mark (the style of some wire copy:
        // ''We will win,'' she said); three close a single and a double
        // one (''I would use the word 'old-school,''' he said).
        let run = if c == '\'' {
            slice.as_bytes()[rel..]
                .iter()
                .take_while(|&&b| b == b'\'')
                .count()
        } else {
            0
        };
        if run >= 2 {
            let after = slice[rel + run..].chars().next();
            match double {
                Some((open, open_len, [])) => {
                    // the last two close the quote
                    let close = i + run - 2;
                    push(out, open, open_len, close, close + 2, false);
                    double = None;
                    single = None;
                }
                None if prev_is_space() && after.is_some_and(|a| !a.is_whitespace()) => {
                    double = Some((i, 2, &[]));
                    single = None;
                }
                _ => {}
            }
            from = rel + run;
            continue;
        }
        let next = slice[from..].chars().next();
        let is_last_char = next.is_none();
        let next_is_letter = next.is_some_and(char::is_alphanumeric);
        if let Some((open, open_len, closers)) = double {
            // a height in feet and inches (“he’s like 6’2”,”) closes nothing
            if matches!(c, '”' | '"') && is_inch_mark(&slice[..rel]) {
                continue;
            }
            // a straight mark closes a curly quote only where a quote ends
            let closes = (closers.contains(&c) && (c != '"' || !next_is_letter))
                || (c == '“'
                    && closers.contains(&'”')
                    && !next_is_letter
                    && next.is_none_or(|ch| !ch.is_whitespace() || is_last_char))
                || (c == '“' && closers.contains(&'”') && next.is_none())
                // a typo of the same kind after the quote's last word:
                // “…here,“ said Jim
                || (c == '“'
                    && closers.contains(&'”')
                    && next.is_some_and(char::is_whitespace)
                    && prev().is_some_and(|p| matches!(p, ',' | '.' | '!' | '?')));
            if closes {
                push(out, open, open_len, i, i + c.len_utf8(), false);
                double = None;
            } else if c == '“' && closers.contains(&'”') && next_is_letter && prev_is_space() {
                // an unclosed quote followed by a new one: close the first here
                push(out, open, open_len, i, i, false);
                double = Some((i, c.len_utf8(), &['”', '„', '"']));
            }
            continue;
        }
        let len = c.len_utf8();
        match c {
            // mixed styles in one article: “…" and "…” close too
            '“' => double = Some((i, len, &['”', '„', '"'])),
            '„' => double = Some((i, len, &['“', '”'])),
            '«' => double = Some((i, len, &['»'])),
            '"' if prev_is_space() || prev().is_some_and(|p| "‘'".contains(p)) => {
                double = Some((i, len, &['"', '”']))
            }
            '‘' if single.is_none() => single = Some((i, '’')),
            '\'' if single.is_none() && next_is_letter && prev_is_space() => {
                single = Some((i, '\''))
            }
            '’' | '\'' if !next_is_letter => {
                if let Some((open, closer)) = single {
                    if c == closer {
                        push(out, open, c.len_utf8(), i, i + c.len_utf8(), true);
                        single = None;
                    }
                }
            }
            _ => {}
        }
    }
    if let Some((open, open_len, _)) = double {
        push(out, open, open_len, para.end, para.end, false);
    }
    // Only this paragraph's marks need sorting: the earlier ones are sorted
    // already and open before this paragraph (paragraphs are disjoint and
    // in text order), so a stable sort of all of `out` would leave them
    // first and in place.
    out[first..].sort_by_key(|m| m.open);
}

/// True when the text `before` a double mark ends in a height in feet and
/// inches (`6’2`, `5'11`): the mark after it is an inch sign, not the end
/// of a quote.
fn is_inch_mark(before: &str) -> bool {
    let b = before.as_bytes();
    let inches = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&inches) {
        return false;
    }
    let rest = &before[..before.len() - inches];
    let feet = rest
        .strip_suffix('’')
        .or_else(|| rest.strip_suffix('\''))
        .and_then(|f| f.as_bytes().last());
    feet.is_some_and(u8::is_ascii_digit)
}

/// Is `b` the first byte of a quotation mark: `"`, `'`, 0xC2 (« ») or
/// 0xE2 (“ ” „ ‘ ’)?
pub(super) fn is_mark_byte(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
}

/// Finds the bytes that [`is_mark_byte`] in a text.
///
/// Two SIMD searches (`memchr3` for `"`, `'` and 0xE2, `memchr` for the
/// rarer 0xC2) each remember their last hit and where they started, so
/// that asking again from a later offset (up to that hit) searches
/// nothing: asked in increasing order, every byte is examined about twice
/// in all, whatever the number of marks and paragraphs.
pub(super) struct MarkBytes<'a> {
    bytes: &'a [u8],
    /// `(searched from, next "' or 0xE2 from there)`, the hit being the
    /// length when there is none; `None` before the first search.
    common: Option<(usize, usize)>,
    /// The same for 0xC2.
    rare: Option<(usize, usize)>,
}

impl<'a> MarkBytes<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        MarkBytes {
            bytes,
            common: None,
            rare: None,
        }
    }

    /// The first index at or after `from` whose byte [`is_mark_byte`].
    pub(super) fn next(&mut self, from: usize) -> Option<usize> {
        let len = self.bytes.len();
        let rest = self.bytes.get(from..)?;
        // a remembered hit answers for any `from` between its search start and it
        let known = |c: Option<(usize, usize)>| c.filter(|&(s, hit)| s <= from && from <= hit);
        let common = match known(self.common) {
            Some((_, hit)) => hit,
            None => {
                let hit = memchr::memchr3(b'"', b'\'', 0xE2, rest).map_or(len, |k| from + k);
                self.common = Some((from, hit));
                hit
            }
        };
        let rare = match known(self.rare) {
            Some((_, hit)) => hit,
            None => {
                let hit = memchr::memchr(0xC2, rest).map_or(len, |k| from + k);
                self.rare = Some((from, hit));
                hit
            }
        };
        let next = common.min(rare);
        debug_assert!(next >= len || is_mark_byte(self.bytes[next]));
        (next < len).then_some(next)
    }
}
