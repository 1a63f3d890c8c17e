use crate::pipeline::{self, InputArgs};
use anyhow::Result;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The article: a file, or `-` for stdin. A JSON Lines file prints one
    /// document per line.
    path: PathBuf,
    #[command(flatten)]
    input: InputArgs,
}

pub fn run(args: Args) -> Result<u8> {
    // One file in, one document out: a folder is what `analyze` and
    // `ingest` read.
    if args.path.is_dir() {
        return Err(crate::render::Hinted {
            message: format!("{} is a folder; `extract` reads one file", args.path.display()),
            hint: format!(
                "`storyline analyze {0}` reports on every article in it, `storyline ingest {0}` stores them",
                args.path.display()
            ),
        }
        .into());
    }
    let (docs, failed) = pipeline::collect(std::slice::from_ref(&args.path), &args.input)?;
    for f in &failed {
        eprintln!("{}", f.line());
    }
    for doc in &docs {
        for w in &doc.diagnostics {
            eprintln!("warning: {}: {}", doc.source, w.message);
        }
    }
    match docs.as_slice() {
        [doc] => outln!("{}", serde_json::to_string_pretty(doc)?)?,
        many => {
            for doc in many {
                outln!("{}", serde_json::to_string(doc)?)?;
            }
        }
    }
    Ok(if failed.is_empty() {
        crate::exit::OK
    } else {
        crate::exit::SOME_FAILED
    })
}
