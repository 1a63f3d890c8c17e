//! Throughput of the stages over the example corpus:
//! `cargo bench -p storyline-bench`.

use divan::{black_box, Bencher};
use storyline_bench::{example_articles, long_page};

fn main() {
    divan::main();
}

/// Cleaning and document assembly for every example article.
#[divan::bench]
fn build_documents(bencher: Bencher) {
    let raws = example_articles();
    let bytes: usize = raws.iter().map(|r| r.text.len()).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            for raw in &raws {
                black_box(storyline_clean::build_document(raw.clone()).ok());
            }
        });
}

/// The whole per-article work of ingest short of storing: cleaning, the
/// backbone, figures, times, entities and coding. The entity stage's share
/// of it is `entities_on_parsed_articles` over this.
#[divan::bench(sample_count = 10)]
fn build_articles(bencher: Bencher) {
    let raws = example_articles();
    let options = storyline_pipeline::BuildOptions::default();
    bencher.bench(|| {
        for raw in &raws {
            black_box(storyline_pipeline::build(raw.clone(), &options).ok());
        }
    });
}

/// The entity stage alone (knowledge-base matching, reconciliation with
/// the backbone, roles, coreference) on the same articles, parsed once
/// beforehand.
#[divan::bench(sample_count = 20)]
fn entities_on_parsed_articles(bencher: Bencher) {
    let kb = storyline_kb::Kb::builtin();
    let docs: Vec<_> = example_articles()
        .into_iter()
        .filter_map(|r| storyline_clean::build_document(r).ok())
        .map(|mut d| {
            storyline_pipeline::run_backbone(&mut d);
            d
        })
        .collect();
    bencher.bench(|| {
        for d in &docs {
            let date = d.published.as_ref().and_then(|p| p.first_day());
            let parsed = storyline_kb::Parsed {
                tokens: &d.tokens,
                ner: &d.ner,
            };
            black_box(storyline_kb::annotate(
                kb,
                &d.text,
                &d.sentences,
                date,
                parsed,
            ));
        }
    });
}

/// Cleaning one long page (about 1 MB), to see that cost stays linear.
#[divan::bench]
fn clean_long_page(bencher: Bencher) {
    let page = long_page(100);
    bencher
        .counter(divan::counter::BytesCount::new(page.len()))
        .bench(|| black_box(storyline_clean::clean_text(&page)));
}

/// Storing the example documents in a fresh in-memory store.
#[divan::bench]
fn store_documents(bencher: Bencher) {
    let docs: Vec<_> = example_articles()
        .into_iter()
        .filter_map(|r| storyline_clean::build_document(r).ok())
        .collect();
    bencher.bench(|| {
        let mut store = storyline_store::Store::open_in_memory().unwrap();
        let batch = store.batch().unwrap();
        for d in &docs {
            batch.put(d).unwrap();
        }
        batch.commit().unwrap();
    });
}

/// Quantities in a text dense with figures, at two lengths:
/// the cost must grow with the text, not with its square, since every
/// figure looks at the text around it.
#[divan::bench(args = [1_000, 4_000])]
fn quantities_in_long_text(bencher: Bencher, sentences: usize) {
    let text =
        "Officials said at least 3,000 troops and $20 billion in aid arrived. ".repeat(sentences);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| black_box(storyline_quantity::find_quantities(&text)));
}

/// Time expressions in a text dense with dates, at two lengths, as one
/// document with sentence spans: recognition, tense and resolution must
/// grow with the text, not with its square.
#[divan::bench(args = [1_000, 4_000])]
fn times_in_long_text(bencher: Bencher, sentences: usize) {
    let sentence = "Officials said on Friday that troops arrived between early- and mid-October. ";
    let text = sentence.repeat(sentences);
    let len = sentence.chars().count();
    let spans: Vec<storyline_model::Span> = (0..sentences)
        .map(|k| storyline_model::Span::new(k * len, (k + 1) * len - 1))
        .collect();
    let published = "2024-10-24".parse().ok();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            black_box(storyline_time::annotate(
                &text,
                &spans,
                published,
                &Default::default(),
            ))
        });
}

/// A wire-style paragraph dense with names, written for this benchmark,
/// repeated to about `words` words.
fn names_text_of(words_wanted: usize) -> (String, Vec<storyline_model::Span>) {
    let paragraph = "The Kremlin said on Tuesday that Russian and North Korean forces had \
        pushed back Ukrainian troops near Kursk, while NATO Secretary-General Mark Rutte told \
        reporters in Brussels that the alliance would meet in Washington. U.S. officials and \
        the State Department spokesman said President Joe Biden spoke with Volodymyr \
        Zelenskyy about air defence for Kyiv and Kharkiv. Mr Rutte said Beijing and Tehran \
        were watching. ";
    let words = paragraph.split_whitespace().count();
    let text = paragraph.repeat(words_wanted / words + 1);
    let spans = storyline_text::split_sentences(&text)
        .into_iter()
        .map(|r| {
            storyline_model::Span::new(
                text[..r.start].chars().count(),
                text[..r.end].chars().count(),
            )
        })
        .collect();
    (text, spans)
}

/// The dictionary step alone: every knowledge-base name (about 90,000
/// of them, cities included) matched over a 5,000-word article.
#[divan::bench]
fn kb_matching_5000_words(bencher: Bencher) {
    let kb = storyline_kb::Kb::builtin();
    let (text, _) = names_text_of(5_000);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| black_box(storyline_kb::match_names(kb, &text)));
}

/// The whole entity stage on the same article: matching, readings, groups,
/// cues, coreference and codes.
#[divan::bench]
fn entities_5000_words(bencher: Bencher) {
    let kb = storyline_kb::Kb::builtin();
    let (text, spans) = names_text_of(5_000);
    let date = chrono_free_date();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            black_box(storyline_kb::annotate(
                kb,
                &text,
                &spans,
                date,
                Default::default(),
            ))
        });
}

/// Loading the shipped knowledge base and building its automaton, which
/// every run pays once.
#[divan::bench(sample_count = 5)]
fn kb_load() {
    black_box(storyline_kb::Kb::load(&[]).expect("shipped knowledge base"));
}

fn chrono_free_date() -> Option<storyline_kb::Date> {
    storyline_kb::Date::from_ymd_opt(2024, 11, 1)
}

/// The entity stage on 20,000 and 80,000 words of the same paragraph: the
/// cost must grow with the text, not with its square.
#[divan::bench(args = [20_000, 80_000], sample_count = 10)]
fn entities_in_long_text(bencher: Bencher, words: usize) {
    let kb = storyline_kb::Kb::builtin();
    let (text, spans) = names_text_of(words);
    let date = chrono_free_date();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            black_box(storyline_kb::annotate(
                kb,
                &text,
                &spans,
                date,
                Default::default(),
            ))
        });
}

/// Event and claim coding over the example articles, already annotated
/// with entities, times and figures: the counter is sentences, so divan
/// reports sentences per second.
#[divan::bench]
fn code_events_and_claims(bencher: Bencher) {
    let verbs = storyline_code::Verbs::builtin();
    let docs = storyline_bench::prepared(example_articles());
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    bencher
        .counter(divan::counter::ItemsCount::new(sentences))
        .bench(|| {
            for d in &docs {
                black_box(storyline_code::code(verbs, d));
            }
        });
}
