//! Story grouping on news-style articles written for these tests: one
//! event told by several outlets, two similar events, syndicated copies,
//! an unrelated article, determinism, and the edge cases.

use crosscheck_align::stories::{group, StoryConfig, StoryIndex};
use crosscheck_parse::{extract, Article, Extraction, NaiveDate};

fn doc(id: &str, date: Option<(i32, u32, u32)>, text: &str) -> Extraction {
    extract(Article {
        id: id.into(),
        published: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        text: text.into(),
        ..Article::default()
    })
}

// Earthquake A: Valdoria, magnitude 6.4, Tuesday 4 March.
const QUAKE_A1: &str = "A magnitude 6.4 earthquake struck the mountain province of \
Valdoria early on Tuesday, killing at least 12 people and collapsing the bell tower of \
the cathedral in San Ilario. Governor Iker Solana said rescue teams were searching the \
rubble of a school and two apartment blocks. \"We are still pulling people out alive,\" \
Solana told reporters in the provincial capital. The quake was centred 14 kilometres \
south of San Ilario at a depth of 10 kilometres, the national seismic institute said. \
Aftershocks rattled the valley through the morning.";
const QUAKE_A2: &str = "Rescuers in Valdoria dug through collapsed buildings on Tuesday \
after a 6.4-magnitude quake killed 12 people, provincial officials said. In San Ilario \
the cathedral's bell tower fell onto the main square, and a school was badly damaged. \
Governor Iker Solana appealed for blood donations and said the army had sent two field \
hospitals. The seismic institute recorded more than 40 aftershocks, the strongest of \
magnitude 4.8.";
const QUAKE_A3: &str = "The death toll from Tuesday's earthquake in Valdoria province \
rose to 12, Governor Iker Solana said, as families in San Ilario spent the night in \
tents outside their damaged homes. The magnitude 6.4 tremor brought down the bell \
tower of the town's cathedral. Engineers began inspecting bridges on the valley road \
to San Ilario, which was closed by landslides.";

// Earthquake B: Korvath, magnitude 5.9, Friday 28 March.
const QUAKE_B1: &str = "A magnitude 5.9 earthquake shook the coastal province of \
Korvath on Friday, killing three people in the port city of Miresk, the regional \
emergency service said. Governor Anna Dashev said a hotel and a fish market were \
damaged and that the harbour was closed while divers checked the quays. The quake \
struck at a depth of 22 kilometres under the bay, the seismic institute said.";
const QUAKE_B2: &str = "Three people died when a 5.9-magnitude quake hit Korvath \
province on Friday, Governor Anna Dashev told a news conference in Miresk. The \
regional emergency service said part of a hotel facade fell into the street and the \
old fish market lost its roof. Ferries to the islands were suspended until engineers \
had inspected the harbour in Miresk.";
const QUAKE_B3: &str = "Residents of Miresk returned to their homes on Saturday after \
Friday's magnitude 5.9 earthquake in Korvath, which killed three people. Governor \
Anna Dashev said the port would reopen once divers finished checking the quays and \
that the damaged hotel would be demolished.";

