//! The perturbation benchmark (issue 10, "Measure it on real text"): real
//! PolNeAR articles, each copied with **one** seeded edit of one kind
//! (date, number, speaker, quote word, place, role), compared with the
//! original. It measures, per kind:
//!
//! - **recall**: the edit is reported, a discrepancy of a fitting kind
//!   whose span on the copy's side overlaps the edited span;
//! - **any-kind recall**: a discrepancy of any kind on the edit;
//! - **false findings per run**: discrepancies between original and copy
//!   that touch neither the edit in the copy nor the replaced text in the
//!   original.
//!
//! Edit sites are found without the extractor under test (gold PolNeAR
//! attributions, simple patterns, the benchmark's own word lists in
//! `crates/eval/data/perturb/`), so recall is honest. Each run compares
//! the pair alone; a second pass adds the other articles published the
//! same day as story context (`story.*` figures). `docs/perturbation.md`
//! describes every edit rule and the figures.
//!
//! The comparison's output model is read in one place, the [`adapter`]
//! module: moving the benchmark to a new findings model means rewriting
//! that module only.

pub mod adapter;
pub mod edits;
pub mod rng;

use crate::polnear::Doc as PolnearDoc;
use crate::{Figures, Suite};
use adapter::Hit;
use crosscheck_parse::{extract, Article, Entity, Extraction, QuoteKind, Span};
use edits::{Edit, Kind, NamePool};
use rayon::prelude::*;
use rng::SplitMix64;
use std::collections::BTreeMap;
use std::path::Path;

/// The seed of the sample and of every edit.
pub const SEED: u64 = 20_161_108;
/// Runs per kind: articles with a site of that kind, in seeded order.
pub const RUNS_PER_KIND: usize = 300;
/// Story context: at most this many other articles of the same day.
pub const CONTEXT_MAX: usize = 4;
/// Examples printed per miss reason and per false-finding kind.
const EXAMPLES: usize = 3;
/// Set this environment variable to list every miss and false finding
/// with the copy's text around the edit (standard error only).
pub const VERBOSE: &str = "CROSSCHECK_PERTURB_VERBOSE";
/// Set this environment variable to a folder to write each missed run's
/// original and copy there as one JSON-lines file (`ID~KIND.jsonl`), ready
/// for `crosscheck compare` (the devdata text stays on this machine).
pub const DUMP: &str = "CROSSCHECK_PERTURB_DUMP";

/// The suite, as registered in [`crate::suites`].
pub fn suite() -> Suite {
    Suite {
        name: "perturb",
        about: "one seeded edit (date, number, speaker, quote word, place, role) in copies of real polnear-train articles: recall per kind, false findings per run",
        run,
    }
}

/// One planned run: an article and its edit.
struct Run {
    doc: usize,
    edit: Edit,
}

/// Which articles get which edit: per kind, the articles in a seeded order,
/// the first [`RUNS_PER_KIND`] with a site of that kind.
fn plan(docs: &[PolnearDoc], pool: &NamePool) -> Vec<Run> {
    let mut runs = Vec::new();
    for (k, kind) in Kind::ALL.iter().enumerate() {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        SplitMix64::new(SEED ^ (k as u64 + 1).wrapping_mul(0x9e37_79b9)).shuffle(&mut order);
        let mut n = 0;
        for i in order {
            if n == RUNS_PER_KIND {
                break;
            }
            let mut r = SplitMix64::new(SEED ^ ((k as u64) << 32) ^ i as u64);
            if let Some(edit) = edits::choose(&docs[i], *kind, pool, &mut r) {
                runs.push(Run { doc: i, edit });
                n += 1;
            }
        }
    }
    runs
}

fn article(id: &str, d: &PolnearDoc, text: String) -> Article {
    Article {
        id: id.to_string(),
        published: d.published,
        text,
        origin: format!("polnear-train/text/{}.txt", d.name),
        ..Article::default()
    }
}

