//! Claims read from the backbone's parse: the speaker is the subject of a
//! reporting verb (or the object of "according to"), the content its
//! clausal complement or the quotation beside it.
//!
//! Words in a window mislead on real news: "said in a speech" after a
//! quotation is not what was said, "Jane Roe, chief economist at Bank X,
//! said" has a comma inside the speaker, and a quotation may run over
//! several sentences before ", said X" closes it. The tree answers each:
//! the complement is a subtree, the apposition hangs from the subject, and
//! the quotation marks of the whole document are paired before any
//! sentence is read. Coreference (pronouns, surnames, titles) comes from
//! the entities, which already point back to the mention they stand for.
//!
//! The rules:
//!
//! 1. An attribution is a reporting verb (`storyline_text::REPORTING_VERBS`,
//!    any inflection) or a verb of belief, judgement or finding
//!    ("believes", "called Y a liar", "accused", "the survey found that"),
//!    with its verb kept; or any verb that closes a quotation with its
//!    subject between the two ("“...,” the mayor shot back"); or "be" with
//!    an adjective of certainty or "of the view" and a that-clause ("is
//!    confident that"); or "according to X"; or an interview line
//!    "NAME: ...".
//! 2. A verb inside a quotation is part of the quotation, not an
//!    attribution of the text around it.
//! 3. The speaker is the verb's subject with its appositions and titles,
//!    without relative clauses; a verb with no subject of its own ("...,
//!    saying", "and added") takes the subject of the verb it depends on; a
//!    passive verb's speaker is its agent, or nobody.
//! 4. The content is the verb's clausal complement, widened to the whole
//!    of any quotation it reaches into; else the quotation that closes
//!    right before the attribution or opens right after it; else, for
//!    verbs that take no clause ("denied the report", "called Y a liar"),
//!    the words they govern after them.
//! 5. A sentence with no attribution of its own is nobody's statement,
//!    unless it lies inside a quotation attributed elsewhere, or is a
//!    quotation opening the sentence right after a quoted speaker's (who
//!    goes on speaking: "“We will appeal,” Roe said. “The ruling is
//!    wrong.”").
//!
//! The words the rules use are in `VIEWS`, `CONTENT_DEPS`, `NO_OBJECT` and
//! `CONTENT_PREPOSITIONS`; `claim_cases.rs` is the case table.

use crate::frame::Parse;
use std::ops::Range;
use storyline_model::{Claim, Entity, Span};
use storyline_text::REPORTING_VERBS;

/// What the parse-based finder reads besides the parse.
pub struct Input<'a> {
    pub chars: &'a [char],
    /// The document's sentences, sorted.
    pub sentences: &'a [Span],
    /// The document's entities, sorted by start.
    pub entities: &'a [Entity],
    /// The date each sentence's statements were made, when known.
    pub said_on: &'a [Option<String>],
}

/// Verbs of belief, judgement or accusation that attribute a view without
/// reporting speech, and verbs of speech the shared list lacks. Each
/// needs the content given with it (`clause`, `quotation`, `figure` for an
/// object that carries a number, or a dependent of the verb), so that
/// "hopes to visit" (an intention) or "called for talks" (a request) is
/// not taken for a claim.
const VIEWS: &[(&str, &[&str])] = &[
    ("believe", &["clause"]),
    ("think", &["clause"]),
    ("feel", &["clause"]),
    ("fear", &["clause"]),
    ("suspect", &["clause"]),
    ("doubt", &["clause"]),
    ("hope", &["clause"]),
    ("expect", &["clause", "figure"]),
    ("predict", &["clause", "figure"]),
    ("suggest", &["clause"]),
    ("admit", &["clause", "quotation"]),
    ("concede", &["clause", "quotation"]),
    ("call", &["clause", "oprd"]),
    ("label", &["clause", "oprd"]),
    ("brand", &["clause", "oprd"]),
    ("describe", &["prep:as"]),
    ("accuse", &["dobj"]),
    ("blame", &["dobj"]),
    ("reiterate", &["clause", "quotation", "dobj"]),
    ("reply", &["clause", "quotation"]),
    ("respond", &["clause", "quotation"]),
    ("recall", &["clause", "quotation"]),
    ("remember", &["clause", "quotation"]),
    // "The statement read: “...”", "the letter read that ...".
    ("read", &["clause", "quotation"]),
    ("remark", &["clause", "quotation"]),
    ("emphasise", &["clause", "quotation"]),
    ("emphasize", &["clause", "quotation"]),
    ("mention", &["clause"]),
    ("complain", &["clause", "quotation"]),
    ("contend", &["clause", "quotation"]),
    ("testify", &["clause", "quotation"]),
    ("caution", &["clause", "quotation"]),
    ("maintain", &["clause"]),
    ("point", &["clause"]),
    ("hint", &["clause"]),
    ("joke", &["clause", "quotation"]),
    ("quip", &["clause", "quotation"]),
    ("comment", &["clause", "quotation"]),
    ("observe", &["clause", "quotation"]),
    ("speculate", &["clause"]),
    // Findings and forecasts ("the study found that", "data showed that",
    // "the bank forecast that") attribute a view as a statement does.
    ("find", &["clause"]),
    ("show", &["clause"]),
    ("conclude", &["clause", "quotation"]),
    ("reveal", &["clause"]),
    ("disclose", &["clause"]),
    ("indicate", &["clause"]),
    ("forecast", &["clause", "figure"]),
    ("project", &["clause", "figure"]),
    ("agree", &["clause"]),
    ("promise", &["clause", "quotation"]),
    ("vow", &["clause", "quotation"]),
    ("pledge", &["clause", "quotation"]),
    ("assure", &["clause", "quotation"]),
    ("counter", &["clause", "quotation"]),
    ("retort", &["clause", "quotation"]),
    ("boast", &["clause", "quotation"]),
    ("confess", &["clause", "quotation"]),
    ("lament", &["clause", "quotation"]),
    ("recount", &["clause", "quotation"]),
    ("detail", &["clause"]),
    ("outline", &["clause"]),
    ("reflect", &["clause", "quotation"]),
    ("muse", &["clause", "quotation"]),
    ("underscore", &["clause"]),
    ("highlight", &["clause"]),
    ("repeat", &["clause", "quotation"]),
    ("echo", &["clause", "quotation"]),
    ("reckon", &["clause"]),
    ("calculate", &["clause", "figure"]),
    ("estimate", &["clause", "figure"]),
    ("guess", &["clause", "quotation"]),
];

