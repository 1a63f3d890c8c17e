//! Across-article state in the store: each new document's signature and
//! band buckets (so a later copy finds it), its copy relation, and its
//! story. The decisions are the story crate's; this module keeps their
//! state in the store so that adding an article reads only the rows it
//! needs: the band buckets it falls in, the postings of its features and
//! a few candidate stories.

use crate::db::{params, placeholders, Db, Param};
use crate::{Batch, Result, StoreError};
use std::collections::HashMap;
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
        if let Some(row) = self.db.query_opt(
            "SELECT story_id FROM story_documents WHERE document_id = ?1",
            params![id],
        )? {
            let copy_of = self
                .db
                .query_opt(
                    "SELECT copy_of, similarity FROM copies WHERE document_id = ?1",
                    params![id],
                )?
                .map(|r| Ok::<_, StoreError>((r.text(0)?, r.real(1)?)))
                .transpose()?;
            return Ok(Aggregated {
                copy_of,
                story: row.int(0)? as u64,
            });
        }
        let signature = Signature::of(&doc.text);
        let copy_of = self.best_copy(id, &signature)?;
        let blob = to_blob(&signature);
        self.db.execute(
            "INSERT INTO signatures (document_id, signature) VALUES (?1, ?2)
             ON CONFLICT (document_id) DO UPDATE SET signature = excluded.signature",
            params![id, blob.as_slice()],
        )?;
        let keys = band_keys(&signature);
        let mut args: Vec<Param> = vec![id.into()];
        let mut rows = Vec::with_capacity(keys.len());
        for (band, bucket) in &keys {
            rows.push(format!("({}, ?1)", placeholders(args.len() + 1, 2)));
            args.extend([Param::Int(*band as i64), Param::Int(*bucket as i64)]);
        }
        // A signature always has its bands; the guard keeps an empty
        // VALUES list from ever reaching the engine.
        if !rows.is_empty() {
            self.db.execute(
                &format!(
                    "INSERT INTO copy_bands (band, bucket, document_id) VALUES {}
                     ON CONFLICT DO NOTHING",
                    rows.join(", ")
                ),
                &args,
            )?;
        }
        let profile = storyline_story::profile(doc);
        let mut backend = TxBackend { db: self.db };
        let story = match &copy_of {
            Some((original, similarity)) => {
                self.db.execute(
                    "INSERT INTO copies (document_id, copy_of, similarity) VALUES (?1, ?2, ?3)
                     ON CONFLICT (document_id)
                     DO UPDATE SET copy_of = excluded.copy_of, similarity = excluded.similarity",
                    params![id, original, *similarity],
                )?;
                let story = self
                    .db
                    .query_opt(
                        "SELECT story_id FROM story_documents WHERE document_id = ?1",
                        params![original],
                    )?
                    .map(|r| r.int(0))
                    .transpose()?;
                match story {
                    Some(s) if storyline_story::attach_copy(&mut backend, s as u64, &profile)? => {
                        s as u64
                    }
                    _ => storyline_story::assign(&mut backend, &profile)?,
                }
            }
            None => storyline_story::assign(&mut backend, &profile)?,
        };
        self.db.execute(
            "INSERT INTO story_documents (document_id, story_id) VALUES (?1, ?2)
             ON CONFLICT (document_id) DO UPDATE SET story_id = excluded.story_id",
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
        // One statement for all bands: each bucket's own capped query,
        // side by side.
        let keys = band_keys(signature);
        let mut args: Vec<Param> = vec![id.into(), BUCKET_CANDIDATES.into()];
        let mut parts = Vec::with_capacity(keys.len());
        for (band, bucket) in &keys {
            let (b, k) = (args.len() + 1, args.len() + 2);
            parts.push(format!(
                "SELECT * FROM (SELECT b.document_id, s.signature FROM copy_bands b
                 JOIN signatures s ON s.document_id = b.document_id
                 WHERE b.band = ?{b} AND b.bucket = ?{k} AND b.document_id != ?1
                 LIMIT ?2) AS bucket{b}"
            ));
            args.extend([Param::Int(*band as i64), Param::Int(*bucket as i64)]);
        }
        if parts.is_empty() {
            return Ok(None);
        }
        let mut seen: HashSet<String> = HashSet::new();
        let mut best: Option<(String, f64)> = None;
        for row in self.db.query(&parts.join(" UNION ALL "), &args)? {
            let other = row.text(0)?;
            if seen.contains(&other) {
                continue;
            }
            let s = signature.similarity(&from_blob(row.blob(1)?));
            seen.insert(other.clone());
            if s >= COPY_THRESHOLD && best.as_ref().is_none_or(|(_, b)| s > *b) {
                best = Some((other, s));
            }
        }
        let Some((mut original, similarity)) = best else {
            return Ok(None);
        };
        // A copy of a copy belongs to the first article's group.
        while let Some(up) = self.db.query_opt(
            "SELECT copy_of FROM copies WHERE document_id = ?1",
            params![&original],
        )? {
            original = up.text(0)?;
        }
        Ok(Some((original, similarity)))
    }

    /// Reads the small stories among `stories` again (see
    /// `storyline_story::reconsider`), oldest first, once a run's
    /// documents are aggregated. Returns how many moved into a larger
    /// story.
    pub fn settle(&self, stories: &[u64]) -> Result<usize> {
        let mut ids = stories.to_vec();
        ids.sort_unstable();
        ids.dedup();
        let mut backend = TxBackend { db: self.db };
        let mut moved = 0;
        for id in ids {
            moved += storyline_story::reconsider(&mut backend, id)?.is_some() as usize;
        }
        Ok(moved)
    }

    /// Aggregates the stored documents that have no story yet, in
    /// publication order: documents stored by a build that did not
    /// aggregate. Returns how many there were.
    pub fn aggregate_missing(&self) -> Result<usize> {
        let ids = self.db.query(
            "SELECT id FROM documents
             WHERE id NOT IN (SELECT document_id FROM story_documents)
             ORDER BY published IS NULL, published, id",
            &[],
        )?;
        for row in &ids {
            let id = row.text(0)?;
            let body = self
                .db
                .query_one("SELECT body FROM documents WHERE id = ?1", params![&id])?
                .text(0)?;
            let doc: Document = serde_json::from_str(&body)?;
            self.aggregate(&doc)?;
        }
        Ok(ids.len())
    }
}

