//! Within-document coreference: a surname, a title or a pronoun that
//! refers back to a person named earlier, and an unknown organisation
//! named again where the recogniser missed it. Every pass is one walk over the
//! words or the mentions, with maps and binary searches, so that long
//! documents cost time in proportion to their length.

use crate::annotate::{Ctx, Parsed};
use crate::fold::fold_name;
use crate::kb::Target;
use crate::tree::Children;
use crate::words::{is_capitalised, REPORTING};
use std::collections::HashMap;
use storyline_model::Entity;

/// How far back a title ("the secretary of state") looks for the person
/// it names, in person mentions.
const TITLE_LOOKBACK: usize = 50;

pub fn resolve(ctx: &Ctx, entities: &mut Vec<Entity>, parsed: Parsed, children: &Children) {
    let extra = surnames_of_unknown_people(ctx, entities);
    entities.extend(extra);
    entities.sort_by_key(|e| (e.start, e.end));
    let extra = repeats_of_unknown_orgs(ctx, entities);
    entities.extend(extra);
    entities.sort_by_key(|e| (e.start, e.end));
    // With a parse, pronouns are resolved from it; without one, from the
    // words around them.
    let by_words = parsed.tokens.is_empty();
    let extra = titles_and_pronouns(ctx, entities, by_words);
    entities.extend(extra);
    entities.sort_by_key(|e| (e.start, e.end));
    // Surnames take their full names before pronouns are resolved, so that
    // "he" after "Roth said" (a surname the recogniser first read as a
    // town) copies the person, not a bare name.
    adopt_surnames(entities);
    if !by_words {
        let extra = crate::pronouns::resolve(entities, parsed, children);
        entities.extend(extra);
        entities.sort_by_key(|e| (e.start, e.end));
    }
    link_repeated_mentions(entities);
    link_groups(entities);
}

/// "the troops" points to the group it means: the last named group with
/// its code before it.
fn link_groups(entities: &mut [Entity]) {
    let mut last: HashMap<String, usize> = HashMap::new();
    for (i, e) in entities.iter_mut().enumerate() {
        let Some(code) = e.code.clone().filter(|_| e.kind == "group") else {
            continue;
        };
        if e.rule == "coref:group" {
            e.refers_to = last.get(&code).copied();
        } else {
            last.insert(code, i);
        }
    }
}

/// The first unknown person named in full under each surname.
fn full_names_by_surname(entities: &[Entity]) -> HashMap<String, usize> {
    let mut by_surname = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind == "person" && e.id.is_none() && e.text.contains(' ') {
            if let Some(last) = e.text.split_whitespace().last() {
                by_surname.entry(last.to_string()).or_insert(i);
            }
        }
    }
    by_surname
}

/// A one-word name found from a cue ("Mr Markov") after a full name found
/// earlier ("Pavel Markov") is that person: it takes the full mention's
/// name and code.
fn adopt_surnames(entities: &mut [Entity]) {
    let by_surname = full_names_by_surname(entities);
    for i in 0..entities.len() {
        let e = &entities[i];
        if e.kind != "person" || e.id.is_some() || e.text.contains(' ') {
            continue;
        }
        let Some(&f) = by_surname.get(&e.text).filter(|&&f| f < i) else {
            continue;
        };
        let full = entities[f].clone();
        let e = &mut entities[i];
        e.name = full.name;
        e.code = full.code;
        e.country = full.country;
        e.sector = full.sector;
        e.office = e.office.take().or(full.office);
        e.org = e.org.take().or(full.org);
        e.rule = "coref:surname".into();
    }
}

/// Later mentions of a person or an organisation point to the first one.
fn link_repeated_mentions(entities: &mut [Entity]) {
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, e) in entities.iter_mut().enumerate() {
        if !matches!(e.kind.as_str(), "person" | "org") {
            continue;
        }
        // The kind is part of the key: a person and a company may share a
        // name, and a mention never refers to one of another kind.
        let Some(key) = e.id.clone().or_else(|| e.name.clone()) else {
            continue;
        };
        let key = format!("{}\t{key}", e.kind);
        match first.get(&key) {
            Some(&f) if f != i => {
                e.refers_to = Some(f);
                if e.rule == "kb:alias" && e.kind == "person" {
                    e.rule = "coref:surname".into();
                }
            }
            _ => {
                first.insert(key, i);
            }
        }
    }
}

