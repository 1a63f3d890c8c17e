//! The store: schema, migrations and queries, on SQLite or PostgreSQL.
//!
//! A document is stored whole as JSON (the same JSON `extract` prints) with
//! the columns listings need beside it, and one row per place it was read
//! from. The `sources` table, not the JSON, is the truth about sources.
//! Writes happen in [`Batch`]es, each one transaction holding the store's
//! write lock, so a killed ingest loses at most the batch in flight and
//! leaves the store consistent; re-running it stores what was lost and
//! nothing twice.
//!
//! SQLite (one file, the default) and PostgreSQL (a server shared by a
//! team) hold the same schema and answer the same queries; `db.rs` is the
//! one place where they differ at run time and `migrations` the one
//! place where their schemas are spelled.

mod aggregate;
mod db;
mod location;
pub mod memory;
mod migrations;
mod tokens;

pub use aggregate::Aggregated;
pub use db::{Dialect, InterruptHandle};
pub use location::Location;
pub use migrations::SCHEMA_VERSION;
pub use tokens::TokensError;

use db::{params, Db};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;
use storyline_model::{DateOrigin, Document, SourceRef};
use storyline_story::Story;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A reader was pointed at a store that does not exist: a file that
    /// is not there, or a PostgreSQL database without storyline's tables.
    #[error("no store at {0}")]
    NotFound(String),
    /// The store could not be opened. For a file, the reason is SQLite's
    /// description of its error code alone: SQLite's own message repeats
    /// the path, which this message already names.
    #[error("cannot open store {location}: {reason}")]
    Open { location: String, reason: String },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Not the error's source: its message is already all of this one's.
    #[error("PostgreSQL error: {}", postgres_message(.0))]
    Postgres(postgres::Error),
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
    /// A column held another kind of value than the query expects: the
    /// schema was changed by hand.
    #[error("column {index} of a result holds {found}, not {expected}")]
    Column {
        index: usize,
        expected: &'static str,
        found: String,
    },
    #[error("a query that always gives a row gave none: {query}")]
    NoRow { query: String },
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        StoreError::Postgres(e)
    }
}

/// PostgreSQL's own message for a server error (the driver's display
/// says only "db error"), the driver's description otherwise.
fn postgres_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{} ({})", db.message(), db.code().code()),
        None => e.to_string(),
    }
}

