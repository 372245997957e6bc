//! `check` over more files than one batch: every file reported once, in path order, while
//! one batch is printed and the next scored.

use std::process::Command;

#[test]
fn many_files_come_out_once_each_in_path_order() {
    let dir = std::env::temp_dir().join(format!("workslop-batches-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let texts = [
        "We unlock the full potential of seamless, robust and scalable synergy. Delve in today!",
        "The valve opens at 40 kPa and closes at 35 kPa; the seal is rated for 10,000 cycles.",
        "Too short.",
    ];
    let count = 700;
    for i in 0..count {
        std::fs::write(dir.join(format!("{i:04}.md")), texts[i % texts.len()]).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_workslop"))
        .args(["check", "--isolated", "--output-format", "jsonl"])
        .arg(&dir)
        .output()
        .expect("workslop runs");
    std::fs::remove_dir_all(&dir).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let files: Vec<(String, Option<f64>)> = stdout
        .lines()
        .map(|line| {
            let report: serde_json::Value = serde_json::from_str(line).unwrap();
            let path = report["path"].as_str().unwrap();
            let name = path.rsplit(['/', '\\']).next().unwrap().to_string();
            (name, report["score"].as_f64())
        })
        .collect();
    let expected: Vec<String> = (0..count).map(|i| format!("{i:04}.md")).collect();
    let names: Vec<&String> = files.iter().map(|(name, _)| name).collect();
    assert_eq!(names, expected.iter().collect::<Vec<_>>());
    // The same text scores the same wherever its file falls among the batches.
    for (i, (_, score)) in files.iter().enumerate() {
        assert_eq!(*score, files[i % texts.len()].1, "{i}");
    }
    assert_eq!(out.status.code(), Some(1), "the first text fails");
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(
        summary.contains(&format!("Checked {count} files")),
        "{summary}"
    );
}
