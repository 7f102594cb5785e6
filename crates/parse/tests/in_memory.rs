//! Articles built in memory: the builder, id checks and extraction over a
//! slice.
use crosscheck_parse::{check_ids, extract, extract_articles, Article, ArticleError, NaiveDate};
use std::error::Error;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 3, 14).unwrap()
}

#[test]
fn builder_sets_every_field_and_the_date_resolves_relative_dates() {
    let a = Article::new(
        "harbour-1",
        "The port authority said on Monday that 12 cranes were idle.",
    )
    .source("Harbour Times")
    .title("Cranes idle")
    .url("https://example.org/harbour-1")
    .language("en")
    .published(day());
    assert_eq!(a.title.as_deref(), Some("Cranes idle"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/harbour-1"));
    assert_eq!(a.language.as_deref(), Some("en"));
    let x = extract(a.clone());
    // Monday before Tuesday 14 March 2023
    let monday = x
        .dates
        .iter()
        .find(|d| d.text.contains("Monday"))
        .expect("Monday");
    assert_eq!(monday.value.unwrap().start().to_string(), "2023-03-13");
    assert_eq!(a.clone().origin("db:42").origin, "db:42");
}

#[test]
fn empty_and_duplicate_ids_are_typed_errors_naming_the_article() {
    let blank = [Article::new("a", "One."), Article::new("  ", "Two.")];
    let e = extract_articles(&blank).unwrap_err();
    assert_eq!(e, ArticleError::EmptyId { index: 1 });
    assert_eq!(e.to_string(), "article 1: empty id");
    assert!(e.source().is_none());

    let dup = [
        Article::new("x", "One."),
        Article::new("y", "Two."),
        Article::new("x", "Three."),
    ];
    assert_eq!(
        check_ids(&dup),
        Err(ArticleError::DuplicateId {
            id: "x".into(),
            first: 0,
            second: 2
        })
    );
}

#[test]
fn extraction_over_a_slice_keeps_input_order_and_matches_extract() {
    let articles = [
        Article::new("b", "“We will rebuild the bridge,” Mayor Ana Ruiz said.").published(day()),
        Article::new("a", "Mayor Ana Ruiz said the bridge would reopen in May.").published(day()),
    ];
    let xs = extract_articles(&articles).unwrap();
    let ids: Vec<_> = xs.iter().map(|x| x.article.id.as_str()).collect();
    assert_eq!(ids, ["b", "a"]);
    assert_eq!(xs[0], extract(articles[0].clone()));
    assert_eq!(xs[0].quotes[0].speaker.as_deref(), Some("Ana Ruiz"));
}
