//! Stable finding ids.
//!
//! A finding id is the first 16 hex digits (64 bits) of the SHA-256 of a
//! canonical text built from the finding's **content**:
//!
//! ```text
//! crosscheck-finding-v1 \x1f kind \x1f side \x1e side
//! side = article id \x1f normalised text \x1f normalised value \x1f normalised speaker
//! ```
//!
//! The two sides are put in sorted order first, so swapping A and B does not
//! change the id. Spans, confidence, scores, the diff and the explanation are
//! **not** part of it: the id survives reordering of findings, edits
//! elsewhere in the article that move byte offsets, and retuned thresholds.
//! Texts are [normalised](normalise): lower-cased, split into runs of letters
//! and digits, joined by single spaces, so punctuation, quotation-mark style
//! and white space do not matter either.

use crosscheck_align::{Evidence, Finding};
use sha2::{Digest, Sha256};

/// Version tag hashed in front of every id; bump it when the definition
/// changes.
pub const ID_VERSION: &str = "crosscheck-finding-v1";

/// Number of hex digits in an id.
pub const ID_LEN: usize = 16;

/// Lower-cases `s` and keeps only its runs of letters and digits, joined by
/// single spaces: `“We prefer  Diplomacy,”` → `we prefer diplomacy`.
///
/// ```
/// assert_eq!(crosscheck_report::id::normalise("“We prefer\n Diplomacy,” …"), "we prefer diplomacy");
/// ```
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

fn side(e: &Evidence) -> String {
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}",
        e.claim.article,
        normalise(&e.text),
        normalise(e.value.as_deref().unwrap_or("")),
        normalise(e.speaker.as_deref().unwrap_or(""))
    )
}

/// The stable id of a finding: 16 lower-case hex digits. See the
/// [module documentation](self) for what goes in.
pub fn finding_id(f: &Finding) -> String {
    let mut sides = [side(&f.a), side(&f.b)];
    sides.sort();
    let mut h = Sha256::new();
    h.update(ID_VERSION.as_bytes());
    h.update([0x1f]);
    h.update(f.kind.as_str().as_bytes());
    h.update([0x1f]);
    h.update(sides[0].as_bytes());
    h.update([0x1e]);
    h.update(sides[1].as_bytes());
    let digest = h.finalize();
    let mut hex = String::with_capacity(ID_LEN);
    for b in digest.iter().take(ID_LEN / 2) {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}
