//! Small stories join the story they are a fragment of.
//!
//! A brief of one or two sentences shares few words with most reports of
//! its event, so its *average* similarity to a story of fifteen reports
//! stays under the clustering threshold even when every word it has is
//! one of the story's words. Against the story's **centroid** (the sum of
//! its members' vectors, normalised), it scores as high as its words are
//! central to the story. So a story of at most [`SMALL_STORY`] articles
//! joins the larger story whose centroid is the closest, when that cosine
//! reaches the attach threshold and the dates fit the window.
//!
//! Only larger stories attract: two small stories never join here, and a
//! syndicated story carried by several outlets is not small. The result
//! depends on the stories before this step alone (every small story is
//! scored against the same centroids), not on the order of the work.

use super::cluster::{join, may_join, DateRange};
use super::dot;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Stories of at most this many articles are fragments that may join a
/// larger story.
pub(crate) const SMALL_STORY: usize = 3;

/// The stories as the attach step sees them: per copy group, its story
/// (a root group), article count, vector and dates.
pub(crate) struct Stories<'a> {
    /// Copy group → root copy group of its story.
    pub root: &'a [u32],
    /// Copy group → number of articles in it.
    pub articles: &'a [u32],
    /// Copy group → weighted, normalised vector sorted by key.
    pub vectors: Vec<&'a [(u32, f32)]>,
    /// Copy group → publication dates.
    pub dates: &'a [DateRange],
}

/// For every small story that should join a larger one, `(its root, the
/// larger story's root)`, ordered by the small story's root. Candidates
/// are the stories of the groups a small story's groups have an edge to.
pub(crate) fn attachments(
    s: &Stories,
    edges: &[(u32, u32, f32)],
    threshold: f64,
    window: i64,
) -> Vec<(u32, u32)> {
    let units = s.root.len();
    let mut articles = vec![0usize; units];
    let mut dates: Vec<DateRange> = vec![None; units];
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); units];
    for u in 0..units {
        let r = s.root[u] as usize;
        articles[r] += s.articles[u] as usize;
        dates[r] = join(dates[r], s.dates[u]);
        members[r].push(u as u32);
    }
    let small = |r: u32| articles[r as usize] <= SMALL_STORY;
    // candidate larger stories of every small story
    let mut candidates: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for &(a, b, _) in edges {
        let (ra, rb) = (s.root[a as usize], s.root[b as usize]);
        if ra == rb {
            continue;
        }
        for (x, y) in [(ra, rb), (rb, ra)] {
            if small(x) && !small(y) {
                candidates.entry(x).or_default().push(y);
            }
        }
    }
    for c in candidates.values_mut() {
        c.sort_unstable();
        c.dedup();
    }
    // centroids of the stories concerned
    let mut wanted: Vec<u32> = candidates
        .iter()
        .flat_map(|(&r, c)| std::iter::once(r).chain(c.iter().copied()))
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let centroids: Vec<Vec<(u32, f32)>> = wanted
        .par_iter()
        .map(|&r| centroid(members[r as usize].iter().map(|&u| s.vectors[u as usize])))
        .collect();
    let of = |r: u32| &centroids[wanted.binary_search(&r).expect("wanted")];
    let jobs: Vec<(&u32, &Vec<u32>)> = candidates.iter().collect();
    jobs.par_iter()
        .filter_map(|&(&r, cands)| {
            let mine = of(r);
            let mut best: Option<(f64, u32)> = None;
            for &t in cands {
                if !may_join(dates[r as usize], dates[t as usize], window) {
                    continue;
                }
                let sim = dot(mine, of(t));
                if best.is_none_or(|(b, _)| sim > b) {
                    best = Some((sim, t));
                }
            }
            best.filter(|&(sim, _)| sim >= threshold)
                .map(|(_, t)| (r, t))
        })
        .collect()
}

/// The normalised sum of `vectors` (each sorted by key), sorted by key.
fn centroid<'a>(vectors: impl Iterator<Item = &'a [(u32, f32)]>) -> Vec<(u32, f32)> {
    let mut all: Vec<(u32, f32)> = vectors.flat_map(|v| v.iter().copied()).collect();
    all.sort_unstable_by_key(|e| e.0);
    let mut out: Vec<(u32, f32)> = Vec::new();
    let mut sum = 0.0f64;
    for (k, (key, w)) in all.iter().enumerate() {
        sum += *w as f64;
        if all.get(k + 1).is_none_or(|n| n.0 != *key) {
            out.push((*key, sum as f32));
            sum = 0.0;
        }
    }
    let norm = out.iter().map(|e| (e.1 as f64).powi(2)).sum::<f64>().sqrt();
    if norm > 0.0 {
        out.iter_mut()
            .for_each(|e| e.1 = (e.1 as f64 / norm) as f32);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centroid_sums_and_normalises() {
        let a = [(1, 0.6), (2, 0.8)];
        let b = [(2, 0.8), (3, 0.6)];
        let c = centroid([&a[..], &b[..]].into_iter());
        assert_eq!(c.iter().map(|e| e.0).collect::<Vec<_>>(), [1, 2, 3]);
        let norm: f32 = c.iter().map(|e| e.1 * e.1).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        assert!(c[1].1 > c[0].1 && (c[0].1 - c[2].1).abs() < 1e-6);
    }

    #[test]
    fn a_fragment_joins_the_larger_story_only() {
        // groups 0-3: a story of four reports; 4: a one-line brief sharing
        // its central words; 5: an unrelated brief
        let v: Vec<Vec<(u32, f32)>> = vec![
            vec![(1, 0.5), (2, 0.5), (3, 0.5), (10, 0.5)],
            vec![(1, 0.5), (2, 0.5), (4, 0.5), (11, 0.5)],
            vec![(1, 0.5), (3, 0.5), (4, 0.5), (12, 0.5)],
            vec![(2, 0.5), (3, 0.5), (4, 0.5), (13, 0.5)],
            vec![(1, 0.7), (2, 0.7)],
            vec![(30, 0.7), (31, 0.7)],
        ];
        let root = [0, 0, 0, 0, 4, 5];
        let articles = [1; 6];
        let dates = [None; 6];
        let s = Stories {
            root: &root,
            articles: &articles,
            vectors: v.iter().map(Vec::as_slice).collect(),
            dates: &dates,
        };
        // the brief's pair with one report is under the clustering
        // threshold on average, its cosine with the centroid is not
        let edges = [(0, 4, 0.5), (4, 5, 0.01)];
        assert_eq!(attachments(&s, &edges, 0.2, 3), [(4, 0)]);
        // a story of four articles is not small: it never moves
        let articles = [1, 1, 1, 1, 4, 1];
        let s = Stories {
            articles: &articles,
            ..s
        };
        assert!(attachments(&s, &edges, 0.2, 3).is_empty());
    }
}
