//! Across-article state in the store: each new document's signature and
//! band buckets (so a later copy finds it), its copy relation, and its
//! story. The decisions are the story crate's; this module keeps their
//! state in SQLite so that adding an article reads only the rows it
//! needs: the band buckets it falls in, the postings of its features and
//! a few candidate stories.

use crate::{Batch, Result, StoreError};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::HashSet;
use storyline_model::Document;
use storyline_story::{band_keys, Signature, Story, StoryBackend, COPY_THRESHOLD};

/// The most documents compared from one band bucket (see `best_copy`).
const BUCKET_CANDIDATES: i64 = 32;

/// What aggregating one document decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregated {
    /// The stored article it copies, with the estimated similarity.
    pub copy_of: Option<(String, f64)>,
    pub story: u64,
}

fn to_blob(signature: &Signature) -> Vec<u8> {
    signature.0.iter().flat_map(|h| h.to_le_bytes()).collect()
}

fn from_blob(blob: &[u8]) -> Signature {
    Signature(
        blob.chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("chunks of eight bytes")))
            .collect(),
    )
}

impl Batch<'_> {
    /// Finds a new document's copy relation and story, and records both.
    /// A document already aggregated is left as it is, so re-running an
    /// ingest changes nothing.
    pub fn aggregate(&self, doc: &Document) -> Result<Aggregated> {
        let id = doc.id.as_str();
        if let Some(story) = self
            .tx
            .query_row(
                "SELECT story_id FROM story_documents WHERE document_id = ?1",
                [id],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
        {
            let copy_of = self
                .tx
                .query_row(
                    "SELECT copy_of, similarity FROM copies WHERE document_id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            return Ok(Aggregated {
                copy_of,
                story: story as u64,
            });
        }
        let signature = Signature::of(&doc.text);
        let copy_of = self.best_copy(id, &signature)?;
        self.tx.execute(
            "INSERT OR REPLACE INTO signatures (document_id, signature) VALUES (?1, ?2)",
            params![id, to_blob(&signature)],
        )?;
        for (band, bucket) in band_keys(&signature) {
            self.tx.execute(
                "INSERT OR IGNORE INTO copy_bands (band, bucket, document_id) VALUES (?1, ?2, ?3)",
                params![band as i64, bucket as i64, id],
            )?;
        }
        let profile = storyline_story::profile(doc);
        let mut backend = TxBackend { tx: &self.tx };
        let story = match &copy_of {
            Some((original, similarity)) => {
                self.tx.execute(
                    "INSERT OR REPLACE INTO copies (document_id, copy_of, similarity) VALUES (?1, ?2, ?3)",
                    params![id, original, similarity],
                )?;
                let story: Option<i64> = self
                    .tx
                    .query_row(
                        "SELECT story_id FROM story_documents WHERE document_id = ?1",
                        [original],
                        |r| r.get(0),
                    )
                    .optional()?;
                match story {
                    Some(s) if storyline_story::attach_copy(&mut backend, s as u64, &profile)? => {
                        s as u64
                    }
                    _ => storyline_story::assign(&mut backend, &profile)?,
                }
            }
            None => storyline_story::assign(&mut backend, &profile)?,
        };
        self.tx.execute(
            "INSERT OR REPLACE INTO story_documents (document_id, story_id) VALUES (?1, ?2)",
            params![id, story as i64],
        )?;
        Ok(Aggregated { copy_of, story })
    }

    /// The stored article this signature copies best, above the
    /// threshold, followed to the original of its group.
    fn best_copy(&self, id: &str, signature: &Signature) -> Result<Option<(String, f64)>> {
        // At most BUCKET_CANDIDATES documents are read from each bucket.
        // A bucket that holds more is a group of near-copies of one
        // article (distinct articles rarely share a band): any member
        // leads to the group's original below, so comparing with all of
        // them would only make ingest quadratic in the group's size.
        let mut stmt = self.tx.prepare_cached(
            "SELECT b.document_id, s.signature FROM copy_bands b
             JOIN signatures s ON s.document_id = b.document_id
             WHERE b.band = ?1 AND b.bucket = ?2 AND b.document_id != ?3
             LIMIT ?4",
        )?;
        let mut seen: HashSet<String> = HashSet::new();
        let mut best: Option<(String, f64)> = None;
        for (band, bucket) in band_keys(signature) {
            let rows = stmt.query_map(
                params![band as i64, bucket as i64, id, BUCKET_CANDIDATES],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?)),
            )?;
            for row in rows {
                let (other, blob) = row?;
                if seen.contains(&other) {
                    continue;
                }
                let s = signature.similarity(&from_blob(&blob));
                seen.insert(other.clone());
                if s >= COPY_THRESHOLD && best.as_ref().is_none_or(|(_, b)| s > *b) {
                    best = Some((other, s));
                }
            }
        }
        let Some((mut original, similarity)) = best else {
            return Ok(None);
        };
        // A copy of a copy belongs to the first article's group.
        while let Some(up) = self
            .tx
            .query_row(
                "SELECT copy_of FROM copies WHERE document_id = ?1",
                [&original],
                |r| r.get::<_, String>(0),
            )
            .optional()?
        {
            original = up;
        }
        Ok(Some((original, similarity)))
    }

    /// Aggregates the stored documents that have no story yet, in
    /// publication order: documents stored by a build that did not
    /// aggregate. Returns how many there were.
    pub fn aggregate_missing(&self) -> Result<usize> {
        let ids: Vec<String> = {
            let mut stmt = self.tx.prepare(
                "SELECT id FROM documents
                 WHERE id NOT IN (SELECT document_id FROM story_documents)
                 ORDER BY published IS NULL, published, id",
            )?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for id in &ids {
            let body: String =
                self.tx
                    .query_row("SELECT body FROM documents WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
            let doc: Document = serde_json::from_str(&body)?;
            self.aggregate(&doc)?;
        }
        Ok(ids.len())
    }
}

/// The clustering state read and written inside the batch's transaction.
struct TxBackend<'a> {
    tx: &'a Transaction<'a>,
}

