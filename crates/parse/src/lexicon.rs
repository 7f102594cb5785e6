//! The lexicon: every word list of the crate, each defined once in a data
//! file under `crates/parse/data/lexicon/`, and the gazetteers of
//! `crates/parse/data/` (all compiled into the binary: nothing is read or
//! downloaded at run time).
//!
//! A word list is a word **class** ([`Class`]); the file
//! `data/lexicon/{name}.tsv` holds its entries, one a line, after a header
//! of `#` comment lines saying what the class means and which extractors
//! read it, and a `# case: any` or `# case: exact` line:
//!
//! - `any`: the entry matches the word in any case (entries are written in
//!   lowercase; a word is lowercased, Unicode-wise, before the lookup);
//! - `exact`: the entry matches only the word as written (“The” is a
//!   capitalised stop word, “the” is not).
//!
//! An entry may carry a value after a tab (a month's number, a number
//! word's value, a currency's ISO code): [`value`]. An entry of several
//! words (“more than”) is a phrase: it is listed by [`entries`], and
//! [`classes`] answers for the whole phrase written with single spaces.
//!
//! [`classes`] gives the classes of a word in one lookup: the analysis
//! layer ([`crate::analysis`]) stores them on every token, so that an
//! extractor's word test is a bit test (`token.classes.has(Class::Month)`).
//!
//! ```
//! use crosscheck_parse::lexicon::{self, Class};
//! assert!(lexicon::classes("Warned").has(Class::ReportingVerb));
//! assert!(lexicon::classes("The").has(Class::StopCapitalised));
//! assert!(!lexicon::classes("the").has(Class::StopCapitalised));
//! assert_eq!(lexicon::value("February", Class::Month), Some("2"));
//! ```

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

/// Hash set of words (FxHash: the keys are short words of the article,
/// for which SipHash's flood resistance buys nothing).
pub(crate) type WordSet<'a> = FxHashSet<&'a str>;

/// Declares [`Class`]: one variant per data file, with its name.
macro_rules! classes {
    ($( $(#[doc = $doc:literal])* $variant:ident => $file:literal, )*) => {
        /// A word class: one word list of `crates/parse/data/lexicon/`
        /// (the file `{name}.tsv`, see [`Class::name`]), whose header says
        /// what the class means and who reads it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Class {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Class {
            /// Every class, in declaration order.
            pub const ALL: &'static [Class] = &[$(Class::$variant),*];

            /// The class's name, also its data file's:
            /// `data/lexicon/{name}.tsv`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Class::$variant => $file),*
                }
            }

            /// The text of the class's data file.
            const fn source(self) -> &'static str {
                match self {
                    $(Class::$variant => include_str!(concat!("../data/lexicon/", $file, ".tsv"))),*
                }
            }
        }
    };
}