fn any_overlap(a: &[Span], b: &[Span]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.overlaps(y)))
}

/// What one run found.
struct Outcome {
    kind: Kind,
    rule: String,
    doc: usize,
    /// `old -> new` as written.
    change: String,
    hit: bool,
    any: bool,
    /// Why the edit was missed (empty on a hit).
    reason: String,
    /// Discrepancies between original and copy away from the edit.
    false_hits: Vec<Hit>,
    /// Speaker edits: attribution findings on other quotes that the copy
    /// now gives to the new speaker, or that the original gave to the old
    /// one (a pronoun or the context after the renamed speaker); and any
    /// edit of words that are the speaker's name (a place or role as
    /// speaker): consequences of the edit, neither hits nor false.
    follow_on: usize,
    /// The copy's text around the edit, for the verbose listing.
    snippet: String,
}

/// True when a finding of kind `hit` on the edited span reports an edit
/// of kind `edit`: the finding kind that fits the edit's kind
/// ([`adapter::fits`]), or, for a figure or a place, a misquote
/// (`quote_wording`). A figure or place changed inside a quote that is
/// otherwise identical is a changed word of the speaker's, and issue 10
/// names exactly that (“a changed number”) as the misquote a fact-checker
/// wants first; the quote's words are the speaker's claim, not facts of
/// the outlet, so no date, figure or place finding is made of them. The
/// finding must lie on the edited span, as for every hit.
fn reports(edit: Kind, hit: &str) -> bool {
    adapter::fits(edit, hit)
        || (matches!(edit, Kind::Number | Kind::Place) && adapter::fits(Kind::QuoteWord, hit))
}

/// The id of the copy: the original's id plus the kind.
fn copy_id(d: &PolnearDoc, kind: Kind) -> String {
    format!("{}~{}", d.name, kind.name())
}

/// Runs one edit: the copy compared with the original (and the context).
fn evaluate(run: &Run, docs: &[PolnearDoc], orig: &Extraction, context: &[&Extraction]) -> Outcome {
    let d = &docs[run.doc];
    let e = &run.edit;
    let copy_text = e.apply(&d.text);
    let cid = copy_id(d, e.kind);
    let copy = extract(article(&cid, d, copy_text.clone()));
    let mut set: Vec<Extraction> = vec![orig.clone(), copy.clone()];
    set.extend(context.iter().map(|x| (*x).clone()));
    let compared = adapter::compare(&set);
    let hits = adapter::between(&compared, &cid, &d.name);
    let ct = e.copy_target(&copy_text);
    let ot = e.orig_target(&d.text);
    let hit = hits
        .iter()
        .any(|h| h.discrepancy && reports(e.kind, h.kind) && any_overlap(&h.x_value, &ct));
    let touches = |h: &Hit| {
        any_overlap(&h.x_value, &ct)
            || any_overlap(&h.x_claim, &ct)
            || any_overlap(&h.y_value, &ot)
            || any_overlap(&h.y_claim, &ot)
    };
    let any = hits
        .iter()
        .any(|h| h.discrepancy && (any_overlap(&h.x_value, &ct) || any_overlap(&h.x_claim, &ct)));
    // the new and the old speaker's surnames, for follow-on attribution
    // findings: quotes the copy now gives to the new name, and quotes the
    // original gave to the old one (a pronoun or the context that pointed
    // at the renamed person no longer fits the new name: “she” after a
    // man's name, a name of unknown gender)
    let new_name = e.replacement.rsplit(' ').next().unwrap_or("");
    let old_name = e.span.slice(&d.text).rsplit(' ').next().unwrap_or("");
    let follows = |h: &Hit| {
        e.kind == Kind::Speaker
            && adapter::fits(Kind::Speaker, h.kind)
            && (h.x_who.as_deref().is_some_and(|w| w.contains(new_name))
                || (!old_name.is_empty()
                    && h.y_who.as_deref().is_some_and(|w| w.contains(old_name))))
    };
    // any edit that renames the speaker itself (a place or a role that
    // is, or is part of, the speaker: “California”, “Florida’s
    // Republican”): the attribution finding is the edit, seen as a speaker
    let old_text = e.span.slice(&d.text);
    let renames_speaker = |h: &Hit| {
        adapter::fits(Kind::Speaker, h.kind)
            && !old_text.trim().is_empty()
            && !e.replacement.trim().is_empty()
            && h.y_who
                .as_deref()
                .is_some_and(|w| w.contains(old_text.trim()))
            && h.x_who
                .as_deref()
                .is_some_and(|w| w.contains(e.replacement.trim()))
    };
    let follows = |h: &Hit| follows(h) || renames_speaker(h);
    let follow_on = hits
        .iter()
        .filter(|h| h.discrepancy && !touches(h) && follows(h))
        .count();
    let false_hits: Vec<Hit> = hits
        .iter()
        .filter(|h| h.discrepancy && !touches(h) && !follows(h))
        .cloned()
        .collect();
    let reason = if hit {
        String::new()
    } else {
        if let Some(dir) = std::env::var_os(DUMP) {
            dump_pair(Path::new(&dir), &cid, d, &copy_text);
        }
        diagnose(e, &hits, orig, &copy, &ct, &ot)
    };
    Outcome {
        kind: e.kind,
        rule: e.rule.clone(),
        doc: run.doc,
        change: format!(
            "{:?} -> {:?}",
            e.span.slice(&d.text),
            e.replacement.as_str()
        ),
        hit,
        any,
        reason,
        false_hits,
        follow_on,
        snippet: snippet(&copy_text, ct[0]),
    }
}

