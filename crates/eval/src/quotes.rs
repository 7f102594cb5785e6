//! Suite `quotes`: quotes, reported speech and speakers on PolNeAR
//! (`polnear-train`), against its human attributions.
//!
//! Definitions (docs/accuracy.md has the long form):
//!
//! - **Gold classes.** Each gold attribution's content (all its pieces) is
//!   *direct* when it starts with an opening quotation mark (`"` `“` `‘`
//!   `'` `«` `„`), *mixed* when it holds a quotation mark elsewhere
//!   (reported speech with a quoted fragment), else *indirect*.
//! - **Predictions.** Every extracted quote except scare quotes.
//!   *Direct* predictions are [`QuoteKind::Direct`], *indirect* ones
//!   [`QuoteKind::Indirect`]; partial quotes count only in `all`.
//! - **Overlap matching.** A prediction is right when its span shares a
//!   byte with some gold content piece (of any class); a gold content is
//!   found when some prediction (of any kind) shares a byte with it.
//!   Precision counts predictions of the class, recall gold items of the
//!   class.
//! - **Speaker accuracy**: over gold direct contents that have a source and
//!   were found, the prediction overlapping them most is judged by
//!   [`judge`].
//!
//! With `CROSSCHECK_SPEAKER_DUMP=FILE` the suite also writes one line per
//! judged direct content (place, verdict, verdict of the old judge, gold
//! source and antecedent, our speaker and how, context), to diff runs.

use crate::polnear::{self, Attribution, Doc};
use crate::score::{ahead, back, ratio, samples_wanted, snippet, Prf, Tally};
use crate::Figures;
use crosscheck_parse::{extract, Article, Attribution as How, Extraction, Quote, QuoteKind, Span};
use std::path::Path;

/// Marks that open a direct quote when they start the content.
const OPENING_MARKS: &[char] = &['"', '“', '‘', '\'', '«', '„'];
/// Marks that make a content *mixed* when found inside it (`’` and `'` are
/// left out: they are apostrophes far more often).
const INNER_MARKS: &[char] = &['"', '“', '”', '‘', '«', '»', '„'];

/// Third-person pronouns: the source they stand for is taken from the
/// nearest named gold source before them.
const PRONOUNS_3: &[&str] = &["he", "she", "they", "it", "him", "her", "them"];
/// First- and second-person pronouns: who they are is not in the
/// annotation (often the writer), so only the span can be judged.
const PRONOUNS_12: &[&str] = &["i", "we", "you", "me", "us"];
/// Relative pronouns: a source that is one stands for the name right
/// before it.
const RELATIVES: &[&str] = &["who", "whom", "which", "that"];
/// Words that start a source phrase without making it a name.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "many", "most", "several", "other", "one", "two", "both", "all", "no",
];
/// Capitalised words that name a group, not a person: a source ending in
/// one is never the antecedent of “he” or “she”.
const GROUP_WORDS: &[&str] = &[
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "democratic",
    "american",
    "americans",
    "senate",
    "house",
    "congress",
    "party",
    "campaign",
    "committee",
    "administration",
    "department",
    "agency",
    "news",
    "times",
    "post",
    "journal",
    "poll",
    "survey",
    "network",
];
/// Name suffixes that are not the name's key word.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The gold class of an attribution's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoldClass {
    /// Starts with an opening quotation mark.
    Direct,
    /// Reported speech holding a quoted fragment.
    Mixed,
    /// No quotation mark.
    Indirect,
}

/// Classifies a gold content by its quotation marks.
///
/// ```
/// use crosscheck_eval::quotes::{gold_class, GoldClass};
/// assert_eq!(gold_class("“We will win,”"), GoldClass::Direct);
/// assert_eq!(gold_class("the plan was “a disaster”"), GoldClass::Mixed);
/// assert_eq!(gold_class("that the plan won’t work"), GoldClass::Indirect);
/// ```
pub fn gold_class(content: &str) -> GoldClass {
    let c = content.trim_start();
    if c.starts_with(OPENING_MARKS) {
        GoldClass::Direct
    } else if c.contains(INNER_MARKS) {
        GoldClass::Mixed
    } else {
        GoldClass::Indirect
    }
}

/// What kind of phrase a gold source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceShape {
    /// Holds a capitalised word past its determiner (“Sen. Jane Roe”, “the
    /// White House”, “Clinton’s campaign”).
    Name,
    /// he, she, they, it, him, her, them.
    Pronoun3,
    /// I, we, you, me, us.
    Pronoun12,
    /// who, whom, which, that: a relative pronoun, standing for the name
    /// right before it (“Sen. Mike Lee, who declared”).
    Relative,
    /// Anything else: a role or group with no name (“the businessman”,
    /// “officials”).
    Role,
}

/// Classifies a gold source phrase.
///
/// ```
/// use crosscheck_eval::quotes::{source_shape, SourceShape};
/// assert_eq!(source_shape("He"), SourceShape::Pronoun3);
/// assert_eq!(source_shape("The retired general"), SourceShape::Role);
/// assert_eq!(source_shape("the Ohio Democrat’s aide"), SourceShape::Name);
/// ```
pub fn source_shape(source: &str) -> SourceShape {
    let lower = source.trim().to_lowercase();
    if PRONOUNS_3.contains(&lower.as_str()) {
        return SourceShape::Pronoun3;
    }
    if PRONOUNS_12.contains(&lower.as_str()) {
        return SourceShape::Pronoun12;
    }
    if RELATIVES.contains(&lower.as_str()) {
        return SourceShape::Relative;
    }
    if name_key(source).is_some() {
        SourceShape::Name
    } else {
        SourceShape::Role
    }
}

/// The key word of a name phrase: its last capitalised word outside
/// parentheses, possessive and name suffix dropped (“Sen. Jane Roe
/// (R-Ohio)” → `Roe`, “Clinton’s campaign” → `Clinton`). A capitalised
/// determiner opening the phrase does not count. `None` when there is no
/// such word.
///
/// ```
/// use crosscheck_eval::quotes::name_key;
/// assert_eq!(name_key("Sen. Jane Roe (R-Ohio)").as_deref(), Some("Roe"));
/// assert_eq!(name_key("Clinton’s campaign").as_deref(), Some("Clinton"));
/// assert_eq!(name_key("The spokesman"), None);
/// ```
pub fn name_key(phrase: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut outside = String::new();
    for c in phrase.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let words = words(&outside);
    words
        .iter()
        .enumerate()
        .rev()
        .find(|(i, w)| {
            let lower = w.to_lowercase();
            let skipped = (*i == 0 && DETERMINERS.contains(&lower.as_str()))
                || SUFFIXES.contains(&lower.as_str())
                || PRONOUNS_3.contains(&lower.as_str())
                || PRONOUNS_12.contains(&lower.as_str());
            w.chars().next().is_some_and(char::is_uppercase) && !skipped
        })
        .map(|(_, w)| w.clone())
}

