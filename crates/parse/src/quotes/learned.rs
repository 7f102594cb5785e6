//! The learned cue model: reported speech the rules did not find.
//!
//! PolNeAR's attributions hang on a long tail of cues of stance, intention
//! and evidence (“seemed”, “wants”, “is expected”, “hints”, “statement”)
//! that word rules cover one by one. Here a small linear model, trained by
//! the project's own code on half of `polnear-train` (see docs/model.md),
//! scores each word of the class `learned_cue` (the cue words mined from
//! that half, `data/lexicon/learned_cue.tsv`) by its context; above the
//! model's threshold the word is taken as the cue of an indirect quote.
//!
//! - **Only where the rules found nothing**: a candidate inside a quote
//!   the rules found, or whose content would overlap one, is skipped, and
//!   so is a sentence holding a quote in marks or coming right after a
//!   quote that ends in “?” or “!” (its attribution).
//! - **Content by rule**: the words after the cue to the end of its
//!   sentence (a “that” right after the cue left out), or to a closing
//!   bracket or dash, or, for a cue in a clause opened by “who” or
//!   “which”, to its comma, or to the first comma after ten words (a long
//!   sentence goes on past its report); when fewer than [`MIN_AFTER`] words follow the
//!   cue (“…, the group claims.”), the clause before it up to its last
//!   comma. A content that overlaps a quote of the rules is dropped.
//! - **The rules' cue words too** (round 22): a word the rules read as a
//!   cue (“said”, “told”, “believe”) is a candidate where they found
//!   nothing, except where they refuse it on purpose: negated (“did not
//!   say”), before a question word or “if” (“said whether”), or before an
//!   object that is no statement (`learned_refuse`: “said it again”).
//! - **Speaker**: the cue's subject, found and resolved as the rules find
//!   and resolve the subject of a reporting verb (a name, a pronoun
//!   against the speakers of the rules' quotes before it, a role, or the
//!   subject phrase as written); none when there is no subject.
//!
//! The model (`data/model/cues.tsv`, compiled in) is a table of feature
//! weights; a feature is a template and a value (`w=wants`,
//! `nt=low`), its weight looked up by an FNV-1a hash of `template=value`
//! in ASCII lowercase. Features are made by one function,
//! [`for_each_feature`], for training ([`training_candidates`]) and
//! inference alike.

use super::{Ctx, Speaker};
use crate::analysis::Analysis;
use crate::lexicon::{Class, Classes};
use crate::model::{Attribution, Quote, QuoteKind, Span};
use crate::text::{Shape, TokKind, Token};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The committed model: a header of `#` lines, a `threshold` line, then
/// one `feature<TAB>weight` line per feature.
const MODEL: &str = include_str!("../../data/model/cues.tsv");

/// The fewest words after a cue for its content to be the words after
/// it; with fewer, the content is the clause before it.
pub const MIN_AFTER: usize = 3;

/// The most bytes between the end of a quote and the sentence after it
/// for the sentence to be the quote's attribution (a closing mark and a
/// space).
const QUOTE_GAP: usize = 5;

/// The parsed model: weights by feature hash, and the score a candidate
/// must pass.
struct Model {
    weights: FxHashMap<u64, f32>,
    threshold: f32,
}

impl Model {
    /// The score of token `i` of the sentence `toks`: the sum of the
    /// weights of its features.
    fn score(&self, text: &str, toks: &[Token], i: usize) -> f32 {
        // the hashes of the pieces met so far, by address: a word is in
        // several features
        let mut seen: [(usize, u64); 8] = [(0, 0); 8];
        let mut n_seen = 0;
        let mut hashes = [0u64; 2];
        let mut score = 0.0f32;
        for_each_feature(text, toks, i, &mut |tmpl, pieces| {
            for (slot, p) in hashes.iter_mut().zip(pieces) {
                let key = p.as_ptr() as usize ^ (p.len() << 48);
                *slot = match seen[..n_seen].iter().find(|(k, _)| *k == key) {
                    Some(&(_, h)) => h,
                    None => {
                        let h = word_hash(p);
                        if n_seen < seen.len() {
                            seen[n_seen] = (key, h);
                            n_seen += 1;
                        }
                        h
                    }
                };
            }
            debug_assert!(pieces.len() <= hashes.len());
            let h = feature_hash(tmpl, &hashes[..pieces.len().min(hashes.len())]);
            score += self.weights.get(&h).copied().unwrap_or(0.0);
        });
        score
    }
}

