//! Events: verb patterns matched in a sentence, each coded with the
//! actors and recipients of its own clause, its status, date, place and
//! size.

use crate::frame::{Governor, Parse, Role};
use crate::sense::Sense;
use crate::tokens::Token;
use crate::verbs::{Pattern, VerbMatch, Verbs};
use std::borrow::Cow;
use storyline_model::{Claim, Entity, Event, Quantity};

/// Words that open a new clause: a verb's actor and recipient are looked
/// for between the clause openers around it.
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "while", "whereas", "which", "who", "whom", "after", "before", "when", "because",
    "although", "though", "as", "that", "if", "unless", "since", "until", "where", "so",
];

/// Cooperative categories that the PLOVER manual codes as AGREE when they
/// are only announced.
const COOPERATIVE: &[&str] = &["CONSULT", "SUPPORT", "COOPERATE", "AID"];

/// Conflictual categories that are threats when announced or conditional.
const CONFLICTUAL: &[&str] = &["PROTEST", "SANCTION", "COERCE", "ASSAULT"];

/// Categories of physical action whose target, when no one is named, is
/// the place where they happen.
const ACTS_ON_PLACE: &[&str] = &[
    "ASSAULT", "COERCE", "MOBILIZE", "AID", "SANCTION", "RETREAT", "CONCEDE",
];

/// Words that put a sentence at a demonstration.
const PROTEST_WORDS: &[&str] = &[
    "demonstration",
    "demonstrations",
    "protest",
    "protests",
    "rally",
    "rallies",
    "riot",
    "riots",
    "march",
    "marches",
    "demonstrators",
    "protesters",
    "protestors",
    "rioters",
];

/// Words that put a sentence in an election or a vote, where "beat" and
/// "defeat" are won votes, not blows.
const ELECTION_WORDS: &[&str] = &[
    "election",
    "elections",
    "incumbent",
    "vote",
    "votes",
    "voters",
    "ballot",
    "primary",
    "runoff",
    "reelection",
    "re-election",
    "polls",
    "seat",
    "candidate",
    "nomination",
];

/// Verbs whose object does what their infinitive says ("asked Ruritania
/// to withdraw", "forced the rebels to retreat"); after any other verb an
/// infinitive says what the subject does it for.
const OBJECT_CONTROL: &[&str] = &[
    "ask",
    "urge",
    "call",
    "order",
    "force",
    "compel",
    "persuade",
    "convince",
    "encourage",
    "invite",
    "tell",
    "instruct",
    "allow",
    "permit",
    "help",
    "require",
    "press",
    "pressure",
    "push",
    "lobby",
    "appeal",
    "request",
    "direct",
    "command",
    "authorize",
    "authorise",
    "enable",
    "prompt",
    "advise",
    "beg",
    "challenge",
    "oblige",
    "want",
    "expect",
    "need",
    "cause",
    "lead",
    "drive",
    "inspire",
    "get",
    "train",
    "mandate",
    "empower",
    "warn",
];

/// Measures that give an event its size.
pub(crate) const SIZE_MEASURES: &[&str] = &[
    "personnel",
    "dead",
    "injured",
    "casualties",
    "displaced",
    "money",
    "weapons",
    "vehicles",
    "aircraft",
];

/// What the coder knows of the sentence around the tokens.
pub struct SentenceContext<'a> {
    pub chars: &'a [char],
    pub tokens: &'a [Token],
    pub entities: &'a [Entity],
    pub quantities: &'a [Quantity],
    pub claims: &'a [Claim],
    /// Index of the first claim of this sentence in the document's claims.
    pub claims_offset: usize,
    pub sentence_index: usize,
    pub sentence: (usize, usize),
    /// The sentence's own event date and the publication date.
    pub sentence_date: Option<String>,
    pub published: Option<String>,
    /// Time expressions of the sentence: start, end, the date an event
    /// in their scope takes (none for a span no calendar date covers,
    /// such as a decade, or an open one), and the date a range ends on
    /// ("between now and January 20": January 20).
    pub times: Vec<(usize, usize, Option<String>, Option<String>)>,
    /// The document's parse, when the backbone ran: roles are then read
    /// from the tree, not from word windows.
    pub parse: Option<&'a Parse<'a>>,
}

pub fn sentence_events(verbs: &Verbs, cx: &SentenceContext) -> Vec<Event> {
    let tokens = cx.tokens;
    // A sentence about a game is about sport whatever its verbs say
    // ("Russia beat France", "the player was suspended").
    if tokens
        .iter()
        .any(|t| crate::domain::SPORT_WORDS.contains(&t.lower.as_str()))
    {
        return Vec::new();
    }
    let mut matches: Vec<VerbMatch> = match cx.parse {
        Some(p) => verbs.find_linked(tokens, &|first, word| governs(p, tokens, first, word)),
        None => verbs.find(tokens),
    };
    // Longest first, then no overlaps.
    matches.sort_by_key(|m| (std::cmp::Reverse(m.last - m.first), m.first));
    let mut taken: Vec<VerbMatch> = Vec::new();
    for m in matches {
        if !taken.iter().any(|t| t.first <= m.last && m.first <= t.last) {
            taken.push(m);
        }
    }
    // Our dictionary's matches, then verbs it does not know whose frame
    // the CAMEO dictionary codes ("fired tear gas", "hauled out").
    let mut candidates: Vec<(VerbMatch, Cow<Pattern>)> = taken
        .iter()
        .map(|&m| (m, Cow::Borrowed(&verbs.patterns[m.pattern])))
        .collect();
    if let Some(p) = cx.parse {
        candidates.extend(frame_matches(cx, p, &taken));
    }
    candidates.sort_by_key(|(m, _)| m.first);

    let found = Found {
        // Where each dictionary match stands: a subject that is one names
        // a happening, not a party.
        triggers: candidates
            .iter()
            .map(|(m, _)| (tokens[m.first].start, tokens[m.last].end))
            .collect(),
        // Each entity's head word in the parse, once for the sentence; a
        // dateline's place takes no part in what the sentence tells.
        heads: match cx.parse {
            Some(p) => cx
                .entities
                .iter()
                .map(|e| p.entity_head(e).filter(|_| !is_dateline(cx, e)))
                .collect(),
            None => Vec::new(),
        },
    };
    let mut out: Vec<Event> = Vec::new();
    for (m, pattern) in candidates {
        let pattern = pattern.as_ref();
        // A pattern word inside a person's or body's name is not a verb
        // ("Defence Forces", "Peace Council").
        let (vs, ve) = (tokens[m.first].start, tokens[m.last].end);
        if cx
            .entities
            .iter()
            .any(|e| e.start <= vs && ve <= e.end && e.code.is_some())
        {
            continue;
        }
        if m.first > 0
            && tokens[m.first]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !at_clause_start(tokens, m.first)
        {
            continue;
        }
        let (c0, c1) = clause(cx, m.first, m.last);
        let parsed = cx
            .parse
            .map(|p| parsed_roles(cx, p, m, pattern, c0, &out, &found));
        let (mut actors, recipients, place, status) = match parsed {
            Some(Parsed::NotAnEvent) => continue,
            Some(Parsed::Roles(r)) => (r.actors, r.recipients, r.location, r.status),
            None | Some(Parsed::Unknown) => {
                let (a, r) = window_roles(cx, m, c0, c1, &out);
                (a, r, None, status(tokens, c0, m.first))
            }
        };
        // A condition or an estimate ("if no deal is reached", "is
        // unlikely to agree") tells of no event.
        if status == "conditional" {
            continue;
        }
        let size = size_of(cx, c0, c1);
        let mut category = pattern.category.clone();
        let mut mode = pattern.mode.clone();
        let rule = pattern.source.clone();
        let mut status = status.to_string();
        let reported_in = cx.claims.iter().position(|c| c.start <= vs && ve <= c.end);
        let before: Vec<&str> = tokens[c0..m.first]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        // Troops that travel, arrive or are hosted are moving, not
        // visiting: a visit by a military actor is MOBILIZE.
        let military = !actors.is_empty()
            && actors
                .iter()
                .all(|&a| cx.entities[a].sector.as_deref() == Some("MIL"));
        if category == "CONSULT" && mode.as_deref() == Some("visit") && military {
            category = "MOBILIZE".into();
            mode = Some("troops".into());
        }
        // Civilians or protesters who throw stones or fight police at a
        // demonstration are rioting, which PLOVER codes as PROTEST (riot),
        // not as an assault by a party.
        let crowd = !actors.is_empty()
            && actors
                .iter()
                .all(|&a| matches!(sector_of(&cx.entities[a]), Some("CVL" | "OPP")));
        if category == "ASSAULT"
            && crowd
            && tokens
                .iter()
                .any(|t| PROTEST_WORDS.contains(&t.lower.as_str()))
        {
            category = "PROTEST".into();
            mode = Some("riot".into());
        }
        // A state or its forces that block a crossing or blockade a port
        // restrict movement (CAMEO 191, COERCE), where crowds that block a
        // road protest. A person is neither: the parse may give a crowd's
        // leader for the crowd ("supporters of the former president").
        let state = !actors.is_empty()
            && actors.iter().all(|&a| {
                let e = &cx.entities[a];
                e.kind == "country"
                    || e.kind != "person"
                        && matches!(sector_of(e), Some("GOV" | "MIL" | "COP" | "LEG" | "JUD"))
            });
        if category == "PROTEST" && mode.as_deref() == Some("obstruct") && state {
            category = "COERCE".into();
            mode = Some("restrict".into());
        }
        // "Democrats beat the incumbent governor": a defeat at the polls.
        let word = tokens[m.first].lower.as_str();
        if category == "ASSAULT"
            && matches!(word, "beat" | "beaten" | "beating" | "defeat" | "defeated")
            && tokens
                .iter()
                .any(|t| ELECTION_WORDS.contains(&t.lower.as_str()))
        {
            continue;
        }
        let cat = category.as_str();
        let mut demanded_of: Option<Vec<usize>> = None;
        // An intention held out ("would boycott", "vowed to fight") or an
        // action made to depend on a condition that follows ("will boycott
        // ... unless"): what a threat is.
        let intent = before.iter().any(|w| {
            matches!(
                *w,
                "would"
                    | "vow"
                    | "vows"
                    | "vowed"
                    | "swear"
                    | "swore"
                    | "sworn"
                    | "pledged"
                    | "threaten"
                    | "threatens"
                    | "threatened"
                    | "threatening"
            )
        });
        let conditional_after = tokens[m.last + 1..]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "unless" | "if"));
        // A withdrawal announced unless the other side acts ("will pull
        // its troops out unless a ceasefire is agreed") is held over it:
        // a threat. With "if" it may as well be a promise.
        let unless_after = tokens[m.last + 1..].iter().any(|t| t.lower == "unless");
        // A promise to free or hand back ("will release the hostages on
        // the weekend") is agreed, not yet done: AGREE, as the manual codes
        // announced cooperation.
        let verb_text: String = cx.chars[vs..ve].iter().collect::<String>().to_lowercase();
        let hands_back = ["releas", "free", "hand", "return"]
            .iter()
            .any(|w| verb_text.starts_with(w));
        if status == "future" && cat == "RETREAT" && hands_back {
            category = "AGREE".into();
        } else if status == "future" && COOPERATIVE.contains(&cat) {
            // A specific announced action keeps its category (the
            // manual's note); a general intention is AGREE.
            if size.is_some() {
                status = "announced".into();
            } else {
                category = "AGREE".into();
            }
        } else if (CONFLICTUAL.contains(&cat)
            && (status == "hypothetical" || intent || conditional_after))
            || (cat == "RETREAT" && status == "future" && unless_after)
        {
            // Conflict made conditional ("unless", "could") or held out
            // as an intention ("said they would boycott") is a threat;
            // one announced as decided ("will impose sanctions") keeps its
            // category with the status future.
            category = "THREATEN".into();
        } else if status == "negated"
            && !before
                .iter()
                .any(|w| matches!(*w, "will" | "would" | "shall" | "could" | "might" | "may"))
            && (cat == "AGREE" || COOPERATIVE.contains(&cat) || cat == "CONCEDE")
        {
            // "failed to reach agreement", "did not agree": the refusal
            // is what happened. With a modal ("will not provide", "could
            // not agree") the action stays negated, not a refusal made.
            category = "REJECT".into();
            status = "happened".into();
        } else if reported_in.is_some() && before.iter().any(|w| matches!(*w, "must" | "should")) {
            // What someone says another "must" do is a demand: the
            // speaker's, made of the one who must act ("Russia said Sudan
            // must return the helicopter": Russia asks Sudan).
            category = "REQUEST".into();
            demanded_of = demand_by_speaker(cx, reported_in, &mut actors);
        }
        // What may or may not happen ("could agree", "might meet") is no
        // event; a conflict held out that way was made a threat above.
        if status == "hypothetical" && category != "THREATEN" {
            continue;
        }
        // What the writer, or a poll, says someone "should" or "must" do
        // ("he should be removed from office") is an opinion, not an
        // event; said by someone, it was made their demand above.
        if category != "REQUEST"
            && category != "THREATEN"
            && before
                .iter()
                .any(|w| matches!(*w, "must" | "should" | "ought"))
        {
            continue;
        }
        let location = match place {
            Some(i) => Some((i, &cx.entities[i])),
            None => cx.entities.iter().enumerate().find(|(_, e)| {
                e.kind == "place"
                    && e.start >= tokens[c0].start
                    && e.end <= tokens[c1 - 1].end
                    && !is_dateline(cx, e)
            }),
        };
        // A physical action done in a place, with no one else named as its
        // target ("imposed a curfew in Cizre", "deployed troops in
        // Freedonia"), is done to that place's country, as PLOVER coders
        // record it.
        let mut recipients = demanded_of.unwrap_or(recipients);
        if recipients.is_empty() && ACTS_ON_PLACE.contains(&category.as_str()) {
            if let Some(i) = place.filter(|&i| cx.entities[i].code.is_some()) {
                recipients.push(i);
            }
        }
        // Two or more parties acting together ("Hungary and Romania
        // agreed", "Israelis and Palestinians failed to agree") act among
        // themselves: one of them named again in what they act on
        // ("Romanian refugees", "Palestinian offices") is not a recipient.
        let country = |i: usize| {
            cx.entities[i]
                .code
                .as_deref()
                .and_then(|c| c.split(' ').next())
        };
        let actor_countries: Vec<&str> = actors.iter().filter_map(|&a| country(a)).collect();
        if actor_countries.iter().any(|c| *c != actor_countries[0]) {
            recipients.retain(|&r| country(r).is_none_or(|c| !actor_countries.contains(&c)));
        }
        // Companies dealing with companies, or acting alone ("the airline
        // finalised the order", "investors welcomed the cut"), do business,
        // not politics; a company acting on a country or a government
        // ("cut gas supplies to Ukraine") stays an event.
        let business = |ids: &[usize]| {
            ids.iter()
                .all(|&i| sector_of(&cx.entities[i]) == Some("BUS"))
        };
        if !actors.is_empty() && business(&actors) && business(&recipients) {
            continue;
        }
        let claim = cx.claims.iter().position(|c| c.start <= vs && ve <= c.end);
        let reported_in = claim.map(|i| i + cx.claims_offset);
        let (t0, t1) = (tokens[c0].start, tokens[c1 - 1].end);
        // "on May 3, when the new mayor is sworn in", "in 2014, when the
        // treaty took effect": a clause opened by "when" after a comma happens
        // at the date just before the comma (the end of a range).
        let in_clause =
            time_in(cx, t0, t1).or_else(|| when_clause_date(tokens, c0, &cx.times).map(Some));
        let announced_on = claim
            .filter(|_| matches!(status.as_str(), "future" | "announced"))
            .and_then(|i| cx.claims[i].said_on.clone());
        let (date, date_from) = dated(cx, in_clause, announced_on);
        // A date from the text after the publication date puts what the
        // tense called done in the future (a mayor who "takes office" on
        // May 3, in an article of April).
        if status == "happened" && date_from.as_deref() == Some("clause") {
            if let (Some(d), Some(p)) = (&date, &cx.published) {
                if d.as_str() > p.as_str() && !p.starts_with(d.as_str()) {
                    status = "future".into();
                }
            }
        }
        // A body the knowledge base does not know, whose name is not a
        // public body's, acting alone or on parties no one can place, is
        // most often a company doing business ("Digital Intuition provides
        // personalisation", "the startup offered a discount"); a person
        // with no office nor country doing so is a private person
        // ("Brooke offered her spot to Van Der Beek").
        // A role the text gives ("CEO", "chief product officer") places no
        // one in public life; a public title ("Gov.", "Senator"), which
        // gives a sector, does.
        let unplaced = |ids: &[usize]| {
            ids.iter().all(|&i| {
                let e = &cx.entities[i];
                e.code.is_none() && !(e.kind == "person" && e.sector.is_some())
            })
        };
        // People named only as people ("people rarely talk about it",
        // "how many people visited my profile") are no party either, but
        // a crowd that takes to the street is: protests and violence by
        // unnamed people stay events.
        let street = matches!(
            category.as_str(),
            "PROTEST" | "ASSAULT" | "COERCE" | "MOBILIZE"
        );
        let unknown_body = |i: &usize| {
            let e = &cx.entities[*i];
            (e.kind == "org" && !names_a_public_body(&e.text))
                || e.kind == "person"
                || (e.rule == "group:unnamed" && !street && names_the_public(&e.text))
        };
        if !actors.is_empty()
            && actors.iter().all(unknown_body)
            && unplaced(&actors)
            && unplaced(&recipients)
        {
            continue;
        }
        // No one acts, and what is acted on is no person and no party the
        // knowledge base or a title places ("charging an iPhone", "offered
        // repairs for all MacBooks"): things, not parties.
        if actors.is_empty()
            && recipients.iter().all(|&r| {
                let e = &cx.entities[r];
                e.kind != "person" && e.code.is_none() && e.sector.is_none()
            })
            && !ACTS_ON_PLACE.contains(&category.as_str())
        {
            continue;
        }
        out.push(Event {
            category,
            mode,
            context: crate::contexts::Contexts::builtin().of(&tokens[c0..c1]),
            actors: codes_of(cx, &actors, location.map(|(i, _)| i)),
            recipients: codes_of(cx, &recipients, location.map(|(i, _)| i)),
            actor_entities: actors,
            recipient_entities: recipients,
            date,
            date_from,
            status,
            location: location.map(|(_, e)| e.name.clone().unwrap_or_else(|| e.text.clone())),
            location_entity: location.map(|(i, _)| i),
            size: size.map(|q| cx.quantities[q].text.clone()),
            size_quantity: size,
            sentence: cx.chars[cx.sentence.0..cx.sentence.1].iter().collect(),
            sentence_index: cx.sentence_index,
            verb: cx.chars[vs..ve].iter().collect(),
            start: vs,
            end: ve,
            reported_in,
            reported_by: claim.and_then(|i| cx.claims[i].speaker.clone()),
            rule,
        });
    }
    if let Some(p) = cx.parse {
        let demands = modal_demands(cx, p, &out);
        out.extend(demands);
    }
    out
}

