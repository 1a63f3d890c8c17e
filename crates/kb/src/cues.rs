//! People the knowledge base does not know, found from the cues news
//! writing gives: a title or honorific before a name ("Defence Minister
//! Jane Doe", "Mr Doe"), a reporting verb next to it ("said Jane Doe",
//! "Jane Doe said"), or an appositive after it ("Jane Doe, a spokeswoman
//! for ...").

use crate::annotate::{Ctx, Mention, Reading};
use crate::compose::{actor_code, bare_entity};
use crate::words::{is_capitalised, only_space, only_space_or_dot, HONORIFICS, REPORTING};
use storyline_model::Entity;

/// Lower-case particles inside names ("Mohammed bin Salman", "Lula da
/// Silva").
const PARTICLES: &[&str] = &[
    "bin", "al", "de", "da", "van", "von", "der", "la", "le", "du", "dos", "el", "di", "ibn",
];

/// Capitalised words that are never part of a person's name.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "This",
    "That",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "If",
    "As",
    "After",
    "When",
    "While",
];

/// Last words of the roles that are titles of a person.
const PERSON_TITLES: &[&str] = &[
    "minister",
    "secretary",
    "president",
    "president-elect",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "ambassador",
    "envoy",
    "chancellor",
    "premier",
    "leader",
    "commander",
    "general",
    "chief",
    "governor",
    "mayor",
    "king",
    "queen",
    "emir",
    "prince",
    "official",
    "diplomat",
    "negotiator",
    "judge",
    "prosecutor",
    "senator",
    "lawmaker",
    "representative",
    "director",
    "chairman",
    "head",
    "commissioner",
    "secretary-general",
    "sultan",
    "monarch",
    "aide",
    "officer",
    "journalist",
    "reporter",
    "editor",
    "correspondent",
    "professor",
    "doctor",
    "cleric",
    "imam",
    "bishop",
    "pope",
    "patriarch",
    "rebel",
    "militant",
    "activist",
    "dissident",
    "businessman",
    "executive",
    "congressman",
    "congresswoman",
    "mp",
];

/// Last words of organisation names, with the sector they give.
const ORG_HEADS: &[(&str, &str)] = &[
    ("Department", "GOV"),
    ("Ministry", "GOV"),
    ("Office", "GOV"),
    ("Agency", "GOV"),
    ("Council", "GOV"),
    ("Committee", "GOV"),
    ("Commission", "GOV"),
    ("Government", "GOV"),
    ("Administration", "GOV"),
    ("Embassy", "GOV"),
    ("Army", "MIL"),
    ("Forces", "MIL"),
    ("Command", "MIL"),
    ("Corps", "MIL"),
    ("Navy", "MIL"),
    ("Brigade", "MIL"),
    ("Front", "REB"),
    ("Movement", "REB"),
    ("Party", "OPP"),
    ("Court", "JUD"),
    ("Tribunal", "JUD"),
    ("Parliament", "LEG"),
    ("Assembly", "LEG"),
    ("Senate", "LEG"),
    ("Service", "SPY"),
    ("Bank", "BUS"),
    ("Company", "BUS"),
    ("Corporation", "BUS"),
    ("Group", "BUS"),
    ("University", "EDU"),
    ("School", "EDU"),
    ("Institute", "EDU"),
    ("Union", "CVL"),
    ("Association", "CVL"),
    ("Times", "MED"),
    ("Post", "MED"),
    ("News", "MED"),
    ("Hospital", "HLH"),
    ("Church", "REL"),
    ("Police", "COP"),
    ("Guard", "MIL"),
];

