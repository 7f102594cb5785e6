//! Behaviour of the date extractor: the seeds, every kind of expression,
//! what is not a date, and robustness.

use super::*;
use crate::model::{DateValue, Granularity, Sentence, Span, TimeRef, TimexKind};

const SEED_A: &str = include_str!("../../../../seeds/000_93e88e4b70d85a76.txt");
const SEED_B: &str = include_str!("../../../../seeds/001_c40530b05c6dbbf4.txt");

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// 2022-01-27, a Thursday: the seeds' publication date.
fn thu() -> Option<NaiveDate> {
    Some(d(2022, 1, 27))
}

fn run(text: &str, reference: Option<NaiveDate>) -> Vec<DateMention> {
    let found = extract(text, &crate::sentences::split(text), reference);
    check_invariants(text, &found);
    found
}

fn check_invariants(text: &str, found: &[DateMention]) {
    for m in found {
        assert_eq!(m.span.slice(text), m.text, "span must slice to text");
        assert!(!m.text.is_empty());
        assert_eq!(m.resolved, m.value.is_some());
    }
    for w in found.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "ordered, no overlap");
    }
}

fn find<'a>(found: &'a [DateMention], text: &str) -> &'a DateMention {
    found
        .iter()
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {found:#?}"))
}

fn day(m: &DateMention) -> NaiveDate {
    match m.value {
        Some(DateValue::Day(x)) => x,
        other => panic!("{:?}: expected a day, got {other:?}", m.text),
    }
}

fn range(m: &DateMention) -> (NaiveDate, NaiveDate) {
    let v = m.value.unwrap_or_else(|| panic!("{:?} unresolved", m.text));
    (v.start(), v.end())
}

fn texts(found: &[DateMention]) -> Vec<&str> {
    found.iter().map(|m| m.text.as_str()).collect()
}

#[test]
fn seed_a_expressions() {
    let found = run(SEED_A, thu());
    assert_eq!(
        texts(&found),
        [
            "now",
            "by mid-February",
            "4 February",
            "now",
            "now",
            "the next few days",
            "Friday"
        ]
    );
    // “dialogue is now being sought”: a present reference, no value
    assert_eq!(found[0].reference, Some(TimeRef::Present));
    assert_eq!((found[0].kind, found[0].value), (TimexKind::Date, None));
    let by = find(&found, "by mid-February");
    assert_eq!(range(by), (d(2022, 2, 11), d(2022, 2, 20)));
    assert_eq!(by.granularity, Granularity::PartOfMonth);
    assert!(by
        .reason
        .as_deref()
        .unwrap()
        .contains("bound 'by' (deadline)"));
    let feb4 = find(&found, "4 February");
    assert_eq!(day(feb4), d(2022, 2, 4));
    assert_eq!(feb4.reading, DateReading::Absolute);
    let few = find(&found, "the next few days");
    assert_eq!(few.kind, TimexKind::Duration);
    assert_eq!((few.value, few.duration.as_deref()), (None, Some("PXD")));
    let fri = find(&found, "Friday");
    assert_eq!(day(fri), d(2022, 1, 21));
    assert_eq!(fri.reading, DateReading::Relative);
    assert_eq!(
        fri.reason.as_deref(),
        Some("weekday resolved to the past of 2022-01-27 (cue 'met')")
    );
}

#[test]
fn seed_b_expressions() {
    let found = run(SEED_B, thu());
    let dateline = &found[0];
    assert_eq!(dateline.text, "Thursday, February 2");
    assert_eq!(dateline.span.start, 0);
    assert_eq!(day(dateline), d(2022, 2, 2));
    assert!(dateline
        .reason
        .as_deref()
        .unwrap()
        .contains("written weekday Thursday does not match 2022-02-02 (a Wednesday)"));
    assert_eq!(day(find(&found, "Wednesday")), d(2022, 1, 26));
    let tue = find(&found, "Tuesday night");
    assert_eq!(day(tue), d(2022, 1, 25));
    assert_eq!(tue.time_of_day.as_deref(), Some("night"));
    assert!(tue.reason.as_deref().unwrap().contains("cue 'announced'"));
    let this_tue = find(&found, "this Tuesday night");
    assert_eq!(day(this_tue), d(2022, 1, 25));
    assert_eq!(this_tue.time_of_day.as_deref(), Some("night"));
    let shortly = find(&found, "shortly");
    assert!(!shortly.resolved);
    assert_eq!(shortly.granularity, Granularity::Unknown);
    assert_eq!(shortly.reading, DateReading::Relative);
    let few = find(&found, "next few days");
    assert_eq!(
        (few.kind, few.duration.as_deref()),
        (TimexKind::Duration, Some("PXD"))
    );
    // “Moscow may attack”, “You may also like” are not dates.
    assert!(found.iter().all(|m| !m.text.contains("may")));
}

