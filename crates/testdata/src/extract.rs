//! Extraction behaviour pinned by data: the unit case files
//! `testdata/extract/{dates,quantities,quotes,entities}.toml` and the
//! extraction snapshot `testdata/extract/snapshot.txt`.
//!
//! ## Case files
//!
//! Each file is a list of `[[case]]`s: a news-style `text` (with an optional
//! `published` date, the reference for relative dates), what must be
//! extracted from it (`expect`), what must not (`absent`), and an optional
//! `known_failure = "reason"` for behaviour today's code gets wrong:
//!
//! ```toml
//! [[case]]
//! name = "last-may"
//! text = "The plant closed last May, the company said."
//! published = "2024-03-14"
//! expect = [{ at = "last May", value = "2023-05-01/2023-05-31", granularity = "month" }]
//! known_failure = "“last May” is not read"
//! ```
//!
//! Every expectation names the item by `at`, a substring of the text the
//! item must overlap (its first occurrence; the item overlapping it most is
//! taken), then the fields it must have; a field left out is not checked.
//! [`check_files`] runs them all: a case without `known_failure` must pass;
//! a case with one must still fail, so whoever fixes the behaviour removes
//! the mark in the same change (the failure message says so).
//!
//! ## Snapshot
//!
//! [`check_snapshot`] extracts the texts listed in
//! `testdata/extract/snapshot.toml` (the seeds and a few texts written for
//! it) and compares a line-per-item rendering with the checked-in
//! `testdata/extract/snapshot.txt`. A difference fails with a diff; after a
//! deliberate change of behaviour, refresh the file with
//! `UPDATE_EXPECT=1 cargo test -p crosscheck-parse --test cases` and review
//! the diff like code.

use crate::workspace_root;
use crosscheck_parse::{extract, Article, Extraction, NaiveDate, Quantity, QuantityKind, Span};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One case of a case file: a text, what it must and must not yield.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case<E, A> {
    /// Short unique name within the file (kebab case).
    pub name: String,
    /// The article text.
    pub text: String,
    /// Reference date for relative dates.
    pub published: Option<NaiveDate>,
    /// Why today's code fails this case, when it does.
    pub known_failure: Option<String>,
    /// What must be extracted.
    #[serde(default = "Vec::new")]
    pub expect: Vec<E>,
    /// What must not be extracted.
    #[serde(default = "Vec::new")]
    pub absent: Vec<A>,
}

/// A case file: `[[case]]` entries.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile<E, A> {
    /// The cases, in file order.
    pub case: Vec<Case<E, A>>,
}

/// An expected date or time expression.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateExpect {
    /// Substring of the text the expression overlaps.
    pub at: String,
    /// `YYYY-MM-DD`, `YYYY-MM-DD/YYYY-MM-DD` (an inclusive interval) or
    /// `unresolved`.
    pub value: Option<String>,
    /// Granularity as serialised (`day`, `week`, `part_of_month`, `month`,
    /// `year`, `unknown`).
    pub granularity: Option<String>,
    /// `date`, `time`, `duration` or `set`: the mention's `type` field.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The part of the day as the mention's `time_of_day` gives it
    /// (`night`, `morning`), or `none`.
    pub time_of_day: Option<String>,
    /// The clock time of a time, `HH:MM`, or `none`.
    pub time: Option<String>,
    /// The length of a duration or the period of a set (`P3Y`, `P1W`), or
    /// `none`.
    pub duration: Option<String>,
    /// A vague reference: `present`, `past`, `future`, or `none`.
    pub reference: Option<String>,
}

/// An expected quantity.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantityExpect {
    /// Substring of the text the quantity overlaps.
    pub at: String,
    /// The value.
    pub value: Option<f64>,
    /// The interval's low bound (`-inf` for open below).
    pub low: Option<f64>,
    /// The interval's high bound (`inf` for open above).
    pub high: Option<f64>,
    /// The counted noun, or `none`.
    pub unit: Option<String>,
    /// `count`, `percent`, `fraction`, `tally` or `currency:ISO`.
    pub kind: Option<String>,
    /// A tally's second side.
    pub against: Option<f64>,
    /// The qualifier as serialised (`exact`, `more_than`, `between` …).
    pub qualifier: Option<String>,
}

