//! The word lists of `crates/align/data/`, compiled in and parsed once.
//!
//! | file | what |
//! | --- | --- |
//! | `roles.tsv` | honorifics, qualifiers, title words, compound titles, rank words and synonyms for names and roles |
//! | `calendar.tsv` | month and weekday names, for dates that could not be resolved; words that date a claim to the day of the report ("today") |
//! | `units.tsv` | families of counted nouns that measure the same thing |
//! | `locatives.txt` | prepositions that make a place the location of an event |
//! | `places.tsv` | which place contains which |
//! | `reporting_verbs.txt` | verbs that introduce quotes, stemmed |
//! | `sample_figures.txt` | cue phrases of a figure of one sample or poll (a margin of error) |

use crate::text::fold;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Lines of a data file without comments and blank lines.
fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Splits a phrase into the words the role and name code compares:
/// folded, full stops dropped, split on anything but letters, digits,
/// apostrophes and hyphens.
pub(crate) fn words(s: &str) -> Vec<String> {
    let mut folded = fold(s);
    if folded.contains('.') {
        folded.retain(|c| c != '.');
    }
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The classes of `roles.tsv`.
#[derive(Debug, Default)]
pub(crate) struct RoleWords {
    pub honorific: HashSet<String>,
    pub qualifier: HashSet<String>,
    /// Qualifiers that put a role in the past ("former"): also qualifiers.
    pub past: HashSet<String>,
    pub title: HashSet<String>,
    pub rank: HashSet<String>,
    pub suffix: HashSet<String>,
    pub connector: HashSet<String>,
    /// Place nouns that stand for the story's place when possessive ("the
    /// state's governor", "the country's president"): dropped from roles.
    pub generic_place: HashSet<String>,
    /// Compound titles, as word sequences, longest first.
    pub compound: Vec<Vec<String>>,
    /// Synonym phrases (word sequences, longest first) and their canonical
    /// words.
    pub synonym: Vec<(Vec<String>, Vec<String>)>,
    /// Title unit (compounds joined with `_`) → its family of exclusive
    /// jobs.
    pub family: HashMap<String, String>,
    /// Title unit (compounds joined with `_`) → the title it is called by
    /// in short ("lieutenant general" → "general").
    pub short: HashMap<String, String>,
}

/// The parsed `roles.tsv`.
pub(crate) fn role_words() -> &'static RoleWords {
    static R: OnceLock<RoleWords> = OnceLock::new();
    R.get_or_init(|| {
        let mut r = RoleWords::default();
        for line in lines(include_str!("../data/roles.tsv")) {
            let mut cols = line.split('\t');
            let class = cols.next().unwrap_or("");
            let phrase = cols.next().unwrap_or("");
            let w = words(phrase);
            if w.is_empty() {
                continue;
            }
            match class {
                "honorific" => {
                    r.honorific.insert(w.join(" "));
                }
                "qualifier" => {
                    r.qualifier.insert(w.join(" "));
                }
                "past" => {
                    r.past.insert(w.join(" "));
                    r.qualifier.insert(w.join(" "));
                }
                "title" => {
                    r.title.insert(w.join(" "));
                }
                "rank" => {
                    r.rank.insert(w.join(" "));
                }
                "suffix" => {
                    r.suffix.insert(w.join(" "));
                }
                "connector" => {
                    r.connector.insert(w.join(" "));
                }
                "generic_place" => {
                    r.generic_place.insert(w.join(" "));
                }
                "compound" => r.compound.push(w),
                "synonym" => r.synonym.push((w, words(cols.next().unwrap_or("")))),
                "short" => {
                    let to = words(cols.next().unwrap_or("")).join("_");
                    r.short.insert(w.join("_"), to);
                }
                "family" => {
                    let fam = cols.next().unwrap_or("").trim().to_string();
                    r.family.insert(w.join("_"), fam);
                }
                _ => {}
            }
        }
        r.compound
            .sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        r.synonym
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        r
    })
}

struct Calendar {
    month: HashMap<&'static str, u32>,
    weekday: HashMap<&'static str, u32>,
    /// Phrases of class `today`, as words.
    today: Vec<Vec<&'static str>>,
}

fn calendar() -> &'static Calendar {
    static C: OnceLock<Calendar> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = Calendar {
            month: HashMap::new(),
            weekday: HashMap::new(),
            today: Vec::new(),
        };
        for line in lines(include_str!("../data/calendar.tsv")) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(class), Some(n), Some(names)) = (cols.first(), cols.get(1), cols.get(2))
            else {
                continue;
            };
            let Ok(n) = n.parse::<u32>() else { continue };
            if *class == "today" {
                c.today
                    .extend(names.split('|').map(|p| p.split(' ').collect::<Vec<_>>()));
                continue;
            }
            let map = match *class {
                "month" => &mut c.month,
                "weekday" => &mut c.weekday,
                _ => continue,
            };
            for name in names.split('|') {
                map.insert(name, n);
            }
        }
        c
    })
}

/// The month number (1-12) of a folded word, if it names one.
pub(crate) fn month(word: &str) -> Option<u32> {
    calendar().month.get(word).copied()
}

/// The ISO weekday number (1 = Monday) of a folded word, if it names one.
pub(crate) fn weekday(word: &str) -> Option<u32> {
    calendar().weekday.get(word).copied()
}

/// True when folded `words` end with a phrase that dates a claim to the
/// day the report was written (`calendar.tsv` class `today`: "today",
/// "this morning").
pub(crate) fn ends_with_report_day(words: &[String]) -> bool {
    calendar().today.iter().any(|p| {
        words.len() >= p.len()
            && words[words.len() - p.len()..]
                .iter()
                .zip(p)
                .all(|(w, x)| w == x)
    })
}

