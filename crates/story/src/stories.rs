//! Stories: articles clustered incrementally. A new article is compared
//! only with the stories that share its features (found through
//! postings, a bounded number per feature, the best few scored in full),
//! joins the most similar one (cosine of idf-weighted features against
//! the story's centre) when the similarity is high enough and its date is
//! near the story's span, and otherwise starts a story. Nothing is recomputed:
//! the cost of an article depends on its features, not on the size of
//! the collection.
//!
//! Articles arrive in any order, so a story can start twice (an undated
//! article read first, a second angle before the first): after each
//! article, the story it went to absorbs any candidate story whose centre
//! is now as similar to its own as [`MERGE_THRESHOLD`] asks, and the
//! absorbed story's articles move to it.
//!
//! The algorithm is written once against [`StoryBackend`]; the store
//! keeps the same state in SQLite and [`StoryIndex`] keeps it in memory.

use crate::dates;
use crate::profile::Profile;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The similarity from which an article joins a story. Chosen on the
/// clustering test corpus (`crates/cli/tests/clustering.rs`), where it
/// gives the best balance of precision and recall (see docs/quality.md).
pub const JOIN_THRESHOLD: f32 = 0.45;
/// The similarity from which an article joins a story whose centre holds
/// names the article also gives ([`SHARED_NAMES`] of them) and the
/// knowledge base does not know (a storm, an operation, a person: see
/// `unknown_names`). Articles on different angles of one event (its
/// toll, the shelters, a grant) share little wording but name the same
/// storm; two happenings of one kind seldom share such names. On the
/// ECB+ development topics (each two happenings of one kind) 0.25 gives
/// B-cubed F1 0.836 against 0.819 at 0.30, precision 0.827 against
/// 0.830; the generated corpus stays exact (docs/quality.md).
pub const NAMED_JOIN_THRESHOLD: f32 = 0.25;
/// The names the knowledge base does not know that an article and a
/// story must share for [`NAMED_JOIN_THRESHOLD`] when the article is
/// read. One shared name is often a figure who recurs across happenings
/// of one kind (a player in two injuries of his team, a boxer in two of
/// his fights, the coach two firings have in common), and a young story,
/// of one or two articles, has no settled centre to weigh it against;
/// two (the storm and the town it hit, the victim and the suspect) tie an
/// article to one happening more surely. When small stories are read
/// again at the end of a run ([`reconsider`]), the larger stories have
/// formed and one name is enough. On the ECB+ development topics this
/// gave B-cubed precision 0.824 to 0.841 and F1 0.845 to 0.852; asking
/// two names at the end of a run too gave 0.822 (docs/quality.md).
pub const SHARED_NAMES: usize = 2;
/// The similarity of two stories' centres from which they are one story:
/// the join threshold again. Lower, at 0.40, the generated corpus merged
/// two stories of one kind (docs/quality.md).
pub const MERGE_THRESHOLD: f32 = 0.45;
/// Days before a story's first or after its last article within which an
/// article can still join it: developing stories go quiet for weeks.
pub const WINDOW_DAYS: i64 = 60;
/// Stories looked up per feature, most recently updated first.
const POSTINGS_PER_FEATURE: usize = 64;
/// Candidate stories scored in full.
const CANDIDATES: usize = 16;
/// Feature weights a story keeps: its centre, not its whole history.
const STORY_FEATURES: usize = 150;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: u64,
    /// Main actors and kinds of event: "North Korea, Russia, Ukraine:
    /// deployments, aid".
    pub label: String,
    pub first: Option<String>,
    pub last: Option<String>,
    /// Every article, copies included.
    pub documents: Vec<String>,
    pub outlets: Vec<String>,
    /// Independent articles (copies of an article in the story are not).
    pub articles: u32,
    /// Summed feature weights of its independent articles, heaviest first.
    pub features: Vec<(String, f32)>,
    pub names: Vec<(String, String)>,
}

impl Story {
    /// A story with no article yet.
    pub fn new(id: u64) -> Self {
        Story {
            id,
            label: String::new(),
            first: None,
            last: None,
            documents: Vec::new(),
            outlets: Vec::new(),
            articles: 0,
            features: Vec::new(),
            names: Vec::new(),
        }
    }
}

/// A story as it is shown: its label, date span, articles and outlets,
/// without the clustering state behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StorySummary {
    pub id: u64,
    pub label: String,
    pub first: Option<String>,
    pub last: Option<String>,
    pub documents: Vec<String>,
    pub articles: u32,
    pub outlets: Vec<String>,
}

