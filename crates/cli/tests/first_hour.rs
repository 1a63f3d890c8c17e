//! What a newcomer meets in the first hour at the command line (issue 22):
//! the help, a missing store, exit codes that match the README's table,
//! and options that do not apply to a subcommand.

mod common;

use common::{stderr, stdout, storyline};

#[test]
fn top_level_help_does_not_open_with_an_internal_comment() {
    let out = storyline(&["--help"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let help = stdout(&out);
    let first = help.lines().next().unwrap_or_default();
    assert!(!help.contains("wiring only"), "{help}");
    assert!(
        first.contains("news articles") && first.contains("story"),
        "the first line should say what storyline does: {first}"
    );
}

/// The exit code the README's table gives to a fatal error, a missing
/// store or input included.
const FATAL: i32 = 1;

/// Runs storyline in `dir`, so that a store it wrongly creates under the
/// default name lands there and can be seen.
fn storyline_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .current_dir(dir)
        .env_remove("STORYLINE_DB")
        .output()
        .expect("storyline runs")
}

#[test]
fn read_commands_on_a_missing_store_create_an_empty_one_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mistyped.db");
    let db = db.to_str().unwrap();
    let reads: &[&[&str]] = &[
        &["docs"],
        &["docs", "--json"],
        &["stories"],
        &["timeline"],
        &["timeline", "--story", "1"],
        &["export", "events"],
        &["export", "documents", "--format", "csv"],
        &["show", "abc"],
        &["figures"],
        &["figures", "--per-document"],
        &["times"],
        &["entities"],
        &["claims"],
        &["events"],
        &["events", "--merged"],
        &["occurrences"],
        &["serve", "--addr", "127.0.0.1:0"],
    ];
    for args in reads {
        let mut argv = args.to_vec();
        argv.extend(["--db", db]);
        let out = storyline_in(dir.path(), &argv);
        let se = stderr(&out);
        assert_eq!(out.status.code(), Some(FATAL), "{argv:?}: {se}");
        assert!(
            se.contains(&format!("error: no store at {db}")),
            "{argv:?}: {se}"
        );
        assert!(
            se.contains(&format!(
                "hint: run `storyline ingest --db {db} FILES` first"
            )),
            "{argv:?}: {se}"
        );
        assert!(stdout(&out).is_empty(), "{argv:?}: {}", stdout(&out));
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{argv:?} created {left:?}");
    }
    // The default store name, with no --db at all.
    let out = storyline_in(dir.path(), &["docs"]);
    assert_eq!(out.status.code(), Some(FATAL), "{}", stderr(&out));
    assert!(stderr(&out).contains("no store at storyline.db"));
    assert!(!dir.path().join("storyline.db").exists());
}

#[test]
fn ingest_of_a_missing_path_creates_storyline_db_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let out = storyline_in(dir.path(), &["ingest", "/no/such/article.txt"]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(FATAL), "{se}");
    assert!(se.contains("/no/such/article.txt"), "{se}");
    assert!(se.contains("hint:"), "{se}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "ingest created {left:?}");
    // analyze has nothing to report either: the same fatal error.
    let out = storyline_in(dir.path(), &["analyze", "/no/such/article.txt"]);
    assert_eq!(out.status.code(), Some(FATAL), "{}", stderr(&out));
}

const ARTICLE: &str = "Ferry service resumes after storm\n\n\
    A ferry service between the two islands resumed on Monday after a storm closed the port for three days, the operator said.\n";

#[test]
fn ingest_into_a_db_under_a_missing_folder_cannot_open_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("ferry.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let db = dir.path().join("stores/2024/news.db");
    let out = storyline(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(db.is_file());
}

#[test]
fn store_open_errors_repeat_the_path_three_times() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the store file should be: it exists, but SQLite
    // cannot open it.
    let db = dir.path().join("a-folder.db");
    std::fs::create_dir(&db).unwrap();
    let db = db.to_str().unwrap();
    for args in [vec!["docs", "--db", db], vec!["ingest", "--db", db, "-"]] {
        let out = storyline(&args);
        let se = stderr(&out);
        assert_eq!(out.status.code(), Some(FATAL), "{args:?}: {se}");
        let error = se.lines().next().unwrap_or_default();
        assert!(error.starts_with("error: cannot open store"), "{se}");
        assert_eq!(se.matches(db).count(), 1, "{args:?}: {se}");
        assert_eq!(se.lines().count(), 2, "one error line and a hint: {se}");
        assert!(se.lines().nth(1).unwrap().starts_with("  hint: "), "{se}");
    }
}

