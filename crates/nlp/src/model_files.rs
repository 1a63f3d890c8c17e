//! thinc's model files (`tok2vec/model`, `tagger/model`, `parser/model`,
//! `ner/model`): one msgpack map whose lists `nodes`, `attrs` and `params`
//! line up with the layers of `model.walk()`, which is breadth-first
//! (PORTING.md §1.1). This module turns such a file into a list of [`Node`]s
//! with their float32 arrays; `network` picks the layers it needs from it.

use std::collections::BTreeMap;

use rmpv::decode::read_value_ref;
use rmpv::{Value, ValueRef};

use crate::NlpError;

/// A float32 array in row-major (C) order.
#[derive(Debug, Clone, PartialEq)]
pub struct Array {
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
}

impl Array {
    /// The number of elements the shape calls for.
    pub fn len(&self) -> usize {
        self.data.len()
    }

    /// Whether the array holds no element.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
}

/// One layer of a thinc model, in breadth-first walk order.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The position in the walk; `refs` point at these.
    pub index: usize,
    /// The layer's name (`hashembed`, `maxout`, `linear`, ...).
    pub name: String,
    /// The dimensions `nO`, `nI`, `nP`, `nF`, `nV`; `None` when unset.
    pub dims: BTreeMap<String, Option<i64>>,
    /// Named references to other nodes of the same file.
    pub refs: BTreeMap<String, Option<usize>>,
    /// The layer's attributes. Each was a msgpack document of its own in the
    /// file and is decoded here (`seed` → 8, `columns` → `["NORM", ...]`).
    pub attrs: BTreeMap<String, Value>,
    /// The layer's parameters by name; a parameter stored as nil is left out.
    pub params: BTreeMap<String, Array>,
}

impl Node {
    /// A parameter that the layer must have.
    pub fn param(&self, file: &str, name: &str) -> Result<&Array, NlpError> {
        self.params.get(name).ok_or_else(|| {
            NlpError::model(
                file,
                format!(
                    "node {} ({}) has no parameter {name}",
                    self.index, self.name
                ),
            )
        })
    }

    /// An integer attribute that the layer must have.
    pub fn int_attr(&self, file: &str, name: &str) -> Result<i64, NlpError> {
        self.attrs.get(name).and_then(Value::as_i64).ok_or_else(|| {
            NlpError::model(
                file,
                format!(
                    "node {} ({}) has no integer attribute {name}",
                    self.index, self.name
                ),
            )
        })
    }
}

/// Decodes a thinc model file. `file` names it in error messages.
pub fn read_thinc_model(file: &str, bytes: &[u8]) -> Result<Vec<Node>, NlpError> {
    let root = decode_document(file, bytes, "the model file")?;
    let nodes = list_field(file, &root, "nodes")?;
    let attrs = list_field(file, &root, "attrs")?;
    let params = list_field(file, &root, "params")?;
    if attrs.len() != nodes.len() || params.len() != nodes.len() {
        return Err(NlpError::model(
            file,
            format!(
                "{} nodes but {} attrs and {} params",
                nodes.len(),
                attrs.len(),
                params.len()
            ),
        ));
    }
    nodes
        .iter()
        .zip(attrs)
        .zip(params)
        .map(|((node, attrs), params)| read_node(file, node, attrs, params))
        .collect()
}

/// Decodes one complete msgpack document; trailing bytes are an error
/// because they would mean the file is not what thinc wrote.
fn decode_document<'a>(file: &str, bytes: &'a [u8], what: &str) -> Result<ValueRef<'a>, NlpError> {
    let mut reader = bytes;
    let value = read_value_ref(&mut reader)
        .map_err(|e| NlpError::model(file, format!("{what} is not msgpack: {e}")))?;
    if !reader.is_empty() {
        return Err(NlpError::model(
            file,
            format!("{what} has {} bytes after its msgpack value", reader.len()),
        ));
    }
    Ok(value)
}

fn read_node(
    file: &str,
    node: &ValueRef<'_>,
    attrs: &ValueRef<'_>,
    params: &ValueRef<'_>,
) -> Result<Node, NlpError> {
    let index = field(file, node, "index")
        .and_then(|v| as_u64(v).ok_or_else(|| bad(file, "a node index is not an integer")))?;
    let index = usize::try_from(index).map_err(|_| bad(file, "a node index is too large"))?;
    let name = field(file, node, "name")?;
    let name = as_str(name)
        .ok_or_else(|| bad(file, format!("node {index} has no string name")))?
        .to_string();
    let dims = read_dims(file, index, field(file, node, "dims")?)?;
    let refs = read_refs(file, index, field(file, node, "refs")?)?;
    let attrs = read_attrs(file, index, attrs)?;
    let params = read_params(file, index, params)?;
    Ok(Node {
        index,
        name,
        dims,
        refs,
        attrs,
        params,
    })
}