/// An expected quote.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteExpect {
    /// Substring of the quoted words.
    pub at: String,
    /// Canonical speaker name, or `none`.
    pub speaker: Option<String>,
    /// `direct`, `partial`, `indirect` or `scare_quote`.
    pub kind: Option<String>,
}

/// An expected entity.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityExpect {
    /// Canonical name.
    pub name: String,
    /// `person`, `organization` or `place`.
    pub kind: String,
    /// Strings each found inside one of the entity's roles.
    #[serde(default)]
    pub roles: Vec<String>,
}

/// An entity that must not be extracted.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityAbsent {
    /// Name it must not have.
    pub name: String,
    /// Kind it must not have with that name.
    pub kind: String,
}

/// The snake-case name serde gives a value (`"more_than"`), or its JSON.
fn serde_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(e) => format!("<{e}>"),
    }
}

/// The first occurrence of `at` in `text` as a span.
fn span_of(text: &str, at: &str) -> Option<Span> {
    text.find(at).map(|s| Span::new(s, s + at.len()))
}

/// Of the items whose span overlaps `at`, the one overlapping it most (on
/// a tie, the shortest: a partial quote inside an indirect one; then the
/// first).
fn best<T>(items: &[T], at: Span, span: impl Fn(&T) -> Span) -> Option<&T> {
    let mut best: Option<(&T, usize, usize)> = None;
    for it in items {
        let s = span(it);
        if s.overlaps(&at) {
            let shared = s.end.min(at.end) - s.start.max(at.start);
            let len = s.end - s.start;
            if best.is_none_or(|(_, b, l)| shared > b || (shared == b && len < l)) {
                best = Some((it, shared, len));
            }
        }
    }
    best.map(|(it, _, _)| it)
}

/// True when two numbers are equal within a relative 1e-6 (equal
/// infinities included).
pub fn same(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-6 * a.abs().max(b.abs())
}

/// The kind of a quantity as the case files write it: its serialised
/// `type`, with `:CODE` for money (`count`, `currency:USD`).
pub fn quantity_kind(k: &QuantityKind) -> String {
    let v = serde_json::to_value(k).unwrap_or_default();
    let kind = v.get("type").and_then(|t| t.as_str()).unwrap_or("?");
    match v.get("code").and_then(|c| c.as_str()) {
        Some(code) => format!("{kind}:{code}"),
        None => kind.to_string(),
    }
}

/// A quantity in a few words, for messages.
pub fn describe_quantity(q: &Quantity) -> String {
    let b = |x: Option<f64>, open: &str| x.map_or(open.to_string(), |v| v.to_string());
    format!(
        "{:?} = {} {} [{}, {}] unit {} {}",
        q.text,
        q.value,
        serde_name(&q.qualifier),
        b(q.interval.low, "-inf"),
        b(q.interval.high, "inf"),
        q.unit.as_deref().unwrap_or("none"),
        quantity_kind(&q.kind)
    )
}

/// Checks one expected quantity against the extracted ones: `None` when
/// it holds, else what is wrong.
pub fn check_quantity(text: &str, e: &QuantityExpect, found: &[Quantity]) -> Option<String> {
    let Some(at) = span_of(text, &e.at) else {
        return Some(format!("{:?} is not in the text", e.at));
    };
    let Some(q) = best(found, at, |q| q.span) else {
        return Some(format!("{:?}: no quantity", e.at));
    };
    let got = describe_quantity(q);
    let mut wrong = Vec::new();
    if let Some(v) = e.value.filter(|&v| !same(q.value, v)) {
        wrong.push(format!("value, want {v}"));
    }
    if let Some(v) = e.against.filter(|&v| q.against.is_none_or(|a| !same(a, v))) {
        wrong.push(format!("against, want {v}"));
    }
    let low = q.interval.low.unwrap_or(f64::NEG_INFINITY);
    let high = q.interval.high.unwrap_or(f64::INFINITY);
    if e.low.is_some_and(|w| !same(low, w)) || e.high.is_some_and(|w| !same(high, w)) {
        let b = |x: Option<f64>| x.map_or("_".to_string(), |v| v.to_string());
        wrong.push(format!("interval, want [{}, {}]", b(e.low), b(e.high)));
    }
    if let Some(u) = &e.unit {
        if q.unit.as_deref().unwrap_or("none") != u {
            wrong.push(format!("unit, want {u}"));
        }
    }
    if let Some(k) = e.kind.as_ref().filter(|k| **k != quantity_kind(&q.kind)) {
        wrong.push(format!("kind, want {k}"));
    }
    if let Some(k) = e
        .qualifier
        .as_ref()
        .filter(|k| **k != serde_name(&q.qualifier))
    {
        wrong.push(format!("qualifier, want {k}"));
    }
    (!wrong.is_empty()).then(|| format!("{:?} read as {got}: {}", e.at, wrong.join("; ")))
}

