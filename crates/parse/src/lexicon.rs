//! Word lists shared by the extractors, and the gazetteers shipped in
//! `crates/parse/data/` (compiled into the binary: nothing is read or
//! downloaded at run time).

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small multiplicative hasher (the FxHash scheme used inside rustc) for
/// the word sets: the keys are short, trusted words compiled into the
/// binary (or words of the article probed against them), so SipHash's
/// flood resistance buys nothing and costs a third of each lookup.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    /// Mixes one 8-byte word into the hash (rustc's FxHash step).
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash set of words with [`FxHasher`].
pub(crate) type WordSet<'a> = HashSet<&'a str, BuildHasherDefault<FxHasher>>;

/// Calls `f` with `word.to_lowercase()`, without allocating when the word is
/// short ASCII (the common case: lowercasing ASCII is byte-wise) or already
/// lowercase ASCII.
#[inline]
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if word.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return f(word);
        }
        let mut buf = [0u8; 32];
        if bytes.len() <= buf.len() {
            let buf = &mut buf[..bytes.len()];
            for (d, s) in buf.iter_mut().zip(bytes) {
                *d = s.to_ascii_lowercase();
            }
            // ASCII in, ASCII out
            return f(std::str::from_utf8(buf).unwrap_or_default());
        }
    }
    f(&word.to_lowercase())
}

/// Reporting verbs, every inflected form spelled out (lowercase).
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "insisted",
    "insists",
    "insist",
    "warned",
    "warns",
    "warn",
    "explained",
    "explains",
    "explain",
    "acknowledged",
    "acknowledges",
    "acknowledge",
    "stressed",
    "stresses",
    "announced",
    "announces",
    "announce",
    "concluded",
    "concludes",
    "conclude",
    "assured",
    "assures",
    "assure",
    "reiterated",
    "reiterates",
    "reiterate",
    "noted",
    "stated",
    "claimed",
    "argued",
    "argues",
    "declared",
    "declares",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "admitted",
    "admits",
    "affirmed",
    "affirms",
    "asserted",
    "asserts",
    "emphasised",
    "emphasized",
    "emphasises",
    "emphasizes",
    "underlined",
    "underlines",
    "recalled",
    "recalls",
    "remarked",
    "replied",
    "replies",
    "responded",
    "responds",
    "answered",
    "asked",
    "asks",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "proposed",
    "proposes",
    "propose",
    "advanced",
    "urged",
    "urges",
    "suggested",
    "suggests",
    "predicted",
    "predicts",
    "promised",
    "pledged",
    "vowed",
    "threatened",
    "threatens",
    "complained",
    "complains",
    "observed",
    "observes",
    "commented",
    "indicated",
    "indicates",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "conceded",
    "concedes",
    "continued",
    "specified",
    "specifies",
    "clarified",
    "clarifies",
    "highlighted",
    "underscored",
    "underscores",
    "cautioned",
    "cautions",
    "estimated",
    "reported",
    "revealed",
    "reveals",
    "disclosed",
    "discloses",
    "believes",
    "believed",
    "believe",
    "announcing",
    "insisting",
    "warning",
    "explaining",
    "stressing",
    "adding",
    "telling",
    "recognised",
    "recognized",
    "recognises",
    "recognizes",
    "hoped",
    "thinks",
    "thought",
    "feared",
    "accused",
    "accuses",
    "demanded",
    "called",
];

