//! The coding stage: events in PLOVER categories and claims with their
//! speakers, from a document whose entities, time expressions and figures
//! are already found. Events are coded clause by clause from a verb
//! dictionary shipped as data (`data/verbs.tsv`), extendable by the user.
//!
//! This crate does no IO: dictionary files arrive as text.

mod claims;
mod contexts;
mod events;
mod tokens;
mod verbs;

pub use verbs::{inflections, is_plover, Verbs, BUILTIN, CATEGORIES};

use storyline_model::{Claim, Document, Event};

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

/// Codes a document in place: its claims and events, and for each figure
/// reported in a claim, the claim and its speaker.
pub fn annotate(verbs: &Verbs, doc: &mut Document) {
    let (claims, events) = code(verbs, doc);
    for q in &mut doc.quantities {
        let claim = claims
            .iter()
            .position(|c| c.start <= q.start && q.end <= c.end);
        q.claim = claim;
        q.said_by = claim.and_then(|i| claims[i].speaker.clone());
    }
    doc.claims = claims;
    doc.events = events;
}

/// Claims and events of a document, sentence by sentence.
pub fn code(verbs: &Verbs, doc: &Document) -> (Vec<Claim>, Vec<Event>) {
    let chars: Vec<char> = doc.text.chars().collect();
    let published = doc.published.as_ref().map(|d| d.to_string());
    let mut claims = Vec::new();
    let mut events = Vec::new();
    // A direct quotation left open at the end of a sentence runs on into
    // the next ones until its closing mark: the claim that opened it.
    let mut open_quote: Option<Claim> = None;
    for (k, s) in doc.sentences.iter().enumerate() {
        let tokens = tokens::tokenize(&chars, s.start, s.end);
        let quote_marks = tokens.iter().filter(|t| t.is_quote).count();
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
            .filter_map(|t| event_date(t).map(|d| (t.start, t.end, d.clone(), range_end(t, d))))
            .collect();
        let dates = doc.sentence_dates.iter().find(|d| d.sentence == k);
        let said_on = dates
            .and_then(|d| d.said_on.clone())
            .or_else(|| published.clone());
        let mut sentence_claims = claims::sentence_claims(&chars, &tokens, entities, k, said_on);
        let mut continuation = None;
        match open_quote.take() {
            Some(opened) => {
                if sentence_claims.is_empty() {
                    continuation = claims::continued(&opened, &chars, &tokens, k);
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
                    .cloned()
                    .map(|mut c| {
                        // Entity indices are the sentence's until shifted.
                        c.speaker_entity = c.speaker_entity.map(|i| i + e0);
                        c
                    });
            }
            None => {}
        }
        let cx = events::SentenceContext {
            chars: &chars,
            tokens: &tokens,
            entities,
            quantities: &doc.quantities[q0..q1],
            claims: &sentence_claims,
            claims_offset: claims.len(),
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
        };
        for mut e in events::sentence_events(verbs, &cx) {
            e.actor_entities
                .iter_mut()
                .chain(e.recipient_entities.iter_mut())
                .for_each(|i| *i += e0);
            e.location_entity = e.location_entity.map(|i| i + e0);
            e.size_quantity = e.size_quantity.map(|i| i + q0);
            events.push(e);
        }
        for c in &mut sentence_claims {
            c.speaker_entity = c.speaker_entity.map(|i| i + e0);
        }
        // Already in the document's indices: cloned from the claim that
        // opened the quotation.
        sentence_claims.extend(continuation);
        claims.extend(sentence_claims);
    }
    (claims, events)
}

/// An event's date from its time expression: the TIMEX3 value when it is
/// a calendar date ("2024-11-01", "2024-10"), else the first day of its
/// interval ("2024-10-01" for early to mid October); vague references
/// ("FUTURE_REF") give none.
fn event_date(t: &storyline_model::TimeExpr) -> Option<String> {
    let v = &t.value;
    let calendar = v.len() >= 4
        && v.chars().take(4).all(|c| c.is_ascii_digit())
        && v.chars().all(|c| c.is_ascii_digit() || c == '-');
    if calendar {
        Some(v.clone())
    } else {
        t.interval[0].clone()
    }
}

/// The date a range ends on, when its value names one ("PRESENT_REF/
/// 2025-01-20"), else `date`.
fn range_end(t: &storyline_model::TimeExpr, date: String) -> String {
    t.value
        .split_once('/')
        .map(|(_, end)| end)
        .filter(|end| end.len() >= 4 && end.chars().all(|c| c.is_ascii_digit() || c == '-'))
        .map_or(date, str::to_string)
}

/// The main event of a sentence: the first coded from a verb, else the
/// first coded from a noun ("an attack").
pub fn main_event(events: &[Event]) -> Option<&Event> {
    let literal = |e: &&Event| e.rule.split(' ').nth(2).is_some_and(|w| w.starts_with('='));
    events
        .iter()
        .find(|e| !literal(e))
        .or_else(|| events.first())
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
/// (no dates or figures): what `eval` scores on single-sentence records.
pub fn code_sentence(
    verbs: &Verbs,
    text: &str,
    entities: &[storyline_model::Entity],
) -> (Vec<Claim>, Vec<Event>) {
    let chars: Vec<char> = text.chars().collect();
    let tokens = tokens::tokenize(&chars, 0, chars.len());
    let claims = claims::sentence_claims(&chars, &tokens, entities, 0, None);
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
    };
    let events = events::sentence_events(verbs, &cx);
    (claims, events)
}
