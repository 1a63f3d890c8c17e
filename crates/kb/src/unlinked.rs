//! Actor codes for organisations the knowledge base does not know, from
//! what the text says they are: "cybersecurity firm Searchlight Cyber" and
//! "Searchlight Cyber, a threat intelligence firm" are businesses, and so
//! is "Halvorsen Maritime Ltd".
//!
//! The sector comes from a role word the parse ties to the name (a noun
//! before it that modifies it, or a noun in apposition after it) or, failing
//! that, from a company suffix ending the name. The country is never
//! invented: an organisation whose own name holds no country is coded by
//! its sector alone (`BUS`), as CAMEO codes an agent of unknown country.
//!
//! The same nouns correct the recogniser: a name it reads as a person but
//! that a noun naming a body describes ("firm", "bank", "agency") is an
//! organisation.

use crate::annotate::{Ctx, Parsed};
use crate::compose::actor_code;
use crate::tree::{phrase_head, token_range, Children};
use storyline_model::Entity;

/// Last words of a name that make it a company's.
const COMPANY_SUFFIXES: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Co.",
    "Ltd",
    "Ltd.",
    "Limited",
    "LLC",
    "LLP",
    "plc",
    "PLC",
    "AG",
    "SA",
    "S.A.",
    "SE",
    "NV",
    "N.V.",
    "GmbH",
    "Holdings",
    "Technologies",
    "Labs",
    "Airlines",
    "Airways",
    "Motors",
    "Pharmaceuticals",
    "Therapeutics",
    "Biotech",
    "Ventures",
    "Partners",
    "Software",
    "Productions",
    "Studios",
    "Records",
    "Entertainment",
    "Pictures",
];

/// Last words of a name that make it a body's, whatever the recogniser
/// read: "Dick Clark Productions" is no person.
pub(crate) fn ends_in_body_word(name: &str) -> bool {
    const BODY_WORDS: &[&str] = &[
        "Group",
        "Foundation",
        "Institute",
        "University",
        "College",
        "Association",
        "Society",
        "Committee",
        "Council",
        "Agency",
        "Bank",
        "Fund",
        "Network",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() > 1
        && words.last().is_some_and(|w| {
            COMPANY_SUFFIXES.contains(w) || BODY_WORDS.contains(w) || COMPANY_WORDS.contains(w)
        })
}

/// Common nouns of trades and industries that end company names
/// ("Searchlight Cyber", "Meridian Analytics", "Harbor Freight") and are
/// almost never surnames: the small model reads a capitalised first word
/// and a second as a first name and a surname, so a name ending in one
/// of these is a body's. Words that are also surnames ("Power", "Price")
/// are left out. They say the name is an organisation, not which sector
/// it is in ("Health" ends a ministry's name as well as a company's).
const COMPANY_WORDS: &[&str] = &[
    "Cyber",
    "Security",
    "Analytics",
    "Solutions",
    "Systems",
    "Networks",
    "Robotics",
    "Logistics",
    "Dynamics",
    "Industries",
    "Digital",
    "Media",
    "Capital",
    "Energy",
    "Health",
    "Healthcare",
    "Insurance",
    "Financial",
    "Telecom",
    "Communications",
    "Aerospace",
    "Semiconductor",
    "Pharma",
    "Tech",
    "Technology",
    "Data",
    "Intelligence",
    "Consulting",
    "Research",
    "Resources",
    "Mining",
    "Minerals",
    "Petroleum",
    "Shipping",
    "Freight",
    "Foods",
    "Brands",
    "Retail",
    "Bancorp",
    "Securities",
    "Investments",
    "Properties",
    "Realty",
    "Electronics",
    "Interactive",
    "Biosciences",
    "Genomics",
    "Diagnostics",
    "Automotive",
    "Renewables",
    "Utilities",
    "Infrastructure",
];

/// Nouns that name a body, not a person: a name they are tied to is an
/// organisation whatever label the recogniser gave it ("the cybersecurity
/// firm Searchlight Cyber").
const ORG_NOUNS: &[&str] = &[
    "firm",
    "company",
    "corporation",
    "bank",
    "startup",
    "start-up",
    "maker",
    "carmaker",
    "automaker",
    "chipmaker",
    "retailer",
    "insurer",
    "lender",
    "airline",
    "supplier",
    "conglomerate",
    "brewer",
    "manufacturer",
    "group",
    "agency",
    "organisation",
    "organization",
    "charity",
    "party",
    "union",
    "university",
    "newspaper",
    "broadcaster",
    "network",
    "outlet",
    "institute",
    "lab",
    "laboratory",
    "foundation",
    "ministry",
    "regulator",
    "watchdog",
    "exchange",
];

/// Codes the organisations found by the recogniser alone, and makes an
/// organisation of a recognised name that an organisation noun describes.
pub fn code_unlinked_orgs(ctx: &Ctx, entities: &mut [Entity], parsed: Parsed, children: &Children) {
    for e in entities.iter_mut() {
        if e.id.is_some() || e.sector.is_some() {
            continue;
        }
        let noun = role_noun(e, parsed, children).map(|k| &parsed.tokens[k]);
        let described_as_body =
            noun.is_some_and(|t| ORG_NOUNS.contains(&t.lemma.to_lowercase().as_str()));
        let retype = e.kind == "person" && matches!(e.rule.as_str(), "ner" | "cue:said");
        // A name said to speak ("Meridian Analytics said") is read as a
        // person's by the cue, unless its last word names a body.
        if retype && (described_as_body || ends_in_body_word(&e.text)) {
            e.kind = "org".into();
            e.name = Some(e.text.clone());
            e.rule = "ner:retyped".into();
        }
        if e.kind != "org" || !e.rule.starts_with("ner") {
            continue;
        }
        let from_noun = noun.and_then(|t| {
            [t.text.to_lowercase(), t.lemma.clone()]
                .iter()
                .find_map(|w| ctx.kb.sector_of_word(w))
                .map(str::to_string)
        });
        let Some(sector) = from_noun.or_else(|| suffix_sector(e)) else {
            continue;
        };
        e.code = Some(match e.country.as_deref() {
            Some(country) => actor_code(country, None, Some(&sector)),
            None => sector.clone(),
        });
        e.sector = Some(sector);
    }
}

/// The common noun the parse ties to a name: a modifier right before it
/// ("firm" in "firm Searchlight Cyber"), a noun in apposition after it
/// ("Searchlight Cyber, a threat intelligence firm"), or the noun the
/// name is itself in apposition to.
fn role_noun(e: &Entity, parsed: Parsed, children: &Children) -> Option<usize> {
    let tokens = parsed.tokens;
    let range = token_range(tokens, e.start, e.end);
    let head = phrase_head(tokens, range.clone())?;
    let below = children.of(head).iter().copied().find(|&c| {
        let t = &tokens[c];
        t.pos == "NOUN"
            && ((t.dep == "appos" && c >= range.end)
                || (matches!(t.dep.as_str(), "compound" | "nmod") && c + 1 == range.start))
    });
    // The parser also makes the name the apposition of the noun before
    // it: "firm" heads "cybersecurity firm Searchlight Cyber".
    let above = Some(tokens[head].head).filter(|&h| {
        tokens[head].dep == "appos" && h + 1 == range.start && tokens[h].pos == "NOUN"
    });
    below.or(above)
}

/// `BUS` for a name that ends in a company suffix.
fn suffix_sector(e: &Entity) -> Option<String> {
    let last = e.text.split_whitespace().last()?;
    (e.text.contains(' ') && COMPANY_SUFFIXES.contains(&last)).then(|| "BUS".to_string())
}
