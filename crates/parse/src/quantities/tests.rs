use super::*;
use crate::sentences::split;

fn all(text: &str) -> Vec<Quantity> {
    extract(text, &split(text))
}

/// The single quantity in `text`; fails when there are none or several.
fn one(text: &str) -> Quantity {
    let qs = all(text);
    let shown: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(qs.len(), 1, "{text:?} gave {shown:?}");
    qs.into_iter().next().unwrap()
}

fn texts(text: &str) -> Vec<String> {
    all(text).into_iter().map(|q| q.text).collect()
}

fn iv(low: Option<f64>, high: Option<f64>, li: bool, hi: bool) -> Interval {
    Interval {
        low,
        high,
        low_inclusive: li,
        high_inclusive: hi,
    }
}

fn seed(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap();
    std::fs::read_to_string(path).unwrap()
}

/// Spans slice back to `text`, lie on char boundaries, are in order and
/// never overlap.
fn check_spans(text: &str, qs: &[Quantity]) {
    let mut last_end = 0;
    for q in qs {
        assert!(q.span.start < q.span.end, "{q:?}");
        assert!(q.span.start >= last_end, "overlap or disorder at {q:?}");
        assert!(text.get(q.span.start..q.span.end).is_some(), "{q:?}");
        assert_eq!(q.span.slice(text), q.text);
        assert!(q.value.is_finite());
        last_end = q.span.end;
    }
}

