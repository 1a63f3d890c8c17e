use crate::error::human_bytes;
use crate::{
    decode, decode_html, looks_like_html, read_warc, ErrorKind, GivenMeta, IngestError, Input,
    Markup, RawDocument,
};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use storyline_model::{Diagnostic, PartialDate};

/// Limits that keep one bad input from taking the machine.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The largest article accepted, in bytes: a whole text file, or one
    /// JSON Lines record.
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        // News articles are a few kilobytes; 8 MB leaves room for very long
        // reports while refusing dumps that were never one article.
        ReadOptions {
            max_bytes: 8_000_000,
        }
    }
}

/// Reads one input into documents, collected; see [`read_input_each`].
pub fn read_input(input: &Input, opts: &ReadOptions) -> Vec<Result<RawDocument, IngestError>> {
    let mut out = Vec::new();
    read_input_each(input, opts, &mut |d| out.push(d));
    out
}

/// Reads one input, calling `each` for every document in it: one for a
/// text or HTML file or stdin, one per record for JSON Lines (`.jsonl`,
/// `.ndjson`), one per HTML response for WARC (`.warc`, `.warc.gz`).
/// Errors are per document; archives are streamed.
pub fn read_input_each(
    input: &Input,
    opts: &ReadOptions,
    each: &mut dyn FnMut(Result<RawDocument, IngestError>),
) {
    if let Input::File(path) = input {
        if let Some(compressed) = warc_kind(path) {
            let name = path.display().to_string();
            match std::fs::File::open(path) {
                Err(e) => each(Err(IngestError::new(name, e.into()))),
                Ok(f) if compressed => {
                    // Record by record, so a corrupt gzip member ends the
                    // archive with an error instead of losing it all.
                    let mut failed = None;
                    let decoder = GzErrorTap::new(
                        flate2::read::MultiGzDecoder::new(BufReader::new(f)),
                        &mut failed,
                    );
                    read_warc(&name, decoder, opts, each);
                    if let Some(e) = failed {
                        each(Err(IngestError::new(name, ErrorKind::Gzip(e))));
                    }
                }
                Ok(f) => read_warc(&name, f, opts, each),
            }
            return;
        }
    }
    for doc in read_single(input, opts) {
        each(doc);
    }
}

/// `Some(compressed)` for a WARC file name.
fn warc_kind(path: &Path) -> Option<bool> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    if name.ends_with(".warc.gz") {
        Some(true)
    } else if name.ends_with(".warc") {
        Some(false)
    } else {
        None
    }
}

/// Passes a reader through, remembering the first error it returned, so
/// the caller can report a corrupt stream after the records read before
/// it have been handed on.
struct GzErrorTap<'a, R> {
    inner: R,
    failed: &'a mut Option<String>,
}

impl<'a, R> GzErrorTap<'a, R> {
    fn new(inner: R, failed: &'a mut Option<String>) -> Self {
        GzErrorTap { inner, failed }
    }
}

impl<R: Read> Read for GzErrorTap<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf).inspect_err(|e| {
            self.failed.get_or_insert_with(|| e.to_string());
        })
    }
}

fn read_single(input: &Input, opts: &ReadOptions) -> Vec<Result<RawDocument, IngestError>> {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            let limited = std::io::stdin()
                .lock()
                .take(opts.max_bytes + 1)
                .read_to_end(&mut bytes);
            vec![limited
                .map_err(|e| IngestError::new("-", e.into()))
                .and_then(|_| check_size("-", bytes.len() as u64, opts))
                .and_then(|_| read_bytes("-", None, &bytes, opts))]
        }
        Input::File(path) if is_jsonl(path) => read_jsonl(path, opts),
        Input::File(path) => vec![read_text_file(path, opts)],
    }
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

fn check_size(name: &str, size: u64, opts: &ReadOptions) -> Result<(), IngestError> {
    if size > opts.max_bytes {
        return Err(IngestError::new(
            name,
            ErrorKind::TooLarge {
                size: human_bytes(size),
                limit: human_bytes(opts.max_bytes),
            },
        ));
    }
    Ok(())
}