classes! {
    /// Verbs that introduce reported speech, every form spelled out.
    ReportingVerb => "reporting_verb",
    /// Head nouns that make a phrase a role (“president”, “minister”).
    RoleNoun => "role_noun",
    /// Words of a role phrase that make no role alone (“foreign”, “deputy”).
    TitleModifier => "title_modifier",
    /// Demonyms and one-word place or organisation names (from the
    /// gazetteers) that can modify a role (“Russian President”).
    RoleModifier => "role_modifier",
    /// Capitalised words that never start a person's name (“The”, “However”).
    StopCapitalised => "stop_capitalised",
    /// Words between a speaker and a reporting verb (“has”, “also”).
    Auxiliary => "auxiliary",
    /// Lowercase particles inside names (“von”, “der”, “da”).
    NameParticle => "name_particle",
    /// Pronouns that can stand for a person speaker (“he”, “she”).
    PersonPronoun => "person_pronoun",
    /// Common given names, as written (“Antony”, “Josep”).
    GivenName => "given_name",
    /// Words of the names of organisations, events and places (“News”,
    /// “Court”, “River”): a capitalised run holding one is no person.
    NonPersonWord => "non_person_word",
    /// Abbreviated titles whose full stop belongs to the word (“Gen.”).
    TitleAbbreviation => "title_abbreviation",
    /// Other abbreviations after which a full stop ends no sentence.
    Abbreviation => "abbreviation",
    /// Nouns of a margin glued by a hyphen to their number (“a 10-point
    /// lead”): before a noun of `margin_noun`, the compound states a figure.
    MarginWord => "margin_word",
    /// Nouns of a margin (“lead”, “majority”) after a compound of
    /// `margin_word`.
    MarginNoun => "margin_noun",
    /// Function words that, capitalised after an acronym's or a non-title
    /// abbreviation's full stop, open a sentence (“the U.S. He said”).
    SentenceOpener => "sentence_opener",
    /// Weekday abbreviations (“Tue”), value 1 = Monday.
    WeekdayAbbr => "weekday_abbr",
    /// Determiners and possessive pronouns (“the”, “its”).
    Determiner => "determiner",
    /// The articles “a”, “an”, “the”.
    Article => "article",
    /// Function words that are no noun after a scare quote.
    FunctionWord => "function_word",
    /// Connectors inside a role phrase (“of”, “the”, “for”).
    RoleConnector => "role_connector",
    /// Month names, value = month number.
    Month => "month",
    /// Month abbreviations (“Jan”, “Sept”), value = month number.
    MonthAbbr => "month_abbr",
    /// Full month names that are also names (“May”, “June”): a bare one
    /// needs a cue.
    MonthNameAmbiguous => "month_name_ambiguous",
    /// Month words that are common words in lowercase (“may”, “march”).
    MonthCommonWord => "month_common_word",
    /// Weekday names, value 1 = Monday … 7 = Sunday.
    Weekday => "weekday",
    /// One-word numbers below a hundred (“three”, “forty”), value = number.
    NumberWord => "number_word",
    /// Words that multiply the number before them (“million”), value =
    /// the factor.
    ScaleWord => "scale_word",
    /// Parts of a month or year (“early”, “mid”, “end”), value early, mid
    /// or late.
    DatePart => "date_part",
    /// Prepositions before a date or span (“in”, “since”, “within”).
    DatePreposition => "date_preposition",
    /// Words placing a day or period (“last”, “next”, “coming”).
    DateModifier => "date_modifier",
    /// Days relative to the article (“yesterday”, “tonight”).
    DeicticDay => "deictic_day",
    /// Words and phrases referring to the present, past or future without
    /// a date (“now”, “recently”, “the near future”), value present, past
    /// or future.
    TimeReference => "time_reference",
    /// Plural number words of a vague amount (“thousands”), value = base.
    VaguePlural => "vague_plural",
    /// Fraction words (“third”, “quarters”), value = denominator (and
    /// `plural`).
    FractionWord => "fraction_word",
    /// Words that report speech only right next to a quotation (“read”,
    /// “snapped”, “posted”).
    QuoteVerb => "quote_verb",
    /// Reporting verbs whose object is the person spoken to (“told”,
    /// “assured”): the name after one is no inverted subject.
    AddresseeVerb => "addressee_verb",
    /// Conjunctions opening an adverbial clause (“after”, “because”).
    AdverbialSubordinator => "adverbial_subordinator",
    /// Lowercase words (“to”, “who”, “and”) that never stand between a
    /// closing mark and the name of its speaker: the name after one is
    /// someone else's object.
    SpeakerBarrier => "speaker_barrier",
    /// Participles that attach a quotation to the subject of their clause
    /// (“…, telling the crowd, “…””).
    CueParticiple => "cue_participle",
    /// Lowercase first words of an apposition or relative clause between
    /// a name and its verb (“a”, “who”, “speaking”).
    AppositionStart => "apposition_start",
    /// Adverbs not ending in “-ly” between a subject and its verb
    /// (“often”, “later”).
    SubjectAdverb => "subject_adverb",
    /// Words besides articles, determiners and number words that open a
    /// speaker phrase named as written (“Another reader wrote, “…””,
    /// “Many residents said: “…””).
    PhraseOpener => "phrase_opener",
    /// Words naming a party, a faith, a people or a generation, never one
    /// person (“Democratic”, “Latinos”), as written.
    GroupWord => "group_word",
    /// Finite auxiliary and modal verbs (“would”, “had”, “was”): the mark
    /// of a clause reported without “that”.
    FiniteAuxiliary => "finite_auxiliary",
    /// Given names of one gender, as written, value `m` or `f`.
    GivenNameGender => "given_name_gender",
    /// Titles and nouns of one gender (“Mrs.”, “spokeswoman”), value `m`
    /// or `f`.
    GenderNoun => "gender_noun",
    // The date and time word lists (read by `dates`).
    /// Words bounding a date (“by”, “until”, “since”), value = flags.
    DateBound => "date_bound",
    /// Nouns that make the number before them a count (“people”).
    CountedNoun => "counted_noun",
    /// Verbs right before a vote's or a match's tally (“voted 9-3”).
    TallyVerb => "tally_verb",
    /// Nouns right after a tally (“a 5-4 decision”).
    TallyNoun => "tally_noun",
    /// Words and phrases of a future clause (“will”, “due to”).
    FutureCue => "future_cue",
    /// Past auxiliaries and adverbs of a past clause (“was”, “ago”).
    PastCue => "past_cue",
    /// Irregular past tenses (“met”, “took”); regular ones are read by
    /// their ending.
    PastVerb => "past_verb",
    /// Verbs linking a subject to a state (“be”, “remain”, “stay”): an
    /// `-ed` word after one is the state, no past verb (“will remain
    /// closed until Monday”).
    LinkingVerb => "linking_verb",
    /// Pronouns that open a clause as its subject (“they”, “it”, “there”).
    SubjectPronoun => "subject_pronoun",
    /// Pronouns that are only ever subjects (“he”, “they”; not “it” or
    /// “you”): after a reporting verb one opens its reported clause.
    NominativePronoun => "nominative_pronoun",
    /// Nouns naming how something was said (“statement”, “interview”):
    /// “said in a statement that …” reports the clause.
    SpeechMedium => "speech_medium",
    /// Verbs that report only with their “that” (“the poll found that”,
    /// “the lawsuit alleges that”), no reporting verbs otherwise.
    ThatVerb => "that_verb",
    /// Prepositions opening an adverbial of time or medium after a
    /// reporting verb that ends its sentence (“…, she said in a
    /// statement.”).
    TailPreposition => "tail_preposition",
    /// Relative words that may stand for the subject of a clause reported
    /// inside a relative clause (“which critics said was unfair”).
    RelativeWord => "relative_word",
    /// Nouns of a statement, claim or belief whose content a “that”
    /// clause gives (“amid complaints that the count was rigged”).
    SpeechNoun => "speech_noun",
    /// Words of quantity opening a noun phrase (“some”, “many”): the
    /// subject of a clause reported without “that” may start with one.
    Quantifier => "quantifier",
    /// Words opening an indirect question (“what”, “how”, “why”): no
    /// reported statement follows (“asked how she plans to pay”).
    QuestionWord => "question_word",
    /// Lowercase words that stand in no bare noun subject right after a
    /// reporting verb (“or”, “off”, “yes”): “said (allies) were rattled”,
    /// not “called (off or) went unnoticed”.
    BareSubjectStop => "bare_subject_stop",
    /// Lowercase words in “-s” that are no verb in the present after a
    /// subject (“news”, “series”, “means”): “said at a Sunday news
    /// conference” holds no clause.
    PresentStop => "present_stop",
    /// Nouns of a document, count or study (“poll”, “records”, “survey”):
    /// as the head of the subject of a verb of `evidence_verb` they make
    /// its object or clause reported content (“the poll found Clinton
    /// leading”, “…, records show”).
    EvidenceNoun => "evidence_noun",
    /// Verbs by which a document or study reports (“show”, “found”,
    /// “suggests”): with a subject headed by an `evidence_noun` they
    /// report their object or clause without “that”.
    EvidenceVerb => "evidence_verb",
    /// Verbs of reporting and showing that attribute the clause after
    /// “As SOURCE VERB,” (“As The Hill reported, …”, “as Clyburn noted,
    /// …”), and “out” of “pointed out”.
    AsSourceVerb => "as_source_verb",
    /// Verbs of promise and refusal that report a “to” infinitive (“vowed
    /// to keep the port closed”, “refused to sign”).
    InfinitiveReport => "infinitive_report",
    /// Reporting phrases of several words before a “that” clause
    /// (“pointed out”, “made it clear”).
    ReportPhrase => "report_phrase",
    /// The last words of the phrases of `report_phrase` (“out”, “clear”):
    /// where the rule looks for one.
    ReportPhraseEnd => "report_phrase_end",
    /// Verbs of evaluation and announcement whose object is reported
    /// content (“endorsed Hillary Clinton”, “criticized the budget”), value
    /// the preposition some need first (“called for a recount”).
    ObjectReport => "object_report",
    /// Verbs of asking and wondering that report an indirect question
    /// (“asked whether”, “wondered if”).
    QuestionVerb => "question_verb",
    /// Words opening an indirect question after a verb of
    /// `question_verb` (“whether”, “if”, “how”, “who”).
    QuestionOpener => "question_opener",
    /// Nouns of stance or speech whose complement after a preposition
    /// (the value) is reported content (“Hart's criticism of the ferry
    /// contract”).
    ObjectNoun => "object_noun",
    /// Verbs of regard and portrayal that report their object and its
    /// complement after “as” (“sees the issue as a way to win”).
    AsReport => "as_report",
    /// Modal verbs (“can”, “would”, “must”): a verb after one is a base
    /// form, no report of what was said.
    Modal => "modal",
    /// Negations (“not”, “never”, “didn't”).
    Negation => "negation",
    /// Words making their clause a condition or a question (“if”,
    /// “unless”, “whether”).
    Condition => "condition",
    /// First-person pronouns (“we”, “I”): outside quotation marks, the
    /// writer's own voice.
    FirstPerson => "first_person",
    /// Words starting a new clause (“and”, “which”, “saying”).
    ClauseBoundary => "clause_boundary",
    /// Prefixes joined by a hyphen to a title, naming when it was held
    /// (“then-Sen.”, “ex-Gov.”).
    TitlePrefix => "title_prefix",
    /// Short words that title case leaves in lowercase (“of”, “the”,
    /// “and”): a sentence with any other lowercase word is no title-case
    /// headline.
    TitleCaseMinor => "title_case_minor",
    /// Words making the weekday after them a name (“Good Friday”).
    HolidayWord => "holiday_word",
    /// Named days of the year (“Thanksgiving”), value = the day (`12-25`,
    /// `11/4/thursday`).
    Holiday => "holiday",
    /// Seasons, value = TimeML code (`SU`).
    Season => "season",
    /// Words of a recurring time (“daily”), value = period (`P1D`).
    SetWord => "set_word",
    /// Words naming a clock time (“noon”), value = `HH:MM`.
    ClockWord => "clock_word",
    /// 12-hour clock marks (“p.m.”), value am or pm.
    Meridiem => "meridiem",
    /// Time zone abbreviations (“GMT”), as written.
    TimeZone => "time_zone",
    /// Parts of the day (“morning”), value = TimeML code (`MO`).
    DayPart => "day_part",
    /// Words before a number that make it an amount (“about”).
    CountCue => "count_cue",
    /// Words of money and the economy (“profit”, “GDP”).
    EconomicWord => "economic_word",
    /// Letters glued to digits that scale them (“12k”, “2.4M”, “$3bn”),
    /// value = the factor (and `currency` when read only after a sign).
    ScaleSuffix => "scale_suffix",
    /// Words and phrases before a number that make it an interval (“more
    /// than”, “up to”, “about”), value = the qualifier.
    Qualifier => "qualifier",
    /// Currency signs (“$”, “€”), value = ISO code.
    CurrencySymbol => "currency_symbol",
    /// Currency codes as written (“USD”, “CHF”, “Rs”), value = ISO code.
    CurrencyCode => "currency_code",
    /// Letters straight before “$” (“US$”, “C$”), value = ISO code.
    DollarPrefix => "dollar_prefix",
    /// Currency names after an amount (“dollars”, “euros”), value = ISO
    /// code (and `scaled`).
    CurrencyWord => "currency_word",
    /// Hundredths of a currency (“cents”, “pence”), value = how many make
    /// one unit.
    CurrencySubunit => "currency_subunit",
    /// Percent words and phrases (“percent”, “per cent”), value = the unit.
    PercentWord => "percent_word",
    /// Words that make the number after them negative (“minus”).
    SignWord => "sign_word",
    /// Words after which a number is a label (“Article 5”, “page 12”).
    LabelWord => "label_word",
    /// Units of time (“years”, “hours”), value = the unit, singular, for
    /// those a date rule reads.
    TimeUnit => "time_unit",
    /// Verbs of a change in amount (“rose”, “fell”, “cut”).
    ChangeVerb => "change_verb",
    /// Words that end the scan for a counted noun (“were”, “with”).
    UnitStop => "unit_stop",
    /// Words before a counted noun that are never it (“new”, “more”).
    UnitSkip => "unit_skip",
    /// Plural nouns without a final “s” (“people”, “police”).
    PluralNoun => "plural_noun",
    /// Units of measure after a number (“km”, “mph”).
    MeasureUnit => "measure_unit",
    /// Nouns after a bare “one” that make it an idiom (“one day”).
    OneIdiom => "one_idiom",
    /// Words before a bare “one” that make it a pronoun (“no one”).
    OnePronounCue => "one_pronoun_cue",
    /// Words that make a following “half” part of a period (“first half”),
    /// value = the number for the ordinals of parts of a year (“third”).
    OrdinalWord => "ordinal_word",
    // The place context word lists (read by `entities`).
    /// Prepositions of place (“in”, “from”, “near”): an ambiguous place
    /// after one is a place (“in Dallas”).
    LocativePreposition => "locative_preposition",
    /// Locative prepositions that name people as often as places (“to”,
    /// “from”, “at”: “spoke to Jackson”): an ambiguous place after one
    /// needs a word that places it (“to suburban Denver”).
    PersonPreposition => "person_preposition",
    /// Verbs and nouns of going, coming and reporting from a place (“moved”,
    /// “flew”, “trip”, “reporting”): after one, “to”, “from” or “at” takes
    /// a place (“moved to Denver”).
    MotionWord => "motion_word",
    /// Words that modify or orient a place (“downtown”, “suburban”,
    /// “east”).
    PlaceModifier => "place_modifier",
    /// Nouns whose modifier, or complement with “of”, is a place
    /// (“suburbs”, “residents”, “mayor”, “based”).
    PlaceNoun => "place_noun",
    /// US state abbreviations after a city and a comma (“Miss”, “TX”).
    StateAbbreviation => "state_abbreviation",
    /// Abbreviated titles and the role nouns they stand for (“sen” →
    /// “senator”), value = the nouns separated by `|`.
    TitleExpansion => "title_expansion",
    /// Words before a title that make it another office or one not held
    /// now (“Lt.”, “deputy”, “acting”, “former”): “Lt. Gov. Jane Roe” is
    /// not “the governor”.
    TitleQualifier => "title_qualifier",
    /// Things that carry written words of their own (“sign”, “hat”,
    /// “headline”, “ad”): the source of the quote they “say” or “read”.
    InscriptionNoun => "inscription_noun",
    /// Verbs by which an [`Class::InscriptionNoun`] gives its words
    /// (“saying”, “reading”; “said”, “reads” after “that” or “which”).
    InscriptionVerb => "inscription_verb",
    /// Cue words mined from the training half of PolNeAR (written by
    /// `train_cues`): the words the learned cue model scores
    /// (`quotes/learned.rs`).
    LearnedCue => "learned_cue",
    /// Words that, right after a word the rules read as a cue, make the
    /// learned cue model report nothing there (“said it again”, “said
    /// nothing about”).
    LearnedRefuse => "learned_refuse",
}

