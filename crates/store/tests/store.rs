//! The store's behaviour, the same on both engines: every test runs on a
//! SQLite file and, when a PostgreSQL server is configured (see
//! `storyline_testkit::postgres`), on a PostgreSQL database of its own.

use storyline_model::{DateOrigin, DocId, Document, PartialDate, SourceRef};
use storyline_store::{Location, PutOutcome, Store, StoreError};
use storyline_testkit::postgres::ScratchDatabase;

/// A new, empty store location on one engine, removed with the value.
struct Backend {
    location: Location,
    _dir: Option<tempfile::TempDir>,
    pg: Option<ScratchDatabase>,
}

impl Backend {
    fn open(&self) -> Store {
        Store::connect(&self.location)
            .unwrap_or_else(|e| panic!("cannot open {}: {e}", self.location))
    }

    /// Runs SQL on the store behind storyline's back: the SQLite or the
    /// PostgreSQL text, as the engine needs.
    fn raw(&self, sqlite: &str, postgres: &str) {
        match &self.pg {
            Some(db) => storyline_testkit::postgres::execute(&db.url, postgres),
            None => {
                let path = self.location.file().expect("a SQLite store is a file");
                rusqlite::Connection::open(path)
                    .unwrap()
                    .execute_batch(sqlite)
                    .unwrap();
            }
        }
    }
}

/// An empty store on each engine this run can reach.
fn backends() -> Vec<Backend> {
    let dir = tempfile::tempdir().unwrap();
    let mut out = vec![Backend {
        location: Location::File(dir.path().join("s.db")),
        _dir: Some(dir),
        pg: None,
    }];
    if let Some(db) = ScratchDatabase::new() {
        out.push(Backend {
            location: Location::parse(&db.url),
            _dir: None,
            pg: Some(db),
        });
    }
    out
}

fn doc(text: &str, source: &str) -> Document {
    Document {
        id: DocId::from_text(text),
        title: Some("Headline".into()),
        title_span: None,
        provenance: Default::default(),
        text: text.into(),
        language: Some("en".into()),
        published: None,
        published_from: None,
        published_evidence: None,
        updated: None,
        page_date: None,
        outlet: None,
        agency: None,
        authors: vec![],
        url: None,
        source: source.into(),
        sources: vec![SourceRef {
            source: source.into(),
            url: None,
            outlet: None,
            published: None,
            encoding: "UTF-8".into(),
        }],
        paragraphs: vec![],
        sentences: vec![],
        tokens: vec![],
        ner: vec![],
        quantities: vec![],
        times: vec![],
        sentence_dates: vec![],
        entities: vec![],
        claims: vec![],
        events: vec![],
        occurrences: vec![],
        removed: vec![],
        diagnostics: vec![],
    }
}

#[test]
fn same_article_from_two_places_is_one_document_with_two_sources() {
    for b in backends() {
        let mut store = b.open();
        let batch = store.batch().unwrap();
        assert_eq!(
            batch
                .put(&doc("Troops crossed the river.", "a.txt"))
                .unwrap(),
            PutOutcome::Stored
        );
        assert_eq!(
            batch
                .put(&doc("Troops crossed the river.", "b.txt"))
                .unwrap(),
            PutOutcome::NewSource
        );
        assert_eq!(
            batch
                .put(&doc("Troops crossed the river.", "a.txt"))
                .unwrap(),
            PutOutcome::Unchanged
        );
        batch.commit().unwrap();
        let list = store.list().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].sources, 2);
        let got = store.get(&list[0].id[..6]).unwrap().unwrap();
        let names: Vec<_> = got.sources.iter().map(|s| s.source.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.txt"]);
    }
}

#[test]
fn given_metadata_from_a_later_source_beats_inferred() {
    for b in backends() {
        let mut store = b.open();
        let mut inferred = doc("Aid arrived on Friday.", "a.txt");
        inferred.published = Some("2024-11-02".parse().unwrap());
        inferred.published_from = Some(DateOrigin::Filename);
        let mut given = doc("Aid arrived on Friday.", "b.txt");
        given.published = Some("2024-11-01".parse().unwrap());
        given.published_from = Some(DateOrigin::Metadata);
        let batch = store.batch().unwrap();
        batch.put(&inferred).unwrap();
        batch.put(&given).unwrap();
        batch.commit().unwrap();
        let got = store.documents().unwrap().remove(0);
        assert_eq!(got.published, Some(PartialDate::ymd(2024, 11, 1).unwrap()));
        assert_eq!(got.published_from, Some(DateOrigin::Metadata));
    }
}

