//! Line rules: each recognises one kind of page furniture by its shape.
//!
//! The rules read general signals (length, punctuation, time-ago phrases,
//! credit and call-to-action forms, pipes and temperatures) and never the
//! strings of particular sites or articles.

use crate::unit::Features;
use regex::Regex;
use std::sync::LazyLock;
use storyline_text::dates::{find_date, has_year, FoundDate};

static TIME_AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)\s+ago\b|^(?:just now|yesterday)$)").unwrap()
});

/// Calls to action and site furniture, anchored at the start of a line.
static CALL_TO_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:",
        r"sign up\b|subscribe\b|register now\b|log ?in to\b|follow (?:us|topic|this|on)\b|",
        r"read (?:more|next|also|the full)\b|also read\b|see (?:more|also)\b|more on this\b|",
        r"click here\b|tap here\b|download (?:our|the)\b|get (?:our|the)\b.*\b(?:newsletter|app)\b|",
        r"share (?:this|on|via)\b|advertisement$|sponsored\b|story continues\b|continue reading\b|",
        r"watch:|listen:|related(?: stories| articles| coverage| news)?:?$|recommended\b|most read\b|",
        r"trending\b|top stories$|more stories\b|more from\b|you may also like\b|don'?t miss\b|",
        r"next story$|previous story$|next article$|back to top$|join (?:our|us)\b|",
        r"copyright\b|©|all rights reserved\b|comments?$|leave a comment\b|",
        r"this article (?:was|is|has been)?\s*(?:first )?(?:published|republished)\b|",
        r"we (?:use|value) (?:cookies|your privacy)\b|accept (?:all )?cookies\b|",
        r"advert$|this slideshow requires javascript|(?:want|get) more stories like this|",
        r"breaking news (?:emails|alerts)$|caption$|close$|tell us what you think",
        r")"
    ))
    .unwrap()
});

static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\(?\s*)(?:photo|photograph|photos|image|picture|pic|file photo|video|graphic|illustration|credit)s?(?:\s+credits?)?\s*(?::|/|\||by\b)\s*\S").unwrap()
});

static PHOTO_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bgetty images\b|\bvia getty\b|\bap photo\b|\bafp photo\b|\breuters/[A-Z]|\bshutterstock\b|\balamy\b)").unwrap()
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[•·*|\-–—\s]*(?:By|BY|Written by|Words by|Story by|Author:)(?:\s+(.*))?$")
        .unwrap()
});

static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\(?\s*(?:Reporting|Additional reporting|Writing|Editing|Compiled|Reported|Edited) by\b",
    )
    .unwrap()
});

static PUBLICATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[|•·\s\-–]*(first published|published|posted|publication date|date published|released|last updated|updated|last modified|modified|date)\b\s*(?:on|at)?\s*[:\-–|]?\s*").unwrap()
});

static TIME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*[,;|]?\s*").unwrap()
});

/// "Published 1 day ago", "Updated 3 hours ago": a publication line with
/// a relative date, furniture either way.
static RELATIVE_PUBLICATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[|•·\s\-–]*(?:first published|published|posted|updated|last updated)\b[:\s]*\d+\s+\w+\s+ago\s*$").unwrap()
});

pub fn is_relative_publication_line(text: &str) -> bool {
    RELATIVE_PUBLICATION.is_match(text)
}

/// Gallery furniture: "Image 1 of 8", "Slide 2 of 5", "1of4".
static GALLERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:image|photo|picture|slide)\s*\d+\s*of\s*/?\s*\d*|\d+\s*of\s*\d+\S)")
        .unwrap()
});

pub fn is_gallery_counter(text: &str) -> bool {
    GALLERY.is_match(text)
}

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b\.?,?\s*").unwrap()
});

/// What may follow a date on a date line: a time, a zone, an "IST" or
/// "(local time)", separators.
static TIME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,|\-–—@]*(?:at\s+)?(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)?\s*(?:\(?(?:[A-Z]{2,5}|GMT|UTC|local time)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?\s*[|,.]?\s*$").unwrap()
});