/// An entity's sector: its own, else the second part of its actor code
/// ("RUS BUS").
fn sector_of(e: &Entity) -> Option<&str> {
    e.sector
        .as_deref()
        .or_else(|| e.code.as_deref().and_then(|c| c.split(' ').nth(1)))
}

/// The actor codes of entities, each once: two names of one country
/// ("Vladivostok, Russia") are one party.
///
/// A person named under an organisation's title ("U.N. mediator Diego
/// Cordovez", "NATO chief X") acts for the organisation: its code, not
/// the person's own country's.
///
/// A group or body with no country of its own ("people blocked streets in
/// Hong Kong", "a facility in central Iran") is of the country where the
/// event takes place, as PLOVER coders record unnamed local parties. A
/// person is not: a named visitor may be from anywhere.
fn codes_of(cx: &SentenceContext, ids: &[usize], location: Option<usize>) -> Vec<String> {
    let place_country = location
        .and_then(|l| cx.entities[l].code.as_deref())
        .and_then(|c| c.split(' ').next())
        .filter(|c| c.len() == 3 && !matches!(*c, "IGO" | "NGO" | "MED" | "BUS"));
    let mut out: Vec<String> = Vec::new();
    for &i in ids {
        let e = &cx.entities[i];
        let local = || {
            matches!(e.kind.as_str(), "group" | "org")
                .then_some(place_country)
                .flatten()
                .map(|c| match sector_of(e) {
                    Some(s) => format!("{c} {s}"),
                    None => c.to_string(),
                })
        };
        let code = titled_by_organisation(cx, i)
            .and_then(|o| cx.entities[o].code.clone())
            .or_else(|| e.code.clone())
            .or_else(local);
        if let Some(c) = code.filter(|c| !out.contains(c)) {
            out.push(c);
        }
    }
    out
}

/// The organisation whose title a person's name follows: an entity of an
/// international or non-governmental body ending one to three lower-case
/// words before the name ("U.N. mediator", "WHO regional director").
fn titled_by_organisation(cx: &SentenceContext, person: usize) -> Option<usize> {
    let p = &cx.entities[person];
    if p.kind != "person" {
        return None;
    }
    cx.entities.iter().position(|o| {
        o.kind == "org"
            && o.end <= p.start
            && o.code
                .as_deref()
                .is_some_and(|c| c.starts_with("IGO") || c.starts_with("NGO"))
            && {
                let gap: String = cx.chars[o.end..p.start].iter().collect();
                let words: Vec<&str> = gap.split_whitespace().collect();
                (1..=3).contains(&words.len())
                    && words.iter().all(|w| {
                        w.chars().all(|c| c.is_alphabetic() || c == '-')
                            && w.chars().next().is_some_and(char::is_lowercase)
                    })
            }
    })
}

