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
}
