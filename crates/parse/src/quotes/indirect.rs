//! Reported speech without quotation marks: `SUBJECT VERB that CONTENT`,
//! `CONTENT, SUBJECT VERB`, and “according to X”.

use super::marks::{MarkIndex, Marks};
use super::subject::{is_ing_form, is_preposition, Subject};
use super::{has_words, is_double_mark, is_quote_char, trim_span, Ctx};
use crate::lexicon::{Class, Classes};
use crate::model::{EntityKind, Sentence, Span};
use crate::text::{is_regular_past, Shape, TokKind};

/// An adverb by its ending (“recently”, “openly”).
fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// Reported speech without marks.
pub(super) struct Indirect {
    pub(super) content: Span,
    pub(super) verb: Span,
    pub(super) cue: String,
    pub(super) subject: Subject,
    /// The subject is a phrase as written ([`Ctx::phrase_subject`]): no
    /// person a later pronoun or quote may stand for.
    pub(super) phrase: bool,
}

/// Tokens an object or adverbial between a reporting verb and its clause
/// may take (“told reporters”, “said in a statement”).
const CLAUSE_SKIP: usize = 3;

/// Tokens an adverbial between a reporting verb and its “that” may take
/// (“said in an interview with The Associated Press last week that”).
const THAT_ADVERBIAL_MAX: usize = 9;

/// Words after a comma inside a reported clause within which a reporting
/// verb and its “that” start another report (“…, but her team denied
/// that …”): the first clause ends at the comma.
const NEXT_REPORT_WORDS: usize = 8;

/// The most words a source phrase after “according to” that names no
/// entity may have (“a new poll by the Harvard Institute of Politics”).
const ACCORDING_PHRASE_WORDS: usize = 8;

/// The most titles and modifiers between the comma that ends reported
/// speech and the subject after it (“…, former Defense Secretary Ash
/// Carter said”).
const ATTRIBUTION_LEAD: usize = 6;

/// The most tokens after a reporting verb that closes the attribution of
/// reported speech before it (“…, she told a Senate panel on Wednesday”,
/// “…, Kaine insisted Thursday during a whistle-stop tour of morning
/// shows”).
const TAIL_MAX: usize = 12;

/// A verb form that is finite whatever its subject: a finite auxiliary
/// (`finite_auxiliary.tsv`: “is”, “would”, “has”) or an irregular past
/// (`past_verb.tsv`: “were”, “fell”).
const FINITE_VERB: Classes = Classes::all(&[Class::FiniteAuxiliary, Class::PastVerb]);

/// The classes of a word that may start a report: a reporting verb, a
/// verb that reports with its “that”, a noun of speech, a verb of promise
/// or request, the last word of a reporting phrase.
pub(super) const TRIGGERS: Classes = Classes::all(&[
    Class::ReportingVerb,
    Class::ThatVerb,
    Class::SpeechNoun,
    Class::InfinitiveReport,
    Class::ReportPhraseEnd,
    Class::ObjectReport,
    Class::QuestionVerb,
    Class::ObjectNoun,
    Class::AsReport,
    Class::EvidenceVerb,
    Class::AsSourceVerb,
]);

/// The most words of an interruption between a clause's subject and its
/// verb (“says the scandal, [while troublesome], was dealt with”).
const INTERRUPTION_WORDS: usize = 6;

/// The most tokens of the object between a verb of request and the “to”
/// of its infinitive (“urged [the city's bus drivers] to return”).
const REQUEST_OBJECT_MAX: usize = 5;

/// The most words of a bare noun phrase (no article or determiner) that
/// opens a clause reported without “that” (“said [groups of observers]
/// were sent”).
const BARE_SUBJECT_WORDS: usize = 4;

/// The fewest words of the object a verb of evaluation or announcement
/// reports (“endorsed [Hillary Clinton]”; “criticized [Clinton]” is too
/// little to compare).
const OBJECT_WORDS: usize = 2;

/// The most words of the object between a verb of asking and its
/// question (“asked [the minister] how …”).
const QUESTION_OBJECT_MAX: usize = 3;

/// The most tokens of the object between a verb of `as_report` and its
/// “as” (“sees [the calendar farther ahead] as favorable”).
const AS_OBJECT_MAX: usize = 5;

/// The most tokens between a reporting verb and a “that” set off by a
/// comma or dash (“told POLITICO, however, that”, “said — on Twitter, as
/// it happens — that”).
const THAT_INTERRUPTION_MAX: usize = 14;

/// The most tokens from the first word of a clause reported without
/// “that” to its verb in the present tense (“said [the pace of the
/// recovery] depends on …”).
const PRESENT_SUBJECT_MAX: usize = 8;

/// The most words of a subject phrase that names no person, name or role
/// (“military analysts”, “the exit polls”).
const SUBJECT_PHRASE_WORDS: usize = 4;

/// The most tokens between the head of a subject of `evidence_noun` and
/// its verb (“FEC records [from the 2008 election cycle] show”, “the
/// poll[, released on Wednesday night by the institute,] showed”).
const EVIDENCE_MODIFIER_MAX: usize = 14;

/// The most words of the name before the colon of a headline's
/// attribution (“Senate Majority Leader Reid: …”).
const HEADLINE_SOURCE_WORDS: usize = 4;

/// The most tokens of the adverbial of a sentence opening with “In” and
/// a study (“In a Washington Post-ABC News poll released Sunday, …”).
const IN_EVIDENCE_MAX: usize = 14;

impl<'a> Ctx<'a> {
    /// “In POLL, CLAUSE”: a sentence opening with “In” and, before its
    /// first comma (within [`IN_EVIDENCE_MAX`] tokens), a noun phrase
    /// holding a noun of `evidence_noun` (“In the latest survey, Ruiz
    /// leads by nine points”, “In a poll released Monday, 50 percent
    /// …”) reports the clause after the comma, the phrase its source as
    /// written (as “according to a poll”). No clause word, reporting verb
    /// or finite auxiliary in the adverbial (“In polls that were …”); a
    /// participle's phrase may follow it (“In the poll, conducted in May,
    /// …”); no reporting verb in the clause (“In the poll, 79 percent said
    /// …” is the rules' of that verb).
    fn in_evidence(
        &self,
        s: &Sentence,
        toks: &[crate::text::Token],
        inside: &dyn Fn(usize) -> bool,
        index: &MarkIndex,
    ) -> Option<Indirect> {
        let text = self.text;
        if !toks.first()?.text(text).eq_ignore_ascii_case("in") {
            return None;
        }
        // the adverbial's comma (a slash or hyphen inside a name is no end:
        // “In a CNN/ORC poll, …”)
        let comma_after = |from: usize| {
            let k = toks[from..]
                .iter()
                .take(IN_EVIDENCE_MAX + 1)
                .position(|t| t.kind == TokKind::Punct && !matches!(t.text(text), "/" | "-"))?;
            Some(from + k).filter(|&k| toks[k].text(text) == ",")
        };
        let first = comma_after(1)?;
        // (the adverbial goes on: “In a poll of voters, conducted in May,
        // …”: to the comma after the participle's phrase)
        let participle = |k: usize| {
            toks.get(k + 1).is_some_and(|n| {
                let w = n.text(text);
                n.shape.has(Shape::LOWERCASE) && (is_regular_past(w) || is_ing_form(w))
            })
        };
        let c = if participle(first) {
            comma_after(first + 1).filter(|&k| !participle(k))?
        } else {
            first
        };
        if first < 2 || c + 1 >= toks.len() {
            return None;
        }
        let adverbial = &toks[1..first];
        if !adverbial.iter().any(|t| t.is(Class::EvidenceNoun))
            || adverbial.iter().any(|t| {
                t.classes.intersects(Classes::all(&[
                    Class::ClauseBoundary,
                    Class::AdverbialSubordinator,
                    Class::ReportingVerb,
                    Class::FiniteAuxiliary,
                    Class::RelativeWord,
                ]))
            })
        {
            return None;
        }
        let content = self.clause_content(s, toks, c, c + 1, toks[c + 1].span.start, inside);
        // (a clause with its own report is that report's: “In the poll, 79
        // percent said they were satisfied”)
        if toks[c + 1..]
            .iter()
            .take_while(|t| t.span.start < content.end)
            .any(|t| t.is(Class::ReportingVerb))
        {
            return None;
        }
        let source = Span::new(toks[1].span.start, toks[first - 1].span.end);
        let words = first - 1;
        (has_words(content.slice(text), 4) && !index.overlaps(content)).then(|| Indirect {
            content,
            verb: toks[0].span,
            cue: toks[0].text(text).to_string(),
            subject: if words > ACCORDING_PHRASE_WORDS {
                Subject::Unknown
            } else {
                Subject::Name(source)
            },
            phrase: words <= ACCORDING_PHRASE_WORDS,
        })
    }

    /// “As SOURCE VERB, CLAUSE”: a lowercase verb of `as_source_verb`
    /// (“reported”, “noted”, “shows”; “out” of “as Menendez pointed out,”;
    /// not “as the senator spoke”, “as some hope”) `toks[v]` whose subject, at most
    /// [`ACCORDING_PHRASE_WORDS`] words with no mark, follows an “as” (“As
    /// The Hill reported, …”, “as Clyburn noted, …”, “As a Pew study
    /// noted, …”), then a comma: the clause after the comma is reported
    /// (to its end as [`Ctx::clause_content`] finds it), when it has four
    /// words or more, a finite verb or a verb in “-s” near its start, and
    /// no quotation.
    #[inline(never)]
    fn as_source_clause(
        &self,
        s: &Sentence,
        toks: &[crate::text::Token],
        v: usize,
        inside: &dyn Fn(usize) -> bool,
        index: &MarkIndex,
    ) -> Option<Span> {
        let text = self.text;
        if !toks[v].is(Class::AsSourceVerb)
            || toks.get(v + 1)?.text(text) != ","
            || v + 2 >= toks.len()
            || !toks[v].shape.has(Shape::LOWERCASE)
            // (“out” only of “pointed out”)
            || toks[v].text(text) == "out"
                && v.checked_sub(1)
                    .is_none_or(|p| toks[p].text(text) != "pointed")
        {
            return None;
        }
        let end = self.skip_auxiliaries(&toks[..v], v);
        let k = toks[..end]
            .iter()
            .rev()
            .take(ACCORDING_PHRASE_WORDS + 1)
            .take_while(|t| t.kind == TokKind::Word || t.kind == TokKind::Number)
            .position(|t| t.text(text).eq_ignore_ascii_case("as"))?;
        // (a subject between “as” and the verb)
        if k == 0 {
            return None;
        }
        let c = v + 2;
        let verb = toks[c..]
            .iter()
            .enumerate()
            .take_while(|(_, t)| !matches!(t.text(text), "," | ";" | ":"))
            .any(|(j, t)| {
                j > 0
                    && t.shape.has(Shape::LOWERCASE)
                    && (self.is_finite_verb(t)
                        || j <= PRESENT_SUBJECT_MAX && self.present_verb(toks, c, c + j))
            });
        if !verb || !Self::opens_clause_subject(&toks[c]) && !toks[c].shape.has(Shape::LOWERCASE) {
            return None;
        }
        let content = self.clause_content(s, toks, v, c, toks[c].span.start, inside);
        let content = self.before_next_quote(toks, content, index);
        (has_words(content.slice(text), 4) && !index.overlaps(content)).then_some(content)
    }

    /// “NAME: CLAIM”, a headline's attribution (“Ruiz: Port deal will
    /// cut fares”, “Harbour Authority: Ferry fees to rise”): the sentence
    /// opens with at most [`HEADLINE_SOURCE_WORDS`] capitalised words (none
    /// all in capitals or possessive: “UPDATE:”, “Q:”, “Editor's Note:”)
    /// that end in a mention of a person
    /// or an organisation of the entity pass (not a label, a place or a
    /// series: “Breaking:”, “Iowa:”, “The Latest:”), then a colon and a
    /// claim of four words or more with no quotation in it (a quote after
    /// a colon is the quote's), no question. The name is the speaker.
    fn headline_colon(
        &self,
        s: &Sentence,
        toks: &[crate::text::Token],
        index: &MarkIndex,
    ) -> Option<Indirect> {
        let text = self.text;
        let colon = toks
            .iter()
            .take(HEADLINE_SOURCE_WORDS + 1)
            .position(|t| t.kind != TokKind::Word || !t.shape.has(Shape::CAPITALISED))?;
        if colon == 0 || toks[colon].text(text) != ":" {
            return None;
        }
        if toks[..colon]
            .iter()
            .any(|t| {
                t.shape.has(Shape::ALL_CAPS)
                    || t.shape.has(Shape::POSSESSIVE)
                    || t.text(text).chars().count() < 2
            })
            // (a question asks: “Cruz: Outsider or insider?”)
            || s.span.slice(text).trim_end().ends_with('?')
        {
            return None;
        }
        let (span, e) = self.mention_ending_at(toks[colon - 1].span.end)?;
        if self.entities[e].kind == EntityKind::Place {
            return None;
        }
        let content = trim_span(text, Span::new(toks[colon].span.end, s.span.end));
        let content = trim_span(
            text,
            Span::new(
                content.start,
                content.start + content.slice(text).trim_end_matches(['.', '!', '?']).len(),
            ),
        );
        (has_words(content.slice(text), 4)
            && !index.overlaps(content)
            && index.first_open_within(content).is_none())
        .then(|| Indirect {
            content,
            verb: toks[colon].span,
            cue: ":".into(),
            subject: Subject::Entity(e, span),
            phrase: false,
        })
    }

