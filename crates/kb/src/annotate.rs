//! From dictionary hits to entities: which reading of each name fits its
//! context, groups such as "North Korean troops", titles before names,
//! people the knowledge base does not know, and what refers back to whom.
//!
//! Names in capitals: a short name in capitals is an acronym ("ILO" is not
//! Ilo, Peru) unless it heads a dateline or, for a capital or a large
//! city, stands in a line with no lower-case letter (a headline, a text in
//! capitals: "DRONES HIT KYIV"). In such a line "US" after a verb or a
//! preposition that takes an object ("TOLD US"), "WHO" asking or relating,
//! and "IT", "AM", "ME", "WE", "HI" are the plain words, for the
//! knowledge base and the recogniser alike. A place before "-based",
//! "-born" and the like ("London-based") is the place, never its
//! government acting.

use crate::cues;
use crate::fold::{fold, fold_name};
use crate::kb::{Kb, Target};
use crate::matcher::{find_hits, longest_first, Hit};
use crate::words::{is_capitalised, only_space_or_dot, Words, LOCATIVE, PHRASE_BREAKERS};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use storyline_model::{Entity, NerSpan, Span, Token};

/// The reading chosen for one name in its context.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    Country(usize),
    Adjective(usize),
    /// A capital standing for its government ("Moscow said").
    Metonym(usize),
    /// A capital as the place where something happens ("in Kyiv").
    Capital(usize),
    Org(usize),
    Person {
        index: usize,
        full: bool,
    },
    Place(usize),
    Role(usize),
}

#[derive(Debug, Clone, Copy)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub reading: Reading,
    pub user: bool,
}

/// Everything the rules look at.
pub struct Ctx<'a> {
    pub kb: &'a Kb,
    pub chars: &'a [char],
    pub words: Words,
    pub sentence_starts: Vec<usize>,
    pub date: Option<NaiveDate>,
    /// Where the parse found verbs (char starts, sorted): a verb between
    /// two words puts them in different phrases. Empty without a parse.
    pub verb_starts: Vec<usize>,
}

impl Ctx<'_> {
    pub fn text(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }

    /// The lower-cased word just before `pos`, if it is in the same
    /// sentence.
    pub fn word_before(&self, pos: usize) -> Option<String> {
        let i = self.words.last_before(pos)?;
        let (s, _) = self.words.spans[i];
        if self.sentence_start_in(s + 1, pos) {
            return None;
        }
        Some(self.words.text(self.chars, i).to_lowercase())
    }

    /// True when a sentence starts within `from..=to`. Sentence starts are
    /// sorted, so this is a binary search: the rules ask it for every name.
    pub fn sentence_start_in(&self, from: usize, to: usize) -> bool {
        let i = self.sentence_starts.partition_point(|&b| b < from);
        self.sentence_starts.get(i).is_some_and(|&b| b <= to)
    }

    /// The start of the sentence before the one holding `pos`, or 0.
    pub fn previous_sentence_start(&self, pos: usize) -> usize {
        let i = self.sentence_starts.partition_point(|&b| b <= pos);
        i.checked_sub(2).map_or(0, |k| self.sentence_starts[k])
    }

    pub fn at_sentence_start(&self, pos: usize) -> bool {
        let Some(i) = self.words.last_before(pos) else {
            return true;
        };
        let (_, e) = self.words.spans[i];
        self.sentence_start_in(e, pos)
            || self.chars[e..pos]
                .iter()
                .any(|c| matches!(c, '"' | '\u{201C}' | ':' | '\n'))
    }
}

/// What the language backbone found in a text: its tokens and named-entity
/// spans (in document order, not overlapping, as the backbone gives them),
/// both empty when the backbone did not run (the entity rules then
/// work from the knowledge base and cues alone).
#[derive(Debug, Clone, Copy, Default)]
pub struct Parsed<'a> {
    pub tokens: &'a [Token],
    pub ner: &'a [NerSpan],
}

