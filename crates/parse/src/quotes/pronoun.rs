//! Who “he” and “she” stand for: the nearest fitting person, by gender
//! and salience, not simply the previous speaker.
//!
//! A person's gender comes from the given name of a mention (“Hillary
//! Clinton”: `given_name_gender.tsv`), a title before it (“Mrs.”) or a
//! gendered role (“the spokeswoman”: `gender_noun.tsv`). An entity whose
//! mentions disagree (two Clintons merged on the surname) has no gender.
//!
//! The antecedent is searched sentence by sentence, backwards from the
//! pronoun (at most [`MAX_SENTENCES_BACK`]): in each sentence, the speaker
//! of the speech attributed there (of quotation marks before reported
//! speech, of the pronoun's gender before unknown, else the first),
//! else a name of a person no entity holds opening the sentence (“Jo
//! Roe, the county chairman, on Friday unveiled …”), else the first person mentioned outside
//! quotation marks (the subject, most often), possessives last; a sentence
//! whose first person reference is a pronoun of the same gender continues
//! the same topic and is passed over. A person named in the pronoun's own
//! clause after it (“she told Reeves”, “he said of Trump”) is never its
//! antecedent, nor a person named inside the quotation marks of its own
//! sentence before it (“Cruz is our best debater,” he says), nor a speaker
//! name that names no person (an outlet). With no
//! fitting person, no speaker.

use super::{Ctx, Said};
use crate::lexicon::{self, Class, Classes};
use crate::model::{EntityKind, Span};
use crate::text::TokKind;

/// How far back a pronoun's antecedent is searched, in sentences that
/// break the chain to it (a sentence going on with a pronoun of the same
/// gender, or of quoted words only, does not).
const MAX_SENTENCES_BACK: usize = 6;
/// How far back a pronoun's antecedent is searched at most, in sentences.
const MAX_CHAIN_BACK: usize = 16;

