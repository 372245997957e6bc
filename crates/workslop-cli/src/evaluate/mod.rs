//! `workslop eval` and `workslop calibrate`: measuring detection quality on labelled text, and
//! fitting the score's weights and thresholds to it.

pub mod calibrate;
pub mod eval;
mod labelled;
mod logistic;
mod metrics;
mod summary;
