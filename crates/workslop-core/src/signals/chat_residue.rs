//! WS406 chat-residue: the assistant's voice left in the copy.

use std::sync::LazyLock;

use super::lazy_regex::LazyRegex;
use super::{
    Context, Findings, Job, Measurement, Outcome, Signal, SignalInfo, job, quoting, saturate,
};
use crate::report::Severity;
use crate::span::Span;

pub struct ChatResidue;

static INFO: SignalInfo = SignalInfo {
    code: "WS406",
    name: "chat-residue",
    summary: "Leftovers of a chat assistant: \"Certainly!\", \"I hope this helps\", [placeholders]",
    default_weight: 3.0,
    explanation: "\
## What it finds
Phrases a chat assistant says to the person prompting it, pasted into the copy with the rest:
\"Certainly! Here's a product description:\", \"As an AI language model\", \"I hope this helps\",
\"Let me know if you'd like any changes\", and unfilled placeholders such as
\"[Your Company Name]\". Each is a finding; one is enough to move the score a lot.

## Why it matters
Nothing says \"nobody read this\" like the assistant's chatter or an empty placeholder on a
published page.

## Example
> Certainly! Here's a description for your bakery: At [Bakery Name], we bake with love.

## Instead
Delete the chatter, fill every placeholder, and read the page once before it ships.
",
};

/// Patterns per language on lowercased prose; English ones run for every language, since
/// assistants often answer in English. A pattern that starts with `SENTENCE_START` counts only
/// at the start of a sentence or line.
static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let table: &[(&str, &str)] = &[
        (
            "*",
            r"\[[^\]\n]{0,30}\b(?:your|insert|company|product|brand|business|name|ihr|ihre|firmenname|nombre|votre|nom|nome|seu|sua|twoja|nazwa)\b[^\]\n]{0,30}\]",
        ),
        // An assistant's opening, as in "Certainly!" or "Okay, here's a ...": one pattern, so
        // the text is searched once for both.
        (
            "en",
            r"(?:^|[.!?]\s+)(?:(?:certainly|sure|absolutely|of course)[!,]|(?:okay|alright|all right)[,!.]? here(?:'s|’s| is| are) (?:a|an|my|your|some)\b)",
        ),
        ("en", r"\bas an ai(?: language model| assistant)?\b"),
        (
            "en",
            r"\bi hope (?:this|that|these) (?:helps|is helpful|help)\b",
        ),
        ("en", r"\blet me know if (?:you|there)\b"),
        (
            "en",
            r"\bfeel free to (?:ask|reach out|let me know|modify|adjust)\b",
        ),
        (
            "en",
            r"\bhere(?:'s|’s| is| are) (?:a|an|some|your) [^.:\n]{0,60}:",
        ),
        ("en", r"\bi(?:'d|’d| would) be (?:happy|glad) to\b"),
        ("en", r"\b(?:provided|given) (?:prompt|outline)s?\b"),
        ("en", r"\bgreat question\b"),
        (
            "en",
            r"\bi (?:can't|cannot|can’t) (?:browse|access|provide real-time)\b",
        ),
        (
            "de",
            r"(?:^|[.!?]\s+)(?:gerne|natürlich|selbstverständlich|klar)!",
        ),
        ("de", r"\bich hoffe,? (?:das|dies|diese) hilft\b"),
        (
            "de",
            r"\bhier (?:ist|sind) (?:eine|ein|der|die|das|einige|ihre|ihr) [^.:\n]{0,60}:",
        ),
        ("de", r"\bals (?:eine )?ki\b"),
        (
            "es",
            r"(?:^|[.!?]\s+)¡?(?:claro|por supuesto|¡?desde luego)!",
        ),
        ("es", r"\baquí (?:tienes|tiene|está|están)\b[^.:\n]{0,60}:"),
        (
            "es",
            r"\bespero que (?:esto|esta|este) (?:te|le|les) (?:ayude|sea útil)",
        ),
        ("es", r"\bcomo (?:una )?ia\b"),
        (
            "fr",
            r"(?:^|[.!?]\s+)(?:bien sûr|certainement|absolument)\s?!",
        ),
        (
            "fr",
            r"\bvoici (?:un|une|le|la|les|quelques|votre) [^.:\n]{0,60}:",
        ),
        ("fr", r"\bj'espère que cela (?:vous|t')aide"),
        ("fr", r"\ben tant qu'ia\b"),
        ("it", r"(?:^|[.!?]\s+)(?:certo|certamente|assolutamente)!"),
        (
            "it",
            r"\becco (?:un|una|il|la|le|i|alcuni|alcune) [^.:\n]{0,60}:",
        ),
        (
            "it",
            r"\bspero che (?:questo|ciò|questa) (?:ti|le|vi) sia utile",
        ),
        ("it", r"\bcome (?:un'|una )?ia\b"),
        ("pl", r"(?:^|[.!?]\s+)(?:oczywiście|jasne|pewnie)!"),
        ("pl", r"\boto [^.:\n]{0,60}:"),
        (
            "pl",
            r"\bmam nadzieję, że (?:to|ten|ta) (?:pomoże|pomoże ci)",
        ),
        ("pl", r"\bjako (?:model )?(?:ai|si)\b"),
        ("pt", r"(?:^|[.!?]\s+)(?:claro|com certeza|certamente)!"),
        ("pt", r"\baqui (?:está|estão|vai|vão)\b[^.:\n]{0,60}:"),
        (
            "pt",
            r"\bespero que (?:isso|isto|este|esta) (?:ajude|seja útil)",
        ),
        ("pt", r"\bcomo (?:uma )?ia\b"),
        (
            "zh",
            r"当然[！!]|以下是|希望(?:这|以上|这些)(?:对你|对您|能)?有(?:所)?帮助|作为(?:一个)?(?:ai|人工智能)",
        ),
    ];
    table
        .iter()
        .map(|&(lang, source)| {
            let (source, at_sentence_start) = match source.strip_prefix(SENTENCE_START) {
                Some(rest) => (rest, true),
                None => (source, false),
            };
            Pattern {
                lang,
                regex: LazyRegex::with_ascii_boundaries(source),
                at_sentence_start,
            }
        })
        .collect()
});

