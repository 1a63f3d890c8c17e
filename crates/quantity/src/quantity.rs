//! Quantities: numbers with their qualifier and bounds, currency, percent,
//! and the thing counted, minus the numbers that are not quantities
//! (years, dates, times, ages, model names, durations, list markers).

use crate::currency;
use crate::number::{find_numbers, NumberMatch};
use crate::phrase::{ends_with_ignore_case, ends_with_phrase, starts_with_phrase};

/// A figure in a text. Byte offsets; the caller converts to characters.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    /// The amount alone, without a qualifier before it: "US$60 billion"
    /// in "more than US$60 billion".
    pub amount: (usize, usize),
    /// The figure as stated, when it is one number.
    pub value: Option<f64>,
    /// Bounds: `None` is unbounded on that side.
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    /// The qualifier as a stable label: `at least`, `more than`, `up to`,
    /// `nearly`, `about`, `between`, `range`, `vague`, `fewer than`.
    pub qualifier: Option<&'static str>,
    pub approximate: bool,
    /// ISO 4217 code.
    pub currency: Option<&'static str>,
    /// True when the currency was read from a bare `$`.
    pub currency_assumed: bool,
    /// The unit as named: "Dollar", "Canadian dollar", "Pence".
    pub currency_name: Option<&'static str>,
    pub percent: bool,
    /// The noun phrase counted, and its byte range.
    pub counted: Option<(usize, usize)>,
    /// From the documented vocabulary: personnel, casualties, dead,
    /// injured, displaced, money, weapons, vehicles, aircraft, percent,
    /// count.
    pub measure: &'static str,
    /// For an amount in brackets after another, the index of that amount:
    /// "US$425 million (S$560 million)".
    pub conversion_of: Option<usize>,
}

/// Qualifiers before a number, longest first, with their bounds: whether
/// the number is a lower or upper bound, and whether inclusive.
const QUALIFIERS: &[(&str, &str, Bound)] = &[
    ("in excess of", "more than", Bound::Low(false)),
    ("as many as", "up to", Bound::High(true)),
    ("as much as", "up to", Bound::High(true)),
    ("no more than", "up to", Bound::High(true)),
    ("more than", "more than", Bound::Low(false)),
    ("greater than", "more than", Bound::Low(false)),
    ("fewer than", "fewer than", Bound::High(false)),
    ("less than", "fewer than", Bound::High(false)),
    ("at least", "at least", Bound::Low(true)),
    ("at most", "up to", Bound::High(true)),
    ("up to", "up to", Bound::High(true)),
    ("close to", "nearly", Bound::High(false)),
    ("an estimated", "about", Bound::Approx),
    ("approximately", "about", Bound::Approx),
    ("estimated", "about", Bound::Approx),
    ("exceeding", "more than", Bound::Low(false)),
    ("exceeded", "more than", Bound::Low(false)),
    ("exceeds", "more than", Bound::Low(false)),
    // Headline verbs of a rising count: "toll passes 240", "tops 1,000".
    ("surpassed", "more than", Bound::Low(false)),
    ("surpasses", "more than", Bound::Low(false)),
    ("passes", "more than", Bound::Low(false)),
    ("topped", "more than", Bound::Low(false)),
    ("tops", "more than", Bound::Low(false)),
    ("nearly", "nearly", Bound::High(false)),
    ("almost", "nearly", Bound::High(false)),
    ("roughly", "about", Bound::Approx),
    ("around", "about", Bound::Approx),
    ("about", "about", Bound::Approx),
    ("some", "about", Bound::Approx),
    ("over", "more than", Bound::Low(false)),
    ("under", "fewer than", Bound::High(false)),
    ("below", "fewer than", Bound::High(false)),
    ("above", "more than", Bound::Low(false)),
];

#[derive(Debug, Clone, Copy)]
enum Bound {
    Low(bool),
    High(bool),
    Approx,
}

