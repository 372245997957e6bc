//! Words: UAX #29 word segmentation, with an ASCII scanner that gives the same words faster.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// Appends the spans of the words of `text` (as `unicode_words` would find them) to `out`.
pub fn split_words(text: &str, out: &mut Vec<Span>) {
    if text.is_ascii() {
        ascii_words(text.as_bytes(), 0, out);
        return;
    }
    // Words never cross ASCII white space, so each white-space-delimited token is segmented on
    // its own: ASCII tokens by the fast scanner, others by unicode-segmentation.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut ascii = true;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            ascii &= bytes[i].is_ascii();
            i += 1;
        }
        if ascii {
            ascii_words(&bytes[start..i], start, out);
        } else {
            for (at, word) in text[start..i].unicode_word_indices() {
                out.push(Span::new(start + at, start + at + word.len()));
            }
        }
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// UAX #29 restricted to ASCII: letters, digits and `_` join; `'`, `.`, `:` join two letters;
/// `'`, `.`, `,`, `;` join two digits. Segments without a letter or digit are dropped.
fn ascii_words(bytes: &[u8], offset: usize, out: &mut Vec<Span>) {
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        if !is_word_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut has_alnum = bytes[i].is_ascii_alphanumeric();
        i += 1;
        loop {
            if i < n && is_word_byte(bytes[i]) {
                has_alnum |= bytes[i].is_ascii_alphanumeric();
                i += 1;
            } else if i + 1 < n && joins(bytes[i - 1], bytes[i], bytes[i + 1]) {
                has_alnum = true;
                i += 2;
            } else {
                break;
            }
        }
        if has_alnum {
            out.push(Span::new(offset + start, offset + i));
        }
    }
}

fn joins(prev: u8, mid: u8, next: u8) -> bool {
    let letters = prev.is_ascii_alphabetic()
        && next.is_ascii_alphabetic()
        && matches!(mid, b'\'' | b'.' | b':');
    let digits =
        prev.is_ascii_digit() && next.is_ascii_digit() && matches!(mid, b'\'' | b'.' | b',' | b';');
    letters || digits
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
        fn ascii_scanner_matches_unicode_segmentation(text in "[a-zA-Z0-9 '.:,;_!?\\-\n]{0,60}") {
            prop_assert_eq!(words(&text), reference(&text));
        }

        #[test]
        fn mixed_text_matches_unicode_segmentation(text in "[a-zA-Z0-9 '.:,_\n]{0,20}[éü’日—😀 ]{0,4}[a-zA-Z0-9 '.,]{0,20}") {
            prop_assert_eq!(words(&text), reference(&text));
        }
    }
}
