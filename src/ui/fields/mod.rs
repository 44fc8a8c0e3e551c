//! Labelled inputs bound to the draft by their contract path (`data-path`),
//! each with its hint and its message (class `field-error`, tied to the input
//! by `aria-describedby`). See `docs/page-conventions.md`.

mod checks;
mod choice;
mod event;
mod text;

pub use checks::{Check, CheckList};
pub use choice::{Radios, SelectField, YesNo, YES_NO};
pub use event::EventField;
pub use text::{DateField, NumField};

use leptos::prelude::*;

use super::Ctx;

/// The element id of the input at `path` (`f-labs-hemoglobin-value`).
#[must_use]
pub fn fid(path: &str) -> String {
    let mut s = String::with_capacity(path.len() + 2);
    s.push_str("f-");
    for c in path.chars() {
        s.push(if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' });
    }
    s
}

/// The id of the message element of `path`.
#[must_use]
pub fn eid(path: &str) -> String {
    format!("e{}", &fid(path)[1..])
}

/// The id of the hint element of `path`.
#[must_use]
pub fn hid(path: &str) -> String {
    format!("h{}", &fid(path)[1..])
}

/// The message at `path`, if any (a value that could not be read, or an
/// engine error at that path).
pub fn note_at(ctx: Ctx, path: &'static str) -> Memo<Option<String>> {
    Memo::new(move |_| ctx.notes.with(|n| n.iter().find(|(p, _)| p == path).map(|(_, m)| m.clone())))
}

/// `aria-describedby` for an input: its hint (when it has one) and its
/// message (while shown).
pub fn described_by(path: &'static str, hint: bool, note: Memo<Option<String>>) -> impl Fn() -> Option<String> {
    move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(hid(path));
        }
        if note.with(Option::is_some) {
            ids.push(eid(path));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The message element of `path`, in the DOM only while there is a message.
#[component]
pub fn FieldNote(
    /// The answer path.
    path: &'static str,
    /// The message, from [`note_at`].
    note: Memo<Option<String>>,
) -> impl IntoView {
    move || {
        note.get().map(|m| {
            view! { <p class="field-error" id=eid(path)><span aria-hidden="true">"⚠ "</span>{m}</p> }
        })
    }
}

/// A hint under a question.
#[component]
pub fn Hint(
    /// The answer path the hint belongs to.
    path: &'static str,
    /// The words.
    text: &'static str,
) -> impl IntoView {
    (!text.is_empty()).then(|| view! { <p class="hint" id=hid(path)>{text}</p> })
}
