//! The shipped knowledge base, built once when storyline is compiled.
//!
//! Parsing the shipped files, folding their names and indexing them takes
//! about 120 ms, most of a short run's time. The build script
//! (`crates/kb/build.rs`) does it with this crate's own loading code and
//! writes the finished [`Kb`] to a compact binary file that is embedded in
//! the binary; a run only decodes it. A user's `--kb` files still go
//! through [`Kb::load`], which merges them with the shipped data.

use crate::kb::Kb;

/// The encoded knowledge base the build script wrote.
static ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.postcard"));

/// Every string of it, once, which its string fields point into
/// (`arena.rs`).
static STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/kb-strings.txt"));

impl Kb {
    /// The shipped knowledge base, decoded once.
    pub fn builtin() -> &'static Kb {
        static KB: std::sync::OnceLock<Kb> = std::sync::OnceLock::new();
        KB.get_or_init(|| {
            let mut kb: Kb = crate::arena::decode(STRINGS, ENCODED)
                .expect("the build script encodes the knowledge base this crate decodes");
            kb.index_names();
            kb
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decoded base is the base the data files build now, table for
    /// table: the build script reruns when they change, and this catches a
    /// field that does not survive encoding.
    #[test]
    fn the_prebuilt_base_is_the_base_the_data_files_build() {
        let built = Kb::load(&[]).expect("the shipped data loads");
        let encode = |kb: &Kb| crate::arena::encode(kb).expect("the knowledge base encodes");
        assert_eq!(encode(Kb::builtin()), encode(&built));
        for name in ["kyiv", "united nations", "us", "zelensky"] {
            assert_eq!(
                Kb::builtin().pattern_index(name),
                built.pattern_index(name),
                "{name}"
            );
        }
        assert!(Kb::builtin().pattern_index("kyiv").is_some());
    }
}