/// The model, parsed once.
fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| parse_model(MODEL).expect("data/model/cues.tsv parses"))
}

/// Parses a model file: `threshold<TAB>x` and `feature<TAB>weight` lines
/// after `#` comments. An error names the bad line.
fn parse_model(src: &str) -> Result<Model, String> {
    let mut weights = FxHashMap::default();
    let mut threshold = None;
    for (n, line) in src.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (key, value) = line
            .split_once('\t')
            .ok_or(format!("line {}: no tab", n + 1))?;
        let value: f32 = value
            .trim()
            .parse()
            .map_err(|e| format!("line {}: {e}", n + 1))?;
        if key == "threshold" {
            threshold = Some(value);
        } else {
            let (tmpl, rest) = key
                .split_once('=')
                .ok_or(format!("line {}: no `=` in the feature", n + 1))?;
            let pieces: Vec<u64> = if rest.is_empty() {
                Vec::new()
            } else {
                rest.split('|').map(word_hash).collect()
            };
            weights.insert(feature_hash(tmpl, &pieces), value);
        }
    }
    Ok(Model {
        weights,
        threshold: threshold.ok_or("no threshold line")?,
    })
}

/// FNV-1a of `word` in ASCII lowercase: the hash of one piece of a
/// feature.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The hash of a feature: its template's and its pieces' hashes mixed in
/// order (so a word's hash, made once, serves every feature holding it).
fn feature_hash(tmpl: &str, pieces: &[u64]) -> u64 {
    pieces.iter().fold(word_hash(tmpl), |h, &p| {
        (h.rotate_left(5) ^ p).wrapping_mul(0x517c_c1b7_2722_0a95)
    })
}

/// A coarse tag of a token for the features of its neighbours.
fn tag(text: &str, t: &Token) -> &'static str {
    match t.kind {
        TokKind::Number => "num",
        TokKind::Punct => match t.text(text) {
            "," => "comma",
            "." | "!" | "?" => "stop",
            ":" | ";" => "colon",
            "—" | "–" | "-" => "dash",
            "(" | ")" => "paren",
            s if s.chars().all(super::is_quote_char) => "mark",
            _ => "punct",
        },
        TokKind::Word => {
            if t.classes.has(Class::FirstPerson) {
                "first"
            } else if t.classes.has(Class::PersonPronoun) || t.classes.has(Class::SubjectPronoun) {
                "pron"
            } else if t.classes.has(Class::Determiner) || t.classes.has(Class::Article) {
                "det"
            } else if t.classes.has(Class::Modal) {
                "modal"
            } else if t.classes.has(Class::FiniteAuxiliary) || t.classes.has(Class::Auxiliary) {
                "aux"
            } else if t.classes.has(Class::Negation) {
                "neg"
            } else if t.classes.has(Class::RelativeWord) {
                "rel"
            } else if t.shape.has(Shape::POSSESSIVE) {
                "poss"
            } else if t.shape.has(Shape::CAPITALISED) {
                "cap"
            } else {
                "low"
            }
        }
    }
}

/// Classes of the cue word itself that the rules read as cues: each one
/// the word has is a feature.
const CUE_CLASSES: &[Class] = &[
    Class::ReportingVerb,
    Class::ThatVerb,
    Class::SpeechNoun,
    Class::InfinitiveReport,
    Class::EvidenceVerb,
    Class::EvidenceNoun,
    Class::QuestionVerb,
    Class::ObjectReport,
    Class::PastVerb,
];

