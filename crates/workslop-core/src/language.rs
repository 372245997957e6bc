//! Languages: the ones we recognise, detection, and the data each one ships with.

use crate::sentences::Abbreviations;

/// The code reported when the language could not be determined.
pub const UNDETERMINED: &str = "und";

/// How much of the prose is given to the detector.
const SAMPLE_BYTES: usize = 512;
/// Fewer letters than this and detection is not attempted.
const MIN_SAMPLE_LETTERS: usize = 20;
/// Below this whatlang confidence the language is reported as undetermined.
const MIN_CONFIDENCE: f64 = 0.3;

/// A language we can detect and report, with its ISO 639-1 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    pub code: &'static str,
    pub name: &'static str,
    detector: whatlang::Lang,
}

macro_rules! languages {
    ($($code:literal $name:literal $lang:ident),* $(,)?) => {
        /// Every language the detector may report, sorted by code.
        pub static LANGUAGES: &[Language] = &[
            $(Language { code: $code, name: $name, detector: whatlang::Lang::$lang },)*
        ];
    };
}

languages! {
    "cs" "Czech" Ces, "da" "Danish" Dan, "de" "German" Deu, "en" "English" Eng,
    "es" "Spanish" Spa, "fi" "Finnish" Fin, "fr" "French" Fra, "hu" "Hungarian" Hun,
    "id" "Indonesian" Ind, "it" "Italian" Ita, "ja" "Japanese" Jpn, "ko" "Korean" Kor,
    "nb" "Norwegian" Nob, "nl" "Dutch" Nld, "pl" "Polish" Pol, "pt" "Portuguese" Por,
    "ro" "Romanian" Ron, "ru" "Russian" Rus, "sv" "Swedish" Swe, "tr" "Turkish" Tur,
    "uk" "Ukrainian" Ukr, "zh" "Chinese" Cmn,
}

impl Language {
    pub fn by_code(code: &str) -> Option<&'static Language> {
        let code = code.to_ascii_lowercase();
        LANGUAGES.iter().find(|l| l.code == code)
    }

    /// The data shipped for this language, if any (lexicon, abbreviations, transitions).
    pub fn data(&self) -> Option<&'static LanguageData> {
        LANGUAGE_DATA.iter().find(|d| d.code == self.code)
    }

    /// Han and kana scripts make every character a word: rates are per character there.
    pub fn is_character_based(&self) -> bool {
        matches!(self.code, "zh" | "ja")
    }
}

/// Detects the language of a prose sample; `None` when unsure.
pub fn detect<'w>(words: impl Iterator<Item = &'w str>) -> Option<&'static Language> {
    let mut sample = String::with_capacity(SAMPLE_BYTES + 64);
    for word in words {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(word);
        sample.push(' ');
    }
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_SAMPLE_LETTERS {
        return None;
    }
    let detector = detector();
    let info = detector.detect(&sample)?;
    if info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    LANGUAGES.iter().find(|l| l.detector == info.lang())
}

fn detector() -> &'static whatlang::Detector {
    static DETECTOR: std::sync::OnceLock<whatlang::Detector> = std::sync::OnceLock::new();
    DETECTOR.get_or_init(|| {
        whatlang::Detector::with_allowlist(LANGUAGES.iter().map(|l| l.detector).collect())
    })
}

/// The data files of one language, embedded in the library.
#[derive(Debug)]
pub struct LanguageData {
    pub code: &'static str,
    /// `lexicon.tsv`: phrase, category, weight, suggestion.
    pub lexicon: &'static str,
    /// `abbreviations.txt`: abbreviations that do not end a sentence.
    pub abbreviations: &'static str,
    /// `transitions.txt`: stock sentence-opening transitions.
    pub transitions: &'static str,
}

impl LanguageData {
    pub fn abbreviations(&self) -> Abbreviations {
        Abbreviations::parse(self.abbreviations)
    }
}

