//! Claim clusters of one story, and syndicated copies.
//!
//! 1. **Duplicates.** Claims with the same words (same kind) are one text:
//!    only the first is scored; the others join its cluster. This is what
//!    keeps a story copied by 50 outlets cheap.
//! 2. **Copies.** Two articles are syndicated copies when most claims of
//!    the shorter one ([`Config::copy_share`]) are duplicates of claims of
//!    the other; copy relations are grouped (union-find).
//! 3. **Clusters.** Matched pairs are taken by descending score. A claim
//!    joins a cluster when it matches the cluster's **leader** (its
//!    longest claim), and two clusters merge when their leaders match:
//!    every member is one step from its leader, so unrelated claims do not
//!    chain into one cluster through a series of near neighbours.

use super::claims::Prepared;
use super::matching::{relation, score_pair};
use super::StoryUnits;
use crate::config::Config;
use crate::sets::DisjointSets;
use std::collections::{BTreeMap, HashMap};

/// Duplicates within a story: for each local claim, the local index of the
/// first claim with the same kind and words.
pub(crate) fn duplicates(p: &Prepared, su: &StoryUnits) -> Vec<u32> {
    let mut first: HashMap<(bool, Vec<u32>), u32> = HashMap::new();
    su.ids
        .iter()
        .enumerate()
        .map(|(l, &g)| {
            let u = &p.units[g as usize];
            let key = (
                u.kind == super::claims::UnitKind::Quote,
                u.toks.iter().map(|t| t.word).collect::<Vec<u32>>(),
            );
            *first.entry(key).or_insert(l as u32)
        })
        .collect()
}

/// Most articles one duplicate text may span and still count towards
/// copy relations: boilerplate shared by hundreds of articles says nothing
/// about copying, and would cost a pair per two articles.
const MAX_COPY_SPREAD: usize = 64;

/// The copy root of each doc of the story (`docs`, canonical indices):
/// the first doc of its copy group, or itself.
pub(crate) fn copy_roots(
    p: &Prepared,
    cfg: &Config,
    docs: &[usize],
    su: &StoryUnits,
    dup: &[u32],
) -> BTreeMap<usize, usize> {
    let claim_docs: Vec<usize> = su.ids.iter().map(|&g| p.units[g as usize].doc).collect();
    copy_roots_of(cfg, docs, &claim_docs, dup)
}

/// The story's copy groups from each article's copy root (see
/// [`copy_roots`]): the ids (`id` of a doc) of the articles sharing a
/// root, by root, for the roots two articles or more share.
pub(crate) fn copy_groups(
    copy_root: &BTreeMap<usize, usize>,
    id: impl Fn(usize) -> String,
) -> Vec<Vec<String>> {
    let mut by_root: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (&d, &r) in copy_root {
        by_root.entry(r).or_default().push(id(d));
    }
    by_root.into_values().filter(|v| v.len() >= 2).collect()
}

