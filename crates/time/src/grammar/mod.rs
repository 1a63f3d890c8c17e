//! The time grammar: at each token, every rule that can start there is
//! tried and the longest reading wins. Rules are small functions over the
//! token slice that return the index after their match and what they
//! understood.

mod calendar;
mod clock;
mod compose;
mod hours;
mod relative;
mod span;

use crate::expr::{Date, Expr};
use crate::token::{Kind, Token};
use crate::Options;
use std::cell::RefCell;

/// A recognised expression: token range and meaning.
#[derive(Debug, Clone)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub expr: Expr,
}

/// The parser state: the tokens, the text they index and the options,
/// and what the busiest rules found at each token. Rules call each other
/// at the same positions many times (a range tries a point at both ends, a
/// bound tries a range and a point), so their results are kept.
pub struct P<'a> {
    pub t: &'a [Token],
    pub text: &'a str,
    pub opts: &'a Options,
    calendar_memo: Memo<Date>,
    date_memo: Memo<Date>,
    point_memo: Memo<Expr>,
}

type Memo<T> = RefCell<Vec<Option<R<T>>>>;

/// Looks a rule's result up at token `i`, computing it once.
fn memo<T: Clone>(cache: &Memo<T>, i: usize, rule: impl FnOnce() -> R<T>) -> R<T> {
    if let Some(hit) = cache.borrow().get(i).and_then(Clone::clone) {
        return hit;
    }
    let r = rule();
    if let Some(slot) = cache.borrow_mut().get_mut(i) {
        *slot = Some(r.clone());
    }
    r
}

/// A parse result: the index after the match and the value.
pub type R<T> = Option<(usize, T)>;

impl<'a> P<'a> {
    pub fn new(t: &'a [Token], text: &'a str, opts: &'a Options) -> Self {
        let n = t.len() + 1;
        P {
            t,
            text,
            opts,
            calendar_memo: RefCell::new(vec![None; n]),
            date_memo: RefCell::new(vec![None; n]),
            point_memo: RefCell::new(vec![None; n]),
        }
    }

    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.t.get(i)?.word()
    }

    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.word(i).is_some_and(|x| ws.contains(&x))
    }

    pub fn num(&self, i: usize) -> Option<u32> {
        self.t.get(i)?.num()
    }

    pub fn digits(&self, i: usize) -> usize {
        self.t.get(i).map_or(0, Token::digits)
    }

    pub fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is(c))
    }

    /// Token `i` is written straight after token `i - 1`, with no space.
    pub fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.spaced) && i > 0
    }

    /// The original text of token `i` starts with a capital letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.t
            .get(i)
            .and_then(|t| self.text[t.start..].chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Matches a phrase of words; a word with an apostrophe ("year's")
    /// matches the tokens it splits into, with either apostrophe.
    pub fn phrase(&self, mut i: usize, words: &[&str]) -> Option<usize> {
        for w in words {
            if !w.contains('\'') {
                if !self.is_word(i, w) {
                    return None;
                }
                i += 1;
                continue;
            }
            let mut parts = w.split('\'');
            let head = parts.next()?;
            if !head.is_empty() {
                if !self.is_word(i, head) {
                    return None;
                }
                i += 1;
            }
            for tail in parts {
                if !(self.punct(i, '\'') || self.punct(i, '’')) || !self.glued(i) {
                    return None;
                }
                i += 1;
                if !tail.is_empty() {
                    if !self.is_word(i, tail) || !self.glued(i) {
                        return None;
                    }
                    i += 1;
                }
            }
        }
        Some(i)
    }

    /// The first of several phrases that matches, with its index.
    pub fn any_phrase(&self, i: usize, phrases: &[&[&str]]) -> Option<(usize, usize)> {
        phrases
            .iter()
            .enumerate()
            .find_map(|(k, p)| self.phrase(i, p).map(|e| (e, k)))
    }

    /// Skips an optional word.
    pub fn opt(&self, i: usize, w: &str) -> usize {
        if self.is_word(i, w) {
            i + 1
        } else {
            i
        }
    }

    /// Skips optional "the".
    pub fn the(&self, i: usize) -> usize {
        self.opt(i, "the")
    }

    /// Skips an optional comma.
    pub fn comma(&self, i: usize) -> usize {
        if self.punct(i, ',') {
            i + 1
        } else {
            i
        }
    }

    /// Skips a hyphen or dash of any kind.
    pub fn dash(&self, i: usize) -> Option<usize> {
        let t = self.t.get(i)?;
        matches!(t.kind, Kind::Punct('-' | '–' | '—' | '‐' | '~')).then_some(i + 1)
    }

    /// The token index is the start of a word: not glued to a letter or
    /// digit before it ("G20", "F-16", "A4").
    pub fn starts_word(&self, i: usize) -> bool {
        if i == 0 || self.t[i].spaced {
            return true;
        }
        let prev = &self.t[i - 1];
        match prev.kind {
            Kind::Punct('-') => {
                // "F-16": a letter and a hyphen glued before the number.
                !(i >= 2 && !prev.spaced && self.t[i - 2].word().is_some())
            }
            Kind::Punct(_) => true,
            _ => false,
        }
    }
}