/// A set of [`Class`]es, as a bit set: the classes of a word, or the
/// classes a test accepts. (128 bits since the 65th class, when the
/// quotes and the quantities lexicons met.)
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Classes(u128);

const _: () = assert!(Class::ALL.len() <= 128, "one bit per class");

impl Classes {
    /// The empty set.
    pub const NONE: Classes = Classes(0);

    /// The set of one class.
    pub const fn of(c: Class) -> Classes {
        Classes(1 << c as u32)
    }

    /// The set of `classes`.
    pub const fn all(classes: &[Class]) -> Classes {
        let mut bits = 0;
        let mut i = 0;
        while i < classes.len() {
            bits |= 1 << classes[i] as u32;
            i += 1;
        }
        Classes(bits)
    }

    /// This set with `c` added.
    pub const fn with(self, c: Class) -> Classes {
        Classes(self.0 | 1 << c as u32)
    }

    /// The union of two sets.
    pub const fn union(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }

    /// True when `c` is in the set.
    pub const fn has(self, c: Class) -> bool {
        self.0 & 1 << c as u32 != 0
    }

    /// The set as bits: bit `c as u32` for each class `c` of the set.
    pub const fn bits(self) -> u128 {
        self.0
    }

    /// True when the two sets share a class.
    pub const fn intersects(self, other: Classes) -> bool {
        self.0 & other.0 != 0
    }

    /// True when the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The classes of the set, in declaration order.
    pub fn iter(self) -> impl Iterator<Item = Class> {
        Class::ALL.iter().copied().filter(move |&c| self.has(c))
    }
}

impl std::ops::BitOr for Classes {
    type Output = Classes;
    fn bitor(self, rhs: Classes) -> Classes {
        self.union(rhs)
    }
}

impl std::ops::BitOrAssign for Classes {
    fn bitor_assign(&mut self, rhs: Classes) {
        *self = self.union(rhs);
    }
}

impl From<Class> for Classes {
    fn from(c: Class) -> Classes {
        Classes::of(c)
    }
}

impl std::fmt::Debug for Classes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter().map(Class::name)).finish()
    }
}

/// One entry of a class's data file: a word (or a phrase of words
/// separated by single spaces) and its value (`""` when the line has
/// none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The word or phrase as written in the file.
    pub word: &'static str,
    /// What follows the first tab of the line, `""` if nothing.
    pub value: &'static str,
}

/// What the lexicon knows of one lowercase key.
#[derive(Default)]
struct Slot {
    /// The key's [`WordId`].
    id: u32,
    /// Classes of the key's `case: any` entries.
    any: Classes,
    /// The spellings of the `case: exact` entries lowercasing to the key,
    /// each with the classes listing it.
    exact: Vec<Spelling>,
    /// Values: (class, spelling for an exact class, value).
    values: Vec<(Class, Option<&'static str>, &'static str)>,
}

/// A spelling of `case: exact` entries and the classes listing it so.
struct Spelling {
    text: &'static str,
    /// Its first 16 bytes as [`load_le`] reads them: a short word is
    /// compared with it in one test.
    raw: u128,
    classes: Classes,
}

/// A spelling's answer in [`Lexicon::spellings`].
#[derive(Clone, Copy)]
struct Spelled {
    classes: Classes,
    id: WordId,
    /// The spelling's length: packed bytes do not tell "a" from "a\0".
    len: usize,
}

/// An empty slot of [`PackedMap`].
impl Default for Spelled {
    fn default() -> Self {
        Spelled {
            classes: Classes::NONE,
            id: WordId::ABSENT,
            len: 0,
        }
    }
}