    /// “According to X, CONTENT”, “CONTENT, according to X” and “A,
    /// according to X, B”: reported speech whose source is X. Left to the
    /// marked-quote path when the sentence holds quoted speech (a quote of
    /// more than three words).
    fn according_to_indirect(&self, s: &Sentence, index: &MarkIndex) -> Option<Indirect> {
        let text = self.text;
        let cue = self.according_to_cue(s.span)?;
        let entity = self.according_to_source(s.span);
        let after = entity.map_or(cue.end, |(_, source, _)| source.end);
        let speech = index
            .contents_within(s.span)
            .any(|c| has_words(c.slice(text), 4));
        if speech {
            return None;
        }
        // the phrase runs to the next comma (or the sentence end)
        let phrase_end = text[after..s.span.end]
            .find(',')
            .map_or(s.span.end, |c| after + c);
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
        // the source: an entity mentioned right after the cue, else the
        // phrase itself, as written (“according to a new poll”, “according
        // to the results”: not a role to resolve to a person), when short;
        // none named when long
        let subject = match entity {
            Some((_, source, e)) => Subject::Entity(e, source),
            None => {
                let phrase = trim_span(text, Span::new(cue.end, phrase_end));
                let phrase = trim_span(
                    text,
                    Span::new(
                        phrase.start,
                        phrase.start + phrase.slice(text).trim_end_matches(['.', '!', '?']).len(),
                    ),
                );
                let words = phrase.slice(text).split_whitespace().count();
                if words == 0 {
                    return None;
                }
                // a longer source (“early results of exit polls conducted
                // for the networks by …”) is no speaker to name, but the
                // content is still reported
                if words > ACCORDING_PHRASE_WORDS {
                    Subject::Unknown
                } else {
                    Subject::Name(phrase)
                }
            }
        };
        has_words(content.slice(text), 4).then(|| Indirect {
            content,
            verb: cue,
            cue: "according to".into(),
            subject,
            phrase: false,
        })
    }

    /// The subject of the reporting verb `toks[v]` as written, when it is
    /// no person, name or role: the words between the clause's start (the
    /// sentence start, a punctuation mark or a clause word such as “and”,
    /// “that”, “because”) and the verb, at most [`SUBJECT_PHRASE_WORDS`]
    /// (“Military analysts say …”, “In Nevada, exit polls suggested …”).
    /// A lone pronoun is no source to name (“they said”): unknown.
    pub(super) fn phrase_subject(&self, toks: &[crate::text::Token], v: usize) -> Subject {
        // a punctuation mark or a clause word: the phrase may start after it
        let opens_clause = |t: &crate::text::Token| {
            !matches!(t.kind, TokKind::Word | TokKind::Number)
                || t.is(Class::ClauseBoundary)
                || t.is(Class::AdverbialSubordinator)
        };
        let end = self.skip_auxiliaries(&toks[..v], v);
        let mut start = end;
        while start > 0 && end - start <= SUBJECT_PHRASE_WORDS {
            let t = &toks[start - 1];
            if opens_clause(t) || t.is(Class::ReportingVerb) || t.is(Class::FiniteAuxiliary) {
                break;
            }
            start -= 1;
        }
        let words = end - start;
        let at_boundary = start == 0 || opens_clause(&toks[start - 1]);
        if words == 0
            || words > SUBJECT_PHRASE_WORDS
            || !at_boundary
            || (words == 1 && toks[start].is(Class::SubjectPronoun))
        {
            return Subject::Unknown;
        }
        Subject::Name(Span::new(toks[start].span.start, toks[end - 1].span.end))
    }

    /// A token that may open a clause as (the start of) its subject: a
    /// subject pronoun, a number, an article, a determiner or a quantifier
    /// (`quantifier.tsv`: “some”, “many”), or a capitalised word; no
    /// auxiliary (but “its”, listed there for “…, for its part, said”, is
    /// a determiner: “said its main goal was …”).
    fn opens_clause_subject(t: &crate::text::Token) -> bool {
        t.kind == TokKind::Number
            || t.kind == TokKind::Word
                && (t.is(Class::SubjectPronoun)
                    || t.is(Class::NumberWord)
                    || t.is(Class::Article)
                    || t.is(Class::Quantifier)
                    || t.shape.has(Shape::CAPITALISED)
                    || t.is(Class::Determiner))
                && (!t.is(Class::Auxiliary) || t.is(Class::Determiner))
    }

    /// Whether the comma `toks[comma]` opens an interruption of a clause's
    /// subject: at most [`INTERRUPTION_WORDS`] words or numbers, a second
    /// comma, and right after it a finite auxiliary or an irregular past
    /// that is no reporting verb (“the scandal, while troublesome, was
    /// dealt with”, “Millennials, numbering 75 million, surpassed …”; not
    /// “Jeff Zucker, the network's president, said”).
    fn interrupted_verb(&self, toks: &[crate::text::Token], comma: usize) -> bool {
        let text = self.text;
        let Some(n) = toks[comma + 1..]
            .iter()
            .take(INTERRUPTION_WORDS + 1)
            .position(|t| t.kind == TokKind::Punct)
        else {
            return false;
        };
        let close = comma + 1 + n;
        n > 0
            && toks[close].text(text) == ","
            && toks
                .get(close + 1)
                .is_some_and(|t| t.classes.intersects(FINITE_VERB) && !t.is(Class::ReportingVerb))
    }

    /// A finite verb: an auxiliary (“would”, “had”, “was”; not the month
    /// “May”) or a past tense.
    fn is_finite_verb(&self, t: &crate::text::Token) -> bool {
        // (“May” in capitals is the month: “to the traders in May”)
        t.is(Class::FiniteAuxiliary) && !(t.shape.has(Shape::CAPITALISED) && t.is(Class::Month))
            || t.is(Class::PastVerb)
            || (is_regular_past(t.text(self.text)) && !t.shape.has(Shape::CAPITALISED))
    }

    /// “SUBJECT VERB ADVERBIAL that CLAUSE”: where the “that” stands when
    /// an adverbial of time, place or medium separates it from the
    /// reporting verb `toks[v]` (“said on Saturday that”, “told CNN on
    /// Sunday that”, “said in a statement that”). The adverbial has no
    /// punctuation, clause word or verb of its own and ends in a word of
    /// time, a name or a medium of speech (`speech_medium`), so a noun
    /// whose own “that” clause follows (“insisted on the union's demand
    /// that the port stay closed”) is no adverbial; the clause opens with
    /// a subject and has a finite verb before its first comma (“said in a
    /// statement that was released” is no report).
    fn that_after_adverbial(&self, toks: &[crate::text::Token], v: usize) -> Option<usize> {
        let text = self.text;
        let ends_adverbial = |t: &crate::text::Token| {
            t.kind == TokKind::Punct
                || t.is(Class::ClauseBoundary)
                || t.is(Class::AdverbialSubordinator)
                || t.is(Class::ReportingVerb)
                || self.is_finite_verb(t)
        };
        let last = (v + 2 + THAT_ADVERBIAL_MAX).min(toks.len());
        // the first clause word ends the adverbial: it must be the “that”
        let k = (v + 2..last).find(|&k| ends_adverbial(&toks[k]))?;
        if toks[k].text(text) != "that" {
            return None;
        }
        let before = &toks[k - 1];
        // a verb naming its addressee takes its object first (“told
        // reporters that”, “assured donors on Friday that”)
        let time_place_or_medium = toks[v].is(Class::AddresseeVerb)
            || before.kind == TokKind::Number
            || before.shape.has(Shape::CAPITALISED)
            || before.classes.intersects(Classes::all(&[
                Class::Weekday,
                Class::Month,
                Class::DayPart,
                Class::TimeUnit,
                Class::DeicticDay,
                Class::TimeReference,
                Class::SpeechMedium,
            ]));
        (time_place_or_medium && self.finite_that_clause(toks, k)).then_some(k)
    }

    /// Whether `toks[k]` is a “that” opening a clause: a subject follows
    /// (a clause opener, [`Ctx::opens_clause_subject`], or any lowercase
    /// word but an auxiliary or a verb), and a finite verb before the
    /// clause's first comma (or the subject is a pronoun that is only ever
    /// one): “found that turnout had fallen”, not “found that report
    /// troubling”.
    fn finite_that_clause(&self, toks: &[crate::text::Token], k: usize) -> bool {
        let text = self.text;
        if toks.get(k).map(|t| t.text(text)) != Some("that") {
            return false;
        }
        // the subject may also be a bare noun or open with a subordinate
        // clause (“found that agency staffers had not searched …”, “showed
        // that although turnout rose, …”); no auxiliary or verb
        let opens = |t: &crate::text::Token| {
            Self::opens_clause_subject(t)
                || t.kind == TokKind::Word
                    && t.shape.has(Shape::LOWERCASE)
                    && !t.is(Class::Auxiliary)
                    && !self.is_finite_verb(t)
        };
        let Some(opener) = toks.get(k + 1).filter(|t| opens(t)) else {
            return false;
        };
        // after a bare noun (“that” may be its determiner: “found that
        // report in a locked drawer”), no “-ed” word after an article,
        // determiner or preposition (an adjective or a participle)
        let bare = !Self::opens_clause_subject(opener);
        // (or the subject is interrupted by commas before its verb: “found
        // that the letter, postmarked in Ohio, was sent …”)
        let interrupted = || {
            toks[k + 2..]
                .iter()
                .position(|u| u.text(text) == ",")
                .is_some_and(|c| self.interrupted_verb(toks, k + 2 + c))
        };
        opener.is(Class::NominativePronoun)
            || interrupted()
            || toks[k + 2..]
                .iter()
                .enumerate()
                .take_while(|(_, u)| u.text(text) != ",")
                .any(|(j, u)| {
                    let b = &toks[k + 1 + j];
                    self.is_finite_verb(u)
                        && !(bare
                            && (b.is(Class::Article)
                                || b.is(Class::Determiner)
                                || is_preposition(b.text(text))))
                })
    }

    /// Whether a verb that reports only with its “that” (`toks[v]`,
    /// [`Class::ThatVerb`]) reports here: it is no noun (after an article,
    /// a determiner, a possessive or a preposition: “the findings show”,
    /// “the report's findings”, “in states that …”), no base form after “to”, a modal or “please” (“has to
    /// show that”, “may find that”), not negated (“didn't find that”), not
    /// in a condition or question (`condition`: “if the records show that”,
    /// “whether the audit found that”), and has no first-person subject
    /// (`first_person`: the writer's own voice, “we found that”).
    fn reports_as_verb(&self, s: &Sentence, toks: &[crate::text::Token], v: usize) -> bool {
        let text = self.text;
        let Some(prev) = v.checked_sub(1).map(|p| &toks[p]) else {
            return true;
        };
        let w = prev.text(text);
        if prev.is(Class::Article)
            || prev.is(Class::Determiner)
            || prev.is(Class::Modal)
            || prev.is(Class::Negation)
            || ["to", "please"].iter().any(|x| w.eq_ignore_ascii_case(x))
            || is_preposition(w)
            || w.ends_with("'s")
            || w.ends_with("’s")
        {
            return false;
        }
        // the verb's own clause: from the last comma or clause word
        let clause_start = toks[..v]
            .iter()
            .rposition(|t| t.text(text) == "," || t.is(Class::ClauseBoundary))
            .map_or(s.span.start, |p| toks[p].span.end);
        !toks[..v]
            .iter()
            .filter(|t| t.span.start >= clause_start)
            .any(|t| t.is(Class::Condition) || t.is(Class::FirstPerson))
    }

    /// The content of a reported clause from byte `start` (its first token
    /// `toks[first]`): to the sentence's end, or to a colon or semicolon
    /// outside quotation marks; to the first comma when the reporting verb
    /// `toks[v]` sits in a clause of its own (“Barkley, who said he votes
    /// Democratic, said …”, “After suggesting on Friday that he would
    /// resign, the mayor …”).
    fn clause_content(
        &self,
        s: &Sentence,
        toks: &[crate::text::Token],
        v: usize,
        first: usize,
        start: usize,
        inside: &dyn Fn(usize) -> bool,
    ) -> Span {
        let text = self.text;
        let embedded = v.checked_sub(1).is_some_and(|p| {
            toks[p].is(Class::ClauseBoundary)
                || toks[p].is(Class::AdverbialSubordinator) && toks[v].text(text).ends_with("ing")
        });
        // a comma after which another report starts (“…, but her team
        // denied that …”): a reporting verb and its “that” within
        // [`NEXT_REPORT_WORDS`] words, with no punctuation between
        let next_report = |k: usize| {
            toks[k + 1..]
                .iter()
                .take(NEXT_REPORT_WORDS)
                .take_while(|t| t.kind != TokKind::Punct)
                .enumerate()
                .any(|(j, t)| {
                    (t.is(Class::ReportingVerb) || t.is(Class::ThatVerb))
                        && toks.get(k + 2 + j).is_some_and(|n| n.text(text) == "that")
                })
        };
        let end = toks[first..]
            .iter()
            .enumerate()
            .find(|(j, u)| {
                let w = u.text(text);
                (matches!(w, ":" | ";") || w == "," && (embedded || next_report(first + j)))
                    && !inside(u.span.start)
            })
            .map_or(s.span.end, |(_, u)| u.span.start);
        trim_span(text, Span::new(start, end))
    }

