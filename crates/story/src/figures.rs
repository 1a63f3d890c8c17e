//! Figure tracks: the figures of many articles grouped by what they
//! measure (measure, subject, scope), each observation with its
//! provenance, ordered by when it was said; and the disagreements inside
//! a track: observations said at about the same time whose bounds cannot
//! both be true.

use serde::Serialize;
use storyline_model::{Document, Quantity};

/// Measures worth following across articles.
const TRACKED: &[&str] = &[
    "personnel",
    "casualties",
    "dead",
    "injured",
    "displaced",
    "money",
    "weapons",
    "aircraft",
    "vehicles",
];

/// Days within which a later, lower figure of a growing measure disputes
/// an earlier one.
const SAME_TIME_DAYS: i64 = 10;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Observation {
    pub text: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Option<String>,
    pub currency: Option<String>,
    /// The date the figure refers to, when the sentence has one.
    pub refers_to: Option<String>,
    /// The date it was said (the statement's date, else publication).
    pub said_on: Option<String>,
    pub speaker: Option<String>,
    pub hedges: Vec<String>,
    pub document: String,
    pub start: usize,
    pub end: usize,
    /// True for a figure in the headline.
    pub headline: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// `sources` (two observations of the track at the same time that
    /// cannot both hold) or `headline` (a headline against its own body).
    pub kind: String,
    /// Indices into the track's observations.
    pub first: usize,
    pub second: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureTrack {
    pub measure: String,
    /// What is counted, as an actor code ("PRK MIL") or with its
    /// recipient for money ("USA -> UKR").
    pub subject: String,
    /// `total` (a running total: "since 2022", "in all"), `package` (one
    /// tranche) or `null`.
    pub scope: Option<String>,
    /// For money, what it pays for, from the words after the figure:
    /// `military` ("in security aid"), `humanitarian`, `economic`, or
    /// `null`. Money for weapons and money for everything are different
    /// figures, so they are different tracks.
    pub purpose: Option<String>,
    pub observations: Vec<Observation>,
    pub disagreements: Vec<Disagreement>,
}

/// A figure rounded to a whole number and written with thousands
/// separators ("12,500", "-1,200"), as the figure tables and charts show
/// it.
pub fn with_thousands(v: f64) -> String {
    let digits = format!("{:.0}", v.abs());
    let mut out = String::new();
    if v < 0.0 && digits != "0" {
        out.push('-');
    }
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The tracks of a set of documents (one per wire-copy group is enough:
/// pass canonical articles only, so a copy is not a second source).
pub fn tracks(documents: &[&Document]) -> Vec<FigureTrack> {
    let mut tracking = Tracking::default();
    for doc in documents {
        tracking.add(doc);
    }
    tracking.finish()
}

/// Figure tracks being built one document at a time; documents added in
/// the order given to [`tracks`] give the same tracks.
#[derive(Default)]
pub struct Tracking {
    tracks: Vec<FigureTrack>,
}

impl Tracking {
    /// Adds the figures of the next document.
    pub fn add(&mut self, doc: &Document) {
        let tracks = &mut self.tracks;
        let keys = track_keys(doc);
        for (i, q) in doc.quantities.iter().enumerate() {
            let Some(TrackKey {
                subject,
                scope,
                purpose,
            }) = keys[i].clone()
            else {
                continue;
            };
            let obs = observation(doc, q);
            match tracks.iter_mut().find(|t| {
                t.measure == q.measure
                    && t.subject == subject
                    && t.scope == scope
                    && t.purpose == purpose
            }) {
                Some(t) => t.observations.push(obs),
                None => tracks.push(FigureTrack {
                    measure: q.measure.clone(),
                    subject,
                    scope,
                    purpose,
                    observations: vec![obs],
                    disagreements: Vec::new(),
                }),
            }
        }
    }

    /// The tracks of every document added, with their disagreements.
    pub fn finish(self) -> Vec<FigureTrack> {
        let mut tracks = self.tracks;
        for t in &mut tracks {
            t.observations.sort_by(|a, b| {
                (a.said_on.as_deref().unwrap_or("9999"), &a.document, a.start).cmp(&(
                    b.said_on.as_deref().unwrap_or("9999"),
                    &b.document,
                    b.start,
                ))
            });
            t.disagreements = disagreements(&t.observations, &t.measure, t.scope.as_deref());
        }
        // A lone figure is kept when someone said it or when it is a running
        // total or a package: those are what a reader follows.
        tracks.retain(|t| {
            t.observations.len() > 1
                || t.scope.is_some()
                || t.observations.iter().any(|o| o.speaker.is_some())
        });
        tracks.sort_by_key(|t| std::cmp::Reverse(t.observations.len()));
        tracks
    }
}

/// The track (subject, scope) of each figure of a document, `None` for
/// figures not followed. A headline figure takes the track of the body
/// figure of the same measure and currency nearest to it in value: the
/// headline states the story's figure, and is compared with it.
/// What a figure's track is keyed by, besides its measure.
#[derive(Debug, Clone, PartialEq)]
struct TrackKey {
    subject: String,
    scope: Option<String>,
    purpose: Option<String>,
}

fn track_keys(doc: &Document) -> Vec<Option<TrackKey>> {
    let followed =
        |q: &Quantity| TRACKED.contains(&q.measure.as_str()) && q.conversion_of.is_none();
    let in_headline = |q: &Quantity| {
        doc.title_span
            .is_some_and(|t| t.start <= q.start && q.end <= t.end)
    };
    // Spans are char offsets: the text's chars, collected once for all
    // of the document's figures.
    let chars: Vec<char> = doc.text.chars().collect();
    let mut keys: Vec<Option<TrackKey>> = doc
        .quantities
        .iter()
        .enumerate()
        .map(|(i, q)| {
            if followed(q) {
                subject_of(doc, &chars, i, q).map(|subject| TrackKey {
                    subject,
                    scope: scope_of(&chars, q),
                    purpose: purpose_of(doc, q),
                })
            } else {
                None
            }
        })
        .collect();
    for (i, q) in doc.quantities.iter().enumerate() {
        if !followed(q) || !in_headline(q) {
            continue;
        }
        let size = |x: &Quantity| x.value.or(x.low).or(x.high).filter(|v| *v > 0.0);
        let nearest = doc
            .quantities
            .iter()
            .enumerate()
            .filter(|(j, b)| {
                *j != i
                    && followed(b)
                    && !in_headline(b)
                    && b.measure == q.measure
                    && b.currency == q.currency
                    && keys[*j].is_some()
            })
            .filter_map(|(j, b)| Some((j, (size(b)?.ln() - size(q)?.ln()).abs())))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((j, _)) = nearest {
            keys[i] = keys[j].clone();
        }
    }
    keys
}

fn observation(doc: &Document, q: &Quantity) -> Observation {
    let claim = q.claim.and_then(|c| doc.claims.get(c));
    let sentence = doc
        .sentences
        .iter()
        .position(|s| s.start <= q.start && q.end <= s.end);
    let dates = sentence.and_then(|k| doc.sentence_dates.iter().find(|d| d.sentence == k));
    let refers_to = dates
        .and_then(|d| d.refers_to)
        .and_then(|t| doc.times.get(t))
        .map(|t| t.value.clone())
        .filter(|v| v.chars().next().is_some_and(|c| c.is_ascii_digit()));
    let said_on = claim
        .and_then(|c| c.said_on.clone())
        .or_else(|| dates.and_then(|d| d.said_on.clone()))
        .or_else(|| doc.published.as_ref().map(|p| p.to_string()));
    Observation {
        text: q.text.clone(),
        value: q.value,
        low: q.low,
        high: q.high,
        qualifier: q.qualifier.clone(),
        currency: q.currency.clone(),
        refers_to,
        said_on,
        speaker: q.said_by.clone(),
        hedges: claim.map(|c| c.hedges.clone()).unwrap_or_default(),
        document: doc.id.as_str().to_string(),
        start: q.start,
        end: q.end,
        headline: doc
            .title_span
            .is_some_and(|t| t.start <= q.start && q.end <= t.end),
    }
}

/// What a figure counts, as a country code: the actor named in its
/// counted phrase ("North Korean troops"); for money, the actor and
/// recipient of the event it sizes ("USA -> UKR") or, with no event, the
/// sentence's first actor and the next country it names; else the nearest actor
/// before it in its sentence that is not a person (people are usually the
/// speakers) or a place (where, not whose), else the first after it.
fn subject_of(doc: &Document, chars: &[char], index: usize, q: &Quantity) -> Option<String> {
    let country = |code: &str| code.split(' ').next().map(str::to_string);
    if let Some(span) = q.counted_span {
        // Named inside the counted words ("North Korean troops") or just
        // before them ("North Korean casualties ... exceeded 3,000"):
        // whose they are.
        let adjoins = |e: &storyline_model::Entity| {
            e.end <= span.start
                && chars
                    .get(e.end..span.start)
                    .is_some_and(|gap| gap.iter().all(|c| c.is_whitespace()))
        };
        let named = doc
            .entities
            .iter()
            .find(|e| (e.start < span.end && span.start < e.end || adjoins(e)) && e.code.is_some());
        if let Some(code) = named.and_then(|e| e.code.as_deref()) {
            return country(code);
        }
    }
    // A toll belongs to where it happened; casualties, a military count,
    // to the side that suffered them, which the rules below find.
    if matches!(q.measure.as_str(), "dead" | "injured" | "displaced") {
        if let Some(place) = affected_country(doc, chars, index, q) {
            return Some(place);
        }
    }
    if let Some(e) = doc.events.iter().find(|e| e.size_quantity == Some(index)) {
        let first = |codes: &[String]| codes.first().and_then(|c| country(c));
        // Money goes from someone to someone; people and arms belong to
        // the actor that sends or uses them.
        match (first(&e.actors), first(&e.recipients)) {
            (Some(a), Some(r)) if q.measure == "money" => return Some(format!("{a} -> {r}")),
            (Some(a), _) => return Some(a),
            _ => {}
        }
    }
    let sentence = doc
        .sentences
        .iter()
        .find(|s| s.start <= q.start && q.end <= s.end)?;
    if q.measure == "money" {
        // Money in a sentence with no coded event goes to the country
        // named after "to" or "for" behind the figure ("the $5 billion
        // Japan has pledged to Chile"), else to the next country the
        // sentence names after its first actor ("The US, Ukraine's largest
        // backer, has given ..."); it comes from the sentence's first
        // actor that is not the receiver.
        let actors: Vec<(usize, String)> = doc
            .entities
            .iter()
            .filter(|e| e.start >= sentence.start && e.end <= sentence.end)
            .filter(|e| e.kind != "place" && e.rule != "title")
            .filter_map(|e| Some((e.start, e.code.as_deref().and_then(country)?)))
            .collect();
        let receiver = receiver_after(doc, q, &actors);
        let giver = actors
            .iter()
            .map(|(_, c)| c)
            .find(|c| Some(*c) != receiver.as_ref());
        if let Some(giver) = giver {
            let receiver =
                receiver.or_else(|| actors.iter().map(|(_, c)| c).find(|c| *c != giver).cloned());
            return Some(match receiver {
                Some(r) => format!("{giver} -> {r}"),
                None => giver.clone(),
            });
        }
    }
    let candidates = || {
        doc.entities.iter().filter(|e| {
            e.start >= sentence.start
                && e.end <= sentence.end
                && e.code.is_some()
                && e.rule != "title"
                && !matches!(e.kind.as_str(), "person" | "place")
        })
    };
    candidates()
        .rfind(|e| e.end <= q.start)
        .or_else(|| candidates().find(|e| e.start >= q.end))
        .and_then(|e| e.code.as_deref().and_then(country))
}

/// The country a toll or a count of the displaced belongs to: where it
/// happened, not who reported it ("the UN said more than 200 died in
/// Turkey" is Turkey's toll). In order: the place of the event or
/// occurrence the figure sizes; the country or place in its sentence
/// nearest before it, else the first after it, leaving out the speaker of
/// the figure's claim; the speaker's own country when the sentence says
/// "his country" or the like; the country the article names most.
fn affected_country(doc: &Document, chars: &[char], index: usize, q: &Quantity) -> Option<String> {
    let country_of = |i: usize| {
        doc.entities.get(i).and_then(|e| {
            e.country
                .clone()
                .or_else(|| e.code.as_deref()?.split(' ').next().map(str::to_string))
        })
    };
    let sized_place = doc
        .occurrences
        .iter()
        .filter(|o| o.size_quantity == Some(index))
        .filter_map(|o| o.location_entity)
        .chain(
            doc.events
                .iter()
                .filter(|e| e.size_quantity == Some(index))
                .filter_map(|e| e.location_entity),
        )
        .find_map(country_of);
    if sized_place.is_some() {
        return sized_place;
    }
    let sentence = doc
        .sentences
        .iter()
        .find(|s| s.start <= q.start && q.end <= s.end)?;
    let speaker = q
        .claim
        .and_then(|c| doc.claims.get(c))
        .and_then(|c| c.speaker_entity)
        .and_then(|i| doc.entities.get(i));
    let is_place = |e: &&storyline_model::Entity| matches!(e.kind.as_str(), "country" | "place");
    let in_sentence: Vec<(usize, &storyline_model::Entity)> = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.start >= sentence.start && e.end <= sentence.end)
        .filter(|(_, e)| is_place(e) && e.rule != "title")
        .filter(|(_, e)| speaker.is_none_or(|s| e.end <= s.start || s.end <= e.start))
        .collect();
    let words_before = |at: usize| -> String {
        chars[at.saturating_sub(8)..at.min(chars.len())]
            .iter()
            .collect::<String>()
            .to_lowercase()
    };
    let after_locative = |e: &storyline_model::Entity| {
        let before = words_before(e.start);
        [" in ", " across ", " near ", " at "]
            .iter()
            .any(|w| before.ends_with(w) || before.ends_with(&w[1..]))
    };
    let in_sentence: Vec<(usize, &storyline_model::Entity)> = in_sentence
        .into_iter()
        .filter(|(_, e)| !in_dateline(doc, chars, e))
        .collect();
    let nearest = in_sentence
        .iter()
        .find(|(_, e)| e.start >= q.end && after_locative(e))
        .or_else(|| in_sentence.iter().rfind(|(_, e)| e.end <= q.start))
        .or_else(|| in_sentence.iter().find(|(_, e)| e.start >= q.end))
        .and_then(|(i, _)| country_of(*i));
    if nearest.is_some() {
        return nearest;
    }
    // "The president of Malawi said his country counts four dead": the
    // speaker's own country, named by a possessive.
    let sentence_text: String = chars[sentence.start..sentence.end.min(chars.len())]
        .iter()
        .collect::<String>()
        .to_lowercase();
    let own_country = ["his", "her", "its", "their", "our"].iter().any(|p| {
        ["country", "nation"]
            .iter()
            .any(|n| sentence_text.contains(&format!("{p} {n}")))
    });
    if let Some(code) = speaker
        .filter(|_| own_country)
        .and_then(|s| s.code.as_deref())
    {
        return code.split(' ').next().map(str::to_string);
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (i, _) in doc.entities.iter().enumerate().filter(|(_, e)| is_place(e)) {
        if let Some(c) = country_of(i) {
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
        }
    }
    // The first named wins a tie: an article names its own country early.
    counts
        .into_iter()
        .fold(None::<(String, usize)>, |best, (c, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((c, n)),
        })
        .map(|(c, _)| c)
}

/// True for a place in a dateline ("GENEVA (Wire) -", "VAN, Turkey -"):
/// where the story was filed, not where it happened. Such a place opens
/// its paragraph after nothing but capitals and commas, and a dash
/// follows it closely.
fn in_dateline(doc: &Document, chars: &[char], e: &storyline_model::Entity) -> bool {
    let Some(paragraph) = doc
        .paragraphs
        .iter()
        .find(|p| p.start <= e.start && e.end <= p.end)
    else {
        return false;
    };
    let before = &chars[paragraph.start..e.start];
    if before.len() > 40 || before.iter().any(|c| c.is_lowercase()) {
        return false;
    }
    let after: String = chars[e.end..(e.end + 30).min(paragraph.end)]
        .iter()
        .collect();
    [" - ", " \u{2014} ", " \u{2013} ", "\u{2014}"]
        .iter()
        .any(|dash| after.contains(dash))
}

/// What money is for, from the ten words after it ("in weapons,
/// ammunition and other security aid", "in humanitarian assistance").
fn purpose_of(doc: &Document, q: &Quantity) -> Option<String> {
    if q.measure != "money" {
        return None;
    }
    let after: String = doc.text.chars().skip(q.end).take(120).collect();
    let after = after.to_lowercase();
    let words: Vec<&str> = after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(10)
        .collect();
    let any = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if any(&[
        "military",
        "security",
        "weapons",
        "arms",
        "ammunition",
        "defence",
        "defense",
    ]) {
        Some("military".into())
    } else if any(&["humanitarian", "relief", "emergency"]) {
        Some("humanitarian".into())
    } else if any(&[
        "economic",
        "budget",
        "budgetary",
        "financial",
        "reconstruction",
    ]) {
        Some("economic".into())
    } else {
        None
    }
}

/// The country of the first actor after a figure that follows "to" or
/// "for" ("committed for Ukraine", "pledged to Chile"), within the
/// sentence: who the money goes to.
fn receiver_after(doc: &Document, q: &Quantity, actors: &[(usize, String)]) -> Option<String> {
    actors
        .iter()
        .filter(|(start, _)| *start >= q.end)
        .find(|(start, _)| {
            let from = start.saturating_sub(5);
            let before: String = doc.text.chars().skip(from).take(start - from).collect();
            let before = before.to_lowercase();
            before.ends_with("to ") || before.ends_with("for ")
        })
        .map(|(_, c)| c.clone())
}

/// `total` for running totals, `package` for one tranche, from the words
/// around the figure.
fn scope_of(chars: &[char], q: &Quantity) -> Option<String> {
    let from = q.start.saturating_sub(60);
    let to = (q.end + 80).min(chars.len());
    let around: String = chars[from..to].iter().collect::<String>().to_lowercase();
    let has = |w: &str| around.split(|c: char| !c.is_alphanumeric()).any(|x| x == w);
    if has("since")
        || has("total")
        || has("overall")
        || has("cumulative")
        || around.contains("in all")
        || around.contains("so far")
        || has("altogether")
    {
        Some("total".into())
    } else if has("package") || has("tranche") || has("additional") {
        Some("package".into())
    } else {
        None
    }
}

fn bounds(o: &Observation) -> (f64, f64) {
    match (o.value, o.low, o.high) {
        (_, Some(l), Some(h)) => (l, h),
        (_, Some(l), None) => (l, f64::INFINITY),
        (_, None, Some(h)) => (f64::NEG_INFINITY, h),
        (Some(v), None, None) => (v, v),
        _ => (f64::NEG_INFINITY, f64::INFINITY),
    }
}

/// Measures that only grow while a story develops: a toll, a count of the
/// displaced, a running total. A later, larger figure of one of these is
/// progress, not a second opinion.
fn accumulates(measure: &str, scope: Option<&str>) -> bool {
    matches!(measure, "casualties" | "dead" | "injured" | "displaced") || scope == Some("total")
}

/// The day an observation speaks for: the date its sentence refers to,
/// else the day it was said.
fn as_of(o: &Observation) -> Option<i64> {
    o.refers_to
        .as_deref()
        .or(o.said_on.as_deref())
        .and_then(crate::dates::middle)
}

/// Who stands behind an observation: its speaker, else its article. Two
/// figures of one source family are that family's own updates.
fn family(o: &Observation) -> String {
    o.speaker
        .as_deref()
        .map_or_else(|| o.document.clone(), str::to_lowercase)
}

/// The disagreements of a track whose observations are in time order.
///
/// Two observations disagree when their bounds do not overlap and they
/// claim the same thing for the same time:
///
/// - in one article, a headline figure against a body figure is a
///   `headline` disagreement;
/// - from two articles, `sources` when both speak for the same day, or
///   when, within [`SAME_TIME_DAYS`], the later one is below the earlier
///   one of a growing measure ([`accumulates`]) while the earlier was
///   still its family's latest word (no later figure of that family came
///   between). A later, larger toll is progress; a figure of one family
///   superseded by that family's own update is not disputed by what
///   others said after; figures of a measure that does not accumulate
///   (troops sent, one aid package) are compared only on the same day.
fn disagreements(obs: &[Observation], measure: &str, scope: Option<&str>) -> Vec<Disagreement> {
    let growing = accumulates(measure, scope);
    let days: Vec<Option<i64>> = obs.iter().map(as_of).collect();
    let families: Vec<String> = obs.iter().map(family).collect();
    let mut out = Vec::new();
    for i in 0..obs.len() {
        for j in i + 1..obs.len() {
            let (a, b) = (&obs[i], &obs[j]);
            if a.currency != b.currency {
                continue;
            }
            let ((al, ah), (bl, bh)) = (bounds(a), bounds(b));
            if !(ah < bl || bh < al) {
                continue;
            }
            if a.document == b.document {
                if a.headline != b.headline {
                    out.push(Disagreement {
                        kind: "headline".into(),
                        first: i,
                        second: j,
                    });
                }
                continue;
            }
            if families[i] == families[j] {
                continue;
            }
            let (Some(x), Some(y)) = (days[i], days[j]) else {
                continue;
            };
            let disputed = if x == y {
                true
            } else {
                let (early, late) = if x < y { (i, j) } else { (j, i) };
                let (early_day, late_day) = (x.min(y), x.max(y));
                let fell = bounds(&obs[late]).1 < bounds(&obs[early]).0;
                let superseded = (0..obs.len()).any(|k| {
                    k != early
                        && families[k] == families[early]
                        && days[k].is_some_and(|d| early_day < d && d <= late_day)
                });
                growing && fell && late_day - early_day <= SAME_TIME_DAYS && !superseded
            };
            if disputed {
                out.push(Disagreement {
                    kind: "sources".into(),
                    first: i,
                    second: j,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An observation of `value` said on `day` by `speaker` in `document`.
    fn said(value: f64, day: &str, speaker: &str, document: &str) -> Observation {
        Observation {
            text: value.to_string(),
            value: Some(value),
            low: None,
            high: None,
            qualifier: None,
            currency: None,
            refers_to: None,
            said_on: Some(day.to_string()),
            speaker: (!speaker.is_empty()).then(|| speaker.to_string()),
            hedges: Vec::new(),
            document: document.to_string(),
            start: 0,
            end: 1,
            headline: false,
        }
    }

    fn pairs(
        obs: &[Observation],
        measure: &str,
        scope: Option<&str>,
    ) -> Vec<(String, usize, usize)> {
        disagreements(obs, measure, scope)
            .into_iter()
            .map(|d| (d.kind, d.first, d.second))
            .collect()
    }

    #[test]
    fn a_rising_toll_is_progress_not_disagreement() {
        let obs = [
            said(45.0, "2025-10-01", "officials", "a"),
            said(132.0, "2025-10-02", "the ministry", "b"),
            said(246.0, "2025-10-04", "", "c"),
        ];
        assert!(pairs(&obs, "dead", None).is_empty());
    }

    #[test]
    fn two_sources_apart_on_the_same_day_disagree() {
        let mut un = said(0.0, "2025-10-02", "UN", "a");
        un.value = None;
        un.low = Some(200.0);
        let obs = [un, said(178.0, "2025-10-02", "officials", "b")];
        assert_eq!(pairs(&obs, "dead", None), [("sources".to_string(), 0, 1)]);
    }

    #[test]
    fn a_later_lower_toll_disputes_the_earlier_while_it_stands() {
        let obs = [
            said(120.0, "2025-10-01", "the governor", "a"),
            said(94.0, "2025-10-03", "the ministry", "b"),
        ];
        assert_eq!(pairs(&obs, "dead", None), [("sources".to_string(), 0, 1)]);
    }

    #[test]
    fn a_figure_its_own_source_updated_is_not_disputed() {
        let obs = [
            said(120.0, "2025-10-01", "the governor", "a"),
            said(90.0, "2025-10-02", "the governor", "c"),
            said(94.0, "2025-10-03", "the ministry", "b"),
        ];
        let found = pairs(&obs, "dead", None);
        assert!(!found.contains(&("sources".to_string(), 0, 2)), "{found:?}");
    }

    #[test]
    fn figures_that_do_not_accumulate_are_compared_on_the_same_day_only() {
        let obs = [
            said(12_000.0, "2025-10-01", "Seoul", "a"),
            said(10_000.0, "2025-10-04", "Kyiv", "b"),
        ];
        assert!(pairs(&obs, "personnel", None).is_empty());
        let same_day = [
            said(12_000.0, "2025-10-01", "Seoul", "a"),
            said(10_000.0, "2025-10-01", "Kyiv", "b"),
        ];
        assert_eq!(pairs(&same_day, "personnel", None).len(), 1);
    }

    #[test]
    fn the_day_a_sentence_refers_to_beats_the_day_it_was_said() {
        let mut earlier = said(50.0, "2025-10-05", "officials", "a");
        earlier.refers_to = Some("2025-10-01".to_string());
        let obs = [earlier, said(80.0, "2025-10-05", "aid groups", "b")];
        assert!(pairs(&obs, "dead", None).is_empty());
    }

    #[test]
    fn one_speaker_across_articles_is_one_family() {
        let obs = [
            said(100.0, "2025-10-01", "The Ministry", "a"),
            said(60.0, "2025-10-01", "the ministry", "b"),
        ];
        assert!(pairs(&obs, "dead", None).is_empty());
    }

    #[test]
    fn a_headline_against_its_body_stays() {
        let mut head = said(500.0, "2025-10-01", "", "a");
        head.headline = true;
        let obs = [head, said(425.0, "2025-10-01", "", "a")];
        assert_eq!(pairs(&obs, "money", None), [("headline".to_string(), 0, 1)]);
    }
}
