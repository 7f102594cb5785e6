//! Suite `entities`: people and places on ECB+ train + dev (`ecbplus`).
//!
//! ECB+ annotates, in the sentences it keeps, every entity mention that
//! takes part in an annotated event, typed `HUM` (people, also groups and
//! outlets acting as people), `LOC`, `TIM` or `NON`, with cross-document
//! coreference chains. Each document's text is rebuilt from its tokens
//! (one sentence a line, as [`crate::stories`] rebuilds it) keeping each
//! token's byte span, and extracted with no publication date.
//!
//! - **Named gold mentions.** A gold mention is *named* when one of its
//!   tokens is name-like: it starts with an uppercase letter, is not the
//!   pronoun “I”, and is not the first word of its sentence, or is the first
//!   word but the document also writes it capitalised further into a
//!   sentence (“Obama said…” opening a sentence counts when “Obama” occurs
//!   elsewhere mid-sentence). “Police” or “Officials” opening a sentence
//!   are not names.
//! - **Person precision**: our `Person` mentions that share a byte with a
//!   gold `HUM` mention, over our `Person` mentions that share a byte with
//!   any gold mention (entity or event: the annotation says something
//!   there). `person_precision_all` divides by all our `Person` mentions
//!   (ECB+ leaves the people of unannotated events unannotated, so this
//!   one is a floor).
//! - **Person recall**: named gold `HUM` mentions that share a byte with one
//!   of our `Person` mentions, over named gold `HUM` mentions.
//! - **Place precision / recall**: the same with our `Place` mentions and
//!   gold `LOC` mentions.
//! - **Person identity across documents**: each of our `Person` entities is
//!   given the gold chain most of its mentions fall on (entities on no
//!   `HUM` chain are left out); over every pair of such entities from two
//!   documents of one topic, a predicted link is a pair that the comparison
//!   (`crosscheck_align::compare` on the topic's documents, forced into
//!   one story: people are merged per story) merges into one person; a
//!   gold link a pair on one chain. Pairwise precision, recall and
//!   F1.

use crate::score::{ahead, back, samples_wanted, snippet, Prf, Tally};
use crate::Figures;
use crosscheck_parse::{extract, Article, EntityKind, Extraction, Span};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The type of a gold entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GoldType {
    /// A person, or a group or outlet acting as one.
    Hum,
    /// A place.
    Loc,
    /// A time.
    Tim,
    /// Anything else.
    Non,
    /// An event mention (from the event file).
    Event,
}

/// One document rebuilt from its tokens.
#[derive(Clone, Debug)]
pub struct EcbDoc {
    /// Document id (`1_10ecb`).
    pub id: String,
    /// Topic (`1`).
    pub topic: String,
    /// The text: one sentence a line.
    pub text: String,
    /// Byte span of each token, by sentence id then token index.
    pub tokens: BTreeMap<usize, Vec<Span>>,
}

/// One gold mention.
#[derive(Clone, Debug)]
pub struct GoldMention {
    /// Index of its document in the list [`read`] returns.
    pub doc: usize,
    /// Its type.
    pub kind: GoldType,
    /// Its cross-document chain.
    pub chain: String,
    /// The spans of its tokens.
    pub spans: Vec<Span>,
    /// Whether it is a named mention (see the module documentation).
    pub named: bool,
}

impl GoldMention {
    /// True when `s` shares a byte with one of the mention's tokens.
    pub fn overlaps(&self, s: Span) -> bool {
        self.spans.iter().any(|t| t.overlaps(&s))
    }
}

