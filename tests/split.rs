//! A story compared in parts (`crosscheck_align::split`: plan, matches per
//! pair of parts, finish) gives the findings of the story compared whole,
//! to the last bit and to the byte of the CSV report: what lets
//! `crosscheck.spark` split a story too large for one task.

mod common;

use common::corpus::{generate, Params};
use common::wire::{generate_wire, keep_sentences, SourceDoc, WireParams};
use crosscheck::align::{self, split, stories, Alignment, ClaimStats, Config};
use crosscheck::parse::{self, Extraction};
use crosscheck::report::{self, Report};

/// Source documents in wire style, written for this test: named
/// speakers (full name, then surname), quotes, dates and figures, so that
/// people, quote clusters and fact slots all take part.
fn sources() -> Vec<SourceDoc> {
    (0..12)
        .map(|i| {
            let port = format!("Belmara{i}");
            let text = format!(
                "Dock workers in {port} ended a nine-day strike on Wednesday after union leaders accepted a pay rise of {pct} percent. \
                 “The agreement protects every job on the waterfront for three years,” union secretary Marta Okonkwo told reporters outside the port office. \
                 Okonkwo said about 2,{i:02}0 workers would return to the cranes on Thursday morning. \
                 The port authority estimated that the strike had cost shippers {cost} million dollars in delayed cargo. \
                 “We are relieved that the ships can move again,” said harbour master Daniel Ferreira, adding that {berths} berths had stood idle. \
                 Ferreira said the backlog of container ships anchored off {port} would take two weeks to clear. \
                 Shipping companies had diverted at least {ships} vessels to other ports since the strike began on March 1. \
                 The regional government welcomed the deal and promised to review safety rules at the docks before the summer. \
                 “Nobody wins a strike like this one, but today the port is open,” Okonkwo said at a news conference on Wednesday evening. \
                 Exporters of fruit and timber said they had lost orders during the stoppage and asked for compensation. \
                 The agreement still needs the approval of union members, who will vote on it next Monday. \
                 Traffic on the coastal highway returned to normal as the first trucks left the terminal.",
                pct = 4 + i % 5,
                cost = 30 + 7 * i,
                berths = 11 + i,
                ships = 40 + 3 * i,
            );
            SourceDoc {
                title: format!("Strike ends at the port of {port}"),
                sentences: keep_sentences(&text),
            }
        })
        .collect()
}

fn extract(arts: impl Iterator<Item = parse::Article>) -> Vec<Extraction> {
    crosscheck::extract_all(&parse::Ingested {
        articles: arts.collect(),
        diagnostics: vec![],
    })
}

/// The extractions of the 160-article wire corpus (seed 3): quotes and
/// sentences copied across one story, copy groups, people across articles.
fn wire_docs() -> Vec<Extraction> {
    let arts = generate_wire(
        &sources(),
        &WireParams {
            articles: 160,
            seed: 3,
            date: chrono::NaiveDate::from_ymd_opt(2023, 3, 8).unwrap(),
        },
    );
    crosscheck::extract_all(&common::ingested_wire(&arts))
}

/// The collection's claim statistics, as a distributed run has them
/// (strings counted once left out).
fn stats_of(docs: &[Extraction], cfg: &Config) -> ClaimStats {
    let mut stats = ClaimStats::default();
    for d in docs {
        stats.add(&ClaimStats::of(d, cfg));
    }
    stats.df.retain(|_, f| *f >= 2);
    stats
}

/// The generated corpus of `articles` articles (seed 5), extracted, with
/// its claim statistics, its plan as one story and its matches under
/// `cfg`.
fn planned(
    articles: usize,
    cfg: &Config,
) -> (
    Vec<Extraction>,
    ClaimStats,
    split::StoryPlan,
    Vec<split::Edge>,
) {
    let c = generate(&Params { articles, seed: 5 });
    let docs = crosscheck::extract_all(&common::ingested(&c));
    let stats = stats_of(&docs, cfg);
    let plan = split::plan(&docs, cfg, &stats).expect("plans");
    let edges = split::edges(&docs, &[], &plan, cfg, &stats).expect("edges");
    (docs, stats, plan, edges)
}

