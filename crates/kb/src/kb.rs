//! The loaded knowledge base: entries by kind, and one automaton over
//! every folded name, adjective and role word.

use crate::data::{parse, Record};
use crate::fold::fold_name;
use crate::KbError;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// The data files built into the binary, by name.
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
];

#[derive(Debug, Clone)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub adjectives: Vec<String>,
    pub capital: Option<String>,
    /// The place entry of the capital city, when GeoNames has it.
    pub capital_place: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Org {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub code: String,
    pub sector: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Office {
    pub country: String,
    pub sector: String,
    pub title: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub offices: Vec<Office>,
}

impl Person {
    /// The office held on `date`; without a date, the latest office.
    /// When several are held at once, the one that started last wins.
    pub fn office_on(&self, date: Option<NaiveDate>) -> Option<&Office> {
        match date {
            Some(d) => self
                .offices
                .iter()
                .filter(|o| o.start.is_none_or(|s| s <= d) && o.end.is_none_or(|e| d < e))
                .max_by_key(|o| o.start),
            None => self.offices.iter().max_by_key(|o| o.start),
        }
    }

    /// The last office that ended on or before `date`: what "former"
    /// refers to.
    pub fn office_before(&self, date: Option<NaiveDate>) -> Option<&Office> {
        let d = date?;
        self.offices
            .iter()
            .filter(|o| o.end.is_some_and(|e| e <= d))
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
            .any(|o| o.start.is_none_or(|s| s <= hi) && o.end.is_none_or(|e| lo < e))
    }
}

use chrono::Datelike;

#[derive(Debug, Clone)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: String,
    pub region: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub is_region: bool,
}

/// What a folded name in the automaton stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// One name in the automaton: what it may stand for, and whether it came
/// from the user's file (which beats the shipped data).
#[derive(Debug, Clone)]
pub struct Pattern {
    pub folded: String,
    pub targets: Vec<Target>,
    pub user: bool,
    /// The name as written in the data for its names: its case tells how
    /// a mention must be written ("US" must be in capitals).
    pub written: String,
    /// True when a role word shares this name ("bank", "troops"): the
    /// role may then be written in any case, the names may not.
    pub any_case: bool,
}

#[derive(Debug)]
pub struct Kb {
    pub countries: Vec<Country>,
    pub orgs: Vec<Org>,
    pub people: Vec<Person>,
    pub places: Vec<Place>,
    /// Role words and their sector codes.
    pub roles: Vec<(String, String)>,
    /// Folded place names that are also common words.
    pub ambiguous: HashSet<String>,
    pub patterns: Vec<Pattern>,
    pub automaton: AhoCorasick,
    country_by_code: HashMap<String, usize>,
    by_folded: HashMap<String, usize>,
}

impl Kb {
    /// The shipped knowledge base, loaded once.
    pub fn builtin() -> &'static Kb {
        static KB: std::sync::OnceLock<Kb> = std::sync::OnceLock::new();
        KB.get_or_init(|| Kb::load(&[]).expect("the shipped knowledge base is valid"))
    }

    /// The shipped data plus the user's files, whose entries beat the
    /// shipped ones: an entry with the same id replaces the shipped one,
    /// and a name they share goes to the user's entry.
    pub fn load(extra: &[(&str, &str)]) -> Result<Kb, KbError> {
        let mut records = Vec::new();
        for (name, text) in BUILTIN_FILES {
            records.extend(parse(name, text)?.into_iter().map(|r| (r, false)));
        }
        for (name, text) in extra {
            records.extend(parse(name, text)?.into_iter().map(|r| (r, true)));
        }
        Ok(build(records))
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_by_code.get(code).map(|&i| &self.countries[i])
    }

    /// The pattern of a name, folded first.
    pub fn pattern_of(&self, name: &str) -> Option<&Pattern> {
        self.by_folded
            .get(&fold_name(name))
            .map(|&i| &self.patterns[i])
    }

    pub fn sector_of_role(&self, role: usize) -> &str {
        &self.roles[role].1
    }
}

