//! Suite `labels`: precision of the findings by hand.
//!
//! `testdata/labels/findings.tsv` holds findings that crosscheck reported
//! on real same-event articles, each judged true or false by a person,
//! with a reason in the labeller's own words. The file keeps no text of
//! the corpora: only the set, the article ids, the kind, the byte spans of
//! each mention, the severity at labelling time, the verdict and a reason.
//!
//! The suite rebuilds the same inputs from devdata, reruns the comparison
//! and matches the current findings to the labels: same set, same kind,
//! same articles, and every labelled mention overlapping a current
//! mention of its article. It reports precision overall and for `high`
//! over the labelled findings still reported, how many labelled findings
//! are no longer reported, and how many current findings carry no label.
//!
//! The sets:
//!
//! - `semeval`: each SemEval-2022 Task 8 English training pair with
//!   Overall ≤ 1.5 (same story), its two texts compared as one story;
//!   articles `PAIR/1` and `PAIR/2`.
//! - `ecb`: each ECB+ train + dev topic half (`T/ecb`, `T/ecbplus`), its
//!   documents rebuilt as in [`crate::stories`] and compared as one story.
//! - `polnear`: the PolNeAR training articles of each publication day with
//!   two or more articles, grouped into stories by the engine.
//!
//! With `CROSSCHECK_LABELS_DUMP=FILE` the suite also writes every current
//! finding with its claim texts to `FILE` (outside the repository), for
//! labelling.
//!
//! With `CROSSCHECK_LABELS_CONFIG=FILE.toml` the sets are compared with
//! that configuration (a `crosscheck.toml`; `force_one_story` stays the
//! set's) instead of the defaults: a looser configuration
//! (`testdata/labels/probe.toml`) reports findings near the engine's
//! decision bounds for labelling, and a candidate configuration is scored
//! on the labels before its defaults change. Figures measured so are not
//! the committed ones (the suite says so on stderr).

use crate::Figures;
use crosscheck_align::{compare, Config, Finding};
use crosscheck_parse::{extract, Article, Extraction};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The labels file, relative to the repository root.
pub const LABELS: &str = "testdata/labels/findings.tsv";

/// One set of articles compared together.
pub struct Set {
    /// Corpus: `semeval`, `ecb` or `polnear`.
    pub corpus: &'static str,
    /// The set within its corpus: pair id, topic half or day.
    pub name: String,
    /// Compare the set as one story (else the engine groups stories).
    pub one_story: bool,
    /// The articles.
    pub articles: Vec<Article>,
}

/// One mention of a labelled finding: an article and a byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spot {
    /// Article id.
    pub article: String,
    /// Byte span start.
    pub start: usize,
    /// Byte span end (exclusive).
    pub end: usize,
}

/// One labelled finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// Corpus of the set.
    pub corpus: String,
    /// Set name.
    pub set: String,
    /// Finding kind (`date`, `quantity`, ...).
    pub kind: String,
    /// Severity when labelled.
    pub severity: String,
    /// The mentions (claim spans).
    pub spots: Vec<Spot>,
    /// True finding (a real difference between the outlets)?
    pub verdict: bool,
    /// The reason category, e.g. `different value`, `extraction error`.
    pub reason: String,
}

