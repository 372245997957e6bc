//! WS401 uniform-rhythm: sentences, and paragraphs, of nearly the same length.

use std::ops::Range;

use super::{Context, Findings, Measurement, Outcome, Signal, SignalInfo, ramp, saturate};
use crate::document::Document;
use crate::report::Severity;
use crate::span::Span;

pub struct UniformRhythm;

static INFO: SignalInfo = SignalInfo {
    code: "WS401",
    name: "uniform-rhythm",
    summary: "Sentences of nearly the same length, one after another",
    default_weight: 1.5,
    explanation: "\
## What it finds
Sentence lengths that barely vary. The value is the coefficient of variation (standard
deviation over mean) of sentence lengths in words, or characters for Chinese and Japanese,
from three sentences on; headings and fragments count, since people's short lines are part of
their rhythm. With few sentences the value is pulled towards 0.55, typical of human prose, so
that three sentences cannot decide alone; below 0.45 the sub-score grows. Paragraphs of nearly
equal length add a little.

Three or more sentences of three words or more in a row, within two words (or 15%) of each
other, are reported as one finding.

## Why it matters
People write a short sentence to land a point and a long one to carry detail. Generated text
settles into one medium length, and the even beat reads as a drone however good the words are.

## Example
> Our platform helps small teams plan their work and ship on time. Every project gets a shared
> board with tasks, owners and due dates. The reporting view turns your progress into clear charts.

## Instead
Let the content set the length:
> Plan the sprint on one board. Tasklane shows who owns each task, flags anything blocked for
> two days and mails a summary every Friday to whoever asked for one. That's all.

List items (lines starting with `- `, `* `, `+ ` or `1. `) are parallel on purpose and are
left out: only running prose is measured.
",
};

/// Headings and fragments count: a writer's short lines are part of the rhythm.
const MIN_SENTENCE_WORDS: usize = 1;
/// Runs of even sentences are reported only among sentences of this many words or more.
const MIN_RUN_SENTENCE_WORDS: usize = 3;
/// Fewer counted sentences than this and the signal does not measure.
const MIN_SENTENCES: usize = 3;
/// The sentence-length CV of typical human prose, which short texts are pulled towards.
const PRIOR_CV: f64 = 0.55;
/// How many sentences the prior counts as.
const PRIOR_SENTENCES: f64 = 4.0;
/// Below this shrunk CV the rhythm counts as uniform.
const CV_THRESHOLD: f64 = 0.45;
/// Shortfall below the threshold that adds one unit of pressure.
const CV_SCALE: f64 = 0.15;

/// Paragraphs count when they have at least this many sentences, and at least
/// `MIN_PARAGRAPHS` of them are needed.
const MIN_PARAGRAPH_SENTENCES: usize = 2;
const MIN_PARAGRAPHS: usize = 3;
const PARAGRAPH_PRIOR_CV: f64 = 0.5;
const PRIOR_PARAGRAPHS: f64 = 2.0;
const PARAGRAPH_CV_THRESHOLD: f64 = 0.3;
const PARAGRAPH_CV_SCALE: f64 = 0.15;
/// Paragraph uniformity weighs this much against sentence uniformity.
const PARAGRAPH_SHARE: f64 = 0.3;

/// A run is this many sentences or more...
const MIN_RUN: usize = 3;
/// ...whose lengths differ by at most this many words, or this share of the longest.
const RUN_TOLERANCE_WORDS: usize = 2;
const RUN_TOLERANCE_SHARE: f64 = 0.15;

impl Signal for UniformRhythm {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        let doc = cx.doc;
        // A list item counts as no sentence: it is neither measured nor part of a run.
        let lengths: Vec<usize> = doc
            .sentences
            .iter()
            .map(|s| if s.list_item { 0 } else { s.words.len() })
            .collect();
        let counted: Vec<f64> = lengths
            .iter()
            .filter(|&&n| n >= MIN_SENTENCE_WORDS)
            .map(|&n| n as f64)
            .collect();
        if counted.len() < MIN_SENTENCES {
            return Outcome::Skipped("too few sentences");
        }
        let cv = variation(&counted);
        let shrunk = shrink(cv, counted.len(), PRIOR_CV, PRIOR_SENTENCES);
        let mut pressure = (CV_THRESHOLD - shrunk).max(0.0) / CV_SCALE;

