//! One story compared in parts, with the findings of comparing it whole:
//! for a story too large for one task of a distributed run
//! (`crosscheck.spark`, docs/spark.md).
//!
//! The comparison of a story has three stages, and only the middle one
//! costs time and memory in proportion to the pairs of claims:
//!
//! 1. **The plan** ([`StoryPlan`]): the claims in the story's order, each
//!    one's speaker (people are merged across all the articles), its
//!    representative (the first claim with the same words), and the
//!    blocking keys that give candidates in the story (a key held by too
//!    many claims of the story gives none). Small: a few numbers per claim
//!    and the story's rare stems. Made from parts: [`summarize`] per part
//!    (any set of the story's articles: the claims' text hashes, speakers
//!    and stems, the people's names; 1-2 KB of JSON per article),
//!    the summaries merged ([`PartSummary::merge`], associative), then
//!    [`plan_from`] on the merged summary, which reads no extraction.
//!    [`plan`] makes the same plan from all the articles at once.
//! 2. **[`edges`]**, per pair of parts `(i, j)`, `i <= j`: the matches
//!    (the accepted, scored pairs of representatives) with one claim in
//!    part `i` and the other in part `j` (both in part `i` when `i ==
//!    j`). Candidates and scores depend only on the two claims, the
//!    plan's speakers and keys, and the collection's word statistics, so
//!    every match of the story is found by exactly one pair of parts,
//!    with the same score to the last bit.
//! 3. **The finish**: the matches of all pairs of parts are the story's
//!    matches; clusters, findings, people and copies are built from them
//!    as [`crate::compare_stories_with`] builds them from its own.
//!    [`partition`] (from the plan and the matches, no extraction) cuts
//!    it into tasks ([`FinishPart`]): the connected components of the
//!    matches and the repeated texts, packed into groups, each task
//!    reading the articles of its components and building only their
//!    claims ([`finish_part`]), and people tasks: the story's persons
//!    grouped by surname (a role only ever moves to a person of the same
//!    surname), the groups packed into tasks, each reading the articles
//!    that name its persons ([`people_only`]: text and entities, no claim
//!    built) for their records and role findings. [`merge`] (or
//!    [`merge_findings`]) puts the tasks' findings in the story's order
//!    and keeps one attribution finding per misattributed utterance.
//!    [`finish`] does it in one task over the whole story.
//!
//! Any partition of the articles gives the same findings; [`compare_split`]
//! runs the three stages in turn (what a test of the stages needs), the
//! finish in tasks.
//!
//! ```
//! use crosscheck_align::{compare_stories_with, split, ClaimStats, Config, fixture::Doc};
//! let docs = [
//!     Doc::new("a", "The mayor opened the new bridge on Monday, officials said.").build(),
//!     Doc::new("b", "The mayor opened the new bridge on Tuesday, officials said.").build(),
//!     Doc::new("c", "The mayor opened the new bridge on Monday, the city said.").build(),
//! ];
//! let cfg = Config::default();
//! let mut stats = ClaimStats::default();
//! for d in &docs {
//!     stats.add(&ClaimStats::of(d, &cfg));
//! }
//! let whole = compare_stories_with(&docs, &[vec![0, 1, 2]], &cfg, &stats);
//! assert!(!whole.findings.is_empty());
//!
//! // by hand: parts {a} and {b, c}; the plan from the parts' summaries
//! let summary = split::summarize(&docs[1..], &cfg)
//!     .unwrap()
//!     .merge(split::summarize(&docs[..1], &cfg).unwrap());
//! let plan = split::plan_from(&summary, &cfg).unwrap();
//! assert_eq!(plan, split::plan(&docs, &cfg, &stats).unwrap());
//! let mut edges = split::edges(&docs[..1], &[], &plan, &cfg, &stats).unwrap();
//! edges.extend(split::edges(&docs[..1], &docs[1..], &plan, &cfg, &stats).unwrap());
//! edges.extend(split::edges(&docs[1..], &[], &plan, &cfg, &stats).unwrap());
//! let parts = split::finish(&docs, edges.clone(), &cfg, &stats).unwrap();
//! assert_eq!(parts, whole);
//! // the finish in tasks of at most 2 articles: each reads its articles
//! let finish = split::partition(&plan, edges, &cfg, 2).unwrap();
//! let mut results = Vec::new();
//! for task in finish.parts() {
//!     let mine = docs.iter().filter(|d| task.articles().any(|id| id == d.article.id));
//!     results.push(split::finish_part(mine.cloned().collect(), task, &cfg, &stats).unwrap());
//! }
//! assert_eq!(split::merge(&finish, results), whole);
//! // or in one call
//! assert_eq!(split::compare_split(&docs, 2, &cfg, &stats).unwrap(), whole);
//! ```

use super::claims::{self, Prepared, UnitKind};
use super::{
    assemble, cluster_findings, clusters, compare_story, drop_repeated_attributions, matches,
    people_of, sort_findings_by, story_blocking_keys, story_ids, story_role_findings, story_units,
    StoryCx, StoryUnits,
};
use crate::config::Config;
use crate::model::{Alignment, Finding, Person, Story};
use crate::people::{after_the, clean_name, MergedPerson, People};
use crate::sets::DisjointSets;
use crate::ClaimStats;
use crosscheck_parse::{Article, Entity, EntityKind, Extraction, Quote, QuoteKind, Span};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What every part of a split story needs to know of the whole story
/// (stage 1: [`plan_from`] the parts' summaries, or [`plan`]). Serialisable (serde), to travel to the tasks that
/// compute [`edges`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryPlan {
    /// The articles in the story's order (by id, then text) with their
    /// number of claims: claim `k` of the story is claim `k - first` of
    /// its article.
    articles: Vec<(String, u32)>,
    /// Per claim of the story: its speaker (a person of the story).
    speakers: Vec<Option<u32>>,
    /// Per claim: the first claim of the story with the same kind and
    /// words (itself for a representative).
    reps: Vec<u32>,
    /// Stems that give candidates in the story, sorted.
    stems: Vec<String>,
    /// Speakers (persons) that give candidates in the story, sorted.
    speaker_keys: Vec<u32>,
    /// The story's people (persons in their order): what the finish's
    /// tasks need of them ([`partition`]).
    #[serde(default)]
    people: Vec<PlanPerson>,
}

/// One person of a story, as the tasks of the finish need it: the
/// fields of the merged person, its entities as `(article in the story's
/// order, entity index)`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct PlanPerson {
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    names: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    entities: Vec<(u32, u32)>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    full_name: bool,
    surname: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    named: bool,
}

/// The people of a story (doc indices in the story's order) for its plan.
fn plan_people(people: &People) -> Vec<PlanPerson> {
    people
        .persons
        .iter()
        .map(|m| PlanPerson {
            name: m.name.clone(),
            names: m.names.clone(),
            entities: m
                .entities
                .iter()
                .map(|&(d, e)| (d as u32, e as u32))
                .collect(),
            full_name: m.full_name,
            surname: m.surname.clone(),
            named: m.named,
        })
        .collect()
}

