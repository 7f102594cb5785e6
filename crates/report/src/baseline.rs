//! Comparing a run with a previous report, for CI.
//!
//! A baseline is the set of finding ids (with kind and severity) of an
//! earlier CSV or JSON report. [`compare`] sorts the current findings into
//! new, resolved and unchanged by id, and [`FailOn::fails`] decides whether
//! the new ones should fail the run. Everything here is a pure function but
//! [`load`].

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crosscheck_align::{Finding, FindingKind};
use serde::{Deserialize, Serialize};

use crate::{ReportError, Severity};

/// One finding as remembered by a baseline.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BaselineEntry {
    /// Stable finding id.
    pub id: String,
    /// Kind name (`date`, `quantity`, …).
    pub kind: String,
    /// Severity.
    pub severity: Severity,
}

impl BaselineEntry {
    /// An entry from its parts (a finding's id, kind name and severity).
    ///
    /// ```
    /// use crosscheck_report::{BaselineEntry, Severity};
    /// let e = BaselineEntry::new("6f1c2a9d0b3e4f57", "date", Severity::High);
    /// assert_eq!((e.id.as_str(), e.kind.as_str()), ("6f1c2a9d0b3e4f57", "date"));
    /// ```
    pub fn new(id: impl Into<String>, kind: impl Into<String>, severity: Severity) -> Self {
        BaselineEntry {
            id: id.into(),
            kind: kind.into(),
            severity,
        }
    }
}

impl From<&Finding> for BaselineEntry {
    fn from(f: &Finding) -> Self {
        BaselineEntry {
            id: f.id.clone(),
            kind: f.kind.as_str().to_string(),
            severity: f.severity,
        }
    }
}

/// A set of findings keyed by id. Rows of one finding (one per article in
/// a CSV report) count once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// The findings, by id.
    pub entries: BTreeMap<String, BaselineEntry>,
}

impl Baseline {
    /// A baseline of the given entries.
    pub fn from_entries<I: IntoIterator<Item = BaselineEntry>>(entries: I) -> Self {
        Baseline {
            entries: entries.into_iter().map(|e| (e.id.clone(), e)).collect(),
        }
    }

    /// The baseline of a report's listed findings.
    pub fn of(findings: &[&Finding]) -> Self {
        Baseline::from_entries(findings.iter().map(|f| BaselineEntry::from(*f)))
    }

    /// Reads the rows of a CSV report (it needs the `finding_id`, `kind` and
    /// `severity` columns).
    pub fn from_csv<R: std::io::Read>(input: R) -> Result<Self, ReportError> {
        let mut r = csv::Reader::from_reader(input);
        let headers = r.headers()?.clone();
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| ReportError::Invalid(format!("baseline CSV has no `{name}` column")))
        };
        let (id, kind, sev) = (col("finding_id")?, col("kind")?, col("severity")?);
        let mut out = Vec::new();
        for (n, rec) in r.records().enumerate() {
            let rec = rec?;
            let field =
                |i: usize| crate::sanitize::restore_cell(rec.get(i).unwrap_or("")).into_owned();
            let severity = field(sev).parse::<Severity>().map_err(|e: String| {
                ReportError::Invalid(format!("baseline CSV row {}: {e}", n + 2))
            })?;
            out.push(BaselineEntry {
                id: field(id),
                kind: field(kind),
                severity,
            });
        }
        Ok(Baseline::from_entries(out))
    }

    /// Reads the findings of a JSON report: those of every story
    /// (`stories[].findings[]`), and a top-level `findings` list if there
    /// is one. Each needs `id`, `kind` and `severity`; other fields are
    /// ignored.
    pub fn from_json(input: &str) -> Result<Self, ReportError> {
        #[derive(Deserialize)]
        struct Story {
            #[serde(default)]
            findings: Vec<BaselineEntry>,
        }
        #[derive(Deserialize)]
        struct Doc {
            stories: Option<Vec<Story>>,
            findings: Option<Vec<BaselineEntry>>,
        }
        let doc: Doc = serde_json::from_str(input)?;
        if doc.stories.is_none() && doc.findings.is_none() {
            return Err(ReportError::Invalid(
                "a JSON baseline needs `stories` (or `findings`)".into(),
            ));
        }
        Ok(Baseline::from_entries(
            doc.stories
                .into_iter()
                .flatten()
                .flat_map(|s| s.findings)
                .chain(doc.findings.into_iter().flatten()),
        ))
    }

    /// Reads a baseline from text: JSON when it starts with `{`, else CSV.
    pub fn parse(input: &str) -> Result<Self, ReportError> {
        if input.trim_start().starts_with('{') {
            Baseline::from_json(input)
        } else {
            Baseline::from_csv(input.as_bytes())
        }
    }

    /// Number of findings.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Reads a baseline file (CSV or JSON, told apart by content).