/// Words that cannot be the subject of a reporting verb even when
/// capitalised (sentence starters, function words).
const STOP_CAPITALISED: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "But",
    "Or",
    "In",
    "On",
    "At",
    "Of",
    "For",
    "From",
    "To",
    "With",
    "By",
    "As",
    "If",
    "It",
    "Its",
    "It's",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Then",
    "When",
    "Where",
    "While",
    "Whether",
    "What",
    "Which",
    "Who",
    "Whom",
    "Why",
    "How",
    "We",
    "They",
    "He",
    "She",
    "I",
    "You",
    "Our",
    "Their",
    "His",
    "Her",
    "My",
    "Your",
    "Now",
    "However",
    "Certainly",
    "Regarding",
    "Meanwhile",
    "Also",
    "Still",
    "Yet",
    "So",
    "Thus",
    "After",
    "Before",
    "During",
    "Since",
    "Although",
    "Though",
    "Despite",
    "According",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Leave",
    "You",
    "Comment",
    "Read",
    "More",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Not",
    "No",
    "Yes",
    "All",
    "Some",
    "Many",
    "Most",
    "Every",
    "Each",
    "One",
    "Two",
    "Three",
    "Both",
    "Either",
    "Neither",
    "Such",
    "Even",
    "Only",
    "Just",
    "Here",
    "Instead",
    "Indeed",
    "Finally",
    "First",
    "Second",
    "Last",
    "Next",
    "Other",
    "Another",
];

/// Words that belong in a role phrase around a role noun without making a
/// role by themselves (lowercase): “Foreign Minister”, “Secretary of
/// State”, “head of European diplomacy”, and relations like “counterpart”.
/// A role phrase is made of these, [`ROLE_NOUNS`] and place/organisation
/// modifiers, and must contain a role noun.
const TITLE_MODIFIERS: &[&str] = &[
    "counterpart",
    "officials",
    "foreign",
    "defense",
    "defence",
    "prime",
    "deputy",
    "vice",
    "high",
    "assistant",
    "member",
    "press",
    "crown",
    "state",
    "affairs",
    "security",
    "national",
    "interior",
    "finance",
    "economy",
    "trade",
    "energy",
    "justice",
    "health",
    "army",
    "staff",
    "joint",
    "council",
    "policy",
    "diplomacy",
    "cooperation",
    "top",
];

/// Head words that make a phrase a role by themselves (lowercase). The
/// words of [`TITLE_MODIFIERS`] do not: “foreign” or “state” alone is no
/// title, and a relation like “counterpart” is not one either (“his Russian
/// counterpart, Sergei Lavrov” says who Lavrov is to the speaker).
const ROLE_NOUNS: &[&str] = &[
    "president",
    "vice-president",
    "secretary",
    "secretary-general",
    "minister",
    "ambassador",
    "head",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "envoy",
    "chancellor",
    "leader",
    "official",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "governor",
    "mayor",
    "senator",
    "congressman",
    "congresswoman",
    "king",
    "queen",
    "prince",
    "pope",
    "commander",
    "general",
    "admiral",
    "colonel",
    "premier",
    "prosecutor",
    "judge",
    "ceo",
    "diplomat",
    "adviser",
    "advisor",
    "analyst",
    "negotiator",
    "commissioner",
    "undersecretary",
    "under-secretary",
    "attorney",
    "speaker",
    "lawmaker",
    "legislator",
    "editor",
    "correspondent",
    "professor",
    "expert",
    "mp",
    "gen.",
    "sen.",
    "rep.",
    "gov.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "sir",
    "lord",
    "lady",
    "dame",
    "emir",
    "sheikh",
];

/// An index in `0..1024` for two bytes: their low five bits, which are the
/// same for both cases of an ASCII letter, so a word's index needs no
/// lowercasing. Other bytes share indices with letters; the tables indexed
/// this way are filters, so that only lets more words through to the exact
/// lookup behind them.
pub(crate) const fn letter_pair(a: u8, b: u8) -> usize {
    ((a & 31) as usize) << 5 | (b & 31) as usize
}

/// At most 16 bytes packed little-endian into a `u128`, zero after the
/// end, each byte `| 0x20`: ASCII lowercasing for letters, no change for
/// digits, `.`, `-` and the space, so a lowercase word packs as its bytes.
pub(crate) const fn pack_lower(bytes: &[u8]) -> u128 {
    let mut v = 0u128;
    let mut k = 0;
    while k < bytes.len() {
        v |= ((bytes[k] | 0x20) as u128) << (8 * k);
        k += 1;
    }
    v
}

/// Bit `n` of a length mask for a word of `n` bytes (63 for longer words).
pub(crate) const fn length_bit(n: usize) -> u64 {
    1 << if n < 63 { n } else { 63 }
}

