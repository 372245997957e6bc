//! Where the time goes: scores a 100 KB English document with each signal disabled in turn
//! and prints the time saved. Run: `cargo run --release -p workslop-benches --example signal_cost`.

use std::time::Instant;

use workslop_benches::{document_of, english_drafts};
use workslop_core::{Config, Format, Scorer, signal_infos};

fn median_ms(scorer: &Scorer, doc: &str) -> f64 {
    let mut times: Vec<f64> = (0..21)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(scorer.score(doc, Format::Markdown));
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let doc = document_of(&english_drafts(), 100_000);
    let all = median_ms(&Scorer::new(Config::default()).expect("config"), &doc);
    let mb = doc.len() as f64 / 1e6;
    println!("all signals: {all:.2} ms ({:.1} MB/s)", mb / (all / 1e3));
    let none = Config {
        disable: signal_infos().map(|i| i.code.to_string()).collect(),
        ..Config::default()
    };
    let bare = median_ms(&Scorer::new(none).expect("config"), &doc);
    println!("no signals:  {bare:.2} ms ({:.1} MB/s)", mb / (bare / 1e3));
    for info in signal_infos() {
        let config = Config {
            disable: vec![info.code.to_string()],
            ..Config::default()
        };
        let without = median_ms(&Scorer::new(config).expect("config"), &doc);
        println!("{} {:<22} {:>6.2} ms", info.code, info.name, all - without);
    }
}
