//! Scores a 100 KB English document many times, for a profiler:
//! `perf record -g target/release/examples/profile_loop`.

use workslop_benches::{document_of, english_drafts};
use workslop_core::{Config, Format, Scorer};

fn main() {
    let doc = document_of(&english_drafts(), 100_000);
    let scorer = Scorer::new(Config::default()).expect("config");
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let mut findings = 0;
    for _ in 0..rounds {
        findings += scorer.score(&doc, Format::Markdown).findings.len();
    }
    println!("{findings} findings");
}
