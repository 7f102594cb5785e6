//! Stable finding ids.
//!
//! A finding id is the first 16 hex digits (64 bits) of the SHA-256 of a
//! canonical text built from the finding's **content**:
//!
//! ```text
//! crosscheck-finding-v2 \x1f kind \x1e variant \x1e variant ...
//! variant = norm(display) \x1f mention \x1f mention ...
//! mention = article id \x1d norm(text) \x1d norm(speaker)
//! ```
//!
//! Mentions are sorted within a variant and variants are sorted, so the
//! order in which the engine lists them does not matter. Spans,
//! confidence, scores, the story id, the diff and the explanation are
//! **not** part of the id: it survives reordering, edits elsewhere in an
//! article that move byte offsets, retuned thresholds, and another story
//! grouping of unrelated articles. Texts are [normalised](normalise):
//! lower-cased runs of letters and digits joined by single spaces, so
//! punctuation, quotation-mark style and white space do not matter either.
//! A new article repeating the claim, or a changed value, gives a new id.
//!
//! ## Claim cluster ids
//!
//! Every finding names its claim cluster ([`Finding::cluster`]), so that
//! findings can be grouped by cluster without the graph: the wording and
//! the attribution of one quote, or the date and the figure of one
//! sentence of reported fact, share a cluster id. It is built like a
//! finding id, from content and not spans:
//!
//! ```text
//! crosscheck-cluster-v1 \x1f claim \x1f article id \x1f norm(leader text)    a cluster of claims
//! crosscheck-cluster-v1 \x1f person \x1f story id \x1f norm(person name)     one person's roles
//! ```
//!
//! where the leader is the cluster's central claim (the one every member
//! matched), so it is the same for the same input in any order.

use crate::model::Finding;
use sha2::{Digest, Sha256};

/// Version tag hashed in front of every id; bumped when the definition
/// changes (v1 was the pairwise finding of earlier versions).
pub const ID_VERSION: &str = "crosscheck-finding-v2";

/// Number of hex digits in an id.
pub const ID_LEN: usize = 16;

/// Version tag hashed in front of every claim cluster id.
pub const CLUSTER_ID_VERSION: &str = "crosscheck-cluster-v1";

/// Lower-cases `s` and keeps only its runs of letters and digits, joined by
/// single spaces: `“We prefer  Diplomacy,”` → `we prefer diplomacy`.
///
/// ```
/// assert_eq!(crosscheck_align::id::normalise("“We prefer\n Diplomacy,” …"), "we prefer diplomacy");
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

/// The stable id of a finding: 16 lower-case hex digits. See the
/// [module documentation](self) for what goes in.
pub fn finding_id(f: &Finding) -> String {
    let mut variants: Vec<String> = f
        .variants
        .iter()
        .map(|v| {
            let mut mentions: Vec<String> = v
                .mentions
                .iter()
                .map(|m| {
                    format!(
                        "{}\u{1d}{}\u{1d}{}",
                        m.article,
                        normalise(&m.text),
                        normalise(m.speaker.as_deref().unwrap_or(""))
                    )
                })
                .collect();
            mentions.sort();
            mentions.dedup();
            let mut s = normalise(&v.display);
            for m in mentions {
                s.push('\u{1f}');
                s.push_str(&m);
            }
            s
        })
        .collect();
    variants.sort();
    let mut h = Sha256::new();
    h.update(ID_VERSION.as_bytes());
    h.update([0x1f]);
    h.update(f.kind.as_str().as_bytes());
    for v in &variants {
        h.update([0x1e]);
        h.update(v.as_bytes());
    }
    hex(&h.finalize())
}

/// The id of a claim cluster (16 lower-case hex digits): `what` is
/// `claim` or `person`, `key` the leader's article id or the person's
/// story, `text` the leader's text or the person's name. See the
/// [module documentation](self).
pub(crate) fn cluster_id(what: &str, key: &str, text: &str) -> String {
    let mut h = Sha256::new();
    for (i, part) in [CLUSTER_ID_VERSION, what, key, &normalise(text)]
        .iter()
        .enumerate()
    {
        if i > 0 {
            h.update([0x1f]);
        }
        h.update(part.as_bytes());
    }
    hex(&h.finalize())
}

fn hex(digest: &[u8]) -> String {
    let mut hex = String::with_capacity(ID_LEN);
    for b in digest.iter().take(ID_LEN / 2) {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}
