//! Sentences and paragraphs, found from the gaps between words.
//!
//! A sentence ends at a block break or at a terminator (`.`, `!`, `?`, `…`, `。`, `！`, `？`) that
//! is not followed by a lowercase word and does not close an abbreviation or an initial.

use std::ops::Range;

use rustc_hash::FxHashSet;

use crate::span::Span;
use crate::words::one_space_or_none;

/// A sentence: its source span and the range of its words in `Document::words`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub words: Range<u32>,
    /// Whether it starts on a list item's line (`- `, `1. `): part of a list, not running prose.
    pub list_item: bool,
}

/// A paragraph (a block: paragraph, heading, list item...): its span and sentence range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub sentences: Range<u32>,
}

/// Abbreviations that do not end a sentence, lowercase with their final period (`e.g.`, `z. b.`).
#[derive(Debug, Default, Clone)]
pub struct Abbreviations {
    set: FxHashSet<String>,
}

impl Abbreviations {
    /// One abbreviation per line; blank lines and `#` comments are ignored.
    pub fn parse(list: &str) -> Self {
        let set = list
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect();
        Abbreviations { set }
    }

    /// Whether `word` followed by a period is listed ("e.g." for "e.g").
    pub(crate) fn ends_with_period(&self, word: &str) -> bool {
        self.contains_joined(&[word, "."])
    }

    /// Whether the two words, each followed by a period, are listed ("z. b.").
    pub(crate) fn pair_ends_with_period(&self, previous: &str, word: &str) -> bool {
        self.contains_joined(&[previous, ". ", word, "."])
    }

    /// Whether the parts, joined, are listed. They are joined on the stack: this is asked at
    /// most full stops, and abbreviations are short.
    fn contains_joined(&self, parts: &[&str]) -> bool {
        let mut buffer = [0u8; 32];
        let mut len = 0;
        for part in parts {
            let Some(slot) = buffer.get_mut(len..len + part.len()) else {
                return self.set.contains(&parts.concat());
            };
            slot.copy_from_slice(part.as_bytes());
            len += part.len();
        }
        std::str::from_utf8(&buffer[..len]).is_ok_and(|joined| self.set.contains(joined))
    }
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '*', '_'];

/// Splits into sentences and paragraphs. `prose` and `lower` are the prose and its lowercased
/// copy (same offsets), `words` its word spans, `breaks` the sorted block breaks.
pub fn split(
    prose: &str,
    lower: &str,
    words: &[Span],
    breaks: &[usize],
    abbreviations: &Abbreviations,
) -> (Vec<Sentence>, Vec<Paragraph>) {
    // Sized for sentences of a dozen words and a block break on each side of a paragraph.
    let mut sentences = Vec::with_capacity(words.len() / 12 + 1);
    let mut paragraphs = Vec::with_capacity(breaks.len() / 2 + 1);
    if words.is_empty() {
        return (sentences, paragraphs);
    }
    let mut first_word = 0usize;
    let mut first_sentence = 0usize;
    let mut next_break = breaks.partition_point(|&b| b <= words[0].start as usize);
    let bytes = lower.as_bytes();
    for k in 0..words.len() {
        let here = words[k];
        let next = words.get(k + 1).copied();
        // Most gaps are one space, or nothing between Han characters, with no block break:
        // the sentence goes on.
        if let Some(next) = next {
            let (end, start) = (here.end as usize, next.start as usize);
            let plain = one_space_or_none(bytes, end, start);
            if plain && breaks.get(next_break).is_none_or(|&b| b > start) {
                continue;
            }
        }
        let gap_end = next.map_or(lower.len(), |w| w.start as usize);
        let gap = &lower[here.end as usize..gap_end];
        let mut block_ends = next.is_none();
        while next_break < breaks.len() && breaks[next_break] <= gap_end {
            if breaks[next_break] >= here.end as usize {
                block_ends = true;
            }
            next_break += 1;
        }
        let sentence_ends = block_ends
            || ends_sentence(
                lower,
                words,
                k,
                gap,
                || next.map(|w| &prose[w.range()]),
                abbreviations,
            );
        if sentence_ends {
            let end = here.end as usize + terminal_len(gap);
            sentences.push(Sentence {
                span: Span::new(words[first_word].start as usize, end),
                words: first_word as u32..k as u32 + 1,
                list_item: false,
            });
            first_word = k + 1;
        }
        if block_ends {
            let start = sentences[first_sentence].span.start as usize;
            let end = sentences.last().map_or(start, |s| s.span.end as usize);
            paragraphs.push(Paragraph {
                span: Span::new(start, end),
                sentences: first_sentence as u32..sentences.len() as u32,
            });
            first_sentence = sentences.len();
        }
    }
    (sentences, paragraphs)
}

