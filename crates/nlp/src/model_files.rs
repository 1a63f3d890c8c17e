//! thinc's model files (`tok2vec/model`, `tagger/model`, `parser/model`,
//! `ner/model`; PORTING.md §1.1, shapes in §1.2): one msgpack map whose
//! lists `nodes`, `attrs` and `params` line up with the layers of
//! `model.walk()`, which is breadth-first. This module turns such a file
//! into a list of [`Node`]s with their float32 arrays; `network` picks the
//! layers it needs from it.

use std::collections::BTreeMap;

use rmpv::{Value, ValueRef};

use crate::msgpack;
use crate::NlpError;

/// A float32 array in row-major (C) order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Array {
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
}

/// One layer of a thinc model, in breadth-first walk order.
#[derive(Debug, Clone)]
pub struct Node {
    /// The position in the walk; `refs` point at these.
    pub(crate) index: usize,
    /// The layer's name (`hashembed`, `maxout`, `linear`, ...).
    pub(crate) name: String,
    /// Named references to other nodes of the same file.
    pub(crate) refs: BTreeMap<String, Option<usize>>,
    /// The layer's attributes. Each was a msgpack document of its own in the
    /// file and is decoded here (`seed` → 8, `columns` → `["NORM", ...]`).
    pub(crate) attrs: BTreeMap<String, Value>,
    /// The layer's parameters by name; a parameter stored as nil is left out.
    pub(crate) params: BTreeMap<String, Array>,
}

impl Node {
    /// A parameter that the layer must have.
    pub(crate) fn param(&self, file: &str, name: &str) -> Result<&Array, NlpError> {
        self.params
            .get(name)
            .ok_or_else(|| self.error(file, format!("has no parameter {name}")))
    }

    /// A parameter that the layer must have, to move its data out.
    pub(crate) fn param_mut(&mut self, file: &str, name: &str) -> Result<&mut Array, NlpError> {
        if !self.params.contains_key(name) {
            return Err(self.error(file, format!("has no parameter {name}")));
        }
        Ok(self.params.get_mut(name).expect("the key was just found"))
    }

    /// An integer attribute that the layer must have.
    pub(crate) fn int_attr(&self, file: &str, name: &str) -> Result<i64, NlpError> {
        self.attrs
            .get(name)
            .and_then(Value::as_i64)
            .ok_or_else(|| self.error(file, format!("has no integer attribute {name}")))
    }

    /// An error about this layer.
    pub(crate) fn error(&self, file: &str, message: impl std::fmt::Display) -> NlpError {
        NlpError::model(
            file,
            format!("node {} ({}) {message}", self.index, self.name),
        )
    }
}

/// Decodes a thinc model file. `file` names it in error messages.
pub fn read_thinc_model(file: &str, bytes: &[u8]) -> Result<Vec<Node>, NlpError> {
    let root = msgpack::decode(file, bytes)?;
    let root = msgpack::map(file, &root, "the model file")?;
    let list = |name: &str| msgpack::array(file, msgpack::field(file, root, name)?, name);
    let (nodes, attrs, params) = (list("nodes")?, list("attrs")?, list("params")?);
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

/// One node, from its entries in the three lists. The node's `dims` are
/// not read: every size is taken from the arrays themselves.
fn read_node(
    file: &str,
    node: &ValueRef<'_>,
    attrs: &ValueRef<'_>,
    params: &ValueRef<'_>,
) -> Result<Node, NlpError> {
    let node = msgpack::map(file, node, "a node")?;
    let index = msgpack::uint(file, msgpack::field(file, node, "index")?, "a node index")?;
    let index =
        usize::try_from(index).map_err(|_| NlpError::model(file, "a node index is too large"))?;
    let what = |part: &str| format!("node {index}: {part}");
    let name = msgpack::string(file, msgpack::field(file, node, "name")?, &what("name"))?;
    Ok(Node {
        index,
        name: name.to_string(),
        refs: read_refs(file, msgpack::field(file, node, "refs")?, &what("refs"))?,
        attrs: read_attrs(file, attrs, &what("attrs"))?,
        params: read_params(file, params, &what("params"))?,
    })
}

/// The entries of a map keyed by strings; `what` names the map.
fn string_keyed<'v, 'a>(
    file: &str,
    map: &'v ValueRef<'a>,
    what: &str,
) -> Result<Vec<(&'v str, &'v ValueRef<'a>)>, NlpError> {
    msgpack::map(file, map, what)?
        .iter()
        .map(|(key, value)| {
            let key = msgpack::key_str(key).ok_or_else(|| {
                NlpError::model(file, format!("{what} has a key that is not text"))
            })?;
            Ok((key, value))
        })
        .collect()
}

fn read_refs(
    file: &str,
    refs: &ValueRef<'_>,
    what: &str,
) -> Result<BTreeMap<String, Option<usize>>, NlpError> {
    string_keyed(file, refs, what)?
        .into_iter()
        .map(|(key, value)| {
            let target = match value {
                ValueRef::Nil => None,
                other => Some(
                    other
                        .as_u64()
                        .and_then(|v| usize::try_from(v).ok())
                        .ok_or_else(|| {
                            NlpError::model(file, format!("{what}: {key} is not a node index"))
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
    attrs: &ValueRef<'_>,
    what: &str,
) -> Result<BTreeMap<String, Value>, NlpError> {
    string_keyed(file, attrs, what)?
        .into_iter()
        .map(|(key, value)| {
            let ValueRef::Binary(packed) = value else {
                return Err(NlpError::model(
                    file,
                    format!("{what}: {key} is not a packed value"),
                ));
            };
            let value = msgpack::decode(file, packed)
                .map_err(|e| NlpError::model(file, format!("{what}: {key}: {e}")))?;
            Ok((key.to_string(), value.to_owned()))
        })
        .collect()
}

fn read_params(
    file: &str,
    params: &ValueRef<'_>,
    what: &str,
) -> Result<BTreeMap<String, Array>, NlpError> {
    let mut out = BTreeMap::new();
    for (key, value) in string_keyed(file, params, what)? {
        if let ValueRef::Nil = value {
            continue;
        }
        let array = read_ndarray(value)
            .map_err(|message| NlpError::model(file, format!("{what}: {key}: {message}")))?;
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
    let get = |name: &str| msgpack::get(entries, name).ok_or(format!("the array has no {name}"));
    if msgpack::as_bool(get("nd")?) != Some(true) {
        return Err("not an n-dimensional array".into());
    }
    let dtype = get("type")?;
    if msgpack::key_str(dtype) != Some("<f4") {
        return Err(format!("element type {dtype} is not <f4 (float32)"));
    }
    let shape = get("shape")?
        .as_array()
        .ok_or("the shape is not a list")?
        .iter()
        .map(|d| d.as_u64().and_then(|d| usize::try_from(d).ok()))
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
    // Extending from fixed-size chunks reserves once and compiles to a
    // plain vectorised copy, without zeroing the vector first (zeroing the
    // three networks' three million floats cost as much as the copy).
    let mut data = Vec::with_capacity(count);
    data.extend(
        bytes
            .chunks_exact(4)
            .map(|chunk| f32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]])),
    );
    Ok(Array { shape, data })
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
            .map(|a| a.data.len())
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
