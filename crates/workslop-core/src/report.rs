//! The Report: what scoring one document returns, and its JSON shape.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Bumped whenever the same text and configuration could score differently.
pub const SCORE_VERSION: &str = "0.5.2";

/// The judgement of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Pass,
    Warn,
    Fail,
    /// Too few words to judge: `score` is null.
    TooShort,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
            Verdict::TooShort => "too-short",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
        }
    }
}

/// One piece of evidence, pointing at the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The signal's code and name: borrowed from the registry when scored, owned when read
    /// back from JSON.
    pub code: Cow<'static, str>,
    pub name: Cow<'static, str>,
    pub message: String,
    pub severity: Severity,
    /// Byte range into the original source.
    pub span: Span,
    /// 1-based line and character column of `span.start`.
    pub line: u32,
    pub column: u32,
    /// 1-based line and character column of `span.end`.
    pub end_line: u32,
    pub end_column: u32,
    pub suggestion: Option<Cow<'static, str>>,
}

/// What one signal measured and how much it moved the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignalReport {
    pub code: Cow<'static, str>,
    pub name: Cow<'static, str>,
    /// The raw measurement (its unit is in the signal's explanation); 0 when skipped.
    pub value: f64,
    /// In [0, 1]: 0 like careful human copy, 1 strongly workslop.
    pub subscore: f64,
    /// The weight in the score's logit.
    pub weight: f64,
    /// Score points this signal added: the score minus the score without it.
    pub contribution: f64,
    /// In [0, 1]: how much evidence the text gave this signal.
    pub confidence: f64,
    /// Why the signal did not run, when it did not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
    /// Further raw counts, under names borrowed from the signal when scored.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub details: BTreeMap<Cow<'static, str>, f64>,
}

/// The result of scoring one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// 0-100, higher is more workslop; null when the text is too short to judge.
    pub score: Option<f64>,
    pub verdict: Verdict,
    /// ISO 639-1 code, or `und` when undetermined.
    pub lang: String,
    pub score_version: String,
    pub words: usize,
    pub sentences: usize,
    pub signals: Vec<SignalReport>,
    pub findings: Vec<Finding>,
}

impl Report {
    /// The signals sorted by contribution, largest first, leaving out those that added nothing.
    pub fn top_contributors(&self) -> Vec<&SignalReport> {
        let mut top: Vec<&SignalReport> = self
            .signals
            .iter()
            .filter(|s| s.contribution >= 0.05)
            .collect();
        top.sort_by(|a, b| {
            b.contribution
                .total_cmp(&a.contribution)
                .then_with(|| a.code.cmp(&b.code))
        });
        top
    }

    pub fn signal(&self, name_or_code: &str) -> Option<&SignalReport> {
        self.signals
            .iter()
            .find(|s| s.name == name_or_code || s.code == name_or_code)
    }
}

/// Rounds for a stable, readable JSON shape; non-finite values become 0.
pub(crate) fn round(x: f64, decimals: i32) -> f64 {
    if !x.is_finite() {
        return 0.0;
    }
    let factor = 10f64.powi(decimals);
    let r = (x * factor).round() / factor;
    if r == 0.0 { 0.0 } else { r }
}