fn ends_sentence<'a>(
    lower: &str,
    words: &[Span],
    k: usize,
    gap: &str,
    next_word: impl FnOnce() -> Option<&'a str>,
    abbreviations: &Abbreviations,
) -> bool {
    // Most gaps: a space between words, or nothing between Han characters.
    if gap == " " || gap.is_empty() {
        return false;
    }
    let trimmed = gap.trim_start_matches(|c: char| CLOSERS.contains(&c));
    if gap.contains(['。', '！', '？']) {
        return true;
    }
    let Some(terminator) = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '!' | '?' | '…'))
    else {
        return false;
    };
    if next_word().is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase)) {
        return false;
    }
    if terminator == '.' && gap.starts_with('.') {
        let word = &lower[words[k].range()];
        if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
            return false;
        }
        if abbreviations.ends_with_period(word) {
            return false;
        }
        if k > 0 {
            let previous = &lower[words[k - 1].range()];
            let between = &lower[words[k - 1].end as usize..words[k].start as usize];
            if between == ". " && abbreviations.pair_ends_with_period(previous, word) {
                return false;
            }
        }
    }
    true
}

/// How many bytes of the gap after a sentence's last word still belong to it.
fn terminal_len(gap: &str) -> usize {
    gap.char_indices()
        .find(|&(_, c)| {
            !(matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？') || CLOSERS.contains(&c))
        })
        .map_or(gap.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::split_words;

    fn sentences(text: &str, breaks: &[usize]) -> Vec<String> {
        let lower = text.to_lowercase();
        let mut words = Vec::new();
        split_words(&lower, &mut words);
        let abbreviations = Abbreviations::parse("dr.\ne.g.\ninc.\nz. b.\np. ej.");
        let (sentences, _) = split(text, &lower, &words, breaks, &abbreviations);
        sentences
            .iter()
            .map(|s| text[s.span.range()].to_string())
            .collect()
    }

    #[test]
    fn terminators_split_and_abbreviations_do_not() {
        assert_eq!(
            sentences(
                "Ask Dr. Smith, e.g. Today. Acme Inc. Ships it! Really? Yes… ok. J. R. Tolkien wrote.",
                &[]
            ),
            [
                "Ask Dr. Smith, e.g. Today.",
                "Acme Inc. Ships it!",
                "Really?",
                "Yes… ok.",
                "J. R. Tolkien wrote."
            ]
        );
    }

    #[test]
    fn multi_part_abbreviations_and_lowercase_continuations() {
        assert_eq!(
            sentences("Das ist z. B. Käse. Und p. ej. Queso.", &[]),
            ["Das ist z. B. Käse.", "Und p. ej. Queso."]
        );
        assert_eq!(
            sentences("It costs 3.5 euros. \"Great.\" She said.", &[]),
            ["It costs 3.5 euros.", "Great.\"", "She said."]
        );
    }

    #[test]
    fn breaks_end_sentences_and_paragraphs() {
        let text = "Heading without stop\n\nBody one. Body two";
        let lower = text.to_lowercase();
        let mut words = Vec::new();
        split_words(&lower, &mut words);
        let (s, p) = split(text, &lower, &words, &[20], &Abbreviations::default());
        assert_eq!(s.len(), 3);
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].sentences, 1..3);
        assert_eq!(&text[p[1].span.range()], "Body one. Body two");
    }

    #[test]
    fn a_break_in_a_one_space_gap_ends_the_block() {
        // At either end of the gap between "One" and "two" (blanked markup can leave one).
        for at in [3, 4] {
            assert_eq!(
                sentences("One two three", &[at]),
                ["One", "two three"],
                "{at}"
            );
        }
        assert_eq!(sentences("One two three", &[5]), ["One two three"]);
    }

    #[test]
    fn abbreviations_are_looked_up_by_their_parts_at_any_length() {
        let long = "a".repeat(40);
        let list = Abbreviations::parse(&format!("Dr.\nz. b.\n{long}."));
        assert!(list.ends_with_period("dr"));
        assert!(list.pair_ends_with_period("z", "b"));
        assert!(list.ends_with_period(&long));
        assert!(!list.ends_with_period("z"));
        assert!(!list.pair_ends_with_period("dr", "b"));
    }

    #[test]
    fn chinese_terminators_need_no_space() {
        assert_eq!(
            sentences("我们很好。你呢？好", &[]),
            ["我们很好。", "你呢？", "好"]
        );
    }
}