    /// A reported clause `content` that runs on into a quotation, cut
    /// before the last comma, “and” or “but” before the quotation (and
    /// before the one before it when a cue stands between: “said the move
    /// was made by the commissioner and said, “…”” gives “the move was
    /// made by the commissioner”). With none (the quotation is part of the
    /// clause: “said the plan was a “disaster””), or with no quotation in
    /// it, `content` as it is.
    fn before_next_quote(
        &self,
        toks: &[crate::text::Token],
        content: Span,
        index: &MarkIndex,
    ) -> Span {
        let Some(open) = index.first_open_within(content) else {
            return content;
        };
        // the words before the mark, last first
        let before: Vec<&crate::text::Token> = toks
            .iter()
            .rev()
            .skip_while(|t| t.span.start >= open)
            .take_while(|t| t.span.start > content.start)
            .collect();
        let is_cut = |t: &crate::text::Token| matches!(t.text(self.text), "," | "and" | "but");
        let is_cue = |t: &crate::text::Token| {
            t.is(Class::ReportingVerb) || t.is(Class::QuoteVerb) || t.is(Class::CueParticiple)
        };
        // the last comma, “and” or “but” before the mark, and further back
        // while a cue lies between two (“and said, “…””)
        let Some(mut cut) = before.iter().position(|t| is_cut(t)) else {
            return content;
        };
        while let Some(next) = before[cut + 1..].iter().position(|t| is_cut(t)) {
            if !before[cut + 1..cut + 1 + next].iter().any(|t| is_cue(t)) {
                break;
            }
            cut += 1 + next;
        }
        trim_span(self.text, Span::new(content.start, before[cut].span.start))
    }

    /// The subject of the reporting verb `toks[v]` ([`Ctx::subject_left`]),
    /// else its subject phrase as written ([`Ctx::phrase_subject`]), with
    /// `true` for a phrase.
    pub(super) fn subject_or_phrase(
        &self,
        toks: &[crate::text::Token],
        v: usize,
    ) -> (Subject, bool) {
        match self.subject_left(toks, v, 0) {
            Subject::Unknown => match self.phrase_subject(toks, v) {
                Subject::Unknown => (self.coordinated_subject(toks, v), false),
                s => (s, true),
            },
            found => (found, false),
        }
    }

    /// The subject of a verb `toks[v]` joined by “and” to a verb before it
    /// (“Ruiz called the chairman reckless and accused him of …”, “Ruiz met the
    /// council, and urged it to …”): the subject of the nearest lowercase
    /// finite verb before the “and” ([`Ctx::subject_left`]), within
    /// [`TAIL_MAX`] tokens, with no clause word, relative word, colon,
    /// semicolon or quotation mark between; a comma only right before the
    /// “and”; that subject opens no subordinate clause (after a clause or
    /// relative word: “a prediction that Russia would …, and blamed”).
    /// Unknown otherwise.
    fn coordinated_subject(&self, toks: &[crate::text::Token], v: usize) -> Subject {
        let text = self.text;
        let end = self.skip_auxiliaries(&toks[..v], v);
        let Some(and) = end.checked_sub(1).filter(|&a| toks[a].text(text) == "and") else {
            return Subject::Unknown;
        };
        let mut k = and;
        if k > 0 && toks[k - 1].text(text) == "," {
            k -= 1;
        }
        let floor = k.saturating_sub(TAIL_MAX);
        while k > floor {
            k -= 1;
            let t = &toks[k];
            if t.kind == TokKind::Punct
                || t.classes.intersects(Classes::all(&[
                    Class::ClauseBoundary,
                    Class::AdverbialSubordinator,
                    Class::RelativeWord,
                    Class::QuestionWord,
                ]))
            {
                return Subject::Unknown;
            }
            if t.shape.has(Shape::LOWERCASE)
                && (self.is_finite_verb(t) || t.is(Class::ReportingVerb))
                && !is_ing_form(t.text(text))
            {
                // (the subject of a main clause: not “a prediction that
                // Russia would recover …, and blamed”)
                let subject = self.subject_left(toks, k, 0);
                let opens_subordinate = subject.span().is_some_and(|sp| {
                    let first = toks.partition_point(|t| t.span.start < sp.start);
                    first.checked_sub(1).is_some_and(|p| {
                        toks[p].classes.intersects(Classes::all(&[
                            Class::ClauseBoundary,
                            Class::AdverbialSubordinator,
                            Class::RelativeWord,
                        ]))
                    })
                });
                return if opens_subordinate {
                    Subject::Unknown
                } else {
                    subject
                };
            }
        }
        Subject::Unknown
    }

    /// “a rule which critics said was unfair”, “what she says is a
    /// growing demand”, “a finish that he said defied expectations”: the
    /// reported clause's subject is the relative word before the reporting
    /// verb `toks[v]`, so its verb follows the reporting verb at once (a
    /// finite auxiliary or an irregular past: `finite_auxiliary.tsv`,
    /// `past_verb.tsv`; or a verb in the present, [`Ctx::present_verb`]:
    /// “which the campaign says includes …”). The relative word (`relative_word.tsv`) opens the
    /// subject of `toks[v]`, at most [`SUBJECT_PHRASE_WORDS`] words with no
    /// punctuation. Where the clause starts.
    fn relative_report(&self, toks: &[crate::text::Token], v: usize) -> Option<usize> {
        let next = toks.get(v + 1)?;
        // (or a verb in the present: “which the campaign says includes
        // 2 million donors”)
        if !next.classes.intersects(FINITE_VERB) && !self.present_verb(toks, v, v + 1) {
            return None;
        }
        let end = self.skip_auxiliaries(&toks[..v], v);
        let rel = toks[..end]
            .iter()
            .rev()
            .take(SUBJECT_PHRASE_WORDS + 1)
            .take_while(|t| t.kind != TokKind::Punct)
            .position(|t| t.is(Class::RelativeWord))?;
        // a subject between the relative word and the verb
        (rel > 0).then_some(v + 1)
    }

    /// Where a clause reported without “that” starts after the reporting
    /// verb `toks[v]`: within [`CLAUSE_SKIP`] tokens (an object or an
    /// adverbial: “told reporters”, “said on Monday”), a token that opens a
    /// clause (a subject pronoun, a number, an article or determiner, or a
    /// capitalised word) followed, before any comma, by a finite verb: an
    /// auxiliary (“would”, “had”, “was”) or a past tense: “said the budget
    /// would be balanced”, “told reporters the suspect had fled”, “said the
    /// ferry left port late”. A pronoun that is only ever a subject (“he”,
    /// “they”) needs only a lowercase word after it, whatever its tense:
    /// “says he opposes the plan”.
    fn clause_after(&self, toks: &[crate::text::Token], v: usize) -> Option<usize> {
        // (a gerund first: “says running the port is hard” reports
        // “running …”, not “the port is hard”)
        self.gerund_clause(toks, v)
            .or_else(|| self.clause_after_within(toks, v, CLAUSE_SKIP))
            .or_else(|| self.clause_after_interruption(toks, v))
    }

    /// A clause reported without “that” whose subject is a gerund phrase
    /// right after the reporting verb `toks[v]` (“says running for
    /// president is tough”, “said expanding the port would cost jobs”): a
    /// lowercase “-ing” word (no preposition, clause word or “according”),
    /// at most [`BARE_SUBJECT_WORDS`] more words, then a finite auxiliary
    /// (`finite_auxiliary.tsv`: “is”, “would”). Where the clause starts.
    fn gerund_clause(&self, toks: &[crate::text::Token], v: usize) -> Option<usize> {
        let text = self.text;
        let g = toks.get(v + 1)?;
        let w = g.text(text);
        if g.kind != TokKind::Word
            || !g.shape.has(Shape::LOWERCASE)
            || !is_ing_form(w)
            || is_preposition(w)
            || w == "according"
            || g.classes.intersects(Classes::all(&[
                Class::ClauseBoundary,
                Class::ReportingVerb,
                Class::AdverbialSubordinator,
            ]))
        {
            return None;
        }
        let k = toks[v + 2..]
            .iter()
            .take(BARE_SUBJECT_WORDS + 1)
            .position(|t| {
                t.kind != TokKind::Word
                    || t.classes.intersects(Classes::all(&[
                        Class::FiniteAuxiliary,
                        Class::ClauseBoundary,
                        Class::ReportingVerb,
                        Class::AdverbialSubordinator,
                    ]))
            })?;
        (k > 0 && toks[v + 2 + k].is(Class::FiniteAuxiliary)).then_some(v + 1)
    }

    /// A clause reported without “that” after an interruption of at most
    /// [`INTERRUPTION_WORDS`] + 4 tokens set off by commas (“says, win or
    /// lose on Tuesday, he is staying in the race”) or a fronted adverbial
    /// ending in a comma (“says despite being an alumna, she will root for
    /// Iowa”, “said if elected, she would …”, “said after the vote, the
    /// council would …”): an adverbial opened by “despite” or a
    /// subordinator of `adverbial_subordinator`. The verb has its subject
    /// before it (no passive, no reduced clause: “Asked about …, …”); the
    /// clause is no attribution of its own (“…, Ruiz said …”). No reporting verb,
    /// clause word or quotation mark in the interruption (and no pronoun or
    /// subordinator between commas: “said, as he has for months, …”); after
    /// its comma a clause as [`Ctx::clause_after`] finds it right after a
    /// verb (a subject and its finite verb). Where the reported words start:
    /// the interruption is part of them.
    fn clause_after_interruption(&self, toks: &[crate::text::Token], v: usize) -> Option<usize> {
        let text = self.text;
        let next = toks.get(v + 1)?;
        let w = next.text(text);
        let parenthetical = w == ",";
        let adverbial = next.kind == TokKind::Word
            && next.shape.has(Shape::LOWERCASE)
            && (next.is(Class::AdverbialSubordinator) || w == "despite");
        if !(parenthetical || adverbial) {
            return None;
        }
        // a verb with its subject before it: not in the passive or a
        // reduced clause (“Asked about the plan, …”, “as reported by …”,
        // “when it was argued in January, …”)
        let (passive, start) = self.passive(toks, v);
        if passive
            || start.checked_sub(1).is_none_or(|p| {
                toks[p].kind == TokKind::Punct
                    || toks[p].classes.intersects(Classes::all(&[
                        Class::AdverbialSubordinator,
                        Class::ClauseBoundary,
                    ]))
            })
        {
            return None;
        }
        let open = v + 1 + usize::from(parenthetical);
        let n = toks[open..]
            .iter()
            .take(INTERRUPTION_WORDS + 5)
            .position(|t| t.kind == TokKind::Punct);
        let Some(n) = n.filter(|&n| n > 0 && toks[open + n].text(text) == ",") else {
            // a condition with no comma before its main clause (“said if
            // elected he would …”)
            return adverbial
                .then(|| self.conditional_without_comma(toks, open))
                .flatten();
        };
        let comma = open + n;
        let blocked = toks[open..comma].iter().enumerate().any(|(j, t)| {
            t.classes.intersects(Classes::all(&[
                Class::ReportingVerb,
                Class::ClauseBoundary,
                Class::QuestionWord,
            ])) || parenthetical
                && (t.is(Class::AdverbialSubordinator)
                    || t.is(Class::NominativePronoun)
                    || t.is(Class::SubjectPronoun))
                || adverbial && j > 0 && t.is(Class::AdverbialSubordinator)
        });
        if blocked {
            return None;
        }
        // (the clause is no attribution of its own: “if elected, Ruiz
        // said she would …” is Ruiz's)
        let c = self.clause_after_within(toks, comma, 0)?;
        let attribution = toks[c..]
            .iter()
            .take(ATTRIBUTION_LEAD)
            .take_while(|t| t.kind != TokKind::Punct)
            .any(|t| t.is(Class::ReportingVerb) || t.is(Class::ThatVerb));
        (!attribution).then_some(open)
    }

    /// “VERB if CONDITION PRONOUN MODAL …”: a condition of `condition`
    /// (`toks[open]`: “if”, “unless”) right after a reporting verb with no
    /// comma before its main clause (“said if elected president he could
    /// work with the leaders”), found by a subject pronoun followed by a
    /// modal (“he could”, “they would”) or holding one (“she'd”) after at least one word of the
    /// condition, within [`INTERRUPTION_WORDS`] + 5 words and before any
    /// punctuation mark, reporting verb or clause word. Where the reported
    /// words start: the condition is part of them.
    fn conditional_without_comma(&self, toks: &[crate::text::Token], open: usize) -> Option<usize> {
        let text = self.text;
        if !toks[open].is(Class::Condition) {
            return None;
        }
        let words = toks[open + 1..]
            .iter()
            .take(INTERRUPTION_WORDS + 5)
            .take_while(|t| {
                t.kind != TokKind::Punct
                    && !t.classes.intersects(Classes::all(&[
                        Class::ReportingVerb,
                        Class::ThatVerb,
                        Class::ClauseBoundary,
                        Class::QuestionWord,
                    ]))
            })
            .count();
        (open + 2..open + 1 + words)
            .any(|k| {
                let w = toks[k].text(text);
                toks[k].is(Class::NominativePronoun)
                    && (toks.get(k + 1).is_some_and(|m| m.is(Class::Modal))
                        || ["'d", "’d", "'ll", "’ll"].iter().any(|e| w.ends_with(e)))
            })
            .then_some(open)
    }

