//! Where the time goes: scores the English documents (one led by each draft, 10 KB unless a
//! size in bytes is given)
//! with no signal, then with each signal alone, and prints what each one adds. The language
//! is given, so detection is not timed. A signal alone also pays for the shared work it reads
//! (the lexicon's hits, the concrete details), so the lines add up to more than the whole;
//! "last" is what the signal costs when all the others run, which leaves the shared work out.
//! Run: `cargo run --release -p workslop-benches --example signal_cost [BYTES]`.

use std::time::Instant;

use workslop_benches::{documents_of, english_drafts, one_thread_by_default};
use workslop_core::{Config, Format, Scorer, signal_infos};

/// A scorer with only `code` enabled (none when `None`).
fn scorer_with(code: Option<&str>) -> Scorer {
    let disable = signal_infos()
        .map(|i| i.code.to_string())
        .filter(|c| Some(c.as_str()) != code)
        .collect();
    scorer_without(disable)
}

fn scorer_without(disable: Vec<String>) -> Scorer {
    Scorer::new(Config {
        disable,
        lang: Some("en".into()),
        ..Config::default()
    })
    .expect("config")
}

/// The fastest of 40 rounds of the mean time to score one of `docs`, in microseconds, after
/// 5 rounds that warm the regex engines' caches up. On a shared machine the fastest round is
/// the one least disturbed; a median moved by several microseconds from run to run.
fn fastest_us(scorer: &Scorer, docs: &[String]) -> f64 {
    let score_all = || {
        for doc in docs {
            std::hint::black_box(scorer.score(doc, Format::Markdown));
        }
    };
    for _ in 0..5 {
        score_all();
    }
    (0..40)
        .map(|_| {
            let start = Instant::now();
            score_all();
            start.elapsed().as_secs_f64() * 1e6 / docs.len() as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    one_thread_by_default();
    let bytes = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let drafts = english_drafts();
    let docs = documents_of(&drafts, bytes, drafts.len());
    let all = scorer_without(Vec::new());
    let mean_bytes = docs.iter().map(String::len).sum::<usize>() / docs.len();
    let whole = fastest_us(&all, &docs);
    println!(
        "{} documents of {mean_bytes} bytes on average, all signals: {whole:.1} µs each ({:.1} MB/s)",
        docs.len(),
        mean_bytes as f64 / whole
    );
    let bare = fastest_us(&scorer_with(None), &docs);
    println!("no signal (the document stage): {bare:.1} µs");
    for info in signal_infos() {
        let alone = fastest_us(&scorer_with(Some(info.code)), &docs);
        let without = fastest_us(&scorer_without(vec![info.code.to_string()]), &docs);
        println!(
            "{} {:<22} alone {:+.1} µs, last {:+.1} µs",
            info.code,
            info.name,
            alone - bare,
            whole - without
        );
    }
}