/// Words of a phrase: runs of letters, digits, apostrophes and hyphens,
/// with a possessive `’s`/`'s` and outer apostrophes or hyphens removed.
fn words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
        .map(|w| {
            let w = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            w.trim_matches(|c| matches!(c, '\'' | '’' | '-'))
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The key word of a source that can be the antecedent of a third-person
/// pronoun: in the phrase's [`head_phrase`], a [`name_key`] that is its last word (name
/// suffixes aside), not written in capitals only (`FBI`, `NBC`) and not a
/// group word (`Republicans`, `Times`). “Sen. Jane Roe” gives `Roe`; “the
/// Vermont senator”, “Clinton’s campaign” and “the FBI” give nothing.
///
/// ```
/// use crosscheck_eval::quotes::person_key;
/// assert_eq!(person_key("Sen. Jane Roe (R-Ohio)").as_deref(), Some("Roe"));
/// assert_eq!(person_key("the Vermont senator"), None);
/// assert_eq!(person_key("the FBI"), None);
/// assert_eq!(
///     person_key("Jane Roe, a demographer at Emory University").as_deref(),
///     Some("Roe")
/// );
/// ```
pub fn person_key(phrase: &str) -> Option<String> {
    let phrase = head_phrase(phrase);
    let key = name_key(phrase)?;
    let no_parens: String = {
        let mut depth = 0usize;
        phrase
            .chars()
            .filter(|&c| {
                match c {
                    '(' | '[' => depth += 1,
                    ')' | ']' => {
                        depth = depth.saturating_sub(1);
                        return false;
                    }
                    _ => {}
                }
                depth == 0
            })
            .collect()
    };
    let last = words(&no_parens)
        .into_iter()
        .rev()
        .find(|w| !SUFFIXES.contains(&w.to_lowercase().as_str()))?;
    let lower = key.to_lowercase();
    let all_caps = !key.chars().any(char::is_lowercase);
    (last == key && !all_caps && !GROUP_WORDS.contains(&lower.as_str())).then_some(key)
}

/// Words that end the head of a source phrase: an apposition or a
/// prepositional phrase follows (“Jane Roe, a demographer at Emory
/// University”: the person is Jane Roe, not the university).
const HEAD_ENDS: &[&str] = &[
    ",", " at ", " from ", " in ", " for ", " with ", " who ", " of the ", " on ", " to ",
];

/// The head of a source phrase: the words before its first comma, “ at ”,
/// “ from ”, “ in ”, “ for ”, “ with ”, “ who ”, “ of the ”, “ on ” or “ to ”
/// (the whole phrase when none is there).
///
/// ```
/// use crosscheck_eval::quotes::head_phrase;
/// assert_eq!(head_phrase("Jane Roe, a lawyer at Smith Partners"), "Jane Roe");
/// assert_eq!(head_phrase("the director of the Center"), "the director");
/// assert_eq!(head_phrase("Sen. Jane Roe (R-Ohio)"), "Sen. Jane Roe (R-Ohio)");
/// ```
pub fn head_phrase(phrase: &str) -> &str {
    let cut = HEAD_ENDS
        .iter()
        .filter_map(|e| phrase.find(e))
        .min()
        .unwrap_or(phrase.len());
    &phrase[..cut]
}

/// Titles that, written right before a name, say the person's gender.
const PERSON_TITLES: &[(&str, char)] = &[
    ("mr", 'm'),
    ("mrs", 'f'),
    ("ms", 'f'),
    ("miss", 'f'),
    ("chairman", 'm'),
    ("chairwoman", 'f'),
    ("congressman", 'm'),
    ("congresswoman", 'f'),
];

/// What the article says of the person a name key may stand for, for the
/// pronoun judge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PersonEvidence {
    /// Written somewhere right after a given name or a gendered title
    /// (“Billie Jean King”, “Mr. King”): a person's name even when it is
    /// also a role noun.
    pub named: bool,
    /// Written capitalised somewhere inside a sentence, not only where a
    /// sentence or a quotation starts: a name, not a common word opening
    /// its sentence (“Documents show …”, “Friends say …”).
    pub mid: bool,
    /// A title or given name before it says a man (“Mr.”, “John”).
    pub male: bool,
    /// A title or given name before it says a woman (“Mrs.”, “Jane”).
    pub female: bool,
}

/// Place and organisation names of the parse crate's gazetteers (the
/// data files, not the extractor's decisions): a key that is a one-word
/// name (“Iowa”) or the last word of a place's name (“Carolina”) names no
/// person.
const GAZETTEERS: [&str; 2] = [
    include_str!("../../parse/data/places.tsv"),
    include_str!("../../parse/data/organizations.tsv"),
];

/// True when a name key may name a person: it is no word of the lexicon's
/// classes of words that name no person (`non_person_word`: “Press”,
/// “Street”; `group_word`, weekdays, months, holidays; a role noun unless
/// `named`, written after a given name or title somewhere: “Billie Jean
/// King”), no word
/// of a place's name or a one-word organisation name of the gazetteers
/// (“Iowa”, “Carolina”),
/// not in capitals only and not a hyphenated word ending in lowercase
/// (“Fact-checkers”).
///
/// ```
/// use crosscheck_eval::quotes::may_be_person;
/// assert!(may_be_person("Roe", false));
/// assert!(!may_be_person("Press", false));
/// assert!(!may_be_person("Wednesday", false));
/// assert!(!may_be_person("Carolina", false));
/// assert!(!may_be_person("Fact-checkers", false));
/// assert!(!may_be_person("King", false) && may_be_person("King", true));
/// ```
pub fn may_be_person(key: &str, named: bool) -> bool {
    use crosscheck_parse::lexicon::{classes, Class};
    static PLACE_WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let place_words = PLACE_WORDS.get_or_init(|| {
        let names = |g: &'static str| {
            g.lines()
                .filter(|l| !l.starts_with('#') && !l.ends_with("ambiguous"))
                .flat_map(|l| l.split('\t').take(2))
                .flat_map(|names| names.split('|'))
        };
        let places = names(GAZETTEERS[0]).filter_map(|n| n.split(' ').next_back());
        let orgs = names(GAZETTEERS[1]).filter(|n| !n.contains(' '));
        places
            .chain(orgs)
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect()
    });
    let c = classes(key);
    let not_person = [
        Class::NonPersonWord,
        Class::GroupWord,
        Class::Weekday,
        Class::Month,
        Class::Holiday,
    ];
    let role = c.has(Class::RoleNoun) && !named;
    let hyphen_lower = key
        .split_once('-')
        .is_some_and(|(_, b)| b.chars().next().is_some_and(char::is_lowercase));
    let all_caps = !key.chars().any(char::is_lowercase);
    !(not_person.iter().any(|&k| c.has(k))
        || role
        || place_words.contains(key)
        || hyphen_lower
        || all_caps)
}

impl PersonEvidence {
    /// True when a third-person pronoun may stand for the person: `he` /
    /// `him` (`she` / `her`) is not said of someone the article shows only
    /// as a woman (a man).
    pub fn fits(&self, pronoun: &str) -> bool {
        let p = pronoun.to_lowercase();
        let (male, female) = (self.male && !self.female, self.female && !self.male);
        match p.as_str() {
            "he" | "him" => !female,
            "she" | "her" => !male,
            _ => true,
        }
    }
}

/// For every capitalised word of `text` (possessives dropped: “Roe’s”),
/// what the article shows of it: whether it is ever written capitalised
/// inside a sentence ([`PersonEvidence::mid`]), and the gender the
/// capitalised words right before it (up to four) say: a gendered title
/// among them (“Mr.”, “Mrs.”: the titles that say a gender), else the first of them
/// that is a given name of `given_name_gender.tsv` (parse lexicon):
/// “Christine Todd Whitman” is a woman. A key with both (“Bill Clinton”,
/// “Hillary Clinton”) fits either pronoun.
///
/// ```
/// use crosscheck_eval::quotes::person_evidence;
/// let ev = person_evidence("Mr. Roe met Jane Doe and the Associated Press.");
/// assert!(ev["Roe"].male && !ev["Roe"].female);
/// assert!(ev["Doe"].female);
/// assert!(ev["Press"].mid && !ev["Press"].named);
/// ```
pub fn person_evidence(text: &str) -> std::collections::HashMap<String, PersonEvidence> {
    use crosscheck_parse::lexicon::{classes, value, Class};
    let raw: Vec<&str> = text.split_whitespace().collect();
    let tokens: Vec<&str> = raw
        .iter()
        .map(|t| t.trim_start_matches(['"', '“', '‘', '(', '[', '\'']))
        .collect();
    let initial = |t: &str| {
        let mut c = t.chars();
        matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
    };
    let mut out: std::collections::HashMap<String, PersonEvidence> = Default::default();
    for i in 1..tokens.len() {
        let tok = tokens[i];
        let w = tok.trim_end_matches([',', ';', ':', '.', '!', '?', '"', '”', '’', '\'', ')', ']']);
        let w = w
            .strip_suffix("’s")
            .or_else(|| w.strip_suffix("'s"))
            .unwrap_or(w);
        if !w.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // inside a sentence: no quotation or bracket opens at it and the
        // word before it ends in a letter, a digit, a comma or a quotation
        // handing over to its attribution (“…,” Roe said), or is an
        // initial or an abbreviated title (“Paul D. Ryan”, “Mr. Ryan”)
        let before = raw[i - 1];
        let inside = raw[i].len() == tok.len()
            && (before
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == ',')
                || initial(before)
                || [",”", ",\"", ",''", "?”", "?\"", "!”", "!\""]
                    .iter()
                    .any(|e| before.ends_with(e))
                || before
                    .strip_suffix('.')
                    .is_some_and(|b| classes(b).has(Class::TitleAbbreviation)));
        if inside {
            out.entry(w.to_string()).or_default().mid = true;
        }
        // the capitalised words and initials before it, nearest first: a
        // title among them, else the first of them that is a given name
        let run: Vec<&str> = tokens[i.saturating_sub(4)..i]
            .iter()
            .rev()
            .copied()
            .take_while(|t| {
                let title = PERSON_TITLES
                    .iter()
                    .any(|(w, _)| t.trim_end_matches('.').eq_ignore_ascii_case(w));
                // a word ending in punctuation ends the run (“Clinton. Roe”),
                // an initial or a title's full stop does not
                t.chars().next().is_some_and(char::is_uppercase)
                    && (t.chars().last().is_some_and(char::is_alphanumeric)
                        || initial(t)
                        || (title && t.ends_with('.')))
            })
            .collect();
        let title = run.iter().find_map(|t| {
            let lower = t.trim_end_matches('.').to_lowercase();
            PERSON_TITLES
                .iter()
                .find(|(w, _)| *w == lower)
                .map(|(_, g)| *g)
        });
        let given = || {
            run.iter().rev().filter(|t| !initial(t)).find_map(|t| {
                match value(t, Class::GivenNameGender) {
                    Some("m") => Some('m'),
                    Some("f") => Some('f'),
                    _ => None,
                }
            })
        };
        let gender = title.or_else(given);
        let named = gender.is_some()
            || run.iter().any(|t| {
                let t = t.trim_end_matches('.');
                classes(t).has(Class::GivenName)
            });
        if named {
            out.entry(w.to_string()).or_default().named = true;
        }
        if let Some(g) = gender {
            let e = out.entry(w.to_string()).or_default();
            e.male |= g == 'm';
            e.female |= g == 'f';
        }
    }
    out
}

