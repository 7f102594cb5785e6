//! Merging people across articles, and comparing their roles.
//!
//! Each person entity (and each named speaker without an entity) is keyed by
//! the surname of its longest name. Within a surname, entries whose first
//! names are compatible (equal, one a prefix of the other as with initials
//! or "Alex"/"Alexander", one a tail of the other as with "Tony"/"Antony",
//! or a known nickname) are merged with union-find; surname-only entries
//! ("Blinken") join the surname's single cluster when there is exactly one.
//!
//! Roles are compared after normalisation: folded, stemmed, with function
//! words and national qualifiers ("US", "Russian") removed. Two roles are
//! the same when one's token set contains the other's ("US Secretary of
//! State" = "Secretary of State"; "NATO secretary" ≠ "Secretary General of
//! the Atlantic Alliance").

use crate::text::{fold, stem, stemmer};
use crosscheck_parse::{EntityKind, Extraction, Span};
use std::collections::BTreeMap;

/// One person merged across articles (internal form).
#[derive(Clone, Debug)]
pub(crate) struct MergedPerson {
    /// Canonical (longest) name.
    pub name: String,
    /// Every name seen.
    pub names: Vec<String>,
    /// `(doc index, entity index)` of each entity.
    pub entities: Vec<(usize, usize)>,
    /// True when every entry of the cluster had a first name.
    pub full_names: bool,
}

/// People of a comparison, with lookups from entities and speaker names.
#[derive(Clone, Debug, Default)]
pub(crate) struct People {
    pub persons: Vec<MergedPerson>,
    by_entity: BTreeMap<(usize, usize), usize>,
    by_name: BTreeMap<(usize, String), usize>,
}

const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "president",
    "minister",
    "secretary",
    "general",
    "gen",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "prime",
    "foreign",
    "state",
    "pope",
    "king",
    "queen",
];

fn name_tokens(name: &str) -> Vec<String> {
    let folded = fold(name);
    let mut toks: Vec<String> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_end_matches("'s").to_string())
        .collect();
    while toks.len() > 1 && TITLES.contains(&toks[0].as_str()) {
        toks.remove(0);
    }
    toks
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
    ("sasha", "alexander"),
    ("vlad", "vladimir"),
];

