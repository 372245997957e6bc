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
/// those this item makes over all of Unicode. It is read on an ASCII shape of the text (see
/// [`ascii_shape`]) as `ASCII_ITEM`, which compiles in a small fraction of the time.
#[cfg(test)]
const ITEM: &str = r"[\p{L}\p{N}][\p{L}\p{N}'’-]*(?: [\p{L}\p{N}][\p{L}\p{N}'’-]*){0,2}";
/// `ITEM` as it reads on ASCII text.
const ASCII_ITEM: &str = r"[A-Za-z0-9][A-Za-z0-9'-]*(?: [A-Za-z0-9][A-Za-z0-9'-]*){0,2}";

/// The words that join the last item of a list.
const CONJUNCTIONS: [&str; 14] = [
    "and", "or", "und", "oder", "y", "e", "o", "et", "ou", "ed", "i", "oraz", "lub", "&",
];

fn spaced_list(item: &str) -> Regex {
    let conj = CONJUNCTIONS.join("|");
    // Only the conjunctions need case folding; folding the Unicode item classes as well made
    // this the slowest pattern to compile.
    Regex::new(&format!(r"({item}), ({item}),? (?i:{conj}) ({item})")).expect("valid pattern")
}

/// The lists over all of Unicode, which the tests check `SPACED_ASCII` on ASCII shapes against.
#[cfg(test)]
static SPACED: LazyLock<Regex> = LazyLock::new(|| spaced_list(ITEM));
/// Finds the lists, and their items, in ASCII shapes of the text (see [`ascii_shape`]).
static SPACED_ASCII: LazyLock<Regex> = LazyLock::new(|| spaced_list(ASCII_ITEM));
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

/// Compiles the list patterns text in this script needs. English lists are nearly always
/// ASCII; those of the other spaced languages need the table of letters to be shaped.
pub(super) fn preparations(lang: &str, character_based: bool) -> Vec<Job<'static>> {
    if character_based {
        return vec![job(|| _ = LazyLock::force(&HAN))];
    }
    let mut jobs = vec![job(|| _ = LazyLock::force(&SPACED_ASCII))];
    if lang != "en" && lang != crate::language::UNDETERMINED {
        jobs.push(job(|| _ = LazyLock::force(&LETTERS_AND_NUMBERS)));
    }
    jobs
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
                .filter_map(|m| {
                    let list = &text[m.clone()];
                    let (start, end) = parallel_items(list, &items(list)?);
                    Some((m.start + start, m.start + end))
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

/// The lists in `text`, as a scan of the whole text with `SPACED` would find them, but with
/// the regex run only around each ", " (every list has one after its first item), from the
/// earliest start an item allows to the next full stop or line break, which no list crosses.
fn spaced_lists(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(comma) = next_comma_space(bytes, at) {
        let bound = memchr::memchr2(b'.', b'\n', &bytes[comma..]).map_or(text.len(), |i| comma + i);
        if !conjunction_follows(&text[comma + 2..bound]) {
            at = comma + 2;
            continue;
        }
        let from = item_start(text, comma).max(at);
        // The pattern looks at nothing around a match, so it reads the stretch alone.
        match SPACED_ASCII.find(&ascii_shape(&text[from..bound])) {
            Some(m) => {
                at = from + m.end();
                found.push(from + m.start()..at);
            }
            None => at = bound,
        }
    }
    found
}

/// `text` as `ASCII_ITEM` reads it the way `ITEM` reads `text`, byte for byte: each letter
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
/// one to three words of the middle item. Most commas fail this, and skip the regex.
fn conjunction_follows(rest: &str) -> bool {
    // As `rest.split(' ').skip(1).take(3)`, without a pattern searcher per comma.
    let bytes = rest.as_bytes();
    let Some(mut start) = memchr::memchr(b' ', bytes).map(|i| i + 1) else {
        return false;
    };
    for _ in 0..3 {
        let end = memchr::memchr(b' ', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let word = &bytes[start..end];
        if CONJUNCTIONS
            .iter()
            .any(|c| word.eq_ignore_ascii_case(c.as_bytes()))
        {
            return true;
        }
        if end == bytes.len() {
            return false;
        }
        start = end + 1;
    }
    false
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

/// The items of a list the pattern matched, as its capture groups give them.
fn items(list: &str) -> Option<Items> {
    let shaped = ascii_shape(list);
    ascii_items(&shaped).or_else(|| groups(&SPACED_ASCII, &shaped))
}

/// The items as the capture groups of `pattern` give them.
fn groups(pattern: &Regex, list: &str) -> Option<Items> {
    let c = pattern.captures(list)?;
    Some(Items {
        first: c.get(1)?.range(),
        middle: c.get(2)?.range(),
        last: c.get(3)?.range(),
    })
}

/// The items of an ASCII list read off its words, without asking the regex for groups. The
/// pattern takes the longest middle item (up to three words) that a conjunction and a last
/// item still follow, and the last item then runs to the end of the match. `None` when the
/// list does not read that way, to be split by the regex.
fn ascii_items(list: &str) -> Option<Items> {
    let is_word = |w: &str| {
        w.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric)
            && w.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'\'' || b == b'-')
    };
    let rest = list.find(", ")? + 2;
    let mut words = Vec::with_capacity(8);
    let mut at = rest;
    for word in list[rest..].split(' ') {
        words.push((at, word));
        at += word.len() + 1;
    }
    for k in (1..=3).rev() {
        let Some(&(conj_at, conj)) = words.get(k) else {
            continue;
        };
        let (middle_end_at, middle_end) = words[k - 1];
        let middle_end = middle_end.strip_suffix(',').unwrap_or(middle_end);
        let last = &words[k + 1..];
        let listed = words[..k - 1].iter().all(|&(_, w)| is_word(w))
            && is_word(middle_end)
            && CONJUNCTIONS.iter().any(|c| conj.eq_ignore_ascii_case(c))
            && last.first().is_some_and(|&(_, w)| is_word(w));
        if !listed {
            continue;
        }
        let fits = last.len() <= 3 && last.iter().all(|&(_, w)| is_word(w));
        return fits.then(|| Items {
            first: 0..rest - 2,
            middle: rest..middle_end_at + middle_end.len(),
            last: conj_at + conj.len() + 1..list.len(),
        });
    }
    None
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
            rest.split(' ').skip(1).take(3).any(|word| {
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
        ] {
            assert_eq!(super::conjunction_follows(rest), plain(rest), "{rest:?}");
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
        let mut read_off_words = 0;
        for text in &texts {
            let found = super::spaced_lists(text);
            for list in found.iter().map(|m| &text[m.clone()]) {
                // The items of the list, as the Unicode pattern's groups give them.
                assert_eq!(
                    super::items(list),
                    super::groups(&super::SPACED, list),
                    "{list}"
                );
                if super::ascii_items(&super::ascii_shape(list)).is_some() {
                    read_off_words += 1;
                }
            }
            let expected: Vec<_> = super::SPACED.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(found, expected, "{text}");
        }
        assert!(read_off_words > 40, "{read_off_words}");
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
