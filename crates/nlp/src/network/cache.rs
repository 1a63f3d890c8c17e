//! A bounded, thread-safe cache of the embedding mixer's output, as
//! PORTING.md §8 suggests ("context-free: cache the 96-d output").
//!
//! The hash embeddings, the mixer and its layer norm (PORTING.md §4 steps
//! 1–2) look at one token's feature ids and nothing else, so their 96
//! floats can be reused whenever the same id tuple comes back: common words
//! make up most of a text. The cache only ever hands back what the same
//! code computed earlier for the same ids, so results do not depend on it.

use std::hash::{Hash, Hasher};
use std::sync::{Mutex, MutexGuard};

use crate::hashing::IdMap;

/// The feature ids of one token; columns a model does not use are zero.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key(pub [u64; 6]);

impl Key {
    /// A well-mixed 64-bit digest: the ids are mostly hashes already, but
    /// the small ones (SPACY, IS_SPACE, symbols) are not.
    fn digest(&self) -> u64 {
        let mut h = 0x9e37_79b9_7f4a_7c15u64;
        for &id in &self.0 {
            h = (h ^ id).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29);
        }
        h ^= h >> 32;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 29)
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.digest());
    }
}

type Map = IdMap<Key, Box<[f32]>>;

/// Two generations: a hit in the old one moves the entry to the new one, and
/// when the new one is full it becomes the old one. Frequent words therefore
/// survive, rare ones age out, and the memory stays bounded without keeping
/// an LRU list.
#[derive(Default)]
struct Shard {
    current: Map,
    previous: Map,
}

/// Independent shards keep threads from waiting on one lock.
const SHARDS: usize = 16;

pub(crate) struct MixerCache {
    shards: Vec<Mutex<Shard>>,
    per_generation: usize,
}

impl MixerCache {
    /// A cache of at most about `entries` rows (up to twice that while a
    /// generation turns over). Zero turns it off.
    pub fn new(entries: usize) -> MixerCache {
        MixerCache {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
            per_generation: entries.div_ceil(SHARDS),
        }
    }

    pub fn is_enabled(&self) -> bool {
        self.per_generation > 0
    }

    /// Copies the cached row for `key` into `out`; false when it is absent.
    pub fn get(&self, key: &Key, out: &mut [f32]) -> bool {
        if !self.is_enabled() {
            return false;
        }
        let mut shard = self.shard(key);
        if let Some(row) = shard.current.get(key) {
            out.copy_from_slice(row);
            return true;
        }
        let Some(row) = shard.previous.remove(key) else {
            return false;
        };
        out.copy_from_slice(&row);
        self.put(&mut shard, *key, row);
        true
    }

    /// Keeps a copy of `row` as the mixer output for `key`.
    pub fn insert(&self, key: Key, row: &[f32]) {
        if self.is_enabled() {
            let mut shard = self.shard(&key);
            self.put(&mut shard, key, row.into());
        }
    }

    fn put(&self, shard: &mut Shard, key: Key, row: Box<[f32]>) {
        if shard.current.len() >= self.per_generation {
            shard.previous = std::mem::take(&mut shard.current);
        }
        shard.current.insert(key, row);
    }

    fn shard(&self, key: &Key) -> MutexGuard<'_, Shard> {
        // The maps of a shard see keys whose digests agree in these bits;
        // their buckets come from the low bits, which still vary.
        let index = (key.digest() >> 32) as usize % SHARDS;
        // A panic while holding the lock cannot leave a half-written row
        // behind (rows are inserted whole), so a poisoned shard is still
        // good to use.
        self.shards[index]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// How many rows are held now.
    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| {
                let s = s.lock().unwrap_or_else(|p| p.into_inner());
                s.current.len() + s.previous.len()
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_back_and_the_size_stays_bounded() {
        let cache = MixerCache::new(64);
        for i in 0..1000u64 {
            cache.insert(Key([i, 1, 2, 3, 0, 0]), &[i as f32, 0.5]);
        }
        assert!(cache.len() <= 2 * 64 + SHARDS * 2);
        let mut out = [0.0; 2];
        assert!(cache.get(&Key([999, 1, 2, 3, 0, 0]), &mut out));
        assert_eq!(out, [999.0, 0.5]);
        assert!(!cache.get(&Key([0, 1, 2, 3, 0, 0]), &mut out));
    }

    #[test]
    fn a_disabled_cache_holds_nothing() {
        let cache = MixerCache::new(0);
        cache.insert(Key([1; 6]), &[1.0]);
        assert!(!cache.get(&Key([1; 6]), &mut [0.0]));
        assert_eq!(cache.len(), 0);
    }
}
