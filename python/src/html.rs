//! A notebook view of a report: the score, the signals, and the text with findings marked.

use workslop_core::{Report, Verdict};

/// Texts longer than this are cut in the notebook view.
const MAX_CHARS: usize = 20_000;

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

pub fn render(report: &Report, text: &str) -> String {
    let colour = match report.verdict {
        Verdict::Fail => "#b3261e",
        Verdict::Warn => "#9a6700",
        Verdict::Pass => "#1a7f37",
        Verdict::TooShort => "#57606a",
    };
    let score = report.score.map_or("–".to_string(), |s| format!("{s:.1}"));
    let mut html = format!(
        "<div class=\"workslop-report\" style=\"font-family:system-ui,sans-serif;max-width:60em\">\
         <div style=\"margin-bottom:.5em\"><b>workslop {score}</b> \
         <span style=\"background:{colour};color:#fff;padding:0 .4em;border-radius:.3em\">{}</span> \
         <span style=\"color:#57606a\">{} · {} words · {} findings</span></div>",
        report.verdict.name(),
        escape(&report.lang),
        report.words,
        report.findings.len()
    );
    html.push_str("<table style=\"border-collapse:collapse;margin-bottom:.5em\"><tr><th style=\"text-align:left\">signal</th><th>subscore</th><th>points</th></tr>");
    for s in &report.signals {
        let sub = if s.skipped.is_some() {
            "skipped".to_string()
        } else {
            format!("{:.2}", s.subscore)
        };
        html.push_str(&format!(
            "<tr><td style=\"padding-right:1em\">{} {}</td><td style=\"text-align:right\">{sub}</td><td style=\"text-align:right\">{:+.1}</td></tr>",
            s.code, s.name, s.contribution
        ));
    }
    html.push_str("</table><div style=\"white-space:pre-wrap;border:1px solid #d0d7de;padding:.6em;line-height:1.5\">");
    let limit = text
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let mut at = 0;
    for f in &report.findings {
        let (start, end) = (f.span.start as usize, (f.span.end as usize).min(limit));
        if start < at
            || start >= limit
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        html.push_str(&escape(&text[at..start]));
        let tip = match &f.suggestion {
            Some(s) => format!("{}: {} (help: {s})", f.code, f.message),
            None => format!("{}: {}", f.code, f.message),
        };
        html.push_str(&format!(
            "<mark title=\"{}\" style=\"background:#fff1b8\">{}</mark>",
            escape(&tip),
            escape(&text[start..end])
        ));
        at = end;
    }
    html.push_str(&escape(&text[at.min(limit)..limit]));
    if limit < text.len() {
        html.push_str("<i>… (cut)</i>");
    }
    html.push_str("</div></div>");
    html
}