impl StoreError {
    pub fn hint(&self) -> &'static str {
        match self {
            StoreError::NotFound(_) => "check the path, or ingest documents into it first",
            StoreError::Open { .. } => {
                "check that --db names a storyline database (a file, or postgres://user@host/db) and that it is writable"
            }
            StoreError::Sqlite(_) | StoreError::Column { .. } | StoreError::NoRow { .. } => {
                "check that the --db path is a storyline database and is writable"
            }
            StoreError::Postgres(_) => {
                "check that the PostgreSQL server is running and reachable; a batch that failed was not stored, so run the ingest again"
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

/// The advisory lock a PostgreSQL batch holds: the store's write lock.
const WRITE_LOCK: i64 = 0x5354_4f52_5957_5254;

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

/// SQLite's "database is locked" after the busy timeout, and PostgreSQL's
/// lock timeout, are the clear [`StoreError::Busy`]; every other error
/// stays as it is.
fn busy_or(e: impl Into<StoreError>) -> StoreError {
    match e.into() {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(err, _))
            if err.code == rusqlite::ErrorCode::DatabaseBusy =>
        {
            StoreError::Busy
        }
        StoreError::Postgres(e)
            if e.code() == Some(&postgres::error::SqlState::LOCK_NOT_AVAILABLE) =>
        {
            StoreError::Busy
        }
        e => e,
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
    lower_first(&text)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text.to_string(),
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

/// A user's words as search terms: letters and digits of each word, in
/// lower case, with whether it ends in `*` (a prefix match); a word
/// given twice is used once (the same common word twenty times cost
/// seconds), at most [`MAX_SEARCH_TERMS`] words.
fn search_terms(query: &str) -> Vec<(String, bool)> {
    let mut terms: Vec<(String, bool)> = Vec::new();
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
        let term = (word, prefix);
        if !terms.contains(&term) {
            terms.push(term);
        }
        if terms.len() == MAX_SEARCH_TERMS {
            break;
        }
    }
    terms
}

/// The terms joined by `and`, each spelled by `term` (given the word and
/// whether it is a prefix). `None` when nothing searchable is left.
fn search_expression(query: &str, term: fn(&str, bool) -> String, and: &str) -> Option<String> {
    let terms: Vec<String> = search_terms(query)
        .iter()
        .map(|(word, prefix)| term(word, *prefix))
        .collect();
    (!terms.is_empty()).then(|| terms.join(and))
}

/// The terms as an FTS5 query: each word quoted (so no word is read as an
/// operator), all required.
fn fts_query(query: &str) -> Option<String> {
    search_expression(
        query,
        |word, prefix| format!("\"{word}\"{}", if prefix { "*" } else { "" }),
        " ",
    )
}

/// The terms as a PostgreSQL `tsquery`: each word a quoted lexeme, all
/// required (`&`), `:*` for a prefix.
fn ts_query(query: &str) -> Option<String> {
    search_expression(
        query,
        |word, prefix| format!("'{word}'{}", if prefix { ":*" } else { "" }),
        " & ",
    )
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
    db: Db,
    /// The folder of a scratch store, removed when the store is dropped.
    /// Declared after `db` so that the connection closes first.
    _scratch: Option<tempfile::TempDir>,
}

impl Store {
    /// Opens (creating if need be) and migrates a store: for writers.
    pub fn connect(location: &Location) -> Result<Store> {
        match location {
            Location::File(path) => Store::open(path),
            Location::Postgres(url) => Store::open_postgres(location, url, true),
        }
    }

    /// Opens and migrates a store that must already exist: for readers,
    /// so that a mistyped `--db` or a read before any ingest is an error
    /// instead of a new, empty store.
    pub fn connect_existing(location: &Location) -> Result<Store> {
        match location {
            Location::File(path) => Store::open_existing(path),
            Location::Postgres(url) => Store::open_postgres(location, url, false),
        }
    }

    /// Opens (creating if need be) and migrates a store file: for writers.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with_flags(path, OpenFlags::default())
    }

    /// Opens and migrates a store file that must already exist (see
    /// [`Store::connect_existing`]).
    pub fn open_existing(path: &Path) -> Result<Store> {
        let not_found = || StoreError::NotFound(path.display().to_string());
        if !path.exists() {
            return Err(not_found());
        }
        // Read-write without create: a store left by an older build may
        // still need migrating, and the file may vanish after the check.
        let flags = OpenFlags::default() - OpenFlags::SQLITE_OPEN_CREATE;
        Store::open_with_flags(path, flags).map_err(|e| match e {
            StoreError::Open { .. } if !path.exists() => not_found(),
            e => e,
        })
    }

    fn open_with_flags(path: &Path, flags: OpenFlags) -> Result<Store> {
        let open_error = |e: rusqlite::Error| StoreError::Open {
            location: path.display().to_string(),
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

    /// Connects to a PostgreSQL database. A writer creates storyline's
    /// tables in it when they are missing; a reader finds it empty and
    /// says so. The connection string's password is never shown.
    fn open_postgres(location: &Location, url: &str, create: bool) -> Result<Store> {
        let open_error = |reason: String| StoreError::Open {
            location: location.to_string(),
            reason,
        };
        let mut config: postgres::Config = url
            .parse()
            .map_err(|e: postgres::Error| open_error(format!("not a connection string: {e}")))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        if config.get_application_name().is_none() {
            config.application_name("storyline");
        }
        let client = config
            .connect(postgres::NoTls)
            .map_err(|e| open_error(lower_first(&postgres_message(&e))))?;
        let mut db = Db::postgres(client);
        if !create && migrations::version(&db)?.is_none() {
            return Err(StoreError::NotFound(location.to_string()));
        }
        migrations::migrate(&mut db)?;
        Ok(Store { db, _scratch: None })
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
            location: path.display().to_string(),
            reason: open_reason(&e),
        };
        let conn = Connection::open(&path).map_err(open_error)?;
        conn.pragma_update(None, "synchronous", "OFF")
            .map_err(open_error)?;
        let mut store = Store::init(conn)?;
        store._scratch = Some(dir);
        Ok(store)
    }

    /// The file the store lives in; `None` for a store in memory or on a
    /// PostgreSQL server.
    pub fn path(&self) -> Option<PathBuf> {
        match &self.db {
            Db::Sqlite(conn) => conn.path().filter(|p| !p.is_empty()).map(PathBuf::from),
            Db::Postgres(_) => None,
        }
    }

    /// The engine the store lives in.
    pub fn dialect(&self) -> Dialect {
        self.db.dialect()
    }

    fn init(conn: Connection) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Room for the statements with one placeholder per feature, in
        // their few lengths, beside the fixed ones.
        conn.set_prepared_statement_cache_capacity(128);
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mut db = Db::Sqlite(conn);
        migrations::migrate(&mut db)?;
        Ok(Store { db, _scratch: None })
    }

    /// A handle that stops this connection's running query from another
    /// thread: the web view calls it when a request runs out of time or
    /// its client goes away, so abandoned work does not go on.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        self.db.interrupt_handle()
    }

    /// Counts to `steps` in SQL, one step a row: a query whose time the
    /// caller chooses, for tests that interrupt a running read. The count
    /// comes back only if nothing interrupted it.
    #[cfg(feature = "test-hooks")]
    pub fn slow_query_for_tests(&self, steps: i64) -> Result<i64> {
        let row = self.db.query_opt(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
             SELECT count(*) FROM n",
            params![steps],
        )?;
        match row {
            Some(r) => r.int(0),
            None => Ok(0),
        }
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(migrations::version(&self.db)?.unwrap_or(0))
    }

    /// Starts a batch of writes: one transaction, holding the store's
    /// write lock from its start. A transaction that read first and
    /// locked later would find another writer's commit in between (SQLite
    /// fails at once with "database is locked"); taking the lock first
    /// makes concurrent ingests wait their turn instead, and each batch
    /// sees every batch committed before it, so copies and stories stay
    /// consistent.
    ///
    /// On SQLite the lock is the database's own (`BEGIN IMMEDIATE`). On
    /// PostgreSQL it is a transaction-scoped advisory lock that every
    /// writer takes first, in READ COMMITTED: each statement then sees
    /// every batch committed before the lock was granted, exactly as on
    /// SQLite. SERIALIZABLE would let batches run side by side but fail
    /// whole batches whenever two touched the same story's rows, which
    /// for articles of one story is nearly always; a batch spends its
    /// time in analysis before it starts, not inside the lock.
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        let dialect = self.db.dialect();
        let begin = match dialect {
            Dialect::Sqlite => "BEGIN IMMEDIATE".to_string(),
            Dialect::Postgres => format!(
                "BEGIN; SET LOCAL lock_timeout = '{}s'",
                BUSY_TIMEOUT.as_secs()
            ),
        };
        self.db.batch_execute(&begin).map_err(busy_or)?;
        // From here on, a failure rolls the transaction back as the batch
        // is dropped.
        let batch = Batch {
            db: &self.db,
            open: true,
        };
        if dialect == Dialect::Postgres {
            batch
                .db
                .execute("SELECT pg_advisory_xact_lock(?1)", params![WRITE_LOCK])
                .map_err(busy_or)?;
        }
        Ok(batch)
    }

