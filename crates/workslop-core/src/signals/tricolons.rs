//! WS404 tricolons: "fast, simple, and secure" and other lists of exactly three short items.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use regex_syntax::hir::{Class, HirKind};

use super::{Context, Findings, Job, Outcome, PerSentence, Signal, SignalInfo, job, quoting};
use crate::report::Severity;
use crate::span::Span;

pub struct Tricolons;

static INFO: SignalInfo = SignalInfo {
    code: "WS404",
    name: "tricolons",
    summary: "Lists of three short items, again and again",
    default_weight: 1.0,
    explanation: "\
## What it finds
Lists of exactly three short items (one to three words each): \"fast, simple, and secure\",
\"plan, track and ship\". One tricolon is a figure of speech and careful writers use it; the
rate per sentence is what counts, so the weight is low and a single one barely moves the score.

## Why it matters
Generated copy falls into threes by habit: three adjectives, three verbs, three benefits,
sentence after sentence. The rhythm sounds persuasive and says little, because the items are
chosen for sound rather than fact.

## Example
> Our fast, simple, and secure platform helps you plan, track, and deliver with clarity, confidence, and control.

## Instead
Keep the one item that is true and specific, and back it: \"Exports a 10,000-row board in two seconds.\"
",
};

/// One to three words, letters or digits, with inner hyphens and apostrophes: the lists are
/// those this item makes over all of Unicode, in the pattern [`spaced_list`] builds. They are
/// found by [`find_list`] on an ASCII shape of the text (see [`ascii_shape`]), which the tests
/// hold to the pattern.
#[cfg(test)]
const ITEM: &str = r"[\p{L}\p{N}][\p{L}\p{N}'’-]*(?: [\p{L}\p{N}][\p{L}\p{N}'’-]*){0,2}";

/// The words that join the last item of a list.
const CONJUNCTIONS: [&str; 14] = [
    "and", "or", "und", "oder", "y", "e", "o", "et", "ou", "ed", "i", "oraz", "lub", "&",
];

#[cfg(test)]
fn spaced_list(item: &str) -> Regex {
    let conj = CONJUNCTIONS.join("|");
    // Only the conjunctions need case folding; folding the Unicode item classes as well made
    // this the slowest pattern to compile.
    Regex::new(&format!(r"({item}), ({item}),? (?i:{conj}) ({item})")).expect("valid pattern")
}

/// The lists over all of Unicode, which the tests check [`spaced_lists`] against.
#[cfg(test)]
static SPACED: LazyLock<Regex> = LazyLock::new(|| spaced_list(ITEM));
/// The letters and numbers outside ASCII, as `\p{L}` and `\p{N}` hold them: sorted ranges.
static LETTERS_AND_NUMBERS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    let hir = regex_syntax::parse(r"[\p{L}\p{N}]").expect("valid class");
    let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
        panic!("a class of letters and numbers parses to a Unicode class");
    };
    class
        .ranges()
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect()
});
static HAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Han}{1,6}、\p{Han}{1,6}(?:、|和|与|及|以及)\p{Han}{1,6}")
        .expect("valid pattern")
});

/// Plain copy reaches 0.08 tricolons per sentence.
const RATE: PerSentence = PerSentence {
    baseline: 0.08,
    smoothing: 4.0,
    scale: 0.25,
};

/// Readies what lists in this script are found with. English lists are nearly always ASCII;
/// those of the other spaced languages need the table of letters to be shaped.
pub(super) fn preparations(lang: &str, character_based: bool) -> Vec<Job<'static>> {
    if character_based {
        vec![job(|| _ = LazyLock::force(&HAN))]
    } else if lang != "en" && lang != crate::language::UNDETERMINED {
        vec![job(|| _ = LazyLock::force(&LETTERS_AND_NUMBERS))]
    } else {
        Vec::new()
    }
}