static TEMPERATURE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"-?\d+\s*°\s*[CF]\b").unwrap());

/// Builds now the patterns that every line of every document meets, so
/// that a caller can build them on another thread before the first
/// document: building them is most of the cost of cleaning a short
/// article. The date-line patterns are left to the lines with a year.
pub fn prepare() {
    let every_line = [
        &TIME_AGO,
        &CALL_TO_ACTION,
        &PHOTO_CREDIT,
        &PHOTO_AGENCY,
        &BYLINE,
        &CREDIT_LINE,
        &PUBLICATION,
        &RELATIVE_PUBLICATION,
        &GALLERY,
        &PROMPT_ANYWHERE,
    ];
    for pattern in every_line {
        LazyLock::force(pattern);
    }
    storyline_text::agency::prepare();
}

/// A line with no letters or digits: "-", "***", "|".
pub fn is_separator(text: &str) -> bool {
    !text.chars().any(char::is_alphanumeric)
}

pub fn is_time_ago(text: &str, words: usize) -> bool {
    words <= 8 && TIME_AGO.is_match(text)
}

/// Prompts that can sit anywhere in a short line: "... in your inbox".
static PROMPT_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in your inbox|sign up for (?:our|the)\b|subscribe to (?:our|the)\b.*\b(?:newsletter|channel|podcast)|to (?:our|the) newsletter|click(?:ing)? here)\b").unwrap()
});

pub fn is_call_to_action(text: &str, words: usize) -> bool {
    words <= 20 && (CALL_TO_ACTION.is_match(text) || PROMPT_ANYWHERE.is_match(text))
}

pub fn is_photo_credit(text: &str, words: usize) -> bool {
    words <= 12 && (PHOTO_CREDIT.is_match(text) || PHOTO_AGENCY.is_match(text))
}

pub fn is_credit_line(text: &str) -> bool {
    CREDIT_LINE.is_match(text)
}

/// A page header: a weather, clock or crawl line, with fields between
/// pipes or a temperature. Returns the date printed in it, if any.
/// Prose that mentions a temperature is not a header.
pub fn page_header(text: &str, features: &Features) -> Option<Option<FoundDate>> {
    if features.words > 30 || features.is_prose() {
        return None;
    }
    let pipes = text.matches('|').count();
    let temperature = text.contains('°') && TEMPERATURE.is_match(text);
    if !temperature && pipes < 2 {
        return None;
    }
    let date = find_date(text, true);
    let header = temperature || (pipes >= 2 && date.is_some());
    header.then_some(date)
}

/// A byline: "By Jane Doe and John Roe", "• By". Returns the names,
/// which may be empty when the name is on the next line.
pub fn byline(text: &str) -> Option<Vec<String>> {
    let caps = BYLINE.captures(text)?;
    let rest = caps.get(1).map_or("", |m| m.as_str()).trim();
    // "By Jane Roe - 11/18/19 11:04 PM EST", "By Jane Roe | November 18":
    // the names end where a separator or a date starts.
    let rest = match rest.find([' ', '|', '•', '·']).and_then(|_| {
        [" - ", " – ", " — ", " | ", " • ", " · "]
            .iter()
            .filter_map(|sep| rest.find(sep))
            .min()
    }) {
        Some(cut)
            if find_date(&rest[cut..], false).is_some()
                || rest[cut..].chars().any(|c| c.is_ascii_digit()) =>
        {
            rest[..cut].trim()
        }
        _ => rest,
    };
    let names: Vec<String> = rest
        .split([',', ';', '&', '|'])
        .flat_map(|part| part.split(" and "))
        .map(|n| n.trim().trim_end_matches('.').trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    // Names are short runs of capitalised words; "By the end of the year"
    // is prose, not a byline.
    let name_shaped = |n: &String| {
        let words: Vec<&str> = n.split_whitespace().collect();
        words.len() <= 5
            && words.iter().all(|w| {
                w.chars().next().is_some_and(|c| c.is_uppercase())
                    || matches!(
                        *w,
                        "de" | "van" | "von" | "der" | "bin" | "al" | "da" | "del" | "la" | "le"
                    )
            })
    };
    names.iter().all(name_shaped).then_some(names)
}

/// Which kind of date line a publication line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLineKind {
    Published,
    Updated,
}