fn read_text_file(path: &Path, opts: &ReadOptions) -> Result<RawDocument, IngestError> {
    let name = path.display().to_string();
    let io_err = |e: std::io::Error| IngestError::new(name.clone(), e.into());
    // Check the size before reading, so a huge file is refused without
    // being loaded.
    let size = std::fs::metadata(path).map_err(io_err)?.len();
    check_size(&name, size, opts)?;
    let bytes = std::fs::read(path).map_err(io_err)?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    read_bytes(&name, file_name, &bytes, opts)
}

const GZIP_MAGIC: &[u8] = b"\x1f\x8b";

/// Decompresses gzip data, refusing more than `max_bytes` of output so a
/// small file cannot expand into gigabytes (a gzip bomb).
pub(crate) fn gunzip(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Vec<u8>, IngestError> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(opts.max_bytes + 1)
        .read_to_end(&mut out)
        .map_err(|e| IngestError::new(name, ErrorKind::Gzip(e.to_string())))?;
    if out.len() as u64 > opts.max_bytes {
        return Err(IngestError::new(
            name,
            ErrorKind::TooLarge {
                size: format!("over {} once decompressed", human_bytes(opts.max_bytes)),
                limit: human_bytes(opts.max_bytes),
            },
        ));
    }
    Ok(out)
}

