//! Answers as a FHIR `QuestionnaireResponse`, both ways.
//!
//! Writing ([`to_questionnaire_response`]) walks the generated
//! [`questionnaire`](super::questionnaire()) and answers each item from the
//! answers document, so the response mirrors the questionnaire's groups and
//! holds only what was answered. Reading
//! ([`answers_from_questionnaire_response`]) checks every item against the
//! questionnaire (its linkId, its type, its answer options) and turns it
//! into the page's draft ([`Draft`]), whose one writer makes the answers
//! document: a response and a form loaded by the page give the same answers
//! by construction.
//!
//! Lossless: answers → response → answers gives the same document for every
//! document the engine reads, except that `schema` is always written and
//! that an object given empty (`"ast": {}`) or a malignancy list given
//! empty (`[]`, the same as `"none"`, contract 7.11) has no item to hold it
//! and comes back absent or as `"none"` (property test in
//! `tests/properties.rs`).

use chrono::NaiveDate;
use serde_json::Value;

use super::{
    questionnaire, Coding, QuestionnaireItem, QuestionnaireResponse, ResponseAnswer, ResponseItem, CODES,
    MALIGNANCY_ROW, QUESTIONNAIRE_URL, SLEDAI_MODE_LINK,
};
use crate::engine::answers::{parse_date, Answers, ANSWERS_SCHEMA};
use crate::engine::report::Verdict;
use crate::parse::Error;
use crate::questions::draft::{row_path, Draft, SLEDAI_MODE};
use crate::questions::{question, Gate, Kind};

/// The canonical reference a response gives: `url|version`.
#[must_use]
pub fn canonical() -> String {
    format!("{QUESTIONNAIRE_URL}|{ANSWERS_SCHEMA}")
}

/// The answers as a `QuestionnaireResponse`: `status` `completed` unless the
/// verdict (on `today` when the answers give no screening date) is
/// incomplete, then `in-progress`; `authored` the screening date used.
#[must_use]
pub fn to_questionnaire_response(answers: &Answers, today: NaiveDate) -> QuestionnaireResponse {
    let report = crate::evaluate(answers, today);
    let doc = crate::parse::to_value(answers);
    let mut item = Vec::new();
    write(&questionnaire().item, &doc, &mut item);
    QuestionnaireResponse {
        resource_type: "QuestionnaireResponse".into(),
        questionnaire: Some(canonical()),
        status: if report.verdict == Verdict::Incomplete { "in-progress" } else { "completed" }.into(),
        authored: Some(report.screening_date.to_string()),
        item,
    }
}

/// Appends the response items of `items` answered by `doc`.
fn write(items: &[QuestionnaireItem], doc: &Value, out: &mut Vec<ResponseItem>) {
    for it in items {
        let mut answered = ResponseItem { link_id: it.link_id.clone(), text: it.text.clone(), ..Default::default() };
        if it.link_id == MALIGNANCY_ROW {
            // One group per row, every row kept (an empty one too).
            let Some(Value::Array(rows)) = at(doc, "conditions.malignancy") else { continue };
            for row in rows {
                let mut group = answered.clone();
                for leaf in &it.item {
                    let name = leaf.link_id.rsplit('.').next().unwrap_or_default();
                    let answer = row.get(name).map(|v| answers_of(leaf, v)).unwrap_or_default();
                    push(&mut group.item, leaf, answer);
                }
                out.push(group);
            }
        } else if it.kind == "group" {
            write(&it.item, doc, &mut answered.item);
            if !answered.item.is_empty() {
                out.push(answered);
            }
        } else {
            let answer = if it.link_id == SLEDAI_MODE_LINK {
                sledai_mode(doc).map(|m| vec![coded(it, m)]).unwrap_or_default()
            } else if let Some(event) = it.link_id.strip_suffix("#date") {
                match at(doc, event) {
                    Some(Value::String(d)) if d != "none" => {
                        vec![ResponseAnswer { value_date: Some(d.clone()), ..Default::default() }]
                    }
                    _ => Vec::new(),
                }
            } else {
                at(doc, &it.link_id).map(|v| answers_of(it, v)).unwrap_or_default()
            };
            push(out, it, answer);
        }
    }
}