/// The name a relative pronoun source stands for: the [`person_key`] of
/// the capitalised words (up to six) right before it, a comma between
/// allowed. `None` when a lowercase word comes first (“the report,
/// which”).
///
/// ```
/// use crosscheck_eval::quotes::relative_key;
/// assert_eq!(relative_key("support came from Sen. Mike Lee, ").as_deref(), Some("Lee"));
/// assert_eq!(relative_key("a new report, "), None);
/// ```
pub fn relative_key(before: &str) -> Option<String> {
    let before = before.trim_end();
    let before = before.strip_suffix(',').unwrap_or(before);
    let mut words: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .take(6)
        .collect();
    words.reverse();
    if words.is_empty() {
        return None;
    }
    person_key(&words.join(" "))
}

/// The text of a pronoun's own clause after it: from the pronoun to the
/// first quotation mark, full stop, semicolon, question or exclamation
/// mark (“she told Reeves.”, “he said of Cruz.”). A pronoun never stands
/// for a name written there (since round 18).
///
/// ```
/// use crosscheck_eval::quotes::clause_after;
/// assert_eq!(clause_after(" told Hannity, to cheers. Then"), " told Hannity, to cheers");
/// assert_eq!(clause_after(" said. “Ann Lee"), " said");
/// ```
pub fn clause_after(rest: &str) -> &str {
    let end = rest
        .find(['“', '”', '"', '.', ';', '?', '!', '\n'])
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Words that may open a sentence before its subject (“But Mr. Roe
/// differed.”).
const SUBJECT_OPENERS: &[&str] = &["But", "And", "Yet", "So", "Still", "Then"];
/// Prepositions a sentence may open with that the lexicon's function
/// words lack: the name after them is no subject (“Like Roe, …”).
const NON_SUBJECT_OPENERS: &[&str] = &["like", "unlike", "despite", "besides"];

/// The name a sentence opens with as its subject, for the pronoun judge:
/// after an optional conjunction (“But”, “And”, …) and an optional opening
/// prepositional or participle phrase up to its comma (“In an interview,”,
/// “Growing up in Ohio,”; since round 22 not a word in “-ing” for which
/// `is_name` holds: a surname such as “Harding” or “Fleming” the article
/// writes capitalised inside a sentence), a run of capitalised
/// words (titles and initials allowed: “Gov. Chris Christie”) followed by
/// a lowercase word, a comma (an apposition) or a dash, not ending in a
/// possessive (“Roe’s aide”); its [`person_key`]. `None` when the sentence
/// opens with a quotation, a lowercase word or a name of a phrase. Since
/// round 21 (speakers11) a he/she source stands for the subject of the
/// sentence before its quote's sentence when that subject may be the
/// pronoun's person (“Mr. Roe differed. “…,” he said”: the reader's
/// antecedent, whether or not Roe is a gold source);
/// `speaker_accuracy_round20_speakers10` still takes the nearest source.
///
/// ```
/// use crosscheck_eval::quotes::sentence_subject as subject;
/// let sentence_subject = |s: &str| subject(s, |_| false);
/// let key = |s: &str| sentence_subject(s).map(|(k, _)| k);
/// assert_eq!(sentence_subject("But Mr. Roe differed."), Some(("Roe".into(), Some('m'))));
/// assert_eq!(key("Gov. Jan Roe – a fan – gave an answer.").as_deref(), Some("Roe"));
/// assert_eq!(key("Jane Roe, 55, gave $250.").as_deref(), Some("Roe"));
/// assert_eq!(sentence_subject("Roe’s aide agreed."), None);
/// assert_eq!(sentence_subject("“Go,” Roe said."), None);
/// assert_eq!(sentence_subject("In Ohio Roe won."), None);
/// assert_eq!(key("In an interview, Roe had nothing to add.").as_deref(), Some("Roe"));
/// assert_eq!(sentence_subject("Roe campaign chairman Jan Lee said so."), None);
/// assert_eq!(sentence_subject("Later, Jan Lee said so."), None);
/// assert_eq!(sentence_subject("Roe, Lee said, has won."), None);
/// assert_eq!(sentence_subject("Roe is right,” she said."), None);
/// assert_eq!(key("Growing up in Ohio, Roe saw the mills close.").as_deref(), Some("Roe"));
/// // a surname in “-ing” the article shows as a name opens no participle phrase
/// let s = "Harding said on Tuesday, before the vote, that it was unfair.";
/// assert_eq!(subject(s, |w| w == "Harding").map(|(k, _)| k).as_deref(), Some("Harding"));
/// assert_eq!(key(s), None);
/// ```
pub fn sentence_subject(
    sentence: &str,
    is_name: impl Fn(&str) -> bool,
) -> Option<(String, Option<char>)> {
    use crosscheck_parse::lexicon::{classes, Class};
    // a sentence holding an odd number of quotation marks lies partly
    // inside a quotation (“… Roe is right,” she said.)
    let marks = sentence.matches(['“', '”', '"']).count() + sentence.matches("''").count();
    if marks % 2 == 1 {
        return None;
    }
    let toks: Vec<&str> = sentence.split_whitespace().collect();
    let mut i = usize::from(toks.first().is_some_and(|t| SUBJECT_OPENERS.contains(t)));
    // an opening prepositional or participle phrase up to its comma (“In
    // an interview, Roe said”, “Growing up in Ohio, Roe saw”)
    let opening = toks.get(i).is_some_and(|t| {
        let w = t.to_lowercase();
        let c = classes(&w);
        (c.has(Class::FunctionWord)
            || c.has(Class::LocativePreposition)
            || c.has(Class::DatePreposition)
            || (w.ends_with("ing") && w.len() > 5 && !is_name(t.trim_end_matches(','))))
            && !c.has(Class::Determiner)
            && !c.has(Class::Article)
            && !c.has(Class::PersonPronoun)
    });
    if opening {
        if let Some(k) = toks[i..].iter().take(8).position(|t| t.ends_with(',')) {
            i += k + 1;
        }
    }
    let mut run: Vec<&str> = Vec::new();
    let mut comma = false;
    while let Some(&t) = toks.get(i) {
        if !t.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        let word = t.trim_end_matches([',', '.']);
        if word.ends_with("’s") || word.ends_with("'s") || word.ends_with('’') {
            return None;
        }
        run.push(t);
        i += 1;
        let initial = t.len() == 2 && t.ends_with('.');
        let title = t.ends_with('.')
            && (PERSON_TITLES
                .iter()
                .any(|(w, _)| t.trim_end_matches('.').eq_ignore_ascii_case(w))
                || matches!(t, "Gov." | "Sen." | "Rep." | "Dr." | "Gen." | "Lt."));
        if t.ends_with(',') {
            comma = true;
            break;
        }
        if t.ends_with(['.', ';', ':', '!', '?', '”', '"']) && !initial && !title {
            return None;
        }
        if run.len() > 5 {
            return None;
        }
    }
    let next = toks.get(i)?;
    let lower_next = next.chars().next().is_some_and(char::is_lowercase);
    let closed = if comma {
        // an apposition (“Roe, a lawyer,”, “Roe, 55,”), not a name list or
        // an inserted attribution (“Trump, Roe said, has …”)
        lower_next || next.chars().next().is_some_and(|c| c.is_ascii_digit())
    } else if lower_next {
        // its verb, not a role after a name modifying it (“Roe campaign
        // chairman Jan Lee said”): a short run of lowercase words before
        // the next capitalised one holds a function word or a verb
        let gap: Vec<&str> = toks[i..]
            .iter()
            .copied()
            .take_while(|t| !t.chars().next().is_some_and(char::is_uppercase))
            .collect();
        let capital_follows = i + gap.len() < toks.len();
        let verb_or_function = gap.iter().any(|t| {
            let w = t.trim_end_matches([',', '.', ';', ':']);
            let c = classes(w);
            w.ends_with("ed")
                || [
                    Class::FunctionWord,
                    Class::Article,
                    Class::Determiner,
                    Class::Auxiliary,
                    Class::ReportingVerb,
                    Class::QuoteVerb,
                    Class::PastVerb,
                    Class::LinkingVerb,
                ]
                .iter()
                .any(|&k| c.has(k))
        });
        !(capital_follows && gap.len() <= 3 && !verb_or_function)
    } else {
        matches!(*next, "–" | "—" | "-" | "--")
    };
    // a capitalised function word or adverb opens a phrase, not a name
    // (“In Ohio Roe won”, “The Roe plan”, “When Roe …”, “Like Roe, …”,
    // “Even a win …”)
    let first = run.first()?.trim_end_matches([',', '.']).to_lowercase();
    let c = classes(&first);
    let phrase = NON_SUBJECT_OPENERS.contains(&first.as_str())
        || [
            Class::FunctionWord,
            Class::Determiner,
            Class::Article,
            Class::AdverbialSubordinator,
            Class::DatePreposition,
            Class::LocativePreposition,
            Class::QuestionWord,
            Class::SentenceOpener,
            Class::StopCapitalised,
            Class::SubjectAdverb,
            Class::BareSubjectStop,
        ]
        .iter()
        .any(|&k| c.has(k));
    if !closed || phrase {
        return None;
    }
    // a gendered title in the run (“Mrs. Roe”) says the person's gender
    let gender = run.iter().find_map(|t| {
        let lower = t.trim_end_matches('.').to_lowercase();
        PERSON_TITLES
            .iter()
            .find(|(w, _)| *w == lower)
            .map(|(_, g)| *g)
    });
    person_key(&run.join(" ")).map(|k| (k, gender))
}

/// True when the name `ours` holds `key` as a whole word, ignoring case and
/// apostrophe style.
fn name_has(ours: &str, key: &str) -> bool {
    let fold = |s: &str| s.to_lowercase().replace('’', "'");
    let key = fold(key);
    words(ours).iter().any(|w| fold(w) == key)
}

/// The verdict on one speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Our speaker is the gold source.
    Right,
    /// We gave no speaker.
    Missing,
    /// We gave someone else.
    Wrong,
}

/// Judges our speaker for a gold source.
///
/// - A **name** source (see [`SourceShape`]): right when our speaker's
///   canonical name holds the source's [`name_key`] as a word, or our
///   speaker span overlaps the source span.
/// - A **third-person pronoun** (`he`, `she`, …): the pronoun stands for
///   `antecedent`, the [`person_key`] of the nearest gold source before it
///   in the article that has one and, for he/she/him/her, may name a
///   person of the pronoun's gender ([`may_be_person`], written
///   capitalised inside a sentence somewhere, [`PersonEvidence::fits`]);
///   right when our name holds that key. With no antecedent, the span rule
///   alone.
/// - A **relative pronoun** (`who`, `which`, …): it stands for
///   `antecedent`, the [`relative_key`] of the text right before it; right
///   when our name holds it. With none, the span rule alone.
/// - A **first/second-person pronoun** or a **role** with no name: right
///   when our speaker span overlaps the source span (we pointed at the
///   same words), or, for a role, our name holds a name word in it.
pub fn judge(
    speaker: Option<&str>,
    speaker_span: Option<Span>,
    text: &str,
    source: &[Span],
    antecedent: Option<&str>,
) -> (Verdict, SourceShape) {
    let src_text: String = source
        .iter()
        .map(|s| s.slice(text))
        .collect::<Vec<_>>()
        .join(" ");
    let shape = source_shape(&src_text);
    let Some(name) = speaker else {
        return (Verdict::Missing, shape);
    };
    let span_hits = speaker_span.is_some_and(|sp| source.iter().any(|s| s.overlaps(&sp)));
    let right = match shape {
        SourceShape::Name => span_hits || name_key(&src_text).is_some_and(|k| name_has(name, &k)),
        SourceShape::Pronoun3 => match antecedent {
            Some(k) => name_has(name, k),
            None => span_hits,
        },
        SourceShape::Relative => match antecedent {
            Some(k) => name_has(name, k),
            None => span_hits,
        },
        SourceShape::Pronoun12 | SourceShape::Role => span_hits,
    };
    let verdict = if right {
        Verdict::Right
    } else {
        Verdict::Wrong
    };
    (verdict, shape)
}

/// The prediction that speaks for a gold content in pieces: of the
/// predictions overlapping it, the one on the piece nearest the gold
/// source (most shared bytes among those on that piece). A content
/// quoted in two parts around another's words (“…,” said Roe, a nurse.
/// Lee spoke. “…”) is judged on the part its source and cue belong to,
/// not on the longer part; with one piece this is the prediction sharing
/// the most bytes, as before. Since round 21 (speakers11);
/// `speaker_accuracy_round20_speakers10` judges the prediction sharing
/// the most bytes.
///
/// ```
/// use crosscheck_eval::quotes::nearest_piece;
/// use crosscheck_parse::Span;
/// let pieces = [Span::new(10, 20), Span::new(60, 90)];
/// assert_eq!(nearest_piece(&pieces, Span::new(22, 30)), Some(Span::new(10, 20)));
/// ```
pub fn nearest_piece(pieces: &[Span], source: Span) -> Option<Span> {
    let gap = |c: &Span| {
        if c.end <= source.start {
            source.start - c.end
        } else {
            c.start.saturating_sub(source.end)
        }
    };
    pieces.iter().min_by_key(|c| gap(c)).copied()
}

/// [`nearest_piece`]'s prediction: the one sharing the most bytes with
/// the content piece nearest the source; `None` when none overlaps that
/// piece.
fn nearest_piece_prediction<'q>(
    preds: &[&'q Quote],
    pieces: &[Span],
    source: Span,
) -> Option<&'q Quote> {
    let piece = nearest_piece(pieces, source)?;
    preds
        .iter()
        .filter(|q| overlap(piece, q.span) > 0)
        .max_by_key(|q| (overlap(piece, q.span), std::cmp::Reverse(q.span.start)))
        .copied()
}

