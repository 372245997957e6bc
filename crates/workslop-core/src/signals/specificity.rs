//! WS302 low-specificity: how few concrete details (figures, dates, names, links) the copy gives.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use regex_automata::meta::Regex as MultiRegex;
use regex_automata::{Anchored, Input};

use super::forward_search::{ForwardSearch, Searcher};
use super::lazy_regex::{ascii_boundaries, is_word_byte};
use super::{
    Context, Findings, Job, Measurement, Outcome, Signal, SignalInfo, job, ramp, saturate,
};
use crate::document::Document;
use crate::report::Severity;
use crate::span::Span;
use crate::words::load;

pub struct LowSpecificity;

static INFO: SignalInfo = SignalInfo {
    code: "WS302",
    name: "low-specificity",
    summary: "Few concrete details: figures, prices, dates, names, links",
    default_weight: 2.0,
    explanation: "\
## What it finds
How many concrete details a reader could check the copy gives: numbers, percentages, prices,
dates, measurements, version numbers, names (capitalised words inside a sentence, runs of them,
mixed-case names such as \"GitHub\" and acronyms such as \"ISO\"), links and e-mail addresses,
and the brand terms set in the configuration. German capitalises every noun, so there only
mixed-case names and acronyms count as names. In Chinese and Japanese, digits and words in
Latin script count, and the length is measured in characters.

The value is concrete details per 100 words. The sub-score grows as the rate falls below the
median of human text in the language, measured on the development set (3.8 per 100 words in
English, 1.1 per 100 characters in Chinese; `data/bands.tsv`); short texts are smoothed toward
that rate. A text of 60 words or more with under half of it gets one finding with the counts.

## Why it matters
Figures and names are what make copy believable and hard to copy. Generated text stays
abstract (\"teams\", \"solutions\", \"results\") because the model does not know the facts, and a
page without one number or name could describe any company.

## Example
> Our platform helps teams work smarter and achieve more, with powerful tools that grow with your business.

## Instead
Give the reader something to check:
> Tasklane plans two-week sprints for 1,200 teams; since March 2024 the Pro plan costs €6 per user a month.
",
};

/// Pseudo-words at the reference rate added to the length, so short texts need more evidence.
const SMOOTHING_WORDS: f64 = 40.0;
/// Shortfall below the reference (details per 100 words) at which the sub-score is 1 - 1/e.
const SHORTFALL_SCALE: f64 = 1.5;
/// Texts shorter than this get no finding.
const MIN_WORDS_FOR_FINDING: usize = 60;

/// What kind of concrete detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Number,
    Date,
    Unit,
    Currency,
    Version,
    Name,
    Brand,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::Number,
        Kind::Date,
        Kind::Unit,
        Kind::Currency,
        Kind::Version,
        Kind::Name,
        Kind::Brand,
    ];

    /// The key of its count in the report's details.
    fn key(self) -> &'static str {
        match self {
            Kind::Number => "numbers",
            Kind::Date => "dates",
            Kind::Unit => "units",
            Kind::Currency => "currency",
            Kind::Version => "versions",
            Kind::Name => "names",
            Kind::Brand => "brand-mentions",
        }
    }
}

/// One concrete detail in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Detail {
    pub(super) kind: Kind,
    pub(super) span: Span,
}

/// Compiles the patterns every language's details are found with.
pub(super) fn preparations() -> Vec<Job<'static>> {
    vec![
        job(|| {
            LazyLock::force(&FIGURE_PATTERNS);
        }),
        job(|| {
            LazyLock::force(&DAY_AND_MONTH_NAMES_REGEX);
            LazyLock::force(&TITLE_CASE_SMALL_PACKED);
        }),
    ]
}

impl Signal for LowSpecificity {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        let doc = cx.doc;
        let details = cx.details();
        let total = details.len() + doc.links;
        let units = doc.length_units();
        let n = units as f64;
        let reference = reference_rate(doc);
        let rate = if units > 0 {
            100.0 * total as f64 / n
        } else {
            0.0
        };
        let prior = reference * SMOOTHING_WORDS / 100.0;
        let smoothed = 100.0 * (total as f64 + prior) / (n + SMOOTHING_WORDS);
        let mut subscore = saturate(reference - smoothed, SHORTFALL_SCALE);
        if units >= MIN_WORDS_FOR_FINDING && rate < reference / 2.0 {
            let pushed = doc.sentences.first().is_some_and(|first| {
                findings.push(
                    first.span,
                    Severity::Info,
                    format!(
                        "{total} concrete {} in {units} {}: {rate:.1} per 100",
                        if total == 1 { "detail" } else { "details" },
                        if is_character_based(doc) {
                            "characters"
                        } else {
                            "words"
                        },
                    ),
                    Some(
                        "add what a reader could check: figures, prices, dates, names of \
                         customers, places or products"
                            .into(),
                    ),
                )
            });
            if !pushed {
                subscore = 0.0;
            }
        }
        Outcome::Measured(Measurement {
            value: rate,
            subscore,
            confidence: ramp(n, 60.0),
            details: counts(details, doc.links),
        })
    }
}

fn is_character_based(doc: &Document<'_>) -> bool {
    doc.language.is_some_and(|l| l.is_character_based())
}

