//! Occurrences: things that happen with no political actor behind them (an
//! earthquake, a flood, a crash, a death toll, an election), read from the
//! parse. They are not PLOVER events, since nobody acts in them, but a
//! timeline of a developing story needs them, so they are listed apart.
//!
//! A word that names a happening is an occurrence only where the sentence
//! tells it happening: as the subject of a verb ("an earthquake struck",
//! "the toll rose"), after "there was", as the object of a verb that
//! reports or causes one ("caused a landslide", "won the election"), or as
//! what a casualty happened in ("killed in the flood"). A mention that only
//! refers back ("after the quake", "quake survivors") is not one. Without a
//! parse no occurrence is read.

use crate::events::{dated, time_in, SentenceContext, SIZE_MEASURES};
use crate::frame::Parse;
use storyline_model::Occurrence;

/// Nouns that name a happening, with its kind.
const NOUNS: &[(&str, &str)] = &[
    ("earthquake", "earthquake"),
    ("quake", "earthquake"),
    ("tremor", "earthquake"),
    ("aftershock", "earthquake"),
    ("tsunami", "tsunami"),
    ("flood", "flood"),
    ("flooding", "flood"),
    ("floodwater", "flood"),
    ("deluge", "flood"),
    ("storm", "storm"),
    ("cyclone", "storm"),
    ("hurricane", "storm"),
    ("typhoon", "storm"),
    ("tornado", "storm"),
    ("blizzard", "storm"),
    ("snowstorm", "storm"),
    ("rainstorm", "storm"),
    ("fire", "fire"),
    ("wildfire", "fire"),
    ("bushfire", "fire"),
    ("blaze", "fire"),
    ("eruption", "eruption"),
    ("landslide", "landslide"),
    ("mudslide", "landslide"),
    ("avalanche", "landslide"),
    ("drought", "drought"),
    ("heatwave", "heatwave"),
    ("crash", "crash"),
    ("collision", "crash"),
    ("derailment", "crash"),
    ("accident", "crash"),
    ("shipwreck", "crash"),
    ("explosion", "explosion"),
    ("blast", "explosion"),
    ("collapse", "collapse"),
    ("outbreak", "outbreak"),
    ("epidemic", "outbreak"),
    ("pandemic", "outbreak"),
    ("toll", "toll"),
    ("election", "election"),
    ("referendum", "election"),
    ("runoff", "election"),
];

/// Verbs that tell a happening themselves, with its kind and the words
/// their subject must be ("the plane crashed", not "shares crashed").
const VERBS: &[(&str, &str, &[&str])] = &[
    ("crash", "crash", VEHICLES),
    ("derail", "crash", &["train", "tram", "locomotive"]),
    ("capsize", "crash", VESSELS),
    ("sink", "crash", VESSELS),
    ("collapse", "collapse", STRUCTURES),
    (
        "erupt",
        "eruption",
        &["volcano", "mount", "mountain", "crater"],
    ),
];

const VEHICLES: &[&str] = &[
    "plane",
    "aircraft",
    "airliner",
    "jet",
    "helicopter",
    "bus",
    "train",
    "car",
    "truck",
    "lorry",
    "vehicle",
    "minibus",
    "coach",
    "van",
    "motorcycle",
    "boat",
    "ship",
];
const VESSELS: &[&str] = &[
    "boat", "ship", "ferry", "vessel", "dinghy", "trawler", "tanker", "yacht", "barge",
];
const STRUCTURES: &[&str] = &[
    "building", "bridge", "mine", "dam", "roof", "tunnel", "house", "tower", "block", "stand",
    "wall", "factory", "school", "hotel", "church", "mosque", "stadium",
];

/// Modifiers that make a word a market's or a price's, not a happening
/// ("a market crash", "a stock collapse", "a price storm").
const FIGURATIVE: &[&str] = &[
    "market",
    "stock",
    "price",
    "currency",
    "crypto",
    "share",
    "bond",
    "twitter",
    "media",
    "political",
    "diplomatic",
];

/// Verbs whose object is a happening they report or cause ("caused a
/// landslide", "put the toll at", "won the election").
const OBJECT_VERBS: &[&str] = &[
    "cause",
    "trigger",
    "spark",
    "suffer",
    "record",
    "report",
    "register",
    "experience",
    "survive",
    "witness",
    "put",
    "revise",
    "raise",
    "lower",
    "hold",
    "win",
    "lose",
    "contest",
    "call",
];

