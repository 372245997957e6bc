//! A leftmost-longest Aho-Corasick automaton over phrases as one flat table of transitions:
//! aho-corasick's DFA, copied out. The bundled lexicons' tables are built at compile time by
//! `build.rs` (which includes this file) and read from bytes at run time, so that a process
//! does not build them again every time it starts (about 56 million instructions, 7 ms, for
//! the English lexicon); a project's own phrases get theirs built at run time.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

/// A state: where its row starts in the table.
pub type State = u32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseDfa {
    /// Each byte's column; bytes that no pattern holds share column 0.
    classes: [u8; 256],
    /// Columns per row.
    stride: u32,
    trans: Vec<State>,
    start: State,
    /// The dead state is 0; the match states come next, up to and including this one.
    last_match: State,
    /// The pattern each match state matches and its length, in state order.
    matches: Vec<(u32, u32)>,
}

/// The dead state, which no search leaves.
const DEAD: State = 0;

/// Tells bytes of a table from anything else, and this layout from any other.
const MAGIC: &[u8; 4] = b"WSD1";

/// The patterns searched for `phrases`: each phrase, and each with `'` as `’` as well, with
/// the index of the phrase each pattern comes from.
pub fn patterns<'a>(phrases: impl IntoIterator<Item = &'a str>) -> (Vec<String>, Vec<u32>) {
    let (mut patterns, mut phrase_of) = (Vec::new(), Vec::new());
    for (i, phrase) in phrases.into_iter().enumerate() {
        patterns.push(phrase.to_string());
        phrase_of.push(i as u32);
        if phrase.contains('\'') {
            patterns.push(phrase.replace('\'', "’"));
            phrase_of.push(i as u32);
        }
    }
    (patterns, phrase_of)
}

impl PhraseDfa {
    /// Builds the automaton for `patterns`; `None` when aho-corasick cannot build it as a DFA
    /// (a lexicon too large) or the table would not fit 32-bit offsets.
    pub fn new(patterns: &[String]) -> Option<PhraseDfa> {
        let dfa = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(patterns)
            .ok()?;
        PhraseDfa::copy(&dfa, patterns)
    }

    /// Copies the states reachable from the unanchored start: the dead state first, then the
    /// match states, then the rest, each row holding one column per class of bytes.
    fn copy(dfa: &DFA, patterns: &[String]) -> Option<PhraseDfa> {
        let (classes, representatives) = byte_classes(patterns);
        let start = dfa.start_state(Anchored::No).ok()?;
        let mut found = vec![start];
        let mut seen = Seen::default();
        seen.insert(start);
        let mut i = 0;
        while let Some(&state) = found.get(i) {
            for &byte in &representatives {
                let next = dfa.next_state(Anchored::No, state, byte);
                if seen.insert(next) {
                    found.push(next);
                }
            }
            i += 1;
        }
        let is_match = |s: StateID| dfa.is_special(s) && dfa.is_match(s);
        let mut order = vec![None];
        order.extend(found.iter().filter(|&&s| is_match(s)).map(|&s| Some(s)));
        let match_count = order.len() - 1;
        order.extend(
            found
                .iter()
                .filter(|&&s| !is_match(s) && !dfa.is_dead(s))
                .map(|&s| Some(s)),
        );
        let stride = representatives.len();
        let offset = |index: usize| State::try_from(index * stride).ok();
        offset(order.len())?;
        let mut index = Seen::default();
        for (i, state) in order.iter().enumerate() {
            if let Some(state) = state {
                index.set(*state, i as u32);
            }
        }
        let of = |s: StateID| {
            if dfa.is_dead(s) {
                DEAD
            } else {
                index.get(s) * stride as State
            }
        };
        let mut trans = vec![DEAD; order.len() * stride];
        for (row, state) in trans.chunks_exact_mut(stride).zip(&order) {
            if let Some(state) = *state {
                for (cell, &byte) in row.iter_mut().zip(&representatives) {
                    *cell = of(dfa.next_state(Anchored::No, state, byte));
                }
            }
        }
        let matches = order[1..=match_count]
            .iter()
            .flatten()
            .map(|&s| {
                let pattern = dfa.match_pattern(s, 0);
                (pattern.as_u32(), dfa.pattern_len(pattern) as u32)
            })
            .collect::<Vec<_>>();
        Some(PhraseDfa {
            classes,
            stride: stride as u32,
            trans,
            start: of(start),
            last_match: offset(matches.len())?,
            matches,
        })
    }