/// Finds and codes every entity in `text`. `sentences` are the document's
/// sentence spans; `date` is the publication date, against which offices
/// are resolved; `parsed` is the backbone's reading of the text, which the
/// entity rules reconcile with the knowledge base (stated in the `ner`
/// module: names inside names, places that speak, acronyms).
pub fn annotate(
    kb: &Kb,
    text: &str,
    sentences: &[Span],
    date: Option<NaiveDate>,
    parsed: Parsed,
) -> Vec<Entity> {
    let chars: Vec<char> = text.chars().collect();
    let folded = fold(text);
    let ctx = Ctx {
        kb,
        chars: &chars,
        words: Words::new(&chars),
        sentence_starts: {
            let mut starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
            starts.sort_unstable();
            starts
        },
        date,
        verb_starts: parsed
            .tokens
            .iter()
            .filter(|t| matches!(t.pos.as_str(), "VERB" | "AUX"))
            .map(|t| t.start)
            .collect(),
    };
    let mut hits = find_hits(kb, &folded, &chars);
    // "US$56 billion", "HK$3": a country's letters before a dollar sign
    // name a currency, not the country.
    hits.retain(|h| chars.get(h.end) != Some(&'$'));
    let named_in_full: HashSet<usize> = hits
        .iter()
        .flat_map(|h| kb.patterns[h.pattern].targets.iter())
        .filter_map(|t| match t {
            Target::Person { index, full: true } => Some(*index),
            _ => None,
        })
        .collect();
    let hits = longest_first(hits, |h| !viable(&ctx, h, &named_in_full).is_empty());
    let support = country_support(&ctx, &hits, &named_in_full);
    let mentions: Vec<Mention> = hits
        .iter()
        .filter_map(|h| choose(&ctx, h, &viable(&ctx, h, &named_in_full), &support))
        .collect();
    let mut entities = crate::compose::compose(&ctx, &mentions);
    let found = cues::from_cues(&ctx, &mentions);
    // A country adjective taken into an organisation's name ("the Kenyan
    // Anti-Corruption Commission") is not a mention of its own.
    let mut orgs: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| f.kind == "org")
        .map(|f| (f.start, f.end))
        .collect();
    orgs.sort_unstable();
    entities.retain(|e| {
        let i = orgs.partition_point(|&(s, _)| s <= e.start);
        !i.checked_sub(1)
            .is_some_and(|k| e.end <= orgs[k].1 && orgs[k] != (e.start, e.end))
    });
    entities.extend(found);
    entities.sort_by_key(|e| (e.start, e.end));
    home_country_for_titles(&ctx, &mut entities);
    crate::ner::reconcile(&ctx, &mut entities, parsed);
    let acronyms = crate::ner::bind_acronyms(&ctx, &mut entities);
    let children = crate::tree::Children::new(parsed.tokens);
    crate::unlinked::code_unlinked_orgs(&ctx, &mut entities, parsed, &children);
    let bodies = crate::appositions::attach_roles(&ctx, &mut entities, parsed, &children);
    entities.extend(bodies);
    entities.sort_by_key(|e| (e.start, e.end));
    crate::coref::resolve(&ctx, &mut entities, parsed, &children);
    crate::ner::point_acronyms(&acronyms, &mut entities);
    // Last, once every mention and every coreference link is final: the
    // ids are numbered by position in the finished list.
    crate::local_ids::assign(&mut entities);
    entities
}

