//! WS405 stock-frames: a stock opener as the first sentence, a stock closer as the last.

use std::sync::LazyLock;

use regex::Regex;

use super::{Context, Findings, Job, Measurement, Outcome, Signal, SignalInfo, job};
use crate::lexicon::Category;
use crate::report::Severity;
use crate::span::Span;

pub struct StockFrames;

static INFO: SignalInfo = SignalInfo {
    code: "WS405",
    name: "stock-frames",
    summary: "A stock opening sentence or a stock closing line framing the copy",
    default_weight: 1.5,
    explanation: "\
## What it finds
Where the stock phrases sit: an opener (\"In today's fast-paced world\", \"Are you looking
for...?\", \"Imagine a world where\") in the first sentence, and a closer (\"In conclusion\",
\"Ready to take the next step?\", \"The future is bright\") in the last two. The same phrase in
the middle of a text is only a stock phrase (WS101); at the edges it is the frame of a
template.

## Why it matters
First and last lines are the ones readers actually read. A template frame spends both on
words that could open and close anyone's page.

## Example
> Are you looking for a smarter way to manage your projects? ... Ready to take your team to the next level?

## Instead
Open with the reader's problem or your strongest fact; close with one concrete next step
(\"Start a free 14-day trial; no card needed\").
",
};

/// English openers built on a question to the reader, which no phrase list covers.
static QUESTION_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:are you|do you|have you ever|looking for|tired of|struggling with|ever wondered|want to|what if)\b[^?]*\?")
        .expect("valid pattern")
});
/// English closers: an invitation asked as a question.
static QUESTION_CLOSER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:ready to|why wait|what are you waiting for|so why not|are you ready)\b[^?]*\?")
        .expect("valid pattern")
});

/// Compiles the question frames, which are English.
pub(super) fn preparations(lang: &str) -> Vec<Job<'static>> {
    if lang != "en" {
        return Vec::new();
    }
    vec![job(|| {
        LazyLock::force(&QUESTION_OPENER);
        LazyLock::force(&QUESTION_CLOSER);
    })]
}

impl Signal for StockFrames {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        let doc = cx.doc;
        let sentences = &doc.sentences;
        let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else {
            return Outcome::Skipped("no sentences");
        };
        let closing_start = sentences[sentences.len().saturating_sub(2)].span.start;
        let mut opener: Option<Span> = None;
        let mut closer: Option<Span> = None;
        if let Some(language) = cx.language {
            for hit in cx.lexicon_hits() {
                let category = language.lexicon.entry(*hit).category;
                if category == Category::StockOpener
                    && hit.span.start < first.span.end
                    && opener.is_none()
                {
                    opener = Some(hit.span);
                }
                if category == Category::StockCloser
                    && hit.span.start >= closing_start
                    && sentences.len() >= 3
                {
                    closer = Some(hit.span);
                }
            }
        }
        if doc.lang_code() == "en" {
            let first_text = &doc.lower[first.span.range()];
            if opener.is_none()
                && let Some(m) = QUESTION_OPENER.find(first_text)
            {
                opener = Some(Span::new(
                    first.span.start as usize + m.start(),
                    first.span.start as usize + m.end(),
                ));
            }
            let last_text = &doc.lower[last.span.range()];
            if closer.is_none()
                && sentences.len() >= 3
                && let Some(m) = QUESTION_CLOSER.find(last_text)
            {
                closer = Some(Span::new(
                    last.span.start as usize + m.start(),
                    last.span.start as usize + m.end(),
                ));
            }
        }
        let mut frames = 0.0;
        if let Some(span) = opener
            && findings.push(
                span,
                Severity::Warning,
                "Stock opener as the first sentence".into(),
                Some("open with the reader's problem or your strongest fact".into()),
            )
        {
            frames += 1.0;
        }
        if let Some(span) = closer
            && findings.push(
                span,
                Severity::Warning,
                "Stock closer at the end".into(),
                Some("close with one concrete next step".into()),
            )
        {
            frames += 1.0;
        }
        Outcome::Measured(Measurement {
            value: frames,
            subscore: frames / 2.0,
            confidence: if sentences.len() >= 3 { 1.0 } else { 0.5 },
            details: Default::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::signals::testing::{flagged, measure, subscore};

    #[test]
    fn framed_copy_is_found_at_both_ends() {
        let text = "Are you looking for a smarter way to manage projects? Our board shows every task. \
                    It syncs with your calendar. Ready to take your team to the next level?";
        let (outcome, findings) = measure("WS405", text, Config::default());
        assert_eq!(findings.len(), 2, "{:?}", flagged(text, &findings));
        assert_eq!(subscore(&outcome), 1.0);
        let text = "In today's fast-paced world, teams juggle too much. Our board helps. It is free for schools.";
        let (_, findings) = measure("WS405", text, Config::default());
        assert_eq!(flagged(text, &findings), ["In today's fast-paced world"]);
    }

    #[test]
    fn the_same_phrases_in_the_middle_are_not_frames() {
        let text = "Tasklane shows every task on one board. In today's fast-paced world of deadlines, \
                    that matters. Prices start at six euros. Support answers within a day.";
        let (outcome, findings) = measure("WS405", text, Config::default());
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(subscore(&outcome), 0.0);
    }
}
