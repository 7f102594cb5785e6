//! Hostile inputs through extraction and `compare`: huge quotes, thousands
//! of near-identical sentences, floods of quotation marks. Nothing may panic
//! or hang, and every finding's spans must slice the right article.
//!
//! The wall-clock guards are hang detectors only, generous enough for a
//! debug build on a loaded machine. (Ingest and command-line hostile inputs
//! are in the workspace root's `tests/hostile.rs`.)

use crosscheck_align::{compare, Alignment, Config, Variant};
use crosscheck_parse::{extract, Article, Extraction, NaiveDate, Span};
use std::time::{Duration, Instant};

const GUARD: Duration = Duration::from_secs(60);

fn doc(id: &str, text: String) -> Extraction {
    extract(Article {
        id: id.into(),
        published: NaiveDate::from_ymd_opt(2022, 1, 27),
        text,
        origin: format!("{id}.txt"),
        ..Article::default()
    })
}

fn check_slice(text: &str, span: Span, expected: &str, what: &str) {
    assert!(
        span.fits(text),
        "{what}: bad span {span:?} in {} bytes",
        text.len()
    );
    assert_eq!(span.slice(text), expected, "{what}: span {span:?}");
}

fn text_of<'a>(docs: &'a [Extraction], article: &str) -> &'a str {
    &docs
        .iter()
        .find(|x| x.article.id == article)
        .unwrap_or_else(|| panic!("unknown article {article:?}"))
        .article
        .text
}

/// Every mention, value and diff slices the right article's text; every
/// article is in exactly one story.
fn check_alignment(docs: &[Extraction], al: &Alignment) {
    for f in &al.findings {
        for v in &f.variants {
            for m in &v.mentions {
                let text = text_of(docs, &m.article);
                check_slice(text, m.span, &m.text, "mention");
                if let Some(s) = m.value_span {
                    assert!(s.fits(text), "value span {s:?}");
                }
            }
            let first = &f.variants[0];
            let names = |v: &Variant, a: &str| v.mentions.iter().any(|m| m.article == a);
            for d in &v.diff {
                assert!(
                    names(first, &d.a_article),
                    "diff A article {:?}",
                    d.a_article
                );
                assert!(names(v, &d.b_article), "diff B article {:?}", d.b_article);
                if let Some(s) = d.a_span {
                    check_slice(text_of(docs, &d.a_article), s, &d.a_text, "diff A");
                }
                if let Some(s) = d.b_span {
                    check_slice(text_of(docs, &d.b_article), s, &d.b_text, "diff B");
                }
            }
        }
    }
    let mut seen: Vec<&str> = al
        .stories
        .iter()
        .flat_map(|s| s.articles.iter().map(String::as_str))
        .collect();
    seen.sort_unstable();
    assert_eq!(seen.len(), docs.len(), "every article in one story");
}

fn compare_checked(docs: &[Extraction], config: &Config) -> Alignment {
    let t = Instant::now();
    let al = compare(docs, config);
    assert!(t.elapsed() < GUARD, "compare took {:?}", t.elapsed());
    check_alignment(docs, &al);
    al
}

/// A deterministic stream of made-up words.
fn words(seed: u32, n: usize) -> Vec<String> {
    const SYL: &[&str] = &[
        "ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "vu", "ze", "bri", "dan", "gor", "hel",
    ];
    let mut s = seed.wrapping_mul(2_654_435_761) | 1;
    (0..n)
        .map(|_| {
            let mut w = String::new();
            for _ in 0..3 {
                s ^= s << 13;
                s ^= s >> 17;
                s ^= s << 5;
                w.push_str(SYL[(s % SYL.len() as u32) as usize]);
            }
            w
        })
        .collect()
}

/// 3,000 copies of one sentence with one word changed, across two articles:
/// the changed word unique per sentence, drawn from a small set, or a
/// number.
#[test]
fn thousands_of_near_identical_sentences() {
    let sentence = |w: &str| {
        format!("Officials in Brussels said the convoy of trucks reached the {w} checkpoint near Kharkiv. ")
    };
    let unique = words(1, 3000);
    let few = words(2, 20);
    let variants: [Box<dyn Fn(usize) -> String>; 3] = [
        Box::new(|i| unique[i].clone()),
        Box::new(|i| few[i % few.len()].clone()),
        Box::new(|i| format!("{}", 1000 + i % 50)),
    ];
    for (k, pick) in variants.iter().enumerate() {
        let a: String = (0..1500).map(|i| sentence(&pick(2 * i))).collect();
        let b: String = (0..1500).map(|i| sentence(&pick(2 * i + 1))).collect();
        let docs = [doc("a", a), doc("b", b)];
        assert_eq!(docs[0].sentences.len(), 1500, "variant {k}");
        compare_checked(&docs, &Config::default());
    }
}

