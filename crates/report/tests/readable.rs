//! Markdown, HTML and the terminal table.
mod common;

use crosscheck_align::FindingKind;
use crosscheck_report::{html, markdown, table, Report};

#[test]
fn html_escapes_article_text() {
    let (x, a) = common::sample();
    let page = html::to_html(&Report::new(&x, &a));
    // the one script is the page's own filter block, at the end
    assert_eq!(page.matches("<script>").count(), 1, "unescaped script tag");
    assert!(page.contains("<script>(function(){"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("repaired &lt;broken&gt; markup"));
    // URL attribute escaped
    assert!(page.contains("href=\"https://example.com/ap?a=1&amp;b=2\""));
    // self-contained: no external assets
    assert!(!page.contains("<link"));
    assert!(!page.contains("src="));
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.ends_with("</html>\n"));
}

#[test]
fn html_highlights_the_differing_words_and_values() {
    let (x, a) = common::sample();
    let page = html::to_html(&Report::new(&x, &a));
    assert!(page.contains("We <mark>prefer</mark> diplomacy"), "{page}");
    assert!(page.contains("We <mark>want</mark> diplomacy"));
    // value span highlighted on the quantity
    assert!(page.contains("massed <mark>130,000 troops</mark> near"));
    // reference back to the article span
    let start = common::RT.find("We want").unwrap();
    assert!(page.contains(&format!("<code>rt</code> bytes {}–{}", start, start + 42)));
}

#[test]
fn markdown_has_stories_variants_and_references() {
    let (x, a) = common::sample();
    let md = markdown::to_markdown(&Report::new(&x, &a));
    assert!(md.starts_with("# crosscheck report\n"));
    // a story is headed by its headline or first sentence, then its id
    assert!(
        md.contains("\n## Russia has massed 100,000 troops near the border with Ukraine, Western officials said on Friday.\n\nStory `story:ap` · 3 articles\n"),
        "{md}"
    );
    // articles by outlet and date, the id alongside; id alone without an outlet
    assert!(
        md.contains(
            "- AP news · 2022-01-21 (`ap`)\n- BBC · 2022-01-21 (`bbc`)\n- rt · 2022-01-21 (`rt`)\n"
        ),
        "{md}"
    );
    // summary table by severity and kind
    assert!(md.contains("| severity | quote\\_wording | date | quantity | total |\n|---|---:|---:|---:|---:|\n| high | 1 | 1 | 1 | 3 |\n\n"), "{md}");
    // one collapsible block per finding, with the sentence quoted in context
    assert_eq!(md.matches("<details id=").count(), 3);
    assert_eq!(md.matches("</details>").count(), 3);
    assert!(md.contains("<summary><b>high</b> date · "), "{md}");
    assert!(
        md.contains(
            "  > “We **prefer** diplomacy and dialogue with Moscow,” Blinken said on Thursday.\n"
        ),
        "{md}"
    );
    assert!(md.contains("  > “We **want** diplomacy and dialogue with Moscow,” Blinken said.\n"));
    assert!(md.contains(
        "  > The negotiations with Moscow would end on **10 February** in Geneva, sources said.\n"
    ));
    assert!(md.contains(" · speaker: Antony Blinken\n"));
    assert!(md.contains("[open](<https://example.com/rt#:~:text=We%20want%20diplomacy%20and%20dialogue%20with%20Moscow>)"), "{md}");
    assert!(!md.contains("Differ:"));
    // html in text is neutralised
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(!md.contains("<script>"));
    // every story and article is listed
    assert!(md.contains("## Stories\n"));
    assert!(md.contains("| story:ap | `ap`, `bbc`, `rt` |"));
    assert!(md.contains("## Diagnostics"));
}

#[test]
fn table_lists_findings_and_summary() {
    let (x, a) = common::sample();
    let t = table::to_table(&Report::new(&x, &a));
    let lines: Vec<&str> = t.lines().collect();
    assert!(lines[0].starts_with("ID"));
    assert!(lines[0].contains("VARIANTS"));
    let n = a.discrepancies().count();
    assert_eq!(lines.len(), 1 + n + 1);
    assert_eq!(
        *lines.last().unwrap(),
        format!("{n} findings across 3 articles in 1 story")
    );
    assert!(t.contains("1 outlet: 100,000 troops; 1 outlet: 130,000 troops"));
    let empty = crosscheck_align::Alignment::default();
    assert_eq!(
        table::to_table(&Report::new(&[], &empty)),
        "0 findings across 0 articles in 0 stories\n"
    );
}

