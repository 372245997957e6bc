//! Builds the bundled lexicons' automata, so that no process has to (see `src/phrase_dfa.rs`).

use std::path::PathBuf;
use std::{env, fs};

#[path = "src/phrase_dfa.rs"]
#[allow(dead_code)]
mod phrase_dfa;

fn main() {
    println!("cargo::rerun-if-changed=src/phrase_dfa.rs");
    println!("cargo::rerun-if-changed=data");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for dir in fs::read_dir("data").expect("data directory") {
        let dir = dir.expect("data directory entry").path();
        let lexicon = dir.join("lexicon.tsv");
        if !lexicon.is_file() {
            continue;
        }
        println!("cargo::rerun-if-changed={}", lexicon.display());
        let tsv = fs::read_to_string(&lexicon).expect("lexicon.tsv is UTF-8");
        let phrases = tsv
            .lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| {
                let phrase = line.split('\t').next().unwrap_or_default();
                phrase.strip_suffix('*').unwrap_or(phrase)
            });
        let (patterns, _) = phrase_dfa::patterns(phrases);
        // A lexicon aho-corasick cannot build a DFA for gets empty bytes: built at run time.
        let bytes = phrase_dfa::PhraseDfa::new(&patterns)
            .map(|dfa| dfa.to_bytes(&patterns))
            .unwrap_or_default();
        let code = dir.file_name().expect("language directory name");
        let name = format!("lexicon-{}.dfa", code.to_string_lossy());
        fs::write(out.join(name), bytes).expect("writable OUT_DIR");
    }
}
