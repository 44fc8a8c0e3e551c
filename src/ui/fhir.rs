//! FHIR on the page: loading a `QuestionnaireResponse` or a `Bundle` (by
//! "Load answers" or a host's message), the notes that say where each
//! prefilled answer came from, and the summary of what a Bundle held that
//! was not used. The conversions themselves are [`crate::fhir`]'s.

use leptos::prelude::*;
use serde_json::Value;

use super::draft::{clip, Draft};
use super::state::Ctx;
use crate::fhir::{Prefill, Source, Unused};

/// What a loaded JSON value is.
#[derive(Debug, PartialEq)]
pub enum Document<'a> {
    /// An answers document (no `resourceType`).
    Answers,
    /// A FHIR `QuestionnaireResponse`.
    Response,
    /// A FHIR `Bundle`.
    Bundle,
    /// Another FHIR resource, not read.
    Other(&'a str),
}

/// What `v` is, by its `resourceType`.
#[must_use]
pub fn kind(v: &Value) -> Document<'_> {
    match v.get("resourceType").and_then(Value::as_str) {
        None => Document::Answers,
        Some("QuestionnaireResponse") => Document::Response,
        Some("Bundle") => Document::Bundle,
        Some(other) => Document::Other(other),
    }
}

/// The refusal of a FHIR resource this page does not read.
#[must_use]
pub fn not_read(resource_type: &str) -> String {
    format!(
        "a FHIR {} is not read here: load answers, a QuestionnaireResponse to this questionnaire, or a Bundle of the patient's record",
        clip(resource_type, 40)
    )
}

/// The screening date the page uses now: the one typed, else today.
fn screening(ctx: Ctx) -> chrono::NaiveDate {
    ctx.form.sig("screening_date").with_untracked(|s| super::draft::parse_date_text(s)).unwrap_or(ctx.today)
}

/// Fills the page from a Bundle: the answers it gives replace those of the
/// same questions, every other answer stays; each filled field notes its
/// source. Returns what to say: how many answers, from where, and what
/// was not used.
///
/// # Errors
/// The refusal of a malformed Bundle (the page is left as it was).
pub fn prefill(ctx: Ctx, bundle: &Value, from: &str) -> Result<String, crate::Error> {
    let on = screening(ctx);
    let p = crate::fhir::answers_from_fhir(bundle, on)?;
    let before = ctx.form.snapshot_untracked();
    let filled = Draft::from_answers(&p.answers);
    let mut changed = 0;
    let mut count = 0;
    for (key, value) in &filled.vals {
        // The screening date is the page's own, given to the reader.
        if key == "screening_date" {
            continue;
        }
        count += 1;
        let sig = ctx.form.sig(key);
        if sig.with_untracked(|old| !old.is_empty() && old != value) {
            changed += 1;
        }
        sig.set(value.clone());
    }
    // A lab the record gives is the record's whole: an upper limit of
    // normal typed for another AST must not stay beside the record's value.
    // An answer the record's answers stand in for goes too, unless the
    // record's answer is one the engine cannot use (a birth date after the
    // screening date leaves the typed age in use, contract 7.3).
    let mut cleared = Vec::new();
    for key in cleared_by(&filled, &refused_of(&p, on)) {
        let sig = ctx.form.sig(&key);
        if sig.with_untracked(|old| !old.is_empty()) {
            cleared.push(crate::questions::name(&key));
            sig.set(String::new());
        }
    }
    ctx.sources.set(
        source_notes(&p)
            .into_iter()
            .map(|(path, note)| {
                let values = filled_of(&filled, &path);
                (path, note, values)
            })
            .collect(),
    );
    let msg = filled_message(count, changed, &cleared, from, &p.unused);
    Ok(super::toolbar::keep_for_undo(ctx, before, msg))
}

/// What a prefill filled of the answer a note at `path` describes: the
/// note's own field, the other fields of its lab or test (a value's unit,
/// its upper limit of normal, a test's date) and an event's date. The note
/// holds while every one of them does: a unit changed from g/dL to g/L
/// makes the value the clinician's, not the record's.
fn filled_of(filled: &Draft, path: &str) -> Vec<(String, String)> {
    let group = format!("{}.", group_of(path));
    let date = format!("{path}#");
    filled.vals.iter().filter(|(k, _)| k == path || k.starts_with(&group) || k.starts_with(&date)).cloned().collect()
}

/// The paths of the prefill's answers that the engine refuses as of the
/// screening date `on` (a birth date after it): such an answer stands in
/// for nothing.
fn refused_of(p: &Prefill, on: chrono::NaiveDate) -> Vec<String> {
    crate::evaluate(&p.answers, on).errors.into_iter().map(|e| e.path).collect()
}