#[test]
fn markdown_and_html_share_the_summary() {
    let (x, a) = common::sample();
    let report = Report::new(&x, &a);
    let md = markdown::to_markdown(&report);
    let page = html::to_html(&report);
    let line = md.lines().nth(2).unwrap().to_string();
    assert!(
        line.starts_with("3 articles · 1 story (0 alone) · "),
        "{line}"
    );
    assert!(page.contains(&format!("<p>{line}</p>\n")));
}

/// The severities and ids of the findings, in the order a text lists them.
fn order_in(text: &str, a: &crosscheck_align::Alignment) -> Vec<String> {
    let mut at: Vec<(usize, String)> = a
        .findings
        .iter()
        .filter_map(|f| {
            text.find(&f.id)
                .map(|i| (i, format!("{} {}", f.severity, f.id)))
        })
        .collect();
    at.sort();
    at.into_iter().map(|(_, s)| s).collect()
}

#[test]
fn every_human_report_lists_findings_by_severity_then_confidence() {
    let (x, mut a) = common::sample();
    // the date finding comes last in the alignment's order; made the most
    // severe and surest, it must come first everywhere
    let date = a
        .findings
        .iter()
        .position(|f| f.kind == FindingKind::Date)
        .unwrap();
    assert_eq!(date, a.findings.len() - 1, "the test needs it last");
    a.findings[date].severity = crosscheck_align::Severity::High;
    a.findings[date].confidence = 0.99;
    // the quantity, made medium but surer than anything else, must come
    // last: severity ranks before confidence
    let quantity = a
        .findings
        .iter()
        .position(|f| f.kind == FindingKind::Quantity)
        .unwrap();
    a.findings[quantity].severity = crosscheck_align::Severity::Medium;
    a.findings[quantity].confidence = 1.0;
    let report = Report::new(&x, &a);
    let ids: Vec<&str> = report.ranked().iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids[0], a.findings[date].id);
    let expected = order_in(&table::to_table(&report), &a);
    assert_eq!(expected.len(), 3);
    assert!(expected[0].ends_with(&a.findings[date].id), "{expected:?}");
    assert_eq!(order_in(&markdown::to_markdown(&report), &a), expected);
    // the HTML names each finding in its story matrix first, then in full
    let page = html::to_html(&report);
    let body = &page[page.find("<article class=\"finding\"").unwrap()..];
    assert_eq!(order_in(body, &a), expected);
    // the date (0.99) before the quote wording (0.864): confidence breaks
    // the tie between two high findings; the medium quantity last
    let sev: Vec<&str> = expected
        .iter()
        .map(|s| s.split(' ').next().unwrap())
        .collect();
    assert_eq!(sev, ["high", "high", "medium"]);
    let kinds: Vec<FindingKind> = report.ranked().iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FindingKind::Date,
            FindingKind::QuoteWording,
            FindingKind::Quantity
        ]
    );
}

#[test]
fn articles_are_named_by_outlet_headline_and_date() {
    let (mut x, a) = common::sample();
    x[1].article.title = Some("Russia masses\n troops near Ukraine".into());
    let report = Report::new(&x, &a);
    let md = markdown::to_markdown(&report);
    assert!(
        md.contains("- BBC · “Russia masses troops near Ukraine” · 2022-01-21 (`bbc`)"),
        "{md}"
    );
    let page = html::to_html(&report);
    assert!(
        page.contains("<strong>BBC · “Russia masses troops near Ukraine” · 2022-01-21</strong>")
    );
    // the matrix names each article by its outlet, with the full label as a tooltip
    assert!(page.contains(
        "<th scope=\"col\" title=\"AP news · 2022-01-21\">AP news<br><small><code>ap</code></small></th>"
    ));
}