pub fn from_cues(ctx: &Ctx, mentions: &[Mention]) -> Vec<Entity> {
    // Mentions are sorted and do not overlap: a binary search finds the
    // one that could cover a word, so the scan stays linear.
    let covered = |s: usize, e: usize| {
        let i = mentions.partition_point(|m| m.end <= s);
        mentions.get(i).is_some_and(|m| m.start < e)
    };
    let words = &ctx.words.spans;
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = ctx.words.text(ctx.chars, i);
        if !is_name_word(&w) || covered(words[i].0, words[i].1) {
            i += 1;
            continue;
        }
        // Extend over capitalised words and particles joined by spaces.
        let mut j = i + 1;
        while j < words.len() && j - i < 4 && only_space(ctx.chars, words[j - 1].1, words[j].0) {
            let next = ctx.words.text(ctx.chars, j);
            let particle = PARTICLES.contains(&next.as_str())
                && words
                    .get(j + 1)
                    .is_some_and(|_| is_name_word(&ctx.words.text(ctx.chars, j + 1)));
            if (is_name_word(&next) || particle) && !covered(words[j].0, words[j].1) {
                j += 1;
            } else {
                break;
            }
        }
        // An organisation named "X of the Y" or "X for the Y" goes on
        // through its linking words when it starts with an organisation
        // word ("Institute for the Study of War").
        if org_head(&ctx.words.text(ctx.chars, i)).is_some() {
            j = extend_linked_name(ctx, i, j, &covered);
        }
        let (start, end) = (words[i].0, words[j - 1].1);
        let count = j - i;
        let title = title_before(ctx, mentions, start);
        let honorific = i > 0
            && only_space_or_dot(ctx.chars, words[i - 1].1, start)
            && HONORIFICS.contains(&ctx.words.text(ctx.chars, i - 1).to_lowercase().as_str());
        let speaker_after = words.get(j).is_some_and(|_| {
            REPORTING.contains(&ctx.words.text(ctx.chars, j).as_str())
                && only_space(ctx.chars, end, words[j].0)
        });
        let speaker_before = i > 0
            && REPORTING.contains(&ctx.words.text(ctx.chars, i - 1).as_str())
            && only_space(ctx.chars, words[i - 1].1, start);
        let appositive = appositive_role(ctx, mentions, end);
        let sentence_start = ctx.at_sentence_start(start);
        let cue = if title.is_some() || honorific {
            Some("cue:title")
        } else if count >= 2 && (speaker_before || (speaker_after && !sentence_start)) {
            Some("cue:said")
        } else if count >= 2 && appositive.is_some() {
            Some("cue:appositive")
        } else {
            None
        };
        // One capitalised word is a name only after an honorific ("Mr
        // Doe"); after a title it is as likely a word of the title.
        let single_ok = count >= 2 || honorific;
        let org_sector = org_head(&ctx.words.text(ctx.chars, j - 1))
            .or_else(|| org_head(&ctx.words.text(ctx.chars, i)));
        if let (Some(sector), true) = (org_sector, count >= 2) {
            // "Defence Department said", "the Ceasefire Violations
            // Committee": a name ending in an organisation word is a body.
            // A country adjective right before the name is part of it:
            // "the Kenyan Anti-Corruption Commission".
            let before = mentions[..mentions.partition_point(|m| m.end <= start)]
                .last()
                .filter(|m| {
                    only_space(ctx.chars, m.end, start)
                        && matches!(m.reading, Reading::Adjective(_) | Reading::Country(_))
                });
            let (start, adjective) = match before {
                Some(m) => match m.reading {
                    Reading::Adjective(c) | Reading::Country(c) => {
                        (m.start, Some(ctx.kb.countries[c].code.to_string()))
                    }
                    _ => (start, None),
                },
                None => (start, None),
            };
            let country = adjective.or_else(|| {
                (i..j).find_map(|k| {
                    ctx.kb
                        .pattern_of(&ctx.words.text(ctx.chars, k))
                        .and_then(|p| {
                            p.targets.iter().find_map(|t| match t {
                                crate::kb::Target::Adjective(c) | crate::kb::Target::Country(c) => {
                                    Some(ctx.kb.countries[*c].code.to_string())
                                }
                                _ => None,
                            })
                        })
                })
            });
            let mut e = bare_entity(ctx, start, end, "org", "cue:org");
            e.code = country
                .as_deref()
                .map(|c| actor_code(c, None, Some(sector)));
            e.name = Some(e.text.clone());
            e.country = country;
            e.sector = Some(sector.into());
            out.push(e);
            i = j;
            continue;
        }
        if let (Some(rule), true) = (cue, single_ok) {
            let has_title = title.is_some();
            let (country, sector) = title.or(appositive).unwrap_or((None, None));
            // "Sen. Tom Brandt", "Gov. Ann Lutz": an honorific that is an
            // office gives its sector as a title does.
            let sector = sector.or_else(|| {
                honorific
                    .then(|| honorific_sector(ctx, &ctx.words.text(ctx.chars, i - 1)))
                    .flatten()
            });
            let rule = if honorific && !has_title {
                "cue:honorific"
            } else {
                rule
            };
            let mut e = bare_entity(ctx, start, end, "person", rule);
            e.code = country
                .as_deref()
                .map(|c| actor_code(c, None, sector.as_deref()));
            e.name = Some(e.text.clone());
            e.country = country;
            e.sector = sector;
            out.push(e);
        }
        i = j;
    }
    out
}

/// True when the role word is a title a person holds ("minister", not
/// "army").
fn is_person_title(ctx: &Ctx, role: usize) -> bool {
    let last_word = ctx.kb.roles[role].0.rsplit(' ').next().unwrap_or_default();
    PERSON_TITLES.contains(&last_word)
}

/// The sector an organisation word gives ("Ministry" is GOV).
fn org_head(word: &str) -> Option<&'static str> {
    ORG_HEADS.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
}