impl From<&Story> for StorySummary {
    fn from(s: &Story) -> Self {
        StorySummary {
            id: s.id,
            label: s.label.clone(),
            first: s.first.clone(),
            last: s.last.clone(),
            documents: s.documents.clone(),
            articles: s.articles,
            outlets: s.outlets.clone(),
        }
    }
}

/// Where the clustering state lives.
pub trait StoryBackend {
    type Error;
    /// For each feature, the stories that hold it, most recently updated
    /// first, at most `limit`.
    fn postings(&mut self, features: &[&str], limit: usize) -> Result<Vec<Vec<u64>>, Self::Error>;
    fn load(&mut self, id: u64) -> Result<Option<Story>, Self::Error>;
    /// The number of articles profiled so far, and in how many of them
    /// each feature appeared.
    fn frequencies(&mut self, features: &[&str]) -> Result<(u64, Vec<u64>), Self::Error>;
    /// Counts one more article with these features.
    fn count(&mut self, features: &[&str]) -> Result<(), Self::Error>;
    /// Stores a story, new or updated, with postings for its features.
    fn save(&mut self, story: &Story) -> Result<(), Self::Error>;
    /// Moves every article of story `from` to story `into` (already saved
    /// with their union) and forgets `from`.
    fn merge(&mut self, into: u64, from: u64) -> Result<(), Self::Error>;
    fn next_id(&mut self) -> Result<u64, Self::Error>;
}

/// Articles of a notional background collection in which no feature
/// occurs: with few articles stored, every feature counts about the same
/// (a small collection is often all one story, and its shared features
/// are what matters); as the collection grows past this, the real
/// document frequencies take over.
const BACKGROUND: u64 = 1_000;

fn idf(n: u64, df: u64) -> f32 {
    (((n + BACKGROUND + 1) as f32) / ((df + 1) as f32)).ln() + 1.0
}

/// Story features compared with an article: the story's centre.
const CENTRE: usize = 60;

/// The article's entity features that are names the knowledge base does
/// not know: keyed by the name itself (no id, no actor code), written as
/// a name (its last word capitalised: "Cyclone Teodora", "the cyclone
/// Teodora", "Seacom"), of two words or more or of one word of four
/// letters or more. Common nouns taken as entities ("aid workers") and
/// short words (an "NBA" the knowledge base lacks) are left out. One-word
/// names (a company, a warship, a town) were left out too while one
/// shared name was enough for [`NAMED_JOIN_THRESHOLD`]; with
/// [`SHARED_NAMES`] asking two, they count (ECB+ development topics:
/// B-cubed F1 0.852 to 0.861, precision 0.841 to 0.831, recall 0.864 to
/// 0.892; docs/quality.md).
fn unknown_names(profile: &Profile) -> Vec<&str> {
    unknown_names_of(&profile.features, &profile.names)
}

/// [`unknown_names`] of any feature list with its display names (an
/// article's or a story's).
fn unknown_names_of<'a>(features: &'a [(String, f32)], names: &[(String, String)]) -> Vec<&'a str> {
    features
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| {
            k.strip_prefix("e:")
                .is_some_and(|rest| !rest.contains(':') && !rest.chars().any(|c| c.is_uppercase()))
        })
        .filter(|k| {
            names.iter().any(|(key, name)| {
                key == k && {
                    let words: Vec<&str> = name.split_whitespace().collect();
                    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
                    (words.len() >= 2 || name.chars().count() >= 4)
                        && words.last().is_some_and(capital)
                }
            })
        })
        .collect()
}

/// The similarity from which an article (or a story of few articles)
/// joins `story`: [`NAMED_JOIN_THRESHOLD`] when the story's centre holds
/// at least `required` of `names`, else [`JOIN_THRESHOLD`].
fn join_threshold(story: &Story, names: &[&str], required: usize) -> f32 {
    let shared = story
        .features
        .iter()
        .take(CENTRE)
        .filter(|(k, _)| names.contains(&k.as_str()))
        .count();
    if shared >= required {
        NAMED_JOIN_THRESHOLD
    } else {
        JOIN_THRESHOLD
    }
}

