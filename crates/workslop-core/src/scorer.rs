//! The Scorer: validated configuration and shared automata, turning texts into Reports.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::config::{Config, ConfigError, DEFAULT_MIN_WORDS};
use crate::document::Document;
use crate::language::{LANGUAGE_DATA, Language, LanguageData};
use crate::lexicon::{self, Category, Entry, Matcher};
use crate::line_index::LineIndex;
use crate::locate::{locate, merge};
use crate::markup::Format;
use crate::report::{Report, SCORE_VERSION, SignalReport, Verdict, round};
use crate::score::combine;
use crate::signals::{
    Articles, BrandTerms, Context, Findings, Job, LanguageResources, Outcome, REGISTRY, Signal,
    reads_shared,
};
use crate::suppress::Suppressions;

/// From this length on, a document's signals are measured in parallel (when the rayon pool
/// has more than one thread): each is long enough that splitting them costs little, and one
/// large file need not leave the other cores idle. Signals reading the same shared work (the
/// lexicon's hits, the details) wait for whichever computes it first.
const PARALLEL_SIGNALS_BYTES: usize = 64 * 1024;

/// How much of a sample [`Scorer::prepare`] reads to tell its language.
const LANGUAGE_SAMPLE_BYTES: usize = 4096;

/// Input that cannot be scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Not UTF-8; `valid_up_to` is the byte offset of the first bad sequence.
    NotUtf8 { valid_up_to: usize },
    /// Larger than the 4 GiB a document may be.
    TooLarge { bytes: usize },
}

impl From<std::str::Utf8Error> for InputError {
    fn from(e: std::str::Utf8Error) -> Self {
        InputError::NotUtf8 {
            valid_up_to: e.valid_up_to(),
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::NotUtf8 { valid_up_to } => write!(
                f,
                "not valid UTF-8 (first bad byte at offset {valid_up_to})"
            ),
            InputError::TooLarge { bytes } => write!(f, "{bytes} bytes is over the 4 GiB limit"),
        }
    }
}

impl std::error::Error for InputError {}

/// Scores texts. Build once (it validates the configuration and prepares the automata) and
/// share it: it is `Sync`, and each language's lexicon is compiled on first use.
#[derive(Debug)]
pub struct Scorer {
    config: Config,
    forced_language: Option<&'static Language>,
    /// Per registry index: the weight, or `None` when disabled.
    weights: Vec<Option<f64>>,
    bias: f64,
    min_words: usize,
    brand_terms: BrandTerms,
    allowed: FxHashSet<String>,
    extra: Vec<Entry>,
    /// Per `LANGUAGE_DATA` index.
    languages: Vec<OnceLock<Option<LanguageResources>>>,
    /// Whether [`Scorer::prepare`] has run.
    prepared: AtomicBool,
}

