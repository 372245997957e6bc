//! Benchmark inputs, built from the project's own fixtures (never from evaluation data).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The allocator the CLI and the Python module use, so that the benchmarks measure what they
/// run: with the C library's, 1 KB documents score about 5% slower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Makes rayon's global pool a single thread, so that a document scored on the calling thread
/// is scored on it alone: the throughput targets are for one thread, and from 64 KB on a
/// document's signals would otherwise be measured on every core. (Scoring inside a pool of one
/// thread instead costs a wake-up per call, which made the 1 KB numbers erratic.) Call it first.
pub fn one_thread_by_default() {
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global();
}

/// A pool with a thread per core, for the benchmarks of parallel work.
pub fn every_core() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .build()
            .expect("a pool with a thread per core")
    })
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

fn read_dir_sorted(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// English drafts, generic and specific interleaved, so every signal has work.
pub fn english_drafts() -> Vec<String> {
    let generic = read_dir_sorted(&fixtures().join("drafts/generic"));
    let specific = read_dir_sorted(&fixtures().join("drafts/specific"));
    generic
        .into_iter()
        .zip(specific)
        .flat_map(|(g, s)| [g, s])
        .collect()
}

/// Chinese text: the CJK edge fixture and the two Chinese language fixtures.
pub fn chinese_drafts() -> Vec<String> {
    [
        "edge/cjk.md",
        "languages/zh/generic.md",
        "languages/zh/specific.md",
    ]
    .iter()
    .map(|path| std::fs::read_to_string(fixtures().join(path)).unwrap_or_default())
    .collect()
}

/// One of the per-language drafts (`fixtures/languages/<lang>/<kind>.md`).
pub fn language_draft(lang: &str, kind: &str) -> String {
    std::fs::read_to_string(fixtures().join(format!("languages/{lang}/{kind}.md")))
        .unwrap_or_default()
}

/// A Markdown document of about `bytes` bytes: the drafts joined, repeated as needed.
pub fn document_of(drafts: &[String], bytes: usize) -> String {
    let mut doc = String::with_capacity(bytes + 4096);
    for draft in drafts.iter().cycle() {
        if doc.len() >= bytes || drafts.is_empty() {
            break;
        }
        doc.push_str(draft);
        doc.push_str("\n\n");
    }
    doc
}

/// `count` documents of about `bytes` bytes each, rotated so they differ.
pub fn documents_of(drafts: &[String], bytes: usize, count: usize) -> Vec<String> {
    (0..count)
        .map(|i| {
            let mut rotated = drafts.to_vec();
            rotated.rotate_left(i % drafts.len().max(1));
            document_of(&rotated, bytes)
        })
        .collect()
}
