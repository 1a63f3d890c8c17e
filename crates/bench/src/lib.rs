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

/// Documents as the pipeline leaves them before coding: cleaned, with
/// the backbone's parse, figures, times and entities.
pub fn prepared(raws: Vec<RawDocument>) -> Vec<storyline_model::Document> {
    let kb = storyline_kb::Kb::builtin();
    raws.into_iter()
        .filter_map(|r| storyline_clean::build_document(r).ok())
        .map(|mut d| {
            storyline_pipeline::run_backbone(&mut d);
            d.quantities = storyline_quantity::annotate(&d.text);
            let (times, dates) =
                storyline_time::annotate(&d.text, &d.sentences, d.published, &Default::default());
            d.times = times;
            d.sentence_dates = dates;
            let date = d.published.as_ref().and_then(|p| p.first_day());
            let parsed = storyline_kb::Parsed {
                tokens: &d.tokens,
                ner: &d.ner,
            };
            d.entities = storyline_kb::annotate(kb, &d.text, &d.sentences, date, parsed);
            d
        })
        .collect()
}