/// Vague amounts: "hundreds of thousands" is at least 200,000 and below a
/// million. Longest first.
const VAGUE: &[(&str, f64, f64)] = &[
    ("hundreds of thousands", 2e5, 1e6),
    ("tens of thousands", 2e4, 1e5),
    ("hundreds of millions", 2e8, 1e9),
    ("tens of millions", 2e7, 1e8),
    ("a handful", 2.0, 6.0),
    ("thousands", 2e3, 1e4),
    ("millions", 2e6, 1e7),
    ("billions", 2e9, 1e10),
    ("hundreds", 200.0, 1e3),
    ("dozens", 24.0, 100.0),
    ("scores", 40.0, 100.0),
];

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

const TIME_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
];

/// Words after which a number is a label, not an amount.
const LABELS: &[&str] = &[
    "page",
    "no",
    "number",
    "article",
    "resolution",
    "chapter",
    "section",
    "room",
    "flight",
    "route",
    "line",
    "platform",
    "gate",
];

/// Head nouns and the measure they count.
fn measure_of(head: &str) -> Option<&'static str> {
    let h = head.to_lowercase();
    Some(match h.as_str() {
        "troops" | "soldiers" | "servicemen" | "servicewomen" | "personnel" | "forces"
        | "fighters" | "recruits" | "sailors" | "marines" | "mercenaries" | "reservists"
        | "conscripts" | "militants" => "personnel",
        "casualties" => "casualties",
        "dead" | "deaths" | "bodies" | "fatalities" | "killed" | "toll" => "dead",
        "injured" | "wounded" | "injuries" => "injured",
        "displaced" | "refugees" | "evacuees" | "homeless" => "displaced",
        "shells" | "rockets" | "missiles" | "munitions" | "rounds" | "drones" | "interceptors"
        | "weapons" | "bombs" | "mines" | "grenades" | "artillery" | "ammunition" | "launchers" => {
            "weapons"
        }
        "vehicles" | "tanks" | "carriers" | "trucks" | "armoured" | "armored" => "vehicles",
        "aircraft" | "jets" | "planes" | "helicopters" | "fighters-jets" | "warplanes"
        | "bombers" => "aircraft",
        _ => return None,
    })
}

/// Words that end a counted noun phrase: function words ("in", "that",
/// "were"), which include the verbs of report ("said").
fn ends_phrase(word: &str) -> bool {
    storyline_text::is_stopword(word)
}

fn prev_word(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = text[..at].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.' || *c == '\''))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let w = &before[start..];
    (!w.is_empty()).then_some((start, w))
}

fn next_word(text: &str, at: usize) -> Option<(usize, usize, &str)> {
    let rest = &text[at..];
    let skip = rest.len() - rest.trim_start().len();
    let s = at + skip;
    let len = text[s..]
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .unwrap_or(text.len() - s);
    (len > 0).then(|| (s, s + len, &text[s..s + len]))
}

