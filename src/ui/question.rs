//! One component for any question of the table: its label or legend, hint,
//! input(s) bound to its draft signals, and its message (`field-error`,
//! tied to the inputs by `aria-describedby`). See `docs/page-conventions.md`.

use leptos::prelude::*;

use super::state::{note_at, Ctx};
use super::{eid, fid, hid, sid};
use crate::questions::{Check, Kind, Options, Question};

/// The answers of a yes/no question.
/// "No" first and "Not known" last, as every choice of the page.
pub const YES_NO: Options = &[("false", "No"), ("true", "Yes"), ("", "Not known")];

/// The message at `path`, re-rendering only when it changes.
pub fn note_of(path: String) -> Memo<Option<String>> {
    let ctx = Ctx::get();
    Memo::new(move |_| ctx.notes.with(|n| note_at(n, &path)))
}

/// Where the answer at `path` came from, while a FHIR Bundle's note is
/// there for it and the field still holds the value the record gave (an
/// answer changed by the clinician is no longer the record's).
pub fn source_of(path: String) -> Memo<Option<String>> {
    let ctx = Ctx::get();
    Memo::new(move |_| {
        ctx.sources.with(|s| {
            let (_, note, filled) = s.iter().find(|(p, _, _)| *p == path)?;
            filled.iter().all(|(k, v)| ctx.form.sig(k).with(|now| now == v)).then(|| note.clone())
        })
    })
}

