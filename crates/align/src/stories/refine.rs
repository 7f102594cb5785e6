//! Splitting a story that holds two similar events.
//!
//! Two earthquakes, two rulings on one person, two pirate attacks in the
//! same gulf share their topic words, so the corpus-wide weights join
//! them. Inside the story those shared words say nothing; what tells the
//! events apart are the details each event's articles share among
//! themselves and not with the others: a name, a place, a day, a number.
//!
//! So the story's articles are weighted again by document frequency
//! *inside the story* (`ln(n / df)`: a key every article has weighs 0) and
//! cut in two by a normalised cut (spectral bisection). The cut's
//! *separation* is the average similarity across the two parts divided by the average inside them. Any
//! set of articles can be cut somewhere, and small sets cut cleanly by
//! chance, so the separation is compared with the one the same procedure
//! finds after each key's occurrences are dealt to random articles (same
//! document frequencies, no co-occurrence structure). The cut is kept when
//! it is at most `ratio` times that chance level and both parts have two
//! articles or more; each kept part is tried again.

use super::hash::mix;

/// Shuffles that estimate the chance separation.
const NULL_DRAWS: u64 = 8;
/// Rounds of power iteration at most.
const POWER_ROUNDS: usize = 300;

/// A sparse row over the set's own key numbering `0..keys`, sorted.
type Row = Vec<(u32, f64)>;

/// Partitions the rows of `vectors` (sparse, sorted by key) into parts:
/// lists of row indices, ascending, parts ordered by their first row.
pub(crate) fn split(vectors: &[&[(u32, f32)]], ratio: f64, max_rows: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut todo = vec![(0..vectors.len()).collect::<Vec<usize>>()];
    while let Some(rows) = todo.pop() {
        match bisect(vectors, &rows, ratio, max_rows) {
            Some((a, b)) => {
                todo.push(b);
                todo.push(a);
            }
            None => out.push(rows),
        }
    }
    out.sort_unstable_by_key(|p| p[0]);
    out
}

/// The two parts of `rows` (ascending) when they are far enough apart.
fn bisect(
    vectors: &[&[(u32, f32)]],
    rows: &[usize],
    ratio: f64,
    max_rows: usize,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let n = rows.len();
    if n < 4 || n > max_rows {
        return None;
    }
    let (local, keys) = reweight(&rows.iter().map(|&r| vectors[r]).collect::<Vec<_>>());
    let mut scratch = vec![0.0f64; keys];
    let side = bisect_spectral(&local, &mut scratch);
    let (sep, small) = separation(&local, &side, keys);
    if small < 2 || !sep.is_finite() {
        return None;
    }
    let mut chance = 0.0;
    for draw in 0..NULL_DRAWS {
        let shuffled = deal(&local, keys, mix(0x5eed ^ (n as u64) << 8 ^ draw));
        let cut = bisect_spectral(&shuffled, &mut scratch);
        chance += separation(&shuffled, &cut, keys).0 / NULL_DRAWS as f64;
    }
    if sep <= ratio * chance {
        let part = |s: bool| (0..n).filter(|&i| side[i] == s).map(|i| rows[i]).collect();
        Some((part(false), part(true)))
    } else {
        None
    }
}

/// Renumbers the keys of the set `0..keys` (in key order), weights every
/// key by `ln(n / df)` inside the set and L2-normalises. Returns the rows
/// and the number of keys.
fn reweight(rows: &[&[(u32, f32)]]) -> (Vec<Row>, usize) {
    let n = rows.len() as f64;
    let mut keys: Vec<u32> = rows.iter().flat_map(|r| r.iter().map(|e| e.0)).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut df = vec![0u32; keys.len()];
    let local: Vec<Vec<(u32, f32)>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|&(k, w)| {
                    let id = keys.partition_point(|&x| x < k);
                    df[id] += 1;
                    (id as u32, w)
                })
                .collect()
        })
        .collect();
    let rows = local
        .into_iter()
        .map(|r| {
            let mut v: Row = r
                .into_iter()
                .map(|(k, w)| (k, w as f64 * (n / df[k as usize] as f64).ln()))
                .filter(|e| e.1 > 0.0)
                .collect();
            normalise(&mut v);
            v
        })
        .collect();
    (rows, keys.len())
}

