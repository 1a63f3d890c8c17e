//! Inputs to stored documents: discover, read, clean, store, in batches,
//! with progress on stderr and a per-document account of what happened.

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::path::PathBuf;
use storyline_code::Verbs;
use storyline_html::HtmlLimits;
use storyline_ingest::{
    discover, read_input_each, IngestError, Input, Manifest, PathFilter, ReadOptions,
};
use storyline_kb::Kb;
use storyline_model::{Diagnostic, Document, GivenMeta, PartialDate, RawDocument};
pub use storyline_pipeline::{build, extract_document, one_line, BuildOptions, Failure};
use storyline_store::{PutOutcome, Store};

/// Options for reading and annotating articles, shared by every command
/// that reads them: `ingest`, `extract`, `analyze`, `parse` and the
/// listings given a file.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ReadArgs {
    /// Only read files inside directories that match this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Skip files inside directories that match this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Metadata you already know: CSV with the header path,url,outlet,published
    /// (and optionally fetched, the download day), or JSON Lines.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// The publication date of a single input document (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    pub published: Option<PartialDate>,
    /// The largest article or page accepted, in bytes (after decompression).
    #[arg(long, value_name = "BYTES", default_value_t = ReadOptions::default().max_bytes)]
    pub max_bytes: u64,
    /// The most elements an HTML page may have (counted before parsing).
    #[arg(long, value_name = "N", default_value_t = HtmlLimits::default().max_elements)]
    pub max_html_elements: usize,
    /// The deepest element nesting built from an HTML page; tags that
    /// would nest deeper are dropped and their text kept.
    #[arg(long, value_name = "N", default_value_t = HtmlLimits::default().max_depth)]
    pub max_html_depth: usize,
    /// Read numeric dates day first (04/10/2024 is 4 October); the
    /// default is month first. A part over 12 decides either way.
    #[arg(long)]
    pub day_first: bool,
    /// Your own knowledge-base entries (TSV, the format in the README);
    /// they beat the shipped ones. Repeatable.
    #[arg(long = "kb", value_name = "FILE")]
    pub kb: Vec<PathBuf>,
}

/// Your own verb patterns, for the commands that code events: apart from
/// [`ReadArgs`] so that the commands that print no events do not offer it.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct VerbsArg {
    /// Your own verb patterns for event coding (TSV, the format in the
    /// README), read after the shipped ones. Repeatable.
    #[arg(long = "verbs", value_name = "FILE")]
    pub verbs: Vec<PathBuf>,
}

/// Options shared by `ingest`, `extract` and `analyze`: reading, and the
/// verb patterns, since what they print or store includes events.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct InputArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub verbs: VerbsArg,
}

impl InputArgs {
    /// Reading options for a command that prints no events: the shipped
    /// verb patterns are used.
    pub fn without_verbs(read: ReadArgs) -> InputArgs {
        InputArgs {
            read,
            verbs: VerbsArg::default(),
        }
    }

    pub fn build_options(&self) -> Result<BuildOptions> {
        let read = &self.read;
        Ok(BuildOptions {
            limits: HtmlLimits {
                max_elements: read.max_html_elements,
                max_depth: read.max_html_depth,
            },
            time: storyline_time::Options {
                day_first: read.day_first,
            },
            kb: load_kb(&read.kb)?,
            verbs: load_verbs(&self.verbs.verbs)?,
        })
    }
}

/// The shipped knowledge base with the user's files read over it, or
/// `None` when there are none. Loaded once per run and kept for its
/// length, so it is leaked rather than reference-counted.
pub fn load_kb(files: &[PathBuf]) -> Result<Option<&'static Kb>> {
    if files.is_empty() {
        return Ok(None);
    }
    let texts = read_user_files(files, "knowledge-base")?;
    let kb = Kb::load(&as_named(&texts)).map_err(|e| anyhow::anyhow!("{e}; hint: {}", e.hint()))?;
    Ok(Some(Box::leak(Box::new(kb))))
}

