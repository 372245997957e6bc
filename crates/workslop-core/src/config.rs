//! Configuration: the keys, their validation, and discovery of config files.
//!
//! Files, nearest ancestor of the checked file first: `workslop.toml`, `.workslop.toml`, then
//! `pyproject.toml` with a `[tool.workslop]` table. The first found wins; nothing is merged.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::language::Language;
use crate::signals;

/// File names searched in each directory, in order of precedence.
pub const CONFIG_FILES: [&str; 3] = ["workslop.toml", ".workslop.toml", "pyproject.toml"];

/// Everything a team can set. Unknown keys are errors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields, default)]
pub struct Config {
    /// ISO 639-1 code; unset or `auto` detects the language per document.
    pub lang: Option<String>,
    /// Brand, product and differentiator names the copy should mention.
    pub brand_terms: Vec<String>,
    /// More phrases to flag, on top of the shipped lexicon.
    pub extra_phrases: Vec<String>,
    /// Phrases never flagged (the team's own vocabulary).
    pub allowed_phrases: Vec<String>,
    /// Signal codes or names not to run.
    pub disable: Vec<String>,
    /// Signal weights by code or name, replacing the defaults given.
    pub weights: BTreeMap<String, f64>,
    /// The score's logit at zero evidence.
    pub bias: Option<f64>,
    pub thresholds: Thresholds,
    /// Texts with fewer words get no score.
    pub min_words: Option<usize>,
    /// Glob patterns of files to check (command line).
    pub include: Vec<String>,
    /// Glob patterns of files to skip (command line).
    pub exclude: Vec<String>,
}

/// Score thresholds for the verdicts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields, default)]
pub struct Thresholds {
    /// At or above: `warn`.
    pub warn: f64,
    /// At or above: `fail`.
    pub fail: f64,
    /// Other thresholds for shorter texts. Left out of a config's `[thresholds]`, there are
    /// none: a team that sets its own thresholds gets exactly those, at every length.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shorter: Vec<LengthThresholds>,
}

/// Thresholds for texts of fewer than `below-words` words (characters in Chinese and Japanese).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct LengthThresholds {
    pub below_words: usize,
    pub warn: f64,
    pub fail: f64,
}

impl Thresholds {
    /// The `(warn, fail)` thresholds for a text of this many words: those of the tightest
    /// `shorter` entry it falls under, else the general ones.
    pub fn for_length(&self, words: usize) -> (f64, f64) {
        self.shorter
            .iter()
            .filter(|t| words < t.below_words)
            .min_by_key(|t| t.below_words)
            .map_or((self.warn, self.fail), |t| (t.warn, t.fail))
    }

    /// Sets the fail threshold at every length, lowering warn where it would sit above it.
    pub fn set_fail(&mut self, fail: f64) {
        self.fail = fail;
        self.warn = self.warn.min(fail);
        for t in &mut self.shorter {
            t.fail = fail;
            t.warn = t.warn.min(fail);
        }
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let pairs = std::iter::once(("thresholds".to_string(), self.warn, self.fail)).chain(
            self.shorter
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("thresholds.shorter[{i}]"), t.warn, t.fail)),
        );
        for (table, warn, fail) in pairs {
            for (key, value) in [("warn", warn), ("fail", fail)] {
                if !(0.0..=100.0).contains(&value) {
                    return Err(ConfigError::key(
                        format!("{table}.{key}"),
                        format!("{value} is not between 0 and 100"),
                    ));
                }
            }
            if warn > fail {
                return Err(ConfigError::key(
                    table,
                    format!("warn ({warn}) is above fail ({fail})"),
                ));
            }
        }
        for (i, t) in self.shorter.iter().enumerate() {
            if t.below_words == 0 {
                return Err(ConfigError::key(
                    format!("thresholds.shorter[{i}].below-words"),
                    "must be at least 1",
                ));
            }
            if self.shorter[..i]
                .iter()
                .any(|u| u.below_words == t.below_words)
            {
                return Err(ConfigError::key(
                    format!("thresholds.shorter[{i}].below-words"),
                    format!("{} is given twice", t.below_words),
                ));
            }
        }
        Ok(())
    }
}