/// The extractions of the articles a task of the finish names.
fn part_docs(docs: &[Extraction], part: &split::FinishPart) -> Vec<Extraction> {
    docs.iter()
        .filter(|x| part.articles().any(|id| id == x.article.id))
        .cloned()
        .collect()
}

/// The CSV report of one story's alignment, as `crosscheck.spark` renders
/// it.
fn csv(docs: &[Extraction], a: &Alignment) -> String {
    let r = Report::new(docs, a);
    report::render(&r, report::Format::Csv).expect("renders")
}

/// The plan of a story made from the summaries of `k` parts (cut in
/// input order, merged in reverse order): checked against the plan of the
/// whole story, and returned.
fn plan_in_parts(
    docs: &[Extraction],
    k: usize,
    cfg: &Config,
    stats: &ClaimStats,
) -> split::StoryPlan {
    let n = docs.len();
    let summaries: Vec<split::PartSummary> = (0..k)
        .map(|i| split::summarize(&docs[i * n / k..(i + 1) * n / k], cfg).expect("summarises"))
        .collect();
    assert_eq!(summaries.iter().map(|s| s.articles()).sum::<usize>(), n);
    let merged = summaries
        .into_iter()
        .rev()
        .fold(split::PartSummary::default(), split::PartSummary::merge);
    let from_parts = split::plan_from(&merged, cfg).expect("plans from parts");
    let whole = split::plan(docs, cfg, stats).expect("plans");
    assert_eq!(from_parts, whole, "plan from {k} parts");
    from_parts
}

/// What a plan holds, for the checks that it is not trivial: per claim
/// its speaker and representative, the stems and speakers giving
/// candidates.
struct PlanView {
    speakers: Vec<Option<u32>>,
    reps: Vec<u32>,
    stems: Vec<String>,
    speaker_keys: Vec<u32>,
}

fn view(plan: &split::StoryPlan) -> PlanView {
    let v = serde_json::to_value(plan).expect("serialises");
    let take = |k: &str| v[k].clone();
    PlanView {
        speakers: serde_json::from_value(take("speakers")).expect("speakers"),
        reps: serde_json::from_value(take("reps")).expect("reps"),
        stems: serde_json::from_value(take("stems")).expect("stems"),
        speaker_keys: serde_json::from_value(take("speaker_keys")).expect("keys"),
    }
}

/// How many claims after the first third of the story's articles repeat
/// the text of a claim in that first third (their representative).
fn repeats_across(plan: &split::StoryPlan) -> usize {
    let j = serde_json::to_value(plan).unwrap();
    let arts: Vec<(String, u32)> = serde_json::from_value(j["articles"].clone()).unwrap();
    let cut: usize = arts[..arts.len() / 3]
        .iter()
        .map(|(_, c)| *c as usize)
        .sum();
    let reps = view(plan).reps;
    (cut..reps.len())
        .filter(|&i| (reps[i] as usize) < cut)
        .count()
}

/// Every story of at least `min` articles, compared in 2, 3 and 5 parts,
/// gives the alignment and the CSV bytes of the story compared whole.
///
/// Returns how many stories were checked, and the most claims of one
/// whose text was first written in the first third of its articles (the
/// plan from parts finds such repeats across parts).
fn check_stories(
    docs: &[Extraction],
    groups: &[Vec<usize>],
    cfg: &Config,
    min: usize,
) -> (usize, usize) {
    let stats = stats_of(docs, cfg);
    let mut checked = 0;
    let mut most_repeats = 0;
    for g in groups.iter().filter(|g| g.len() >= min) {
        let story: Vec<Extraction> = g.iter().map(|&i| docs[i].clone()).collect();
        let whole = align::compare_stories_with(&story, &[(0..story.len()).collect()], cfg, &stats);
        let whole_csv = csv(&story, &whole);
        let mut repeats = 0;
        for k in [2, 3, 5] {
            repeats = repeats_across(&plan_in_parts(&story, k, cfg, &stats));
            let parts = split::compare_split(&story, k, cfg, &stats).expect("splits");
            assert_eq!(
                csv(&story, &parts),
                whole_csv,
                "{} in {k} parts",
                whole.stories[0].id
            );
            assert_eq!(parts, whole, "{} in {k} parts", whole.stories[0].id);
        }
        checked += 1;
        most_repeats = most_repeats.max(repeats);
    }
    (checked, most_repeats)
}