/// Parses the labels file: a header line, then tab-separated rows
/// `corpus set kind severity mentions verdict reason`, mentions as
/// `article@start-end` joined by `;`. Lines starting with `#` are notes.
///
/// ```
/// let text = "corpus\tset\tkind\tseverity\tmentions\tverdict\treason\n\
///             ecb\t1/ecb\tdate\thigh\ta@0-10;b@5-20\ttrue\tdifferent value\n";
/// let labels = crosscheck_eval::labels::parse(text).unwrap();
/// assert_eq!(labels[0].spots[1].article, "b");
/// assert!(labels[0].verdict);
/// ```
pub fn parse(text: &str) -> Result<Vec<Label>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = |what: &str| format!("{LABELS}:{}: {what}", n + 1);
        if f.len() != 7 {
            return Err(bad("expected 7 tab-separated fields"));
        }
        let mut spots = Vec::new();
        for m in f[4].split(';') {
            let (article, span) = m.rsplit_once('@').ok_or_else(|| bad("mention"))?;
            let (s, e) = span.split_once('-').ok_or_else(|| bad("span"))?;
            spots.push(Spot {
                article: article.to_string(),
                start: s.parse().map_err(|_| bad("span start"))?,
                end: e.parse().map_err(|_| bad("span end"))?,
            });
        }
        let verdict = match f[5] {
            "true" => true,
            "false" => false,
            _ => return Err(bad("verdict must be true or false")),
        };
        out.push(Label {
            corpus: f[0].to_string(),
            set: f[1].to_string(),
            kind: f[2].to_string(),
            severity: f[3].to_string(),
            spots,
            verdict,
            reason: f[6].to_string(),
        });
    }
    Ok(out)
}

/// The mentions of a finding as `article@start-end` joined by `;`, in
/// the finding's mention order.
pub fn mentions_key(f: &Finding) -> String {
    f.mentions()
        .map(|(_, m)| format!("{}@{}-{}", m.article, m.span.start, m.span.end))
        .collect::<Vec<_>>()
        .join(";")
}

/// Whether the current finding `f` of set (`corpus`, `set`) is the
/// labelled finding `l`: same set and kind, the same articles, and each
/// labelled mention overlapping a mention of its article.
pub fn matches(l: &Label, corpus: &str, set: &str, f: &Finding) -> bool {
    if l.corpus != corpus || l.set != set || l.kind != f.kind.as_str() {
        return false;
    }
    let mut ours: Vec<&str> = f.mentions().map(|(_, m)| m.article.as_str()).collect();
    ours.sort_unstable();
    ours.dedup();
    let mut theirs: Vec<&str> = l.spots.iter().map(|s| s.article.as_str()).collect();
    theirs.sort_unstable();
    theirs.dedup();
    ours == theirs
        && l.spots.iter().all(|s| {
            f.mentions().any(|(_, m)| {
                m.article == s.article && m.span.start < s.end && s.start < m.span.end
            })
        })
}

/// The sets rebuilt from devdata, in corpus then name order.
pub fn sets(dir: &Path) -> Result<Vec<Set>, String> {
    let mut out = Vec::new();
    // SemEval pairs, same story
    let path = dir.join("semeval8-train-en/pairs.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let overall = v.get("Overall").and_then(|x| x.as_f64()).unwrap_or(4.0);
        let id = v.get("pair_id").and_then(|x| x.as_str()).unwrap_or("");
        if overall > 1.5 || id.is_empty() {
            continue;
        }
        let articles = ["text1", "text2"]
            .iter()
            .enumerate()
            .map(|(k, side)| Article {
                id: format!("{id}/{}", k + 1),
                text: v
                    .get(side)
                    .and_then(|x| x.as_str())
                    .unwrap_or("")
                    .to_string(),
                ..Article::default()
            })
            .collect();
        out.push(Set {
            corpus: "semeval",
            name: id.to_string(),
            one_story: true,
            articles,
        });
    }
    // ECB+ topic halves
    let mut halves: BTreeMap<String, Vec<Article>> = BTreeMap::new();
    for d in crate::stories::ecb_documents(dir)? {
        halves.entry(d.gold).or_default().push(Article {
            id: d.id,
            text: d.text,
            ..Article::default()
        });
    }
    for (name, articles) in halves {
        if articles.len() >= 2 {
            out.push(Set {
                corpus: "ecb",
                name,
                one_story: true,
                articles,
            });
        }
    }
    // PolNeAR days
    let mut days: BTreeMap<String, Vec<Article>> = BTreeMap::new();
    let mut all = Vec::new();
    for d in crate::polnear::load(&dir.join("polnear-train"))? {
        all.push(Article {
            id: d.name.clone(),
            published: d.published,
            text: d.text.clone(),
            ..Article::default()
        });
        let Some(day) = d.published else { continue };
        days.entry(day.to_string()).or_default().push(Article {
            id: d.name,
            published: Some(day),
            text: d.text,
            ..Article::default()
        });
    }
    for (name, articles) in days {
        if articles.len() >= 2 {
            out.push(Set {
                corpus: "polnear",
                name,
                one_story: true,
                articles,
            });
        }
    }
    out.push(Set {
        corpus: "polnear",
        name: "all".to_string(),
        one_story: false,
        articles: all,
    });
    Ok(out)
}

