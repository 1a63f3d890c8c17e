//! The entity gold set, `crates/kb/tests/entity_gold/paragraphs.toml`,
//! scored end to end through `storyline extract`.
//!
//! Each paragraph is written to a file under a headline line of its own, as
//! an article would come, and extracted with its publication date. The
//! document's entities inside the paragraph are compared with the gold
//! mentions:
//!
//! - mentions: precision, recall and F1 of exact spans, and the same with
//!   the kind required to match as well; kind accuracy is the share of
//!   exactly matched mentions whose kind is right;
//! - links: precision of the knowledge-base ids predicted on exactly
//!   matched mentions (a link where the gold has none is wrong), recall of
//!   the gold links (found on an exactly matched mention), and the
//!   precision of every predicted link, matched or not, which is where a
//!   link on a name that is not an entity at all ("Paris" inside "Paris
//!   Baguette") shows.
//!
//! Issue 16 sets the targets: mention F1 at least 0.85 and link precision at
//! least 0.95. The floors asserted in `FLOORS` are today's measured values
//! less a small margin, so that the test catches regressions without
//! blocking work; raise them as the entity work lands.
//!
//! `cargo test --release -p storyline --test entity_gold -- --nocapture`
//! prints the figures, the figures per domain, the commonest kinds of error
//! and the worst paragraphs.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Gold {
    paragraph: Vec<Paragraph>,
}

#[derive(Deserialize)]
struct Paragraph {
    id: String,
    domain: String,
    published: String,
    headline: String,
    text: String,
    mentions: Vec<Mention>,
}

#[derive(Deserialize, Clone)]
struct Mention {
    text: String,
    start: usize,
    end: usize,
    kind: String,
    link: String,
    #[serde(default)]
    also: Vec<String>,
}

impl Mention {
    /// Whether `id` is an accepted link for this mention.
    fn accepts(&self, id: &str) -> bool {
        !self.link.is_empty() && (self.link == id || self.also.iter().any(|a| a == id))
    }
}

/// A predicted entity, in paragraph character offsets.
#[derive(Clone)]
struct Predicted {
    text: String,
    start: usize,
    end: usize,
    kind: String,
    id: Option<String>,
    rule: String,
}

const KINDS: [&str; 5] = ["person", "org", "country", "place", "group"];
const DOMAINS: [&str; 6] = [
    "business",
    "courts",
    "science",
    "protests",
    "disasters",
    "politics",
];

/// Lower bounds on the figures, each about 0.02 below what was measured
/// with the backbone's named-entity spans (commit 670adee: mention
/// precision 0.865, recall 0.912, F1 0.888, kind accuracy 0.947, link
/// precision 0.971, link recall 0.905, precision of all links 0.915; before
/// issue 16's work, at 2b770f1, they were 0.856, 0.647, 0.737, 0.969,
/// 0.956, 0.912 and 0.851). They guard against regressions; raise them as
/// the work goes on. The targets are mention F1 >= 0.85 and link
/// precision >= 0.95 (a wrong link is worse than none).
struct Floors {
    mention_precision: f64,
    mention_recall: f64,
    mention_f1: f64,
    kind_accuracy: f64,
    link_precision: f64,
    link_recall: f64,
    all_link_precision: f64,
}

const FLOORS: Floors = Floors {
    mention_precision: 0.84,
    mention_recall: 0.89,
    mention_f1: 0.86,
    kind_accuracy: 0.92,
    link_precision: 0.95,
    link_recall: 0.88,
    all_link_precision: 0.89,
};

fn gold() -> Gold {
    let path = common::repo_root().join("crates/kb/tests/entity_gold/paragraphs.toml");
    let text = std::fs::read_to_string(&path).expect("the gold set is readable");
    toml::from_str(&text).expect("the gold set parses")
}

