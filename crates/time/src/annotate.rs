//! Document annotation: every time expression of a cleaned text resolved
//! against the publication date, the date under discussion and the
//! clause's tense, plus the dates each sentence refers to and was said on.

use crate::expr::{Date, Expr};
use crate::resolve::{resolve, AnchorUse, Context, Direction, Kind, Resolution};
use crate::token::{tokenize, Kind as TokenKind, Token};
use crate::{tense, Options};
use chrono::NaiveDate;
use storyline_model::{CharIndex, PartialDate, SentenceDates, Span, TimeExpr};

/// Verbs that report a statement; a date next to one is when it was said.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "announces",
    "claimed",
    "claims",
    "warned",
    "warns",
    "stated",
    "added",
    "noted",
    "insisted",
    "assessed",
    "estimated",
    "reported",
    "confirmed",
    "denied",
    "argued",
    "according",
    "explained",
    "wrote",
    "posted",
    "declared",
    "acknowledged",
    "disclosed",
    "revealed",
];

/// Time expressions and sentence dates of a document.
pub fn annotate(
    text: &str,
    sentences: &[Span],
    published: Option<PartialDate>,
    opts: &Options,
) -> (Vec<TimeExpr>, Vec<SentenceDates>) {
    let index = CharIndex::new(text);
    let anchor = published.and_then(|p| p.to_naive());
    let tokens = tokenize(text);
    let found = crate::grammar::scan(text, &tokens, opts);
    let mut discourse: Option<NaiveDate> = None;
    let mut times = Vec::with_capacity(found.len());
    let mut resolved = Vec::with_capacity(found.len());
    let sentence_of_token = sentence_index(&tokens, sentences, &index);
    for f in &found {
        let s = sentence_of_token[f.first];
        let (lo, hi) = clause_window(&sentence_of_token, s, f.first, f.last);
        let direction = tense::direction(&tokens[lo..hi], f.first - lo, f.last - lo);
        let ctx = Context {
            anchor,
            anchor_time: None,
            discourse,
            direction,
        };
        let res = resolve(&f.expr, &ctx);
        if names_a_day(&f.expr) && res.precision == Some(crate::Precision::Day) {
            discourse = res.start.or(discourse);
        }
        let (start, end) = (tokens[f.first].start, tokens[f.last].end);
        times.push(to_model(text, &index, start, end, &res, &ctx));
        resolved.push((f.first, f.last, s, res));
    }
    let dates = sentence_dates(
        &tokens,
        &sentence_of_token,
        sentences.len(),
        &resolved,
        anchor,
    );
    (times, dates)
}

/// Expressions whose date can serve as the date under discussion: a day
/// named in the text, not one computed from that date itself.
fn names_a_day(expr: &Expr) -> bool {
    matches!(expr, Expr::Date { date, .. } if !matches!(date, Date::Shift { from: None, .. } | Date::Ref(_)))
}

/// The sentence each token is in (`usize::MAX` outside every sentence).
fn sentence_index(tokens: &[Token], sentences: &[Span], index: &CharIndex) -> Vec<usize> {
    let bounds: Vec<(usize, usize)> = sentences
        .iter()
        .map(|s| (index.byte_of_char(s.start), index.byte_of_char(s.end)))
        .collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut k = 0;
    for t in tokens {
        while k < bounds.len() && bounds[k].1 <= t.start {
            k += 1;
        }
        out.push(if k < bounds.len() && bounds[k].0 <= t.start {
            k
        } else {
            usize::MAX
        });
    }
    out
}

/// The tokens around an expression that its tense is read from: its
/// sentence, but no more than `WINDOW` tokens either side, so that a
/// text with no sentence breaks stays linear.
fn clause_window(sentence_of: &[usize], s: usize, first: usize, last: usize) -> (usize, usize) {
    const WINDOW: usize = 40;
    let mut lo = first;
    while lo > 0 && first - lo < WINDOW && sentence_of[lo - 1] == s {
        lo -= 1;
    }
    let mut hi = last + 1;
    while hi < sentence_of.len() && hi - last <= WINDOW && sentence_of[hi] == s {
        hi += 1;
    }
    (lo, hi)
}

fn iso(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// A resolved expression: its first and last token, its sentence, and
/// its resolution.
type Placed = (usize, usize, usize, Resolution);

fn to_model(
    text: &str,
    index: &CharIndex,
    start: usize,
    end: usize,
    r: &Resolution,
    ctx: &Context,
) -> TimeExpr {
    let moment =
        |t: Option<chrono::NaiveDateTime>| t.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string());
    let (anchor, anchor_from) = match r.anchor {
        AnchorUse::None => (None, None),
        AnchorUse::Document => (iso(ctx.anchor), ctx.anchor.map(|_| "published".to_string())),
        AnchorUse::Discourse => (iso(ctx.discourse), Some("discourse".to_string())),
    };
    TimeExpr {
        text: text[start..end].to_string(),
        start: index.char_of_byte(start),
        end: index.char_of_byte(end),
        kind: match r.kind {
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Duration => "duration",
            Kind::Set => "set",
        }
        .to_string(),
        value: r.value.clone(),
        interval: [iso(r.start), iso(r.end)],
        moments: (r.start_time.is_some() || r.end_time.is_some())
            .then(|| [moment(r.start_time), moment(r.end_time)]),
        precision: r.precision.map(|p| p.as_str().to_string()),
        modifier: r.modifier.map(|m| m.as_str().to_string()),
        anchor,
        anchor_from,
        tense: match ctx.direction {
            Direction::Past => Some("past".into()),
            Direction::Future => Some("future".into()),
            Direction::Unknown => None,
        },
    }
}

