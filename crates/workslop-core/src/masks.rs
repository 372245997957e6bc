//! Byte classes of 64 bytes at once, as bit masks: bit `j` for byte `j` of the block. The
//! comparisons run on 16 bytes at a time in the machine's vector registers (`wide` picks SSE2,
//! NEON or plain code), so a scanner reads a text's words off the masks with no branch per
//! byte.

use wide::i8x16;

/// 64 bytes of a text, zeros past its end.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block([i8x16; 4]);

impl Block {
    /// The 64 bytes from `at`.
    #[inline]
    pub(crate) fn load(bytes: &[u8], at: usize) -> Block {
        Block(std::array::from_fn(|lane| {
            i8x16::new(load_padded::<16>(bytes, at + 16 * lane).map(|b| b as i8))
        }))
    }

    fn mask(&self, test: impl Fn(i8x16) -> i8x16) -> u64 {
        self.0.iter().enumerate().fold(0, |mask, (lane, &v)| {
            mask | u64::from(test(v).to_bitmask()) << (16 * lane)
        })
    }

    /// The bytes equal to `byte` (ASCII).
    pub(crate) fn equal(&self, byte: u8) -> u64 {
        let byte = i8x16::splat(byte as i8);
        self.mask(|v| v.simd_eq(byte))
    }

    /// The bytes from `from` to `to`, both ASCII. Bytes outside ASCII read as negative numbers,
    /// below any ASCII byte, so they are never within.
    pub(crate) fn within(&self, from: u8, to: u8) -> u64 {
        let (below, above) = (i8x16::splat(from as i8 - 1), i8x16::splat(to as i8 + 1));
        self.mask(|v| v.simd_gt(below) & v.simd_lt(above))
    }

    /// The ASCII letters.
    pub(crate) fn letters(&self) -> u64 {
        let (case, below, above) = (
            i8x16::splat(0x20),
            i8x16::splat(b'a' as i8 - 1),
            i8x16::splat(b'z' as i8 + 1),
        );
        // Setting the case bit makes upper case lower case and leaves other bytes outside a..z.
        self.mask(|v| {
            let folded = v | case;
            folded.simd_gt(below) & folded.simd_lt(above)
        })
    }
}

/// `N` bytes from `at`, zeros past the end of `bytes`.
pub(crate) fn load_padded<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    match bytes.get(at..).and_then(|rest| rest.first_chunk::<N>()) {
        Some(&chunk) => chunk,
        None => {
            let mut lanes = [0u8; N];
            let rest = bytes.get(at..).unwrap_or(&[]);
            lanes[..rest.len()].copy_from_slice(rest);
            lanes
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_agree_with_byte_tests() {
        let bytes: Vec<u8> = (0u8..=255).chain(0u8..=255).rev().collect();
        for at in [0, 1, 63, 64, 200, 470, 500, 511, 512] {
            let block = Block::load(&bytes, at);
            let expect = |test: &dyn Fn(u8) -> bool| {
                (0..64).fold(0u64, |mask, j| {
                    let b = bytes.get(at + j).copied().unwrap_or(0);
                    mask | u64::from(test(b)) << j
                })
            };
            assert_eq!(block.equal(b','), expect(&|b| b == b','), "{at}");
            assert_eq!(block.equal(0), expect(&|b| b == 0), "{at}");
            assert_eq!(
                block.within(b'0', b'9'),
                expect(&|b| b.is_ascii_digit()),
                "{at}"
            );
            assert_eq!(
                block.within(b'A', b'Z'),
                expect(&|b| b.is_ascii_uppercase()),
                "{at}"
            );
            assert_eq!(
                block.letters(),
                expect(&|b| b.is_ascii_alphabetic()),
                "{at}"
            );
        }
    }
}
