//! Reading and writing answers documents, with serde at every boundary:
//! JSON text through `serde_json`, and (features `ui`, `js`) JavaScript
//! values through `serde-wasm-bindgen` ([`js`]). Both go through
//! `serde_path_to_error`, so that a refused document names the offending
//! path in the contract's form (`conditions.malignancy[1].date`).
//!
//! What the contract refuses beyond a plain derive (an object given as an
//! array, a date not exactly `YYYY-MM-DD`, NaN and the infinities, unknown
//! fields) is said by the answer types themselves
//! ([`crate::engine::answers`]); nothing here parses a second time.

use std::fmt;

#[cfg(any(feature = "ui", feature = "js"))]
pub mod js;

use crate::engine::answers::Answers;

/// The largest answers document read, in bytes of JSON (1 MB): a file
/// chosen in "Load answers", a `misle:prefill` message, an `evaluate`
/// argument. Larger ones are refused unread.
pub const MAX_BYTES: usize = 1_000_000;

/// How many characters of a value a message quotes; longer values are cut
/// there and their length is given.
const QUOTED: usize = 40;

/// The longest message: one that is longer still (a quoted value holding
/// its own quote character, which [`clip_quotes`] cannot see the end of)
/// keeps its start and its end.
const MAX_MESSAGE: usize = 300;

/// A structurally invalid answers document: not JSON, a wrong type, an
/// unknown field, a bad date string, an unknown word, or too large.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    path: String,
    message: String,
}

impl Error {
    /// An error at `path` ("" for the document itself). Every value the
    /// message quotes is cut to its first characters, so that a 10 MB string
    /// never becomes a 10 MB message.
    pub(crate) fn new(path: impl Into<String>, message: &str) -> Error {
        Error { path: path.into(), message: cap(&clip_quotes(message)) }
    }

    /// The answer path of the offending value (`patient.weight_kg`,
    /// `conditions.malignancy[1].date`); empty for the document itself.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong (`invalid type: string "heavy", expected f64`).
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The error of a serde deserializer wrapped by `serde_path_to_error`:
    /// its path in the contract's form, and its message.
    pub(crate) fn at<E: fmt::Display>(e: &serde_path_to_error::Error<E>) -> Error {
        let words = e.inner().to_string();
        // serde-wasm-bindgen's errors are JavaScript `Error`s, shown with
        // their class name first.
        let words = words.strip_prefix("Error: ").unwrap_or(&words);
        Error::new(contract_path(e.path()), words)
    }

    /// An answers document of `size` bytes (or more, `at_least`), larger
    /// than [`MAX_BYTES`], refused unread.
    #[must_use]
    pub fn too_large(size: usize, at_least: bool) -> Error {
        // One decimal, rounded down, without a float printer.
        let tenths = size / 100_000;
        let mb = format!("{}.{}", tenths / 10, tenths % 10);
        let size = if at_least { format!("more than {mb} MB") } else { format!("{mb} MB") };
        Error::new("", &format!("the document is {size}; an answers document is at most 1 MB, so it was not read"))
    }
}

impl Error {
    /// The error as [`Display`](fmt::Display) shows it, naming `document`
    /// (`bundle`, `response`) rather than `answers` when it is about the
    /// document itself.
    #[must_use]
    pub fn about(&self, document: &str) -> String {
        if self.path.is_empty() {
            format!("{document}: {}", self.message)
        } else {
            self.to_string()
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "answers: {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}

/// Reads answers from JSON text.
///
/// # Errors
/// When the text is not JSON (`answers: not valid JSON: key must be a
/// string at line 1 column 2`) or is structurally invalid
/// (`patient.weight_kg: invalid type: string "heavy", expected f64`).
/// Reading takes time linear in the text's length; callers that take text
/// from outside limit it to [`MAX_BYTES`] first (see [`Error::too_large`]).
pub fn from_json(text: &str) -> Result<Answers, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let answers = serde_path_to_error::deserialize(&mut de).map_err(|e| json_error(&e))?;
    de.end().map_err(|e| Error::new("", &format!("not valid JSON: {e}")))?;
    Ok(answers)
}

/// Reads answers from a JSON value tree (the page builds one from what was
/// typed; FHIR answers are turned into one).
///
/// # Errors
/// When the document is structurally invalid, naming the path.
pub fn from_json_value(value: serde_json::Value) -> Result<Answers, Error> {
    serde_path_to_error::deserialize(value).map_err(|e| Error::at(&e))
}

/// A serde_json error as the contract words it: a data error names its
/// path (without the position, which the path replaces); a syntax error
/// keeps its line and column, and names the path where the text broke off
/// when there is one.
fn json_error(e: &serde_path_to_error::Error<serde_json::Error>) -> Error {
    let inner = e.inner();
    if inner.is_data() {
        let position = format!(" at line {} column {}", inner.line(), inner.column());
        let words = inner.to_string();
        let mut error = Error::at(e);
        if let Some(bare) = words.strip_suffix(&position) {
            error.message = cap(&clip_quotes(bare));
        }
        error
    } else {
        let mut error = Error::at(e);
        error.message = cap(&clip_quotes(&format!("not valid JSON: {inner}")));
        error
    }
}

/// The answers as indented JSON text (the "save answers" file), absent
/// answers left out. Reads back with [`from_json`] to the same answers, for
/// every document that [`from_json`] accepts. (A date whose year is outside
/// 0000..=9999, possible only from Rust, is written as chrono shows it,
/// `+12345-01-01`, which [`from_json`] refuses naming its path.)
#[must_use]
pub fn to_json(answers: &Answers) -> String {
    // Cannot fail: every map key is a string and every number finite once
    // read (serde_json would write a non-finite one as null).
    serde_json::to_string_pretty(answers).unwrap_or_default()
}

/// The answers as a JSON value tree (through [`to_json`]'s text, so that
/// one serializer and one reader of JSON serve every conversion: each more
/// instance of serde's generic code costs the wasm tens of kilobytes).
#[must_use]
pub fn to_value(answers: &Answers) -> serde_json::Value {
    serde_json::from_str(&to_json(answers)).unwrap_or_default()
}

/// A path as the contract writes it (`conditions.malignancy[1].date`), up
/// to the first segment serde_path_to_error could not name (where the text
/// stopped being JSON); empty for the document itself.
fn contract_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                // An unknown key is the caller's text: cut like a quoted value.
                match key.char_indices().nth(QUOTED) {
                    Some((cut, _)) => {
                        out.push_str(&key[..cut]);
                        out.push('…');
                    }
                    None => out.push_str(key),
                }
            }
            Segment::Unknown => break,
        }
    }
    out
}

