//! FHIR R4 in and out (`../shared/spec/fhir.md`), computed where the page
//! runs: the questionnaire as a `Questionnaire` ([`questionnaire`]),
//! answers as a `QuestionnaireResponse` both ways ([`response`]), and
//! answers prefilled from a `Bundle` of the patient's record ([`bundle`]).
//!
//! Only the few FHIR elements used are typed here, as plain serde structs
//! (the FHIR model crates would add megabytes of wasm). Unknown elements
//! of a resource read from elsewhere are ignored, as FHIR's extensibility
//! asks; what the page writes has only these.

pub mod bundle;
pub mod questionnaire;
pub mod response;

use serde::{Deserialize, Serialize};

pub use bundle::{answers_from_fhir, Prefill, Source, Unused};
pub use questionnaire::questionnaire;
pub use response::{answers_from_questionnaire_response, to_questionnaire_response};

/// The canonical URL of the questionnaire.
pub const QUESTIONNAIRE_URL: &str = "urn:misle-check:questionnaire";

/// The linkId of the SLEDAI-2K input mode (`items` or `score`).
pub const SLEDAI_MODE_LINK: &str = "sle.sledai#mode";

/// The linkId of the repeating group of malignancy rows; a row's leaves are
/// `conditions.malignancy[].type`, `.date`, `.adequately_treated`.
pub const MALIGNANCY_ROW: &str = "conditions.malignancy[]";

/// The code system of the page's words (`female`, `g/dL`, `none`).
pub const CODES: &str = "urn:misle-check:codes";

/// A FHIR `Coding`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
pub struct Coding {
    /// The code system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The words shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

impl Coding {
    /// A coding of `system`.
    #[must_use]
    pub fn of(system: &str, code: &str, display: &str) -> Coding {
        Coding { system: Some(system.into()), code: Some(code.into()), display: Some(display.into()) }
    }
}

/// A FHIR `Questionnaire` (R4), the elements the page writes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Questionnaire {
    /// `"Questionnaire"`.
    #[cfg_attr(feature = "js", tsify(type = "\"Questionnaire\""))]
    pub resource_type: String,
    /// `urn:misle-check:questionnaire`.
    pub url: String,
    /// `misle-answers/1`: the answers document version it asks for.
    pub version: String,
    /// A computer-friendly name.
    pub name: String,
    /// The title.
    pub title: String,
    /// `active`.
    pub status: String,
    /// `["Patient"]`.
    pub subject_type: Vec<String>,
    /// One group per section.
    pub item: Vec<QuestionnaireItem>,
}

/// An item of a `Questionnaire`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireItem {
    /// The section word, or the answer path (`labs.hemoglobin.value`).
    pub link_id: String,
    /// The question's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `group`, `decimal`, `integer`, `date`, `boolean`, `choice`, `display`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Codes of what it asks (LOINC for the labs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<Coding>,
    /// Whether it takes several answers (word lists, malignancy rows).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub repeats: bool,
    /// When it is asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enable_when: Vec<EnableWhen>,
    /// `any` or `all`, with more than one `enableWhen`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_behavior: Option<String>,
    /// The answers of a choice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answer_option: Vec<AnswerOption>,
    /// The unit of a number (`questionnaire-unit`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// The items of a group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<QuestionnaireItem>,
}

/// `Questionnaire.item.enableWhen`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct EnableWhen {
    /// The linkId of the question it reads.
    pub question: String,
    /// `=`.
    pub operator: String,
    /// The coding that enables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_coding: Option<Coding>,
    /// The boolean that enables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_boolean: Option<bool>,
}

/// `Questionnaire.item.answerOption`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AnswerOption {
    /// The answer.
    pub value_coding: Coding,
}

/// An extension with a coding (`questionnaire-unit`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Extension {
    /// What it is.
    pub url: String,
    /// Its coding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_coding: Option<Coding>,
}

/// A FHIR `QuestionnaireResponse` (R4), the elements read and written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireResponse {
    /// `"QuestionnaireResponse"`.
    #[cfg_attr(feature = "js", tsify(type = "\"QuestionnaireResponse\""))]
    pub resource_type: String,
    /// `urn:misle-check:questionnaire|misle-answers/1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub questionnaire: Option<String>,
    /// `completed` when the verdict is not incomplete, else `in-progress`.
    pub status: String,
    /// The screening date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authored: Option<String>,
    /// The answered items, in the questionnaire's groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<ResponseItem>,
}

/// An item of a `QuestionnaireResponse`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ResponseItem {
    /// The questionnaire item answered.
    pub link_id: String,
    /// Its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Its answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answer: Vec<ResponseAnswer>,
    /// The items of a group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<ResponseItem>,
}

/// An answer of a `QuestionnaireResponse` item: one `value[x]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ResponseAnswer {
    /// A boolean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_boolean: Option<bool>,
    /// A decimal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_decimal: Option<f64>,
    /// An integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_integer: Option<i64>,
    /// A date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_date: Option<String>,
    /// A string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_string: Option<String>,
    /// A coding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_coding: Option<Coding>,
    /// Items nested under the answer (not used by this questionnaire).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<ResponseItem>,
}