/// Demands voiced as what another "must" or "should" do, whatever the
/// verb ("the Red Cross said the forces must ensure security"): a REQUEST
/// by the claim's speaker of the verb's subject. Both must be parties
/// with actor codes, and different ones ("the senator said Congress must
/// act" is a view on one's own side, not a demand between parties); a
/// verb already coded is left to its own event, which the rule in
/// `sentence_events` turns into a demand.
fn modal_demands(cx: &SentenceContext, p: &Parse, coded: &[Event]) -> Vec<Event> {
    let mut out = Vec::new();
    for (k, claim) in cx.claims.iter().enumerate() {
        let Some(speaker) = claim.speaker_entity.filter(|&s| {
            cx.entities
                .get(s)
                .is_some_and(|e| e.code.is_some() && !is_dateline(cx, e))
        }) else {
            continue;
        };
        let speaker_code = cx.entities[speaker].code.clone();
        for m in p.tokens_in(claim.start, claim.end) {
            let modal = &p.tokens[m];
            if modal.dep != "aux"
                || !matches!(modal.lemma.to_lowercase().as_str(), "must" | "should")
            {
                continue;
            }
            let verb = modal.head;
            if verb == m || verb >= p.tokens.len() || !p.is_verb(verb) {
                continue;
            }
            let (vs, ve) = (p.tokens[verb].start, p.tokens[verb].end);
            if coded
                .iter()
                .chain(&out)
                .any(|e| e.start <= vs && ve <= e.end)
                || p.dependents(verb).iter().any(|&d| p.tokens[d].dep == "neg")
            {
                continue;
            }
            let Some(subject) = p.subject(verb) else {
                continue;
            };
            // The subject, the words coordinated with it and the names
            // that modify it ("US and British forces": "US" hangs on
            // "forces"), not what a preposition adds ("forces in Iraq").
            let mut heads = vec![subject];
            let mut i = 0;
            while i < heads.len() {
                let joined = p.dependents(heads[i]).iter().copied().filter(|&d| {
                    matches!(
                        p.tokens[d].dep.as_str(),
                        "conj" | "nmod" | "compound" | "amod"
                    )
                });
                heads.extend(joined.collect::<Vec<_>>());
                i += 1;
            }
            let recipients: Vec<usize> = cx
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.code.is_some() && e.code != speaker_code)
                // A word of the name, not only its phrase head: a name
                // parsed as two phrases ("British" hung on a neighbour)
                // still stands for the subject it contains.
                .filter(|(_, e)| p.tokens_in(e.start, e.end).any(|t| heads.contains(&t)))
                .map(|(i, _)| i)
                .collect();
            if recipients.is_empty() {
                continue;
            }
            let (date, date_from) = dated(cx, None, claim.said_on.clone());
            out.push(Event {
                category: "REQUEST".into(),
                mode: None,
                context: Vec::new(),
                actors: codes_of(cx, &[speaker], None),
                recipients: codes_of(cx, &recipients, None),
                actor_entities: vec![speaker],
                recipient_entities: recipients,
                date,
                date_from,
                status: "happened".into(),
                location: None,
                location_entity: None,
                size: None,
                size_quantity: None,
                sentence: cx.chars[cx.sentence.0..cx.sentence.1].iter().collect(),
                sentence_index: cx.sentence_index,
                verb: cx.chars[vs..ve].iter().collect(),
                start: vs,
                end: ve,
                reported_in: Some(k + cx.claims_offset),
                reported_by: claim.speaker.clone(),
                rule: format!(
                    "demand: {} {}",
                    modal.lemma.to_lowercase(),
                    p.tokens[verb].lemma
                ),
            });
        }
    }
    out
}

/// When the claim an event is reported in has a speaker with an actor
/// code who is not among the event's actors, the speaker becomes the
/// actor and the former actors are returned as the recipients: a demand
/// is made by whoever voices it. `None` leaves the roles as they are.
fn demand_by_speaker(
    cx: &SentenceContext,
    claim: Option<usize>,
    actors: &mut Vec<usize>,
) -> Option<Vec<usize>> {
    let speaker = cx.claims.get(claim?)?.speaker_entity?;
    let code = cx.entities.get(speaker)?.code.as_ref()?;
    let same = |&a: &usize| cx.entities[a].code.as_ref() == Some(code);
    if actors.contains(&speaker) || actors.iter().any(same) {
        return None;
    }
    Some(std::mem::replace(actors, vec![speaker]))
}

/// Verbs of the sentence outside every dictionary match whose frame the
/// CAMEO dictionary codes as an event, as one-word patterns of that
/// category.
/// Whether the word token `first` governs the word token `word` within two
/// arcs of the parse: a verb its object's determiner, or "to" in its
/// clausal complement ("ordered the newspaper to suspend").
fn governs(p: &Parse, tokens: &[Token], first: usize, word: usize) -> bool {
    let index = |k: usize| {
        let t = &tokens[k];
        let r = p.tokens_in(t.start, t.end);
        (r.start < r.end).then_some(r.start)
    };
    let (Some(head), Some(mut at)) = (index(first), index(word)) else {
        return false;
    };
    for _ in 0..2 {
        let up = p.tokens[at].head;
        if up == head {
            return true;
        }
        if up == at {
            return false;
        }
        at = up;
    }
    false
}

fn frame_matches(
    cx: &SentenceContext,
    p: &Parse,
    taken: &[VerbMatch],
) -> Vec<(VerbMatch, Cow<'static, Pattern>)> {
    let tokens = cx.tokens;
    let mut out = Vec::new();
    for v in p.tokens_in(cx.sentence.0, cx.sentence.1) {
        if !p.is_verb(v) {
            continue;
        }
        let Some(k) = tokens.iter().position(|t| t.start == p.tokens[v].start) else {
            continue;
        };
        if taken.iter().any(|m| m.first <= k && k <= m.last) {
            continue;
        }
        if let Some(Sense::Event {
            category,
            mode,
            rule,
        }) = crate::sense::of_verb(p, v)
        {
            let pattern = Pattern {
                category: category.to_string(),
                mode: mode.map(str::to_string),
                source: rule,
                rest: Vec::new(),
                literal: false,
                objects: None,
            };
            let m = VerbMatch {
                pattern: usize::MAX,
                first: k,
                last: k,
            };
            out.push((m, Cow::Owned(pattern)));
        }
    }
    out
}

/// Prepositions that bring in the one acted on, whatever the pattern says
/// ("sanctions on", "fought against", "talks with", "aid to").
const RECIPIENT_PREPOSITIONS: &[&str] = &[
    "against", "on", "to", "with", "toward", "towards", "into", "for", "from", "over", "upon",
];

/// Prepositions whose objects all take part ("talks between", "a deal
/// among").
const PARTY_PREPOSITIONS: &[&str] = &["between", "among", "amongst"];

/// What every match of a sentence is read against: the character spans
/// of the sentence's triggers and each entity's head word in the parse.
struct Found {
    triggers: Vec<(usize, usize)>,
    heads: Vec<Option<usize>>,
}

/// What the parse says of a dictionary match.
enum Parsed {
    /// The word is not used as the pattern means ("panic attacks", "the
    /// attack surface") or nothing political acts in it ("an earthquake
    /// struck").
    NotAnEvent,
    /// The trigger's word could not be found among the parsed tokens.
    Unknown,
    Roles(Roles),
}

struct Roles {
    actors: Vec<usize>,
    recipients: Vec<usize>,
    location: Option<usize>,
    status: &'static str,
}

/// Whether the verb's object (its direct object, or the subject of a
/// passive) is one the pattern names: a lemma of the list, or for `@party`
/// a person, body, country or group, named or a pronoun. A list that
/// starts with `?` also allows no object at all.
fn object_fits(cx: &SentenceContext, p: &Parse, verb: usize, objects: &[String]) -> bool {
    let passive = p.is_passive(verb);
    let object = p.dependents(verb).iter().copied().find(|&c| {
        let dep = p.tokens[c].dep.as_str();
        if passive {
            dep == "nsubjpass"
        } else {
            matches!(dep, "dobj" | "dative")
        }
    });
    // "?words": an object, if there is one, must be one of them ("fought
    // the rebels", "fought in the south"; not "fought the ruling").
    let optional = objects.first().is_some_and(|w| w.starts_with('?'));
    let Some(o) = object else { return optional };
    let objects: Vec<String> = objects
        .iter()
        .map(|w| w.trim_start_matches('?').to_string())
        .collect();
    // "50 tonnes of rice", "$20 million in aid", "a shipment of arms":
    // what is measured is the object.
    let measured = || {
        p.dependents(o).iter().find_map(|&c| {
            let prep = &p.tokens[c];
            (prep.dep == "prep" && matches!(prep.lemma.to_lowercase().as_str(), "of" | "in"))
                .then(|| {
                    p.dependents(c)
                        .iter()
                        .copied()
                        .find(|&g| p.tokens[g].dep == "pobj")
                })
                .flatten()
        })
    };
    let o = if is_measure(&p.tokens[o]) {
        measured().unwrap_or(o)
    } else {
        o
    };
    let t = &p.tokens[o];
    let lemma = t.lemma.to_lowercase();
    if objects.contains(&lemma) {
        return true;
    }
    objects.iter().any(|w| w == "@party")
        && (t.pos == "PRON"
            || PERSON_NOUNS.contains(&lemma.as_str())
            || cx
                .entities
                .iter()
                .any(|e| e.start <= t.start && t.end <= e.end && can_act(e)))
}

/// Verbs of giving, whose object says whether anything is given.
const GIVING: &[&str] = &["provide", "deliver", "offer", "give", "extend", "send"];

/// What "provide", "offer", "deliver" and the like take when they give
/// nothing: a chance, a view, a word, a service.
const NOTHING_GIVEN: &[&str] = &[
    "opportunity",
    "chance",
    "reminder",
    "glimpse",
    "look",
    "view",
    "insight",
    "example",
    "platform",
    "experience",
    "service",
    "feature",
    "update",
    "performance",
    "option",
    "way",
    "speech",
    "address",
    "lecture",
    "verdict",
    "result",
    "explanation",
    "answer",
    "reply",
    "response",
    "comment",
    "discount",
    "price",
    "product",
    "subscription",
    "trial",
    "feedback",
    "overview",
    "summary",
    "context",
    "perspective",
    "detail",
    "clue",
    "hint",
    "boost",
    "twist",
];

/// True when a verb of giving has an object that is no good given
/// ("provides an opportunity", "offered an explanation").
fn gives_nothing(p: &Parse, trigger: usize) -> bool {
    GIVING.contains(&p.tokens[trigger].lemma.as_str())
        && p.dependents(trigger).iter().any(|&c| {
            let t = &p.tokens[c];
            (t.dep == "dobj" || (t.dep == "nsubjpass" && p.is_passive(trigger)))
                && NOTHING_GIVEN.contains(&t.lemma.to_lowercase().as_str())
        })
}

/// A noun or number that measures what follows it ("tonnes of", "$20
/// million in", "a shipment of").
fn is_measure(t: &storyline_model::Token) -> bool {
    t.pos == "NUM"
        || t.tag == "$"
        || matches!(
            t.lemma.to_lowercase().as_str(),
            "tonne"
                | "ton"
                | "unit"
                | "dose"
                | "barrel"
                | "litre"
                | "liter"
                | "gallon"
                | "kilogram"
                | "kg"
                | "pound"
                | "package"
                | "shipment"
                | "batch"
                | "consignment"
                | "load"
                | "worth"
                | "amount"
                | "lot"
                | "million"
                | "billion"
                | "thousand"
                | "hundred"
                | "round"
                | "tranche"
                | "crate"
                | "box"
                | "truckload"
                | "convoy"
        )
}

/// Nouns for people unnamed ("charged the former mayor", "arrested two
/// teenagers"): a party for the verbs whose object must be one.
const PERSON_NOUNS: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "teenager",
    "youth",
    "person",
    "people",
    "suspect",
    "driver",
    "official",
    "mayor",
    "minister",
    "governor",
    "senator",
    "lawmaker",
    "leader",
    "activist",
    "journalist",
    "reporter",
    "protester",
    "demonstrator",
    "student",
    "worker",
    "officer",
    "soldier",
    "lawyer",
    "doctor",
    "nurse",
    "priest",
    "member",
    "executive",
    "director",
    "candidate",
    "councillor",
    "councilor",
    "judge",
    "politician",
    "businessman",
    "businesswoman",
    "resident",
    "citizen",
    "migrant",
    "refugee",
    "foreigner",
    "national",
    "spokesman",
    "spokeswoman",
    "employee",
    "aide",
    "adviser",
    "advisor",
    "commander",
    "chief",
    "ex-president",
];

/// A dateline's place or agency ("MAPUTO - Cyclone Teodora tore into
/// ...", "SAN FRANCISCO (AP) - ..."): where and by whom the story was
/// filed, which the parse may take for a subject. A dateline opens the
/// sentence with a word in capitals and ends at the first dash.
pub(crate) fn is_dateline(cx: &SentenceContext, e: &Entity) -> bool {
    let start = cx.sentence.0;
    let head: String = cx.chars[start..cx.sentence.1.min(start + 60)]
        .iter()
        .collect();
    let Some(dash) = head
        .char_indices()
        .find(|&(_, c)| matches!(c, '-' | '\u{2013}' | '\u{2014}'))
        .map(|(b, _)| head[..b].chars().count())
    else {
        return false;
    };
    let first_word: String = head.chars().take_while(|c| !c.is_whitespace()).collect();
    let letters = || first_word.chars().filter(|c| c.is_alphabetic());
    let capitals = letters().count() > 1 && letters().all(char::is_uppercase);
    // A dash inside a word ("nine-storey") is no dateline's end.
    let spaced = head
        .chars()
        .nth(dash.saturating_sub(1))
        .is_some_and(char::is_whitespace)
        || head.chars().nth(dash + 1).is_some_and(char::is_whitespace);
    // A dateline in title case ("Indianapolis – Teachers marched") is a
    // place alone before the dash: the entity opens the sentence and at
    // most a few words (its state, its country, an agency) follow it.
    let before_dash: String = head.chars().take(dash).collect();
    let short = before_dash.split_whitespace().count() <= 4
        && !before_dash
            .chars()
            .any(|c| matches!(c, '.' | '"' | '\u{201C}'));
    let place_first = matches!(e.kind.as_str(), "place" | "country") && e.start == start;
    (capitals || short && place_first) && spaced && e.end <= start + dash
}

