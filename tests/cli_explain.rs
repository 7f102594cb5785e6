//! End-to-end tests of `crosscheck explain FINDING_ID INPUTS`: the built
//! binary on two hand-written articles that differ in a quote and a troop
//! count, and on the seeds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("the binary runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed")
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).expect("UTF-8")
}

const WIRE: &str = "Title: Kremlin weighs US reply on Ukraine
Source: Wire Service
Date: 2022-01-27
URL: https://wire.example/kremlin-reply

Russia has massed 100,000 troops near the border with Ukraine, Western \
officials said on Wednesday. “We offer a serious diplomatic path if Russia so \
wishes,” Antony Blinken told reporters in Washington. The Kremlin said it \
would study the written answer before replying.
";

const DAILY: &str = "Title: Moscow studies Washington's answer
Source: Daily Courier
Date: 2022-01-27

Russia has massed 130,000 troops near the border with Ukraine, Western \
officials said on Wednesday. “We offer a serious diplomatic channel if Russia \
so wishes,” Antony Blinken told reporters in Washington. The Kremlin said it \
would study the written answer before replying.
";

fn corpus(dir: &Path) -> PathBuf {
    let c = dir.join("corpus");
    std::fs::create_dir_all(&c).unwrap();
    std::fs::write(c.join("wire.txt"), WIRE).unwrap();
    std::fs::write(c.join("daily.txt"), DAILY).unwrap();
    c
}

/// `finding_id,kind,severity` of every CSV row of `compare`, deduplicated.
fn findings(c: &str) -> Vec<(String, String, String)> {
    let o = run(&["compare", c, "--format", "csv", "-q"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let mut v: Vec<(String, String, String)> = text(&o.stdout)
        .lines()
        .skip(1)
        .map(|l| {
            let mut cells = l.split(',');
            let mut next = || cells.next().unwrap_or_default().to_string();
            (next(), next(), next())
        })
        .collect();
    v.dedup();
    v
}

#[test]
fn explain_prints_every_variant_and_mention_with_its_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let c = c.to_str().unwrap();
    let all = findings(c);
    let (id, _, sev) = all
        .iter()
        .find(|(_, kind, _)| kind == "quantity")
        .unwrap_or_else(|| panic!("a quantity finding: {all:?}"));
    let o = run(&["explain", id, c]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.starts_with(&format!(
            "finding {id}: quantity, severity {sev}, confidence "
        )),
        "{out}"
    );
    assert!(out.contains("\nvariant 1: "), "{out}");
    assert!(out.contains("\nvariant 2: "), "{out}");
    // articles by outlet, headline and date, with their ids
    assert!(
        out.contains(
            "  - Wire Service · “Kremlin weighs US reply on Ukraine” · 2022-01-27 [wire]\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "  - Daily Courier · “Moscow studies Washington's answer” · 2022-01-27 [daily]\n"
        ),
        "{out}"
    );
    // spans, and the sentence with the value marked
    assert!(out.contains("value bytes "), "{out}");
    assert!(out.contains("sentence: Russia has massed [100,000 troops] near the border with Ukraine, Western officials said on Wednesday.\n"), "{out}");
    assert!(
        out.contains("sentence: Russia has massed [130,000 troops] near the border"),
        "{out}"
    );
    // the wire has an https URL: a text-fragment link; the daily has none
    assert_eq!(
        out.matches("    link: https://wire.example/kremlin-reply#:~:text=")
            .count(),
        1,
        "{out}"
    );
}

#[test]
fn every_id_compare_prints_can_be_explained() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let c = c.to_str().unwrap();
    let all = findings(c);
    assert!(all.len() >= 2, "{all:?}");
    for (id, kind, _) in &all {
        let o = run(&["explain", id, c]);
        assert_eq!(code(&o), 0, "{id}: {}", text(&o.stderr));
        assert!(text(&o.stdout).starts_with(&format!("finding {id}: {kind}, ")));
    }
    // the quote wording marks the changed words in the sentence
    let (id, _, _) = all.iter().find(|(_, k, _)| k == "quote_wording").unwrap();
    let out = text(&run(&["explain", id, c]).stdout);
    assert!(
        out.contains("serious diplomatic [channel] if Russia"),
        "{out}"
    );
}

#[test]
fn an_unknown_id_is_an_error_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let o = run(&["explain", "0123456789abcdef", c.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    let err = text(&o.stderr);
    assert!(
        err.contains("crosscheck: error: no finding `0123456789abcdef` in these inputs"),
        "{err}"
    );
}

#[test]
fn explain_works_on_the_seeds_with_a_date() {
    let o = run(&[
        "compare",
        "seeds/",
        "--date",
        "2022-01-27",
        "--format",
        "csv",
        "-q",
    ]);
    let csv = text(&o.stdout);
    let id = csv
        .lines()
        .nth(1)
        .and_then(|l| l.split(',').next())
        .unwrap();
    let o = run(&["explain", id, "seeds/", "--date", "2022-01-27"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with(&format!("finding {id}: ")));
    assert!(out.contains("    sentence: "), "{out}");
    assert!(out.contains("    claim bytes "), "{out}");
}

/// The text block that follows the `sh` block running `command` in
/// docs/user-guide.md.
fn guide_output(command: &str) -> String {
    let guide = std::fs::read_to_string(root().join("docs/user-guide.md")).unwrap();
    let at = guide
        .find(command)
        .unwrap_or_else(|| panic!("the guide runs `{command}`"));
    let rest = &guide[at..];
    let start = rest.find("```text\n").unwrap() + "```text\n".len();
    let end = rest[start..].find("```").unwrap();
    rest[start..start + end].to_string()
}

#[test]
fn the_user_guide_shows_what_the_binary_prints() {
    for (command, args) in [
        (
            "crosscheck compare seeds/ --date 2022-01-27\n",
            vec!["compare", "seeds/", "--date", "2022-01-27", "-q"],
        ),
        (
            "crosscheck explain 0003c53f8947c6ff seeds/ --date 2022-01-27\n",
            vec![
                "explain",
                "0003c53f8947c6ff",
                "seeds/",
                "--date",
                "2022-01-27",
            ],
        ),
    ] {
        let o = run(&args);
        assert_eq!(text(&o.stdout), guide_output(command), "{command}");
    }
}
