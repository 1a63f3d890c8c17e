//! The loaded knowledge base: entries by kind, and one table of every
//! folded name, adjective and role word, which the matcher looks words up
//! in.
//!
//! Three tiers of data, the higher beating the lower: the user's `--kb`
//! files, the hand-made shipped files (`people.tsv`, `orgs.tsv`, ...,
//! kept current), and the files converted from the PETRARCH2 Phoenix
//! dictionaries (`phoenix-*.tsv`, about 18,000 people and 1,900
//! organisations with dated roles; see `scripts/kb/convert_phoenix.py`).
//! A lower tier never replaces an entry of a higher one with the same id,
//! never adds offices to it, never overrides its role words, and loses
//! every name a higher tier also has. Phoenix stops around 2016, so its
//! open-ended roles carry a "known until" date (2017-01-01) from which
//! they are not trusted: the person is still found, but with no office,
//! until a hand-made or user entry says what they hold now.

use crate::data::{parse, Record};
use crate::fold::{first_token, fold_name};
use crate::names::NameIndex;
use crate::records::Records;
use crate::KbError;
use chrono::NaiveDate;
use smol_str::SmolStr;
// The tables are built from the shipped data on every start and looked
// up with the words of articles: FxHash hashes short strings several times
// faster than the standard SipHash, and nothing an article holds is ever
// inserted, so SipHash's resistance to chosen collisions buys nothing.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The data files built into the binary, by name. Files whose name starts
/// with `phoenix-` are the lowest tier: every other file beats them.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../data/countries.tsv")),
    ("orgs.tsv", include_str!("../data/orgs.tsv")),
    ("people.tsv", include_str!("../data/people.tsv")),
    ("sectors.tsv", include_str!("../data/sectors.tsv")),
    ("regions.tsv", include_str!("../data/regions.tsv")),
    (
        "ambiguous-places.tsv",
        include_str!("../data/ambiguous-places.tsv"),
    ),
    (
        "places-cities.tsv",
        include_str!("../data/places-cities.tsv"),
    ),
    (
        "phoenix-people.tsv",
        include_str!("../data/phoenix-people.tsv"),
    ),
    ("phoenix-orgs.tsv", include_str!("../data/phoenix-orgs.tsv")),
    (
        "phoenix-agents.tsv",
        include_str!("../data/phoenix-agents.tsv"),
    ),
];

/// Where an entry comes from, lowest first: a higher tier beats a lower
/// one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Phoenix,
    Shipped,
    User,
}

