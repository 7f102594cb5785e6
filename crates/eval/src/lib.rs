//! # crosscheck-eval
//!
//! Measures crosscheck on real news. Each [`Suite`] reads one corpus from
//! the devdata folder (`../shared/devdata` beside the repository, or
//! `$CROSSCHECK_DEVDATA`), runs a stage of the pipeline over it and returns
//! named [`Figures`]. The `accuracy` binary runs the suites, prints their
//! figures and, with `--check`, fails when a figure falls more than
//! [`TOLERANCE`] below the one committed in `docs/accuracy.toml`.
//!
//! The devdata text never enters the repository: suites read it at run
//! time, and only figures (and facts learned from it) are committed.

#![warn(missing_docs)]

pub mod cues;
pub mod entities;
pub mod labels;
pub mod numbers;
pub mod perturb;
pub mod polnear;
pub mod quotes;
pub mod score;
pub mod stories;
pub mod timeml;
pub mod timex;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// How far a figure may fall below its committed value before the guard
/// fails.
pub const TOLERANCE: f64 = 0.01;

/// Which way a figure improves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    /// Recall, precision, F1, accuracy: higher is better.
    Higher,
    /// False findings per run, error rates: lower is better.
    Lower,
}

/// One measured figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    /// The measured value.
    pub value: f64,
    /// Which way it improves.
    pub better: Better,
}

/// A suite's figures by name, in name order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures(pub BTreeMap<String, Figure>);

impl Figures {
    /// Records a figure where higher is better.
    pub fn higher(&mut self, name: &str, value: f64) {
        self.insert(name, value, Better::Higher);
    }

    /// Records a figure where lower is better.
    pub fn lower(&mut self, name: &str, value: f64) {
        self.insert(name, value, Better::Lower);
    }

    fn insert(&mut self, name: &str, value: f64, better: Better) {
        self.0.insert(name.to_string(), Figure { value, better });
    }
}

/// A scorer over one devdata corpus.
pub struct Suite {
    /// Short name, the table name in `docs/accuracy.toml`.
    pub name: &'static str,
    /// One line: what it measures, on which corpus.
    pub about: &'static str,
    /// Runs the suite on the devdata folder, printing any detail (tables,
    /// error samples) to standard error, and returns its figures.
    pub run: fn(&Path) -> Result<Figures, String>,
}

/// Every suite, in the order the `accuracy` binary runs them.
pub fn suites() -> Vec<Suite> {
    vec![
        Suite {
            name: "quotes",
            about: "quotes, reported speech and speakers on PolNeAR (polnear-train)",
            run: quotes::run,
        },
        Suite {
            name: "timex",
            about: "date and time expressions, spans and values, on TimeBank + AQUAINT (tbaq)",
            run: timex::run,
        },
        Suite {
            name: "numbers",
            about: "quantities on the number case table testdata/eval/numbers.toml",
            run: numbers::run,
        },
        Suite {
            name: "entities",
            about: "people and places, and people across documents, on ECB+ train + dev (ecbplus)",
            run: entities::run,
        },
        perturb::suite(),
        Suite {
            name: "stories",
            about: "stories: ECB+ B-cubed, SemEval-2022 Task 8 same-story AUC, PolNeAR spans",
            run: stories::run,
        },
        Suite {
            name: "labels",
            about:
                "precision of findings judged by hand (testdata/labels) on SemEval, ECB+, PolNeAR",
            run: labels::run,
        },
    ]
}

/// The devdata folder: `$CROSSCHECK_DEVDATA`, else `../shared/devdata`
/// beside the repository. Errors name the path tried.
pub fn devdata() -> Result<PathBuf, String> {
    let dir = match std::env::var_os("CROSSCHECK_DEVDATA") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/devdata"),
    };
    if dir.is_dir() {
        Ok(dir)
    } else {
        Err(format!(
            "devdata folder not found at {} (set CROSSCHECK_DEVDATA to the real news corpora)",
            dir.display()
        ))
    }
}

/// The committed figures: suite name → figure name → value, as read from
/// a TOML file with one table per suite.
pub type Committed = BTreeMap<String, BTreeMap<String, f64>>;