/// A merged person from its plan entry, its entities' articles mapped by
/// `doc` (an article the task does not read is left out).
fn merged_person(p: &PlanPerson, doc: impl Fn(u32) -> Option<usize>) -> MergedPerson {
    MergedPerson {
        name: p.name.clone(),
        names: p.names.clone(),
        entities: p
            .entities
            .iter()
            .filter_map(|&(a, e)| doc(a).map(|d| (d, e as usize)))
            .collect(),
        full_name: p.full_name,
        surname: p.surname.clone(),
        named: p.named,
    }
}

impl StoryPlan {
    /// Number of articles of the story.
    pub fn articles(&self) -> usize {
        self.articles.len()
    }

    /// Number of claims of the story.
    pub fn claims(&self) -> usize {
        self.speakers.len()
    }

    /// The story index of each article's first claim (its claims are the
    /// next `articles[d].1`), after [`StoryPlan::check`]: the counts sum to
    /// the claims, which fit a `u32`.
    fn first_claims(&self) -> Vec<u32> {
        let mut at = 0u32;
        self.articles
            .iter()
            .map(|(_, n)| {
                let first = at;
                at = at.saturating_add(*n);
                first
            })
            .collect()
    }

    /// Checks that the parts of the plan agree: one speaker and one
    /// representative per claim, as many claims as the articles have, each
    /// representative at or before its claim, each speaker (and speaker
    /// key) a person of the plan, each person named in articles of the
    /// plan.
    fn check(&self) -> Result<(), SplitError> {
        let claims: u64 = self.articles.iter().map(|(_, n)| u64::from(*n)).sum();
        if claims != self.speakers.len() as u64 || claims != self.reps.len() as u64 {
            return Err(SplitError::BadPlan(format!(
                "{claims} claims in its articles, {} speakers, {} representatives",
                self.speakers.len(),
                self.reps.len()
            )));
        }
        if let Some(i) = (0..self.reps.len()).find(|&i| self.reps[i] as usize > i) {
            return Err(SplitError::BadPlan(format!(
                "claim {i} has a later representative"
            )));
        }
        let persons = self.people.len();
        if let Some(i) = self
            .speakers
            .iter()
            .position(|s| s.is_some_and(|p| p as usize >= persons))
        {
            return Err(SplitError::BadPlan(format!(
                "claim {i} has speaker {}, the plan has {persons} people (a plan without its people?)",
                self.speakers[i].unwrap_or_default()
            )));
        }
        if let Some(&p) = self.speaker_keys.iter().find(|&&p| p as usize >= persons) {
            return Err(SplitError::BadPlan(format!(
                "speaker key {p}, the plan has {persons} people"
            )));
        }
        let n = self.articles.len();
        for (i, person) in self.people.iter().enumerate() {
            if let Some(&(a, _)) = person.entities.iter().find(|&&(a, _)| a as usize >= n) {
                return Err(SplitError::BadPlan(format!(
                    "person {i} ('{}') is named in article {a}, the plan has {n} articles",
                    person.name
                )));
            }
        }
        Ok(())
    }
}

/// A match between two claims of a story (stage 2, [`edges`]): claim
/// indices in the story's order ([`StoryPlan`]), `a < b`, and the score
/// the pair matched with.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// The first claim (story order).
    pub a: u32,
    /// The second claim (story order), after `a`.
    pub b: u32,
    /// The match's score.
    pub score: f64,
}

/// An edge `(a, b)` joins two claims of a story of `claims` claims in
/// story order, or [`SplitError::BadEdge`].
fn check_edge(a: u32, b: u32, claims: usize) -> Result<(), SplitError> {
    if a >= b || b as usize >= claims {
        return Err(SplitError::BadEdge { a, b, claims });
    }
    Ok(())
}

/// Why a stage of a split story cannot run on its input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SplitError {
    /// Two articles of the story have the same id.
    #[error("article '{0}': duplicate id in the story")]
    DuplicateArticle(String),
    /// A part has an article the plan does not know.
    #[error("article '{0}' is not in the story's plan")]
    UnknownArticle(String),
    /// An article gives another number of claims than in the plan (another
    /// extraction, or another configuration).
    #[error("article '{article}': {found} claims, the story's plan has {planned}")]
    ClaimCount {
        /// The article's id.
        article: String,
        /// Its claims here.
        found: usize,
        /// Its claims in the plan.
        planned: usize,
    },
    /// A person of the plan is named by an entity the article does not
    /// have, or that is not that person (another extraction of the
    /// article).
    #[error(
        "article '{article}': entity {entity} is not the person '{person}' of the story's plan (another extraction of the article?)"
    )]
    PersonEntity {
        /// The article's id.
        article: String,
        /// The entity's index in the plan.
        entity: usize,
        /// The person's name in the plan.
        person: String,
    },
    /// A plan whose parts do not agree (read from damaged bytes).
    #[error("the story's plan is not consistent: {0}")]
    BadPlan(String),
    /// An edge names a claim the story does not have, or is not ordered.
    #[error("edge ({a}, {b}) does not join two claims of the story's {claims} in order")]
    BadEdge {
        /// The edge's first claim.
        a: u32,
        /// The edge's second claim.
        b: u32,
        /// The story's number of claims.
        claims: usize,
    },
}

fn unique_ids(p: &Prepared) -> Result<(), SplitError> {
    for w in p.docs.windows(2) {
        if w[0].article.id == w[1].article.id {
            return Err(SplitError::DuplicateArticle(w[0].article.id.clone()));
        }
    }
    Ok(())
}

/// Stage 1 in one task: the plan of a story from all its articles (what
/// [`plan_from`] gives from the parts' summaries). The claims of every
/// article are built and people merged, but no pair of claims is
/// compared.
pub fn plan(
    docs: &[Extraction],
    config: &Config,
    stats: &ClaimStats,
) -> Result<StoryPlan, SplitError> {
    let p = claims::prepare_with(docs, config, Some(stats));
    unique_ids(&p)?;
    let all: Vec<usize> = (0..p.docs.len()).collect();
    let (su, people) = story_units(&p, &all);
    let dup = clusters::duplicates(&p, &su);
    let keys = story_blocking_keys(&p, config, &su, &dup);
    let n_strings = p.strings.len() as u32;
    let mut stems = Vec::new();
    let mut speaker_keys = Vec::new();
    for k in keys {
        if k < n_strings {
            stems.push(p.strings[k as usize].clone());
        } else {
            speaker_keys.push(k - n_strings);
        }
    }
    stems.sort();
    Ok(StoryPlan {
        articles: p
            .docs
            .iter()
            .zip(&p.doc_units)
            .map(|(x, r)| (x.article.id.clone(), r.len() as u32))
            .collect(),
        speakers: su.speakers,
        reps: dup,
        stems,
        speaker_keys,
        people: plan_people(&people),
    })
}

/// What [`plan_from`] needs of one part of a split story (stage 1a,
/// [`summarize`]): per article its id, per claim a 128-bit hash of its
/// kind and words, its speaker as the article names it, and its content
/// stems when it is the first claim of the part with its text; and what
/// merging the story's people needs of each article (its people's names,
/// and the speakers named without an entity). About 1-2 KB of JSON per
/// article, against 5-6 KB of extraction JSON and about 30 KB of built
/// claims. Serialisable (serde), to travel from the part's task to
/// the task that merges the summaries.
///
/// Summaries of parts merge with [`PartSummary::merge`] (associative and
/// commutative: the articles are put in the story's order when the plan
/// is made), in any grouping, into the summary of their union.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartSummary {
    articles: Vec<ArticleSummary>,
}

