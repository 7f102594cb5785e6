//! The native part of the `crosscheck` Python package: thin functions over
//! the Rust library that take plain Python values and return JSON text,
//! which `python/crosscheck/__init__.py` turns into dicts. Rust work runs
//! with the GIL released.

use crosscheck::align::{self, Alignment};
use crosscheck::parse::{
    self, Article, Diagnostic, DiagnosticLevel, Extraction, IngestOptions, NaiveDate,
};
use crosscheck::report::{self, sanitize, Filter, Format, Report};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use std::path::PathBuf;

create_exception!(
    _native,
    InputError,
    PyValueError,
    "Bad input: names the article (or file) and the reason."
);

/// Parses a `YYYY-MM-DD` date, or explains which article it was for.
fn parse_date(id: &str, date: Option<&str>) -> PyResult<Option<NaiveDate>> {
    date.map(|d| {
        NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|e| {
            InputError::new_err(format!(
                "article '{id}': date '{d}' is not a YYYY-MM-DD date ({e})"
            ))
        })
    })
    .transpose()
}

/// Extracts the quotes and facts of one article and returns them as the
/// JSON object `crosscheck extract` prints for it.
#[pyfunction]
#[pyo3(signature = (text, date=None, id="article", source=None, title=None, url=None, language=None))]
#[allow(clippy::too_many_arguments)]
fn extract_json(
    py: Python<'_>,
    text: String,
    date: Option<&str>,
    id: &str,
    source: Option<String>,
    title: Option<String>,
    url: Option<String>,
    language: Option<String>,
) -> PyResult<String> {
    let published = parse_date(id, date)?;
    if text.trim().is_empty() {
        return Err(InputError::new_err(format!("article '{id}': empty text")));
    }
    let mut article = Article::new(id, text);
    article.published = published;
    article.source = source;
    article.title = title;
    article.url = url;
    article.language = language;
    if let Err(e) = parse::check_ids(std::slice::from_ref(&article)) {
        return Err(InputError::new_err(format!("article '{id}': {e}")));
    }
    let json = py.detach(move || serde_json::to_string(&parse::extract(article)));
    json.map_err(|e| InputError::new_err(format!("article '{id}': cannot serialise: {e}")))
}

/// One article handed over from Python: id, text, source, title,
/// published (`YYYY-MM-DD`), url.
type ArticleTuple = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// A comparison done: the extractions, the alignment and the ingest
/// diagnostics; reports are rendered from it on demand, exactly as
/// `crosscheck compare` renders them.
#[pyclass(frozen, module = "crosscheck._native")]
struct NativeReport {
    docs: Vec<Extraction>,
    alignment: Alignment,
    diagnostics: Vec<Diagnostic>,
}

#[pymethods]
impl NativeReport {
    /// The report in `format` (`csv`, `json`, `md`, `html`, `dot`), the
    /// bytes `crosscheck compare --format FORMAT` writes (CSV cells
    /// neutralised against spreadsheet formulas, as the CLI does).
    fn render(&self, py: Python<'_>, format: &str) -> PyResult<String> {
        let format: Format = format
            .parse()
            .map_err(|e: report::ReportError| InputError::new_err(e.to_string()))?;
        py.detach(|| {
            let report = Report::new(&self.docs, &self.alignment)
                .with_diagnostics(&self.diagnostics)
                .with_filter(Filter::default());
            sanitize::render_with(&report, format, &sanitize::RenderOptions::default())
        })
        .map_err(|e| InputError::new_err(format!("cannot render the report: {e}")))
    }

    /// The ingest warnings, as `origin: message` lines.
    fn warnings(&self) -> Vec<String> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == DiagnosticLevel::Warning)
            .map(|d| format!("{}: {}", d.origin, d.message))
            .collect()
    }
}

/// The align configuration from its JSON form; unknown keys (at any depth)
/// and values of the wrong type are errors naming the key.
fn config_from_json(json: Option<&str>) -> PyResult<align::Config> {
    let Some(json) = json else {
        return Ok(align::Config::default());
    };
    let given: serde_json::Value =
        serde_json::from_str(json).map_err(|e| InputError::new_err(format!("config: {e}")))?;
    let known = serde_json::to_value(align::Config::default())
        .map_err(|e| InputError::new_err(format!("config: {e}")))?;
    check_keys(&given, &known, "")?;
    let mut merged = known;
    merge(&mut merged, given);
    serde_json::from_value(merged).map_err(|e| InputError::new_err(format!("config: {e}")))
}

