//! The sentence's structure as the backbone parsed it: for a trigger word,
//! which entities it governs and in which role, so that an event's actor
//! is its subject and its recipient its object or the preposition its
//! pattern names, not the nearest names in a window of words.
//!
//! An entity belongs to a trigger when the path up the tree from the
//! entity's head word reaches the trigger without passing through another
//! verb or clause: "the troops of Ruritania" under the subject, "sanctions
//! on Freedonia" under the object. The first arc below the trigger gives
//! the role. A trigger with no subject of its own (an infinitive after
//! "vowed to", the second of two coordinated verbs, a relative clause)
//! takes the subject of the word that governs it.

use storyline_model::tree::{phrase_head, token_range, Children};
use storyline_model::{Entity, Token};

/// A document's parse with every token's dependents, built once per
/// document.
pub struct Parse<'a> {
    pub tokens: &'a [Token],
    children: Children,
}

/// How an entity hangs from a trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// The subject of an active verb, or what a noun trigger belongs to
    /// ("Ruritania's attack", "the Ruritanian offensive").
    Actor,
    /// The subject of a passive verb, a direct or indirect object.
    Patient,
    /// The object of a preposition attached to the trigger (its lemma).
    Prep(String),
    /// A place the trigger happens in ("in Lagos").
    Location,
    /// A place that says where the subject is from ("groups in
    /// Freedonia"): the actor's country when nothing else names it.
    SubjectPlace,
}

/// Prepositions that place what happens rather than name who takes part.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "within",
    "across",
    "throughout",
    "outside",
    "around",
    "along",
];

/// Arcs that open a clause of its own: an entity below one belongs to
/// that clause's verb, not to the trigger above it.
const CLAUSAL: &[&str] = &[
    "relcl",
    "acl",
    "advcl",
    "ccomp",
    "xcomp",
    "csubj",
    "csubjpass",
    "parataxis",
];

/// Prepositions that make a gerund the means or manner of the verb they
/// hang on, whose subject does both ("by warning", "without consulting");
/// unlike "of", "from" or "against", which the verb takes as an argument
/// ("accused Ukraine of attacking"). Prepositions of time are left out:
/// after a passive ("was arrested after attacking") the doer is the one
/// acted on, and measured on our sets they lost an event.
const MANNER_PREPOSITIONS: &[&str] = &["by", "without", "through"];

/// How far up the tree a path is followed: deeper is never an argument.
const MAX_PATH: usize = 12;

impl<'a> Parse<'a> {
    pub fn new(tokens: &'a [Token]) -> Self {
        Parse {
            tokens,
            children: Children::new(tokens),
        }
    }

    /// The tokens inside a character span.
    pub fn tokens_in(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        token_range(self.tokens, start, end)
    }

    /// The word that heads the tokens `range` as a phrase.
    pub fn head_of(&self, range: std::ops::Range<usize>) -> Option<usize> {
        phrase_head(self.tokens, range)
    }

    pub fn is_verb(&self, i: usize) -> bool {
        self.tokens[i].pos == "VERB"
    }

    pub fn is_noun(&self, i: usize) -> bool {
        matches!(self.tokens[i].pos.as_str(), "NOUN" | "PROPN")
    }

    pub fn dependents(&self, i: usize) -> &[usize] {
        self.children.of(i)
    }

    /// The head word of an entity's span.
    pub fn entity_head(&self, e: &Entity) -> Option<usize> {
        phrase_head(self.tokens, token_range(self.tokens, e.start, e.end))
    }

    /// The role in which `trigger` governs the word `head`, if it does.
    pub fn role(&self, head: usize, trigger: usize, place: bool) -> Option<Role> {
        let tokens = self.tokens;
        let mut below = head;
        let mut placed = false;
        let mut seen_prep = false;
        for _ in 0..MAX_PATH {
            let up = tokens[below].head;
            if up == below || up >= tokens.len() || tokens[up].sentence != tokens[head].sentence {
                return None;
            }
            if CLAUSAL.contains(&tokens[below].dep.as_str()) {
                return None;
            }
            // Only the preposition nearest the entity places it: "the war
            // with Freedonia in the south" does not put Freedonia in a place.
            if tokens[below].dep == "prep" && !seen_prep {
                seen_prep = true;
                placed = PLACE_PREPOSITIONS.contains(&tokens[below].lemma.as_str());
            }
            if up == trigger {
                let t = &tokens[below];
                if placed && place {
                    return Some(if t.dep == "nsubj" {
                        Role::SubjectPlace
                    } else {
                        Role::Location
                    });
                }
                return match t.dep.as_str() {
                    "nsubj" | "agent" | "poss" => Some(Role::Actor),
                    "nsubjpass" | "dobj" | "dative" | "attr" | "oprd" => Some(Role::Patient),
                    "prep" => Some(Role::Prep(t.lemma.to_lowercase())),
                    // "the Ruritanian offensive", "a Freedonia-led raid".
                    "amod" | "compound" | "nmod" if self.is_noun(trigger) => Some(Role::Actor),
                    _ => None,
                };
            }
            // Another verb between the entity and the trigger heads a
            // clause of its own.
            if matches!(tokens[up].pos.as_str(), "VERB" | "AUX") {
                return None;
            }
            below = up;
        }
        None
    }

