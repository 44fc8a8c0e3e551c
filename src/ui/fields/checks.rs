//! A word list answered with checkboxes.

use leptos::prelude::*;

use super::{described_by, fid, note_at, FieldNote, Hint};
use crate::ui::Ctx;

/// One box: the contract word, its name and its definition.
pub type Check = (&'static str, &'static str, &'static str);

/// Checkboxes `value` = contract word, in a fieldset; the list counts as
/// answered once any box is ticked.
#[component]
pub fn CheckList(
    /// Shared state.
    ctx: Ctx,
    /// The answer path (`sle.acr_criteria`).
    path: &'static str,
    /// The question.
    legend: &'static str,
    /// The boxes.
    items: &'static [Check],
    /// Adds a "none of these" box (`value="none"`).
    #[prop(default = false)]
    with_none: bool,
    /// Shows each box's weight before its name (SLEDAI-2K).
    #[prop(optional)]
    weights: Option<fn(&'static str) -> u32>,
    /// A hint under the legend ("" for none).
    #[prop(default = "")]
    hint: &'static str,
) -> impl IntoView {
    let note = note_at(ctx, path);
    let draft = ctx.draft;
    let base = fid(path);
    let boxes = items
        .iter()
        .copied()
        .chain(with_none.then_some(("none", "None of these", "")))
        .map(|(v, name, def)| {
            let id = format!("{base}-{v}");
            let label_for = id.clone();
            let weight = weights.map(|w| view! { <span class="weight">{w(v)}</span> });
            view! {
                <li>
                    <input
                        type="checkbox"
                        id=id
                        value=v
                        data-path=path
                        aria-describedby=described_by(path, !hint.is_empty(), note)
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
        .collect_view();
    view! {
        <fieldset class="field checks">
            <legend>{legend}</legend>
            <Hint path text=hint />
            <ul class="check-list">{boxes}</ul>
            <FieldNote path note />
        </fieldset>
    }
}
