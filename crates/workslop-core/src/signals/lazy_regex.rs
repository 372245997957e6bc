//! Built-in patterns, compiled the first time a document needs them, and searched only where
//! they can match.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind, packed};
use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};

use super::forward_search::ForwardSearch;

/// A built-in pattern compiled on first use. Signals run such patterns one by one rather than
/// as a `RegexSet`: alone, each starts with literals the regex engine skips to, while a set of
/// them all had to step through every byte.
pub(super) struct LazyRegex {
    source: String,
    /// The whole regex, for a scan of a whole text.
    regex: OnceLock<Regex>,
    triggers: Option<Triggers>,
}

/// Words every match holds near its start. A pattern that begins with one of many short,
/// common words ("it", "is", "we" before "not") sends the regex engine to every one of them;
/// its rarer trigger ("not") is found first instead, and the pattern is tried only at the few
/// word starts before it.
struct Triggers {
    words: &'static [&'static str],
    /// The most bytes from the start of a match to the start of its trigger.
    lookback: usize,
    finder: OnceLock<Finder>,
    /// The pattern, for searches anchored at the starts near triggers.
    forward: OnceLock<ForwardSearch>,
}

/// A search for trigger words: aho-corasick's packed searcher (Teddy) where the CPU has one,
/// else its general automaton. Teddy sorts the words into buckets; with more than
/// `FAT_TEDDY_WORDS` words it uses its wide form with twice as many buckets, which found the
/// 23 superlative triggers in the fixtures in 460 ns per KB against 1,060 (the narrow form
/// was faster for the 10 negations, 138 against 188).
enum Finder {
    Packed(packed::Searcher),
    General(AhoCorasick),
}

const FAT_TEDDY_WORDS: usize = 16;

impl LazyRegex {
    /// `pattern` with ASCII word boundaries (see [`ascii_boundaries`]) and its counted
    /// classes read byte by byte (see [`bytewise_counted_classes`]).
    pub(super) fn with_ascii_boundaries(pattern: &str) -> Self {
        LazyRegex {
            source: bytewise_counted_classes(&ascii_boundaries(pattern)),
            regex: OnceLock::new(),
            triggers: None,
        }
    }

    /// The same, for a pattern of which every match starts a word and holds one of `words`,
    /// at the end of a word, starting at most `lookback` bytes after the match does. Words are
    /// ASCII letters, digits and underscores, as for an ASCII `\b`.
    pub(super) fn triggered_by(
        pattern: &str,
        words: &'static [&'static str],
        lookback: usize,
    ) -> Self {
        LazyRegex {
            triggers: Some(Triggers {
                words,
                lookback,
                finder: OnceLock::new(),
                forward: OnceLock::new(),
            }),
            ..Self::with_ascii_boundaries(pattern)
        }
    }

    #[cfg(test)]
    pub(super) fn source(&self) -> &str {
        &self.source
    }

    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Regex::builder()
                .syntax(bytewise_syntax())
                .build(&self.source)
                .expect("valid built-in pattern")
        })
    }

    /// Compiles what searching for the pattern takes (its trigger search and forward search,
    /// or the whole regex) now rather than on first use.
    pub(super) fn prepare(&self) {
        match &self.triggers {
            Some(triggers) => {
                triggers.finder();
                self.forward(triggers);
            }
            None => _ = self.regex(),
        }
    }

    /// The successive non-overlapping matches in `text`, leftmost first, as a scan of the
    /// whole text finds them.
    pub(super) fn find_iter(&self, text: &str) -> Vec<Range<usize>> {
        match &self.triggers {
            Some(triggers) => self.find_iter_near(text, &triggers.positions(text)),
            None => self.regex().find_iter(text).map(|m| m.range()).collect(),
        }
    }

    /// The words this pattern is searched for around, if it is.
    pub(super) fn trigger_words(&self) -> Option<&'static [&'static str]> {
        self.triggers.as_ref().map(|t| t.words)
    }

    /// Where this pattern's trigger words are in `text`, to be shared by the patterns with
    /// the same words (see [`LazyRegex::find_iter_near`]).
    pub(super) fn trigger_positions(&self, text: &str) -> Vec<Range<usize>> {
        self.triggers
            .as_ref()
            .map_or_else(Vec::new, |t| t.positions(text))
    }

    /// [`LazyRegex::find_iter`] given the `trigger_positions` in `text` of a pattern with
    /// the same trigger words.
    pub(super) fn find_iter_near(
        &self,
        text: &str,
        triggers: &[Range<usize>],
    ) -> Vec<Range<usize>> {
        let Some(own) = &self.triggers else {
            return self.find_iter(text);
        };
        let mut forward = self.forward(own).searcher(text);
        let found = near_triggers(triggers, own.lookback, text, |start| {
            match forward.match_at(start) {
                Ok(found) => found.map(|m| m.offset()),
                // Never so far; the whole regex answers if it does.
                Err(_) => {
                    let anchored = Input::new(text).range(start..).anchored(Anchored::Yes);
                    self.regex().search(&anchored).map(|m| m.end())
                }
            }
        });
        debug_assert_eq!(
            found,
            (self.regex().find_iter(text).map(|m| m.range())).collect::<Vec<_>>(),
            "the triggers of {} miss a match",
            self.source
        );
        found
    }

    fn forward<'a>(&self, triggers: &'a Triggers) -> &'a ForwardSearch {
        triggers
            .forward
            .get_or_init(|| ForwardSearch::new(&[&self.source]))
    }
}