/// Positions covered by entities, answered by binary search: entities
/// are sorted by start, and `reach[k]` is the furthest end among the
/// first `k + 1` of them.
struct Coverage {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl Coverage {
    fn new(entities: &[Entity]) -> Self {
        let mut reach = Vec::with_capacity(entities.len());
        let mut far = 0;
        for e in entities {
            far = far.max(e.end);
            reach.push(far);
        }
        Coverage {
            starts: entities.iter().map(|e| e.start).collect(),
            reach,
        }
    }

    /// True when some entity overlaps `start..end`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let k = self.starts.partition_point(|&s| s < end);
        k > 0 && self.reach[k - 1] > start
    }
}

/// "Doe" after "Jane Doe" found from cues, where no other rule found it.
fn surnames_of_unknown_people(ctx: &Ctx, entities: &[Entity]) -> Vec<Entity> {
    let by_surname = full_names_by_surname(entities);
    if by_surname.is_empty() {
        return Vec::new();
    }
    let coverage = Coverage::new(entities);
    let mut out = Vec::new();
    for (i, &(s, end)) in ctx.words.spans.iter().enumerate() {
        let word = ctx.words.text(ctx.chars, i);
        let Some(&f) = by_surname.get(&word) else {
            continue;
        };
        if s <= entities[f].start || coverage.overlaps(s, end) {
            continue;
        }
        // Not the start of another capitalised name.
        if ctx.words.spans.get(i + 1).is_some_and(|&(ns, _)| {
            ns == end + 1 && is_capitalised(&ctx.words.text(ctx.chars, i + 1))
        }) {
            continue;
        }
        let mut m = entities[f].clone();
        m.text = ctx.text(s, end);
        m.start = s;
        m.end = end;
        m.rule = "coref:surname".into();
        out.push(m);
    }
    out
}

/// An organisation the recogniser found once and the knowledge base does
/// not know, named again where the recogniser missed it ("Big Machine
/// says ... . Big Machine have twice denied"): a name keeps its sense
/// within an article. Not when the name begins a longer one ("Big
/// Machine Label Group").
fn repeats_of_unknown_orgs(ctx: &Ctx, entities: &[Entity]) -> Vec<Entity> {
    let mut by_first_word: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind != "org" || e.id.is_some() || e.rule.starts_with("coref") {
            continue;
        }
        let words: Vec<String> = e.text.split_whitespace().map(str::to_string).collect();
        if !words.iter().all(|w| is_capitalised(w)) {
            continue;
        }
        let Some(first) = words.first().cloned() else {
            continue;
        };
        let names = by_first_word.entry(first).or_default();
        if !names.iter().any(|(w, _)| *w == words) {
            names.push((words, i));
        }
    }
    if by_first_word.is_empty() {
        return Vec::new();
    }
    let coverage = Coverage::new(entities);
    let spans = &ctx.words.spans;
    let mut out = Vec::new();
    for i in 0..spans.len() {
        let word = ctx.words.text(ctx.chars, i);
        let Some(names) = by_first_word.get(&word) else {
            continue;
        };
        for (words, f) in names {
            let n = words.len();
            let Some(&(_, end)) = spans.get(i + n - 1) else {
                continue;
            };
            let (start, _) = spans[i];
            let same = (0..n).all(|k| ctx.words.text(ctx.chars, i + k) == words[k])
                // The words are the name's own, with single spaces between.
                && ctx.text(start, end) == words.join(" ");
            if !same || start <= entities[*f].start || coverage.overlaps(start, end) {
                continue;
            }
            if spans.get(i + n).is_some_and(|&(ns, _)| {
                ns == end + 1 && is_capitalised(&ctx.words.text(ctx.chars, i + n))
            }) {
                continue;
            }
            let mut m = entities[*f].clone();
            m.text = ctx.text(start, end);
            m.start = start;
            m.end = end;
            m.refers_to = None;
            m.rule = "coref:repeat".into();
            out.push(m);
            break;
        }
    }
    out
}

