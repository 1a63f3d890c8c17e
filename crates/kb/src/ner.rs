//! The backbone's reading of the text reconciled with the knowledge base's
//! mentions: every name the recogniser finds is an entity, and a link the
//! parse contradicts is dropped rather than kept.
//!
//! The rules, in order:
//!
//! 1. **Not a name at all.** A knowledge-base place matched where no token
//!    is a proper noun ("To" opening "To protest ..."), or a place or person
//!    inside a recognised date, time, amount or count ("March"), is dropped.
//!    Countries are kept: "US" in "US$5 billion" says whose dollars.
//! 2. **A name inside a longer name is not a mention of its own.** A
//!    place or country the knowledge base matched strictly inside a
//!    recognised ORG, PERSON or PRODUCT span ("Paris" in "Paris Baguette",
//!    "Boston" in "Boston Scientific") is dropped and the longer name
//!    stands; an organisation takes the country of the place or country
//!    in its name as its code, with no link ("the Nigerian Union of
//!    Teachers" is NGA). Facilities and events keep their places: the
//!    place in "Beira port" or "the Sumy attack" is where it is. A name
//!    made only of country words ("Bosnian Serbs", "Iraqi Kurds") is one
//!    group of the first country, the people's home, unlinked; "ethnic"
//!    before a people ("ethnic Albanians") makes a group of no country,
//!    which takes the country of the place where it acts or is acted on.
//! 3. **The sentence and the span decide between a person and a place.** A
//!    place (not a country, nor a capital standing for its government)
//!    that is the subject of a reporting verb is a person, unlinked, since
//!    towns do not speak ("Tipton said"), and so is a place described by a
//!    relative clause opened by "who" ("Buckley, who phoned in"); so is a place of one word that
//!    the recogniser reads as a PERSON span of its own when it is the
//!    subject of its clause or the surname of a person named in full in
//!    the document, unless a locative word comes before it ("Vincent
//!    Gigante ... convicted Gigante", but "in Gigante").
//!    A knowledge-base person matched by a lone name after a locative word
//!    that the recogniser reads as a GPE, LOC or FAC is the place, unlinked
//!    ("across Austin" is the city, not the defence secretary). A person
//!    found from a cue inside a longer recognised PERSON name takes the
//!    whole name ("Ms Anna Keller", whose surname is also a town). The small
//!    model also reads some countries as organisations and some leaders'
//!    surnames as places, so those labels alone change nothing.
//! 4. **Every other recognised name is an entity.** A PERSON, ORG, GPE,
//!    NORP, LOC, FAC or EVENT span that no knowledge-base or cue mention
//!    overlaps becomes an unlinked entity (`id` null, rule `ner`) of kind
//!    person, org, place, group, place, facility or event (a named storm,
//!    "Cyclone Teodora", is an event whatever the label, and so is its
//!    name alone after it). A leading
//!    "the", a leading honorific of a person ("Dr") and a trailing
//!    possessive are trimmed; a dateline in capitals
//!    before a dash ("ROTTERDAM - Acme Corp") is cut off the name. A lone
//!    surname of a person named earlier is left to coreference.
//! 5. **Acronyms bind to their expansion.** "the Financial Stability Board
//!    (FSB)" makes every later "FSB" that organisation, whatever the
//!    knowledge base knows under the letters ([`bind_acronyms`]).
//!
//! Linking never invents: these rules only remove links, copy an
//! expansion's link to its acronym, or add unlinked mentions (coded with
//! the country their own name holds, if any).

use crate::annotate::{Ctx, Parsed};
use crate::compose::bare_entity;
use crate::tree::{subject_of_reporting_verb, token_range, tokens_in};
use crate::words::HONORIFICS;
use storyline_model::{Entity, NerSpan, Token};

/// Labels of spans that are not names: a knowledge-base match inside one
/// is a word of a date or an amount.
const NOT_NAME_LABELS: &[&str] = &[
    "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY",
];

/// Labels that make a longer name, inside which a place is only a word.
/// Not facilities and events: the place in "Beira port" or "the Sumy
/// attack" is where it is.
const NAME_LABELS: &[&str] = &["ORG", "PERSON", "PRODUCT"];

