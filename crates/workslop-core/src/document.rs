//! The Document: everything the signals read, built once per input.

use crate::collapsed::Collapsed;
use crate::intern::intern;
use crate::language::{self, Language, LanguageData};
use crate::list_items;
use crate::lowercase::lowercase_in_place_offsets;
use crate::markup::{self, Format};
use crate::sentences::{self, Abbreviations, Paragraph, Sentence};
use crate::shape::Shape;
use crate::span::Span;
use crate::words::split_words;

/// A source text read as prose. All spans are byte ranges into `source`.
#[derive(Debug)]
pub struct Document<'a> {
    pub source: &'a str,
    pub format: Format,
    /// The source with non-prose bytes blanked (same length).
    pub prose: String,
    /// `prose` lowercased (same length).
    pub lower: String,
    /// `lower` with white space runs collapsed, for phrase matching.
    pub collapsed: Collapsed,
    pub words: Vec<Span>,
    /// The letter case of each word as written.
    pub shapes: Vec<Shape>,
    /// An interned id per word (equal ids, equal lowercase words), for n-grams and entropy.
    pub word_ids: Vec<u32>,
    /// How many distinct words.
    pub vocabulary: usize,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    /// The language, or `None` when undetermined.
    pub language: Option<&'static Language>,
    /// URLs and e-mail addresses removed from the prose.
    pub links: usize,
}

impl<'a> Document<'a> {
    /// Reads `source`; `language` forces the language, otherwise it is detected.
    pub fn new(source: &'a str, format: Format, language: Option<&'static Language>) -> Self {
        Document::build(source, format, language, false)
    }

    /// The same, building the layers that need only the words (sentences, ids, shapes and the
    /// collapsed copy) on the pool's threads at once when `parallel`: half the document stage
    /// of a large text.
    pub(crate) fn build(
        source: &'a str,
        format: Format,
        language: Option<&'static Language>,
        parallel: bool,
    ) -> Self {
        let markup::Prose {
            text: prose,
            breaks,
            links,
            list_items,
        } = markup::extract(source, format);
        let (lower, words) = join(
            parallel,
            || lowercase_in_place_offsets(&prose),
            || words_of(&prose, parallel),
        );
        let language =
            language.or_else(|| language::detect(words.iter().map(|w| &prose[w.range()])));
        let no_abbreviations = Abbreviations::default();
        let abbreviations = language
            .and_then(|l| l.data())
            .map_or(&no_abbreviations, |d| d.abbreviations());
        let ((sentences, paragraphs), ((word_ids, vocabulary), (shapes, collapsed))) = join(
            parallel,
            || {
                let (mut sentences, paragraphs) =
                    sentences::split(&prose, &lower, &words, &breaks, abbreviations);
                list_items::mark(&list_items, &mut sentences);
                (sentences, paragraphs)
            },
            || {
                join(
                    parallel,
                    || intern(&lower, &words),
                    || (Shape::of_words(&prose, &words), Collapsed::new(&lower)),
                )
            },
        );
        Document {
            source,
            format,
            prose,
            lower,
            collapsed,
            words,
            shapes,
            word_ids,
            vocabulary,
            sentences,
            paragraphs,
            language,
            links,
        }
    }

    /// The lowercase text of word `i`.
    pub fn word(&self, i: usize) -> &str {
        &self.lower[self.words[i].range()]
    }

    /// The language's code, or `und`.
    pub fn lang_code(&self) -> &'static str {
        self.language.map_or(language::UNDETERMINED, |l| l.code)
    }

    /// The shipped data of the document's language, if it has any.
    pub fn language_data(&self) -> Option<&'static LanguageData> {
        self.language.and_then(|l| l.data())
    }

    /// Length in the unit rates are measured in: words, or characters for Han and kana text.
    pub fn length_units(&self) -> usize {
        self.words.len()
    }
}

/// The words of `prose`. When `parallel`, its halves, cut at a white-space byte (no word
/// crosses one), are split at once.
fn words_of(prose: &str, parallel: bool) -> Vec<Span> {
    // Prose averages about six bytes a word: one allocation instead of a dozen growths.
    let split = |text: &str, bytes: usize| {
        let mut words = Vec::with_capacity(bytes / 5);
        split_words(text, &mut words);
        words
    };
    let middle = prose.len() / 2;
    let cut = parallel
        .then(|| {
            prose.as_bytes()[middle..]
                .iter()
                .position(u8::is_ascii_whitespace)
        })
        .flatten();
    let Some(cut) = cut.map(|i| middle + i) else {
        return split(prose, prose.len());
    };
    // The first half's vector has room for the second's words, appended to it.
    let (mut words, second) = rayon::join(
        || split(&prose[..cut], prose.len()),
        || split(&prose[cut..], prose.len() - cut),
    );
    words.extend(
        second
            .into_iter()
            .map(|w| Span::new(w.start as usize + cut, w.end as usize + cut)),
    );
    words
}

/// Both results, from the pool's threads at once when `parallel`.
fn join<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_every_layer_with_source_offsets() {
        let src = "# Title\n\nThe Plan. The plan `code` works.\n";
        let doc = Document::new(src, Format::Markdown, Language::by_code("en"));
        assert_eq!(doc.words.len(), 6);
        assert_eq!(doc.word(1), "the");
        assert_eq!(doc.word_ids[1], doc.word_ids[3]);
        assert_eq!(doc.word_ids[2], doc.word_ids[4]);
        assert_eq!(doc.vocabulary, 4);
        let sentences: Vec<_> = doc.sentences.iter().map(|s| &src[s.span.range()]).collect();
        assert_eq!(sentences, ["Title", "The Plan.", "The plan `code` works."]);
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.lang_code(), "en");
    }

    #[test]
    fn empty_and_blank_inputs_have_no_words() {
        for src in ["", "   \n\t\n", "```\ncode only\n```"] {
            let doc = Document::new(src, Format::Markdown, None);
            assert!(doc.words.is_empty() && doc.sentences.is_empty());
            assert_eq!(doc.lang_code(), "und");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_split_in_halves_are_the_words_split_whole(
            text in "[a-zé中'\\- \n]{0,60}",
        ) {
            proptest::prop_assert_eq!(words_of(&text, true), words_of(&text, false));
        }
    }
}
