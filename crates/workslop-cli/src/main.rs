//! The `workslop` command.

mod args;
mod check;
mod evaluate;
mod exit;
mod files;
mod render;
mod rules;
mod score;
mod settings;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::exit::Exit;

/// Scoring allocates many small vectors and strings per document; glibc's allocator spent
/// about a tenth of a `check` run in its own bookkeeping.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let threads = match &cli.command {
        Command::Check(a) => a.scoring.threads,
        Command::Score(a) => a.scoring.threads,
        Command::Eval(a) => a.labels.scoring.threads,
        Command::Calibrate(a) => a.labels.scoring.threads,
        _ => None,
    };
    if let Some(n) = threads
        && let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
    {
        eprintln!("error: cannot start {n} threads: {e}");
        return Exit::Error.into();
    }
    let result = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Score(args) => score::run(args),
        Command::Rules(args) => rules::rules(&args),
        Command::Eval(args) => evaluate::eval::run(args),
        Command::Calibrate(args) => evaluate::calibrate::run(args),
        Command::Explain { code } => rules::explain(&code),
    };
    match result {
        Ok(exit) => exit.into(),
        Err(message) => {
            eprintln!("error: {message}");
            Exit::Error.into()
        }
    }
}