/// The most rows or subqueries one statement carries. Each length is a
/// statement of its own, prepared once per connection and then reused;
/// with runs of at most 16 there are few enough lengths for every one to
/// stay in the statement cache (a long run of any length cost SQLite a
/// new parse nearly every time, 5 times the per-row statements), and a
/// document's few dozen features still take a handful of round trips.
const PER_STATEMENT: usize = 16;

/// The items in runs of at most [`PER_STATEMENT`], each with the index of
/// its first item.
fn chunks<T>(items: &[T]) -> impl Iterator<Item = (usize, &[T])> {
    items
        .chunks(PER_STATEMENT)
        .enumerate()
        .map(|(i, c)| (i * PER_STATEMENT, c))
}

/// The clustering state read and written inside the batch's transaction.
struct TxBackend<'a> {
    db: &'a Db,
}

impl TxBackend<'_> {
    /// Adds one to a counter and returns its new value.
    fn increment(&self, name: &str) -> Result<i64> {
        self.db
            .query_one(
                "INSERT INTO counters (name, value) VALUES (?1, 1)
                 ON CONFLICT (name) DO UPDATE SET value = counters.value + 1
                 RETURNING value",
                params![name],
            )?
            .int(0)
    }
}

impl StoryBackend for TxBackend<'_> {
    type Error = StoreError;

    fn postings(&mut self, features: &[&str], limit: usize) -> Result<Vec<Vec<u64>>> {
        // One statement for all features: each feature's own capped,
        // index-ordered query, side by side, tagged with its position.
        let mut out = vec![Vec::new(); features.len()];
        for (chunk_start, chunk) in chunks(features) {
            let mut args: Vec<Param> = vec![(limit as i64).into()];
            let parts: Vec<String> = chunk
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    args.push((*f).into());
                    format!(
                        "SELECT * FROM (SELECT {i} AS k, updated, story_id FROM story_postings
                         WHERE feature = ?{} ORDER BY updated DESC LIMIT ?1) AS f{i}",
                        i + 2
                    )
                })
                .collect();
            let mut rows: Vec<(usize, i64, u64)> = self
                .db
                .query(&parts.join(" UNION ALL "), &args)?
                .iter()
                .map(|r| Ok((r.int(0)? as usize, r.int(1)?, r.int(2)? as u64)))
                .collect::<Result<_>>()?;
            // Neither engine promises the order of a union's rows.
            rows.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            for (k, _, story) in rows {
                out[chunk_start + k].push(story);
            }
        }
        Ok(out)
    }

    fn load(&mut self, id: u64) -> Result<Option<Story>> {
        self.db
            .query_opt("SELECT body FROM stories WHERE id = ?1", params![id as i64])?
            .map(|r| Ok(serde_json::from_str(&r.text(0)?)?))
            .transpose()
    }

    fn frequencies(&mut self, features: &[&str]) -> Result<(u64, Vec<u64>)> {
        let profiled = self
            .db
            .query_opt("SELECT value FROM counters WHERE name = 'profiled'", &[])?
            .map(|r| r.int(0))
            .transpose()?
            .unwrap_or(0);
        let mut known: HashMap<String, u64> = HashMap::new();
        for (_, chunk) in chunks(features) {
            let args: Vec<Param> = chunk.iter().map(|f| (*f).into()).collect();
            let sql = format!(
                "SELECT feature, articles FROM feature_counts WHERE feature IN ({})",
                placeholders(1, chunk.len())
            );
            for row in self.db.query(&sql, &args)? {
                known.insert(row.text(0)?, row.int(1)? as u64);
            }
        }
        let counts = features
            .iter()
            .map(|f| known.get(*f).copied().unwrap_or(0))
            .collect();
        Ok((profiled as u64, counts))
    }

    fn count(&mut self, features: &[&str]) -> Result<()> {
        self.increment("profiled")?;
        // One row per distinct feature: an upsert may not touch a row twice.
        let mut distinct: Vec<&str> = features.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        for (_, chunk) in chunks(&distinct) {
            let args: Vec<Param> = chunk.iter().map(|f| (*f).into()).collect();
            let rows: Vec<String> = (1..=chunk.len()).map(|i| format!("(?{i}, 1)")).collect();
            self.db.execute(
                &format!(
                    "INSERT INTO feature_counts (feature, articles) VALUES {}
                     ON CONFLICT (feature) DO UPDATE SET articles = feature_counts.articles + 1",
                    rows.join(", ")
                ),
                &args,
            )?;
        }
        Ok(())
    }

    fn save(&mut self, story: &Story) -> Result<()> {
        let updated = self.increment("story_clock")?;
        let body = serde_json::to_string(story)?;
        self.db.execute(
            "INSERT INTO stories (id, label, first, last, updated, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (id) DO UPDATE SET label = excluded.label, first = excluded.first,
                 last = excluded.last, updated = excluded.updated, body = excluded.body",
            params![
                story.id as i64,
                &story.label,
                story.first.as_ref(),
                story.last.as_ref(),
                updated,
                &body
            ],
        )?;
        self.db.execute(
            "DELETE FROM story_postings WHERE story_id = ?1",
            params![story.id as i64],
        )?;
        let features: Vec<&str> = story.features.iter().map(|(f, _)| f.as_str()).collect();
        for (_, chunk) in chunks(&features) {
            let mut args: Vec<Param> = vec![updated.into(), (story.id as i64).into()];
            args.extend(chunk.iter().map(|f| Param::from(*f)));
            let rows: Vec<String> = (3..3 + chunk.len())
                .map(|i| format!("(?{i}, ?1, ?2)"))
                .collect();
            self.db.execute(
                &format!(
                    "INSERT INTO story_postings (feature, updated, story_id) VALUES {}",
                    rows.join(", ")
                ),
                &args,
            )?;
        }
        Ok(())
    }

    fn merge(&mut self, into: u64, from: u64) -> Result<()> {
        self.db.execute(
            "UPDATE story_documents SET story_id = ?1 WHERE story_id = ?2",
            params![into as i64, from as i64],
        )?;
        self.db.execute(
            "DELETE FROM story_postings WHERE story_id = ?1",
            params![from as i64],
        )?;
        self.db
            .execute("DELETE FROM stories WHERE id = ?1", params![from as i64])?;
        Ok(())
    }

    fn next_id(&mut self) -> Result<u64> {
        // The highest id ever given is counted, so the id of a story merged
        // into another is never given again (a reader may have seen it).
        let row = self.db.query_one(
            "SELECT coalesce((SELECT max(id) FROM stories), 0),
                    coalesce((SELECT value FROM counters WHERE name = 'last_story'), 0)",
            &[],
        )?;
        let next = row.int(0)?.max(row.int(1)?) + 1;
        self.db.execute(
            "INSERT INTO counters (name, value) VALUES ('last_story', ?1)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            params![next],
        )?;
        Ok(next as u64)
    }
}
