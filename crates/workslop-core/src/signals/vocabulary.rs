//! WS102 flat-vocabulary: lexical diversity outside the human band for the language.

use super::{Context, Findings, Measurement, Outcome, Signal, SignalInfo, saturate};
use crate::report::Severity;
use crate::span::Span;

pub struct FlatVocabulary;

static INFO: SignalInfo = SignalInfo {
    code: "WS102",
    name: "flat-vocabulary",
    summary: "Vocabulary diversity outside the range of human copy",
    default_weight: 1.5,
    explanation: "\
## What it finds
How varied the words are, measured two ways over sliding windows so that length does not
decide the result: the moving-average type-token ratio (MATTR, windows of 50 words) and the
Shannon entropy of the words in windows of 100, in bits. Each is compared with the band that
human copy in the same language falls in; the sub-score grows with the distance outside it.

The value is the MATTR.

## Why it matters
Copy that circles the same few words says little; copy whose every word is different reads
like a thesaurus. Studies disagree on which way machine text leans, so both directions count.

## Example
> Our platform helps teams. Our platform helps teams plan. Our platform helps teams grow.

## Instead
Say more different things: each sentence should add a fact, a name, a number or a reason.
",
};

const MATTR_WINDOW: usize = 50;
const ENTROPY_WINDOW: usize = 100;
/// Below this many words the measures are too noisy to use.
const MIN_WORDS: usize = 30;

/// The human band of a measure: values inside it score zero.
#[derive(Debug, Clone, Copy)]
struct Band {
    low: f64,
    high: f64,
    /// Distance outside the band at which the sub-score reaches 1 - 1/e.
    scale: f64,
}

impl Band {
    fn distance(self, v: f64) -> f64 {
        (self.low - v).max(v - self.high).max(0.0)
    }
}

/// Slack above the measured 90th percentile: the bands come from reviews and articles, and
/// dense, fact-heavy copy legitimately uses more distinct words.
const HIGH_SLACK: f64 = 0.06;

/// The MATTR band of human text in the language (`data/bands.tsv`); the entropy band is one
/// for all languages (not yet measured per language).
fn bands(lang: &str) -> (Band, Band) {
    let (low, high) = crate::bands::of(lang).mattr;
    (
        Band {
            low,
            high: (high + HIGH_SLACK).min(1.0),
            scale: 0.08,
        },
        Band {
            low: 5.6,
            high: 6.6,
            scale: 0.4,
        },
    )
}

impl Signal for FlatVocabulary {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        let doc = cx.doc;
        let ids = &doc.word_ids;
        if ids.len() < MIN_WORDS {
            return Outcome::Skipped("too few words to measure vocabulary");
        }
        let mattr = mattr(ids, doc.vocabulary, MATTR_WINDOW);
        let entropy = windowed_entropy(ids, doc.vocabulary, ENTROPY_WINDOW);
        let (mattr_band, entropy_band) = bands(doc.lang_code());
        let subscore = 0.5 * saturate(mattr_band.distance(mattr), mattr_band.scale)
            + 0.5 * saturate(entropy_band.distance(entropy), entropy_band.scale);
        if subscore >= 0.5 {
            let direction = if mattr < mattr_band.low {
                "repetitive"
            } else {
                "unusually scattered"
            };
            let span = Span::new(
                doc.words[0].start as usize,
                doc.words[ids.len() - 1].end as usize,
            );
            findings.push(
                span,
                Severity::Info,
                format!(
                    "Vocabulary is {direction}: MATTR {mattr:.2} (human band {:.2}-{:.2})",
                    mattr_band.low, mattr_band.high
                ),
                Some("vary the words by saying more distinct things".into()),
            );
        }
        Outcome::Measured(Measurement {
            value: mattr,
            subscore,
            confidence: ((ids.len() - MIN_WORDS) as f64 / 120.0).min(1.0),
            details: [
                ("entropy", entropy),
                ("distinct-words", doc.vocabulary as f64),
            ]
            .into(),
        })
    }
}