/// The same keys with the same weights, each key's occurrences dealt to
/// random rows (a fixed-seed xorshift): document frequencies kept,
/// co-occurrence destroyed.
fn deal(rows: &[Row], keys: usize, seed: u64) -> Vec<Row> {
    let n = rows.len();
    // the weights of every key, grouped by key (counting sort)
    let mut start = vec![0usize; keys + 1];
    for r in rows {
        for &(k, _) in r {
            start[k as usize + 1] += 1;
        }
    }
    for k in 0..keys {
        start[k + 1] += start[k];
    }
    let mut fill = start.clone();
    let mut weights = vec![0.0f64; start[keys]];
    for r in rows {
        for &(k, w) in r {
            weights[fill[k as usize]] = w;
            fill[k as usize] += 1;
        }
    }
    let mut state = seed | 1;
    let mut next = |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    let mut order: Vec<usize> = (0..n).collect();
    let mut out: Vec<Row> = vec![Vec::new(); n];
    for k in 0..keys {
        // partial Fisher-Yates: distinct rows for the key's occurrences;
        // keys in order, so every row stays sorted
        for (i, &w) in weights[start[k]..start[k + 1]].iter().enumerate() {
            let j = i + next(n - i);
            order.swap(i, j);
            out[order[i]].push((k as u32, w));
        }
    }
    for r in &mut out {
        normalise(r);
    }
    out
}

/// Normalised-cut bisection (Shi and Malik 2000): the sign of the second
/// eigenvector of `D^-1/2 W D^-1/2`, where `W` holds the pairwise
/// similarities and `D` their row sums, found by power iteration from a
/// fixed start. Unlike a cut at the last merge of average link, it does not
/// cut off one odd article. `true` marks the second part. `dense` is
/// scratch space of one slot per key, left zeroed.
fn bisect_spectral(rows: &[Row], dense: &mut [f64]) -> Vec<bool> {
    let n = rows.len();
    let mut w = vec![0.0f64; n * n];
    for i in 0..n {
        for &(k, x) in &rows[i] {
            dense[k as usize] = x;
        }
        for j in i + 1..n {
            let s: f64 = rows[j].iter().map(|&(k, x)| x * dense[k as usize]).sum();
            w[i * n + j] = s.max(0.0);
            w[j * n + i] = s.max(0.0);
        }
        for &(k, _) in &rows[i] {
            dense[k as usize] = 0.0;
        }
    }
    let d: Vec<f64> = (0..n)
        .map(|i| w[i * n..(i + 1) * n].iter().sum::<f64>().max(1e-12))
        .collect();
    let inv_sqrt: Vec<f64> = d.iter().map(|x| 1.0 / x.sqrt()).collect();
    for i in 0..n {
        for j in 0..n {
            w[i * n + j] *= inv_sqrt[i] * inv_sqrt[j];
        }
    }
    // the first eigenvector (eigenvalue 1) is sqrt(d), normalised
    let total: f64 = d.iter().sum();
    let first: Vec<f64> = d.iter().map(|x| (x / total).sqrt()).collect();
    // a fixed start, not parallel to the first eigenvector
    let mut x: Vec<f64> = (0..n)
        .map(|i| ((i * 7919) % 97) as f64 / 97.0 - 0.5)
        .collect();
    let mut y = vec![0.0; n];
    for _ in 0..POWER_ROUNDS {
        // (M + I) x: the shift makes every eigenvalue non-negative
        for i in 0..n {
            y[i] = x[i]
                + w[i * n..(i + 1) * n]
                    .iter()
                    .zip(&x)
                    .map(|(a, b)| a * b)
                    .sum::<f64>();
        }
        let along: f64 = y.iter().zip(&first).map(|(a, b)| a * b).sum();
        y.iter_mut().zip(&first).for_each(|(a, b)| *a -= along * b);
        let norm = y.iter().map(|a| a * a).sum::<f64>().sqrt();
        if norm < 1e-12 {
            break;
        }
        let change: f64 = y.iter().zip(&x).map(|(a, b)| (a / norm - b).abs()).sum();
        x.iter_mut().zip(&y).for_each(|(a, b)| *a = b / norm);
        if change < 1e-9 {
            break;
        }
    }
    x.iter().zip(&inv_sqrt).map(|(a, s)| a * s > 0.0).collect()
}

