//! The name table's two lookups, kept as indices into the patterns rather
//! than as maps from owned strings: the patterns already hold every folded
//! name, and a second copy of 150,000 names as map keys doubled what the
//! shipped knowledge base allocates when it is decoded (`prebuilt.rs`).

use crate::fold::first_token;
use crate::kb::Pattern;
use hashbrown::HashTable;
use std::hash::BuildHasher;

fn hash(text: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(text)
}

/// A pattern's index by its folded name, and for each first token the
/// byte length of the longest name that starts with it.
#[derive(Debug, Clone, Copy)]
struct TokenEntry {
    pattern: u32,
    token_len: u32,
    longest: u32,
}

impl TokenEntry {
    fn token<'p>(&self, patterns: &'p [Pattern]) -> &'p str {
        &patterns[self.pattern as usize].folded[..self.token_len as usize]
    }
}

#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    by_folded: HashTable<u32>,
    /// The first token as a pattern's first `token_len` bytes, and the
    /// longest length of a name that starts with it.
    longest_after_token: HashTable<TokenEntry>,
}

impl NameIndex {
    /// Indexes every pattern; folded names must be distinct.
    pub(crate) fn of(patterns: &[Pattern]) -> NameIndex {
        let mut index = NameIndex {
            by_folded: HashTable::with_capacity(patterns.len()),
            longest_after_token: HashTable::with_capacity(patterns.len()),
        };
        for i in 0..patterns.len() {
            index.add(patterns, i);
        }
        index
    }

    /// Adds pattern `i`, which must not share its folded name with an
    /// indexed one.
    pub(crate) fn add(&mut self, patterns: &[Pattern], i: usize) {
        let folded = patterns[i].folded.as_str();
        self.by_folded.insert_unique(hash(folded), i as u32, |&j| {
            hash(&patterns[j as usize].folded)
        });
        let token = folded
            .get(..patterns[i].token_len as usize)
            .unwrap_or_else(|| first_token(folded));
        let len = folded.len() as u32;
        match self
            .longest_after_token
            .find_mut(hash(token), |e| e.token(patterns) == token)
        {
            Some(entry) => entry.longest = entry.longest.max(len),
            None => {
                let entry = TokenEntry {
                    pattern: i as u32,
                    token_len: token.len() as u32,
                    longest: len,
                };
                self.longest_after_token
                    .insert_unique(hash(token), entry, |e| hash(e.token(patterns)));
            }
        }
    }

    /// The index of the pattern whose folded name is `folded`.
    pub(crate) fn get(&self, patterns: &[Pattern], folded: &str) -> Option<usize> {
        self.by_folded
            .find(hash(folded), |&i| patterns[i as usize].folded == folded)
            .map(|&i| i as usize)
    }

    /// The byte length of the longest folded name whose first token is
    /// `token`.
    pub(crate) fn longest_after(&self, patterns: &[Pattern], token: &str) -> Option<usize> {
        self.longest_after_token
            .find(hash(token), |e| e.token(patterns) == token)
            .map(|e| e.longest as usize)
    }
}