/// Checks that no quantity overlaps `absent`: `None` when none does.
pub fn check_no_quantity(text: &str, absent: &str, found: &[Quantity]) -> Option<String> {
    let Some(at) = span_of(text, absent) else {
        return Some(format!("{absent:?} is not in the text"));
    };
    let hits: Vec<String> = found
        .iter()
        .filter(|q| q.span.overlaps(&at))
        .map(describe_quantity)
        .collect();
    (!hits.is_empty()).then(|| format!("{absent:?} is not a quantity, read as {}", hits.join(", ")))
}

/// How a date mention's value is written in the case files.
fn date_value(m: &crosscheck_parse::DateMention) -> String {
    match m.value {
        None => "unresolved".into(),
        Some(v) if v.start() == v.end() => v.start().to_string(),
        Some(v) => format!("{}/{}", v.start(), v.end()),
    }
}

/// A date mention's type: its serialised `type` field (`date`, `time`,
/// `duration`, `set`).
fn date_type(m: &crosscheck_parse::DateMention) -> String {
    serde_json::to_value(m)
        .ok()
        .and_then(|v| v.get("type").and_then(|t| t.as_str().map(String::from)))
        .unwrap_or_else(|| "date".into())
}

fn check_dates(c: &Case<DateExpect, String>, x: &Extraction) -> Vec<String> {
    let text = c.text.as_str();
    let mut wrong = Vec::new();
    for e in &c.expect {
        let Some(at) = span_of(text, &e.at) else {
            wrong.push(format!("{:?} is not in the text", e.at));
            continue;
        };
        let Some(m) = best(&x.dates, at, |m| m.span) else {
            wrong.push(format!("{:?}: no date", e.at));
            continue;
        };
        let tod = m.time_of_day.clone().unwrap_or_else(|| "none".into());
        let time = m
            .time
            .map_or_else(|| "none".into(), |t| t.format("%H:%M").to_string());
        let duration = m.duration.clone().unwrap_or_else(|| "none".into());
        let reference = m
            .reference
            .as_ref()
            .map_or_else(|| "none".into(), serde_name);
        let got = format!(
            "{:?} = {} {} type {} time_of_day {tod} time {time} duration {duration} reference {reference}",
            m.text,
            date_value(m),
            serde_name(&m.granularity),
            date_type(m)
        );
        let mut bad = Vec::new();
        if let Some(v) = e.value.as_ref().filter(|v| **v != date_value(m)) {
            bad.push(format!("value, want {v}"));
        }
        if let Some(g) = e
            .granularity
            .as_ref()
            .filter(|g| **g != serde_name(&m.granularity))
        {
            bad.push(format!("granularity, want {g}"));
        }
        if let Some(t) = e.kind.as_ref().filter(|t| **t != date_type(m)) {
            bad.push(format!("type, want {t}"));
        }
        if let Some(t) = e.time_of_day.as_ref().filter(|t| **t != tod) {
            bad.push(format!("time_of_day, want {t}"));
        }
        if let Some(t) = e.time.as_ref().filter(|t| **t != time) {
            bad.push(format!("time, want {t}"));
        }
        if let Some(d) = e.duration.as_ref().filter(|d| **d != duration) {
            bad.push(format!("duration, want {d}"));
        }
        if let Some(r) = e.reference.as_ref().filter(|r| **r != reference) {
            bad.push(format!("reference, want {r}"));
        }
        if !bad.is_empty() {
            wrong.push(format!("{:?} read as {got}: {}", e.at, bad.join("; ")));
        }
    }
    for a in &c.absent {
        let Some(at) = span_of(text, a) else {
            wrong.push(format!("{a:?} is not in the text"));
            continue;
        };
        for m in x.dates.iter().filter(|m| m.span.overlaps(&at)) {
            wrong.push(format!(
                "{a:?} is not a date, read as {:?} = {}",
                m.text,
                date_value(m)
            ));
        }
    }
    wrong
}