    pub fn start(&self) -> State {
        self.start
    }

    #[inline]
    pub fn next(&self, state: State, byte: u8) -> State {
        self.trans[(state + State::from(self.classes[byte as usize])) as usize]
    }

    /// Whether `state` is dead or a match, where a search has something to do.
    #[inline]
    pub fn is_special(&self, state: State) -> bool {
        state <= self.last_match
    }

    pub fn is_dead(&self, state: State) -> bool {
        state == DEAD
    }

    /// The pattern a match state matches and its length in bytes.
    pub fn matched(&self, state: State) -> (u32, usize) {
        let (pattern, len) = self.matches[(state / self.stride) as usize - 1];
        (pattern, len as usize)
    }

    /// Reads a table written by [`PhraseDfa::to_bytes`]; `None` unless `bytes` hold a
    /// well-formed table built for exactly `patterns`.
    pub fn from_bytes(bytes: &[u8], patterns: &[String]) -> Option<PhraseDfa> {
        let mut read = Reader(bytes.strip_prefix(MAGIC)?);
        if read.word()? as usize != patterns.len() {
            return None;
        }
        for pattern in patterns {
            let len = read.word()? as usize;
            if read.bytes(len)? != pattern.as_bytes() {
                return None;
            }
        }
        let [stride, rows, start, last_match] = [(); 4].map(|()| read.word());
        let (stride, rows, start, last_match) = (stride?, rows?, start?, last_match?);
        if stride == 0 {
            return None;
        }
        let cells = stride.checked_mul(rows)?;
        let is_state = |s: State| s < cells && s % stride == 0;
        if !(is_state(start) && is_state(last_match)) {
            return None;
        }
        let classes: [u8; 256] = read.bytes(256)?.try_into().ok()?;
        if classes.iter().any(|&c| u32::from(c) >= stride) {
            return None;
        }
        let matches = (0..last_match / stride)
            .map(|_| Some((read.word()?, read.word()?)))
            .collect::<Option<Vec<_>>>()?;
        let fits = |&(p, len): &(u32, u32)| {
            patterns.get(p as usize).map(String::len) == Some(len as usize)
        };
        if !matches.iter().all(fits) {
            return None;
        }
        let mut trans = vec![DEAD; cells as usize];
        for row in row_order(rows, start / stride) {
            let base = read.bytes(1)?[0];
            if base > 1 {
                return None;
            }
            let at = (row * stride) as usize;
            if base == 1 {
                let start = start as usize;
                trans.copy_within(start..start + stride as usize, at);
            }
            for _ in 0..read.word()? {
                let class = u32::from(read.bytes(1)?[0]);
                let next = read.word()?;
                if class >= stride || !is_state(next) {
                    return None;
                }
                trans[at + class as usize] = next;
            }
        }
        read.0.is_empty().then_some(PhraseDfa {
            classes,
            stride,
            trans,
            start,
            last_match,
            matches,
        })
    }
}

/// Writing the table, for `build.rs` (and the tests).
#[cfg_attr(not(test), allow(dead_code))]
impl PhraseDfa {
    /// The table as bytes, with the patterns it was built for (`build.rs` writes them).
    pub fn to_bytes(&self, patterns: &[String]) -> Vec<u8> {
        fn word(out: &mut Vec<u8>, n: u32) {
            out.extend_from_slice(&n.to_le_bytes());
        }
        let mut out = MAGIC.to_vec();
        word(&mut out, patterns.len() as u32);
        for pattern in patterns {
            word(&mut out, pattern.len() as u32);
            out.extend_from_slice(pattern.as_bytes());
        }
        for n in [self.stride, self.rows() as u32, self.start, self.last_match] {
            word(&mut out, n);
        }
        out.extend_from_slice(&self.classes);
        for &(pattern, len) in &self.matches {
            word(&mut out, pattern);
            word(&mut out, len);
        }
        // Most rows differ from the start state's row, or from the dead state's row of zeros,
        // in a few columns: each row is written as those columns of the nearer one.
        let start_row = self.row(self.start);
        for index in row_order(self.rows() as u32, self.start / self.stride) {
            let row = self.row(index * self.stride);
            let from_start = differences(row, start_row);
            let from_dead = differences(row, &[]);
            let (base, base_row) = if index != self.start / self.stride && from_start < from_dead {
                (1, start_row)
            } else {
                (0, &[][..])
            };
            out.push(base);
            word(&mut out, differences(row, base_row) as u32);
            for (class, &next) in row.iter().enumerate() {
                if next != base_row.get(class).copied().unwrap_or(DEAD) {
                    out.push(class as u8);
                    word(&mut out, next);
                }
            }
        }
        out
    }