/// `tokens` joined the way [`crate::stories::detokenize`] joins them, and
/// the byte span of each token in the result.
///
/// ```
/// use crosscheck_eval::entities::detokenize_spans;
/// let toks = ["``", "Yes", ",", "''", "the", "rep", "'s", "aide", "said", "."];
/// let (text, spans) = detokenize_spans(&toks);
/// assert_eq!(text, "\"Yes,\" the rep's aide said.");
/// assert_eq!(&text[spans[1].0..spans[1].1], "Yes");
/// assert_eq!(&text[spans[6].0..spans[6].1], "'s");
/// ```
pub fn detokenize_spans(tokens: &[&str]) -> (String, Vec<(usize, usize)>) {
    let mut out = String::new();
    let mut spans = Vec::with_capacity(tokens.len());
    let mut glue_next = true;
    let mut quote_open = false;
    for &t in tokens {
        let (tok, closing_quote, opening_quote) = match t {
            "``" => ("\"", false, true),
            "''" => ("\"", true, false),
            "\"" if quote_open => ("\"", true, false),
            "\"" => ("\"", false, true),
            other => (other, false, false),
        };
        let glue_before = closing_quote
            || tok == "-"
            || matches!(tok, "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "%")
            || tok.starts_with('\'') && tok.len() <= 3
            || tok == "n't";
        if !(out.is_empty() || glue_next || glue_before) {
            out.push(' ');
        }
        let start = out.len();
        out.push_str(tok);
        spans.push((start, out.len()));
        if opening_quote {
            quote_open = true;
        }
        if closing_quote {
            quote_open = false;
        }
        glue_next = opening_quote || matches!(tok, "(" | "[" | "$" | "-");
    }
    (out, spans)
}

/// A gold mention as the JSON files write it.
#[derive(Deserialize)]
struct RawMention {
    doc_id: String,
    sent_id: usize,
    tokens_number: Vec<usize>,
    #[serde(default)]
    mention_type: String,
    coref_chain: String,
}

/// Reads the ECB+ train and dev documents and their gold mentions (entity
/// and event), documents in id order.
pub fn read(dir: &Path) -> Result<(Vec<EcbDoc>, Vec<GoldMention>), String> {
    // doc -> sentence -> tokens
    let raw = crate::stories::ecb_tokens(dir)?;
    let mut docs = Vec::with_capacity(raw.len());
    // the words of each doc, for the named-mention rule
    let mut words: Vec<BTreeMap<usize, Vec<String>>> = Vec::with_capacity(raw.len());
    for (id, sentences) in raw {
        let topic = id
            .split_once('_')
            .map_or(id.as_str(), |(t, _)| t)
            .to_string();
        let mut text = String::new();
        let mut tokens = BTreeMap::new();
        for (k, (&sid, toks)) in sentences.iter().enumerate() {
            if k > 0 {
                text.push('\n');
            }
            let base = text.len();
            let strs: Vec<&str> = toks.iter().map(String::as_str).collect();
            let (line, spans) = detokenize_spans(&strs);
            text.push_str(&line);
            tokens.insert(
                sid,
                spans
                    .into_iter()
                    .map(|(s, e)| Span::new(base + s, base + e))
                    .collect(),
            );
        }
        docs.push(EcbDoc {
            id,
            topic,
            text,
            tokens,
        });
        words.push(sentences);
    }
    let index: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut gold = Vec::new();
    for split in ["Train", "Dev"] {
        for (file, event) in [("Entity", false), ("Event", true)] {
            let path = dir.join(format!("ecbplus/ECB_{split}_{file}_gold_mentions.json"));
            let src =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let ms: Vec<RawMention> =
                serde_json::from_str(&src).map_err(|e| format!("{}: {e}", path.display()))?;
            for m in ms {
                let Some(&d) = index.get(m.doc_id.as_str()) else {
                    continue;
                };
                let kind = match (event, m.mention_type.as_str()) {
                    (true, _) => GoldType::Event,
                    (false, "HUM") => GoldType::Hum,
                    (false, "LOC") => GoldType::Loc,
                    (false, "TIM") => GoldType::Tim,
                    _ => GoldType::Non,
                };
                let Some(sent) = docs[d].tokens.get(&m.sent_id) else {
                    continue;
                };
                let spans: Vec<Span> = m
                    .tokens_number
                    .iter()
                    .filter_map(|&t| sent.get(t).copied())
                    .collect();
                if spans.is_empty() {
                    continue;
                }
                let named = m
                    .tokens_number
                    .iter()
                    .any(|&t| name_like(&words[d], m.sent_id, t));
                gold.push(GoldMention {
                    doc: d,
                    kind,
                    chain: m.coref_chain,
                    spans,
                    named,
                });
            }
        }
    }
    Ok((docs, gold))
}

/// Is token `t` of sentence `sent` name-like (see the module
/// documentation)?
fn name_like(doc: &BTreeMap<usize, Vec<String>>, sent: usize, t: usize) -> bool {
    let Some(w) = doc.get(&sent).and_then(|s| s.get(t)) else {
        return false;
    };
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_alphabetic)
    };
    if !capitalised(w) || w == "I" {
        return false;
    }
    // the first word of a sentence: the first token with a letter or digit
    let first = |s: &[String]| s.iter().position(|w| w.chars().any(char::is_alphanumeric));
    let initial = doc.get(&sent).and_then(|s| first(s)) == Some(t);
    if !initial {
        return true;
    }
    doc.values().any(|s| {
        let f = first(s);
        s.iter().enumerate().any(|(k, x)| x == w && Some(k) != f)
    })
}

/// Our mentions of `kind` in an extraction, with the index of their entity.
fn mentions(x: &Extraction, kind: EntityKind) -> Vec<(Span, usize)> {
    x.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == kind)
        .flat_map(|(i, e)| e.mentions.iter().map(move |&s| (s, i)))
        .collect()
}

