//! Selects and radio groups.

use leptos::prelude::*;

use super::{described_by, fid, note_at, FieldNote, Hint};
use crate::ui::Ctx;

/// A word choice: a `select` whose option values are contract words, with an
/// empty "not known" option first.
#[component]
pub fn SelectField(
    /// Shared state.
    ctx: Ctx,
    /// The answer path (`labs.hemoglobin.unit`).
    path: &'static str,
    /// The question.
    label: &'static str,
    /// `(value, words shown)` pairs.
    options: &'static [(&'static str, &'static str)],
    /// A hint under the select ("" for none).
    #[prop(default = "")]
    hint: &'static str,
    /// Words of the empty option.
    #[prop(default = "not known")]
    empty: &'static str,
) -> impl IntoView {
    let note = note_at(ctx, path);
    let draft = ctx.draft;
    let opts = options
        .iter()
        .map(|&(v, text)| {
            view! { <option value=v prop:selected=move || draft.with(|d| d.get(path) == v)>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=fid(path)>{label}</label>
            <select
                id=fid(path)
                data-path=path
                aria-describedby=described_by(path, !hint.is_empty(), note)
                aria-invalid=move || note.with(Option::is_some).then_some("true")
                on:change=move |ev| draft.update(|d| d.set(path, event_target_value(&ev)))
            >
                <option value="" prop:selected=move || draft.with(|d| d.get(path).is_empty())>{empty}</option>
                {opts}
            </select>
            <Hint path text=hint />
            <FieldNote path note />
        </div>
    }
}

/// A radio group in a `fieldset` with its `legend`; the draft holds the
/// chosen `value`.
#[component]
pub fn Radios(
    /// Shared state.
    ctx: Ctx,
    /// The answer path (`patient.sex`).
    path: &'static str,
    /// The question.
    legend: &'static str,
    /// `(value, words shown)` pairs.
    options: &'static [(&'static str, &'static str)],
    /// A hint under the legend ("" for none).
    #[prop(default = "")]
    hint: &'static str,
) -> impl IntoView {
    let note = note_at(ctx, path);
    let draft = ctx.draft;
    let name = fid(path);
    let radios = options
        .iter()
        .map(|&(v, text)| {
            let id = format!("{name}-{}", if v.is_empty() { "unknown" } else { v });
            let label_for = id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input
                        type="radio"
                        id=id
                        name=name.clone()
                        value=v
                        data-path=path
                        aria-describedby=described_by(path, !hint.is_empty(), note)
                        prop:checked=move || draft.with(|d| d.get(path) == v)
                        on:change=move |_| draft.update(|d| d.set(path, v.to_string()))
                    />
                    {text}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field radios" id=format!("{name}-group")>
            <legend>{legend}</legend>
            <Hint path text=hint />
            <div class="choices">{radios}</div>
            <FieldNote path note />
        </fieldset>
    }
}

/// The answers of a yes/no question.
pub const YES_NO: &[(&str, &str)] = &[("true", "Yes"), ("false", "No"), ("", "Not known")];

/// A yes / no / not known question (`value="true"`, `"false"`, `""`).
#[component]
pub fn YesNo(
    /// Shared state.
    ctx: Ctx,
    /// The answer path (`conditions.hiv`).
    path: &'static str,
    /// The question.
    legend: &'static str,
    /// A hint under the legend ("" for none).
    #[prop(default = "")]
    hint: &'static str,
) -> impl IntoView {
    view! { <Radios ctx path legend options=YES_NO hint /> }
}
