//! Scores an English document (100 KB unless a size in bytes is given) many times, for a
//! profiler: `perf record -g target/release/examples/profile_loop [ROUNDS] [BYTES]`.

use workslop_benches::{document_of, english_drafts};
use workslop_core::{Config, Format, Scorer};

fn main() {
    let arg = |i: usize, default: usize| {
        std::env::args()
            .nth(i)
            .and_then(|n| n.parse().ok())
            .unwrap_or(default)
    };
    let (rounds, bytes) = (arg(1, 200), arg(2, 100_000));
    let doc = document_of(&english_drafts(), bytes);
    let scorer = Scorer::new(Config::default()).expect("config");
    let mut findings = 0;
    for _ in 0..rounds {
        findings += scorer.score(&doc, Format::Markdown).findings.len();
    }
    println!("{findings} findings");
}
