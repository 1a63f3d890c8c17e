//! The case table of the parse-based claim finder: short wire-style texts
//! written for this table, each with every claim it should give, run
//! through the backbone and the entity stage as the pipeline runs them.
//! `cargo test -p storyline-code claim_cases -- --nocapture` prints the
//! pass count and each miss.

use super::{claims, Input};
use crate::frame::Parse;
use storyline_kb::{Kb, Parsed};
use storyline_model::{Claim, Span};

/// A text and its claims: the speaker as written (`None` for a claim
/// without one) and the content.
struct Case {
    text: &'static str,
    claims: &'static [(Option<&'static str>, &'static str)],
}

const CASES: &[Case] = &[
    // Any verb that closes a quotation with its subject between the two
    // tells who spoke.
    Case {
        text: "\u{201C}That figure is simply wrong,\u{201D} the mayor shot back. \u{201C}We all miss the old bridge,\u{201D} Lotte Brandt chimed in.",
        claims: &[
            (Some("the mayor"), "That figure is simply wrong"),
            (Some("Lotte Brandt"), "We all miss the old bridge"),
        ],
    },
    // A forecast whose object is a figure is a claim; one of a visit is
    // not.
    Case {
        text: "The airline earned $1.10 a share in the quarter. Analysts had predicted $0.95 a share. Officials expect a visit from the minister.",
        claims: &[(Some("Analysts"), "$0.95 a share")],
    },
    // A colon introduces the quotation of the next paragraph.
    Case {
        text: "The ferry resumed service on Monday after a week of storms.\n\nThe harbour master said:\n\n\u{201C}We have checked every mooring twice.\u{201D}",
        claims: &[(Some("The harbour master"), "We have checked every mooring twice")],
    },
    // A statement "reads" what it says.
    Case {
        text: "The ministry statement read: \"The border will stay closed until Friday.\"",
        claims: &[(Some("The ministry statement"), "The border will stay closed until Friday")],
    },
    // A statement made only on a condition was not made.
    Case {
        text: "Ruud told the envoy that the loan would be paid if the ministry announced new audits.",
        claims: &[(Some("Ruud"), "the loan would be paid if the ministry announced new audits")],
    },
    // "As X put it": the clause the phrase hangs on is what X said.
    Case {
        text: "As Ms. Lind put it, the new tariff is a gift to importers.",
        claims: &[(Some("Ms. Lind"), "the new tariff is a gift to importers")],
    },
    // Those counted speak, not the count.
    Case {
        text: "The number of farmers who said they had sold land rose by a third.",
        claims: &[(Some("farmers"), "they had sold land")],
    },
    // Certainty and opinion with "be" hold a view as "believe" does.
    Case {
        text: "Harbour officials are confident that the ferry will sail on Friday. The operator is of the view that the delay was avoidable.",
        claims: &[
            (Some("Harbour officials"), "that the ferry will sail on Friday"),
            (Some("The operator"), "that the delay was avoidable"),
        ],
    },
    // Findings and forecasts are attributed as statements are.
    Case {
        text: "A survey by the Tallin Institute found that most farmers had cut their herds. Figures from the central bank showed that prices had fallen.",
        claims: &[
            (Some("A survey by the Tallin Institute"), "most farmers had cut their herds"),
            (Some("Figures from the central bank"), "prices had fallen"),
        ],
    },
    // Verbs of hinting and joking report as "said" does.
    Case {
        text: "Lena Ruud hinted that the bank would cut rates. Her deputy joked that nobody would miss the old notes.",
        claims: &[
            (Some("Lena Ruud"), "the bank would cut rates"),
            (Some("Her deputy"), "nobody would miss the old notes"),
        ],
    },
    // A description named by its apposition speaks by that name.
    Case {
        text: "The firm that runs the ferry line, Nordvik Shipping, says the crossings will resume on Monday.",
        claims: &[(
            Some("Nordvik Shipping"),
            "the crossings will resume on Monday",
        )],
    },
    // A job title in apposition stays with the speaker.
    Case {
        text: "Jane Roe, chief economist at Bank Lumen, said inflation would ease by the spring.",
        claims: &[(
            Some("Jane Roe, chief economist at Bank Lumen"),
            "inflation would ease by the spring",
        )],
    },
    // What follows the attribution is not what was said.
    Case {
        text: "\u{201C}We will not raise the fee again this year,\u{201D} Mark Tully said in a speech on Tuesday.",
        claims: &[(Some("Mark Tully"), "We will not raise the fee again this year")],
    },
    Case {
        text: "The port will reopen next week, the harbour master said.",
        claims: &[(Some("the harbour master"), "The port will reopen next week")],
    },
    // A quotation over three sentences closed by ", said X".
    Case {
        text: "\u{201C}The cranes are back. About 400 ships are waiting. We expect the queue to clear by Friday,\u{201D} said Piet Vos, the port director.",
        claims: &[(
            Some("Piet Vos, the port director"),
            "The cranes are back. About 400 ships are waiting. We expect the queue to clear by Friday",
        )],
    },
    // A participle takes the subject of the verb it hangs from.
    Case {
        text: "Norland's labour minister met union leaders on Monday. The finance minister welcomed the agreement, saying it would protect thousands of jobs.",
        claims: &[(
            Some("The finance minister"),
            "it would protect thousands of jobs",
        )],
    },
    // A pronoun speaker is the person it stands for.
    Case {
        text: "Anna Berg met the striking workers on Monday. She said the talks had been constructive.",
        claims: &[(Some("Anna Berg"), "the talks had been constructive")],
    },
    // Narration after a closed quotation is nobody's statement.
    Case {
        text: "\u{201C}The deal is dead,\u{201D} Berg told reporters. The union has 12,000 members.",
        claims: &[(Some("Berg"), "The deal is dead")],
    },
    Case {
        text: "According to the health ministry, 34 people died in the floods.",
        claims: &[(Some("the health ministry"), "34 people died in the floods")],
    },
    // Attributions that are not speech keep their verb.
    Case {
        text: "Opposition leader Tom Hart believes the election was rigged.",
        claims: &[(Some("Opposition leader Tom Hart"), "the election was rigged")],
    },
    Case {
        text: "Hart called the prime minister a liar.",
        claims: &[(Some("Hart"), "the prime minister a liar")],
    },
    Case {
        text: "The opposition accused the government of hiding the cost of the bridge.",
        claims: &[(
            Some("The opposition"),
            "the government of hiding the cost of the bridge",
        )],
    },
    // An interview line.
    Case {
        text: "Jane Roe runs the central bank of Norland.\nROE: We are not going to cut rates this year.",
        claims: &[(Some("ROE"), "We are not going to cut rates this year")],
    },
    // A dateline in capitals is not a speaker.
    Case {
        text: "NORLAND: The central bank kept its main rate at 4 percent on Thursday.",
        claims: &[],
    },
    // A quotation over two paragraphs, the second opening with a mark.
    Case {
        text: "The mayor said: \u{201C}Water is running again in most districts.\n\u{201C}Crews will work through the night to restore the rest.\u{201D}",
        claims: &[(
            Some("The mayor"),
            "Water is running again in most districts.\n\u{201C}Crews will work through the night to restore the rest",
        )],
    },
    Case {
        text: "\u{201C}We have done nothing wrong,\u{201D} said Lena Ostrova, the company's founder. The regulator opened an inquiry in March.",
        claims: &[(
            Some("Lena Ostrova, the company's founder"),
            "We have done nothing wrong",
        )],
    },
    Case {
        text: "Sources familiar with the talks said a deal could come within days.",
        claims: &[(
            Some("Sources familiar with the talks"),
            "a deal could come within days",
        )],
    },
    Case {
        text: "The ministry denied the report.",
        claims: &[(Some("The ministry"), "the report")],
    },
    Case {
        text: "Finance Minister Ola Berg told parliament that the budget would be balanced by 2027.",
        claims: &[(
            Some("Finance Minister Ola Berg"),
            "the budget would be balanced by 2027",
        )],
    },
    // Two statements in one sentence: the second verb has no subject of
    // its own.
    Case {
        text: "\u{201C}Prices will keep falling,\u{201D} Roe said, adding that wages had not kept pace.",
        claims: &[
            (Some("Roe"), "Prices will keep falling"),
            (Some("Roe"), "wages had not kept pace"),
        ],
    },
    Case {
        text: "The airline said on Monday that it would cut 200 jobs.",
        claims: &[(Some("The airline"), "it would cut 200 jobs")],
    },
    // A reporting verb inside a quotation is part of it.
    Case {
        text: "\u{201C}I told them we would stay,\u{201D} Ivan Petrov said.",
        claims: &[(Some("Ivan Petrov"), "I told them we would stay")],
    },
    Case {
        text: "Tom Hart spoke in Leeds on Friday. He added that the party would appeal.",
        claims: &[(Some("Tom Hart"), "the party would appeal")],
    },
    // A relative clause is not part of the speaker.
    Case {
        text: "Roe, who led the talks last year, said the offer was final.",
        claims: &[(Some("Roe"), "the offer was final")],
    },
    // A statement of its own inside another's complement.
    Case {
        text: "The coach said in a statement, \u{201C}We are thrilled\u{201D} with the result, adding that the squad had earned a rest.",
        claims: &[
            (Some("The coach"), "We are thrilled\u{201D} with the result"),
            (Some("The coach"), "the squad had earned a rest"),
        ],
    },
    // A parenthetical attribution.
    Case {
        text: "Most of the bridges, she said, need to be rebuilt.",
        claims: &[(Some("she"), "Most of the bridges, she said, need to be rebuilt")],
    },
    // A "that" clause the parser hangs on the hearer.
    Case {
        text: "The union leader told hundreds of nurses who gathered outside that the hospital would have to hire more staff.",
        claims: &[(
            Some("The union leader"),
            "the hospital would have to hire more staff",
        )],
    },
    // Verbs of speech beyond the shared list.
    Case {
        text: "The council reiterated that the road would stay closed.",
        claims: &[(Some("The council"), "the road would stay closed")],
    },
    // A quotation standing alone after a quoted speaker goes on with them;
    // narration after it does not.
    Case {
        text: "\u{201C}We will appeal,\u{201D} said Carla Mendes, who represents the fishermen.\n\u{201C}The ruling ignores the evidence.\u{201D}\nThe court did not comment.",
        claims: &[
            (Some("Carla Mendes"), "We will appeal"),
            (Some("Carla Mendes"), "The ruling ignores the evidence"),
        ],
    },
    // A determiner "that" opening the content stays.
    Case {
        text: "That plan will fail, the senator said.",
        claims: &[(Some("the senator"), "That plan will fail")],
    },
    // A pronoun speaker goes on with the previous speaker, not with a
    // subject inside what that speaker said.
    Case {
        text: "Ian Hale, the spokesman, spoke to reporters on Monday. He said that Prime Minister Tom Lund would visit the flooded towns. He added that the army would help.",
        claims: &[
            (Some("Ian Hale"), "Prime Minister Tom Lund would visit the flooded towns"),
            (Some("Ian Hale"), "the army would help"),
        ],
    },
    // A name inside the quotation is not who "he" is.
    Case {
        text: "Erik Sand chairs the committee. \u{201C}The day Paul Moss resigned was a bad day,\u{201D} he said.",
        claims: &[(Some("Erik Sand"), "The day Paul Moss resigned was a bad day")],
    },
    // A relative clause reporting speech: the noun it describes speaks.
    Case {
        text: "The talks were led by Omar Diallo, a veteran mediator who has said a ceasefire is within reach.",
        claims: &[(Some("Omar Diallo, a veteran mediator"), "a ceasefire is within reach")],
    },
    // A call for something is a request, not a claim.
    Case {
        text: "\u{201C}We need more engineers,\u{201D} the mayor said, calling for more pumps, more trucks and more sandbags.",
        claims: &[(Some("the mayor"), "We need more engineers")],
    },
    // A quotation split by its attribution is one statement.
    Case {
        text: "\u{201C}The vote was fair,\u{201D} the commission chairman said, \u{201C}and the count was checked twice.\u{201D}",
        claims: &[(
            Some("the commission chairman"),
            "The vote was fair,\u{201D} the commission chairman said, \u{201C}and the count was checked twice",
        )],
    },
    // A passive report names no speaker.
    Case {
        text: "It was announced on Friday that the border crossing would reopen.",
        claims: &[(None, "the border crossing would reopen")],
    },
    // Speaking without saying anything reported is no claim.
    Case {
        text: "The minister spoke to reporters in Oslo.",
        claims: &[],
    },
    // "Before saying" belongs to the clause it hangs from.
    Case {
        text: "His sister said the old man ate a big lunch before saying he was tired.",
        claims: &[
            (Some("His sister"), "the old man ate a big lunch before saying he was tired"),
            (Some("the old man"), "he was tired"),
        ],
    },
    // A quotation whose opening mark was lost ends with a straight mark.
    Case {
        text: "Shops have been looted twice this week.\nYou think it is over and then it starts again.\" said Nia Hart, who runs a phone shop.",
        claims: &[(Some("Nia Hart"), "You think it is over and then it starts again")],
    },
    // Two attributions in a row: each has its own content.
    Case {
        text: "Coach Ada Reyes said the knee needs rest, she also said that the team would decide on Friday.",
        claims: &[
            (Some("Coach Ada Reyes"), "the knee needs rest"),
            (Some("Ada Reyes"), "the team would decide on Friday"),
        ],
    },
];