    fn rows(&self) -> usize {
        self.trans.len() / self.stride as usize
    }

    fn row(&self, state: State) -> &[State] {
        &self.trans[state as usize..][..self.stride as usize]
    }
}

/// The order rows are written in: the start state's first, for the rows written against it.
fn row_order(rows: u32, start: u32) -> impl Iterator<Item = u32> {
    std::iter::once(start).chain((0..rows).filter(move |&row| row != start))
}

/// Each byte's class, and a byte of each class: bytes the patterns hold get a class each,
/// the others share class 0, as every state moves the same way on any of them. (UTF-8 never
/// holds 0xC0, 0xC1 or 0xF5 to 0xFF, so there are always others.)
fn byte_classes(patterns: &[String]) -> ([u8; 256], Vec<u8>) {
    let mut held = [false; 256];
    for byte in patterns.iter().flat_map(|p| p.bytes()) {
        held[byte as usize] = true;
    }
    let mut classes = [0u8; 256];
    let mut representatives = Vec::new();
    if let Some(other) = (0..=255u8).find(|&b| !held[b as usize]) {
        representatives.push(other);
    }
    for byte in (0..=255u8).filter(|&b| held[b as usize]) {
        classes[byte as usize] = representatives.len() as u8;
        representatives.push(byte);
    }
    (classes, representatives)
}

/// How many columns of `row` differ from `base`, a missing column of `base` being dead.
#[cfg_attr(not(test), allow(dead_code))]
fn differences(row: &[State], base: &[State]) -> usize {
    row.iter()
        .enumerate()
        .filter(|&(class, &next)| next != base.get(class).copied().unwrap_or(DEAD))
        .count()
}

/// A number for each of aho-corasick's states, kept by their ids.
#[derive(Default)]
struct Seen(Vec<u32>);

impl Seen {
    const NONE: u32 = u32::MAX;

    /// Marks `state`; false if it was marked already.
    fn insert(&mut self, state: StateID) -> bool {
        let fresh = self.get(state) == Self::NONE;
        self.set(state, 0);
        fresh
    }

    fn set(&mut self, state: StateID, n: u32) {
        let i = state.as_usize();
        if i >= self.0.len() {
            self.0.resize(i + 1, Self::NONE);
        }
        self.0[i] = n;
    }

