//! Phrase lexicons: parsing the data files and matching them in prose.

use aho_corasick::{AhoCorasick, Input, MatchKind};
use serde::{Deserialize, Serialize};

use crate::collapsed::Collapsed;
use crate::phrase_dfa::{PhraseDfa, patterns};
use crate::span::Span;

/// What kind of stock language an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    AiVocabulary,
    Buzzword,
    StockOpener,
    StockCloser,
    Filler,
    Hype,
    Cta,
    /// Added by the user's configuration.
    Custom,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::AiVocabulary,
        Category::Buzzword,
        Category::StockOpener,
        Category::StockCloser,
        Category::Filler,
        Category::Hype,
        Category::Cta,
        Category::Custom,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::AiVocabulary => "ai-vocabulary",
            Category::Buzzword => "buzzword",
            Category::StockOpener => "stock-opener",
            Category::StockCloser => "stock-closer",
            Category::Filler => "filler",
            Category::Hype => "hype",
            Category::Cta => "cta",
            Category::Custom => "custom",
        }
    }

    /// How a finding's message opens for a phrase of this category.
    pub fn describe(self) -> &'static str {
        match self {
            Category::AiVocabulary => "AI-style vocabulary",
            Category::Buzzword => "Marketing buzzword",
            Category::StockOpener => "Stock opener",
            Category::StockCloser => "Stock closer",
            Category::Filler => "Filler phrase",
            Category::Hype => "Hype with nothing behind it",
            Category::Cta => "Call-to-action cliché",
            Category::Custom => "Phrase from the project's list",
        }
    }

    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Lowercase phrase, without the trailing `*` of a prefix entry.
    pub phrase: String,
    /// The phrase matches any word that starts with it (`delv*`).
    pub prefix: bool,
    pub category: Category,
    pub weight: f64,
    pub suggestion: Option<String>,
}

/// A malformed lexicon line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Parses `phrase<TAB>category<TAB>weight[<TAB>suggestion]` lines; `#` lines are comments.
pub fn parse(tsv: &str) -> Result<Vec<Entry>, LexiconError> {
    let mut entries = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let error = |message: String| LexiconError {
            line: i + 1,
            message,
        };
        let fields: Vec<&str> = line.split('\t').collect();
        if !(3..=4).contains(&fields.len()) {
            return Err(error(format!(
                "expected 3 or 4 tab-separated fields, found {}",
                fields.len()
            )));
        }
        let category = Category::from_name(fields[1])
            .filter(|c| *c != Category::Custom)
            .ok_or_else(|| error(format!("unknown category `{}`", fields[1])))?;
        let weight: f64 = fields[2]
            .parse()
            .ok()
            .filter(|w: &f64| (0.0..=3.0).contains(w) && *w > 0.0)
            .ok_or_else(|| error(format!("weight `{}` is not a number in (0, 3]", fields[2])))?;
        let (phrase, prefix) = match fields[0].strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (fields[0], false),
        };
        if phrase.trim().is_empty() {
            return Err(error("empty phrase".into()));
        }
        entries.push(Entry {
            phrase: phrase.to_string(),
            prefix,
            category,
            weight,
            suggestion: fields
                .get(3)
                .map(|s| s.to_string())
                .filter(|s| !s.is_empty()),
        });
    }
    Ok(entries)
}

/// A phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub span: Span,
    /// Index into `Matcher::entries`.
    pub entry: u32,
}

/// An Aho-Corasick automaton over a lexicon, built once and shared.
#[derive(Debug, Clone)]
pub struct Matcher {
    search: Search,
    entries: Vec<Entry>,
    /// Pattern id to entry index (an entry with `'` also matches with `’`).
    pattern_entry: Vec<u32>,
}

#[derive(Debug, Clone)]
enum Search {
    /// A DFA walked over several stretches of the text at once; `stops` are the ASCII marks
    /// no phrase holds, after which the text may be split.
    Interleaved {
        dfa: Box<PhraseDfa>,
        stops: Box<[bool; 256]>,
    },
    /// Any automaton the crate picks, for lexicons too large for a DFA.
    Plain(AhoCorasick),
}

impl Matcher {
    pub fn new(entries: Vec<Entry>) -> Self {
        Matcher::with_prebuilt(entries, &[])
    }