fn check_keys(given: &serde_json::Value, known: &serde_json::Value, path: &str) -> PyResult<()> {
    let (Some(given), Some(known)) = (given.as_object(), known.as_object()) else {
        return Ok(());
    };
    for (k, v) in given {
        let key = if path.is_empty() {
            k.clone()
        } else {
            format!("{path}.{k}")
        };
        match known.get(k) {
            Some(kv) => check_keys(v, kv, &key)?,
            None => return Err(InputError::new_err(format!("config: unknown key {key:?}"))),
        }
    }
    Ok(())
}

fn merge(base: &mut serde_json::Value, over: serde_json::Value) {
    match (base, over) {
        (serde_json::Value::Object(b), serde_json::Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

/// Reads `paths` (files, directories, as the CLI does) or takes `articles`,
/// extracts and compares them. Errors name the file or article.
#[pyfunction]
#[pyo3(signature = (paths, articles, date=None, config_json=None))]
fn compare(
    py: Python<'_>,
    paths: Vec<String>,
    articles: Vec<ArticleTuple>,
    date: Option<&str>,
    config_json: Option<&str>,
) -> PyResult<NativeReport> {
    let mut config = config_from_json(config_json)?;
    // the reports list discrepancies only: agreements need not be built
    config.agreements = false;
    let default_date = parse_date("(every)", date)?;
    let ingested = if articles.is_empty() {
        let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
        let options = IngestOptions {
            default_date,
            ..IngestOptions::default()
        };
        py.detach(|| parse::read_inputs(&paths, &options))
    } else {
        let ingested = parse::Ingested {
            articles: articles_of(articles, default_date)?,
            ..parse::Ingested::default()
        };
        if let Err(e) = parse::check_ids(&ingested.articles) {
            let id = match &e {
                parse::ArticleError::DuplicateId { id, .. } => id.clone(),
                _ => String::new(),
            };
            return Err(InputError::new_err(format!("article '{id}': {e}")));
        }
        ingested
    };
    let errors: Vec<String> = ingested
        .diagnostics
        .iter()
        .filter(|d| d.severity == DiagnosticLevel::Error)
        .map(|d| format!("{}: {}", d.origin, d.message))
        .collect();
    if !errors.is_empty() {
        return Err(InputError::new_err(errors.join("; ")));
    }
    if ingested.articles.len() < 2 {
        return Err(InputError::new_err(format!(
            "{} article(s) read: a comparison needs at least two",
            ingested.articles.len()
        )));
    }
    let (docs, alignment) = py.detach(|| {
        let docs = crosscheck::extract_all(&ingested);
        let alignment = align::compare(&docs, &config);
        (docs, alignment)
    });
    Ok(NativeReport {
        docs,
        alignment,
        diagnostics: ingested.diagnostics,
    })
}

/// Python article tuples as Rust articles: a missing `published` takes
/// `default_date`; empty text is an error naming the article.
fn articles_of(
    articles: Vec<ArticleTuple>,
    default_date: Option<NaiveDate>,
) -> PyResult<Vec<Article>> {
    let mut out = Vec::with_capacity(articles.len());
    for (id, text, source, title, published, url) in articles {
        if text.trim().is_empty() {
            return Err(InputError::new_err(format!("article '{id}': empty text")));
        }
        let mut a = Article::new(&*id, text);
        a.published = parse_date(&id, published.as_deref())?.or(default_date);
        a.source = source;
        a.title = title;
        a.url = url;
        out.push(a);
    }
    Ok(out)
}

/// The articles of one batch as Rust articles ([`articles_of`] with `date`
/// parsed), their ids checked.
fn batch_articles(articles: Vec<ArticleTuple>, date: Option<&str>) -> PyResult<Vec<Article>> {
    let out = articles_of(articles, parse_date("(every)", date)?)?;
    if let Err(e) = parse::check_ids(&out) {
        return Err(InputError::new_err(e.to_string()));
    }
    Ok(out)
}

/// What the first Spark stage keeps of one article: id, extraction JSON,
/// story features (bytes), claim count, claim words and their counts, and
/// its warnings (`origin: message`).
type Prepared = (
    String,
    String,
    Vec<u8>,
    u64,
    Vec<String>,
    Vec<u64>,
    Vec<String>,
);

/// Extracts a batch of articles (the first stage of `crosscheck.spark`):
/// per article its extraction as JSON, its story features
/// (`stories::StoryFeatures::to_bytes`), its claim statistics
/// (`ClaimStats`: the claim count, the words and their counts) and its
/// warnings: the extraction's, and relative dates left unresolved in an
/// article without a publication date.
#[pyfunction]
#[pyo3(signature = (articles, date=None, config_json=None))]
fn spark_prepare(
    py: Python<'_>,
    articles: Vec<ArticleTuple>,
    date: Option<&str>,
    config_json: Option<&str>,
) -> PyResult<Vec<Prepared>> {
    let config = config_from_json(config_json)?;
    let articles = batch_articles(articles, date)?;
    py.detach(|| {
        articles
            .into_iter()
            .map(|a| {
                let x = parse::extract(a);
                let features = align::stories::StoryFeatures::of(&x).to_bytes();
                let stats = align::ClaimStats::of(&x, &config);
                let json = serde_json::to_string(&x).map_err(|e| {
                    InputError::new_err(format!(
                        "article '{}': cannot serialise: {e}",
                        x.article.id
                    ))
                })?;
                let (words, counts) = stats.df.into_iter().unzip();
                let warnings = x
                    .diagnostics
                    .iter()
                    .cloned()
                    .chain(crosscheck::unresolved_relative_dates(
                        std::slice::from_ref(&x),
                        "give one with date=YYYY-MM-DD or a published column",
                    ))
                    .filter(|d| d.severity == DiagnosticLevel::Warning)
                    .map(|d| format!("{}: {}", d.origin, d.message))
                    .collect();
                Ok((
                    x.article.id.clone(),
                    json,
                    features,
                    stats.claims as u64,
                    words,
                    counts,
                    warnings,
                ))
            })
            .collect()
    })
}

/// The story of every article from the ids and story features of all the
/// articles (one entry each, in the same order): the story ids the CLI
/// gives (`story:` and the story's first article id), in input order.
#[pyfunction]
#[pyo3(signature = (ids, features, config_json=None))]
fn spark_stories(
    py: Python<'_>,
    ids: Vec<String>,
    features: Vec<Vec<u8>>,
    config_json: Option<&str>,
) -> PyResult<Vec<String>> {
    let config = config_from_json(config_json)?;
    if ids.len() != features.len() {
        return Err(InputError::new_err(format!(
            "{} ids for {} story features",
            ids.len(),
            features.len()
        )));
    }
    let mut seen = std::collections::BTreeSet::new();
    for id in &ids {
        if !seen.insert(id.as_str()) {
            return Err(InputError::new_err(format!(
                "article '{id}': duplicate id (every article needs its own)"
            )));
        }
    }
    let feats = features
        .iter()
        .zip(&ids)
        .map(|(b, id)| {
            align::stories::StoryFeatures::from_bytes(b).ok_or_else(|| {
                InputError::new_err(format!(
                    "article '{id}': story features are not readable (damaged, or made by \
                     another version of crosscheck: the driver and the executors must run \
                     the same crosscheck build)"
                ))
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(py.detach(|| {
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let groups = align::stories::group_features(&refs, feats, &config.stories);
        let mut story = vec![String::new(); ids.len()];
        for g in groups {
            // the CLI's story id: its first article id in id order
            let first = g.iter().map(|&i| ids[i].as_str()).min().unwrap_or_default();
            let name = format!("story:{first}");
            for i in g {
                story[i] = name.clone();
            }
        }
        story
    }))
}

/// The claim statistics of a whole collection, summed by Spark: what the
/// comparison of one story needs of the other stories.
#[pyclass(frozen, module = "crosscheck._native")]
struct SparkStats(align::ClaimStats);

#[pymethods]
impl SparkStats {
    /// `claims` in all, and each word's count (words counted once may be
    /// left out).
    #[new]
    fn new(claims: u64, words: Vec<String>, counts: Vec<u64>) -> PyResult<Self> {
        if words.len() != counts.len() {
            return Err(InputError::new_err("as many counts as words are needed"));
        }
        Ok(SparkStats(align::ClaimStats {
            claims: claims as usize,
            df: words.into_iter().zip(counts).collect(),
        }))
    }
}

/// The configuration of the comparison stages of `crosscheck.spark`.
fn story_config(config_json: Option<&str>) -> PyResult<align::Config> {
    let mut config = config_from_json(config_json)?;
    config.agreements = false;
    Ok(config)
}

/// Extractions read back from their JSON (`spark_prepare`).
fn extractions_of(json: &[String]) -> PyResult<Vec<Extraction>> {
    json.iter()
        .map(|j| serde_json::from_str::<Extraction>(j))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| InputError::new_err(format!("extraction JSON: {e}")))
}

/// One story's CSV report (header included): the rows the CLI writes for
/// this story.
fn story_csv(docs: &[Extraction], alignment: &Alignment) -> PyResult<String> {
    let report = Report::new(docs, alignment).with_filter(Filter::default());
    sanitize::render_with(&report, Format::Csv, &sanitize::RenderOptions::default())
        .map_err(|e| InputError::new_err(format!("cannot render the report: {e}")))
}

fn split_error(e: align::split::SplitError) -> PyErr {
    InputError::new_err(format!("split story: {e}"))
}

/// Compares the articles of one story (their extraction JSON from
/// `spark_prepare`), weighting words by the collection's statistics, and
/// returns the story's CSV report (header included): the rows the CLI
/// writes for this story.
#[pyfunction]
#[pyo3(signature = (extractions, stats, config_json=None))]
fn spark_compare_story(
    py: Python<'_>,
    extractions: Vec<String>,
    stats: &SparkStats,
    config_json: Option<&str>,
) -> PyResult<String> {
    let config = story_config(config_json)?;
    let docs = extractions_of(&extractions)?;
    let alignment = py.detach(|| {
        let all: Vec<usize> = (0..docs.len()).collect();
        align::compare_stories_with(&docs, &[all], &config, &stats.0)
    });
    story_csv(&docs, &alignment)
}

/// Stage 1 of a story compared in parts in one task (`align::split::plan`):
/// the story's plan, as JSON, from the extraction JSON of all its
/// articles. `crosscheck.spark` makes it from parts instead
/// (`spark_split_summary`, `spark_split_plan_from`); this is the
/// reference they are tested and measured against.
#[pyfunction]
#[pyo3(signature = (extractions, stats, config_json=None))]
fn spark_split_plan(
    py: Python<'_>,
    extractions: Vec<String>,
    stats: &SparkStats,
    config_json: Option<&str>,
) -> PyResult<String> {
    let config = story_config(config_json)?;
    let docs = extractions_of(&extractions)?;
    let plan = py
        .detach(|| align::split::plan(&docs, &config, &stats.0))
        .map_err(split_error)?;
    serde_json::to_string(&plan)
        .map_err(|e| InputError::new_err(format!("cannot write the story's plan: {e}")))
}

/// Stage 1a of a story compared in parts (`align::split::summarize`):
/// the summary, as JSON, of one part of the story (any set of its
/// articles) from their extraction JSON: 1-2 KB per article.
#[pyfunction]
#[pyo3(signature = (extractions, config_json=None))]
fn spark_split_summary(
    py: Python<'_>,
    extractions: Vec<String>,
    config_json: Option<&str>,
) -> PyResult<String> {
    let config = story_config(config_json)?;
    let docs = extractions_of(&extractions)?;
    let summary = py
        .detach(|| align::split::summarize(&docs, &config))
        .map_err(split_error)?;
    serde_json::to_string(&summary)
        .map_err(|e| InputError::new_err(format!("cannot write the part's summary: {e}")))
}

/// Stage 1b (`align::split::plan_from`): the story's plan, as JSON, from
/// the summaries (`spark_split_summary`) of parts that hold each of its
/// articles once: the plan `spark_split_plan` gives from all the
/// articles, without reading an extraction.
#[pyfunction]
#[pyo3(signature = (summaries, config_json=None))]
fn spark_split_plan_from(
    py: Python<'_>,
    summaries: Vec<String>,
    config_json: Option<&str>,
) -> PyResult<String> {
    let config = story_config(config_json)?;
    let plan = py.detach(|| {
        let mut all = align::split::PartSummary::default();
        for s in &summaries {
            let part: align::split::PartSummary = serde_json::from_str(s).map_err(|e| {
                InputError::new_err(format!("a part's summary is not readable: {e}"))
            })?;
            all = all.merge(part);
        }
        align::split::plan_from(&all, &config).map_err(split_error)
    })?;
    serde_json::to_string(&plan)
        .map_err(|e| InputError::new_err(format!("cannot write the story's plan: {e}")))
}

/// Stage 2 (`align::split::edges`): the matches between the articles of
/// `part` and those of `other` (among those of `part` when `other` is
/// empty), as `(a, b, score)`.
#[pyfunction]
#[pyo3(signature = (part, other, plan_json, stats, config_json=None))]
fn spark_split_edges(
    py: Python<'_>,
    part: Vec<String>,
    other: Vec<String>,
    plan_json: &str,
    stats: &SparkStats,
    config_json: Option<&str>,
) -> PyResult<Vec<(u32, u32, f64)>> {
    let config = story_config(config_json)?;
    let plan: align::split::StoryPlan = serde_json::from_str(plan_json)
        .map_err(|e| InputError::new_err(format!("the story's plan is not readable: {e}")))?;
    let (part, other) = (extractions_of(&part)?, extractions_of(&other)?);
    let edges = py
        .detach(|| align::split::edges(&part, &other, &plan, &config, &stats.0))
        .map_err(split_error)?;
    Ok(edges.into_iter().map(|e| (e.a, e.b, e.score)).collect())
}

/// Stage 3 (`align::split::finish`): the story's CSV report (header
/// included) from all its articles and the matches of every pair of its
/// parts: the rows `spark_compare_story` gives for the whole story.
#[pyfunction]
#[pyo3(signature = (extractions, edges, stats, config_json=None))]
fn spark_split_finish(
    py: Python<'_>,
    extractions: Vec<String>,
    edges: Vec<(u32, u32, f64)>,
    stats: &SparkStats,
    config_json: Option<&str>,
) -> PyResult<String> {
    let config = story_config(config_json)?;
    let docs = extractions_of(&extractions)?;
    let edges = edges
        .into_iter()
        .map(|(a, b, score)| align::split::Edge { a, b, score })
        .collect();
    let alignment = py
        .detach(|| align::split::finish(&docs, edges, &config, &stats.0))
        .map_err(split_error)?;
    story_csv(&docs, &alignment)
}

/// Stage 3a (`align::split::partition`): the finish of a split story cut
/// into tasks, from its plan and all its matches (no extraction read):
/// per task its number, the ids of the articles it reads and its part
/// (JSON) for `spark_split_finish_part`. A task builds the claims of
/// some components of the story's matches and repeated texts (at most
/// `max_articles` articles, or the claims of as many); the people tasks
/// (the persons grouped by surname, the groups packed into tasks of
/// about three times `max_articles` articles, each reading the articles
/// that name its persons for their records and role findings) are left
/// out when roles are not compared.
#[pyfunction]
#[pyo3(signature = (plan_json, edges, max_articles, config_json=None))]
fn spark_split_partition(
    py: Python<'_>,
    plan_json: &str,
    edges: Vec<(u32, u32, f64)>,
    max_articles: usize,
    config_json: Option<&str>,
) -> PyResult<Vec<(u32, Vec<String>, String)>> {
    let config = story_config(config_json)?;
    let plan: align::split::StoryPlan = serde_json::from_str(plan_json)
        .map_err(|e| InputError::new_err(format!("the story's plan is not readable: {e}")))?;
    let edges = edges
        .into_iter()
        .map(|(a, b, score)| align::split::Edge { a, b, score })
        .collect();
    let finish = py
        .detach(|| align::split::partition(&plan, edges, &config, max_articles))
        .map_err(split_error)?;
    finish
        .into_parts()
        .into_iter()
        .filter(|p| !p.is_people() || config.compare_roles)
        .enumerate()
        .map(|(i, p)| {
            let ids = p.articles().map(str::to_string).collect();
            let json = serde_json::to_string(&p).map_err(|e| {
                InputError::new_err(format!("cannot write a part of the finish: {e}"))
            })?;
            Ok((i as u32, ids, json))
        })
        .collect()
}

/// Stage 3b (`align::split::finish_part`): one task of the finish from
/// the extraction JSON of the articles its part names. Returns the CSV
/// report (header included) of its findings but the attribution ones,
/// and those as JSON (`align::split::PartFinding`) for
/// `spark_split_merge`, which keeps one per misattributed utterance
/// over the whole story.
///
/// The extractions are read one at a time (one JSON string copied at a
/// time); a people task keeps of each only what people and roles read
/// (the article and its entities).
#[pyfunction]
#[pyo3(signature = (extractions, part_json, stats, config_json=None))]
fn spark_split_finish_part(
    py: Python<'_>,
    extractions: &Bound<'_, PyList>,
    part_json: &str,
    stats: &SparkStats,
    config_json: Option<&str>,
) -> PyResult<(String, Vec<String>)> {
    let config = story_config(config_json)?;
    let part: align::split::FinishPart = serde_json::from_str(part_json)
        .map_err(|e| InputError::new_err(format!("a part of the finish is not readable: {e}")))?;
    let mut docs = Vec::with_capacity(extractions.len());
    for item in extractions.iter() {
        let json: String = item.extract()?;
        let mut x = serde_json::from_str::<Extraction>(&json)
            .map_err(|e| InputError::new_err(format!("extraction JSON: {e}")))?;
        if part.is_people() {
            x = align::split::people_only(x);
        }
        docs.push(x);
    }
    let found = py
        .detach(|| align::split::finish_part(docs, &part, &config, &stats.0))
        .map_err(split_error)?;
    let (attributions, others): (Vec<_>, Vec<_>) = found
        .findings
        .into_iter()
        .partition(|f| f.finding.kind == align::FindingKind::Attribution);
    let mut alignment = Alignment::default();
    alignment.findings = others.into_iter().map(|f| f.finding).collect();
    let csv = story_csv(&[], &alignment)?;
    let attributions = attributions
        .iter()
        .map(|f| {
            serde_json::to_string(f)
                .map_err(|e| InputError::new_err(format!("cannot write a finding: {e}")))
        })
        .collect::<PyResult<Vec<String>>>()?;
    Ok((csv, attributions))
}

/// Stage 3c (`align::split::merge_findings`): the CSV report (header
/// included) of a split story's attribution findings
/// (`spark_split_finish_part`'s JSON, of all its tasks): one kept per
/// misattributed utterance, as comparing the story whole keeps.
#[pyfunction]
fn spark_split_merge(py: Python<'_>, found: Vec<String>) -> PyResult<String> {
    let found = found
        .iter()
        .map(|j| serde_json::from_str::<align::split::PartFinding>(j))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| InputError::new_err(format!("a finding is not readable: {e}")))?;
    let mut alignment = Alignment::default();
    alignment.findings = py.detach(|| align::split::merge_findings(found));
    story_csv(&[], &alignment)
}

/// The CSV report's columns, in order (`report::csv_report::COLUMNS`):
/// the one list `crosscheck.spark` names its result's columns from.
#[pyfunction]
fn csv_columns() -> Vec<&'static str> {
    report::csv_report::COLUMNS.to_vec()
}

/// The compiled part of the `crosscheck` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(csv_columns, m)?)?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_class::<NativeReport>()?;
    m.add_function(wrap_pyfunction!(spark_prepare, m)?)?;
    m.add_function(wrap_pyfunction!(spark_stories, m)?)?;
    m.add_function(wrap_pyfunction!(spark_compare_story, m)?)?;
    m.add_function(wrap_pyfunction!(spark_split_plan, m)?)?;
    m.add_function(wrap_pyfunction!(spark_split_summary, m)?)?;
    m.add_function(wrap_pyfunction!(spark_split_plan_from, m)?)?;
    m.add_function(wrap_pyfunction!(spark_split_edges, m)?)?;
    m.add_function(wrap_pyfunction!(spark_split_finish, m)?)?;
    m.add_function(wrap_pyfunction!(spark_split_partition, m)?)?;
    m.add_function(wrap_pyfunction!(spark_split_finish_part, m)?)?;
    m.add_function(wrap_pyfunction!(spark_split_merge, m)?)?;
    m.add_class::<SparkStats>()?;
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