/// Every pattern's examples: the amount, the quantity patterns and the
/// look-alikes, each match and capture where its example marks it.
#[test]
fn pattern_examples() {
    let make: &crate::rules::MakeParts =
        &|text, toks| Box::new(Scan::new(text, toks)) as Box<dyn Parts + '_>;
    let rules: Vec<_> = QUANTITY_RULES.iter().map(|r| r.rule).collect();
    let mut failures = crate::rules::check_examples_with(&[AMOUNT], PARTS, make);
    failures.extend(crate::rules::check_examples_with(&rules, PARTS, make));
    failures.extend(crate::rules::check_examples(LOOKALIKES));
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Every quantity rule's positive examples give a quantity whose span
/// starts where the example's match does (the rule, or a longer one, reads
/// it), and every look-alike's text gives no quantity on its `x`.
#[test]
fn pattern_examples_read_as_quantities() {
    for r in QUANTITY_RULES {
        for ex in r.rule.examples.iter().filter(|e| !e.starts_with('!')) {
            let text: String = ex.chars().filter(|c| !"[]".contains(*c)).collect();
            let text = strip_captures(&text);
            let start = strip_captures(&ex[..ex.find('[').unwrap()]).len();
            let got = all(&text);
            assert!(
                got.iter().any(|q| q.span.start == start),
                "{}: {text:?} gave {:?}",
                r.rule.name,
                got.iter().map(|q| &q.text).collect::<Vec<_>>()
            );
        }
    }
    for r in LOOKALIKES {
        for ex in r.examples.iter().filter(|e| !e.starts_with('!')) {
            let text: String = ex.chars().filter(|c| !"[]".contains(*c)).collect();
            let text = strip_captures(&text);
            assert!(
                all(&text).is_empty(),
                "{}: {text:?}: {:?}",
                r.name,
                texts(&text)
            );
        }
    }
}

/// `s` without the capture marks `{name:` and `}`.
fn strip_captures(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                for n in chars.by_ref() {
                    if n == ':' {
                        break;
                    }
                }
            }
            '}' => {}
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn key_example_more_than_100_thousand_soldiers() {
    let q = one("on whose border more than 100 thousand soldiers are now massed.");
    assert_eq!(q.text, "more than 100 thousand soldiers");
    assert_eq!(q.value, 100_000.0);
    assert_eq!(q.qualifier, Qualifier::MoreThan);
    assert_eq!(q.interval, iv(Some(100_000.0), None, false, true));
    assert_eq!(q.unit.as_deref(), Some("soldiers"));
    assert_eq!(q.kind, QuantityKind::Count);
}

#[test]
fn exact_count_skips_adjectives_to_the_noun() {
    let q = one("Russia has 130,000 Russian troops there.");
    assert_eq!(q.text, "130,000 Russian troops");
    assert_eq!(q.value, 130_000.0);
    assert_eq!(q.qualifier, Qualifier::Exact);
    assert_eq!(q.interval, Interval::point(130_000.0));
    assert_eq!(q.unit.as_deref(), Some("troops"));
    assert_eq!(
        one("up to 8,500 U.S. troops on heightened alert")
            .unit
            .as_deref(),
        Some("troops")
    );
    assert_eq!(
        one("He saw 5 tanks near the border.").unit.as_deref(),
        Some("tanks")
    );
    assert_eq!(one("Only 1,200 said yes.").unit, None);
}

#[test]
fn every_qualifier_and_its_interval() {
    let inf = None;
    let cases: &[(&str, Qualifier, Interval)] = &[
        (
            "more than 100 troops",
            Qualifier::MoreThan,
            iv(Some(100.0), inf, false, true),
        ),
        (
            "over 100 troops",
            Qualifier::MoreThan,
            iv(Some(100.0), inf, false, true),
        ),
        (
            "above 100 troops",
            Qualifier::MoreThan,
            iv(Some(100.0), inf, false, true),
        ),
        (
            "in excess of 100 troops",
            Qualifier::MoreThan,
            iv(Some(100.0), inf, false, true),
        ),
        (
            "at least 100 troops",
            Qualifier::AtLeast,
            iv(Some(100.0), inf, true, true),
        ),
        (
            "no fewer than 100 troops",
            Qualifier::AtLeast,
            iv(Some(100.0), inf, true, true),
        ),
        (
            "less than 100 troops",
            Qualifier::LessThan,
            iv(Some(0.0), Some(100.0), true, false),
        ),
        (
            "fewer than 100 troops",
            Qualifier::LessThan,
            iv(Some(0.0), Some(100.0), true, false),
        ),
        (
            "under 100 troops",
            Qualifier::LessThan,
            iv(Some(0.0), Some(100.0), true, false),
        ),
        (
            "below 100 troops",
            Qualifier::LessThan,
            iv(Some(0.0), Some(100.0), true, false),
        ),
        (
            "up to 100 troops",
            Qualifier::AtMost,
            iv(Some(0.0), Some(100.0), true, true),
        ),
        (
            "at most 100 troops",
            Qualifier::AtMost,
            iv(Some(0.0), Some(100.0), true, true),
        ),
        (
            "no more than 100 troops",
            Qualifier::AtMost,
            iv(Some(0.0), Some(100.0), true, true),
        ),
        (
            "as many as 100 troops",
            Qualifier::AtMost,
            iv(Some(0.0), Some(100.0), true, true),
        ),
        (
            "about 100 troops",
            Qualifier::About,
            iv(Some(90.0), Some(110.0), true, true),
        ),
        (
            "around 100 troops",
            Qualifier::About,
            iv(Some(90.0), Some(110.0), true, true),
        ),
        (
            "some 100 troops",
            Qualifier::About,
            iv(Some(90.0), Some(110.0), true, true),
        ),
        (
            "roughly 100 troops",
            Qualifier::About,
            iv(Some(90.0), Some(110.0), true, true),
        ),
        (
            "approximately 100 troops",
            Qualifier::About,
            iv(Some(90.0), Some(110.0), true, true),
        ),
        (
            "an estimated 100 troops",
            Qualifier::About,
            iv(Some(90.0), Some(110.0), true, true),
        ),
        (
            "close to 100 troops",
            Qualifier::About,
            iv(Some(90.0), Some(110.0), true, true),
        ),
        (
            "nearly 100 troops",
            Qualifier::Nearly,
            iv(Some(90.0), Some(100.0), true, false),
        ),
        (
            "almost 100 troops",
            Qualifier::Nearly,
            iv(Some(90.0), Some(100.0), true, false),
        ),
        (
            "between 100 and 200 troops",
            Qualifier::Between,
            iv(Some(100.0), Some(200.0), true, true),
        ),
        ("100 troops", Qualifier::Exact, Interval::point(100.0)),
        (
            "5,000+ troops",
            Qualifier::AtLeast,
            iv(Some(5000.0), inf, true, true),
        ),
    ];
    for (text, q, interval) in cases {
        let got = one(&format!("They said {text} were there."));
        assert_eq!(got.text, *text, "{text}");
        assert_eq!(got.qualifier, *q, "{text}");
        assert_eq!(got.interval, *interval, "{text}");
        assert_eq!(got.unit.as_deref(), Some("troops"), "{text}");
    }
}

#[test]
fn overlap_checks_between_reports() {
    let more = one("more than 100 thousand soldiers").interval;
    let exact = one("130,000 troops").interval;
    let about = one("about 90,000 troops").interval;
    let hundred = one("100,000 troops").interval;
    let nearly = one("nearly 100,000 troops").interval;
    let at_least = one("at least 100,000 troops").interval;
    assert!(more.overlaps(&exact));
    assert!(!more.overlaps(&about));
    assert!(!hundred.overlaps(&exact));
    assert!(!more.overlaps(&hundred), "(100000, ∞) excludes 100000");
    assert!(at_least.overlaps(&hundred), "[100000, ∞) includes it");
    assert!(!nearly.overlaps(&hundred), "nearly n stays below n");
    assert!(about.overlaps(&one("85,000 troops").interval));
}

#[test]
fn wire_copy_sentences() {
    let q = one("Russia has massed an estimated 130,000 troops near Ukraine's borders.");
    assert_eq!(q.text, "an estimated 130,000 troops");
    assert_eq!(q.qualifier, Qualifier::About);
    assert_eq!(q.interval, iv(Some(117_000.0), Some(143_000.0), true, true));

    let q = one("The EU pledged €1.2 billion in aid.");
    assert_eq!(q.text, "€1.2 billion in aid");
    assert_eq!(q.value, 1.2e9);
    assert_eq!(q.kind, QuantityKind::Currency("EUR".into()));
    assert_eq!(q.unit.as_deref(), Some("aid"));

    let q = one("The Pentagon put up to 8,500 U.S. troops on heightened alert.");
    assert_eq!(q.text, "up to 8,500 U.S. troops");
    assert_eq!(q.qualifier, Qualifier::AtMost);
    assert_eq!(q.interval, iv(Some(0.0), Some(8500.0), true, true));

    let q = one("Unemployment fell to 3.9% in January.");
    assert_eq!((q.text.as_str(), q.value), ("3.9%", 3.9));
    assert_eq!(q.kind, QuantityKind::Percent);
    assert_eq!(q.unit.as_deref(), Some("percent"));
    assert_eq!(q.qualifier, Qualifier::Exact);

    let q = one("Growth will be between 2 and 5 percent next year.");
    assert_eq!(q.text, "between 2 and 5 percent");
    assert_eq!(q.qualifier, Qualifier::Between);
    assert_eq!(q.kind, QuantityKind::Percent);
    assert_eq!(q.interval, iv(Some(2.0), Some(5.0), true, true));
}

#[test]
fn number_words_and_scales() {
    let cases: &[(&str, f64, &str)] = &[
        ("two dozen journalists", 24.0, "journalists"),
        ("a hundred soldiers", 100.0, "soldiers"),
        ("one hundred soldiers", 100.0, "soldiers"),
        ("twenty-five soldiers", 25.0, "soldiers"),
        ("ninety-nine soldiers", 99.0, "soldiers"),
        ("two hundred and fifty soldiers", 250.0, "soldiers"),
        ("three thousand soldiers", 3000.0, "soldiers"),
        ("two million people", 2e6, "people"),
        ("two and a half years", 2.5, "years"),
        ("half a million refugees", 5e5, "refugees"),
        ("100 thousand soldiers", 1e5, "soldiers"),
        ("1.5 million people", 1.5e6, "people"),
        ("48.2 million people", 48.2e6, "people"),
        ("100 000 soldiers", 1e5, "soldiers"),
        ("100\u{202f}000 soldiers", 1e5, "soldiers"),
        ("3bn people", 3e9, "people"),
        ("a quarter of a million people", 250_000.0, "people"),
    ];
    for (text, v, unit) in cases {
        let q = one(&format!("They counted {text} there."));
        assert_eq!(q.text, *text);
        assert_eq!(q.value, *v, "{text}");
        assert_eq!(q.unit.as_deref(), Some(*unit), "{text}");
        assert_eq!(q.kind, QuantityKind::Count, "{text}");
        assert_eq!(q.qualifier, Qualifier::Exact, "{text}");
    }
}

#[test]
fn currency_amounts() {
    let cases: &[(&str, f64, &str)] = &[
        ("$3 billion", 3e9, "USD"),
        ("US$3 billion", 3e9, "USD"),
        ("€50m", 5e7, "EUR"),
        ("£2.5bn", 2.5e9, "GBP"),
        ("$50k", 5e4, "USD"),
        ("USD 3 million", 3e6, "USD"),
        ("3 billion dollars", 3e9, "USD"),
        ("3 billion US dollars", 3e9, "USD"),
        ("500 million euros", 5e8, "EUR"),
        ("10 billion roubles", 1e10, "RUB"),
        ("5 million pounds sterling", 5e6, "GBP"),
    ];
    for (text, v, code) in cases {
        let q = one(&format!("It costs {text}, they said."));
        assert_eq!(q.text, *text);
        assert_eq!(q.value, *v, "{text}");
        assert_eq!(q.kind, QuantityKind::Currency(code.to_string()), "{text}");
        assert_eq!(q.unit, None, "{text}");
    }
    let q = one("Washington approved more than $3 billion in military aid.");
    assert_eq!(q.text, "more than $3 billion in military aid");
    assert_eq!(q.unit.as_deref(), Some("aid"));
    assert_eq!(q.interval, iv(Some(3e9), None, false, true));
    assert_eq!(one("a €50m loan to Kyiv").unit.as_deref(), Some("loan"));
    let q = one("It cost millions of dollars.");
    assert_eq!(q.kind, QuantityKind::Currency("USD".into()));
    // `m` is metres, not millions, without a currency sign
    assert!(all("He ran 50m quickly.").is_empty());
}

#[test]
fn percentages() {
    for text in ["12%", "12 %", "12 per cent", "12 percent", "twelve percent"] {
        let q = one(&format!("Support rose by {text} last year."));
        assert_eq!(q.text, text);
        assert_eq!(q.value, 12.0, "{text}");
        assert_eq!(q.kind, QuantityKind::Percent, "{text}");
        assert_eq!(q.unit.as_deref(), Some("percent"), "{text}");
    }
    let q = one("Rates rose 0.25 percentage points.");
    assert_eq!(q.unit.as_deref(), Some("percentage points"));
    // `some` before a range widens it by a tenth on each side
    let q = one("Some 2-5% said so.");
    assert_eq!(q.kind, QuantityKind::Percent);
    assert_eq!(q.interval, iv(Some(1.8), Some(5.5), true, true));
}

#[test]
fn fractions() {
    let cases: &[(&str, f64, Option<&str>)] = &[
        ("a third of the troops", 1.0 / 3.0, Some("troops")),
        ("two-thirds of voters", 2.0 / 3.0, Some("voters")),
        ("two thirds of voters", 2.0 / 3.0, Some("voters")),
        ("three quarters of voters", 0.75, Some("voters")),
        ("a quarter of the budget", 0.25, Some("budget")),
        ("half of the soldiers", 0.5, Some("soldiers")),
        ("half the soldiers", 0.5, Some("soldiers")),
        ("a fifth of exports", 0.2, Some("exports")),
    ];
    for (text, v, unit) in cases {
        let q = one(&format!("They said {text} left."));
        assert_eq!(q.text, *text);
        assert!((q.value - v).abs() < 1e-12, "{text}");
        assert_eq!(q.kind, QuantityKind::Fraction, "{text}");
        assert_eq!(q.unit.as_deref(), *unit, "{text}");
    }
    let q = one("more than a third of the troops");
    assert_eq!(q.interval, iv(Some(1.0 / 3.0), Some(1.0), false, true));
    let q = one("about half of the troops");
    assert_eq!(q.interval.high, Some(0.55));
    // ordinals and periods, not fractions
    for text in [
        "a third round of talks",
        "the third quarter",
        "the second half of the year",
        "in the first half",
        "a quarter century",
    ] {
        assert!(all(text).is_empty(), "{text}: {:?}", texts(text));
    }
}

#[test]
fn vague_amounts_are_bands() {
    let cases: &[(&str, f64, f64, &str)] = &[
        ("tens of thousands of people", 1e4, 1e5, "people"),
        ("hundreds of thousands of people", 1e5, 1e6, "people"),
        ("thousands of people", 1e3, 1e4, "people"),
        ("hundreds of soldiers", 100.0, 1000.0, "soldiers"),
        ("dozens of journalists", 12.0, 120.0, "journalists"),
        ("several thousand troops", 3e3, 1e4, "troops"),
        ("a few hundred troops", 200.0, 600.0, "troops"),
    ];
    for (text, lo, hi, unit) in cases {
        let q = one(&format!("We saw {text} there."));
        assert_eq!(q.text, *text);
        assert_eq!(q.qualifier, Qualifier::About, "{text}");
        assert_eq!(q.value, *lo, "{text}");
        assert_eq!(q.interval, iv(Some(*lo), Some(*hi), true, false), "{text}");
        assert_eq!(q.unit.as_deref(), Some(*unit), "{text}");
    }
    assert!(all("in the thousands").is_empty());
    assert!(all("many weeks and for many years").is_empty());
}

#[test]
fn ranges() {
    let cases: &[(&str, f64, f64)] = &[
        ("2-5 tanks", 2.0, 5.0),
        ("2–5 tanks", 2.0, 5.0),
        ("2 to 5 tanks", 2.0, 5.0),
        ("from 2 to 5 tanks", 2.0, 5.0),
        ("between 2 and 5 tanks", 2.0, 5.0),
        ("two or three tanks", 2.0, 3.0),
        ("2 to 5 million tanks", 2e6, 5e6),
        ("500,000 to 1 million tanks", 5e5, 1e6),
        ("between 2 and 5 million tanks", 2e6, 5e6),
    ];
    for (text, lo, hi) in cases {
        let q = one(&format!("They saw {text} there."));
        assert_eq!(q.text, *text);
        assert_eq!(q.qualifier, Qualifier::Between, "{text}");
        assert_eq!(q.value, *lo, "{text}");
        assert_eq!(q.interval, iv(Some(*lo), Some(*hi), true, true), "{text}");
        assert_eq!(q.unit.as_deref(), Some("tanks"), "{text}");
    }
    let q = one("It costs $2-3 billion.");
    assert_eq!(q.kind, QuantityKind::Currency("USD".into()));
    assert_eq!(q.interval, iv(Some(2e9), Some(3e9), true, true));
    // a change, not a range
    let got = all("Prices rose from 5 to 10 percent.");
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|q| q.qualifier == Qualifier::Exact));
    // a score is not a range, nor two numbers: one tally
    let got = all("They won 3-1 on Sunday.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].kind, QuantityKind::Tally);
    assert_eq!((got[0].value, got[0].against), (3.0, Some(1.0)));
    // without a verb of winning or voting before it, or a result after
    // it, a score is still read as nothing
    assert!(all("Arsenal beat Chelsea 5-2 on Saturday").is_empty());
}

