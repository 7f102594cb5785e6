//! One test per finding kind: an article written for the test and a copy
//! with one thing changed and paraphrase around it. The change must be
//! found, and nothing else.

use crosscheck_align::fixture::Doc;
use crosscheck_align::{compare, Alignment, Config, EditOp, FindingKind, Severity};
use crosscheck_parse::{Extraction, Granularity, Qualifier, QuoteKind};

fn run(docs: &[Extraction]) -> Alignment {
    compare(docs, &Config::default())
}

fn discrepancies(r: &Alignment) -> Vec<FindingKind> {
    r.discrepancies().map(|f| f.kind).collect()
}

fn dump(r: &Alignment) -> String {
    r.findings
        .iter()
        .map(|f| {
            format!(
                "{:?} {} {:.2} | {}\n",
                f.kind,
                f.severity,
                f.confidence,
                f.summary()
            )
        })
        .collect()
}

const A_BLINKEN: &str =
    "The US Secretary of State, Antony Blinken, said the American response to Moscow \
establishes “a serious diplomatic channel if Russia so wishes” for the coming weeks. \
Blinken also said Washington remains ready to impose sanctions on Moscow.";
const B_BLINKEN: &str =
    "According to Tony Blinken, Washington's written reply to the Kremlin sets up \
“a serious diplomatic path if Russia so wishes” in the weeks ahead. \
The Secretary of State added that sanctions against Moscow remain on the table.";

#[test]
fn quote_wording_one_word_swapped() {
    let a = Doc::new("a", A_BLINKEN)
        .person("Antony Blinken", &["Blinken"], &["US Secretary of State"])
        .quote(
            "a serious diplomatic channel if Russia so wishes",
            Some("Antony Blinken"),
        )
        .build();
    let b = Doc::new("b", B_BLINKEN)
        .person("Tony Blinken", &[], &["Secretary of State"])
        .quote(
            "a serious diplomatic path if Russia so wishes",
            Some("Tony Blinken"),
        )
        .build();
    let r = run(&[a, b]);
    assert_eq!(
        discrepancies(&r),
        [FindingKind::QuoteWording],
        "{}",
        dump(&r)
    );
    let f = r.discrepancies().next().unwrap();
    assert_eq!(f.severity, Severity::High, "one word in an identical quote");
    for (_, m) in f.mentions() {
        assert_eq!(m.speaker.as_deref(), Some("Antony Blinken"));
    }
    assert_eq!(f.variants.len(), 2);
    let diff = &f.variants[1].diff;
    assert_eq!(diff.len(), 1);
    assert_eq!(diff[0].op, EditOp::Substitution);
    assert_eq!(
        (diff[0].a_text.as_str(), diff[0].b_text.as_str()),
        ("channel", "path")
    );
    let s = diff[0].b_span.unwrap();
    assert_eq!(&B_BLINKEN[s.start..s.end], "path");
    // Blinken merged across articles: one person, both roles, no role finding.
    let p = r
        .people
        .iter()
        .find(|p| p.name == "Antony Blinken")
        .unwrap();
    assert_eq!(p.mentions.len(), 2);
    assert!(f.confidence > 0.5 && f.confidence <= 1.0);
}

#[test]
fn quote_fragment_and_split_quote_agree() {
    let full = "We prefer diplomacy, we are ready for dialogue and to move forward where communication is possible";
    let a = Doc::new(
        "a",
        &format!("Blinken was firm. “{full}”, he told reporters in Washington."),
    )
    .person("Antony Blinken", &["Blinken"], &[])
    .quote(full, Some("Antony Blinken"))
    .build();
    let b_text = "“We prefer diplomacy, we are ready for dialogue”, said Blinken, “and to move forward where communication is possible.”";
    let b = Doc::new("b", b_text)
        .person("Antony Blinken", &["Blinken"], &[])
        .quote(
            "We prefer diplomacy, we are ready for dialogue",
            Some("Antony Blinken"),
        )
        .quote(
            "and to move forward where communication is possible",
            Some("Antony Blinken"),
        )
        .build();
    let r = run(&[a, b]);
    assert_eq!(discrepancies(&r), [], "{}", dump(&r));
    // one claim: the full quote and both halves of the split one
    let quotes: Vec<_> = r
        .agreements()
        .filter(|f| f.subject == crosscheck_align::ClaimKind::Quote)
        .collect();
    assert_eq!(quotes.len(), 1, "{}", dump(&r));
    assert_eq!(quotes[0].kind, FindingKind::Agreement);
    assert_eq!(quotes[0].variants[0].mentions.len(), 3, "{}", dump(&r));
}