/// The human median of the document's language (`data/bands.tsv`).
fn reference_rate(doc: &Document<'_>) -> f64 {
    crate::bands::of(doc.lang_code()).specifics_per_100
}

/// The count of every kind, the links and the total, for the report.
fn counts(details: &[Detail], links: usize) -> BTreeMap<&'static str, f64> {
    let mut by_kind = [0usize; Kind::ALL.len()];
    for detail in details {
        by_kind[detail.kind as usize] += 1;
    }
    let mut counts: BTreeMap<&'static str, f64> = Kind::ALL
        .iter()
        .map(|&kind| (kind.key(), by_kind[kind as usize] as f64))
        .collect();
    counts.insert("links", links as f64);
    counts.insert("total", (details.len() + links) as f64);
    counts
}

/// Every concrete detail in the prose, in text order (read through [`Context::details`]).
/// Links are not among them: they are blanked from the prose and counted in `Document::links`.
pub(super) fn find_details(cx: &Context<'_>) -> Vec<Detail> {
    let doc = cx.doc;
    let mut brands = cx.brand_terms.mentions(&doc.collapsed);
    brands.sort_unstable();
    let mut details: Vec<Detail> = brands
        .iter()
        .map(|&span| Detail {
            kind: Kind::Brand,
            span,
        })
        .collect();
    find_figures(doc, &brands, &mut details);
    if doc.lang_code() == "en" {
        find_spelled_numbers(doc, &brands, &mut details);
    }
    let claimed = claimed_words(doc, &details);
    find_names(doc, &claimed, &mut details);
    details.sort_by_key(|d| d.span.start);
    details
}

/// Compiles a built-in pattern with ASCII word boundaries (see [`ascii_boundaries`]).
pub(super) fn ascii_regex(pattern: &str) -> Regex {
    Regex::new(&ascii_boundaries(pattern)).expect("valid built-in pattern")
}

/// Numbers and what they measure. Alternatives are tried in order at each position: clichés
/// (matched so that they count as nothing), then currency, units, dates, versions, numbers.
/// Every match holds a digit (day and month names alone are `DAY_AND_MONTH_NAMES`).
const FIGURES: &str = concat!(
    r"(?P<cliche>\b24\s?/\s?7\b|\b24x7\b|\b365\b|\b360\b|\b10x\b|\b1[01]0\s?%|#\s?1\b)",
    r"|(?P<currency>[€$£¥₹₩]\s?\d+(?:[.,]\d+)*(?:\s?(?:k|m|bn|million|billion)\b)?",
    r"|\d+(?:[.,]\d+)*\s?[€$£¥₹₩元円]",
    r"|\b(?:EUR|USD|GBP|JPY|CHF|CNY|RMB|CAD|AUD|SEK|NOK|DKK|PLN|CZK|INR|BRL|MXN)\s?\d+(?:[.,]\d+)*",
    r"|\d+(?:[.,]\d+)*\s?(?:EUR|USD|GBP|JPY|CHF|CNY|RMB|CAD|AUD|SEK|NOK|DKK|PLN|CZK|INR|BRL|MXN",
    r"|[Ee]uros?|dollars?|cents?|pounds|yen|yuan)\b)",
    r"|(?P<unit>\d+(?:[.,]\d+)*\s?(?:%|％|°[CF]?|×",
    r"|(?:percent|per\s+cent|Prozent|pour\s+cent|por\s+ciento|per\s+cento|procent",
    r"|km/h|km|cm|mm|m2|m|kg|mg|g|lbs?|oz|ml|cl|l|L|TB|GB|MB|KB|kB|Gbps|Mbps|GHz|MHz|Hz",
    r"|kWh|kW|W|V|mAh|hrs?|hours?|h|mins?|minutes?|s|secs?|seconds?|ms|days?|weeks?",
    r"|months?|years?|yrs?|mph|ft|miles?|px|dpi|fps|x|Uhr|Std|Stunden|Minuten|Tagen?|Wochen",
    r"|Monaten?|Jahren?|jours|heures|semaines|mois|ans|horas|semanas|meses|d[ií]as|a[ñn]os",
    r"|ore|giorni|anni|minuti)\b))",
    r"|(?P<date>\b(?:19|20)\d{2}-[01]\d-[0-3]\d\b",
    r"|\b[0-3]?\d[./][01]?\d[./](?:19|20)\d{2}\b",
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March",
    r"|April|June|July|August|September|October|November|December",
    r"|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember)\.?",
    r"\s+(?:\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{2})?|(?:19|20)\d{2})\b",
    r"|\b\d{1,2}(?:st|nd|rd|th|\.)?\s+(?:January|February|March|April|May|June|July|August",
    r"|September|October|November|December|Januar|Februar|März|Mai|Juni|Juli|Oktober",
    r"|Dezember)(?:\s+(?:19|20)\d{2})?\b",
    r"|\b(?:19|20)\d{2}\b)",
    r"|(?P<version>\bv\d+(?:\.\d+)*\b|\b\d+\.\d+\.\d+\b",
    r"|\b(?:[Vv]ersion|[Rr]elease)\s+\d+(?:\.\d+)*\b)",
    r"|(?P<number>\d+(?:[.,]\d+)*)",
);