/// Appends an item with `answer` when there is one.
fn push(out: &mut Vec<ResponseItem>, it: &QuestionnaireItem, answer: Vec<ResponseAnswer>) {
    if !answer.is_empty() {
        out.push(ResponseItem { link_id: it.link_id.clone(), text: it.text.clone(), answer, item: Vec::new() });
    }
}

/// The value at a dotted path of the document.
fn at<'a>(doc: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(doc, |v, key| v.get(key))
}

/// The SLEDAI-2K mode a document implies: one of the two given; none when
/// both are (the engine reports that) or neither.
fn sledai_mode(doc: &Value) -> Option<&'static str> {
    let sledai = at(doc, "sle.sledai")?;
    match (sledai.get("items").is_some(), sledai.get("score").is_some()) {
        (true, false) => Some("items"),
        (false, true) => Some("score"),
        _ => None,
    }
}

/// The answers of a question item holding `v`.
fn answers_of(it: &QuestionnaireItem, v: &Value) -> Vec<ResponseAnswer> {
    let one = |a: ResponseAnswer| vec![a];
    match (it.kind.as_str(), v) {
        ("boolean", Value::Bool(b)) => one(ResponseAnswer { value_boolean: Some(*b), ..Default::default() }),
        ("decimal", Value::Number(n)) => one(ResponseAnswer { value_decimal: n.as_f64(), ..Default::default() }),
        ("integer", Value::Number(n)) => one(integer(n.as_f64().unwrap_or_default())),
        ("date", Value::String(d)) => one(ResponseAnswer { value_date: Some(d.clone()), ..Default::default() }),
        ("choice", Value::Array(words)) if it.repeats => {
            if words.is_empty() {
                one(coded(it, "none"))
            } else {
                words.iter().filter_map(Value::as_str).map(|w| coded(it, w)).collect()
            }
        }
        ("choice", v) => {
            let kind = question(&it.link_id).map(|q| q.kind);
            let code = match (kind, v) {
                (_, Value::String(s)) if s == "none" => "none",
                (Some(Kind::Event(..)), Value::String(_)) => "date",
                (Some(Kind::NoneOr(_, _, Gate::Listing)), Value::Array(rows)) if rows.is_empty() => "none",
                (Some(Kind::NoneOr(_, _, gate)), Value::Array(_) | Value::Object(_)) => gate.value(),
                (_, Value::String(s)) => s,
                _ => return Vec::new(),
            };
            one(coded(it, code))
        }
        _ => Vec::new(),
    }
}

/// A whole-number answer: `valueInteger` when it is one, else (a value the
/// engine will refuse, `4.5` as a SLEDAI-2K score) `valueDecimal`, so that
/// the response keeps what the document said.
fn integer(x: f64) -> ResponseAnswer {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if x.fract() == 0.0 && x.abs() <= EXACT && !(x == 0.0 && x.is_sign_negative()) {
        // In range and whole: the cast is exact.
        #[allow(clippy::cast_possible_truncation)]
        ResponseAnswer { value_integer: Some(x as i64), ..Default::default() }
    } else {
        ResponseAnswer { value_decimal: Some(x), ..Default::default() }
    }
}

/// The coding of answer option `code` of a choice item.
fn coded(it: &QuestionnaireItem, code: &str) -> ResponseAnswer {
    let display = it
        .answer_option
        .iter()
        .find(|o| o.value_coding.code.as_deref() == Some(code))
        .and_then(|o| o.value_coding.display.as_deref())
        .unwrap_or(code);
    ResponseAnswer { value_coding: Some(Coding::of(CODES, code, display)), ..Default::default() }
}

