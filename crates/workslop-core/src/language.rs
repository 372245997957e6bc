//! Languages: the ones we recognise, detection, and the data each one ships with.

use std::sync::LazyLock;

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

    /// German writes every noun with a capital, so there a capital does not mark a name.
    pub fn capitalises_nouns(&self) -> bool {
        self.code == "de"
    }
}

/// Function words that are frequent in English and are not common words in the other
/// detectable languages ("of", "is", "to", "for", "an", "by" are left out for that reason).
const ENGLISH_MARKERS: &[&str] = &[
    "and", "are", "be", "been", "can", "from", "has", "have", "it", "its", "our", "that", "the",
    "their", "they", "this", "were", "what", "which", "with", "you", "your",
];
/// Frequent English function words that do not mark English alone: most are also words in
/// another detectable language ("a" in Spanish, "in" in German, "is" and "of" in Dutch).
const SHARED_MARKERS: &[&str] = &[
    "a", "all", "an", "as", "at", "by", "for", "in", "is", "more", "not", "of", "on", "or", "to",
    "us", "we",
];
/// Frequent function words of the other Latin-script languages that are not English words
/// and do not mark one language (see [`LANGUAGE_MARKERS`] for those), in ASCII (a word with a
/// letter outside ASCII already rules the shared markers out).
const FOREIGN_MARKERS: &[&str] = &[
    "de", "en", "e", "o", "te", // several
    "das", "dem", "den", "der", "die", "mit", // de
    "au", "ce", "des", "du", "la", "le", "les", "qui", // fr
    "con", "del", "el", "es", "para", "por", "que", "su", "sus", // es
    "di", "il", "non", "per", "una", // it
    "da", "dos", "mais", "os", "um", // pt
    "een", "het", "niet", "ook", "op", "van", "voor", "zijn", // nl
    "att", "det", "har", "inte", "jag", "och", "som", // sv
    "er", "ikke", "jeg", "og", "til", // da, nb
    "nie", // pl
    "bir", "bu", "ile", "ve", // tr
    "dan", "dengan", "ini", "tidak", "untuk", "yang", // id
    "cu", "este", "foarte", "pe", "sunt", // ro
    "ei", "ja", // fi
    "az", "egy", "hogy", "nem", // hu
    "je", "na", "se", // cs
];
/// Frequent function words of a language we ship data for that are not common words in any
/// other detectable language ("das" is also Portuguese, "il" French, "um" German, "jak" Czech,
/// "el" and "au" Romanian). For the English rule they are foreign markers.
const LANGUAGE_MARKERS: &[(&str, &[&str])] = &[
    (
        "de",
        &[
            "aber", "auch", "auf", "dass", "ein", "eine", "einem", "einen", "einer", "für", "gibt",
            "haben", "hatte", "ich", "ist", "kann", "nicht", "noch", "nur", "oder", "schon",
            "sehr", "sich", "sie", "sind", "und", "uns", "unser", "unsere", "vom", "wenn", "wir",
            "wird", "wurde", "zu", "zum", "zur", "über",
        ],
    ),
    (
        "es",
        &[
            "estaba", "están", "fue", "hay", "las", "los", "muy", "más", "nosotros", "pero",
            "también", "tiene", "y",
        ],
    ),
    (
        "fr",
        &[
            "aux", "avec", "avons", "ces", "cette", "dans", "elle", "est", "et", "leur", "leurs",
            "mon", "notre", "nous", "ont", "pas", "pour", "sommes", "sont", "sur", "tout", "très",
            "une", "votre", "vous", "était", "été", "être",
        ],
    ),
    (
        "it",
        &[
            "abbiamo", "alla", "anche", "che", "degli", "dei", "della", "delle", "ed", "essere",
            "gli", "hanno", "molto", "nel", "nella", "perché", "più", "questa", "questo", "sono",
            "stata", "stato", "è",
        ],
    ),
    (
        "pl",
        &[
            "bardzo", "być", "dla", "jego", "jest", "już", "która", "które", "który", "może",
            "można", "oraz", "przez", "się", "są", "tego", "tylko", "w", "że",
        ],
    ),
    (
        "pt",
        &[
            "ao", "com", "em", "foi", "isso", "muito", "não", "nós", "pela", "pelas", "pelo",
            "pelos", "seu", "sua", "são", "também", "uma", "você", "é",
        ],
    ),
];
/// A sample of at least `MARKER_SAMPLE_WORDS` words is English without asking the detector,
/// which costs more than the rest of the document stage on a short text, when this share of
/// its words are English markers; or, when it has English markers, no foreign marker and no
/// letter outside ASCII, when this larger share are English or shared markers. On dev the two
/// rules decide 15,039 of 21,983 texts (the first alone 12,956); benches/README.md has the
/// details.
const ENGLISH_MARKER_SHARE: f64 = 0.12;
const ENGLISH_OR_SHARED_SHARE: f64 = 0.15;
const MARKER_SAMPLE_WORDS: usize = 10;
/// A sample of Latin letters alone is in one of the [`LANGUAGE_MARKERS`] languages without
/// asking the detector when it holds at least this many of that language's markers, and they
/// outnumber those of every other language, English included, this many times over.
const LANGUAGE_MARKERS_NEEDED: usize = 3;
const LANGUAGE_MARKER_DOMINANCE: usize = 3;

