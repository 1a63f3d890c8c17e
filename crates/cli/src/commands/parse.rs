use crate::pipeline::{self, InputArgs, ReadArgs};
use anyhow::Result;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The article: a file, or `-` for stdin. The cleaned text is parsed,
    /// so offsets and sentences match every other command's.
    path: PathBuf,
    /// Print `{"document", "text", "tokens", "ner"}` as JSON instead of CoNLL-U.
    #[arg(long)]
    json: bool,
    // Reading options only: the parse does not depend on verb patterns.
    #[command(flatten)]
    input: ReadArgs,
}

pub fn run(args: Args) -> Result<u8> {
    let docs = pipeline::collect_one(&args.path, &InputArgs::without_verbs(args.input))?;
    for doc in &docs {
        for w in &doc.diagnostics {
            eprintln!("warning: {}: {}", doc.source, w.message);
        }
        if args.json {
            let value = serde_json::json!({
                "document": doc.id.as_str(),
                "text": doc.text,
                "tokens": doc.tokens,
                "ner": doc.ner,
            });
            outln!("{}", serde_json::to_string(&value)?)?;
        } else {
            if docs.len() > 1 {
                outln!("# newdoc id = {}", doc.id.as_str())?;
            }
            out!(
                "{}",
                storyline_nlp::conllu::to_conllu(&doc.text, &doc.tokens, &doc.ner)
            )?;
        }
    }
    Ok(crate::exit::OK)
}
