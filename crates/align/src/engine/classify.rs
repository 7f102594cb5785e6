//! What a claim cluster (or a person's roles) means: findings with their
//! variants, severity and confidence.
//!
//! **Quotes.** Speakers: two named, different people are an
//! [`Attribution`](FindingKind::Attribution) finding; a person in some
//! articles and no one (or an institution) in others is
//! [`Unattributed`](FindingKind::Unattributed), reported only with
//! [`Config::report_unattributed`]. Words: direct and partial quotes are
//! grouped into wordings (fragments, spelling variants and an added or
//! dropped article of one wording are one); two wordings are a [`QuoteWording`](FindingKind::QuoteWording)
//! finding, graded by the word diff: one changed, added or dropped word in
//! an otherwise identical quote is a misquote (`high` when both quotes are
//! direct and clearly the same), a few words `medium`, a statement
//! rendered in other words throughout (a translation) `low`. Reported
//! speech is a paraphrase: its words are not compared.
//!
//! **Sentences.** The facts of the cluster's claims (dates, figures,
//! places) are aligned into slots: a fact joins a slot when it can be
//! compared with the slot's first fact (same sort of date, compatible
//! units) and the value plays the same part in both sentences: the words
//! around the two share a stem, or each is the one value of its sort in
//! its sentence and, for a date or a place, the word before it is the
//! same ("on", "in"; a figure's unit says what it counts). Only the facts of claims that clearly
//! match the leader take part: on all their words and on their words
//! outside people's names ([`Config::value_threshold`]). A slot with two values that differ is a
//! [`Date`](FindingKind::Date), [`Quantity`](FindingKind::Quantity) or
//! [`Place`](FindingKind::Place) finding. A claim that says one count of
//! the leader in other words (`claims::anchored_figures`, matched by
//! [`Config::paraphrase_threshold`]) is compared on that count alone, at
//! most `medium` (`paraphrase_findings`).
//!
//! **Agreement** needs two independent outlets and every fact of every
//! claim compared and consistent (for quotes: the same named speaker and
//! one wording on every side); otherwise the cluster is [`Matched`](FindingKind::Matched).
//!
//! **Severity.** `high` only when both contradicting values were extracted
//! with high confidence ([`Config::high_confidence`]), the claims match
//! strongly ([`Config::high_match`]) and the values cannot both be true:
//! disjoint dates or figures, a quote with one word changed, a quote given
//! to two named people by reporting verbs. Place and role discrepancies
//! are at most `medium`; overlapping figures and renderings `low`.

use super::claims::{claim_cosine, frame_cosine, Fact, FactValue, Unit};
use super::matching::{relation, score_pair, Rel};
use super::StoryCx;
use crate::config::Config;
use crate::diff::{diff, Side};
use crate::facts::{
    compare_dates, compare_places, compare_quantities, date_specificity, fmt_date, fmt_quantity,
    units_compatible, Cmp,
};
use crate::model::*;
use crate::people::{compare_roles, roles_by_person, RoleRel};
use crosscheck_parse::{QuoteKind, Span};
use std::collections::BTreeMap;

/// Most wordings of one quote cluster compared pairwise.
const MAX_WORDINGS: usize = 32;

/// Most named mentions of one quote cluster checked pairwise for an
/// attribution finding.
const MAX_ATTRIBUTION_MEMBERS: usize = 64;

/// One claim of a cluster: local index and its score against the leader.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Member {
    pub local: u32,
    pub score: f64,
    /// How alike the claim and the leader are apart from the values to
    /// compare ([`claims::frame_cosine`](super::claims::frame_cosine) for
    /// sentences, at least `score`): the gate on comparing their facts.
    pub value: f64,
}

impl StoryCx<'_> {
    fn unit(&self, local: u32) -> &Unit {
        &self.p.units[self.units[local as usize] as usize]
    }

    fn root(&self, local: u32) -> usize {
        let d = self.unit(local).doc;
        self.copy_root.get(&d).copied().unwrap_or(d)
    }

    /// The mention of a claim, carrying a value at `value_span`.
    fn mention(
        &self,
        m: Member,
        value_span: Option<Span>,
        speaker: Option<String>,
        confidence: f64,
    ) -> Mention {
        let u = self.unit(m.local);
        let x = self.p.docs[u.doc];
        let root = self.root(m.local);
        Mention {
            article: x.article.id.clone(),
            source: x.article.source.clone(),
            claim: match u.kind {
                super::claims::UnitKind::Quote => ClaimKind::Quote,
                super::claims::UnitKind::Sentence => ClaimKind::Sentence,
            },
            index: u.index,
            span: u.span,
            text: u.span.slice(&x.article.text).to_string(),
            value_span,
            speaker,
            confidence: confidence.clamp(0.0, 1.0),
            score: m.score.clamp(0.0, 1.0),
            copy_of: (root != u.doc).then(|| self.p.docs[root].article.id.clone()),
        }
    }

    /// The speaker's display name: the merged person, else the name the
    /// article gives.
    fn speaker_name(&self, local: u32) -> Option<String> {
        match self.speakers[local as usize] {
            Some(p) => Some(self.people.persons[p as usize].name.clone()),
            None => self.unit(local).speaker_text.as_deref().map(str::to_string),
        }
    }

    /// The article texts of two claims.
    fn texts(&self, a: u32, b: u32) -> (&str, &str) {
        (
            &self.p.docs[self.unit(a).doc].article.text,
            &self.p.docs[self.unit(b).doc].article.text,
        )
    }

    fn outlets(&self, mentions: &[Member]) -> usize {
        let mut roots: Vec<usize> = mentions.iter().map(|m| self.root(m.local)).collect();
        roots.sort_unstable();
        roots.dedup();
        roots.len()
    }
}

/// True when two values are carried by two articles that disagree: one
/// gives the first, another the second, and not both of them give both.
/// Two articles that each give both values (a headline quote given to one
/// person and the body's to another; two people the extractor merged into
/// one) contradict themselves, not each other.
fn apart(a: &[usize], b: &[usize]) -> bool {
    a.iter().any(|x| {
        b.iter()
            .any(|y| x != y && !(b.contains(x) && a.contains(y)))
    })
}

/// True when the sentence of quote `m` also names person `p` outside the
/// quote ("McConnell delivered a message to Trump: ..."): which of the
/// two spoke rests on the extractor's reading of one sentence, too weak
/// to accuse an outlet of misattribution to `p`'s rival.
fn names_beside(cx: &StoryCx, m: Member, p: u32) -> bool {
    let u = cx.unit(m.local);
    let x = cx.p.docs[u.doc];
    let Some(sentence) = x
        .quotes
        .get(u.index)
        .and_then(|q| x.sentences.get(q.sentence))
    else {
        return false;
    };
    let (s, q) = (sentence.span, u.span);
    cx.people.persons[p as usize]
        .entities
        .iter()
        .filter(|&&(d, _)| d == u.doc)
        .filter_map(|&(_, e)| x.entities.get(e))
        .flat_map(|e| e.mentions.iter())
        .any(|n| n.start >= s.start && n.end <= s.end && (n.end <= q.start || n.start >= q.end))
}

/// The sorted, distinct docs of some members.
fn docs_of(cx: &StoryCx, members: impl IntoIterator<Item = Member>) -> Vec<usize> {
    let mut v: Vec<usize> = members.into_iter().map(|m| cx.unit(m.local).doc).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// A variant under construction: its value, display and members (with
/// the value span and confidence of each).
struct Draft {
    value: Value,
    display: String,
    members: Vec<(Member, Option<Span>, f64)>,
    diff: Vec<TokenEdit>,
}

/// The variants of drafts. With `sort`, the variant most outlets give
/// comes first (ties by first mention); without, the drafts' order stays
/// (their diffs are relative to the first).
fn finish(cx: &StoryCx, drafts: Vec<Draft>, with_speakers: bool, sort: bool) -> Vec<Variant> {
    let mut vs: Vec<Variant> = drafts
        .into_iter()
        .map(|d| {
            let members: Vec<Member> = d.members.iter().map(|x| x.0).collect();
            let outlets = cx.outlets(&members);
            let mut mentions: Vec<Mention> = d
                .members
                .iter()
                .map(|&(m, span, conf)| {
                    let speaker = if with_speakers {
                        cx.speaker_name(m.local)
                    } else {
                        None
                    };
                    cx.mention(m, span, speaker, conf)
                })
                .collect();
            mentions.sort_by(|a, b| (&a.article, a.span).cmp(&(&b.article, b.span)));
            mentions.dedup_by(|a, b| a.article == b.article && a.span == b.span);
            Variant {
                value: d.value,
                display: d.display,
                mentions,
                outlets,
                diff: d.diff,
            }
        })
        .collect();
    // the variant most outlets give first; ties by first mention
    let key = |v: &Variant| {
        v.mentions
            .first()
            .map(|m| (m.article.clone(), m.span))
            .unwrap_or_default()
    };
    if sort {
        vs.sort_by(|a, b| b.outlets.cmp(&a.outlets).then_with(|| key(a).cmp(&key(b))));
    }
    vs
}

/// The strength and extraction confidence of the best mention of a
/// variant: the one with the highest `score × confidence`.
fn best(d: &Draft) -> (f64, f64) {
    d.members
        .iter()
        .map(|(m, _, c)| (m.score, *c))
        .max_by(|a, b| (a.0 * a.1).total_cmp(&(b.0 * b.1)))
        .unwrap_or((0.0, 0.0))
}

fn finding(
    cx: &StoryCx,
    kind: FindingKind,
    severity: Severity,
    confidence: f64,
    subject: ClaimKind,
    variants: Vec<Variant>,
    explanation: String,
) -> Finding {
    let mut f = Finding {
        id: String::new(),
        kind,
        severity,
        confidence: if confidence.is_finite() {
            confidence.clamp(0.0, 1.0)
        } else {
            0.0
        },
        story: cx.id.clone(),
        // set by the caller, which knows the cluster (engine::compare_story)
        cluster: String::new(),
        subject,
        variants,
        explanation,
    };
    f.id = crate::id::finding_id(&f);
    f
}

fn count_words(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

// ------------------------------------------------------------------ quotes

/// How two wordings of one quote differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Wording {
    /// The same words, or a fragment, or spelling only.
    Same,
    /// Rendered in other words throughout.
    Rendering,
    /// A few words differ.
    Words,
    /// One word changed, added or dropped in an otherwise identical quote.
    Misquote,
}

/// True for a substitution of one long word by a near-identical one
/// (spelling: "organisation" / "organization", a typo).
fn spelling(e: &TokenEdit) -> bool {
    if e.op != EditOp::Substitution {
        return false;
    }
    let (a, b) = (crate::text::fold(&e.a_text), crate::text::fold(&e.b_text));
    count_words(&a) == 1
        && count_words(&b) == 1
        && a.chars().count() >= 5
        && b.chars().count() >= 5
        && !a.chars().any(|c| c.is_ascii_digit())
        && strsim::jaro_winkler(&a, &b) >= 0.92
}

/// True for an edit of articles only ("into Promises" / "into the
/// Promises"): house style, not the speaker's meaning.
fn articles_only(e: &TokenEdit) -> bool {
    let only = |s: &str| {
        crate::text::fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| matches!(w, "a" | "an" | "the"))
    };
    only(&e.a_text) && only(&e.b_text)
}