/// The shipped verb dictionary with the user's files after it, or `None`
/// when there are none; kept for the run like the knowledge base.
pub fn load_verbs(files: &[PathBuf]) -> Result<Option<&'static Verbs>> {
    if files.is_empty() {
        return Ok(None);
    }
    let mut texts = vec![("verbs.tsv".to_string(), storyline_code::BUILTIN.to_string())];
    texts.extend(read_user_files(files, "verb")?);
    let verbs =
        Verbs::load(&as_named(&texts)).map_err(|e| anyhow::anyhow!("{e}; hint: {}", e.hint()))?;
    Ok(Some(Box::leak(Box::new(verbs))))
}

/// Reads the user's data files, each named by its path for errors.
fn read_user_files(files: &[PathBuf], what: &str) -> Result<Vec<(String, String)>> {
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).with_context(|| {
                format!(
                    "cannot read {what} file {}; hint: it must be UTF-8 text",
                    f.display()
                )
            })?;
            Ok((f.display().to_string(), text))
        })
        .collect()
}

fn as_named(texts: &[(String, String)]) -> Vec<(&str, &str)> {
    texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect()
}

/// What a run did, document by document.
#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    pub stored: usize,
    /// Known documents reached from a new place: one more source recorded.
    pub duplicates: usize,
    /// Documents and sources already in the store: nothing changed.
    pub unchanged: usize,
    pub failed: Vec<Failure>,
    pub warnings: Vec<(String, Diagnostic)>,
}

impl Summary {
    pub fn print_problems(&self) {
        for f in &self.failed {
            eprintln!("{}", f.line());
        }
        for (source, w) in &self.warnings {
            let hint = w
                .hint
                .as_deref()
                .map(|h| format!(" (hint: {})", one_line(h)))
                .unwrap_or_default();
            eprintln!(
                "warning: {}: {}{hint}",
                one_line(source),
                one_line(&w.message)
            );
        }
    }

    pub fn exit_code(&self) -> u8 {
        if self.failed.is_empty() {
            crate::exit::OK
        } else {
            crate::exit::SOME_FAILED
        }
    }
}

/// Documents are committed in batches: one transaction per batch keeps a
/// large ingest fast, and a killed run loses at most one batch, which the
/// next run stores.
const BATCH: usize = 64;

/// Documents built in parallel at a time: enough to keep every core busy,
/// few enough that an archive's pages are not all held in memory.
const BUILD_BATCH: usize = 32;

/// Raw documents waiting to be built, and the first error the consumer
/// returned (after which nothing more is handed on).
struct Batch {
    pending: Vec<Result<RawDocument, IngestError>>,
    fatal: Option<anyhow::Error>,
}

impl Batch {
    fn push(
        &mut self,
        raw: Result<RawDocument, IngestError>,
        opts: &BuildOptions,
        each: &mut impl FnMut(Result<Document, Failure>) -> Result<()>,
    ) {
        if self.fatal.is_some() {
            return;
        }
        self.pending.push(raw);
        if self.pending.len() >= BUILD_BATCH {
            self.flush(opts, each);
        }
    }

    fn flush(
        &mut self,
        opts: &BuildOptions,
        each: &mut impl FnMut(Result<Document, Failure>) -> Result<()>,
    ) {
        let one = |raw: Result<RawDocument, IngestError>| match raw {
            Err(e) => Err(Failure::from_ingest(&e)),
            Ok(raw) => build(raw, opts),
        };
        // A batch of one (`extract` of a file, the last document of a run)
        // is built on this thread: starting the thread pool for it costs
        // more than it saves, and its idle workers spin on the core that
        // is still loading the knowledge base.
        let built: Vec<Result<Document, Failure>> = if self.pending.len() == 1 {
            self.pending.drain(..).map(one).collect()
        } else {
            self.pending.par_drain(..).map(one).collect()
        };
        for item in built {
            if self.fatal.is_none() {
                if let Err(e) = each(item) {
                    self.fatal = Some(e);
                }
            }
        }
    }
}