/// Calls `f(template, pieces)` for every feature of token `i` of the
/// sentence `toks` (its pieces are joined by `|`, the whole lowercased):
/// the word, its neighbours and their tags, the word before its verb
/// group, its place in the sentence, its lexicon classes.
pub fn for_each_feature(text: &str, toks: &[Token], i: usize, f: &mut dyn FnMut(&str, &[&str])) {
    // (punctuation by its tag: no `|` or `=` inside a piece)
    let word = |k: usize| match toks.get(k) {
        Some(t) if t.kind == TokKind::Punct => tag(text, t),
        Some(t) => t.text(text),
        None => "$",
    };
    let w = word(i);
    let p1 = if i > 0 { word(i - 1) } else { "^" };
    let n1 = word(i + 1);
    let tg = |k: Option<usize>| k.and_then(|k| toks.get(k)).map_or("none", |t| tag(text, t));
    let pt = tg(i.checked_sub(1));
    let nt = tg(Some(i + 1));
    f("b", &[]);
    f("w", &[w]);
    f("p1", &[p1]);
    f("n1", &[n1]);
    f("pw", &[p1, w]);
    f("wn", &[w, n1]);
    f("pt", &[pt]);
    f("nt", &[nt]);
    // the word before the verb group: skip auxiliaries, negations,
    // modals and -ly adverbs
    let mut k = i;
    let mut skipped = 0;
    while k > 0 && skipped < 4 {
        let t = &toks[k - 1];
        let s = tag(text, t);
        let ly = s == "low" && t.text(text).len() > 4 && t.text(text).ends_with("ly");
        if matches!(s, "aux" | "neg" | "modal") || ly {
            k -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    let sb = tg(k.checked_sub(1));
    f("sb", &[sb]);
    let pos = match i {
        0 => "0",
        1..=2 => "1",
        3..=7 => "3",
        _ => "8",
    };
    f("pos", &[pos]);
    let after = toks[i + 1..]
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .take(6)
        .count();
    let after = match after {
        0 => "0",
        1..=2 => "1",
        3..=5 => "3",
        _ => "6",
    };
    f("after", &[after]);
    f(
        "ws",
        &[if toks[i].shape.has(Shape::CAPITALISED) {
            "cap"
        } else {
            "low"
        }],
    );
    for c in CUE_CLASSES {
        if toks[i].classes.has(*c) {
            f("c", &[c.name()]);
        }
    }
}

/// The content a cue at token `i` of the sentence `toks` governs, by rule
/// (see the module doc; none after “that” and a verb, a relative
/// clause); `None` when nothing is left or it overlaps a span of `near`
/// (the quotes overlapping the sentence).
fn content(text: &str, toks: &[Token], i: usize, near: &[Span]) -> Option<Span> {
    let words_after = toks[i + 1..]
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .take(MIN_AFTER)
        .count();
    let last_word = |ts: &[Token]| ts.iter().rposition(|t| t.kind != TokKind::Punct);
    let span = if words_after >= MIN_AFTER {
        let mut first = i + 1;
        if toks[first].text(text).eq_ignore_ascii_case("that") {
            // (“that” and a verb: a relative clause, no content: “the
            // case that was promised”)
            if toks
                .get(first + 1)
                .is_some_and(|t| t.classes.intersects(RELATIVE_VERB))
            {
                return None;
            }
            first += 1;
        }
        // a cue inside an inserted clause (“The mayor (who wants to close
        // the bridge) met …”, “The mayor, who wants …, met …”) reports
        // only to the clause's end
        let inserted = toks[..i]
            .iter()
            .rev()
            .take(4)
            .any(|t| RELATIVE_PRONOUNS.contains(&t.text(text).to_ascii_lowercase().as_str()));
        // (and at a comma after [`CONTENT_COMMA_WORDS`] words: a long
        // sentence goes on past its report, “sought to ease worries about
        // the campaign, now …”)
        let mut words = 0;
        let stop = toks[first..]
            .iter()
            .position(|t| {
                let p = t.text(text);
                words += usize::from(t.kind == TokKind::Word);
                t.kind == TokKind::Punct
                    && (matches!(p, ")" | "—" | "–")
                        || p == "," && (inserted || words >= CONTENT_COMMA_WORDS))
            })
            .map_or(toks.len(), |k| first + k);
        let end = first + last_word(&toks[first..stop])?;
        Span::new(toks[first].span.start, toks[end].span.end)
    } else {
        let comma = toks[..i].iter().rposition(|t| t.text(text) == ",")?;
        let end = last_word(&toks[..comma])?;
        let first = toks[..comma]
            .iter()
            .position(|t| t.kind != TokKind::Punct)?;
        (first <= end).then(|| Span::new(toks[first].span.start, toks[end].span.end))?
    };
    let span = super::trim_span(text, span);
    (span.start < span.end && !near.iter().any(|t| t.overlaps(&span))).then_some(span)
}

/// The fewest words of a content after which a comma ends it (the words
/// after the cue in a long sentence).
const CONTENT_COMMA_WORDS: usize = 10;

/// Relative pronouns that open an inserted clause: a cue a few words after
/// one reports only to the clause's end.
const RELATIVE_PRONOUNS: &[&str] = &["who", "which", "whose"];

/// Classes of a verb right after “that” that make it a relative pronoun
/// (“the case that was promised”), not a conjunction opening content.
const RELATIVE_VERB: Classes =
    Classes::all(&[Class::FiniteAuxiliary, Class::PastVerb, Class::Modal]);

/// The quotes the rules found, as the candidates of an article see them.
struct Taken {
    /// Their spans, sorted, each with whether it is in quotation marks
    /// (any kind but indirect).
    spans: Vec<(Span, bool)>,
    /// `reach[k]`: the largest end of `spans[..=k]`.
    reach: Vec<usize>,
    /// Where the marked quotes that end in “?” or “!” end: the sentence
    /// right after one is its attribution (“…!” Smith, the group's head,
    /// wrote on Friday).
    asked: Vec<usize>,
}

impl Taken {
    fn new(quotes: &[Quote]) -> Self {
        let mut spans: Vec<(Span, bool)> = quotes
            .iter()
            .map(|q| (q.span, q.kind != QuoteKind::Indirect))
            .collect();
        spans.sort_unstable_by_key(|(s, _)| (s.start, s.end));
        let reach = super::running_max(spans.iter().map(|(s, _)| s.end));
        let asked = quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect && q.text.trim_end().ends_with(['?', '!']))
            .map(|q| q.span.end)
            .collect();
        Taken {
            spans,
            reach,
            asked,
        }
    }

    /// Puts in `near` the spans overlapping the sentence `toks`; false
    /// when the sentence takes no learned quote: it holds a quote in marks
    /// (the rules' to attribute), or it follows right after a quote of
    /// `asked` (within [`QUOTE_GAP`]).
    fn near(&self, toks: &[Token], near: &mut Vec<Span>) -> bool {
        near.clear();
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return false;
        };
        let (a, b) = (first.span.start, last.span.end);
        if self
            .asked
            .iter()
            .any(|&end| end <= a && a - end <= QUOTE_GAP)
        {
            return false;
        }
        let hi = self.spans.partition_point(|(s, _)| s.start < b);
        let mut k = hi;
        while k > 0 && self.reach[k - 1] > a {
            k -= 1;
            let (s, marked) = self.spans[k];
            if s.end > a {
                if marked {
                    return false;
                }
                near.push(s);
            }
        }
        true
    }
}