/// A map from words packed by [`load_le`] (non-zero: no word packs to
/// 0) to `V`, for the tokenizer's lookups of nearly every word: open
/// addressing with linear probing in a power-of-two table at most a
/// quarter full (two slots at least), a key's first slot the top bits of a multiplicative hash of its
/// two halves. A lookup is a hash, a load and a compare or two, a miss
/// mostly ends at the first empty slot (hashbrown's group probing costs
/// more for one-word keys).
struct PackedMap<V> {
    /// `(key, value)`; key 0 and `V::default()` in an empty slot.
    slots: Box<[(u128, V)]>,
    /// 64 minus the number of index bits: the hash's top bits index.
    shift: u32,
}

impl<V: Default> Default for PackedMap<V> {
    fn default() -> Self {
        std::iter::empty().collect()
    }
}

impl<V: Default> FromIterator<(u128, V)> for PackedMap<V> {
    /// The map of `pairs` (keys distinct and non-zero; a key 0 is
    /// dropped, a later pair with a key seen replaces the earlier one).
    fn from_iter<I: IntoIterator<Item = (u128, V)>>(pairs: I) -> Self {
        let pairs: Vec<(u128, V)> = pairs.into_iter().filter(|&(k, _)| k != 0).collect();
        // two slots at least: `shift` stays below 64
        let bits = (4 * pairs.len())
            .max(2)
            .next_power_of_two()
            .trailing_zeros();
        let mut map = PackedMap {
            slots: (0..1usize << bits).map(|_| (0, V::default())).collect(),
            shift: 64 - bits,
        };
        let mask = map.slots.len() - 1;
        for (key, value) in pairs {
            let mut i = map.first_slot(key);
            while map.slots[i].0 != 0 && map.slots[i].0 != key {
                i = (i + 1) & mask;
            }
            map.slots[i] = (key, value);
        }
        map
    }
}

impl<V> PackedMap<V> {
    /// The slot where the probe for `key` starts.
    #[inline]
    fn first_slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of `key`.
    #[inline]
    fn get(&self, key: u128) -> Option<&V> {
        if key == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.first_slot(key);
        loop {
            let (k, v) = &self.slots[i];
            if *k == key {
                return Some(v);
            }
            if *k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The keys and values, in table order.
    fn iter(&self) -> impl Iterator<Item = (u128, &V)> {
        self.slots
            .iter()
            .filter(|(k, _)| *k != 0)
            .map(|(k, v)| (*k, v))
    }
}

/// Every class's entries, indexed by lowercase word.
pub(crate) struct Lexicon {
    /// The slots of the words of at most 16 ASCII bytes, by [`pack`]:
    /// nearly every word of an article is looked up here, with no string
    /// hashed or compared.
    short: PackedMap<Slot>,
    /// What [`lookup_short`] answers for the spellings of the short keys
    /// that text commonly holds, by their packed bytes as written (not
    /// lowercased): every key in lowercase and Capitalised, and every
    /// exact spelling, each with its classes resolved and its length. A
    /// word written so is answered with one probe, no lowercasing and no
    /// walk over the slot's exact spellings.
    spellings: PackedMap<Spelled>,
    /// The slots of the other words (longer or not ASCII), by lowercase
    /// form.
    slots: FxHashMap<Box<[u8]>, Slot>,
    /// How many slots there are: the next slot's id.
    len: u32,
}

/// A word's id in the lexicon: one per lowercase key, for the words of
/// every class and the literal words of the crate's rules. The tokenizer
/// stores it on each ASCII word token (found with the token's classes, in
/// the same lookup), so that a rule set tells whether a token is one of
/// its literal words by an array read, with no second lookup of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WordId(u32);

impl WordId {
    /// Not looked up: a number, a punctuation mark, a word with non-ASCII
    /// chars.
    pub const NONE: WordId = WordId(u32::MAX);
    /// An ASCII word looked up and not in the lexicon.
    pub const ABSENT: WordId = WordId(u32::MAX - 1);

    /// The id as an index (`0..`[`word_count`]), `None` for
    /// [`WordId::NONE`] and [`WordId::ABSENT`].
    pub fn index(self) -> Option<usize> {
        (self.0 < WordId::ABSENT.0).then_some(self.0 as usize)
    }
}

/// How a class's entries match words (the `# case:` header line).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Case {
    Any,
    Exact,
}

/// The `# case:` of a data file; `None` when the header has none.
fn case_of(source: &str) -> Option<Case> {
    source
        .lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| match l.strip_prefix("# case:")?.trim() {
            "any" => Some(Case::Any),
            "exact" => Some(Case::Exact),
            _ => None,
        })
}

/// The entries of a data file: its lines that are neither comments nor
/// blank.
fn parse_entries(source: &'static str) -> Vec<Entry> {
    source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (word, value) = l.split_once('\t').unwrap_or((l, ""));
            Entry {
                word: word.trim(),
                value: value.trim(),
            }
        })
        .collect()
}

/// Every class's entries, in file order (see [`entries`]).
fn load_entries() -> Vec<Vec<Entry>> {
    Class::ALL
        .iter()
        .map(|&class| {
            let mut entries = parse_entries(class.source());
            if class == Class::RoleModifier {
                entries.extend(role_modifiers_from_gazetteers());
            }
            entries
        })
        .collect()
}

impl Lexicon {
    fn load() -> Self {
        let mut lex = Lexicon {
            short: PackedMap::default(),
            spellings: PackedMap::default(),
            slots: FxHashMap::default(),
            len: 0,
        };
        for &class in Class::ALL {
            // a file without its case line is a build mistake, caught by
            // the lexicon's tests; read it as `exact`, the narrower reading
            let case = case_of(class.source()).unwrap_or(Case::Exact);
            for e in entries(class) {
                lex.add(class, case, e);
            }
        }
        // the rules' literal words get ids too (a slot with no class)
        for w in crate::dates::rule_words()
            .into_iter()
            .chain(crate::quantities::rule_words())
            .chain(crate::entities::rule_words())
        {
            lex.slot(&w);
        }
        let (short, long): (Vec<_>, Vec<_>) = std::mem::take(&mut lex.slots)
            .into_iter()
            .partition(|(key, _)| std::str::from_utf8(key).is_ok_and(|w| pack(w).is_some()));
        lex.short = short
            .into_iter()
            .filter_map(|(key, slot)| Some((pack(std::str::from_utf8(&key).ok()?)?, slot)))
            .collect();
        lex.slots = long.into_iter().collect();
        lex.spellings = spellings_of(&lex.short);
        lex
    }

    /// The slot of `word`'s lowercase form, made (with the next id) if
    /// there is none yet.
    fn slot(&mut self, word: &str) -> &mut Slot {
        let key = word.to_lowercase().into_bytes().into_boxed_slice();
        let next = &mut self.len;
        self.slots.entry(key).or_insert_with(|| {
            *next += 1;
            Slot {
                id: *next - 1,
                ..Slot::default()
            }
        })
    }

    fn add(&mut self, class: Class, case: Case, e: &Entry) {
        let slot = self.slot(e.word);
        let spelling = match case {
            Case::Any => {
                slot.any = slot.any.with(class);
                None
            }
            Case::Exact => {
                match slot.exact.iter_mut().find(|s| s.text == e.word) {
                    Some(s) => s.classes = s.classes.with(class),
                    None => {
                        let head = &e.word.as_bytes()[..e.word.len().min(16)];
                        slot.exact.push(Spelling {
                            text: e.word,
                            raw: load_le(head),
                            classes: Classes::of(class),
                        });
                    }
                }
                Some(e.word)
            }
        };
        if !e.value.is_empty() && !slot.values.iter().any(|v| (v.0, v.1) == (class, spelling)) {
            slot.values.push((class, spelling, e.value));
        }
    }

