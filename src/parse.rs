//! Reading an answers document, refusing one that is structurally invalid
//! with a message that names the offending path.

use std::fmt;

use serde::Deserializer;

use crate::engine::answers::Answers;

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

    /// What is wrong, in serde's words (`invalid type: string "heavy", expected f64`).
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

/// Reads answers from any serde deserializer (JSON text, a JS object),
/// tracking the path so a refusal can name it.
///
/// # Errors
/// When the document is structurally invalid.
pub fn from_deserializer<'de, D>(d: D) -> Result<Answers, Error>
where
    D: Deserializer<'de>,
    D::Error: fmt::Display,
{
    serde_path_to_error::deserialize(d).map_err(|e| data_error(&e.path().to_string(), &e.into_inner().to_string()))
}

/// Reads answers from JSON text.
///
/// # Errors
/// When the text is not JSON or the document is structurally invalid, e.g.
/// `patient.weight_kg: invalid type: string "heavy", expected f64`.
pub fn from_json(text: &str) -> Result<Answers, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let answers = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        if e.inner().is_data() {
            data_error(&e.path().to_string(), &e.into_inner().to_string())
        } else {
            // Not JSON: the line and column are the only place to point at.
            not_json(&e.into_inner())
        }
    })?;
    de.end().map_err(|e| not_json(&e))?;
    Ok(answers)
}

fn not_json(e: &serde_json::Error) -> Error {
    Error { path: String::new(), message: format!("not valid JSON: {e}") }
}

fn data_error(path: &str, message: &str) -> Error {
    let path = if path == "." || path == "?" { "" } else { path };
    Error { path: path.to_string(), message: strip_position(message) }
}

/// serde_json ends its messages with " at line L column C"; the path says
/// where, so the position is dropped.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}
