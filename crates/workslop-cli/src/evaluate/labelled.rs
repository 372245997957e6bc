//! Reading a labelled JSON Lines corpus and scoring it: streamed, in parallel batches.

use std::fs::File;
use std::io::{self, BufRead, BufReader};

use rayon::prelude::*;
use serde_json::Value;
use workslop_core::{Format, Report, Scorer};

use crate::args::LabelArgs;

const LINES_PER_BATCH: usize = 4096;

/// Which fields to read.
#[derive(Debug, Clone)]
struct Fields {
    text: String,
    label: String,
    /// The label value that marks a positive (AI-style) row.
    positive: String,
    /// Extra fields kept per row (grouping), as strings.
    keep: Vec<String>,
}

/// One scored row.
#[derive(Debug, Clone)]
pub struct Row {
    pub positive: bool,
    /// Values of `Fields::keep`, in order (`""` when absent).
    pub kept: Vec<String>,
    pub report: Report,
}

/// Reads and scores every line; `map` turns each scored row into what the caller keeps, so that
/// a large corpus need not hold every report. Returns the kept values, the lines skipped (no
/// text or label, or not a JSON object) and the lines read.
pub fn read_scored<T: Send>(
    args: &LabelArgs,
    keep: Vec<String>,
    scorer: &Scorer,
    map: impl Fn(Row) -> T + Sync,
) -> io::Result<(Vec<T>, usize, usize)> {
    let fields = Fields {
        text: args.text_field.clone(),
        label: args.label_field.clone(),
        positive: args.positive.clone(),
        keep,
    };
    let format = args.scoring.input_format.unwrap_or(Format::Text);
    let path = args.labels.as_path();
    let file = File::open(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    let mut lines = BufReader::with_capacity(1 << 20, file).split(b'\n');
    let (mut out, mut skipped, mut count) = (Vec::new(), 0usize, 0usize);
    loop {
        let mut batch = Vec::with_capacity(LINES_PER_BATCH);
        for line in lines.by_ref() {
            let line = line?;
            count += 1;
            if !line.iter().all(u8::is_ascii_whitespace) {
                batch.push(line);
            }
            if batch.len() == LINES_PER_BATCH {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let scored: Vec<Option<T>> = batch
            .par_iter()
            .map(|line| {
                let (positive, text, kept) = parse(line, &fields)?;
                let report = scorer.score(&text, format);
                Some(map(Row {
                    positive,
                    kept,
                    report,
                }))
            })
            .collect();
        for s in scored {
            match s {
                Some(t) => out.push(t),
                None => skipped += 1,
            }
        }
    }
    Ok((out, skipped, count))
}

fn parse(line: &[u8], fields: &Fields) -> Option<(bool, String, Vec<String>)> {
    let Value::Object(mut object) = serde_json::from_slice::<Value>(line).ok()? else {
        return None;
    };
    let label = match object.get(&fields.label)? {
        Value::String(s) => s.clone(),
        Value::Null => return None,
        other => other.to_string(),
    };
    let Value::String(text) = object.remove(&fields.text)? else {
        return None;
    };
    let kept = fields
        .keep
        .iter()
        .map(|k| match object.get(k) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        })
        .collect();
    Some((label == fields.positive, text, kept))
}

/// The length bucket of a report: words, which for Han and kana text are characters.
pub fn length_bucket(words: usize) -> &'static str {
    match words {
        0..20 => "<20",
        20..50 => "20-49",
        50..200 => "50-199",
        _ => "200+",
    }
}

pub const LENGTH_BUCKETS: [&str; 4] = ["<20", "20-49", "50-199", "200+"];