/// "the secretary of state" and "he said" after a named person.
fn titles_and_pronouns(ctx: &Ctx, entities: &[Entity], pronouns: bool) -> Vec<Entity> {
    let mut out = Vec::new();
    let spans = &ctx.words.spans;
    let coverage = Coverage::new(entities);
    let people: Vec<&Entity> = entities.iter().filter(|e| e.kind == "person").collect();
    // People mentioned before a position: those ending at or before it.
    let before = |pos: usize| &people[..people.partition_point(|p| p.start < pos)];
    // Words before this one are inside a group already made.
    let mut bare_from = 0;
    for i in 0..spans.len() {
        let (start, _) = spans[i];
        let lower = ctx.words.text(ctx.chars, i).to_lowercase();
        let wanted = match lower.as_str() {
            "the" | "these" | "those" => true,
            "he" | "she" => pronouns,
            _ => false,
        };
        if !wanted && !coverage.overlaps(start, spans[i].1) && i >= bare_from {
            // "Gunmen opened fire", "protesters marched": a plural role
            // word that opens its phrase is a group of its own.
            let opens = i == 0
                || !coverage.overlaps(spans[i - 1].0, spans[i - 1].1)
                    && !matches!(
                        ctx.words.text(ctx.chars, i - 1).to_lowercase().as_str(),
                        "the" | "these" | "those"
                    );
            if let Some((last, role)) = role_at(ctx, i) {
                let end = spans[last].1;
                if let Some(g) = unnamed_group(ctx, &role, start, end)
                    .filter(|_| opens && is_plural(&role) && !coverage.overlaps(start, end))
                {
                    out.push(g);
                    bare_from = last + 1;
                }
            }
            continue;
        }
        if !wanted || coverage.overlaps(start, start + 1) {
            continue;
        }
        if matches!(lower.as_str(), "the" | "these" | "those") {
            let Some((last, role)) = role_after(ctx, i) else {
                continue;
            };
            let end = spans[last].1;
            // Words already part of a mention ("the people of Haiti", a
            // group named in full) are not a second one.
            if coverage.overlaps(spans[i + 1].0, end) {
                continue;
            }
            // A title followed by a name is not a reference back.
            if spans.get(last + 1).is_some_and(|&(s, _)| {
                s == end + 1 && is_capitalised(&ctx.words.text(ctx.chars, last + 1))
            }) {
                continue;
            }
            let antecedent = before(start).iter().rev().take(TITLE_LOOKBACK).find(|p| {
                p.end <= start
                    && p.office.as_deref().is_some_and(|o| {
                        let o = fold_name(o);
                        o == role || o.ends_with(&format!(" {role}"))
                    })
            });
            if let Some(p) = antecedent {
                out.push(reference(ctx, p, spans[i + 1].0, end, "coref:title"));
            } else if let Some(g) = group_antecedent(ctx, entities, &role, start) {
                // "the troops", "these soldiers": the last group of the
                // same sector named before.
                out.push(reference(ctx, g, spans[i + 1].0, end, "coref:group"));
            } else if let Some(g) = unnamed_group(ctx, &role, spans[i + 1].0, end) {
                out.push(g);
            }
        } else {
            let speaks = (1..=2).any(|n| {
                spans
                    .get(i + n)
                    .is_some_and(|_| REPORTING.contains(&ctx.words.text(ctx.chars, i + n).as_str()))
            });
            if !speaks {
                continue;
            }
            // Unambiguous: one person named since the previous sentence.
            let since = ctx.previous_sentence_start(start);
            let recent = before(start);
            let recent = &recent[recent.partition_point(|p| p.start < since)..];
            let mut ids: Vec<String> = recent
                .iter()
                .map(|p| p.id.clone().or_else(|| p.name.clone()).unwrap_or_default())
                .collect();
            ids.sort();
            ids.dedup();
            if let (1, Some(p)) = (ids.len(), recent.last()) {
                out.push(reference(ctx, p, start, spans[i].1, "coref:pronoun"));
            }
        }
    }
    out
}

/// How far back, in characters, "the troops" looks for the group it means.
const GROUP_LOOKBACK: usize = 600;

