//! Roles and organisations of people, read from the parse: an apposition
//! after the name ("Jaimie Tilbrook, chief product officer of EncompaaS,
//! said") or a title before it ("EncompaaS chief product officer Jaimie
//! Tilbrook", "an Acme spokeswoman, Jane Doe").
//!
//! The rules:
//!
//! 1. The role is the noun the name's phrase takes as its apposition, or
//!    the noun right before the name that modifies it, with its own
//!    modifiers ("chief product officer") and an "of" phrase of common
//!    nouns ("head of communications"); articles, possessives, names and
//!    numbers are not part of it. An age ("Jane Doe, 45,") is no role.
//! 2. The organisation is a recognised organisation, group or country the
//!    role belongs to: after "of", "at", "for", "with" or "from" ("officer
//!    of EncompaaS", "a spokeswoman for the Kenyan police"), or before the
//!    role as a possessive or modifier ("Acme's chief executive", "an Acme
//!    spokeswoman"). A proper noun after such a preposition that the
//!    recogniser missed becomes an organisation mention of its own (rule
//!    `appos:org`).
//! 3. A person the knowledge base does not code takes the organisation's
//!    code ("Jane Doe, a spokeswoman for the Kenyan police" speaks as
//!    `KEN COP`); a knowledge-base office is never replaced.
//!
//! Later mentions of the person (surnames, pronouns) copy the role and the
//! organisation through coreference.

use crate::annotate::{Ctx, Parsed};
use crate::compose::bare_entity;
use crate::tree::{phrase_head, token_range, Children};
use crate::words::HONORIFICS;
use storyline_model::{Entity, Token};

/// The longest role kept, in tokens: longer modifiers are descriptions
/// ("the 45-year-old former head of ..."), not titles.
const MAX_ROLE_TOKENS: usize = 6;

/// Prepositions that tie a role to the body it serves.
const ORG_PREPOSITIONS: &[&str] = &["of", "at", "for", "with", "from"];

/// Gives people their role and organisation from the parse. Returns the
/// organisations named only by the role ("officer of EncompaaS" where the
/// recogniser saw no name), as new mentions.
pub fn attach_roles(
    ctx: &Ctx,
    entities: &mut [Entity],
    parsed: Parsed,
    children: &Children,
) -> Vec<Entity> {
    let tokens = parsed.tokens;
    let mut found = Vec::new();
    if tokens.is_empty() {
        return found;
    }
    for i in 0..entities.len() {
        let e = &entities[i];
        if e.kind != "person" || e.rule.starts_with("coref") || e.org.is_some() {
            continue;
        }
        let range = token_range(tokens, e.start, e.end);
        let Some(head) = phrase_head(tokens, range.clone()) else {
            continue;
        };
        let Some(role) = apposition(tokens, children, head, e.end)
            .or_else(|| title_before(tokens, children, head, range.start))
        else {
            continue;
        };
        let Some(office) = role_text(ctx, tokens, children, entities, role) else {
            continue;
        };
        let org = match organisation(tokens, children, entities, role) {
            Some(Body::Known(k)) => Some(entities[k].clone()),
            Some(Body::Unnamed(start, end)) => {
                let mut org = bare_entity(ctx, start, end, "org", "appos:org");
                org.name = Some(org.text.clone());
                if !found
                    .iter()
                    .any(|f: &Entity| (f.start, f.end) == (start, end))
                {
                    found.push(org.clone());
                }
                Some(org)
            }
            None => None,
        };
        let e = &mut entities[i];
        if e.office.is_none() {
            e.office = Some(office);
        }
        if let Some(org) = org {
            e.org = org.name.clone().or(Some(org.text.clone()));
            // The body a person speaks for is better evidence than the
            // words around the name, but never beats the knowledge base.
            if e.id.is_none() && org.code.is_some() {
                e.code = org.code;
                e.country = org.country;
                e.sector = org.sector;
            }
        }
    }
    found
}

/// The body a role belongs to: a mention already found, or the span of a
/// proper noun the recogniser missed.
enum Body {
    Known(usize),
    Unnamed(usize, usize),
}

/// The noun in apposition to the name, after it.
fn apposition(tokens: &[Token], children: &Children, head: usize, end: usize) -> Option<usize> {
    children
        .of(head)
        .iter()
        .copied()
        .find(|&c| tokens[c].dep == "appos" && tokens[c].start >= end && is_role_noun(&tokens[c]))
}

/// The noun right before the name that modifies it ("officer" in "chief
/// product officer Jaimie Tilbrook").
fn title_before(tokens: &[Token], children: &Children, head: usize, first: usize) -> Option<usize> {
    children
        .left_of(head)
        .iter()
        .rev()
        .copied()
        .find(|&c| c < first && matches!(tokens[c].dep.as_str(), "compound" | "nmod" | "appos"))
        .filter(|&c| {
            let word = tokens[c].text.trim_end_matches('.').to_lowercase();
            c + 1 == first && is_role_noun(&tokens[c]) && !HONORIFICS.contains(&word.as_str())
        })
}

/// A common noun, or a capitalised title word ("CEO", "Director"): not a
/// number, an adjective or a pronoun.
fn is_role_noun(t: &Token) -> bool {
    matches!(t.pos.as_str(), "NOUN" | "PROPN") && t.text.chars().any(char::is_alphabetic)
}

