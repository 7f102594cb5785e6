mod common;

use crosscheck_report::{render, Format, Report};

#[test]
fn every_format_renders_and_ends_in_newline() {
    let (x, a) = common::sample();
    let r = Report::new(&x, &a);
    for f in Format::ALL {
        let out = render(&r, f).unwrap();
        assert!(out.ends_with('\n'), "{f}");
        assert_eq!(f.as_str().parse::<Format>().unwrap(), f);
    }
    assert!(render(&r, Format::Dot).unwrap().starts_with("digraph"));
    let g: serde_json::Value =
        serde_json::from_str(&render(&r, Format::GraphJson).unwrap()).unwrap();
    assert!(g["nodes"].is_array() && g["edges"].is_array());
}

#[test]
fn format_names_and_extensions() {
    assert_eq!("markdown".parse::<Format>().unwrap(), Format::Markdown);
    assert_eq!("HTML".parse::<Format>().unwrap(), Format::Html);
    assert!("pdf"
        .parse::<Format>()
        .unwrap_err()
        .to_string()
        .contains("csv"));
    let p = |s: &str| Format::from_path(std::path::Path::new(s));
    assert_eq!(p("out/report.CSV"), Some(Format::Csv));
    assert_eq!(p("r.htm"), Some(Format::Html));
    assert_eq!(p("g.gv"), Some(Format::Dot));
    assert_eq!(p("noext"), None);
}

#[test]
fn comparison_summary_line() {
    let c = crosscheck_report::Comparison::default();
    assert_eq!(c.summary(), "0 new, 0 resolved, 0 unchanged");
}

#[test]
#[ignore = "writes sample outputs to /tmp/crosscheck-sample.* for manual inspection"]
fn dump_samples() {
    let (x, a) = common::sample();
    let r = Report::new(&x, &a);
    for f in Format::ALL {
        std::fs::write(
            format!("/tmp/crosscheck-sample.{f}"),
            render(&r, f).unwrap(),
        )
        .unwrap();
    }
}
