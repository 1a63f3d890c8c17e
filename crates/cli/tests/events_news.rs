//! PLOVER events on real news, scored against the hand-coded gold set
//! `tests/gold/events_news.toml` (issue 17: "events output on sentences
//! with no event at most 10% of sentences; category precision at least 0.80
//! overall").
//!
//! The gold sentences are spans of real news texts in the shared folder (AEB
//! pages' `articleBody`, ECB+ files); the repository holds only their
//! offsets and hashes. Each article is run once through the pipeline
//! `storyline extract` uses for a plain text (`storyline_pipeline::build`,
//! no publication date), and each gold sentence is scored **in its article
//! context**: the events whose span falls in the sentence. A sentence the
//! cleaner dropped or changed beyond whitespace would be run alone (the
//! count is printed; none are today).
//!
//! Figures, over the events output on the gold sentences (storyline's own
//! `TRANSITION`, a change of office, is not PLOVER: it is left out and
//! counted apart):
//! - false alarms: the share of no-event sentences with any event output;
//! - category precision: events on gold event sentences whose category is a
//!   gold category of that sentence (or one of its `also`, or in the
//!   sentence's `accept`), over all events output on all gold sentences;
//! - recall: gold events with an output event of their category (or an
//!   `also` one) on their sentence;
//! - actor: of the right-category events whose gold event names an actor,
//!   the share with an actor entity whose name overlaps the gold actor's.
//!
//! The misses are printed to stderr:
//! `cargo test -p storyline --test events_news -- --nocapture`.
//!
//! `tests/gold/events_news_heldout.toml` is scored the same way by
//! `events_on_real_news_heldout`, with its own floors: sentences from other
//! articles, coded by the same rules, that nobody writing rules reads. Its
//! figures are printed always, its misses only with
//! `STORYLINE_SHOW_HELDOUT=1`.

mod common;
mod news;

use std::collections::BTreeMap;

use serde::Deserialize;
use storyline_model::{Document, Event};

#[derive(Deserialize)]
struct Gold {
    sentence: Vec<Sentence>,
}

#[derive(Deserialize)]
struct Sentence {
    source: String,
    id: Option<String>,
    start: usize,
    end: usize,
    sha256: String,
    domain: String,
    #[serde(default)]
    note: String,
    /// Categories of background events that are right if output but not
    /// required.
    #[serde(default)]
    accept: Vec<String>,
    #[serde(default)]
    event: Vec<GoldEvent>,
}

#[derive(Deserialize)]
struct GoldEvent {
    category: String,
    actor: String,
    actor_name: Option<String>,
    #[serde(default)]
    actor_also: Vec<String>,
    #[allow(dead_code)]
    recipient: Option<String>,
    #[serde(default)]
    also: Vec<String>,
}

impl GoldEvent {
    fn accepts(&self, category: &str) -> bool {
        self.category == category || self.also.iter().any(|a| a == category)
    }

    fn names(&self) -> Vec<&str> {
        let mut names = vec![self.actor.as_str()];
        names.extend(self.actor_name.as_deref());
        names.extend(self.actor_also.iter().map(String::as_str));
        names
    }
}

/// The figures measured at the commit named in docs/quality.md ("Events and
/// claims on real news"). This is a ratchet: the test fails when quality
/// drops below today's value. Floors only move up (and the false-alarm
/// ceiling only down): raise them when the figures improve, never lower
/// them to make a change pass.
struct Floors {
    /// A ceiling: the share of no-event sentences with an event.
    false_alarm_ceiling: f64,
    precision: f64,
    recall: f64,
    actor: f64,
}

const FLOORS: Floors = Floors {
    // 3 of 70 no-event sentences (23 with the word-window coder).
    false_alarm_ceiling: 0.043,
    // 48 of 55 events (62 of 117 with the word-window coder). Lowered
    // once, from 46 of 58 to 45 of 56, when what a threat threatens
    // stopped being an event of its own: "threatened to use force" had
    // counted as two right THREATEN events.
    precision: 0.872,
    // 45 of 76 gold events. Lowered once, from 52 of 76, when events
    // began to be read from the parse: an event now needs a named party
    // that the verb governs, which the window coder did not ask, and its
    // recall came with a third of the no-event sentences given an event.
    recall: 0.592,
    // 40 of 45; 37 of 42 right-category events with a gold actor (24 of 47);
    // 38 of 43 before the threatened act stopped being counted twice.
    actor: 0.888,
};

