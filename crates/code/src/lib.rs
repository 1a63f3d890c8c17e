//! The coding stage: events in PLOVER categories and claims with their
//! speakers, from a document whose entities, time expressions and figures
//! are already found. Events are coded clause by clause from a verb
//! dictionary shipped as data (`data/verbs.tsv`), extendable by the user.
//!
//! This crate does no IO: dictionary files arrive as text.

mod attribution;
mod cameo;
mod claims;
mod contexts;
mod domain;
mod events;
mod frame;
mod occurrences;
mod sense;
mod tokens;
// The build script indexes the shipped frames with it; tests check the
// prebuilt index against it.
#[cfg(test)]
mod verb_runs;
mod verbs;

pub use cameo::{Cameo, CameoPattern, Frame, Noun, CAMEO_VERBS};
pub use verbs::{inflections, is_plover, Verbs, BUILTIN, CATEGORIES};

use storyline_model::{Claim, Document, Event, Occurrence};

/// A dictionary file that could not be read: which file, which line, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl CodeError {
    pub fn hint(&self) -> &'static str {
        "each line is `verb<TAB>CATEGORY<TAB>mode<TAB>pattern`; see the verb dictionary format in the README"
    }
}

impl std::fmt::Display for CodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for CodeError {}

impl Verbs {
    /// The shipped dictionary, loaded once.
    pub fn builtin() -> &'static Verbs {
        static VERBS: std::sync::OnceLock<Verbs> = std::sync::OnceLock::new();
        VERBS.get_or_init(|| {
            Verbs::load(&[("verbs.tsv", BUILTIN)]).expect("the shipped verb dictionary is valid")
        })
    }
}

/// Loads the shipped frame tables (CAMEO verb frames and noun contexts)
/// now rather than at the first event, so that a caller can load them on
/// another thread while it does other work.
pub fn load_frames() {
    Cameo::builtin();
    contexts::Contexts::builtin();
}

/// Codes a document in place: its claims and events, and for each figure
/// reported in a claim, the claim and its speaker.
pub fn annotate(verbs: &Verbs, doc: &mut Document) {
    let Coded {
        claims,
        events,
        occurrences,
    } = code(verbs, doc);
    for q in &mut doc.quantities {
        let claim = claims
            .iter()
            .position(|c| c.start <= q.start && q.end <= c.end);
        q.claim = claim;
        q.said_by = claim.and_then(|i| claims[i].speaker.clone());
    }
    doc.claims = claims;
    doc.events = events;
    doc.occurrences = occurrences;
}

/// What the coding stage finds in a document.
#[derive(Debug, Default)]
pub struct Coded {
    pub claims: Vec<Claim>,
    pub events: Vec<Event>,
    pub occurrences: Vec<Occurrence>,
}