/// Reads the answers of a `QuestionnaireResponse` to this questionnaire
/// (ours, or one another SDC form filler wrote), given as a JSON value.
/// An omitted choice that opens other questions is taken from what they
/// answer (a date given for an event is a date; malignancy rows are a
/// list); `authored` is not read (the screening date is an item).
///
/// # Errors
/// When the value is not a `QuestionnaireResponse`, answers another
/// questionnaire, is marked `entered-in-error`, or has an item with an
/// unknown linkId, a value of the wrong type, a code the item does not
/// offer, two answers where one is asked, or answers that contradict
/// each other; the error's path is the linkId.
pub fn answers_from_questionnaire_response(value: &Value) -> Result<Answers, Error> {
    match value.get("resourceType").and_then(Value::as_str) {
        Some("QuestionnaireResponse") => {}
        Some(other) => {
            return Err(Error::new("resourceType", &format!("a {} is not a QuestionnaireResponse", clip(other))))
        }
        None => return Err(Error::new("resourceType", "missing: not a FHIR QuestionnaireResponse")),
    }
    let response: QuestionnaireResponse = serde_path_to_error::deserialize(value).map_err(|e| {
        let at = e.path().to_string();
        Error::new(link_id_at(value, &at).unwrap_or_else(|| at.clone()), &format!("{} (at {at})", e.inner()))
    })?;
    if let Some(q) = &response.questionnaire {
        let (url, version) = q.split_once('|').map_or((q.as_str(), None), |(u, v)| (u, Some(v)));
        if url != QUESTIONNAIRE_URL || version.is_some_and(|v| v != ANSWERS_SCHEMA) {
            return Err(Error::new(
                "questionnaire",
                &format!("this response answers another questionnaire ({}), not {}", clip(q), canonical()),
            ));
        }
    }
    if response.status == "entered-in-error" {
        return Err(Error::new("status", "the response is marked entered-in-error"));
    }
    let mut index = Vec::new();
    flatten(&questionnaire().item, &mut index);
    let mut reader = Reader { index, draft: Draft::default(), seen: Vec::new() };
    reader.items(&response.item, None)?;
    let mut draft = reader.draft;
    settle(&mut draft)?;
    // Notes here are only of implausible years: kept, as the page keeps them.
    Ok(draft.to_answers().0)
}

/// Every item of the questionnaire, depth first.
fn flatten(items: &[QuestionnaireItem], out: &mut Vec<QuestionnaireItem>) {
    for it in items {
        out.push(it.clone());
        flatten(&it.item, out);
    }
}

/// The linkId of the innermost item on a serde path (`item[2].item[0].answer[0].valueDecimal`).
fn link_id_at(doc: &Value, path: &str) -> Option<String> {
    let mut v = doc;
    let mut found = None;
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((k, i)) => (k, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        v = v.get(key)?;
        if let Some(i) = index {
            v = v.get(i)?;
        }
        if let Some(id) = v.get("linkId").and_then(Value::as_str) {
            found = Some(id.to_string());
        }
    }
    found
}

/// A caller's text cut for a message.
fn clip(s: &str) -> String {
    crate::questions::draft::clip(s, 60)
}

/// Reads response items into a draft.
struct Reader {
    /// The questionnaire's items.
    index: Vec<QuestionnaireItem>,
    draft: Draft,
    /// The draft keys answered so far (a question answered twice is refused).
    seen: Vec<String>,
}

impl Reader {
    /// Reads `items`, inside malignancy row `row` if any.
    fn items(&mut self, items: &[ResponseItem], row: Option<usize>) -> Result<(), Error> {
        for ri in items {
            let id = ri.link_id.as_str();
            let Some(qi) = self.index.iter().find(|q| q.link_id == id).cloned() else {
                return Err(Error::new(clip(id), "no item of this questionnaire has this linkId"));
            };
            if qi.kind == "group" {
                if !ri.answer.is_empty() {
                    return Err(Error::new(id, "a group has items, not answers"));
                }
                let row = if id == MALIGNANCY_ROW {
                    if row.is_some() {
                        return Err(Error::new(id, "a malignancy row inside another"));
                    }
                    self.draft.malignancies += 1;
                    Some(self.draft.malignancies - 1)
                } else {
                    row
                };
                self.items(&ri.item, row)?;
                continue;
            }
            let texts = ri.answer.iter().map(|a| value_text(&qi, a)).collect::<Result<Vec<String>, Error>>()?;
            if texts.len() > 1 && !qi.repeats {
                return Err(Error::new(id, &format!("{} answers to a question that takes one", texts.len())));
            }
            self.answer(&qi, &texts, row)?;
            // Items nested under a question or an answer: read as any other.
            self.items(&ri.item, row)?;
            for a in &ri.answer {
                self.items(&a.item, row)?;
            }
        }
        Ok(())
    }