/// The cosine of two weighted feature lists.
fn cosine(a: &[(String, f32)], b: &[(String, f32)]) -> f32 {
    let norm = |c: &[(String, f32)]| c.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    let dot: f32 = a
        .iter()
        .filter_map(|(k, w)| b.iter().find(|(l, _)| l == k).map(|(_, v)| w * v))
        .sum();
    let (na, nb) = (norm(a), norm(b));
    if na > 0.0 && nb > 0.0 {
        dot / (na * nb)
    } else {
        0.0
    }
}

/// Features and their weights, idf-weighted.
type Weighted = Vec<(String, f32)>;

/// A story's centre as idf-weighted features per article.
fn centre<B: StoryBackend>(backend: &mut B, n: u64, story: &Story) -> Result<Weighted, B::Error> {
    let articles = story.articles.max(1) as f32;
    let centre: Vec<&(String, f32)> = story.features.iter().take(CENTRE).collect();
    let keys: Vec<&str> = centre.iter().map(|(k, _)| k.as_str()).collect();
    let (_, dfs) = backend.frequencies(&keys)?;
    Ok(centre
        .iter()
        .zip(dfs)
        .map(|((k, s), df)| (k.clone(), s / articles * idf(n + 1, df + 1)))
        .collect())
}

/// True when two stories' date spans, widened by [`WINDOW_DAYS`], meet
/// (or either has no date).
fn spans_meet(a: &Story, b: &Story) -> bool {
    let span = |s: &Story| {
        Some((
            dates::middle(s.first.as_deref()?)?,
            dates::middle(s.last.as_deref()?)?,
        ))
    };
    match (span(a), span(b)) {
        (Some((a0, a1)), Some((b0, b1))) => a0 - WINDOW_DAYS <= b1 && b0 - WINDOW_DAYS <= a1,
        _ => true,
    }
}

fn within_window(published: Option<&str>, story: &Story) -> bool {
    let Some(day) = published.and_then(dates::middle) else {
        return true;
    };
    let first = story.first.as_deref().and_then(dates::middle);
    let last = story.last.as_deref().and_then(dates::middle);
    match (first, last) {
        (Some(f), Some(l)) => f - WINDOW_DAYS <= day && day <= l + WINDOW_DAYS,
        _ => true,
    }
}

/// The story an article joins (and updates) or starts. Returns its id.
pub fn assign<B: StoryBackend>(backend: &mut B, profile: &Profile) -> Result<u64, B::Error> {
    let keys: Vec<&str> = profile.features.iter().map(|(k, _)| k.as_str()).collect();
    let (n, dfs) = backend.frequencies(&keys)?;
    let idfs: Vec<f32> = dfs.iter().map(|&df| idf(n + 1, df + 1)).collect();
    let postings = backend.postings(&keys, POSTINGS_PER_FEATURE)?;
    // Rank candidates by the idf mass of the features they share, then
    // score the best few in full.
    let mut rough: HashMap<u64, f32> = HashMap::new();
    for (list, idf) in postings.iter().zip(&idfs) {
        for &id in list {
            *rough.entry(id).or_default() += idf;
        }
    }
    let mut ranked: Vec<(u64, f32)> = rough.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(CANDIDATES);
    let names = unknown_names(profile);
    let mut best: Option<(Story, f32, Weighted)> = None;
    // The other candidates, with their centres where already computed,
    // for the merge check below.
    let mut others: Vec<(Story, Option<Weighted>)> = Vec::new();
    let article: Weighted = profile
        .features
        .iter()
        .zip(&idfs)
        .map(|((k, w), idf)| (k.clone(), w * idf))
        .collect();
    for (id, _) in ranked {
        let Some(story) = backend.load(id)? else {
            continue;
        };
        if !within_window(profile.published.as_deref(), &story) {
            others.push((story, None));
            continue;
        }
        let story_centre = centre(backend, n, &story)?;
        let score = cosine(&story_centre, &article);
        let threshold = join_threshold(&story, &names, SHARED_NAMES);
        if score >= threshold && best.as_ref().is_none_or(|(_, b, _)| score > *b) {
            if let Some((previous, _, c)) = best.replace((story, score, story_centre)) {
                others.push((previous, Some(c)));
            }
        } else {
            others.push((story, Some(story_centre)));
        }
    }
    let mut story = match best {
        Some((story, _, _)) => story,
        None => Story::new(backend.next_id()?),
    };
    absorb(&mut story, profile);
    // Candidates the grown story now meets: the older id is kept, so a
    // story a reader has seen keeps its number. The grown story's centre
    // is computed once, and again after a merge.
    let mut own = centre(backend, n, &story)?;
    for (other, other_centre) in others {
        if !spans_meet(&story, &other) {
            continue;
        }
        let other_centre = match other_centre {
            Some(c) => c,
            None => centre(backend, n, &other)?,
        };
        if cosine(&own, &other_centre) < MERGE_THRESHOLD {
            continue;
        }
        story = merge_into_older(backend, story, other)?;
        own = centre(backend, n, &story)?;
    }
    backend.save(&story)?;
    backend.count(&keys)?;
    Ok(story.id)
}