/// The same for the held-out set, measured when it was made (see
/// docs/quality.md): a ratchet too.
const HELDOUT_FLOORS: Floors = Floors {
    // 3 of 54 no-event sentences (18 when the set was made).
    false_alarm_ceiling: 0.056,
    // 27 of 32 events (27 of 52 when the set was made).
    precision: 0.843,
    // 21 of 59 gold events (22 when the set was made). Lowered once,
    // from 23, when companies and private people the knowledge base does
    // not know stopped acting politically on parties no one can place:
    // false alarms fell from 12 to 6 of 54 (docs/quality.md).
    recall: 0.355,
    // 10 of 16 right-category events with a gold actor (10 of 16 when the
    // set was made; 11 of 17 before the same change).
    actor: 0.625,
};

/// The same for the second tuned set, first measured before anyone read
/// its misses (docs/quality.md gives that untuned figure).
const SECOND_FLOORS: Floors = Floors {
    // 2 of 76 no-event sentences (9 when first measured, untuned).
    false_alarm_ceiling: 0.027,
    // 22 of 25 events (26 of 50 when first measured).
    precision: 0.879,
    // 21 of 56 gold events (26 when first measured; lowered with the
    // held-out set's, for the same change; lowered again from 25 when an
    // event with no actor acting on things, not parties, stopped being
    // one: "They criticised Scooter Braun's company" had kept its ACCUSE
    // with "They" unresolved; and from 22 when a clause of time stopped
    // lending its parties: "It will dismiss any criticism, as it has that
    // from Britain" had Britain, and no actor).
    recall: 0.375,
    // 20 of 20 right-category events with a gold actor (18 of 22).
    actor: 1.0,
};

const TUNED: &str = "events_news.toml";
const SECOND: &str = "events_news_dev2.toml";
const HELDOUT: &str = "events_news_heldout.toml";

fn gold(file: &str) -> Gold {
    let text = std::fs::read_to_string(news::gold_path(file)).expect("the gold set is readable");
    toml::from_str(&text).expect("the gold set parses")
}

/// The gold set is well formed and as large as the issue asks: at least 80
/// sentences, at least half of them with no event, from at least 4 domains;
/// known categories; an `id` exactly for AEB entries; no sentence twice.
/// Needs no shared folder (the scoring test checks the spans' hashes and
/// that each actor is in its sentence).
#[test]
fn gold_set_is_well_formed() {
    well_formed(&gold(TUNED), 80);
    well_formed(&gold(SECOND), 80);
}

/// The held-out set is well formed too, at least 70 sentences, and cites
/// no article that a tuned set cites.
#[test]
fn heldout_gold_set_is_well_formed() {
    well_formed(&gold(HELDOUT), 70);
    news::assert_heldout_disjoint(HELDOUT);
}

fn well_formed(gold: &Gold, min: usize) {
    let n = gold.sentence.len();
    assert!(n >= min, "at least {min} sentences, not {n}");
    let empty = gold.sentence.iter().filter(|s| s.event.is_empty()).count();
    assert!(
        2 * empty >= n,
        "only {empty} of {n} sentences have no event"
    );
    let mut domains: Vec<&str> = gold
        .sentence
        .iter()
        .filter(|s| s.event.is_empty())
        .map(|s| s.domain.as_str())
        .collect();
    domains.sort();
    domains.dedup();
    assert!(
        domains.len() >= 4,
        "no-event sentences from only {domains:?}"
    );
    let mut seen = std::collections::HashSet::new();
    for s in &gold.sentence {
        let key = (s.source.as_str(), s.id.as_deref(), s.start);
        assert!(
            seen.insert(key),
            "{} {:?} {}: twice",
            s.source,
            s.id,
            s.start
        );
        assert!(s.start < s.end, "{} {}: empty span", s.source, s.start);
        assert_eq!(s.sha256.len(), 12, "{} {}: sha256", s.source, s.start);
        assert_eq!(
            s.source == news::AEB,
            s.id.is_some(),
            "{} {}: an `id` is for {} entries only",
            s.source,
            s.start,
            news::AEB
        );
        for e in &s.event {
            for c in std::iter::once(&e.category).chain(&e.also) {
                assert!(
                    storyline_code::is_plover(c),
                    "{} {}: {c}",
                    s.source,
                    s.start
                );
            }
        }
        for c in &s.accept {
            assert!(
                storyline_code::is_plover(c),
                "{} {}: {c}",
                s.source,
                s.start
            );
        }
    }
}

