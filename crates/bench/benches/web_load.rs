//! A bounded load test of the web view on loopback:
//! `cargo bench -p storyline-bench --bench web_load`. With
//! `STORYLINE_SOAK=1` it is instead a soak test: 60 seconds (or as many
//! as `STORYLINE_SOAK` gives, when more than 1) of mixed
//! page and API requests while another process ingests new articles into
//! the same store, counting errors and sampling the process's resident
//! memory every five seconds. `STORYLINE_SOAK_SAME=1` makes the writer
//! ingest one story over and over, so the store does not grow.
//!
//! A store is built from 100 variants of the example articles, each
//! moved to another country and city and marked with a token of its own
//! (so no variant copies another); the server runs in this process on an
//! ephemeral loopback port; client tasks fetch one story page over plain
//! HTTP/1.1 for a fixed number of requests (and at most a fixed time),
//! and the requests per second and latency percentiles are printed.

use std::time::{Duration, Instant};

/// The allocator of the `storyline` binary, whose `serve` this stands in
/// for: the soak measures the server's memory as users run it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
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
    add_stories(path, 0..STORIES);
    let store = storyline_store::Store::open(path).expect("a store");
    let stories = store.stories().expect("stories");
    eprintln!("store: {} stories", stories.len());
    // The largest story: the heaviest page.
    stories.first().map(|s| s.id).expect("a story")
}

/// Adds the variants `range` of the example story, in one batch.
fn add_stories(path: &std::path::Path, range: std::ops::Range<usize>) {
    let verbs = storyline_code::Verbs::builtin();
    let raws = storyline_bench::example_articles();
    let mut store = storyline_store::Store::open(path).expect("a store");
    let batch = store.batch().expect("a batch");
    for k in range {
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
}

/// Fetches a path; the time, the response's size and whether it was a
/// 200.
async fn try_fetch(addr: std::net::SocketAddr, path: &str) -> (Duration, usize, bool) {
    let started = Instant::now();
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut body = Vec::new();
    stream.read_to_end(&mut body).await.expect("read");
    let ok = body.starts_with(b"HTTP/1.1 200");
    (started.elapsed(), body.len(), ok)
}

async fn fetch(addr: std::net::SocketAddr, path: &str) -> (Duration, usize) {
    let (t, n, ok) = try_fetch(addr, path).await;
    assert!(ok, "not a 200");
    (t, n)
}

/// Set to the store's path, the benchmark is the soak's writer instead.
const SOAK_WRITER: &str = "STORYLINE_SOAK_WRITER";

/// The soak's writer: adds a story's articles every second for
/// [`soak_time`], then prints how many stories it added.
fn soak_writer(db: &std::path::Path) {
    let started = Instant::now();
    let limit = soak_time();
    // With `STORYLINE_SOAK_SAME` set the writer ingests the same story
    // again and again, which stores nothing new: the server then works
    // on a store that does not grow, which tells the store's growth from
    // the server's own memory.
    let same = std::env::var_os("STORYLINE_SOAK_SAME").is_some();
    let mut added = 0;
    while started.elapsed() < limit {
        let first = if same { STORIES } else { STORIES + added };
        add_stories(db, first..first + 1);
        added += 1;
        std::thread::sleep(Duration::from_secs(1));
    }
    println!("{added}");
}

/// A process's resident memory in MB, from its `/proc` status.
fn process_mb(pid: u32) -> f64 {
    status_mb(&format!("/proc/{pid}/status"), "VmRSS:")
}

/// This process's resident memory in MB: all of it, and the part that is
/// anonymous (the heap and stacks, not file or shared mappings such as
/// SQLite's WAL index), which is what a leak or a greedy allocator grows.
fn resident_mb() -> (f64, f64) {
    (
        status_mb("/proc/self/status", "VmRSS:"),
        status_mb("/proc/self/status", "RssAnon:"),
    )
}

/// One `/proc/.../status` field given in kB, in MB.
fn status_mb(path: &str, field: &str) -> f64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with(field))?.to_string();
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// How long the soak runs: `STORYLINE_SOAK` seconds when above 1, else
/// [`TIME_LIMIT`]. A longer run tells a plateau from a slow leak.
fn soak_time() -> Duration {
    std::env::var("STORYLINE_SOAK")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|&s| s > 1)
        .map_or(TIME_LIMIT, Duration::from_secs)
}

