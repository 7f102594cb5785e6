//! Attribution of one marked quote: the cue and speaker after it, before
//! it, “according to”, the continuation of an interrupted quote; and its
//! kind (direct, partial, scare quote).

use super::subject::{is_preposition, Subject, QUOTE_CUES, ROLE_WORDS, TITLE_WORDS};
use super::{
    has_quote_cue, has_words, is_modifier_slot, is_title_slot, last_word, last_words, Ctx, Marks,
    Said, Speaker, ACCORDING_TO,
};
use crate::lexicon::{Class, Classes};
use crate::model::{Attribution, EntityKind, Quote, QuoteKind, Span};
use crate::text::{Shape, TokKind, Token};

/// The most words of a phrase after “according to” that names no entity
/// and leads to a quote (“According to a letter from the board, “…””).
const ACCORDING_QUOTE_WORDS: usize = 8;
/// The fewest words of a headline in capitals before a quote
/// (`headline_before`).
const HEADLINE_WORDS: usize = 3;

/// True when a word of `name` goes on in lowercase after a hyphen
/// (“Two-season”, “Anti-war”): an adjective, no name (“Seitz-Wald” is).
fn hyphen_lowercase(name: &str) -> bool {
    name.split('-')
        .skip(1)
        .any(|part| part.starts_with(|c: char| c.is_lowercase()))
}

/// Tokens between a closing mark and its verb (“…,” Hugh Hill, a doctor
/// at the clinic in the north of the city, said).
const MAX_AFTER: usize = 32;
/// Tokens of the quoted sentence's own words between a closing mark and a
/// comma before the attribution (“…” and donations rose again last week,
/// Gilbert said).
const MAX_TAIL: usize = 24;
/// Tokens between a quote-only cue (“read”, “snapped”) and the opening
/// mark it introduces (“…, the sign read: “…”).
const QUOTE_VERB_REACH: usize = 5;

impl<'a> Ctx<'a> {
    /// Attributes one marked quote.
    pub(super) fn attribute(
        &self,
        m: &Marks,
        all: &[Marks],
        prev: Option<(usize, &Quote)>,
        speakers: &Said,
    ) -> (Quote, Option<usize>, Option<Speaker>) {
        let text = self.text;
        let open_sent = self.sentences[self.sentence_of(m.open)];
        // marks are sorted and never overlap: binary searches
        let next_open = all
            .get(all.partition_point(|x| x.open < m.close_end))
            .map(|x| x.open);
        let prev_close = all
            .partition_point(|x| x.close_end <= m.open)
            .checked_sub(1)
            .map(|k| all[k].close_end);

        let before_start = prev_close.map_or(open_sent.span.start, |c| c.max(open_sent.span.start));
        let before = Span::new(before_start.min(m.open), m.open);
        let before_text = before.slice(text).trim_end();
        let colon = before_text.ends_with(':');
        // 1. after the quote, when the quote hands over to its attribution
        // (“…,” / “…?” / “…!” / “…”, / “…” —); else only after the
        // introduction before it has been tried (“Blinken said: “…” NATO
        // agreed” is Blinken's)
        let hands_over = self.hands_over(m);
        let mut found = if hands_over {
            self.after_quote(m, next_open, speakers)
        } else {
            None
        };
        let mut via_after = found.is_some();
        // 2. before the quote, same sentence: an inscription first (“held
        // up a sign saying “…””: the sign's words, not the holder's)
        if found.is_none() {
            found = self.inscription_before(m, before_start, before_text);
        }
        if found.is_none() {
            found = self.before_quote(m, before_start, colon, speakers);
        }
        if found.is_none() && !hands_over {
            found = self.after_quote(m, next_open, speakers);
            via_after = found.is_some();
        } else if !hands_over
            && found.as_ref().is_some_and(|(_, cue)| {
                let c = crate::lexicon::classes(cue);
                c.has(Class::QuoteVerb) && !c.has(Class::ReportingVerb)
            })
        {
            // a quote-only verb before the quote (“would do well to begin
            // “building bridges” to Sanders, said David Axelrod”) gives way
            // to a reporting verb after it
            if let Some(after) = self.after_quote(m, next_open, speakers) {
                found = Some(after);
                via_after = true;
            }
        }
        // 2b. a newsletter's headline in capitals right before the quote
        // (“HOW THE TOLL DOUBLED “…” [Harbour Times.]”): the headline, as
        // written, introducing a direct quote of four words or more (a
        // shorter one inside a headline is the headline's own words:
        // “COUNCIL CALLS TOLL PLAN “A DISGRACE””)
        let mut headline_lead = false;
        if found.is_none() && before_start == open_sent.span.start {
            found = self
                .headline_before(before, before_text)
                .filter(|_| has_words(m.content.slice(text), 4));
            headline_lead = found.is_some();
        }
        // 3. according to X
        let mut according_lead = false;
        if found.is_none() {
            found = self.according_to(open_sent.span, m);
            // a phrase leading to the quote (“According to the newspaper,
            // “…””, “According to Sen. Jane Roe, “…””) introduces it as
            // “said,” does: a direct quote
            // Only a phrase opening its sentence (after at most a
            // conjunction) leads: in “The cuts, according to Mayor Roe,
            // “will …”” the quote finishes the writer's sentence (partial).
            let opens = || {
                let Some(cue) = self.according_to_cue(open_sent.span) else {
                    return false;
                };
                let lead = text
                    .get(open_sent.span.start..cue.start)
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches(',');
                lead.is_empty()
                    || ["but", "and", "yet", "so"]
                        .iter()
                        .any(|c| lead.eq_ignore_ascii_case(c))
            };
            according_lead = found.as_ref().is_some_and(|(sp, _)| {
                (sp.how == Attribution::Phrase
                    || text
                        .get(sp.span.end..m.open)
                        .is_some_and(|g| matches!(g.trim(), "," | ":")))
                    && opens()
            });
        }
        // 3b. a quote opening its sentence right after a sentence that
        // ends with a colon (“Cruz continued:¶“…”): that introduction
        if found.is_none() {
            found = self.colon_before_sentence(m, open_sent.span, speakers);
        }
        // 3c. a quote opening its paragraph, then a dash and the name
        // (“…”¶— Jane Roe, on Monday)
        if found.is_none() {
            found = self.dash_byline(m);
        }
        // 4. continuation of the previous quote in the same sentence
        let mut cont = None;
        if let Some((pk, pq)) = prev {
            // pure tests, cheapest first: the reporting-verb search of the
            // text between the quotes runs only when its answer counts
            let same_sentence = || {
                self.sentence_of(pq.span.start) == self.sentence_of(m.open)
                    || prev_close.is_some_and(|c| {
                        self.sentence_of(c.saturating_sub(1)) == self.sentence_of(m.open)
                    })
            };
            if pq.speaker.is_some() && same_sentence() {
                let between =
                    Span::new(prev_close.unwrap_or(m.open).min(m.open), m.open).slice(text);
                let interrupted =
                    between.trim_end().ends_with([',', ':', '–', '—']) && has_quote_cue(between);
                if interrupted || found.is_none() {
                    if found.is_none() {
                        // the speaker of the previous piece, as found for it
                        // (a phrase speaker is not among the speakers a
                        // pronoun may stand for: read from the piece)
                        found = if pq.attribution == Attribution::Phrase {
                            pq.speaker_span.map(|span| {
                                let sp = Speaker::phrase(span);
                                (sp, pq.cue.clone().unwrap_or_default())
                            })
                        } else {
                            speakers
                                .iter()
                                .rev()
                                .find(|(p, _)| *p <= pq.span.start)
                                .map(|&(_, sp)| (sp, pq.cue.clone().unwrap_or_default()))
                        };
                    }
                    if interrupted {
                        cont = Some(pk);
                    }
                }
            }
        }

        // 5. a fragment inside a sentence with no cue for it (“Dana
        // Whitcombe worried that the benefit was becoming “a trap that
        // keeps families poor.””): the subject of the sentence, when it
        // opens a clause before the quote; only for a fragment long
        // enough to be no scare quote, so its kind does not change
        if found.is_none() && has_words(m.content.slice(text), 4) {
            found = self.clause_subject(m, before_start, speakers);
        }
        // kind
        let win_end = next_open.unwrap_or(usize::MAX);
        let modifier_slot = || {
            let after_end = self.sentences[self.sentence_of(m.close_end.saturating_sub(1))]
                .span
                .end
                .min(win_end)
                .max(m.close_end);
            is_modifier_slot(last_word(before_text), &text[m.close_end..after_end])
        };
        // a title in title case after a possessive or “on” (“on NBC’s
        // “Meet the Press.””, “appeared on “Fox News Sunday””): a show, a
        // book, a slogan, no speech, whatever cue the sentence has
        let title_slot = || is_title_slot(last_word(before_text), m.content.slice(text));
        // a scare quote has at most three words; the (pure) tests run
        // cheapest first, the word count last, for the quotes that pass the
        // other tests
        // “…,” he said. “Nobody is moving.”: a short quote in double marks
        // that is a whole sentence of its own (a capital, two words or
        // more, its own full stop, nothing else in the sentence), after
        // another sentence of its paragraph (a paragraph of one such quote
        // is a subheading), is speech
        let whole_sentence = || {
            let words = m.content.slice(text);
            let si = self.sentence_of(m.open);
            let follows = si > 0 && self.sentences[si - 1].paragraph == open_sent.paragraph;
            let close_sent = self.sentences[self.sentence_of(m.close_end.saturating_sub(1))];
            let outside = |a: usize, b: usize| {
                text.get(a.min(b)..b).is_some_and(|g| {
                    !g.chars()
                        .any(|c| !super::is_quote_char(c) && c.is_alphanumeric())
                })
            };
            !m.single
                && follows
                && words.ends_with('.')
                && words.chars().next().is_some_and(char::is_uppercase)
                && has_words(words, 2)
                && outside(open_sent.span.start, m.open)
                && outside(m.close_end, close_sent.span.end)
        };
        let kind =
            if (found.is_none() || (m.single && !via_after) || modifier_slot() || title_slot())
                && !has_words(m.content.slice(text), 4)
                && !whole_sentence()
            {
                QuoteKind::ScareQuote
            } else if cont.is_some() {
                prev.map_or(QuoteKind::Direct, |(_, q)| q.kind)
            } else {
                let opens_sentence = || {
                    Span::new(open_sent.span.start, m.open)
                        .slice(text)
                        .chars()
                        .all(|c| !c.is_alphanumeric())
                };
                let after_said =
                    || before_text.ends_with(',') && has_quote_cue(last_words(before_text, 4));
                if colon || opens_sentence() || after_said() || according_lead || headline_lead {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Partial
                }
            };
        if kind == QuoteKind::ScareQuote {
            found = None;
        }
        let (sp, cue) = match found {
            // (a headline is no cue word)
            Some((s, _)) if headline_lead => (Some(s), None),
            Some((s, c)) => (Some(s), Some(c)),
            None => (None, None),
        };
        (self.quote(m.content, kind, sp, cue), cont, sp)
    }

    /// True when the quote ends the way a quote handed over to its
    /// attribution does: a comma, “?”, “!”, a dash or an ellipsis before
    /// the closing mark, or a comma or dash right after it.
    fn hands_over(&self, m: &Marks) -> bool {
        let inside = self
            .text
            .get(m.content.start..m.close_end)
            .map(|s| s.trim_end_matches(['”', '"', '’', '\'', '»', '“', ' ']))
            .unwrap_or("");
        let after = self.text.get(m.close_end..).unwrap_or("").trim_start();
        inside.ends_with([',', '?', '!', '—', '–', '-', '…']) || after.starts_with([',', '—', '–'])
    }