/// Words that can begin an expression besides months, weekdays, units,
/// number words, ordinals, parts of the day, seasons and holidays. Most
/// tokens of a text are none of these, and skipping them keeps the scan
/// fast; `tests/conformance.rs` checks that the filter changes nothing.
const STARTERS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "calendar",
    "greater",
    "final",
    "circa",
    "noonish",
    "w",
    "almost",
    "an",
    "and",
    "another",
    "any",
    "approximately",
    "around",
    "as",
    "at",
    "back",
    "before",
    "beginning",
    "between",
    "bi",
    "by",
    "couple",
    "current",
    "currently",
    "each",
    "earlier",
    "early",
    "end",
    "entire",
    "every",
    "fall",
    "few",
    "fewer",
    "first",
    "following",
    "for",
    "from",
    "full",
    "h",
    "half",
    "in",
    "last",
    "late",
    "later",
    "less",
    "many",
    "mid",
    "middle",
    "midday",
    "midnight",
    "more",
    "most",
    "multiple",
    "nearly",
    "next",
    "no",
    "noon",
    "now",
    "nowadays",
    "numerous",
    "once",
    "over",
    "past",
    "preceding",
    "present",
    "previous",
    "prior",
    "q",
    "quarter",
    "recent",
    "right",
    "roughly",
    "same",
    "second",
    "semi",
    "several",
    "since",
    "some",
    "start",
    "starting",
    "that",
    "the",
    "this",
    "through",
    "till",
    "today",
    "tomorrow",
    "tonight",
    "twice",
    "under",
    "until",
    "up",
    "upcoming",
    "upwards",
    "week",
    "weekend",
    "weekends",
    "weekday",
    "whole",
    "within",
    "year",
    "yesterday",
    "coming",
    "hourly",
    "daily",
    "everyday",
    "nightly",
    "weekly",
    "biweekly",
    "fortnightly",
    "monthly",
    "quarterly",
    "annually",
    "yearly",
    "annual",
    "semiannual",
    "semiannually",
    "biannual",
    "biannually",
    "spring",
    "summer",
    "autumn",
    "winter",
    "thru",
    "or",
    "times",
];

fn may_start(p: &P, i: usize) -> bool {
    let t = &p.t[i];
    match &t.kind {
        Kind::Num { .. } => true,
        Kind::Punct(c) => matches!(c, '\'' | '’'),
        Kind::Word(w) => {
            let w = w.as_str();
            STARTERS.contains(&w)
                || crate::lexicon::month(w).is_some()
                || crate::lexicon::weekday(w).is_some()
                || crate::lexicon::unit(w).is_some()
                || crate::lexicon::small_number(w).is_some()
                || crate::lexicon::ordinal(w).is_some()
                || crate::lexicon::day_part(w).is_some()
                || crate::lexicon::holiday_first_word(w)
        }
    }
}

/// Every expression in the tokens, leftmost-longest, not overlapping.
pub fn scan(text: &str, tokens: &[Token], opts: &Options) -> Vec<Found> {
    scan_with(text, tokens, opts, true)
}

/// The scan, with the starter filter on or off (off only to test it).
pub fn scan_with(text: &str, tokens: &[Token], opts: &Options, filter: bool) -> Vec<Found> {
    let p = P::new(tokens, text, opts);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !p.starts_word(i) || (filter && !may_start(&p, i)) {
            i += 1;
            continue;
        }
        match compose::expr(&p, i) {
            Some((end, expr)) if end > i && !compose::rejected(&p, i, end) => {
                out.push(Found {
                    first: i,
                    last: end - 1,
                    expr,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}
