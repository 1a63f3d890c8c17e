//! A read-only web view of a store: the stories, each story's timeline
//! (an SVG axis), figure tracks (SVG charts with disagreements ringed),
//! events and sources, and each article with its annotations
//! highlighted; the same data as JSON under `/api/`.
//!
//! Each request opens the store read-only in a blocking task with a time
//! limit, a bounded number at a time, and its query is interrupted when
//! the limit passes or the client goes away; every text from the store
//! is escaped; ids are checked before any query. Connections that send
//! nothing, requests for other host names and errors under `/api/` are
//! handled in `server` and `guard`.

mod guard;
mod html;
mod pages;
mod server;
mod svg;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Json, Response};
use axum::routing::get;
use axum::Router;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use storyline_model::Document;
use storyline_store::{InterruptHandle, Location, Store, StoreError};
use tokio::sync::Semaphore;

pub use server::{CONNECTION_LIFETIME, HEADER_TIMEOUT};

/// The request and body types the router takes, for callers that drive
/// it directly (tests).
pub use axum::body::Body;
pub use axum::http::{HeaderMap, Request};

/// The largest request body accepted.
const REQUEST_BODY_LIMIT: usize = 16 * 1024;

/// How long one request may spend reading the store.
const QUERY_TIMEOUT: Duration = Duration::from_secs(10);

/// How the view is served.
#[derive(Clone, Debug)]
pub struct Options {
    /// Host names answered besides loopback names and IP addresses
    /// (`--allow-host`).
    pub allow_hosts: Vec<String>,
    /// How long a client may take to send a request's headers; also how
    /// long an idle keep-alive connection stays open.
    pub header_timeout: Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            allow_hosts: Vec::new(),
            header_timeout: HEADER_TIMEOUT,
        }
    }
}

#[derive(Clone)]
struct AppState {
    db: Arc<Location>,
    /// Store reads running at once. Each holds a document set in memory,
    /// so a burst of requests waits here instead of growing the process.
    reads: Arc<Semaphore>,
}

/// Store reads allowed at once: two per core keeps every core busy while
/// one read waits on the disk.
fn concurrent_reads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()) * 2
}

/// The routes over the store at `db`, with the default options.
pub fn router(db: impl Into<Location>) -> Router {
    router_with(db, &Options::default())
}

/// The routes over the store at `db`.
pub fn router_with(db: impl Into<Location>, options: &Options) -> Router {
    let allowed = guard::AllowedHosts(Arc::new(
        options
            .allow_hosts
            .iter()
            .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
            .collect(),
    ));
    Router::new()
        .route("/", get(stories_page))
        .route("/stories/{id}", get(story_page))
        .route("/documents/{id}", get(document_page))
        .route("/entities/{id}", get(entity_page))
        .route("/search", get(search_page))
        .route("/api/stories", get(stories_api))
        .route("/api/entities/{id}", get(entity_api))
        .route("/api/search", get(search_api))
        .route("/api/stories/{id}", get(story_api))
        .route("/api/documents/{id}", get(document_api))
        .fallback(|| async { not_found("no such page") })
        // The view is read-only: no request needs a body.
        .layer(axum::extract::DefaultBodyLimit::max(REQUEST_BODY_LIMIT))
        // Layers added later wrap those before: the host is checked
        // first, and its refusal too becomes JSON under /api/ and gets
        // the security headers.
        .layer(axum::middleware::from_fn_with_state(
            allowed,
            guard::check_host,
        ))
        .layer(axum::middleware::from_fn(guard::api_errors_as_json))
        .layer(axum::middleware::map_response(guard::security_headers))
        .with_state(AppState {
            db: Arc::new(db.into()),
            reads: Arc::new(Semaphore::new(concurrent_reads())),
        })
}

/// Serves on `addr` until the process ends, on a runtime of its own, for
/// callers that are not async.
pub fn serve_blocking(
    db: impl Into<Location>,
    addr: std::net::SocketAddr,
    options: Options,
) -> std::io::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(db, addr, options))
}