/// [`copy_roots`] from the doc of each local claim (`claim_docs`) and
/// the duplicates (`dup`): what a split story's finish computes from its
/// plan, without the claims themselves.
pub(crate) fn copy_roots_of(
    cfg: &Config,
    docs: &[usize],
    claim_docs: &[usize],
    dup: &[u32],
) -> BTreeMap<usize, usize> {
    let mut claims: BTreeMap<usize, usize> = BTreeMap::new();
    let mut groups: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (l, &d) in claim_docs.iter().enumerate() {
        *claims.entry(d).or_default() += 1;
        groups.entry(dup[l]).or_default().push(d);
    }
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for ds in groups.values_mut() {
        ds.sort_unstable();
        ds.dedup();
        if ds.len() < 2 || ds.len() > MAX_COPY_SPREAD {
            continue;
        }
        for (i, &a) in ds.iter().enumerate() {
            for &b in &ds[i + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let index: BTreeMap<usize, usize> = docs.iter().enumerate().map(|(i, &d)| (d, i)).collect();
    let mut sets = DisjointSets::new(docs.len());
    for ((a, b), n) in shared {
        let smaller = claims[&a].min(claims[&b]);
        if n >= cfg.copy_min_claims && n as f64 >= cfg.copy_share * smaller as f64 {
            sets.union(index[&a], index[&b]);
        }
    }
    docs.iter()
        .enumerate()
        .map(|(i, &d)| (d, docs[sets.find(i)]))
        .collect()
}

/// A claim cluster: local claim indices, the leader first, then the
/// others in local order.
#[derive(Clone, Debug)]
pub(crate) struct Cluster {
    pub members: Vec<u32>,
}

/// Builds the clusters from accepted matches between representatives
/// (`matches`: local `(a, b, score)`), then adds the duplicates of every
/// representative. Only clusters spanning two or more articles are
/// returned, ordered by their first member.
pub(crate) fn cluster(
    p: &Prepared,
    cfg: &Config,
    su: &StoryUnits,
    dup: &[u32],
    mut matches: Vec<(u32, u32, f64)>,
) -> Vec<Cluster> {
    matches.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let n = su.ids.len();
    let len = |l: u32| p.units[su.ids[l as usize] as usize].content.len();
    // the longer claim leads; ties go to the earlier one
    let leader_of = |a: u32, b: u32| {
        if (len(b), std::cmp::Reverse(b)) > (len(a), std::cmp::Reverse(a)) {
            b
        } else {
            a
        }
    };
    let passes = |a: u32, b: u32| {
        let (ga, gb) = (su.ids[a as usize], su.ids[b as usize]);
        let rel = relation(
            &p.units[ga as usize],
            su.speakers[a as usize],
            &p.units[gb as usize],
            su.speakers[b as usize],
        );
        score_pair(p, cfg, ga, gb, rel, false).1
    };
    let mut of: Vec<Option<usize>> = vec![None; n];
    // (leader, members); merged clusters are emptied
    let mut clusters: Vec<(u32, Vec<u32>)> = Vec::new();
    for (a, b, _) in matches {
        match (of[a as usize], of[b as usize]) {
            (None, None) => {
                let c = clusters.len();
                clusters.push((leader_of(a, b), vec![a, b]));
                of[a as usize] = Some(c);
                of[b as usize] = Some(c);
            }
            (Some(c), None) | (None, Some(c)) => {
                let (inside, outside) = if of[a as usize].is_some() {
                    (a, b)
                } else {
                    (b, a)
                };
                let l = clusters[c].0;
                if l == inside || passes(l, outside) {
                    clusters[c].1.push(outside);
                    of[outside as usize] = Some(c);
                }
            }
            (Some(c1), Some(c2)) if c1 != c2 => {
                let (l1, l2) = (clusters[c1].0, clusters[c2].0);
                let direct = (l1 == a && l2 == b) || (l1 == b && l2 == a);
                if direct || passes(l1, l2) {
                    let (keep, gone) = if (clusters[c1].1.len(), std::cmp::Reverse(c1))
                        >= (clusters[c2].1.len(), std::cmp::Reverse(c2))
                    {
                        (c1, c2)
                    } else {
                        (c2, c1)
                    };
                    let moved = std::mem::take(&mut clusters[gone].1);
                    for &m in &moved {
                        of[m as usize] = Some(keep);
                    }
                    clusters[keep].1.extend(moved);
                }
            }
            _ => {}
        }
    }
    // Duplicates join their representative's cluster; a duplicated text
    // in no cluster is a cluster of its own.
    let mut dups: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for (l, &r) in dup.iter().enumerate() {
        if r as usize != l {
            dups.entry(r).or_default().push(l as u32);
        }
    }
    for (r, ds) in &dups {
        match of[*r as usize] {
            Some(c) => clusters[c].1.extend(ds.iter().copied()),
            None => {
                let mut members = vec![*r];
                members.extend(ds.iter().copied());
                clusters.push((*r, members));
            }
        }
    }
    let doc = |l: u32| p.units[su.ids[l as usize] as usize].doc;
    let mut out: Vec<Cluster> = clusters
        .into_iter()
        .filter(|(_, m)| !m.is_empty())
        .filter_map(|(leader, mut members)| {
            members.sort_unstable();
            members.dedup();
            let first = doc(members[0]);
            if members.iter().all(|&m| doc(m) == first) {
                return None;
            }
            members.retain(|&m| m != leader);
            members.insert(0, leader);
            Some(Cluster { members })
        })
        .collect();
    out.sort_by_key(|c| c.members.iter().copied().min());
    out
}