/// Day and month names on their own ("on Monday", "in April"): dates too. "March" and "May"
/// are left out, being ordinary words as often.
const DAY_AND_MONTH_NAMES: &str = concat!(
    r"\b(?:January|February|April|June|July|August|September|October|November|December",
    r"|Januar|Februar|Juni|Juli|Oktober|Dezember|Monday|Tuesday|Wednesday|Thursday|Friday",
    r"|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b",
);

static DAY_AND_MONTH_NAMES_REGEX: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(DAY_AND_MONTH_NAMES));

/// How far before its first digit a figure can start ("September 30", "Release 2").
const FIGURE_LOOKBACK: usize = 24;

/// The capture groups of `FIGURES` that are details, with their kind.
const FIGURE_KINDS: [(&str, Kind); 5] = [
    ("currency", Kind::Currency),
    ("unit", Kind::Unit),
    ("date", Kind::Date),
    ("version", Kind::Version),
    ("number", Kind::Number),
];

/// `FIGURES` with each top-level group a pattern of its own, which finds the same matches
/// and says which group made each, with the kind that group gives (`None` for the clichés,
/// which count as nothing); asking for the capture groups is much dearer.
struct FigurePatterns {
    patterns: Vec<String>,
    kinds: Vec<Option<Kind>>,
    /// Tried at each place a figure may start (see [`FigurePatterns::leftmost`]).
    forward: ForwardSearch,
    /// The patterns as one regex, compiled only if a search needs it.
    whole: OnceLock<MultiRegex>,
}

static FIGURE_PATTERNS: LazyLock<FigurePatterns> = LazyLock::new(|| {
    let groups = top_level_alternatives(FIGURES);
    let patterns: Vec<String> = groups.iter().map(|g| ascii_boundaries(g)).collect();
    let kinds = groups
        .iter()
        .map(|group| {
            let name = group
                .strip_prefix("(?P<")
                .and_then(|g| g.split_once('>'))
                .map_or("", |(n, _)| n);
            FIGURE_KINDS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|&(_, k)| k)
        })
        .collect();
    FigurePatterns {
        forward: ForwardSearch::new(&patterns),
        patterns,
        kinds,
        whole: OnceLock::new(),
    }
});

impl FigurePatterns {
    /// The leftmost figure that starts from `from` on, or, when `from` is `None`, at
    /// `digit`, as a search of the whole regex finds it. Every figure at or before `digit`
    /// starts at one of the places up to it where one may start, tried in turn: for an
    /// ASCII digit one of them always matches (`number`), so the whole regex, compiled only
    /// then, searches on only after a digit that `\d` leaves out ("²").
    fn leftmost(
        &self,
        forward: &mut Searcher<'_, '_>,
        text: &str,
        from: Option<usize>,
        digit: usize,
    ) -> Option<Figure> {
        let figure = |start: usize, end: usize, pattern: usize| Figure {
            span: Span::new(start, end),
            kind: self.kinds[pattern],
        };
        let bytes = text.as_bytes();
        let starts = (from.unwrap_or(digit)..digit)
            .filter(|&i| may_start_figure(bytes, i))
            .chain([digit]);
        let failed = match forward.first_match(starts) {
            Ok(Some((start, m))) => {
                return Some(figure(start, m.offset(), m.pattern().as_usize()));
            }
            Ok(None) => false,
            Err(_) => true,
        };
        let input = match from {
            Some(from) => Input::new(text).range(from..),
            None if failed => Input::new(text).range(digit..).anchored(Anchored::Yes),
            None => return None,
        };
        let m = self.whole().search(&input)?;
        Some(figure(m.start(), m.end(), m.pattern().as_usize()))
    }

    fn whole(&self) -> &MultiRegex {
        self.whole
            .get_or_init(|| MultiRegex::new_many(&self.patterns).expect("valid built-in pattern"))
    }
}

/// A match of `FIGURES` and the kind of its group.
#[derive(Debug, Clone, Copy)]
struct Figure {
    span: Span,
    kind: Option<Kind>,
}

