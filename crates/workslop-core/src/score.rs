//! Combining sub-scores into the 0-100 score.
//!
//! Each signal's evidence is its subscore `x`; the score is
//! `100 * sigmoid(bias + sum(weight * x))`. A signal's contribution is the score minus the score
//! it would be without that signal's term, in points.
//!
//! Confidence is reported but not multiplied in: it grows with length, and length separates
//! the labels in opposite directions from one corpus to the next, so evidence scaled by it
//! generalised worst to unseen sources (docs/quality.md, "Why confidence is not in the score").

use crate::signals::Outcome;

#[derive(Debug, Clone, PartialEq)]
pub struct Combined {
    pub score: f64,
    /// Per signal, in the order given.
    pub contributions: Vec<f64>,
}

pub fn combine<'a>(bias: f64, signals: impl Iterator<Item = (f64, &'a Outcome)>) -> Combined {
    let terms: Vec<f64> = signals
        .map(|(weight, outcome)| match outcome {
            Outcome::Measured(m) => weight * evidence(m.subscore),
            Outcome::Skipped(_) => 0.0,
        })
        .collect();
    let logit = bias + terms.iter().sum::<f64>();
    let score = 100.0 * sigmoid(logit);
    let contributions = terms
        .iter()
        .map(|t| score - 100.0 * sigmoid(logit - t))
        .collect();
    Combined {
        score,
        contributions,
    }
}

/// Clamps to [0, 1], mapping NaN to 0, so no NaN ever reaches a score.
fn evidence(x: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::Measurement;

    fn measured(subscore: f64, confidence: f64) -> Outcome {
        Outcome::Measured(Measurement {
            subscore,
            confidence,
            ..Measurement::default()
        })
    }

    #[test]
    fn no_evidence_gives_the_bias_and_contributions_are_points() {
        let skipped = Outcome::Skipped("x");
        let c = combine(-3.0, [(4.0, &skipped)].into_iter());
        assert!((c.score - 100.0 * sigmoid(-3.0)).abs() < 1e-9);
        assert_eq!(c.contributions, [0.0]);
        let strong = measured(1.0, 1.0);
        let weak = measured(0.25, 0.5);
        let c = combine(-3.0, [(4.0, &strong), (2.0, &weak)].into_iter());
        assert!((c.score - 100.0 * sigmoid(1.5)).abs() < 1e-9);
        assert!((c.contributions[0] - (c.score - 100.0 * sigmoid(-2.5))).abs() < 1e-9);
        assert!(c.contributions[0] > c.contributions[1] && c.contributions[1] > 0.0);
    }

    #[test]
    fn nan_and_out_of_range_evidence_cannot_escape() {
        let bad = measured(f64::NAN, 7.0);
        let c = combine(-3.0, [(4.0, &bad)].into_iter());
        assert!(c.score.is_finite() && (0.0..=100.0).contains(&c.score));
    }
}
