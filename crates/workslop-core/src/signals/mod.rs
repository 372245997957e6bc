//! Signals: each measures one tell of workslop and explains itself.
//!
//! A signal reads the [`Document`], pushes findings (spans with messages) and returns a
//! sub-score in [0, 1] (0: like careful human copy, 1: strongly workslop) with a confidence
//! in [0, 1] that grows with the evidence available, usually the text's length.

mod ai_vocabulary;
mod articles;
mod brand_terms;
mod chat_residue;
mod contrast;
mod dashes;
mod formatting;
mod forward_search;
mod lazy_regex;
mod participles;
mod punctuation;
mod repetition;
mod rhythm;
mod specificity;
mod stock_frames;
mod stock_phrases;
mod tricolons;
mod typography;
mod unsupported_claims;
mod vocabulary;

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::document::Document;
use crate::lexicon::{Hit, Matcher};
use crate::report::Severity;
use crate::span::Span;
use crate::suppress::Suppressions;

pub use articles::Articles;
pub use brand_terms::BrandTerms;

/// What a signal is, for the registry, `rules` and `explain`.
#[derive(Debug)]
pub struct SignalInfo {
    /// Stable code, never reused (`WS101`).
    pub code: &'static str,
    /// Stable kebab-case name (`stock-phrases`).
    pub name: &'static str,
    pub summary: &'static str,
    /// Markdown: what it finds, why it matters, an example, what to write instead.
    pub explanation: &'static str,
    /// The weight the signal was designed with, used until a calibration (`data/model.toml`)
    /// gives it one; see [`crate::model::default_weight`].
    pub default_weight: f64,
}

/// What a signal measured.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Measurement {
    /// The raw quantity, in the unit its explanation names.
    pub value: f64,
    pub subscore: f64,
    pub confidence: f64,
    /// Further raw counts worth reporting.
    pub details: BTreeMap<&'static str, f64>,
}

/// A signal either measured the document or says why it could not.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Measured(Measurement),
    Skipped(&'static str),
}

/// Per-language resources shared by all documents of that language.
#[derive(Debug)]
pub struct LanguageResources {
    pub lexicon: Matcher,
    /// Stock sentence-opening transitions, each as lowercase words.
    pub transitions: Vec<Vec<String>>,
    pub articles: Articles,
}

/// A piece of the work of readying what scoring needs, which any thread can do.
pub(crate) type Job<'a> = Box<dyn Fn() + Send + Sync + 'a>;

fn job(work: impl Fn() + Send + Sync + 'static) -> Job<'static> {
    Box::new(work)
}

/// Compiling the patterns the signals search text in `language` with, which they would
/// otherwise compile one by one on first use: a job per pattern or small group, the costly
/// ones first (for English about 4 ms of contrast frames, 2 of figures, 1.4 of chat residue;
/// for the other spaced languages 7 of the Unicode tricolon pattern).
pub(crate) fn preparations(
    language: Option<&'static crate::language::Language>,
) -> Vec<Job<'static>> {
    let lang = language.map_or(crate::language::UNDETERMINED, |l| l.code);
    let character_based = language.is_some_and(|l| l.is_character_based());
    let mut jobs = tricolons::preparations(lang, character_based);
    jobs.extend(specificity::preparations());
    jobs.extend(contrast::preparations(lang));
    jobs.extend(chat_residue::preparations(lang));
    jobs.extend(unsupported_claims::preparations(lang));
    jobs.extend(stock_frames::preparations(lang));
    jobs
}

/// What a signal reads.
#[derive(Debug)]
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    /// `None` when the language is undetermined or has no data.
    pub language: Option<&'a LanguageResources>,
    pub brand_terms: &'a BrandTerms,
    /// Lowercase phrases the project allows.
    pub allowed: &'a rustc_hash::FxHashSet<String>,
    /// The lexicon's hits, found once for every signal that reads them.
    hits: std::sync::OnceLock<Vec<Hit>>,
    /// The concrete details (figures, names...), found once for every signal that reads them.
    details: std::sync::OnceLock<Vec<specificity::Detail>>,
}

impl<'a> Context<'a> {
    pub fn new(
        doc: &'a Document<'a>,
        language: Option<&'a LanguageResources>,
        brand_terms: &'a BrandTerms,
        allowed: &'a rustc_hash::FxHashSet<String>,
    ) -> Self {
        Context {
            doc,
            language,
            brand_terms,
            allowed,
            hits: std::sync::OnceLock::new(),
            details: std::sync::OnceLock::new(),
        }
    }

    /// Every concrete detail (figure, date, name, link...) in text order.
    pub(in crate::signals) fn details(&self) -> &[specificity::Detail] {
        self.details.get_or_init(|| specificity::find_details(self))
    }

    /// Finds the details and the lexicon hits, both at once, for the signals that read them
    /// (see [`reads_shared`]).
    pub(crate) fn find_shared(&self) {
        rayon::join(|| _ = self.details(), || _ = self.lexicon_hits());
    }