    /// The slot of an ASCII `word`'s lowercase form (`Some(None)` when it
    /// has none); `None` when `word` is not ASCII.
    #[inline]
    fn ascii_slot(&self, word: &str) -> Option<Option<&Slot>> {
        if let Some(key) = pack(word) {
            return Some(self.short.get(key));
        }
        if !word.is_ascii() {
            return None;
        }
        let bytes = word.as_bytes();
        // longer ASCII lowercases byte by byte: into a buffer on the stack
        let mut buf = [0u8; 32];
        if bytes.len() <= buf.len() {
            let buf = &mut buf[..bytes.len()];
            for (d, s) in buf.iter_mut().zip(bytes) {
                *d = s.to_ascii_lowercase();
            }
            return Some(self.slots.get(&buf[..]));
        }
        Some(self.slots.get(word.to_ascii_lowercase().as_bytes()))
    }

    /// The slot of `word`'s lowercase form, with `f`.
    fn with_slot<R>(&self, word: &str, f: impl FnOnce(Option<&Slot>) -> R) -> R {
        if let Some(slot) = self.ascii_slot(word) {
            return f(slot);
        }
        // not ASCII, yet its lowercase form may be (“thin\u{212a}s”);
        // lowercased on the stack when it fits (most words: “NATO’s”)
        // (looked up by its bytes: no check that they are UTF-8, which
        // lowercasing chars writes)
        let mut buf = [0u8; 64];
        let lower: Cow<[u8]> = match lowercase_into(word, &mut buf) {
            Some(n) => Cow::Borrowed(&buf[..n]),
            None => Cow::Owned(word.to_lowercase().into_bytes()),
        };
        match pack_bytes(&lower) {
            Some(key) => f(self.short.get(key)),
            None => f(self.slots.get(&*lower)),
        }
    }
}

/// [`Lexicon::spellings`] of the slots of the short keys: each key
/// lowercase (as it is) and Capitalised, and each exact spelling, with
/// the classes and id [`Slot::classes_of_packed`] gives it.
fn spellings_of(short: &PackedMap<Slot>) -> PackedMap<Spelled> {
    let mut out = FxHashMap::default();
    for (key, slot) in short.iter() {
        // the key's length: it has no NUL byte (a word of the data files)
        let len = 16 - (key.leading_zeros() / 8) as usize;
        let capitalised = key & !0xff | u128::from((key as u8).to_ascii_uppercase());
        let exact = slot.exact.iter().map(|s| (s.raw, s.text.len()));
        for (raw, len) in [(key, len), (capitalised, len)].into_iter().chain(exact) {
            out.entry(raw).or_insert(Spelled {
                classes: slot.classes_of_packed(raw, len),
                id: WordId(slot.id),
                len,
            });
        }
    }
    out.into_iter().collect()
}

/// `word.to_lowercase()` written into `buf`, its length; `None` when it
/// does not fit, or when `word` holds a capital sigma (whose lowercase
/// form depends on its place in the word: `str::to_lowercase` decides).
///
/// The chars of the words that come here (“NATO’s”, “Zelensky’s”) are
/// mostly ASCII letters and General Punctuation (U+2000–U+206F, which has
/// no cased char): both are written without `char::to_lowercase`'s table
/// search.
fn lowercase_into(word: &str, buf: &mut [u8]) -> Option<usize> {
    let mut n = 0;
    for c in word.chars() {
        if c.is_ascii() {
            *buf.get_mut(n)? = c.to_ascii_lowercase() as u8;
            n += 1;
            continue;
        }
        if GENERAL_PUNCTUATION.contains(&c) {
            let end = n + c.len_utf8();
            c.encode_utf8(buf.get_mut(n..end)?);
            n = end;
            continue;
        }
        if c == 'Σ' {
            return None;
        }
        for l in c.to_lowercase() {
            let end = n + l.len_utf8();
            l.encode_utf8(buf.get_mut(n..end)?);
            n = end;
        }
    }
    Some(n)
}

/// The General Punctuation block: curly quotes, dashes, special spaces;
/// no char of it has a lowercase or uppercase form.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// A word of at most 16 ASCII bytes as a number, lowercased (see
/// [`pack_any`]): the key of nearly every word's lexicon lookup.
pub(crate) fn pack(w: &str) -> Option<u128> {
    pack_bytes(w.as_bytes())
}

/// [`pack`] of a word's bytes.
fn pack_bytes(b: &[u8]) -> Option<u128> {
    if b.len() > 16 {
        return None;
    }
    let x = load_le(b);
    (x & HIGH_BITS == 0).then(|| ascii_lowercase_packed(x))
}

/// A word of at most 16 bytes as a number, its bytes little-endian, and
/// whether it is ASCII: an ASCII word's letters are lowercased (the
/// sixteen bytes at once, not one by one), other words are kept as they
/// are.
pub(crate) fn pack_any(w: &str) -> Option<(u128, bool)> {
    let b = w.as_bytes();
    if b.len() > 16 {
        return None;
    }
    let x = load_le(b);
    if x & HIGH_BITS != 0 {
        return Some((x, false));
    }
    Some((ascii_lowercase_packed(x), true))
}

/// The high bit of each of 16 bytes: set in a packed word when it is not
/// ASCII.
const HIGH_BITS: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;

/// ASCII bytes packed by [`load_le`], lowercased (the sixteen at once).
#[inline]
fn ascii_lowercase_packed(x: u128) -> u128 {
    // bit 7 of each byte: set when the byte is at least `A` (0x41), and
    // when it is past `Z` (0x5A); ASCII bytes, so no carry crosses bytes
    let at_least_a = x + 0x3f3f_3f3f_3f3f_3f3f_3f3f_3f3f_3f3f_3f3f;
    let past_z = x + 0x2525_2525_2525_2525_2525_2525_2525_2525;
    let upper = at_least_a & !past_z & HIGH_BITS;
    x | upper >> 2
}

/// The bytes of `b` (at most 16) as a little-endian number, zero above
/// them: two fixed-size loads of the first and the last 8 (or 4, or 2) bytes,
/// which overlap on short words, instead of a copy into a buffer.
#[inline]
fn load_le(b: &[u8]) -> u128 {
    let n = b.len();
    debug_assert!(n <= 16);
    if n >= 8 {
        let head = u64::from_le_bytes(b[..8].try_into().expect("8 bytes"));
        let tail = u64::from_le_bytes(b[n - 8..].try_into().expect("8 bytes"));
        // `tail` holds bytes n-8..n; shift bytes 8..n down to its bottom
        let rest = tail.checked_shr(8 * (16 - n) as u32).unwrap_or(0);
        u128::from(head) | u128::from(rest) << 64
    } else if n >= 4 {
        let head = u32::from_le_bytes(b[..4].try_into().expect("4 bytes"));
        let tail = u32::from_le_bytes(b[n - 4..].try_into().expect("4 bytes"));
        let rest = tail.checked_shr(8 * (8 - n) as u32).unwrap_or(0);
        u128::from(head) | u128::from(rest) << 32
    } else if n >= 2 {
        let head = u16::from_le_bytes(b[..2].try_into().expect("2 bytes"));
        let tail = u16::from_le_bytes(b[n - 2..].try_into().expect("2 bytes"));
        let rest = tail.checked_shr(8 * (4 - n) as u32).unwrap_or(0);
        u128::from(head) | u128::from(rest) << 16
    } else {
        b.first().map_or(0, |&c| u128::from(c))
    }
}

