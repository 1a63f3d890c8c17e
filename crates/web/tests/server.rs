//! The server over real sockets: a client that sends half a request, or
//! keeps a connection open and idle, is disconnected after the header
//! timeout instead of holding a connection for ever.

use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const TIMEOUT: Duration = Duration::from_millis(500);

/// A server over a new, empty store, with a short header timeout.
async fn server() -> (tempfile::TempDir, std::net::SocketAddr) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    drop(storyline_store::Store::open(&db).unwrap());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let options = storyline_web::Options {
        header_timeout: TIMEOUT,
        ..Default::default()
    };
    tokio::spawn(storyline_web::serve_on(listener, db, options));
    (dir, addr)
}

/// Reads until the server closes the connection, failing if it has not
/// within `limit`. Returns what was read.
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> Vec<u8> {
    let mut got = Vec::new();
    let read = tokio::time::timeout(limit, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    assert!(read.is_ok(), "the server kept the connection open");
    got
}

#[tokio::test]
async fn a_half_sent_request_is_dropped_after_the_header_timeout() {
    let (_dir, addr) = server().await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    read_until_closed(&mut stream, TIMEOUT * 8).await;
    assert!(started.elapsed() >= TIMEOUT / 2);
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_header_timeout() {
    let (_dir, addr) = server().await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /api/stories HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let got = read_until_closed(&mut stream, TIMEOUT * 8).await;
    let got = String::from_utf8_lossy(&got);
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");
    assert!(got.contains("x-content-type-options: nosniff"), "{got}");
}