/// Stories of at most this many articles are read again by [`reconsider`].
pub const SMALL_STORY: u32 = 3;

/// Reads a story of few articles (at most [`SMALL_STORY`]) again once more
/// stories have formed, and moves it into the most similar larger story
/// that it would have joined as an article: its centre as similar to that
/// story's as the join threshold asks ([`NAMED_JOIN_THRESHOLD`] when they
/// share a name the knowledge base does not know). An article read before
/// the first reports of its happening had formed a story started one of
/// its own, and the merge check in [`assign`] reaches it only when a later
/// article happens to name both; read at the end of a run, when the
/// larger stories' centres are settled, it finds its story (on the ECB+
/// development topics, 106 stories became 95, B-cubed recall 0.834 to
/// 0.867; docs/quality.md). Returns the story it went to, if any.
pub fn reconsider<B: StoryBackend>(backend: &mut B, id: u64) -> Result<Option<u64>, B::Error> {
    let Some(small) = backend.load(id)? else {
        return Ok(None);
    };
    if small.articles > SMALL_STORY {
        return Ok(None);
    }
    let keys: Vec<&str> = small
        .features
        .iter()
        .take(CENTRE)
        .map(|(k, _)| k.as_str())
        .collect();
    let (n, dfs) = backend.frequencies(&keys)?;
    let postings = backend.postings(&keys, POSTINGS_PER_FEATURE)?;
    let mut rough: HashMap<u64, f32> = HashMap::new();
    for (list, &df) in postings.iter().zip(&dfs) {
        for &other in list.iter().filter(|&&other| other != id) {
            *rough.entry(other).or_default() += idf(n, df);
        }
    }
    let mut ranked: Vec<(u64, f32)> = rough.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(CANDIDATES);
    // The story's names are read from its centre, as an article's are
    // from its profile.
    let centre_features: Vec<(String, f32)> = small.features.iter().take(CENTRE).cloned().collect();
    let names = unknown_names_of(&centre_features, &small.names);
    let own = centre(backend, n, &small)?;
    let mut best: Option<(Story, f32)> = None;
    for (other_id, _) in ranked {
        let Some(other) = backend.load(other_id)? else {
            continue;
        };
        // Only into a story with more articles, whose centre is the more
        // settled: two of the same size stay apart.
        if other.articles <= small.articles || !spans_meet(&small, &other) {
            continue;
        }
        let score = cosine(&centre(backend, n, &other)?, &own);
        if score >= join_threshold(&other, &names, 1)
            && best.as_ref().is_none_or(|(_, b)| score > *b)
        {
            best = Some((other, score));
        }
    }
    let Some((other, _)) = best else {
        return Ok(None);
    };
    let kept = merge_into_older(backend, small, other)?;
    Ok(Some(kept.id))
}

/// Two stories made one under the older id (the smaller), saved, with the
/// other's articles moved to it in the store.
fn merge_into_older<B: StoryBackend>(
    backend: &mut B,
    a: Story,
    b: Story,
) -> Result<Story, B::Error> {
    let (mut kept, gone) = if b.id < a.id { (b, a) } else { (a, b) };
    combine(&mut kept, &gone);
    backend.save(&kept)?;
    backend.merge(kept.id, gone.id)?;
    Ok(kept)
}

/// Story `gone`'s articles, outlets, dates, features and names added to
/// `kept`.
fn combine(kept: &mut Story, gone: &Story) {
    for d in &gone.documents {
        push_new(&mut kept.documents, d);
    }
    for o in &gone.outlets {
        push_new(&mut kept.outlets, o);
    }
    for date in [&gone.first, &gone.last].into_iter().flatten() {
        widen_span(kept, date);
    }
    kept.articles += gone.articles;
    add_weights(kept, &gone.features, &gone.names);
}