fn build(records: Vec<(Record, bool)>) -> Kb {
    let mut countries: Vec<Country> = Vec::new();
    let mut orgs: Vec<Org> = Vec::new();
    let mut people: Vec<Person> = Vec::new();
    let mut places: Vec<Place> = Vec::new();
    let mut roles: Vec<(String, String)> = Vec::new();
    let mut ambiguous = HashSet::new();
    let mut user_ids: HashSet<String> = HashSet::new();
    let mut offices: Vec<(String, Office, bool)> = Vec::new();

    // Later records with the same id replace earlier ones: user files are
    // read last.
    fn upsert<T>(list: &mut Vec<T>, item: T, same: impl Fn(&T) -> bool) {
        match list.iter().position(same) {
            Some(i) => list[i] = item,
            None => list.push(item),
        }
    }
    for (record, user) in records {
        match record {
            Record::Country {
                code,
                name,
                aliases,
                adjectives,
                capital,
            } => {
                if user {
                    user_ids.insert(format!("country:{code}"));
                }
                let c = Country {
                    code: code.clone(),
                    name,
                    aliases,
                    adjectives,
                    capital,
                    capital_place: None,
                };
                upsert(&mut countries, c, |x| x.code == code);
            }
            Record::Org {
                id,
                name,
                aliases,
                code,
                sector,
            } => {
                if user {
                    user_ids.insert(format!("org:{id}"));
                }
                let o = Org {
                    id: id.clone(),
                    name,
                    aliases,
                    code,
                    sector,
                };
                upsert(&mut orgs, o, |x| x.id == id);
            }
            Record::Person { id, name, aliases } => {
                if user {
                    user_ids.insert(format!("person:{id}"));
                }
                let p = Person {
                    id: id.clone(),
                    name,
                    aliases,
                    offices: Vec::new(),
                };
                upsert(&mut people, p, |x| x.id == id);
            }
            Record::Office {
                person,
                country,
                sector,
                title,
                start,
                end,
            } => {
                offices.push((
                    person,
                    Office {
                        country,
                        sector,
                        title,
                        start,
                        end,
                    },
                    user,
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
                if user {
                    user_ids.insert(format!("place:{id}"));
                }
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
                // The generated city file has no duplicate ids; looking
                // each one up would make loading quadratic.
                if user || is_region {
                    upsert(&mut places, p, |x| x.id == id);
                } else {
                    places.push(p);
                }
            }
            Record::Sector { code, words } => {
                for w in words {
                    let w = fold_name(&w);
                    roles.retain(|(x, _)| *x != w);
                    roles.push((w, code.clone()));
                }
            }
            Record::Ambiguous { word } => {
                ambiguous.insert(fold_name(&word));
            }
        }
    }
    // A user's offices for a person replace the shipped ones.
    let user_office_people: HashSet<String> = offices
        .iter()
        .filter(|o| o.2)
        .map(|o| o.0.clone())
        .collect();
    for (person, office, user) in offices {
        if !user && user_office_people.contains(&person) {
            continue;
        }
        if let Some(p) = people.iter_mut().find(|p| p.id == person) {
            p.offices.push(office);
        }
    }

    let country_by_code: HashMap<String, usize> = countries
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.clone(), i))
        .collect();
    link_capitals(&mut countries, &places);

    let mut patterns: Vec<Pattern> = Vec::new();
    let mut by_folded: HashMap<String, usize> = HashMap::new();
    let mut add = |name: &str, target: Target, user: bool| {
        let folded = fold_name(name);
        if folded.len() < 2 {
            return;
        }
        let i = *by_folded.entry(folded.clone()).or_insert_with(|| {
            patterns.push(Pattern {
                folded,
                targets: Vec::new(),
                user: false,
                written: name.to_string(),
                any_case: false,
            });
            patterns.len() - 1
        });
        let p = &mut patterns[i];
        if !p.targets.contains(&target) {
            p.targets.push(target);
        }
        if user && !p.user {
            // The user's entry beats shipped entries of the same name.
            p.user = true;
            p.targets.retain(|t| *t == target);
            p.written = name.to_string();
        } else if p.user && !user {
            p.targets.retain(|t| *t != target);
        }
        if matches!(target, Target::Role(_)) {
            p.any_case = true;
        } else if !p.written.chars().any(char::is_uppercase) {
            // The names' written form decides their case, not a role
            // word's that came first.
            p.written = name.to_string();
        }
    };
    let is_user = |kind: &str, id: &str| user_ids.contains(&format!("{kind}:{id}"));
    for (i, c) in countries.iter().enumerate() {
        let user = is_user("country", &c.code);
        add(&c.name, Target::Country(i), user);
        for a in &c.aliases {
            add(a, Target::Country(i), user);
        }
        for a in &c.adjectives {
            add(a, Target::Adjective(i), user);
            // Plural demonyms: "Ukrainians", "Iraqis".
            if a.ends_with("an") || a.ends_with('i') {
                add(&format!("{a}s"), Target::Adjective(i), user);
            }
        }
        if let Some(cap) = &c.capital {
            add(cap, Target::Capital(i), user);
        }
    }
    for (i, o) in orgs.iter().enumerate() {
        let user = is_user("org", &o.id);
        add(&o.name, Target::Org(i), user);
        for a in &o.aliases {
            add(a, Target::Org(i), user);
        }
    }
    for (i, p) in people.iter().enumerate() {
        let user = is_user("person", &p.id);
        add(
            &p.name,
            Target::Person {
                index: i,
                full: true,
            },
            user,
        );
        for a in &p.aliases {
            let full = a.split_whitespace().count() > 1;
            add(a, Target::Person { index: i, full }, user);
        }
    }
    for (i, p) in places.iter().enumerate() {
        let user = is_user("place", &p.id);
        add(&p.name, Target::Place(i), user);
        for a in &p.aliases {
            add(a, Target::Place(i), user);
        }
    }
    for (i, (w, _)) in roles.iter().enumerate() {
        add(w, Target::Role(i), false);
    }
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(patterns.iter().map(|p| p.folded.as_str()))
        .expect("knowledge-base names fit the automaton");
    Kb {
        countries,
        orgs,
        people,
        places,
        roles,
        ambiguous,
        patterns,
        automaton,
        country_by_code,
        by_folded,
    }
}

/// Finds each capital's city among the places. A capital is often its own
/// first-level region (Kyiv, Seoul, Washington D.C.), which tells it from
/// smaller towns of the same name in the same country.
fn link_capitals(countries: &mut [Country], places: &[Place]) {
    let mut by_name: HashMap<(String, String), Vec<usize>> = HashMap::new();
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