#[test]
fn not_quantities() {
    for text in [
        "on 4 February",
        "on 4 Feb. they met",
        "on Dec. 8, 2021, he said",
        "President Joe Biden, 79, said",
        "Thursday, February 2",
        "on January 26, 2022, they met",
        "on 2022-01-26 they met",
        "on 26/01/2022 they met",
        "from 2 to 4 March",
        "by mid-February",
        "in 2021 they met",
        "since 1949",
        "in the 1990s",
        "at 9 a.m. local time",
        "at 9am",
        "at 10:30",
        "at 0900 GMT",
        "the 2nd and 3rd rounds",
        "the first time",
        "the G7 and G20 met",
        "COVID-19 cases",
        "F-16 jets",
        "S-400 systems",
        "5G networks",
        "Article 5 of the treaty",
        "No. 10 Downing Street",
        "section 3",
        "page 12",
        "Apollo 11 landed",
        "Boeing 737 jets",
        "the Minsk 2 agreement",
        "Formula One racing",
        "Air Force One",
        "the Group of Seven",
        "one of Moscow’s main requests",
        "no one came",
        "one day he left",
        "two of the soldiers",
        "the two met",
        "a soldier",
        "many weeks",
        "3.5.1 release",
        "(3) the next item",
        "version 2.1",
        "10km away",
        "2021-22 season",
        "the 2014-2016 drought",
        "between 1994 and 1997",
        "Arsenal beat Chelsea 5-2 on Saturday",
        "a 10-year plan",
        "the Boeing 737-800 jets",
        "call 0800 123 456 now",
        "see http://city.example/ru/%D0%BD%D0%BE%81%82 now",
        "at https://example.org/files/2015%20Report%2050%25.pdf today",
        "open 24/7",
        "at 8:30 p.m. local time",
        "The meeting on oct . 9 was postponed",
        "He ran 400m quickly.",
        "the first half of the year",
        "a third round of talks",
    ] {
        assert!(all(text).is_empty(), "{text}: {:?}", texts(text));
    }
    let list = "Points:\n1. Troops leave\n2) Talks resume";
    assert!(all(list).is_empty(), "{:?}", texts(list));
}