#[test]
fn wire_stories_in_parts_give_the_whole_story_findings() {
    let docs = wire_docs();
    let cfg = Config::default();
    let groups = stories::group(&docs, &cfg.stories);
    let largest = groups.iter().map(Vec::len).max().unwrap_or(0);
    // the sources share their wording: one week-long story of every copy
    assert!(largest >= 100, "largest story: {largest}");
    let whole = align::compare(&docs, &cfg);
    assert!(
        whole.findings.len() >= 10,
        "{} findings",
        whole.findings.len()
    );
    let (checked, repeats) = check_stories(&docs, &groups, &cfg, 6);
    assert!(checked >= 1);
    // wire copies: many texts of the first part repeated in later parts
    assert!(repeats >= 100, "{repeats} repeats across parts");
}

/// The matches of every pair of `k` parts (cut in input order), sorted.
fn edges_in_parts(
    docs: &[Extraction],
    k: usize,
    plan: &split::StoryPlan,
    cfg: &Config,
    stats: &ClaimStats,
) -> Vec<split::Edge> {
    let n = docs.len();
    let cut: Vec<&[Extraction]> = (0..k).map(|i| &docs[i * n / k..(i + 1) * n / k]).collect();
    let mut all = Vec::new();
    for i in 0..k {
        all.extend(split::edges(cut[i], &[], plan, cfg, stats).expect("edges"));
        for j in i + 1..k {
            all.extend(split::edges(cut[i], cut[j], plan, cfg, stats).expect("edges"));
        }
    }
    all.sort_by_key(|x| (x.a, x.b));
    all
}

#[test]
fn one_story_of_every_article_in_parts_gives_the_cli_findings() {
    // 120 template articles forced into one story: many clusters, people
    // and copies across every cut
    let c = generate(&Params {
        articles: 120,
        seed: 17,
    });
    let docs = crosscheck::extract_all(&common::ingested(&c));
    let mut cfg = Config::default();
    cfg.stories.force_one_story = true;
    // and with a low cap on blocking keys, where a part alone would keep
    // keys the whole story drops
    let mut capped = cfg.clone();
    capped.block_max_df = 6;
    for cfg in [cfg, capped] {
        let whole = align::compare(&docs, &cfg);
        assert_eq!(whole.stories.len(), 1);
        assert!(whole.findings.len() > 50, "{}", whole.findings.len());
        // with every string's count, as the CLI weighs them
        let mut stats = ClaimStats::default();
        for d in &docs {
            stats.add(&ClaimStats::of(d, &cfg));
        }
        let plan = split::plan(&docs, &cfg, &stats).expect("plans");
        // the plan from the parts' summaries is the whole story's, and
        // what it holds comes from across the parts: texts first written
        // in an earlier part, speakers merged over the story, keys counted
        // over the story
        let n = docs.len();
        let v = view(&plan);
        assert!(v.speakers.iter().flatten().count() >= 20);
        assert!(!v.speaker_keys.is_empty() && !v.stems.is_empty());
        for k in [2, 3, 5] {
            assert_eq!(plan_in_parts(&docs, k, &cfg, &stats), plan);
        }
        // a part alone plans otherwise (its own repeated texts and keys):
        // what the plan from the summaries must not give
        let third =
            split::plan_from(&split::summarize(&docs[n / 3..], &cfg).unwrap(), &cfg).unwrap();
        assert_ne!(view(&third).stems, v.stems);
        let one = split::edges(&docs, &[], &plan, &cfg, &stats).expect("edges");
        assert!(one.len() > 100, "{} matches", one.len());
        for k in [2, 3, 5] {
            assert_eq!(
                edges_in_parts(&docs, k, &plan, &cfg, &stats),
                one,
                "{k} parts"
            );
            let parts = split::compare_split(&docs, k, &cfg, &stats).expect("splits");
            assert_eq!(parts, whole, "{k} parts");
        }
        // and with the strings counted once left out, as Spark has them
        let all: Vec<usize> = (0..docs.len()).collect();
        assert_eq!(check_stories(&docs, &[all], &cfg, 1).0, 1);
    }
}