/// The discrepancies the engine reports on a set, with default settings
/// (as `crosscheck compare` without options, `--one-story` for one-story
/// sets).
pub fn findings(set: &Set) -> Vec<Finding> {
    findings_with(set, &Config::default())
}

/// The discrepancies the engine reports on a set with configuration
/// `base` (agreements off, `force_one_story` the set's).
pub fn findings_with(set: &Set, base: &Config) -> Vec<Finding> {
    let xs: Vec<Extraction> = set.articles.iter().cloned().map(extract).collect();
    let mut cfg = Config {
        agreements: false,
        ..base.clone()
    };
    cfg.stories.force_one_story = set.one_story;
    compare(&xs, &cfg)
        .findings
        .into_iter()
        .filter(|f| f.kind.is_discrepancy())
        .collect()
}

/// Runs the suite on the devdata folder.
pub fn run(dir: &Path) -> Result<Figures, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path = root.join(LABELS);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let labels = parse(&text)?;
    let sets = sets(dir)?;
    let config = match std::env::var_os("CROSSCHECK_LABELS_CONFIG") {
        Some(p) => {
            let p = Path::new(&p);
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            eprintln!(
                "labels: configuration {} (CROSSCHECK_LABELS_CONFIG), not the defaults",
                p.display()
            );
            Config::from_toml_str(&text).map_err(|e| format!("{}: {e}", p.display()))?
        }
        None => Config::default(),
    };
    let found: Vec<Vec<Finding>> = sets.par_iter().map(|s| findings_with(s, &config)).collect();
    if let Some(dump) = std::env::var_os("CROSSCHECK_LABELS_DUMP") {
        write_dump(Path::new(&dump), &sets, &found)?;
    }

    let mut matched = vec![false; labels.len()];
    let (mut current, mut unlabelled) = (0usize, 0usize);
    // (verdict true, all) over labelled findings still reported, overall and high
    let (mut t_all, mut n_all, mut t_high, mut n_high) = (0usize, 0usize, 0usize, 0usize);
    let mut false_reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for (set, fs) in sets.iter().zip(&found) {
        for f in fs {
            current += 1;
            let hit = labels
                .iter()
                .position(|l| matches(l, set.corpus, &set.name, f));
            let Some(i) = hit else {
                unlabelled += 1;
                continue;
            };
            if matched[i] {
                continue;
            }
            matched[i] = true;
            let l = &labels[i];
            n_all += 1;
            t_all += usize::from(l.verdict);
            if f.severity.as_str() == "high" {
                n_high += 1;
                t_high += usize::from(l.verdict);
            }
            if !l.verdict {
                // the category: the reason up to its colon
                let category = l.reason.split(':').next().unwrap_or("").trim();
                *false_reasons.entry(category).or_default() += 1;
            }
        }
    }
    let gone = matched.iter().filter(|m| !**m).count();
    let gone_true = labels
        .iter()
        .zip(&matched)
        .filter(|(l, m)| l.verdict && !**m)
        .count();
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    eprintln!(
        "labels: {} labels ({} true, {} false); {} sets, {current} findings now, \
         {unlabelled} unlabelled; {gone} labelled findings not reported \
         ({gone_true} true, {} false)",
        labels.len(),
        labels.iter().filter(|l| l.verdict).count(),
        labels.iter().filter(|l| !l.verdict).count(),
        sets.len(),
        gone - gone_true,
    );
    eprintln!(
        "labels: precision {t_all}/{n_all} = {:.3} overall, high {t_high}/{n_high} = {:.3}",
        ratio(t_all, n_all),
        ratio(t_high, n_high)
    );
    for (reason, n) in &false_reasons {
        eprintln!("labels:   false, {reason}: {n}");
    }
    for kind in crosscheck_align::FindingKind::ALL {
        let (mut t, mut n) = (0, 0);
        for (l, _) in labels.iter().zip(&matched).filter(|(_, m)| **m) {
            if l.kind == kind.as_str() {
                n += 1;
                t += usize::from(l.verdict);
            }
        }
        if n > 0 {
            eprintln!("labels:   {}: {t}/{n} true", kind.as_str());
        }
    }
    let mut figures = Figures::default();
    figures.higher("precision", ratio(t_all, n_all));
    figures.higher("precision_high", ratio(t_high, n_high));
    // Losing a true finding is a loss, losing a false one a gain: the
    // two are guarded apart, not as one "still reported" count.
    figures.higher("true_findings_reported", t_all as f64);
    figures.lower("false_findings_reported", (n_all - t_all) as f64);
    // A finding nobody judged leaves the precision above unmeasured: label
    // it (CROSSCHECK_LABELS_DUMP lists every current finding) when it
    // appears, true or false.
    figures.lower("unlabelled_findings", unlabelled as f64);
    Ok(figures)
}

