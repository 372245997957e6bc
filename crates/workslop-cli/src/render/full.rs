//! `full`: each finding with its source line underlined; `concise`: one line per finding.

use std::io::{self, Write};

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

    fn finding(
        &self,
        out: &mut dyn Write,
        path: &str,
        lines: &[&str],
        f: &Finding,
    ) -> io::Result<()> {
        let style = if f.severity == Severity::Warning {
            YELLOW
        } else {
            BLUE
        };
        writeln!(
            out,
            "{}:{}:{}: {} {}",
            self.paint(BOLD, path),
            f.line,
            f.column,
            self.paint(style, &f.code),
            f.message
        )?;
        if self.concise {
            return Ok(());
        }
        let line_text = lines
            .get(f.line as usize - 1)
            .map_or("", |l| l.trim_end_matches('\r'));
        let number = f.line.to_string();
        let gutter = " ".repeat(number.len());
        let before: String = line_text.chars().take(f.column as usize - 1).collect();
        let underline_chars = if f.end_line == f.line {
            (f.end_column.saturating_sub(f.column)) as usize
        } else {
            line_text
                .chars()
                .count()
                .saturating_sub(f.column as usize - 1)
        };
        let flagged: String = line_text
            .chars()
            .skip(f.column as usize - 1)
            .take(underline_chars)
            .collect();
        let pad = " ".repeat(before.width());
        let carets = "^".repeat(flagged.width().max(1));
        let bar = self.paint(BLUE, "|");
        writeln!(out, "{gutter} {bar}")?;
        writeln!(
            out,
            "{} {bar} {}",
            self.paint(BLUE, &number),
            expand_tabs(line_text)
        )?;
        writeln!(out, "{gutter} {bar} {pad}{}", self.paint(style, &carets))?;
        if let Some(s) = &f.suggestion {
            writeln!(out, "{gutter} {} help: {s}", self.paint(BLUE, "="))?;
        }
        writeln!(out)
    }
}

fn expand_tabs(line: &str) -> String {
    line.replace('\t', " ")
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
        for f in &report.findings {
            self.finding(out, &checked.path, &lines, f)?;
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

    #[test]
    fn each_finding_shows_its_own_line_of_a_long_file() {
        let source: String = (1..=3000)
            .map(|i| format!("Line {i} will unlock the full potential of your team.\r\n"))
            .collect();
        let report = Scorer::new(Config::default())
            .unwrap()
            .score(&source, Format::Text);
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
}