    /// [`Ctx::clause_after`] with at most `skip` tokens of object or
    /// adverbial before the clause.
    fn clause_after_within(
        &self,
        toks: &[crate::text::Token],
        v: usize,
        skip: usize,
    ) -> Option<usize> {
        let text = self.text;
        let opens = Self::opens_clause_subject;
        for c in v + 1..(v + 2 + skip).min(toks.len()) {
            let w = toks[c].text(text);
            // a clause word: “that” is the other rule's; “whether”, “if”
            // and “because” open no reported statement
            if matches!(w, "," | "." | ":" | ";")
                || toks[c].is(Class::ClauseBoundary)
                || toks[c].is(Class::AdverbialSubordinator)
                || toks[c].is(Class::QuestionWord)
                || toks[c].is(Class::ReportingVerb)
            {
                return None;
            }
            // a pronoun that is only ever a subject opens the clause
            // whatever its verb's tense: “says he opposes the plan”, “said
            // she hopes to return” (“said it again” stays unread)
            // (after an object or adverbial with an article, only when
            // it ends in a name: “told the Times he”, not “say the more
            // delegates he takes”)
            let skipped = &toks[v + 1..c];
            let after_phrase = skipped
                .iter()
                .any(|t| t.is(Class::Article) || t.is(Class::Determiner))
                && !skipped
                    .last()
                    .is_some_and(|t| t.shape.has(Shape::CAPITALISED));
            if toks[c].is(Class::NominativePronoun)
                && !after_phrase
                && toks
                    .get(c + 1)
                    .is_some_and(|n| n.kind == TokKind::Word && !n.shape.has(Shape::CAPITALISED))
            {
                return Some(c);
            }
            // a day or month is an adverbial of time, no subject (“said
            // Monday the plan would pass”, “said on Wednesday it would”)
            if !opens(&toks[c]) || toks[c].is(Class::Weekday) || toks[c].is(Class::Month) {
                continue;
            }
            for (k, u) in toks.iter().enumerate().skip(c + 1) {
                let w = u.text(text);
                // a reporting verb after “and” is the main subject's
                // second verb, not the clause's: the clause is its
                // (“declared a state of emergency and said …”)
                if k > c + 1 && toks[k - 1].text(text) == "and" && u.is(Class::ReportingVerb) {
                    break;
                }
                // the clause ends at a comma, colon, semicolon, parenthesis
                // or double quotation mark (“warned of the situation:
                // “Europe is in danger””)
                let mut chars = w.chars();
                if let (Some(ch), None) = (chars.next(), chars.next()) {
                    // (but a subject right after the verb may be
                    // interrupted: “says the scandal, while troublesome, was
                    // dealt with”)
                    if ch == ',' && c == v + 1 && self.interrupted_verb(toks, k) {
                        return Some(c);
                    }
                    if matches!(ch, ',' | ':' | ';' | '(' | ')') || is_double_mark(ch) {
                        break;
                    }
                }
                // “in relation to Russia's request that NATO not expand”: a
                // “that” clause after a noun may be the noun's, not the
                // verb's; left unread
                if w == "that" && toks.get(k + 1).is_some_and(opens) {
                    return None;
                }
                // (or in the present tense, near the subject's start; a
                // verb naming its addressee has it first: “told Ohio
                // officials stories” is no clause)
                let present = k - c <= PRESENT_SUBJECT_MAX
                    && (c > v + 1 || !toks[v].is(Class::AddresseeVerb))
                    && (self.present_verb(toks, c, k) || self.plural_present(toks, c, k));
                if present || self.is_finite_verb(u) {
                    return Some(c);
                }
            }
        }
        self.bare_subject_clause(toks, v)
    }

    /// Whether `toks[k]`, inside the subject that opens at `toks[c]` a
    /// clause after a reporting verb, is a verb in the third person
    /// present (“said the committee appears to …”, “said Obama enjoys the
    /// event”, “said each year of study yields a …”): a lowercase word in
    /// “-s” (not “-ss”, “-us”, “-is”, “-ics”, a possessive or a word of
    /// `present_stop.tsv`: “critics”, “news”) after a word of the subject
    /// that is no article, determiner, quantifier, number or preposition
    /// (“the plans”, “two years”, “of voters”), with no punctuation mark
    /// or pronoun between the subject's start and it (“hammer Clinton as
    /// she attempts”), and before a lowercase word or a number that is no
    /// preposition but “to”, no “-ing” word (“immigrants toiling on”), no
    /// clause or relative word and no conjunction (“officials in Ohio”,
    /// “Ohio officials who …”): a plural noun sits there far less often
    /// than the verb.
    fn present_verb(&self, toks: &[crate::text::Token], c: usize, k: usize) -> bool {
        let text = self.text;
        let u = &toks[k];
        let w = u.text(text);
        if u.kind != TokKind::Word
            || !u.shape.has(Shape::LOWERCASE)
            || w.len() < 4
            || !w.ends_with('s')
            || ["ss", "us", "is", "ics", "'s", "’s"]
                .iter()
                .any(|e| w.ends_with(e))
            || u.classes.intersects(Classes::all(&[
                Class::TimeUnit,
                Class::Auxiliary,
                Class::ReportingVerb,
                Class::PresentStop,
            ]))
        {
            return false;
        }
        let (Some(prev), Some(next)) = (k.checked_sub(1).map(|p| &toks[p]), toks.get(k + 1)) else {
            return false;
        };
        let clause_word = Classes::all(&[
            Class::ClauseBoundary,
            Class::AdverbialSubordinator,
            Class::RelativeWord,
            Class::QuestionWord,
        ]);
        let subject_end = prev.kind == TokKind::Word
            && !is_preposition(prev.text(text))
            && !prev.classes.intersects(Classes::all(&[
                Class::Article,
                Class::Determiner,
                Class::Quantifier,
                Class::NumberWord,
            ]))
            && !prev.classes.intersects(clause_word);
        let nw = next.text(text);
        let verb_next = next.kind == TokKind::Number
            || next.kind == TokKind::Word
                && next.shape.has(Shape::LOWERCASE)
                && (nw == "to" || !is_preposition(nw))
                && !is_ing_form(nw)
                && !next.is(Class::BareSubjectStop)
                && !matches!(nw, "and" | "but")
                && !next.classes.intersects(clause_word);
        subject_end && verb_next && subject_unbroken(&toks[c + 1..k])
    }

    /// Whether `toks[k]`, inside the subject that opens at `toks[c]` a
    /// clause after a reporting verb, is a verb in the present tense of a
    /// plural subject (“said his aides feel the same way”, “says news
    /// outlets undercount the crowds”, “said smugglers still dig tunnels”):
    /// a lowercase word of at least three letters that does not end in
    /// “-s”, “-ed”, “-ing” or “-ly” and is no function word (no
    /// preposition, article, determiner, quantifier, number, auxiliary,
    /// modal, negation, clause word, time unit, reporting verb or word of
    /// `bare_subject_stop`), right after a lowercase plural noun in “-s”
    /// (not “-ss”, “-us”, “-is”, “-ics”, a possessive or a word of
    /// `present_stop`: “news”, “sales”) that follows a word of the subject
    /// or opens it, an adverb of the verb group (`subject_adverb`:
    /// “still”, “often”) allowed between them; then a lowercase word or a
    /// number (“feel the”, “need to”), with no punctuation mark or pronoun
    /// between the subject's start and the verb. A noun after a plural
    /// noun (“the arms deal”) sits there too, but its clause's verb
    /// follows and the content is the same.
    fn plural_present(&self, toks: &[crate::text::Token], c: usize, k: usize) -> bool {
        let text = self.text;
        let u = &toks[k];
        let w = u.text(text);
        let function = Classes::all(&[
            Class::Article,
            Class::Determiner,
            Class::Quantifier,
            Class::NumberWord,
            Class::Auxiliary,
            Class::FiniteAuxiliary,
            Class::Modal,
            Class::Negation,
            Class::ClauseBoundary,
            Class::AdverbialSubordinator,
            Class::RelativeWord,
            Class::QuestionWord,
            Class::TimeUnit,
            Class::ReportingVerb,
            Class::BareSubjectStop,
            Class::SubjectAdverb,
            Class::PresentStop,
            Class::Condition,
            Class::Weekday,
            Class::Month,
            Class::DeicticDay,
            Class::TimeReference,
            Class::DateModifier,
        ]);
        if u.kind != TokKind::Word
            || !u.shape.has(Shape::LOWERCASE)
            || w.len() < 3
            || w.ends_with('s')
            || w.ends_with("ed")
            || is_ing_form(w)
            || is_ly_adverb(w)
            || is_preposition(w)
            || u.classes.intersects(function)
        {
            return false;
        }
        let noun_at_compound = |p: usize| {
            p.checked_sub(1)
                .is_some_and(|b| matches!(toks[b].text(text), "a" | "an" | "A" | "An"))
        };
        // the plural noun before it, over one adverb of the verb group
        let mut p = k - 1;
        if p > c && toks[p].is(Class::SubjectAdverb) {
            p -= 1;
        }
        let noun = &toks[p];
        let nw = noun.text(text);
        // (“an investors conference”, “a sales tax”: a plural noun after a
        // singular article is a compound's first word)
        let singular = noun_at_compound(p);
        let plural = !singular
            && noun.kind == TokKind::Word
            && noun.shape.has(Shape::LOWERCASE)
            && nw.len() >= 4
            && nw.ends_with('s')
            && !["ss", "us", "is", "ics", "'s", "’s"]
                .iter()
                .any(|e| nw.ends_with(e))
            && !is_preposition(nw)
            && !noun.classes.intersects(function);
        let next_fits = toks.get(k + 1).is_some_and(|n| {
            n.kind == TokKind::Number
                || n.kind == TokKind::Word
                    && n.shape.has(Shape::LOWERCASE)
                    && !matches!(n.text(text), "and" | "but" | "or")
        });
        plural && next_fits && subject_unbroken(&toks[c + 1..k])
    }

    /// Where a clause reported without its “that” starts after a verb
    /// that reports only with one (`toks[v]`, [`Class::ThatVerb`]: “the
    /// poll shows Cruz has fallen”, “she learned he had been dropped”):
    /// right after the verb, as [`Ctx::clause_after`] finds it, and its
    /// verb a finite auxiliary or an irregular past before the clause's
    /// first comma (“found Democrats favored” is left: an “-ed” word after
    /// a noun may be its participle, “showed the scene she described”).
    fn clause_after_that_verb(&self, toks: &[crate::text::Token], v: usize) -> Option<usize> {
        // (a capitalised one is a noun or a headline word: “The Daily
        // Show”, “the United States”)
        if !toks[v].shape.has(Shape::LOWERCASE) {
            return None;
        }
        let c = self.clause_after_within(toks, v, 0)?;
        let text = self.text;
        // (nor one that reports only with its “that”: `that_verb.tsv`
        // value “only”, “the swing states Clinton must win”)
        if matches!(
            crate::lexicon::value(toks[v].text(text), Class::ThatVerb),
            Some("only" | "stance")
        ) {
            return None;
        }
        // the verb of the clause's own subject: before any clause word
        // (“showed a video that was …”, “found it right before the plane
        // took off”)
        let verb = toks[c + 1..].iter().find(|t| {
            matches!(t.text(text), "," | ":" | ";")
                || t.classes.intersects(Classes::all(&[
                    Class::FiniteAuxiliary,
                    Class::PastVerb,
                    Class::ClauseBoundary,
                    Class::AdverbialSubordinator,
                    Class::RelativeWord,
                    Class::QuestionWord,
                ]))
        })?;
        verb.classes.intersects(FINITE_VERB).then_some(c)
    }

    /// “SUBJECT PHRASE that CLAUSE” for a reporting phrase of several
    /// words (`report_phrase.tsv`: “pointed out that”, “made it clear
    /// that”, “made the case that”) ending at `toks[end]` (its last word,
    /// [`Class::ReportPhraseEnd`]): the phrase is not negated, and its
    /// “that” opens a clause with a subject and a finite verb
    /// ([`Ctx::finite_that_clause`]).
    fn phrase_report(
        &self,
        s: &Sentence,
        toks: &[crate::text::Token],
        end: usize,
        inside: &dyn Fn(usize) -> bool,
    ) -> Option<Indirect> {
        let text = self.text;
        if !self.finite_that_clause(toks, end + 1) {
            return None;
        }
        // the phrase whose words end at `end`
        let first = crate::lexicon::entries(Class::ReportPhrase)
            .iter()
            .find_map(|e| {
                let n = e.word.split(' ').count();
                let first = (end + 1).checked_sub(n)?;
                toks[first..=end]
                    .iter()
                    .zip(e.word.split(' '))
                    .all(|(t, w)| t.text(text).eq_ignore_ascii_case(w))
                    .then_some(first)
            })?;
        if toks[first.saturating_sub(2)..first]
            .iter()
            .any(|p| p.is(Class::Negation))
        {
            return None;
        }
        let (subject, phrase) = self.subject_or_phrase(toks, first);
        let content = self.clause_content(s, toks, first, end + 2, toks[end + 1].span.end, inside);
        has_words(content.slice(text), 3).then(|| Indirect {
            content,
            verb: Span::new(toks[first].span.start, toks[end].span.end),
            cue: Span::new(toks[first].span.start, toks[end].span.end)
                .slice(text)
                .to_string(),
            subject,
            phrase,
        })
    }

