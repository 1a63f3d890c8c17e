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

/// Days within which two statements count as made at the same time.
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
    let mut tracks: Vec<FigureTrack> = Vec::new();
    for doc in documents {
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
    for t in &mut tracks {
        t.observations.sort_by(|a, b| {
            (a.said_on.as_deref().unwrap_or("9999"), &a.document, a.start).cmp(&(
                b.said_on.as_deref().unwrap_or("9999"),
                &b.document,
                b.start,
            ))
        });
        t.disagreements = disagreements(&t.observations);
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
    let mut keys: Vec<Option<TrackKey>> = doc
        .quantities
        .iter()
        .enumerate()
        .map(|(i, q)| {
            if followed(q) {
                subject_of(doc, i, q).map(|subject| TrackKey {
                    subject,
                    scope: scope_of(doc, q),
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
fn subject_of(doc: &Document, index: usize, q: &Quantity) -> Option<String> {
    let country = |code: &str| code.split(' ').next().map(str::to_string);
    if let Some(span) = q.counted_span {
        let named = doc
            .entities
            .iter()
            .find(|e| e.start < span.end && span.start < e.end && e.code.is_some());
        if let Some(code) = named.and_then(|e| e.code.as_deref()) {
            return country(code);
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
fn scope_of(doc: &Document, q: &Quantity) -> Option<String> {
    let chars: Vec<char> = doc.text.chars().collect();
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

/// Pairs of observations said within a few days of each other (or in the
/// same article) whose bounds do not overlap; a headline figure against a
/// body figure of its own article is a `headline` disagreement.
fn disagreements(obs: &[Observation]) -> Vec<Disagreement> {
    let mut out = Vec::new();
    for i in 0..obs.len() {
        for j in i + 1..obs.len() {
            let (a, b) = (&obs[i], &obs[j]);
            if a.currency != b.currency {
                continue;
            }
            let same_doc = a.document == b.document;
            let same_time = match (
                a.said_on.as_deref().and_then(crate::dates::middle),
                b.said_on.as_deref().and_then(crate::dates::middle),
            ) {
                (Some(x), Some(y)) => (x - y).abs() <= SAME_TIME_DAYS,
                _ => same_doc,
            };
            let ((al, ah), (bl, bh)) = (bounds(a), bounds(b));
            let apart = ah < bl || bh < al;
            if !apart {
                continue;
            }
            if same_doc && a.headline != b.headline {
                out.push(Disagreement {
                    kind: "headline".into(),
                    first: i,
                    second: j,
                });
            } else if same_time && !same_doc {
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
