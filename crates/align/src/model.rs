//! What alignment produces: findings (agreements and discrepancies between
//! two articles), claims found in one article only, and people merged across
//! articles.
//!
//! Every finding cites both sides with the article id and a byte span into
//! that article's text.

use crosscheck_parse::Span;
use serde::{Deserialize, Serialize};

/// What sort of claim a side of a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A quotation (direct, partial or indirect).
    Quote,
    /// A sentence of reported fact.
    Sentence,
    /// A date expression.
    Date,
    /// A quantity.
    Quantity,
    /// A person, with a role.
    Person,
    /// A place.
    Place,
}

/// A reference to one claim in one article.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ClaimRef {
    /// The article's id.
    pub article: String,
    /// What sort of claim.
    pub kind: ClaimKind,
    /// Index of the claim in its article's extraction (into `quotes`,
    /// `sentences`, `dates`, `quantities` or `entities`, by `kind`).
    pub index: usize,
    /// Byte span into the article's text.
    pub span: Span,
}

/// One side of a finding: where it is and what it says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The claim this side rests on.
    pub claim: ClaimRef,
    /// The text at `claim.span`.
    pub text: String,
    /// The speaker, when the claim is a quote (canonical person name,
    /// merged across articles).
    pub speaker: Option<String>,
    /// The compared value in readable form, when the finding is about a
    /// value: an ISO date or interval, a quantity interval, a role, a place.
    pub value: Option<String>,
    /// Span of the value inside the article (the date, number, role or place
    /// mention), when it differs from `claim.span`.
    pub value_span: Option<Span>,
}

/// The kind of a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The two sides say the same thing.
    Agreement,
    /// Same speaker and context, the quoted words differ.
    QuoteWording,
    /// Same or near-same quote, different speaker (or attributed on one side
    /// only).
    Attribution,
    /// Same person, different title or role.
    SpeakerRole,
    /// Same event or claim, the dates differ.
    Date,
    /// Same claim, the quantities' intervals do not overlap.
    Quantity,
    /// Same event, different location.
    Place,
}

impl FindingKind {
    /// All kinds, in their canonical order.
    pub const ALL: [FindingKind; 7] = [
        FindingKind::Agreement,
        FindingKind::QuoteWording,
        FindingKind::Attribution,
        FindingKind::SpeakerRole,
        FindingKind::Date,
        FindingKind::Quantity,
        FindingKind::Place,
    ];

    /// True for every kind except [`FindingKind::Agreement`].
    pub fn is_discrepancy(self) -> bool {
        self != FindingKind::Agreement
    }

    /// The snake_case name used in reports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Agreement => "agreement",
            FindingKind::QuoteWording => "quote_wording",
            FindingKind::Attribution => "attribution",
            FindingKind::SpeakerRole => "speaker_role",
            FindingKind::Date => "date",
            FindingKind::Quantity => "quantity",
            FindingKind::Place => "place",
        }
    }
}

/// A word-level change between two quotes or claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditOp {
    /// Words on side A replaced by other words on side B.
    Substitution,
    /// Words present on side B only, inside the matched region.
    Insertion,
    /// Words present on side A only, inside the matched region.
    Omission,
    /// One side stops (or starts) early: the other continues.
    Truncation,
    /// An ellipsis (“…”, “...”) on one side stands for words on the other.
    Ellipsis,
    /// The same words in another order.
    Reordering,
}

/// One word-level edit, with the affected text and spans on both sides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenEdit {
    /// What changed.
    pub op: EditOp,
    /// The words on side A (empty for an insertion).
    pub a_text: String,
    /// Their span in article A, when there are any.
    pub a_span: Option<Span>,
    /// The words on side B (empty for an omission).
    pub b_text: String,
    /// Their span in article B, when there are any.
    pub b_span: Option<Span>,
}

/// The scores behind a finding, exposed so users can tune thresholds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// IDF-weighted token similarity of the two claims, in [0, 1].
    pub token: f64,
    /// Character-level similarity (normalised Levenshtein or Jaro-Winkler),
    /// in [0, 1].
    pub chars: f64,
    /// Share of the shorter claim's tokens found in the longer, in [0, 1].
    pub containment: f64,
}

/// An agreement or a discrepancy between two articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Agreement or the discrepancy kind.
    pub kind: FindingKind,
    /// How sure the engine is, in [0, 1].
    pub confidence: f64,
    /// Side A: always the article whose id sorts first.
    pub a: Evidence,
    /// Side B.
    pub b: Evidence,
    /// Word-level differences (quote wording findings; may be empty).
    pub diff: Vec<TokenEdit>,
    /// The similarity scores that matched the two claims.
    pub scores: Scores,
    /// One sentence a person can read: what differs and how.
    pub explanation: String,
}

/// A claim found in one article and matched in no other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UniqueClaim {
    /// The claim.
    pub claim: ClaimRef,
    /// Its text.
    pub text: String,
    /// Its speaker, for quotes.
    pub speaker: Option<String>,
}

/// A person merged across articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Canonical name (the longest full name seen).
    pub name: String,
    /// Every name it goes by across articles, sorted.
    pub aliases: Vec<String>,
    /// `(article id, entity index)` for each article that mentions it.
    pub mentions: Vec<(String, usize)>,
    /// Roles seen, as `(article id, role text)`, sorted.
    pub roles: Vec<(String, String)>,
}

/// The result of comparing a set of articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Every agreement and discrepancy, in a deterministic order (by article
    /// pair, then spans, then kind).
    pub findings: Vec<Finding>,
    /// Claims found in one article only.
    pub unique: Vec<UniqueClaim>,
    /// People merged across articles.
    pub people: Vec<Person>,
}

impl Alignment {
    /// The agreements.
    pub fn agreements(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.kind.is_discrepancy())
    }

    /// The discrepancies.
    pub fn discrepancies(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.kind.is_discrepancy())
    }

    /// The claims found in one article only.
    pub fn unique_claims(&self) -> impl Iterator<Item = &UniqueClaim> {
        self.unique.iter()
    }
}
