//! Numbers and amounts, with qualifiers, as intervals.
use crate::model::{Quantity, Sentence};

/// Finds quantities in `text`.
pub fn extract(_text: &str, _sentences: &[Sentence]) -> Vec<Quantity> {
    Vec::new()
}
