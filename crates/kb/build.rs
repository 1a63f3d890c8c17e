//! Builds the shipped knowledge base at compile time (see
//! `src/prebuilt.rs`): the same modules that load it at run time are
//! compiled into this script, so the prebuilt table cannot drift from
//! what `Kb::load` would build.

// The script uses only the loading half of these modules.
#![allow(dead_code)]

#[path = "src/arena.rs"]
mod arena;
#[path = "src/data.rs"]
mod data;
#[path = "src/error.rs"]
mod error;
#[path = "src/fold.rs"]
mod fold;
#[path = "src/kb.rs"]
mod kb;
#[path = "src/names.rs"]
mod names;
#[path = "src/records.rs"]
mod records;

use error::KbError;

fn main() {
    println!("cargo:rerun-if-changed=data");
    for module in ["arena", "data", "error", "fold", "kb", "names", "records"] {
        println!("cargo:rerun-if-changed=src/{module}.rs");
    }
    let kb = kb::Kb::load(&[])
        .unwrap_or_else(|e: KbError| panic!("the shipped knowledge base does not load: {e}"));
    let (text, encoded) = arena::encode(&kb).expect("the knowledge base encodes");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("kb.postcard"), encoded).expect("OUT_DIR is writable");
    std::fs::write(out.join("kb-strings.txt"), text).expect("OUT_DIR is writable");
}
