//! The engine's JavaScript API (feature `js`): `evaluate(answers)`,
//! `version()`, and FHIR R4 in and out (`questionnaire()`,
//! `to_questionnaire_response(answers)`,
//! `answers_from_questionnaire_response(response)`,
//! `answers_from_fhir(bundle, screening_date)`), built by `wasm-bindgen
//! --target web` into `engine/`.
//!
//! Answers come in as a plain JS object and the report goes out as one,
//! both through serde-wasm-bindgen ([`crate::parse::js`]); the TypeScript
//! declarations (`Answers`, `Report`, `Version` and their parts) are derived
//! from the Rust types by tsify, so they cannot drift from the engine.
//! A structurally invalid answers object throws an `Error` whose message
//! names the path (`patient.weight_kg: invalid type: string "heavy",
//! expected f64`). "Today" (used when `screening_date` is absent) is read
//! from the browser clock here, at the boundary; the engine itself never
//! reads a clock.

use tsify::Ts;
use wasm_bindgen::prelude::*;

use crate::engine::answers::Answers;
use crate::engine::report::Report;
use crate::fhir::{Prefill, Questionnaire, QuestionnaireResponse};
use crate::parse::js::{answers_from_js, to_js, value_from_js};
use crate::Version;

#[wasm_bindgen(typescript_custom_section)]
const TS_DATE: &'static str = r#"
/** A date written "YYYY-MM-DD". */
export type IsoDate = string;
/** A FHIR R4 resource (JSON), of which only some elements are read. */
export interface FhirResource { resourceType: string; id?: string; [element: string]: unknown }
/** A FHIR R4 Bundle of the patient's record: Patient, Observation and Condition resources are read. */
export interface FhirBundle { resourceType: "Bundle"; entry?: { resource?: FhirResource; [element: string]: unknown }[]; [element: string]: unknown }
/**
 * A message from the host page to the embedded page (docs/embedding.md).
 * `id` is echoed as `in_reply_to` by the `misle:report` or `misle:error`
 * that answers it. The page reads these fields in `src/ui/embed.rs`.
 */
export type HostMessage =
  | { type: "misle:prefill"; answers: Answers | QuestionnaireResponse; id?: MessageId }
  | { type: "misle:prefill-fhir"; bundle: FhirBundle; id?: MessageId };
"#;

/// Evaluates answers (a plain object following `misle-answers/1`) and
/// returns the report (`misle-report/1`) as a plain object.
///
/// # Errors
/// Throws an `Error` naming the offending path when `answers` is not a valid
/// answers document (or is larger than 1 MB as JSON).
#[wasm_bindgen]
pub fn evaluate(answers: Ts<Answers>) -> Result<Ts<Report>, JsError> {
    let answers = answers_from_js(&answers.js_value()).map_err(|e| JsError::new(&e.to_string()))?;
    let report = crate::evaluate(&answers, today());
    Ok(Ts::new_unchecked(to_js(&report)))
}

/// The package version and the schemas it reads and writes.
#[wasm_bindgen]
#[must_use]
pub fn version() -> Ts<Version> {
    Ts::new_unchecked(to_js(&Version::CURRENT))
}

/// The questionnaire as a FHIR R4 `Questionnaire` (the same as
/// `fhir/questionnaire.json` beside the page).
#[wasm_bindgen]
#[must_use]
pub fn questionnaire() -> Ts<Questionnaire> {
    Ts::new_unchecked(to_js(&crate::fhir::questionnaire()))
}

/// The answers as a FHIR R4 `QuestionnaireResponse`: `status` `completed`
/// unless the verdict is incomplete, `authored` the screening date (today
/// when the answers give none).
///
/// # Errors
/// Throws as `evaluate` does for answers that are not a valid document.
#[wasm_bindgen]
pub fn to_questionnaire_response(answers: Ts<Answers>) -> Result<Ts<QuestionnaireResponse>, JsError> {
    let answers = answers_from_js(&answers.js_value()).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(Ts::new_unchecked(to_js(&crate::fhir::to_questionnaire_response(&answers, today()))))
}

/// The answers of a FHIR R4 `QuestionnaireResponse` to this questionnaire
/// (written here or by another SDC form filler).
///
/// # Errors
/// Throws an `Error` naming the linkId for a response to another
/// questionnaire, an unknown linkId or a value of the wrong type.
#[wasm_bindgen]
pub fn answers_from_questionnaire_response(response: Ts<QuestionnaireResponse>) -> Result<Ts<Answers>, JsError> {
    let value = value_from_js(&response.js_value()).map_err(|e| JsError::new(&e.about("response")))?;
    let answers = crate::fhir::answers_from_questionnaire_response(&value).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(Ts::new_unchecked(to_js(&answers)))
}

/// The answers a FHIR R4 `Bundle` of the patient's record gives as of
/// `screening_date` (today when absent): `{ answers, sources, unused }`.
/// Only what the record positively says is filled.
///
/// # Errors
/// Throws an `Error` naming the entry and field for a malformed Bundle
/// (`entry[3].resource.valueQuantity.value: invalid type: …`), or for a
/// screening date that is not `YYYY-MM-DD`.
#[wasm_bindgen]
pub fn answers_from_fhir(
    #[wasm_bindgen(unchecked_param_type = "FhirBundle")] bundle: JsValue,
    screening_date: Option<String>,
) -> Result<Ts<Prefill>, JsError> {
    let screening = match screening_date {
        None => today(),
        Some(s) => crate::engine::answers::parse_date(&s).ok_or_else(|| {
            JsError::new(&format!(
                "screening_date: “{}” is not a date (YYYY-MM-DD)",
                crate::questions::draft::clip(&s, 40)
            ))
        })?,
    };
    let value = value_from_js(&bundle).map_err(|e| JsError::new(&e.about("bundle")))?;
    let prefill = crate::fhir::answers_from_fhir(&value, screening).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(Ts::new_unchecked(to_js(&prefill)))
}

/// The browser's local date.
fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    i32::try_from(y).ok().and_then(|y| chrono::NaiveDate::from_ymd_opt(y, m, d)).unwrap_or_default()
}