/// A line led by a publication keyword and a date: "Published: Wed 13 Nov
/// 2024, 6:19 PM", "Updated 13 November 2024", "date 2024-10-24 The ...".
/// Returns the kind, the date, and the byte offset where any text after
/// the date and time begins (equal to the length when nothing follows).
pub fn publication_line(text: &str) -> Option<(DateLineKind, FoundDate, usize)> {
    let caps = PUBLICATION.captures(text)?;
    let keyword = caps[1].to_lowercase();
    let kind = if keyword.contains("updated") || keyword.contains("modified") {
        DateLineKind::Updated
    } else {
        DateLineKind::Published
    };
    // Some pages print the time before the date: "PUBLISHED: 10:48, Tue,
    // Nov 19, 2019".
    let after_keyword = caps.get(0)?.end();
    let after_time = after_keyword
        + TIME_FIRST
            .find(&text[after_keyword..])
            .map_or(0, |m| m.end());
    let rest = &text[after_time..];
    let weekday = WEEKDAY.find(rest).map_or(0, |m| m.end());
    let found = find_date(&rest[weekday..], true)?;
    if found.start != 0 {
        return None;
    }
    let date_end = after_time + weekday + found.end;
    Some((kind, found, date_end + time_tail_len(&text[date_end..])))
}

/// A line that is only a date, with an optional weekday and time: a
/// dateline printed above or below the headline.
pub fn date_only_line(text: &str) -> Option<FoundDate> {
    // A date line is short and holds a year; checking both first keeps
    // the date search off long paragraphs and the weekday pattern off
    // lines that cannot be date lines.
    if text.len() > 100 || !has_year(text) {
        return None;
    }
    let weekday = WEEKDAY.find(text).map_or(0, |m| m.end());
    let found = find_date(&text[weekday..], true)?;
    if found.start != 0 {
        return None;
    }
    let end = weekday + found.end;
    let rest = &text[end..];
    if end + time_tail_len(rest) == text.len() {
        return Some(found);
    }
    // "Nov. 20, 2019 Updated: Nov. 20, 2019 1:35 a.m.": a date followed by
    // an update line is still a date line.
    let (_, _, after) =
        publication_line(rest.trim_start_matches(|c: char| c.is_whitespace() || c == '|'))?;
    let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '|');
    (after >= trimmed.len()).then_some(found)
}