/// The demonyms and one-word names and aliases of the gazetteers: the
/// entries of [`Class::RoleModifier`] besides its own file's.
fn role_modifiers_from_gazetteers() -> Vec<Entry> {
    let mut out = Vec::new();
    // an ambiguous place is no role modifier: “Jackson” stays a name
    for e in gazetteer().iter().filter(|e| !e.ambiguous) {
        for &d in &e.demonyms {
            out.push(Entry { word: d, value: "" });
        }
        for &n in std::iter::once(&e.name).chain(e.aliases.iter()) {
            if !n.contains(' ') {
                out.push(Entry { word: n, value: "" });
            }
        }
    }
    out
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// The lexicon (loaded on first use): the tokenizer takes it once, and
/// hands it to [`lookup_alnum`] for each word.
pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// The classes of `word` (or of a phrase, words separated by single
/// spaces): its `case: any` classes whatever its case, its `case: exact`
/// classes when written as in the file.
pub fn classes(word: &str) -> Classes {
    if let Some((classes, _)) = lookup_short(word.as_bytes()) {
        return classes;
    }
    LEXICON.with_slot(word, |slot| slot.map_or(Classes::NONE, |s| s.classes(word)))
}

/// The title of a word made of a [`Class::TitlePrefix`] word, a hyphen and
/// a capitalised title word (“then-Sen”, “ex-Governor”): the part after
/// the hyphen, which is looked up as the title (“Sen”); `None` for any
/// other word (“then-Arkansas”: the prefix is on the whole phrase).
///
/// ```
/// use crosscheck_parse::lexicon::prefixed_title;
/// assert_eq!(prefixed_title("then-Sen"), Some("Sen"));
/// assert_eq!(prefixed_title("ex-Governor"), Some("Governor"));
/// assert_eq!(prefixed_title("then-Arkansas"), None);
/// assert_eq!(prefixed_title("anti-Trump"), None);
/// assert_eq!(prefixed_title("then-senator"), None);
/// ```
pub fn prefixed_title(word: &str) -> Option<&str> {
    let (prefix, rest) = word.split_once('-')?;
    let title = Classes::all(&[
        Class::RoleNoun,
        Class::TitleModifier,
        Class::TitleAbbreviation,
    ]);
    (rest.starts_with(|c: char| c.is_uppercase())
        && classes(prefix).has(Class::TitlePrefix)
        && classes(rest).intersects(title))
    .then_some(rest)
}

/// The classes of `word` (as [`classes`]) and its [`WordId`]: the id of
/// its slot when `word` is ASCII, [`WordId::ABSENT`] when it is ASCII and
/// has none, [`WordId::NONE`] when it is not ASCII. One lookup: the
/// tokenizer's for every word.
#[inline]
pub fn lookup(word: &str) -> (Classes, WordId) {
    lookup_short(word.as_bytes()).unwrap_or_else(|| lookup_long(word))
}

/// [`lookup`] of a word of at most 16 ASCII bytes, `None` for any other
/// word: most words, looked up by their packed lowercase form and told
/// from exact spellings by their packed bytes. Inlined into the
/// tokenizer, which has the word's bytes.
#[inline(always)]
pub(crate) fn lookup_short(bytes: &[u8]) -> Option<(Classes, WordId)> {
    if bytes.len() > 16 {
        return None;
    }
    let raw = load_le(bytes);
    if raw & HIGH_BITS != 0 {
        return None;
    }
    let lex = &*LEXICON;
    if let Some(s) = lex.spellings.get(raw) {
        if s.len == bytes.len() {
            return Some((s.classes, s.id));
        }
    }
    let lower = ascii_lowercase_packed(raw);
    // written in lowercase, or Capitalised (only the first byte differs
    // from the lowercase form): the spellings would hold it if its key
    // were in the lexicon (a last byte of 0 would be lost in the packing)
    if (raw ^ lower) & !0xff == 0 && bytes.last().is_some_and(|&b| b != 0) {
        return Some((Classes::NONE, WordId::ABSENT));
    }
    Some(match lex.short.get(lower) {
        Some(s) => (s.classes_of_packed(raw, bytes.len()), WordId(s.id)),
        None => (Classes::NONE, WordId::ABSENT),
    })
}

/// [`lookup_short`] of a word of ASCII letters and digits, packed as
/// [`load_le`] packs it (`raw`, of `len` bytes, at most 16; see
/// [`load_word`]), with `tail_capitals` telling whether a byte after its
/// first is a capital (the tokenizer's fast path knows it from its scan):
/// a word in lowercase or Capitalised that the spellings lack is absent
/// at once, with no lowercasing of its packed bytes to find that out.
#[inline(always)]
pub(crate) fn lookup_alnum(
    lex: &Lexicon,
    raw: u128,
    len: usize,
    tail_capitals: bool,
) -> (Classes, WordId) {
    debug_assert!(len <= 16);
    if let Some(s) = lex.spellings.get(raw) {
        if s.len == len {
            return (s.classes, s.id);
        }
    }
    // as in `lookup_short`: the spellings would hold it if its key were
    // in the lexicon (and its last byte, a letter or a digit, is no 0)
    if !tail_capitals {
        return (Classes::NONE, WordId::ABSENT);
    }
    let lower = ascii_lowercase_packed(raw);
    match lex.short.get(lower) {
        Some(s) => (s.classes_of_packed(raw, len), WordId(s.id)),
        None => (Classes::NONE, WordId::ABSENT),
    }
}

/// The `len` bytes (1 to 16) of `bytes` from `at` on, packed as
/// [`load_le`] packs them: a word of at most 8 bytes with 8 bytes there
/// to read (most words) by one load and a mask.
#[inline(always)]
pub(crate) fn load_word(bytes: &[u8], at: usize, len: usize) -> u128 {
    debug_assert!((1..=16).contains(&len));
    match bytes.get(at..at + 8) {
        Some(b) if len <= 8 => {
            let b: [u8; 8] = b.try_into().expect("8 bytes");
            u128::from(u64::from_le_bytes(b) & (u64::MAX >> (64 - 8 * len)))
        }
        _ => load_le(&bytes[at..at + len]),
    }
}

/// [`lookup`] of a word of more than 16 bytes or not ASCII.
#[inline(never)]
fn lookup_long(word: &str) -> (Classes, WordId) {
    match LEXICON.ascii_slot(word) {
        Some(Some(s)) => (s.classes(word), WordId(s.id)),
        Some(None) => (Classes::NONE, WordId::ABSENT),
        None => (classes(word), WordId::NONE),
    }
}

/// The [`WordId`] of `word` (as [`lookup`]).
pub fn word_id(word: &str) -> WordId {
    lookup(word).1
}

/// How many word ids there are: every [`WordId::index`] is below it.
pub fn word_count() -> usize {
    LEXICON.len as usize
}

impl Slot {
    /// The classes of `word`, whose lowercase form is the slot's key.
    fn classes(&self, word: &str) -> Classes {
        // a spelling of the key's length: compared byte by byte, shorter
        // than a call to `memcmp` for a word
        let is_word =
            |s: &str| s.len() == word.len() && s.bytes().zip(word.bytes()).all(|(a, b)| a == b);
        self.exact
            .iter()
            .find(|s| is_word(s.text))
            .map_or(self.any, |s| self.any | s.classes)
    }

    /// [`Slot::classes`] of a word of `len` bytes, at most 16, whose bytes
    /// [`load_le`] reads as `raw`.
    #[inline]
    fn classes_of_packed(&self, raw: u128, len: usize) -> Classes {
        self.exact
            .iter()
            .find(|s| s.raw == raw && s.text.len() == len)
            .map_or(self.any, |s| self.any | s.classes)
    }
}

/// The value of `word`'s entry in `class` (a month's number, a number
/// word's value…), `None` when it is not in the class or its line has no
/// value.
pub fn value(word: &str, class: Class) -> Option<&'static str> {
    LEXICON.with_slot(word, |slot| {
        slot?
            .values
            .iter()
            .find(|&&(c, spelling, _)| c == class && spelling.is_none_or(|s| s == word))
            .map(|v| v.2)
    })
}

