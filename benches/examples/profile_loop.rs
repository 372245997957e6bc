//! Scores the English documents (one led by each draft, as the benches do) many times, for a
//! profiler:
//! `perf record -g target/release/examples/profile_loop [ROUNDS] [BYTES] [CODE]`
//! (200 rounds of 100 KB documents by default; with signal codes, `WS101,WS201`, those alone; with
//! `-CODE`, all but that one). `PROFILE_DRAFTS=chinese` scores the Chinese documents instead,
//! and `PROFILE_DRAFTS=de` (a language's code) that language's two drafts.

use std::time::Instant;

use workslop_benches::{
    chinese_drafts, documents_of, english_drafts, language_draft, one_thread_by_default,
};
use workslop_core::{Config, Format, Scorer, signal_infos};

fn main() {
    one_thread_by_default();
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
    let drafts = match std::env::var("PROFILE_DRAFTS").as_deref() {
        Ok("chinese") => chinese_drafts(),
        Ok(lang) if lang.len() == 2 => ["generic", "specific"]
            .map(|kind| language_draft(lang, kind))
            .to_vec(),
        _ => english_drafts(),
    };
    let docs = documents_of(&drafts, bytes, drafts.len());
    let scorer = Scorer::new(config).expect("config");
    let mut findings = 0;
    let started = Instant::now();
    for _ in 0..rounds {
        for doc in &docs {
            findings += scorer.score(doc, Format::Markdown).findings.len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let bytes = rounds * docs.iter().map(String::len).sum::<usize>();
    println!(
        "{findings} findings; {:.1} MB/s ({:.2} ns per byte)",
        bytes as f64 / seconds / 1e6,
        seconds * 1e9 / bytes as f64
    );
}