/// Entities that can take part in an event: people, bodies, countries,
/// groups and places that stand for their governments; a country inside a
/// person's title is part of the title.
fn can_act(e: &Entity) -> bool {
    e.rule != "title" && (e.code.is_some() || matches!(e.kind.as_str(), "person" | "org" | "group"))
}

/// Actor, recipient and place of a dictionary match read from the parse.
/// True when a warning foretells a condition rather than an action:
/// "warned that food stocks would run out" is no threat, while "warned
/// that it would retaliate", "warned that the deployment demanded a firm
/// response" and "warned Russia against" are. The clause after "warn" has
/// a subject that is neither a pronoun nor anyone who could act, and no
/// object.
fn warns_of_a_condition(
    cx: &SentenceContext,
    p: &Parse,
    trigger: usize,
    heads: &[Option<usize>],
) -> bool {
    if p.tokens[trigger].lemma != "warn" {
        return false;
    }
    let Some(&clause) = p
        .dependents(trigger)
        .iter()
        .find(|&&c| p.tokens[c].dep == "ccomp")
    else {
        return false;
    };
    let Some(&subject) = p
        .dependents(clause)
        .iter()
        .find(|&&c| matches!(p.tokens[c].dep.as_str(), "nsubj" | "nsubjpass" | "expl"))
    else {
        return false;
    };
    let actor = heads
        .iter()
        .zip(cx.entities)
        .any(|(h, e)| *h == Some(subject) && can_act(e));
    // A clause whose verb acts on something ("the deployment demanded a
    // firm response") announces consequences, which is what a threat
    // holds out; one that only says what will happen ("food stocks would
    // run out", "prices will rise") does not.
    let acts_on_something = p
        .dependents(clause)
        .iter()
        .any(|&c| matches!(p.tokens[c].dep.as_str(), "dobj" | "dative"));
    p.tokens[subject].pos != "PRON" && !actor && !acts_on_something
}

/// True when a verb stands as an adjective ("wounded soldiers") or,
/// after a determiner, as a noun in a nominal role ("the injured more
/// than 200", "the displaced are").
fn used_as_nominal(p: &Parse, verb: usize) -> bool {
    let t = &p.tokens[verb];
    let with_determiner = p
        .dependents(verb)
        .iter()
        .any(|&c| p.tokens[c].dep == "det" && c < verb);
    t.dep == "amod"
        || (with_determiner
            && matches!(
                t.dep.as_str(),
                "nsubj" | "nsubjpass" | "dobj" | "pobj" | "conj" | "appos"
            ))
}

fn parsed_roles(
    cx: &SentenceContext,
    p: &Parse,
    m: VerbMatch,
    pattern: &Pattern,
    c0: usize,
    earlier: &[Event],
    found: &Found,
) -> Parsed {
    let (heads, triggers) = (&found.heads[..], &found.triggers[..]);
    let words = p.tokens_in(cx.tokens[m.first].start, cx.tokens[m.last].end);
    if words.is_empty() || p.tokens[words.start].start != cx.tokens[m.first].start {
        return Parsed::Unknown;
    }
    // A verb pattern is read on its verb ("accept" in "will not accept"),
    // or on the "be" that heads a copular one ("be willing to"). A noun
    // pattern, or a one-word verb pattern met as a noun ("its demand",
    // "the attack"), is read on the noun; a noun that only modifies
    // another names a kind of thing ("attack surface", "strike price").
    // The pattern's verb is one of its own words ("accept" in "will not
    // accept"): a verb in a gap of the pattern ("order * to" over "the
    // order had been revised to") heads a different clause.
    let own_word = |i: usize| {
        let w = p.tokens[i].text.to_lowercase();
        i == words.start || pattern.rest.iter().flatten().flatten().any(|r| *r == w)
    };
    let verb = (!pattern.literal)
        .then(|| words.clone().find(|&i| p.is_verb(i) && own_word(i)))
        .flatten();
    let head = p.head_of(words.clone());
    let copula = head.filter(|&h| !pattern.literal && p.tokens[h].lemma == "be");
    let noun = head.filter(|&h| {
        (pattern.literal || words.len() == 1)
            && p.is_noun(h)
            && (p.tokens[h].dep != "compound" || under_light_noun(p, h))
    });
    let (trigger, is_noun) = match (verb.or(copula), noun) {
        (Some(v), _) => (v, false),
        // "a mediation effort between Ruritania and Freedonia": the
        // effort carries the happening's arguments.
        (None, Some(n)) if under_light_noun(p, n) => (p.tokens[n].head, true),
        (None, Some(n)) => (n, true),
        (None, None) => return Parsed::NotAnEvent,
    };
    // "provided they worked with NASA", "given the risks", "following
    // the talks": a verb form used as a preposition or a conjunction.
    if !is_noun
        && (matches!(p.tokens[trigger].dep.as_str(), "prep" | "mark")
            || p.is_conjunction_of_condition(trigger))
    {
        return Parsed::NotAnEvent;
    }
    // "did not respond to a request for comment": a reporter's question,
    // not a demand.
    if asks_for_comment(p, trigger) || asks_a_question(p, trigger) {
        return Parsed::NotAnEvent;
    }
    // "It is called Plan B", "everyone called him Mike": a name given,
    // not a call made.
    if p.tokens[trigger].lemma == "call"
        && p.dependents(trigger)
            .iter()
            .any(|&c| matches!(p.tokens[c].dep.as_str(), "oprd" | "attr"))
    {
        return Parsed::NotAnEvent;
    }
    // "provides an opportunity", "offers a reminder", "delivered a
    // speech": what is given is no good, so nothing is given.
    if !is_noun && gives_nothing(p, trigger) {
        return Parsed::NotAnEvent;
    }
    // "asked Ukraine to investigate", "urged the rebels to withdraw":
    // what someone is asked to do has not happened; the asking is the
    // event.
    if !is_noun && asked_of_another(p, trigger) {
        return Parsed::NotAnEvent;
    }
    // "any efforts to urge", "no attempt to seize": what a noun no one in
    // particular owns would do is no happening.
    if !is_noun && describes_any_such(p, trigger) {
        return Parsed::NotAnEvent;
    }
    // A participle used as an adjective or a noun names people or a state,
    // not a happening with an actor: "the injured", "wounded soldiers",
    // "the displaced are". An accusation stays one ("the alleged fraud"
    // reports that someone alleges it).
    if !is_noun && pattern.category != "ACCUSE" && used_as_nominal(p, trigger) {
        return Parsed::NotAnEvent;
    }
    if pattern.category == "THREATEN" && warns_of_a_condition(cx, p, trigger, heads) {
        return Parsed::NotAnEvent;
    }
    // A pattern that says what its object must be ("release" prisoners,
    // "deploy" troops, "charge" a person) holds only with such an object.
    if let (Some(objects), true) = (&pattern.objects, verb == Some(trigger)) {
        if !object_fits(cx, p, trigger, objects) {
            return Parsed::NotAnEvent;
        }
    }
    // A one-word pattern is a verb alone: when the CAMEO dictionary codes
    // the clause's frame as no event ("released a report", "charged $40"),
    // it is none. A longer pattern already states its frame. (Where the two
    // dictionaries give different categories, ours stands: measured on the
    // PLOVER records, taking CAMEO's lost more than it won.)
    let one_word = !pattern.literal && pattern.rest.is_empty();
    if one_word
        && verb == Some(trigger)
        && matches!(
            crate::sense::of_verb(p, trigger),
            Some(Sense::NoEvent { .. })
        )
    {
        return Parsed::NotAnEvent;
    }
    let pattern_words: Vec<&str> = pattern
        .rest
        .iter()
        .flatten()
        .flatten()
        .map(String::as_str)
        .collect();
    let mut actors = Vec::new();
    let mut recipients = Vec::new();
    let mut location = None;
    let mut subject_places = Vec::new();
    let mut parties = Vec::new();
    let mut co_actors = Vec::new();
    for (i, e) in cx.entities.iter().enumerate() {
        let Some(head) = heads[i] else { continue };
        let is_place = matches!(e.kind.as_str(), "place" | "country");
        let role = match p.role(head, trigger, is_place) {
            Some(Role::Prep(prep)) if prep == "from" && e.kind == "place" => Some(Role::Location),
            role => role,
        };
        match role {
            // The most specific place: a town before the country it is in
            // ("the Wonsan area in North Korea"). A town something sets
            // out from is where it happens, not a party acted on.
            Some(Role::Location) => {
                let broader = location.is_some_and(|l: usize| cx.entities[l].kind == "country");
                if location.is_none() || broader && e.kind == "place" {
                    location = Some(i);
                }
            }
            Some(Role::SubjectPlace) if e.code.is_some() => subject_places.push(i),
            _ if !can_act(e) || stands_for_no_party(p, head) => {}
            // "the Sumy attack": a town that modifies the noun places it.
            Some(Role::Actor)
                if e.kind == "place"
                    && matches!(p.tokens[head].dep.as_str(), "compound" | "nmod") =>
            {
                location = location.or(Some(i));
            }
            Some(Role::Actor) => actors.push(i),
            Some(Role::Patient) => recipients.push(i),
            Some(Role::Prep(prep)) if prep == "by" => actors.push(i),
            // "fought alongside Ruritanian forces": a co-actor, added to
            // the subject once it is known.
            Some(Role::Prep(prep)) if prep == "alongside" => co_actors.push(i),
            Some(Role::Prep(prep)) if PARTY_PREPOSITIONS.contains(&prep.as_str()) => {
                parties.push(i)
            }
            Some(Role::Prep(prep))
                if RECIPIENT_PREPOSITIONS.contains(&prep.as_str())
                    || pattern_words.contains(&prep.as_str()) =>
            {
                recipients.push(i)
            }
            _ => {}
        }
    }
    if actors.is_empty() && is_noun {
        actors = participle_actors(cx, p, trigger, heads, &mut parties, &mut recipients);
    }
    // "Norway launched a mediation effort between Sudan and Chad": the
    // light verb's subject acts on the parties.
    if actors.is_empty() && is_noun {
        actors = light_verb_actors(cx, p, trigger, heads, c0, earlier, &mut recipients);
    }
    // "talks between Ruritania and Freedonia": the first named party acts,
    // the others are acted with.
    if actors.is_empty() && !parties.is_empty() {
        actors.push(parties.remove(0));
    }
    recipients.extend(parties);
    if actors.is_empty() && is_noun {
        // A physical action named by a noun and placed, with no one named
        // as doing it ("a missile strike on a building in Sumy"): the
        // place is acted on and the actor is unknown. Anything else named
        // by a noun with no one behind it is not an event.
        let placed = location.is_some_and(|l| cx.entities[l].code.is_some());
        if !(placed && ACTS_ON_PLACE.contains(&pattern.category.as_str())) {
            return Parsed::NotAnEvent;
        }
    }
    if actors.is_empty() {
        actors = governed_actors(cx, p, trigger, heads, &mut recipients);
    }
    // No subject of its own, but one inherited that names no one ("a
    // cyclone tore into the coast, killing 38"; "a bus crashed, killing
    // 12"): nobody acts.
    if actors.is_empty()
        && p.subject(trigger).is_none()
        && inherited_subject(p, trigger).is_some_and(|s| p.tokens[s].pos != "PRON")
    {
        return Parsed::NotAnEvent;
    }
    if actors.is_empty() {
        // "groups in Freedonia protested": the subject's place is the
        // actor's country. When the subject is itself a happening ("a
        // strike in Sumy killed eight"), its place is where this happens.
        // So is a subject that names a disaster, an accident or an
        // outbreak ("an outbreak of plague in Mongolia killed a couple").
        let subject_is_event = p.subject(trigger).is_some_and(|s| {
            let w = &p.tokens[s];
            triggers.iter().any(|&(a, b)| a <= w.start && w.end <= b)
                || crate::occurrences::names_a_disaster(&w.lemma.to_lowercase())
        });
        if subject_is_event {
            location = location.or(subject_places.first().copied());
        } else {
            actors = subject_places;
        }
    }
    if recipients.is_empty() {
        recipients = complement_recipients(cx, p, trigger, heads);
    }
    if recipients.is_empty() && !is_noun {
        recipients = shared_recipients(cx, p, trigger, heads);
    }
    if actors.is_empty() {
        match p.subject(trigger).map(|s| &p.tokens[s]) {
            // A placed physical action named by a noun, kept above with
            // its actor unknown.
            _ if is_noun => {}
            // A relative pronoun stands for the noun its clause describes:
            // when that is no party ("the pandemic that killed 25
            // million", "a fire which destroyed"), nobody acts.
            Some(s) if s.pos == "PRON" && describes_no_party(cx, p, trigger, s) => {
                return Parsed::NotAnEvent;
            }
            // A verb that describes a noun ("an outbreak of plague killed
            // a couple", parsed as a clause on the noun; "the ability of
            // the platform to support") has that noun for its subject, not
            // a party named before it; the noun held no party above. A
            // statement's words are its issuer's ("issued a communique
            // demanding that"): the parties before it stay.
            None if p.tokens[trigger].dep == "acl"
                && p.tokens[trigger].tag != "VBN"
                && !STATEMENT_NOUNS.contains(
                    &p.tokens[p.tokens[trigger].head]
                        .lemma
                        .to_lowercase()
                        .as_str(),
                ) =>
            {
                return Parsed::NotAnEvent;
            }
            // A pronoun, or no subject at all (a headline, an imperative):
            // the speaker of the statement or the actor of the clause
            // before, as without a parse.
            Some(s) if s.pos == "PRON" => {
                actors = actor_group(cx, c0, m.first, earlier);
            }
            None if !pattern.literal && !p.is_passive(trigger) => {
                actors = actor_group(cx, c0, m.first, earlier);
            }
            // A passive with no agent ("civilians were killed"): the one
            // acted on is known, the actor is not; unless the clause says
            // what did it, and that is a happening nobody does ("killed in
            // the crash", "evacuated after the earthquake").
            // A party described only by its role ("210 people were
            // injured") is a casualty count, not someone attacked.
            _ if p.is_passive(trigger) && !recipients.is_empty() => {
                let named = recipients.iter().any(|&r| {
                    let e = &cx.entities[r];
                    e.code.is_some() || e.rule != "group:unnamed"
                });
                if !named || crate::occurrences::caused_by_happening(p, trigger) {
                    return Parsed::NotAnEvent;
                }
            }
            // A subject that names no one ("an earthquake struck", "the
            // product launched") or a noun with no one behind it.
            _ => return Parsed::NotAnEvent,
        }
    }
    if recipients.is_empty() {
        recipients = nested_recipients(cx, p, trigger, heads, &actors, location);
    }
    for a in co_actors {
        if !actors.contains(&a) {
            actors.push(a);
        }
    }
    recipients.retain(|r| !actors.contains(r));
    // A verb in the active voice with no subject, or with the writer or
    // the reader as subject, and no party found for it names no political
    // actor ("I visited", "Be sure to visit", "while charging a laptop").
    // A subject that is a third party not yet known ("he urged", "a man
    // threatened") still acts; a passive ("was arrested") may leave the
    // actor unknown with the one acted on named.
    let passive =
        p.is_passive(trigger) || (p.tokens[trigger].tag == "VBN" && p.tokens[trigger].dep == "acl");
    let nobody_acts = !passive && !third_party_acts(p, trigger);
    if actors.is_empty() && !is_noun && (recipients.is_empty() || nobody_acts) {
        return Parsed::NotAnEvent;
    }
    // A noun takes the tense and mood of the verb that carries it ("will
    // launch an offensive", "did not hold talks"), unless it has a modal
    // or negation of its own (a garbled sentence parsed with "will
    // sanctions" as a noun).
    let carrier = p.tokens[trigger].head;
    let own = p.status(trigger);
    let status = if is_noun && own == "happened" && carrier != trigger && p.is_verb(carrier) {
        p.status(carrier)
    } else {
        own
    };
    // A modal right before the pattern speaks for it even where the parse
    // hung it elsewhere, as in that garbled sentence.
    let modal_before = words
        .start
        .checked_sub(1)
        .map(|i| p.tokens[i].text.to_lowercase());
    let status = match (status, modal_before.as_deref()) {
        ("happened", Some("will" | "shall" | "would")) => "future",
        ("happened", Some("could" | "might" | "may")) => "hypothetical",
        (status, _) => status,
    };
    Parsed::Roles(Roles {
        actors,
        recipients,
        location,
        status,
    })
}

