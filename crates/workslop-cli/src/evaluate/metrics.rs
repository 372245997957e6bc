//! Detection metrics: ROC AUC with ties, true-positive rate at a false-positive rate,
//! confusion counts, and a calibration table.

use serde::Serialize;

/// ROC AUC: the probability that a random positive scores above a random negative, ties
/// counting one half (the Mann-Whitney statistic). `None` without both classes.
pub fn roc_auc(scores: &[f64], positive: &[bool]) -> Option<f64> {
    let n_pos = positive.iter().filter(|&&p| p).count();
    let n_neg = positive.len() - n_pos;
    if n_pos == 0 || n_neg == 0 {
        return None;
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    // Sum of the positives' ranks, ties given their average rank.
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && scores[order[j + 1]] == scores[order[i]] {
            j += 1;
        }
        let average_rank = (i + j) as f64 / 2.0 + 1.0;
        rank_sum += average_rank * order[i..=j].iter().filter(|&&k| positive[k]).count() as f64;
        i = j + 1;
    }
    let n_pos = n_pos as f64;
    Some((rank_sum - n_pos * (n_pos + 1.0) / 2.0) / (n_pos * n_neg as f64))
}

/// The highest true-positive rate whose false-positive rate is at most `max_fpr`, with the
/// threshold that gives it (flag when score >= threshold).
pub fn tpr_at_fpr(scores: &[f64], positive: &[bool], max_fpr: f64) -> Option<(f64, f64)> {
    let negatives: Vec<f64> = scores
        .iter()
        .zip(positive)
        .filter(|(_, p)| !**p)
        .map(|(s, _)| *s)
        .collect();
    let n_pos = positive.iter().filter(|&&p| p).count();
    if negatives.is_empty() || n_pos == 0 {
        return None;
    }
    let threshold = threshold_for_fpr(&negatives, max_fpr);
    let tp = scores
        .iter()
        .zip(positive)
        .filter(|(s, p)| **p && **s >= threshold)
        .count();
    Some((tp as f64 / n_pos as f64, threshold))
}

/// The lowest threshold at which at most `max_fpr` of `negatives` score at or above it.
pub fn threshold_for_fpr(negatives: &[f64], max_fpr: f64) -> f64 {
    let mut sorted = negatives.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let allowed = (max_fpr * sorted.len() as f64).floor() as usize;
    // Flagging everything above the (allowed+1)-th highest negative keeps `allowed` negatives.
    match sorted.get(allowed) {
        Some(&s) => next_up(s),
        None => f64::NEG_INFINITY,
    }
}

fn next_up(x: f64) -> f64 {
    if x.is_finite() {
        x + 1e-9 * x.abs().max(1.0)
    } else {
        x
    }
}

/// Counts at a threshold (flag when score >= threshold).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Confusion {
    pub true_positives: usize,
    pub false_positives: usize,
    pub true_negatives: usize,
    pub false_negatives: usize,
}

impl Confusion {
    /// The counts given which rows were flagged.
    pub fn of(flagged: &[bool], positive: &[bool]) -> Confusion {
        let mut c = Confusion::default();
        for (f, p) in flagged.iter().zip(positive) {
            match (*f, *p) {
                (true, true) => c.true_positives += 1,
                (true, false) => c.false_positives += 1,
                (false, false) => c.true_negatives += 1,
                (false, true) => c.false_negatives += 1,
            }
        }
        c
    }

    pub fn tpr(&self) -> Option<f64> {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn fpr(&self) -> Option<f64> {
        ratio(
            self.false_positives,
            self.false_positives + self.true_negatives,
        )
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// One score decile: how many rows, the mean predicted probability, the observed positive rate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CalibrationBin {
    pub low: f64,
    pub high: f64,
    pub rows: usize,
    pub predicted: f64,
    pub observed: f64,
}

/// Rows sorted by score and cut into ten equal-count bins (scores are 0-100).
pub fn calibration(scores: &[f64], positive: &[bool]) -> Vec<CalibrationBin> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    let n = order.len();
    (0..10)
        .filter_map(|d| {
            let bin = &order[d * n / 10..(d + 1) * n / 10];
            let (first, last) = (bin.first()?, bin.last()?);
            Some(CalibrationBin {
                low: scores[*first],
                high: scores[*last],
                rows: bin.len(),
                predicted: bin.iter().map(|&i| scores[i] / 100.0).sum::<f64>() / bin.len() as f64,
                observed: bin.iter().filter(|&&i| positive[i]).count() as f64 / bin.len() as f64,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_by_hand_with_ties() {
        // Perfect, reversed, all tied.
        assert_eq!(
            roc_auc(&[1.0, 2.0, 3.0, 4.0], &[false, false, true, true]),
            Some(1.0)
        );
        assert_eq!(
            roc_auc(&[4.0, 3.0, 2.0, 1.0], &[false, false, true, true]),
            Some(0.0)
        );
        assert_eq!(roc_auc(&[5.0; 4], &[false, true, false, true]), Some(0.5));
        // Pairs (pos, neg): (2,1) win, (2,2) tie, (2,3) loss, (4,*) three wins: (1 + .5 + 0 + 3) / 6.
        let auc = roc_auc(
            &[1.0, 2.0, 3.0, 2.0, 4.0],
            &[false, false, false, true, true],
        )
        .unwrap();
        assert!((auc - 4.5 / 6.0).abs() < 1e-12);
        assert_eq!(roc_auc(&[1.0, 2.0], &[true, true]), None);
    }

    #[test]
    fn tpr_at_fixed_fpr_by_hand() {
        let scores = [10.0, 20.0, 30.0, 40.0, 50.0, 35.0, 45.0, 60.0, 5.0, 70.0];
        let positive = [
            false, false, false, false, false, true, true, true, true, true,
        ];
        // 0% FPR: threshold just above 50, catches 60 and 70 of five positives.
        let (tpr, threshold) = tpr_at_fpr(&scores, &positive, 0.0).unwrap();
        assert!((tpr - 0.4).abs() < 1e-12 && threshold > 50.0 && threshold < 60.0);
        // 20% FPR: one negative (50) may be flagged; threshold just above 40: 45, 60, 70.
        let (tpr, _) = tpr_at_fpr(&scores, &positive, 0.2).unwrap();
        assert!((tpr - 0.6).abs() < 1e-12);
        let flagged: Vec<bool> = scores.iter().map(|s| *s >= 40.0).collect();
        let c = Confusion::of(&flagged, &positive);
        assert_eq!(
            (
                c.true_positives,
                c.false_positives,
                c.true_negatives,
                c.false_negatives
            ),
            (3, 2, 3, 2)
        );
        assert_eq!(c.fpr(), Some(0.4));
    }

    #[test]
    fn calibration_bins_split_evenly() {
        let scores: Vec<f64> = (0..100).map(f64::from).collect();
        let positive: Vec<bool> = (0..100).map(|i| i >= 50).collect();
        let bins = calibration(&scores, &positive);
        assert_eq!(bins.len(), 10);
        assert!(bins.iter().all(|b| b.rows == 10));
        assert_eq!(bins[0].observed, 0.0);
        assert_eq!(bins[9].observed, 1.0);
        assert!((bins[9].predicted - 0.945).abs() < 1e-9);
    }
}