    /// Where the “to” infinitive reported by a verb of promise or refusal
    /// (`toks[v]`, [`Class::InfinitiveReport`]: “vowed to keep the port
    /// closed”, “refused to sign the budget”) starts: the “to” right
    /// after the verb, followed by a lowercase word that is no article,
    /// determiner or number (“pledged to the cause” reports nothing). Not
    /// when the verb is a noun or an adjective (after an article, a
    /// determiner or a possessive: “his promise to”). A verb of request
    /// (value “object”) has its object before the “to” (“urged Congress to
    /// act”), value “on” after an “on” (“called on the governor to
    /// resign”): the content starts at the object, which holds no word of
    /// time.
    fn infinitive_after(&self, toks: &[crate::text::Token], v: usize) -> Option<usize> {
        let text = self.text;
        // (nor a base form after “to” or a preposition: “require him to
        // pledge to”, “by threatening to”, “in order to”)
        if v.checked_sub(1).is_some_and(|p| {
            let w = toks[p].text(text);
            toks[p].is(Class::Determiner)
                || w.ends_with("'s")
                || w.ends_with("’s")
                || is_preposition(w)
        }) {
            return None;
        }
        // the “to” right after the verb, or a few tokens on, after the
        // object of a verb of request (value “object”: “urged Congress to
        // act”, “asked the bankers to wait”: the content starts at the
        // object); a verb of request needs its object
        // (value “on”: a verb of request whose object follows “on”:
        // “called on the governor to resign”; the content starts there)
        let value = crate::lexicon::value(toks[v].text(text), Class::InfinitiveReport);
        let v = if value == Some("on") {
            if toks.get(v + 1)?.text(text) != "on" {
                return None;
            }
            v + 1
        } else {
            v
        };
        let to = (v + 1..(v + 2 + REQUEST_OBJECT_MAX).min(toks.len()))
            .find(|&k| toks[k].text(text) == "to")?;
        let verb = toks.get(to + 1)?;
        if verb.kind != TokKind::Word
            || !verb.shape.has(Shape::LOWERCASE)
            || verb.is(Class::Determiner)
            || verb.is(Class::NumberWord)
        {
            return None;
        }
        // (“told the crew not to sail”: a “not” before the “to” is the
        // infinitive's)
        let object_end = if to > v + 1 && toks[to - 1].text(text) == "not" {
            to - 1
        } else {
            to
        };
        let object = matches!(value, Some("object" | "on"));
        if object != (object_end > v + 1) {
            return None;
        }
        // (a word of time is no object: “called on Sunday to …”)
        let plain = toks[v + 1..object_end].iter().all(|t| {
            t.kind == TokKind::Word
                && !is_preposition(t.text(text))
                && !t.classes.intersects(Classes::all(&[
                    Class::Weekday,
                    Class::Month,
                    Class::DeicticDay,
                    Class::TimeReference,
                    Class::ClauseBoundary,
                    Class::AdverbialSubordinator,
                    Class::QuestionWord,
                    Class::ReportingVerb,
                    Class::Negation,
                ]))
                && !self.is_finite_verb(t)
        });
        // a report in an adverbial clause (“While Clinton pledged to …,
        // Sanders insisted …”) is the background of its sentence's
        let clause = toks[..v]
            .iter()
            .rposition(|t| t.kind == TokKind::Punct)
            .map_or(0, |p| p + 1);
        let adverbial = toks
            .get(clause)
            .is_some_and(|t| t.is(Class::AdverbialSubordinator));
        (plain && !adverbial).then_some(v + 1)
    }

    /// Whether the verb `toks[v]` is a passive participle or stands in a
    /// reduced clause: a form of “be” or “get” before it, over auxiliaries
    /// and adverbs (“was later accused”, “has been asked”), unless it is an
    /// “-ing” form. With the index of the first auxiliary.
    pub(super) fn passive(&self, toks: &[crate::text::Token], v: usize) -> (bool, usize) {
        let text = self.text;
        let s = self.skip_auxiliaries(toks, v);
        let passive = !is_ing_form(toks[v].text(text))
            && toks[s.saturating_sub(1)..v].iter().any(|t| {
                let w = t.text(text);
                [
                    "was", "were", "is", "are", "be", "been", "being", "get", "got",
                ]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
            });
        (passive, s)
    }

    /// “SUBJECT asked [OBJECT] whether/how …”: where the indirect question
    /// reported by a verb of asking or wondering (`toks[v]`,
    /// [`Class::QuestionVerb`]) starts: a word of `question_opener` right
    /// after the verb or after an object of at most
    /// [`QUESTION_OBJECT_MAX`] plain words (“asked the minister how”). Not
    /// after an article, determiner or possessive (a noun: “the
    /// questioning”), nor capitalised inside its sentence (a headline's
    /// word). With `true` when the asker is not the verb's subject: in the
    /// passive (“was asked whether”), in a reduced clause (“when asked
    /// whether”, “Asked if …, Ruiz said”).
    fn question_after(&self, toks: &[crate::text::Token], v: usize) -> Option<(usize, bool)> {
        let text = self.text;
        if !toks[v].shape.has(Shape::LOWERCASE) && v > 0 {
            return None;
        }
        let (passive, s) = self.passive(toks, v);
        let mut unnamed = passive || v == 0;
        if let Some(p) = s.checked_sub(1) {
            let w = toks[p].text(text);
            if w.ends_with("'s")
                || w.ends_with("’s")
                || toks[p]
                    .classes
                    .intersects(Classes::all(&[Class::Article, Class::Determiner]))
            {
                return None;
            }
            unnamed |= toks[p].classes.intersects(Classes::all(&[
                Class::AdverbialSubordinator,
                Class::Condition,
            ]));
        }
        let q = (v + 1..(v + 2 + QUESTION_OBJECT_MAX).min(toks.len()))
            .find(|&k| toks[k].is(Class::QuestionOpener))?;
        let plain = toks[v + 1..q].iter().all(|t| {
            t.kind == TokKind::Word
                && !is_preposition(t.text(text))
                && !self.is_finite_verb(t)
                && !t.classes.intersects(Classes::all(&[
                    Class::ClauseBoundary,
                    Class::ReportingVerb,
                    Class::Negation,
                ]))
        });
        // a word must follow the opener (“asked if necessary” is none)
        let next = toks.get(q + 1)?;
        (plain && next.kind == TokKind::Word).then_some((q, unnamed))
    }

    /// “SUBJECT VERB [ADVERBIAL], INTERRUPTION, that CLAUSE”: where the
    /// “that” of the reporting verb `toks[v]` stands when a comma or dash
    /// sets it off (“told POLITICO, however, that”, “believes, for example,
    /// that”, “said — on Twitter, as it happens — that”): within
    /// [`THAT_INTERRUPTION_MAX`] tokens, after a comma or dash, with no
    /// colon, semicolon, quotation mark or other reporting verb between,
    /// and opening a clause with a subject and a finite verb.
    fn that_after_interruption(&self, toks: &[crate::text::Token], v: usize) -> Option<usize> {
        let text = self.text;
        let last = (v + 2 + THAT_INTERRUPTION_MAX).min(toks.len());
        let mut set_off = false;
        for k in v + 1..last {
            let t = &toks[k];
            let w = t.text(text);
            if w == "that" {
                return (set_off
                    && matches!(toks[k - 1].text(text), "," | "—" | "--" | "–")
                    && self.finite_that_clause(toks, k))
                .then_some(k);
            }
            if matches!(w, "," | "—" | "--" | "–") {
                set_off = true;
                continue;
            }
            let quote = t.kind == TokKind::Punct && w.chars().next().is_some_and(is_quote_char);
            if matches!(w, ":" | ";" | "." | "?" | "!" | "(" | ")")
                || quote
                || t.is(Class::ReportingVerb)
                || t.is(Class::ThatVerb)
            {
                return None;
            }
        }
        None
    }

    /// “SUBJECT VERB OBJECT as COMPLEMENT”: a verb of regard or portrayal
    /// (`toks[v]`, [`Class::AsReport`]: “Clinton sees the issue as a way to
    /// win”, “the ad portrays her as a job-killer”, “Israel regards the city
    /// as its capital”) reports its object and complement, from the object
    /// to the first punctuation mark. The object has one to
    /// [`AS_OBJECT_MAX`] words, none a clause word or a finite verb (“to
    /// see the girls dressed as …” is no view). Not in the passive (“was
    /// seen as”), after an article, determiner or possessive, or
    /// capitalised.
    fn as_report(&self, toks: &[crate::text::Token], v: usize) -> Option<Span> {
        let text = self.text;
        if !toks[v].shape.has(Shape::LOWERCASE) {
            return None;
        }
        let (passive, s) = self.passive(toks, v);
        if passive {
            return None;
        }
        if let Some(p) = s.checked_sub(1) {
            let w = toks[p].text(text);
            if w.ends_with("'s")
                || w.ends_with("’s")
                || toks[p]
                    .classes
                    .intersects(Classes::all(&[Class::Article, Class::Determiner]))
            {
                return None;
            }
        }
        let last = (v + 2 + AS_OBJECT_MAX).min(toks.len());
        let as_at = (v + 2..last).find(|&k| toks[k].text(text) == "as")?;
        let plain = toks[v + 1..as_at].iter().all(|t| {
            t.kind == TokKind::Word
                && !self.is_finite_verb(t)
                && !t.classes.intersects(Classes::all(&[
                    Class::ClauseBoundary,
                    Class::AdverbialSubordinator,
                    Class::ReportingVerb,
                    Class::Negation,
                ]))
        });
        // the complement: a word after “as”, no clause's subject (“as easy
        // to view the scores as it is to …”)
        let complement = toks.get(as_at + 1)?;
        if !plain || complement.kind != TokKind::Word || complement.is(Class::SubjectPronoun) {
            return None;
        }
        let end = toks[as_at + 1..]
            .iter()
            .find(|t| {
                t.kind == TokKind::Punct
                    && t.text(text).chars().next().is_some_and(|c| {
                        matches!(c, ',' | ';' | ':' | '(' | ')' | '.' | '?' | '!' | '—' | '–')
                            || is_quote_char(c)
                    })
            })
            .map_or(toks[toks.len() - 1].span.end, |t| t.span.start);
        Some(trim_span(text, Span::new(toks[v + 1].span.start, end)))
    }

    /// The subject of a verb of `evidence_verb` (`toks[v]`: “show”,
    /// “found”, “suggests”) when a noun of `evidence_noun` heads it (“the
    /// April survey found”, “polls show”, “FEC records from the 2008 cycle
    /// show”, “exit polls conducted by Edison show”, “the poll, released on
    /// Wednesday, showed”): the noun right before the verb (over
    /// auxiliaries and adverbs, or a relative “that”/“which”: “results that
    /// show”), or within [`EVIDENCE_MODIFIER_MAX`] tokens before it with a
    /// preposition, a comma or a participle right after it. The noun's
    /// phrase opens its clause (the sentence's start, a punctuation mark or
    /// a clause word before its words: not “Clinton, leading in the polls,
    /// showed”); no clause word, reporting verb, finite auxiliary, colon or
    /// quotation mark between it and the verb; the verb is lowercase, in
    /// the active voice. The subject phrase as written, from its first
    /// word to the word before the verb; unknown when longer than
    /// [`ACCORDING_PHRASE_WORDS`] words.
    fn evidence_subject(&self, toks: &[crate::text::Token], v: usize) -> Option<Subject> {
        let text = self.text;
        if !toks[v].is(Class::EvidenceVerb) || !toks[v].shape.has(Shape::LOWERCASE) {
            return None;
        }
        let (passive, end) = self.passive(toks, v);
        if passive {
            return None;
        }
        // (“results that show”: the relative word stands for the noun)
        let relative = end
            .checked_sub(1)
            .is_some_and(|p| matches!(toks[p].text(text), "that" | "which"));
        let last = end.checked_sub(1 + usize::from(relative))?;
        // a participle after its noun (“a poll showing Ruiz ahead”,
        // “emails suggesting that …”): the noun right before it, its
        // phrase back over its words to a preposition, verb or mark
        if is_ing_form(toks[v].text(text)) {
            if relative || end != v || !toks[last].is(Class::EvidenceNoun) {
                return None;
            }
            let mut start = last;
            while start > 0 && last - start < SUBJECT_PHRASE_WORDS {
                let t = &toks[start - 1];
                if !matches!(t.kind, TokKind::Word | TokKind::Number)
                    || is_preposition(t.text(text))
                    || self.is_finite_verb(t)
                    || t.classes.intersects(Classes::all(&[
                        Class::ReportingVerb,
                        Class::ClauseBoundary,
                        Class::AdverbialSubordinator,
                        Class::Auxiliary,
                    ]))
                {
                    break;
                }
                start -= 1;
            }
            return Some(Subject::Name(Span::new(
                toks[start].span.start,
                toks[last].span.end,
            )));
        }
        // the noun phrase opens its clause: over its words back to the
        // sentence's start, a punctuation mark or a clause word
        let opens_clause = |k: usize| {
            let mut j = k;
            while j > 0 && k - j < SUBJECT_PHRASE_WORDS + 2 {
                let t = &toks[j - 1];
                let w = t.text(text);
                if t.kind == TokKind::Punct
                    || t.is(Class::ClauseBoundary)
                    || t.is(Class::AdverbialSubordinator)
                {
                    return Some(j);
                }
                if !matches!(t.kind, TokKind::Word | TokKind::Number)
                    || is_preposition(w)
                    || self.is_finite_verb(t)
                    || t.is(Class::ReportingVerb)
                {
                    return None;
                }
                j -= 1;
            }
            (j == 0).then_some(0)
        };
        let head = (last.saturating_sub(EVIDENCE_MODIFIER_MAX)..=last)
            .rev()
            .take_while(|&k| {
                let t = &toks[k];
                let w = t.text(text);
                k == last
                    || !(matches!(w, ";" | ":" | "." | "?" | "!")
                        || w.chars().next().is_some_and(is_quote_char)
                        || t.is(Class::ReportingVerb)
                        || t.is(Class::FiniteAuxiliary)
                        || t.is(Class::ClauseBoundary) && w != "and")
            })
            .filter(|&k| toks[k].is(Class::EvidenceNoun))
            .find_map(|k| {
                let modified = k == last || {
                    let n = &toks[k + 1];
                    let w = n.text(text);
                    w == ","
                        || w == "out"
                        || is_preposition(w)
                        || n.shape.has(Shape::LOWERCASE)
                            && (is_regular_past(w) || n.is(Class::PastVerb))
                        || n.classes.intersects(Classes::all(&[
                            Class::Weekday,
                            Class::Month,
                            Class::DeicticDay,
                            Class::DateModifier,
                        ]))
                };
                if !modified || relative && k != last {
                    return None;
                }
                opens_clause(k)
            })?;
        let words = end - head;
        Some(if words == 0 || words > ACCORDING_PHRASE_WORDS {
            Subject::Unknown
        } else {
            Subject::Name(Span::new(toks[head].span.start, toks[last].span.end))
        })
    }

