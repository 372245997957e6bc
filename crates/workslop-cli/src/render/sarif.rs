//! `sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers.

use std::io::{self, Write};

use serde_json::{Value, json};
use workslop_core::{Severity, Verdict, signal_infos};

use super::{Checked, Outcome, Render, score_line};

/// The rule id of a file whose score reaches the fail threshold.
const SCORE_RULE: &str = "score";

#[derive(Debug, Default)]
pub struct Sarif {
    results: Vec<Value>,
}

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

impl Render for Sarif {
    fn file(&mut self, _out: &mut dyn Write, checked: &Checked) -> io::Result<()> {
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
            self.results.push(json!({
                "ruleId": f.code,
                "ruleIndex": rule_index,
                "level": if f.severity == Severity::Warning { "warning" } else { "note" },
                "message": { "text": text },
                "locations": location(&checked.path, (f.line, f.column), (f.end_line, f.end_column)),
            }));
        }
        if report.verdict == Verdict::Fail {
            self.results.push(json!({
                "ruleId": SCORE_RULE,
                "ruleIndex": signal_infos().count(),
                "level": "error",
                "message": { "text": format!("workslop {} (fail threshold {fail_threshold})", score_line(report)) },
                "locations": location(&checked.path, (1, 1), (1, 1)),
            }));
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
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
                "results": std::mem::take(&mut self.results),
            }]
        });
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}
