//! `workslop calibrate`: fits the signal weights, the bias and the thresholds on a labelled
//! corpus with grouped cross-validation, and writes them as a config file.
//!
//! Features are each signal's evidence (its subscore, already compressed like a logarithm), plus `ln(1 + words)` as a covariate: it takes up length effects while the
//! weights are fitted, then is folded into the bias at its mean, so the shipped score does not
//! reward or punish length itself.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use workslop_core::{LengthThresholds, Report, Thresholds, signal_infos};

use crate::args::CalibrateArgs;
use crate::exit::Exit;
use crate::settings::Settings;

use super::labelled::read_scored;
use super::logistic::{Model, Options, fit};
use super::metrics::threshold_for_fpr;
use super::summary::{Scored, Summary, describe_fail};

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
    let negatives: Vec<(usize, f64)> = examples
        .iter()
        .zip(&oof)
        .filter(|(e, _)| !e.positive)
        .filter(|(e, _)| {
            args.threshold_on
                .as_ref()
                .is_none_or(|(_, v)| e.kept.last() == Some(v))
        })
        .map(|(e, s)| (e.words, *s))
        .collect();
    if negatives.is_empty() {
        return Err("no negative rows match --threshold-on".into());
    }
    let bands = bands_by_length(&negatives, args.max_fpr);

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
    let thresholds = to_thresholds(&bands);
    let summary = Summary::new(&scored, &report_fields, &thresholds, lines, skipped);
    println!(
        "Cross-validated ({} folds by `{}`), out-of-fold scores, thresholds warn {} / fail {}:\n",
        fold_count,
        args.group_field,
        thresholds.warn,
        describe_fail(&thresholds)
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
    let bands = respect_must_pass(&args, &provenance, &model, &measured, bands)?;
    let toml = weights_file(&provenance, &model, &measured, &to_thresholds(&bands));
    std::fs::write(&args.out, toml).map_err(|e| format!("{}: {e}", args.out.display()))?;
    eprintln!("wrote {}", args.out.display());
    Ok(Exit::Success)
}

/// Upper word limits of the length groups with thresholds of their own ("below 20 words",
/// "below 50"); longer texts share the general thresholds. Scores of short texts sit lower,
/// since there is less room for evidence, so one threshold for all lengths would let almost
/// every short text pass and flag long careful copy.
const LENGTH_LIMITS: [usize; 3] = [20, 50, usize::MAX];
/// A length group needs this many negatives for thresholds of its own; with fewer it is pooled
/// with the next shorter group.
const MIN_GROUP_NEGATIVES: usize = 100;

/// The thresholds of each length group, shortest first; the last one (`below_words` of
/// `usize::MAX`) holds for every longer text.
type Bands = Vec<LengthThresholds>;

/// Per length group, the fail threshold lets through `max_fpr` of its negatives and warn three
/// times as many; a longer group never gets a lower threshold than a shorter one.
fn bands_by_length(negatives: &[(usize, f64)], max_fpr: f64) -> Bands {
    let mut groups: Vec<(usize, Vec<f64>)> =
        LENGTH_LIMITS.iter().map(|&l| (l, Vec::new())).collect();
    for &(words, score) in negatives {
        let i = LENGTH_LIMITS.iter().position(|&l| words < l).unwrap_or(0);
        groups[i].1.push(score);
    }
    let mut i = groups.len();
    while i > 1 {
        i -= 1;
        if groups[i].1.len() < MIN_GROUP_NEGATIVES {
            let (below, scores) = groups.remove(i);
            groups[i - 1].0 = below;
            groups[i - 1].1.extend(scores);
        }
    }
    if groups.len() > 1 && groups[0].1.len() < MIN_GROUP_NEGATIVES {
        let (_, scores) = groups.remove(0);
        groups[0].1.extend(scores);
    }
    let mut bands: Bands = groups
        .iter()
        .map(|(below, scores)| {
            let fail = round_up1(threshold_for_fpr(scores, max_fpr).clamp(0.0, 100.0));
            let warn =
                round_up1(threshold_for_fpr(scores, (max_fpr * 3.0).min(1.0)).clamp(0.0, fail));
            LengthThresholds {
                below_words: *below,
                warn,
                fail,
            }
        })
        .collect();
    make_monotone(&mut bands);
    bands
}

fn make_monotone(bands: &mut Bands) {
    for i in 1..bands.len() {
        bands[i].fail = bands[i].fail.max(bands[i - 1].fail);
        bands[i].warn = bands[i].warn.max(bands[i - 1].warn).min(bands[i].fail);
    }
}

fn to_thresholds(bands: &Bands) -> Thresholds {
    let (general, shorter) = bands.split_last().expect("at least one length group");
    Thresholds {
        warn: general.warn,
        fail: general.fail,
        shorter: shorter.to_vec(),
    }
}

