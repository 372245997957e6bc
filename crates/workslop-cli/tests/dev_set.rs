//! The committed model against the development set: the numbers docs/quality.md documents.
//! Skips, saying so, when `../shared/eval/dev.jsonl` is not beside the repository.

use std::path::PathBuf;
use std::process::Command;

/// Pooled ROC AUC of the shipped model on dev, as documented in docs/quality.md.
const DOCUMENTED_DEV_AUC: f64 = 0.872;

fn dev_file() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/dev.jsonl");
    if path.is_file() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} not found; the dev-set checks need it beside the repository",
            path.display()
        );
        None
    }
}

#[test]
fn the_committed_model_gives_the_documented_dev_auc() {
    let Some(dev) = dev_file() else { return };
    let out = Command::new(env!("CARGO_BIN_EXE_workslop"))
        .args([
            "eval",
            "--isolated",
            "--output-format",
            "json",
            "--group-by",
            "source",
            "--labels",
        ])
        .arg(&dev)
        .output()
        .expect("workslop runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let auc = summary["overall"]["roc_auc"].as_f64().expect("an AUC");
    assert!(
        (auc - DOCUMENTED_DEV_AUC).abs() <= 0.005,
        "dev AUC {auc:.4}, documented {DOCUMENTED_DEV_AUC}"
    );
    let sources = &summary["groups"]["source"];
    let descriptions = sources["company_meta_descriptions_human"]["negatives_flagged"]
        .as_f64()
        .expect("rate");
    assert!(
        descriptions <= 0.05,
        "{descriptions} of the human marketing descriptions fail"
    );
}

#[test]
fn calibrate_reports_a_missing_file_clearly() {
    let out = Command::new(env!("CARGO_BIN_EXE_workslop"))
        .args([
            "calibrate",
            "--labels",
            "no/such/dev.jsonl",
            "--out",
            "unused.toml",
        ])
        .output()
        .expect("workslop runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dev.jsonl"));
}
