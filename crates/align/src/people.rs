//! People of one story, merged across its articles, and their roles.
//!
//! **Names.** Titles and honorifics in front of a name are stripped
//! ("Party Chairman Ann Lee" → "Ann Lee", "Russia's Putin" → "Putin",
//! "Rep. John Smith" → "John Smith", "Former Director Jane Roe" → "Jane
//! Roe"): every word up to the last title word, honorific, qualifier,
//! connector or possessive before the name goes (the word lists are in
//! `data/roles.tsv`). The last word left is the surname, the others the
//! given names. Within a surname, entries whose given names are compatible
//! (equal, initials, "Alex"/"Alexander", "Tony"/"Antony", known nicknames)
//! are one person; entries with incompatible given names are distinct
//! people (two Smiths). A surname-only entry ("Blinken") joins the
//! surname's person when the story has exactly one; with two or more it
//! stays an ambiguous person of its own, never called different from them.
//!
//! **Roles.** A role is normalised (folded; honorifics and qualifiers
//! dropped; synonyms replaced: "chair" → "chairman", "Atlantic Alliance" →
//! "nato"; compound titles and rank words joined into one unit:
//! "secretary_general", "deputy_foreign_minister") and compared as a set
//! of units. One set inside the other is the same job or a narrower
//! description ("negotiator" / "deputy foreign minister and senior nuclear
//! negotiator"). Otherwise, two roles whose titles share a word name the
//! same sort of job at a different rank or body ("NATO secretary" /
//! "Secretary General") and conflict; roles with unrelated titles
//! ("senator" / "candidate") are both true and not compared.

use crate::data::{role_words, words};
use crate::sets::DisjointSets;
use crosscheck_parse::{EntityKind, Extraction, Span};
use std::collections::BTreeMap;

/// One person merged across the articles of a story.
#[derive(Clone, Debug)]
pub(crate) struct MergedPerson {
    /// Display name: the longest name seen, titles stripped.
    pub name: String,
    /// Every name seen, as written.
    pub names: Vec<String>,
    /// `(doc index, entity index)` of each entity.
    pub entities: Vec<(usize, usize)>,
    /// True when some entry had a given name (the person is named in
    /// full somewhere in the story).
    pub full_name: bool,
    /// The folded surname.
    pub surname: String,
    /// True when the person is named in full, or by a surname that reads
    /// as a person's ("Carson said"), not as an institution's ("the Elysee
    /// said", "NATO said").
    pub named: bool,
}

/// People of a story, with lookups from entities and speaker names.
#[derive(Clone, Debug, Default)]
pub(crate) struct People {
    pub persons: Vec<MergedPerson>,
    by_entity: BTreeMap<(usize, usize), usize>,
    by_name: BTreeMap<(usize, String), usize>,
}

fn first_names_compatible(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches('.');
    let b = b.trim_end_matches('.');
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b || a.starts_with(b) || b.starts_with(a) {
        return true;
    }
    if (a.len() >= 3 && b.ends_with(a)) || (b.len() >= 3 && a.ends_with(b)) {
        return true;
    }
    NICKNAMES
        .iter()
        .any(|&(n, f)| (n == a && f == b) || (n == b && f == a))
}

const NICKNAMES: &[(&str, &str)] = &[
    ("tony", "antony"),
    ("tony", "anthony"),
    ("bill", "william"),
    ("will", "william"),
    ("bob", "robert"),
    ("rob", "robert"),
    ("mike", "michael"),
    ("joe", "joseph"),
    ("jim", "james"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("kate", "katherine"),
    ("kate", "catherine"),
    ("dan", "daniel"),
    ("dave", "david"),
    ("nick", "nicholas"),
    ("ben", "benjamin"),
    ("ted", "edward"),
    ("chuck", "charles"),
    ("sasha", "alexander"),
    ("vlad", "vladimir"),
];

/// A name split into its parts, titles stripped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Name {
    /// The kept words as written ("Ann Lee").
    pub display: String,
    /// Folded given names (all words but the surname).
    pub given: Vec<String>,
    /// Folded surname.
    pub surname: String,
}