#[test]
fn kb_search_without_a_match_exits_3_as_if_documents_failed() {
    let out = storyline(&["kb", "search", "zzzz"]);
    assert_eq!(out.status.code(), Some(FATAL), "{}", stderr(&out));
    assert!(stderr(&out).contains("nothing known as `zzzz`"));
}

#[test]
fn serve_refuses_a_host_name_in_addr() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    // The address is accepted; the run then stops at the missing store,
    // before anything listens.
    let out = storyline(&[
        "serve",
        "--addr",
        "localhost:8080",
        "--db",
        db.to_str().unwrap(),
    ]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(FATAL), "{se}");
    assert!(se.contains("no store at"), "{se}");
    // An address without a port is a usage error that says what to give.
    let out = storyline(&["serve", "--addr", "localhost"]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{se}");
    assert!(se.contains("HOST:PORT"), "{se}");
}

/// The exit code of a command line that could not be parsed.
const USAGE: i32 = 2;

#[test]
fn no_shell_completions_or_man_page() {
    let out = storyline(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let script = stdout(&out);
    // Every command is completed, from the same definitions as the parser.
    for command in ["ingest", "analyze", "timeline", "serve", "completions"] {
        assert!(script.contains(command), "{command} missing from {script}");
    }
    let out = storyline(&["completions", "zsh"]);
    assert!(
        stdout(&out).starts_with("#compdef storyline"),
        "{}",
        stdout(&out)
    );
    let out = storyline(&["man"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(".TH storyline 1"), "{}", stdout(&out));
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("man/man1");
    let out = storyline(&["man", "--dir", pages.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for page in ["storyline.1", "storyline-ingest.1", "storyline-timeline.1"] {
        let text = std::fs::read_to_string(pages.join(page)).unwrap();
        assert!(text.contains(".TH"), "{page}: {text}");
    }
    let out = storyline(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(USAGE), "{}", stderr(&out));
}

#[test]
fn extract_accepts_a_folder_although_its_help_says_a_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ferry.txt"), ARTICLE).unwrap();
    let out = storyline(&["extract", dir.path().to_str().unwrap()]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(FATAL), "{se}");
    assert!(se.contains("is a folder"), "{se}");
    assert!(se.contains("hint: `storyline analyze"), "{se}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn times_without_a_date_prints_unknown_parts_with_no_hint() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("ferry.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let article = article.to_str().unwrap();
    let out = storyline(&["times", article]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{se}");
    assert!(stdout(&out).contains("XXXX"), "{}", stdout(&out));
    assert!(se.contains("--published"), "{se}");
    // With the date given, the expressions are anchored and no hint is due.
    let out = storyline(&["times", article, "--published", "2025-06-02"]);
    let se = stderr(&out);
    assert!(!stdout(&out).contains("XXXX"), "{}", stdout(&out));
    assert!(!se.contains("hint"), "{se}");
}

#[test]
fn options_that_cannot_apply_to_a_subcommand_are_ignored_silently() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("ferry.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let article = article.to_str().unwrap();
    let verbs = dir.path().join("verbs.tsv");
    std::fs::write(&verbs, "verb\tPROTEST\tdemo\tpicket\n").unwrap();
    let verbs = verbs.to_str().unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    let refused: &[(&[&str], &str)] = &[
        // The example: a story filter on a listing without one.
        (
            &["entities", "--per-document", "--story", "3"],
            "--per-document",
        ),
        (&["times", "--merged"], "--merged"),
        (&["figures", "--merged"], "--merged"),
        (&["events", "--per-document"], "--per-document"),
        (&["claims", "--story", "1"], "--story"),
        (&["occurrences", "--story", "1"], "--story"),
        (&["figures", "--per-document", "--story", "1"], "--story"),
        (&["claims", "--verbs", verbs, article], "--verbs"),
        (&["figures", "--verbs", verbs, article], "--verbs"),
        (&["entities", "--verbs", verbs, article], "--verbs"),
        (&["parse", "--verbs", verbs, article], "--verbs"),
        // Options for reading an article, without one: the store is read.
        (&["events", "--verbs", verbs, "--db", db], "--verbs"),
        (&["entities", "--kb", verbs, "--db", db], "--kb"),
        (
            &["figures", "--published", "2024-01-02", "--db", db],
            "--published",
        ),
        (&["times", "--day-first", "--db", db], "--day-first"),
        // A store option with an article: no store is read.
        (&["entities", article, "--db", db], "--db"),
        (&["events", "--merged", article], "--merged"),
    ];
    for (args, option) in refused {
        let out = storyline(args);
        let se = stderr(&out);
        assert_eq!(out.status.code(), Some(USAGE), "{args:?}: {se}");
        let error = se.lines().next().unwrap_or_default();
        assert!(
            error.starts_with("error: ") && error.contains(option),
            "{args:?}: {se}"
        );
        assert!(!dir.path().join("s.db").exists(), "{args:?}");
    }
    // Each listing's help shows only the options it uses.
    let help = |sub: &str| stdout(&storyline(&[sub, "--help"]));
    for sub in ["times", "entities", "claims", "occurrences"] {
        let h = help(sub);
        for option in ["--merged", "--per-document", "--story", "--verbs"] {
            assert!(!h.contains(option), "{sub} --help shows {option}:\n{h}");
        }
    }
    let h = help("figures");
    assert!(h.contains("--per-document") && h.contains("--story"), "{h}");
    assert!(!h.contains("--merged") && !h.contains("--verbs"), "{h}");
    let h = help("events");
    assert!(h.contains("--merged") && h.contains("--story") && h.contains("--verbs"));
    assert!(!h.contains("--per-document"), "{h}");
    // What does apply still parses (and then finds no store).
    for args in [
        &["figures", "--per-document"][..],
        &["figures", "--story", "1"],
        &["events", "--merged", "--story", "1"],
        &["events", "--story", "1"],
        &["claims", "--json"],
    ] {
        let mut argv = args.to_vec();
        argv.extend(["--db", db]);
        let out = storyline(&argv);
        assert_eq!(out.status.code(), Some(FATAL), "{argv:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("no store at"), "{}", stderr(&out));
    }
}

/// Not a check of its own: the probe the next test runs in a child
/// process, where the shared corpus is made to be missing.
#[test]
fn shared_corpus_probe() {
    let _ = common::shared_dir();
}

#[test]
fn tests_needing_the_shared_corpus_pass_silently_when_it_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("shared");
    let run = |require: bool| {
        let mut cmd = std::process::Command::new(std::env::current_exe().unwrap());
        cmd.args(["--exact", "shared_corpus_probe", "--test-threads", "2"])
            .env("STORYLINE_SHARED_DIR", &missing)
            .env_remove("STORYLINE_REQUIRE_SHARED")
            .env_remove("RUST_TEST_NOCAPTURE")
            .env_remove("NOCAPTURE");
        if require {
            cmd.env("STORYLINE_REQUIRE_SHARED", "1");
        }
        cmd.output().unwrap()
    };
    // Run as `cargo test` runs it, output captured: the skip is still in
    // the run's output, naming the test.
    let out = run(false);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 passed"), "{}", stdout(&out));
    let se = stderr(&out);
    assert!(
        se.contains("skipped shared_corpus_probe: needs the shared corpus"),
        "{se}"
    );
    assert!(se.contains(missing.to_str().unwrap()), "{se}");
    // CI requires the corpus: then its absence fails the test.
    let out = run(true);
    assert_ne!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("STORYLINE_REQUIRE_SHARED=1"),
        "{}",
        stdout(&out)
    );
}
