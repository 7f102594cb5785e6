//! Shared invariant checks for the crosscheck fuzz targets.
//!
//! Every check panics (which libFuzzer reports as a crash) when an
//! extraction or alignment breaks a documented invariant: spans are byte
//! ranges on `char` boundaries inside the article text, and the text stored
//! with a span is exactly the text the span covers.

use crosscheck_align::{Alignment, ClaimKind};
use crosscheck_parse::{
    ingest::parse_bytes, Article, Extraction, IngestOptions, InputFormat, NaiveDate, Span,
};

/// Parses `data` as `format`, then extracts every article and checks it.
pub fn ingest_and_extract(data: &[u8], origin: &str, format: InputFormat) {
    let options = IngestOptions {
        default_date: NaiveDate::from_ymd_opt(2022, 1, 27),
        ..IngestOptions::default()
    };
    let ingested = parse_bytes(data, origin, format, &options);
    for d in &ingested.diagnostics {
        // ingest catches panics and turns them into this diagnostic; the
        // libFuzzer panic hook aborts first, but check anyway
        assert!(
            !d.message.contains("internal error"),
            "ingest reported an internal error: {d:?}"
        );
        assert!(!d.origin.is_empty(), "diagnostic without origin: {d:?}");
    }
    assert!(
        !ingested.articles.is_empty() || !ingested.diagnostics.is_empty(),
        "input gave neither an article nor a diagnostic"
    );
    let mut ids = std::collections::HashSet::new();
    for a in &ingested.articles {
        assert!(ids.insert(a.id.clone()), "duplicate id {:?}", a.id);
        let x = crosscheck_parse::extract(a.clone());
        check_extraction(&x);
    }
}

/// An article with id `id`, body `text`, and a publication date picked by
/// `selector` (0 = none).
pub fn article(id: &str, text: String, selector: u8) -> Article {
    let published = match selector {
        0 => None,
        s => NaiveDate::from_ymd_opt(2022, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(s) * 13))),
    };
    Article {
        id: id.to_string(),
        published,
        text,
        origin: format!("{id}.txt"),
        ..Article::default()
    }
}

/// Panics unless `span` fits `text` (see `Span::fits`).
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.fits(text),
        "{what}: bad span {span:?} in a text of {} bytes",
        text.len()
    );
}

/// Panics unless `span` fits `text` and covers exactly `expected`.
pub fn check_slice(text: &str, span: Span, expected: &str, what: &str) {
    check_span(text, span, what);
    assert_eq!(
        span.slice(text),
        expected,
        "{what}: span {span:?} does not slice back to its text"
    );
}

/// Panics unless the extraction keeps its invariants (`Extraction::validate`).
pub fn check_extraction(x: &Extraction) {
    if let Err(e) = x.validate() {
        panic!("{}: {e}", x.article.id);
    }
}

fn doc_of<'a>(docs: &'a [Extraction], article: &str) -> &'a Extraction {
    docs.iter()
        .find(|x| x.article.id == article)
        .unwrap_or_else(|| panic!("finding names unknown article {article:?}"))
}

/// Checks every span of an alignment against the right article: every
/// mention, value and diff edit slices its article; confidences are in
/// [0, 1]; every article is in exactly one story.
pub fn check_alignment(docs: &[Extraction], al: &Alignment) {
    for f in &al.findings {
        assert!(
            f.confidence.is_finite() && (0.0..=1.0).contains(&f.confidence),
            "confidence {} out of [0, 1]",
            f.confidence
        );
        assert!(!f.variants.is_empty(), "a finding without variants");
        let first = &f.variants[0];
        for v in &f.variants {
            for m in &v.mentions {
                let x = doc_of(docs, &m.article);
                let text = &x.article.text;
                check_slice(text, m.span, &m.text, "mention");
                if let Some(s) = m.value_span {
                    check_span(text, s, "value span");
                }
                let n = match m.claim {
                    ClaimKind::Quote => x.quotes.len(),
                    ClaimKind::Sentence => x.sentences.len(),
                    ClaimKind::Person => x.entities.len(),
                    other => panic!("a claim kind this target does not check: {other:?}"),
                };
                assert!(m.index < n, "mention index out of range: {m:?}");
            }
            let names =
                |v: &crosscheck_align::Variant, a: &str| v.mentions.iter().any(|m| m.article == a);
            for d in &v.diff {
                assert!(
                    names(first, &d.a_article),
                    "diff side A names {:?}, not an article of the first variant",
                    d.a_article
                );
                assert!(
                    names(v, &d.b_article),
                    "diff side B names {:?}, not an article of its variant",
                    d.b_article
                );
                if let Some(s) = d.a_span {
                    check_slice(
                        &doc_of(docs, &d.a_article).article.text,
                        s,
                        &d.a_text,
                        "diff side A",
                    );
                }
                if let Some(s) = d.b_span {
                    check_slice(
                        &doc_of(docs, &d.b_article).article.text,
                        s,
                        &d.b_text,
                        "diff side B",
                    );
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
    let mut ids: Vec<&str> = docs.iter().map(|x| x.article.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(seen, ids, "every article in exactly one story");
    for p in &al.people {
        for (article, entity) in &p.mentions {
            let x = doc_of(docs, article);
            assert!(
                *entity < x.entities.len(),
                "person entity index out of range"
            );
        }
    }
}