        let mut details = vec![("cv", cv), ("sentences", counted.len() as f64)];
        let paragraphs = paragraph_lengths(doc);
        if paragraphs.len() >= MIN_PARAGRAPHS {
            let paragraph_cv = variation(&paragraphs);
            let paragraph_shrunk = shrink(
                paragraph_cv,
                paragraphs.len(),
                PARAGRAPH_PRIOR_CV,
                PRIOR_PARAGRAPHS,
            );
            pressure += PARAGRAPH_SHARE * (PARAGRAPH_CV_THRESHOLD - paragraph_shrunk).max(0.0)
                / PARAGRAPH_CV_SCALE;
            details.push(("paragraph-cv", paragraph_cv));
        }

        let unit = if doc.language.is_some_and(|l| l.is_character_based()) {
            "characters"
        } else {
            "words"
        };
        let mut reported = 0usize;
        for run in runs(&lengths) {
            if report_run(doc, &run, unit, findings) {
                reported += 1;
            }
        }
        details.push(("runs", reported as f64));

        Outcome::Measured(Measurement {
            value: shrunk,
            subscore: saturate(pressure, 1.0),
            confidence: ramp((counted.len() - MIN_SENTENCES + 1) as f64, 5.0),
            details: details.into_iter().collect(),
        })
    }
}

/// Coefficient of variation: population standard deviation over mean; 0 without a mean.
fn variation(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    if mean <= 0.0 {
        return 0.0;
    }
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    variance.sqrt() / mean
}

/// Pulls a CV measured on `n` items towards `prior`, which counts as `prior_n` items.
fn shrink(cv: f64, n: usize, prior: f64, prior_n: f64) -> f64 {
    (n as f64 * cv + prior_n * prior) / (n as f64 + prior_n)
}

/// Lengths in words of the paragraphs with enough sentences to have a length of their own.
fn paragraph_lengths(doc: &Document<'_>) -> Vec<f64> {
    doc.paragraphs
        .iter()
        .filter(|p| p.sentences.len() >= MIN_PARAGRAPH_SENTENCES)
        .filter_map(|p| {
            let range = p.sentences.start as usize..p.sentences.end as usize;
            let sentences = doc.sentences.get(range).unwrap_or(&[]);
            let prose = sentences.iter().filter(|s| !s.list_item);
            let words: usize = prose.clone().map(|s| s.words.len()).sum();
            (prose.count() >= MIN_PARAGRAPH_SENTENCES).then_some(words as f64)
        })
        .collect()
}

/// Consecutive sentences of nearly equal length.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    sentences: Range<usize>,
    shortest: usize,
    longest: usize,
}

/// The runs among consecutive sentence lengths, found greedily from the left; a short
/// sentence (a heading, a fragment) ends a run.
fn runs(lengths: &[usize]) -> Vec<Run> {
    let mut found = Vec::new();
    let mut start = 0;
    while start < lengths.len() {
        let (mut shortest, mut longest) = (lengths[start], lengths[start]);
        let mut end = start + 1;
        while end < lengths.len() && lengths[end] >= MIN_RUN_SENTENCE_WORDS {
            let (low, high) = (shortest.min(lengths[end]), longest.max(lengths[end]));
            if !similar(low, high) {
                break;
            }
            (shortest, longest) = (low, high);
            end += 1;
        }
        if lengths[start] >= MIN_RUN_SENTENCE_WORDS && end - start >= MIN_RUN {
            found.push(Run {
                sentences: start..end,
                shortest,
                longest,
            });
            start = end;
        } else {
            start += 1;
        }
    }
    found
}

fn similar(shortest: usize, longest: usize) -> bool {
    let spread = longest - shortest;
    spread <= RUN_TOLERANCE_WORDS || spread as f64 <= RUN_TOLERANCE_SHARE * longest as f64
}

