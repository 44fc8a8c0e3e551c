//! Building HTML as text, and the few DOM calls the page makes.

use wasm_bindgen::{JsCast, JsValue};

/// Appends `s` with `&`, `<`, `>` and `"` escaped.
///
/// Copies the runs between those bytes whole: a `push` per character was the
/// largest cost of writing a section's HTML. (The four are ASCII, so a byte
/// index next to one is always a character boundary.)
pub fn esc(o: &mut String, s: &str) {
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let with = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => continue,
        };
        o.push_str(s.get(from..i).unwrap_or_default());
        o.push_str(with);
        from = i + 1;
    }
    o.push_str(s.get(from..).unwrap_or_default());
}

/// Appends ` name="value"`.
pub fn attr(o: &mut String, name: &str, value: &str) {
    o.push(' ');
    o.push_str(name);
    o.push_str("=\"");
    esc(o, value);
    o.push('"');
}

/// `<tag attrs>text</tag>`, the text escaped (`attrs` is raw HTML).
pub fn tag(o: &mut String, tag: &str, attrs: &str, text: &str) {
    o.push('<');
    o.push_str(tag);
    o.push_str(attrs);
    o.push('>');
    esc(o, text);
    o.push_str("</");
    o.push_str(tag);
    o.push('>');
}

/// The document.
#[must_use]
pub fn doc() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The element with `id`.
#[must_use]
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    doc().and_then(|d| d.get_element_by_id(id))
}

/// Every element under `root` matching `sel`.
#[must_use]
pub fn all(root: &web_sys::Element, sel: &str) -> Vec<web_sys::Element> {
    let f = prop(root.as_ref(), "querySelectorAll");
    let Ok(f) = f.dyn_into::<js_sys::Function>() else { return Vec::new() };
    let Ok(list) = f.call1(root.as_ref(), &JsValue::from_str(sel)) else { return Vec::new() };
    js_sys::Array::from(&list).iter().filter_map(|n| n.dyn_into::<web_sys::Element>().ok()).collect()
}

/// A property of a DOM object (`value`, `checked`).
#[must_use]
pub fn prop(el: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(el, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Sets a property of a DOM object.
pub fn set_prop(el: &JsValue, name: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(el, &JsValue::from_str(name), v);
}

/// Sets a boolean property when it differs.
pub fn set_flag(el: &JsValue, name: &str, on: bool) {
    if prop(el, name).as_bool() != Some(on) {
        set_prop(el, name, &JsValue::from_bool(on));
    }
}

/// Sets or removes an attribute, when it differs.
pub fn set_attr(el: &web_sys::Element, name: &str, v: Option<&str>) {
    let now = el.get_attribute(name);
    if now.as_deref() != v {
        let _ = match v {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }
}

/// Sets the inner HTML of `#id` when `html` differs from what was last set
/// there (`last`).
pub fn put(id: &str, last: &mut String, html: String) {
    if *last != html {
        if let Some(el) = by_id(id) {
            el.set_inner_html(&html);
        }
        *last = html;
    }
}

/// Sets the text of `#id` when it differs.
pub fn put_text(id: &str, text: &str) {
    if let Some(el) = by_id(id) {
        if el.text_content().as_deref() != Some(text) {
            el.set_text_content(Some(text));
        }
    }
}

/// Writes a finite number as JavaScript does (`Number#toString`: the
/// shortest text that reads back to the same number, e.g. `0.1`, `1e-7`),
/// for JSON and fields written by the page; Rust's own float printer would
/// add ~5 KB gzip to the page for the same result. (Natively, for unit
/// tests, Rust's shortest form, which differs only in never using an
/// exponent.)
pub fn js_number(value: f64, out: &mut String) {
    #[cfg(target_arch = "wasm32")]
    match js_sys::Number::from(value).to_string_with_radix(10) {
        Ok(s) => out.push_str(&String::from(s)),
        // Not reached for a finite number; JSON's `null` rather than a panic.
        Err(_) => out.push_str("null"),
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::fmt::Write;
        let _ = write!(out, "{value}");
    }
}

/// The number a decimal text names, read by JavaScript's `Number()` (the
/// nearest `f64`, as Rust's parser gives; infinite when out of range), for
/// texts already checked to be numbers: JSON numbers and the page's number
/// fields. Callers must check first: `Number()` also takes `""`, `0x10` and
/// `Infinity`. Rust's parser would add ~10 KB gzip to the page, most of it
/// a table of powers of five. (Natively, for unit tests, Rust's parser.)
///
/// ECMAScript lets an engine round either way beyond the 20th significant
/// digit; V8, SpiderMonkey and JavaScriptCore round correctly, and every
/// number the page writes has at most 17.
#[must_use]
pub(crate) fn read_number(text: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        #[wasm_bindgen::prelude::wasm_bindgen]
        extern "C" {
            #[wasm_bindgen(js_name = Number)]
            fn js_number_of(text: &str) -> f64;
        }
        Some(js_number_of(text)).filter(|x| !x.is_nan())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_escapes_the_four_and_keeps_everything_else() {
        let cases = [
            ("", ""),
            ("plain words", "plain words"),
            ("a&b<c>d\"e", "a&amp;b&lt;c&gt;d&quot;e"),
            ("&<>\"", "&amp;&lt;&gt;&quot;"),
            ("ünï ☃ ≥1:80 'single' <b>", "ünï ☃ ≥1:80 'single' &lt;b&gt;"),
            ("<at the start and the end>", "&lt;at the start and the end&gt;"),
            ("&&", "&amp;&amp;"),
        ];
        for (text, want) in cases {
            let mut o = String::from("kept:");
            esc(&mut o, text);
            assert_eq!(o, format!("kept:{want}"), "{text:?}");
        }
    }
}
