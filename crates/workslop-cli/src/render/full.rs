//! `full`: each finding with its source line underlined; `concise`: one line per finding.

use std::io::{self, Write};

use rayon::prelude::*;

use unicode_width::UnicodeWidthStr;
use workslop_core::{Finding, Severity, Verdict};

use super::{Checked, Outcome, Render, score_line};

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const GREEN: &str = "\x1b[1;32m";
const BLUE: &str = "\x1b[1;34m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

#[derive(Debug)]
pub struct Full {
    pub color: bool,
    pub concise: bool,
}

/// Text in a terminal style when colour is on, as it is otherwise.
struct Painted<'a> {
    style: Option<&'a str>,
    text: &'a str,
}

impl std::fmt::Display for Painted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.style {
            Some(style) => write!(f, "{style}{}{RESET}", self.text),
            None => f.write_str(self.text),
        }
    }
}

impl Full {
    fn paint<'a>(&self, style: &'a str, text: &'a str) -> Painted<'a> {
        Painted {
            style: self.color.then_some(style),
            text,
        }
    }

    /// Appends `text`, in `style` when colour is on.
    fn push_painted(&self, buf: &mut Vec<u8>, style: &str, text: &str) {
        if self.color {
            buf.extend_from_slice(style.as_bytes());
        }
        buf.extend_from_slice(text.as_bytes());
        if self.color {
            buf.extend_from_slice(RESET.as_bytes());
        }
    }

    /// `path:line:column: code message`, the line that opens a finding in both formats. It is
    /// put together by hand: through `write!` it took most of the time spent printing.
    fn push_finding_line(&self, buf: &mut Vec<u8>, path: &str, f: &Finding) {
        let mut number = itoa::Buffer::new();
        self.push_painted(buf, BOLD, path);
        buf.push(b':');
        buf.extend_from_slice(number.format(f.line).as_bytes());
        buf.push(b':');
        buf.extend_from_slice(number.format(f.column).as_bytes());
        buf.extend_from_slice(b": ");
        self.push_painted(buf, severity_style(f.severity), &f.code);
        buf.push(b' ');
        buf.extend_from_slice(f.message.as_bytes());
        buf.push(b'\n');
    }

    fn finding(&self, buf: &mut Vec<u8>, path: &str, lines: &[&str], f: &Finding) {
        self.push_finding_line(buf, path, f);
        if self.concise {
            return;
        }
        let style = severity_style(f.severity);
        let line_text = lines
            .get(f.line as usize - 1)
            .map_or("", |l| l.trim_end_matches('\r'));
        let start = char_offset(line_text, f.column as usize - 1);
        let end = if f.end_line == f.line {
            let flagged = (f.end_column.saturating_sub(f.column)) as usize;
            start + char_offset(&line_text[start..], flagged)
        } else {
            line_text.len()
        };
        let mut line_number = itoa::Buffer::new();
        let line_number = line_number.format(f.line);
        // The margin under the line number, then a mark: `  |` or `  =`.
        let margin = |buf: &mut Vec<u8>, mark: &str| {
            buf.extend(std::iter::repeat_n(b' ', line_number.len() + 1));
            self.push_painted(buf, BLUE, mark);
        };
        margin(buf, "|");
        buf.push(b'\n');
        self.push_painted(buf, BLUE, line_number);
        buf.push(b' ');
        self.push_painted(buf, BLUE, "|");
        buf.push(b' ');
        buf.extend(line_text.bytes().map(|b| if b == b'\t' { b' ' } else { b }));
        buf.push(b'\n');
        margin(buf, "|");
        buf.extend(std::iter::repeat_n(b' ', line_text[..start].width() + 1));
        let carets = "^".repeat(line_text[start..end].width().max(1));
        self.push_painted(buf, style, &carets);
        buf.push(b'\n');
        if let Some(s) = &f.suggestion {
            margin(buf, "=");
            buf.extend_from_slice(b" help: ");
            buf.extend_from_slice(s.as_bytes());
            buf.push(b'\n');
        }
        buf.push(b'\n');
    }

    /// The findings of one file as they are printed; many are rendered in parallel.
    fn findings(&self, path: &str, lines: &[&str], findings: &[Finding]) -> Vec<Vec<u8>> {
        let render = |chunk: &[Finding]| {
            let mut buf = Vec::with_capacity(chunk.len() * 80);
            for f in chunk {
                self.finding(&mut buf, path, lines, f);
            }
            buf
        };
        if findings.len() < PARALLEL_FINDINGS {
            return vec![render(findings)];
        }
        findings
            .par_chunks(PARALLEL_FINDINGS / 2)
            .map(render)
            .collect()
    }
}

/// From this many findings in one file, they are rendered in parallel.
const PARALLEL_FINDINGS: usize = 2048;

fn severity_style(severity: Severity) -> &'static str {
    if severity == Severity::Warning {
        YELLOW
    } else {
        BLUE
    }
}