/// A 1 MB quote in two articles (once with words changed throughout, once
/// entirely different words sharing a few rare ones), plus a third article
/// quoting a fragment of it. Character similarity (Levenshtein), soft token
/// matching (Jaro-Winkler) and the word diff (Myers) were each quadratic
/// here: hours per pair.
#[test]
fn one_megabyte_quotes() {
    let n = 1024 * 1024 / 7; // about 1 MB of six-letter words and spaces
    let base = words(3, n);
    let mut changed = base.clone();
    for (i, w) in changed.iter_mut().enumerate() {
        if i % 3 == 0 {
            *w = format!("{w}x");
        }
    }
    let mut other = words(4, n);
    other[10] = base[10].clone();
    other[20] = base[20].clone();
    let quote = |ws: &[String]| format!("“{}”", ws.join(" "));
    let a = doc("a", format!("Blinken said: {} on Friday.", quote(&base)));
    assert!(
        a.quotes.iter().any(|q| q.text.len() > 1_000_000),
        "{:?}",
        a.quotes.len()
    );
    for (name, b_words) in [("changed", &changed), ("other", &other)] {
        let t = Instant::now();
        let b = doc(
            "b",
            format!("{} Antony Blinken said in Geneva.", quote(b_words)),
        );
        let c = doc("c", format!("Blinken said: {}.", quote(&base[100..130])));
        let docs = [a.clone(), b, c];
        compare_checked(&docs, &Config::default());
        assert!(t.elapsed() < GUARD, "{name}: {:?}", t.elapsed());
    }
}

/// Floods of quotation marks and tiny quotes on both sides (the masking of
/// quotes out of sentences used to be quadratic in the number of quotes).
/// 10,000 marks here; 10^5 go through extraction in the root
/// `tests/hostile.rs`.
#[test]
fn quote_mark_floods_through_compare() {
    let marks = ['“', '”', '"', '‘'];
    let flood: String = marks
        .iter()
        .cycle()
        .take(10_000)
        .map(|m| format!("{m}talks "))
        .collect();
    let quotes: String = (0..500)
        .map(|i| format!("“Talks {} went well,” Blinken said. ", i % 7))
        .collect();
    let docs = [
        doc("a", flood.clone()),
        doc("b", quotes.clone()),
        doc("c", flood + &quotes),
    ];
    compare_checked(&docs, &Config::default());
}

/// Regression (fuzz, `compare`): a quote wording's diff was computed
/// between the fullest quote of each wording, but its spans were read
/// against each variant's first mention once mentions were sorted by
/// article id. Here the first variant's first mention is a fragment in a
/// short article "a", while its fullest wording sits late in the long
/// article "b": the old spans pointed past the end of "a". Each side of
/// an edit now names its article, and the spans slice that article.
#[test]
fn diff_spans_slice_the_article_they_name() {
    let preamble = "The council met for six hours on Tuesday evening. \
Residents filled the hall and the overflow room, and many stood outside \
in the rain to hear the debate about the river crossing. "
        .repeat(3);
    let docs = [
        doc(
            "a",
            "Mayor Jane Holloway said: “We will rebuild the bridge.”".to_string(),
        ),
        doc(
            "b",
            format!(
                "{preamble}Mayor Jane Holloway said: “We will rebuild the bridge \
before the first snow of winter.”"
            ),
        ),
        doc(
            "c",
            "Mayor Jane Holloway said: “We would rebuild the bridge before the \
first snow of winter.”"
                .to_string(),
        ),
    ];
    let al = compare(&docs, &Config::default());
    check_alignment(&docs, &al);
    let f = al
        .findings
        .iter()
        .find(|f| f.kind == crosscheck_align::FindingKind::QuoteWording)
        .unwrap_or_else(|| panic!("no wording finding: {:#?}", al.findings));
    let first = &f.variants[0];
    assert_eq!(first.mentions[0].article, "a", "the fragment sorts first");
    let edit = &f.variants[1].diff[0];
    assert_eq!(edit.a_article, "b", "the diff reads the fullest wording");
    assert_eq!(edit.b_article, "c");
    assert_eq!(
        (edit.a_text.as_str(), edit.b_text.as_str()),
        ("will", "would")
    );
    let text_a = &docs[0].article.text;
    let a_span = edit.a_span.unwrap();
    assert!(
        !a_span.fits(text_a) || a_span.slice(text_a) != "will",
        "the span is not one of the first mention's article"
    );
}
