//! Claims (reported statements) on real news, scored against the
//! hand-checked attributions of `tests/gold/claims_news.toml` (issue 17:
//! "speaker right on at least 85% of claims and content span overlapping
//! the true one on at least 85%").
//!
//! The attributions point into real news texts in the shared folder; the
//! repository holds only offsets and hashes. Each article is run once
//! through the pipeline `storyline extract` uses for a plain text
//! (`storyline_pipeline::build`, no publication date), and each attribution
//! is scored **in its article context** (a passage the cleaner dropped would
//! be run alone; the count is printed, none are today).
//!
//! Matching: the candidates for an attribution are the document's claims
//! whose content or sentence overlaps the attribution's passage. Pairs are
//! taken one to one, largest content overlap first; an attribution left with
//! no overlapping content takes any unused candidate of its passage. Then:
//! - found: the attribution has a claim;
//! - speaker right: the claim's speaker, or the name of the entity it was
//!   resolved to, shares a word with the gold speaker or the speaker's full
//!   name (case-insensitive; a surname is enough, titles and pronouns do not
//!   count);
//! - content overlap: the claim's content span overlaps the gold content.
//!
//! Speaker and content figures are over all gold attributions (a missed
//! claim counts as wrong), as the targets read; the same over found
//! claims is printed too. Claims in the gold passages that match no
//! attribution are counted as extra. Misses go to stderr:
//! `cargo test -p storyline --test claims_news -- --nocapture`.
//!
//! `tests/gold/claims_news_heldout.toml` is scored the same way by
//! `claims_on_real_news_heldout`, with its own floors: attributions from
//! other articles, coded by the same rules, that nobody writing rules
//! reads. Its figures are printed always, its misses only with
//! `STORYLINE_SHOW_HELDOUT=1`.

mod common;
mod news;

use std::collections::BTreeMap;

use serde::Deserialize;
use storyline_model::{Claim, Document};

#[derive(Deserialize)]
struct Gold {
    claim: Vec<Attribution>,
}

#[derive(Deserialize)]
struct Attribution {
    source: String,
    id: Option<String>,
    start: usize,
    end: usize,
    sha256: String,
    speaker: String,
    speaker_name: Option<String>,
    content_start: usize,
    content_end: usize,
}

impl Attribution {
    fn names(&self) -> Vec<&str> {
        let mut names = vec![self.speaker.as_str()];
        names.extend(self.speaker_name.as_deref());
        names
    }

    fn key(&self) -> String {
        match &self.id {
            Some(id) => format!("{}#{id}", self.source),
            None => self.source.clone(),
        }
    }

    fn short(&self) -> String {
        match &self.id {
            Some(id) => format!("aeb:{}", &id[..8]),
            None => self
                .source
                .rsplit('/')
                .next()
                .unwrap_or(&self.source)
                .trim_end_matches(".txt")
                .to_string(),
        }
    }
}

/// The figures measured at the commit named in docs/quality.md ("Events and
/// claims on real news"). This is a ratchet: the test fails when quality
/// drops below today's value. Floors only move up: raise them when the
/// figures improve, never lower them to make a change pass.
struct Floors {
    found: f64,
    speaker: f64,
    content: f64,
}

const FLOORS: Floors = Floors {
    // 145 of 145 attributions.
    found: 1.0,
    // 145 of 145.
    speaker: 1.0,
    // 145 of 145.
    content: 1.0,
};

/// The same for the held-out set, measured when it was made (see
/// docs/quality.md): a ratchet too.
const HELDOUT_FLOORS: Floors = Floors {
    // 120 of 133 attributions (118 when the set was made).
    found: 0.902,
    // 113 of 133 (110 when the set was made).
    speaker: 0.849,
    // 120 of 133 (118).
    content: 0.902,
};

/// The same for the second tuned set, first measured before anyone read
/// its misses (docs/quality.md gives that untuned figure).
const SECOND_FLOORS: Floors = Floors {
    // 192 of 197 attributions (184 when first measured, untuned).
    found: 0.974,
    // 187 of 197 (164 when first measured, untuned).
    speaker: 0.949,
    // 192 of 197 (184).
    content: 0.974,
};

const TUNED: &str = "claims_news.toml";
const SECOND: &str = "claims_news_dev2.toml";
const HELDOUT: &str = "claims_news_heldout.toml";

fn gold(file: &str) -> Gold {
    let text = std::fs::read_to_string(news::gold_path(file)).expect("the gold set is readable");
    toml::from_str(&text).expect("the gold set parses")
}

