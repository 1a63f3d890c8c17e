use storyline_model::{DateOrigin, DocId, Document, PartialDate, SourceRef};
use storyline_store::{PutOutcome, Store, StoreError};

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
    let mut store = Store::open_in_memory().unwrap();
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

#[test]
fn given_metadata_from_a_later_source_beats_inferred() {
    let mut store = Store::open_in_memory().unwrap();
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

#[test]
fn an_uncommitted_batch_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    {
        let mut store = Store::open(&path).unwrap();
        let batch = store.batch().unwrap();
        batch.put(&doc("Lost in a crash.", "a.txt")).unwrap();
        // Dropped without commit, as when the process dies mid-batch.
    }
    let store = Store::open(&path).unwrap();
    assert!(store.list().unwrap().is_empty());
    assert_eq!(
        store.schema_version().unwrap(),
        storyline_store::SCHEMA_VERSION
    );
}

#[test]
fn ambiguous_prefix_is_an_error_and_unknown_is_none() {
    let mut store = Store::open_in_memory().unwrap();
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

#[test]
fn a_store_from_a_newer_storyline_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    rusqlite_user_version(&path, 99);
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NewerSchema { found: 99, .. })
    ));
}

fn rusqlite_user_version(path: &std::path::Path, v: i64) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "user_version", v).unwrap();
}

const WIRE: &str = "Rescue teams reached the last cut-off villages in the valley on Tuesday, two days after the river burst its banks, the regional governor said. Helicopters dropped food and water to families stranded on rooftops, and engineers began clearing a landslide that had closed the only road. The governor said damage to farms and bridges would take months to repair.";

fn dated(text: &str, source: &str, day: u32) -> Document {
    let mut d = doc(text, source);
    d.published = PartialDate::ymd(2025, 4, day);
    d
}

#[test]
fn copies_and_stories_are_stored_once_and_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let copy_text = format!("{WIRE} Read more on our site.");
    {
        let mut store = Store::open(&path).unwrap();
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
    let store = Store::open(&path).unwrap();
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

#[test]
fn documents_stored_without_aggregation_are_aggregated_later() {
    let mut store = Store::open_in_memory().unwrap();
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

#[test]
fn search_finds_words_and_prefixes_and_survives_operators() {
    let mut store = Store::open_in_memory().unwrap();
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
    let mut store = Store::open_in_memory().unwrap();
    let batch = store.batch().unwrap();
    batch.put(&d).unwrap();
    batch.commit().unwrap();
    let back = store.get(d.id.as_str()).unwrap().unwrap();
    assert_eq!(back.tokens, d.tokens);
    assert_eq!(back.ner, d.ner);
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
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
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
    {
        let mut store = Store::open(&path).unwrap();
        let batch = store.batch().unwrap();
        batch.put(&older).unwrap();
        batch.put(&newer).unwrap();
        batch.commit().unwrap();
        check(&store);
    }
    // A store written before the index: the migration fills it.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("DROP TABLE entity_mentions").unwrap();
        conn.pragma_update(None, "user_version", 4).unwrap();
    }
    check(&Store::open(&path).unwrap());
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