impl Triggers {
    /// Every trigger word that ends a word in `text`: the leftmost found from the start,
    /// then from one byte past the start of each, so that a search from any offset finds
    /// the first of them there.
    fn positions(&self, text: &str) -> Vec<Range<usize>> {
        let finder = self.finder();
        let mut found = Vec::new();
        let mut from = 0;
        while from < text.len()
            && let Some(trigger) = finder.find(text, from)
        {
            from = trigger.start + 1;
            if !is_word_byte(text.as_bytes(), trigger.end) {
                found.push(trigger);
            }
        }
        found
    }

    fn finder(&self) -> &Finder {
        self.finder.get_or_init(|| Finder::new(self.words))
    }
}

impl Finder {
    fn new(words: &[&str]) -> Finder {
        let packed = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostFirst)
            .only_teddy_fat((words.len() > FAT_TEDDY_WORDS).then_some(true))
            .builder()
            .extend(words)
            .build();
        packed.map_or_else(
            || {
                Finder::General(
                    AhoCorasick::builder()
                        .match_kind(MatchKind::LeftmostFirst)
                        .build(words)
                        .expect("valid built-in trigger words"),
                )
            },
            Finder::Packed,
        )
    }

    /// The leftmost word found at or after `from`, the first listed of those starting there.
    fn find(&self, text: &str, from: usize) -> Option<Range<usize>> {
        match self {
            Finder::Packed(searcher) => searcher
                .find_in(text, aho_corasick::Span::from(from..text.len()))
                .map(|m| m.range()),
            Finder::General(automaton) => automaton
                .find(aho_corasick::Input::new(text).range(from..))
                .map(|m| m.range()),
        }
    }
}

/// The matches of `regex`, given that each starts a word at most `lookback` bytes before one
/// of `triggers` (trigger words that end a word, see [`Triggers::positions`]). The first
/// trigger at or after the search position bounds where the next match can start, so the
/// regex is tried, anchored, only at the word starts up to `lookback` before it, from left
/// to right: the first that matches is the leftmost match.
fn near_triggers(
    triggers: &[Range<usize>],
    lookback: usize,
    text: &str,
    mut end_of_match_at: impl FnMut(usize) -> Option<usize>,
) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let starts_word = |i: usize| is_word_byte(bytes, i) && (i == 0 || !is_word_byte(bytes, i - 1));
    let mut found = Vec::new();
    // Where the next match may start: every position before it has been ruled out.
    let mut at = 0;
    for trigger in triggers {
        if trigger.start < at {
            continue;
        }
        let first = trigger.start.saturating_sub(lookback).max(at);
        let next = (first..=trigger.start)
            .filter(|&start| starts_word(start))
            .find_map(|start| end_of_match_at(start).map(|end| start..end));
        at = match next {
            Some(m) => {
                let after = m.end.max(m.start + 1);
                found.push(m);
                after
            }
            None => trigger.start + 1,
        };
    }
    found
}