/// Whether a number is something other than an amount.
fn not_a_quantity(text: &str, m: &NumberMatch) -> bool {
    let after = &text[m.end..];
    let before = &text[..m.start];
    // "78-year-old", "nine-storey", "10-day": a compound adjective; but
    // "12-cent" and "one-yen" are amounts.
    if after.starts_with('-')
        && after[1..].starts_with(|c: char| c.is_alphabetic())
        && currency::name_after(after).is_none()
    {
        return true;
    }
    // "F-16", "Su-34", "PAC-3": a model or unit name.
    if before.ends_with('-') && before[..before.len() - 1].ends_with(|c: char| c.is_alphabetic()) {
        return true;
    }
    // Phone and code numbers: "+1-222-2222", "0171 555 0199", "5/17/2018"
    // is a date, but any run of three or more digit groups joined by
    // dashes or slashes, or led by "+", is a label, not an amount.
    let in_run = |c: char| c.is_ascii_digit() || matches!(c, '-' | '/' | '+' | '(' | ')');
    let run_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !in_run(*c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let run_end = m.end
        + after
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '/' | ')')))
            .unwrap_or(after.len());
    let run = &text[run_start..run_end];
    let groups = run.split(['-', '/']).filter(|g| !g.is_empty()).count();
    if groups >= 3 || run.starts_with('+') {
        return true;
    }
    // Times: "6:19".
    if after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || before.ends_with(':')
    {
        return true;
    }
    let literal = &text[m.start..m.end];
    // Years: four digits without grouping, 1800 to 2100.
    if literal.len() == 4
        && literal.bytes().all(|b| b.is_ascii_digit())
        && (1800.0..=2100.0).contains(&m.value)
    {
        return true;
    }
    // Dates: next to a month name.
    let near_month = |w: Option<&str>| {
        w.is_some_and(|w| MONTHS.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
    };
    if near_month(prev_word(text, m.start).map(|p| p.1))
        || near_month(next_word(text, m.end).map(|n| n.2))
    {
        return true;
    }
    // Durations belong to the time stage: "24 hours", "three years".
    if next_word(text, m.end).is_some_and(|n| TIME_UNITS.contains(&n.2.to_lowercase().as_str())) {
        return true;
    }
    // Labels: "page 3", "resolution 2231".
    if prev_word(text, m.start)
        .is_some_and(|p| LABELS.contains(&p.1.trim_end_matches('.').to_lowercase().as_str()))
    {
        return true;
    }
    // List markers: a number opening a line and followed by "." or ")".
    // Only spaces since the last line break (or the start): looked up from
    // the number backwards, so it costs the spaces, not the line.
    let indent = before.trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    let line_start = indent.is_empty() || indent.ends_with('\n');
    line_start && (after.starts_with(". ") || after.starts_with(')'))
}

/// Every quantity in a text.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let numbers: Vec<NumberMatch> = find_numbers(text)
        .into_iter()
        .filter(|m| !not_a_quantity(text, m))
        .collect();
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    // Vague amounts are found apart: they contain no number.
    let mut vague = vague_amounts(text);
    while i < numbers.len() {
        let m = numbers[i];
        let mut q = point(m);
        // Ranges: "between 600 and 800", "600 to 800", "600-800",
        // "$600 million to $800 million".
        if let Some(next) = numbers.get(i + 1) {
            if let Some((start, qualifier)) = range_between(text, &m, next) {
                q.start = start;
                q.end = next.end;
                q.value = None;
                q.low = Some(m.value.min(next.value));
                q.high = Some(m.value.max(next.value));
                q.qualifier = Some(qualifier);
                i += 1;
            }
        }
        attach_currency(text, &mut q);
        if attach_cents(text, &mut q, numbers.get(i + 1)) {
            i += 1;
        }
        q.amount = (q.start, q.end);
        if q.qualifier.is_none() {
            attach_qualifier(text, &mut q);
        }
        attach_percent(text, &mut q);
        attach_counted(text, &mut q);
        if q.counted.is_none() && q.measure == "count" {
            attach_subject(text, &mut q);
        }
        attach_fate(text, &mut q);
        out.push(q);
        i += 1;
    }
    out.append(&mut vague);
    out.sort_by_key(|q| q.start);
    // Phrases attached on both sides may make neighbours overlap
    // ("US$a dozen percentS$..."): the earlier figure keeps the text.
    let mut kept: Vec<Quantity> = Vec::with_capacity(out.len());
    for q in out {
        if kept.last().is_none_or(|prev| prev.end <= q.start) {
            kept.push(q);
        }
    }
    link_conversions(text, &mut kept);
    inherit_partitive(text, &mut kept);
    kept
}

/// "Of the 10,000 troops sent, up to 8,000 were deployed", "of the 200
/// passengers, 150 were rescued": a bare count after a partitive figure
/// in the same sentence counts the same thing.
fn inherit_partitive(text: &str, qs: &mut [Quantity]) {
    for i in 1..qs.len() {
        if qs[i].measure != "count" || qs[i].counted.is_some() {
            continue;
        }
        let Some(j) = (0..i).rev().find(|&j| qs[j].counted.is_some()) else {
            continue;
        };
        let (p, q) = (&qs[j], &qs[i]);
        let between = &text[p.end..q.start];
        let same_sentence = !between.contains(['.', '!', '?', ';']) && between.len() < 200;
        let before = text[..p.start].to_lowercase();
        let partitive = before.ends_with("of the ") || before.ends_with("of ");
        if same_sentence && partitive && between.contains(',') {
            let (counted, measure) = (p.counted, p.measure);
            qs[i].counted = counted;
            qs[i].measure = measure;
        }
    }
}