// Two rulings on one person: a conviction in March, an appeal ruling in
// November.
const RULING_A1: &str = "A district court in Rennmark on Monday convicted former \
transport minister Tomas Reyl of taking bribes from a road builder and sentenced him \
to four years in prison. Judge Clara Wendt said Reyl had accepted 350,000 euros in \
exchange for two motorway contracts. Reyl, who denies wrongdoing, said he would \
appeal. Prosecutors had asked for six years.";
const RULING_A2: &str = "Former transport minister Tomas Reyl was sentenced to four \
years in prison on Monday after the Rennmark district court found him guilty of \
accepting 350,000 euros in bribes for motorway contracts. Judge Clara Wendt also \
barred him from public office for ten years. His lawyer said Reyl would appeal the \
bribery conviction.";
const RULING_A3: &str = "Tomas Reyl, the former transport minister, will appeal his \
bribery conviction, his lawyer said after a Rennmark court sentenced him on Monday to \
four years in prison over 350,000 euros paid by a road builder for two motorway \
contracts. Judge Clara Wendt rejected the defence claim that the payments were \
consulting fees.";
const RULING_B1: &str = "The supreme court in Ostbrugg on Thursday overturned the \
extradition of Tomas Reyl to Lindau, where the former minister faces tax fraud \
charges over a shipping company. Presiding justice Mark Ivers said the extradition \
request had been filed after the legal deadline. Lindau's justice ministry said it \
would file a new request.";
const RULING_B2: &str = "Tomas Reyl will not be sent to Lindau for now: the Ostbrugg \
supreme court on Thursday annulled the extradition order against the former minister, \
who is wanted there for tax fraud in a shipping company. Justice Mark Ivers ruled \
that Lindau had missed the legal deadline for its request.";
const RULING_B3: &str = "Lindau's justice ministry said on Thursday it would file a new \
extradition request for Tomas Reyl after the Ostbrugg supreme court, led by justice \
Mark Ivers, annulled the previous order because it came after the legal deadline. \
Reyl is accused of tax fraud involving a shipping company.";

// Unrelated.
const BANK: &str = "The central bank of Moravia raised its main interest rate by a \
quarter point to 4.5 percent on Wednesday, its third increase this year, citing \
stubborn inflation in services. Governor Petr Holub said further increases were \
possible if wages kept rising faster than productivity. The currency firmed against \
the euro after the decision.";

// Wire copy and its syndicated versions (an outlet line, a dropped last
// sentence, one word changed).
const WIRE: &str = "Firefighters in Lessen battled a blaze at a chemical warehouse for \
nine hours on Sunday before bringing it under control, the city fire department said. \
About 2,000 residents were told to keep their windows closed because of the smoke. \
Nobody was hurt, but two firefighters were treated for heat exhaustion. The cause of \
the fire at the Norvex Chemicals site was not yet known, a company spokeswoman said. \
Air quality readings in the city centre returned to normal by the evening.";

fn wire_copies() -> [String; 3] {
    [
        format!("LESSEN (Coast Herald) - {WIRE}"),
        WIRE.replace(
            " Air quality readings in the city centre returned to normal by the evening.",
            "",
        ),
        WIRE.replace("battled", "fought"),
    ]
}

/// Every story as a sorted list of ids.
fn stories_by_id(docs: &[Extraction], cfg: &StoryConfig) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = group(docs, cfg)
        .into_iter()
        .map(|s| {
            let mut ids: Vec<String> = s.iter().map(|&i| docs[i].article.id.clone()).collect();
            ids.sort();
            ids
        })
        .collect();
    out.sort();
    out
}

fn ids(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| s.to_string()).collect()
}

/// The two earthquakes, the bank story; with or without dates.
fn quake_docs(dated: bool) -> Vec<Extraction> {
    let d = |day| dated.then_some((2025, 3, day));
    vec![
        doc("a1", d(4), QUAKE_A1),
        doc("a2", d(4), QUAKE_A2),
        doc("a3", d(5), QUAKE_A3),
        doc("b1", d(28), QUAKE_B1),
        doc("b2", d(28), QUAKE_B2),
        doc("b3", d(29), QUAKE_B3),
        doc("bank", d(5), BANK),
    ]
}

#[test]
fn one_event_from_three_outlets_is_one_story() {
    let docs = vec![
        doc("a1", Some((2025, 3, 4)), QUAKE_A1),
        doc("a2", Some((2025, 3, 4)), QUAKE_A2),
        doc("a3", Some((2025, 3, 5)), QUAKE_A3),
    ];
    assert_eq!(
        stories_by_id(&docs, &StoryConfig::default()),
        [ids(&["a1", "a2", "a3"])]
    );
}