/// Reporting verbs that a gold source made of a cue word starts with
/// (see [`cue_as_source`]).
const CUE_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "asked",
    "asks",
    "told",
    "tells",
    "wrote",
    "writes",
    "added",
    "adds",
    "stated",
    "states",
    "explained",
    "noted",
    "continued",
    "replied",
    "responded",
    "tweeted",
    "declared",
    "according",
];

/// True when a gold source is a cue word, not a source: a reporting verb
/// in lowercase, alone or with its adverbial, naming no one (“said”, “said
/// in a statement”, “asked”): an annotation slip, the source span laid on
/// the cue (in PolNeAR's direct quotes, “…,” said Jane Roe with the source
/// on “said”). Since round 20 the speaker judge scores no such content;
/// `speaker_accuracy_round18` still does.
///
/// ```
/// use crosscheck_eval::quotes::cue_as_source;
/// assert!(cue_as_source("said"));
/// assert!(cue_as_source("said in a statement"));
/// assert!(!cue_as_source("said Jane Roe"));
/// assert!(!cue_as_source("the spokesman"));
/// ```
pub fn cue_as_source(source: &str) -> bool {
    let first = source.split_whitespace().next().unwrap_or("");
    CUE_WORDS.contains(&first) && name_key(source).is_none()
}

/// The words of a gold content outside its double quotation marks (`“…”`,
/// `"…"`, `''…''`): the narration the annotator took into the content
/// (“…,” Sanders said “…”).
///
/// ```
/// use crosscheck_eval::quotes::narration;
/// assert_eq!(narration("“Go,” Roe said. “Now.”").trim(), "Roe said.");
/// ```
pub fn narration(content: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    let mut chars = content.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            '\'' if chars.peek() == Some(&'\'') => {
                chars.next();
                inside = !inside;
            }
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// True when a gold direct content's own narration names our speaker as
/// its speaker: outside the quotation marks, at most 20 words, a reporting
/// verb of `CUE_WORDS` right after or right before a capitalised word
/// our name holds (“…,” Sanders said, according to CNN; “…,” said Kristen
/// Day, …, reports USA Today: the annotator's source is the outlet, the
/// content itself says who spoke). Since round 20 (speakers10) such a
/// verdict is right; `speaker_accuracy_round20` still judges by the
/// source alone.
///
/// ```
/// use crosscheck_eval::quotes::narration_names;
/// assert!(narration_names("“Go,” Roe said “now.”", "Jane Roe"));
/// assert!(narration_names("“Go,” said Jane Roe, an aide.", "Jane Roe"));
/// assert!(!narration_names("“Go,” Roe said “now.”", "Max Doe"));
/// assert!(!narration_names("“Go, Roe,” now.", "Jane Roe"));
/// assert!(!narration_names("“Go.” Roe, an aide, said “now.”", "Jane Roe"));
/// ```
pub fn narration_names(content: &str, ours: &str) -> bool {
    let ws = words(&narration(content));
    let named = |w: Option<&String>| {
        w.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && name_has(ours, w))
    };
    ws.len() <= 20
        && (0..ws.len()).any(|i| {
            CUE_WORDS.contains(&ws[i].as_str())
                && (named(ws.get(i + 1)) || named(i.checked_sub(1).and_then(|j| ws.get(j))))
        })
}