#[test]
fn stages_reject_articles_and_matches_of_another_story() {
    let c = generate(&Params {
        articles: 12,
        seed: 4,
    });
    let docs = crosscheck::extract_all(&common::ingested(&c));
    let cfg = Config::default();
    let stats = stats_of(&docs, &cfg);
    let plan = split::plan(&docs[..6], &cfg, &stats).expect("plans");
    assert_eq!(plan.articles(), 6);
    assert!(plan.claims() > 6);
    // an article the plan does not know
    assert!(matches!(
        split::edges(&docs[..2], &docs[6..7], &plan, &cfg, &stats),
        Err(split::SplitError::UnknownArticle(id)) if id == docs[6].article.id
    ));
    // an article read with another configuration (another claim count)
    let mut fewer = cfg.clone();
    fewer.min_sentence_tokens = 1000;
    assert!(matches!(
        split::edges(&docs[..2], &[], &plan, &fewer, &stats),
        Err(split::SplitError::ClaimCount { .. })
    ));
    // matches that name claims the story does not have, or out of order
    let claims = plan.claims() as u32;
    for (a, b) in [(0, claims), (3, 2), (1, 1)] {
        let e = split::Edge { a, b, score: 0.9 };
        assert!(matches!(
            split::finish(&docs[..6], vec![e], &cfg, &stats),
            Err(split::SplitError::BadEdge { .. })
        ));
    }
    // two articles with one id
    let twice = [docs[0].clone(), docs[0].clone()];
    assert!(matches!(
        split::plan(&twice, &cfg, &stats),
        Err(split::SplitError::DuplicateArticle(_))
    ));
    // a part summarised twice, and a summary that travels as JSON
    let s = split::summarize(&docs[..3], &cfg).expect("summarises");
    let json = serde_json::to_string(&s).expect("serialises");
    let back: split::PartSummary = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, s);
    assert!(matches!(
        split::plan_from(&s.clone().merge(back), &cfg),
        Err(split::SplitError::DuplicateArticle(_))
    ));
    // a plan travels as JSON
    let json = serde_json::to_string(&plan).expect("serialises");
    let back: split::StoryPlan = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, plan);
    // a damaged plan (a claim's speaker lost, a representative after its
    // claim) is an error, not a panic
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["speakers"].as_array_mut().unwrap().pop();
    let short: split::StoryPlan = serde_json::from_value(v).unwrap();
    assert!(matches!(
        split::edges(&docs[..6], &[], &short, &cfg, &stats),
        Err(split::SplitError::BadPlan(_))
    ));
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["reps"][0] = serde_json::json!(5);
    let later: split::StoryPlan = serde_json::from_value(v).unwrap();
    assert!(matches!(
        split::edges(&docs[..6], &[], &later, &cfg, &stats),
        Err(split::SplitError::BadPlan(_))
    ));
}

