//! WS402 contrast-framing: "it's not just X, it's Y" and its relatives, per language.

use std::ops::Range;
use std::sync::LazyLock;

use super::lazy_regex::LazyRegex;
use super::{
    Context, Findings, Job, Measurement, Outcome, Signal, SignalInfo, job, ramp, saturate, squash,
};
use crate::document::Document;
use crate::report::Severity;
use crate::span::Span;

pub struct ContrastFraming;

static INFO: SignalInfo = SignalInfo {
    code: "WS402",
    name: "contrast-framing",
    summary: "\"It's not just X, it's Y\" and other set-up-and-knock-down contrasts",
    default_weight: 1.5,
    explanation: "\
## What it finds
Contrast frames: \"it's not just X, it's Y\", \"not merely X but Y\", \"this isn't X. It's Y.\",
\"it doesn't inform; it persuades\" (a semicolon or dash after the negated clause),
\"more than just a...\", \"less X, more Y\", and their equivalents in German (\"nicht nur ...
sondern\"), Spanish (\"no es solo X, es Y\"), French, Italian, Polish, Portuguese and Chinese
(\"不是……而是\"). Both halves must sit close together in one sentence, or in two adjacent
sentences for \"This isn't X. It's Y.\", so that an unrelated \"not\" and \"but\" do not count.
\"Not only ... but also\" and its equivalents count at a third of the weight: careful writers use
them too. English patterns also run when the language is undetermined; other languages are
skipped.

The value is frames per 1,000 characters. Human books run at about 0.04 to 0.07, text from
current language models at 0.09 to 0.8. The sub-score grows with the weighted rate above 0.07,
computed as if the text were 1,000 characters longer so that one frame in a tagline counts less.

## Why it matters
The frame invents a view nobody held (\"it's not just a tool\") to knock it down, and spends half
the sentence on what the product is not. Once, it is emphasis; in every paragraph it is one of
the most recognisable tics of generated copy.

## Example
> Tasklane isn't just a to-do app — it's a new way of working.
> It's not about tasks, it's about focus.

## Instead
Say what it is, with the detail that makes it true:
> Tasklane puts every open task on one board and hides the ones not due this week.
",
};

/// Weight of a frame models overuse and careful writers rarely need.
const STRONG: f64 = 1.0;
const MEDIUM: f64 = 0.6;
/// Weight of a frame common in careful human writing ("not only ... but also").
const LOW: f64 = 0.3;
/// Frames of at least this weight are warnings.
const WARNING_WEIGHT: f64 = 0.75;

/// Frames per 1,000 characters in human books, subtracted before scoring.
const HUMAN_RATE: f64 = 0.07;
/// Pseudo-characters added to the length, so that short texts need more evidence.
const SMOOTHING_CHARS: f64 = 1000.0;
/// Weighted frames per 1,000 characters above the human rate at which the sub-score reaches
/// 1 - 1/e.
const RATE_SCALE: f64 = 0.5;
/// Quotes in messages are cut to this many characters.
const QUOTE_CHARS: usize = 60;

/// A frame as written in the tables below, before compilation. Templates match the lowercase,
/// white-space-collapsed prose; `'` stands for any apostrophe and these tokens expand:
/// `GAP` the bounded words between the two halves, `SEP` a comma, colon or dash between
/// clauses, `TAIL` the first words of the second half.
struct Form {
    template: &'static str,
    weight: f64,
    /// How many sentences the frame may span.
    sentences: usize,
    /// Words each match holds within `lookback` bytes of its start, if the pattern is
    /// searched for around them (see [`LazyRegex::triggered_by`]).
    triggers: &'static [&'static str],
    lookback: usize,
}

/// A frame within one sentence.
const fn one(template: &'static str, weight: f64) -> Form {
    Form {
        template,
        weight,
        sentences: 1,
        triggers: &[],
        lookback: 0,
    }
}

/// A frame across two adjacent sentences ("This isn't X. It's Y.").
const fn two(template: &'static str, weight: f64) -> Form {
    Form {
        template,
        weight,
        sentences: 2,
        triggers: &[],
        lookback: 0,
    }
}

impl Form {
    /// The frame searched for only around `triggers`: for a pattern that starts with many
    /// short words ("it", "we", "is"), each common enough to slow a scan of the whole text,
    /// and for any whose matches all hold one, as a search tried only at chosen starts
    /// compiles in about half the time.
    const fn near(self, triggers: &'static [&'static str]) -> Form {
        Form {
            triggers,
            lookback: TRIGGER_LOOKBACK,
            ..self
        }
    }

    /// The same for a frame that starts with one of `triggers`: tried only where they do.
    const fn led_by(self, triggers: &'static [&'static str]) -> Form {
        Form {
            triggers,
            lookback: 0,
            ..self
        }
    }
}

