//! The web view over a store built from the example articles and an
//! article written to break markup: every page type renders with its
//! timeline entries, chart marks and highlights, text is escaped, and
//! bad ids are refused.

mod common;

use http_body_util::BodyExt;
use tower::ServiceExt;

const HOSTILE: &str = "Harbour talks <script>alert('x')</script>\n\n\
The port authority of Mozambique said on Monday that 300 containers were waiting in Beira \
after the storm, and an official called the delay \"intolerable\" <b onmouseover='x'>today</b>.\n";

fn store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    // The hostile article and a syndicated copy of it, one word edited.
    let copy = HOSTILE.replace("waiting", "stranded");
    let db = common::store_with_examples(
        dir.path(),
        &[("hostile.txt", HOSTILE), ("hostile-copy.txt", &copy)],
    );
    (dir, db)
}

async fn get(db: &std::path::Path, path: &str) -> (u16, String) {
    let response = storyline_web::router(db.to_path_buf())
        .oneshot(axum_request(path))
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

fn axum_request(path: &str) -> storyline_web::Request<storyline_web::Body> {
    storyline_web::Request::builder()
        .uri(path)
        .body(storyline_web::Body::empty())
        .unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn every_page_type_renders_and_escapes() {
    let (_dir, db) = store();
    let (status, home) = get(&db, "/").await;
    assert_eq!(status, 200);
    assert!(home.contains("<table id=\"stories\">"), "{home}");
    assert!(
        !home.contains("<script>"),
        "unescaped markup on the home page"
    );

    let (_, stories) = get(&db, "/api/stories").await;
    let stories: serde_json::Value = serde_json::from_str(&stories).unwrap();
    let ids: Vec<u64> = stories
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_u64().unwrap())
        .collect();
    assert!(!ids.is_empty());
    let mut saw_entry = false;
    let mut saw_mark = false;
    for id in &ids {
        let (status, page) = get(&db, &format!("/stories/{id}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("<ol id=\"timeline\">"));
        assert!(!page.contains("<script>"), "unescaped markup on story {id}");
        saw_entry |=
            page.contains("<li class=\"entry\">") && page.contains("<circle class=\"entry\"");
        saw_mark |= page.contains("<circle class=\"mark");
        let (status, json) = get(&db, &format!("/api/stories/{id}")).await;
        assert_eq!(status, 200);
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(json["story"]["id"].as_u64(), Some(*id));
    }
    assert!(saw_entry, "no timeline entry drawn on any story page");
    assert!(saw_mark, "no figure mark drawn on any story page");

    let docs = common::storyline(&["docs", "--json", "--db", db.to_str().unwrap()]);
    let docs: serde_json::Value = serde_json::from_slice(&docs.stdout).unwrap();
    let mut saw_hostile = false;
    for d in docs.as_array().unwrap() {
        let id = d["id"].as_str().unwrap();
        let (status, page) = get(&db, &format!("/documents/{id}")).await;
        assert_eq!(status, 200);
        assert!(
            page.contains("<mark class=\"entity\""),
            "no entity highlighted in {id}"
        );
        assert!(!page.contains("<script>") && !page.contains("<b onmouseover"));
        if d["title"]
            .as_str()
            .is_some_and(|t| t.contains("Harbour talks"))
        {
            assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
            assert!(page.contains("<mark class=\"figure\""));
            assert!(
                page.contains("<ul id=\"copies\">"),
                "its wire copy is not listed"
            );
            saw_hostile = true;
        }
        let (status, _) = get(&db, &format!("/api/documents/{id}")).await;
        assert_eq!(status, 200);
    }
    assert!(saw_hostile, "the hostile article was not served");
}

#[tokio::test(flavor = "current_thread")]
async fn bad_ids_and_paths_are_not_found() {
    let (_dir, db) = store();
    for path in [
        "/stories/abc",
        "/stories/999999",
        "/documents/..%2F..%2Fetc%2Fpasswd",
        "/documents/zzzz",
        "/documents/0000000000000000",
        "/no/such/page",
        "/api/documents/%3Cscript%3E",
    ] {
        let (status, body) = get(&db, path).await;
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("<script>"), "{path}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn entities_and_search_render_and_escape() {
    let (_dir, db) = store();
    let (status, page) = get(&db, "/entities/country:MOZ").await;
    assert_eq!(status, 200);
    assert!(page.contains("<h1>Mozambique</h1>"), "{page}");
    assert!(page.contains("<table id=\"did\">"));
    let (status, json) = get(&db, "/api/entities/country:MOZ").await;
    assert_eq!(status, 200);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(json["mentions"].as_u64().unwrap() > 3);

    let (status, page) = get(&db, "/search?q=cyclone").await;
    assert_eq!(status, 200);
    assert!(page.contains("<ol id=\"hits\"><li>"), "no hit for cyclone");
    let (_, json) = get(&db, "/api/search?q=mozamb*").await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(!json["documents"].as_array().unwrap().is_empty());
    assert!(
        json["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"] == "country:MOZ"),
        "{json}"
    );

    let (_, json) = get(&db, "/api/search?q=approved").await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        !json["events"].as_array().unwrap().is_empty(),
        "no event found by its verb: {json}"
    );

    let (status, page) = get(&db, "/search?q=%3Cscript%3Ealert(1)%3C/script%3E%22").await;
    assert_eq!(status, 200);
    assert!(!page.contains("<script>"), "the query is echoed unescaped");
    for path in ["/entities/%3Cb%3E", "/entities/country:XXX"] {
        let (status, _) = get(&db, path).await;
        assert_eq!(status, 404, "{path}");
    }
}

