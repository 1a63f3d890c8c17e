//! `storyline serve`: the read-only web view of a store.

use crate::DbArg;
use anyhow::{Context, Result};
use std::net::{SocketAddr, ToSocketAddrs};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Where to listen, HOST:PORT (`127.0.0.1:8080`, `localhost:8080`).
    /// Loopback by default: the view has no login.
    #[arg(long, default_value = "127.0.0.1:8080", value_parser = parse_addr)]
    addr: SocketAddr,
    /// Also answer requests for this host name (repeatable). Loopback
    /// names and IP addresses are always answered; any other name is
    /// refused so that a web page cannot reach the view through DNS
    /// rebinding. Give the name users type when serving on a network.
    #[arg(long = "allow-host", value_name = "NAME")]
    allow_hosts: Vec<String>,
}

/// An address to listen on: an IP address and port, or a host name and
/// port resolved here, so that `localhost:8080` works as it does for other
/// servers. The first address the resolver gives is used.
fn parse_addr(s: &str) -> Result<SocketAddr, String> {
    let expected = "expected HOST:PORT, such as 127.0.0.1:8080 or localhost:8080";
    if let Ok(addr) = s.parse() {
        return Ok(addr);
    }
    if !s.contains(':') {
        return Err(format!("no port; {expected}"));
    }
    let mut addrs = s
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve the host: {e}; {expected}"))?;
    addrs
        .next()
        .ok_or_else(|| format!("{s} resolves to no address; {expected}"))
}

pub fn run(args: Args) -> Result<u8> {
    // Opened once here so that a missing or unreadable store is an error
    // before anything listens; each request opens its own connection.
    drop(super::open_existing(&args.db)?);
    eprintln!("serving {} on http://{}", args.db.db, args.addr);
    let options = storyline_web::Options {
        allow_hosts: args.allow_hosts,
        ..Default::default()
    };
    storyline_web::serve_blocking(args.db.db.clone(), args.addr, options)
        .with_context(|| format!("cannot serve on {}", args.addr))?;
    Ok(crate::exit::OK)
}