/// Nouns for the public at large, who act as customers, readers or
/// patients, not as parties: "people rarely talk about it", "users
/// visited the site".
const THE_PUBLIC: &[&str] = &[
    "people",
    "person",
    "persons",
    "users",
    "readers",
    "viewers",
    "listeners",
    "fans",
    "customers",
    "consumers",
    "patients",
    "travellers",
    "travelers",
    "visitors",
    "shoppers",
    "buyers",
    "audiences",
    "audience",
    "subscribers",
    "players",
];

/// Whether a group is named only by a noun for the public at large,
/// with at most a quantity before it ("people", "many users"): "displaced
/// people" or "young people" say who they are.
fn names_the_public(name: &str) -> bool {
    const QUANTITY: &[&str] = &["the", "many", "some", "most", "few", "more", "other", "all"];
    let words: Vec<String> = name
        .split_whitespace()
        .map(str::to_lowercase)
        .skip_while(|w| QUANTITY.contains(&w.as_str()))
        .collect();
    matches!(words.as_slice(), [w] if THE_PUBLIC.contains(&w.as_str()))
}

/// Nouns that carry another noun's happening ("a mediation effort", "a
/// bombing campaign", "an aid mission"): the compound before them is what
/// happens.
const LIGHT_NOUNS: &[&str] = &[
    "effort",
    "efforts",
    "bid",
    "mission",
    "initiative",
    "attempt",
    "campaign",
    "drive",
];

/// Whether a noun modifies one of the [`LIGHT_NOUNS`] as a compound.
fn under_light_noun(p: &Parse, noun: usize) -> bool {
    let t = &p.tokens[noun];
    t.dep == "compound"
        && t.head != noun
        && t.head < p.tokens.len()
        && LIGHT_NOUNS.contains(&p.tokens[t.head].text.to_lowercase().as_str())
}

/// Things a people's adjective describes without making them a party:
/// "the Russian language" is no one acted on.
const THINGS_OF_A_PEOPLE: &[&str] = &[
    "language",
    "languages",
    "dialect",
    "culture",
    "cuisine",
    "literature",
    "music",
    "film",
    "films",
    "art",
    "alphabet",
    "script",
];

/// Nouns for someone defined by their tie to another: "Israel's militia
/// ally", "Russia's proxies" are not Israel or Russia.
const TIED_TO_ANOTHER: &[&str] = &[
    "ally",
    "proxy",
    "partner",
    "client",
    "rival",
    "enemy",
    "neighbour",
    "neighbor",
    "critic",
    "opponent",
];

/// Whether the word at `head` names a party only in passing: a people's
/// adjective on one of the [`THINGS_OF_A_PEOPLE`] ("the Russian
/// language"), or the owner of one of the [`TIED_TO_ANOTHER`] ("Israel's
/// militia ally").
fn stands_for_no_party(p: &Parse, head: usize) -> bool {
    let t = &p.tokens[head];
    if t.head == head || t.head >= p.tokens.len() {
        return false;
    }
    let owner = p.tokens[t.head].lemma.to_lowercase();
    (matches!(t.dep.as_str(), "amod" | "compound") && THINGS_OF_A_PEOPLE.contains(&owner.as_str()))
        || (t.dep == "poss" && TIED_TO_ANOTHER.contains(&owner.as_str()))
}

/// Pronouns for the writer and the reader.
const FIRST_AND_SECOND_PERSON: &[&str] = &["i", "me", "we", "us", "you"];

/// Whether someone other than the writer or the reader does what the
/// trigger tells: the nearest subject on the way up the parse ("a man
/// accused of threatening", "was tasked with investigating") is not "I",
/// "we" or "you", or the clause describes a noun ("the force required to
/// pull"). A clause with no subject above it (an imperative, "Be sure to
/// visit") has no one.
fn third_party_acts(p: &Parse, trigger: usize) -> bool {
    let mut at = trigger;
    for _ in 0..8 {
        if let Some(s) = p.subject(at) {
            let word = p.tokens[s].text.to_lowercase();
            return !FIRST_AND_SECOND_PERSON.contains(&word.as_str());
        }
        let t = &p.tokens[at];
        if t.head >= p.tokens.len() {
            return false;
        }
        // An infinitive with no object of its own that describes a noun
        // ("details to examine", "a place to visit") has that noun as its
        // object, not its doer; with one ("a bid to seize the port") the
        // noun's owner does it.
        let objectless_infinitive = t.tag == "VB"
            && p.dependents(at).iter().any(|&c| p.tokens[c].tag == "TO")
            && !p.dependents(at).iter().any(|&c| p.tokens[c].dep == "dobj");
        if matches!(t.dep.as_str(), "acl" | "relcl") || t.head == at {
            return t.head != at && !objectless_infinitive;
        }
        // A verb form that modifies a noun ("alleged victims") names no
        // doer; the subject of the noun's clause is not it.
        if matches!(t.dep.as_str(), "amod" | "compound" | "nmod") {
            return false;
        }
        at = t.head;
    }
    false
}

/// The parties acted on that a verb shares with the verb coordinated after
/// it, when it has no object of its own ("arrested and charged the mayor",
/// "donated and delivered goods to the clinic"): the parse hangs them on
/// the second verb only.
fn shared_recipients(
    cx: &SentenceContext,
    p: &Parse,
    trigger: usize,
    heads: &[Option<usize>],
) -> Vec<usize> {
    let own_object = p
        .dependents(trigger)
        .iter()
        .any(|&c| matches!(p.tokens[c].dep.as_str(), "dobj" | "dative" | "prep"));
    let second = p
        .dependents(trigger)
        .iter()
        .copied()
        .find(|&c| p.tokens[c].dep == "conj" && p.is_verb(c) && !p.has_subject(c));
    let Some(second) = second.filter(|_| !own_object) else {
        return Vec::new();
    };
    (0..cx.entities.len())
        .filter(|&i| {
            can_act(&cx.entities[i])
                && heads[i].is_some_and(|h| match p.role(h, second, false) {
                    Some(Role::Patient) => true,
                    Some(Role::Prep(prep)) => RECIPIENT_PREPOSITIONS.contains(&prep.as_str()),
                    _ => false,
                })
        })
        .collect()
}