/// A title without a nationality ("President Jane Doe") names an office
/// of the country the article is about: the country its sentence names
/// most, else the one the whole article names most.
fn home_country_for_titles(ctx: &Ctx, entities: &mut [Entity]) {
    fn most_named<'a>(entities: impl Iterator<Item = &'a Entity>) -> Option<String> {
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for (order, e) in entities.enumerate() {
            if let Some(c) = e.country.as_deref() {
                let entry = counts.entry(c).or_insert((0, order));
                entry.0 += 1;
            }
        }
        // Most mentions first, then the earliest named.
        counts
            .into_iter()
            .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
            .map(|(c, _)| c.to_string())
    }
    let whole = most_named(entities.iter());
    let untitled: Vec<usize> = (0..entities.len())
        .filter(|&i| {
            let e = &entities[i];
            matches!(e.rule.as_str(), "cue:title" | "cue:honorific")
                && e.country.is_none()
                && e.sector.is_some()
        })
        .collect();
    for i in untitled {
        let start = entities[i].start;
        let from = ctx.sentence_starts[..ctx.sentence_starts.partition_point(|&b| b <= start)]
            .last()
            .copied()
            .unwrap_or(0);
        let to = ctx
            .sentence_starts
            .get(ctx.sentence_starts.partition_point(|&b| b <= start))
            .copied()
            .unwrap_or(usize::MAX);
        let lo = entities.partition_point(|e| e.start < from);
        let hi = entities.partition_point(|e| e.start < to);
        let Some(country) = most_named(entities[lo..hi].iter()).or_else(|| whole.clone()) else {
            continue;
        };
        let e = &mut entities[i];
        e.code = Some(crate::compose::actor_code(
            &country,
            None,
            e.sector.as_deref(),
        ));
        e.country = Some(country);
        e.rule = "cue:title+context".into();
    }
}

/// The targets of a hit that its context allows.
fn viable(ctx: &Ctx, hit: &Hit, named_in_full: &HashSet<usize>) -> Vec<Target> {
    let kb = ctx.kb;
    let pattern = &kb.patterns[hit.pattern];
    let inside_name = part_of_longer_name(ctx, hit.start);
    let before_name = followed_by_unknown_name(ctx, hit.end);
    let place_cue = has_place_cue(ctx, hit);
    // Names need the case they are written in even where a role word of
    // the same letters may be in any case ("bank" is not Bānk).
    let name_case =
        crate::matcher::written_as_required(&pattern.written, &ctx.chars[hit.start..hit.end]);
    if plain_word_in_capitals(ctx, hit) {
        return Vec::new();
    }
    pattern
        .targets
        .iter()
        .copied()
        .filter(|t| matches!(t, Target::Role(_)) || name_case)
        .filter(|t| match *t {
            Target::Person { index, full } => {
                full || named_in_full.contains(&index) || kb.people[index].active_near(ctx.date, 2)
            }
            Target::Place(i) if !kb.places[i].is_region && before_name => false,
            Target::Place(i)
                if acronym_for_a_name(
                    ctx,
                    hit,
                    &kb.places[i].name,
                    kb.places[i].population >= UNMARKED_CITY_POPULATION,
                ) =>
            {
                false
            }
            // "Bush" is not Būsh (Egypt), nor "Palin" Palín (Guatemala):
            // a town's name read without the marks it is written with
            // is most often a surname or a word, so it needs a place cue
            // ("in Boras"), unless the place is a large city (English
            // writes "Sao Paulo" and "Krakow" without their marks).
            Target::Place(i)
                if !place_cue
                    && kb.places[i].population < UNMARKED_CITY_POPULATION
                    && read_without_marks(&pattern.written, &ctx.chars[hit.start..hit.end]) =>
            {
                false
            }
            Target::Capital(i)
                if acronym_for_a_name(
                    ctx,
                    hit,
                    kb.countries[i].capital.as_deref().unwrap_or(""),
                    true,
                ) =>
            {
                false
            }
            Target::Place(_) | Target::Capital(_) => {
                !inside_name && (place_cue || !kb.ambiguous.contains(pattern.folded.as_str()))
            }
            Target::Country(_) => !inside_name,
            _ => true,
        })
        .collect()
}

/// From this population on, a city found without the diacritics of its
/// name needs no place cue.
const UNMARKED_CITY_POPULATION: u64 = 300_000;

/// Whether a name written with letters outside ASCII in the data
/// ("Būsh") was found written without them ("Bush").
fn read_without_marks(written: &str, found: &[char]) -> bool {
    !written.is_ascii() && found.iter().all(char::is_ascii)
}

