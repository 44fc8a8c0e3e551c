//! The engine's JavaScript API (feature `js`): `evaluate(answers)` and
//! `version()`, built by `wasm-bindgen --target web` into `engine/`.
//!
//! Objects cross as plain JS objects (through `crate::Value`): answers in, report
//! out. A structurally invalid answers object throws an `Error` whose message
//! names the path (`patient.weight_kg: invalid type: string "heavy", expected f64`).
//! "Today" (used when `screening_date` is absent) is read from the browser
//! clock here, at the boundary; the engine itself never reads a clock.

use wasm_bindgen::prelude::*;

// The engine module alone (not the page, which keeps dlmalloc for its many
// allocations per change) uses the smaller allocator; see Cargo.toml.
// SAFETY: the module runs in one thread: wasm-bindgen's `--target web` output
// has no shared memory, so no two calls can allocate at once.
#[cfg(all(target_arch = "wasm32", not(feature = "ui")))]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

use crate::bridge::to_js;
use crate::engine::answers::ANSWERS_SCHEMA;
use crate::engine::report::REPORT_SCHEMA;
use crate::parse::Value;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("js/types.d.ts");

/// Evaluates answers (a plain object following `misle-answers/1`) and returns
/// the report (`misle-report/1`) as a plain object.
///
/// # Errors
/// Throws an `Error` naming the offending path when `answers` is not a valid
/// answers document.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(#[wasm_bindgen(unchecked_param_type = "Answers")] answers: JsValue) -> Result<JsValue, JsError> {
    let tree = to_value(&answers, "", 0).map_err(|e| JsError::new(&e))?;
    let answers = crate::from_value(&tree).map_err(|e| JsError::new(&e.to_string()))?;
    let report = crate::evaluate(&answers, today());
    Ok(to_js(&crate::parse::report_value(&report)))
}

/// A JS value as a JSON-like tree. `undefined` is absent like `null`; NaN
/// and infinities stay numbers (the engine reports them as errors).
fn to_value(v: &JsValue, path: &str, depth: usize) -> Result<Value, String> {
    let at = |what: &str| if path.is_empty() { format!("answers: {what}") } else { format!("{path}: {what}") };
    if depth > crate::parse::json::MAX_DEPTH {
        return Err(at("nesting too deep"));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Value::Number { value: n, integer: n.is_finite() && n.fract() == 0.0 });
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if js_sys::Array::is_array(v) {
        let arr = js_sys::Array::from(v);
        let mut items = Vec::new();
        for (i, x) in arr.iter().enumerate() {
            items.push(to_value(&x, &format!("{path}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    if v.is_object() && !v.is_function() {
        let obj = js_sys::Object::from(v.clone());
        let mut members = Vec::new();
        for key in js_sys::Object::keys(&obj).iter() {
            let Some(k) = key.as_string() else { continue };
            let child = js_sys::Reflect::get(&obj, &key).map_err(|_| at("cannot read a property"))?;
            let child_path = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
            members.push((k, to_value(&child, &child_path, depth + 1)?));
        }
        return Ok(Value::Object(members));
    }
    Err(at("invalid type: a JavaScript value that JSON cannot hold (function, symbol or bigint)"))
}

/// `{ package, answers_schema, report_schema }`.
#[wasm_bindgen(unchecked_return_type = "Version")]
pub fn version() -> JsValue {
    let text = |s: &str| Value::String(s.to_string());
    to_js(&Value::Object(vec![
        ("package".into(), text(crate::VERSION)),
        ("answers_schema".into(), text(ANSWERS_SCHEMA)),
        ("report_schema".into(), text(REPORT_SCHEMA)),
    ]))
}

/// The browser's local date.
fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    i32::try_from(y).ok().and_then(|y| chrono::NaiveDate::from_ymd_opt(y, m, d)).unwrap_or_default()
}
