//! The wire-copy generator (`examples/gen_corpus/wire.rs`) on source
//! documents written for this test (the real runs read devdata): stories
//! syndicated by 5 to 50 outlets, planted discrepancies whose spans slice
//! to the new value, the same bytes for the same seed.

mod common;

use common::wire::{
    generate_wire, generate_wire_window, keep_sentences, SourceDoc, WireParams, OUTLETS, WINDOW,
};
use std::collections::BTreeMap;

/// Source documents in news style: each has figures, weekdays and quotes
/// for the planted edits.
fn docs() -> Vec<SourceDoc> {
    (0..40)
        .map(|i| {
            let town = format!("Harwick{i}");
            let text = format!(
                "The council of {town} approved a budget of 4,{i:03} million dollars on Tuesday after a long debate. \
                 “We will keep the libraries open for every family,” the mayor of {town} told reporters at city hall. \
                 Opponents said the plan would raise local taxes by 12 percent over the next three years. \
                 About 300 residents attended the public hearing, which ran late into the evening on Monday. \
                 The finance committee had rejected an earlier draft of the plan in a close vote last spring. \
                 “This budget is fair to the people who pay for it,” said the committee chair after the vote. \
                 The new budget takes effect in July and will be reviewed again by the council next year. \
                 Local businesses welcomed the decision but asked for lower fees on permits and licenses. \
                 State officials are expected to comment on the plan of {town} later this week in the capital. \
                 The council will meet again on Thursday to discuss the road repair program for the district. \
                 Two members of the council voted against the budget and called for a new public hearing soon. \
                 The mayor said the city would publish the full budget online for residents to read in detail."
            );
            SourceDoc {
                title: format!("{town} approves its budget"),
                sentences: keep_sentences(&text),
            }
        })
        .collect()
}

fn params(articles: usize) -> WireParams {
    WireParams {
        articles,
        seed: 7,
        date: chrono::NaiveDate::from_ymd_opt(2016, 3, 2).unwrap(),
    }
}

#[test]
fn same_seed_same_bytes() {
    let a = generate_wire(&docs(), &params(300));
    let b = generate_wire(&docs(), &params(300));
    assert_eq!(a.len(), 300);
    assert!(a
        .iter()
        .zip(&b)
        .all(|(x, y)| x.text == y.text && x.story == y.story));
    let c = generate_wire(
        &docs(),
        &WireParams {
            seed: 8,
            ..params(300)
        },
    );
    assert!(a.iter().zip(&c).any(|(x, y)| x.text != y.text));
}

#[test]
fn stories_are_syndicated_and_edits_are_where_the_truth_says() {
    let arts = generate_wire(&docs(), &params(600));
    let mut by_story: BTreeMap<usize, Vec<_>> = BTreeMap::new();
    for a in &arts {
        by_story.entry(a.story).or_default().push(a);
    }
    let last = *by_story.keys().last().unwrap();
    for (s, copies) in &by_story {
        // the last story may be cut short by the article count
        if *s != last {
            assert!(
                OUTLETS.contains(&copies.len()),
                "story {s}: {}",
                copies.len()
            );
        }
        assert_eq!(copies.iter().filter(|a| a.original).count(), 1);
        let outlets: std::collections::BTreeSet<_> = copies.iter().map(|a| &a.source).collect();
        assert_eq!(outlets.len(), copies.len(), "one copy per outlet");
        // an unedited copy carries the original's story paragraphs (the
        // last two paragraphs may be boilerplate and the sign-off)
        let orig = copies.iter().find(|a| a.original).unwrap();
        let body = |t: &str| t.split_once(" - ").unwrap().1.to_string();
        for c in copies
            .iter()
            .filter(|a| !a.dropped && !a.swapped && a.planted.is_empty())
        {
            let paragraphs: Vec<String> = body(&c.text).split("\n\n").map(str::to_string).collect();
            for p in &paragraphs[..paragraphs.len().saturating_sub(2)] {
                assert!(orig.text.contains(p.as_str()), "{}: {p}", c.id);
            }
        }
    }
    let planted: Vec<_> = arts
        .iter()
        .flat_map(|a| a.planted.iter().map(move |p| (a, p)))
        .collect();
    assert!(!planted.is_empty());
    for (a, p) in &planted {
        assert_eq!(&a.text[p.span.0..p.span.1], p.new, "{}", a.id);
        assert_ne!(p.old, p.new);
        assert!(!a.original, "the wire original is never edited");
    }
    let kinds: std::collections::BTreeSet<_> = planted.iter().map(|(_, p)| p.kind).collect();
    assert!(kinds.len() >= 2, "{kinds:?}");
    // ids say nothing about stories: the first ids belong to several
    let first: std::collections::BTreeSet<_> = arts[..20].iter().map(|a| a.story).collect();
    assert!(first.len() > 1);
    assert!(arts
        .iter()
        .all(|a| a.text.contains(&format!("({})", a.source))));
}

#[test]
fn figures_change_materially() {
    use common::wire::bump;
    assert_eq!(bump("130,000").as_deref(), Some("160,000"));
    assert_eq!(bump("12").as_deref(), Some("15"));
    assert_eq!(bump("2016"), None, "a year");
    assert_eq!(bump("0"), None);
}

/// The opening sentence of an article (after "CITY (Outlet) - ").
fn opening(text: &str) -> &str {
    let body = text.split_once(") - ").map_or(text, |(_, b)| b);
    body.split_once(". ").map_or(body, |(a, _)| a)
}

#[test]
fn longer_stories_and_later_rounds_start_elsewhere() {
    // the default window is what generate_wire uses
    let a = generate_wire(&docs(), &params(300));
    let b = generate_wire_window(&docs(), &params(300), WINDOW);
    assert!(a.iter().zip(&b).all(|(x, y)| x.text == y.text));
    // stories of 9 to 11 of the 12 sentences: longer articles, and every
    // document is used up after one story, so later rounds must start
    // elsewhere in it (all at one offset, no window would fit again)
    let long = generate_wire_window(&docs(), &params(4000), 9..=11);
    assert_eq!(long.len(), 4000);
    let mean = |v: &[common::wire::WireArticle]| {
        v.iter().map(|x| x.text.len()).sum::<usize>() as f64 / v.len() as f64
    };
    let short = generate_wire(&docs(), &params(4000));
    assert!(
        mean(&long) > 1.1 * mean(&short),
        "{} {}",
        mean(&long),
        mean(&short)
    );
    let mut openings: BTreeMap<usize, std::collections::BTreeSet<&str>> = BTreeMap::new();
    for x in long.iter().filter(|x| x.original) {
        openings
            .entry(x.round)
            .or_default()
            .insert(opening(&x.text));
    }
    assert!(openings.len() >= 3, "rounds: {:?}", openings.keys());
    let first = &openings[&0];
    let later = openings.iter().find(|(r, _)| **r > 0).unwrap().1;
    assert!(later.is_disjoint(first));
}