/// Pushes one finding spanning the run; returns whether it was kept.
fn report_run(doc: &Document<'_>, run: &Run, unit: &str, findings: &mut Findings<'_>) -> bool {
    let first = &doc.sentences[run.sentences.start];
    let last = &doc.sentences[run.sentences.end - 1];
    let span = Span::new(first.span.start as usize, last.span.end as usize);
    let lengths = if run.shortest == run.longest {
        run.shortest.to_string()
    } else {
        format!("{}-{}", run.shortest, run.longest)
    };
    findings.push(
        span,
        Severity::Info,
        format!(
            "{} sentences in a row of {lengths} {unit}",
            run.sentences.len()
        ),
        Some("vary the length: a short sentence lands a point, a long one carries detail".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::markup::Format;
    use crate::signals::testing::{flagged, measure, measure_as, subscore};

    /// Sentence lengths 13, 13, 12, 12, 12, 12.
    const EVEN: &str = "Our platform helps small teams plan their work and ship features on time. \
        Every project gets a shared board that shows tasks, owners and due dates. \
        The reporting view turns your progress into clear charts for every stakeholder. \
        Our integrations connect the tools your team already uses every single day. \
        Automated reminders keep everyone aligned so that nothing slips through the cracks. \
        Flexible pricing plans let growing companies scale their usage as they expand.";

    /// Sentence lengths 3, 25, 9, 31, 6, 14.
    const VARIED: &str = "Mix the dough. Let it rest on the counter for two hours, or overnight in \
        the fridge if you really want a deeper flavour and a crisper crust. Shape it gently and \
        keep the seam side up. Heat the oven to 250 degrees with the pot inside, then carefully \
        drop the loaf in, cover it, and bake it for twenty minutes before you take the lid off \
        again. Bake another fifteen minutes without it. Let the bread cool on a rack for an hour \
        before you slice it.";

    /// Sentence lengths 13, 14, 13, 13, 12, one list item each.
    const CLAUSES: &str = "\
1. The tenant pays the rent on the first working day of each month.
2. The landlord repairs the roof, the heating and the water pipes within ten days.
3. The tenant keeps the garden tidy and cuts the hedge twice a year.
4. The landlord may enter the flat only after giving two days of notice.
5. Either party may end this lease with three months of written notice.
";

    #[test]
    fn even_sentences_score_high_and_form_one_run() {
        let (outcome, findings) = measure("WS401", EVEN, Config::default());
        assert!(subscore(&outcome) > 0.6, "{outcome:?}");
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].message, "6 sentences in a row of 12-13 words");
        let hits = flagged(EVEN, &findings);
        assert!(
            hits[0].starts_with("Our platform") && hits[0].ends_with("expand."),
            "{hits:?}"
        );
        let Outcome::Measured(m) = outcome else {
            unreachable!()
        };
        assert_eq!(m.details["sentences"], 6.0);
        assert_eq!(m.details["runs"], 1.0);
        assert!(m.value > 0.2 && m.value < 0.3, "{m:?}");
    }

    #[test]
    fn varied_prose_scores_near_zero() {
        let (outcome, findings) = measure("WS401", VARIED, Config::default());
        assert!(subscore(&outcome) < 0.05, "{outcome:?}");
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn list_items_are_not_running_prose() {
        for format in [Format::Text, Format::Markdown] {
            let (outcome, findings) = measure_as("WS401", CLAUSES, format);
            assert_eq!(outcome, Outcome::Skipped("too few sentences"), "{format:?}");
            assert!(findings.is_empty());
        }
        // The even prose around a list is still measured, and the list breaks no run.
        let around = format!("{EVEN}\n\n{CLAUSES}");
        let (outcome, findings) = measure_as("WS401", &around, Format::Markdown);
        assert!(subscore(&outcome) > 0.6, "{outcome:?}");
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].message, "6 sentences in a row of 12-13 words");
    }

    #[test]
    fn short_and_empty_texts_are_skipped() {
        for text in [
            "",
            "Short one here. And another one here.",
            "# Title\n\nOk.",
        ] {
            let (outcome, findings) = measure("WS401", text, Config::default());
            assert_eq!(outcome, Outcome::Skipped("too few sentences"), "{text}");
            assert!(findings.is_empty());
        }
    }

    #[test]
    fn variation_shrink_and_runs_by_hand() {
        assert_eq!(variation(&[]), 0.0);
        assert_eq!(variation(&[5.0, 5.0, 5.0]), 0.0);
        assert!((variation(&[1.0, 3.0]) - 0.5).abs() < 1e-12);
        assert!((shrink(0.0, 4, 0.5, 4.0) - 0.25).abs() < 1e-12);
        let found = runs(&[14, 15, 16, 2, 10, 10, 30, 31, 35, 5]);
        assert_eq!(
            found,
            [
                Run {
                    sentences: 0..3,
                    shortest: 14,
                    longest: 16
                },
                Run {
                    sentences: 6..9,
                    shortest: 30,
                    longest: 35
                },
            ]
        );
        assert!(runs(&[1, 1, 1, 1]).is_empty());
    }
}
