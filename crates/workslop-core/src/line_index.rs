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

/// The most bytes from a span's start to its end that are counted on from the start.
const NEAR_END_BYTES: usize = 4096;

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

    /// Positions of the ends of `spans`, given the positions of their starts as
    /// [`LineIndex::positions`] finds them: an end on its start's line and near it is counted on
    /// from the start, which needs no sort; the others are found as `positions` finds them.
    pub fn end_positions(
        &self,
        text: &str,
        spans: &[(usize, usize)],
        starts: &[LineCol],
    ) -> Vec<LineCol> {
        let mut out = Vec::with_capacity(spans.len());
        let mut far = Vec::new();
        for (i, (&(start, end), at)) in spans.iter().zip(starts).enumerate() {
            let start = floor_char_boundary(text, start.min(text.len()));
            let end = floor_char_boundary(text, end.min(text.len()));
            // The start of the line after the start's.
            let next_line = self.starts.get(at.line as usize).copied();
            let near = (start..=start + NEAR_END_BYTES).contains(&end)
                && next_line.is_none_or(|next| end < next);
            if near {
                let column = at.column + text[start..end].chars().count() as u32;
                out.push(LineCol { column, ..*at });
            } else {
                out.push(*at);
                far.push(i);
            }
        }
        if !far.is_empty() {
            let offsets: Vec<usize> = far.iter().map(|&i| spans[i].1).collect();
            for (&i, found) in far.iter().zip(self.positions(text, &offsets)) {
                out[i] = found;
            }
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
        fn end_positions_are_those_found_in_one_pass(
            text in "[ab\né€\r]{0,40}",
            spans in proptest::collection::vec((0usize..50, 0usize..50), 0..20),
        ) {
            let index = LineIndex::new(&text);
            let starts: Vec<usize> = spans.iter().map(|s| s.0).collect();
            let ends: Vec<usize> = spans.iter().map(|s| s.1).collect();
            let at = index.positions(&text, &starts);
            proptest::prop_assert_eq!(
                index.end_positions(&text, &spans, &at),
                index.positions(&text, &ends)
            );
        }

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
