//! Average-link agglomerative clustering over a sparse similarity graph,
//! with a date-span constraint.
//!
//! The average link of two clusters is the sum of the similarities of
//! their members' pairs divided by the number of pairs; a pair without an
//! edge counts as 0. The closest two clusters merge while their average
//! link reaches the threshold and the merged cluster's dates span no more
//! than the window. Ties go to the pair of smaller cluster ids, so the
//! result depends only on the graph.

use super::hash::FixedState;
use crate::sets::DisjointSets;
use crosscheck_parse::NaiveDate;
use rayon::prelude::*;
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

/// First and last publication date of a cluster's dated articles.
pub(crate) type DateRange = Option<(NaiveDate, NaiveDate)>;

/// Days from the first to the last date of the range (0 when undated).
pub(crate) fn span_days(r: DateRange) -> i64 {
    r.map_or(0, |(a, b)| (b - a).num_days())
}

/// The smallest range covering both.
pub(crate) fn join(a: DateRange, b: DateRange) -> DateRange {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
        (x, None) | (None, x) => x,
    }
}

/// Days between two ranges (0 when they overlap or one is undated).
pub(crate) fn gap_days(a: DateRange, b: DateRange) -> i64 {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => (b0 - a1).num_days().max((a0 - b1).num_days()).max(0),
        _ => 0,
    }
}

/// May clusters with these ranges merge? The merged span must fit the
/// window, or not exceed the wider of the two (a copy group republished
/// later may already span more than the window).
pub(crate) fn may_join(a: DateRange, b: DateRange, window: i64) -> bool {
    span_days(join(a, b)) <= window.max(span_days(a)).max(span_days(b))
}

/// [`average_link`] run on each connected component of the graph in
/// parallel (components never merge, so the result is the same as one
/// run over the whole graph, only faster).
pub(crate) fn average_link_by_component(
    n: usize,
    edges: &[(u32, u32, f32)],
    dates: &[DateRange],
    threshold: f64,
    window: i64,
) -> (Vec<u32>, Vec<f64>) {
    let mut sets = DisjointSets::new(n);
    for &(a, b, _) in edges {
        sets.union(a as usize, b as usize);
    }
    let component: Vec<u32> = sets.roots().into_iter().map(|r| r as u32).collect();
    // nodes of every component with an edge, ascending; edges likewise
    let mut nodes: Vec<(u32, u32)> = (0..n as u32).map(|u| (component[u as usize], u)).collect();
    nodes.sort_unstable();
    let mut by_comp: Vec<(u32, usize)> = edges
        .iter()
        .enumerate()
        .map(|(e, &(a, _, _))| (component[a as usize], e))
        .collect();
    by_comp.sort_unstable();
    let node_runs: Vec<&[(u32, u32)]> = nodes.chunk_by(|x, y| x.0 == y.0).collect();
    let edge_runs: Vec<&[(u32, usize)]> = by_comp.chunk_by(|x, y| x.0 == y.0).collect();
    // pair every component that has edges with its nodes
    // (component id, node) and (component id, edge index) runs
    type Job<'a> = (&'a [(u32, u32)], &'a [(u32, usize)]);
    let mut jobs: Vec<Job> = Vec::new();
    let mut k = 0;
    for run in &edge_runs {
        while node_runs[k][0].0 != run[0].0 {
            k += 1;
        }
        jobs.push((node_runs[k], run));
    }
    let results: Vec<(Vec<u32>, Vec<f64>)> = jobs
        .par_iter()
        .map(|&(members, comp_edges)| {
            // local numbering, in global order (ties break the same way)
            let local = |u: u32| members.partition_point(|m| m.1 < u) as u32;
            let e: Vec<(u32, u32, f32)> = comp_edges
                .iter()
                .map(|&(_, i)| {
                    let (a, b, w) = edges[i];
                    (local(a), local(b), w)
                })
                .collect();
            let d: Vec<DateRange> = members.iter().map(|m| dates[m.1 as usize]).collect();
            average_link(members.len(), &e, &d, threshold, window)
        })
        .collect();
    let mut root: Vec<u32> = (0..n as u32).collect();
    let mut weakest = vec![f64::INFINITY; n];
    for ((members, _), (r, w)) in jobs.iter().zip(results) {
        for (i, m) in members.iter().enumerate() {
            root[m.1 as usize] = members[r[i] as usize].1;
            weakest[m.1 as usize] = w[i];
        }
    }
    (root, weakest)
}

