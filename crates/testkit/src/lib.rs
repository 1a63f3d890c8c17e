//! Helpers shared by the tests of every crate.

use std::path::{Path, PathBuf};

/// The root of the checkout.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the checkout root exists")
}

/// The shared corpus: `STORYLINE_SHARED_DIR` when set, else `../shared`
/// beside the checkout. In CI (`STORYLINE_REQUIRE_SHARED=1`) its absence
/// fails the test; elsewhere the test returns early and a `skipped` line
/// names it in the test run's output.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("STORYLINE_SHARED_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => repo_root().join("../shared"),
    };
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("STORYLINE_REQUIRE_SHARED").as_deref() == Ok("1") {
        panic!(
            "{} is missing and STORYLINE_REQUIRE_SHARED=1: put the shared folder beside the checkout",
            dir.display()
        );
    }
    report_skip(&dir);
    None
}

/// Says that the running test skipped, where `cargo test` shows it. The
/// test harness captures what `eprintln!` prints and shows it only for a
/// failing test, so a skipped test, which passes, would otherwise look
/// like one that ran. A write to the stderr handle itself is not
/// captured. The harness names each test's thread after the test.
fn report_skip(dir: &Path) {
    say_skipped(&format!(
        "needs the shared corpus, not found at {} \
         (set STORYLINE_REQUIRE_SHARED=1 to make this an error)",
        dir.display()
    ));
}

/// Prints `skipped TEST: why` where the test run shows it (see
/// [`shared_dir`]'s note on the harness).
fn say_skipped(why: &str) {
    use std::io::Write as _;
    let test = std::thread::current()
        .name()
        .filter(|n| *n != "main")
        .unwrap_or("a test")
        .to_string();
    let line = format!("skipped {test}: {why}\n");
    // One write per line, so that lines from tests running in parallel
    // do not interleave.
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

pub mod postgres;