fn first_names_compatible(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches('.');
    let b = b.trim_end_matches('.');
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

struct Entry {
    doc: usize,
    entity: Option<usize>,
    names: Vec<String>,
    first: Option<String>,
    surname: String,
}

fn find(parent: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while parent[r] != r {
        r = parent[r];
    }
    let mut y = x;
    while parent[y] != r {
        let n = parent[y];
        parent[y] = r;
        y = n;
    }
    r
}

fn longest(names: &[String]) -> String {
    names
        .iter()
        .max_by(|a, b| {
            let (ta, tb) = (name_tokens(a).len(), name_tokens(b).len());
            ta.cmp(&tb).then(a.len().cmp(&b.len())).then(b.cmp(a))
        })
        .cloned()
        .unwrap_or_default()
}

impl People {
    /// Merges the people of `docs` (already in canonical order).
    pub fn merge(docs: &[&Extraction]) -> People {
        let mut entries: Vec<Entry> = Vec::new();
        let mut push = |doc: usize, entity: Option<usize>, names: Vec<String>| {
            let full = longest(&names);
            let toks = name_tokens(&full);
            let Some(surname) = toks.last().cloned() else {
                return;
            };
            let first = if toks.len() >= 2 {
                Some(toks[0].clone())
            } else {
                None
            };
            entries.push(Entry {
                doc,
                entity,
                names,
                first,
                surname,
            });
        };
        for (d, x) in docs.iter().enumerate() {
            for (i, e) in x.entities.iter().enumerate() {
                if e.kind == EntityKind::Person {
                    let mut names = vec![e.name.clone()];
                    names.extend(e.aliases.iter().cloned());
                    push(d, Some(i), names);
                }
            }
            for q in &x.quotes {
                if let (Some(s), None) = (&q.speaker, q.speaker_entity) {
                    let known = x
                        .entities
                        .iter()
                        .any(|e| &e.name == s || e.aliases.contains(s));
                    if !known {
                        push(d, None, vec![s.clone()]);
                    }
                }
            }
        }
        // Group by surname.
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            groups.entry(e.surname.clone()).or_default().push(i);
        }
        let mut parent: Vec<usize> = (0..entries.len()).collect();
        for members in groups.values() {
            let with_first: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| entries[i].first.is_some())
                .collect();
            for (k, &i) in with_first.iter().enumerate() {
                for &j in &with_first[k + 1..] {
                    let (fi, fj) = (
                        entries[i].first.as_deref().unwrap_or(""),
                        entries[j].first.as_deref().unwrap_or(""),
                    );
                    if first_names_compatible(fi, fj) {
                        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                        if ri != rj {
                            parent[ri.max(rj)] = ri.min(rj);
                        }
                    }
                }
            }
            let mut roots: Vec<usize> = with_first.iter().map(|&i| find(&mut parent, i)).collect();
            roots.sort_unstable();
            roots.dedup();
            let bare: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| entries[i].first.is_none())
                .collect();
            let target = match roots.as_slice() {
                [r] => Some(*r),
                [] => bare.first().copied(),
                _ => None,
            };
            if let Some(t) = target {
                for &i in &bare {
                    let (ri, rt) = (find(&mut parent, i), find(&mut parent, t));
                    if ri != rt {
                        parent[ri.max(rt)] = ri.min(rt);
                    }
                }
            }
        }
        // Build clusters in order of their first entry.
        let mut cluster_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..entries.len() {
            let r = find(&mut parent, i);
            cluster_of.entry(r).or_default().push(i);
        }
        let mut persons: Vec<(MergedPerson, Vec<usize>)> = cluster_of
            .into_values()
            .map(|members| {
                let mut names: Vec<String> = members
                    .iter()
                    .flat_map(|&i| entries[i].names.iter().cloned())
                    .collect();
                names.sort();
                names.dedup();
                let name = longest(&names);
                let mut ents: Vec<(usize, usize)> = members
                    .iter()
                    .filter_map(|&i| entries[i].entity.map(|e| (entries[i].doc, e)))
                    .collect();
                ents.sort_unstable();
                let full_names = members.iter().all(|&i| entries[i].first.is_some());
                (
                    MergedPerson {
                        name,
                        names,
                        entities: ents,
                        full_names,
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
}

const ROLE_QUALIFIERS: &[&str] = &[
    "us",
    "u.s",
    "usa",
    "american",
    "america",
    "united",
    "states'",
    "russian",
    "russia",
    "ukrainian",
    "ukraine",
    "british",
    "uk",
    "french",
    "german",
    "chinese",
    "eu",
    "european",
    "then",
    "current",
    "former",
    "the",
    "of",
    "for",
    "and",
    "a",
    "an",
    "s",
];

/// Normalised token set of a role.
pub(crate) fn role_tokens(role: &str) -> Vec<String> {
    let st = stemmer();
    let folded = fold(role);
    let mut toks: Vec<String> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|t| t.trim_matches('.'))
        .filter(|t| !t.is_empty())
        .filter(|t| !ROLE_QUALIFIERS.contains(t))
        .map(|t| stem(&st, t))
        .collect();
    // "United States" as a qualifier.
    if folded.contains("united states") {
        toks.retain(|t| t != "state" || folded.matches("state").count() > 1);
    }
    toks.sort();
    toks.dedup();
    toks
}

/// True when two roles name the same position (one's normalised tokens
/// contain the other's).
pub(crate) fn roles_compatible(a: &str, b: &str) -> bool {
    let (ta, tb) = (role_tokens(a), role_tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return true;
    }
    ta.iter().all(|t| tb.contains(t)) || tb.iter().all(|t| ta.contains(t))
}

/// A role with its place.
#[derive(Clone, Debug)]
pub(crate) struct RoleRef {
    pub doc: usize,
    pub entity: usize,
    pub text: String,
    pub span: Span,
}

/// Roles of each merged person, by person id.
pub(crate) fn roles_by_person(people: &People, docs: &[&Extraction]) -> Vec<Vec<RoleRef>> {
    people
        .persons
        .iter()
        .map(|p| {
            let mut v: Vec<RoleRef> = p
                .entities
                .iter()
                .flat_map(|&(d, e)| {
                    docs[d].entities[e].roles.iter().map(move |r| RoleRef {
                        doc: d,
                        entity: e,
                        text: r.text.clone(),
                        span: r.span,
                    })
                })
                .collect();
            v.sort_by_key(|r| (r.doc, r.span));
            v
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        assert!(roles_compatible(
            "US Secretary of State",
            "Secretary of State"
        ));
        assert!(roles_compatible(
            "U.S. Secretary of State",
            "the Secretary of State"
        ));
        assert!(!roles_compatible(
            "NATO secretary",
            "Secretary General of the Atlantic Alliance"
        ));
        assert!(!roles_compatible("Foreign Minister", "Defence Minister"));
    }

    #[test]
    fn first_names() {
        assert!(first_names_compatible("tony", "antony"));
        assert!(first_names_compatible("a.", "antony"));
        assert!(!first_names_compatible("donald", "antony"));
    }
}
