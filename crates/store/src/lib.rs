//! The SQLite store: schema, migrations and queries.
//!
//! A document is stored whole as JSON (the same JSON `extract` prints) with
//! the columns listings need beside it, and one row per place it was read
//! from. The `sources` table, not the JSON, is the truth about sources.
//! Writes happen in [`Batch`]es, each one SQLite transaction, so a killed
//! ingest loses at most the batch in flight and leaves the store
//! consistent; re-running it stores what was lost and nothing twice.

mod aggregate;
pub mod memory;
mod migrations;
mod tokens;

pub use aggregate::Aggregated;
pub use migrations::SCHEMA_VERSION;
pub use rusqlite::InterruptHandle;
pub use tokens::TokensError;

use rusqlite::{
    params, Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};
use std::path::{Path, PathBuf};
use std::time::Duration;
use storyline_model::{DateOrigin, Document, SourceRef};
use storyline_story::Story;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A reader was pointed at a store file that does not exist.
    #[error("no store at {}", .0.display())]
    NotFound(PathBuf),
    /// The file could not be opened as a store. The reason is SQLite's
    /// description of its error code alone: SQLite's own message repeats
    /// the path, which this message already names.
    #[error("cannot open store {}: {reason}", path.display())]
    Open { path: PathBuf, reason: String },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored document is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "the store has schema version {found}, newer than this storyline supports ({supported})"
    )]
    NewerSchema { found: i64, supported: i64 },
    /// Another process held the store's write lock for longer than
    /// [`BUSY_TIMEOUT`].
    #[error("the store is busy: another process held its write lock for over {} s", BUSY_TIMEOUT.as_secs())]
    Busy,
    #[error("id prefix `{prefix}` matches {count} documents")]
    Ambiguous { prefix: String, count: usize },
    #[error(transparent)]
    Tokens(#[from] TokensError),
    /// The temporary folder of a scratch store could not be made.
    #[error("cannot make a temporary store: {0}")]
    Scratch(std::io::Error),
}

impl StoreError {
    pub fn hint(&self) -> &'static str {
        match self {
            StoreError::NotFound(_) => "check the path, or ingest documents into it first",
            StoreError::Open { .. } => {
                "check that the --db path is a storyline database and is writable"
            }
            StoreError::Sqlite(_) => {
                "check that the --db path is a storyline database and is writable"
            }
            StoreError::Json(_) => "the store may have been edited by hand; re-ingest the document",
            StoreError::NewerSchema { .. } => "upgrade storyline, or use another --db",
            StoreError::Busy => {
                "another ingest is writing to this store; run again when it is done, or use another --db"
            }
            StoreError::Ambiguous { .. } => "type more of the id",
            StoreError::Tokens(_) => "re-ingest the document into a new store",
            StoreError::Scratch(_) => {
                "set TMPDIR to a writable folder with room for the documents"
            }
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// How long a writer waits for another process's write lock. Writers
/// hold it only while they commit one batch (at most a few hundred
/// milliseconds), so a wait this long means something else is wrong.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Switches a store to WAL. When two processes open a new store at once,
/// SQLite answers the switch with "database is locked" at once, without
/// waiting through the busy timeout, so this waits and retries itself
/// for as long.
fn set_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(err, _))
                if err.code == rusqlite::ErrorCode::DatabaseBusy
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// SQLite's "database is locked" after the busy timeout is the clear
/// [`StoreError::Busy`]; every other error stays as it is.
fn busy_or(e: rusqlite::Error) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(err, _) if err.code == rusqlite::ErrorCode::DatabaseBusy => {
            StoreError::Busy
        }
        _ => StoreError::Sqlite(e),
    }
}

/// Why SQLite could not open a file, without the path its own message
/// repeats: the description of its error code, in lower case to read as
/// the end of a sentence.
fn open_reason(e: &rusqlite::Error) -> String {
    let text = match e {
        rusqlite::Error::SqliteFailure(err, _) => {
            rusqlite::ffi::code_to_str(err.extended_code).to_string()
        }
        other => other.to_string(),
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

/// What storing one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    /// A new document.
    Stored,
    /// The document was known; this source was new and is now recorded.
    NewSource,
    /// The document and this source were both known: nothing changed.
    Unchanged,
}

/// A stored copy relation: a document and the article it copies.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CopyRow {
    pub document: String,
    pub copy_of: String,
    pub similarity: f64,
}

/// A document found by [`Store::search`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SearchHit {
    pub document: String,
    pub title: String,
    pub snippet: String,
}