/// Splits a pattern at its top-level `|`, outside groups, classes and escapes.
fn top_level_alternatives(pattern: &str) -> Vec<&str> {
    let (mut depth, mut in_class, mut escaped, mut start) = (0i32, false, false, 0);
    let mut out = Vec::new();
    for (i, c) in pattern.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth -= 1,
            '|' if !in_class && depth == 0 => {
                out.push(&pattern[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&pattern[start..]);
    out
}

/// Numbers, prices, measurements, dates and versions, except inside brand mentions.
fn find_figures(doc: &Document<'_>, brands: &[Span], out: &mut Vec<Detail>) {
    let text = doc.prose.as_str();
    let first = out.len();
    for figure in figures(text) {
        let (span, Some(kind)) = (figure.span, figure.kind) else {
            continue;
        };
        if glued_to_letters(text, span.start as usize) || overlaps(brands, span) {
            continue;
        }
        out.push(Detail { kind, span });
    }
    let figure_spans: Vec<Span> = out[first..].iter().map(|d| d.span).collect();
    for name in DAY_AND_MONTH_NAMES_REGEX.find_iter(text) {
        let span = Span::new(name.start(), name.end());
        if !overlaps(&figure_spans, span) && !overlaps(brands, span) {
            out.push(Detail {
                kind: Kind::Date,
                span,
            });
        }
    }
}

/// The matches of `FIGURES` in `text`, as a scan of the whole text would find them, but with
/// the regex run only from each digit, or a little before it: most of a text has none.
fn figures(text: &str) -> Vec<Figure> {
    let mut forward = FIGURE_PATTERNS.forward.searcher(text);
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(digit) = next_digit(text, at) {
        // After most words a figure starts at its digit, and only that start is tried.
        let from = may_start_before(text.as_bytes(), digit).then(|| {
            let mut from = digit.saturating_sub(FIGURE_LOOKBACK).max(at);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            from
        });
        let Some(figure) = FIGURE_PATTERNS.leftmost(&mut forward, text, from, digit) else {
            break;
        };
        at = (figure.span.end as usize).max(digit + 1);
        found.push(figure);
    }
    found
}

/// The offset of the next character from `at` on that may be a digit: an ASCII digit, or the
/// first byte of a character outside ASCII that is one ("３" in Chinese, "٣" in Arabic).
fn next_digit(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let starts_digit = |i: usize| {
        let b = bytes[i];
        b.is_ascii_digit()
            || (matches!(b, 0xD9 | 0xDB | 0xDF | 0xE0 | 0xE1 | 0xEA | 0xEF | 0xF0)
                && text[i..].chars().next().is_some_and(char::is_numeric))
    };
    // Blocks of 32 bytes are first tested without branches (a loop the compiler vectorises).
    let mut block = at;
    while block < bytes.len() {
        let end = (block + 32).min(bytes.len());
        let may_hold = bytes[block..end]
            .iter()
            .fold(false, |any, &b| any | b.is_ascii_digit() | (b >= 0xD9));
        if may_hold && let Some(i) = (block..end).find(|&i| starts_digit(i)) {
            return Some(i);
        }
        block = end;
    }
    None
}

/// Whether a figure holding the digit at `digit` may start before it. Every match holds a
/// digit, and what may come before its first one is a currency sign or code, a month
/// ("Jan."), "v", "version", "release" or "#", each maybe followed by spaces. After anything
/// else, such as a lower-case word and a space ("by 40%"), the figure starts at the digit,
/// which the number group matches if it is an ASCII one.
fn may_start_before(bytes: &[u8], digit: usize) -> bool {
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    if !bytes[digit].is_ascii_digit() {
        return true;
    }
    let end = bytes[..digit]
        .iter()
        .rposition(|b| !is_space(b))
        .map_or(0, |i| i + 1);
    let Some(&last) = bytes[..end].last() else {
        return false;
    };
    if !last.is_ascii_alphabetic() {
        return last >= 0x80 || matches!(last, b'.' | b'#' | b'$');
    }
    let start = bytes[..end]
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let word = &bytes[start..end];
    end == digit
        || word[0].is_ascii_uppercase()
        || word.eq_ignore_ascii_case(b"version")
        || word.eq_ignore_ascii_case(b"release")
}

/// Whether a figure may start at byte `i`, which is before the first digit of the figure:
/// every alternative of `FIGURES` starts with a digit, a currency sign, `#`, or a word
/// (a month, a currency code, "v", "version", "release") after an ASCII `\b`.
fn may_start_figure(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'#' | b'$' => true,
        b if b.is_ascii_alphabetic() => i == 0 || !is_word_byte(bytes, i - 1),
        // The first bytes of the other signs in UTF-8.
        0xC2 | 0xE2 => (CURRENCY_SIGNS.iter()).any(|s| bytes[i..].starts_with(s.as_bytes())),
        _ => false,
    }
}

/// The currency signs that can start a figure, outside ASCII.
const CURRENCY_SIGNS: [&str; 5] = ["€", "£", "¥", "₹", "₩"];

/// A number right after Latin letters is part of a code word ("B2B", "mp3"), not a figure.
fn glued_to_letters(text: &str, start: usize) -> bool {
    text[start..].starts_with(|c: char| c.is_ascii_digit())
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphabetic())
}

/// English numbers written out; "one" is left out, being mostly a pronoun.
const SPELLED_NUMBERS: [&str; 20] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "dozen",
];

/// The spelled numbers as integers of their bytes (as `words::load` reads a word), each in the
/// slot its hash picks. A word is one when its slot holds it: a test without a branch, where
/// testing its length and first letter took a branch that common words ("the", "to") made as
/// good as random, and a wrong guess costs the processor more than the lookup.
static SPELLED_NUMBER_SLOTS: [u64; 128] = spelled_number_slots();

const fn spelled_number_slots() -> [u64; 128] {
    let mut slots = [0; 128];
    let mut i = 0;
    while i < SPELLED_NUMBERS.len() {
        let bytes = SPELLED_NUMBERS[i].as_bytes();
        let mut value = 0u64;
        let mut j = 0;
        while j < bytes.len() {
            value |= (bytes[j] as u64) << (8 * j);
            j += 1;
        }
        assert!(
            slots[number_slot(value)] == 0,
            "two spelled numbers share a slot"
        );
        slots[number_slot(value)] = value;
        i += 1;
    }
    slots
}

const fn number_slot(value: u64) -> usize {
    (value.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 57) as usize
}

