//! Answers from, and reports to, JavaScript values: the one conversion that
//! the engine module (`evaluate`) and the page's host channel
//! (`misle:prefill`, `misle:report`) share.
//!
//! Values go through serde-wasm-bindgen. Before that, one walk over the
//! value refuses what serde-wasm-bindgen would read too kindly: a `Map`
//! (it reads one as an object), a `Set`, a `Date` or a class instance (as
//! their entries), functions, symbols and bigints; it also adds up the
//! value's size as JSON and refuses one larger than [`MAX_BYTES`] without
//! deserializing anything. The walk reads no string's contents (only its
//! length), so its time is linear in the number of values, and it stops at
//! [`WALK_LIMIT`] bytes of JSON.

use js_sys::{Array, JsString, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use super::{Error, MAX_BYTES};
use crate::engine::answers::Answers;

/// How deep the walk goes: an answers document nests 4 levels; a cyclic
/// value is refused here.
const MAX_DEPTH: usize = 32;

/// Where the walk stops adding up the size of a huge value (bytes of JSON):
/// it is then refused as "more than" this.
const WALK_LIMIT: usize = 4 * MAX_BYTES;

/// Reads an answers document given as a plain JavaScript object, as the
/// page reads a file: serde-wasm-bindgen converts it to a JSON value, which
/// the one reader of answers documents ([`super::from_json`]) reads.
///
/// (Every answer type's path-tracking deserializer is instantiated once,
/// for serde_json's reader of text; a serde-wasm-bindgen instance of them
/// besides would add about 30 KB gzip to each wasm file.)
///
/// # Errors
/// When the value is larger than [`MAX_BYTES`] as JSON, holds something
/// JSON cannot (a `Map`, `Set`, `Date`, class instance, function, symbol or
/// bigint), or is not a valid answers document; the error names the path.
pub fn answers_from_js(value: &JsValue) -> Result<Answers, Error> {
    super::from_json(&value_from_js(value)?.to_string())
}

/// A plain JavaScript value as a JSON value (an answers document, or a
/// FHIR resource given to the engine module or by a message), refusing
/// what JSON cannot hold and what is too large before any deserializing.
///
/// # Errors
/// As [`answers_from_js`], for the value's shape and size.
pub fn value_from_js(value: &JsValue) -> Result<serde_json::Value, Error> {
    check(value)?;
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| Error::new("", &e.to_string()))
}

/// What the walk finds before any deserializing: too large, or something
/// JSON cannot hold.
fn check(value: &JsValue) -> Result<(), Error> {
    let mut walk = Walk { size: 0, stopped: false, fault: None };
    walk.value(value, &mut String::new(), 0);
    if walk.size > MAX_BYTES {
        return Err(Error::too_large(walk.size, walk.stopped));
    }
    walk.fault.map_or(Ok(()), Err)
}

/// A report, version or any serializable value as a plain JavaScript value:
/// objects as plain objects (never `Map`s), `None` as `null`.
#[must_use]
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    // Cannot fail for the project's types (string keys, no bigints).
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// The walk's findings: the size as JSON so far (and whether the walk
/// stopped adding up at [`WALK_LIMIT`], so the size is a lower bound), and
/// the first value JSON cannot hold.
struct Walk {
    size: usize,
    stopped: bool,
    fault: Option<Error>,
}

impl Walk {
    fn value(&mut self, v: &JsValue, path: &mut String, depth: usize) {
        if self.size >= WALK_LIMIT {
            self.stopped = true;
            return;
        }
        if v.is_null() || v.is_undefined() || v.as_bool().is_some() {
            self.size += 5;
        } else if let Some(x) = v.as_f64() {
            self.size += 8;
            if !x.is_finite() {
                // What the answer types say of it (JSON has no NaN): a JSON
                // value would silently make it null.
                let number = if x.is_nan() {
                    "NaN"
                } else if x > 0.0 {
                    "inf"
                } else {
                    "-inf"
                };
                self.refuse(path, &format!("invalid value: floating point `{number}`, expected a finite number"));
            }
        } else if let Some(s) = v.dyn_ref::<JsString>() {
            self.size += s.length() as usize + 2;
        } else if depth >= MAX_DEPTH {
            self.refuse(path, "nested too deeply (or refers to itself)");
        } else if Array::is_array(v) {
            let items: &Array = v.unchecked_ref();
            let len = path.len();
            for (i, item) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                self.value(&item, path, depth + 1);
                path.truncate(len);
                self.size += 1;
            }
            self.size += 2;
        } else if v.is_object() && !v.is_function() && plain(v) {
            let object: &Object = v.unchecked_ref();
            let len = path.len();
            for key in Object::keys(object).iter() {
                let Some(name) = key.dyn_ref::<JsString>() else { continue };
                self.size += name.length() as usize + 4;
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&String::from(name));
                let child = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
                self.value(&child, path, depth + 1);
                path.truncate(len);
            }
            self.size += 2;
        } else {
            let what = kind(v);
            self.refuse(path, &format!("invalid type: {what}, expected plain JSON data (an object, array, string, number, boolean or null)"));
        }
    }

    /// Notes the first value JSON cannot hold (the walk goes on, adding up
    /// the size).
    fn refuse(&mut self, path: &str, message: &str) {
        if self.fault.is_none() {
            self.fault = Some(Error::new(path, message));
        }
    }
}

/// Whether an object is a plain one (`{}` or `Object.create(null)`, of
/// this realm or another): its prototype is null or has none itself.
fn plain(v: &JsValue) -> bool {
    let proto = Object::get_prototype_of(v);
    let proto: &JsValue = proto.as_ref();
    proto.is_null() || Object::get_prototype_of(proto).is_null()
}

/// A value JSON cannot hold, in words (`a Map`, `a function`).
fn kind(v: &JsValue) -> String {
    if v.is_function() {
        return "a function".into();
    }
    if v.is_symbol() {
        return "a symbol".into();
    }
    if v.is_bigint() {
        return "a bigint".into();
    }
    let name = Reflect::get(v, &JsValue::from_str("constructor"))
        .ok()
        .and_then(|c| Reflect::get(&c, &JsValue::from_str("name")).ok())
        .and_then(|n| n.as_string())
        .filter(|n| !n.is_empty() && n.len() <= 40);
    match name {
        Some(n) => format!("an object of class {n}"),
        None => "an object that is not a plain object".into(),
    }
}