/// A direct quote and the same words in reported speech (with a typo) are
/// the same claim: they match, as an agreement (reported speech does not
/// claim exact words, so its words are not compared).
#[test]
fn direct_matches_indirect_of_same_speaker_with_typo() {
    let a = Doc::new(
        "a",
        "Stoltenberg said: “Every nation has the right to apply for membership.”",
    )
    .person("Jens Stoltenberg", &["Stoltenberg"], &[])
    .quote(
        "Every nation has the right to apply for membership.",
        Some("Jens Stoltenberg"),
    )
    .build();
    let b = Doc::new(
        "b",
        "Jens Stoltenberg stressed that every nation has the rihgt to apply for membership.",
    )
    .person("Jens Stoltenberg", &["Stoltenberg"], &[])
    .quote_as(
        "every nation has the rihgt to apply for membership",
        QuoteKind::Indirect,
        Some("Jens Stoltenberg"),
    )
    .build();
    let r = run(&[a, b]);
    assert!(discrepancies(&r).is_empty(), "{}", dump(&r));
    let f = r
        .findings
        .iter()
        .find(|f| f.subject == crosscheck_align::ClaimKind::Quote)
        .unwrap_or_else(|| panic!("the direct and indirect quotes match\n{}", dump(&r)));
    assert_eq!(f.kind, FindingKind::Agreement);
    assert_eq!(f.articles(), ["a", "b"]);
}

#[test]
fn attribution_different_speaker() {
    let quote = "We are facing a key moment for security in Europe";
    let a = Doc::new(
        "a",
        &format!("“{quote},” acknowledged NATO chief Jens Stoltenberg on Wednesday."),
    )
    .person("Jens Stoltenberg", &[], &["NATO chief"])
    .quote(quote, Some("Jens Stoltenberg"))
    .build();
    let b = Doc::new(
        "b",
        &format!("Speaking to the press, Antony Blinken warned: “{quote}.”"),
    )
    .person("Antony Blinken", &[], &[])
    .quote(quote, Some("Antony Blinken"))
    .build();
    let r = run(&[a, b]);
    assert_eq!(
        discrepancies(&r),
        [FindingKind::Attribution],
        "{}",
        dump(&r)
    );
    let f = r.discrepancies().next().unwrap();
    let names: Vec<&str> = f.variants.iter().map(|v| v.display.as_str()).collect();
    assert_eq!(names, ["Jens Stoltenberg", "Antony Blinken"]);
    assert_eq!(
        f.severity,
        Severity::High,
        "the same words, two reporting verbs"
    );
}

/// A quote given to a person in one article and to no one in the other is
/// no attribution discrepancy: usually the extractor missed the speaker.
/// It is its own low-severity kind, reported only when asked for.
#[test]
fn unattributed_is_its_own_kind_and_off_by_default() {
    let r = run(&r_docs());
    assert_eq!(discrepancies(&r), [], "{}", dump(&r));
    assert_eq!(
        r.agreements().map(|f| f.kind).collect::<Vec<_>>(),
        [FindingKind::Matched],
        "the same claim, not an agreement: one speaker is unknown"
    );
    let r2 = compare(
        &r_docs(),
        &Config {
            report_unattributed: true,
            ..Config::default()
        },
    );
    assert_eq!(
        discrepancies(&r2),
        [FindingKind::Unattributed],
        "{}",
        dump(&r2)
    );
    assert_eq!(r2.discrepancies().next().unwrap().severity, Severity::Low);
}

