//! End-to-end and per-stage throughput. Run: `cargo bench -p workslop-benches`.
//! Each benchmark checks its result once before timing, so a broken pipeline cannot look fast.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use workslop_benches::{
    chinese_drafts, document_of, documents_of, english_drafts, every_core, language_draft,
    one_thread_by_default,
};
use workslop_core::language::{Language, detect};
use workslop_core::lexicon::{self, Matcher};
use workslop_core::lowercase::lowercase_in_place_offsets;
use workslop_core::words::split_words;
use workslop_core::{Config, Document, Format, Scorer, markup, sentences};

fn main() {
    one_thread_by_default();
    divan::main();
}

fn scorer() -> Scorer {
    Scorer::new(Config::default()).expect("default config")
}

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// The English drafts rotated so that each leads one document: one document's cost varies by
/// almost half with its content (its first 512 bytes alone decide whether whatlang runs), so
/// each sample scores one document per draft and the throughput is over all of them.
fn english_documents(bytes: usize) -> Vec<String> {
    let drafts = english_drafts();
    documents_of(&drafts, bytes, drafts.len())
}

fn score_all(scorer: &Scorer, docs: &[String]) -> usize {
    docs.iter()
        .map(|d| scorer.score(black_box(d), Format::Markdown).findings.len())
        .sum()
}

fn total_bytes(docs: &[String]) -> BytesCount {
    BytesCount::new(docs.iter().map(String::len).sum::<usize>())
}

#[divan::bench(args = SIZES)]
fn end_to_end_english(bencher: Bencher, bytes: usize) {
    let scorer = scorer();
    let docs = english_documents(bytes);
    let reports: Vec<_> = docs
        .iter()
        .map(|d| scorer.score(d, Format::Markdown))
        .collect();
    assert!(reports.iter().all(|r| r.lang == "en" && r.score.is_some()));
    let mean = reports.iter().filter_map(|r| r.score).sum::<f64>() / reports.len() as f64;
    assert!(mean > 30.0, "mean score {mean}");
    let findings: usize = reports.iter().map(|r| r.findings.len()).sum();
    assert!(findings > docs.len(), "{findings} findings");
    bencher
        .counter(total_bytes(&docs))
        .bench_local(|| score_all(&scorer, &docs));
}

/// The 100 KB documents scored one after another in a pool with a thread per core (two on
/// the benchmark machine): from 64 KB on, a document's signals are measured in parallel. The
/// targets are single-thread (`end_to_end_english`); this is what one large file gets from
/// the other cores.
#[divan::bench]
fn large_documents_on_every_core(bencher: Bencher) {
    let scorer = scorer();
    let docs = english_documents(100_000);
    for doc in &docs {
        assert_eq!(
            every_core().install(|| scorer.score(doc, Format::Markdown)),
            scorer.score(doc, Format::Markdown)
        );
    }
    bencher
        .counter(total_bytes(&docs))
        .bench_local(|| every_core().install(|| score_all(&scorer, &docs)));
}

/// One 10 KB document scored again and again, for comparison only: the branch predictors and
/// caches learn it, so it runs faster than different documents do (the measure of the
/// targets is `end_to_end_english`).
#[divan::bench]
fn same_document_repeated(bencher: Bencher) {
    let scorer = scorer();
    let doc = document_of(&english_drafts(), 10_000);
    assert_eq!(scorer.score(&doc, Format::Markdown).lang, "en");
    bencher
        .counter(BytesCount::of_str(&doc))
        .bench_local(|| scorer.score(black_box(&doc), Format::Markdown));
}

/// The engine as issue #2 defines it: the whole pipeline with only its four signals
/// (stock phrases, flat vocabulary, repetition, brand terms), the stages DESIGN.md's speed
/// budget was measured on. The other signals' cost is `end_to_end_english` minus this.
const CORE_SIGNALS: [&str; 4] = ["WS101", "WS102", "WS201", "WS301"];

#[divan::bench(args = SIZES)]
fn end_to_end_english_core_signals(bencher: Bencher, bytes: usize) {
    let scorer = Scorer::new(Config {
        brand_terms: vec!["Tasklane".into()],
        disable: workslop_core::signal_infos()
            .map(|i| i.code.to_string())
            .filter(|c| !CORE_SIGNALS.contains(&c.as_str()))
            .collect(),
        ..Config::default()
    })
    .expect("core signals config");
    let docs = english_documents(bytes);
    let mut stock_phrases = 0;
    for doc in &docs {
        let report = scorer.score(doc, Format::Markdown);
        assert_eq!(report.lang, "en");
        let measured: Vec<&str> = report
            .signals
            .iter()
            .filter(|s| s.skipped.is_none())
            .map(|s| s.code.as_ref())
            .collect();
        assert_eq!(measured, CORE_SIGNALS);
        assert!(report.score.is_some());
        stock_phrases += report.findings.iter().filter(|f| f.code == "WS101").count();
    }
    assert!(stock_phrases > docs.len(), "{stock_phrases} stock phrases");
    bencher
        .counter(total_bytes(&docs))
        .bench_local(|| score_all(&scorer, &docs));
}