/// Moving-average type-token ratio; the plain ratio when the text is shorter than a window.
/// Word ids are dense (0..vocabulary), so counts live in a plain array.
/// `ids` are below `vocabulary`. (Their maximum is not looked for: ids come in order of first
/// use, so a new maximum turns up at a rate no branch predictor foresees, and finding it cost
/// more than the whole measure.)
fn mattr(ids: &[u32], vocabulary: usize, window: usize) -> f64 {
    let mut counts = vec![0u32; vocabulary];
    if ids.len() <= window {
        let distinct = ids.iter().filter(|&&id| bump(&mut counts, id) == 1).count();
        return distinct as f64 / ids.len().max(1) as f64;
    }
    let mut distinct = ids[..window]
        .iter()
        .filter(|&&id| bump(&mut counts, id) == 1)
        .count();
    let mut total = distinct;
    // Whether a word enters or leaves the window's vocabulary is a coin toss to the branch
    // predictor: counted without branches.
    for (&leaving, &entering) in ids.iter().zip(&ids[window..]) {
        let out = &mut counts[leaving as usize];
        *out -= 1;
        distinct -= usize::from(*out == 0);
        distinct += usize::from(bump(&mut counts, entering) == 1);
        total += distinct;
    }
    total as f64 / ((ids.len() - window + 1) * window) as f64
}

fn bump(counts: &mut [u32], id: u32) -> u32 {
    let c = &mut counts[id as usize];
    *c += 1;
    *c
}

/// Mean Shannon entropy (bits) of the words in consecutive windows; a shorter text is one window.
/// `ids` are below `vocabulary`.
fn windowed_entropy(ids: &[u32], vocabulary: usize, window: usize) -> f64 {
    let chunks: Vec<&[u32]> = if ids.len() < window * 2 {
        vec![ids]
    } else {
        ids.chunks(window).filter(|c| c.len() == window).collect()
    };
    let mut counts = vec![0u32; vocabulary];
    // A word's term, -p log2 p, depends only on its count: computed once for each count that
    // occurs (few words come more than a handful of times), NaN until then.
    let n = chunks.first().map_or(0, |c| c.len());
    let mut terms = vec![f64::NAN; n + 1];
    terms[0] = 0.0;
    let mut sum = 0.0;
    for chunk in &chunks {
        for &id in *chunk {
            counts[id as usize] += 1;
        }
        for &id in *chunk {
            // A word already taken has count 0, whose term is 0.
            let c = std::mem::take(&mut counts[id as usize]) as usize;
            let term = &mut terms[c];
            if term.is_nan() {
                let p = c as f64 / n as f64;
                *term = p * p.log2();
            }
            sum -= *term;
        }
    }
    sum / chunks.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::signals::testing::{measure, subscore};

    #[test]
    fn mattr_and_entropy_by_hand() {
        assert_eq!(mattr(&[1, 2, 1, 2], 3, 10), 0.5);
        assert!((mattr(&[1, 2, 3, 1, 2, 3], 4, 3) - 1.0).abs() < 1e-12);
        assert!((mattr(&[1, 1, 2, 2], 3, 2) - (1.0 + 2.0 + 1.0) / 6.0).abs() < 1e-12);
        assert!((windowed_entropy(&[1, 2, 3, 4], 5, 100) - 2.0).abs() < 1e-12);
        assert_eq!(windowed_entropy(&[7; 10], 8, 100), 0.0);
    }

    #[test]
    fn repetitive_text_is_flagged_and_varied_text_is_not() {
        let flat = "Our platform helps teams plan work. ".repeat(12);
        let (outcome, findings) = measure("WS102", &flat, Config::default());
        assert!(subscore(&outcome) > 0.8, "{outcome:?}");
        assert_eq!(findings.len(), 1);
        let varied = "Tasklane shows every open task on one board, sorted by due date. Teams of five to fifty \
            people plan two-week sprints with it; a free plan covers three projects. Prices start at six \
            euros per person each month, billed yearly, and schools pay nothing. Support answers within \
            a working day from Leeds and Lisbon.";
        let (outcome, findings) = measure("WS102", varied, Config::default());
        assert!(subscore(&outcome) < 0.2, "{outcome:?}");
        assert!(findings.is_empty());
    }

    #[test]
    fn short_texts_are_skipped() {
        let (outcome, _) = measure("WS102", "Too short to say.", Config::default());
        assert!(matches!(outcome, Outcome::Skipped(_)));
    }
}
