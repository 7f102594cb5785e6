//! Shared by the integration tests that run the generated corpus
//! (`examples/gen_corpus`) through the library.

#[path = "../../examples/gen_corpus/corpus.rs"]
#[allow(dead_code)]
pub mod corpus;

#[path = "../../examples/gen_corpus/wire.rs"]
#[allow(dead_code)]
pub mod wire;

use crosscheck::parse;

/// The generated articles as ingested articles (no files involved).
#[allow(dead_code)] // not every test that includes this module uses it
pub fn ingested(c: &corpus::Corpus) -> parse::Ingested {
    parse::Ingested {
        articles: c
            .articles
            .iter()
            .map(|a| parse::Article {
                id: a.id.clone(),
                source: Some(a.source.clone()),
                title: Some(a.title.clone()),
                published: Some(a.published),
                text: a.text.clone(),
                ..Default::default()
            })
            .collect(),
        diagnostics: vec![],
    }
}