/// Words in the name of a public body: an organisation so named is
/// political whether or not the knowledge base knows it.
const PUBLIC_BODY_WORDS: &[&str] = &[
    "Committee",
    "Office",
    "Department",
    "Ministry",
    "Court",
    "Police",
    "Party",
    "Council",
    "Commission",
    "Agency",
    "Army",
    "Force",
    "Forces",
    "Government",
    "Parliament",
    "Senate",
    "House",
    "Congress",
    "Assembly",
    "Administration",
    "Authority",
    "Service",
    "Bureau",
    "Front",
    "Movement",
    "Union",
    "Guard",
    "Navy",
    "Brigade",
    "Prosecutor",
    "Prosecutors",
    "Attorney",
    "Tribunal",
    "Cabinet",
    "Presidency",
    "Directorate",
    "Militia",
];

fn names_a_public_body(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| PUBLIC_BODY_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Verbs of asking, or wanting, someone to act.
const ASKING: &[&str] = &[
    "ask",
    "urge",
    "call",
    "press",
    "request",
    "demand",
    "beg",
    "implore",
    "encourage",
    "invite",
    "pressure",
    "lobby",
    "appeal",
    "want",
    "wish",
    "expect",
    "get",
    "persuade",
    "convince",
];

/// Nouns for what a party issues or signs, whose words are the issuer's:
/// "a communique demanding", "a resolution calling for".
const STATEMENT_NOUNS: &[&str] = &[
    "declaration",
    "statement",
    "letter",
    "resolution",
    "communique",
    "message",
    "note",
    "decree",
    "order",
    "motion",
    "petition",
    "bill",
    "document",
    "report",
    "appeal",
    "ultimatum",
    "proposal",
    "plan",
];

/// Verbs that ready someone for what the infinitive says, which has not
/// happened by the readying: "training the opposition forces to fight",
/// "armed the militia to defend".
const READYING: &[&str] = &["train", "equip", "arm", "teach", "recruit", "prepare"];

/// True when a trigger is the infinitive of a verb of asking with
/// someone asked ("asked Ukraine to investigate", "called on Russia to
/// withdraw"), of readying someone ("trained the rebels to fight"), or of
/// "threaten" ("threatened to kill").
fn asked_of_another(p: &Parse, trigger: usize) -> bool {
    // "threatened to assault and murder": a verb coordinated with the
    // infinitive is asked or threatened as the first one is.
    let mut trigger = trigger;
    while p.tokens[trigger].dep == "conj" && p.tokens[trigger].head != trigger {
        trigger = p.tokens[trigger].head;
    }
    let t = &p.tokens[trigger];
    if t.head == trigger {
        return false;
    }
    // "threatening to assault", parsed with "to" as a preposition.
    let to = &p.tokens[t.head];
    if t.dep == "pobj" && t.tag == "VB" && to.lemma.eq_ignore_ascii_case("to") && to.head != t.head
    {
        return p.tokens[to.head].lemma == "threaten";
    }
    let governor = t.head;
    // "want Congress to investigate" is also parsed as a clause with its
    // own subject and "to".
    let to_clause = t.dep == "ccomp"
        && p.dependents(trigger)
            .iter()
            .any(|&c| p.tokens[c].dep == "aux" && p.tokens[c].lemma.eq_ignore_ascii_case("to"));
    if to_clause {
        return ASKING.contains(&p.tokens[governor].lemma.as_str());
    }
    // "demanding that the government free its prisoners": a clause in
    // the subjunctive (the bare verb) or with "should" under a verb of
    // asking says what is asked, which has not happened.
    let asked_clause = t.dep == "ccomp"
        && (t.tag == "VB"
            || p.dependents(trigger).iter().any(|&c| {
                p.tokens[c].dep == "aux" && p.tokens[c].lemma.eq_ignore_ascii_case("should")
            }));
    if asked_clause {
        return ASKING.contains(&p.tokens[governor].lemma.as_str());
    }
    // "training the forces to fight" is also parsed as a clause of
    // purpose, with "to".
    let to_purpose = t.dep == "advcl"
        && p.dependents(trigger)
            .iter()
            .any(|&c| p.tokens[c].dep == "aux" && p.tokens[c].lemma.eq_ignore_ascii_case("to"));
    if t.dep != "xcomp" && !to_purpose {
        return false;
    }
    // "threatened to kill": the threat is the event, coded on its own
    // verb; what is threatened has not happened.
    if p.tokens[governor].lemma == "threaten" {
        return true;
    }
    let lemma = p.tokens[governor].lemma.as_str();
    (ASKING.contains(&lemma) || READYING.contains(&lemma))
        && p.dependents(governor).iter().any(|&c| {
            let d = &p.tokens[c];
            d.dep == "dobj" || (d.dep == "prep" && matches!(d.lemma.as_str(), "on" | "upon" | "to"))
        })
}

/// True when the trigger is an infinitive describing a noun determined by
/// "any" or "no" ("any efforts to urge", "no plan to attack").
fn describes_any_such(p: &Parse, trigger: usize) -> bool {
    let t = &p.tokens[trigger];
    t.dep == "acl"
        && t.head != trigger
        && p.dependents(t.head).iter().any(|&c| {
            p.tokens[c].dep == "det"
                && matches!(p.tokens[c].text.to_lowercase().as_str(), "any" | "no")
        })
}

/// "asked them about the launches", "demanded how he could be so sure",
/// "asked whether the talks would resume": a question put, not something
/// demanded of someone.
fn asks_a_question(p: &Parse, trigger: usize) -> bool {
    const QUESTION_WORDS: &[&str] = &[
        "how", "what", "why", "when", "where", "who", "whom", "which", "whether", "if",
    ];
    if !matches!(
        p.tokens[trigger].lemma.to_lowercase().as_str(),
        "ask" | "demand" | "inquire" | "enquire" | "question" | "press"
    ) {
        return false;
    }
    p.dependents(trigger).iter().any(|&c| {
        let t = &p.tokens[c];
        let about = t.dep == "prep" && t.lemma.eq_ignore_ascii_case("about");
        // The complement clause opens with a question word ("how he
        // could", "whether they would").
        let question = t.dep == "ccomp"
            && (trigger + 1..=c)
                .find(|&w| w == c || p.descends_from(w, c))
                .is_some_and(|w| {
                    QUESTION_WORDS.contains(&p.tokens[w].text.to_lowercase().as_str())
                });
        about || question
    })
}

/// True when a trigger asks for comment or declines to give one ("a
/// request for comment", "declined to comment", "refused to elaborate"):
/// the press's own question and its answer, not a demand or a refusal.
fn asks_for_comment(p: &Parse, trigger: usize) -> bool {
    let comment = |i: usize| {
        matches!(
            p.tokens[i].lemma.to_lowercase().as_str(),
            "comment" | "elaborate" | "speculate"
        )
    };
    p.dependents(trigger).iter().any(|&c| {
        let t = &p.tokens[c];
        (t.dep == "prep"
            && t.lemma.eq_ignore_ascii_case("for")
            && p.dependents(c).iter().any(|&o| comment(o)))
            || (t.dep == "xcomp" && comment(c))
    })
}

/// True when the subject `s` of a trigger is a relative pronoun ("that",
/// "which", "who") whose clause describes a noun that no party covers.
fn describes_no_party(
    cx: &SentenceContext,
    p: &Parse,
    trigger: usize,
    s: &storyline_model::Token,
) -> bool {
    let relative = matches!(s.text.to_lowercase().as_str(), "that" | "which" | "who");
    let t = &p.tokens[trigger];
    if !relative || t.dep != "relcl" || t.head == trigger {
        return false;
    }
    let noun = &p.tokens[t.head];
    let party = cx
        .entities
        .iter()
        .any(|e| e.start <= noun.start && noun.end <= e.end && can_act(e));
    noun.pos == "NOUN" && !party
}

/// The subject a trigger with none of its own takes from the verbs that
/// govern it ("struck ..., killing": the subject of "struck").
fn inherited_subject(p: &Parse, trigger: usize) -> Option<usize> {
    let mut at = trigger;
    for _ in 0..3 {
        match p.governor(at)? {
            Governor::Verb(v) => match p.subject(v) {
                Some(s) => return Some(s),
                None => at = v,
            },
            Governor::Noun { .. } => return None,
        }
    }
    None
}

/// The actors of a trigger with no subject of its own, from the word that
/// governs it; for an infinitive whose governor has an object ("urged
/// Ruritania to withdraw"), that object.
fn governed_actors(
    cx: &SentenceContext,
    p: &Parse,
    trigger: usize,
    heads: &[Option<usize>],
    recipients: &mut Vec<usize>,
) -> Vec<usize> {
    if p.has_subject(trigger) {
        return Vec::new();
    }
    let mut at = trigger;
    for _ in 0..3 {
        match p.governor(at) {
            Some(Governor::Verb(v)) => {
                let xcomp = p.tokens[at].dep == "xcomp";
                let (mut subj, mut obj) = (Vec::new(), Vec::new());
                for (i, e) in cx.entities.iter().enumerate() {
                    let Some(h) = heads[i].filter(|_| can_act(e)) else {
                        continue;
                    };
                    // A place inside the subject ("a man of Addison") is
                    // where the subject is from, not a second actor.
                    let is_place = matches!(e.kind.as_str(), "place" | "country");
                    match p.role(h, v, is_place) {
                        Some(Role::Actor) => subj.push(i),
                        Some(Role::Patient) => obj.push(i),
                        _ => {}
                    }
                }
                // "urged Ruritania to withdraw": the object does it. After
                // other verbs the infinitive says what for ("summoned the
                // ambassador to complain"): the subject does it.
                if xcomp && !obj.is_empty() && OBJECT_CONTROL.contains(&p.tokens[v].lemma.as_str())
                {
                    return obj;
                }
                // "Carlineo, of Addison, a village near Ithaca": places
                // that a preposition hangs on a named subject say where
                // it is from.
                let named_subject = subj.iter().any(|&i| {
                    !matches!(cx.entities[i].kind.as_str(), "place" | "country")
                        && heads[i].is_some_and(|h| p.tokens[h].dep.starts_with("nsubj"))
                });
                if named_subject {
                    subj.retain(|&i| {
                        !matches!(cx.entities[i].kind.as_str(), "place" | "country")
                            || heads[i].is_some_and(|h| p.tokens[h].dep != "pobj")
                    });
                }
                if !subj.is_empty() {
                    // What the subject does it for is done to the one it
                    // acts on, unless the infinitive names its own party
                    // ("summoned the ambassador to complain": to him).
                    if recipients.is_empty() {
                        recipients.extend(obj.into_iter().filter(|o| !subj.contains(o)));
                    }
                    return subj;
                }
                if p.has_subject(v) {
                    return Vec::new();
                }
                at = v;
            }
            Some(Governor::Noun { noun, patient }) => {
                // "The US has been Ukraine's largest backer, contributing
                // ...": a noun that is what a subject is stands for that
                // subject.
                let copula = p.tokens[noun].head;
                if !patient && p.tokens[noun].dep == "attr" && copula != noun {
                    let subject = acting_parties(cx, p, heads, copula);
                    if !subject.is_empty() {
                        // "Ukraine's backer": whom the subject is it for.
                        recipients.extend(acting_parties(cx, p, heads, noun));
                        return subject;
                    }
                }
                let found: Vec<usize> = cx
                    .entities
                    .iter()
                    .enumerate()
                    .filter(|(i, e)| {
                        can_act(e)
                            && heads[*i].is_some_and(|h| {
                                h == noun
                                    || matches!(
                                        p.role(h, noun, false),
                                        Some(Role::Actor) | Some(Role::Patient)
                                    )
                            })
                    })
                    .map(|(i, _)| i)
                    .collect();
                if patient {
                    recipients.extend(found);
                    return Vec::new();
                }
                // "gathered for a rally to protest", "launched a drive to
                // convince": an undertaking's purpose is done by whoever
                // undertakes it, the subject of the verb it is the object of.
                if found.is_empty() && UNDERTAKINGS.contains(&p.tokens[noun].lemma.as_str()) {
                    if let Some(v) = clause_verb_of(p, noun) {
                        return acting_parties(cx, p, heads, v);
                    }
                }
                return found;
            }
            None => return Vec::new(),
        }
    }
    Vec::new()
}

/// The parties that can act and are the actor of `word` (its subject, its
/// agent, a possessive or a modifier of a noun).
fn acting_parties(
    cx: &SentenceContext,
    p: &Parse,
    heads: &[Option<usize>],
    word: usize,
) -> Vec<usize> {
    (0..cx.entities.len())
        .filter(|&i| {
            can_act(&cx.entities[i])
                && heads[i].is_some_and(|h| matches!(p.role(h, word, false), Some(Role::Actor)))
        })
        .collect()
}

/// Nouns of something a party sets out to do, whose infinitive says what
/// for ("a rally to protest", "a campaign to free", "a bid to block").
const UNDERTAKINGS: &[&str] = &[
    "rally",
    "march",
    "demonstration",
    "protest",
    "campaign",
    "drive",
    "effort",
    "bid",
    "attempt",
    "mission",
    "operation",
    "offensive",
    "trip",
    "visit",
    "vigil",
    "petition",
];

/// The verb whose object, or object of a preposition, a noun is ("held a
/// rally", "converged for a rally", "staged a series of rallies"). A noun
/// below another noun that is no mere count of it is not what the verb
/// does ("had no knowledge of efforts to urge": "had" is no effort).
fn clause_verb_of(p: &Parse, noun: usize) -> Option<usize> {
    const COUNTS: &[&str] = &[
        "series", "wave", "number", "string", "round", "set", "spate",
    ];
    let mut at = noun;
    for _ in 0..3 {
        let t = &p.tokens[at];
        let up = match t.dep.as_str() {
            "dobj" => t.head,
            "pobj" if p.tokens[t.head].dep == "prep" => p.tokens[t.head].head,
            _ => return None,
        };
        if up == at || p.is_verb(up) {
            return (up != at).then_some(up);
        }
        let count = COUNTS.contains(&p.tokens[up].lemma.to_lowercase().as_str());
        if !(count && p.tokens[t.head].lemma.eq_ignore_ascii_case("of")) {
            return None;
        }
        at = up;
    }
    None
}

/// Verbs that carry an event named by their object ("staged a hunger
/// strike", "launched an offensive", "engaged in ethnic cleansing"): their
/// subject is the noun's actor.
const LIGHT_VERBS: &[&str] = &[
    "stage",
    "launch",
    "carry",
    "conduct",
    "hold",
    "mount",
    "begin",
    "start",
    "wage",
    "make",
    "issue",
    "impose",
    "continue",
    "resume",
    "organize",
    "organise",
    "lead",
    "declare",
    "step",
    "engage",
    "intensify",
    "escalate",
    "renew",
    "reiterate",
    "repeat",
    "press",
    "open",
    "join",
    "call",
    "give",
    "provide",
    "offer",
    "send",
    "deliver",
    "extend",
    "sign",
    "reach",
];

/// The parties of a noun trigger described by a participle ("an
/// agreement signed between Ruritania and Freedonia", "aid sent by
/// Ruritania to Freedonia"): its agent acts, the parties of "between" take
/// part, and the prepositions that name the one acted on add recipients.
fn participle_actors(
    cx: &SentenceContext,
    p: &Parse,
    noun: usize,
    heads: &[Option<usize>],
    parties: &mut Vec<usize>,
    recipients: &mut Vec<usize>,
) -> Vec<usize> {
    let mut actors = Vec::new();
    for &verb in p.dependents(noun) {
        if p.tokens[verb].dep != "acl" || !p.is_verb(verb) {
            continue;
        }
        for (i, e) in cx.entities.iter().enumerate() {
            let Some(h) = heads[i].filter(|_| can_act(e)) else {
                continue;
            };
            match p.role(h, verb, false) {
                Some(Role::Actor) if p.tokens[h].dep != "nsubj" => actors.push(i),
                Some(Role::Prep(prep)) if prep == "by" => actors.push(i),
                Some(Role::Prep(prep)) if PARTY_PREPOSITIONS.contains(&prep.as_str()) => {
                    parties.push(i)
                }
                Some(Role::Prep(prep)) if RECIPIENT_PREPOSITIONS.contains(&prep.as_str()) => {
                    recipients.push(i)
                }
                _ => {}
            }
        }
    }
    actors
}

/// The actor of a noun trigger with none of its own: the subject of the
/// verb that carries it, when that verb is a light one or the noun's
/// possessor is a pronoun ("reiterated its demand"). Prepositions of that
/// verb that name the one acted on ("engaged in raids against
/// Freedonia") add recipients.
fn light_verb_actors(
    cx: &SentenceContext,
    p: &Parse,
    noun: usize,
    heads: &[Option<usize>],
    c0: usize,
    earlier: &[Event],
    recipients: &mut Vec<usize>,
) -> Vec<usize> {
    let t = &p.tokens[noun];
    let mut verb = t.head;
    if t.dep == "pobj" && p.tokens[verb].dep == "prep" {
        verb = p.tokens[verb].head;
    } else if !matches!(t.dep.as_str(), "dobj" | "nsubjpass") {
        return Vec::new();
    }
    if verb == noun || !p.is_verb(verb) {
        return Vec::new();
    }
    let pronoun_owner = p
        .dependents(noun)
        .iter()
        .any(|&c| p.tokens[c].dep == "poss" && p.tokens[c].pos == "PRON");
    // The lookup lemmatizer misreads some forms ("staged" as "stag"), so
    // the word's own form is matched against each light verb's forms.
    let word = p.tokens[verb].text.to_lowercase();
    let light = LIGHT_VERBS
        .iter()
        .any(|v| crate::verbs::inflections(v).contains(&word));
    if !pronoun_owner && !light {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (i, e) in cx.entities.iter().enumerate() {
        let Some(h) = heads[i].filter(|_| can_act(e)) else {
            continue;
        };
        match p.role(h, verb, false) {
            Some(Role::Actor) => found.push(i),
            // "were engaged in": a subject in passive form.
            Some(Role::Patient) if p.tokens[h].dep == "nsubjpass" => found.push(i),
            Some(Role::Prep(prep))
                if RECIPIENT_PREPOSITIONS.contains(&prep.as_str()) && !recipients.contains(&i) =>
            {
                recipients.push(i);
            }
            _ => {}
        }
    }
    if !found.is_empty() {
        return found;
    }
    match p.subject(verb).map(|s| &p.tokens[s]) {
        Some(s) if s.pos == "PRON" => {
            let at = cx
                .tokens
                .iter()
                .position(|w| w.start >= p.tokens[verb].start);
            actor_group(cx, c0, at.unwrap_or(0), earlier)
        }
        _ => Vec::new(),
    }
}

/// The one acted on, last: the first named party after the trigger that
/// lies anywhere below it in the tree, with those coordinated with it,
/// for arguments the parse nests deeper than a clause ("blocked a road to
/// show their anger at Ruritania"). Never a party of another branch of
/// the sentence, as a word window would take.
fn nested_recipients(
    cx: &SentenceContext,
    p: &Parse,
    trigger: usize,
    heads: &[Option<usize>],
    actors: &[usize],
    location: Option<usize>,
) -> Vec<usize> {
    let below: Vec<usize> = cx
        .entities
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            can_act(e)
                && e.code.is_some()
                && !actors.contains(i)
                && heads[*i].is_none_or(|h| !stands_for_no_party(p, h))
                && Some(*i) != location
                && heads[*i].is_some_and(|h| {
                    h > trigger
                        && p.descends_from(h, trigger)
                        && !p.through_preposition(h, trigger, TIME_PREPOSITIONS)
                        && !in_clause_of_its_own(p, h, trigger)
                })
        })
        .map(|(i, _)| i)
        .collect();
    coordinated(cx, &below)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// Prepositions that date a clause by another happening ("since Russia's
/// invasion", "after the talks"): who takes part in that one is not acted
/// on in this one.
const TIME_PREPOSITIONS: &[&str] = &[
    "since",
    "after",
    "before",
    "during",
    "until",
    "following",
    "amid",
    "ahead",
];

/// The one acted on when the trigger's own arguments name no one: the
/// subject of a "that" clause ("demanded that Freedonia withdraw") or an
/// object inside an infinitive ("offered to hand over suspects to
/// Ruritania").
/// True when a clause of time, cause or contrast stands between the word
/// `h` and the trigger above it: "as authorities in Croatia cracked down"
/// is a happening of its own, whose parties are not acted on by the
/// trigger.
fn in_clause_of_its_own(p: &Parse, h: usize, trigger: usize) -> bool {
    let mut at = h;
    for _ in 0..16 {
        let up = p.tokens[at].head;
        if up == at || up == trigger {
            return false;
        }
        // A clause of time, cause or contrast with a subject of its own;
        // an infinitive, a purpose ("to protest X"), a condition ("unless
        // its president agrees": the one a threat is aimed at) or a
        // coordinated verb goes on with the trigger.
        let separate = p.dependents(up).iter().any(|&m| {
            p.tokens[m].dep == "mark"
                && matches!(
                    p.tokens[m].lemma.to_lowercase().as_str(),
                    "as" | "while"
                        | "after"
                        | "before"
                        | "when"
                        | "because"
                        | "since"
                        | "although"
                        | "though"
                        | "whereas"
                )
        });
        if p.is_verb(up) && p.tokens[up].dep == "advcl" && p.subject(up).is_some() && separate {
            return true;
        }
        at = up;
    }
    false
}

fn complement_recipients(
    cx: &SentenceContext,
    p: &Parse,
    trigger: usize,
    heads: &[Option<usize>],
) -> Vec<usize> {
    // The clause may hang from the trigger or from its predicate adjective
    // ("is willing to withdraw from").
    let mut clauses: Vec<usize> = Vec::new();
    for &c in p.dependents(trigger) {
        match p.tokens[c].dep.as_str() {
            "ccomp" | "xcomp" => clauses.push(c),
            "acomp" => clauses.extend(
                p.dependents(c)
                    .iter()
                    .copied()
                    .filter(|&d| matches!(p.tokens[d].dep.as_str(), "xcomp" | "ccomp")),
            ),
            _ => {}
        }
    }
    for c in clauses {
        let that_clause = p.tokens[c].dep == "ccomp";
        let roles: Vec<(usize, Role)> = cx
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| can_act(e))
            .filter_map(|(i, _)| heads[i].and_then(|h| p.role(h, c, false)).map(|r| (i, r)))
            .collect();
        // The subject of a "that" clause is the one asked or told
        // ("demanded that Freedonia withdraw from Ruritania"); an
        // infinitive's object or preposition is the one acted on.
        let subjects: Vec<usize> = roles
            .iter()
            .filter(|(_, r)| that_clause && *r == Role::Actor)
            .map(|(i, _)| *i)
            .collect();
        if !subjects.is_empty() {
            return subjects;
        }
        let objects: Vec<usize> = roles
            .iter()
            .filter(|(_, r)| match r {
                Role::Patient => true,
                Role::Prep(prep) => RECIPIENT_PREPOSITIONS.contains(&prep.as_str()),
                _ => false,
            })
            .map(|(i, _)| *i)
            .collect();
        if !objects.is_empty() {
            return objects;
        }
    }
    Vec::new()
}

