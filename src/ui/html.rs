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

/// The attributes of each `<input>` and `<select>` start tag of `markup`
/// that has `data-path` or `data-control`, in document order (the order of
/// `querySelectorAll("[data-path],[data-control]")` on that markup): the
/// page reads what it wrote instead of asking the DOM four times an input.
/// For markup written by [`attr`] (double-quoted, escaped by [`esc`]).
#[must_use]
pub fn input_tags(markup: &str) -> Vec<Vec<(&str, String)>> {
    let b = markup.as_bytes();
    let text = |from: usize, to: usize| markup.get(from..to).unwrap_or_default();
    let at = |i: usize, what: &[u8]| b.get(i..).is_some_and(|r| r.starts_with(what));
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        i += 1;
        let tag = if at(i, b"input") {
            5
        } else if at(i, b"select") {
            6
        } else {
            continue;
        };
        i += tag;
        let mut attrs = Vec::new();
        // ` name="value"` (or a bare ` name`) pairs up to the tag's end.
        while i < b.len() && b[i] == b' ' {
            let from = i + 1;
            i = from;
            while i < b.len() && !matches!(b[i], b'=' | b' ' | b'>') {
                i += 1;
            }
            let name = text(from, i);
            if at(i, b"=\"") {
                let v = i + 2;
                i = v;
                while i < b.len() && b[i] != b'"' {
                    i += 1;
                }
                attrs.push((name, unescape(text(v, i))));
                i += 1;
            } else {
                attrs.push((name, String::new()));
            }
        }
        if attrs.iter().any(|(n, _)| *n == "data-path" || *n == "data-control") {
            out.push(attrs);
        }
    }
    out
}

/// Undoes [`esc`].
fn unescape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        o.push_str(rest.get(..at).unwrap_or_default());
        rest = rest.get(at..).unwrap_or_default();
        let (with, len) = if rest.starts_with("&quot;") {
            ('"', 6)
        } else if rest.starts_with("&lt;") {
            ('<', 4)
        } else if rest.starts_with("&gt;") {
            ('>', 4)
        } else if rest.starts_with("&amp;") {
            ('&', 5)
        } else {
            ('&', 1)
        };
        o.push(with);
        rest = rest.get(len..).unwrap_or_default();
    }
    o.push_str(rest);
    o
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_tags_reads_back_what_attr_wrote() {
        let mut o = String::from("<p>a<b</p><input type=\"text\" inputmode=\"decimal\"");
        attr(&mut o, "name", "x&<\"y\">");
        attr(&mut o, "data-path", "patient.weight_kg");
        o.push_str(
            "><input type=\"checkbox\" id=\"c\"><select data-control=\"m\"><option value=\"\">-</option></select>",
        );
        o.push_str("<input hidden data-path=\"p\" value=\"\">");
        let tags = input_tags(&o);
        assert_eq!(tags.len(), 3, "{tags:?}");
        assert_eq!(
            tags[0],
            vec![
                ("type", "text".to_string()),
                ("inputmode", "decimal".to_string()),
                ("name", "x&<\"y\">".to_string()),
                ("data-path", "patient.weight_kg".to_string())
            ]
        );
        assert_eq!(tags[1], vec![("data-control", "m".to_string())]);
        assert_eq!(tags[2], vec![("hidden", String::new()), ("data-path", "p".to_string()), ("value", String::new())]);
        assert!(input_tags("<input").is_empty() && input_tags("<inp").is_empty() && input_tags("").is_empty());
    }

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