/// The English negations, as they appear in the lowercase text ("isn t" is "isn't" typed
/// without its apostrophe).
const EN_NEGATIONS: &[&str] = &[
    "not", "n't", "n’t", "nʼt", "isn t", "aren t", "wasn t", "weren t", "doesn t", "didn t",
];
/// The most bytes a frame starts before its trigger ("they’re not": ten).
const TRIGGER_LOOKBACK: usize = 16;

struct Pattern {
    regex: LazyRegex,
    weight: f64,
    sentences: usize,
}

const APOSTROPHE: &str = r"(?:['’ʼ]| )";
const SEP: &str = r"(?:\s?[,;:]|\s?[—–]|\s-{1,2})\s?";
/// At most 80 characters (about 12 words), never across a sentence end.
const SPACED_GAP: &str = r"[^.!?]{1,80}?";
const SPACED_TAIL: &str = r#"(?: [^\s.!?,;:—–…"“”]+){0,6}"#;
/// At most 40 characters.
const HAN_GAP: &str = r"[^。！？.!?]{1,40}?";
const HAN_TAIL: &str = r"[^。！？.!?，,；;：:、]{0,12}";

// Tables are in priority order: of two frames starting at the same place, the first listed wins.

const EN: &[Form] = &[
    one(r"\bnot only GAP\bbut(?: also)?\bTAIL", LOW).led_by(EN_NEGATIONS),
    one(
        r"\bnot (?:just|only|merely|simply) GAPSEP(?:it's|it is|they're|they are|we're|we are|that's|this is)\bTAIL",
        STRONG,
    )
    .led_by(EN_NEGATIONS),
    one(r"\bnot (?:just|merely|simply) GAP\bbut\bTAIL", STRONG).led_by(EN_NEGATIONS),
    one(
        r"\b(?:(?:it|this|that|he|she|what)(?:'s| is| was) not|(?:they|we|you)(?:'re| are| were) not|(?:is|are|was|were) not|(?:isn|aren|wasn|weren)'t)\bGAPSEP(?:it's|it is|they're|they are|we're|we are|that's|this is)\bTAIL",
        STRONG,
    )
    .near(EN_NEGATIONS),
    // "It isn't a tool; it changes how you work": a negated verb, then a semicolon or dash
    // and a new clause on any verb. People mostly join such clauses with a comma or "but".
    one(
        r"\b(?:(?:is|are|was|were|does|did) not|(?:isn|aren|wasn|weren|doesn|didn)'t)\b[^.!?;:—–]{1,80}?(?:\s?;|\s?—|\s–)\s?(?:it|this|that|they|he|she|we)\bTAIL",
        STRONG,
    )
    .near(EN_NEGATIONS),
    two(
        r"\b(?:(?:it|this|that)(?:'s| is) not|(?:it|this|that) isn't|(?:they|we)(?:'re| are) not|(?:they|we) aren't) (?:just |only |merely |simply |about )?(?:a|an|the|your|our|my|their|another)\b[^.!?]{0,60}?[.!?]+ (?:it's|it is|they're|they are|we're|we are|that's|this is)\bTAIL",
        STRONG,
    )
    .near(EN_NEGATIONS),
    one(
        r"\bmore than (?:just|merely|simply|only)(?: an?| the)?(?: [^\s.!?,;:—–…]+){1,3}",
        MEDIUM,
    ),
    one(
        r"\bless [^\s.!?,;:—–]+(?: [^\s.!?,;:—–]+)?, more [^\s.!?,;:—–]+",
        MEDIUM,
    ),
];

