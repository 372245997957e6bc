//! Searches that read only forwards, from where they are told a match starts.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::{Anchored, HalfMatch, Input, MatchError};

/// Built-in patterns tried only at chosen starts need only the end of a match. A whole regex
/// also compiles an automaton that reads backwards, to find where a match starts; this is
/// regex-automata's lazy DFA that reads forwards alone, which compiles in about half the time.
pub(super) struct ForwardSearch {
    dfa: DFA,
    caches: Pool<Cache, CacheFn>,
}

type CacheFn = Box<dyn Fn() -> Cache + Send + Sync>;

/// Searches of one text, with one of the lazy DFA's caches held for all of them.
pub(super) struct Searcher<'s, 't> {
    dfa: &'s DFA,
    cache: PoolGuard<'s, Cache, CacheFn>,
    text: &'t str,
}

impl ForwardSearch {
    /// Compiles built-in `patterns`; of two that match at the same start, the first listed wins.
    pub(super) fn new<P: AsRef<str>>(patterns: &[P]) -> ForwardSearch {
        let dfa = DFA::builder()
            .syntax(super::lazy_regex::bytewise_syntax())
            .build_many(patterns)
            .expect("valid built-in patterns");
        let for_caches = dfa.clone();
        ForwardSearch {
            dfa,
            caches: Pool::new(Box::new(move || Cache::new(&for_caches))),
        }
    }

    pub(super) fn searcher<'s, 't>(&'s self, text: &'t str) -> Searcher<'s, 't> {
        Searcher {
            dfa: &self.dfa,
            cache: self.caches.get(),
            text,
        }
    }
}

impl Searcher<'_, '_> {
    /// The leftmost-first match that starts at `start`: where it ends, and which pattern made
    /// it. Looking behind `start` (for `\b`) sees the text before it. The lazy DFA fails only
    /// on bytes it was told to quit on, which built-in patterns have none of.
    pub(super) fn match_at(&mut self, start: usize) -> Result<Option<HalfMatch>, MatchError> {
        let input = Input::new(self.text).range(start..).anchored(Anchored::Yes);
        self.dfa.try_search_fwd(&mut self.cache, &input)
    }

    /// The match at the first of `starts` where one starts, with that start.
    pub(super) fn first_match(
        &mut self,
        starts: impl IntoIterator<Item = usize>,
    ) -> Result<Option<(usize, HalfMatch)>, MatchError> {
        for start in starts {
            if let Some(m) = self.match_at(start)? {
                return Ok(Some((start, m)));
            }
        }
        Ok(None)
    }
}
