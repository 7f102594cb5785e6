//! # crosscheck-align
//!
//! Matches quotes and facts across articles and classifies each match as an
//! agreement or a discrepancy of a named kind.
#![warn(missing_docs)]

pub mod model;

pub use model::*;
