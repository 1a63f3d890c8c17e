//! Shell completions and manual pages, generated from the same clap
//! definitions as the command line, so they cannot drift from it.

use anyhow::{Context, Result};
use clap::Command;
use clap_complete::Shell;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    shell: Shell,
}

#[derive(clap::Args)]
pub struct ManArgs {
    /// Write `storyline.1` and one `storyline-COMMAND.1` per command into
    /// this folder (created if missing) instead of printing the main page.
    #[arg(long)]
    dir: Option<PathBuf>,
}

pub fn completions(args: CompletionsArgs, mut cmd: Command) -> Result<u8> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "storyline", &mut out);
    out!("{}", String::from_utf8_lossy(&out))?;
    Ok(crate::exit::OK)
}

pub fn man(args: ManArgs, cmd: Command) -> Result<u8> {
    match args.dir {
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut out)?;
            out!("{}", String::from_utf8_lossy(&out))?;
        }
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            clap_mangen::generate_to(cmd, &dir)
                .with_context(|| format!("cannot write manual pages into {}", dir.display()))?;
            eprintln!("manual pages written to {}", dir.display());
        }
    }
    Ok(crate::exit::OK)
}
