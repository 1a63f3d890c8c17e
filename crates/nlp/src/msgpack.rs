//! Typed reading of the model's msgpack files (the formats of PORTING.md
//! §1.1 and §1.3–§1.5), shared by every loader.
//!
//! Each reader names the file and what it expected, so a file that is not
//! what this model's files are (a broken or a different model) gives an
//! [`NlpError::Model`] at load time, never a panic.

use rmpv::decode::read_value_ref;
use rmpv::ValueRef;

use crate::NlpError;

/// One entry of a decoded map.
pub(crate) type Entry<'a> = (ValueRef<'a>, ValueRef<'a>);

/// Decodes `bytes` as exactly one msgpack document, borrowing its strings
/// and byte strings (the weights are megabytes). Bytes after it are an
/// error: they would mean the file is not what spaCy or thinc wrote.
pub(crate) fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<ValueRef<'a>, NlpError> {
    let mut reader = bytes;
    let value = read_value_ref(&mut reader)
        .map_err(|e| NlpError::model(file, format!("not msgpack: {e}")))?;
    if !reader.is_empty() {
        return Err(NlpError::model(
            file,
            format!("{} bytes after the msgpack value", reader.len()),
        ));
    }
    Ok(value)
}

/// The entries of a map.
pub(crate) fn map<'v, 'a>(
    file: &str,
    value: &'v ValueRef<'a>,
    what: &str,
) -> Result<&'v [Entry<'a>], NlpError> {
    match value {
        ValueRef::Map(entries) => Ok(entries),
        _ => Err(NlpError::model(file, format!("{what} is not a map"))),
    }
}

/// The items of a list.
pub(crate) fn array<'v, 'a>(
    file: &str,
    value: &'v ValueRef<'a>,
    what: &str,
) -> Result<&'v [ValueRef<'a>], NlpError> {
    match value {
        ValueRef::Array(items) => Ok(items),
        _ => Err(NlpError::model(file, format!("{what} is not a list"))),
    }
}

/// A UTF-8 string, if the value is one.
pub(crate) fn as_str<'v>(value: &'v ValueRef<'_>) -> Option<&'v str> {
    match value {
        ValueRef::String(s) => s.as_str(),
        _ => None,
    }
}

/// A boolean, if the value is one.
pub(crate) fn as_bool(value: &ValueRef<'_>) -> Option<bool> {
    match value {
        ValueRef::Boolean(b) => Some(*b),
        _ => None,
    }
}

/// A UTF-8 string.
pub(crate) fn string<'v>(
    file: &str,
    value: &'v ValueRef<'_>,
    what: &str,
) -> Result<&'v str, NlpError> {
    as_str(value).ok_or_else(|| NlpError::model(file, format!("{what} is not a UTF-8 string")))
}

/// A list of strings.
pub(crate) fn strings(
    file: &str,
    value: &ValueRef<'_>,
    what: &str,
) -> Result<Vec<String>, NlpError> {
    array(file, value, what)?
        .iter()
        .map(|s| string(file, s, what).map(str::to_string))
        .collect()
}

/// A non-negative integer.
pub(crate) fn uint(file: &str, value: &ValueRef<'_>, what: &str) -> Result<u64, NlpError> {
    value
        .as_u64()
        .ok_or_else(|| NlpError::model(file, format!("{what} is not a non-negative integer")))
}

/// An integer.
pub(crate) fn int(file: &str, value: &ValueRef<'_>, what: &str) -> Result<i64, NlpError> {
    match value {
        ValueRef::Integer(i) => i.as_i64(),
        _ => None,
    }
    .ok_or_else(|| NlpError::model(file, format!("{what} is not an integer")))
}

/// A map key written as a msgpack str or as a bin string (the ndarray maps
/// of thinc's files use bin keys).
pub(crate) fn key_str<'v>(key: &'v ValueRef<'_>) -> Option<&'v str> {
    match key {
        ValueRef::String(s) => s.as_str(),
        ValueRef::Binary(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

/// The value under the string key `key`, if the map has one.
pub(crate) fn get<'v, 'a>(entries: &'v [Entry<'a>], key: &str) -> Option<&'v ValueRef<'a>> {
    entries
        .iter()
        .find(|(k, _)| key_str(k) == Some(key))
        .map(|(_, v)| v)
}

/// The value under the integer key `key` (the tokenizer's exceptions are
/// keyed by attribute ids), if the map has one.
pub(crate) fn get_by_id<'v, 'a>(entries: &'v [Entry<'a>], key: u64) -> Option<&'v ValueRef<'a>> {
    entries
        .iter()
        .find(|(k, _)| k.as_u64() == Some(key))
        .map(|(_, v)| v)
}

/// The value under the string key `key`, which the map must have.
pub(crate) fn field<'v, 'a>(
    file: &str,
    entries: &'v [Entry<'a>],
    key: &str,
) -> Result<&'v ValueRef<'a>, NlpError> {
    get(entries, key).ok_or_else(|| NlpError::model(file, format!("no {key:?} entry")))
}