/// An output event and the names of its actors.
struct Output<'a> {
    event: &'a Event,
    actors: Vec<String>,
}

fn actor_names(doc: &Document, e: &Event) -> Vec<String> {
    let mut names = Vec::new();
    for &i in &e.actor_entities {
        if let Some(ent) = doc.entities.get(i) {
            names.push(ent.text.clone());
            names.extend(ent.name.clone());
        }
    }
    names
}

fn show(o: &Output) -> String {
    let actors = if o.actors.is_empty() {
        "-".to_string()
    } else {
        o.actors.join("/")
    };
    format!("{} {} ({})", o.event.category, actors, o.event.verb)
}

fn short_source(s: &Sentence) -> String {
    match &s.id {
        Some(id) => format!("aeb:{}", &id[..8]),
        None => s
            .source
            .rsplit('/')
            .next()
            .unwrap_or(&s.source)
            .trim_end_matches(".txt")
            .to_string(),
    }
}

#[test]
fn events_on_real_news() {
    score(TUNED, &FLOORS, false);
}

#[test]
fn events_on_real_news_second_set() {
    score(SECOND, &SECOND_FLOORS, false);
}

#[test]
fn events_on_real_news_heldout() {
    score(HELDOUT, &HELDOUT_FLOORS, true);
}

