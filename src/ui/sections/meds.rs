//! Medications: corticosteroid dose and the dated drug events.

use leptos::prelude::*;

use super::data::STEROIDS;
use super::{Live, Section};
use crate::engine::fmt::num;
use crate::ui::fields::{EventField, NumField, Radios, SelectField};
use crate::ui::Ctx;

/// The medications section.
#[component]
pub fn Medications(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    let taking = Memo::new(move |_| ctx.draft.with(|d| d.get("medications.corticosteroid") == "taking"));
    let dose = Signal::derive(move || {
        let limit = ctx
            .converted
            .with(|(a, _)| a.patient.as_ref().and_then(|p| p.weight_kg))
            .filter(|w| (20.0..=300.0).contains(w));
        ctx.report.with(|r| {
            let d = &r.derived;
            let eq = match d.prednisone_equivalent_mg {
                Some(mg) => format!("Prednisone equivalent: {} mg/day", num(mg)),
                None => "Prednisone equivalent: not known yet (drug and dose)".into(),
            };
            let per_kg = match d.prednisone_mg_per_kg {
                Some(x) => format!("{} mg/kg/day", num(x)),
                None => "mg/kg/day needs the weight".into(),
            };
            let allowed = limit
                .map(|w| format!(" Limit at {} kg: {} mg/day prednisone.", num(w), num(w * 0.5)))
                .unwrap_or_default();
            format!("{eq}; {per_kg} (above 0.5 mg/kg/day excludes).{allowed}")
        })
    });
    view! {
        <Section key="medications" title="Medications">
            <h3>"Corticosteroids (E12)"</h3>
            <Radios
                ctx
                path="medications.corticosteroid"
                legend="Corticosteroid in the month before baseline?"
                options=&[("none", "None"), ("", "Not known"), ("taking", "Yes")]
                hint="Give the highest daily dose in the month before baseline. Budesonide has no accepted prednisone equivalence and is not listed."
            />
            <Show when=move || taking.get()>
                <div class="row">
                    <SelectField
                        ctx
                        path="medications.corticosteroid.drug"
                        label="Drug (dose equal to prednisone 5 mg)"
                        options=STEROIDS
                    />
                    <NumField ctx path="medications.corticosteroid.daily_mg" label="Highest daily dose" unit="mg/day" />
                </div>
            </Show>
            <Live text=dose />
            <h3>"Other therapy (E13, E14: windows before baseline)"</h3>
            <EventField
                ctx
                path="medications.immunosuppressant_change"
                legend="Change or addition to the immunosuppressant regimen"
                hint="Within 3 months before baseline excludes. Counts: mycophenolate mofetil / mycophenolic acid, azathioprine, methotrexate, leflunomide, cyclophosphamide, tacrolimus, cyclosporine, voclosporin, anifrolumab, belimumab, rituximab. Corticosteroids are exempt. Hydroxychloroquine: the registry does not say – ask the site."
            />
            <EventField
                ctx
                path="medications.experimental_agent"
                legend="Experimental therapeutic agent (last dose)"
                hint="Within 3 months before baseline excludes."
            />
            <EventField
                ctx
                path="medications.belimumab"
                legend="Belimumab (last dose)"
                hint="Within 2 months before baseline excludes. Belimumab blocks BLyS; it is not B-cell depleting."
            />
            <EventField
                ctx
                path="medications.b_cell_depletion"
                legend="Rituximab or another B-cell depleting biologic (last dose)"
                hint="Within 6 months before baseline excludes. Counts: rituximab, ocrelizumab, ofatumumab, obinutuzumab, ublituximab, inebilizumab (anti-CD19), CD19 CAR-T."
            />
        </Section>
    }
}
