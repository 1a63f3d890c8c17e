//! Every page type rendered by a real browser: `storyline serve` over a
//! store of the example articles and a hostile article, each page loaded
//! in headless Chromium with its DOM dumped after scripts ran, checked
//! for the timeline entries, chart marks and highlights, and the story
//! page saved as a screenshot (`target/browser/story.png`, a CI
//! artefact). Needs `/usr/bin/chromium`: CI installs it and sets
//! `STORYLINE_REQUIRE_BROWSER=1`, so the test fails there without it and
//! skips with a message elsewhere.

mod common;

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";

const HOSTILE: &str = "Harbour talks <script>document.title='pwned'</script>\n\n\
The port authority of Mozambique said on Monday that 300 containers were waiting in Beira, \
and an official called the delay \"intolerable\" <img src=x onerror=\"document.title='pwned'\">.\n";

fn browser() -> Option<&'static str> {
    if Path::new(CHROMIUM).exists() {
        return Some(CHROMIUM);
    }
    if std::env::var("STORYLINE_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
        panic!("{CHROMIUM} is missing and STORYLINE_REQUIRE_BROWSER=1");
    }
    eprintln!("skipping: {CHROMIUM} not installed (CI installs Debian's chromium)");
    None
}

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(db: &Path) -> (Server, u16) {
    for attempt in 0..20u16 {
        let port = 20000 + (std::process::id() as u16 % 20000) + attempt * 7;
        let child = Command::new(env!("CARGO_BIN_EXE_storyline"))
            .args(["serve", "--db", db.to_str().unwrap(), "--addr"])
            .arg(format!("127.0.0.1:{port}"))
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("storyline serve starts");
        let server = Server(child);
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(10) {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return (server, port);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    panic!("the server did not start");
}

fn chromium(browser: &str, profile: &Path, extra: &[String], url: &str) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_page_type_renders_in_chromium() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = common::store_with_examples(dir.path(), &[("hostile.txt", HOSTILE)]);
    let (_server, port) = serve(&db);
    let base = format!("http://127.0.0.1:{port}");
    let profile = dir.path().join("profile");
    let dom = |path: &str| {
        chromium(
            browser,
            &profile,
            &["--dump-dom".into()],
            &format!("{base}{path}"),
        )
    };

    let home = dom("/");
    assert!(home.contains("id=\"stories\""), "{home}");
    // The story with the most timeline entries is the one to look at.
    let ids: Vec<String> = home
        .split("href=\"/stories/")
        .skip(1)
        .filter_map(|s| s.split('"').next().map(str::to_string))
        .collect();
    assert!(!ids.is_empty(), "no story links: {home}");
    let (best, page) = ids
        .iter()
        .map(|id| (id.clone(), dom(&format!("/stories/{id}"))))
        .max_by_key(|(_, p)| p.matches("class=\"entry\"").count())
        .unwrap();
    assert!(
        page.contains("<li class=\"entry\">"),
        "no timeline entry: {page}"
    );
    assert!(page.contains("<circle class=\"entry\""), "no timeline dot");
    assert!(
        ids.iter()
            .any(|id| dom(&format!("/stories/{id}")).contains("<circle class=\"mark")),
        "no chart mark on any story page"
    );
    assert!(page.contains("id=\"filter\""), "no events filter");

    let docs = common::storyline(&["docs", "--json", "--db", db.to_str().unwrap()]);
    let docs: serde_json::Value = serde_json::from_slice(&docs.stdout).unwrap();
    let mut saw_hostile = false;
    for d in docs.as_array().unwrap() {
        let page = dom(&format!("/documents/{}", d["id"].as_str().unwrap()));
        assert!(
            page.contains("<mark class=\"entity\""),
            "no highlight: {page}"
        );
        assert!(!page.contains("<title>pwned"), "a script ran");
        if page.contains("Harbour talks") {
            saw_hostile = true;
            assert!(page.contains("&lt;script&gt;"), "{page}");
            assert!(
                !page.contains("<img src=\"x\""),
                "markup from the article was parsed"
            );
        }
    }
    assert!(saw_hostile);
    let entity = dom("/entities/country:MOZ");
    assert!(entity.contains("id=\"did\""), "{entity}");
    let search = dom("/search?q=cyclone");
    assert!(search.contains("<ol id=\"hits\"><li>"), "{search}");

    // The screenshot of the story page, kept for people to look at.
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../browser");
    std::fs::create_dir_all(&shots).unwrap();
    let png = shots.join("story.png");
    chromium(
        browser,
        &profile,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,1600".into(),
        ],
        &format!("{base}/stories/{best}"),
    );
    assert!(
        std::fs::metadata(&png)
            .map(|m| m.len() > 1000)
            .unwrap_or(false),
        "no screenshot"
    );
}