const DE: &[Form] = &[
    one(r"\bnicht nur GAP\bsondern auch\bTAIL", LOW),
    one(r"\bnicht nur GAP\bsondern\bTAIL", MEDIUM),
    one(
        r"\b(?:das|es|dies) ist (?:nicht|kein(?:e|en|em|er|es)?)\bGAPSEP(?:das|es|dies|sie|er) ist\bTAIL",
        STRONG,
    ),
    one(r"\bkein(?:e|en|em|er|es)? GAPSEPsondern\bTAIL", MEDIUM),
    two(
        r"\b(?:das|es|dies) ist (?:kein(?:e|en|em|er|es)?|nicht (?:nur |einfach |bloß )?(?:ein|eine|einen|der|die|das))\b[^.!?]{0,60}?[.!?]+ (?:das|es|dies|sie|er) ist\bTAIL",
        STRONG,
    ),
    one(
        r"\bmehr als (?:nur|bloß|einfach)(?: (?:ein|eine|einen))?(?: [^\s.!?,;:—–…]+){1,3}",
        MEDIUM,
    ),
];

const ES: &[Form] = &[
    one(
        r"\bno (?:solo|sólo|solamente|únicamente) GAP\bsino(?: que)?(?: también)?\bTAIL",
        LOW,
    ),
    one(
        r"\bno (?:es|son|era|eran) GAPSEP(?:es|son|era|eran)\bTAIL",
        STRONG,
    ),
    two(
        r"\bno (?:es|son) (?:solo |sólo |solamente |simplemente )?(?:un|una|unos|unas|el|la|los|las|otro|otra)\b[^.!?]{0,60}?[.!?]+ (?:es|son)\bTAIL",
        STRONG,
    ),
    one(
        r"\bmás que (?:un|una) simple(?: [^\s.!?,;:—–…]+){1,3}|\bmás que (?:solo|sólo|simplemente)(?: [^\s.!?,;:—–…]+){1,3}",
        MEDIUM,
    ),
];

const FR: &[Form] = &[
    one(
        r"\bnon seulement GAP\bmais(?: aussi| également| encore)?\bTAIL",
        LOW,
    ),
    one(
        r"\b(?:(?:ce|ça|cela) )?n'est pas\bGAPSEP(?:c'est|ce sont|il s'agit)\bTAIL",
        STRONG,
    ),
    two(
        r"\b(?:(?:ce|ça|cela) )?n'est pas (?:seulement |juste |simplement )?(?:un|une|le|la|les|du|des|l|qu)\b[^.!?]{0,60}?[.!?]+ c'est\bTAIL",
        STRONG,
    ),
    one(r"\bpas seulement GAP\bmais\bTAIL", MEDIUM),
    one(
        r"\bplus qu'(?:un|une) simple(?: [^\s.!?,;:—–…]+){1,3}",
        MEDIUM,
    ),
];

const IT: &[Form] = &[
    one(
        r"\bnon (?:solo|soltanto|solamente) GAP\b(?:ma|bensì)(?: anche)?\bTAIL",
        LOW,
    ),
    one(r"\bnon (?:è|sono|era) GAPSEP(?:è|sono|era)\bTAIL", STRONG),
    two(
        r"\bnon (?:è|sono) (?:solo |soltanto |semplicemente )?(?:un|una|uno|il|la|lo|l|i|gli|le)\b[^.!?]{0,60}?[.!?]+ (?:è|sono)\bTAIL",
        STRONG,
    ),
    one(
        r"\bpiù (?:di|che) (?:un|una|uno) semplice(?: [^\s.!?,;:—–…]+){1,3}",
        MEDIUM,
    ),
];