    /// Puts the answers of question `qi` into the draft.
    fn answer(&mut self, qi: &QuestionnaireItem, texts: &[String], row: Option<usize>) -> Result<(), Error> {
        let id = qi.link_id.as_str();
        let Some(first) = texts.first() else { return Ok(()) };
        let key = if let Some(leaf) = id.strip_prefix(MALIGNANCY_ROW).and_then(|l| l.strip_prefix('.')) {
            let Some(i) = row else {
                return Err(Error::new(id, "a malignancy row's answer outside a malignancy row"));
            };
            row_path(i, leaf)
        } else if id == SLEDAI_MODE_LINK {
            SLEDAI_MODE.to_string()
        } else {
            id.to_string()
        };
        if self.seen.contains(&key) {
            return Err(Error::new(id, "answered twice"));
        }
        self.seen.push(key.clone());
        if qi.repeats {
            if texts.iter().any(|t| t == "none") && texts.len() > 1 {
                return Err(Error::new(id, "“none of these” together with other answers"));
            }
            let words = texts.iter().filter(|t| *t != "none").map(|t| Value::String(t.clone())).collect();
            self.draft.put(&key, &Value::Array(words));
        } else {
            self.draft.set(&key, first.clone());
        }
        Ok(())
    }
}

/// The draft text of one answer to `qi`, checking its type and code.
fn value_text(qi: &QuestionnaireItem, a: &ResponseAnswer) -> Result<String, Error> {
    let id = qi.link_id.as_str();
    let given: Vec<&str> = [
        (a.value_boolean.is_some(), "valueBoolean"),
        (a.value_decimal.is_some(), "valueDecimal"),
        (a.value_integer.is_some(), "valueInteger"),
        (a.value_date.is_some(), "valueDate"),
        (a.value_string.is_some(), "valueString"),
        (a.value_coding.is_some(), "valueCoding"),
    ]
    .into_iter()
    .filter_map(|(set, name)| set.then_some(name))
    .collect();
    let expected = match qi.kind.as_str() {
        "boolean" => "valueBoolean",
        "decimal" => "valueDecimal",
        "integer" => "valueInteger",
        "date" => "valueDate",
        _ => "valueCoding",
    };
    match given.as_slice() {
        [] => return Err(Error::new(id, &format!("an answer without a value; expected {expected}"))),
        [_] => {}
        more => return Err(Error::new(id, &format!("an answer with {} values; expected one {expected}", more.len()))),
    }
    let wrong =
        || Err(Error::new(id, &format!("{} is not an answer to a {} item; expected {expected}", given[0], qi.kind)));
    match (qi.kind.as_str(), a) {
        ("boolean", ResponseAnswer { value_boolean: Some(b), .. }) => Ok(b.to_string()),
        ("decimal", ResponseAnswer { value_decimal: Some(x), .. }) => Ok(x.to_string()),
        ("integer", ResponseAnswer { value_integer: Some(n), .. }) => Ok(n.to_string()),
        // A non-whole value, as written for one the engine will refuse.
        ("integer", ResponseAnswer { value_decimal: Some(x), .. }) => Ok(x.to_string()),
        ("date", ResponseAnswer { value_date: Some(d), .. }) => match parse_date(d) {
            Some(_) => Ok(d.clone()),
            None => Err(Error::new(id, &format!("“{}” is not a full date (YYYY-MM-DD)", clip(d)))),
        },
        ("choice", ResponseAnswer { value_coding: Some(c), .. }) => choice(qi, c),
        _ => wrong(),
    }
}

/// The code of a coding answering choice `qi`: one of its options.
fn choice(qi: &QuestionnaireItem, c: &Coding) -> Result<String, Error> {
    let id = qi.link_id.as_str();
    let Some(code) = c.code.as_deref() else {
        return Err(Error::new(id, "a coding without a code"));
    };
    if c.system.as_deref().is_some_and(|s| s != CODES) {
        return Err(Error::new(
            id,
            &format!(
                "the code “{}” is of another system ({})",
                clip(code),
                clip(c.system.as_deref().unwrap_or_default())
            ),
        ));
    }
    if qi.answer_option.iter().any(|o| o.value_coding.code.as_deref() == Some(code)) {
        Ok(code.to_string())
    } else {
        Err(Error::new(id, &format!("“{}” is not one of this item's answers", clip(code))))
    }
}

