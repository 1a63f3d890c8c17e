//! What an article is about, as weighted features for story clustering:
//! the entities it names (more in the headline), the events it codes
//! (category with actor and recipient countries), the figures it follows
//! and the content words of its headline.

use serde::{Deserialize, Serialize};
use storyline_model::Document;

/// Features kept per article: enough to describe it, few enough that a
/// lookup stays cheap.
pub const FEATURES_PER_ARTICLE: usize = 40;

/// Words of a headline that say nothing about its story.
const HEADLINE_STOPWORDS: &[&str] = &[
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
    /// (knowledge-base id, else its name), `v:` an event (category and first
    /// actor's country), `f:` a followed figure, `w:` a headline
    /// word.
    pub features: Vec<(String, f32)>,
    /// Display names of the entity features, for story labels.
    pub names: Vec<(String, String)>,
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
        add(
            &mut features,
            key,
            if in_title(e.start, e.end) { 2.0 } else { 1.0 },
        );
    }
    // An event is keyed by its category and its first actor's country:
    // recipients vary with the wording more than actors do, and an event
    // without an actor says little about which story it belongs to.
    for ev in &doc.events {
        if let Some(actor) = ev.actors.first().and_then(|c| c.split(' ').next()) {
            add(&mut features, format!("v:{}:{actor}", ev.category), 1.0);
        }
    }
    for q in &doc.quantities {
        if q.said_by.is_some() || q.claim.is_some() {
            add(&mut features, format!("f:{}", q.measure), 0.5);
        }
    }
    if let Some(title) = &doc.title {
        for word in title.split(|c: char| !c.is_alphanumeric()) {
            let w = word.to_lowercase();
            if w.chars().count() >= 4
                && !w.chars().all(|c| c.is_ascii_digit())
                && !HEADLINE_STOPWORDS.contains(&w.as_str())
            {
                add(&mut features, format!("w:{w}"), 1.5);
            }
        }
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