fn point(m: NumberMatch) -> Quantity {
    Quantity {
        start: m.start,
        end: m.end,
        amount: (m.start, m.end),
        value: Some(m.value),
        low: Some(m.value),
        high: Some(m.value),
        low_inclusive: true,
        high_inclusive: true,
        qualifier: None,
        approximate: false,
        currency: None,
        currency_assumed: false,
        currency_name: None,
        percent: false,
        counted: None,
        measure: "count",
        conversion_of: None,
    }
}

fn range_between(text: &str, a: &NumberMatch, b: &NumberMatch) -> Option<(usize, &'static str)> {
    let gap = text[a.end..b.start].trim();
    // The gap may hold a currency mark for the second amount.
    let gap_core = match currency::mark_before(gap) {
        Some((start, _)) => gap[..start].trim(),
        None => gap,
    };
    // A repeated scale word: "600 million to 800 million" is read by the
    // number parser already, so the gap is just the connector.
    match gap_core.to_lowercase().as_str() {
        "-" | "–" | "to" => Some((a.start, "range")),
        "and" => {
            let (start, w) = prev_word(text, a.start)?;
            let w = w.to_lowercase();
            (w == "between").then_some((start, "between"))
        }
        _ => None,
    }
}

fn attach_qualifier(text: &str, q: &mut Quantity) {
    let before = text[..q.start].trim_end();
    for (phrase, label, bound) in QUALIFIERS {
        let Some(start) = ends_with_phrase(before, phrase) else {
            continue;
        };
        let v = q.value.unwrap_or_default();
        q.qualifier = Some(label);
        q.start = start;
        match bound {
            Bound::Low(inclusive) => {
                q.low = Some(v);
                q.high = None;
                q.low_inclusive = *inclusive;
            }
            Bound::High(inclusive) => {
                q.low = None;
                q.high = Some(v);
                q.high_inclusive = *inclusive;
                q.approximate = *label == "nearly";
            }
            Bound::Approx => q.approximate = true,
        }
        return;
    }
}

fn attach_currency(text: &str, q: &mut Quantity) {
    let (start, mut end, found) =
        if let Some((start, cur)) = currency::mark_before(&text[..q.start]) {
            (start, q.end, cur)
        } else if let Some((len, cur)) = currency::name_after(&text[q.end..]) {
            (q.start, q.end + len, cur)
        } else {
            return;
        };
    let mut factor = found.factor;
    // "75 USD million": a scale after the currency still scales.
    if let Some((_, e, w)) = next_word(text, end) {
        if let Some(s) = crate::words::scale(&w.to_lowercase()) {
            factor *= s;
            end = e;
        }
    }
    let scale = |v: Option<f64>| v.map(|v| v * factor);
    q.value = scale(q.value);
    q.low = scale(q.low);
    q.high = scale(q.high);
    q.start = start;
    q.end = end;
    q.currency = found.code;
    q.currency_assumed = found.assumed;
    q.currency_name = Some(found.name);
    q.measure = "money";
}