/// The classes of punctuation char `c`: those of the classes listing it
/// as an entry (“$” is a currency symbol), none for most chars. The
/// tokenizer gives them to punctuation tokens, as it gives words theirs.
/// Its [`WordId`] is the char's as a word (as [`lookup`] gives it) when
/// it is ASCII, [`WordId::NONE`] otherwise.
pub(crate) fn punct_lookup(c: char) -> (Classes, WordId) {
    /// Classes and word ids of the ASCII chars, classes of the General
    /// Punctuation block (curly quotes, dashes: the commonest others,
    /// answered with no search) and of the other chars listed.
    struct Punct {
        ascii: [(Classes, WordId); 128],
        general: [Classes; 0x70],
        other: Vec<(char, Classes)>,
    }
    static PUNCT: LazyLock<Punct> = LazyLock::new(|| {
        let mut p = Punct {
            ascii: [(Classes::NONE, WordId::NONE); 128],
            general: [Classes::NONE; 0x70],
            other: Vec::new(),
        };
        for (b, (_, id)) in (0u8..).zip(p.ascii.iter_mut()) {
            *id = word_id(char::from(b).encode_utf8(&mut [0; 4]));
        }
        for &class in Class::ALL {
            for e in entries(class) {
                let mut chars = e.word.chars();
                let (Some(c), None) = (chars.next(), chars.next()) else {
                    continue;
                };
                if c.is_alphanumeric() || c.is_whitespace() {
                    continue;
                }
                if c.is_ascii() {
                    p.ascii[c as usize].0 |= Classes::of(class);
                } else {
                    match p.other.iter_mut().find(|(x, _)| *x == c) {
                        Some((_, cs)) => *cs |= Classes::of(class),
                        None => p.other.push((c, Classes::of(class))),
                    }
                }
            }
        }
        p.other.sort_by_key(|&(c, _)| c);
        for (c, classes) in GENERAL_PUNCTUATION.zip(p.general.iter_mut()) {
            if let Ok(i) = p.other.binary_search_by_key(&c, |&(x, _)| x) {
                *classes = p.other[i].1;
            }
        }
        p
    });
    let p = &*PUNCT;
    match u8::try_from(c) {
        Ok(b) if b < 128 => p.ascii[usize::from(b)],
        _ if GENERAL_PUNCTUATION.contains(&c) => {
            let i = c as usize - *GENERAL_PUNCTUATION.start() as usize;
            (p.general[i], WordId::NONE)
        }
        _ => {
            let classes = p
                .other
                .binary_search_by_key(&c, |&(x, _)| x)
                .map_or(Classes::NONE, |i| p.other[i].1);
            (classes, WordId::NONE)
        }
    }
}

/// The entries of `class`, in the order of its data file (for the role
/// modifiers, the file's then the gazetteers').
pub fn entries(class: Class) -> &'static [Entry] {
    // apart from the lookup tables: the rules' parser reads entries, and
    // the tables hold the rules' words
    static ENTRIES: LazyLock<Vec<Vec<Entry>>> = LazyLock::new(load_entries);
    &ENTRIES[class as usize]
}

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

/// A gazetteer entry: an organisation or place with its names.
#[derive(Debug)]
pub(crate) struct GazetteerEntry {
    pub name: &'static str,
    pub aliases: Vec<&'static str>,
    pub demonyms: Vec<&'static str>,
    pub is_place: bool,
    /// A place whose name is also a person's or a word (“Dallas”,
    /// “Jackson”; `ambiguous` in the fourth column of `data/places.tsv`):
    /// a place only in a locative context (see `entities`).
    pub ambiguous: bool,
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
                let ambiguous = cols.next().map(str::trim) == Some("ambiguous");
                out.push(GazetteerEntry {
                    name,
                    aliases,
                    demonyms,
                    is_place,
                    ambiguous,
                });
            }
        }
        out
    })
}

