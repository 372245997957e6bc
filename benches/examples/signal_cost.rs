//! Where the time goes: scores an English document (10 KB unless a size in bytes is given)
//! with no signal, then with each signal alone, and prints what each one adds. The language
//! is given, so detection is not timed. A signal alone also pays for the shared work it reads
//! (the lexicon's hits, the concrete details), so the lines add up to more than the whole;
//! "last" is what the signal costs when all the others run, which leaves the shared work out.
//! Run: `cargo run --release -p workslop-benches --example signal_cost [BYTES]`.

use std::time::Instant;

use workslop_benches::{document_of, english_drafts};
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

/// The median over 15 rounds of the mean time of 20 scorings, in microseconds.
fn median_us(scorer: &Scorer, doc: &str) -> f64 {
    std::hint::black_box(scorer.score(doc, Format::Markdown));
    let mut rounds: Vec<f64> = (0..15)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..20 {
                std::hint::black_box(scorer.score(doc, Format::Markdown));
            }
            start.elapsed().as_secs_f64() * 1e6 / 20.0
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds[rounds.len() / 2]
}

fn main() {
    let bytes = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let doc = document_of(&english_drafts(), bytes);
    let all = scorer_without(Vec::new());
    let mb = doc.len() as f64 / 1e6;
    let whole = median_us(&all, &doc);
    println!(
        "{} bytes, all signals: {whole:.1} µs ({:.1} MB/s)",
        doc.len(),
        mb / (whole / 1e6)
    );
    let bare = median_us(&scorer_with(None), &doc);
    println!("no signal (the document stage): {bare:.1} µs");
    for info in signal_infos() {
        let alone = median_us(&scorer_with(Some(info.code)), &doc);
        let without = median_us(&scorer_without(vec![info.code.to_string()]), &doc);
        println!(
            "{} {:<22} alone +{:.1} µs, last -{:.1} µs",
            info.code,
            info.name,
            alone - bare,
            whole - without
        );
    }
}