/// "3 dollars 50 cents", "15 dollars and 50", "c $ 100 and fifty": cents
/// after a small whole amount. Returns whether the next number was used.
fn attach_cents(text: &str, q: &mut Quantity, next: Option<&NumberMatch>) -> bool {
    let Some(n) = next else { return false };
    let whole_unit = q
        .currency_name
        .is_some_and(|name| !matches!(name, "Cent" | "Penny" | "Pence"))
        && matches!(
            q.currency,
            Some("USD" | "CAD" | "AUD" | "NZD" | "HKD" | "SGD" | "EUR")
        );
    let small = q.value.is_some_and(|v| v < 1e6)
        && n.value.fract() == 0.0
        && (0.0..100.0).contains(&n.value);
    let gap = text[q.end..n.start].trim().to_lowercase();
    if !whole_unit || !small || !(gap.is_empty() || gap == "and") {
        return false;
    }
    let rest = &text[n.end..];
    let cents = ["cents", "cent"].iter().find_map(|w| {
        let t = rest.trim_start();
        starts_with_phrase(t, w).then(|| rest.len() - t.len() + w.len())
    });
    let ends_clause = rest.trim_start().is_empty()
        || rest
            .trim_start()
            .starts_with(['.', ',', ';', '!', '?', ')']);
    if cents.is_none() && !ends_clause {
        return false;
    }
    q.value = q.value.map(|v| v + n.value / 100.0);
    q.low = q.value;
    q.high = q.value;
    q.end = n.end + cents.unwrap_or(0);
    true
}

fn attach_percent(text: &str, q: &mut Quantity) {
    let after = &text[q.end..];
    let trimmed = after.trim_start();
    // The longest word form first: "percentage" before "percent".
    const FORMS: &[&str] = &[
        "percentages",
        "percentage",
        "percents",
        "percent",
        "per cent",
        "pct",
    ];
    let word = FORMS.iter().find(|p| starts_with_phrase(trimmed, p));
    let len = if after.starts_with('%') {
        1
    } else if let Some(p) = word {
        after.len() - after.trim_start().len() + p.len()
    } else {
        // "percent of 10", "per cent of twenty-two": the word first.
        let before = &text[..q.start];
        if let Some(start) = ["percents of ", "percent of ", "per cent of "]
            .iter()
            .find_map(|p| ends_with_ignore_case(before, p))
        {
            q.start = start;
            q.percent = true;
            q.measure = "percent";
        }
        return;
    };
    q.end += len;
    q.percent = true;
    q.measure = "percent";
}

/// The noun phrase after a figure: up to four words, through "of" ("tens of
/// thousands of shells"), stopping at function words and punctuation.
fn attach_counted(text: &str, q: &mut Quantity) {
    if q.measure != "count" {
        return;
    }
    let mut at = q.end;
    let mut words: Vec<(usize, usize, &str)> = Vec::new();
    while words.len() < 4 {
        let rest = &text[at..];
        // Punctuation ends the phrase.
        if rest
            .trim_start()
            .starts_with(|c: char| !c.is_alphanumeric())
        {
            break;
        }
        let Some((s, e, w)) = next_word(text, at) else {
            break;
        };
        if words.is_empty() && w.eq_ignore_ascii_case("of") {
            at = e;
            continue;
        }
        // A function word or a participle ("containers containing shells")
        // ends the phrase: what follows describes the counted thing.
        if ends_phrase(w) || (!words.is_empty() && w.len() > 5 && w.ends_with("ing")) {
            break;
        }
        words.push((s, e, w));
        at = e;
    }
    // The head is the last word the measure vocabulary knows, else the
    // first plural-looking word, else nothing.
    let head = words.iter().rposition(|w| measure_of(w.2).is_some());
    let plural = |w: &str| {
        (w.ends_with('s') && w.len() > 3 && !w.ends_with("ss"))
            || matches!(
                w.to_lowercase().as_str(),
                "people" | "children" | "men" | "women" | "personnel"
            )
    };
    let head = head.or_else(|| words.iter().position(|w| plural(w.2)));
    if let Some(h) = head {
        // "people dead", "people killed": what they are counted as.
        let mut measure = measure_of(words[h].2);
        let mut end = words[h].1;
        if words[h].2.eq_ignore_ascii_case("people") {
            if let Some(next) = words.get(h + 1).filter(|n| measure_of(n.2).is_some()) {
                measure = measure_of(next.2);
                end = next.1;
            }
        }
        q.counted = Some((words[0].0, end));
        q.measure = measure.unwrap_or("count");
    }
}

