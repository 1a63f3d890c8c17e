//! The prebuilt knowledge base's strings, stored once in one text.
//!
//! Decoding 700,000 short strings one by one (a UTF-8 check and often an
//! allocation each) was half of the knowledge base's load time. Encoded
//! through [`encode`], every string field marked `#[serde(with =
//! "arena::one")]` (or `many`, `maybe`) is written into one text, each
//! distinct string once, and the field itself as the string's byte range.
//! [`decode`] reads the ranges back as `SmolStr`s that point into that text
//! without copying it: the text is embedded in the binary with
//! `include_str!`, so it is checked as UTF-8 when storyline is compiled.
//!
//! The text in use is held per thread while a value is encoded or decoded;
//! these fields cannot be serialized outside [`encode`] and [`decode`].

use rustc_hash::FxHashMap;
use serde::de::{DeserializeOwned, Error as _};
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smol_str::SmolStr;
use std::cell::{Cell, RefCell};

/// What a value is being decoded from: the shared text, and the whole
/// encoded buffer, which lazily decoded records ([`crate::records`]) keep
/// pieces of.
#[derive(Clone, Copy)]
struct Source {
    text: &'static str,
    bytes: &'static [u8],
}

#[derive(Default)]
struct Writer {
    text: String,
    ranges: FxHashMap<String, (u32, u32)>,
}

thread_local! {
    static WRITING: RefCell<Option<Writer>> = const { RefCell::new(None) };
    static READING: Cell<Option<Source>> = const { Cell::new(None) };
}

/// The encoded value and the text its string fields index into.
// The build script encodes; the library itself only in its tests.
#[cfg_attr(not(test), allow(dead_code))]
pub fn encode<T: Serialize>(value: &T) -> Result<(String, Vec<u8>), postcard::Error> {
    WRITING.with(|w| *w.borrow_mut() = Some(Writer::default()));
    let encoded = postcard::to_allocvec(value);
    let writer = WRITING.with(|w| w.borrow_mut().take()).unwrap_or_default();
    Ok((writer.text, encoded?))
}

/// Decodes a value that [`encode`] wrote, its strings borrowed from `text`.
pub fn decode<T: DeserializeOwned>(
    text: &'static str,
    bytes: &'static [u8],
) -> Result<T, postcard::Error> {
    // Decoding may nest (a lazily decoded record read while another value
    // is decoded on this thread), so the outer source is put back.
    let outer = READING.with(|r| r.replace(Some(Source { text, bytes })));
    let decoded = postcard::from_bytes(bytes);
    READING.with(|r| r.set(outer));
    decoded
}

/// The text and the piece of the encoded buffer that `piece` is, when a
/// value is being decoded and `piece` lies inside its buffer: lazily
/// decoded records keep their encoded bytes and decode them later.
pub(crate) fn static_piece(piece: &[u8]) -> Option<(&'static str, &'static [u8])> {
    let source = READING.with(Cell::get)?;
    // Comparing addresses, not dereferencing them: `piece` was borrowed
    // from the buffer being decoded, and this finds where.
    let start = (piece.as_ptr() as usize).checked_sub(source.bytes.as_ptr() as usize)?;
    let found = source.bytes.get(start..start.checked_add(piece.len())?)?;
    Some((source.text, found))
}

fn write<S: Serializer>(s: &str, serializer: S) -> Result<S::Ok, S::Error> {
    let range = WRITING.with(|w| {
        let mut w = w.borrow_mut();
        let w = w.as_mut()?;
        if let Some(&range) = w.ranges.get(s) {
            return Some(range);
        }
        let start = u32::try_from(w.text.len()).ok()?;
        let range = (start, u32::try_from(s.len()).ok()?);
        w.text.push_str(s);
        w.ranges.insert(s.to_string(), range);
        Some(range)
    });
    match range {
        Some(range) => range.serialize(serializer),
        None => Err(S::Error::custom(
            "knowledge-base strings are encoded only through arena::encode, under 4 GB",
        )),
    }
}

fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<SmolStr, D::Error> {
    let (start, len) = <(u32, u32)>::deserialize(deserializer)?;
    let text = READING.with(Cell::get).map(|s| s.text).ok_or_else(|| {
        D::Error::custom("knowledge-base strings are decoded only through arena::decode")
    })?;
    let (start, end) = (start as usize, start as usize + len as usize);
    text.get(start..end)
        .map(SmolStr::new_static)
        .ok_or_else(|| D::Error::custom(format!("string range {start}..{end} is outside the text")))
}

/// One string.
pub mod one {
    use super::*;

    pub fn serialize<S: Serializer>(s: &SmolStr, serializer: S) -> Result<S::Ok, S::Error> {
        write(s, serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<SmolStr, D::Error> {
        read(deserializer)
    }
}

/// A string wrapped so that serde can put it in a container.
struct Item(SmolStr);

impl Serialize for Item {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Item, D::Error> {
        read(deserializer).map(Item)
    }
}

/// A list of strings.
pub mod many {
    use super::*;

    pub fn serialize<S: Serializer>(list: &[SmolStr], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(list.iter().map(|s| Item(s.clone())))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<SmolStr>, D::Error> {
        Ok(Vec::<Item>::deserialize(deserializer)?
            .into_iter()
            .map(|i| i.0)
            .collect())
    }
}

/// A string or none.
pub mod maybe {
    use super::*;

    pub fn serialize<S: Serializer>(s: &Option<SmolStr>, serializer: S) -> Result<S::Ok, S::Error> {
        s.clone().map(Item).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<SmolStr>, D::Error> {
        Ok(Option::<Item>::deserialize(deserializer)?.map(|i| i.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Entry {
        #[serde(with = "one")]
        name: SmolStr,
        #[serde(with = "many")]
        aliases: Vec<SmolStr>,
        #[serde(with = "maybe")]
        region: Option<SmolStr>,
    }

    #[test]
    fn strings_round_trip_through_one_shared_text() {
        let entries = vec![
            Entry {
                name: "Kraków".into(),
                aliases: vec!["Krakow".into(), "Cracow".into()],
                region: Some("Lesser Poland".into()),
            },
            Entry {
                name: "Krakow".into(),
                aliases: vec![],
                region: None,
            },
        ];
        let (text, bytes) = encode(&entries).unwrap();
        // Each distinct string once.
        assert_eq!(text, "KrakówKrakowCracowLesser Poland");
        let text: &'static str = Box::leak(text.into_boxed_str());
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let back: Vec<Entry> = decode(text, bytes).unwrap();
        assert_eq!(back, entries);
    }

    #[test]
    fn a_range_outside_the_text_is_an_error_not_a_panic() {
        let (_, bytes) = encode(&Entry {
            name: "Kyiv".into(),
            aliases: vec![],
            region: None,
        })
        .unwrap();
        assert!(decode::<Entry>("Ky", Box::leak(bytes.into_boxed_slice())).is_err());
        // Outside `encode`, the fields refuse to serialize.
        assert!(postcard::to_allocvec(&Entry {
            name: "Kyiv".into(),
            aliases: vec![],
            region: None,
        })
        .is_err());
    }
}
