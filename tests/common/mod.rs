//! Shared by the integration tests that run the generated corpus
//! (`examples/gen_corpus`) through the library.

#[path = "../../examples/gen_corpus/corpus.rs"]
#[allow(dead_code)]
pub mod corpus;

#[path = "../../examples/gen_corpus/wire.rs"]
#[allow(dead_code)]
pub mod wire;

use chrono::NaiveDate;
use crosscheck::parse;

/// The generated articles as ingested articles (no files involved).
#[allow(dead_code)] // not every test that includes this module uses it
pub fn ingested(c: &corpus::Corpus) -> parse::Ingested {
    ingested_from(
        c.articles
            .iter()
            .map(|a| article(&a.id, &a.source, &a.title, a.published, &a.text)),
    )
}

/// The generated wire articles as ingested articles.
#[allow(dead_code)]
pub fn ingested_wire(arts: &[wire::WireArticle]) -> parse::Ingested {
    ingested_from(
        arts.iter()
            .map(|a| article(&a.id, &a.source, &a.title, a.published, &a.text)),
    )
}

/// A generated article as read: id, outlet, title, day and text.
fn article(
    id: &str,
    source: &str,
    title: &str,
    published: NaiveDate,
    text: &str,
) -> parse::Article {
    parse::Article {
        id: id.to_string(),
        source: Some(source.to_string()),
        title: Some(title.to_string()),
        published: Some(published),
        text: text.to_string(),
        ..Default::default()
    }
}

fn ingested_from(articles: impl Iterator<Item = parse::Article>) -> parse::Ingested {
    parse::Ingested {
        articles: articles.collect(),
        diagnostics: vec![],
    }
}
