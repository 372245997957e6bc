//! Source formats to prose.
//!
//! Extraction never moves text: it returns a copy of the source of the same byte length in
//! which every byte that is not prose (markup, code, front matter, URLs) is blanked to a space
//! and newlines are kept. Every later stage therefore works in source byte offsets directly.

mod html;
mod markdown;
mod urls;

use std::fmt;
use std::str::FromStr;

use crate::list_items;
use crate::span::Span;

/// The format of a source document, which decides what counts as prose.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text: everything but URLs and e-mail addresses is prose; blank lines end blocks.
    Text,
    /// CommonMark with YAML (`---`) or TOML (`+++`) front matter.
    #[default]
    Markdown,
    /// HTML: text outside tags, scripts, styles and comments.
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Text, Format::Markdown, Format::Html];

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    /// The format a file extension implies, if it is one we read.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" | "mdx" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// Whether `<!-- ... -->` comments exist in this format (and so inline suppressions).
    pub fn has_comments(self) -> bool {
        matches!(self, Format::Markdown | Format::Html)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            other => Err(format!(
                "unknown format `{other}`: expected one of text, markdown, html"
            )),
        }
    }
}

/// The prose of a document, aligned byte for byte with its source.
#[derive(Debug, Clone)]
pub struct Prose {
    /// Same length as the source; non-prose bytes are spaces, newlines are kept.
    pub text: String,
    /// Sorted byte offsets where a block (paragraph, heading, list item, cell) starts or ends.
    /// Sentences never run across a break.
    pub breaks: Vec<usize>,
    /// URLs and e-mail addresses blanked out of the prose.
    pub links: usize,
    /// The list items (`- item`, `1. item`, `<li>`), sorted by start; nested items lie inside
    /// their parents.
    pub list_items: Vec<Span>,
}

/// Extracts the prose of `source` read as `format`.
pub fn extract(source: &str, format: Format) -> Prose {
    let (mut mask, mut breaks, mut list_items) = match format {
        Format::Text => {
            let (breaks, list_items) = text_blocks(source);
            (Mask::revealed(source), breaks, list_items)
        }
        Format::Markdown => markdown::extract(source),
        Format::Html => html::extract(source),
    };
    list_items.sort_unstable();
    let links = urls::blank(&mut mask.bytes);
    breaks.sort_unstable();
    breaks.dedup();
    Prose {
        text: mask.into_string(),
        breaks,
        links,
        list_items,
    }
}

/// A copy of the source being blanked or revealed range by range.
pub(crate) struct Mask<'a> {
    source: &'a str,
    bytes: Vec<u8>,
}

impl<'a> Mask<'a> {
    /// Everything blank but newlines.
    pub(crate) fn hidden(source: &'a str) -> Self {
        let bytes = source
            .bytes()
            .map(|b| if b == b'\n' { b'\n' } else { b' ' })
            .collect();
        Mask { source, bytes }
    }

    /// Everything visible.
    pub(crate) fn revealed(source: &'a str) -> Self {
        Mask {
            source,
            bytes: source.as_bytes().to_vec(),
        }
    }

    /// Copies the source bytes of `range` back in. `range` must lie on char boundaries.
    pub(crate) fn reveal(&mut self, range: std::ops::Range<usize>) {
        self.bytes[range.clone()].copy_from_slice(&self.source.as_bytes()[range]);
    }

    fn into_string(self) -> String {
        // Whole characters are either copied or replaced by ASCII, so this is valid UTF-8;
        // the lossy path is a guard that never allocates in practice.
        match String::from_utf8(self.bytes) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }
    }
}

/// The blocks of plain text, in one pass over its lines: a break at each blank line, and each
/// line starting with a list marker as an item.
fn text_blocks(source: &str) -> (Vec<usize>, Vec<Span>) {
    let (mut breaks, mut items) = (Vec::new(), Vec::new());
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        if line.ends_with('\n') && line.bytes().all(|b| b.is_ascii_whitespace()) {
            breaks.push(start);
        } else if list_items::marker_len(line.trim_start_matches([' ', '\t'])).is_some() {
            items.push(Span::new(start, start + line.len()));
        }
        start += line.len();
    }
    (breaks, items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_everything_but_urls() {
        let src = "Visit https://example.com/best-in-class now.\n\nWrite to hi@example.com.";
        let p = extract(src, Format::Text);
        assert_eq!(p.text.len(), src.len());
        assert!(!p.text.contains("best-in-class"));
        assert!(!p.text.contains("example"));
        assert!(p.text.starts_with("Visit "));
        assert!(p.text.contains(" now.\n\nWrite to "));
        assert_eq!(p.links, 2);
        assert_eq!(p.breaks, vec![45]);
    }

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert_eq!(Format::from_extension("MDX"), Some(Format::Markdown));
        assert!("docx".parse::<Format>().is_err());
    }
}