    /// Token indices `first..last + 1` below and including `i`, leaving out
    /// the subtrees of the dependents in `skip`.
    pub fn subtree(&self, i: usize, skip: &[usize]) -> std::ops::Range<usize> {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        let mut seen = 0;
        while let Some(n) = stack.pop() {
            seen += 1;
            // A malformed tree with a cycle must not loop for ever.
            if seen > self.tokens.len() {
                break;
            }
            lo = lo.min(n);
            hi = hi.max(n);
            stack.extend(self.dependents(n).iter().filter(|c| !skip.contains(c)));
        }
        lo..hi + 1
    }

    /// The characters the tokens `r` cover (empty for no tokens).
    pub fn char_span(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        match (r.start < r.end).then(|| (&self.tokens[r.start], &self.tokens[r.end - 1])) {
            Some((a, b)) => a.start..b.end,
            None => 0..0,
        }
    }

    /// Whether `word` lies below `ancestor` in the tree.
    pub fn descends_from(&self, word: usize, ancestor: usize) -> bool {
        let mut at = word;
        for _ in 0..64 {
            let up = self.tokens[at].head;
            if up == ancestor {
                return true;
            }
            if up == at || up >= self.tokens.len() {
                return false;
            }
            at = up;
        }
        false
    }

    /// Whether the path from `word` up to `ancestor` passes through one of
    /// the prepositions `preps` ("since Russia's invasion").
    pub fn through_preposition(&self, word: usize, ancestor: usize, preps: &[&str]) -> bool {
        let mut at = word;
        for _ in 0..64 {
            if at == ancestor {
                return false;
            }
            let t = &self.tokens[at];
            if t.dep == "prep" && preps.contains(&t.lemma.to_lowercase().as_str()) {
                return true;
            }
            if t.head == at || t.head >= self.tokens.len() {
                return false;
            }
            at = t.head;
        }
        false
    }

    /// Whether the trigger's own clause states a subject (a named one or
    /// a pronoun): a verb with none takes its governor's.
    pub fn has_subject(&self, trigger: usize) -> bool {
        self.dependents(trigger).iter().any(|&c| {
            matches!(
                self.tokens[c].dep.as_str(),
                "nsubj" | "nsubjpass" | "csubj" | "expl"
            )
        })
    }

    /// The subject word of the trigger's clause, if any.
    pub fn subject(&self, trigger: usize) -> Option<usize> {
        self.dependents(trigger)
            .iter()
            .copied()
            .find(|&c| matches!(self.tokens[c].dep.as_str(), "nsubj" | "nsubjpass"))
    }

    /// Whether the trigger is a passive verb (its subject is acted on).
    pub fn is_passive(&self, trigger: usize) -> bool {
        self.dependents(trigger).iter().any(|&c| {
            matches!(
                self.tokens[c].dep.as_str(),
                "nsubjpass" | "auxpass" | "agent"
            )
        })
    }

    /// Where a trigger without a subject takes one from: the verb it
    /// depends on for an infinitive ("vowed to retaliate"), a coordinated
    /// verb ("met and agreed") or an adverbial clause; or the noun a
    /// relative clause or participle describes ("troops who crossed",
    /// "aid sent by"), with whether that noun is acted on.
    pub fn governor(&self, trigger: usize) -> Option<Governor> {
        let t = &self.tokens[trigger];
        if t.head == trigger || t.head >= self.tokens.len() {
            return None;
        }
        match t.dep.as_str() {
            // "pleaded guilty to threatening", "is responsible for
            // attacking": the verb whose adjective the preposition hangs
            // on. (After a verb's own preposition, "accused Ukraine of
            // attacking", the doer is not the verb's subject: the
            // preposition stands as the governor and finds no one.)
            "pcomp" => {
                let prep = &self.tokens[t.head];
                let adjective = &self.tokens[prep.head];
                let verb = adjective.head;
                if prep.dep == "prep"
                    && adjective.pos == "ADJ"
                    && adjective.dep == "acomp"
                    && verb != prep.head
                {
                    Some(Governor::Verb(verb))
                } else if prep.dep == "prep"
                    && MANNER_PREPOSITIONS.contains(&prep.text.to_lowercase().as_str())
                    && (self.tokens[prep.head].pos == "VERB" || self.has_subject(prep.head))
                {
                    // "inserted himself into the race by warning": the
                    // means of the verb's own deed, done by its subject.
                    Some(Governor::Verb(prep.head))
                } else {
                    Some(Governor::Verb(t.head))
                }
            }
            "xcomp" | "conj" | "advcl" => Some(Governor::Verb(t.head)),
            "relcl" => {
                // "the talks that Ruritania held": the described noun is
                // the object when the clause has its own subject.
                let own_subject = self
                    .subject(trigger)
                    .is_some_and(|s| !is_relative_pronoun(&self.tokens[s].text.to_lowercase()));
                Some(Governor::Noun {
                    noun: t.head,
                    patient: own_subject || self.is_passive(trigger),
                })
            }
            "acl" => Some(Governor::Noun {
                noun: t.head,
                patient: t.tag == "VBN",
            }),
            _ => None,
        }
    }

