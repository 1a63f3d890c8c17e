//! Within-document coreference: a surname, a title or a pronoun that
//! refers back to a person named earlier.

use crate::annotate::Ctx;
use crate::fold::fold_name;
use crate::kb::Target;
use crate::words::{is_capitalised, REPORTING};
use std::collections::HashMap;
use storyline_model::Entity;

pub fn resolve(ctx: &Ctx, entities: &mut Vec<Entity>) {
    let extra = surnames_of_unknown_people(ctx, entities);
    entities.extend(extra);
    entities.sort_by_key(|e| (e.start, e.end));
    let extra = titles_and_pronouns(ctx, entities);
    entities.extend(extra);
    entities.sort_by_key(|e| (e.start, e.end));
    adopt_surnames(entities);
    link_repeated_people(entities);
}

/// A one-word name found from a cue ("Mr Markov") after a full name found
/// earlier ("Pavel Markov") is that person: it takes the full mention's
/// name and code.
fn adopt_surnames(entities: &mut [Entity]) {
    for i in 0..entities.len() {
        let e = &entities[i];
        if e.kind != "person" || e.id.is_some() || e.text.contains(' ') {
            continue;
        }
        let surname = e.text.clone();
        let full = entities[..i].iter().find(|f| {
            f.kind == "person"
                && f.id.is_none()
                && f.text.contains(' ')
                && f.text.split_whitespace().last() == Some(surname.as_str())
        });
        if let Some(f) = full.cloned() {
            let e = &mut entities[i];
            e.name = f.name;
            e.code = f.code;
            e.country = f.country;
            e.sector = f.sector;
            e.rule = "coref:surname".into();
        }
    }
}

/// Later mentions of a person point to the first one.
fn link_repeated_people(entities: &mut [Entity]) {
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, e) in entities.iter_mut().enumerate() {
        if e.kind != "person" {
            continue;
        }
        let Some(key) = e.id.clone().or_else(|| e.name.clone()) else {
            continue;
        };
        match first.get(&key) {
            Some(&f) if f != i => {
                e.refers_to = Some(f);
                if e.rule == "kb:alias" {
                    e.rule = "coref:surname".into();
                }
            }
            _ => {
                first.insert(key, i);
            }
        }
    }
}

/// "Mr Doe" or "Doe" after "Jane Doe" found from cues.
fn surnames_of_unknown_people(ctx: &Ctx, entities: &[Entity]) -> Vec<Entity> {
    let mut out = Vec::new();
    let unknown: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.kind == "person" && e.id.is_none() && e.text.contains(' '))
        .collect();
    for e in unknown {
        let Some(last) = e.text.split_whitespace().last() else {
            continue;
        };
        for (i, &(s, end)) in ctx.words.spans.iter().enumerate() {
            if s <= e.start || ctx.words.text(ctx.chars, i) != last {
                continue;
            }
            if entities
                .iter()
                .chain(out.iter())
                .any(|x: &Entity| x.start < end && s < x.end)
            {
                continue;
            }
            // Not the start of another capitalised name.
            if ctx.words.spans.get(i + 1).is_some_and(|&(ns, _)| {
                ns == end + 1 && is_capitalised(&ctx.words.text(ctx.chars, i + 1))
            }) {
                continue;
            }
            let mut m = e.clone();
            m.text = ctx.text(s, end);
            m.start = s;
            m.end = end;
            m.rule = "coref:surname".into();
            out.push(m);
        }
    }
    out
}

/// "the secretary of state" and "he said" after a named person.
fn titles_and_pronouns(ctx: &Ctx, entities: &[Entity]) -> Vec<Entity> {
    let mut out = Vec::new();
    let spans = &ctx.words.spans;
    let people: Vec<(usize, &Entity)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == "person")
        .collect();
    for i in 0..spans.len() {
        let word = ctx.words.text(ctx.chars, i);
        let lower = word.to_lowercase();
        let (start, _) = spans[i];
        if entities.iter().any(|x| x.start <= start && start < x.end) {
            continue;
        }
        if lower == "the" {
            // The longest role phrase after "the".
            let mut best = None;
            for n in 1..=4 {
                let Some(&(_, e)) = spans.get(i + n) else {
                    break;
                };
                let phrase = ctx.text(spans[i + 1].0, e);
                if phrase.chars().next().is_some_and(char::is_uppercase) {
                    break;
                }
                let is_role = ctx
                    .kb
                    .pattern_of(&phrase)
                    .is_some_and(|p| p.targets.iter().any(|t| matches!(t, Target::Role(_))));
                if is_role {
                    best = Some((i + n, fold_name(&phrase)));
                }
            }
            let Some((last, role)) = best else { continue };
            let end = spans[last].1;
            // A title followed by a name is not a reference back.
            if spans.get(last + 1).is_some_and(|&(s, _)| {
                s == end + 1 && is_capitalised(&ctx.words.text(ctx.chars, last + 1))
            }) {
                continue;
            }
            let antecedent = people.iter().rev().find(|(_, p)| {
                p.end <= start
                    && p.office.as_deref().is_some_and(|o| {
                        let o = fold_name(o);
                        o == role || o.ends_with(&format!(" {role}"))
                    })
            });
            if let Some(&(_, p)) = antecedent {
                out.push(reference(ctx, p, spans[i + 1].0, end, "coref:title"));
            }
        } else if matches!(lower.as_str(), "he" | "she") {
            let speaks = (1..=2).any(|n| {
                spans
                    .get(i + n)
                    .is_some_and(|_| REPORTING.contains(&ctx.words.text(ctx.chars, i + n).as_str()))
            });
            if !speaks {
                continue;
            }
            // Unambiguous: one person named since the previous sentence.
            let sentence = ctx
                .sentence_starts
                .iter()
                .rev()
                .filter(|&&s| s <= start)
                .nth(1)
                .copied()
                .unwrap_or(0);
            let recent: Vec<&(usize, &Entity)> = people
                .iter()
                .filter(|(_, p)| p.end <= start && p.start >= sentence)
                .collect();
            let mut ids: Vec<String> = recent
                .iter()
                .map(|(_, p)| p.id.clone().or_else(|| p.name.clone()).unwrap_or_default())
                .collect();
            ids.sort();
            ids.dedup();
            if ids.len() == 1 {
                if let Some(&&(_, p)) = recent.last() {
                    out.push(reference(ctx, p, start, spans[i].1, "coref:pronoun"));
                }
            }
        }
    }
    out
}

/// A copy of a person's mention at another span; `refers_to` is set when
/// all mentions are in their final order.
fn reference(ctx: &Ctx, p: &Entity, start: usize, end: usize, rule: &str) -> Entity {
    let mut m = p.clone();
    m.text = ctx.text(start, end);
    m.start = start;
    m.end = end;
    m.refers_to = None;
    m.rule = rule.into();
    m
}