/// The finish of a story in tasks of at most `ceil(n / k)` articles
/// ([`split::partition`]), each task run alone on the articles it names
/// (its part read back from JSON, the tasks in reverse order), merged:
/// the alignment and CSV bytes of the story compared whole. Checks that
/// the finish is really cut: two claim tasks or more, each building
/// fewer claims than the story (each claim in one task at most),
/// findings from more than one task. Returns how many claim tasks read
/// articles of two or more of the `k` parts of the matching (their
/// components span parts), and how many people tasks there are.
fn check_finish_in_parts(
    docs: &[Extraction],
    cfg: &Config,
    stats: &ClaimStats,
    k: usize,
) -> (usize, usize) {
    let whole = align::compare_stories_with(docs, &[(0..docs.len()).collect()], cfg, stats);
    let plan = split::plan(docs, cfg, stats).expect("plans");
    let edges = split::edges(docs, &[], &plan, cfg, stats).expect("edges");
    let n = docs.len();
    let max = n.div_ceil(k);
    let finish = split::partition(&plan, edges, cfg, max).expect("partitions");
    let by_id: std::collections::BTreeMap<&str, &Extraction> =
        docs.iter().map(|x| (x.article.id.as_str(), x)).collect();
    let mut ids: Vec<&str> = by_id.keys().copied().collect();
    ids.sort_unstable();
    // the part of the matching (consecutive ids) an article is in
    let cut_of = |id: &str| ids.binary_search(&id).unwrap() * k / n;
    let claim_parts: Vec<&split::FinishPart> =
        finish.parts().iter().filter(|p| !p.is_people()).collect();
    assert!(claim_parts.len() >= 2, "{} claim tasks", claim_parts.len());
    // people tasks: persons grouped by surname, as many articles each
    let people: Vec<usize> = finish
        .parts()
        .iter()
        .filter(|p| p.is_people())
        .map(|p| p.articles().count())
        .collect();
    assert!(!people.is_empty(), "a people task");
    // each claim is built by one task at most
    let built: Vec<usize> = claim_parts.iter().map(|p| p.claims()).collect();
    assert!(built.iter().sum::<usize>() <= plan.claims());
    assert!(built.iter().all(|&c| c < plan.claims()), "{built:?}");
    let read: Vec<usize> = claim_parts.iter().map(|p| p.articles().count()).collect();
    let spanning = claim_parts
        .iter()
        .filter(|p| {
            let cuts: std::collections::BTreeSet<usize> = p.articles().map(cut_of).collect();
            cuts.len() >= 2
        })
        .count();
    let mut results = Vec::new();
    let mut giving = 0;
    for part in finish.parts().iter().rev() {
        let json = serde_json::to_string(part).expect("serialises");
        let part: split::FinishPart = serde_json::from_str(&json).expect("reads back");
        let mut mine: Vec<Extraction> = part.articles().map(|id| by_id[id].clone()).collect();
        mine.reverse();
        if part.is_people() {
            // what the people task keeps of each article
            mine = mine.into_iter().map(split::people_only).collect();
        }
        let r = split::finish_part(mine, &part, cfg, stats).expect("finishes");
        giving += usize::from(!r.findings.is_empty() && !part.is_people());
        results.push(r);
    }
    eprintln!(
        "k {k} n {n} claims {} built {built:?} read {read:?} people {people:?} spanning {spanning} giving {giving} copies {}",
        plan.claims(),
        whole.stories[0].copies.len()
    );
    assert!(giving >= 2, "{giving} claim tasks give findings");
    let merged = split::merge(&finish, results);
    assert_eq!(csv(docs, &merged), csv(docs, &whole), "{k} parts: CSV");
    assert_eq!(merged, whole, "finish in {k} parts");
    (spanning, people.len())
}

#[test]
fn finish_in_parts_gives_the_whole_story_findings() {
    // the wire story: quotes and sentences copied across the story, copy
    // groups, people across articles
    let docs = wire_docs();
    let cfg = Config::default();
    let groups = stories::group(&docs, &cfg.stories);
    let largest = groups.iter().max_by_key(|g| g.len()).unwrap();
    let story: Vec<Extraction> = largest.iter().map(|&i| docs[i].clone()).collect();
    let stats = stats_of(&docs, &cfg);
    let whole = align::compare_stories_with(&story, &[(0..story.len()).collect()], &cfg, &stats);
    eprintln!(
        "wire copies {:?} findings {}",
        whole.stories[0].copies.len(),
        whole.findings.len()
    );
    for k in [2, 4, 8] {
        // every task's components span the parts: the sources' sentences
        // are copied across the whole story
        let (tasks, _) = check_finish_in_parts(&story, &cfg, &stats, k);
        assert!(tasks >= 3, "{tasks} tasks span parts");
    }
    // 120 template articles forced into one story, roles compared and
    // not, blocking capped
    let c = generate(&Params {
        articles: 120,
        seed: 17,
    });
    let docs = crosscheck::extract_all(&common::ingested(&c));
    let cfg = Config::default();
    let mut no_roles = cfg.clone();
    no_roles.compare_roles = false;
    let mut capped = cfg.clone();
    capped.block_max_df = 6;
    for (i, cfg) in [cfg, no_roles, capped].into_iter().enumerate() {
        let stats = stats_of(&docs, &cfg);
        for k in [2, 5] {
            let (spanning, people) = check_finish_in_parts(&docs, &cfg, &stats, k);
            if i == 0 {
                assert!(spanning >= 2, "{spanning} tasks span parts");
            }
            // small components, small parts: the persons in several
            // tasks (by surname), role findings and people merged from
            // them
            if i == 2 && k == 5 {
                assert!(people >= 2, "{people} people tasks");
            }
        }
    }
}

