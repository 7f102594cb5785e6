//! A small builder of hand-made extractions and alignments for the tests.
#![allow(dead_code)]

use crosscheck_align::{
    Alignment, ClaimKind, ClaimRef, EditOp, Evidence, Finding, FindingKind, Person, Scores,
    TokenEdit, UniqueClaim,
};
use crosscheck_parse::{
    Article, Diagnostic, Entity, EntityKind, Extraction, Quote, QuoteKind, Severity, Span,
};

/// An extraction of `text` with no extracted items but the given entities.
pub fn extraction(id: &str, text: &str, url: Option<&str>) -> Extraction {
    Extraction {
        article: Article {
            id: id.into(),
            source: Some(format!("{} news", id.to_uppercase())),
            title: Some(format!("Title of {id}")),
            url: url.map(String::from),
            language: Some("en".into()),
            published: chrono::NaiveDate::from_ymd_opt(2022, 2, 4),
            text: text.into(),
            origin: format!("seeds/{id}.txt"),
        },
        sentences: vec![],
        quotes: vec![],
        dates: vec![],
        quantities: vec![],
        entities: vec![],
        diagnostics: vec![],
    }
}

/// Evidence for the first occurrence of `needle` in `text` of `article`.
pub fn ev(article: &str, text: &str, needle: &str, kind: ClaimKind, index: usize) -> Evidence {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {article}"));
    Evidence {
        claim: ClaimRef {
            article: article.into(),
            kind,
            index,
            span: Span::new(start, start + needle.len()),
        },
        text: needle.into(),
        speaker: None,
        value: None,
        value_span: None,
    }
}

/// A finding with no diff and default scores.
pub fn finding(kind: FindingKind, confidence: f64, a: Evidence, b: Evidence) -> Finding {
    Finding {
        kind,
        confidence,
        a,
        b,
        diff: vec![],
        scores: Scores {
            token: 0.8,
            chars: 0.7,
            containment: 0.9,
        },
        explanation: format!("{} finding", kind.as_str()),
    }
}

pub const AP: &str = "Russia has massed 100,000 troops near the border, officials said on Friday. \
“We prefer diplomacy,” Antony Blinken said. He said \"no\"\nthen left. NATO met in Brussels.";
pub const BBC: &str =
    "Some 130,000 troops are near the border. “We prefer diplomacy,” Blinken said \
on Thursday. Sources <script>alert(1)</script> said the talks end on 4 February.";
pub const RT: &str =
    "“We want diplomacy,” Blinken said. He said \"no\"\nthen left, Lavrov claimed. \
The talks end on 10 February. Moscow denies any plan.";