const PL: &[Form] = &[
    one(
        r"\bnie tylko GAP\b(?:ale|lecz)(?: (?:też|także|również|i))?\bTAIL",
        LOW,
    ),
    one(r"\bto nie GAPSEPto\bTAIL", STRONG),
    two(r"\bto nie [^.!?]{1,60}?[.!?]+ to\bTAIL", STRONG),
    one(
        r"\bwięcej niż (?:tylko|zwykł\w*)(?: [^\s.!?,;:—–…]+){1,3}",
        MEDIUM,
    ),
];

const PT: &[Form] = &[
    one(
        r"\bnão (?:só|apenas|somente) GAP\bmas(?: também)?\bTAIL",
        LOW,
    ),
    one(
        r"\bnão (?:é|são|era|eram) GAPSEP(?:é|são|era|eram)\bTAIL",
        STRONG,
    ),
    two(
        r"\bnão (?:é|são) (?:apenas |só |somente |simplesmente )?(?:um|uma|uns|umas|o|a|os|as)\b[^.!?]{0,60}?[.!?]+ (?:é|são)\bTAIL",
        STRONG,
    ),
    one(
        r"\bmais (?:do )?que (?:um|uma) simples(?: [^\s.!?,;:—–…]+){1,3}",
        MEDIUM,
    ),
];

const ZH: &[Form] = &[
    one(r"不只是GAP(?:更是|而是)TAIL", STRONG),
    one(r"并?不是GAP而是TAIL", STRONG),
    one(r"不(?:仅|只|光|但)仅?GAP(?:而且|并且|还|更|也)TAIL", LOW),
];

static EN_PATTERNS: LazyLock<Frames> = LazyLock::new(|| compile(EN, false));
static DE_PATTERNS: LazyLock<Frames> = LazyLock::new(|| compile(DE, false));
static ES_PATTERNS: LazyLock<Frames> = LazyLock::new(|| compile(ES, false));
static FR_PATTERNS: LazyLock<Frames> = LazyLock::new(|| compile(FR, false));
static IT_PATTERNS: LazyLock<Frames> = LazyLock::new(|| compile(IT, false));
static PL_PATTERNS: LazyLock<Frames> = LazyLock::new(|| compile(PL, false));
static PT_PATTERNS: LazyLock<Frames> = LazyLock::new(|| compile(PT, false));
static ZH_PATTERNS: LazyLock<Frames> = LazyLock::new(|| compile(ZH, true));

/// The frames of a language; English also for undetermined text, where its words rarely
/// appear by accident. Empty when the language has none.
fn patterns(lang: &str) -> Option<&'static Frames> {
    let table: &'static LazyLock<Frames> = match lang {
        "en" | "und" => &EN_PATTERNS,
        "de" => &DE_PATTERNS,
        "es" => &ES_PATTERNS,
        "fr" => &FR_PATTERNS,
        "it" => &IT_PATTERNS,
        "pl" => &PL_PATTERNS,
        "pt" => &PT_PATTERNS,
        "zh" => &ZH_PATTERNS,
        _ => return None,
    };
    Some(table)
}

/// Compiles the frames of a language.
pub(super) fn preparations(lang: &str) -> Vec<Job<'static>> {
    let patterns = patterns(lang).into_iter().flat_map(|f| &f.patterns);
    patterns.map(|p| job(|| p.regex.prepare())).collect()
}

/// A language's frames.
struct Frames {
    patterns: Vec<Pattern>,
}

fn compile(forms: &[Form], han: bool) -> Frames {
    let (gap, tail) = if han {
        (HAN_GAP, HAN_TAIL)
    } else {
        (SPACED_GAP, SPACED_TAIL)
    };
    let patterns = forms
        .iter()
        .map(|form| {
            let source = form
                .template
                .replace('\'', APOSTROPHE)
                .replace("GAP", gap)
                .replace("SEP", SEP)
                .replace("TAIL", tail);
            let regex = if form.triggers.is_empty() {
                LazyRegex::with_ascii_boundaries(&source)
            } else {
                LazyRegex::triggered_by(&source, form.triggers, form.lookback)
            };
            Pattern {
                regex,
                weight: form.weight,
                sentences: form.sentences,
            }
        })
        .collect();
    Frames { patterns }
}

