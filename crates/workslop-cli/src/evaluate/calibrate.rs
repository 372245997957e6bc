//! `workslop calibrate`: fits the signal weights, the bias and the thresholds on a labelled
//! corpus with grouped cross-validation, and writes them as a config file.
//!
//! Features are each signal's evidence (its subscore, already compressed like a logarithm), plus `ln(1 + words)` as a covariate: it takes up length effects while the
//! weights are fitted, then is folded into the bias at its mean, so the shipped score does not
//! reward or punish length itself.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use workslop_core::{Report, signal_infos};

use crate::args::CalibrateArgs;
use crate::exit::Exit;
use crate::settings::Settings;

use super::labelled::read_scored;
use super::logistic::{Model, Options, fit};
use super::metrics::threshold_for_fpr;
use super::summary::{Scored, Summary};

/// One row's features, label, weight and fields.
struct Example {
    features: Vec<f64>,
    positive: bool,
    words: usize,
    /// [group field, balance field, report-by fields...]
    kept: Vec<String>,
}

fn features(report: &Report) -> Vec<f64> {
    let mut x: Vec<f64> = report
        .signals
        .iter()
        .map(|s| if s.skipped.is_some() { 0.0 } else { s.subscore })
        .collect();
    x.push((1.0 + report.words as f64).ln());
    x
}

pub fn run(args: CalibrateArgs) -> Result<Exit, String> {
    let settings = Settings::new(&args.labels.scoring)?;
    let scorer = settings.for_path(Path::new("."))?;
    let min_words = scorer
        .config()
        .min_words
        .unwrap_or(workslop_core::config::DEFAULT_MIN_WORDS);
    let mut keep = vec![
        args.group_field.clone(),
        args.balance_field.clone().unwrap_or_default(),
    ];
    keep.extend(args.report_by.iter().filter(|f| !f.is_empty()).cloned());
    if let Some((field, _)) = &args.threshold_on {
        keep.push(field.clone());
    }
    let (examples, skipped, lines) =
        read_scored(&args.labels, keep.clone(), &scorer, |row| Example {
            features: features(&row.report),
            positive: row.positive,
            words: row.report.words,
            kept: row.kept,
        })
        .map_err(|e| e.to_string())?;
    let examples: Vec<Example> = examples
        .into_iter()
        .filter(|e| e.words >= min_words)
        .collect();
    if examples.iter().all(|e| e.positive) || examples.iter().all(|e| !e.positive) {
        return Err(format!(
            "{}: calibration needs both positive and negative rows",
            args.labels.labels.display()
        ));
    }
    let weights = sample_weights(&examples);
    let d = examples[0].features.len();
    let options = Options {
        l2: args.l2,
        non_negative: (0..d).map(|j| j + 1 < d).collect(),
        max_iterations: 4_000,
    };

    // Out-of-fold predictions: no group is in both the training and the validation folds.
    let folds = assign_folds(&examples, args.folds);
    let fold_count = folds.iter().copied().max().map_or(0, |m| m + 1);
    let mut oof = vec![0.0; examples.len()];
    for fold in 0..fold_count {
        let train: Vec<usize> = (0..examples.len()).filter(|&i| folds[i] != fold).collect();
        let model = shipped(
            &fit_on(&examples, &weights, &train, &options),
            &examples,
            &weights,
            &train,
        );
        for i in (0..examples.len()).filter(|&i| folds[i] == fold) {
            oof[i] = 100.0 * model.probability(&examples[i].features[..d - 1]);
        }
    }
    let everything: Vec<usize> = (0..examples.len()).collect();
    let full = fit_on(&examples, &weights, &everything, &options);
    let model = shipped(&full, &examples, &weights, &everything);

    // Thresholds from out-of-fold scores of the negatives (optionally only some of them).
    let negatives: Vec<f64> = examples
        .iter()
        .zip(&oof)
        .filter(|(e, _)| !e.positive)
        .filter(|(e, _)| {
            args.threshold_on
                .as_ref()
                .is_none_or(|(_, v)| e.kept.last() == Some(v))
        })
        .map(|(_, s)| *s)
        .collect();
    if negatives.is_empty() {
        return Err("no negative rows match --threshold-on".into());
    }
    let fail = round_up1(threshold_for_fpr(&negatives, args.max_fpr).clamp(0.0, 100.0));
    let warn =
        round_up1(threshold_for_fpr(&negatives, (args.max_fpr * 3.0).min(1.0)).clamp(0.0, fail));

    let report_fields: Vec<String> =
        keep[2..2 + args.report_by.iter().filter(|f| !f.is_empty()).count()].to_vec();
    let scored: Vec<Scored> = examples
        .iter()
        .zip(&oof)
        .map(|(e, s)| Scored {
            score: Some(*s),
            positive: e.positive,
            words: e.words,
            groups: e.kept[2..2 + report_fields.len()].to_vec(),
        })
        .collect();
    let summary = Summary::new(&scored, &report_fields, fail, lines, skipped);
    println!(
        "Cross-validated ({} folds by `{}`), out-of-fold scores, thresholds warn {warn} / fail {fail}:\n",
        fold_count, args.group_field
    );
    print!("{}", summary.render());

    let provenance = provenance(
        &args,
        examples.len(),
        full.weights[d - 1],
        summary.overall.roc_auc,
    );
    let measured: Vec<bool> = (0..d - 1)
        .map(|j| examples.iter().any(|e| e.features[j] != 0.0))
        .collect();
    let (warn, fail) = respect_must_pass(&args, &provenance, &model, &measured, warn, fail)?;
    let toml = weights_file(&provenance, &model, &measured, warn, fail);
    std::fs::write(&args.out, toml).map_err(|e| format!("{}: {e}", args.out.display()))?;
    eprintln!("wrote {}", args.out.display());
    Ok(Exit::Success)
}

