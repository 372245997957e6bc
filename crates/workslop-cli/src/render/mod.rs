//! Output formats of `workslop check`.

mod full;
mod github;
mod json;
mod sarif;

use std::io::{self, Write};

use workslop_core::{Report, Verdict};

use crate::args::CheckFormat;

/// One checked input.
#[derive(Debug)]
pub struct Checked {
    /// The path as the user gave or the walk found it (`-` or `--stdin-filename` for stdin).
    pub path: String,
    pub outcome: Outcome,
}

#[derive(Debug)]
pub enum Outcome {
    Scored {
        source: String,
        report: Report,
        fail_threshold: f64,
    },
    /// Not checked, with the reason (e.g. a binary file).
    Skipped(String),
    /// Could not be checked.
    Error(String),
}

/// Counts for the closing summary.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub files: usize,
    pub failing: usize,
    pub warning: usize,
    pub findings: usize,
    pub skipped: usize,
    pub errors: usize,
}

impl Summary {
    pub fn add(&mut self, checked: &Checked) {
        match &checked.outcome {
            Outcome::Scored { report, .. } => {
                self.files += 1;
                self.findings += report.findings.len();
                match report.verdict {
                    Verdict::Fail => self.failing += 1,
                    Verdict::Warn => self.warning += 1,
                    _ => {}
                }
            }
            Outcome::Skipped(_) => self.skipped += 1,
            Outcome::Error(_) => self.errors += 1,
        }
    }

    pub fn line(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut line = format!(
            "Checked {}: {} failing, {} warning, {}.",
            plural(self.files, "file", "files"),
            self.failing,
            self.warning,
            plural(self.findings, "finding", "findings")
        );
        if self.skipped > 0 {
            line.push_str(&format!(
                " Skipped {}.",
                plural(self.skipped, "file", "files")
            ));
        }
        if self.errors > 0 {
            line.push_str(&format!(" {}.", plural(self.errors, "error", "errors")));
        }
        line
    }
}

/// Writes checked files in one format.
pub trait Render {
    fn file(&mut self, out: &mut dyn Write, checked: &Checked) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()>;
}

pub fn renderer(format: CheckFormat, color: bool) -> Box<dyn Render> {
    match format {
        CheckFormat::Full => Box::new(full::Full {
            color,
            concise: false,
        }),
        CheckFormat::Concise => Box::new(full::Full {
            color,
            concise: true,
        }),
        CheckFormat::Json => Box::new(json::Json {
            lines: false,
            count: 0,
        }),
        CheckFormat::Jsonl => Box::new(json::Json {
            lines: true,
            count: 0,
        }),
        CheckFormat::Sarif => Box::new(sarif::Sarif::default()),
        CheckFormat::Github => Box::new(github::Github),
    }
}

/// The one-line score of a file: `81.1 fail (stock-phrases +71.4, repetition +14.6)`.
pub fn score_line(report: &Report) -> String {
    let Some(score) = report.score else {
        return format!("too short to score ({} words)", report.words);
    };
    let top: Vec<String> = report
        .top_contributors()
        .iter()
        .take(3)
        .map(|s| format!("{} +{:.1}", s.name, s.contribution))
        .collect();
    let mut line = format!("score {score:.1} {}", report.verdict.name());
    if !top.is_empty() {
        line.push_str(&format!(" ({})", top.join(", ")));
    }
    line
}
