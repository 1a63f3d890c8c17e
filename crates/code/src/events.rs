//! Events: verb patterns matched in a sentence, each coded with the
//! actors and recipients of its own clause, its status, date, place and
//! size.

use crate::tokens::Token;
use crate::verbs::{VerbMatch, Verbs};
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

/// Measures that give an event its size.
const SIZE_MEASURES: &[&str] = &[
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
    /// in their scope takes, and the date a range ends on ("between now
    /// and January 20": January 20).
    pub times: Vec<(usize, usize, String, String)>,
}

pub fn sentence_events(verbs: &Verbs, cx: &SentenceContext) -> Vec<Event> {
    let tokens = cx.tokens;
    let mut matches: Vec<VerbMatch> = verbs.find(tokens);
    // Longest first, then no overlaps.
    matches.sort_by_key(|m| (std::cmp::Reverse(m.last - m.first), m.first));
    let mut taken: Vec<VerbMatch> = Vec::new();
    for m in matches {
        if !taken.iter().any(|t| t.first <= m.last && m.first <= t.last) {
            taken.push(m);
        }
    }
    taken.sort_by_key(|m| m.first);
    let mut out: Vec<Event> = Vec::new();
    for m in taken {
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
        let pattern = &verbs.patterns[m.pattern];
        let (c0, c1) = clause(cx, m.first, m.last);
        let actors = actor_group(cx, c0, m.first, &out);
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
        let (actors, recipients) = if is_passive(tokens, c0, m.first) {
            let by = (m.last + 1..c1).find(|&k| tokens[k].lower == "by");
            let agent = by
                .map(|k| recipient_group(cx, k + 1, c1))
                .unwrap_or_default();
            (agent, actors)
        } else {
            (actors, recipients)
        };
        let status = status(tokens, c0, m.first);
        let size = size_of(cx, c0, c1);
        let mut category = pattern.category.clone();
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
        let mut mode = pattern.mode.clone();
        if category == "CONSULT" && mode.as_deref() == Some("visit") && military {
            category = "MOBILIZE".into();
            mode = Some("troops".into());
        }
        let cat = category.as_str();
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
                    | "threatened"
            )
        });
        let conditional_after = tokens[m.last + 1..]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "unless" | "if"));
        if status == "future" && COOPERATIVE.contains(&cat) {
            // A specific announced action keeps its category (the
            // manual's note); a general intention is AGREE.
            if size.is_some() {
                status = "announced".into();
            } else {
                category = "AGREE".into();
            }
        } else if CONFLICTUAL.contains(&cat)
            && (status == "hypothetical" || intent || conditional_after)
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
            // What someone says another "must" do is a demand.
            category = "REQUEST".into();
        }
        let location = cx.entities.iter().enumerate().find(|(_, e)| {
            e.kind == "place" && e.start >= tokens[c0].start && e.end <= tokens[c1 - 1].end
        });
        let claim = cx.claims.iter().position(|c| c.start <= vs && ve <= c.end);
        let reported_in = claim.map(|i| i + cx.claims_offset);
        // The most specific date first: a date expression in the event's
        // own clause; for an announced action, the day it was announced;
        // then the sentence's date; then the publication date.
        let (t0, t1) = (tokens[c0].start, tokens[c1 - 1].end);
        let in_clause = cx
            .times
            .iter()
            .find(|(s, e, _, _)| *s >= t0 && *e <= t1)
            .map(|(_, _, d, _)| d.clone());
        // "on May 3, when the new mayor is sworn in", "in 2014, when the
        // treaty took effect": a clause opened by "when" after a comma happens
        // at the date just before the comma (the end of a range).
        let when_date = when_clause_date(tokens, c0, &cx.times);
        let in_clause = in_clause.or(when_date);
        let announced_on = claim
            .filter(|_| matches!(status.as_str(), "future" | "announced"))
            .and_then(|i| cx.claims[i].said_on.clone());
        let (date, date_from) = match (in_clause, announced_on, &cx.sentence_date, &cx.published) {
            (Some(d), _, _, _) => (Some(d), Some("clause".to_string())),
            (None, Some(d), _, _) => (Some(d), Some("announced".to_string())),
            (None, None, s, p) => match (s, p) {
                (Some(d), _) => (Some(d.clone()), Some("sentence".to_string())),
                (None, Some(p)) => (Some(p.clone()), Some("published".to_string())),
                _ => (None, None),
            },
        };
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
        let code = |i: &usize| cx.entities[*i].code.clone().unwrap_or_default();
        out.push(Event {
            category,
            mode,
            context: crate::contexts::Contexts::builtin().of(&tokens[c0..c1]),
            actors: actors.iter().map(code).collect(),
            recipients: recipients.iter().map(code).collect(),
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
            rule: pattern.source.clone(),
        });
    }
    out
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
        let joined = groups.last().and_then(|g| g.last()).is_some_and(|&p| {
            let gap: String = cx.chars[cx.entities[p].end..cx.entities[i].start]
                .iter()
                .collect();
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
    let from = tokens[c0].start;
    let to = tokens[verb].start;
    if let Some(g) = coordinated(cx, &actor_entities(cx, from, to)).pop() {
        return g;
    }
    let pronoun = tokens[c0..verb]
        .iter()
        .find(|t| matches!(t.lower.as_str(), "it" | "they" | "he" | "she" | "we"))
        .map(|t| t.lower.as_str());
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
        if !e.actor_entities.is_empty() {
            return e.actor_entities.clone();
        }
    }
    coordinated(cx, &actor_entities(cx, cx.sentence.0, to))
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

/// The date of a clause opened by ", when": the end date of the time
/// expression just before the comma.
fn when_clause_date(
    tokens: &[Token],
    c0: usize,
    times: &[(usize, usize, String, String)],
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
        .map(|(_, _, _, last)| last.clone())
}
