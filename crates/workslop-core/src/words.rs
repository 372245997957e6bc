//! Words: UAX #29 word segmentation, with an ASCII scanner that gives the same words faster.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::han;
use crate::masks::{self, Block};
use crate::span::Span;

/// Appends the spans of the words of `text` (as `unicode_words` would find them) to `out`.
/// Words never cross ASCII white space, so a stretch between two white-space bytes that holds
/// a non-ASCII byte goes through UAX #29 on its own, and the ASCII text between such
/// stretches through the block scanner below.
pub fn split_words(text: &str, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut ascii_from = 0;
    while let Some(k) = next_non_ascii(bytes, ascii_from) {
        let start = bytes[ascii_from..k]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(ascii_from, |p| ascii_from + p + 1);
        let end = bytes[k..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(bytes.len(), |p| k + p);
        ascii_words(&bytes[ascii_from..start], ascii_from, out);
        unicode_words(text, start..end, out);
        ascii_from = end;
    }
    ascii_words(&bytes[ascii_from..], ascii_from, out);
}

/// The words of `text[range]` as `unicode_words` finds them. UAX #29 makes every Han
/// ideograph a word of its own, with whatever extending marks follow it, and joins nothing
/// across one: ideographs followed by a character that cannot extend them are words without
/// the segmenter, and the rest between them goes through it.
fn unicode_words(text: &str, range: Range<usize>, out: &mut Vec<Span>) {
    let mut at = range.start;
    while at < range.end {
        let rest = &text[at..range.end];
        let Some(first) = rest.find(han::is_ideograph).map(|i| at + i) else {
            segment(text, at..range.end, out);
            return;
        };
        segment(text, at..first, out);
        let mut end = first;
        let mut chars = text[end..range.end].chars().peekable();
        while let Some(c) = chars.next_if(|&c| han::is_ideograph(c)) {
            if chars.peek().is_some_and(|&next| !cannot_extend(next)) {
                // Left to the segmenter, which may attach the next character to this one.
                break;
            }
            out.push(Span::new(end, end + c.len_utf8()));
            end += c.len_utf8();
        }
        if end == first {
            // The ideograph is followed by something the segmenter must see.
            segment(text, end..range.end, out);
            return;
        }
        at = end;
    }
}

/// Characters that never extend the one before them (UAX #29 Extend, Format or ZWJ): Han
/// ideographs, ASCII, and the punctuation Chinese text sets between them.
fn cannot_extend(c: char) -> bool {
    c.is_ascii()
        || han::is_ideograph(c)
        || matches!(c as u32, 0x2010..=0x2027 | 0x3000..=0x3029 | 0xFF01..=0xFF5E)
}

fn segment(text: &str, range: Range<usize>, out: &mut Vec<Span>) {
    for (at, word) in text[range.clone()].unicode_word_indices() {
        out.push(Span::new(range.start + at, range.start + at + word.len()));
    }
}

/// `len` (at most eight) bytes from `at` as an integer, zeros after them: one unaligned load
/// where the text has eight bytes from `at` on. Short words compare as such integers without a
/// call to `memcmp`.
pub(crate) fn load(bytes: &[u8], at: usize, len: usize) -> u64 {
    let value = u64::from_le_bytes(masks::load_padded(bytes, at));
    if len >= 8 {
        value
    } else {
        value & ((1u64 << (8 * len)) - 1)
    }
}

/// Whether the gap `from..to` between two words is one space or nothing (between Han
/// characters): the gap nearly every word is followed by, read as bytes without slicing.
pub(crate) fn one_space_or_none(bytes: &[u8], from: usize, to: usize) -> bool {
    to == from || (to == from + 1 && bytes[from] == b' ')
}

fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let mut start = from;
    while start < bytes.len() {
        let end = (start + 64).min(bytes.len());
        let block = &bytes[start..end];
        if block.iter().fold(false, |any, &b| any | (b >= 0x80)) {
            return block.iter().position(|&b| b >= 0x80).map(|p| start + p);
        }
        start = end;
    }
    None
}

/// The byte classes of up to 64 bytes, one bit per byte.
#[derive(Default, Clone, Copy)]
struct Classes {
    /// Letters, digits and underscores.
    word: u64,
    letter: u64,
    digit: u64,
    /// Marks that join two letters into one word: "don't", "e.g", "a:b".
    joins_letters: u64,
    /// Marks that join two digits into one number: "1,000.50".
    joins_digits: u64,
}