    /// Negated, conditional, hypothetical, future, ongoing or happened,
    /// from the trigger's auxiliaries and negation, the verbs it is an
    /// infinitive of ("refused to attack", "plans to visit") and the
    /// conjunction that opens its clause or one above it ("if",
    /// "unless", "whether", "provided").
    pub fn status(&self, trigger: usize) -> &'static str {
        let mut words: Vec<&Token> = Vec::new();
        let mut governors: Vec<&str> = Vec::new();
        let mut at = trigger;
        for _ in 0..3 {
            words.extend(self.dependents(at).iter().map(|&c| &self.tokens[c]));
            let t = &self.tokens[at];
            if t.dep != "xcomp" || t.head == at {
                break;
            }
            at = t.head;
            governors.push(self.tokens[at].lemma.as_str());
            // "is set to", "is going to": the governor's own auxiliaries.
        }
        let lemma = |t: &&Token| t.lemma.to_lowercase();
        let has_aux = |ws: &[&str]| {
            words.iter().any(|t| {
                matches!(t.dep.as_str(), "aux" | "auxpass") && ws.contains(&lemma(t).as_str())
            })
        };
        // "Neither the House nor the Senate has provided", "no country
        // has offered": a subject that names no one negates the clause.
        let nobody = self.subject(trigger).is_some_and(|s| {
            matches!(
                self.tokens[s].text.to_lowercase().as_str(),
                "nobody" | "none" | "no-one"
            ) || self.dependents(s).iter().any(|&d| {
                matches!(self.tokens[d].dep.as_str(), "preconj" | "det")
                    && matches!(
                        self.tokens[d].text.to_lowercase().as_str(),
                        "neither" | "no"
                    )
            })
        });
        // A clause that states a condition ("if no deal is reached",
        // "should China not accede", "whether they could agree"), or any
        // clause below one, or the writer's estimate ("is unlikely to
        // agree") tells what may happen: "conditional", which is neither
        // a refusal made nor a threat held out (that is the clause the
        // condition governs: "would raise tariffs if").
        if self.under_condition(trigger)
            || governors
                .iter()
                .any(|g| matches!(*g, "likely" | "unlikely" | "possible"))
        {
            return "conditional";
        }
        if nobody
            || words.iter().any(|t| t.dep == "neg")
            || governors
                .iter()
                .any(|g| matches!(*g, "fail" | "refuse" | "decline"))
        {
            return "negated";
        }
        if has_aux(&["could", "might", "may"]) {
            return "hypothetical";
        }
        if has_aux(&["will", "shall", "would", "'ll"])
            || governors.iter().any(|g| {
                matches!(
                    *g,
                    "plan" | "intend" | "expect" | "set" | "go" | "aim" | "prepare"
                )
            })
        {
            return "future";
        }
        if self.tokens[trigger].tag == "VBG" && has_aux(&["be"]) {
            return "ongoing";
        }
        "happened"
    }

    /// Whether the word is a verb form used as a conjunction of condition
    /// ("provided they work with NASA", "assuming the talks go ahead"):
    /// it has a clause with a subject of its own below it, and no subject
    /// or object itself.
    pub fn is_conjunction_of_condition(&self, word: usize) -> bool {
        matches!(
            self.tokens[word].text.to_lowercase().as_str(),
            "provided" | "providing" | "assuming" | "supposing"
        ) && self.dependents(word).iter().any(|&c| {
            matches!(self.tokens[c].dep.as_str(), "ccomp" | "pcomp" | "advcl")
                && self.subject(c).is_some()
        }) && !self.dependents(word).iter().any(|&c| {
            matches!(
                self.tokens[c].dep.as_str(),
                "nsubj" | "nsubjpass" | "dobj" | "aux" | "auxpass"
            )
        })
    }

    /// Whether the trigger's clause, or a clause it is subordinate to
    /// (up to three levels of adverbial, infinitive or coordinated
    /// clauses), is a condition or an open question: opened by "if",
    /// "unless" or "whether", or by an auxiliary put before its subject
    /// ("should China refuse", "had they known"; a question too).
    pub(crate) fn under_condition(&self, trigger: usize) -> bool {
        let mut at = trigger;
        for _ in 0..4 {
            let subject = self.subject(at);
            let opens_condition = self.dependents(at).iter().any(|&c| {
                let t = &self.tokens[c];
                let w = t.lemma.to_lowercase();
                (t.dep == "mark" && matches!(w.as_str(), "if" | "unless" | "whether"))
                    || (matches!(t.dep.as_str(), "aux" | "auxpass")
                        && matches!(t.text.to_lowercase().as_str(), "should" | "had" | "were")
                        && subject.is_some_and(|s| c < s))
            });
            // "provided they worked with NASA", "assuming the talks
            // go ahead": a verb form used as a conjunction of condition.
            let t = &self.tokens[at];
            let condition_word = t.head != at && self.is_conjunction_of_condition(t.head);
            if opens_condition || condition_word {
                return true;
            }
            if t.head == at || !matches!(t.dep.as_str(), "advcl" | "xcomp" | "conj") {
                return false;
            }
            at = t.head;
        }
        false
    }
}

