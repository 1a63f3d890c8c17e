//! One-line summaries generated from a structured event, headline style
//! ("North Korea deploys forces to Russia (at least 3,000)"), so that a
//! timeline entry says what happened without copying anyone's sentence.

/// The verb phrase of each PLOVER category in its base form, the
/// preposition that introduces the recipient, and the phrase used when
/// there is no recipient.
fn phrase(category: &str) -> (&'static str, &'static str, &'static str) {
    match category {
        "AGREE" => ("agree", "with", "reach an agreement"),
        "CONSULT" => ("meet", "", "hold talks"),
        "SUPPORT" => ("back", "", "voice support"),
        "CONCEDE" => ("make concessions", "to", "make concessions"),
        "COOPERATE" => ("cooperate", "with", "cooperate"),
        "AID" => ("send aid", "to", "send aid"),
        "RETREAT" => ("withdraw", "from", "withdraw"),
        "REQUEST" => ("call", "on", "make an appeal"),
        "ACCUSE" => ("accuse", "", "make accusations"),
        "REJECT" => ("reject", "", "refuse"),
        "THREATEN" => ("threaten", "", "issue threats"),
        "PROTEST" => ("protest", "against", "protest"),
        "SANCTION" => ("impose sanctions", "on", "impose sanctions"),
        "MOBILIZE" => ("deploy forces", "to", "deploy forces"),
        "COERCE" => ("put pressure", "on", "apply pressure"),
        "ASSAULT" => ("attack", "", "carry out attacks"),
        "TRANSITION" => ("take office", "in", "take office"),
        _ => ("act", "toward", "act"),
    }
}

/// The third person singular of a verb phrase: its first word inflected.
fn singular(base: &str) -> String {
    let (verb, rest) = base.split_once(' ').unwrap_or((base, ""));
    let consonant_y = verb.len() > 1
        && verb.ends_with('y')
        && !verb[..verb.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    let inflected = if consonant_y {
        format!("{}ies", &verb[..verb.len() - 1])
    } else if verb.ends_with('s')
        || verb.ends_with("sh")
        || verb.ends_with("ch")
        || verb.ends_with('x')
    {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    };
    if rest.is_empty() {
        inflected
    } else {
        format!("{inflected} {rest}")
    }
}

/// "A", "A and B", "A, B and C".
fn join(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// What the summary is built from.
pub struct Parts<'a> {
    pub category: &'a str,
    pub status: &'a str,
    pub actors: &'a [String],
    /// True when a single actor is a group of people ("Ukrainian troops").
    pub plural: bool,
    pub recipients: &'a [String],
    pub location: Option<&'a str>,
    pub size: Option<&'a str>,
}

/// The one-line summary: actors, verb phrase by category and status,
/// recipients, place and size.
pub fn summarize(p: &Parts) -> String {
    let (with_recipient, prep, alone) = phrase(p.category);
    let base = if p.recipients.is_empty() {
        alone
    } else {
        with_recipient
    };
    let actors = if p.actors.is_empty() {
        "Unnamed actors".to_string()
    } else {
        join(p.actors)
    };
    let verb = match p.status {
        "future" | "announced" => format!("to {base}"),
        "negated" => format!("did not {base}"),
        "hypothetical" => format!("could {base}"),
        _ if p.actors.len() == 1 && !p.plural => singular(base),
        _ => base.to_string(),
    };
    let mut line = format!("{actors} {verb}");
    if !p.recipients.is_empty() {
        if !prep.is_empty() {
            line.push(' ');
            line.push_str(prep);
        }
        line.push(' ');
        line.push_str(&join(p.recipients));
    }
    if let Some(place) = p.location {
        line.push_str(" in ");
        line.push_str(place);
    }
    if let Some(size) = p.size {
        line.push_str(&format!(" ({size})"));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| s.to_string()).collect()
    }

    type Case<'a> = (
        &'a str,
        &'a str,
        &'a [&'a str],
        bool,
        &'a [&'a str],
        Option<&'a str>,
        Option<&'a str>,
        &'a str,
    );

    #[test]
    fn summaries_by_status_and_number() {
        let cases: &[Case] = &[
            (
                "AID",
                "happened",
                &["United States"],
                false,
                &["Ukraine"],
                None,
                Some("$400 million"),
                "United States sends aid to Ukraine ($400 million)",
            ),
            (
                "ASSAULT",
                "happened",
                &["Russia", "Belarus"],
                false,
                &["Ukraine"],
                Some("Kharkiv"),
                None,
                "Russia and Belarus attack Ukraine in Kharkiv",
            ),
            (
                "AID",
                "future",
                &["Japan"],
                false,
                &["Chile"],
                None,
                None,
                "Japan to send aid to Chile",
            ),
            (
                "ASSAULT",
                "happened",
                &["Rebel fighters"],
                true,
                &[],
                None,
                None,
                "Rebel fighters carry out attacks",
            ),
            (
                "COERCE",
                "happened",
                &["Congress"],
                false,
                &[],
                None,
                None,
                "Congress applies pressure",
            ),
            (
                "CONSULT",
                "happened",
                &["Kenya"],
                false,
                &[],
                None,
                None,
                "Kenya holds talks",
            ),
            (
                "RETREAT",
                "negated",
                &[],
                false,
                &["Mali"],
                None,
                None,
                "Unnamed actors did not withdraw from Mali",
            ),
            (
                "REQUEST",
                "happened",
                &["UN"],
                false,
                &["Sudan", "Chad", "Libya"],
                None,
                None,
                "UN calls on Sudan, Chad and Libya",
            ),
            (
                "PROTEST",
                "happened",
                &["Teachers' union"],
                false,
                &[],
                Some("Paris"),
                None,
                "Teachers' union protests in Paris",
            ),
        ];
        for (cat, status, a, plural, r, loc, size, want) in cases {
            let (a, r) = (names(a), names(r));
            let got = summarize(&Parts {
                category: cat,
                status,
                actors: &a,
                plural: *plural,
                recipients: &r,
                location: *loc,
                size: *size,
            });
            assert_eq!(&got, want);
        }
    }
}
