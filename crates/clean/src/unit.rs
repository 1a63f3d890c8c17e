//! Lines of scraped text, normalised, with the features the rules read.

use storyline_text::{is_stopword, words};

/// One candidate paragraph: a non-blank input line (or several, for
/// hard-wrapped text), with whitespace normalised.
#[derive(Debug, Clone)]
pub struct Unit {
    /// One-based number of its first line in the input.
    pub line: usize,
    pub text: String,
}

/// Characters that are invisible or only spacing; they are folded or
/// dropped so that two copies of a line compare equal.
fn normalise_char(c: char) -> Option<char> {
    match c {
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' => None,
        '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            Some(' ')
        }
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// Normalises one line: invisible characters dropped, spaces collapsed,
/// ends trimmed.
pub fn normalise_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars().filter_map(normalise_char) {
        if c == ' ' {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Splits text into units. Each non-blank line is a unit, except in
/// hard-wrapped text (lines of similar, moderate length with blank lines
/// between paragraphs), where each blank-separated block is one unit.
pub fn split_units(text: &str) -> Vec<Unit> {
    let lines: Vec<(usize, String)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, normalise_line(l)))
        .collect();
    let wrapped = is_hard_wrapped(&lines);
    let mut units: Vec<Unit> = Vec::new();
    let mut previous_blank = true;
    for (number, line) in lines {
        if line.is_empty() {
            previous_blank = true;
            continue;
        }
        match units.last_mut() {
            Some(last) if wrapped && !previous_blank => {
                last.text.push(' ');
                last.text.push_str(&line);
            }
            _ => units.push(Unit {
                line: number,
                text: line,
            }),
        }
        previous_blank = false;
    }
    units
}

/// Hard-wrapped text has most lines within a narrow band of widths
/// (typically 60 to 80 characters), no line much longer, and paragraphs of
/// several lines each.
fn is_hard_wrapped(lines: &[(usize, String)]) -> bool {
    let lengths: Vec<usize> = lines
        .iter()
        .map(|(_, l)| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lengths.len() < 6 {
        return false;
    }
    let max = *lengths.iter().max().unwrap_or(&0);
    let mut sorted = lengths.clone();
    sorted.sort_unstable();
    let median = sorted[sorted.len() / 2];
    let consecutive = lines
        .windows(2)
        .filter(|w| !w[0].1.is_empty() && !w[1].1.is_empty())
        .count();
    (45..=100).contains(&median) && max <= 110 && consecutive * 2 >= lengths.len()
}

/// Facts about a unit that the rules combine.
#[derive(Debug, Clone, Copy)]
pub struct Features {
    pub words: usize,
    pub stopwords: usize,
    /// Ends with `.`, `!`, `?` or `…`, possibly inside closing quotes.
    pub terminal: bool,
    pub starts_lowercase: bool,
}

impl Features {
    pub fn of(text: &str) -> Features {
        let mut n = 0;
        let mut stop = 0;
        for w in words(text) {
            n += 1;
            if is_stopword(w) {
                stop += 1;
            }
        }
        let trimmed = text.trim_end_matches(['"', '\'', '’', '”', ')', ']', '»']);
        Features {
            words: n,
            stopwords: stop,
            terminal: trimmed.ends_with(['.', '!', '?', '…']),
            starts_lowercase: text.chars().next().is_some_and(char::is_lowercase),
        }
    }

    pub fn stopword_share(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.stopwords as f64 / self.words as f64
        }
    }

    /// Running prose: a finished sentence of some length, made of the
    /// function words that sentences need. The first and last such units
    /// bound the article body.
    pub fn is_prose(&self) -> bool {
        (self.terminal && self.words >= 8 && self.stopword_share() >= 0.15)
            || (self.words >= 20 && self.stopword_share() >= 0.25)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_invisible_and_spacing_characters() {
        assert_eq!(
            normalise_line("  \u{2022} By\u{a0}\u{a0}AFP\u{200b} "),
            "\u{2022} By AFP"
        );
        assert_eq!(normalise_line("a\tb\u{feff}c"), "a bc");
    }

    #[test]
    fn hard_wrapped_paragraphs_become_one_unit_each() {
        let text = "The ministry said on Friday that the convoy had reached the\n\
                    border crossing after a delay of several hours at the port.\n\
                    \n\
                    Officials at the crossing said the trucks carried food and\n\
                    medicine for the region, and that more would follow soon.\n\
                    \n\
                    A second convoy is expected to leave the capital on Monday\n\
                    morning, weather permitting, the ministry said in a note.\n";
        let units = split_units(text);
        assert_eq!(units.len(), 3);
        assert_eq!(units[1].line, 4);
        assert!(units[0]
            .text
            .ends_with("reached the border crossing after a delay of several hours at the port."));
    }

    #[test]
    fn one_line_paragraphs_stay_apart() {
        let units = split_units("Headline here\nFirst paragraph.\n\n\nSecond paragraph.");
        let texts: Vec<_> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Headline here", "First paragraph.", "Second paragraph."]
        );
    }
}