    /// All documents, by publication date then id.
    pub fn list(&self) -> Result<Vec<DocSummary>> {
        self.db
            .query(
                "SELECT d.id, d.published, d.outlet, d.agency, d.title, d.words,
                        (SELECT count(*) FROM sources s WHERE s.document_id = d.id)
                 FROM documents d ORDER BY d.published IS NULL, d.published, d.id",
                &[],
            )?
            .iter()
            .map(|r| {
                Ok(DocSummary {
                    id: r.text(0)?,
                    published: r.opt_text(1)?,
                    outlet: r.opt_text(2)?,
                    agency: r.opt_text(3)?,
                    title: r.opt_text(4)?,
                    words: r.int(5)?,
                    sources: r.int(6)?,
                })
            })
            .collect()
    }

    /// A document by id or unique id prefix.
    pub fn get(&self, id_or_prefix: &str) -> Result<Option<Document>> {
        // Ids are lower-case hex; both engines then compare alike (SQLite's
        // LIKE ignores case, PostgreSQL's does not).
        let pattern = format!(
            "{}%",
            id_or_prefix.replace(['%', '_'], "").to_ascii_lowercase()
        );
        let ids = self.db.query(
            "SELECT id FROM documents WHERE id LIKE ?1 ORDER BY id LIMIT 2",
            params![&pattern],
        )?;
        match ids.as_slice() {
            [] => Ok(None),
            [id] => self.load(&id.text(0)?).map(Some),
            _ => Err(StoreError::Ambiguous {
                prefix: id_or_prefix.to_string(),
                count: self
                    .db
                    .query_one(
                        "SELECT count(*) FROM documents WHERE id LIKE ?1",
                        params![&pattern],
                    )?
                    .int(0)? as usize,
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
        let mut stories = self
            .db
            .query("SELECT body FROM stories", &[])?
            .iter()
            .map(|r| Ok(serde_json::from_str(&r.text(0)?)?))
            .collect::<Result<Vec<Story>>>()?;
        stories.sort_by(storyline_story::listing_order);
        Ok(stories)
    }

    pub fn story(&self, id: u64) -> Result<Option<Story>> {
        self.db
            .query_opt("SELECT body FROM stories WHERE id = ?1", params![id as i64])?
            .map(|r| Ok(serde_json::from_str(&r.text(0)?)?))
            .transpose()
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

    /// The ids of a story's documents with their publication dates as
    /// stored, in the order [`Self::story_documents`] reads them: for a
    /// caller that reads them one at a time, in that order or another.
    pub fn story_document_dates(&self, id: u64) -> Result<Vec<(String, Option<String>)>> {
        self.db
            .query(
                "SELECT d.id, d.published FROM story_documents s JOIN documents d ON d.id = s.document_id
                 WHERE s.story_id = ?1 ORDER BY d.published IS NULL, d.published, d.id",
                params![id as i64],
            )?
            .iter()
            .map(|r| Ok((r.text(0)?, r.opt_text(1)?)))
            .collect()
    }

    fn story_document_ids(&self, id: u64) -> Result<Vec<String>> {
        self.db
            .query(
                "SELECT d.id FROM story_documents s JOIN documents d ON d.id = s.document_id
                 WHERE s.story_id = ?1 ORDER BY d.published IS NULL, d.published, d.id",
                params![id as i64],
            )?
            .iter()
            .map(|r| r.text(0))
            .collect()
    }

    /// Every copy relation.
    pub fn copies(&self) -> Result<Vec<CopyRow>> {
        self.db
            .query(
                "SELECT document_id, copy_of, similarity FROM copies ORDER BY copy_of, document_id",
                &[],
            )?
            .iter()
            .map(|r| {
                Ok(CopyRow {
                    document: r.text(0)?,
                    copy_of: r.text(1)?,
                    similarity: r.real(2)?,
                })
            })
            .collect()
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
        let mut out = Vec::new();
        for (original, rows) in groups {
            let mut members: Vec<(String, bool, String, Option<String>)> = Vec::new();
            let ids =
                std::iter::once(original.as_str()).chain(rows.iter().map(|r| r.document.as_str()));
            for (k, id) in ids.enumerate() {
                let meta = self.db.query_one(
                    "SELECT published, agency FROM documents WHERE id = ?1",
                    params![id],
                )?;
                members.push((
                    meta.opt_text(0)?.unwrap_or_else(|| "9999".into()),
                    k > 0,
                    id.to_string(),
                    meta.opt_text(1)?,
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
    /// title and a snippet with the matches in `[` `]`. SQLite searches
    /// with FTS5 and ranks by BM25; PostgreSQL with its text search
    /// (`tsvector` in a GIN index) and ranks by `ts_rank`, its snippet
    /// from `ts_headline`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let rows = match self.db.dialect() {
            Dialect::Sqlite => {
                let Some(fts) = fts_query(query) else {
                    return Ok(Vec::new());
                };
                self.db.query(
                    "SELECT document_id, title, snippet(document_search, 2, '[', ']', ' … ', 12)
                     FROM document_search WHERE document_search MATCH ?1 ORDER BY rank LIMIT ?2",
                    params![&fts, limit as i64],
                )?
            }
            Dialect::Postgres => {
                let Some(ts) = ts_query(query) else {
                    return Ok(Vec::new());
                };
                // The headline is made for the rows kept, not for every
                // match: it reads the whole text.
                self.db.query(
                    "SELECT document_id, title,
                            ts_headline('simple', text, to_tsquery('simple', ?1),
                                'StartSel=[, StopSel=], MinWords=5, MaxWords=10, MaxFragments=2,
                                 FragmentDelimiter=\" … \"')
                     FROM (SELECT document_id, title, text,
                                  ts_rank(terms, to_tsquery('simple', ?1)) AS score
                           FROM document_search WHERE terms @@ to_tsquery('simple', ?1)
                           ORDER BY score DESC, document_id LIMIT ?2) hits
                     ORDER BY score DESC, document_id",
                    params![&ts, limit as i64],
                )?
            }
        };
        rows.iter()
            .map(|r| {
                Ok(SearchHit {
                    document: r.text(0)?,
                    title: r.text(1)?,
                    snippet: r.text(2)?,
                })
            })
            .collect()
    }

    /// True when some stored document has not been aggregated (a store
    /// written by an older build).
    pub fn needs_aggregation(&self) -> Result<bool> {
        let row = self.db.query_one(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM story_documents)",
            &[],
        )?;
        Ok(row.int(0)? != row.int(1)?)
    }

    /// The documents that mention a linked entity: how many there are
    /// and how many mentions they hold, and the `limit` most recently
    /// published of them (without their tokens), newest first. Reads only
    /// those documents.
    pub fn entity_documents(&self, entity: &str, limit: usize) -> Result<EntityDocuments> {
        let totals = self.db.query_one(
            "SELECT count(*), CAST(coalesce(sum(mentions), 0) AS BIGINT)
             FROM entity_mentions WHERE entity_id = ?1",
            params![entity],
        )?;
        let ids = self.db.query(
            "SELECT m.document_id FROM entity_mentions m
             JOIN documents d ON d.id = m.document_id
             WHERE m.entity_id = ?1
             ORDER BY d.published IS NULL, d.published DESC, d.id
             LIMIT ?2",
            params![entity, limit as i64],
        )?;
        let recent = ids
            .iter()
            .map(|r| self.load_without_tokens(&r.text(0)?))
            .collect::<Result<_>>()?;
        Ok(EntityDocuments {
            documents: totals.int(0)? as usize,
            mentions: totals.int(1)? as usize,
            recent,
        })
    }

    fn load_without_tokens(&self, id: &str) -> Result<Document> {
        let body = self
            .db
            .query_opt("SELECT body FROM documents WHERE id = ?1", params![id])?
            .ok_or_else(|| StoreError::NoRow {
                query: format!("the document {id}"),
            })?
            .text(0)?;
        let mut doc: Document = serde_json::from_str(&body)?;
        doc.sources = self.sources(id)?;
        Ok(doc)
    }

    fn load(&self, id: &str) -> Result<Document> {
        let mut doc = self.load_without_tokens(id)?;
        if let Some(row) = self.db.query_opt(
            "SELECT tokens FROM document_tokens WHERE document_id = ?1",
            params![id],
        )? {
            (doc.tokens, doc.ner) = tokens::decode(id, row.blob(0)?, &doc.text)?;
        }
        Ok(doc)
    }

    fn sources(&self, id: &str) -> Result<Vec<SourceRef>> {
        self.db
            .query(
                "SELECT source, url, outlet, published, encoding FROM sources
                 WHERE document_id = ?1 ORDER BY seq",
                params![id],
            )?
            .iter()
            .map(|r| {
                Ok(SourceRef {
                    source: r.text(0)?,
                    url: r.opt_text(1)?,
                    outlet: r.opt_text(2)?,
                    published: r.opt_text(3)?.and_then(|p| p.parse().ok()),
                    encoding: r.text(4)?,
                })
            })
            .collect()
    }
}

/// A group of writes that commit together or not at all. Dropped without
/// [`Batch::commit`], it rolls back.
pub struct Batch<'a> {
    db: &'a Db,
    open: bool,
}

impl Batch<'_> {
    /// Stores a document, or records a new source of a known one. Given
    /// metadata from a new source fills what the stored copy only inferred.
    pub fn put(&self, doc: &Document) -> Result<PutOutcome> {
        let id = doc.id.as_str();
        let existing = self
            .db
            .query_opt("SELECT body FROM documents WHERE id = ?1", params![id])?;
        let outcome = match existing {
            None => {
                self.write_document(doc, true)?;
                if !doc.tokens.is_empty() {
                    let blob = tokens::encode(&doc.tokens, &doc.ner);
                    self.db.execute(
                        "INSERT INTO document_tokens (document_id, tokens) VALUES (?1, ?2)
                         ON CONFLICT (document_id) DO UPDATE SET tokens = excluded.tokens",
                        params![id, blob.as_slice()],
                    )?;
                }
                self.db.execute(
                    "INSERT INTO document_search (document_id, title, text) VALUES (?1, ?2, ?3)",
                    params![id, doc.title.as_deref().unwrap_or(""), doc.text.as_str()],
                )?;
                for (entity, n) in entity_mention_counts(doc) {
                    self.db.execute(
                        "INSERT INTO entity_mentions (entity_id, document_id, mentions)
                         VALUES (?1, ?2, ?3)",
                        params![entity, id, n as i64],
                    )?;
                }
                PutOutcome::Stored
            }
            Some(row) => {
                let stored: Document = serde_json::from_str(&row.text(0)?)?;
                let merged = merge_given(stored, doc);
                self.write_document(&merged, false)?;
                PutOutcome::Unchanged
            }
        };
        let mut inserted = 0;
        for s in &doc.sources {
            let published = s.published.map(|p| p.to_string());
            inserted += self.db.execute(
                "INSERT INTO sources (document_id, source, url, outlet, published, encoding)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (document_id, source) DO NOTHING",
                params![
                    id,
                    &s.source,
                    s.url.as_ref(),
                    s.outlet.as_ref(),
                    published.as_ref(),
                    &s.encoding
                ],
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
        let published = doc.published.map(|p| p.to_string());
        let params = params![
            doc.id.as_str(),
            doc.title.as_ref(),
            published.as_ref(),
            doc.published_from.map(|o| o.as_str()),
            doc.outlet.as_ref(),
            doc.agency.as_ref(),
            doc.language.as_ref(),
            doc.word_count() as i64,
            &body
        ];
        if insert {
            self.db.execute(
                "INSERT INTO documents (id, title, published, published_from, outlet, agency, language, words, body)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params,
            )?;
        } else {
            self.db.execute(
                "UPDATE documents SET title = ?2, published = ?3, published_from = ?4, outlet = ?5,
                        agency = ?6, language = ?7, words = ?8, body = ?9 WHERE id = ?1",
                params,
            )?;
        }
        Ok(())
    }

    /// Commits the batch, then hands the memory its documents took back
    /// to the system (see [`memory`]).
    pub fn commit(mut self) -> Result<()> {
        self.db.batch_execute("COMMIT").map_err(busy_or)?;
        self.open = false;
        memory::release_freed();
        Ok(())
    }
}

impl Drop for Batch<'_> {
    fn drop(&mut self) {
        if self.open {
            // A connection that is gone has no transaction left to undo.
            let _ = self.db.batch_execute("ROLLBACK");
        }
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
    let given_beats_inferred = new.published_from == Some(DateOrigin::Metadata)
        && stored.published_from != Some(DateOrigin::Metadata);
    if given_beats_inferred || (stored.published.is_none() && new.published.is_some()) {
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
        let ts_cases: &[(&str, Option<&str>)] = &[
            ("", None),
            ("floods", Some("'floods'")),
            ("Flood* it's", Some("'flood':* & 'its'")),
        ];
        for (query, expected) in ts_cases {
            assert_eq!(ts_query(query).as_deref(), *expected, "{query}");
        }
    }
}