/// Whether the lowercase word `lower[range]` is a spelled number. Every number is shorter than
/// eight bytes, so a longer word, whose first eight bytes hold no zero, never matches.
fn is_spelled_number_at(lower: &[u8], range: Range<usize>) -> bool {
    let value = load(lower, range.start, range.len().min(8));
    (value != 0) & (SPELLED_NUMBER_SLOTS[number_slot(value)] == value)
}

#[cfg(test)]
fn is_spelled_number(word: &str) -> bool {
    is_spelled_number_at(word.as_bytes(), 0..word.len())
}

fn find_spelled_numbers(doc: &Document<'_>, brands: &[Span], out: &mut Vec<Detail>) {
    let lower = doc.lower.as_bytes();
    for &span in &doc.words {
        if is_spelled_number_at(lower, span.range()) && !overlaps(brands, span) {
            out.push(Detail {
                kind: Kind::Number,
                span,
            });
        }
    }
}

/// Whether `span` overlaps one of `sorted`, which are sorted and do not overlap each other.
pub(super) fn overlaps(sorted: &[Span], span: Span) -> bool {
    let i = sorted.partition_point(|s| s.end <= span.start);
    sorted.get(i).is_some_and(|s| s.start < span.end)
}

/// Per word: whether it is part of a detail already found.
fn claimed_words(doc: &Document<'_>, details: &[Detail]) -> Vec<bool> {
    let mut claimed = vec![false; doc.words.len()];
    for detail in details {
        let first = doc.words.partition_point(|w| w.end <= detail.span.start);
        for (k, word) in doc.words.iter().enumerate().skip(first) {
            if word.start >= detail.span.end {
                break;
            }
            claimed[k] = true;
        }
    }
    claimed
}

/// How names are told from other words in the document's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameRule {
    /// Capitalised words inside a sentence, mixed-case words and acronyms.
    Capitalised,
    /// Mixed-case words and acronyms only: German capitalises every noun.
    Marked,
    /// Words with Latin letters: Han and kana have no letter case.
    Latin,
}

fn name_rule(doc: &Document<'_>) -> NameRule {
    match doc.language {
        Some(l) if l.is_character_based() => NameRule::Latin,
        Some(l) if l.capitalises_nouns() => NameRule::Marked,
        _ => NameRule::Capitalised,
    }
}

/// Names not already part of another detail; a run of capitalised words is one name.
fn find_names(doc: &Document<'_>, claimed: &[bool], out: &mut Vec<Detail>) {
    let rule = name_rule(doc);
    let candidates = if rule == NameRule::Capitalised {
        capitalised_names(doc, claimed)
    } else {
        vec![false; doc.words.len()]
    };
    for sentence in &doc.sentences {
        let words = sentence.words.start as usize..sentence.words.end as usize;
        // Asked only of a sentence with an acronym in it, which few have.
        let mut shouting = None;
        let mut sentence_shouts =
            || *shouting.get_or_insert_with(|| is_shouting(doc, words.clone()));
        let mut k = words.start;
        while k < words.end {
            if candidates[k] {
                let mut end = k + 1;
                while end < words.end && candidates[end] && only_space_between(doc, end - 1, end) {
                    end += 1;
                }
                let span = Span::new(doc.words[k].start as usize, doc.words[end - 1].end as usize);
                out.push(Detail {
                    kind: Kind::Name,
                    span,
                });
                k = end;
                continue;
            }
            if !claimed[k] && is_marked_name(doc, k, rule, &mut sentence_shouts) {
                out.push(Detail {
                    kind: Kind::Name,
                    span: doc.words[k],
                });
            }
            k += 1;
        }
    }
}

/// Per word: a capitalised word that reads as a name. The first word of a sentence or clause
/// is capitalised anyway, so it counts only when the same word is capitalised elsewhere
/// inside a sentence; title-case headings count not at all.
fn capitalised_names(doc: &Document<'_>, claimed: &[bool]) -> Vec<bool> {
    #[derive(Clone, Copy, PartialEq)]
    enum Capital {
        None,
        Inside,
        Opening,
    }
    let mut capitals = vec![Capital::None; doc.words.len()];
    // By word id (equal ids, equal lowercase words): capitalised somewhere inside a sentence.
    let mut known = vec![false; doc.vocabulary];
    for sentence in &doc.sentences {
        let words = sentence.words.start as usize..sentence.words.end as usize;
        if is_title_case(doc, words.clone()) {
            continue;
        }
        for k in words.clone() {
            if !claimed[k] && is_capitalised(doc, k) {
                capitals[k] = if opens_clause_at(doc, k, words.start) {
                    Capital::Opening
                } else {
                    known[doc.word_ids[k] as usize] = true;
                    Capital::Inside
                };
            }
        }
    }
    capitals
        .iter()
        .zip(&doc.word_ids)
        .map(|(&capital, &id)| match capital {
            Capital::None => false,
            Capital::Inside => true,
            Capital::Opening => known[id as usize],
        })
        .collect()
}

/// The word as written (not lowercased).
fn word_text<'d>(doc: &'d Document<'_>, k: usize) -> &'d str {
    &doc.prose[doc.words[k].range()]
}

/// Upper case then lower case, like a name ("Berlin"); not "I'm" or "I'll".
fn is_capitalised(doc: &Document<'_>, k: usize) -> bool {
    doc.shapes[k].is_capitalised() && {
        let word = word_text(doc, k);
        !word.starts_with("I'") && !word.starts_with("I’")
    }
}

