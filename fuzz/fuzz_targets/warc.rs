//! Bytes as a WARC archive: the reader must not panic or loop, whatever
//! the records claim about their lengths.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let opts = storyline_ingest::ReadOptions { max_bytes: 1_000_000 };
    let mut count = 0usize;
    storyline_ingest::read_warc("fuzz.warc", bytes, &opts, &mut |_| count += 1);
    assert!(count <= bytes.len() + 1);
});