fn check_quantities(c: &Case<QuantityExpect, String>, x: &Extraction) -> Vec<String> {
    let found = &x.quantities;
    c.expect
        .iter()
        .filter_map(|e| check_quantity(&c.text, e, found))
        .chain(
            c.absent
                .iter()
                .filter_map(|a| check_no_quantity(&c.text, a, found)),
        )
        .collect()
}

fn check_quotes(c: &Case<QuoteExpect, String>, x: &Extraction) -> Vec<String> {
    let text = c.text.as_str();
    let mut wrong = Vec::new();
    for e in &c.expect {
        let Some(at) = span_of(text, &e.at) else {
            wrong.push(format!("{:?} is not in the text", e.at));
            continue;
        };
        let Some(q) = best(&x.quotes, at, |q| q.span) else {
            wrong.push(format!("{:?}: no quote", e.at));
            continue;
        };
        let speaker = q.speaker.clone().unwrap_or_else(|| "none".into());
        let kind = serde_name(&q.kind);
        let mut bad = Vec::new();
        if let Some(s) = e.speaker.as_ref().filter(|s| **s != speaker) {
            bad.push(format!("speaker, want {s:?}"));
        }
        if let Some(k) = e.kind.as_ref().filter(|k| **k != kind) {
            bad.push(format!("kind, want {k}"));
        }
        if !bad.is_empty() {
            wrong.push(format!(
                "{:?} read as {kind} quote {:?} by {speaker:?} ({}): {}",
                e.at,
                q.text,
                serde_name(&q.attribution),
                bad.join("; ")
            ));
        }
    }
    // `absent` in the quotes file: words in marks that are not speech
    for a in &c.absent {
        let Some(at) = span_of(text, a) else {
            wrong.push(format!("{a:?} is not in the text"));
            continue;
        };
        for q in x.quotes.iter().filter(|q| q.span.overlaps(&at)) {
            if q.kind != crosscheck_parse::QuoteKind::ScareQuote {
                wrong.push(format!(
                    "{a:?} is not speech, read as a {} quote {:?} by {:?}",
                    serde_name(&q.kind),
                    q.text,
                    q.speaker.as_deref().unwrap_or("none")
                ));
            }
        }
    }
    wrong
}