macro_rules! language_data {
    ($($code:literal),* $(,)?) => {
        /// Every language that ships data files, sorted by code.
        pub static LANGUAGE_DATA: &[LanguageData] = &[
            $(LanguageData {
                code: $code,
                lexicon: include_str!(concat!("../data/", $code, "/lexicon.tsv")),
                abbreviations: include_str!(concat!("../data/", $code, "/abbreviations.txt")),
                transitions: include_str!(concat!("../data/", $code, "/transitions.txt")),
            },)*
        ];
    };
}

language_data!("de", "en", "es", "fr", "it", "pl", "pt", "zh");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        assert!(LANGUAGES.windows(2).all(|w| w[0].code < w[1].code));
        assert!(LANGUAGE_DATA.windows(2).all(|w| w[0].code < w[1].code));
        for data in LANGUAGE_DATA {
            assert!(
                Language::by_code(data.code).is_some(),
                "{} has data but no language",
                data.code
            );
        }
    }

    /// Minimum lexicon sizes promised per language.
    fn minimum_entries(code: &str) -> usize {
        match code {
            "en" => 500,
            "zh" => 150,
            _ => 250,
        }
    }

    #[test]
    fn shipped_data_is_canonical() {
        for data in LANGUAGE_DATA {
            let entries = crate::lexicon::parse(data.lexicon)
                .unwrap_or_else(|e| panic!("{}: {e}", data.code));
            assert!(
                entries.len() >= minimum_entries(data.code),
                "{}: {} entries",
                data.code,
                entries.len()
            );
            let raw: Vec<&str> = data
                .lexicon
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(|l| l.split('\t').next().unwrap_or(""))
                .collect();
            for pair in raw.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{}: `{}` then `{}`: not sorted or duplicated",
                    data.code,
                    pair[0],
                    pair[1]
                );
            }
            for (phrase, entry) in raw.iter().zip(&entries) {
                assert_eq!(
                    *phrase,
                    phrase.to_lowercase(),
                    "{}: not lowercase",
                    data.code
                );
                assert!(
                    !phrase.contains("  ") && phrase.trim() == *phrase,
                    "{}: `{phrase}` spacing",
                    data.code
                );
                assert!(
                    !phrase.contains('’'),
                    "{}: `{phrase}` uses ’; write '",
                    data.code
                );
                let covered = entries.iter().any(|p| {
                    p.prefix
                        && p != entry
                        && entry.phrase.starts_with(&p.phrase)
                        && !entry.phrase[p.phrase.len()..].contains(' ')
                });
                assert!(
                    !covered,
                    "{}: `{phrase}` is covered by a prefix entry",
                    data.code
                );
            }
            let transitions: Vec<&str> = data.transitions.lines().collect();
            assert!(
                transitions.windows(2).all(|w| w[0] < w[1]) && !transitions.is_empty(),
                "{}: transitions not sorted/unique",
                data.code
            );
            let abbreviations: Vec<&str> = data.abbreviations.lines().collect();
            assert!(
                abbreviations.windows(2).all(|w| w[0] < w[1]),
                "{}: abbreviations not sorted/unique",
                data.code
            );
            assert!(
                abbreviations
                    .iter()
                    .all(|a| *a == a.to_lowercase() && a.ends_with('.')),
                "{}: abbreviations must be lowercase and end in '.'",
                data.code
            );
        }
    }

    #[test]
    fn detects_full_sentences_and_abstains_on_scraps() {
        let en = "Our team ships a new release every two weeks and answers support tickets within a day.";
        assert_eq!(detect(en.split(' ')).map(|l| l.code), Some("en"));
        let de = "Unsere Bäckerei backt jeden Morgen frisches Brot aus regionalem Mehl und verkauft es ab sieben Uhr.";
        assert_eq!(detect(de.split(' ')).map(|l| l.code), Some("de"));
        assert_eq!(detect("ok fine".split(' ')), None);
        assert_eq!(
            detect("我们的面包每天早上新鲜出炉，欢迎光临本店品尝".split(' ')).map(|l| l.code),
            Some("zh")
        );
    }
}
