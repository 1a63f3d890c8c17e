use crate::ErrorKind;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use storyline_model::Diagnostic;

/// Text decoded from bytes, with the encoding used and anything worth a
/// warning (replaced bytes).
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: String,
    pub warnings: Vec<Diagnostic>,
}

/// Formats that are certainly not text, by their leading bytes.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"SQLite format 3\0", "SQLite database"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\0", "xz-compressed data"),
];

/// Decodes a document's bytes to text.
///
/// The order is: a byte-order mark; UTF-16 without a mark (recognised by
/// its pattern of zero bytes); valid UTF-8; UTF-8 with a few broken
/// sequences (repaired, with a warning); and otherwise a legacy single-byte
/// or multi-byte encoding guessed by `chardetng`, named in the result.
/// Known binary formats and text full of control characters are refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ErrorKind> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ErrorKind::Empty);
    }
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(ErrorKind::Binary((*what).to_string()));
    }
    let decoded = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        Decoded {
            text: text.into_owned(),
            encoding: format!("{} (BOM)", encoding.name()),
            warnings: Vec::new(),
        }
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        Decoded {
            text: text.into_owned(),
            encoding: encoding.name().to_string(),
            warnings: Vec::new(),
        }
    } else {
        decode_unmarked(bytes)?
    };
    check_text_like(&decoded.text)?;
    Ok(decoded)
}

fn decode_unmarked(bytes: &[u8]) -> Result<Decoded, ErrorKind> {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(ErrorKind::Binary("contains zero bytes".into()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name().to_string(),
            warnings: Vec::new(),
        }),
        Err(first_error) => {
            let (valid_multibyte, invalid) = utf8_sequence_counts(bytes);
            // Text that is mostly good UTF-8 with a few broken sequences (a
            // truncated download, a bad copy and paste) is UTF-8; reading it
            // as windows-1252 would garble every correct character to save a
            // few broken ones.
            if valid_multibyte >= invalid {
                let text = String::from_utf8_lossy(bytes).into_owned();
                let warning = Diagnostic::warning(
                    format!(
                        "{invalid} invalid UTF-8 sequence{} replaced with U+FFFD, the first at byte {}",
                        if invalid == 1 { "" } else { "s" },
                        first_error.valid_up_to()
                    ),
                    Some("re-fetch or re-save the file as UTF-8"),
                );
                return Ok(Decoded {
                    text,
                    encoding: UTF_8.name().to_string(),
                    warnings: vec![warning],
                });
            }
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let encoding = detector.guess(None, false);
            let (text, _, _) = encoding.decode(bytes);
            Ok(Decoded {
                text: text.into_owned(),
                encoding: encoding.name().to_string(),
                warnings: Vec::new(),
            })
        }
    }
}

/// UTF-16 text without a byte-order mark has a zero byte in every other
/// position for Latin script. Checked on a prefix, and only when the zeros
/// are overwhelmingly on one side, so binary data is not mistaken for it.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let prefix = &bytes[..bytes.len().min(4096) & !1];
    if prefix.len() < 8 {
        return None;
    }
    let pairs = prefix.len() / 2;
    let even_zeros = prefix.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zeros = prefix
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zeros * 10 >= pairs * 7 && even_zeros == 0 {
        Some(UTF_16LE)
    } else if even_zeros * 10 >= pairs * 7 && odd_zeros == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Counts well-formed multi-byte UTF-8 sequences and invalid ones.
fn utf8_sequence_counts(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid_multibyte, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => {
                valid_multibyte += rest.chars().filter(|c| !c.is_ascii()).count();
                return (valid_multibyte, invalid);
            }
            Err(e) => {
                let (good, after) = bytes.split_at(e.valid_up_to());
                valid_multibyte += std::str::from_utf8(good)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                bytes = &after[skip.min(after.len())..];
            }
        }
    }
}

/// The longest stretch of characters with no space, line break or
/// sentence punctuation accepted in text. Every script's prose has one of
/// these within a few hundred characters (Chinese and Thai have no spaces
/// between words but break clauses with punctuation and paragraphs with
/// line breaks); binary data decoded as some single-byte encoding does
/// not.
const MAX_UNBROKEN_RUN: usize = 2_000;

/// Refuses decoded "text" that is really binary: more than one in a
/// hundred characters a control character other than tab, newline,
/// carriage return or form feed; more than one in ten a replacement for
/// bytes that decode to nothing (with at least 16 of them, so one broken
/// sequence in a short text stays a warning); or a run of characters
/// longer than [`MAX_UNBROKEN_RUN`] with nothing that separates words or
/// clauses.
fn check_text_like(text: &str) -> Result<(), ErrorKind> {
    let mut total = 0usize;
    let mut control = 0usize;
    let mut replaced = 0usize;
    let mut run = 0usize;
    let mut longest_run = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            control += 1;
        }
        if c == '\u{fffd}' {
            replaced += 1;
        }
        if separates(c) {
            run = 0;
        } else {
            run += 1;
            longest_run = longest_run.max(run);
        }
    }
    if total > 0 && control * 100 > total {
        return Err(ErrorKind::Binary(format!(
            "{}% control characters",
            control * 100 / total
        )));
    }
    if replaced >= 16 && replaced * 10 > total {
        return Err(ErrorKind::Binary(format!(
            "{}% of the bytes decode to no character",
            replaced * 100 / total
        )));
    }
    // Markup legitimately holds long runs (minified scripts, images
    // inlined as base64); the rule is for text.
    if longest_run > MAX_UNBROKEN_RUN && !looks_like_markup(text) {
        return Err(ErrorKind::Binary(format!(
            "over {MAX_UNBROKEN_RUN} characters with no space, line break or punctuation"
        )));
    }
    Ok(())
}