/// Writes a missed run's original and copy to `dir/ID.jsonl` (see
/// [`DUMP`]); a failure to write is reported on standard error only, as
/// the dump is a debugging aid.
fn dump_pair(dir: &Path, copy_id: &str, d: &PolnearDoc, copy_text: &str) {
    let line = |id: &str, text: &str| {
        serde_json::json!({
            "id": id,
            "published": d.published.map(|p| p.to_string()),
            "text": text,
        })
        .to_string()
    };
    let body = format!("{}\n{}\n", line(&d.name, &d.text), line(copy_id, copy_text));
    let path = dir.join(format!("{copy_id}.jsonl"));
    if let Err(e) = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, body)) {
        eprintln!("perturb: cannot write {}: {e}", path.display());
    }
}

/// Up to 100 bytes either side of `s`, on one line, the span in brackets.
fn snippet(text: &str, s: Span) -> String {
    let mut a = s.start.saturating_sub(100);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (s.end + 100).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!(
        "{}[{}]{}",
        &text[a..s.start],
        s.slice(text),
        &text[s.end..b]
    )
    .replace('\n', " / ")
}

/// Why an edit was missed, in the order a fix would look: a finding of the
/// right kind about another value of the claim, a finding of another kind,
/// then the extraction (is the edited fact extracted in both articles, and
/// do the extracted values differ?), then the matching (is the claim in
/// any finding, or in an agreement?).
fn diagnose(
    e: &Edit,
    hits: &[Hit],
    orig: &Extraction,
    copy: &Extraction,
    ct: &[Span],
    ot: &[Span],
) -> String {
    if hits
        .iter()
        .any(|h| h.discrepancy && reports(e.kind, h.kind) && any_overlap(&h.x_claim, ct))
    {
        return "right kind, on another value of the claim".into();
    }
    if let Some(h) = hits
        .iter()
        .find(|h| h.discrepancy && (any_overlap(&h.x_value, ct) || any_overlap(&h.x_claim, ct)))
    {
        return format!("wrong kind: {}", h.kind);
    }
    if let Some(why) = extraction_gap(e, orig, copy, ct, ot) {
        return why;
    }
    if hits
        .iter()
        .any(|h| !h.discrepancy && any_overlap(&h.x_claim, ct))
    {
        return "claims matched, called agreement".into();
    }
    "claims not matched (no finding on the edited claim)".into()
}

