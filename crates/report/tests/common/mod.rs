//! A sample of three hand-written articles, aligned by the real engine,
//! for the writer tests.
#![allow(dead_code)]

use crosscheck_align::fixture::Doc;
use crosscheck_align::{compare, Alignment, Config};
use crosscheck_parse::{Diagnostic, DiagnosticLevel, Extraction, Qualifier};

pub const AP: &str = "Russia has massed 100,000 troops near the border with Ukraine, Western officials said on Friday. \
“We prefer diplomacy and dialogue with Moscow,” Antony Blinken said. NATO ministers met in Brussels to prepare the answer. \
Diplomats expect a written reply from the Kremlin within days.";
pub const BBC: &str = "Russia has massed 130,000 troops near the border with Ukraine, Western officials said on Friday. \
“We prefer diplomacy and dialogue with Moscow,” Blinken said on Thursday. \
Sources <script>alert(1)</script> said the negotiations with Moscow would end on 4 February in Geneva. \
Diplomats expect a written reply from the Kremlin within days.";
pub const RT: &str = "“We want diplomacy and dialogue with Moscow,” Blinken said. He said \"no\"\nthen left, Lavrov claimed. \
The negotiations with Moscow would end on 10 February in Geneva, sources said.";

/// The three articles: ap and bbc differ on the troops, rt quotes
/// Blinken with one word changed, bbc and rt differ on the end date.
pub fn articles() -> Vec<Extraction> {
    let ap = Doc::new("ap", AP)
        .source("AP news")
        .url("https://example.com/ap?a=1&b=2")
        .published("2022-01-21")
        .person("Antony Blinken", &["Blinken"], &[])
        .quote(
            "We prefer diplomacy and dialogue with Moscow",
            Some("Antony Blinken"),
        )
        .quantity(
            "100,000 troops",
            100_000.0,
            Qualifier::Exact,
            Some("troops"),
        )
        .place("Brussels")
        .build();
    let mut bbc = Doc::new("bbc", BBC)
        .source("BBC")
        .published("2022-01-21")
        .person("Antony Blinken", &["Blinken"], &[])
        .quote(
            "We prefer diplomacy and dialogue with Moscow",
            Some("Antony Blinken"),
        )
        .quantity(
            "130,000 troops",
            130_000.0,
            Qualifier::Exact,
            Some("troops"),
        )
        .date("4 February", "2022-02-04")
        .place("Geneva")
        .build();
    let mut repaired = Diagnostic::new(
        "seeds/bbc.txt",
        DiagnosticLevel::Warning,
        "repaired <broken> markup",
    );
    repaired.offset = Some(12);
    bbc.diagnostics = vec![repaired];
    let rt = Doc::new("rt", RT)
        .url("https://example.com/rt")
        .published("2022-01-21")
        .person("Antony Blinken", &["Blinken"], &[])
        .quote(
            "We want diplomacy and dialogue with Moscow",
            Some("Antony Blinken"),
        )
        .date("10 February", "2022-02-10")
        .place("Geneva")
        .build();
    vec![ap, bbc, rt]
}

/// The articles and their alignment (agreements included).
pub fn sample() -> (Vec<Extraction>, Alignment) {
    let x = articles();
    let a = compare(&x, &Config::default());
    (x, a)
}