    /// The same, reading the automaton from `prebuilt` (see [`PhraseDfa::to_bytes`]) when it
    /// was built for these entries' phrases, as `build.rs` does for the bundled lexicons.
    pub fn with_prebuilt(entries: Vec<Entry>, prebuilt: &[u8]) -> Self {
        let (patterns, pattern_entry) = patterns(entries.iter().map(|e| e.phrase.as_str()));
        let dfa = PhraseDfa::from_bytes(prebuilt, &patterns).or_else(|| PhraseDfa::new(&patterns));
        let search = match dfa {
            Some(dfa) => interleaved(dfa, &patterns),
            None => plain(&patterns),
        };
        Matcher {
            search,
            entries,
            pattern_entry,
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, hit: Hit) -> &Entry {
        &self.entries[hit.entry as usize]
    }

    /// Every whole-word occurrence in the collapsed lowercase prose, with source spans: the
    /// leftmost, and the longest of those starting there. A phrase found inside a word is
    /// dropped and hides none that starts later in that word.
    pub fn find(&self, text: &Collapsed, out: &mut Vec<Hit>) {
        let s = text.text.as_str();
        let judge = |pattern: u32, start: usize, end: usize| {
            let entry = &self.entries[self.pattern_entry[pattern as usize] as usize];
            whole_word_end(s, entry, end).filter(|_| !starts_inside_word(s, start))
        };
        let mut keep = |pattern: u32, start: usize, end: usize| {
            out.push(Hit {
                span: Span::new(text.to_source(start), text.to_source(end)),
                entry: self.pattern_entry[pattern as usize],
            });
        };
        match &self.search {
            Search::Interleaved { dfa, stops } => {
                for (pattern, start, end) in crate::interleaved::find(dfa, s, stops, judge) {
                    keep(pattern, start, end);
                }
            }
            Search::Plain(automaton) => {
                let mut from = 0;
                while let Ok(Some(m)) = automaton.try_find(Input::new(s).range(from..)) {
                    let (pattern, start) = (m.pattern().as_u32(), m.start());
                    from = match judge(pattern, start, m.end()) {
                        Some(end) => {
                            keep(pattern, start, end);
                            end
                        }
                        None => start + s[start..].chars().next().map_or(1, char::len_utf8),
                    };
                }
            }
        }
    }
}

fn interleaved(dfa: PhraseDfa, patterns: &[String]) -> Search {
    let mut stops = Box::new([false; 256]);
    for b in 0..128u8 {
        stops[b as usize] = b.is_ascii_punctuation();
    }
    for b in patterns.iter().flat_map(|p| p.bytes()) {
        stops[b as usize] = false;
    }
    Search::Interleaved {
        dfa: Box::new(dfa),
        stops,
    }
}

fn plain(patterns: &[String]) -> Search {
    Search::Plain(
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).expect("empty automaton")),
    )
}

/// Where a match of `entry` ending at `end` ends as a whole word: a prefix entry takes the rest
/// of its word (letters of a spaced script); any other entry must end where a word does.
fn whole_word_end(s: &str, entry: &Entry, end: usize) -> Option<usize> {
    if entry.prefix {
        let rest = s[end..].chars().take_while(|&c| is_spaced_word_char(c));
        Some(end + rest.map(char::len_utf8).sum::<usize>())
    } else {
        (!ends_inside_word(s, end)).then_some(end)
    }
}

/// Letters of scripts written without spaces (Han, kana) are words on their own.
fn is_unspaced(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

fn is_spaced_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_unspaced(c)
}

fn starts_inside_word(s: &str, start: usize) -> bool {
    let before = s[..start].chars().next_back();
    let first = s[start..].chars().next();
    matches!((before, first), (Some(b), Some(f)) if is_spaced_word_char(b) && is_spaced_word_char(f))
}