/// Which of the marker lists a word is on.
#[derive(Clone, Copy)]
enum Marker {
    English,
    Shared,
    Foreign,
    /// A foreign marker of one language: its index in [`LANGUAGE_MARKERS`].
    Of(usize),
}

static MARKERS: LazyLock<rustc_hash::FxHashMap<&'static [u8], Marker>> = LazyLock::new(|| {
    let lists = [
        (ENGLISH_MARKERS, Marker::English),
        (SHARED_MARKERS, Marker::Shared),
        (FOREIGN_MARKERS, Marker::Foreign),
    ];
    let languages =
        (LANGUAGE_MARKERS.iter().enumerate()).map(|(i, &(_, list))| (list, Marker::Of(i)));
    (lists.into_iter().chain(languages))
        .flat_map(|(list, marker)| list.iter().map(move |&word| (word.as_bytes(), marker)))
        .collect()
});

/// The longest marker, in bytes.
const MARKER_BYTES: usize = 8;

fn marker(word: &str) -> Option<Marker> {
    let mut lower = [0u8; MARKER_BYTES];
    if word.len() > MARKER_BYTES {
        return None;
    }
    let len = if word.is_ascii() {
        lower[..word.len()].copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        word.len()
    } else {
        let mut len = 0;
        for c in word.chars().flat_map(char::to_lowercase) {
            let end = len + c.len_utf8();
            if end > MARKER_BYTES {
                return None;
            }
            c.encode_utf8(&mut lower[len..end]);
            len = end;
        }
        len
    };
    MARKERS.get(&lower[..len]).copied()
}

/// Whether `c` is a letter of a script other than Latin (Latin letters end at U+024F, but for
/// the Vietnamese block U+1E00-U+1EFF).
fn outside_latin(c: char) -> bool {
    c.is_alphabetic() && c > '\u{24f}' && !('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// Detects the language of a prose sample; `None` when unsure.
pub fn detect<'w>(words: impl Iterator<Item = &'w str>) -> Option<&'static Language> {
    let sample = Sample::of(words);
    // Too few letters to judge: the count stops at the last one needed.
    sample
        .text
        .chars()
        .filter(|c| c.is_alphabetic())
        .nth(MIN_SAMPLE_LETTERS - 1)?;
    if sample.is_english_by_markers() {
        return Language::by_code("en");
    }
    sample
        .language_by_markers()
        .or_else(|| detect_with_whatlang(&sample.text))
}

/// The first `SAMPLE_BYTES` of a text's words, and what its markers say.
#[derive(Default)]
struct Sample {
    text: String,
    words: usize,
    english: usize,
    shared: usize,
    foreign: usize,
    /// Per language of [`LANGUAGE_MARKERS`], its markers.
    marked: [usize; LANGUAGE_MARKERS.len()],
    letters_outside_ascii: bool,
    letters_outside_latin: bool,
}

