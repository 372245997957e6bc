//! Word ids: equal lowercase words get equal ids, numbered in order of first use.
//!
//! Most words are at most 16 bytes, and their first and last eight bytes then hold the whole
//! word, so the table compares two integers instead of calling `memcmp`, and hashes them
//! instead of the bytes one by one.

use crate::span::Span;
use crate::words::load;

/// The id of every word, and how many distinct words there are.
pub fn intern(lower: &str, words: &[Span]) -> (Vec<u32>, usize) {
    let bytes = lower.as_bytes();
    let mut table = Table::for_words(words.len());
    let ids = words
        .iter()
        .map(|w| table.id(bytes, w.start as usize, w.end as usize))
        .collect();
    (ids, table.keys.len())
}

/// A word as the table compares it: its length and its first and last eight bytes (padded
/// with zeros), plus where it starts, for words longer than sixteen bytes. Two keys hold the
/// same word when `same` says so (their starts differ).
struct Key {
    len: u32,
    start: u32,
    head: u64,
    tail: u64,
}

/// Open addressing with linear probing; a slot holds an id plus one, or zero when empty. It
/// grows to stay at most half full.
struct Table {
    slots: Vec<u32>,
    keys: Vec<Key>,
}

/// 512 KB of slots: room for 65,536 distinct words before the table grows.
const MOST_SLOTS_AT_FIRST: usize = 1 << 17;

impl Table {
    /// A table for looking up `words` words. A short text's starts with at least twice as many
    /// slots as words, under half full even if every word is distinct and mostly empty in
    /// practice: a table a quarter to a third full probed enough more to cost about 3 µs a
    /// 10 KB document. A long text's vocabulary is a small part of its words, so its table
    /// starts at [`MOST_SLOTS_AT_FIRST`] slots and grows if need be.
    fn for_words(words: usize) -> Self {
        let slots = (2 * words.max(8))
            .next_power_of_two()
            .min(MOST_SLOTS_AT_FIRST);
        Table {
            slots: vec![0; slots],
            // About a third of a text's words are distinct.
            keys: Vec::with_capacity((words / 2).min(slots / 2)),
        }
    }

    fn id(&mut self, bytes: &[u8], start: usize, end: usize) -> u32 {
        let key = key(bytes, start, end);
        let mask = self.slots.len() - 1;
        let mut slot = hash(&key) as usize & mask;
        loop {
            match self.slots[slot] {
                0 => break,
                stored => {
                    let id = stored - 1;
                    if same(bytes, &self.keys[id as usize], &key) {
                        return id;
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
        let id = self.keys.len() as u32;
        self.keys.push(key);
        self.slots[slot] = id + 1;
        if 2 * self.keys.len() > self.slots.len() {
            self.grow();
        }
        id
    }

    fn grow(&mut self) {
        let mut slots = vec![0u32; 2 * self.slots.len()];
        let mask = slots.len() - 1;
        for (id, key) in self.keys.iter().enumerate() {
            let mut slot = hash(key) as usize & mask;
            while slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id as u32 + 1;
        }
        self.slots = slots;
    }
}

fn key(bytes: &[u8], start: usize, end: usize) -> Key {
    let len = end - start;
    let (head, tail) = if len <= 8 {
        (load(bytes, start, len), 0)
    } else {
        (load(bytes, start, 8), load(bytes, end - 8, 8))
    };
    Key {
        len: len as u32,
        start: start as u32,
        head,
        tail,
    }
}

fn hash(key: &Key) -> u64 {
    spread(key.head ^ key.tail.rotate_left(29) ^ u64::from(key.len))
}

/// A hash of `mixed` whose low bits, which pick a slot of an open-addressing table, depend on
/// all of its bits.
pub(crate) fn spread(mixed: u64) -> u64 {
    // Fibonacci hashing: the high bits are well mixed, so fold them down.
    let product = mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    product ^ (product >> 32)
}

fn same(bytes: &[u8], stored: &Key, key: &Key) -> bool {
    stored.len == key.len
        && stored.head == key.head
        && stored.tail == key.tail
        && (key.len <= 16 || {
            let len = key.len as usize;
            let (a, b) = (stored.start as usize, key.start as usize);
            bytes[a..a + len] == bytes[b..b + len]
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::split_words;

    /// Ids as a plain hash map gives them.
    fn plain(lower: &str, words: &[Span]) -> (Vec<u32>, usize) {
        let mut ids = std::collections::HashMap::new();
        let word_ids = words
            .iter()
            .map(|w| {
                let next = ids.len() as u32;
                *ids.entry(&lower[w.range()]).or_insert(next)
            })
            .collect();
        (word_ids, ids.len())
    }

    #[test]
    fn a_table_grows_past_its_first_size() {
        let distinct = super::MOST_SLOTS_AT_FIRST / 2 + 1000;
        let text: String = (0..2 * distinct)
            .map(|i| format!("w{} ", i % distinct))
            .collect();
        let mut words = Vec::new();
        split_words(&text, &mut words);
        let (ids, vocabulary) = intern(&text, &words);
        assert_eq!(vocabulary, distinct);
        assert_eq!((ids, vocabulary), plain(&text, &words));
    }

    #[test]
    fn long_words_that_share_their_ends_stay_apart() {
        let text = "internationalisation internationalization intern intern internationalisation";
        let mut words = Vec::new();
        split_words(text, &mut words);
        assert_eq!(intern(text, &words), (vec![0, 1, 2, 2, 0], 3));
    }

    proptest::proptest! {
        #[test]
        fn ids_are_those_of_a_hash_map(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "an", "the", "seamless", "seamlessly", "abcdefgh", "abcdefghi",
                    "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghXjklmnopq", "é", "日本",
                    " ", " ", "\n", ", ",
                ]),
                0..200,
            )
        ) {
            let text = parts.concat();
            let mut words = Vec::new();
            split_words(&text, &mut words);
            proptest::prop_assert_eq!(intern(&text, &words), plain(&text, &words));
        }
    }
}