/// Claims, events and occurrences of a document, sentence by sentence.
pub fn code(verbs: &Verbs, doc: &Document) -> Coded {
    let chars: Vec<char> = doc.text.chars().collect();
    let published = doc.published.as_ref().map(|d| d.to_string());
    let parse = (!doc.tokens.is_empty()).then(|| frame::Parse::new(&doc.tokens));
    let said_on: Vec<Option<String>> = (0..doc.sentences.len())
        .map(|k| {
            doc.sentence_dates
                .iter()
                .find(|d| d.sentence == k)
                .and_then(|d| d.said_on.clone())
                .or_else(|| published.clone())
        })
        .collect();
    // Claims are found for the whole document before any event: a
    // quotation over several sentences is attributed only where it ends
    // (", said X"), and the events in its first sentences are reported in
    // it too.
    let claims = match &parse {
        Some(p) => {
            let mut claims = attribution::claims(
                p,
                &attribution::Input {
                    chars: &chars,
                    sentences: &doc.sentences,
                    entities: &doc.entities,
                    said_on: &said_on,
                },
            );
            // Text past the backbone's limit has no parse: its sentences
            // are read with word windows.
            let unparsed = |s: &storyline_model::Span| p.tokens_in(s.start, s.end).is_empty();
            if doc.sentences.iter().any(unparsed) {
                claims.extend(window_claims(doc, &chars, &said_on, unparsed));
                claims.sort_by_key(|c| c.sentence_index);
            }
            claims
        }
        None => window_claims(doc, &chars, &said_on, |_| true),
    };
    let by_sentence = claims_by_sentence(&claims, &doc.sentences);
    // A sport story's "beat", "agreed" and "talks" are no political
    // events; its claims and occurrences still count.
    let sport = domain::is_sport_story(&chars, &doc.sentences);
    let mut events = Vec::new();
    let mut occurrences = Vec::new();
    for (k, s) in doc.sentences.iter().enumerate() {
        let tokens = tokens::tokenize(&chars, s.start, s.end);
        // Each sentence sees only its own entities and figures (both are
        // sorted by start), so coding stays linear in the document; their
        // indices are shifted back to the document's below.
        let (e0, e1) = range(&doc.entities, |e| e.start, s.start, s.end);
        let (q0, q1) = range(&doc.quantities, |q| q.start, s.start, s.end);
        let entities = &doc.entities[e0..e1];
        let (t0, t1) = range(&doc.times, |t| t.start, s.start, s.end);
        let times = doc.times[t0..t1]
            .iter()
            .filter(|t| t.end <= s.end)
            .map(|t| {
                let date = event_date(t);
                let last = range_end(t).or_else(|| date.clone());
                (t.start, t.end, date, last)
            })
            .collect();
        let dates = doc.sentence_dates.iter().find(|d| d.sentence == k);
        let claim_ids = &by_sentence[k];
        let sentence_claims = claims_of_sentence(&claims, claim_ids, e0, e1);
        let cx = events::SentenceContext {
            chars: &chars,
            tokens: &tokens,
            entities,
            quantities: &doc.quantities[q0..q1],
            claims: &sentence_claims,
            claims_offset: 0,
            sentence_index: k,
            sentence: (s.start, s.end),
            // The event date is the time expression's value (TIMEX3:
            // "2024-11-01", "2024-10"), which keeps its precision.
            sentence_date: dates
                .and_then(|d| d.refers_to)
                .and_then(|t| doc.times.get(t))
                .and_then(event_date),
            published: published.clone(),
            times,
            parse: parse.as_ref(),
        };
        let sentence_events = if sport {
            Vec::new()
        } else {
            events::sentence_events(verbs, &cx)
        };
        for mut e in sentence_events {
            e.actor_entities
                .iter_mut()
                .chain(e.recipient_entities.iter_mut())
                .for_each(|i| *i += e0);
            e.location_entity = e.location_entity.map(|i| i + e0);
            e.size_quantity = e.size_quantity.map(|i| i + q0);
            e.reported_in = e.reported_in.and_then(|i| claim_ids.get(i).copied());
            events.push(e);
        }
        if let Some(p) = &parse {
            for mut o in occurrences::sentence_occurrences(&cx, p) {
                o.location_entity = o.location_entity.map(|i| i + e0);
                o.size_quantity = o.size_quantity.map(|i| i + q0);
                o.reported_in = o.reported_in.and_then(|i| claim_ids.get(i).copied());
                occurrences.push(o);
            }
        }
    }
    Coded {
        claims,
        events,
        occurrences,
    }
}

