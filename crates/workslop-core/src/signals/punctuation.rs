//! WS410 plain-punctuation: full stops and commas only, with no question, aside, slash or ellipsis.

use super::{Context, Measurement, Outcome, Signal, SignalInfo, ramp};
use crate::span::Span;
use crate::words::one_space_or_none;

pub struct PlainPunctuation;

static INFO: SignalInfo = SignalInfo {
    code: "WS410",
    name: "plain-punctuation",
    summary: "Full stops and commas only: no question, aside, slash or ellipsis",
    default_weight: 1.0,
    explanation: "\
## What it finds
The share of the punctuation that people use for asides and shortcuts: `?`, parentheses,
`/`, `&`, `…` and the tone-setting `~` of Chinese, Japanese and Korean online writing (and
their full-width forms). Hyphens and apostrophes inside words are not counted as punctuation
at all. Asterisks count as marks but not as asides: in plain text they are mostly Markdown
left over from a chat window (`* item`, `**bold**`). A text whose marks are all full stops
and commas scores high; the fewer marks there are, the closer the score stays to the middle,
since a short text has little room for either. It reports no findings: there is nothing to fix.

## Why it matters
Generated text punctuates like a style guide: sentence after sentence closed by a full stop,
clauses joined by commas. People writing for themselves ask questions, put a remark in
parentheses, write \"and/or\", \"R&D\" or \"24/7\" and trail off with an ellipsis. Measured on the
development set, these marks are rarer in the generated texts of every source, every language
and every one of the eleven recent models, which makes their absence a steady, if weak, tell.

## Example
> Our platform brings your team together. It streamlines planning, tracking and reporting,
> and it scales with your business.

## Instead
Nothing to change for this signal alone: it only adds weight to the other tells. Copy that
is specific and written in its own voice passes on the other signals.
",
};

/// The informal share at which the sub-score has fallen to 1/e.
const SHARE_SCALE: f64 = 0.05;
/// A text is assumed to start with this many marks at the human share, so that a short text
/// without asides is not judged on three full stops.
const PRIOR_MARKS: f64 = 6.0;
const PRIOR_SHARE: f64 = 0.06;

impl Signal for PlainPunctuation {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, _findings: &mut super::Findings<'_>) -> Outcome {
        let Marks { marks, informal } = count_marks(&cx.doc.prose, &cx.doc.words);
        if marks == 0 {
            return Outcome::Skipped("no punctuation");
        }
        let (marks, informal) = (marks as f64, informal as f64);
        let share = (informal + PRIOR_SHARE * PRIOR_MARKS) / (marks + PRIOR_MARKS);
        Outcome::Measured(Measurement {
            value: informal / marks,
            subscore: (-share / SHARE_SCALE).exp(),
            confidence: ramp(marks, PRIOR_MARKS),
            details: [("marks", marks), ("informal", informal)].into(),
        })
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Marks {
    /// Punctuation marks, less hyphens and apostrophes inside words.
    marks: usize,
    /// Of those, the marks of asides and shortcuts.
    informal: usize,
}

/// Counts the marks in the gaps between words: marks are never inside a word, and the gaps
/// are a fifth of the text. A lone hyphen or apostrophe joining two words is not a mark.
fn count_marks(text: &str, words: &[Span]) -> Marks {
    let mut counted = Marks::default();
    let mut from = 0;
    let bytes = text.as_bytes();
    for (k, word) in words.iter().enumerate() {
        let start = word.start as usize;
        if one_space_or_none(bytes, from, start) {
            from = word.end as usize;
            continue;
        }
        let gap = &text[from..start];
        let joins_words = k > 0 && matches!(gap, "-" | "'" | "’");
        if !joins_words {
            count_gap(gap, &mut counted);
        }
        from = word.end as usize;
    }
    count_gap(&text[from..], &mut counted);
    counted
}

/// Every punctuation mark counts, and so does every informal mark (the tilde is a symbol, not
/// punctuation, to Unicode).
fn count_gap(gap: &str, counted: &mut Marks) {
    if gap.is_ascii() {
        for &b in gap.as_bytes() {
            let kind = ASCII_MARKS[usize::from(b)];
            counted.marks += usize::from(kind != NOT_A_MARK);
            counted.informal += usize::from(kind == INFORMAL_MARK);
        }
        return;
    }
    for c in gap.chars() {
        let informal = is_informal(c);
        if informal || is_punctuation(c) {
            counted.marks += 1;
            counted.informal += usize::from(informal);
        }
    }
}

const NOT_A_MARK: u8 = 0;
const MARK: u8 = 1;
const INFORMAL_MARK: u8 = 2;

/// What each ASCII character is, looked up rather than tested mark by mark.
const ASCII_MARKS: [u8; 128] = {
    let mut kinds = [NOT_A_MARK; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        kinds[b] = if is_informal(c) {
            INFORMAL_MARK
        } else if is_punctuation(c) {
            MARK
        } else {
            NOT_A_MARK
        };
        b += 1;
    }
    kinds
};

const fn is_informal(c: char) -> bool {
    matches!(
        c,
        '?' | '(' | ')' | '/' | '&' | '…' | '？' | '（' | '）' | '~' | '～'
    )
}

/// Punctuation in the sense of Unicode's general category P: ASCII punctuation except the
/// symbols `$ + < = > ^ ` | ~`, and the punctuation blocks used in prose.
const fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation()
            && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~');
    }
    matches!(c,
        '¡' | '§' | '«' | '¶' | '·' | '»' | '¿'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF03}'
        | '\u{FF05}'..='\u{FF0A}'
        | '\u{FF0C}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF1B}'
        | '\u{FF1F}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF3D}'
        | '\u{FF3F}'
        | '\u{FF5B}'
        | '\u{FF5D}'
        | '\u{FF5F}'..='\u{FF65}')
}