/// A place or country name right after a capitalised word that is not a
/// title and not at a sentence start is part of a longer name ("Michael
/// Jordan", "New Jersey" when only "Jersey" matched).
fn part_of_longer_name(ctx: &Ctx, start: usize) -> bool {
    let Some(i) = ctx.words.last_before(start) else {
        return false;
    };
    let (s, e) = ctx.words.spans[i];
    if !only_space_or_dot(ctx.chars, e, start) {
        return false;
    }
    let w = ctx.words.text(ctx.chars, i);
    let lower = w.to_lowercase();
    // After a capitalised title or honorific, a name is a person's
    // ("President Bush", "Mr. Jordan"), wherever the sentence starts.
    if is_capitalised(&w) && crate::words::HONORIFICS.contains(&lower.as_str()) {
        return true;
    }
    if ctx.chars[e..start].contains(&'.') || ctx.at_sentence_start(s) {
        return false;
    }
    is_capitalised(&w)
        && !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        && !NAME_OPENERS.contains(&lower.as_str())
        && !is_known_word(ctx, &lower)
}

/// "ILO" is not the Peruvian port of Ilo: a short name in capitals is an
/// acronym unless the data writes the name in capitals too, or it heads
/// a dateline ("ROME (Reuters) -"), or, for a capital or a large city
/// (`large`), it stands in a line written all in capitals, where every
/// name is in capitals ("DRONES HIT KYIV OVERNIGHT"). Small towns stay
/// acronyms even there: a headline's short words ("HIT", "AID") are towns
/// somewhere too. A knowledge-base acronym of the same letters still
/// wins over the city, since organisations outrank places.
fn acronym_for_a_name(ctx: &Ctx, hit: &Hit, written: &str, large: bool) -> bool {
    let surface = &ctx.chars[hit.start..hit.end];
    let letters: Vec<&char> = surface.iter().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 4
        && letters.iter().all(|c| c.is_uppercase())
        && !written
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        && !is_dateline(ctx, hit.start, hit.end)
        && !(large && in_capitals_line(ctx, hit.start, hit.end))
}

/// True when the sentence around `start..end`, up to the line's ends,
/// has no lower-case letter: a headline or a text in capitals, where
/// case says nothing about what is a name.
pub fn in_capitals_line(ctx: &Ctx, start: usize, end: usize) -> bool {
    let i = ctx.sentence_starts.partition_point(|&b| b <= start);
    let from = i.checked_sub(1).map_or(0, |k| ctx.sentence_starts[k]).max(
        ctx.chars[..start]
            .iter()
            .rposition(|c| *c == '\n')
            .map_or(0, |n| n + 1),
    );
    let to = ctx
        .sentence_starts
        .get(i)
        .copied()
        .unwrap_or(ctx.chars.len())
        .min(
            ctx.chars[end..]
                .iter()
                .position(|c| *c == '\n')
                .map_or(ctx.chars.len(), |n| end + n),
        );
    !ctx.chars[from..to.max(end)]
        .iter()
        .any(|c| c.is_lowercase())
}

/// Words that a knowledge-base acronym spells ("US", "WHO") and that,
/// in a line written in capitals, are as likely the plain word.
const PLAIN_WORDS_IN_CAPITALS: &[&str] = &["us", "who", "it", "am", "me", "we", "hi"];

/// Words after which "us" is the pronoun's object, not the country
/// ("THEY TOLD US TO LEAVE", "STAND WITH US").
const TAKES_US: &[&str] = &[
    "let", "lets", "help", "helps", "helped", "tell", "tells", "told", "give", "gives", "gave",
    "stop", "stops", "join", "joins", "show", "shows", "showed", "for", "with", "to", "about",
    "of", "among", "against", "behind", "like", "save", "saves", "leave", "leaves", "left", "call",
    "calls", "send", "sends", "make", "makes", "made", "bring", "brings", "take", "takes", "keep",
    "keeps", "ask", "asks", "asked", "hit", "hits", "hurt", "hurts", "beat", "beats", "from",
    "without", "toward", "towards", "upon", "need", "needs", "want", "wants", "trust", "believe",
    "hear", "see", "sees", "saw", "lead", "leads", "owe", "owes", "teach", "teaches", "taught",
    "between", "kill", "kills", "killing", "protect", "protects", "all", "both", "both of", "each",
    "none", "some", "many", "most",
];

