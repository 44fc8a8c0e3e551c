//! Numbers (typed as text, so that letters get a message) and dates.

use leptos::prelude::*;

use super::{described_by, fid, note_at, FieldNote, Hint};
use crate::ui::Ctx;

/// A number typed as text: `input[type=text][inputmode=decimal]`.
#[component]
pub fn NumField(
    /// Shared state.
    ctx: Ctx,
    /// The answer path (`patient.weight_kg`).
    path: &'static str,
    /// The question.
    label: &'static str,
    /// The unit shown after the input ("" for none).
    #[prop(default = "")]
    unit: &'static str,
    /// A hint under the input ("" for none).
    #[prop(default = "")]
    hint: &'static str,
) -> impl IntoView {
    let note = note_at(ctx, path);
    let draft = ctx.draft;
    view! {
        <div class="field">
            <label for=fid(path)>{label}</label>
            <span class="with-unit">
                <input
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    id=fid(path)
                    data-path=path
                    aria-describedby=described_by(path, !hint.is_empty(), note)
                    aria-invalid=move || note.with(Option::is_some).then_some("true")
                    prop:value=move || draft.with(|d| d.get(path).to_string())
                    on:input=move |ev| draft.update(|d| d.set(path, event_target_value(&ev)))
                />
                {(!unit.is_empty()).then(|| view! { <span class="unit">{unit}</span> })}
            </span>
            <Hint path text=hint />
            <FieldNote path note />
        </div>
    }
}

/// A date: `input[type=date]`, `YYYY-MM-DD`.
#[component]
pub fn DateField(
    /// Shared state.
    ctx: Ctx,
    /// The answer path (`sle.ana.date`).
    path: &'static str,
    /// The question.
    label: &'static str,
    /// A hint under the input ("" for none).
    #[prop(default = "")]
    hint: &'static str,
) -> impl IntoView {
    let note = note_at(ctx, path);
    let draft = ctx.draft;
    view! {
        <div class="field">
            <label for=fid(path)>{label}</label>
            <input
                type="date"
                id=fid(path)
                data-path=path
                aria-describedby=described_by(path, !hint.is_empty(), note)
                aria-invalid=move || note.with(Option::is_some).then_some("true")
                prop:value=move || draft.with(|d| d.get(path).to_string())
                on:input=move |ev| draft.update(|d| d.set(path, event_target_value(&ev)))
            />
            <Hint path text=hint />
            <FieldNote path note />
        </div>
    }
}