impl Classes {
    /// The classes of the ASCII bytes from `at` (none past the end).
    fn of(bytes: &[u8], at: usize) -> Classes {
        let block = Block::load(bytes, at);
        let (letter, digit) = (block.letters(), block.within(b'0', b'9'));
        let apostrophe_or_dot = block.equal(b'\'') | block.equal(b'.');
        Classes {
            word: letter | digit | block.equal(b'_'),
            letter,
            digit,
            joins_letters: apostrophe_or_dot | block.equal(b':'),
            joins_digits: apostrophe_or_dot | block.equal(b',') | block.equal(b';'),
        }
    }
}

/// The words of ASCII text. Each block of 64 bytes becomes bit masks of its byte classes, and the words are read off the edges of the mask of bytes inside words: no
/// branch per byte or per word edge, which is what a byte-at-a-time scanner spends most of its
/// time mispredicting.
fn ascii_words(bytes: &[u8], offset: usize, out: &mut Vec<Span>) {
    let mut open: Option<usize> = None;
    let mut next = Classes::of(bytes, 0);
    // Whether the byte before the block is a letter, or a digit.
    let (mut letter_before, mut digit_before) = (0u64, 0u64);
    for base in (0..bytes.len()).step_by(64) {
        let this = next;
        next = Classes::of(bytes, base + 64);
        let between = |class: u64, next_class: u64, before: u64| {
            ((class << 1) | before) & ((class >> 1) | (next_class << 63))
        };
        let joined = (this.joins_letters & between(this.letter, next.letter, letter_before))
            | (this.joins_digits & between(this.digit, next.digit, digit_before));
        let mask = this.word | joined;
        (letter_before, digit_before) = (this.letter >> 63, this.digit >> 63);
        // A word still open from the last block has no edge at this block's start.
        let before = u64::from(open.is_some());
        let mut edges = mask ^ ((mask << 1) | before);
        while edges != 0 {
            let at = base + edges.trailing_zeros() as usize;
            match open.take() {
                Some(start) => push_word(bytes, start, at, offset, out),
                None => open = Some(at),
            }
            edges &= edges - 1;
        }
    }
    if let Some(start) = open {
        push_word(bytes, start, bytes.len(), offset, out);
    }
}

/// A run of word bytes is a word unless it is only underscores.
fn push_word(bytes: &[u8], start: usize, end: usize, offset: usize, out: &mut Vec<Span>) {
    if bytes[start] != b'_' || bytes[start..end].iter().any(u8::is_ascii_alphanumeric) {
        out.push(Span::new(offset + start, offset + end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        split_words(text, &mut spans);
        spans.iter().map(|s| &text[s.range()]).collect()
    }

    fn reference(text: &str) -> Vec<&str> {
        text.unicode_words().collect()
    }

    #[test]
    fn examples() {
        assert_eq!(
            words("Don't pay $1,000.50 for e.g. state-of-the-art foo_bar!"),
            [
                "Don't", "pay", "1,000.50", "for", "e.g", "state", "of", "the", "art", "foo_bar"
            ]
        );
        assert_eq!(
            words("café’s “naïve” 日本 ok"),
            ["café’s", "naïve", "日", "本", "ok"]
        );
        assert!(words("  -- !! __ ").is_empty());
    }

    proptest! {
        #[test]
        fn ascii_scanner_matches_unicode_segmentation(text in "[a-zA-Z0-9 '.:,;_!?\\-\n]{0,300}") {
            prop_assert_eq!(words(&text), reference(&text));
        }

        #[test]
        fn han_text_matches_unicode_segmentation(
            text in "[日本語漢字、。，：；！？“”「」（）—…a1_ \u{0301}\u{302A}\u{FE0F}\u{200D}\u{3099}ア카〇·]{0,60}"
        ) {
            prop_assert_eq!(words(&text), reference(&text));
        }

        #[test]
        fn mixed_text_matches_unicode_segmentation(text in "([a-zA-Z0-9 '.:,_\n]{0,70}[éü’日—😀 ]{0,4}){0,4}[a-zA-Z0-9 '.,]{0,70}") {
            prop_assert_eq!(words(&text), reference(&text));
        }
    }
}