/// A person's grammatical gender, as a pronoun needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// Two genders agree unless both are known and differ (an unknown
/// gender fits either).
fn genders_agree(a: Option<Gender>, b: Option<Gender>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// The gender a lexicon value `m` / `f` names.
fn gender_of_value(v: Option<&str>) -> Option<Gender> {
    match v {
        Some("m") => Some(Gender::Male),
        Some("f") => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of a pronoun.
pub(super) fn pronoun_gender(word: &str) -> Option<Gender> {
    if word.eq_ignore_ascii_case("he") {
        Some(Gender::Male)
    } else if word.eq_ignore_ascii_case("she") {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender a name says by its first word (“Hillary Clinton”), when it
/// has at least two.
fn name_gender(name: &str) -> Option<Gender> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    gender_of_value(lexicon::value(first, Class::GivenNameGender))
}

/// True when a name no entity holds may be a person's: it holds a known
/// given name before a capitalised word (“Hugh Hill”; “Republican Christine
/// Todd Waller”: a party word glued before the name), or none of its words is a function
/// word, determiner, cue, pronoun or group word (“the website”, “Because
/// Pete”, “Latinos”), a word
/// of an organisation's or place's name (“Jet Services”), a demonym or
/// one-word place (“Nice”), and it is not one word in capitals
/// (“POLITICO”).
fn plausible_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let given = Classes::all(&[Class::GivenName, Class::GivenNameGender]);
    if words.windows(2).any(|p| {
        lexicon::classes(p[0]).intersects(given)
            && p[1].chars().next().is_some_and(char::is_uppercase)
    }) {
        return true;
    }
    let bad = Classes::all(&[
        Class::FunctionWord,
        Class::Determiner,
        Class::ReportingVerb,
        Class::QuoteVerb,
        Class::PersonPronoun,
        Class::NonPersonWord,
        Class::RoleModifier,
        Class::GroupWord,
    ]);
    let one_in_capitals =
        words.len() == 1 && words[0].len() > 2 && !words[0].chars().any(char::is_lowercase);
    let bad_word = words.iter().any(|w| lexicon::classes(w).intersects(bad));
    !words.is_empty() && !bad_word && !one_in_capitals
}

/// True when a word of a name is no name's: words glued together
/// (“RoeFlagShareLikeReply”: a byline run into share-button text, two or
/// more lowercase letters followed by a capital inside the word; “McDonald”
/// has one) or, when the word is the whole name (`alone`), a name made an
/// adjective (“Trump-style”: a capitalised word with a lowercase part
/// after a hyphen; “Oscar-winner Sarandon” keeps its person).
fn glued_word(w: &str, alone: bool) -> bool {
    let b = w.as_bytes();
    let humps = b
        .windows(2)
        .filter(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
        .count();
    let adjective = alone
        && b.first().is_some_and(u8::is_ascii_uppercase)
        && b.windows(2)
            .any(|p| p[0] == b'-' && p[1].is_ascii_lowercase());
    humps >= 2 || adjective
}

/// [`Ctx::plausible_person`] of one entity, computed.
fn plausible_entity(ent: &crate::model::Entity) -> bool {
    let words: Vec<&str> = ent.name.split_whitespace().collect();
    if ent.kind != EntityKind::Person || words.is_empty() {
        return false;
    }
    if words.iter().any(|w| glued_word(w, words.len() == 1)) {
        return false;
    }
    // a given name and a surname inside: a person, whatever
    // else was glued to it (“Party Chairman Reince Priebus”)
    let given = words.windows(2).any(|p| {
        lexicon::classes(p[0]).intersects(Classes::all(&[Class::GivenName, Class::GivenNameGender]))
            && p[1].chars().next().is_some_and(char::is_uppercase)
    });
    if given {
        return true;
    }
    let bad_word = words.iter().any(|w| {
        let c = lexicon::classes(w);
        c.intersects(Classes::all(&[
            Class::FunctionWord,
            Class::Determiner,
            Class::ReportingVerb,
            Class::QuoteVerb,
            Class::PersonPronoun,
            Class::GroupWord,
            Class::NumberWord,
            Class::Holiday,
            Class::Weekday,
        ])) || (words.len() == 1 && w.len() > 2 && !w.chars().any(char::is_lowercase))
    });
    let place = words.len() == 1 && lexicon::classes(words[0]).has(Class::RoleModifier);
    // one word that is, in lowercase, an adverb, function
    // word or counted noun (“Often, Mr. Biden …”, “Chiefs”)
    let common = words.len() == 1
        && lexicon::with_lowercase(words[0], |l| {
            lexicon::classes(l).intersects(Classes::all(&[
                Class::SubjectAdverb,
                Class::FunctionWord,
                Class::CountedNoun,
                Class::TimeUnit,
            ]))
        });
    !bad_word && !place && !common
}

/// The gender the words of a role say (“spokeswoman”, “first lady”).
fn role_gender(role: &str) -> Option<Gender> {
    // (lowercased on the stack when short ASCII, as most roles are)
    lexicon::with_lowercase(role, |lower| {
        if let Some(g) = gender_of_value(lexicon::value(lower, Class::GenderNoun)) {
            return Some(g);
        }
        lower
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .find_map(|w| gender_of_value(lexicon::value(w, Class::GenderNoun)))
    })
}

impl<'a> Ctx<'a> {
    /// The gender of mention `span` of entity `e`: its given name, else a
    /// title right before it (“Mr.”, “Mrs.”), else the entity's.
    pub(super) fn mention_gender(&self, span: Span, e: usize) -> Option<Gender> {
        if let Some(g) = name_gender(span.slice(self.text)) {
            return Some(g);
        }
        if let Some(g) = self.title_gender_before(span.start) {
            return Some(g);
        }
        self.entity_gender(e)
    }

    /// The gender of the title word right before byte `pos` (“Mrs.
    /// Clinton”).
    fn title_gender_before(&self, pos: usize) -> Option<Gender> {
        let before = self.text.get(pos.saturating_sub(12)..pos)?.trim_end();
        let word = before.rsplit(|c: char| c.is_whitespace()).next()?;
        gender_of_value(lexicon::value(word, Class::GenderNoun))
    }

    /// The gender of person `e`, when its mentions, name and roles agree on
    /// one (computed once per article).
    pub(super) fn entity_gender(&self, e: usize) -> Option<Gender> {
        let n = self.entities.len();
        self.genders
            .get(n, e, || self.gender_of(&self.entities[e]))
            .copied()
            .flatten()
    }

    /// [`Self::entity_gender`] of one entity, computed.
    fn gender_of(&self, ent: &crate::model::Entity) -> Option<Gender> {
        if ent.kind != EntityKind::Person {
            return None;
        }
        let mut seen: Option<Gender> = None;
        let mut conflict = false;
        let mut note = |g: Option<Gender>| {
            if let Some(g) = g {
                match seen {
                    Some(s) if s != g => conflict = true,
                    _ => seen = Some(g),
                }
            }
        };
        note(name_gender(&ent.name));
        for a in &ent.aliases {
            note(name_gender(a));
        }
        for r in &ent.roles {
            note(role_gender(&r.text));
        }
        for m in &ent.mentions {
            note(self.title_gender_before(m.start));
        }
        if conflict {
            None
        } else {
            seen
        }
    }

    /// True when entity `e` looks like a person a pronoun can stand for:
    /// a person whose name holds a given name and a surname, or else has
    /// no function word, pronoun, cue, group word (“Republicans”:
    /// `group_word.tsv`), number word, holiday or weekday among its words
    /// (“Because I”, “Sanders Is Not”: headline words taken for a name;
    /// “Democratic”, “Christmas”, “Eight”), and is not one
    /// word in capitals (“POLITICO”) or naming a place or a people
    /// (“Tennessee”, “Chinese”). Computed once per article.
    pub(super) fn plausible_person(&self, e: usize) -> bool {
        let n = self.entities.len();
        self.plausible
            .get(n, e, || plausible_entity(&self.entities[e]))
            .copied()
            .unwrap_or(false)
    }

    /// True when the tokens `toks` of a sentence open with a participle's
    /// clause (“Noting that both candidates …, Ruiz put …”,
    /// “Speaking to reporters, …”, “Joined on stage by Lee, Roe …”): a
    /// capitalised “-ing” word that is no name of the article and not
    /// “According”, or a capitalised “-ed” word that is no name of the
    /// article followed by a lowercase word (“Asked about”, “Pressed on”).
    fn opens_participle_clause(&self, toks: &[crate::text::Token]) -> bool {
        let Some(t) = toks.first() else {
            return false;
        };
        let w = self.word(t);
        let ing = w.len() > 5 && w.ends_with("ing") && w != "According";
        let ed = w.len() > 4
            && w.ends_with("ed")
            && toks.get(1).is_some_and(|n| {
                n.kind == TokKind::Word && n.shape.has(crate::text::Shape::LOWERCASE)
            });
        (ing || ed)
            && t.shape.has(crate::text::Shape::CAPITALISED)
            && self.mention_starting_at(t.span.start).is_none()
    }

    /// The subject of a sentence (its tokens `toks`, from byte `from`, past
    /// a fronted clause) when it is a definite role or a noun of a person:
    /// “the” (“The billionaire businessman says”, “the senator added”), at
    /// most four more words that name no entity, the last a role noun or
    /// a gendered noun (`role_noun.tsv`, `gender_noun.tsv`), not
    /// possessive, then a lowercase word that is no preposition or
    /// connector of a role (“and”).
    fn definite_role_subject(&self, toks: &[crate::text::Token], from: usize) -> Option<Span> {
        let j = toks.iter().position(|t| t.span.start >= from)?;
        let the = &toks[j];
        if the.kind != TokKind::Word
            || !the.is(Class::Article)
            || !self.word(the).eq_ignore_ascii_case("the")
            || self.inside_marks(the.span.start)
        {
            return None;
        }
        let person_noun = Classes::all(&[Class::RoleNoun, Class::GenderNoun]);
        for k in j + 1..toks.len().min(j + 6) {
            let t = &toks[k];
            if t.kind != TokKind::Word || self.mention_starting_at(t.span.start).is_some() {
                return None;
            }
            let next = toks.get(k + 1)?;
            let head = t.shape.has(crate::text::Shape::LOWERCASE)
                && !t.shape.has(crate::text::Shape::POSSESSIVE)
                && t.classes.intersects(person_noun);
            // (not a preposition: “The French minister of energy, Ana
            // Ruiz, alluded …” names her in apposition)
            if head
                && next.kind == TokKind::Word
                && next.shape.has(crate::text::Shape::LOWERCASE)
                && !super::subject::is_preposition(self.word(next))
                && !next.is(Class::RoleConnector)
            {
                return Some(Span::new(the.span.start, t.span.end));
            }
        }
        None
    }

    /// The name opening a sentence (its tokens `toks`, from byte `from`,
    /// past a fronted clause) when no entity mention holds it: in the
    /// capitalised words opening it outside quotation marks (“Senate
    /// Farm Caucus Democrat Jo Roe”), two to four from the first given
    /// name (`given_name.tsv`, `given_name_gender.tsv`), the last not
    /// possessive, followed (past a parenthetical: “(D-Iowa)”) by a comma
    /// or a lowercase word that is no role noun, title modifier or
    /// function word (“Jo Roe campaign chairman Al Lee said”: the name
    /// modifies a role), nor a place's or plural noun (“Sandy Hook
    /// families sued …”); no word of the run an organisation's, a place's
    /// or a group's (“Austin Police”).
    fn unheld_subject_name(&self, toks: &[crate::text::Token], from: usize) -> Option<Span> {
        let mut j0 = toks.iter().position(|t| t.span.start >= from)?;
        // (past the comma closing a fronted clause)
        if self.word(&toks[j0]) == "," {
            j0 += 1;
        }
        if j0 >= toks.len() || self.inside_marks(toks[j0].span.start) {
            return None;
        }
        let mut end = j0;
        while end < toks.len() && end - j0 < 7 && self.is_name_word(toks, end) {
            end += 1;
        }
        let given = Classes::all(&[Class::GivenName, Class::GivenNameGender]);
        let j = (j0..end.saturating_sub(1))
            .find(|&k| toks[k].kind == TokKind::Word && toks[k].classes.intersects(given))?;
        if (j..end).any(|k| self.mention_starting_at(toks[k].span.start).is_some()) {
            return None;
        }
        let words = toks[j..end]
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .count();
        let last = &toks[end - 1];
        if !(2..=4).contains(&words)
            || last.kind != TokKind::Word
            || last.shape.has(crate::text::Shape::POSSESSIVE)
        {
            return None;
        }
        // a word of an organisation's or a place's name, or of a group
        // (`non_person_word.tsv`, `group_word.tsv`: “Austin Police”,
        // “Jordan River”): no person, though it opens with a given name
        if toks[j..end]
            .iter()
            .any(|t| t.is(Class::NonPersonWord) || t.is(Class::GroupWord))
        {
            return None;
        }
        let mut after = end;
        if toks.get(after).is_some_and(|t| self.word(t) == "(") {
            after =
                (after + 1..toks.len().min(after + 12)).find(|&k| self.word(&toks[k]) == ")")? + 1;
        }
        let next = toks.get(after)?;
        // (nor before a noun whose modifier is a place, or a plural one:
        // “Sandy Hook families sued …”, “Austin police said …”:
        // `place_noun.tsv`, `plural_noun.tsv`)
        let follows = self.word(next) == ","
            || (next.kind == TokKind::Word
                && next.shape.has(crate::text::Shape::LOWERCASE)
                && !next.is(Class::RoleNoun)
                && !next.is(Class::TitleModifier)
                && !next.is(Class::FunctionWord)
                && !next.is(Class::PlaceNoun)
                && !next.is(Class::PluralNoun));
        follows.then(|| Span::new(toks[j].span.start, last.span.end))
    }

    /// The person mention standing for the definite role at `span`, as a
    /// role subject of a cue resolves ([`Ctx::resolve_subject`]: a person
    /// known to hold it, else the nearest person before holding no other
    /// role); `None` for a noun naming no title (“the businessman”, “the
    /// woman”: who is meant cannot be told).
    fn role_holder(&self, span: Span, speakers: &Said) -> Option<(Span, usize)> {
        let core = crate::entities::role_core(span.slice(self.text));
        if core.is_empty() {
            return None;
        }
        let e = self
            .resolve_subject(super::subject::Subject::Role(span), speakers)
            .and_then(|s| s.entity)
            .or_else(|| self.abbreviated_title_holder(&core, span))?;
        // the last mention of that person before the role, else its first
        let k = self.mentions.partition_point(|(m, _)| m.start < span.start);
        self.mentions[..k]
            .iter()
            .rev()
            .chain(self.mentions[k..].iter())
            .find(|&&(_, x)| x == e)
            .copied()
    }

    /// The nearest person before the role phrase at `role` holding, as an
    /// abbreviated title, the one role noun `core` names (“Sen. Jane Roe”
    /// for “the senator”: `title_expansion.tsv`); for a pronoun after a
    /// sentence whose subject is that role, when no person is known to
    /// hold the role as written. The words of `title_qualifier.tsv` before
    /// the title (in the person's role or right before it) must be those
    /// of the role phrase: “Lt. Gov. Jane Roe”, “former Gov. Jane Roe”
    /// are not “the governor” (“the former governor” is the latter).
    fn abbreviated_title_holder(&self, core: &[String], role: Span) -> Option<usize> {
        let [noun] = core else {
            return None;
        };
        // a qualifier, spelled out (“Lt.” is “lieutenant”)
        let qualifier = |w: &str| {
            let w = w.trim_end_matches('.');
            lexicon::classes(w).has(Class::TitleQualifier).then(|| {
                let w = w.to_lowercase();
                lexicon::value(&w, Class::TitleExpansion).map_or(w, str::to_string)
            })
        };
        let qualifiers = |words: &mut dyn Iterator<Item = &str>| {
            let mut q: Vec<String> = words.filter_map(qualifier).collect();
            q.sort();
            q
        };
        let wanted = qualifiers(&mut role.slice(self.text).split_whitespace());
        self.nearest_person_before(role.start, |e| {
            self.entities[e].roles.iter().any(|r| {
                r.text.split_whitespace().enumerate().any(|(i, w)| {
                    let abbr = w.trim_end_matches('.');
                    lexicon::value(abbr, Class::TitleExpansion)
                        .is_some_and(|v| v.split('|').any(|n| n == noun))
                        && {
                            // (the word written right before the role:
                            // “former Gov.” keeps “Gov.” as the role)
                            let before = self.text[..r.span.start].split_whitespace().next_back();
                            let mut all = r.text.split_whitespace().take(i).chain(before);
                            qualifiers(&mut all) == wanted
                        }
                })
            })
        })
    }

    /// True when the mention `m` modifies a role written before the person
    /// holding it (“Sanders campaign manager Jeff Weaver said”, “Trump
    /// spokesman Hope Hicks”): lowercase `title_modifier` words, a
    /// lowercase role noun, then a person's name. Such a name is no
    /// subject, so no pronoun's antecedent.
    fn modifies_named_role(&self, toks: &[crate::text::Token], m: Span) -> bool {
        let mut k = toks.partition_point(|t| t.span.start < m.end);
        while let Some(t) = toks.get(k) {
            if t.kind != TokKind::Word || !t.shape.has(crate::text::Shape::LOWERCASE) {
                return false;
            }
            if t.is(Class::RoleNoun) {
                return toks.get(k + 1).is_some_and(|n| {
                    self.mention_starting_at(n.span.start)
                        .is_some_and(|(_, e)| self.entities[e].kind == EntityKind::Person)
                });
            }
            if !t.is(Class::TitleModifier) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// True when byte `pos` lies inside a pair of quotation marks.
    pub(super) fn inside_marks(&self, pos: usize) -> bool {
        let i = self.mark_spans.partition_point(|&(open, _)| open <= pos);
        i > 0 && pos < self.mark_reach[i - 1]
    }

    /// The entities named, outside quotation marks, in the clause of the
    /// pronoun at `pronoun` (in sentence `si`) after it: up to a quotation
    /// mark, a semicolon, a comma before “and”, “but” or “while”, or an
    /// adverbial clause (“he said after Smith read the charges”). A
    /// pronoun subject never stands for a name of its own clause (“she
    /// told Reeves”, “he said of Trump”, “he said, adding that Trump …”).
    fn named_in_clause_after(&self, si: usize, pronoun: Span) -> Vec<usize> {
        let toks = self.sentence_toks(si);
        let k = toks.partition_point(|t| t.span.start <= pronoun.start);
        // where the clause ends: only punctuation and one class can end it
        let end = toks[k..]
            .iter()
            .enumerate()
            .find(|&(j, t)| {
                if t.kind == TokKind::Word {
                    return t.is(Class::AdverbialSubordinator);
                }
                match self.word(t) {
                    "“" | "”" | "\"" | "''" | ";" => true,
                    "," => toks
                        .get(k + j + 1)
                        .is_some_and(|n| matches!(self.word(n), "and" | "but" | "while")),
                    _ => false,
                }
            })
            .map_or(self.sentences[si].span.end, |(_, t)| t.span.start);
        let from = self
            .mentions
            .partition_point(|(m, _)| m.start < pronoun.end);
        self.mentions[from..]
            .iter()
            .take_while(|(m, _)| m.start < end)
            .filter(|(m, _)| !self.inside_marks(m.start))
            .map(|&(_, e)| e)
            .collect()
    }

    /// The person that the pronoun at `pronoun` stands for, as an entity
    /// or (for a speaker no entity holds) the span of a name. `speakers`
    /// are the speakers found so far.
    pub(super) fn resolve_pronoun(
        &self,
        pronoun: Span,
        speakers: &Said,
    ) -> Option<(Option<usize>, Span)> {
        let gender = pronoun_gender(pronoun.slice(self.text));
        let si = self.sentence_of(pronoun.start);
        let mut named_after = self.named_in_clause_after(si, pronoun);
        // nor a person named inside the quotation marks of its own
        // sentence before it: a speaker seldom names himself (“Cruz is
        // our best debater,” he says)
        let sent = self.sentences[si].span;
        let k = self.mentions.partition_point(|(m, _)| m.start < sent.start);
        named_after.extend(
            self.mentions[k..]
                .iter()
                .take_while(|(m, _)| m.start < pronoun.start)
                .filter(|(m, _)| self.inside_marks(m.start))
                .map(|&(_, e)| e),
        );
        let fits = |span: Span, e: usize| {
            self.plausible_person(e)
                && !named_after.contains(&e)
                && genders_agree(gender, self.mention_gender(span, e))
        };
        let lo = si.saturating_sub(MAX_CHAIN_BACK);
        // sentences passed over that break no chain (see below)
        let mut passed = 0;
        // “Asked whether Clinton would win, she replied”: after a fronted
        // clause, the names of that clause are not the subject
        let fronted = {
            let toks = self.sentence_toks(si);
            let k = toks.partition_point(|t| t.span.start < pronoun.start);
            k > 0 && self.word(&toks[k - 1]) == ","
        };
        for s in (lo..=si).rev() {
            let sent = self.sentences[s].span;
            let limit = if s == si { pronoun.start } else { sent.end };
            let toks = self.sentence_toks(s);
            // a sentence opening with an adverbial clause (“When Maddow
            // pointed out …, Clinton seized upon …”): its names up to the
            // first comma are not the subject; the first of them is taken
            // when the main clause names no one that fits
            let fronted_end = toks
                .first()
                .filter(|t| {
                    t.is(Class::AdverbialSubordinator) || self.opens_participle_clause(toks)
                })
                .and_then(|_| toks.iter().find(|t| self.word(t) == ","))
                .map_or(0, |t| t.span.start);
            // “He was attacked by Jones.”: a sentence whose first person
            // reference (past a fronted clause) is a pronoun of the same
            // gender goes on with the same person; the names after it are
            // not the antecedent
            let topic_pronoun = if s == si || gender.is_none() {
                None
            } else {
                toks.iter()
                    .find(|t| {
                        t.span.start >= fronted_end
                            && t.is(Class::PersonPronoun)
                            && !self.inside_marks(t.span.start)
                    })
                    .filter(|t| pronoun_gender(self.word(t)) == gender)
                    .map(|t| t.span.start)
            };
            // a sentence that goes on with a pronoun of the same gender
            // (“He retrieved a bottle …”), or quoted words only, keeps the
            // chain to the person: not counted against the window
            if s < si {
                let quoted = toks
                    .first()
                    .is_some_and(|t| self.inside_marks(t.span.start))
                    && toks.last().is_some_and(|t| self.inside_marks(t.span.start));
                if topic_pronoun.is_none() && !quoted {
                    passed += 1;
                    if passed > MAX_SENTENCES_BACK {
                        break;
                    }
                }
            }
            // the speakers of speech attributed in this sentence: of
            // quotation marks before those of reported speech, one of the
            // pronoun's gender before one of unknown gender, else the
            // first (the main clause's subject, most often: “When Lee
            // asked whether the levy would pass, Roe answered, “…” … “…,”
            // he added”: Roe)
            let from = speakers.partition_point(|&(p, _)| p < sent.start);
            let to = from + speakers[from..].partition_point(|&(p, _)| p < limit);
            // (`None` for a speaker that does not fit, else its rank)
            let rank = |p: usize, sp: &super::Speaker| {
                let (person, g) = match sp.entity {
                    Some(e) if named_after.contains(&e) => (false, None),
                    // the gender of the mention that names the
                    // speaker (“Mrs. Vance” of a couple merged on the
                    // surname is a woman)
                    // (read only when the entity's own is unknown)
                    Some(e) => (
                        self.plausible_person(e),
                        self.entity_gender(e)
                            .or_else(|| gender.and_then(|_| self.mention_gender(sp.name, e))),
                    ),
                    // a name no entity holds (an outlet, a company, a
                    // person the entity pass missed)
                    None => {
                        let name = sp.name.slice(self.text);
                        (plausible_name(name), name_gender(name))
                    }
                };
                (person && genders_agree(gender, g)).then(|| {
                    2 * usize::from(!self.inside_marks(p))
                        + usize::from(gender.is_some() && g.is_none())
                })
            };
            let best = speakers[from..to]
                .iter()
                .filter_map(|&(p, ref sp)| rank(p, sp).map(|r| (r, sp)))
                .min_by_key(|&(r, _)| r);
            if let Some((_, sp)) = best {
                return Some((sp.entity, sp.name));
            }
            if s == si && fronted {
                continue;
            }
            // “The billionaire businessman says … . But he also says …”: a
            // sentence whose subject is a definite role or a noun of a
            // person (“the senator”, “the businessman”) of a fitting gender
            // names the person the pronoun stands for: a person of the
            // article known to hold that role, else no one the rules can
            // name (not a person named further back)
            if s < si {
                if let Some(role) = self.definite_role_subject(toks, fronted_end) {
                    if genders_agree(gender, role_gender(role.slice(self.text))) {
                        return self
                            .role_holder(role, speakers)
                            .filter(|&(m, e)| fits(m, e))
                            .map(|(m, e)| self.past_initial(m, e));
                    }
                }
            }
            // “Jo Roe, the county chairman, on Friday unveiled …”: a sentence
            // opening with a person's name that no entity holds (a given
            // name of ours, then a surname) before its verb or apposition
            if s < si {
                if let Some(name) = self.unheld_subject_name(toks, fronted_end) {
                    let name_text = name.slice(self.text);
                    if genders_agree(gender, name_gender(name_text)) && plausible_name(name_text) {
                        return Some((None, name));
                    }
                }
            }
            // the people mentioned, outside quotation marks, first first; a
            // possessive (“Trump’s campaign manager”) is no subject, nor a
            // name after a determiner (“the Bernie Sanders campaign”, “a
            // Trump rally”: it modifies a noun). A possessive opening the
            // sentence names its topic (“Palin’s posts about ISIS include
            // …”): taken when no subject of the sentence fits (`owner`).
            let mut owner = None;
            let k = self.mentions.partition_point(|(m, _)| m.start < sent.start);
            for &(m, e) in self.mentions[k..]
                .iter()
                .take_while(|(m, _)| m.start < limit)
            {
                if topic_pronoun.is_some_and(|p| p < m.start) {
                    break;
                }
                if m.end > limit || self.inside_marks(m.start) || !fits(m, e) {
                    continue;
                }
                // (the mention holds its possessive ending when the
                // tokenizer kept it in the name's last token: “Sanders's”)
                let written = m.slice(self.text);
                let possessive = written.ends_with("’s")
                    || written.ends_with("'s")
                    || self
                        .text
                        .get(m.end..)
                        .is_some_and(|r| r.starts_with("’s") || r.starts_with("'s"));
                if possessive {
                    if owner.is_none() && toks.first().is_some_and(|t| t.span.start == m.start) {
                        owner = Some((m, e));
                    }
                    continue;
                }
                let j = toks.partition_point(|t| t.span.start < m.start);
                if j > 0 && toks[j - 1].is(Class::Determiner) {
                    continue;
                }
                if self.modifies_named_role(toks, m) {
                    continue;
                }
                if m.start < fronted_end {
                    // kept for a main clause naming no one (“Though Trump
                    // balked, the front-runner did offer …”)
                    if owner.is_none() {
                        owner = Some((m, e));
                    }
                    continue;
                }
                return Some(self.past_initial(m, e));
            }
            if let Some((m, e)) = owner {
                return Some(self.past_initial(m, e));
            }
        }
        None
    }
}
