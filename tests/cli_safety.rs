//! A command line CI can trust: atomic reports, `-o` checked before any
//! work, exit codes that never turn green by accident, a closed pipe that
//! ends quietly, neutralised CSV cells, escaped control characters, strict
//! `--config`, one error style and helpful `--help`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.current_dir(root());
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const WIRE: &str = "Title: Blinken offers Moscow a diplomatic path
Source: =HYPERLINK(\"http://evil.example/x\",\"Wire\")
Date: 2022-01-27

Secretary of State Antony Blinken said on Wednesday that Washington had \
delivered its written answer to Moscow. “We offer a serious diplomatic path \
if Russia so wishes,” Blinken told reporters in Washington. Some 100,000 \
Russian troops are massed near the border, officials said.
";

const DAILY: &str = "Title: US answer leaves door open to talks
Source: @Daily Courier
Date: 2022-01-27

Antony Blinken said on Wednesday that the United States had sent its reply \
to Moscow. “We offer a serious diplomatic channel if Russia so wishes,” \
Blinken told reporters in Washington. Some 130,000 Russian troops are massed \
near the border, officials said.
";

/// A corpus of two articles that differ in a quote and a troop count.
fn corpus(dir: &Path) -> PathBuf {
    let c = dir.join("corpus");
    std::fs::create_dir_all(&c).unwrap();
    std::fs::write(c.join("wire.txt"), WIRE).unwrap();
    std::fs::write(c.join("daily.txt"), DAILY).unwrap();
    c
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// A write that fails midway (the file size limit, with SIGXFSZ ignored so
/// the write returns EFBIG): exit 3, the previous report byte for byte, no
/// temporary file left.
#[test]
fn a_report_write_failing_midway_keeps_the_previous_report() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let out = dir.path().join("reports");
    std::fs::create_dir(&out).unwrap();
    let report = out.join("report.html");
    let o = run(&["compare", s(&corpus), "-o", s(&report)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let before = std::fs::read(&report).unwrap();
    assert!(before.len() > 2048, "the report outgrows the limit below");

    // 2 blocks of 512 bytes (POSIX sh) or 1024 (bash): well under the report
    let script = format!(
        "trap '' XFSZ; ulimit -f 2; exec '{}' compare '{}' --include-agreements -o '{}'",
        env!("CARGO_BIN_EXE_crosscheck"),
        s(&corpus),
        s(&report)
    );
    let o = Command::new("sh").args(["-c", &script]).output().unwrap();
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("crosscheck: error: cannot write "),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read(&report).unwrap(),
        before,
        "previous report intact"
    );
    assert_eq!(temp_files(&out), Vec::<String>::new());
}

/// `extract -o` is atomic too, and a missing directory is refused before
/// any input is read.
#[test]
fn output_paths_are_checked_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let missing = dir.path().join("no-such-dir").join("report.csv");
    for cmd in ["compare", "extract"] {
        // the missing input is never reported: nothing was read
        let o = run(&[cmd, s(&corpus), "no/such/article.txt", "-o", s(&missing)]);
        let err = stderr(&o);
        assert_eq!(code(&o), 2, "{err}");
        assert!(err.contains("does not exist"), "{err}");
        assert!(!err.contains("no/such/article.txt"), "{err}");
        // a directory
        let o = run(&[cmd, s(&corpus), "-o", s(dir.path())]);
        assert_eq!(code(&o), 2, "{}", stderr(&o));
        assert!(stderr(&o).contains("is a directory"), "{}", stderr(&o));
    }
    // an input named as the output is refused and left alone
    let wire = corpus.join("wire.txt");
    let daily = corpus.join("daily.txt");
    let o = run(&[
        "compare",
        s(&wire),
        s(&daily),
        "--format",
        "csv",
        "-o",
        s(&daily),
    ]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("is the input"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&daily).unwrap(), DAILY);
    let o = run(&["extract", s(&corpus), "-o", s(&corpus.join("wire.txt"))]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&wire).unwrap(), WIRE);
    // an unknown extension without --format
    let yaml = dir.path().join("report.yaml");
    let o = run(&["compare", s(&corpus), "-o", s(&yaml)]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("names no report format"),
        "{}",
        stderr(&o)
    );
    assert!(!yaml.exists());
    let o = run(&["compare", s(&corpus), "-o", s(&yaml), "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(std::fs::read_to_string(&yaml).unwrap().starts_with('{'));
    // extract -o writes the file whole
    let json = dir.path().join("extracted.json");
    let o = run(&["extract", s(&corpus), "-o", s(&json)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(temp_files(dir.path()), Vec::<String>::new());
}

/// Nothing to compare is never green: an empty directory, one with only
/// unknown extensions, and a single article all exit 2, even under
/// `--baseline --fail-on any`, and the baseline is not replaced.
#[test]
fn no_articles_or_one_article_is_an_error_not_a_green_gate() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let baseline = dir.path().join("baseline.csv");
    let o = run(&["compare", s(&corpus), "-o", s(&baseline)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let kept = std::fs::read(&baseline).unwrap();

    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let unknown = dir.path().join("unknown");
    std::fs::create_dir(&unknown).unwrap();
    std::fs::write(unknown.join("wire.pdf"), WIRE).unwrap();
    std::fs::write(unknown.join("daily.docx"), DAILY).unwrap();
    for input in [&empty, &unknown] {
        let o = run(&[
            "compare",
            s(input),
            "--baseline",
            s(&baseline),
            "--fail-on",
            "any",
        ]);
        let err = stderr(&o);
        assert_eq!(code(&o), 2, "{err}");
        assert!(err.contains("crosscheck: error: no article read"), "{err}");
        let o = run(&["extract", s(input)]);
        assert_eq!(code(&o), 2, "{}", stderr(&o));
        assert!(o.stdout.is_empty());
        let o = run(&["compare", s(input), "-o", s(&baseline)]);
        assert_eq!(code(&o), 2);
        assert_eq!(
            std::fs::read(&baseline).unwrap(),
            kept,
            "baseline not replaced"
        );
    }

    let o = run(&["compare", s(&corpus.join("wire.txt")), "--fail-on", "any"]);
    let err = stderr(&o);
    assert_eq!(code(&o), 2, "{err}");
    assert!(
        err.contains("compare needs two or more articles; 1 read (wire)"),
        "{err}"
    );
}

/// Exit 1 means new findings at --fail-on and nothing else; the report is
/// written first.
#[test]
fn new_findings_exit_1_and_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let report = dir.path().join("report.csv");
    let o = run(&["compare", s(&corpus), "--fail-on", "low", "-o", s(&report)]);
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "{err}");
    assert!(err.contains("at or above --fail-on low"), "{err}");
    let csv = std::fs::read_to_string(&report).unwrap();
    assert!(csv.contains("quote_wording"), "{csv}");
}

/// `| head -1`: the reader closes the pipe early; crosscheck ends with
/// success and says nothing.
#[test]
fn a_closed_stdout_ends_quietly_with_success() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    // a report much larger than a pipe buffer, so writing hits the closed pipe
    let big = dir.path().join("big");
    std::fs::create_dir(&big).unwrap();
    for i in 0..40 {
        std::fs::write(big.join(format!("wire{i:02}.txt")), WIRE).unwrap();
        std::fs::write(big.join(format!("daily{i:02}.txt")), DAILY).unwrap();
    }
    for input in [&corpus, &big] {
        let mut child = bin()
            .args([
                "compare",
                s(input),
                "--include-agreements",
                "--format",
                "json",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // closed before anything is written
        let o = child.wait_with_output().unwrap();
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(
            !stderr(&o).contains("error"),
            "quiet on a closed pipe: {}",
            stderr(&o)
        );
    }
}

#[test]
fn csv_cells_are_neutralised_unless_raw_csv() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let o = run(&["compare", s(&corpus), "--format", "csv"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let csv = String::from_utf8(o.stdout).unwrap();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    // one row per article mention: both outlets appear, neutralised
    let sources: Vec<&str> = rows.iter().map(|row| &row[col("source")]).collect();
    assert!(
        sources.contains(&"'=HYPERLINK(\"http://evil.example/x\",\"Wire\")"),
        "{sources:?}"
    );
    assert!(sources.contains(&"'@Daily Courier"), "{sources:?}");
    for row in &rows {
        assert!(
            row.iter().all(|c| !c.starts_with(['=', '+', '-', '@'])),
            "{row:?}"
        );
    }
    let o = run(&["compare", s(&corpus), "--format", "csv", "--raw-csv"]);
    let raw = String::from_utf8(o.stdout).unwrap();
    assert!(
        raw.contains(",@Daily Courier,") || raw.contains(",\"@Daily Courier\","),
        "{raw}"
    );
    assert!(raw.contains("\"=HYPERLINK("), "{raw}");
}

/// A file name with a newline or an escape sequence cannot forge a
/// diagnostic line nor drive the terminal.
#[test]
fn control_characters_in_names_are_escaped_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let forged = corpus.join("x.txt\ncrosscheck: error: forged\u{1b}[2J.txt");
    std::fs::write(&forged, "").unwrap();
    let o = run(&["compare", s(&corpus), "--format", "csv"]);
    let err = stderr(&o);
    assert_eq!(code(&o), 2, "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(
        err.lines()
            .all(|l| !l.starts_with("crosscheck: error: forged")),
        "{err}"
    );
    assert!(
        err.contains("x.txt\\ncrosscheck: error: forged\\x1b[2J.txt"),
        "{err}"
    );
    // the same through a usage error naming the argument
    let o = run(&["compare", s(&corpus), "--format", "pdf\u{1b}[31m"]);
    assert_eq!(code(&o), 2);
    assert!(!stderr(&o).contains('\u{1b}'), "{:?}", stderr(&o));
}

#[test]
fn config_rejects_unknown_keys_and_out_of_range_values() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let cfg = dir.path().join("crosscheck.toml");
    for (text, want) in [
        ("quote_treshold = 0.7\n", "unknown key quote_treshold"),
        (
            "sentence_threshold = -0.1\n",
            "sentence_threshold = -0.1 is out of range",
        ),
        (
            "date_tolerance_days = -3\n",
            "date_tolerance_days = -3 is out of range",
        ),
    ] {
        std::fs::write(&cfg, text).unwrap();
        let o = run(&["compare", s(&corpus), "--config", s(&cfg)]);
        let err = stderr(&o);
        assert_eq!(code(&o), 2, "{text}: {err}");
        assert!(err.starts_with("crosscheck: error: config "), "{err}");
        assert!(err.contains(want), "{text}: {err}");
    }
    std::fs::write(&cfg, "quote_threshold = 0.7\n").unwrap();
    let o = run(&["compare", s(&corpus), "--config", s(&cfg)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn one_error_style_and_no_doubled_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let bad = dir.path().join("baseline.csv");
    std::fs::write(&bad, "finding_id,kind,severity\n\"3f2a,quote\n").unwrap();
    for args in [
        vec!["compare", s(&corpus), "--format", "pdf"],
        vec!["compare", s(&corpus), "--threads", "0"],
        vec!["extract", s(&corpus), "--date", "27/01/2022"],
        vec!["compare", s(&corpus), "--baseline", s(&bad)],
        vec!["frobnicate"],
    ] {
        let o = run(&args);
        let err = stderr(&o);
        assert_eq!(code(&o), 2, "{args:?}: {err}");
        assert!(err.starts_with("crosscheck: error: "), "{args:?}: {err}");
        assert!(!err.contains("CSV error: CSV error"), "{err}");
    }
}

#[test]
fn help_lists_allowed_values_and_ends_with_examples() {
    let o = run(&["compare", "--help"]);
    assert_eq!(code(&o), 0);
    let help = String::from_utf8(o.stdout).unwrap();
    for value in [
        "table",
        "csv",
        "json",
        "md",
        "html",
        "dot",
        "graph-json",
        "quote_wording",
        "attribution",
        "speaker_role",
        "date",
        "quantity",
        "place",
        "agreement",
    ] {
        assert!(help.contains(value), "{value} missing from --help");
    }
    let examples = help.rfind("Examples:").expect("an Examples section");
    assert!(help[..examples].contains("Exit codes:"));
    assert!(help[examples..]
        .lines()
        .skip(1)
        .all(|l| l.starts_with("  ")));
    assert!(help[examples..].contains("--fail-on high"));
    let o = run(&["extract", "--help"]);
    let help = String::from_utf8(o.stdout).unwrap();
    assert!(help.contains("Examples:") && help.contains("jsonl"));
}

/// An undated article with "yesterday" gets one warning naming it and
/// `--date`; with --date, none.
#[test]
fn unresolved_relative_dates_are_warned_about_per_article() {
    let dir = tempfile::tempdir().unwrap();
    let undated = dir.path().join("undated.txt");
    std::fs::write(
        &undated,
        "The finance minister resigned yesterday after a vote of no confidence, \
         officials said. Talks on a new coalition start on Friday.",
    )
    .unwrap();
    let o = run(&["extract", s(&undated)]);
    let err = stderr(&o);
    assert_eq!(code(&o), 0, "{err}");
    let warnings: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("left unresolved"))
        .collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(warnings[0].starts_with(&format!("crosscheck: warning: {}: ", undated.display())));
    assert!(warnings[0].contains("\"yesterday\"") && warnings[0].contains("--date"));
    let o = run(&["extract", s(&undated), "--date", "2022-01-27"]);
    assert!(!stderr(&o).contains("left unresolved"), "{}", stderr(&o));
}

/// On a terminal (util-linux `script` gives the binary one) the progress
/// line names every stage of a run of 60 articles; `--quiet` silences it.
#[test]
fn progress_names_every_stage_on_a_terminal_and_quiet_silences_it() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for i in 0..60 {
        let text = format!(
            "Date: 2022-03-{:02}\n\nThe storm cut power to {i},000 homes on Tuesday, the \
             utility said. “We are working around the clock,” spokesman John Hale said.\n",
            i % 28 + 1
        );
        std::fs::write(corpus.join(format!("storm{i:02}.txt")), text).unwrap();
    }
    let typescript = |extra: &str| -> String {
        let log = dir.path().join("typescript");
        let cmd = format!(
            "'{}' compare '{}' --format csv -o '{}' {extra}",
            env!("CARGO_BIN_EXE_crosscheck"),
            s(&corpus),
            s(&dir.path().join("report.csv"))
        );
        let o = Command::new("script")
            .args(["-qec", &cmd, s(&log)])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        String::from_utf8_lossy(&std::fs::read(&log).unwrap()).into_owned()
    };
    let shown = typescript("");
    for stage in [
        "reading",
        "extracting",
        "matching claims and stories",
        "writing the report",
    ] {
        assert!(shown.contains(stage), "{stage} missing from {shown:?}");
    }
    let quiet = typescript("--quiet");
    for stage in ["reading", "extracting", "matching", "writing"] {
        assert!(
            !quiet.contains(stage),
            "{stage} shown with --quiet: {quiet:?}"
        );
    }
}

/// Two articles with the same id (same file name in two directories): the
/// report is byte for byte the same in both argument orders and for any
/// thread count.
#[test]
fn duplicate_ids_give_the_same_report_in_both_orders() {
    let dir = tempfile::tempdir().unwrap();
    for (sub, text) in [("wire", WIRE), ("daily", DAILY)] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("story.txt"), text).unwrap();
    }
    let wire = dir.path().join("wire/story.txt");
    let daily = dir.path().join("daily/story.txt");
    let report = |a: &Path, b: &Path, threads: &str| {
        let o = run(&[
            "compare",
            s(a),
            s(b),
            "--format",
            "json",
            "--threads",
            threads,
        ]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(stderr(&o).contains("duplicate id \"story\" renamed to \"story-2\""));
        o.stdout
    };
    let forward = report(&wire, &daily, "1");
    let backward = report(&daily, &wire, "2");
    assert!(String::from_utf8_lossy(&forward).contains("\"story-2\""));
    assert!(forward == backward, "the report depends on argument order");
}
