//! `sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers.

use std::io::{self, Write};

use serde_json::{Value, json};
use workslop_core::{Severity, Verdict, signal_infos};

use super::{Checked, Outcome, Render, score_line};

/// The rule id of a file whose score reaches the fail threshold.
const SCORE_RULE: &str = "score";

/// Results are written as they come, inside a log whose other parts are known from the
/// start: holding them all until the end took about 8 KB a finding (175 MB for the 1 MB peer
/// file's 20,568).
#[derive(Debug, Default)]
pub struct Sarif {
    /// The rest of the log after the results, once its start (and so a result) is written.
    tail: Option<String>,
}

/// Results sit four levels deep in the log, which is indented two spaces a level.
const RESULT_INDENT: &str = "        ";

fn location(path: &str, start: (u32, u32), end: (u32, u32)) -> Value {
    json!([{
        "physicalLocation": {
            "artifactLocation": { "uri": path.replace('\\', "/") },
            "region": {
                "startLine": start.0, "startColumn": start.1,
                "endLine": end.0, "endColumn": end.1
            }
        }
    }])
}

impl Sarif {
    /// Writes one result as the pretty-printed log would hold it.
    fn write(&mut self, out: &mut dyn Write, result: &Value) -> io::Result<()> {
        let first = self.tail.is_none();
        if first {
            let (head, tail) = log_around_results();
            out.write_all(head.as_bytes())?;
            self.tail = Some(tail);
        }
        out.write_all(if first { b"\n" } else { b",\n" })?;
        let text = serde_json::to_string_pretty(result)?;
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(RESULT_INDENT.as_bytes())?;
            out.write_all(line.as_bytes())?;
        }
        Ok(())
    }
}

impl Render for Sarif {
    fn file(&mut self, out: &mut dyn Write, checked: &Checked) -> io::Result<()> {
        let Outcome::Scored {
            report,
            fail_threshold,
            ..
        } = &checked.outcome
        else {
            return Ok(());
        };
        for f in &report.findings {
            let mut text = f.message.clone();
            if let Some(s) = &f.suggestion {
                text.push_str(&format!(". Help: {s}"));
            }
            let rule_index = signal_infos().position(|i| i.code == f.code).unwrap_or(0);
            let result = json!({
                "ruleId": f.code,
                "ruleIndex": rule_index,
                "level": if f.severity == Severity::Warning { "warning" } else { "note" },
                "message": { "text": text },
                "locations": location(&checked.path, (f.line, f.column), (f.end_line, f.end_column)),
            });
            self.write(out, &result)?;
        }
        if report.verdict == Verdict::Fail {
            let result = json!({
                "ruleId": SCORE_RULE,
                "ruleIndex": signal_infos().count(),
                "level": "error",
                "message": { "text": format!("workslop {} (fail threshold {fail_threshold})", score_line(report)) },
                "locations": location(&checked.path, (1, 1), (1, 1)),
            });
            self.write(out, &result)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let tail = match self.tail.take() {
            Some(tail) => {
                // The results array closes one level up from its items.
                out.write_all(b"\n")?;
                out.write_all(&RESULT_INDENT.as_bytes()[2..])?;
                tail
            }
            None => {
                let (head, tail) = log_around_results();
                out.write_all(head.as_bytes())?;
                tail
            }
        };
        out.write_all(tail.as_bytes())?;
        writeln!(out)
    }
}

/// The pretty-printed log, split where its results go: up to the results array's `[`, and
/// from its `]` on.
fn log_around_results() -> (String, String) {
    let mut rules: Vec<Value> = signal_infos()
        .map(|i| {
            json!({
                "id": i.code,
                "name": i.name,
                "shortDescription": { "text": i.summary },
                "fullDescription": { "text": i.summary },
                "help": { "text": i.explanation, "markdown": i.explanation },
                "defaultConfiguration": { "level": "warning" },
                "properties": { "default-weight": workslop_core::model::default_weight(i) },
            })
        })
        .collect();
    rules.push(json!({
        "id": SCORE_RULE,
        "name": "workslop-score",
        "shortDescription": { "text": "The file's workslop score reaches the fail threshold" },
        "fullDescription": { "text": "The combined 0-100 score of all rules is at or above the configured fail threshold." },
        "help": { "text": "Run `workslop check FILE` for the findings behind the score, or `workslop explain CODE` for a rule." },
        "defaultConfiguration": { "level": "error" },
    }));
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "workslop",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": [],
        }]
    });
    let text = serde_json::to_string_pretty(&log).expect("a log of strings and numbers");
    let at = text.rfind("[]").expect("the empty results array is last");
    (text[..at + 1].to_string(), text[at + 1..].to_string())
}

#[cfg(test)]
mod tests {
    use workslop_core::{Config, Format, Scorer};

    use super::*;

    fn checked(path: &str, text: &str) -> Checked {
        let report = Scorer::new(Config::default())
            .unwrap()
            .score(text, Format::Text);
        Checked {
            path: path.into(),
            outcome: Outcome::Scored {
                source: text.into(),
                report,
                fail_threshold: 50.0,
            },
        }
    }

    fn log(files: &[Checked]) -> Value {
        let mut sarif = Sarif::default();
        let mut out = Vec::new();
        for file in files {
            sarif.file(&mut out, file).unwrap();
        }
        sarif.finish(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let log: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(text, serde_json::to_string_pretty(&log).unwrap() + "\n");
        log
    }

    #[test]
    fn results_streamed_make_the_log_one_would_print_whole() {
        let files = [
            checked(
                "a.md",
                "We unlock the full potential of seamless synergy. Delve in today!",
            ),
            checked("b.md", "The valve opens at 40 kPa and closes at 35 kPa."),
            checked(
                "c.md",
                "Leverage cutting-edge, robust and scalable solutions.",
            ),
        ];
        let log = log(&files);
        let results = log["runs"][0]["results"].as_array().unwrap();
        let mut expected = Vec::new();
        for file in &files {
            let Outcome::Scored { report, .. } = &file.outcome else {
                unreachable!()
            };
            expected.extend(
                report
                    .findings
                    .iter()
                    .map(|f| (file.path.as_str(), &*f.code)),
            );
            if report.verdict == Verdict::Fail {
                expected.push((file.path.as_str(), SCORE_RULE));
            }
        }
        assert!(expected.len() > 3, "{expected:?}");
        let got: Vec<(&str, &str)> = results
            .iter()
            .map(|r| {
                let uri = &r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
                (uri.as_str().unwrap(), r["ruleId"].as_str().unwrap())
            })
            .collect();
        assert_eq!(got, expected);
        assert_eq!(log["runs"][0]["tool"]["driver"]["name"], "workslop");
    }

    #[test]
    fn no_results_make_an_empty_array() {
        let log = log(&[]);
        assert_eq!(log["runs"][0]["results"], json!([]));
        assert_eq!(log["version"], "2.1.0");
    }
}
