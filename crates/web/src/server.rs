//! The accept loop: each connection served by hyper with a limit on how
//! long a client may take to send a request's headers (which also closes
//! idle keep-alive connections) and on how long a connection may live.

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::time::Duration;
use tokio::net::TcpListener;

/// How long a client may take to send a request's headers, by default,
/// counted from the moment the server is ready to read them: a half-sent
/// request or an idle keep-alive connection is closed after this.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The longest a connection lives, whatever it does: a client that reads
/// its response very slowly cannot hold a connection for ever. Every
/// response of the view is sent in well under this on loopback.
pub const CONNECTION_LIFETIME: Duration = Duration::from_secs(120);

/// How often the server hands freed memory back to the system: store
/// reads run on many threads, and the allocator otherwise keeps what each
/// thread freed (see `storyline_store::memory`).
const TRIM_EVERY: Duration = Duration::from_secs(5);

/// Serves `app` on `listener` until the process ends.
pub async fn run(
    listener: TcpListener,
    app: Router,
    header_timeout: Duration,
) -> std::io::Result<()> {
    tokio::spawn(async {
        let mut every = tokio::time::interval(TRIM_EVERY);
        loop {
            every.tick().await;
            storyline_store::memory::release_freed();
        }
    });
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors and the like: wait a moment
                // rather than spin; a connection reset before accept is
                // the client's business.
                if !matches!(
                    e.kind(),
                    std::io::ErrorKind::ConnectionAborted | std::io::ErrorKind::ConnectionReset
                ) {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                continue;
            }
        };
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(stream), service);
            // Errors here are the client's (reset, timeout): nothing to do.
            let _ = tokio::time::timeout(CONNECTION_LIFETIME, connection).await;
        });
    }
}
