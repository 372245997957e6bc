//! Built-in patterns, compiled the first time a document needs them.

use std::sync::OnceLock;

use regex::Regex;

/// A built-in pattern compiled on first use. Signals run such patterns one by one rather than
/// as a `RegexSet`: alone, each starts with literals the regex engine skips to, while a set of
/// them all had to step through every byte.
pub(super) struct LazyRegex {
    source: String,
    regex: OnceLock<Regex>,
}

impl LazyRegex {
    /// `pattern` with ASCII word boundaries (see [`ascii_boundaries`]).
    pub(super) fn with_ascii_boundaries(pattern: &str) -> Self {
        LazyRegex {
            source: ascii_boundaries(pattern),
            regex: OnceLock::new(),
        }
    }

    pub(super) fn get(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(&self.source).expect("valid built-in pattern"))
    }
}

/// `\b` made ASCII-only: a Unicode `\b` makes the regex engine leave its fast path on text with
/// non-ASCII letters, and the built-in keywords always stand next to a space or a mark.
pub(super) fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}