impl Default for Thresholds {
    /// The shipped model's thresholds.
    fn default() -> Self {
        let t = &crate::model::shipped().thresholds;
        Thresholds {
            warn: t.warn,
            fail: t.fail,
            shorter: t.shorter.clone(),
        }
    }
}

pub const DEFAULT_MIN_WORDS: usize = 10;

/// A configuration that could not be read or does not make sense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, when the configuration came from one.
    pub path: Option<PathBuf>,
    /// The offending key, when one is to blame.
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}: ", path.display())?;
        }
        if let Some(key) = &self.key {
            write!(f, "`{key}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    fn key(key: impl Into<String>, message: impl Into<String>) -> Self {
        ConfigError {
            path: None,
            key: Some(key.into()),
            message: message.into(),
        }
    }

    fn in_file(mut self, path: Option<&Path>) -> Self {
        self.path = path.map(Path::to_path_buf);
        self
    }
}

impl Config {
    /// Parses a `workslop.toml`-style document (`path` only names it in errors).
    pub fn from_toml(text: &str, path: Option<&Path>) -> Result<Config, ConfigError> {
        let config: Config =
            toml::from_str(text).map_err(|e| toml_error(&e, text).in_file(path))?;
        config.validate().map_err(|e| e.in_file(path))?;
        Ok(config)
    }

    /// Reads the `[tool.workslop]` table of a `pyproject.toml`; `None` when it has none.
    pub fn from_pyproject(text: &str, path: Option<&Path>) -> Result<Option<Config>, ConfigError> {
        let doc: toml::Table =
            toml::from_str(text).map_err(|e| toml_error(&e, text).in_file(path))?;
        let Some(table) = doc.get("tool").and_then(|t| t.get("workslop")) else {
            return Ok(None);
        };
        let config: Config = table.clone().try_into().map_err(|e: toml::de::Error| {
            ConfigError {
                path: None,
                key: None,
                message: format!("[tool.workslop]: {}", e.message()),
            }
            .in_file(path)
        })?;
        config.validate().map_err(|e| e.in_file(path))?;
        Ok(Some(config))
    }

    /// Loads a config file: `pyproject.toml` by its `[tool.workslop]` table, others whole.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: Some(path.to_path_buf()),
            key: None,
            message: format!("cannot read: {e}"),
        })?;
        if path.file_name().is_some_and(|n| n == "pyproject.toml") {
            Ok(Config::from_pyproject(&text, Some(path))?.unwrap_or_default())
        } else {
            Config::from_toml(&text, Some(path))
        }
    }

    /// The config that applies to files in `dir`: the nearest ancestor's config file, if any.
    pub fn discover(dir: &Path) -> Result<Option<(PathBuf, Config)>, ConfigError> {
        for ancestor in dir.ancestors() {
            for name in CONFIG_FILES {
                let candidate = ancestor.join(name);
                if !candidate.is_file() {
                    continue;
                }
                if name == "pyproject.toml" {
                    let text = std::fs::read_to_string(&candidate).map_err(|e| ConfigError {
                        path: Some(candidate.clone()),
                        key: None,
                        message: format!("cannot read: {e}"),
                    })?;
                    if let Some(config) = Config::from_pyproject(&text, Some(&candidate))? {
                        return Ok(Some((candidate, config)));
                    }
                    continue;
                }
                let config = Config::load(&candidate)?;
                return Ok(Some((candidate, config)));
            }
        }
        Ok(None)
    }

    /// Checks values the types cannot: codes, names, ranges.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if let Some(lang) = &self.lang
            && lang != "auto"
            && Language::by_code(lang).is_none()
        {
            let valid: Vec<_> = crate::language::LANGUAGES.iter().map(|l| l.code).collect();
            return Err(ConfigError::key(
                "lang",
                format!(
                    "unknown language `{lang}`; expected `auto` or one of {}",
                    valid.join(", ")
                ),
            ));
        }
        for code in &self.disable {
            if signals::lookup(code).is_none() {
                return Err(ConfigError::key(
                    "disable",
                    format!("unknown signal `{code}`; {}", valid_signals()),
                ));
            }
        }
        for (key, weight) in &self.weights {
            if signals::lookup(key).is_none() {
                return Err(ConfigError::key(
                    format!("weights.{key}"),
                    format!("unknown signal; {}", valid_signals()),
                ));
            }
            if !weight.is_finite() || *weight < 0.0 {
                return Err(ConfigError::key(
                    format!("weights.{key}"),
                    "must be a finite number >= 0",
                ));
            }
        }
        if let Some(bias) = self.bias
            && !bias.is_finite()
        {
            return Err(ConfigError::key("bias", "must be a finite number"));
        }
        self.thresholds.validate()?;
        for (key, phrases) in [
            ("extra-phrases", &self.extra_phrases),
            ("allowed-phrases", &self.allowed_phrases),
            ("brand-terms", &self.brand_terms),
        ] {
            if let Some(i) = phrases.iter().position(|p| p.trim().is_empty()) {
                return Err(ConfigError::key(format!("{key}[{i}]"), "is empty"));
            }
        }
        Ok(())
    }
}