/// Runs the suite on `devdata/polnear-train`.
pub fn run(devdata: &Path) -> Result<Figures, String> {
    let docs = polnear::load(&devdata.join("polnear-train"))?;
    let mut s = Scorer::new(samples_wanted());
    // the held-out half (`polnear::held_out`): text no learned part saw
    let mut held = Scorer::new(0);
    held.dump = None;
    for doc in &docs {
        let x = extract(Article {
            id: doc.name.clone(),
            published: doc.published,
            text: doc.text.clone(),
            origin: format!("{}.txt", doc.name),
            ..Article::default()
        });
        s.doc(doc, &x);
        if polnear::held_out(&doc.name) {
            held.doc(doc, &x);
        }
    }
    eprintln!("quotes: {} PolNeAR articles", docs.len());
    eprintln!("quotes, held-out half only (the articles no learned part was trained on):");
    eprintln!("  {}", held.direct.line("direct"));
    eprintln!("  {}", held.indirect.line("indirect"));
    eprintln!(
        "  speaker accuracy {:.4}",
        ratio(held.speaker_direct[0], held.speaker_direct.iter().sum())
    );
    let mut f = s.finish();
    held.direct.record(&mut f, "heldout_direct");
    held.indirect.record(&mut f, "heldout_indirect");
    held.all.record(&mut f, "heldout_all");
    f.higher(
        "heldout_speaker_accuracy",
        ratio(held.speaker_direct[0], held.speaker_direct.iter().sum()),
    );
    Ok(f)
}

/// Running counts over the articles.
struct Scorer {
    direct: Prf,
    indirect: Prf,
    all: Prf,
    /// Found gold direct contents with a source, judged.
    speaker_direct: [usize; 3],
    /// Every found gold content with a source, judged.
    speaker_all: [usize; 3],
    /// The same two counts by the judge of round 16 (a pronoun's
    /// antecedent: the nearest earlier named gold source, person or not).
    speaker_direct_old: [usize; 3],
    speaker_all_old: [usize; 3],
    /// The same two counts by the judge of round 17 (a name of the
    /// pronoun's own clause after it may be its antecedent).
    speaker_direct_r17: [usize; 3],
    speaker_all_r17: [usize; 3],
    /// The same two counts by the judge of round 18 (a gold source that
    /// is a cue word, [`cue_as_source`], is scored).
    speaker_direct_r18: [usize; 3],
    speaker_all_r18: [usize; 3],
    /// The same two counts by the judge of round 20 (speakers9): the
    /// content's own narration ([`narration_names`]) not read.
    speaker_direct_r20: [usize; 3],
    speaker_all_r20: [usize; 3],
    /// The same two counts by the judge of round 20 (speakers10): a
    /// he/she source's antecedent is never the subject of the sentence
    /// before ([`sentence_subject`]) unless it is a gold source.
    speaker_direct_s10: [usize; 3],
    speaker_all_s10: [usize; 3],
    /// Verdicts the subject of the sentence before turns (round 21).
    changed_r21: Tally,
    /// Direct verdicts the round 17 and round 18 judges give differently.
    changed_r18: Tally,
    /// Verdicts the content's narration turns right (round 20 speakers10).
    changed_r20: Tally,
    /// Direct verdicts the two judges give differently.
    changed: Tally,
    /// Speaker verdicts on direct quotes by the gold source's shape.
    by_shape: Tally,
    speaker_errors: Tally,
    missing_cues: Tally,
    no_source: Tally,
    /// Found gold contents whose source is a cue word (not scored).
    cue_sources: Tally,
    spurious: Tally,
    missed: Tally,
    missed_indirect_cues: Tally,
    wrong_kind: Tally,
    junk_names: Tally,
    /// Gold mixed contents: (found, all).
    mixed: (usize, usize),
    /// Gold direct contents missed that overlap a quote we called a scare
    /// quote.
    direct_as_scare: usize,
    /// Direct quotes judged wrong on a he/she/they source although our
    /// speaker span is on the pronoun.
    pronoun_span_only: usize,
    /// One line per judged direct content (`$CROSSCHECK_SPEAKER_DUMP`).
    dump: Option<Vec<String>>,
}

impl Scorer {
    fn new(keep: usize) -> Self {
        Scorer {
            direct: Prf::default(),
            indirect: Prf::default(),
            all: Prf::default(),
            speaker_direct: [0; 3],
            speaker_all: [0; 3],
            speaker_direct_old: [0; 3],
            speaker_all_old: [0; 3],
            speaker_direct_r17: [0; 3],
            speaker_all_r17: [0; 3],
            speaker_direct_r18: [0; 3],
            speaker_all_r18: [0; 3],
            speaker_direct_r20: [0; 3],
            speaker_all_r20: [0; 3],
            speaker_direct_s10: [0; 3],
            speaker_all_s10: [0; 3],
            changed_r21: Tally::new(keep),
            changed_r20: Tally::new(keep),
            changed_r18: Tally::new(keep),
            changed: Tally::new(keep),
            by_shape: Tally::new(0),
            speaker_errors: Tally::new(keep),
            missing_cues: Tally::new(0),
            no_source: Tally::new(0),
            cue_sources: Tally::new(keep),
            spurious: Tally::new(keep),
            missed: Tally::new(keep),
            missed_indirect_cues: Tally::new(keep),
            wrong_kind: Tally::new(0),
            junk_names: Tally::new(keep),
            mixed: (0, 0),
            direct_as_scare: 0,
            pronoun_span_only: 0,
            dump: std::env::var_os("CROSSCHECK_SPEAKER_DUMP").map(|_| Vec::new()),
        }
    }

    fn doc(&mut self, doc: &Doc, x: &Extraction) {
        let text = doc.text.as_str();
        let preds: Vec<&Quote> = x
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::ScareQuote)
            .collect();
        let at = |offset: usize| {
            let chars = text.get(..offset).map_or(0, |t| t.chars().count());
            format!("{}.txt:{chars}", doc.name)
        };
        let context = |span: Span| {
            let s = back(text, span.start, 60);
            let e = ahead(text, span.end, 60);
            format!("{}  «{}»", at(span.start), snippet(text, s, e, 240))
        };

        // precision: each prediction against every gold content piece
        for q in &preds {
            let hit = doc
                .attributions
                .iter()
                .any(|a| a.content.iter().any(|c| c.overlaps(&q.span)));
            self.all.predicted(hit);
            match q.kind {
                QuoteKind::Direct => self.direct.predicted(hit),
                QuoteKind::Indirect => self.indirect.predicted(hit),
                _ => {}
            }
            if !hit {
                let size = if q.text.split_whitespace().count() <= 3 {
                    "of 1-3 words (title, nickname, scare quote?)"
                } else {
                    "of 4+ words"
                };
                let kind = kind_name(q.kind);
                self.spurious
                    .note(&format!("{kind} quote {size}"), || context(q.span));
            }
        }

        // gold sources with names, for third-person pronouns
        let named: Vec<(usize, String)> = doc
            .attributions
            .iter()
            .filter_map(|a| {
                let src = a.source_hull()?;
                person_key(src.slice(text)).map(|k| (src.start, k))
            })
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_iter()
            .collect();

        let evidence = person_evidence(text);

