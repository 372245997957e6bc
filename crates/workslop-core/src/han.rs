//! Han ideographs told from their code point alone: letters with no case and no numeric
//! value. Chinese text is almost all of them, and the Unicode tables behind
//! `char::is_alphabetic`, `is_numeric` and `to_lowercase` cost a search per character.

/// CJK Unified Ideographs and their Extension A: blocks assigned in full, every character a
/// letter (Lo) without case.
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// A Han character as typography sees one: the ideographs and the compatibility ideographs
/// (U+F900 to U+FAFF), which are not all assigned and so not all letters.
pub(crate) fn is_han(c: char) -> bool {
    is_ideograph(c) || matches!(c as u32, 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_ideograph_is_an_uncased_letter_without_numeric_value() {
        let ideographs = (0x3400..=0x4DBF).chain(0x4E00..=0x9FFF);
        for c in ideographs.filter_map(char::from_u32) {
            assert!(super::is_ideograph(c));
            assert!(c.is_alphabetic() && c.is_alphanumeric(), "{c}");
            assert!(
                !c.is_numeric() && !c.is_uppercase() && !c.is_lowercase(),
                "{c}"
            );
            assert!(c.to_lowercase().eq([c]), "{c}");
        }
        for c in ['a', '〇', '、', 'ア', '가', '\u{F900}', '\u{20000}'] {
            assert!(!super::is_ideograph(c), "{c}");
        }
    }
}
