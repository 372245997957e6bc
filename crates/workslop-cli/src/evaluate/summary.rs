//! Metrics of a scored, labelled corpus: overall, per group and per length bucket.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::labelled::{LENGTH_BUCKETS, length_bucket};
use super::metrics::{CalibrationBin, Confusion, calibration, roc_auc, tpr_at_fpr};
use workslop_core::Thresholds;

/// What evaluation keeps of one row.
#[derive(Debug, Clone)]
pub struct Scored {
    /// 0-100, or `None` when the text was too short to score.
    pub score: Option<f64>,
    pub positive: bool,
    pub words: usize,
    /// Values of the group-by fields, in order.
    pub groups: Vec<String>,
}

/// Detection metrics of one set of rows.
#[derive(Debug, Clone, Serialize)]
pub struct Metrics {
    pub rows: usize,
    pub positives: usize,
    pub negatives: usize,
    /// Rows too short to score (left out of every other number).
    pub unscored: usize,
    pub roc_auc: Option<f64>,
    pub tpr_at_1pct_fpr: Option<f64>,
    pub tpr_at_5pct_fpr: Option<f64>,
    /// Share of scored positives at or above the fail threshold.
    pub positives_flagged: Option<f64>,
    /// Share of scored negatives at or above the fail threshold.
    pub negatives_flagged: Option<f64>,
}

impl Metrics {
    pub fn of<'a>(rows: impl Iterator<Item = &'a Scored>, thresholds: &Thresholds) -> Metrics {
        let (mut scores, mut positive, mut unscored, mut n) = (Vec::new(), Vec::new(), 0, 0);
        let mut failed = Vec::new();
        for r in rows {
            n += 1;
            match r.score {
                Some(s) => {
                    scores.push(s);
                    positive.push(r.positive);
                    failed.push(s >= thresholds.for_length(r.words).1);
                }
                None => unscored += 1,
            }
        }
        let confusion = Confusion::of(&failed, &positive);
        Metrics {
            rows: n,
            positives: positive.iter().filter(|&&p| p).count(),
            negatives: positive.iter().filter(|&&p| !p).count(),
            unscored,
            roc_auc: roc_auc(&scores, &positive),
            tpr_at_1pct_fpr: tpr_at_fpr(&scores, &positive, 0.01).map(|t| t.0),
            tpr_at_5pct_fpr: tpr_at_fpr(&scores, &positive, 0.05).map(|t| t.0),
            positives_flagged: confusion.tpr(),
            negatives_flagged: confusion.fpr(),
        }
    }
}

/// The whole evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub lines: usize,
    pub skipped: usize,
    pub thresholds: Thresholds,
    pub overall: Metrics,
    pub confusion: Confusion,
    pub calibration: Vec<CalibrationBin>,
    /// Field name to value to metrics; always includes `length` (words; characters for zh/ja).
    pub groups: BTreeMap<String, BTreeMap<String, Metrics>>,
}

impl Summary {
    pub fn new(
        rows: &[Scored],
        group_fields: &[String],
        thresholds: &Thresholds,
        lines: usize,
        skipped: usize,
    ) -> Summary {
        let (scores, positive): (Vec<f64>, Vec<bool>) = rows
            .iter()
            .filter_map(|r| r.score.map(|s| (s, r.positive)))
            .unzip();
        let failed: Vec<bool> = rows
            .iter()
            .filter_map(|r| r.score.map(|s| s >= thresholds.for_length(r.words).1))
            .collect();
        let mut groups = BTreeMap::new();
        for (i, field) in group_fields.iter().enumerate() {
            let mut values: Vec<&str> = rows.iter().map(|r| r.groups[i].as_str()).collect();
            values.sort_unstable();
            values.dedup();
            let by_value = values
                .into_iter()
                .map(|v| {
                    (
                        v.to_string(),
                        Metrics::of(rows.iter().filter(|r| r.groups[i] == v), thresholds),
                    )
                })
                .collect();
            groups.insert(field.clone(), by_value);
        }
        let by_length = LENGTH_BUCKETS
            .iter()
            .map(|b| {
                (
                    b.to_string(),
                    Metrics::of(
                        rows.iter().filter(|r| length_bucket(r.words) == *b),
                        thresholds,
                    ),
                )
            })
            .filter(|(_, m)| m.rows > 0)
            .collect();
        groups.insert("length".into(), by_length);
        Summary {
            lines,
            skipped,
            thresholds: thresholds.clone(),
            overall: Metrics::of(rows.iter(), thresholds),
            confusion: Confusion::of(&failed, &positive),
            calibration: calibration(&scores, &positive),
            groups,
        }
    }

    /// A plain-text report.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} lines: {} rows, {} skipped (no text or label), {} too short to score\n",
            self.lines, self.overall.rows, self.skipped, self.overall.unscored
        );
        let header = format!(
            "{:<40} {:>6} {:>6} {:>6} {:>6} {:>8} {:>8} {:>7} {:>7}",
            "group", "rows", "pos", "neg", "AUC", "TPR@1%", "TPR@5%", "pos>=F", "neg>=F"
        );
        let _ = writeln!(out, "{header}");
        let _ = writeln!(out, "{}", line("overall", &self.overall));
        for (field, values) in &self.groups {
            let _ = writeln!(out, "by {field}:");
            for (value, m) in values {
                let name = if value.is_empty() { "(none)" } else { value };
                let _ = writeln!(out, "{}", line(&format!("  {name}"), m));
            }
        }
        let c = &self.confusion;
        let _ = writeln!(
            out,
            "\nAt the fail threshold {}: TP {} FP {} TN {} FN {} (pos>=F: share of positives flagged; neg>=F: of negatives)",
            describe_fail(&self.thresholds),
            c.true_positives,
            c.false_positives,
            c.true_negatives,
            c.false_negatives
        );
        let _ = writeln!(
            out,
            "\nCalibration (score deciles): {:>13} {:>6} {:>9} {:>8}",
            "scores", "rows", "predicted", "observed"
        );
        for b in &self.calibration {
            let _ = writeln!(
                out,
                "{:>42} {:>6} {:>9.3} {:>8.3}",
                format!("{:.1}-{:.1}", b.low, b.high),
                b.rows,
                b.predicted,
                b.observed
            );
        }
        out
    }
}

fn line(name: &str, m: &Metrics) -> String {
    let f = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.3}"));
    let name: String = name.chars().take(40).collect();
    format!(
        "{:<40} {:>6} {:>6} {:>6} {:>6} {:>8} {:>8} {:>7} {:>7}",
        name,
        m.rows,
        m.positives,
        m.negatives,
        f(m.roc_auc),
        f(m.tpr_at_1pct_fpr),
        f(m.tpr_at_5pct_fpr),
        f(m.positives_flagged),
        f(m.negatives_flagged)
    )
}

/// "63.3", or "63.3 (50.7 below 20 words)" when shorter texts have their own.
pub fn describe_fail(thresholds: &Thresholds) -> String {
    let mut shorter = thresholds.shorter.clone();
    shorter.sort_by_key(|t| t.below_words);
    let parts: Vec<String> = shorter
        .iter()
        .map(|t| format!("{} below {} words", t.fail, t.below_words))
        .collect();
    if parts.is_empty() {
        thresholds.fail.to_string()
    } else {
        format!("{} ({})", thresholds.fail, parts.join(", "))
    }
}