impl Signal for Tricolons {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        let doc = cx.doc;
        let mut count = 0usize;
        let character_based = doc.language.is_some_and(|l| l.is_character_based());
        // One scan of the whole prose: an item cannot run across a full stop or a line break,
        // so no list spans two sentences.
        let text = doc.prose.as_str();
        let matches: Vec<(usize, usize)> = if character_based {
            HAN.find_iter(text).map(|m| (m.start(), m.end())).collect()
        } else {
            spaced_lists(text)
                .into_iter()
                .map(|(m, items)| {
                    let (start, end) = parallel_items(&text[m.clone()], &items);
                    (m.start + start, m.start + end)
                })
                .collect()
        };
        for (start, end) in matches {
            let list = &text[start..end];
            if !is_list_of_three(list) {
                continue;
            }
            if findings.push(
                Span::new(start, end),
                Severity::Info,
                quoting("Tricolon: \"", list, "\""),
                Some("keep the one item that is specific, and back it".into()),
            ) {
                count += 1;
            }
        }
        RATE.measure(count, doc.sentences.len(), "tricolons")
    }
}

/// The lists in `text` and their items, as a scan of the whole text with `SPACED` would find
/// them, but looked for only around each ", " (every list has one after its first item) that
/// a conjunction follows, from the earliest start an item allows to the next full stop or line
/// break, which no list crosses.
fn spaced_lists(text: &str) -> Vec<(Range<usize>, Items)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(comma) = next_comma_space(bytes, at) {
        if !conjunction_follows(&bytes[comma + 2..]) {
            at = comma + 2;
            continue;
        }
        let bound = memchr::memchr2(b'.', b'\n', &bytes[comma..]).map_or(text.len(), |i| comma + i);
        let from = item_start(text, comma).max(at);
        // A list depends on nothing around it, so the stretch is read alone.
        match find_list(ascii_shape(&text[from..bound]).as_bytes()) {
            Some((list, items)) => {
                at = from + list.end;
                found.push((from + list.start..at, items));
            }
            None => at = bound,
        }
    }
    found
}

/// `text` as [`find_list`] reads it the way `ITEM` reads `text`, byte for byte: each letter
/// or number outside ASCII becomes as many `a`s as it has bytes, `’` three `'`s, and any other
/// character outside ASCII bytes that no item, space or comma holds. No conjunction is all
/// `a`s, so a shaped word is never one; no character outside ASCII folds to the letters of
/// one, so the original word never is either.
fn ascii_shape(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut shaped = String::with_capacity(text.len());
    for c in text.chars() {
        let fill = match c {
            _ if c.is_ascii() => c,
            '’' => '\'',
            _ if is_letter_or_number(c) => 'a',
            _ => '\u{1}',
        };
        shaped.extend(std::iter::repeat_n(fill, c.len_utf8()));
    }
    Cow::Owned(shaped)
}

/// Whether `c` is in `\p{L}` or `\p{N}`.
fn is_letter_or_number(c: char) -> bool {
    let ranges = &*LETTERS_AND_NUMBERS;
    let i = ranges.partition_point(|&(_, end)| end < c);
    ranges.get(i).is_some_and(|&(start, _)| start <= c)
}

