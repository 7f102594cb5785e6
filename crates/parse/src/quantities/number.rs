//! The number reader: one number written in digits or in words, with its
//! scale, at a token of a segment ([`Scan::num`], the `<num>` part of the
//! patterns).
//!
//! - Digits: `130,000`, `4,512.75`, `12 500` (one space, no-break or thin
//!   space between groups of three), `-` or `−` before them is a sign read
//!   by the amount pattern, not here. A leading zero (`0800`), two decimal
//!   points (`3.5.1`), a bad group (`3,50`) or more than 15 digits make no
//!   number; nor does a number glued to a word or number before it, to
//!   `/` on either side (dates, URLs, `24/7`), to `%` before it (URL
//!   escapes), or to `:`, `°`, `×`, `@`, `#`… after it.
//! - A scale suffix glued to the digits ([`Class::ScaleSuffix`]: `4.5k`,
//!   `2.4M`, `3bn`); `m` and `b` are marked, to be read only after a
//!   currency sign (or, for `m`, with a decimal point and a plural noun
//!   after: the amount decides).
//! - Scale words after the digits or words ([`Class::ScaleWord`]: `3
//!   million`, `20 lakh`, `two dozen`, `five hundred thousand`).
//! - Number words ([`Class::NumberWord`]), joined as English writes them:
//!   `twenty-five`, `two hundred and fifty`, `a hundred and twenty`,
//!   `twelve thousand`, `a million`. A capitalised number word is a number
//!   only at the start of a segment (`Formula One`, `Group of Seven`).

use super::Scan;
use crate::analysis::{Shape, TokKind};
use crate::lexicon::{self, Class};

/// One number as written, before sign, currency and unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Num {
    /// The token after the number.
    pub end: usize,
    /// The value, scaled (“3 million” = 3e6).
    pub value: f64,
    /// The value before the last scale (“3 million”: 3).
    pub base: f64,
    /// The last scale (“3 million”: 1e6; 1 without one).
    pub scale: f64,
    /// Written in words.
    pub words: bool,
    /// Plain digits: no grouping, decimal point, scale or suffix (a year,
    /// a label or a list number may look like this).
    pub bare: bool,
    /// Digits before the decimal point (of the digits as written).
    pub int_digits: usize,
    /// Has a decimal point.
    pub decimal: bool,
    /// Scaled by a suffix read only after a currency sign (`45m`).
    pub money_suffix: bool,
    /// A number word below a hundred without a scale: a count only with a
    /// noun after it (“the two met” counts nothing).
    pub small_word: bool,
    /// The word “one” alone.
    pub lone_one: bool,
    /// A percent word glued to the digits (`10pc`).
    pub percent_suffix: bool,
}

