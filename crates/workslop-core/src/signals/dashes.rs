//! WS403 dash-density: em-dashes and spaced dashes per 1,000 characters.

use super::{Context, Findings, Measurement, Outcome, Signal, SignalInfo, ramp, saturate};
use crate::report::Severity;
use crate::span::Span;

pub struct DashDensity;

static INFO: SignalInfo = SignalInfo {
    code: "WS403",
    name: "dash-density",
    summary: "Em-dashes and spaced dashes at a rate careful copy rarely reaches",
    default_weight: 1.5,
    explanation: "\
## What it finds
Em-dashes (—), dashes written with spaces around them (` – `, ` - `) and double hyphens (`--`)
in the prose, per 1,000 characters. One spaced dash is never a finding; from the second on,
each one is, and the rate feeds the score. An em-dash closed up between two words
(\"fast—and\") counts from the first: that is the form current models write.

## Why it matters
Current language models reach for the em-dash to bolt clauses together, far more often than
edited human copy does. A page studded with them reads as generated and usually hides a list
of loosely related claims.

## Example
> Our platform — built for teams — helps you plan — and ship — faster.

## Instead
Use a full stop, a comma or parentheses, and keep at most one dash for real emphasis.
",
};

/// Dashes per 1,000 characters that careful copy reaches without being generated.
const BASELINE_PER_1K: f64 = 0.6;
/// Characters added to the length so that one dash in a tagline does not max out.
const SMOOTHING_CHARS: f64 = 400.0;

impl Signal for DashDensity {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        let doc = cx.doc;
        let dashes = find_dashes(&doc.prose);
        let closed = dashes.iter().filter(|d| d.closed).count();
        // One spaced dash is free: careful writers use one. A closed em-dash is not.
        let free = usize::from(closed < dashes.len());
        let flag_all = dashes.len() > free;
        let mut kept = 0usize;
        for dash in &dashes {
            let pushed = flag_all
                && findings.push(
                    dash.span,
                    Severity::Info,
                    "Dash joining clauses".into(),
                    Some("use a full stop, a comma or parentheses".into()),
                );
            if pushed || !flag_all {
                kept += 1;
            }
        }
        let chars = visible_chars(&doc.prose) as f64;
        let rate = if chars > 0.0 {
            1000.0 * kept as f64 / chars
        } else {
            0.0
        };
        let smoothed = 1000.0 * kept.saturating_sub(free) as f64 / (chars + SMOOTHING_CHARS);
        Outcome::Measured(Measurement {
            value: rate,
            subscore: saturate(smoothed - BASELINE_PER_1K, 2.5),
            confidence: ramp(chars, 300.0),
            details: [("dashes", kept as f64), ("closed", closed as f64)].into(),
        })
    }
}

struct Dash {
    span: Span,
    /// An em-dash with a letter or digit right against it on both sides ("fast—and"): the
    /// form current models write, where most people who use dashes space them.
    closed: bool,
}

/// Em-dashes anywhere; en-dashes, hyphens and `--` only with white space on both sides.
fn find_dashes(prose: &str) -> Vec<Dash> {
    const EM: &[u8] = "—".as_bytes();
    const EN: &[u8] = "–".as_bytes();
    let bytes = prose.as_bytes();
    let spaced = |i: usize, len: usize| {
        i > 0 && bytes[i - 1] == b' ' && bytes.get(i + len) == Some(&b' ') && !line_start(bytes, i)
    };
    let closed = |i: usize, len: usize| {
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        alnum(prose[..i].chars().next_back()) && alnum(prose[i + len..].chars().next())
    };
    let mut out = Vec::new();
    let mut push = |start: usize, len: usize, closed: bool| {
        out.push(Dash {
            span: Span::new(start, start + len),
            closed,
        });
    };
    let mut from = 0;
    while let Some(found) = memchr::memchr2(0xE2, b'-', &bytes[from..]) {
        let i = from + found;
        from = i + 1;
        if bytes[i] == 0xE2 {
            if bytes[i..].starts_with(EM) {
                push(i, EM.len(), closed(i, EM.len()));
            } else if bytes[i..].starts_with(EN) && spaced(i, EN.len()) {
                push(i, EN.len(), false);
            }
        } else if bytes.get(i + 1) == Some(&b'-') {
            if bytes.get(i + 2) != Some(&b'-') && (i == 0 || bytes[i - 1] != b'-') {
                push(i, 2, false);
            }
        } else if spaced(i, 1) {
            push(i, 1, false);
        }
    }
    out
}

