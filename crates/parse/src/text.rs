//! Small text helpers shared by the extractors.