/// Calls `f(toks, i, content)` for every candidate of the article: a word
/// of sentence `toks` that `is_cue` accepts, outside the quotes of
/// `taken`, with a content ([`content`]). When `f` returns true (a quote
/// was made), the content is taken for the rest of the sentence.
fn each_candidate<'t>(
    text: &str,
    sentences: impl Iterator<Item = &'t [Token]>,
    taken: &mut Option<Taken>,
    make_taken: impl Fn() -> Taken,
    is_cue: impl Fn(&Token) -> bool,
    mut f: impl FnMut(&'t [Token], usize, Span) -> bool,
) {
    // the quotes overlapping the sentence, made on its first candidate
    let mut near: Vec<Span> = Vec::new();
    for toks in sentences {
        let mut open: Option<bool> = None;
        for (i, t) in toks.iter().enumerate() {
            if !is_cue(t) {
                continue;
            }
            let open = *open
                .get_or_insert_with(|| taken.get_or_insert_with(&make_taken).near(toks, &mut near));
            if !open {
                break;
            }
            if near.iter().any(|s| s.overlaps(&t.span)) || refused(text, toks, i) {
                continue;
            }
            let Some(content) = content(text, toks, i, &near) else {
                continue;
            };
            if f(toks, i, content) {
                near.push(content);
            }
        }
    }
}

