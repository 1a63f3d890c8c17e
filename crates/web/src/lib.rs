//! A read-only web view of a store: the stories, each story's timeline
//! (an SVG axis), figure tracks (SVG charts with disagreements ringed),
//! events and sources, and each article with its annotations
//! highlighted; the same data as JSON under `/api/`.
//!
//! Each request opens the store read-only in a blocking task with a time
//! limit; every text from the store is escaped; ids are checked before
//! any query.

mod html;
mod pages;
mod svg;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Json, Response};
use axum::routing::get;
use axum::Router;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use storyline_model::Document;
use storyline_store::Store;

/// The request and body types the router takes, for callers that drive
/// it directly (tests).
pub use axum::body::Body;
pub use axum::http::Request;

/// How long one request may spend reading the store.
const QUERY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Clone)]
struct AppState {
    db: Arc<PathBuf>,
}

/// The routes over the store at `db`.
pub fn router(db: PathBuf) -> Router {
    Router::new()
        .route("/", get(stories_page))
        .route("/stories/{id}", get(story_page))
        .route("/documents/{id}", get(document_page))
        .route("/api/stories", get(stories_api))
        .route("/api/stories/{id}", get(story_api))
        .route("/api/documents/{id}", get(document_api))
        .fallback(|| async { not_found("no such page") })
        .with_state(AppState { db: Arc::new(db) })
}

/// Serves on `addr` until the process ends, on a runtime of its own, for
/// callers that are not async.
pub fn serve_blocking(db: PathBuf, addr: std::net::SocketAddr) -> std::io::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(db, addr))
}

/// Serves the router on `addr` until the process ends.
pub async fn serve(db: PathBuf, addr: std::net::SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, router(db)).await
}

fn not_found(what: &str) -> Response {
    (
        StatusCode::NOT_FOUND,
        Html(html::page(
            "Not found",
            &format!("<p>{}</p>", html::esc(what)),
        )),
    )
        .into_response()
}

fn failure(message: String) -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Html(html::page(
            "Error",
            &format!("<p>{}</p>", html::esc(&message)),
        )),
    )
        .into_response()
}

/// Runs a read of the store off the async threads, within the time limit.
async fn read<T, F>(state: &AppState, f: F) -> Result<T, Response>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, storyline_store::StoreError> + Send + 'static,
{
    let db = state.db.clone();
    let task = tokio::task::spawn_blocking(move || {
        let store = Store::open(&db)?;
        f(&store)
    });
    match tokio::time::timeout(QUERY_TIMEOUT, task).await {
        Ok(Ok(Ok(value))) => Ok(value),
        Ok(Ok(Err(e))) => Err(failure(format!("the store could not be read: {e}"))),
        Ok(Err(_)) => Err(failure("the query failed".into())),
        Err(_) => Err(failure("the query took too long".into())),
    }
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
    let copies: Vec<String> = store
        .copy_groups()?
        .into_iter()
        .flat_map(|g| g.copies)
        .collect();
    let independent: Vec<&Document> = documents
        .iter()
        .filter(|d| !copies.iter().any(|c| c == d.id.as_str()))
        .collect();
    let events = storyline_story::merge(&independent);
    let timeline = storyline_story::timeline(&events);
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

async fn load_document(state: &AppState, id: String) -> Result<Document, Response> {
    if !valid_document_id(&id) {
        return Err(not_found("no such document"));
    }
    match read(state, move |s| s.get(&id)).await {
        Ok(Some(doc)) => Ok(doc),
        Ok(None) => Err(not_found("no such document")),
        Err(r) => Err(r),
    }
}

async fn document_page(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match load_document(&state, id).await {
        Ok(doc) => Html(pages::document(&doc)).into_response(),
        Err(r) => r,
    }
}

async fn document_api(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match load_document(&state, id).await {
        Ok(doc) => Json(doc).into_response(),
        Err(r) => r,
    }
}