#[test]
fn negatives() {
    let cases: &[(&str, f64, Option<&str>, QuantityKind)] = &[
        ("-4 degrees", -4.0, Some("degrees"), QuantityKind::Count),
        ("−12 degrees", -12.0, Some("degrees"), QuantityKind::Count),
        ("-0.8 percent", -0.8, Some("percent"), QuantityKind::Percent),
        ("-1.5%", -1.5, Some("percent"), QuantityKind::Percent),
        (
            "minus three percent",
            -3.0,
            Some("percent"),
            QuantityKind::Percent,
        ),
        (
            "negative 2 percent",
            -2.0,
            Some("percent"),
            QuantityKind::Percent,
        ),
        (
            "-$4.1 billion",
            -4.1e9,
            None,
            QuantityKind::Currency("USD".into()),
        ),
    ];
    for (text, v, unit, kind) in cases {
        let q = one(&format!("It came in at {text} on Monday."));
        assert_eq!(q.text, *text);
        assert_eq!(q.value, *v, "{text}");
        assert_eq!(q.unit.as_deref(), *unit, "{text}");
        assert_eq!(&q.kind, kind, "{text}");
    }
    // a dash between words or numbers is no sign
    assert_eq!(texts("They won 3-1 - 5 fans cheered."), ["3-1", "5 fans"]);
    let q = one("Lows will range from -5 to 3 degrees.");
    assert_eq!(q.interval, iv(Some(-5.0), Some(3.0), true, true));
    // below zero, `less than` has no lower end
    let q = one("Lows of less than -10 degrees are forecast.");
    assert_eq!(q.interval, iv(None, Some(-10.0), true, false));
}