const SENTENCE_START: &str = r"(?:^|[.!?]\s+)";

struct Pattern {
    lang: &'static str,
    regex: LazyRegex,
    at_sentence_start: bool,
}

impl Pattern {
    fn runs_on(&self, lang: &str) -> bool {
        matches!(self.lang, "*" | "en") || self.lang == lang
    }
}

/// Compiles the patterns that run on text in `lang`.
pub(super) fn preparations(lang: &str) -> Vec<Job<'static>> {
    let patterns = PATTERNS.iter().filter(|p| p.runs_on(lang));
    patterns.map(|p| job(|| p.regex.prepare())).collect()
}

/// Whether `at` is the start of the text, of a line, or of a sentence after `.`, `!` or `?`.
fn starts_sentence(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let trimmed = before.trim_end();
    before.is_empty()
        || before.ends_with('\n')
        || (trimmed.len() < before.len() && trimmed.ends_with(['.', '!', '?']))
}

impl Signal for ChatResidue {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        let doc = cx.doc;
        let lang = doc.lang_code();
        let mut spans: Vec<Span> = Vec::new();
        for pattern in PATTERNS.iter().filter(|p| p.runs_on(lang)) {
            for m in pattern.regex.find_iter(&doc.lower) {
                if pattern.at_sentence_start && !starts_sentence(&doc.lower, m.start) {
                    continue;
                }
                spans.push(Span::new(m.start, m.end));
            }
        }
        spans.sort_unstable();
        spans.dedup_by(|b, a| b.start < a.end);
        let mut count = 0usize;
        for span in spans {
            if findings.push(
                span,
                Severity::Warning,
                quoting(
                    "Chat assistant residue: \"",
                    &doc.source[span.range()],
                    "\"",
                ),
                Some("delete the assistant's words and fill every placeholder".into()),
            ) {
                count += 1;
            }
        }
        Outcome::Measured(Measurement {
            value: count as f64,
            subscore: saturate(count as f64, 0.7),
            confidence: 1.0,
            details: Default::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::signals::testing::{flagged, measure, subscore};

    #[test]
    fn chatter_and_placeholders_are_found() {
        let text = "Certainly! Here's a product description for your bakery: At [Bakery Name], we bake daily. \
                    I hope this helps! Let me know if you'd like changes.";
        let (outcome, findings) = measure("WS406", text, Config::default());
        let hits = flagged(text, &findings);
        assert_eq!(hits.len(), 5, "{hits:?}");
        assert!(hits.contains(&"[Bakery Name]") && hits.contains(&"Certainly!"));
        assert!(subscore(&outcome) > 0.9);
    }

    #[test]
    fn an_assistant_s_preamble_is_found_without_its_colon() {
        let text = "Okay, here's a short story about a lighthouse keeper, based on the provided \
                    outline. The lamp had not failed in forty years.";
        let (_, findings) = measure("WS406", text, Config::default());
        let hits = flagged(text, &findings);
        assert_eq!(hits, ["Okay, here's a", "provided outline"], "{hits:?}");
    }

    #[test]
    fn ordinary_copy_has_none() {
        let text = "Sure-footed soles, of course, matter on wet rock. Here is the fit guide. \
                    Let me explain the sizes: EU 38 to 47. Use [brackets] in notes if you like. \
                    OK, here's the deal, the given summary of fees is on the back. Here's the \
                    good news: it ships today.";
        let (outcome, findings) = measure("WS406", text, Config::default());
        assert!(findings.is_empty(), "{:?}", flagged(text, &findings));
        assert_eq!(subscore(&outcome), 0.0);
    }
}