/// Acronyms and mixed-case words that name nothing in particular.
const GENERIC_TERMS: &[&str] = &[
    "AI",
    "AM",
    "APP",
    "APPS",
    "ASAP",
    "B2B",
    "B2C",
    "BEST",
    "BUY",
    "CEO",
    "CFO",
    "COO",
    "CTA",
    "CTO",
    "DIY",
    "EBOOK",
    "EBOOKS",
    "ECOMMERCE",
    "EMAIL",
    "FAQ",
    "FAQS",
    "FREE",
    "FYI",
    "IA",
    "KI",
    "KPI",
    "KPIS",
    "NEW",
    "NOW",
    "OK",
    "PM",
    "ROI",
    "SEO",
    "UI",
    "USP",
    "UX",
    "VIP",
    "WOW",
];

fn is_generic_term(word: &str) -> bool {
    if word.is_ascii() {
        GENERIC_TERMS.iter().any(|t| t.eq_ignore_ascii_case(word))
    } else {
        GENERIC_TERMS.contains(&word.to_uppercase().as_str())
    }
}

/// A name by its form alone, wherever it stands in the sentence.
fn is_marked_name(
    doc: &Document<'_>,
    k: usize,
    rule: NameRule,
    shouting: impl FnOnce() -> bool,
) -> bool {
    let shape = doc.shapes[k];
    let marked = match rule {
        NameRule::Latin => shape.has_ascii_letter(),
        NameRule::Capitalised | NameRule::Marked => {
            shape.is_mixed_case() || (shape.is_acronym() && !shouting())
        }
    };
    marked && !is_generic_term(word_text(doc, k))
}

/// The first word of a sentence, or of a clause after a colon or an opening quote.
fn opens_clause_at(doc: &Document<'_>, k: usize, sentence_start: usize) -> bool {
    if k == sentence_start {
        return true;
    }
    let gap = &doc.prose[doc.words[k - 1].end as usize..doc.words[k].start as usize];
    gap.contains([':', '"', '“', '„', '«'])
}

fn only_space_between(doc: &Document<'_>, before: usize, after: usize) -> bool {
    doc.prose[doc.words[before].end as usize..doc.words[after].start as usize]
        .chars()
        .all(char::is_whitespace)
}

/// Small words that title case leaves in lower case.
const TITLE_CASE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "da", "das", "de", "del", "des", "di", "do", "dos",
    "du", "e", "el", "en", "et", "for", "from", "in", "into", "la", "las", "le", "les", "los",
    "of", "on", "or", "the", "to", "vs", "with", "y",
];

/// The small words as integers ([`load`]), sorted: compared without `memcmp`.
static TITLE_CASE_SMALL_PACKED: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut packed: Vec<u64> = TITLE_CASE_SMALL_WORDS
        .iter()
        .map(|w| load(w.as_bytes(), 0, w.len()))
        .collect();
    packed.sort_unstable();
    packed
});

/// Whether word `k` (lowercase) is one of the small words of a title-case heading.
fn is_title_case_small_word(doc: &Document<'_>, k: usize) -> bool {
    let span = doc.words[k];
    span.len() <= 4
        && TITLE_CASE_SMALL_PACKED
            .binary_search(&load(doc.lower.as_bytes(), span.start as usize, span.len()))
            .is_ok()
}

/// A heading in title case ("Why Choose Our Platform"): its capitals are not names.
fn is_title_case(doc: &Document<'_>, words: Range<usize>) -> bool {
    let mut capitalised = 0;
    for k in words {
        let shape = doc.shapes[k];
        if shape.starts_upper() {
            capitalised += 1;
        } else if shape.has_lower() && !is_title_case_small_word(doc, k) {
            return false;
        }
    }
    capitalised >= 2
}

