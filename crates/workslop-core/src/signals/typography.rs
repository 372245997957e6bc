//! WS409 flawless-typography: not one typing slip in a text long enough to expect some.

use std::collections::BTreeMap;

use super::{Context, Measurement, Outcome, Signal, SignalInfo, ramp};
use crate::document::Document;
use crate::han;

pub struct FlawlessTypography;

static INFO: SignalInfo = SignalInfo {
    code: "WS409",
    name: "flawless-typography",
    summary: "Not one typing slip in a text long enough to expect some",
    default_weight: 1.0,
    explanation: "\
## What it finds
The small slips people make when they type: a space before a comma, a missing space after
one, two spaces in a row, `!!` or `...`, a sentence that starts in lower case, a lone lower-case
\"i\" in English, a paragraph that stops without its full stop; in Chinese and Japanese, a
space between characters, a half-width comma between them, or `！！`; in Spanish, a question
or exclamation without its opening `¿` or `¡`. It counts them per 100
words; a text with none scores high (its confidence, which grows with length, is reported but
does not scale the score). It reports no findings, because there is nothing to fix: a clean
text is not a fault.

## Why it matters
Language models do not make typing slips, and people writing at their own pace almost always
do. On its own, clean typography proves nothing (edited copy is clean too), so the signal
only adds weight to the other tells; together with them, a long text without a single slip
reads as generated.

## Example
> Our platform helps teams plan, track and ship. Every feature is built for scale. Start today.

(Three clean sentences: nothing here is wrong, and nothing here is human either.)

## Instead
Nothing to change for this signal: it lowers the score of copy that shows a person wrote it,
and edited copy should still be specific enough to pass on the other signals.
",
};

/// Slips per 100 words at which the sub-score has fallen to 1/e.
const SLIP_SCALE: f64 = 1.0;
/// Words at which the confidence is one half.
const HALF_CONFIDENCE_WORDS: f64 = 30.0;

/// Characters that may close a sentence after its terminator.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']'];
/// What a paragraph of prose ends with, besides the closers.
const TERMINATORS: &[char] = &['.', '!', '?', '…', '。', '！', '？', ':'];

impl Signal for FlawlessTypography {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, _findings: &mut super::Findings<'_>) -> Outcome {
        let doc = cx.doc;
        let slips = count_slips(doc);
        let total: usize = slips.values().sum();
        let words = doc.words.len() as f64;
        let rate = if words > 0.0 {
            100.0 * total as f64 / words
        } else {
            0.0
        };
        Outcome::Measured(Measurement {
            value: rate,
            subscore: (-rate / SLIP_SCALE).exp(),
            confidence: ramp(words, HALF_CONFIDENCE_WORDS),
            details: slips
                .into_iter()
                .map(|(kind, n)| (kind, n as f64))
                .collect(),
        })
    }
}

