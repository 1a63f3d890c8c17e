// The `storyline` command: argument parsing and wiring only. The work is
// done by the library crates. This is a plain comment, not a doc comment,
// so that it never reaches the user's `--help`.

/// Writes to stdout, returning an error instead of panicking when the
/// reader has gone (`storyline docs | head`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)
    }};
}

macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// mimalloc instead of glibc's allocator. Documents are built on every
/// core and stored on one thread, and the web server answers each request
/// on whichever blocking thread is free, so memory is mostly freed on
/// another thread than the one that allocated it; glibc keeps such memory
/// in per-thread arenas, and a server's resident memory rose from 135 to
/// over 500 MB in a three-minute soak while its live heap stayed near
/// 100 to 230 MB. mimalloc returns freed pages to the system on its own
/// (docs/quality.md, "Soak").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod commands;
mod pipeline;
mod render;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use commands::annotations::Kind;
use std::process::ExitCode;

/// Exit codes, documented in the README.
pub mod exit {
    /// Everything worked.
    pub const OK: u8 = 0;
    /// A fatal error: nothing or only part of the work was done.
    pub const ERROR: u8 = 1;
    /// The work was done, but some documents could not be read.
    pub const SOME_FAILED: u8 = 3;
}

/// storyline turns news articles into a dated, source-attributed record
/// of a developing story.
// The about line is this doc comment, not the package description, so the
// help says what the tool does for its user.
#[derive(Parser)]
#[command(name = "storyline", version, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles into the store: files, directories, `-` for stdin, JSON Lines.
    Ingest(commands::ingest::Args),
    /// List the stored documents.
    Docs(commands::docs::Args),
    /// Show one stored document: metadata and cleaned text.
    Show(commands::show::Args),
    /// Print one document's full JSON, without touching a store.
    Extract(commands::extract::Args),
    /// Print one document's tokens, tags, lemmas, dependency parse and
    /// named entities as CoNLL-U (`--json` for the tokens as JSON).
    Parse(commands::parse::Args),
    /// Ingest into a temporary store and report what was found.
    Analyze(commands::analyze::Args),
    /// Print one document's figures as a table (value or bounds, qualifier,
    /// currency, measure, what is counted); from the store, figure tracks.
    Figures(commands::annotations::FiguresArgs),
    /// Print the time expressions of one article as a table: text, value, days, precision, tense.
    Times(commands::annotations::Args),
    /// Print the entities of one article as a table: text, kind, actor code, name, office or place.
    Entities(commands::annotations::Args),
    /// Print the claims of one article as a table: speaker, verb, quotation, date said, hedges, content.
    Claims(commands::annotations::Args),
    /// Print the events of one article as a table (PLOVER category, status, actors, recipients, date, place, size); `--merged`: across articles.
    Events(commands::annotations::EventsArgs),
    /// Print the occurrences of one article as a table: happenings with no political actor (an earthquake, a flood, a crash, a death toll, an election), with kind, status, date, place, size and what names them.
    Occurrences(commands::annotations::Args),
    /// List the stories in the store: id, date span, articles, outlets, label.
    Stories(commands::across::StoriesArgs),
    /// Print the timeline of the store or of one story.
    Timeline(commands::across::TimelineArgs),
    /// Export the store's events (PLOVER JSON Lines or CSV), claims, documents, figures or stories (JSON Lines or CSV), or all of it as a Parquet archive.
    Export(commands::export::Args),
    /// Serve a read-only web view of the store (stories, timelines, figure charts, articles).
    Serve(commands::serve::Args),
    /// Look up the knowledge base.
    Kb(commands::kb::Args),
    /// Measure extraction quality on an external benchmark.
    Eval(commands::eval::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(commands::help::CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a folder.
    Man(commands::help::ManArgs),
}

/// Where the store lives, shared by the commands that use one.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArg {
    /// The store: a SQLite file, or a PostgreSQL database given as
    /// postgres://USER:PASSWORD@HOST:PORT/DATABASE (password and port
    /// optional).
    #[arg(long, env = "STORYLINE_DB", default_value = "storyline.db")]
    pub db: storyline_store::Location,
}

/// Parses the command line, exiting with clap's usage error (exit 2) for
/// what clap refuses and for an option its subcommand cannot apply.
fn parse() -> Cli {
    let mut cmd = Cli::command();
    let matches = cmd.get_matches_mut();
    if let Some((name, sub_matches)) = matches.subcommand() {
        let sub = cmd
            .find_subcommand_mut(name)
            .expect("a parsed subcommand is defined");
        if let Some(message) = commands::annotations::misplaced_option(sub, sub_matches) {
            sub.error(clap::error::ErrorKind::ArgumentConflict, message)
                .exit();
        }
    }
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut cmd).exit())
}

fn main() -> ExitCode {
    let cli = parse();
    let result = match cli.command {
        Command::Ingest(a) => commands::ingest::run(a),
        Command::Docs(a) => commands::docs::run(a),
        Command::Show(a) => commands::show::run(a),
        Command::Extract(a) => commands::extract::run(a),
        Command::Analyze(a) => commands::analyze::run(a),
        Command::Parse(a) => commands::parse::run(a),
        Command::Figures(a) => commands::annotations::figures(a),
        Command::Times(a) => commands::annotations::run(a, Default::default(), Kind::Times),
        Command::Entities(a) => commands::annotations::run(a, Default::default(), Kind::Entities),
        Command::Claims(a) => commands::annotations::run(a, Default::default(), Kind::Claims),
        Command::Events(a) => commands::annotations::events(a),
        Command::Occurrences(a) => {
            commands::annotations::run(a, Default::default(), Kind::Occurrences)
        }
        Command::Stories(a) => commands::across::stories(a),
        Command::Timeline(a) => commands::across::timeline(a),
        Command::Export(a) => commands::export::run(a),
        Command::Kb(a) => commands::kb::run(a),
        Command::Serve(a) => commands::serve::run(a),
        Command::Eval(a) => commands::eval::run(a),
        Command::Completions(a) => commands::help::completions(a, Cli::command()),
        Command::Man(a) => commands::help::man(a, Cli::command()),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(exit::OK),
        Err(e) => {
            eprintln!("error: {}", error_line(&e));
            if let Some(hint) = render::hint_for(&e) {
                eprintln!("  hint: {hint}");
            }
            ExitCode::from(exit::ERROR)
        }
    }
}

/// The error and its causes on one line, each said once: a cause whose
/// text the line already holds (a wrapper that prints its source, as
/// `database error: {0}` does) adds only repetition.
fn error_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// A closed stdout means the reader has all it wanted: not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