/// A sentence mostly in capitals ("GET STARTED TODAY"): its words are not acronyms.
fn is_shouting(doc: &Document<'_>, words: Range<usize>) -> bool {
    let (mut upper, mut alphabetic) = (0, 0);
    for k in words {
        let shape = doc.shapes[k];
        if shape.has_letter() {
            alphabetic += 1;
            upper += usize::from(shape.is_all_caps());
        }
    }
    upper >= 3 && 3 * upper >= 2 * alphabetic
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::markup::Format;
    use crate::report::Severity;
    use crate::scorer::Scorer;
    use crate::signals::testing::{self, measure, subscore};
    use crate::signals::{Measurement, Outcome, RawFinding};

    const GENERIC: &str = "In today's fast-paced world, our innovative platform helps teams work \
        smarter and achieve more. With powerful tools and seamless integrations, you can focus on \
        what matters most. We believe in quality, innovation and customer success, and we are \
        committed to helping you grow. Our dedicated experts are always here to support you on \
        your journey. Join thousands of happy customers and take your business to the next level \
        today.";
    const CONCRETE: &str = "Tasklane costs $6 per user per month. Since March 2021, 1,200 teams \
        in Berlin, Lyon and Austin have planned 48,000 sprints with it. Version 3.1.4 adds GitHub \
        sync and cuts load times to 0.8 s. Questions? Write to help@tasklane.io.";

    fn measured(outcome: &Outcome) -> &Measurement {
        match outcome {
            Outcome::Measured(m) => m,
            Outcome::Skipped(why) => panic!("skipped: {why}"),
        }
    }

    fn measure_in(lang: &str, text: &str) -> (Outcome, Vec<RawFinding>) {
        testing::measure_in("WS302", lang, text)
    }

    #[test]
    fn generic_copy_scores_high_with_one_finding() {
        let (outcome, findings) = measure("WS302", GENERIC, Config::default());
        let m = measured(&outcome);
        assert!(m.subscore > 0.7, "{m:?}");
        assert_eq!(m.details["total"], 0.0, "{m:?}");
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].severity, Severity::Info);
        assert!(
            findings[0].message.starts_with("0 concrete details in "),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn figures_found_around_digits_match_a_scan_of_the_whole_text() {
        let whole = super::ascii_regex(&format!(
            "{}|{}",
            super::FIGURES,
            super::DAY_AND_MONTH_NAMES
        ));
        let mut texts: Vec<String> = [
            "Jan 5, 2024 and March 2023, then April. Release 2.0.1 ships on Monday at 5pm.",
            "€ 5, EUR 10, 12 dollars, 3% off, 24/7 support, 365 days, #1 choice, 10x faster.",
            "Am 12. Dezember 2024 um 9 Uhr; 3 Tagen. Version 3 and v2.1 and 1.2.3.",
            "价格３元，住了２晚。٣ أيام. B2B, mp3 and 4K. September 30th, 2025 in 2019-05-01.",
            "No digits at all here, only words and Sunday.",
            "$\u{B}5, USD\u{A0}7, Jan.  5, Version\n\n2, # 1, v2, 12,5 %, (3) and 4²; ²5 1\u{663}; ፩ then 7.",
            "Up by 5, release 3, the v2, PLN 5, up.  5, eur 4, ab12 and version 2.1 of 3 x 4.",
            "9",
        ]
        .map(String::from)
        .to_vec();
        texts.extend(testing::fixture_texts());
        for text in &texts {
            let expected: Vec<(usize, usize)> = whole
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            let mut found: Vec<(usize, usize)> = super::figures(text)
                .iter()
                .map(|f| (f.span.start as usize, f.span.end as usize))
                .collect();
            let names = super::DAY_AND_MONTH_NAMES_REGEX.find_iter(text);
            let names: Vec<(usize, usize)> = names
                .map(|m| (m.start(), m.end()))
                .filter(|&(s, e)| !found.iter().any(|&(fs, fe)| fs < e && s < fe))
                .collect();
            found.extend(names);
            found.sort_unstable();
            assert_eq!(found, expected, "{text}");
        }
    }

    #[test]
    fn a_figure_takes_the_kind_of_the_group_that_matched_it() {
        let whole = super::ascii_regex(super::FIGURES);
        let mut texts: Vec<String> = testing::fixture_texts();
        texts.push("24/7 and 10x, €5k, 30 USD, 12 Stunden, 2024-05-01, v2.1, 1.5, ３元".into());
        let mut seen = std::collections::BTreeSet::new();
        for text in &texts {
            for figure in super::figures(text) {
                let start = figure.span.start as usize;
                let groups = whole.captures_at(text, start).expect("a figure matches");
                assert_eq!(groups.get(0).map(|m| m.range()), Some(figure.span.range()));
                let name = whole
                    .capture_names()
                    .flatten()
                    .find(|name| groups.name(name).is_some())
                    .expect("a group matched");
                let kind = super::FIGURE_KINDS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|&(_, k)| k);
                assert_eq!(figure.kind, kind, "{:?}", &text[figure.span.range()]);
                seen.insert(name);
            }
        }
        assert_eq!(seen.len(), 6, "every group seen: {seen:?}");
    }

    #[test]
    fn kinds_are_listed_in_the_order_of_their_discriminants() {
        for (i, kind) in super::Kind::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, i);
        }
    }

    #[test]
    fn title_case_small_words_are_sorted_and_short() {
        let words = super::TITLE_CASE_SMALL_WORDS;
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        assert!(words.iter().all(|w| w.len() <= 4));
        let text = format!("{} platform fort", words.join(" "));
        let doc = crate::document::Document::new(&text, crate::markup::Format::Text, None);
        let small: Vec<bool> = (0..doc.words.len())
            .map(|k| super::is_title_case_small_word(&doc, k))
            .collect();
        assert_eq!(small.len(), words.len() + 2);
        assert!(small[..words.len()].iter().all(|&s| s), "{small:?}");
        assert!(!small[words.len()] && !small[words.len() + 1]);
    }

    proptest::proptest! {
        #[test]
        fn spelled_numbers_are_the_listed_words(
            word in "(two|seven|seventy|twenty|dozen|eight|one|[efnstvwy]{1,9})[a-z]{0,2}",
            before in "[a-z ]{0,3}",
        ) {
            let text = format!("{before}{word}");
            proptest::prop_assert_eq!(
                super::is_spelled_number_at(text.as_bytes(), before.len()..text.len()),
                super::SPELLED_NUMBERS.contains(&word.as_str())
            );
        }
    }

    #[test]
    fn spelled_numbers_and_generic_terms_of_any_length_are_known() {
        for word in [
            "two", "seventy", "dozen", "twelve", "eight", "nine", "five", "six",
        ] {
            assert!(super::is_spelled_number(word), "{word}");
        }
        for word in ["one", "tw", "seventyx", ""] {
            assert!(!super::is_spelled_number(word), "{word}");
        }
        for word in ["ai", "Ecommerce", "KPIs", "B2B"] {
            assert!(super::is_generic_term(word), "{word}");
        }
        assert!(!super::is_generic_term("Tasklane"));
    }

    #[test]
    fn the_figure_pattern_splits_into_its_groups() {
        let groups = super::top_level_alternatives(super::FIGURES);
        assert_eq!(groups.len(), 6);
        assert!(
            groups
                .iter()
                .all(|g| g.starts_with("(?P<") && g.ends_with(')')),
            "{groups:?}"
        );
        assert_eq!(
            super::top_level_alternatives(r"a|(b|c)|[|]|\|"),
            ["a", "(b|c)", "[|]", r"\|"]
        );
    }

    #[test]
    fn figures_dates_names_and_links_are_counted() {
        let (outcome, findings) = measure("WS302", CONCRETE, Config::default());
        let m = measured(&outcome);
        assert!(m.subscore < 0.05, "{m:?}");
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(m.details["currency"], 1.0, "{m:?}");
        assert_eq!(m.details["dates"], 1.0, "{m:?}");
        assert_eq!(m.details["numbers"], 2.0, "{m:?}");
        assert_eq!(m.details["units"], 1.0, "{m:?}");
        assert_eq!(m.details["versions"], 1.0, "{m:?}");
        let names = m.details["names"];
        assert!(
            (4.0..=5.0).contains(&names),
            "Berlin, Lyon, Austin, GitHub: {m:?}"
        );
        assert_eq!(m.details["links"], 1.0, "{m:?}");
        assert!(m.details["total"] >= 11.0, "{m:?}");
    }

    #[test]
    fn sentence_starts_title_case_and_code_words_are_not_details() {
        let text = "# Why Choose Our Platform\n\nGreat teams deserve great tools. Everything you \
                    need is in one place: Simple, fast and secure. B2B and AI, 24/7.";
        let (outcome, _) = measure("WS302", text, Config::default());
        let m = measured(&outcome);
        assert_eq!(m.details["total"], 0.0, "{m:?}");
    }

    #[test]
    fn brand_terms_count_once_and_not_as_names() {
        let config = Config {
            brand_terms: vec!["Tasklane".into()],
            ..Config::default()
        };
        let text = "Tasklane plans sprints. Teams love Tasklane.";
        let (outcome, _) = measure("WS302", text, config);
        let m = measured(&outcome);
        assert_eq!(m.details["brand-mentions"], 2.0, "{m:?}");
        assert_eq!(m.details["names"], 0.0, "{m:?}");
    }

    #[test]
    fn german_nouns_are_not_names() {
        let generic = "Unsere Bäckerei backt jeden Morgen frisches Brot aus regionalem Mehl. Wir \
                       legen großen Wert auf Qualität und Handwerk. Unsere Kunden schätzen die \
                       Liebe zum Detail und den freundlichen Service.";
        let (outcome, _) = measure_in("de", generic);
        let m = measured(&outcome);
        assert_eq!(m.details["names"], 0.0, "{m:?}");
        assert!(m.subscore > 0.5, "{m:?}");
        let (as_english, _) = measure("WS302", generic, Config::default());
        assert!(measured(&as_english).details["names"] > 5.0);

        let concrete = "Die Bäckerei Schmidt in der Hauptstraße 12 öffnet täglich um 7 Uhr. Ein \
                        Roggenbrot kostet 3,50 €, im Mai 2024 gab es 20 % Rabatt.";
        let (outcome, _) = measure_in("de", concrete);
        let m = measured(&outcome);
        assert_eq!(m.details["currency"], 1.0, "{m:?}");
        assert_eq!(m.details["units"], 2.0, "{m:?}");
        assert_eq!(m.subscore, 0.0, "{m:?}");
    }

    #[test]
    fn chinese_counts_digits_and_latin_words() {
        let text = "我们的团队在2023年为1,200家客户提供服务，支持iPhone和GitHub。";
        let (outcome, _) = measure_in("zh", text);
        let m = measured(&outcome);
        assert_eq!(m.details["dates"], 1.0, "{m:?}");
        assert_eq!(m.details["numbers"], 1.0, "{m:?}");
        assert_eq!(m.details["names"], 2.0, "{m:?}");
    }

    #[test]
    fn empty_and_undetermined_texts_are_measured_without_nan() {
        let scorer = Scorer::new(Config::default()).unwrap();
        for text in ["", "   \n", "!!!", "ok", "```\ncode 123\n```"] {
            let (outcome, findings) = scorer.measure_one("WS302", text, Format::Markdown);
            let m = measured(&outcome);
            assert!(m.value.is_finite() && m.subscore.is_finite() && m.confidence.is_finite());
            assert!(m.subscore < 0.1, "{text:?}: {m:?}");
            assert!(findings.is_empty());
        }
        let (outcome, _) = measure("WS302", "Great tools.", Config::default());
        assert!(subscore(&outcome) < 0.5);
    }
}