/// Every kind of slip with its count.
fn count_slips(doc: &Document<'_>) -> BTreeMap<&'static str, usize> {
    let mut slips: BTreeMap<&'static str, usize> = [
        "double-space",
        "half-width-punctuation",
        "lower-case-i",
        "lower-case-start",
        "missing-final-stop",
        "missing-opening-mark",
        "repeated-punctuation",
        "space-after-missing",
        "space-before-punctuation",
        "space-inside-han",
    ]
    .into_iter()
    .map(|kind| (kind, 0))
    .collect();
    let mut add = |kind: &'static str| *slips.entry(kind).or_default() += 1;
    let english = doc.lang_code() == "en";
    let han = has_han(&doc.prose);
    let prose = doc.prose.as_bytes();
    // A full stop inside a word is rare: the words that hold one are found from the stops.
    let mut last_with_stop = None;
    // The stops come in text order, so the first word not before each only moves forward.
    let mut k = 0;
    for stop in memchr::memchr_iter(b'.', prose) {
        while doc.words.get(k).is_some_and(|w| w.end as usize <= stop) {
            k += 1;
        }
        let inside = doc.words.get(k).is_some_and(|w| w.start as usize <= stop);
        if inside && last_with_stop != Some(k) {
            last_with_stop = Some(k);
            if joined_sentences(&doc.prose[doc.words[k].range()]) {
                add("space-after-missing");
            }
        }
    }
    if english {
        (doc.words.iter())
            .filter(|w| w.len() == 1 && prose[w.start as usize] == b'i')
            .for_each(|_| add("lower-case-i"));
    }
    for (k, pair) in doc.words.windows(2).enumerate() {
        let (span, next) = (pair[0], pair[1]);
        let range = span.end as usize..next.start as usize;
        // Most gaps are one space, a slip only between Han characters; a comma and a space
        // is never one either, nor is nothing between two Han characters.
        let plain = match range.len() {
            0 => true,
            1 => !han && prose[range.start] == b' ',
            2 => !han && prose[range.start..range.end] == *b", ",
            _ => false,
        };
        if plain {
            continue;
        }
        let read = &prose[range.clone()];
        // Blanked markup is spaces in the prose: only gaps typed as they read count.
        let typed = &doc.source.as_bytes()[range.clone()];
        let as_typed = match (typed, read) {
            ([a], [b]) => a == b,
            _ => typed == read,
        };
        if !as_typed {
            continue;
        }
        let gap = &doc.prose[range];
        let next_word = &doc.prose[next.range()];
        if let Some(kind) = gap_slip(doc, k, gap, next_word, han) {
            add(kind);
        }
    }
    if doc.lang_code() == "es" {
        // Spanish opens questions and exclamations with ¿ and ¡.
        for sentence in &doc.sentences {
            let text = &doc.prose[sentence.span.range()];
            // The sentence starts at its first word, after any opening mark.
            let before = &doc.prose[..sentence.span.start as usize];
            for (close, open) in [('?', '¿'), ('!', '¡')] {
                if text.contains(close) && !text.contains(open) && !before.ends_with(open) {
                    add("missing-opening-mark");
                }
            }
        }
    }
    let judged_blocks = doc
        .paragraphs
        .iter()
        .filter(|p| doc.paragraphs.len() == 1 || p.sentences.end - p.sentences.start >= 2);
    for block in judged_blocks {
        let text = doc.prose[block.span.range()].trim_end();
        let last = text.trim_end_matches(CLOSERS).chars().next_back();
        if last.is_some_and(|c| !TERMINATORS.contains(&c)) {
            add("missing-final-stop");
        }
        if text.chars().next().is_some_and(char::is_lowercase) && !starts_mixed_case(text) {
            add("lower-case-start");
        }
    }
    slips
}

/// The slip in the gap between word `k` and the next, if any.
fn gap_slip(
    doc: &Document<'_>,
    k: usize,
    gap: &str,
    next_word: &str,
    han: bool,
) -> Option<&'static str> {
    let word = doc.word(k);
    let between_han = || han && ends_han(word) && next_word.starts_with(han::is_han);
    // Most gaps are one space, where only a space between characters can be a slip.
    if gap == " " {
        return between_han().then_some("space-inside-han");
    }
    if gap.contains('\n') {
        return None;
    }
    if between_han() {
        // Chinese and Japanese put no spaces between characters and use full-width marks.
        if gap.trim().is_empty() && gap.contains(' ') {
            return Some("space-inside-han");
        }
        if matches!(gap.trim(), "," | "!" | "?" | ";" | ":") {
            return Some("half-width-punctuation");
        }
    }
    if gap.starts_with(' ') && gap.trim_start().starts_with([',', '.']) {
        return Some("space-before-punctuation");
    }
    if repeated_punctuation(gap) {
        return Some("repeated-punctuation");
    }
    if gap.as_bytes().windows(2).any(|pair| pair == b"  ") {
        return Some("double-space");
    }
    let ends_lower = word.chars().next_back().is_some_and(char::is_lowercase);
    let next_first = next_word.chars().next();
    if matches!(gap, "," | ";") && ends_lower && next_first.is_some_and(char::is_alphabetic) {
        return Some("space-after-missing");
    }
    let terminated = gap.trim_start_matches(CLOSERS).starts_with(['.', '!', '?']);
    if terminated
        && gap.ends_with(' ')
        && next_first.is_some_and(char::is_lowercase)
        && !starts_mixed_case(next_word)
        && !is_abbreviation(doc, k, gap)
    {
        return Some("lower-case-start");
    }
    None
}

