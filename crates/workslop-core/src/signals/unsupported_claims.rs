//! WS303 unsupported-claims: hype claims with no number, name or source in their sentence.

use std::cmp::Reverse;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;
use rustc_hash::FxHashSet;

use super::lazy_regex::LazyRegex;
use super::specificity::{Detail, Kind, ascii_regex, overlaps};
use super::{
    Context, Findings, Job, Measurement, Outcome, Signal, SignalInfo, job, ramp, saturate,
};
use crate::document::Document;
use crate::lexicon::{Category, Matcher};
use crate::report::Severity;
use crate::sentences::Sentence;
use crate::span::Span;

pub struct UnsupportedClaims;

static INFO: SignalInfo = SignalInfo {
    code: "WS303",
    name: "unsupported-claims",
    summary: "Hype claims with no number, name or source in the same sentence",
    default_weight: 1.5,
    explanation: "\
## What it finds
Claims such as \"world-class\", \"industry-leading\" or \"unparalleled\" (the hype entries of the
language's lexicon) and, in English, superlatives such as \"the fastest\", \"the most advanced\",
\"cutting-edge\" or \"#1\", in a sentence that gives nothing to back them: no number, no name
(a capitalised word inside the sentence, a mixed-case name, an acronym), no source (\"according
to\", \"rated\", \"award\", \"survey\") and no link. The brand's own name is not evidence.

The value is unsupported claims per 100 words; short texts are smoothed so that one claim in a
tagline does not max it out. Stock phrases (WS101) flags the same words for being stock; this
signal asks whether the copy backs them up.

## Why it matters
A claim with nothing behind it asks the reader to take the writer's word, and readers have
learnt not to. Generated copy is full of them because superlatives cost nothing to produce.

## Example
> Our world-class team delivers industry-leading results.

## Instead
Back the claim in the same sentence, or let the evidence replace it:
> Rated 4.8/5 by 2,300 customers on Trustpilot, our support team answers in 4 minutes.
",
};

/// Pseudo-words added to the length, so that short texts need more evidence.
const SMOOTHING_WORDS: f64 = 40.0;
/// Unsupported claims per 100 words at which the sub-score reaches 1 - 1/e.
const RATE_SCALE: f64 = 1.5;
const SUGGESTION: &str = "back it with a figure, a customer, an award or a source";

/// English superlatives and rank claims, matched in the lowercase, white-space-collapsed
/// prose. The words before a superlative are joined by one space, so that every match starts
/// at most `SUPERLATIVE_LOOKBACK` bytes before one of `SUPERLATIVE_TRIGGERS`.
const SUPERLATIVES: &str = concat!(
    r"\b(?:leading|premier)\s+(?:provider|supplier|platform|company|brand",
    r"|manufacturer|expert|developer|solution|agency|partner)s?\b",
    r"|\bthe (?:world['’]s |industry['’]s )?(?:most\s+(?:advanced|powerful|innovative",
    r"|trusted|reliable|secure|comprehensive|complete|intuitive|efficient|effective|affordable",
    r"|popular|flexible|robust|accurate|sophisticated|versatile|scalable|beautiful|luxurious",
    r"|exclusive|experienced|respected|loved)",
    r"|best(?:[\s-]+in[\s-]+class|[\s-]+of[\s-]+breed)?|fastest|leading|largest|biggest",
    r"|greatest|smartest|easiest|simplest|safest|strongest|finest|cheapest",
    r"|highest[\s-]+quality)\b",
    r"|\bbest[\s-]+in[\s-]+class\b|\bbest[\s-]+of[\s-]+breed\b|\bcutting[\s-]+edge\b",
    r"|\bstate[\s-]+of[\s-]+the[\s-]+art\b|\b(?:market|world|industry)[\s-]+leading\b",
    r"|\btop[\s-]+(?:rated|tier)\b|\bnumber\s+one\b",
);

/// A word every match of `SUPERLATIVES` holds: "the" alone is too common to search from.
const SUPERLATIVE_TRIGGERS: &[&str] = &[
    "leading",
    "premier",
    "most",
    "best",
    "fastest",
    "largest",
    "biggest",
    "greatest",
    "smartest",
    "easiest",
    "simplest",
    "safest",
    "strongest",
    "finest",
    "cheapest",
    "highest",
    "cutting",
    "state",
    "market",
    "world",
    "industry",
    "top",
    "number",
];
/// "the industry’s " before the trigger.
const SUPERLATIVE_LOOKBACK: usize = 17;

static SUPERLATIVES_REGEX: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::triggered_by(SUPERLATIVES, SUPERLATIVE_TRIGGERS, SUPERLATIVE_LOOKBACK)
});