pub fn load(path: &Path) -> Result<Baseline, ReportError> {
    let text = std::fs::read_to_string(path).map_err(|source| ReportError::Read {
        what: "baseline",
        path: path.to_path_buf(),
        source,
    })?;
    Baseline::parse(&text).map_err(|e| ReportError::File {
        what: "baseline",
        path: path.to_path_buf(),
        source: Box::new(e),
    })
}

/// How the current findings relate to the baseline. Each list is sorted by
/// id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Comparison {
    /// In the current run, not in the baseline.
    pub new: Vec<BaselineEntry>,
    /// In the baseline, not in the current run.
    pub resolved: Vec<BaselineEntry>,
    /// In both (the current run's kind and severity).
    pub unchanged: Vec<BaselineEntry>,
}

/// Compares the current findings with a baseline, by id.
pub fn compare(baseline: &Baseline, current: &Baseline) -> Comparison {
    let mut c = Comparison::default();
    for (id, e) in &current.entries {
        if baseline.entries.contains_key(id) {
            c.unchanged.push(e.clone());
        } else {
            c.new.push(e.clone());
        }
    }
    for (id, e) in &baseline.entries {
        if !current.entries.contains_key(id) {
            c.resolved.push(e.clone());
        }
    }
    c
}

/// When a run fails: on a new finding of a kind, or at or above a severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FailOn {
    /// Never fail.
    Never,
    /// Fail when a new finding is of this kind.
    Kind(FindingKind),
    /// Fail when a new finding is at or above this severity.
    Severity(Severity),
}

impl FailOn {
    /// True when this entry trips the policy.
    pub fn matches(&self, e: &BaselineEntry) -> bool {
        match self {
            FailOn::Never => false,
            FailOn::Kind(k) => e.kind == k.as_str(),
            FailOn::Severity(s) => e.severity >= *s,
        }
    }

    /// True when a new finding trips the policy: the run should fail
    /// (exit code 1).
    pub fn fails(&self, c: &Comparison) -> bool {
        c.new.iter().any(|e| self.matches(e))
    }

    /// The new findings that trip the policy.
    pub fn offending<'c>(&self, c: &'c Comparison) -> Vec<&'c BaselineEntry> {
        c.new.iter().filter(|e| self.matches(e)).collect()
    }
}

impl FromStr for FailOn {
    type Err = ReportError;

    /// `never`, a severity (`low`, `medium`, `high`, `info`) or a kind name
    /// (`date`, `quote_wording`, …). `any` means any new finding
    /// (severity `info` and up).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase();
        if norm == "never" || norm == "none" {
            return Ok(FailOn::Never);
        }
        if norm == "any" {
            return Ok(FailOn::Severity(Severity::Info));
        }
        if let Ok(sev) = norm.parse::<Severity>() {
            return Ok(FailOn::Severity(sev));
        }
        crate::parse_kind(&norm).map(FailOn::Kind).map_err(|_| {
            ReportError::Invalid(format!(
                "unknown --fail-on value `{s}` (expected a severity: low, medium, high; \
                 a kind: agreement, matched, quote_wording, attribution, unattributed, speaker_role, \
                 date, quantity, place; \
                 `any` or `never`)"
            ))
        })
    }
}

impl fmt::Display for FailOn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FailOn::Never => f.write_str("never"),
            FailOn::Kind(k) => f.write_str(k.as_str()),
            FailOn::Severity(s) => f.write_str(s.as_str()),
        }
    }
}

impl Comparison {
    /// One line for the terminal: `2 new, 1 resolved, 5 unchanged`.
    pub fn summary(&self) -> String {
        format!(
            "{} new, {} resolved, {} unchanged",
            self.new.len(),
            self.resolved.len(),
            self.unchanged.len()
        )
    }
}