/// Whether the byte at `i` is part of an ASCII word, as for an ASCII `\b`.
pub(super) fn is_word_byte(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A class repeated a counted number of times, such as `[^.!?]{1,80}`, compiles to a copy of
/// the class's UTF-8 automaton for each count: for a class of every character but a few,
/// such as contrast's gaps, a large part of what a run spends compiling its patterns. Where
/// the class leaves out ASCII characters only, it is rewritten to read one character a byte
/// at a time: an ASCII byte it does not leave out, or a lead byte and the continuation bytes
/// after it. On UTF-8 text that is the same character, and no match can end inside one
/// (nothing else in a pattern matches a continuation byte); the count compiles about twice
/// as fast.
fn bytewise_counted_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find("[^") {
        let escaped = rest[..open]
            .bytes()
            .rev()
            .take_while(|&b| b == b'\\')
            .count()
            % 2
            == 1;
        let body = &rest[open + 2..];
        let end =
            ascii_class_body_len(body).filter(|&n| !escaped && body[n + 1..].starts_with('{'));
        match end {
            Some(n) => {
                out.push_str(&rest[..open]);
                out.push_str(r"(?-u:[^");
                out.push_str(&body[..n]);
                out.push_str(r"\x80-\xFF]|[\xC0-\xFF][\x80-\xBF]*)");
                rest = &body[n + 1..];
            }
            None => {
                out.push_str(&rest[..open + 2]);
                rest = body;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The length of a negated class's body up to its closing `]`, if the body holds only ASCII
/// punctuation and the escapes `\]` and `\n` (no ranges, Unicode classes or nested sets).
fn ascii_class_body_len(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut i = 0;
    loop {
        match *bytes.get(i)? {
            b']' if i > 0 => return Some(i),
            b'\\' if matches!(bytes.get(i + 1), Some(b']' | b'n')) => i += 2,
            b'.' | b'!' | b'?' | b',' | b';' | b':' => i += 1,
            _ => return None,
        }
    }
}

/// The syntax built-in patterns compile with: [`bytewise_counted_classes`] matches bytes
/// that alone are not UTF-8.
pub(super) fn bytewise_syntax() -> regex_automata::util::syntax::Config {
    regex_automata::util::syntax::Config::new().utf8(false)
}

/// `\b` made ASCII-only: a Unicode `\b` makes the regex engine leave its fast path on text with
/// non-ASCII letters, and the built-in keywords always stand next to a space or a mark.
pub(super) fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both_ways(pattern: &str, words: &'static [&'static str], text: &str) -> Vec<Range<usize>> {
        let triggered = LazyRegex::triggered_by(pattern, words, 8).find_iter(text);
        let whole: Vec<_> = Regex::new(&ascii_boundaries(pattern))
            .expect("valid")
            .find_iter(text)
            .map(|m| m.range())
            .collect();
        assert_eq!(triggered, whole, "{pattern} in {text:?}");
        triggered
    }

    #[test]
    fn matches_near_triggers_are_those_of_a_whole_scan() {
        let pattern = r"\b(?:it|is|we)(?:'s| are)? not \w+";
        let words = &["not"];
        assert_eq!(
            both_ways(pattern, words, "it's not fine, we are not done"),
            [0..13, 15..30]
        );
        assert_eq!(
            both_ways(pattern, words, "nothing here is not"),
            [] as [Range<usize>; 0]
        );
        assert_eq!(
            both_ways(pattern, words, "é it's not é, is not it"),
            [3..14, 16..25]
        );
        assert_eq!(both_ways(pattern, words, ""), [] as [Range<usize>; 0]);
        // Overlapping matches: the leftmost wins and the next search starts after it.
        assert_eq!(
            both_ways(r"\bnot not\b", words, "not not not not"),
            [0..7, 8..15]
        );
    }

    #[test]
    fn prepare_compiles_the_pattern_and_its_trigger_search() {
        let triggered = LazyRegex::triggered_by(r"\bis not\b", &["not"], 8);
        let plain = LazyRegex::with_ascii_boundaries(r"\bnot\b");
        assert!(triggered.regex.get().is_none() && plain.regex.get().is_none());
        triggered.prepare();
        plain.prepare();
        // A triggered pattern is searched for forwards only, and needs no whole regex.
        assert!(triggered.regex.get().is_none() && plain.regex.get().is_some());
        assert!(
            triggered
                .triggers
                .as_ref()
                .is_some_and(|t| t.finder.get().is_some() && t.forward.get().is_some())
        );
        assert_eq!(triggered.find_iter("it is not"), vec![(3..9)]);
    }

    #[test]
    fn the_packed_and_the_general_finder_find_the_same_words() {
        let many: &[&str] = &[
            "most", "best", "top", "state", "market", "world", "industry", "number", "leading",
            "premier", "fastest", "largest", "cutting", "highest", "finest", "safest", "simplest",
        ];
        let few: &[&str] = &["not", "n't", "n’t", "isn t"];
        assert!(many.len() > FAT_TEDDY_WORDS && few.len() <= FAT_TEDDY_WORDS);
        for words in [many, few] {
            let chosen = Finder::new(words);
            let general = Finder::General(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(words)
                    .expect("valid"),
            );
            for text in crate::signals::testing::fixture_texts() {
                let lower = text.to_lowercase();
                for from in (0..lower.len()).step_by(7) {
                    assert_eq!(chosen.find(&lower, from), general.find(&lower, from));
                }
            }
        }
    }

    /// Patterns with counted classes, as the built-in ones use them, and one each that must
    /// be left alone (a Unicode class, a non-ASCII character, a class not counted, an escaped
    /// bracket).
    const COUNTED: &[&str] = &[
        r"x [^.!?]{1,5}?\by",
        r"\bx[^.!?]{0,4}?[.!?]+ y",
        r"\bx (?:a|b) [^.:\n]{0,4}:",
        r"\[[^\]\n]{0,3}\b(?:a|é)\b[^\]\n]{0,3}\]",
        r"x[^.!?;:—–]{1,3}?(?:\s?;|\s?—)",
        r"x[^\s.!?]{1,3}y",
        r"x [^.!?]+ y",
        r"\[^.]{2}",
    ];

    #[test]
    fn only_counted_classes_of_ascii_marks_are_rewritten() {
        let rewritten: Vec<bool> = (COUNTED.iter())
            .map(|p| bytewise_counted_classes(p) != *p)
            .collect();
        assert_eq!(
            rewritten,
            [true, true, true, true, false, false, false, false]
        );
        assert_eq!(
            bytewise_counted_classes(r"a[^.!?]{1,80}?b"),
            r"a(?-u:[^.!?\x80-\xFF]|[\xC0-\xFF][\x80-\xBF]*){1,80}?b"
        );
    }

    proptest::proptest! {
        #[test]
        fn classes_read_byte_by_byte_match_what_the_classes_do(
            text in "[xyab .!?:;\n\\[\\]é’—中😀]{0,30}",
        ) {
            for pattern in COUNTED {
                let source = ascii_boundaries(pattern);
                let unicode = Regex::new(&source).expect("valid");
                let bytewise = LazyRegex::with_ascii_boundaries(pattern);
                let expected: Vec<_> = unicode.find_iter(&text).map(|m| m.range()).collect();
                proptest::prop_assert_eq!(bytewise.find_iter(&text), expected.clone());
                let forward = ForwardSearch::new(&[bytewise.source.as_str()]);
                let mut searcher = forward.searcher(&text);
                for m in expected {
                    let end = searcher.match_at(m.start).expect("no quit bytes").map(|h| h.offset());
                    proptest::prop_assert_eq!(end, Some(m.end));
                }
            }
        }
    }

    #[test]
    fn the_leftmost_of_overlapping_triggers_bounds_the_search() {
        let pattern = r"\bab? not\b";
        let words: &[&str] = &["b not", "ab not"];
        assert_eq!(both_ways(pattern, words, "xx ab not"), vec![(3..9)]);
    }
}