/// One article of a [`PartSummary`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct ArticleSummary {
    id: String,
    /// Its claims, in article order.
    claims: Vec<ClaimSummary>,
    /// Per entity of the extraction (the indices the quotes' speakers
    /// use): a person's names, `None` for another kind.
    entities: Vec<Option<PersonSummary>>,
    /// The quotes' speakers named without an entity and unknown among the
    /// article's entities, in quote order, each with whether its mention
    /// follows "the".
    speakers: Vec<(String, bool)>,
}

/// The names of a person entity, and whether a mention follows "the".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct PersonSummary {
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    the: bool,
}

/// One claim of an [`ArticleSummary`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct ClaimSummary {
    /// SHA-256 (first 128 bits) of the claim's kind and words: two claims
    /// are one text when these are equal.
    text: (u64, u64),
    /// A quote (else a sentence).
    quote: bool,
    /// Quotes: the speaker entity and name the article gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker_entity: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker: Option<String>,
    /// The content stems, for the first claim of the part with its text
    /// (the first of the story with it is the first of some part).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stems: Option<Vec<String>>,
}

impl PartSummary {
    /// Number of articles summarised.
    pub fn articles(&self) -> usize {
        self.articles.len()
    }

    /// The summary of the union of two disjoint sets of articles.
    pub fn merge(mut self, other: PartSummary) -> PartSummary {
        self.articles.extend(other.articles);
        self
    }
}

/// The hash of a claim's kind and words that tells repeated texts apart
/// (`clusters::duplicates` compares the same two things).
fn text_key(p: &Prepared, u: &super::claims::Unit) -> (u64, u64) {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update([u8::from(u.kind == UnitKind::Quote)]);
    for t in u.toks.iter() {
        let w = p.strings[t.word as usize].as_bytes();
        h.update((w.len() as u64).to_le_bytes());
        h.update(w);
    }
    let d = h.finalize();
    let half = |r: std::ops::Range<usize>| {
        u64::from_le_bytes(d[r].try_into().expect("8 bytes of a 32-byte digest"))
    };
    (half(0..8), half(8..16))
}

/// Stage 1a, per part of the story (any set of its articles): the part's
/// [`PartSummary`]. Reads the part's extractions and builds their claims
/// (no pair of claims is compared); gives 1-2 KB of JSON per article.
pub fn summarize(part: &[Extraction], config: &Config) -> Result<PartSummary, SplitError> {
    let p = claims::prepare(part, config);
    unique_ids(&p)?;
    let mut seen: HashSet<(u64, u64)> = HashSet::new();
    let articles = p
        .docs
        .iter()
        .zip(&p.doc_units)
        .map(|(x, units)| {
            let text = x.article.text.as_str();
            let claims = units
                .clone()
                .map(|g| {
                    let u = &p.units[g];
                    let key = text_key(&p, u);
                    let quote = u.kind == UnitKind::Quote;
                    ClaimSummary {
                        text: key,
                        quote,
                        speaker_entity: u.speaker_entity.filter(|_| quote),
                        speaker: u.speaker_text.as_deref().filter(|_| quote).map(Into::into),
                        stems: seen.insert(key).then(|| {
                            u.content
                                .iter()
                                .map(|&s| p.strings[s as usize].clone())
                                .collect()
                        }),
                    }
                })
                .collect();
            let entities = x
                .entities
                .iter()
                .map(|e| {
                    (e.kind == EntityKind::Person).then(|| PersonSummary {
                        name: e.name.clone(),
                        aliases: e.aliases.clone(),
                        the: e.mentions.iter().any(|m| after_the(text, *m)),
                    })
                })
                .collect();
            let speakers = x
                .quotes
                .iter()
                .filter_map(|q| match (&q.speaker, q.speaker_entity) {
                    (Some(s), None)
                        if !x
                            .entities
                            .iter()
                            .any(|e| &e.name == s || e.aliases.contains(s)) =>
                    {
                        Some((
                            s.clone(),
                            q.speaker_span.is_some_and(|sp| after_the(text, sp)),
                        ))
                    }
                    _ => None,
                })
                .collect();
            ArticleSummary {
                id: x.article.id.clone(),
                claims,
                entities,
                speakers,
            }
        })
        .collect();
    Ok(PartSummary { articles })
}

/// What the people merge reads of an article, and nothing more: its
/// people's names (other entities keep their place, nameless), whether
/// their mentions follow "the", and the speakers named without an entity.
fn people_doc(a: &ArticleSummary) -> Extraction {
    // a mention at 4..5 follows "the"; no mention follows nothing
    let the = Span::new(4, 5);
    let mut x = Extraction::new(Article::new(a.id.clone(), "the X"), Vec::new());
    x.entities = a
        .entities
        .iter()
        .map(|e| match e {
            Some(ps) => {
                let mut ent = Entity::new(ps.name.clone(), EntityKind::Person);
                ent.aliases = ps.aliases.clone();
                if ps.the {
                    ent.mentions.push(the);
                }
                ent
            }
            None => Entity::new("", EntityKind::Organization),
        })
        .collect();
    x.quotes = a
        .speakers
        .iter()
        .map(|(s, after)| {
            let mut q = Quote::new("", Span::new(0, 0), QuoteKind::Direct, 0);
            q.speaker = Some(s.clone());
            q.speaker_span = after.then_some(the);
            q
        })
        .collect();
    x
}

/// The people of a story, merged from its articles' summaries (in the
/// story's order): the people [`People::merge`] gives from the
/// extractions, the same persons in the same order.
fn story_people(arts: &[&ArticleSummary]) -> People {
    let docs: Vec<Extraction> = arts.iter().map(|a| people_doc(a)).collect();
    let refs: Vec<&Extraction> = docs.iter().collect();
    let all: Vec<usize> = (0..refs.len()).collect();
    People::merge(&refs, &all)
}

