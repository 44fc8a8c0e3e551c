//! Reading an answers document, refusing one that is structurally invalid
//! with a message that names the offending path.
//!
//! JSON text goes through a small reader of our own ([`json`]) and a typed
//! walk of its tree ([`read`]); both are plain code, far smaller in
//! WebAssembly than serde's generic deserializers, and they accept exactly
//! what the derived `Answers: Deserialize` accepts (tested).

use std::fmt;

pub mod json;
mod read;
mod write;

use crate::engine::answers::Answers;
pub use json::Value;
pub use read::Word;

/// A structurally invalid answers document: wrong type, unknown field, bad
/// date string, unknown word, or not JSON at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    path: String,
    message: String,
}

impl Error {
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
/// When the text is not JSON (`answers: not valid JSON: key must be a string
/// at line 1 column 2`) or the document is structurally invalid
/// (`patient.weight_kg: invalid type: string "heavy", expected f64`).
pub fn from_json(text: &str) -> Result<Answers, Error> {
    from_json_with(text, |t| t.parse().ok())
}

/// [`from_json`] with numbers read by `number` (see [`json::parse_with`]).
///
/// # Errors
/// As [`from_json`].
pub fn from_json_with(text: &str, number: json::NumberReader) -> Result<Answers, Error> {
    let tree = json::parse_with(text, number)
        .map_err(|e| Error { path: String::new(), message: format!("not valid JSON: {e}") })?;
    from_value(&tree)
}

/// Reads answers from a JSON value tree (for callers that build one, such as
/// the JavaScript binding).
///
/// # Errors
/// When the document is structurally invalid.
pub fn from_value(tree: &Value) -> Result<Answers, Error> {
    read::answers(tree)
}

/// The answers as a JSON tree, absent answers left out.
#[must_use]
pub fn to_value(answers: &Answers) -> Value {
    write::answers(answers)
}

/// The answers as indented JSON text (the "save answers" file); reads back
/// with [`from_json`] to the same answers, except for what JSON and the
/// contract cannot carry: a non-finite number is written `null` (reads back
/// absent), and a date whose year is outside 0000..=9999 is written as
/// chrono shows it (`+12345-01-01`), which `from_json` refuses, naming its
/// path. Neither can come from a document or the page.
#[must_use]
pub fn to_json(answers: &Answers) -> String {
    write::answers(answers).to_json_pretty()
}

/// [`to_json`] with numbers written by `number` (see
/// [`Value::to_json_pretty_with`]).
#[must_use]
pub fn to_json_with(answers: &Answers, number: json::NumberWriter) -> String {
    write::answers(answers).to_json_pretty_with(number)
}

/// The report as a JSON tree in the contract's shape (what `Report`'s
/// `Serialize` writes, without serde).
#[must_use]
pub fn report_value(report: &crate::engine::report::Report) -> Value {
    write::report(report)
}