/// Words before a name that make it a place whatever the recogniser says.
const LOCATIVE_BEFORE: &[&str] = &[
    "in", "at", "near", "from", "to", "outside", "across", "around", "into", "of",
];

/// A recognised span, trimmed to the name, with the kind storyline gives it.
#[derive(Debug, Clone, PartialEq)]
struct Name<'a> {
    start: usize,
    end: usize,
    label: &'a str,
}

/// Applies the rules above to `entities` (sorted by start), given the
/// backbone's reading of the document.
pub fn reconcile(ctx: &Ctx, entities: &mut Vec<Entity>, parsed: Parsed) {
    if parsed.tokens.is_empty() && parsed.ner.is_empty() {
        return;
    }
    let names: Vec<Name> = parsed.ner.iter().filter_map(|s| trimmed(ctx, s)).collect();
    entities.retain(|e| !not_a_name(e, parsed));
    peoples_of_countries(ctx, entities, &names);
    ethnic_groups(ctx, entities);
    // A country or place inside an organisation's name says where the
    // organisation is ("the Nigerian Union of Teachers", "Baghdad
    // University"): its country goes to the organisation's mention.
    let mut homes: Vec<(usize, usize, String)> = Vec::new();
    entities.retain(|e| {
        let Some(outer) = inside_longer_name(e, &names) else {
            return true;
        };
        if outer.label == "ORG" {
            if let Some(country) = &e.country {
                homes.push((outer.start, outer.end, country.clone()));
            }
        }
        false
    });
    for e in entities.iter_mut() {
        retype(ctx, e, &names, parsed.tokens);
        widen_to_recognised_person(ctx, e, &names);
    }
    entities.sort_by_key(|e| (e.start, e.end));
    let furthest_end: Vec<usize> = entities
        .iter()
        .scan(0, |furthest, e| {
            *furthest = e.end.max(*furthest);
            Some(*furthest)
        })
        .collect();
    let mut added = Vec::new();
    // The names of storms met so far: "Teodora" after "Cyclone Teodora" is
    // the storm again.
    let mut storms: Vec<String> = Vec::new();
    for n in &names {
        let Some(kind) = kind_of(n.label) else {
            continue;
        };
        // "US" in "WHO CAN STOP US NOW?" is the pronoun, which the small
        // model, seeing capitals, reads as a place.
        if crate::annotate::plain_word_in_capitals_at(ctx, n.start, n.end) {
            continue;
        }
        let text = ctx.text(n.start, n.end);
        let kind = if is_storm(ctx, n) {
            if let Some(last) = text.split_whitespace().last() {
                storms.push(last.to_string());
            }
            "event"
        } else if storms.contains(&text) {
            "event"
        } else if kind == "person" && crate::unlinked::ends_in_body_word(&text) {
            "org"
        } else if kind == "org"
            && !crate::unlinked::ends_in_body_word(&text)
            && described_with_who(parsed.tokens, n.start, n.end)
        {
            // "Montell Figgins, who represents Thomas": bodies are
            // described with "which"; a name described with "who" is a
            // person's.
            "person"
        } else {
            kind
        };
        // The entities starting before the name's end overlap it when the
        // furthest of their ends lies past its start.
        let before = entities.partition_point(|e| e.start < n.end);
        let overlaps = before > 0 && furthest_end[before - 1] > n.start;
        if !overlaps {
            let mut e = bare_entity(ctx, n.start, n.end, kind, "ner");
            // An unknown person or organisation is named as written, so
            // that coreference can join its later mentions to this one.
            if matches!(kind, "person" | "org") {
                e.name = Some(e.text.clone());
            }
            if let Some((_, _, country)) = homes.iter().find(|h| (h.0, h.1) == (n.start, n.end)) {
                e.code = Some(country.clone());
                e.country = Some(country.clone());
                e.rule = "ner+country".into();
            }
            added.push(e);
        }
    }
    entities.extend(added);
    entities.sort_by_key(|e| (e.start, e.end));
    leave_surnames_to_coreference(entities);
}