impl Sample {
    fn of<'w>(words: impl Iterator<Item = &'w str>) -> Sample {
        let mut sample = Sample {
            text: String::with_capacity(SAMPLE_BYTES + 64),
            ..Sample::default()
        };
        for word in words {
            if sample.text.len() >= SAMPLE_BYTES {
                break;
            }
            sample.text.push_str(word);
            sample.text.push(' ');
            sample.words += 1;
            let ascii = word.is_ascii();
            if !ascii && !sample.letters_outside_latin {
                sample.letters_outside_latin = word.chars().any(outside_latin);
            }
            // Every marker is ASCII or Latin, and language markers do not count beside letters
            // of another script.
            let marker = if ascii || !sample.letters_outside_latin {
                marker(word)
            } else {
                None
            };
            match marker {
                Some(Marker::English) => sample.english += 1,
                Some(Marker::Shared) => sample.shared += 1,
                Some(Marker::Foreign) => sample.foreign += 1,
                Some(Marker::Of(language)) => {
                    sample.foreign += 1;
                    sample.marked[language] += 1;
                }
                None if !sample.letters_outside_ascii => {
                    sample.letters_outside_ascii =
                        !ascii && word.chars().any(|c| !c.is_ascii() && c.is_alphabetic());
                }
                None => {}
            }
        }
        sample
    }

    fn is_english_by_markers(&self) -> bool {
        let words = self.words as f64;
        self.words >= MARKER_SAMPLE_WORDS
            && (self.english as f64 >= ENGLISH_MARKER_SHARE * words
                || (self.english > 0
                    && self.foreign == 0
                    && !self.letters_outside_ascii
                    && (self.english + self.shared) as f64 >= ENGLISH_OR_SHARED_SHARE * words))
    }

    /// The language whose markers decide the sample (see [`LANGUAGE_MARKERS_NEEDED`]), if one's
    /// do.
    fn language_by_markers(&self) -> Option<&'static Language> {
        if self.words < MARKER_SAMPLE_WORDS || self.letters_outside_latin {
            return None;
        }
        let (index, &count) = (self.marked.iter().enumerate()).max_by_key(|&(_, &n)| n)?;
        let rivals = self.marked.iter().sum::<usize>() - count + self.english;
        let decides =
            count >= LANGUAGE_MARKERS_NEEDED && rivals * LANGUAGE_MARKER_DOMINANCE <= count;
        decides
            .then(|| Language::by_code(LANGUAGE_MARKERS[index].0))
            .flatten()
    }
}

/// The detector's verdict on a sample; `None` when unsure.
fn detect_with_whatlang(sample: &str) -> Option<&'static Language> {
    let detector = detector();
    let info = detector.detect(sample)?;
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
    /// The lexicon's automaton, built by `build.rs` (see [`crate::lexicon::Matcher::with_prebuilt`]).
    pub lexicon_automaton: &'static [u8],
    /// `abbreviations.txt`: abbreviations that do not end a sentence.
    pub abbreviations: &'static str,
    /// `transitions.txt`: stock sentence-opening transitions.
    pub transitions: &'static str,
    /// `articles.txt`: the articles counted by WS411 (only a comment where it does not run).
    pub articles: &'static str,
}

impl LanguageData {
    /// The parsed abbreviation list, parsed once per process.
    pub fn abbreviations(&self) -> &'static Abbreviations {
        static PARSED: LazyLock<Vec<Abbreviations>> = LazyLock::new(|| {
            LANGUAGE_DATA
                .iter()
                .map(|d| Abbreviations::parse(d.abbreviations))
                .collect()
        });
        static NONE: LazyLock<Abbreviations> = LazyLock::new(Abbreviations::default);
        LANGUAGE_DATA
            .iter()
            .position(|d| d.code == self.code)
            .map_or(&NONE, |i| &PARSED[i])
    }
}