/// "45 people were killed", "killing at least 45 civilians", "12 died":
/// people, or a bare figure, counted by what befell them, from the
/// predicate after the counted words or the verb before the figure.
fn attach_fate(text: &str, q: &mut Quantity) {
    if q.measure != "count" {
        return;
    }
    let after = match q.counted {
        Some((s, e)) => {
            let head = text[s..e].rsplit(' ').next().unwrap_or_default();
            if !PEOPLE.contains(&head.to_lowercase().as_str()) {
                return;
            }
            e
        }
        None => q.end,
    };
    if let Some(measure) = fate_after(text, after).or_else(|| fate_before(text, q.start)) {
        q.measure = measure;
    }
}

/// Words that count people, whose measure is what befell them.
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "civilians",
    "residents",
    "villagers",
    "children",
    "men",
    "women",
    "passengers",
    "workers",
    "pilgrims",
    "migrants",
    "students",
    "miners",
    "others",
];

/// The measure a verb of harm gives the people it befell: "killed",
/// "died" (dead), "injured", "hurt" (injured), "displaced", "evacuated"
/// (displaced), in any of its forms.
fn fate(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    Some(match w.as_str() {
        "killed" | "killing" | "kills" | "kill" | "died" | "dead" | "perished" | "drowned" => {
            "dead"
        }
        "injured" | "injuring" | "injures" | "wounded" | "wounding" | "hurt" | "hurting" => {
            "injured"
        }
        "displaced" | "displacing" | "evacuated" | "evacuating" | "homeless" => "displaced",
        _ => return None,
    })
}

/// The fate in the predicate after the counted people, past auxiliaries
/// and adverbs: "were killed", "have died", "were reportedly injured".
fn fate_after(text: &str, at: usize) -> Option<&'static str> {
    const BETWEEN: &[&str] = &[
        "were",
        "was",
        "are",
        "is",
        "have",
        "has",
        "had",
        "been",
        "being",
        "be",
        "reportedly",
        "confirmed",
        "already",
        "now",
        "also",
        "later",
    ];
    let mut at = at;
    for _ in 0..4 {
        if text[at..]
            .trim_start()
            .starts_with(|c: char| !c.is_alphanumeric())
        {
            return None;
        }
        let (_, e, w) = next_word(text, at)?;
        if let Some(measure) = fate(w) {
            return Some(measure);
        }
        if !BETWEEN.contains(&w.to_lowercase().as_str()) {
            return None;
        }
        at = e;
    }
    None
}

/// The fate in the verb just before the figure, past its qualifier:
/// "killed 45 people", "killing at least 12".
fn fate_before(text: &str, at: usize) -> Option<&'static str> {
    const QUALIFIERS: &[&str] = &[
        "at",
        "least",
        "more",
        "than",
        "about",
        "some",
        "nearly",
        "almost",
        "around",
        "over",
        "an",
        "estimated",
        "another",
        "up",
        "to",
    ];
    let mut at = at;
    for _ in 0..4 {
        let (start, w) = prev_word(text, at)?;
        if text[start + w.len()..at].contains(|c: char| !c.is_whitespace()) {
            return None;
        }
        if let Some(measure) = fate(w) {
            return Some(measure);
        }
        if !QUALIFIERS.contains(&w.to_lowercase().as_str()) {
            return None;
        }
        at = start;
    }
    None
}

/// When nothing is counted after a figure, the thing measured may be the
/// subject before it: "casualties in the region exceeded 3,000", "the
/// death toll rose to at least 94". The nearest word the measure
/// vocabulary knows, in the same sentence and within ten words, is taken.
fn attach_subject(text: &str, q: &mut Quantity) {
    let mut at = q.start;
    for _ in 0..10 {
        let Some((start, w)) = prev_word(text, at) else {
            return;
        };
        // A sentence or clause ends between: stop.
        if w.ends_with('.') || text[start + w.len()..at].contains(['.', '!', '?', ';', ':']) {
            return;
        }
        if let Some(measure) = measure_of(w) {
            q.counted = Some((start, start + w.len()));
            q.measure = measure;
            return;
        }
        at = start;
    }
}