/// A lone recognised name that is the surname of a person named earlier
/// ("Trump" after "Donald Trump"), whatever label the recogniser gave it,
/// is left for coreference, which makes it a mention of that person.
fn leave_surnames_to_coreference(entities: &mut Vec<Entity>) {
    let mut surnames: std::collections::HashSet<String> = std::collections::HashSet::new();
    entities.retain(|e| {
        let lone = !e.text.contains(' ');
        if e.rule == "ner" && lone && surnames.contains(&e.text) {
            return false;
        }
        if e.kind == "person" && !lone {
            if let Some(last) = e.text.split_whitespace().last() {
                surnames.insert(last.to_string());
            }
        }
        true
    });
}

/// Rule 1: a knowledge-base place or person with no proper noun in it, or
/// any knowledge-base match inside a date or an amount.
fn not_a_name(e: &Entity, parsed: Parsed) -> bool {
    if !e.rule.starts_with("kb") {
        return false;
    }
    // Countries stay: "US" in "US$5 billion" says whose dollars, which
    // the figure stage reads.
    if !matches!(e.kind.as_str(), "place" | "person") {
        return false;
    }
    let in_number = covering(parsed.ner, |n| (n.start, n.end), e.start, e.end)
        .is_some_and(|n| NOT_NAME_LABELS.contains(&n.label.as_str()));
    let tokens = tokens_in(parsed.tokens, e.start, e.end);
    // Names in capitals (a dateline, "MAPUTO -") are often not tagged as
    // proper nouns, so only mixed-case matches need one.
    let capitals = !e.text.chars().any(char::is_lowercase);
    let proper = tokens.iter().any(|t| t.pos == "PROPN");
    // People are not held to it: the small tagger reads a sentence-initial
    // surname that is also a word ("Trump has ...") as a common noun.
    in_number || (e.kind == "place" && !tokens.is_empty() && !proper && !capitals)
}

/// Words that open the name of a weather system, which the small model
/// reads as a person ("Cyclone Teodora", "Hurricane Otis").
const STORM_WORDS: &[&str] = &["Cyclone", "Hurricane", "Typhoon", "Storm", "Tropical"];

/// True when a recognised name is a named storm.
fn is_storm(ctx: &Ctx, n: &Name) -> bool {
    let text: String = ctx.chars[n.start..n.end].iter().collect();
    text.split_whitespace().count() > 1 && text.split_whitespace().next().is_some_and(is_storm_word)
}

/// A storm word in any case ("the cyclone Teodora").
fn is_storm_word(word: &str) -> bool {
    STORM_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The start of a storm word ("Cyclone", "Hurricane") just before `pos`,
/// one space away.
fn storm_word_before(ctx: &Ctx, pos: usize) -> Option<usize> {
    let space = pos.checked_sub(1).filter(|&i| ctx.chars[i] == ' ')?;
    let word_start = ctx.chars[..space]
        .iter()
        .rposition(|c| !c.is_alphabetic())
        .map_or(0, |i| i + 1);
    let word: String = ctx.chars[word_start..space].iter().collect();
    is_storm_word(&word).then_some(word_start)
}

/// The kind of entity a recogniser label names, for the labels that name
/// actors and places; `None` for dates, amounts and the rest.
fn kind_of(label: &str) -> Option<&'static str> {
    Some(match label {
        "PERSON" => "person",
        "ORG" => "org",
        "GPE" | "LOC" => "place",
        "NORP" => "group",
        "FAC" => "facility",
        "EVENT" => "event",
        _ => return None,
    })
}