/// Where the next ", " from `at` on starts.
fn next_comma_space(bytes: &[u8], at: usize) -> Option<usize> {
    let mut from = at;
    while let Some(i) = memchr::memchr(b',', &bytes[from..]).map(|i| from + i) {
        if bytes.get(i + 1) == Some(&b' ') {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// Whether a conjunction stands where a list's would after the ", " before `rest`: after the
/// one to three words of the middle item, before the first full stop or line break. Most
/// commas fail this, and are not searched further; it reads the bytes once, without a search
/// per word.
fn conjunction_follows(rest: &[u8]) -> bool {
    // As `rest.split(' ').skip(1).take(3)` up to the first '.' or '\n'.
    let (mut word, mut start) = (0, 0);
    for (i, &b) in rest.iter().enumerate() {
        match b {
            b' ' => {
                if word > 0 && is_conjunction(&rest[start..i]) {
                    return true;
                }
                word += 1;
                if word > 3 {
                    return false;
                }
                start = i + 1;
            }
            b'.' | b'\n' => return word > 0 && is_conjunction(&rest[start..i]),
            _ => {}
        }
    }
    word > 0 && is_conjunction(&rest[start..])
}

/// `CONJUNCTIONS` as [`conjunction_key`] gives them.
const CONJUNCTION_KEYS: [u64; CONJUNCTIONS.len()] = {
    let mut keys = [0; CONJUNCTIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = conjunction_key(CONJUNCTIONS[i].as_bytes());
        i += 1;
    }
    keys
};

/// A word of up to four bytes as one integer, lowercase, with its length: one comparison per
/// conjunction instead of a comparison of bytes.
const fn conjunction_key(word: &[u8]) -> u64 {
    let mut key = (word.len() as u64) << 32;
    let mut i = 0;
    while i < word.len() && i < 4 {
        key |= (word[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    key
}

/// Whether `word` is one of `CONJUNCTIONS`, in any case.
fn is_conjunction(word: &[u8]) -> bool {
    word.len() <= 4 && CONJUNCTION_KEYS.contains(&conjunction_key(word))
}

/// The earliest offset where an item ending at `end` can start: up to three words of
/// letters, digits, hyphens and apostrophes, one space apart.
fn item_start(text: &str, end: usize) -> usize {
    let mut start = end;
    let mut spaces = 0;
    for (i, c) in text[..end].char_indices().rev() {
        if c == ' ' {
            spaces += 1;
            if spaces == 3 {
                break;
            }
        } else if !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')) {
            break;
        }
        start = i;
    }
    start
}

/// Where the three items of a matched list lie in it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Items {
    first: Range<usize>,
    middle: Range<usize>,
    last: Range<usize>,
}

/// The first list in `shaped` (see [`ascii_shape`]) as `SPACED` finds it in the text, and its
/// items, where they lie in the list. The pattern's first item ends at the first ", " after
/// its start, and what follows that comma does not depend on the start, so each ", " in turn
/// is tried with the earliest start it allows.
fn find_list(shaped: &[u8]) -> Option<(Range<usize>, Items)> {
    let mut at = 0;
    while let Some(comma) = next_comma_space(shaped, at) {
        if let Some((middle_end, last)) = rest_of_list(shaped, comma)
            && let Some(start) = first_item_start(shaped, comma)
        {
            let items = Items {
                first: 0..comma - start,
                middle: comma + 2 - start..middle_end - start,
                last: last.start - start..last.end - start,
            };
            return Some((start..last.end, items));
        }
        at = comma + 1;
    }
    None
}

/// The earliest start of a first item that ends at `end`: one to three words one space apart,
/// each a letter or digit and then letters, digits, hyphens and apostrophes. The first word
/// may start inside a run of those (after a leading hyphen, say); the others take all of it.
fn first_item_start(shaped: &[u8], end: usize) -> Option<usize> {
    let (mut start, mut end) = (None, end);
    for _ in 0..3 {
        let run = shaped[..end]
            .iter()
            .rposition(|&b| !is_item_byte(b))
            .map_or(0, |i| i + 1);
        let Some(first) = shaped[run..end].iter().position(u8::is_ascii_alphanumeric) else {
            break;
        };
        start = Some(run + first);
        if first > 0 || run == 0 || shaped[run - 1] != b' ' {
            break;
        }
        end = run - 1;
    }
    start
}

/// What follows the first item of a list whose ", " is at `comma`: where the middle item ends,
/// and the last item. As the pattern prefers, the middle item takes as many words (up to
/// three) as let a conjunction and a last item follow, and the last item as many as there are.
fn rest_of_list(shaped: &[u8], comma: usize) -> Option<(usize, Range<usize>)> {
    let mut ends = [0; 3];
    let mut words = 0;
    let mut at = comma + 2;
    while words < 3
        && let Some(end) = word_end(shaped, at)
    {
        ends[words] = end;
        words += 1;
        at = end + 1;
        if shaped.get(end) != Some(&b' ') {
            break;
        }
    }
    ends[..words].iter().rev().find_map(|&middle_end| {
        let mut at = middle_end;
        if shaped.get(at) == Some(&b',') {
            at += 1;
        }
        if shaped.get(at) != Some(&b' ') {
            return None;
        }
        let conjunction = at + 1;
        let after = conjunction + memchr::memchr(b' ', &shaped[conjunction..])?;
        if !is_conjunction(&shaped[conjunction..after]) {
            return None;
        }
        let mut last_end = word_end(shaped, after + 1)?;
        for _ in 0..2 {
            match word_end(shaped, last_end + 1) {
                Some(end) if shaped[last_end] == b' ' => last_end = end,
                _ => break,
            }
        }
        Some((middle_end, after + 1..last_end))
    })
}

/// The end of the word that starts at `at`: a letter or digit, then letters, digits, hyphens
/// and apostrophes. `None` when none starts there.
fn word_end(shaped: &[u8], at: usize) -> Option<usize> {
    if !shaped.get(at)?.is_ascii_alphanumeric() {
        return None;
    }
    let rest = &shaped[at..];
    Some(
        at + rest
            .iter()
            .position(|&b| !is_item_byte(b))
            .unwrap_or(rest.len()),
    )
}

fn is_item_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\'' || b == b'-'
}

/// The items of a tricolon run parallel: the outer items are cut to the middle one's length in
/// words ("Our fast, simple, and secure platform" is "fast, simple, and secure").
fn parallel_items(list: &str, items: &Items) -> (usize, usize) {
    let (first, last) = (&list[items.first.clone()], &list[items.last.clone()]);
    let words = list[items.middle.clone()].split(' ').count();
    let start = items.first.end - last_words(first, words).len();
    let end = items.last.start + first_words(last, words).len();
    (start, end)
}

fn last_words(s: &str, n: usize) -> &str {
    s.rmatch_indices(' ')
        .nth(n - 1)
        .map_or(s, |(i, _)| &s[i + 1..])
}

fn first_words(s: &str, n: usize) -> &str {
    s.match_indices(' ').nth(n - 1).map_or(s, |(i, _)| &s[..i])
}

/// Guards the permissive pattern: numbers alone are data, not rhetoric ("1, 2 and 3").
fn is_list_of_three(list: &str) -> bool {
    list.chars().filter(|c| c.is_alphabetic()).count() >= 6
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::signals::testing::{self, flagged, measure, subscore};

    #[test]
    fn a_conjunction_is_looked_for_in_the_second_to_fourth_words() {
        let plain = |rest: &str| {
            let sentence = rest.split(['.', '\n']).next().unwrap_or("");
            sentence.split(' ').skip(1).take(3).any(|word| {
                super::CONJUNCTIONS
                    .iter()
                    .any(|c| word.eq_ignore_ascii_case(c))
            })
        };
        for rest in [
            "",
            "a",
            "a ",
            "a and",
            "a b c AND",
            "a b c d and",
            "a  and",
            "x & y",
            "a,b or",
            "one two three four or",
            "a b Y",
            "a b. and",
            "a and. b",
            "a\nand c",
            "a b\nOder",
            "a oraz",
            "a orazy",
            "a ora",
            "a e\0",
            "a Ou",
            "a é",
            "a und.",
        ] {
            assert_eq!(
                super::conjunction_follows(rest.as_bytes()),
                plain(rest),
                "{rest:?}"
            );
        }
    }

    #[test]
    fn lists_found_around_commas_match_a_scan_of_the_whole_text() {
        let mut texts = testing::fixture_texts();
        texts.extend(
            [
                "Fast, simple, and secure. a, b, c, d and e, f, g or h.",
                "One two three four, five six, seven and eight nine ten.",
                "state-of-the-art tools, real-time sync, and world’s best support",
                ", , and x, y & z,\nq, r and s",
                "Café, crème, and naïve, then ÉCOLE, straße or 日本",
                "Plan, track and ship and review, fast, easy and fun and free and open.",
                "Red, green, and, blue, A, b c d, AND e f, x, y or z w v u, p, q And",
                // Outside ASCII: a combining accent, an apostrophe, a no-break space, digits,
                // a Kelvin sign and a long s (which fold to k and s), and "é" near "e".
                "Cafe\u{301}, cre\u{300}me, and nai\u{308}ve; l’été, l’hiver et l’automne",
                "Rot,\u{a0}grün, und blau, ٣ أيام, ١٢ und ٤, x, y é z, x, y e z, a, b È c",
                "Größe, Gewicht, und Preis, Äpfel, Birnen oder Öl, \u{212A}elvin, \u{212A}elvin AND ſo, ſo, or ſo",
                "Schnell, einfach und sicher – Planen, Verfolgen und Liefern; zéro, un et deux",
            ]
            .map(String::from),
        );
        for text in &texts {
            assert_lists_are_the_patterns(text);
        }
    }

    /// `spaced_lists` finds the lists, and their items, that the Unicode pattern does.
    fn assert_lists_are_the_patterns(text: &str) {
        let expected: Vec<_> = super::SPACED
            .captures_iter(text)
            .map(|c| {
                let list = c.get(0).unwrap().range();
                let item = |i: usize| {
                    let item = c.get(i).unwrap().range();
                    item.start - list.start..item.end - list.start
                };
                let (first, middle, last) = (item(1), item(2), item(3));
                (
                    list,
                    super::Items {
                        first,
                        middle,
                        last,
                    },
                )
            })
            .collect();
        assert_eq!(super::spaced_lists(text), expected, "{text:?}");
    }

    proptest::proptest! {
        // Short texts check quickly, and a list needs several pieces in order: many cases.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(50_000))]
        #[test]
        fn lists_are_the_patterns_on_any_words(
            words in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "a", "Bc", "7", "x-y", "'q", "-a", "b'", "and", "Or", "&", "e", "oraz",
                        "und", "é", "l’a", "·", "",
                    ]),
                    proptest::sample::select(vec![" ", " ", " ", ", ", ", ", ",", "  ", ".", "\n"]),
                ),
                0..16,
            ),
        ) {
            let text: String = words.iter().flat_map(|&(word, gap)| [word, gap]).collect();
            assert_lists_are_the_patterns(&text);
        }
    }

    #[test]
    fn the_shape_keeps_every_offset_and_reads_letters_as_the_unicode_classes_do() {
        // À, Ø and ª start ranges of the table, Ö and ÿ end them.
        let text = "Ωmega’s 3½ ٣ e\u{301} straße\u{a0}日本 \u{212A} ſ! À Ö × Ø ª ÿ";
        let shaped = super::ascii_shape(text);
        assert!(shaped.is_ascii());
        assert_eq!(shaped.len(), text.len());
        let letter_or_number = regex::Regex::new(r"^[\p{L}\p{N}]$").unwrap();
        for (i, c) in text.char_indices() {
            let expected = if c.is_ascii() {
                c
            } else if c == '’' {
                '\''
            } else if letter_or_number.is_match(&c.to_string()) {
                'a'
            } else {
                '\u{1}'
            };
            assert!(
                shaped[i..i + c.len_utf8()].chars().all(|s| s == expected),
                "{c:?}"
            );
        }
    }

    #[test]
    fn repeated_threes_are_flagged() {
        let text = "Our fast, simple, and secure platform helps you plan, track, and deliver. \
                    Teams gain clarity, confidence and control. It is bold, modern, and reliable.";
        let (outcome, findings) = measure("WS404", text, Config::default());
        let hits = flagged(text, &findings);
        assert_eq!(hits.len(), 4, "{hits:?}");
        assert!(hits.contains(&"fast, simple, and secure"));
        assert!(subscore(&outcome) > 0.6, "{outcome:?}");
    }

    #[test]
    fn one_list_in_plain_copy_barely_counts() {
        let text = "The app runs on Linux, macOS and Windows. Exports take two seconds for a 10,000-row board. \
                    Prices start at six euros. Support answers within a day. Schools pay nothing.";
        let (outcome, findings) = measure("WS404", text, Config::default());
        assert_eq!(findings.len(), 1);
        assert!(subscore(&outcome) < 0.25, "{outcome:?}");
        let (_, findings) = measure(
            "WS404",
            "Pick 1, 2 and 3 from rows 4, 5 and 6 today please.",
            Config::default(),
        );
        assert!(findings.is_empty());
    }
}