/// A reader that walks msgpack bytes in place, without building a value
/// tree: the lemmatizer's lookups hold about 100,000 strings, and decoding
/// them into [`ValueRef`]s (a vector per list) cost more than every other
/// part of loading the model together. Each reader returns `None` when the
/// next value is not of the kind asked for, and leaves the position
/// unspecified then.
#[derive(Clone)]
pub(crate) struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Cursor { bytes, pos: 0 }
    }

    /// The byte offset of the next value.
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Whether every byte has been read.
    pub(crate) fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let taken = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(taken)
    }

    /// A big-endian unsigned integer of `n` bytes (at most eight).
    fn be(&mut self, n: usize) -> Option<u64> {
        Some(
            self.take(n)?
                .iter()
                .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)),
        )
    }

    /// A length of `n` bytes.
    fn len(&mut self, n: usize) -> Option<usize> {
        usize::try_from(self.be(n)?).ok()
    }

    /// The entry count of a map.
    pub(crate) fn map_len(&mut self) -> Option<usize> {
        match self.byte()? {
            m @ 0x80..=0x8f => Some(usize::from(m & 0x0f)),
            0xde => self.len(2),
            0xdf => self.len(4),
            _ => None,
        }
    }

    /// The item count of a list.
    pub(crate) fn array_len(&mut self) -> Option<usize> {
        match self.byte()? {
            m @ 0x90..=0x9f => Some(usize::from(m & 0x0f)),
            0xdc => self.len(2),
            0xdd => self.len(4),
            _ => None,
        }
    }

    /// A UTF-8 string.
    pub(crate) fn str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.str_bytes()?).ok()
    }

    /// The bytes of a string, not checked to be UTF-8: for stepping over
    /// strings that [`Cursor::str`] will read (and check) later.
    pub(crate) fn str_bytes(&mut self) -> Option<&'a [u8]> {
        let n = match self.byte()? {
            m @ 0xa0..=0xbf => usize::from(m & 0x1f),
            0xd9 => self.len(1)?,
            0xda => self.len(2)?,
            0xdb => self.len(4)?,
            _ => return None,
        };
        self.take(n)
    }

    /// A non-negative integer, in any of the encodings msgpack allows for
    /// one (as `ValueRef::as_u64` accepts them).
    pub(crate) fn uint(&mut self) -> Option<u64> {
        let signed = |v: u64, bits: u32| {
            let shift = 64 - bits;
            let v = ((v << shift) as i64) >> shift;
            u64::try_from(v).ok()
        };
        match self.byte()? {
            m @ 0x00..=0x7f => Some(u64::from(m)),
            0xcc => self.be(1),
            0xcd => self.be(2),
            0xce => self.be(4),
            0xcf => self.be(8),
            0xd0 => signed(self.be(1)?, 8),
            0xd1 => signed(self.be(2)?, 16),
            0xd2 => signed(self.be(4)?, 32),
            0xd3 => signed(self.be(8)?, 64),
            _ => None,
        }
    }

    /// Steps over one value of any kind. Nested lists and maps are counted
    /// rather than recursed into, so deep nesting cannot exhaust the stack.
    pub(crate) fn skip(&mut self) -> Option<()> {
        let mut pending: usize = 1;
        while pending > 0 {
            pending -= 1;
            let marker = self.byte()?;
            let data = match marker {
                0x00..=0x7f | 0xe0..=0xff | 0xc0 | 0xc2 | 0xc3 => 0,
                0x80..=0x8f => {
                    pending = pending.checked_add(2 * usize::from(marker & 0x0f))?;
                    0
                }
                0x90..=0x9f => {
                    pending = pending.checked_add(usize::from(marker & 0x0f))?;
                    0
                }
                0xa0..=0xbf => usize::from(marker & 0x1f),
                0xc4 | 0xd9 => self.len(1)?,
                0xc5 | 0xda => self.len(2)?,
                0xc6 | 0xdb => self.len(4)?,
                // ext 8/16/32: a length, then a type byte.
                0xc7 => self.len(1)? + 1,
                0xc8 => self.len(2)? + 1,
                0xc9 => self.len(4)?.checked_add(1)?,
                0xca => 4,
                0xcb => 8,
                0xcc | 0xd0 => 1,
                0xcd | 0xd1 => 2,
                0xce | 0xd2 => 4,
                0xcf | 0xd3 => 8,
                // fixext 1/2/4/8/16: a type byte, then the data.
                0xd4 => 2,
                0xd5 => 3,
                0xd6 => 5,
                0xd7 => 9,
                0xd8 => 17,
                0xdc | 0xdd => {
                    let n = self.len(if marker == 0xdc { 2 } else { 4 })?;
                    pending = pending.checked_add(n)?;
                    0
                }
                0xde | 0xdf => {
                    let n = self.len(if marker == 0xde { 2 } else { 4 })?;
                    pending = pending.checked_add(n.checked_mul(2)?)?;
                    0
                }
                0xc1 => return None,
            };
            self.take(data)?;
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rmpv::Value;

    fn encode(value: &Value) -> Vec<u8> {
        let mut bytes = Vec::new();
        rmpv::encode::write_value(&mut bytes, value).expect("encode");
        bytes
    }

    #[test]
    fn one_document_and_nothing_after_it() {
        let bytes = encode(&Value::from(7));
        assert_eq!(decode("f", &bytes).expect("decodes").as_u64(), Some(7));
        assert!(decode("f", b"").is_err());
        assert!(decode("f", &[0x81]).is_err());
        let mut longer = bytes;
        longer.push(0xc0);
        let error = decode("f", &longer).expect_err("trailing byte");
        assert_eq!(
            error.to_string(),
            "model file f: 1 bytes after the msgpack value"
        );
    }

    #[test]
    fn typed_readers_name_what_they_expected() {
        let bytes = encode(&Value::Map(vec![
            (Value::from("a"), Value::from(-1)),
            (Value::Binary(b"b".to_vec()), Value::from("x")),
            (Value::from(65), Value::from(true)),
        ]));
        let value = decode("f", &bytes).expect("decodes");
        let entries = map("f", &value, "the root").expect("a map");
        let a = field("f", entries, "a").expect("a");
        assert_eq!(int("f", a, "a").ok(), Some(-1));
        assert!(uint("f", a, "a").is_err());
        assert_eq!(get(entries, "b").and_then(as_str), Some("x"));
        assert_eq!(get_by_id(entries, 65).and_then(as_bool), Some(true));
        assert_eq!(
            field("f", entries, "c").expect_err("missing").to_string(),
            "model file f: no \"c\" entry"
        );
        assert!(array("f", &value, "x").is_err());
        assert!(string("f", a, "x").is_err());
        let bytes = encode(&Value::Array(vec![Value::from("p"), Value::from(2)]));
        let list = decode("f", &bytes).expect("decodes");
        assert!(strings("f", &list, "a list").is_err());
    }

    #[test]
    fn the_cursor_reads_what_rmpv_writes() {
        let value = Value::Map(vec![
            (Value::from("a"), Value::Array(vec![Value::from("x"); 20])),
            (Value::from(300u64), Value::from(-5)),
            (Value::from("b"), Value::Binary(vec![1, 2, 3])),
            (Value::from("é".repeat(40)), Value::from(1.5f64)),
            (Value::from(70000u64), Value::Nil),
            (Value::from(u64::MAX), Value::Ext(3, vec![0; 5])),
        ]);
        let bytes = encode(&value);
        let mut all = Cursor::new(&bytes);
        assert_eq!(all.skip(), Some(()));
        assert!(all.at_end());
        let mut c = Cursor::new(&bytes);
        assert_eq!(c.map_len(), Some(6));
        assert_eq!(c.str(), Some("a"));
        assert_eq!(c.array_len(), Some(20));
        for _ in 0..20 {
            assert_eq!(c.str(), Some("x"));
        }
        assert_eq!(c.uint(), Some(300));
        assert_eq!(c.clone().uint(), None);
        c.skip().expect("an integer");
        assert_eq!(c.str(), Some("b"));
        assert_eq!(c.clone().str(), None);
        c.skip().expect("bytes");
        assert_eq!(c.str().map(|s| s.chars().count()), Some(40));
        c.skip().expect("a float");
        assert_eq!(c.uint(), Some(70000));
        c.skip().expect("nil");
        assert_eq!(c.uint(), Some(u64::MAX));
        c.skip().expect("an ext");
        assert!(c.at_end());
        assert_eq!(Cursor::new(&bytes[..bytes.len() - 1]).skip(), None);
        assert_eq!(Cursor::new(&[0xdd, 0xff, 0xff, 0xff, 0xff]).skip(), None);
    }
}