/// The span without a leading article, a trailing possessive or a
/// dateline; `None` when nothing name-like is left.
fn trimmed<'a>(ctx: &Ctx, span: &'a NerSpan) -> Option<Name<'a>> {
    let (mut start, mut end) = (span.start, span.end.min(ctx.chars.len()));
    let text = |s: usize, e: usize| -> String { ctx.chars[s..e].iter().collect() };
    // A dateline in capitals before a dash is not part of the name.
    if let Some(dash) = (start..end).find(|&i| {
        matches!(ctx.chars[i], '-' | '–' | '—')
            && i > start
            && ctx.chars[i - 1] == ' '
            && ctx.chars.get(i + 1) == Some(&' ')
    }) {
        let before = text(start, dash - 1);
        if before.chars().any(char::is_alphabetic)
            && before.chars().all(|c| !c.is_lowercase())
            && dash + 2 < end
        {
            start = dash + 2;
        }
    }
    for article in ["the ", "The "] {
        if text(start, end).starts_with(article) {
            start += article.chars().count();
        }
    }
    // A storm's name takes the word that says it is one, which the
    // recogniser often leaves out ("Cyclone" of "Cyclone Teodora").
    if let Some(word_start) = storm_word_before(ctx, start) {
        start = word_start;
    }
    // An honorific is not part of a person's name ("Dr Amelia Cossa").
    if span.label == "PERSON" {
        let name = text(start, end);
        if let Some((first, rest)) = name.split_once(' ') {
            let word = first.trim_end_matches('.').to_lowercase();
            if HONORIFICS.contains(&word.as_str()) && !rest.is_empty() {
                start += first.chars().count() + 1;
            }
        }
    }
    for possessive in ["'s", "’s", "'", "’"] {
        if text(start, end).ends_with(possessive) {
            end -= possessive.chars().count();
        }
    }
    // A stop stays: it ends abbreviations ("Corp.").
    while end > start && matches!(ctx.chars[end - 1], ',' | ';' | ':' | ' ') {
        end -= 1;
    }
    let name = text(start, end);
    let has_capital = name.chars().any(char::is_uppercase);
    (end > start && has_capital && !name.contains('\n')).then_some(Name {
        start,
        end,
        label: &span.label,
    })
}

/// Rule 2, for an ethnic group: a people named after a country with
/// "ethnic" before it ("ethnic Albanians", "ethnic Russians") is a group of
/// no country of its own, unlinked: a minority lives in another country,
/// which the event's place supplies.
fn ethnic_groups(ctx: &Ctx, entities: &mut [Entity]) {
    for e in entities.iter_mut() {
        if e.kind != "country" || !e.rule.starts_with("kb") || e.start < 7 {
            continue;
        }
        let before = ctx.text(e.start - 7, e.start);
        if !before.eq_ignore_ascii_case("ethnic ") {
            continue;
        }
        let next = ctx.chars.get(e.end).copied();
        // Only the people itself, not "ethnic Albanian guerrillas".
        if !e.text.ends_with('s') || next.is_some_and(char::is_alphanumeric) {
            continue;
        }
        *e = bare_entity(ctx, e.start - 7, e.end, "group", "group:ethnic");
    }
}

/// Rule 2, for a people named after two countries: a recognised name made
/// only of country words ("Bosnian Serbs", "Iraqi Kurds", "Turkish
/// Cypriots") is one group of the first country, where that people lives,
/// not a person or two parties.
fn peoples_of_countries(ctx: &Ctx, entities: &mut Vec<Entity>, names: &[Name]) {
    for n in names.iter().filter(|n| n.label != "GPE") {
        // Entities are sorted by start: those starting inside the name are
        // one run, found by binary search so that the rule stays linear.
        let first = entities.partition_point(|e| e.start < n.start);
        let last = entities.partition_point(|e| e.start < n.end);
        let inside: Vec<usize> = (first..last)
            .filter(|&i| entities[i].end <= n.end)
            .collect();
        let countries = inside
            .iter()
            .all(|&i| entities[i].kind == "country" && entities[i].rule.starts_with("kb"));
        let words = ctx.text(n.start, n.end).split_whitespace().count();
        if inside.len() < 2 || !countries || words != inside.len() {
            continue;
        }
        let Some(country) = entities[inside[0]].country.clone() else {
            continue;
        };
        let mut group = bare_entity(ctx, n.start, n.end, "group", "group:people");
        group.code = Some(country.clone());
        group.country = Some(country);
        let mut k = 0;
        entities.retain(|_| {
            k += 1;
            !inside.contains(&(k - 1))
        });
        let at = entities.partition_point(|e| e.start < group.start);
        entities.insert(at, group);
    }
}