/// A frame found in the collapsed text: its offsets there and its pattern.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    pattern: usize,
}

impl Signal for ContrastFraming {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        let doc = cx.doc;
        let Some(table) = patterns(doc.lang_code()) else {
            return Outcome::Skipped("no contrast patterns for this language");
        };
        let (mut frames, mut weighted) = (0usize, 0.0);
        for hit in hits(doc, table) {
            let pattern = &table.patterns[hit.pattern];
            let span = Span::new(
                doc.collapsed.to_source(hit.start),
                doc.collapsed.to_source(hit.end),
            );
            let quoted = quote(doc.source.get(span.range()).unwrap_or_default());
            let (severity, suggestion) = if pattern.weight >= WARNING_WEIGHT {
                (
                    Severity::Warning,
                    "say what it is directly; drop the strawman",
                )
            } else {
                (
                    Severity::Info,
                    "fine now and then; if it recurs, state the point plainly",
                )
            };
            if findings.push(
                span,
                severity,
                ["Contrast framing: \"", &quoted, "\""].concat(),
                Some(suggestion.into()),
            ) {
                frames += 1;
                weighted += pattern.weight;
            }
        }
        let chars = doc.collapsed.text.trim().chars().count() as f64;
        let smoothed_rate = 1000.0 * weighted / (chars + SMOOTHING_CHARS);
        Outcome::Measured(Measurement {
            value: if chars > 0.0 {
                1000.0 * frames as f64 / chars
            } else {
                0.0
            },
            subscore: saturate(smoothed_rate - HUMAN_RATE, RATE_SCALE),
            confidence: ramp(chars, 600.0),
            details: [("frames", frames as f64), ("weighted", weighted)].into(),
        })
    }
}

/// Every frame that stays within its sentences, without overlaps: the leftmost wins, then
/// the one listed first.
fn hits(doc: &Document<'_>, frames: &Frames) -> Vec<Hit> {
    let text = &doc.collapsed.text;
    let mut candidates: Vec<Hit> = Vec::new();
    // The trigger words last searched for and where they are: patterns next to each other
    // in a table often share them.
    let mut triggers: Option<(&[&str], Vec<Range<usize>>)> = None;
    for (index, pattern) in frames.patterns.iter().enumerate() {
        let found = match pattern.regex.trigger_words() {
            Some(words) => {
                let (_, positions) = match triggers.take() {
                    Some(known) if known.0 == words => triggers.insert(known),
                    _ => triggers.insert((words, pattern.regex.trigger_positions(text))),
                };
                pattern.regex.find_iter_near(text, positions)
            }
            None => pattern.regex.find_iter(text),
        };
        for m in found {
            let hit = Hit {
                start: m.start,
                end: m.end,
                pattern: index,
            };
            if within_sentences(doc, hit, pattern.sentences) {
                candidates.push(hit);
            }
        }
    }
    candidates.sort_by_key(|h| (h.start, h.pattern));
    let mut kept = Vec::new();
    let mut free_from = 0;
    for hit in candidates {
        if hit.start >= free_from {
            free_from = hit.end;
            kept.push(hit);
        }
    }
    kept
}

/// Whether the hit starts and ends at most `limit - 1` sentences apart.
fn within_sentences(doc: &Document<'_>, hit: Hit, limit: usize) -> bool {
    let first = sentence_at(doc, doc.collapsed.to_source(hit.start));
    let last = sentence_at(doc, doc.collapsed.to_source(hit.end).saturating_sub(1));
    last < first + limit
}

/// The index of the sentence containing (or, between sentences, following) a source offset.
fn sentence_at(doc: &Document<'_>, offset: usize) -> usize {
    doc.sentences
        .partition_point(|s| (s.span.end as usize) <= offset)
}