/// Stage 1b: the story's plan from the summaries of its parts (merged
/// with [`PartSummary::merge`], covering every article once): equal to
/// [`plan`] of all the articles. Reads only the summaries: the people
/// are merged from their names, the repeated texts found by their
/// hashes, the blocking keys counted over the representatives' stems.
pub fn plan_from(summary: &PartSummary, config: &Config) -> Result<StoryPlan, SplitError> {
    let mut arts: Vec<&ArticleSummary> = summary.articles.iter().collect();
    arts.sort_by(|a, b| a.id.cmp(&b.id));
    for w in arts.windows(2) {
        if w[0].id == w[1].id {
            return Err(SplitError::DuplicateArticle(w[0].id.clone()));
        }
    }
    let people = story_people(&arts);
    let mut speakers: Vec<Option<u32>> = Vec::new();
    let mut reps: Vec<u32> = Vec::new();
    let mut first: HashMap<(bool, (u64, u64)), u32> = HashMap::new();
    let mut stem_df: BTreeMap<&str, usize> = BTreeMap::new();
    let mut speaker_df: BTreeMap<u32, usize> = BTreeMap::new();
    for (d, a) in arts.iter().enumerate() {
        for c in &a.claims {
            let l = speakers.len() as u32;
            let speaker = if c.quote {
                people
                    .speaker(d, c.speaker_entity, c.speaker.as_deref())
                    .map(|x| x as u32)
            } else {
                None
            };
            speakers.push(speaker);
            let rep = *first.entry((c.quote, c.text)).or_insert(l);
            reps.push(rep);
            if rep != l {
                continue;
            }
            // a representative: its keys count
            let stems = c.stems.as_ref().ok_or_else(|| {
                SplitError::BadPlan(format!(
                    "article '{}': the first claim of a text has no stems",
                    a.id
                ))
            })?;
            for s in stems {
                *stem_df.entry(s.as_str()).or_default() += 1;
            }
            if let Some(sp) = speaker {
                *speaker_df.entry(sp).or_default() += 1;
            }
        }
    }
    let gives = |n: usize| n >= 2 && n <= config.block_max_df;
    Ok(StoryPlan {
        articles: arts
            .iter()
            .map(|a| (a.id.clone(), a.claims.len() as u32))
            .collect(),
        speakers,
        reps,
        stems: stem_df
            .into_iter()
            .filter(|&(_, n)| gives(n))
            .map(|(s, _)| s.to_string())
            .collect(),
        speaker_keys: speaker_df
            .into_iter()
            .filter(|&(_, n)| gives(n))
            .map(|(s, _)| s)
            .collect(),
        people: plan_people(&people),
    })
}

/// Stage 2: the matches between the claims of `part` and those of
/// `other` (two parts of the story), or among the claims of `part` when
/// `other` is empty; sorted. Every pair of claims of the story is in
/// exactly one of the calls over the pairs of parts `(i, j)`, `i <= j`.
pub fn edges(
    part: &[Extraction],
    other: &[Extraction],
    plan: &StoryPlan,
    config: &Config,
    stats: &ClaimStats,
) -> Result<Vec<Edge>, SplitError> {
    plan.check()?;
    let both: Vec<Extraction> = part.iter().chain(other).cloned().collect();
    let p = claims::prepare_with(&both, config, Some(stats));
    unique_ids(&p)?;
    let first: BTreeMap<&str, (usize, usize)> = plan
        .articles
        .iter()
        .zip(plan.first_claims())
        .map(|((id, n), at)| (id.as_str(), (at as usize, *n as usize)))
        .collect();
    // the claims of the two parts, with their index in the story
    let mut su = StoryUnits {
        ids: Vec::new(),
        speakers: Vec::new(),
    };
    let mut story_index: Vec<u32> = Vec::new();
    let mut dup: Vec<u32> = Vec::new();
    let mut sides: Vec<bool> = Vec::new();
    for (d, x) in p.docs.iter().enumerate() {
        let id = x.article.id.as_str();
        let &(start, planned) = first
            .get(id)
            .ok_or_else(|| SplitError::UnknownArticle(id.to_string()))?;
        let units = p.doc_units[d].clone();
        if units.len() != planned {
            return Err(SplitError::ClaimCount {
                article: id.to_string(),
                found: units.len(),
                planned,
            });
        }
        let side = p.input_index[d] >= part.len();
        for (k, g) in units.enumerate() {
            let s = start + k;
            let l = su.ids.len() as u32;
            su.ids.push(g as u32);
            su.speakers.push(plan.speakers[s]);
            story_index.push(s as u32);
            // a representative of the story is one here; the others are
            // no one's (their text's first claim may be in another part)
            dup.push(if plan.reps[s] as usize == s {
                l
            } else {
                u32::MAX
            });
            sides.push(side);
        }
    }
    // the story's blocking keys, as keys of this comparison
    let n_strings = p.strings.len() as u32;
    let mut keys: Vec<u32> = p
        .strings
        .iter()
        .enumerate()
        .filter(|(_, s)| plan.stems.binary_search(s).is_ok())
        .map(|(i, _)| i as u32)
        .collect();
    keys.extend(
        plan.speaker_keys
            .iter()
            .map(|&s| n_strings.saturating_add(s)),
    );
    keys.sort_unstable();
    let sides = (!other.is_empty()).then_some(sides.as_slice());
    let mut out: Vec<Edge> = matches(&p, config, &su, &dup, Some(&keys), sides)
        .into_iter()
        .map(|(a, b, score)| Edge {
            a: story_index[a as usize],
            b: story_index[b as usize],
            score,
        })
        .collect();
    out.sort_by_key(|x| (x.a, x.b));
    Ok(out)
}

/// Stage 3: the story's findings from all its articles and the matches
/// of every pair of its parts: what [`crate::compare_stories_with`] gives
/// for the story as one group.
pub fn finish(
    docs: &[Extraction],
    edges: Vec<Edge>,
    config: &Config,
    stats: &ClaimStats,
) -> Result<Alignment, SplitError> {
    let p = claims::prepare_with(docs, config, Some(stats));
    unique_ids(&p)?;
    let claims = p.units.len();
    let mut accepted = Vec::with_capacity(edges.len());
    for e in edges {
        check_edge(e.a, e.b, claims)?;
        accepted.push((e.a, e.b, e.score));
    }
    accepted.sort_by_key(|x| (x.0, x.1));
    accepted.dedup_by(|x, y| (x.0, x.1) == (y.0, y.1));
    if p.docs.is_empty() {
        return Ok(Alignment::default());
    }
    // the story's claims in its order are the claims of `p` in order
    let all: Vec<usize> = (0..p.docs.len()).collect();
    let id = story_ids(&p, std::slice::from_ref(&all)).remove(0);
    Ok(assemble(vec![compare_story(
        &p,
        config,
        &all,
        id,
        Some(accepted),
    )]))
}

/// One article a task of the finish reads ([`FinishPart`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct PartArticle {
    id: String,
    /// Its position in the story's order.
    at: u32,
    /// The story index of its first claim, and its number of claims.
    first: u32,
    claims: u32,
}

/// What one task of the split finish reads and does (stage 3b,
/// [`finish_part`]): the clusters and findings of some components of the
/// story's claims, or (a *people* part) one or more groups of the
/// story's persons of one surname each, packed together: their records
/// and role findings, from the articles that name them. Made by
/// [`partition`]; serialisable (serde), to travel to the task with the
/// articles it names ([`FinishPart::articles`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FinishPart {
    /// The story id.
    story: String,
    /// The articles the task reads, in the story's order.
    articles: Vec<PartArticle>,
    /// The copy root of an article (index in `articles`) that is not its
    /// own root: the root's id (the task may not read the root).
    roots: Vec<(u32, String)>,
    /// The claims of the part's components (story indices, sorted); empty
    /// for a people part.
    claims: Vec<u32>,
    /// Per claim: its speaker (a person of the story).
    speakers: Vec<Option<u32>>,
    /// Per claim: its representative, as an index in `claims`.
    reps: Vec<u32>,
    /// The matches between the claims (indices in `claims`), the score as
    /// the bits of its `f64` (exact through any JSON reader).
    edges: Vec<(u32, u32, u64)>,
    /// The number of persons of the story, and those the task reads (by
    /// id: the speakers of its claims, or the persons of a people part's
    /// surname groups), their entities as `(index in articles, entity)`.
    /// [`finish_part`] builds only these.
    persons: u32,
    people: Vec<(u32, PlanPerson)>,
    /// A people part: the records and role findings of its persons (its
    /// surname groups), no claims.
    roles: bool,
}

