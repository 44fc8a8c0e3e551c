//! Conditions, malignancies and past events.

use leptos::prelude::*;

use super::data::MALIGNANCY_TYPES;
use super::Section;
use crate::ui::draft::MALIGNANCY_LEAVES;
use crate::ui::fields::{eid, fid, note_at, EventField, FieldNote, Radios, YesNo, YES_NO};
use crate::ui::Ctx;

/// The conditions section.
#[component]
pub fn Conditions(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    view! {
        <Section key="conditions" title="Conditions and infections">
            <YesNo ctx path="conditions.active_cns_lupus" legend="Active CNS lupus affecting mental status?" />
            <YesNo ctx path="conditions.nephritis_dialysis" legend="Active lupus nephritis requiring dialysis?" />
            <h3>"Positive tests (E4)"</h3>
            <div class="grid">
                <YesNo ctx path="conditions.hiv" legend="HIV positive?" />
                <YesNo ctx path="conditions.hepatitis_b" legend="Hepatitis B positive?" />
                <YesNo ctx path="conditions.hepatitis_c" legend="Hepatitis C positive?" />
                <YesNo ctx path="conditions.tuberculosis" legend="Tuberculosis positive?" />
                <YesNo ctx path="conditions.cxr_tb_or_fungal" legend="Chest X-ray consistent with TB or latent fungal infection?" />
            </div>
            <YesNo ctx path="conditions.renal_transplant" legend="Ever had a renal transplant?" />
            <YesNo ctx path="conditions.significant_ekg_cxr" legend="Clinically significant EKG or chest X-ray changes?" />
            <YesNo ctx path="conditions.steroid_comorbidity" legend="A comorbidity (other than SLE) requiring corticosteroid therapy?" />
            <Malignancies ctx />
            <h3>"Infections (within 90 and 60 days before screening)"</h3>
            <EventField
                ctx
                path="conditions.herpes_zoster"
                legend="Herpes zoster"
                hint="Within 90 days before screening excludes. Give the most recent episode."
            />
            <EventField
                ctx
                path="conditions.serious_infection"
                legend="Infection needing hospitalization or IV/IM antibiotics"
                hint="Within 60 days before screening excludes. Give the most recent."
            />
            <h3>"Substance abuse (within 1 year)"</h3>
            <YesNo ctx path="conditions.substance_abuse_current" legend="Current substance abuse?" />
            <EventField
                ctx
                path="conditions.substance_abuse_last"
                legend="Substance abuse in the past"
                hint="Within 1 year before screening excludes. Give the most recent episode."
            />
        </Section>
    }
}

/// `"none"` or a list of malignancies, with rows added and removed.
#[component]
fn Malignancies(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    let draft = ctx.draft;
    let listing = Memo::new(move |_| draft.with(|d| d.get("conditions.malignancy") == "list"));
    let rows = Memo::new(move |_| draft.with(|d| d.malignancies));
    let note = note_at(ctx, "conditions.malignancy");
    view! {
        <div class="malignancy">
            <Radios
                ctx
                path="conditions.malignancy"
                legend="Malignant neoplasm ever?"
                options=&[("none", "None"), ("", "Not known"), ("list", "Yes: list each")]
                hint="Within 5 years (diagnosis or last treatment) excludes, except adequately treated basal or squamous cell skin cancer or cervical carcinoma in situ."
            />
            <Show when=move || listing.get()>
                <ol class="rows">
                    {move || (0..rows.get()).map(|i| view! { <MalignancyRow ctx i /> }).collect_view()}
                </ol>
                {move || (rows.get() == 0).then(|| view! { <p class="hint">"Add each malignancy; the answer counts once a row is added."</p> })}
                <button
                    type="button"
                    data-action="add-malignancy"
                    on:click=move |_| draft.update(|d| d.malignancies += 1)
                >
                    "Add a malignancy"
                </button>
                <FieldNote path="conditions.malignancy" note />
            </Show>
        </div>
    }
}

/// One malignancy: type, date, adequately treated; and its remove button.
#[component]
fn MalignancyRow(
    /// Shared state.
    ctx: Ctx,
    /// Row index.
    i: usize,
) -> impl IntoView {
    let draft = ctx.draft;
    let p = move |leaf: &str| format!("conditions.malignancy[{i}].{leaf}");
    let [type_p, date_p, treated_p] = MALIGNANCY_LEAVES.map(p);
    let date_note = {
        let date_p = date_p.clone();
        Memo::new(move |_| ctx.notes.with(|n| n.iter().find(|(q, _)| *q == date_p).map(|(_, m)| m.clone())))
    };
    let kinds = MALIGNANCY_TYPES
        .iter()
        .map(|&(v, text)| {
            let tp = type_p.clone();
            view! { <option value=v prop:selected=move || draft.with(|d| d.get(&tp) == v)>{text}</option> }
        })
        .collect_view();
    let treated = YES_NO
        .iter()
        .map(|&(v, text)| {
            let tp = treated_p.clone();
            let tp2 = treated_p.clone();
            let id = format!("{}-{}", fid(&treated_p), if v.is_empty() { "unknown" } else { v });
            let label_for = id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input
                        type="radio"
                        id=id
                        name=fid(&treated_p)
                        value=v
                        data-path=treated_p.clone()
                        prop:checked=move || draft.with(|d| d.get(&tp) == v)
                        on:change=move |_| draft.update(|d| d.set(&tp2, v.to_string()))
                    />
                    {text}
                </label>
            }
        })
        .collect_view();
    let (tp, tp2, dp, dp2) = (type_p.clone(), type_p.clone(), date_p.clone(), date_p.clone());
    let err_id = eid(&date_p);
    let err_id2 = err_id.clone();
    let (type_id, type_for) = (fid(&type_p), fid(&type_p));
    let (date_id, date_for) = (fid(&date_p), fid(&date_p));
    view! {
        <li class="row-item">
            <div class="row">
                <div class="field">
                    <label for=type_for>{format!("Malignancy {} – type", i + 1)}</label>
                    <select
                        id=type_id
                        data-path=type_p
                        on:change=move |ev| draft.update(|d| d.set(&tp, event_target_value(&ev)))
                    >
                        <option value="" prop:selected=move || draft.with(|d| d.get(&tp2).is_empty())>"not known"</option>
                        {kinds}
                    </select>
                </div>
                <div class="field">
                    <label for=date_for>"Diagnosis or last treatment, whichever is later"</label>
                    <input
                        type="date"
                        id=date_id
                        data-path=date_p
                        aria-describedby=move || date_note.with(Option::is_some).then(|| err_id.clone())
                        prop:value=move || draft.with(|d| d.get(&dp).to_string())
                        on:input=move |ev| draft.update(|d| d.set(&dp2, event_target_value(&ev)))
                    />
                    {move || date_note.get().map(|m| view! { <p class="field-error" id=err_id2.clone()>{m}</p> })}
                </div>
            </div>
            <fieldset class="field radios">
                <legend>"Adequately treated?"</legend>
                <div class="choices">{treated}</div>
            </fieldset>
            <button
                type="button"
                data-action="remove-malignancy"
                aria-label=format!("Remove malignancy {}", i + 1)
                on:click=move |_| draft.update(|d| d.remove_malignancy(i))
            >
                "Remove"
            </button>
        </li>
    }
}
