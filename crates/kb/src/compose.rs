//! Entities from the chosen readings: a country or organisation before a
//! role word is a group ("North Korean troops" is PRK MIL), a title before
//! a person names that person, a role "of" a country is that country's
//! office-holder, a role word placed in a country or town is that
//! country's group ("police in Lagos" is NGA COP), and every other name
//! stands for itself.

use crate::annotate::{same_phrase, Ctx, Mention, Reading};
use crate::kb::Kb;
use storyline_model::Entity;

/// An actor code: the country or IGO first, the body's short name for
/// international organisations, then the sector.
pub fn actor_code(country: &str, org: Option<&str>, sector: Option<&str>) -> String {
    let mut parts = vec![country.to_string()];
    if matches!(country, "IGO" | "NGO" | "IMG") {
        if let Some(o) = org {
            parts.push(o.to_string());
        }
    }
    if let Some(s) = sector {
        if !parts.iter().any(|p| p == s) {
            parts.push(s.to_string());
        }
    }
    parts.join(" ")
}

/// An entity with only its span, kind and rule; the rules fill in the
/// rest.
pub fn bare_entity(ctx: &Ctx, start: usize, end: usize, kind: &str, rule: &str) -> Entity {
    Entity {
        text: ctx.text(start, end),
        start,
        end,
        kind: kind.into(),
        id: None,
        code: None,
        name: None,
        office: None,
        org: None,
        country: None,
        sector: None,
        region: None,
        lat: None,
        lon: None,
        refers_to: None,
        local_id: None,
        rule: rule.into(),
    }
}

/// An entity the knowledge base has no entry for, coded from its parts:
/// a group ("North Korean troops") or a body ("the Ministry of Defence of
/// Ukraine").
#[allow(clippy::too_many_arguments)]
fn coded_entity(
    ctx: &Ctx,
    start: usize,
    end: usize,
    kind: &str,
    country: &str,
    org: Option<&str>,
    sector: &str,
    rule: &str,
) -> Entity {
    let mut e = bare_entity(ctx, start, end, kind, rule);
    e.code = Some(actor_code(country, org, Some(sector)));
    e.country = Some(country.to_string());
    e.sector = Some(sector.to_string());
    e
}

/// The country code and sector a modifier gives a following role word.
fn modifier(kb: &Kb, reading: Reading) -> Option<(String, Option<String>)> {
    match reading {
        Reading::Country(i) | Reading::Adjective(i) | Reading::Metonym(i) => {
            Some((kb.countries[i].code.to_string(), None))
        }
        Reading::Org(i) => Some((kb.orgs[i].code.to_string(), Some(kb.orgs[i].id.to_string()))),
        _ => None,
    }
}

/// Sectors whose members belong to the country they are placed in.
const PLACED_SECTORS: &[&str] = &[
    "COP", "GOV", "CVL", "OPP", "JUD", "LEG", "HLH", "EDU", "REL", "BUS",
];