/// Scores the gold set `file` against `floors`; the misses are printed
/// unless `heldout` (then only with `STORYLINE_SHOW_HELDOUT=1`).
fn score(file: &str, floors: &Floors, heldout: bool) {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let gold = gold(file);
    let mut sources = news::Sources::new(&shared);
    let mut spans = Vec::new();
    for s in &gold.sentence {
        let text = news::checked_span(
            &mut sources,
            &s.source,
            s.id.as_deref(),
            s.start,
            s.end,
            &s.sha256,
        );
        for e in &s.event {
            for actor in std::iter::once(&e.actor).chain(&e.actor_also) {
                assert!(
                    text.contains(actor.as_str()),
                    "{} {}: actor `{actor}` is not in the sentence",
                    s.source,
                    s.start
                );
            }
        }
        let key = match &s.id {
            Some(id) => format!("{}#{id}", s.source),
            None => s.source.clone(),
        };
        let article = sources.text(&s.source, s.id.as_deref()).to_string();
        spans.push((key, article, text));
    }
    let analysis = news::analyse_in_context(&spans);

    let (mut empty, mut false_alarms) = (0usize, 0usize);
    let (mut output, mut correct) = (0usize, 0usize);
    let (mut gold_events, mut found) = (0usize, 0usize);
    let (mut judged, mut actor_right) = (0usize, 0usize);
    let (mut transitions, mut alone) = (0usize, 0usize);
    let mut misses: Vec<[String; 4]> = Vec::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut alarms_by_domain: BTreeMap<&str, (usize, usize)> = BTreeMap::new();

    for (s, placed) in gold.sentence.iter().zip(&analysis.placed) {
        let doc = analysis.doc(placed);
        if !placed.in_context {
            alone += 1;
            eprintln!("run alone: {} {}..{}", short_source(s), s.start, s.end);
        }
        let on_sentence: Vec<&Event> = doc
            .events
            .iter()
            .filter(|e| news::overlaps((e.start, e.end), placed.span))
            .collect();
        transitions += on_sentence
            .iter()
            .filter(|e| e.category == "TRANSITION")
            .count();
        let outputs: Vec<Output> = on_sentence
            .into_iter()
            .filter(|e| e.category != "TRANSITION")
            .map(|e| Output {
                event: e,
                actors: actor_names(doc, e),
            })
            .collect();
        let source = format!("{} {}", short_source(s), s.domain);
        output += outputs.len();
        if s.event.is_empty() {
            empty += 1;
            let d = alarms_by_domain.entry(s.domain.as_str()).or_default();
            d.1 += 1;
            if !outputs.is_empty() {
                false_alarms += 1;
                d.0 += 1;
                for o in &outputs {
                    *kinds
                        .entry(format!("false alarm {}", o.event.category))
                        .or_default() += 1;
                    misses.push([
                        "false alarm".into(),
                        source.clone(),
                        format!("none ({})", s.note),
                        show(o),
                    ]);
                }
            }
            continue;
        }
        for o in &outputs {
            let matching: Vec<&GoldEvent> = s
                .event
                .iter()
                .filter(|g| g.accepts(&o.event.category))
                .collect();
            if matching.is_empty() && s.accept.contains(&o.event.category) {
                correct += 1;
                continue;
            }
            if matching.is_empty() {
                let golds: Vec<&str> = s.event.iter().map(|g| g.category.as_str()).collect();
                *kinds
                    .entry(format!("wrong category {}", o.event.category))
                    .or_default() += 1;
                misses.push([
                    "wrong category".into(),
                    source.clone(),
                    golds.join(" + "),
                    show(o),
                ]);
                continue;
            }
            correct += 1;
            let named: Vec<&&GoldEvent> = matching.iter().filter(|g| !g.actor.is_empty()).collect();
            if named.is_empty() {
                continue;
            }
            judged += 1;
            let right = named
                .iter()
                .any(|g| o.actors.iter().any(|a| news::same_name(a, &g.names())));
            if right {
                actor_right += 1;
            } else {
                let want: Vec<&str> = named.iter().map(|g| g.actor.as_str()).collect();
                *kinds
                    .entry(if o.actors.is_empty() {
                        "right category, no actor".to_string()
                    } else {
                        "right category, wrong actor".to_string()
                    })
                    .or_default() += 1;
                misses.push([
                    "wrong actor".into(),
                    source.clone(),
                    format!("{} {}", o.event.category, want.join("/")),
                    show(o),
                ]);
            }
        }
        for g in &s.event {
            gold_events += 1;
            if outputs.iter().any(|o| g.accepts(&o.event.category)) {
                found += 1;
            } else {
                *kinds.entry(format!("missed {}", g.category)).or_default() += 1;
                let got: Vec<String> = outputs.iter().map(show).collect();
                misses.push([
                    "missed".into(),
                    source.clone(),
                    format!("{} {}", g.category, g.actor),
                    if got.is_empty() {
                        "-".into()
                    } else {
                        got.join("; ")
                    },
                ]);
            }
        }
    }

    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let false_alarm = ratio(false_alarms, empty);
    let precision = ratio(correct, output);
    let recall = ratio(found, gold_events);
    let actor = ratio(actor_right, judged);

    if news::show_misses(heldout, misses.len()) {
        eprintln!("\nmisses ({}):", misses.len());
        eprintln!(
            "{} {} {} predicted",
            news::cell("kind", 15),
            news::cell("source domain", 24),
            news::cell("gold", 34)
        );
        for [kind, source, want, got] in &misses {
            eprintln!(
                "{} {} {} {}",
                news::cell(kind, 15),
                news::cell(source, 24),
                news::cell(want, 34),
                got
            );
        }
        eprintln!("\nkinds of error:");
        let mut kinds: Vec<(String, usize)> = kinds.into_iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (kind, n) in &kinds {
            eprintln!("  {n:3}  {kind}");
        }
        eprintln!("\nfalse alarms by domain:");
        for (domain, (bad, all)) in &alarms_by_domain {
            eprintln!("  {domain:<12} {bad}/{all}");
        }
    }
    eprintln!(
        "\nevents on real news ({file}): {} sentences ({} with no event), {} run alone, {} gold events; \
         {} events output (and {} TRANSITION, not scored)",
        gold.sentence.len(),
        empty,
        alone,
        gold_events,
        output,
        transitions
    );
    eprintln!(
        "  false alarms {false_alarms}/{empty} = {false_alarm:.3} (issue: at most 0.10)\n  \
         category precision {correct}/{output} = {precision:.3} (issue: at least 0.80)\n  \
         recall {found}/{gold_events} = {recall:.3}\n  \
         actor right {actor_right}/{judged} = {actor:.3}"
    );

    const EPS: f64 = 1e-9;
    assert!(
        false_alarm <= floors.false_alarm_ceiling + EPS,
        "false alarms {false_alarm:.3} above the ceiling {}",
        floors.false_alarm_ceiling
    );
    assert!(
        precision + EPS >= floors.precision,
        "category precision {precision:.3} below the floor {}",
        floors.precision
    );
    assert!(
        recall + EPS >= floors.recall,
        "recall {recall:.3} below the floor {}",
        floors.recall
    );
    assert!(
        actor + EPS >= floors.actor,
        "actor {actor:.3} below the floor {}",
        floors.actor
    );
}
