//! Properties every input must keep: a score in [0, 100] or null, no NaN anywhere,
//! determinism, batch equal to sequential, no panic, spans inside the text.

use proptest::prelude::*;
use workslop_core::{Config, Format, InputError, Report, Scorer};

fn scorer() -> &'static Scorer {
    static SCORER: std::sync::OnceLock<Scorer> = std::sync::OnceLock::new();
    SCORER.get_or_init(|| {
        Scorer::new(Config {
            brand_terms: vec!["Acme".into()],
            ..Config::default()
        })
        .unwrap()
    })
}

fn check(text: &str, report: &Report) {
    if let Some(s) = report.score {
        assert!(s.is_finite() && (0.0..=100.0).contains(&s), "score {s}");
    }
    for s in &report.signals {
        for v in [s.value, s.subscore, s.weight, s.contribution, s.confidence] {
            assert!(v.is_finite(), "{}: {v}", s.code);
        }
        assert!((0.0..=1.0).contains(&s.subscore) && (0.0..=1.0).contains(&s.confidence));
        assert!(s.details.values().all(|v| v.is_finite()));
    }
    for f in &report.findings {
        assert!(f.span.start <= f.span.end && f.span.end as usize <= text.len());
        assert!(
            text.is_char_boundary(f.span.start as usize)
                && text.is_char_boundary(f.span.end as usize)
        );
        assert!(f.line >= 1 && f.column >= 1 && (f.end_line, f.end_column) >= (f.line, f.column));
    }
    // serde_json writes a non-finite float as null, which would not read back as a number.
    let json = serde_json::to_string(report).unwrap();
    assert_eq!(&serde_json::from_str::<Report>(&json).unwrap(), report);
}

fn prose_like() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "seamless",
        "Acme",
        "the",
        "team",
        "unlock",
        "full",
        "potential",
        "in",
        "today's",
        "world",
        "—",
        "Moreover,",
        "ships",
        "42",
        "€9.50",
        "e.g.",
        "Dr.",
        "日本",
        "😀",
        "**bold**",
        "`code`",
        "\n\n",
        "# ",
        "<!-- workslop-disable -->",
        "https://x.example",
        "z. B.",
        "İ",
        "ß",
        "\u{200d}",
        ".",
        "!",
        "?",
    ]);
    prop::collection::vec(words, 0..120).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_strings_never_panic_or_leak_nan(text in any::<String>(), format in 0usize..3) {
        let format = Format::ALL[format];
        let report = scorer().score(&text, format);
        check(&text, &report);
    }

    #[test]
    fn prose_like_texts_are_deterministic_and_in_range(text in prose_like(), format in 0usize..3) {
        let format = Format::ALL[format];
        let first = scorer().score(&text, format);
        check(&text, &first);
        prop_assert_eq!(&first, &scorer().score(&text, format));
    }

    #[test]
    fn batch_equals_sequential(texts in prop::collection::vec(prose_like(), 0..12)) {
        let sequential: Vec<Report> = texts.iter().map(|t| scorer().score(t, Format::Markdown)).collect();
        prop_assert_eq!(scorer().score_batch(&texts, Format::Markdown), sequential);
    }
}

#[test]
fn invalid_utf8_is_a_typed_error() {
    let err = scorer()
        .score_bytes(b"fine text \xff\xfe more", Format::Text)
        .unwrap_err();
    assert_eq!(err, InputError::NotUtf8 { valid_up_to: 10 });
    assert!(
        scorer()
            .score_bytes("ok 😀".as_bytes(), Format::Text)
            .is_ok()
    );
}

#[test]
fn a_50_mb_single_line_is_scored_in_linear_time() {
    let sentence =
        "Our seamless platform ships 42 features — unlock the full potential of your team today. ";
    let small: String = sentence.repeat(5_000_000 / sentence.len());
    let large: String = sentence.repeat(50_000_000 / sentence.len());
    assert!(!large.contains('\n') && large.len() >= 49_000_000);
    let time = |text: &str| {
        let start = std::time::Instant::now();
        let report = scorer().score(text, Format::Text);
        check(text, &report);
        assert!(report.score.is_some() && !report.findings.is_empty());
        start.elapsed().as_secs_f64()
    };
    let t_small = time(&small);
    let t_large = time(&large);
    // Ten times the input: linear is ~10x; quadratic would be ~100x. Generous for a shared machine.
    assert!(
        t_large < 30.0 * t_small.max(0.01),
        "5 MB: {t_small:.2}s, 50 MB: {t_large:.2}s"
    );
}