    /// “SUBJECT VERB OBJECT”: a verb of evaluation or announcement
    /// (`toks[v]`, [`Class::ObjectReport`]: “the union endorsed Hillary
    /// Clinton”, “Kaine praised the deal”, “called for a recount”) reports
    /// the noun phrase after it (after its preposition, the entry's value;
    /// value “phrase”: only for a subject phrase, checked by the caller)
    /// to the end of its clause: the first punctuation mark. The object
    /// opens with an article, a determiner or possessive, a quantifier or a
    /// capitalised word that is no word of time (“announced Friday that”);
    /// it has [`OBJECT_WORDS`] words or more. Not when the verb is a noun or
    /// an adjective (after an article, a determiner or a possessive: “the
    /// proposed ban”, “his calls for”), a base form after “to”, a passive
    /// (after a form of “be”: “was accused of”), in a relative clause (“a
    /// donor who has endorsed Cruz”: the background of a person, not what
    /// the sentence reports), or capitalised (a headline's word).
    fn object_report(
        &self,
        toks: &[crate::text::Token],
        v: usize,
        index: &MarkIndex,
    ) -> Option<Span> {
        let text = self.text;
        let verb = toks[v].text(text);
        // (a capitalised one is a headline's word: “Senator Stressed The
        // Importance Of …”; but “Citing the report, …” opens its sentence)
        if !(toks[v].shape.has(Shape::LOWERCASE) || v == 0 && is_ing_form(verb)) {
            return None;
        }
        // over auxiliaries and adverbs (“who has also endorsed”, “was
        // later accused”)
        let (passive, s) = self.passive(toks, v);
        if passive {
            return None;
        }
        if let Some(p) = s.checked_sub(1) {
            let w = toks[p].text(text);
            if w.eq_ignore_ascii_case("to")
                || w.ends_with("'s")
                || w.ends_with("’s")
                || toks[p].classes.intersects(Classes::all(&[
                    Class::Article,
                    Class::Determiner,
                    Class::RelativeWord,
                ]))
            {
                return None;
            }
        }
        let mut o = v + 1;
        if let Some(prep) =
            crate::lexicon::value(verb, Class::ObjectReport).filter(|&value| value != "phrase")
        {
            if !toks.get(o)?.text(text).eq_ignore_ascii_case(prep) {
                return None;
            }
            o += 1;
        }
        // a bare noun may open the object unless the word before the verb
        // makes the verb an adjective (“on opposing sides”, “its proposed
        // cutoff”, “within hailing distance”)
        let bare_ok = !v.checked_sub(1).is_some_and(|p| {
            let w = toks[p].text(text);
            is_preposition(w)
                || w.ends_with("'s")
                || w.ends_with("’s")
                || toks[p].is(Class::Article)
                || toks[p].is(Class::Determiner)
        });
        // (a number is no object here: “from 12 points to 8 points”)
        if toks.get(o)?.kind == TokKind::Number {
            return None;
        }
        self.object_phrase(toks, o, index, false, bare_ok)
    }

    /// The noun phrase a verb of `object_report` or a noun of
    /// `object_noun` reports, from `toks[o]`: it opens with an article, a
    /// determiner or possessive, a quantifier, a capitalised word that is
    /// no word of time (“announced Friday that”) or, with `bare_ok`, a
    /// lowercase word that is no function word, verb form, “-ing” word or
    /// adverb (“citing fears of terrorism”, “accusing him of …”), and runs
    /// to the first
    /// punctuation mark (with `to_verb`, also to a finite verb: “Hart's
    /// criticism of the ferry contract was …”); none when a quotation comes
    /// first (“described the vote as “largely peaceful””: the partial quote
    /// reports it) or with fewer than [`OBJECT_WORDS`] words.
    fn object_phrase(
        &self,
        toks: &[crate::text::Token],
        o: usize,
        index: &MarkIndex,
        to_verb: bool,
        bare_ok: bool,
    ) -> Option<Span> {
        let text = self.text;
        let first = toks.get(o)?;
        let w = first.text(text);
        // a bare noun or an object pronoun (“citing fears of terrorism”,
        // “accusing him of …”): no function word, verb form or adverb
        let bare = bare_ok
            && first.shape.has(Shape::LOWERCASE)
            && !is_preposition(w)
            && !is_ing_form(w)
            && !is_regular_past(w)
            && !is_ly_adverb(w)
            && !first.classes.intersects(Classes::all(&[
                Class::FiniteAuxiliary,
                Class::PastVerb,
                Class::ClauseBoundary,
                Class::AdverbialSubordinator,
                Class::QuestionWord,
                Class::Condition,
                Class::Negation,
                Class::SubjectAdverb,
                Class::Modal,
                Class::BareSubjectStop,
                Class::DateModifier,
            ]));
        // (a number opens a bare object: “found 90 percent support”)
        let opens = bare_ok && first.kind == TokKind::Number
            || first.kind == TokKind::Word
                && w != "that"
                && w != "to"
                && (first.is(Class::Article)
                    || first.is(Class::Determiner)
                    || first.is(Class::Quantifier)
                    || first.shape.has(Shape::CAPITALISED)
                    || bare)
                && !first.classes.intersects(Classes::all(&[
                    Class::Weekday,
                    Class::Month,
                    Class::DeicticDay,
                    Class::TimeReference,
                    Class::SubjectPronoun,
                    Class::FirstPerson,
                    Class::Auxiliary,
                ]));
        if !opens {
            return None;
        }
        // (an apostrophe is no stop: “the leaders’ meeting”, “Breitbart
        // News’ editor”; a quotation the marks index knows is, below)
        let stop = toks[o + 1..].iter().find(|t| {
            to_verb && self.is_finite_verb(t)
                || t.kind == TokKind::Punct
                    && t.text(text).chars().next().is_some_and(|c| {
                        matches!(c, ',' | ';' | ':' | '(' | ')' | '.' | '?' | '!' | '—' | '–')
                            || is_double_mark(c)
                    })
        });
        if stop.is_some_and(|t| t.text(text).chars().next().is_some_and(is_double_mark)) {
            return None;
        }
        // (nor when it ends at a colon that hands over to a quotation:
        // “warned of the situation on the border: “…””, the quotation is
        // the report)
        let colon_quote = stop.is_some_and(|colon| {
            colon.text(text) == ":"
                && toks[o + 1..]
                    .iter()
                    .find(|t| t.span.start > colon.span.start)
                    .is_some_and(|n| n.text(text).chars().next().is_some_and(is_quote_char))
        });
        if colon_quote {
            return None;
        }
        let end = stop.map_or(toks[toks.len() - 1].span.end, |t| t.span.start);
        let content = trim_span(text, Span::new(first.span.start, end));
        // (one capitalised word, a name, is enough after a verb: “the union
        // endorsed Ruiz.”)
        let name = bare_ok
            && first.kind == TokKind::Word
            && first.shape.has(Shape::CAPITALISED)
            && stop.is_some_and(|t| t.span.start == first.span.end);
        ((name || has_words(content.slice(text), OBJECT_WORDS))
            && !index.overlaps(content)
            && index.first_open_within(content).is_none())
        .then_some(content)
    }

    /// “OWNER'S NOUN PREPOSITION OBJECT”: a noun of stance or speech
    /// (`toks[v]`, [`Class::ObjectNoun`]: “Hart's criticism of the ferry
    /// contract”, “their support for the strike”) reports the noun phrase
    /// after its preposition (the entry's value) up to a finite verb or a
    /// punctuation mark ([`Ctx::object_phrase`]). Only after a possessive,
    /// with at most one lowercase word between (“the union's strong support
    /// for”): “the attack on the base”, “a call for tenders” report nothing.
    fn noun_object(
        &self,
        toks: &[crate::text::Token],
        v: usize,
        index: &MarkIndex,
    ) -> Option<Span> {
        let text = self.text;
        let possessive = |t: &crate::text::Token| {
            let w = t.text(text);
            w.ends_with("'s")
                || w.ends_with("’s")
                || ["his", "her", "their", "its"]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
        };
        let owner = v.checked_sub(1).is_some_and(|p| {
            possessive(&toks[p])
                || p.checked_sub(1).is_some_and(|q| {
                    possessive(&toks[q])
                        && toks[p].kind == TokKind::Word
                        && toks[p].shape.has(Shape::LOWERCASE)
                        && !toks[p].is(Class::Determiner)
                })
        });
        let prep = crate::lexicon::value(toks[v].text(text), Class::ObjectNoun)?;
        if !owner || !toks.get(v + 1)?.text(text).eq_ignore_ascii_case(prep) {
            return None;
        }
        self.object_phrase(toks, v + 2, index, true, true)
    }

    /// A clause reported without “that” whose subject is a bare noun
    /// phrase right after the reporting verb `toks[v]` (“said allies were
    /// rattled”, “says climate change is not happening”, “said groups of
    /// observers were sent”): one to [`BARE_SUBJECT_WORDS`] lowercase
    /// words, none a verb form, adverb, word of time, clause word or
    /// preposition but “of”, followed at once by a finite auxiliary or an
    /// irregular past (`finite_auxiliary.tsv`, `past_verb.tsv`). An
    /// “-ing” word opens no such subject (“says running for governor is
    /// …”). Where the clause starts.
    fn bare_subject_clause(&self, toks: &[crate::text::Token], v: usize) -> Option<usize> {
        let text = self.text;
        // a reporting verb after a determiner or a possessive is an
        // adjective (“his proposed ban would …”)
        if v.checked_sub(1).is_some_and(|p| {
            let w = toks[p].text(text);
            toks[p].is(Class::Determiner) || w.ends_with("'s") || w.ends_with("’s")
        }) {
            return None;
        }
        let c = v + 1;
        let noun = |t: &crate::text::Token| {
            let w = t.text(text);
            t.kind == TokKind::Word
                && t.shape.has(Shape::LOWERCASE)
                && !is_ing_form(w)
                && !(w.len() > 4 && w.ends_with("ly"))
                && !(is_preposition(w) || w == "that")
                && !t.classes.intersects(Classes::all(&[
                    Class::Auxiliary,
                    Class::FiniteAuxiliary,
                    Class::PastVerb,
                    Class::ClauseBoundary,
                    Class::AdverbialSubordinator,
                    Class::QuestionWord,
                    Class::ReportingVerb,
                    Class::Negation,
                    Class::Condition,
                    Class::SubjectAdverb,
                    Class::DeicticDay,
                    Class::TimeReference,
                    Class::DateModifier,
                    Class::Modal,
                    Class::BareSubjectStop,
                ]))
                && !is_regular_past(w)
        };
        if !toks.get(c).is_some_and(noun) {
            return None;
        }
        let mut k = c + 1;
        while k < toks.len() && k - c < BARE_SUBJECT_WORDS {
            let t = &toks[k];
            // (a verb in the present of a plural subject: “said smugglers
            // dig tunnels”; a verb naming its addressee has it first)
            if !toks[v].is(Class::AddresseeVerb) && self.plural_present(toks, c, k) {
                return Some(c);
            }
            if noun(t) || (t.text(text) == "of" && toks.get(k + 1).is_some_and(noun)) {
                k += 1;
            } else {
                break;
            }
        }
        let verb = toks.get(k)?;
        verb.classes.intersects(FINITE_VERB).then_some(c)
    }

    /// “CONTENT, VERB SUBJECT”: reported speech before a comma and an
    /// inverted reporting verb `toks[v]` whose subject follows it (“The
    /// ferry left late, said Tomas Lind.”, “…, said the harbour master”).
    fn inverted_after_content(
        &self,
        s: &Sentence,
        toks: &[crate::text::Token],
        v: usize,
    ) -> Option<Indirect> {
        let text = self.text;
        let comma = toks[..v].last().filter(|t| t.text(text) == ",")?;
        let subject = self.subject_right(toks, v);
        subject.span()?;
        self.content_before_verb(s, comma.span.start, &toks[v], subject)
    }