/// How much of `rest` is a time of day and zone, when that is all of it;
/// otherwise zero.
fn time_tail_len(rest: &str) -> usize {
    if TIME_TAIL.is_match(rest) {
        rest.len()
    } else {
        // A time followed by more text: take just the time, when there is
        // one, so "date 2024-10-24 10:15 The White House" keeps the prose.
        static TIME_ONLY: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^[\s,]*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|[A-Z]{3}))?)?\s*[|,\-–—]?\s*").unwrap()
        });
        TIME_ONLY.find(rest).map_or(0, |m| m.end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_ago_markers() {
        for yes in [
            "Politics20 hours ago",
            "3 days ago",
            "World 1 week ago",
            "5h ago",
            "yesterday",
        ] {
            assert!(is_time_ago(yes, 4), "{yes}");
        }
        for no in ["He arrived two days ago.", "A decade ago the city flooded"] {
            assert!(!is_time_ago(no, 4), "{no}");
        }
    }

    #[test]
    fn calls_to_action_and_credits() {
        for yes in [
            "Sign up now: Get our newsletters delivered to your inbox",
            "Follow topic:",
            "See more on",
            "Next Story",
            "Top Stories",
            "Advertisement",
            "READ MORE: Talks stall",
            "© 2024 Daily Wire Co",
        ] {
            let w = storyline_text::words(yes).count();
            assert!(is_call_to_action(yes, w), "{yes}");
        }
        for no in [
            "Subscribers to the service rose 4%.",
            "Followers of the cleric marched.",
            "Related talks began.",
        ] {
            let w = storyline_text::words(no).count();
            assert!(!is_call_to_action(no, w), "{no}");
        }
        assert!(is_photo_credit("PHOTO: AFP", 2));
        assert!(is_photo_credit("Photo by Jane Roe/Getty Images", 5));
        assert!(!is_photo_credit("Photographers gathered at the gate.", 5));
        assert!(
            is_gallery_counter("Image 1 of 8")
                && is_gallery_counter("2of4A shopper looks at cords")
        );
        assert!(!is_gallery_counter("Images of the flood spread online."));
    }

    #[test]
    fn bylines_are_names_not_prose() {
        assert_eq!(byline("• By"), Some(vec![]));
        assert_eq!(
            byline("By Jane Doe and John Roe"),
            Some(vec!["Jane Doe".into(), "John Roe".into()])
        );
        assert_eq!(
            byline("By Ana de la Cruz, AFP"),
            Some(vec!["Ana de la Cruz".into(), "AFP".into()])
        );
        assert_eq!(byline("By the end of the year, troops left."), None);
        assert_eq!(byline("Bystanders fled."), None);
        assert_eq!(
            byline("By Jane Roe - 11/18/19 11:04 PM EST"),
            Some(vec!["Jane Roe".into()])
        );
        assert_eq!(
            byline("By Desk Staff | November 18, 2019 at 2:26 PM"),
            Some(vec!["Desk Staff".into()])
        );
    }

    #[test]
    fn publication_and_date_lines() {
        let (kind, d, rest) = publication_line("Published: Wed 13 Nov 2024, 6:19 PM").unwrap();
        assert_eq!(
            (kind, d.date.to_string().as_str(), rest),
            (DateLineKind::Published, "2024-11-13", 35)
        );
        let (kind, _, _) = publication_line("Updated: Wed 13 Nov 2024, 6:20 PM").unwrap();
        assert_eq!(kind, DateLineKind::Updated);
        let line = "date 2024-10-24 The White House said";
        let (_, d, rest) = publication_line(line).unwrap();
        assert_eq!(
            (d.date.to_string().as_str(), &line[rest..]),
            ("2024-10-24", "The White House said")
        );
        assert!(publication_line("Posted troops to the border on 13 Nov 2024").is_none());
        assert!(publication_line("Date night in Paris").is_none());
        assert_eq!(
            date_only_line("Wednesday, November 13, 2024 10:15 GMT")
                .unwrap()
                .date
                .to_string(),
            "2024-11-13"
        );
        assert_eq!(
            date_only_line("13 Nov 2024").unwrap().date.to_string(),
            "2024-11-13"
        );
        assert!(date_only_line("13 Nov 2024: troops arrive").is_none());
        let (_, d, _) = publication_line("PUBLISHED: 10:48, Tue, Nov 19, 2019").unwrap();
        assert_eq!(d.date.to_string(), "2019-11-19");
        assert!(publication_line("| UPDATED: 11:05, Tue, Nov 19, 2019").is_some());
        assert_eq!(
            date_only_line("Nov. 20, 2019 Updated: Nov. 20, 2019 1:35 a.m.")
                .unwrap()
                .date
                .to_string(),
            "2019-11-20"
        );
        assert!(is_relative_publication_line("Published 1 day ago"));
        assert!(!is_relative_publication_line(
            "Published reports said troops left 2 days ago."
        ));
    }

    #[test]
    fn page_headers_have_pipes_or_temperatures() {
        let check = |t: &str| page_header(t, &Features::of(t));
        let h = check("Fri, Dec 06, 2024 | Some Calendar 4, 1446 | CITY weather icon 0°C").unwrap();
        assert_eq!(h.unwrap().date.to_string(), "2024-12-06");
        assert!(check("Sunny 21°C").is_some());
        assert!(
            check("Temperatures fell to -5 °C in the capital on Monday, officials said.").is_none()
        );
        assert!(check("Kyiv | Moscow talks stall").is_none());
    }
}