/// The gold set is well formed: offsets agree with the mention texts,
/// mentions are in order and flat, kinds and domains are known, and there
/// are enough paragraphs in every domain. This needs no binary, so a broken
/// edit of the data fails fast and clearly.
#[test]
fn gold_set_is_consistent() {
    let gold = gold();
    assert!(
        gold.paragraph.len() >= 48,
        "the issue asks for at least 40 paragraphs; we keep 48 or more"
    );
    let mut ids = std::collections::HashSet::new();
    for p in &gold.paragraph {
        assert!(ids.insert(p.id.as_str()), "duplicate id {}", p.id);
        assert!(
            DOMAINS.contains(&p.domain.as_str()),
            "{}: domain {}",
            p.id,
            p.domain
        );
        assert!(
            !p.headline.trim().is_empty() && !p.headline.contains('\n'),
            "{}: headline",
            p.id
        );
        let chars: Vec<char> = p.text.chars().collect();
        let mut last_end = 0;
        for m in &p.mentions {
            assert!(
                KINDS.contains(&m.kind.as_str()),
                "{}: kind {}",
                p.id,
                m.kind
            );
            assert!(
                m.start >= last_end,
                "{}: `{}` overlaps or is out of order",
                p.id,
                m.text
            );
            assert!(
                m.end <= chars.len() && m.start < m.end,
                "{}: `{}` out of bounds",
                p.id,
                m.text
            );
            let span: String = chars[m.start..m.end].iter().collect();
            assert_eq!(span, m.text, "{}: offsets of `{}`", p.id, m.text);
            assert!(
                m.kind != "group" || m.link.is_empty(),
                "{}: a group has no KB link",
                p.id
            );
            last_end = m.end;
        }
    }
    for domain in DOMAINS {
        let n = gold.paragraph.iter().filter(|p| p.domain == domain).count();
        assert!(n >= 8, "only {n} paragraphs in {domain}");
    }
}

/// Runs `extract` on every paragraph, two at a time (the machines this runs
/// on have two cores), and returns each document's JSON in gold order.
fn extract_all(paragraphs: &[Paragraph], dir: &Path) -> Vec<Value> {
    let jobs: Vec<(usize, &Paragraph)> = paragraphs.iter().enumerate().collect();
    let mut docs: Vec<Option<Value>> = vec![None; paragraphs.len()];
    let results = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(paragraphs.len().div_ceil(2).max(1))
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|(i, p)| (*i, extract(p, dir)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("an extract worker finished"))
            .collect::<Vec<_>>()
    });
    for (i, doc) in results {
        docs[i] = Some(doc);
    }
    docs.into_iter()
        .map(|d| d.expect("every paragraph extracted"))
        .collect()
}

fn extract(p: &Paragraph, dir: &Path) -> Value {
    // A headline line first, as in an article: the cleaner keeps a short
    // first line as the title, and the body paragraph follows it intact.
    let path = dir.join(format!("{}.txt", p.id));
    std::fs::write(&path, format!("{}\n\n{}\n", p.headline, p.text)).unwrap();
    let out = common::storyline(&[
        "extract",
        "--published",
        &p.published,
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}: {}",
        p.id,
        common::stderr(&out)
    );
    serde_json::from_slice(&out.stdout).expect("extract prints JSON")
}