    /// Whether the details and the lexicon hits have been found.
    #[cfg(test)]
    pub(crate) fn found_shared(&self) -> (bool, bool) {
        (self.details.get().is_some(), self.hits.get().is_some())
    }

    /// Every whole-word hit of the language's lexicon (none without a lexicon).
    pub fn lexicon_hits(&self) -> &[Hit] {
        self.hits.get_or_init(|| {
            let mut hits = Vec::new();
            if let Some(language) = self.language {
                language.lexicon.find(&self.doc.collapsed, &mut hits);
            }
            hits
        })
    }
}

/// Whether the signal with this code reads what [`Context::find_shared`] finds: measured in
/// parallel, such signals wait until it is found, rather than one thread sitting blocked
/// while another finds it. A test keeps the list whole.
pub(crate) fn reads_shared(code: &str) -> bool {
    matches!(code, "WS101" | "WS103" | "WS302" | "WS303" | "WS405")
}

/// A finding before line and column are known.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFinding {
    pub code: &'static str,
    pub name: &'static str,
    pub span: Span,
    pub severity: Severity,
    pub message: String,
    pub suggestion: Option<Cow<'static, str>>,
}

/// Collects a signal's findings, dropping those suppressed inline.
#[derive(Debug)]
pub struct Findings<'a> {
    info: &'static SignalInfo,
    suppressions: &'a Suppressions,
    pub items: Vec<RawFinding>,
}

impl<'a> Findings<'a> {
    pub fn new(info: &'static SignalInfo, suppressions: &'a Suppressions) -> Self {
        Findings {
            info,
            suppressions,
            items: Vec::new(),
        }
    }

    /// Records a finding; returns false (and drops it) when it is suppressed, so that the
    /// signal does not count it either.
    pub fn push(
        &mut self,
        span: Span,
        severity: Severity,
        message: String,
        suggestion: Option<Cow<'static, str>>,
    ) -> bool {
        if self
            .suppressions
            .suppresses(self.info.code, span.start as usize)
        {
            return false;
        }
        self.items.push(RawFinding {
            code: self.info.code,
            name: self.info.name,
            span,
            severity,
            message,
            suggestion,
        });
        true
    }
}

/// One signal.
pub trait Signal: Send + Sync {
    fn info(&self) -> &'static SignalInfo;
    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome;
}

/// Every signal, sorted by code.
pub static REGISTRY: &[&dyn Signal] = &[
    &stock_phrases::StockPhrases,
    &vocabulary::FlatVocabulary,
    &ai_vocabulary::AiVocabulary,
    &repetition::Repetition,
    &brand_terms::MissingBrandTerms,
    &specificity::LowSpecificity,
    &unsupported_claims::UnsupportedClaims,
    &rhythm::UniformRhythm,
    &contrast::ContrastFraming,
    &dashes::DashDensity,
    &tricolons::Tricolons,
    &stock_frames::StockFrames,
    &chat_residue::ChatResidue,
    &formatting::FormattingTells,
    &participles::TrailingParticiples,
    &typography::FlawlessTypography,
    &punctuation::PlainPunctuation,
    &articles::ArticleDensity,
];

/// The signal with this code or name (case-insensitive code).
pub fn lookup(key: &str) -> Option<&'static dyn Signal> {
    REGISTRY
        .iter()
        .copied()
        .find(|s| s.info().code.eq_ignore_ascii_case(key) || s.info().name == key)
}

/// White space runs squashed to single spaces, for comparing phrases.
pub(crate) fn squash(text: &str) -> String {
    quoting("", text, "")
}

/// A message quoting `text` with its white space runs squashed to single spaces, between
/// `before` and `after`: one allocation, where `format!` spent several times as long per
/// finding.
pub(crate) fn quoting(before: &str, text: &str, after: &str) -> String {
    let mut out = String::with_capacity(before.len() + text.len() + after.len());
    out.push_str(before);
    push_squashed(&mut out, text);
    out.push_str(after);
    out
}

