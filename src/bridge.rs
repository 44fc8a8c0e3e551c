//! JSON trees to JS values, for the two ways the engine meets JavaScript:
//! the engine module (`js` feature) and the page's postMessage channel
//! (`ui` feature). One conversion, so a report has one shape everywhere.

use wasm_bindgen::JsValue;

use crate::parse::Value;

/// A JSON tree as a plain JS value (objects, arrays, strings, numbers, null).
#[must_use]
pub fn to_js(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number { value, .. } => JsValue::from_f64(*value),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<js_sys::Array>().into(),
        Value::Object(members) => {
            let obj = js_sys::Object::new();
            for (k, v) in members {
                let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), &to_js(v));
            }
            obj.into()
        }
    }
}