/// The weekday names, lowercase, Monday first.
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month names, lowercase, in calendar order (index + 1 = month number).
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Pronouns that can stand for a person speaker.
pub(crate) const PERSON_PRONOUNS: &[&str] = &["he", "she"];

/// Words that can come between a speaker and a reporting verb
/// (“Blinken has also announced”): what [`is_auxiliary`] matches, as a list
/// for the tests that keep the two the same.
#[cfg(test)]
pub(crate) const AUXILIARIES: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "later",
    "then",
    "again",
    "further",
    "previously",
    "already",
    "once",
    "reportedly",
    "would",
    "will",
    "did",
    "does",
    "is",
    "was",
    "publicly",
    "repeatedly",
    "on",
    "for",
    "its",
    "part",
    "been",
    "himself",
    "herself",
    "just",
];

/// `AUXILIARIES.contains(&word)`, as a `match` (the compiler dispatches on
/// the length first) rather than up to 28 string compares; a test keeps
/// the two lists the same.
pub(crate) fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "had"
            | "have"
            | "also"
            | "later"
            | "then"
            | "again"
            | "further"
            | "previously"
            | "already"
            | "once"
            | "reportedly"
            | "would"
            | "will"
            | "did"
            | "does"
            | "is"
            | "was"
            | "publicly"
            | "repeatedly"
            | "on"
            | "for"
            | "its"
            | "part"
            | "been"
            | "himself"
            | "herself"
            | "just"
    )
}

/// Lowercase words that may sit inside a person's name between
/// capitalised parts (“Ursula von der Leyen”).
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "der", "den", "di", "van", "von", "bin", "al", "la", "le", "du",
    "dos",
];

/// Bits of [`lower_flags`]: the lowercase word lists a word belongs to.
const REPORTING: u8 = 1;
const TITLE_MODIFIER: u8 = 1 << 1;
const ROLE_NOUN: u8 = 1 << 2;

/// Bits of [`exact_flags`]: the case-sensitive word lists.
const STOP_CAPITALISED_BIT: u8 = 1;
const ROLE_MODIFIER: u8 = 1 << 1;

/// Word to list bits, for the word lists probed for every token.
///
/// A word of at most 16 bytes (nearly every word) is packed into two
/// integers and found in an open-addressing table with one multiply and
/// integer compares; longer words go to an ordinary hash map. Same answers
/// as one `HashMap<&[u8], u8>`.
struct FlagMap {
    /// `(bytes 0..8, bytes 8..16, length, bits)`; length 0 = empty slot.
    slots: Vec<(u64, u64, u8, u8)>,
    long: std::collections::HashMap<Vec<u8>, u8, BuildHasherDefault<FxHasher>>,
    /// `shapes[FlagMap::shape(word)]` has [`length_bit`] of the word set for
    /// every word of the map: a word whose bit is clear is not in it, found
    /// without hashing (most words probed are in no list).
    shapes: Vec<u64>,
}

impl FlagMap {
    /// The map of `words` to the union of their bits. The table has at
    /// least twice as many slots as words, so probing always ends.
    fn build(words: &[(&str, u8)]) -> Self {
        let mut m = FlagMap {
            slots: vec![(0, 0, 0, 0); (2 * words.len()).next_power_of_two().max(64)],
            long: Default::default(),
            shapes: vec![0; 1024],
        };
        for &(w, bit) in words {
            m.add(w, bit);
        }
        m
    }

    /// `word` packed, ASCII-lowercased when `lower`; `None` when longer
    /// than 16 bytes or empty.
    ///
    /// The two halves are the little-endian integers of the word's bytes
    /// padded with zeros to 16 ([`load_le`] reads them without a copy), and
    /// lowercasing is done on the whole integers ([`ascii_lower_u64`]).
    #[inline]
    fn pack(word: &[u8], lower: bool) -> Option<(u64, u64)> {
        if word.is_empty() || word.len() > 16 {
            return None;
        }
        let (a, b) = if word.len() > 8 {
            let (lo, hi) = word.split_at(8);
            (load_le(lo), load_le(hi))
        } else {
            (load_le(word), 0)
        };
        if lower {
            Some((ascii_lower_u64(a), ascii_lower_u64(b)))
        } else {
            Some((a, b))
        }
    }

