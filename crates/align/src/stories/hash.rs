//! Fixed-seed hashing: the same keys, sketches and hash-map behaviour on
//! every run and machine (never std's `RandomState`).

use std::hash::{BuildHasher, Hasher};

/// The splitmix64 finaliser: a bijective 64-bit mix.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Hashes bytes eight at a time with [`mix`], from `seed`.
pub(crate) fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = mix(seed ^ (bytes.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w: [u8; 8] = c.try_into().expect("chunks of eight");
        h = mix(h ^ u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // little-endian, as from_le_bytes of the zero-padded bytes
        let w = rest
            .iter()
            .rev()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        h = mix(h ^ w);
    }
    h
}

/// A fixed-seed `BuildHasher` for the internal hash maps.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FixedState;

impl BuildHasher for FixedState {
    type Hasher = FixedHasher;
    fn build_hasher(&self) -> FixedHasher {
        FixedHasher(0x243f_6a88_85a3_08d3)
    }
}

/// The hasher of [`FixedState`]: FNV-1a over the written bytes, with whole
/// integers folded in by [`mix`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct FixedHasher(u64);

impl Hasher for FixedHasher {
    fn finish(&self) -> u64 {
        mix(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = mix(self.0 ^ n);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_fixed() {
        // the same value on every run and machine
        assert_eq!(hash_bytes(0, b""), mix(0));
        assert_eq!(hash_bytes(0, b"quake"), 0xb391_76d8_f4f4_1cce);
        assert_ne!(hash_bytes(0, b"quake"), hash_bytes(0, b"quakes"));
        assert_ne!(hash_bytes(0, b"quake"), hash_bytes(1, b"quake"));
        assert_eq!(
            FixedState.hash_one("quake"),
            FixedState.hash_one(String::from("quake"))
        );
    }
}