#[test]
fn two_earthquakes_are_two_stories_and_the_bank_stays_alone() {
    for dated in [true, false] {
        let docs = quake_docs(dated);
        assert_eq!(
            stories_by_id(&docs, &StoryConfig::default()),
            [
                ids(&["a1", "a2", "a3"]),
                ids(&["b1", "b2", "b3"]),
                ids(&["bank"])
            ],
            "dated: {dated}"
        );
    }
}

#[test]
fn two_rulings_on_one_person_are_two_stories() {
    // no publication dates: the courts, charges and names tell them apart
    let docs = vec![
        doc("conviction-1", None, RULING_A1),
        doc("conviction-2", None, RULING_A2),
        doc("conviction-3", None, RULING_A3),
        doc("extradition-1", None, RULING_B1),
        doc("extradition-2", None, RULING_B2),
        doc("extradition-3", None, RULING_B3),
    ];
    assert_eq!(
        stories_by_id(&docs, &StoryConfig::default()),
        [
            ids(&["conviction-1", "conviction-2", "conviction-3"]),
            ids(&["extradition-1", "extradition-2", "extradition-3"]),
        ]
    );
}

#[test]
fn two_similar_events_split_when_grouped_among_many() {
    // both earthquakes and both rulings in one set, no dates: the
    // earthquakes share their topic words, the rulings a person
    let docs = vec![
        doc("qa1", None, QUAKE_A1),
        doc("qa2", None, QUAKE_A2),
        doc("qa3", None, QUAKE_A3),
        doc("qb1", None, QUAKE_B1),
        doc("qb2", None, QUAKE_B2),
        doc("qb3", None, QUAKE_B3),
        doc("ra1", None, RULING_A1),
        doc("ra2", None, RULING_A2),
        doc("ra3", None, RULING_A3),
        doc("rb1", None, RULING_B1),
        doc("rb2", None, RULING_B2),
        doc("rb3", None, RULING_B3),
        doc("bank", None, BANK),
    ];
    assert_eq!(
        stories_by_id(&docs, &StoryConfig::default()),
        [
            ids(&["bank"]),
            ids(&["qa1", "qa2", "qa3"]),
            ids(&["qb1", "qb2", "qb3"]),
            ids(&["ra1", "ra2", "ra3"]),
            ids(&["rb1", "rb2", "rb3"]),
        ]
    );
}

#[test]
fn syndicated_copies_are_one_story_and_one_copy_group() {
    let [c1, c2, c3] = wire_copies();
    let docs = vec![
        doc("wire", Some((2025, 6, 1)), WIRE),
        doc("herald", Some((2025, 6, 1)), &c1),
        doc("short", Some((2025, 6, 2)), &c2),
        doc("edited", Some((2025, 6, 1)), &c3),
        doc("bank", Some((2025, 6, 1)), BANK),
    ];
    let index = StoryIndex::new(&docs, &StoryConfig::default());
    assert_eq!(index.stories(), [vec![0, 1, 2, 3], vec![4]]);
    assert_eq!(index.copy_groups(), [vec![0, 1, 2, 3], vec![4]]);
    assert!(index.copies(0, 2) && !index.copies(0, 4));
    assert_eq!(index.similarity(1, 3), 1.0);
    assert!(index.similarity(0, 4) < 0.05, "{}", index.similarity(0, 4));
}

#[test]
fn copies_join_even_outside_the_date_window() {
    // a wire story republished a month later is still the same text
    let docs = vec![
        doc("wire", Some((2025, 6, 1)), WIRE),
        doc("late", Some((2025, 7, 3)), &wire_copies()[0]),
    ];
    assert_eq!(group(&docs, &StoryConfig::default()), [vec![0, 1]]);
}

