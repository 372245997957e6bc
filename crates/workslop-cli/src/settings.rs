//! Which configuration applies to which file: discovery, `--config`, `--isolated`, and flags
//! that override what the files say.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use workslop_core::{Config, Format, Scorer};

use crate::args::ScoringArgs;
use crate::files::format_of;

/// A config file's scorer, or why it could not be built.
type ScorerOrError = Result<Arc<Scorer>, String>;

/// Resolves and caches one scorer per config file.
#[derive(Debug)]
pub struct Settings {
    flags: ScoringArgs,
    /// Set with `--config` or `--isolated`: the same for every file.
    fixed: Option<Arc<Scorer>>,
    /// Directory to the config file found for it.
    by_dir: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Config file to its scorer (or the error it gave).
    by_file: Mutex<HashMap<Option<PathBuf>, ScorerOrError>>,
}

impl Settings {
    pub fn new(flags: &ScoringArgs) -> Result<Settings, String> {
        let fixed = if let Some(path) = &flags.config {
            let config = Config::load(path).map_err(|e| e.to_string())?;
            Some(Arc::new(resolve(config, flags, Some(path.clone()))?))
        } else if flags.isolated {
            Some(Arc::new(resolve(Config::default(), flags, None)?))
        } else {
            None
        };
        Ok(Settings {
            flags: flags.clone(),
            fixed,
            by_dir: Mutex::default(),
            by_file: Mutex::default(),
        })
    }

    /// The scorer for a file at `path` (or for standard input named so).
    pub fn for_path(&self, path: &Path) -> Result<Arc<Scorer>, String> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let dir = absolute_dir(path);
        let cached = self
            .by_dir
            .lock()
            .map_err(|_| "lock poisoned")?
            .get(&dir)
            .cloned();
        let config_path = match cached {
            Some(found) => found,
            None => {
                let found = match Config::discover(&dir) {
                    Ok(found) => found.map(|(p, _)| p),
                    Err(e) => return Err(e.to_string()),
                };
                self.by_dir
                    .lock()
                    .map_err(|_| "lock poisoned")?
                    .insert(dir, found.clone());
                found
            }
        };
        let mut by_file = self.by_file.lock().map_err(|_| "lock poisoned")?;
        by_file
            .entry(config_path.clone())
            .or_insert_with(|| {
                let config = match &config_path {
                    Some(p) => Config::load(p).map_err(|e| e.to_string())?,
                    None => Config::default(),
                };
                resolve(config, &self.flags, config_path.clone()).map(Arc::new)
            })
            .clone()
    }

    /// Readies the scorer of the input at `path` for its language on every thread at once,
    /// to score that input alone (see `Scorer::prepare_for_one`). An input that cannot be
    /// scored is left for scoring to report.
    pub fn prepare_one(&self, path: &Path, bytes: &[u8], format: Option<Format>) {
        self.prepare_with(path, bytes, format, Scorer::prepare_for_one);
    }

    /// The same for the first of `files`, read here, before they are all scored in parallel
    /// (see `Scorer::prepare`).
    pub fn prepare_first(&self, files: &[PathBuf], format: Option<Format>) {
        if let Some(first) = files.first()
            && let Ok(bytes) = std::fs::read(first)
        {
            if files.len() == 1 {
                self.prepare_one(first, &bytes, format);
            } else {
                self.prepare_with(first, &bytes, format, Scorer::prepare);
            }
        }
    }

    fn prepare_with(
        &self,
        path: &Path,
        bytes: &[u8],
        format: Option<Format>,
        prepare: fn(&Scorer, &str, Format),
    ) {
        if let (Ok(text), Ok(scorer)) = (std::str::from_utf8(bytes), self.for_path(path)) {
            prepare(&scorer, text, format_of(path, format));
        }
    }
}

fn absolute_dir(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if absolute.is_dir() {
        absolute
    } else {
        absolute
            .parent()
            .map_or_else(|| PathBuf::from("/"), Path::to_path_buf)
    }
}

/// Applies the command-line flags on top of a config and builds its scorer.
fn resolve(
    mut config: Config,
    flags: &ScoringArgs,
    source: Option<PathBuf>,
) -> Result<Scorer, String> {
    if !flags.brand_terms.is_empty() {
        config.brand_terms = flags.brand_terms.clone();
    }
    if let Some(lang) = &flags.lang {
        config.lang = Some(lang.clone());
    }
    if let Some(fail) = flags.fail_above {
        config.thresholds.set_fail(fail);
    }
    config.disable.extend(flags.disable.iter().cloned());
    Scorer::new(config).map_err(|mut e| {
        // Values set by flags are errors of the command line, not of the file.
        if e.key
            .as_deref()
            .is_some_and(|k| flag_keys(flags).contains(&k))
        {
            e.path = None;
        } else if e.path.is_none() {
            e.path = source;
        }
        e.to_string()
    })
}

fn flag_keys(flags: &ScoringArgs) -> Vec<&'static str> {
    let mut keys = Vec::new();
    if flags.lang.is_some() {
        keys.push("lang");
    }
    if flags.fail_above.is_some() {
        keys.extend(["thresholds", "thresholds.fail", "thresholds.warn"]);
    }
    if !flags.disable.is_empty() {
        keys.push("disable");
    }
    keys
}
