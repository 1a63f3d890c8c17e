//! Copy detection on a corpus of our own: six short wire stories, each
//! republished with the changes syndication makes (a new headline, a cut
//! last paragraph, a few edited words, an outlet's furniture added), and
//! independent reports of the same events written in other words, which
//! are not copies. Precision and recall are over pairs of documents.

use std::collections::BTreeSet;
use storyline_story::CopyIndex;

const STORIES: &[&str] = &[
    "Flooding closed the main highway between the two northern provinces on Sunday after three days of heavy rain, the transport ministry said. Engineers were inspecting two bridges that had been damaged by debris, and officials said traffic would be diverted through the mountain pass until at least Wednesday.\n\nThe weather service warned that more rain was expected later in the week. Schools in four districts were closed as a precaution, and the army sent trucks to move families from low-lying villages.\n\nLocal farmers said the water had destroyed much of the maize crop weeks before harvest.",
    "The central bank raised its main interest rate by half a percentage point on Thursday, the third increase this year, as inflation reached its highest level in a decade. The governor told a news conference that prices of food and fuel were still rising faster than expected.\n\nEconomists had expected a smaller move. The currency strengthened after the announcement, and shares of the largest lenders rose.\n\nThe bank said it would review its outlook again in six weeks.",
    "A cargo ship ran aground near the entrance to the harbour early on Friday, blocking traffic for several hours, port officials said. No injuries were reported, and tugs refloated the vessel at high tide.\n\nThe ship was carrying containers of electronics and clothing bound for the capital. Investigators from the maritime authority boarded it to examine the navigation equipment.\n\nFerry services resumed in the afternoon after divers checked the channel for damage.",
    "Health officials confirmed twelve new cases of measles in the eastern region on Monday and urged parents to check that their children had been vaccinated. Most of the cases were in a single school, the regional health department said.\n\nMobile clinics will offer free vaccination in the market towns this week. Doctors said the outbreak was the largest in the region for five years.\n\nThe department said all of the patients were recovering at home.",
    "The national football team beat its neighbours two goals to one in a qualifying match on Saturday, keeping its hopes of reaching the tournament alive. The winning goal came from a header in the final minute.\n\nThe coach praised the defence and said the team would travel to the coast for its next game. Tickets for the return match sold out within an hour.\n\nSupporters celebrated in the streets of the capital until late at night.",
    "Parliament approved a new budget on Wednesday after a debate that lasted through the night, with 142 votes in favour and 98 against. The plan raises spending on schools and roads and cuts subsidies for fuel.\n\nOpposition members said the fuel cuts would hurt poor families and promised to challenge the law in court. The finance minister said the savings were needed to reduce the deficit.\n\nThe budget takes effect at the start of next month.",
];

/// Independent reports of stories 0, 1 and 2, in other words.
const REWRITES: &[(usize, &str)] = &[
    (0, "Days of rain have cut the road linking the northern provinces. Ministry engineers are checking two damaged bridges, drivers are being sent over the mountains, and troops are helping villagers leave flooded homes. Forecasters expect more storms, and farmers fear for the maize harvest."),
    (1, "Borrowing costs went up again on Thursday when the central bank lifted rates for a third time in 2024 to fight the fastest price rises in ten years. Analysts had forecast a quarter-point rise. The currency gained and bank shares climbed."),
    (2, "Divers and tugs spent Friday freeing a container vessel that grounded at the harbour mouth before dawn. Nobody was hurt. Maritime inspectors are looking at its navigation systems, and ferries sailed again by the afternoon."),
];

/// The changes syndication makes, each giving one copy.
fn copies_of(text: &str, k: usize) -> Vec<String> {
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let trimmed = paragraphs[..paragraphs.len() - 1].join("\n\n");
    let edited = text
        .replacen(" said", " told reporters", 1)
        .replacen("on ", "late on ", 1);
    let furnished = format!("Breaking news | Follow us for updates\n\n{text}\n\nShare this story. Sign up for our newsletter. Copyright {k} Example Media.");
    let retitled = format!("Update {k}: what we know so far\n\n{text}");
    vec![trimmed, edited, furnished, retitled]
}

#[test]
fn copies_are_found_and_rewrites_are_not() {
    let mut docs: Vec<(String, usize, String)> = Vec::new();
    for (k, s) in STORIES.iter().enumerate() {
        docs.push((format!("s{k}"), k, s.to_string()));
        for (n, c) in copies_of(s, k).into_iter().enumerate() {
            docs.push((format!("s{k}-copy{n}"), k, c));
        }
    }
    for (n, (k, text)) in REWRITES.iter().enumerate() {
        // A rewrite belongs to its story but is no copy: its own family.
        docs.push((format!("rewrite{n}"), 100 + k, text.to_string()));
    }
    let mut index = CopyIndex::new();
    for (id, _, text) in &docs {
        index.add(id, text, Some("2024-05-01"), Some("AFP"));
    }
    let family = |id: &str| docs.iter().find(|d| d.0 == id).map(|d| d.1).unwrap();
    let mut predicted: BTreeSet<(String, String)> = BTreeSet::new();
    for g in index.groups() {
        let mut members = vec![g.canonical.clone()];
        members.extend(g.copies.iter().cloned());
        for a in &members {
            for b in &members {
                if a < b {
                    predicted.insert((a.clone(), b.clone()));
                }
            }
        }
    }
    let mut truth: BTreeSet<(String, String)> = BTreeSet::new();
    for a in &docs {
        for b in &docs {
            if a.0 < b.0 && a.1 == b.1 {
                truth.insert((a.0.clone(), b.0.clone()));
            }
        }
    }
    let right = predicted.intersection(&truth).count();
    let precision = right as f64 / predicted.len().max(1) as f64;
    let recall = right as f64 / truth.len().max(1) as f64;
    println!(
        "copies: {} documents, {} true pairs, {} predicted, precision {precision:.3}, recall {recall:.3}",
        docs.len(),
        truth.len(),
        predicted.len()
    );
    for (a, b) in predicted.difference(&truth) {
        println!("  false pair: {a} {b} ({} vs {})", family(a), family(b));
    }
    assert!(precision >= 0.99, "precision {precision}");
    assert!(recall >= 0.95, "recall {recall}");
    // The canonical article is the original when dates tie: it came first.
    let g = index
        .groups()
        .into_iter()
        .find(|g| g.canonical == "s0")
        .expect("story 0's group");
    assert_eq!(g.copies.len(), 4);
    assert_eq!(g.agency.as_deref(), Some("AFP"));
}

#[test]
fn the_earliest_published_copy_is_canonical() {
    let mut index = CopyIndex::new();
    index.add("late", STORIES[3], Some("2024-05-03"), None);
    index.add(
        "early",
        &format!("Health desk\n\n{}", STORIES[3]),
        Some("2024-05-01"),
        Some("Reuters"),
    );
    let groups = index.groups();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].canonical, "early");
    assert_eq!(groups[0].copies, ["late"]);
    assert_eq!(index.canonical_of("late").as_deref(), Some("early"));
}
