//! What an article is about, as weighted features for story clustering:
//! the entities it names (more in the headline), the events it codes
//! (category with actor and recipient countries), the figures it follows
//! and the content words of its headline.

use serde::{Deserialize, Serialize};
use storyline_model::Document;

/// Features kept per article: enough to describe it, few enough that a
/// lookup stays cheap.
pub const FEATURES_PER_ARTICLE: usize = 40;

/// Body words kept per article, each seen at least twice.
const BODY_WORDS: usize = 10;

/// Words of news copy that say nothing about its story.
const NEWS_STOPWORDS: &[&str] = &[
    "about", "after", "again", "against", "amid", "before", "between", "could", "from", "have",
    "into", "more", "news", "over", "said", "says", "their", "there", "they", "this", "under",
    "update", "what", "when", "where", "which", "while", "will", "with", "would", "year", "years",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub document: String,
    /// The publication date (ISO), when known.
    pub published: Option<String>,
    pub outlet: Option<String>,
    /// Feature keys and weights, heaviest first. Keys: `e:` an entity
    /// (knowledge-base id, else its actor code, else its name), `c:` an
    /// entity's country, `v:` an event (category and first actor's
    /// country, and with its recipient's), `f:` a followed figure, `w:` a
    /// word of the headline or a common word of the body, `n:` a name the
    /// knowledge base does not know.
    pub features: Vec<(String, f32)>,
    /// Display names of the entity features, for story labels.
    pub names: Vec<(String, String)>,
}

/// Words of the calendar, capitalised but naming no story.
const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Names the knowledge base does not know, with their counts: capitalised
/// words inside a sentence (not its first word) outside every entity
/// mention, seen in the headline or twice in the body. A storm, an
/// operation, a company or a village named by several articles ties them
/// to one story more surely than any common word.
fn unknown_names(doc: &Document) -> Vec<(String, u32)> {
    let chars: Vec<char> = doc.text.chars().collect();
    // Which characters lie inside an entity mention, marked once, so a
    // word's check does not scan every mention.
    let mut in_entity = vec![false; chars.len()];
    for e in &doc.entities {
        for c in &mut in_entity[e.start.min(chars.len())..e.end.min(chars.len())] {
            *c = true;
        }
    }
    let covered = |start: usize, end: usize| in_entity[start..end].iter().any(|&c| c);
    let mut counts: Vec<(String, u32, bool)> = Vec::new();
    for sentence in &doc.sentences {
        let mut i = sentence.start;
        let mut first = true;
        while i < sentence.end.min(chars.len()) {
            if !chars[i].is_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let was_first = std::mem::replace(&mut first, false);
            let capitalised = word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().skip(1).all(char::is_lowercase);
            if was_first || !capitalised || word.chars().count() < 4 || covered(start, i) {
                continue;
            }
            let lower = word.to_lowercase();
            if storyline_text::is_stopword(&lower)
                || CALENDAR.contains(&lower.as_str())
                || NEWS_STOPWORDS.contains(&lower.as_str())
            {
                continue;
            }
            let in_title = doc
                .title_span
                .is_some_and(|t| t.start <= start && i <= t.end);
            match counts.iter_mut().find(|(w, _, _)| *w == lower) {
                Some((_, c, t)) => {
                    *c += 1;
                    *t |= in_title;
                }
                None => counts.push((lower, 1, in_title)),
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, c, in_title)| *in_title || *c >= 2)
        .map(|(w, c, _)| (w, c))
        .collect()
}

/// Lower-cased content words: four letters or more, not function words,
/// not numbers, not the furniture of news copy.
fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !storyline_text::is_stopword(w))
        .map(str::to_lowercase)
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()) && !NEWS_STOPWORDS.contains(&w.as_str()))
}

fn add(features: &mut Vec<(String, f32)>, key: String, weight: f32) {
    match features.iter_mut().find(|(k, _)| *k == key) {
        Some((_, w)) => *w += weight,
        None => features.push((key, weight)),
    }
}