        for a in &doc.attributions {
            let hull = a.content_hull();
            let class = gold_class(hull.slice(text));
            let best = preds
                .iter()
                .filter_map(|q| {
                    let shared: usize = a.content.iter().map(|c| overlap(*c, q.span)).sum();
                    (shared > 0).then_some((shared, *q))
                })
                .max_by_key(|(shared, q)| (*shared, std::cmp::Reverse(q.span.start)))
                .map(|(_, q)| q);
            let found = best.is_some();
            self.all.gold(found);
            match class {
                GoldClass::Direct => self.direct.gold(found),
                GoldClass::Indirect => self.indirect.gold(found),
                GoldClass::Mixed => {
                    self.mixed.0 += usize::from(found);
                    self.mixed.1 += 1;
                }
            }
            let Some(q) = best else {
                let scare = x.quotes.iter().any(|q| {
                    q.kind == QuoteKind::ScareQuote && a.content.iter().any(|c| c.overlaps(&q.span))
                });
                let why = if scare {
                    "(we called it a scare quote)"
                } else {
                    "(no quote of ours there)"
                };
                if scare && class == GoldClass::Direct {
                    self.direct_as_scare += 1;
                }
                let cls = class_name(class);
                let marks = if class == GoldClass::Direct {
                    format!(", opened by {}", opening_mark(hull.slice(text)))
                } else {
                    String::new()
                };
                self.missed
                    .note(&format!("{cls} content not found {why}{marks}"), || {
                        context(hull)
                    });
                if class == GoldClass::Indirect {
                    let cue = a
                        .cue_hull()
                        .map_or("(no cue)".to_string(), |c| c.slice(text).to_lowercase());
                    self.missed_indirect_cues
                        .note(&format!("cue “{cue}”"), || context(hull));
                }
                continue;
            };
            if class == GoldClass::Indirect && q.kind != QuoteKind::Indirect {
                self.wrong_kind.note(
                    &format!("gold indirect found as {}", kind_name(q.kind)),
                    String::new,
                );
            }
            if class == GoldClass::Direct && q.kind == QuoteKind::Indirect {
                self.wrong_kind
                    .note("gold direct found as indirect", String::new);
            }
            let Some(src) = a.source_hull() else {
                let ours = if q.speaker.is_some() {
                    "we name a speaker"
                } else {
                    "we name none"
                };
                self.no_source.note(
                    &format!("{} gold without source: {ours}", class_name(class)),
                    String::new,
                );
                continue;
            };
            // the old rule: the nearest earlier named source
            let antecedent_old = named
                .iter()
                .rev()
                .find(|(start, _)| *start < src.start)
                .map(|(_, k)| k.as_str());
            // the rule: for he/she/him/her, the nearest earlier named source
            // the article shows as a person of the pronoun's gender
            let pronoun = src.slice(text).trim();
            let is_relative = RELATIVES.contains(&pronoun.to_lowercase().as_str());
            let relative = is_relative
                .then(|| relative_key(&text[..src.start]))
                .flatten();
            let gendered = ["he", "she", "him", "her"].contains(&pronoun.to_lowercase().as_str());
            // round 18: never a name of the pronoun's own clause after it
            // (“he told Hannity”); round 17 without that test
            let own_clause = clause_after(text.get(src.end..).unwrap_or(""));
            let person_antecedent = |clause: &str| {
                named
                    .iter()
                    .rev()
                    .filter(|(start, _)| *start < src.start)
                    .find(|(_, k)| {
                        let e = evidence.get(k).copied().unwrap_or_default();
                        e.mid
                            && may_be_person(k, e.named)
                            && e.fits(pronoun)
                            && !words(clause).iter().any(|w| w == k)
                    })
                    .map(|(_, k)| k.as_str())
            };
            let antecedent = if is_relative {
                relative.as_deref()
            } else if gendered {
                person_antecedent(own_clause)
            } else {
                antecedent_old
            };
            // round 21 (speakers11): the subject of the sentence before the
            // quote's sentence, when it may be the pronoun's person (“Mr.
            // Roe differed. “…,” he said”)
            let first = src.start.min(hull.start);
            let si = x.sentences.partition_point(|s| s.span.end <= first);
            // not when the sentence before holds a named gold source: its
            // speaker is the nearest source, as before
            let prev_span = si.checked_sub(1).map(|p| x.sentences[p].span);
            // a gold source of the sentence before that is not its subject
            // (“Cruz won, Roe said.”)
            let other_source = |key: &str| {
                prev_span.is_some_and(|p| {
                    doc.attributions.iter().any(|b| {
                        b.source_hull().is_some_and(|s| {
                            s.start >= p.start
                                && s.start < p.end
                                && !words(s.slice(text)).iter().any(|w| w == key)
                        })
                    })
                })
            };
            // nor when the pronoun's own sentence names someone before it
            // (“When Roe spoke, he said”), outside quotation marks
            let own_start = x
                .sentences
                .get(si)
                .map_or(first, |s| s.span.start.min(first));
            let lead = narration(text.get(own_start..src.start).unwrap_or(""));
            let lead_named = lead
                .split_whitespace()
                .skip(1)
                .any(|w| w.chars().next().is_some_and(char::is_uppercase));
            let prev_subject = (gendered && !lead_named)
                .then(|| {
                    // (a surname in “-ing”, “Harding”, is a name where the
                    // article writes it capitalised inside a sentence)
                    let is_name = |w: &str| evidence.get(w).is_some_and(|e| e.mid);
                    prev_span.and_then(|p| sentence_subject(p.slice(text), is_name))
                })
                .flatten()
                .filter(|(k, title)| {
                    let e = evidence.get(k).copied().unwrap_or_default();
                    let p = pronoun.to_lowercase();
                    let title_fits = match title {
                        Some('m') => p == "he" || p == "him",
                        Some('f') => p == "she" || p == "her",
                        _ => true,
                    };
                    e.mid
                        && may_be_person(k, e.named)
                        && e.fits(pronoun)
                        && title_fits
                        && !other_source(k)
                        && !words(own_clause).iter().any(|w| w == k)
                })
                .map(|(k, _)| k);
            let antecedent_r21 = prev_subject.as_deref().or(antecedent);
            let antecedent_r17 = if is_relative {
                relative.as_deref()
            } else if gendered {
                person_antecedent("")
            } else {
                antecedent_old
            };
            // the old judge read a relative pronoun as a role: span only
            let judged = |ante| judge(q.speaker.as_deref(), q.speaker_span, text, &a.source, ante);
            let (verdict_old, _) = judged(antecedent_old.filter(|_| !is_relative));
            let (verdict_r20, shape) = judged(antecedent);
            // round 20 (speakers10): the content's own narration names our
            // speaker (“…,” Sanders said, according to CNN)
            let content_text: String = a
                .content
                .iter()
                .map(|c| c.slice(text))
                .collect::<Vec<_>>()
                .join(" ");
            // round 20 (speakers10): a name source's person is its head's
            // name (“Jack Roe, a spokesman for the Harbour Board”: `Roe`,
            // not `Board`, the last capitalised word). Both turn a wrong
            // verdict on `q` right: (narrated, head named).
            let corrections = |verdict: Verdict, q: &Quote| {
                let wrong = verdict == Verdict::Wrong;
                let ours = q.speaker.as_deref();
                let narrated = wrong
                    && class == GoldClass::Direct
                    && ours.is_some_and(|ours| narration_names(&content_text, ours));
                let head_named = wrong
                    && shape == SourceShape::Name
                    && ours.is_some_and(|ours| {
                        person_key(src.slice(text)).is_some_and(|k| name_has(ours, &k))
                    });
                (narrated, head_named)
            };
            let (narrated, head_named) = corrections(verdict_r20, q);
            let verdict_s10 = if narrated || head_named {
                Verdict::Right
            } else {
                verdict_r20
            };
            // round 21 (speakers11): of a content in pieces, the prediction
            // on the piece nearest the source speaks for the attribution
            // (“…,” said Roe, a nurse. Lee spoke. “…”: the first piece)
            let q = nearest_piece_prediction(&preds, &a.content, src).unwrap_or(q);
            let (verdict_r21, _) = judge(
                q.speaker.as_deref(),
                q.speaker_span,
                text,
                &a.source,
                antecedent_r21,
            );
            let (narrated_r21, head_named_r21) = corrections(verdict_r21, q);
            let verdict = if narrated_r21 || head_named_r21 {
                Verdict::Right
            } else {
                verdict_r21
            };
            let (verdict_r17, _) = judged(antecedent_r17);
            // the tally slot of a verdict: right, none, wrong
            let slot_of = |v: Verdict| match v {
                Verdict::Right => 0,
                Verdict::Missing => 1,
                Verdict::Wrong => 2,
            };
            let (slot, slot_old, slot_r17) =
                (slot_of(verdict), slot_of(verdict_old), slot_of(verdict_r17));
            let slot_r20 = slot_of(verdict_r20);
            let slot_s10 = slot_of(verdict_s10);
            // round 20: a gold source that is a cue word is not scored
            let scored = !cue_as_source(src.slice(text).trim());
            if !scored {
                self.cue_sources.note(
                    &format!(
                        "{} gold, source on the cue word: {}",
                        class_name(class),
                        verdict_name(verdict)
                    ),
                    || {
                        format!(
                            "{}  gold source «{}»  ours «{}»",
                            context(hull),
                            src.slice(text),
                            q.speaker.as_deref().unwrap_or("")
                        )
                    },
                );
            }
            if scored {
                self.speaker_all[slot] += 1;
                self.speaker_all_s10[slot_s10] += 1;
                if verdict != verdict_s10 {
                    self.changed_r21.note(
                        &format!(
                            "{} gold, {} → {}",
                            class_name(class),
                            verdict_name(verdict_s10),
                            verdict_name(verdict)
                        ),
                        || {
                            format!(
                                "{}  gold source «{}» (= {} before, {} now)  ours «{}»  sentence before «{}»",
                                context(hull),
                                src.slice(text),
                                antecedent.unwrap_or("-"),
                                antecedent_r21.unwrap_or("-"),
                                q.speaker.as_deref().unwrap_or(""),
                                if si > 0 { snippet(text, x.sentences[si-1].span.start, x.sentences[si-1].span.end, 200) } else { String::new() }
                            )
                        },
                    );
                }
                self.speaker_all_r20[slot_r20] += 1;
            }
            self.speaker_all_r18[slot_r20] += 1;
            if (narrated || head_named) && scored {
                let why = if narrated { "narration" } else { "source head" };
                self.changed_r20
                    .note(&format!("{} gold, {why}", class_name(class)), || {
                        format!(
                            "{}  gold source «{}»  ours «{}»  narration «{}»",
                            context(hull),
                            src.slice(text),
                            q.speaker.as_deref().unwrap_or(""),
                            snippet(&narration(&content_text), 0, usize::MAX, 300)
                        )
                    });
            }
            self.speaker_all_old[slot_old] += 1;
            self.speaker_all_r17[slot_r17] += 1;
            if class != GoldClass::Direct {
                continue;
            }
            if scored {
                self.speaker_direct[slot] += 1;
                self.speaker_direct_s10[slot_s10] += 1;
                self.speaker_direct_r20[slot_r20] += 1;
            }
            self.speaker_direct_r18[slot_r20] += 1;
            self.speaker_direct_old[slot_old] += 1;
            self.speaker_direct_r17[slot_r17] += 1;
            if verdict != verdict_r17 {
                self.changed_r18.note(
                    &format!("{} → {}", verdict_name(verdict_r17), verdict_name(verdict)),
                    || {
                        format!(
                            "{}  gold source «{}» (= {} before, {} now)  ours «{}»",
                            context(hull),
                            src.slice(text),
                            antecedent_r17.unwrap_or("-"),
                            antecedent.unwrap_or("-"),
                            q.speaker.as_deref().unwrap_or("")
                        )
                    },
                );
            }
            if let Some(lines) = self.dump.as_mut() {
                lines.push(format!(
                    "{}\t{}\t{}\tgold «{}» (= {})\tours «{}»\t{:?}\t{}",
                    at(hull.start),
                    if scored {
                        verdict_name(verdict)
                    } else {
                        "unscored"
                    },
                    verdict_name(verdict_old),
                    src.slice(text),
                    antecedent.unwrap_or("-"),
                    q.speaker.as_deref().unwrap_or(""),
                    q.attribution,
                    snippet(
                        text,
                        back(text, hull.start, 100),
                        ahead(text, hull.end.min(hull.start + 120), 80),
                        400
                    )
                ));
            }
            if verdict != verdict_old {
                self.changed.note(
                    &format!("{} → {}", verdict_name(verdict_old), verdict_name(verdict)),
                    || {
                        format!(
                            "{}  gold source «{}» (= {} before, {} now)  ours «{}»",
                            context(hull),
                            src.slice(text),
                            antecedent_old.unwrap_or("-"),
                            antecedent.unwrap_or("-"),
                            q.speaker.as_deref().unwrap_or("")
                        )
                    },
                );
            }
            if verdict == Verdict::Wrong
                && shape == SourceShape::Pronoun3
                && q.speaker_span
                    .is_some_and(|sp| a.source.iter().any(|s| s.overlaps(&sp)))
            {
                self.pronoun_span_only += 1;
            }
            if !scored {
                continue;
            }
            self.by_shape.note(
                &format!("{:<9} source: {}", shape_name(shape), verdict_name(verdict)),
                String::new,
            );
            if verdict == Verdict::Right {
                continue;
            }
            let category = self.speaker_category(verdict, shape, q, a, x);
            let ours = q.speaker.clone().unwrap_or_default();
            self.speaker_errors.note(&category, || {
                let ante = match (shape, antecedent) {
                    (SourceShape::Pronoun3, Some(k)) => format!(" (= {k})"),
                    _ => String::new(),
                };
                format!(
                    "{}  gold source «{}»{ante}  ours «{ours}»",
                    context(hull),
                    snippet(text, src.start, src.end, 60)
                )
            });
            if verdict == Verdict::Wrong {
                if let Some(why) = q.speaker.as_deref().and_then(junk_name) {
                    self.junk_names.note(why, || ours.clone());
                }
            }
            if verdict == Verdict::Missing {
                let cue = a
                    .cue_hull()
                    .map_or("(no cue)".to_string(), |c| c.slice(text).to_lowercase());
                self.missing_cues.note(&format!("cue “{cue}”"), String::new);
            }
        }
    }

    /// The error category of a wrong or missing speaker on a direct quote,
    /// first matching rule wins.
    fn speaker_category(
        &self,
        verdict: Verdict,
        shape: SourceShape,
        q: &Quote,
        a: &Attribution,
        x: &Extraction,
    ) -> String {
        let hull = a.content_hull();
        let src = a.source_hull().unwrap_or_default();
        let sentence_of = |offset: usize| {
            x.sentences
                .partition_point(|s| s.span.end <= offset)
                .min(x.sentences.len())
        };
        let same_sentence = sentence_of(src.start) == sentence_of(hull.start)
            || sentence_of(src.start) == sentence_of(hull.end.saturating_sub(1));
        let position = if src.start >= hull.end {
            "after"
        } else {
            "before"
        };
        match verdict {
            Verdict::Missing => {
                let asks = q.text.trim_end().ends_with(['?', '!'])
                    && a.cue_hull().is_some_and(|c| c.start >= hull.end);
                if asks {
                    "none: quote ends in ?/! before its verb".into()
                } else if !same_sentence {
                    "none: source in another sentence".into()
                } else {
                    format!(
                        "none: {} source {position} the quote, same sentence",
                        shape_name(shape)
                    )
                }
            }
            _ => {
                let how = match q.attribution {
                    How::Verb => "a verb next to a name",
                    How::Colon => "a colon introduction",
                    How::AccordingTo => "“according to”",
                    How::Pronoun => "a pronoun resolved",
                    How::Role => "a role resolved",
                    How::Context => "context (speaker carried over)",
                    How::None => "no attribution",
                    _ => "an attribution this scorer does not know",
                };
                format!("wrong person: via {how}, gold {} source", shape_name(shape))
            }
        }
    }

    fn finish(self) -> Figures {
        if let (Some(lines), Some(path)) = (
            self.dump.as_ref(),
            std::env::var_os("CROSSCHECK_SPEAKER_DUMP"),
        ) {
            let mut all = lines.join("\n");
            all.push('\n');
            if let Err(e) = std::fs::write(&path, all) {
                eprintln!("quotes: cannot write {}: {e}", path.to_string_lossy());
            }
        }
        let mut f = Figures::default();
        self.direct.record(&mut f, "direct");
        self.indirect.record(&mut f, "indirect");
        self.all.record(&mut f, "all");
        let acc = |c: [usize; 3]| ratio(c[0], c.iter().sum());
        f.higher("speaker_accuracy", acc(self.speaker_direct));
        f.higher("speaker_accuracy_all", acc(self.speaker_all));
        f.higher(
            "speaker_accuracy_nearest_source",
            acc(self.speaker_direct_old),
        );
        f.higher(
            "speaker_accuracy_all_nearest_source",
            acc(self.speaker_all_old),
        );
        f.higher("speaker_accuracy_round17", acc(self.speaker_direct_r17));
        f.higher("speaker_accuracy_all_round17", acc(self.speaker_all_r17));
        f.higher("speaker_accuracy_round18", acc(self.speaker_direct_r18));
        f.higher("speaker_accuracy_all_round18", acc(self.speaker_all_r18));
        f.higher("speaker_accuracy_round20", acc(self.speaker_direct_r20));
        f.higher("speaker_accuracy_all_round20", acc(self.speaker_all_r20));
        f.higher(
            "speaker_accuracy_round20_speakers10",
            acc(self.speaker_direct_s10),
        );
        f.higher(
            "speaker_accuracy_all_round20_speakers10",
            acc(self.speaker_all_s10),
        );

        eprintln!("quotes: overlap matching (a prediction is right when it shares a byte with a gold content)");
        eprintln!("  {}", self.direct.line("direct (gold starts with a mark)"));
        eprintln!("  {}", self.indirect.line("indirect (gold has no mark)"));
        eprintln!("  {}", self.all.line("all speech"));
        let (mixed_found, mixed) = self.mixed;
        eprintln!(
            "  mixed gold (reported speech holding a quoted fragment): recall {:.4} ({mixed_found}/{mixed})",
            ratio(mixed_found, mixed)
        );
        eprintln!(
            "  indirect recall counting mixed gold as indirect: {:.4}",
            ratio(
                self.indirect.gold_ok + mixed_found,
                self.indirect.gold + mixed
            )
        );
        eprintln!(
            "  direct recall counting quotes we called scare quotes as found: {:.4} ({} of the misses)",
            ratio(self.direct.gold_ok + self.direct_as_scare, self.direct.gold),
            self.direct_as_scare
        );
        let [r, m, w] = self.speaker_direct;
        eprintln!(
            "  speaker on found direct quotes: {r} right, {m} none, {w} wrong person (accuracy {:.4})",
            acc(self.speaker_direct)
        );
        eprintln!(
            "  speaker accuracy if a speaker span on the gold pronoun were enough: {:.4} ({} more)",
            ratio(r + self.pronoun_span_only, r + m + w),
            self.pronoun_span_only
        );
        let [r, m, w] = self.speaker_all;
        eprintln!(
            "  speaker on every found attribution: {r} right, {m} none, {w} wrong person (accuracy {:.4})",
            acc(self.speaker_all)
        );
        self.changed.print(
            "direct verdicts changed by the person-and-gender antecedent (old → new)",
            10,
        );
        self.changed_r18.print(
            "direct verdicts changed by the own-clause test of round 18 (round 17 → 18)",
            10,
        );
        self.changed_r20.print(
            "verdicts turned right by the content's own narration or the source's head (round 20 speakers10)",
            10,
        );
        self.changed_r21.print(
            "verdicts turned by the subject of the sentence before a he/she source (round 21 speakers11)",
            10,
        );
        self.by_shape.print(
            "speaker verdicts on direct quotes, by gold source shape",
            20,
        );
        self.speaker_errors
            .print("speaker errors on direct quotes", 20);
        self.missing_cues
            .print("gold cue of direct quotes we left without speaker", 15);
        self.no_source
            .print("found gold contents without a gold source (not scored)", 10);
        self.cue_sources.print(
            "found gold contents whose source is a cue word (not scored since round 20; our verdict by round 18's judge)",
            10,
        );
        self.spurious
            .print("predictions overlapping no gold content", 10);
        self.missed
            .print("gold contents no prediction overlaps", 10);
        self.missed_indirect_cues
            .print("gold cue of missed indirect contents", 20);
        self.wrong_kind.print("found with another kind", 10);
        self.junk_names.print(
            "wrong speakers on direct quotes whose name is not a name",
            10,
        );
        f
    }
}

