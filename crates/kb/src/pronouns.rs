//! Pronouns that open a reporting clause, read from the parse: "he said",
//! "she told reporters", "it said in a statement". Each becomes a mention
//! of the person or organisation it stands for, so that claims and events
//! get the speaker, not the pronoun.
//!
//! The rules:
//!
//! 1. Only a pronoun that is the subject of a reporting verb is resolved
//!    ("he" and "she" also when the reporting verb is coordinated with
//!    their own: "She did not give a date, but said", "He declined,
//!    saying"): "he" and "she" to a person, "it" to an organisation,
//!    "they" to an organisation or a group, or a person heading a
//!    coordinated subject ("Holcomb and party leaders"), but only one that
//!    is the subject or the speaker of its sentence (a plural "they" names people
//!    as often as a body, and is left alone when no such subject is
//!    near). A pronoun inside a quotation that is not itself a speaker is
//!    left alone too.
//! 2. The antecedent is looked for in the pronoun's sentence and the two
//!    before it, nearest sentence first (sentences inside the quotation
//!    the pronoun closes, and sentences whose subject is the same
//!    unresolved pronoun, are passed over without counting, up to eight
//!    sentences back). In the pronoun's own sentence the
//!    nearest compatible mention before it wins ("Doe, who ..., said he");
//!    in an earlier sentence the last speaker wins (the subject of a
//!    reporting verb, or a pronoun already resolved as one: "He said that
//!    Biden ... . He added" goes on with the first speaker, not Biden),
//!    then the subject of the main verb over one of a clause inside it,
//!    then the last subject over a nearer object ("Doe met Roe. He said
//!    ..." is Doe); only when no sentence in reach has a speaker or a
//!    subject, the nearest mention of the nearest sentence.
//! 3. A mention inside a quotation is never the antecedent of a pronoun
//!    that attributes speech: in "“... the day Doe died,” he said", "he"
//!    is not Doe.
//! 4. A person is not compatible with a pronoun of the other gender when
//!    the document has shown theirs: an honorific ("Mr", "Ms") before a
//!    mention, or a pronoun already resolved to them.

use crate::annotate::Parsed;
use crate::tree::{
    is_reporting_verb, phrase_head, subject_of_reporting_verb, token_range, Children,
};
use std::collections::HashMap;
use storyline_model::{Entity, Token};

/// How many sentences before the pronoun's own are searched.
const SENTENCES_BACK: usize = 2;

/// How many sentences are read back at most, counting those that do not
/// use up `SENTENCES_BACK` (inside a quotation, about the same pronoun).
const MAX_SENTENCES_SCANNED: usize = 8;

/// How many tokens back a quotation mark is looked for.
const MARK_REACH: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// What a pronoun may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    Person(Gender),
    Organisation,
    /// "They": an organisation or a group, and only one that was the
    /// subject or the speaker of its sentence, never the nearest mention
    /// ("Big Machine denied it. “...,” they said").
    Body,
}

/// The pronouns opening reporting clauses in the document, each as a copy
/// of the mention it stands for (rule `coref:pronoun`). `entities` are
/// sorted by start.
pub fn resolve(entities: &[Entity], parsed: Parsed, children: &Children) -> Vec<Entity> {
    let tokens = parsed.tokens;
    let mut genders = honorific_genders(entities, tokens);
    let sentence_of: Vec<Option<usize>> = entities
        .iter()
        .map(|e| {
            let r = token_range(tokens, e.start, e.end);
            tokens
                .get(r.start)
                .filter(|_| !r.is_empty())
                .map(|t| t.sentence)
        })
        .collect();
    let mut out = Vec::new();
    // The pronouns resolved so far: their sentence, start and antecedent.
    let mut speakers: Vec<(usize, usize, usize)> = Vec::new();
    for (index, t) in tokens.iter().enumerate() {
        let wanted = match t.text.to_lowercase().as_str() {
            "he" => Wanted::Person(Gender::Male),
            "she" => Wanted::Person(Gender::Female),
            "it" => Wanted::Organisation,
            "they" => Wanted::Body,
            _ => continue,
        };
        // "it" only as the subject of a reporting verb ("it said in a
        // statement"); "he" and "she" also when the reporting verb is
        // coordinated with theirs ("She did not give a date, but said").
        let opens_clause = match wanted {
            Wanted::Organisation | Wanted::Body => subject_of_reporting_verb(tokens, index),
            Wanted::Person(_) => subject_of_speech(tokens, children, index),
        };
        // Inside a quotation a pronoun is the speaker's word for someone
        // the reader may not know yet ("“He has taken responsibility,”
        // she said"): not resolved, nor taken as a sign of gender.
        if !opens_clause
            || (!subject_of_reporting_verb(tokens, index) && in_quotation(tokens, index))
        {
            continue;
        }
        let before = entities.partition_point(|e| e.start < t.start);
        if before > 0 && entities[before - 1].end > t.start {
            continue;
        }
        let found = Found {
            entities,
            sentence_of: &sentence_of,
            tokens,
            genders: &genders,
            speakers: &speakers,
        };
        let Some(k) = antecedent(&found, before, t, wanted) else {
            continue;
        };
        speakers.push((t.sentence, t.start, k));
        let p = &entities[k];
        if let Wanted::Person(g) = wanted {
            genders.entry(key(p)).or_insert(g);
        }
        let mut m = p.clone();
        m.text = t.text.clone();
        m.start = t.start;
        m.end = t.end;
        m.refers_to = None;
        m.rule = "coref:pronoun".into();
        out.push(m);
    }
    out
}