#[test]
fn spans_slice_to_expression_with_typographic_text() {
    let text = "NATO’s chief – speaking “on Friday” – said talks would resume “by mid-February”.";
    let found = run(text, thu());
    assert_eq!(texts(&found), ["Friday", "by mid-February"]);
    let f = &found[0];
    assert_eq!(&text[f.span.start..f.span.end], "Friday");
    assert!(text[..f.span.start].ends_with("“on "));
}

#[test]
fn absolute_forms() {
    let text = "The treaty was signed on January 26, 2022, ratified on 26 January 2023, \
                published as 2022-01-26 and amended on Feb. 4.";
    let found = run(text, thu());
    assert_eq!(
        texts(&found),
        [
            "January 26, 2022",
            "26 January 2023",
            "2022-01-26",
            "Feb. 4"
        ]
    );
    assert_eq!(day(&found[0]), d(2022, 1, 26));
    assert_eq!(found[0].reason, None);
    assert_eq!(day(&found[1]), d(2023, 1, 26));
    assert_eq!(day(&found[2]), d(2022, 1, 26));
    assert_eq!(day(&found[3]), d(2022, 2, 4));
    assert!(found.iter().all(|m| m.reading == DateReading::Absolute));
    assert!(found.iter().all(|m| m.granularity == Granularity::Day));
}

#[test]
fn month_and_year_forms() {
    let found = run(
        "Prices rose in February 2021 and have doubled since 2014, officials said.",
        thu(),
    );
    assert_eq!(texts(&found), ["February 2021", "since 2014"]);
    assert_eq!(range(&found[0]), (d(2021, 2, 1), d(2021, 2, 28)));
    assert_eq!(found[0].granularity, Granularity::Month);
    assert_eq!(found[0].reading, DateReading::Absolute);
    assert_eq!(range(&found[1]), (d(2014, 1, 1), d(2014, 12, 31)));
    assert_eq!(found[1].granularity, Granularity::Year);

    let found = run("The law was passed in 2021 after a long debate.", thu());
    assert_eq!(texts(&found), ["2021"]);
    assert_eq!(range(&found[0]), (d(2021, 1, 1), d(2021, 12, 31)));

    let found = run("Output is expected to recover by mid-2023.", thu());
    assert_eq!(texts(&found), ["by mid-2023"]);
    assert_eq!(range(&found[0]), (d(2023, 5, 1), d(2023, 8, 31)));
}

#[test]
fn reported_future_and_names() {
    let f = run("Blinken said he would meet Lavrov on Friday.", thu());
    assert_eq!(day(&f[0]), d(2022, 1, 28));
    assert!(f[0].reason.as_deref().unwrap().contains("cue 'would'"));
    assert!(run("The Sunday Times reported the plan.", thu()).is_empty());
    let f = run("By the end of 2021, 300 people had fled.", thu());
    assert_eq!(texts(&f), ["By the end of 2021"]);
    assert_eq!(range(&f[0]), (d(2021, 12, 1), d(2021, 12, 31)));
    assert_eq!(f[0].granularity, Granularity::Month);
}

#[test]
fn day_range() {
    let found = run("The summit runs February 2-4 in Brussels.", thu());
    assert_eq!(texts(&found), ["February 2-4"]);
    assert_eq!(range(&found[0]), (d(2022, 2, 2), d(2022, 2, 4)));
}

#[test]
fn bare_month_news_mode() {
    // Past narration: the February before the reference.
    let found = run("Troops were moved to the border in February.", thu());
    assert_eq!(texts(&found), ["February"]);
    assert_eq!(range(&found[0]), (d(2021, 2, 1), d(2021, 2, 28)));
    assert_eq!(found[0].reading, DateReading::Relative);
    assert!(found[0]
        .reason
        .as_deref()
        .unwrap()
        .starts_with("month resolved to the past of 2022-01-27"));
    // A future cue in the clause: the coming February.
    let found = run("The talks will resume in February, diplomats said.", thu());
    assert_eq!(range(&found[0]), (d(2022, 2, 1), d(2022, 2, 28)));
    assert!(found[0].reason.as_deref().unwrap().contains("cue 'will'"));
    // Modifiers.
    let found = run(
        "Russia massed troops last December and may act next March.",
        thu(),
    );
    assert_eq!(texts(&found), ["last December", "next March"]);
    assert_eq!(range(&found[0]), (d(2021, 12, 1), d(2021, 12, 31)));
    assert_eq!(range(&found[1]), (d(2022, 3, 1), d(2022, 3, 31)));
}

#[test]
fn year_inference_across_year_boundary() {
    let found = run("The convoy left on December 30.", Some(d(2022, 1, 3)));
    assert_eq!(day(&found[0]), d(2021, 12, 30));
    assert_eq!(
        found[0].reason.as_deref(),
        Some("year 2021 from the reference date 2022-01-03 (past: cue 'left')")
    );
    let found = run("The vote is on January 2.", Some(d(2021, 12, 30)));
    assert_eq!(day(&found[0]), d(2022, 1, 2));
}