/// "billions of dollars": a vague amount of money.
fn counted_currency(text: &str, q: &mut Quantity) {
    if let Some((s, e)) = q.counted {
        if let Some((len, cur)) = currency::name_after(&text[s..e]) {
            if len == e - s {
                q.currency = cur.code;
                q.currency_assumed = cur.assumed;
                q.currency_name = Some(cur.name);
                q.measure = "money";
                q.counted = None;
            }
        }
    }
}

fn vague_amounts(text: &str) -> Vec<Quantity> {
    let lower = text.to_lowercase();
    let mut out: Vec<Quantity> = Vec::new();
    for (phrase, low, high) in VAGUE {
        let mut from = 0;
        while let Some(p) = lower[from..].find(phrase) {
            let start = from + p;
            let end = start + phrase.len();
            from = end;
            let whole_word = !text[..start].ends_with(|c: char| c.is_alphanumeric())
                && !text[end..].starts_with(|c: char| c.is_alphanumeric());
            // "of" must follow: "thousands of troops", not "the thousands".
            let followed_by_of = lower[end..].trim_start().starts_with("of ");
            let overlaps = out.iter().any(|q| start < q.end && q.start < end);
            if !whole_word || !followed_by_of || overlaps {
                continue;
            }
            let mut q = point(NumberMatch {
                start,
                end,
                value: *low,
                kind: crate::NumberKind::Integer,
            });
            q.value = None;
            q.low = Some(*low);
            q.high = Some(*high);
            q.high_inclusive = false;
            q.qualifier = Some("vague");
            q.approximate = true;
            attach_counted(text, &mut q);
            counted_currency(text, &mut q);
            out.push(q);
        }
    }
    out
}