impl Scorer {
    pub fn new(config: Config) -> Result<Scorer, ConfigError> {
        config.validate()?;
        let forced_language = config
            .lang
            .as_deref()
            .filter(|l| *l != "auto")
            .and_then(Language::by_code);
        let weights = REGISTRY
            .iter()
            .map(|s| {
                let info = s.info();
                let disabled = config
                    .disable
                    .iter()
                    .any(|d| d.eq_ignore_ascii_case(info.code) || d == info.name);
                let configured = config
                    .weights
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(info.code) || *k == info.name);
                (!disabled).then(|| {
                    configured.map_or_else(|| crate::model::default_weight(info), |(_, w)| *w)
                })
            })
            .collect();
        let normalise = |p: &String| crate::signals::normalise_phrase(p);
        let allowed: FxHashSet<String> = config.allowed_phrases.iter().map(normalise).collect();
        let extra = config
            .extra_phrases
            .iter()
            .map(|p| Entry {
                phrase: normalise(p),
                prefix: false,
                category: Category::Custom,
                weight: 1.5,
                suggestion: None,
            })
            .collect();
        Ok(Scorer {
            forced_language,
            weights,
            bias: config.bias.unwrap_or(crate::model::shipped().bias),
            min_words: config.min_words.unwrap_or(DEFAULT_MIN_WORDS),
            brand_terms: BrandTerms::new(&config.brand_terms),
            allowed,
            extra,
            languages: LANGUAGE_DATA.iter().map(|_| OnceLock::new()).collect(),
            prepared: AtomicBool::new(false),
            config,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Scores bytes, which must be UTF-8.
    pub fn score_bytes(&self, bytes: &[u8], format: Format) -> Result<Report, InputError> {
        self.try_score(std::str::from_utf8(bytes)?, format)
    }

    /// Scores one text; errors only when it is over 4 GiB.
    pub fn try_score(&self, text: &str, format: Format) -> Result<Report, InputError> {
        if text.len() > u32::MAX as usize {
            return Err(InputError::TooLarge { bytes: text.len() });
        }
        Ok(self.score(text, format))
    }

    /// Scores one text. A text over 4 GiB is scored on its first 4 GiB; use
    /// [`Scorer::try_score`] to refuse it instead.
    pub fn score(&self, text: &str, format: Format) -> Report {
        let text = truncate_to_limit(text);
        self.score_text(text, format, scores_in_parallel(text))
    }

    /// Scores a text within the size limit, its signals measured in parallel or in turn.
    fn score_text(&self, text: &str, format: Format, parallel: bool) -> Report {
        let (lines, doc) = if parallel {
            // The scorer is readied, if it is not yet, while the document is built: building
            // a large one starts with reading its markup and words on one thread.
            let (lines, doc) = rayon::join(
                || {
                    self.prepare(text, format);
                    LineIndex::new(text)
                },
                || Document::build(text, format, self.forced_language, true),
            );
            (Some(lines), doc)
        } else {
            (
                None,
                Document::build(text, format, self.forced_language, false),
            )
        };
        let suppressions = if format.has_comments() {
            Suppressions::parse(text)
        } else {
            Suppressions::default()
        };
        let language = doc.language_data().and_then(|d| self.resources(d));
        let cx = Context::new(&doc, language, &self.brand_terms, &self.allowed);
        let measure = |(signal, weight): (&&dyn Signal, &Option<f64>)| {
            let info = signal.info();
            let mut findings = Findings::new(info, &suppressions);
            let outcome = match weight {
                None => Outcome::Skipped("disabled in the configuration"),
                Some(_) if suppressions.suppresses_file(info.code, text.len()) => {
                    Outcome::Skipped("disabled in this file")
                }
                Some(_) => signal.measure(&cx, &mut findings),
            };
            ((info, weight.unwrap_or(0.0), outcome), findings.items)
        };
        let (measured, findings): (Vec<_>, _) = if let Some(lines) = lines {
            // The shared details and lexicon hits are found while the signals that do not
            // read them are measured; the readers follow as soon as they are found.
            let (readers, others): (Vec<_>, Vec<_>) = (REGISTRY.iter().zip(&self.weights))
                .enumerate()
                .partition(|(_, (signal, _))| reads_shared(signal.info().code));
            // Each signal's findings are located on the thread that measured it, which
            // leaves only their merging for after the last signal.
            let measure_all = |part: Vec<(usize, _)>| {
                part.into_par_iter()
                    .map(|(i, signal)| {
                        let (measured, raw) = measure(signal);
                        (i, (measured, locate(text, &lines, raw)))
                    })
                    .collect::<Vec<_>>()
            };
            let (mut results, others) = rayon::join(
                || {
                    cx.find_shared();
                    measure_all(readers)
                },
                || measure_all(others),
            );
            results.extend(others);
            results.sort_unstable_by_key(|&(i, _)| i);
            let (measured, located): (_, Vec<_>) =
                results.into_iter().map(|(_, result)| result).unzip();
            (measured, merge(located))
        } else {
            let (measured, raw): (_, Vec<_>) =
                REGISTRY.iter().zip(&self.weights).map(measure).unzip();
            let mut all = Vec::with_capacity(raw.iter().map(Vec::len).sum());
            raw.into_iter().for_each(|mut raw| all.append(&mut raw));
            let findings = if all.is_empty() {
                Vec::new()
            } else {
                locate(text, &LineIndex::new(text), all)
            };
            (measured, findings)
        };
        let too_short = doc.length_units() < self.min_words;
        let combined = combine(self.bias, measured.iter().map(|(_, w, o)| (*w, o)));
        let score = (!too_short).then(|| round(combined.score, 1));
        let (warn, fail) = self.config.thresholds.for_length(doc.length_units());
        let verdict = match score {
            None => Verdict::TooShort,
            Some(s) if s >= fail => Verdict::Fail,
            Some(s) if s >= warn => Verdict::Warn,
            Some(_) => Verdict::Pass,
        };
        let signals = measured
            .into_iter()
            .zip(combined.contributions)
            .map(|((info, weight, outcome), contribution)| {
                signal_report(
                    info,
                    weight,
                    outcome,
                    if too_short { 0.0 } else { contribution },
                )
            })
            .collect();
        Report {
            score,
            verdict,
            lang: doc.lang_code().to_string(),
            score_version: SCORE_VERSION.to_string(),
            words: doc.words.len(),
            sentences: doc.sentences.len(),
            signals,
            findings,
        }
    }

    /// Readies everything scoring text in `sample`'s language needs (its lexicon's automaton,
    /// the signals' patterns) on all threads at once, where scoring would build them one
    /// after another on first use while other threads wait. It is for start-up: it does its
    /// work the first time it is called on a scorer and nothing after. It changes no result.
    pub fn prepare(&self, sample: &str, format: Format) {
        if self.prepared.swap(true, Ordering::Relaxed) {
            return;
        }
        let sample = prefix(sample, LANGUAGE_SAMPLE_BYTES);
        let language = Document::new(sample, format, self.forced_language).language;
        let mut jobs: Vec<Job<'_>> = crate::signals::preparations(language);
        if let Some(data) = language.and_then(|l| l.data()) {
            // The lexicon (about 1 ms for English) goes among the costly jobs, which lead.
            jobs.insert(1, Box::new(move || _ = self.resources(data)));
        }
        jobs.par_iter().with_max_len(1).for_each(|job| job());
    }

    /// Readies the scorer for scoring `text` alone: as [`Scorer::prepare`], except that a text
    /// long enough to be measured in parallel is left to [`Scorer::score`], which readies the
    /// scorer while it builds the document.
    pub fn prepare_for_one(&self, text: &str, format: Format) {
        if !scores_in_parallel(truncate_to_limit(text)) {
            self.prepare(text, format);
        }
    }

    /// Scores many texts in parallel; the same reports, in the same order, as one by one.
    pub fn score_batch<T: AsRef<str> + Sync>(&self, texts: &[T], format: Format) -> Vec<Report> {
        if let Some(first) = texts.first() {
            self.prepare(first.as_ref(), format);
        }
        texts
            .par_iter()
            .map(|t| self.score(t.as_ref(), format))
            .collect()
    }

    fn resources(&self, data: &'static LanguageData) -> Option<&LanguageResources> {
        let index = LANGUAGE_DATA.iter().position(|d| std::ptr::eq(d, data))?;
        self.languages[index]
            .get_or_init(|| {
                let mut entries = lexicon::parse(data.lexicon).ok()?;
                entries.retain(|e| !self.allowed.contains(&e.phrase));
                entries.extend(self.extra.iter().cloned());
                let transitions = data
                    .transitions
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(|l| {
                        let mut spans = Vec::new();
                        crate::words::split_words(l, &mut spans);
                        spans.iter().map(|s| l[s.range()].to_string()).collect()
                    })
                    .collect();
                Some(LanguageResources {
                    lexicon: Matcher::with_prebuilt(entries, data.lexicon_automaton),
                    transitions,
                    articles: Articles::parse(data.articles),
                })
            })
            .as_ref()
    }

    /// Measures one signal, for the signals' unit tests.
    #[cfg(test)]
    pub(crate) fn measure_one(
        &self,
        code: &str,
        text: &str,
        format: Format,
    ) -> (Outcome, Vec<crate::signals::RawFinding>) {
        let doc = Document::new(text, format, self.forced_language);
        let suppressions = Suppressions::parse(text);
        let language = doc.language_data().and_then(|d| self.resources(d));
        let cx = Context::new(&doc, language, &self.brand_terms, &self.allowed);
        let signal = crate::signals::lookup(code).expect("known code");
        let mut findings = Findings::new(signal.info(), &suppressions);
        let outcome = signal.measure(&cx, &mut findings);
        (outcome, findings.items)
    }
}

/// Whether a text within the size limit has its document built and its signals measured in
/// parallel.
fn scores_in_parallel(text: &str) -> bool {
    text.len() >= PARALLEL_SIGNALS_BYTES && rayon::current_num_threads() > 1
}

fn truncate_to_limit(text: &str) -> &str {
    prefix(text, u32::MAX as usize)
}

/// The longest start of `text` of at most `bytes` bytes that ends on a character boundary.
fn prefix(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn signal_report(
    info: &crate::signals::SignalInfo,
    weight: f64,
    outcome: Outcome,
    contribution: f64,
) -> SignalReport {
    let (value, subscore, confidence, skipped, details) = match outcome {
        Outcome::Measured(m) => (m.value, m.subscore, m.confidence, None, m.details),
        Outcome::Skipped(why) => (0.0, 0.0, 0.0, Some(why.to_string()), Default::default()),
    };
    SignalReport {
        code: info.code.into(),
        name: info.name.into(),
        value: round(value, 4),
        subscore: round(subscore.clamp(0.0, 1.0), 4),
        weight,
        contribution: round(contribution, 2),
        confidence: round(confidence.clamp(0.0, 1.0), 4),
        skipped,
        details: details
            .into_iter()
            .map(|(k, v)| (k.into(), round(v, 4)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(scorer: &Scorer) -> Vec<&'static str> {
        LANGUAGE_DATA
            .iter()
            .zip(&scorer.languages)
            .filter(|(_, l)| l.get().is_some())
            .map(|(d, _)| d.code)
            .collect()
    }

    #[test]
    fn signals_measured_in_parallel_report_what_they_do_in_turn() {
        let scorer = Scorer::new(Config::default()).unwrap();
        let texts = crate::signals::testing::fixture_texts();
        for text in texts.iter().take(12) {
            assert_eq!(
                scorer.score_text(text, Format::Markdown, true),
                scorer.score_text(text, Format::Markdown, false)
            );
        }
        let long = texts.concat();
        assert!(long.len() >= PARALLEL_SIGNALS_BYTES);
        let parallel = scorer.score(&long, Format::Markdown);
        assert!(parallel.findings.len() > 100);
        assert_eq!(parallel, scorer.score_text(&long, Format::Markdown, false));
    }

    #[test]
    fn findings_come_by_span_then_code() {
        let scorer = Scorer::new(Config::default()).unwrap();
        let long = crate::signals::testing::fixture_texts().concat();
        let findings = scorer.score(&long, Format::Markdown).findings;
        assert!(findings.len() > 100);
        assert!(
            findings
                .windows(2)
                .all(|w| (w[0].span, &w[0].code) <= (w[1].span, &w[1].code))
        );
    }

    #[test]
    fn the_signals_named_as_readers_of_what_is_found_up_front_are_those_that_read_it() {
        let scorer = Scorer::new(Config::default()).unwrap();
        let text = crate::signals::testing::fixture_texts().concat();
        let doc = Document::new(&text, Format::Markdown, scorer.forced_language);
        let language = doc.language_data().and_then(|d| scorer.resources(d));
        let suppressions = Suppressions::default();
        let mut readers = Vec::new();
        for signal in REGISTRY {
            let cx = Context::new(&doc, language, &scorer.brand_terms, &scorer.allowed);
            signal.measure(&cx, &mut Findings::new(signal.info(), &suppressions));
            if cx.found_shared() != (false, false) {
                readers.push(signal.info().code);
            }
        }
        let named: Vec<&str> = (REGISTRY.iter().map(|s| s.info().code))
            .filter(|code| reads_shared(code))
            .collect();
        assert_eq!(readers, named);
    }

    #[test]
    fn prepare_readies_the_samples_language_once_and_changes_no_report() {
        let texts = crate::signals::testing::fixture_texts();
        let prepared = Scorer::new(Config::default()).unwrap();
        prepared.prepare(
            "Unser Team liefert die Lösung, die Ihr Unternehmen wirklich braucht, und zwar \
             schneller als je zuvor.",
            Format::Text,
        );
        assert_eq!(built(&prepared), ["de"]);
        // Only the first call does anything.
        prepared.prepare(&texts[0], Format::Markdown);
        assert_eq!(built(&prepared), ["de"]);
        let fresh = Scorer::new(Config::default()).unwrap();
        for text in &texts {
            assert_eq!(
                prepared.score(text, Format::Markdown),
                fresh.score(text, Format::Markdown)
            );
        }
    }

    #[test]
    fn one_large_text_is_readied_as_it_is_scored_and_a_short_one_up_front() {
        let texts = crate::signals::testing::fixture_texts();
        let long = texts.concat();
        let two_threads = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        two_threads.install(|| {
            let scorer = Scorer::new(Config::default()).unwrap();
            scorer.prepare_for_one(&long, Format::Markdown);
            assert!(built(&scorer).is_empty());
            let report = scorer.score(&long, Format::Markdown);
            assert!(scorer.prepared.load(Ordering::Relaxed));
            assert_eq!(built(&scorer), ["en"]);
            let in_turn = Scorer::new(Config::default()).unwrap();
            assert_eq!(report, in_turn.score_text(&long, Format::Markdown, false));

            let short = Scorer::new(Config::default()).unwrap();
            short.prepare_for_one(&texts[0], Format::Markdown);
            assert_eq!(built(&short), ["en"]);
        });
    }
}
