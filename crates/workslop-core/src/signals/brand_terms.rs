//! WS301 missing-brand-terms: the project's brand terms, or their absence.

use super::{Context, Findings, Measurement, Outcome, Signal, SignalInfo};
use crate::collapsed::Collapsed;
use crate::lexicon::{Category, Entry, Matcher};
use crate::report::Severity;
use crate::span::Span;

pub struct MissingBrandTerms;

static INFO: SignalInfo = SignalInfo {
    code: "WS301",
    name: "missing-brand-terms",
    summary: "Copy that never names the brand, its products or what sets it apart",
    default_weight: 2.0,
    explanation: "\
## What it finds
Mentions of the brand terms set in the configuration (`brand-terms`: the company, its
products, its differentiators), matched as whole words in any letter case. When terms are set
and a text of 50 words or more mentions none of them, a finding on the document says which
terms are missing. Without configured terms this signal does not run.

The value is mentions per 100 words.

## Why it matters
Copy that never names what the brand sells could be pasted onto a competitor's site
unchanged. That interchangeability is what makes generated copy generic.

## Example
> Our platform helps teams collaborate and achieve more, with tools designed for the way you work.

## Instead
Name the product and what it specifically does:
> Tasklane Boards show every open task by owner and due date.
",
};

/// Texts shorter than this are not blamed for a missing mention.
const MIN_WORDS: usize = 50;

/// The configured brand terms, ready to match.
#[derive(Debug, Clone)]
pub struct BrandTerms {
    terms: Vec<String>,
    matcher: Option<Matcher>,
}

impl BrandTerms {
    pub fn new(terms: &[String]) -> Self {
        let terms: Vec<String> = terms
            .iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        let entries: Vec<Entry> = terms
            .iter()
            .map(|t| Entry {
                phrase: super::normalise_phrase(t),
                prefix: false,
                category: Category::Custom,
                weight: 1.0,
                suggestion: None,
            })
            .collect();
        let matcher = (!entries.is_empty()).then(|| Matcher::new(entries));
        BrandTerms { terms, matcher }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Spans of every mention.
    pub fn mentions(&self, text: &Collapsed) -> Vec<Span> {
        let mut hits = Vec::new();
        if let Some(m) = &self.matcher {
            m.find(text, &mut hits);
        }
        hits.into_iter().map(|h| h.span).collect()
    }
}

impl Signal for MissingBrandTerms {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        if cx.brand_terms.is_empty() {
            return Outcome::Skipped("no brand terms configured");
        }
        let doc = cx.doc;
        let n = doc.length_units();
        let mentions = cx.brand_terms.mentions(&doc.collapsed).len();
        let per_100 = if n > 0 {
            100.0 * mentions as f64 / n as f64
        } else {
            0.0
        };
        let mut subscore = (-2.5 * per_100).exp();
        if mentions == 0 && n >= MIN_WORDS {
            let span = Span::new(doc.words[0].start as usize, doc.words[0].end as usize);
            let pushed = findings.push(
                span,
                Severity::Warning,
                format!(
                    "{n} words and no mention of {}",
                    cx.brand_terms.terms.join(", ")
                ),
                Some("name the brand or product and what it specifically does".into()),
            );
            if !pushed {
                subscore = 0.0;
            }
        }
        Outcome::Measured(Measurement {
            value: per_100,
            subscore,
            confidence: (n as f64 / (2 * MIN_WORDS) as f64).min(1.0),
            details: [("mentions", mentions as f64)].into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::signals::Outcome;
    use crate::signals::testing::{measure, subscore};

    fn with_terms() -> Config {
        Config {
            brand_terms: vec!["Tasklane".into(), "Tasklane  Boards".into()],
            ..Config::default()
        }
    }

    #[test]
    fn absence_in_a_long_text_is_a_finding_naming_the_terms() {
        let text = "Our platform helps teams collaborate and achieve more. ".repeat(8);
        let (outcome, findings) = measure("WS301", &text, with_terms());
        assert_eq!(subscore(&outcome), 1.0);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.contains("Tasklane, Tasklane  Boards")
                || findings[0].message.contains("Tasklane")
        );
    }

    #[test]
    fn mentions_in_any_case_count_as_whole_words() {
        let text = "TASKLANE boards show every task. tasklane\nBoards are free for schools. Tasklanes is not a mention.";
        let (outcome, findings) = measure("WS301", text, with_terms());
        assert!(findings.is_empty());
        let Outcome::Measured(m) = outcome else {
            panic!()
        };
        assert_eq!(m.details["mentions"], 2.0);
        assert!(m.subscore < 0.01);
    }

    #[test]
    fn without_terms_it_does_not_run() {
        let (outcome, _) = measure("WS301", "Anything at all.", Config::default());
        assert!(matches!(outcome, Outcome::Skipped(_)));
    }
}
