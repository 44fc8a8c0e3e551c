//! The questions' HTML: labelled inputs carrying their contract path
//! (`data-path`), each with its hint. Their messages (class `field-error`,
//! tied to the input by `aria-describedby`) and values are kept in step with
//! the draft by [`crate::ui::sync`]. See `docs/page-conventions.md`.
//!
//! The HTML is built as text from the table of questions: one copy of each
//! input's code, whatever the number of questions.

use crate::ui::html::{attr, esc};

/// One box of a word list: the contract word, its name and its definition.
pub type Check = (&'static str, &'static str, &'static str);

/// `(value, words shown)` pairs of a select or radio group.
pub type Options = &'static [(&'static str, &'static str)];

/// The answers of a yes/no question.
pub const YES_NO: Options = &[("true", "Yes"), ("false", "No"), ("", "Not known")];

/// How a question is answered.
#[derive(Clone, Copy)]
pub enum Kind {
    /// A number typed as text, with its unit ("" for none).
    Num(&'static str),
    /// `input[type=date]`.
    Date,
    /// A radio group in a fieldset.
    Radios(Options),
    /// A `select` with an empty option (its words) first.
    Select(Options, &'static str),
    /// Checkboxes; with a "none of these" box; with SLEDAI-2K weights.
    Checks(&'static [Check], bool, bool),
    /// `"none"` / `"date"` radios (their words) and a date input.
    Event(&'static str, &'static str),
}

/// A question: its answer path, its words, its hint ("" for none) and kind.
#[derive(Clone, Copy)]
pub struct Field<'a> {
    /// The answer path (`labs.hemoglobin.value`).
    pub path: &'a str,
    /// The label or legend.
    pub label: &'a str,
    /// A hint under the question ("" for none).
    pub hint: &'static str,
    /// How it is answered.
    pub kind: Kind,
}

/// The element id of the input at `path` (`f-labs-hemoglobin-value`).
#[must_use]
pub fn fid(path: &str) -> String {
    id_of('f', path)
}

/// `c-` and the path with `.`, `[`, `]` as `-`.
fn id_of(c: char, path: &str) -> String {
    let mut s = String::with_capacity(path.len() + 2);
    s.push(c);
    s.push('-');
    for c in path.chars() {
        s.push(if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' });
    }
    s
}

/// The id of the message element of `path`.
#[must_use]
pub fn eid(path: &str) -> String {
    id_of('e', path)
}

/// The id of the hint element of `path`.
#[must_use]
pub fn hid(path: &str) -> String {
    id_of('h', path)
}

/// One radio (`data-path` = `path`, or `data-control` = `control`).
pub fn radio(o: &mut String, name: &str, path: &str, control: &str, v: &str, text: &str) {
    let id = format!("{name}-{}", if v.is_empty() { "unknown" } else { v });
    o.push_str("<label class=\"choice\" for=\"");
    o.push_str(&id);
    o.push_str("\"><input type=\"radio\"");
    attr(o, "id", &id);
    attr(o, "name", name);
    attr(o, "value", v);
    if control.is_empty() {
        attr(o, "data-path", path);
    } else {
        attr(o, "data-control", control);
    }
    o.push('>');
    esc(o, text);
    o.push_str("</label>");
}

/// A text-like input (`type`), bound to the draft key `key` (its `name`).
fn input(o: &mut String, ty: &str, id: &str, key: &str, path: &str, desc: &str) {
    o.push_str("<input");
    attr(o, "type", ty);
    if ty == "text" {
        o.push_str(" inputmode=\"decimal\" autocomplete=\"off\"");
    }
    attr(o, "id", id);
    attr(o, "name", key);
    attr(o, "data-path", path);
    if !desc.is_empty() {
        attr(o, "aria-describedby", desc);
    }
    o.push('>');
}

/// A question of any kind, with its hint.
pub fn field(o: &mut String, f: Field) {
    let Field { path, label, hint, kind } = f;
    let id = fid(path);
    let desc = if hint.is_empty() { String::new() } else { hid(path) };
    let fieldset = matches!(kind, Kind::Radios(_) | Kind::Event(..) | Kind::Checks(..));
    if fieldset {
        let class = match kind {
            Kind::Event(..) => "field event",
            Kind::Checks(..) => "field checks",
            _ => "field radios",
        };
        o.push_str("<fieldset");
        attr(o, "class", class);
        attr(o, "id", &format!("{id}-group"));
        o.push_str("><legend>");
    } else {
        o.push_str("<div class=\"field\"><label");
        attr(o, "for", &id);
        o.push('>');
    }
    esc(o, label);
    o.push_str(if fieldset { "</legend>" } else { "</label>" });
    let hint_html = |o: &mut String| {
        if !hint.is_empty() {
            o.push_str("<p class=\"hint\"");
            attr(o, "id", &desc);
            o.push('>');
            esc(o, hint);
            o.push_str("</p>");
        }
    };
    if fieldset {
        hint_html(o);
    }
    match kind {
        Kind::Num(unit) => {
            o.push_str("<span class=\"with-unit\">");
            input(o, "text", &id, path, path, &desc);
            if !unit.is_empty() {
                o.push_str("<span class=\"unit\">");
                esc(o, unit);
                o.push_str("</span>");
            }
            o.push_str("</span>");
        }
        Kind::Date => input(o, "date", &id, path, path, &desc),
        Kind::Select(options, empty) => {
            o.push_str("<select");
            attr(o, "id", &id);
            attr(o, "name", path);
            attr(o, "data-path", path);
            if !desc.is_empty() {
                attr(o, "aria-describedby", &desc);
            }
            o.push('>');
            for (v, text) in std::iter::once(("", empty)).chain(options.iter().copied()) {
                o.push_str("<option");
                attr(o, "value", v);
                o.push('>');
                esc(o, text);
                o.push_str("</option>");
            }
            o.push_str("</select>");
        }
        Kind::Radios(options) => {
            o.push_str("<div class=\"choices\">");
            for (v, text) in options {
                radio(o, &id, path, "", v, text);
            }
            o.push_str("</div>");
        }
        Kind::Event(none, dated) => {
            o.push_str("<div class=\"choices\">");
            for (v, text) in [("none", none), ("", "Not known"), ("date", dated)] {
                radio(o, &id, path, "", v, text);
            }
            let date_id = format!("{id}-on");
            o.push_str("<label class=\"sr-only\"");
            attr(o, "for", &date_id);
            o.push('>');
            esc(o, label);
            o.push_str(" – date</label>");
            input(o, "date", &date_id, &format!("{path}#date"), path, &desc);
            o.push_str("</div>");
        }
        Kind::Checks(items, with_none, weights) => {
            o.push_str("<ul class=\"check-list\">");
            for (v, name, def) in items.iter().copied().chain(with_none.then_some(("none", "None of these", ""))) {
                let cid = format!("{id}-{v}");
                o.push_str("<li><input type=\"checkbox\"");
                attr(o, "id", &cid);
                attr(o, "value", v);
                attr(o, "data-path", path);
                o.push_str("><label");
                attr(o, "for", &cid);
                o.push('>');
                if weights {
                    let item = serde_json::from_value(serde_json::Value::String(v.to_string())).ok();
                    let w = item.map_or(0, crate::engine::calc::sledai_weight);
                    o.push_str(&format!("<span class=\"weight\">{w}</span>"));
                }
                o.push_str("<strong>");
                esc(o, name);
                o.push_str("</strong>");
                if !def.is_empty() {
                    o.push_str("<span class=\"def\"> – ");
                    esc(o, def);
                    o.push_str("</span>");
                }
                o.push_str("</label></li>");
            }
            o.push_str("</ul>");
        }
    }
    if fieldset {
        o.push_str("</fieldset>");
    } else {
        hint_html(o);
        o.push_str("</div>");
    }
}
