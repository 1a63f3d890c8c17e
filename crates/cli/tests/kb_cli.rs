//! The knowledge base from the command line: `kb search`, `entities` with
//! a user file, and a bad user file reported with its line and a hint.

mod common;

#[test]
fn kb_search_shows_offices_with_dates() {
    let out = common::storyline(&["kb", "search", "Zelenskiy"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let text = common::stdout(&out);
    assert!(
        text.contains("Volodymyr Zelenskyy (person) person:volodymyr-zelenskyy"),
        "{text}"
    );
    assert!(
        text.contains("UKR GOV President: 2019-05-20 to now"),
        "{text}"
    );
}

#[test]
fn kb_search_for_an_unknown_name_says_how_to_add_it() {
    let out = common::storyline(&["kb", "search", "Qzxv Plorb"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        common::stderr(&out).contains("--kb FILE"),
        "{}",
        common::stderr(&out)
    );
}

#[test]
fn entities_use_the_users_file() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("extra.tsv");
    std::fs::write(&kb, "person\tlena-varga\tLena Varga\tVarga\noffice\tlena-varga\tHUN\tGOV\tForeign Minister\t2024-01-01\t\n").unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Budapest talks\n\nLena Varga met envoys in Vienna on Monday, and Varga said more talks would follow.\n").unwrap();
    let out = common::storyline(&[
        "entities",
        "--json",
        "--published",
        "2024-06-03",
        "--kb",
        kb.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let entities: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let varga: Vec<&serde_json::Value> = entities
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["id"] == "person:lena-varga")
        .collect();
    assert_eq!(varga.len(), 2, "{entities:#}");
    assert_eq!(varga[0]["code"], "HUN GOV");
    assert_eq!(varga[0]["office"], "Foreign Minister");
}

#[test]
fn a_bad_user_file_names_its_line_and_gives_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("bad.tsv");
    std::fs::write(
        &kb,
        "# mine\nperson\tx\tX\noffice\tx\tUSA\tGOV\tT\tnot-a-date\t\n",
    )
    .unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "A short article about nothing in particular.\n").unwrap();
    let out = common::storyline(&[
        "extract",
        "--kb",
        kb.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_ne!(out.status.code(), Some(0));
    let err = common::stderr(&out);
    assert!(err.contains("bad.tsv:3"), "{err}");
    assert!(err.contains("hint:"), "{err}");
}