/// The questions of the lab and antibody answers a prefill filled
/// (`labs.ast`), other than those it filled, and the answers given only
/// instead of one it filled (the age, when it filled the birth date),
/// unless that one is among the `refused` paths (errors of the filled
/// answers).
fn cleared_by(filled: &Draft, refused: &[String]) -> Vec<String> {
    // The lab and test groups (`labs.ast`) of the keys filled; a key that
    // is its own group (`patient.sex`, `conditions.hiv`) has no siblings.
    let groups: Vec<String> = filled
        .vals
        .iter()
        .filter_map(|(k, _)| {
            let g = group_of(k);
            (g != *k).then_some(g)
        })
        .collect();
    crate::questions::questions()
        .into_iter()
        .map(|(_, q, _)| q.path)
        .filter(|path| filled.get(path).is_empty())
        .filter(|path| {
            path.rsplit_once('.').is_some_and(|(parent, _)| groups.iter().any(|g| g == parent))
                || crate::questions::INSTEAD.iter().any(|(preferred, instead)| {
                    instead == path && !filled.get(preferred).is_empty() && !refused.iter().any(|r| r == preferred)
                })
        })
        .map(str::to_string)
        .collect()
}

/// The message after a prefill: how many answers it filled, how many of
/// them replaced answers typed before, and which other answers it cleared.
fn filled_message(count: usize, changed: usize, cleared: &[String], from: &str, unused: &[Unused]) -> String {
    let answers = if count == 1 { "answer" } else { "answers" };
    let mut m = if count == 0 {
        format!("The record {from} gave no answer this page reads.")
    } else {
        format!("Filled {count} {answers} from the record {from}; each shows its source at its field.")
    };
    if changed > 0 {
        m.push_str(&format!(
            " {changed} of them replaced {} typed before.",
            if changed == 1 { "an answer" } else { "answers" }
        ));
    }
    if !cleared.is_empty() {
        m.push_str(&format!(" Cleared, as the record's answers stand in their place: {}.", cleared.join(", ")));
    }
    let rest = unused_summary(unused);
    if !rest.is_empty() {
        m.push(' ');
        m.push_str(&rest);
    }
    m
}

/// What a Bundle held that was not used, in one short sentence: counts by
/// resource type, and the reasons (`Not used: 2 Observations (status
/// preliminary; an earlier result), 1 Condition (refuted or entered in
/// error).`); empty when everything was used.
#[must_use]
pub fn unused_summary(unused: &[Unused]) -> String {
    let mut types: Vec<(&str, usize, Vec<String>)> = Vec::new();
    for u in unused {
        // The reason without the code it is about (`LOINC 718-7: `).
        let reason = u.reason.split_once(": ").map_or(u.reason.as_str(), |(_, r)| r);
        // Dates and values make reasons differ; the summary groups by their words.
        let reason = reason.split(" (").next().unwrap_or(reason).split(", after").next().unwrap_or(reason);
        let reason = if reason.starts_with("dated ") { "dated after the screening date" } else { reason };
        match types.iter_mut().find(|(t, _, _)| *t == u.resource_type) {
            Some((_, n, reasons)) => {
                *n += 1;
                if !reasons.iter().any(|r| r == reason) {
                    reasons.push(reason.to_string());
                }
            }
            None => types.push((&u.resource_type, 1, vec![reason.to_string()])),
        }
    }
    if types.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = types
        .iter()
        .map(|(t, n, reasons)| {
            let plural = if *n == 1 { String::new() } else { "s".into() };
            format!("{n} {t}{plural} ({})", clip(&reasons.join("; "), 120))
        })
        .collect();
    format!("Not used: {}.", parts.join(", "))
}

/// The note under each field a Bundle filled: one per reading, at the
/// first path it filled (`labs.creatinine.value`: "From the record:
/// creatinine 1.1 mg/dL on 2 Oct 2026, LOINC 2160-0").
#[must_use]
pub fn source_notes(p: &Prefill) -> Vec<(String, String)> {
    let doc = crate::parse::to_value(&p.answers);
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut groups: Vec<String> = Vec::new();
    for s in &p.sources {
        let group = group_of(&s.path);
        if groups.contains(&group) {
            continue;
        }
        groups.push(group.clone());
        notes.push((s.path.clone(), note(s, &group, &doc)));
    }
    notes
}

/// The answer a source's path belongs to: a lab or antibody test's object
/// (`labs.creatinine`), else the path itself.
fn group_of(path: &str) -> String {
    match path.rsplit_once('.') {
        Some((parent, _)) if crate::questions::GROUPS.iter().any(|(g, _)| *g == parent) && parent != "patient" => {
            parent.to_string()
        }
        _ => path.to_string(),
    }
}

