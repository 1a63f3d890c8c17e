//! A PostgreSQL database of its own for each test that needs one.
//!
//! The server is named by `STORYLINE_TEST_POSTGRES` (a connection string
//! to a database the test may create databases from, as
//! `scripts/postgres/start.sh` prints). In CI
//! (`STORYLINE_REQUIRE_POSTGRES=1`) a missing variable fails the test;
//! elsewhere the PostgreSQL half of the test is skipped with a message.

use std::sync::atomic::{AtomicUsize, Ordering};

/// A database made for one test and dropped when the value is.
pub struct ScratchDatabase {
    server: String,
    name: String,
    /// The connection string of the new database.
    pub url: String,
}

static MADE: AtomicUsize = AtomicUsize::new(0);

impl ScratchDatabase {
    /// A new, empty database on the test server; `None` when no server
    /// is configured (see the module's docs).
    pub fn new() -> Option<ScratchDatabase> {
        let server = match std::env::var("STORYLINE_TEST_POSTGRES") {
            Ok(url) if !url.is_empty() => url,
            _ => {
                if std::env::var("STORYLINE_REQUIRE_POSTGRES").as_deref() == Ok("1") {
                    panic!(
                        "STORYLINE_TEST_POSTGRES is not set and STORYLINE_REQUIRE_POSTGRES=1: \
                         start a server with scripts/postgres/start.sh"
                    );
                }
                super::say_skipped(
                    "its PostgreSQL half needs STORYLINE_TEST_POSTGRES \
                     (eval \"$(scripts/postgres/start.sh)\" starts a server)",
                );
                return None;
            }
        };
        let name = format!(
            "storyline_test_{}_{}",
            std::process::id(),
            MADE.fetch_add(1, Ordering::SeqCst)
        );
        execute(&server, &format!("DROP DATABASE IF EXISTS {name}"));
        execute(&server, &format!("CREATE DATABASE {name}"));
        let url = with_database(&server, &name);
        Some(ScratchDatabase { server, name, url })
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        if let Ok(mut client) = postgres::Client::connect(&self.server, postgres::NoTls) {
            let _ = client.batch_execute(&sql);
        }
    }
}

/// Runs SQL on the database at `url`, panicking on an error: for tests
/// that set up a store's state by hand.
pub fn execute(url: &str, sql: &str) {
    let mut client = postgres::Client::connect(url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot connect to {url}: {e}"));
    client
        .batch_execute(sql)
        .unwrap_or_else(|e| panic!("{sql}: {e:?}"));
}

/// The server's connection string with another database name.
fn with_database(server: &str, name: &str) -> String {
    let (base, query) = match server.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (server, String::new()),
    };
    let host_end = base
        .find("://")
        .map(|i| i + 3)
        .map(|start| base[start..].find('/').map_or(base.len(), |j| start + j))
        .unwrap_or(base.len());
    format!("{}/{name}{query}", &base[..host_end])
}