#[test]
fn suffixes_and_multipliers() {
    let cases: &[(&str, f64)] = &[
        ("4.5k comments", 4500.0),
        ("12k fans", 12_000.0),
        ("100K signatures", 100_000.0),
        ("2.4M subscribers", 2.4e6),
        ("1.2m times", 1.2e6),
        ("20 lakh people", 2e6),
        ("3 crore people", 3e7),
        ("two dozen journalists", 24.0),
        ("two dozens sheep", 24.0),
        ("a dozen eggs", 12.0),
    ];
    for (text, v) in cases {
        let q = one(&format!("They counted {text} on Monday."));
        assert_eq!(q.text, *text);
        assert_eq!(q.value, *v, "{text}");
    }
    let q = one("The tunnel will cost a quarter billion dollars.");
    assert_eq!(
        (q.value, q.kind.clone()),
        (2.5e8, QuantityKind::Currency("USD".into()))
    );
    let q = one("The repairs will cost Rs 3 crore, officials said.");
    assert_eq!(
        (q.value, q.kind.clone()),
        (3e7, QuantityKind::Currency("INR".into()))
    );
    let q = one("The club paid £45m for him.");
    assert_eq!(q.value, 4.5e7);
    // without a currency sign a lowercase m is metres, a b nothing
    for text in ["He ran 400m.", "A 50m pool.", "It holds 64b."] {
        assert!(all(text).is_empty(), "{text}: {:?}", texts(text));
    }
}