impl FinishPart {
    /// The ids of the articles the task reads, in the story's order.
    pub fn articles(&self) -> impl Iterator<Item = &str> {
        self.articles.iter().map(|a| a.id.as_str())
    }

    /// True for a part that gives persons of the story and their role
    /// findings (it reads the articles that name them, not their claims).
    pub fn is_people(&self) -> bool {
        self.roles
    }

    /// The number of claims of the part's components.
    pub fn claims(&self) -> usize {
        self.claims.len()
    }
}

/// The finish of a split story cut into tasks ([`partition`]): what each
/// task does ([`FinishPart`]), and what the story's record needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FinishPlan {
    story: String,
    articles: Vec<String>,
    claims: usize,
    copies: Vec<Vec<String>>,
    parts: Vec<FinishPart>,
}

impl FinishPlan {
    /// The tasks of the finish.
    pub fn parts(&self) -> &[FinishPart] {
        &self.parts
    }

    /// The tasks of the finish, taken out.
    pub fn into_parts(self) -> Vec<FinishPart> {
        self.parts
    }
}

/// A finding of one task of the finish, with what ordering the story's
/// findings needs: the story index of its cluster's first claim
/// (`u32::MAX` for a role finding).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartFinding {
    /// The story index of its cluster's first claim; `u32::MAX` for a
    /// role finding.
    pub first: u32,
    /// The finding.
    pub finding: Finding,
}

/// What one task of the finish gives ([`finish_part`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PartFindings {
    /// The clusters of the part (spanning two articles or more).
    pub clusters: usize,
    /// Its findings, in its clusters' order.
    pub findings: Vec<PartFinding>,
    /// The story's people the part gives (people parts only), each with
    /// its id in the story.
    pub people: Vec<(u32, Person)>,
}

/// Packs items (ids, and the articles a task needs for them) into
/// tasks in their order, greedily: an item joins the current task unless
/// `full(articles, ids)` holds for the task with it (its distinct
/// articles and its ids then); a task is never empty, so an item too
/// large alone is a task of its own.
fn pack(
    items: impl IntoIterator<Item = (Vec<u32>, BTreeSet<usize>)>,
    full: impl Fn(usize, usize) -> bool,
) -> Vec<(Vec<u32>, BTreeSet<usize>)> {
    let mut tasks = Vec::new();
    let mut cur: (Vec<u32>, BTreeSet<usize>) = (Vec::new(), BTreeSet::new());
    for (ids, arts) in items {
        let joined = cur.1.union(&arts).count();
        if !cur.0.is_empty() && full(joined, cur.0.len() + ids.len()) {
            tasks.push(std::mem::take(&mut cur));
        }
        cur.0.extend(ids);
        cur.1.extend(arts);
    }
    if !cur.0.is_empty() {
        tasks.push(cur);
    }
    tasks
}

/// The people tasks of a story's finish: its persons grouped by the
/// surname roles are given by (a role is only ever moved to a person of
/// the same surname, `roles_by_person`), the groups packed as the claim
/// components are, with three times as many articles a task as a claim
/// task (a people task keeps an article's text and entities, about a
/// third of what a claim task holds of it), or the widest group's.
fn people_tasks(plan: &StoryPlan, max_articles: usize) -> Vec<(Vec<u32>, BTreeSet<usize>)> {
    let mut by_surname: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (pid, p) in plan.people.iter().enumerate() {
        let surname = clean_name(&p.name).map_or_else(|| p.surname.clone(), |n| n.surname);
        by_surname.entry(surname).or_default().push(pid as u32);
    }
    let mut kin: Vec<Vec<u32>> = by_surname.into_values().collect();
    kin.sort_by_key(|g| g[0]);
    let arts_of = |g: &[u32]| -> BTreeSet<usize> {
        g.iter()
            .flat_map(|&p| plan.people[p as usize].entities.iter())
            .map(|&(d, _)| d as usize)
            .collect()
    };
    let widest = kin.iter().map(|g| arts_of(g).len()).max().unwrap_or(0);
    let limit = max_articles.saturating_mul(3).max(widest);
    pack(
        kin.into_iter().map(|g| {
            let arts = arts_of(&g);
            (g, arts)
        }),
        |articles, _| articles > limit,
    )
}