/// The words of one source.
fn note(s: &Source, group: &str, doc: &Value) -> String {
    let at = |leaf: &str| group.split('.').chain([leaf]).try_fold(doc, |v, k| v.get(k));
    let num = |v: &Value| v.as_f64().map(|x| x.to_string()).unwrap_or_default();
    let name = crate::questions::GROUPS
        .iter()
        .find(|(g, _)| *g == group)
        .map(|(_, n)| (*n).to_string())
        .or_else(|| {
            crate::questions::question(group).map(|q| q.name().split(" (").next().unwrap_or_default().to_string())
        })
        .unwrap_or_else(|| group.to_string());
    let name = name.replace(" test", "").replace(" (or creatinine)", "");
    let value = if group == "sle.ana" {
        match at("titer").and_then(Value::as_f64) {
            Some(0.0) => "negative".to_string(),
            Some(t) => format!("1:{t}"),
            None => String::new(),
        }
    } else if group == "sle.anti_dsdna" {
        match at("positive").and_then(Value::as_bool) {
            Some(true) => "positive".into(),
            Some(false) => "negative".into(),
            None => String::new(),
        }
    } else if group.starts_with("labs.") {
        let unit = match group {
            "labs.egfr" => "mL/min/1.73 m2".to_string(),
            "labs.ast" | "labs.alt" => "U/L".to_string(),
            _ => at("unit").and_then(Value::as_str).unwrap_or_default().to_string(),
        };
        let uln = at("uln").map(|u| format!(" (upper limit {})", num(u))).unwrap_or_default();
        format!("{} {unit}{uln}", at("value").map(num).unwrap_or_default())
    } else {
        match group.split('.').try_fold(doc, |v, k| v.get(k)) {
            Some(Value::Bool(true)) if group.starts_with("conditions.") => String::new(),
            Some(Value::String(t)) => t.clone(),
            Some(v) => num(v),
            None => String::new(),
        }
    };
    let date = s.date.as_deref().map(|d| format!(" on {d}")).unwrap_or_default();
    let date = if group.starts_with("conditions.") { date.replace(" on ", ", dated ") } else { date };
    let what = [lower_first(&name), value].into_iter().filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    super::readable(&format!("From the record: {what}{date}, {}", s.code))
}

