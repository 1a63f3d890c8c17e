//! Tables of records that the prebuilt knowledge base decodes one by one,
//! the first time each is read.
//!
//! An article names a few dozen of the base's 18,000 people and 34,000
//! places, yet decoding all of them was half of the base's load time
//! (about 50 million instructions on every run). Encoded through
//! [`crate::arena::encode`], a [`Records`] table writes each record as a
//! piece of bytes of its own; decoded, it keeps the pieces, which borrow
//! from the encoded buffer embedded in the binary, and decodes a record
//! when it is first indexed. A table built from the data files at run
//! time (a user's `--kb`) simply holds its records.

use serde::de::{DeserializeOwned, Error as _};
use serde::ser::{Error as _, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::OnceLock;

pub struct Records<T> {
    store: Store<T>,
}

enum Store<T> {
    Built(Vec<T>),
    Encoded {
        text: &'static str,
        pieces: Vec<&'static [u8]>,
        decoded: Box<[OnceLock<T>]>,
    },
}

impl<T> From<Vec<T>> for Records<T> {
    fn from(items: Vec<T>) -> Records<T> {
        Records {
            store: Store::Built(items),
        }
    }
}

impl<T> Default for Records<T> {
    fn default() -> Records<T> {
        Vec::new().into()
    }
}

impl<T: DeserializeOwned> Records<T> {
    pub fn len(&self) -> usize {
        match &self.store {
            Store::Built(items) => items.len(),
            Store::Encoded { pieces, .. } => pieces.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        match &self.store {
            Store::Built(items) => items.get(i),
            Store::Encoded {
                text,
                pieces,
                decoded,
            } => {
                let piece = *pieces.get(i)?;
                Some(decoded[i].get_or_init(|| {
                    crate::arena::decode(text, piece)
                        .expect("the build script encodes each record this crate decodes")
                }))
            }
        }
    }

    /// Every record in order (decoding each of an encoded table).
    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

impl<T: DeserializeOwned> std::ops::Index<usize> for Records<T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        let len = self.len();
        self.get(i)
            .unwrap_or_else(|| panic!("record {i} of a table of {len}"))
    }
}

impl<T: DeserializeOwned + std::fmt::Debug> std::fmt::Debug for Records<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Records({} records)", self.len())
    }
}

/// A record written as a piece of bytes of its own, so that it can be
/// decoded alone.
struct Piece<'a, T>(&'a T);

impl<T: Serialize> Serialize for Piece<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Inside `arena::encode`, so the record's strings go to the same
        // shared text as everything else.
        let bytes = postcard::to_allocvec(self.0).map_err(S::Error::custom)?;
        serializer.serialize_bytes(&bytes)
    }
}

impl<T: Serialize + DeserializeOwned> Serialize for Records<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for record in self.iter() {
            seq.serialize_element(&Piece(record))?;
        }
        seq.end()
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Records<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Records<T>, D::Error> {
        let borrowed = Vec::<&'de [u8]>::deserialize(deserializer)?;
        let mut text = "";
        let mut pieces = Vec::with_capacity(borrowed.len());
        for piece in borrowed {
            let (t, piece) = crate::arena::static_piece(piece).ok_or_else(|| {
                D::Error::custom("encoded records are decoded only through arena::decode")
            })?;
            text = t;
            pieces.push(piece);
        }
        let decoded = pieces.iter().map(|_| OnceLock::new()).collect();
        Ok(Records {
            store: Store::Encoded {
                text,
                pieces,
                decoded,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use smol_str::SmolStr;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct City {
        #[serde(with = "crate::arena::one")]
        name: SmolStr,
        population: u64,
    }

    #[derive(Debug, Serialize, Deserialize)]
    struct Base {
        #[serde(with = "crate::arena::one")]
        title: SmolStr,
        cities: Records<City>,
    }

    fn cities() -> Vec<City> {
        ["Lviv", "Odesa", "Lviv"]
            .iter()
            .zip([717_000, 1_010_000, 1])
            .map(|(name, population)| City {
                name: SmolStr::new(name),
                population,
            })
            .collect()
    }

    #[test]
    fn records_round_trip_and_decode_when_read() {
        let base = Base {
            title: "towns".into(),
            cities: cities().into(),
        };
        let (text, bytes) = crate::arena::encode(&base).unwrap();
        let text: &'static str = Box::leak(text.into_boxed_str());
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let back: Base = crate::arena::decode(text, bytes).unwrap();
        assert_eq!(back.title, "towns");
        assert_eq!(back.cities.len(), 3);
        // Nothing is decoded until read.
        let Store::Encoded { decoded, .. } = &back.cities.store else {
            panic!("a decoded table keeps its records encoded");
        };
        assert!(decoded.iter().all(|c| c.get().is_none()));
        assert_eq!(back.cities[1], cities()[1]);
        assert_eq!(back.cities.iter().cloned().collect::<Vec<_>>(), cities());
        assert!(back.cities.get(3).is_none());
        // Encoding the decoded table again gives the same bytes.
        assert_eq!(crate::arena::encode(&back).unwrap().1, bytes);
    }

    #[test]
    fn records_outside_arena_decode_are_an_error_not_a_panic() {
        let (_, bytes) = crate::arena::encode(&Records::from(cities())).unwrap();
        assert!(postcard::from_bytes::<Records<City>>(&bytes).is_err());
    }
}