/// Stage 3a, per story, small: the finish cut into tasks from the plan
/// and the story's matches ([`edges`] of every pair of parts), reading no
/// extraction.
///
/// The claim clusters are made within the connected components of the
/// matches and the repeated texts (a claim and its representative): the
/// matches are taken by descending score and only clusters of one
/// component ever merge, so the clusters of a component made alone are
/// its clusters in the whole story. A component whose claims are all in
/// one article gives no cluster (a cluster spans two articles) and is
/// left out. The components, by first claim, are packed into parts: a
/// part takes the next component while it reads at most `max_articles`
/// articles and builds at most as many claims as `max_articles` articles
/// of the story have on average, or no more than the story's largest
/// component needs alone (a task builds only its components' claims,
/// but reads every article one of them is in: a quote every outlet
/// repeats makes a component of the whole story, and its task reads
/// every article). Copy groups
/// come from the plan (which texts each article repeats). The persons
/// are grouped by surname (`roles_by_person` moves a role only to
/// another person of the same surname), the groups packed into people
/// parts of three times as many articles (or the widest group's), each
/// reading the articles that name its persons (their text and entities,
/// no claim built) for their records and role findings.
pub fn partition(
    plan: &StoryPlan,
    edges: Vec<Edge>,
    config: &Config,
    max_articles: usize,
) -> Result<FinishPlan, SplitError> {
    plan.check()?;
    let claims = plan.claims();
    let n = plan.articles.len();
    let first = plan.first_claims();
    let claim_doc: Vec<usize> = plan
        .articles
        .iter()
        .enumerate()
        .flat_map(|(d, (_, c))| std::iter::repeat_n(d, *c as usize))
        .collect();
    let docs: Vec<usize> = (0..n).collect();
    let copy_root = clusters::copy_roots_of(config, &docs, &claim_doc, &plan.reps);
    let copies = clusters::copy_groups(&copy_root, |d| plan.articles[d].0.clone());
    let story = match plan.articles.first() {
        Some((id, _)) => format!("story:{id}"),
        None => String::new(),
    };
    // components of the matches and the repeated texts
    let mut sets = DisjointSets::new(claims);
    for (l, &r) in plan.reps.iter().enumerate() {
        sets.union(l, r as usize);
    }
    let mut accepted: Vec<Edge> = Vec::with_capacity(edges.len());
    for e in edges {
        check_edge(e.a, e.b, claims)?;
        sets.union(e.a as usize, e.b as usize);
        accepted.push(e);
    }
    accepted.sort_by_key(|x| (x.a, x.b));
    accepted.dedup_by(|x, y| (x.a, x.b) == (y.a, y.b));
    let mut comps: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    for l in 0..claims {
        let r = sets.find(l);
        comps.entry(r).or_default().push(l as u32);
    }
    let mut comps: Vec<Vec<u32>> = comps
        .into_values()
        .filter(|c| {
            let d = claim_doc[c[0] as usize];
            c.iter().any(|&l| claim_doc[l as usize] != d)
        })
        .collect();
    comps.sort_by_key(|c| c[0]);
    // packed into parts: a part takes the next component while it reads
    // at most `max_articles` articles and builds at most the claims of as
    // many articles of the story on average, or no more than the story's
    // largest component needs alone (a task reads all the articles of its
    // components, and builds only their claims)
    let largest = comps.iter().fold((0usize, 0usize), |m, c| {
        let mut arts: Vec<usize> = c.iter().map(|&l| claim_doc[l as usize]).collect();
        arts.dedup();
        (m.0.max(arts.len()), m.1.max(c.len()))
    });
    let max_articles = max_articles.max(1);
    let max_claims =
        ((max_articles as u64 * claims as u64).div_ceil(n.max(1) as u64) as usize).max(largest.1);
    let max_articles = max_articles.max(largest.0);
    let groups = pack(
        comps.into_iter().map(|c| {
            let arts: BTreeSet<usize> = c.iter().map(|&l| claim_doc[l as usize]).collect();
            (c, arts)
        }),
        |articles, claims| articles > max_articles || claims > max_claims,
    );
    // the matches of each part
    let mut part_of: HashMap<usize, usize> = HashMap::new();
    for (i, (cl, _)) in groups.iter().enumerate() {
        for &l in cl {
            part_of.insert(sets.find(l as usize), i);
        }
    }
    let mut part_edges: Vec<Vec<Edge>> = vec![Vec::new(); groups.len()];
    for e in accepted {
        if let Some(&i) = part_of.get(&sets.find(e.a as usize)) {
            part_edges[i].push(e);
        }
    }
    let article = |d: usize| PartArticle {
        id: plan.articles[d].0.clone(),
        at: d as u32,
        first: first[d],
        claims: plan.articles[d].1,
    };
    let roots_of = |arts: &[usize]| -> Vec<(u32, String)> {
        arts.iter()
            .enumerate()
            .filter_map(|(i, &d)| {
                let r = copy_root.get(&d).copied().unwrap_or(d);
                (r != d).then(|| (i as u32, plan.articles[r].0.clone()))
            })
            .collect()
    };
    let persons = plan.people.len() as u32;
    let people_in = |ids: &BTreeSet<u32>, arts: &[usize]| -> Vec<(u32, PlanPerson)> {
        let at: HashMap<usize, u32> = arts
            .iter()
            .enumerate()
            .map(|(i, &d)| (d, i as u32))
            .collect();
        ids.iter()
            .map(|&p| {
                let mut person = plan.people[p as usize].clone();
                person.entities = person
                    .entities
                    .iter()
                    .filter_map(|&(d, e)| at.get(&(d as usize)).map(|&i| (i, e)))
                    .collect();
                (p, person)
            })
            .collect()
    };
    // a task reading `arts` for the persons `ids`: a people task as it
    // is, a claim task once its claims are set
    let task = |ids: &BTreeSet<u32>, arts: &[usize]| FinishPart {
        story: story.clone(),
        articles: arts.iter().map(|&d| article(d)).collect(),
        roots: roots_of(arts),
        people: people_in(ids, arts),
        persons,
        claims: Vec::new(),
        speakers: Vec::new(),
        reps: Vec::new(),
        edges: Vec::new(),
        roles: true,
    };
    let mut parts: Vec<FinishPart> = Vec::with_capacity(groups.len() + 1);
    for ((mut cl, arts), es) in groups.into_iter().zip(part_edges) {
        cl.sort_unstable();
        let arts: Vec<usize> = arts.into_iter().collect();
        let index = |s: u32| cl.binary_search(&s).expect("a claim of the part") as u32;
        let speakers: Vec<Option<u32>> = cl.iter().map(|&l| plan.speakers[l as usize]).collect();
        let reps: Vec<u32> = cl.iter().map(|&l| index(plan.reps[l as usize])).collect();
        let edges: Vec<(u32, u32, u64)> = es
            .iter()
            .map(|e| (index(e.a), index(e.b), e.score.to_bits()))
            .collect();
        let ids: BTreeSet<u32> = speakers.iter().flatten().copied().collect();
        parts.push(FinishPart {
            claims: cl,
            speakers,
            reps,
            edges,
            roles: false,
            ..task(&ids, &arts)
        });
    }
    for (ids, arts) in people_tasks(plan, max_articles) {
        let ids: BTreeSet<u32> = ids.into_iter().collect();
        let arts: Vec<usize> = arts.into_iter().collect();
        parts.push(task(&ids, &arts));
    }
    Ok(FinishPlan {
        story,
        articles: plan.articles.iter().map(|(id, _)| id.clone()).collect(),
        claims,
        copies,
        parts,
    })
}

/// What a people part of a split story's finish (its persons' surname
/// groups) reads of an extraction: the article and its entities (a task may drop the rest
/// as it reads each article, before [`finish_part`]).
pub fn people_only(x: Extraction) -> Extraction {
    let mut out = Extraction::new(x.article, Vec::new());
    out.entities = x.entities;
    out
}