#[test]
fn compound_amounts() {
    let cases: &[(&str, f64, &str)] = &[
        ("5 dollars 20 cents", 5.2, "USD"),
        ("1 dollar 20 cents", 1.2, "USD"),
        ("4 dollars and 75 cents", 4.75, "USD"),
        ("$5 and 20 cents", 5.2, "USD"),
        ("2 pounds 10 pence", 2.1, "GBP"),
        ("3 euros 50 cents", 3.5, "EUR"),
    ];
    for (text, v, code) in cases {
        let q = one(&format!("The fare is {text} now."));
        assert_eq!(q.text, *text);
        assert!((q.value - v).abs() < 1e-9, "{text}: {}", q.value);
        assert_eq!(q.kind, QuantityKind::Currency(code.to_string()), "{text}");
    }
    // 20 pounds alone may be a weight
    let q = one("He lost 20 pounds in a month.");
    assert_eq!(
        (q.kind.clone(), q.unit.as_deref()),
        (QuantityKind::Count, Some("pounds"))
    );
}

#[test]
fn wholes_and_fractions_in_words() {
    let cases: &[(&str, f64, QuantityKind)] = &[
        ("thirty and two fifths percent", 30.4, QuantityKind::Percent),
        ("three and a half years", 3.5, QuantityKind::Count),
        ("one and a quarter miles", 1.25, QuantityKind::Count),
        ("one and a half times", 1.5, QuantityKind::Count),
        ("half a percent", 0.5, QuantityKind::Percent),
    ];
    for (text, v, kind) in cases {
        let q = one(&format!("It was {text} in the end."));
        assert_eq!(q.text, *text);
        assert!((q.value - v).abs() < 1e-9, "{text}");
        assert_eq!(&q.kind, kind, "{text}");
    }
}

#[test]
fn two_sided_and_word_ranges() {
    let q = one("Officials expect above 200 and below 500 arrivals a day.");
    assert_eq!(q.text, "above 200 and below 500 arrivals");
    assert_eq!(q.interval, iv(Some(200.0), Some(500.0), false, false));
    let q = one("Bids of at least $5 and up to $9 came in.");
    assert_eq!(q.interval, iv(Some(5.0), Some(9.0), true, true));
    let q = one("The toll is between two and three hundred, they said.");
    assert_eq!(q.interval, iv(Some(200.0), Some(300.0), true, true));
    let q = one("The shelter can house 10 through 40 families.");
    assert_eq!(q.interval, iv(Some(10.0), Some(40.0), true, true));
    // a change verb before `from`: two numbers
    let got = all("Prices rose from 5 to 10 percent.");
    assert_eq!(
        got.len(),
        2,
        "{:?}",
        texts("Prices rose from 5 to 10 percent.")
    );
    // but a change verb before a plain range keeps the range
    let q = one("The drought cut yields by 20 to 30 per cent.");
    assert_eq!(q.interval, iv(Some(20.0), Some(30.0), true, true));
}

