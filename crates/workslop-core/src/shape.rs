//! Word shapes: the letter case of each word, read once in the document stage so that the
//! signals asking about capitals (names, acronyms, headings, shouting) need not decode it again.

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

#[cfg(test)]
mod tests {
    use super::Shape;

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
}
