//! Byte offsets to 1-based line and column numbers (columns count characters).

/// The start offset of every line of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// A 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// Positions of many offsets in one pass over the text, so a huge single line costs
    /// linear time however many offsets point into it.
    pub fn positions(&self, text: &str, offsets: &[usize]) -> Vec<LineCol> {
        // Each offset packed with its index into one number sorts fastest.
        let mut order: Vec<u128> = (offsets.iter())
            .zip(0..)
            .map(|(&offset, i): (&usize, usize)| {
                ((offset.min(text.len()) as u128) << 64) | i as u128
            })
            .collect();
        // Offsets that come in order (the starts of sorted spans) need no sort.
        if !order.is_sorted() {
            order.sort_unstable();
        }
        let mut out = vec![LineCol { line: 1, column: 1 }; offsets.len()];
        let (mut cursor, mut column) = (0usize, 1u32);
        let mut line = 0usize;
        for packed in order {
            let (offset, i) = ((packed >> 64) as usize, packed as u64 as usize);
            let offset = floor_char_boundary(text, offset);
            // The offsets come in order, so their line only moves forward.
            let mut target_line = line;
            while self
                .starts
                .get(target_line + 1)
                .is_some_and(|&s| s <= offset)
            {
                target_line += 1;
            }
            if target_line != line || offset < cursor {
                line = target_line;
                cursor = self.starts[line];
                column = 1;
            }
            column += text[cursor..offset].chars().count() as u32;
            cursor = offset;
            out[i] = LineCol {
                line: line as u32 + 1,
                column,
            };
        }
        out
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_character_columns() {
        let text = "ab\nçd é\n\nx";
        let index = LineIndex::new(text);
        let pos = index.positions(text, &[0, 4, 3, 7, 9, 10, 11, text.len()]);
        let pairs: Vec<_> = pos.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(
            pairs,
            [
                (1, 1),
                (2, 1),
                (2, 1),
                (2, 4),
                (2, 5),
                (3, 1),
                (4, 1),
                (4, 2)
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn positions_are_those_counted_from_the_start(
            text in "[ab\né€\r]{0,40}",
            offsets in proptest::collection::vec(0usize..50, 0..20),
        ) {
            let index = LineIndex::new(&text);
            // In any order, and in order (which skips the sort).
            let mut sorted = offsets.clone();
            sorted.sort_unstable();
            for offsets in [offsets, sorted] {
                let found = index.positions(&text, &offsets);
                for (&offset, found) in offsets.iter().zip(found) {
                    let before = &text[..floor_char_boundary(&text, offset.min(text.len()))];
                    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                    let expected = LineCol {
                        line: before.matches('\n').count() as u32 + 1,
                        column: before[line_start..].chars().count() as u32 + 1,
                    };
                    proptest::prop_assert_eq!(found, expected);
                }
            }
        }
    }
}