#[test]
fn ages() {
    let q = one("An 81 year-old wins the city marathon.");
    assert_eq!((q.text.as_str(), q.value), ("81 year-old", 81.0));
    assert_eq!(q.unit.as_deref(), Some("year-old"));
    let q = one("A 7-year-old boy was found safe.");
    assert_eq!(
        (q.text.as_str(), q.unit.as_deref()),
        ("7-year-old", Some("year-old"))
    );
    let q = one("The six-month-old baby is well.");
    assert_eq!((q.value, q.unit.as_deref()), (6.0, Some("month-old")));
}

#[test]
fn one_counts_only_before_a_noun() {
    let q = one("One soldier died.");
    assert_eq!((q.value, q.unit.as_deref()), (1.0, Some("soldier")));
    let q = one("Only one soldier died.");
    assert_eq!(q.text, "one soldier");
    assert!(all("It is one of the few.").is_empty());
    assert!(all("It was the one.").is_empty());
}

#[test]
fn over_a_period_is_a_preposition() {
    let q = one("Over two years, they met.");
    assert_eq!(q.text, "two years");
    assert_eq!(q.qualifier, Qualifier::Exact);
    let q = one("over 5 tanks");
    assert_eq!(q.qualifier, Qualifier::MoreThan);
}

#[test]
fn qualifiers_and_ranges_do_not_cross_boundaries() {
    let q = one("They had more than\n\n100 tanks.");
    assert_eq!(q.text, "100 tanks");
    assert_eq!(q.qualifier, Qualifier::Exact);
    let got = texts("It has 5 tanks. To 10 soldiers, he said.");
    assert_eq!(got, ["5 tanks", "10 soldiers"]);
    let got = texts("In the past 24 hours, 3 civilians died.");
    assert_eq!(got, ["24 hours", "3 civilians"]);
    let q = one("He saw 5\ntanks");
    assert_eq!((q.text.as_str(), q.unit.as_deref()), ("5", None));
}

#[test]
fn seed_articles() {
    let a = seed("000_");
    let got = all(&a);
    check_spans(&a, &got);
    let shown: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(shown, ["more than 100 thousand soldiers"]);

    let b = seed("001_");
    let got = all(&b);
    check_spans(&b, &got);
    let shown: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(shown, ["two years"]);
    assert_eq!(got[0].unit.as_deref(), Some("years"));
}

#[test]
fn spans_slice_back_exactly_in_unicode_text() {
    let text = "“Über alles, 5 Panzer” – ‘more than 100 thousand soldiers’… \
                some 130 000 troops — €1.2 billion — 12 per cent — a third of them; \
                ünïcödé 7 tanks ✓ two dozen journalists.";
    let got = all(text);
    check_spans(text, &got);
    let shown: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        shown,
        [
            "5",
            "more than 100 thousand soldiers",
            "some 130 000 troops",
            "€1.2 billion",
            "12 per cent",
            "a third",
            "7 tanks",
            "two dozen journalists"
        ]
    );
    // without sentences the result is the same here
    assert_eq!(extract(text, &[]), got);
}

#[test]
fn deterministic() {
    let a = seed("000_");
    assert_eq!(all(&a), all(&a));
}

/// Tiny deterministic generator for junk input.
fn lcg(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    *state >> 33
}

#[test]
fn no_panic_on_junk() {
    let mut st = 7u64;
    let alphabet: Vec<char> = "0123456789 ,.-–—%$€£+:/()“”‘’'\"\n\tabcmk Ünï✓🙂\u{202f}\u{a0}"
        .chars()
        .collect();
    for _ in 0..300 {
        let len = (lcg(&mut st) % 200) as usize;
        let s: String = (0..len)
            .map(|_| alphabet[(lcg(&mut st) as usize) % alphabet.len()])
            .collect();
        let got = extract(&s, &split(&s));
        check_spans(&s, &got);
        // random code points, including odd scripts
        let s: String = (0..len)
            .filter_map(|_| char::from_u32((lcg(&mut st) % 0x30000) as u32))
            .collect();
        check_spans(&s, &extract(&s, &[]));
    }
    // word soup of everything the parser knows
    let words = [
        "more",
        "than",
        "a",
        "third",
        "of",
        "half",
        "tens",
        "thousands",
        "one",
        "two",
        "hundred",
        "and",
        "dozen",
        "between",
        "to",
        "from",
        "$",
        "5",
        "-",
        "%",
        "per",
        "cent",
        "million",
        "troops",
        "February",
        "several",
        "few",
    ];
    let mut soup = String::new();
    for _ in 0..20_000 {
        soup.push_str(words[(lcg(&mut st) as usize) % words.len()]);
        soup.push(' ');
    }
    check_spans(&soup, &extract(&soup, &split(&soup)));
}

