//! WS101 stock-phrases: cliché density from the language's lexicon.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use super::{
    Context, Findings, Measurement, Outcome, Signal, SignalInfo, push_squashed, ramp, saturate,
    squash,
};
use crate::lexicon::Category;
use crate::report::Severity;

pub struct StockPhrases;

static INFO: SignalInfo = SignalInfo {
    code: "WS101",
    name: "stock-phrases",
    summary: "Stock phrases, buzzwords and hype that could sit in anyone's copy",
    default_weight: 4.5,
    explanation: "\
## What it finds
Phrases from the language's lexicon of stock marketing language: buzzwords (\"seamless\", \"game-changer\"), stock openers
and closers (\"In today's fast-paced world\", \"The possibilities are endless\"), fillers and
hedges (\"it's important to note that\"), hype (\"world-class\", \"unparalleled\") and
call-to-action clichés (\"take your business to the next level\").

The value is weighted hits per 1,000 words; each entry carries a weight for how strongly it
marks generic copy. Short texts are smoothed so one phrase in a tagline does not max out.

## Why it matters
Readers skim past language they have seen a thousand times, and copy built from it could
belong to any brand. Some of these phrases run hundreds of times above their human rate in
text written by language models.

## Example
> In today's fast-paced world, our cutting-edge platform empowers teams to unlock their full potential.

## Instead
Say what the product does, for whom, with a number or a name:
> Tasklane puts every open task on one board; teams of 5 to 50 use it to plan two-week sprints.

Phrases your team uses on purpose go in `allowed-phrases`; your own banned phrases go in
`extra-phrases`.
",
};

/// Pseudo-words added to the length, so that short texts need more evidence.
const SMOOTHING_WORDS: f64 = 40.0;
/// Weighted hits per 1,000 words at which the sub-score reaches 1 - 1/e.
const RATE_SCALE: f64 = 25.0;

impl Signal for StockPhrases {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        lexicon_density(cx, findings, |c| c != Category::AiVocabulary)
    }
}

/// Weighted hits per 1,000 words of the lexicon entries whose category passes `include`; every
/// hit is a finding. Shared by stock-phrases and ai-vocabulary, which split the lexicon.
pub(super) fn lexicon_density(
    cx: &Context<'_>,
    findings: &mut Findings<'_>,
    include: impl Fn(Category) -> bool,
) -> Outcome {
    let Some(language) = cx.language else {
        return Outcome::Skipped("no lexicon for this language");
    };
    let doc = cx.doc;
    let lexicon = &language.lexicon;
    let (mut weight, mut count) = (0.0, 0usize);
    let mut distinct = FxHashSet::default();
    for &hit in cx.lexicon_hits() {
        let entry = lexicon.entry(hit);
        if !include(entry.category) {
            continue;
        }
        let allowed = || {
            cx.allowed.contains(&squash(&doc.lower[hit.span.range()]))
                || cx.allowed.contains(&entry.phrase)
        };
        if !cx.allowed.is_empty() && allowed() {
            continue;
        }
        let severity = if entry.weight >= 2.0 {
            Severity::Warning
        } else {
            Severity::Info
        };
        let (category, quoted) = (entry.category.describe(), &doc.source[hit.span.range()]);
        let mut message = String::with_capacity(category.len() + quoted.len() + 4);
        message.push_str(category);
        message.push_str(": \"");
        push_squashed(&mut message, quoted);
        message.push('"');
        let suggestion = entry.suggestion.clone().map(Cow::Owned);
        if findings.push(hit.span, severity, message, suggestion) {
            weight += entry.weight;
            count += 1;
            distinct.insert(hit.entry);
        }
    }
    let n = doc.length_units() as f64;
    let smoothed_rate = 1000.0 * weight / (n + SMOOTHING_WORDS);
    Outcome::Measured(Measurement {
        value: if n > 0.0 { 1000.0 * weight / n } else { 0.0 },
        subscore: saturate(smoothed_rate, RATE_SCALE),
        // The smoothing already asks more of short texts; this only discounts scraps.
        confidence: ramp(n, 10.0),
        details: [
            ("hits", count as f64),
            ("distinct", distinct.len() as f64),
            ("weight", weight),
        ]
        .into(),
    })
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::signals::testing::{flagged, measure, subscore};

    const STUFFED: &str = "In today's fast-paced world, our cutting-edge platform empowers teams to unlock \
        their full potential. Our seamless, best-in-class solution is a game-changer. Take your \
        business to the next level today.";
    const PLAIN: &str = "Tasklane puts every open task on one board. Teams of 5 to 50 people use it to plan \
        two-week sprints, and the free plan covers three projects. Prices start at 6 euros per \
        person per month, billed yearly.";

    #[test]
    fn stuffed_copy_scores_high_and_every_hit_is_a_finding() {
        let (outcome, findings) = measure("WS101", STUFFED, Config::default());
        assert!(subscore(&outcome) > 0.8, "{outcome:?}");
        let hits = flagged(STUFFED, &findings);
        assert!(
            hits.contains(&"seamless") && hits.contains(&"game-changer"),
            "{hits:?}"
        );
        assert!(findings.iter().any(|f| f.suggestion.is_some()));
    }

    #[test]
    fn plain_specific_copy_scores_near_zero() {
        let (outcome, findings) = measure("WS101", PLAIN, Config::default());
        assert!(subscore(&outcome) < 0.1, "{outcome:?} {findings:?}");
    }

    #[test]
    fn allowed_and_extra_phrases_come_from_config() {
        let config = Config {
            allowed_phrases: vec!["Seamless".into()],
            extra_phrases: vec!["one board".into()],
            ..Config::default()
        };
        let (_, findings) = measure("WS101", &format!("{STUFFED} {PLAIN}"), config);
        let hits = flagged(&format!("{STUFFED} {PLAIN}"), &findings).join("|");
        assert!(
            !hits.contains("seamless") && hits.contains("one board"),
            "{hits}"
        );
    }

    #[test]
    fn inline_suppression_removes_the_hit_and_its_weight() {
        let text =
            "<!-- workslop-disable-next-line WS101 -->\nA seamless, game-changer of a tool.\n";
        let (outcome, findings) = measure("WS101", text, Config::default());
        assert!(findings.is_empty());
        assert_eq!(subscore(&outcome), 0.0);
    }
}
