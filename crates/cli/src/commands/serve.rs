//! `storyline serve`: the read-only web view of a store.

use crate::DbArg;
use anyhow::{bail, Context, Result};
use std::net::SocketAddr;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Where to listen. Loopback by default: the view has no login.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
}

pub fn run(args: Args) -> Result<u8> {
    if !args.db.db.exists() {
        bail!(
            "no store at {}; hint: `storyline ingest --db {} FILES` first",
            args.db.db.display(),
            args.db.db.display()
        );
    }
    eprintln!("serving {} on http://{}", args.db.db.display(), args.addr);
    storyline_web::serve_blocking(args.db.db.clone(), args.addr)
        .with_context(|| format!("cannot serve on {}", args.addr))?;
    Ok(crate::exit::OK)
}