fn r_docs() -> Vec<Extraction> {
    let quote = "We are facing a key moment for security in Europe";
    vec![
        Doc::new("a", &format!("“{quote},” acknowledged Jens Stoltenberg."))
            .person("Jens Stoltenberg", &[], &[])
            .quote(quote, Some("Jens Stoltenberg"))
            .build(),
        Doc::new("b", &format!("Officials were blunt: “{quote}.”"))
            .quote(quote, None)
            .build(),
    ]
}

#[test]
fn speaker_role() {
    let a = Doc::new("a", "The alliance is ready to listen to Moscow, said NATO secretary Jens Stoltenberg on Wednesday.")
        .person("Jens Stoltenberg", &["Stoltenberg"], &["NATO secretary"])
        .build();
    let b = Doc::new("b", "The Secretary General of the Atlantic Alliance, Jens Stoltenberg, said the alliance would listen to Moscow's concerns.")
        .person("Jens Stoltenberg", &["Stoltenberg"], &["Secretary General of the Atlantic Alliance"])
        .build();
    let r = run(&[a, b]);
    assert_eq!(
        discrepancies(&r),
        [FindingKind::SpeakerRole],
        "{}",
        dump(&r)
    );
    let f = r.discrepancies().next().unwrap();
    let values: Vec<&str> = f.variants.iter().map(|v| v.display.as_str()).collect();
    assert_eq!(
        values,
        [
            "NATO secretary",
            "Secretary General of the Atlantic Alliance"
        ]
    );
    assert_eq!(f.severity, Severity::Medium, "a role is at most medium");
    assert_eq!(
        &r.findings
            .iter()
            .filter(|f| f.kind == FindingKind::SpeakerRole)
            .count(),
        &1
    );
}

#[test]
fn same_role_in_other_words_is_no_finding() {
    let a = Doc::new("a", "US Secretary of State Antony Blinken spoke.")
        .person("Antony Blinken", &[], &["US Secretary of State"])
        .build();
    let b = Doc::new("b", "Blinken, the Secretary of State, spoke too.")
        .person("Blinken", &[], &["Secretary of State"])
        .build();
    let r = run(&[a, b]);
    assert_eq!(discrepancies(&r), []);
    assert_eq!(r.people.len(), 1);
}

const A_MEET: &str = "Blinken met his Russian counterpart Sergei Lavrov in Geneva on Friday to discuss the security crisis over Ukraine.";

#[test]
fn date_weekday_changed() {
    let a = Doc::new("a", A_MEET).date("Friday", "2022-01-21").build();
    let b = Doc::new("b", "On Thursday in Geneva, Sergei Lavrov and Blinken, his Russian counterpart, discussed the Ukraine security crisis.")
        .date("Thursday", "2022-01-20")
        .build();
    let r = run(&[a, b]);
    assert_eq!(discrepancies(&r), [FindingKind::Date], "{}", dump(&r));
    let f = r.discrepancies().next().unwrap();
    let m = &f.variants[0].mentions[0];
    assert_eq!(m.article, "a");
    assert_eq!(m.value_span.unwrap().slice(A_MEET), "Friday");
}

#[test]
fn date_granularity_no_discrepancy() {
    let ta = "Washington believes Putin is ready to use force against Ukraine by mid-February despite the pressure campaign.";
    let tb = "Washington thinks Putin could use force against Ukraine around 15 February despite a campaign of pressure.";
    let a = Doc::new("a", ta)
        .date_as(
            "by mid-February",
            "2022-02-10/2022-02-20",
            Granularity::PartOfMonth,
        )
        .build();
    let b = Doc::new("b", tb).date("15 February", "2022-02-15").build();
    let r = run(&[a, b]);
    assert_eq!(discrepancies(&r), [], "{}", dump(&r));
    assert_eq!(r.agreements().count(), 1, "{}", dump(&r));
}