/// Adds a copy of an article to that article's story: listed with its
/// outlet, but not weighed as a second source.
pub fn attach_copy<B: StoryBackend>(
    backend: &mut B,
    story_id: u64,
    profile: &Profile,
) -> Result<bool, B::Error> {
    let Some(mut story) = backend.load(story_id)? else {
        return Ok(false);
    };
    add_member(&mut story, profile);
    backend.save(&story)?;
    Ok(true)
}

fn add_member(story: &mut Story, profile: &Profile) {
    push_new(&mut story.documents, &profile.document);
    if let Some(outlet) = &profile.outlet {
        push_new(&mut story.outlets, outlet);
    }
    if let Some(p) = &profile.published {
        widen_span(story, p);
    }
}

fn push_new(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

/// Moves the story's first or last date out to `date` when it lies
/// beyond them.
fn widen_span(story: &mut Story, date: &str) {
    if story.first.as_deref().is_none_or(|f| date < f) {
        story.first = Some(date.to_string());
    }
    if story.last.as_deref().is_none_or(|l| date > l) {
        story.last = Some(date.to_string());
    }
}

fn absorb(story: &mut Story, profile: &Profile) {
    add_member(story, profile);
    story.articles += 1;
    add_weights(story, &profile.features, &profile.names);
}

/// Adds feature weights and display names (an article's or an absorbed
/// story's) to the story, keeps its heaviest features and the names they
/// still hold, and labels it again.
fn add_weights(story: &mut Story, features: &[(String, f32)], names: &[(String, String)]) {
    for (key, w) in features {
        match story.features.iter_mut().find(|(k, _)| k == key) {
            Some((_, s)) => *s += w,
            None => story.features.push((key.clone(), *w)),
        }
    }
    story
        .features
        .sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    story.features.truncate(STORY_FEATURES);
    for (key, name) in names {
        if !story.names.iter().any(|(k, _)| k == key) {
            story.names.push((key.clone(), name.clone()));
        }
    }
    story
        .names
        .retain(|(k, _)| story.features.iter().any(|(f, _)| f == k));
    story.label = label(story);
}

/// The plural noun of an event category, for labels.
fn category_noun(category: &str) -> &'static str {
    match category {
        "AGREE" => "agreements",
        "CONSULT" => "talks",
        "SUPPORT" => "support",
        "CONCEDE" => "concessions",
        "COOPERATE" => "cooperation",
        "AID" => "aid",
        "RETREAT" => "withdrawals",
        "REQUEST" => "appeals",
        "ACCUSE" => "accusations",
        "REJECT" => "rejections",
        "THREATEN" => "threats",
        "PROTEST" => "protests",
        "SANCTION" => "sanctions",
        "MOBILIZE" => "deployments",
        "COERCE" => "pressure",
        "ASSAULT" => "attacks",
        "TRANSITION" => "changes of office",
        _ => "events",
    }
}

/// The three heaviest named entities and the two commonest kinds of
/// event.
fn label(story: &Story) -> String {
    let actors: Vec<&str> = story
        .features
        .iter()
        .filter(|(k, _)| k.starts_with("e:"))
        .filter_map(|(k, _)| story.names.iter().find(|(n, _)| n == k))
        .map(|(_, name)| name.as_str())
        .take(3)
        .collect();
    let mut kinds: Vec<(&'static str, f32)> = Vec::new();
    for (k, w) in &story.features {
        if let Some(category) = k.strip_prefix("v:").and_then(|r| r.split(':').next()) {
            let noun = category_noun(category);
            match kinds.iter_mut().find(|(n, _)| *n == noun) {
                Some((_, total)) => *total += w,
                None => kinds.push((noun, *w)),
            }
        }
    }
    kinds.sort_by(|a, b| b.1.total_cmp(&a.1));
    let kinds: Vec<&str> = kinds.iter().take(2).map(|(n, _)| *n).collect();
    match (actors.is_empty(), kinds.is_empty()) {
        (true, true) => "(unlabelled)".to_string(),
        (false, true) => actors.join(", "),
        (true, false) => kinds.join(", "),
        (false, false) => format!("{}: {}", actors.join(", "), kinds.join(", ")),
    }
}

/// The order stories are listed in: largest first, then by first date.
pub fn listing_order(a: &Story, b: &Story) -> std::cmp::Ordering {
    b.documents
        .len()
        .cmp(&a.documents.len())
        .then_with(|| a.first.cmp(&b.first))
        .then(a.id.cmp(&b.id))
}

/// The clustering state in memory, for `analyze` and tests.
#[derive(Debug, Default)]
pub struct StoryIndex {
    stories: Vec<Story>,
    /// Story ids per feature, in order of last update.
    postings: HashMap<String, Vec<u64>>,
    frequencies: HashMap<String, u64>,
    profiled: u64,
    last_id: u64,
}

impl StoryIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// The stories, largest first, then by first date.
    pub fn stories(&self) -> Vec<Story> {
        let mut out = self.stories.clone();
        out.sort_by(listing_order);
        out
    }
}

