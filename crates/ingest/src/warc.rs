//! WARC files (`.warc`, `.warc.gz`), as in Common Crawl's news archive:
//! response records hold HTTP responses whose bodies are pages; request,
//! metadata and other records are skipped. Records are read one at a time,
//! so an archive of any size is read in bounded memory.

use crate::error::human_bytes;
use crate::read::{gunzip, ReadOptions};
use crate::{decode_html, ErrorKind, GivenMeta, IngestError, Markup, RawDocument};
use std::io::{BufRead, BufReader, Read};
use storyline_model::PartialDate;

/// The longest header line accepted; a longer one means the reader is not
/// at a record boundary.
const MAX_HEADER_LINE: usize = 64 * 1024;

struct RecordHeader {
    kind: String,
    length: u64,
    target: Option<String>,
    content_type: String,
    /// The day the crawler captured the record (`WARC-Date`).
    date: Option<PartialDate>,
}

/// Reads every response record of a WARC stream, calling `each` with a
/// raw HTML document or an error. A broken record is reported and the
/// reader resynchronises on the next `WARC/` line.
pub fn read_warc<R: Read>(
    name: &str,
    reader: R,
    opts: &ReadOptions,
    each: &mut dyn FnMut(Result<RawDocument, IngestError>),
) {
    let mut reader = Pushback::new(BufReader::new(reader));
    let mut number = 0usize;
    let mut offset = 0u64;
    loop {
        let record_start = offset;
        let header = match read_header(&mut reader, &mut offset) {
            Ok(Some(h)) => h,
            Ok(None) => return,
            Err(e) => {
                each(Err(IngestError::new(
                    format!("{name}@{record_start}"),
                    ErrorKind::Warc(e),
                )));
                if !resync(&mut reader, &mut offset) {
                    return;
                }
                continue;
            }
        };
        number += 1;
        let record_name = format!("{name}#{number}");
        if header.length > opts.max_bytes {
            if skip(&mut reader, header.length, &mut offset).is_err() {
                each(Err(IngestError::new(
                    record_name,
                    ErrorKind::WarcEnd(format!(
                        "the record declares {} but the archive ends first",
                        human_bytes(header.length)
                    )),
                )));
                return;
            }
            if header.kind == "response" {
                each(Err(IngestError::new(
                    record_name,
                    ErrorKind::TooLarge {
                        size: human_bytes(header.length),
                        limit: human_bytes(opts.max_bytes),
                    },
                )));
            }
            continue;
        }
        let mut block = Vec::new();
        if let Err(e) = (&mut reader).take(header.length).read_to_end(&mut block) {
            each(Err(IngestError::new(
                record_name,
                ErrorKind::WarcEnd(format!("cannot read the record: {e}")),
            )));
            return;
        }
        offset += block.len() as u64;
        let complete = block.len() as u64 == header.length;
        if !complete || !record_or_end_follows(&mut reader) {
            // The declared length does not end where a record ends. When
            // the next record's header is inside what was read, the
            // length ran over it: this record is reported and reading
            // goes on from there instead of losing the records it
            // swallowed.
            if let Some(start) = embedded_record_start(&block) {
                let swallowed = block.split_off(start);
                offset -= swallowed.len() as u64;
                reader.unread(&swallowed);
                each(Err(IngestError::new(
                    record_name,
                    ErrorKind::Warc(format!(
                        "Content-Length {} runs past the end of the record (the next record starts {start} bytes in)",
                        header.length
                    )),
                )));
                continue;
            }
            if !complete {
                each(Err(IngestError::new(
                    record_name,
                    ErrorKind::WarcEnd(format!(
                        "the record declares {} bytes, the archive holds {}",
                        header.length,
                        block.len()
                    )),
                )));
                return;
            }
        }
        let is_http_response = header.kind == "response"
            && header
                .content_type
                .to_lowercase()
                .contains("application/http");
        if !is_http_response {
            continue;
        }
        match http_page(&record_name, &block, opts) {
            Ok(Some(page)) => {
                let doc = decode_html(&page.body, page.charset.as_deref())
                    .map(|decoded| RawDocument {
                        source: record_name.clone(),
                        text: decoded.text,
                        markup: Markup::Html,
                        encoding: decoded.encoding,
                        given: GivenMeta {
                            url: header.target.clone(),
                            // The crawler's capture time comes first; the
                            // server's Date header stands in for it when
                            // the record does not carry one.
                            fetched: header.date.or(page.date),
                            ..GivenMeta::default()
                        },
                        warnings: decoded.warnings,
                        ..RawDocument::default()
                    })
                    .map_err(|k| IngestError::new(record_name.clone(), k));
                each(doc);
            }
            // Not an HTML page (an image, a redirect, a PDF): not an article.
            Ok(None) => {}
            Err(e) => each(Err(e)),
        }
    }
}

