//! Word lists shared by the extractors.