fn title_like(key: &str) -> bool {
    let r = role_words();
    if key.ends_with("'s") || key.ends_with('\'') {
        return true;
    }
    let key = key.trim_end_matches(['\'']);
    // plural titles ("Senators Mitch McConnell and …")
    let singular = key.strip_suffix('s').unwrap_or(key);
    r.title.contains(singular)
        || r.honorific.contains(key)
        || r.qualifier.contains(key)
        || r.title.contains(key)
        || r.rank.contains(key)
        || r.connector.contains(key)
        || r.compound.iter().any(|c| c.iter().any(|w| w == key))
        // an abbreviated title ("Rep.", "Sen.", "Gov.")
        || r.synonym.iter().any(|(from, to)| {
            from.len() == 1 && from[0] == key && to.iter().any(|w| r.title.contains(w))
        })
        || key.contains('-') && key.split('-').all(|p| r.title.contains(p))
}

/// Words that never occur inside a person's name: an "entity" holding one
/// is a headline or a clause the extractor took for a name ("Final Column
/// Explains Why She Sees …").
const NOT_IN_NAMES: &[&str] = &[
    "in", "than", "why", "she", "he", "his", "her", "with", "for", "and", "or", "to", "is", "are",
    "was", "were", "says", "said", "after", "before", "over", "how", "what", "who", "might",
    "could", "would", "should", "must",
];

/// Most words a name keeps once its titles are stripped.
const MAX_NAME_WORDS: usize = 5;

/// Strips titles, honorifics and possessives in front of a name, and
/// suffixes after it: "Party Chairman Ann Lee" → "Ann Lee".
///
/// Returns `None` when nothing is left, or when what is left cannot be a
/// name (too many words, or a word such as "why" or "than").
pub(crate) fn clean_name(name: &str) -> Option<Name> {
    let r = role_words();
    let raw: Vec<&str> = name
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| c == ',' || c == ';' || c == ':' || c == '(' || c == ')'))
        .filter(|t| !t.is_empty())
        .collect();
    let mut keys: Vec<String> = raw.iter().map(|t| words(t).join(" ")).collect();
    let mut end = raw.len();
    while end > 1 && r.suffix.contains(keys[end - 1].as_str()) {
        end -= 1;
    }
    keys.truncate(end);
    let start = (0..end.saturating_sub(1))
        .rev()
        .find(|&i| title_like(&keys[i]))
        .map_or(0, |i| i + 1);
    let kept: Vec<&str> = raw[start..end].to_vec();
    let folded: Vec<String> = keys[start..end]
        .iter()
        .map(|k| k.trim_end_matches("'s").to_string())
        .filter(|k| !k.is_empty())
        .collect();
    if folded.len() > MAX_NAME_WORDS || folded.iter().any(|w| NOT_IN_NAMES.contains(&w.as_str())) {
        return None;
    }
    let surname = folded.last()?.clone();
    // an initial is no surname ("Patrick J." cut before "Toomey")
    if surname.chars().count() < 2 {
        return None;
    }
    Some(Name {
        display: kept.join(" "),
        given: folded[..folded.len() - 1].to_vec(),
        surname,
    })
}

struct Entry {
    doc: usize,
    entity: Option<usize>,
    names: Vec<String>,
    name: Name,
    /// Written like an institution: after "the", or in capitals.
    institution: bool,
}

/// True when the text right before `span` ends with the word "the" (an
/// institution's mention: "the Elysee said"). Also read by the split
/// plan's summaries (`engine/split.rs`), which must flag mentions as the
/// merge does.
pub(crate) fn after_the(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("").trim_end();
    before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

fn all_caps(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn given_compatible(a: &[String], b: &[String]) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| first_names_compatible(x, y)))
}