/// The gold set is well formed and as large as the issue asks: at least 100
/// attributions from at least 10 articles, content inside its passage, an
/// `id` exactly for AEB entries. Needs no shared folder (the scoring test
/// checks the passages' hashes and that each speaker is in its passage).
#[test]
fn gold_set_is_well_formed() {
    well_formed(&gold(TUNED), 100, 10);
    well_formed(&gold(SECOND), 60, 10);
}

/// The held-out set is well formed too, at least 70 attributions from at
/// least 8 articles, and cites no article that a tuned set cites.
#[test]
fn heldout_gold_set_is_well_formed() {
    well_formed(&gold(HELDOUT), 70, 8);
    news::assert_heldout_disjoint(HELDOUT);
}

fn well_formed(gold: &Gold, min: usize, min_articles: usize) {
    let n = gold.claim.len();
    assert!(n >= min, "at least {min} attributions, not {n}");
    let mut articles: Vec<String> = gold.claim.iter().map(Attribution::key).collect();
    articles.sort();
    articles.dedup();
    assert!(
        articles.len() >= min_articles,
        "only {} articles",
        articles.len()
    );
    for c in &gold.claim {
        let what = format!("{} {}", c.short(), c.start);
        assert!(c.start < c.end, "{what}: empty passage");
        assert!(
            c.content_start < c.content_end && c.content_end <= c.end - c.start,
            "{what}: content outside its passage"
        );
        assert_eq!(c.sha256.len(), 12, "{what}: sha256");
        assert!(!c.speaker.trim().is_empty(), "{what}: no speaker");
        assert_eq!(
            c.source == news::AEB,
            c.id.is_some(),
            "{what}: an `id` is for {} entries only",
            news::AEB
        );
    }
}

fn speaker_names(doc: &Document, claim: &Claim) -> Vec<String> {
    let mut names: Vec<String> = claim.speaker.iter().cloned().collect();
    if let Some(ent) = claim.speaker_entity.and_then(|i| doc.entities.get(i)) {
        names.push(ent.text.clone());
        names.extend(ent.name.clone());
    }
    names
}

fn show(doc: &Document, claim: &Claim) -> String {
    let names = speaker_names(doc, claim);
    let content = news::chars(&doc.text, claim.start, claim.end);
    format!(
        "{} | {} | {}",
        if names.is_empty() {
            "-".to_string()
        } else {
            names.join("/")
        },
        claim.verb,
        news::cell(&content, 50).trim_end()
    )
}

#[test]
fn claims_on_real_news() {
    score(TUNED, &FLOORS, false);
}

#[test]
fn claims_on_real_news_second_set() {
    score(SECOND, &SECOND_FLOORS, false);
}

#[test]
fn claims_on_real_news_heldout() {
    score(HELDOUT, &HELDOUT_FLOORS, true);
}

