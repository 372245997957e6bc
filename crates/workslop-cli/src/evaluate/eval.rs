//! `workslop eval`: scores a labelled corpus and reports how well the score separates it.

use std::path::Path;

use crate::args::{EvalArgs, EvalFormat};
use crate::exit::Exit;
use crate::settings::Settings;

use super::labelled::{Fields, read_scored};
use super::summary::{Scored, Summary};

pub fn run(args: EvalArgs) -> Result<Exit, String> {
    let settings = Settings::new(&args.labels.scoring)?;
    let scorer = settings.for_path(Path::new("."))?;
    let group_fields: Vec<String> = args
        .group_by
        .iter()
        .filter(|f| !f.is_empty())
        .cloned()
        .collect();
    let fields = Fields {
        text: args.labels.text_field.clone(),
        label: args.labels.label_field.clone(),
        positive: args.labels.positive.clone(),
        keep: group_fields.clone(),
    };
    let format = args
        .labels
        .scoring
        .input_format
        .unwrap_or(workslop_core::Format::Text);
    let (rows, skipped, lines) =
        read_scored(&args.labels.labels, &fields, &scorer, format, |row| {
            Scored {
                score: row.report.score,
                positive: row.positive,
                words: row.report.words,
                groups: row.kept,
            }
        })
        .map_err(|e| e.to_string())?;
    let summary = Summary::new(
        &rows,
        &group_fields,
        scorer.config().thresholds.fail,
        lines,
        skipped,
    );
    match args.output_format {
        EvalFormat::Text => print!("{}", summary.render()),
        EvalFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?
        ),
    }
    Ok(Exit::Success)
}
