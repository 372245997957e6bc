//! WS103 ai-vocabulary: the words language models overuse, from the language's lexicon.

use super::stock_phrases::lexicon_density;
use super::{Context, Findings, Outcome, Signal, SignalInfo};
use crate::lexicon::Category;

pub struct AiVocabulary;

static INFO: SignalInfo = SignalInfo {
    code: "WS103",
    name: "ai-vocabulary",
    summary: "Words language models overuse: \"delve\", \"tapestry\", \"a testament to\"",
    default_weight: 3.0,
    explanation: "\
## What it finds
The lexicon's AI-vocabulary entries: words and phrases whose frequency rose sharply in
published text once chat models spread (\"delve into\", \"a testament to\", \"tapestry\",
\"intricate\", \"navigate the complexities\", \"ever-evolving landscape\"). The value is weighted
hits per 1,000 words, smoothed for short texts.

Marketing buzzwords are a separate rule (WS101): careful human copy uses some of those, while
these words mark text a model wrote and nobody edited.

## Why it matters
These words carry tone rather than information, and readers have learned to spot them. A
page full of them reads as unedited model output, whatever the facts behind it.

## Example
> Delve into the rich tapestry of flavours, a testament to our unwavering commitment.

## Instead
Use the plain word, or better, the fact: \"Twelve single-origin coffees, roasted every Tuesday.\"
",
};

impl Signal for AiVocabulary {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        lexicon_density(cx, findings, |c| c == Category::AiVocabulary)
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::signals::testing::{flagged, measure, subscore};

    #[test]
    fn model_vocabulary_is_its_own_rule() {
        let text = "Delve into the rich tapestry of flavours, a testament to our commitment. Our seamless app helps.";
        let (outcome, findings) = measure("WS103", text, Config::default());
        let hits = flagged(text, &findings);
        assert!(
            hits.contains(&"tapestry") || hits.iter().any(|h| h.contains("tapestry")),
            "{hits:?}"
        );
        assert!(
            !hits.contains(&"seamless"),
            "buzzwords belong to WS101: {hits:?}"
        );
        assert!(subscore(&outcome) > 0.7);
        let (_, findings) = measure("WS101", text, Config::default());
        assert!(
            !flagged(text, &findings)
                .iter()
                .any(|h| h.contains("tapestry"))
        );
    }
}