/// The most distinct words a search uses. Each required word is one more
/// posting list to intersect; a real query has a few.
const MAX_SEARCH_TERMS: usize = 8;

/// A user's words as an FTS5 query: each word quoted (so no word is read
/// as an operator), all required, a trailing `*` kept as a prefix match,
/// a word given twice used once (the same common word twenty times cost
/// seconds), at most [`MAX_SEARCH_TERMS`] words. `None` when nothing
/// searchable is left.
fn fts_query(query: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    for w in query.split_whitespace() {
        let prefix = w.ends_with('*');
        let word: String = w
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if word.is_empty() {
            continue;
        }
        let term = if prefix {
            format!("\"{word}\"*")
        } else {
            format!("\"{word}\"")
        };
        if !terms.contains(&term) {
            terms.push(term);
        }
        if terms.len() == MAX_SEARCH_TERMS {
            break;
        }
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// One line of a document listing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DocSummary {
    pub id: String,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub agency: Option<String>,
    pub title: Option<String>,
    pub words: i64,
    pub sources: i64,
}

/// What [`Store::entity_documents`] found.
#[derive(Debug, Clone)]
pub struct EntityDocuments {
    /// Documents that mention the entity.
    pub documents: usize,
    /// Mentions in all of them.
    pub mentions: usize,
    /// The most recently published of them, newest first.
    pub recent: Vec<Document>,
}

pub struct Store {
    conn: Connection,
    /// The folder of a scratch store, removed when the store is dropped.
    /// Declared after `conn` so that the connection closes first.
    _scratch: Option<tempfile::TempDir>,
}

impl Store {
    /// Opens (creating if need be) and migrates a store file: for writers.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with_flags(path, OpenFlags::default())
    }

    /// Opens and migrates a store file that must already exist: for
    /// readers, so that a mistyped `--db` or a read before any ingest is
    /// an error instead of a new, empty store.
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        // Read-write without create: a store left by an older build may
        // still need migrating, and the file may vanish after the check.
        let flags = OpenFlags::default() - OpenFlags::SQLITE_OPEN_CREATE;
        Store::open_with_flags(path, flags).map_err(|e| match e {
            StoreError::Open { .. } if !path.exists() => StoreError::NotFound(path.to_path_buf()),
            e => e,
        })
    }

    fn open_with_flags(path: &Path, flags: OpenFlags) -> Result<Store> {
        let open_error = |e: rusqlite::Error| StoreError::Open {
            path: path.to_path_buf(),
            reason: open_reason(&e),
        };
        let conn = Connection::open_with_flags(path, flags).map_err(open_error)?;
        // Several writers may open one store at once; the switch to WAL
        // below already needs the lock, so the wait is set first.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
        // WAL keeps readers working during an ingest and makes a killed
        // writer cheap to recover from. A file that is not a database is
        // first noticed here, so these errors are open errors too.
        set_wal(&conn).map_err(open_error)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_error)?;
        Store::init(conn)
    }

    /// A store that lives in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?)
    }

    /// A store in a new temporary folder (under `TMPDIR`), removed when
    /// the store is dropped: for `analyze`, whose documents would not fit
    /// in memory by the thousand. Nothing in it needs to survive a crash,
    /// so writes are not synced.
    pub fn open_scratch() -> Result<Store> {
        let dir = tempfile::Builder::new()
            .prefix("storyline-")
            .tempdir()
            .map_err(StoreError::Scratch)?;
        let path = dir.path().join("scratch.db");
        let open_error = |e: rusqlite::Error| StoreError::Open {
            path: path.clone(),
            reason: open_reason(&e),
        };
        let conn = Connection::open(&path).map_err(open_error)?;
        conn.pragma_update(None, "synchronous", "OFF")
            .map_err(open_error)?;
        let mut store = Store::init(conn)?;
        store._scratch = Some(dir);
        Ok(store)
    }

    /// The file the store lives in; `None` for a store in memory.
    pub fn path(&self) -> Option<PathBuf> {
        self.conn
            .path()
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
    }

    fn init(mut conn: Connection) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        migrations::migrate(&mut conn)?;
        Ok(Store {
            conn,
            _scratch: None,
        })
    }

    /// A handle that stops this connection's running query from another
    /// thread: the web view calls it when a request runs out of time or
    /// its client goes away, so abandoned work does not go on.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        self.conn.get_interrupt_handle()
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Starts a batch of writes: one transaction, holding the store's
    /// write lock from its start. A deferred transaction would read first
    /// and then fail at once ("database is locked") when another writer
    /// committed in between; taking the lock first makes concurrent
    /// ingests wait their turn instead, and each batch sees every batch
    /// committed before it, so copies and stories stay consistent.
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        Ok(Batch {
            tx: self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(busy_or)?,
        })
    }

    /// All documents, by publication date then id.
    pub fn list(&self) -> Result<Vec<DocSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id, d.published, d.outlet, d.agency, d.title, d.words,
                    (SELECT count(*) FROM sources s WHERE s.document_id = d.id)
             FROM documents d ORDER BY d.published IS NULL, d.published, d.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(DocSummary {
                id: r.get(0)?,
                published: r.get(1)?,
                outlet: r.get(2)?,
                agency: r.get(3)?,
                title: r.get(4)?,
                words: r.get(5)?,
                sources: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A document by id or unique id prefix.
    pub fn get(&self, id_or_prefix: &str) -> Result<Option<Document>> {
        let pattern = format!("{}%", id_or_prefix.replace(['%', '_'], ""));
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM documents WHERE id LIKE ?1 ORDER BY id LIMIT 2")?;
        let ids: Vec<String> = stmt
            .query_map([&pattern], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        match ids.as_slice() {
            [] => Ok(None),
            [id] => self.load(id).map(Some),
            _ => Err(StoreError::Ambiguous {
                prefix: id_or_prefix.to_string(),
                count: self.conn.query_row(
                    "SELECT count(*) FROM documents WHERE id LIKE ?1",
                    [&pattern],
                    |r| r.get(0),
                )?,
            }),
        }
    }

    /// Every document, in listing order.
    pub fn documents(&self) -> Result<Vec<Document>> {
        self.list()?.iter().map(|s| self.load(&s.id)).collect()
    }

    /// Every document, in listing order, without its tokens and NER spans
    /// (see [`Store::story_documents_without_tokens`]).
    pub fn documents_without_tokens(&self) -> Result<Vec<Document>> {
        self.list()?
            .iter()
            .map(|s| self.load_without_tokens(&s.id))
            .collect()
    }

    /// One document by its full id, as [`Store::list`] gives it.
    pub fn document(&self, id: &str) -> Result<Document> {
        self.load(id)
    }

    /// One document by its full id, without its tokens and NER spans
    /// (see [`Store::story_documents_without_tokens`]): what exports read.
    pub fn document_without_tokens(&self, id: &str) -> Result<Document> {
        self.load_without_tokens(id)
    }

    /// Every story, largest first, then by first date.
    pub fn stories(&self) -> Result<Vec<Story>> {
        let mut stmt = self.conn.prepare("SELECT body FROM stories")?;
        let bodies: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stories = bodies
            .iter()
            .map(|b| serde_json::from_str(b))
            .collect::<std::result::Result<Vec<Story>, _>>()?;
        stories.sort_by(storyline_story::listing_order);
        Ok(stories)
    }

    pub fn story(&self, id: u64) -> Result<Option<Story>> {
        let body: Option<String> = self
            .conn
            .query_row("SELECT body FROM stories WHERE id = ?1", [id as i64], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(body.map(|b| serde_json::from_str(&b)).transpose()?)
    }

    /// The documents of a story, in listing order.
    pub fn story_documents(&self, id: u64) -> Result<Vec<Document>> {
        let ids = self.story_document_ids(id)?;
        ids.iter().map(|id| self.load(id)).collect()
    }

    /// The documents of a story, in listing order, without their tokens
    /// and NER spans: all that stories, timelines and figure tracks read,
    /// at a fifth of the memory.
    pub fn story_documents_without_tokens(&self, id: u64) -> Result<Vec<Document>> {
        let ids = self.story_document_ids(id)?;
        ids.iter().map(|id| self.load_without_tokens(id)).collect()
    }

    fn story_document_ids(&self, id: u64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id FROM story_documents s JOIN documents d ON d.id = s.document_id
             WHERE s.story_id = ?1 ORDER BY d.published IS NULL, d.published, d.id",
        )?;
        let ids: Vec<String> = stmt
            .query_map([id as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// Every copy relation.
    pub fn copies(&self) -> Result<Vec<CopyRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT document_id, copy_of, similarity FROM copies ORDER BY copy_of, document_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(CopyRow {
                document: r.get(0)?,
                copy_of: r.get(1)?,
                similarity: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The groups of copies: each original with the documents that copy
    /// it, the earliest published first (the original on a tie), and the
    /// agency one of them credits.
    pub fn copy_groups(&self) -> Result<Vec<storyline_story::CopyGroup>> {
        let mut groups: Vec<(String, Vec<CopyRow>)> = Vec::new();
        for row in self.copies()? {
            match groups.iter_mut().find(|(o, _)| *o == row.copy_of) {
                Some((_, rows)) => rows.push(row),
                None => groups.push((row.copy_of.clone(), vec![row])),
            }
        }
        let mut meta = self
            .conn
            .prepare_cached("SELECT published, agency FROM documents WHERE id = ?1")?;
        let mut out = Vec::new();
        for (original, rows) in groups {
            let mut members: Vec<(String, bool, String, Option<String>)> = Vec::new();
            let ids =
                std::iter::once(original.as_str()).chain(rows.iter().map(|r| r.document.as_str()));
            for (k, id) in ids.enumerate() {
                let (published, agency): (Option<String>, Option<String>) =
                    meta.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                members.push((
                    published.unwrap_or_else(|| "9999".into()),
                    k > 0,
                    id.to_string(),
                    agency,
                ));
            }
            members.sort();
            out.push(storyline_story::CopyGroup {
                canonical: members[0].2.clone(),
                copies: members[1..].iter().map(|m| m.2.clone()).collect(),
                agency: members.iter().find_map(|m| m.3.clone()),
                similarity: rows.iter().map(|r| r.similarity).fold(1.0, f64::min),
            });
        }
        Ok(out)
    }

    /// Documents matching a full-text query (words, all required; a
    /// trailing `*` matches a prefix), best first, at most `limit`: id,
    /// title and a snippet with the matches in `[` `]`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT document_id, title, snippet(document_search, 2, '[', ']', ' … ', 12)
             FROM document_search WHERE document_search MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![fts, limit as i64], |r| {
            Ok(SearchHit {
                document: r.get(0)?,
                title: r.get(1)?,
                snippet: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// True when some stored document has not been aggregated (a store
    /// written by an older build).
    pub fn needs_aggregation(&self) -> Result<bool> {
        let (documents, aggregated): (i64, i64) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM story_documents)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(documents != aggregated)
    }

    /// The documents that mention a linked entity: how many there are
    /// and how many mentions they hold, and the `limit` most recently
    /// published of them (without their tokens), newest first. Reads only
    /// those documents.
    pub fn entity_documents(&self, entity: &str, limit: usize) -> Result<EntityDocuments> {
        let (total, mentions): (i64, i64) = self.conn.query_row(
            "SELECT count(*), coalesce(sum(mentions), 0) FROM entity_mentions WHERE entity_id = ?1",
            [entity],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let ids: Vec<String> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT m.document_id FROM entity_mentions m
                 JOIN documents d ON d.id = m.document_id
                 WHERE m.entity_id = ?1
                 ORDER BY d.published IS NULL, d.published DESC, d.id
                 LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![entity, limit as i64], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let recent = ids
            .iter()
            .map(|id| self.load_without_tokens(id))
            .collect::<Result<_>>()?;
        Ok(EntityDocuments {
            documents: total as usize,
            mentions: mentions as usize,
            recent,
        })
    }

    fn load_without_tokens(&self, id: &str) -> Result<Document> {
        let body: String =
            self.conn
                .query_row("SELECT body FROM documents WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
        let mut doc: Document = serde_json::from_str(&body)?;
        doc.sources = self.sources(id)?;
        Ok(doc)
    }

    fn load(&self, id: &str) -> Result<Document> {
        let mut doc = self.load_without_tokens(id)?;
        let blob: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT tokens FROM document_tokens WHERE document_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(blob) = blob {
            (doc.tokens, doc.ner) = tokens::decode(id, &blob, &doc.text)?;
        }
        Ok(doc)
    }

    fn sources(&self, id: &str) -> Result<Vec<SourceRef>> {
        let mut stmt = self.conn.prepare(
            "SELECT source, url, outlet, published, encoding FROM sources
             WHERE document_id = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([id], |r| {
            let published: Option<String> = r.get(3)?;
            Ok(SourceRef {
                source: r.get(0)?,
                url: r.get(1)?,
                outlet: r.get(2)?,
                published: published.and_then(|p| p.parse().ok()),
                encoding: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A group of writes that commit together or not at all.
pub struct Batch<'a> {
    tx: Transaction<'a>,
}

impl Batch<'_> {
    /// Stores a document, or records a new source of a known one. Given
    /// metadata from a new source fills what the stored copy only inferred.
    pub fn put(&self, doc: &Document) -> Result<PutOutcome> {
        let id = doc.id.as_str();
        let existing: Option<String> = self
            .tx
            .query_row("SELECT body FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let outcome = match existing {
            None => {
                self.write_document(doc, true)?;
                if !doc.tokens.is_empty() {
                    self.tx.execute(
                        "INSERT OR REPLACE INTO document_tokens (document_id, tokens) VALUES (?1, ?2)",
                        params![id, tokens::encode(&doc.tokens, &doc.ner)],
                    )?;
                }
                self.tx.execute(
                    "INSERT INTO document_search (document_id, title, text) VALUES (?1, ?2, ?3)",
                    params![id, doc.title.as_deref().unwrap_or(""), doc.text],
                )?;
                let mut mention = self.tx.prepare_cached(
                    "INSERT INTO entity_mentions (entity_id, document_id, mentions) VALUES (?1, ?2, ?3)",
                )?;
                for (entity, n) in entity_mention_counts(doc) {
                    mention.execute(params![entity, id, n as i64])?;
                }
                PutOutcome::Stored
            }
            Some(body) => {
                let stored: Document = serde_json::from_str(&body)?;
                let merged = merge_given(stored, doc);
                self.write_document(&merged, false)?;
                PutOutcome::Unchanged
            }
        };
        let mut inserted = 0;
        for s in &doc.sources {
            inserted += self.tx.execute(
                "INSERT OR IGNORE INTO sources (document_id, source, url, outlet, published, encoding)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, s.source, s.url, s.outlet, s.published.map(|p| p.to_string()), s.encoding],
            )?;
        }
        Ok(match outcome {
            PutOutcome::Unchanged if inserted > 0 => PutOutcome::NewSource,
            o => o,
        })
    }

    fn write_document(&self, doc: &Document, insert: bool) -> Result<()> {
        let mut stored = doc.clone();
        // Sources live in their own table, tokens in theirs.
        stored.sources.clear();
        stored.tokens.clear();
        stored.ner.clear();
        let body = serde_json::to_string(&stored)?;
        let sql = if insert {
            "INSERT INTO documents (id, title, published, published_from, outlet, agency, language, words, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        } else {
            "UPDATE documents SET title = ?2, published = ?3, published_from = ?4, outlet = ?5,
                    agency = ?6, language = ?7, words = ?8, body = ?9 WHERE id = ?1"
        };
        self.tx.execute(
            sql,
            params![
                doc.id.as_str(),
                doc.title,
                doc.published.map(|p| p.to_string()),
                doc.published_from.map(|o| o.as_str()),
                doc.outlet,
                doc.agency,
                doc.language,
                doc.word_count() as i64,
                body
            ],
        )?;
        Ok(())
    }

    /// Commits the batch, then hands the memory its documents took back
    /// to the system (see [`memory`]).
    pub fn commit(self) -> Result<()> {
        self.tx.commit().map_err(busy_or)?;
        memory::release_freed();
        Ok(())
    }
}

/// How often a document mentions each linked entity, counted by
/// [`Document::entity_ids`].
fn entity_mention_counts(doc: &Document) -> std::collections::BTreeMap<&str, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for i in 0..doc.entities.len() {
        for id in doc.entity_ids(i) {
            *counts.entry(id).or_insert(0) += 1;
        }
    }
    counts
}

/// The stored document, with what a new source of it was given filling
/// what the store only inferred or lacked.
fn merge_given(mut stored: Document, new: &Document) -> Document {
    if new.published_from == Some(DateOrigin::Metadata)
        && stored.published_from != Some(DateOrigin::Metadata)
    {
        stored.published = new.published;
        stored.published_from = new.published_from;
        stored.published_evidence = new.published_evidence.clone();
    }
    stored.outlet = stored.outlet.or_else(|| new.outlet.clone());
    stored.url = stored.url.or_else(|| new.url.clone());
    stored.agency = stored.agency.or_else(|| new.agency.clone());
    if stored.authors.is_empty() {
        stored.authors = new.authors.clone();
    }
    stored
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `the` twenty times cost 5 s of CPU a request: twenty posting lists
    /// of every document intersected.
    #[test]
    fn search_words_are_quoted_deduplicated_and_bounded() {
        let cases: &[(&str, Option<&str>)] = &[
            ("", None),
            ("  ** -- ", None),
            ("floods", Some("\"floods\"")),
            ("Flood* NEAR/3 x", Some("\"flood\"* \"near3\" \"x\"")),
            (&"the ".repeat(20), Some("\"the\"")),
            ("The the THE rain", Some("\"the\" \"rain\"")),
            (
                "a b c d e f g h i j k",
                Some("\"a\" \"b\" \"c\" \"d\" \"e\" \"f\" \"g\" \"h\""),
            ),
        ];
        for (query, expected) in cases {
            assert_eq!(fts_query(query).as_deref(), *expected, "{query}");
        }
    }
}