/// Auxiliaries after which "WHO" asks or relates ("WHO CAN STOP US?",
/// "THOSE WHO ARE LEFT"): the pronoun, not the World Health Organization.
const AUXILIARIES: &[&str] = &[
    "can", "could", "will", "would", "shall", "should", "may", "might", "must", "is", "are", "was",
    "were", "do", "does", "did", "has", "have", "had",
];

/// A short acronym in a line in capitals that reads as the plain word it
/// spells: "US" after a verb or preposition that takes an object, unless a
/// role word follows ("TO US TROOPS"); "WHO" before an
/// auxiliary or after another word but "THE"; "IT", "AM", "ME", "WE" and
/// "HI" always. Outside lines in capitals case decides, as the matcher
/// already requires ("us" is never the country).
fn plain_word_in_capitals(ctx: &Ctx, hit: &Hit) -> bool {
    plain_word_in_capitals_at(ctx, hit.start, hit.end)
}

/// [`plain_word_in_capitals`] for any span, so that the recogniser's
/// spans ("US" read as a place in "WHO CAN STOP US NOW?") obey it too.
pub fn plain_word_in_capitals_at(ctx: &Ctx, start: usize, end: usize) -> bool {
    let surface = ctx.text(start, end);
    let lower = surface.to_lowercase();
    if !PLAIN_WORDS_IN_CAPITALS.contains(&lower.as_str())
        || surface.chars().any(char::is_lowercase)
        || !in_capitals_line(ctx, start, end)
    {
        return false;
    }
    let before = ctx.word_before(start);
    let next = ctx
        .words
        .spans
        .get(ctx.words.spans.partition_point(|w| w.0 < end))
        .filter(|&&(s, _)| !ctx.sentence_start_in(end, s))
        .map(|&(s, e)| ctx.text(s, e).to_lowercase());
    match lower.as_str() {
        "us" => {
            before.as_deref().is_some_and(|w| TAKES_US.contains(&w))
                && next
                    .as_deref()
                    .is_none_or(|w| ctx.kb.sector_of_word(w).is_none())
        }
        "who" => {
            next.as_deref().is_some_and(|w| AUXILIARIES.contains(&w))
                || before.as_deref().is_some_and(|w| w != "the")
        }
        _ => true,
    }
}

/// A city name right before a capitalised word the knowledge base does not
/// know is the first word of a longer name ("Moro Islamic Liberation
/// Front", "Kent State").
fn followed_by_unknown_name(ctx: &Ctx, end: usize) -> bool {
    if ctx.chars.get(end) != Some(&' ') {
        return false;
    }
    let i = ctx.words.spans.partition_point(|w| w.0 <= end);
    let Some(&(s, _)) = ctx.words.spans.get(i) else {
        return false;
    };
    let w = ctx.words.text(ctx.chars, i);
    s == end + 1
        && is_capitalised(&w)
        && w.chars().skip(1).any(char::is_lowercase)
        && !is_known_word(ctx, &w.to_lowercase())
}

/// Capitalised words that open a phrase rather than a name.
const NAME_OPENERS: &[&str] = &[
    "the",
    "in",
    "at",
    "from",
    "to",
    "of",
    "and",
    "for",
    "on",
    "by",
    "with",
    "as",
    "but",
    "if",
    "while",
    "when",
    "after",
    "before",
    "since",
    "during",
    "under",
    "over",
    "both",
    "unlike",
    "like",
    "across",
    "inside",
    "outside",
    "near",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "greater",
    "occupied",
    "downtown",
    "neighbouring",
    "neighboring",
    "rural",
    "coastal",
    "city",
    "port",
    "via",
];

/// A word the knowledge base knows as a whole name or role ("Russian",
/// "President"), which is not the first half of an unknown name.
fn is_known_word(ctx: &Ctx, lower: &str) -> bool {
    ctx.kb.pattern_of(lower).is_some()
}

