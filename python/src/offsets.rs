//! Byte offsets to Python string indices (code points).

/// Code point index of each byte offset (offsets must lie on char boundaries or are floored).
pub fn code_point_indices(text: &str, offsets: &[usize]) -> Vec<usize> {
    if text.is_ascii() {
        return offsets.iter().map(|&o| o.min(text.len())).collect();
    }
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut out = vec![0; offsets.len()];
    let (mut byte, mut chars) = (0usize, 0usize);
    for i in order {
        let target = offsets[i].min(text.len());
        for c in text[byte..].chars() {
            if byte + c.len_utf8() > target {
                break;
            }
            byte += c.len_utf8();
            chars += 1;
        }
        out[i] = chars;
    }
    out
}
