//! `storyline kb search NAME`: what the knowledge base knows under a name.

use crate::fold::fold_name;
use crate::kb::{Kb, Target};

/// One entry found, described for people to read.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub id: String,
    pub kind: &'static str,
    pub name: String,
    /// Lines of detail: code, aliases, offices, coordinates.
    pub details: Vec<String>,
}

/// Entries whose name or alias is `name` (folded), then, if none, entries
/// with a name that contains it. At most `limit`.
pub fn search(kb: &Kb, name: &str, limit: usize) -> Vec<Found> {
    let q = fold_name(name);
    let mut targets: Vec<Target> = kb
        .pattern_of(name)
        .map(|p| p.targets.clone())
        .unwrap_or_default();
    if targets.is_empty() && q.len() >= 3 {
        targets = kb
            .patterns
            .iter()
            .filter(|p| p.folded.contains(&q))
            .flat_map(|p| p.targets.iter().copied())
            .collect();
    }
    let mut out: Vec<Found> = Vec::new();
    for t in targets {
        let f = describe(kb, t);
        if !out.iter().any(|o| o.id == f.id) {
            out.push(f);
        }
        if out.len() >= limit {
            break;
        }
    }
    out
}

fn describe(kb: &Kb, t: Target) -> Found {
    match t {
        Target::Country(i) | Target::Adjective(i) | Target::Capital(i) => {
            let c = &kb.countries[i];
            let mut details = vec![format!("code: {}", c.code)];
            if !c.aliases.is_empty() {
                details.push(format!("also: {}", c.aliases.join(", ")));
            }
            if !c.adjectives.is_empty() {
                details.push(format!("adjectives: {}", c.adjectives.join(", ")));
            }
            if let Some(cap) = &c.capital {
                details.push(format!(
                    "capital: {cap} (stands for the government: {} GOV)",
                    c.code
                ));
            }
            Found {
                id: format!("country:{}", c.code),
                kind: "country",
                name: c.name.to_string(),
                details,
            }
        }
        Target::Org(i) => {
            let o = &kb.orgs[i];
            let code = crate::actor_code(&o.code, Some(&o.id), o.sector.as_deref());
            let mut details = vec![format!("code: {code}")];
            if !o.aliases.is_empty() {
                details.push(format!("also: {}", o.aliases.join(", ")));
            }
            Found {
                id: format!("org:{}", o.id),
                kind: "org",
                name: o.name.to_string(),
                details,
            }
        }
        Target::Person { index, .. } => {
            let p = &kb.people[index];
            let mut details = Vec::new();
            if !p.aliases.is_empty() {
                details.push(format!("also: {}", p.aliases.join(", ")));
            }
            for o in &p.offices {
                let d = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
                details.push(format!(
                    "{} {} {}: {} to {}",
                    o.country,
                    o.sector,
                    o.title,
                    d(o.start),
                    if o.end.is_some() {
                        d(o.end)
                    } else {
                        "now".into()
                    }
                ));
            }
            Found {
                id: format!("person:{}", p.id),
                kind: "person",
                name: p.name.to_string(),
                details,
            }
        }
        Target::Place(i) => {
            let p = &kb.places[i];
            let mut details = vec![format!("country: {}", p.country)];
            if let Some(r) = &p.region {
                details.push(format!("region: {r}"));
            }
            details.push(format!("at: {:.4}, {:.4}", p.lat, p.lon));
            if p.population > 0 {
                details.push(format!("population: {}", p.population));
            }
            Found {
                id: format!("place:{}", p.id),
                kind: if p.is_region { "region" } else { "place" },
                name: p.name.to_string(),
                details,
            }
        }
        Target::Role(i) => Found {
            id: format!("role:{}", kb.roles[i].0),
            kind: "role",
            name: kb.roles[i].0.to_string(),
            details: vec![format!("sector: {}", kb.roles[i].1)],
        },
    }
}