/// "in Nice", "Split, Croatia".
fn has_place_cue(ctx: &Ctx, hit: &Hit) -> bool {
    if ctx
        .word_before(hit.start)
        .is_some_and(|w| LOCATIVE.contains(&w.as_str()))
    {
        return true;
    }
    let rest: String = ctx.chars[hit.end..(hit.end + 40).min(ctx.chars.len())]
        .iter()
        .collect();
    let Some(after) = rest.strip_prefix(", ") else {
        return false;
    };
    ctx.kb
        .countries
        .iter()
        .any(|c| after.starts_with(c.name.as_str()))
}

/// How much the rest of the article speaks for each country and each
/// (country, region): unambiguous names count for their country, and
/// cities for their region too.
fn country_support(
    ctx: &Ctx,
    hits: &[Hit],
    named_in_full: &HashSet<usize>,
) -> HashMap<(String, Option<String>), usize> {
    let mut support = HashMap::new();
    for h in hits {
        let targets = viable(ctx, h, named_in_full);
        let countries: HashSet<String> = targets
            .iter()
            .filter_map(|t| country_of(ctx.kb, *t))
            .collect();
        if countries.len() != 1 {
            continue;
        }
        let country = countries.into_iter().next().unwrap_or_default();
        *support.entry((country.clone(), None)).or_insert(0) += 1;
        for t in &targets {
            if let Target::Place(i) = t {
                if let Some(r) = &ctx.kb.places[*i].region {
                    *support
                        .entry((country.clone(), Some(fold_name(r))))
                        .or_insert(0) += 1;
                }
            }
        }
    }
    support
}

fn country_of(kb: &Kb, t: Target) -> Option<String> {
    match t {
        Target::Country(i) | Target::Adjective(i) | Target::Capital(i) => {
            Some(kb.countries[i].code.to_string())
        }
        Target::Place(i) => Some(kb.places[i].country.to_string()),
        Target::Org(i) => Some(kb.orgs[i].code.to_string()),
        Target::Person { .. } | Target::Role(_) => None,
    }
}

/// Picks one reading of a hit.
fn choose(
    ctx: &Ctx,
    hit: &Hit,
    targets: &[Target],
    support: &HashMap<(String, Option<String>), usize>,
) -> Option<Mention> {
    let kb = ctx.kb;
    let user = kb.patterns[hit.pattern].user;
    let locative = ctx
        .word_before(hit.start)
        .is_some_and(|w| LOCATIVE.contains(&w.as_str()))
        || is_dateline(ctx, hit.start, hit.end)
        || names_a_base(ctx, hit.end);
    // Support for a reading: the article's other names in its country, and
    // for a region, the cities in it.
    let support_of = |t: &Target| -> usize {
        match *t {
            Target::Place(i) if kb.places[i].is_region => {
                let p = &kb.places[i];
                support
                    .get(&(p.country.to_string(), Some(fold_name(&p.name))))
                    .copied()
                    .unwrap_or(0)
            }
            _ => country_of(kb, *t)
                .and_then(|c| support.get(&(c, None)).copied())
                .unwrap_or(0),
        }
    };
    let rank = |t: &Target| -> u8 {
        match *t {
            Target::Person { full: true, .. } => 0,
            // "in Brussels" is the city, "Brussels said" the EU.
            Target::Capital(_) if locative => 1,
            Target::Org(_) => 2,
            Target::Country(_) => 3,
            Target::Adjective(_) => 4,
            Target::Capital(_) => 5,
            Target::Place(i) if kb.places[i].is_region => 6,
            Target::Person { full: false, .. } => 7,
            Target::Place(_) => 8,
            Target::Role(_) => 9,
        }
    };
    let mut best = *targets.first()?;
    for t in targets.iter().skip(1) {
        // Readings in different places compete on the article's support
        // (Georgia the country or the US state); otherwise the rank
        // decides, and among cities the bigger one.
        let (a, b) = (support_of(t), support_of(&best));
        let geographic = |t: &Target| {
            matches!(
                t,
                Target::Country(_) | Target::Adjective(_) | Target::Capital(_) | Target::Place(_)
            )
        };
        let better = if geographic(t)
            && geographic(&best)
            && (rank(t) <= 6 || rank(&best) <= 6)
            && a != b
            && (a > 1 || b > 1)
            && differ_in_place(kb, *t, best)
        {
            a > b
        } else if rank(t) != rank(&best) {
            rank(t) < rank(&best)
        } else if let (Target::Place(x), Target::Place(y)) = (t, &best) {
            (a, kb.places[*x].population) > (b, kb.places[*y].population)
        } else {
            false
        };
        if better {
            best = *t;
        }
    }
    let reading = match best {
        Target::Country(i) => Reading::Country(i),
        Target::Adjective(i) => Reading::Adjective(i),
        Target::Capital(i) if locative => Reading::Capital(i),
        Target::Capital(i) => Reading::Metonym(i),
        Target::Org(i) => Reading::Org(i),
        Target::Person { index, full } => Reading::Person { index, full },
        Target::Place(i) => Reading::Place(i),
        Target::Role(i) => Reading::Role(i),
    };
    Some(Mention {
        start: hit.start,
        end: hit.end,
        reading,
        user,
    })
}