impl People {
    /// Merges the people of the docs `members` (indices into `docs`, in
    /// canonical order) of one story.
    pub fn merge(docs: &[&Extraction], members: &[usize]) -> People {
        let mut entries: Vec<Entry> = Vec::new();
        for &d in members {
            let x = docs[d];
            for (i, e) in x.entities.iter().enumerate() {
                if e.kind != EntityKind::Person {
                    continue;
                }
                let mut names = vec![e.name.clone()];
                names.extend(e.aliases.iter().cloned());
                let best = names.iter().filter_map(|n| clean_name(n)).max_by(|a, b| {
                    (a.given.len(), a.display.len(), &b.display).cmp(&(
                        b.given.len(),
                        b.display.len(),
                        &a.display,
                    ))
                });
                if let Some(name) = best {
                    let text = &x.article.text;
                    let institution =
                        all_caps(&e.name) || e.mentions.iter().any(|m| after_the(text, *m));
                    // the extractor merged two people of one family
                    // ("Hillary Clinton" with "Bill Clinton"): the other
                    // one is a person of the story too
                    let mut others: Vec<(String, Name)> = names
                        .iter()
                        .filter_map(|n| clean_name(n).map(|c| (n.clone(), c)))
                        .filter(|(_, c)| {
                            !c.given.is_empty()
                                && c.surname == name.surname
                                && !given_compatible(&c.given, &name.given)
                        })
                        .collect();
                    others.sort_by(|a, b| a.1.display.cmp(&b.1.display));
                    others.dedup_by(|a, b| a.1.display == b.1.display);
                    entries.push(Entry {
                        doc: d,
                        entity: Some(i),
                        names,
                        name,
                        institution,
                    });
                    for (raw, other) in others {
                        entries.push(Entry {
                            doc: d,
                            entity: None,
                            names: vec![raw],
                            name: other,
                            institution: false,
                        });
                    }
                }
            }
            for q in &x.quotes {
                if let (Some(s), None) = (&q.speaker, q.speaker_entity) {
                    let known = x
                        .entities
                        .iter()
                        .any(|e| &e.name == s || e.aliases.contains(s));
                    if !known {
                        if let Some(name) = clean_name(s) {
                            let institution = all_caps(s)
                                || q.speaker_span
                                    .is_some_and(|sp| after_the(&x.article.text, sp));
                            entries.push(Entry {
                                doc: d,
                                entity: None,
                                names: vec![s.clone()],
                                name,
                                institution,
                            });
                        }
                    }
                }
            }
        }
        let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            groups.entry(e.name.surname.as_str()).or_default().push(i);
        }
        let mut sets = DisjointSets::new(entries.len());
        for members in groups.values() {
            let (full, bare): (Vec<usize>, Vec<usize>) = members
                .iter()
                .partition(|&&i| !entries[i].name.given.is_empty());
            // Entries with the same given names are one person at once; the
            // pairwise test runs over the distinct given names only (a
            // story of thousands of articles names "Donald Trump" thousands
            // of times).
            let mut by_given: BTreeMap<&[String], Vec<usize>> = BTreeMap::new();
            for &i in &full {
                by_given
                    .entry(entries[i].name.given.as_slice())
                    .or_default()
                    .push(i);
            }
            let firsts: Vec<usize> = by_given
                .values()
                .map(|same| {
                    for &j in &same[1..] {
                        sets.union(same[0], j);
                    }
                    same[0]
                })
                .collect();
            for (k, &i) in firsts.iter().enumerate() {
                for &j in &firsts[k + 1..] {
                    if given_compatible(&entries[i].name.given, &entries[j].name.given) {
                        sets.union(i, j);
                    }
                }
            }
            let mut roots: Vec<usize> = full.iter().map(|&i| sets.find(i)).collect();
            roots.sort_unstable();
            roots.dedup();
            // Surname-only entries: the one person of that surname, or, with
            // none or several, a person of their own.
            let target = match roots.as_slice() {
                [r] => Some(*r),
                _ => bare.first().copied(),
            };
            if let Some(t) = target {
                for &i in &bare {
                    sets.union(i, t);
                }
            }
        }
        let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..entries.len() {
            let r = sets.find(i);
            clusters.entry(r).or_default().push(i);
        }
        let mut persons: Vec<(MergedPerson, Vec<usize>)> = clusters
            .into_values()
            .map(|members| {
                let mut names: Vec<String> = members
                    .iter()
                    .flat_map(|&i| entries[i].names.iter().cloned())
                    .collect();
                names.sort();
                names.dedup();
                // the full name written most often ("Barack Obama", not a
                // headline the extractor once took for his name), then the
                // longest
                let mut counts: BTreeMap<&str, (usize, &Name)> = BTreeMap::new();
                for &i in &members {
                    let n = &entries[i].name;
                    counts.entry(n.display.as_str()).or_insert((0, n)).0 += 1;
                }
                let best = counts
                    .values()
                    .max_by(|(ca, a), (cb, b)| {
                        (
                            !a.given.is_empty(),
                            ca,
                            a.given.len(),
                            a.display.len(),
                            &b.display,
                        )
                            .cmp(&(
                                !b.given.is_empty(),
                                cb,
                                b.given.len(),
                                b.display.len(),
                                &a.display,
                            ))
                    })
                    .map(|(_, n)| *n)
                    .expect("a cluster has members");
                let mut ents: Vec<(usize, usize)> = members
                    .iter()
                    .filter_map(|&i| entries[i].entity.map(|e| (entries[i].doc, e)))
                    .collect();
                ents.sort_unstable();
                let full_name = !best.given.is_empty();
                let institution = members.iter().any(|&i| entries[i].institution);
                (
                    MergedPerson {
                        name: best.display.clone(),
                        names,
                        entities: ents,
                        full_name,
                        surname: best.surname.clone(),
                        // a phrase as written (“according to published
                        // reports”) names no one
                        named: (full_name || !institution)
                            && !best.display.starts_with(char::is_lowercase),
                    },
                    members,
                )
            })
            .collect();
        persons.sort_by(|a, b| {
            a.0.name
                .cmp(&b.0.name)
                .then_with(|| a.0.entities.cmp(&b.0.entities))
                .then_with(|| a.1.cmp(&b.1))
        });
        let mut people = People::default();
        for (pid, (p, members)) in persons.into_iter().enumerate() {
            for &i in &members {
                let e = &entries[i];
                if let Some(ent) = e.entity {
                    people.by_entity.insert((e.doc, ent), pid);
                }
                for n in &e.names {
                    people.by_name.entry((e.doc, n.clone())).or_insert(pid);
                }
            }
            people.persons.push(p);
        }
        people
    }

    /// The person id of a quote's speaker in doc `doc`.
    pub fn speaker(&self, doc: usize, entity: Option<usize>, name: Option<&str>) -> Option<usize> {
        if let Some(e) = entity {
            if let Some(&p) = self.by_entity.get(&(doc, e)) {
                return Some(p);
            }
        }
        let name = name?;
        self.by_name.get(&(doc, name.to_string())).copied()
    }

    /// True when persons `a` and `b` are two named, different people: both
    /// [named](MergedPerson::named) (not an institution the extractor took
    /// for a person), and not a surname-only person beside someone of the
    /// same surname.
    pub fn different(&self, a: usize, b: usize) -> bool {
        if a == b {
            return false;
        }
        let (pa, pb) = (&self.persons[a], &self.persons[b]);
        let same_surname_unsure = pa.surname == pb.surname && !(pa.full_name && pb.full_name);
        pa.named && pb.named && !same_surname_unsure
    }
}

