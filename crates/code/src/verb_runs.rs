//! Where each verb's rows lie in a frames file in the `cameo-verbs.tsv`
//! format. The build script indexes the shipped file with it once, at
//! compile time; the crate's tests check that index against it.

/// One verb's rows: its bytes and the line number of its first row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbRun<'a> {
    pub verb: &'a str,
    pub start: usize,
    pub end: usize,
    pub first_line: u32,
}

/// Each verb's run of consecutive rows, in file order. A verb's rows must
/// be consecutive; a verb that comes back later is ignored there.
pub fn verb_runs(text: &str) -> Vec<VerbRun<'_>> {
    let mut runs: Vec<VerbRun<'_>> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut offset = 0;
    let mut current: Option<&str> = None;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let verb = line.split(['\t', '\n', '\r']).next().unwrap_or_default();
        if current == Some(verb) {
            if let Some(run) = runs.last_mut() {
                run.end = offset;
            }
            continue;
        }
        current = Some(verb);
        if !seen.insert(verb) {
            continue;
        }
        runs.push(VerbRun {
            verb,
            start,
            end: offset,
            first_line: n as u32 + 1,
        });
    }
    runs
}
