//! WS408 trailing-participles: clauses tacked on with a comma and an -ing verb.

use super::{Context, Findings, Outcome, PerSentence, Signal, SignalInfo};
use crate::document::Document;
use crate::report::Severity;
use crate::span::Span;

pub struct TrailingParticiples;

static INFO: SignalInfo = SignalInfo {
    code: "WS408",
    name: "trailing-participles",
    summary: "Clauses tacked on after a comma with an -ing verb",
    default_weight: 1.0,
    explanation: "\
## What it finds
A present participle that opens a clause after a comma, semicolon or dash and runs on with
an object: \"…, highlighting the importance of trust\", \"…, making it easy to grow\". In
Spanish, Italian and Portuguese, the gerund in the same place (\"…, ofreciendo una
experiencia única\"). Lists of -ing nouns (\"printing, binding and shipping\") and fixed
phrases (\"including\", \"according to\", \"starting at\") do not count.

## Why it matters
Instruction-tuned models use these clauses several times as often as people do. Each one
bolts an unargued consequence onto a sentence (\"…, ensuring a seamless experience\"): it
sounds like a benefit and proves none.

## Example
> The app syncs every board, ensuring your team stays aligned and empowering everyone to do their best work.

## Instead
End the sentence. If the consequence is real, give it its own sentence and its evidence:
\"The app syncs every board. Changes show up for the whole team within a second.\"
",
};

/// How a participial clause looks in one language.
struct Pattern {
    lang: &'static str,
    /// Endings of the participle (English -ing, the Romance gerunds).
    endings: &'static [&'static str],
    /// Words with those endings that are not participles opening a clause, sorted.
    exceptions: &'static [&'static str],
    /// When given, the word after the participle must be one of these function words
    /// (sorted): English -ing words are often nouns ("web hosting services"), and a
    /// determiner, pronoun or preposition after one tells the verb.
    openers: Option<&'static [&'static str]>,
    /// Conjunctions: a participle followed by one is an item of a list.
    conjunctions: &'static [&'static str],
}

static PATTERNS: &[Pattern] = &[
    Pattern {
        lang: "en",
        endings: &["ing"],
        exceptions: &[
            "according",
            "anything",
            "barring",
            "bring",
            "building",
            "ceiling",
            "concerning",
            "during",
            "evening",
            "everything",
            "excluding",
            "following",
            "including",
            "king",
            "meeting",
            "morning",
            "nothing",
            "notwithstanding",
            "pending",
            "regarding",
            "ring",
            "sing",
            "something",
            "spring",
            "starting",
            "sting",
            "string",
            "swing",
            "thing",
            "wedding",
            "wing",
        ],
        openers: Some(&[
            "a",
            "about",
            "above",
            "across",
            "after",
            "against",
            "all",
            "along",
            "among",
            "an",
            "any",
            "around",
            "as",
            "at",
            "away",
            "back",
            "before",
            "behind",
            "below",
            "beneath",
            "beside",
            "between",
            "beyond",
            "both",
            "by",
            "countless",
            "down",
            "each",
            "even",
            "every",
            "everyone",
            "for",
            "from",
            "her",
            "him",
            "his",
            "how",
            "in",
            "into",
            "it",
            "its",
            "itself",
            "like",
            "many",
            "me",
            "more",
            "my",
            "near",
            "not",
            "of",
            "off",
            "on",
            "only",
            "onto",
            "our",
            "out",
            "over",
            "past",
            "some",
            "that",
            "the",
            "their",
            "them",
            "themselves",
            "these",
            "this",
            "those",
            "through",
            "to",
            "toward",
            "towards",
            "under",
            "until",
            "up",
            "upon",
            "us",
            "what",
            "where",
            "whether",
            "which",
            "who",
            "why",
            "with",
            "within",
            "without",
            "you",
            "your",
            "yourself",
        ]),
        conjunctions: &["and", "or"],
    },
    Pattern {
        lang: "es",
        endings: &["ando", "iendo", "yendo"],
        exceptions: &[
            "bando",
            "blando",
            "comando",
            "cuando",
            "estupendo",
            "horrendo",
            "mando",
            "tremendo",
        ],
        openers: None,
        conjunctions: &["o", "u", "y", "e"],
    },
    Pattern {
        lang: "it",
        endings: &["ando", "endo"],
        exceptions: &[
            "comando", "mando", "orrendo", "quando", "stupendo", "tremendo",
        ],
        openers: None,
        conjunctions: &["e", "ed", "o", "oppure"],
    },
    Pattern {
        lang: "pt",
        endings: &["ando", "endo", "indo"],
        exceptions: &[
            "comando",
            "estupendo",
            "lindo",
            "mando",
            "quando",
            "tremendo",
            "vindo",
        ],
        openers: None,
        conjunctions: &["e", "ou"],
    },
];