/// True when the token at `index` is inside a quotation: the nearest
/// quotation mark before it, within its paragraph, opens one.
fn in_quotation(tokens: &[Token], index: usize) -> bool {
    tokens[..index]
        .iter()
        .rev()
        .take(MARK_REACH)
        .take_while(|w| !(w.is_space() && w.text.contains('\n')))
        .find(|w| matches!(w.tag.as_str(), "``" | "''"))
        .is_some_and(|w| w.tag == "``")
}

/// True when the token is the subject of a reporting verb (printed forms
/// of `REPORTING_VERBS`, or a lemma of `ATTRIBUTION_LEMMAS`: "he pointed
/// out"), or of a verb whose coordinated or participial reporting verb has
/// no subject of its own ("She did not give a date, but said ...", "He
/// declined to comment, saying ...").
fn subject_of_speech(tokens: &[Token], children: &Children, index: usize) -> bool {
    let reporting = |t: &Token| {
        is_reporting_verb(t)
            || (t.pos == "VERB" && storyline_text::ATTRIBUTION_LEMMAS.contains(&t.lemma.as_str()))
    };
    let token = &tokens[index];
    if token.dep != "nsubj" || token.head == index || token.head >= tokens.len() {
        return false;
    }
    let verb = token.head;
    if reporting(&tokens[verb]) {
        return true;
    }
    children.of(verb).iter().any(|&i| {
        let t = &tokens[i];
        matches!(t.dep.as_str(), "conj" | "advcl")
            && reporting(t)
            && !children
                .of(i)
                .iter()
                .any(|&s| tokens[s].dep.starts_with("nsubj"))
    })
}

/// What the antecedent search reads: the mentions with their sentences,
/// the parse, the genders known and the pronouns resolved so far.
struct Found<'a> {
    entities: &'a [Entity],
    sentence_of: &'a [Option<usize>],
    tokens: &'a [Token],
    genders: &'a HashMap<String, Gender>,
    speakers: &'a [(usize, usize, usize)],
}