fn valid_signals() -> String {
    let names: Vec<String> = signals::REGISTRY
        .iter()
        .map(|s| format!("{} ({})", s.info().code, s.info().name))
        .collect();
    format!("valid signals: {}", names.join(", "))
}

/// A TOML error as one line naming the line number and what went wrong.
fn toml_error(e: &toml::de::Error, text: &str) -> ConfigError {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
    let message = match line {
        Some(line) => format!("line {line}: {}", e.message()),
        None => e.message().to_string(),
    };
    ConfigError {
        path: None,
        key: None,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_keys_parse() {
        let c = Config::from_toml(
            "lang = \"en\"\nbrand-terms = [\"Acme\"]\ndisable = [\"WS102\"]\n[weights]\nstock-phrases = 3.0\n[thresholds]\nfail = 70\n",
            None,
        )
        .unwrap();
        assert_eq!(c.brand_terms, ["Acme"]);
        let default_warn = Thresholds::default().warn;
        assert_eq!(
            c.thresholds,
            Thresholds {
                warn: default_warn,
                fail: 70.0,
                shorter: Vec::new(),
            }
        );
        assert_eq!(c.weights["stock-phrases"], 3.0);
    }

    #[test]
    fn shorter_texts_can_have_their_own_thresholds() {
        let c = Config::from_toml(
            "[thresholds]\nwarn = 50\nfail = 70\n[[thresholds.shorter]]\nbelow-words = 20\nwarn = 30\nfail = 45\n[[thresholds.shorter]]\nbelow-words = 50\nwarn = 40\nfail = 60\n",
            None,
        )
        .unwrap();
        let t = &c.thresholds;
        assert_eq!(t.for_length(10), (30.0, 45.0));
        assert_eq!(t.for_length(20), (40.0, 60.0));
        assert_eq!(t.for_length(49), (40.0, 60.0));
        assert_eq!(t.for_length(50), (50.0, 70.0));
        let mut all = t.clone();
        all.set_fail(55.0);
        assert_eq!(all.for_length(10), (30.0, 55.0));
        assert_eq!(all.for_length(30), (40.0, 55.0));
        assert_eq!(all.for_length(300), (50.0, 55.0));
        // A team's own [thresholds] without `shorter` applies at every length.
        let own = Config::from_toml("[thresholds]\nfail = 70\n", None).unwrap();
        assert!(own.thresholds.shorter.is_empty());
        assert_eq!(own.thresholds.for_length(5).1, 70.0);
        for (toml, key) in [
            (
                "[thresholds]\n[[thresholds.shorter]]\nbelow-words = 20\nwarn = 30\nfail = 145\n",
                "thresholds.shorter[0].fail",
            ),
            (
                "[thresholds]\n[[thresholds.shorter]]\nbelow-words = 20\nwarn = 50\nfail = 45\n",
                "thresholds.shorter[0]",
            ),
            (
                "[thresholds]\n[[thresholds.shorter]]\nbelow-words = 0\nwarn = 30\nfail = 45\n",
                "thresholds.shorter[0].below-words",
            ),
        ] {
            let e = Config::from_toml(toml, None).unwrap_err();
            assert_eq!(e.key.as_deref(), Some(key), "{toml}: {e}");
        }
    }

    #[test]
    fn unknown_keys_name_the_file_the_key_and_the_valid_keys() {
        let e = Config::from_toml(
            "brand-term = [\"x\"]\n",
            Some(Path::new("site/workslop.toml")),
        )
        .unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("site/workslop.toml: line 1"), "{msg}");
        assert!(
            msg.contains("brand-term") && msg.contains("brand-terms"),
            "{msg}"
        );
        let e = Config::from_toml("[thresholds]\nfial = 3\n", None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("fial") && e.contains("line 2"), "{e}");
    }

    #[test]
    fn bad_values_name_the_key() {
        for (toml, key) in [
            ("lang = \"xx\"", "lang"),
            ("disable = [\"WS999\"]", "disable"),
            ("[weights]\nnope = 1.0", "weights.nope"),
            ("[thresholds]\nwarn = 80\nfail = 60", "thresholds"),
            ("[thresholds]\nfail = 160", "thresholds.fail"),
            ("brand-terms = [\"\"]", "brand-terms[0]"),
        ] {
            let e = Config::from_toml(toml, None).unwrap_err();
            assert_eq!(e.key.as_deref(), Some(key), "{toml}: {e}");
        }
    }

    #[test]
    fn pyproject_without_the_table_is_no_config() {
        assert_eq!(
            Config::from_pyproject("[tool.black]\nline-length = 88\n", None).unwrap(),
            None
        );
        let c = Config::from_pyproject("[tool.workslop]\nbrand-terms = [\"A\"]\n", None)
            .unwrap()
            .unwrap();
        assert_eq!(c.brand_terms, ["A"]);
        let e = Config::from_pyproject(
            "[tool.workslop]\nbrand = 1\n",
            Some(Path::new("pyproject.toml")),
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("brand") && e.to_string().contains("pyproject.toml"),
            "{e}"
        );
    }

    #[test]
    fn discovery_takes_the_nearest_and_skips_foreign_pyprojects() {
        let root = std::env::temp_dir().join(format!("workslop-discover-{}", std::process::id()));
        let deep = root.join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(root.join("workslop.toml"), "brand-terms = [\"Root\"]\n").unwrap();
        std::fs::write(root.join("a/pyproject.toml"), "[project]\nname = \"x\"\n").unwrap();
        let (path, c) = Config::discover(&deep).unwrap().unwrap();
        assert_eq!(path, root.join("workslop.toml"));
        assert_eq!(c.brand_terms, ["Root"]);
        std::fs::write(
            root.join("a/pyproject.toml"),
            "[tool.workslop]\nbrand-terms = [\"A\"]\n",
        )
        .unwrap();
        std::fs::write(root.join("a/.workslop.toml"), "brand-terms = [\"Dot\"]\n").unwrap();
        let (path, _) = Config::discover(&deep).unwrap().unwrap();
        assert_eq!(path, root.join("a/.workslop.toml"));
        std::fs::remove_dir_all(&root).unwrap();
    }
}

#[cfg(test)]
mod readme {
    use super::Config;

    #[test]
    fn the_readme_example_config_loads() {
        let readme = include_str!("../../../README.md");
        let start = readme
            .find("```toml\n# workslop.toml\n")
            .expect("README has the example")
            + 8;
        let end = start + readme[start..].find("```").expect("closed block");
        let config = Config::from_toml(&readme[start..end], None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.brand_terms, ["Tasklane", "Tasklane Boards"]);
        assert_eq!(config.include, ["*.md", "*.html"]);
        assert!(crate::Scorer::new(config).is_ok());
    }
}