/// Characters that separate groups of three digits (“12 500”).
fn is_group_space(c: &str) -> bool {
    matches!(c, " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
}

/// A number written in digits (`130,000`, `4.5`): its value, whether it is
/// grouped, its digits before the point and whether it has one. `None`
/// for anything else (`3,50`, `5.2.1`, `0800`, 16 digits).
pub(super) fn parse_digits(w: &str) -> Option<(f64, bool, usize, bool)> {
    let (int, frac) = match w.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (w, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    let first = groups[0];
    if first.is_empty() || !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let rest = &groups[1..];
    let grouped = !rest.is_empty();
    // thousands (`1,250,000`) or the Indian lakh grouping (`1,00,000`,
    // `12,34,567`: pairs, then the last three)
    let thousands = first.len() <= 3 && rest.iter().all(|g| g.len() == 3);
    let lakh = first.len() <= 2
        && rest.len() >= 2
        && rest.last().is_some_and(|g| g.len() == 3)
        && rest[..rest.len() - 1].iter().all(|g| g.len() == 2);
    if grouped && !thousands && !lakh {
        return None;
    }
    let digits = int.len() - rest.len();
    if digits > 15 || (first.len() > 1 && first.starts_with('0')) {
        return None;
    }
    let clean: String = w.chars().filter(|&c| c != ',').collect();
    let v: f64 = clean.parse().ok()?;
    v.is_finite()
        .then_some((v, grouped, digits, frac.is_some()))
}

/// Glued before a number, these make it no number (`#5`, `/3`, `%20`;
/// `+` only when something is glued before it too, `1+1`).
const BAD_BEFORE: &[char] = &[
    '#', '№', '/', ':', '.', ',', '\'', '’', '+', '^', '*', '_', '@', '&', '=', '\\', '|', '~',
    '<', '>', '%', '?',
];

/// Glued after a number, these make it no number (`10:30`, `5°C`, `3/4`).
const BAD_AFTER: &[char] = &[
    '/', ':', '°', '×', '²', '³', '′', '″', '@', '#', '=', '&', '_',
];

impl Scan<'_> {
    /// The number starting at token `i`, if one does (memoised).
    pub(super) fn num(&self, i: usize) -> Option<Num> {
        if let Some(known) = self.memo.borrow().get(i).and_then(|m| m.num) {
            return known;
        }
        let got = self.read_num(i);
        if let Some(m) = self.memo.borrow_mut().get_mut(i) {
            m.num = Some(got);
        }
        got
    }

    fn read_num(&self, i: usize) -> Option<Num> {
        let t = self.toks.get(i)?;
        match t.kind {
            TokKind::Number => self.digits(i),
            TokKind::Word if t.shape.has(Shape::HAS_DIGIT) => self.suffixed(i),
            TokKind::Word => self.words(i),
            TokKind::Punct => None,
        }
    }

    /// Checks on what touches a number made of tokens `i..end`.
    fn glue_ok(&self, i: usize, end: usize) -> bool {
        // a token cut off something before it (an over-long sentence is
        // cut at its 2,000th byte)
        if i == 0 {
            let start = self.toks[0].span.start;
            if self.text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == ',' || c == '.')
            {
                return false;
            }
        }
        if self.touching(i) {
            let p = &self.toks[i - 1];
            match p.kind {
                TokKind::Word | TokKind::Number => return false,
                TokKind::Punct => {
                    let c = self.punct(i - 1);
                    // `+5 percent`: a plus sign with nothing glued before it
                    // is the amount's sign (`1+1`, `C+5` stay out)
                    // (`UTC +8`: an offset of a time zone)
                    let sign = c == Some('+')
                        && !self.touching(i - 1)
                        && !(i >= 2 && self.toks[i - 2].is(Class::TimeZone));
                    if !sign && c.is_some_and(|c| BAD_BEFORE.contains(&c)) {
                        return false;
                    }
                    // `+44 20 7946 0958`, `+1 (202) 555-0100`: a country code
                    if sign && self.phone_after(i, end) {
                        return false;
                    }
                }
            }
        }
        if end < self.toks.len() && self.touching(end) {
            if let Some(c) = self.punct(end) {
                if BAD_AFTER.contains(&c) {
                    return false;
                }
                // `1990's`
                if matches!(c, '\'' | '’') && self.touching(end + 1) {
                    return false;
                }
            }
        }
        true
    }

    /// Digits at tokens `i..end` are part of a phone number: one of three
    /// or more numbers glued by hyphens (or dashes), two of them of three
    /// digits or more (`1-800-273-8255`, `202-555-0100`; not a vote of
    /// `7-1-1` or a record of `10-5-2`), or the group after a bracketed
    /// area code (`(202) 555-1234`).
    fn phone_part(&self, i: usize, end: usize) -> bool {
        let number = |k: usize| self.is_number(k);
        // tokens `k - 2`, `k - 1`, `k`: a number, a hyphen, a number, glued
        let link = |k: usize| {
            k >= 2
                && k < self.toks.len()
                && matches!(self.punct(k - 1), Some('-' | '‑' | '–'))
                && self.touching(k - 1)
                && self.touching(k)
                && number(k - 2)
                && number(k)
        };
        // `(202) 555-1234`
        if i >= 3
            && self.punct(i - 1) == Some(')')
            && number(i - 2)
            && self.word_text(i - 2).len() == 3
            && self.punct(i - 3) == Some('(')
            && link(end + 1)
        {
            return true;
        }
        let (mut first, mut last) = (i, end - 1);
        while link(first) {
            first -= 2;
        }
        while link(last + 2) {
            last += 2;
        }
        let groups = (first..=last).step_by(2);
        let long = groups
            .clone()
            .filter(|&k| self.word_text(k).len() >= 3)
            .count();
        groups.count() >= 3 && long >= 2
    }

    /// Digits at token `i`, space groups and scale words after.
    fn digits(&self, i: usize) -> Option<Num> {
        if self.blocked(i) {
            return None;
        }
        let w = self.word_text(i);
        let (mut value, grouped, mut int_digits, decimal) = parse_digits(w)?;
        let mut end = i + 1;
        // `12 500`: groups of three after one space
        if !grouped && !decimal && int_digits <= 3 {
            while let Some(next) = self.toks.get(end) {
                let gap = self.gap(end);
                let g = next.text(self.text);
                if next.kind != TokKind::Number
                    || !is_group_space(gap)
                    || g.len() != 3
                    || !g.bytes().all(|b| b.is_ascii_digit())
                {
                    break;
                }
                value = value * 1000.0 + g.parse::<f64>().ok()?;
                int_digits += 3;
                end += 1;
            }
        }
        // a run of numbers apart: a phone number (`0800 123 456`), a list
        // of codes; two numbers side by side are read (`650 18-hole
        // courses`, `in 2021 5 people`)
        // `joined(k)`: tokens `k - 1` and `k` are numbers one space apart
        let joined = |k: usize| {
            k > 0
                && k < self.toks.len()
                && self.toks[k].kind == TokKind::Number
                && self.toks[k - 1].kind == TokKind::Number
                && is_group_space(self.gap(k))
        };
        let zero_led = |k: usize| self.word_text(k).starts_with('0');
        let before = joined(i);
        // … or the number after a country code (`+61 412 345 678`)
        let plus_before = |k: usize| k > 0 && self.punct(k - 1) == Some('+') && self.touching(k);
        if before && (zero_led(i - 1) || joined(i - 1) || plus_before(i - 1)) {
            return None;
        }
        if joined(end) && (zero_led(end) || before || joined(end + 1)) {
            return None;
        }
        if int_digits > 15 || !self.glue_ok(i, end) || self.phone_part(i, end) {
            return None;
        }
        let spaced = end > i + 1 || grouped;
        let (scale, e) = self.scale_words(end);
        Some(Num {
            end: e,
            value: scaled(value, scale),
            base: value,
            scale,
            words: false,
            bare: !spaced && !decimal && e == end,
            int_digits,
            decimal,
            money_suffix: false,
            small_word: false,
            lone_one: false,
            percent_suffix: false,
        })
    }

    /// Scale words from token `k` (`million`, `hundred thousand`): their
    /// product and the token after them.
    fn scale_words(&self, mut k: usize) -> (f64, usize) {
        let mut scale = 1.0;
        let mut last = 0.0;
        while k < self.toks.len() {
            // `a 2-million-strong army`: a scale word after a hyphen
            if self.punct(k) == Some('-') && self.touching(k) && self.touching(k + 1) {
                if self.class_value(k + 1, Class::ScaleWord).is_none() {
                    break;
                }
                k += 1;
            } else if self.touching(k) {
                break;
            }
            let Some(s) = self.class_value(k, Class::ScaleWord) else {
                break;
            };
            if s <= last {
                break;
            }
            scale *= s;
            last = s;
            k += 1;
        }
        (scale, k)
    }

    /// Digits with a scale suffix glued on (`4.5k`, `3bn`).
    fn suffixed(&self, i: usize) -> Option<Num> {
        let w = self.word_text(i);
        let cut = w.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
        let (digits, suffix) = w.split_at(cut);
        if digits.is_empty() {
            return None;
        }
        let (base, _, int_digits, decimal) = parse_digits(digits)?;
        // `10pc`: a percent word glued on
        let percent_suffix = lexicon::classes(suffix).has(Class::PercentWord);
        let (scale, money_suffix) = if percent_suffix {
            (1.0, false)
        } else {
            let v = lexicon::value(suffix, Class::ScaleSuffix)?;
            let mut parts = v.split_whitespace();
            let scale: f64 = parts.next()?.parse().ok()?;
            (scale, parts.next() == Some("currency"))
        };
        if !self.glue_ok(i, i + 1) {
            return None;
        }
        Some(Num {
            end: i + 1,
            value: scaled(base, scale),
            base,
            scale,
            words: false,
            bare: false,
            int_digits,
            decimal,
            money_suffix,
            small_word: false,
            lone_one: false,
            percent_suffix,
        })
    }

    /// A number in words at token `i` (`twenty-five`, `two hundred and
    /// fifty`, `a million`).
    fn words(&self, i: usize) -> Option<Num> {
        let t = &self.toks[i];
        let starts = t.classes.intersects(super::WORD_NUMBER_START);
        let article = self.is(i, "a") || self.is(i, "an");
        if !starts && !article {
            return None;
        }
        if t.shape.has(Shape::CAPITALISED) && !self.segment_initial(i) {
            return None; // Formula One, Group of Seven
        }
        // `one in five adults` (the ratio look-alike is the one to capture
        // a word)
        if starts && i >= 2 && self.is(i - 1, "in") && self.blocked(i) {
            return None;
        }
        if self.touching(i) && !self.punct(i - 1).is_some_and(is_opening) {
            return None;
        }
        let mut total = 0.0_f64;
        let mut current = 0.0_f64;
        let mut last_group = f64::INFINITY;
        let mut last_scale = 1.0;
        let mut k = i;
        let mut any = false;
        let mut scaled = false;
        let mut after_a = false;
        let mut atoms = 0;
        if article {
            // `a hundred`, `an estimated` is no number
            self.class_value(i + 1, Class::ScaleWord)?;
            after_a = true;
            k += 1;
        }
        while k < i + 14 && k < self.toks.len() {
            if k > i && (self.touching(k) || self.toks[k].kind != TokKind::Word) {
                break;
            }
            if let Some(s) = self.class_value(k, Class::ScaleWord) {
                if !any && !after_a {
                    break;
                }
                if s < 1e3 {
                    if current >= 100.0 {
                        break;
                    }
                    current = current.max(1.0) * s;
                } else {
                    if s >= last_group {
                        break;
                    }
                    total += current.max(1.0) * s;
                    current = 0.0;
                    last_group = s;
                }
                last_scale = s;
                any = true;
                scaled = true;
                after_a = false;
                k += 1;
                continue;
            }
            if after_a {
                break;
            }
            // `two hundred and fifty`
            if self.is(k, "and")
                && scaled
                && current % 100.0 == 0.0
                && self.small_number(k + 1).is_some()
            {
                k += 1;
                continue;
            }
            let Some((v, len)) = self.small_number(k) else {
                break;
            };
            let small = current % 100.0;
            let fits = small == 0.0 || (v < 10.0 && small >= 20.0 && small % 10.0 == 0.0);
            if !fits {
                break;
            }
            current += v;
            last_scale = 1.0;
            any = true;
            atoms += 1;
            k += len;
        }
        if !any || after_a {
            return None;
        }
        let value = total + current;
        if value <= 0.0 {
            return None;
        }
        let scale = if scaled { last_scale } else { 1.0 };
        Some(Num {
            end: k,
            value,
            base: value / scale,
            scale,
            words: true,
            bare: false,
            int_digits: 0,
            decimal: false,
            money_suffix: false,
            small_word: !scaled && value < 100.0,
            lone_one: !scaled && atoms == 1 && value == 1.0 && k == i + 1,
            percent_suffix: false,
        })
    }

    /// A number word at token `k`, or a tens word and a unit joined by a
    /// hyphen (`twenty-five`): its value and how many tokens it takes.
    fn small_number(&self, k: usize) -> Option<(f64, usize)> {
        let v = self.class_value(k, Class::NumberWord)?;
        // `twenty-five`: the pieces `twenty` `-` `five`, touching
        if v >= 20.0 && v % 10.0 == 0.0 && self.punct(k + 1) == Some('-') && self.touching(k + 1) {
            if let Some(u) = self
                .touching(k + 2)
                .then(|| self.class_value(k + 2, Class::NumberWord))
                .flatten()
                .filter(|u| *u < 10.0)
            {
                return Some((v + u, 3));
            }
        }
        Some((v, 1))
    }
}

/// `v × scale`, exact in decimal when the scale is a power of ten (“4.1
/// billion” is 4100000000, not 4099999999.9999995).
pub(super) fn scaled(v: f64, scale: f64) -> f64 {
    let exact = (1..=15)
        .find(|&k| 10f64.powi(k) == scale)
        .and_then(|k| format!("{v}e{k}").parse::<f64>().ok());
    exact.unwrap_or(v * scale)
}

/// Opening marks a number word may touch (`“Two`, `(three`).
pub(super) fn is_opening(c: char) -> bool {
    matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '«')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_parse_or_not() {
        assert_eq!(parse_digits("130,000"), Some((130_000.0, true, 6, false)));
        assert_eq!(parse_digits("4,512.75"), Some((4512.75, true, 4, true)));
        assert_eq!(parse_digits("0.5"), Some((0.5, false, 1, true)));
        for bad in [
            "3,50",
            "5.2.1",
            "0800",
            "1234,567",
            "1.",
            "9999999999999999",
        ] {
            assert_eq!(parse_digits(bad), None, "{bad}");
        }
    }
}
