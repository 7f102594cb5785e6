//! The alignment pipeline, story by story.
//!
//! | module | what |
//! | --- | --- |
//! | `claims` | units (quotes, sentences) with interned tokens, stems and facts; IDF over all claims |
//! | `matching` | blocking and scoring of claims within a story |
//! | `clusters` | duplicates, syndicated copies, claim clusters (leader-checked) |
//! | `classify` | findings with variants, severity and confidence |
//! | `split` | one story compared in parts (plan, matches per pair of parts, finish): [`crate::split`] |
//!
//! [`run`] splits the articles into stories and compares the stories in
//! parallel; each story's working memory (people, candidate pairs, scores,
//! clusters) lives only while it is compared. The claims (units) are built
//! once for all stories, or, from [`Config::stream_text_bytes`] of text,
//! streamed: the document frequency of every claim word is counted over
//! all articles first (a chunk of articles at a time: `claims::df_table`),
//! then each story's claims are built (`claims::prepare_of`, weighted by
//! those frequencies, so a story's findings are those of one pass over
//! everything), compared and dropped. Results come back in story order (rayon's
//! indexed `collect`), so the output does not depend on the thread count.

pub(crate) mod claims;
pub(crate) mod classify;
pub(crate) mod clusters;
pub(crate) mod matching;
pub mod split;

use crate::config::Config;
use crate::model::*;
use crate::people::{roles_by_person, People};
use claims::{Prepared, UnitKind};
use classify::Member;
use crosscheck_parse::{Extraction, Span};
use matching::{block, relation, score_pair};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// The claims of one story: global unit ids in canonical order, with the
/// speaker (person id within the story) of each.
pub(crate) struct StoryUnits {
    pub ids: Vec<u32>,
    pub speakers: Vec<Option<u32>>,
}

/// Everything the classification of one story's clusters needs.
pub(crate) struct StoryCx<'a> {
    pub p: &'a Prepared<'a>,
    pub cfg: &'a Config,
    /// The story id.
    pub id: String,
    /// Local claim index → global unit id.
    pub units: Vec<u32>,
    /// Local claim index → person id.
    pub speakers: Vec<Option<u32>>,
    pub people: People,
    /// Doc → first doc of its copy group.
    pub copy_root: BTreeMap<usize, usize>,
    /// Local claim index → whether the claim cites a figure of one sample
    /// (`classify::sample_sentence`), read once when first asked.
    pub sample: Vec<std::sync::OnceLock<bool>>,
}

/// One empty [`StoryCx::sample`] cell per claim.
pub(crate) fn sample_cells(n: usize) -> Vec<std::sync::OnceLock<bool>> {
    (0..n).map(|_| std::sync::OnceLock::new()).collect()
}

/// The stories as groups of input indices: `given` (the caller's groups)
/// unless the configuration forces one story.
///
/// **The one place stories are decided**: [`crate::stories::group`] with
/// [`Config::stories`] (which may force one story). It runs before the
/// claims are prepared, so the grouping's working memory (features of
/// every article, candidate pairs) is freed before the units of every
/// article are built; [`canonical_groups`] then maps the groups to
/// canonical doc indices.
fn story_groups(
    input: &[Extraction],
    given: Option<&[Vec<usize>]>,
    cfg: &Config,
) -> Vec<Vec<usize>> {
    match given {
        Some(g) if !cfg.stories.force_one_story => g.to_vec(),
        _ => crate::stories::group(input, &cfg.stories),
    }
}

/// Maps groups of input indices to groups of canonical doc indices, each
/// sorted, ordered by their first doc; an article in no group (or an index
/// out of range) gets a story of its own, an article in two groups stays
/// in the first: every article is in exactly one story.
fn canonical_groups(p: &Prepared, groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    in_canonical_order(&p.input_index, groups)
}