/// Appends `text` with its white space runs squashed to single spaces.
pub(crate) fn push_squashed(out: &mut String, text: &str) {
    // Most quotes are printable ASCII with single spaces inside: those stay as they are.
    let bytes = text.as_bytes();
    let printable_ascii = bytes.iter().all(|&b| (b' '..0x80).contains(&b));
    if printable_ascii
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && memchr::memmem::find(bytes, b"  ").is_none()
    {
        out.push_str(text);
        return;
    }
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// A phrase from the configuration as the lexicon holds them: squashed and lowercased.
pub(crate) fn normalise_phrase(phrase: &str) -> String {
    crate::lowercase::lowercase_in_place_offsets(&squash(phrase))
}

/// `1 - e^(-x / scale)`: maps a non-negative rate to [0, 1), half-way at `scale * ln 2`.
pub(crate) fn saturate(x: f64, scale: f64) -> f64 {
    if !x.is_finite() || x <= 0.0 {
        return 0.0;
    }
    1.0 - (-x / scale).exp()
}

/// How a count per sentence becomes a measurement: the rate over the sentences plus
/// `smoothing` (so one hit in a short text does not max out), less the `baseline` that careful
/// copy reaches, saturated at `scale`; confidence is half-way at `smoothing` sentences.
pub(crate) struct PerSentence {
    pub baseline: f64,
    pub smoothing: f64,
    pub scale: f64,
}

impl PerSentence {
    /// The measurement of `count` hits in `sentences` sentences; `detail` names the count.
    pub(crate) fn measure(&self, count: usize, sentences: usize, detail: &'static str) -> Outcome {
        let (count, sentences) = (count as f64, sentences as f64);
        Outcome::Measured(Measurement {
            value: if sentences > 0.0 {
                count / sentences
            } else {
                0.0
            },
            subscore: saturate(
                count / (sentences + self.smoothing) - self.baseline,
                self.scale,
            ),
            confidence: ramp(sentences, self.smoothing),
            details: [(detail, count)].into(),
        })
    }
}

/// `n / (n + half)`: confidence that reaches 0.5 at `half` units of evidence.
pub(crate) fn ramp(n: f64, half: f64) -> f64 {
    if n <= 0.0 { 0.0 } else { n / (n + half) }
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::config::Config;
    use crate::markup::Format;
    use crate::scorer::Scorer;

    /// Measures one signal on a text with a default English scorer plus `config`.
    pub fn measure(code: &str, text: &str, config: Config) -> (Outcome, Vec<RawFinding>) {
        let scorer = Scorer::new(Config {
            lang: Some("en".into()),
            ..config
        })
        .unwrap();
        scorer.measure_one(code, text, Format::Markdown)
    }

    /// Measures one signal on an English text read as `format`.
    pub fn measure_as(code: &str, text: &str, format: Format) -> (Outcome, Vec<RawFinding>) {
        let config = Config {
            lang: Some("en".into()),
            ..Config::default()
        };
        Scorer::new(config).unwrap().measure_one(code, text, format)
    }

    /// Measures one signal on a text in `lang` with an otherwise default scorer.
    pub fn measure_in(code: &str, lang: &str, text: &str) -> (Outcome, Vec<RawFinding>) {
        let config = Config {
            lang: Some(lang.into()),
            ..Config::default()
        };
        Scorer::new(config)
            .unwrap()
            .measure_one(code, text, Format::Markdown)
    }

    pub fn flagged<'t>(text: &'t str, findings: &[RawFinding]) -> Vec<&'t str> {
        findings.iter().map(|f| &text[f.span.range()]).collect()
    }

    /// Every fixture text (drafts, edge cases, languages), for tests that compare a fast path
    /// with a plain one on real copy.
    pub fn fixture_texts() -> Vec<String> {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
        let languages =
            ["de", "es", "fr", "it", "pl", "pt", "zh"].map(|l| format!("languages/{l}"));
        let dirs = ["drafts/generic", "drafts/specific", "edge"].map(String::from);
        let mut texts = Vec::new();
        for dir in dirs.iter().chain(&languages) {
            let Ok(entries) = std::fs::read_dir(format!("{fixtures}/{dir}")) else {
                continue;
            };
            for entry in entries.flatten() {
                texts.extend(std::fs::read_to_string(entry.path()).ok());
            }
        }
        assert!(texts.len() > 50, "{} fixture texts", texts.len());
        texts
    }

    pub fn subscore(outcome: &Outcome) -> f64 {
        match outcome {
            Outcome::Measured(m) => m.subscore,
            Outcome::Skipped(why) => panic!("skipped: {why}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn squashing_joins_the_white_space_separated_words_with_one_space(
            ascii in "[a. ]{0,8}",
            any in "[a .\t\n\x0b\x01\u{a0}\u{2009}\u{3000}é’]{0,30}",
        ) {
            for text in [ascii, any] {
                let words: Vec<&str> = text.split_whitespace().collect();
                proptest::prop_assert_eq!(squash(&text), words.join(" "));
            }
        }
    }

    #[test]
    fn registry_is_sorted_unique_and_documented() {
        let codes: Vec<_> = REGISTRY.iter().map(|s| s.info().code).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "{codes:?}");
        let mut names: Vec<_> = REGISTRY.iter().map(|s| s.info().name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), REGISTRY.len());
        for s in REGISTRY {
            let i = s.info();
            assert!(i.code.len() == 5 && i.code.starts_with("WS"), "{}", i.code);
            assert!(
                i.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                i.name
            );
            assert!(!i.summary.is_empty() && i.default_weight > 0.0);
            for heading in [
                "## What it finds",
                "## Why it matters",
                "## Example",
                "## Instead",
            ] {
                assert!(
                    i.explanation.contains(heading),
                    "{} lacks {heading}",
                    i.code
                );
            }
        }
    }
}
