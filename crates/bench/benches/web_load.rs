//! A bounded load test of the web view on loopback:
//! `cargo bench -p storyline-bench --bench web_load`.
//!
//! A store is built from 100 variants of the example articles, each
//! moved to another country and city and marked with a token of its own
//! (so no variant copies another); the server runs in this process on an
//! ephemeral loopback port; client tasks fetch one story page over plain
//! HTTP/1.1 for a fixed number of requests (and at most a fixed time),
//! and the requests per second and latency percentiles are printed.

use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Countries and a city of each: the places the example story is moved
/// to.
const PLACES: &[(&str, &str)] = &[
    ("Kenya", "Mombasa"),
    ("Ghana", "Kumasi"),
    ("Peru", "Arequipa"),
    ("Chile", "Valparaiso"),
    ("India", "Chennai"),
    ("Japan", "Osaka"),
    ("Brazil", "Recife"),
    ("Mexico", "Veracruz"),
    ("Egypt", "Alexandria"),
    ("Turkey", "Izmir"),
    ("Vietnam", "Da Nang"),
    ("Nigeria", "Lagos"),
    ("Colombia", "Cartagena"),
    ("Morocco", "Agadir"),
    ("Pakistan", "Karachi"),
    ("Bangladesh", "Chittagong"),
    ("Indonesia", "Surabaya"),
    ("Philippines", "Cebu"),
    ("Tanzania", "Dar es Salaam"),
    ("Senegal", "Dakar"),
];
const STORIES: usize = 100;
const REQUESTS: usize = 400;
const CLIENTS: usize = 4;
const TIME_LIMIT: Duration = Duration::from_secs(60);

fn build_store(path: &std::path::Path) -> u64 {
    let verbs = storyline_code::Verbs::builtin();
    let raws = storyline_bench::example_articles();
    let mut store = storyline_store::Store::open(path).expect("a store");
    let batch = store.batch().expect("a batch");
    for k in 0..STORIES {
        let (country, city) = PLACES[k % PLACES.len()];
        let variant: Vec<_> = raws
            .iter()
            .cloned()
            .map(|mut r| {
                let moved = r
                    .text
                    .replace("Mozambique", country)
                    .replace("Beira", city)
                    .replace("Maputo", city);
                // A token of the variant every fourth word: no five-word
                // shingle is shared with another variant, so none is a
                // copy, and the token ties the variant's articles.
                let mut words = Vec::new();
                for (i, w) in moved.split(' ').enumerate() {
                    if i % 4 == 3 {
                        words.push(format!("Zed{k:03}"));
                    }
                    words.push(w.to_string());
                }
                r.text = words.join(" ");
                r
            })
            .collect();
        for mut d in storyline_bench::prepared(variant) {
            storyline_code::annotate(verbs, &mut d);
            batch.put(&d).expect("put");
            batch.aggregate(&d).expect("aggregate");
        }
    }
    batch.commit().expect("commit");
    let stories = store.stories().expect("stories");
    eprintln!("store: {} stories", stories.len());
    // The largest story: the heaviest page.
    stories.first().map(|s| s.id).expect("a story")
}

async fn fetch(addr: std::net::SocketAddr, path: &str) -> (Duration, usize) {
    let started = Instant::now();
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut body = Vec::new();
    stream.read_to_end(&mut body).await.expect("read");
    assert!(body.starts_with(b"HTTP/1.1 200"), "not a 200");
    (started.elapsed(), body.len())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is read.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db = dir.path().join("load.db");
    let built = Instant::now();
    let story = build_store(&db);
    eprintln!("built in {:.1} s", built.elapsed().as_secs_f64());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let addr = listener.local_addr().expect("an address");
        tokio::spawn(storyline_web::serve_on(listener, db, storyline_web::Options::default()));
        let path = format!("/stories/{story}");
        fetch(addr, &path).await;
        let started = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..CLIENTS {
            let path = path.clone();
            tasks.push(tokio::spawn(async move {
                let mut times = Vec::new();
                let mut bytes = 0;
                while times.len() < REQUESTS / CLIENTS && started.elapsed() < TIME_LIMIT {
                    let (t, n) = fetch(addr, &path).await;
                    times.push(t);
                    bytes = n;
                }
                (times, bytes)
            }));
        }
        let mut times = Vec::new();
        let mut bytes = 0;
        for t in tasks {
            let (mut ts, n) = t.await.expect("a client");
            times.append(&mut ts);
            bytes = n;
        }
        let elapsed = started.elapsed().as_secs_f64();
        times.sort();
        println!(
            "story page ({bytes} bytes), {} requests from {CLIENTS} clients in {elapsed:.2} s: {:.0} requests/s; latency p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            times.len(),
            times.len() as f64 / elapsed,
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.9).as_secs_f64() * 1e3,
            percentile(&times, 0.99).as_secs_f64() * 1e3,
            times.last().map_or(0.0, |t| t.as_secs_f64() * 1e3),
        );
    });
}
