//! Reported speech without quotation marks: `SUBJECT VERB that CONTENT`,
//! `CONTENT, SUBJECT VERB`, and “according to X”.

use super::marks::{MarkIndex, Marks};
use super::subject::Subject;
use super::tagger::{Model, Scratch, SentenceFeatures, Tag};
use super::{has_words, trim_span, Ctx};
use crate::lexicon::Class;
use crate::model::{Sentence, Span};
use crate::text::TokKind;

/// Reported speech without marks.
pub(super) struct Indirect {
    pub(super) content: Span,
    pub(super) verb: Span,
    pub(super) cue: String,
    pub(super) subject: Subject,
}

/// Reported speech from both finders: every candidate the rules found
/// (they are precise), then each candidate of the tagger whose content
/// shares no byte with one of theirs; in text order (by verb, then content).
pub(super) fn merged(rules: Vec<Indirect>, tagged: Vec<Indirect>) -> Vec<Indirect> {
    let mut out = rules;
    let n = out.len();
    for t in tagged {
        if !out[..n].iter().any(|r| r.content.overlaps(&t.content)) {
            out.push(t);
        }
    }
    out.sort_by_key(|i| (i.verb.start, i.content.start));
    out
}

impl<'a> Ctx<'a> {
    /// “According to X, CONTENT”, “CONTENT, according to X” and “A,
    /// according to X, B”: reported speech whose source is X. Left to the
    /// marked-quote path when the sentence holds quoted speech (a quote of
    /// more than three words).
    fn according_to_indirect(&self, s: &Sentence, index: &MarkIndex) -> Option<Indirect> {
        let text = self.text;
        let (cue, source, e) = self.according_to_source(s.span)?;
        let speech = index
            .contents_within(s.span)
            .any(|c| has_words(c.slice(text), 4));
        if speech {
            return None;
        }
        // the phrase runs to the next comma (or the sentence end)
        let phrase_end = text[source.end..s.span.end]
            .find(',')
            .map_or(s.span.end, |c| source.end + c);
        let before = text[s.span.start..cue.start].trim_end();
        let content = if before.is_empty() {
            // According to X, CONTENT
            Span::new((phrase_end + 1).min(s.span.end), s.span.end)
        } else if phrase_end >= s.span.end
            || text[phrase_end..s.span.end]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .is_empty()
        {
            // CONTENT, according to X.
            Span::new(
                s.span.start,
                s.span.start + before.trim_end_matches(',').len(),
            )
        } else {
            // A, according to X, B: the whole sentence is the claim
            s.span
        };
        let content = trim_span(text, content);
        has_words(content.slice(text), 4).then(|| Indirect {
            content,
            verb: cue,
            cue: "according to".into(),
            subject: Subject::Entity(e, source),
        })
    }

    /// Reported speech without quotation marks.
    pub(super) fn indirect_candidates(&self, marks: &[Marks]) -> Vec<Indirect> {
        let text = self.text;
        let inside = |p: usize| {
            let i = marks.partition_point(|m| m.open <= p);
            i > 0 && p < marks[i - 1].close_end
        };
        // (about one in two sentences holds reported speech in news copy)
        let mut out = Vec::with_capacity(self.sentences.len() / 2);
        // `inside(p)` for the positions of a range around `p`: they all
        // have the same marks opening at or before them, and all end before
        // or all at or after the last one's end
        let inside_around = |p: usize| {
            let i = marks.partition_point(|m| m.open <= p);
            let next_open = marks.get(i).map_or(usize::MAX, |m| m.open);
            match i.checked_sub(1).map(|k| marks[k]) {
                Some(m) if p < m.close_end => (m.open..m.close_end.min(next_open), true),
                Some(m) => (m.close_end..next_open, false),
                None => (0..next_open, false),
            }
        };
        // the range of the last answer: tokens come in text order, so most
        // fall in the same range as the one before
        let mut state = (0..0, false);
        let index = MarkIndex::new(marks);
        for (s, toks) in self
            .sentences
            .iter()
            .zip(self.analysis.tokens_by_sentence())
        {
            if let Some(ind) = self.according_to_indirect(s, &index) {
                out.push(ind);
                continue;
            }
            let mut taken_until = 0usize;
            for (i, t) in toks.iter().enumerate() {
                // pure tests, cheapest-rejecting first: the remembered range
                // turns away the words inside quotes before the verb test. No
                // token but a word is a reporting verb: a number token is
                // ASCII digits, `.` and `,` (no letter), a punctuation token
                // is one char (no single char is a verb, see the tests).
                if t.kind != TokKind::Word || t.span.start < taken_until {
                    continue;
                }
                let p = t.span.start;
                if !state.0.contains(&p) {
                    state = inside_around(p);
                }
                if state.1 || !t.is(Class::ReportingVerb) {
                    continue;
                }
                let next = toks.get(i + 1).map(|n| n.text(text));
                if next == Some("that") {
                    // SUBJECT VERB that CONTENT
                    let subject = self.subject_left(toks, i, 0);
                    if matches!(subject, Subject::Unknown) {
                        continue;
                    }
                    let c_start = toks[i + 1].span.end;
                    let mut c_end = s.span.end;
                    for u in &toks[i + 2..] {
                        let w = u.text(text);
                        if (w == ":" || w == ";") && !inside(u.span.start) {
                            c_end = u.span.start;
                            break;
                        }
                    }
                    let content = trim_span(text, Span::new(c_start, c_end));
                    if has_words(content.slice(text), 3) {
                        taken_until = content.end;
                        out.push(Indirect {
                            content,
                            verb: t.span,
                            cue: t.text(text).to_string(),
                            subject,
                        });
                    }
                } else if !index.overlaps(s.span) {
                    // CONTENT, SUBJECT VERB [adverbials].
                    let subject = self.subject_left(toks, i, 0);
                    let Some(subj_start) = subject.span().map(|sp| sp.start) else {
                        continue;
                    };
                    // walk back over an apposed role: “the Secretary General …, Jens Stoltenberg,”
                    let head = &text[s.span.start..subj_start];
                    let head = head.trim_end();
                    let Some(head) = head.strip_suffix(',') else {
                        continue;
                    };
                    let mut cut = head.len();
                    let head_end = s.span.start + head.trim_end().len();
                    let j = toks.partition_point(|t| t.span.start < head_end);
                    if let Some(r) = self.role_ending_at(toks, j) {
                        let before_role = text[s.span.start..r.start].trim_end();
                        let before_role = before_role
                            .strip_suffix("the")
                            .or_else(|| before_role.strip_suffix("The"))
                            .unwrap_or(before_role)
                            .trim_end();
                        if let Some(h) = before_role.strip_suffix(',') {
                            cut = h.len();
                        }
                    }
                    let content = trim_span(text, Span::new(s.span.start, s.span.start + cut));
                    if has_words(content.slice(text), 4) {
                        taken_until = s.span.end;
                        out.push(Indirect {
                            content,
                            verb: t.span,
                            cue: t.text(text).to_string(),
                            subject,
                        });
                    }
                }
            }
        }
        out
    }

