//! How much a finding matters.
//!
//! | kind | confidence ≥ 0.80 | ≥ 0.50 | below |
//! | --- | --- | --- | --- |
//! | `attribution`, `quantity`, `date` | high | medium | low |
//! | `quote_wording`, `speaker_role`, `place` | medium | low | low |
//! | `agreement` | info | info | info |
//!
//! Attribution, quantity and date discrepancies change *who said it*, *how
//! many* or *when*: the facts a reader acts on. Wording, role and place
//! differences are more often paraphrase or style, so they top out at
//! medium.

use std::fmt;
use std::str::FromStr;

use crosscheck_align::{Finding, FindingKind};
use serde::{Deserialize, Serialize};

use crate::ReportError;

/// Confidence at or above which a finding takes its kind's top severity.
pub const HIGH_CONFIDENCE: f64 = 0.80;
/// Confidence at or above which a finding takes its kind's middle severity.
pub const MEDIUM_CONFIDENCE: f64 = 0.50;

/// Severity of a finding, ordered `info < low < medium < high`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// An agreement: nothing to fix.
    Info,
    /// Probably paraphrase or a weak match.
    Low,
    /// Worth a look.
    Medium,
    /// A material difference in attribution, number or date.
    High,
}

impl Severity {
    /// All severities, lowest first.
    pub const ALL: [Severity; 4] = [
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
    ];

    /// The severity of a finding, by the table in the
    /// [module documentation](self).
    pub fn of(f: &Finding) -> Severity {
        Severity::for_kind(f.kind, crate::confidence(f))
    }

    /// The severity of a finding of `kind` with `confidence`.
    pub fn for_kind(kind: FindingKind, confidence: f64) -> Severity {
        let major = matches!(
            kind,
            FindingKind::Attribution | FindingKind::Quantity | FindingKind::Date
        );
        match kind {
            FindingKind::Agreement => Severity::Info,
            _ if major && confidence >= HIGH_CONFIDENCE => Severity::High,
            _ if major && confidence >= MEDIUM_CONFIDENCE => Severity::Medium,
            _ if !major && confidence >= HIGH_CONFIDENCE => Severity::Medium,
            _ => Severity::Low,
        }
    }

    /// The lower-case name used in reports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = ReportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase();
        Severity::ALL
            .into_iter()
            .find(|v| v.as_str() == norm)
            .ok_or_else(|| {
                ReportError::Invalid(format!(
                    "unknown severity `{s}` (expected info, low, medium or high)"
                ))
            })
    }
}
