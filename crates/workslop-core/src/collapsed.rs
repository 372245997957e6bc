//! Prose with every run of white space collapsed to one space, for phrase matching across
//! line wraps and blanked markup, with a map back to source offsets.

use crate::masks::Block;

/// The collapsed text and where its offsets shift relative to the source.
#[derive(Debug, Clone, Default)]
pub struct Collapsed {
    pub text: String,
    /// `(offset in text, bytes removed before it)`, one entry after each collapsed run.
    shifts: Vec<(u32, u32)>,
}

impl Collapsed {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut shifts = Vec::new();
        let (mut from, mut copied_from, mut removed) = (0, 0, 0u32);
        while let Some(i) = next_irregular_space(bytes, from) {
            let run_end = i + bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            out.push_str(&text[copied_from..i]);
            out.push(' ');
            removed += (run_end - i - 1) as u32;
            shifts.push((out.len() as u32, removed));
            copied_from = run_end;
            from = run_end;
        }
        out.push_str(&text[copied_from..]);
        Collapsed { text: out, shifts }
    }

    /// The source offset of an offset into the collapsed text.
    pub fn to_source(&self, offset: usize) -> usize {
        let idx = self
            .shifts
            .partition_point(|&(at, _)| at as usize <= offset);
        offset
            + if idx == 0 {
                0
            } else {
                self.shifts[idx - 1].1 as usize
            }
    }
}

/// Where the next run of white space at or after `from` starts that is not a single space: a
/// tab, line break or form feed, or a space followed by more white space. Read 64 bytes at a
/// time as bit masks, since most blocks hold only single spaces.
fn next_irregular_space(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while at < bytes.len() {
        let block = Block::load(bytes, at);
        let space = block.equal(b' ');
        // The rest of `u8::is_ascii_whitespace`: tab, line feed, form feed, carriage return.
        let other = block.within(b'\t', b'\r') & !block.equal(0x0B);
        let white_next = bytes.get(at + 64).is_some_and(u8::is_ascii_whitespace);
        let white_after = ((space | other) >> 1) | (u64::from(white_next) << 63);
        let irregular = other | (space & white_after);
        if irregular != 0 {
            return Some(at + irregular.trailing_zeros() as usize);
        }
        at += 64;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_runs_and_maps_back() {
        let src = "unlock  the\n  full potential today";
        let c = Collapsed::new(src);
        assert_eq!(c.text, "unlock the full potential today");
        let at = c.text.find("full").unwrap();
        assert_eq!(
            &src[c.to_source(at)..c.to_source(at + 14)],
            "full potential"
        );
        assert_eq!(c.to_source(0), 0);
        let the = c.text.find("the").unwrap();
        assert_eq!(&src[c.to_source(the)..c.to_source(the) + 3], "the");
    }

    #[test]
    fn runs_across_the_edge_of_a_block_of_64_bytes_collapse() {
        for run in ["  ", " \n", "\t ", " \r\n "] {
            for before in 0..140 {
                let text = format!("{}{run}b", "a".repeat(before));
                assert_eq!(
                    Collapsed::new(&text).text,
                    format!("{} b", "a".repeat(before))
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn collapses_like_splitting_on_white_space(text in "[a b\t\n\r\x0b\x0cé]{0,200}") {
            let c = Collapsed::new(&text);
            let mut expected = String::new();
            let mut in_run = false;
            for ch in text.chars() {
                if ch.is_ascii_whitespace() {
                    if !in_run {
                        expected.push(' ');
                    }
                    in_run = true;
                } else {
                    expected.push(ch);
                    in_run = false;
                }
            }
            proptest::prop_assert_eq!(&c.text, &expected);
            for (at, ch) in c.text.char_indices().filter(|(_, ch)| *ch != ' ') {
                proptest::prop_assert_eq!(text[c.to_source(at)..].chars().next(), Some(ch));
            }
        }
    }
}