    /// The home slot of a packed word (its two 8-byte halves and length):
    /// a multiplicative hash, masked to the table size (a power of two).
    #[inline]
    fn slot(&self, a: u64, b: u64, len: usize) -> usize {
        let h = (a ^ b.rotate_left(29) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 40) as usize & (self.slots.len() - 1)
    }

    /// Where `word`'s length bit is in [`FlagMap::shapes`]: the
    /// [`letter_pair`] of its first and last bytes (`None` for the empty
    /// word), so a word and its ASCII lowercase have the same shape.
    #[inline]
    fn shape(word: &[u8]) -> Option<(usize, u64)> {
        let (&f, &l) = (word.first()?, word.last()?);
        Some((letter_pair(f, l), length_bit(word.len())))
    }

    /// Sets flag `bit` for `word` (lowercase ASCII), inserting it by linear
    /// probing from its home slot; also records its shape.
    fn add(&mut self, word: &str, bit: u8) {
        if let Some((at, len_bit)) = Self::shape(word.as_bytes()) {
            self.shapes[at] |= len_bit;
        }
        let Some((a, b)) = Self::pack(word.as_bytes(), false) else {
            *self.long.entry(word.as_bytes().to_vec()).or_insert(0) |= bit;
            return;
        };
        let len = word.len() as u8;
        let mut i = self.slot(a, b, word.len());
        loop {
            let e = &mut self.slots[i];
            if e.2 == 0 {
                *e = (a, b, len, bit);
                return;
            }
            if (e.0, e.1, e.2) == (a, b, len) {
                e.3 |= bit;
                return;
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    /// The bits of `word`, ASCII-lowercased first when `lower` (the caller
    /// lowercases non-ASCII words itself).
    #[inline]
    fn get(&self, word: &[u8], lower: bool) -> u8 {
        match Self::shape(word) {
            Some((at, len_bit)) if self.shapes[at] & len_bit != 0 => {}
            // no word of the map has this shape (or the word is empty)
            _ => return 0,
        }
        let Some((a, b)) = Self::pack(word, lower) else {
            return self.get_long(word, lower);
        };
        let len = word.len() as u8;
        let mut i = self.slot(a, b, word.len());
        loop {
            let e = self.slots[i];
            if e.2 == 0 {
                return 0;
            }
            if (e.0, e.1, e.2) == (a, b, len) {
                return e.3;
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    /// [`FlagMap::get`] for the words [`FlagMap::pack`] does not take
    /// (empty or longer than 16 bytes): rare, kept out of line.
    #[cold]
    #[inline(never)]
    fn get_long(&self, word: &[u8], lower: bool) -> u8 {
        if word.is_empty() {
            return 0;
        }
        let key = if lower {
            word.to_ascii_lowercase()
        } else {
            word.to_vec()
        };
        self.long.get(&key).copied().unwrap_or(0)
    }
}

/// The little-endian integer of `bytes` (at most 8) padded with zero
/// bytes: `u64::from_le_bytes` of them copied into `[0; 8]`, read with at
/// most two loads.
///
/// For 4 to 8 bytes, the first four and the last four are read (they
/// overlap when fewer than 8) and OR-ed in place: an overlapping byte lands
/// on the same position from both loads. For 1 to 3 bytes, the first, the
/// middle and the last byte cover them all the same way.
#[inline]
fn load_le(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    debug_assert!(n <= 8);
    if n >= 4 {
        let lo = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        let hi = u32::from_le_bytes([bytes[n - 4], bytes[n - 3], bytes[n - 2], bytes[n - 1]]);
        u64::from(lo) | (u64::from(hi) << (8 * (n - 4)))
    } else if n > 0 {
        u64::from(bytes[0])
            | (u64::from(bytes[n / 2]) << (8 * (n / 2)))
            | (u64::from(bytes[n - 1]) << (8 * (n - 1)))
    } else {
        0
    }
}

/// Each byte of `x` ASCII-lowercased (`u8::to_ascii_lowercase` on the
/// eight bytes at once).
///
/// Per byte `c`: `c + (0x80 - b'A')` has its top bit set when `c >= b'A'`,
/// and `c + (0x80 - b'Z' - 1)` when `c > b'Z'`; the bytes' low seven bits
/// are added separately so no carry crosses into the next byte. Bytes of
/// 0x80 and up are left alone, as `to_ascii_lowercase` leaves them.
#[inline]
fn ascii_lower_u64(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = x & LOW7;
    let ge_a = low + 0x3f3f_3f3f_3f3f_3f3f; // 0x80 - b'A' = 0x3f
    let gt_z = low + 0x2525_2525_2525_2525; // 0x80 - b'Z' - 1 = 0x25
    let upper = ge_a & !gt_z & !x & HIGH;
    x | (upper >> 2)
}

fn add_all<'a>(
    out: &mut Vec<(&'static str, u8)>,
    words: impl IntoIterator<Item = &'a &'static str>,
    bit: u8,
) {
    out.extend(words.into_iter().map(|w| (*w, bit)));
}

/// The map of the lowercase lists (reporting verbs, title modifiers, role
/// nouns).
fn lower_map() -> &'static FlagMap {
    static M: OnceLock<FlagMap> = OnceLock::new();
    M.get_or_init(|| {
        let mut words = Vec::new();
        add_all(&mut words, REPORTING_VERBS, REPORTING);
        add_all(&mut words, TITLE_MODIFIERS, TITLE_MODIFIER);
        add_all(&mut words, ROLE_NOUNS, ROLE_NOUN);
        FlagMap::build(&words)
    })
}

/// The map of the case-sensitive lists (capitalised stop words, role
/// modifiers from the gazetteers).
fn exact_map() -> &'static FlagMap {
    static M: OnceLock<FlagMap> = OnceLock::new();
    M.get_or_init(|| {
        let mut words = Vec::new();
        add_all(&mut words, STOP_CAPITALISED, STOP_CAPITALISED_BIT);
        for e in gazetteer() {
            add_all(&mut words, &e.demonyms, ROLE_MODIFIER);
            for n in std::iter::once(&e.name).chain(e.aliases.iter()) {
                if !n.contains(' ') {
                    add_all(&mut words, [n], ROLE_MODIFIER);
                }
            }
        }
        FlagMap::build(&words)
    })
}

/// The lowercase lists (reporting verbs, title modifiers, role nouns) that
/// `word` belongs to, any case: one lowercasing and one lookup answer all
/// of them.
fn lower_flags(word: &str) -> u8 {
    let m = lower_map();
    if word.is_ascii() {
        m.get(word.as_bytes(), true)
    } else if word.chars().all(|c| c.is_ascii() || c == KELVIN_SIGN) {
        m.get(word.to_lowercase().as_bytes(), false)
    } else {
        // the lowercase of any other non-ASCII char holds a non-ASCII char
        // (tested), and every word of these lists is ASCII: no lowercasing
        // (nor allocation) needed to answer
        0
    }
}

/// The one non-ASCII char whose lowercase is ASCII (`k`).
pub(crate) const KELVIN_SIGN: char = '\u{212A}';

/// True when every word of `words` is ASCII.
const fn all_ascii(words: &[&str]) -> bool {
    let mut i = 0;
    while i < words.len() {
        if !words[i].is_ascii() {
            return false;
        }
        i += 1;
    }
    true
}

const _: () = assert!(
    all_ascii(REPORTING_VERBS) && all_ascii(TITLE_MODIFIERS) && all_ascii(ROLE_NOUNS),
    "lower_flags answers 0 for words whose lowercase is not ASCII"
);

/// The case-sensitive lists (capitalised stop words, role modifiers from
/// the gazetteers) that `word` belongs to, as written.
fn exact_flags(word: &str) -> u8 {
    exact_map().get(word.as_bytes(), false)
}

/// For an ASCII `word` with lowercase `l`: `is_title_word(l) &&
/// !is_role_modifier(l)` (a word that says what a role is), without
/// building `l`: [`FlagMap::get`] lowercases ASCII itself, and `l`
/// lowercases to itself.
pub(crate) fn is_core_title_word_ascii(word: &str) -> bool {
    debug_assert!(word.is_ascii());
    lower_map().get(word.as_bytes(), true) & (ROLE_NOUN | TITLE_MODIFIER) != 0
        && exact_map().get(word.as_bytes(), true) & ROLE_MODIFIER == 0
}

/// True for a reporting verb form (any case). [`may_be_reporting_verb`]
/// first rejects most other words without the table lookup.
pub(crate) fn is_reporting_verb(word: &str) -> bool {
    may_be_reporting_verb(word) && in_reporting_list(word)
}

/// The reporting-verb list lookup alone, without the prefilter.
fn in_reporting_list(word: &str) -> bool {
    lower_flags(word) & REPORTING != 0
}

/// True for words that can be part of a role phrase.
pub(crate) fn is_title_word(word: &str) -> bool {
    lower_flags(word) & (ROLE_NOUN | TITLE_MODIFIER) != 0
}

/// The role-phrase word lists a word is in, from one lookup per table:
/// title words ([`is_title_word`]), role nouns, role modifiers
/// ([`is_role_modifier`]) and capitalised stop words.
#[derive(Clone, Copy)]
pub(crate) struct WordLists {
    lower: u8,
    exact: u8,
}

impl WordLists {
    /// The lists `word` is in.
    pub fn of(word: &str) -> Self {
        WordLists {
            lower: lower_flags(word),
            exact: exact_flags(word),
        }
    }

    /// [`is_title_word`] of the word.
    pub fn is_title_word(self) -> bool {
        self.lower & (ROLE_NOUN | TITLE_MODIFIER) != 0
    }

    /// True for the head nouns of role phrases.
    pub fn is_role_noun(self) -> bool {
        self.lower & ROLE_NOUN != 0
    }

    /// [`is_role_modifier`] of the word.
    pub fn is_role_modifier(self) -> bool {
        self.exact & ROLE_MODIFIER != 0
    }

    /// True for capitalised words that never start a name.
    pub fn is_stop_capitalised(self) -> bool {
        self.exact & STOP_CAPITALISED_BIT != 0
    }
}

/// True for a common given name (case-sensitive, as written in names).
pub(crate) fn is_given_name(word: &str) -> bool {
    static S: OnceLock<WordSet<'static>> = OnceLock::new();
    S.get_or_init(|| {
        include_str!("../data/given_names.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
    .contains(word)
}

/// A gazetteer entry: an organisation or place with its names.
#[derive(Debug)]
pub(crate) struct GazetteerEntry {
    pub name: &'static str,
    pub aliases: Vec<&'static str>,
    pub demonyms: Vec<&'static str>,
    pub is_place: bool,
}

/// Every organisation and place the crate knows, organisations first.
pub(crate) fn gazetteer() -> &'static [GazetteerEntry] {
    static G: OnceLock<Vec<GazetteerEntry>> = OnceLock::new();
    G.get_or_init(|| {
        let mut out = Vec::new();
        for (src, is_place) in [
            (include_str!("../data/organizations.tsv"), false),
            (include_str!("../data/places.tsv"), true),
        ] {
            for line in src.lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let mut cols = line.split('\t');
                let name = cols.next().unwrap_or("").trim();
                let split = |c: Option<&'static str>| -> Vec<&'static str> {
                    c.unwrap_or("")
                        .split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect()
                };
                let aliases = split(cols.next());
                let demonyms = split(cols.next());
                out.push(GazetteerEntry {
                    name,
                    aliases,
                    demonyms,
                    is_place,
                });
            }
        }
        out
    })
}

/// True when `word` is a demonym or place/organisation acronym that can
/// modify a role (“Russian President”, “US Secretary of State”).
pub(crate) fn is_role_modifier(word: &str) -> bool {
    exact_flags(word) & ROLE_MODIFIER != 0
}

/// True when every word of `words` is a plain lowercase ASCII word
/// (letters a–z only), the shape [`REPORTING_SHAPES`] relies on.
const fn all_lowercase_ascii(words: &[&str]) -> bool {
    let mut i = 0;
    while i < words.len() {
        let b = words[i].as_bytes();
        if b.is_empty() {
            return false;
        }
        let mut j = 0;
        while j < b.len() {
            if !b[j].is_ascii_lowercase() {
                return false;
            }
            j += 1;
        }
        i += 1;
    }
    true
}

const _: () = assert!(
    all_lowercase_ascii(REPORTING_VERBS),
    "reporting verbs must be lowercase ASCII words (see may_be_reporting_verb)"
);

/// `REPORTING_SHAPES[letter_pair(f, l)]` has [`length_bit`]`(n)` set when
/// some reporting verb of `n` bytes starts with byte `f` and ends with
/// byte `l` (either case: see [`letter_pair`]).
static REPORTING_SHAPES: [u64; 1024] = {
    let mut t = [0u64; 1024];
    let mut i = 0;
    while i < REPORTING_VERBS.len() {
        let b = REPORTING_VERBS[i].as_bytes();
        let n = b.len();
        t[letter_pair(b[0], b[n - 1])] |= length_bit(n);
        i += 1;
    }
    t
};

/// A cheap first test for [`is_reporting_verb`]: false only when `word`
/// cannot be one, from its first and last bytes and its length (most words
/// of a news text fail it without hashing).
///
/// When the first and last bytes are ASCII, they are the first and last
/// chars, and lowercasing turns them into their ASCII lowercase whatever
/// the rest of the word: a verb must start and end with those letters. The
/// length is compared only for ASCII words, which lowercase byte for byte
/// (a char such as the Kelvin sign lowercases to an ASCII letter of
/// another length). Words with a non-ASCII first or last byte are not
/// judged.
fn may_be_reporting_verb(word: &str) -> bool {
    let b = word.as_bytes();
    let (Some(&f), Some(&l)) = (b.first(), b.last()) else {
        return false; // "" is no verb
    };
    if !f.is_ascii() || !l.is_ascii() {
        return true;
    }
    let lengths = REPORTING_SHAPES[letter_pair(f, l)];
    if lengths & length_bit(b.len()) != 0 {
        return true;
    }
    // a non-ASCII middle may lowercase to another length
    lengths != 0 && !word.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteers_load_and_know_nato_aliases() {
        let g = gazetteer();
        let nato = g.iter().find(|e| e.name == "NATO").expect("NATO entry");
        assert!(nato.aliases.contains(&"Atlantic Alliance"));
        assert!(!nato.is_place);
        let us = g.iter().find(|e| e.name == "United States").unwrap();
        assert!(us.is_place && us.aliases.contains(&"US"));
        assert!(is_role_modifier("Russian") && is_role_modifier("NATO"));
        assert!(!is_role_modifier("Blinken"));
    }

    #[test]
    fn flag_map_agrees_with_a_hash_map() {
        let words: Vec<(&str, u8)> = REPORTING_VERBS
            .iter()
            .map(|w| (*w, 1))
            .chain(ROLE_NOUNS.iter().map(|w| (*w, 2)))
            .chain([
                ("a-sixteen-bytes!", 4),
                ("seventeen-bytes!!", 4),
                ("won’t", 8),
            ])
            .collect();
        let m = FlagMap::build(&words);
        let mut reference: std::collections::HashMap<&str, u8> = Default::default();
        for &(w, b) in &words {
            *reference.entry(w).or_insert(0) |= b;
        }
        for (w, bits) in &reference {
            assert_eq!(m.get(w.as_bytes(), false), *bits, "{w}");
            assert_eq!(m.get(w.to_ascii_uppercase().as_bytes(), true), *bits, "{w}");
        }
        for w in [
            "",
            "x",
            "sai",
            "saidd",
            "seventeen-bytes!",
            "seventeen-bytes!!!",
            "Said",
        ] {
            assert_eq!(
                m.get(w.as_bytes(), false),
                reference.get(w).copied().unwrap_or(0),
                "{w}"
            );
        }
    }

    #[test]
    fn packing_agrees_with_copying_into_a_zeroed_buffer() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "AbCdE",
            "abcdef",
            "ABCDEFG",
            "abcdefgh",
            "Secretary",
            "@[`{Az\u{7f}",
            "Élysée-Palace",
            "ÀÉÎÕÜ’s",
            "abcdefghijklmnop",
            "ABCDEFGHIJKLMNOPQ",
        ];
        for w in words {
            let b = w.as_bytes();
            for lower in [false, true] {
                let reference = (!b.is_empty() && b.len() <= 16).then(|| {
                    let mut buf = [0u8; 16];
                    buf[..b.len()].copy_from_slice(b);
                    if lower {
                        buf.make_ascii_lowercase();
                    }
                    let (x, y) = buf.split_at(8);
                    (
                        u64::from_le_bytes(x.try_into().unwrap()),
                        u64::from_le_bytes(y.try_into().unwrap()),
                    )
                });
                assert_eq!(FlagMap::pack(b, lower), reference, "{w:?} {lower}");
            }
        }
        for x in 0..=255u8 {
            let v = u64::from_le_bytes([x, 0, 255, x, b'A', b'Z', x, 0x7f]);
            let mut want = v.to_le_bytes();
            want.make_ascii_lowercase();
            assert_eq!(ascii_lower_u64(v), u64::from_le_bytes(want), "{x}");
        }
    }

    #[test]
    fn quick_reporting_verb_test_agrees_with_the_word_set() {
        let t = "Blinken SAID, said, Said; he told reporters he acknowledged it, \
                 ACKNOWLEDGES, emphasised emphasized tweets thinks thin\u{212a}s \
                 announcing warning, believes no delivered demands States x a , 42 \
                 sAYs say sa y İnsisted insisted’s — « said »";
        let mut words: Vec<String> = t
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .map(str::to_string)
            .collect();
        words.extend(words.clone().iter().map(|w| w.to_uppercase()));
        let mut verbs = 0;
        for w in &words {
            let slow = in_reporting_list(w);
            assert_eq!(is_reporting_verb(w), slow, "{w:?}");
            verbs += usize::from(slow);
        }
        assert!(verbs > 20, "{verbs}");
        assert!(is_reporting_verb("thin\u{212a}s"), "Kelvin sign");
    }

    #[test]
    fn only_the_kelvin_sign_lowercases_to_ascii() {
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            if c.to_lowercase().all(|l| l.is_ascii()) {
                assert_eq!(c, KELVIN_SIGN, "{c:?} {:#x}", u32::from(c));
            }
        }
        // what lower_flags' shortcut relies on, for whole words too
        for w in [
            "Élysée",
            "Σecretary",
            "SECRETARYΣ",
            "İnsisted",
            "thin\u{212a}s",
        ] {
            assert_eq!(
                lower_flags(w),
                lower_map().get(w.to_lowercase().as_bytes(), false)
            );
        }
    }

    #[test]
    fn is_auxiliary_is_the_list() {
        for w in AUXILIARIES {
            assert!(is_auxiliary(w), "{w}");
        }
        let n = (0..=255u8)
            .map(|b| (b as char).to_string())
            .chain(["Has", "hass", "ha", "", "been ", "partly"].map(String::from))
            .filter(|w| is_auxiliary(w))
            .count();
        assert_eq!(n, 0);
        // as many arms as list entries (the list has no duplicates)
        let mut sorted = AUXILIARIES.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 28);
    }

    #[test]
    fn word_lists() {
        assert!(is_reporting_verb("acknowledged") && is_reporting_verb("reiterated"));
        assert!(!is_reporting_verb("States") && !is_reporting_verb("demands"));
        assert!(!is_reporting_verb("delivered"));
        assert!(is_given_name("Antony") && !is_given_name("Blinken"));
        let lists = WordLists::of;
        assert!(lists("Secretary").is_role_noun() && !lists("State").is_role_noun());
        assert!(lists("The").is_stop_capitalised() && !lists("the").is_stop_capitalised());
        assert!(lists("Russian").is_role_modifier() && lists("Secretary").is_title_word());
        assert!(is_title_word("State"));
    }
}