    /// Reported speech found by the attribution tagger: each run of
    /// *content* tokens (mostly outside quotation marks: marked quotes are
    /// the marks' path) with the *cue* run nearest it in its sentence (the
    /// nearest before the content, else after), and as speaker the
    /// *source* run nearest that cue, else the cue's subject.
    pub(super) fn tagged_candidates(&self, model: &Model) -> Vec<Indirect> {
        let text = self.text;
        let mut out = Vec::new();
        let mut scratch = Scratch::default();
        let mut feats = SentenceFeatures::default();
        let mut tags = Vec::new();
        for si in 0..self.sentences.len() {
            let toks = self.sentence_toks(si);
            if toks.len() < 3 {
                continue;
            }
            self.sentence_features(si, &mut scratch, &mut feats);
            model.decode(&feats, &mut tags);
            let runs = |want: Tag| -> Vec<(usize, usize)> {
                let mut v = Vec::new();
                let mut i = 0;
                while i < tags.len() {
                    if tags[i] == want {
                        let a = i;
                        while i < tags.len() && tags[i] == want {
                            i += 1;
                        }
                        v.push((a, i));
                    } else {
                        i += 1;
                    }
                }
                v
            };
            let contents = runs(Tag::Content);
            if contents.is_empty() {
                continue;
            }
            let cues = runs(Tag::Cue);
            let sources = runs(Tag::Source);
            for &(a, b) in &contents {
                let inside = toks[a..b]
                    .iter()
                    .filter(|t| self.inside_marks(t.span.start))
                    .count();
                if inside * 2 >= b - a {
                    continue; // a marked quote's words
                }
                let content = trim_span(text, Span::new(toks[a].span.start, toks[b - 1].span.end));
                if !has_words(content.slice(text), 2) {
                    continue;
                }
                // the cue: the nearest run before the content, else after
                let cue = cues
                    .iter()
                    .rev()
                    .find(|c| c.1 <= a)
                    .or_else(|| cues.iter().find(|c| c.0 >= b))
                    .copied();
                let Some((ca, cb)) = cue else {
                    // no cue in the sentence: on PolNeAR a few are speech
                    // whose cue is a sentence away, on other news mostly
                    // not speech (precision 0.750 -> 0.760, recall 0.643
                    // -> 0.626 in cross-validation)
                    continue;
                };
                // the speaker: the source run the tagger marked nearest the
                // cue, else the subject of the cue by the
                // rules of `super::subject`, left of it, then right of it
                let subject = match sources
                    .iter()
                    .min_by_key(|s| s.0.abs_diff(ca).min(s.1.abs_diff(ca)))
                    .map_or(Subject::Unknown, |&(sa, sb)| self.subject_in(toks, sa, sb))
                {
                    Subject::Unknown => {
                        let floor = if ca >= b { b } else { 0 };
                        match self.subject_left(toks, ca, floor) {
                            Subject::Unknown => self.subject_right(toks, cb - 1),
                            s => s,
                        }
                    }
                    s => s,
                };
                let verb = Span::new(toks[ca].span.start, toks[cb - 1].span.end);
                let cue_text = verb.slice(text).to_lowercase();
                out.push(Indirect {
                    content,
                    verb,
                    cue: cue_text,
                    subject,
                });
            }
        }
        out.sort_by_key(|i| (i.verb.start, i.content.start));
        out
    }

    /// The subject a *source* run `toks[a..b]` names: a pronoun, the
    /// entity mentioned in it (the last one), a name, or a role.
    fn subject_in(&self, toks: &[crate::text::Token], a: usize, b: usize) -> Subject {
        if b == a + 1 && toks[a].is(Class::PersonPronoun) {
            return Subject::Pronoun(toks[a].span);
        }
        for t in toks[a..b].iter().rev() {
            if t.kind != TokKind::Word {
                continue;
            }
            if let Some((span, e)) = self.mention_ending_at(t.span.end) {
                if span.start >= toks[a].span.start {
                    return Subject::Entity(e, span);
                }
            }
        }
        match self.subject_ending_at(toks, b) {
            s @ (Subject::Name(_) | Subject::Role(_)) => s,
            _ => Subject::Unknown,
        }
    }
}
