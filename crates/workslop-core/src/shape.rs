//! Word shapes: the letter case of each word, read once in the document stage so that the
//! signals asking about capitals (names, acronyms, headings, shouting) need not decode it again.

use std::ops::Range;

use crate::span::Span;
use crate::words::load;

/// Which letter cases a word has, as bit flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape(u8);

const STARTS_UPPER: u8 = 1;
const HAS_LOWER: u8 = 1 << 1;
/// An upper-case letter after the first character.
const UPPER_AFTER_FIRST: u8 = 1 << 2;
const HAS_LETTER: u8 = 1 << 3;
/// Every letter upper case, and at least two of them.
const ALL_CAPS: u8 = 1 << 4;
/// At most five letters.
const FEW_LETTERS: u8 = 1 << 5;
const HAS_ASCII_LETTER: u8 = 1 << 6;

impl Shape {
    pub fn of(word: &str) -> Shape {
        Self::of_ascii(word.as_bytes(), 0..word.len()).unwrap_or_else(|| Self::of_chars(word))
    }

    /// The shapes of the words of one text.
    pub fn of_words(text: &str, words: &[Span]) -> Vec<Shape> {
        let bytes = text.as_bytes();
        words
            .iter()
            .map(|w| {
                Self::of_ascii(bytes, w.range()).unwrap_or_else(|| Self::of_chars(&text[w.range()]))
            })
            .collect()
    }

    /// The shape of `bytes[range]` read eight bytes at a time as one integer, with no branch
    /// per byte; `None` when a byte is outside ASCII.
    fn of_ascii(bytes: &[u8], range: Range<usize>) -> Option<Shape> {
        let chunk = load(bytes, range.start, range.len().min(8));
        let mut non_ascii = chunk & HIGH_BITS;
        let (upper, mut lower) = (within(chunk, b'A', b'Z'), within(chunk, b'a', b'z'));
        let mut letters = count(upper | lower);
        // The first byte is the lowest of the little-endian integer.
        let mut upper_after_first = upper & !0x80;
        for at in (range.start + 8..range.end).step_by(8) {
            let chunk = load(bytes, at, (range.end - at).min(8));
            non_ascii |= chunk & HIGH_BITS;
            let (upper, more_lower) = (within(chunk, b'A', b'Z'), within(chunk, b'a', b'z'));
            letters += count(upper | more_lower);
            (upper_after_first, lower) = (upper_after_first | upper, lower | more_lower);
        }
        if non_ascii != 0 {
            return None;
        }
        let flag = |on: bool, flag: u8| if on { flag } else { 0 };
        let flags = flag(upper & 0x80 != 0, STARTS_UPPER)
            | flag(upper_after_first != 0, UPPER_AFTER_FIRST)
            | flag(lower != 0, HAS_LOWER)
            | flag(letters > 0, HAS_LETTER | HAS_ASCII_LETTER);
        Some(Shape(
            flags | Self::count_flags(letters as usize, lower != 0),
        ))
    }

    fn of_chars(word: &str) -> Shape {
        let (mut flags, mut letters, mut not_upper) = (0u8, 0usize, false);
        for (i, c) in word.chars().enumerate() {
            if crate::han::is_ideograph(c) {
                // A letter, not upper case: as below, without the Unicode tables.
                letters += 1;
                not_upper = true;
                flags |= HAS_LETTER;
                continue;
            }
            let upper = c.is_uppercase();
            if upper {
                flags |= if i == 0 {
                    STARTS_UPPER
                } else {
                    UPPER_AFTER_FIRST
                };
            }
            if c.is_lowercase() {
                flags |= HAS_LOWER;
            }
            if c.is_alphabetic() {
                letters += 1;
                not_upper |= !upper;
                flags |= HAS_LETTER;
                if c.is_ascii() {
                    flags |= HAS_ASCII_LETTER;
                }
            }
        }
        Shape(flags | Self::count_flags(letters, not_upper))
    }

    fn count_flags(letters: usize, not_upper: bool) -> u8 {
        let all_caps = if letters >= 2 && !not_upper {
            ALL_CAPS
        } else {
            0
        };
        let few = if letters <= 5 { FEW_LETTERS } else { 0 };
        all_caps | few
    }

    fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }

    /// The first character is an upper-case letter.
    pub fn starts_upper(self) -> bool {
        self.has(STARTS_UPPER)
    }

    pub fn has_lower(self) -> bool {
        self.has(HAS_LOWER)
    }

    pub fn has_letter(self) -> bool {
        self.has(HAS_LETTER)
    }

    pub fn has_ascii_letter(self) -> bool {
        self.has(HAS_ASCII_LETTER)
    }

    /// Upper case then lower case, like a name ("Berlin").
    pub fn is_capitalised(self) -> bool {
        self.starts_upper() && self.has_lower()
    }

    /// An upper-case letter after the first one, in a word with lower case too ("iPhone").
    pub fn is_mixed_case(self) -> bool {
        self.has_lower() && self.has(UPPER_AFTER_FIRST)
    }

    /// Two letters or more, all upper case ("ISO", "GPT4", "FREE").
    pub fn is_all_caps(self) -> bool {
        self.has(ALL_CAPS)
    }

    /// Two to five letters, all upper case ("ISO", "NASA", "GPT4").
    pub fn is_acronym(self) -> bool {
        self.is_all_caps() && self.has(FEW_LETTERS)
    }
}

/// The high bit of each byte of an integer read from eight bytes.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `chunk` (all ASCII) that is from `from` to `to`. Adding to an
/// ASCII byte a number below 0x80 never carries into the next byte.
fn within(chunk: u64, from: u8, to: u8) -> u64 {
    let at_least_from = chunk.wrapping_add(ONES * u64::from(0x80 - from));
    let above_to = chunk.wrapping_add(ONES * u64::from(0x80 - to - 1));
    at_least_from & !above_to & HIGH_BITS
}

/// How many bytes of `high_bits` (high bits only) are set.
fn count(high_bits: u64) -> u32 {
    // Each byte's bit moved to its lowest place; the product's top byte sums them.
    ((high_bits >> 7).wrapping_mul(ONES) >> 56) as u32
}

const ONES: u64 = 0x0101_0101_0101_0101;

#[cfg(test)]
mod tests {
    use super::Shape;
    use crate::span::Span;
    use proptest::prelude::*;

    /// The shape read char by char, as the signals once did for every word.
    fn reference(word: &str) -> [bool; 7] {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
        let has_lower = word.chars().any(char::is_lowercase);
        [
            starts_upper,
            has_lower,
            !letters.is_empty(),
            word.chars().any(|c| c.is_ascii_alphabetic()),
            starts_upper && has_lower,
            has_lower && word.chars().skip(1).any(char::is_uppercase),
            all_caps,
        ]
    }

    fn flags(s: Shape) -> [bool; 7] {
        [
            s.starts_upper(),
            s.has_lower(),
            s.has_letter(),
            s.has_ascii_letter(),
            s.is_capitalised(),
            s.is_mixed_case(),
            s.is_all_caps(),
        ]
    }

    #[test]
    fn agrees_with_reading_each_char() {
        for word in [
            "",
            "a",
            "A",
            "Berlin",
            "iPhone",
            "GitHub",
            "ISO",
            "GPT4",
            "NASA",
            "FREEDOM",
            "4G",
            "x2",
            "Élan",
            "ÉCOLE",
            "straße",
            "ΣΟΦΙΑ",
            "北京",
            "北京A",
            "ǅemal",
            "I'm",
            "B2B",
            "_",
        ] {
            assert_eq!(flags(Shape::of(word)), reference(word), "{word}");
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            assert_eq!(
                Shape::of(word).is_acronym(),
                reference(word)[6] && letters <= 5,
                "{word}"
            );
        }
    }

    proptest! {
        #[test]
        fn shapes_of_many_words_agree_with_reading_each_char(
            text in "([a-zA-Z0-9 '.,_\n]{0,90}[ÉéÜü’日Σσ—😀 ]{0,3}){0,4}[A-Za-z0-9 ]{0,90}"
        ) {
            let mut words = Vec::new();
            crate::words::split_words(&text, &mut words);
            words.push(Span::new(0, text.len()));
            let shapes = Shape::of_words(&text, &words);
            for (word, shape) in words.iter().map(|w| &text[w.range()]).zip(shapes) {
                prop_assert_eq!(flags(shape), reference(word), "{}", word);
                let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                prop_assert_eq!(shape.is_acronym(), reference(word)[6] && letters <= 5);
            }
        }
    }
}
