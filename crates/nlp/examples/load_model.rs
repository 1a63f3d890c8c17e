//! Loads the built-in model once and exits: the program to time or to run
//! under callgrind when working on the cost of `Backbone::load`.
//!
//!     cargo build --release -p storyline-nlp --example load_model
//!     valgrind --tool=callgrind target/release/examples/load_model

use std::time::Instant;

fn main() {
    let start = Instant::now();
    let backbone = storyline_nlp::Backbone::load().expect("the built-in model loads");
    let elapsed = start.elapsed();
    // Kept for the life of the process, as `Backbone::shared` keeps it.
    std::mem::forget(std::hint::black_box(backbone));
    eprintln!("Backbone::load: {:.2} ms", elapsed.as_secs_f64() * 1e3);
}