/// Reads committed figures from TOML text.
///
/// ```
/// let c = crosscheck_eval::parse_committed("[quotes]\nspeaker_accuracy = 0.9\n").unwrap();
/// assert_eq!(c["quotes"]["speaker_accuracy"], 0.9);
/// ```
pub fn parse_committed(text: &str) -> Result<Committed, String> {
    toml::from_str(text).map_err(|e| e.to_string())
}

/// A figure that fell more than [`TOLERANCE`] below (or, for
/// [`Better::Lower`], above) its committed value, or a committed figure no
/// suite measured any more.
#[derive(Clone, Debug, PartialEq)]
pub struct Regression {
    /// Suite name.
    pub suite: String,
    /// Figure name.
    pub figure: String,
    /// The committed value.
    pub committed: f64,
    /// The measured value; `None` when it was not measured.
    pub measured: Option<f64>,
}

impl fmt::Display for Regression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.measured {
            Some(m) => write!(
                f,
                "{}.{}: measured {m:.4}, committed {:.4}",
                self.suite, self.figure, self.committed
            ),
            None => write!(
                f,
                "{}.{}: committed {:.4} but not measured",
                self.suite, self.figure, self.committed
            ),
        }
    }
}

/// Compares measured figures with the committed ones. Only the suites in
/// `measured` are checked, so running one suite checks that suite alone.
///
/// ```
/// use crosscheck_eval::{check, parse_committed, Figures};
/// use std::collections::BTreeMap;
/// let committed = parse_committed("[q]\nf1 = 0.80\nfalse_rate = 0.05\n").unwrap();
/// let mut q = Figures::default();
/// q.higher("f1", 0.795); // within the tolerance
/// q.lower("false_rate", 0.07); // 0.02 worse
/// let measured = BTreeMap::from([("q".to_string(), q)]);
/// let bad = check(&committed, &measured);
/// assert_eq!(bad.len(), 1);
/// assert_eq!(bad[0].figure, "false_rate");
/// ```
pub fn check(committed: &Committed, measured: &BTreeMap<String, Figures>) -> Vec<Regression> {
    let mut out = Vec::new();
    for (suite, figures) in measured {
        let Some(want) = committed.get(suite) else {
            continue;
        };
        for (name, &committed) in want {
            let got = figures.0.get(name);
            let fell = match got {
                None => true,
                Some(g) => match g.better {
                    Better::Higher => g.value < committed - TOLERANCE,
                    Better::Lower => g.value > committed + TOLERANCE,
                },
            };
            if fell {
                out.push(Regression {
                    suite: suite.clone(),
                    figure: name.clone(),
                    committed,
                    measured: got.map(|g| g.value),
                });
            }
        }
    }
    out
}

/// Writes measured figures as the TOML [`parse_committed`] reads, rounded
/// to four decimals, suites and figures in name order. A name that is not
/// a bare TOML key (`recall.date`) is quoted, so it stays one figure.
///
/// ```
/// use crosscheck_eval::{parse_committed, to_toml, Figures};
/// use std::collections::BTreeMap;
/// let mut f = Figures::default();
/// f.higher("recall.date", 0.5);
/// f.lower("false_per_run", 0.25);
/// let text = to_toml(&BTreeMap::from([("perturb".to_string(), f)]));
/// assert_eq!(text, "[perturb]\nfalse_per_run = 0.2500\n\"recall.date\" = 0.5000\n");
/// assert_eq!(parse_committed(&text).unwrap()["perturb"]["recall.date"], 0.5);
/// ```
pub fn to_toml(measured: &BTreeMap<String, Figures>) -> String {
    let key = |k: &str| {
        let bare = !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if bare {
            k.to_string()
        } else {
            format!("{k:?}")
        }
    };
    let mut s = String::new();
    for (suite, figures) in measured {
        if !s.is_empty() {
            s.push('\n');
        }
        s.push_str(&format!("[{}]\n", key(suite)));
        for (name, f) in &figures.0 {
            s.push_str(&format!("{} = {:.4}\n", key(name), f.value));
        }
    }
    s
}