/// The byte offset of the character `chars` characters into `text`, or its end.
fn char_offset(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

impl Render for Full {
    fn file(&mut self, out: &mut dyn Write, checked: &Checked) -> io::Result<()> {
        let Outcome::Scored { source, report, .. } = &checked.outcome else {
            return Ok(());
        };
        // Looked up by number for each finding: walking to it every time took seconds for a
        // document of 1 MB.
        let lines: Vec<&str> = if self.concise {
            Vec::new()
        } else {
            source.lines().collect()
        };
        for part in self.findings(&checked.path, &lines, &report.findings) {
            out.write_all(&part)?;
        }
        let style = match report.verdict {
            Verdict::Fail => RED,
            Verdict::Warn => YELLOW,
            _ => GREEN,
        };
        writeln!(
            out,
            "{}: {}",
            self.paint(BOLD, &checked.path),
            self.paint(style, &score_line(report))
        )?;
        if !self.concise && !report.findings.is_empty() {
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use workslop_core::{Config, Format, Scorer};

    use super::*;

    /// Three thousand lines, each with a stock phrase, ended by `newline`, and their report.
    fn long_file(newline: &str) -> (String, workslop_core::Report) {
        let source: String = (1..=3000)
            .map(|i| format!("Line {i} will unlock the full potential of your team.{newline}"))
            .collect();
        let report = Scorer::new(Config::default())
            .unwrap()
            .score(&source, Format::Text);
        (source, report)
    }

    #[test]
    fn each_finding_shows_its_own_line_of_a_long_file() {
        let (source, report) = long_file("\r\n");
        let last = report.findings.last().expect("findings").line;
        let checked = Checked {
            path: "long.txt".into(),
            outcome: Outcome::Scored {
                source: source.clone(),
                report,
                fail_threshold: 50.0,
            },
        };
        let mut out = Vec::new();
        let mut full = Full {
            color: false,
            concise: false,
        };
        full.file(&mut out, &checked).unwrap();
        let out = String::from_utf8(out).unwrap();
        let echoed: Vec<&str> = out.lines().filter(|l| l.contains(" | Line ")).collect();
        assert!(echoed.len() >= 3000, "{}", echoed.len());
        for line in echoed {
            let (number, text) = line.split_once(" | ").unwrap();
            assert!(text.starts_with(&format!("Line {number} will")), "{line}");
            assert!(text.ends_with("team."), "{line:?}");
        }
        assert!(out.contains(&format!("\n{last} | Line {last} will")));
    }

    #[test]
    fn many_findings_rendered_in_parallel_come_out_in_order() {
        let (source, report) = long_file("\n");
        assert!(report.findings.len() >= PARALLEL_FINDINGS);
        let lines: Vec<&str> = source.lines().collect();
        for concise in [true, false] {
            let full = Full {
                color: false,
                concise,
            };
            let mut one_at_a_time = Vec::new();
            for f in &report.findings {
                full.finding(&mut one_at_a_time, "a.txt", &lines, f);
            }
            let parts = full.findings("a.txt", &lines, &report.findings);
            assert!(parts.len() > 1);
            assert_eq!(parts.concat(), one_at_a_time);
        }
    }

    fn finding(line: u32, column: u32, end_column: u32) -> Finding {
        Finding {
            code: "WS101".into(),
            name: "stock-phrases".into(),
            message: "Stock phrase".into(),
            severity: Severity::Warning,
            span: workslop_core::Span::new(0, 0),
            line,
            column,
            end_line: line,
            end_column,
            suggestion: Some("say what it does".into()),
        }
    }

    #[test]
    fn a_finding_underlines_its_characters_under_its_line() {
        let full = Full {
            color: false,
            concise: false,
        };
        let mut out = Vec::new();
        let lines = ["first", "\tWe unlock the full potential.\r"];
        full.finding(&mut out, "a.md", &lines, &finding(2, 5, 11));
        let expected = "a.md:2:5: WS101 Stock phrase\n  |\n2 |  We unlock the full potential.\n  |     ^^^^^^\n  = help: say what it does\n\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn colour_paints_the_path_code_and_marks_and_nothing_else() {
        let mut out = Vec::new();
        let concise = Full {
            color: true,
            concise: true,
        };
        concise.finding(&mut out, "a.md", &[], &finding(3, 7, 9));
        let expected = format!("{BOLD}a.md{RESET}:3:7: {YELLOW}WS101{RESET} Stock phrase\n");
        assert_eq!(String::from_utf8(out).unwrap(), expected);

        let mut out = Vec::new();
        let full = Full {
            color: true,
            concise: false,
        };
        full.finding(&mut out, "a.md", &["Ünlock it"], &finding(1, 1, 7));
        let bar = format!("{BLUE}|{RESET}");
        let expected = format!(
            "{BOLD}a.md{RESET}:1:1: {YELLOW}WS101{RESET} Stock phrase\n  {bar}\n\
             {BLUE}1{RESET} {bar} Ünlock it\n  {bar} {YELLOW}^^^^^^{RESET}\n  {BLUE}={RESET} help: say what it does\n\n"
        );
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