/// A role normalised for comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RoleKey {
    /// The units, sorted and deduplicated: title units (compounds joined
    /// with `_`, rank words glued on) and the other words.
    pub units: Vec<String>,
    /// The words of the title units.
    pub title_words: Vec<String>,
    /// The title units, sorted and deduplicated (also in `units`).
    pub titles: Vec<String>,
    /// True when the role is a single title word alone ("secretary").
    pub bare: bool,
    /// True for a past role ("former governor", "then-Vice President"): it
    /// contradicts no present one and is never compared.
    pub past: bool,
}

impl RoleKey {
    /// The canonical text of the role: its units joined by spaces.
    pub fn canonical(&self) -> String {
        self.units.join(" ")
    }
}

/// Normalises a role; `None` when nothing but honorifics and qualifiers
/// is left ("Mr.", "Former").
pub(crate) fn role_key(role: &str) -> Option<RoleKey> {
    let r = role_words();
    let all = words(role);
    let past = all
        .iter()
        .flat_map(|w| w.split('-'))
        .any(|w| r.past.contains(w));
    let mut w: Vec<String> = all
        .into_iter()
        // "the state's governor": the place the story is about, no other
        .filter(|t| {
            !t.strip_suffix("'s")
                .is_some_and(|stem| r.generic_place.contains(stem))
        })
        .map(|t| t.trim_end_matches("'s").trim_end_matches('\'').to_string())
        .flat_map(|t| {
            // "secretary-general" is two words; "co-chair" keeps its rank
            t.split('-').map(str::to_string).collect::<Vec<_>>()
        })
        .filter(|t| !t.is_empty())
        .collect();
    // synonyms, longest phrase first
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        match r
            .synonym
            .iter()
            .find(|(from, _)| w[i..].starts_with(from.as_slice()))
        {
            Some((from, to)) => {
                out.extend(to.iter().cloned());
                i += from.len();
            }
            None => {
                out.push(w[i].clone());
                i += 1;
            }
        }
    }
    // a people for its place ("Slovak Prime Minister" is "Slovakia's prime
    // minister"): the gazetteer's demonyms, for places of one word
    w = out
        .into_iter()
        .map(
            |t| match crosscheck_parse::lexicon::demonym_place(&t).filter(|p| !p.contains(' ')) {
                Some(place) => crate::text::fold(place),
                None => t,
            },
        )
        .collect();
    // "Sen. Marco Rubio of Florida and Sen. Ted Cruz": a role that runs
    // on over "and" into another title holds two people's roles
    if w.windows(2)
        .any(|p| p[0] == "and" && r.title.contains(p[1].as_str()))
    {
        return None;
    }
    // "adviser to President", "aide for the Vice President": the title after
    // "to" or "for" is the boss's, not the person's
    if let Some(k) = w
        .iter()
        .position(|t| t == "to" || t == "for")
        .filter(|&k| k > 0 && w[k + 1..].iter().any(|t| r.title.contains(t)))
    {
        w.truncate(k);
    }
    // compounds (before connectors go: "secretary of state")
    let mut units: Vec<(String, bool)> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        if let Some(c) = r.compound.iter().find(|c| w[i..].starts_with(c.as_slice())) {
            units.push((c.join("_"), true));
            i += c.len();
            continue;
        }
        let t = &w[i];
        i += 1;
        if r.honorific.contains(t) || r.qualifier.contains(t) || r.connector.contains(t) {
            continue;
        }
        units.push((t.clone(), r.title.contains(t)));
    }
    // rank words glue to the title that follows
    let mut glued: Vec<(String, bool)> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    for (u, is_title) in units {
        if r.rank.contains(&u) {
            pending.push(u);
            continue;
        }
        if is_title && !pending.is_empty() {
            pending.push(u);
            glued.push((pending.join("_"), true));
            pending.clear();
        } else {
            glued.append(&mut pending.drain(..).map(|p| (p, false)).collect());
            glued.push((u, is_title));
        }
    }
    glued.extend(pending.into_iter().map(|p| (p, false)));
    if glued.is_empty() {
        return None;
    }
    let bare = glued.len() == 1 && glued[0].1 && !glued[0].0.contains('_');
    // a title's words, and its family of exclusive jobs ("senator" and
    // "representative" are both legislators: they conflict)
    let mut title_words: Vec<String> = glued
        .iter()
        .filter(|(_, t)| *t)
        .flat_map(|(u, _)| {
            let mut v: Vec<String> = u.split('_').map(str::to_string).collect();
            v.extend(r.family.get(u).map(|f| format!("#{f}")));
            v
        })
        .filter(|w| !r.rank.contains(w))
        .collect();
    title_words.sort();
    title_words.dedup();
    let mut titles: Vec<String> = glued
        .iter()
        .filter(|(_, t)| *t)
        .map(|(u, _)| u.clone())
        .collect();
    titles.sort();
    titles.dedup();
    let mut units: Vec<String> = glued.into_iter().map(|(u, _)| u).collect();
    units.sort();
    units.dedup();
    Some(RoleKey {
        units,
        title_words,
        titles,
        bare,
        past,
    })
}

