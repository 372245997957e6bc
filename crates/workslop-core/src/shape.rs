//! Word shapes: the letter case of each word, read once in the document stage so that the
//! signals asking about capitals (names, acronyms, headings, shouting) need not decode it again.

use crate::masks::Block;
use crate::span::Span;

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
        if word.is_ascii() {
            Self::of_ascii(word.as_bytes())
        } else {
            Self::of_chars(word)
        }
    }

    /// The shapes of the words of one text. ASCII words are read off bit masks of the text's
    /// upper- and lower-case bytes, with no branch per byte; others char by char.
    pub fn of_words(text: &str, words: &[Span]) -> Vec<Shape> {
        let bytes = text.as_bytes();
        // One spare block, so that reading a window never runs past the end.
        let blocks = bytes.len() / 64 + 2;
        let (mut upper, mut lower, mut other) =
            (vec![0u64; blocks], vec![0u64; blocks], vec![0u64; blocks]);
        for k in 0..bytes.len().div_ceil(64) {
            let block = Block::load(bytes, 64 * k);
            upper[k] = block.within(b'A', b'Z');
            lower[k] = block.within(b'a', b'z');
            other[k] = block.non_ascii();
        }
        words
            .iter()
            .map(|w| {
                let (start, len) = (w.start as usize, w.len());
                let word = || &text[w.range()];
                if !(1..=64).contains(&len) || window(&other, start, len) != 0 {
                    return Self::of(word());
                }
                Self::of_ascii_masks(window(&upper, start, len), window(&lower, start, len))
            })
            .collect()
    }

    /// The shape of an ASCII word from the bits of its upper- and lower-case letters.
    fn of_ascii_masks(upper: u64, lower: u64) -> Shape {
        let letters = (upper | lower).count_ones() as usize;
        let mut flags = 0;
        flags |= if upper & 1 != 0 { STARTS_UPPER } else { 0 };
        flags |= if upper >> 1 != 0 {
            UPPER_AFTER_FIRST
        } else {
            0
        };
        flags |= if lower != 0 { HAS_LOWER } else { 0 };
        flags |= if letters > 0 {
            HAS_LETTER | HAS_ASCII_LETTER
        } else {
            0
        };
        Shape(flags | Self::count_flags(letters, lower != 0))
    }

    fn of_ascii(bytes: &[u8]) -> Shape {
        let (mut flags, mut letters, mut not_upper) = (0u8, 0usize, false);
        for (i, &b) in bytes.iter().enumerate() {
            if b.is_ascii_uppercase() {
                letters += 1;
                flags |= if i == 0 {
                    STARTS_UPPER
                } else {
                    UPPER_AFTER_FIRST
                };
            } else if b.is_ascii_lowercase() {
                letters += 1;
                not_upper = true;
                flags |= HAS_LOWER;
            }
        }
        if letters > 0 {
            flags |= HAS_LETTER | HAS_ASCII_LETTER;
        }
        Shape(flags | Self::count_flags(letters, not_upper))
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

/// Bits `start..start + len` of a bit string kept in 64-bit blocks (`len` from 1 to 64).
fn window(blocks: &[u64], start: usize, len: usize) -> u64 {
    let (k, shift) = (start / 64, start % 64);
    // Two shifts, so that a shift of 64 (when `shift` is 0) gives 0 instead of overflowing.
    let bits = (blocks[k] >> shift) | ((blocks[k + 1] << 1) << (63 - shift));
    bits & (u64::MAX >> (64 - len))
}

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
        fn shapes_of_many_words_agree_with_each_word_alone(
            text in "([a-zA-Z0-9 '.,_\n]{0,90}[ÉéÜü’日Σσ—😀 ]{0,3}){0,4}[A-Za-z0-9 ]{0,90}"
        ) {
            let mut words = Vec::new();
            crate::words::split_words(&text, &mut words);
            words.push(Span::new(0, text.len()));
            let one_by_one: Vec<Shape> = words.iter().map(|w| Shape::of(&text[w.range()])).collect();
            prop_assert_eq!(Shape::of_words(&text, &words), one_by_one);
        }
    }
}
