//! `Extraction::validate` finds each kind of broken invariant.
use crosscheck_parse::{extract, Article, Extraction, ItemKind, NaiveDate, Span, ValidationError};

fn seed() -> Extraction {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/000_93e88e4b70d85a76.txt"
    ))
    .unwrap();
    extract(Article {
        id: "seed".into(),
        published: NaiveDate::from_ymd_opt(2022, 1, 27),
        text,
        ..Article::default()
    })
}

fn broken(change: impl FnOnce(&mut Extraction)) -> String {
    broken_typed(change).to_string()
}

fn broken_typed(change: impl FnOnce(&mut Extraction)) -> ValidationError {
    let mut x = seed();
    change(&mut x);
    x.validate().expect_err("the change breaks an invariant")
}

#[test]
fn each_broken_invariant_has_its_variant() {
    let e = broken_typed(|x| x.sentences[1].span = Span::new(0, 5));
    assert_eq!(e, ValidationError::SentenceOrder { index: 1 });
    let e = broken_typed(|x| x.quotes[0].speaker_entity = Some(10_000));
    assert!(matches!(
        e,
        ValidationError::IndexOutOfRange {
            item: ItemKind::Quote,
            index: 0,
            field: "speaker entity"
        }
    ));
    let e = broken_typed(|x| x.quotes[0].text.push('!'));
    match e {
        ValidationError::SpanTextMismatch {
            item,
            index,
            found,
            expected,
            ..
        } => {
            assert_eq!((item, index), (ItemKind::Quote, 0));
            assert_eq!(format!("{found}!"), expected);
        }
        other => panic!("{other:?}"),
    }
    let e = broken_typed(|x| {
        x.entities[0]
            .roles
            .push(crosscheck_parse::Role::new("minister", Span::new(0, 1)))
    });
    assert!(matches!(
        e,
        ValidationError::SpanTextMismatch {
            item: ItemKind::EntityRole,
            ..
        }
    ));
}

#[test]
fn a_real_extraction_is_valid() {
    let x = seed();
    assert!(!x.quotes.is_empty() && !x.dates.is_empty() && !x.quantities.is_empty());
    assert_eq!(x.validate(), Ok(()));
}

#[test]
fn each_broken_invariant_is_named() {
    let len = seed().article.text.len();
    let e = broken(|x| x.sentences[1].span = Span::new(0, 5));
    assert_eq!(e, "sentence 1: overlaps or precedes sentence 0");
    let e = broken(|x| x.sentences[0].span = Span::new(0, len + 1));
    assert_eq!(
        e,
        format!(
            "sentence 0: span [0, {}] does not fit a text of {len} bytes",
            len + 1
        )
    );
    let e = broken(|x| x.quotes[0].text.push('!'));
    assert!(e.starts_with("quote 0: span ["), "{e}");
    assert!(e.contains("slices to"), "{e}");
    let e = broken(|x| x.quotes[0].speaker_entity = Some(10_000));
    assert_eq!(e, "quote 0: speaker entity out of range");
    let e = broken(|x| x.quotes[0].continues = Some(0));
    assert_eq!(e, "quote 0: continues a quote that is not earlier");
    let e = broken(|x| x.quotes[0].sentence = 10_000);
    assert_eq!(e, "quote 0: sentence index out of range");
    let e = broken(|x| x.dates[0].resolved = !x.dates[0].resolved);
    assert_eq!(e, "date 0: resolved flag disagrees with its value");
    let e = broken(|x| x.quantities[0].span.end += 1);
    assert!(e.starts_with("quantity 0: "), "{e}");
    let e = broken(|x| x.entities[0].mentions.push(Span::new(3, 2)));
    assert!(
        e.starts_with("entity mention 0: span [3, 2] does not fit"),
        "{e}"
    );
}