/// Scores the gold set `file` against `floors`; the misses are printed
/// unless `heldout` (then only with `STORYLINE_SHOW_HELDOUT=1`).
fn score(file: &str, floors: &Floors, heldout: bool) {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let gold = gold(file);
    let mut sources = news::Sources::new(&shared);
    let mut spans = Vec::new();
    for c in &gold.claim {
        let passage = news::checked_span(
            &mut sources,
            &c.source,
            c.id.as_deref(),
            c.start,
            c.end,
            &c.sha256,
        );
        assert!(
            passage.contains(&c.speaker),
            "{} {}: speaker `{}` is not in the passage",
            c.short(),
            c.start,
            c.speaker
        );
        let article = sources.text(&c.source, c.id.as_deref()).to_string();
        spans.push((c.key(), article, passage));
    }
    let analysis = news::analyse_in_context(&spans);

    // Every (document, claim) pair that is a candidate of some attribution,
    // with the gold content span in document offsets.
    let gold_content: Vec<(usize, usize)> = gold
        .claim
        .iter()
        .zip(&analysis.placed)
        .map(|(c, p)| p.sub(c.content_start, c.content_end))
        .collect();
    let candidates: Vec<Vec<usize>> = analysis
        .placed
        .iter()
        .map(|p| {
            let doc = analysis.doc(p);
            doc.claims
                .iter()
                .enumerate()
                .filter(|(_, cl)| {
                    let sentence = doc
                        .sentences
                        .get(cl.sentence_index)
                        .map(|s| (s.start, s.end))
                        .unwrap_or((cl.start, cl.end));
                    news::overlaps((cl.start, cl.end), p.span) || news::overlaps(sentence, p.span)
                })
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let overlap = |a: (usize, usize), b: (usize, usize)| a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (g, cands) in candidates.iter().enumerate() {
        let doc = analysis.doc(&analysis.placed[g]);
        for &k in cands {
            let cl = &doc.claims[k];
            pairs.push((overlap((cl.start, cl.end), gold_content[g]), g, k));
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut assigned: Vec<Option<usize>> = vec![None; gold.claim.len()];
    let mut used: std::collections::HashSet<(usize, usize)> = Default::default();
    for &(o, g, k) in &pairs {
        let doc_i = analysis.placed[g].doc;
        if o > 0 && assigned[g].is_none() && !used.contains(&(doc_i, k)) {
            assigned[g] = Some(k);
            used.insert((doc_i, k));
        }
    }
    for &(_, g, k) in &pairs {
        let doc_i = analysis.placed[g].doc;
        if assigned[g].is_none() && !used.contains(&(doc_i, k)) {
            assigned[g] = Some(k);
            used.insert((doc_i, k));
        }
    }
    let mut extra: std::collections::HashSet<(usize, usize)> = Default::default();
    for (g, cands) in candidates.iter().enumerate() {
        let doc_i = analysis.placed[g].doc;
        for &k in cands {
            if !used.contains(&(doc_i, k)) {
                extra.insert((doc_i, k));
            }
        }
    }

    let n = gold.claim.len();
    let (mut found, mut speaker_right, mut content_right, mut alone) = (0, 0, 0, 0);
    let mut misses: Vec<[String; 4]> = Vec::new();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for (g, c) in gold.claim.iter().enumerate() {
        let placed = &analysis.placed[g];
        let doc = analysis.doc(placed);
        if !placed.in_context {
            alone += 1;
            eprintln!("run alone: {} {}..{}", c.short(), c.start, c.end);
        }
        let want_content = news::chars(&doc.text, gold_content[g].0, gold_content[g].1);
        let want = format!(
            "{} | {}",
            c.speaker_name.as_deref().unwrap_or(&c.speaker),
            news::cell(&want_content, 40).trim_end()
        );
        let Some(k) = assigned[g] else {
            *kinds.entry("no claim").or_default() += 1;
            misses.push(["no claim".into(), c.short(), want, "-".into()]);
            continue;
        };
        found += 1;
        let claim = &doc.claims[k];
        let who = speaker_names(doc, claim)
            .iter()
            .any(|name| news::same_name(name, &c.names()));
        let what = news::overlaps((claim.start, claim.end), gold_content[g]);
        speaker_right += usize::from(who);
        content_right += usize::from(what);
        let kind = match (who, what) {
            (true, true) => continue,
            (false, true) if claim.speaker.is_none() => "no speaker",
            (false, true) => "wrong speaker",
            (true, false) => "content elsewhere",
            (false, false) => "wrong speaker and content",
        };
        *kinds.entry(kind).or_default() += 1;
        misses.push([kind.into(), c.short(), want, show(doc, claim)]);
    }

    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let found_rate = ratio(found, n);
    let speaker = ratio(speaker_right, n);
    let content = ratio(content_right, n);

    if news::show_misses(heldout, misses.len()) {
        eprintln!("\nmisses ({}):", misses.len());
        eprintln!(
            "{} {} {} predicted (speaker | verb | content)",
            news::cell("kind", 26),
            news::cell("source", 13),
            news::cell("gold (speaker | content)", 62)
        );
        for [kind, source, want, got] in &misses {
            eprintln!(
                "{} {} {} {}",
                news::cell(kind, 26),
                news::cell(source, 13),
                news::cell(want, 62),
                got
            );
        }
        eprintln!("\nkinds of error:");
        let mut kinds: Vec<(&str, usize)> = kinds.into_iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (kind, count) in &kinds {
            eprintln!("  {count:3}  {kind}");
        }
    }
    let mut articles: Vec<String> = gold.claim.iter().map(Attribution::key).collect();
    articles.sort();
    articles.dedup();
    eprintln!(
        "\nclaims on real news ({file}): {n} attributions from {} articles, {alone} run alone; \
         {} extra claims in the gold passages",
        articles.len(),
        extra.len()
    );
    eprintln!(
        "  found {found}/{n} = {found_rate:.3}\n  \
         speaker right {speaker_right}/{n} = {speaker:.3} (issue: at least 0.85); \
         of found {:.3}\n  \
         content overlap {content_right}/{n} = {content:.3} (issue: at least 0.85); \
         of found {:.3}",
        ratio(speaker_right, found),
        ratio(content_right, found)
    );

    const EPS: f64 = 1e-9;
    assert!(
        found_rate + EPS >= floors.found,
        "found {found_rate:.3} below the floor {}",
        floors.found
    );
    assert!(
        speaker + EPS >= floors.speaker,
        "speaker right {speaker:.3} below the floor {}",
        floors.speaker
    );
    assert!(
        content + EPS >= floors.content,
        "content overlap {content:.3} below the floor {}",
        floors.content
    );
}