/// Most words a full quote may lack at its end for the lack to be a
/// dropped word rather than a shorter excerpt (see [`dropped_last_words`]).
const MAX_DROPPED_LAST_WORDS: usize = 2;

/// Turns into an [`EditOp::Omission`] a [`EditOp::Truncation`] at the end
/// of two full direct quotes that is a word or two with no punctuation
/// before it (“we are not out of the woods [yet],” / “we are not out of
/// the woods,”): both outlets quote the statement to the same point, and
/// one dropped its last word, which can turn its meaning. A cut after a
/// sentence or clause break (“… the woods. [We will see.]”), a longer
/// cut, a cut at the start (“[And] we are …”: an editor's trim) and any
/// cut of a partial quote (a fragment the writer chose) stay excerpts.
fn dropped_last_words(cx: &StoryCx, a: u32, b: u32, edits: &mut [TokenEdit]) {
    let (ua, ub) = (cx.unit(a), cx.unit(b));
    let direct = |u: &Unit| u.quote_kind == Some(QuoteKind::Direct);
    if !direct(ua) || !direct(ub) {
        return;
    }
    for e in edits.iter_mut().filter(|e| e.op == EditOp::Truncation) {
        let (u, words, span) = if e.b_text.is_empty() {
            (ua, &e.a_text, e.a_span)
        } else if e.a_text.is_empty() {
            (ub, &e.b_text, e.b_span)
        } else {
            continue;
        };
        let (Some(span), Some(last)) = (span, u.toks.last()) else {
            continue;
        };
        let n = count_words(words);
        if n == 0 || n > MAX_DROPPED_LAST_WORDS || span.end < last.span().end {
            continue;
        }
        // the text between the quote's word before the cut and the cut
        let Some(before) = u.toks.iter().rev().find(|t| t.span().end <= span.start) else {
            continue;
        };
        let text = &cx.p.docs[u.doc].article.text;
        let gap = text.get(before.span().end..span.start).unwrap_or(".");
        if gap.chars().any(|c| ".!?;:,\u{2014}\u{2013}-()".contains(c)) {
            continue;
        }
        e.op = EditOp::Omission;
    }
}

fn quote_diff(cx: &StoryCx, a: u32, b: u32) -> Vec<TokenEdit> {
    let (ua, ub) = (cx.unit(a), cx.unit(b));
    let (xa, xb) = (cx.p.docs[ua.doc], cx.p.docs[ub.doc]);
    let wa: Vec<u32> = ua.toks.iter().map(|t| t.word).collect();
    let sa: Vec<Span> = ua.toks.iter().map(|t| t.span()).collect();
    let wb: Vec<u32> = ub.toks.iter().map(|t| t.word).collect();
    let sb: Vec<Span> = ub.toks.iter().map(|t| t.span()).collect();
    let mut edits = diff(
        &Side {
            article: &xa.article.id,
            words: &wa,
            spans: &sa,
            text: &xa.article.text,
        },
        &Side {
            article: &xb.article.id,
            words: &wb,
            spans: &sb,
            text: &xb.article.text,
        },
        cx.p.ellipsis,
    );
    dropped_last_words(cx, a, b, &mut edits);
    edits
}