/// Serves the router on `addr` until the process ends.
pub async fn serve(
    db: impl Into<Location>,
    addr: std::net::SocketAddr,
    options: Options,
) -> std::io::Result<()> {
    serve_on(tokio::net::TcpListener::bind(addr).await?, db, options).await
}

/// Serves the router on a bound listener (a load test binds port 0).
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    db: impl Into<Location>,
    options: Options,
) -> std::io::Result<()> {
    server::run(listener, router_with(db, &options), options.header_timeout).await
}

fn not_found(what: &str) -> Response {
    guard::error(StatusCode::NOT_FOUND, what)
}

fn failure(message: &str) -> Response {
    guard::error(StatusCode::SERVICE_UNAVAILABLE, message)
}

/// A store read's way to be stopped from the request's side.
#[derive(Default)]
struct Cancel {
    handle: Mutex<Option<InterruptHandle>>,
    cancelled: AtomicBool,
}

/// Cancels a store read when dropped before [`Self::finish`]: the request
/// ran out of time, or its client went away and the server dropped the
/// handler. A running query is interrupted; a read not started yet never
/// starts.
struct Abandon {
    cancel: Arc<Cancel>,
    finished: bool,
}

impl Abandon {
    fn finish(mut self) {
        self.finished = true;
    }
}

impl Drop for Abandon {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        self.cancel.cancelled.store(true, Ordering::SeqCst);
        let mut handle = self
            .cancel
            .handle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(h) = handle.take() {
            h.interrupt();
        }
    }
}

/// Runs a read of the store off the async threads, within the time limit
/// and a bounded number at a time.
async fn read<T, F>(state: &AppState, f: F) -> Result<T, Response>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
{
    let db = state.db.clone();
    let reads = state.reads.clone();
    let cancel = Arc::new(Cancel::default());
    let abandon = Abandon {
        cancel: cancel.clone(),
        finished: false,
    };
    let work = async move {
        let permit = reads
            .acquire_owned()
            .await
            .map_err(|_| failure("the server is shutting down"))?;
        tokio::task::spawn_blocking(move || {
            // Held until the read really ends, even after its request
            // gave up on it.
            let _permit = permit;
            // The view only reads: a store deleted while serving is an
            // error page, not a new empty store.
            let store = Store::connect_existing(&db)?;
            {
                let mut handle = cancel
                    .handle
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                if cancel.cancelled.load(Ordering::SeqCst) {
                    return Ok(None);
                }
                *handle = Some(store.interrupt_handle());
            }
            f(&store).map(Some)
        })
        .await
        .map_err(|_| failure("the query failed"))
    };
    let result = match tokio::time::timeout(QUERY_TIMEOUT, work).await {
        Ok(Ok(Ok(Some(value)))) => Ok(value),
        // Only a dropped request cancels, and then nobody reads this.
        Ok(Ok(Ok(None))) => Err(failure("the query was cancelled")),
        Ok(Ok(Err(StoreError::Ambiguous { prefix, count }))) => Err(guard::error(
            StatusCode::BAD_REQUEST,
            &format!("the id prefix `{prefix}` matches {count} documents; type more of the id"),
        )),
        Ok(Ok(Err(e))) => Err(failure(&format!("the store could not be read: {e}"))),
        Ok(Err(response)) => Err(response),
        Err(_) => return Err(failure("the query took too long")),
    };
    abandon.finish();
    result
}

/// A document id: hex digits only, so nothing else reaches a query.
fn valid_document_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_hexdigit())
}

/// What a story page and its JSON hold.
struct StoryData {
    story: storyline_story::Story,
    documents: Vec<Document>,
    timeline: Vec<storyline_story::TimelineEntry>,
    tracks: Vec<storyline_story::FigureTrack>,
    events: Vec<storyline_story::MergedEvent>,
}