#[test]
fn no_reference_date() {
    let found = run(
        "Blinken met Lavrov on Friday and the Olympics open on 4 February.",
        None,
    );
    assert_eq!(texts(&found), ["Friday", "4 February"]);
    assert!(!found[0].resolved);
    assert_eq!(found[0].value, None);
    assert_eq!(
        found[0].reason.as_deref(),
        Some("relative date and no reference date")
    );
    assert_eq!(found[0].reading, DateReading::Relative);
    assert!(!found[1].resolved);
    assert_eq!(
        found[1].reason.as_deref(),
        Some("no year and no reference date")
    );
    assert_eq!(found[1].reading, DateReading::Absolute);
    // A full date needs no reference.
    let found = run("It happened on January 26, 2022.", None);
    assert_eq!(day(&found[0]), d(2022, 1, 26));
    // Every relative kind is unresolved without a reference.
    let found = run(
        "Yesterday he said last week was hard and talks will resume in two weeks.",
        None,
    );
    assert_eq!(texts(&found), ["Yesterday", "last week", "two weeks"]);
    assert!(
        found[..2]
            .iter()
            .all(|m| !m.resolved
                && m.reason.as_deref() == Some("relative date and no reference date"))
    );
    // a duration needs no reference date
    assert_eq!(found[2].duration.as_deref(), Some("P2W"));
}

#[test]
fn weekday_past_and_future_cues() {
    let r = thu();
    let one = |t: &str| {
        let f = run(t, r);
        assert_eq!(f.len(), 1, "{t}: {f:#?}");
        f.into_iter().next().unwrap()
    };
    // Past by default and with a past verb.
    assert_eq!(
        day(&one("The minister resigned on Monday.")),
        d(2022, 1, 24)
    );
    assert_eq!(day(&one("Officials spoke Monday.")), d(2022, 1, 24));
    // Future cues.
    let m = one("Blinken will meet Lavrov on Friday.");
    assert_eq!(day(&m), d(2022, 1, 28));
    assert!(m
        .reason
        .as_deref()
        .unwrap()
        .contains("future of 2022-01-27 (cue 'will')"));
    assert_eq!(
        day(&one("The summit is going to take place on Monday.")),
        d(2022, 1, 31)
    );
    assert_eq!(
        day(&one("A vote is to be held on Saturday.")),
        d(2022, 1, 29)
    );
    assert_eq!(
        day(&one("On Friday, Blinken will meet Lavrov.")),
        d(2022, 1, 28)
    );
    let m = one("Russia must reply by Friday.");
    assert_eq!(m.text, "by Friday");
    assert_eq!(day(&m), d(2022, 1, 28));
    // Modifiers are strict.
    assert_eq!(day(&one("He left last Thursday.")), d(2022, 1, 20));
    assert_eq!(day(&one("He arrives next Thursday.")), d(2022, 2, 3));
    assert_eq!(day(&one("He arrives next Tuesday.")), d(2022, 2, 1));
    // The reference's own weekday is the reference day.
    assert_eq!(
        day(&one("NATO said on Thursday it was ready.")),
        d(2022, 1, 27)
    );
    // Past and future in one sentence: each takes its own clause.
    let f = run(
        "Blinken met Lavrov on Friday and will meet him again on Monday.",
        r,
    );
    assert_eq!(texts(&f), ["Friday", "Monday"]);
    assert_eq!(day(&f[0]), d(2022, 1, 21));
    assert_eq!(day(&f[1]), d(2022, 1, 31));
}

#[test]
fn time_of_day() {
    let f = run(
        "Shelling began Wednesday morning and resumed last night; talks are set for tomorrow afternoon.",
        thu(),
    );
    assert_eq!(
        texts(&f),
        ["Wednesday morning", "last night", "tomorrow afternoon"]
    );
    assert_eq!(f[0].time_of_day.as_deref(), Some("morning"));
    assert_eq!(day(&f[0]), d(2022, 1, 26));
    assert_eq!(f[1].time_of_day.as_deref(), Some("night"));
    assert_eq!(day(&f[1]), d(2022, 1, 26));
    assert_eq!(f[2].time_of_day.as_deref(), Some("afternoon"));
    assert_eq!(day(&f[2]), d(2022, 1, 28));
}

#[test]
fn yesterday_today_tomorrow() {
    let f = run(
        "The envoy arrived yesterday, meets officials today and leaves tomorrow; \
         the day before yesterday he was in Kyiv.",
        thu(),
    );
    assert_eq!(
        texts(&f),
        ["yesterday", "today", "tomorrow", "the day before yesterday"]
    );
    assert_eq!(day(&f[0]), d(2022, 1, 26));
    assert_eq!(day(&f[1]), d(2022, 1, 27));
    assert_eq!(day(&f[2]), d(2022, 1, 28));
    assert_eq!(day(&f[3]), d(2022, 1, 25));
}

