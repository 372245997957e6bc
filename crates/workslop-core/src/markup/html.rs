//! HTML prose: text between tags, outside scripts, styles, templates and comments.

use memchr::{memchr, memchr2, memmem};

use super::Mask;
use crate::span::Span;

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];
const RAW_TEXT_TAGS: &[&str] = &["noscript", "script", "style", "template", "textarea"];

/// The prose mask, the block breaks and the list items.
pub(super) fn extract(source: &str) -> (Mask<'_>, Vec<usize>, Vec<Span>) {
    let bytes = source.as_bytes();
    let mut mask = Mask::hidden(source);
    let mut breaks = Vec::new();
    let mut items = ListItems::default();
    let mut i = 0;
    while i < bytes.len() {
        let Some(next) = memchr2(b'<', b'&', &bytes[i..]).map(|n| i + n) else {
            mask.reveal(i..bytes.len());
            break;
        };
        mask.reveal(i..next);
        i = if bytes[next] == b'&' {
            skip_entity(bytes, next)
        } else if bytes[next..].starts_with(b"<!--") {
            find_after(bytes, next + 4, b"-->")
        } else if let Some(tag) = read_tag(bytes, next) {
            if BLOCK_TAGS.contains(&tag.name.as_str()) {
                breaks.push(next);
            }
            items.tag(&tag, next);
            if !tag.closing && RAW_TEXT_TAGS.contains(&tag.name.as_str()) {
                skip_raw_text(bytes, tag.end, &tag.name)
            } else {
                tag.end
            }
        } else {
            mask.reveal(next..next + 1);
            next + 1
        };
    }
    items.close_all(bytes.len());
    (mask, breaks, items.done)
}

/// `<li>` elements, whose end tag HTML lets the writer leave out.
#[derive(Default)]
struct ListItems {
    /// Open lists (`<ul>`, `<ol>`).
    depth: usize,
    /// Open items: their start and the list depth they belong to.
    open: Vec<(usize, usize)>,
    done: Vec<Span>,
}

impl ListItems {
    /// Takes the tag that starts at `at`.
    fn tag(&mut self, tag: &TagInfo, at: usize) {
        match (tag.name.as_str(), tag.closing) {
            ("ul" | "ol", false) => self.depth += 1,
            ("ul" | "ol", true) => {
                self.close_from(self.depth, at);
                self.depth = self.depth.saturating_sub(1);
            }
            ("li", false) => {
                self.close_from(self.depth, at);
                self.open.push((at, self.depth));
            }
            ("li", true) => {
                if let Some((start, _)) = self.open.pop() {
                    self.done.push(Span::new(start, tag.end));
                }
            }
            _ => {}
        }
    }

    /// Ends, at `at`, the open items of lists at `depth` or deeper.
    fn close_from(&mut self, depth: usize, at: usize) {
        while let Some(&(start, d)) = self.open.last() {
            if d < depth {
                break;
            }
            self.open.pop();
            self.done.push(Span::new(start, at));
        }
    }

    fn close_all(&mut self, at: usize) {
        self.close_from(0, at);
    }
}

struct TagInfo {
    name: String,
    closing: bool,
    end: usize,
}

/// Reads `<name ...>` or `</name>` at `at`; `None` when `<` does not start a tag.
fn read_tag(bytes: &[u8], at: usize) -> Option<TagInfo> {
    let mut j = at + 1;
    let closing = bytes.get(j) == Some(&b'/');
    if closing {
        j += 1;
    }
    if !bytes
        .get(j)
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'!' || *b == b'?')
    {
        return None;
    }
    let name_start = j;
    while bytes.get(j).is_some_and(|b| b.is_ascii_alphanumeric()) {
        j += 1;
    }
    let name = String::from_utf8_lossy(&bytes[name_start..j]).to_ascii_lowercase();
    let mut quote = None;
    while j < bytes.len() {
        match (quote, bytes[j]) {
            (None, b'>') => {
                return Some(TagInfo {
                    name,
                    closing,
                    end: j + 1,
                });
            }
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (Some(q), b) if b == q => quote = None,
            _ => {}
        }
        j += 1;
    }
    Some(TagInfo {
        name,
        closing,
        end: bytes.len(),
    })
}

fn skip_raw_text(bytes: &[u8], from: usize, name: &str) -> usize {
    let closing = format!("</{name}");
    let mut j = from;
    while let Some(lt) = memchr(b'<', &bytes[j..]).map(|n| j + n) {
        if bytes.len() >= lt + closing.len()
            && bytes[lt..lt + closing.len()].eq_ignore_ascii_case(closing.as_bytes())
        {
            return find_after(bytes, lt, b">");
        }
        j = lt + 1;
    }
    bytes.len()
}

fn skip_entity(bytes: &[u8], at: usize) -> usize {
    let body = bytes[at + 1..]
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#');
    let len = body.count();
    if len > 0 && bytes.get(at + 1 + len) == Some(&b';') {
        at + len + 2
    } else {
        at + 1
    }
}

fn find_after(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    memmem::find(&bytes[from..], needle).map_or(bytes.len(), |n| from + n + needle.len())
}

#[cfg(test)]
mod tests {
    use crate::markup::{Format, extract};

    fn prose(src: &str) -> String {
        let p = extract(src, Format::Html);
        assert_eq!(p.text.len(), src.len());
        p.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn scripts_styles_comments_and_tags_are_not_prose() {
        let src = "<html><head><title>Acme</title><style>.seamless{}</style>\
                   <script>let synergy = \"</p>\";</script></head><body><!-- seamless -->\
                   <h1 class=\"a>b\">Hello</h1><p>Fish &amp; chips&nbsp;here, 3 < 4.</p></body></html>";
        assert_eq!(prose(src), "Acme Hello Fish chips here, 3 < 4.");
    }

    #[test]
    fn block_tags_break_and_inline_tags_do_not() {
        let src = "<p>One <b>two</b></p><p>three</p>";
        let p = extract(src, Format::Html);
        assert!(p.breaks.contains(&0));
        assert!(p.breaks.contains(&src.find("<p>three").unwrap()));
        assert!(!p.breaks.contains(&src.find("<b>").unwrap()));
    }

    #[test]
    fn list_items_end_at_their_end_tag_or_where_html_implies_it() {
        let src = "<p>Intro</p><ul><li>One</li><li>Two<ul><li>Deep</ul><li>Three</ul><p>Out";
        let p = extract(src, Format::Html);
        let mut items: Vec<&str> = p.list_items.iter().map(|s| &src[s.range()]).collect();
        items.sort_unstable();
        assert_eq!(
            items,
            [
                "<li>Deep",
                "<li>One</li>",
                "<li>Three",
                "<li>Two<ul><li>Deep</ul>"
            ]
        );
    }

    #[test]
    fn unterminated_constructs_end_at_the_end() {
        assert_eq!(prose("Text <script>never closed"), "Text");
        assert_eq!(prose("Text <!-- open"), "Text");
        assert_eq!(prose("Text <a href=\"x"), "Text");
    }
}