/// The comma right after a date (or after a parenthesis that follows it,
/// "(local time)"), if there is one.
fn comma_after_date(tokens: &[Token], last: usize) -> Option<usize> {
    let mut k = last + 1;
    if matches!(tokens.get(k).map(|t| &t.kind), Some(TokenKind::Punct('('))) {
        let close = (k..tokens.len().min(k + 8))
            .find(|&j| matches!(tokens[j].kind, TokenKind::Punct(')')))?;
        k = close + 1;
    }
    matches!(tokens.get(k).map(|t| &t.kind), Some(TokenKind::Punct(','))).then_some(k)
}

/// For each sentence with a time expression or a reporting verb: the
/// expression that dates its event, and when it was said. A date within
/// a few words after a reporting verb ("said on Wednesday", "told
/// reporters on Friday") or fronted before it ("On Wednesday, Kirby
/// said") is the date of the statement; the first other date is the
/// event's.
fn sentence_dates(
    tokens: &[Token],
    sentence_of: &[usize],
    count: usize,
    resolved: &[Placed],
    published: Option<NaiveDate>,
) -> Vec<SentenceDates> {
    let mut verbs: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (k, t) in tokens.iter().enumerate() {
        let s = sentence_of[k];
        if s < count && t.word().is_some_and(|w| REPORTING.contains(&w)) {
            verbs[s].push(k);
        }
    }
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (idx, r) in resolved.iter().enumerate() {
        if r.2 < count {
            by_sentence[r.2].push(idx);
        }
    }
    let mut out = Vec::new();
    for s in 0..count {
        let here: Vec<(usize, &Placed)> =
            by_sentence[s].iter().map(|&i| (i, &resolved[i])).collect();
        if here.is_empty() && verbs[s].is_empty() {
            continue;
        }
        // The verbs are in token order: look at the nearest one on each side.
        let is_claim_date = |first: usize, last: usize| {
            let vs = &verbs[s];
            let k = vs.partition_point(|&v| v < first);
            let before = k
                .checked_sub(1)
                .map(|k| vs[k])
                .is_some_and(|v| first - v <= 4);
            let fronted = sentence_of.get(first.wrapping_sub(2)) != Some(&s);
            // A date in the sentence's opening clause, set off by a comma
            // (after an optional parenthesis), dates the statement of the
            // main clause, past a long speaker: "The previous day, the US
            // secretary of state said", "At a briefing on Wednesday (local
            // time), the spokesman said".
            let opening: Vec<usize> = (0..first)
                .rev()
                .take_while(|&j| sentence_of.get(j) == Some(&s))
                .collect();
            let opening_clause = opening
                .iter()
                .all(|&j| !matches!(tokens[j].kind, TokenKind::Punct(',')));
            let opening_words: Vec<&str> = opening
                .iter()
                .rev()
                .filter_map(|&j| tokens[j].word())
                .collect();
            let set_off = if opening_clause && !tense::has_finite_verb(&opening_words) {
                comma_after_date(tokens, last)
            } else {
                None
            };
            let next_verb = vs.get(vs.partition_point(|&v| v <= last));
            let after = match set_off {
                // A speaker of up to ten words between the comma and the
                // verb.
                Some(comma) => next_verb.is_some_and(|&v| v - comma <= 11),
                None => next_verb.is_some_and(|&v| v - last <= 4 && fronted),
            };
            before || after
        };
        let mut said: Option<&Resolution> = None;
        let mut event: Option<(usize, &Resolution)> = None;
        for (idx, (first, last, _, r)) in &here {
            if r.kind != Kind::Date {
                continue;
            }
            if said.is_none()
                && !verbs[s].is_empty()
                && is_claim_date(*first, *last)
                && r.start.is_some()
            {
                said = Some(r);
            } else if event.is_none() {
                event = Some((*idx, r));
            }
        }
        let (said_on, said_on_from) = match said {
            Some(r) => (iso(r.start), Some("text".to_string())),
            None if !verbs[s].is_empty() => {
                (iso(published), published.map(|_| "published".to_string()))
            }
            None => (None, None),
        };
        out.push(SentenceDates {
            sentence: s,
            refers_to: event.map(|(i, _)| i),
            refers_to_interval: event.map(|(_, r)| [iso(r.start), iso(r.end)]),
            said_on,
            said_on_from,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said_on(text: &str) -> Option<String> {
        let sentences = [Span {
            start: 0,
            end: text.chars().count(),
        }];
        let published = PartialDate::ymd(2024, 5, 10);
        let (_, dates) = annotate(text, &sentences, published, &Options::default());
        dates.first().and_then(|d| d.said_on.clone())
    }

    #[test]
    fn a_fronted_date_dates_the_statement_of_its_clause() {
        let cases = [
            ("On Wednesday, Kirby said talks would resume.", "2024-05-08"),
            (
                "The previous day, the foreign minister of Chile said talks would resume.",
                "2024-05-09",
            ),
            (
                "Talks resumed on Wednesday, the minister said.",
                "2024-05-10",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(said_on(text).as_deref(), Some(want), "{text}");
        }
    }
}