/// Stage 3b, per task of the finish: the clusters and findings of a
/// [`FinishPart`]'s components (or, for a people part, the records and
/// role findings of the persons of its surname groups) from the
/// extractions of the articles it names (in any order): the findings the
/// story compared whole gives for these clusters (or persons).
///
/// The extractions must be those the plan was made from: an article of
/// another number of claims is [`SplitError::ClaimCount`], a person's
/// entity the article does not have (or that is not that person)
/// [`SplitError::PersonEntity`]; a part whose speakers or persons do not
/// agree is [`SplitError::BadPlan`].
pub fn finish_part(
    mut docs: Vec<Extraction>,
    part: &FinishPart,
    config: &Config,
    stats: &ClaimStats,
) -> Result<PartFindings, SplitError> {
    let wanted = part_articles(&docs, part)?;
    let ranges = claim_ranges(part);
    // the copy roots the task does not read: their ids alone
    let mut stubs: BTreeSet<&str> = BTreeSet::new();
    for (_, r) in &part.roots {
        if !wanted.contains_key(r.as_str()) {
            stubs.insert(r.as_str());
        }
    }
    docs.extend(
        stubs
            .iter()
            .map(|&id| Extraction::new(Article::new(id, ""), Vec::new())),
    );
    // only the part's claims are built (none for a people part): per
    // article, its claims' indices among its own
    let wanted_claims: HashMap<&str, Vec<usize>> = part
        .articles
        .iter()
        .zip(&ranges)
        .map(|(a, r)| {
            let ks = part.claims[r.clone()]
                .iter()
                .map(|&c| c.saturating_sub(a.first) as usize)
                .collect();
            (a.id.as_str(), ks)
        })
        .collect();
    let keep = |x: &Extraction, k: usize| {
        wanted_claims
            .get(x.article.id.as_str())
            .is_some_and(|ks| ks.binary_search(&k).is_ok())
    };
    let (p, counts) = claims::prepare_kept(&docs, config, Some(stats), Some(&keep));
    let doc_of: HashMap<&str, usize> = p
        .docs
        .iter()
        .enumerate()
        .map(|(d, x)| (x.article.id.as_str(), d))
        .collect();
    // part article index -> doc of this task
    let doc: Vec<usize> = part
        .articles
        .iter()
        .map(|a| doc_of[a.id.as_str()])
        .collect();
    let copy_root: BTreeMap<usize, usize> = part
        .roots
        .iter()
        .map(|(i, r)| match doc.get(*i as usize) {
            Some(&d) => Ok((d, doc_of[r.as_str()])),
            None => Err(SplitError::BadPlan(format!("copy root of article {i}"))),
        })
        .collect::<Result<_, _>>()?;
    // the part's persons, by story id, numbered in id order: a speaker
    // or person of the part is one of them (no placeholder for the
    // story's other persons, whatever `persons` says)
    let local = part_persons(part)?;
    let n = part.claims.len();
    if part.speakers.len() != n || part.reps.len() != n {
        return Err(SplitError::BadPlan(
            "a part's claims, speakers and representatives differ in number".into(),
        ));
    }
    let speakers: Vec<Option<u32>> = part
        .speakers
        .iter()
        .map(|s| match s {
            None => Ok(None),
            Some(p) => local.get(p).map(|&l| Some(l)).ok_or_else(|| {
                SplitError::BadPlan(format!(
                    "speaker {p}: not a person of the part ({} of the story's {})",
                    local.len(),
                    part.persons
                ))
            }),
        })
        .collect::<Result<_, _>>()?;
    let mut people = People::default();
    people.persons = Vec::with_capacity(local.len());
    for (id, person) in &part.people {
        // the person's entities are in the articles read, and are that
        // person's (names as the plan has them)
        for &(i, e) in &person.entities {
            let x = doc.get(i as usize).map(|&d| &p.docs[d]).ok_or_else(|| {
                SplitError::BadPlan(format!("person {id} named in article {i} of the part"))
            })?;
            let ok = x.entities.get(e as usize).is_some_and(|ent| {
                ent.kind == EntityKind::Person && person.names.contains(&ent.name)
            });
            if !ok {
                return Err(SplitError::PersonEntity {
                    article: x.article.id.clone(),
                    entity: e as usize,
                    person: person.name.clone(),
                });
            }
        }
    }
    let mut mine: Vec<(u32, &PlanPerson)> = part.people.iter().map(|(id, p)| (*id, p)).collect();
    mine.sort_by_key(|(id, _)| *id);
    for (_, person) in &mine {
        people
            .persons
            .push(merged_person(person, |i| doc.get(i as usize).copied()));
    }
    let mut units = Vec::with_capacity(part.claims.len());
    for (i, (a, r)) in part.articles.iter().zip(&ranges).enumerate() {
        if part.roles {
            // no claim read (the articles may be [`people_only`])
            continue;
        }
        if counts[doc[i]] != a.claims as usize {
            return Err(SplitError::ClaimCount {
                article: a.id.clone(),
                found: counts[doc[i]],
                planned: a.claims as usize,
            });
        }
        // the kept claims of the article: the part's, in order
        let mut kept = p.doc_units[doc[i]].clone();
        for &c in &part.claims[r.clone()] {
            if c < a.first {
                return Err(SplitError::BadPlan(format!("claim {c} in no article")));
            }
            let g = kept
                .next()
                .ok_or_else(|| SplitError::BadPlan(format!("claim {c} not built")))?;
            units.push(g as u32);
        }
        if kept.next().is_some() {
            return Err(SplitError::BadPlan(format!(
                "article '{}': claims built out of the part",
                a.id
            )));
        }
    }
    if units.len() != n {
        return Err(SplitError::BadPlan(
            "a claim of the part in no article".into(),
        ));
    }
    let su = StoryUnits {
        ids: units,
        speakers,
    };
    let dup = part.reps.clone();
    if dup.iter().any(|&r| r as usize >= n) {
        return Err(SplitError::BadPlan(
            "a representative out of the part".into(),
        ));
    }
    let mut accepted = Vec::with_capacity(part.edges.len());
    for &(a, b, bits) in &part.edges {
        check_edge(a, b, n)?;
        accepted.push((a, b, f64::from_bits(bits)));
    }
    let found = clusters::cluster(&p, config, &su, &dup, accepted);
    let cx = StoryCx {
        p: &p,
        cfg: config,
        id: part.story.clone(),
        units: su.ids.clone(),
        speakers: su.speakers.clone(),
        people,
        copy_root,
        sample: super::sample_cells(su.ids.len()),
    };
    let mut out = PartFindings {
        clusters: found.len(),
        ..PartFindings::default()
    };
    let per: Vec<Vec<Finding>> = found
        .par_iter()
        .map(|c| cluster_findings(&cx, c, &dup))
        .collect();
    for (c, fs) in found.iter().zip(per) {
        let first = c.members.iter().map(|&m| part.claims[m as usize]).min();
        for f in fs {
            out.findings.push(PartFinding {
                first: first.unwrap_or(u32::MAX),
                finding: f,
            });
        }
    }
    if part.roles {
        if config.compare_roles {
            out.findings
                .extend(story_role_findings(&cx).into_iter().map(|f| PartFinding {
                    first: u32::MAX,
                    finding: f,
                }));
        }
        // the part's persons, back to their ids in the story
        out.people = mine
            .iter()
            .map(|(id, _)| *id)
            .zip(people_of(&cx, &part.story))
            .collect();
    }
    Ok(out)
}

/// The articles of a finish part by id (to their index in the part),
/// after checking that `docs` holds each of them exactly once and no other.
fn part_articles<'a>(
    docs: &[Extraction],
    part: &'a FinishPart,
) -> Result<HashMap<&'a str, usize>, SplitError> {
    let wanted: HashMap<&str, usize> = part
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut seen = vec![false; part.articles.len()];
    for x in docs {
        let i = *wanted
            .get(x.article.id.as_str())
            .ok_or_else(|| SplitError::UnknownArticle(x.article.id.clone()))?;
        if std::mem::replace(&mut seen[i], true) {
            return Err(SplitError::DuplicateArticle(x.article.id.clone()));
        }
    }
    if let Some(i) = seen.iter().position(|s| !s) {
        return Err(SplitError::BadPlan(format!(
            "article '{}' of the finish's part is missing",
            part.articles[i].id
        )));
    }
    Ok(wanted)
}

/// Per article of a finish part, the range of `part.claims` (sorted
/// story indices) before the article's last claim ends: its claims when
/// the plan is sound (a claim before the article's first is an error the
/// caller reports; claims after the last article are in no range).
fn claim_ranges(part: &FinishPart) -> Vec<std::ops::Range<usize>> {
    let mut at = 0usize;
    part.articles
        .iter()
        .map(|a| {
            let start = at;
            let end = a.first.saturating_add(a.claims);
            while at < part.claims.len() && part.claims[at] < end {
                at += 1;
            }
            start..at
        })
        .collect()
}

