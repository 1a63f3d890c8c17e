//! Small typed readers over `rmpv` values, so that a file that is not what
//! this model's files are gives an `NlpError` naming the file, never a panic.

use rmpv::Value;

use crate::NlpError;

/// Decodes one msgpack document.
pub(super) fn decode(file: &str, bytes: &[u8]) -> Result<Value, NlpError> {
    rmpv::decode::read_value(&mut &bytes[..])
        .map_err(|e| NlpError::model(file, format!("not msgpack: {e}")))
}

pub(super) fn map<'v>(
    file: &str,
    v: &'v Value,
    what: &str,
) -> Result<&'v [(Value, Value)], NlpError> {
    v.as_map()
        .map(Vec::as_slice)
        .ok_or_else(|| NlpError::model(file, format!("{what} is not a map")))
}

pub(super) fn array<'v>(file: &str, v: &'v Value, what: &str) -> Result<&'v [Value], NlpError> {
    v.as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| NlpError::model(file, format!("{what} is not a list")))
}

pub(super) fn string<'v>(file: &str, v: &'v Value, what: &str) -> Result<&'v str, NlpError> {
    v.as_str()
        .ok_or_else(|| NlpError::model(file, format!("{what} is not a UTF-8 string")))
}

/// The value under the string key `key` of a map.
pub(super) fn field<'v>(
    file: &str,
    entries: &'v [(Value, Value)],
    key: &str,
) -> Result<&'v Value, NlpError> {
    entries
        .iter()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(_, v)| v)
        .ok_or_else(|| NlpError::model(file, format!("no {key:?} entry")))
}

/// A list of strings.
pub(super) fn strings(file: &str, v: &Value, what: &str) -> Result<Vec<String>, NlpError> {
    array(file, v, what)?
        .iter()
        .map(|s| string(file, s, what).map(str::to_string))
        .collect()
}