#[test]
fn huge_inputs_finish_quickly() {
    let start = std::time::Instant::now();
    let digits = "9".repeat(100_000);
    assert!(extract(&digits, &[]).is_empty());
    let grouped = format!("1{}", ",000".repeat(30_000));
    assert!(extract(&grouped, &[]).is_empty());
    let dotted = "1.".repeat(50_000);
    check_spans(&dotted, &extract(&dotted, &[]));
    let opens = format!("{}5 tanks", "(".repeat(100_000));
    assert_eq!(extract(&opens, &[]).len(), 1);
    let chain = "one ".repeat(50_000);
    check_spans(&chain, &extract(&chain, &[]));
    let long = "Russia massed more than 100 thousand soldiers near the border. ".repeat(5_000);
    let got = extract(&long, &split(&long));
    assert_eq!(got.len(), 5_000);
    check_spans(&long, &got);
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

/// A token's vocabulary id in the quantity and look-alike rule sets, read
/// from its lexicon word id, is the one its text gives.
#[test]
fn word_ids_agree_with_the_texts() {
    let text = "Prices rose 4.5% to $1,200 – about £900, or 12k rupees (20 lakh) – \
                a quarter-billion-dollar deal, minus three percent, 10 through 40.";
    let a = Analysis::new(text);
    for set in [&COMPILED.quantities, &COMPILED.lookalikes] {
        for toks in [a.tokens(), a.pieces()] {
            assert_eq!(set.word_id_mismatches(text, toks), Vec::<String>::new());
        }
    }
}

/// A number is blocked by a look-alike tried at the starts within its
/// reach alone exactly when one tried at any start before it covers it.
#[test]
fn lookalikes_are_tried_within_their_reach() {
    let text = "Talks run 2 to 4 March in Vienna; Oct. 9 and February 12, Friday 13 at 9 a.m. \
                or 10:30:15, Article 5 of No. 10, the Group of 20, seven in 10 voters, \
                F-35 and COVID-19 jets, Joe Biden, 79, said (see item (3) below) \
                that 4 of 5 and 1,200 rose.";
    let a = Analysis::new(text);
    let toks = a.pieces();
    let scan = Scan::new(text, toks);
    let everywhere = |i: usize| {
        (0..=i).any(|s| {
            COMPILED
                .lookalikes
                .matches_at(text, toks, s, &crate::rules::NoParts)
                .any(|(_, _, m)| cap(&m, "x").is_some_and(|x| x.contains(&i)))
        })
    };
    let mut blocked = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.kind == TokKind::Number {
            assert_eq!(scan.blocked(i), everywhere(i), "{}", t.text(text));
            blocked += usize::from(everywhere(i));
        }
    }
    assert!(blocked >= 10, "{blocked}");
}

#[test]
fn tallies_of_votes_and_scores() {
    for (text, a, b) in [
        ("The board voted 9-3 to approve the plan.", 9.0, 3.0),
        (
            "In a 5-4 decision, the justices sided with the state.",
            5.0,
            4.0,
        ),
        ("The Lakers won 112-104 in overtime.", 112.0, 104.0),
        ("The Senate passed the bill by a 52–48 vote.", 52.0, 48.0),
        ("The court ruled 4-5 against the city.", 4.0, 5.0),
    ] {
        let q = one(text);
        assert_eq!(q.kind, QuantityKind::Tally, "{text}");
        assert_eq!((q.value, q.against), (a, Some(b)), "{text}");
        assert_eq!(q.unit, None, "{text}");
    }
    // a count range after a verb of winning, a percent range: no tally
    for text in [
        "Labour won 2-3 seats in the county.",
        "Support rose 2-3% after the debate.",
    ] {
        let q = one(text);
        assert_ne!(q.kind, QuantityKind::Tally, "{text}");
        assert_eq!(q.against, None, "{text}");
    }
}
