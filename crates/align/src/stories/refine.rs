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
//! cut in two by a normalised cut (spectral bisection). The cut's *separation* is the average
//! similarity across the two parts divided by the average inside them. Any
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
    let local = reweight(&rows.iter().map(|&r| vectors[r]).collect::<Vec<_>>());
    let side = bisect_spectral(&local);
    let (sep, small) = separation(&local, &side);
    if small < 2 || !sep.is_finite() {
        return None;
    }
    let mut chance = 0.0;
    for draw in 0..NULL_DRAWS {
        let shuffled = deal(&local, mix(0x5eed ^ (n as u64) << 8 ^ draw));
        chance += separation(&shuffled, &bisect_spectral(&shuffled)).0 / NULL_DRAWS as f64;
    }
    if sep <= ratio * chance {
        let part = |s: bool| (0..n).filter(|&i| side[i] == s).map(|i| rows[i]).collect();
        Some((part(false), part(true)))
    } else {
        None
    }
}

/// Weights every key by `ln(n / df)` inside the set, then L2-normalises.
fn reweight(rows: &[&[(u32, f32)]]) -> Vec<Row> {
    let n = rows.len() as f64;
    let mut keys: Vec<u32> = rows.iter().flat_map(|r| r.iter().map(|e| e.0)).collect();
    keys.sort_unstable();
    let df = |k: u32| keys.partition_point(|&x| x <= k) - keys.partition_point(|&x| x < k);
    rows.iter()
        .map(|r| {
            let mut v: Row = r
                .iter()
                .map(|&(k, w)| (k, w as f64 * (n / df(k) as f64).ln()))
                .filter(|e| e.1 > 0.0)
                .collect();
            normalise(&mut v);
            v
        })
        .collect()
}

/// The same keys with the same weights, each key's occurrences dealt to
/// random rows (a fixed-seed xorshift): document frequencies kept,
/// co-occurrence destroyed.
fn deal(rows: &[Row], seed: u64) -> Vec<Row> {
    let n = rows.len();
    let mut all: Vec<(u32, f64)> = rows.iter().flatten().copied().collect();
    all.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut state = seed | 1;
    let mut next = |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    let mut order: Vec<usize> = (0..n).collect();
    let mut out: Vec<Row> = vec![Vec::new(); n];
    let mut k = 0;
    while k < all.len() {
        let end = k + all[k..].iter().take_while(|e| e.0 == all[k].0).count();
        // partial Fisher-Yates: distinct rows for the key's occurrences
        for (i, &(key, w)) in all[k..end].iter().enumerate() {
            let j = i + next(n - i);
            order.swap(i, j);
            out[order[i]].push((key, w));
        }
        k = end;
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
/// cut off one odd article. `true` marks the second part.
fn bisect_spectral(rows: &[Row]) -> Vec<bool> {
    let n = rows.len();
    let mut w = vec![0.0f64; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let s = dot(&rows[i], &rows[j]).max(0.0);
            w[i * n + j] = s;
            w[j * n + i] = s;
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
fn separation(rows: &[Row], side: &[bool]) -> (f64, usize) {
    let sum = |s: bool| summed(rows, side, s);
    let (sa, sb) = (sum(false), sum(true));
    let na = side.iter().filter(|&&x| !x).count();
    let nb = side.len() - na;
    let self_sim = |s: bool| {
        rows.iter()
            .zip(side)
            .filter(|(_, &x)| x == s)
            .map(|(r, _)| dot(r, r))
            .sum::<f64>()
    };
    let inside_pairs = (na * na.saturating_sub(1) + nb * nb.saturating_sub(1)) / 2;
    let inside = (dot(&sa, &sa) - self_sim(false) + dot(&sb, &sb) - self_sim(true)) / 2.0;
    let across = dot(&sa, &sb);
    if inside_pairs == 0 || na == 0 || nb == 0 {
        return (f64::NAN, 0);
    }
    let inside = inside / inside_pairs as f64;
    let across = across / (na * nb) as f64;
    (across / inside, na.min(nb))
}

fn summed(rows: &[Row], side: &[bool], s: bool) -> Row {
    let mut all: Vec<(u32, f64)> = rows
        .iter()
        .zip(side)
        .filter(|(_, &x)| x == s)
        .flat_map(|(r, _)| r.iter().copied())
        .collect();
    all.sort_unstable_by_key(|e| e.0);
    let mut out: Row = Vec::new();
    for (k, w) in all {
        match out.last_mut() {
            Some(last) if last.0 == k => last.1 += w,
            _ => out.push((k, w)),
        }
    }
    out
}

fn normalise(v: &mut Row) {
    let norm = v.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|e| e.1 /= norm);
    }
}

fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
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