#[test]
fn the_date_window_separates_similar_articles() {
    // the same event's articles, published 10 days apart: not one story
    // (they are not copies of one text)
    let docs = vec![
        doc("a1", Some((2025, 3, 4)), QUAKE_A1),
        doc("a2", Some((2025, 3, 14)), QUAKE_A2),
    ];
    assert_eq!(group(&docs, &StoryConfig::default()), [vec![0], vec![1]]);
    let index = StoryIndex::new(&docs, &StoryConfig::default());
    assert_eq!(index.similarity(0, 1), 0.0);
    // a wider window joins them
    let wide = StoryConfig {
        window_days: 14,
        ..StoryConfig::default()
    };
    assert_eq!(group(&docs, &wide), [vec![0, 1]]);
}

#[test]
fn force_one_story_puts_everything_together() {
    let docs = quake_docs(true);
    let cfg = StoryConfig {
        force_one_story: true,
        ..StoryConfig::default()
    };
    assert_eq!(group(&docs, &cfg), [(0..docs.len()).collect::<Vec<_>>()]);
    assert!(group(&[], &cfg).is_empty());
}

#[test]
fn empty_and_single_inputs() {
    let cfg = StoryConfig::default();
    assert!(group(&[], &cfg).is_empty());
    let index = StoryIndex::new(&[], &cfg);
    assert!(index.is_empty() && index.stories().is_empty());
    let one = vec![doc("only", None, QUAKE_A1)];
    assert_eq!(group(&one, &cfg), [vec![0]]);
    // articles without any word, or duplicated ids, are still placed
    let odd = vec![
        doc("x", None, ""),
        doc("x", None, "  ...  "),
        doc("y", None, "???"),
    ];
    assert_eq!(group(&odd, &cfg).concat().len(), 3);
}

#[test]
fn every_article_is_in_exactly_one_story() {
    let mut docs = quake_docs(false);
    docs.push(doc("wire", None, WIRE));
    for (k, c) in wire_copies().iter().enumerate() {
        docs.push(doc(&format!("copy{k}"), None, c));
    }
    let stories = group(&docs, &StoryConfig::default());
    let mut all: Vec<usize> = stories.concat();
    all.sort_unstable();
    assert_eq!(all, (0..docs.len()).collect::<Vec<_>>());
    // stories sorted inside, ordered by their first index
    assert!(stories.iter().all(|s| s.windows(2).all(|w| w[0] < w[1])));
    assert!(stories.windows(2).all(|w| w[0][0] < w[1][0]));
}

