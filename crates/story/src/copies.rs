//! Wire copies and near-duplicates: documents whose texts share most of
//! their shingles, grouped around a canonical article, found
//! incrementally through locality-sensitive hashing of their signatures.

use crate::minhash::{Signature, HASHES};
use std::collections::HashMap;

/// Rows per band: 32 bands of 4 rows make two texts of Jaccard
/// similarity 0.5 share a band with probability about 0.87, and texts of
/// 0.2 with about 0.05, so few candidates need checking.
const ROWS: usize = 4;
const BANDS: usize = HASHES / ROWS;

/// The estimated similarity from which a document is a copy of another.
pub const COPY_THRESHOLD: f64 = 0.5;

#[derive(Debug, Clone)]
struct Member {
    id: String,
    signature: Signature,
    /// Orders members for the choice of the canonical article: the
    /// publication date (ISO, so strings sort), then arrival.
    order: (String, usize),
    agency: Option<String>,
}

/// A group of copies: the canonical article and its copies.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CopyGroup {
    pub canonical: String,
    pub copies: Vec<String>,
    /// The wire agency the group shares, when one is credited.
    pub agency: Option<String>,
    /// The least similarity of a copy to the article it matched.
    pub similarity: f64,
}

/// The index: documents added one at a time, each compared only with the
/// documents that share a band with it.
#[derive(Debug, Default)]
pub struct CopyIndex {
    members: Vec<Member>,
    group_of: Vec<usize>,
    groups: Vec<Vec<usize>>,
    least: Vec<f64>,
    buckets: HashMap<(usize, u64), Vec<usize>>,
}

impl CopyIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a document. Returns the id of the article it copies (the best
    /// match above the threshold), if any.
    pub fn add(
        &mut self,
        id: &str,
        text: &str,
        published: Option<&str>,
        agency: Option<&str>,
    ) -> Option<String> {
        let signature = Signature::of(text);
        let index = self.members.len();
        let mut best: Option<(usize, f64)> = None;
        let mut seen = Vec::new();
        let keys = band_keys(&signature);
        for key in &keys {
            if let Some(cands) = self.buckets.get(key) {
                for &c in cands {
                    if seen.contains(&c) {
                        continue;
                    }
                    seen.push(c);
                    let s = signature.similarity(&self.members[c].signature);
                    if s >= COPY_THRESHOLD && best.is_none_or(|(_, b)| s > b) {
                        best = Some((c, s));
                    }
                }
            }
        }
        for key in keys {
            self.buckets.entry(key).or_default().push(index);
        }
        self.members.push(Member {
            id: id.to_string(),
            signature,
            order: (published.unwrap_or("9999").to_string(), index),
            agency: agency.map(str::to_string),
        });
        match best {
            Some((c, s)) => {
                let g = self.group_of[c];
                self.group_of.push(g);
                self.groups[g].push(index);
                self.least[g] = self.least[g].min(s);
                Some(self.members[c].id.clone())
            }
            None => {
                self.group_of.push(self.groups.len());
                self.groups.push(vec![index]);
                self.least.push(1.0);
                None
            }
        }
    }

    /// The groups with at least one copy, canonical article first: the
    /// earliest published, then the first added.
    pub fn groups(&self) -> Vec<CopyGroup> {
        self.groups
            .iter()
            .zip(&self.least)
            .filter(|(g, _)| g.len() > 1)
            .map(|(g, &least)| {
                let mut members: Vec<&Member> = g.iter().map(|&i| &self.members[i]).collect();
                members.sort_by(|a, b| a.order.cmp(&b.order));
                let agency = members.iter().find_map(|m| m.agency.clone());
                CopyGroup {
                    canonical: members[0].id.clone(),
                    copies: members[1..].iter().map(|m| m.id.clone()).collect(),
                    agency,
                    similarity: least,
                }
            })
            .collect()
    }

    /// The canonical article of a document's group (itself when alone).
    pub fn canonical_of(&self, id: &str) -> Option<String> {
        let i = self.members.iter().position(|m| m.id == id)?;
        let g = &self.groups[self.group_of[i]];
        g.iter()
            .map(|&k| &self.members[k])
            .min_by(|a, b| a.order.cmp(&b.order))
            .map(|m| m.id.clone())
    }
}

/// The signature's bucket in each band: documents that share a bucket
/// are candidate copies.
pub fn band_keys(signature: &Signature) -> Vec<(usize, u64)> {
    (0..BANDS)
        .map(|band| {
            (
                band,
                band_hash(&signature.0[band * ROWS..(band + 1) * ROWS]),
            )
        })
        .collect()
}

/// The ids of the documents that are a copy in some group.
pub fn copy_ids(groups: &[CopyGroup]) -> std::collections::HashSet<&str> {
    groups
        .iter()
        .flat_map(|g| g.copies.iter().map(String::as_str))
        .collect()
}

/// The documents that are not a copy in any group: one per group of
/// copies, so that no copy counts as a second source.
pub fn independent<'a>(
    documents: &'a [storyline_model::Document],
    groups: &[CopyGroup],
) -> Vec<&'a storyline_model::Document> {
    let copies = copy_ids(groups);
    documents
        .iter()
        .filter(|d| !copies.contains(d.id.as_str()))
        .collect()
}

fn band_hash(rows: &[u64]) -> u64 {
    rows.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &r| {
        (h ^ r).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
