//! Inline suppressions written as comments in Markdown and HTML:
//! `<!-- workslop-disable-next-line WS101 -->`, `<!-- workslop-disable WS101 -->` ...
//! `<!-- workslop-enable -->`, and `<!-- workslop-disable-file -->`. No codes means all codes.

use std::ops::Range;

use memchr::memmem;

/// Where which codes are suppressed in one document.
#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    /// Byte ranges with the codes they suppress (`None`: every code).
    regions: Vec<(Range<usize>, Option<Vec<String>>)>,
}

impl Suppressions {
    /// Reads every directive comment in `source`.
    pub fn parse(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut regions = Vec::new();
        // Open `workslop-disable` regions: (start, codes).
        let mut open: Vec<(usize, Option<Vec<String>>)> = Vec::new();
        for at in memmem::find_iter(bytes, b"<!--") {
            let body_start = at + 4;
            let Some(len) = memmem::find(&bytes[body_start..], b"-->") else {
                break;
            };
            let comment_end = body_start + len + 3;
            let body = source[body_start..body_start + len].trim();
            let mut parts = body
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|s| !s.is_empty());
            let directive = parts.next().unwrap_or("");
            let codes: Vec<String> = parts.map(|c| c.to_ascii_uppercase()).collect();
            let codes = (!codes.is_empty()).then_some(codes);
            match directive {
                "workslop-disable-file" => regions.push((0..source.len(), codes)),
                "workslop-disable-next-line" => {
                    let next_line = line_end(bytes, comment_end).map_or(source.len(), |e| e + 1);
                    let next_end = line_end(bytes, next_line).unwrap_or(source.len());
                    regions.push((next_line..next_end, codes));
                }
                "workslop-disable" => open.push((comment_end, codes)),
                "workslop-enable" => {
                    let (closing, kept): (Vec<_>, Vec<_>) =
                        open.into_iter().partition(|(_, open_codes)| {
                            codes.is_none() || open_codes.is_none() || open_codes == &codes
                        });
                    regions.extend(closing.into_iter().map(|(start, c)| (start..at, c)));
                    open = kept;
                }
                _ => {}
            }
        }
        regions.extend(open.into_iter().map(|(start, c)| (start..source.len(), c)));
        Suppressions { regions }
    }

    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    /// Whether a finding of `code` starting at `offset` is suppressed.
    pub fn suppresses(&self, code: &str, offset: usize) -> bool {
        self.regions.iter().any(|(range, codes)| {
            range.contains(&offset) && codes.as_ref().is_none_or(|c| c.iter().any(|c| c == code))
        })
    }

    /// Whether `code` is suppressed for the whole document.
    pub fn suppresses_file(&self, code: &str, len: usize) -> bool {
        self.regions.iter().any(|(range, codes)| {
            range.start == 0
                && range.end >= len
                && codes.as_ref().is_none_or(|c| c.iter().any(|c| c == code))
        })
    }
}

fn line_end(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr(b'\n', bytes.get(from..)?).map(|n| from + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_line_covers_only_the_next_line() {
        let src = "a\n<!-- workslop-disable-next-line WS101 -->\nseamless\nseamless\n";
        let s = Suppressions::parse(src);
        let first = src.find("seamless").unwrap();
        assert!(s.suppresses("WS101", first));
        assert!(!s.suppresses("WS201", first));
        assert!(!s.suppresses("WS101", src.rfind("seamless").unwrap()));
    }

    #[test]
    fn regions_close_at_enable_and_file_covers_all() {
        let src = "x <!-- workslop-disable --> in <!-- workslop-enable --> out";
        let s = Suppressions::parse(src);
        assert!(s.suppresses("WS999", src.find("in").unwrap()));
        assert!(!s.suppresses("WS999", src.find("out").unwrap()));
        let src = "<!-- workslop-disable-file ws102, WS201 -->\ntext";
        let f = Suppressions::parse(src);
        assert!(f.suppresses_file("WS102", src.len()) && f.suppresses("WS201", 45));
        assert!(!f.suppresses("WS101", 45) && !f.suppresses_file("WS101", src.len()));
        assert!(Suppressions::parse("<!-- unrelated --> <!-- unclosed").is_empty());
    }
}