#[divan::bench(args = SIZES)]
fn end_to_end_chinese(bencher: Bencher, bytes: usize) {
    let scorer = scorer();
    let drafts = chinese_drafts();
    let docs = documents_of(&drafts, bytes, drafts.len());
    for doc in &docs {
        let report = scorer.score(doc, Format::Markdown);
        assert_eq!(report.lang, "zh");
        assert!(report.score.is_some() && !report.findings.is_empty());
    }
    bencher
        .counter(total_bytes(&docs))
        .bench_local(|| score_all(&scorer, &docs));
}

/// The other languages we ship data for, in Latin script: their language is found from their
/// own function words, or by whatlang when those do not decide.
const OTHER_LATIN_LANGUAGES: [&str; 6] = ["de", "es", "fr", "it", "pl", "pt"];

/// Each of their two drafts (about 1-2.5 KB each): short documents that pay language detection.
#[divan::bench]
fn end_to_end_other_latin_languages_1kb(bencher: Bencher) {
    let scorer = scorer();
    let (mut docs, mut findings) = (Vec::new(), 0);
    for lang in OTHER_LATIN_LANGUAGES {
        for kind in ["generic", "specific"] {
            let doc = document_of(&[language_draft(lang, kind)], 1_000);
            let report = scorer.score(&doc, Format::Markdown);
            assert!(
                report.lang == lang && report.score.is_some(),
                "{lang} {kind}"
            );
            findings += report.findings.len();
            docs.push(doc);
        }
    }
    assert!(findings > docs.len(), "{findings} findings");
    bencher
        .counter(total_bytes(&docs))
        .bench_local(|| score_all(&scorer, &docs));
}

/// Markup stripping, words, language detection, sentences: everything before the signals.
#[divan::bench(args = SIZES)]
fn document_stage(bencher: Bencher, bytes: usize) {
    let docs = english_documents(bytes);
    assert!(docs.iter().all(|doc| {
        Document::new(doc, Format::Markdown, None)
            .language
            .is_some_and(|l| l.code == "en")
    }));
    bencher.counter(total_bytes(&docs)).bench_local(|| {
        for doc in &docs {
            black_box(Document::new(black_box(doc), Format::Markdown, None));
        }
    });
}

/// The same, with the language given: what detection costs is the difference.
#[divan::bench(args = SIZES)]
fn document_stage_language_given(bencher: Bencher, bytes: usize) {
    let docs = english_documents(bytes);
    let en = Language::by_code("en");
    bencher.counter(total_bytes(&docs)).bench_local(|| {
        for doc in &docs {
            black_box(Document::new(black_box(doc), Format::Markdown, en));
        }
    });
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
            "parallel" => {
                every_core().install(|| scorer.score_batch(black_box(&docs), Format::Markdown))
            }
            _ => docs
                .iter()
                .map(|d| scorer.score(d, Format::Markdown))
                .collect(),
        });
}

/// Stage by stage on the 10 KB English documents; each stage is given what the stages before
/// it produced, as `Document::new` does.
const STAGE_BYTES: usize = 10_000;

fn stage_inputs() -> Vec<String> {
    english_documents(STAGE_BYTES)
}

fn stage_prose() -> Vec<String> {
    stage_inputs()
        .iter()
        .map(|doc| markup::extract(doc, Format::Markdown).text)
        .collect()
}

#[divan::bench]
fn stage_markup_stripping(bencher: Bencher) {
    let docs = stage_inputs();
    for doc in &docs {
        let prose = markup::extract(doc, Format::Markdown);
        assert_eq!(prose.text.len(), doc.len());
        assert!(!prose.breaks.is_empty());
    }
    bencher.counter(total_bytes(&docs)).bench_local(|| {
        for doc in &docs {
            black_box(markup::extract(black_box(doc), Format::Markdown));
        }
    });
}

#[divan::bench]
fn stage_lowercasing(bencher: Bencher) {
    let prose = stage_prose();
    assert!(
        prose
            .iter()
            .all(|p| lowercase_in_place_offsets(p).len() == p.len())
    );
    bencher.counter(total_bytes(&prose)).bench_local(|| {
        for p in &prose {
            black_box(lowercase_in_place_offsets(black_box(p)));
        }
    });
}