/// How two roles of one person relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RoleRel {
    /// The same job, or one a narrower description of the other.
    Compatible,
    /// The same sort of job at a different rank or body.
    Conflict,
    /// Different jobs: both may be true.
    Unrelated,
}

/// Compares two normalised roles.
pub(crate) fn compare_roles(a: &RoleKey, b: &RoleKey) -> RoleRel {
    if a.past || b.past {
        return RoleRel::Unrelated;
    }
    let r = crate::data::role_words();
    // The words of a title unit and its family.
    let words_of = |u: &str| -> Vec<String> {
        u.split('_')
            .map(str::to_string)
            .chain(r.family.get(u).map(|f| format!("#{f}")))
            .filter(|w| !r.rank.contains(w))
            .collect()
    };
    // x's units but a second title with nothing in common with y's
    // titles: another job x names besides ("Speaker of the House Rep." is
    // the speaker and a representative), not a conflict with y; x keeps
    // at least one title
    let own = |x: &RoleKey, y: &RoleKey| -> Vec<String> {
        x.units
            .iter()
            .filter(|u| {
                !(x.titles.contains(u)
                    && !y.units.contains(u)
                    && !words_of(u).iter().any(|w| y.title_words.contains(w)))
            })
            .cloned()
            .collect()
    };
    let subset = |x: &RoleKey, y: &RoleKey| {
        let xs = own(x, y);
        xs.iter().any(|u| x.titles.contains(u)) && xs.iter().all(|u| y.units.contains(u))
    };
    if subset(a, b) || subset(b, a) {
        return RoleRel::Compatible;
    }
    // a rank by the title it is called by in short ("Gen." for a
    // lieutenant general)
    let short_form = |bare: &RoleKey, full: &RoleKey| {
        bare.bare
            && full
                .titles
                .iter()
                .any(|u| r.short.get(u) == Some(&bare.units[0]))
    };
    if short_form(a, b) || short_form(b, a) {
        return RoleRel::Compatible;
    }
    let shared = a.title_words.iter().any(|w| b.title_words.contains(w));
    if !shared {
        return RoleRel::Unrelated;
    }
    // A bare title ("secretary") is the short form of a title that starts
    // with it ("secretary of state"); one that ends with it names another
    // rank ("vice president", "chief justice", "lieutenant governor").
    let short_of = |bare: &RoleKey, full: &RoleKey| {
        bare.bare
            && full
                .units
                .iter()
                .any(|u| u.split('_').next() == Some(bare.units[0].as_str()) && u.contains('_'))
    };
    if short_of(a, b) || short_of(b, a) {
        return RoleRel::Compatible;
    }
    RoleRel::Conflict
}