/// The mention a pronoun at `t` stands for, among the `before` entities
/// that start before it.
fn antecedent(found: &Found, before: usize, t: &Token, wanted: Wanted) -> Option<usize> {
    let Found {
        entities,
        sentence_of,
        tokens,
        genders,
        speakers,
    } = *found;
    // "Gov. Eric Holcomb and leaders of the Legislature ... . They said":
    // a person heading a coordinated subject is one of several, whom
    // "they" names.
    let heads_coordinated_subject = |e: &Entity| {
        phrase_head(tokens, token_range(tokens, e.start, e.end)).is_some_and(|h| {
            tokens[h].dep.starts_with("nsubj")
                && tokens[h + 1..tokens.len().min(h + 30)]
                    .iter()
                    .any(|w| w.head == h && w.dep == "conj")
        })
    };
    let compatible = |k: usize| {
        let e = &entities[k];
        match wanted {
            Wanted::Person(g) => {
                e.kind == "person" && genders.get(&key(e)).is_none_or(|&known| known == g)
            }
            Wanted::Organisation => e.kind == "org",
            Wanted::Body => {
                matches!(e.kind.as_str(), "org" | "group")
                    || (e.kind == "person" && heads_coordinated_subject(e))
            }
        }
    };
    // A name in apposition stands where the phrase it names stands ("The
    // company that runs the show, Dick Clark Productions, denies ...").
    let head = |k: usize| {
        let e = &entities[k];
        phrase_head(tokens, token_range(tokens, e.start, e.end)).map(|h| {
            if tokens[h].dep == "appos" {
                // Also where the parse hung the name inside a relative
                // clause on the noun it names ("The company that runs the
                // awards, Dick Clark Productions, denies").
                storyline_model::tree::noun_named_across_relative_clause(tokens, h)
                    .unwrap_or(tokens[h].head)
            } else {
                h
            }
        })
    };
    let is_subject = |k: usize| head(k).is_some_and(|h| tokens[h].dep.starts_with("nsubj"));
    // The subject of the sentence's main verb, not of a clause inside it
    // ("Braun has worked with West, with whom Swift has feuded. He ..."
    // is Braun).
    let is_main_subject = |k: usize| {
        head(k).is_some_and(|h| {
            let verb = tokens[h].head;
            tokens[h].dep.starts_with("nsubj") && tokens.get(verb).is_some_and(|v| v.head == verb)
        })
    };
    let is_speaker = |k: usize| head(k).is_some_and(|h| subject_of_reporting_verb(tokens, h));
    let quoted = |k: usize| {
        let r = token_range(tokens, entities[k].start, entities[k].end);
        in_quotation(tokens, r.start)
    };
    let sentence_tokens = |s: usize| {
        tokens.partition_point(|w| w.sentence < s)..tokens.partition_point(|w| w.sentence <= s)
    };
    let mut k = before;
    let (mut sentence, mut counted, mut scanned) = (t.sentence, 0, 0);
    let mut fallback = None;
    loop {
        let mut nearest = None;
        let mut subject = None;
        let mut main_subject = None;
        // The last speaker of the sentence, by position.
        let mut speaker: Option<(usize, usize)> = speakers
            .iter()
            .rev()
            .filter(|(s, at, a)| *s == sentence && *at < t.start && compatible(*a))
            .map(|&(_, at, a)| (at, a))
            .next();
        while k > 0 {
            let Some(s) = sentence_of[k - 1] else {
                k -= 1;
                continue;
            };
            if s < sentence {
                break;
            }
            k -= 1;
            if s > sentence || !compatible(k) || quoted(k) {
                continue;
            }
            nearest = nearest.or(Some(k));
            if subject.is_none() && is_subject(k) {
                subject = Some(k);
            }
            if main_subject.is_none() && is_main_subject(k) {
                main_subject = Some(k);
            }
            if is_speaker(k) && speaker.is_none_or(|(at, _)| at < entities[k].start) {
                speaker = Some((entities[k].start, k));
            }
        }
        let words = sentence_tokens(sentence);
        // An earlier sentence whose subject is the same pronoun, left
        // unresolved ("He was arrested for the call to Omar."), is about
        // the same person as this one: its other mentions are not who
        // the pronoun means, and the search goes on before it.
        let same_pronoun_subject = tokens[words.clone()]
            .iter()
            .any(|w| w.dep.starts_with("nsubj") && w.text.eq_ignore_ascii_case(&t.text));
        let chosen = if wanted == Wanted::Body {
            speaker.map(|(_, a)| a).or(subject)
        } else if sentence == t.sentence {
            nearest
        } else {
            speaker.map(|(_, a)| a).or(main_subject).or(subject)
        };
        if chosen.is_some() {
            return chosen;
        }
        // A mention that is neither subject nor speaker ("a graphic
        // provided by Statista") is kept for when no sentence in reach has
        // one: a speaker or a subject further back is likelier.
        if wanted != Wanted::Body && sentence != t.sentence && !same_pronoun_subject {
            fallback = fallback.or(nearest);
        }
        // A sentence inside the quotation the pronoun closes ("“... . ...
        // . ...,” he said"), or about the same pronoun, does not use up
        // the sentences searched.
        // Its first word, or the word after its opening quotation mark,
        // is inside the quotation.
        let opens =
            words.start + usize::from(tokens.get(words.start).is_some_and(|w| w.tag == "``"));
        let all_quoted = !words.is_empty() && opens < words.end && in_quotation(tokens, opens);
        if sentence != t.sentence && !all_quoted && !same_pronoun_subject {
            counted += 1;
        }
        scanned += 1;
        if counted >= SENTENCES_BACK || scanned > MAX_SENTENCES_SCANNED || sentence == 0 {
            return fallback;
        }
        sentence -= 1;
    }
}

/// The identity coreference joins mentions by: the knowledge-base id, else
/// the name, else the text.
fn key(e: &Entity) -> String {
    e.id.clone()
        .or_else(|| e.name.clone())
        .unwrap_or_else(|| e.text.clone())
}

/// The genders honorifics show: "Mr Doe" is a man, "Ms Doe" a woman.
fn honorific_genders(entities: &[Entity], tokens: &[Token]) -> HashMap<String, Gender> {
    let mut genders = HashMap::new();
    for e in entities.iter().filter(|e| e.kind == "person") {
        let r = token_range(tokens, e.start, e.end);
        if r.is_empty() {
            continue;
        }
        // The honorific may be inside the span ("Mr Doe") or just before it.
        let candidates = [
            tokens.get(r.start),
            r.start.checked_sub(1).and_then(|i| tokens.get(i)),
        ];
        let gender =
            candidates
                .into_iter()
                .flatten()
                .find_map(|t| match t.text.trim_end_matches('.') {
                    "Mr" | "Sir" => Some(Gender::Male),
                    "Mrs" | "Ms" | "Miss" | "Dame" => Some(Gender::Female),
                    _ => None,
                });
        if let Some(g) = gender {
            genders.entry(key(e)).or_insert(g);
        }
    }
    genders
}
