//! Regularised logistic regression with optional non-negativity constraints: a small convex
//! problem, solved by accelerated projected gradient descent on standardised features.

/// A fitted model in the features' original units: `p = sigmoid(bias + weights · x)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bias: f64,
    pub weights: Vec<f64>,
}

impl Model {
    pub fn logit(&self, x: &[f64]) -> f64 {
        self.bias + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>()
    }

    pub fn probability(&self, x: &[f64]) -> f64 {
        sigmoid(self.logit(x))
    }
}

pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// How to fit.
#[derive(Debug, Clone)]
pub struct Options {
    /// L2 penalty on the standardised weights (not the bias).
    pub l2: f64,
    /// Per feature: constrain its weight to be >= 0.
    pub non_negative: Vec<bool>,
    pub max_iterations: usize,
}

/// Fits `rows` (feature vectors) to `labels` with per-row `sample_weights`.
pub fn fit(rows: &[Vec<f64>], labels: &[bool], sample_weights: &[f64], options: &Options) -> Model {
    let d = rows.first().map_or(0, Vec::len);
    let total: f64 = sample_weights.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let (mean, scale) = standardisation(rows, sample_weights, total, d);
    let z: Vec<Vec<f64>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .map(|(j, v)| (v - mean[j]) / scale[j])
                .collect()
        })
        .collect();
    // Lipschitz bound of the mean log-loss gradient for standardised features plus a bias.
    let step = 1.0 / (0.25 * (d as f64 + 1.0) + options.l2);
    let mut beta = vec![0.0; d + 1]; // [bias, w...]
    let mut momentum = beta.clone();
    let mut t = 1.0f64;
    for _ in 0..options.max_iterations {
        let gradient = gradient(&z, labels, sample_weights, total, &momentum, options.l2);
        let mut next: Vec<f64> = momentum
            .iter()
            .zip(&gradient)
            .map(|(b, g)| b - step * g)
            .collect();
        for j in 0..d {
            if options.non_negative.get(j).copied().unwrap_or(false) && next[j + 1] < 0.0 {
                next[j + 1] = 0.0;
            }
        }
        let t_next = (1.0 + (1.0 + 4.0 * t * t).sqrt()) / 2.0;
        let change: f64 = next.iter().zip(&beta).map(|(a, b)| (a - b).abs()).sum();
        momentum = next
            .iter()
            .zip(&beta)
            .map(|(n, b)| n + (t - 1.0) / t_next * (n - b))
            .collect();
        beta = next;
        t = t_next;
        if change < 1e-10 {
            break;
        }
    }
    let weights: Vec<f64> = (0..d).map(|j| beta[j + 1] / scale[j]).collect();
    let bias = beta[0]
        - (0..d)
            .map(|j| beta[j + 1] * mean[j] / scale[j])
            .sum::<f64>();
    Model { bias, weights }
}

fn standardisation(rows: &[Vec<f64>], w: &[f64], total: f64, d: usize) -> (Vec<f64>, Vec<f64>) {
    let mut mean = vec![0.0; d];
    for (r, wi) in rows.iter().zip(w) {
        for j in 0..d {
            mean[j] += wi * r[j] / total;
        }
    }
    let mut var = vec![0.0; d];
    for (r, wi) in rows.iter().zip(w) {
        for j in 0..d {
            var[j] += wi * (r[j] - mean[j]).powi(2) / total;
        }
    }
    let scale = var
        .iter()
        .map(|v| if *v > 1e-12 { v.sqrt() } else { 1.0 })
        .collect();
    (mean, scale)
}

fn gradient(
    z: &[Vec<f64>],
    labels: &[bool],
    w: &[f64],
    total: f64,
    beta: &[f64],
    l2: f64,
) -> Vec<f64> {
    let mut g = vec![0.0; beta.len()];
    for ((row, &y), wi) in z.iter().zip(labels).zip(w) {
        let logit = beta[0] + row.iter().zip(&beta[1..]).map(|(x, b)| x * b).sum::<f64>();
        let residual = wi * (sigmoid(logit) - f64::from(u8::from(y))) / total;
        g[0] += residual;
        for (gj, x) in g[1..].iter_mut().zip(row) {
            *gj += residual * x;
        }
    }
    for j in 1..beta.len() {
        g[j] += l2 * beta[j];
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no dependency.
    fn lcg(seed: &mut u64) -> f64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 11) as f64 / (1u64 << 53) as f64
    }

    fn synthetic(n: usize, truth: &Model) -> (Vec<Vec<f64>>, Vec<bool>) {
        let mut seed = 7;
        let rows: Vec<Vec<f64>> = (0..n)
            .map(|_| {
                (0..truth.weights.len())
                    .map(|j| lcg(&mut seed) * (j + 1) as f64)
                    .collect()
            })
            .collect();
        let labels = rows
            .iter()
            .map(|r| lcg(&mut seed) < truth.probability(r))
            .collect();
        (rows, labels)
    }

    #[test]
    fn recovers_known_weights() {
        let truth = Model {
            bias: -2.0,
            weights: vec![3.0, -1.0, 0.5],
        };
        let (rows, labels) = synthetic(40_000, &truth);
        let options = Options {
            l2: 0.0,
            non_negative: vec![false; 3],
            max_iterations: 5_000,
        };
        let fitted = fit(&rows, &labels, &vec![1.0; rows.len()], &options);
        for (got, want) in fitted.weights.iter().zip(&truth.weights) {
            assert!((got - want).abs() < 0.15, "{fitted:?}");
        }
        assert!((fitted.bias - truth.bias).abs() < 0.25, "{fitted:?}");
    }

    #[test]
    fn sign_constraints_hold_and_the_penalty_shrinks() {
        let truth = Model {
            bias: 0.0,
            weights: vec![2.0, -2.0],
        };
        let (rows, labels) = synthetic(5_000, &truth);
        let w = vec![1.0; rows.len()];
        let constrained = fit(
            &rows,
            &labels,
            &w,
            &Options {
                l2: 0.0,
                non_negative: vec![true, true],
                max_iterations: 3_000,
            },
        );
        assert!(
            constrained.weights[1] == 0.0 && constrained.weights[0] > 1.0,
            "{constrained:?}"
        );
        let free = fit(
            &rows,
            &labels,
            &w,
            &Options {
                l2: 0.0,
                non_negative: vec![false, false],
                max_iterations: 3_000,
            },
        );
        let shrunk = fit(
            &rows,
            &labels,
            &w,
            &Options {
                l2: 1.0,
                non_negative: vec![false, false],
                max_iterations: 3_000,
            },
        );
        assert!(shrunk.weights[0].abs() < free.weights[0].abs());
    }

    #[test]
    fn constant_features_do_not_break_the_fit() {
        let rows = vec![
            vec![1.0, 0.0],
            vec![1.0, 1.0],
            vec![1.0, 0.0],
            vec![1.0, 1.0],
        ];
        let labels = [false, true, false, true];
        let m = fit(
            &rows,
            &labels,
            &[1.0; 4],
            &Options {
                l2: 0.1,
                non_negative: vec![true, true],
                max_iterations: 2_000,
            },
        );
        assert!(m.weights.iter().chain([&m.bias]).all(|v| v.is_finite()));
        assert!(m.probability(&[1.0, 1.0]) > m.probability(&[1.0, 0.0]));
    }
}
