//! # crosscheck-testdata
//!
//! The shared test corpus: every file in `testdata/*.toml` (at the workspace
//! root) is one **case**: a small set of articles and what crosscheck must
//! find in them. Each crate's tests run every case through its own stage
//! (extraction in `crates/parse`, findings in `crates/align`, the whole CLI in
//! `tests/`), so one file pins the behaviour of the whole pipeline, the way the
//! regex crate's `testdata/*.toml` is run by every regex engine.
//!
//! A case file looks like this:
//!
//! ```toml
//! description = "one quoted word changed"
//!
//! [[articles]]
//! id = "a"
//! published = "2022-01-27"
//! text = "“We prefer diplomacy,” Antony Blinken said."
//!
//! [[expect.quotes]]
//! article = "a"
//! text = "We prefer diplomacy"
//! speaker = "Antony Blinken"
//! kind = "direct"
//!
//! [[expect.findings]]
//! kind = "quote_wording"
//! a = "serious diplomatic channel"   # a substring of one side's text
//! b = "serious diplomatic path"      # a substring of the other side's text
//!
//! [expect]
//! exhaustive_findings = true   # no other discrepancy may be reported
//! ```
//!
//! An article may give `file = "seeds/…"` (relative to the workspace root)
//! instead of `text`.

#![warn(missing_docs)]

pub mod extract;

use chrono::NaiveDate;
use crosscheck_parse::{Article, Extraction};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// One test case: a set of articles and the expectations on them.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The file stem, filled in by the loader.
    #[serde(skip)]
    pub name: String,
    /// What the case is about.
    pub description: String,
    /// The articles.
    pub articles: Vec<CaseArticle>,
    /// What must (and must not) be found.
    #[serde(default)]
    pub expect: Expect,
}

/// An article of a case.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseArticle {
    /// Article id.
    pub id: String,
    /// Publication date (reference for relative dates).
    pub published: Option<NaiveDate>,
    /// Outlet name.
    pub source: Option<String>,
    /// The text, inline.
    pub text: Option<String>,
    /// Or a file holding the text, relative to the workspace root.
    pub file: Option<String>,
    /// The story the article belongs to, when the case fixes the stories
    /// (articles with the same label are one story; an article without a
    /// label is a story of its own). Cases without labels are compared
    /// with the stories the engine decides.
    pub story: Option<String>,
}

/// Expectations of a case. Every list is checked as "at least these";
/// `exhaustive_findings` also forbids other discrepancies.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Quotes that must be extracted.
    #[serde(default)]
    pub quotes: Vec<ExpectQuote>,
    /// Date expressions that must be extracted.
    #[serde(default)]
    pub dates: Vec<ExpectDate>,
    /// Quantities that must be extracted.
    #[serde(default)]
    pub quantities: Vec<ExpectQuantity>,
    /// Entities that must be extracted.
    #[serde(default)]
    pub entities: Vec<ExpectEntity>,
    /// Findings (agreements or discrepancies) that must be reported.
    #[serde(default)]
    pub findings: Vec<ExpectFinding>,
    /// When true, no discrepancy other than those in `findings` may be
    /// reported (agreements are not restricted).
    #[serde(default)]
    pub exhaustive_findings: bool,
    /// Groups of articles that must be reported as syndicated copies of
    /// one text (each group sorted by id).
    #[serde(default)]
    pub copies: Vec<Vec<String>>,
}

/// An expected quote.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectQuote {
    /// Article id.
    pub article: String,
    /// The quote text must start with this.
    pub text: String,
    /// Expected speaker (canonical name); `"none"` means no speaker.
    pub speaker: Option<String>,
    /// Expected kind: direct, partial, indirect or scare_quote.
    pub kind: Option<String>,
}

/// An expected date expression.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectDate {
    /// Article id.
    pub article: String,
    /// The expression text must contain this.
    pub text: String,
    /// `"YYYY-MM-DD"`, `"YYYY-MM-DD/YYYY-MM-DD"` for an interval, or
    /// `"unresolved"`.
    pub value: String,
}