#[test]
fn finish_parts_reject_what_is_not_theirs() {
    let mut cfg = Config::default();
    cfg.stories.force_one_story = true;
    let (docs, stats, plan, edges) = planned(30, &cfg);
    assert!(!edges.is_empty());
    let claims = plan.claims() as u32;
    let bad = split::Edge {
        a: 0,
        b: claims,
        score: 0.9,
    };
    assert!(matches!(
        split::partition(&plan, vec![bad], &cfg, 10),
        Err(split::SplitError::BadEdge { .. })
    ));
    let finish = split::partition(&plan, edges, &cfg, 10).expect("partitions");
    let part = finish.parts().iter().find(|p| !p.is_people()).unwrap();
    let mine = part_docs(&docs, part);
    // an article the part does not name
    let mut other = docs[0].clone();
    other.article.id = "not-in-the-story".into();
    let mut more = mine.clone();
    more.push(other);
    assert!(matches!(
        split::finish_part(more, part, &cfg, &stats),
        Err(split::SplitError::UnknownArticle(_))
    ));
    // one of its articles missing
    assert!(matches!(
        split::finish_part(mine[1..].to_vec(), part, &cfg, &stats),
        Err(split::SplitError::BadPlan(_))
    ));
    // read with another configuration (other claims)
    let mut fewer = cfg.clone();
    fewer.min_sentence_tokens = 1000;
    assert!(matches!(
        split::finish_part(mine.clone(), part, &fewer, &stats),
        Err(split::SplitError::ClaimCount { .. })
    ));
    assert!(split::finish_part(mine, part, &cfg, &stats).is_ok());
}

// ------------------------------------------------ any partition, bad input

/// The finish run in tasks of at most `max` articles (each task on the
/// articles it names, the people tasks on `people_only`), merged, against
/// the whole story.
fn finish_in_tasks(docs: &[Extraction], cfg: &Config, stats: &ClaimStats, max: usize) -> bool {
    let whole = align::compare_stories_with(docs, &[(0..docs.len()).collect()], cfg, stats);
    let plan = split::plan(docs, cfg, stats).expect("plans");
    let edges = split::edges(docs, &[], &plan, cfg, stats).expect("edges");
    let finish = split::partition(&plan, edges, cfg, max).expect("partitions");
    let by_id: std::collections::BTreeMap<&str, &Extraction> =
        docs.iter().map(|x| (x.article.id.as_str(), x)).collect();
    let mut results = Vec::new();
    for part in finish.parts() {
        let mut mine: Vec<Extraction> = part.articles().map(|id| by_id[id].clone()).collect();
        if part.is_people() {
            mine = mine.into_iter().map(split::people_only).collect();
        }
        results.push(split::finish_part(mine, part, cfg, stats).expect("finishes"));
    }
    let merged = split::merge(&finish, results);
    merged == whole && csv(docs, &merged) == csv(docs, &whole)
}

