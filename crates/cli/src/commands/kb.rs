use crate::pipeline::load_kb;
use anyhow::Result;
use std::path::PathBuf;
use storyline_kb::{search, Kb};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(clap::Subcommand)]
enum Sub {
    /// Show what the knowledge base knows under a name: codes, aliases, offices with dates, places.
    Search {
        /// A name, alias, adjective or role word ("Zelenskiy", "Nato", "Kursk", "troops").
        name: String,
        /// Your own knowledge-base files, read over the shipped one.
        #[arg(long = "kb", value_name = "FILE")]
        kb: Vec<PathBuf>,
        /// The most entries listed.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
}

pub fn run(args: Args) -> Result<u8> {
    match args.command {
        Sub::Search { name, kb, limit } => {
            let kb = load_kb(&kb)?.unwrap_or_else(Kb::builtin);
            let found = search(kb, &name, limit);
            if found.is_empty() {
                // Nothing found is a failed lookup (exit 1, as grep's no
                // match), not "some documents failed" (3): no document
                // was read.
                return Err(crate::render::Hinted {
                    message: format!("nothing known as `{name}`"),
                    hint: "add it with --kb FILE (format in the README)".into(),
                }
                .into());
            }
            for f in found {
                outln!("{} ({}) {}", f.name, f.kind, f.id)?;
                for d in f.details {
                    outln!("  {d}")?;
                }
            }
            Ok(crate::exit::OK)
        }
    }
}