fn story_data(store: &Store, id: u64) -> Result<Option<StoryData>, storyline_store::StoreError> {
    let Some(story) = store.story(id)? else {
        return Ok(None);
    };
    let documents = store.story_documents(id)?;
    let groups = store.copy_groups()?;
    let independent = storyline_story::independent(&documents, &groups);
    let events = storyline_story::merge(&independent);
    let timeline = storyline_story::timeline_of(&independent, &events);
    let tracks = storyline_story::tracks(&independent);
    Ok(Some(StoryData {
        story,
        documents,
        timeline,
        tracks,
        events,
    }))
}

async fn stories_page(State(state): State<AppState>) -> Response {
    match read(&state, |s| s.stories()).await {
        Ok(stories) => Html(pages::stories(&stories)).into_response(),
        Err(r) => r,
    }
}

async fn stories_api(State(state): State<AppState>) -> Response {
    match read(&state, |s| s.stories()).await {
        Ok(stories) => Json(
            stories
                .iter()
                .map(storyline_story::StorySummary::from)
                .collect::<Vec<_>>(),
        )
        .into_response(),
        Err(r) => r,
    }
}

async fn story_page(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<u64>() else {
        return not_found("no such story");
    };
    match read(&state, move |s| story_data(s, id)).await {
        Ok(Some(d)) => Html(pages::story(&pages::StoryView {
            story: &d.story,
            documents: &d.documents,
            timeline: &d.timeline,
            tracks: &d.tracks,
            events: &d.events,
        }))
        .into_response(),
        Ok(None) => not_found("no such story"),
        Err(r) => r,
    }
}

async fn story_api(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<u64>() else {
        return not_found("no such story");
    };
    match read(&state, move |s| story_data(s, id)).await {
        Ok(Some(d)) => Json(serde_json::json!({
            "story": storyline_story::StorySummary::from(&d.story),
            "documents": d.documents.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
            "timeline": d.timeline,
            "figures": d.tracks,
            "events": d.events,
        }))
        .into_response(),
        Ok(None) => not_found("no such story"),
        Err(r) => r,
    }
}

/// A document and the group of wire copies it belongs to, if any.
type DocumentData = (Document, Option<storyline_story::CopyGroup>);

async fn load_document(state: &AppState, id: String) -> Result<DocumentData, Response> {
    if !valid_document_id(&id) {
        return Err(not_found("no such document"));
    }
    let found = read(state, move |s| {
        let Some(doc) = s.get(&id)? else {
            return Ok(None);
        };
        let group = s.copy_groups()?.into_iter().find(|g| {
            g.canonical == doc.id.as_str() || g.copies.iter().any(|c| c == doc.id.as_str())
        });
        Ok(Some((doc, group)))
    })
    .await;
    match found {
        Ok(Some(data)) => Ok(data),
        Ok(None) => Err(not_found("no such document")),
        Err(r) => Err(r),
    }
}

async fn document_page(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match load_document(&state, id).await {
        Ok((doc, copies)) => Html(pages::document(&doc, copies.as_ref())).into_response(),
        Err(r) => r,
    }
}

async fn document_api(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match load_document(&state, id).await {
        Ok((doc, copies)) => {
            let mut value = serde_json::to_value(&doc).unwrap_or_default();
            value["copies"] = serde_json::to_value(copies).unwrap_or_default();
            Json(value).into_response()
        }
        Err(r) => r,
    }
}

/// An entity id: knowledge-base ids are short and made of letters,
/// digits and `:-_.`.
fn valid_entity_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ':' | '-' | '_' | '.'))
}

/// Documents read for an entity's page: the most recently published
/// that mention it. The counts cover every document.
const ENTITY_DOCUMENTS: usize = 100;