/// The unit families of `units.tsv`: stem prefixes per family.
fn unit_families() -> &'static [Vec<&'static str>] {
    static U: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    U.get_or_init(|| {
        lines(include_str!("../data/units.tsv"))
            .map(|l| l.split('|').map(str::trim).collect())
            .collect()
    })
}

/// The family of a stemmed unit, when `units.tsv` lists it.
pub(crate) fn unit_family(stem: &str) -> Option<usize> {
    unit_families()
        .iter()
        .position(|f| f.iter().any(|p| stem.starts_with(p)))
}

/// True for a preposition of `locatives.txt`.
pub(crate) fn is_locative(word: &str) -> bool {
    static L: OnceLock<HashSet<&'static str>> = OnceLock::new();
    L.get_or_init(|| lines(include_str!("../data/locatives.txt")).collect())
        .contains(word)
}

/// True for the stem of a verb that introduces a quote ("said",
/// "tweeted"), by `reporting_verbs.txt`.
pub(crate) fn is_reporting_stem(stem: &str) -> bool {
    static V: OnceLock<HashSet<String>> = OnceLock::new();
    V.get_or_init(|| {
        let st = crate::text::stemmer();
        lines(include_str!("../data/reporting_verbs.txt"))
            .map(|w| crate::text::stem(&st, w.trim()))
            .collect()
    })
    .contains(stem)
}

/// True when `words` (folded) hold a cue phrase of `sample_figures.txt`:
/// the sentence gives a figure of one sample or poll.
pub(crate) fn has_sample_cue(words: &[String]) -> bool {
    static C: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let cues = C.get_or_init(|| {
        lines(include_str!("../data/sample_figures.txt"))
            .map(crate::data::words)
            .filter(|w| !w.is_empty())
            .collect()
    });
    cues.iter()
        .any(|c| words.windows(c.len()).any(|w| w == c.as_slice()))
}

fn place_parents() -> &'static HashMap<String, String> {
    static P: OnceLock<HashMap<String, String>> = OnceLock::new();
    P.get_or_init(|| {
        lines(include_str!("../data/places.tsv"))
            .filter_map(|l| l.split_once('\t'))
            .map(|(a, b)| (fold(a.trim()), fold(b.trim())))
            .collect()
    })
}

/// True when the place named `outer` contains the place named `inner`
/// (or they are the same), by `places.tsv`. Names are folded first.
pub(crate) fn place_contains(outer: &str, inner: &str) -> bool {
    let outer = fold(outer);
    let mut cur = fold(inner);
    // the chain is short; the bound guards against a cycle in the file
    for _ in 0..16 {
        if cur == outer {
            return true;
        }
        match place_parents().get(&cur) {
            Some(p) => cur = p.clone(),
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_day_phrases_end_the_words() {
        let w = |s: &str| words(s);
        assert!(ends_with_report_day(&w("the operator announced today")));
        assert!(ends_with_report_day(&w("said this morning")));
        assert!(!ends_with_report_day(&w("said this")));
        assert!(!ends_with_report_day(&w("today's vote was on")));
        assert!(!ends_with_report_day(&[]));
    }

    #[test]
    fn places_lie_in_their_country() {
        assert!(place_contains("Greece", "Athens"));
        assert!(place_contains("United States", "Los Angeles"));
        assert!(place_contains("Africa", "Lagos"));
        assert!(!place_contains("France", "Athens"));
        assert!(!place_contains("Athens", "Greece"));
        // the parse gazetteer's ambiguous places too (“in Dallas”)
        assert!(place_contains("Texas", "Dallas"));
        assert!(place_contains("United States", "Jackson"));
        assert!(!place_contains("Texas", "Denver"));
    }

    #[test]
    fn data_files_parse() {
        let r = role_words();
        assert!(r.honorific.contains("mr") && !r.honorific.contains("rep"));
        assert_eq!(
            r.family.get("senator").map(String::as_str),
            Some("legislator")
        );
        assert!(r.title.contains("chairman"));
        assert!(r
            .compound
            .iter()
            .any(|c| c.join(" ") == "secretary general"));
        assert!(r
            .synonym
            .iter()
            .any(|(a, b)| a.join(" ") == "atlantic alliance" && b.join(" ") == "nato"));
        assert_eq!(month("may"), Some(5));
        assert_eq!(month("sept"), Some(9));
        assert_eq!(weekday("tuesday"), Some(2));
        assert_eq!(unit_family("troop"), unit_family("soldier"));
        assert!(unit_family("troop").is_some());
        assert!(unit_family("agenc").is_none());
        assert_eq!(
            r.short.get("lieutenant_general").map(String::as_str),
            Some("general")
        );
        assert!(is_locative("in") && !is_locative("on"));
        assert!(has_sample_cue(&words(
            "the margin of error is plus or minus 3 points"
        )));
        assert!(!has_sample_cue(&words("the error cost three points")));
        let st = crate::text::stemmer();
        assert!(is_reporting_stem(&crate::text::stem(&st, "tweeted")));
        assert!(!is_reporting_stem(&crate::text::stem(&st, "established")));
        assert!(place_contains("Switzerland", "Geneva"));
        assert!(place_contains("Ukraine", "Mariupol"));
        assert!(place_contains("Vienna", "Vienna"));
        assert!(!place_contains("Geneva", "Vienna"));
        assert!(!place_contains("Geneva", "Switzerland"));
    }

    #[test]
    fn words_fold_and_drop_full_stops() {
        assert_eq!(words("U.S. Secretary-General"), ["us", "secretary-general"]);
        assert_eq!(words("Russia’s"), ["russia's"]);
    }
}