/// Content stems (not names, roles, reporting verbs or stop words) of the
/// words around a quote in its sentence, up to six on each side.
fn framing(cx: &StoryCx, local: u32) -> Vec<String> {
    let u = cx.unit(local);
    let x = cx.p.docs[u.doc];
    let Some(sentence) = x
        .quotes
        .get(u.index)
        .and_then(|q| x.sentences.get(q.sentence))
    else {
        return Vec::new();
    };
    let names: Vec<Span> = x
        .entities
        .iter()
        .filter(|e| e.kind == crosscheck_parse::EntityKind::Person)
        .flat_map(|e| {
            e.mentions
                .iter()
                .copied()
                .chain(e.roles.iter().map(|r| r.span))
        })
        .collect();
    let toks = crate::text::tokenize(&x.article.text, sentence.span);
    let st = crate::text::stemmer();
    let keep = |t: &&crate::text::RawTok| {
        !crate::text::is_stop(&t.word) && !names.iter().any(|n| n.overlaps(&t.span))
    };
    let before = toks
        .iter()
        .filter(|t| t.span.end <= u.span.start)
        .rev()
        .take(6);
    let after = toks.iter().filter(|t| t.span.start >= u.span.end).take(6);
    let mut v: Vec<String> = before
        .chain(after)
        .filter(keep)
        .map(|t| crate::text::stem(&st, &t.word))
        .filter(|s| !crate::data::is_reporting_stem(s))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// True when the words around two quotes share a content stem.
fn same_framing(cx: &StoryCx, a: u32, b: u32) -> bool {
    let (fa, fb) = (framing(cx, a), framing(cx, b));
    fa.iter().any(|s| fb.binary_search(s).is_ok())
}

/// True when two quotes of one article are in the same or adjacent
/// sentences.
fn side_by_side(cx: &StoryCx, a: u32, b: u32) -> bool {
    let sentence = |l: u32| {
        let u = cx.unit(l);
        cx.p.docs[u.doc].quotes.get(u.index).map(|q| q.sentence)
    };
    match (sentence(a), sentence(b)) {
        (Some(x), Some(y)) => x.abs_diff(y) <= 1,
        _ => false,
    }
}

/// True when one article quotes the speaker in both wordings, and its two
/// quotes have as much in common as one statement's wordings (or, side by
/// side, most of the shorter one's content words: a slogan and the
/// answer to it): the speaker
/// said it twice in other words (a debate line repeated, a slogan and its
/// answer), so the outlets that quote one of them do not contradict the
/// others. A longer quote with `one_word` changed is still a misquote:
/// the article that gives both contradicts itself, and the others.
fn said_twice(cx: &StoryCx, a: &[Member], b: &[Member], one_word: bool) -> bool {
    a.iter().any(|ma| {
        let ua = cx.unit(ma.local);
        b.iter().any(|mb| {
            let ub = cx.unit(mb.local);
            let shared = shared_content(ua, ub);
            let short = ua.content.len().min(ub.content.len());
            ua.doc == ub.doc
                && ua.span != ub.span
                && (shared >= cx.cfg.wording_min_shared && !one_word
                    || shared < cx.cfg.wording_min_shared
                        && 2 * shared > short
                        && side_by_side(cx, ma.local, mb.local))
        })
    })
}

/// True when two quotes given to different people say enough in common
/// to be more than a common phrase: each has
/// [`Config::attribution_min_words`] content words, or, for a short quote,
/// the two whole utterances it is part of (see `Unit::utterance`) share
/// that many (a shared opening “We will win,” followed by two different
/// sentences is not the same quote).
fn long_enough_together(a: &Unit, b: &Unit, cfg: &Config) -> bool {
    let min = cfg.attribution_min_words;
    if a.content.len() >= min && b.content.len() >= min {
        return true;
    }
    let (ua, ub) = (a.utterance(), b.utterance());
    ua.iter().filter(|s| ub.binary_search(s).is_ok()).count() >= min
}

/// Fewest words the sentence around a short quote must have outside the
/// quote and its speaker's name for [`same_report`] to vouch for it.
const MIN_FRAMING_WORDS: usize = 3;

/// Least token cosine of two renderings of reported speech (no quotation
/// marks on either side) given to two people for an attribution finding:
/// the same words, not the same news in other words.
const REPORTED_SAME_WORDS: f64 = 0.9;

/// Fewest content words a quote too short for [`long_enough_together`]
/// needs for [`same_report`] to be asked.
const MIN_FRAMED_QUOTE_WORDS: usize = 2;

/// The folded words of the sentence around quote `m`, without the quote
/// and without its speaker's name (`Sen. [Roe] called the plan "a
/// giveaway."` gives `sen called the plan`); a quote of several
/// sentences is read up to the one naming its speaker. `None` for a
/// quote with no speaker's name in the text, or a speaker no entity of
/// the article holds whose cue is capitalised: a word of a name, not a
/// verb (“LOS ANGELES (Prairie Post) –” gives the speaker “Prairie” and
/// the cue “Post”, and two outlets' datelines differ in that name only).
fn words_around(cx: &StoryCx, m: Member) -> Option<Vec<String>> {
    let u = cx.unit(m.local);
    let x = cx.p.docs[u.doc];
    let q = x.quotes.get(u.index)?;
    let speaker = q.speaker_span?;
    let cue_as_written = |c: &String| c.chars().next().is_some_and(char::is_lowercase);
    if q.speaker_entity.is_none() && !q.cue.as_ref().is_some_and(cue_as_written) {
        return None;
    }
    // the sentences from the quote's to the speaker's (a quote of two
    // sentences ends in the one that names its speaker)
    let (lo, hi) = (u.span.start.min(speaker.start), u.span.end.max(speaker.end));
    let mut covering = x
        .sentences
        .iter()
        .filter(|s| s.span.end > lo && s.span.start < hi);
    let first = covering.next()?.span;
    let last = covering.next_back().map_or(first, |s| s.span);
    if last.end < hi || first.start > lo {
        return None;
    }
    let sentence = Span::new(first.start, last.end);
    let text = &x.article.text;
    let mut cuts = [u.span, speaker];
    cuts.sort_by_key(|s| s.start);
    let mut words = Vec::new();
    let mut at = sentence.start;
    for c in cuts {
        if c.start > at {
            words.extend(folded_words(&text[at..c.start.min(sentence.end)]));
        }
        at = at.max(c.end);
    }
    if at < sentence.end {
        words.extend(folded_words(&text[at..sentence.end]));
    }
    Some(words)
}

/// True when two quotes too short to stand alone as one statement sit in
/// sentences that say the same words around them, all but the speaker's
/// name (`Sen. Roe called the plan "a giveaway."` / `Sen. Poe called the
/// plan "a giveaway."`): the same report, told of two people. Two people
/// who both used a common phrase are not written up in one sentence word
/// for word.
fn same_report(cx: &StoryCx, a: Member, b: Member) -> bool {
    if cx.unit(a.local).content.len() < MIN_FRAMED_QUOTE_WORDS
        || cx.unit(b.local).content.len() < MIN_FRAMED_QUOTE_WORDS
    {
        return false;
    }
    match (words_around(cx, a), words_around(cx, b)) {
        (Some(fa), Some(fb)) => fa.len() >= MIN_FRAMING_WORDS && fa == fb,
        _ => false,
    }
}

/// Content stems two units have in common.
fn shared_content(a: &Unit, b: &Unit) -> usize {
    a.content
        .iter()
        .filter(|s| b.content.binary_search(s).is_ok())
        .count()
}

/// The folded words of `text`.
fn folded_words(text: &str) -> Vec<String> {
    crate::text::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// True for an added or dropped phrase that repeats the words right
/// before or after it on its own side ("if she gets to pick, if she gets
/// to pick her judges" / "if she gets to pick her judges"): a speaker's
/// stutter one outlet kept and another cleaned up, not a change of
/// meaning.
fn repetition(e: &TokenEdit, text_a: &str, text_b: &str) -> bool {
    let (words, span, text) = match e.op {
        EditOp::Omission => (&e.a_text, e.a_span, text_a),
        EditOp::Insertion => (&e.b_text, e.b_span, text_b),
        _ => return false,
    };
    let Some(span) = span.filter(|s| s.fits(text)) else {
        return false;
    };
    let w = folded_words(words);
    if w.is_empty() {
        return false;
    }
    let before = folded_words(&text[..span.start]);
    let after = folded_words(&text[span.end..]);
    before.ends_with(&w) || after.starts_with(&w)
}

/// Grades the diff between two wordings.
/// `shared` counts the content stems both quotes hold: a one-word change
/// is a misquote only in a quote with at least three content words in
/// common ("the fewer split tickets, the better" / "the fewer guns, the
/// better" is two phrases of one pattern).
/// `texts` are the two quotes' article texts (for repeated phrases).
fn grade(
    d: &[TokenEdit],
    len_a: usize,
    len_b: usize,
    shared: usize,
    texts: (&str, &str),
) -> Wording {
    let edits: Vec<&TokenEdit> = d
        .iter()
        .filter(|e| {
            !matches!(e.op, EditOp::Truncation | EditOp::Ellipsis)
                && !spelling(e)
                && !articles_only(e)
                && !repetition(e, texts.0, texts.1)
        })
        .collect();
    if edits.is_empty() {
        return Wording::Same;
    }
    let truncated = |side_a: bool| -> usize {
        d.iter()
            .filter(|e| e.op == EditOp::Truncation)
            .map(|e| count_words(if side_a { &e.a_text } else { &e.b_text }))
            .sum()
    };
    let region_a = len_a.saturating_sub(truncated(true));
    let region_b = len_b.saturating_sub(truncated(false));
    let changed_a: usize = edits.iter().map(|e| count_words(&e.a_text)).sum();
    let changed: usize = edits
        .iter()
        .map(|e| count_words(&e.a_text).max(count_words(&e.b_text)))
        .sum();
    let common = region_a.saturating_sub(changed_a);
    let ratio = common as f64 / region_a.min(region_b).max(1) as f64;
    if edits.len() == 1 && changed <= 2 && common >= 4 && ratio >= 0.75 && shared >= 3 {
        Wording::Misquote
    } else if ratio >= 0.6 && changed <= 6 {
        Wording::Words
    } else {
        Wording::Rendering
    }
}

pub(crate) fn quote_findings(cx: &StoryCx, members: &[Member]) -> Vec<Finding> {
    let cfg = cx.cfg;
    let mut out = Vec::new();
    let leader = cx.unit(members[0].local);
    // --- speakers
    let mut by_person: BTreeMap<u32, Vec<Member>> = BTreeMap::new();
    let mut nobody: Vec<Member> = Vec::new();
    for &m in members {
        match cx.speakers[m.local as usize] {
            Some(p) if cx.people.persons[p as usize].named => {
                by_person.entry(p).or_default().push(m)
            }
            Some(_) => {}
            None => nobody.push(m),
        }
    }
    let persons: Vec<u32> = by_person.keys().copied().collect();
    let speaker_draft = |p: Option<u32>, ms: &[Member]| -> Draft {
        Draft {
            value: Value::Speaker {
                person: p.map(|p| cx.people.persons[p as usize].name.clone()),
            },
            display: match p {
                Some(p) => cx.people.persons[p as usize].name.clone(),
                None => ms
                    .first()
                    .and_then(|m| cx.unit(m.local).speaker_text.clone())
                    .map(|s| format!("no named person ({s})"))
                    .unwrap_or_else(|| "no one".to_string()),
            },
            members: ms
                .iter()
                .map(|&m| {
                    let u = cx.unit(m.local);
                    let span = cx.p.docs[u.doc].quotes[u.index].speaker_span;
                    (m, span, u.speaker_confidence() * u.confidence())
                })
                .collect(),
            diff: Vec::new(),
        }
    };
    // Attribution: two quotes given to two named, different people, each
    // long enough to be more than a common phrase or told in the same
    // sentence (`same_report`), and matching each other at the
    // attribution threshold (not only through the leader).
    let named: Vec<(Member, u32)> = members
        .iter()
        .filter_map(|&m| match cx.speakers[m.local as usize] {
            Some(p) if cx.people.persons[p as usize].named => Some((m, p)),
            _ => None,
        })
        .filter(|(m, _)| {
            let u = cx.unit(m.local);
            // a speaker carried over from context, a pronoun or a role is
            // too weak to accuse an outlet of misattribution; a short quote
            // counts the words of its whole utterance (“A,” Roe said, “B.”;
            // “A,” Roe said. “B.”), checked pairwise below
            (u.utterance().len() >= cfg.attribution_min_words
                || u.content.len() >= MIN_FRAMED_QUOTE_WORDS)
                && u.speaker_confidence() >= cfg.attribution_min_speaker_confidence
        })
        .take(MAX_ATTRIBUTION_MEMBERS)
        .collect();
    let person_docs: BTreeMap<u32, Vec<usize>> = by_person
        .iter()
        .map(|(p, ms)| (*p, docs_of(cx, ms.iter().copied())))
        .collect();
    let mut pairs: Vec<(usize, usize, f64, bool)> = Vec::new();
    for i in 0..named.len() {
        for j in i + 1..named.len() {
            let ((mi, pi), (mj, pj)) = (named[i], named[j]);
            // two quotes of one article given to two people are two
            // statements (a headline about one, the other's reply), not
            // an outlet contradicting another
            if cx.unit(mi.local).doc == cx.unit(mj.local).doc
                || !cx.people.different(pi as usize, pj as usize)
                || !apart(&person_docs[&pi], &person_docs[&pj])
                || names_beside(cx, mi, pj)
                || names_beside(cx, mj, pi)
            {
                continue;
            }
            // a short quote counts only in the same sentence as the other
            let short = !long_enough_together(cx.unit(mi.local), cx.unit(mj.local), cfg);
            if short && !same_report(cx, mi, mj) {
                continue;
            }
            let (gi, gj) = (cx.units[mi.local as usize], cx.units[mj.local as usize]);
            let (sc, ok) = score_pair(cx.p, cfg, gi, gj, Rel::Different, false);
            // two sources may report the same news in their own words
            // (“Patrick reported that the club made an offer”, “according
            // to Silverman, the club made an offer”): reported speech on
            // both sides is given to two people only in the same words
            let both_reported = [mi, mj]
                .iter()
                .all(|m| cx.unit(m.local).quote_kind == Some(QuoteKind::Indirect));
            if ok && (!both_reported || sc.token >= REPORTED_SAME_WORDS) {
                pairs.push((i, j, sc.score, short));
            }
        }
    }
    let mut attribution_done = false;
    if !pairs.is_empty() {
        let mut involved: BTreeMap<u32, Vec<Member>> = BTreeMap::new();
        let mut top = (0.0f64, Severity::Medium);
        for &(i, j, score, short) in &pairs {
            for k in [i, j] {
                let (m, p) = named[k];
                let v = involved.entry(p).or_default();
                if !v.iter().any(|x| x.local == m.local) {
                    v.push(m);
                }
            }
            let sure = [named[i].0, named[j].0]
                .iter()
                .map(|m| {
                    let u = cx.unit(m.local);
                    u.speaker_confidence() * u.confidence()
                })
                .fold(1.0f64, f64::min);
            // a short quote's speakers are compared on the framing: medium
            let high = !short && score >= cfg.high_match.max(0.9) && sure >= cfg.high_confidence;
            let sev = if high {
                Severity::High
            } else {
                Severity::Medium
            };
            if (sev, score * sure) > (top.1, top.0) {
                top = (score * sure, sev);
            }
        }
        let drafts: Vec<Draft> = involved
            .iter()
            .map(|(p, ms)| speaker_draft(Some(*p), ms))
            .collect();
        let variants = finish(cx, drafts, true, true);
        let explanation = format!(
            "The same quote is given to different people: {}.",
            summary(&variants)
        );
        out.push(finding(
            cx,
            FindingKind::Attribution,
            top.1,
            top.0,
            ClaimKind::Quote,
            variants,
            explanation,
        ));
        attribution_done = true;
    } else if cfg.report_unattributed
        && persons.len() == 1
        && !nobody.is_empty()
        && leader.content.len() >= cfg.attribution_min_words
    {
        let p = persons[0];
        let drafts = vec![
            speaker_draft(Some(p), &by_person[&p]),
            speaker_draft(None, &nobody),
        ];
        let conf = best(&drafts[0]).0.min(best(&drafts[1]).0) * 0.6;
        let variants = finish(cx, drafts, true, true);
        let explanation = format!(
            "The quote is attributed in some outlets only: {}.",
            summary(&variants)
        );
        out.push(finding(
            cx,
            FindingKind::Unattributed,
            Severity::Low,
            conf,
            ClaimKind::Quote,
            variants,
            explanation,
        ));
    }
    // --- words (direct and partial quotes only)
    let mut exact: Vec<Member> = members
        .iter()
        .copied()
        .filter(|m| {
            matches!(
                cx.unit(m.local).quote_kind,
                Some(QuoteKind::Direct | QuoteKind::Partial)
            )
        })
        .collect();
    exact.sort_by_key(|m| (std::cmp::Reverse(cx.unit(m.local).toks.len()), m.local));
    // wordings: (representative, members); fragments and spelling
    // variants of a wording are that wording
    let mut wordings: Vec<(Member, Vec<Member>)> = Vec::new();
    for m in exact {
        let len_m = cx.unit(m.local).toks.len();
        let home = wordings.iter().position(|(r, _)| {
            let d = quote_diff(cx, r.local, m.local);
            let shared = shared_content(cx.unit(r.local), cx.unit(m.local));
            grade(
                &d,
                cx.unit(r.local).toks.len(),
                len_m,
                shared,
                cx.texts(r.local, m.local),
            ) == Wording::Same
        });
        match home {
            Some(i) => wordings[i].1.push(m),
            None => wordings.push((m, vec![m])),
        }
    }
    // the quotes' words were all compared and are one wording
    let one_wording = wordings.len() <= 1;
    let mut wording_differs = false;
    if wordings.len() >= 2 && !attribution_done {
        // the wordings most outlets (then articles) give first
        wordings.sort_by(|a, b| {
            (cx.outlets(&b.1), docs_of(cx, b.1.iter().copied()).len())
                .cmp(&(cx.outlets(&a.1), docs_of(cx, a.1.iter().copied()).len()))
                .then(a.0.local.cmp(&b.0.local))
        });
        wordings.truncate(MAX_WORDINGS);
        // Wordings are one statement when the two quotes match on their own
        // (members tied to the cluster by its leader alone may be other
        // statements of the speaker) and share enough words; one rendered
        // in other words throughout only when the articles frame it alike.
        // Each group of one statement's wordings is a finding.
        let n = wordings.len();
        let mut diffs: BTreeMap<(usize, usize), (Vec<TokenEdit>, Wording)> = BTreeMap::new();
        let mut group: Vec<usize> = (0..n).collect();
        for i in 0..n {
            if group[i] != i {
                continue;
            }
            for j in i + 1..n {
                if group[j] != j {
                    continue;
                }
                let (ri, rj) = (wordings[i].0, wordings[j].0);
                let d = quote_diff(cx, ri.local, rj.local);
                let shared = shared_content(cx.unit(ri.local), cx.unit(rj.local));
                let graded = |shared| {
                    grade(
                        &d,
                        cx.unit(ri.local).toks.len(),
                        cx.unit(rj.local).toks.len(),
                        shared,
                        cx.texts(ri.local, rj.local),
                    )
                };
                let grade = graded(shared);
                // one word changed in an otherwise identical short quote
                let one_word =
                    grade == Wording::Misquote || graded(usize::MAX) == Wording::Misquote;
                let rel = relation(
                    cx.unit(ri.local),
                    cx.speakers[ri.local as usize],
                    cx.unit(rj.local),
                    cx.speakers[rj.local as usize],
                );
                let (gi, gj) = (cx.units[ri.local as usize], cx.units[rj.local as usize]);
                let (sc, ok) = score_pair(cx.p, cfg, gi, gj, rel, true);
                // a short quote's one changed word weighs much in its
                // content words: its words as written tell it instead
                let overlap =
                    sc.token
                        .max(sc.containment)
                        .max(if one_word { sc.chars } else { 0.0 });
                let same_statement = ok
                    && overlap >= cfg.wording_min_overlap
                    && (shared >= cfg.wording_min_shared || one_word)
                    && !said_twice(cx, &wordings[i].1, &wordings[j].1, one_word)
                    && (grade != Wording::Rendering || same_framing(cx, ri.local, rj.local))
                    && apart(
                        &docs_of(cx, wordings[i].1.iter().copied()),
                        &docs_of(cx, wordings[j].1.iter().copied()),
                    );
                if same_statement {
                    group[j] = i;
                    diffs.insert((i, j), (d, grade));
                }
            }
        }
        for head in 0..n {
            let others: Vec<usize> = (head + 1..n).filter(|&j| group[j] == head).collect();
            if others.is_empty() {
                continue;
            }
            let worst = others
                .iter()
                .map(|&j| diffs[&(head, j)].1)
                .max()
                .unwrap_or(Wording::Same);
            if worst == Wording::Same {
                continue;
            }
            let mut drafts = Vec::new();
            for k in std::iter::once(head).chain(others.iter().copied()) {
                let (r, ms) = &wordings[k];
                let u = cx.unit(r.local);
                drafts.push(Draft {
                    value: Value::Quote {
                        words: super::claims::words_text(cx.p, u),
                    },
                    display: u.span.slice(&cx.p.docs[u.doc].article.text).to_string(),
                    members: ms
                        .iter()
                        .map(|&m| (m, None, cx.unit(m.local).confidence()))
                        .collect(),
                    diff: if k == head {
                        Vec::new()
                    } else {
                        diffs[&(head, k)].0.clone()
                    },
                });
            }
            wording_differs = true;
            out.push(wording_finding(cx, members, persons.len(), drafts, worst));
        }
    }
    // --- facts framing the quote: the date, figure or place of a sentence
    // too thin to be a claim of its own ("Roe said Monday that “…”",
    // `claims::build_units`), compared between quotes of the leader's
    // named speaker that match well and are long enough to be one
    // statement (`attribution_min_words`); at most medium, since a speaker
    // may say the same words on two days
    // (a framing fact one outlet gives and another does not leaves the
    // quote's own agreement as it was: the quote is the claim)
    let framed = members.iter().any(|m| !cx.unit(m.local).facts.is_empty());
    let mut consistent: Vec<&str> = Vec::new();
    if framed && !attribution_done {
        let speaker =
            cx.speakers[members[0].local as usize].filter(|&p| cx.people.persons[p as usize].named);
        let comparable: Vec<usize> = (0..members.len())
            .filter(|&i| {
                speaker.is_some()
                    && cx.speakers[members[i].local as usize] == speaker
                    && (i == 0 || members[i].score >= cfg.value_threshold)
                    // a short quote recurs (a slogan, a show's title
                    // taken for a quote): its framing dates another use
                    && cx.unit(members[i].local).utterance().len() >= cfg.attribution_min_words
            })
            .collect();
        let outcome = fact_findings(cx, members, comparable, ClaimKind::Quote, Severity::Medium);
        out.extend(outcome.findings);
        consistent = outcome.consistent;
    }
    if !out.is_empty() || wording_differs || !cfg.agreements {
        return out;
    }
    // --- agreement or matched
    if cx.outlets(members) < 2 {
        return out;
    }
    let same_person = persons.len() == 1
        && nobody.is_empty()
        && members
            .iter()
            .all(|m| cx.speakers[m.local as usize] == Some(persons[0]));
    // two wordings no finding was made of (not clearly one statement) are
    // no agreement either; nor is reported speech whose dates, figures and
    // places were not all found, consistent, on every side
    let kind = if same_person
        && one_wording
        && inner_facts_agree(cx, members)
        && same_bare_numbers(cx, members)
    {
        FindingKind::Agreement
    } else {
        FindingKind::Matched
    };
    out.push(claim_finding(
        cx,
        members,
        kind,
        ClaimKind::Quote,
        &consistent,
    ));
    out
}

/// True when the dates, figures and places inside the words of the
/// cluster's reported speech ([`Unit::inner`](super::claims::Unit::inner))
/// agree: every one of each claim has a consistent partner in every other
/// claim of another article. Reported speech is a paraphrase, so these are
/// compared as facts of its sentence, where a difference is a finding;
/// here a difference, or a value one side gives and another does not,
/// only keeps the cluster from being called an agreement ("said the
/// government would release 50 billion pesos" / "… 40 billion pesos").
fn inner_facts_agree(cx: &StoryCx, members: &[Member]) -> bool {
    let cfg = cx.cfg;
    let covered = |a: &Unit, b: &Unit| {
        a.inner.iter().all(|f| {
            b.inner
                .iter()
                .any(|g| compare_facts(f, g, cfg) == Cmp::Same)
        })
    };
    members.iter().enumerate().all(|(i, m)| {
        members[i + 1..].iter().all(|n| {
            let (a, b) = (cx.unit(m.local), cx.unit(n.local));
            a.doc == b.doc || (covered(a, b) && covered(b, a))
        })
    })
}

/// The quote wording finding of one statement's wordings (the first is
/// the reference of every diff).
fn wording_finding(
    cx: &StoryCx,
    members: &[Member],
    persons: usize,
    drafts: Vec<Draft>,
    worst: Wording,
) -> Finding {
    let cfg = cx.cfg;
    // the pair of wordings the grade rests on: the first and the strongest
    // other
    let (s0, c0) = best(&drafts[0]);
    let (sk, ck) = drafts[1..]
        .iter()
        .map(best)
        .max_by(|a, b| (a.0 * a.1).total_cmp(&(b.0 * b.1)))
        .unwrap_or((0.0, 0.0));
    let strength = s0.min(sk);
    let all_direct = c0.min(ck) >= cfg.high_confidence;
    let name = cx.speaker_name(members[0].local).filter(|_| persons <= 1);
    let who = name.clone().unwrap_or_else(|| "the speaker".to_string());
    let who_first = name.unwrap_or_else(|| "The speaker".to_string());
    let (severity, what) = match worst {
        Wording::Misquote if all_direct && strength >= cfg.high_match => (
            Severity::High,
            format!("One word differs in {who}'s otherwise identical quote"),
        ),
        Wording::Misquote => (
            Severity::Medium,
            format!("One word differs in {who}'s otherwise identical quote"),
        ),
        Wording::Words => (
            Severity::Medium,
            format!("{who_first}'s quote differs in a few words"),
        ),
        _ => (
            Severity::Low,
            format!("{who_first}'s statement in other words (a translation or paraphrase)"),
        ),
    };
    let conf = match worst {
        Wording::Misquote => strength,
        Wording::Words => strength * 0.8,
        _ => strength * 0.6,
    };
    let variants = finish(cx, drafts, true, false);
    let explanation = format!("{what}: {}.", edits_summary(&variants));
    finding(
        cx,
        FindingKind::QuoteWording,
        severity,
        conf,
        ClaimKind::Quote,
        variants,
        explanation,
    )
}

fn edits_summary(variants: &[Variant]) -> String {
    let mut parts = Vec::new();
    for v in variants.iter().skip(1) {
        let words: Vec<String> = v
            .diff
            .iter()
            .filter(|e| e.op != EditOp::Truncation)
            .take(3)
            .map(|e| {
                let a = if e.a_text.is_empty() {
                    "—"
                } else {
                    &e.a_text
                };
                let b = if e.b_text.is_empty() {
                    "—"
                } else {
                    &e.b_text
                };
                format!("“{}” → “{}”", clip(a, 40), clip(b, 40))
            })
            .collect();
        parts.push(format!(
            "{} outlet{} {}",
            v.outlets,
            if v.outlets == 1 { "" } else { "s" },
            if words.is_empty() {
                "the same words".to_string()
            } else {
                words.join(", ")
            }
        ));
    }
    parts.join("; ")
}

fn clip(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn summary(variants: &[Variant]) -> String {
    crate::model::variants_summary(variants, |d| clip(d, 80))
}

/// An agreement or matched finding: one variant with every claim.
fn claim_finding(
    cx: &StoryCx,
    members: &[Member],
    kind: FindingKind,
    subject: ClaimKind,
    compared: &[&str],
) -> Finding {
    let leader = cx.unit(members[0].local);
    let text = leader
        .span
        .slice(&cx.p.docs[leader.doc].article.text)
        .to_string();
    let drafts = vec![Draft {
        value: Value::Claim,
        display: clip(&text, 120),
        members: members
            .iter()
            .map(|&m| (m, None, cx.unit(m.local).confidence()))
            .collect(),
        diff: Vec::new(),
    }];
    let variants = finish(cx, drafts, subject == ClaimKind::Quote, false);
    let n = variants[0].outlets;
    let explanation = match kind {
        FindingKind::Agreement if compared.is_empty() => {
            format!("{n} outlets report the same claim, consistently.")
        }
        FindingKind::Agreement => format!(
            "{n} outlets report the same claim; consistent {}.",
            compared.join(", ")
        ),
        _ => format!(
            "{n} outlets report the same claim, but not everything in it could be compared."
        ),
    };
    let conf = members
        .iter()
        .skip(1)
        .map(|m| m.score)
        .fold(1.0f64, f64::min);
    finding(
        cx,
        kind,
        Severity::Info,
        conf,
        subject,
        variants,
        explanation,
    )
}

// --------------------------------------------------------------- sentences

#[derive(Clone, Copy, PartialEq, Eq)]
enum FactSort {
    Date,
    Quantity,
    Place,
}

fn sort_of(f: &Fact) -> FactSort {
    match f.value {
        FactValue::Date(_) => FactSort::Date,
        FactValue::Quantity(_) => FactSort::Quantity,
        FactValue::Place(_) => FactSort::Place,
    }
}

fn compare_facts(a: &Fact, b: &Fact, cfg: &Config) -> Cmp {
    match (&a.value, &b.value) {
        // "today" in two copies published a day apart is the same words:
        // only the resolution against each article's date differs
        (FactValue::Date(x), FactValue::Date(y))
            if x.start.is_some()
                && y.start.is_some()
                && crate::text::fold(&a.text) == crate::text::fold(&b.text)
                && !a.text.chars().any(|c| c.is_ascii_digit()) =>
        {
            Cmp::Same
        }
        (FactValue::Date(x), FactValue::Date(y)) => compare_dates(x, y, cfg.date_tolerance_days),
        (FactValue::Quantity(x), FactValue::Quantity(y)) => {
            if units_compatible(x, y) {
                compare_quantities(&x.fact, &y.fact)
            } else {
                Cmp::Incomparable
            }
        }
        (FactValue::Place(x), FactValue::Place(y)) => compare_places(x, y),
        _ => Cmp::Incomparable,
    }
}

/// True when `x` gives the value of `g`: the same value, or for a figure
/// the same number where one of the two leaves its unit to the context
/// ("needs 67 delegates to reach the 2,383 needed").
fn gives_value(g: &Fact, x: &Fact, cfg: &Config) -> bool {
    match (&g.value, &x.value) {
        (FactValue::Quantity(a), FactValue::Quantity(b))
            if a.unit_stem.is_none() || b.unit_stem.is_none() =>
        {
            std::mem::discriminant(&a.fact.kind) == std::mem::discriminant(&b.fact.kind)
                && compare_quantities(&a.fact, &b.fact) == Cmp::Same
        }
        _ => compare_facts(g, x, cfg) == Cmp::Same,
    }
}

/// True when two facts are as fine as each other: dates of one
/// granularity (two days, not a day and a week); every pair of other facts.
fn same_granularity(a: &Fact, b: &Fact) -> bool {
    match (&a.value, &b.value) {
        (FactValue::Date(x), FactValue::Date(y)) => x.granularity == y.granularity,
        _ => true,
    }
}

fn specificity(f: &Fact) -> usize {
    match &f.value {
        FactValue::Date(d) => date_specificity(d),
        _ => 0,
    }
}

/// A fact of a member: (member position in the cluster, fact index).
type FactRef = (usize, usize);

/// The facts of one sort of the `comparable` members, aligned into slots:
/// a fact joins the first slot whose first fact it can be compared with
/// (the same value first, then one playing the same part in its
/// sentence), else starts a slot. A member gives at most one fact per
/// slot.
fn slots(
    cx: &StoryCx,
    members: &[Member],
    comparable: &[usize],
    sort: FactSort,
) -> Vec<Vec<FactRef>> {
    let cfg = cx.cfg;
    let fact = |r: FactRef| &cx.unit(members[r.0].local).facts[r.1];
    let mut slots: Vec<Vec<FactRef>> = Vec::new();
    let sample: Vec<bool> = members
        .iter()
        .map(|m| sort == FactSort::Quantity && sample_sentence(cx, m.local))
        .collect();
    // how many facts of this sort member `i` has that `like` accepts
    let count = |i: usize, like: &dyn Fn(&Fact) -> bool| {
        cx.unit(members[i].local)
            .facts
            .iter()
            .filter(|x| sort_of(x) == sort && like(x))
            .count()
    };
    // how many facts of this sort member `i` has the same as `g`
    let times = |i: usize, g: &Fact| count(i, &|x| gives_value(g, x, cfg));
    // whether member `i` gives `g`, held by member `j`, elsewhere in its
    // sentence as often as `j` does: "fills 24 of its 24 seats" gives 24
    // twice where "fills 17 of its 24 seats" gives it once, so one of its
    // 24s is a changed figure, not the other's given again
    let gives = |i: usize, g: &Fact, j: usize| {
        let n = times(i, g);
        n > 0 && n >= times(j, g)
    };
    for &mi in comparable {
        let u = cx.unit(members[mi].local);
        let own: Vec<usize> = (0..u.facts.len())
            .filter(|&k| sort_of(&u.facts[k]) == sort)
            .collect();
        for &k in &own {
            let f = &u.facts[k];
            let fits = |slot: &Vec<FactRef>| -> Option<Cmp> {
                if slot.iter().any(|r| r.0 == mi) {
                    return None;
                }
                let r = slot[0];
                let g = fact(r);
                // the value plays the same part in both sentences: words
                // around it shared, or, for the one value of its sort in
                // each, the same word before it ("on 9 February" / "on 10
                // February", not "counted Tuesday" / "as of Wednesday")
                let near = f.context.iter().any(|s| g.context.binary_search(s).is_ok());
                let alone = own.len() == 1
                    && cx
                        .unit(members[r.0].local)
                        .facts
                        .iter()
                        .filter(|x| sort_of(x) == sort)
                        .count()
                        == 1;
                // a figure's unit already says what is counted
                let same_before =
                    sort == FactSort::Quantity || f.before.is_some() && f.before == g.before;
                if !(near || alone && same_before || same_place(f, g)) {
                    return None;
                }
                // two reports that each date the claim to their own day
                // ("announced today (14 May)" / "today (20 May)") were
                // written on different days: two updates, not one claim
                // dated two ways
                if sort == FactSort::Date
                    && report_day(cx, members[mi].local, f)
                    && report_day(cx, members[r.0].local, g)
                {
                    return None;
                }
                // a place as the topic, not the location, only between
                // near-identical claims
                let topic = !(f.locative && g.locative);
                if topic && members[mi].value.min(members[r.0].value) < cfg.high_match {
                    return None;
                }
                // a figure of one poll only between near-identical claims
                if sort == FactSort::Quantity
                    && (sample[mi] || sample[r.0])
                    && members[mi].value.min(members[r.0].value) < cfg.sample_figure_match
                {
                    return None;
                }
                match compare_facts(g, f, cfg) {
                    Cmp::Incomparable => None,
                    Cmp::Same => Some(Cmp::Same),
                    // a claim that also gives the other's value elsewhere
                    // ("needs 67 delegates to reach the 2,383 needed" /
                    // "needs 2,383 delegates") agrees with it on that
                    // value: its other value is another fact
                    _ if sort == FactSort::Quantity && (gives(mi, g, r.0) || gives(r.0, f, mi)) => {
                        None
                    }
                    c => Some(c),
                }
            };
            // the same value is the strongest evidence of the same slot,
            // then a value as precise as the slot's in the same part of
            // the sentence: "said on Tuesday" goes with "said on Monday",
            // not with the "this week" both sentences also give (Tuesday
            // lies in that week, so the two would seem to agree)
            let as_precise = |slot: &Vec<FactRef>| same_granularity(fact(slot[0]), f);
            let same_anywhere = |slot: &Vec<FactRef>| {
                !slot.iter().any(|r| r.0 == mi) && compare_facts(fact(slot[0]), f, cfg) == Cmp::Same
            };
            // the very place of the slot's value in its sentence (the same
            // words on both sides: "By Thursday, no network" / "By Friday,
            // no network") outweighs a value elsewhere in it that merely
            // holds this one ("conducted Dec. 1 – Dec. 5" holds Friday);
            // not the very same value, unless the other claim gives it
            // fewer times than this one ("in Ohio, Iowa and Utah" / "in
            // Utah, Iowa and Ohio": a list in another order; "Ohio farmers
            // sued an Ohio agency" / "Iowa farmers sued an Ohio agency":
            // one Ohio changed)
            let same_count = |i: usize| count(i, &|x| exactly_same(x, f, cfg));
            let in_place = |slot: &Vec<FactRef>| {
                same_place(f, fact(slot[0])) && same_count(slot[0].0) < same_count(mi)
            };
            let choice = slots
                .iter()
                .position(|s| as_precise(s) && fits(s) == Some(Cmp::Same))
                .or_else(|| {
                    slots
                        .iter()
                        .position(|s| as_precise(s) && in_place(s) && fits(s).is_some())
                })
                .or_else(|| slots.iter().position(|s| as_precise(s) && same_anywhere(s)))
                .or_else(|| {
                    slots
                        .iter()
                        .position(|s| as_precise(s) && fits(s).is_some())
                })
                .or_else(|| slots.iter().position(|s| fits(s) == Some(Cmp::Same)))
                .or_else(|| slots.iter().position(same_anywhere))
                .or_else(|| slots.iter().position(|s| fits(s).is_some()));
            match choice {
                Some(i) => slots[i].push((mi, k)),
                None => slots.push(vec![(mi, k)]),
            }
        }
    }
    slots
}

/// True when two facts give the very same value: [`compare_facts`] finds
/// them the same, and two dates also cover the same days (not a day and a
/// span of days that holds it).
fn exactly_same(a: &Fact, b: &Fact, cfg: &Config) -> bool {
    let same_days = match (&a.value, &b.value) {
        (FactValue::Date(x), FactValue::Date(y)) => x.start == y.start && x.end == y.end,
        _ => true,
    };
    same_days && compare_facts(a, b, cfg) == Cmp::Same
}

/// True when two facts stand between the same words: the same word right
/// before and the same right after (either may be the sentence's edge, not
/// both). In two matched sentences, that is one value's place written two
/// ways ("went from $80 million in 2019 to $95 million in 2021" / "… to
/// $125 million in 2021"), even where no content word is near.
fn same_place(f: &Fact, g: &Fact) -> bool {
    f.before == g.before && f.after == g.after && (f.before.is_some() || f.after.is_some())
}

/// True when the date `f` of a claim is the day the report was written:
/// the expression is "today" (or "this morning", `calendar.tsv` class
/// `today`), or follows it ("today (14 October)").
fn report_day(cx: &StoryCx, local: u32, f: &Fact) -> bool {
    let text = &cx.p.docs[cx.unit(local).doc].article.text;
    if crate::data::ends_with_report_day(&crate::data::words(&f.text)) {
        return true;
    }
    // the few words before the expression, brackets and commas dropped
    let Some(before) = text.get(..f.span.start) else {
        return false;
    };
    let from = before.char_indices().rev().nth(24).map_or(0, |(i, _)| i);
    let near = before[from..].trim_end_matches(|c: char| c.is_whitespace() || c == '(' || c == ',');
    crate::data::ends_with_report_day(&crate::data::words(near))
}

/// True when the claim's sentence gives a figure of one sample or poll
/// (`data/sample_figures.txt`: "margin of error", "plus or minus").
fn sample_sentence(cx: &StoryCx, local: u32) -> bool {
    let read = || {
        let u = cx.unit(local);
        let text = &cx.p.docs[u.doc].article.text;
        u.span.fits(text) && crate::data::has_sample_cue(&crate::data::words(u.span.slice(text)))
    };
    match cx.sample.get(local as usize) {
        Some(cell) => *cell.get_or_init(read),
        None => read(),
    }
}

/// The variants of a slot: finest value first, each fact in the first
/// variant it is the same as.
fn variants_of(cx: &StoryCx, members: &[Member], slot: &[FactRef]) -> Vec<Vec<FactRef>> {
    let fact = |r: FactRef| &cx.unit(members[r.0].local).facts[r.1];
    let mut order = slot.to_vec();
    order.sort_by_key(|&r| (std::cmp::Reverse(specificity(fact(r))), r));
    let mut vars: Vec<Vec<FactRef>> = Vec::new();
    for r in order {
        match vars
            .iter()
            .position(|v| compare_facts(fact(v[0]), fact(r), cx.cfg) == Cmp::Same)
        {
            Some(i) => vars[i].push(r),
            None => vars.push(vec![r]),
        }
    }
    vars
}

/// The draft of one variant of a fact slot: the value of its first fact,
/// with each fact's member, span and confidence.
fn fact_draft(cx: &StoryCx, members: &[Member], v: &[FactRef]) -> Draft {
    let fact = |r: FactRef| &cx.unit(members[r.0].local).facts[r.1];
    let f0 = fact(v[0]);
    let (value, display) = match &f0.value {
        FactValue::Date(d) => (
            Value::Date(DateFact { ends: None, ..*d }),
            fmt_date(d, &f0.text),
        ),
        FactValue::Quantity(q) => (Value::Quantity(q.fact.clone()), fmt_quantity(&q.fact)),
        FactValue::Place(p) => (Value::Place { name: p.clone() }, p.clone()),
    };
    Draft {
        value,
        display,
        members: v
            .iter()
            .map(|&r| (members[r.0], Some(fact(r).span), fact(r).confidence))
            .collect(),
        diff: Vec::new(),
    }
}

/// What comparing the facts of a cluster's members found.
struct FactOutcome {
    /// Date, quantity and place discrepancies.
    findings: Vec<Finding>,
    /// Some fact (or member) was left uncompared: no agreement.
    uncompared: bool,
    /// The sorts of fact compared and found consistent ("date", ...),
    /// sorted, each once.
    consistent: Vec<&'static str>,
}

/// Compares the facts (dates, figures, places) of the members
/// `comparable` (indices into `members`) of one cluster, slot by slot;
/// a discrepancy's severity is at most `max_severity`.
fn fact_findings(
    cx: &StoryCx,
    members: &[Member],
    comparable: Vec<usize>,
    claim: ClaimKind,
    max_severity: Severity,
) -> FactOutcome {
    let cfg = cx.cfg;
    let fact = |r: FactRef| &cx.unit(members[r.0].local).facts[r.1];
    // A claim that differs from the others in two sorts of fact at once
    // (another figure and another place) is more likely another fact of
    // the same sentence pattern ("12 died in Aville", "30 died in
    // Btown") than one fact reported differently: it is matched, not
    // compared.
    let mut disagree = vec![0usize; members.len()];
    for sort in [FactSort::Date, FactSort::Quantity, FactSort::Place] {
        let mut odd = vec![false; members.len()];
        for slot in slots(cx, members, &comparable, sort) {
            let vars = variants_of(cx, members, &slot);
            if vars.len() < 2 {
                continue;
            }
            let major = (0..vars.len())
                .max_by_key(|&i| {
                    let ms: Vec<Member> = vars[i].iter().map(|r| members[r.0]).collect();
                    (cx.outlets(&ms), std::cmp::Reverse(i))
                })
                .unwrap_or(0);
            for (i, v) in vars.iter().enumerate() {
                if i != major {
                    for r in v {
                        odd[r.0] = true;
                    }
                }
            }
        }
        for (d, o) in disagree.iter_mut().zip(odd) {
            *d += usize::from(o);
        }
    }
    let comparable: Vec<usize> = comparable
        .into_iter()
        .filter(|&i| disagree[i] < 2)
        .collect();
    let mut out = FactOutcome {
        findings: Vec::new(),
        uncompared: comparable.len() < members.len(),
        consistent: Vec::new(),
    };
    for sort in [FactSort::Date, FactSort::Quantity, FactSort::Place] {
        let slots = slots(cx, members, &comparable, sort);
        for slot in slots {
            // a copy with one fact changed is still a discrepancy: facts are
            // compared across articles, copies or not
            let mut docs: Vec<usize> = slot
                .iter()
                .map(|r| cx.unit(members[r.0].local).doc)
                .collect();
            docs.sort_unstable();
            docs.dedup();
            if docs.len() < 2 {
                out.uncompared = true;
                continue;
            }
            let vars = variants_of(cx, members, &slot);
            if vars.len() < 2 {
                out.consistent.push(match sort {
                    FactSort::Date => "date",
                    FactSort::Quantity => "figure",
                    FactSort::Place => "place",
                });
                continue;
            }
            let drafts: Vec<Draft> = vars.iter().map(|v| fact_draft(cx, members, v)).collect();
            // the worst pair of variants
            let mut worst = (Cmp::Incomparable, 0.0f64, Severity::Info);
            let var_docs: Vec<Vec<usize>> = vars
                .iter()
                .map(|v| docs_of(cx, v.iter().map(|r| members[r.0])))
                .collect();
            for i in 0..vars.len() {
                for j in i + 1..vars.len() {
                    if !apart(&var_docs[i], &var_docs[j]) {
                        continue;
                    }
                    let c = compare_facts(fact(vars[i][0]), fact(vars[j][0]), cfg);
                    let ((si, ci), (sj, cj)) = (best(&drafts[i]), best(&drafts[j]));
                    let strength = si.min(sj);
                    let sure = ci.min(cj);
                    let strong = strength >= cfg.high_match && sure >= cfg.high_confidence;
                    let sev = match (sort, c) {
                        (_, Cmp::Incomparable | Cmp::Same) => Severity::Info,
                        (FactSort::Place, _) if strong => Severity::Medium,
                        (FactSort::Place, _) => Severity::Low,
                        (_, Cmp::Differ) => Severity::Low,
                        (_, Cmp::Contradict) if strong => Severity::High,
                        (_, Cmp::Contradict) => Severity::Medium,
                    };
                    let conf = strength * sure;
                    if (sev, conf) > (worst.2, worst.1) {
                        worst = (c, conf, sev);
                    }
                }
            }
            if worst.2 == Severity::Info {
                out.uncompared = true;
                continue;
            }
            // Every outlet with a value of its own, four or more values:
            // more likely one sentence pattern about different facts
            // ("the margin of error is plus or minus …") than one fact
            // reported three ways.
            let scattered = vars.len() >= 4
                && vars.iter().all(|v| {
                    let ms: Vec<Member> = v.iter().map(|r| members[r.0]).collect();
                    cx.outlets(&ms) == 1
                });
            let of_sample = sort == FactSort::Quantity
                && slot.iter().any(|r| sample_sentence(cx, members[r.0].local));
            if scattered || of_sample {
                worst.2 = worst.2.min(Severity::Low);
            }
            let variants = finish(cx, drafts, false, true);
            let (kind, what) = match sort {
                FactSort::Date => (FindingKind::Date, "The outlets date the claim differently"),
                FactSort::Quantity if worst.0 == Cmp::Differ => (
                    FindingKind::Quantity,
                    "The outlets give different figures (their bounds overlap)",
                ),
                FactSort::Quantity => (
                    FindingKind::Quantity,
                    "The outlets give figures that cannot both be true",
                ),
                FactSort::Place => (
                    FindingKind::Place,
                    "The outlets place the claim differently",
                ),
            };
            let explanation = format!("{what}: {}.", summary(&variants));
            out.findings.push(finding(
                cx,
                kind,
                worst.2.min(max_severity),
                worst.1,
                claim,
                variants,
                explanation,
            ));
        }
    }
    out.consistent.sort_unstable();
    out.consistent.dedup();
    out
}

/// True when the sentences of a cluster quote the same words (folded), or
/// none. A sentence's claim is its words outside its quotation marks, but
/// it is shown whole: two sentences whose quotes differ ("a clear
/// message" / "a clear signal") are no agreement, whatever their framing
/// (the quotes' own cluster reports the wording).
fn same_quoted_words(cx: &StoryCx, members: &[Member]) -> bool {
    let quoted = |m: &Member| -> String {
        let u = cx.unit(m.local);
        let x = cx.p.docs[u.doc];
        x.quotes
            .iter()
            .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
            .filter(|q| u.span.contains(&q.span))
            .map(|q| crate::text::fold(q.span.slice(&x.article.text)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let first = quoted(&members[0]);
    members[1..].iter().all(|m| quoted(m) == first)
}

/// True when the claims of other articles hold the same numbers outside
/// their facts: the words with a digit that no date, figure or place
/// extracted covers (a score with no verb or noun that makes it a tally,
/// "beat Chelsea 5-2"; a flight number). Those were never compared, so two
/// sentences that differ in one are not in agreement, though no finding is
/// made of them. (A tally read as such, "voted 9-3", is a figure and is
/// compared.)
fn same_bare_numbers(cx: &StoryCx, members: &[Member]) -> bool {
    let numbers = |m: &Member| -> Vec<&str> {
        let u = cx.unit(m.local);
        let text = cx.p.docs[u.doc].article.text.as_str();
        let mut out: Vec<&str> = u
            .toks
            .iter()
            .filter(|t| !t.fact)
            .map(|t| t.span().slice(text))
            .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
            .collect();
        out.sort_unstable();
        out
    };
    let first = numbers(&members[0]);
    members[1..].iter().all(|m| numbers(m) == first)
}

/// The figures of the claims that say the leader's figure in other words
/// ([`anchored_figures`](super::claims::anchored_figures)) and are too
/// unlike it to be compared on everything (`comparable` leaves them out):
/// one finding per figure of the leader whose counterparts differ. Only
/// those figures are compared, and at most `medium`: the claims match on
/// little more than them ("A quake … killing at least 14 people" /
/// "Rescuers searched … after a quake killed at least 16 people").
fn paraphrase_findings(cx: &StoryCx, members: &[Member], comparable: &[usize]) -> Vec<Finding> {
    let cfg = cx.cfg;
    let leader = cx.unit(members[0].local);
    // leader fact → (member index, its fact)
    let mut partners: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (k, m) in members.iter().enumerate().skip(1) {
        let u = cx.unit(m.local);
        // (`comparable` is sorted)
        if comparable.binary_search(&k).is_ok()
            || u.doc == leader.doc
            || m.score < cfg.paraphrase_threshold
        {
            continue;
        }
        for (i, j) in super::claims::anchored_figures(cx.p, leader, u) {
            partners.entry(i).or_default().push((k, j));
        }
    }
    let mut out = Vec::new();
    for (i, counterparts) in partners {
        let fact = |(k, j): (usize, usize)| &cx.unit(members[k].local).facts[j];
        let refs: Vec<FactRef> = std::iter::once((0, i)).chain(counterparts).collect();
        // the values, each fact in the first variant it is the same as
        let mut vars: Vec<Vec<FactRef>> = Vec::new();
        for &r in &refs {
            match vars
                .iter_mut()
                .find(|v| compare_facts(fact(v[0]), fact(r), cfg) == Cmp::Same)
            {
                Some(v) => v.push(r),
                None => vars.push(vec![r]),
            }
        }
        if vars.len() < 2 {
            continue;
        }
        let mut worst = (Severity::Info, 0.0f64, Cmp::Incomparable);
        for v in &vars[1..] {
            let c = compare_facts(fact(vars[0][0]), fact(v[0]), cfg);
            let sev = match c {
                Cmp::Contradict => Severity::Medium,
                Cmp::Differ => Severity::Low,
                Cmp::Same | Cmp::Incomparable => Severity::Info,
            };
            let conf = members[v[0].0].score.min(members[vars[0][0].0].score)
                * fact(v[0]).confidence.min(fact(vars[0][0]).confidence);
            if (sev, conf) > (worst.0, worst.1) {
                worst = (sev, conf, c);
            }
        }
        if worst.0 == Severity::Info {
            continue;
        }
        if refs
            .iter()
            .any(|&(k, _)| sample_sentence(cx, members[k].local))
        {
            worst.0 = Severity::Low;
        }
        let drafts: Vec<Draft> = vars.iter().map(|v| fact_draft(cx, members, v)).collect();
        let variants = finish(cx, drafts, false, true);
        let what = match worst.2 {
            Cmp::Differ => "Sentences that give this figure in other words differ (their bounds overlap)",
            _ => "Sentences that give this figure in other words give values that cannot both be true",
        };
        let explanation = format!("{what}: {}.", summary(&variants));
        out.push(finding(
            cx,
            FindingKind::Quantity,
            worst.0,
            worst.1,
            ClaimKind::Sentence,
            variants,
            explanation,
        ));
    }
    out
}

pub(crate) fn sentence_findings(cx: &StoryCx, members: &[Member]) -> Vec<Finding> {
    let cfg = cx.cfg;
    let leader = cx.unit(members[0].local);
    // a changed place lowers the match score of its sentence, but must
    // not keep the sentence from being compared on that very place
    let members: Vec<Member> = members
        .iter()
        .enumerate()
        .map(|(i, &m)| match i {
            // (the leader against itself: nothing to compute)
            0 => m,
            _ => Member {
                value: match frame_cosine(cx.p, leader, cx.unit(m.local)) {
                    f if f >= cfg.high_match => m.value.max(f),
                    _ => m.value,
                },
                ..m
            },
        })
        .collect();
    let members = &members[..];
    let comparable: Vec<usize> = (0..members.len())
        .filter(|&i| {
            // (claims alike in all but their values need no more: the
            // claim words of a short sentence are few, and a changed place
            // is one of them)
            i == 0
                || (members[i].value >= cfg.value_threshold
                    && (members[i].value >= cfg.high_match
                        || claim_cosine(cx.p, leader, cx.unit(members[i].local))
                            >= cfg.value_threshold))
        })
        .collect();
    let paraphrases = paraphrase_findings(cx, members, &comparable);
    let FactOutcome {
        findings: mut out,
        uncompared,
        consistent,
    } = fact_findings(cx, members, comparable, ClaimKind::Sentence, Severity::High);
    out.extend(paraphrases);
    if !out.is_empty() || !cfg.agreements || cx.outlets(members) < 2 {
        return out;
    }
    let kind = if uncompared || !same_quoted_words(cx, members) || !same_bare_numbers(cx, members) {
        FindingKind::Matched
    } else {
        FindingKind::Agreement
    };
    out.push(claim_finding(
        cx,
        members,
        kind,
        ClaimKind::Sentence,
        &consistent,
    ));
    out
}

// ------------------------------------------------------------------- roles

/// One finding per person and family of conflicting roles.
pub(crate) fn role_findings(cx: &StoryCx) -> Vec<Finding> {
    let mut out = Vec::new();
    let roles = roles_by_person(&cx.people, &cx.p.docs);
    for (pid, rs) in roles.iter().enumerate() {
        let person = &cx.people.persons[pid];
        // variants: one per canonical role
        let mut keys: Vec<String> = Vec::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (i, r) in rs.iter().enumerate() {
            let k = r.key.canonical();
            match keys.iter().position(|x| *x == k) {
                Some(j) => groups[j].push(i),
                None => {
                    keys.push(k);
                    groups.push(vec![i]);
                }
            }
        }
        let root = |d: usize| cx.copy_root.get(&d).copied().unwrap_or(d);
        let n = groups.len();
        // conflicts between variants seen in different outlets
        let mut conflict = vec![vec![false; n]; n];
        let mut any = false;
        for i in 0..n {
            for j in i + 1..n {
                let (a, b) = (&rs[groups[i][0]].key, &rs[groups[j][0]].key);
                if compare_roles(a, b) != RoleRel::Conflict {
                    continue;
                }
                let docs = |g: &[usize]| {
                    let mut v: Vec<usize> = g.iter().map(|&x| rs[x].doc).collect();
                    v.sort_unstable();
                    v.dedup();
                    v
                };
                if apart(&docs(&groups[i]), &docs(&groups[j])) {
                    conflict[i][j] = true;
                    conflict[j][i] = true;
                    any = true;
                }
            }
        }
        if !any {
            continue;
        }
        // families: variants linked by shared title words
        let mut family: Vec<usize> = (0..n).collect();
        fn top(f: &mut [usize], x: usize) -> usize {
            let mut r = x;
            while f[r] != r {
                r = f[r];
            }
            r
        }
        for i in 0..n {
            for j in i + 1..n {
                let (a, b) = (&rs[groups[i][0]].key, &rs[groups[j][0]].key);
                if a.title_words.iter().any(|w| b.title_words.contains(w)) {
                    let (ri, rj) = (top(&mut family, i), top(&mut family, j));
                    if ri != rj {
                        family[ri.max(rj)] = ri.min(rj);
                    }
                }
            }
        }
        let mut fams: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            let r = top(&mut family, i);
            fams.entry(r).or_default().push(i);
        }
        for vs in fams.values() {
            if !vs.iter().any(|&i| vs.iter().any(|&j| conflict[i][j])) {
                continue;
            }
            let mut variants: Vec<Variant> = vs
                .iter()
                .map(|&g| {
                    let mut mentions: Vec<Mention> = groups[g]
                        .iter()
                        .map(|&i| {
                            let r = &rs[i];
                            let x = cx.p.docs[r.doc];
                            let root = root(r.doc);
                            Mention {
                                article: x.article.id.clone(),
                                source: x.article.source.clone(),
                                claim: ClaimKind::Person,
                                index: r.entity,
                                span: r.span,
                                text: r.span.slice(&x.article.text).to_string(),
                                value_span: Some(r.span),
                                speaker: Some(person.name.clone()),
                                confidence: 0.8,
                                score: 1.0,
                                copy_of: (root != r.doc)
                                    .then(|| cx.p.docs[root].article.id.clone()),
                            }
                        })
                        .collect();
                    mentions.sort_by(|a, b| (&a.article, a.span).cmp(&(&b.article, b.span)));
                    mentions.dedup_by(|a, b| a.article == b.article && a.span == b.span);
                    let mut roots: Vec<usize> =
                        groups[g].iter().map(|&i| root(rs[i].doc)).collect();
                    roots.sort_unstable();
                    roots.dedup();
                    Variant {
                        value: Value::Role {
                            role: keys[g].clone(),
                        },
                        display: rs[groups[g][0]].text.clone(),
                        mentions,
                        outlets: roots.len(),
                        diff: Vec::new(),
                    }
                })
                .collect();
            variants.sort_by(|a, b| {
                b.outlets.cmp(&a.outlets).then_with(|| {
                    let k = |v: &Variant| v.mentions.first().map(|m| (m.article.clone(), m.span));
                    k(a).cmp(&k(b))
                })
            });
            let (severity, conf) = if person.full_name {
                (Severity::Medium, 0.8)
            } else {
                (Severity::Low, 0.6)
            };
            let explanation = format!(
                "{} is given different titles: {}.",
                person.name,
                summary(&variants)
            );
            out.push(finding(
                cx,
                FindingKind::SpeakerRole,
                severity,
                conf,
                ClaimKind::Person,
                variants,
                explanation,
            ));
        }
    }
    out
}