/// The last group named before `start`, within a few sentences, whose
/// sector is the role's (MIL for "soldiers"), for a role that names a
/// group rather than an office.
fn group_antecedent<'a>(
    ctx: &Ctx,
    entities: &'a [Entity],
    role: &str,
    start: usize,
) -> Option<&'a Entity> {
    let sector = ctx.kb.sector_of_word(role)?;
    if !GROUP_SECTORS.contains(&sector) {
        return None;
    }
    let k = entities.partition_point(|e| e.start < start);
    entities[..k]
        .iter()
        .rev()
        .take_while(|e| e.end + GROUP_LOOKBACK >= start)
        .find(|e| e.kind == "group" && e.sector.as_deref() == Some(sector))
}

/// Sectors whose role words name a group of people who can act together
/// ("the troops", "protesters", "residents", "prosecutors", "lawmakers",
/// "the government", "officials"), not an office.
const GROUP_SECTORS: &[&str] = &[
    "MIL", "REB", "CVL", "REF", "COP", "OPP", "JUD", "LEG", "GOV",
];

/// Role words of government, courts and legislatures that name a body
/// in the singular.
const BODIES: &[&str] = &[
    "government",
    "ministry",
    "administration",
    "cabinet",
    "court",
    "tribunal",
    "judiciary",
    "parliament",
    "congress",
    "senate",
    "legislature",
    "assembly",
    "national assembly",
    "supreme court",
    "constitutional court",
    "justice ministry",
    "health ministry",
];

/// A group the text names only by its role ("the protesters", "gunmen"),
/// with no country or body before it to code it: an actor of its sector,
/// unlinked and uncoded.
fn unnamed_group(ctx: &Ctx, role: &str, start: usize, end: usize) -> Option<Entity> {
    let sector = ctx.kb.sector_of_word(role)?;
    if !GROUP_SECTORS.contains(&sector) {
        return None;
    }
    // An office held by one person ("the minister", "the judge") is no
    // group: only the plural or a body is ("officials", "the ministry").
    let office = matches!(sector, "GOV" | "JUD" | "LEG");
    if office && !role.ends_with('s') && !BODIES.contains(&role) {
        return None;
    }
    let mut e = crate::compose::bare_entity(ctx, start, end, "group", "group:unnamed");
    e.sector = Some(sector.to_string());
    Some(e)
}

/// The longest role phrase starting at word `i` ("riot police"), its
/// last word and folded text; capitalised only at a sentence's start.
fn role_at(ctx: &Ctx, i: usize) -> Option<(usize, String)> {
    let opens_sentence = ctx.word_before(ctx.words.spans[i].0).is_none();
    role_phrase(ctx, i, 3, opens_sentence)
}

/// The longest role phrase of up to `words` words from word `first`, in
/// lower case unless `capital` allows a capital ("Gunmen" opening a
/// sentence): its last word and folded text.
fn role_phrase(ctx: &Ctx, first: usize, words: usize, capital: bool) -> Option<(usize, String)> {
    let spans = &ctx.words.spans;
    let start = spans.get(first)?.0;
    let mut best = None;
    for n in 0..words {
        let Some(&(_, e)) = spans.get(first + n) else {
            break;
        };
        let phrase = ctx.text(start, e);
        if !capital && phrase.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        let phrase = phrase.to_lowercase();
        let is_role = ctx
            .kb
            .pattern_of(&phrase)
            .is_some_and(|p| p.targets.iter().any(|t| matches!(t, Target::Role(_))));
        if is_role {
            best = Some((first + n, fold_name(&phrase)));
        }
    }
    best
}

/// True for a role word in the plural ("soldiers", "gunmen", "police").
fn is_plural(role: &str) -> bool {
    let last = role.rsplit(' ').next().unwrap_or(role);
    (last.ends_with('s') && !last.ends_with("ss"))
        || last.ends_with("men")
        || matches!(
            last,
            "police" | "people" | "militia" | "military" | "personnel"
        )
}

/// The longest role phrase in lower case after word `i` ("the secretary
/// of state"): its last word and its folded text.
fn role_after(ctx: &Ctx, i: usize) -> Option<(usize, String)> {
    role_phrase(ctx, i + 1, 4, false)
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
