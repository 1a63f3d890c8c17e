//! Schema migrations, tracked in SQLite's `user_version`.
//!
//! Each entry upgrades the schema by one version and runs in its own
//! transaction. Never edit a released migration: add the next one.

use crate::{busy_or, Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};

const MIGRATIONS: &[&str] = &[
    // 1: documents and their sources.
    "CREATE TABLE documents (
        id             TEXT PRIMARY KEY,
        title          TEXT,
        published      TEXT,
        published_from TEXT,
        outlet         TEXT,
        agency         TEXT,
        language       TEXT,
        words          INTEGER NOT NULL,
        body           TEXT NOT NULL,
        ingested_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE sources (
        seq         INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        source      TEXT NOT NULL,
        url         TEXT,
        outlet      TEXT,
        published   TEXT,
        encoding    TEXT NOT NULL,
        UNIQUE (document_id, source)
    );
    CREATE INDEX sources_by_source ON sources(source);
    CREATE INDEX documents_by_published ON documents(published);",
    // 2: across articles: copy detection (signatures and their LSH band
    // buckets), copies, stories with their members, and the postings and
    // feature counts that let a new article find its story without
    // reading the others.
    "CREATE TABLE signatures (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        signature   BLOB NOT NULL
    );
    CREATE TABLE copy_bands (
        band        INTEGER NOT NULL,
        bucket      INTEGER NOT NULL,
        document_id TEXT NOT NULL,
        PRIMARY KEY (band, bucket, document_id)
    ) WITHOUT ROWID;
    CREATE TABLE copies (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        copy_of     TEXT NOT NULL,
        similarity  REAL NOT NULL
    );
    CREATE INDEX copies_by_original ON copies(copy_of);
    CREATE TABLE stories (
        id      INTEGER PRIMARY KEY,
        label   TEXT NOT NULL,
        first   TEXT,
        last    TEXT,
        updated INTEGER NOT NULL,
        body    TEXT NOT NULL
    );
    CREATE TABLE story_documents (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        story_id    INTEGER NOT NULL REFERENCES stories(id)
    );
    CREATE INDEX story_documents_by_story ON story_documents(story_id);
    CREATE TABLE story_postings (
        feature  TEXT NOT NULL,
        updated  INTEGER NOT NULL,
        story_id INTEGER NOT NULL,
        PRIMARY KEY (feature, updated, story_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_postings_by_story ON story_postings(story_id);
    CREATE TABLE feature_counts (
        feature  TEXT PRIMARY KEY,
        articles INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE counters (
        name  TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );",
    // 3: full-text search over titles and cleaned text (FTS5), filled for
    // the documents already stored.
    "CREATE VIRTUAL TABLE document_search USING fts5(
        document_id UNINDEXED,
        title,
        text,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO document_search (document_id, title, text)
        SELECT id, coalesce(title, ''), json_extract(body, '$.text') FROM documents;",
    // 4: the backbone's tokens and entity spans, in the compact encoding of
    // `tokens.rs` rather than in the JSON body. Documents stored before
    // have no row: they have no tokens until re-ingested into a new store.
    "CREATE TABLE document_tokens (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        tokens      BLOB NOT NULL
    );",
    // 5: which documents mention each linked entity, and how often, so
    // that an entity's page reads the documents that mention it instead
    // of every document. A mention counts for its own id and for the id
    // of the mention it refers to, as the entity page counts them.
    "CREATE TABLE entity_mentions (
        entity_id   TEXT NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        mentions    INTEGER NOT NULL,
        PRIMARY KEY (entity_id, document_id)
    ) WITHOUT ROWID;
    CREATE INDEX entity_mentions_by_document ON entity_mentions(document_id);
    INSERT INTO entity_mentions (entity_id, document_id, mentions)
        SELECT entity, document_id, count(*) FROM (
            SELECT d.id AS document_id, json_extract(e.value, '$.id') AS entity
            FROM documents d, json_each(d.body, '$.entities') e
            UNION ALL
            SELECT d.id, json_extract(d.body, '$.entities[' || json_extract(e.value, '$.refers_to') || '].id')
            FROM documents d, json_each(d.body, '$.entities') e
            WHERE json_extract(e.value, '$.refers_to') IS NOT NULL
        )
        WHERE entity IS NOT NULL
        GROUP BY entity, document_id;",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to [`SCHEMA_VERSION`]. Two processes may open a
/// new store at once, so each step takes the write lock first and reads
/// the version again under it: the second process finds the step done
/// instead of creating the same tables twice.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    loop {
        let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        check_supported(current)?;
        if current == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(busy_or)?;
        let locked: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        check_supported(locked)?;
        // A negative version was not written by storyline: nothing to run.
        let Some(sql) = usize::try_from(locked).ok().and_then(|i| MIGRATIONS.get(i)) else {
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", locked + 1)?;
        tx.commit().map_err(busy_or)?;
    }
}

fn check_supported(version: i64) -> Result<()> {
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}
