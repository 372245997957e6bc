//! `github`: GitHub Actions workflow-command annotations.

use std::io::{self, Write};

use workslop_core::{Severity, Verdict};

use super::{Checked, Outcome, Render, score_line};

#[derive(Debug)]
pub struct Github;

/// Escapes a workflow-command message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Render for Github {
    fn file(&mut self, out: &mut dyn Write, checked: &Checked) -> io::Result<()> {
        let Outcome::Scored {
            report,
            fail_threshold,
            ..
        } = &checked.outcome
        else {
            return Ok(());
        };
        let file = property(&checked.path);
        for f in &report.findings {
            let level = if f.severity == Severity::Warning {
                "warning"
            } else {
                "notice"
            };
            let mut message = f.message.clone();
            if let Some(s) = &f.suggestion {
                message.push_str(&format!(" (help: {s})"));
            }
            writeln!(
                out,
                "::{level} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
                f.line,
                f.column,
                f.end_line,
                f.end_column,
                property(&format!("{} {}", f.code, f.name)),
                data(&message)
            )?;
        }
        if report.verdict == Verdict::Fail {
            writeln!(
                out,
                "::error file={file},line=1,title=workslop::{}",
                data(&format!(
                    "{} (fail threshold {fail_threshold})",
                    score_line(report)
                ))
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
