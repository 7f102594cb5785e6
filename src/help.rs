//! The text `--help` shows after the options: allowed values, exit codes
//! and examples.

use crosscheck::align::FindingKind;
use crosscheck::report::Format;

const EXIT_CODES: &str = "Exit codes:
  0  done
  1  compare --fail-on: a new finding reached the threshold (the report was written)
  2  usage or input error: a bad option, --config or -o path; an input that could not be
     read (the rest is still processed); no article read; compare with fewer than two
  3  the output could not be written (an existing file under the -o name is untouched)";

/// `crosscheck compare --help`, after the options.
pub fn compare() -> String {
    let formats: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
    let kinds: Vec<&str> = FindingKind::ALL.iter().map(|k| k.as_str()).collect();
    format!(
        "Allowed values:
  --format   {formats}
             (-o picks it from the extension: .csv .json .md .html .dot .txt)
  --kinds    {kinds}
  --fail-on  a kind above, or a severity: low, medium, high, any, never

{EXIT_CODES}

Examples:
  crosscheck compare corpus/ --date 2022-01-27
  crosscheck compare wire.txt daily.html -o report.html
  crosscheck compare corpus/ --kinds quote_wording,attribution --format csv
  crosscheck compare corpus/ -o baseline.csv
  crosscheck compare corpus/ --baseline baseline.csv --fail-on high
  cat feed.jsonl | crosscheck compare - --input-format jsonl -o report.md",
        formats = formats.join(", "),
        kinds = kinds.join(", "),
    )
}

/// `crosscheck extract --help`, after the options.
pub fn extract() -> String {
    format!(
        "Allowed values:
  --format        json, jsonl
  --input-format  text, json, jsonl, html (default: from the extension, else sniffed)

{EXIT_CODES}

Examples:
  crosscheck extract article.txt
  crosscheck extract corpus/ --format jsonl -o extracted.jsonl
  curl -s https://example.com/news | crosscheck extract - --input-format html"
    )
}

/// `crosscheck explain --help`, after the options.
pub fn explain() -> String {
    format!(
        "The id is the finding_id of any report (CSV, JSON, table, Markdown,
HTML); an unknown id is an error (exit 2).

{EXIT_CODES}

Examples:
  crosscheck explain 17ba623d2ecbf015 corpus/ --date 2022-01-27
  crosscheck explain 17ba623d2ecbf015 wire.txt daily.html --one-story"
    )
}

/// `crosscheck --help`, after the commands.
pub fn top() -> String {
    format!(
        "{EXIT_CODES}

Examples:
  crosscheck extract article.txt
  crosscheck compare corpus/ -o report.html
  crosscheck compare corpus/ --baseline baseline.csv --fail-on high
  crosscheck explain FINDING_ID corpus/"
    )
}