/// Raises the fail threshold of a `--must-pass` file's length group above its score under the
/// fitted model (one point of margin), so that the copy the project promises to pass does.
fn respect_must_pass(
    args: &CalibrateArgs,
    provenance: &[String],
    model: &Model,
    measured: &[bool],
    mut bands: Bands,
) -> Result<Bands, String> {
    if args.must_pass.is_empty() {
        return Ok(bands);
    }
    let file = weights_file(provenance, model, measured, &to_thresholds(&bands));
    let config = workslop_core::Config::from_toml(&file, None).map_err(|e| e.to_string())?;
    let scorer = workslop_core::Scorer::new(config).map_err(|e| e.to_string())?;
    let selection = crate::files::Selection::new(&[], &[])?;
    let collected = crate::files::collect(&args.must_pass, &selection, false);
    if let Some(e) = collected.errors.first() {
        return Err(e.clone());
    }
    // The highest-scoring file of each length group.
    let mut highest: Vec<Option<(f64, String)>> = vec![None; bands.len()];
    for path in &collected.files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let report = scorer.score(&text, crate::files::format_of(path, None));
        let score = report.score.unwrap_or(0.0);
        let group = bands
            .iter()
            .position(|b| report.words < b.below_words)
            .unwrap_or(bands.len() - 1);
        let top = &mut highest[group];
        if top.as_ref().is_none_or(|(h, _)| score > *h) {
            *top = Some((score, path.display().to_string()));
        }
    }
    let files = collected.files.len();
    let mut raised = false;
    for (band, top) in bands.iter_mut().zip(&highest) {
        let Some((top, path)) = top else { continue };
        let needed = round_up1(top + 1.0);
        let group = match band.below_words {
            usize::MAX => "the longest texts".to_string(),
            l => format!("texts below {l} words"),
        };
        if needed > band.fail {
            println!(
                "\nA --must-pass file scores {top:.1} ({path}): the fail threshold for {group} is raised from {} to {needed}.",
                band.fail
            );
            band.fail = needed;
            band.warn = band.warn.min(needed);
            raised = true;
        }
    }
    make_monotone(&mut bands);
    if !raised {
        println!(
            "\nThe {files} --must-pass files all score below the fail threshold of their length."
        );
    }
    Ok(bands)
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
    thresholds: &Thresholds,
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
    let _ = writeln!(
        out,
        "\n[thresholds]\nwarn = {}\nfail = {}",
        thresholds.warn, thresholds.fail
    );
    for t in &thresholds.shorter {
        let _ = writeln!(
            out,
            "\n[[thresholds.shorter]]\nbelow-words = {}\nwarn = {}\nfail = {}",
            t.below_words, t.warn, t.fail
        );
    }
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
            "Folds by `{}` ({folds}), balanced by `{}`, L2 {}, fail threshold at {}% false positives{on}, per length group.",
            args.group_field,
            args.balance_field.as_deref().unwrap_or("label"),
            args.l2,
            (args.max_fpr * 1000.0).round() / 10.0
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
        let thresholds = Thresholds {
            warn: 33.3,
            fail: 55.5,
            shorter: vec![LengthThresholds {
                below_words: 20,
                warn: 22.2,
                fail: 44.4,
            }],
        };
        let text = weights_file(&["made by a test".into()], &model, &measured, &thresholds);
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
        assert_eq!(config.thresholds, thresholds);
        assert!(Scorer::new(config).is_ok());
    }

    #[test]
    fn each_length_group_gets_the_thresholds_of_its_own_negatives() {
        // Short texts score 0-99 (as i / 10), longer ones 50-99.9 and 60-99.9: the 5% points
        // differ, the group of 30 long texts is too small and joins the medium one.
        let mut negatives: Vec<(usize, f64)> =
            (0..1000).map(|i| (10, f64::from(i) / 10.0)).collect();
        negatives.extend((0..500).map(|i| (30, 50.0 + f64::from(i) / 10.0)));
        negatives.extend((0..30).map(|i| (300, 99.0 - f64::from(i) / 100.0)));
        let bands = bands_by_length(&negatives, 0.05);
        assert_eq!(bands.len(), 2, "{bands:?}");
        assert_eq!(bands[0].below_words, 20);
        assert!((bands[0].fail - 95.0).abs() < 0.2, "{bands:?}");
        assert_eq!(bands[1].below_words, usize::MAX);
        assert!(bands[1].fail > 97.0, "{bands:?}");
        let t = to_thresholds(&bands);
        assert_eq!(t.for_length(19).1, bands[0].fail);
        assert_eq!(t.for_length(20).1, bands[1].fail);
        assert_eq!(t.for_length(5000).1, bands[1].fail);
    }

    #[test]
    fn a_longer_group_never_gets_a_lower_threshold() {
        let mut negatives: Vec<(usize, f64)> =
            (0..200).map(|i| (10, 60.0 + f64::from(i) / 10.0)).collect();
        negatives.extend((0..200).map(|i| (100, f64::from(i) / 10.0)));
        let bands = bands_by_length(&negatives, 0.05);
        assert_eq!(
            bands.len(),
            2,
            "the empty middle group joins the short one: {bands:?}"
        );
        assert_eq!(bands[0].below_words, 50);
        assert!(
            bands.windows(2).all(|w| w[1].fail >= w[0].fail),
            "{bands:?}"
        );
        assert!(bands.iter().all(|b| b.warn <= b.fail), "{bands:?}");
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
