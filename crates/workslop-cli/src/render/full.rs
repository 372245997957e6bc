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

impl Full {
    fn paint(&self, style: &str, text: &str) -> String {
        if self.color {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }

    fn finding(
        &self,
        out: &mut dyn Write,
        path: &str,
        source: &str,
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
        let line_text = source
            .lines()
            .nth(f.line as usize - 1)
            .unwrap_or("")
            .trim_end_matches('\r');
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
        for f in &report.findings {
            self.finding(out, &checked.path, source, f)?;
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