#[test]
fn an_uncommitted_batch_leaves_nothing_behind() {
    for b in backends() {
        {
            let mut store = b.open();
            let batch = store.batch().unwrap();
            batch.put(&doc("Lost in a crash.", "a.txt")).unwrap();
            // Dropped without commit, as when the process dies mid-batch.
        }
        let store = b.open();
        assert!(store.list().unwrap().is_empty(), "{}", b.location);
        assert_eq!(
            store.schema_version().unwrap(),
            storyline_store::SCHEMA_VERSION
        );
    }
}

#[test]
fn ambiguous_prefix_is_an_error_and_unknown_is_none() {
    for b in backends() {
        let mut store = b.open();
        let batch = store.batch().unwrap();
        for i in 0..40 {
            batch.put(&doc(&format!("Story number {i}."), "x")).unwrap();
        }
        batch.commit().unwrap();
        assert!(matches!(
            store.get(""),
            Err(StoreError::Ambiguous { count: 40, .. })
        ));
        assert!(store.get("zzzz").unwrap().is_none());
    }
}

#[test]
fn a_store_from_a_newer_storyline_is_refused() {
    for b in backends() {
        drop(b.open());
        b.raw(
            "PRAGMA user_version = 99",
            "UPDATE storyline_schema SET version = 99",
        );
        for opened in [
            Store::connect(&b.location),
            Store::connect_existing(&b.location),
        ] {
            assert!(
                matches!(opened, Err(StoreError::NewerSchema { found: 99, .. })),
                "{}",
                b.location
            );
        }
    }
}

const WIRE: &str = "Rescue teams reached the last cut-off villages in the valley on Tuesday, two days after the river burst its banks, the regional governor said. Helicopters dropped food and water to families stranded on rooftops, and engineers began clearing a landslide that had closed the only road. The governor said damage to farms and bridges would take months to repair.";

fn dated(text: &str, source: &str, day: u32) -> Document {
    let mut d = doc(text, source);
    d.published = PartialDate::ymd(2025, 4, day);
    d
}

#[test]
fn copies_and_stories_are_stored_once_and_survive_reopening() {
    for b in backends() {
        let copy_text = format!("{WIRE} Read more on our site.");
        {
            let mut store = b.open();
            let batch = store.batch().unwrap();
            for d in [dated(WIRE, "a.txt", 1), dated(&copy_text, "b.txt", 2)] {
                batch.put(&d).unwrap();
                batch.aggregate(&d).unwrap();
            }
            // Aggregating again changes nothing.
            let again = batch.aggregate(&dated(&copy_text, "b.txt", 2)).unwrap();
            assert!(again.copy_of.is_some());
            batch.commit().unwrap();
        }
        let store = b.open();
        let groups = store.copy_groups().unwrap();
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].canonical, DocId::from_text(WIRE).as_str());
        let stories = store.stories().unwrap();
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].documents.len(), 2);
        assert_eq!(
            stories[0].articles, 1,
            "a copy is not an independent article"
        );
        assert!(!store.needs_aggregation().unwrap());
    }
}

#[test]
fn documents_stored_without_aggregation_are_aggregated_later() {
    for b in backends() {
        let mut store = b.open();
        let batch = store.batch().unwrap();
        batch.put(&dated(WIRE, "a.txt", 1)).unwrap();
        batch.commit().unwrap();
        assert!(store.needs_aggregation().unwrap());
        let batch = store.batch().unwrap();
        assert_eq!(batch.aggregate_missing().unwrap(), 1);
        batch.commit().unwrap();
        assert!(!store.needs_aggregation().unwrap());
        assert_eq!(store.stories().unwrap().len(), 1);
    }
}