fn read_dims(
    file: &str,
    index: usize,
    dims: &ValueRef<'_>,
) -> Result<BTreeMap<String, Option<i64>>, NlpError> {
    map_entries(file, index, dims, "dims")?
        .map(|(key, value)| {
            let dim = match value {
                ValueRef::Nil => None,
                ValueRef::Integer(i) => Some(i.as_i64().ok_or_else(|| {
                    bad(
                        file,
                        format!("node {index}: dimension {key} is out of range"),
                    )
                })?),
                _ => {
                    return Err(bad(
                        file,
                        format!("node {index}: dimension {key} is not an integer"),
                    ))
                }
            };
            Ok((key.to_string(), dim))
        })
        .collect()
}

fn read_refs(
    file: &str,
    index: usize,
    refs: &ValueRef<'_>,
) -> Result<BTreeMap<String, Option<usize>>, NlpError> {
    map_entries(file, index, refs, "refs")?
        .map(|(key, value)| {
            let target = match value {
                ValueRef::Nil => None,
                other => Some(
                    as_u64(other)
                        .and_then(|v| usize::try_from(v).ok())
                        .ok_or_else(|| {
                            bad(
                                file,
                                format!("node {index}: reference {key} is not an index"),
                            )
                        })?,
                ),
            };
            Ok((key.to_string(), target))
        })
        .collect()
}

/// Each attribute value is a msgpack document packed into a bin string.
fn read_attrs(
    file: &str,
    index: usize,
    attrs: &ValueRef<'_>,
) -> Result<BTreeMap<String, Value>, NlpError> {
    map_entries(file, index, attrs, "attrs")?
        .map(|(key, value)| {
            let ValueRef::Binary(packed) = value else {
                return Err(bad(
                    file,
                    format!("node {index}: attribute {key} is not a packed value"),
                ));
            };
            let what = format!("node {index}: attribute {key}");
            Ok((
                key.to_string(),
                decode_document(file, packed, &what)?.to_owned(),
            ))
        })
        .collect()
}

fn read_params(
    file: &str,
    index: usize,
    params: &ValueRef<'_>,
) -> Result<BTreeMap<String, Array>, NlpError> {
    let mut out = BTreeMap::new();
    for (key, value) in map_entries(file, index, params, "params")? {
        if let ValueRef::Nil = value {
            continue;
        }
        let array = read_ndarray(value)
            .map_err(|message| bad(file, format!("node {index}: parameter {key}: {message}")))?;
        out.insert(key.to_string(), array);
    }
    Ok(out)
}

/// An array as srsly's msgpack-numpy writes it: a map with the bin keys
/// `nd`, `type`, `kind`, `shape` and `data`, the data little-endian in C
/// order. Only plain float32 arrays occur in these files.
fn read_ndarray(value: &ValueRef<'_>) -> Result<Array, String> {
    let ValueRef::Map(entries) = value else {
        return Err("not an array map".into());
    };
    let get = |name: &str| {
        entries
            .iter()
            .find(|(k, _)| key_str(k) == Some(name))
            .map(|(_, v)| v)
            .ok_or_else(|| format!("the array has no {name}"))
    };
    if !matches!(get("nd")?, ValueRef::Boolean(true)) {
        return Err("not an n-dimensional array".into());
    }
    let dtype = get("type")?;
    if key_str(dtype) != Some("<f4") {
        return Err(format!("element type {dtype:?} is not <f4 (float32)"));
    }
    let ValueRef::Array(dims) = get("shape")? else {
        return Err("the shape is not a list".into());
    };
    let shape = dims
        .iter()
        .map(|d| as_u64(d).and_then(|d| usize::try_from(d).ok()))
        .collect::<Option<Vec<usize>>>()
        .ok_or("the shape holds a non-integer")?;
    let ValueRef::Binary(bytes) = get("data")? else {
        return Err("the data is not a byte string".into());
    };
    let count = shape
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or("the shape is too large")?;
    if count.checked_mul(4) != Some(bytes.len()) {
        return Err(format!(
            "shape {shape:?} needs {count} floats but the data has {} bytes",
            bytes.len()
        ));
    }
    let data = bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    Ok(Array { shape, data })
}

fn field<'v, 'a>(
    file: &str,
    map: &'v ValueRef<'a>,
    name: &str,
) -> Result<&'v ValueRef<'a>, NlpError> {
    let ValueRef::Map(entries) = map else {
        return Err(bad(file, format!("expected a map holding {name}")));
    };
    entries
        .iter()
        .find(|(k, _)| key_str(k) == Some(name))
        .map(|(_, v)| v)
        .ok_or_else(|| bad(file, format!("a map has no {name}")))
}

fn list_field<'v, 'a>(
    file: &str,
    map: &'v ValueRef<'a>,
    name: &str,
) -> Result<&'v [ValueRef<'a>], NlpError> {
    match field(file, map, name)? {
        ValueRef::Array(items) => Ok(items),
        _ => Err(bad(file, format!("{name} is not a list"))),
    }
}