/// [`canonical_groups`] for a canonical order given as `order` (canonical
/// doc → input index).
fn in_canonical_order(order: &[usize], groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let n = order.len();
    let mut canon = vec![usize::MAX; n];
    for (d, &i) in order.iter().enumerate() {
        canon[i] = d;
    }
    let mut taken = vec![false; n];
    let mut out: Vec<Vec<usize>> = Vec::new();
    for g in groups {
        let mut v: Vec<usize> = g
            .into_iter()
            .filter(|&i| i < n)
            .map(|i| canon[i])
            .filter(|&d| !std::mem::replace(&mut taken[d], true))
            .collect();
        v.sort_unstable();
        if !v.is_empty() {
            out.push(v);
        }
    }
    out.extend((0..n).filter(|&d| !taken[d]).map(|d| vec![d]));
    out.sort_by_key(|g| g[0]);
    out
}

/// What one story gives.
struct StoryResult {
    story: Story,
    findings: Vec<Finding>,
    people: Vec<Person>,
}

/// Runs the whole pipeline; `stories` (groups of input indices) replaces
/// the story grouping when given.
pub(crate) fn run(input: &[Extraction], stories: Option<&[Vec<usize>]>, cfg: &Config) -> Alignment {
    run_with(input, stories, cfg, None)
}

/// [`run`] with the claim statistics of a larger collection (see
/// [`crate::compare_stories_with`]).
pub(crate) fn run_with(
    input: &[Extraction],
    stories: Option<&[Vec<usize>]>,
    cfg: &Config,
    global: Option<&crate::ClaimStats>,
) -> Alignment {
    let groups = story_groups(input, stories, cfg);
    let text: usize = input.iter().map(|x| x.article.text.len()).sum();
    // (one story: streaming would build its claims twice for nothing)
    if text < cfg.stream_text_bytes || groups.len() <= 1 {
        // every claim built once, for all stories
        let p = claims::prepare_with(input, cfg, global);
        let groups = canonical_groups(&p, groups);
        let ids = story_ids(&p, &groups);
        let results: Vec<StoryResult> = groups
            .par_iter()
            .zip(ids)
            .map(|(g, id)| compare_story(&p, cfg, g, id, None))
            .collect();
        return assemble(results);
    }
    // Streamed: the frequencies of every claim word, counted a chunk of
    // articles at a time, then each story's claims built, compared and
    // dropped: the units in memory are those of the stories in flight.
    // (a caller's statistics count with the input's own, as the one-pass
    // path counts them: the larger of the two for every string)
    let table = claims::df_table(input, cfg);
    let both;
    let global: &dyn claims::GlobalDf = match global {
        Some(g) => {
            both = claims::Larger(&table, g);
            &both
        }
        None => &table,
    };
    let groups = canonical_input_groups(input, groups);
    let ids = input_story_ids(input, &groups);
    let results: Vec<StoryResult> = groups
        .par_iter()
        .zip(ids)
        .map(|(g, id)| {
            let p = claims::prepare_of(input, g, cfg, global);
            let all: Vec<usize> = (0..p.docs.len()).collect();
            compare_story(&p, cfg, &all, id, None)
        })
        .collect();
    assemble(results)
}

/// [`canonical_groups`] before any claim is prepared: the groups as input
/// indices, each in canonical order (id, then text), ordered by their
/// first article; every article in exactly one story.
fn canonical_input_groups(input: &[Extraction], groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..input.len()).collect();
    order.sort_by(|&a, &b| claims::canonical_cmp(&input[a], &input[b]));
    in_canonical_order(&order, groups)
        .into_iter()
        .map(|g| g.into_iter().map(|d| order[d]).collect())
        .collect()
}

/// [`story_ids`] of groups of input indices (canonical order).
fn input_story_ids(input: &[Extraction], groups: &[Vec<usize>]) -> Vec<String> {
    numbered_story_ids(groups.iter().map(|g| input[g[0]].article.id.as_str()))
}

/// The alignment of story results, in story order.
fn assemble(results: Vec<StoryResult>) -> Alignment {
    let mut out = Alignment::default();
    for r in results {
        out.stories.push(r.story);
        out.findings.extend(r.findings);
        out.people.extend(r.people);
    }
    out
}