    /// Whether `t` may stand between the comma that ends reported speech
    /// and the subject after it: a title, a modifier or a role word
    /// (“…, Mayor Ted Terry said”, “…, Sen. Jane Roe said”, “…, retired
    /// general Ann Wexley told …”), a number, or an abbreviation's full
    /// stop; no clause word, verb or negation.
    fn leads_subject(&self, t: &crate::text::Token) -> bool {
        match t.kind {
            // (“and” joins two subjects: “…, teachers and union officials
            // said”)
            TokKind::Word if t.text(self.text) == "and" => true,
            TokKind::Word => !t.classes.intersects(Classes::all(&[
                Class::ClauseBoundary,
                Class::AdverbialSubordinator,
                Class::ReportingVerb,
                Class::FiniteAuxiliary,
                Class::QuestionWord,
                Class::Negation,
                Class::Condition,
            ])),
            TokKind::Number => true,
            _ => t.text(self.text) == ".",
        }
    }

    /// Whether the words after the reporting verb `toks[v]`, up to the
    /// next punctuation mark, let it close the attribution of reported
    /// speech before it: none; adverbs and words of time (“said
    /// Thursday”, “said last week”, “wrote recently”); an adverbial opened
    /// by a preposition of `tail_preposition` that holds a word of time or
    /// a medium of speech (“said in a statement”, “said on Monday”); after
    /// a verb naming its addressee (`addressee_verb`), its object first
    /// (“told reporters”, “told a Senate panel on Wednesday”). Never a
    /// clause word, a verb, “to” or “that” (“…, Smith called for a
    /// recount”, “…, she told them to wait”).
    fn closes_attribution(&self, toks: &[crate::text::Token], v: usize) -> bool {
        let text = self.text;
        let tail_end = toks[v + 1..]
            .iter()
            .position(|t| t.kind == TokKind::Punct)
            .map_or(toks.len(), |k| v + 1 + k);
        let tail = &toks[v + 1..tail_end];
        if tail.is_empty() {
            return true;
        }
        let blocked = |t: &crate::text::Token| {
            let w = t.text(text);
            w == "to"
                || w == "that"
                || self.is_finite_verb(t)
                || t.classes.intersects(Classes::all(&[
                    Class::ClauseBoundary,
                    Class::AdverbialSubordinator,
                    Class::ReportingVerb,
                    Class::ThatVerb,
                    Class::QuestionWord,
                    Class::Condition,
                    Class::Negation,
                ]))
        };
        if tail.len() > TAIL_MAX || tail.iter().any(blocked) {
            return false;
        }
        let time = |t: &crate::text::Token| {
            t.classes.intersects(Classes::all(&[
                Class::Weekday,
                Class::Month,
                Class::DeicticDay,
                Class::TimeReference,
                Class::DayPart,
                Class::DateModifier,
                Class::TimeUnit,
            ]))
        };
        let adverb = |t: &crate::text::Token| {
            let w = t.text(text);
            t.shape.has(Shape::LOWERCASE)
                && ((w.len() > 4 && w.ends_with("ly")) || t.is(Class::SubjectAdverb))
        };
        let rest = &tail[tail.iter().take_while(|t| adverb(t)).count()..];
        match rest.first() {
            None => true,
            Some(first) if time(first) => true,
            Some(first) if first.is(Class::TailPreposition) => {
                rest.iter().any(|t| time(t) || t.is(Class::SpeechMedium))
            }
            Some(_) => toks[v].is(Class::AddresseeVerb),
        }
    }

