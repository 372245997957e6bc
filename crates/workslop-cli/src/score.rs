//! `workslop score`: scores only, for files or a JSON Lines corpus (streamed).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::{Map, Value};
use workslop_core::{Format, Report, signal_infos};

use crate::args::{ScoreArgs, ScoreFormat};
use crate::exit::Exit;
use crate::files::{STDIN_STAND_IN, Selection, collect, format_of, looks_binary, read_stdin};
use crate::settings::Settings;

/// Lines scored per parallel batch: memory stays flat however large the input.
const LINES_PER_BATCH: usize = 2048;

pub fn run(args: ScoreArgs) -> Result<Exit, String> {
    let settings = Settings::new(&args.scoring)?;
    let result = match &args.jsonl_input {
        Some(input) => score_jsonl(&settings, input, &args),
        None => score_files(&settings, &args),
    };
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Exit::Success),
        Err(e) => Err(e.to_string()),
        Ok(failed) => Ok(if failed > 0 {
            Exit::Error
        } else {
            Exit::Success
        }),
    }
}

/// The flat row: identity, score, verdict, lang, then each signal's sub-score (null if skipped).
fn row(key: &str, identity: Value, report: &Report) -> Map<String, Value> {
    let mut row = Map::new();
    row.insert(key.into(), identity);
    row.insert(
        "score".into(),
        report.score.map_or(Value::Null, Value::from),
    );
    row.insert("verdict".into(), report.verdict.name().into());
    row.insert("lang".into(), report.lang.clone().into());
    for s in &report.signals {
        let value = if s.skipped.is_some() {
            Value::Null
        } else {
            Value::from(s.subscore)
        };
        row.insert(s.name.to_string(), value);
    }
    row
}

fn score_files(settings: &Settings, args: &ScoreArgs) -> io::Result<usize> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let here = settings
        .for_path(Path::new("."))
        .map_err(io::Error::other)?;
    let selection =
        Selection::new(&here.config().include, &here.config().exclude).map_err(io::Error::other)?;
    let file_paths: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let collected = collect(&file_paths, &selection, false);
    let mut failed = collected.errors.len();
    for e in &collected.errors {
        eprintln!("error: {e}");
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let names: Vec<&str> = signal_infos().map(|i| i.name).collect();
    match args.output_format {
        ScoreFormat::Table => {
            writeln!(out, "{:>6}  {:<9}  {:<4}  PATH", "SCORE", "VERDICT", "LANG")?
        }
        ScoreFormat::Csv => writeln!(out, "path,score,verdict,lang,{}", names.join(","))?,
        ScoreFormat::Json => writeln!(out, "[")?,
        ScoreFormat::Jsonl => {}
    }
    let mut first = true;
    let mut write = |out: &mut io::BufWriter<io::StdoutLock<'_>>,
                     r: Result<Map<String, Value>, String>|
     -> io::Result<()> {
        let r = match r {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
                return Ok(());
            }
        };
        match args.output_format {
            ScoreFormat::Table => {
                let score = r["score"]
                    .as_f64()
                    .map_or("-".to_string(), |s| format!("{s:.1}"));
                writeln!(
                    out,
                    "{score:>6}  {:<9}  {:<4}  {}",
                    text(&r["verdict"]),
                    text(&r["lang"]),
                    text(&r["path"])
                )?;
            }
            ScoreFormat::Csv => {
                let mut cells = vec![
                    csv(&text(&r["path"])),
                    number(&r["score"]),
                    text(&r["verdict"]),
                    text(&r["lang"]),
                ];
                cells.extend(names.iter().map(|n| number(&r[*n])));
                writeln!(out, "{}", cells.join(","))?;
            }
            ScoreFormat::Json => {
                if !first {
                    writeln!(out, ",")?;
                }
                write!(out, "  {}", Value::Object(r))?;
            }
            ScoreFormat::Jsonl => writeln!(out, "{}", Value::Object(r))?,
        }
        first = false;
        Ok(())
    };
    if paths.iter().any(|p| p.as_os_str() == "-") {
        let row = match read_stdin() {
            Err(e) => Err(format!("-: {e}")),
            Ok(bytes) => {
                let path = Path::new(STDIN_STAND_IN);
                settings.prepare_one(path, &bytes, args.scoring.input_format);
                score_one(settings, args, path, "-", &bytes)
            }
        };
        write(&mut out, row)?;
    }
    settings.prepare_first(&collected.files, args.scoring.input_format);
    // Scored and written a batch at a time, so that memory does not grow with the files.
    for batch in collected.files.chunks(crate::check::BATCH) {
        let rows: Vec<_> = batch
            .par_iter()
            .map(|path| {
                let display = path
                    .strip_prefix("./")
                    .unwrap_or(path)
                    .display()
                    .to_string();
                let bytes =
                    std::fs::read(path).map_err(|e| format!("{display}: cannot read: {e}"))?;
                score_one(settings, args, path, &display, &bytes)
            })
            .collect();
        for row in rows {
            write(&mut out, row)?;
        }
    }
    if args.output_format == ScoreFormat::Json {
        writeln!(out, "{}]", if first { "" } else { "\n" })?;
    }
    out.flush()?;
    Ok(failed)
}