/// `story:` and the story's first article id; a repeated id gets `#2`,
/// `#3`, … in story order.
fn story_ids(p: &Prepared, groups: &[Vec<usize>]) -> Vec<String> {
    numbered_story_ids(groups.iter().map(|g| p.docs[g[0]].article.id.as_str()))
}

/// `story:` and each story's first article id, in story order; a repeated
/// id gets `#2`, `#3`, ….
fn numbered_story_ids<'a>(first_ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    first_ids
        .map(|id| {
            let base = format!("story:{id}");
            let n = seen.entry(base.clone()).or_default();
            *n += 1;
            if *n == 1 {
                base
            } else {
                format!("{base}#{n}")
            }
        })
        .collect()
}

/// The claims of a story with their speakers, and the story's people.
fn story_units(p: &Prepared, docs: &[usize]) -> (StoryUnits, People) {
    let people = People::merge(&p.docs, docs);
    let mut ids = Vec::new();
    let mut speakers = Vec::new();
    for &d in docs {
        for g in p.doc_units[d].clone() {
            let u = &p.units[g];
            ids.push(g as u32);
            speakers.push(match u.kind {
                UnitKind::Quote => people
                    .speaker(d, u.speaker_entity, u.speaker_text.as_deref())
                    .map(|x| x as u32),
                UnitKind::Sentence => None,
            });
        }
    }
    (StoryUnits { ids, speakers }, people)
}

/// The representatives among local claims (`dup[l] == l`: the first
/// claim of each text), their global ids and their speakers.
fn representatives(su: &StoryUnits, dup: &[u32]) -> (Vec<u32>, Vec<u32>, Vec<Option<u32>>) {
    let reps: Vec<u32> = (0..su.ids.len() as u32)
        .filter(|&l| dup[l as usize] == l)
        .collect();
    let rep_ids: Vec<u32> = reps.iter().map(|&l| su.ids[l as usize]).collect();
    let rep_speakers: Vec<Option<u32>> = reps.iter().map(|&l| su.speakers[l as usize]).collect();
    (reps, rep_ids, rep_speakers)
}

/// The keys that give candidate pairs among a story's representatives
/// ([`matching::blocking_keys`]): what a part of a split story needs to
/// block as the whole story does.
fn story_blocking_keys(p: &Prepared, cfg: &Config, su: &StoryUnits, dup: &[u32]) -> Vec<u32> {
    let (_, rep_ids, rep_speakers) = representatives(su, dup);
    matching::blocking_keys(cfg, &matching::block_keys(p, &rep_ids, &rep_speakers))
}

/// Accepted matches between representatives (local indices), with their
/// scores. `su` is the whole story, or (with `story_keys` and `sides`)
/// the claims of two parts of a split story: see [`block`].
fn matches(
    p: &Prepared,
    cfg: &Config,
    su: &StoryUnits,
    dup: &[u32],
    story_keys: Option<&[u32]>,
    sides: Option<&[bool]>,
) -> Vec<(u32, u32, f64)> {
    let (reps, rep_ids, rep_speakers) = representatives(su, dup);
    let rep_sides: Option<Vec<bool>> = sides.map(|s| reps.iter().map(|&l| s[l as usize]).collect());
    let cands = block(
        p,
        cfg,
        &rep_ids,
        &rep_speakers,
        story_keys,
        rep_sides.as_deref(),
    );
    cands
        .par_iter()
        .filter_map(|&(a, b)| {
            let (la, lb) = (reps[a as usize], reps[b as usize]);
            let (ga, gb) = (su.ids[la as usize], su.ids[lb as usize]);
            let rel = relation(
                &p.units[ga as usize],
                su.speakers[la as usize],
                &p.units[gb as usize],
                su.speakers[lb as usize],
            );
            let (s, ok) = score_pair(p, cfg, ga, gb, rel, false);
            ok.then_some((la, lb, s.score))
        })
        .collect()
}