/// Whether a file name says HTML.
fn html_name(file_name: Option<&str>) -> bool {
    let Some(name) = file_name else { return false };
    let lower = name.to_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    [".html", ".htm", ".xhtml", ".shtml"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Decodes one article's bytes (gzip-compressed or not, text or HTML)
/// into a raw document.
pub fn read_bytes(
    name: &str,
    file_name: Option<String>,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<RawDocument, IngestError> {
    let unzipped;
    let bytes = if bytes.starts_with(GZIP_MAGIC) {
        unzipped = gunzip(name, bytes, opts)?;
        &unzipped[..]
    } else {
        bytes
    };
    let markup = if html_name(file_name.as_deref()) || looks_like_html(bytes) {
        Markup::Html
    } else {
        Markup::Text
    };
    let decoded = match markup {
        Markup::Html => decode_html(bytes, None),
        Markup::Text => decode(bytes),
    }
    .map_err(|k| IngestError::new(name, k))?;
    Ok(RawDocument {
        source: name.to_string(),
        file_name,
        text: decoded.text,
        markup,
        encoding: decoded.encoding,
        warnings: decoded.warnings,
        ..RawDocument::default()
    })
}

fn read_jsonl(path: &Path, opts: &ReadOptions) -> Vec<Result<RawDocument, IngestError>> {
    let name = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return vec![Err(IngestError::new(name, e.into()))],
    };
    let mut reader = BufReader::new(file);
    let mut out = Vec::new();
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        number += 1;
        let record_name = format!("{name}:{number}");
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.push(Err(IngestError::new(record_name, e.into())));
                break;
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record = check_size(&record_name, line.len() as u64, opts)
            .and_then(|_| parse_record(&record_name, &line));
        out.push(record);
    }
    out
}

fn parse_record(name: &str, line: &[u8]) -> Result<RawDocument, IngestError> {
    let err = |kind| IngestError::new(name, kind);
    let value: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| err(ErrorKind::Json(e.to_string())))?;
    let obj = value
        .as_object()
        .ok_or_else(|| err(ErrorKind::Json("the line is not a JSON object".into())))?;
    let text_field = |k: &str| {
        obj.get(k)
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let (text, markup) = match (text_field("text"), text_field("html")) {
        (Some(t), _) => (t, Markup::Text),
        (None, Some(h)) => (h, Markup::Html),
        (None, None) => return Err(err(ErrorKind::MissingText)),
    };
    let mut warnings = Vec::new();
    let published = text_field("published").and_then(|raw| match raw.parse::<PartialDate>() {
        Ok(d) => Some(d),
        Err(e) => {
            warnings.push(Diagnostic::warning(
                format!("`published` ignored: {e}"),
                Some("give dates as ISO 8601, such as 2024-11-13"),
            ));
            None
        }
    });
    let authors = match obj.get("authors").or_else(|| obj.get("author")) {
        Some(serde_json::Value::String(s)) => vec![s.trim().to_string()],
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str())
            .map(|s| s.trim().to_string())
            .collect(),
        _ => Vec::new(),
    };
    Ok(RawDocument {
        source: name.to_string(),
        file_name: None,
        text,
        markup,
        page: None,
        encoding: "UTF-8".into(),
        given: GivenMeta {
            url: text_field("url"),
            title: text_field("title"),
            published,
            outlet: text_field("outlet"),
            authors: authors.into_iter().filter(|a| !a.is_empty()).collect(),
            fetched: None,
        },
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_records_are_read_one_by_one_and_bad_lines_do_not_stop_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("batch.jsonl");
        std::fs::write(
            &p,
            concat!(
                "{\"text\": \"Troops crossed the river on Friday.\", \"outlet\": \"Daily\", \"published\": \"2024-11-01\", \"author\": \"A. Writer\"}\n",
                "not json\n",
                "\n",
                "{\"title\": \"no text\"}\n",
                "{\"html\": \"<p>x</p>\"}\n",
                "{\"text\": \"Second story.\", \"published\": \"Nov 1\"}\n",
            ),
        )
        .unwrap();
        let got = read_input(&Input::File(p), &ReadOptions::default());
        assert_eq!(got.len(), 5);
        let first = got[0].as_ref().unwrap();
        assert_eq!(first.given.outlet.as_deref(), Some("Daily"));
        assert_eq!(first.given.authors, ["A. Writer"]);
        assert!(first.source.ends_with("batch.jsonl:1"));
        assert_eq!(got[1].as_ref().unwrap_err().kind.label(), "json");
        assert!(got[1].as_ref().unwrap_err().source_name.ends_with(":2"));
        assert_eq!(got[2].as_ref().unwrap_err().kind.label(), "missing-text");
        assert_eq!(got[3].as_ref().unwrap().markup, Markup::Html);
        let last = got[4].as_ref().unwrap();
        assert_eq!(last.given.published, None);
        assert_eq!(last.warnings.len(), 1);
    }

    #[test]
    fn gzip_pages_are_decompressed_and_bombs_refused() {
        use std::io::Write;
        let page = b"<!doctype html><html><head><meta charset=utf-8></head><body><p>Hello</p></body></html>";
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(page).unwrap();
        let compressed = gz.finish().unwrap();
        let raw = read_bytes(
            "p.html.gz",
            Some("p.html.gz".into()),
            &compressed,
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(raw.markup, Markup::Html);
        assert_eq!(raw.encoding, "UTF-8 (meta charset)");
        let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        bomb.write_all(&vec![b'a'; 5_000_000]).unwrap();
        let bomb = bomb.finish().unwrap();
        assert!(bomb.len() < 20_000);
        let e = read_bytes(
            "bomb.gz",
            None,
            &bomb,
            &ReadOptions {
                max_bytes: 1_000_000,
            },
        )
        .unwrap_err();
        assert_eq!(e.kind.label(), "too-large");
        let e = read_bytes(
            "cut.gz",
            None,
            &compressed[..compressed.len() / 2],
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert_eq!(e.kind.label(), "gzip");
    }

    #[test]
    fn oversized_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        std::fs::write(&p, "a".repeat(2_000)).unwrap();
        let got = read_input(&Input::File(p), &ReadOptions { max_bytes: 1_000 });
        let e = got[0].as_ref().unwrap_err();
        assert_eq!(e.kind.label(), "too-large");
        assert!(e.to_string().contains("2.0 kB"), "{e}");
    }
}