/// Characters other than white space.
fn visible_chars(text: &str) -> usize {
    let bytes = text.as_bytes();
    // Every char but ASCII white space, counted by its first byte, without a branch so the
    // loop vectorises (a continuation byte, 0x80 to 0xBF, is below -64 as a signed byte)...
    let invisible = |b: u8| b == b' ' || b.wrapping_sub(b'\t') < 5 || (b as i8) < -64;
    let mut count = 0;
    for chunk in bytes.chunks(255) {
        let visible: u8 = chunk.iter().map(|&b| u8::from(!invisible(b))).sum();
        count += usize::from(visible);
    }
    // ...less the white space outside ASCII (no-break and ideographic spaces, line separators).
    let leads =
        memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes).chain(memchr::memchr_iter(0xE1, bytes));
    for i in leads {
        count -= usize::from(text[i..].starts_with(char::is_whitespace));
    }
    count
}

fn line_start(bytes: &[u8], at: usize) -> bool {
    bytes[..at]
        .iter()
        .rev()
        .take_while(|&&b| b != b'\n')
        .all(|b| b.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::signals::testing::{flagged, measure, subscore};

    #[test]
    fn visible_chars_agree_with_char_is_whitespace() {
        for text in [
            "a b\tc\n\x0b\x0cd\r",
            "é — x\u{a0}y\u{2003}z\u{85}\u{1680}\u{2028}\u{205f}\u{3000}中",
            "",
        ] {
            let expected = text.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(super::visible_chars(text), expected, "{text:?}");
        }
    }

    #[test]
    fn many_dashes_are_flagged_one_is_not() {
        let text = "Our platform — built for teams — helps you plan — and ship — faster. It works -- really.";
        let (outcome, findings) = measure("WS403", text, Config::default());
        assert_eq!(flagged(text, &findings), ["—", "—", "—", "—", "--"]);
        assert!(subscore(&outcome) > 0.8, "{outcome:?}");
        let one = "We bake rye on Tuesdays — the only day the big oven is free. Orders close at noon on Monday, \
                   and loaves cost four euros each. Pick-up is at the side door on Mill Lane.";
        let (outcome, findings) = measure("WS403", one, Config::default());
        assert!(findings.is_empty());
        assert!(subscore(&outcome) < 0.1, "{outcome:?}");
    }

    #[test]
    fn one_closed_em_dash_counts_where_one_spaced_dash_is_free() {
        let closed = "The rain was persistent—a clinging dampness that seemed to leach the colour from the street.";
        let (outcome, findings) = measure("WS403", closed, Config::default());
        assert_eq!(flagged(closed, &findings), ["—"]);
        assert!(subscore(&outcome) > 0.2, "{outcome:?}");
        let spaced = closed.replace('—', " — ");
        let (outcome, findings) = measure("WS403", &spaced, Config::default());
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(subscore(&outcome), 0.0);
        let mixed = format!("{spaced} It was late—too late.");
        let (_, findings) = measure("WS403", &mixed, Config::default());
        assert_eq!(flagged(&mixed, &findings), ["—", "—"]);
    }

    #[test]
    fn hyphens_in_words_list_markers_and_ranges_are_not_dashes() {
        let text = "- state-of-the-art item\n- second item\nOpen 9-5, pages 10–12, well-known.";
        let (_, findings) = measure("WS403", text, Config::default());
        assert!(findings.is_empty(), "{findings:?}");
    }
}
