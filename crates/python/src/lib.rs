//! The native part of the `crosscheck` Python package: thin functions over
//! the Rust library that take plain Python values and return JSON text,
//! which `python/crosscheck/__init__.py` turns into dicts. Rust work runs
//! with the GIL released.

use crosscheck::parse::{self, Article, NaiveDate};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

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

/// The compiled part of the `crosscheck` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