/// A role with its place.
#[derive(Clone, Debug)]
pub(crate) struct RoleRef {
    pub doc: usize,
    pub entity: usize,
    pub text: String,
    pub span: Span,
    pub key: RoleKey,
}

/// The full name written right after a role ("Gov. Bill Clinton"), among
/// the entity's mentions, cleaned.
fn name_after_role(e: &crosscheck_parse::Entity, text: &str, role: Span) -> Option<Name> {
    e.mentions.iter().find_map(|m| {
        let gap = text.get(role.end..m.start)?;
        if m.start < role.end || gap.len() > 3 || !gap.trim().is_empty() {
            return None;
        }
        clean_name(text.get(m.start..m.end)?).filter(|n| !n.given.is_empty())
    })
}

/// The title after the last "to", "for" or "and" of a role ("senior
/// adviser to Vice President" gives "Vice President"; "Ohio and Sen.",
/// read over a list of people, gives "Sen."), with its span, when it
/// names a title; `None` otherwise.
fn boss_title(r: &crosscheck_parse::Role) -> Option<(String, Span)> {
    let k = [" to ", " for ", " and "]
        .iter()
        .filter_map(|w| r.text.rfind(w).map(|k| k + w.len()))
        .max()?;
    // the span holds the text as written
    if r.span.end.checked_sub(r.span.start) != Some(r.text.len()) {
        return None;
    }
    let tail = r.text.get(k..)?;
    role_key(tail).filter(|key| !key.titles.is_empty())?;
    Some((tail.to_string(), Span::new(r.span.start + k, r.span.end)))
}