/// Where a claim's content was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// The verb's clausal complement ("said the port would reopen").
    Clause,
    /// A quotation beside the attribution.
    Quotation,
    /// The words the verb governs ("denied the report").
    Governed,
}

/// Dependents after a verb that carry what was said when the verb has no
/// clausal complement: its object ("denied the report"), a predicate
/// ("called him a liar") and the prepositions of a topic or charge
/// ("warned of", "accused ... of").
const CONTENT_DEPS: &[&str] = &["dobj", "oprd", "xcomp", "ccomp", "attr", "acomp"];
/// Reporting verbs whose object is not what was said: the hearer of
/// "told", and "added 300 jobs", "posted a loss", "wrote a letter".
const NO_OBJECT: &[&str] = &["say", "tell", "add", "post", "write", "tweet"];
const CONTENT_PREPOSITIONS: &[&str] = &["of", "about", "against", "over", "as", "for"];

/// Labels at the start of a line that are not speakers.
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "update",
    "photo",
    "source",
    "sources",
    "related",
    "watch",
    "read",
    "correction",
    "disclaimer",
    "editing",
    "reporting",
    "editor",
    "caption",
    "file",
    "video",
];

/// A quotation: the characters between its marks, `start..end`, and
/// whether a closing mark ends it (a quotation left open ends with its
/// paragraph).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    pub start: usize,
    pub end: usize,
    pub closed: bool,
}

/// The claims of a document, ordered by sentence and then by the position
/// of their attribution; speaker entities index `input.entities`.
pub fn claims(parse: &Parse, input: &Input) -> Vec<Claim> {
    let chars = input.chars;
    let mut quotations = quotations(chars);
    let interviews = interview_lines(input);
    // An interview answer is a quotation without marks: a reporting verb
    // inside it is part of the answer.
    // The quotations inside an answer are part of it: the list stays
    // sorted and without overlaps.
    quotations.retain(|q| {
        !interviews
            .iter()
            .any(|l| l.speaker.end <= q.start && q.start <= l.content.end)
    });
    quotations.extend(interviews.iter().map(|l| Quotation {
        start: l.content.start,
        end: l.content.end,
        closed: true,
    }));
    quotations.sort_by_key(|q| q.start);
    let mut found: Vec<(usize, usize, Claim)> = Vec::new();
    for line in &interviews {
        let sentence = line.sentence;
        let entity = best_entity(input.entities, line.speaker.clone(), None, parse);
        found.push((
            sentence,
            line.speaker.start,
            make_claim(
                input,
                &quotations,
                sentence,
                Some(line.speaker.clone()),
                entity,
                line.content.clone(),
                ":".into(),
            ),
        ));
    }
    for (k, s) in input.sentences.iter().enumerate() {
        for i in parse.tokens_in(s.start, s.end) {
            let t = &parse.tokens[i];
            if inside(&quotations, t.start).is_some() {
                continue;
            }
            let attribution = if t.text.eq_ignore_ascii_case("according") {
                according(parse, i)
            } else if t.lemma == "be" {
                stance(parse, i)
            } else {
                verb_attribution(parse, &quotations, chars, i)
            };
            let Some(a) = attribution else { continue };
            let speaker = a.speaker.clone().map(|r| parse.char_span(r));
            let entity = a.speaker.clone().and_then(|r| {
                best_entity(input.entities, parse.char_span(r), a.speaker_head, parse)
            });
            let Some(content) = trim_content(chars, a.content) else {
                continue;
            };
            let claim = make_claim(input, &quotations, k, speaker, entity, content, a.verb);
            found.push((k, t.start, claim));
        }
    }
    follow_ons(input, &quotations, &mut found);
    found.sort_by_key(|(k, at, _)| (*k, *at));
    found.into_iter().map(|(_, _, c)| c).collect()
}

/// An attribution found in the parse: the speaker's tokens and head word,
/// the content's characters and the verb as written.
struct Attribution {
    speaker: Option<Range<usize>>,
    speaker_head: Option<usize>,
    content: Range<usize>,
    verb: String,
}

/// "According to X": X speaks, and the clause the phrase belongs to is
/// what X says, without the phrase itself.
fn according(parse: &Parse, i: usize) -> Option<Attribution> {
    let tokens = parse.tokens;
    let to = *parse
        .dependents(i)
        .iter()
        .find(|&&c| tokens[c].text.eq_ignore_ascii_case("to"))?;
    let object = *parse
        .dependents(to)
        .iter()
        .find(|&&c| tokens[c].dep == "pobj")?;
    let speaker = parse.subtree(object, &[]);
    // The clause: the nearest verb above the phrase ("The toll, according
    // to officials, rose" hangs the phrase on "toll").
    let mut clause = tokens[i].head;
    for _ in 0..4 {
        if matches!(tokens[clause].pos.as_str(), "VERB" | "AUX") || tokens[clause].head == clause {
            break;
        }
        clause = tokens[clause].head;
    }
    if clause == i {
        return None;
    }
    let own = parse.subtree(i, &[]);
    let whole = parse.subtree(clause, &[]);
    // The phrase opens or closes the clause; in the middle, the clause
    // keeps its words on both sides.
    let content = if own.start <= whole.start {
        own.end..whole.end
    } else if own.end >= whole.end {
        whole.start..own.start
    } else {
        whole
    };
    if content.is_empty() {
        return None;
    }
    Some(Attribution {
        speaker: Some(speaker),
        speaker_head: Some(object),
        content: parse.char_span(content),
        verb: "according to".into(),
    })
}

/// Adjectives of certainty or worry that attribute the clause after them
/// to the subject of "be" ("officials are confident that", "the company
/// is adamant that").
const STANCE_ADJECTIVES: &[&str] = &[
    "confident",
    "sure",
    "certain",
    "convinced",
    "adamant",
    "optimistic",
    "hopeful",
    "pessimistic",
    "skeptical",
    "sceptical",
    "worried",
    "concerned",
    "afraid",
    "aware",
];

