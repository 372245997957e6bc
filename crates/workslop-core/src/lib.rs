//! workslop-core: scores marketing copy for workslop (generic, low-substance, AI-style text)
//! and returns the evidence.
//!
//! ```
//! use workslop_core::{Config, Format, Scorer};
//!
//! let scorer = Scorer::new(Config::default()).unwrap();
//! let report = scorer.score("In today's fast-paced world, unlock your full potential.", Format::Text);
//! assert!(report.findings.iter().any(|f| f.code == "WS101"));
//! ```

pub mod bands;
mod collapsed;
pub mod config;
mod document;
mod han;
mod interleaved;
mod intern;
pub mod language;
pub mod lexicon;
mod line_index;
mod list_items;
mod locate;
pub mod lowercase;
pub mod markup;
mod masks;
pub mod model;
mod phrase_dfa;
pub mod report;
mod score;
mod scorer;
pub mod sentences;
mod shape;
pub mod signals;
mod span;
mod suppress;
pub mod words;

pub use config::{Config, ConfigError, LengthThresholds, Thresholds};
pub use document::Document;
pub use line_index::{LineCol, LineIndex};
pub use markup::Format;
pub use report::{Finding, Report, SCORE_VERSION, Severity, SignalReport, Verdict};
pub use scorer::{InputError, Scorer};
pub use signals::{REGISTRY, SignalInfo};
pub use span::Span;

/// Every signal's description, sorted by code.
pub fn signal_infos() -> impl Iterator<Item = &'static SignalInfo> {
    REGISTRY.iter().map(|s| s.info())
}

/// The description of the signal with this code or name.
pub fn signal_info(code_or_name: &str) -> Option<&'static SignalInfo> {
    signals::lookup(code_or_name).map(|s| s.info())
}