impl StoryBackend for StoryIndex {
    type Error = std::convert::Infallible;

    fn postings(&mut self, features: &[&str], limit: usize) -> Result<Vec<Vec<u64>>, Self::Error> {
        Ok(features
            .iter()
            .map(|f| {
                self.postings
                    .get(*f)
                    .map(|ids| ids.iter().rev().take(limit).copied().collect())
                    .unwrap_or_default()
            })
            .collect())
    }

    fn load(&mut self, id: u64) -> Result<Option<Story>, Self::Error> {
        Ok(self.stories.iter().find(|s| s.id == id).cloned())
    }

    fn frequencies(&mut self, features: &[&str]) -> Result<(u64, Vec<u64>), Self::Error> {
        Ok((
            self.profiled,
            features
                .iter()
                .map(|f| self.frequencies.get(*f).copied().unwrap_or(0))
                .collect(),
        ))
    }

    fn count(&mut self, features: &[&str]) -> Result<(), Self::Error> {
        self.profiled += 1;
        for f in features {
            *self.frequencies.entry(f.to_string()).or_default() += 1;
        }
        Ok(())
    }

    fn save(&mut self, story: &Story) -> Result<(), Self::Error> {
        for (key, _) in &story.features {
            let ids = self.postings.entry(key.clone()).or_default();
            ids.retain(|&i| i != story.id);
            ids.push(story.id);
        }
        match self.stories.iter_mut().find(|s| s.id == story.id) {
            Some(s) => *s = story.clone(),
            None => self.stories.push(story.clone()),
        }
        Ok(())
    }

    fn merge(&mut self, _into: u64, from: u64) -> Result<(), Self::Error> {
        self.stories.retain(|s| s.id != from);
        for ids in self.postings.values_mut() {
            ids.retain(|&i| i != from);
        }
        Ok(())
    }