fn tier_of_builtin(name: &str) -> Tier {
    if name.starts_with("phoenix-") {
        Tier::Phoenix
    } else {
        Tier::Shipped
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Country {
    #[serde(with = "crate::arena::one")]
    pub code: SmolStr,
    #[serde(with = "crate::arena::one")]
    pub name: SmolStr,
    #[serde(with = "crate::arena::many")]
    pub aliases: Vec<SmolStr>,
    #[serde(with = "crate::arena::many")]
    pub adjectives: Vec<SmolStr>,
    #[serde(with = "crate::arena::maybe")]
    pub capital: Option<SmolStr>,
    /// The place entry of the capital city, when GeoNames has it.
    pub capital_place: Option<usize>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Org {
    #[serde(with = "crate::arena::one")]
    pub id: SmolStr,
    #[serde(with = "crate::arena::one")]
    pub name: SmolStr,
    #[serde(with = "crate::arena::many")]
    pub aliases: Vec<SmolStr>,
    #[serde(with = "crate::arena::one")]
    pub code: SmolStr,
    #[serde(with = "crate::arena::maybe")]
    pub sector: Option<SmolStr>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Office {
    #[serde(with = "crate::arena::one")]
    pub country: SmolStr,
    #[serde(with = "crate::arena::one")]
    pub sector: SmolStr,
    #[serde(with = "crate::arena::one")]
    pub title: SmolStr,
    #[serde(with = "day_number")]
    pub start: Option<NaiveDate>,
    #[serde(with = "day_number")]
    pub end: Option<NaiveDate>,
    /// From this date on the office is not trusted (its source stops
    /// before): an article then sees neither the office nor its end.
    #[serde(with = "day_number")]
    pub known_until: Option<NaiveDate>,
}

/// Office dates in the prebuilt knowledge base (`prebuilt.rs`) as day
/// numbers: decoding 50,000 dates from text took a third of its load.
mod day_number {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        use chrono::Datelike;
        date.map(|d| d.num_days_from_ce()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<i32>::deserialize(d)?
            .map(|n| {
                NaiveDate::from_num_days_from_ce_opt(n)
                    .ok_or_else(|| serde::de::Error::custom(format!("day {n} is out of range")))
            })
            .transpose()
    }
}

impl Office {
    /// True when the office is held on `d` as far as its source knows.
    pub fn held_on(&self, d: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= d)
            && self.end.is_none_or(|e| d < e)
            && self.known_until.is_none_or(|k| d < k)
    }

    /// The end of what is known of the office: its end, or the date its
    /// source stops, whichever comes first.
    fn known_end(&self) -> Option<NaiveDate> {
        match (self.end, self.known_until) {
            (Some(e), Some(k)) => Some(e.min(k)),
            (e, k) => e.or(k),
        }
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Person {
    #[serde(with = "crate::arena::one")]
    pub id: SmolStr,
    #[serde(with = "crate::arena::one")]
    pub name: SmolStr,
    #[serde(with = "crate::arena::many")]
    pub aliases: Vec<SmolStr>,
    pub offices: Vec<Office>,
}

impl Person {
    /// The office held on `date`; without a date, the latest office.
    /// When several are held at once, the one that started last wins. An
    /// office past its "known until" date is not held: it is unknown.
    pub fn office_on(&self, date: Option<NaiveDate>) -> Option<&Office> {
        match date {
            Some(d) => self
                .offices
                .iter()
                .filter(|o| o.held_on(d))
                .max_by_key(|o| o.start),
            None => self.offices.iter().max_by_key(|o| o.start),
        }
    }

    /// The last office that ended on or before `date`: what "former"
    /// refers to. Past its "known until" date an office is not former
    /// either: its source cannot say what the person holds since.
    pub fn office_before(&self, date: Option<NaiveDate>) -> Option<&Office> {
        let d = date?;
        self.offices
            .iter()
            .filter(|o| o.end.is_some_and(|e| e <= d) && o.known_until.is_none_or(|k| d < k))
            .max_by_key(|o| o.end)
    }

    /// True when the person held an office within `years` of `date`.
    pub fn active_near(&self, date: Option<NaiveDate>, years: i32) -> bool {
        let Some(d) = date else {
            return true;
        };
        let lo = d.with_year(d.year() - years).unwrap_or(d);
        let hi = d.with_year(d.year() + years).unwrap_or(d);
        self.offices
            .iter()
            .any(|o| o.start.is_none_or(|s| s <= hi) && o.known_end().is_none_or(|e| lo < e))
    }
}

use chrono::Datelike;

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Place {
    #[serde(with = "crate::arena::one")]
    pub id: SmolStr,
    #[serde(with = "crate::arena::one")]
    pub name: SmolStr,
    #[serde(with = "crate::arena::many")]
    pub aliases: Vec<SmolStr>,
    #[serde(with = "crate::arena::one")]
    pub country: SmolStr,
    #[serde(with = "crate::arena::maybe")]
    pub region: Option<SmolStr>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub is_region: bool,
}

/// What a folded name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Target {
    /// A country's name or alias.
    Country(usize),
    /// A country adjective or demonym ("Ukrainian", "Britons").
    Adjective(usize),
    /// A capital, which stands for its country's government unless it is
    /// a place of action ("in Kyiv").
    Capital(usize),
    Org(usize),
    /// A person: `full` for the full name, not a surname alias.
    Person {
        index: usize,
        full: bool,
    },
    Place(usize),
    /// A role word giving a sector ("troops" is MIL).
    Role(usize),
}

/// One name of the name table: what it may stand for, and whether it came
/// from the user's file (which beats the shipped data).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Pattern {
    #[serde(with = "crate::arena::one")]
    pub folded: SmolStr,
    pub targets: Vec<Target>,
    pub user: bool,
    /// The name as written in the data for its names: its case tells how
    /// a mention must be written ("US" must be in capitals).
    #[serde(with = "crate::arena::one")]
    pub written: SmolStr,
    /// True when a role word shares this name ("bank", "troops"): the
    /// role may then be written in any case, the names may not.
    pub any_case: bool,
    /// The byte length of the folded name's first token
    /// ([`crate::fold::first_token`]), kept so that indexing the names
    /// when the prebuilt base is decoded need not find it again.
    pub(crate) token_len: u32,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Kb {
    pub countries: Vec<Country>,
    pub orgs: Vec<Org>,
    /// Decoded record by record when read, in the prebuilt base
    /// (`records.rs`): an article names few of them.
    pub people: Records<Person>,
    pub places: Records<Place>,
    /// Role words and their sector codes.
    pub roles: Vec<(SmolStr, SmolStr)>,
    /// Folded place names that are also common words.
    pub ambiguous: HashSet<String>,
    pub patterns: Vec<Pattern>,
    country_by_code: HashMap<SmolStr, usize>,
    /// Rebuilt from the patterns when the prebuilt base is decoded: it
    /// holds indices, which are cheaper to rebuild than to decode.
    #[serde(skip)]
    names: NameIndex,
}

impl Kb {
    /// The shipped data plus the user's files, whose entries beat the
    /// shipped ones: an entry with the same id replaces the shipped one,
    /// and a name they share goes to the user's entry.
    pub fn load(extra: &[(&str, &str)]) -> Result<Kb, KbError> {
        let mut records = Vec::new();
        for (name, text) in BUILTIN_FILES {
            let tier = tier_of_builtin(name);
            records.extend(parse(name, text)?.into_iter().map(|r| (r, tier)));
        }
        for (name, text) in extra {
            records.extend(parse(name, text)?.into_iter().map(|r| (r, Tier::User)));
        }
        Ok(build(records))
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_by_code.get(code).map(|&i| &self.countries[i])
    }

    /// The index of the pattern whose folded name is `folded`.
    pub(crate) fn pattern_index(&self, folded: &str) -> Option<usize> {
        self.names.get(&self.patterns, folded)
    }

    /// The byte length of the longest folded name whose first token is
    /// `token`, if any name starts with it.
    pub(crate) fn longest_name_after(&self, token: &str) -> Option<usize> {
        self.names.longest_after(&self.patterns, token)
    }

    /// Indexes the patterns by name: after decoding, which skips the index.
    pub(crate) fn index_names(&mut self) {
        self.names = NameIndex::of(&self.patterns);
    }

    /// The pattern of a name, folded first.
    pub fn pattern_of(&self, name: &str) -> Option<&Pattern> {
        self.pattern_index(&fold_name(name))
            .map(|i| &self.patterns[i])
    }

    pub fn sector_of_role(&self, role: usize) -> &str {
        &self.roles[role].1
    }

    /// The sector a role word gives ("troops" MIL, "firm" BUS), if the
    /// word is one.
    pub fn sector_of_word(&self, word: &str) -> Option<&str> {
        self.pattern_of(word)?.targets.iter().find_map(|t| match t {
            Target::Role(r) => Some(self.sector_of_role(*r)),
            _ => None,
        })
    }

    /// True when `code` is a sector code ("BUS", "MIL") rather than a
    /// country or an international body.
    pub fn is_sector(&self, code: &str) -> bool {
        self.roles.iter().any(|(_, s)| s == code)
    }
}

/// Entries of one kind in load order, found by id in constant time, each
/// with the tier it came from.
struct Table<T> {
    items: Vec<T>,
    tiers: Vec<Tier>,
    by_id: HashMap<String, usize>,
}

impl<T> Table<T> {
    fn new() -> Self {
        Table {
            items: Vec::new(),
            tiers: Vec::new(),
            by_id: HashMap::default(),
        }
    }

    /// Adds an entry; one with the same id is replaced when the new one's
    /// tier is at least as high (user files are read last), and otherwise
    /// the new one is dropped. Returns false when it was dropped.
    fn upsert(&mut self, id: &str, item: T, tier: Tier) -> bool {
        match self.by_id.get(id) {
            Some(&i) if self.tiers[i] > tier => false,
            Some(&i) => {
                self.items[i] = item;
                self.tiers[i] = tier;
                true
            }
            None => {
                self.by_id.insert(id.to_string(), self.items.len());
                self.items.push(item);
                self.tiers.push(tier);
                true
            }
        }
    }

    fn tier(&self, i: usize) -> Tier {
        self.tiers[i]
    }
}

fn build(records: Vec<(Record, Tier)>) -> Kb {
    let mut countries: Table<Country> = Table::new();
    let mut orgs: Table<Org> = Table::new();
    let mut people: Table<Person> = Table::new();
    let mut places: Vec<Place> = Vec::new();
    let mut place_tiers: Vec<Tier> = Vec::new();
    let mut place_by_id: HashMap<SmolStr, usize> = HashMap::default();
    let mut roles: Vec<(SmolStr, SmolStr)> = Vec::new();
    let mut role_tiers: Vec<Tier> = Vec::new();
    let mut role_by_word: HashMap<SmolStr, usize> = HashMap::default();
    let mut ambiguous = HashSet::default();
    let mut offices: Vec<(SmolStr, Office, Tier)> = Vec::new();

    for (record, tier) in records {
        match record {
            Record::Country {
                code,
                name,
                aliases,
                adjectives,
                capital,
            } => {
                let c = Country {
                    code: code.clone(),
                    name,
                    aliases,
                    adjectives,
                    capital,
                    capital_place: None,
                };
                countries.upsert(&code, c, tier);
            }
            Record::Org {
                id,
                name,
                aliases,
                code,
                sector,
            } => {
                let o = Org {
                    id: id.clone(),
                    name,
                    aliases,
                    code,
                    sector,
                };
                orgs.upsert(&id, o, tier);
            }
            Record::Person { id, name, aliases } => {
                let p = Person {
                    id: id.clone(),
                    name,
                    aliases,
                    offices: Vec::new(),
                };
                people.upsert(&id, p, tier);
            }
            Record::Office {
                person,
                country,
                sector,
                title,
                start,
                end,
                known_until,
            } => {
                offices.push((
                    person,
                    Office {
                        country,
                        sector,
                        title,
                        start,
                        end,
                        known_until,
                    },
                    tier,
                ));
            }
            Record::Place {
                id,
                name,
                aliases,
                country,
                region,
                lat,
                lon,
                population,
                is_region,
            } => {
                let p = Place {
                    id: id.clone(),
                    name,
                    aliases,
                    country,
                    region,
                    lat,
                    lon,
                    population,
                    is_region,
                };
                // The generated city file has no duplicate ids, so its
                // places are not indexed by id: only regions and the
                // user's places can replace one another.
                if tier == Tier::User || is_region {
                    match place_by_id.get(&id) {
                        Some(&i) if place_tiers[i] > tier => {}
                        Some(&i) => {
                            places[i] = p;
                            place_tiers[i] = tier;
                        }
                        None => {
                            place_by_id.insert(id, places.len());
                            places.push(p);
                            place_tiers.push(tier);
                        }
                    }
                } else {
                    places.push(p);
                    place_tiers.push(tier);
                }
            }
            Record::Sector { code, words } => {
                for w in words {
                    let w = SmolStr::from(fold_name(&w));
                    match role_by_word.get(&w) {
                        // A lower tier's word (Phoenix agents) never
                        // recodes a word the hand-made sectors have.
                        Some(&i) if role_tiers[i] > tier => {}
                        Some(&i) => {
                            roles[i].1.clone_from(&code);
                            role_tiers[i] = tier;
                        }
                        None => {
                            role_by_word.insert(w.clone(), roles.len());
                            roles.push((w, code.clone()));
                            role_tiers.push(tier);
                        }
                    }
                }
            }
            Record::Ambiguous { word } => {
                ambiguous.insert(fold_name(&word));
            }
        }
    }
    // A user's offices for a person replace the shipped ones; offices from
    // a lower tier than the person's entry are dropped (a Phoenix role
    // never lands on a hand-made person of the same id).
    let user_office_people: HashSet<&str> = offices
        .iter()
        .filter(|o| o.2 == Tier::User)
        .map(|o| o.0.as_str())
        .collect();
    let mut attach: Vec<(usize, Office)> = Vec::new();
    for (person, office, tier) in &offices {
        if *tier != Tier::User && user_office_people.contains(person.as_str()) {
            continue;
        }
        if let Some(&i) = people.by_id.get(person.as_str()) {
            if !(*tier == Tier::Phoenix && people.tier(i) == Tier::Shipped) {
                attach.push((i, office.clone()));
            }
        }
    }
    for (i, office) in attach {
        people.items[i].offices.push(office);
    }

    let country_by_code: HashMap<SmolStr, usize> = countries
        .items
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.clone(), i))
        .collect();
    link_capitals(&mut countries.items, &places);

    let mut patterns: Vec<Pattern> = Vec::new();
    let mut pattern_tiers: Vec<Tier> = Vec::new();
    let mut names = NameIndex::default();
    let mut add = |name: &str, target: Target, tier: Tier| {
        let folded = fold_name(name);
        if folded.len() < 2 {
            return;
        }
        let i = match names.get(&patterns, &folded) {
            Some(i) => i,
            None => {
                patterns.push(Pattern {
                    token_len: first_token(&folded).len() as u32,
                    folded: folded.into(),
                    targets: Vec::new(),
                    user: false,
                    written: name.into(),
                    any_case: false,
                });
                pattern_tiers.push(tier);
                names.add(&patterns, patterns.len() - 1);
                patterns.len() - 1
            }
        };
        let p = &mut patterns[i];
        let p_tier = &mut pattern_tiers[i];
        let is_role = matches!(target, Target::Role(_));
        if tier > *p_tier && !p.targets.is_empty() {
            // The higher tier's entry beats lower-tier entries of the same
            // name: the user's over the shipped, the shipped over Phoenix.
            p.targets.clear();
            p.written = name.into();
        }
        if tier >= *p_tier || p.targets.is_empty() {
            *p_tier = tier;
            if !p.targets.contains(&target) {
                p.targets.push(target);
            }
        }
        p.user = *p_tier == Tier::User;
        if is_role {
            p.any_case = true;
        } else if !p.written.chars().any(char::is_uppercase) {
            // The names' written form decides their case, not a role
            // word's that came first.
            p.written = name.into();
        }
    };
    for (i, c) in countries.items.iter().enumerate() {
        let tier = countries.tier(i);
        add(&c.name, Target::Country(i), tier);
        for a in &c.aliases {
            add(a, Target::Country(i), tier);
        }
        for a in &c.adjectives {
            add(a, Target::Adjective(i), tier);
            // Plural demonyms: "Ukrainians", "Iraqis".
            if a.ends_with("an") || a.ends_with('i') {
                add(&format!("{a}s"), Target::Adjective(i), tier);
            }
        }
        if let Some(cap) = &c.capital {
            add(cap, Target::Capital(i), tier);
        }
    }
    for (i, o) in orgs.items.iter().enumerate() {
        let tier = orgs.tier(i);
        add(&o.name, Target::Org(i), tier);
        for a in &o.aliases {
            add(a, Target::Org(i), tier);
        }
    }
    for (i, p) in people.items.iter().enumerate() {
        let tier = people.tier(i);
        add(
            &p.name,
            Target::Person {
                index: i,
                full: true,
            },
            tier,
        );
        for a in &p.aliases {
            let full = a.split_whitespace().count() > 1;
            add(a, Target::Person { index: i, full }, tier);
        }
    }
    for (i, p) in places.iter().enumerate() {
        add(&p.name, Target::Place(i), place_tiers[i]);
        for a in &p.aliases {
            add(a, Target::Place(i), place_tiers[i]);
        }
    }
    for (i, (w, _)) in roles.iter().enumerate() {
        // Role words are never the user's: they keep the tier of shipped
        // data at most, so a user's name beats them.
        add(w, Target::Role(i), role_tiers[i].min(Tier::Shipped));
    }
    // Names that lost every reading to a higher tier stay in the table
    // but match nothing.
    Kb {
        countries: countries.items,
        orgs: orgs.items,
        people: people.items.into(),
        places: places.into(),
        roles,
        ambiguous,
        patterns,
        country_by_code,
        names,
    }
}

/// Finds each capital's city among the places. A capital is often its own
/// first-level region (Kyiv, Seoul, Washington D.C.), which tells it from
/// smaller towns of the same name in the same country.
fn link_capitals(countries: &mut [Country], places: &[Place]) {
    let mut by_name: HashMap<(SmolStr, String), Vec<usize>> = HashMap::default();
    for (i, p) in places.iter().enumerate() {
        if !p.is_region {
            by_name
                .entry((p.country.clone(), fold_name(&p.name)))
                .or_default()
                .push(i);
        }
    }
    for c in countries.iter_mut() {
        let Some(cap) = &c.capital else { continue };
        let folded = fold_name(cap);
        let Some(cands) = by_name.get(&(c.code.clone(), folded.clone())) else {
            continue;
        };
        let own_region = |i: &usize| {
            places[*i]
                .region
                .as_deref()
                .is_none_or(|r| fold_name(r).contains(&folded))
        };
        c.capital_place = cands
            .iter()
            .copied()
            .max_by_key(|i| (own_region(i), places[*i].population));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(files: &[(&str, &str, Tier)]) -> Kb {
        let mut records = Vec::new();
        for (name, text, tier) in files {
            records.extend(parse(name, text).unwrap().into_iter().map(|r| (r, *tier)));
        }
        build(records)
    }

    fn day(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn an_office_is_unknown_from_its_known_until_date() {
        let kb = load(&[(
            "phoenix-people.tsv",
            "person\tp\tAna Petrova\t\n\
             office\tp\tBGR\tELI\tpolitical figure\t1990\t2001\t\n\
             office\tp\tBGR\tGOV\tgovernment official\t2009-04-01\t\t2017-01-01\n",
            Tier::Phoenix,
        )]);
        let p = &kb.people[0];
        assert_eq!(p.office_on(day("2012-05-01")).unwrap().sector, "GOV");
        // From the known-until date the open office is neither held nor
        // former; the closed one before it is what "former" means.
        assert!(p.office_on(day("2017-01-01")).is_none());
        assert_eq!(p.office_before(day("2024-05-01")).unwrap().sector, "ELI");
        assert!(p.active_near(day("2018-05-01"), 2));
        assert!(!p.active_near(day("2024-05-01"), 2));
    }

    #[test]
    fn a_higher_tier_takes_the_name_and_the_id() {
        let kb = load(&[
            (
                "people.tsv",
                "person\tana\tAna Petrova\t\noffice\tana\tBGR\tGOV\tMinister\t2020\t\n",
                Tier::Shipped,
            ),
            (
                "phoenix-people.tsv",
                "person\tana\tAna Petrova\t\n\
                 office\tana\tBGR\tMIL\tmilitary officer\t2008\t\t2017-01-01\n\
                 person\tana-p\tAna Petrova\tAna Ivanova Petrova\n\
                 office\tana-p\tBGR\tMIL\tmilitary officer\t2008\t\t2017-01-01\n",
                Tier::Phoenix,
            ),
            (
                "phoenix-agents.tsv",
                "sector\tMIL\tministers|sappers\n",
                Tier::Phoenix,
            ),
            ("sectors.tsv", "sector\tGOV\tministers\n", Tier::Shipped),
        ]);
        // The Phoenix entry with the hand-made id is dropped, and adds no
        // office to the hand-made one.
        let ana = kb.people.iter().find(|p| p.id == "ana").unwrap();
        assert_eq!(ana.offices.len(), 1);
        assert_eq!(ana.offices[0].sector, "GOV");
        // The shared name goes to the hand-made entry alone; the Phoenix
        // entry keeps its other name.
        let p = kb.pattern_of("Ana Petrova").unwrap();
        let index = kb.people.iter().position(|p| p.id == "ana").unwrap();
        assert_eq!(p.targets, vec![Target::Person { index, full: true }]);
        assert!(kb.pattern_of("Ana Ivanova Petrova").is_some());
        // A Phoenix agent word never recodes a hand-made role word.
        let role = |w: &str| {
            kb.roles
                .iter()
                .find(|(x, _)| x == w)
                .map(|(_, c)| c.as_str())
        };
        assert_eq!(role("ministers"), Some("GOV"));
        assert_eq!(role("sappers"), Some("MIL"));
    }
}