#[test]
fn quantity_changed() {
    let ta = "More than 100 thousand soldiers are now massed on the border of Ukraine, officials in Kiev said.";
    let tb = "Officials in Kiev say some 70,000 troops are now massed along the border of Ukraine.";
    let a = Doc::new("a", ta)
        .quantity(
            "More than 100 thousand soldiers",
            100_000.0,
            Qualifier::MoreThan,
            Some("soldiers"),
        )
        .build();
    let b = Doc::new("b", tb)
        .quantity(
            "some 70,000 troops",
            70_000.0,
            Qualifier::About,
            Some("troops"),
        )
        .build();
    let r = run(&[a, b]);
    assert_eq!(discrepancies(&r), [FindingKind::Quantity], "{}", dump(&r));
    // Another figure whose bounds overlap is still another figure (the old
    // rule called "more than 100,000" and "about 110,000" consistent; the
    // figures differ, so it is a low-severity finding now).
    let b2 = Doc::new("b", tb)
        .quantity(
            "some 70,000 troops",
            110_000.0,
            Qualifier::About,
            Some("troops"),
        )
        .build();
    let a2 = Doc::new("a", ta)
        .quantity(
            "More than 100 thousand soldiers",
            100_000.0,
            Qualifier::MoreThan,
            Some("soldiers"),
        )
        .build();
    let r2 = run(&[a2, b2]);
    assert_eq!(discrepancies(&r2), [FindingKind::Quantity], "{}", dump(&r2));
    assert_eq!(r2.discrepancies().next().unwrap().severity, Severity::Low);
}

#[test]
fn place_changed() {
    let a = Doc::new("a", A_MEET)
        .place("Geneva")
        .date("Friday", "2022-01-21")
        .build();
    let b = Doc::new("b", "Blinken and his Russian counterpart Sergei Lavrov met on Friday in Vienna to discuss the Ukraine security crisis.")
        .place("Vienna")
        .date("Friday", "2022-01-21")
        .build();
    let r = run(&[a, b]);
    assert_eq!(discrepancies(&r), [FindingKind::Place], "{}", dump(&r));
    let f = r.discrepancies().next().unwrap();
    let places: Vec<&str> = f.variants.iter().map(|v| v.display.as_str()).collect();
    assert_eq!(places, ["Geneva", "Vienna"]);
}

#[test]
fn unrelated_articles_give_no_findings() {
    let a = Doc::new("a", "The central bank raised interest rates by half a point on Wednesday, citing stubborn inflation. \
        Economists had expected a smaller increase. Mortgage lenders said repayments would rise for millions of households. \
        “We will do what it takes to bring prices down,” the governor told reporters.")
        .quote("We will do what it takes to bring prices down", None)
        .build();
    let b = Doc::new("b", "Heavy rain flooded parts of the northern valley overnight, forcing hundreds of residents from their homes. \
        Rescue teams used boats to reach villages cut off by the water. The weather service warned of more storms this weekend. \
        “We have never seen the river this high,” a farmer said.")
        .quote("We have never seen the river this high", None)
        .build();
    let c = Doc::new("c", A_MEET).build();
    let docs = [a, b, c];
    // three events: three stories, each article alone in its own
    let r = run(&docs);
    assert!(r.findings.is_empty(), "{}", dump(&r));
    assert_eq!(r.stories.len(), 3);
    assert!(r.stories.iter().all(|s| s.is_singleton()));
    // forced into one story, their claims still match nothing
    let mut one = Config::default();
    one.stories.force_one_story = true;
    let r = compare(&docs, &one);
    assert!(r.findings.is_empty(), "{}", dump(&r));
    assert_eq!(r.stories.len(), 1);
    assert!(r.stories[0].claims >= 8);
    assert_eq!(r.stories[0].clusters, 0);
}

/// Variants come in a fixed order: most outlets first, then by the first
/// mention's article id, whatever the input order.
#[test]
fn variants_in_a_fixed_order() {
    let a = Doc::new("zeta", A_MEET)
        .date("Friday", "2022-01-21")
        .build();
    let b = Doc::new("alpha", "On Thursday in Geneva, Sergei Lavrov and Blinken, his Russian counterpart, discussed the Ukraine security crisis.")
        .date("Thursday", "2022-01-20")
        .build();
    let c = Doc::new("mid", "On Thursday in Geneva, Blinken and his Russian counterpart Sergei Lavrov discussed the security crisis over Ukraine.")
        .date("Thursday", "2022-01-20")
        .build();
    let r = run(&[a.clone(), b.clone(), c.clone()]);
    let f = r.discrepancies().next().unwrap();
    let order: Vec<(&str, usize)> = f
        .variants
        .iter()
        .map(|v| (v.display.as_str(), v.outlets))
        .collect();
    assert_eq!(order, [("2022-01-20", 2), ("2022-01-21", 1)]);
    assert_eq!(f.variants[0].mentions[0].article, "alpha");
    assert_eq!(run(&[c, a, b]), r);
}