/// The entries of a map keyed by strings.
fn map_entries<'v, 'a>(
    file: &str,
    index: usize,
    map: &'v ValueRef<'a>,
    what: &str,
) -> Result<impl Iterator<Item = (&'v str, &'v ValueRef<'a>)>, NlpError> {
    let ValueRef::Map(entries) = map else {
        return Err(bad(file, format!("node {index}: {what} is not a map")));
    };
    let keys = entries
        .iter()
        .map(|(k, _)| key_str(k))
        .collect::<Option<Vec<&str>>>()
        .ok_or_else(|| {
            bad(
                file,
                format!("node {index}: {what} has a key that is not a string"),
            )
        })?;
    Ok(keys.into_iter().zip(entries.iter().map(|(_, v)| v)))
}

/// A map key written either as a msgpack str or as a bin string (the
/// ndarray maps use bin keys).
fn key_str<'v>(value: &'v ValueRef<'_>) -> Option<&'v str> {
    match value {
        ValueRef::String(s) => s.as_str(),
        ValueRef::Binary(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

fn as_str<'v>(value: &'v ValueRef<'_>) -> Option<&'v str> {
    match value {
        ValueRef::String(s) => s.as_str(),
        _ => None,
    }
}

fn as_u64(value: &ValueRef<'_>) -> Option<u64> {
    match value {
        ValueRef::Integer(i) => i.as_u64(),
        _ => None,
    }
}

fn bad(file: &str, message: impl Into<String>) -> NlpError {
    NlpError::model(file, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files;

    fn shape_of(nodes: &[Node], index: usize, param: &str) -> Vec<usize> {
        nodes[index].params[param].shape.clone()
    }

    // The shapes listed in PORTING.md §1.2, printed from the files there.
    #[test]
    fn tok2vec_file_has_the_documented_arrays() {
        let (name, bytes) = files::TOK2VEC_MODEL;
        let nodes = read_thinc_model(name, bytes).unwrap();
        assert_eq!(nodes.len(), 65);
        let floats: usize = nodes
            .iter()
            .flat_map(|n| n.params.values())
            .map(Array::len)
            .sum();
        assert_eq!(floats, 1_565_664);
        let rows: Vec<usize> = [28, 30, 32, 34, 36, 38]
            .iter()
            .map(|&i| shape_of(&nodes, i, "E")[0])
            .collect();
        assert_eq!(rows, [5000, 1000, 2500, 2500, 50, 50]);
        assert_eq!(nodes[28].int_attr(name, "seed").unwrap(), 8);
        assert_eq!(shape_of(&nodes, 39, "W"), [96, 3, 576]);
        assert_eq!(shape_of(&nodes, 64, "G"), [96]);
        let columns = &nodes
            .iter()
            .find(|n| n.name == "extract_features")
            .unwrap()
            .attrs["columns"];
        assert_eq!(columns.as_array().unwrap().len(), 6);
    }

    #[test]
    fn parser_and_ner_files_have_the_documented_arrays() {
        let (name, bytes) = files::PARSER_MODEL;
        let parser = read_thinc_model(name, bytes).unwrap();
        assert_eq!(parser.len(), 7);
        assert_eq!(parser[0].refs["lower"], Some(2));
        assert_eq!(parser[0].refs["upper"], Some(3));
        assert_eq!(shape_of(&parser, 2, "W"), [8, 64, 2, 64]);
        assert_eq!(shape_of(&parser, 2, "pad"), [1, 8, 64, 2]);
        assert_eq!(shape_of(&parser, 3, "W"), [106, 64]);
        assert_eq!(shape_of(&parser, 6, "W"), [64, 96]);
        let (name, bytes) = files::NER_MODEL;
        let ner = read_thinc_model(name, bytes).unwrap();
        assert_eq!(ner.len(), 65);
        assert_eq!(shape_of(&ner, 2, "W"), [3, 64, 2, 64]);
        assert_eq!(shape_of(&ner, 3, "W"), [74, 64]);
        assert_eq!(shape_of(&ner, 39, "W"), [96, 3, 384]);
        let (name, bytes) = files::TAGGER_MODEL;
        let tagger = read_thinc_model(name, bytes).unwrap();
        assert_eq!(shape_of(&tagger, 3, "W"), [50, 96]);
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        let (name, bytes) = files::TAGGER_MODEL;
        for cut in [0, 1, 10, bytes.len() / 2, bytes.len() - 1] {
            assert!(read_thinc_model(name, &bytes[..cut]).is_err());
        }
        let mut longer = bytes.to_vec();
        longer.push(0xc0);
        assert!(read_thinc_model(name, &longer).is_err());
        assert!(read_thinc_model(name, &[0x80]).is_err());
    }
}