#[test]
fn search_finds_words_and_prefixes_and_survives_operators() {
    for b in backends() {
        let mut store = b.open();
        let batch = store.batch().unwrap();
        batch.put(&dated(WIRE, "a.txt", 1)).unwrap();
        batch
            .put(&dated(
                "Parliament passed the budget after a long night.",
                "b.txt",
                2,
            ))
            .unwrap();
        batch.commit().unwrap();
        let hits = store.search("helicopters", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert!(hits[0].snippet.contains("[Helicopters]"), "{:?}", hits[0]);
        assert_eq!(store.search("landsl*", 10).unwrap().len(), 1);
        assert_eq!(store.search("budget helicopters", 10).unwrap().len(), 0);
        // Query syntax typed by a user is taken as words, never an error.
        for q in ["NEAR(", "\"unbalanced", "a OR", "*", "", "^title:x"] {
            store.search(q, 10).unwrap();
        }
    }
}

fn token(
    text: &str,
    word: &str,
    tag: &str,
    head: usize,
    sentence: usize,
) -> storyline_model::Token {
    let at = text.find(word).expect("word in text");
    let start = text[..at].chars().count();
    storyline_model::Token {
        text: word.into(),
        start,
        end: start + word.chars().count(),
        tag: tag.into(),
        pos: "X".into(),
        morph: "Number=Sing".into(),
        lemma: word.to_lowercase(),
        head,
        dep: "dep".into(),
        sentence,
    }
}

#[test]
fn tokens_and_entity_spans_are_stored_outside_the_json_and_read_back() {
    for b in backends() {
        let text = "Acme rose. Zoë fell.";
        let mut d = doc(text, "tokens.txt");
        d.tokens = vec![
            token(text, "Acme", "NNP", 1, 0),
            token(text, "rose", "VBD", 1, 0),
            token(text, "Zoë", "NNP", 3, 1),
            token(text, "fell", "VBD", 3, 1),
        ];
        d.ner = vec![storyline_model::NerSpan {
            text: "Acme".into(),
            start: 0,
            end: 4,
            label: "ORG".into(),
            first_token: 0,
            end_token: 1,
        }];
        let mut store = b.open();
        let batch = store.batch().unwrap();
        batch.put(&d).unwrap();
        batch.commit().unwrap();
        let back = store.get(d.id.as_str()).unwrap().unwrap();
        assert_eq!(back.tokens, d.tokens);
        assert_eq!(back.ner, d.ner);
    }
}

fn entity(text: &str, id: Option<&str>, refers_to: Option<usize>) -> storyline_model::Entity {
    serde_json::from_value(serde_json::json!({
        "text": text, "start": 0, "end": 1, "kind": "country", "id": id, "code": null,
        "name": null, "country": null, "sector": null, "refers_to": refers_to, "rule": "kb",
    }))
    .unwrap()
}

/// The entity page read every document of the store (550 ms and 55 MB a
/// request on a thousand documents); the entity index gives it the
/// documents that mention the entity, newest first, and the counts.
#[test]
fn the_entity_index_finds_the_documents_that_mention_an_entity_and_survives_migration() {
    let mut older = dated("Officials in Maputo met donors on Monday.", "a.txt", 2);
    older.entities = vec![
        entity("Mozambique", Some("country:MOZ"), None),
        entity("the country", None, Some(0)),
        entity("United Nations", Some("igo:UN"), None),
    ];
    let mut newer = dated("Mozambique asked for more tents on Friday.", "b.txt", 5);
    newer.entities = vec![entity("Mozambique", Some("country:MOZ"), None)];
    let check = |store: &Store| {
        let found = store.entity_documents("country:MOZ", 1).unwrap();
        assert_eq!((found.documents, found.mentions), (2, 3));
        assert_eq!(found.recent.len(), 1);
        assert_eq!(found.recent[0].id, newer.id);
        let un = store.entity_documents("igo:UN", 10).unwrap();
        assert_eq!((un.documents, un.mentions, un.recent.len()), (1, 1, 1));
        assert_eq!(
            store.entity_documents("country:PER", 10).unwrap().documents,
            0
        );
    };
    for b in backends() {
        {
            let mut store = b.open();
            let batch = store.batch().unwrap();
            batch.put(&older).unwrap();
            batch.put(&newer).unwrap();
            batch.commit().unwrap();
            check(&store);
        }
        // A store written before the index: the migration fills it.
        b.raw(
            "DROP TABLE entity_mentions; PRAGMA user_version = 4",
            "DROP TABLE entity_mentions; UPDATE storyline_schema SET version = 4",
        );
        check(&b.open());
    }
}

/// `analyze` used to hold every document in an in-memory store (about
/// 170 KB an article, tokens included, until the report was printed); it
/// now writes them to a scratch store on disk, which must not outlive it.
#[test]
fn a_scratch_store_is_on_disk_and_removed_when_dropped() {
    let mut store = Store::open_scratch().unwrap();
    let path = store.path().expect("a scratch store is a file");
    assert!(path.exists());
    let batch = store.batch().unwrap();
    batch.put(&doc("Rain closed the port.", "a.txt")).unwrap();
    batch.commit().unwrap();
    let id = store.list().unwrap()[0].id.clone();
    assert_eq!(store.document(&id).unwrap().text, "Rain closed the port.");
    drop(store);
    assert!(!path.exists());
    assert!(!path.parent().unwrap().exists());
}

/// A reader pointed at a database that holds no store is told so, and
/// nothing is created in it; a writer creates the store there.
#[test]
fn a_reader_of_an_empty_database_finds_no_store() {
    for b in backends() {
        if b.pg.is_none() {
            continue;
        }
        assert!(matches!(
            Store::connect_existing(&b.location),
            Err(StoreError::NotFound(_))
        ));
        assert!(matches!(
            Store::connect_existing(&b.location),
            Err(StoreError::NotFound(_))
        ));
        drop(b.open());
        assert!(Store::connect_existing(&b.location).is_ok());
    }
}

/// A connection string that cannot work is an open error naming the
/// store without its password, not a panic or a hang.
#[test]
fn a_wrong_connection_string_is_a_clear_open_error() {
    for given in [
        // Nothing listens on port 1.
        "postgres://someone:hunter2@127.0.0.1:1/nowhere",
        "postgres://someone:hunter2@127.0.0.1:notaport/nowhere",
    ] {
        let location = Location::parse(given);
        match Store::connect(&location) {
            Err(e @ StoreError::Open { .. }) => {
                let message = e.to_string();
                assert!(!message.contains("hunter2"), "{message}");
                assert!(message.contains("127.0.0.1"), "{message}");
            }
            Err(e) => panic!("{given}: {e:?}"),
            Ok(_) => panic!("{given} opened"),
        }
    }
}

/// Two writers at once (two ingest processes, here two connections on
/// two threads) each store their own articles, several of one story:
/// every document is stored once with one story, and the copy of an
/// article one writer stored is found by the other.
#[test]
fn two_writers_at_once_keep_documents_copies_and_stories_consistent() {
    for b in backends() {
        drop(b.open());
        let writer = |k: usize| {
            let location = b.location.clone();
            std::thread::spawn(move || {
                let mut store = Store::connect(&location).unwrap();
                for i in 0..12 {
                    let text = if i % 4 == 0 {
                        // Both writers store this one: a duplicate.
                        format!("{WIRE} Update {i}.")
                    } else {
                        format!("{WIRE} Writer {k} adds detail number {i}.")
                    };
                    let d = dated(&text, &format!("w{k}-{i}.txt"), 1 + i as u32);
                    let batch = store.batch().unwrap();
                    batch.put(&d).unwrap();
                    batch.aggregate(&d).unwrap();
                    batch.commit().unwrap();
                }
            })
        };
        let (one, two) = (writer(1), writer(2));
        one.join().unwrap();
        two.join().unwrap();
        let store = b.open();
        let list = store.list().unwrap();
        // 3 articles both stored, 9 of each writer's own.
        assert_eq!(list.len(), 21, "{}", b.location);
        assert!(!store.needs_aggregation().unwrap());
        let stories = store.stories().unwrap();
        let members: usize = stories.iter().map(|s| s.documents.len()).sum();
        assert_eq!(members, 21, "each document in exactly one story");
        // Every later version copies the first one stored.
        let groups = store.copy_groups().unwrap();
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert_eq!(groups[0].copies.len(), 20);
    }
}

/// A writer whose connection dies in the middle of a batch (a server
/// restart, a network cut) gets an error and loses that batch only;
/// running it again stores it.
#[test]
fn a_writer_cut_off_mid_batch_loses_only_that_batch() {
    for b in backends() {
        let Some(db) = &b.pg else { continue };
        let mut store = b.open();
        let first = dated(WIRE, "a.txt", 1);
        let batch = store.batch().unwrap();
        batch.put(&first).unwrap();
        batch.commit().unwrap();
        let second = dated(
            "Parliament passed the budget after a long night.",
            "b.txt",
            2,
        );
        let batch = store.batch().unwrap();
        batch.put(&second).unwrap();
        storyline_testkit::postgres::execute(
            &db.url,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE application_name = 'storyline' AND pid <> pg_backend_pid()
               AND datname = current_database()",
        );
        let failed = batch.aggregate(&second).and_then(|_| batch.commit());
        assert!(failed.is_err(), "the batch went on without its server");
        drop(store);
        let mut store = b.open();
        assert_eq!(store.list().unwrap().len(), 1, "the cut batch left nothing");
        let batch = store.batch().unwrap();
        batch.put(&second).unwrap();
        batch.aggregate(&second).unwrap();
        batch.commit().unwrap();
        assert_eq!(store.list().unwrap().len(), 2);
    }
}

/// The same article from a dated source and then from an undated one is
/// dated, whichever was stored first: two writers store them in either
/// order.
#[test]
fn a_later_source_dates_an_undated_document() {
    for b in backends() {
        let mut store = b.open();
        let undated = doc("Rain closed the port.", "copy.txt");
        let mut dated_copy = doc("Rain closed the port.", "wire.txt");
        dated_copy.published = PartialDate::ymd(2025, 3, 13);
        dated_copy.published_from = Some(DateOrigin::Text);
        let batch = store.batch().unwrap();
        batch.put(&undated).unwrap();
        batch.put(&dated_copy).unwrap();
        batch.commit().unwrap();
        let got = store.documents().unwrap().remove(0);
        assert_eq!(got.published, PartialDate::ymd(2025, 3, 13));
    }
}
