use serde::{Deserialize, Serialize};

/// A mention of a person, organisation, country, place or group: the
/// output contract's entity object, with what the knowledge base knows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// `person`, `org`, `country`, `place` or `group`.
    pub kind: String,
    /// The knowledge-base id (`person:joe-biden`, `country:USA`,
    /// `org:NATO`, `place:geonames:703448`), or `null` for a name the
    /// knowledge base does not know.
    pub id: Option<String>,
    /// The actor code, country or IGO first, then the sector when known:
    /// `USA GOV`, `PRK MIL`, `IGO NATO`, `RUS`.
    pub code: Option<String>,
    /// The canonical name of what is mentioned.
    pub name: Option<String>,
    /// The office the person held at the article's date, from the
    /// knowledge base, or the role a title or an apposition gives an
    /// unknown person ("chief product officer").
    #[serde(default)]
    pub office: Option<String>,
    /// The organisation a person speaks for or works at, as the text
    /// names it in a title or an apposition ("EncompaaS" in "Jaimie
    /// Tilbrook, chief product officer of EncompaaS").
    #[serde(default)]
    pub org: Option<String>,
    /// ISO 3166 alpha-3 code of the actor's or place's country.
    pub country: Option<String>,
    /// The sector code (GOV, MIL, REB, CVL, ...), when known.
    pub sector: Option<String>,
    /// For places: first-level region and coordinates.
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    /// For a mention that refers back ("Kirby", "the secretary of state",
    /// "he", "these soldiers"): the index in the document's `entities` of
    /// the mention it refers to.
    #[serde(default)]
    pub refers_to: Option<usize>,
    /// The entity this mention is of within its document (`e1`, `e2`, ...,
    /// numbered in the order entities are first mentioned): every mention
    /// that coreference joins (a surname and the full name, a pronoun and
    /// its person, an acronym and its expansion) and every mention of the
    /// same knowledge-base entry shares it, linked or not, so that names
    /// the knowledge base does not know can still be followed through a
    /// document. It is derived from the text alone, so the same text gets
    /// the same ids, but it means nothing outside its document: `id` is
    /// the cross-document identity. `null` in documents stored before it
    /// existed.
    #[serde(default)]
    pub local_id: Option<String>,
    /// What produced this mention: `kb` (a knowledge-base name), `kb:alias`,
    /// `cue:title`, `cue:title+context`, `cue:honorific`, `cue:said`,
    /// `cue:appositive`, `cue:org`, `kb:of-country`, `group`, `coref:group`
    /// ("the troops" after "North Korean troops"), `group:place` ("police
    /// in Lagos"), `group:unnamed` (a group named only by its role:
    /// "protesters", "the gunmen", uncoded), `coref:surname`,
    /// `coref:title`, `coref:pronoun`, `user` (an entry from `--kb`), `title`
    /// (a country inside a person's title: "US Secretary of State ...").
    pub rule: String,
}