/// Sends a request with the given `Host` header through a router with
/// the given options, returning the status, headers and body.
async fn get_as(
    db: &std::path::Path,
    path: &str,
    host: Option<&str>,
    options: &storyline_web::Options,
) -> (u16, storyline_web::HeaderMap, String) {
    let mut request = storyline_web::Request::builder().uri(path);
    if let Some(host) = host {
        request = request.header("host", host);
    }
    let response = storyline_web::router_with(db.to_path_buf(), options)
        .oneshot(request.body(storyline_web::Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test(flavor = "current_thread")]
async fn api_errors_are_json_and_every_response_has_security_headers() {
    let (_dir, db) = store();
    let options = storyline_web::Options::default();
    for path in [
        "/api/documents/zzzz",
        "/api/no/such/thing",
        "/api/stories/abc",
    ] {
        let (status, headers, body) = get_as(&db, path, None, &options).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(headers["content-type"], "application/json", "{path}");
        let json: serde_json::Value = serde_json::from_str(&body).expect(path);
        assert!(
            json["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{body}"
        );
    }
    for path in ["/", "/no/such/page", "/api/stories"] {
        let (_, headers, _) = get_as(&db, path, None, &options).await;
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
    }
}

/// A page elsewhere that rebinds its own name to 127.0.0.1 sends that
/// name as `Host`; before the allow-list the view answered it.
#[tokio::test(flavor = "current_thread")]
async fn requests_for_other_host_names_are_refused_as_in_dns_rebinding() {
    let (_dir, db) = store();
    let default = storyline_web::Options::default();
    for host in ["localhost:8080", "127.0.0.1:8080", "[::1]:8080"] {
        let (status, _, _) = get_as(&db, "/", Some(host), &default).await;
        assert_eq!(status, 200, "{host}");
    }
    let (status, _, body) =
        get_as(&db, "/api/stories", Some("rebind.example:8080"), &default).await;
    assert_eq!(status, 421);
    assert!(body.contains("--allow-host rebind.example"), "{body}");
    let allowed = storyline_web::Options {
        allow_hosts: vec!["Desk.LAN".into()],
        ..Default::default()
    };
    let (status, _, _) = get_as(&db, "/", Some("desk.lan:8080"), &allowed).await;
    assert_eq!(status, 200);
}

/// An id prefix shared by two documents answered 503, as if the store
/// had failed.
#[tokio::test(flavor = "current_thread")]
async fn an_ambiguous_document_id_prefix_is_a_bad_request() {
    let (_dir, db) = store();
    let options = storyline_web::Options::default();
    let store = storyline_store::Store::open_existing(&db).unwrap();
    let ids: Vec<String> = store.list().unwrap().into_iter().map(|d| d.id).collect();
    let shared = ids
        .iter()
        .find_map(|a| {
            let first = &a[..1];
            (ids.iter().filter(|b| b.starts_with(first)).count() > 1).then(|| first.to_string())
        })
        .expect("the example store has two ids that begin with the same digit");
    for path in [
        format!("/documents/{shared}"),
        format!("/api/documents/{shared}"),
    ] {
        let (status, _, body) = get_as(&db, &path, None, &options).await;
        assert_eq!(status, 400, "{path}: {body}");
        assert!(body.contains("type more of the id"), "{body}");
    }
}