fn read_line(reader: &mut impl BufRead, offset: &mut u64) -> Result<Option<String>, String> {
    let mut line = Vec::new();
    let n = reader
        .by_ref()
        .take(MAX_HEADER_LINE as u64)
        .read_until(b'\n', &mut line)
        .map_err(|e| e.to_string())?;
    *offset += n as u64;
    if n == 0 {
        return Ok(None);
    }
    if line.len() >= MAX_HEADER_LINE && !line.ends_with(b"\n") {
        return Err("header line too long".into());
    }
    Ok(Some(String::from_utf8_lossy(&line).trim_end().to_string()))
}

/// Reads one record header; `None` at the end of the stream.
fn read_header(
    reader: &mut impl BufRead,
    offset: &mut u64,
) -> Result<Option<RecordHeader>, String> {
    // Blank lines separate records.
    let version = loop {
        match read_line(reader, offset)? {
            None => return Ok(None),
            Some(l) if l.is_empty() => continue,
            Some(l) => break l,
        }
    };
    if !version.starts_with("WARC/") {
        return Err(format!(
            "expected a WARC record, found `{}`",
            version.chars().take(40).collect::<String>()
        ));
    }
    let mut header = RecordHeader {
        kind: String::new(),
        length: 0,
        target: None,
        content_type: String::new(),
        date: None,
    };
    let mut has_length = false;
    loop {
        let Some(line) = read_line(reader, offset)? else {
            return Err("end of file inside a record header".into());
        };
        if line.is_empty() {
            break;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "warc-type" => header.kind = value.to_ascii_lowercase(),
            "content-length" => {
                header.length = value
                    .parse()
                    .map_err(|_| format!("bad Content-Length `{value}`"))?;
                has_length = true;
            }
            "warc-target-uri" => header.target = Some(value.trim_matches(['<', '>']).to_string()),
            "content-type" => header.content_type = value.to_string(),
            // An unreadable date is dropped rather than failing the
            // record: the page is still worth reading without it.
            "warc-date" => {
                header.date = value.parse().ok().filter(|d: &PartialDate| d.day.is_some())
            }
            _ => {}
        }
    }
    if !has_length {
        return Err("record without Content-Length".into());
    }
    Ok(Some(header))
}

/// Looks at what follows a record's block without consuming it: true
/// when it is the end of the stream or blank lines and then `WARC/`.
fn record_or_end_follows<R: BufRead>(reader: &mut Pushback<R>) -> bool {
    let mut ahead = Vec::new();
    // Enough for the separating blank lines and the version's start.
    if (&mut *reader).take(16).read_to_end(&mut ahead).is_err() {
        return false;
    }
    reader.unread(&ahead);
    let rest: &[u8] = {
        let skip = ahead
            .iter()
            .position(|b| !matches!(b, b'\r' | b'\n'))
            .unwrap_or(ahead.len());
        &ahead[skip..]
    };
    rest.is_empty() || rest.starts_with(b"WARC/") || b"WARC/".starts_with(rest)
}