impl TxBackend<'_> {
    fn tick(&self) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO counters (name, value) VALUES ('story_clock', 1)
             ON CONFLICT(name) DO UPDATE SET value = value + 1",
            [],
        )?;
        Ok(self.tx.query_row(
            "SELECT value FROM counters WHERE name = 'story_clock'",
            [],
            |r| r.get(0),
        )?)
    }
}

impl StoryBackend for TxBackend<'_> {
    type Error = StoreError;

    fn postings(&mut self, features: &[&str], limit: usize) -> Result<Vec<Vec<u64>>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT story_id FROM story_postings WHERE feature = ?1
             ORDER BY updated DESC LIMIT ?2",
        )?;
        features
            .iter()
            .map(|f| {
                let rows = stmt.query_map(params![f, limit as i64], |r| r.get::<_, i64>(0))?;
                Ok(rows
                    .map(|r| r.map(|id| id as u64))
                    .collect::<rusqlite::Result<_>>()?)
            })
            .collect()
    }

    fn load(&mut self, id: u64) -> Result<Option<Story>> {
        let body: Option<String> = self
            .tx
            .prepare_cached("SELECT body FROM stories WHERE id = ?1")?
            .query_row([id as i64], |r| r.get(0))
            .optional()?;
        Ok(body.map(|b| serde_json::from_str(&b)).transpose()?)
    }

    fn frequencies(&mut self, features: &[&str]) -> Result<(u64, Vec<u64>)> {
        let profiled: i64 = self
            .tx
            .query_row(
                "SELECT value FROM counters WHERE name = 'profiled'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0);
        let mut stmt = self
            .tx
            .prepare_cached("SELECT articles FROM feature_counts WHERE feature = ?1")?;
        let counts = features
            .iter()
            .map(|f| {
                Ok(stmt
                    .query_row([f], |r| r.get::<_, i64>(0))
                    .optional()?
                    .unwrap_or(0) as u64)
            })
            .collect::<Result<Vec<u64>>>()?;
        Ok((profiled as u64, counts))
    }

    fn count(&mut self, features: &[&str]) -> Result<()> {
        self.tx.execute(
            "INSERT INTO counters (name, value) VALUES ('profiled', 1)
             ON CONFLICT(name) DO UPDATE SET value = value + 1",
            [],
        )?;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO feature_counts (feature, articles) VALUES (?1, 1)
             ON CONFLICT(feature) DO UPDATE SET articles = articles + 1",
        )?;
        for f in features {
            stmt.execute([f])?;
        }
        Ok(())
    }

    fn save(&mut self, story: &Story) -> Result<()> {
        let updated = self.tick()?;
        self.tx.execute(
            "INSERT OR REPLACE INTO stories (id, label, first, last, updated, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                story.id as i64,
                story.label,
                story.first,
                story.last,
                updated,
                serde_json::to_string(story)?
            ],
        )?;
        self.tx.execute(
            "DELETE FROM story_postings WHERE story_id = ?1",
            [story.id as i64],
        )?;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO story_postings (feature, updated, story_id) VALUES (?1, ?2, ?3)",
        )?;
        for (feature, _) in &story.features {
            stmt.execute(params![feature, updated, story.id as i64])?;
        }
        Ok(())
    }

    fn merge(&mut self, into: u64, from: u64) -> Result<()> {
        self.tx.execute(
            "UPDATE story_documents SET story_id = ?1 WHERE story_id = ?2",
            params![into as i64, from as i64],
        )?;
        self.tx.execute(
            "DELETE FROM story_postings WHERE story_id = ?1",
            [from as i64],
        )?;
        self.tx
            .execute("DELETE FROM stories WHERE id = ?1", [from as i64])?;
        Ok(())
    }

    fn next_id(&mut self) -> Result<u64> {
        // The highest id ever given is counted, so the id of a story merged
        // into another is never given again (a reader may have seen it).
        let next: i64 = self.tx.query_row(
            "SELECT max(coalesce((SELECT max(id) FROM stories), 0),
                        coalesce((SELECT value FROM counters WHERE name = 'last_story'), 0)) + 1",
            [],
            |r| r.get(0),
        )?;
        self.tx.execute(
            "INSERT INTO counters (name, value) VALUES ('last_story', ?1)
             ON CONFLICT(name) DO UPDATE SET value = ?1",
            [next],
        )?;
        Ok(next as u64)
    }
}