/// One input's row; `path` finds its config and format, `display` names it.
fn score_one(
    settings: &Settings,
    args: &ScoreArgs,
    path: &Path,
    display: &str,
    bytes: &[u8],
) -> Result<Map<String, Value>, String> {
    if looks_binary(bytes) {
        return Err(format!("{display}: skipped: binary file"));
    }
    let resolved = settings
        .for_path(path)
        .map_err(|e| format!("{display}: {e}"))?;
    let report = resolved
        .score_bytes(bytes, format_of(path, args.scoring.input_format))
        .map_err(|e| format!("{display}: {e}"))?;
    Ok(row("path", display.into(), &report))
}

fn text(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

fn number(v: &Value) -> String {
    v.as_f64().map_or(String::new(), |x| x.to_string())
}

fn csv(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Streams a JSON Lines corpus: reads a batch of lines, scores it in parallel, writes the rows
/// in input order, repeats. A bad line becomes an error row naming its line number.
fn score_jsonl(settings: &Settings, input: &Path, args: &ScoreArgs) -> io::Result<usize> {
    let reader: Box<dyn BufRead> = if input.as_os_str() == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        Box::new(BufReader::with_capacity(
            1 << 20,
            File::open(input)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", input.display())))?,
        ))
    };
    let config_dir = if input.as_os_str() == "-" {
        Path::new(".")
    } else {
        input
    };
    let resolved = settings.for_path(config_dir).map_err(io::Error::other)?;
    let scorer = &resolved;
    let format = args.scoring.input_format.unwrap_or(Format::Text);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut lines = reader.split(b'\n');
    let (mut number, mut failed) = (0usize, 0usize);
    let mut prepared = false;
    loop {
        let mut batch = Vec::with_capacity(LINES_PER_BATCH);
        for line in lines.by_ref() {
            number += 1;
            let mut line = line?;
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            batch.push((number, line));
            if batch.len() == LINES_PER_BATCH {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        // The first batch whose first line holds a text readies the scorer.
        if !prepared
            && let Some((_, line)) = batch.first()
            && let Ok((_, text)) = extract(line, &args.text_field, &args.id_field)
        {
            scorer.prepare(&text, format);
            prepared = true;
        }
        let rows: Vec<Result<Map<String, Value>, String>> = batch
            .par_iter()
            .map(|(n, line)| {
                let (id, text) = extract(line, &args.text_field, &args.id_field)
                    .map_err(|e| format!("line {n}: {e}"))?;
                let id = id.unwrap_or_else(|| Value::from(*n));
                Ok(row("id", id, &scorer.score(&text, format)))
            })
            .collect();
        for (r, (n, _)) in rows.into_iter().zip(&batch) {
            let value = match r {
                Ok(r) => Value::Object(r),
                Err(e) => {
                    failed += 1;
                    eprintln!("error: {}: {e}", input.display());
                    serde_json::json!({ "line": n, "error": e })
                }
            };
            writeln!(out, "{value}")?;
        }
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("{failed} of {number} lines could not be scored");
    }
    Ok(failed)
}

/// The id (any JSON value, if present) and text (must be a string) of one line.
fn extract(
    line: &[u8],
    text_field: &str,
    id_field: &str,
) -> Result<(Option<Value>, String), String> {
    let value: Value = serde_json::from_slice(line).map_err(|e| format!("not JSON: {e}"))?;
    let Value::Object(mut object) = value else {
        return Err("not a JSON object".into());
    };
    let text = match object.remove(text_field) {
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(format!(
                "field `{text_field}` is not a string but {}",
                kind(&other)
            ));
        }
        None => return Err(format!("missing field `{text_field}`")),
    };
    Ok((object.remove(id_field), text))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