/// Rule 2: the longer recognised name a place or country lies strictly
/// inside, if any.
fn inside_longer_name<'n, 'a>(e: &Entity, names: &'n [Name<'a>]) -> Option<&'n Name<'a>> {
    if !(matches!(e.kind.as_str(), "place" | "country") && e.rule.starts_with("kb")) {
        return None;
    }
    covering(names, |n| (n.start, n.end), e.start, e.end)
        .filter(|n| NAME_LABELS.contains(&n.label) && (n.start, n.end) != (e.start, e.end))
}

/// The span of `spans` (in order and not overlapping, as the recogniser
/// gives them) that covers `start..end`: a binary search, so the rules stay
/// linear on documents with thousands of names.
fn covering<T>(
    spans: &[T],
    bounds: impl Fn(&T) -> (usize, usize),
    start: usize,
    end: usize,
) -> Option<&T> {
    let i = spans.partition_point(|t| bounds(t).1 <= start);
    spans.get(i).filter(|t| {
        let (s, e) = bounds(t);
        s <= start && end <= e
    })
}

/// Rule 3: a knowledge-base person or place whose recognised kind, or
/// whose role in its sentence, says otherwise loses its link.
fn retype(ctx: &Ctx, e: &mut Entity, names: &[Name], tokens: &[Token]) {
    if !e.rule.starts_with("kb") {
        return;
    }
    // A dateline ("ROTTERDAM (Reuters) - Jan Smit, the harbour master,
    // said") is where the story was filed: the parser often makes it the
    // subject of the first sentence's verb, but a dateline never speaks.
    if e.kind == "place" && crate::annotate::is_dateline(ctx, e.start, e.end) {
        return;
    }
    let label = covering(names, |n| (n.start, n.end), e.start, e.end)
        .filter(|n| (n.start, n.end) == (e.start, e.end))
        .map(|n| n.label);
    let new_kind = match (e.kind.as_str(), label) {
        ("place", _) if speaks(tokens, e) || described_with_who(tokens, e.start, e.end) => "person",
        // A lone word the knowledge base knows as a town, recognised as a
        // person's name, not after a locative word, and either the
        // surname of a person named in full in the document or the
        // subject of its clause, is the person: a surname that is also a
        // place ("Vincent Gigante ... convicted Gigante", "Bush signed the
        // bill"). The small model alone is not enough: it reads some
        // towns as people ("attacked Kharkiv"), and datelines in capitals
        // ("ATLANTA —") too.
        ("place", Some("PERSON"))
            if !e.text.contains(' ')
                && e.text.chars().any(char::is_lowercase)
                && !after_locative(ctx, e.start)
                && (surname_of_named_person(ctx, e, names) || is_subject(tokens, e)) =>
        {
            "person"
        }
        ("person", Some("GPE" | "LOC" | "FAC"))
            if !e.text.contains(' ') && after_locative(ctx, e.start) =>
        {
            "place"
        }
        _ => return,
    };
    *e = bare_entity(ctx, e.start, e.end, new_kind, "ner:retyped");
}

/// Rule 3, for people found from cues: a cue that took part of a longer
/// recognised person's name ("Anna" of "Ms Anna Keller", where the
/// surname is also a town) takes the whole name.
fn widen_to_recognised_person(ctx: &Ctx, e: &mut Entity, names: &[Name]) {
    if e.kind != "person" || !e.rule.starts_with("cue") {
        return;
    }
    let Some(n) = covering(names, |n| (n.start, n.end), e.start, e.end)
        .filter(|n| n.label == "PERSON" && (n.start, n.end) != (e.start, e.end))
    else {
        return;
    };
    e.start = n.start;
    e.end = n.end;
    e.text = ctx.text(n.start, n.end);
    e.name = Some(e.text.clone());
}