/// What the store's articles say of one entity, from the latest
/// [`ENTITY_DOCUMENTS`] documents that mention it (found through the
/// store's entity index, so the cost does not grow with the store).
fn entity_view(
    store: &Store,
    id: &str,
) -> Result<Option<pages::EntityView>, storyline_store::StoreError> {
    let found = store.entity_documents(id, ENTITY_DOCUMENTS)?;
    let mut view: Option<pages::EntityView> = None;
    for doc in &found.recent {
        let is_it = |i: usize| doc.entity_ids(i).any(|x| x == id);
        let here: Vec<usize> = (0..doc.entities.len()).filter(|&i| is_it(i)).collect();
        if here.is_empty() {
            continue;
        }
        let v = view.get_or_insert_with(|| {
            let e = doc
                .entities
                .iter()
                .find(|e| e.id.as_deref() == Some(id))
                .unwrap_or(&doc.entities[here[0]]);
            pages::EntityView {
                id: id.to_string(),
                name: e.name.clone().unwrap_or_else(|| e.text.clone()),
                kind: e.kind.clone(),
                code: e.code.clone(),
                mentions: found.mentions,
                documents: found.documents,
                documents_read: found.recent.len(),
                did: Vec::new(),
                said: Vec::new(),
                said_about: Vec::new(),
            }
        });
        let doc_id = doc.id.as_str().to_string();
        for e in &doc.events {
            if e.actor_entities.iter().any(|&i| is_it(i)) {
                v.did.push((
                    doc_id.clone(),
                    e.sentence_index,
                    e.date.clone(),
                    e.category.clone(),
                    e.verb.clone(),
                ));
            }
        }
        let chars: Vec<char> = doc.text.chars().collect();
        let content = |s: usize, e: usize| {
            chars[s.min(chars.len())..e.min(chars.len())]
                .iter()
                .collect::<String>()
        };
        for c in &doc.claims {
            if c.speaker_entity.is_some_and(is_it) {
                v.said.push((
                    doc_id.clone(),
                    c.sentence_index,
                    c.said_on.clone(),
                    content(c.start, c.end),
                ));
            } else if here
                .iter()
                .any(|&i| c.start <= doc.entities[i].start && doc.entities[i].end <= c.end)
            {
                v.said_about.push((
                    doc_id.clone(),
                    c.sentence_index,
                    c.speaker.clone(),
                    content(c.start, c.end),
                ));
            }
        }
    }
    Ok(view)
}

async fn load_entity(state: &AppState, id: String) -> Result<pages::EntityView, Response> {
    if !valid_entity_id(&id) {
        return Err(not_found("no such entity"));
    }
    match read(state, move |s| entity_view(s, &id)).await {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(not_found("no such entity")),
        Err(r) => Err(r),
    }
}

async fn entity_page(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match load_entity(&state, id).await {
        Ok(v) => Html(pages::entity(&v)).into_response(),
        Err(r) => r,
    }
}

async fn entity_api(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match load_entity(&state, id).await {
        Ok(v) => Json(v).into_response(),
        Err(r) => r,
    }
}

#[derive(serde::Deserialize)]
struct SearchParams {
    #[serde(default)]
    q: String,
}

/// Hits shown per search.
const SEARCH_LIMIT: usize = 50;

/// Found articles, entities as (id, name), and events.
type Found = (Vec<pages::Hit>, Vec<(String, String)>, Vec<pages::EventHit>);

/// Articles matching the words, and the entities (by name) and events (by
/// category or verb) of the best matching articles that contain them.
fn search_results(store: &Store, q: &str) -> Result<Found, storyline_store::StoreError> {
    let hits = store.search(q, SEARCH_LIMIT)?;
    let needle = q.trim().trim_end_matches('*').to_lowercase();
    let mut entities: Vec<(String, String)> = Vec::new();
    let mut events: Vec<pages::EventHit> = Vec::new();
    if !needle.is_empty() {
        for h in hits.iter().take(10) {
            if let Some(doc) = store.get(&h.document)? {
                for e in &doc.events {
                    if e.verb.to_lowercase().contains(&needle)
                        || e.category.to_lowercase() == needle
                    {
                        events.push((
                            h.document.clone(),
                            e.sentence_index,
                            e.category.clone(),
                            e.verb.clone(),
                            e.date.clone(),
                        ));
                    }
                }
                for e in &doc.entities {
                    let (Some(id), Some(name)) = (&e.id, &e.name) else {
                        continue;
                    };
                    if name.to_lowercase().contains(&needle)
                        && !entities.iter().any(|(i, _)| i == id)
                    {
                        entities.push((id.clone(), name.clone()));
                    }
                }
            }
        }
    }
    let hits = hits
        .into_iter()
        .map(|h| pages::Hit {
            document: h.document,
            title: h.title,
            snippet: h.snippet,
        })
        .collect();
    Ok((hits, entities, events))
}

