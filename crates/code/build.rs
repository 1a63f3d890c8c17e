//! Indexes the shipped CAMEO frames (`data/cameo-verbs.tsv`, 3.7 MB) at
//! compile time: reading every line to find where each verb's rows are
//! was a tenth of a short run's start-up. The crate's tests check this
//! index against the same function run on the file (`src/verb_runs.rs`).

#[path = "src/verb_runs.rs"]
mod verb_runs;

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=data/cameo-verbs.tsv");
    println!("cargo:rerun-if-changed=src/verb_runs.rs");
    let text =
        std::fs::read_to_string("data/cameo-verbs.tsv").expect("the frames file is readable");
    let mut out = String::from("&[\n");
    for run in verb_runs::verb_runs(&text) {
        writeln!(
            out,
            "    ({:?}, {}, {}, {}),",
            run.verb, run.start, run.end, run.first_line
        )
        .expect("writing to a String cannot fail");
    }
    out.push(']');
    let dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(dir.join("cameo_index.rs"), out).expect("OUT_DIR is writable");
}