/// Whether the candidate cue `toks[i]` is refused. Any cue right before
/// a comma with its content after it (“…, he said, wiping his face”). A
/// word the rules read as a cue (a class of their triggers,
/// `indirect::TRIGGERS`) where the rules report nothing on purpose:
/// negated (“did not say that …”, a negation in the two words before it);
/// after a determiner, article or possessive (a noun: “a call for
/// tenders”), a form of “be” (a passive: “was asked to”), the first person
/// (“I hope …”), “to” (“has to show that”) or a condition in the six words
/// before it (“If the records show that …”); or before a question word,
/// “if”/“whether”/“when”/…, an article other than “the”, a preposition
/// other than to/for/about/of/against (“announced on Tuesday”), or an
/// object that is no statement (`learned_refuse`: “said it again”, “said
/// nothing about”).
fn refused(text: &str, toks: &[Token], i: usize) -> bool {
    // (any cue: a comma right after it ends its clause, and the words after
    // it, when they are its content by `content`, are none of its: “…, he
    // said, wiping his face”, “In a statement, the governor blasted …”)
    if toks.get(i + 1).is_some_and(|n| n.text(text) == ",")
        && toks[i + 1..]
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .take(MIN_AFTER)
            .count()
            >= MIN_AFTER
    {
        return true;
    }
    if !toks[i].classes.intersects(super::indirect::TRIGGERS) {
        return false;
    }
    // (lowercased on the stack: the words tested are short)
    let mut b1 = [0u8; 16];
    let mut b2 = [0u8; 16];
    // a noun or an adjective after a determiner (“a call for tenders”,
    // “his proposed levy”), a passive (“was asked to”), the first person
    // (“I hope the ferry …”: the writer's own stance)
    let before = i.checked_sub(1).map(|p| &toks[p]);
    let refused_before = before.is_some_and(|p| {
        p.classes.has(Class::Determiner)
            || p.classes.has(Class::Article)
            || p.shape.has(Shape::POSSESSIVE)
            || p.classes.has(Class::FirstPerson)
            || matches!(
                lower(p.text(text), &mut b1),
                "is" | "was" | "are" | "were" | "be" | "been" | "being"
            )
    });
    // an infinitive (“has to show that”) or a condition (“If the records
    // show that …”)
    let infinitive = before.is_some_and(|p| p.text(text).eq_ignore_ascii_case("to"));
    let condition = toks[..i]
        .iter()
        .rev()
        .take(CONDITION_WORDS)
        .any(|p| p.classes.has(Class::Condition));
    refused_before
        || infinitive
        || condition
        || toks[i.saturating_sub(2)..i]
            .iter()
            .any(|p| p.classes.has(Class::Negation))
        // a question (“said whether”), an object that is no statement
        // (“said it again”, “said a few words”), an adverbial or a
        // preposition's object (“announced on Tuesday”, “called on
        // Sunday to discuss”; not an infinitive's “to” nor what is asked
        // for, talked about, warned of or argued against): the rules' own
        // readings, or none
        || toks.get(i + 1).is_some_and(|n| {
            let w = lower(n.text(text), &mut b2);
            n.classes.has(Class::QuestionWord)
                || n.classes.has(Class::LearnedRefuse)
                || n.classes.has(Class::Article) && w != "the"
                || !matches!(w, "to" | "for" | "about" | "of" | "against")
                    && super::subject::is_preposition(w)
                || matches!(w, "whether" | "if" | "when" | "where" | "who" | "which")
        })
}

/// `word` in ASCII lowercase, in `buf`; empty when longer than `buf` (no
/// word [`refused`] tests is).
fn lower<'b>(word: &str, buf: &'b mut [u8; 16]) -> &'b str {
    let Some(b) = buf.get_mut(..word.len()) else {
        return "";
    };
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).unwrap_or("")
}

/// The most words before a rules' cue word within which a condition
/// (“if”, “unless”) makes it no report (“If the records show that …”).
const CONDITION_WORDS: usize = 6;

/// Classes of words that are no cue's head, only part of its verb group
/// or a link to its content (“has”, “also”, “about”).
const NOT_A_HEAD: Classes = Classes::all(&[
    Class::Auxiliary,
    Class::FiniteAuxiliary,
    Class::SubjectAdverb,
    Class::SpeakerBarrier,
    Class::BareSubjectStop,
]);

/// Whether `word` may be a `learned_cue`: no auxiliary, adverb of the
/// verb group or preposition (`NOT_A_HEAD`). A word the rules read as a
/// cue may be one (round 22): it is a candidate only where the rules
/// found nothing and do not refuse it on purpose (`refused`).
pub fn eligible(word: &str) -> bool {
    let c = crate::lexicon::classes(word);
    !c.intersects(NOT_A_HEAD)
}

/// One candidate cue, for training: the cue token, the content it would
/// report, and its features as written in the model file.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The cue word.
    pub cue: Span,
    /// The content it would report ([`MIN_AFTER`] and the module doc).
    pub content: Span,
    /// Its features, `template=value` in lowercase.
    pub features: Vec<String>,
}