/// `aria-describedby` of the inputs of `path`: its hint, its source, and
/// its message while there is one.
fn described_by(
    path: &str,
    hint: bool,
    note: Memo<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + Clone + 'static {
    let (h, e, s) = (hid(path), eid(path), sid(path));
    let source = source_of(path.to_string());
    move || {
        let ids: Vec<&str> = [
            hint.then_some(h.as_str()),
            source.with(Option::is_some).then_some(s.as_str()),
            note.with(Option::is_some).then_some(e.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A field's source in the patient's record and its message, while there
/// are.
#[component]
pub fn Message(
    /// The answer path the message is about.
    path: String,
    /// The message.
    note: Memo<Option<String>>,
) -> impl IntoView {
    let source = source_of(path.clone());
    let (source_id, source_path) = (sid(&path), path.clone());
    view! {
        <Show when=move || source.with(Option::is_some)>
            <p class="from-record" id=source_id.clone() data-source=source_path.clone()>
                {move || source.get().unwrap_or_default()}
            </p>
        </Show>
        <Show when=move || note.with(Option::is_some)>
            <p class="field-error" id=eid(&path)>
                <span aria-hidden="true">"⚠ "</span>
                {move || note.get().unwrap_or_default()}
            </p>
        </Show>
    }
}

/// A question's hint, when it has one.
fn hint(path: &str, text: &'static str) -> Option<impl IntoView> {
    (!text.is_empty()).then(|| view! { <p class="hint" id=hid(path)>{text}</p> })
}

/// Any question of the table, at `path` (a malignancy row's questions are
/// at their row's path).
#[component]
pub fn QuestionView(
    /// The question.
    q: &'static Question,
    /// Its answer path (the question's, or a malignancy row's).
    #[prop(into)]
    path: Signal<String>,
    /// Its draft signal.
    value: RwSignal<String>,
    /// Words instead of the question's label (a malignancy row's).
    #[prop(optional)]
    label: Option<String>,
) -> impl IntoView {
    let p = path.get_untracked();
    let note = note_of(p.clone());
    let describe = described_by(&p, !q.hint.is_empty(), note);
    let label = label.unwrap_or_else(|| q.label.to_string());
    let id = fid(&p);
    match q.kind {
        Kind::Number(unit) => view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <span class="with-unit">
                    <input
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        id=id
                        name=move || path.get()
                        data-path=move || path.get()
                        aria-describedby=describe
                        aria-invalid=move || note.with(Option::is_some).then_some("true")
                        bind:value=value
                    />
                    {(!unit.is_empty()).then(|| view! { <span class="unit">{unit}</span> })}
                </span>
                {hint(&p, q.hint)}
                <Message path=p.clone() note />
            </div>
        }
        .into_any(),
        Kind::Date => view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input
                    type="date"
                    id=id
                    name=move || path.get()
                    data-path=move || path.get()
                    aria-describedby=describe
                    aria-invalid=move || note.with(Option::is_some).then_some("true")
                    bind:value=value
                />
                <DateWords value />
                {hint(&p, q.hint)}
                <Message path=p.clone() note />
            </div>
        }
        .into_any(),
        Kind::Select(options, empty) | Kind::NumberSelect(options, empty) => {
            let numbers = matches!(q.kind, Kind::NumberSelect(..));
            view! {
                <div class="field">
                    <label for=id.clone()>{label}</label>
                    <Choice id path value options empty numbers describe note />
                    {hint(&p, q.hint)}
                    <Message path=p.clone() note />
                </div>
            }
            .into_any()
        }
        Kind::YesNo => radios_field(q, label, path, value, YES_NO.to_vec(), describe, note).into_any(),
        Kind::Radios(options) => {
            let options = options.iter().copied().chain([("", "Not known")]).collect();
            radios_field(q, label, path, value, options, describe, note).into_any()
        }
        Kind::NoneOr(none, other, gate) => {
            let options = vec![("none", none), (gate.value(), other), ("", "Not known")];
            radios_field(q, label, path, value, options, describe, note).into_any()
        }
        Kind::Event(none, dated) => {
            let ctx = Ctx::get();
            let date = ctx.form.sig(&format!("{p}#date"));
            let date_id = format!("{id}-on");
            let group_id = format!("{id}-group");
            let date_label = format!("{label} – date");
            let for_date = date_id.clone();
            view! {
                <fieldset class="field event" id=group_id>
                    <legend>{label}</legend>
                    {hint(&p, q.hint)}
                    <div class="choices">
                        <Radios
                            path
                            name=id.clone()
                            value
                            options=vec![("none", none), ("date", dated), ("", "Not known")]
                            describe=describe.clone()
                        />
                        <label class="sr-only" for=for_date>{date_label}</label>
                        <input
                            type="date"
                            id=date_id
                            name=move || format!("{}#date", path.get())
                            data-path=move || path.get()
                            aria-describedby=describe
                            aria-invalid=move || note.with(Option::is_some).then_some("true")
                            prop:disabled=move || value.with(|v| v != "date")
                            bind:value=date
                        />
                        <DateWords value=date />
                    </div>
                    <Message path=p.clone() note />
                </fieldset>
            }
            .into_any()
        }
        Kind::Checks(items, none_box, weights) => {
            view! {
                <fieldset class="field checks" id=format!("{id}-group")>
                    <legend>{label}</legend>
                    {hint(&p, q.hint)}
                    <ul class="check-list">
                        {items
                            .iter()
                            .chain(none_box.then_some(&("none", "None of these", "")))
                            .map(|check| view! { <CheckBox path=p.clone() check=*check weights describe=describe.clone() /> })
                            .collect_view()}
                    </ul>
                    <Message path=p.clone() note />
                </fieldset>
            }
            .into_any()
        }
    }
}

/// A question answered with radios, in a fieldset.
fn radios_field(
    q: &'static Question,
    label: String,
    path: Signal<String>,
    value: RwSignal<String>,
    options: Vec<(&'static str, &'static str)>,
    describe: impl Fn() -> Option<String> + Send + Sync + Clone + 'static,
    note: Memo<Option<String>>,
) -> impl IntoView {
    let p = path.get_untracked();
    let id = fid(&p);
    let group_id = format!("{id}-group");
    view! {
        <fieldset class="field radios" id=group_id>
            <legend>{label}</legend>
            {hint(&p, q.hint)}
            <div class="choices">
                <Radios path name=id value options describe />
            </div>
            <Message path=p.clone() note />
        </fieldset>
    }
}

/// The date in a date input, in words beside it (`2 Dec 2026`): the
/// browser shows the input in its own locale's order (12/02/2026), which
/// can be read two ways.
#[component]
fn DateWords(value: RwSignal<String>) -> impl IntoView {
    let words = move || value.with(|v| super::draft::parse_date_text(v).map(super::day));
    view! { <span class="unit date-words" aria-hidden="true">{words}</span> }
}

/// Radios of one answer (`data-path`), one per option; `""` is "not known".
#[component]
fn Radios<F>(
    path: Signal<String>,
    /// The group's `name`, which also starts each radio's id.
    name: String,
    value: RwSignal<String>,
    options: Vec<(&'static str, &'static str)>,
    describe: F,
) -> impl IntoView
where
    F: Fn() -> Option<String> + Send + Sync + Clone + 'static,
{
    options
        .into_iter()
        .map(|(v, words)| {
            let id = format!("{name}-{}", if v.is_empty() { "unknown" } else { v });
            let for_id = id.clone();
            let describe = describe.clone();
            view! {
                <label class="choice" for=for_id>
                    <input
                        type="radio"
                        id=id
                        name=name.clone()
                        value=v
                        data-path=move || path.get()
                        aria-describedby=describe
                        bind:group=value
                    />
                    {words}
                </label>
            }
        })
        .collect_view()
}

/// A select of words (or of numbers), with an empty option first. A value
/// no option names (a loaded ANA titer of 1:100) is shown as an option of
/// its own, so the form never hides what the draft holds.
#[component]
fn Choice<F>(
    id: String,
    path: Signal<String>,
    value: RwSignal<String>,
    options: Options,
    empty: &'static str,
    numbers: bool,
    describe: F,
    note: Memo<Option<String>>,
) -> impl IntoView
where
    F: Fn() -> Option<String> + Send + Sync + Clone + 'static,
{
    let other = move || {
        let v = value.get();
        (!v.is_empty() && !options.iter().any(|(o, _)| *o == v)).then(|| {
            let words = if numbers { format!("1:{v}") } else { v.clone() };
            view! { <option value=v prop:selected=true>{words}</option> }
        })
    };
    view! {
        <select
            id=id
            name=move || path.get()
            data-path=move || path.get()
            aria-describedby=describe
            aria-invalid=move || note.with(Option::is_some).then_some("true")
            on:change=move |ev| value.set(event_target_value(&ev))
        >
            <option value="" prop:selected=move || value.with(String::is_empty)>{empty}</option>
            {options
                .iter()
                .map(|(v, words)| view! { <option value=*v prop:selected=move || value.with(|x| x == v)>{*words}</option> })
                .collect_view()}
            {other}
        </select>
    }
}

/// One box of a word list.
#[component]
fn CheckBox<F>(path: String, check: Check, weights: bool, describe: F) -> impl IntoView
where
    F: Fn() -> Option<String> + Send + Sync + Clone + 'static,
{
    let ctx = Ctx::get();
    let (word, name, def) = check;
    let ticked = ctx.form.sig(&format!("{path}/{word}"));
    let id = format!("{}-{word}", fid(&path));
    let weight = weights.then(|| {
        let w = serde_json::from_value(serde_json::Value::String(word.to_string()))
            .map_or(0, crate::engine::calc::sledai_weight);
        view! { <span class="weight">{w}</span> }
    });
    let p = path.clone();
    view! {
        <li>
            <input
                type="checkbox"
                id=id.clone()
                value=word
                data-path=path
                aria-describedby=describe
                prop:checked=move || ticked.with(|t| !t.is_empty())
                on:change=move |ev| ctx.form.tick(&p, word, event_target_checked(&ev))
            />
            <label for=id>
                {weight}
                <strong>{name}</strong>
                {(!def.is_empty()).then(|| view! { <span class="def">{format!(" – {def}")}</span> })}
            </label>
        </li>
    }
}