macro_rules! language_data {
    ($($code:literal),* $(,)?) => {
        /// Every language that ships data files, sorted by code.
        pub static LANGUAGE_DATA: &[LanguageData] = &[
            $(LanguageData {
                code: $code,
                lexicon: include_str!(concat!("../data/", $code, "/lexicon.tsv")),
                lexicon_automaton: include_bytes!(concat!(env!("OUT_DIR"), "/lexicon-", $code, ".dfa")),
                abbreviations: include_str!(concat!("../data/", $code, "/abbreviations.txt")),
                transitions: include_str!(concat!("../data/", $code, "/transitions.txt")),
                articles: include_str!(concat!("../data/", $code, "/articles.txt")),
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

    #[test]
    fn every_marker_is_on_one_list_and_fits_the_lookup() {
        let mut all = [ENGLISH_MARKERS, SHARED_MARKERS, FOREIGN_MARKERS].concat();
        all.extend(LANGUAGE_MARKERS.iter().flat_map(|&(_, list)| list));
        assert_eq!(MARKERS.len(), all.len(), "a word is on two marker lists");
        for &(code, list) in LANGUAGE_MARKERS {
            assert!(Language::by_code(code).and_then(Language::data).is_some());
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{code}: not sorted");
        }
        // The English rule's lists are ASCII: a letter outside ASCII rules English out alone.
        let ascii = [ENGLISH_MARKERS, SHARED_MARKERS, FOREIGN_MARKERS].concat();
        assert!(ascii.iter().all(|word| word.is_ascii()));
        for word in all {
            assert!(word.len() <= MARKER_BYTES, "{word}");
            assert_eq!(word, word.to_lowercase(), "{word}");
            assert!(marker(&word.to_uppercase()).is_some(), "{word}");
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
    fn the_named_abbreviations_do_not_end_sentences() {
        for (code, first, second) in [
            ("de", "z", Some("b")),
            ("es", "p", Some("ej")),
            ("es", "sr", None),
            ("it", "ecc", None),
            ("pl", "np", None),
        ] {
            let abbreviations = Language::by_code(code)
                .and_then(|l| l.data())
                .unwrap()
                .abbreviations();
            let listed = match second {
                Some(word) => abbreviations.pair_ends_with_period(first, word),
                None => abbreviations.ends_with_period(first),
            };
            assert!(listed, "{code}: {first} {second:?}");
        }
    }

    /// How often the marker shortcuts decide on dev, and whether whatlang and dev's label agree
    /// there, per labelled language and per half of dev's groups (the language markers were
    /// pruned on the even half, so the odd half is held out):
    /// `cargo test -p workslop-core --release -- --ignored marker_shortcuts --nocapture`.
    #[test]
    #[ignore = "reads ../shared/eval/dev.jsonl; a measurement, not a check"]
    fn marker_shortcuts_agree_with_whatlang_on_dev() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/eval/dev.jsonl"
        );
        let Ok(dev) = std::fs::read_to_string(path) else {
            eprintln!("skipped: {path} is absent");
            return;
        };
        // (half, label) -> rows; decided by the English rule, of them against the label; by
        // the language markers, of them against whatlang, against the label.
        let mut counts = std::collections::BTreeMap::<(&str, String), [usize; 6]>::new();
        for line in dev.lines() {
            let row: serde_json::Value = serde_json::from_str(line).expect("dev row");
            let text = row["text"].as_str().unwrap_or_default();
            let label = row["lang"].as_str().unwrap_or_default().to_string();
            let group = row["group"].as_str().unwrap_or_default();
            let fnv = group.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            let half = if fnv % 2 == 0 {
                "pruned on"
            } else {
                "held out"
            };
            let mut spans = Vec::new();
            crate::words::split_words(text, &mut spans);
            let sample = Sample::of(spans.iter().map(|w| &text[w.range()]));
            let entry = counts.entry((half, label.clone())).or_default();
            entry[0] += 1;
            if sample.is_english_by_markers() {
                entry[1] += 1;
                entry[2] += usize::from(label != "en");
            } else if let Some(decided) = sample.language_by_markers() {
                let whatlang = detect_with_whatlang(&sample.text).map(|l| l.code);
                entry[3] += 1;
                entry[4] += usize::from(whatlang != Some(decided.code));
                if decided.code != label {
                    entry[5] += 1;
                    eprintln!("label {label}, markers {}: {text:.80}", decided.code);
                }
            }
        }
        eprintln!(
            "half       label   rows  English(label differs)  language(whatlang, label differ)"
        );
        for ((half, label), [rows, english, english_wrong, decided, whatlang, wrong]) in counts {
            eprintln!(
                "{half:10} {label:5} {rows:6} {english:10} ({english_wrong:3}) {decided:14} ({whatlang:3}, {wrong:3})"
            );
        }
    }

    #[test]
    fn shared_markers_decide_english_only_without_foreign_words() {
        let sample = |text: &'static str| Sample::of(text.split(' '));
        let terse = "Clientwise is a CRM for small B2B sales teams of 3 to 25 people who sell with a long cycle";
        assert_eq!(sample(terse).english, 1);
        assert!(sample(terse).is_english_by_markers());
        let dutch = "De bakkerij is open van acht tot zes en op zondag is het dicht voor onderhoud";
        assert!(!sample(dutch).is_english_by_markers());
        assert_eq!(detect(dutch.split(' ')).map(|l| l.code), Some("nl"));
        let accented =
            "Crème brûlée is a dessert for all of us in a café at the corner of a square";
        assert!(sample(accented).letters_outside_ascii);
        assert!(!sample(accented).is_english_by_markers());
    }

    #[test]
    fn language_markers_decide_only_a_latin_sample_they_dominate() {
        let decided = |text: &str| {
            let sample = Sample::of(text.split(' '));
            sample.language_by_markers().map(|l| l.code)
        };
        for (code, text) in [
            (
                "de",
                "Über Nacht wird der Teig gekühlt und am Morgen ist das Brot noch warm",
            ),
            (
                "es",
                "El hotel está muy cerca del mar y las habitaciones son amplias pero ruidosas",
            ),
            (
                "fr",
                "Nous avons aimé la chambre et le personnel était très aimable avec les enfants",
            ),
            (
                "it",
                "È un albergo molto tranquillo e gli ospiti sono sempre accolti con un sorriso",
            ),
            (
                "pl",
                "Hotel jest bardzo czysty i można tam spokojnie odpocząć przez cały tydzień",
            ),
            (
                "pt",
                "Não há muito para fazer mas a equipa é simpática e o hotel fica perto da praia",
            ),
        ] {
            assert_eq!(decided(text), Some(code), "{text}");
            assert_eq!(
                detect(text.split(' ')).map(|l| l.code),
                Some(code),
                "{text}"
            );
        }
        // No language's markers (Dutch), too few against English ones, letters of another
        // script, or too short a sample: the detector decides.
        for text in [
            "De bakkerij is open van acht tot zes en op zondag is het dicht voor onderhoud",
            "Das Team und wir sind für the customers of the shop with their own bags and the staff",
            "Le chef et el personal muy amable y la comida est excellente pour nous",
            "Unser Hotel ist sehr schön und liegt direkt am Strand Москва und Berlin",
            "Wir sind sehr froh und dankbar",
        ] {
            assert_eq!(decided(text), None, "{text}");
        }
    }

    #[test]
    fn detects_full_sentences_and_abstains_on_scraps() {
        let en = "Our team ships a new release every two weeks and answers support tickets within a day.";
        assert_eq!(detect(en.split(' ')).map(|l| l.code), Some("en"));
        let de = "Unsere Bäckerei backt jeden Morgen frisches Brot aus regionalem Mehl und verkauft es ab sieben Uhr.";
        assert_eq!(detect(de.split(' ')).map(|l| l.code), Some("de"));
        assert_eq!(detect("ok fine".split(' ')), None);
        // Twenty letters are the least a sample is judged on.
        let nineteen = "a the and of to is in it on 42";
        assert_eq!(detect(nineteen.split(' ')), None);
        let twenty = "a the and of to is in it on w42";
        assert_eq!(detect(twenty.split(' ')).map(|l| l.code), Some("en"));
        assert_eq!(
            detect("我们的面包每天早上新鲜出炉，欢迎光临本店品尝".split(' ')).map(|l| l.code),
            Some("zh")
        );
    }
}