/// True when the start of the text has a tag: `<` then a letter, `/` or
/// `!`.
fn looks_like_markup(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(65_536)];
    head.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!')))
}

/// Characters that break a run of text: ASCII white space, the
/// ideographic space, and sentence and clause punctuation of the major
/// scripts.
fn separates(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\x0c'
            | '\u{3000}'
            | '.'
            | ','
            | ';'
            | '!'
            | '?'
            | '。'
            | '，'
            | '、'
            | '！'
            | '？'
            | '；'
            | '．'
            | '،'
            | '؟'
            | '।'
            | '။'
            | '።'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_supported_encoding() {
        let cases: &[(&[u8], &str, &str)] = &[
            (b"Kyiv talks", "Kyiv talks", "UTF-8"),
            ("Kyiv’s talks".as_bytes(), "Kyiv’s talks", "UTF-8"),
            (b"\xef\xbb\xbfKyiv", "Kyiv", "UTF-8 (BOM)"),
            (b"\xff\xfeK\0y\0i\0v\0", "Kyiv", "UTF-16LE (BOM)"),
            (b"\xfe\xff\0K\0y\0i\0v", "Kyiv", "UTF-16BE (BOM)"),
            (b"K\0y\0i\0v\0 \0t\0a\0l\0k\0s\0", "Kyiv talks", "UTF-16LE"),
        ];
        for (bytes, text, encoding) in cases {
            let d = decode(bytes).unwrap();
            assert_eq!((d.text.as_str(), d.encoding.as_str()), (*text, *encoding));
            assert!(d.warnings.is_empty());
        }
    }

    #[test]
    fn windows_1252_is_detected_and_named() {
        let bytes =
            b"The minister\x92s \x93firm\x94 reply came at the caf\xe9 \x96 late on Friday.";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(
            d.text,
            "The minister’s “firm” reply came at the café – late on Friday."
        );
    }

    #[test]
    fn mostly_utf8_with_a_broken_sequence_is_repaired_with_a_warning() {
        let mut bytes = "Kyiv’s “forces” held the line ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xe2\x80 and more.");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains('\u{fffd}'));
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].message.contains("1 invalid UTF-8 sequence"));
    }

    #[test]
    fn refuses_binary_and_empty_input() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(ErrorKind::Binary(_))
        ));
        assert!(matches!(
            decode(b"abc\0\x01\x02def"),
            Err(ErrorKind::Binary(_))
        ));
        assert!(matches!(
            decode(b"\x01\x02\x03\x04\x05 text"),
            Err(ErrorKind::Binary(_))
        ));
        assert!(matches!(decode(b""), Err(ErrorKind::Empty)));
        assert!(matches!(decode(b" \n\t "), Err(ErrorKind::Empty)));
    }

    /// Pseudo-random bytes, the same on every run.
    fn noise(n: usize, low: u8, high: u8) -> Vec<u8> {
        let mut x: u32 = 0x2545_f491;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                low + (x % u32::from(high - low + 1)) as u8
            })
            .collect()
    }

    /// 20 KB of high bytes without a zero byte was read as one "word" of
    /// Thai and stored as a document.
    #[test]
    fn non_text_bytes_without_zero_bytes_are_binary() {
        const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let base64: Vec<u8> = noise(20_000, 0, 63)
            .into_iter()
            .map(|i| BASE64[i as usize])
            .collect();
        for bytes in [noise(20_000, 0x80, 0xff), noise(20_000, 0xa1, 0xfe), base64] {
            assert!(
                matches!(decode(&bytes), Err(ErrorKind::Binary(_))),
                "{:?}",
                decode(&bytes).map(|d| d.encoding)
            );
        }
    }

    /// A page with an image inlined as base64 was refused as binary.
    #[test]
    fn markup_with_a_long_inline_image_is_still_text() {
        let page = format!(
            "<html><body><p>Text.</p><img src=\"data:image/png;base64,{}\"></body></html>",
            "QUJD".repeat(2_000)
        );
        assert!(decode(page.as_bytes()).is_ok());
    }

    #[test]
    fn long_text_in_scripts_without_spaces_is_still_text() {
        let chinese = "港口管理局周一表示，风暴过后有三百个集装箱滞留在港口。".repeat(200);
        let thai = "การประชุมจะจัดขึ้นในวันจันทร์ ".repeat(300);
        for text in [chinese, thai] {
            assert!(decode(text.as_bytes()).is_ok());
        }
    }
}