fn ends_inside_word(s: &str, end: usize) -> bool {
    let last = s[..end].chars().next_back();
    let after = s[end..].chars().next();
    matches!((last, after), (Some(l), Some(a)) if is_spaced_word_char(l) && is_spaced_word_char(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(tsv: &str) -> Matcher {
        Matcher::new(parse(tsv).unwrap())
    }

    fn found(m: &Matcher, text: &str) -> Vec<String> {
        let lower = text.to_lowercase();
        let mut hits = Vec::new();
        m.find(&Collapsed::new(&lower), &mut hits);
        hits.iter()
            .map(|h| text[h.span.range()].to_string())
            .collect()
    }

    #[test]
    fn whole_words_longest_first_across_line_wraps() {
        let m = matcher(
            "delv*\tai-vocabulary\t2\nit's\tfiller\t0.5\nseamless\tbuzzword\t1\nunlock the full potential\tcta\t3\tsay what it does",
        );
        assert_eq!(
            found(
                &m,
                "We delved into it. Unlock the\n  full potential, seamlessly. It’s seamless."
            ),
            ["delved", "Unlock the\n  full potential", "It’s", "seamless"]
        );
        assert!(found(&m, "undelved seamlessness").is_empty());
    }

    #[test]
    fn a_phrase_inside_a_word_hides_no_later_one() {
        let m = matcher(
            "full\tfiller\t1\nunlock the full potential\tcta\t3\ndelv*\tai-vocabulary\t2\n赋能\tbuzzword\t2",
        );
        assert_eq!(found(&m, "Reunlock the full potential"), ["full"]);
        assert_eq!(found(&m, "delve赋能"), ["delve", "赋能"]);
    }

    #[test]
    fn han_phrases_need_no_spaces() {
        let m = matcher("一站式\tbuzzword\t1\n赋能\tbuzzword\t2");
        assert_eq!(
            found(&m, "我们提供一站式服务，赋能企业"),
            ["一站式", "赋能"]
        );
    }

    /// The hits of the interleaved search and of the plain one.
    fn both_searches(entries: Vec<Entry>, text: &str) -> (Vec<Hit>, Vec<Hit>) {
        let collapsed = Collapsed::new(&text.to_lowercase());
        let (mut interleaved, mut plain) = (Vec::new(), Vec::new());
        let fast = Matcher::new(entries.clone());
        assert!(matches!(fast.search, Search::Interleaved { .. }));
        fast.find(&collapsed, &mut interleaved);
        let (patterns, pattern_entry) = patterns(entries.iter().map(|e| e.phrase.as_str()));
        let slow = Matcher {
            search: super::plain(&patterns),
            entries,
            pattern_entry,
        };
        slow.find(&collapsed, &mut plain);
        (interleaved, plain)
    }

    #[test]
    fn stretches_searched_at_once_find_what_one_search_finds() {
        let texts = crate::signals::testing::fixture_texts();
        for data in crate::language::LANGUAGE_DATA {
            let entries = parse(data.lexicon).unwrap();
            let mut hits = 0;
            for text in &texts {
                let (interleaved, plain) = both_searches(entries.clone(), text);
                assert_eq!(interleaved, plain, "{}: {text}", data.code);
                hits += plain.len();
            }
            assert!(hits > 0, "{}", data.code);
        }
    }

    proptest::proptest! {
        #[test]
        fn stretches_agree_with_one_search_on_any_mix(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "delve", "seamless", "seamlessly", "it's", "it’s", "unlock the",
                    "full potential", "game-changer", "一站式", "赋能", "x", "’", " ", "  ",
                    "\n", "-", ".", ",", "!", "é", "使",
                ]),
                0..40,
            )
        ) {
            let entries = parse(
                "delv*\tai-vocabulary\t2\nit's\tfiller\t0.5\nseamless\tbuzzword\t1\n\
                 unlock the full potential\tcta\t3\ngame-changer\tbuzzword\t1\n\
                 一站式\tbuzzword\t1\n赋能\tbuzzword\t2\nfull\tfiller\t1",
            )
            .unwrap();
            let (interleaved, plain) = both_searches(entries, &parts.concat());
            proptest::prop_assert_eq!(interleaved, plain);
        }
    }

    #[test]
    fn bad_lines_are_named() {
        assert_eq!(parse("ok\tbuzzword\t1\nbad\tnope\t1").unwrap_err().line, 2);
        assert!(parse("x\tbuzzword\tNaN").is_err());
        assert!(parse("x\tbuzzword").is_err());
    }
}