    /// The tokens of sentence `si` that start in `from..to`.
    fn tokens_in(&self, si: usize, from: usize, to: usize) -> &'a [Token] {
        let toks = self.sentence_toks(si);
        let lo = toks.partition_point(|t| t.span.start < from);
        let hi = toks.partition_point(|t| t.span.start < to).max(lo);
        &toks[lo..hi]
    }

    /// Attribution right after the closing mark: “…,” VERB SPEAKER or
    /// “…,” SPEAKER … VERB. When the sentence ends with the quote (“…?”
    /// Smith asked: the splitter cuts after the question mark), the next
    /// sentence of the paragraph is read instead, if it starts with the
    /// attribution.
    fn after_quote(
        &self,
        m: &Marks,
        next_open: Option<usize>,
        speakers: &Said,
    ) -> Option<(Speaker, String)> {
        let limit = next_open.unwrap_or(usize::MAX);
        let si = self.sentence_of(m.close_end.saturating_sub(1));
        let mut win = self.tokens_in(si, m.close_end, limit);
        let mut k = 0;
        while k < win.len() && matches!(self.word(&win[k]), "," | "–" | "—" | "-" | "?" | "!" | "…")
        {
            k += 1;
        }
        if k == win.len() {
            // the quote ends its sentence with its own “?”, “!” or “.”
            // inside the marks (“…?” Smith asked: the splitter cut there):
            // the next sentence, in the same paragraph, right after it
            let ends = m.content.slice(self.text).trim_end();
            let asks = ends.ends_with(['?', '!']);
            // (or an ellipsis: “…” Smith said, the splitter cut there too)
            if !asks && !ends.ends_with(['.', '…']) {
                return None;
            }
            let next = self.sentences.get(si + 1)?;
            let gap = self.text.get(m.close_end..next.span.start)?;
            if next.paragraph != self.sentences[si].paragraph
                || !gap.chars().all(|c| c.is_whitespace() || c == '.')
                || next.span.start >= limit
            {
                return None;
            }
            win = self.tokens_in(si + 1, next.span.start, limit);
            k = 0;
            // after a full stop, only a short attribution (“Trump said.”)
            if !asks && (win.len() > 10 || win.iter().any(|t| self.word(t) == "that")) {
                return None;
            }
        }
        let first = win.get(k)?;
        if first.kind == TokKind::Punct {
            return None;
        }
        // “…,” promising the club will return: a participle right after
        // the quote has the quote's speaker for its subject, and what
        // follows it is its object
        if self.is_cue_after(win, k)
            && first.shape.has(Shape::LOWERCASE)
            && super::subject::is_ing_form(self.word(first))
        {
            return None;
        }
        // “…,” said Blinken
        if self.is_cue_after(win, k) {
            let subject = self.subject_right(win, k);
            // “…,” wrote one commenter: a phrase naming no person, name
            // or role, as written
            let sp = match subject {
                Subject::Unknown if self.hands_over(m) => self.phrase_speaker_after(win, k)?,
                Subject::Unknown => return None,
                _ => self.speaker_or_role_phrase(subject, speakers, true)?,
            };
            return Some((sp, self.word(first).to_string()));
        }
        // “…,” Blinken (the NATO chief, 63) has said
        let v = (k..win.len().min(k + MAX_AFTER))
            .take_while(|&i| {
                let t = &win[i];
                !matches!(
                    self.word(t),
                    "“" | "”" | "\"" | "''" | ";" | ":" | "!" | "?"
                ) && (self.word(t) != "."
                    || self.is_initial_stop(win, i)
                    || self.is_inner_stop(win, i))
            })
            // (after an article, a determiner or a possessive the word
            // is a noun: “…,” a note on the door says)
            .find(|&i| {
                self.is_cue_after(win, i)
                    && !(i > k && {
                        let b = &win[i - 1];
                        b.shape.has(Shape::POSSESSIVE)
                            || (b.is(Class::Determiner) && self.word(b) != "that")
                    })
            })?;
        let cue = self.word(&win[v]).to_string();
        let subject = self.subject_left(win, v, k);
        // “…,” one user wrote: a subject phrase in lowercase right after
        // the mark, naming no person, name or role, is the speaker as
        // written (no person: never compared as one, never a pronoun's
        // antecedent)
        if subject == Subject::Unknown {
            if let Subject::Name(span) = self.phrase_subject(win, v) {
                if span.start == first.span.start && first.shape.has(Shape::LOWERCASE) {
                    return Some((Speaker::phrase(span), cue));
                }
            }
            // “…,” the note says: an article or determiner and a cue word
            // used as a noun, right after the mark, then the cue
            if v == k + 2
                && first.shape.has(Shape::LOWERCASE)
                && first.is(Class::Determiner)
                && win[k + 1].kind == TokKind::Word
                && win[k + 1].shape.has(Shape::LOWERCASE)
                && (win[k + 1].is(Class::ReportingVerb) || win[k + 1].is(Class::QuoteVerb))
            {
                let span = Span::new(first.span.start, win[k + 1].span.end);
                return Some((Speaker::phrase(span), cue));
            }
            // “…,” the 29-year-old said: a number glued into a compound
            if let Some(sp) = self.glued_phrase(win, k, v) {
                return Some((sp, cue));
            }
            // “…,” an intelligence source, who was not authorized to
            // speak, said: a longer phrase, right after the mark
            if let Some((start, sp)) = self.subject_phrase(win, k, v, speakers, true) {
                if start == k {
                    return Some((sp, cue));
                }
            }
        }
        if let Some(start) = subject.span().map(|s| s.start) {
            // only titles and names between the mark and the subject
            // (“Texas Sen. Ted Cruz said”), not “a source close to Smith
            // said”; or the last words of the quoted sentence, then a comma
            // (“…'' income, he said”)
            let gap: Vec<&Token> = win[k..v]
                .iter()
                .take_while(|t| t.span.start < start)
                .collect();
            // (a middle initial's full stop is part of the name: “Peter K.
            // Lanning said”, where the entity pass may take only the surname)
            let titles_only = gap
                .iter()
                .enumerate()
                .all(|(j, t)| self.is_title_token(t) || self.is_initial_stop(win, k + j));
            // (the titles right before the name aside: “…, Mr. Turry said”)
            let comma = gap.iter().rposition(|t| !self.is_title_token(t));
            let tail_then_comma = gap.len() <= MAX_TAIL
                && comma.is_some_and(|c| self.word(gap[c]) == ",")
                && !(k..k + gap.len()).any(|i| self.is_cue_after(win, i));
            if titles_only || tail_then_comma {
                let sp = self.speaker_or_role_phrase(subject, speakers, false)?;
                return Some((sp, cue));
            }
            if let Some(sp) = self.coordinated_role(win, k, &gap, subject, speakers) {
                return Some((sp, cue));
            }
        }
        // the last words of the quoted sentence, then a comma and an
        // inverted attribution (“…'' since most cases were close, said Lee
        // Epstein”): the cue is the first after the quote, so the words
        // between hold none
        if v > k + 1 && v - k <= MAX_TAIL && self.word(&win[v - 1]) == "," {
            let subject = self.subject_right(win, v);
            if subject.span().is_some() {
                let sp = self.speaker_or_role_phrase(subject, speakers, true)?;
                return Some((sp, cue));
            }
        }
        None
    }

    /// The speaker `subject` names ([`Ctx::resolve_subject`]); for a role
    /// no person of the article holds, opened by a lowercase article,
    /// determiner or number word at most four words before it (“…,” a
    /// spokesman said; “…,” a Clinton campaign spokesman said), the role
    /// phrase as written from that word ([`Attribution::Phrase`]: no
    /// person, never compared as one, never a pronoun's antecedent). A
    /// role after its cue (`inverted`: “…,” said a spokesman for the
    /// port) must end its clause or go on with a preposition or “who”:
    /// “said the candidate could win” is reported speech, not the speaker.
    pub(super) fn speaker_or_role_phrase(
        &self,
        subject: Subject,
        speakers: &Said,
        inverted: bool,
    ) -> Option<Speaker> {
        let sp = self.resolve_subject(subject, speakers);
        if sp.is_some() {
            return sp;
        }
        let Subject::Role(role) = subject else {
            return None;
        };
        let toks = self.sentence_toks(self.sentence_of(role.start));
        let k = toks.partition_point(|t| t.span.start < role.start);
        if inverted {
            let after = toks[k..].iter().find(|t| t.span.start >= role.end);
            // (or a relative clause about the person: “said a senior
            // official who was not authorized to speak”)
            let ends = after.is_none_or(|t| {
                t.kind == TokKind::Punct
                    || super::subject::is_preposition(self.word(t))
                    || self.word(t) == "who"
            });
            if !ends {
                return None;
            }
        }
        // (capitalised only where it opens the sentence: “A harbour
        // adviser, who …, said”)
        let first = toks.first().map(|t| t.span.start);
        let opener = toks[k.saturating_sub(4)..k]
            .iter()
            .rev()
            .take_while(|t| t.kind == TokKind::Word)
            .find(|t| {
                (t.shape.has(Shape::LOWERCASE) || Some(t.span.start) == first)
                    && (t.is(Class::Article) || t.is(Class::Determiner) || t.is(Class::NumberWord))
            })?;
        let span = Span::new(opener.span.start, role.end);
        Some(Speaker::phrase(span))
    }

    /// True when `toks[i]` is a cue (a reporting or quote verb) and not
    /// the first word of a capitalised title (“Fire Chief Dan Roark”).
    fn is_cue_after(&self, toks: &[Token], i: usize) -> bool {
        let t = &toks[i];
        t.classes.intersects(QUOTE_CUES)
            && !(t.shape.has(Shape::CAPITALISED)
                && toks.get(i + 1).is_some_and(|n| {
                    n.shape.has(Shape::CAPITALISED) && n.classes.intersects(TITLE_WORDS)
                }))
    }

    /// True when the cue word `toks[i]` is capitalised right after a
    /// capitalised word, in a clause written in lowercase before it (a
    /// word of four letters or more): the last word of a name (“told The
    /// Harbour Post: “…””), not a verb; a headline in capitals throughout
    /// (“Mayor Says: ‘…’”) keeps it.
    fn cue_in_name(&self, toks: &[Token], i: usize) -> bool {
        let name_word = |t: &Token| t.kind == TokKind::Word && t.shape.has(Shape::CAPITALISED);
        i > 0
            && name_word(&toks[i])
            && name_word(&toks[i - 1])
            && toks[..i - 1].iter().any(|t| {
                t.kind == TokKind::Word
                    && t.shape.has(Shape::LOWERCASE)
                    && t.span.len() >= 4
                    && !self.inside_marks(t.span.start)
            })
    }

    /// True for a full stop in `toks[i]` that a comma or a closing
    /// parenthesis follows: an abbreviation inside an apposition (“…,” Jo
    /// Marsh, of Cambridge, Mass., said; “…,” Rep. Jo Marsh (D-Ore.)
    /// said), not the end of a sentence.
    fn is_inner_stop(&self, toks: &[Token], i: usize) -> bool {
        i > 0
            && toks[i - 1].kind == TokKind::Word
            && toks[i - 1].span.end == toks[i].span.start
            && toks
                .get(i + 1)
                .is_some_and(|n| matches!(self.word(n), "," | ")"))
    }

    /// True for the full stop of an initial (“M.”) in `toks[i]`.
    fn is_initial_stop(&self, toks: &[Token], i: usize) -> bool {
        i > 0
            && toks[i - 1].kind == TokKind::Word
            && toks[i - 1].span.len() == 1
            && toks[i - 1].span.end == toks[i].span.start
    }

    /// A word that may stand before a name in a subject (“Texas Sen.”,
    /// “Senate minority leader”, “the campaign's chairman”): any word but
    /// a preposition or relative word, which would make the name the
    /// object of another subject (“a source close to Smith said”).
    pub(super) fn is_title_token(&self, t: &Token) -> bool {
        t.kind == TokKind::Word
            && (t.shape.has(Shape::CAPITALISED)
                || t.shape.has(Shape::POSSESSIVE)
                || self
                    .analysis
                    .classes_without_possessive(t)
                    .intersects(ROLE_WORDS)
                || !t.is(Class::SpeakerBarrier))
    }

    /// Attribution before the opening mark, within its sentence (from
    /// `from`, the end of an earlier quote of the sentence): the nearest
    /// cue whose subject is found, a participle's clause subject, or a
    /// colon introduction.
    fn before_quote(
        &self,
        m: &Marks,
        from: usize,
        colon: bool,
        speakers: &Said,
    ) -> Option<(Speaker, String)> {
        self.before_in(self.sentence_of(m.open), from, m.open, colon, speakers)
    }

    /// The subject of the clause a quote stands in (from `from`, the
    /// sentence start or the end of an earlier quote): a person, a name
    /// or a pronoun followed by its verb, before the opening mark; the cue
    /// is that verb.
    fn clause_subject(&self, m: &Marks, from: usize, speakers: &Said) -> Option<(Speaker, String)> {
        let si = self.sentence_of(m.open);
        let toks = self.sentence_toks(si);
        let floor = toks.partition_point(|t| t.span.start < from);
        let hi = toks.partition_point(|t| t.span.start < m.open).max(floor);
        let subject = self.first_subject(&toks[..hi], floor, hi);
        // a single capitalised word opening the sentence (or what follows
        // a headline's colon: “Flood: Son had begged “…””) may be any noun:
        // a name only when a person of the article bears it
        if let Subject::Name(span) = subject {
            let k = toks.partition_point(|t| t.span.start < span.start);
            let opens = k == 0 || matches!(self.word(&toks[k - 1]), ":" | "—" | "–");
            if opens && !span.slice(self.text).contains(' ') && self.person_named(span).is_none() {
                return None;
            }
        }
        let sp = self.resolve_subject(subject, speakers)?;
        // the cue is the subject's verb, the word after it: a lowercase
        // word or punctuation (an apposition), not a capitalised word or a
        // number glued to the name (a page's debris, a headline)
        let end = subject.span()?.end;
        let verb = toks[..hi].iter().find(|t| t.span.start >= end)?;
        if verb.kind != TokKind::Punct && !verb.shape.has(Shape::LOWERCASE) {
            return None;
        }
        Some((sp, self.word(verb).to_string()))
    }

    /// The subject phrase of the cue `toks[v]` as a speaker
    /// ([`Attribution::Phrase`]), when it starts at or after `floor` in
    /// lowercase, or opens the sentence with an article, a determiner, a
    /// number word or a `phrase_opener` (“One reader wrote”, “Another
    /// commenter wrote”).
    fn phrase_speaker_before(&self, toks: &[Token], floor: usize, v: usize) -> Option<Speaker> {
        let Subject::Name(span) = self.phrase_subject(toks, v) else {
            return None;
        };
        let k = toks.partition_point(|t| t.span.start < span.start);
        let f = toks.get(k)?;
        let opens = toks[..k].iter().all(|t| t.kind == TokKind::Punct)
            && (f.is(Class::Article)
                || f.is(Class::Determiner)
                || f.is(Class::NumberWord)
                || f.is(Class::PhraseOpener));
        (k >= floor && (f.shape.has(Shape::LOWERCASE) || opens)).then_some(Speaker::phrase(span))
    }

    /// A numbered part of a text as the subject of the cue `toks[v]`
    /// (“Article 12 affirms”, “Section 4 reads”, “Isaiah 45:1 reads”): a
    /// capitalised word that names no person and a number starting with
    /// a digit (or a chapter and verse), right before the cue, opening the clause (at `floor` or
    /// after a punctuation mark); the phrase as written
    /// ([`Attribution::Phrase`]).
    fn numbered_part_before(&self, toks: &[Token], floor: usize, v: usize) -> Option<Speaker> {
        let digits = |t: &Token| self.word(t).starts_with(|c: char| c.is_ascii_digit());
        // a chapter and verse, “45:1”, is three tokens glued together
        let verse = v >= 4
            && self.word(&toks[v - 2]) == ":"
            && digits(&toks[v - 1])
            && digits(&toks[v - 3])
            && toks[v - 3].span.end == toks[v - 2].span.start
            && toks[v - 2].span.end == toks[v - 1].span.start;
        let k = v
            .checked_sub(if verse { 4 } else { 2 })
            .filter(|&k| k >= floor)?;
        let (word, number) = (&toks[k], &toks[v - 1]);
        let opens = k == floor || toks[k - 1].kind == TokKind::Punct;
        let numbered = word.kind == TokKind::Word
            && word.shape.has(Shape::CAPITALISED)
            && self.word(number).starts_with(|c: char| c.is_ascii_digit())
            && self
                .mention_starting_at(word.span.start)
                .is_none_or(|(_, e)| self.entities[e].kind != EntityKind::Person);
        (opens && numbered).then(|| Speaker::phrase(Span::new(word.span.start, number.span.end)))
    }

    /// The subject phrase of the cue `toks[v]` as a speaker, when the cue
    /// is the last word before the mark at `toks[hi]` but for a few words
    /// of time or addressee (“said Wednesday,”, “said of the senator,”:
    /// at most four words, no cue, then a comma or colon) and the phrase
    /// opens its clause (at `floor` or after a punctuation mark) with an
    /// article, determiner, number word or `phrase_opener` (lowercase, or
    /// opening the sentence), two to sixteen tokens, no person named
    /// but as an owner or an object. A relative clause after the head is
    /// left out (“A Warren adviser, who spoke on the condition of
    /// anonymity, said”; “an official who spoke anonymously said”). A
    /// role the phrase ends with is resolved as a role subject is
    /// ([`Self::speaker_or_role_phrase`]); otherwise the phrase as written
    /// ([`Attribution::Phrase`]). For an “-ing” cue the phrase ends at
    /// its clause's verb (“his campaign sent out a text saying: “…””
    /// gives “his campaign”), and there must be one.
    fn long_phrase_before(
        &self,
        toks: &[Token],
        floor: usize,
        v: usize,
        hi: usize,
        speakers: &Said,
    ) -> Option<Speaker> {
        // between the cue and the mark
        if hi < v + 2 || hi - v > 6 || !matches!(self.word(&toks[hi - 1]), "," | ":") {
            return None;
        }
        // the words between: capitalised (“told the Palo Alto Weekly”),
        // of time (“said Wednesday”) or after a preposition (“said of the
        // senator”, “said in a statement”)
        let gap = &toks[v + 1..hi - 1];
        let mut after_prep = false;
        for t in gap {
            let w = self.word(t);
            after_prep |= is_preposition(w);
            let ok = t.kind == TokKind::Word
                && !t.classes.intersects(QUOTE_CUES)
                && (after_prep
                    || t.shape.has(Shape::CAPITALISED)
                    || t.is(Class::Article)
                    || t.is(Class::DeicticDay)
                    || t.is(Class::Weekday));
            if !ok {
                return None;
            }
        }
        self.subject_phrase(toks, floor, v, speakers, false)
            .map(|(_, sp)| sp)
    }

    /// The subject phrase of the cue `toks[v]` that opens its clause (at
    /// `floor` or after a punctuation mark) with an article, determiner,
    /// number word or `phrase_opener`, for [`Self::long_phrase_before`]
    /// (which see) and after a quote, where the phrase must be followed by
    /// a relative clause between commas (`need_relative`: “…,” an
    /// intelligence source, who …, said): the index of its first token
    /// and the speaker.
    fn subject_phrase(
        &self,
        toks: &[Token],
        floor: usize,
        v: usize,
        speakers: &Said,
        need_relative: bool,
    ) -> Option<(usize, Speaker)> {
        let mut end = self.skip_auxiliaries(toks, v);
        if need_relative && !(end > floor + 2 && self.word(&toks[end - 1]) == ",") {
            return None;
        }
        // “…, who spoke on the condition of anonymity, said”
        if end > floor + 2 && self.word(&toks[end - 1]) == "," {
            let c = (floor..end - 1)
                .rev()
                .take(24)
                .find(|&i| self.word(&toks[i]) == ",")?;
            if !toks.get(c + 1).is_some_and(|t| t.is(Class::RelativeWord)) {
                return None;
            }
            end = c;
        }
        let mut start = (floor..end)
            .rev()
            .find(|&i| toks[i].kind != TokKind::Word && toks[i].kind != TokKind::Number)
            .map_or(floor, |i| i + 1);
        // “as” opening the clause (“As one employee told the Weekly,
        // “…””)
        let mut first = start == 0;
        if toks[start..end]
            .first()
            .is_some_and(|t| self.word(t).eq_ignore_ascii_case("as"))
        {
            start += 1;
            first = false;
        }
        if end < start + 2 || end - start > 16 {
            return None;
        }
        let opener = &toks[start];
        let opens = (opener.shape.has(Shape::LOWERCASE) || first)
            && (opener.is(Class::Article)
                || opener.is(Class::Determiner)
                || opener.is(Class::NumberWord)
                || opener.is(Class::PhraseOpener));
        if !opens {
            return None;
        }
        // a relative clause after the head: left out
        let rel = (start + 2..end)
            .find(|&i| toks[i].shape.has(Shape::LOWERCASE) && toks[i].is(Class::RelativeWord));
        let mut end = rel.unwrap_or(end);
        // an “-ing” cue's subject is its clause's, up to the clause's
        // verb (a finite auxiliary, an irregular past or an “-ed” word
        // after no determiner): “his campaign sent out a text message
        // saying: “…”” gives “his campaign”; with no such verb, none
        if super::subject::is_ing_form(self.word(&toks[v])) {
            end = (start + 1..end).find(|&i| {
                let t = &toks[i];
                t.shape.has(Shape::LOWERCASE)
                    && (t.is(Class::FiniteAuxiliary)
                        || t.is(Class::PastVerb)
                        || (self.word(t).ends_with("ed")
                            && !toks[i - 1].is(Class::Determiner)
                            && !toks[i - 1].is(Class::Article)))
            })?;
        }
        // no person named but as an owner or after a preposition
        let named = (start..end).any(|i| {
            self.mention_starting_at(toks[i].span.start)
                .is_some_and(|(m, e)| {
                    let rest = self.text.get(m.end..).unwrap_or("");
                    self.entities[e].kind == EntityKind::Person
                        && !rest.starts_with(['\'', '’'])
                        && !self.addressed_or_object(m)
                        && !toks[i].shape.has(Shape::POSSESSIVE)
                })
        });
        // no cue in it, but as a noun after an article, determiner or
        // number word (“One tweet said: “…””)
        let cue_inside = (start..end).any(|i| {
            toks[i].classes.intersects(QUOTE_CUES)
                && !(i > start && {
                    let b = &toks[i - 1];
                    b.is(Class::Article) || b.is(Class::Determiner) || b.is(Class::NumberWord)
                })
        });
        if named || cue_inside {
            return None;
        }
        if let Some(role) = self.role_ending_at(&toks[..end], end) {
            if role.start >= opener.span.start {
                return self
                    .speaker_or_role_phrase(Subject::Role(role), speakers, false)
                    .map(|sp| (start, sp));
            }
        }
        let span = Span::new(opener.span.start, toks[end - 1].span.end);
        Some((start, Speaker::phrase(span)))
    }

    /// The words `toks[k..]` up to the cue `toks[v]` (auxiliaries and
    /// adverbs before it aside) as a phrase speaker
    /// ([`Attribution::Phrase`]) when they are a lowercase article,
    /// determiner, number word or `phrase_opener` and at most six more
    /// tokens, lowercase words or a number and hyphens glued into a
    /// compound (“…,” the 29-year-old said; “…,” the 6-foot-2 center
    /// said), at least one such number among them.
    fn glued_phrase(&self, toks: &[Token], k: usize, v: usize) -> Option<Speaker> {
        let end = self.skip_auxiliaries(toks, v);
        let first = toks.get(k)?;
        if end < k + 2
            || end - k > 7
            || !first.shape.has(Shape::LOWERCASE)
            || !(first.is(Class::Article)
                || first.is(Class::Determiner)
                || first.is(Class::NumberWord)
                || first.is(Class::PhraseOpener))
        {
            return None;
        }
        let mut number = false;
        for i in k + 1..end {
            let t = &toks[i];
            let glued = i > k + 1 && toks[i - 1].span.end == t.span.start;
            let ok = match t.kind {
                TokKind::Word => t.shape.has(Shape::LOWERCASE),
                TokKind::Number => {
                    number = true;
                    true
                }
                _ => self.word(t) == "-" && glued,
            };
            if !ok {
                return None;
            }
        }
        let span = Span::new(first.span.start, toks[end - 1].span.end);
        number.then_some(Speaker::phrase(span))
    }

    /// The subject phrase after the inverted cue `toks[v]` as a speaker
    /// ([`Attribution::Phrase`]): an article, determiner, number word or
    /// `phrase_opener` and
    /// one to three more lowercase words (“…,” wrote one commenter.), up
    /// to a comma, colon, semicolon, full stop or the sentence end, or
    /// before a relative clause, a preposition or a participle and its
    /// preposition (“…,” says a source involved in the talks; “…,” said
    /// one of those advisers, who …); a lone `phrase_opener` before the
    /// full stop (“…,” tweeted another.); not after a participle cue
    /// (“saying the city …”).
    fn phrase_speaker_after(&self, toks: &[Token], v: usize) -> Option<Speaker> {
        let first = toks.get(v + 1)?;
        if super::subject::is_ing_form(self.word(&toks[v]))
            || !(first.shape.has(Shape::LOWERCASE)
                && (first.is(Class::Article)
                    || first.is(Class::Determiner)
                    || first.is(Class::NumberWord)
                    || first.is(Class::PhraseOpener)))
        {
            return None;
        }
        let mut end = v + 2;
        while end < toks.len() && end - v - 1 < 4 {
            let t = &toks[end];
            // a number glued to the words around it (“the 46-year-old”)
            let glued = (t.kind == TokKind::Number
                || (self.word(t) == "-" && t.span.start == toks[end - 1].span.end))
                && toks
                    .get(end + 1)
                    .is_some_and(|n| n.span.start == t.span.end);
            // “one of those advisers”
            let of = end == v + 2 && self.word(t) == "of" && !first.is(Class::Article);
            // a year or a capitalised modifier before a word (“a 2008
            // Clinton veteran”)
            let modifier = (t.kind == TokKind::Number
                || (t.kind == TokKind::Word && t.shape.has(Shape::CAPITALISED)))
                && toks.get(end + 1).is_some_and(|n| {
                    n.kind == TokKind::Word
                        && (n.shape.has(Shape::LOWERCASE) || n.shape.has(Shape::CAPITALISED))
                });
            if glued || of || modifier {
                end += 1;
                continue;
            }
            let participle = self.word(t).ends_with("ed")
                && toks
                    .get(end + 1)
                    .is_some_and(|n| is_preposition(self.word(n)));
            if t.kind != TokKind::Word
                || !t.shape.has(Shape::LOWERCASE)
                || t.is(Class::SpeakerBarrier)
                || t.is(Class::ClauseBoundary)
                || super::subject::is_ing_form(self.word(t))
                || participle
            {
                break;
            }
            end += 1;
        }
        let next = toks.get(end);
        let stops = next.is_none_or(|t| matches!(self.word(t), "," | "." | ";" | ":"));
        // or the role goes on with a relative clause, a preposition or a
        // participle and its preposition (“says a source involved in the
        // talks”, “said one of those advisers, who …”)
        let goes_on = next.is_some_and(|t| {
            let w = self.word(t);
            t.shape.has(Shape::LOWERCASE)
                && (w == "who"
                    || (w != "of" && w != "to" && is_preposition(w))
                    || (w.ends_with("ed")
                        && toks
                            .get(end + 1)
                            .is_some_and(|n| is_preposition(self.word(n)))))
        });
        // a lone opener ending the sentence (“…,” tweeted another.)
        let alone = end == v + 2
            && first.is(Class::PhraseOpener)
            && next.is_some_and(|t| self.word(t) == ".");
        // (a phrase ends with a lowercase word: “said the Post” is a name's)
        if !toks[end - 1].shape.has(Shape::LOWERCASE) {
            return None;
        }
        let span = Span::new(first.span.start, toks[end - 1].span.end);
        ((end >= v + 3 && (stops || goes_on)) || alone).then_some(Speaker::phrase(span))
    }

    /// [`Self::before_quote`] on the tokens of sentence `si` in
    /// `from..to`.
    fn before_in(
        &self,
        si: usize,
        from: usize,
        to: usize,
        colon: bool,
        speakers: &Said,
    ) -> Option<(Speaker, String)> {
        let all = self.sentence_toks(si);
        let floor = all.partition_point(|t| t.span.start < from);
        let hi = all.partition_point(|t| t.span.start < to).max(floor);
        let toks = &all[..hi];
        // a person named after a dash, right before the colon, speaks
        // (“Analysts warned - Jo Roe: “…””): not the subject of the cue
        // before the dash
        // (a dash among the six tokens before the colon first: cheap)
        let near_dash = colon
            && hi >= floor + 3
            && toks[hi.saturating_sub(7).max(floor)..hi - 1]
                .iter()
                .any(|t| t.kind == TokKind::Punct && matches!(self.word(t), "-" | "–" | "—"));
        if near_dash && self.word(&toks[hi - 1]) == ":" {
            let s = self.subject_ending_at(&toks[floor..], hi - 1 - floor);
            let dash = s.span().is_some_and(|sp| {
                let i = toks.partition_point(|t| t.span.start < sp.start);
                i > floor && matches!(self.word(&toks[i - 1]), "-" | "–" | "—")
            });
            let person = match s {
                Subject::Entity(e, _) => self.entities[e].kind == EntityKind::Person,
                Subject::Name(_) => true,
                _ => false,
            };
            if dash && person {
                if let Some(sp) = self.resolve_subject(s, speakers) {
                    let sp = Speaker {
                        how: Attribution::Colon,
                        ..sp
                    };
                    return Some((sp, ":".to_string()));
                }
            }
        }
        for v in (floor..hi).rev() {
            let t = &toks[v];
            let cue = t.is(Class::ReportingVerb)
                || (t.is(Class::QuoteVerb) && v + QUOTE_VERB_REACH >= hi);
            if !cue {
                continue;
            }
            // after a possessive or a determiner the word is a noun
            // (“Ginsburg’s comments “…””, “his remarks”), not a verb
            let noun = v > 0 && {
                let b = &toks[v - 1];
                b.shape.has(Shape::POSSESSIVE)
                    || (b.is(Class::Determiner) && self.word(b) != "that")
            };
            if noun || self.cue_in_name(toks, v) {
                continue;
            }
            let w = self.word(t);
            let before = (v > floor).then(|| self.word(&toks[v - 1]));
            // “…, telling the crowd, “…””, “he began by saying, “…””
            let participle = before.is_some_and(|b| {
                matches!(
                    b,
                    "," | "by" | "after" | "before" | "while" | "when" | "without"
                )
            }) && t.is(Class::CueParticiple);
            // “He adopted a fake accent and joked, “…””; “Mr. Trump was
            // prompted to say, “…””
            let coordinated = before.is_some_and(|b| matches!(b, "and" | "but" | "then" | "to"));
            // “Said Comey, “…””, “Added the senator: “…””: a cue opening
            // its sentence, its subject after it
            let opens = toks[..v].iter().all(|t| t.kind == TokKind::Punct);
            // “…, Spicer said, adding, “…””: a participle after a comma
            // and a reporting verb is that verb's subject's, not the
            // sentence's first
            let after_cue = participle
                && before == Some(",")
                && v >= floor + 2
                && toks[v - 2].is(Class::ReportingVerb);
            let mut subject = if after_cue {
                match self.subject_left(toks, v - 2, floor) {
                    Subject::Unknown => self.first_subject(toks, floor, v - 1),
                    found => found,
                }
            } else if participle || coordinated {
                let s = self.first_subject(toks, floor, v - 1);
                // past an earlier quote of the sentence, a name in
                // apposition to a noun (“Roe went on KTVA's “Morning
                // Show” to defend a plan backed by his critic, Al Lee,
                // saying “…””) is no subject: the sentence's first is
                if participle && floor > 0 && self.in_apposition(toks, floor, s) {
                    match self.first_subject(toks, 0, v - 1) {
                        Subject::Unknown => s,
                        found => found,
                    }
                } else {
                    s
                }
            } else if opens {
                self.subject_right(toks, v)
            } else {
                let s = self.subject_left(toks, v, floor);
                match self.object_subject(toks, v, floor, s, speakers) {
                    Some(Ok(other)) => other,
                    Some(Err(mut sp)) => {
                        if colon && sp.how == Attribution::Verb {
                            sp.how = Attribution::Colon;
                        }
                        return Some((sp, self.word(t).to_string()));
                    }
                    None => s,
                }
            };
            // the clause may start before an earlier quote of the sentence
            // (“Okafor needled the paper's “reporter,” saying, “…””), and a
            // participle with no subject of its own is the clause
            // subject's (“Halvorsen released a statement condemning “…””)
            if subject == Subject::Unknown
                && !opens
                && t.shape.has(Shape::LOWERCASE)
                && super::subject::is_ing_form(w)
            {
                subject = self.first_subject(toks, floor, v);
                if subject == Subject::Unknown && floor > 0 {
                    subject = self.first_subject(toks, 0, v);
                }
            }
            // an earlier quote closing right before the cue (past a comma)
            // is a title inside the subject's apposition (“As Jo Roe,
            // author of “The Long Count,” put it, “…””): the subject is
            // found before it
            if subject == Subject::Unknown
                && floor > 0
                && toks[floor..v].iter().all(|t| t.kind == TokKind::Punct)
            {
                // the comma opening the apposition, outside the marks, and
                // the subject right before it
                let comma = (0..floor).rev().find(|&c| {
                    self.word(&toks[c]) == "," && !self.inside_marks(toks[c].span.start)
                });
                if let Some(c) = comma.filter(|&c| c > 0) {
                    let s = self.subject_left(toks, c, 0);
                    if s.span().is_some_and(|sp| sp.end == toks[c - 1].span.end) {
                        subject = s;
                    }
                }
            }
            if let Some(mut sp) = self.speaker_or_role_phrase(subject, speakers, false) {
                // “Blinken concluded: “…””
                if colon && sp.how == Attribution::Verb {
                    sp.how = Attribution::Colon;
                }
                return Some((sp, w.to_string()));
            }
            // “The email goes on to say: “…””, “the letter went on to
            // say, “…””: the phrase subject of “go on to”, the cue right
            // before the mark
            if subject == Subject::Unknown
                && before == Some("to")
                && v >= floor + 3
                && v + 2 >= hi
                && self.word(&toks[v - 2]) == "on"
                && matches!(self.word(&toks[v - 3]), "goes" | "go" | "went" | "going")
            {
                if let Some(sp) = self.phrase_speaker_before(toks, floor, v - 3) {
                    return Some((sp, w.to_string()));
                }
            }
            // “One reader wrote, “…””, “the group said: “…””: the cue right
            // before the mark, its subject a phrase naming no person, name
            // or role, in lowercase (or opening the sentence with an
            // article, determiner or number word): the speaker as written,
            // as after a quote
            if subject == Subject::Unknown && !participle && !coordinated && !opens && v + 2 >= hi {
                if let Some(sp) = self.phrase_speaker_before(toks, floor, v) {
                    return Some((sp, w.to_string()));
                }
            }
            // “Article 12 affirms: “…””, “Section 4 reads, “…””: a
            // capitalised word and a number opening the clause, right
            // before the cue right before the mark, naming no person: a
            // numbered part of a text, the speaker as written
            if subject == Subject::Unknown && !participle && !coordinated && v + 2 >= hi {
                if let Some(sp) = self.numbered_part_before(toks, floor, v) {
                    return Some((sp, w.to_string()));
                }
            }
            // the same for a longer subject phrase that opens its clause
            // with an article, determiner, number word or `phrase_opener`
            // (“A White House official who spoke anonymously said
            // Wednesday, “…””; “A Warren adviser, who …, said of the
            // senator, “…””; “Another source familiar with Hale's thinking
            // said, “…””)
            if subject == Subject::Unknown && !participle && !coordinated && !opens {
                if let Some(sp) = self.long_phrase_before(toks, floor, v, hi, speakers) {
                    return Some((sp, w.to_string()));
                }
            }
        }
        // “in Forbes’ words, “…””, “in the words of Jane Roe, “…””
        if let Some(sp) = self.words_of(&toks[floor..], speakers) {
            return Some(sp);
        }
        if colon {
            return self.colon_speaker(&toks[floor..], speakers);
        }
        None
    }

    /// The speaker of a quote that opens its sentence (`sentence`) when
    /// the sentence before ends, outside quotation marks, with a colon
    /// and only space lies between (“Dr. Ward stated:¶“…””, “He said:
    /// “…””): the subject of the nearest cue of that sentence, as of a
    /// colon introduction; with no cue, when the colon follows a medium of
    /// speech (`speech_medium.tsv`: “Trump issued the following
    /// statement:¶“…””), the last person named before it. Not when
    /// the quote's sentence has a cue of its own.
    fn colon_before_sentence(
        &self,
        m: &Marks,
        sentence: Span,
        speakers: &Said,
    ) -> Option<(Speaker, String)> {
        let opens = self
            .text
            .get(sentence.start..m.open)?
            .chars()
            .all(|c| !c.is_alphanumeric());
        let si = self.sentence_of(m.open);
        if !opens || si == 0 {
            return None;
        }
        let prev = self.sentences[si - 1].span;
        let gap = self.text.get(prev.end..sentence.start)?;
        let intro = prev.slice(self.text).trim_end();
        // or a sentence of the same paragraph, holding no quote, ending
        // with its reporting verb (“Dana Byrne agreed. “…””)
        let verb_ends = || {
            let toks = self.sentence_toks(si - 1);
            let n = toks.len();
            // (no quote of its own: “…,” Ana Costa said. is the context's)
            let quoted = || {
                let i = self
                    .mark_spans
                    .partition_point(|&(open, _)| open < prev.start);
                self.mark_spans
                    .get(i)
                    .is_some_and(|&(open, _)| open < prev.end)
            };
            n >= 3
                && self.word(&toks[n - 1]) == "."
                && toks[n - 2].is(Class::ReportingVerb)
                && toks[n - 2].shape.has(Shape::LOWERCASE)
                && !toks[n - 2].is(Class::AddresseeVerb)
                && self.sentences[si - 1].paragraph == self.sentences[si].paragraph
                && !quoted()
        };
        if !gap.chars().all(char::is_whitespace)
            || !(intro.ends_with(':') || verb_ends())
            || self.inside_marks(prev.start + intro.len() - 1)
        {
            return None;
        }
        let from = self
            .mark_spans
            .iter()
            .filter(|&&(_, end)| end <= prev.end && end > prev.start)
            .map(|&(_, end)| end)
            .max()
            .unwrap_or(prev.start);
        // a cue of the quote's own sentence (“…,” the man shouted) has
        // been tried and named no one: the introduction is not its
        if self.has_cue_outside_marks(si) {
            return None;
        }
        // only a cue with its subject: “as follows:” names no one; or an
        // introduction whose colon follows a medium of speech (“Trump
        // issued the following statement:”): its subject, with no cue
        let (mut sp, cue) = match self.before_in(si - 1, from, prev.end, false, speakers) {
            Some(found) => found,
            None => {
                let toks = self.sentence_toks(si - 1);
                let clause = &toks[toks.partition_point(|t| t.span.start < from)..];
                if let Some(sp) = self.medium_heading(clause) {
                    return Some((sp, ":".to_string()));
                }
                let n = clause.len();
                if n < 3
                    || self.word(&clause[n - 1]) != ":"
                    || !clause[n - 2].is(Class::SpeechMedium)
                {
                    return None;
                }
                // the last person named before it (“Upon Roe's death,
                // President Lee released the following statement:”), not
                // an owner (“Lee's campaign issued a statement:”)
                let (span, e) = clause.iter().rev().find_map(|t| {
                    self.mention_starting_at(t.span.start)
                        .filter(|&(_, e)| self.entities[e].kind == EntityKind::Person)
                })?;
                let rest = self.text.get(span.end..)?;
                if rest.starts_with("’s") || rest.starts_with("'s") {
                    return None;
                }
                let sp = Speaker {
                    entity: Some(e),
                    name: span,
                    span,
                    how: Attribution::Colon,
                };
                (sp, ":".to_string())
            }
        };
        if sp.how == Attribution::Verb {
            sp.how = Attribution::Colon;
        }
        Some((sp, cue))
    }

    /// Two roles joined by “and” between the mark (`toks[k]`) and the
    /// cue, the second the cue's subject: a lowercase article or
    /// determiner, the first role, “and”, words of a title (no determiner
    /// or pronoun) before the second (“…,” the Iowa governor and Democratic
    /// Senate candidate said): a person known to hold the first
    /// role, else the phrase as written; not two people (“the senator
    /// and his wife said”).
    fn coordinated_role(
        &self,
        toks: &[Token],
        k: usize,
        gap: &[&Token],
        subject: Subject,
        speakers: &Said,
    ) -> Option<Speaker> {
        let Subject::Role(_) = subject else {
            return None;
        };
        let a = gap.iter().position(|t| self.word(t) == "and")?;
        // (an article and a role before “and”: `gap[1..a]` needs a ≥ 2)
        if a < 2 {
            return None;
        }
        let first = gap.first()?;
        let opens = first.shape.has(Shape::LOWERCASE)
            && (first.is(Class::Article) || first.is(Class::Determiner));
        let firsts = gap[1..a].iter().all(|t| self.is_title_token(t));
        let seconds = gap[a + 1..].iter().all(|t| {
            self.is_title_token(t) && !t.is(Class::Determiner) && !t.is(Class::PersonPronoun)
        });
        if !opens || !firsts || !seconds {
            return None;
        }
        let role = self.role_ending_at(&toks[..k + a], k + a)?;
        // a person known to hold the first role, else the two as written
        let core = crate::entities::role_core(role.slice(self.text));
        let held = |e: usize| self.role_cores(e).contains(&core);
        if let Some(sp) = self
            .resolve_subject(Subject::Role(role), speakers)
            .filter(|sp| sp.entity.is_some_and(held))
        {
            return Some(sp);
        }
        let last = subject.span()?;
        Some(Speaker::phrase(Span::new(first.span.start, last.end)))
    }

    /// Whether `subject`, found in `toks[floor..]`, is a name in
    /// apposition to a noun: right after a comma that follows a lowercase
    /// word (“his rival, Al Lee,”).
    fn in_apposition(&self, toks: &[Token], floor: usize, subject: Subject) -> bool {
        let Some(span) = subject.span() else {
            return false;
        };
        let i = toks.partition_point(|t| t.span.start < span.start);
        i >= floor + 2
            && self.word(&toks[i - 1]) == ","
            && toks[i - 2].kind == TokKind::Word
            && toks[i - 2].shape.has(Shape::LOWERCASE)
    }

    /// A heading of one to three words naming a medium of speech
    /// (`speech_medium.tsv`), no name among them, then an optional “as
    /// follows” and a colon, as the phrase speaker
    /// ([`Attribution::Phrase`]) of the quote it introduces: “Partial
    /// transcript as follows:¶“…””, “Video transcript:¶“…””. The
    /// medium, as written, is the source: the words are often several
    /// people's.
    fn medium_heading(&self, clause: &[Token]) -> Option<Speaker> {
        let (last, words) = clause.split_last()?;
        if self.word(last) != ":" {
            return None;
        }
        let words = match words {
            [w @ .., a, f]
                if self.word(a).eq_ignore_ascii_case("as")
                    && self.word(f).eq_ignore_ascii_case("follows") =>
            {
                w
            }
            w => w,
        };
        let head = words.last()?;
        let plain = |t: &Token| {
            t.kind == TokKind::Word
                && !t.shape.has(Shape::POSSESSIVE)
                && self.mention_starting_at(t.span.start).is_none()
        };
        if words.len() > 3 || !head.is(Class::SpeechMedium) || !words.iter().all(plain) {
            return None;
        }
        Some(Speaker::phrase(Span::new(
            words[0].span.start,
            head.span.end,
        )))
    }

    /// The speaker of a quote that opens its paragraph and ends its
    /// sentence, named after it by a dash, on the same line or the next
    /// (a list of quotes, an epigraph: “…”¶— Jane Roe, on Monday): a person
    /// mention or a name of two words or more right after the dash, then a
    /// comma, a full stop or the end of the sentence.
    fn dash_byline(&self, m: &Marks) -> Option<(Speaker, String)> {
        let text = self.text;
        if !m.content.slice(text).ends_with(['.', '?', '!']) {
            return None;
        }
        let rest = text.get(m.close_end..)?;
        let gap = rest.len() - rest.trim_start_matches([' ', '\n', '\r', '.']).len();
        let dash = rest[gap..].chars().next()?;
        if gap > 4 || !matches!(dash, '-' | '–' | '—') {
            return None;
        }
        if !self.opens_paragraph(self.sentence_of(m.open), m.open) {
            return None;
        }
        let after = &rest[gap + dash.len_utf8()..];
        let name_start =
            m.close_end + gap + dash.len_utf8() + (after.len() - after.trim_start().len());
        let si = self.sentence_of(name_start);
        let toks = self.sentence_toks(si);
        let k = toks.partition_point(|t| t.span.start < name_start);
        if toks.get(k).is_none_or(|t| t.span.start != name_start) {
            return None;
        }
        // titles and role words may come first (“— Energy analyst Kim Oduya”)
        let person = (k..toks.len().min(k + 5))
            .take_while(|&j| toks[j].kind == TokKind::Word && self.is_title_token(&toks[j]))
            .find_map(|j| {
                self.mention_starting_at(toks[j].span.start)
                    .filter(|&(_, e)| self.entities[e].kind == EntityKind::Person)
            });
        let (span, entity) = match person {
            Some((span, e)) => (span, Some(e)),
            _ => {
                let mut end = k;
                while end < toks.len() && end < k + 4 && self.is_name_word(toks, end) {
                    end += 1;
                }
                let span = self.name_ending_at(toks, end)?;
                if !span.slice(text).contains(' ') {
                    return None;
                }
                (span, self.person_named(span))
            }
        };
        let next = toks.partition_point(|t| t.span.start < span.end);
        if toks
            .get(next)
            .is_some_and(|t| !matches!(self.word(t), "," | "."))
        {
            return None;
        }
        let how = Attribution::Verb;
        Some((
            Speaker {
                entity,
                name: span,
                span,
                how,
            },
            dash.to_string(),
        ))
    }

    /// “in NAME’s words, “…”” / “in the words of NAME, “…””: the name,
    /// right before the opening mark (a comma between).
    fn words_of(&self, clause: &[Token], speakers: &Said) -> Option<(Speaker, String)> {
        let n = clause.len();
        let end = if n > 0 && self.word(&clause[n - 1]) == "," {
            n - 1
        } else {
            n
        };
        let subject = if end >= 1 && self.word(&clause[end - 1]).eq_ignore_ascii_case("words") {
            // the possessive name before “words”
            let k = end - 1;
            if k == 0 {
                return None;
            }
            let owner = &clause[k - 1];
            let apostrophe = matches!(self.word(owner), "’" | "'");
            let name_end = if apostrophe { k - 1 } else { k };
            if !owner.shape.has(Shape::POSSESSIVE) && !apostrophe {
                return None;
            }
            self.subject_ending_at(clause, name_end)
        } else {
            // “in the words of NAME”
            let of = clause[..end].iter().rposition(|t| self.word(t) == "of")?;
            let words = of.checked_sub(1)?;
            if !self.word(&clause[words]).eq_ignore_ascii_case("words") {
                return None;
            }
            self.subject_ending_at(clause, end)
        };
        if !matches!(subject, Subject::Entity(..) | Subject::Name(_)) {
            return None;
        }
        let sp = self.resolve_subject(subject, speakers)?;
        Some((sp, "words".to_string()))
    }

    /// The first subject of a clause: the first pronoun, person mention or
    /// name followed by its verb in `toks[from..to]` (“Clinton took the
    /// stage, telling the crowd, …”; “Later on Sunday, Kerpen shared a
    /// syllabus, writing …”).
    fn first_subject(&self, toks: &[Token], from: usize, to: usize) -> Subject {
        // “Appearing before supporters at NLD headquarters, Suu Kyi said
        // … and added”: a clause opened by a participle holds no subject
        // (nor a prepositional phrase opening the sentence: “In an
        // interview with journalist Matei Rosca, Lazar said … and added”)
        let fronted_preposition = |i: usize| {
            let t = &toks[i];
            t.shape.has(Shape::CAPITALISED)
                && crate::lexicon::with_lowercase(self.word(t), is_preposition)
                && self
                    .sentence_toks(self.sentence_of(t.span.start))
                    .first()
                    .is_some_and(|f| f.span.start == t.span.start)
        };
        let from = match toks.get(from) {
            Some(t)
                if (self.is_participle(toks, from)
                    || self.is_past_participle_opener(toks, from)
                    || fronted_preposition(from))
                    && t.kind == TokKind::Word =>
            {
                toks[from..to]
                    .iter()
                    .position(|t| self.word(t) == ",")
                    .map_or(from, |c| from + c + 1)
            }
            _ => from,
        };
        // the word before a candidate: a noun phrase after a preposition
        // is its object (“with Clinton”), after a determiner a modifier
        // (“his Facebook page”)
        // (lowercase role words between: “with journalist Matei Rosca”)
        let object = |k: usize| {
            let mut j = k;
            while j > from + 1
                && toks[j - 1].shape.has(Shape::LOWERCASE)
                && self
                    .analysis
                    .classes_without_possessive(&toks[j - 1])
                    .intersects(ROLE_WORDS)
            {
                j -= 1;
            }
            j > from && {
                let b = &toks[j - 1];
                is_preposition(self.word(b))
            }
        };
        let modifier = |k: usize| {
            k > from && {
                let b = &toks[k - 1];
                b.is(Class::Determiner) || b.shape.has(Shape::POSSESSIVE)
            }
        };
        let mut i = from;
        while i < to {
            let t = &toks[i];
            i += 1;
            if t.kind != TokKind::Word || self.inside_marks(t.span.start) {
                continue;
            }
            // an adverbial clause before the subject (“as he was becoming
            // chairman, Alex Brant-Lowe told …”) holds none of its words
            if t.is(Class::AdverbialSubordinator) {
                if let Some(c) = toks[i..to].iter().position(|t| self.word(t) == ",") {
                    i += c + 1;
                    continue;
                }
            }
            if t.is(Class::PersonPronoun) {
                return Subject::Pronoun(t.span);
            }
            if let Some((span, e)) = self.mention_starting_at(t.span.start) {
                if self.entities[e].kind == EntityKind::Person && !object(i - 1) && !modifier(i - 1)
                {
                    return Subject::Entity(e, span);
                }
            }
            // a name of ours, right before a lowercase word that is no
            // function word (its verb)
            let next = toks.get(i).filter(|_| i < to);
            let verb_next = next.is_some_and(|n| {
                n.kind == TokKind::Word
                    && n.shape.has(Shape::LOWERCASE)
                    && !n.is(Class::FunctionWord)
                    && !n.is(Class::Determiner)
            });
            let participle = self.is_participle(toks, i - 1);
            if verb_next {
                if let Some(span) = self.name_ending_at(toks, i) {
                    let first = toks.partition_point(|x| x.span.start < span.start);
                    let no_subject = span.start < toks[from].span.start
                        || t.shape.has(Shape::POSSESSIVE)
                        || (participle && span == t.span)
                        || object(first)
                        || modifier(first)
                        || hyphen_lowercase(span.slice(self.text))
                        || (first == 0 && span == t.span && self.no_name_word(t));
                    if !no_subject {
                        return Subject::Name(span);
                    }
                }
            }
        }
        Subject::Unknown
    }

    /// True when a capitalised word opening its sentence is, in
    /// lowercase, a word no name is (“Eight years ago, he …”, “Minutes
    /// later, she …”, “Often he …”): a number word, a unit of time or a
    /// counted noun, an adverb, a function word or a determiner.
    fn no_name_word(&self, t: &Token) -> bool {
        let not_names = Classes::all(&[
            Class::NumberWord,
            Class::TimeUnit,
            Class::CountedNoun,
            Class::SubjectAdverb,
            Class::FunctionWord,
            Class::Determiner,
        ]);
        crate::lexicon::with_lowercase(self.word(t), |l| {
            crate::lexicon::classes(l).intersects(not_names)
        })
    }

    /// True when `toks[i]` is a capitalised “-ing” word that no cue
    /// follows: a participle opening a clause (“Smiling broadly, …”,
    /// “Appearing before supporters, …”), not a name (“Manning said”).
    fn is_participle(&self, toks: &[Token], i: usize) -> bool {
        let t = &toks[i];
        t.shape.has(Shape::CAPITALISED)
            && self.word(t).ends_with("ing")
            && !toks
                .get(i + 1)
                .is_some_and(|n| n.classes.intersects(QUOTE_CUES))
    }

    /// True when `toks[i]` opens its sentence with a capitalised past
    /// participle, a clause of its own (“Disillusioned, Mr. Mitchell
    /// resigned”, “Asked which county was his favorite, he demurred”): a
    /// word of five letters or more ending in “-ed”, no given name
    /// (“Ahmed”), followed by a comma or a lowercase word.
    fn is_past_participle_opener(&self, toks: &[Token], i: usize) -> bool {
        let t = &toks[i];
        let w = self.word(t);
        let first = || {
            self.sentence_toks(self.sentence_of(t.span.start))
                .first()
                .is_some_and(|f| f.span.start == t.span.start)
        };
        t.kind == TokKind::Word
            && w.len() >= 5
            && w.ends_with("ed")
            && t.shape.has(Shape::CAPITALISED)
            && !t.is(Class::GivenName)
            && !t.is(Class::GivenNameGender)
            && toks.get(i + 1).is_some_and(|n| {
                self.word(n) == "," || (n.kind == TokKind::Word && n.shape.has(Shape::LOWERCASE))
            })
            && first()
    }

    /// An inscription right before the quote, as written, as its source
    /// ([`Attribution::Phrase`]): “held up a sign saying “…””, “wore a
    /// campaign hat reading, “…””, “one of her ads asking, “…””, “a
    /// headline that said, “…””. A lowercase `inscription_noun`, an
    /// optional “that” or “which”, an `inscription_verb` (an “-ing” form,
    /// or any form after “that” or “which”), an optional comma or colon,
    /// the mark at `m`; all after byte `from`. The phrase runs back from
    /// the noun to an article, determiner or number word (“a Donald Trump
    /// campaign hat”, “one of her ads”) over at most five words, none a
    /// verb in “-ing” or “-ed”, an irregular past or a preposition; the
    /// noun alone when there is none (“carrying signs saying “…””).
    fn inscription_before(
        &self,
        m: &Marks,
        from: usize,
        before_text: &str,
    ) -> Option<(Speaker, String)> {
        // (most quotes: the word before the mark ends in no “-ing” and
        // follows no “that” or “which”; told from the bytes alone)
        let mut b = before_text.as_bytes();
        if let [rest @ .., b',' | b':'] = b {
            b = rest;
        }
        while let [rest @ .., b' '] = b {
            b = rest;
        }
        if !b.ends_with(b"ing") {
            let w = b.iter().rposition(|&c| c == b' ')?;
            if !(b[..=w].ends_with(b" that ") || b[..=w].ends_with(b" which ")) {
                return None;
            }
        }
        let toks = self.analysis.tokens();
        let lo = toks.partition_point(|t| t.span.start < from);
        let mut k = toks.partition_point(|t| t.span.start < m.open);
        if k > lo && matches!(self.word(&toks[k - 1]), "," | ":") {
            k -= 1;
        }
        let v = k.checked_sub(1).filter(|&v| v > lo)?;
        let cue = &toks[v];
        if cue.kind != TokKind::Word
            || !cue.is(Class::InscriptionVerb)
            || !cue.shape.has(Shape::LOWERCASE)
        {
            return None;
        }
        let relative = matches!(self.word(&toks[v - 1]), "that" | "which");
        if !relative && !super::subject::is_ing_form(self.word(cue)) {
            return None;
        }
        let n = (v - 1)
            .checked_sub(usize::from(relative))
            .filter(|&n| n >= lo)?;
        let noun = &toks[n];
        if noun.kind != TokKind::Word
            || !noun.is(Class::InscriptionNoun)
            || !noun.shape.has(Shape::LOWERCASE)
        {
            return None;
        }
        let mut start = n;
        for i in (lo..n).rev().take(6) {
            let t = &toks[i];
            let w = self.word(t);
            if t.is(Class::Article) || t.is(Class::Determiner) || t.is(Class::NumberWord) {
                start = i;
                // “one of her ads”
                if i >= lo + 2
                    && self.word(&toks[i - 1]) == "of"
                    && (toks[i - 2].is(Class::NumberWord) || toks[i - 2].is(Class::Determiner))
                {
                    start = i - 2;
                }
                break;
            }
            let verb = super::subject::is_ing_form(w)
                || (w.ends_with("ed") && t.shape.has(Shape::LOWERCASE))
                || t.is(Class::PastVerb)
                || t.classes.intersects(QUOTE_CUES);
            if t.kind != TokKind::Word || verb || is_preposition(w) {
                break;
            }
        }
        let span = Span::new(toks[start].span.start, noun.span.end);
        Some((Speaker::phrase(span), self.word(cue).to_string()))
    }

    /// A headline in capitals that is all of the quote's sentence before
    /// the mark (the text after its last line break, when it has one), as
    /// a phrase speaker ([`Attribution::Phrase`]): a newsletter's item,
    /// “WHY FERRY FARES KEEP RISING “…” [Coast Daily.]”. At least
    /// [`HEADLINE_WORDS`] words and one of four letters or more, no
    /// lowercase letter, only letters, digits, apostrophes, single marks,
    /// commas, colons and hyphens (not a dateline: “WASHINGTON (AP) —”).
    /// `before` is the span from the sentence start to the mark,
    /// `before_text` its text trimmed at the end.
    fn headline_before(&self, before: Span, before_text: &str) -> Option<(Speaker, String)> {
        // (most quotes: a lowercase letter right before the mark)
        let last = before_text.chars().next_back()?;
        if !(last.is_uppercase() || last.is_ascii_digit()) {
            return None;
        }
        let line = before_text.rsplit('\n').next()?;
        let head = line.trim_start();
        let ok = head.chars().all(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, ' ' | '\'' | '’' | '‘' | ',' | ':' | '-')
        });
        let words = head.split_whitespace().count();
        let long = head
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 4);
        if !ok || words < HEADLINE_WORDS || !long {
            return None;
        }
        let start = before.start + (before_text.len() - head.len());
        let span = Span::new(start, before.start + before_text.len());
        Some((Speaker::phrase(span), String::new()))
    }

    /// The phrase after “from” ending a colon introduction (“From the
    /// report:”, “More from the letter:”; `clause` may end with the
    /// colon), as a phrase speaker ([`Attribution::Phrase`]): “from”
    /// opens the clause or follows “more” or a punctuation mark, then an
    /// article or determiner in lowercase and at most
    /// [`ACCORDING_QUOTE_WORDS`] words in all, naming no person (“More
    /// from Jones:” is Jones's by the rules of names).
    fn source_after_from(&self, clause: &[Token]) -> Option<Speaker> {
        let end = clause.len() - usize::from(clause.last().is_some_and(|t| self.word(t) == ":"));
        // (the phrase is short: only the last words can hold its “from”)
        let low = end.saturating_sub(ACCORDING_QUOTE_WORDS + 1);
        let k = low
            + clause[low..end].iter().rposition(|t| {
                t.span.end - t.span.start == 4 && self.word(t).eq_ignore_ascii_case("from")
            })?;
        let opens = k == 0
            || clause[k - 1].kind == TokKind::Punct
            || self.word(&clause[k - 1]).eq_ignore_ascii_case("more");
        let phrase = clause.get(k + 1..end)?;
        let first = phrase.first()?;
        let plain = phrase.iter().all(|t| t.kind == TokKind::Word)
            && phrase.len() <= ACCORDING_QUOTE_WORDS
            && first.shape.has(Shape::LOWERCASE)
            && (first.is(Class::Article) || first.is(Class::Determiner));
        let person = phrase.iter().any(|t| {
            self.mention_starting_at(t.span.start)
                .is_some_and(|(_, e)| self.entities[e].kind == EntityKind::Person)
        });
        (opens && plain && !person).then(|| {
            Speaker::phrase(Span::new(
                first.span.start,
                phrase[phrase.len() - 1].span.end,
            ))
        })
    }

    /// The speaker of a colon introduction with no cue: a name right
    /// before the colon (a headline: `Name: ‘…’`), else the first person
    /// mentioned in the clause, else a role, else a pronoun.
    fn colon_speaker(&self, clause: &[Token], speakers: &Said) -> Option<(Speaker, String)> {
        let colon_at = |sp: Speaker| {
            Some((
                Speaker {
                    how: Attribution::Colon,
                    ..sp
                },
                ":".to_string(),
            ))
        };
        let n = clause.len();
        // “From the report: “…””, “More from the letter: “…””: the phrase
        // after “from” is the source, as written
        if let Some(sp) = self.source_after_from(clause) {
            return Some((sp, ":".to_string()));
        }
        // a headline's topic (“Roe on Tax Returns: ‘…’”, “Lee On the
        // Senate: ‘…’”): the name opening the clause before “on”, not the
        // topic's last name before the colon
        if let Some(k) = clause[..n.saturating_sub(2)]
            .iter()
            .position(|t| self.word(t).eq_ignore_ascii_case("on"))
            .filter(|&k| k > 0)
        {
            let s = self.subject_ending_at(clause, k);
            let opens = s.span().is_some_and(|sp| sp.start == clause[0].span.start);
            if opens && matches!(s, Subject::Entity(..) | Subject::Name(_)) {
                if let Some(sp) = self.resolve_subject(s, speakers) {
                    return colon_at(sp);
                }
            }
        }
        if n >= 2 {
            let s = self.subject_ending_at(clause, n - 1);
            // not the object of a verb naming its addressee or of a
            // preposition (“Priebe later told Fox News: “…””, “Then, on
            // CNN: “…””): the person spoken to, or a medium; “from”
            // names the source (“More from Jones: “…””)
            let object = s.span().is_some_and(|span| {
                self.addressed_or_object(span) && !self.after_word(span, "from")
            });
            if matches!(s, Subject::Entity(..) | Subject::Name(_)) && !object {
                if let Some(sp) = self.resolve_subject(s, speakers) {
                    return colon_at(sp);
                }
            }
        }
        // the first person mentioned in the clause
        for (i, t) in clause.iter().enumerate() {
            if self.is_past_participle_opener(clause, i) {
                continue;
            }
            if let Some((span, e)) = self.mention_starting_at(t.span.start) {
                if self.entities[e].kind == EntityKind::Person {
                    return colon_at(Speaker {
                        entity: Some(e),
                        name: span,
                        span,
                        how: Attribution::Colon,
                    });
                }
            }
        }
        // a name no entity holds, as the clause's subject (“Jones
        // resisted: “…””)
        if let s @ Subject::Name(_) = self.first_subject(clause, 0, n) {
            if let Some(sp) = self.resolve_subject(s, speakers) {
                return colon_at(sp);
            }
        }
        // a role (the longest phrase from a title word), else a pronoun
        for (i, t) in clause.iter().enumerate() {
            if t.kind == TokKind::Word && t.classes.intersects(TITLE_WORDS) {
                let mut best = None;
                for j in i + 1..=n {
                    match self.role_ending_at(clause, j) {
                        Some(r) if best.is_none_or(|b: Span| r.start == b.start) => best = Some(r),
                        Some(_) => break,
                        None if best.is_some() => break,
                        None => {}
                    }
                }
                if let Some(role) = best {
                    if let Some(sp) = self.resolve_subject(Subject::Role(role), speakers) {
                        return colon_at(sp);
                    }
                }
            }
        }
        let t = clause.iter().find(|t| t.is(Class::PersonPronoun))?;
        let sp = self.resolve_subject(Subject::Pronoun(t.span), speakers)?;
        colon_at(sp)
    }

    /// “according to X” anywhere in the sentence, outside the quote; when
    /// X names no entity and the phrase leads to the quote (“According to
    /// the newspaper, “…””: “according to”, at most
    /// [`ACCORDING_QUOTE_WORDS`] words, a comma or colon, the mark), the
    /// phrase as written ([`Attribution::Phrase`]).
    fn according_to(&self, sentence: Span, m: &Marks) -> Option<(Speaker, String)> {
        // (most sentences hold no “according to”: one search answers)
        let cue = self.according_to_cue(sentence)?;
        let Some((cue, span, e)) = self.according_to_source(sentence) else {
            return self.according_to_phrase(cue, m);
        };
        if m.content.contains(&Span::new(cue.end, cue.end)) {
            return None;
        }
        Some((
            Speaker {
                entity: Some(e),
                name: span,
                span,
                how: Attribution::AccordingTo,
            },
            "according to".into(),
        ))
    }

    /// [`Self::according_to`]'s phrase leading to the quote.
    fn according_to_phrase(&self, cue: Span, m: &Marks) -> Option<(Speaker, String)> {
        let between = self.text.get(cue.end..m.open)?.trim_end();
        let phrase = between.strip_suffix([',', ':'])?.trim_end();
        let words = phrase.split_whitespace().count();
        // (a right single mark after a letter is an apostrophe: “the
        // mayor’s office” reads as “the mayor's office”)
        let plain = !phrase.char_indices().any(|(i, c)| {
            matches!(c, '"' | '“' | '”' | '‘' | ',' | ';' | ':' | '(' | ')')
                || (c == '’' && !phrase[..i].ends_with(char::is_alphabetic))
        });
        if words == 0 || words > ACCORDING_QUOTE_WORDS || !plain {
            return None;
        }
        let start = cue.end + (between.len() - between.trim_start().len());
        let span = Span::new(start, start + phrase.trim_start().len());
        Some((Speaker::phrase(span), "according to".into()))
    }

    /// The first “according to ” in `sentence` (any ASCII case), when it
    /// ends within the sentence.
    pub(super) fn according_to_cue(&self, sentence: Span) -> Option<Span> {
        self.text.get(sentence.start..sentence.end)?;
        let k = self.according.partition_point(|&p| p < sentence.start);
        let &i = self.according.get(k)?;
        let cue = Span::new(i, i + ACCORDING_TO.len());
        (cue.end <= sentence.end).then_some(cue)
    }

    /// The first “according to ” in `sentence` (any ASCII case) and the
    /// entity mentioned right after it, allowing a short word between
    /// (“according to the Kremlin”): `(cue span, mention span, entity)`.
    /// A person may also come after a title or role (“according to Lt.
    /// Gov. Jane Roe”) or be the author of a document the phrase names
    /// ([`Self::document_author`]: “according to a letter from Sen. Jane
    /// Roe”).
    ///
    /// The cue is the first offset of [`super::according_to_offsets`] at
    /// or after the sentence start, if it ends within the sentence: the
    /// same bytes as a search of the sentence alone finds first (a later
    /// one cannot fit when the first does not).
    pub(super) fn according_to_source(&self, sentence: Span) -> Option<(Span, Span, usize)> {
        let cue = self.according_to_cue(sentence)?;
        let k = self.mentions.partition_point(|(sp, _)| sp.start < cue.end);
        let after = &self.mentions[k..];
        if let Some(&(source, e)) = after
            .iter()
            .find(|(sp, _)| sp.start <= cue.end + 4 && sp.end <= sentence.end)
        {
            return Some((cue, source, e));
        }
        let &(source, e) = after.first().filter(|(sp, _)| sp.end <= sentence.end)?;
        self.document_author(cue.end, source, e)
            .then_some((cue, source, e))
    }

    /// True when the person `e` mentioned at `source` is who speaks
    /// through the words from byte `from` (right after “according to ”)
    /// to the mention: a title or role written before the name (“Lt. Gov.
    /// Jane Roe”, “the Roe campaign manager Jim Lee”), or a document and
    /// its author (“a letter from Sen. Jane Roe”, “remarks by Jane Roe”:
    /// an optional article or determiner, at most three lowercase words
    /// ending in a `speech_medium` or `evidence_noun`, an optional
    /// participle (“a report prepared by”), “from” or “by”, then an
    /// optional title or role). Not a person's possession (“a
    /// letter from Jane Roe’s lawyer”): the possessor does not speak; and
    /// the name must end the phrase, no word after it (“a statement from
    /// Ruiz spokesman Tom Reyes”: not Ruiz).
    fn document_author(&self, from: usize, source: Span, e: usize) -> bool {
        if self.entities[e].kind != EntityKind::Person
            || source.start > from + 120
            || self.text[source.end..].starts_with(['\'', '’'])
            || {
                let name = source.slice(self.text);
                name.ends_with("'s") || name.ends_with("’s")
            }
        {
            return false;
        }
        let toks = self.analysis.tokens();
        let a = toks.partition_point(|t| t.span.start < from);
        let m = toks.partition_point(|t| t.span.start < source.start);
        if a >= m || toks.get(m).is_none_or(|t| t.span.start != source.start) {
            return false;
        }
        // the name ends the phrase: no word right after it (“a statement
        // from Trump spokesman Steven Cheung”: the author is not Trump)
        let after = toks.partition_point(|t| t.span.start < source.end);
        if toks.get(after).is_some_and(|t| t.kind == TokKind::Word) {
            return false;
        }
        let gap = &toks[a..m];
        let lower = |t: &Token| t.kind == TokKind::Word && t.shape.has(Shape::LOWERCASE);
        let skip_article = |i: usize| {
            i + usize::from(gap.get(i).is_some_and(|t| lower(t) && t.is(Class::Article)))
        };
        // a title or role right before the name, opening the gap (after
        // an optional article), with no lowercase word before a
        // preposition (“a spokesman for Sen.”: someone else's role)
        let titled = |i: usize| {
            let Some(start) = gap.get(skip_article(i)).map(|t| t.span.start) else {
                return false;
            };
            self.role_ending_at(gap, gap.len())
                .is_some_and(|r| r.start == start)
                && !gap.windows(2).any(|w| {
                    w[0].span.start >= start
                        && lower(&w[0])
                        && lower(&w[1])
                        && is_preposition(self.word(&w[1]))
                })
        };
        if titled(0) {
            return true;
        }
        // a document and its author
        let first = usize::from(
            gap.first()
                .is_some_and(|t| lower(t) && (t.is(Class::Article) || t.is(Class::Determiner))),
        );
        let Some(p) = gap
            .iter()
            .position(|t| t.kind == TokKind::Word && matches!(self.word(t), "from" | "by"))
        else {
            return false;
        };
        // (a participle may come between: “a report prepared by”,
        // “a statement released by”)
        let participle = p > first + 1 && {
            let w = &gap[p - 1];
            lower(w) && (self.word(w).ends_with("ed") || w.is(Class::PastVerb))
        };
        let noun = p - 1 - usize::from(participle);
        p > first
            && p - first <= 3 + usize::from(participle)
            && gap[first..p].iter().all(lower)
            && (gap[noun].is(Class::SpeechMedium) || gap[noun].is(Class::EvidenceNoun))
            && (p + 1 == gap.len() || titled(p + 1))
    }
    /// True when the name at `span` is the object of a preposition
    /// written in lowercase right before it, or before an article before
    /// it (“said in Concord, referring to …”, “on the Internet, pushing
    /// for …”, “people in Fort Pierce see …”): a place or thing, no
    /// subject of the verb after it. “as” and “like” are no such
    /// preposition (“as Smith said”).
    pub(super) fn object_of_preposition(&self, span: Span) -> bool {
        // (the article's tokens: a sentence end before the name is no
        // preposition)
        let toks = self.analysis.tokens();
        let mut k = toks.partition_point(|t| t.span.start < span.start);
        if k > 0 && toks[k - 1].is(Class::Article) {
            k -= 1;
        }
        k > 0 && {
            let w = self.word(&toks[k - 1]);
            w != "as" && w != "like" && is_preposition(w)
        }
    }
    /// A subject `s` of the cue `toks[v]` found looking left that is the
    /// object of a preposition or of a verb naming its addressee
    /// ([`Self::addressed_or_object`]) is no speaker:
    ///
    /// - behind an apposition (“In a statement to the Observer, her senior
    ///   adviser, Jake Sullivan, said”): the person named right before the
    ///   comma that ends the apposition, when there is one (a person, or
    ///   a name of two words): `Ok(subject)`;
    /// - right before its verb, at the end of a phrase opened by an
    ///   article, determiner, number word or `phrase_opener` (“Another
    ///   intelligence source speaking to Fox News said”, “A spokesman for
    ///   the mayor said”): the role before the preposition, when a person
    ///   of the article is known to hold it, else the phrase as written
    ///   (`Err(speaker)`, [`Attribution::Phrase`]).
    ///
    /// `None` when `s` is no such object, or nothing better is found.
    fn object_subject(
        &self,
        toks: &[Token],
        v: usize,
        floor: usize,
        s: Subject,
        speakers: &Said,
    ) -> Option<Result<Subject, Speaker>> {
        let span = match s {
            Subject::Entity(_, span) | Subject::Name(span) => span,
            _ => return None,
        };
        if !self.addressed_or_object(span) {
            return None;
        }
        let end = self.skip_auxiliaries(toks, v);
        if end > floor + 1 && self.word(&toks[end - 1]) == "," {
            let alt = self.subject_ending_at(&toks[floor..], end - 1 - floor);
            return (alt != s && self.surely_person(alt)).then_some(Ok(alt));
        }
        // the subject ends right before the verb
        if end == 0 || toks[end - 1].span.end != span.end {
            return None;
        }
        // a participle after an object (“Clinton responded to the
        // question on Facebook writing, “…””): its clause's subject
        let cue = &toks[v];
        if cue.shape.has(Shape::LOWERCASE) && super::subject::is_ing_form(self.word(cue)) {
            return match self.first_subject(toks, floor, v) {
                Subject::Unknown => None,
                other if other == s => None,
                other if other.span().is_some_and(|o| self.addressed_or_object(o)) => None,
                other => Some(Ok(other)),
            };
        }
        let mut p = toks.partition_point(|t| t.span.start < span.start);
        if p > floor && toks[p - 1].is(Class::Article) {
            p -= 1;
        }
        // the preposition or verb before it, and the phrase before that,
        // words only back to the clause's start, at most eight
        let p = p.checked_sub(1)?;
        let start = (floor..p)
            .rev()
            .find(|&i| toks[i].kind != TokKind::Word)
            .map_or(floor, |i| i + 1);
        if p <= start || p - start > 8 {
            return None;
        }
        let opener = &toks[start];
        let first = self
            .sentence_toks(self.sentence_of(opener.span.start))
            .first()
            .is_some_and(|f| f.span.start == opener.span.start);
        let opens = (opener.shape.has(Shape::LOWERCASE) || first)
            && (opener.is(Class::Article)
                || opener.is(Class::Determiner)
                || opener.is(Class::NumberWord)
                || opener.is(Class::PhraseOpener));
        let named = toks[start..p]
            .iter()
            .any(|t| self.mention_starting_at(t.span.start).is_some());
        if !opens || named {
            return None;
        }
        if let Some(role) = self.role_ending_at(toks, p) {
            if role.start >= opener.span.start {
                if let Some(sp) = self.speaker_or_role_phrase(Subject::Role(role), speakers, false)
                {
                    return Some(Err(sp));
                }
            }
        }
        let phrase = Span::new(opener.span.start, span.end);
        Some(Err(Speaker::phrase(phrase)))
    }

    /// True when the word right before the name at `span` (an article
    /// aside) is `word`, in lowercase.
    fn after_word(&self, span: Span, word: &str) -> bool {
        let toks = self.analysis.tokens();
        let mut k = toks.partition_point(|t| t.span.start < span.start);
        if k > 0 && toks[k - 1].is(Class::Article) {
            k -= 1;
        }
        k > 0 && self.word(&toks[k - 1]) == word
    }

    /// True when the name at `span` is the object of a preposition
    /// ([`Self::object_of_preposition`]) or of a verb naming its addressee
    /// (`addressee_verb.tsv`: “told Fox News”, “told the Observer”), an
    /// article allowed between; not the source of “according to”.
    pub(super) fn addressed_or_object(&self, span: Span) -> bool {
        // (as `object_of_preposition`, in one search, of the sentence's
        // tokens: a sentence end before the name is no preposition)
        let toks = self.sentence_toks(self.sentence_of(span.start));
        let mut k = toks.partition_point(|t| t.span.start < span.start);
        if k > 0 && toks[k - 1].is(Class::Article) {
            k -= 1;
        }
        let Some(b) = k.checked_sub(1).map(|i| &toks[i]) else {
            return false;
        };
        if b.kind != TokKind::Word || !b.shape.has(Shape::LOWERCASE) {
            return false;
        }
        if b.is(Class::AddresseeVerb) {
            return true;
        }
        let w = self.word(b);
        // (“according to HuffPo:” names its source)
        let according =
            w == "to" && k >= 2 && self.word(&toks[k - 2]).eq_ignore_ascii_case("according");
        w != "as" && w != "like" && is_preposition(w) && !according
    }

    /// True when the role at `span` opens with (or follows) an indefinite
    /// article or a phrase opener (“A reporter”, “an aide”, “another adviser”:
    /// `article.tsv` but “the”, `phrase_opener.tsv`): someone new, not a
    /// person named before.
    pub(super) fn indefinite_role(&self, span: Span) -> bool {
        let indefinite = |t: &Token| {
            let w = self.word(t);
            (t.is(Class::Article) && !w.eq_ignore_ascii_case("the")) || t.is(Class::PhraseOpener)
        };
        // (the role's span may start after its article and modifiers: “a
        // senior port official”)
        let toks = self.sentence_toks(self.sentence_of(span.start));
        let k = toks.partition_point(|t| t.span.start < span.start);
        let end = toks.partition_point(|t| t.span.start < span.end);
        toks[k..end].first().is_some_and(indefinite)
            || toks[k.saturating_sub(4)..k]
                .iter()
                .rev()
                .take_while(|t| t.kind == TokKind::Word)
                .find(|t| {
                    t.is(Class::Article) || t.is(Class::Determiner) || t.is(Class::PhraseOpener)
                })
                .is_some_and(indefinite)
    }
}
