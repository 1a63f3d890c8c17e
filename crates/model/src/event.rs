use serde::{Deserialize, Serialize};

/// An event coded into PLOVER: the output contract's event object, with
/// the spans and the dictionary entry that explain it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// One of the sixteen PLOVER categories (AGREE ... ASSAULT), or
    /// `TRANSITION`, storyline's own category for a change of office.
    pub category: String,
    pub mode: Option<String>,
    /// PLOVER contexts signalled by the words of the clause (`military`,
    /// `humanitarian`, `diplomatic`, ...).
    #[serde(default)]
    pub context: Vec<String>,
    /// Actor codes (`USA GOV`), one per actor: compound actors are split.
    pub actors: Vec<String>,
    pub recipients: Vec<String>,
    /// Indices in the document's `entities` of the actors and recipients.
    pub actor_entities: Vec<usize>,
    pub recipient_entities: Vec<usize>,
    /// The event's date (ISO, at the precision known), or `null`.
    pub date: Option<String>,
    /// Where the date came from: `clause` (a date expression in the
    /// event's clause), `announced` (an announced action: the day of the
    /// statement), `sentence` (the date the sentence is about),
    /// `published` (the publication date stands in), or `null`.
    pub date_from: Option<String>,
    /// `happened`, `ongoing`, `future`, `announced`, `hypothetical` or
    /// `negated`.
    pub status: String,
    /// Where: the name of the first place mentioned in the clause.
    pub location: Option<String>,
    pub location_entity: Option<usize>,
    /// The size of the event (people sent, killed, injured): a figure of the
    /// clause, as its text.
    pub size: Option<String>,
    pub size_quantity: Option<usize>,
    /// The sentence, as text, and its index in the document's sentences.
    pub sentence: String,
    pub sentence_index: usize,
    /// The verb phrase that was coded.
    pub verb: String,
    pub start: usize,
    pub end: usize,
    /// The index in `claims` of the statement this event is reported in.
    pub reported_in: Option<usize>,
    /// That statement's speaker as written: the event's source.
    #[serde(default)]
    pub reported_by: Option<String>,
    /// The dictionary entry that produced the event (`verb AID provide`).
    pub rule: String,
}

/// Something that happened with no political actor behind it: an
/// earthquake, a flood, a crash, a death toll, an election's result. Not a
/// PLOVER event (nobody acts in it), but a timeline needs it, so it is
/// reported apart and never given an invented actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    /// What kind of happening: `earthquake`, `tsunami`, `flood`, `storm`, `fire`,
    /// `eruption`, `landslide`, `drought`, `heatwave`, `crash`,
    /// `explosion`, `collapse`, `outbreak`, `toll` (a casualty count
    /// given or revised) or `election`.
    pub kind: String,
    /// The word that tells it (`earthquake`, `struck`, `toll`), with its
    /// char offsets in `text`.
    pub trigger: String,
    pub start: usize,
    pub end: usize,
    /// The phrase that names it ("a magnitude 7.8 earthquake").
    pub what: String,
    /// The verb that tells it happening ("struck", "rose"), when there is
    /// one.
    pub verb: Option<String>,
    /// Where: the first place its clause names, and that entity's index.
    pub location: Option<String>,
    pub location_entity: Option<usize>,
    /// When, and where the date came from, as for events.
    pub date: Option<String>,
    pub date_from: Option<String>,
    /// Its size: a figure of its clause (dead, injured, displaced, a
    /// magnitude), as text, and its index in `quantities`.
    pub size: Option<String>,
    pub size_quantity: Option<usize>,
    /// `happened`, `ongoing`, `future`, `hypothetical` or `negated`.
    pub status: String,
    pub sentence: String,
    pub sentence_index: usize,
    /// The statement it is reported in, and its speaker, as for events.
    pub reported_in: Option<usize>,
    #[serde(default)]
    pub reported_by: Option<String>,
}

/// A reported statement: who said what, when, and with which hedges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The content span (what was said), char offsets in `text`.
    pub start: usize,
    pub end: usize,
    /// The speaker as written ("U.S. officials", "Kirby", "sources
    /// familiar with the matter"), the mention a pronoun stands for, or
    /// `null` when none is named.
    pub speaker: Option<String>,
    /// The speaker's index in `entities`, its actor code, when resolved.
    pub speaker_entity: Option<usize>,
    pub speaker_code: Option<String>,
    /// The reporting verb as written ("said", "according to", "believes"),
    /// or `:` for an interview line ("ROE: ...").
    pub verb: String,
    /// `direct` (all in quotation marks), `indirect` or `mixed`.
    pub quote: String,
    /// The date the statement was made (ISO), when known.
    pub said_on: Option<String>,
    /// Labels from a small set: `claimed`, `reportedly`, `believed`,
    /// `estimated`, `unverified`, `without_evidence`, `alleged`, `denied`.
    pub hedges: Vec<String>,
    /// The sentence of the attribution (", said X" for a quotation over
    /// several sentences).
    pub sentence_index: usize,
}