/// Nouns of opinion in "be of the view that", "be of the opinion that".
const STANCE_NOUNS: &[&str] = &["view", "opinion", "belief"];

/// "X is confident that ...", "X are of the view that ...": the subject
/// of "be" holds the view the clause states; the adjective or the noun is
/// kept as the verb.
fn stance(parse: &Parse, be: usize) -> Option<Attribution> {
    let tokens = parse.tokens;
    let subject = parse
        .dependents(be)
        .iter()
        .copied()
        .find(|&c| tokens[c].dep == "nsubj")?;
    let word_with_clause = |w: usize| {
        parse.dependents(w).iter().copied().find(|&c| {
            matches!(tokens[c].dep.as_str(), "ccomp" | "acl")
                && parse.dependents(c).iter().any(|&m| {
                    tokens[m].dep == "mark" && tokens[m].lemma.eq_ignore_ascii_case("that")
                })
        })
    };
    let (word, clause) = parse.dependents(be).iter().find_map(|&c| {
        let t = &tokens[c];
        let w = if t.dep == "acomp" && STANCE_ADJECTIVES.contains(&t.lemma.to_lowercase().as_str())
        {
            c
        } else if t.dep == "prep" && t.lemma.eq_ignore_ascii_case("of") {
            *parse.dependents(c).iter().find(|&&o| {
                tokens[o].dep == "pobj"
                    && STANCE_NOUNS.contains(&tokens[o].lemma.to_lowercase().as_str())
            })?
        } else {
            return None;
        };
        // The clause may hang on "be" itself ("is adamant that").
        word_with_clause(w)
            .or_else(|| word_with_clause(be))
            .map(|clause| (w, clause))
    })?;
    Some(Attribution {
        speaker: Some(speaker_span(parse, subject)),
        speaker_head: Some(subject),
        content: parse.char_span(parse.subtree(clause, &[])),
        verb: tokens[word].text.clone(),
    })
}

/// A reporting verb or a verb of belief, with its speaker and content.
fn verb_attribution(
    parse: &Parse,
    quotations: &[Quotation],
    chars: &[char],
    v: usize,
) -> Option<Attribution> {
    let tokens = parse.tokens;
    let t = &tokens[v];
    if t.pos != "VERB" {
        return None;
    }
    let lemma = t.lemma.to_lowercase();
    // "As Ms. Lind put it, the ruling was a gift": the clause the phrase
    // hangs on is what was said.
    let put_it = lemma == "put"
        && parse
            .dependents(v)
            .iter()
            .any(|&c| tokens[c].dep == "dobj" && tokens[c].text.eq_ignore_ascii_case("it"))
        && parse
            .dependents(v)
            .iter()
            .any(|&c| tokens[c].dep == "mark" && tokens[c].text.eq_ignore_ascii_case("as"));
    let speech = put_it || is_reporting(&t.text.to_lowercase(), &lemma);
    let view = VIEWS
        .iter()
        .find(|(l, _)| *l == lemma)
        .map(|(_, needs)| *needs)
        .filter(|_| !speech);
    // "“We all miss him,” Benioff weighed in": any verb that closes a
    // quotation this way, with its subject between the two, tells who
    // spoke.
    let aside = !speech && view.is_none() && closes_quotation_aside(parse, quotations, chars, v);
    if !speech && view.is_none() && !aside {
        return None;
    }
    // A statement made only on a condition ("aid would flow if the
    // country announced the investigations") was not made.
    if parse.under_condition(v) {
        return None;
    }
    // A participle describing a noun ("the plan announced on Monday")
    // names a statement, it does not report one.
    if matches!(t.dep.as_str(), "acl" | "amod" | "compound") {
        return None;
    }
    // "Called for talks", "called on them to": a request, not a view.
    if lemma == "call"
        && parse.dependents(v).iter().any(|&c| {
            tokens[c].dep == "prep"
                && matches!(tokens[c].lemma.to_lowercase().as_str(), "for" | "on")
        })
    {
        return None;
    }
    let passive = parse.is_passive(v);
    let (speaker_head, speaker) = if passive {
        match agent(parse, v) {
            Some(a) => (Some(a), Some(speaker_span(parse, a))),
            None => (None, None),
        }
    } else {
        let mut head = subject_of(parse, v)
            .or_else(|| speaker_parsed_as_object(parse, quotations, chars, v))?;
        // "Rubio, a senator who has said ...": the relative pronoun stands
        // for the noun the clause describes. Any other relative clause
        // ("the plan that he announced") names a statement instead.
        if t.dep == "relcl" {
            let relative = matches!(
                tokens[head].text.to_lowercase().as_str(),
                "who" | "that" | "which"
            );
            if !relative || tokens[head].dep != "nsubj" {
                return None;
            }
            head = t.head;
            // "the share of adults who said": those counted speak, not
            // the count.
            if matches!(
                tokens[head].lemma.to_lowercase().as_str(),
                "number"
                    | "share"
                    | "percentage"
                    | "percent"
                    | "proportion"
                    | "majority"
                    | "minority"
            ) {
                if let Some(counted) = parse
                    .dependents(head)
                    .iter()
                    .find(|&&c| {
                        tokens[c].dep == "prep" && tokens[c].lemma.eq_ignore_ascii_case("of")
                    })
                    .and_then(|&of| {
                        parse
                            .dependents(of)
                            .iter()
                            .copied()
                            .find(|&o| tokens[o].dep == "pobj")
                    })
                {
                    head = counted;
                }
            }
            // "Diallo, a mediator who ...": the name the apposition
            // describes.
            if tokens[head].dep == "appos" {
                head = tokens[head].head;
            }
        }
        // "The group that owns her music, Big Machine, says": a
        // description named by its apposition speaks by that name.
        if tokens[head].pos != "PROPN" {
            if let Some(&name) = parse
                .dependents(head)
                .iter()
                .find(|&&c| tokens[c].dep == "appos" && tokens[c].pos == "PROPN")
            {
                head = name;
            } else if let Some(name) = (head + 1..v).find(|&a| {
                storyline_model::tree::noun_named_across_relative_clause(tokens, a) == Some(head)
            }) {
                // The parse hung the name inside the relative clause
                // ("The company that runs the awards, Dick Clark
                // Productions, denies").
                head = name;
            }
        }
        (Some(head), Some(speaker_span(parse, head)))
    };
    let (content, source) = if put_it {
        if t.head == v {
            return None;
        }
        let span = parse.subtree(t.head, &[v]);
        (parse.char_span(span), Source::Clause)
    } else {
        complement(parse, quotations, chars, v, &lemma, passive)?
    };
    if let Some(needs) = view {
        // "Analysts predicted $1.10 a share", "expects growth of 3%": an
        // object that carries a figure is the view, where "expects a
        // visit" is no claim.
        let figure = || {
            parse.dependents(v).iter().any(|&c| {
                tokens[c].dep == "dobj"
                    && parse
                        .subtree(c, &[])
                        .any(|i| tokens[i].pos == "NUM" || tokens[i].tag == "$")
            })
        };
        let has = |need: &str| match need.strip_prefix("prep:") {
            Some(p) => parse
                .dependents(v)
                .iter()
                .any(|&c| tokens[c].dep == "prep" && tokens[c].lemma.eq_ignore_ascii_case(p)),
            None => parse.dependents(v).iter().any(|&c| tokens[c].dep == need),
        };
        let given = needs.iter().any(|&n| match n {
            "clause" => source == Source::Clause,
            "quotation" => source == Source::Quotation,
            "figure" => source == Source::Governed && figure(),
            n => source == Source::Governed && has(n),
        });
        if passive || !given {
            return None;
        }
    }
    Some(Attribution {
        speaker,
        speaker_head,
        content,
        verb: t.text.clone(),
    })
}

