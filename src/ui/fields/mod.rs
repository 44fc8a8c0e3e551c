//! Labelled inputs bound to the draft by their contract path (`data-path`),
//! each with its hint and its message (class `field-error`, tied to the input
//! by `aria-describedby`). See `docs/page-conventions.md`.
//!
//! One component renders every kind of question from a [`Field`], so that
//! the page carries one copy of each input's code.

use leptos::prelude::*;

use super::draft::SLEDAI_MODE;
use super::Ctx;

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
pub struct Field {
    /// The answer path (`labs.hemoglobin.value`).
    pub path: &'static str,
    /// The label or legend.
    pub label: &'static str,
    /// A hint under the question ("" for none).
    pub hint: &'static str,
    /// How it is answered.
    pub kind: Kind,
}

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
fn described_by(path: &'static str, hint: bool, note: Memo<Option<String>>) -> impl Fn() -> Option<String> + Copy {
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

/// `aria-invalid` while a message is shown.
fn invalid(note: Memo<Option<String>>) -> impl Fn() -> Option<&'static str> + Copy {
    move || note.with(Option::is_some).then_some("true")
}

/// The text of a draft key, as an input shows it.
fn text_of(draft: RwSignal<Draft>, key: &'static str) -> impl Fn() -> String {
    move || draft.with(|d| d.get(key).to_string())
}

/// Whether the draft holds `v` at `key` (the SLEDAI-2K mode is "items"
/// unless "score" was chosen).
fn holds(draft: RwSignal<Draft>, key: &'static str, v: &'static str) -> impl Fn() -> bool {
    move || {
        draft.with(|d| {
            let got = d.get(key);
            if key == SLEDAI_MODE && got != "score" {
                v == "items"
            } else {
                got == v
            }
        })
    }
}

use super::draft::Draft;