/// Raises the thresholds above the scores of the `--must-pass` files under the fitted model,
/// so that the copy the project promises to pass does (one point of margin).
fn respect_must_pass(
    args: &CalibrateArgs,
    provenance: &[String],
    model: &Model,
    measured: &[bool],
    warn: f64,
    fail: f64,
) -> Result<(f64, f64), String> {
    if args.must_pass.is_empty() {
        return Ok((warn, fail));
    }
    let file = weights_file(provenance, model, measured, warn, fail);
    let config = workslop_core::Config::from_toml(&file, None).map_err(|e| e.to_string())?;
    let scorer = workslop_core::Scorer::new(config).map_err(|e| e.to_string())?;
    let selection = crate::files::Selection::new(&[], &[])?;
    let collected = crate::files::collect(&args.must_pass, &selection, false);
    if let Some(e) = collected.errors.first() {
        return Err(e.clone());
    }
    let mut highest: Option<(f64, String)> = None;
    for path in &collected.files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let score = scorer
            .score(&text, crate::files::format_of(path, None))
            .score
            .unwrap_or(0.0);
        if highest.as_ref().is_none_or(|(h, _)| score > *h) {
            highest = Some((score, path.display().to_string()));
        }
    }
    let Some((top, path)) = highest else {
        return Ok((warn, fail));
    };
    let files = collected.files.len();
    let needed = round_up1(top + 1.0);
    if needed <= fail {
        println!(
            "\nThe {files} --must-pass files score at most {top:.1} ({path}), below the fail threshold."
        );
        return Ok((warn, fail));
    }
    println!(
        "\nThe {files} --must-pass files score up to {top:.1} ({path}): fail threshold raised from {fail} to {needed}."
    );
    Ok((warn.min(needed), needed))
}

/// Each (balance value, label) cell weighs the same in total, so no source or class dominates.
fn sample_weights(examples: &[Example]) -> Vec<f64> {
    let mut counts: BTreeMap<(&str, bool), usize> = BTreeMap::new();
    for e in examples {
        *counts.entry((e.kept[1].as_str(), e.positive)).or_default() += 1;
    }
    let cells = counts.len() as f64;
    examples
        .iter()
        .map(|e| examples.len() as f64 / (cells * counts[&(e.kept[1].as_str(), e.positive)] as f64))
        .collect()
}

/// Folds by a stable hash of the group field; `folds == 0` gives each group value its own fold.
fn assign_folds(examples: &[Example], folds: usize) -> Vec<usize> {
    if folds == 0 {
        let mut values: Vec<&str> = examples.iter().map(|e| e.kept[0].as_str()).collect();
        values.sort_unstable();
        values.dedup();
        return examples
            .iter()
            .map(|e| values.binary_search(&e.kept[0].as_str()).unwrap_or(0))
            .collect();
    }
    examples
        .iter()
        .map(|e| (fnv1a(e.kept[0].as_bytes()) % folds as u64) as usize)
        .collect()
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}

fn fit_on(examples: &[Example], weights: &[f64], rows: &[usize], options: &Options) -> Model {
    let x: Vec<Vec<f64>> = rows.iter().map(|&i| examples[i].features.clone()).collect();
    let y: Vec<bool> = rows.iter().map(|&i| examples[i].positive).collect();
    let w: Vec<f64> = rows.iter().map(|&i| weights[i]).collect();
    fit(&x, &y, &w, options)
}

