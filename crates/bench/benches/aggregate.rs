//! Adding one article to a large store: put, copy detection and story
//! assignment, in one transaction, at 1,000, 10,000 and 100,000 stored
//! generated articles: `cargo bench -p storyline-bench --bench aggregate`.
//!
//! Building a store is itself the cost of clustering every article in
//! turn; its time is printed, per article, so that linear growth can be
//! checked. Stores are cached under `target/bench-stores/` because the
//! largest takes minutes to build.

use divan::Bencher;
use std::path::PathBuf;
use std::time::Instant;
use storyline_model::{DocId, Document, Entity, Event, PartialDate};
use storyline_store::Store;

fn main() {
    divan::main();
}

/// Topics the generated articles are drawn from: about 20 articles each
/// at 100,000.
const TOPICS: u64 = 5_000;
const ENTITY_POOL: u64 = 3_000;
const VOCABULARY: u64 = 20_000;
const CATEGORIES: &[&str] = &["AID", "ASSAULT", "CONSULT", "AGREE", "MOBILIZE", "REQUEST"];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn base() -> Document {
    let raw = storyline_bench::example_articles().remove(0);
    storyline_clean::build_document(raw).expect("an example document")
}

fn entity(id: u64, start: usize) -> Entity {
    Entity {
        text: format!("Name{id}"),
        start,
        end: start + 6,
        kind: if id.is_multiple_of(3) {
            "country"
        } else {
            "person"
        }
        .into(),
        id: Some(format!("kb:{id}")),
        code: Some(format!("C{:02}", id % 90)),
        name: Some(format!("Name {id}")),
        office: None,
        org: None,
        country: None,
        sector: None,
        region: None,
        lat: None,
        lon: None,
        refers_to: None,
        local_id: None,
        rule: "kb".into(),
    }
}

fn event(category: &str, actor: u64) -> Event {
    Event {
        category: category.into(),
        mode: None,
        context: vec![],
        actors: vec![format!("C{:02}", actor % 90)],
        recipients: vec![],
        actor_entities: vec![],
        recipient_entities: vec![],
        date: None,
        date_from: None,
        status: "happened".into(),
        location: None,
        location_entity: None,
        size: None,
        size_quantity: None,
        sentence: String::new(),
        sentence_index: 0,
        verb: String::new(),
        start: 0,
        end: 0,
        reported_in: None,
        reported_by: None,
        rule: String::new(),
    }
}

/// The `n`th generated article: a topic's entities, events and words,
/// with noise, about 180 words, dated within the topic's weeks.
fn article(base: &Document, n: u64) -> Document {
    let mut rng = Rng(n.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let topic = rng.next() % TOPICS;
    let mut t = Rng(topic.wrapping_mul(0x2545_f491_4f6c_dd1d) | 1);
    let topic_words: Vec<u64> = (0..30).map(|_| t.next() % VOCABULARY).collect();
    let topic_entities: Vec<u64> = (0..5).map(|_| t.next() % ENTITY_POOL).collect();
    let mut words = Vec::new();
    for _ in 0..180 {
        let w = if rng.next().is_multiple_of(3) {
            topic_words[(rng.next() % 30) as usize]
        } else {
            rng.next() % VOCABULARY
        };
        words.push(format!("w{w}"));
    }
    let text = format!("Headline {n} w{}\n\n{}", topic_words[0], words.join(" "));
    let mut doc = base.clone();
    doc.id = DocId::from_text(&text);
    doc.title = Some(format!("Headline {n} w{}", topic_words[0]));
    doc.title_span = None;
    doc.text = text;
    doc.quantities.clear();
    doc.claims.clear();
    doc.sentences.clear();
    doc.sentence_dates.clear();
    doc.entities = (0..8)
        .map(|k| {
            let id = if k < 5 {
                topic_entities[k]
            } else {
                rng.next() % ENTITY_POOL
            };
            entity(id, k * 10)
        })
        .collect();
    doc.events = (0..4)
        .map(|k| {
            event(
                CATEGORIES[(rng.next() % CATEGORIES.len() as u64) as usize],
                topic_entities[k],
            )
        })
        .collect();
    let day = 1 + (topic % 300) as u32 + (rng.next() % 20) as u32;
    doc.published = PartialDate::ymd(2024, 1 + (day / 29).min(11), 1 + day % 28);
    doc.outlet = Some(format!("Outlet {}", rng.next() % 50));
    doc
}

fn store_path(n: u64) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-stores");
    std::fs::create_dir_all(&dir).expect("a directory for bench stores");
    dir.join(format!("aggregate-{n}.db"))
}

/// A store of `n` generated articles, built once.
fn store_of(n: u64) -> Store {
    let path = store_path(n);
    let mut store = Store::open(&path).expect("a bench store");
    let have = store.list().expect("a listing").len() as u64;
    if have < n {
        let base = base();
        let started = Instant::now();
        for chunk in (have..n).collect::<Vec<_>>().chunks(1000) {
            let batch = store.batch().expect("a batch");
            for &k in chunk {
                let doc = article(&base, k);
                batch.put(&doc).expect("put");
                batch.aggregate(&doc).expect("aggregate");
            }
            batch.commit().expect("commit");
        }
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "built a store of {n} articles in {secs:.1} s ({:.2} ms per article)",
            secs * 1000.0 / (n - have) as f64
        );
    }
    store
}

/// One new article added to a store of `n`, rolled back after each
/// sample so the store stays the same size.
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 30, sample_size = 1)]
fn add_one_article(bencher: Bencher, n: u64) {
    let mut store = store_of(n);
    let base = base();
    let mut k = n + 1_000_000;
    bencher.bench_local(move || {
        k += 1;
        let doc = article(&base, k);
        let batch = store.batch().expect("a batch");
        batch.put(&doc).expect("put");
        let got = batch.aggregate(&doc).expect("aggregate");
        // Dropped without commit: rolled back.
        drop(batch);
        got
    });
}