/// An expected quantity.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectQuantity {
    /// Article id.
    pub article: String,
    /// The expression text must contain this.
    pub text: String,
    /// The value.
    pub value: f64,
    /// Expected qualifier (snake_case name), when given.
    pub qualifier: Option<String>,
    /// Expected counted noun, when given.
    pub unit: Option<String>,
    /// Expected kind (`count`, `percent`, `tally`, …), when given.
    pub kind: Option<String>,
    /// Expected second side of a tally, when given.
    pub against: Option<f64>,
}

/// An expected entity.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectEntity {
    /// Article id.
    pub article: String,
    /// Canonical name.
    pub name: String,
    /// person, organization or place.
    pub kind: String,
    /// Roles that must be among the entity's roles (exact text).
    #[serde(default)]
    pub roles: Vec<String>,
}

/// An expected finding: one finding of `kind` where one variant has a
/// mention whose text or value contains `a` and another variant (for
/// `agreement` and `matched`: another mention) one that contains `b`.
/// Sides are unordered.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectFinding {
    /// Finding kind: agreement, matched, quote_wording, attribution,
    /// unattributed, speaker_role, date, quantity, place.
    pub kind: String,
    /// A substring of one side's text (or value).
    pub a: String,
    /// A substring of the other side's text (or value).
    pub b: String,
    /// Speaker both sides must carry, when given.
    pub speaker: Option<String>,
    /// The finding's severity (info, low, medium, high), when given.
    pub severity: Option<String>,
    /// The number of variants, when given.
    pub variants: Option<usize>,
    /// The independent outlets of each variant, in the finding's order
    /// (syndicated copies count once), when given.
    pub outlets: Option<Vec<usize>>,
}

impl CaseArticle {
    /// Builds the [`Article`], reading `file` relative to `root` if given.
    pub fn to_article(&self, root: &Path) -> Article {
        let text = match (&self.text, &self.file) {
            (Some(t), _) => t.clone(),
            (None, Some(f)) => std::fs::read_to_string(root.join(f))
                .unwrap_or_else(|e| panic!("testdata article {}: cannot read {f}: {e}", self.id)),
            (None, None) => panic!("testdata article {} has neither text nor file", self.id),
        };
        Article {
            id: self.id.clone(),
            source: self.source.clone(),
            published: self.published,
            text,
            origin: self
                .file
                .clone()
                .unwrap_or_else(|| format!("testdata:{}", self.id)),
            ..Article::default()
        }
    }
}

impl Case {
    /// The stories the case fixes, as groups of article indices (in the
    /// case's article order), or `None` when no article has a `story`
    /// label.
    pub fn stories(&self) -> Option<Vec<Vec<usize>>> {
        if self.articles.iter().all(|a| a.story.is_none()) {
            return None;
        }
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, a) in self.articles.iter().enumerate() {
            let label = a.story.clone().unwrap_or_else(|| format!("\u{0}{i}"));
            match groups.iter_mut().find(|(l, _)| *l == label) {
                Some((_, g)) => g.push(i),
                None => groups.push((label, vec![i])),
            }
        }
        Some(groups.into_iter().map(|(_, g)| g).collect())
    }

    /// The case's articles, extracted.
    pub fn extract(&self) -> Vec<Extraction> {
        let root = workspace_root();
        self.articles
            .iter()
            .map(|a| crosscheck_parse::extract(a.to_article(&root)))
            .collect()
    }
}

/// The workspace root (where `testdata/` lives).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Loads every case in `testdata/`, sorted by name. Panics with the file
/// name on a malformed case: the corpus is part of the test suite.
pub fn load_all() -> Vec<Case> {
    let dir = workspace_root().join("testdata");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let src = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let mut case: Case =
                toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            case.name = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            case
        })
        .collect()
}