/// The text's sentences as the cleaning stage splits them: paragraph by
/// paragraph.
fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = 0;
    for paragraph in text.split('\n') {
        for r in storyline_text::split_sentences(paragraph) {
            out.push(Span::new(
                offset + paragraph[..r.start].chars().count(),
                offset + paragraph[..r.end].chars().count(),
            ));
        }
        offset += paragraph.chars().count() + 1;
    }
    out
}

fn run(text: &str) -> Vec<Claim> {
    let backbone = storyline_nlp::Backbone::shared().expect("the built-in model loads");
    let parse = backbone.annotate_paragraphs(text);
    let sentences = sentences(text);
    let entities = storyline_kb::annotate(
        Kb::builtin(),
        text,
        &sentences,
        None,
        Parsed {
            tokens: &parse.tokens,
            ner: &parse.ner,
        },
    );
    let chars: Vec<char> = text.chars().collect();
    let said_on = vec![None; sentences.len()];
    claims(
        &Parse::new(&parse.tokens),
        &Input {
            chars: &chars,
            sentences: &sentences,
            entities: &entities,
            said_on: &said_on,
        },
    )
}

#[test]
fn claim_cases() {
    let (mut passed, mut total, mut extra) = (0, 0, 0);
    for case in CASES {
        let found = run(case.text);
        let chars: Vec<char> = case.text.chars().collect();
        let content = |c: &Claim| chars[c.start..c.end].iter().collect::<String>();
        let mut used = vec![false; found.len()];
        for &(speaker, said) in case.claims {
            total += 1;
            let hit = found.iter().enumerate().position(|(i, c)| {
                !used[i] && content(c) == said && c.speaker.as_deref() == speaker
            });
            match hit {
                Some(i) => {
                    used[i] = true;
                    passed += 1;
                }
                None => eprintln!("MISS {speaker:?} / {said:?}\n  in {:?}", case.text),
            }
        }
        for (c, _) in found.iter().zip(&used).filter(|(_, u)| !**u) {
            extra += 1;
            eprintln!(
                "GOT {:?} {:?} / {:?}\n  in {:?}",
                c.speaker,
                c.verb,
                content(c),
                case.text
            );
        }
    }
    println!("claim cases: {passed}/{total} expected claims found, {extra} unexpected");
    assert_eq!((passed, extra), (total, 0));
}
