//! Prose with every run of white space collapsed to one space, for phrase matching across
//! line wraps and blanked markup, with a map back to source offsets.

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
        let (mut i, mut copied_from, mut removed) = (0, 0, 0u32);
        while i < bytes.len() {
            if !bytes[i].is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let run_end = i + bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            if run_end - i == 1 && bytes[i] == b' ' {
                i = run_end;
                continue;
            }
            out.push_str(&text[copied_from..i]);
            out.push(' ');
            removed += (run_end - i - 1) as u32;
            shifts.push((out.len() as u32, removed));
            copied_from = run_end;
            i = run_end;
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
}