/// Roles of each merged person, by person id; honorific-only roles are
/// left out. A role written before the full name of someone else than
/// the person of its entity (the extractor merged "Gov. Bill Clinton"
/// into "Hillary Clinton") goes to that other person, or nowhere.
pub(crate) fn roles_by_person(people: &People, docs: &[&Extraction]) -> Vec<Vec<RoleRef>> {
    let given: Vec<Name> = people
        .persons
        .iter()
        .map(|p| {
            clean_name(&p.name).unwrap_or(Name {
                display: String::new(),
                given: Vec::new(),
                surname: p.surname.clone(),
            })
        })
        .collect();
    let mut out: Vec<Vec<RoleRef>> = vec![Vec::new(); people.persons.len()];
    for (pid, p) in people.persons.iter().enumerate() {
        for &(d, e) in &p.entities {
            let ent = &docs[d].entities[e];
            let text = docs[d].article.text.as_str();
            for r in &ent.roles {
                let after = name_after_role(ent, text, r.span);
                // "an adviser to Vice President Laura Brennan", "Sen. Ana
                // Ruiz of Ohio and Rep. Tom Marsh": written right before
                // this person's name, the title after "to" or "and" is
                // this person's own (the adviser, the first of the list,
                // is someone else)
                let (role_text, role_span) = match after.as_ref().and_then(|_| boss_title(r)) {
                    Some((t, sp)) => (t, sp),
                    None => (r.text.clone(), r.span),
                };
                let Some(key) = role_key(&role_text) else {
                    continue;
                };
                let mut to = Some(pid);
                if let Some(n) = after {
                    let own = &given[pid];
                    if n.surname == own.surname
                        && !own.given.is_empty()
                        && !given_compatible(&n.given, &own.given)
                    {
                        // the full-named person of that name, if the story
                        // has exactly one
                        let mut them = (0..people.persons.len()).filter(|&q| {
                            given[q].surname == n.surname
                                && !given[q].given.is_empty()
                                && given_compatible(&given[q].given, &n.given)
                        });
                        to = match (them.next(), them.next()) {
                            (Some(q), None) => Some(q),
                            _ => None,
                        };
                    }
                }
                if let Some(q) = to {
                    out[q].push(RoleRef {
                        doc: d,
                        entity: e,
                        text: role_text,
                        span: role_span,
                        key,
                    });
                }
            }
        }
    }
    for v in &mut out {
        v.sort_by_key(|r| (r.doc, r.span));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: &str, b: &str) -> RoleRel {
        compare_roles(&role_key(a).unwrap(), &role_key(b).unwrap())
    }

    #[test]
    fn roles() {
        use RoleRel::*;
        assert_eq!(
            rel("US Secretary of State", "Secretary of State"),
            Compatible
        );
        assert_eq!(
            rel("U.S. Secretary of State", "the Secretary of State"),
            Compatible
        );
        assert_eq!(
            rel(
                "NATO secretary",
                "Secretary General of the Atlantic Alliance"
            ),
            Conflict
        );
        assert_eq!(rel("NATO secretary", "Secretary General"), Conflict);
        assert_eq!(
            rel(
                "Secretary General of NATO",
                "Secretary General of the Atlantic Alliance"
            ),
            Compatible
        );
        assert_eq!(rel("Foreign Minister", "Defence Minister"), Conflict);
        // a possessive place noun is the story's place, not another one
        assert_eq!(rel("Ohio Gov.", "the state’s governor"), Compatible);
        assert_eq!(rel("Texas Sen.", "Florida Sen."), Conflict);
        assert_eq!(rel("state Sen.", "Sen."), Compatible);
        // two people's titles run together are no one's role
        assert_eq!(role_key("Florida and Sen."), None);
        assert!(role_key("Secretary of Health and Human Services").is_some());
        assert_eq!(rel("chair", "chairman"), Compatible);
        assert_eq!(rel("DNC Chairman", "chairman"), Compatible);
        assert_eq!(
            rel(
                "negotiator",
                "deputy foreign minister and senior nuclear negotiator"
            ),
            Compatible
        );
        assert_eq!(rel("foreign minister", "deputy foreign minister"), Conflict);
        assert_eq!(rel("president", "vice president"), Conflict);
        assert_eq!(rel("secretary", "Secretary of State"), Compatible);
        // one portfolio, whatever a country calls it; two portfolios conflict
        assert_eq!(rel("Defence Secretary", "defence minister"), Compatible);
        assert_eq!(rel("Secretary of State", "foreign minister"), Compatible);
        assert_eq!(rel("Secretary of State", "Secretary of Defense"), Conflict);
        assert_eq!(rel("Treasury Secretary", "Defense Secretary"), Conflict);
        assert_eq!(rel("party whip", "finance minister"), Unrelated);
        assert_eq!(
            rel("Texas senator", "Republican presidential candidate"),
            Unrelated
        );
        assert_eq!(rel("senator from Texas", "Texas senator"), Compatible);
        assert_eq!(
            rel("former Secretary of State", "Secretary of State"),
            Unrelated
        );
        assert_eq!(rel("former Gov.", "President"), Unrelated);
        assert_eq!(rel("then-Vice President", "President"), Unrelated);
        assert_eq!(rel("adviser to President", "adviser"), Compatible);
        assert_eq!(
            rel("top adviser for the Vice President", "President"),
            Unrelated
        );
        assert_eq!(rel("defense secretary", "Secretary of Defense"), Compatible);
        assert_eq!(rel("Fed Chair", "Federal Reserve chairwoman"), Compatible);
        assert_eq!(rel("House Speaker", "speaker of the House"), Compatible);
        assert_eq!(rel("Speaker", "House Speaker"), Compatible);
        assert_eq!(rel("House Speaker", "House Majority Leader"), Conflict);
        assert_eq!(rel("Speaker", "Majority Leader"), Conflict);
        assert_eq!(rel("Senate Majority Leader", "Majority Leader"), Compatible);
        assert_eq!(rel("House Speaker", "Republican leader"), Unrelated);
        assert_eq!(
            rel("U.S. House Speaker", "Speaker of the House Rep."),
            Compatible
        );
        assert_eq!(rel("Army Lieutenant General", "Gen."), Compatible);
        assert_eq!(rel("Major General", "Brig. Gen."), Conflict);
        assert_eq!(rel("Gen.", "Adm."), Conflict);
        assert!(role_key("Mr.").is_none());
        assert!(role_key("Dr.").is_none());
    }

    fn name(s: &str) -> String {
        clean_name(s).unwrap().display
    }

    #[test]
    fn names_lose_their_titles() {
        assert_eq!(name("Party Chairman Ann Lee"), "Ann Lee");
        assert_eq!(name("Russia's Putin"), "Putin");
        assert_eq!(name("Russia’s Putin"), "Putin");
        assert_eq!(name("Rep. John Smith"), "John Smith");
        assert_eq!(name("Former Director Jane Roe"), "Jane Roe");
        assert_eq!(name("DNC Chairman Tom Perez"), "Tom Perez");
        assert_eq!(
            name("US Secretary of State Antony Blinken"),
            "Antony Blinken"
        );
        assert_eq!(name("Martin Luther King Jr."), "Martin Luther King");
        assert_eq!(name("Julie Bishop"), "Julie Bishop");
        assert_eq!(name("Mr. Lee"), "Lee");
        assert_eq!(name("Senators Mitch McConnell"), "Mitch McConnell");
        assert_eq!(name("Theresa May"), "Theresa May");
        assert!(clean_name("Patrick J").is_none());
        assert!(
            clean_name("Final Column Explains Why She Sees Reagan-like Qualities In Trump")
                .is_none()
        );
        assert!(clean_name("Donald Trump Got More Votes In Ohio").is_none());
        assert!(clean_name("White Voters Might Help Trump").is_none());
        assert_eq!(name("Will Smith"), "Will Smith");
        let n = clean_name("Antony J. Blinken").unwrap();
        assert_eq!(
            (n.given, n.surname),
            (vec!["antony".into(), "j".into()], "blinken".into())
        );
    }

    #[test]
    fn first_names() {
        assert!(first_names_compatible("tony", "antony"));
        assert!(first_names_compatible("a.", "antony"));
        assert!(!first_names_compatible("donald", "antony"));
        assert!(!first_names_compatible("john", "jane"));
    }
}