    /// “CONTENT, SUBJECT VERB [adverbials].” and “A, SUBJECT VERB, B.”:
    /// reported speech before the attribution of the reporting verb
    /// `toks[v]` when no clause follows the verb. The subject (a person,
    /// name or role, after its titles: “…, Mayor Ted Terry said”; a
    /// phrase as written: “…, law enforcement officials say”; or a lone
    /// pronoun, unnamed: “…, they said”) follows a comma; the content runs
    /// from the sentence start to that comma, or, when a comma after the
    /// verb goes on with the clause (“The permit, his campaign said, had
    /// been hard to get.”), over the whole sentence. “CONTENT, VERB
    /// SUBJECT” is [`Ctx::inverted_after_content`].
    fn content_before_attribution(
        &self,
        s: &Sentence,
        toks: &[crate::text::Token],
        v: usize,
    ) -> Option<Indirect> {
        let text = self.text;
        // a finite verb ending its attribution: no participle or
        // infinitive (“…, instead claiming …”, “…, to tell everyone …”)
        let verb = toks[v].text(text);
        if is_ing_form(verb) || v.checked_sub(1).is_some_and(|p| toks[p].text(text) == "to") {
            return None;
        }
        let left = self.subject_left(toks, v, 0);
        if left == Subject::Unknown {
            if let Some(ind) = self.inverted_after_content(s, toks, v) {
                return Some(ind);
            }
        }
        if !self.closes_attribution(toks, v) {
            return None;
        }
        // the attribution hands over to a quotation or a colon (“In a
        // statement, the mayor said, “…””): it introduces that, and what
        // comes before is no report
        let stop = toks[v + 1..].iter().position(|t| t.kind == TokKind::Punct);
        if let Some(k) = stop.map(|k| v + 1 + k) {
            let w = toks[k].text(text);
            let quote_mark = w.chars().next().is_some_and(is_quote_char);
            let hands_over = quote_mark
                || matches!(w, "," | ":")
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.kind != TokKind::Word && n.kind != TokKind::Number);
            if hands_over {
                return None;
            }
        }
        let (subject, phrase, subj_start) = match left {
            Subject::Unknown => {
                let end = self.skip_auxiliaries(&toks[..v], v);
                match self.phrase_subject(toks, v) {
                    Subject::Unknown => {
                        // a lone pronoun: no source to name (“…, they said”)
                        let p = end.checked_sub(1)?;
                        if !toks[p].is(Class::SubjectPronoun) {
                            return None;
                        }
                        (Subject::Unknown, false, toks[p].span.start)
                    }
                    found => (found, true, found.span()?.start),
                }
            }
            found => (found, false, found.span()?.start),
        };
        // over the subject's titles and modifiers to the comma
        let first = toks.partition_point(|t| t.span.start < subj_start);
        let mut j = first;
        while j > 0 && first - j < ATTRIBUTION_LEAD && self.leads_subject(&toks[j - 1]) {
            j -= 1;
        }
        let comma = j.checked_sub(1).filter(|&c| toks[c].text(text) == ",")?;
        let mut cut = toks[comma].span.start;
        // walk back over an apposed role: “the Secretary General …, Jens
        // Stoltenberg,”
        let k = comma;
        if let Some(r) = self.role_ending_at(toks, k) {
            let before_role = text[s.span.start..r.start].trim_end();
            let before_role = before_role
                .strip_suffix("the")
                .or_else(|| before_role.strip_suffix("The"))
                .unwrap_or(before_role)
                .trim_end();
            if let Some(h) = before_role.strip_suffix(',') {
                cut = s.span.start + h.len();
            }
        }
        // A, SUBJECT VERB, B: the clause goes on after a comma after the
        // verb (not a participle or a clause word: “…, she said, adding
        // that …”, “…, he said, but …”)
        let goes_on = toks[v + 1..]
            .iter()
            .position(|t| t.text(text) == ",")
            .and_then(|c| toks.get(v + 2 + c))
            .is_some_and(|n| {
                let w = n.text(text);
                let participle = n.shape.has(Shape::LOWERCASE) && is_ing_form(w);
                let clause_word = n.classes.intersects(Classes::all(&[
                    Class::ClauseBoundary,
                    Class::AdverbialSubordinator,
                    Class::ReportingVerb,
                ]));
                n.kind == TokKind::Word
                    && !participle
                    && !clause_word
                    && !w.eq_ignore_ascii_case("according")
            });
        let end = if goes_on { s.span.end } else { cut };
        let content = trim_span(text, Span::new(s.span.start, end));
        // a sentence opening with an adverbial (a preposition, a
        // participle: “In a statement Thursday, the mayor said …”, “Asked
        // about the plan, …”) reports only a clause after it: a finite verb
        // after its first comma
        let first = toks.partition_point(|t| t.span.start < content.start);
        let opener = toks.get(first).map_or("", |t| t.text(text));
        let lower = opener.to_lowercase();
        let number_next = toks
            .get(first + 1)
            .is_some_and(|t| t.kind == TokKind::Number);
        let adverbial =
            (is_preposition(&lower) && !number_next) || is_ing_form(&lower) || lower == "asked";
        if adverbial {
            let comma = toks[first..]
                .iter()
                .take_while(|t| t.span.start < content.end)
                .position(|t| t.text(text) == ",")?;
            if !toks[first + comma..]
                .iter()
                .take_while(|t| t.span.start < content.end)
                .any(|t| self.is_finite_verb(t))
            {
                return None;
            }
        }
        has_words(content.slice(text), 4).then(|| Indirect {
            content,
            verb: toks[v].span,
            cue: toks[v].text(text).to_string(),
            subject,
            phrase,
        })
    }

    /// The reported speech of “CONTENT, SUBJECT VERB” and “CONTENT, VERB
    /// SUBJECT”: the sentence from its start to `end` (the comma before
    /// the attribution), cued by the reporting verb `verb`, when it has
    /// four words or more.
    fn content_before_verb(
        &self,
        s: &Sentence,
        end: usize,
        verb: &crate::text::Token,
        subject: Subject,
    ) -> Option<Indirect> {
        let text = self.text;
        let content = trim_span(text, Span::new(s.span.start, end));
        has_words(content.slice(text), 4).then(|| Indirect {
            content,
            verb: verb.span,
            cue: verb.text(text).to_string(),
            subject,
            phrase: false,
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
            if let Some(ind) = self.headline_colon(s, toks, &index) {
                out.push(ind);
                continue;
            }
            if let Some(ind) = self.in_evidence(s, toks, &inside, &index) {
                out.push(ind);
                continue;
            }
            if let Some(ind) = self.according_to_indirect(s, &index) {
                out.push(ind);
                continue;
            }
            let mut taken_until = 0usize;
            for (i, t) in toks.iter().enumerate() {
                // pure tests, cheapest-rejecting first: one test of the
                // classes that may start a report, then the remembered range
                // turns away the words inside quotes. No
                // token but a word is a reporting verb: a number token is
                // ASCII digits, `.` and `,` (no letter), a punctuation token
                // is one char (no single char is a verb, see the tests).
                if t.kind != TokKind::Word
                    || t.span.start < taken_until
                    || !t.classes.intersects(TRIGGERS)
                {
                    continue;
                }
                let p = t.span.start;
                if !state.0.contains(&p) {
                    state = inside_around(p);
                }
                if state.1 {
                    continue;
                }
                // a negated report reports nothing (“did not say that …”,
                // “is not predicting she'll win”)
                let negated = || {
                    toks[i.saturating_sub(2)..i]
                        .iter()
                        .any(|p| p.is(Class::Negation))
                };
                let reporting = t.is(Class::ReportingVerb);
                let noun = t.is(Class::SpeechNoun);
                let infinitive = t.is(Class::InfinitiveReport);
                let phrase_end = t.is(Class::ReportPhraseEnd);
                if negated() {
                    continue;
                }
                // “As SOURCE VERB, CLAUSE”: “As The Hill reported, …”
                // (a bit test first: the rule is out of line)
                if let Some(content) = t
                    .is(Class::AsSourceVerb)
                    .then(|| self.as_source_clause(s, toks, i, &inside, &index))
                    .flatten()
                {
                    let (subject, phrase) = self.subject_or_phrase(toks, i);
                    taken_until = content.end;
                    out.push(Indirect {
                        content,
                        verb: t.span,
                        cue: t.text(text).to_string(),
                        subject,
                        phrase,
                    });
                    continue;
                }
                // a reporting phrase and its “that” (`report_phrase.tsv`:
                // “pointed out that”, “made it clear that”)
                if phrase_end {
                    if let Some(ind) = self.phrase_report(s, toks, i, &inside) {
                        taken_until = ind.content.end;
                        out.push(ind);
                    }
                    if !(reporting || t.is(Class::ThatVerb) || noun || infinitive) {
                        continue;
                    }
                }
                // SUBJECT VERB to-INFINITIVE: “the union vowed to keep the
                // port closed”, “the mayor refused to sign the budget”
                if let Some(c) = infinitive.then(|| self.infinitive_after(toks, i)).flatten() {
                    let (subject, phrase) = self.subject_or_phrase(toks, i);
                    // “the debate promised to be close”, “the primary
                    // threatens to knock him out”: a forecast, unless a
                    // person, name or role is the subject (value “person”)
                    if phrase
                        && crate::lexicon::value(t.text(text), Class::InfinitiveReport)
                            == Some("person")
                    {
                        continue;
                    }
                    let content = self.clause_content(s, toks, i, c, toks[c].span.start, &inside);
                    let content = self.before_next_quote(toks, content, &index);
                    if has_words(content.slice(text), 4) && !index.overlaps(content) {
                        taken_until = content.end;
                        out.push(Indirect {
                            content,
                            verb: t.span,
                            cue: t.text(text).to_string(),
                            subject,
                            phrase,
                        });
                    }
                    continue;
                }
                // SUBJECT VERB OBJECT: “the union endorsed Hillary Clinton”
                let object = t.is(Class::ObjectReport);
                let object_report = |out: &mut Vec<Indirect>| {
                    let content = self.object_report(toks, i, &index)?;
                    let (subject, phrase) = self.subject_or_phrase(toks, i);
                    // (“the poll shows a tight race”, not “the mayor showed
                    // a map”: value “phrase”)
                    if !phrase
                        && crate::lexicon::value(t.text(text), Class::ObjectReport)
                            == Some("phrase")
                    {
                        return None;
                    }
                    out.push(Indirect {
                        content,
                        verb: t.span,
                        cue: t.text(text).to_string(),
                        subject,
                        phrase,
                    });
                    Some(content.end)
                };
                // EVIDENCE VERB CLAUSE/OBJECT, CONTENT, EVIDENCE VERB: “the
                // survey found Clinton leading”, “records show he backed”,
                // “…, the reports show”
                let evidence_report = |out: &mut Vec<Indirect>| {
                    let subject = self.evidence_subject(toks, i)?;
                    // (“polls show that majorities favor …”: any clause
                    // after its “that”)
                    let that = toks.get(i + 1).is_some_and(|n| n.text(text) == "that")
                        && toks.get(i + 2).is_some_and(|n| {
                            n.kind == TokKind::Number
                                || n.kind == TokKind::Word && !n.is(Class::Auxiliary)
                        });
                    let clause = if that {
                        Some(i + 2)
                    } else {
                        self.clause_after(toks, i)
                    };
                    let content = match clause {
                        Some(c) => {
                            let content =
                                self.clause_content(s, toks, i, c, toks[c].span.start, &inside);
                            self.before_next_quote(toks, content, &index)
                        }
                        None => match self.object_phrase(toks, i + 1, &index, false, true) {
                            Some(content) => content,
                            None => {
                                let ind = self
                                    .content_before_attribution(s, toks, i)
                                    .filter(|_| !index.overlaps(s.span))?;
                                ind.content
                            }
                        },
                    };
                    if !has_words(content.slice(text), 3) || index.overlaps(content) {
                        return None;
                    }
                    out.push(Indirect {
                        content,
                        verb: t.span,
                        cue: t.text(text).to_string(),
                        subject,
                        phrase: !matches!(subject, Subject::Unknown),
                    });
                    Some(content.end.max(t.span.end))
                };
                // SUBJECT VERB [OBJECT] QUESTION: “Tapper asked whether …”
                let question = t.is(Class::QuestionVerb);
                let question_report = |out: &mut Vec<Indirect>| {
                    let (q, unnamed) = self.question_after(toks, i)?;
                    let content = self.clause_content(s, toks, i, q, toks[q].span.start, &inside);
                    let content = self.before_next_quote(toks, content, &index);
                    if !has_words(content.slice(text), 4) || index.overlaps(content) {
                        return None;
                    }
                    // (the asker of “was asked whether” is not named)
                    let (subject, phrase) = if unnamed {
                        (Subject::Unknown, false)
                    } else {
                        self.subject_or_phrase(toks, i)
                    };
                    out.push(Indirect {
                        content,
                        verb: t.span,
                        cue: t.text(text).to_string(),
                        subject,
                        phrase,
                    });
                    Some(content.end)
                };
                // SUBJECT VERB OBJECT as COMPLEMENT: “the ad portrays her as
                // a job-killer”
                if t.is(Class::AsReport) {
                    if let Some(content) = self
                        .as_report(toks, i)
                        .filter(|c| has_words(c.slice(text), 3) && !index.overlaps(*c))
                    {
                        let (subject, phrase) = self.subject_or_phrase(toks, i);
                        taken_until = content.end;
                        out.push(Indirect {
                            content,
                            verb: t.span,
                            cue: t.text(text).to_string(),
                            subject,
                            phrase,
                        });
                        continue;
                    }
                }
                // OWNER'S NOUN PREPOSITION OBJECT: “Hart's criticism of the
                // ferry contract”, its owner unnamed
                if t.is(Class::ObjectNoun) {
                    if let Some(content) = self.noun_object(toks, i, &index) {
                        taken_until = content.end;
                        out.push(Indirect {
                            content,
                            verb: t.span,
                            cue: t.text(text).to_string(),
                            subject: Subject::Unknown,
                            phrase: false,
                        });
                        continue;
                    }
                }
                if !(reporting || t.is(Class::ThatVerb) || noun) {
                    // (“a poll showing Ruiz ahead”)
                    if let Some(end) = evidence_report(&mut out) {
                        taken_until = end;
                        continue;
                    }
                    if question {
                        if let Some(end) = question_report(&mut out) {
                            taken_until = end;
                            continue;
                        }
                    }
                    if object {
                        if let Some(end) = object_report(&mut out) {
                            taken_until = end;
                        }
                    }
                    continue;
                }
                let that = if noun && !reporting {
                    // “amid complaints that the count was rigged”: a noun's
                    // clause, its source unnamed
                    if !self.finite_that_clause(toks, i + 1) {
                        continue;
                    }
                    // (to its first comma: the noun stands in a clause of
                    // the sentence, whose verb may report it: “Trump's
                    // accusation that …, Biden said”)
                    let content =
                        self.clause_content(s, toks, i, i + 2, toks[i + 1].span.end, &inside);
                    let end = toks[i + 2..]
                        .iter()
                        .find(|u| u.text(text) == "," && !inside(u.span.start))
                        .map_or(content.end, |u| u.span.start.min(content.end));
                    let content = trim_span(text, Span::new(content.start, end));
                    if has_words(content.slice(text), 3) {
                        out.push(Indirect {
                            content,
                            verb: t.span,
                            cue: t.text(text).to_string(),
                            subject: Subject::Unknown,
                            phrase: false,
                        });
                    }
                    continue;
                } else if reporting {
                    // the “that” right after the verb, or after an adverbial
                    if toks.get(i + 1).map(|n| n.text(text)) == Some("that") {
                        Some(i + 1)
                    } else {
                        self.that_after_adverbial(toks, i)
                            .or_else(|| self.that_after_interruption(toks, i))
                    }
                } else if !self.reports_as_verb(s, toks, i) {
                    continue;
                } else if self.finite_that_clause(toks, i + 1) {
                    // “the poll found that …”, “the lawsuit alleges that
                    // …”: verbs that report only with their “that”
                    Some(i + 1)
                } else {
                    // with a subject of `evidence_noun`, a clause or object
                    // after them, or content before them
                    if let Some(end) = evidence_report(&mut out) {
                        taken_until = end;
                    // or with a clause right after them whose verb is a
                    // finite auxiliary or an irregular past: “the poll
                    // shows Cruz has fallen to third”
                    } else if let Some(c) = self.clause_after_that_verb(toks, i) {
                        let (subject, phrase) = self.subject_or_phrase(toks, i);
                        let content =
                            self.clause_content(s, toks, i, c, toks[c].span.start, &inside);
                        let content = self.before_next_quote(toks, content, &index);
                        if has_words(content.slice(text), 3) && !index.overlaps(content) {
                            taken_until = content.end;
                            out.push(Indirect {
                                content,
                                verb: t.span,
                                cue: t.text(text).to_string(),
                                subject,
                                phrase,
                            });
                        }
                    } else if object {
                        // or with a noun phrase: “the poll shows a tight race”
                        if let Some(end) = object_report(&mut out) {
                            taken_until = end;
                        }
                    }
                    continue;
                };
                if let Some(that) = that {
                    // SUBJECT VERB that CONTENT
                    let (mut subject, mut phrase) = self.subject_or_phrase(toks, i);
                    // (“records suggesting that …”: the records)
                    if subject == Subject::Unknown {
                        if let Some(e) = self.evidence_subject(toks, i) {
                            (subject, phrase) = (e, true);
                        }
                    }
                    // (a word of stance names no phrase as its subject: “his
                    // donors remain confident that”, `that_verb.tsv`)
                    if phrase
                        && !reporting
                        && crate::lexicon::value(t.text(text), Class::ThatVerb) == Some("stance")
                    {
                        (subject, phrase) = (Subject::Unknown, false);
                    }
                    let content =
                        self.clause_content(s, toks, i, that + 1, toks[that].span.end, &inside);
                    if has_words(content.slice(text), 3) {
                        taken_until = content.end;
                        out.push(Indirect {
                            content,
                            verb: t.span,
                            cue: t.text(text).to_string(),
                            subject,
                            phrase,
                        });
                    }
                } else if let Some(c) = self.relative_report(toks, i) {
                    // RELATIVE SUBJECT VERB CLAUSE-WITHOUT-ITS-SUBJECT:
                    // “a rule which critics said was unfair”
                    let (subject, phrase) = self.subject_or_phrase(toks, i);
                    let content = self.clause_content(s, toks, i, c, toks[c].span.start, &inside);
                    if has_words(content.slice(text), 3) && !index.overlaps(content) {
                        taken_until = content.end;
                        out.push(Indirect {
                            content,
                            verb: t.span,
                            cue: t.text(text).to_string(),
                            subject,
                            phrase,
                        });
                    }
                } else if let Some(c) = self.clause_after(toks, i) {
                    // SUBJECT VERB [object or adverbial] CLAUSE, no “that”:
                    // “Hart said the budget would be balanced”
                    let (subject, phrase) = self.subject_or_phrase(toks, i);
                    let content = self.clause_content(s, toks, i, c, toks[c].span.start, &inside);
                    let content = self.before_next_quote(toks, content, &index);
                    if has_words(content.slice(text), 3) && !index.overlaps(content) {
                        taken_until = content.end;
                        out.push(Indirect {
                            content,
                            verb: t.span,
                            cue: t.text(text).to_string(),
                            subject,
                            phrase,
                        });
                    }
                } else if let Some(ind) = self
                    .content_before_attribution(s, toks, i)
                    .filter(|_| !index.overlaps(s.span))
                {
                    // CONTENT, SUBJECT VERB [adverbials]. / A, SUBJECT VERB, B.
                    // (in a sentence with no quotation: “The plan will fail,
                    // Hart said, adding, “…”” stays the quote's alone, so
                    // that two copies compare the quote, not the sentence)
                    taken_until = s.span.end;
                    out.push(ind);
                } else if let Some(end) = question.then(|| question_report(&mut out)).flatten() {
                    // a reporting verb of asking and its question
                    taken_until = end;
                } else if object {
                    // a reporting verb with a noun phrase and no clause:
                    // “Trump announced the partnership with …”
                    if let Some(end) = object_report(&mut out) {
                        taken_until = end;
                    }
                } else if let Some(end) = evidence_report(&mut out) {
                    // “the returns suggest a broader shift”
                    taken_until = end;
                }
            }
        }
        out
    }
}

/// `content` without a dateline it opens with (“SANTIAGO, Nov 20 (Wire) -
/// ”, “WASHINGTON (Wire) — ”, “TALCA, Chile — ”): a city in capitals, or
/// capitalised words before an agency in brackets, then a dash. Reported
/// speech that runs from its sentence's start would carry the dateline.
///
pub(super) fn without_dateline(text: &str, content: Span) -> Span {
    /// Bytes from the article's start where a dateline may stand.
    const DATELINE_REACH: usize = 400;
    static DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r#"^(?:[A-Z]{3,}[A-Z'.-]*(?:,? [A-Z0-9][\w.'-]*)*(?: \([A-Za-z .]{2,30}\))?|[A-Z][\w.'-]*(?:,? [A-Z0-9][\w.'-]*)* \([A-Za-z .]{2,30}\)) ?[-–—]{1,2} +[A-Z“"]"#,
        )
        .expect("the dateline pattern parses")
    });
    // (a dateline opens the article, its title aside, and ends with a dash
    // within its first 80 bytes: most contents skip the pattern)
    if content.start > DATELINE_REACH {
        return content;
    }
    let head = content.slice(text).as_bytes();
    let head = &head[..head.len().min(80)];
    let dash = head.contains(&b'-')
        || head
            .windows(3)
            .any(|w| w == "–".as_bytes() || w == "—".as_bytes());
    if !dash || !head.first().is_some_and(u8::is_ascii_uppercase) {
        return content;
    }
    match DATELINE.find(content.slice(text)) {
        // (the match ends on the first letter of the words after it)
        Some(m) => {
            let first =
                content.start + m.end() - m.as_str().chars().last().map_or(0, char::len_utf8);
            Span::new(first, content.end)
        }
        None => content,
    }
}

/// True when the words between a clause subject's first word and its verb
/// (`between`) hold no punctuation mark and no pronoun that would open a
/// subject of its own (“said the mayor, he …”, “said they …”).
fn subject_unbroken(between: &[crate::text::Token]) -> bool {
    !between.iter().any(|t| {
        t.kind == TokKind::Punct || t.is(Class::NominativePronoun) || t.is(Class::SubjectPronoun)
    })
}

#[cfg(test)]
mod tests {
    use crate::lexicon::{self, Class};

    /// The reporting-phrase rule looks for a phrase only at a word of
    /// `report_phrase_end`: every phrase's last word must be one.
    #[test]
    fn every_report_phrase_ends_in_a_phrase_end_word() {
        for e in lexicon::entries(Class::ReportPhrase) {
            let last = e.word.rsplit(' ').next().unwrap_or_default();
            assert!(e.word.contains(' '), "{:?} is one word", e.word);
            assert!(
                lexicon::classes(last).has(Class::ReportPhraseEnd),
                "{last:?} (of {:?}) is not in report_phrase_end.tsv",
                e.word
            );
        }
    }
}