/// Verbs of harm whose "in" or "by" phrase names what the harm happened in
/// ("killed in the flood", "destroyed by fire").
const HARM_VERBS: &[&str] = &[
    "kill", "die", "injure", "wound", "hurt", "destroy", "damage", "displace", "flatten", "bury",
    "trap", "strand", "sweep", "claim", "leave", "hit", "affect", "evacuate", "flee",
];

/// The kind of happening a noun names, if it names one.
fn noun_kind(lemma: &str) -> Option<&'static str> {
    NOUNS.iter().find(|(n, _)| *n == lemma).map(|(_, k)| *k)
}

/// True when a noun names a happening nobody does (a disaster, an
/// accident, an outbreak), not an election or a count.
pub(crate) fn names_a_disaster(lemma: &str) -> bool {
    noun_kind(lemma).is_some_and(|k| !matches!(k, "election" | "toll"))
}

/// True when a prepositional phrase of the verb names a happening ("killed
/// in the crash", "evacuated after the earthquake", "destroyed by fire").
pub fn caused_by_happening(p: &Parse, verb: usize) -> bool {
    p.dependents(verb).iter().any(|&prep| {
        p.tokens[prep].dep == "prep"
            && p.dependents(prep).iter().any(|&o| {
                let lemma = p.tokens[o].lemma.to_lowercase();
                p.tokens[o].dep == "pobj" && noun_kind(&lemma).is_some_and(|k| k != "election")
            })
    })
}

/// The occurrences of one sentence.
pub fn sentence_occurrences(cx: &SentenceContext, p: &Parse) -> Vec<Occurrence> {
    let words = p.tokens_in(cx.sentence.0, cx.sentence.1);
    let mut out: Vec<Occurrence> = Vec::new();
    for i in words {
        let Some((kind, anchor)) = happening(p, i) else {
            continue;
        };
        // One occurrence of a kind per sentence: the same quake named twice
        // ("the quake, the strongest in decades, struck ...") is one.
        if out.iter().any(|o| o.kind == kind) {
            continue;
        }
        let o = occurrence(cx, p, i, kind, anchor);
        // A toll is news only with its figure ("the toll rose to 246").
        if kind == "toll" && o.size.is_none() {
            continue;
        }
        out.push(o);
    }
    out
}

/// If word `i` tells a happening: its kind, and the word whose clause
/// tells it (the verb it is subject or object of, or itself).
fn happening(p: &Parse, i: usize) -> Option<(&'static str, usize)> {
    let t = &p.tokens[i];
    let lemma = t.lemma.to_lowercase();
    if p.is_verb(i) {
        let (_, kind, subjects) = VERBS.iter().find(|(v, _, _)| *v == lemma)?;
        let subject = p.subject(i)?;
        let head = p.tokens[subject].lemma.to_lowercase();
        return subjects.contains(&head.as_str()).then_some((kind, i));
    }
    if !p.is_noun(i) || t.dep == "compound" {
        return None;
    }
    // "Cyclone Teodora", "Hurricane Maria": a named storm is one of its
    // kind.
    let kind = noun_kind(&lemma).or_else(|| {
        (t.pos == "PROPN")
            .then(|| {
                p.dependents(i)
                    .iter()
                    .filter(|&&c| p.tokens[c].dep == "compound")
                    .find_map(|&c| noun_kind(&p.tokens[c].lemma.to_lowercase()))
            })
            .flatten()
    })?;
    let figurative = p
        .dependents(i)
        .iter()
        .any(|&c| FIGURATIVE.contains(&p.tokens[c].lemma.to_lowercase().as_str()));
    if figurative {
        return None;
    }
    let head = t.head;
    let governed_by = |verbs: &[&str]| {
        head != i
            && head < p.tokens.len()
            && verbs.contains(&p.tokens[head].lemma.to_lowercase().as_str())
    };
    let told = match t.dep.as_str() {
        "nsubj" | "nsubjpass" => head != i && matches!(p.tokens[head].pos.as_str(), "VERB" | "AUX"),
        // "There was an explosion."
        "attr" => p
            .dependents(head)
            .iter()
            .any(|&c| p.tokens[c].dep == "expl"),
        "dobj" => governed_by(OBJECT_VERBS),
        // "killed in the flood", "destroyed by fire": the preposition hangs
        // from a verb of harm.
        "pobj" => {
            let prep = &p.tokens[head];
            matches!(prep.lemma.as_str(), "in" | "by")
                && prep.head != head
                && prep.head < p.tokens.len()
                && HARM_VERBS.contains(&p.tokens[prep.head].lemma.to_lowercase().as_str())
        }
        // A headline of its own ("Earthquake in eastern Ruritania").
        "ROOT" => true,
        _ => false,
    };
    if !told {
        return None;
    }
    let anchor = match t.dep.as_str() {
        "ROOT" | "attr" if head == i => i,
        "pobj" => p.tokens[head].head,
        _ => head,
    };
    Some((kind, anchor))
}