fn check_entities(c: &Case<EntityExpect, EntityAbsent>, x: &Extraction) -> Vec<String> {
    let listed = || {
        x.entities
            .iter()
            .map(|e| format!("{} ({})", e.name, serde_name(&e.kind)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut wrong = Vec::new();
    for e in &c.expect {
        let found = x
            .entities
            .iter()
            .find(|x| x.name == e.name && serde_name(&x.kind) == e.kind);
        let Some(found) = found else {
            wrong.push(format!(
                "no {} {:?}; entities: {}",
                e.kind,
                e.name,
                listed()
            ));
            continue;
        };
        for r in &e.roles {
            if !found.roles.iter().any(|x| x.text.contains(r.as_str())) {
                let roles: Vec<&str> = found.roles.iter().map(|x| x.text.as_str()).collect();
                wrong.push(format!("{:?} lacks role {r:?}; roles: {roles:?}", e.name));
            }
        }
    }
    for a in &c.absent {
        if x.entities
            .iter()
            .any(|x| x.name == a.name && serde_name(&x.kind) == a.kind)
        {
            wrong.push(format!(
                "{:?} is not a {}; entities: {}",
                a.name,
                a.kind,
                listed()
            ));
        }
    }
    wrong
}

/// The outcome of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// `testdata/extract/FILE.toml`.
    pub file: String,
    /// The case name.
    pub name: String,
    /// Its known-failure reason, when marked.
    pub known_failure: Option<String>,
    /// What is wrong; empty when the case passes.
    pub wrong: Vec<String>,
}

impl Outcome {
    /// True when the outcome breaks the suite: an unmarked case failing, or
    /// a marked case passing.
    pub fn breaks(&self) -> bool {
        self.known_failure.is_some() == self.wrong.is_empty()
    }

    /// The message for a case that breaks the suite, naming the file and the
    /// case.
    pub fn message(&self) -> String {
        let mut s = format!("{}: case {:?}", self.file, self.name);
        match &self.known_failure {
            Some(reason) => {
                let _ = write!(
                    s,
                    " now passes, but is marked known_failure ({reason:?}): remove the mark \
                     in the same change that fixed it"
                );
            }
            None => {
                for w in &self.wrong {
                    let _ = write!(s, "\n    {w}");
                }
            }
        }
        s
    }
}

/// The folder of the case files and the snapshot.
pub fn extract_dir() -> PathBuf {
    workspace_root().join("testdata/extract")
}

fn load<E: DeserializeOwned, A: DeserializeOwned>(path: &Path) -> Result<CaseFile<E, A>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: CaseFile<E, A> =
        toml::from_str(&src).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut names = std::collections::BTreeSet::new();
    for c in &file.case {
        if !names.insert(c.name.as_str()) {
            return Err(format!("{}: two cases named {:?}", path.display(), c.name));
        }
        if c.expect.is_empty() && c.absent.is_empty() {
            return Err(format!(
                "{}: case {:?} expects nothing",
                path.display(),
                c.name
            ));
        }
    }
    Ok(file)
}

fn run<E: DeserializeOwned, A: DeserializeOwned>(
    dir: &Path,
    stem: &str,
    check: fn(&Case<E, A>, &Extraction) -> Vec<String>,
    out: &mut Vec<Outcome>,
) -> Result<(), String> {
    let path = dir.join(format!("{stem}.toml"));
    let file = load::<E, A>(&path)?;
    for c in &file.case {
        let x = extract(Article {
            id: c.name.clone(),
            published: c.published,
            text: c.text.clone(),
            origin: format!("testdata/extract/{stem}.toml"),
            ..Article::default()
        });
        out.push(Outcome {
            file: format!("testdata/extract/{stem}.toml"),
            name: c.name.clone(),
            known_failure: c.known_failure.clone(),
            wrong: check(c, &x),
        });
    }
    Ok(())
}

/// Runs every case of the four case files in `dir` (normally
/// [`extract_dir`]), in file order. Errors name a file that cannot be read
/// or is malformed.
pub fn check_files(dir: &Path) -> Result<Vec<Outcome>, String> {
    let mut out = Vec::new();
    run::<DateExpect, String>(dir, "dates", check_dates, &mut out)?;
    run::<QuantityExpect, String>(dir, "quantities", check_quantities, &mut out)?;
    run::<QuoteExpect, String>(dir, "quotes", check_quotes, &mut out)?;
    run::<EntityExpect, EntityAbsent>(dir, "entities", check_entities, &mut out)?;
    Ok(out)
}

/// One text of the snapshot set.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SnapshotText {
    /// Path relative to the workspace root.
    file: String,
    /// Reference date.
    published: Option<NaiveDate>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SnapshotSet {
    text: Vec<SnapshotText>,
}

/// Renders extractions one item a line: the item's kind, its text, then the
/// rest of its serialised fields as compact JSON (keys sorted). Any change
/// of what is extracted, or of the model, changes a line.
pub fn render(items: &[(String, Extraction)]) -> String {
    let mut out = String::new();
    for (file, x) in items {
        let published = x
            .article
            .published
            .map_or("none".to_string(), |d| d.to_string());
        let _ = writeln!(out, "== {file} (published {published})");
        let _ = writeln!(out, "sentences {}", x.sentences.len());
        let mut line = |kind: &str, v: serde_json::Value| {
            let mut v = v;
            let text = v
                .as_object_mut()
                .and_then(|o| o.remove("text").or_else(|| o.remove("name")))
                .and_then(|t| t.as_str().map(String::from))
                .unwrap_or_default();
            let _ = writeln!(out, "{kind} {text:?} {v}");
        };
        for q in &x.quotes {
            line("quote", json(q));
        }
        for d in &x.dates {
            line("date", json(d));
        }
        for q in &x.quantities {
            line("quantity", json(q));
        }
        for e in &x.entities {
            line("entity", json(e));
        }
        for d in &x.diagnostics {
            line("diagnostic", json(d));
        }
        out.push('\n');
    }
    out
}

/// Any model item as a JSON value.
fn json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or_default()
}