/// For each character of `para`, its position in `doc`. The paragraph is
/// normally found verbatim in the cleaned text; if cleaning ever changes it
/// (a dateline removed, a quote straightened), a character alignment
/// (longest common subsequence) maps what survives, and mentions whose
/// characters did not all survive count as missed rather than failing the
/// run.
fn align(para: &[char], doc: &[char]) -> Vec<Option<usize>> {
    if let Some(at) = doc.windows(para.len().max(1)).position(|w| w == para) {
        return (0..para.len()).map(|i| Some(at + i)).collect();
    }
    let (n, m) = (para.len(), doc.len());
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if para[i] == doc[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let mut map = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if para[i] == doc[j] {
            map[i] = Some(j);
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    map
}

/// The kinds this set scores. The backbone's own label names, should
/// entities ever carry them, are read as storyline's kinds; other kinds
/// (events, laws, products) are outside the set and left out.
fn scored_kind(kind: &str) -> Option<&'static str> {
    match kind.to_ascii_lowercase().as_str() {
        "person" => Some("person"),
        "org" => Some("org"),
        "country" => Some("country"),
        "place" | "gpe" | "loc" | "fac" | "location" | "facility" => Some("place"),
        "group" | "norp" => Some("group"),
        _ => None,
    }
}

/// Gold mentions mapped into document offsets (those that survived
/// cleaning), and the predicted entities inside the paragraph, both in
/// paragraph character offsets.
fn paragraph_view(p: &Paragraph, doc: &Value) -> (Vec<(Mention, bool)>, Vec<Predicted>) {
    let para: Vec<char> = p.text.chars().collect();
    let doc_text: Vec<char> = doc["text"].as_str().unwrap_or("").chars().collect();
    let map = align(&para, &doc_text);
    // Document offset back to paragraph offset, for the predictions.
    let mut back: HashMap<usize, usize> = HashMap::new();
    for (i, j) in map.iter().enumerate() {
        if let Some(j) = j {
            back.insert(*j, i);
        }
    }
    let gold = p
        .mentions
        .iter()
        .map(|m| {
            // A mention is kept when every character survived in place.
            let ok = (m.start..m.end).all(|i| map[i].is_some())
                && map[m.end - 1].unwrap() + 1 - map[m.start].unwrap() == m.end - m.start;
            (m.clone(), ok)
        })
        .collect();
    let mut predicted: Vec<Predicted> = Vec::new();
    for e in doc["entities"].as_array().into_iter().flatten() {
        let rule = e["rule"].as_str().unwrap_or("").to_string();
        // Pronouns, descriptions ("the secretary of state", "police" in
        // "police in Lagos", coded from the place) and group anaphora
        // ("these soldiers") resolve to actors but are not names, nor are
        // groups named by their role alone ("protesters"): the gold set does
        // not annotate them, so they are not scored.
        if matches!(
            rule.as_str(),
            "coref:pronoun" | "coref:title" | "coref:group" | "group:place" | "group:unnamed"
        ) {
            continue;
        }
        let Some(kind) = e["kind"].as_str().and_then(scored_kind) else {
            continue;
        };
        let (Some(s), Some(t)) = (e["start"].as_u64(), e["end"].as_u64()) else {
            continue;
        };
        let (s, t) = (s as usize, t as usize);
        if t == 0 {
            continue;
        }
        let (Some(&start), Some(&last)) = (back.get(&s), back.get(&(t - 1))) else {
            // Outside the paragraph: the headline, or text cleaning added.
            continue;
        };
        let pred = Predicted {
            text: e["text"].as_str().unwrap_or("").to_string(),
            start,
            end: last + 1,
            kind: kind.to_string(),
            id: e["id"].as_str().map(str::to_string),
            rule,
        };
        // One entity per span: a second entity on the same characters is
        // the same mention found twice.
        if !predicted
            .iter()
            .any(|q| q.start == pred.start && q.end == pred.end)
        {
            predicted.push(pred);
        }
    }
    (gold, predicted)
}

#[derive(Default, Clone)]
struct Counts {
    gold: usize,
    predicted: usize,
    matched: usize,
    kind_matched: usize,
    links_predicted_on_matched: usize,
    links_right_on_matched: usize,
    gold_links: usize,
    gold_links_found: usize,
    links_predicted: usize,
    links_right: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.kind_matched += o.kind_matched;
        self.links_predicted_on_matched += o.links_predicted_on_matched;
        self.links_right_on_matched += o.links_right_on_matched;
        self.gold_links += o.gold_links;
        self.gold_links_found += o.gold_links_found;
        self.links_predicted += o.links_predicted;
        self.links_right += o.links_right;
    }
    fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    fn typed_f1(&self) -> f64 {
        f1(
            ratio(self.kind_matched, self.predicted),
            ratio(self.kind_matched, self.gold),
        )
    }
    fn kind_accuracy(&self) -> f64 {
        ratio(self.kind_matched, self.matched)
    }
    fn link_precision(&self) -> f64 {
        ratio(self.links_right_on_matched, self.links_predicted_on_matched)
    }
    fn link_recall(&self) -> f64 {
        ratio(self.gold_links_found, self.gold_links)
    }
    fn all_link_precision(&self) -> f64 {
        ratio(self.links_right, self.links_predicted)
    }
}