// ---- people: the failure patterns of issue 10, with hand-made extractions

fn say(id: &str, text: &str, person: &str, aliases: &[&str], roles: &[&str]) -> Extraction {
    Doc::new(id, text).person(person, aliases, roles).build()
}

/// "Mr." is an honorific, not a role: no role finding against "chairman".
#[test]
fn honorific_is_not_a_role() {
    let a = say(
        "a",
        "Mr. Daniel Okafor said shareholders would vote on the merger in March.",
        "Daniel Okafor",
        &[],
        &["Mr."],
    );
    let b = say(
        "b",
        "Chairman Daniel Okafor said shareholders would vote on the merger in March.",
        "Daniel Okafor",
        &[],
        &["Chairman"],
    );
    let r = run(&[a, b]);
    assert_eq!(discrepancies(&r), [], "{}", dump(&r));
    let p = &r.people[0];
    assert_eq!(p.roles, [("b".to_string(), "Chairman".to_string())]);
}

/// "chair" / "chairman" are one job; "negotiator" is a narrower description
/// of "deputy foreign minister and senior nuclear negotiator".
#[test]
fn synonyms_and_narrower_roles_agree() {
    for (ra, rb) in [
        ("committee chair", "committee chairman"),
        (
            "negotiator",
            "deputy foreign minister and senior nuclear negotiator",
        ),
        ("DNC Chairman", "chairman"),
    ] {
        let text = |role: &str| {
            format!("The {role} Ali Kani said talks would resume next month in Vienna.")
        };
        let a = say("a", &text(ra), "Ali Kani", &[], &[ra]);
        let b = say("b", &text(rb), "Ali Kani", &[], &[rb]);
        let r = run(&[a, b]);
        assert_eq!(discrepancies(&r), [], "{ra} / {rb}: {}", dump(&r));
    }
}

/// Two people named Smith with different first names are two people: the
/// Republican senator's title is not contradicted by the Democratic one.
/// Merged, they would give a role finding ("senator" ranks of two parties).
#[test]
fn two_smiths_are_kept_apart() {
    let a = Doc::new(
        "a",
        "Republican senator John Smith said the relief bill would pass. Democratic senator Mary Smith said it would not.",
    )
    .person("John Smith", &[], &["Republican senator"])
    .person("Mary Smith", &[], &["Democratic senator"])
    .build();
    let b = Doc::new(
        "b",
        "The relief bill will pass, Republican senator John Smith said, while Democratic senator Mary Smith disagreed.",
    )
    .person("John Smith", &[], &["Republican senator"])
    .person("Mary Smith", &[], &["Democratic senator"])
    .build();
    let r = run(&[a, b]);
    assert_eq!(discrepancies(&r), [], "{}", dump(&r));
    let names: Vec<&str> = r.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["John Smith", "Mary Smith"]);
}