fn write_dump(path: &Path, sets: &[Set], found: &[Vec<Finding>]) -> Result<(), String> {
    let mut out = String::new();
    for (set, fs) in sets.iter().zip(found) {
        for f in fs {
            let _ = writeln!(
                out,
                "=== {}\t{}\t{}\t{}\t{}\n  {}",
                set.corpus,
                set.name,
                f.kind.as_str(),
                f.severity.as_str(),
                mentions_key(f),
                f.explanation
            );
            for (v, m) in f.mentions() {
                let value = m
                    .value_span
                    .and_then(|s| {
                        set.articles
                            .iter()
                            .find(|a| a.id == m.article)
                            .and_then(|a| a.text.get(s.start..s.end))
                    })
                    .unwrap_or("");
                let _ = writeln!(
                    out,
                    "  [v{}] {} sp={:?} score={:.2} conf={:.2} val=<{}> :: {}",
                    v + 1,
                    m.article,
                    m.speaker,
                    m.score,
                    m.confidence,
                    value,
                    m.text.replace('\n', " ")
                );
            }
        }
    }
    std::fs::write(path, out).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "corpus\tset\tkind\tseverity\tmentions\tverdict\treason\n";

    #[test]
    fn rows_read_back_with_spans_and_verdicts() {
        let text = format!(
            "{HEAD}# a note\npolnear\t2016-03-01\tquantity\thigh\tap@10-42;bbc@7-30\tfalse\tnot the same claim: two polls\n"
        );
        let l = parse(&text).unwrap();
        assert_eq!(l.len(), 1);
        assert_eq!(
            l[0].spots[0],
            Spot {
                article: "ap".into(),
                start: 10,
                end: 42
            }
        );
        assert!(!l[0].verdict);
        assert_eq!(l[0].severity, "high");
    }

    #[test]
    fn bad_rows_are_errors_not_panics() {
        for row in [
            "ecb\t1/ecb\tdate\thigh\ta@1-2\tmaybe\twhy\n",
            "ecb\t1/ecb\tdate\thigh\ta:1-2\ttrue\twhy\n",
            "ecb\t1/ecb\tdate\thigh\ta@x-2\ttrue\twhy\n",
            "ecb\t1/ecb\tdate\n",
        ] {
            assert!(parse(&format!("{HEAD}{row}")).is_err(), "{row}");
        }
    }

    #[test]
    fn the_committed_labels_parse() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(LABELS);
        let labels = parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert!(labels.len() >= 140);
        assert!(labels.iter().all(|l| !l.reason.is_empty()));
        // the probe configuration the labels were partly drawn with reads
        let probe = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/labels/probe.toml");
        let probe = Config::from_toml_str(&std::fs::read_to_string(probe).unwrap()).unwrap();
        assert!(
            probe.report_unattributed && probe.value_threshold < Config::default().value_threshold
        );
    }
}