/// Compares one story (`docs`, canonical indices). `edges`: the accepted
/// matches of the story when they were computed elsewhere (the parts of a
/// split story, [`crate::split`]); `None` computes them here.
fn compare_story(
    p: &Prepared,
    cfg: &Config,
    docs: &[usize],
    id: String,
    edges: Option<Vec<(u32, u32, f64)>>,
) -> StoryResult {
    let (su, people) = story_units(p, docs);
    let dup = clusters::duplicates(p, &su);
    let copy_root = clusters::copy_roots(p, cfg, docs, &su, &dup);
    let accepted = edges.unwrap_or_else(|| matches(p, cfg, &su, &dup, None, None));
    let found = clusters::cluster(p, cfg, &su, &dup, accepted);
    let cx = StoryCx {
        p,
        cfg,
        id: id.clone(),
        units: su.ids.clone(),
        speakers: su.speakers.clone(),
        people,
        copy_root,
        sample: sample_cells(su.ids.len()),
    };
    let mut findings: Vec<Finding> = found
        .par_iter()
        .flat_map_iter(|c| cluster_findings(&cx, c, &dup))
        .collect();
    if cfg.compare_roles {
        findings.extend(story_role_findings(&cx));
    }
    sort_findings(&mut findings, p, docs);
    drop_repeated_attributions(&mut findings);
    let copies = clusters::copy_groups(&cx.copy_root, |d| p.docs[d].article.id.clone());
    let story = Story {
        id: id.clone(),
        articles: docs.iter().map(|&d| p.docs[d].article.id.clone()).collect(),
        copies,
        claims: su.ids.len(),
        clusters: found.len(),
    };
    let people = people_of(&cx, &id);
    StoryResult {
        story,
        findings,
        people,
    }
}

/// The findings of one claim cluster, each with the cluster's id.
fn cluster_findings(cx: &StoryCx, c: &clusters::Cluster, dup: &[u32]) -> Vec<Finding> {
    let p = cx.p;
    let members = member_scores(cx, &c.members, dup);
    let leader = &p.units[cx.units[c.members[0] as usize] as usize];
    let mut found = match leader.kind {
        UnitKind::Quote => classify::quote_findings(cx, &members),
        UnitKind::Sentence => classify::sentence_findings(cx, &members),
    };
    let article = &p.docs[leader.doc].article;
    let cluster = crate::id::cluster_id("claim", &article.id, leader.span.slice(&article.text));
    for f in &mut found {
        f.cluster.clone_from(&cluster);
    }
    found
}

/// The role findings of a story, each with its person's cluster id.
fn story_role_findings(cx: &StoryCx) -> Vec<Finding> {
    let mut roles = classify::role_findings(cx);
    for f in &mut roles {
        // a role finding is about one person: the speaker of its mentions
        let person = f
            .claim()
            .and_then(|m| m.speaker.clone())
            .unwrap_or_default();
        f.cluster = crate::id::cluster_id("person", &cx.id, &person);
    }
    roles
}

/// Keeps one attribution finding per misattributed utterance: the quotes
/// of one utterance (“…,” she said, “…”, or “…,” she said. “…”) are
/// claims of their own, and each would accuse the same outlets of the
/// same misattribution. Two attribution findings whose variants name the same
/// people at the same speaker spans are one; the first in report order
/// stays.
fn drop_repeated_attributions(findings: &mut Vec<Finding>) {
    /// Per variant: the person, and each mention's article and speaker span.
    type Accusation = Vec<(String, Vec<(String, Option<Span>)>)>;
    let mut seen: BTreeSet<Accusation> = BTreeSet::new();
    findings.retain(|f| {
        if f.kind != FindingKind::Attribution {
            return true;
        }
        let key = f
            .variants
            .iter()
            .map(|v| {
                let spans = v
                    .mentions
                    .iter()
                    .map(|m| (m.article.clone(), m.value_span))
                    .collect();
                (v.display.clone(), spans)
            })
            .collect();
        seen.insert(key)
    });
}

