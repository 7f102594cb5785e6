//! The pieces a distributed run (crosscheck.spark) is made of give the
//! single run's result: story grouping from per-article features
//! (`stories::group_features`), and each story compared alone with the
//! collection's claim statistics (`compare_stories_with`), its articles'
//! extractions read back from their JSON.

mod common;

use common::corpus::{generate, Params};
use crosscheck::align::{self, stories, ClaimStats, Config};
use crosscheck::parse::Extraction;

#[test]
fn stories_from_features_and_stories_compared_alone_give_the_single_run() {
    let c = generate(&Params {
        articles: 240,
        seed: 11,
    });
    let docs = crosscheck::extract_all(&common::ingested(&c));
    let cfg = Config::default();
    let whole = align::compare(&docs, &cfg);

    // stories from features that went through their byte encoding, the
    // articles listed in another order
    let order: Vec<usize> = (0..docs.len()).rev().collect();
    let ids: Vec<&str> = order.iter().map(|&i| docs[i].article.id.as_str()).collect();
    let feats: Vec<stories::StoryFeatures> = order
        .iter()
        .map(|&i| {
            let b = stories::StoryFeatures::of(&docs[i]).to_bytes();
            stories::StoryFeatures::from_bytes(&b).expect("decodes")
        })
        .collect();
    let mut grouped: Vec<Vec<usize>> = stories::group_features(&ids, feats, &cfg.stories)
        .into_iter()
        .map(|g| {
            let mut g: Vec<usize> = g.into_iter().map(|k| order[k]).collect();
            g.sort_unstable();
            g
        })
        .collect();
    grouped.sort();
    let mut direct = stories::group(&docs, &cfg.stories);
    direct.sort();
    assert_eq!(grouped, direct);
    assert!(
        direct.iter().any(|g| g.len() >= 3),
        "the corpus has stories"
    );

    // the collection's claim statistics, strings counted once left out
    let mut stats = ClaimStats::default();
    for d in &docs {
        stats.add(&ClaimStats::of(d, &cfg));
    }
    stats.df.retain(|_, f| *f >= 2);

    let mut stories_alone = Vec::new();
    let mut findings_alone = Vec::new();
    for g in &direct {
        let part: Vec<Extraction> = g
            .iter()
            .rev()
            .map(|&i| {
                let json = serde_json::to_string(&docs[i]).expect("serialises");
                serde_json::from_str(&json).expect("reads back")
            })
            .collect();
        let a = align::compare_stories_with(&part, &[(0..part.len()).collect()], &cfg, &stats);
        assert_eq!(a.stories.len(), 1);
        stories_alone.extend(a.stories);
        findings_alone.extend(a.findings);
    }
    let key = |f: &align::Finding| (f.story.clone(), align::finding_id(f));
    stories_alone.sort_by(|a, b| a.id.cmp(&b.id));
    let mut whole_stories = whole.stories.clone();
    whole_stories.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(stories_alone, whole_stories);
    findings_alone.sort_by_key(key);
    let mut whole_findings = whole.findings.clone();
    whole_findings.sort_by_key(key);
    assert!(
        whole_findings.len() > 20,
        "{} findings",
        whole_findings.len()
    );
    let brief = |v: &[align::Finding]| -> Vec<String> {
        v.iter()
            .map(|f| {
                format!(
                    "{} {} {:?} {:.6}",
                    f.story,
                    align::finding_id(f),
                    f.kind,
                    f.confidence
                )
            })
            .collect()
    };
    let (a, w) = (brief(&findings_alone), brief(&whole_findings));
    let only_alone: Vec<&String> = a.iter().filter(|x| !w.contains(x)).collect();
    let only_whole: Vec<&String> = w.iter().filter(|x| !a.contains(x)).collect();
    assert!(
        only_alone.is_empty() && only_whole.is_empty(),
        "alone only {only_alone:#?}\nwhole only {only_whole:#?}"
    );
    // and the rest of every finding, scores to the last bit
    assert_eq!(findings_alone, whole_findings);
}

#[test]
fn story_features_reject_truncated_bytes() {
    let c = generate(&Params {
        articles: 3,
        seed: 5,
    });
    let docs = crosscheck::extract_all(&common::ingested(&c));
    let b = stories::StoryFeatures::of(&docs[0]).to_bytes();
    assert!(stories::StoryFeatures::from_bytes(&b[..b.len() - 3]).is_none());
    assert!(stories::StoryFeatures::from_bytes(&b[..7]).is_none());
    assert!(stories::StoryFeatures::from_bytes(&[]).is_none());
}
