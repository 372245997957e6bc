//! WS407 formatting-tells: the layout habits of generated copy.

use std::sync::LazyLock;

use regex::Regex;

use super::{Context, Findings, Measurement, Outcome, Signal, SignalInfo, saturate};
use crate::list_items;
use crate::report::Severity;
use crate::span::Span;

pub struct FormattingTells;

static INFO: SignalInfo = SignalInfo {
    code: "WS407",
    name: "formatting-tells",
    summary: "Emoji bullets, bold-lead bullets, hashtag strings, question openers, title-case headings",
    default_weight: 1.0,
    explanation: "\
## What it finds
Layout habits of generated copy, each counted once per document:
- a list of three or more items that each start with an emoji;
- a list of three or more items that each start with a bold lead-in (`- **Speed**: ...`);
- a string of three or more hashtags;
- a rhetorical question as the first sentence;
- three or more headings, every one in Title Case.

## Why it matters
Each habit alone is a style choice; together they are the template of a chat answer pasted as
a page, and they dress up thin content as structure.

## Example
> ## Why Choose Us?
> - 🚀 **Speed**: Lightning-fast performance
> - 🔒 **Security**: Enterprise-grade protection
> - 💡 **Innovation**: Cutting-edge features

## Instead
Write the points as sentences with the facts in them, keep headings plain, and save emoji and
hashtags for the channels that expect them.
",
};

static HASHTAGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(#[\p{L}\p{N}_]+)(?:\s+#[\p{L}\p{N}_]+){2,}").expect("valid pattern")
});

/// Small words that stay lowercase in Title Case.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "vs",
    "with",
];

impl Signal for FormattingTells {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        let doc = cx.doc;
        let lines = prose_lines(doc.source, &doc.prose);
        let items: Vec<&Line> = lines.iter().filter(|l| l.kind == LineKind::Item).collect();
        let headings: Vec<&Line> = lines
            .iter()
            .filter(|l| l.kind == LineKind::Heading)
            .collect();
        let mut tells = 0.0;
        let mut push = |span: Span, message: &str, suggestion: &'static str, weight: f64| {
            if findings.push(
                span,
                Severity::Info,
                message.into(),
                Some(suggestion.into()),
            ) {
                tells += weight;
            }
        };
        let emoji_items: Vec<&&Line> = items
            .iter()
            .filter(|l| l.text.chars().next().is_some_and(is_emoji))
            .collect();
        if emoji_items.len() >= 3 {
            push(
                emoji_items[0].span,
                &format!("{} list items start with an emoji", emoji_items.len()),
                "write the points as sentences with facts",
                1.0,
            );
        }
        let bold_items: Vec<&&Line> = items.iter().filter(|l| starts_bold(l.text)).collect();
        if bold_items.len() >= 3 && bold_items.len() * 5 >= items.len() * 4 {
            push(
                bold_items[0].span,
                &format!("{} list items start with a bold lead-in", bold_items.len()),
                "drop the bold labels; say the point",
                1.0,
            );
        }
        // Most texts hold no `#`, and they need not compile the pattern.
        let hashtags =
            memchr::memchr(b'#', doc.prose.as_bytes()).and_then(|_| HASHTAGS.find(&doc.prose));
        if let Some(m) = hashtags {
            let start = m.start() + (m.as_str().len() - m.as_str().trim_start().len());
            push(
                Span::new(start, m.end()),
                "A string of hashtags",
                "keep hashtags for social posts",
                1.0,
            );
        }
        if let Some(first) = doc.sentences.first()
            && doc.sentences.len() >= 3
            && doc.prose[first.span.range()].trim_end().ends_with('?')
        {
            push(
                first.span,
                "Opens with a rhetorical question",
                "open with the answer",
                0.5,
            );
        }
        if headings.len() >= 3 && headings.iter().all(|h| is_title_case(h.text)) {
            push(
                headings[0].span,
                &format!("All {} headings in Title Case", headings.len()),
                "use sentence case for headings",
                0.3,
            );
        }
        Outcome::Measured(Measurement {
            value: tells,
            subscore: saturate(tells, 1.2),
            confidence: 1.0,
            details: Default::default(),
        })
    }
}

#[derive(Debug, PartialEq, Eq)]
enum LineKind {
    Item,
    Heading,
    Other,
}