/// Actor and recipient from the words around the verb, for text without a
/// parse: the nearest names before the verb in its clause and the first
/// after it, swapped for a passive.
fn window_roles(
    cx: &SentenceContext,
    m: VerbMatch,
    c0: usize,
    c1: usize,
    out: &[Event],
) -> (Vec<usize>, Vec<usize>) {
    let tokens = cx.tokens;
    let actors = actor_group(cx, c0, m.first, out);
    let mut recipients = recipient_group(cx, m.first + 1, c1);
    // "fighting alongside Russian forces": a co-actor, not a target.
    let mut actors = actors;
    if let Some(&r) = recipients.first() {
        let before = tokens
            .iter()
            .rposition(|t| t.end <= cx.entities[r].start)
            .map(|k| tokens[k].lower.as_str());
        if matches!(before, Some("alongside")) {
            actors.append(&mut recipients);
        }
    }
    if recipients.is_empty() && tokens.get(c1).is_some_and(|t| t.lower == "that") {
        // "demanded that the US cancel ...": the one asked is the
        // subject of the clause that follows.
        let (_, next_end) = clause(cx, c1 + 1, c1 + 1);
        recipients = recipient_group(cx, c1 + 1, next_end);
    }
    let recipients: Vec<usize> = recipients
        .into_iter()
        .filter(|r| {
            !actors
                .iter()
                .any(|a| cx.entities[*a].code == cx.entities[*r].code)
        })
        .collect();
    // Passive voice ("was attacked by militiamen"): the subject is
    // acted on, and the actor follows "by".
    if is_passive(tokens, c0, m.first) {
        let by = (m.last + 1..c1).find(|&k| tokens[k].lower == "by");
        let agent = by
            .map(|k| recipient_group(cx, k + 1, c1))
            .unwrap_or_default();
        (agent, actors)
    } else {
        (actors, recipients)
    }
}

