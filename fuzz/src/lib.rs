//! Shared invariant checks for the crosscheck fuzz targets.
//!
//! Every check panics (which libFuzzer reports as a crash) when an
//! extraction or alignment breaks a documented invariant: spans are byte
//! ranges on `char` boundaries inside the article text, and the text stored
//! with a span is exactly the text the span covers.

use crosscheck_align::{Alignment, ClaimKind, ClaimRef, Evidence};
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

fn doc_of<'a>(docs: &'a [Extraction], claim: &ClaimRef) -> &'a Extraction {
    docs.iter()
        .find(|x| x.article.id == claim.article)
        .unwrap_or_else(|| panic!("claim names an unknown article {:?}", claim.article))
}

fn check_claim(docs: &[Extraction], claim: &ClaimRef, text: &str, what: &str) {
    let x = doc_of(docs, claim);
    check_slice(&x.article.text, claim.span, text, what);
    let n = match claim.kind {
        ClaimKind::Quote => x.quotes.len(),
        ClaimKind::Sentence => x.sentences.len(),
        ClaimKind::Date => x.dates.len(),
        ClaimKind::Quantity => x.quantities.len(),
        ClaimKind::Person | ClaimKind::Place => x.entities.len(),
    };
    assert!(
        claim.index < n,
        "{what}: claim index out of range: {claim:?}"
    );
}

fn check_evidence(docs: &[Extraction], e: &Evidence, what: &str) {
    check_claim(docs, &e.claim, &e.text, what);
    if let Some(v) = e.value_span {
        check_span(&doc_of(docs, &e.claim).article.text, v, what);
    }
}

/// Checks every span of an alignment against the right article.
pub fn check_alignment(docs: &[Extraction], al: &Alignment) {
    for f in &al.findings {
        check_evidence(docs, &f.a, "finding side A");
        check_evidence(docs, &f.b, "finding side B");
        assert!(
            f.a.claim.article <= f.b.claim.article,
            "side A does not sort first"
        );
        assert!(
            f.confidence.is_finite() && (0.0..=1.0).contains(&f.confidence),
            "confidence {} out of [0, 1]",
            f.confidence
        );
        let (ta, tb) = (
            &doc_of(docs, &f.a.claim).article.text,
            &doc_of(docs, &f.b.claim).article.text,
        );
        for d in &f.diff {
            if let Some(s) = d.a_span {
                check_slice(ta, s, &d.a_text, "diff side A");
            }
            if let Some(s) = d.b_span {
                check_slice(tb, s, &d.b_text, "diff side B");
            }
        }
    }
    for u in &al.unique {
        check_claim(docs, &u.claim, &u.text, "unique claim");
    }
    for p in &al.people {
        for (article, entity) in &p.mentions {
            let x = docs
                .iter()
                .find(|x| &x.article.id == article)
                .unwrap_or_else(|| panic!("person mention names unknown article {article:?}"));
            assert!(
                *entity < x.entities.len(),
                "person entity index out of range"
            );
        }
    }
}