pub fn compose(ctx: &Ctx, mentions: &[Mention]) -> Vec<Entity> {
    let kb = ctx.kb;
    let mut out = Vec::new();
    let mut used = vec![false; mentions.len()];
    // Countries inside a title ("US Secretary of State Antony Blinken")
    // are entities of their own, marked so that they are not counted as
    // a second actor beside the person.
    let mut title_modifiers = vec![false; mentions.len()];
    for (k, m) in mentions.iter().enumerate() {
        if used[k] || modifier(kb, m.reading).is_none() {
            continue;
        }
        // The modifiers coordinated with this one ("Russian and North
        // Korean forces"), then the role word they share.
        let mut chain = vec![k];
        let mut j = k + 1;
        while j < mentions.len() {
            let gap = ctx.text(mentions[j - 1].end, mentions[j].start);
            let joined =
                matches!(gap.trim(), "and" | "," | ", and" | "or" | "/") || gap.trim().is_empty();
            if joined && modifier(kb, mentions[j].reading).is_some() {
                chain.push(j);
                j += 1;
            } else {
                break;
            }
        }
        let Some(&last) = chain.last() else { continue };
        let Some(r) = mentions.get(last + 1) else {
            continue;
        };
        let Reading::Role(role) = r.reading else {
            continue;
        };
        if !same_phrase(ctx, mentions[last].end, r.start, 2) {
            continue;
        }
        // A title before a name belongs to the person, not to a group:
        // "British Defence Secretary Tom King" is one actor, coded from
        // the title when the knowledge base does not know the name.
        if title_before_name(ctx, r.end) {
            for &c in &chain {
                title_modifiers[c] = true;
            }
            used[last + 1] = true;
            continue;
        }
        let sector = kb.sector_of_role(role).to_string();
        for (n, &c) in chain.iter().enumerate() {
            let (country, org) = modifier(kb, mentions[c].reading).unwrap_or_default();
            let end = if n + 1 == chain.len() {
                r.end
            } else {
                mentions[c].end
            };
            out.push(coded_entity(
                ctx,
                mentions[c].start,
                end,
                "group",
                &country,
                org.as_deref(),
                &sector,
                "group",
            ));
            used[c] = true;
        }
        used[last + 1] = true;
    }
    // "the Ministry of Defence of Ukraine": a body named after its
    // country belongs to that country, whatever country the knowledge
    // base gives the bare name.
    for k in 0..mentions.len().saturating_sub(1) {
        let (m, next) = (mentions[k], mentions[k + 1]);
        let (Reading::Org(o), Reading::Country(c)) = (m.reading, next.reading) else {
            continue;
        };
        if used[k] || used[k + 1] || !matches!(ctx.text(m.end, next.start).trim(), "of" | "of the")
        {
            continue;
        }
        let org = &kb.orgs[o];
        if matches!(org.code.as_str(), "IGO" | "NGO" | "IMG") {
            continue;
        }
        let country = kb.countries[c].code.clone();
        let sector = org.sector.clone().unwrap_or_else(|| "GOV".into());
        let mut e = coded_entity(
            ctx,
            m.start,
            next.end,
            "org",
            &country,
            None,
            &sector,
            "kb:of-country",
        );
        e.name = Some(e.text.clone());
        out.push(e);
        used[k] = true;
        used[k + 1] = true;
    }
    // "the president of Armenia", "leaders of Romania's government".
    for (k, m) in mentions.iter().enumerate() {
        if used[k] {
            continue;
        }
        let Reading::Role(role) = m.reading else {
            continue;
        };
        let Some(next) = mentions.get(k + 1) else {
            continue;
        };
        if used[k + 1]
            || !matches!(
                next.reading,
                Reading::Country(_) | Reading::Metonym(_) | Reading::Org(_)
            )
        {
            continue;
        }
        let gap = ctx.text(m.end, next.start);
        if !matches!(gap.trim(), "of" | "of the" | "for" | "for the") {
            continue;
        }
        let Some((country, org)) = modifier(kb, next.reading) else {
            continue;
        };
        let sector = kb.sector_of_role(role).to_string();
        out.push(coded_entity(
            ctx,
            m.start,
            next.end,
            "group",
            &country,
            org.as_deref(),
            &sector,
            "group",
        ));
        used[k] = true;
        used[k + 1] = true;
    }
    // "police in Lagos", "officials from Kharkiv": a role word placed in
    // a country, a capital or a town is that country's group. The place
    // stays a mention of its own: it is also where they are.
    for k in 0..mentions.len().saturating_sub(1) {
        let (m, next) = (mentions[k], mentions[k + 1]);
        let Reading::Role(role) = m.reading else {
            continue;
        };
        if used[k] || !matches!(ctx.text(m.end, next.start).trim(), "in" | "from") {
            continue;
        }
        let country = match next.reading {
            Reading::Country(c) | Reading::Capital(c) | Reading::Metonym(c) => {
                kb.countries[c].code.clone()
            }
            Reading::Place(p) => kb.places[p].country.clone(),
            _ => continue,
        };
        // Troops, rebels, refugees and reporters are often foreign to the
        // place they are in; police, officials and residents are not.
        let sector = kb.sector_of_role(role).to_string();
        if !PLACED_SECTORS.contains(&sector.as_str()) {
            continue;
        }
        out.push(coded_entity(
            ctx,
            m.start,
            m.end,
            "group",
            &country,
            None,
            &sector,
            "group:place",
        ));
        used[k] = true;
    }
    for (k, _) in used.iter().enumerate().filter(|(_, u)| !**u) {
        if let Some(mut e) = standalone(ctx, mentions, k) {
            if title_modifiers[k] {
                e.rule = "title".into();
            }
            out.push(e);
        }
    }
    out
}