/// An empty denominator scores 1: nothing claimed, nothing wrong.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Scores one paragraph: its counts, and its errors as (type, detail).
fn score(gold: &[(Mention, bool)], predicted: &[Predicted]) -> (Counts, Vec<(String, String)>) {
    let mut c = Counts {
        gold: gold.len(),
        predicted: predicted.len(),
        ..Default::default()
    };
    let mut errors = Vec::new();
    for (m, survived) in gold {
        if !m.link.is_empty() {
            c.gold_links += 1;
        }
        let exact = predicted
            .iter()
            .find(|e| *survived && e.start == m.start && e.end == m.end);
        let Some(e) = exact else {
            let near = predicted
                .iter()
                .find(|e| overlaps((e.start, e.end), (m.start, m.end)));
            match near {
                Some(e) => errors.push((
                    format!("boundary {}", m.kind),
                    format!("`{}` found as `{}` ({})", m.text, e.text, e.rule),
                )),
                None => errors.push((format!("missed {}", m.kind), format!("`{}`", m.text))),
            }
            continue;
        };
        c.matched += 1;
        if e.kind == m.kind {
            c.kind_matched += 1;
        } else {
            errors.push((
                format!("kind {} as {}", m.kind, e.kind),
                format!("`{}` ({})", m.text, e.rule),
            ));
        }
        match (&e.id, m.link.is_empty()) {
            (Some(id), _) => {
                c.links_predicted_on_matched += 1;
                if m.accepts(id) {
                    c.links_right_on_matched += 1;
                    c.gold_links_found += 1;
                } else if m.link.is_empty() {
                    errors.push((
                        format!("link on unlinked {}", m.kind),
                        format!("`{}` -> {id} ({})", m.text, e.rule),
                    ));
                } else {
                    errors.push((
                        format!("wrong link {}", m.kind),
                        format!("`{}` -> {id}, not {} ({})", m.text, m.link, e.rule),
                    ));
                }
            }
            (None, false) => errors.push((
                format!("link missing {}", m.kind),
                format!("`{}` should be {}", m.text, m.link),
            )),
            (None, true) => {}
        }
    }
    for e in predicted {
        let overlapping: Vec<&Mention> = gold
            .iter()
            .filter(|(m, _)| overlaps((e.start, e.end), (m.start, m.end)))
            .map(|(m, _)| m)
            .collect();
        if let Some(id) = &e.id {
            c.links_predicted += 1;
            // A link counts as right, matched span or not, when a gold
            // mention it overlaps has that link: "Kursk region" linked to
            // the oblast is a right link on a wrong span.
            let exact = overlapping
                .iter()
                .any(|m| m.start == e.start && m.end == e.end);
            if overlapping.iter().any(|m| m.accepts(id)) {
                c.links_right += 1;
            } else if overlapping.is_empty() {
                errors.push((
                    format!("link on non-mention {}", e.kind),
                    format!("`{}` -> {id} ({})", e.text, e.rule),
                ));
            } else if !exact {
                // Links on exact spans were judged above; this is a link on
                // a piece or an extension of a mention ("Paris" in "Paris
                // Baguette").
                errors.push((
                    format!("link on partial span {}", e.kind),
                    format!("`{}` -> {id} ({})", e.text, e.rule),
                ));
            }
        }
        if overlapping.is_empty() {
            errors.push((
                format!("spurious {}", e.kind),
                format!("`{}` ({})", e.text, e.rule),
            ));
        }
    }
    (c, errors)
}