/// Extends a name that ends at word `j` over "of", "for" or "on", with an
/// optional "the", and the capitalised words after them.
fn extend_linked_name(
    ctx: &Ctx,
    i: usize,
    mut j: usize,
    covered: &dyn Fn(usize, usize) -> bool,
) -> usize {
    let words = &ctx.words.spans;
    while j < words.len() && j - i < 8 {
        let link = ctx.words.text(ctx.chars, j);
        if !matches!(link.as_str(), "of" | "for" | "on") {
            break;
        }
        let mut k = j + 1;
        if words
            .get(k)
            .is_some_and(|_| ctx.words.text(ctx.chars, k) == "the")
        {
            k += 1;
        }
        let mut end = k;
        while end < words.len()
            && is_name_word(&ctx.words.text(ctx.chars, end))
            && only_space(ctx.chars, words[end - 1].1, words[end].0)
            && !covered(words[end].0, words[end].1)
        {
            end += 1;
        }
        if end == k {
            break;
        }
        j = end;
    }
    j
}

fn is_name_word(w: &str) -> bool {
    is_capitalised(w)
        && w.chars().count() >= 2
        && w.chars().skip(1).any(|c| c.is_lowercase())
        && !NOT_NAMES.contains(&w)
}

type CountrySector = (Option<String>, Option<String>);

/// A role word right before `start` ("Minister", "spokesman"), with the
/// country of a modifier before it ("British Defence Secretary").
/// The sector an honorific names, through the role word it abbreviates
/// ("Sen." a senator, LEG; "Gov." a governor, GOV); none for "Mr." or
/// "Dr.".
fn honorific_sector(ctx: &Ctx, honorific: &str) -> Option<String> {
    let word = honorific.to_lowercase();
    let role = match word.as_str() {
        "sen" => "senator",
        "rep" => "lawmaker",
        "gov" => "governor",
        "gen" => "general",
        "col" | "colonel" | "lt" | "maj" | "sgt" | "adm" | "admiral" => "officer",
        w => w,
    };
    ctx.kb.sector_of_word(role).map(str::to_string)
}

fn title_before(ctx: &Ctx, mentions: &[Mention], start: usize) -> Option<CountrySector> {
    let k = mentions
        .partition_point(|m| m.end <= start)
        .checked_sub(1)?;
    let Reading::Role(role) = mentions[k].reading else {
        return None;
    };
    if !only_space(ctx.chars, mentions[k].end, start) {
        return None;
    }
    // Only a role that a person holds is a title: "Army Tactical Missile
    // Systems" is not a person.
    if !is_person_title(ctx, role) {
        return None;
    }
    let sector = Some(ctx.kb.sector_of_role(role).to_string());
    let country = k
        .checked_sub(1)
        .map(|p| mentions[p])
        .filter(|m| crate::annotate::same_phrase(ctx, m.end, mentions[k].start, 2))
        .and_then(|m| match m.reading {
            Reading::Country(i) | Reading::Adjective(i) | Reading::Metonym(i) => {
                Some(ctx.kb.countries[i].code.to_string())
            }
            Reading::Org(i) => Some(ctx.kb.orgs[i].code.to_string()),
            _ => None,
        });
    Some((country, sector))
}

/// ", a spokesman for the Pentagon" / ", Ukraine's foreign minister":
/// the role and country of an appositive right after a name.
fn appositive_role(ctx: &Ctx, mentions: &[Mention], end: usize) -> Option<CountrySector> {
    let rest: String = ctx.chars[end..(end + 3).min(ctx.chars.len())]
        .iter()
        .collect();
    if !rest.starts_with(", ") {
        return None;
    }
    let window_end = (end + 60).min(ctx.chars.len());
    let tail: String = ctx.chars[end..window_end].iter().collect();
    let clause_end = end
        + tail[1..]
            .find([',', '.', ';'])
            .map_or(tail.chars().count(), |b| tail[..b + 1].chars().count());
    let first = mentions.partition_point(|m| m.start <= end);
    let inside: Vec<&Mention> = mentions[first..]
        .iter()
        .take_while(|m| m.end <= clause_end)
        .collect();
    // Only a role a person holds makes an appositive about a person.
    let role = inside.iter().find_map(|m| match m.reading {
        Reading::Role(r) if is_person_title(ctx, r) => Some(ctx.kb.sector_of_role(r).to_string()),
        _ => None,
    })?;
    let country = inside.iter().find_map(|m| match m.reading {
        Reading::Country(i) | Reading::Adjective(i) | Reading::Metonym(i) => {
            Some(ctx.kb.countries[i].code.to_string())
        }
        Reading::Org(i) => Some(ctx.kb.orgs[i].code.to_string()),
        _ => None,
    });
    Some((country, Some(role)))
}