/// True when a capitalised name follows `end` after one space.
fn title_before_name(ctx: &Ctx, end: usize) -> bool {
    ctx.chars.get(end) == Some(&' ')
        && ctx.chars.get(end + 1).is_some_and(|c| c.is_uppercase())
        && ctx.chars.get(end + 2).is_some_and(|c| c.is_lowercase())
}

/// The entity a name is on its own; role words alone are none.
fn standalone(ctx: &Ctx, mentions: &[Mention], k: usize) -> Option<Entity> {
    let kb = ctx.kb;
    let m = mentions[k];
    let mut e = bare_entity(ctx, m.start, m.end, "", if m.user { "user" } else { "kb" });
    match m.reading {
        Reading::Country(i) | Reading::Adjective(i) => {
            let c = &kb.countries[i];
            e.kind = "country".into();
            e.id = Some(format!("country:{}", c.code));
            e.code = Some(c.code.to_string());
            e.name = Some(c.name.to_string());
            e.country = Some(c.code.to_string());
        }
        Reading::Metonym(i) => {
            let c = &kb.countries[i];
            e.kind = "country".into();
            e.id = Some(format!("country:{}", c.code));
            e.code = Some(actor_code(&c.code, None, Some("GOV")));
            e.name = Some(c.name.to_string());
            e.country = Some(c.code.to_string());
            e.sector = Some("GOV".into());
            if !m.user {
                e.rule = "kb:metonym".into();
            }
        }
        Reading::Capital(i) => {
            let c = &kb.countries[i];
            e.kind = "place".into();
            e.country = Some(c.code.to_string());
            e.code = Some(c.code.to_string());
            e.name = c.capital.as_deref().map(String::from);
            if let Some(p) = c.capital_place.map(|p| &kb.places[p]) {
                e.id = Some(format!("place:{}", p.id));
                e.region = p.region.as_deref().map(String::from);
                e.lat = Some(p.lat);
                e.lon = Some(p.lon);
            }
        }
        Reading::Place(i) => {
            let p = &kb.places[i];
            e.kind = "place".into();
            e.id = Some(format!("place:{}", p.id));
            e.code = Some(p.country.to_string());
            e.name = Some(p.name.to_string());
            e.country = Some(p.country.to_string());
            e.region = p.region.as_deref().map(String::from);
            e.lat = Some(p.lat);
            e.lon = Some(p.lon);
        }
        Reading::Org(i) => {
            let o = &kb.orgs[i];
            e.kind = "org".into();
            e.id = Some(format!("org:{}", o.id));
            e.code = Some(actor_code(&o.code, Some(&o.id), o.sector.as_deref()));
            e.name = Some(o.name.to_string());
            e.country =
                (!matches!(o.code.as_str(), "IGO" | "NGO" | "IMG")).then(|| o.code.to_string());
            e.sector = o.sector.as_deref().map(String::from);
        }
        Reading::Person { index, full } => {
            let p = &kb.people[index];
            e.kind = "person".into();
            e.id = Some(format!("person:{}", p.id));
            e.name = Some(p.name.to_string());
            if !full && !m.user {
                e.rule = "kb:alias".into();
            }
            if let Some(o) = p.office_on(ctx.date) {
                e.office = Some(o.title.to_string());
                e.country = Some(o.country.to_string());
                e.sector = Some(o.sector.to_string());
            } else if let Some(o) = p.office_before(ctx.date) {
                e.office = Some(format!("former {}", o.title));
                e.country = Some(o.country.to_string());
                e.sector = Some("ELI".into());
            }
            e.code = e
                .country
                .as_deref()
                .map(|c| actor_code(c, None, e.sector.as_deref()));
        }
        Reading::Role(_) => return None,
    }
    Some(e)
}
