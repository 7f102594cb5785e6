//! **The model adapter**: the only place the perturbation benchmark reads
//! the comparison's output model. Everything else in `perturb` sees
//! [`Hit`]s: one per finding that involves two given articles.
//!
//! To move the benchmark to another findings model, rewrite these items:
//! [`compare`] (run the comparison on a set of extractions), [`between`]
//! (every finding that involves both articles, as hits with the spans each
//! article contributes), [`copies`] (are two articles one syndicated
//! text), [`fits`] (which finding kinds report which edit kind) and
//! [`strength`] (severity or confidence as a number). Today: `crosscheck_align::compare` with the default config;
//! a finding is one claim cluster with variants, and it reports a
//! difference between two articles when they are mentions of different
//! variants.

use super::edits::Kind;
use crosscheck_align::{Alignment, Config, Finding, FindingKind, Mention, Severity};
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

/// The mentions of article `id` in a finding, with their variant index.
fn of<'f>(f: &'f Finding, id: &str) -> Vec<(usize, &'f Mention)> {
    f.mentions().filter(|(_, m)| m.article == id).collect()
}

/// Every finding that mentions both article `x` and article `y`,
/// agreements included. A discrepancy counts as one between them when
/// they carry different variants; when both carry the same value it is
/// reported as no difference (`discrepancy: false`).
pub fn between(c: &Compared, x: &str, y: &str) -> Vec<Hit> {
    c.0.findings
        .iter()
        .filter_map(|f| {
            let (mx, my) = (of(f, x), of(f, y));
            if mx.is_empty() || my.is_empty() {
                return None;
            }
            let apart = mx.iter().any(|(vx, _)| my.iter().any(|(vy, _)| vx != vy));
            let value = |ms: &[(usize, &Mention)]| -> Vec<Span> {
                ms.iter()
                    .map(|(_, m)| m.value_span.unwrap_or(m.span))
                    .collect()
            };
            let claim = |ms: &[(usize, &Mention)]| -> Vec<Span> {
                ms.iter().map(|(_, m)| m.span).collect()
            };
            let display = |ms: &[(usize, &Mention)]| f.variants[ms[0].0].display.clone();
            let note = if f.kind.is_discrepancy() {
                format!("{:?} -> {:?}", display(&my), display(&mx))
            } else {
                f.explanation.clone()
            };
            Some(Hit {
                kind: f.kind.as_str(),
                discrepancy: f.kind.is_discrepancy() && apart,
                strength: strength(f.severity),
                x_value: value(&mx),
                x_claim: claim(&mx),
                y_value: value(&my),
                y_claim: claim(&my),
                x_who: mx[0].1.speaker.clone(),
                y_who: my[0].1.speaker.clone(),
                note,
            })
        })
        .collect()
}

/// True when the comparison reports articles `x` and `y` as syndicated
/// copies of one text.
pub fn copies(c: &Compared, x: &str, y: &str) -> bool {
    c.0.stories.iter().any(|s| {
        s.copies
            .iter()
            .any(|g| g.iter().any(|a| a == x) && g.iter().any(|a| a == y))
    })
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

/// The finding's severity as a number: info 0, low 0.3, medium 0.6, high
/// 0.9.
pub fn strength(severity: Severity) -> f64 {
    match severity {
        Severity::Info => 0.0,
        Severity::Low => 0.3,
        Severity::Medium => 0.6,
        Severity::High => 0.9,
        // a severity added later: ranked with medium until scored here
        _ => 0.6,
    }
}