/// Rank claims that start no word or are too common to search for by their first word.
static RANK_SIGNS: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"#1\b|\bno\.\s?1\b"));

/// Words after "the best" that make it an idiom rather than a claim ("the best way to...").
const IDIOMS_AFTER_BEST: &[&str] = &[
    "bet",
    "part",
    "practice",
    "practices",
    "thing",
    "things",
    "time",
    "way",
    "ways",
];

/// Words that cite a source or a third party's judgement, in the shipped languages.
const SOURCE_WORDS: &[&str] = &[
    "according",
    "accredited",
    "audited",
    "award",
    "awarded",
    "awards",
    "benchmark",
    "benchmarked",
    "benchmarks",
    "certified",
    "independently",
    "ranked",
    "rated",
    "report",
    "reports",
    "reviewed",
    "reviews",
    "source",
    "sources",
    "studies",
    "study",
    "survey",
    "surveyed",
    "winner", // en
    "auszeichnung",
    "gemäß",
    "laut",
    "quelle",
    "studie",
    "testsieger",
    "umfrage",
    "zertifiziert", // de
    "certifié",
    "certifiée",
    "d'après",
    "d’après",
    "enquête",
    "primé",
    "primée",
    "selon",
    "étude", // fr
    "certificada",
    "certificado",
    "encuesta",
    "estudio",
    "estudo",
    "fonte",
    "fuente",
    "galardonado",
    "pesquisa",
    "premiada",
    "premiado",
    "premiato",
    "secondo",
    "según",
    "sondaggio", // es, it, pt
];

/// `SOURCE_WORDS` for lookups: every word of every claim's sentence is looked up.
static SOURCE_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| SOURCE_WORDS.iter().copied().collect());

/// Compiles what English claims are searched with; other languages have only their lexicon.
pub(super) fn preparations(lang: &str) -> Vec<Job<'static>> {
    if lang != "en" {
        return Vec::new();
    }
    vec![
        job(|| SUPERLATIVES_REGEX.prepare()),
        job(|| {
            LazyLock::force(&RANK_SIGNS);
            LazyLock::force(&SOURCE_SET);
        }),
    ]
}

impl Signal for UnsupportedClaims {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        let Some(language) = cx.language else {
            return Outcome::Skipped("no lexicon for this language");
        };
        let doc = cx.doc;
        let claims = find_claims(cx, &language.lexicon);
        let details: &[Detail] = if claims.is_empty() { &[] } else { cx.details() };
        let (mut unsupported, mut supported) = (0usize, 0usize);
        for &claim in &claims {
            if is_backed(doc, details, &claims, claim) {
                supported += 1;
                continue;
            }
            if findings.push(
                claim,
                Severity::Warning,
                super::quoting(
                    "Claim \"",
                    &doc.source[claim.range()],
                    "\" with no number, name or source in its sentence",
                ),
                Some(SUGGESTION.into()),
            ) {
                unsupported += 1;
            }
        }
        let n = doc.length_units() as f64;
        let count = unsupported as f64;
        Outcome::Measured(Measurement {
            value: if n > 0.0 { 100.0 * count / n } else { 0.0 },
            subscore: saturate(100.0 * count / (n + SMOOTHING_WORDS), RATE_SCALE),
            confidence: ramp(n, 40.0),
            details: [("claims", count), ("supported", supported as f64)].into(),
        })
    }
}