/// The role's words: the noun with the modifiers before it and an "of"
/// phrase of common nouns after it, stopping at names, articles and
/// possessives.
fn role_text(
    ctx: &Ctx,
    tokens: &[Token],
    children: &Children,
    entities: &[Entity],
    role: usize,
) -> Option<String> {
    if named(entities, &tokens[role]) {
        return None;
    }
    let mut first = role;
    while first > 0 && role - first + 1 < MAX_ROLE_TOKENS {
        let t = &tokens[first - 1];
        let modifies = descends_from(tokens, first - 1, role);
        let word = matches!(
            t.dep.as_str(),
            "amod" | "compound" | "nmod" | "hyph" | "punct"
        ) && matches!(t.pos.as_str(), "NOUN" | "PROPN" | "ADJ" | "PUNCT")
            && (t.pos != "PUNCT" || t.text == "-");
        if !(modifies && word) || named(entities, t) {
            break;
        }
        first -= 1;
    }
    while tokens[first].pos == "PUNCT" && first < role {
        first += 1;
    }
    let mut last = role;
    // "head of communications": an "of" phrase of common nouns is part of
    // the role; one that names a body is its organisation.
    if let Some(of) = children
        .of(role)
        .iter()
        .copied()
        .find(|&c| c > role && tokens[c].dep == "prep" && tokens[c].lower_is("of"))
    {
        if let Some(&object) = children.of(of).iter().find(|&&c| tokens[c].dep == "pobj") {
            let plain = (of..=object).all(|k| {
                !named(entities, &tokens[k])
                    && matches!(tokens[k].pos.as_str(), "NOUN" | "ADJ" | "ADP")
            });
            if plain && object - first < MAX_ROLE_TOKENS {
                last = object;
            }
        }
    }
    let text = ctx.text(tokens[first].start, tokens[last].end);
    // A role names someone's position, not an age or a description.
    let informative = text.chars().any(char::is_alphabetic) && !text.contains('\n');
    informative.then_some(text)
}

/// The recognised organisation, group or country the role belongs to.
fn organisation(
    tokens: &[Token],
    children: &Children,
    entities: &[Entity],
    role: usize,
) -> Option<Body> {
    let body = |k: usize| {
        entity_at(entities, &tokens[k]).filter(|&e| {
            matches!(entities[e].kind.as_str(), "org" | "group" | "country")
                && entities[e].rule != "title"
        })
    };
    // "of EncompaaS", "for the Kenyan police", also through an "of"
    // phrase that is part of the role ("head of communications at Acme").
    let mut heads = vec![role];
    heads.extend(
        children
            .of(role)
            .iter()
            .filter(|&&c| c > role && tokens[c].dep == "prep" && tokens[c].lower_is("of"))
            .flat_map(|&of| children.of(of).iter().copied())
            .filter(|&c| tokens[c].dep == "pobj"),
    );
    for &h in &heads {
        for &prep in children.of(h).iter().filter(|&&c| c > h) {
            let p = &tokens[prep];
            if p.dep != "prep" || !ORG_PREPOSITIONS.iter().any(|w| p.lower_is(w)) {
                continue;
            }
            for &object in children
                .of(prep)
                .iter()
                .filter(|&&c| tokens[c].dep == "pobj")
            {
                if let Some(e) = body(object) {
                    return Some(Body::Known(e));
                }
                if let Some((start, end)) = proper_name(tokens, children, entities, object) {
                    return Some(Body::Unnamed(start, end));
                }
            }
        }
    }
    // "Acme's chief executive", "an Acme spokeswoman".
    children
        .left_of(role)
        .iter()
        .rev()
        .copied()
        .filter(|&c| matches!(tokens[c].dep.as_str(), "poss" | "compound" | "nmod"))
        .find_map(body)
        .map(Body::Known)
}

/// The character span of a proper noun and the proper nouns joined to it
/// before it ("Acme Robotics"), when no mention covers any of them.
fn proper_name(
    tokens: &[Token],
    children: &Children,
    entities: &[Entity],
    object: usize,
) -> Option<(usize, usize)> {
    let proper =
        |t: &Token| t.pos == "PROPN" && t.text.chars().next().is_some_and(char::is_uppercase);
    if !proper(&tokens[object]) || named(entities, &tokens[object]) {
        return None;
    }
    let mut first = object;
    for &c in children.left_of(object).iter().rev() {
        if c + 1 == first
            && tokens[c].dep == "compound"
            && proper(&tokens[c])
            && !named(entities, &tokens[c])
        {
            first = c;
        } else {
            break;
        }
    }
    Some((tokens[first].start, tokens[object].end))
}

/// True when `token` descends from `ancestor` within its sentence.
fn descends_from(tokens: &[Token], token: usize, ancestor: usize) -> bool {
    let mut k = token;
    // A parse is a tree, so the walk ends; the bound guards against a
    // malformed one.
    for _ in 0..64 {
        if k == ancestor {
            return true;
        }
        let h = tokens[k].head;
        if h == k || h >= tokens.len() {
            return false;
        }
        k = h;
    }
    false
}

/// The entity covering a token, if any (entities are sorted by start).
fn entity_at(entities: &[Entity], t: &Token) -> Option<usize> {
    let k = entities.partition_point(|e| e.start <= t.start);
    // Entities nest only a little (a country inside a group), so a few
    // steps back find any that covers the token.
    (k.saturating_sub(4)..k)
        .rev()
        .find(|&i| entities[i].start <= t.start && t.end <= entities[i].end)
}

/// True when a token lies inside a name.
fn named(entities: &[Entity], t: &Token) -> bool {
    entity_at(entities, t).is_some()
}

/// Lower-case comparison of a token's text.
trait LowerIs {
    fn lower_is(&self, word: &str) -> bool;
}

impl LowerIs for Token {
    fn lower_is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }
}