/// The extractor's view of the edit site, on both sides: `None` when the
/// edited fact is extracted in both articles with different values.
fn extraction_gap(
    e: &Edit,
    orig: &Extraction,
    copy: &Extraction,
    ct: &[Span],
    ot: &[Span],
) -> Option<String> {
    let at = |t: &[Span], s: Span| t[..1].iter().any(|x| x.overlaps(&s));
    let sides = |o: bool, c: bool, what: &str| -> Option<String> {
        match (o, c) {
            (false, false) => Some(format!("{what} not extracted")),
            (true, false) => Some(format!("{what} extracted in the original only")),
            (false, true) => Some(format!("{what} extracted in the copy only")),
            (true, true) => None,
        }
    };
    match e.kind {
        Kind::Date => {
            let od = orig.dates.iter().find(|d| at(ot, d.span));
            let cd = copy.dates.iter().find(|d| at(ct, d.span));
            if let Some(w) = sides(od.is_some(), cd.is_some(), "date") {
                return Some(w);
            }
            let (od, cd) = (od?, cd?);
            match (od.value, cd.value) {
                (Some(a), Some(b)) if a.overlaps(&b) => {
                    Some("date extracted, values overlap".into())
                }
                (Some(_), Some(_)) => None,
                _ => Some("date extracted, unresolved".into()),
            }
        }
        Kind::Number => {
            let oq = orig.quantities.iter().find(|q| at(ot, q.span));
            let cq = copy.quantities.iter().find(|q| at(ct, q.span));
            if let Some(w) = sides(oq.is_some(), cq.is_some(), "figure") {
                return Some(w);
            }
            let (oq, cq) = (oq?, cq?);
            oq.interval
                .overlaps(&cq.interval)
                .then(|| "figure extracted, intervals overlap".into())
        }
        Kind::Place => {
            let found = |x: &Extraction, t: &[Span]| {
                x.entities.iter().any(|en| {
                    en.kind == crosscheck_parse::EntityKind::Place
                        && en.mentions.iter().any(|m| at(t, *m))
                })
            };
            sides(found(orig, ot), found(copy, ct), "place")
        }
        Kind::Role => {
            fn found(x: &Extraction, t: Span) -> Option<(&Entity, String)> {
                x.entities.iter().find_map(|en| {
                    en.roles
                        .iter()
                        .find(|r| t.overlaps(&r.span))
                        .map(|r| (en, r.text.to_lowercase()))
                })
            }
            let (o, c) = (found(orig, ot[0]), found(copy, ct[0]));
            if let Some(w) = sides(o.is_some(), c.is_some(), "role") {
                return Some(w);
            }
            let ((_, old), (person, new)) = (o?, c?);
            if person
                .roles
                .iter()
                .any(|r| !at(ct, r.span) && r.text.to_lowercase() == old)
            {
                Some("role extracted, the person keeps the old role at another mention".into())
            } else if new.contains(&old) || old.contains(&new) {
                Some("role extracted, one role contains the other".into())
            } else {
                None
            }
        }
        Kind::QuoteWord => {
            let found = |x: &Extraction, t: &[Span]| {
                x.quotes
                    .iter()
                    .any(|q| q.kind != QuoteKind::ScareQuote && at(t, q.span))
            };
            sides(found(orig, ot), found(copy, ct), "quote")
        }
        Kind::Speaker => {
            // the quote (gold content), then its speaker on the edited name
            let content_o: Vec<Span> = ot[1..].to_vec();
            let content_c: Vec<Span> = ct[1..].to_vec();
            fn quote<'x>(
                x: &'x Extraction,
                content: &[Span],
            ) -> Option<&'x crosscheck_parse::Quote> {
                x.quotes.iter().find(|q| {
                    q.kind != QuoteKind::ScareQuote && content.iter().any(|c| c.overlaps(&q.span))
                })
            }
            let (qo, qc) = (quote(orig, &content_o), quote(copy, &content_c));
            if let Some(w) = sides(qo.is_some(), qc.is_some(), "quote") {
                return Some(w);
            }
            let linked = |q: &crosscheck_parse::Quote, name: Span| {
                q.speaker_span.is_some_and(|s| s.overlaps(&name))
            };
            match (linked(qo?, ot[0]), linked(qc?, ct[0])) {
                (true, true) => None,
                (false, false) => Some("quote extracted, edited speaker not linked to it".into()),
                (true, false) => Some("quote extracted, new speaker not linked in the copy".into()),
                (false, true) => {
                    Some("quote extracted, old speaker not linked in the original".into())
                }
            }
        }
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

