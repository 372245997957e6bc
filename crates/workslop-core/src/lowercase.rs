//! Lowercasing that keeps every byte offset where it was.

/// Lowercases `text` character by character, keeping a character as it is when its lowercase
/// form has another UTF-8 length (e.g. `İ`), so offsets into the result are offsets into `text`.
pub fn lowercase_in_place_offsets(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii_len = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (ascii, tail) = rest.split_at(ascii_len);
        out.extend(ascii.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        let mut chars = tail.chars();
        let Some(c) = chars.next() else { break };
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
        rest = chars.as_str();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_length_and_folds_what_it_can() {
        for s in [
            "Hello WORLD",
            "ŻÓŁW Über ÉTÉ",
            "İstanbul ẞ",
            "日本語 ABC 😀",
            "",
        ] {
            let l = lowercase_in_place_offsets(s);
            assert_eq!(l.len(), s.len(), "{s}");
        }
        assert_eq!(lowercase_in_place_offsets("ŻÓŁW Über"), "żółw über");
        assert_eq!(lowercase_in_place_offsets("İx"), "İx");
    }
}