    fn next_id(&mut self) -> Result<u64, Self::Error> {
        // Ids of merged stories are not given again.
        self.last_id += 1;
        Ok(self.last_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, features: &[&str]) -> Profile {
        Profile {
            document: id.into(),
            published: Some("2025-03-11".into()),
            outlet: None,
            features: features.iter().map(|f| (f.to_string(), 1.0)).collect(),
            names: Vec::new(),
        }
    }

    #[test]
    fn a_story_started_twice_stayed_two_stories() {
        let mut index = StoryIndex::new();
        // Two angles of one happening, sharing nothing, start two stories.
        let first = assign(&mut index, &article("a", &["e:x", "e:y"])).unwrap();
        let second = assign(&mut index, &article("c", &["e:z", "e:w"])).unwrap();
        assert_ne!(first, second);
        // Articles that tell both angles join the first story, which then
        // holds the second's features as strongly as the second does.
        for id in ["b1", "b2"] {
            assign(&mut index, &article(id, &["e:x", "e:y", "e:z", "e:w"])).unwrap();
        }
        let stories = index.stories();
        assert_eq!(stories.len(), 1, "{stories:#?}");
        let story = &stories[0];
        // The older story's id is kept; every article is in it.
        assert_eq!(story.id, first);
        let mut documents = story.documents.clone();
        documents.sort();
        assert_eq!(documents, ["a", "b1", "b2", "c"]);
        assert_eq!(story.articles, 4);
        // The merged story's id is never given again.
        let next = assign(&mut index, &article("d", &["e:q"])).unwrap();
        assert!(next > second, "{next} reuses a merged id");
    }

    /// A story saved as it stands, with its articles counted.
    fn saved(index: &mut StoryIndex, id: u64, articles: u32, features: &[&str]) -> Story {
        let mut story = Story::new(id);
        story.articles = articles;
        story.documents = (0..articles).map(|i| format!("{id}-{i}")).collect();
        story.features = features
            .iter()
            .map(|f| (f.to_string(), articles as f32))
            .collect();
        for _ in 0..articles {
            index.count(features).unwrap();
        }
        index.save(&story).unwrap();
        index.last_id = index.last_id.max(id);
        story
    }

    #[test]
    fn a_small_story_read_again_moves_into_the_larger_story_it_matches() {
        let mut index = StoryIndex::new();
        let small = saved(&mut index, 1, 1, &["e:x", "e:y", "e:z", "e:p"]);
        saved(&mut index, 2, 4, &["e:x", "e:y", "e:z", "e:w"]);
        saved(&mut index, 3, 4, &["e:a", "e:b", "e:c", "e:d"]);
        // It keeps its older id and takes the larger story's articles.
        assert_eq!(reconsider(&mut index, small.id).unwrap(), Some(1));
        let stories = index.stories();
        assert_eq!(stories.len(), 2, "{stories:#?}");
        assert_eq!(stories[0].id, 1);
        assert_eq!(stories[0].articles, 5);
        assert_eq!(stories[0].documents.len(), 5);
    }

    #[test]
    fn a_small_story_read_again_stays_when_no_larger_story_matches() {
        let mut index = StoryIndex::new();
        // Unlike the larger story, and only like a story as small as it.
        saved(&mut index, 1, 1, &["e:x", "e:y", "e:z", "e:p"]);
        saved(&mut index, 2, 1, &["e:x", "e:y", "e:z", "e:q"]);
        saved(&mut index, 3, 4, &["e:a", "e:b", "e:c", "e:x"]);
        assert_eq!(reconsider(&mut index, 1).unwrap(), None);
        // A story larger than SMALL_STORY is not read again.
        saved(
            &mut index,
            4,
            SMALL_STORY + 1,
            &["e:a", "e:b", "e:c", "e:d"],
        );
        assert_eq!(reconsider(&mut index, 4).unwrap(), None);
        assert_eq!(index.stories().len(), 4);
    }

    #[test]
    fn one_shared_unknown_name_is_not_enough_for_the_named_threshold() {
        let mut story = Story::new(1);
        story.features = vec![
            ("e:cyclone teodora".into(), 2.0),
            ("e:port louis".into(), 1.0),
            ("w:flood".into(), 1.0),
        ];
        // One recurring name: the plain threshold.
        assert_eq!(
            join_threshold(&story, &["e:cyclone teodora"], SHARED_NAMES),
            JOIN_THRESHOLD
        );
        // Two names of the happening: the named one.
        let both = ["e:cyclone teodora", "e:port louis"];
        assert_eq!(
            join_threshold(&story, &both, SHARED_NAMES),
            NAMED_JOIN_THRESHOLD
        );
        // A small story read again at the end of a run needs one.
        assert_eq!(
            join_threshold(&story, &["e:port louis"], 1),
            NAMED_JOIN_THRESHOLD
        );
    }

    #[test]
    fn one_word_names_written_as_names_are_unknown_names() {
        let keys = [
            "e:seacom",
            "e:nba",
            "e:police",
            "e:cyclone teodora",
            "e:org:UN",
        ];
        let features: Vec<(String, f32)> = keys.iter().map(|k| (k.to_string(), 1.0)).collect();
        let names: Vec<(String, String)> = [
            ("e:seacom", "Seacom"),
            ("e:nba", "NBA"),
            ("e:police", "police"),
            ("e:cyclone teodora", "the cyclone Teodora"),
            ("e:org:UN", "United Nations"),
        ]
        .iter()
        .map(|(k, n)| (k.to_string(), n.to_string()))
        .collect();
        // A short word, a common noun and a name the knowledge base knows
        // are not.
        assert_eq!(
            unknown_names_of(&features, &names),
            ["e:seacom", "e:cyclone teodora"]
        );
    }

    #[test]
    fn stories_far_apart_in_time_do_not_merge() {
        let mut index = StoryIndex::new();
        let mut old = article("a", &["e:x", "e:y"]);
        old.published = Some("2020-01-01".into());
        assign(&mut index, &old).unwrap();
        let mut other = article("c", &["e:z", "e:w"]);
        other.published = Some("2025-03-11".into());
        assign(&mut index, &other).unwrap();
        for id in ["b1", "b2"] {
            assign(&mut index, &article(id, &["e:x", "e:y", "e:z", "e:w"])).unwrap();
        }
        assert_eq!(index.stories().len(), 2, "{:#?}", index.stories());
    }
}
