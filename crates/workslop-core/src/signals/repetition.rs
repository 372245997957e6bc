//! WS201 repetition: repeated word sequences, duplicate sentences, same openers, stock transitions.

use rustc_hash::FxHashSet;

use super::{Context, Findings, Measurement, Outcome, Signal, SignalInfo, quoting, ramp, saturate};
use crate::report::Severity;
use crate::span::Span;

pub struct Repetition;

static INFO: SignalInfo = SignalInfo {
    code: "WS201",
    name: "repetition",
    summary: "Repeated word sequences, duplicate sentences, same openers and stock transitions",
    default_weight: 2.5,
    explanation: "\
## What it finds
- word sequences of three or more words said again within 200 words;
- sentences that repeat an earlier sentence word for word;
- a third sentence in a row starting with the same word (list items, which are parallel on
  purpose, are left out);
- sentences that open with a stock transition (\"Moreover,\", \"Additionally,\", \"Ultimately,\").

The value is the share of three-word sequences that repeat one from the previous 200 words,
which keeps it comparable between short and long texts.

## Why it matters
Repetition pads copy without adding information, and a stack of \"Moreover\" and
\"Additionally\" is the rhythm of text generated to a length rather than written to a point.

## Example
> Our tool saves time. Our tool saves money. Moreover, our tool saves effort.

## Instead
Cut the repeats and let each sentence carry something new. Join ideas with their real relation
(\"because\", \"so\", \"but\") or none at all.
",
};

/// Repeats count when the earlier occurrence is at most this many words back.
const WINDOW_WORDS: usize = 200;
const MIN_DUPLICATE_WORDS: usize = 4;

impl Signal for Repetition {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        let doc = cx.doc;
        let ids = &doc.word_ids;
        if ids.len() < 3 {
            return Outcome::Skipped("too few words");
        }
        let lower = doc.lower.as_bytes();
        let numeric: Vec<bool> = (0..ids.len())
            .map(|i| match lower[doc.words[i].start as usize] {
                first if first.is_ascii() => first.is_ascii_digit(),
                _ => doc
                    .word(i)
                    .starts_with(|c: char| !crate::han::is_ideograph(c) && c.is_numeric()),
            })
            .collect();
        let repeated = repeated_trigrams(ids, &numeric);
        let trigrams = ids.len() - 2;
        let mut repeated_count = 0usize;
        let mut run_start: Option<usize> = None;
        // Consecutive repeated trigrams are one longer repeated phrase: one finding each.
        for (i, &here) in repeated.iter().chain([&false]).enumerate() {
            match (here, run_start) {
                (true, None) => run_start = Some(i),
                (false, Some(start)) => {
                    let span = Span::new(
                        doc.words[start].start as usize,
                        doc.words[i + 1].end as usize,
                    );
                    if findings.push(
                        span,
                        Severity::Info,
                        quoting(
                            "Repeats \"",
                            &doc.lower[span.range()],
                            "\" from shortly before",
                        ),
                        Some("say it once, or say something new".into()),
                    ) {
                        repeated_count += i - start;
                    }
                    run_start = None;
                }
                _ => {}
            }
        }

        let mut seen_sentences: FxHashSet<&[u32]> =
            FxHashSet::with_capacity_and_hasher(doc.sentences.len(), Default::default());
        let (mut duplicates, mut same_openers, mut transitions) = (0usize, 0usize, 0usize);
        let transition_list = cx.language.map_or(&[][..], |l| l.transitions.as_slice());
        for (k, sentence) in doc.sentences.iter().enumerate() {
            let words = sentence.words.start as usize..sentence.words.end as usize;
            let sentence_ids = &ids[words.clone()];
            if sentence_ids.len() >= MIN_DUPLICATE_WORDS
                && !seen_sentences.insert(sentence_ids)
                && findings.push(
                    sentence.span,
                    Severity::Warning,
                    "Repeats an earlier sentence word for word".into(),
                    Some("delete the repeat".into()),
                )
            {
                duplicates += 1;
            }
            let Some(&opener) = sentence_ids.first() else {
                continue;
            };
            let earlier = &doc.sentences[k.saturating_sub(2)..k];
            // List items share an opener on purpose ("The Supplier may ...").
            let third_in_a_row = earlier.len() == 2
                && !sentence.list_item
                && earlier.iter().all(|s| {
                    !s.list_item && s.words.len() >= 3 && ids[s.words.start as usize] == opener
                });
            if sentence_ids.len() >= 3 && third_in_a_row {
                let span = doc.words[words.start];
                if findings.push(
                    span,
                    Severity::Info,
                    [
                        "Another sentence starting with \"",
                        doc.word(words.start),
                        "\"",
                    ]
                    .concat(),
                    Some("vary how sentences start".into()),
                ) {
                    same_openers += 1;
                }
            }
            let first = doc.word(words.start);
            if let Some(len) = transition_list
                .iter()
                .filter(|t| t.first().is_some_and(|w| w == first))
                .find_map(|t| starts_with_words(doc, words.clone(), t))
            {
                let span = Span::new(
                    doc.words[words.start].start as usize,
                    doc.words[words.start + len - 1].end as usize,
                );
                let quoted = &doc.source[span.range()];
                if findings.push(
                    span,
                    Severity::Info,
                    ["Stock transition \"", quoted, "\""].concat(),
                    Some("drop it, or name the real link (because, so, but)".into()),
                ) {
                    transitions += 1;
                }
            }
        }
        let sentences = doc.sentences.len().max(1) as f64;
        let share = repeated_count as f64 / trigrams as f64;
        let pressure = 6.0 * share
            + 2.0 * duplicates as f64 / sentences
            + 1.5 * same_openers as f64 / sentences
            + 4.0 * transitions as f64 / sentences;
        Outcome::Measured(Measurement {
            value: share,
            subscore: saturate(pressure, 1.0),
            confidence: ramp(doc.sentences.len() as f64, 3.0),
            details: [
                ("duplicate-sentences", duplicates as f64),
                ("same-openers", same_openers as f64),
                ("transitions", transitions as f64),
            ]
            .into(),
        })
    }
}

/// For each trigram position, whether the same trigram started within the previous window.
/// Trigrams with a number in or just before them are facts restated (prices, hours, units).
///
/// A table keyed by trigram holds where each was last counted: the latest earlier use is the
/// nearest, so one lookup answers, where walking back along a word's earlier uses took a
/// number of steps the processor could not foresee.
fn repeated_trigrams(ids: &[u32], numeric: &[bool]) -> Vec<bool> {
    let trigrams = ids.len().saturating_sub(2);
    // At most half full; a slot holds a trigram's last counted start plus one, or zero.
    let mut slots = vec![0u32; (2 * trigrams).max(16).next_power_of_two()];
    let mask = slots.len() - 1;
    let counted =
        |i: usize| !(numeric[i.saturating_sub(1)] | numeric[i] | numeric[i + 1] | numeric[i + 2]);
    (0..trigrams)
        .map(|i| {
            if !counted(i) {
                return false;
            }
            let trigram = &ids[i..i + 3];
            let mut slot = trigram_hash(trigram) as usize & mask;
            loop {
                match slots[slot] {
                    0 => {
                        slots[slot] = i as u32 + 1;
                        return false;
                    }
                    stored => {
                        let at = stored as usize - 1;
                        if ids[at..at + 3] == *trigram {
                            slots[slot] = i as u32 + 1;
                            return i - at <= WINDOW_WORDS;
                        }
                    }
                }
                slot = (slot + 1) & mask;
            }
        })
        .collect()
}

fn trigram_hash(trigram: &[u32]) -> u64 {
    crate::intern::spread(
        u64::from(trigram[0])
            ^ u64::from(trigram[1]).rotate_left(21)
            ^ u64::from(trigram[2]).rotate_left(42),
    )
}

/// Whether the sentence's first words are `phrase`; returns how many words matched.
fn starts_with_words(
    doc: &crate::document::Document<'_>,
    words: std::ops::Range<usize>,
    phrase: &[String],
) -> Option<usize> {
    (words.len() > phrase.len()
        && phrase
            .iter()
            .enumerate()
            .all(|(j, w)| doc.word(words.start + j) == w))
    .then_some(phrase.len())
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::signals::testing::{flagged, measure, subscore};

    #[test]
    fn repeats_duplicates_openers_and_transitions_are_found() {
        let text = "Our tool saves you time every day. Our tool saves you money every day. Our tool is \
                    simple. Moreover, it is fast. Our tool saves you time every day. Additionally, it works.";
        let (outcome, findings) = measure("WS201", text, Config::default());
        let hits = flagged(text, &findings);
        assert!(
            hits.contains(&"Moreover") && hits.contains(&"Additionally"),
            "{hits:?}"
        );
        assert!(
            hits.contains(&"Our tool saves you time every day."),
            "{hits:?}"
        );
        assert!(
            hits.iter().any(|h| h.starts_with("Our tool saves you")),
            "{hits:?}"
        );
        assert!(hits.contains(&"Our"), "third opener in a row: {hits:?}");
        assert!(subscore(&outcome) > 0.8, "{outcome:?}");
    }

    #[test]
    fn restated_numbers_and_two_same_openers_are_not_repetition() {
        let text = "The shop opens 8 am to 6 pm on weekdays. The cafe opens 8 am to 2 pm on Sundays. Parking is free.";
        let (_, findings) = measure("WS201", text, Config::default());
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn list_items_may_share_an_opener() {
        let list = "1. The tenant pays rent monthly.\n2. The landlord fixes the roof.\n\
                    3. The tenant keeps the garden.\n4. The landlord gives notice first.\n";
        let (_, findings) = measure("WS201", list, Config::default());
        assert!(findings.is_empty(), "{findings:?}");
        let prose = list
            .replace(|c: char| c.is_ascii_digit(), "")
            .replace(". ", "");
        let (_, findings) = measure("WS201", &prose, Config::default());
        assert_eq!(findings.len(), 2, "{findings:?}");
    }

    #[test]
    fn varied_prose_barely_registers() {
        let text = "The bakery opens at seven. Rye loaves come out first, then the croissants at eight. \
                    On Saturdays Marta runs a sourdough class for six people; it costs 40 euros and you \
                    take your starter home. Orders over 20 loaves need two days' notice.";
        let (outcome, findings) = measure("WS201", text, Config::default());
        assert!(findings.is_empty(), "{findings:?}");
        assert!(subscore(&outcome) < 0.05);
    }

    /// What `repeated_trigrams` finds, as a map from each trigram to where it was last seen.
    fn by_map(ids: &[u32], numeric: &[bool]) -> Vec<bool> {
        let mut last_seen = std::collections::HashMap::new();
        (0..ids.len() - 2)
            .map(|i| {
                if numeric[i.saturating_sub(1)..=i + 2].contains(&true) {
                    return false;
                }
                last_seen
                    .insert(&ids[i..i + 3], i)
                    .is_some_and(|prev| i - prev <= super::WINDOW_WORDS)
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn walking_back_finds_what_a_map_of_trigrams_does(
            words in proptest::collection::vec((0u32..6, proptest::bool::weighted(0.05)), 3..700)
        ) {
            // Few distinct words, so trigrams recur both inside and beyond the window.
            let ids: Vec<u32> = words.iter().map(|&(id, _)| id).collect();
            let numeric: Vec<bool> = words.iter().map(|&(_, n)| n).collect();
            proptest::prop_assert_eq!(
                super::repeated_trigrams(&ids, &numeric),
                by_map(&ids, &numeric)
            );
        }
    }
}