/// Where a record header begins inside a block read with a wrong length:
/// a `WARC/1.` line right after a blank line, as records are separated.
fn embedded_record_start(block: &[u8]) -> Option<usize> {
    [&b"\r\n\r\nWARC/1."[..], &b"\n\nWARC/1."[..]]
        .iter()
        .filter_map(|pattern| find(block, pattern).map(|at| at + pattern.len() - b"WARC/1.".len()))
        .min()
}

/// A reader that can be given back bytes it already produced, so that a
/// record header found inside an over-long record is read again as a
/// header.
struct Pushback<R> {
    front: Vec<u8>,
    at: usize,
    inner: R,
}

impl<R: BufRead> Pushback<R> {
    fn new(inner: R) -> Self {
        Pushback {
            front: Vec::new(),
            at: 0,
            inner,
        }
    }

    /// Puts `bytes` back in front of what is still to be read.
    fn unread(&mut self, bytes: &[u8]) {
        let mut front = bytes.to_vec();
        front.extend_from_slice(&self.front[self.at..]);
        self.front = front;
        self.at = 0;
    }
}

impl<R: BufRead> Read for Pushback<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at < self.front.len() {
            let n = buf.len().min(self.front.len() - self.at);
            buf[..n].copy_from_slice(&self.front[self.at..self.at + n]);
            self.consume(n);
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

impl<R: BufRead> BufRead for Pushback<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.at < self.front.len() {
            return Ok(&self.front[self.at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        if self.at < self.front.len() {
            self.at += n;
            if self.at >= self.front.len() {
                self.front.clear();
                self.at = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }
}

/// Skips to the next line that starts a record. Returns false at the end.
fn resync(reader: &mut impl BufRead, offset: &mut u64) -> bool {
    loop {
        let buf = match reader.fill_buf() {
            Ok([]) | Err(_) => return false,
            Ok(b) => b,
        };
        if buf.starts_with(b"WARC/") {
            return true;
        }
        // Drop the rest of this line.
        let n = buf
            .iter()
            .position(|&b| b == b'\n')
            .map_or(buf.len(), |p| p + 1);
        reader.consume(n);
        *offset += n as u64;
    }
}

fn skip(reader: &mut impl Read, n: u64, offset: &mut u64) -> std::io::Result<()> {
    let copied = std::io::copy(&mut reader.take(n), &mut std::io::sink())?;
    *offset += copied;
    if copied < n {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    Ok(())
}

/// The body of an HTTP response holding HTML, and its declared charset.
struct HttpPage {
    body: Vec<u8>,
    charset: Option<String>,
    /// The day in the response's `Date` header.
    date: Option<PartialDate>,
}

/// The page in an HTTP response, or `None` when it holds something else.
fn http_page(
    name: &str,
    block: &[u8],
    opts: &ReadOptions,
) -> Result<Option<HttpPage>, IngestError> {
    let err = |msg: &str| IngestError::new(name, ErrorKind::Warc(msg.to_string()));
    let split = find(block, b"\r\n\r\n")
        .map(|p| (p, 4))
        .or_else(|| find(block, b"\n\n").map(|p| (p, 2)))
        .ok_or_else(|| err("HTTP response without a header end"))?;
    let head = String::from_utf8_lossy(&block[..split.0]);
    let mut body = block[split.0 + split.1..].to_vec();
    let mut lines = head.lines();
    let status = lines.next().unwrap_or_default();
    if !status.starts_with("HTTP/") {
        return Err(err("record does not hold an HTTP response"));
    }
    let code: u16 = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let (mut media_type, mut charset, mut chunked, mut gzip) = (String::new(), None, false, false);
    let mut date = None;
    for line in lines {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "content-type" => {
                let mut parts = value.split(';');
                media_type = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
                charset = parts
                    .filter_map(|p| p.trim().split_once('='))
                    .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
                    .map(|(_, v)| v.trim().trim_matches('"').to_string());
            }
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => {
                gzip = matches!(value.to_ascii_lowercase().as_str(), "gzip" | "x-gzip")
            }
            "date" => date = http_date(value),
            _ => {}
        }
    }
    let html =
        media_type.is_empty() || media_type == "text/html" || media_type == "application/xhtml+xml";
    if !html {
        return Ok(None);
    }
    if chunked {
        body = dechunk(&body).ok_or_else(|| err("bad chunked transfer encoding"))?;
    }
    if gzip {
        body = gunzip(name, &body, opts)?;
    }
    Ok(Some(HttpPage {
        body,
        charset,
        date,
    }))
}

/// The day of an HTTP `Date` header: `Tue, 19 Nov 2019 10:00:00 GMT`
/// (the form servers send) or the older asctime form `Tue Nov 19 10:00:00
/// 2019`. The obsolete RFC 850 form has a two-digit year and is not read,
/// since its century would be a guess.
fn http_date(value: &str) -> Option<PartialDate> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let (mut day, mut month, mut year) = (None, None, None);
    for token in value.split([' ', ',']).filter(|t| !t.is_empty()) {
        let lower = token.to_ascii_lowercase();
        if let Some(m) = MONTHS.iter().position(|m| *m == lower) {
            month = Some(m as u32 + 1);
        } else if token.bytes().all(|b| b.is_ascii_digit()) {
            match token.len() {
                1 | 2 if day.is_none() => day = token.parse().ok(),
                4 => year = token.parse().ok(),
                _ => {}
            }
        }
    }
    PartialDate::ymd(year?, month?, day?)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Undoes HTTP chunked transfer encoding.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, content_type: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn http(headers: &str, body: &[u8]) -> Vec<u8> {
        let mut r = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
        r.extend_from_slice(body);
        r
    }

    fn read_all(bytes: &[u8]) -> Vec<Result<RawDocument, IngestError>> {
        let mut out = Vec::new();
        read_warc("a.warc", bytes, &ReadOptions::default(), &mut |d| {
            out.push(d)
        });
        out
    }

    #[test]
    fn response_records_become_pages_and_others_are_skipped() {
        let mut warc = record(
            "warcinfo",
            "application/warc-fields",
            "",
            b"software: test\r\n",
        );
        warc.extend(record(
            "request",
            "application/http; msgtype=request",
            "https://example.org/a",
            b"GET /a HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "application/http; msgtype=response",
            "https://example.org/a",
            &http(
                "Content-Type: text/html; charset=windows-1252\r\n",
                b"<html><body><p>caf\xe9</p></body></html>",
            ),
        ));
        warc.extend(record(
            "response",
            "application/http; msgtype=response",
            "https://example.org/logo.png",
            &http("Content-Type: image/png\r\n", b"\x89PNG"),
        ));
        warc.extend(record(
            "response",
            "application/http; msgtype=response",
            "https://example.org/b",
            &http(
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                b"5\r\n<p>ab\r\n4\r\nc</p\r\n1\r\n>\r\n0\r\n\r\n",
            ),
        ));
        let got = read_all(&warc);
        assert_eq!(got.len(), 2, "{got:?}");
        let first = got[0].as_ref().unwrap();
        assert!(first.text.contains("café"));
        assert_eq!(first.encoding, "windows-1252 (HTTP charset)");
        assert_eq!(first.given.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(first.markup, Markup::Html);
        assert_eq!(got[1].as_ref().unwrap().text, "<p>abc</p>");
    }

    #[test]
    fn the_fetch_day_is_the_warc_date_or_else_the_http_date() {
        let with_warc_date = |date: &str, block: &[u8]| {
            let r = record(
                "response",
                "application/http; msgtype=response",
                "https://example.org/a",
                block,
            );
            let text = String::from_utf8(r).unwrap();
            text.replacen("WARC-Type", &format!("WARC-Date: {date}\r\nWARC-Type"), 1)
                .into_bytes()
        };
        let page = http(
            "Content-Type: text/html\r\nDate: Tue, 19 Nov 2019 23:10:00 GMT\r\n",
            b"<p>x</p>",
        );
        let mut warc = with_warc_date("2019-11-20T07:00:00Z", &page);
        warc.extend(record(
            "response",
            "application/http; msgtype=response",
            "https://example.org/b",
            &page,
        ));
        warc.extend(with_warc_date(
            "not a date",
            &http("Content-Type: text/html\r\n", b"<p>y</p>"),
        ));
        let got = read_all(&warc);
        let fetched: Vec<Option<String>> = got
            .iter()
            .map(|d| d.as_ref().unwrap().given.fetched.map(|f| f.to_string()))
            .collect();
        assert_eq!(
            fetched,
            [Some("2019-11-20".into()), Some("2019-11-19".into()), None]
        );
        assert_eq!(
            http_date("Sun Nov  6 08:49:37 1994"),
            PartialDate::ymd(1994, 11, 6)
        );
        assert_eq!(http_date("Sunday, 06-Nov-94 08:49:37 GMT"), None);
    }

    #[test]
    fn a_broken_record_in_the_middle_is_reported_and_the_rest_read() {
        let page = |u: &str| {
            record(
                "response",
                "application/http",
                u,
                &http("Content-Type: text/html\r\n", b"<p>x</p>"),
            )
        };
        let mut warc = page("https://example.org/1");
        warc.extend(
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\ngarbage\r\n".iter(),
        );
        warc.extend(page("https://example.org/3"));
        let got = read_all(&warc);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].is_ok() && got[2].is_ok());
        assert!(got[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("Content-Length"));
    }

    /// A record whose Content-Length was larger than the record swallowed
    /// the records after it, while the hint said they had been read.
    #[test]
    fn an_over_long_content_length_loses_only_its_own_record() {
        let page = |u: &str| {
            record(
                "response",
                "application/http",
                u,
                &http("Content-Type: text/html\r\n", b"<p>x</p>"),
            )
        };
        // Record 2 declares more bytes than it has: 60 more (inside the
        // next record) or 5,000 more (past the end of the archive).
        let liar = |extra: usize| {
            let block = http("Content-Type: text/html\r\n", b"<p>x</p>");
            let mut r = format!(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/2\r\nContent-Type: application/http\r\nContent-Length: {}\r\n\r\n",
                block.len() + extra
            )
            .into_bytes();
            r.extend_from_slice(&block);
            r.extend_from_slice(b"\r\n\r\n");
            r
        };
        for (tail, extra) in [(1, 60), (3, 60), (1, 5000), (3, 5000)] {
            let mut warc = page("https://example.org/1");
            warc.extend(liar(extra));
            for i in 0..tail {
                warc.extend(page(&format!("https://example.org/{}", 3 + i)));
            }
            let got = read_all(&warc);
            let ok: Vec<String> = got
                .iter()
                .filter_map(|r| r.as_ref().ok())
                .map(|d| d.given.url.clone().unwrap())
                .collect();
            let expected: Vec<String> = [1]
                .into_iter()
                .chain(3..3 + tail)
                .map(|i| format!("https://example.org/{i}"))
                .collect();
            assert_eq!(ok, expected, "{tail} {extra}: {got:?}");
            let errors: Vec<String> = got
                .iter()
                .filter_map(|r| r.as_ref().err())
                .map(|e| e.to_string())
                .collect();
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert!(
                errors[0].contains("runs past the end of the record"),
                "{errors:?}"
            );
        }
    }

    #[test]
    fn a_truncated_archive_ends_with_an_error() {
        let full = record(
            "response",
            "application/http",
            "https://example.org/1",
            &http("", b"<p>x</p>"),
        );
        let got = read_all(&full[..full.len() - 10]);
        assert_eq!(got.len(), 1);
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("ends inside a record"));
    }
}
