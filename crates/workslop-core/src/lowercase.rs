//! Lowercasing that keeps every byte offset where it was.

/// Lowercases `text` character by character, keeping a character as it is when its lowercase
/// form has another UTF-8 length (e.g. `İ`), so offsets into the result are offsets into `text`.
pub fn lowercase_in_place_offsets(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let changes = non_ascii_changes(text);
    if changes.is_empty() {
        return lower;
    }
    let mut bytes = lower.into_bytes();
    for (at, c) in changes {
        c.encode_utf8(&mut bytes[at..at + c.len_utf8()]);
    }
    String::from_utf8(bytes).expect("characters replaced by ones of the same UTF-8 length")
}

/// The characters outside ASCII whose lowercase form is one other character of the same UTF-8
/// length, with their offsets. Blocks of ASCII are skipped whole: in most text they are nearly
/// all of it.
fn non_ascii_changes(text: &str) -> Vec<(usize, char)> {
    const BLOCK: usize = 32;
    let bytes = text.as_bytes();
    let mut changes = Vec::new();
    for (k, block) in bytes.chunks(BLOCK).enumerate() {
        if block.iter().fold(0, |any, &b| any | b) < 0x80 {
            continue;
        }
        for (j, &b) in block.iter().enumerate() {
            // Each character outside ASCII starts with a byte of 0xC0 or more.
            if b < 0xC0 {
                continue;
            }
            let at = k * BLOCK + j;
            let Some(c) = text[at..].chars().next() else {
                continue;
            };
            if crate::han::is_ideograph(c) {
                continue;
            }
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next())
                && l != c
                && l.len_utf8() == c.len_utf8()
            {
                changes.push((at, l));
            }
        }
    }
    changes
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
        // Characters outside ASCII in later blocks, and one across a block boundary.
        let long = format!(
            "{}ÉTÉ {}Ω {}",
            "A".repeat(40),
            "b".repeat(20),
            "Ж".repeat(30)
        );
        for text in [mixed, &long] {
            assert_eq!(lowercase_in_place_offsets(text), by_char(text), "{text}");
        }
    }

    fn by_char(text: &str) -> String {
        text.chars()
            .map(|c| {
                let lower: Vec<char> = c.to_lowercase().collect();
                match lower[..] {
                    [l] if l.len_utf8() == c.len_utf8() => l,
                    _ => c,
                }
            })
            .collect()
    }
}