/// Fails when none of the named inputs exists. Nothing could then be
/// done, so it is a fatal error rather than "some documents failed", and
/// it is found before a store is opened, so that no empty store is left
/// behind. A missing path among others that exist stays a per-document
/// failure, reported while the rest are read.
pub fn check_inputs_exist(paths: &[PathBuf]) -> Result<()> {
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-" && matches!(p.try_exists(), Ok(false)))
        .map(|p| p.display().to_string())
        .collect();
    if missing.is_empty() || missing.len() < paths.len() {
        return Ok(());
    }
    Err(crate::render::Hinted {
        message: format!("no such file or directory: {}", missing.join(", ")),
        hint: "check the path; globs are expanded by the shell, not by storyline".into(),
    }
    .into())
}

/// Loads the shipped data every document needs, most of it on two other
/// threads: the knowledge base on one; the cleaner's patterns, the verb
/// and frame tables and the lemmatizer's lookups on another; the language
/// model on this one, which needs it first (once the cleaner's patterns
/// are built, cleaning a document is quick). Each loader is a `OnceLock`,
/// so whoever needs one first builds it or waits for it. Loaded one after
/// another on one thread, they were most of a short run (docs/quality.md,
/// start-up).
fn load_shared_data(args: &InputArgs) {
    if args.read.kb.is_empty() {
        std::thread::spawn(Kb::builtin);
    }
    let own_verbs = args.verbs.verbs.is_empty();
    std::thread::spawn(move || {
        storyline_clean::prepare();
        if own_verbs {
            Verbs::builtin();
        }
        storyline_code::load_frames();
        if let Ok(backbone) = storyline_nlp::Backbone::shared() {
            backbone.prepare();
        }
    });
    // A model that does not load is reported on each document.
    let _ = storyline_nlp::Backbone::shared();
}

/// Reads every input and yields documents or failures, in input order.
pub fn documents(
    paths: &[PathBuf],
    args: &InputArgs,
    mut each: impl FnMut(Result<Document, Failure>) -> Result<()>,
) -> Result<()> {
    load_shared_data(args);
    let filter = PathFilter::new(&args.read.include, &args.read.exclude)
        .context("invalid --include or --exclude glob")?;
    let manifest = match &args.read.manifest {
        Some(p) => {
            let manifest =
                Manifest::load(p).map_err(|e| anyhow::anyhow!("{e}; hint: {}", e.kind.hint()))?;
            // A row for a file that is not there is most often a typo in
            // its path: its metadata would silently go unused.
            for (row, path) in manifest.missing() {
                eprintln!(
                    "warning: {}: row {row}: no such file {} (hint: paths in a manifest are relative to its folder)",
                    one_line(&p.display().to_string()),
                    one_line(&path.display().to_string())
                );
            }
            manifest
        }
        None => Manifest::default(),
    };
    let inputs = discover(paths, &filter);
    if args.read.published.is_some() && inputs.len() != 1 {
        bail!(
            "--published gives the date of a single document, but {} inputs were found; \
             hint: give dates for many documents with --manifest",
            inputs.len()
        );
    }
    let build_opts = args.build_options()?;
    let opts = ReadOptions {
        max_bytes: args.read.max_bytes,
    };
    let progress = Progress::new(&inputs);
    // Documents are read into a batch across inputs (archives streamed
    // record by record), built on all cores, and handed on in input order.
    let mut batch = Batch {
        pending: Vec::new(),
        fatal: None,
    };
    for input in inputs {
        let input = match input {
            Ok(i) => i,
            Err(e) => {
                batch.push(Err(e), &build_opts, &mut each);
                continue;
            }
        };
        progress.start(&input);
        let from_manifest = match &input {
            Input::File(p) => manifest.lookup(p).cloned().unwrap_or_default(),
            Input::Stdin => GivenMeta::default(),
        };
        read_input_each(&input, &opts, &mut |raw| {
            let raw = raw.map(|mut raw| {
                raw.given = std::mem::take(&mut raw.given).or(&from_manifest);
                if let Some(d) = args.read.published {
                    raw.given.published = Some(d);
                }
                raw
            });
            progress.record();
            batch.push(raw, &build_opts, &mut each);
        });
        if let Some(e) = batch.fatal.take() {
            return Err(e);
        }
        progress.done(&input);
    }
    batch.flush(&build_opts, &mut each);
    if let Some(e) = batch.fatal.take() {
        return Err(e);
    }
    progress.bar.finish_and_clear();
    Ok(())
}