/// "MAPUTO (AFP) -", "KYIV, Ukraine —": a place name in capitals at the
/// start of a sentence, before a bracket, dash or comma, is the dateline:
/// where the story was filed, not the government speaking.
pub fn is_dateline(ctx: &Ctx, start: usize, end: usize) -> bool {
    let surface = &ctx.chars[start..end];
    let letters = || surface.iter().filter(|c| c.is_alphabetic());
    let next = ctx.chars[end..].iter().find(|c| **c != ' ');
    letters().all(|c| c.is_uppercase())
        && letters().count() > 2
        && ctx.at_sentence_start(start)
        && next.is_some_and(|c| matches!(c, '(' | '-' | '\u{2013}' | '\u{2014}' | ',' | ':'))
}

/// Adjectives made from a place with a hyphen that say where something is
/// ("London-based", "Paris-born", "Tokyo-listed"): the place, not its
/// government acting.
const PLACE_ADJECTIVE_SUFFIXES: &[&str] = &[
    "-based",
    "-born",
    "-headquartered",
    "-listed",
    "-registered",
    "-bred",
    "-raised",
];

/// True when a hyphenated place adjective follows the name ending at
/// `end` ("London" in "London-based").
fn names_a_base(ctx: &Ctx, end: usize) -> bool {
    let after: String = ctx.chars[end..(end + 16).min(ctx.chars.len())]
        .iter()
        .collect::<String>()
        .to_lowercase();
    PLACE_ADJECTIVE_SUFFIXES.iter().any(|s| {
        after.starts_with(s)
            && after[s.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn differ_in_place(kb: &Kb, a: Target, b: Target) -> bool {
    match (country_of(kb, a), country_of(kb, b)) {
        (Some(x), Some(y)) => x != y,
        _ => false,
    }
}

/// True when the words between two positions could sit inside one noun
/// phrase: at most `max` words, none of them a verb, article or
/// preposition that ends the phrase, no punctuation but a possessive.
pub fn same_phrase(ctx: &Ctx, a: usize, b: usize, max: usize) -> bool {
    if a > b {
        return false;
    }
    let gap: String = ctx.chars[a..b].iter().collect();
    let gap = gap.trim();
    let gap = gap
        .strip_prefix("'s")
        .or_else(|| gap.strip_prefix("\u{2019}s"))
        .unwrap_or(gap);
    if gap
        .chars()
        .any(|c| !(c.is_alphanumeric() || c.is_whitespace() || c == '-'))
    {
        return false;
    }
    // "Britain mobilized army reservists": the parse's verb ends the
    // phrase whatever the word.
    let verb_at = ctx.verb_starts.partition_point(|&v| v < a);
    if ctx.verb_starts.get(verb_at).is_some_and(|&v| v < b) {
        return false;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= max
        && words
            .iter()
            .all(|w| !PHRASE_BREAKERS.contains(&w.to_lowercase().as_str()))
}
