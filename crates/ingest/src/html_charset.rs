//! Choosing the character encoding of an HTML page: byte-order mark,
//! then the HTTP `Content-Type` charset, then a `<meta>` declaration in the
//! first 4 kB, then the bytes themselves. A declaration the bytes
//! contradict (UTF-8 declared over invalid UTF-8, or a legacy charset
//! declared over valid multi-byte UTF-8) loses to the bytes: pages are
//! mis-declared far more often than they are ambiguous.

use crate::decode::{decode, Decoded};
use crate::ErrorKind;
use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;
use std::sync::LazyLock;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)"#).unwrap()
});

/// The encoding a `<meta>` tag in the first 4 kB declares.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    // A page read as ASCII-compatible bytes cannot really be UTF-16; the
    // HTML standard reads such a declaration as UTF-8.
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            UTF_8
        } else {
            encoding
        },
    )
}

/// Decodes an HTML page. `http_charset` is the charset of an HTTP
/// `Content-Type` header, when the page came with one (WARC records).
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Result<Decoded, ErrorKind> {
    if Encoding::for_bom(bytes).is_some() {
        return decode(bytes);
    }
    let declared = http_charset
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()).map(|e| (e, "HTTP charset")))
        .or_else(|| meta_charset(bytes).map(|e| (e, "meta charset")));
    let Some((encoding, how)) = declared else {
        // Nothing declared: the same detection as for text.
        return decode(bytes);
    };
    let as_utf8 = std::str::from_utf8(bytes);
    let valid_utf8 = as_utf8.is_ok();
    let has_multibyte = bytes.iter().any(|&b| b >= 0x80);
    let contradicted = if encoding == UTF_8 {
        !valid_utf8
    } else {
        encoding.is_ascii_compatible() && valid_utf8 && has_multibyte
    };
    if contradicted {
        let mut detected = decode(bytes)?;
        detected.encoding = format!(
            "{} (declared {} by {how}, contradicted by the bytes)",
            detected.encoding,
            encoding.name()
        );
        return Ok(detected);
    }
    let text = match as_utf8 {
        // Already checked: no need to decode again.
        Ok(text) if encoding == UTF_8 => text.to_owned(),
        _ => encoding.decode(bytes).0.into_owned(),
    };
    Ok(Decoded {
        text,
        encoding: format!("{} ({how})", encoding.name()),
        warnings: Vec::new(),
    })
}

/// Whether bytes look like an HTML page: a doctype, or an `<html>`,
/// `<head>` or `<body>` tag near the start.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    static START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i-u)<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]").unwrap()
    });
    START.is_match(&bytes[..bytes.len().min(2048)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_in_order_of_precedence() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>";
        let d = decode_html(page, None).unwrap();
        assert!(d.text.contains("café"));
        assert_eq!(d.encoding, "windows-1252 (meta charset)");
        let d = decode_html(page, Some("iso-8859-1")).unwrap();
        assert_eq!(d.encoding, "windows-1252 (HTTP charset)");
        let http_equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>caf\xe9";
        assert!(decode_html(http_equiv, None).unwrap().text.contains("café"));
    }

    #[test]
    fn the_bytes_overrule_a_wrong_declaration() {
        let utf8_declared_legacy = "<meta charset=\"iso-8859-1\"><p>Kyiv’s café</p>".as_bytes();
        let d = decode_html(utf8_declared_legacy, None).unwrap();
        assert!(d.text.contains("Kyiv’s café"), "{}", d.text);
        assert!(d.encoding.starts_with("UTF-8 (declared windows-1252"));
        let legacy_declared_utf8 = b"<meta charset=\"utf-8\"><p>The minister\x92s \x93firm\x94 reply came late on Friday night.</p>";
        let d = decode_html(legacy_declared_utf8, None).unwrap();
        assert!(d.text.contains("minister’s “firm”"), "{}", d.text);
    }

    #[test]
    fn html_is_recognised_by_its_start() {
        assert!(looks_like_html(b"  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<!-- saved page --><html lang=en>"));
        assert!(!looks_like_html(b"Troops <b>crossed</b> the river."));
    }
}
