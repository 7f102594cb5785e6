//! The subject of a reporting verb: who speaks, found by walking the
//! sentence's tokens left of the verb (“Blinken said”, “Sen. Jane Roe
//! (R-Ohio) said”, “Hugh Hill, a doctor at the clinic, said”) or right of it
//! (“said Blinken”, “said the White House”).

use super::Ctx;
use crate::lexicon::{self, Class, Classes};
use crate::model::{EntityKind, Span};
use crate::text::{Shape, TokKind, Token};

/// How the subject of a reporting verb is expressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Subject {
    /// A mention of an entity (person, organisation or place).
    Entity(usize, Span),
    /// A capitalised name that no entity mention covers (“Hugh Hill”, an
    /// outlet such as “Vulture”).
    Name(Span),
    /// “he” / “she”.
    Pronoun(Span),
    /// A role phrase (“the Secretary of State”).
    Role(Span),
    /// No subject found.
    Unknown,
}

impl Subject {
    /// The words of the subject, when there are some.
    pub(super) fn span(self) -> Option<Span> {
        match self {
            Subject::Entity(_, s) | Subject::Name(s) | Subject::Pronoun(s) | Subject::Role(s) => {
                Some(s)
            }
            Subject::Unknown => None,
        }
    }
}

/// Words of a role phrase: role nouns and title modifiers.
pub(super) const TITLE_WORDS: Classes = Classes::all(&[Class::RoleNoun, Class::TitleModifier]);
/// Words of a role phrase, with the role modifiers (“Russian”, “NATO”).
pub(super) const ROLE_WORDS: Classes = TITLE_WORDS.with(Class::RoleModifier);
/// A cue next to a quotation: a reporting verb, or a verb that reports
/// speech only there (“read”, “snapped”).
pub(super) const QUOTE_CUES: Classes = Classes::all(&[Class::ReportingVerb, Class::QuoteVerb]);

/// Capitalised words that start a sentence or a clause but no name.
const NOT_NAME: Classes = Classes::all(&[
    Class::StopCapitalised,
    Class::Month,
    Class::Weekday,
    Class::PersonPronoun,
    Class::Determiner,
]);

/// Longest apposition skipped between a name and its verb, in tokens.
const MAX_APPOSITION: usize = 40;

