//! Scores on the shared fixtures: the generic drafts above the specific ones, edge cases
//! handled, and the rendered reports pinned by snapshots.

use std::path::{Path, PathBuf};

use workslop_core::{Config, Format, Report, Scorer, Verdict};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn drafts(kind: &str) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(fixtures().join("drafts").join(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                read(p),
            )
        })
        .collect()
}

fn score(scorer: &Scorer, text: &str) -> f64 {
    scorer
        .score(text, Format::Markdown)
        .score
        .expect("drafts are long enough to score")
}

#[test]
fn every_generic_draft_scores_above_every_specific_draft() {
    let scorer = Scorer::new(Config::default()).unwrap();
    let generic: Vec<(String, f64)> = drafts("generic")
        .into_iter()
        .map(|(n, t)| (n, score(&scorer, &t)))
        .collect();
    let specific: Vec<(String, f64)> = drafts("specific")
        .into_iter()
        .map(|(n, t)| (n, score(&scorer, &t)))
        .collect();
    assert_eq!(generic.len(), 12);
    assert_eq!(specific.len(), 12);
    let lowest_generic = generic.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
    let highest_specific = specific.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
    assert!(
        lowest_generic.1 > highest_specific.1,
        "generic {lowest_generic:?} <= specific {highest_specific:?}\ngeneric: {generic:?}\nspecific: {specific:?}"
    );
    let fail = Config::default().thresholds.fail;
    for (name, s) in &specific {
        assert!(
            *s < fail,
            "specific draft {name} scored {s}, at or above fail ({fail})"
        );
    }
    for (name, s) in &generic {
        assert!(
            *s >= fail,
            "generic draft {name} scored {s}, below fail ({fail})"
        );
    }
}

#[test]
fn brand_terms_separate_the_pairs_further() {
    let brands: toml::Table =
        toml::from_str(&read(&fixtures().join("drafts/brands.toml"))).unwrap();
    let generic = drafts("generic");
    let specific = drafts("specific");
    for ((name, g), (_, s)) in generic.iter().zip(&specific) {
        let terms: Vec<String> = brands[name]["brand-terms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        let scorer = Scorer::new(Config {
            brand_terms: terms,
            ..Config::default()
        })
        .unwrap();
        let g = scorer.score(g, Format::Markdown);
        let s = scorer.score(s, Format::Markdown);
        let mentions = |r: &Report| r.signal("missing-brand-terms").unwrap().details["mentions"];
        assert!(
            mentions(&s) >= 2.0,
            "{name}: specific draft mentions its brand {} times",
            mentions(&s)
        );
        assert!(g.score > s.score, "{name}");
    }
}

#[test]
fn edge_cases_never_fail_on_their_own_and_never_panic() {
    let scorer = Scorer::new(Config::default()).unwrap();
    for entry in std::fs::read_dir(fixtures().join("edge")).unwrap() {
        let path = entry.unwrap().path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let Some(format) = Format::from_extension(ext) else {
            continue;
        };
        let report = scorer.score(&read(&path), format);
        if let Some(s) = report.score {
            assert!((0.0..=100.0).contains(&s), "{}: {s}", path.display());
        }
        for f in &report.findings {
            assert!(f.span.start <= f.span.end && (f.span.end as usize) <= read(&path).len());
        }
    }
    for name in ["empty.txt", "whitespace.txt", "one-word.txt"] {
        let report = scorer.score(&read(&fixtures().join("edge").join(name)), Format::Text);
        assert_eq!(report.verdict, Verdict::TooShort, "{name}");
        assert_eq!(report.score, None);
    }
    for name in [
        "careful-human.md",
        "legal-clauses.md",
        "changelog.md",
        "german-nouns.md",
        "long-line.txt",
    ] {
        let path = fixtures().join("edge").join(name);
        let format = Format::from_extension(path.extension().unwrap().to_str().unwrap()).unwrap();
        let report = scorer.score(&read(&path), format);
        assert_ne!(report.verdict, Verdict::Fail, "{name}: {:?}", report.score);
    }
}

#[test]
fn markdown_clichés_are_found_in_prose_only() {
    let scorer = Scorer::new(Config {
        lang: Some("en".into()),
        ..Config::default()
    })
    .unwrap();
    let text = read(&fixtures().join("edge/markdown-code-links.md"));
    let expected: Vec<String> = read(&fixtures().join("edge/markdown-code-links.expected.txt"))
        .lines()
        .map(str::to_string)
        .collect();
    let report = scorer.score(&text, Format::Markdown);
    let found: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.code == "WS101")
        .map(|f| {
            text[f.span.start as usize..f.span.end as usize]
                .to_lowercase()
                .replace('’', "'")
        })
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn reports_are_pinned_by_snapshots() {
    let scorer = Scorer::new(Config::default()).unwrap();
    for (dir, name) in [
        ("drafts/generic", "coffee-roaster.md"),
        ("drafts/specific", "coffee-roaster.md"),
        ("edge", "emoji.md"),
        ("edge", "cjk.md"),
        ("edge", "html-page.html"),
    ] {
        let path = fixtures().join(dir).join(name);
        let format = Format::from_extension(path.extension().unwrap().to_str().unwrap()).unwrap();
        let report = scorer.score(&read(&path), format);
        insta::assert_json_snapshot!(format!("{}-{}", dir.replace('/', "-"), name), report);
    }
}

#[test]
fn every_supported_language_orders_its_generic_and_specific_drafts() {
    let scorer = Scorer::new(Config::default()).unwrap();
    let fail = Config::default().thresholds.fail;
    for lang in ["de", "es", "fr", "it", "pl", "pt", "zh"] {
        let dir = fixtures().join("languages").join(lang);
        let generic = scorer.score(&read(&dir.join("generic.md")), Format::Markdown);
        let specific = scorer.score(&read(&dir.join("specific.md")), Format::Markdown);
        assert_eq!(
            (generic.lang.as_str(), specific.lang.as_str()),
            (lang, lang),
            "detected language"
        );
        let (g, s) = (generic.score.unwrap(), specific.score.unwrap());
        assert!(g > s, "{lang}: generic {g} <= specific {s}");
        assert!(
            g >= fail && s < fail,
            "{lang}: generic {g}, specific {s}, fail at {fail}"
        );
        let lexicon = generic.signal("stock-phrases").unwrap();
        assert!(
            lexicon.skipped.is_none() && lexicon.subscore > 0.5,
            "{lang}: the lexicon finds the stock phrases"
        );
    }
}