#[test]
fn weeks_and_months() {
    let f = run(
        "Talks stalled last week, resume this week and end next week. \
         Gas prices fell last month and should rise next month.",
        thu(),
    );
    assert_eq!(
        texts(&f),
        [
            "last week",
            "this week",
            "next week",
            "last month",
            "next month"
        ]
    );
    assert_eq!(range(&f[0]), (d(2022, 1, 17), d(2022, 1, 23)));
    assert_eq!(range(&f[1]), (d(2022, 1, 24), d(2022, 1, 30)));
    assert_eq!(range(&f[2]), (d(2022, 1, 31), d(2022, 2, 6)));
    assert_eq!(f[0].granularity, Granularity::Week);
    assert_eq!(range(&f[3]), (d(2021, 12, 1), d(2021, 12, 31)));
    assert_eq!(range(&f[4]), (d(2022, 2, 1), d(2022, 2, 28)));
    assert_eq!(f[4].granularity, Granularity::Month);

    let f = run(
        "Earlier this month the embassy warned that a decision would come by the end of the month.",
        thu(),
    );
    assert_eq!(texts(&f), ["Earlier this month", "by the end of the month"]);
    assert_eq!(range(&f[0]), (d(2022, 1, 1), d(2022, 1, 26)));
    assert_eq!(range(&f[1]), (d(2022, 1, 21), d(2022, 1, 31)));
    assert_eq!(f[1].granularity, Granularity::PartOfMonth);
    assert!(f[1].reason.as_deref().unwrap().contains("'by'"));
}

#[test]
fn spans_of_days_and_offsets() {
    // spans around the reference date are durations, not dates
    let f = run(
        "He will travel in the coming days and return in two weeks; the plan was drafted three days ago.",
        thu(),
    );
    assert_eq!(
        texts(&f),
        ["the coming days", "two weeks", "three days ago"]
    );
    let durations: Vec<Option<&str>> = f.iter().map(|m| m.duration.as_deref()).collect();
    assert_eq!(durations, [Some("PXD"), Some("P2W"), None]);
    assert!(f[..2]
        .iter()
        .all(|m| m.kind == TimexKind::Duration && m.value.is_none()));
    assert_eq!(day(&f[2]), d(2022, 1, 24));
    assert_eq!(
        (f[2].kind, f[2].granularity),
        (TimexKind::Date, Granularity::Day)
    );

    let f = run(
        "Fighting eased over the past few days; a deal is expected within a week.",
        thu(),
    );
    assert_eq!(texts(&f), ["the past few days", "a week"]);
    let durations: Vec<Option<&str>> = f.iter().map(|m| m.duration.as_deref()).collect();
    assert_eq!(durations, [Some("PXD"), Some("P1W")]);
}

#[test]
fn vague_expressions_marked_not_resolved() {
    let f = run("The ministry will respond soon.", thu());
    assert_eq!(texts(&f), ["soon"]);
    assert!(!f[0].resolved);
    assert_eq!(
        f[0].reason.as_deref(),
        Some("vague future ('soon'): not resolved to a date")
    );
    let f = run(
        "He asked for a reply as soon as possible. Shortly after the blast, police arrived.",
        thu(),
    );
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn non_dates_are_not_reported() {
    let text = "Theresa May said Moscow may attack. Protesters march through Kyiv and \
                March on the capital. Wait a second. More than 100 thousand soldiers are \
                massed, up by 2000 troops, and the force grew by 2000. A total of 2021 \
                votes were cast at 1945 GMT in Room 2022. Good Friday services went ahead. \
                USA Today reported it. June Carter sang. Some 15 soldiers died in 10 days \
                of fighting, the first time in two years.";
    let found = run(text, thu());
    // two durations, and no date
    assert_eq!(texts(&found), ["10 days", "two years"], "{found:#?}");
    assert!(found.iter().all(|m| m.kind == TimexKind::Duration));
}

#[test]
fn ambiguous_months_with_cue_or_day() {
    let f = run(
        "The election was held in May, and the new cabinet met on 3 March.",
        thu(),
    );
    assert_eq!(texts(&f), ["May", "3 March"]);
    assert_eq!(range(&f[0]), (d(2021, 5, 1), d(2021, 5, 31)));
    assert_eq!(day(&f[1]), d(2022, 3, 3));
}

#[test]
fn longest_match_wins() {
    let f = run("Thursday, February 2, 2023 was the deadline.", thu());
    assert_eq!(texts(&f), ["Thursday, February 2, 2023"]);
    assert_eq!(day(&f[0]), d(2023, 2, 2));
    assert_eq!(f[0].reason, None, "weekday matches 2023-02-02");
}

#[test]
fn deterministic() {
    let a = run(SEED_A, thu());
    let b = run(SEED_A, thu());
    assert_eq!(a, b);
}

/// Tiny deterministic generator: no dependency, no clock.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn no_panic_on_junk() {
    let pieces = [
        "February",
        "May",
        " ",
        "4",
        "31",
        "2022",
        "-",
        "–",
        "“",
        "”",
        "Friday",
        "by ",
        "in ",
        "next ",
        "few ",
        "days",
        "ago",
        "é",
        "日本",
        "🙂",
        "\u{a0}",
        "\u{212a}",
        "ſ",
        ",",
        ".",
        "\n\n",
        "mid-",
        "the end of the ",
        "month",
        "week",
        "0",
        "99",
        "Thursday, ",
        "last ",
        "9999-99-99",
        "2022-02-29",
        "February 30",
        "soon",
    ];
    let mut g = Lcg(42);
    for round in 0..300 {
        let mut s = String::new();
        for _ in 0..(g.next() % 60) {
            if g.next() % 4 == 0 {
                s.push(char::from_u32((g.next() % 0x2_0000) as u32).unwrap_or('?'));
            } else {
                s.push_str(pieces[(g.next() as usize) % pieces.len()]);
            }
        }
        let refs = [thu(), None, Some(NaiveDate::MAX), Some(NaiveDate::MIN)];
        let r = refs[round % refs.len()];
        let found = run(&s, r);
        // Garbage sentence spans must not panic either.
        let bogus = [Sentence {
            span: Span::new(3, 1),
            paragraph: 0,
        }];
        let again = extract(&s, &bogus, r);
        check_invariants(&s, &again);
        let _ = found;
    }
    // Very long text.
    let long = SEED_A.repeat(200) + &"é🙂 February 4 ".repeat(5000);
    let found = extract(&long, &crate::sentences::split(&long), thu());
    check_invariants(&long, &found);
    assert!(found.len() > 5000);
}