/// "!!", "?!", "..", "！？", "。。", "～～": a mark typed twice. (A gap is a few bytes, too short
/// for a substring search to pay for its set-up.)
fn repeated_punctuation(gap: &str) -> bool {
    let class = |c: char| match c {
        '!' | '?' => 1,
        '.' => 2,
        '！' | '？' => 3,
        '。' => 4,
        '～' => 5,
        _ => 0,
    };
    let mut previous = 0;
    gap.chars().any(|c| {
        let current = class(c);
        let repeated = current != 0 && current == previous;
        previous = current;
        repeated
    })
}

/// Whether the text holds a Han character, without which no gap can be a slip between two.
/// Each one's UTF-8 starts with a byte from 0xE3 to 0xE9 (U+3000 to U+9FFF) or 0xEF (U+F000
/// to U+FFFF), which is always a first byte; a quick scan for those spares English text the
/// check between every two words, and the characters found are then decoded, as emoji in
/// English copy bring such bytes too (the variation selector U+FE0F).
fn has_han(text: &str) -> bool {
    let han_lead = |b: u8| (b.wrapping_sub(0xE3) < 7) as u8 | (b == 0xEF) as u8;
    let bytes = text.as_bytes();
    // Blocks without an early exit or a branch inside, so the test vectorises.
    bytes.chunks(64).enumerate().any(|(n, block)| {
        block.iter().fold(0, |found, &b| found | han_lead(b)) != 0
            && (0..block.len()).any(|i| {
                let at = 64 * n + i;
                han_lead(bytes[at]) == 1 && text[at..].starts_with(han::is_han)
            })
    })
}

fn ends_han(word: &str) -> bool {
    word.chars().next_back().is_some_and(han::is_han)
}

/// "end.Next": a full stop with no space between two sentences, which the word splitter
/// keeps as one word.
fn joined_sentences(word: &str) -> bool {
    word.split_once('.').is_some_and(|(before, after)| {
        before.chars().next_back().is_some_and(char::is_lowercase)
            && after.chars().next().is_some_and(char::is_uppercase)
            && after.chars().nth(1).is_some_and(char::is_lowercase)
    })
}

/// Whether a full stop after word `k` closes an abbreviation, an initial or a number.
fn is_abbreviation(doc: &Document<'_>, k: usize, gap: &str) -> bool {
    if !gap.starts_with('.') {
        return false;
    }
    let word = doc.word(k);
    let single_letter = word.chars().count() == 1;
    let numeric = word.chars().next_back().is_some_and(|c| c.is_numeric());
    let listed = doc
        .language_data()
        .is_some_and(|data| data.abbreviations().ends_with_period(word));
    single_letter || numeric || listed
}