/// True when a recognised PERSON name of two or more words elsewhere in
/// the document ends with the mention's word.
fn surname_of_named_person(ctx: &Ctx, e: &Entity, names: &[Name]) -> bool {
    names.iter().any(|n| {
        n.label == "PERSON" && n.start != e.start && {
            let full = ctx.text(n.start, n.end);
            full.contains(' ') && full.split_whitespace().last() == Some(e.text.as_str())
        }
    })
}

/// The mention's last token, if the parse has tokens inside it.
fn last_token(tokens: &[Token], e: &Entity) -> Option<usize> {
    let range = token_range(tokens, e.start, e.end);
    range.end.checked_sub(1).filter(|&last| last >= range.start)
}

/// True when the mention's last token is the subject of its clause.
fn is_subject(tokens: &[Token], e: &Entity) -> bool {
    last_token(tokens, e)
        .is_some_and(|last| matches!(tokens[last].dep.as_str(), "nsubj" | "nsubjpass"))
}

/// True when the mention's last token is the subject of a reporting verb
/// ("Tipton said", "Tipton told reporters").
fn speaks(tokens: &[Token], e: &Entity) -> bool {
    last_token(tokens, e).is_some_and(|last| subject_of_reporting_verb(tokens, last))
}

/// True when a relative clause opened by "who" describes the mention
/// ("Buckley, who phoned in from the set, ..."): towns are described
/// with "which" or "where".
fn described_with_who(tokens: &[Token], start: usize, end: usize) -> bool {
    let range = token_range(tokens, start, end);
    let Some(last) = range.end.checked_sub(1).filter(|&l| l >= range.start) else {
        return false;
    };
    // A relative clause and its pronoun follow the noun in its sentence:
    // only those words are read, so the check stays linear.
    let sentence = tokens[last].sentence;
    let end = tokens[last..]
        .iter()
        .position(|t| t.sentence != sentence)
        .map_or(tokens.len(), |k| last + k);
    (last + 1..end).any(|clause| {
        tokens[clause].head == last
            && tokens[clause].dep == "relcl"
            && (last + 1..clause).any(|w| {
                tokens[w].head == clause
                    && matches!(tokens[w].text.to_lowercase().as_str(), "who" | "whom")
            })
    })
}

/// True when the word before `pos` is a locative preposition, or an
/// article after one ("in the Valencia region").
fn after_locative(ctx: &Ctx, pos: usize) -> bool {
    let before = |pos: usize| ctx.word_before(pos);
    match before(pos).as_deref() {
        Some("the" | "a") => ctx
            .words
            .last_before(pos)
            .and_then(|i| before(ctx.words.spans[i].0))
            .is_some_and(|w| LOCATIVE_BEFORE.contains(&w.as_str())),
        Some(w) => LOCATIVE_BEFORE.contains(&w),
        None => false,
    }
}

/// Words an acronym skips when it is spelled out ("Bank for International
/// Settlements" is BIS).
const ACRONYM_SKIPS: &[&str] = &["of", "the", "and", "for", "on", "in", "de", "&"];

/// An acronym spelled out in the document: "the Financial Stability Board
/// (FSB)" gives `FSB` the span of "Financial Stability Board".
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    pub acronym: String,
    pub start: usize,
    pub end: usize,
}

/// Every "Long Name (ACRONYM)" in the text whose capitalised words' first
/// letters spell the acronym, skipping small words.
pub fn expansions(chars: &[char]) -> Vec<Expansion> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '(' {
            i += 1;
            continue;
        }
        let close = (i + 1..chars.len().min(i + 10)).find(|&k| chars[k] == ')');
        let Some(close) = close else {
            i += 1;
            continue;
        };
        let acronym: String = chars[i + 1..close].iter().collect();
        let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
        if (2..=8).contains(&letters)
            && acronym
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
        {
            if let Some(start) = spelled_out(chars, i, &acronym) {
                let mut end = i;
                while end > start && chars[end - 1] == ' ' {
                    end -= 1;
                }
                out.push(Expansion {
                    acronym,
                    start,
                    end,
                });
            }
        }
        i = close + 1;
    }
    out
}

