//! PLOVER contexts from the words of a clause (`data/contexts.tsv`).

use crate::tokens::Token;

pub const BUILTIN: &str = include_str!("../data/contexts.tsv");

/// Contexts and their cue words; a cue ending in `*` is a prefix.
pub struct Contexts {
    entries: Vec<(String, Vec<String>)>,
}

impl Contexts {
    pub fn builtin() -> &'static Contexts {
        static CONTEXTS: std::sync::OnceLock<Contexts> = std::sync::OnceLock::new();
        CONTEXTS.get_or_init(|| Contexts::parse(BUILTIN))
    }

    fn parse(text: &str) -> Contexts {
        let entries = text
            .lines()
            .filter(|l| l.starts_with("context\t"))
            .filter_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                let cues = f
                    .get(2)?
                    .split('|')
                    .map(|c| c.trim().to_lowercase())
                    .collect();
                Some((f.get(1)?.trim().to_string(), cues))
            })
            .collect();
        Contexts { entries }
    }

    /// The contexts whose cues occur among `tokens`, in the file's order.
    pub fn of(&self, tokens: &[Token]) -> Vec<String> {
        self.entries
            .iter()
            .filter(|(_, cues)| {
                tokens.iter().any(|t| {
                    cues.iter().any(|c| match c.strip_suffix('*') {
                        Some(prefix) => t.lower.starts_with(prefix),
                        None => t.lower == *c,
                    })
                })
            })
            .map(|(name, _)| name.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn the_shipped_file_reads_and_cues_match() {
        let s: Vec<char> = "Officials pledged military aid and food for refugees."
            .chars()
            .collect();
        let found = Contexts::builtin().of(&tokenize(&s, 0, s.len()));
        assert_eq!(found, ["military", "human_security", "migration"]);
    }
}
