//! `json`: one array of file objects, streamed; `jsonl`: one object per line.

use std::io::{self, Write};

use serde::Serialize;
use workslop_core::Report;

use super::{Checked, Outcome, Render};

#[derive(Debug)]
pub struct Json {
    pub lines: bool,
    pub count: usize,
}

/// The core Report shape with the file's path in front.
#[derive(Serialize)]
pub struct FileReport<'a> {
    pub path: &'a str,
    #[serde(flatten)]
    pub report: &'a Report,
}

impl Render for Json {
    fn file(&mut self, out: &mut dyn Write, checked: &Checked) -> io::Result<()> {
        let Outcome::Scored { report, .. } = &checked.outcome else {
            return Ok(());
        };
        let object = FileReport {
            path: &checked.path,
            report,
        };
        if self.lines {
            serde_json::to_writer(&mut *out, &object)?;
            writeln!(out)?;
        } else {
            out.write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
            serde_json::to_writer_pretty(&mut *out, &object)?;
        }
        self.count += 1;
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.lines {
            out.write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        Ok(())
    }
}