/// Spans of the hype phrases and (in English) superlatives, sorted, without overlaps.
fn find_claims(cx: &Context<'_>, lexicon: &Matcher) -> Vec<Span> {
    let doc = cx.doc;
    let mut claims: Vec<Span> = cx
        .lexicon_hits()
        .iter()
        .filter(|&&hit| {
            let entry = lexicon.entry(hit);
            entry.category == Category::Hype
                && !cx.allowed.contains(&entry.phrase)
                && !is_allowed(cx, hit.span)
        })
        .map(|hit| hit.span)
        .collect();
    if doc.lang_code() == "en" {
        let collapsed = &doc.collapsed;
        let text = collapsed.text.as_str();
        let superlatives = SUPERLATIVES_REGEX
            .find_iter(text)
            .into_iter()
            .filter(|m| !is_idiom(&text[m.clone()], &text[m.end..]))
            .chain(RANK_SIGNS.find_iter(text).map(|m| m.range()))
            .map(|m| Span::new(collapsed.to_source(m.start), collapsed.to_source(m.end)));
        claims.extend(superlatives.filter(|&span| !is_allowed(cx, span)));
    }
    claims.sort_by_key(|span| (span.start, Reverse(span.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(claims.len());
    for span in claims {
        if kept.last().is_none_or(|last| span.start >= last.end) {
            kept.push(span);
        }
    }
    kept
}

/// "The best" followed by a word that makes it an idiom, not a claim ("the best way to").
fn is_idiom(matched: &str, rest: &str) -> bool {
    if !matched.ends_with("best") {
        return false;
    }
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    IDIOMS_AFTER_BEST.contains(&next)
}

/// Whether the project allows the matched text.
fn is_allowed(cx: &Context<'_>, span: Span) -> bool {
    !cx.allowed.is_empty()
        && cx
            .allowed
            .contains(&super::squash(&cx.doc.lower[span.range()]))
}

/// Whether the claim's sentence gives a detail, cites a source or links one. Words of any
/// claim (`claims`, sorted) are not evidence, for themselves or for another claim.
fn is_backed(doc: &Document<'_>, details: &[Detail], claims: &[Span], claim: Span) -> bool {
    let index = doc.sentences.partition_point(|s| s.span.end <= claim.start);
    let Some(sentence) = doc.sentences.get(index) else {
        return false;
    };
    // A link is blanked from the prose, so it is looked for in the source up to the next
    // sentence, where a link that ends the sentence stands.
    let stretch_end = doc
        .sentences
        .get(index + 1)
        .map_or(doc.source.len(), |next| next.span.start as usize);
    has_detail(details, sentence.span, claims)
        || cites_source(doc, sentence, claims)
        || doc
            .source
            .get(sentence.span.start as usize..stretch_end)
            .is_some_and(has_link)
}

/// A detail other than the brand's own name inside the sentence and outside the claims.
fn has_detail(details: &[Detail], sentence: Span, claims: &[Span]) -> bool {
    let first = details.partition_point(|d| d.span.start < sentence.start);
    details[first..]
        .iter()
        .take_while(|d| d.span.start < sentence.end)
        .any(|d| d.kind != Kind::Brand && !overlaps(claims, d.span))
}

fn cites_source(doc: &Document<'_>, sentence: &Sentence, claims: &[Span]) -> bool {
    (sentence.words.start as usize..sentence.words.end as usize)
        .any(|k| SOURCE_SET.contains(doc.word(k)) && !overlaps(claims, doc.words[k]))
}

fn has_link(text: &str) -> bool {
    // Most sentences hold none of the three marks: one search each over the whole text is
    // cheaper than two substring searches per word.
    static SCHEME: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("://"));
    static WWW: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("www."));
    let bytes = text.as_bytes();
    let may_have_link = memchr::memchr(b'@', bytes).is_some()
        || SCHEME.find(bytes).is_some()
        || WWW.find(bytes).is_some();
    may_have_link
        && text.split_whitespace().any(|token| {
            token.contains("://")
                || token.contains("www.")
                || token.split_once('@').is_some_and(|(user, domain)| {
                    !user.is_empty()
                        && domain
                            .trim_end_matches(|c: char| c.is_ascii_punctuation())
                            .contains('.')
                })
        })
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::markup::Format;
    use crate::report::Severity;
    use crate::scorer::Scorer;
    use crate::signals::Outcome;
    use crate::signals::testing::{flagged, measure, subscore};

    fn details(outcome: &Outcome) -> (f64, f64) {
        match outcome {
            Outcome::Measured(m) => (m.details["claims"], m.details["supported"]),
            Outcome::Skipped(why) => panic!("skipped: {why}"),
        }
    }

    #[test]
    fn bare_claims_are_flagged_with_a_suggestion() {
        let text = "Our world-class team delivers industry-leading results.";
        let (outcome, findings) = measure("WS303", text, Config::default());
        assert_eq!(
            flagged(text, &findings),
            ["world-class", "industry-leading"]
        );
        assert!(findings.iter().all(|f| f.severity == Severity::Warning));
        assert_eq!(
            findings[0].message,
            "Claim \"world-class\" with no number, name or source in its sentence"
        );
        assert!(findings[0].suggestion.is_some());
        assert!(subscore(&outcome) > 0.8, "{outcome:?}");
        assert_eq!(details(&outcome), (2.0, 0.0));
    }

    #[test]
    fn figures_names_and_sources_in_the_sentence_back_a_claim() {
        for text in [
            "Rated 4.8/5 by 2,300 customers on Trustpilot, our world-class support answers in 4 minutes.",
            "Our world-class chefs trained at Noma in Copenhagen.",
            "According to an independent survey, our support is world-class.",
            "Our world-class support, see https://example.com/awards for details.",
        ] {
            let (outcome, findings) = measure("WS303", text, Config::default());
            assert!(findings.is_empty(), "{text}: {findings:?}");
            assert_eq!(details(&outcome), (0.0, 1.0), "{text}");
            assert_eq!(subscore(&outcome), 0.0);
        }
    }

    #[test]
    fn evidence_in_another_sentence_does_not_count() {
        let text = "Our support is world-class. We answer 2,000 tickets a day.";
        let (_, findings) = measure("WS303", text, Config::default());
        assert_eq!(flagged(text, &findings), ["world-class"]);
    }

    #[test]
    fn english_superlatives_and_ranks_are_claims_but_idioms_are_not() {
        let text = "We build the most advanced scheduling tool for small clinics. It is the #1 \
                    choice for dentists. The best way to reach us is by phone.";
        let (_, findings) = measure("WS303", text, Config::default());
        assert_eq!(flagged(text, &findings), ["the most advanced", "#1"]);
    }

    #[test]
    fn superlatives_are_found_across_line_breaks_and_after_the_word_they_start_with() {
        let text =
            "Meet the world’s\n   fastest planner. It is the\nnumber   one app, and #1 again.";
        let (_, findings) = measure("WS303", text, Config::default());
        assert_eq!(
            flagged(text, &findings),
            ["the world’s\n   fastest", "number   one", "#1"]
        );
        let ranks: Vec<_> = super::RANK_SIGNS
            .find_iter("#1st, #1, no. 1, no.12 and piano. 1")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(ranks, ["#1", "no. 1"]);
    }

    #[test]
    fn brand_names_and_claim_words_are_not_evidence() {
        let config = Config {
            brand_terms: vec!["Tasklane".into()],
            ..Config::default()
        };
        let text = "Our team loves Tasklane's award-winning, World-Class support.";
        let (_, findings) = measure("WS303", text, config);
        assert_eq!(flagged(text, &findings), ["award-winning", "World-Class"]);
    }

    #[test]
    fn allowed_phrases_are_not_claims() {
        let config = Config {
            allowed_phrases: vec!["World-Class".into()],
            ..Config::default()
        };
        let (outcome, findings) = measure("WS303", "Our world-class team.", config);
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(details(&outcome), (0.0, 0.0));
    }

    #[test]
    fn without_a_lexicon_it_does_not_run_and_empty_text_has_no_nan() {
        let dutch = Scorer::new(Config {
            lang: Some("nl".into()),
            ..Config::default()
        })
        .unwrap();
        let (outcome, _) = dutch.measure_one("WS303", "Wij zijn de beste.", Format::Markdown);
        assert!(matches!(outcome, Outcome::Skipped(_)));
        for text in ["", "  \n", "#1"] {
            let (outcome, _) = measure("WS303", text, Config::default());
            let Outcome::Measured(m) = outcome else {
                panic!("{text:?} skipped")
            };
            assert!(m.value.is_finite() && m.subscore.is_finite() && m.confidence.is_finite());
        }
    }
}