/// "iPhone", "eBay": lower case first, by design.
fn starts_mixed_case(text: &str) -> bool {
    text.split_whitespace()
        .next()
        .is_some_and(|w| w.chars().skip(1).any(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::markup::Format;
    use crate::scorer::Scorer;
    use crate::signals::testing::{measure, measure_in};
    use crate::signals::{Measurement, Outcome};

    fn measured(text: &str) -> Measurement {
        match measure("WS409", text, Config::default()).0 {
            Outcome::Measured(m) => m,
            Outcome::Skipped(why) => panic!("skipped: {why}"),
        }
    }

    #[test]
    fn clean_text_scores_high_and_weighs_more_when_longer() {
        let short = measured("Our platform helps teams plan and ship. Start today.");
        let long = measured(
            "Our platform helps teams plan, track and ship. Every feature is built for scale. \
             Dashboards update in real time. Integrations connect the tools you already use. \
             Security is built in from the start. Support is there when you need it. \
             Start your free trial today and see the difference for yourself.",
        );
        assert_eq!(short.value, 0.0);
        assert_eq!(short.subscore, 1.0);
        assert!(long.confidence > short.confidence, "{long:?} {short:?}");
    }

    #[test]
    fn each_kind_of_slip_is_counted() {
        let text = "the food was great , i loved it.The staff were kind,friendly and fast!! \
                    we will  come back. Prices were fair e.g. the soup was cheap. \
                    Dr. Smith agreed. It cost 5. that is cheap";
        let m = measured(text);
        let count = |kind: &str| m.details[kind];
        assert_eq!(count("space-before-punctuation"), 1.0, "{m:?}");
        assert_eq!(count("lower-case-i"), 1.0, "{m:?}");
        assert_eq!(count("space-after-missing"), 2.0, "{m:?}");
        assert_eq!(count("repeated-punctuation"), 1.0, "{m:?}");
        assert_eq!(count("double-space"), 1.0, "{m:?}");
        // The paragraph's first word ("we" after "!!" counts as the repeated punctuation);
        // not "the" after "e.g." or "that" after a number.
        assert_eq!(count("lower-case-start"), 1.0, "{m:?}");
        assert_eq!(count("missing-final-stop"), 1.0, "{m:?}");
        assert!(m.subscore < 0.01, "{m:?}");
    }

    #[test]
    fn chinese_slips_are_counted_and_clean_chinese_is_not() {
        let measure_zh = |text: &str| match measure_in("WS409", "zh", text).0 {
            Outcome::Measured(m) => m,
            Outcome::Skipped(why) => panic!("skipped: {why}"),
        };
        let sloppy = measure_zh("酒店 位置很好,早餐也不错！！房间有点小");
        assert_eq!(sloppy.details["space-inside-han"], 1.0, "{sloppy:?}");
        assert_eq!(sloppy.details["half-width-punctuation"], 1.0, "{sloppy:?}");
        assert_eq!(sloppy.details["repeated-punctuation"], 1.0, "{sloppy:?}");
        assert_eq!(sloppy.details["missing-final-stop"], 1.0, "{sloppy:?}");
        let clean = measure_zh("酒店位置很好，早餐也不错。房间有点小……但是很干净。");
        assert_eq!(clean.value, 0.0, "{clean:?}");
    }

    #[test]
    fn spanish_questions_need_their_opening_mark() {
        let (outcome, _) = measure_in("WS409", "es", "Que buena vista! ¿Volveremos? Sí, en mayo.");
        let Outcome::Measured(m) = outcome else {
            panic!("skipped")
        };
        assert_eq!(m.details["missing-opening-mark"], 1.0, "{m:?}");
    }

    #[test]
    fn markup_headings_and_list_items_are_not_slips() {
        let text = "# Why teams pick us\n\n- fast sync\n- offline mode\n\n\
                    Run `npm  install` first. It takes a **minute**. Then open iPhone settings.\n";
        let m = measured(text);
        let total: f64 = m.details.values().sum();
        assert_eq!(total, 0.0, "{m:?}");
    }

    #[test]
    fn repeated_marks_are_the_listed_pairs() {
        const REPEATED: &[&str] = &[
            "!!", "??", "?!", "!?", "..", "！！", "？？", "！？", "？！", "。。", "～～",
        ];
        let marks = ["!", "?", ".", ",", " ", "！", "？", "。", "～", "a"];
        for a in marks {
            for b in marks {
                for c in marks {
                    let gap = format!("{a}{b}{c}");
                    let listed = REPEATED.iter().any(|p| gap.contains(p));
                    assert_eq!(super::repeated_punctuation(&gap), listed, "{gap:?}");
                }
            }
        }
    }

    #[test]
    fn han_is_told_from_emoji_kana_and_cjk_marks() {
        for text in [
            "- 🛡️ Robust",
            "Solar ☀️ power",
            "\u{FEFF}Hello",
            "ア、カ。",
            "Ｂ２Ｂ",
            "",
        ] {
            assert!(!super::has_han(text), "{text}");
        }
        let late = format!("{}中", "a".repeat(63));
        for text in ["中", "a 中 b", "\u{F900}", "🛡️ 我们", late.as_str()] {
            assert!(super::has_han(text), "{text}");
        }
    }

    #[test]
    fn empty_text_carries_no_evidence() {
        let scorer = Scorer::new(Config::default()).unwrap();
        let (outcome, findings) = scorer.measure_one("WS409", "", Format::Text);
        assert!(findings.is_empty());
        match outcome {
            Outcome::Measured(m) => assert_eq!(m.confidence, 0.0),
            Outcome::Skipped(_) => {}
        }
    }
}
