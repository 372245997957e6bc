//! WS411 article-density: "the" and "a" on every noun, at the rate of formal, generated prose.

use super::{Context, Measurement, Outcome, Signal, SignalInfo, ramp};

pub struct ArticleDensity;

static INFO: SignalInfo = SignalInfo {
    code: "WS411",
    name: "article-density",
    summary: "Articles on every noun: more \"the\" and \"a\" than people write",
    default_weight: 1.0,
    explanation: "\
## What it finds
The share of the words that are articles (\"the\", \"a\", \"an\"; \"der\", \"die\", \"ein\"...),
compared with the median of human writing in the language. Only the part above that median
counts. An article before a capitalised word belongs to a name or a defined term (\"the
Supplier\", \"the Eiffel Tower\") and is not counted, except in German, which capitalises every
noun. Short texts are smoothed toward the median, so three words cannot carry much weight. It
runs in English and German, where the measurement holds (in Spanish, French and Italian it
barely separated the texts), and reports no findings: there is nothing to fix in one article.

## Why it matters
Generated text writes every noun phrase in full: \"the platform\", \"a seamless experience\",
\"the needs of the modern team\". People writing copy, notes and reviews clip them: \"Free
shipping. Open late. Family-run since 1987.\" Measured on the development set, generated
texts use more articles than the human texts of each English source and of the German hotel
reviews, and the gap is widest against real company descriptions. It is a matter of register,
not proof: human encyclopedia articles and forum answers can be as dense, so it only adds
weight to the other tells.

## Example
> The platform gives the modern team a single place for the work that matters, with a clear
> view of the progress and the impact of every decision.

## Instead
Nothing to change for this signal alone: it only adds weight to the other tells. Copy that
names things and drops the filler (\"One board for orders, stock and invoices.\") passes.
",
};

/// A text is assumed to start with this many words at the human rate, so that a short text
/// is not judged on two articles.
const PRIOR_WORDS: f64 = 20.0;

impl Signal for ArticleDensity {
    fn info(&self) -> &'static SignalInfo {
        &INFO
    }

    fn measure(&self, cx: &Context<'_>, _findings: &mut super::Findings<'_>) -> Outcome {
        let Some(articles) = cx.language.map(|l| &l.articles).filter(|a| !a.is_empty()) else {
            return Outcome::Skipped("no article list for the language");
        };
        let Some(median) = crate::bands::of(cx.doc.lang_code()).articles_per_100 else {
            return Outcome::Skipped("no measured human rate for the language");
        };
        let words = cx.doc.words.len();
        if words == 0 {
            return Outcome::Skipped("no words");
        }
        // "the Supplier", "the Eiffel Tower": an article before a name belongs to the name,
        // where a capital marks a name.
        let shapes = &cx.doc.shapes;
        let names_are_capitalised = !cx.doc.language.is_some_and(|l| l.capitalises_nouns());
        let before_name =
            |i: usize| names_are_capitalised && shapes.get(i + 1).is_some_and(|s| s.starts_upper());
        let lower = cx.doc.lower.as_bytes();
        let count = (cx.doc.words.iter().enumerate())
            .filter(|&(i, w)| articles.contains(&lower[w.range()]) && !before_name(i))
            .count();
        let (count, words) = (count as f64, words as f64);
        let smoothed = 100.0 * (count + median / 100.0 * PRIOR_WORDS) / (words + PRIOR_WORDS);
        Outcome::Measured(Measurement {
            value: 100.0 * count / words,
            subscore: ((smoothed - median) / median).clamp(0.0, 1.0),
            confidence: ramp(words, 50.0),
            details: [("articles", count), ("words", words)].into(),
        })
    }
}

/// A language's articles (`data/<lang>/articles.txt`), lowercase.
#[derive(Debug)]
pub struct Articles {
    words: Vec<String>,
    longest: usize,
    /// The first bytes of the articles: most words are ruled out by their first byte.
    first_bytes: [bool; 256],
}

impl Articles {
    /// One article per line; `#` starts a comment line.
    pub fn parse(list: &str) -> Self {
        let words: Vec<String> = list
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        let longest = words.iter().map(String::len).max().unwrap_or(0);
        let mut first_bytes = [false; 256];
        for word in &words {
            first_bytes[usize::from(word.as_bytes()[0])] = true;
        }
        Articles {
            words,
            longest,
            first_bytes,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether a lowercase word is an article.
    pub fn contains(&self, word: &[u8]) -> bool {
        word.len() <= self.longest
            && word
                .first()
                .is_some_and(|&b| self.first_bytes[usize::from(b)])
            && self.words.iter().any(|a| a.as_bytes() == word)
    }
}

#[cfg(test)]
mod tests {
    use super::Articles;
    use crate::config::Config;
    use crate::signals::Outcome;
    use crate::signals::testing::{measure, measure_in, subscore};

    #[test]
    fn shipped_lists_are_sorted_lowercase_single_words() {
        for data in crate::language::LANGUAGE_DATA {
            let list: Vec<&str> = data
                .articles
                .lines()
                .filter(|l| !l.starts_with('#'))
                .collect();
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{}", data.code);
            for article in list {
                assert_eq!(article, article.trim().to_lowercase(), "{}", data.code);
                assert!(
                    !article.is_empty() && !article.contains(' '),
                    "{}",
                    data.code
                );
            }
        }
    }

    #[test]
    fn articles_are_whole_words() {
        let articles = Articles::parse("# comment\na\nan\nthe\n");
        assert!(articles.contains(b"the") && articles.contains(b"an"));
        assert!(!articles.contains(b"then") && !articles.contains(b"t") && !articles.contains(b""));
        assert!(Articles::parse("# none\n").is_empty());
    }

    #[test]
    fn full_noun_phrases_score_high_and_clipped_copy_low() {
        let full = "The platform gives the modern team a single place for the work that \
            matters, with a clear view of the progress and the impact of every decision. The \
            result is a calmer week for the whole company and a better experience for the \
            customer.";
        let clipped = "Free shipping on orders over $40. Open late Thursdays. Family-run since \
            1987, two shops in Leeds, repairs while you wait. Bikes, parts, servicing and \
            honest advice from people who ride every day.";
        let (full, clipped) = (
            subscore(&measure("WS411", full, Config::default()).0),
            subscore(&measure("WS411", clipped, Config::default()).0),
        );
        assert!(
            full > 0.5 && clipped == 0.0,
            "full {full}, clipped {clipped}"
        );
    }

    #[test]
    fn articles_before_names_and_defined_terms_do_not_count() {
        let text = "The Customer pays the Supplier within the term set by the Agreement.";
        let (outcome, _) = measure("WS411", text, Config::default());
        assert!(matches!(outcome, Outcome::Measured(ref m) if m.details["articles"] == 1.0));
        let german = "Der Kunde zahlt die Rechnung innerhalb der Frist.";
        let (outcome, _) = measure_in("WS411", "de", german);
        assert!(matches!(outcome, Outcome::Measured(ref m) if m.details["articles"] == 3.0));
    }

    #[test]
    fn short_texts_stay_near_the_median() {
        // Half the words are articles, which would saturate a long text.
        let (outcome, findings) = measure("WS411", "The plan.", Config::default());
        assert!(subscore(&outcome) < 0.5, "{outcome:?}");
        assert!(findings.is_empty());
    }

    #[test]
    fn runs_only_where_articles_and_a_median_exist() {
        let text = "Das Zimmer war sauber und die Lage ist gut.";
        let (outcome, _) = measure_in("WS411", "de", text);
        assert!(matches!(outcome, Outcome::Measured(ref m) if m.details["articles"] == 2.0));
        for lang in ["zh", "pl", "pt", "fr"] {
            let (outcome, _) = measure_in("WS411", lang, "Texto de prueba sin más.");
            assert!(
                matches!(outcome, Outcome::Skipped(_)),
                "{lang}: {outcome:?}"
            );
        }
    }
}