#[divan::bench]
fn stage_words(bencher: Bencher) {
    let prose = stage_prose();
    let mut words = Vec::new();
    for p in &prose {
        words.clear();
        split_words(p, &mut words);
        assert!(words.len() > 1_000);
    }
    bencher.counter(total_bytes(&prose)).bench_local(|| {
        for p in &prose {
            words.clear();
            split_words(black_box(p), &mut words);
        }
    });
}

/// English text takes the function-word shortcut when its first 512 bytes have enough
/// function words, and goes to whatlang otherwise; German text always goes to whatlang.
#[divan::bench(args = ["en", "de"])]
fn stage_language_detection(bencher: Bencher, lang: &str) {
    let prose = match lang {
        "en" => stage_prose(),
        _ => vec![
            markup::extract(
                &document_of(&[language_draft("de", "specific")], STAGE_BYTES),
                Format::Markdown,
            )
            .text,
        ],
    };
    let words: Vec<Vec<&str>> = prose
        .iter()
        .map(|p| {
            let mut spans = Vec::new();
            split_words(p, &mut spans);
            spans.iter().map(|w| &p[w.range()]).collect()
        })
        .collect();
    for w in &words {
        assert_eq!(detect(w.iter().copied()).map(|l| l.code), Some(lang));
    }
    bencher.counter(total_bytes(&prose)).bench_local(|| {
        for w in &words {
            black_box(detect(black_box(w).iter().copied()));
        }
    });
}

#[divan::bench]
fn stage_sentences(bencher: Bencher) {
    let en = Language::by_code("en")
        .and_then(|l| l.data())
        .expect("English data");
    let abbreviations = en.abbreviations();
    let inputs: Vec<_> = stage_inputs()
        .iter()
        .map(|doc| {
            let markup::Prose { text, breaks, .. } = markup::extract(doc, Format::Markdown);
            let lower = lowercase_in_place_offsets(&text);
            let mut words = Vec::new();
            split_words(&text, &mut words);
            (text, lower, words, breaks)
        })
        .collect();
    for (text, lower, words, breaks) in &inputs {
        let (sentences, paragraphs) = sentences::split(text, lower, words, breaks, abbreviations);
        assert!(sentences.len() > 50 && paragraphs.len() > 5);
    }
    let bytes: usize = inputs.iter().map(|i| i.0.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        for (text, lower, words, breaks) in &inputs {
            black_box(sentences::split(
                black_box(text),
                lower,
                words,
                breaks,
                abbreviations,
            ));
        }
    });
}

#[divan::bench]
fn stage_lexicon_matching(bencher: Bencher) {
    let docs = stage_inputs();
    let collapsed: Vec<_> = docs
        .iter()
        .map(|doc| Document::new(doc, Format::Markdown, Language::by_code("en")).collapsed)
        .collect();
    let en = Language::by_code("en")
        .and_then(|l| l.data())
        .expect("English data");
    let matcher = Matcher::new(lexicon::parse(en.lexicon).expect("English lexicon"));
    let mut hits = Vec::new();
    for c in &collapsed {
        hits.clear();
        matcher.find(c, &mut hits);
        assert!(hits.len() > 20, "{} hits", hits.len());
    }
    bencher.counter(total_bytes(&docs)).bench_local(|| {
        for c in &collapsed {
            hits.clear();
            matcher.find(black_box(c), &mut hits);
        }
    });
}

fn signal_codes() -> Vec<&'static str> {
    let mut codes = vec!["none"];
    codes.extend(workslop_core::signal_infos().map(|i| i.code));
    codes
}

/// The document stage, the scoring and one signal alone (`none`: no signal), language given.
/// What a signal costs is its line minus `none`; a signal alone also pays for the shared work
/// it reads (the lexicon's hits, the concrete details).
#[divan::bench(args = signal_codes())]
fn stage_one_signal(bencher: Bencher, code: &str) {
    let docs = stage_inputs();
    let scorer = Scorer::new(Config {
        disable: workslop_core::signal_infos()
            .map(|i| i.code.to_string())
            .filter(|c| c != code)
            .collect(),
        lang: Some("en".into()),
        // So that WS301 runs; the drafts name their brands.
        brand_terms: vec!["Tasklane".into()],
        ..Config::default()
    })
    .expect("config");
    for doc in &docs {
        let report = scorer.score(doc, Format::Markdown);
        let measured = report
            .signals
            .iter()
            .filter(|s| s.skipped.is_none())
            .count();
        assert_eq!(
            measured,
            usize::from(code != "none"),
            "{code}: {:?}",
            report.signals
        );
    }
    bencher
        .counter(total_bytes(&docs))
        .bench_local(|| score_all(&scorer, &docs));
}