/// The place whose people `word` names (“Slovak” → “Slovakia”, “Russians”
/// → “Russia”), by the demonyms of `data/places.tsv`; any case.
///
/// ```
/// use crosscheck_parse::lexicon::demonym_place;
/// assert_eq!(demonym_place("Slovak"), Some("Slovakia"));
/// assert_eq!(demonym_place("ukrainian"), Some("Ukraine"));
/// assert_eq!(demonym_place("minister"), None);
/// ```
pub fn demonym_place(word: &str) -> Option<&'static str> {
    static BY_DEMONYM: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    let map = BY_DEMONYM.get_or_init(|| {
        let mut m = FxHashMap::default();
        for e in gazetteer().iter().filter(|e| e.is_place) {
            for d in &e.demonyms {
                // the first place listed keeps a demonym two places share
                m.entry(d.to_lowercase()).or_insert(e.name);
            }
        }
        m
    });
    map.get(&word.to_lowercase()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `load_le` reads every length from 0 to 16 as a zero-padded buffer
    /// would.
    #[test]
    fn load_le_matches_a_padded_buffer() {
        let text = b"Reconstruction, 2026";
        for n in 0..=16 {
            let mut buf = [0u8; 16];
            buf[..n].copy_from_slice(&text[..n]);
            assert_eq!(load_le(&text[..n]), u128::from_le_bytes(buf), "length {n}");
        }
        // `load_word` the same, with 8 bytes to read after the start and without
        for at in [0, 2, 4, 8] {
            for n in 1..=(text.len() - at).min(16) {
                let word = &text[at..at + n];
                assert_eq!(load_word(text, at, n), load_le(word), "{at}, {n}");
                assert_eq!(load_word(word, 0, n), load_le(word), "{at}, {n}");
            }
        }
    }

    /// Every data file has its header (a description, who reads it, its
    /// case), `case: any` entries are lowercase, and no entry is listed
    /// twice in one file.
    #[test]
    fn data_files_are_well_formed() {
        for &c in Class::ALL {
            let src = c.source();
            let header: Vec<&str> = src.lines().take_while(|l| l.starts_with('#')).collect();
            assert!(
                header
                    .first()
                    .is_some_and(|l| l.starts_with(&format!("# {}: ", c.name()))),
                "{}: the first line names the class and says what it means",
                c.name()
            );
            assert!(
                header.iter().any(|l| l.starts_with("# Read by: ")),
                "{}: says who reads it",
                c.name()
            );
            let case = case_of(src).unwrap_or_else(|| panic!("{}: no `# case:` line", c.name()));
            let mut seen = FxHashSet::default();
            for e in parse_entries(src) {
                assert!(!e.word.is_empty(), "{}", c.name());
                assert!(
                    !e.word.contains("  ") && !e.word.contains('\t'),
                    "{}: {:?}",
                    c.name(),
                    e.word
                );
                if case == Case::Any {
                    assert_eq!(
                        e.word,
                        e.word.to_lowercase(),
                        "{}: any-case entries are lowercase",
                        c.name()
                    );
                }
                assert!(
                    seen.insert(e.word),
                    "{}: {:?} listed twice",
                    c.name(),
                    e.word
                );
            }
        }
    }

    #[test]
    fn gazetteers_load_and_know_nato_aliases() {
        let g = gazetteer();
        let nato = g.iter().find(|e| e.name == "NATO").expect("NATO entry");
        assert!(nato.aliases.contains(&"Atlantic Alliance"));
        assert!(!nato.is_place);
        let us = g.iter().find(|e| e.name == "United States").unwrap();
        assert!(us.is_place && us.aliases.contains(&"US"));
        let modifier = |w| classes(w).has(Class::RoleModifier);
        assert!(modifier("Russian") && modifier("NATO") && modifier("US"));
        assert!(!modifier("Blinken") && !modifier("russian"));
        // an ambiguous place is a place, and no role modifier (“Jackson”
        // stays a name); its fourth column says nothing else
        let dallas = g.iter().find(|e| e.name == "Dallas").unwrap();
        assert!(dallas.is_place && dallas.ambiguous && !us.ambiguous);
        assert!(!modifier("Dallas") && !modifier("Jackson"));
        for line in include_str!("../data/places.tsv").lines() {
            if let Some(kind) = line.split('\t').nth(3).filter(|_| !line.starts_with('#')) {
                assert!(matches!(kind, "" | "ambiguous"), "{line:?}");
            }
        }
    }

    #[test]
    fn any_case_and_exact_classes() {
        let has = |w: &str, c| classes(w).has(c);
        assert!(
            has("acknowledged", Class::ReportingVerb) && has("REITERATED", Class::ReportingVerb)
        );
        assert!(!has("States", Class::ReportingVerb) && !has("delivered", Class::ReportingVerb));
        // Unicode lowercasing: U+212A KELVIN SIGN lowercases to `k`
        assert!(has("thin\u{212a}s", Class::ReportingVerb));
        assert!(has("Antony", Class::GivenName) && !has("antony", Class::GivenName));
        assert!(has("The", Class::StopCapitalised) && !has("the", Class::StopCapitalised));
        assert!(has("Secretary", Class::RoleNoun) && !has("State", Class::RoleNoun));
        assert!(has("State", Class::TitleModifier));
        assert!(has("has", Class::Auxiliary) && !has("Has", Class::Auxiliary));
        assert!(has("Gen.", Class::RoleNoun) && has("gen", Class::TitleAbbreviation));
        assert_eq!(classes(""), Classes::NONE);
        assert_eq!(classes("Blinken"), Classes::NONE);
        // one word, several classes
        let may = classes("May");
        assert!(may.has(Class::Month) && may.has(Class::StopCapitalised));
    }

    /// The tokenizer's lookup of a short ASCII word (packed, exact
    /// spellings told apart by their packed bytes) answers as `classes`.
    #[test]
    fn packed_lookup_agrees_with_classes() {
        for w in [
            "The",
            "the",
            "THE",
            "May",
            "may",
            "MAY",
            "Antony",
            "antony",
            "has",
            "Has",
            "Gen",
            "gen",
            "said",
            "Said",
            "US",
            "us",
            "Us",
            "thE",
            "Mrs",
            "mrs",
            "EU",
            "Blinken",
            "",
            "Reconstructions",
            "Reconstructionism",
            "NATO",
            "Nato",
        ] {
            assert_eq!(lookup(w).0, classes(w), "{w:?}");
        }
    }

    /// The spellings map answers as the slot of the lowercase key does
    /// (`lookup_long` walks the slot), for every entry of every class
    /// written as in its file, in lowercase, Capitalised, in capitals and
    /// in odd cases, for words absent from the lexicon, and for words
    /// with NUL bytes (which the packing does not tell from its padding).
    #[test]
    fn spellings_answer_as_the_slots() {
        let mut words: Vec<String> = Vec::new();
        for &class in Class::ALL {
            for e in entries(class) {
                let w = e.word;
                let mut odd: String = w.chars().rev().collect();
                odd = odd.to_uppercase() + w;
                let mut chars = w.chars();
                let first = chars.next().map(String::from).unwrap_or_default();
                let cap = first.to_uppercase() + chars.as_str();
                let lower_rest = first + &chars.as_str().to_lowercase();
                words.extend([
                    w.to_string(),
                    w.to_lowercase(),
                    w.to_uppercase(),
                    cap,
                    lower_rest,
                    odd,
                ]);
            }
        }
        words.extend(["", "a\0", "Zyxwvu", "zyxwvu", "the\0", "\0", "Mr\0"].map(String::from));
        let mut short = 0;
        for w in &words {
            if let Some(found) = lookup_short(w.as_bytes()) {
                short += 1;
                assert_eq!(found, lookup_long(w), "{w:?}");
                // the tokenizer's lookup of a word of letters and digits
                if !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    let tail_capitals = w.bytes().skip(1).any(|b| b.is_ascii_uppercase());
                    let raw = load_le(w.as_bytes());
                    assert_eq!(
                        lookup_alnum(lexicon(), raw, w.len(), tail_capitals),
                        found,
                        "{w:?}"
                    );
                }
            }
        }
        assert!(short > 10_000, "{short} short words");
    }

    /// The lowercasing on the stack agrees with `str::to_lowercase`,
    /// for ASCII, General Punctuation and other chars alike.
    #[test]
    fn lowercase_into_agrees_with_to_lowercase() {
        let mut words: Vec<String> = [
            "NATO’s",
            "Zelensky’s",
            "ÉLYSÉE",
            "Straße",
            "İstanbul",
            "ΟΔΟΣ",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        words.extend(('\u{0}'..='\u{2200}').map(|c| format!("A{c}b")));
        for w in &words {
            let mut buf = [0u8; 64];
            if let Some(n) = lowercase_into(w, &mut buf) {
                assert_eq!(
                    std::str::from_utf8(&buf[..n]),
                    Ok(w.to_lowercase().as_str()),
                    "{w:?}"
                );
            }
        }
        // a capital sigma is left to `str::to_lowercase`
        assert_eq!(lowercase_into("ΟΔΟΣ", &mut [0u8; 64]), None);
    }

    #[test]
    fn values_and_entries() {
        assert_eq!(value("sept", Class::MonthAbbr), Some("9"));
        assert_eq!(value("Sunday", Class::Weekday), Some("7"));
        assert_eq!(value("Sunday", Class::Month), None);
        assert_eq!(value("said", Class::ReportingVerb), None);
        let months: Vec<&str> = entries(Class::Month).iter().map(|e| e.word).collect();
        assert_eq!(months.len(), 12);
        assert_eq!((months[0], months[11]), ("january", "december"));
        for (i, e) in entries(Class::Month).iter().enumerate() {
            assert_eq!(e.value, (i + 1).to_string());
        }
    }

    #[test]
    fn word_ids() {
        // one id per lowercase key, whatever the case; words of a class
        // and words of the rules have one
        let (classes, id) = lookup("February");
        assert!(classes.has(Class::Month));
        assert_eq!(lookup("FEBRUARY").1, id);
        assert!(id.index().is_some_and(|i| i < word_count()));
        assert_ne!(word_id("january"), id);
        assert!(word_id("o'clock").index().is_some(), "a date rule's word");
        assert_eq!(word_id("Blinkenesque"), WordId::ABSENT);
        assert_eq!(word_id("Zürich"), WordId::NONE, "not ASCII");
        assert_eq!(punct_lookup('$').1, word_id("$"));
        assert_eq!(punct_lookup('–').1, WordId::NONE);
    }

    /// The General Punctuation table and the search of the other chars
    /// answer as the classes' entries say.
    #[test]
    fn punctuation_classes_are_those_of_the_entries() {
        for c in ('\u{80}'..='\u{2200}').filter(|c| !c.is_alphanumeric() && !c.is_whitespace()) {
            let mut want = Classes::NONE;
            for &class in Class::ALL {
                let mut buf = [0; 4];
                let w: &str = c.encode_utf8(&mut buf);
                if entries(class).iter().any(|e| e.word == w) {
                    want |= Classes::of(class);
                }
            }
            assert_eq!(punct_lookup(c), (want, WordId::NONE), "{c:?}");
        }
    }

    #[test]
    fn punctuation_listed_in_a_class_has_it() {
        assert!(punct_lookup('$').0.has(Class::CurrencySymbol));
        assert!(punct_lookup('€').0.has(Class::CurrencySymbol));
        assert!(punct_lookup('₹').0.has(Class::CurrencySymbol));
        for c in [',', '.', '“', '’', '-', '%', '中'] {
            assert_eq!(punct_lookup(c).0, Classes::NONE, "{c:?}");
        }
        // the tokenizer gives them to punctuation tokens
        let t = "It cost $5, or €4.";
        let toks = crate::text::tokenize(t, crate::model::Span::new(0, t.len()));
        let cur: Vec<&str> = toks
            .iter()
            .filter(|k| k.is(Class::CurrencySymbol))
            .map(|k| k.text(t))
            .collect();
        assert_eq!(cur, ["$", "€"]);
    }

    #[test]
    fn classes_set_operations() {
        let s = Classes::of(Class::Month) | Classes::of(Class::Weekday);
        assert!(s.has(Class::Month) && s.has(Class::Weekday) && !s.has(Class::MonthAbbr));
        assert!(s.intersects(Classes::all(&[Class::Weekday, Class::RoleNoun])));
        assert!(!s.intersects(Classes::of(Class::RoleNoun)));
        assert_eq!(s.iter().collect::<Vec<_>>(), [Class::Month, Class::Weekday]);
        assert_eq!(format!("{s:?}"), r#"{"month", "weekday"}"#);
    }
}
