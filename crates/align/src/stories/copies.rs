//! Near-duplicate articles (syndicated copy): MinHash sketches bucketed by
//! bands (locality-sensitive hashing), candidates verified on the whole
//! sketch, joined with a union-find.

use super::features::{jaccard, BINS};
use super::hash::mix;
use crate::sets::DisjointSets;
use rayon::prelude::*;

/// Bins per band: a pair with Jaccard `J` shares a band with probability
/// `1 - (1 - J^3)^21` (0.94 at `J = 0.5`, 0.16 at `J = 0.2`).
const ROWS: usize = 3;
const BANDS: usize = BINS / ROWS;
/// Members of one bucket that start a group of their own before the rest
/// of the bucket is only compared with them: bounds the work on a bucket
/// of many distinct texts (shared boilerplate).
const MAX_LEADERS: usize = 16;

/// How two sketches must compare for the articles to be copies of one
/// text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CopyRule {
    /// Minimum estimated Jaccard similarity of the shingle sets.
    pub jaccard: f64,
    /// Minimum estimated containment of the shorter text in the longer.
    pub containment: f64,
    /// Minimum shingles of the shorter text for the containment rule.
    pub min_shingles: u32,
}

impl CopyRule {
    /// True when the two articles are copies of one text.
    pub fn copies(&self, a: &[u32], na: u32, b: &[u32], nb: u32) -> bool {
        let j = jaccard(a, b);
        if j >= self.jaccard {
            return true;
        }
        let small = na.min(nb);
        if j == 0.0 || small < self.min_shingles {
            return false;
        }
        // |A ∩ B| = J |A ∪ B| and |A ∪ B| = (|A| + |B|) / (1 + J)
        let inter = j * (na as f64 + nb as f64) / (1.0 + j);
        inter / small as f64 >= self.containment
    }
}

/// Groups articles whose sketches say they are copies of one text.
/// Returns, for every article, the smallest index of its copy group.
pub(crate) fn groups(sketches: &[&[u32]], shingles: &[u32], rule: &CopyRule) -> Vec<u32> {
    let n = sketches.len();
    // (band key, article) for every band of every sketched article
    let mut keyed: Vec<(u64, u32)> = (0..n)
        .into_par_iter()
        .flat_map_iter(|i| {
            let s = sketches[i];
            (0..if s.is_empty() { 0 } else { BANDS }).map(move |b| {
                let mut h = mix(b as u64 + 1);
                for &v in &s[b * ROWS..(b + 1) * ROWS] {
                    h = mix(h ^ v as u64);
                }
                (h, i as u32)
            })
        })
        .collect();
    keyed.par_sort_unstable();
    // bucket boundaries
    let mut starts = Vec::new();
    for k in 0..keyed.len() {
        if k == 0 || keyed[k].0 != keyed[k - 1].0 {
            starts.push(k);
        }
    }
    starts.push(keyed.len());
    // verified pairs, bucket by bucket (members in article order)
    let pairs: Vec<(u32, u32)> = starts
        .par_windows(2)
        .filter(|w| w[1] - w[0] > 1)
        .flat_map_iter(|w| {
            let members = &keyed[w[0]..w[1]];
            let mut leaders: Vec<u32> = Vec::new();
            let mut out = Vec::new();
            for &(_, i) in members {
                let hit = leaders.iter().copied().find(|&l| {
                    rule.copies(
                        sketches[l as usize],
                        shingles[l as usize],
                        sketches[i as usize],
                        shingles[i as usize],
                    )
                });
                match hit {
                    Some(l) => out.push((l, i)),
                    None if leaders.len() < MAX_LEADERS => leaders.push(i),
                    None => {}
                }
            }
            out
        })
        .collect();
    let mut sets = DisjointSets::new(n);
    for (a, b) in pairs {
        sets.union(a as usize, b as usize);
    }
    sets.roots().into_iter().map(|r| r as u32).collect()
}
