//! Byte classes of eight bytes at once, in one `u64` ("SIMD within a register").
//!
//! Each test leaves the top bit set in the lanes that pass, and `gather` packs those bits into
//! an 8-bit mask, bit `j` for byte `j`. The tests hold for bytes below 0x80; callers mask out
//! or handle the others.

const LANES: u64 = 0x0101_0101_0101_0101;
pub(crate) const TOP: u64 = 0x80 * LANES;
/// The bit that tells ASCII letters' cases apart, in every lane.
pub(crate) const CASE: u64 = 0x20 * LANES;
const LOW: u64 = 0x7F * LANES;

/// Eight bytes from `at`, zeros past the end of `bytes`.
pub(crate) fn load_padded(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        Some(&eight) => u64::from_le_bytes(eight),
        None => {
            let mut lanes = [0u8; 8];
            let rest = bytes.get(at..).unwrap_or(&[]);
            lanes[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(lanes)
        }
    }
}

/// Lanes of `ascii` (top bits clear) from `from` to `to`, both at least 1 and below 0x80: adding
/// `0x80 - c` to a byte sets its top bit exactly when the byte is at least `c`, and no sum
/// carries into the next byte.
pub(crate) fn within(ascii: u64, from: u8, to: u8) -> u64 {
    let at_least = |c: u8| ascii + (0x80 - u64::from(c)) * LANES;
    at_least(from) & !at_least(to + 1) & TOP
}

/// Lanes of `eight` equal to `byte`.
pub(crate) fn equal(eight: u64, byte: u8) -> u64 {
    let diff = eight ^ (u64::from(byte) * LANES);
    // A lane's top bit ends up clear only when all its bits were.
    !(((diff & LOW) + LOW) | diff) & TOP
}

/// The top bit of each lane, packed into the low byte.
pub(crate) fn gather(tops: u64) -> u64 {
    ((tops >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_tests_agree_with_byte_tests() {
        let bytes: Vec<u8> = (0u8..=255).collect();
        for at in (0..256).step_by(8) {
            let eight = load_padded(&bytes, at);
            let ascii = eight & !TOP;
            let mut expect = [0u64; 3];
            for j in 0..8 {
                let b = bytes[at + j];
                expect[0] |= u64::from(b.is_ascii_lowercase()) << j;
                expect[1] |= u64::from(b == b',') << j;
                expect[2] |= u64::from(b >= 0x80) << j;
            }
            let lower = gather(within(ascii, b'a', b'z') & !(eight & TOP));
            assert_eq!(lower, expect[0], "{at}");
            assert_eq!(gather(equal(eight, b',')), expect[1], "{at}");
            assert_eq!(gather(eight & TOP), expect[2], "{at}");
        }
        assert_eq!(
            load_padded(b"abc", 1),
            u64::from_le_bytes(*b"bc\0\0\0\0\0\0")
        );
        assert_eq!(load_padded(b"abc", 3), 0);
    }
}
