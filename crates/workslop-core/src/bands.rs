//! Human reference bands per language, measured on human text and kept as data
//! (`data/bands.tsv`). Signals score the distance from them, not a universal constant.

use std::sync::OnceLock;

/// What human text in one language looks like.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    /// The 10th and 90th percentiles of MATTR (window 50).
    pub mattr: (f64, f64),
    /// Median concrete details per 100 words (characters for zh/ja), clamped to [1, 6]: a
    /// reference for copy, not for encyclopedias.
    pub specifics_per_100: f64,
    /// Median articles per 100 words, where the language has articles and was measured.
    pub articles_per_100: Option<f64>,
}

/// For languages without a measurement (and `und`): the span of the measured ones.
const DEFAULT: Bands = Bands {
    mattr: (0.75, 0.92),
    specifics_per_100: 3.5,
    articles_per_100: None,
};

const DATA: &str = include_str!("../data/bands.tsv");

fn parse(tsv: &str) -> Vec<(String, Bands)> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let number = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok());
            Some((
                f.first()?.to_string(),
                Bands {
                    mattr: (number(1)?, number(2)?),
                    specifics_per_100: number(3)?.clamp(1.0, 6.0),
                    articles_per_100: number(4),
                },
            ))
        })
        .collect()
}

/// The bands of a language (ISO 639-1 code, or `und`).
pub fn of(lang: &str) -> Bands {
    static TABLE: OnceLock<Vec<(String, Bands)>> = OnceLock::new();
    TABLE
        .get_or_init(|| parse(DATA))
        .iter()
        .find(|(code, _)| code == lang)
        .map_or(DEFAULT, |(_, b)| *b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses_sorted_and_sane() {
        let rows = parse(DATA);
        let lines = DATA.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(rows.len(), lines, "every line parses");
        assert!(rows.windows(2).all(|w| w[0].0 < w[1].0), "sorted, unique");
        for (code, b) in &rows {
            assert!(crate::language::Language::by_code(code).is_some(), "{code}");
            assert!(
                0.5 < b.mattr.0 && b.mattr.0 < b.mattr.1 && b.mattr.1 <= 1.0,
                "{code}"
            );
        }
        assert_eq!(of("en").mattr, (0.751, 0.863));
        assert_eq!(of("id").specifics_per_100, 6.0);
        assert_eq!(of("und"), DEFAULT);
        assert!(of("en").articles_per_100.is_some() && of("zh").articles_per_100.is_none());
    }
}