/// Where the words before `paren` that spell `acronym` begin, if they do.
fn spelled_out(chars: &[char], paren: usize, acronym: &str) -> Option<usize> {
    let wanted: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    // Words before the bracket, nearest first.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut end = paren;
    while words.len() < wanted.len() + 4 {
        while end > 0 && chars[end - 1] == ' ' {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && !chars[start - 1].is_whitespace() && chars[start - 1] != '(' {
            start -= 1;
        }
        if start == end {
            break;
        }
        words.push((start, end));
        end = start;
    }
    let mut need = wanted.len();
    let mut first = None;
    for &(s, e) in &words {
        let word: String = chars[s..e].iter().collect();
        if ACRONYM_SKIPS.contains(&word.to_lowercase().as_str()) && need < wanted.len() {
            continue;
        }
        let initial = chars[s];
        if need == 0 || !initial.is_uppercase() || initial != wanted[need - 1] {
            break;
        }
        need -= 1;
        first = Some(s);
        if need == 0 {
            break;
        }
    }
    (need == 0).then_some(first).flatten()
}

/// A knowledge-base match of an acronym the document spells out as
/// something else is that something: it takes the expansion's link and
/// code (none when the expansion is unlinked), and the expansion becomes
/// an organisation mention when nothing covers it. [`point_acronyms`]
/// later makes each refer to its expansion, once coreference has settled
/// the entities' order, with the expansions this returns.
pub fn bind_acronyms(ctx: &Ctx, entities: &mut Vec<Entity>) -> Vec<Expansion> {
    let found = expansions(ctx.chars);
    for x in &found {
        if !entities.iter().any(|e| e.start < x.end && x.start < e.end) {
            entities.push(bare_entity(ctx, x.start, x.end, "org", "acronym:expansion"));
        }
    }
    entities.sort_by_key(|e| (e.start, e.end));
    for x in &found {
        let Some(expansion) = expansion_of(entities, x).map(|i| entities[i].clone()) else {
            continue;
        };
        for e in entities.iter_mut() {
            if e.text != x.acronym || e.start < x.end {
                continue;
            }
            let mut bound = bare_entity(ctx, e.start, e.end, &expansion.kind, "acronym");
            bound.id.clone_from(&expansion.id);
            bound.code.clone_from(&expansion.code);
            bound.name.clone_from(&expansion.name);
            bound.country.clone_from(&expansion.country);
            bound.sector.clone_from(&expansion.sector);
            *e = bound;
        }
    }
    found
}

/// Makes every acronym bound by [`bind_acronyms`] (which found `found`)
/// refer to the mention of its expansion.
pub fn point_acronyms(found: &[Expansion], entities: &mut [Entity]) {
    for x in found {
        let Some(full) = expansion_of(entities, x) else {
            continue;
        };
        for e in entities.iter_mut() {
            if e.rule == "acronym" && e.text == x.acronym && e.start >= x.end {
                e.refers_to = Some(full);
            }
        }
    }
}

/// The index of the entity that covers an expansion.
fn expansion_of(entities: &[Entity], x: &Expansion) -> Option<usize> {
    entities
        .iter()
        .position(|e| e.start <= x.start && x.end <= e.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        let chars: Vec<char> = text.chars().collect();
        expansions(&chars)
            .into_iter()
            .map(|x| (x.acronym, chars[x.start..x.end].iter().collect()))
            .collect()
    }

    #[test]
    fn acronyms_spelled_out_before_their_brackets() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "the Financial Stability Board (FSB) said",
                &[("FSB", "Financial Stability Board")],
            ),
            (
                "at the Bank for International Settlements (BIS) in Basel",
                &[("BIS", "Bank for International Settlements")],
            ),
            // Initials that are not the acronym's letters (a transliteration).
            ("the Federal Security Service (FSB) of Russia", &[]),
            // Brackets that do not spell out a name.
            ("rose 3% (YoY) in May", &[]),
            ("the agency (FSB) said", &[]),
            ("shares of Acme (ACME)", &[]),
            ("(FSB)", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(found(text), want, "{text}");
        }
    }
}
