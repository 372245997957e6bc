//! `workslop check`: lint files, print findings, exit by verdict.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::args::{CheckArgs, CheckFormat};
use crate::exit::Exit;
use crate::files::{STDIN_STAND_IN, Selection, collect, format_of, looks_binary, read_stdin};
use crate::render::{Checked, Outcome, Summary, renderer};
use crate::settings::Settings;
use rayon::prelude::*;
use workslop_core::InputError;

/// Files scored and printed per batch: output stays in path order and memory stays bounded
/// (two batches at most: one printed, the next scored).
pub(crate) const BATCH: usize = 256;

pub fn run(args: CheckArgs) -> Result<Exit, String> {
    let settings = Settings::new(&args.scoring)?;
    let stdout_is_terminal = io::stdout().is_terminal();
    let format = args.output_format.unwrap_or(if stdout_is_terminal {
        CheckFormat::Full
    } else {
        CheckFormat::Concise
    });
    let color = stdout_is_terminal && std::env::var_os("NO_COLOR").is_none();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };

    let here = settings.for_path(Path::new("."))?;
    let mut exclude = here.config().exclude.clone();
    exclude.extend(args.exclude.iter().cloned());
    let selection = Selection::new(&here.config().include, &exclude)?;

    let reads_stdin = paths.iter().any(|p| p.as_os_str() == "-");
    let file_paths: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let collected = collect(&file_paths, &selection, args.force_exclude);

    let mut printer = Printer {
        out: io::BufWriter::new(io::stdout().lock()),
        render: renderer(format, color),
        summary: Summary::default(),
    };
    for error in &collected.errors {
        eprintln!("error: {error}");
        printer.summary.errors += 1;
    }
    let written: io::Result<()> = (|| {
        if reads_stdin {
            printer.emit(&check_stdin(&settings, &args))?;
        }
        settings.prepare_first(&collected.files, args.scoring.input_format);
        let score = |batch: &[PathBuf]| -> Vec<Checked> {
            batch
                .par_iter()
                .map(|p| check_file(&settings, p, &args))
                .collect()
        };
        // Each batch is printed here while the pool scores the next, so that the pool does
        // not wait for the printing (about 8% of the time for 10,000 drafts).
        std::thread::scope(|scope| {
            let mut batches = collected.files.chunks(BATCH);
            let mut scored = batches.next().map(score).unwrap_or_default();
            for batch in batches {
                let next = scope.spawn(|| score(batch));
                for c in std::mem::take(&mut scored) {
                    printer.emit(&c)?;
                }
                scored = next
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            }
            scored.iter().try_for_each(|c| printer.emit(c))?;
            // The process ends next: freeing the last batch's findings, made on the pool's
            // threads, cost the 1 MB peer file half a millisecond on its one thread.
            std::mem::forget(scored);
            io::Result::Ok(())
        })?;
        printer.render.finish(&mut printer.out)?;
        if format.is_machine() {
            printer.out.flush()?;
            eprintln!("{}", printer.summary.line());
        } else {
            writeln!(printer.out, "{}", printer.summary.line())?;
        }
        printer.out.flush()
    })();
    let summary = printer.summary;
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(Exit::Success),
        Err(e) => return Err(format!("cannot write output: {e}")),
        Ok(()) => {}
    }
    Ok(if summary.errors > 0 {
        Exit::Error
    } else if summary.failing > 0 && !args.exit_zero {
        Exit::Failure
    } else {
        Exit::Success
    })
}

/// Renders checked inputs in order and counts them.
struct Printer<W: Write> {
    out: W,
    render: Box<dyn crate::render::Render>,
    summary: Summary,
}

impl<W: Write> Printer<W> {
    fn emit(&mut self, checked: &Checked) -> io::Result<()> {
        match &checked.outcome {
            Outcome::Skipped(why) => eprintln!("warning: {}: skipped: {why}", checked.path),
            Outcome::Error(e) => eprintln!("error: {}: {e}", checked.path),
            Outcome::Scored { .. } => {}
        }
        self.summary.add(checked);
        self.render.file(&mut self.out, checked)
    }
}

fn check_file(settings: &Settings, path: &Path, args: &CheckArgs) -> Checked {
    let display = path
        .strip_prefix("./")
        .unwrap_or(path)
        .display()
        .to_string();
    let outcome = match std::fs::read(path) {
        Err(e) => Outcome::Error(format!("cannot read: {e}")),
        Ok(bytes) => score(settings, path, bytes, args),
    };
    Checked {
        path: display,
        outcome,
    }
}

fn check_stdin(settings: &Settings, args: &CheckArgs) -> Checked {
    let name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("-"));
    let outcome = match read_stdin() {
        Err(e) => Outcome::Error(e),
        Ok(bytes) => {
            let lookup = if args.stdin_filename.is_some() {
                name.clone()
            } else {
                PathBuf::from(STDIN_STAND_IN)
            };
            settings.prepare_one(&lookup, &bytes, args.scoring.input_format);
            score(settings, &lookup, bytes, args)
        }
    };
    Checked {
        path: name.display().to_string(),
        outcome,
    }
}

fn score(settings: &Settings, path: &Path, bytes: Vec<u8>, args: &CheckArgs) -> Outcome {
    if looks_binary(&bytes) {
        return Outcome::Skipped("binary file".into());
    }
    let resolved = match settings.for_path(path) {
        Ok(r) => r,
        Err(e) => return Outcome::Error(e),
    };
    let format = format_of(path, args.scoring.input_format);
    // The bytes become the source the findings are shown in, without a copy.
    let source = match String::from_utf8(bytes) {
        Ok(source) => source,
        Err(e) => return Outcome::Error(InputError::from(e.utf8_error()).to_string()),
    };
    match resolved.try_score(&source, format) {
        Ok(report) => {
            let fail_threshold = resolved.config().thresholds.for_length(report.words).1;
            Outcome::Scored {
                source,
                report,
                fail_threshold,
            }
        }
        Err(e) => Outcome::Error(e.to_string()),
    }
}
