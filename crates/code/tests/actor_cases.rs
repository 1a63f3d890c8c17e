//! Who acts and on whom, for kinds of sentence the parse must read: a case
//! table of sentences written for storyline, each coded alone as the
//! PLOVER records are, with the main event's category and the country
//! parts of its actor and recipient codes; an empty category is a
//! sentence with no event.

use std::collections::BTreeSet;
use storyline_code::{code_sentence, main_event, Verbs};
use storyline_kb::Kb;
use storyline_model::Span;

struct Case {
    name: &'static str,
    text: &'static str,
    category: &'static str,
    actors: &'static [&'static str],
    recipients: &'static [&'static str],
    /// The sentence gives no other event than the main one.
    only: bool,
}

const CASES: &[Case] = &[
    Case {
        name: "a verb describing a noun has no doer from the words before it",
        text: "Investors are moving into the Kenyan bond market, an example of the ability of that market to support larger issues.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "a statement's words are its issuer's, and what it demands has not happened",
        text: "Hamas issued a communique demanding that the Israeli government free its prisoners.",
        category: "REQUEST",
        actors: &["PSE"],
        recipients: &["ISR"],
        only: true,
    },
    Case {
        name: "a dateline in title case takes no part",
        text: "Nairobi – Thousands of Kenyan teachers marched to parliament on Tuesday to call for better pay from the government.",
        category: "PROTEST",
        actors: &["KEN"],
        recipients: &[],
        only: false,
    },
    Case {
        name: "a state that blocks a crossing restricts movement",
        text: "Ghana blocked the main crossing point on its border with Togo.",
        category: "COERCE",
        actors: &["GHA"],
        recipients: &["TGO"],
        only: true,
    },
    Case {
        name: "what troops are trained to do has not happened",
        text: "The French army has been training Malian soldiers to fight insurgents in the north.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "shooting a person is an assault, shooting a film is not",
        text: "Soldiers shot two protesters in Mandalay, and a Thai director shot a film in Yangon.",
        category: "ASSAULT",
        actors: &["MMR"],
        recipients: &["MMR"],
        only: true,
    },
    Case {
        name: "an order to shut down is coercion however long its object",
        text: "The Zambian government ordered the independent radio station Radio Phoenix to suspend broadcasts.",
        category: "COERCE",
        actors: &["ZMB"],
        recipients: &[],
        only: true,
    },
    Case {
        name: "a disease that kills is nobody's attack",
        text: "Tourists were stranded in Peru after an outbreak of cholera killed six villagers.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "showing something is no demonstration",
        text: "Chile's mining minister said the country would demonstrate ways to cut water use.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "a means told with by is done by the subject",
        text: "The Kenyan foreign minister, a veteran diplomat from Mombasa, surprised Uganda by accusing Tanzania of hoarding grain.",
        category: "ACCUSE",
        actors: &["KEN"],
        recipients: &["TZA"],
        only: false,
    },
    Case {
        name: "a verb form used as a conjunction of condition codes nothing",
        text: "Kenya may bid for the contract, provided it works with Ethiopia on the pipeline.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "a defeat at the polls is no assault",
        text: "Opposition candidates beat the incumbent mayor of Nairobi in Sunday's election.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "what someone should do, in the writer's words, is an opinion",
        text: "The Kenyan government should expel the Somali envoy before the summit.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "a clause of time beside the event acts on no one of it",
        text: "Hungary eased emergency measures in Slovakia on Monday as police in Romania arrested dozens of smugglers.",
        category: "CONCEDE",
        actors: &["HUN"],
        recipients: &["SVK"],
        only: false,
    },
    Case {
        name: "a refusal inside a condition is no refusal made",
        text: "Canada said it would raise tariffs on Mexican steel if no deal is reached with Mexico.",
        category: "THREATEN",
        actors: &["CAN"],
        recipients: &["MEX"],
        only: true,
    },
    Case {
        name: "a condition put by an auxiliary before the subject",
        text: "The envoy warned of sanctions should Armenia not withdraw its troops from the border.",
        category: "",
        actors: &[],
        recipients: &[],
        only: false,
    },
    Case {
        name: "what a party is unlikely to do is no event",
        text: "Analysts said Russia is unlikely to agree to a further cut in oil output.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "an open question is no event",
        text: "Markets waited to see whether Japan and Korea could agree to resume talks.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "a disaster's place is where it happens, not who acts",
        text: "An outbreak of plague in Mongolia killed a couple in May.",
        category: "",
        actors: &[],
        recipients: &[],
        only: false,
    },
    Case {
        name: "an ally of a country is not that country",
        text: "Rebels killed a commander of Ethiopia's militia ally in northern Chad.",
        category: "ASSAULT",
        actors: &["TCD"],
        recipients: &["TCD"],
        only: false,
    },
    Case {
        name: "a people's language is no party acted on",
        text: "The Estonian court cancelled restrictions on the use of the Russian language in schools.",
        category: "CONCEDE",
        actors: &["EST"],
        recipients: &[],
        only: false,
    },
    Case {
        name: "a happening named before a light noun is what happens",
        text: "Norway launched a mediation effort between Sudan and Chad on Friday.",
        category: "CONSULT",
        actors: &["NOR"],
        recipients: &["SDN", "TCD"],
        only: false,
    },
    Case {
        name: "a question put is no demand",
        text: "The Kenyan senator demanded how the minister could be so sure of the date.",
        category: "",
        actors: &[],
        recipients: &[],
        only: false,
    },
    Case {
        name: "an infinitive describing a noun has that noun as object, not as doer",
        text: "There are still many details to examine with the Chinese rocket.",
        category: "",
        actors: &[],
        recipients: &[],
        only: false,
    },
    Case {
        name: "closing is coercion only of a border, a body or a public place",
        text: "The Canadian band closed out its tour in Nashville on Sunday.",
        category: "",
        actors: &[],
        recipients: &[],
        only: false,
    },
    Case {
        name: "the public at large is no party",
        text: "Many people visited the new website of the ministry on Monday.",
        category: "",
        actors: &[],
        recipients: &[],
        only: false,
    },
    Case {
        name: "an imperative names no actor",
        text: "Be sure to visit the Peruvian embassy in Lima on Sunday.",
        category: "",
        actors: &[],
        recipients: &[],
        only: false,
    },
    Case {
        name: "the writer is no political actor",
        text: "I visited the Peruvian embassy in Lima last year.",
        category: "",
        actors: &[],
        recipients: &[],
        only: false,
    },
    Case {
        name: "a third party not yet named still acts",
        text: "He urged Kenya to reopen the border.",
        category: "REQUEST",
        actors: &[],
        recipients: &["KEN"],
        only: false,
    },
    Case {
        name: "the main event is the main clause's, not a relative clause's",
        text: "Somali fighters who attacked Kenyan border posts last month agreed to talks with Ethiopia.",
        category: "AGREE",
        actors: &["SOM"],
        recipients: &["ETH"],
        only: false,
    },
    Case {
        name: "an unnamed crowd acting in a place is of that place's country",
        text: "Hundreds of people blocked roads in Nairobi on Monday.",
        category: "PROTEST",
        actors: &["KEN"],
        recipients: &[],
        only: false,
    },
    Case {
        name: "what the subject summons someone for is done to that one",
        text: "Ghana's foreign minister summoned Togo's ambassador to complain about the border closure.",
        category: "ACCUSE",
        actors: &["GHA"],
        recipients: &["TGO"],
        only: false,
    },
    Case {
        name: "the purpose of a rally is done by those who gather for it",
        text: "Thousands of Kenyans gathered on Sunday for a rally in Mombasa to protest the new tax.",
        category: "PROTEST",
        actors: &["KEN"],
        recipients: &[],
        only: false,
    },
    Case {
        name: "a people named after two countries is a group of the first",
        text: "Bosnian Croats demanded a referendum on independence.",
        category: "REQUEST",
        actors: &["BIH"],
        recipients: &[],
        only: false,
    },
    Case {
        name: "an ethnic minority acted on takes the country where it happens, as do unnamed soldiers",
        text: "Soldiers killed four ethnic Hungarians in a raid in western Romania.",
        category: "ASSAULT",
        actors: &["ROU"],
        recipients: &["ROU"],
        only: false,
    },
    Case {
        name: "burning property is coercion",
        text: "Rioters burned three police cars in Lyon on Saturday.",
        category: "COERCE",
        actors: &["FRA"],
        recipients: &["FRA"],
        only: false,
    },
    Case {
        name: "a place that is burning is no party burning something",
        text: "The port city is burning.",
        category: "",
        actors: &[],
        recipients: &[],
        only: false,
    },
    Case {
        name: "a relative clause on a happening has no actor",
        text: "Officials recalled the flu pandemic that killed millions of people in 1918.",
        category: "",
        actors: &[],
        recipients: &[],
        only: false,
    },
    Case {
        name: "a request for comment is the press asking, not a demand",
        text: "The ministry did not respond to a request for comment on Friday.",
        category: "",
        actors: &[],
        recipients: &[],
        only: false,
    },
    Case {
        name: "what someone is asked to do has not happened",
        text: "Poland's president asked Ukraine to investigate the company.",
        category: "REQUEST",
        actors: &["POL"],
        recipients: &["UKR"],
        only: true,
    },
    Case {
        name: "what a threat threatens is not an event of its own",
        text: "Malian rebels threatened to kill the hostages.",
        category: "THREATEN",
        actors: &["MLI"],
        recipients: &[],
        only: true,
    },
    Case {
        name: "a plea in court is no request",
        text: "A farmer pleaded guilty on Monday to fraud.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "a company the knowledge base does not know, doing business, is no political actor",
        text: "Brightloop Media offered subscribers a free month of streaming.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "a private person acting on private people is no event",
        text: "Anna Meyer thanked her neighbours for their help.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "declining to comment is no refusal",
        text: "A spokesperson for the ministry declined to comment.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "asking a question is no request",
        text: "\u{201C}Where did the money go?\u{201D} Senator Maria Lopez asked.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "asking a party for something is a request",
        text: "Ukraine asked Germany for more air defence systems.",
        category: "REQUEST",
        actors: &["UKR"],
        recipients: &["DEU"],
        only: true,
    },
    Case {
        name: "returning prisoners is a retreat, returning to the Moon is not",
        text: "Armenia returned the prisoners to Azerbaijan on Friday.",
        category: "RETREAT",
        actors: &["ARM"],
        recipients: &["AZE"],
        only: true,
    },
    Case {
        name: "travelling back is no retreat",
        text: "NASA plans to return astronauts to the Moon in 2027.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "what people want another to do has not happened",
        text: "Most Germans want the government to investigate the minister.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "giving an opportunity gives nothing",
        text: "The new law provides an opportunity for reform, the minister said.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
    Case {
        name: "what is measured is what is given",
        text: "Japan provided 50 tonnes of rice to Sri Lanka on Monday.",
        category: "AID",
        actors: &["JPN"],
        recipients: &["LKA"],
        only: true,
    },
    Case {
        name: "calling someone a name is no call",
        text: "Everyone in the ministry called him Mike.",
        category: "",
        actors: &[],
        recipients: &[],
        only: true,
    },
];

fn countries(codes: &[String]) -> BTreeSet<String> {
    codes
        .iter()
        .filter_map(|c| c.split(' ').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn actors_and_recipients_of_sentence_kinds() {
    let (kb, verbs) = (Kb::builtin(), Verbs::builtin());
    let backbone = storyline_nlp::Backbone::shared().expect("the built-in model loads");
    let mut failures = Vec::new();
    for case in CASES {
        let parse = backbone.annotate(case.text);
        let parsed = storyline_kb::Parsed {
            tokens: &parse.tokens,
            ner: &parse.ner,
        };
        let len = case.text.chars().count();
        let entities = storyline_kb::annotate(kb, case.text, &[Span::new(0, len)], None, parsed);
        let (_, events) = code_sentence(verbs, case.text, &entities, &parse.tokens);
        let want = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect::<BTreeSet<_>>();
        let got = main_event(&events, &parse.tokens).map(|e| {
            (
                e.category.clone(),
                countries(&e.actors),
                countries(&e.recipients),
            )
        });
        let expected = (!case.category.is_empty()).then(|| {
            (
                case.category.to_string(),
                want(case.actors),
                want(case.recipients),
            )
        });
        let extra = case.only && events.len() > usize::from(expected.is_some());
        if got != expected || extra {
            failures.push(format!(
                "{}: got {got:?} of {} events, want {expected:?}\n  {}",
                case.name,
                events.len(),
                case.text
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