/// A surname-only mention joins the one full name of the story; with two
/// people of that surname it joins neither.
#[test]
fn surname_only_mentions() {
    let quote = "The relief bill will reach the floor before the recess";
    let a = Doc::new(
        "a",
        &format!("“{quote},” Senator John Smith said on Monday."),
    )
    .person("John Smith", &[], &["Senator"])
    .quote(quote, Some("John Smith"))
    .build();
    let b = Doc::new("b", &format!("“{quote},” Smith told reporters on Monday."))
        .person("Smith", &[], &[])
        .quote(quote, Some("Smith"))
        .build();
    let r = run(&[a.clone(), b.clone()]);
    assert_eq!(discrepancies(&r), [], "{}", dump(&r));
    assert_eq!(r.people.len(), 1);
    assert_eq!(
        r.agreements().map(|f| f.kind).collect::<Vec<_>>(),
        [FindingKind::Agreement]
    );
    // a second Smith in the story: "Smith" is ambiguous, never called a
    // different person from either
    let c = Doc::new("c", &format!("“{quote},” Mary Smith said on Monday."))
        .person("Mary Smith", &[], &[])
        .quote(quote, Some("Mary Smith"))
        .build();
    let r = run(&[a, b, c]);
    assert_eq!(
        discrepancies(&r),
        [FindingKind::Attribution],
        "{}",
        dump(&r)
    );
    let f = r.discrepancies().next().unwrap();
    let names: Vec<&str> = f.variants.iter().map(|v| v.display.as_str()).collect();
    assert_eq!(names, ["John Smith", "Mary Smith"]);
}

/// Titles, possessives and honorifics in front of a name are not the name:
/// "Party Chairman Ann Lee", "Ann Lee" and "Russia's Ann Lee" are one person.
#[test]
fn titles_in_names_are_stripped() {
    let quote = "We will not break up over one bill, whatever our rivals hope";
    let docs: Vec<Extraction> = ["Party Chairman Ann Lee", "Ann Lee", "Russia's Ann Lee"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            Doc::new(
                &format!("d{i}"),
                &format!("“{quote},” {name} said in Leeds."),
            )
            .person(name, &[], &[])
            .quote(quote, Some(name))
            .build()
        })
        .collect();
    let r = run(&docs);
    assert_eq!(discrepancies(&r), [], "{}", dump(&r));
    assert_eq!(r.people.len(), 1);
    assert_eq!(r.people[0].name, "Ann Lee");
}

/// An institution as the speaker on one side is no attribution
/// discrepancy: two named people are needed.
#[test]
fn institution_speaker_is_no_attribution() {
    let quote = "France stands fully behind its partners on the eastern flank";
    let a = Doc::new("a", &format!("“{quote},” the Elysee said in a statement."))
        .org("Elysee", &[])
        .quote(quote, Some("Elysee"))
        .build();
    let b = Doc::new("b", &format!("“{quote},” Emmanuel Macron said."))
        .person("Emmanuel Macron", &[], &[])
        .quote(quote, Some("Emmanuel Macron"))
        .build();
    let r = run(&[a, b]);
    assert_eq!(discrepancies(&r), [], "{}", dump(&r));
}

/// Editorial insertions are not the speaker's words: a bracketed
/// replacement faces the speaker's words as an ellipsis, "(sic)" is
/// dropped. No wording finding.
#[test]
fn editorial_brackets_and_sic_are_not_wording() {
    let qa = "Whoever keeps watch on [President Trump] at [the White House] should read the op-ed";
    let qb = "Whoever keeps watch on [Donald Trump] at WH should read the op-ed";
    let qc = "Whoever keeps watch on Trump at WH (sic) should read the op-ed";
    let docs: Vec<Extraction> = [("a", qa), ("b", qb), ("c", qc)]
        .iter()
        .map(|(id, q)| {
            Doc::new(id, &format!("Senator Chuck Grassley wrote: “{q}.”"))
                .person("Chuck Grassley", &[], &["Senator"])
                .quote(q, Some("Chuck Grassley"))
                .build()
        })
        .collect();
    let r = run(&docs);
    assert_eq!(discrepancies(&r), [], "{}", dump(&r));
    // a word changed outside the brackets is still a wording finding
    let qd = "Whoever keeps watch on [Donald Trump] at WH should ignore the op-ed";
    let d = Doc::new("d", &format!("Senator Chuck Grassley wrote: “{qd}.”"))
        .person("Chuck Grassley", &[], &["Senator"])
        .quote(qd, Some("Chuck Grassley"))
        .build();
    let r = run(&[docs[1].clone(), d]);
    assert_eq!(
        discrepancies(&r),
        [FindingKind::QuoteWording],
        "{}",
        dump(&r)
    );
}