fn configs() -> Vec<(&'static str, Config)> {
    let base = Config::default();
    let mut agreements = base.clone();
    agreements.agreements = false;
    let mut unattributed = base.clone();
    unattributed.report_unattributed = true;
    let mut all = agreements.clone();
    all.report_unattributed = true;
    all.compare_roles = true;
    let mut pairs = base.clone();
    pairs.all_pairs = true;
    vec![
        ("default", base),
        ("no agreements", agreements),
        ("unattributed", unattributed),
        ("no agreements+unattributed", all),
        ("all_pairs", pairs),
    ]
}

#[test]
fn finish_in_tasks_of_any_size_any_config_gives_the_whole_story() {
    let mut failures = Vec::new();
    let c = generate(&Params {
        articles: 40,
        seed: 9,
    });
    let template = crosscheck::extract_all(&common::ingested(&c));
    let fixture_story = align::fixture::story(14, 3);
    let fixture_corpus = align::fixture::corpus(25, 11);
    for (name, docs) in [
        ("template", template),
        ("fixture story", fixture_story),
        ("fixture corpus", fixture_corpus),
    ] {
        for (cname, cfg) in configs() {
            let stats = stats_of(&docs, &cfg);
            for max in [1, 3, docs.len()] {
                if !finish_in_tasks(&docs, &cfg, &stats, max) {
                    failures.push(format!("{name} / {cname} / max {max}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn finish_in_tasks_of_small_stories_gives_the_whole_story() {
    let cfg = Config::default();
    // one article; articles without claims; no article
    let one = vec![align::fixture::Doc::new(
        "a",
        "The mayor opened the new bridge on Monday, officials said.",
    )
    .person("Ana Ruiz", &[], &["mayor"])
    .build()];
    let none = vec![
        align::fixture::Doc::new("a", "Hi.").build(),
        align::fixture::Doc::new("b", "Yes.").build(),
    ];
    for (name, docs) in [("one", one), ("no claims", none)] {
        let stats = stats_of(&docs, &cfg);
        for max in [1, 2] {
            assert!(
                finish_in_tasks(&docs, &cfg, &stats, max),
                "{name} max {max}"
            );
        }
        for k in [1, 2, 3] {
            let whole =
                align::compare_stories_with(&docs, &[(0..docs.len()).collect()], &cfg, &stats);
            assert_eq!(
                split::compare_split(&docs, k, &cfg, &stats).expect("splits"),
                whole,
                "{name} k {k}"
            );
        }
    }
    let stats = ClaimStats::default();
    assert_eq!(
        split::compare_split(&[], 2, &cfg, &stats).expect("splits"),
        align::compare_stories_with(&[], &[], &cfg, &stats)
    );
}

/// The people task reads an article whose extraction has fewer entities
/// than the plan was made from (another extraction of it): an error, as
/// a claim task gives `ClaimCount`, not a panic.
#[test]
fn people_task_with_another_extraction_is_an_error() {
    let cfg = Config::default();
    let (docs, stats, plan, edges) = planned(20, &cfg);
    let finish = split::partition(&plan, edges, &cfg, 5).expect("partitions");
    let part = finish
        .parts()
        .iter()
        .find(|p| p.is_people())
        .expect("people");
    let mine: Vec<Extraction> = part_docs(&docs, part)
        .into_iter()
        .map(|mut x| {
            x.entities.clear();
            split::people_only(x)
        })
        .collect();
    let got = split::finish_part(mine, part, &cfg, &stats);
    assert!(
        matches!(&got, Err(split::SplitError::PersonEntity { article, .. }) if part.articles().any(|id| id == article)),
        "{got:?}"
    );
}

/// A damaged part (its speakers name persons the part does not have):
/// an error, as the other checks of `finish_part` give `BadPlan`, not a
/// panic (`spark_split_finish_part` reads the part from JSON).
#[test]
fn part_with_speakers_out_of_range_is_an_error() {
    let cfg = Config::default();
    let (docs, stats, plan, edges) = planned(20, &cfg);
    let finish = split::partition(&plan, edges, &cfg, 5).expect("partitions");
    let mut damaged = 0;
    for part in finish.parts().iter().filter(|p| !p.is_people()) {
        let v = serde_json::to_value(part).unwrap();
        if !v["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| !s.is_null())
        {
            continue;
        }
        let mine = part_docs(&docs, part);
        let expected = split::finish_part(mine.clone(), part, &cfg, &stats).expect("finishes");
        // speakers that are no persons of the part
        let mut bad = v.clone();
        bad["persons"] = 0.into();
        bad["people"] = serde_json::json!([]);
        let bad: split::FinishPart = serde_json::from_value(bad).unwrap();
        let got = split::finish_part(mine.clone(), &bad, &cfg, &stats);
        assert!(matches!(got, Err(split::SplitError::BadPlan(_))), "{got:?}");
        // a part claiming billions of persons in the story: only its own
        // are built, and it finishes as the part does
        let mut huge = v.clone();
        huge["persons"] = u32::MAX.into();
        let huge: split::FinishPart = serde_json::from_value(huge).unwrap();
        assert_eq!(
            split::finish_part(mine, &huge, &cfg, &stats).expect("finishes"),
            expected
        );
        damaged += 1;
    }
    assert!(damaged > 0);
}

/// One utterance in two quotes (two clusters, two tasks) given to two
/// people: the whole story keeps one attribution finding; so must the
/// merge of the tasks.
#[test]
fn repeated_attribution_dropped_across_tasks() {
    let arts = (0..6).map(|i| {
        let who = if i % 2 == 0 { "Marta Quill" } else { "Owen Pryce" };
        parse::Article {
            id: format!("a{i}"),
            source: Some(format!("outlet{i}")),
            published: chrono::NaiveDate::from_ymd_opt(2024, 5, 14),
            text: format!(
                "Fishing crews blocked the harbour mouth at Port Ellin on Monday over the new quota rules.\n\n“The harbour stays open to every trawler that wants to leave before the storm,” {who} said, “but our own boats are not moving until the ministry withdraws the quota rules.”"
            ),
            ..Default::default()
        }
    });
    let docs = extract(arts);
    let cfg = Config::default();
    let stats = stats_of(&docs, &cfg);
    let whole = align::compare_stories_with(&docs, &[(0..docs.len()).collect()], &cfg, &stats);
    let attributions = whole
        .findings
        .iter()
        .filter(|f| f.kind == align::FindingKind::Attribution)
        .count();
    assert_eq!(attributions, 1, "{:#?}", whole.findings);
    let plan = split::plan(&docs, &cfg, &stats).expect("plans");
    let edges = split::edges(&docs, &[], &plan, &cfg, &stats).expect("edges");
    let finish = split::partition(&plan, edges, &cfg, 1).expect("partitions");
    let mut per_task = Vec::new();
    let mut results = Vec::new();
    for part in finish.parts() {
        let r = split::finish_part(part_docs(&docs, part), part, &cfg, &stats).expect("finishes");
        per_task.push(
            r.findings
                .iter()
                .filter(|f| f.finding.kind == align::FindingKind::Attribution)
                .count(),
        );
        results.push(r);
    }
    assert!(
        per_task.iter().filter(|&&n| n > 0).count() >= 2,
        "{per_task:?}"
    );
    assert_eq!(split::merge(&finish, results), whole);
}

/// A plan without its people (`people` is `#[serde(default)]`: a plan
/// written before round 16, or damaged): `partition` must refuse it
/// (`BadPlan`), not index persons that are not there.
#[test]
fn plan_without_people_is_an_error() {
    let cfg = Config::default();
    let (docs, stats, plan, edges) = planned(20, &cfg);
    let mut v = serde_json::to_value(&plan).unwrap();
    v.as_object_mut().unwrap().remove("people");
    let old: split::StoryPlan = serde_json::from_value(v).expect("reads");
    let got = split::partition(&old, edges.clone(), &cfg, 5);
    assert!(matches!(got, Err(split::SplitError::BadPlan(_))), "{got:?}");
    // the matches' stage checks the plan alike
    assert!(matches!(
        split::edges(&docs, &[], &old, &cfg, &stats),
        Err(split::SplitError::BadPlan(_))
    ));
}
