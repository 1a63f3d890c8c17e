//! Events and claims from the command line: one article's tables, the
//! store's listing, and the exports (PLOVER JSON Lines, CSV).

mod common;

const ARTICLE: &str = "Border pact\n\nThe Latvian government said on Tuesday that it would send 200 soldiers to Lithuania next month. \
Estonian officials claimed that Russian forces had shelled a border post, but the figure could not be independently verified.\n";

fn store_with_article(dir: &std::path::Path) -> std::path::PathBuf {
    let article = dir.join("pact.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let db = dir.join("s.db");
    let out = common::storyline(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        "--published",
        "2024-05-06",
        article.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    db
}

#[test]
fn events_and_claims_of_a_stored_article_are_listed_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_with_article(dir.path());
    let db = db.to_str().unwrap();

    let out = common::storyline(&["events", "--db", db]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let table = common::stdout(&out);
    assert!(table.contains("ASSAULT"), "{table}");
    assert!(table.contains("MOBILIZE"), "{table}");

    let out = common::storyline(&["export", "events", "--format", "plover", "--db", db]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let records: Vec<serde_json::Value> = common::stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mobilize = records
        .iter()
        .find(|r| r["event"][0] == "MOBILIZE")
        .expect("a MOBILIZE record");
    assert_eq!(mobilize["actor"][0]["code"], "LVA");
    assert_eq!(mobilize["recipient"][0]["code"], "LTU");
    assert_eq!(mobilize["status"], "future");
    assert_eq!(mobilize["size"], "200");

    let out = common::storyline(&["export", "events", "--format", "csv", "--db", db]);
    let csv = common::stdout(&out);
    assert!(
        csv.starts_with("date,actor_codes,actor_names,category,mode,recipient_codes"),
        "{csv}"
    );

    let out = common::storyline(&["export", "claims", "--format", "jsonl", "--db", db]);
    let claims: Vec<serde_json::Value> = common::stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let hedged = claims
        .iter()
        .find(|c| c["verb"] == "claimed")
        .expect("the hedged claim");
    let hedges: Vec<&str> = hedged["hedges"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h.as_str())
        .collect();
    assert!(
        hedges.contains(&"claimed") && hedges.contains(&"unverified"),
        "{hedged}"
    );
    assert_eq!(hedged["speaker_code"], "EST GOV");
}

#[test]
fn an_unknown_export_format_says_which_exist() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_with_article(dir.path());
    let out = common::storyline(&[
        "export",
        "documents",
        "--format",
        "plover",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        common::stderr(&out).contains("hint:"),
        "{}",
        common::stderr(&out)
    );
}

#[test]
fn a_users_verb_file_adds_patterns_and_a_bad_one_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Dock strike\n\nPortuguese dockers picketed the port of Lisbon on Monday.\n",
    )
    .unwrap();
    let verbs = dir.path().join("mine.tsv");
    std::fs::write(
        &verbs,
        "# picketing is a protest\nverb\tPROTEST\tdemo\tpicket\n",
    )
    .unwrap();
    let out = common::storyline(&[
        "events",
        "--json",
        "--verbs",
        verbs.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let events: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let picket = &events.as_array().unwrap()[0];
    assert_eq!(picket["category"], "PROTEST");
    assert_eq!(picket["rule"], "verb PROTEST picket");
    assert!(
        picket["actors"][0]
            .as_str()
            .is_some_and(|a| a.starts_with("PRT")),
        "{picket}"
    );

    std::fs::write(
        &verbs,
        "verb\tPROTEST\tdemo\tpicket\nverb\tPICKET\t\tpicket\n",
    )
    .unwrap();
    let out = common::storyline(&[
        "events",
        "--verbs",
        verbs.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_ne!(out.status.code(), Some(0));
    let err = common::stderr(&out);
    assert!(err.contains("mine.tsv:2") && err.contains("hint:"), "{err}");
}

#[test]
fn figures_and_stories_export_as_jsonl_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_with_article(dir.path());
    let db = db.to_str().unwrap();
    for what in ["figures", "stories", "documents"] {
        let out = common::storyline(&["export", what, "--format", "csv", "--db", db]);
        assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
        let csv = common::stdout(&out);
        assert!(
            csv.lines().next().is_some_and(|h| h.contains(',')),
            "{what}: {csv}"
        );
        let out = common::storyline(&["export", what, "--format", "jsonl", "--db", db]);
        assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
        for line in common::stdout(&out).lines() {
            serde_json::from_str::<serde_json::Value>(line).expect("one JSON value per line");
        }
    }
    let out = common::storyline(&["export", "stories", "--format", "jsonl", "--db", db]);
    let story: serde_json::Value =
        serde_json::from_str(common::stdout(&out).lines().next().expect("a story")).unwrap();
    assert_eq!(story["documents"].as_array().unwrap().len(), 1);
    assert!(!story["label"].as_str().unwrap().is_empty());
}

/// Regression: a quotation that ran over several sentences was cut at
/// the first, so the figures in its later sentences had no speaker.
#[test]
fn a_quotation_over_several_sentences_keeps_its_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("quote.txt");
    std::fs::write(
        &article,
        "Port strike\n\nAt a news conference on Monday, the harbour master said, \u{201C}The strike has stopped every crane. \
         About 4,000 containers are waiting on the quay. We expect talks to resume soon.\u{201D}\n\nShipping lines were not available for comment.\n",
    )
    .unwrap();
    let out = common::storyline(&[
        "extract",
        "--published",
        "2024-05-08",
        article.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let figure = doc["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().is_some_and(|t| t.contains("4,000")))
        .expect("the containers");
    assert_eq!(figure["said_by"], "the harbour master", "{figure}");
    let claim = &doc["claims"][figure["claim"].as_u64().unwrap() as usize];
    assert_eq!(claim["quote"], "direct");
    // The date of the news conference, fronted before the speaker.
    assert_eq!(claim["said_on"], "2024-05-06");
    // One claim holds the whole quotation, from its opening mark to its
    // closing one; the quotation closes, and the next paragraph is
    // nobody's statement.
    assert_eq!(
        doc["claims"].as_array().unwrap().len(),
        1,
        "{}",
        doc["claims"]
    );
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let (start, end) = (
        claim["start"].as_u64().unwrap() as usize,
        claim["end"].as_u64().unwrap() as usize,
    );
    let content: String = text[start..end].iter().collect();
    assert!(
        content.starts_with("The strike") && content.ends_with("resume soon"),
        "{content}"
    );
}

/// Regression: the agency credit and the place of a dateline ("KYIV,
/// Ukraine (Wire) -") were read as the actor or the place of the first
/// sentence's event.
#[test]
fn a_dateline_is_neither_actor_nor_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dateline.txt");
    std::fs::write(
        &path,
        "Overnight strike\n\nKYIV, Ukraine (AP) - Russian forces attacked Kharkiv overnight, officials said.\n",
    )
    .unwrap();
    let out = common::storyline(&["events", "--json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let events: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let attack = events
        .iter()
        .find(|e| e["category"] == "ASSAULT")
        .unwrap_or_else(|| panic!("no attack in {events:#?}"));
    assert_eq!(attack["actors"][0], "RUS MIL", "{attack}");
    assert_eq!(attack["location"], "Kharkiv", "{attack}");
}
