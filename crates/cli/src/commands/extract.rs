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