/// Reads every input into documents and failures, without a store: for
/// the commands that print documents.
pub fn collect(paths: &[PathBuf], args: &InputArgs) -> Result<(Vec<Document>, Vec<Failure>)> {
    let mut docs = Vec::new();
    let mut failed = Vec::new();
    documents(paths, args, |item| {
        match item {
            Ok(doc) => docs.push(doc),
            Err(f) => failed.push(f),
        }
        Ok(())
    })?;
    Ok((docs, failed))
}

/// The documents of one input for the commands that print one article's
/// annotations; the first document that cannot be read is the error.
pub fn collect_one(path: &std::path::Path, args: &InputArgs) -> Result<Vec<Document>> {
    let (docs, failed) = collect(&[path.to_path_buf()], args)?;
    if let Some(f) = failed.first() {
        bail!("{}: {}; hint: {}", f.source, f.reason, f.hint);
    }
    Ok(docs)
}

/// Reads, cleans and stores every input.
pub fn ingest(paths: &[PathBuf], args: &InputArgs, store: &mut Store) -> Result<Summary> {
    let mut summary = Summary::default();
    let abort_after = test_abort_after();
    let mut pending: Vec<Document> = Vec::new();
    let mut written = 0usize;
    // The stories this run's documents went to, read again at its end.
    let mut touched: Vec<u64> = Vec::new();
    if store.needs_aggregation()? {
        // A store from a build that did not find copies and stories.
        let batch = store.batch()?;
        let n = batch.aggregate_missing()?;
        batch.commit()?;
        eprintln!("found copies and stories for {n} documents already stored");
    }
    let mut flush = |pending: &mut Vec<Document>, summary: &mut Summary| -> Result<()> {
        let batch = store.batch()?;
        // New documents are aggregated in publication order, so that the
        // earliest article of a group of copies is the one others copy;
        // undated ones last: an undated article fits any story's time
        // window, so it is placed best once the dated articles of its
        // batch have formed their stories (read first, it started a story
        // of its own that later articles of the same happening joined).
        pending.sort_by_key(|d| (d.published.is_none(), d.published.map(|p| p.to_string())));
        for doc in pending.drain(..) {
            match batch.put(&doc)? {
                PutOutcome::Stored => {
                    summary.stored += 1;
                    touched.push(batch.aggregate(&doc)?.story);
                }
                PutOutcome::NewSource => summary.duplicates += 1,
                PutOutcome::Unchanged => summary.unchanged += 1,
            }
            written += 1;
            if abort_after == Some(written) {
                // Simulates a kill in the middle of a transaction.
                std::process::abort();
            }
        }
        batch.commit()?;
        Ok(())
    };
    documents(paths, args, |item| {
        match item {
            Ok(doc) => {
                for w in &doc.diagnostics {
                    summary.warnings.push((doc.source.clone(), w.clone()));
                }
                pending.push(doc);
                if pending.len() >= BATCH {
                    flush(&mut pending, &mut summary)?;
                }
            }
            Err(f) => summary.failed.push(f),
        }
        Ok(())
    })?;
    flush(&mut pending, &mut summary)?;
    // An article read before the first reports of its happening had formed
    // a story started one of its own; with the run's stories formed, the
    // small ones among those it touched are read again.
    if !touched.is_empty() {
        let batch = store.batch()?;
        batch.settle(&touched)?;
        batch.commit()?;
    }
    Ok(summary)
}