/// The stories as sets of ids, in a canonical order.
fn canonical(docs: &[Extraction], stories: &[Vec<usize>]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = stories
        .iter()
        .map(|s| {
            let mut v: Vec<String> = s.iter().map(|&i| docs[i].article.id.clone()).collect();
            v.sort();
            v
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_grouping_does_not_depend_on_input_order_or_threads() {
    let mut docs = quake_docs(false);
    for (k, t) in [
        RULING_A1, RULING_A2, RULING_A3, RULING_B1, RULING_B2, RULING_B3,
    ]
    .iter()
    .enumerate()
    {
        docs.push(doc(&format!("r{k}"), None, t));
    }
    docs.push(doc("wire", None, WIRE));
    for (k, c) in wire_copies().iter().enumerate() {
        docs.push(doc(&format!("copy{k}"), None, c));
    }
    let cfg = StoryConfig::default();
    let in_pool = |threads: usize, docs: &[Extraction]| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| {
                let index = StoryIndex::new(docs, &cfg);
                let sims: Vec<u64> = (0..docs.len())
                    .flat_map(|i| (0..docs.len()).map(move |j| (i, j)))
                    .map(|(i, j)| index.similarity(i, j).to_bits())
                    .collect();
                (index.stories().to_vec(), sims)
            })
    };
    let (reference, ref_sims) = in_pool(1, &docs);
    let reference_ids = canonical(&docs, &reference);
    // a fixed LCG shuffles the input several times
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for round in 0..6 {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        for i in (1..order.len()).rev() {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        let shuffled: Vec<Extraction> = order.iter().map(|&i| docs[i].clone()).collect();
        let (stories, sims) = in_pool(1 + round % 3, &shuffled);
        assert_eq!(
            canonical(&shuffled, &stories),
            reference_ids,
            "round {round}"
        );
        // the same similarity for the same pair of articles, bit for bit
        let n = docs.len();
        for (a, &i) in order.iter().enumerate() {
            for (b, &j) in order.iter().enumerate() {
                assert_eq!(sims[a * n + b], ref_sims[i * n + j], "round {round}");
            }
        }
    }
}

#[test]
fn similarity_is_symmetric_and_bounded() {
    let docs = quake_docs(true);
    let index = StoryIndex::new(&docs, &StoryConfig::default());
    for i in 0..docs.len() {
        assert_eq!(index.similarity(i, i), 1.0);
        for j in 0..docs.len() {
            let s = index.similarity(i, j);
            assert!((0.0..=1.0).contains(&s));
            assert_eq!(s.to_bits(), index.similarity(j, i).to_bits());
        }
    }
    // same event above different event
    assert!(index.similarity(0, 1) > 2.0 * index.similarity(0, 3));
}

#[test]
fn the_split_separates_two_events_the_first_pass_joined() {
    // a first pass that joins anything sharing a word (threshold ~0): the
    // in-story reweighting must still cut the two earthquakes apart
    let loose = StoryConfig {
        threshold: 1e-6,
        min_edge: 1e-6,
        ..StoryConfig::default()
    };
    let docs: Vec<Extraction> = quake_docs(false).into_iter().take(6).collect();
    let no_split = StoryConfig {
        split_ratio: 0.0,
        ..loose.clone()
    };
    assert_eq!(group(&docs, &no_split), [vec![0, 1, 2, 3, 4, 5]]);
    assert_eq!(group(&docs, &loose), [vec![0, 1, 2], vec![3, 4, 5]]);
    let rulings: Vec<Extraction> = [
        RULING_A1, RULING_A2, RULING_A3, RULING_B1, RULING_B2, RULING_B3,
    ]
    .iter()
    .enumerate()
    .map(|(k, t)| doc(&format!("r{k}"), None, t))
    .collect();
    assert_eq!(group(&rulings, &no_split), [vec![0, 1, 2, 3, 4, 5]]);
    assert_eq!(group(&rulings, &loose), [vec![0, 1, 2], vec![3, 4, 5]]);
}

#[test]
fn one_event_is_not_split() {
    // six reports of one earthquake (the three above and three more), all
    // joined by the first pass: the split must leave them whole
    let more = [
        "Aid trucks reached San Ilario on Wednesday, a day after the 6.4-magnitude \
         earthquake that killed 12 people in Valdoria province. Governor Iker Solana \
         said 300 people had been treated in the two army field hospitals.",
        "Schools across Valdoria province stayed closed on Wednesday while engineers \
         checked buildings after Tuesday's quake, which killed 12 people and toppled \
         the cathedral bell tower in San Ilario, Governor Iker Solana said.",
        "The seismic institute said the magnitude 6.4 earthquake that struck Valdoria \
         on Tuesday was the strongest in the province in forty years. The 12 victims \
         were buried in San Ilario on Thursday, with Governor Iker Solana attending.",
    ];
    let mut docs = quake_docs(false);
    docs.truncate(3);
    for (k, t) in more.iter().enumerate() {
        docs.push(doc(&format!("a{}", k + 4), None, t));
    }
    let loose = StoryConfig {
        threshold: 1e-6,
        min_edge: 1e-6,
        ..StoryConfig::default()
    };
    assert_eq!(group(&docs, &loose), [(0..6).collect::<Vec<_>>()]);
    assert_eq!(
        group(&docs, &StoryConfig::default()),
        [(0..6).collect::<Vec<_>>()]
    );
}

#[test]
fn hostile_inputs_group_without_panicking() {
    let cfg = StoryConfig::default();
    // many copies of one text: one story, one copy group
    let same: Vec<Extraction> = (0..300)
        .map(|k| doc(&format!("c{k:03}"), Some((2025, 6, 1)), WIRE))
        .collect();
    let index = StoryIndex::new(&same, &cfg);
    assert_eq!(index.stories().len(), 1);
    assert_eq!(index.copy_groups().len(), 1);
    // a template filled with different names and figures: not copies of
    // one another, and every article placed once
    let template: Vec<Extraction> = (0..300)
        .map(|k| {
            doc(
                &format!("t{k:03}"),
                Some((2025, 6, 1 + (k % 20) as u32)),
                &format!(
                    "Shares of Company{k} rose {k}.{} percent on Monday after the \
                     firm reported quarterly revenue of {} million dollars, chief \
                     executive Person{k} said.",
                    k % 10,
                    100 + k
                ),
            )
        })
        .collect();
    let stories = group(&template, &cfg);
    assert_eq!(stories.concat().len(), 300);
    // one long article, one word repeated, and markup-like noise
    let long = "Rescuers searched the rubble. ".repeat(20_000);
    let odd = vec![
        doc("long", None, &long),
        doc("word", None, &"quake ".repeat(5_000)),
        doc(
            "noise",
            None,
            "<div>&nbsp;</div> {{{ }}} ### 1 2 3 4 5 6 7 8 9",
        ),
        doc("empty", None, ""),
    ];
    let stories = group(&odd, &cfg);
    assert_eq!(stories.concat().len(), 4);
}

#[test]
fn odd_configurations_do_not_panic_or_make_nan() {
    let docs = quake_docs(true);
    for cfg in [
        StoryConfig {
            name_weight: 0.0,
            ..StoryConfig::default()
        },
        StoryConfig {
            name_weight: -1.0,
            ..StoryConfig::default()
        },
        StoryConfig {
            name_weight: f64::NAN,
            ..StoryConfig::default()
        },
        StoryConfig {
            threshold: f64::NAN,
            split_ratio: f64::NAN,
            ..StoryConfig::default()
        },
        StoryConfig {
            max_df: 0,
            block_max_df: 0,
            ..StoryConfig::default()
        },
        StoryConfig {
            window_days: -5,
            min_edge: 2.0,
            ..StoryConfig::default()
        },
        StoryConfig {
            other_days_factor: f64::NAN,
            ..StoryConfig::default()
        },
        StoryConfig {
            other_days_factor: -1.0,
            ..StoryConfig::default()
        },
        StoryConfig {
            other_days_factor: 3.0,
            ..StoryConfig::default()
        },
    ] {
        let index = StoryIndex::new(&docs, &cfg);
        assert_eq!(index.stories().concat().len(), docs.len(), "{cfg:?}");
        for i in 0..docs.len() {
            for j in 0..docs.len() {
                let s = index.similarity(i, j);
                assert!((0.0..=1.0).contains(&s), "{cfg:?}: {s}");
            }
        }
    }
}

/// Three more reports of earthquake A, told from other angles.
const QUAKE_A_MORE: [&str; 3] = [
    "Aid trucks reached San Ilario on Wednesday, a day after the 6.4-magnitude \
     earthquake that killed 12 people in Valdoria province. Governor Iker Solana \
     said 300 people had been treated in the two army field hospitals.",
    "Schools across Valdoria province stayed closed on Wednesday while engineers \
     checked buildings after Tuesday's quake, which killed 12 people and toppled \
     the cathedral bell tower in San Ilario, Governor Iker Solana said.",
    "The seismic institute said the magnitude 6.4 earthquake that struck Valdoria \
     on Tuesday was the strongest in the province in forty years. The 12 victims \
     were buried in San Ilario on Thursday, with Governor Iker Solana attending.",
];

#[test]
fn a_brief_joins_the_story_it_belongs_to() {
    // six reports of earthquake A, a one-line brief of it that shares a few
    // words with each report, and the bank story
    let mut docs = quake_docs(false);
    docs.truncate(3);
    for (k, t) in QUAKE_A_MORE.iter().enumerate() {
        docs.push(doc(&format!("a{}", k + 4), None, t));
    }
    docs.push(doc(
        "brief",
        None,
        "Quake death toll in Valdoria rises; rescuers search collapsed school.",
    ));
    docs.push(doc("bank", None, BANK));
    let all_a = ids(&["a1", "a2", "a3", "a4", "a5", "a6", "brief"]);
    // its average similarity to the six reports is under the threshold
    let no_attach = StoryConfig {
        attach_similarity: 0.0,
        ..StoryConfig::default()
    };
    assert_eq!(
        stories_by_id(&docs, &no_attach),
        [
            ids(&["a1", "a2", "a3", "a4", "a5", "a6"]),
            ids(&["bank"]),
            ids(&["brief"])
        ]
    );
    // the story's centroid holds every word of the brief
    assert_eq!(
        stories_by_id(&docs, &StoryConfig::default()),
        [all_a, ids(&["bank"])]
    );
}

// One governor's two briefings on two days: the same name, state and
// topic words, two events (round 22).
const BRIEFING_THU: &str = "Governor Ruth Halvorsen said at her Thursday briefing \
that parents had begun taking their children out of day care as the flu outbreak \
spread across Tallis state. The state has already closed its schools and limited \
gatherings to ten people, Halvorsen said in Norrhaven.";
const BRIEFING_FRI: &str = "Governor Ruth Halvorsen warned on Friday that she would \
order businesses to close if employers did not protect their workers from the flu. \
Her office keeps receiving complaints about crowded warehouses, delivery depots and \
meat packing plants, Halvorsen said.";

/// Unrelated reports that give the collection its word frequencies.
const OTHER_NEWS: [&str; 4] = [
    "The central bank of Moravia raised its main rate to 4.5 percent, citing \
     inflation, Governor Petr Holub told reporters.",
    "Talks on the Lusk river treaty resumed in Geneva with Foreign Minister Ida \
     Varn, who said a deal on water quotas was close.",
    "The Kessel Rovers beat the Arden Foxes 3-1 to reach the cup final, with two \
     goals from striker Milan Oskar.",
    "A fire destroyed a timber warehouse in the port of Miresk overnight; nobody \
     was hurt, the fire brigade said.",
];

fn briefing_docs(second: &str) -> Vec<Extraction> {
    let mut docs = vec![doc("thu", None, BRIEFING_THU), doc("fri", None, second)];
    for (k, t) in OTHER_NEWS.iter().enumerate() {
        docs.push(doc(&format!("other{k}"), None, t));
    }
    docs
}

#[test]
fn two_briefings_on_named_different_days_score_lower() {
    let off = StoryConfig {
        other_days_factor: 1.0,
        ..StoryConfig::default()
    };
    let cfg = StoryConfig::default();
    // Thursday and Friday cannot be one day: the cosine is scaled
    let docs = briefing_docs(BRIEFING_FRI);
    let plain = StoryIndex::new(&docs, &off).similarity(0, 1);
    let scored = StoryIndex::new(&docs, &cfg).similarity(0, 1);
    assert!(
        (scored - plain * cfg.other_days_factor).abs() < 1e-6,
        "{scored} {plain}"
    );
    // and the grouping uses that score: one story without it, two with it
    assert!(
        plain >= off.threshold && scored < cfg.threshold,
        "{plain} {scored}"
    );
    let others = ["other0", "other1", "other2", "other3"].map(|o| ids(&[o]));
    let mut one = vec![ids(&["fri", "thu"])];
    one.extend(others.iter().cloned());
    assert_eq!(stories_by_id(&docs, &off), one);
    let mut two = vec![ids(&["fri"])];
    two.extend(others.iter().cloned());
    two.push(ids(&["thu"]));
    assert_eq!(stories_by_id(&docs, &cfg), two);
    // a day both name, or days that may be one ("Jan. 2" and "Thursday"
    // without a year), leave the score as it was
    for second in [
        BRIEFING_FRI.replace("on Friday", "on Thursday"),
        BRIEFING_FRI.replace("on Friday", "on Jan. 2"),
        BRIEFING_FRI.replace("on Friday", "this week"),
    ] {
        let docs = briefing_docs(&second);
        let plain = StoryIndex::new(&docs, &off).similarity(0, 1);
        let scored = StoryIndex::new(&docs, &cfg).similarity(0, 1);
        assert!(plain > 0.1, "{second}: {plain}");
        assert_eq!(scored, plain, "{second}");
    }
}

#[test]
fn dated_reports_of_one_day_meet_and_of_two_days_do_not() {
    // published a day apart: "Thursday" and "yesterday" are both 2 January
    let mut docs = briefing_docs(&BRIEFING_FRI.replace("on Friday", "yesterday"));
    let dated = |id: &str, day: u32, text: &str| doc(id, Some((2020, 1, day)), text);
    docs[0] = dated("thu", 2, BRIEFING_THU);
    docs[1] = dated("fri", 3, &BRIEFING_FRI.replace("on Friday", "yesterday"));
    let off = StoryConfig {
        other_days_factor: 1.0,
        ..StoryConfig::default()
    };
    let plain = StoryIndex::new(&docs, &off).similarity(0, 1);
    assert_eq!(
        StoryIndex::new(&docs, &StoryConfig::default()).similarity(0, 1),
        plain
    );
    // "on Friday" in a report of 3 January is 3 January: another day
    docs[1] = dated("fri", 3, BRIEFING_FRI);
    let plain = StoryIndex::new(&docs, &off).similarity(0, 1);
    let scored = StoryIndex::new(&docs, &StoryConfig::default()).similarity(0, 1);
    assert!(scored < plain, "{scored} {plain}");
}

#[test]
fn story_features_of_another_version_are_refused() {
    use crosscheck_align::stories::{StoryFeatures, STORY_FEATURES_VERSION};
    let f = StoryFeatures::of(&doc("a1", Some((2025, 3, 4)), QUAKE_A1));
    let b = f.to_bytes();
    assert_eq!(StoryFeatures::from_bytes(&b), Some(f));
    // the mark and the version come first
    assert_eq!(&b[..4], b"CXSF");
    assert_eq!(b[4..8], STORY_FEATURES_VERSION.to_le_bytes());
    // features written by another version, or before the mark, are not
    // read as if they were this version's
    let mut other = b.clone();
    other[4..8].copy_from_slice(&(STORY_FEATURES_VERSION + 1).to_le_bytes());
    assert_eq!(StoryFeatures::from_bytes(&other), None);
    assert_eq!(StoryFeatures::from_bytes(&b[8..]), None);
    // marked bytes whose sketch has another number of bins are refused,
    // not grouped (the grouping would index past them)
    let mut one_bin = b[..8].to_vec();
    for word in [
        0i32.to_le_bytes(),
        1i32.to_le_bytes(),
        1i32.to_le_bytes(),
        0i32.to_le_bytes(),
    ] {
        one_bin.extend_from_slice(&word);
    }
    one_bin.extend_from_slice(&7u32.to_le_bytes());
    assert_eq!(StoryFeatures::from_bytes(&one_bin), None);
}

/// FNV-1a of `bytes`: a digest that does not change with the Rust version.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn the_story_features_version_changes_with_the_features() {
    // Stored features are read by their version: when this digest changes,
    // the features of an article changed (the keys, the sketch, the days),
    // and features stored by older builds would be read wrongly. Raise
    // STORY_FEATURES_VERSION, then set the digest here to the new one.
    use crosscheck_align::stories::{StoryFeatures, STORY_FEATURES_VERSION};
    let b = StoryFeatures::of(&doc("a1", Some((2025, 3, 4)), QUAKE_A1)).to_bytes();
    assert_eq!(
        (STORY_FEATURES_VERSION, fnv1a(&b)),
        (1, 2_882_427_682_628_175_851),
        "the story features changed: raise STORY_FEATURES_VERSION and update this digest"
    );
}