/// The members of a cluster with their scores against the leader
/// (duplicates of a representative share its score).
fn member_scores(cx: &StoryCx, members: &[u32], dup: &[u32]) -> Vec<Member> {
    let leader = members[0];
    let gl = cx.units[leader as usize];
    let mut cache: BTreeMap<u32, f64> = BTreeMap::new();
    members
        .iter()
        .map(|&m| {
            let rep = dup[m as usize];
            let score = if rep == dup[leader as usize] {
                1.0
            } else {
                *cache.entry(rep).or_insert_with(|| {
                    let gr = cx.units[rep as usize];
                    let rel = relation(
                        &cx.p.units[gl as usize],
                        cx.speakers[leader as usize],
                        &cx.p.units[gr as usize],
                        cx.speakers[rep as usize],
                    );
                    score_pair(cx.p, cx.cfg, gl, gr, rel, true).0.score
                })
            };
            Member {
                local: m,
                score,
                value: score,
            }
        })
        .collect()
}

/// Findings in a deterministic order: by their first mention (article
/// order, then span), then kind, then id.
fn sort_findings(v: &mut [Finding], p: &Prepared, docs: &[usize]) {
    let rank: BTreeMap<&str, usize> = docs
        .iter()
        .map(|&d| (p.docs[d].article.id.as_str(), d))
        .collect();
    sort_findings_by(v, &rank);
}

/// [`sort_findings`] with each article's rank (its doc index, or any
/// number in the same order).
fn sort_findings_by(v: &mut [Finding], rank: &BTreeMap<&str, usize>) {
    let first = |f: &Finding| -> (usize, Span) {
        f.mentions()
            .map(|(_, m)| (rank.get(m.article.as_str()).copied().unwrap_or(0), m.span))
            .min()
            .unwrap_or_default()
    };
    v.sort_by(|a, b| {
        first(a)
            .cmp(&first(b))
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.id.cmp(&b.id))
    });
}

fn people_of(cx: &StoryCx, story: &str) -> Vec<Person> {
    let roles = roles_by_person(&cx.people, &cx.p.docs);
    cx.people
        .persons
        .iter()
        .zip(roles)
        .map(|(mp, rs)| {
            let mut mentions: Vec<(String, usize)> = mp
                .entities
                .iter()
                .map(|&(d, e)| (cx.p.docs[d].article.id.clone(), e))
                .collect();
            mentions.sort();
            let mut roles: Vec<(String, String)> = rs
                .iter()
                .map(|r| (cx.p.docs[r.doc].article.id.clone(), r.text.clone()))
                .collect();
            roles.sort();
            roles.dedup();
            Person {
                story: story.to_string(),
                name: mp.name.clone(),
                aliases: mp.names.clone(),
                mentions,
                roles,
            }
        })
        .collect()
}

/// Scored matches above thresholds, as `(article a, span a, article b, span
/// b)`, over all stories; for tests comparing blocking with all pairs
/// (feature `test-util`).
#[cfg(feature = "test-util")]
pub fn matched_pairs(input: &[Extraction], cfg: &Config) -> Vec<(String, Span, String, Span)> {
    let groups = story_groups(input, None, cfg);
    let p = claims::prepare(input, cfg);
    let groups = canonical_groups(&p, groups);
    let mut v = Vec::new();
    for g in &groups {
        let (su, _) = story_units(&p, g);
        let dup = clusters::duplicates(&p, &su);
        for (a, b, _) in matches(&p, cfg, &su, &dup, None, None) {
            let (u, w) = (
                &p.units[su.ids[a as usize] as usize],
                &p.units[su.ids[b as usize] as usize],
            );
            v.push((
                p.docs[u.doc].article.id.clone(),
                u.span,
                p.docs[w.doc].article.id.clone(),
                w.span,
            ));
        }
    }
    v.sort();
    v
}