#[cfg(test)]
mod tests {
    use super::Marks;
    use crate::config::Config;
    use crate::signals::Outcome;
    use crate::signals::testing::{measure, measure_in, subscore};
    use crate::words::split_words;

    fn count_marks(text: &str) -> Marks {
        let mut words = Vec::new();
        split_words(text, &mut words);
        super::count_marks(text, &words)
    }

    #[test]
    fn hyphens_and_apostrophes_inside_words_are_not_marks() {
        assert_eq!(
            count_marks("A well-known team's plan - (mostly) done/dusted?"),
            Marks {
                marks: 5,
                informal: 4
            }
        );
        assert_eq!(
            count_marks("你好（朋友）？是的。"),
            Marks {
                marks: 4,
                informal: 3
            }
        );
        assert_eq!(
            count_marks("* one\n* **two**"),
            Marks {
                marks: 6,
                informal: 0
            }
        );
        assert_eq!(
            count_marks("好的~ 谢谢～"),
            Marks {
                marks: 2,
                informal: 2
            }
        );
    }

    #[test]
    fn only_full_stops_and_commas_score_high_and_asides_low() {
        let plain = "Our platform brings your team together. It streamlines planning, tracking \
            and reporting, and it scales with your business. Every feature is built for growth. \
            Teams of every size rely on it, every day, in every market.";
        let human = "We tried it for a month (the free tier) and it's fine? Exports to CSV/Excel \
            work, R&D liked the boards. Support took two days… not great, not awful.";
        let (plain, human) = (
            subscore(&measure("WS410", plain, Config::default()).0),
            subscore(&measure("WS410", human, Config::default()).0),
        );
        assert!(plain > 0.5 && human < 0.05, "plain {plain}, human {human}");
    }

    #[test]
    fn few_marks_stay_near_the_middle_and_none_is_skipped() {
        let short =
            subscore(&measure("WS410", "Great hotel. Friendly staff.", Config::default()).0);
        let long = subscore(
            &measure(
                "WS410",
                &"Great hotel, friendly staff, clean rooms. ".repeat(10),
                Config::default(),
            )
            .0,
        );
        assert!(short < long && short > 0.1, "short {short}, long {long}");
        let (outcome, _) = measure_in("WS410", "zh", "没有标点的文字");
        assert!(matches!(outcome, Outcome::Skipped(_)));
    }

    #[test]
    fn ascii_gaps_count_as_read_char_by_char() {
        let ascii: String = (0u8..128).map(char::from).collect();
        let (mut by_table, mut by_char) = (Marks::default(), Marks::default());
        super::count_gap(&ascii, &mut by_table);
        // A letter outside ASCII, which is not a mark, sends the gap down the char path.
        super::count_gap(&format!("{ascii}é"), &mut by_char);
        assert_eq!(by_table, by_char);
        assert_eq!((by_table.marks, by_table.informal), (24, 6));
    }
}
