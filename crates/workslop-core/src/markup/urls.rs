//! Blanking URLs and e-mail addresses, which are not prose in any format.

use memchr::memmem;

/// Blanks every URL (`scheme://...`, `www....`) and e-mail address; returns how many.
pub(super) fn blank(bytes: &mut [u8]) -> usize {
    let mut ranges = Vec::new();
    for at in memmem::find_iter(bytes, b"://") {
        let start = scan_back(bytes, at, |b| b.is_ascii_alphanumeric() || b == b'+');
        if start < at {
            ranges.push((start, url_end(bytes, at + 3)));
        }
    }
    for at in memmem::find_iter(bytes, b"www.") {
        if at == 0 || !is_url_byte(bytes[at - 1]) {
            ranges.push((at, url_end(bytes, at + 4)));
        }
    }
    for at in memchr::memchr_iter(b'@', bytes) {
        let start = scan_back(bytes, at, is_email_byte);
        let end = scan_forward(bytes, at + 1, is_email_byte);
        let domain = trim_trailing_punctuation(bytes, at + 1, end);
        if start < at && bytes[at + 1..domain].contains(&b'.') {
            ranges.push((start, domain));
        }
    }
    ranges.sort_unstable();
    let mut count = 0;
    let mut covered = 0;
    for (start, end) in ranges {
        if end <= covered {
            continue;
        }
        if start >= covered {
            count += 1;
        }
        for b in &mut bytes[start.max(covered)..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        covered = end;
    }
    count
}

fn is_url_byte(b: u8) -> bool {
    !(b.is_ascii_whitespace() || b"<>\"'`()[]{}|\\^".contains(&b)) && b.is_ascii()
}

fn is_email_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"._%+-".contains(&b)
}

fn scan_back(bytes: &[u8], at: usize, keep: impl Fn(u8) -> bool) -> usize {
    let mut start = at;
    while start > 0 && keep(bytes[start - 1]) {
        start -= 1;
    }
    start
}

fn scan_forward(bytes: &[u8], from: usize, keep: impl Fn(u8) -> bool) -> usize {
    let mut end = from;
    while end < bytes.len() && keep(bytes[end]) {
        end += 1;
    }
    end
}

fn url_end(bytes: &[u8], from: usize) -> usize {
    let end = scan_forward(bytes, from, is_url_byte);
    trim_trailing_punctuation(bytes, from, end)
}

/// A sentence's full stop or comma right after a URL belongs to the sentence.
fn trim_trailing_punctuation(bytes: &[u8], from: usize, mut end: usize) -> usize {
    while end > from && b".,;:!?".contains(&bytes[end - 1]) {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(s: &str) -> (String, usize) {
        let mut bytes = s.as_bytes().to_vec();
        let n = blank(&mut bytes);
        (String::from_utf8(bytes).unwrap(), n)
    }

    #[test]
    fn urls_lose_their_text_but_keep_the_full_stop() {
        let (s, n) = blanked("See https://a.example/x?y=1. Or www.b.example, ok.");
        assert_eq!(
            s,
            format!("See {}. Or {}, ok.", " ".repeat(23), " ".repeat(13))
        );
        assert_eq!(n, 2);
    }

    #[test]
    fn emails_need_a_dotted_domain() {
        assert_eq!(blanked("mail jo@shop.example.").0, "mail                .");
        assert_eq!(blanked("@handle and a@b").1, 0);
    }

    #[test]
    fn non_ascii_neighbours_stay_intact() {
        let (s, n) = blanked("über https://x.example/ä café");
        assert!(s.starts_with("über "));
        assert!(s.ends_with("ä café"));
        assert_eq!(n, 1);
    }
}
