//! A document through every stage: extraction and cleaning, the language
//! backbone, the recognisers and coding. The library the binary calls for
//! each document (and benchmarks and future bindings can call); reading
//! inputs in batches, progress and the store stay with the binary.
//!
//! Nothing here reads files: the knowledge base and verb dictionary come
//! in [`BuildOptions`], already loaded.

use storyline_clean::build_document;
use storyline_code::Verbs;
use storyline_html::HtmlLimits;
use storyline_ingest::IngestError;
use storyline_kb::Kb;
use storyline_model::{Diagnostic, Document, PartialDate, RawDocument};

/// How raw documents become annotated documents.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub limits: HtmlLimits,
    pub time: storyline_time::Options,
    /// The knowledge base with the user's files; `None` is the shipped one.
    pub kb: Option<&'static Kb>,
    /// The verb dictionary with the user's files; `None` is the shipped one.
    pub verbs: Option<&'static Verbs>,
}

/// Turns a raw document into a clean document: HTML extracted first,
/// then cleaned. No recognisers run; `eval aeb` measures just this.
pub fn extract_document(raw: RawDocument, limits: &HtmlLimits) -> Result<Document, Failure> {
    let source = raw.source.clone();
    let raw = storyline_html::extract(raw, limits).map_err(|e| Failure {
        source: source.clone(),
        reason: e.to_string(),
        hint: e.hint().to_string(),
    })?;
    build_document(raw).map_err(|e| Failure {
        source,
        reason: e.to_string(),
        hint: e.hint().to_string(),
    })
}

/// Turns a raw document into an annotated document: extraction and
/// cleaning, then the recognisers. Shared by every command that reads
/// input.
pub fn build(raw: RawDocument, opts: &BuildOptions) -> Result<Document, Failure> {
    let mut doc = extract_document(raw, &opts.limits)?;
    run_backbone(&mut doc);
    doc.quantities = storyline_quantity::annotate(&doc.text);
    let (times, dates) =
        storyline_time::annotate(&doc.text, &doc.sentences, doc.published, &opts.time);
    doc.times = times;
    doc.sentence_dates = dates;
    let kb = opts.kb.unwrap_or_else(Kb::builtin);
    // A publication month or year stands for its first day: offices are
    // resolved at the start of the period the article is known to be in.
    let date = doc.published.as_ref().and_then(PartialDate::first_day);
    doc.entities = storyline_kb::annotate(
        kb,
        &doc.text,
        &doc.sentences,
        date,
        storyline_kb::Parsed {
            tokens: &doc.tokens,
            ner: &doc.ner,
        },
    );
    let verbs = opts.verbs.unwrap_or_else(Verbs::builtin);
    storyline_code::annotate(verbs, &mut doc);
    Ok(doc)
}

/// Tokens, tags, lemmas, the dependency parse and named-entity spans of
/// an English document (or one too short to tell its language); other
/// languages get a warning instead of a parse the English model would get
/// wrong.
pub fn run_backbone(doc: &mut Document) {
    if let Some(lang) = doc.language.as_deref().filter(|l| *l != "en") {
        doc.diagnostics.push(Diagnostic::warning(
            format!("the text reads as language `{lang}`: no tokens, parse or named entities"),
            Some("the language backbone is English only; the other stages still ran"),
        ));
        return;
    }
    let backbone = match storyline_nlp::Backbone::shared() {
        Ok(b) => b,
        Err(e) => {
            doc.diagnostics.push(Diagnostic::warning(
                format!("the language backbone could not load: {e}"),
                Some("this build's model files are damaged; reinstall storyline"),
            ));
            return;
        }
    };
    let annotation = backbone.annotate_paragraphs(&doc.text);
    doc.tokens = annotation.tokens;
    doc.ner = annotation.ner;
    if let Some(at) = annotation.truncated_at {
        doc.diagnostics.push(Diagnostic::warning(
            format!(
                "parsed only the first {} tokens; the text from character {at} on has no tokens",
                storyline_nlp::MAX_TOKENS
            ),
            Some("split very long inputs into articles"),
        ));
    }
}

/// One document that could not be read, with why and what to do.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Failure {
    pub source: String,
    pub reason: String,
    pub hint: String,
}

impl Failure {
    /// The failure as one line of the error stream, `failed: SOURCE:
    /// REASON (hint: HINT)`, with control characters escaped: a file name
    /// with a newline in it cannot start a line of its own and forge
    /// another report.
    pub fn line(&self) -> String {
        format!(
            "failed: {}: {} (hint: {})",
            one_line(&self.source),
            one_line(&self.reason),
            one_line(&self.hint)
        )
    }

    pub fn from_ingest(e: &IngestError) -> Self {
        Failure {
            source: e.source_name.clone(),
            reason: e.kind.to_string(),
            hint: e.kind.hint().to_string(),
        }
    }
}

/// Text for one line of a report: control characters (newlines, carriage
/// returns, escapes that move a terminal's cursor) written as escapes.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod report_line_tests {
    use super::*;

    /// A file named with a newline printed its name raw, so the file could
    /// forge a `failed:` line of its own in the report.
    #[test]
    fn a_newline_in_a_file_name_cannot_forge_a_report_line() {
        let f = Failure {
            source: "evil.txt\nfailed: other.txt: forged".into(),
            reason: "empty input".into(),
            hint: "the file has no text\r".into(),
        };
        let line = f.line();
        assert_eq!(line.lines().count(), 1, "{line}");
        assert!(
            line.starts_with("failed: evil.txt\\nfailed: other.txt"),
            "{line}"
        );
        assert_eq!(one_line("plain"), "plain");
        assert_eq!(one_line("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
    }
}
