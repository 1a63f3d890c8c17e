//! MinHash signatures of word shingles: two texts' signatures agree in
//! about the share of positions that their shingle sets overlap (the
//! Jaccard similarity), so copies can be found without comparing texts.

/// Words per shingle. Five words make a shingle specific to its text
/// while one edited word changes only five shingles.
pub const SHINGLE: usize = 5;
/// Hash functions per signature: the estimate's standard error is about
/// 1/sqrt(128), under 0.09.
pub const HASHES: usize = 128;

/// A text's signature: for each hash function, the least hash of its
/// shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u64>);

impl Signature {
    /// The signature of a text: lower-cased words of letters and digits,
    /// shingled. A text shorter than one shingle is one shingle.
    pub fn of(text: &str) -> Signature {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut mins = vec![u64::MAX; HASHES];
        let count = words.len().saturating_sub(SHINGLE - 1).max(1);
        for k in 0..count {
            let end = (k + SHINGLE).min(words.len());
            let base = fnv(&words[k..end]);
            for (i, m) in mins.iter_mut().enumerate() {
                let h = mix(base ^ SEEDS[i % SEEDS.len()].wrapping_mul(i as u64 + 1));
                if h < *m {
                    *m = h;
                }
            }
        }
        Signature(mins)
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }
}

/// FNV-1a over the words of a shingle, with a separator between words.
fn fnv(words: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// A 64-bit finaliser (splitmix64), which turns one shingle hash and a
/// seed into independent-looking hash values.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const SEEDS: [u64; 8] = [
    0x243f_6a88_85a3_08d3,
    0x1319_8a2e_0370_7344,
    0xa409_3822_299f_31d0,
    0x082e_fa98_ec4e_6c89,
    0x4528_21e6_38d0_1377,
    0xbe54_66cf_34e9_0c6c,
    0xc0ac_29b7_c97c_50dd,
    0x3f84_d5b5_b547_0917,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_agree_and_different_texts_do_not() {
        let a = "Officials in the capital said on Monday that the bridge would reopen after repairs to its main span were finished.";
        let b = "Farmers in the north planted late this year because the spring rains came weeks after the usual time.";
        assert_eq!(Signature::of(a).similarity(&Signature::of(a)), 1.0);
        assert!(Signature::of(a).similarity(&Signature::of(b)) < 0.1);
    }

    #[test]
    fn a_lightly_edited_copy_stays_similar() {
        let a = "The port reopened on Tuesday after a week of repairs, the harbour authority said, and the first ships were expected to dock by evening. Fishermen said the closure had cost them most of the season.";
        let b = "The port reopened on Tuesday after a week of repairs, the harbour authority said, and the first ships were expected to dock by the evening. Fishermen said the closure had cost them most of the season.";
        let s = Signature::of(a).similarity(&Signature::of(b));
        assert!(s > 0.6, "{s}");
    }
}