/// The text with white space collapsed, cut to `QUOTE_CHARS` characters.
fn quote(text: &str) -> String {
    let collapsed = squash(text);
    match collapsed.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", &collapsed[..cut]),
        None => collapsed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::signals::RawFinding;
    use crate::signals::testing::{self, flagged, measure, subscore};

    #[test]
    fn every_built_in_pattern_compiles() {
        for lang in ["de", "en", "es", "fr", "it", "pl", "pt", "zh"] {
            let frames = patterns(lang).expect(lang);
            for pattern in &frames.patterns {
                pattern.regex.prepare();
                assert!(pattern.regex.find_iter("").is_empty(), "{lang}");
            }
        }
    }

    fn measure_in(lang: &str, text: &str) -> (Outcome, Vec<RawFinding>) {
        testing::measure_in("WS402", lang, text)
    }

    #[test]
    fn every_negation_of_a_triggered_frame_is_found() {
        let negated_subjects = [
            "it's not",
            "it’s not",
            "it s not",
            "this is not",
            "that was not",
            "he is not",
            "she's not",
            "what is not",
            "what was not",
            "they're not",
            "they’re not",
            "we are not",
            "you were not",
            "they were not",
        ];
        // Negated verbs, which both the comma form and the semicolon form take.
        let negated_verbs = ["is not", "were not", "isn't", "aren’t", "wasn t", "weren't"];
        let negated_auxiliaries = ["does not", "did not", "doesn’t", "didn t"];
        let mut texts = Vec::new();
        for negation in negated_subjects.iter().chain(&negated_verbs) {
            texts.push(format!("The plan {negation} a list, it's a promise."));
        }
        for negation in negated_verbs.iter().chain(&negated_auxiliaries) {
            texts.push(format!("Our plan {negation} a list; it keeps promises."));
        }
        for negation in [
            "it's not",
            "that is not",
            "this isn’t",
            "they're not",
            "we aren't",
        ] {
            texts.push(format!("Well, {negation} a list. It's a promise."));
        }
        for text in texts {
            let (_, findings) = measure("WS402", &text, Config::default());
            assert_eq!(findings.len(), 1, "{text}");
        }
    }

    #[test]
    fn triggered_frames_find_what_a_whole_scan_finds() {
        let frames = patterns("en").expect("en");
        for text in testing::fixture_texts() {
            let lower = text.to_lowercase();
            for pattern in frames.patterns.iter() {
                // The source reads some classes byte by byte (see `lazy_regex`).
                let whole_scan: Vec<_> = regex::bytes::Regex::new(pattern.regex.source())
                    .expect("valid")
                    .find_iter(lower.as_bytes())
                    .map(|m| m.range())
                    .collect();
                assert_eq!(pattern.regex.find_iter(&lower), whole_scan);
            }
        }
    }

    #[test]
    fn not_just_x_its_y_is_a_strong_frame() {
        let text = "It's not just a tool, it's a partner.";
        let (outcome, findings) = measure("WS402", text, Config::default());
        assert_eq!(
            flagged(text, &findings),
            ["It's not just a tool, it's a partner"]
        );
        assert_eq!(findings[0].severity, Severity::Warning);
        assert_eq!(
            findings[0].message,
            "Contrast framing: \"It's not just a tool, it's a partner\""
        );
        assert!(subscore(&outcome) > 0.5, "{outcome:?}");
    }

    #[test]
    fn not_only_but_also_counts_little() {
        let text = "Not only fast but also cheap.";
        let (outcome, findings) = measure("WS402", text, Config::default());
        assert_eq!(flagged(text, &findings), ["Not only fast but also cheap"]);
        assert_eq!(findings[0].severity, Severity::Info);
        let (strong, _) = measure("WS402", "Not just fast, it's cheap.", Config::default());
        assert!(subscore(&outcome) > 0.0, "{outcome:?}");
        assert!(subscore(&outcome) < subscore(&strong) / 2.0, "{outcome:?}");
    }

    #[test]
    fn other_english_forms() {
        let text = "Our app isn't just a planner — it's a second brain. This isn't a product. \
                    It's a movement. It is more than just a tool. Less busywork, more building.";
        let (outcome, findings) = measure("WS402", text, Config::default());
        let hits = flagged(text, &findings);
        assert_eq!(
            hits,
            [
                "isn't just a planner — it's a second brain",
                "This isn't a product. It's a movement",
                "more than just a tool",
                "Less busywork, more building",
            ]
        );
        let Outcome::Measured(m) = outcome else {
            unreachable!()
        };
        assert_eq!(m.details["frames"], 4.0);
        assert!((m.details["weighted"] - 3.2).abs() < 1e-9, "{m:?}");
    }

    #[test]
    fn a_negated_clause_then_a_semicolon_or_dash_and_any_verb() {
        let text =
            "Setting isn’t chosen; it emerges. The report doesn't simply inform—it persuades.";
        let (_, findings) = measure("WS402", text, Config::default());
        assert_eq!(
            flagged(text, &findings),
            [
                "isn’t chosen; it emerges",
                "doesn't simply inform—it persuades"
            ]
        );
        for human in [
            "Don't get me wrong; it was fine.",
            "The soup wasn't hot, so it went back.",
            "It wasn't busy. We got a table by the window.",
        ] {
            let (_, findings) = measure("WS402", human, Config::default());
            assert!(findings.is_empty(), "{human}: {findings:?}");
        }
    }

    #[test]
    fn unrelated_or_distant_not_and_but_are_not_frames() {
        for text in [
            "We do not ship on Sundays. But on Mondays we ship twice.",
            "It is not cheap, but it lasts for years.",
            "We are not just starting out with this product, since the company has spent eleven \
             years building tools for bakers and cafes, but we are still small.",
            "## Not just a tool\n\nbut a partner for your team.",
            "It's not there. It's gone.",
        ] {
            let (outcome, findings) = measure("WS402", text, Config::default());
            assert!(findings.is_empty(), "{text}: {findings:?}");
            assert_eq!(subscore(&outcome), 0.0);
        }
    }

    #[test]
    fn german_spanish_and_chinese_frames() {
        let text = "Das ist nicht nur schnell, sondern auch günstig.";
        let (outcome, findings) = measure_in("de", text);
        assert_eq!(
            flagged(text, &findings),
            ["nicht nur schnell, sondern auch günstig"]
        );
        assert!(subscore(&outcome) > 0.0);

        let text = "No es solo una herramienta, es un socio.";
        let (_, findings) = measure_in("es", text);
        assert_eq!(
            flagged(text, &findings),
            ["No es solo una herramienta, es un socio"]
        );
        assert_eq!(findings[0].severity, Severity::Warning);

        let text = "这不仅是一个工具，而且是一个伙伴。";
        let (_, findings) = measure_in("zh", text);
        assert_eq!(flagged(text, &findings), ["不仅是一个工具，而且是一个伙伴"]);
        let text = "它不是工具，而是伙伴。";
        let (_, findings) = measure_in("zh", text);
        assert_eq!(flagged(text, &findings), ["不是工具，而是伙伴"]);
    }

    #[test]
    fn languages_without_patterns_are_skipped() {
        let (outcome, findings) = measure_in("nl", "Het is niet alleen snel, maar ook goedkoop.");
        assert_eq!(
            outcome,
            Outcome::Skipped("no contrast patterns for this language")
        );
        assert!(findings.is_empty());
    }

    #[test]
    fn every_pattern_compiles_and_quotes_are_cut_on_characters() {
        for lang in ["en", "de", "es", "fr", "it", "pl", "pt", "zh"] {
            assert!(
                patterns(lang).is_some_and(|f| !f.patterns.is_empty()),
                "{lang}"
            );
        }
        assert_eq!(quote("a  b\n c"), "a b c");
        let long = "é".repeat(70);
        assert_eq!(quote(&long), format!("{}…", "é".repeat(60)));
    }
}
