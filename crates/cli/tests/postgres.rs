//! Every command on a PostgreSQL store, through the binary: two ingest
//! processes write one database at once, and the readers (listings,
//! stories, exports, the web view) answer as they do for the same
//! articles in a SQLite file. Skipped with a message without a server
//! (see `storyline_testkit::postgres`).

mod common;

use common::{repo_root, stderr, stdout, storyline};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use storyline_testkit::postgres::ScratchDatabase;

fn example_articles() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo_root().join("examples/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn ingest_command(db: &str, files: &[PathBuf]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_storyline"));
    cmd.env_remove("STORYLINE_DB")
        .args(["ingest", "--db", db, "--manifest"])
        .arg(repo_root().join("examples/manifest.csv"))
        .args(files)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// The documents of each story, as `export stories` gives them.
fn story_members(db: &str) -> Vec<Vec<String>> {
    let out = storyline(&["export", "stories", "--db", db]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["documents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn two_ingests_into_postgres_at_once_give_what_one_sqlite_ingest_gives() {
    let Some(pg) = ScratchDatabase::new() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sqlite = dir.path().join("s.db").display().to_string();
    let files = example_articles();
    let out = ingest_command(&sqlite, &files).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // Two writers, each with about half of the articles, started
    // together. The two copies of one wire story go to the same writer:
    // which copy is stored first decides the outlet shown for both, in
    // either engine.
    let (copies, others): (Vec<PathBuf>, Vec<PathBuf>) = files
        .iter()
        .cloned()
        .partition(|f| f.to_string_lossy().contains("toll-rises"));
    let halves: [Vec<PathBuf>; 2] = [
        others.iter().step_by(2).chain(&copies).cloned().collect(),
        others.iter().skip(1).step_by(2).cloned().collect(),
    ];
    let writers: Vec<_> = halves
        .iter()
        .map(|half| ingest_command(&pg.url, half).spawn().unwrap())
        .collect();
    for w in writers {
        let out = w.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    // Ingesting again stores nothing twice.
    let out = ingest_command(&pg.url, &files).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("stored 0,"), "{}", stdout(&out));

    for args in [
        &["docs"][..],
        &["figures"],
        &["timeline"],
        &["events", "--merged"],
        &["export", "events"],
        &["export", "documents"],
        &["export", "claims"],
    ] {
        let run = |db: &str| {
            let mut all = args.to_vec();
            all.extend(["--db", db]);
            let out = storyline(&all);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
            stdout(&out)
        };
        assert_eq!(run(&sqlite), run(&pg.url), "{args:?}");
    }
    // Stories are built online, so which articles share one may depend
    // on the order they arrive in (as with two SQLite ingests in either
    // order); what must hold is that each document is in exactly one.
    let mut members: Vec<String> = story_members(&pg.url).concat();
    members.sort();
    let mut ids: Vec<String> = story_members(&sqlite).concat();
    ids.sort();
    assert_eq!(members, ids, "each document in exactly one story");
}

#[test]
fn a_reader_of_an_empty_postgres_database_is_told_to_ingest_first() {
    let Some(pg) = ScratchDatabase::new() else {
        return;
    };
    let out = storyline(&["docs", "--db", &pg.url]);
    assert_ne!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("no store at postgres://"), "{err}");
    assert!(err.contains("storyline ingest --db postgres://"), "{err}");
}

/// One HTTP/1.1 GET, read to the end of the response.
fn get(addr: &str, path: &str) -> String {
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn the_web_view_serves_a_postgres_store() {
    let Some(pg) = ScratchDatabase::new() else {
        return;
    };
    let out = ingest_command(&pg.url, &example_articles())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let mut server = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .env_remove("STORYLINE_DB")
        .args(["serve", "--db", &pg.url, "--addr", &addr])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::net::TcpStream::connect(&addr).is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "the server never listened"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let home = get(&addr, "/");
    let search = get(&addr, "/api/search?q=beira+port*");
    let story = get(&addr, "/stories/1");
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(home.starts_with("HTTP/1.1 200"), "{home}");
    assert!(story.starts_with("HTTP/1.1 200"), "{story}");
    assert!(search.starts_with("HTTP/1.1 200"), "{search}");
    let body = &search[search.find("\r\n\r\n").unwrap() + 4..];
    let json: serde_json::Value = serde_json::from_str(body).unwrap();
    let hits = json["documents"].as_array().unwrap();
    assert!(!hits.is_empty(), "{body}");
    assert!(
        hits.iter()
            .all(|h| h["snippet"].as_str().unwrap().contains('[')),
        "{body}"
    );
}