/// A test hook: `STORYLINE_TEST_ABORT_AFTER=N` kills the process after
/// the Nth document is written and before its batch commits, so tests can
/// check that a killed ingest leaves a consistent store.
fn test_abort_after() -> Option<usize> {
    std::env::var("STORYLINE_TEST_ABORT_AFTER")
        .ok()?
        .parse()
        .ok()
}

/// Progress on stderr, by bytes of input read, with the documents read
/// so far: one large archive or JSON Lines file shows progress as its
/// records are read, not only when it is done.
struct Progress {
    bar: ProgressBar,
    documents: std::cell::Cell<usize>,
    /// The input being read.
    name: std::cell::RefCell<String>,
    /// Progress as plain lines on stderr instead of a bar, whatever
    /// stderr is: see [`Progress::FORCE`].
    lines: Option<Lines>,
}

/// What the plain progress lines count: the bytes of the inputs done and
/// of all of them.
struct Lines {
    done: std::cell::Cell<u64>,
    total: u64,
}

impl Progress {
    /// Inputs smaller than this in all, and fewer than
    /// [`Progress::MIN_INPUTS`], finish before a bar would be read.
    const MIN_BYTES: u64 = 1 << 20;
    const MIN_INPUTS: usize = 50;
    /// `STORYLINE_PROGRESS=always` prints progress as plain lines on
    /// stderr even when it is not a terminal and the inputs are small: a
    /// log of a long run kept in a file, and the tests, which have no
    /// terminal, see what a terminal would show.
    const FORCE: &'static str = "STORYLINE_PROGRESS";

    fn new(inputs: &[Result<Input, IngestError>]) -> Progress {
        let bytes: u64 = inputs
            .iter()
            .filter_map(|i| i.as_ref().ok())
            .map(input_size)
            .sum();
        if std::env::var(Self::FORCE).is_ok_and(|v| v == "always") {
            return Progress {
                bar: ProgressBar::hidden(),
                documents: std::cell::Cell::new(0),
                name: std::cell::RefCell::new(String::new()),
                lines: Some(Lines {
                    done: std::cell::Cell::new(0),
                    total: bytes,
                }),
            };
        }
        // indicatif also hides the bar when stderr is not a terminal.
        let bar = if bytes < Self::MIN_BYTES && inputs.len() < Self::MIN_INPUTS {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::new(bytes);
            bar.set_style(
                ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {elapsed} {wide_msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        };
        Progress {
            bar,
            documents: std::cell::Cell::new(0),
            name: std::cell::RefCell::new(String::new()),
            lines: None,
        }
    }

    fn start(&self, input: &Input) {
        self.show(input.name());
    }

    /// One more document read from the current input.
    fn record(&self) {
        let n = self.documents.get() + 1;
        self.documents.set(n);
        // Redrawing the message for every record of a large file would
        // cost more than the records.
        if n.is_multiple_of(16) {
            self.redraw();
        }
    }

    fn done(&self, input: &Input) {
        self.bar.inc(input_size(input));
        if let Some(lines) = &self.lines {
            lines.done.set(lines.done.get() + input_size(input));
            self.redraw();
        }
    }

    fn show(&self, name: String) {
        *self.name.borrow_mut() = name;
        self.redraw();
    }

    fn redraw(&self) {
        let message = format!(
            "{} documents · {}",
            self.documents.get(),
            self.name.borrow()
        );
        match &self.lines {
            Some(lines) => eprintln!(
                "progress: {} of {} bytes, {message}",
                lines.done.get(),
                lines.total
            ),
            None => self.bar.set_message(message),
        }
    }
}

/// An input's size in bytes; 0 for stdin and files that cannot be read.
fn input_size(input: &Input) -> u64 {
    match input {
        Input::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
        Input::Stdin => 0,
    }
}