/// "US$425 million (S$560 million)": the bracketed amount converts the one
/// before it.
fn link_conversions(text: &str, qs: &mut [Quantity]) {
    for i in 1..qs.len() {
        let (a, b) = (&qs[i - 1], &qs[i]);
        if a.currency.is_none() || b.currency.is_none() {
            continue;
        }
        let gap = text[a.end..b.start].trim();
        if gap == "(" && text[b.end..].trim_start().starts_with(')') {
            qs[i].conversion_of = Some(i - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Quantity {
        let qs = find_quantities(text);
        assert_eq!(qs.len(), 1, "{text}: {qs:?}");
        qs.into_iter().next().unwrap()
    }

    #[test]
    fn qualifiers_become_bounds() {
        let q = one("at least 3,000 soldiers arrived");
        assert_eq!(
            (q.qualifier, q.low, q.high, q.low_inclusive),
            (Some("at least"), Some(3000.0), None, true)
        );
        assert_eq!(q.measure, "personnel");
        let q = one("up to 12,000 troops");
        assert_eq!(
            (q.qualifier, q.low, q.high),
            (Some("up to"), None, Some(12000.0))
        );
        let q = one("more than 1,000 casualties in a week");
        assert_eq!(
            (q.qualifier, q.low, q.low_inclusive, q.measure),
            (Some("more than"), Some(1000.0), false, "casualties")
        );
        let q = one("about 40,000 people displaced");
        assert_eq!(
            (q.qualifier, q.approximate, q.measure),
            (Some("about"), true, "displaced")
        );
        let q = one("between 600 and 800 homes");
        assert_eq!(
            (q.qualifier, q.low, q.high),
            (Some("between"), Some(600.0), Some(800.0))
        );
    }

    #[test]
    fn money_with_currency_and_conversion() {
        let qs = find_quantities("an additional US$425 million (S$560 million) in aid");
        assert_eq!(qs.len(), 2);
        assert_eq!(
            (qs[0].currency, qs[0].currency_assumed, qs[0].value),
            (Some("USD"), false, Some(425e6))
        );
        assert_eq!(
            (qs[1].currency, qs[1].conversion_of),
            (Some("SGD"), Some(0))
        );
        let q = one("a $20 billion loan");
        assert_eq!(
            (q.currency, q.currency_assumed, q.measure),
            (Some("USD"), true, "money")
        );
        let q = one("more than USD 800 million in assistance");
        assert_eq!((q.currency, q.qualifier), (Some("USD"), Some("more than")));
        let q = one("costs of 300 million hryvnias");
        assert_eq!(q.currency, Some("UAH"));
        let q = one("a fine of 10,000 Swiss francs");
        assert_eq!(
            (q.currency, q.currency_name),
            (Some("CHF"), Some("Swiss franc"))
        );
        let q = one("about c $ 16.4 million");
        assert_eq!(
            (q.currency, q.currency_name),
            (Some("CAD"), Some("Canadian dollar"))
        );
    }

    #[test]
    fn vague_amounts_and_what_they_count() {
        let qs =
            find_quantities("hundreds of thousands of artillery shells and thousands of rockets");
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(
            (qs[0].low, qs[0].high, qs[0].measure),
            (Some(2e5), Some(1e6), "weapons")
        );
        assert_eq!(qs[1].measure, "weapons");
    }

    #[test]
    fn numbers_that_are_not_quantities() {
        for text in [
            "The 78-year-old tycoon",
            "a nine-storey building",
            "F-16 fighter jets",
            "in February 2022",
            "on Nov 1 the",
            "at 6:19 PM",
            "within 24 hours",
            "resolution 2231 says",
            "call +1-222-2222-2222 now",
            "ref 12/34/56 applies",
        ] {
            assert!(
                find_quantities(text).is_empty(),
                "{text}: {:?}",
                find_quantities(text)
            );
        }
        let q = one("left at least eight people dead");
        assert_eq!((q.value, q.measure), (Some(8.0), "dead"));
    }

    #[test]
    fn people_are_counted_by_what_befell_them() {
        for (text, measure) in [
            ("45 people were killed in the blast", "dead"),
            ("the storm killed at least 12 villagers", "dead"),
            ("12 died overnight", "dead"),
            ("30 residents were reportedly injured", "injured"),
            ("flooding displaced 4,000 people", "displaced"),
            ("killing more than 200", "dead"),
            ("45 people attended the vigil", "count"),
            ("12 people were killed", "dead"),
            ("the ferry carried 300 passengers", "count"),
        ] {
            assert_eq!(one(text).measure, measure, "{text}");
        }
    }

    #[test]
    fn the_measured_thing_may_come_before_the_figure() {
        let q = one("casualties in the region exceeded 3,000, officials said");
        assert_eq!((q.qualifier, q.measure), (Some("more than"), "casualties"));
        let q = one("The death toll rose to at least 94.");
        assert_eq!(q.measure, "dead");
        let q = one("Troops left. The town counted 300.");
        assert_eq!(q.measure, "count", "not across a sentence end");
        let q = one("more than 10,000 containers containing shells");
        assert_eq!(
            (q.measure, q.counted.map(|(s, e)| e - s)),
            ("count", Some("containers".len()))
        );
        let q = one("sending billions of dollars in weapons");
        assert_eq!((q.measure, q.currency), ("money", Some("USD")));
    }

    #[test]
    fn a_bare_count_after_a_partitive_counts_the_same_thing() {
        let cases = [
            (
                "Of the 10,000 troops sent abroad, up to 8,000 are at the front.",
                "personnel",
            ),
            (
                "Of the 200 soldiers on board, 150 were rescued.",
                "personnel",
            ),
        ];
        for (text, measure) in cases {
            let qs = find_quantities(text);
            assert_eq!(qs.len(), 2, "{text}: {qs:?}");
            assert_eq!(qs[1].measure, measure, "{text}");
            assert_eq!(qs[1].counted, qs[0].counted, "{text}");
        }
        // Not without the partitive, not across sentences.
        let qs = find_quantities("The 10,000 troops left, and 300 stayed.");
        assert_eq!(qs[1].measure, "count");
        let qs = find_quantities("Of the 10,000 troops, most left. 300 stayed.");
        assert_eq!(qs[1].measure, "count");
    }
}