#[test]
fn entity_gold_scores() {
    let gold = gold();
    let dir = tempfile::tempdir().unwrap();
    let docs = extract_all(&gold.paragraph, dir.path());

    let mut total = Counts::default();
    let mut by_domain: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut error_types: BTreeMap<String, usize> = BTreeMap::new();
    let mut rows = Vec::new();
    for (p, doc) in gold.paragraph.iter().zip(&docs) {
        let (g, predicted) = paragraph_view(p, doc);
        let (c, errors) = score(&g, &predicted);
        total.add(&c);
        by_domain.entry(p.domain.as_str()).or_default().add(&c);
        for (kind, _) in &errors {
            *error_types.entry(kind.clone()).or_default() += 1;
        }
        rows.push((p.id.as_str(), c, errors));
    }

    println!(
        "\nentity gold set: {} paragraphs, {} gold mentions, {} predicted, {} gold links\n",
        gold.paragraph.len(),
        total.gold,
        total.predicted,
        total.gold_links
    );
    println!("{:<28} {:>6}", "figure", "value");
    let figures = [
        ("mention precision", total.precision()),
        ("mention recall", total.recall()),
        ("mention F1", total.f1()),
        ("mention F1, kind too", total.typed_f1()),
        ("kind accuracy (matched)", total.kind_accuracy()),
        ("link precision (matched)", total.link_precision()),
        ("link recall", total.link_recall()),
        ("link precision (all links)", total.all_link_precision()),
    ];
    for (name, value) in figures {
        println!("{name:<28} {value:>6.3}");
    }
    println!(
        "\n{:<10} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}",
        "domain", "gold", "P", "R", "F1", "kindA", "linkP", "linkR"
    );
    for (domain, c) in &by_domain {
        println!(
            "{:<10} {:>5} {:>5.2} {:>5.2} {:>5.2} {:>6.2} {:>6.2} {:>6.2}",
            domain,
            c.gold,
            c.precision(),
            c.recall(),
            c.f1(),
            c.kind_accuracy(),
            c.link_precision(),
            c.link_recall()
        );
    }
    let mut types: Vec<(String, usize)> = error_types.into_iter().collect();
    types.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("\nerrors by type:");
    for (kind, n) in &types {
        println!("  {n:>4}  {kind}");
    }
    rows.sort_by(|a, b| a.1.f1().total_cmp(&b.1.f1()).then(a.0.cmp(b.0)));
    // ENTITY_GOLD_ALL=1 lists every paragraph's errors, not only the worst.
    let shown = if std::env::var("ENTITY_GOLD_ALL").as_deref() == Ok("1") {
        rows.len()
    } else {
        10
    };
    println!("\nworst paragraphs:");
    for (id, c, errors) in rows.iter().take(shown) {
        println!(
            "  {id}: F1 {:.2} (P {:.2}, R {:.2}), link P {:.2}",
            c.f1(),
            c.precision(),
            c.recall(),
            c.link_precision()
        );
        for (kind, detail) in errors {
            println!("      {kind}: {detail}");
        }
    }

    let checks = [
        (
            "mention precision",
            total.precision(),
            FLOORS.mention_precision,
        ),
        ("mention recall", total.recall(), FLOORS.mention_recall),
        ("mention F1", total.f1(), FLOORS.mention_f1),
        ("kind accuracy", total.kind_accuracy(), FLOORS.kind_accuracy),
        (
            "link precision",
            total.link_precision(),
            FLOORS.link_precision,
        ),
        ("link recall", total.link_recall(), FLOORS.link_recall),
        (
            "link precision (all links)",
            total.all_link_precision(),
            FLOORS.all_link_precision,
        ),
    ];
    let below: Vec<String> = checks
        .iter()
        .filter(|(_, value, floor)| value < floor)
        .map(|(name, value, floor)| format!("{name} {value:.3} < floor {floor:.3}"))
        .collect();
    assert!(
        below.is_empty(),
        "entity gold set regressed: {}",
        below.join("; ")
    );
}