/// For each sentence, the claims its events may be reported in: those
/// attributed in it and those whose content reaches into it, as indices
/// in `claims`, in order.
fn claims_by_sentence(claims: &[Claim], sentences: &[storyline_model::Span]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); sentences.len()];
    for (i, c) in claims.iter().enumerate() {
        let first = sentences.partition_point(|s| s.end <= c.start);
        let last = sentences.partition_point(|s| s.start < c.end);
        for k in (first..last).chain([c.sentence_index]) {
            if let Some(list) = out.get_mut(k) {
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    for list in &mut out {
        list.sort_unstable();
        list.dedup();
    }
    out
}

/// Copies of the claims `ids` with their speaker entities in a sentence's
/// own indices (`e0..e1` of the document's); a speaker named in another
/// sentence is left out.
fn claims_of_sentence(claims: &[Claim], ids: &[usize], e0: usize, e1: usize) -> Vec<Claim> {
    ids.iter()
        .map(|&i| {
            let mut c = claims[i].clone();
            c.speaker_entity = c
                .speaker_entity
                .filter(|e| (e0..e1).contains(e))
                .map(|e| e - e0);
            c
        })
        .collect()
}

/// Claims from word windows, for the sentences `read` accepts: those the
/// backbone did not parse.
/// A direct quotation left open at the end of a sentence runs on into the
/// next ones until its closing mark: the claim that opened it.
fn window_claims(
    doc: &Document,
    chars: &[char],
    said_on: &[Option<String>],
    read: impl Fn(&storyline_model::Span) -> bool,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    let mut open_quote: Option<Claim> = None;
    for (k, s) in doc.sentences.iter().enumerate().filter(|(_, s)| read(s)) {
        let tokens = tokens::tokenize(chars, s.start, s.end);
        let quote_marks = tokens.iter().filter(|t| t.is_quote).count();
        let (e0, e1) = range(&doc.entities, |e| e.start, s.start, s.end);
        let entities = &doc.entities[e0..e1];
        let mut sentence_claims =
            claims::sentence_claims(chars, &tokens, entities, k, said_on[k].clone());
        for c in &mut sentence_claims {
            c.speaker_entity = c.speaker_entity.map(|i| i + e0);
        }
        let mut continuation = None;
        match open_quote.take() {
            Some(opened) => {
                if sentence_claims.is_empty() {
                    continuation = claims::continued(&opened, chars, &tokens, k);
                }
                // An even number of marks leaves the quotation open.
                if quote_marks % 2 == 0 {
                    open_quote = Some(opened);
                }
            }
            None if quote_marks % 2 == 1 => {
                // The claim whose content holds the unclosed mark.
                let mark = tokens.iter().rev().find(|t| t.is_quote).map(|t| t.start);
                open_quote = sentence_claims
                    .iter()
                    .rev()
                    .find(|c| mark.is_some_and(|m| c.start <= m && m < c.end))
                    .cloned();
            }
            None => {}
        }
        claims.extend(sentence_claims);
        claims.extend(continuation);
    }
    claims
}

/// An event's date from its time expression: the TIMEX3 value when it is
/// a calendar date ("2024-11-01", "2024-10"), else the most precise date
/// that covers its interval (a week in March is March, "fall 2008" is
/// 2008); a decade, an open range and vague references ("FUTURE_REF")
/// give none.
fn event_date(t: &storyline_model::TimeExpr) -> Option<String> {
    let v = &t.value;
    let calendar = v.len() >= 4
        && v.chars().take(4).all(|c| c.is_ascii_digit())
        && v.chars().all(|c| c.is_ascii_digit() || c == '-');
    if calendar {
        return Some(v.clone());
    }
    // A week, a season, a time of day or a decade: the days it covers, at
    // no more precision than they have ("the 1990s" is no day).
    let day = |d: &Option<String>| {
        d.as_deref()?
            .parse::<storyline_model::PartialDate>()
            .ok()?
            .to_naive()
    };
    let (first, end) = (day(&t.interval[0])?, day(&t.interval[1])?);
    storyline_model::PartialDate::spanning(first, end).map(|d| d.to_string())
}

/// The date a range ends on, when its value names one ("PRESENT_REF/
/// 2025-01-20").
fn range_end(t: &storyline_model::TimeExpr) -> Option<String> {
    t.value
        .split_once('/')
        .map(|(_, end)| end)
        .filter(|end| end.len() >= 4 && end.chars().all(|c| c.is_ascii_digit() || c == '-'))
        .map(str::to_string)
}

/// The main event of a sentence whose parse is `tokens`: one coded from a
/// verb before one coded from a noun ("an attack"), then the one whose
/// trigger stands highest in the parse (the main clause before a clause
/// that hangs on it: "agreed to open its borders to peacekeepers, who
/// oversee a ceasefire" is the agreement), then the first.
pub fn main_event<'e>(events: &'e [Event], tokens: &[storyline_model::Token]) -> Option<&'e Event> {
    let literal = |e: &Event| e.rule.split(' ').nth(2).is_some_and(|w| w.starts_with('='));
    let depth = |e: &Event| {
        let Some(mut k) = tokens
            .iter()
            .position(|t| t.start >= e.start && t.end <= e.end)
        else {
            return usize::MAX;
        };
        let mut steps = 0;
        while tokens.get(k).is_some_and(|t| t.head != k) && steps < tokens.len() {
            k = tokens[k].head;
            steps += 1;
        }
        steps
    };
    events
        .iter()
        .enumerate()
        .min_by_key(|(i, e)| (literal(e), depth(e), *i))
        .map(|(_, e)| e)
}

/// The index range of the items starting inside `start..end`, for items
/// sorted by start.
fn range<T>(
    items: &[T],
    start_of: impl Fn(&T) -> usize,
    start: usize,
    end: usize,
) -> (usize, usize) {
    let a = items.partition_point(|x| start_of(x) < start);
    let b = items.partition_point(|x| start_of(x) < end);
    (a, b.max(a))
}

/// Claims and events of one sentence given on its own, with its entities
/// and its parse (empty when the backbone did not run), but no dates or
/// figures: what `eval` scores on single-sentence records.
pub fn code_sentence(
    verbs: &Verbs,
    text: &str,
    entities: &[storyline_model::Entity],
    parsed: &[storyline_model::Token],
) -> (Vec<Claim>, Vec<Event>) {
    let parse = (!parsed.is_empty()).then(|| frame::Parse::new(parsed));
    let chars: Vec<char> = text.chars().collect();
    let tokens = tokens::tokenize(&chars, 0, chars.len());
    let claims = match &parse {
        Some(p) => attribution::claims(
            p,
            &attribution::Input {
                chars: &chars,
                sentences: &[storyline_model::Span::new(0, chars.len())],
                entities,
                said_on: &[None],
            },
        ),
        None => claims::sentence_claims(&chars, &tokens, entities, 0, None),
    };
    let cx = events::SentenceContext {
        chars: &chars,
        tokens: &tokens,
        entities,
        quantities: &[],
        claims: &claims,
        claims_offset: 0,
        sentence_index: 0,
        sentence: (0, chars.len()),
        sentence_date: None,
        published: None,
        times: Vec::new(),
        parse: parse.as_ref(),
    };
    let events = events::sentence_events(verbs, &cx);
    (claims, events)
}