#[test]
fn an_attribution_marks_the_speakers_not_the_words() {
    use crosscheck_align::fixture::Doc;
    let quote = "The talks in Geneva are over and our troops will stay where they are";
    let t1 = format!("“{quote},” said Sergei Lavrov, the foreign minister, on Monday.");
    let t2 =
        format!("Speaking to reporters, Dmitry Peskov, the Kremlin spokesman, added: “{quote}.”");
    let mut tass = Doc::new("tass", &t1)
        .source("TASS")
        .person("Sergei Lavrov", &["Lavrov"], &[])
        .quote(quote, Some("Sergei Lavrov"))
        .build();
    let mut ria = Doc::new("ria", &t2)
        .source("RIA")
        .person("Dmitry Peskov", &["Peskov"], &[])
        .quote(quote, Some("Dmitry Peskov"))
        .build();
    for (x, name) in [(&mut tass, "Sergei Lavrov"), (&mut ria, "Dmitry Peskov")] {
        let at = x.article.text.find(name).unwrap();
        x.quotes[0].speaker_span = Some(crosscheck_parse::Span::new(at, at + name.len()));
    }
    let x = vec![tass, ria];
    let a = crosscheck_align::compare(&x, &crosscheck_align::Config::default());
    assert!(
        a.findings
            .iter()
            .any(|f| f.kind == FindingKind::Attribution),
        "{:#?}",
        a.findings
    );
    let report = Report::new(&x, &a);
    let page = html::to_html(&report);
    assert!(
        page.contains("said <mark>Sergei Lavrov</mark>, the foreign minister"),
        "{page}"
    );
    assert!(page.contains("reporters, <mark>Dmitry Peskov</mark>, the Kremlin spokesman, added"));
    assert!(!page.contains("<mark>talks</mark>"));
    let md = markdown::to_markdown(&report);
    assert!(
        md.contains("reporters, **Dmitry Peskov**, the Kremlin spokesman, added"),
        "{md}"
    );
}

#[test]
fn the_html_page_has_filters_a_matrix_and_accessible_tables() {
    let (x, a) = common::sample();
    let page = html::to_html(&Report::new(&x, &a));
    for id in ["f-kind", "f-severity", "f-outlet", "f-text"] {
        assert!(page.contains(&format!("<label for=\"{id}\">")), "{id}");
    }
    assert!(page.contains("<select id=\"f-outlet\"><option value=\"\">all</option><option>AP news</option><option>BBC</option><option>rt</option></select>"));
    assert!(page.contains("data-kind=\"date\" data-severity=\"high\" data-outlets=\"BBC|rt\""));
    // the matrix has a row per claim and says in words how each article
    // stands on it, not by colour alone
    assert!(page.contains("<td class=\"st-agrees\">agrees</td><td class=\"st-differs\">differs (quantity)</td><td class=\"st-silent\">silent</td>"), "{page}");
    assert!(page.contains("<th scope=\"col\">sentence</th>"));
    // the story is headed by its first sentence (no article has a headline)
    assert!(page.contains("<h2 id=\"s-story:ap\">Russia has massed 100,000 troops near the border with Ukraine, Western officials said on Friday.</h2>"));
    // a message for filters that hide everything, hidden until then
    assert!(page.contains("<p id=\"f-none\" role=\"status\" hidden>No findings match the filters."));
    // text-fragment links only on http(s) URLs
    assert!(page.contains("href=\"https://example.com/rt#:~:text=The%20negotiations%20with%20Moscow,in%20Geneva%2C%20sources%20said.\""));
}

#[test]
fn the_html_page_groups_findings_by_claim_cluster() {
    let (x, a) = common::sample();
    let page = html::to_html(&Report::new(&x, &a));
    // one block per claim cluster, headed by the claim and each finding's
    // variants, the most severe cluster first
    let clusters: Vec<&str> = page
        .match_indices("<details class=\"cluster ")
        .map(|(i, _)| &page[i..])
        .collect();
    assert_eq!(clusters.len(), 3, "{page}");
    assert!(clusters[0].starts_with("<details class=\"cluster top-high\""));
    assert!(clusters[2].starts_with("<details class=\"cluster top-high\""));
    let quote = a
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::QuoteWording)
        .unwrap();
    let block = page
        .split(&format!("id=\"c-{}\"", quote.cluster))
        .nth(1)
        .expect("the quote's cluster block")
        .split("</details>")
        .next()
        .unwrap();
    assert!(
        block.contains("Quote: <q>We prefer diplomacy and dialogue with Moscow</q>"),
        "{block}"
    );
    assert!(block.contains(&format!("quote wording: {}", quote.summary())));
    // the finding sits inside its cluster's block, and carries its row data
    assert!(block.contains(&format!("<article class=\"finding\" id=\"f-{}\"", quote.id)));
    // untrusted text in a cluster header is escaped
    assert!(page.contains("<q>Sources &lt;script&gt;alert(1)&lt;/script&gt; said"));
    assert!(!page.contains("<script>alert(1)"));
    // a small report opens every cluster
    assert_eq!(page.matches(" open data-open>").count(), 3);
}
