//! The shipped score model: the bias, weights and thresholds that `workslop calibrate` fitted,
//! embedded from `data/model.toml` (a config file like any other).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::signals::SignalInfo;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub bias: f64,
    pub weights: BTreeMap<String, f64>,
    pub thresholds: ModelThresholds,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelThresholds {
    pub warn: f64,
    pub fail: f64,
    #[serde(default)]
    pub shorter: Vec<crate::config::LengthThresholds>,
}

const SHIPPED: &str = include_str!("../data/model.toml");

/// The shipped model. A test keeps the file valid; should it ever not parse, the signals'
/// anchored weights and fixed thresholds stand in.
pub fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        toml::from_str(SHIPPED).unwrap_or_else(|_| Model {
            bias: -3.0,
            weights: BTreeMap::new(),
            thresholds: ModelThresholds {
                warn: 40.0,
                fail: 60.0,
                shorter: Vec::new(),
            },
        })
    })
}

/// A signal's weight when the configuration sets none: the shipped model's, else the anchored
/// weight the signal was designed with (a signal newer than the last calibration).
pub fn default_weight(info: &SignalInfo) -> f64 {
    let weights = &shipped().weights;
    weights
        .get(info.name)
        .or_else(|| weights.get(info.code))
        .copied()
        .unwrap_or(info.default_weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_parses_and_names_known_signals() {
        let model: Model = toml::from_str(SHIPPED).expect("data/model.toml parses");
        for name in model.weights.keys() {
            assert!(
                crate::signals::lookup(name).is_some(),
                "unknown signal `{name}` in model.toml"
            );
        }
        assert!(model.bias.is_finite() && model.thresholds.warn <= model.thresholds.fail);
        assert!(
            crate::Config::from_toml(SHIPPED, None).is_ok(),
            "model.toml must also load as a config file"
        );
    }
}
