//! An event: "none", or the date it last happened.

use leptos::prelude::*;

use super::{described_by, fid, note_at, FieldNote, Hint};
use crate::ui::Ctx;

/// Radios `value="none"` / `value="date"` (and `""`, not known) plus an
/// `input[type=date]` with the same `data-path`, enabled when "date" is
/// chosen.
#[component]
pub fn EventField(
    /// Shared state.
    ctx: Ctx,
    /// The answer path (`medications.belimumab`).
    path: &'static str,
    /// The question.
    legend: &'static str,
    /// Words of the "none" answer.
    #[prop(default = "None")]
    none: &'static str,
    /// Words of the "date" answer.
    #[prop(default = "Yes, most recent on")]
    dated: &'static str,
    /// A hint under the legend ("" for none).
    #[prop(default = "")]
    hint: &'static str,
) -> impl IntoView {
    let note = note_at(ctx, path);
    let draft = ctx.draft;
    let name = fid(path);
    let date_key = format!("{path}#date");
    let date_id = format!("{name}-on");
    let radio = move |v: &'static str, text: &'static str| {
        let id = format!("{name}-{}", if v.is_empty() { "unknown" } else { v });
        let label_for = id.clone();
        view! {
            <label class="choice" for=label_for>
                <input
                    type="radio"
                    id=id
                    name=fid(path)
                    value=v
                    data-path=path
                    aria-describedby=described_by(path, !hint.is_empty(), note)
                    prop:checked=move || draft.with(|d| d.get(path) == v)
                    on:change=move |_| draft.update(|d| d.set(path, v.to_string()))
                />
                {text}
            </label>
        }
    };
    let key2 = date_key.clone();
    view! {
        <fieldset class="field event">
            <legend>{legend}</legend>
            <Hint path text=hint />
            <div class="choices">
                {radio("none", none)}
                {radio("", "Not known")}
                {radio("date", dated)}
                <label class="sr-only" for=date_id.clone()>{legend}" – date"</label>
                <input
                    type="date"
                    id=date_id
                    data-path=path
                    aria-describedby=described_by(path, !hint.is_empty(), note)
                    aria-invalid=move || note.with(Option::is_some).then_some("true")
                    prop:disabled=move || draft.with(|d| d.get(path) != "date")
                    prop:value=move || draft.with(|d| d.get(&date_key).to_string())
                    on:input=move |ev| draft.update(|d| d.set(&key2, event_target_value(&ev)))
                />
            </div>
            <FieldNote path note />
        </fieldset>
    }
}
