//! Inputs for the benchmarks: the example articles, read once.

use std::path::Path;
use storyline_model::RawDocument;

/// The example articles as raw documents, decoded as ingest would.
pub fn example_articles() -> Vec<RawDocument> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let inputs = storyline_ingest::discover(&[dir], &Default::default());
    inputs
        .into_iter()
        .filter_map(Result::ok)
        .flat_map(|i| storyline_ingest::read_input(&i, &Default::default()))
        .filter_map(Result::ok)
        .collect()
}

/// A long page: the example articles concatenated `copies` times, each
/// copy made distinct so repetition rules do not collapse them.
pub fn long_page(copies: usize) -> String {
    let articles = example_articles();
    let mut out = String::new();
    for i in 0..copies {
        for a in &articles {
            out.push_str(&a.text);
            out.push_str(&format!(
                "\nCopy {i} of the page ends here with a sentence of its own.\n\n"
            ));
        }
    }
    out
}