/// The persons of a finish part, story id to their number in the part
/// (in id order), after checking each is one of the story's persons and
/// is listed once.
fn part_persons(part: &FinishPart) -> Result<BTreeMap<u32, u32>, SplitError> {
    let mut local: BTreeMap<u32, u32> = BTreeMap::new();
    for (id, _) in &part.people {
        if *id >= part.persons || local.insert(*id, 0).is_some() {
            return Err(SplitError::BadPlan(format!(
                "person {id} of the part: not one of the story's {} persons, or twice",
                part.persons
            )));
        }
    }
    for (i, v) in local.values_mut().enumerate() {
        *v = i as u32;
    }
    Ok(local)
}

/// Stage 3c: the story's findings from those of its finish's tasks, in
/// the order comparing it whole gives (its clusters' order, then the
/// role findings, then sorted by first mention, kind and id), one
/// attribution finding kept per misattributed utterance. Any subset of
/// the findings can be merged alone: the attribution findings merged
/// alone keep the same ones.
pub fn merge_findings(mut found: Vec<PartFinding>) -> Vec<Finding> {
    found.sort_by_key(|f| f.first);
    let mut findings: Vec<Finding> = found.into_iter().map(|f| f.finding).collect();
    // an article's rank: the story's order is the order of the ids
    let ids: BTreeSet<String> = findings
        .iter()
        .flat_map(|f| f.mentions().map(|(_, m)| m.article.clone()))
        .collect();
    let rank: BTreeMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    sort_findings_by(&mut findings, &rank);
    drop_repeated_attributions(&mut findings);
    findings
}

/// Stage 3c for the story's record: its alignment from the plan of the
/// finish and the results of all its tasks: what comparing the story
/// whole gives.
pub fn merge(plan: &FinishPlan, parts: Vec<PartFindings>) -> Alignment {
    let mut clusters = 0;
    let mut found = Vec::new();
    let mut people = Vec::new();
    for p in parts {
        clusters += p.clusters;
        found.extend(p.findings);
        people.extend(p.people);
    }
    people.sort_by_key(|(id, _)| *id);
    let people = people.into_iter().map(|(_, p)| p).collect();
    if plan.articles.is_empty() {
        return Alignment::default();
    }
    let story = Story {
        id: plan.story.clone(),
        articles: plan.articles.clone(),
        copies: plan.copies.clone(),
        claims: plan.claims,
        clusters,
    };
    let mut out = Alignment::default();
    out.stories.push(story);
    out.findings = merge_findings(found);
    out.people = people;
    out
}

/// The three stages in turn on a story cut into `parts` parts of
/// consecutive articles (in id order), the plan made from the parts'
/// summaries ([`summarize`], [`plan_from`]), the finish in tasks of at
/// most `ceil(n / parts)` articles each ([`partition`], [`finish_part`],
/// [`merge`]; a component of more articles is a task alone): the
/// findings of comparing the story whole with
/// [`crate::compare_stories_with`].
pub fn compare_split(
    docs: &[Extraction],
    parts: usize,
    config: &Config,
    stats: &ClaimStats,
) -> Result<Alignment, SplitError> {
    let mut order: Vec<&Extraction> = docs.iter().collect();
    order.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    let k = parts.clamp(1, docs.len().max(1));
    let n = order.len();
    let cut: Vec<Vec<Extraction>> = (0..k)
        .map(|i| {
            order[i * n / k..(i + 1) * n / k]
                .iter()
                .map(|&x| x.clone())
                .collect()
        })
        .collect();
    let mut summary = PartSummary::default();
    for part in &cut {
        summary = summary.merge(summarize(part, config)?);
    }
    let plan = plan_from(&summary, config)?;
    drop(summary);
    let mut all = Vec::new();
    for i in 0..k {
        all.extend(edges(&cut[i], &[], &plan, config, stats)?);
        for j in i + 1..k {
            all.extend(edges(&cut[i], &cut[j], &plan, config, stats)?);
        }
    }
    drop(cut);
    let finish = partition(&plan, all, config, n.div_ceil(k))?;
    let by_id: BTreeMap<&str, &Extraction> =
        order.iter().map(|x| (x.article.id.as_str(), *x)).collect();
    let mut results = Vec::with_capacity(finish.parts().len());
    for part in finish.parts() {
        let docs: Vec<Extraction> = part.articles().map(|id| by_id[id].clone()).collect();
        results.push(finish_part(docs, part, config, stats)?);
    }
    Ok(merge(&finish, results))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The people merged from the summaries are those merged from the
    /// extractions, every field (names, entities, whether named): a
    /// person's mention after "the" ("the Elysee said"), or a speaker's
    /// named without an entity ("the Matignon said"), makes it an
    /// institution, which only the summaries' flags tell.
    #[test]
    fn people_from_summaries_are_the_story_people() {
        let texts = [
            ("a", "“We will not sign this text,” the Elysee said on Monday. Foreign minister Anna Berg said talks would go on. “Nothing is agreed,” Berg told reporters."),
            ("b", "“We will not sign this text,” Elysee said. Anna Berg, the foreign minister, said talks would continue. “Nothing is agreed yet,” said Berg."),
            ("c", "Minister Tomas Berg said on Tuesday the talks had failed. “We tried,” Berg said. The spokesman Paul Ndiaye declined to comment."),
        ];
        let mut docs: Vec<Extraction> = texts
            .iter()
            .map(|(id, t)| crosscheck_parse::extract(Article::new(*id, *t)))
            .collect();
        // a speaker named without an entity: after "the" in one article
        for (id, text) in [
            ("e1", "“We will not sign this text,” the Matignon said."),
            ("e2", "“We will not sign this text,” Matignon said."),
        ] {
            let mut x = Extraction::new(
                Article::new(id, text),
                crosscheck_parse::sentences::split(text),
            );
            let at = |w: &str| {
                let i = text.find(w).expect("in the text");
                Span::new(i, i + w.len())
            };
            let mut q = Quote::new(
                "We will not sign this text,",
                at("We will not sign this text,"),
                QuoteKind::Direct,
                0,
            );
            q.speaker = Some("Matignon".into());
            q.speaker_span = Some(at("Matignon"));
            x.quotes.push(q);
            docs.push(x);
        }
        docs.extend(crate::fixture::corpus(40, 7));
        let cfg = Config::default();
        let whole = {
            let p = claims::prepare(&docs, &cfg);
            let all: Vec<usize> = (0..p.docs.len()).collect();
            People::merge(&p.docs, &all)
        };
        assert!(whole.persons.len() >= 10);
        for name in ["Elysee", "Matignon"] {
            assert!(whole.persons.iter().any(|p| !p.named && p.name == name));
        }
        let summary = summarize(&docs[..20], &cfg)
            .unwrap()
            .merge(summarize(&docs[20..], &cfg).unwrap());
        let mut arts: Vec<&ArticleSummary> = summary.articles.iter().collect();
        arts.sort_by(|a, b| a.id.cmp(&b.id));
        let parts = story_people(&arts);
        assert_eq!(format!("{parts:?}"), format!("{whole:?}"));
    }
}