/// `message` cut to [`MAX_MESSAGE`] characters: its first 180 and its last
/// 100, with ` … ` between.
fn cap(message: &str) -> String {
    let count = message.chars().count();
    if count <= MAX_MESSAGE {
        return message.to_string();
    }
    let head: String = message.chars().take(180).collect();
    let tail: String = message.chars().skip(count - 100).collect();
    format!("{head} … {tail}")
}

/// `message` with every quoted value (between `"` or `` ` ``) longer than
/// [`QUOTED`] characters cut to its start, `…` and its length.
fn clip_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1_000));
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = rest.as_bytes()[open] as char;
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        // The closing quote: the next one not escaped by a backslash.
        let close = after.char_indices().scan(false, |escaped, (i, c)| {
            let here = (i, c == quote && !*escaped);
            *escaped = c == '\\' && !*escaped;
            Some(here)
        });
        let Some(end) = close.filter(|(_, closes)| *closes).map(|(i, _)| i).next() else {
            out.push_str(after);
            return out;
        };
        let inner = &after[..end];
        let count = inner.chars().count();
        if count > QUOTED {
            let cut = inner.char_indices().nth(QUOTED).map_or(inner.len(), |(i, _)| i);
            out.push_str(&inner[..cut]);
            out.push('…');
            out.push(quote);
            out.push_str(&format!(" ({count} characters)"));
        } else {
            out.push_str(inner);
            out.push(quote);
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_quoted_values_are_kept_and_long_ones_cut_with_their_length() {
        let long = "x".repeat(100);
        for (message, want) in [
            (
                "unknown variant `other`, expected `female` or `male`",
                "unknown variant `other`, expected `female` or `male`".to_string(),
            ),
            (
                &format!("unknown variant `{long}`, expected `female` or `male`"),
                format!("unknown variant `{}…` (100 characters), expected `female` or `male`", "x".repeat(40)),
            ),
            (
                &format!("invalid type: string \"{long}\", expected f64"),
                format!("invalid type: string \"{}…\" (100 characters), expected f64", "x".repeat(40)),
            ),
            // An escaped quote inside a string does not close it.
            (
                r#"invalid type: string "a\"b", expected f64"#,
                r#"invalid type: string "a\"b", expected f64"#.to_string(),
            ),
            // A quote that never closes keeps the rest as it is.
            ("odd `open", "odd `open".to_string()),
            ("no quotes at all", "no quotes at all".to_string()),
        ] {
            assert_eq!(clip_quotes(message), want);
        }
        // Multi-byte characters are cut between characters.
        let e = "é".repeat(50);
        assert_eq!(clip_quotes(&format!("`{e}`")), format!("`{}…` (50 characters)", "é".repeat(40)));
    }

    #[test]
    fn a_message_whose_value_holds_its_own_quote_is_cut_to_its_start_and_end() {
        // Found by the json_evaluate fuzz target: a key with backticks.
        let key = format!("{}`{}", "k".repeat(300), "v".repeat(1_000));
        let e = Error::new("", &format!("unknown field `{key}`, expected `schema` or `patient`"));
        assert!(e.message().chars().count() <= MAX_MESSAGE + 3, "{}", e.message().len());
        assert!(e.message().starts_with("unknown field `kkkk"), "{}", e.message());
        assert!(e.message().ends_with("`, expected `schema` or `patient`"), "{}", e.message());
        // Short messages are left alone.
        assert_eq!(cap("short"), "short");
    }

    #[test]
    fn a_document_over_one_megabyte_is_refused_with_its_size() {
        let e = Error::too_large(2_000_000, false);
        assert_eq!(
            e.to_string(),
            "answers: the document is 2.0 MB; an answers document is at most 1 MB, so it was not read"
        );
        assert!(Error::too_large(4_000_001, true).message().starts_with("the document is more than 4.0 MB;"));
    }
}
