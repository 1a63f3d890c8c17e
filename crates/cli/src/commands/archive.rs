//! `storyline export archive DIR --format parquet`: the store as a Parquet
//! archive partitioned by publication day (`crates/archive`).
//!
//! Documents are read one publication day at a time, without their tokens,
//! so memory holds one day's documents whatever the store's size. With
//! `--since DAY` only the partitions of that day and later are rewritten
//! (and the partition of documents with no publication day, which any
//! ingest may add to); older partitions are not touched. The stories table
//! is rewritten by every export: story assignment changes as articles come.

use crate::render::Hinted;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use storyline_archive::{Archive, ArchiveError, Row};
use storyline_store::Store;

/// Stores of fewer documents finish before a bar would be read.
const MIN_DOCUMENTS_FOR_PROGRESS: usize = 1_000;

fn hinted(e: ArchiveError) -> anyhow::Error {
    Hinted {
        hint: e.hint().to_string(),
        message: e.to_string(),
    }
    .into()
}

/// The publication day of a listing's date text, when it names one.
fn day_of(published: Option<&str>) -> Option<NaiveDate> {
    published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
}

pub fn run(store: &Store, dir: &Path, since: Option<NaiveDate>) -> Result<u8> {
    let archive = Archive::open(dir).map_err(hinted)?;
    let mut by_day: BTreeMap<Option<NaiveDate>, Vec<String>> = BTreeMap::new();
    for summary in store.list()? {
        let day = day_of(summary.published.as_deref());
        // The partition of undated documents is always rewritten.
        if day.is_some() && since.is_some_and(|s| day < Some(s)) {
            continue;
        }
        by_day.entry(day).or_default().push(summary.id);
    }
    let stories = store.stories()?;
    let story_of: HashMap<&str, u64> = stories
        .iter()
        .flat_map(|s| s.documents.iter().map(move |d| (d.as_str(), s.id)))
        .collect();
    let copies = store.copies()?;
    let copy_of: HashMap<&str, &str> = copies
        .iter()
        .map(|c| (c.document.as_str(), c.copy_of.as_str()))
        .collect();

    let total: usize = by_day.values().map(Vec::len).sum();
    let bar = if total < MIN_DOCUMENTS_FOR_PROGRESS {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::new(total as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} documents {elapsed} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    };
    let mut rows_by_table: BTreeMap<&str, usize> = BTreeMap::new();
    for (day, ids) in &by_day {
        bar.set_message(storyline_archive::partition_name(*day));
        let docs = ids
            .iter()
            .map(|id| store.document_without_tokens(id))
            .collect::<Result<Vec<_>, _>>()
            .with_context(|| format!("reading the documents of {}", day_label(*day)))?;
        let rows: Vec<Row<'_>> = docs
            .iter()
            .map(|doc| Row {
                doc,
                story: story_of.get(doc.id.as_str()).copied(),
                copy_of: copy_of.get(doc.id.as_str()).copied(),
            })
            .collect();
        let written = archive.write_partition(*day, &rows).map_err(hinted)?;
        for (table, n) in written.rows {
            *rows_by_table.entry(table).or_default() += n;
        }
        bar.inc(ids.len() as u64);
    }
    // Partitions in the exported range whose documents are all gone.
    for day in archive.days().map_err(hinted)? {
        let in_range = day.is_none() || since.is_none_or(|s| day >= Some(s));
        if in_range && !by_day.contains_key(&day) {
            archive.remove_day(day).map_err(hinted)?;
        }
    }
    let story_rows = archive.write_stories(&stories).map_err(hinted)?;
    bar.finish_and_clear();
    archive
        .finish(serde_json::json!({
            "since": since.map(|s| s.to_string()),
            "documents": total,
            "partitions": by_day.len(),
        }))
        .map_err(hinted)?;
    let counts: Vec<String> = rows_by_table
        .iter()
        .map(|(t, n)| format!("{n} {t}"))
        .chain([format!("{story_rows} stories")])
        .collect();
    eprintln!(
        "archive {}: {} partitions written ({})",
        dir.display(),
        by_day.len(),
        counts.join(", ")
    );
    Ok(crate::exit::OK)
}

fn day_label(day: Option<NaiveDate>) -> String {
    day.map_or_else(|| "no publication day".to_string(), |d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_days_name_a_partition() {
        assert_eq!(
            day_of(Some("2024-11-01")),
            NaiveDate::from_ymd_opt(2024, 11, 1)
        );
        assert_eq!(day_of(Some("2024-11")), None);
        assert_eq!(day_of(Some("2024")), None);
        assert_eq!(day_of(None), None);
    }
}