/// The memory the allocator has handed out and not had back, in MB
/// (glibc's `mallinfo2`: small blocks in use plus mapped large blocks):
/// the live heap, to tell a leak (it grows) from memory the allocator
/// keeps after use (resident memory grows, this does not). Zero where
/// the C library is not glibc.
fn live_heap_mb() -> f64 {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallinfo2 takes no argument and returns a plain struct
        // of counters read under glibc's own locks.
        let info = unsafe { libc::mallinfo2() };
        (info.uordblks + info.hblkhd) as f64 / 1024.0 / 1024.0
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    0.0
}

/// The soak test: mixed requests from [`CLIENTS`] clients for
/// [`soak_time`] while a writer process adds a story's articles every second.
async fn soak(addr: std::net::SocketAddr, db: std::path::PathBuf, story: u64) {
    let limit = soak_time();
    let paths = [
        "/".to_string(),
        format!("/stories/{story}"),
        format!("/api/stories/{story}"),
        // The variants move the story to these countries.
        "/entities/country:GHA".to_string(),
        "/api/entities/country:KEN".to_string(),
        "/search?q=cyclone".to_string(),
        "/api/search?q=the+the+the+the+the+the+the+the".to_string(),
        "/api/stories".to_string(),
    ];
    let started = Instant::now();
    // The writer is a process of its own (this benchmark run again with
    // `SOAK_WRITER` set), as an `ingest` beside `serve` is, so the memory
    // sampled here is the server's alone; the writer's is sampled too.
    let writer = std::process::Command::new(std::env::current_exe().expect("this benchmark"))
        .env(SOAK_WRITER, &db)
        .env("STORYLINE_SOAK", limit.as_secs().to_string())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the writer process");
    let writer_pid = writer.id();
    let sampler = tokio::spawn(async move {
        let mut samples = Vec::new();
        while started.elapsed() < limit {
            samples.push((resident_mb(), live_heap_mb(), process_mb(writer_pid)));
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
        samples
    });
    let mut tasks = Vec::new();
    for c in 0..CLIENTS {
        let paths = paths.clone();
        tasks.push(tokio::spawn(async move {
            let (mut done, mut failed) = (0usize, 0usize);
            while started.elapsed() < limit {
                let path = &paths[(done + c) % paths.len()];
                let (_, _, ok) = try_fetch(addr, path).await;
                done += 1;
                failed += usize::from(!ok);
            }
            (done, failed)
        }));
    }
    let (mut done, mut failed) = (0, 0);
    for t in tasks {
        let (d, f) = t.await.expect("a client");
        done += d;
        failed += f;
    }
    let output = writer.wait_with_output().expect("the writer");
    let added: usize = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .expect("the writer prints how many stories it added");
    let samples = sampler.await.expect("the sampler");
    let shown: Vec<String> = samples
        .iter()
        .map(|((rss, anon), live, writer)| format!("{rss:.0}/{anon:.0}/{live:.0}/{writer:.0}"))
        .collect();
    println!(
        "soak: {done} requests from {CLIENTS} clients in {:.0} s, {failed} not 200, while {added} stories of {} articles were ingested; server resident/anonymous/live heap and writer resident MB every 5 s: {}",
        started.elapsed().as_secs_f64(),
        storyline_bench::example_articles().len(),
        shown.join(" ")
    );
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    if let Some(db) = std::env::var_os(SOAK_WRITER) {
        soak_writer(std::path::Path::new(&db));
        return;
    }
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
        let db_for_soak = db.clone();
        tokio::spawn(storyline_web::serve_on(
            listener,
            db,
            storyline_web::Options::default(),
        ));
        if std::env::var_os("STORYLINE_SOAK").is_some() {
            soak(addr, db_for_soak, story).await;
            return;
        }
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