/// Average similarity across the parts over the average inside them, and
/// the size of the smaller part. Pair sums come from the parts' summed
/// vectors: `Σ_{i<j} v_i·v_j = (|Σ v|² − Σ |v|²) / 2`.
fn separation(rows: &[Row], side: &[bool], keys: usize) -> (f64, usize) {
    let (mut sa, mut sb) = (vec![0.0f64; keys], vec![0.0f64; keys]);
    let (mut na, mut nb, mut self_a, mut self_b) = (0usize, 0usize, 0.0, 0.0);
    for (r, &s) in rows.iter().zip(side) {
        let (sum, count, own) = if s {
            (&mut sb, &mut nb, &mut self_b)
        } else {
            (&mut sa, &mut na, &mut self_a)
        };
        *count += 1;
        for &(k, x) in r {
            sum[k as usize] += x;
            *own += x * x;
        }
    }
    let inside_pairs = (na * na.saturating_sub(1) + nb * nb.saturating_sub(1)) / 2;
    if inside_pairs == 0 || na == 0 || nb == 0 {
        return (f64::NAN, 0);
    }
    let sq = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>();
    let inside = (sq(&sa) - self_a + sq(&sb) - self_b) / 2.0 / inside_pairs as f64;
    let across = sa.iter().zip(&sb).map(|(a, b)| a * b).sum::<f64>() / (na * nb) as f64;
    (across / inside, na.min(nb))
}

fn normalise(v: &mut Row) {
    let norm = v.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|e| e.1 /= norm);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows built from key lists, all weights 1.
    fn rows(keys: &[&[u32]]) -> Vec<Vec<(u32, f32)>> {
        keys.iter()
            .map(|ks| ks.iter().map(|&k| (k, 1.0)).collect())
            .collect()
    }

    #[test]
    fn two_events_with_their_own_details_split() {
        // topic keys 1-3 everywhere; event A has 10-12, event B 20-22
        let r = rows(&[
            &[1, 2, 3, 10, 11, 12, 30],
            &[1, 2, 3, 10, 11, 31],
            &[1, 2, 10, 12, 32],
            &[1, 3, 11, 12, 33],
            &[1, 2, 3, 20, 21, 22, 34],
            &[1, 2, 20, 21, 35],
            &[2, 3, 20, 22, 36],
            &[1, 3, 21, 22, 37],
        ]);
        let v: Vec<&[(u32, f32)]> = r.iter().map(Vec::as_slice).collect();
        assert_eq!(
            split(&v, 0.5, 100),
            vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7]]
        );
    }

    #[test]
    fn one_event_stays_whole() {
        // every article shares the details, each adds its own words
        let r = rows(&[
            &[1, 2, 3, 10, 11, 40],
            &[1, 2, 10, 11, 12, 41],
            &[1, 3, 10, 12, 42],
            &[2, 3, 11, 12, 43],
            &[1, 2, 3, 10, 44],
            &[1, 10, 11, 12, 45],
            &[2, 3, 10, 11, 46],
            &[1, 2, 12, 47],
        ]);
        let v: Vec<&[(u32, f32)]> = r.iter().map(Vec::as_slice).collect();
        assert_eq!(split(&v, 0.5, 100), vec![(0..8).collect::<Vec<_>>()]);
    }
}
