//! Helpers shared by the tests of every crate.

use std::path::{Path, PathBuf};

/// The root of the checkout.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the checkout root exists")
}

/// The shared corpus beside the checkout. In CI (`STORYLINE_REQUIRE_SHARED=1`)
/// its absence fails the test; elsewhere the test is skipped with a message.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = repo_root().join("../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("STORYLINE_REQUIRE_SHARED").as_deref() == Ok("1") {
        panic!(
            "{} is missing and STORYLINE_REQUIRE_SHARED=1: put the shared folder beside the checkout",
            dir.display()
        );
    }
    eprintln!(
        "skipping: {} not found (set STORYLINE_REQUIRE_SHARED=1 to make this an error)",
        dir.display()
    );
    None
}
