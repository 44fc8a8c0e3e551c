//! The FHIR examples a portal developer starts from (docs/fhir.md): the
//! example Bundle prefills what it documents, and the contract's example
//! answers survive a trip through a QuestionnaireResponse.

use misle_check::engine::answers::parse_date;
use misle_check::fhir::{answers_from_fhir, answers_from_questionnaire_response, to_questionnaire_response};
use serde_json::{json, Value};

fn read(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_example_bundle_prefills_what_the_docs_say() {
    let screening = parse_date("2026-11-26").unwrap_or_default();
    let p = answers_from_fhir(&read("examples/fhir/patient-record-bundle.json"), screening)
        .unwrap_or_else(|e| panic!("{e}"));
    let answers = misle_check::parse::to_value(&p.answers);
    assert_eq!(
        answers,
        json!({
            "schema": "misle-answers/1", "screening_date": "2026-11-26",
            "patient": {"birth_date": "1985-04-12", "sex": "female"},
            "sle": {"ana": {"titer": 320.0, "date": "2026-10-20"}, "anti_dsdna": {"positive": true, "date": "2026-10-20"}},
            "labs": {
                "egfr": {"value": 84.0}, "creatinine": {"value": 0.9, "unit": "mg/dL"},
                "wbc": {"value": 5.1, "unit": "10^9/L"}, "hemoglobin": {"value": 12.1, "unit": "g/dL"},
                "platelets": {"value": 210.0, "unit": "10^3/uL"},
                "ast": {"value": 28.0, "uln": 40.0}, "alt": {"value": 31.0, "uln": 45.0}
            }
        })
    );
    let unused: Vec<(&str, &str)> =
        p.unused.iter().map(|u| (u.id.as_deref().unwrap_or_default(), u.reason.as_str())).collect();
    assert_eq!(
        unused,
        [
            ("hb-2", "LOINC 718-7: status preliminary"),
            ("c3-1", "no LOINC code this page reads"),
            ("sle-1", "no ICD-10-CM code this page reads"),
            ("tb-1", "ICD-10-CM A15.0: refuted or entered in error"),
            ("med-1", "not read"),
            ("cr-0", "LOINC 2160-0: an earlier result (the one of 2026-11-10, LOINC 2160-0, is used)"),
        ]
    );
    assert_eq!(p.sources.len(), 19);
}

#[test]
fn the_contract_example_survives_a_questionnaire_response() {
    let text = std::fs::read_to_string("tests/data/contract-example.json").unwrap_or_default();
    let answers = misle_check::from_json(&text).unwrap_or_else(|e| panic!("{e}"));
    let today = parse_date("2026-11-26").unwrap_or_default();
    let response = serde_json::to_value(to_questionnaire_response(&answers, today)).unwrap_or_default();
    let back = answers_from_questionnaire_response(&response).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, answers);
}