/// Why a speaker name is not a name, when it is not: a word that does not
/// start with a capital (particles like `de`, `bin` aside), a first word
/// that is a pronoun, conjunction or `-ing` form (of more than five
/// letters, as the pronoun judge's participle: “King Abdullah” is a
/// name), or more than five words.
///
/// ```
/// use crosscheck_eval::quotes::junk_name;
/// assert!(junk_name("Because I").is_some());
/// assert!(junk_name("Hosting President Ann Lee").is_some());
/// assert_eq!(junk_name("Charles de Gaulle"), None);
/// ```
pub fn junk_name(name: &str) -> Option<&'static str> {
    const PARTICLES: &[&str] = &[
        "de", "da", "di", "del", "van", "von", "der", "bin", "al", "la", "le", "du", "dos", "y",
    ];
    const FIRST: &[&str] = &[
        "i", "i'm", "i’m", "we", "he", "she", "they", "it", "because", "whatever", "while", "when",
        "if", "and", "but", "so", "as", "after", "before", "since", "though", "although",
    ];
    let ws: Vec<&str> = name.split_whitespace().collect();
    let first = ws.first()?.to_lowercase();
    if FIRST.contains(&first.as_str()) {
        Some("first word is a pronoun or conjunction")
    } else if ws.len() > 1 && first.ends_with("ing") && first.len() > 5 {
        Some("first word is an -ing form")
    } else if ws.len() > 5 {
        Some("more than five words")
    } else if ws
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase) && !PARTICLES.contains(w))
    {
        Some("a lowercase word inside")
    } else {
        None
    }
}