/// One radio: sets `key` to `v`. `path` is its `data-path` (none for page
/// controls), `control` its `data-control`.
#[allow(clippy::too_many_arguments)]
pub fn radio(
    draft: RwSignal<Draft>,
    key: &'static str,
    path: Option<&'static str>,
    control: Option<&'static str>,
    name: &str,
    v: &'static str,
    text: &'static str,
    describe: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> AnyView {
    let id = format!("{name}-{}", if v.is_empty() { "unknown" } else { v });
    let label_for = id.clone();
    view! {
        <label class="choice" for=label_for>
            <input
                type="radio"
                id=id
                name=name.to_string()
                value=v
                data-path=path
                data-control=control
                aria-describedby=describe
                prop:checked=holds(draft, key, v)
                on:change=move |_| draft.update(|d| d.set(key, v.to_string()))
            />
            {text}
        </label>
    }
    .into_any()
}

/// A question of any kind, with its hint and message.
pub fn question(ctx: Ctx, f: Field) -> AnyView {
    let Field { path, label, hint, kind } = f;
    let draft = ctx.draft;
    let note = note_at(ctx, path);
    let desc = described_by(path, !hint.is_empty(), note);
    let id = fid(path);
    let hint_v = (!hint.is_empty()).then(|| view! { <p class="hint" id=hid(path)>{hint}</p> });
    let note_v = move || {
        note.get().map(|m| view! { <p class="field-error" id=eid(path)><span aria-hidden="true">"⚠ "</span>{m}</p> })
    };
    let on_text = move |ev: leptos::ev::Event| draft.update(|d| d.set(path, event_target_value(&ev)));
    match kind {
        Kind::Num(_) | Kind::Date | Kind::Select(..) => {
            let input = match kind {
                Kind::Select(options, empty) => {
                    let opts = std::iter::once(("", empty))
                        .chain(options.iter().copied())
                        .map(|(v, text)| view! { <option value=v prop:selected=holds(draft, path, v)>{text}</option> })
                        .collect_view();
                    view! {
                        <select id=id.clone() data-path=path aria-describedby=desc aria-invalid=invalid(note) on:change=on_text>
                            {opts}
                        </select>
                    }
                    .into_any()
                }
                Kind::Num(unit) => view! {
                    <span class="with-unit">
                        <input
                            type="text"
                            inputmode="decimal"
                            autocomplete="off"
                            id=id.clone()
                            data-path=path
                            aria-describedby=desc
                            aria-invalid=invalid(note)
                            prop:value=text_of(draft, path)
                            on:input=on_text
                        />
                        {(!unit.is_empty()).then(|| view! { <span class="unit">{unit}</span> })}
                    </span>
                }
                .into_any(),
                _ => date_input(draft, id.clone(), path, path, None, desc, note),
            };
            view! {
                <div class="field">
                    <label for=id>{label}</label>
                    {input}
                    {hint_v}
                    {note_v}
                </div>
            }
            .into_any()
        }
        Kind::Radios(..) | Kind::Event(..) | Kind::Checks(..) => {
            let (class, body) = match kind {
                Kind::Radios(options) => (
                    "field radios",
                    options
                        .iter()
                        .map(|&(v, text)| radio(draft, path, Some(path), None, &id, v, text, desc))
                        .collect_view()
                        .into_any(),
                ),
                Kind::Event(none, dated) => {
                    let date_id = format!("{id}-on");
                    (
                        "field event",
                        view! {
                            {radio(draft, path, Some(path), None, &id, "none", none, desc)}
                            {radio(draft, path, Some(path), None, &id, "", "Not known", desc)}
                            {radio(draft, path, Some(path), None, &id, "date", dated, desc)}
                            <label class="sr-only" for=date_id.clone()>{label}" – date"</label>
                            {date_input(draft, date_id, path, intern(format!("{path}#date")), Some(path), desc, note)}
                        }
                        .into_any(),
                    )
                }
                Kind::Checks(items, with_none, weights) => {
                    ("field checks", checks(draft, path, &id, items, with_none, weights, desc))
                }
                _ => ("field", ().into_any()),
            };
            let inner = if matches!(kind, Kind::Checks(..)) {
                view! { <ul class="check-list">{body}</ul> }.into_any()
            } else {
                view! { <div class="choices">{body}</div> }.into_any()
            };
            view! {
                <fieldset class=class id=format!("{id}-group")>
                    <legend>{label}</legend>
                    {hint_v}
                    {inner}
                    {note_v}
                </fieldset>
            }
            .into_any()
        }
    }
}

/// A date input bound to the draft at `key`; with `event`, enabled only
/// while that event is answered "date".
fn date_input(
    draft: RwSignal<Draft>,
    id: String,
    path: &'static str,
    key: &'static str,
    event: Option<&'static str>,
    desc: impl Fn() -> Option<String> + Send + Sync + 'static,
    note: Memo<Option<String>>,
) -> AnyView {
    view! {
        <input
            type="date"
            id=id
            data-path=path
            aria-describedby=desc
            aria-invalid=invalid(note)
            prop:disabled=move || event.is_some_and(|p| draft.with(|d| d.get(p) != "date"))
            prop:value=text_of(draft, key)
            on:input=move |ev| draft.update(|d| d.set(key, event_target_value(&ev)))
        />
    }
    .into_any()
}

/// The boxes of a word list.
#[allow(clippy::too_many_arguments)]
fn checks(
    draft: RwSignal<Draft>,
    path: &'static str,
    base: &str,
    items: &'static [Check],
    with_none: bool,
    weights: bool,
    desc: impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
) -> AnyView {
    items
        .iter()
        .copied()
        .chain(with_none.then_some(("none", "None of these", "")))
        .map(|(v, name, def)| {
            let id = format!("{base}-{v}");
            let label_for = id.clone();
            let weight = weights.then(|| {
                use crate::parse::Word;
                let w = crate::engine::answers::SledaiItem::from_word(v).map_or(0, crate::engine::calc::sledai_weight);
                view! { <span class="weight">{w}</span> }
            });
            view! {
                <li>
                    <input
                        type="checkbox"
                        id=id
                        value=v
                        data-path=path
                        aria-describedby=desc
                        prop:checked=move || draft.with(|d| d.ticked(path, v))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            draft.update(|d| d.tick(path, v, on));
                        }
                    />
                    <label for=label_for>
                        {weight}
                        <strong>{name}</strong>
                        {(!def.is_empty()).then(|| view! { <span class="def">" – "{def}</span> })}
                    </label>
                </li>
            }
        })
        .collect_view()
        .into_any()
}

/// A `'static` copy of a key made at run time (event dates, malignancy
/// rows); each distinct key is kept once.
pub fn intern(s: String) -> &'static str {
    thread_local! {
        static KEYS: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    KEYS.with(|k| {
        let Ok(mut k) = k.try_borrow_mut() else { return &*Box::leak(s.into_boxed_str()) };
        if let Some(found) = k.iter().find(|x| **x == s) {
            return *found;
        }
        let leaked: &'static str = Box::leak(s.into_boxed_str());
        k.push(leaked);
        leaked
    })
}
