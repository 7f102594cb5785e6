//! # crosscheck
//!
//! Cross-source claim comparison. This crate is the command-line tool and a
//! thin facade over the workspace libraries:
//!
//! - [`parse`]: reading articles and extracting quotes and facts.
#![warn(missing_docs)]

pub use crosscheck_parse as parse;