/// True when `v` follows a quotation that ends in a comma, a question
/// mark or an exclamation mark, with only its own subject between them,
/// and takes no object or clause of its own ("“That is absurd,” the
/// minister shot back"; not "“No,” he said, and left").
fn closes_quotation_aside(
    parse: &Parse,
    quotations: &[Quotation],
    chars: &[char],
    v: usize,
) -> bool {
    let tokens = parse.tokens;
    let Some(q) = quotation_before(quotations, chars, parse, v) else {
        return false;
    };
    let ends_open = chars[q.start..q.end]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace() && !is_quote_mark(**c))
        .is_some_and(|c| matches!(c, ',' | '?' | '!'));
    let subject = parse
        .subject(v)
        .is_some_and(|s| s < v && tokens[s].start > q.end && tokens[s].dep == "nsubj");
    // The quotation itself is often parsed as the verb's clause.
    let takes_object = parse.dependents(v).iter().any(|&c| {
        matches!(tokens[c].dep.as_str(), "dobj" | "ccomp" | "xcomp" | "attr")
            && !(q.start..q.end).contains(&tokens[c].start)
    });
    ends_open && subject && !takes_object && tokens[v].head == v
}

/// "“...,” wrote Fadem", parsed with the name as the object: after a
/// quotation that closes right before it, a reporting verb with no
/// subject takes the name right after it as the speaker.
fn speaker_parsed_as_object(
    parse: &Parse,
    quotations: &[Quotation],
    chars: &[char],
    v: usize,
) -> Option<usize> {
    let tokens = parse.tokens;
    quotation_before(quotations, chars, parse, v)?;
    let next = v + 1;
    let t = tokens.get(next)?;
    (t.head == v
        && matches!(
            t.dep.as_str(),
            "dobj" | "attr" | "npadvmod" | "dative" | "oprd"
        )
        && t.pos == "PROPN")
        .then_some(next)
}

/// True for a reporting verb in any inflection: the shared list holds the
/// forms news prints ("said", "warns"), so the lemma is checked with the
/// regular endings too ("warning" is "warn", listed as "warned").
fn is_reporting(text: &str, lemma: &str) -> bool {
    if REPORTING_VERBS.contains(&text) || REPORTING_VERBS.contains(&lemma) {
        return true;
    }
    let y = lemma.strip_suffix('y').map(|stem| format!("{stem}ies"));
    ["s", "es", "d", "ed"]
        .iter()
        .map(|end| format!("{lemma}{end}"))
        .chain(y)
        .any(|form| REPORTING_VERBS.contains(&form.as_str()))
}

/// The subject of `v`, or, when it has none of its own, the subject of
/// the reporting verb whose statement it continues (", saying" set off by
/// a comma: "Pompeo said that ..., saying ...") or of the verb it hangs
/// from: "welcomed the deal,
/// saying ..." (an adverbial participle), "met the unions and said ..."
/// (coordination), "was quoted as saying".
fn subject_of(parse: &Parse, v: usize) -> Option<usize> {
    let tokens = parse.tokens;
    if let Some(s) = nearest_subject(parse, v) {
        return (tokens[s].dep == "nsubj").then_some(s);
    }
    // Only a participle set off by a comma continues a statement: "before
    // saying", "after saying" belong to the clause they hang from.
    let set_off = tokens[v].dep == "advcl" && v > 0 && tokens[v - 1].text == ",";
    let mut at = v;
    for _ in 0..8 {
        if !set_off {
            break;
        }
        let up = tokens[at].head;
        if up == at || up >= tokens.len() {
            break;
        }
        let u = &tokens[up];
        if u.pos == "VERB" && is_reporting(&u.text.to_lowercase(), &u.lemma.to_lowercase()) {
            if let Some(s) = nearest_subject(parse, up).filter(|&s| tokens[s].dep == "nsubj") {
                return Some(s);
            }
        }
        at = up;
    }
    let mut at = v;
    for _ in 0..4 {
        if let Some(s) = nearest_subject(parse, at) {
            // "He was quoted as saying": the passive subject is the
            // speaker; any other passive subject ("the deal was signed,
            // officials saying") is what was acted on.
            if tokens[s].dep == "nsubj" || (at != v && parse.is_passive(at)) {
                return Some(s);
            }
            return None;
        }
        let t = &tokens[at];
        if t.head == at
            || !matches!(
                t.dep.as_str(),
                "advcl" | "conj" | "xcomp" | "pcomp" | "prep"
            )
        {
            return None;
        }
        at = t.head;
    }
    None
}