fn run(devdata: &Path) -> Result<Figures, String> {
    let docs = crate::polnear::load(&devdata.join("polnear-train"))?;
    if docs.is_empty() {
        return Err("polnear-train: no articles".into());
    }
    let pool = NamePool::build(&docs, edits::Lists::get());
    let runs = plan(&docs, &pool);
    // Every article extracted once: originals and story context.
    let originals: Vec<Extraction> = docs
        .par_iter()
        .map(|d| extract(article(&d.name, d, d.text.clone())))
        .collect();
    // Story context: the other articles of the same publication day.
    let mut by_day: BTreeMap<_, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        if let Some(p) = d.published {
            by_day.entry(p).or_default().push(i);
        }
    }
    let context_of = |i: usize| -> Vec<&Extraction> {
        docs[i]
            .published
            .and_then(|p| by_day.get(&p))
            .map(|v| {
                v.iter()
                    .filter(|&&j| j != i)
                    .take(CONTEXT_MAX)
                    .map(|&j| &originals[j])
                    .collect()
            })
            .unwrap_or_default()
    };
    let pair: Vec<Outcome> = runs
        .par_iter()
        .map(|r| evaluate(r, &docs, &originals[r.doc], &[]))
        .collect();
    let story: Vec<Outcome> = runs
        .par_iter()
        .map(|r| evaluate(r, &docs, &originals[r.doc], &context_of(r.doc)))
        .collect();
    // Control: each sampled article against an unedited copy.
    let mut sampled: Vec<usize> = runs.iter().map(|r| r.doc).collect();
    sampled.sort_unstable();
    sampled.dedup();
    let control: Vec<usize> = sampled
        .par_iter()
        .map(|&i| {
            let d = &docs[i];
            let cid = format!("{}~unedited", d.name);
            let copy = extract(article(&cid, d, d.text.clone()));
            let c = adapter::compare(&[originals[i].clone(), copy]);
            adapter::between(&c, &cid, &d.name)
                .iter()
                .filter(|h| h.discrepancy)
                .count()
        })
        .collect();

    let mut f = Figures::default();
    let mut total_false = 0;
    for kind in Kind::ALL {
        let of: Vec<&Outcome> = pair.iter().filter(|o| o.kind == kind).collect();
        let n = of.len();
        let hits = of.iter().filter(|o| o.hit).count();
        let any = of.iter().filter(|o| o.any).count();
        let fals: usize = of.iter().map(|o| o.false_hits.len()).sum();
        total_false += fals;
        f.higher(&format!("recall.{}", kind.name()), ratio(hits, n));
        f.higher(&format!("any_kind_recall.{}", kind.name()), ratio(any, n));
        f.lower(&format!("false_per_run.{}", kind.name()), ratio(fals, n));
        f.higher(&format!("runs.{}", kind.name()), n as f64);
    }
    f.lower("false_per_run", ratio(total_false, pair.len()));
    f.lower(
        "false_per_run.unedited",
        ratio(control.iter().sum(), control.len()),
    );
    f.higher(
        "story.recall",
        ratio(story.iter().filter(|o| o.hit).count(), story.len()),
    );
    f.lower(
        "story.false_per_run",
        ratio(story.iter().map(|o| o.false_hits.len()).sum(), story.len()),
    );
    report(&docs, &pool, &pair, &story, &control);
    Ok(f)
}

