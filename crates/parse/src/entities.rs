//! People, organisations and places, with roles and in-document aliases.
use crate::model::{Entity, Sentence};

/// Finds entities in `text`.
pub fn extract(_text: &str, _sentences: &[Sentence]) -> Vec<Entity> {
    Vec::new()
}
