//! `workslop eval`: scores a labelled corpus and reports how well the score separates it.

use std::collections::BTreeMap;
use std::path::Path;

use crate::args::{EvalArgs, EvalFormat};
use crate::exit::Exit;
use crate::settings::Settings;

use super::labelled::read_scored;
use super::metrics::roc_auc;
use super::summary::{Scored, Summary};

/// Signal label to group value to that signal's own ROC AUC.
type SignalAucs = BTreeMap<String, BTreeMap<String, Option<f64>>>;

pub fn run(args: EvalArgs) -> Result<Exit, String> {
    let settings = Settings::new(&args.labels.scoring)?;
    let scorer = settings.for_path(Path::new("."))?;
    let group_fields: Vec<String> = args
        .group_by
        .iter()
        .filter(|f| !f.is_empty())
        .cloned()
        .collect();
    let (rows, skipped, lines) = read_scored(&args.labels, group_fields.clone(), &scorer, |row| {
        let evidence: Vec<f64> = row.report.signals.iter().map(|s| s.subscore).collect();
        let scored = Scored {
            score: row.report.score,
            positive: row.positive,
            words: row.report.words,
            groups: row.kept,
        };
        (scored, evidence)
    })
    .map_err(|e| e.to_string())?;
    let (rows, evidence): (Vec<Scored>, Vec<Vec<f64>>) = rows.into_iter().unzip();
    let summary = Summary::new(
        &rows,
        &group_fields,
        &scorer.config().thresholds,
        lines,
        skipped,
    );
    let first_field = group_fields.first().map(String::as_str);
    let signals = signal_aucs(&rows, &evidence, first_field.is_some());
    match args.output_format {
        EvalFormat::Text => {
            print!("{}", summary.render());
            if args.signals {
                print!(
                    "{}",
                    render_signal_aucs(&signals, first_field.unwrap_or("overall"))
                );
            }
        }
        EvalFormat::Json => {
            let mut value = serde_json::to_value(&summary).map_err(|e| e.to_string())?;
            if args.signals {
                value["signals"] = serde_json::to_value(&signals).map_err(|e| e.to_string())?;
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?
            );
        }
    }
    Ok(Exit::Success)
}

/// Each signal's own ROC AUC (its evidence, the subscore, as the score): overall
/// and, when `by_first_group`, per value of the first group field.
fn signal_aucs(rows: &[Scored], evidence: &[Vec<f64>], by_first_group: bool) -> SignalAucs {
    let mut values: Vec<Option<&str>> = vec![None];
    if by_first_group {
        let mut groups: Vec<&str> = rows.iter().map(|r| r.groups[0].as_str()).collect();
        groups.sort_unstable();
        groups.dedup();
        values.extend(groups.into_iter().map(Some));
    }
    let mut out = BTreeMap::new();
    for (j, info) in workslop_core::signal_infos().enumerate() {
        let mut by_group = BTreeMap::new();
        for value in &values {
            let (scores, labels): (Vec<f64>, Vec<bool>) = rows
                .iter()
                .zip(evidence)
                .filter(|(r, _)| value.is_none_or(|v| r.groups[0] == v))
                .map(|(r, e)| (e[j], r.positive))
                .unzip();
            by_group.insert(
                value.unwrap_or("overall").to_string(),
                roc_auc(&scores, &labels),
            );
        }
        out.insert(format!("{} {}", info.code, info.name), by_group);
    }
    out
}

fn render_signal_aucs(aucs: &SignalAucs, field: &str) -> String {
    let mut out = format!("\nEach signal's own ROC AUC, by {field}:\n");
    let Some(first) = aucs.values().next() else {
        return out;
    };
    let columns: Vec<&String> = first.keys().filter(|k| first[*k].is_some()).collect();
    out.push_str(&format!("{:<28}", "signal"));
    for c in &columns {
        out.push_str(&format!(" {:>9}", c.chars().take(9).collect::<String>()));
    }
    out.push('\n');
    for (signal, by_group) in aucs {
        out.push_str(&format!("{signal:<28}"));
        for c in &columns {
            out.push_str(&by_group[*c].map_or(format!(" {:>9}", "-"), |a| format!(" {a:>9.3}")));
        }
        out.push('\n');
    }
    out
}