/// `s` with its first letter lower case, unless it is an abbreviation
/// (`HIV`, `ANA`).
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn prefill_of(resources: Value) -> Prefill {
        let entry: Vec<Value> = resources.as_array().into_iter().flatten().map(|r| json!({"resource": r})).collect();
        let bundle = json!({"resourceType": "Bundle", "entry": entry});
        let screening = crate::engine::answers::parse_date("2026-11-26").unwrap_or_default();
        crate::fhir::answers_from_fhir(&bundle, screening).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn each_reading_gets_one_note_at_its_first_field() {
        let p = prefill_of(json!([
            {"resourceType": "Observation", "id": "c1", "status": "final", "effectiveDateTime": "2026-10-02",
             "code": {"coding": [{"system": "http://loinc.org", "code": "2160-0"}]},
             "valueQuantity": {"value": 1.1, "system": "http://unitsofmeasure.org", "code": "mg/dL"}},
            {"resourceType": "Observation", "status": "final", "effectiveDateTime": "2026-10-02",
             "code": {"coding": [{"system": "http://loinc.org", "code": "1920-8"}]},
             "valueQuantity": {"value": 30, "code": "U/L"}, "referenceRange": [{"high": {"value": 40}}]},
            {"resourceType": "Observation", "status": "final", "effectiveDateTime": "2026-09-01",
             "code": {"coding": [{"system": "http://loinc.org", "code": "5048-4"}]}, "valueString": "1:160"},
            {"resourceType": "Patient", "birthDate": "1980-05-01", "gender": "female"},
            {"resourceType": "Condition", "clinicalStatus": {"coding": [{"code": "active"}]}, "recordedDate": "2019-03-01",
             "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "B20"}]}}
        ]));
        let notes = source_notes(&p);
        let want = [
            ("patient.birth_date", "From the record: birth date 1 May 1980, Patient.birthDate"),
            ("patient.sex", "From the record: sex female, Patient.gender"),
            ("labs.creatinine.value", "From the record: creatinine 1.1 mg/dL on 2 Oct 2026, LOINC 2160-0"),
            ("labs.ast.value", "From the record: AST 30 U/L (upper limit 40) on 2 Oct 2026, LOINC 1920-8"),
            ("sle.ana.titer", "From the record: ANA 1:160 on 1 Sep 2026, LOINC 5048-4"),
            ("conditions.hiv", "From the record: HIV, dated 1 Mar 2019, ICD-10-CM B20"),
        ];
        for (path, words) in want {
            let got = notes.iter().find(|(p, _)| p == path).map(|(_, n)| n.as_str());
            assert_eq!(got, Some(words), "{path}");
        }
        assert_eq!(notes.len(), want.len(), "{notes:?}");
    }

    #[test]
    fn a_note_holds_for_every_field_of_its_lab() {
        let p = prefill_of(json!([
            {"resourceType": "Observation", "status": "final", "effectiveDateTime": "2026-10-02",
             "code": {"coding": [{"system": "http://loinc.org", "code": "718-7"}]},
             "valueQuantity": {"value": 12.1, "code": "g/dL"}},
            {"resourceType": "Patient", "gender": "female"}
        ]));
        let filled = Draft::from_answers(&p.answers);
        let pairs =
            |path: &str| filled_of(&filled, path).into_iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>();
        assert_eq!(pairs("labs.hemoglobin.value"), ["labs.hemoglobin.unit=g/dL", "labs.hemoglobin.value=12.1"]);
        assert_eq!(pairs("patient.sex"), ["patient.sex=female"]);
    }

    #[test]
    fn a_filled_lab_replaces_the_whole_lab() {
        let p = prefill_of(json!([
            {"resourceType": "Observation", "status": "final", "effectiveDateTime": "2026-10-02",
             "code": {"coding": [{"system": "http://loinc.org", "code": "1920-8"}]},
             "valueQuantity": {"value": 30, "code": "U/L"}},
            {"resourceType": "Patient", "gender": "female"}
        ]));
        let filled = Draft::from_answers(&p.answers);
        // AST's upper limit (not in the record) goes; ALT and the patient's other answers stay.
        assert_eq!(cleared_by(&filled, &[]), ["labs.ast.uln"]);
    }

    #[test]
    fn a_birth_date_from_the_record_clears_an_age_typed_before_it() {
        let born = prefill_of(json!([{"resourceType": "Patient", "birthDate": "1985-04-12", "gender": "female"}]));
        assert_eq!(cleared_by(&Draft::from_answers(&born.answers), &[]), ["patient.age_years"]);
        // without a birth date in the record, a typed age stays
        let sex_only = prefill_of(json!([{"resourceType": "Patient", "gender": "female"}]));
        assert!(cleared_by(&Draft::from_answers(&sex_only.answers), &[]).is_empty());
        // nor when the record's birth date cannot be used (after the screening
        // date): the typed age is what the engine reads
        let screening = crate::engine::answers::parse_date("2026-11-26").unwrap_or_default();
        assert!(refused_of(&born, screening).is_empty());
        let unborn = prefill_of(json!([{"resourceType": "Patient", "birthDate": "2026-12-24"}]));
        let refused = refused_of(&unborn, screening);
        assert!(refused.iter().any(|p| p == "patient.birth_date"), "{refused:?}");
        assert!(cleared_by(&Draft::from_answers(&unborn.answers), &refused).is_empty());
    }

    #[test]
    fn what_was_not_used_is_summarised_by_resource_type() {
        let u = |t: &str, reason: &str| Unused { resource_type: t.into(), id: None, reason: reason.into() };
        let unused = [
            u("Observation", "LOINC 718-7: status preliminary"),
            u("Observation", "LOINC 2160-0: status preliminary"),
            u("Observation", "LOINC 2160-0: an earlier result (the latest, of 2026-10-02, is used)"),
            u("Observation", "LOINC 777-3: dated 2026-11-30, after the screening date 2026-11-26"),
            u("Condition", "ICD-10-CM B20: refuted or entered in error"),
            u("MedicationStatement", "not read"),
        ];
        assert_eq!(
            unused_summary(&unused),
            "Not used: 4 Observations (status preliminary; an earlier result; dated after the screening date), \
             1 Condition (refuted or entered in error), 1 MedicationStatement (not read)."
        );
        assert_eq!(unused_summary(&[]), "");
    }

    #[test]
    fn the_message_names_what_a_prefill_cleared() {
        assert_eq!(
            filled_message(2, 0, &["Age".to_string()], "sent by the portal", &[]),
            "Filled 2 answers from the record sent by the portal; each shows its source at its field. \
             Cleared, as the record's answers stand in their place: Age."
        );
    }

    #[test]
    fn the_message_counts_what_was_filled_and_replaced() {
        assert_eq!(
            filled_message(3, 1, &[], "in “r.json”", &[]),
            "Filled 3 answers from the record in “r.json”; each shows its source at its field. 1 of them replaced an answer typed before."
        );
        assert_eq!(
            filled_message(0, 0, &[], "sent by the portal", &[]),
            "The record sent by the portal gave no answer this page reads."
        );
    }

    #[test]
    fn documents_are_told_apart_by_their_resource_type() {
        assert_eq!(kind(&json!({"schema": "misle-answers/1"})), Document::Answers);
        assert_eq!(kind(&json!({"resourceType": "Bundle"})), Document::Bundle);
        assert_eq!(kind(&json!({"resourceType": "QuestionnaireResponse"})), Document::Response);
        assert_eq!(kind(&json!({"resourceType": "Patient"})), Document::Other("Patient"));
    }
}
