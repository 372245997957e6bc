//! Lowercasing that keeps every byte offset where it was.

/// Lowercases `text` character by character, keeping a character as it is when its lowercase
/// form has another UTF-8 length (e.g. `İ`), so offsets into the result are offsets into `text`.
pub fn lowercase_in_place_offsets(text: &str) -> String {
    let mut out = text.as_bytes().to_vec();
    out.make_ascii_lowercase();
    if !text.is_ascii() {
        // Only the characters outside ASCII are left: each starts with a byte of 0xC0 or more.
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if b < 0xC0 {
                continue;
            }
            let Some(c) = text[i..]
                .chars()
                .next()
                .filter(|&c| !crate::han::is_ideograph(c))
            else {
                continue;
            };
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next())
                && l != c
                && l.len_utf8() == c.len_utf8()
            {
                l.encode_utf8(&mut out[i..i + c.len_utf8()]);
            }
        }
    }
    String::from_utf8(out).expect("characters replaced by ones of the same UTF-8 length")
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
        let mixed = "Ünïcode — ÆON Ωmega «Ђ» ΣΑΣ";
        let by_char: String = mixed
            .chars()
            .map(|c| {
                let lower: Vec<char> = c.to_lowercase().collect();
                match lower[..] {
                    [l] if l.len_utf8() == c.len_utf8() => l,
                    _ => c,
                }
            })
            .collect();
        assert_eq!(lowercase_in_place_offsets(mixed), by_char);
    }
}