/// Takes an omitted choice from the answers it opens, and refuses a choice
/// that contradicts them (`none` with a date, rows or a dose): a form
/// filler hides those answers, so only a response written otherwise can
/// hold both, and neither can be dropped silently.
fn settle(d: &mut Draft) -> Result<(), Error> {
    let given = |d: &Draft, prefix: &str| d.vals.iter().any(|(k, _)| k.starts_with(prefix));
    // Events: `path` and `path#date`.
    let dated: Vec<String> = d.vals.iter().filter_map(|(k, _)| k.strip_suffix("#date").map(str::to_string)).collect();
    for event in dated {
        match d.get(&event) {
            "" => d.set(&event, "date".into()),
            "date" => {}
            _ => return Err(Error::new(event, "“none”, yet a date is given")),
        }
    }
    if d.malignancies > 0 {
        match d.get("conditions.malignancy") {
            "" => d.set("conditions.malignancy", "list".into()),
            "list" => {}
            _ => return Err(Error::new("conditions.malignancy", "“none”, yet malignancies are listed")),
        }
    }
    if given(d, "medications.corticosteroid.") {
        match d.get("medications.corticosteroid") {
            "" => d.set("medications.corticosteroid", "taking".into()),
            "taking" => {}
            _ => return Err(Error::new("medications.corticosteroid", "“none”, yet a drug or dose is given")),
        }
    }
    let (score, items) = (given(d, "sle.sledai.score"), given(d, "sle.sledai.items/"));
    match (d.get(SLEDAI_MODE), score, items) {
        ("", true, true) => d.set(SLEDAI_MODE, "both".into()),
        ("", true, false) => d.set(SLEDAI_MODE, "score".into()),
        ("items", true, _) => return Err(Error::new(SLEDAI_MODE_LINK, "“descriptors”, yet a total score is given")),
        ("score", _, true) => return Err(Error::new(SLEDAI_MODE_LINK, "“total score”, yet descriptors are given")),
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(text: &str) -> Answers {
        crate::from_json(text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn today() -> NaiveDate {
        parse_date("2026-11-26").unwrap_or_default()
    }

    /// The response as JSON, and read back.
    fn round_trip(a: &Answers) -> (Value, Result<Answers, Error>) {
        let r = serde_json::to_value(to_questionnaire_response(a, today())).unwrap_or_default();
        let back = answers_from_questionnaire_response(&r);
        (r, back)
    }

    /// A response to our questionnaire with these items.
    fn response(items: Value) -> Value {
        json!({"resourceType": "QuestionnaireResponse", "questionnaire": canonical(), "status": "completed", "item": items})
    }

    #[test]
    fn answers_come_back_from_their_response() {
        let a = doc(r#"{"schema":"misle-answers/1","screening_date":"2026-11-26",
          "patient":{"sex":"female","weight_kg":70.5,"age_years":41,"pregnant":false},
          "sle":{"acr_criteria":["serositis","arthritis","serositis"],"sledai":{"items":["fever","arthritis"]},
                 "bilag":{"renal":"B"},"ana":{"titer":160,"date":"2026-10-01"}},
          "nephritis_therapy":{"mycophenolate_months":7,"ongoing":true},
          "labs":{"hemoglobin":{"value":11.2,"unit":"g/dL"},"wbc":{"value":1e-7,"unit":"/uL"}},
          "conditions":{"malignancy":[{"type":"other","date":"2020-01-01"},{}],"herpes_zoster":"none","serious_infection":"2026-08-01"},
          "medications":{"corticosteroid":{"drug":"prednisone","daily_mg":20},"belimumab":"none"}}"#);
        let (r, back) = round_trip(&a);
        assert_eq!(back, Ok(a));
        assert_eq!(r["questionnaire"], "urn:misle-check:questionnaire|misle-answers/1");
        assert_eq!(r["authored"], "2026-11-26");
        // Groups mirror the questionnaire's sections; only answered items.
        let sections: Vec<&str> =
            r["item"].as_array().into_iter().flatten().filter_map(|i| i["linkId"].as_str()).collect();
        assert_eq!(
            sections,
            [
                "dates",
                "patient",
                "reproductive",
                "history",
                "activity",
                "nephritis",
                "labs",
                "conditions",
                "medications"
            ]
        );
    }

    #[test]
    fn what_only_a_file_can_say_survives_the_response() {
        for json in [
            r#"{"sle":{"sledai":{"score":8,"items":["arthritis"]}}}"#,
            r#"{"sle":{"sledai":{"score":4.5}}}"#,
            r#"{"sle":{"sledai":{"items":[]},"acr_criteria":[]}}"#,
            r#"{"patient":{"sex":"male","pregnant":true,"age_years":-0.0}}"#,
            r#"{"patient":{"age_years":1e300}}"#,
            r#"{"medications":{"corticosteroid":{}}}"#,
            r#"{"medications":{"corticosteroid":"none"}}"#,
            r#"{"conditions":{"malignancy":[{"type":"other"},{"type":"other"}]}}"#,
            r#"{"sle":{"ana":{"titer":100.5}}}"#,
        ] {
            let a = doc(json);
            let (_, back) = round_trip(&a);
            let back = back.unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(crate::to_json(&Answers { schema: None, ..back }), crate::to_json(&a), "{json}");
        }
    }

    #[test]
    fn status_follows_the_verdict() {
        let r = to_questionnaire_response(&doc("{}"), today());
        assert_eq!((r.status.as_str(), r.authored.as_deref()), ("in-progress", Some("2026-11-26")));
        let male = doc(r#"{"screening_date":"2026-01-05","patient":{"age_years":12}}"#);
        let r = to_questionnaire_response(&male, today());
        assert_eq!((r.status.as_str(), r.authored.as_deref()), ("completed", Some("2026-01-05")));
    }

    #[test]
    fn a_response_from_another_filler_is_read() {
        // As LHC-Forms writes one: no mode or event choice where the
        // questions under them are answered, codings with display.
        let r = json!({
            "resourceType": "QuestionnaireResponse", "questionnaire": "urn:misle-check:questionnaire", "status": "in-progress",
            "item": [
                {"linkId": "patient", "item": [{"linkId": "patient.sex", "answer": [{"valueCoding": {"code": "female", "display": "Female", "system": CODES}}]}]},
                {"linkId": "activity", "item": [{"linkId": "sle.sledai.score", "answer": [{"valueInteger": 8}]}]},
                {"linkId": "conditions", "item": [
                    {"linkId": "conditions.herpes_zoster#date", "answer": [{"valueDate": "2026-09-01"}]},
                    {"linkId": "conditions.malignancy[]", "item": [{"linkId": "conditions.malignancy[].type", "answer": [{"valueCoding": {"code": "cervical_cis"}}]}]}
                ]},
                {"linkId": "medications", "item": [{"linkId": "medications.corticosteroid.daily_mg", "answer": [{"valueDecimal": 7.5}]}]}
            ]
        });
        let a = answers_from_questionnaire_response(&r).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            crate::to_json(&a),
            crate::to_json(&doc(
                r#"{"schema":"misle-answers/1","patient":{"sex":"female"},"sle":{"sledai":{"score":8}},
              "conditions":{"malignancy":[{"type":"cervical_cis"}],"herpes_zoster":"2026-09-01"},
              "medications":{"corticosteroid":{"daily_mg":7.5}}}"#
            ))
        );
    }

    #[test]
    fn bad_responses_are_refused_naming_the_link_id() {
        let coded = |id: &str, code: &str| json!({"linkId": id, "answer": [{"valueCoding": {"code": code}}]});
        let cases = [
            (
                "another questionnaire",
                json!({"resourceType": "QuestionnaireResponse", "questionnaire": "http://x/q", "status": "completed"}),
                "questionnaire",
                "another questionnaire",
            ),
            (
                "another version",
                json!({"resourceType": "QuestionnaireResponse", "questionnaire": "urn:misle-check:questionnaire|misle-answers/2", "status": "completed"}),
                "questionnaire",
                "another questionnaire",
            ),
            (
                "not a response",
                json!({"resourceType": "Patient"}),
                "resourceType",
                "a Patient is not a QuestionnaireResponse",
            ),
            ("no resource type", json!({"item": []}), "resourceType", "missing"),
            (
                "entered in error",
                json!({"resourceType": "QuestionnaireResponse", "status": "entered-in-error"}),
                "status",
                "entered-in-error",
            ),
            (
                "an unknown linkId",
                response(json!([{"linkId": "labs.c3", "answer": [{"valueDecimal": 1}]}])),
                "labs.c3",
                "no item",
            ),
            (
                "a string for a decimal",
                response(json!([{"linkId": "labs.hemoglobin.value", "answer": [{"valueString": "11"}]}])),
                "labs.hemoglobin.value",
                "valueString is not an answer to a decimal item; expected valueDecimal",
            ),
            (
                "a decimal written as text",
                response(
                    json!([{"linkId": "labs", "item": [{"linkId": "labs.hemoglobin.value", "answer": [{"valueDecimal": "11"}]}]}]),
                ),
                "labs.hemoglobin.value",
                "invalid type: string \"11\", expected f64 (at item[0].item[0].answer[0].valueDecimal)",
            ),
            (
                "a code not offered",
                response(json!([coded("patient.sex", "other")])),
                "patient.sex",
                "“other” is not one of this item's answers",
            ),
            (
                "a code of another system",
                response(
                    json!([{"linkId": "patient.sex", "answer": [{"valueCoding": {"system": "http://snomed.info/sct", "code": "248152002"}}]}]),
                ),
                "patient.sex",
                "another system",
            ),
            (
                "two answers to one question",
                response(
                    json!([{"linkId": "patient.weight_kg", "answer": [{"valueDecimal": 70}, {"valueDecimal": 71}]}]),
                ),
                "patient.weight_kg",
                "2 answers to a question that takes one",
            ),
            (
                "an answer without a value",
                response(json!([{"linkId": "patient.weight_kg", "answer": [{}]}])),
                "patient.weight_kg",
                "without a value",
            ),
            (
                "a partial date",
                response(json!([{"linkId": "patient.birth_date", "answer": [{"valueDate": "1980-05"}]}])),
                "patient.birth_date",
                "not a full date",
            ),
            (
                "none with words",
                response(
                    json!([{"linkId": "sle.acr_criteria", "answer": [{"valueCoding": {"code": "none"}}, {"valueCoding": {"code": "arthritis"}}]}]),
                ),
                "sle.acr_criteria",
                "none of these",
            ),
            (
                "a question answered twice",
                response(json!([coded("patient.sex", "male"), coded("patient.sex", "male")])),
                "patient.sex",
                "answered twice",
            ),
            (
                "none with a date",
                response(
                    json!([coded("conditions.herpes_zoster", "none"), {"linkId": "conditions.herpes_zoster#date", "answer": [{"valueDate": "2026-01-01"}]}]),
                ),
                "conditions.herpes_zoster",
                "yet a date",
            ),
            (
                "none with malignancies",
                response(
                    json!([coded("conditions.malignancy", "none"), {"linkId": "conditions.malignancy[]", "item": [coded("conditions.malignancy[].type", "other")]}]),
                ),
                "conditions.malignancy",
                "yet malignancies",
            ),
            (
                "a row's answer outside a row",
                response(json!([coded("conditions.malignancy[].type", "other")])),
                "conditions.malignancy[].type",
                "outside a malignancy row",
            ),
            (
                "descriptors with a score",
                response(
                    json!([coded("sle.sledai#mode", "items"), {"linkId": "sle.sledai.score", "answer": [{"valueInteger": 6}]}]),
                ),
                "sle.sledai#mode",
                "yet a total score",
            ),
            (
                "a group with answers",
                response(json!([{"linkId": "labs", "answer": [{"valueBoolean": true}]}])),
                "labs",
                "a group has items",
            ),
            ("a linkId that is not text", response(json!([{"linkId": 7}])), "item[0].linkId", "invalid type"),
        ];
        for (name, r, path, words) in cases {
            match answers_from_questionnaire_response(&r) {
                Ok(a) => panic!("{name}: read as {}", crate::to_json(&a)),
                Err(e) => {
                    assert_eq!(e.path(), path, "{name}: {e}");
                    assert!(e.message().contains(words), "{name}: {e}");
                }
            }
        }
    }
}