/// The opening mark of a direct content, named: two apostrophes (`''`, the
/// style of some wire copy) are told apart from one.
fn opening_mark(content: &str) -> &'static str {
    let c = content.trim_start();
    if c.starts_with("''") {
        "two apostrophes ''"
    } else if c.starts_with('\'') {
        "an apostrophe '"
    } else if c.starts_with('"') {
        "a straight double quote \""
    } else if c.starts_with('“') {
        "a curly double quote “"
    } else if c.starts_with('‘') {
        "a curly single quote ‘"
    } else {
        "another mark"
    }
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
        QuoteKind::ScareQuote => "scare",
        _ => "other",
    }
}

fn class_name(c: GoldClass) -> &'static str {
    match c {
        GoldClass::Direct => "direct",
        GoldClass::Mixed => "mixed",
        GoldClass::Indirect => "indirect",
    }
}

fn shape_name(s: SourceShape) -> &'static str {
    match s {
        SourceShape::Name => "name",
        SourceShape::Pronoun3 => "he/she/they",
        SourceShape::Pronoun12 => "I/we/you",
        SourceShape::Role => "role",
        SourceShape::Relative => "who/which",
    }
}

fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Right => "right",
        Verdict::Missing => "none",
        Verdict::Wrong => "wrong person",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn names_match_on_the_key_word_and_pronouns_on_their_antecedent() {
        let text = "Gov. Ann Lee (D-Maine) said it. He added more. The aide said so.";
        let lee = [Span::new(0, 22)];
        let he = [Span::new(32, 34)];
        let aide = [Span::new(47, 55)];
        let v =
            |q: (Option<&str>, Option<Span>), s: &[Span], ante| judge(q.0, q.1, text, s, ante).0;
        assert_eq!(v((Some("Ann Lee"), None), &lee, None), Verdict::Right);
        assert_eq!(v((Some("Lee"), None), &lee, None), Verdict::Right);
        assert_eq!(v((Some("Ann Marsh"), None), &lee, None), Verdict::Wrong);
        assert_eq!(v((None, None), &lee, None), Verdict::Missing);
        // the pronoun: our span on "He" is not enough, the name must be Lee's
        let on_he = Some(Span::new(32, 34));
        assert_eq!(
            v((Some("Ann Lee"), on_he), &he, Some("Lee")),
            Verdict::Right
        );
        assert_eq!(
            v((Some("Bo Park"), on_he), &he, Some("Lee")),
            Verdict::Wrong
        );
        assert_eq!(v((Some("Bo Park"), on_he), &he, None), Verdict::Right);
        // a role: only the span says we pointed at it
        let on_aide = Some(Span::new(51, 55));
        assert_eq!(v((Some("Bo Park"), on_aide), &aide, None), Verdict::Right);
        assert_eq!(v((Some("Bo Park"), None), &aide, None), Verdict::Wrong);
    }

    #[test]
    fn a_pronoun_needs_a_person_of_its_gender() {
        let ev = person_evidence(
            "Christine Todd Whitman spoke. Mrs. Clinton left. Hillary Clinton. Roe said so. Bill Clinton too.",
        );
        // the first given name of the run says the gender, not the middle one
        assert!(ev["Whitman"].female && !ev["Whitman"].male);
        assert!(!ev["Whitman"].fits("he") && ev["Whitman"].fits("she"));
        // a sentence end breaks the run: "Clinton. Roe" says nothing of Roe
        assert!(!ev.contains_key("Roe"));
        // both genders: either pronoun fits
        assert!(ev["Clinton"].fits("he") && ev["Clinton"].fits("she"));
        // capitalised inside a sentence (after a title, a given name)
        assert!(ev["Clinton"].mid && ev["Whitman"].mid);
        let ev = person_evidence("Friends say it. “We won,” Roe said. Documents show it.");
        assert!(ev["Roe"].mid);
        assert!(!ev.get("Friends").is_some_and(|e| e.mid));
        assert!(!ev.get("Documents").is_some_and(|e| e.mid));
        assert!(PersonEvidence::default().fits("she"));
    }

    #[test]
    fn a_surname_in_ing_opens_no_participle_phrase() {
        // as the pronoun judge reads the sentence before a quote's
        let text = "Sen. Tom Harding spoke at the pier. Harding said on Tuesday, before \
                    the vote, that the toll was unfair. Growing up in Ohio, Roe saw the mills close.";
        let ev = person_evidence(text);
        let is_name = |w: &str| ev.get(w).is_some_and(|e| e.mid);
        let key = |s: &str| sentence_subject(s, is_name).map(|(k, _)| k);
        let harding = "Harding said on Tuesday, before the vote, that the toll was unfair.";
        assert_eq!(key(harding).as_deref(), Some("Harding"));
        // (without the article's evidence: read as a participle, as before)
        assert_eq!(sentence_subject(harding, |_| false), None);
        let growing = "Growing up in Ohio, Roe saw the mills close.";
        assert_eq!(key(growing).as_deref(), Some("Roe"));
        assert_eq!(junk_name("King Abdullah"), None);
        assert!(junk_name("Hosting President Ann Lee").is_some());
    }

    #[test]
    fn a_relative_pronoun_stands_for_the_name_before_it() {
        let text = "Support came from Sen. Mike Lee, who declared: “Unite.”";
        let who = [Span::new(33, 36)];
        assert_eq!(who[0].slice(text), "who");
        assert_eq!(source_shape("who"), SourceShape::Relative);
        let key = relative_key(&text[..33]);
        assert_eq!(key.as_deref(), Some("Lee"));
        let v = |name| judge(Some(name), None, text, &who, key.as_deref()).0;
        assert_eq!(v("Mike Lee"), Verdict::Right);
        assert_eq!(v("Ted Cruz"), Verdict::Wrong);
    }

    #[test]
    fn shapes_and_keys() {
        assert_eq!(source_shape("officials"), SourceShape::Role);
        assert_eq!(source_shape("We"), SourceShape::Pronoun12);
        assert_eq!(source_shape("Rep. Tom Fry Jr."), SourceShape::Name);
        assert_eq!(name_key("Rep. Tom Fry Jr.").as_deref(), Some("Fry"));
        assert_eq!(name_key("O’Hara’s spokeswoman").as_deref(), Some("O’Hara"));
        assert!(name_has("Kate O'Hara", "O’Hara"));
        assert_eq!(gold_class("  ‘Never again,’"), GoldClass::Direct);
    }
}
