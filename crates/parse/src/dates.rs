//! Date and time expressions, normalised against the article's date.
use crate::model::{DateMention, Sentence};
use chrono::NaiveDate;

/// Finds date expressions in `text` and resolves relative ones against
/// `reference` (the article's publication date).
pub fn extract(
    _text: &str,
    _sentences: &[Sentence],
    _reference: Option<NaiveDate>,
) -> Vec<DateMention> {
    Vec::new()
}
