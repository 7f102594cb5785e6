//! **The model adapter**: the only place the perturbation benchmark reads
//! the comparison's output model. Everything else in `perturb` sees
//! [`Hit`]s: one per finding that involves two given articles.
//!
//! To move the benchmark to another findings model, rewrite these four
//! items: [`compare`] (run the comparison on a set of extractions),
//! [`between`] (every finding that involves both articles, as hits with
//! the spans each article contributes), [`fits`] (which finding kinds
//! report which edit kind) and [`strength`] (severity or confidence as a
//! number). Today: `crosscheck_align::compare` with the default config,
//! findings that pair two articles (side A and side B).

use super::edits::Kind;
use crosscheck_align::{Alignment, Config, Evidence, FindingKind};
use crosscheck_parse::{Extraction, Span};

/// A finding involving article `x` and article `y`, as the benchmark sees
/// it.
#[derive(Clone, Debug)]
pub struct Hit {
    /// The finding's kind as the model names it (`date`, `quote_wording`,
    /// `agreement`, …).
    pub kind: &'static str,
    /// False for agreements (and anything else that reports no
    /// difference).
    pub discrepancy: bool,
    /// Severity or confidence, higher = surer (see [`strength`]).
    pub strength: f64,
    /// In article `x`: the spans of the values the finding is about (a
    /// date, figure, place or role mention), or, when it names none, of
    /// its claims (the quote or sentence).
    pub x_value: Vec<Span>,
    /// In article `x`: the claims (quote, sentence, role mention).
    pub x_claim: Vec<Span>,
    /// In article `y`: values, as `x_value`.
    pub y_value: Vec<Span>,
    /// In article `y`: claims, as `x_claim`.
    pub y_claim: Vec<Span>,
    /// The speaker the finding gives in article `x` (quote findings), as
    /// the model names the person.
    pub x_who: Option<String>,
    /// The speaker in article `y`.
    pub y_who: Option<String>,
    /// A short readable note for error listings: the two values, or the
    /// explanation.
    pub note: String,
}

/// The output of one comparison.
pub struct Compared(Alignment);

/// Compares a set of articles as `crosscheck compare` does by default.
pub fn compare(docs: &[Extraction]) -> Compared {
    Compared(crosscheck_align::compare(docs, &Config::default()))
}

fn value_or_claim(e: &Evidence) -> Vec<Span> {
    vec![e.value_span.unwrap_or(e.claim.span)]
}

/// Every finding between article `x` and article `y` (either side),
/// agreements included.
pub fn between(c: &Compared, x: &str, y: &str) -> Vec<Hit> {
    c.0.findings
        .iter()
        .filter_map(|f| {
            let (ex, ey) = if f.a.claim.article == x && f.b.claim.article == y {
                (&f.a, &f.b)
            } else if f.a.claim.article == y && f.b.claim.article == x {
                (&f.b, &f.a)
            } else {
                return None;
            };
            let note = match (&ex.value, &ey.value) {
                (Some(vx), Some(vy)) => format!("{vy:?} -> {vx:?}"),
                _ => f.explanation.clone(),
            };
            Some(Hit {
                kind: f.kind.as_str(),
                discrepancy: f.kind.is_discrepancy(),
                strength: strength(f.confidence),
                x_value: value_or_claim(ex),
                x_claim: vec![ex.claim.span],
                y_value: value_or_claim(ey),
                y_claim: vec![ey.claim.span],
                x_who: ex.speaker.clone(),
                y_who: ey.speaker.clone(),
                note,
            })
        })
        .collect()
}

/// True when a finding of kind `hit` reports an edit of kind `edit`.
pub fn fits(edit: Kind, hit: &str) -> bool {
    let k = match edit {
        Kind::Date => FindingKind::Date,
        Kind::Number => FindingKind::Quantity,
        Kind::Speaker => FindingKind::Attribution,
        Kind::QuoteWord => FindingKind::QuoteWording,
        Kind::Place => FindingKind::Place,
        Kind::Role => FindingKind::SpeakerRole,
    };
    k.as_str() == hit
}

/// The model's confidence (today a number in [0, 1]); a model with
/// severities maps them to numbers here (low 0.3, medium 0.6, high 0.9).
pub fn strength(confidence: f64) -> f64 {
    confidence
}