#[derive(Debug)]
struct Line<'a> {
    kind: LineKind,
    /// The line's prose after its marker.
    text: &'a str,
    span: Span,
}

/// Source lines whose content is prose (not code), classified by their Markdown marker.
fn prose_lines<'a>(source: &'a str, prose: &str) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    let mut start = 0;
    // Each line with its newline, as `split_inclusive('\n')` gives them, found by memchr's
    // vector search rather than the standard library's byte-by-byte one.
    let line_ends = memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1);
    for line_end in line_ends.chain([source.len()]) {
        if line_end == start {
            continue;
        }
        let line = &source[start..line_end];
        let end = start + line.trim_end().len();
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let (kind, marker) = if let Some(marker) = list_items::marker_len(trimmed) {
            let after = &trimmed[marker..];
            (
                LineKind::Item,
                marker + after.len() - after.trim_start().len(),
            )
        } else if trimmed.starts_with('#') {
            let hashes = trimmed.chars().take_while(|&c| c == '#').count();
            (
                LineKind::Heading,
                hashes + (trimmed.len() - hashes - trimmed[hashes..].trim_start().len()),
            )
        } else {
            (LineKind::Other, 0)
        };
        let content = start + indent + marker;
        // A marker-looking line inside a code block is blank in the prose.
        let is_prose = content < end
            && prose
                .as_bytes()
                .get(content)
                .is_some_and(|b| !b.is_ascii_whitespace());
        if kind != LineKind::Other && is_prose && source.is_char_boundary(content) {
            out.push(Line {
                kind,
                text: &source[content..end],
                span: Span::new(content, end),
            });
        }
        start += line.len();
    }
    out
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1F2FF | 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x2B50 | 0x2B55)
}

fn starts_bold(text: &str) -> bool {
    let rest =
        text.trim_start_matches(|c: char| is_emoji(c) || c.is_whitespace() || c == '\u{fe0f}');
    let Some(inner) = rest.strip_prefix("**").or_else(|| rest.strip_prefix("__")) else {
        return false;
    };
    inner
        .find("**")
        .or_else(|| inner.find("__"))
        .is_some_and(|end| end > 0 && end <= 60)
}

fn is_title_case(heading: &str) -> bool {
    let mut words = 0;
    let all_capitalised = heading
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .all(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            let minor = words > 0 && MINOR_WORDS.iter().any(|m| m.eq_ignore_ascii_case(bare));
            words += 1;
            minor
                || w.chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_uppercase)
        });
    all_capitalised && words >= 3
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::document::Document;
    use crate::markup::Format;
    use crate::signals::testing::{measure, subscore};

    #[test]
    fn chat_style_layout_is_found() {
        let text = "## Why Choose Our Platform?\n\nIs your team drowning in tasks? We help. Really.\n\n\
                    - 🚀 **Speed**: Lightning-fast performance\n- 🔒 **Security**: Enterprise-grade protection\n\
                    - 💡 **Innovation**: Cutting-edge features\n\n## How It Works for You\n\nSign up.\n\n\
                    ## Start Your Free Trial Today\n\nGo. #productivity #teamwork #growth\n";
        let (outcome, findings) = measure("WS407", text, Config::default());
        let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(messages.len(), 5, "{messages:?}");
        assert!(subscore(&outcome) > 0.9);
    }

    #[test]
    fn plain_lists_code_and_sentence_case_headings_are_not_tells() {
        let text = "## Opening hours\n\nWe open at eight. Rye comes first. Croissants follow.\n\n\
                    - Rye, 4 euros\n- **Sourdough** class on Saturdays, 40 euros, six seats\n- Spelt buns\n\n\
                    ```\n- 🚀 **not**: prose\n- 🔒 **in**: code\n- 💡 **a**: block\n```\n\n## Where to find us\n\n## Parking\n";
        let (outcome, findings) = measure("WS407", text, Config::default());
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(subscore(&outcome), 0.0);
    }

    #[test]
    fn the_last_line_counts_with_or_without_a_newline() {
        for (text, expected) in [
            ("- one\n- two", &["one", "two"][..]),
            ("- one\n- two\n", &["one", "two"]),
            ("# Title\n\n- two", &["Title", "two"]),
            ("", &[]),
        ] {
            let doc = Document::new(text, Format::Markdown, None);
            let lines = super::prose_lines(text, &doc.prose);
            let found: Vec<&str> = lines.iter().map(|l| l.text).collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }
}
