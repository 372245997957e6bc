//! List items: lines that start with a bullet (`- `, `* `, `+ `) or a number (`1. `), and HTML's
//! `<li>`.
//!
//! The items of a list are parallel on purpose, so the signals that measure the flow of running
//! prose (rhythm, repeated openers) leave them out. Plain text, Markdown and HTML each find
//! their items (`markup`); a bullet line of plain text reads as one.

use crate::sentences::Sentence;
use crate::span::Span;

/// The length of the list marker that opens `line` (after its indentation), with the space after
/// it: "- " gives 2, "12. " gives 4. `None` when the line is not a list item.
pub(crate) fn marker_len(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    if matches!(bytes.first(), Some(b'-' | b'*' | b'+')) && bytes.get(1) == Some(&b' ') {
        return Some(2);
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    ((1..=3).contains(&digits) && bytes[digits..].starts_with(b". ")).then_some(digits + 2)
}

/// Marks each sentence that starts inside a list item. Both are sorted by start, and an item
/// either holds another or does not overlap it, so one pass suffices.
pub(crate) fn mark(items: &[Span], sentences: &mut [Sentence]) {
    let mut next_item = 0;
    let mut reach = 0;
    for sentence in sentences {
        let start = sentence.span.start;
        while next_item < items.len() && items[next_item].start <= start {
            reach = reach.max(items[next_item].end);
            next_item += 1;
        }
        sentence.list_item = start < reach;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::markup::Format;

    #[test]
    fn markers_are_bullets_and_short_numbers_followed_by_a_space() {
        assert_eq!(marker_len("- item"), Some(2));
        assert_eq!(marker_len("* item"), Some(2));
        assert_eq!(marker_len("+ item"), Some(2));
        assert_eq!(marker_len("12. item"), Some(4));
        assert_eq!(marker_len("123. x"), Some(5));
        for line in [
            "-item",
            "1.5 times. Then",
            "1234. item",
            ". x",
            "12.",
            "Plan 1. x",
            "Item - dash",
            "",
            "**bold**",
        ] {
            assert_eq!(marker_len(line), None, "{line}");
        }
    }

    #[test]
    fn sentences_in_items_are_marked_in_text_and_markdown() {
        let src = "Intro sentence here. Second one.\n\n1. The first item. It goes on.\n   \
                   2. The second item.\n- A bullet\n\nClosing words.";
        for format in [Format::Text, Format::Markdown] {
            let doc = Document::new(src, format, None);
            let marked: Vec<(&str, bool)> = doc
                .sentences
                .iter()
                .map(|s| (&src[s.span.range()], s.list_item))
                .filter(|(text, _)| text.len() > 2)
                .collect();
            assert_eq!(
                marked,
                [
                    ("Intro sentence here.", false),
                    ("Second one.", false),
                    ("The first item.", true),
                    ("It goes on.", true),
                    ("The second item.", true),
                    ("A bullet", true),
                    ("Closing words.", false),
                ],
                "{format:?}"
            );
        }
        let html = "<p>Intro here.</p><ol><li>The first item. It goes on.</li><li>Second</ol>";
        let doc = Document::new(html, Format::Html, None);
        let marked: Vec<bool> = doc.sentences.iter().map(|s| s.list_item).collect();
        assert_eq!(marked, [false, true, true, true]);
    }
}