/// The breakdown on standard error: per kind and rule, misses by reason
/// with examples, false findings by kind with examples.
fn report(
    docs: &[PolnearDoc],
    pool: &NamePool,
    pair: &[Outcome],
    story: &[Outcome],
    control: &[usize],
) {
    let verbose = std::env::var_os(VERBOSE).is_some();
    eprintln!(
        "perturb: {} polnear-train articles, {} real names in the speaker pool, {} runs (pairs), {} unedited controls",
        docs.len(),
        pool.names.len(),
        pair.len(),
        control.len()
    );
    eprintln!(
        "{:<11} {:>5} {:>7} {:>9} {:>10} {:>13} {:>15}",
        "kind", "runs", "recall", "any-kind", "false/run", "story recall", "story false/run"
    );
    for kind in Kind::ALL {
        let p: Vec<&Outcome> = pair.iter().filter(|o| o.kind == kind).collect();
        let s: Vec<&Outcome> = story.iter().filter(|o| o.kind == kind).collect();
        let n = p.len();
        eprintln!(
            "{:<11} {:>5} {:>7.3} {:>9.3} {:>10.3} {:>13.3} {:>15.3}",
            kind.name(),
            n,
            ratio(p.iter().filter(|o| o.hit).count(), n),
            ratio(p.iter().filter(|o| o.any).count(), n),
            ratio(p.iter().map(|o| o.false_hits.len()).sum(), n),
            ratio(s.iter().filter(|o| o.hit).count(), s.len()),
            ratio(s.iter().map(|o| o.false_hits.len()).sum(), s.len()),
        );
    }
    for kind in Kind::ALL {
        let p: Vec<&Outcome> = pair.iter().filter(|o| o.kind == kind).collect();
        let misses: Vec<&&Outcome> = p.iter().filter(|o| !o.hit).collect();
        eprintln!(
            "\n== {} : {} misses of {}",
            kind.name(),
            misses.len(),
            p.len()
        );
        let mut rules: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for o in &p {
            let e = rules.entry(o.rule.as_str()).or_default();
            e.0 += usize::from(o.hit);
            e.1 += 1;
        }
        let line: Vec<String> = rules
            .iter()
            .map(|(r, (h, n))| format!("{r} {h}/{n}"))
            .collect();
        eprintln!("   hits by rule: {}", line.join(", "));
        let mut reasons: BTreeMap<&str, Vec<&Outcome>> = BTreeMap::new();
        for o in &misses {
            reasons.entry(o.reason.as_str()).or_default().push(o);
        }
        let mut reasons: Vec<_> = reasons.into_iter().collect();
        reasons.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
        for (why, os) in reasons {
            let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
            for o in &os {
                *by_rule.entry(o.rule.as_str()).or_default() += 1;
            }
            let rules: Vec<String> = by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
            eprintln!("   {:>4}  {why} ({})", os.len(), rules.join(", "));
            let shown = if verbose { os.len() } else { EXAMPLES };
            for o in os.iter().take(shown) {
                eprintln!("           {} [{}] {}", docs[o.doc].name, o.rule, o.change);
                if verbose {
                    eprintln!("              {}", o.snippet);
                }
            }
        }
    }
    let mut by_kind: BTreeMap<&str, Vec<(&Outcome, &Hit)>> = BTreeMap::new();
    for o in pair {
        for h in &o.false_hits {
            by_kind.entry(h.kind).or_default().push((o, h));
        }
    }
    eprintln!(
        "\n== false findings between original and copy: {} in {} runs",
        by_kind.values().map(Vec::len).sum::<usize>(),
        pair.len()
    );
    for (k, v) in &by_kind {
        let mut by_edit: BTreeMap<&str, usize> = BTreeMap::new();
        for (o, _) in v {
            *by_edit.entry(o.kind.name()).or_default() += 1;
        }
        let edits: Vec<String> = by_edit.iter().map(|(r, n)| format!("{r} {n}")).collect();
        eprintln!("   {:>4}  {k} (in runs of: {})", v.len(), edits.join(", "));
        let shown = if verbose { v.len() } else { EXAMPLES };
        for (o, h) in v.iter().take(shown) {
            eprintln!(
                "           {} [{} {}] {} | {}",
                docs[o.doc].name,
                o.kind.name(),
                o.rule,
                o.change,
                h.note
            );
            if verbose {
                eprintln!("              {}", o.snippet);
            }
        }
    }
    let mut story_false: BTreeMap<&str, usize> = BTreeMap::new();
    for o in story {
        for h in &o.false_hits {
            *story_false.entry(h.kind).or_default() += 1;
        }
    }
    let line: Vec<String> = story_false
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    eprintln!("   with story context: {}", line.join(", "));
    eprintln!(
        "   speaker edits: {} attribution findings on other quotes now given to the new speaker (follow-on, not counted)",
        pair.iter().map(|o| o.follow_on).sum::<usize>()
    );
    eprintln!(
        "   unedited copies: {} discrepancies in {} runs",
        control.iter().sum::<usize>(),
        control.len()
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_parse::NaiveDate;

    fn doc(text: &str) -> PolnearDoc {
        PolnearDoc {
            name: "wire-1".into(),
            text: text.into(),
            published: NaiveDate::from_ymd_opt(2016, 3, 4),
            attributions: Vec::new(),
        }
    }

    fn run_one(d: &PolnearDoc, edit: Edit) -> Outcome {
        let docs = vec![d.clone()];
        let orig = extract(article(&d.name, d, d.text.clone()));
        evaluate(&Run { doc: 0, edit }, &docs, &orig, &[])
    }

    const TEXT: &str = "City council votes on harbor plan.\n\n\
        The city council approved the harbor expansion plan on Tuesday after a \
        long debate over its cost of 40 million dollars, officials said.\n\n\
        The harbor plan will add two new piers and a ferry terminal for the \
        growing number of commuters, the port authority said in a statement.";

    #[test]
    fn a_changed_weekday_is_reported_on_its_span() {
        let d = doc(TEXT);
        let at = TEXT.find("Tuesday").unwrap();
        let o = run_one(
            &d,
            Edit {
                kind: Kind::Date,
                rule: "weekday".into(),
                span: Span::new(at, at + "Tuesday".len()),
                replacement: "Monday".into(),
                content: Vec::new(),
            },
        );
        assert!(o.hit && o.any, "{}", o.reason);
        assert!(o.false_hits.is_empty());
    }

    #[test]
    fn a_miss_gets_a_reason() {
        let d = doc(TEXT);
        let at = TEXT.find("ferry").unwrap();
        let o = run_one(
            &d,
            Edit {
                kind: Kind::Place,
                rule: "test".into(),
                span: Span::new(at, at + "ferry".len()),
                replacement: "cargo".into(),
                content: Vec::new(),
            },
        );
        // a word that is no place: never a place finding, always a reason
        assert!(!o.hit);
        assert!(o.reason.starts_with("place not extracted"), "{}", o.reason);
    }

    #[test]
    fn an_unedited_copy_gives_no_discrepancy() {
        let d = doc(TEXT);
        let a = extract(article("wire-1", &d, TEXT.into()));
        let b = extract(article("wire-1~copy", &d, TEXT.into()));
        let c = adapter::compare(&[a, b]);
        let hits = adapter::between(&c, "wire-1~copy", "wire-1");
        // identical texts are one text (a copy relation), not two outlets
        // agreeing: no finding at all
        assert!(adapter::copies(&c, "wire-1~copy", "wire-1"));
        assert!(hits.iter().all(|h| !h.discrepancy));
    }
}