/// Builds the occurrence told by word `i` in the clause of `anchor`.
fn occurrence(cx: &SentenceContext, p: &Parse, i: usize, kind: &str, anchor: usize) -> Occurrence {
    let t = &p.tokens[i];
    let clause = p.char_span(p.subtree(anchor, &[]));
    let (c0, c1) = (clause.start, clause.end);
    // The phrase that names it: the noun's, or for a verb that tells it
    // ("a bus crashed") its subject's.
    let named = if p.is_verb(i) {
        p.subject(i).unwrap_or(i)
    } else {
        i
    };
    let what_start = p.tokens[left_edge(p, named)].start;
    let what: String = cx.chars[what_start..p.tokens[named].end].iter().collect();
    // Not the dateline's place: where the story was filed.
    let place = cx.entities.iter().enumerate().find(|(_, e)| {
        matches!(e.kind.as_str(), "place" | "country")
            && !crate::events::is_dateline(cx, e)
            && e.start >= c0
            && e.end <= c1
            && p.entity_head(e)
                .is_some_and(|h| h == anchor || p.descends_from(h, anchor))
    });
    // A casualty or damage figure of the clause; a bare count qualifies
    // when it counts something ("at least 45 people", "300 homes").
    let size = cx.quantities.iter().position(|q| {
        q.start >= c0
            && q.end <= c1
            && (SIZE_MEASURES.contains(&q.measure.as_str())
                || q.measure == "count" && q.counted.is_some())
    });
    let claim = cx
        .claims
        .iter()
        .position(|c| c.start <= t.start && t.end <= c.end);
    let (date, date_from) = dated(cx, time_in(cx, c0, c1), None);
    let verbal = matches!(p.tokens[anchor].pos.as_str(), "VERB" | "AUX");
    let verb = (verbal && anchor != i).then(|| p.tokens[anchor].text.clone());
    Occurrence {
        kind: kind.to_string(),
        trigger: t.text.clone(),
        start: t.start,
        end: t.end,
        what,
        verb,
        location: place.map(|(_, e)| e.name.clone().unwrap_or_else(|| e.text.clone())),
        location_entity: place.map(|(k, _)| k),
        date,
        date_from,
        size: size.map(|q| cx.quantities[q].text.clone()),
        size_quantity: size,
        // A condition ("if a storm hits") is as hypothetical as "could".
        status: match (verbal, p.status(anchor)) {
            (false, _) => "happened",
            (true, "conditional") => "hypothetical",
            (true, s) => s,
        }
        .to_string(),
        sentence: cx.chars[cx.sentence.0..cx.sentence.1].iter().collect(),
        sentence_index: cx.sentence_index,
        reported_in: claim.map(|k| k + cx.claims_offset),
        reported_by: claim.and_then(|k| cx.claims[k].speaker.clone()),
    }
}

/// The first word of a noun's phrase up to the noun: its determiners,
/// numbers and modifiers ("a magnitude 7.8 earthquake").
fn left_edge(p: &Parse, noun: usize) -> usize {
    let mut first = noun;
    let mut stack = vec![noun];
    // Bounded, as the tree's own depth is.
    for _ in 0..64 {
        let Some(k) = stack.pop() else { break };
        for &c in p.dependents(k) {
            if c < k && !matches!(p.tokens[c].dep.as_str(), "punct" | "cc" | "prep") {
                first = first.min(c);
                stack.push(c);
            }
        }
    }
    first
}