/// What a predicted mention of `want`'s kind lies on, for the error report.
fn judged(gold: &[&GoldMention], s: Span) -> Option<GoldType> {
    // the most telling type first: the right one, then entity types
    [
        GoldType::Hum,
        GoldType::Loc,
        GoldType::Tim,
        GoldType::Non,
        GoldType::Event,
    ]
    .into_iter()
    .find(|&k| gold.iter().any(|g| g.kind == k && g.overlaps(s)))
}

/// Runs the suite on `dir/ecbplus`.
pub fn run(dir: &Path) -> Result<Figures, String> {
    let (docs, gold) = read(dir)?;
    let keep = samples_wanted();
    let mut by_doc: Vec<Vec<&GoldMention>> = vec![Vec::new(); docs.len()];
    for g in &gold {
        by_doc[g.doc].push(g);
    }
    let mut person = Prf::default();
    let mut person_all = Prf::default();
    let mut place = Prf::default();
    let mut errors = Tally::new(keep);
    let mut false_words: BTreeMap<String, usize> = BTreeMap::new();
    let mut missed_words: BTreeMap<String, usize> = BTreeMap::new();
    // (topic, doc, gold chain, entity index) of each person entity on a chain
    let mut identities: Vec<(String, usize, String, usize)> = Vec::new();
    let mut extractions: Vec<Extraction> = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        let x = extract(Article {
            id: doc.id.clone(),
            text: doc.text.clone(),
            origin: format!("ecbplus/{}", doc.id),
            ..Article::default()
        });
        let text = &x.article.text;
        let g = &by_doc[d];
        let show = |s: Span| {
            format!(
                "{}:{} {:?} in {}",
                doc.id,
                s.start,
                s.slice(text),
                snippet(text, back(text, s.start, 50), ahead(text, s.end, 50), 140)
            )
        };
        for (kind, want, prf, name) in [
            (EntityKind::Person, GoldType::Hum, &mut person, "person"),
            (EntityKind::Place, GoldType::Loc, &mut place, "place"),
        ] {
            let ours = mentions(&x, kind);
            for &(s, _) in &ours {
                let on = judged(g, s);
                if kind == EntityKind::Person {
                    person_all.predicted(on == Some(GoldType::Hum));
                }
                let Some(on) = on else {
                    errors.note(&format!("{name} on no gold mention"), || show(s));
                    continue;
                };
                prf.predicted(on == want);
                if on != want {
                    errors.note(&format!("{name} on gold {on:?}"), || show(s));
                    if kind == EntityKind::Person {
                        *false_words.entry(s.slice(text).to_string()).or_default() += 1;
                    }
                }
            }
            for m in g.iter().filter(|m| m.kind == want && m.named) {
                let found = ours.iter().any(|&(s, _)| m.overlaps(s));
                prf.gold(found);
                if kind == EntityKind::Person {
                    person_all.gold(found);
                }
                if !found {
                    let span = Span::new(m.spans[0].start, m.spans[m.spans.len() - 1].end);
                    let other = x
                        .entities
                        .iter()
                        .find(|e| e.kind != kind && e.mentions.iter().any(|s| m.overlaps(*s)))
                        .map(|e| format!("{:?}", e.kind).to_lowercase());
                    let why = match other {
                        Some(k) => format!("{name} missed, read as {k}"),
                        None => format!("{name} missed, no entity"),
                    };
                    errors.note(&why, || show(span));
                    if kind == EntityKind::Person {
                        *missed_words
                            .entry(span.slice(text).to_string())
                            .or_default() += 1;
                    }
                }
            }
        }
        // person entities on a gold chain
        for (ei, e) in x
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person)
        {
            let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
            for &s in &e.mentions {
                for m in g
                    .iter()
                    .filter(|m| m.kind == GoldType::Hum && m.overlaps(s))
                {
                    *votes.entry(m.chain.as_str()).or_default() += 1;
                }
            }
            let best = votes
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(c, _)| c.to_string());
            if let Some(chain) = best {
                identities.push((doc.topic.clone(), d, chain, ei));
            }
        }
        extractions.push(x);
    }
    // the people the comparison merges across the documents of each topic
    let mut person_of: HashMap<(usize, usize), usize> = HashMap::new();
    let mut by_topic_docs: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        by_topic_docs.entry(doc.topic.as_str()).or_default().push(d);
    }
    // People are merged per story; this figure measures the merge, not the
    // story grouping (ECB+ topics hold two events, and the `stories` suite
    // scores how they are grouped), so each topic is compared as one story.
    let mut config = crosscheck_align::Config::default();
    config.stories.force_one_story = true;
    let index: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut next_person = 0;
    for ds in by_topic_docs.values() {
        let xs: Vec<Extraction> = ds.iter().map(|&d| extractions[d].clone()).collect();
        let alignment = crosscheck_align::compare(&xs, &config);
        for p in &alignment.people {
            for (article, e) in &p.mentions {
                if let Some(&d) = index.get(article.as_str()) {
                    person_of.insert((d, *e), next_person);
                }
            }
            next_person += 1;
        }
    }
    let mut f = Figures::default();
    f.higher("person_precision", person.precision());
    f.higher("person_recall", person.recall());
    f.higher("person_f1", person.f1());
    f.higher("person_precision_all", person_all.precision());
    place.record(&mut f, "place");
    // identity across documents, pairwise within each topic
    let mut by_topic: BTreeMap<&str, Vec<&(String, usize, String, usize)>> = BTreeMap::new();
    for i in &identities {
        by_topic.entry(i.0.as_str()).or_default().push(i);
    }
    let (mut tp, mut predicted, mut gold_links) = (0usize, 0usize, 0usize);
    for list in by_topic.values() {
        for (k, a) in list.iter().enumerate() {
            for b in &list[k + 1..] {
                if a.1 == b.1 {
                    continue;
                }
                let same_gold = a.2 == b.2;
                let same_ours = match (person_of.get(&(a.1, a.3)), person_of.get(&(b.1, b.3))) {
                    (Some(x), Some(y)) => x == y,
                    _ => false,
                };
                tp += usize::from(same_gold && same_ours);
                if same_gold && !same_ours && std::env::var_os("ENT_DEBUG").is_some() {
                    let name = |d: usize, e: usize| extractions[d].entities[e].name.clone();
                    eprintln!("missed link {:?} / {:?}", name(a.1, a.3), name(b.1, b.3));
                }
                predicted += usize::from(same_ours);
                gold_links += usize::from(same_gold);
            }
        }
    }
    let identity = Prf {
        pred_ok: tp,
        pred: predicted,
        gold_ok: tp,
        gold: gold_links,
    };
    identity.record(&mut f, "person_identity");
    let named_hum = gold
        .iter()
        .filter(|m| m.kind == GoldType::Hum && m.named)
        .count();
    let named_loc = gold
        .iter()
        .filter(|m| m.kind == GoldType::Loc && m.named)
        .count();
    eprintln!(
        "entities/ecb+: {} documents, {} gold entity mentions ({named_hum} named HUM, {named_loc} named LOC)",
        docs.len(),
        gold.iter().filter(|m| m.kind != GoldType::Event).count()
    );
    eprintln!("  {}", person.line("person (judged)"));
    eprintln!("  {}", person_all.line("person (all predictions)"));
    eprintln!("  {}", place.line("place"));
    eprintln!(
        "  {}   ({} entities on a gold chain)",
        identity.line("person identity (pairs)"),
        identities.len()
    );
    errors.print("errors (kind)", 30);
    for (title, words) in [
        ("people that are not HUM (most frequent)", &false_words),
        ("named HUM mentions missed (most frequent)", &missed_words),
    ] {
        if keep == 0 {
            continue;
        }
        let mut ranked: Vec<(&String, &usize)> = words.iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = ranked
            .iter()
            .take(40)
            .map(|(w, n)| format!("{w:?} {n}"))
            .collect();
        eprintln!("  {title}: {}", shown.join(", "));
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_agree_with_the_stories_detokenizer() {
        let cases: &[&[&str]] = &[
            &[
                "``", "Yes", ",", "''", "the", "90", "-", "day", "(", "U.S.", ")", "rep", "'s",
                "aide", "said", ".",
            ],
            &["\"", "No", "\"", "he", "said", "n't", "$", "5", "%"],
            &[],
        ];
        for toks in cases {
            let (text, spans) = detokenize_spans(toks);
            assert_eq!(text, crate::stories::detokenize(toks));
            assert_eq!(spans.len(), toks.len());
            for (t, &(s, e)) in toks.iter().zip(&spans) {
                let want = match *t {
                    "``" | "''" => "\"",
                    w => w,
                };
                assert_eq!(&text[s..e], want);
            }
        }
    }

    #[test]
    fn named_tokens() {
        let doc: BTreeMap<usize, Vec<String>> = [
            (0, vec!["Police", "said", "Obama", "left", "."]),
            (1, vec!["Obama", "returned", "and", "I", "stayed"]),
            (2, vec!["``", "Officials", "agreed", "''"]),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().map(String::from).collect()))
        .collect();
        assert!(!name_like(&doc, 0, 0), "Police opens a sentence");
        assert!(name_like(&doc, 0, 2));
        assert!(name_like(&doc, 1, 0), "Obama also occurs mid-sentence");
        assert!(!name_like(&doc, 1, 3), "I");
        assert!(!name_like(&doc, 2, 1), "first word after a quote mark");
        assert!(!name_like(&doc, 0, 1));
    }
}