/// Careful copy reaches 0.03 participial clauses per sentence.
const RATE: PerSentence = PerSentence {
    baseline: 0.03,
    smoothing: 2.0,
    scale: 0.2,
};

impl Signal for TrailingParticiples {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, findings: &mut Findings<'_>) -> Outcome {
        let doc = cx.doc;
        let Some(pattern) = PATTERNS.iter().find(|p| p.lang == doc.lang_code()) else {
            return Outcome::Skipped("no participle pattern for this language");
        };
        let mut count = 0usize;
        for sentence in &doc.sentences {
            let words = sentence.words.start as usize..sentence.words.end as usize;
            for k in words.start + 1..words.end.saturating_sub(1) {
                if !opens_clause(doc, pattern, k) {
                    continue;
                }
                let span = Span::new(doc.words[k].start as usize, doc.words[k + 1].end as usize);
                if findings.push(
                    span,
                    Severity::Info,
                    format!("Clause tacked on with \"{}\"", doc.word(k)),
                    Some(
                        "end the sentence; give the consequence its own sentence and its evidence"
                            .into(),
                    ),
                ) {
                    count += 1;
                }
            }
        }
        RATE.measure(count, doc.sentences.len(), "clauses")
    }
}

/// Whether word `k` (not the first or last of its sentence) is a participle opening a clause.
fn opens_clause(doc: &Document<'_>, pattern: &Pattern, k: usize) -> bool {
    // Most words follow a plain space: a glance at the gap's bytes (a dash's first byte is
    // 0xE2) rules them out before any string is compared.
    let gap = &doc.prose.as_bytes()[doc.words[k - 1].end as usize..doc.words[k].start as usize];
    if !gap.iter().any(|&b| matches!(b, b',' | b';' | 0xE2)) {
        return false;
    }
    let word = doc.word(k);
    let is_participle = |w: &str| {
        pattern
            .endings
            .iter()
            .any(|e| w.len() >= e.len() + 2 && w.ends_with(e))
    };
    if !is_participle(word) || pattern.exceptions.binary_search(&word).is_ok() {
        return false;
    }
    let before = doc.prose[doc.words[k - 1].end as usize..doc.words[k].start as usize].trim();
    let after = &doc.prose[doc.words[k].end as usize..doc.words[k + 1].start as usize];
    let next = doc.word(k + 1);
    matches!(before, "," | ";" | "—" | "–")
        && !after.is_empty()
        && after.trim().is_empty()
        // "printing, binding and shipping" is a list, not a clause.
        && !is_participle(doc.word(k - 1))
        && !pattern.conjunctions.contains(&next)
        && pattern
            .openers
            .is_none_or(|openers| openers.binary_search(&next).is_ok())
}

#[cfg(test)]
mod tests {
    use super::PATTERNS;
    use crate::config::Config;
    use crate::signals::Outcome;
    use crate::signals::testing::{flagged, measure, measure_in, subscore};

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for p in PATTERNS {
            assert!(p.exceptions.windows(2).all(|w| w[0] < w[1]), "{}", p.lang);
            if let Some(openers) = p.openers {
                assert!(openers.windows(2).all(|w| w[0] < w[1]), "{}", p.lang);
            }
        }
    }

    #[test]
    fn tacked_on_clauses_are_flagged() {
        let text = "The app syncs every board, ensuring your team stays aligned. \
                    Reports update live, making it easy to spot delays. We ship weekly.";
        let (outcome, findings) = measure("WS408", text, Config::default());
        assert_eq!(flagged(text, &findings), ["ensuring your", "making it"]);
        assert!(subscore(&outcome) > 0.6, "{outcome:?}");
    }

    #[test]
    fn lists_nouns_and_fixed_phrases_are_not_clauses() {
        let text = "We offer printing, binding and shipping. Our services include design, \
                    web hosting services and more, including the domain. Prices start at \
                    six euros, starting from the second month. The wedding, evening and \
                    morning sessions run in the old building, according to the plan.";
        let (outcome, findings) = measure("WS408", text, Config::default());
        assert!(findings.is_empty(), "{findings:?}");
        assert!(subscore(&outcome) < 0.05, "{outcome:?}");
    }

    #[test]
    fn romance_gerunds_count_and_other_languages_are_skipped() {
        let es = "Nuestra plataforma conecta equipos, ofreciendo una experiencia única. \
                  Cuando llueve, cerramos.";
        let (_, findings) = measure_in("WS408", "es", es);
        assert_eq!(flagged(es, &findings), ["ofreciendo una"]);
        let german = "Unsere Plattform verbindet Teams, wobei alles einfach bleibt.";
        let (outcome, _) = measure_in("WS408", "de", german);
        assert!(matches!(outcome, Outcome::Skipped(_)));
    }

    #[test]
    fn empty_text_has_no_nan() {
        let (outcome, findings) = measure("WS408", "", Config::default());
        assert!(findings.is_empty());
        assert_eq!(subscore(&outcome), 0.0);
    }
}
