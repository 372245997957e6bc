//! Scores an English document many times, for a profiler:
//! `perf record -g target/release/examples/profile_loop [ROUNDS] [BYTES] [CODE]`
//! (200 rounds of 100 KB by default; with signal codes, `WS101,WS201`, those alone; with
//! `-CODE`, all but that one).

use workslop_benches::{document_of, english_drafts};
use workslop_core::{Config, Format, Scorer, signal_infos};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let number =
        |i: usize, default: usize| args.get(i).and_then(|n| n.parse().ok()).unwrap_or(default);
    let (rounds, bytes) = (number(1, 200), number(2, 100_000));
    let config = match args.get(3) {
        Some(code) if code.starts_with('-') => Config {
            disable: vec![code[1..].to_string()],
            ..Config::default()
        },
        Some(codes) => Config {
            disable: signal_infos()
                .map(|i| i.code.to_string())
                .filter(|c| !codes.split(',').any(|code| code == c))
                .collect(),
            ..Config::default()
        },
        None => Config::default(),
    };
    let doc = document_of(&english_drafts(), bytes);
    let scorer = Scorer::new(config).expect("config");
    let mut findings = 0;
    for _ in 0..rounds {
        findings += scorer.score(&doc, Format::Markdown).findings.len();
    }
    println!("{findings} findings");
}
