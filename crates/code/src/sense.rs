//! The sense of a verb from its clause: the parse gives the verb's frame
//! (subject, object, particles, prepositional phrases) and the CAMEO frame
//! dictionary says what that frame is ("release prisoners" is RETREAT,
//! "release a report" no event; "deploy troops" MOBILIZE).
//!
//! Only a frame that names a noun decides: the dictionary's bare verbs
//! and its frames of particles and prepositions alone are broad ("release" is RETREAT, "hit" ASSAULT, "call" CONSULT),
//! so a verb alone keeps the code our own dictionary gives it.

use crate::cameo::{Cameo, Frame, Noun};
use crate::frame::Parse;

/// What a clause's frame says of its verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sense {
    /// A frame the dictionary codes as no event, or as a public statement
    /// (CAMEO 01: comments, which PLOVER does not code).
    NoEvent { rule: String },
    /// A frame coded as a PLOVER event.
    Event {
        category: &'static str,
        mode: Option<&'static str>,
        rule: String,
    },
}

/// The sense of the verb `verb` in its clause, when a specific frame of the
/// CAMEO dictionary holds.
pub fn of_verb(p: &Parse, verb: usize) -> Option<Sense> {
    let lemma = p.tokens[verb].lemma.to_lowercase();
    let cameo = Cameo::builtin();
    if !cameo.knows(&lemma) {
        return None;
    }
    let passive = p.is_passive(verb);
    let mut frame = Frame {
        verb: &lemma,
        subject: None,
        object: None,
        particles: Vec::new(),
        preps: Vec::new(),
    };
    for &c in p.dependents(verb) {
        let t = &p.tokens[c];
        match t.dep.as_str() {
            "nsubj" => frame.subject = Some(noun(p, c)),
            "nsubjpass" => frame.object = Some(noun(p, c)),
            "dobj" if !passive => {
                frame.object = Some(noun(p, c));
                // "imposed sanctions on Ruritania": the object's own
                // phrases belong to the frame too.
                frame.preps.extend(prep_phrases(p, c));
            }
            "dobj" => frame.object = Some(noun(p, c)),
            "prt" => frame.particles.push(t.lemma.as_str()),
            // The agent of a passive is the frame's subject.
            "agent" => {
                if let Some(&o) = p.dependents(c).iter().find(|&&o| p.tokens[o].dep == "pobj") {
                    frame.subject = Some(noun(p, o));
                }
            }
            _ => {}
        }
    }
    frame.preps.extend(prep_phrases(p, verb));
    let found = cameo.best_frame(&frame)?;
    // Frames of particles or bare prepositions alone are as broad as the
    // verb ("demand that", "protest at"): only a frame that names a noun
    // decides.
    if found.specificity == 0 || !found.names_a_noun {
        return None;
    }
    let rule = format!("cameo {} {} (line {})", found.cameo_code, lemma, found.line);
    match found.category {
        Some(category) => Some(Sense::Event {
            category,
            mode: found.mode,
            rule,
        }),
        None if found.cameo_code == "---" || found.cameo_code.starts_with("01") => {
            Some(Sense::NoEvent { rule })
        }
        // Codes the PLOVER table leaves out (the appeals, CAMEO 02): the
        // frame neither codes nor stops an event.
        None => None,
    }
}

/// A noun of the parse as the frame dictionary reads it: its lemma and the
/// lemmas of its adjectives and compound nouns.
fn noun<'a>(p: &'a Parse, i: usize) -> Noun<'a> {
    Noun {
        head: p.tokens[i].lemma.as_str(),
        modifiers: p
            .dependents(i)
            .iter()
            .filter(|&&c| matches!(p.tokens[c].dep.as_str(), "amod" | "compound" | "nmod"))
            .map(|&c| p.tokens[c].lemma.as_str())
            .collect(),
    }
}

/// The prepositional phrases hanging from word `i`, with their objects.
fn prep_phrases<'a>(p: &'a Parse, i: usize) -> Vec<(&'a str, Noun<'a>)> {
    let mut out = Vec::new();
    for &c in p.dependents(i) {
        let t = &p.tokens[c];
        if t.dep != "prep" {
            continue;
        }
        let object = p
            .dependents(c)
            .iter()
            .find(|&&o| p.tokens[o].dep == "pobj")
            .map(|&o| noun(p, o))
            .unwrap_or_default();
        out.push((t.lemma.as_str(), object));
    }
    out
}
