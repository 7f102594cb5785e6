//! Exit codes of the `crosscheck` binary, and the checks that decide the
//! "nothing to work on" ones. Documented in `docs/cli.md`.

use crosscheck::parse::Ingested;

/// `compare --fail-on`: a new finding (not in `--baseline`) reached the
/// threshold. The report was written.
pub const FINDINGS: u8 = 1;

/// A usage error (bad option, bad `--config`, bad `-o` path) or an input
/// error: an input, or part of one, could not be read, no article was read
/// at all, or `compare` got fewer than two articles.
pub const USAGE_OR_INPUT: u8 = 2;

/// The output could not be written (full disk, permission denied, the
/// report could not be rendered). An existing file under the `-o` name is
/// left as it was.
pub const OUTPUT: u8 = 3;

/// The extensions a directory walk reads, for messages.
const READ_EXTENSIONS: &str = ".txt, .text, .json, .jsonl, .ndjson, .html, .htm";

/// `Err(message)` when fewer than `at_least` articles were read: no article
/// at all is an error for every command (a CI gate must not pass on an
/// empty or mistyped corpus), and `compare` needs two.
pub fn require_articles(ingested: &Ingested, at_least: usize) -> Result<(), String> {
    let n = ingested.articles.len();
    if n == 0 {
        return Err(format!(
            "no article read from the inputs (directories are searched for {READ_EXTENSIONS} files)"
        ));
    }
    if n < at_least {
        let ids: Vec<&str> = ingested.articles.iter().map(|a| a.id.as_str()).collect();
        return Err(format!(
            "compare needs two or more articles; {n} read ({})",
            ids.join(", ")
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck::parse::Article;

    fn article(id: &str) -> Article {
        Article {
            id: id.into(),
            text: "Officials said the talks would resume on Monday.".into(),
            ..Default::default()
        }
    }

    #[test]
    fn zero_articles_and_a_single_article_are_refused() {
        let mut ingested = Ingested::default();
        let e = require_articles(&ingested, 1).unwrap_err();
        assert!(e.starts_with("no article read"), "{e}");
        ingested.articles.push(article("wire"));
        assert!(require_articles(&ingested, 1).is_ok());
        let e = require_articles(&ingested, 2).unwrap_err();
        assert_eq!(e, "compare needs two or more articles; 1 read (wire)");
        ingested.articles.push(article("daily"));
        assert!(require_articles(&ingested, 2).is_ok());
    }
}