/// The subject of `v` nearest to it: a dateline parsed as a second
/// subject ("BUFFALO, N.Y. — ... coach Bruce Boudreau said") or an
/// organisation before a title ("CPUC President Marybel Batjer") is
/// further from the verb than the speaker.
fn nearest_subject(parse: &Parse, v: usize) -> Option<usize> {
    let subjects = parse
        .dependents(v)
        .iter()
        .copied()
        .filter(|&c| matches!(parse.tokens[c].dep.as_str(), "nsubj" | "nsubjpass"));
    let (before, after): (Vec<usize>, Vec<usize>) = subjects.partition(|&c| c < v);
    before.last().or(after.first()).copied()
}

/// The agent of a passive verb: the object of its "by" phrase.
fn agent(parse: &Parse, v: usize) -> Option<usize> {
    let tokens = parse.tokens;
    let by = parse
        .dependents(v)
        .iter()
        .copied()
        .find(|&c| tokens[c].dep == "agent")?;
    parse
        .dependents(by)
        .iter()
        .copied()
        .find(|&c| tokens[c].dep == "pobj")
}

/// The speaker's tokens: the subject's subtree with its appositions and
/// titles ("Jane Roe, chief economist at Bank X"), cut before any relative
/// clause or participle in it ("Roe, who ...", "Roe, a mediator who ...")
/// and without the commas around it.
fn speaker_span(parse: &Parse, head: usize) -> Range<usize> {
    let tokens = parse.tokens;
    let mut span = parse.subtree(head, &[]);
    let cut: Vec<Range<usize>> = span
        .clone()
        .filter(|&c| {
            c != head
                && matches!(
                    tokens[c].dep.as_str(),
                    "relcl" | "acl" | "advcl" | "parataxis"
                )
        })
        .map(|c| parse.subtree(c, &[]))
        .collect();
    for c in cut {
        if c.start > head {
            span.end = span.end.min(c.start);
        } else {
            span.start = span.start.max(c.end);
        }
    }
    while span.len() > 1 && tokens[span.end - 1].pos == "PUNCT" {
        span.end -= 1;
    }
    while span.len() > 1 && tokens[span.start].pos == "PUNCT" {
        span.start += 1;
    }
    span
}

/// What a verb reports, as characters, and where it was found.
fn complement(
    parse: &Parse,
    quotations: &[Quotation],
    chars: &[char],
    v: usize,
    lemma: &str,
    passive: bool,
) -> Option<(Range<usize>, Source)> {
    let tokens = parse.tokens;
    let deps = parse.dependents(v);
    // The complement after the verb, else the one before it ("“...,” she
    // said"); a complement that is an attribution with its own subject
    // ("Roe said ..., he also said that ...") is a statement of its own.
    let complements: Vec<usize> = deps
        .iter()
        .copied()
        .filter(|&c| matches!(tokens[c].dep.as_str(), "ccomp" | "parataxis"))
        .filter(|&c| {
            let t = &tokens[c];
            !(is_reporting(&t.text.to_lowercase(), &t.lemma.to_lowercase())
                && nearest_subject(parse, c).is_some())
        })
        .collect();
    let before = complements.iter().rev().find(|&&c| c < v).copied();
    let after = complements.iter().find(|&&c| c > v).copied();
    // "“A,” she said, “B.”": a quotation split by its attribution is read
    // from its first half.
    let split =
        before.is_some() && quotation_after(quotations, chars, tokens[v].end, parse, v).is_some();
    let ccomp = if split { before } else { after.or(before) };
    let verb_end = tokens[v].end;
    if let Some(c) = ccomp {
        // "said “we are relieved” at the release, adding that ...": a
        // statement of its own hung inside the complement is left out.
        // The "that" opening the complement is not said either.
        let others: Vec<usize> = parse
            .subtree(c, &[])
            .filter(|&k| k != c && continues_statement(parse, k))
            .chain(parse.dependents(c).iter().copied().filter(|&k| {
                tokens[k].dep == "mark" && tokens[k].text.eq_ignore_ascii_case("that")
            }))
            .collect();
        let mut span = parse.char_span(parse.subtree(c, &others));
        // A quotation the complement reaches into is said whole, however
        // many sentences it runs over.
        for at in [span.start, span.end.saturating_sub(1)] {
            if let Some(q) = inside(quotations, at) {
                span = span.start.min(q.start)..span.end.max(q.end);
            }
        }
        // "“A,” she said, “B.”": the second half of a quotation split by
        // its attribution.
        if span.end <= tokens[v].start {
            if let Some(q) = quotation_after(quotations, chars, verb_end, parse, v) {
                span.end = span.end.max(q.end);
            }
        }
        return Some((span, Source::Clause));
    }
    // "“...,” X said in a speech": the quotation that closes right before
    // the attribution, or opens right after the verb.
    if let Some(q) = quotation_before(quotations, chars, parse, v) {
        let mut span = q.start..q.end;
        if let Some(after) = quotation_after(quotations, chars, verb_end, parse, v) {
            span.end = after.end;
        }
        return Some((span, Source::Quotation));
    }
    if let Some(q) = quotation_after(quotations, chars, verb_end, parse, v) {
        return Some((q.start..q.end, Source::Quotation));
    }
    if let Some(span) = that_clause(parse, v) {
        return Some((parse.char_span(span), Source::Clause));
    }
    if let Some(span) = clause_above(parse, v) {
        return Some((parse.char_span(span), Source::Clause));
    }
    if passive {
        return Some((parse.char_span(parse.subtree(v, &[])), Source::Clause));
    }
    // No clause: the words the verb governs after it ("denied the
    // report", "called him a liar"), without the hearer of "told".
    let after: Vec<usize> = deps
        .iter()
        .copied()
        .filter(|&c| c > v)
        .filter(|&c| {
            let d = tokens[c].dep.as_str();
            let object_is_content = d != "dobj"
                || (lemma != "tell" && (!NO_OBJECT.contains(&lemma) || holds_verb(parse, c)));
            (CONTENT_DEPS.contains(&d) && object_is_content)
                || (d == "prep"
                    && CONTENT_PREPOSITIONS.contains(&tokens[c].lemma.to_lowercase().as_str()))
        })
        .collect();
    let first = *after.first()?;
    let last = *after.last()?;
    let span = parse.subtree(first, &[]).start..parse.subtree(last, &[]).end;
    Some((parse.char_span(span), Source::Governed))
}

