//! Claim graph and reports (see issue 4).
