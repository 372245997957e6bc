//! `check` and `score` over more files than one batch: every file reported once, in path
//! order, whichever batch it falls in.

use std::path::PathBuf;
use std::process::{Command, Output};

const TEXTS: [&str; 3] = [
    "We unlock the full potential of seamless, robust and scalable synergy. Delve in today!",
    "The valve opens at 40 kPa and closes at 35 kPa; the seal is rated for 10,000 cycles.",
    "Too short.",
];

const COUNT: usize = 700;

/// Runs workslop with `args` over a fresh directory of `COUNT` files cycling through `TEXTS`.
fn run_over_files(name: &str, args: &[&str]) -> Output {
    let dir: PathBuf = std::env::temp_dir().join(format!("workslop-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..COUNT {
        std::fs::write(dir.join(format!("{i:04}.md")), TEXTS[i % TEXTS.len()]).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_workslop"))
        .args(args)
        .arg(&dir)
        .output()
        .expect("workslop runs");
    std::fs::remove_dir_all(&dir).unwrap();
    out
}

/// Each JSON line's file name and score, checked to be every file once in path order, each
/// text scoring the same wherever its file falls.
fn assert_in_order(stdout: &[u8]) {
    let files: Vec<(String, Option<f64>)> = String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|line| {
            let report: serde_json::Value = serde_json::from_str(line).unwrap();
            let path = report["path"].as_str().unwrap();
            let name = path.rsplit(['/', '\\']).next().unwrap().to_string();
            (name, report["score"].as_f64())
        })
        .collect();
    let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    let expected: Vec<String> = (0..COUNT).map(|i| format!("{i:04}.md")).collect();
    assert_eq!(names, expected);
    for (i, (_, score)) in files.iter().enumerate() {
        assert_eq!(*score, files[i % TEXTS.len()].1, "{i}");
    }
}

#[test]
fn check_reports_many_files_once_each_in_path_order() {
    let out = run_over_files(
        "check",
        &["check", "--isolated", "--output-format", "jsonl"],
    );
    assert_in_order(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "the first text fails");
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(
        summary.contains(&format!("Checked {COUNT} files")),
        "{summary}"
    );
}

#[test]
fn score_reports_many_files_once_each_in_path_order() {
    let out = run_over_files(
        "score",
        &["score", "--isolated", "--output-format", "jsonl"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_in_order(&out.stdout);
}