/// The candidates of an article for training: every word `is_cue`
/// accepts outside the quotes the rules find (rules only, no model), with
/// a content (see the module doc), its features written out.
pub fn training_candidates(text: &str, is_cue: &dyn Fn(&str) -> bool) -> Vec<Candidate> {
    let a = Analysis::new(text);
    let entities = crate::entities::extract_from(&a);
    let rules = super::extract_inner(&a, &entities, false);
    let gate = |t: &Token| t.kind == TokKind::Word && is_cue(&t.text(text).to_ascii_lowercase());
    let mut out = Vec::new();
    each_candidate(
        text,
        a.tokens_by_sentence(),
        &mut None,
        || Taken::new(&rules),
        gate,
        |toks, i, content| {
            let mut features = Vec::new();
            for_each_feature(text, toks, i, &mut |tmpl, pieces| {
                features.push(format!("{tmpl}={}", pieces.join("|")).to_ascii_lowercase());
            });
            out.push(Candidate {
                cue: toks[i].span,
                content,
                features,
            });
            false
        },
    );
    out
}

impl Ctx<'_> {
    /// Adds to `out` (the rules' quotes) the indirect quotes of the cues
    /// the model scores above its threshold, each where its content starts
    /// in text order (`continues` indices follow the move).
    pub(super) fn learned_pass(&self, out: &mut Vec<Quote>) {
        let text = self.text;
        let sentences = (0..self.sentences.len()).map(|si| self.sentence_toks(si));
        let mut found: Vec<Quote> = Vec::new();
        // the speakers of the rules' quotes, by where their speech is, for
        // the pronouns of the subjects below (those of a phrase or with no
        // entity and no name of their own left out); made on the first
        // quote of the model
        let rules: &[Quote] = out;
        let mut said: Option<Vec<(usize, Speaker)>> = None;
        let make_said = || -> Vec<(usize, Speaker)> {
            rules
                .iter()
                .filter_map(|q| {
                    let span = q.speaker_span?;
                    let keep = match q.attribution {
                        Attribution::Phrase | Attribution::None => false,
                        Attribution::Verb => true,
                        _ => q.speaker_entity.is_some(),
                    };
                    keep.then_some((
                        q.span.start,
                        Speaker {
                            entity: q.speaker_entity,
                            name: span,
                            span,
                            how: q.attribution,
                        },
                    ))
                })
                .collect()
        };
        each_candidate(
            text,
            sentences,
            &mut None,
            || Taken::new(rules),
            |t| t.classes.has(Class::LearnedCue),
            |toks, i, content| {
                let model = model();
                let take = model.score(text, toks, i) > model.threshold;
                if !take {
                    return false;
                }
                // the speaker: the cue's subject, by the rules' subject
                // finder, resolved as theirs are
                let (subject, phrase) = self.subject_or_phrase(toks, i);
                // a verb of evidence reports with a subject that names no
                // person (`object_report` value “phrase”: “the poll showed
                // a tight race”, not “the mayor showed the crowd a model”)
                let cue = toks[i].text(text);
                if !phrase && crate::lexicon::value(cue, Class::ObjectReport) == Some("phrase") {
                    return false;
                }
                {
                    let said = said.get_or_insert_with(make_said);
                    let before = said.partition_point(|(at, _)| *at < toks[i].span.start);
                    // in the passive the subject is not the one who speaks
                    // (“Apple is expected to unveil …”, “he was ordered to
                    // pay …”): the report is kept, with no speaker
                    let mut sp = if self.passive(toks, i).0 {
                        None
                    } else {
                        self.speaker_or_role_phrase(subject, &said[..before], false)
                    };
                    if let Some(s) = sp.as_mut().filter(|_| phrase) {
                        s.how = Attribution::Phrase;
                    }
                    found.push(self.quote(content, QuoteKind::Indirect, sp, Some(cue.to_string())));
                }
                true
            },
        );
        if found.is_empty() {
            return;
        }
        // merge in text order, renumbering `continues`
        found.sort_by_key(|q| q.span.start);
        let old = std::mem::take(out);
        let mut new_index = Vec::with_capacity(old.len());
        let mut found = found.into_iter().peekable();
        for q in old {
            while let Some(f) = found.next_if(|f| f.span.start < q.span.start) {
                out.push(f);
            }
            new_index.push(out.len());
            out.push(q);
        }
        out.extend(found);
        for q in out.iter_mut() {
            if let Some(c) = q.continues.as_mut() {
                *c = new_index[*c];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<Quote> {
        let s = crate::sentences::split(text);
        let e = crate::entities::extract(text, &s);
        crate::quotes::extract(text, &s, &e)
    }

    #[test]
    fn the_committed_model_parses_and_knows_its_vocabulary() {
        let m = parse_model(MODEL).unwrap();
        assert!(m.weights.len() > 100, "{} weights", m.weights.len());
        assert!(m.threshold.is_finite());
        // every word of the class is one the model may score
        let words = crate::lexicon::entries(Class::LearnedCue);
        assert!(!words.is_empty());
        for e in words {
            assert!(eligible(e.word), "{} is a rule's cue or no head", e.word);
        }
        assert!(crate::lexicon::classes("wants").has(Class::LearnedCue));
        // (the rules' cue words too, since round 22; never an auxiliary)
        assert!(eligible("said") && !eligible("has") && eligible("wants"));
        assert!(parse_model("w=x\t1\n").is_err(), "no threshold line");
        assert!(parse_model("threshold\tx\n").is_err());
    }

    #[test]
    fn cues_of_intention_and_expectation_report_with_their_subject() {
        for (text, content, speaker) in [
            (
                "The mayor wants to close the old bridge before the winter storms arrive.",
                "to close the old bridge before the winter storms arrive",
                "The mayor",
            ),
            (
                "The senator promised to announce her run for governor next week.",
                "to announce her run for governor next week",
                "The senator",
            ),
            (
                "Port officials appeared to rule out a second round of talks with the union.",
                "to rule out a second round of talks with the union",
                "Port officials",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].text, content);
            assert_eq!(q[0].kind, QuoteKind::Indirect);
            assert_eq!(q[0].speaker.as_deref(), Some(speaker), "{text}");
        }
        // in the passive the subject does not speak: the report has no
        // speaker (“Apple is expected to …”: others expect it)
        let q = quotes("The senator is expected to announce her run for governor next week.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, None);
        // no cue word, no quote
        assert!(
            quotes("The council posted the new timetable on its website on Monday.").is_empty()
        );
    }

    #[test]
    fn a_cue_in_an_inserted_clause_reports_to_the_clause_end() {
        for (text, want) in [
            (
                "The mayor, who wants to close the bridge, met the council on Monday.",
                "to close the bridge",
            ),
            (
                "The mayor (who wants to close the bridge) met the council on Monday.",
                "to close the bridge",
            ),
            (
                "The mayor wants to close the bridge, the council said on Monday.",
                "to close the bridge, the council said on Monday",
            ),
        ] {
            let a = Analysis::new(text);
            let toks = a.sentence_tokens(0);
            let i = toks.iter().position(|t| t.text(text) == "wants").unwrap();
            let span = content(text, toks, i, &[]).unwrap();
            assert_eq!(span.slice(text), want, "{text}");
        }
    }

    #[test]
    fn a_sentence_with_quotation_marks_is_left_to_the_rules() {
        let q = quotes("The mayor wants to close the bridge, calling it “a hazard” for the town.");
        assert!(q.iter().all(|q| q.kind != QuoteKind::Indirect), "{q:?}");
    }

    #[test]
    fn features_hash_as_the_model_file_writes_them() {
        let text = "The mayor wants to close it.";
        let a = Analysis::new(text);
        let toks = a.sentence_tokens(0);
        let mut written = Vec::new();
        for_each_feature(text, toks, 2, &mut |tmpl, pieces| {
            written.push(format!("{tmpl}={}", pieces.join("|")).to_ascii_lowercase());
        });
        assert!(written.contains(&"w=wants".to_string()));
        assert!(written.contains(&"pw=mayor|wants".to_string()));
        let mut hashed = Vec::new();
        for_each_feature(text, toks, 2, &mut |tmpl, pieces| {
            let p: Vec<u64> = pieces.iter().map(|p| word_hash(p)).collect();
            hashed.push(feature_hash(tmpl, &p));
        });
        // (as `parse_model` reads a line of the file)
        let src: String = written.iter().map(|f| format!("{f}\t1\n")).collect();
        let m = parse_model(&format!("threshold\t0\n{src}")).unwrap();
        let again: Vec<u64> = hashed
            .iter()
            .filter(|h| m.weights.contains_key(h))
            .copied()
            .collect();
        assert_eq!(hashed, again);
    }
}