#[derive(PartialEq)]
struct Entry {
    avg: f64,
    lo: u32,
    hi: u32,
    ver_lo: u32,
    ver_hi: u32,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.avg
            .total_cmp(&other.avg)
            .then_with(|| other.lo.cmp(&self.lo))
            .then_with(|| other.hi.cmp(&self.hi))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

type Links = HashMap<u32, f64, FixedState>;

/// Clusters `n` nodes joined by `edges` `(a, b, similarity)` (each pair at
/// most once). Returns every node's cluster as the smallest node of it,
/// and for every cluster (at its smallest node) the weakest merge that
/// formed it: the lowest average similarity at which two of its parts
/// joined (infinite for a cluster of one).
pub(crate) fn average_link(
    n: usize,
    edges: &[(u32, u32, f32)],
    dates: &[DateRange],
    threshold: f64,
    window: i64,
) -> (Vec<u32>, Vec<f64>) {
    let mut links: Vec<Links> = vec![Links::with_hasher(FixedState); n];
    for &(a, b, s) in edges {
        *links[a as usize].entry(b).or_insert(0.0) += s as f64;
        *links[b as usize].entry(a).or_insert(0.0) += s as f64;
    }
    let mut size = vec![1u32; n];
    let mut version = vec![0u32; n];
    let mut dates = dates.to_vec();
    // every node points to the node it merged into (itself while alive)
    let mut merged_into: Vec<u32> = (0..n as u32).collect();
    let mut weakest = vec![f64::INFINITY; n];
    let mut heap = BinaryHeap::new();
    for &(a, b, s) in edges {
        if s as f64 >= threshold {
            let (lo, hi) = (a.min(b), a.max(b));
            heap.push(Entry {
                avg: s as f64,
                lo,
                hi,
                ver_lo: 0,
                ver_hi: 0,
            });
        }
    }
    while let Some(e) = heap.pop() {
        let (lo, hi) = (e.lo as usize, e.hi as usize);
        let stale = merged_into[lo] != e.lo
            || merged_into[hi] != e.hi
            || version[lo] != e.ver_lo
            || version[hi] != e.ver_hi;
        if stale || !may_join(dates[lo], dates[hi], window) {
            continue;
        }
        // merge hi into lo
        weakest[lo] = weakest[lo].min(weakest[hi]).min(e.avg);
        merged_into[hi] = e.lo;
        version[lo] += 1;
        size[lo] += size[hi];
        dates[lo] = join(dates[lo], dates[hi]);
        let mut a = std::mem::take(&mut links[lo]);
        let mut b = std::mem::take(&mut links[hi]);
        a.remove(&e.hi);
        b.remove(&e.lo);
        if a.len() < b.len() {
            std::mem::swap(&mut a, &mut b);
        }
        for (c, s) in b {
            *a.entry(c).or_insert(0.0) += s;
        }
        for (&c, &s) in &a {
            let cl = &mut links[c as usize];
            cl.remove(&e.hi);
            cl.insert(e.lo, s);
            let avg = s / (size[lo] as f64 * size[c as usize] as f64);
            if avg >= threshold {
                let (x, y) = (e.lo.min(c), e.lo.max(c));
                heap.push(Entry {
                    avg,
                    lo: x,
                    hi: y,
                    ver_lo: version[x as usize],
                    ver_hi: version[y as usize],
                });
            }
        }
        links[lo] = a;
    }
    // follow the merge chains to the surviving node
    let roots = (0..n)
        .map(|i| {
            let mut r = i as u32;
            while merged_into[r as usize] != r {
                r = merged_into[r as usize];
            }
            r
        })
        .collect();
    (roots, weakest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_link_merges_close_pairs_only() {
        // 0-1-2 tight; 3 close to 2 only; 4 alone
        let edges = [
            (0, 1, 0.9),
            (1, 2, 0.8),
            (0, 2, 0.7),
            (2, 3, 0.5),
            (3, 4, 0.05),
        ];
        let (r, weakest) = average_link(5, &edges, &[None; 5], 0.3, 3);
        assert_eq!(r, [0, 0, 0, 3, 4]);
        // 0 and 1 at 0.9, then 2 at (0.8 + 0.7) / 2
        assert_eq!(weakest[0], 0.75);
        assert_eq!(weakest[3], f64::INFINITY);
        // with a low threshold 3 joins (0.5 / 3 ≥ 0.15)
        let (r, _) = average_link(5, &edges, &[None; 5], 0.15, 3);
        assert_eq!(r, [0, 0, 0, 0, 4]);
    }

    #[test]
    fn components_in_parallel_give_the_same_clusters() {
        let edges = [
            (0, 2, 0.9),
            (2, 4, 0.8),
            (0, 4, 0.7),
            (1, 3, 0.5),
            (3, 5, 0.05),
            (6, 7, 0.2),
        ];
        let dates = [None; 9];
        for t in [0.01, 0.1, 0.3, 0.6] {
            assert_eq!(
                average_link_by_component(9, &edges, &dates, t, 3),
                average_link(9, &edges, &dates, t, 3),
                "threshold {t}"
            );
        }
    }

    #[test]
    fn dates_outside_the_window_never_merge() {
        let day = |m, dd| {
            let x = NaiveDate::from_ymd_opt(2024, m, dd).unwrap();
            Some((x, x))
        };
        let dates = [day(3, 1), day(3, 2), day(6, 1)];
        let edges = [(0, 1, 0.9), (1, 2, 0.9), (0, 2, 0.9)];
        let (r, _) = average_link(3, &edges, &dates, 0.3, 3);
        assert_eq!(r, [0, 0, 2]);
    }
}