async fn search_page(State(state): State<AppState>, Query(p): Query<SearchParams>) -> Response {
    let q: String = p.q.chars().take(200).collect();
    let query = q.clone();
    match read(&state, move |s| search_results(s, &query)).await {
        Ok((hits, entities, events)) => {
            Html(pages::search(&q, &hits, &entities, &events)).into_response()
        }
        Err(r) => r,
    }
}

async fn search_api(State(state): State<AppState>, Query(p): Query<SearchParams>) -> Response {
    let q: String = p.q.chars().take(200).collect();
    match read(&state, move |s| search_results(s, &q)).await {
        Ok((hits, entities, events)) => Json(serde_json::json!({
            "documents": hits
                .iter()
                .map(|h| serde_json::json!({"document": h.document, "title": h.title, "snippet": h.snippet}))
                .collect::<Vec<_>>(),
            "entities": entities
                .iter()
                .map(|(id, name)| serde_json::json!({"id": id, "name": name}))
                .collect::<Vec<_>>(),
            "events": events
                .iter()
                .map(|(document, sentence, category, verb, date)| serde_json::json!({
                    "document": document,
                    "sentence_index": sentence,
                    "category": category,
                    "verb": verb,
                    "date": date,
                }))
                .collect::<Vec<_>>(),
        }))
        .into_response(),
        Err(r) => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// A request dropped while its query runs (its client went away, or
    /// the server gave up on it) must stop the query, not leave it holding
    /// a core and a read permit until it ends by itself.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_abandoned_read_interrupts_its_query() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.db");
        drop(Store::open(&path).unwrap());
        let state = AppState {
            db: Arc::new(Location::File(path)),
            reads: Arc::new(Semaphore::new(2)),
        };
        let (started_tx, started_rx) = tokio::sync::oneshot::channel();
        let (done_tx, done_rx) = std::sync::mpsc::channel();
        // The test's own way to stop the query, so that a failure ends
        // the test instead of leaving it to wait minutes for the query.
        let (handle_tx, handle_rx) = std::sync::mpsc::channel();
        // Ten billion steps take SQLite minutes: only an interrupt ends
        // this query within the wait below.
        // Boxed, so that dropping it below drops the request itself.
        let mut request = Box::pin(read(&state, move |store| {
            let _ = handle_tx.send(store.interrupt_handle());
            let _ = started_tx.send(());
            let began = Instant::now();
            let result = store.slow_query_for_tests(10_000_000_000);
            let _ = done_tx.send((result.is_err(), began.elapsed()));
            result
        }));
        tokio::select! {
            _ = &mut request => panic!("the slow query ended by itself"),
            _ = started_rx => {}
        }
        // Let the query get going before its request goes away.
        tokio::time::sleep(Duration::from_millis(200)).await;
        drop(request);
        let Ok((interrupted, ran)) = done_rx.recv_timeout(Duration::from_secs(10)) else {
            handle_rx.recv().unwrap().interrupt();
            panic!("the query went on after its request was dropped");
        };
        assert!(interrupted, "the query ran to its end");
        assert!(ran < Duration::from_secs(5), "the query ran {ran:?}");
        // The permit comes back once the read has stopped.
        let permits = tokio::time::timeout(Duration::from_secs(5), async {
            loop {
                if state.reads.available_permits() == 2 {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
        .await;
        assert!(permits.is_ok(), "the read's permit was not given back");
    }

    /// The same read left alone gives its result: the guard stops only
    /// abandoned work.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_finished_read_is_not_interrupted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.db");
        drop(Store::open(&path).unwrap());
        let state = AppState {
            db: Arc::new(Location::File(path)),
            reads: Arc::new(Semaphore::new(2)),
        };
        let counted = read(&state, |store| store.slow_query_for_tests(100_000)).await;
        assert_eq!(counted.ok(), Some(100_000));
    }
}