/// Checks the extraction expectations of `case` against `docs` (in the
/// case's article order). Returns one message per unmet expectation.
pub fn check_extraction(case: &Case, docs: &[Extraction]) -> Vec<String> {
    let mut errors = Vec::new();
    let doc = |id: &str| docs.iter().find(|d| d.article.id == id);
    for q in &case.expect.quotes {
        let Some(d) = doc(&q.article) else {
            errors.push(format!("quote {:?}: no article {}", q.text, q.article));
            continue;
        };
        let Some(found) = d.quotes.iter().find(|x| x.text.starts_with(&q.text)) else {
            errors.push(format!(
                "{}: no quote starting {:?}; quotes: {:?}",
                q.article,
                q.text,
                d.quotes.iter().map(|x| &x.text).collect::<Vec<_>>()
            ));
            continue;
        };
        if let Some(s) = &q.speaker {
            let want = (s != "none").then_some(s.as_str());
            if found.speaker.as_deref() != want {
                errors.push(format!(
                    "{}: quote {:?}: speaker {:?}, expected {want:?}",
                    q.article, q.text, found.speaker
                ));
            }
        }
        if let Some(k) = &q.kind {
            let got = serde_json::to_value(found.kind)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            if &got != k {
                errors.push(format!(
                    "{}: quote {:?}: kind {got}, expected {k}",
                    q.article, q.text
                ));
            }
        }
    }
    for e in &case.expect.dates {
        let Some(d) = doc(&e.article) else {
            errors.push(format!("date {:?}: no article {}", e.text, e.article));
            continue;
        };
        let found: Vec<_> = d
            .dates
            .iter()
            .filter(|x| x.text.contains(&e.text))
            .collect();
        let ok = found.iter().any(|x| match (&x.value, e.value.as_str()) {
            (None, "unresolved") => true,
            (Some(v), want) => {
                let got = if v.start() == v.end() {
                    v.start().to_string()
                } else {
                    format!("{}/{}", v.start(), v.end())
                };
                got == want
            }
            _ => false,
        });
        if !ok {
            errors.push(format!(
                "{}: date {:?} = {}: found {:?}",
                e.article,
                e.text,
                e.value,
                found.iter().map(|x| (&x.text, x.value)).collect::<Vec<_>>()
            ));
        }
    }
    for e in &case.expect.quantities {
        let Some(d) = doc(&e.article) else {
            errors.push(format!("quantity {:?}: no article {}", e.text, e.article));
            continue;
        };
        let ok = d.quantities.iter().any(|x| {
            x.text.contains(&e.text)
                && x.value == e.value
                && e.qualifier.as_ref().is_none_or(|q| {
                    serde_json::to_value(x.qualifier)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .as_deref()
                        == Some(q.as_str())
                })
                && e.unit
                    .as_ref()
                    .is_none_or(|u| x.unit.as_deref() == Some(u.as_str()))
                && e.kind
                    .as_ref()
                    .is_none_or(|k| *k == extract::quantity_kind(&x.kind))
                && e.against.is_none_or(|a| x.against == Some(a))
        });
        if !ok {
            errors.push(format!(
                "{}: quantity {:?} = {} {:?} {:?} {:?} {:?}: found {:?}",
                e.article,
                e.text,
                e.value,
                e.qualifier,
                e.unit,
                e.kind,
                e.against,
                d.quantities
                    .iter()
                    .map(|x| (&x.text, x.value, x.qualifier, &x.unit, &x.kind, x.against))
                    .collect::<Vec<_>>()
            ));
        }
    }
    for e in &case.expect.entities {
        let Some(d) = doc(&e.article) else {
            errors.push(format!("entity {:?}: no article {}", e.name, e.article));
            continue;
        };
        let found = d.entities.iter().find(|x| {
            x.name == e.name
                && serde_json::to_value(x.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .as_deref()
                    == Some(e.kind.as_str())
        });
        match found {
            None => errors.push(format!(
                "{}: no {} entity {:?}; entities: {:?}",
                e.article,
                e.kind,
                e.name,
                d.entities.iter().map(|x| &x.name).collect::<Vec<_>>()
            )),
            Some(x) => {
                for r in &e.roles {
                    if !x.roles.iter().any(|y| &y.text == r) {
                        errors.push(format!(
                            "{}: {} lacks role {r:?}; roles: {:?}",
                            e.article, e.name, x.roles
                        ));
                    }
                }
            }
        }
    }
    errors
}