/// Three articles (ap, bbc, rt) and an alignment with one finding of most
/// kinds, one unique claim and one person.
pub fn sample() -> (Vec<Extraction>, Alignment) {
    let mut ap = extraction("ap", AP, Some("https://example.com/ap?a=1&b=2"));
    ap.entities = vec![
        Entity {
            name: "Antony Blinken".into(),
            kind: EntityKind::Person,
            aliases: vec!["Blinken".into()],
            roles: vec![],
            mentions: vec![],
        },
        Entity {
            name: "NATO".into(),
            kind: EntityKind::Organization,
            aliases: vec![],
            roles: vec![],
            mentions: vec![],
        },
        Entity {
            name: "Brussels".into(),
            kind: EntityKind::Place,
            aliases: vec![],
            roles: vec![],
            mentions: vec![],
        },
    ];
    ap.quotes = vec![Quote {
        text: "We prefer diplomacy,".into(),
        span: Span::new(0, 1),
        kind: QuoteKind::Direct,
        speaker: Some("Antony Blinken".into()),
        speaker_span: None,
        speaker_entity: Some(0),
        cue: Some("said".into()),
        attribution: crosscheck_parse::Attribution::Verb,
        sentence: 1,
        continues: None,
    }];
    let mut bbc = extraction("bbc", BBC, None);
    bbc.diagnostics = vec![Diagnostic {
        origin: "seeds/bbc.txt".into(),
        severity: Severity::Warning,
        message: "repaired <broken> markup".into(),
        offset: Some(12),
    }];
    let rt = extraction("rt", RT, Some("https://example.com/rt"));

    // quantity: ap vs bbc
    let mut qa = ev("ap", AP, "100,000 troops", ClaimKind::Quantity, 0);
    qa.value = Some("[100000, 100000]".into());
    let mut qb = ev("bbc", BBC, "Some 130,000 troops", ClaimKind::Quantity, 0);
    qb.value = Some("[117000, 143000]".into());
    let s = BBC.find("130,000").unwrap();
    qb.value_span = Some(Span::new(s, s + 7));
    let quantity = finding(FindingKind::Quantity, 0.91, qa, qb);

    // agreement: ap vs bbc quote
    let mut aa = ev("ap", AP, "We prefer diplomacy,", ClaimKind::Quote, 0);
    aa.speaker = Some("Antony Blinken".into());
    let mut ab = ev("bbc", BBC, "We prefer diplomacy,", ClaimKind::Quote, 0);
    ab.speaker = Some("Antony Blinken".into());
    let agreement = finding(FindingKind::Agreement, 0.97, aa, ab);

    // quote wording: bbc vs rt, with a diff edit
    let mut wa = ev("bbc", BBC, "We prefer diplomacy,", ClaimKind::Quote, 0);
    wa.speaker = Some("Antony Blinken".into());
    let mut wb = ev("rt", RT, "We want diplomacy,", ClaimKind::Quote, 0);
    wb.speaker = Some("Antony Blinken".into());
    let pa = BBC.find("prefer").unwrap();
    let pb = RT.find("want").unwrap();
    let mut wording = finding(FindingKind::QuoteWording, 0.88, wa, wb);
    wording.diff = vec![TokenEdit {
        op: EditOp::Substitution,
        a_text: "prefer".into(),
        a_span: Some(Span::new(pa, pa + 6)),
        b_text: "want".into(),
        b_span: Some(Span::new(pb, pb + 4)),
    }];

    // attribution: ap vs rt, text with newline and quotes
    let mut ta = ev(
        "ap",
        AP,
        "He said \"no\"\nthen left.",
        ClaimKind::Sentence,
        3,
    );
    ta.speaker = Some("Antony Blinken".into());
    let mut tb = ev(
        "rt",
        RT,
        "He said \"no\"\nthen left,",
        ClaimKind::Sentence,
        1,
    );
    tb.speaker = Some("Sergei Lavrov".into());
    let mut attribution = finding(FindingKind::Attribution, 0.6, ta, tb);
    attribution.explanation = "Attributed to \"Blinken\" in ap,\nto Lavrov in rt.".into();

    // date: bbc vs rt, with <script> in the text
    let mut da = ev(
        "bbc",
        BBC,
        "Sources <script>alert(1)</script> said the talks end on 4 February.",
        ClaimKind::Sentence,
        2,
    );
    da.value = Some("2022-02-04".into());
    let mut db = ev(
        "rt",
        RT,
        "The talks end on 10 February.",
        ClaimKind::Sentence,
        2,
    );
    db.value = Some("2022-02-10".into());
    let date = finding(FindingKind::Date, 0.75, da, db);

    // place: low confidence
    let pa = ev("ap", AP, "NATO met in Brussels.", ClaimKind::Sentence, 4);
    let pb = ev("rt", RT, "Moscow denies any plan.", ClaimKind::Sentence, 3);
    let place = finding(FindingKind::Place, 0.3, pa, pb);

    let alignment = Alignment {
        findings: vec![quantity, agreement, wording, attribution, date, place],
        unique: vec![UniqueClaim {
            claim: ClaimRef {
                article: "rt".into(),
                kind: ClaimKind::Sentence,
                index: 3,
                span: Span::new(0, 5),
            },
            text: "Moscow denies any plan.".into(),
            speaker: None,
        }],
        people: vec![Person {
            name: "Antony Blinken".into(),
            aliases: vec!["Antony Blinken".into(), "Blinken".into()],
            mentions: vec![("ap".into(), 0)],
            roles: vec![("ap".into(), "Secretary of State".into())],
        }],
    };
    (vec![ap, bbc, rt], alignment)
}

/// The same input, every list reversed and finding sides swapped where
/// that keeps the content.
pub fn shuffled(x: &[Extraction], a: &Alignment) -> (Vec<Extraction>, Alignment) {
    let mut x = x.to_vec();
    x.reverse();
    let mut a = a.clone();
    a.findings.reverse();
    for f in a.findings.iter_mut().step_by(2) {
        std::mem::swap(&mut f.a, &mut f.b);
        for e in &mut f.diff {
            std::mem::swap(&mut e.a_text, &mut e.b_text);
            std::mem::swap(&mut e.a_span, &mut e.b_span);
        }
    }
    a.unique.reverse();
    a.people.reverse();
    (x, a)
}