fn at_clause_start(tokens: &[Token], i: usize) -> bool {
    i == 0 || tokens[i - 1].is_boundary
}

/// The clause around a verb: from after the nearest opener or semicolon
/// before it to the nearest one after it (token indices, end exclusive).
/// "and" and "or" between two names join the names, not two clauses.
fn clause(cx: &SentenceContext, first: usize, last: usize) -> (usize, usize) {
    let tokens = cx.tokens;
    let in_entity = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            cx.entities
                .iter()
                .any(|e| e.start <= t.start && t.start < e.end && e.code.is_some())
        })
    };
    let opener = |k: usize| {
        let t = &tokens[k];
        if matches!(t.lower.as_str(), "and" | "or") {
            let names_after = in_entity(k + 1)
                || (tokens.get(k + 1).is_some_and(|n| n.lower == "the") && in_entity(k + 2));
            return !(names_after && k > 0 && in_entity(k - 1));
        }
        t.text == ";" || CLAUSE_OPENERS.contains(&t.lower.as_str())
    };
    let mut c0 = first;
    while c0 > 0 && !opener(c0 - 1) {
        c0 -= 1;
    }
    let mut c1 = last + 1;
    while c1 < tokens.len() && !opener(c1) && tokens[c1].text != "." {
        c1 += 1;
    }
    (c0, c1)
}

/// Entities that can act: coded, not a country inside a title, not a
/// pronoun copy when the named mention is at hand.
fn actor_entities(cx: &SentenceContext, from: usize, to: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for (i, e) in cx.entities.iter().enumerate() {
        let usable = e.start >= from && e.end <= to && e.code.is_some() && e.rule != "title";
        if usable && out.last().is_none_or(|&p| cx.entities[p].end <= e.start) {
            out.push(i);
        }
    }
    out
}

/// Groups of coordinated entities ("Russia and North Korea").
fn coordinated(cx: &SentenceContext, ids: &[usize]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &i in ids {
        // Entities may nest or come out of order (a name inside another
        // reading of it); only one that starts after the last member
        // ends can be coordinated with it.
        let joined = groups.last().and_then(|g| g.last()).is_some_and(|&p| {
            let (end, start) = (cx.entities[p].end, cx.entities[i].start);
            let Some(gap) = cx.chars.get(end..start) else {
                return false;
            };
            let gap: String = gap.iter().collect();
            matches!(
                gap.trim(),
                "and" | "," | ", and" | "or" | "/" | "-" | "and the"
            )
        });
        match (joined, groups.last_mut()) {
            (true, Some(g)) => g.push(i),
            _ => groups.push(vec![i]),
        }
    }
    groups
}

/// The actor: the coordinated group nearest before the verb in its clause;
/// for a clause with no named subject ("it will", "and has urged"), the
/// speaker of the claim it is in or the previous event's actor; else the
/// sentence's first actor.
fn actor_group(cx: &SentenceContext, c0: usize, verb: usize, earlier: &[Event]) -> Vec<usize> {
    let tokens = cx.tokens;
    // A carrier verb read from the parse can stand before the window
    // clause of the noun it carries: the clause then starts at the verb.
    let c0 = c0.min(verb);
    let from = tokens[c0].start;
    let to = tokens[verb].start;
    let pronoun = tokens[c0..verb]
        .iter()
        .find(|t| matches!(t.lower.as_str(), "it" | "they" | "he" | "she" | "we"))
        .map(|t| t.lower.as_str());
    // "He" and "she" stand for a person, not for the body or the journal
    // named before them ("according to the study in BMJ Case Reports, ...
    // he visited his doctor").
    let fits =
        |i: &usize| !matches!(pronoun, Some("he" | "she")) || cx.entities[*i].kind == "person";
    let before: Vec<usize> = actor_entities(cx, from, to)
        .into_iter()
        .filter(fits)
        .collect();
    if let Some(g) = coordinated(cx, &before).pop() {
        return g;
    }
    match pronoun {
        // "they" in a statement is most often what the statement is
        // about ("officials said the soldiers ... they will join"): the
        // nearest group named before it.
        Some("they") => {
            let groups = actor_entities(cx, cx.sentence.0, from);
            if let Some(&g) = groups
                .iter()
                .rev()
                .find(|&&i| cx.entities[i].kind == "group")
            {
                return vec![g];
            }
        }
        // "it", "he", "she", "we" in a statement: the speaker.
        Some(_) => {
            if let Some(c) = cx.claims.iter().find(|c| c.start <= to && to < c.end) {
                if let Some(s) = c.speaker_entity {
                    return vec![s];
                }
            }
        }
        None => {}
    }
    if let Some(e) = earlier.last() {
        if !e.actor_entities.is_empty() && e.actor_entities.iter().all(fits) {
            return e.actor_entities.clone();
        }
    }
    let named: Vec<usize> = actor_entities(cx, cx.sentence.0, to)
        .into_iter()
        .filter(fits)
        .collect();
    coordinated(cx, &named)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The recipient: the first coordinated group after the verb in its clause
/// that is not where the event happens ("in Iraq").
fn recipient_group(cx: &SentenceContext, after: usize, c1: usize) -> Vec<usize> {
    let tokens = cx.tokens;
    let Some(first) = tokens.get(after) else {
        return Vec::new();
    };
    let to = tokens[c1.max(after + 1) - 1].end;
    let groups = coordinated(cx, &actor_entities(cx, first.start, to));
    groups
        .into_iter()
        .find(|g| {
            let e = &cx.entities[g[0]];
            let before = tokens
                .iter()
                .rposition(|t| t.end <= e.start)
                .map(|k| tokens[k].lower.as_str());
            !(matches!(e.kind.as_str(), "place" | "country")
                && matches!(before, Some("in" | "inside" | "within" | "near")))
        })
        .unwrap_or_default()
}

/// A form of "be" (or "get") right before a past participle.
fn is_passive(tokens: &[Token], c0: usize, verb: usize) -> bool {
    let v = tokens[verb].lower.as_str();
    let participle = v.ends_with("ed")
        || matches!(
            v,
            "held"
                | "sent"
                | "taken"
                | "given"
                | "shot"
                | "beaten"
                | "struck"
                | "met"
                | "fought"
                | "seen"
                | "hit"
                | "cut"
                | "put"
                | "shut"
                | "broken"
                | "frozen"
                | "withdrawn"
                | "led"
        );
    participle
        && tokens[c0..verb].iter().rev().take(3).any(|t| {
            matches!(
                t.lower.as_str(),
                "was" | "were" | "is" | "are" | "been" | "being" | "be" | "got" | "get" | "gets"
            )
        })
}

/// Negated, hypothetical, future, ongoing or happened, from the words
/// of the clause before the verb.
fn status(tokens: &[Token], c0: usize, verb: usize) -> &'static str {
    let before: Vec<&str> = tokens[c0..verb].iter().map(|t| t.lower.as_str()).collect();
    let near: Vec<&str> = before.iter().rev().take(5).copied().collect();
    let has = |w: &str| near.contains(&w);
    if has("not")
        || has("n't")
        || has("never")
        || has("no")
        || near.iter().any(|w| w.ends_with("n't"))
        || has("without")
        || has("failed")
    {
        return "negated";
    }
    if has("could")
        || has("might")
        || has("may")
        || before.contains(&"if")
        || before.contains(&"unless")
    {
        return "hypothetical";
    }
    if has("will")
        || has("shall")
        || has("'ll")
        || has("would")
        || has("plans")
        || has("plan")
        || has("intends")
        || has("expected")
        || has("set")
        || has("going")
        || has("to") && (has("is") || has("are") || has("plans") || has("aims"))
    {
        return "future";
    }
    let verb_word = tokens[verb].lower.as_str();
    if verb_word.ends_with("ing")
        && (has("is") || has("are") || has("was") || has("were") || has("been"))
    {
        return "ongoing";
    }
    "happened"
}

/// The first figure of the clause that measures people, money or arms.
fn size_of(cx: &SentenceContext, c0: usize, c1: usize) -> Option<usize> {
    let (from, to) = (cx.tokens[c0].start, cx.tokens[c1 - 1].end);
    cx.quantities
        .iter()
        .position(|q| q.start >= from && q.end <= to && SIZE_MEASURES.contains(&q.measure.as_str()))
}

/// The date of the first date expression inside the characters
/// `t0..t1`: `None` when there is none, `Some(None)` when there is one
/// that no calendar date covers ("in the 1990s"), which dates the clause
/// to nothing rather than to the sentence's or the article's day.
pub(crate) fn time_in(cx: &SentenceContext, t0: usize, t1: usize) -> Option<Option<String>> {
    cx.times
        .iter()
        .find(|(s, e, _, _)| *s >= t0 && *e <= t1)
        .map(|(_, _, d, _)| d.clone())
}

/// The most specific date first: a date expression in the clause; for an
/// announced action, the day it was announced; then the sentence's date;
/// then the publication date. With where it came from.
pub(crate) fn dated(
    cx: &SentenceContext,
    in_clause: Option<Option<String>>,
    announced_on: Option<String>,
) -> (Option<String>, Option<String>) {
    let from = |d: &String, what: &str| (Some(d.clone()), Some(what.to_string()));
    match (in_clause, announced_on, &cx.sentence_date, &cx.published) {
        (Some(Some(d)), ..) => from(&d, "clause"),
        // A period no calendar date covers ("in the 1990s") dates the
        // clause to no day, not to the article's.
        (Some(None), ..) => (None, None),
        (None, Some(d), ..) => from(&d, "announced"),
        (None, None, Some(d), _) => from(d, "sentence"),
        (None, None, None, Some(p)) => from(p, "published"),
        _ => (None, None),
    }
}

/// The date of a clause opened by ", when": the end date of the time
/// expression just before the comma.
fn when_clause_date(
    tokens: &[Token],
    c0: usize,
    times: &[(usize, usize, Option<String>, Option<String>)],
) -> Option<String> {
    let when =
        (c0.saturating_sub(1)..=c0).find(|&k| tokens.get(k).is_some_and(|t| t.lower == "when"))?;
    // Only a comma (and quotation marks) between the date and "when".
    let mut k = when.checked_sub(1)?;
    while tokens[k].is_quote && k > 0 {
        k -= 1;
    }
    if tokens[k].text != "," {
        return None;
    }
    let mut before = k.checked_sub(1)?;
    while tokens[before].is_quote && before > 0 {
        before -= 1;
    }
    let end = tokens[before].end;
    times
        .iter()
        .find(|(_, e, _, _)| *e == end)
        .and_then(|(_, _, _, last)| last.clone())
}
