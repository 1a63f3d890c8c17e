//! The hash functions the model is built on (PORTING.md §3): string ids
//! are MurmurHash64A (MurmurHash2's 64-bit variant A) of the UTF-8 bytes,
//! and the hash embeddings pick their rows with MurmurHash3 x64_128 of an
//! id's eight little-endian bytes. Both must be bit-exact, or every
//! embedding differs. Also the hasher of the crate's maps whose keys are
//! such hashes already.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const M64A: u64 = 0xc6a4_a793_5bd1_e995;

/// MurmurHash64A of `data` with `seed`.
fn murmurhash64a(data: &[u8], seed: u64) -> u64 {
    const R: u32 = 47;
    let mut h = seed ^ (data.len() as u64).wrapping_mul(M64A);
    let mut blocks = data.chunks_exact(8);
    for block in &mut blocks {
        let mut k = u64::from_le_bytes(block.try_into().expect("eight bytes"));
        k = k.wrapping_mul(M64A);
        k ^= k >> R;
        k = k.wrapping_mul(M64A);
        h ^= k;
        h = h.wrapping_mul(M64A);
    }
    let tail = blocks.remainder();
    if !tail.is_empty() {
        for (i, &byte) in tail.iter().enumerate() {
            h ^= u64::from(byte) << (8 * i);
        }
        h = h.wrapping_mul(M64A);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M64A);
    h ^= h >> R;
    h
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// MurmurHash3 x64_128 of the eight little-endian bytes of `key`, as the
/// four 32-bit words `[lo(h1), hi(h1), lo(h2), hi(h2)]` that a hash
/// embedding reduces modulo its row count. With eight bytes there is no full
/// sixteen-byte block, so only the first tail lane runs.
pub(crate) fn murmurhash3_u64(key: u64, seed: u32) -> [u32; 4] {
    const C1: u64 = 0x87c3_7b91_1142_53d5;
    const C2: u64 = 0x4cf5_ad43_2745_937f;
    let mut h1 = u64::from(seed);
    let mut h2 = u64::from(seed);
    let k1 = key.wrapping_mul(C1).rotate_left(31).wrapping_mul(C2);
    h1 ^= k1;
    h1 ^= 8;
    h2 ^= 8;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    [h1 as u32, (h1 >> 32) as u32, h2 as u32, (h2 >> 32) as u32]
}

/// spaCy's hash of a string that is not in the symbol table.
pub(crate) fn hash_string(s: &str) -> u64 {
    murmurhash64a(s.as_bytes(), 1)
}

/// The multiplier of Fibonacci hashing (2^64 / φ, odd).
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// A hasher for keys that are hashes already (string ids, chunk hashes,
/// cache digests), which SipHash would only slow down. Multiplying by an
/// odd constant spreads small values (symbol ids) over the high bits, which
/// the hash map uses for its control bytes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(byte)).wrapping_mul(GOLDEN);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value.wrapping_mul(GOLDEN);
    }
}

/// A hash map whose keys hash to one `u64` that is a hash already.
pub(crate) type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// A hasher for short string keys (the lemmatizer's tables), taking eight
/// bytes at a step: the tables are built from about 100,000 borrowed
/// strings when first used, and SipHash would be most of that cost. The
/// keys come from the model, not from an adversary, so a keyed hash is not
/// needed.
#[derive(Default)]
pub(crate) struct StrHasher(u64);

impl Hasher for StrHasher {
    fn finish(&self) -> u64 {
        // A final mix, so that the high bits the map uses for its control
        // bytes depend on every input byte.
        fmix64(self.0)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            self.0 = (self.0.rotate_left(23) ^ word).wrapping_mul(GOLDEN);
        }
        let tail = words.remainder();
        if !tail.is_empty() {
            let mut last = [0u8; 8];
            last[..tail.len()].copy_from_slice(tail);
            let word = u64::from_le_bytes(last) ^ ((tail.len() as u64) << 59);
            self.0 = (self.0.rotate_left(23) ^ word).wrapping_mul(GOLDEN);
        }
    }
}

/// A hash map keyed by strings, with [`StrHasher`].
pub(crate) type StrMap<K, V> = HashMap<K, V, BuildHasherDefault<StrHasher>>;

/// A hash set of strings, with [`StrHasher`].
pub(crate) type StrSet<K> = std::collections::HashSet<K, BuildHasherDefault<StrHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    // Values computed with the Python reference implementation in
    // `shared/models/reference/hashing.py`, itself checked against spaCy.
    #[test]
    fn string_hashes_match_the_reference() {
        let cases: &[(&str, u64)] = &[
            ("", 14313749767032693980),
            ("a", 11901859001352538922),
            ("hello world", 2758594965276909933),
            ("Zelenskyy", 3843179570113889980),
            ("naïve", 16224804062388677344),
        ];
        for &(s, want) in cases {
            assert_eq!(hash_string(s), want, "{s:?}");
        }
    }

    #[test]
    fn embedding_hashes_match_the_reference() {
        let cases: &[(u64, u32, [u32; 4])] = &[
            (0, 8, [0, 0, 0, 0]),
            (1, 9, [2205482518, 2060344464, 1125017477, 2005428196]),
            (
                12345678901234567890,
                13,
                [3417795133, 3531963535, 2357308471, 2005261732],
            ),
            (
                u64::MAX,
                10,
                [822701949, 1838351913, 2575304842, 1711549812],
            ),
        ];
        for &(key, seed, want) in cases {
            assert_eq!(murmurhash3_u64(key, seed), want, "{key} {seed}");
        }
    }
}
