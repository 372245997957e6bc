//! End-to-end and per-stage throughput. Run: `cargo bench -p workslop-benches`.
//! Each benchmark checks its result once before timing, so a broken pipeline cannot look fast.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use workslop_benches::{chinese_drafts, document_of, documents_of, english_drafts};
use workslop_core::{Config, Document, Format, Scorer, language::Language};

fn main() {
    divan::main();
}

fn scorer() -> Scorer {
    Scorer::new(Config::default()).expect("default config")
}

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

#[divan::bench(args = SIZES)]
fn end_to_end_english(bencher: Bencher, bytes: usize) {
    let scorer = scorer();
    let doc = document_of(&english_drafts(), bytes);
    let report = scorer.score(&doc, Format::Markdown);
    assert_eq!(report.lang, "en");
    assert!(
        report.score.is_some_and(|s| s > 40.0) && !report.findings.is_empty(),
        "{:?}",
        report.score
    );
    bencher
        .counter(BytesCount::of_str(&doc))
        .bench_local(|| scorer.score(black_box(&doc), Format::Markdown));
}

#[divan::bench(args = SIZES)]
fn end_to_end_chinese(bencher: Bencher, bytes: usize) {
    let scorer = scorer();
    let doc = document_of(&chinese_drafts(), bytes);
    let report = scorer.score(&doc, Format::Markdown);
    assert_eq!(report.lang, "zh");
    assert!(report.score.is_some() && !report.findings.is_empty());
    bencher
        .counter(BytesCount::of_str(&doc))
        .bench_local(|| scorer.score(black_box(&doc), Format::Markdown));
}

/// Markup stripping, words, language detection, sentences: everything before the signals.
#[divan::bench(args = SIZES)]
fn document_stage(bencher: Bencher, bytes: usize) {
    let doc = document_of(&english_drafts(), bytes);
    assert!(
        Document::new(&doc, Format::Markdown, None)
            .language
            .is_some_and(|l| l.code == "en")
    );
    bencher
        .counter(BytesCount::of_str(&doc))
        .bench_local(|| Document::new(black_box(&doc), Format::Markdown, None));
}

/// The same, with the language given: what detection costs is the difference.
#[divan::bench(args = SIZES)]
fn document_stage_language_given(bencher: Bencher, bytes: usize) {
    let doc = document_of(&english_drafts(), bytes);
    let en = Language::by_code("en");
    bencher
        .counter(BytesCount::of_str(&doc))
        .bench_local(|| Document::new(black_box(&doc), Format::Markdown, en));
}

#[divan::bench(args = ["sequential", "parallel"])]
fn batch_of_1kb_documents(bencher: Bencher, mode: &str) {
    let scorer = scorer();
    let docs = documents_of(&english_drafts(), 1_000, 2_000);
    let bytes: usize = docs.iter().map(String::len).sum();
    let sequential: Vec<_> = docs
        .iter()
        .map(|d| scorer.score(d, Format::Markdown))
        .collect();
    assert_eq!(scorer.score_batch(&docs, Format::Markdown), sequential);
    bencher
        .counter(BytesCount::new(bytes))
        .bench_local(|| match mode {
            "parallel" => scorer.score_batch(black_box(&docs), Format::Markdown),
            _ => docs
                .iter()
                .map(|d| scorer.score(d, Format::Markdown))
                .collect(),
        });
}