/// Whether `k` is a reporting verb with no subject of its own that
/// follows another ("adding that ...", "and said ..."): a statement of its
/// own, found apart.
fn continues_statement(parse: &Parse, k: usize) -> bool {
    let t = &parse.tokens[k];
    t.pos == "VERB"
        && matches!(t.dep.as_str(), "advcl" | "conj")
        && nearest_subject(parse, k).is_none()
        && is_reporting(&t.text.to_lowercase(), &t.lemma.to_lowercase())
}

/// Whether a phrase holds a verb: "said more than 15,000 people
/// registered" is a clause the parser read as an object.
fn holds_verb(parse: &Parse, i: usize) -> bool {
    parse
        .subtree(i, &[])
        .filter(|&k| k != i)
        .any(|k| parse.descends_from(k, i) && parse.tokens[k].pos == "VERB")
}

/// A "that" clause below the verb that the parser hung elsewhere ("told
/// teachers who filled the lawn that ...", "claimed at the time that
/// ..."): from after the "that" to the end of its clause.
fn that_clause(parse: &Parse, v: usize) -> Option<Range<usize>> {
    let tokens = parse.tokens;
    let whole = parse.subtree(v, &[]);
    let that = (v + 1..whole.end).find(|&i| {
        let t = &tokens[i];
        t.text.eq_ignore_ascii_case("that")
            && matches!(t.dep.as_str(), "mark" | "advmod")
            && parse.descends_from(i, v)
            && matches!(tokens[t.head].pos.as_str(), "VERB" | "AUX")
    })?;
    let clause = parse.subtree(tokens[that].head, &[]);
    let span = that + 1..clause.end;
    (!span.is_empty()).then_some(span)
}

/// "The talks failed, she said" and "Many, she said, are ageing", parsed
/// with the attribution hanging from the clause it reports: that clause
/// without the attribution.
fn clause_above(parse: &Parse, v: usize) -> Option<Range<usize>> {
    let tokens = parse.tokens;
    let t = &tokens[v];
    let own = parse.subtree(v, &[]);
    let set_off = own.start > 0 && tokens[own.start - 1].text == ",";
    let hangs = t.dep == "parataxis" || (t.dep == "ccomp" && t.head < v && set_off);
    // An attribution ends in a hearer, a place or a time ("she told the
    // Post", "he said on Monday"); a clause after the verb is what it
    // reports, which the parser did not hang from it.
    let clause_after = (v + 1..own.end).any(|k| matches!(tokens[k].pos.as_str(), "VERB" | "AUX"));
    if !hangs || t.head == v || clause_after {
        return None;
    }
    // With the attribution in the middle, the clause keeps its words on
    // both sides of it.
    let span = parse.subtree(t.head, &[v]);
    (!span.is_empty()).then_some(span)
}

/// The quotation whose closing mark is right before the attribution:
/// nothing but punctuation and the verb's own words (its subject, "also")
/// between, and no paragraph break.
fn quotation_before(
    quotations: &[Quotation],
    chars: &[char],
    parse: &Parse,
    v: usize,
) -> Option<Quotation> {
    let at = parse.tokens[v].start;
    let k = quotations.partition_point(|q| q.end < at);
    let q = *quotations[..k].last().filter(|q| q.closed)?;
    if chars[q.end..at].contains(&'\n') {
        return None;
    }
    let own = parse
        .tokens_in(q.end + 1, at)
        .all(|i| parse.tokens[i].pos == "PUNCT" || parse.descends_from(i, v));
    own.then_some(q)
}

/// The quotation that opens after the verb with only the verb's own
/// words between ("said on Monday:", "told reporters,").
fn quotation_after(
    quotations: &[Quotation],
    chars: &[char],
    from: usize,
    parse: &Parse,
    v: usize,
) -> Option<Quotation> {
    let q = *quotations.get(quotations.partition_point(|q| q.start <= from))?;
    let open = q.start - 1;
    let between = parse.tokens_in(from, open);
    // A colon may introduce a quotation in the next paragraph ("said:"
    // and the quotation below it): the line break is no word between.
    let own = between.clone().all(|i| {
        let t = &parse.tokens[i];
        matches!(t.pos.as_str(), "PUNCT" | "SPACE")
            || (parse.descends_from(i, v) && !matches!(t.pos.as_str(), "VERB" | "AUX"))
    });
    // Only a comma or colon introduces a quotation; "said “...” was" is
    // a word quoted inside the sentence, which the complement holds.
    let introduced = chars[from..open]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| matches!(c, ',' | ':'));
    (own && introduced).then_some(q)
}

/// The quotation whose inside holds character `at` (quotations are
/// sorted and do not overlap).
fn inside(quotations: &[Quotation], at: usize) -> Option<&Quotation> {
    let k = quotations.partition_point(|q| q.start <= at);
    k.checked_sub(1)
        .map(|k| &quotations[k])
        .filter(|q| at < q.end)
}

/// The content without the punctuation and quotation marks at its
/// edges; `None` when nothing is left.
fn trim_content(chars: &[char], r: Range<usize>) -> Option<Range<usize>> {
    let (mut a, mut b) = (r.start, r.end.min(chars.len()));
    while a < b && (chars[a].is_whitespace() || is_edge_mark(chars[a])) {
        a += 1;
    }
    while b > a && (chars[b - 1].is_whitespace() || is_edge_mark(chars[b - 1])) {
        b -= 1;
    }
    (a < b).then_some(a..b)
}

fn is_edge_mark(c: char) -> bool {
    is_quote_mark(c) || matches!(c, ',' | '.' | ':' | ';' | '\u{2014}' | '\u{2013}' | '-')
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
    )
}

