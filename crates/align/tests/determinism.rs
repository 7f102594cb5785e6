//! Determinism and blocking: shuffled input and thread counts give the same
//! findings; blocking finds what the all-pairs reference finds.

use crosscheck_align::fixture::corpus;
use crosscheck_align::{compare, matched_pairs, Alignment, Config, FindingKind};
use proptest::prelude::*;

fn in_pool(threads: usize, f: impl FnOnce() -> Alignment + Send) -> Alignment {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn shuffled_input_and_threads_give_identical_findings(
        seed in 0u64..1000,
        n in 4usize..16,
        perm_seed in any::<u64>(),
        threads in 2usize..5,
    ) {
        let docs = corpus(n, seed);
        let cfg = Config::default();
        let reference = in_pool(1, || compare(&docs, &cfg));
        let mut shuffled = docs.clone();
        // Fisher-Yates with a fixed LCG.
        let mut s = perm_seed | 1;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let j = (s >> 33) as usize % (i + 1);
            shuffled.swap(i, j);
        }
        let other = in_pool(threads, || compare(&shuffled, &cfg));
        prop_assert_eq!(&reference, &other);
    }
}

#[test]
fn blocking_finds_what_all_pairs_finds() {
    let docs = corpus(40, 7);
    let blocked = matched_pairs(&docs, &Config::default());
    let all = matched_pairs(
        &docs,
        &Config {
            all_pairs: true,
            ..Config::default()
        },
    );
    assert!(!all.is_empty());
    assert_eq!(blocked, all);
    let fb = compare(&docs, &Config::default());
    let fa = compare(
        &docs,
        &Config {
            all_pairs: true,
            ..Config::default()
        },
    );
    assert_eq!(fb, fa);
}

#[test]
fn generated_corpus_findings_stay_within_stories() {
    let docs = corpus(30, 3);
    let r = compare(&docs, &Config::default());
    assert!(!r.findings.is_empty());
    // Template sentences are shared across stories, so agreements may
    // cross stories; discrepancies should (almost) not.
    let disc: Vec<_> = r
        .discrepancies()
        .filter(|f| f.kind != FindingKind::SpeakerRole)
        .collect();
    let crossing: Vec<_> = disc
        .iter()
        .filter(|f| f.a.claim.article[..6] != f.b.claim.article[..6])
        .collect();
    eprintln!(
        "{} discrepancies, {} across stories",
        disc.len(),
        crossing.len()
    );
    for f in &crossing {
        eprintln!("{:?} {:?} | {} || {}", f.kind, f.scores, f.a.text, f.b.text);
    }
    assert!(
        crossing.len() * 20 <= disc.len(),
        "too many cross-story discrepancies"
    );
    for f in &r.findings {
        assert!(f.a.claim.article < f.b.claim.article);
        assert!((0.0..=1.0).contains(&f.confidence));
    }
    for k in [
        FindingKind::Date,
        FindingKind::Quantity,
        FindingKind::QuoteWording,
    ] {
        assert!(r.findings.iter().any(|f| f.kind == k), "no {k:?}");
    }
}