#[test]
fn date_rules_examples() {
    let rules: Vec<crate::rules::Rule> = patterns::PATTERNS.iter().map(|p| p.rule).collect();
    let failures = crate::rules::check_examples(&rules);
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The one-pass scan of the date rules (with its first-token index and
/// per-rule required tokens) finds exactly what each rule finds alone.
#[test]
fn scan_of_the_date_rules_is_each_rules_matches() {
    let own = "The summit, due to open on 3 May - 9 June, was moved to next \
        Tuesday at 9pm. Talks ran from March to October 2021; the 2014-2016 \
        drought lasted three years. Every Monday since last summer, prices \
        rose 4% a week. Officials said on Friday's call that the day after \
        tomorrow, at 17:30 GMT, would do. now recently soon 5th Mar 79 7/2015. \
        This year's harvest is poor. He praised today's ruling at last year's summit.";
    let rules = patterns::rule_set();
    let parsed: Vec<crate::rules::Pattern> = patterns::PATTERNS
        .iter()
        .map(|p| crate::rules::Pattern::parse(p.rule.name, p.rule.pattern).unwrap())
        .collect();
    for text in [SEED_A, SEED_B, own] {
        let a = crate::analysis::Analysis::new(text);
        let toks = a.pieces();
        let mut got: Vec<(usize, std::ops::Range<usize>)> =
            rules.scan(text, toks).map(|(r, m)| (r, m.tokens)).collect();
        got.sort_by_key(|(r, m)| (*r, m.start));
        let want: Vec<(usize, std::ops::Range<usize>)> = parsed
            .iter()
            .enumerate()
            .flat_map(|(r, p)| p.find_iter(text, toks).map(move |m| (r, m.tokens)))
            .collect();
        assert_eq!(got, want);
        assert!(!got.is_empty());
    }
}

/// A set's pattern tried alone (`match_at`, no ids from a scan) reads a
/// token's vocabulary id off its lexicon `WordId`: the same matches as the
/// pattern parsed outside the set, which compares texts, at every start
/// and in every case (the tense rules' words and phrases, the date rules').
#[test]
fn a_sets_pattern_alone_matches_as_one_comparing_texts() {
    let own = "He WILL meet them ON Friday; they Are Due in court on MONDAY, as \
        Early As Tuesday. We’ll see. The vote IS TO be held in March, AGO, \
        the Day Before Yesterday, last year's summit and the 2014-2016 drought.";
    let sets = [
        (
            patterns::rule_set(),
            patterns::PATTERNS.iter().map(|p| p.rule).collect(),
        ),
        (tense::rule_set(), tense::TENSE_RULES.to_vec()),
    ];
    for (set, rules) in sets {
        let rules: Vec<crate::rules::Rule> = rules;
        let mut found = 0;
        for text in [SEED_A, SEED_B, own] {
            let a = crate::analysis::Analysis::new(text);
            let toks = a.pieces();
            for r in &rules {
                let in_set = set.pattern(r.name).unwrap();
                let alone = crate::rules::Pattern::parse(r.name, r.pattern).unwrap();
                for start in 0..toks.len() {
                    let got = in_set.match_at(text, toks, start);
                    assert_eq!(
                        got,
                        alone.match_at(text, toks, start),
                        "{} at {start}",
                        r.name
                    );
                    found += usize::from(got.is_some());
                }
            }
        }
        assert!(found > 20, "{found}");
    }
}

/// `select`'s bit set of taken bytes answers as a set of offsets does,
/// for spans within one word of bits, across a word's end, and whole
/// words.
#[test]
fn taken_bytes_are_a_set_of_offsets() {
    let spans = [(3, 9), (60, 70), (64, 128), (130, 131), (190, 300), (0, 1)];
    let mut taken = Taken::new(300);
    let mut naive = [false; 300];
    for (start, end) in spans {
        for (s, e) in [
            (0, 300),
            (1, 3),
            (9, 60),
            (63, 65),
            (127, 129),
            (128, 130),
            (131, 190),
        ] {
            assert_eq!(taken.any(s, e), naive[s..e].iter().any(|&b| b), "{s}..{e}");
        }
        taken.take(start, end);
        naive[start..end].fill(true);
    }
    for s in 0..300 {
        for e in s + 1..=300 {
            assert_eq!(taken.any(s, e), naive[s..e].iter().any(|&b| b), "{s}..{e}");
        }
    }
}

/// A possessive ending is read through and left out of the span (“last
/// year’s summit”: `last year`).
#[test]
fn possessive_dates() {
    let text = "Markets cheered today's figures. Delegates recalled last year's summit, \
        and this month’s talks.";
    let found = run(text, thu());
    assert_eq!(texts(&found), ["today", "last year", "this month"]);
    assert_eq!(day(&found[0]), d(2022, 1, 27));
    assert_eq!(range(&found[1]), (d(2021, 1, 1), d(2021, 12, 31)));
    assert_eq!(range(&found[2]), (d(2022, 1, 1), d(2022, 1, 31)));
    // a month's possessive, not an ambiguous month's (a name's)
    let found = run(
        "Analysts revised December's figures; Theresa May's aides left.",
        thu(),
    );
    assert_eq!(texts(&found), ["December"]);
    assert_eq!(range(&found[0]), (d(2021, 12, 1), d(2021, 12, 31)));
}

/// Without a tense cue in its clause a month is in the past (news mode),
/// and a day and month without a year favour the past.
#[test]
fn no_cue_means_the_past() {
    let r = Some(d(1989, 10, 27));
    let text = "In March, the insurer received a takeover offer. \
        Officers still discuss the Oct. 23 raid.";
    let found = extract(text, &crate::sentences::split(text), Some(d(1999, 5, 6)));
    assert_eq!(
        range(find(&found, "March")),
        (d(1999, 3, 1), d(1999, 3, 31))
    );
    assert_eq!(day(find(&found, "Oct. 23")), d(1998, 10, 23));
    let found = run("In March, the insurer received a takeover offer.", r);
    assert_eq!(range(&found[0]), (d(1989, 3, 1), d(1989, 3, 31)));
    // a day a week ahead is still this year's, a cue still wins
    let found = run(
        "Talks open on 4 February. The vote will be held in March.",
        thu(),
    );
    assert_eq!(day(&found[0]), d(2022, 2, 4));
    assert_eq!(range(&found[1]), (d(2022, 3, 1), d(2022, 3, 31)));
}

/// Without a tense cue, a month only weeks ahead is the coming one (news
/// mode favours the past, by the weight a day and month has too): “in
/// November” written in late October is next month, not last year's.
#[test]
fn no_cue_a_month_just_ahead_is_the_coming_one() {
    let r = Some(d(2024, 10, 28));
    let text = "Shareholders vote on the merger in November, the board said. \
        In April, the insurer received a takeover offer. \
        Output in October rose 3 percent.";
    let found = run(text, r);
    assert_eq!(
        range(find(&found, "November")),
        (d(2024, 11, 1), d(2024, 11, 30))
    );
    assert!(find(&found, "November")
        .reason
        .as_deref()
        .is_some_and(|w| w.contains("no tense cue")));
    assert_eq!(
        range(find(&found, "April")),
        (d(2024, 4, 1), d(2024, 4, 30))
    );
    assert_eq!(
        range(find(&found, "October")),
        (d(2024, 10, 1), d(2024, 10, 31))
    );
    // a past cue still wins over nearness
    let found = run("The merger was approved in November.", r);
    assert_eq!(range(&found[0]), (d(2023, 11, 1), d(2023, 11, 30)));
}

/// A year before a quarter or period names the quarter's year: “the 2023
/// third quarter”, “next year's first quarter”, “the year-ago second
/// quarter”, and “the 2023 period” is the quarter reported before it, in
/// 2023.
#[test]
fn a_year_before_a_quarter_names_its_year() {
    let r = Some(d(2024, 11, 5));
    let text = "The brewer earned $40 million in the third quarter, \
        up from $31 million in the 2023 period. \
        It lost money in the 2022 second quarter and in the year-ago second quarter. \
        A price rise takes effect in next year's first quarter.";
    let found = run(text, r);
    assert_eq!(
        range(find(&found, "the third quarter")),
        (d(2024, 7, 1), d(2024, 9, 30))
    );
    let period = find(&found, "2023 period");
    assert_eq!(range(period), (d(2023, 7, 1), d(2023, 9, 30)));
    assert_eq!(period.granularity, Granularity::Quarter);
    assert_eq!(
        range(find(&found, "2022 second quarter")),
        (d(2022, 4, 1), d(2022, 6, 30))
    );
    assert_eq!(
        range(find(&found, "year-ago second quarter")),
        (d(2023, 4, 1), d(2023, 6, 30))
    );
    assert_eq!(
        range(find(&found, "next year's first quarter")),
        (d(2025, 1, 1), d(2025, 3, 31))
    );
    // no quarter before it: the year
    let found = run("Sales were $3 million in the 2023 period.", r);
    assert_eq!(range(&found[0]), (d(2023, 1, 1), d(2023, 12, 31)));
    assert_eq!(found[0].granularity, Granularity::Year);
}

/// A quarter with its end stated after it is the three months ending on
/// that day (a fiscal quarter), not a calendar quarter; with no day to
/// end on it is not reported rather than guessed.
#[test]
fn a_quarter_with_a_stated_end_ends_on_it() {
    let r = Some(d(2016, 3, 10));
    let text = "The retailer earned $40 million in the quarter ended Jan. 31, \
        up from $31 million in the year-earlier quarter. \
        Its rival lost money in the fourth quarter, which ended Oct. 31. \
        A third chain grew in the quarter that ended last month.";
    let found = run(text, r);
    let q = find(&found, "the quarter");
    assert_eq!(range(q), (d(2015, 11, 1), d(2016, 1, 31)));
    assert_eq!(q.granularity, Granularity::Quarter);
    assert_eq!(
        range(find(&found, "the year-earlier quarter")),
        (d(2014, 11, 1), d(2015, 1, 31))
    );
    // a numbered quarter that is no calendar quarter of its number (a
    // fiscal one): not reported; one that is: its dates
    assert!(!found.iter().any(|m| m.text == "the fourth quarter"));
    let third = run("Profit rose in the third quarter ended Sept. 30.", r);
    assert_eq!(
        range(find(&third, "the third quarter")),
        (d(2015, 7, 1), d(2015, 9, 30))
    );
    // “last month” is no day to end on: only the month is reported
    assert_eq!(found.iter().filter(|m| m.text == "the quarter").count(), 1);
    assert!(found.iter().any(|m| m.text == "last month"));
}

/// Year-end is the year's last day, placed by its bound; “the current
/// year” is this year; an abbreviated month and day stay a date before a
/// counted noun; a year after a plural unit and “of” is a year.
#[test]
fn year_end_current_year_and_abbreviated_days() {
    let r = Some(d(2024, 10, 28));
    let text = "The bank expects the sale to close by year-end. \
        Its shares have risen 9 percent since year-end. \
        Profit should rise in the current year. \
        The storms on Aug. 7 killed 14 people. \
        Hiring slowed in the first nine months of 2023.";
    let found = run(text, r);
    assert_eq!(day(find(&found, "by year-end")), d(2024, 12, 31));
    assert_eq!(day(find(&found, "since year-end")), d(2023, 12, 31));
    assert_eq!(
        range(find(&found, "current year")),
        (d(2024, 1, 1), d(2024, 12, 31))
    );
    assert_eq!(day(find(&found, "Aug. 7")), d(2024, 8, 7));
    assert_eq!(
        range(find(&found, "2023")),
        (d(2023, 1, 1), d(2023, 12, 31))
    );
    // an adjective of a noun is no date; a full month name before a
    // counted noun is still a count
    let found = run("The year-end bonus was paid. In March 15 people died.", r);
    assert_eq!(texts(&found), ["March"]);
    // a fiscal year is no calendar year: not read
    let found = run("Profit should rise in the current fiscal year.", r);
    assert!(texts(&found).is_empty(), "{:?}", texts(&found));
}

/// Years read aloud, as broadcast transcripts write them.
#[test]
fn years_in_words() {
    let text = "The verdict was overturned in nineteen ninety-six on appeal. \
        A bomb went off in January nineteen ninety-seven. \
        Oil last sold this cheaply in the winter of nineteen eighty-six. \
        The party promised full employment by the year two thousand. \
        Nineteen people were hurt and about two thousand fled.";
    let found = run(text, Some(d(1998, 2, 27)));
    assert_eq!(
        range(find(&found, "nineteen ninety-six")),
        (d(1996, 1, 1), d(1996, 12, 31))
    );
    assert_eq!(
        range(find(&found, "January nineteen ninety-seven")),
        (d(1997, 1, 1), d(1997, 1, 31))
    );
    assert_eq!(
        range(find(&found, "winter of nineteen eighty-six")),
        (d(1986, 12, 1), d(1987, 2, 28))
    );
    assert_eq!(
        range(find(&found, "two thousand")),
        (d(2000, 1, 1), d(2000, 12, 31))
    );
    assert_eq!(found.len(), 4, "{found:#?}");
}

/// Named holidays are days: fixed (Christmas) or the N-th weekday of a
/// month (Thanksgiving, the fourth Thursday of November), placed like a
/// month.
#[test]
fn holidays_are_days() {
    let text = "The fisherman was rescued on Thanksgiving Day after two days at sea. \
        Toy sales slumped last Christmas. \
        The mayor wants the bridge open by Halloween. \
        The thanksgiving service was held in the chapel.";
    let found = run(text, Some(d(2024, 1, 10)));
    assert_eq!(day(find(&found, "Thanksgiving Day")), d(2023, 11, 23));
    assert_eq!(day(find(&found, "last Christmas")), d(2023, 12, 25));
    assert_eq!(day(find(&found, "by Halloween")), d(2024, 10, 31));
    assert!(!texts(&found).iter().any(|t| t.contains("thanksgiving")));
    // the day formats of the holiday data: fixed, N-th and last weekday
    assert_eq!(resolve::holiday_day("12-25", 2024), Some(d(2024, 12, 25)));
    assert_eq!(
        resolve::holiday_day("11/4/thursday", 2024),
        Some(d(2024, 11, 28))
    );
    assert_eq!(
        resolve::holiday_day("05/-1/monday", 2024),
        Some(d(2024, 5, 27))
    );
    assert_eq!(resolve::holiday_day("13/1/monday", 2024), None);
}

/// A period with a capital unit mid-sentence is a title, not a date.
#[test]
fn a_capitalised_period_is_a_title() {
    let found = run(
        "The minister, speaking on “This Week,” said talks resume this week.",
        thu(),
    );
    assert_eq!(texts(&found), ["this week"]);
}

/// “The quarter” with no quarter before it, in a sentence about money, is
/// the last quarter over (the one reported); “the current quarter” the
/// quarter of the reference date; elsewhere “the quarter” is no date.
#[test]
fn the_quarter_without_an_anchor() {
    let r = Some(d(2024, 11, 5));
    let found = run(
        "The chain sold $40 million of goods in the quarter. \
         Orders should recover in the current quarter, with sales up 3 percent.",
        r,
    );
    assert_eq!(
        range(find(&found, "the quarter")),
        (d(2024, 7, 1), d(2024, 9, 30))
    );
    assert_eq!(
        range(find(&found, "the current quarter")),
        (d(2024, 10, 1), d(2024, 12, 31))
    );
    let found = run("He scored twice in the quarter.", r);
    assert!(found.is_empty(), "{found:#?}");
}

/// “that year”, “later that day” take the day, month or year of the date
/// before them; none when that date is coarser, or when there is none.
#[test]
fn that_day_and_that_year() {
    let text = "The refinery opened in June 2019 and was sold later that year. \
        The strike began on March 3. Later that day the port closed. \
        Output fell in May; that day the mine flooded.";
    let found = run(text, thu());
    let year = find(&found, "later that year");
    assert_eq!(range(year), (d(2019, 1, 1), d(2019, 12, 31)));
    assert_eq!(year.granularity, Granularity::Year);
    assert_eq!(day(find(&found, "Later that day")), d(2022, 3, 3));
    assert!(!texts(&found).contains(&"that day"), "{found:#?}");
    let found = run("Brokers lost money on trades made that day.", thu());
    assert!(found.is_empty(), "{found:#?}");
}

/// A token's vocabulary id in the date and tense rule sets, read from its
/// lexicon word id, is the one its text gives.
#[test]
fn word_ids_agree_with_the_texts() {
    for text in [
        SEED_A,
        SEED_B,
        "At 5 o’clock – or 17:00 GMT – on the 4th, U.S. officials met.",
    ] {
        let a = Analysis::new(text);
        let toks = a.pieces();
        for set in [patterns::rule_set(), tense::rule_set()] {
            assert_eq!(set.word_id_mismatches(text, toks), Vec::<String>::new());
        }
    }
}

/// A short phrase is its parts ASCII lowercased (other chars kept), and
/// a part that does not fit is refused, leaving what was pushed.
#[test]
fn short_phrase_lowercases_and_refuses_what_does_not_fit() {
    let mut p = ShortPhrase::default();
    assert!(p.is_empty() && p.as_str().is_empty());
    p.push("A").unwrap();
    p.push(" ").unwrap();
    p.push("Couple").unwrap();
    p.push(" Of É").unwrap();
    assert_eq!(p.as_str(), "a couple of É");
    let rest = 32 - p.as_str().len();
    assert!(p.push(&"x".repeat(rest + 1)).is_none());
    assert_eq!(p.as_str(), "a couple of É");
    p.push(&"X".repeat(rest)).unwrap();
    assert_eq!(p.as_str().len(), 32);
    // a count or time reference too long for it is none, as before
    for text in [
        "The talks lasted 123456789012345678901234567890123 days.",
        "It ended a few days ago.",
    ] {
        let got: Vec<String> = run(text, thu()).into_iter().map(|m| m.text).collect();
        assert_eq!(
            got.is_empty(),
            text.starts_with("The talks"),
            "{text}: {got:?}"
        );
    }
}