/// The entity a speaker span names: the one holding the subject's head
/// word, else a person, else anything with an actor code.
fn best_entity(
    entities: &[Entity],
    span: Range<usize>,
    head: Option<usize>,
    parse: &Parse,
) -> Option<usize> {
    let within: Vec<usize> = (entities.partition_point(|e| e.start < span.start)..entities.len())
        .take_while(|&i| entities[i].start < span.end)
        .filter(|&i| entities[i].end <= span.end && entities[i].rule != "title")
        .collect();
    let at_head = head.map(|h| &parse.tokens[h]).and_then(|t| {
        within
            .iter()
            .copied()
            .find(|&i| entities[i].start <= t.start && t.end <= entities[i].end)
    });
    at_head
        .or_else(|| {
            within
                .iter()
                .copied()
                .find(|&i| entities[i].kind == "person")
        })
        .or_else(|| within.iter().copied().find(|&i| entities[i].code.is_some()))
}

/// A claim from its parts: the speaker's text (a pronoun's antecedent as
/// written), the content's kind of quotation, the date and the hedges of
/// the sentences it covers.
fn make_claim(
    input: &Input,
    quotations: &[Quotation],
    sentence: usize,
    speaker: Option<Range<usize>>,
    entity: Option<usize>,
    content: Range<usize>,
    verb: String,
) -> Claim {
    let chars = input.chars;
    let text = |r: Range<usize>| chars[r].iter().collect::<String>();
    let speaker_text = match (speaker, entity) {
        // "She said": the speaker is who "she" is, as first named.
        (Some(_), Some(e)) if is_pronoun(&input.entities[e].text) => {
            Some(input.entities[antecedent(input.entities, e)].text.clone())
        }
        (Some(r), _) => Some(text(r)),
        (None, _) => None,
    }
    .filter(|s| !s.is_empty());
    let hedges = hedges(input, sentence, &content, &verb);
    let marks = chars[content.clone()]
        .iter()
        .filter(|c| is_quote_mark(**c) && **c != '\u{2019}')
        .count();
    let quote = if inside(quotations, content.start).is_some_and(|q| content.end <= q.end) {
        "direct"
    } else if marks > 0 {
        "mixed"
    } else {
        "indirect"
    };
    Claim {
        start: content.start,
        end: content.end,
        speaker: speaker_text,
        speaker_entity: entity,
        speaker_code: entity.and_then(|e| input.entities[e].code.clone()),
        verb,
        quote: quote.into(),
        said_on: input.said_on.get(sentence).cloned().flatten(),
        hedges,
        sentence_index: sentence,
    }
}

/// The hedges of the sentence an attribution is in and of the content,
/// as today's finder reads them, and "claimed" for its verb.
fn hedges(input: &Input, sentence: usize, content: &Range<usize>, verb: &str) -> Vec<String> {
    let s = input.sentences[sentence];
    let covered: String = input.chars[s.start.min(content.start)..s.end.max(content.end)]
        .iter()
        .collect();
    let mut hedges = crate::claims::hedges_in(&covered.to_lowercase());
    if matches!(
        verb.to_lowercase().as_str(),
        "claimed" | "claims" | "claim" | "claiming"
    ) {
        hedges.push("claimed".into());
    }
    hedges.sort();
    hedges.dedup();
    hedges
}

/// Quotations that open a sentence right after a direct quotation and
/// have no attribution of their own: the same speaker goes on ("“We will
/// appeal,” Roe said. “The ruling ignores the evidence.”"). A sentence of
/// narration in between ends the run.
fn follow_ons(input: &Input, quotations: &[Quotation], found: &mut Vec<(usize, usize, Claim)>) {
    let sentence_of = |at: usize| input.sentences.partition_point(|s| s.end <= at);
    for q in quotations {
        let k = sentence_of(q.start);
        let Some(s) = input.sentences.get(k) else {
            continue;
        };
        let opens = input.chars[s.start..q.start.max(s.start)]
            .iter()
            .all(|c| c.is_whitespace() || is_quote_mark(*c));
        if !opens
            || found
                .iter()
                .any(|(_, _, c)| c.start < q.end && q.start < c.end)
        {
            continue;
        }
        let Some((_, _, previous)) = found
            .iter()
            .filter(|(_, _, c)| c.end <= q.start)
            .max_by_key(|(_, _, c)| c.end)
        else {
            continue;
        };
        let last = previous
            .sentence_index
            .max(sentence_of(previous.end.saturating_sub(1)));
        if previous.quote != "direct" || last + 1 != k {
            continue;
        }
        let Some(content) = trim_content(input.chars, q.start..q.end) else {
            continue;
        };
        let claim = Claim {
            start: content.start,
            end: content.end,
            hedges: hedges(input, k, &content, &previous.verb),
            sentence_index: k,
            ..previous.clone()
        };
        found.push((k, q.start, claim));
    }
}

fn is_pronoun(text: &str) -> bool {
    matches!(
        text.to_lowercase().as_str(),
        "he" | "she" | "it" | "they" | "we" | "i" | "him" | "her" | "them"
    )
}

/// The mention a chain of references ends at.
fn antecedent(entities: &[Entity], mut e: usize) -> usize {
    for _ in 0..entities.len() {
        match entities[e].refers_to {
            Some(r) if r < entities.len() && r != e => e = r,
            _ => break,
        }
    }
    e
}