/// The model as shipped: the length covariate folded into the bias at its weighted mean.
fn shipped(model: &Model, examples: &[Example], weights: &[f64], rows: &[usize]) -> Model {
    let d = model.weights.len();
    let total: f64 = rows.iter().map(|&i| weights[i]).sum();
    let mean_length = rows
        .iter()
        .map(|&i| weights[i] * examples[i].features[d - 1])
        .sum::<f64>()
        / total;
    Model {
        bias: model.bias + model.weights[d - 1] * mean_length,
        weights: model.weights[..d - 1].to_vec(),
    }
}

/// Rounds a threshold up to one decimal, so rounding never lets more negatives through.
fn round_up1(x: f64) -> f64 {
    (x * 10.0).ceil() / 10.0
}

/// The config file: provenance comments, then `bias`, `[weights]` and `[thresholds]`. Signals
/// the data never triggered (`measured` false) are left out, so they keep the weight they were
/// designed with instead of a meaningless zero.
fn weights_file(
    provenance: &[String],
    model: &Model,
    measured: &[bool],
    warn: f64,
    fail: f64,
) -> String {
    let mut out: String = provenance.iter().map(|l| format!("# {l}\n")).collect();
    let unmeasured: Vec<&str> = signal_infos()
        .zip(measured)
        .filter(|(_, m)| !**m)
        .map(|(i, _)| i.name)
        .collect();
    if !unmeasured.is_empty() {
        let _ = writeln!(
            out,
            "# Never triggered in this data, so left at their designed weights: {}.",
            unmeasured.join(", ")
        );
    }
    out.push_str("# Load with `workslop check --config FILE` or `workslop.Scorer(\"FILE\")`.\n\n");
    let _ = writeln!(out, "bias = {:.4}\n\n[weights]", model.bias);
    for ((info, w), m) in signal_infos().zip(&model.weights).zip(measured) {
        if *m {
            let _ = writeln!(out, "{} = {w:.4}", info.name);
        }
    }
    let _ = writeln!(out, "\n[thresholds]\nwarn = {warn}\nfail = {fail}");
    out
}

fn provenance(
    args: &CalibrateArgs,
    rows: usize,
    length_weight: f64,
    auc: Option<f64>,
) -> Vec<String> {
    let file = args
        .labels
        .labels
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let folds = if args.folds == 0 {
        "one per value".to_string()
    } else {
        args.folds.to_string()
    };
    let on = args
        .threshold_on
        .as_ref()
        .map_or(String::new(), |(f, v)| format!(" on {f} = {v}"));
    vec![
        format!("Written by `workslop calibrate` from {file} ({rows} rows)."),
        format!(
            "Folds by `{}` ({folds}), balanced by `{}`, L2 {}, fail threshold at {:.0}% false positives{on}.",
            args.group_field,
            args.balance_field.as_deref().unwrap_or("label"),
            args.l2,
            args.max_fpr * 100.0
        ),
        format!(
            "Out-of-fold ROC AUC {}; length covariate weight {length_weight:.4} per ln(word), folded into the bias.",
            auc.map_or("-".into(), |a| format!("{a:.4}"))
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use workslop_core::{Config, Scorer};

    #[test]
    fn the_weights_file_round_trips_into_a_scorer() {
        let weights: Vec<f64> = signal_infos()
            .enumerate()
            .map(|(i, _)| 0.5 + i as f64)
            .collect();
        let model = Model {
            bias: -1.25,
            weights: weights.clone(),
        };
        let measured: Vec<bool> = weights.iter().map(|w| *w != 1.5).collect();
        let text = weights_file(&["made by a test".into()], &model, &measured, 33.3, 55.5);
        let config = Config::from_toml(&text, None).unwrap();
        assert_eq!(config.bias, Some(-1.25));
        for ((info, w), m) in signal_infos().zip(&weights).zip(&measured) {
            assert_eq!(
                config.weights.get(info.name),
                m.then_some(w),
                "{}",
                info.name
            );
        }
        assert!(text.contains("left at their designed weights"));
        assert_eq!(
            (config.thresholds.warn, config.thresholds.fail),
            (33.3, 55.5)
        );
        assert!(Scorer::new(config).is_ok());
    }

    #[test]
    fn folds_keep_groups_together() {
        let example = |g: &str| Example {
            features: vec![0.0],
            positive: false,
            words: 20,
            kept: vec![g.into(), String::new()],
        };
        let examples: Vec<Example> = ["a", "b", "a", "c", "b", "a"]
            .iter()
            .map(|g| example(g))
            .collect();
        for folds in [0, 2, 3] {
            let assigned = assign_folds(&examples, folds);
            for (i, e) in examples.iter().enumerate() {
                for (j, f) in examples.iter().enumerate() {
                    if e.kept[0] == f.kept[0] {
                        assert_eq!(assigned[i], assigned[j]);
                    }
                }
            }
        }
        assert_eq!(assign_folds(&examples, 0), [0, 1, 0, 2, 1, 0]);
    }
}