impl<'a> Ctx<'a> {
    /// The text of token `t`.
    pub(super) fn word(&self, t: &Token) -> &'a str {
        t.span.slice(self.text)
    }

    /// True for a token that may be part of a person's or an outlet's
    /// name: a capitalised word that is no stop word, month or weekday, or
    /// an initial's full stop (“Jeffrey M. Jones”).
    pub(super) fn is_name_word(&self, toks: &[Token], i: usize) -> bool {
        let t = &toks[i];
        if t.kind == TokKind::Word {
            return t.shape.has(Shape::CAPITALISED) && !t.classes.intersects(NOT_NAME);
        }
        // the full stop of an initial: a single capital letter before it
        self.word(t) == "."
            && i > 0
            && toks[i - 1].kind == TokKind::Word
            && toks[i - 1].span.len() == 1
            && toks[i - 1].span.end == t.span.start
            && toks[i - 1].shape.has(Shape::CAPITALISED)
    }

    /// The subject whose last token is `toks[end - 1]`: a pronoun, an
    /// entity mention ending there, a capitalised name, or a role phrase.
    pub(super) fn subject_ending_at(&self, toks: &[Token], mut end: usize) -> Subject {
        // a name's suffix: “James B. Comey Jr.”
        if end >= 2
            && self.word(&toks[end - 1]) == "."
            && matches!(self.word(&toks[end - 2]), "Jr" | "Sr")
        {
            end -= 2;
        } else if end >= 1 && matches!(self.word(&toks[end - 1]), "Jr." | "Sr.") {
            end -= 1;
        }
        if end == 0 {
            return Subject::Unknown;
        }
        let last = toks[end - 1];
        if last.kind != TokKind::Word {
            return Subject::Unknown;
        }
        if last.is(Class::PersonPronoun) {
            return Subject::Pronoun(last.span);
        }
        if let Some((span, e)) = self.mention_ending_at(last.span.end) {
            return Subject::Entity(e, span);
        }
        if let Some(span) = self.name_ending_at(toks, end) {
            return Subject::Name(span);
        }
        // a surname that is also a role word (“Cuban said”, “English
        // said”): a person of the article by that surname
        if last.shape.has(Shape::CAPITALISED)
            && last.is(Class::RoleModifier)
            && (end < 2 || !toks[end - 2].is(Class::Determiner))
        {
            if let Some(e) = self.person_named(last.span) {
                return Subject::Entity(e, last.span);
            }
            // alone in its clause, right before its verb, such a word can
            // only be a name: a word of a role would need a determiner or
            // a noun (“Cuban said” is no “the Cuban official said”)
            if end < 2 || matches!(self.word(&toks[end - 2]), "," | "”" | "\"" | "''") {
                return Subject::Name(last.span);
            }
        }
        // a surname that is also a role noun, right after a person's
        // abbreviated title (“Mr. Singer said”, “Rep. King said”): the
        // title makes it a name
        if end >= 2
            && last.shape.has(Shape::CAPITALISED)
            && !last.shape.has(Shape::POSSESSIVE)
            && self.title_abbreviation_before(toks, end - 1)
        {
            if let Some(e) = self.person_named(last.span) {
                return Subject::Entity(e, last.span);
            }
            return Subject::Name(last.span);
        }
        if let Some(role) = self.role_ending_at(toks, end) {
            return Subject::Role(role);
        }
        Subject::Unknown
    }

    /// True when a person's abbreviated title with its full stop ends
    /// right before `toks[i]` (“Mr.”, “Dr.”, “Sen.”:
    /// `title_abbreviation.tsv`), one token or a word and a full stop.
    fn title_abbreviation_before(&self, toks: &[Token], i: usize) -> bool {
        let title = |t: &Token, w: &str| {
            t.kind == TokKind::Word
                && t.shape.has(Shape::CAPITALISED)
                && lexicon::classes(w).has(Class::TitleAbbreviation)
        };
        match i.checked_sub(1).map(|k| (&toks[k], self.word(&toks[k]))) {
            Some((t, ".")) => {
                i >= 2
                    && title(&toks[i - 2], self.word(&toks[i - 2]))
                    && toks[i - 2].span.end == t.span.start
            }
            Some((t, w)) => w.strip_suffix('.').is_some_and(|a| title(t, a)),
            None => false,
        }
    }

    /// A role phrase ending with `toks[end - 1]`.
    pub(super) fn role_ending_at(&self, toks: &[Token], end: usize) -> Option<Span> {
        if end == 0 {
            return None;
        }
        crate::entities::role_ending_with(self.text, self.gaz, &toks[..end])
    }

    /// A run of capitalised name words ending with `toks[end - 1]`, at most
    /// four words, leading titles and role words left out (“Sen. Jane
    /// Roe” gives “Jane Roe”). `None` when the run is all titles.
    pub(super) fn name_ending_at(&self, toks: &[Token], end: usize) -> Option<Span> {
        if end == 0 || !self.is_name_word(toks, end - 1) || toks[end - 1].kind != TokKind::Word {
            return None;
        }
        let mut first = end - 1;
        let mut words = 1;
        while first > 0 && words < 5 {
            let k = first - 1;
            let joined = toks[k].span.end + 1 >= toks[k + 1].span.start;
            if !joined {
                break;
            }
            if self.is_name_word(toks, k) {
                words += usize::from(toks[k].kind == TokKind::Word);
                first = k;
            } else if toks[k].is(Class::NameParticle) && k > 0 && self.is_name_word(toks, k - 1) {
                first = k;
            } else {
                break;
            }
        }
        // leading titles and role words are no part of the name
        while first < end - 1
            && self
                .analysis
                .classes_without_possessive(&toks[first])
                .intersects(ROLE_WORDS)
        {
            first += 1;
        }
        let last = &toks[end - 1];
        let name_like = |t: &Token| {
            t.kind != TokKind::Word
                || !self
                    .analysis
                    .classes_without_possessive(t)
                    .intersects(ROLE_WORDS)
        };
        if !toks[first..end].iter().any(name_like) || last.shape.has(Shape::POSSESSIVE) {
            return None;
        }
        // a run that is a gazetteer place or organisation is an entity's
        // (found by `mention_ending_at`), not a name of ours
        Some(Span::new(toks[first].span.start, last.span.end))
    }

    /// The first index left of `end` that is not an auxiliary or an adverb
    /// (“Blinken has also announced”, “Trump angrily said”, “he often
    /// says”).
    pub(super) fn skip_auxiliaries(&self, toks: &[Token], mut end: usize) -> usize {
        while end > 0 {
            let t = &toks[end - 1];
            let w = self.word(t);
            let adverb = t.shape.has(Shape::LOWERCASE)
                && ((w.len() > 4 && w.ends_with("ly")) || t.is(Class::SubjectAdverb));
            if t.kind == TokKind::Word && (t.is(Class::Auxiliary) || adverb) {
                end -= 1;
            } else {
                break;
            }
        }
        end
    }

    /// The subject of the reporting verb `toks[v]`, looking left: over
    /// auxiliaries and adverbs, a parenthetical (“Sen. Jane Roe (R-Ohio)
    /// said”) and an apposition or relative clause between commas (“Hugh
    /// Hill, a doctor at the clinic, said”), to a pronoun, an entity, a
    /// name or a role. `floor` is the first token the subject may use.
    pub(super) fn subject_left(&self, toks: &[Token], v: usize, floor: usize) -> Subject {
        let toks = &toks[..v];
        let mut end = self.skip_auxiliaries(toks, v);
        if end <= floor {
            return Subject::Unknown;
        }
        // “Blinken, who has denied”
        if end >= floor + 2
            && self.word(&toks[end - 1]) == "who"
            && self.word(&toks[end - 2]) == ","
        {
            end -= 1;
        }
        // a parenthetical after the name (“Gov. John Kasich (R-OH), said”)
        if end >= floor + 2 && self.word(&toks[end - 1]) == "," && self.word(&toks[end - 2]) == ")"
        {
            end -= 1;
        }
        if self.word(&toks[end - 1]) == ")" {
            if let Some(open) = (floor..end - 1)
                .rev()
                .take(12)
                .find(|&i| self.word(&toks[i]) == "(")
            {
                end = open;
            }
        }
        // a party and state between commas after the name (“Sen. Jo Roe,
        // R-Ky., said”, “Rep. Al Lee, D-N.Y., said”): the tag's first
        // bytes read (cheap: this runs for every cue), then its comma
        if end >= floor + 4 {
            let bytes = self.text.as_bytes();
            let tag = (end.saturating_sub(6).max(floor + 2)..end - 1)
                .rev()
                .find(|&i| is_party_tag(bytes.get(toks[i].span.start..).unwrap_or_default()));
            if let Some(i) = tag {
                if self.word(&toks[end - 1]) == "," && self.word(&toks[i - 1]) == "," {
                    end = i - 1;
                }
            }
        }
        if end > floor && self.word(&toks[end - 1]) == "," {
            // an apposition or relative clause: “NAME, a doctor, said”,
            // “Clinton, speaking to reporters in Ohio, said”
            if let Some(s) = self.apposition_left(toks, end - 1, floor) {
                return s;
            }
            // “Jens Stoltenberg, announced”
            let before = self.subject_ending_at(&toks[floor..], end - 1 - floor);
            let person = match before {
                Subject::Entity(e, _) => self.entities[e].kind == EntityKind::Person,
                Subject::Name(_) => true,
                _ => false,
            };
            return if person { before } else { Subject::Unknown };
        }
        let s = self.subject_ending_at(&toks[floor..], end - floor);
        self.person_of_place(toks, floor, s).unwrap_or(s)
    }

    /// “James Pethokoukis of the American Enterprise Institute wrote”,
    /// “former Gov. Jeb Bush of Florida said”: a subject that is an
    /// organisation, a place or a name, after “of” or “of the”, behind a
    /// person: that person.
    ///
    /// A one-word “person” there (“Jane Foley of Rabobank said”: the
    /// entity pass made the bank a person, a single capitalised word
    /// before a reporting verb) is the body too.
    fn person_of_place(&self, toks: &[Token], floor: usize, s: Subject) -> Option<Subject> {
        let span = match s {
            Subject::Entity(e, span) if self.entities[e].kind != EntityKind::Person => span,
            Subject::Entity(_, span) if !span.slice(self.text).contains(' ') => span,
            Subject::Name(span) => span,
            _ => return None,
        };
        let mut k = toks[floor..].partition_point(|t| t.span.start < span.start) + floor;
        if k > floor && toks[k - 1].is(Class::Article) {
            k -= 1;
        }
        if k <= floor + 1 || self.word(&toks[k - 1]) != "of" {
            return None;
        }
        let left = self.subject_ending_at(&toks[floor..], k - 1 - floor);
        self.surely_person(left).then_some(left)
    }

    /// The subject before an apposition that ends with the comma
    /// `toks[comma]`: a subject must end right before the comma that opens
    /// the segment (or before a second apposition: “Sarandon, 69, an
    /// actress, said”), and the segment must look like an apposition
    /// (starts with an article, a relative pronoun, a number, a role word
    /// or a possessive), unless that subject is surely a person (a person
    /// entity or a name of two words or more: “Robert Peck, managing
    /// director and equity analyst at Acme, said”). A parenthetical after
    /// the subject is passed over (“Rep. Jo Roe (Mich.), a delegate, said”).
    /// A segment opening with “which” tells of the thing before it, which
    /// is the subject (“Boeing, which builds the jets, said”) unless it
    /// closes an apposition of its own, whose subject is taken (“Jo Roe,
    /// the treasurer of the Elm Street Food Bank, which opened in 1998,
    /// recalled”).
    fn apposition_left(&self, toks: &[Token], comma: usize, floor: usize) -> Option<Subject> {
        // the segment's first token must look like an apposition's, the
        // segment may hold commas of its own (“now 81 and retired in
        // Cambridge, Mass.”): up to three commas back
        let mut right = comma;
        let mut typical_seen = false;
        for _ in 0..3 {
            let left = (floor..right).rev().take(MAX_APPOSITION).find(|&i| {
                match self.word(&toks[i]) {
                    "," | "“" | "”" | "\"" | ";" | ":" | "—" => true,
                    // a mark, unless the possessive of a word in “s”
                    // (“Jeff Weaver, Sanders' campaign manager, said”)
                    "'" => !self.is_plural_possessive(toks, i),
                    _ => false,
                }
            })?;
            if self.word(&toks[left]) != "," || left + 1 >= right {
                return None;
            }
            let first = &toks[left + 1];
            // “…, of Springfield, Mass., said”: an abbreviated state after
            // a place belongs to the segment before it
            if right - left == 3
                && first.shape.has(Shape::CAPITALISED)
                && self.word(&toks[left + 2]) == "."
            {
                right = left;
                continue;
            }
            let w = self.word(first);
            // a clause on “which” tells of the thing named before it: that
            // thing speaks (“Boeing, which builds the jets, said”) unless
            // it ends an apposition of its own, whose subject speaks (“Jo
            // Roe, the treasurer of the Elm Street Food Bank, which opened
            // in 1998, recalled”)
            if w == "which" {
                if let Some(s) = self.apposition_left(toks, left, floor) {
                    return Some(s);
                }
                let s = self.subject_ending_at(&toks[floor..], left - floor);
                let found = matches!(
                    s,
                    Subject::Entity(..) | Subject::Name(_) | Subject::Pronoun(_)
                );
                // (“Jane Foley of Rabobank, which advises …”: the person)
                return found.then(|| self.person_of_place(toks, floor, s).unwrap_or(s));
            }
            // (a participle opens a clause: “Hewlett, delivering the
            // mayor's speech, asked”)
            let lower_start = first.kind == TokKind::Word
                && first.shape.has(Shape::LOWERCASE)
                && (first.is(Class::AppositionStart) || is_ing_form(w));
            let typical = lower_start
                || first.kind == TokKind::Number
                || first.shape.has(Shape::POSSESSIVE)
                || self
                    .analysis
                    .classes_without_possessive(first)
                    .intersects(ROLE_WORDS);
            typical_seen |= typical;
            // a parenthetical after the name (“Rep. Jo Roe (Mich.), a
            // delegate backing Lee, said”)
            let mut end = left;
            if end > floor + 1 && self.word(&toks[end - 1]) == ")" {
                if let Some(open) = (floor..end - 1)
                    .rev()
                    .take(12)
                    .find(|&i| self.word(&toks[i]) == "(")
                {
                    end = open;
                }
            }
            let s = self.subject_ending_at(&toks[floor..], end - floor);
            let found = matches!(
                s,
                Subject::Entity(..) | Subject::Name(_) | Subject::Pronoun(_)
            );
            if found && (typical || self.surely_person(s)) {
                return Some(s);
            }
            if found && !typical_seen {
                return None;
            }
            right = left;
        }
        None
    }

    /// True when `toks[i]` is an apostrophe glued to a word ending in “s”
    /// and followed by a word (“Sanders' campaign”): a possessive, not a
    /// quotation mark.
    pub(super) fn is_plural_possessive(&self, toks: &[Token], i: usize) -> bool {
        i > 0
            && toks[i - 1].kind == TokKind::Word
            && toks[i - 1].span.end == toks[i].span.start
            && self.word(&toks[i - 1]).ends_with(['s', 'S'])
            && toks
                .get(i + 1)
                .is_some_and(|n| n.kind == TokKind::Word && n.span.start > toks[i].span.end)
    }

    /// True for a subject that is a person entity or a name of two words
    /// or more.
    pub(super) fn surely_person(&self, s: Subject) -> bool {
        match s {
            Subject::Entity(e, _) => self.entities[e].kind == EntityKind::Person,
            Subject::Name(span) => span.slice(self.text).contains(' '),
            _ => false,
        }
    }

    /// “Trump campaign manager Corey Lewandowski”, “Ohio resident Jo
    /// Marsh”: when `toks[at]` is a lowercase noun (a role, or a word our
    /// lists do not know: no function word, no cue) followed within a few
    /// words by a person or a name, that person.
    fn person_after_role(&self, toks: &[Token], at: usize) -> Option<Subject> {
        let first = toks.get(at)?;
        let noun = |t: &Token| {
            t.kind == TokKind::Word
                && t.shape.has(Shape::LOWERCASE)
                && !t.classes.intersects(QUOTE_CUES)
                && !t.is(Class::FunctionWord)
                && !t.is(Class::Determiner)
                && !t.is(Class::Auxiliary)
                && !is_preposition(self.word(t))
        };
        if !noun(first) {
            return None;
        }
        for i in at + 1..toks.len().min(at + 5) {
            let t = &toks[i];
            if t.kind != TokKind::Word {
                return None;
            }
            if let Some((span, e)) = self.mention_starting_at(t.span.start) {
                return (self.entities[e].kind == EntityKind::Person)
                    .then_some(Subject::Entity(e, span));
            }
            if self.is_name_word(toks, i) && !t.classes.intersects(ROLE_WORDS) {
                let mut end = i + 1;
                while end < toks.len()
                    && end < i + 4
                    && self.is_name_word(toks, end)
                    && toks[end - 1].span.end + 1 >= toks[end].span.start
                {
                    end += 1;
                }
                return self.name_ending_at(toks, end).map(Subject::Name);
            }
            if !noun(t) && !t.classes.intersects(ROLE_WORDS) {
                return None;
            }
        }
        None
    }

    /// The subject after an inverted reporting verb `toks[v]` (“said
    /// Blinken”, “acknowledged NATO secretary Jens Stoltenberg”, “said the
    /// Secretary General of NATO, Jens Stoltenberg”, “said the younger Mr.
    /// Trump”, “said his best friend at Lehigh, Bruce Turry”, “said the
    /// White House”, “said the senator”). A name after a preposition is no
    /// subject (“said a source close to Tom Reyes”), nor the name after a
    /// verb whose object is the addressee (“told Fox News”).
    pub(super) fn subject_right(&self, toks: &[Token], v: usize) -> Subject {
        if toks[v].is(Class::AddresseeVerb) {
            return Subject::Unknown;
        }
        let rest = &toks[v + 1..];
        let mut role: Option<(usize, usize)> = None; // token range of a role phrase
        let mut org: Option<(usize, Span)> = None; // an organisation or place first
        let mut first_prep: Option<usize> = None;
        let limit = rest.len().min(18);
        let mut n = 0;
        while n < limit {
            let t = &rest[n];
            let w = self.word(t);
            if n == 0 && t.is(Class::PersonPronoun) {
                return Subject::Pronoun(t.span);
            }
            let after_prep = n > 0 && is_preposition(self.word(&rest[n - 1]));
            if let Some((span, e)) = self.mention_starting_at(t.span.start) {
                let end = rest.partition_point(|x| x.span.start < span.end);
                if after_prep {
                    // an object: “his best friend at Lehigh”
                    n = end.max(n + 1);
                    continue;
                }
                if self.entities[e].kind == EntityKind::Person {
                    // “said Trump campaign manager Corey Lewandowski”: a
                    // person, a role, another person
                    if let Some(other) = self.person_after_role(rest, end) {
                        return other;
                    }
                    return Subject::Entity(e, span);
                }
                // an organisation or place: the speaker (“said the White
                // House”), unless a role and a person follow (“said NATO
                // secretary Jens Stoltenberg”)
                let article_only = rest[..n].iter().all(|t| t.is(Class::Article));
                if article_only && org.is_none() {
                    org = Some((e, span));
                }
                role = Some((role.map_or(n, |r| r.0), end.max(n + 1) - 1));
                n = end.max(n + 1);
                continue;
            }
            if t.kind == TokKind::Word
                && self.is_name_word(rest, n)
                && !t.classes.intersects(ROLE_WORDS)
            {
                // a name of ours: the capitalised run from here
                let mut end = n + 1;
                while end < rest.len()
                    && end < n + 5
                    && (self.is_name_word(rest, end) || rest[end].is(Class::NameParticle))
                    && rest[end - 1].span.end + 1 >= rest[end].span.start
                {
                    end += 1;
                }
                if after_prep {
                    n = end;
                    continue;
                }
                let span = Span::new(t.span.start, rest[end - 1].span.end);
                if let Some((mspan, e)) = self.mention_ending_at(span.end) {
                    return Subject::Entity(e, mspan);
                }
                // a person named inside the run, after capitalised titles
                // the run took in (“said South Carolina Lt. Gov. Jim
                // Hodges”: the run stops at five words)
                let person = rest[n + 1..end].iter().find_map(|x| {
                    self.mention_starting_at(x.span.start)
                        .filter(|&(_, e)| self.entities[e].kind == EntityKind::Person)
                });
                if let Some((mspan, e)) = person {
                    return Subject::Entity(e, mspan);
                }
                // “said Labour leader Sarah Hughes”: a name of no one, a
                // role, a person
                if let Some(other) = self.person_after_role(rest, end) {
                    return other;
                }
                return Subject::Name(span);
            }
            // “said Cuban, who …”: a surname that is also a role word, alone
            if n == 0
                && t.shape.has(Shape::CAPITALISED)
                && t.is(Class::RoleModifier)
                && rest.get(1).is_none_or(|x| !x.shape.has(Shape::CAPITALISED))
            {
                if let Some(e) = self.person_named(t.span) {
                    return Subject::Entity(e, t.span);
                }
            }
            // a lowercase word after an organisation or place may be a
            // role our lists do not know (“said Idaho delegate Beau Correll”)
            let after_org = org.is_some()
                && n > 0
                && t.shape.has(Shape::LOWERCASE)
                && !t.classes.intersects(QUOTE_CUES);
            // a lowercase descriptor (“said the younger Mr. Trump”), a
            // preposition inside it (“his best friend at Lehigh”)
            let descriptor = t.kind == TokKind::Word
                && t.shape.has(Shape::LOWERCASE)
                && !t.classes.intersects(QUOTE_CUES)
                && !t.is(Class::Auxiliary)
                && !t.is(Class::PersonPronoun)
                && (!t.is(Class::FunctionWord) || t.is(Class::RoleConnector) || is_preposition(w));
            let role_word = t.kind == TokKind::Word
                && (self
                    .analysis
                    .classes_without_possessive(t)
                    .intersects(ROLE_WORDS)
                    || t.is(Class::Article)
                    || t.is(Class::Determiner)
                    || descriptor
                    || after_org);
            if role_word {
                if is_preposition(w) && first_prep.is_none() {
                    first_prep = Some(n);
                }
                role = Some((role.map_or(n, |r| r.0), n));
                n += 1;
                continue;
            }
            // an apposition: “said the Secretary General of NATO, Jens
            // Stoltenberg”, “said his best friend at Lehigh, Bruce Turry”
            if w == "," && n > 0 && role.is_some() {
                if let Some(next) = rest.get(n + 1) {
                    if let Some((span, e)) = self.mention_starting_at(next.span.start) {
                        if self.entities[e].kind == EntityKind::Person {
                            return Subject::Entity(e, span);
                        }
                    }
                    if next.kind == TokKind::Word && self.is_name_word(rest, n + 1) {
                        let mut end = n + 2;
                        while end < rest.len() && end < n + 5 && self.is_name_word(rest, end) {
                            end += 1;
                        }
                        if let Some(span) = self.name_ending_at(rest, end) {
                            if span.slice(self.text).contains(' ') {
                                return Subject::Name(span);
                            }
                        }
                    }
                }
                break;
            }
            break;
        }
        if let Some((e, span)) = org {
            return Subject::Entity(e, span);
        }
        if let Some((a, b)) = role {
            // the role phrase before any preposition, ending at its last
            // role noun (“said one person with knowledge of the
            // governor's plan” is no governor)
            let b = first_prep.map_or(b, |p| p.saturating_sub(1).min(b));
            let toks = &rest[a..=b.max(a)];
            if let Some(k) = toks.iter().rposition(|t| t.is(Class::RoleNoun)) {
                if let Some(span) = self.role_ending_at(toks, k + 1) {
                    return Subject::Role(span);
                }
            }
        }
        Subject::Unknown
    }
}

/// True for a lowercase word of five letters or more ending in “-ing”: a
/// present participle (“delivering”, “condemning”), or a gerund.
pub(super) fn is_ing_form(w: &str) -> bool {
    w.len() >= 5 && w.ends_with("ing")
}

/// Prepositions that make the name after them an object (“a source close
/// to Tom Reyes”, “his friend at Lehigh”).
/// A party and state tag of a US legislator (“R-Ky”, “D-Calif”, “I-Vt”,
/// “D-N”): R, D or I, a hyphen, a capital.
fn is_party_tag(w: &[u8]) -> bool {
    matches!(w, [b'R' | b'D' | b'I', b'-', c, ..] if c.is_ascii_uppercase())
}

pub(super) fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "to" | "at"
            | "of"
            | "from"
            | "with"
            | "for"
            | "in"
            | "by"
            | "near"
            | "about"
            | "on"
            | "during"
            | "after"
            | "before"
            | "since"
            | "over"
            | "under"
            | "into"
            | "through"
            | "across"
            | "against"
            | "among"
            | "between"
            | "within"
            | "without"
            | "outside"
            | "inside"
            | "amid"
            | "despite"
            | "via"
            | "like"
            | "as"
    )
}
