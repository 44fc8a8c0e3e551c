//! Dates and the patient.

use leptos::prelude::*;

use super::{Live, Section};
use crate::ui::fields::{DateField, NumField, Radios};
use crate::ui::{ymd, Ctx};

/// Screening and planned baseline dates.
#[component]
pub fn Dates(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    let used = Signal::derive(move || {
        ctx.report.with(|r| format!("Used: screening {}, baseline {}.", ymd(r.screening_date), ymd(r.baseline_date)))
    });
    view! {
        <Section key="dates" title="Dates">
            <div class="row">
                <DateField
                    ctx
                    path="screening_date"
                    label="Screening date"
                    hint="Today by default. Windows of I3, I5, E5, E9 and E16 count back from it."
                />
                <DateField
                    ctx
                    path="baseline_date"
                    label="Planned baseline (infusion, day 0)"
                    hint="Optional; empty means the screening date. Windows of E12–E14 count back from it."
                />
            </div>
            <Live text=used />
        </Section>
    }
}

/// Who the patient is.
#[component]
pub fn Patient(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    let age = Signal::derive(move || {
        ctx.report.with(|r| match r.derived.age_years {
            Some(a) => format!("Age at screening: {a} years (eligible 18 to 65)."),
            None => "Age at screening: not known (eligible 18 to 65).".into(),
        })
    });
    view! {
        <Section key="patient" title="Patient">
            <div class="row">
                <DateField ctx path="patient.birth_date" label="Birth date" hint="Preferred: gives the exact age." />
                <NumField ctx path="patient.age_years" label="Or age" unit="years" hint="Only used without a birth date." />
            </div>
            <Live text=age />
            <Radios
                ctx
                path="patient.sex"
                legend="Sex"
                options=&[("female", "Female"), ("male", "Male"), ("", "Not known")]
            />
            <NumField ctx path="patient.weight_kg" label="Weight" unit="kg" hint="For the corticosteroid limit of 0.5 mg/kg/day." />
        </Section>
    }
}