/// The profile of an analysed document.
pub fn profile(doc: &Document) -> Profile {
    let mut features: Vec<(String, f32)> = Vec::new();
    let mut names: Vec<(String, String)> = Vec::new();
    let in_title = |start: usize, end: usize| {
        doc.title_span
            .is_some_and(|t| t.start <= start && end <= t.end)
    };
    for e in &doc.entities {
        // A pronoun repeats what it refers to; counting it would weigh an
        // entity by the writer's style.
        if e.rule == "coref:pronoun" {
            continue;
        }
        // Officials, governments, courts and lawmakers named only by their
        // role are in nearly every story: they tell no story from another
        // (with them, two generated stories of one kind merged). Troops or
        // protesters named so still say what kind of story it is, which
        // the ECB+ stories measured slightly better with (docs/quality.md).
        if e.rule == "group:unnamed" && matches!(e.sector.as_deref(), Some("GOV" | "JUD" | "LEG")) {
            continue;
        }
        // Unknown names with an actor code ("North Korean troops", "Kyiv's
        // forces") are keyed by the code, so that each article's wording
        // of the same group meets.
        let key = match (&e.id, &e.code, &e.name) {
            (Some(id), _, _) => format!("e:{id}"),
            (None, Some(code), _) => format!("e:{code}"),
            (None, None, Some(name)) => format!("e:{}", name.to_lowercase()),
            (None, None, None) => format!("e:{}", e.text.to_lowercase()),
        };
        if !names.iter().any(|(k, _)| *k == key) {
            names.push((
                key.clone(),
                e.name.clone().unwrap_or_else(|| e.text.clone()),
            ));
        }
        let weight = if in_title(e.start, e.end) { 2.0 } else { 1.0 };
        add(&mut features, key, weight);
        // The country a mention belongs to (a government, a city, a
        // minister's), so that "Beira", "the Mozambican government" and
        // "Mozambique" meet.
        let country = e
            .country
            .clone()
            .or_else(|| {
                e.code
                    .as_deref()
                    .and_then(|c| c.split(' ').next())
                    .map(str::to_string)
            })
            .filter(|c| c.len() == 3 && c.chars().all(|x| x.is_ascii_uppercase()) && c != "IGO");
        if let Some(c) = country {
            add(&mut features, format!("c:{c}"), weight * 0.5);
        }
    }
    // An event is keyed by its category and its first actor's country,
    // and again with its first recipient's: recipients vary with the
    // wording more than actors do, so the first key is the sturdier, the
    // second tells "aid to Kenya" from "aid to Morocco". An event without
    // an actor says little about which story it belongs to.
    let country = |codes: &[String]| {
        codes
            .first()
            .and_then(|c| c.split(' ').next().map(str::to_string))
    };
    for ev in &doc.events {
        if let Some(actor) = country(&ev.actors) {
            add(&mut features, format!("v:{}:{actor}", ev.category), 1.0);
            if let Some(recipient) = country(&ev.recipients).filter(|r| *r != actor) {
                add(
                    &mut features,
                    format!("v:{}:{actor}>{recipient}", ev.category),
                    0.5,
                );
            }
        }
    }
    for q in &doc.quantities {
        if q.said_by.is_some() || q.claim.is_some() {
            add(&mut features, format!("f:{}", q.measure), 0.5);
        }
    }
    if let Some(title) = &doc.title {
        for w in content_words(title) {
            add(&mut features, format!("w:{w}"), 1.5);
        }
    }
    let mut counts: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let body_start = doc.title_span.map_or(0, |t| t.end);
    let body: String = doc.text.chars().skip(body_start).collect();
    for w in content_words(&body) {
        *counts.entry(w).or_default() += 1;
    }
    let mut common: Vec<(String, u32)> = counts.into_iter().filter(|(_, c)| *c >= 2).collect();
    common.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for (w, c) in common.into_iter().take(BODY_WORDS) {
        add(&mut features, format!("w:{w}"), 0.5 * c as f32);
    }
    for (name, count) in unknown_names(doc) {
        add(&mut features, format!("n:{name}"), 2.0 * count as f32);
    }
    // Damp counts: the tenth mention of a country adds little.
    for (_, w) in &mut features {
        *w = w.sqrt();
    }
    features.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    features.truncate(FEATURES_PER_ARTICLE);
    names.retain(|(k, _)| features.iter().any(|(f, _)| f == k));
    Profile {
        document: doc.id.as_str().to_string(),
        published: doc.published.as_ref().map(|p| p.to_string()),
        outlet: doc.outlet.clone(),
        features,
        names,
    }
}