/// Where a subjectless trigger's actor comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governor {
    Verb(usize),
    Noun { noun: usize, patient: bool },
}

fn is_relative_pronoun(w: &str) -> bool {
    matches!(w, "who" | "which" | "that" | "whom" | "whose")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str, start: usize, head: usize, dep: &str, pos: &str) -> Token {
        Token {
            text: text.into(),
            start,
            end: start + text.chars().count(),
            tag: String::new(),
            pos: pos.into(),
            morph: String::new(),
            lemma: text.to_lowercase(),
            head,
            dep: dep.into(),
            sentence: 0,
        }
    }

    /// "Ruritania attacked posts in Freedonia": subject, object and a
    /// place below a preposition.
    #[test]
    fn roles_follow_the_first_arc_below_the_trigger() {
        let tokens = vec![
            token("Ruritania", 0, 1, "nsubj", "PROPN"),
            token("attacked", 10, 1, "ROOT", "VERB"),
            token("posts", 19, 1, "dobj", "NOUN"),
            token("in", 25, 2, "prep", "ADP"),
            token("Freedonia", 28, 3, "pobj", "PROPN"),
        ];
        let p = Parse::new(&tokens);
        assert_eq!(p.role(0, 1, false), Some(Role::Actor));
        assert_eq!(p.role(2, 1, false), Some(Role::Patient));
        assert_eq!(p.role(4, 1, true), Some(Role::Location));
        assert_eq!(p.role(4, 1, false), Some(Role::Patient));
        assert_eq!(p.role(1, 1, false), None);
    }

    /// "Ruritania said Freedonia attacked": the speaker is not the
    /// attacker, since a verb lies between.
    #[test]
    fn an_entity_of_another_clause_is_not_an_argument() {
        let tokens = vec![
            token("Ruritania", 0, 1, "nsubj", "PROPN"),
            token("said", 10, 1, "ROOT", "VERB"),
            token("Freedonia", 15, 3, "nsubj", "PROPN"),
            token("attacked", 25, 1, "ccomp", "VERB"),
        ];
        let p = Parse::new(&tokens);
        assert_eq!(p.role(0, 3, false), None);
        assert_eq!(p.role(2, 3, false), Some(Role::Actor));
        assert!(!p.has_subject(1) || p.subject(1) == Some(0));
    }

    /// "Neither Ruritania nor Freedonia provided aid": a subject that
    /// names no one negates the clause.
    #[test]
    fn a_subject_that_names_no_one_negates() {
        let tokens = vec![
            token("Neither", 0, 1, "preconj", "CCONJ"),
            token("Ruritania", 8, 4, "nsubj", "PROPN"),
            token("nor", 18, 1, "cc", "CCONJ"),
            token("Freedonia", 22, 1, "conj", "PROPN"),
            token("provided", 32, 4, "ROOT", "VERB"),
            token("aid", 41, 4, "dobj", "NOUN"),
        ];
        assert_eq!(Parse::new(&tokens).status(4), "negated");
        let mut affirmed = tokens.clone();
        affirmed[0] = token("Both", 0, 1, "preconj", "CCONJ");
        assert_eq!(Parse::new(&affirmed).status(4), "happened");
    }
}
