//! Document-local entity ids: every mention gets the id of the entity it
//! is of within its document (`e1`, `e2`, ...), so that a name the
//! knowledge base does not know can be followed through the document as
//! well as a linked one.
//!
//! Mentions are of one entity when coreference joined them (`refers_to`:
//! a surname to the full name, a pronoun or a title to its person, an
//! acronym to its expansion, "the troops" to the group), when they carry
//! the same knowledge-base id, or, unlinked, when they are of the same
//! kind and carry the same name (the name an unknown person or
//! organisation is given where it is first named in full, copied to its
//! later mentions), else the same text. References that coreference made
//! ("he", "the minister") join only through what they refer to: their
//! own words name nobody. Ids are numbered in the order the entities are
//! first mentioned, so they depend on the text alone.

use std::collections::HashMap;
use storyline_model::Entity;

/// Sets `local_id` on every mention of `entities` (in document order).
pub fn assign(entities: &mut [Entity]) {
    let n = entities.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // The earlier mention becomes the root, so that a cluster's root is
    // its first mention.
    fn join(parent: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (root(parent, a), root(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut first_with_key: HashMap<String, usize> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if let Some(to) = e.refers_to.filter(|&to| to < n) {
            join(&mut parent, i, to);
        }
        if let Some(key) = identity_key(e) {
            match first_with_key.get(&key) {
                Some(&f) => join(&mut parent, i, f),
                None => {
                    first_with_key.insert(key, i);
                }
            }
        }
    }
    let mut number_of_root: HashMap<usize, usize> = HashMap::new();
    for (i, e) in entities.iter_mut().enumerate() {
        let r = root(&mut parent, i);
        let next = number_of_root.len() + 1;
        let k = *number_of_root.entry(r).or_insert(next);
        e.local_id = Some(format!("e{k}"));
    }
}

/// What makes two mentions the same entity without a coreference link:
/// the knowledge-base id, or for an unlinked mention its kind and its name
/// (else its words, in any case). `None` for references made by
/// coreference, which join only through `refers_to`.
fn identity_key(e: &Entity) -> Option<String> {
    if let Some(id) = &e.id {
        return Some(format!("id\t{id}"));
    }
    if let Some(name) = &e.name {
        return Some(format!("name\t{}\t{}", e.kind, name.to_lowercase()));
    }
    if e.rule.starts_with("coref") {
        return None;
    }
    Some(format!("text\t{}\t{}", e.kind, e.text.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, kind: &str, id: Option<&str>, name: Option<&str>) -> Entity {
        Entity {
            text: text.into(),
            start: 0,
            end: 0,
            kind: kind.into(),
            id: id.map(String::from),
            code: None,
            name: name.map(String::from),
            office: None,
            org: None,
            country: None,
            sector: None,
            region: None,
            lat: None,
            lon: None,
            refers_to: None,
            local_id: None,
            rule: "ner".into(),
        }
    }

    fn ids(entities: &[Entity]) -> Vec<&str> {
        entities
            .iter()
            .map(|e| e.local_id.as_deref().unwrap_or("-"))
            .collect()
    }

    #[test]
    fn references_ids_and_names_join_and_numbers_follow_first_mentions() {
        let mut found = vec![
            mention("Ukraine", "country", Some("country:UKR"), Some("Ukraine")),
            mention("Ann Roe", "person", None, Some("Ann Roe")),
            mention("Acme Ltd", "org", None, Some("Acme Ltd")),
            mention("Ukrainian", "country", Some("country:UKR"), Some("Ukraine")),
            mention("Roe", "person", None, Some("Ann Roe")),
            mention("she", "person", None, None),
            mention("police", "group", None, None),
            mention("Police", "group", None, None),
            mention("Ann Roe", "org", None, Some("Ann Roe")),
        ];
        found[5].rule = "coref:pronoun".into();
        found[5].refers_to = Some(1);
        assert_eq!(
            ids(&{
                assign(&mut found);
                found
            }),
            ["e1", "e2", "e3", "e1", "e2", "e2", "e4", "e4", "e5"]
        );
    }

    #[test]
    fn an_unresolved_reference_is_an_entity_of_its_own() {
        let mut found = vec![
            mention("the minister", "person", None, None),
            mention("the minister", "person", None, None),
        ];
        for e in &mut found {
            e.rule = "coref:title".into();
        }
        assign(&mut found);
        assert_eq!(ids(&found), ["e1", "e2"]);
    }
}
