//! Markdown prose: text events outside code, front matter, HTML and image descriptions.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::Mask;
use crate::span::Span;

/// The prose mask, the block breaks and the list items.
pub(super) fn extract(source: &str) -> (Mask<'_>, Vec<usize>, Vec<Span>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut mask = Mask::hidden(source);
    let mut breaks = Vec::new();
    let mut list_items = Vec::new();
    // Depth inside constructs whose text is not prose.
    let mut hidden_depth = 0usize;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if is_block(&tag) {
                    breaks.push(range.start);
                }
                if matches!(tag, Tag::Item) {
                    list_items.push(Span::new(range.start, range.end));
                }
                if hides_text(&tag) {
                    hidden_depth += 1;
                }
            }
            Event::End(tag) => {
                if matches!(
                    tag,
                    TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image
                ) {
                    hidden_depth = hidden_depth.saturating_sub(1);
                }
                if is_block_end(tag) {
                    breaks.push(range.end);
                }
            }
            // Escapes and entities decode to other text than their source: leave those blank.
            Event::Text(text) if hidden_depth == 0 && source.get(range.clone()) == Some(&*text) => {
                mask.reveal(range);
            }
            _ => {}
        }
    }
    (mask, breaks, list_items)
}

fn hides_text(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. }
    )
}

fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

#[cfg(test)]
mod tests {
    use crate::markup::{Format, extract};

    fn prose(src: &str) -> String {
        let p = extract(src, Format::Markdown);
        assert_eq!(p.text.len(), src.len());
        p.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn code_front_matter_and_link_targets_are_not_prose() {
        let src = "---\ntitle: seamless synergy\n---\n\n# Our *new* plan\n\nUse `game-changer` and \
                   [the guide](https://x.example/best-in-class).\n\n```\nleverage synergy\n```\n\n    \
                   indented world-class\n\n![alt text](pic.png) done <b>bold</b> www.y.example\n";
        assert_eq!(prose(src), "Our new plan Use and the guide . done bold");
    }

    #[test]
    fn toml_front_matter_is_not_prose() {
        assert_eq!(
            prose("+++\ntitle = \"seamless\"\n+++\n\nPlain words here.\n"),
            "Plain words here."
        );
    }

    #[test]
    fn blocks_break_sentences_apart() {
        let src = "# Heading\n\n- one\n- two\n\nA paragraph.\n";
        let p = extract(src, Format::Markdown);
        let heading_end = src.find("\n\n").unwrap();
        assert!(p.breaks.contains(&0));
        assert!(
            p.breaks
                .iter()
                .any(|&b| b >= heading_end - 1 && b <= heading_end + 1)
        );
        assert!(p.breaks.contains(&src.find("- two").unwrap()));
    }

    #[test]
    fn entities_and_escapes_stay_blank() {
        assert_eq!(prose("Fish &amp; chips \\*now\\*."), "Fish chips *now *.");
    }
}