    fn get(&self, state: StateID) -> u32 {
        self.0.get(state.as_usize()).copied().unwrap_or(Self::NONE)
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn bytes(&mut self, n: usize) -> Option<&[u8]> {
        if n > self.0.len() {
            return None;
        }
        let (taken, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(taken)
    }

    fn word(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.bytes(4)?.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::LANGUAGE_DATA;
    use crate::lexicon::parse;

    fn bundled() -> Vec<(&'static str, Vec<String>)> {
        LANGUAGE_DATA
            .iter()
            .map(|data| {
                let entries = parse(data.lexicon).expect("bundled lexicon");
                (
                    data.code,
                    patterns(entries.iter().map(|e| e.phrase.as_str())).0,
                )
            })
            .collect()
    }

    fn strings(phrases: &[&str]) -> Vec<String> {
        phrases.iter().map(|p| p.to_string()).collect()
    }

    /// Walks aho-corasick's DFA and the table side by side over every byte from every state.
    fn assert_same_automaton(patterns: &[String]) {
        let dfa = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(patterns)
            .unwrap();
        let table = PhraseDfa::new(patterns).unwrap();
        let start = dfa.start_state(Anchored::No).unwrap();
        let mut pairs = std::collections::HashMap::from([(start, table.start())]);
        let mut queue = vec![start];
        while let Some(theirs) = queue.pop() {
            let ours = pairs[&theirs];
            let dead = dfa.is_dead(theirs);
            let matching = dfa.is_special(theirs) && dfa.is_match(theirs);
            assert_eq!(table.is_dead(ours), dead);
            assert_eq!(table.is_special(ours), dead || matching);
            if matching {
                let pattern = dfa.match_pattern(theirs, 0);
                let len = dfa.pattern_len(pattern);
                assert_eq!(table.matched(ours), (pattern.as_u32(), len));
            }
            for byte in 0..=255u8 {
                let next = dfa.next_state(Anchored::No, theirs, byte);
                let ours_next = table.next(ours, byte);
                match pairs.insert(next, ours_next) {
                    Some(seen) => assert_eq!(seen, ours_next, "byte {byte}"),
                    None => queue.push(next),
                }
            }
        }
        let states: std::collections::HashSet<_> = pairs.values().collect();
        assert_eq!(states.len(), pairs.len(), "two states of theirs became one");
    }

    #[test]
    fn moves_as_aho_corasicks_dfa_on_every_byte() {
        assert_same_automaton(&strings(&[
            "full",
            "unlock the full potential",
            "it’s",
            "赋能",
        ]));
        assert_same_automaton(&strings(&["a", "ab", "abc", "b", "bc", "c"]));
        for (code, patterns) in bundled() {
            eprintln!("{code}");
            assert_same_automaton(&patterns);
        }
    }

    #[test]
    fn bytes_of_many_scripts_get_classes_of_their_own() {
        let ascii: String = (0..=127u8).map(char::from).collect();
        let mut patterns = strings(&["x", "é€𝄞ÿ", &ascii]);
        patterns.extend((0x80..=0xbfu8).map(|b| String::from_utf8(vec![0xc2, b]).unwrap()));
        assert_same_automaton(&patterns);
    }

    #[test]
    fn reads_back_what_it_writes_and_only_for_its_patterns() {
        for (code, patterns) in bundled() {
            let table = PhraseDfa::new(&patterns).unwrap();
            let bytes = table.to_bytes(&patterns);
            assert_eq!(
                PhraseDfa::from_bytes(&bytes, &patterns).as_ref(),
                Some(&table),
                "{code}"
            );
            let fewer = &patterns[1..];
            assert_eq!(PhraseDfa::from_bytes(&bytes, fewer), None, "{code}");
            let mut other = patterns.clone();
            other[0].push('x');
            assert_eq!(PhraseDfa::from_bytes(&bytes, &other), None, "{code}");
        }
    }

    #[test]
    fn bytes_cut_short_or_out_of_range_are_refused() {
        let patterns = strings(&["seamless", "delve", "game-changer", "it's", "赋能"]);
        let bytes = PhraseDfa::new(&patterns).unwrap().to_bytes(&patterns);
        for len in 0..bytes.len() {
            assert_eq!(
                PhraseDfa::from_bytes(&bytes[..len], &patterns),
                None,
                "{len}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(PhraseDfa::from_bytes(&longer, &patterns), None);
        // The last row's last change goes to a state past the table.
        let mut wrong = bytes.clone();
        let at = wrong.len() - 4;
        wrong[at..].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(PhraseDfa::from_bytes(&wrong, &patterns), None);
        // The first match state's length no longer that of its pattern.
        let header = 4 + 4 + patterns.iter().map(|p| 4 + p.len()).sum::<usize>() + 16 + 256;
        let mut wrong = bytes.clone();
        wrong[header + 4] += 1;
        assert_eq!(PhraseDfa::from_bytes(&wrong, &patterns), None);
        assert_eq!(PhraseDfa::from_bytes(b"", &patterns), None);
    }

    #[test]
    fn bundled_lexicons_come_built() {
        for (data, (code, patterns)) in LANGUAGE_DATA.iter().zip(bundled()) {
            let read = PhraseDfa::from_bytes(data.lexicon_automaton, &patterns);
            assert_eq!(read, PhraseDfa::new(&patterns), "{code}");
            assert!(read.is_some(), "{code}");
        }
    }
}