/// Extracts the snapshot set and compares it with `snapshot.txt` in `dir`;
/// with `update`, writes the file instead. `Err` carries a diff and how to
/// refresh.
pub fn check_snapshot(dir: &Path, update: bool) -> Result<(), String> {
    let root = workspace_root();
    let set_path = dir.join("snapshot.toml");
    let src =
        std::fs::read_to_string(&set_path).map_err(|e| format!("{}: {e}", set_path.display()))?;
    let set: SnapshotSet =
        toml::from_str(&src).map_err(|e| format!("{}: {e}", set_path.display()))?;
    let mut items = Vec::new();
    for t in &set.text {
        let path = root.join(&t.file);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let x = extract(Article {
            id: t.file.clone(),
            published: t.published,
            text,
            origin: t.file.clone(),
            ..Article::default()
        });
        items.push((t.file.clone(), x));
    }
    let got = render(&items);
    let expected_path = dir.join("snapshot.txt");
    if update {
        return std::fs::write(&expected_path, &got)
            .map_err(|e| format!("{}: {e}", expected_path.display()));
    }
    let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
    if want == got {
        return Ok(());
    }
    let diff = similar::TextDiff::from_lines(&want, &got);
    let mut s = format!(
        "the extraction of the snapshot texts changed (- {}, + now):\n",
        "testdata/extract/snapshot.txt"
    );
    for hunk in diff.unified_diff().context_radius(1).iter_hunks() {
        let _ = write!(s, "{hunk}");
    }
    s.push_str(
        "\nIf the change is intended, refresh the snapshot and review its diff:\n    \
         UPDATE_EXPECT=1 cargo test -p crosscheck-parse --test cases\n",
    );
    Err(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_break_the_suite_both_ways() {
        let o = |known: Option<&str>, wrong: &[&str]| Outcome {
            file: "testdata/extract/dates.toml".into(),
            name: "last-may".into(),
            known_failure: known.map(String::from),
            wrong: wrong.iter().map(|s| s.to_string()).collect(),
        };
        assert!(!o(None, &[]).breaks());
        assert!(o(None, &["x"]).breaks());
        assert!(!o(Some("not read"), &["x"]).breaks());
        let fixed = o(Some("not read"), &[]);
        assert!(fixed.breaks());
        assert!(fixed.message().contains("remove the mark"));
        assert!(o(None, &["\"May\": no date"])
            .message()
            .starts_with("testdata/extract/dates.toml: case \"last-may\"\n    \"May\": no date"));
    }

    #[test]
    fn quantity_expectations_check_every_field_they_give() {
        let text = "Police said 250 people were arrested.";
        let x = extract(Article {
            text: text.into(),
            ..Article::default()
        });
        let e: QuantityExpect =
            toml::from_str("at = \"250 people\"\nvalue = 250\nunit = \"people\"\nkind = \"count\"")
                .unwrap();
        // a quantity found but wrong in each field in turn
        let mut bad = e.clone();
        bad.value = Some(25.0);
        assert!(check_quantity(text, &bad, &x.quantities).is_some());
        let mut bad = e.clone();
        bad.unit = Some("arrests".into());
        assert!(check_quantity(text, &bad, &x.quantities).is_some());
        let mut bad = e.clone();
        bad.kind = Some("percent".into());
        assert!(check_quantity(text, &bad, &x.quantities).is_some());
        // nothing found
        assert_eq!(
            check_quantity(text, &e, &[]).as_deref(),
            Some("\"250 people\": no quantity")
        );
        assert!(check_no_quantity(text, "Police", &x.quantities).is_none());
        assert!(check_quantity(
            text,
            &QuantityExpect {
                at: "xyz".into(),
                ..e
            },
            &[]
        )
        .is_some());
    }
}
