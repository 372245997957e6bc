//! Times `Scorer::score_batch` on the texts of a JSON Lines file (field `text`), best of five,
//! for comparison with Python's `score_many` on the same file (benches/python_vs_rust.py).
//! `cargo run --release -p workslop-benches --example batch_time -- FILE THREADS`

use std::time::Instant;

// The allocator the Python module uses, from the benches crate.
use workslop_benches as _;
use workslop_core::{Config, Format, Scorer};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a JSON Lines file");
    let threads: usize = args.next().and_then(|t| t.parse().ok()).unwrap_or(1);
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .expect("readable file")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let scorer = Scorer::new(Config::default()).expect("config");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let best = (0..5)
        .map(|_| {
            let start = Instant::now();
            let reports = pool.install(|| scorer.score_batch(&texts, Format::Markdown));
            assert_eq!(reports.len(), texts.len());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "rust score_batch: {} texts, {threads} threads: {best:.3} s ({:.1} MB/s)",
        texts.len(),
        bytes as f64 / best / 1e6
    );
}
