//! `workslop rules` and `workslop explain`.

use std::io::Write;

use serde_json::json;
use workslop_core::{signal_info, signal_infos};

use crate::args::{RulesArgs, RulesFormat};
use crate::exit::Exit;

pub fn rules(args: &RulesArgs) -> Result<Exit, String> {
    let mut out = std::io::stdout().lock();
    let written = match args.output_format {
        RulesFormat::Json => {
            let list: Vec<_> = signal_infos()
                .map(|i| json!({"code": i.code, "name": i.name, "summary": i.summary, "default_weight": workslop_core::model::default_weight(i)}))
                .collect();
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&list).unwrap_or_default()
            )
        }
        RulesFormat::Table => {
            let width = signal_infos().map(|i| i.name.len()).max().unwrap_or(4);
            let mut text = format!(
                "{:<6} {:<width$} {:>6}  SUMMARY\n",
                "CODE", "NAME", "WEIGHT"
            );
            for i in signal_infos() {
                text.push_str(&format!(
                    "{:<6} {:<width$} {:>6.2}  {}\n",
                    i.code,
                    i.name,
                    workslop_core::model::default_weight(i),
                    i.summary
                ));
            }
            out.write_all(text.as_bytes())
        }
    };
    written.map_err(|e| e.to_string())?;
    Ok(Exit::Success)
}

pub fn explain(code: &str) -> Result<Exit, String> {
    match signal_info(code) {
        Some(i) => {
            println!(
                "# {} {}\n\n{}\n\nDefault weight: {}\n\n{}",
                i.code,
                i.name,
                i.summary,
                workslop_core::model::default_weight(i),
                i.explanation.trim_end()
            );
            Ok(Exit::Success)
        }
        None => {
            let mut candidates: Vec<(usize, String)> = signal_infos()
                .flat_map(|i| {
                    [i.code, i.name].map(|key| {
                        (
                            distance(&code.to_ascii_lowercase(), &key.to_ascii_lowercase()),
                            format!("{} ({})", i.code, i.name),
                        )
                    })
                })
                .collect();
            candidates.sort();
            candidates.dedup_by(|a, b| a.1 == b.1);
            let closest: Vec<String> = candidates.into_iter().take(3).map(|(_, c)| c).collect();
            Err(format!(
                "unknown rule `{code}`; the closest are: {}. `workslop rules` lists them all.",
                closest.join(", ")
            ))
        }
    }
}

/// Levenshtein distance.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn edit_distance() {
        assert_eq!(distance("ws101", "ws101"), 0);
        assert_eq!(distance("ws110", "ws101"), 2);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