/// The quotations of a text, marks paired: “ opens and ” closes, a
/// straight mark opens or closes by turn, and ‘...’ counts only outside
/// double marks and closes at a ’ that is not an apostrophe. A quotation
/// left open at the end of a paragraph goes on when the next paragraph
/// opens with a mark (the news convention for quotations over several
/// paragraphs), and ends with the paragraph otherwise; a closing mark
/// with no opening one closes a quotation begun with its paragraph.
pub fn quotations(chars: &[char]) -> Vec<Quotation> {
    let mut out: Vec<Quotation> = Vec::new();
    // The opening of the quotation in progress and whether it is single.
    let mut open: Option<(usize, bool)> = None;
    // A quotation left open by the previous paragraph.
    let mut carried: Option<usize> = None;
    // Where the current paragraph starts.
    let mut paragraph = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            paragraph = i + 1;
            if let Some((start, _)) = open.take() {
                carried = Some(start);
                // The paragraph's end: where the quotation stops unless
                // the next paragraph carries it on.
                let mut end = i;
                while end > start && chars[end - 1].is_whitespace() {
                    end -= 1;
                }
                out.push(Quotation {
                    start,
                    end,
                    closed: false,
                });
            }
            i += 1;
            continue;
        }
        if carried.is_some() && !c.is_whitespace() {
            let start = carried.take().unwrap_or(i);
            if matches!(c, '\u{201C}' | '"' | '\u{2018}') {
                // The same quotation goes on: undo its provisional end.
                if out.last().is_some_and(|q| q.start == start && !q.closed) {
                    out.pop();
                }
                open = Some((start, c == '\u{2018}'));
                i += 1;
                continue;
            }
        }
        let letter = |k: Option<&char>| k.is_some_and(|x| x.is_alphanumeric());
        match (c, open) {
            ('\u{201D}', Some((start, false))) | ('"', Some((start, false))) => {
                out.push(Quotation {
                    start,
                    end: i,
                    closed: true,
                });
                open = None;
            }
            ('\u{2018}', None) if !letter(i.checked_sub(1).and_then(|k| chars.get(k))) => {
                open = Some((i + 1, true))
            }
            ('\u{2019}', Some((start, true))) if !letter(chars.get(i + 1)) && i > start => {
                out.push(Quotation {
                    start,
                    end: i,
                    closed: true,
                });
                open = None;
            }
            // A closing mark with nothing open, as the first mark of its
            // paragraph: the opening one was lost, and the quotation is
            // taken to start with the paragraph ("You think it will calm
            // down." said the shop's manager). A straight mark counts as
            // closing when it follows a word and is not followed by one.
            ('\u{201D}', None) | ('"', None)
                if out.last().is_none_or(|q| q.end < paragraph) && closing_shape(chars, i) =>
            {
                let start = (paragraph..i)
                    .find(|&k| !chars[k].is_whitespace())
                    .unwrap_or(i);
                out.push(Quotation {
                    start,
                    end: i,
                    closed: true,
                });
            }
            ('\u{201C}', None) | ('"', None) => open = Some((i + 1, false)),
            _ => {}
        }
        i += 1;
    }
    if let Some((start, _)) = open {
        let mut end = chars.len();
        while end > start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        out.push(Quotation {
            start,
            end,
            closed: false,
        });
    }
    out.retain(|q| q.start < q.end);
    out
}

/// Whether the mark at `i` has the shape of a closing one: after a word
/// or a stop, and not before a word.
fn closing_shape(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| chars[k]);
    let after = chars.get(i + 1);
    before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// An interview line, "NAME: ...": the name's characters, the answer's
/// (to the end of the paragraph) and the sentence it starts in.
struct InterviewLine {
    speaker: Range<usize>,
    content: Range<usize>,
    sentence: usize,
}

/// Lines that open with a speaker's name and a colon: a person the
/// entities know ("Jane Roe:"), or in capitals the surname of one
/// ("ROE:"), at most four words.
fn interview_lines(input: &Input) -> Vec<InterviewLine> {
    let chars = input.chars;
    let mut out = Vec::new();
    let surnames: std::collections::HashSet<String> = input
        .entities
        .iter()
        .filter(|e| e.kind == "person")
        .flat_map(|e| [Some(&e.text), e.name.as_ref()])
        .flatten()
        .filter_map(|n| n.split_whitespace().last())
        .map(str::to_lowercase)
        .collect();
    for (k, s) in input.sentences.iter().enumerate() {
        let line_start = s.start == 0
            || chars[..s.start]
                .iter()
                .rev()
                .find(|c| **c != ' ')
                .is_none_or(|c| *c == '\n');
        if !line_start {
            continue;
        }
        let Some(colon) = (s.start..s.end.min(s.start + 40)).find(|&i| chars[i] == ':') else {
            continue;
        };
        let name: String = chars[s.start..colon].iter().collect();
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.is_empty()
            || words.len() > 4
            || NOT_SPEAKERS.contains(&words[0].to_lowercase().as_str())
            || !words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            continue;
        }
        // A name in capitals is a speaker only when the document names
        // that person ("ROE:" after "Jane Roe"): a dateline in capitals
        // ("UNITED STATES:") is not.
        let capitals = words.iter().all(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !w.chars().any(char::is_lowercase)
        }) && words
            .last()
            .is_some_and(|w| surnames.contains(&w.to_lowercase()));
        let first = input.entities.partition_point(|e| e.start < s.start);
        let person = input.entities[first..]
            .iter()
            .take_while(|e| e.start == s.start)
            .any(|e| e.kind == "person" && e.end == colon);
        if !capitals && !person {
            continue;
        }
        let end = (colon..chars.len())
            .find(|&i| chars[i] == '\n')
            .unwrap_or(chars.len());
        let Some(content) = trim_content(chars, colon + 1..end) else {
            continue;
        };
        out.push(InterviewLine {
            speaker: s.start..colon,
            content,
            sentence: k,
        });
    }
    out
}

#[cfg(test)]
#[path = "claim_cases.rs"]
mod claim_cases;

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        quotations(&chars)
            .iter()
            .map(|q| chars[q.start..q.end].iter().collect())
            .collect()
    }

    #[test]
    fn marks_pair_over_paragraphs_and_apostrophes_are_not_marks() {
        assert_eq!(
            quoted("He said: \u{201C}One. Two.\n\u{201C}Three.\u{201D} Then \"four\"."),
            ["One. Two.\n\u{201C}Three.", "four"]
        );
        // A paragraph that does not open with a mark ends the quotation.
        assert_eq!(quoted("\u{201C}Open\nNarration."), ["Open"]);
        // Single marks outside double ones, apostrophes left alone.
        assert_eq!(
            quoted("The workers\u{2019} union said \u{2018}we won\u{2019} and didn\u{2019}t stop."),
            ["we won"]
        );
        // A closing mark with nothing open closes a quotation that
        // started with its paragraph, whose opening mark was lost.
        assert_eq!(quoted("First.\nIt is done.\" said Roe."), ["It is done."]);
        assert_eq!(quoted("A \u{201C}b\u{201D} c\u{201D} d"), ["b"]);
    }

    #[test]
    fn content_edges_lose_marks_and_stops_only() {
        let chars: Vec<char> = "\u{201C}That plan will fail,\u{201D}".chars().collect();
        let r = trim_content(&chars, 0..chars.len()).unwrap();
        assert_eq!(chars[r].iter().collect::<String>(), "That plan will fail");
        assert!(trim_content(&chars, 0..1).is_none());
    }
}
