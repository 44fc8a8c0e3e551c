//! Laboratory results, each with its unit and the limit shown.

use leptos::prelude::*;

use super::data::{COUNT_UNITS, CREATININE_UNITS, HB_UNITS};
use super::{Live, Section};
use crate::engine::fmt::num;
use crate::ui::draft::parse_number;
use crate::ui::fields::{NumField, SelectField};
use crate::ui::Ctx;

/// A lab value with its unit select side by side.
#[component]
fn Measured(
    /// Shared state.
    ctx: Ctx,
    /// Path of the value (`labs.wbc.value`).
    value: &'static str,
    /// Path of the unit (`labs.wbc.unit`).
    unit: &'static str,
    /// The lab's name.
    label: &'static str,
    /// Units offered.
    units: &'static [(&'static str, &'static str)],
    /// The limit, in words.
    limit: &'static str,
) -> impl IntoView {
    view! {
        <div class="lab">
            <div class="row">
                <NumField ctx path=value label=label hint=limit />
                <SelectField ctx path=unit label="Unit" options=units empty="choose" />
            </div>
        </div>
    }
}

/// A liver enzyme with the reporting lab's upper limit of normal, and the
/// ratio shown.
#[component]
fn Enzyme(
    /// Shared state.
    ctx: Ctx,
    /// `ast` or `alt`.
    key: &'static str,
    /// `AST` or `ALT`.
    name: &'static str,
) -> impl IntoView {
    let (value, uln): (&'static str, &'static str) =
        if key == "ast" { ("labs.ast.value", "labs.ast.uln") } else { ("labs.alt.value", "labs.alt.uln") };
    let ratio = Signal::derive(move || {
        ctx.draft.with(|d| match (parse_number(d.get(value)), parse_number(d.get(uln))) {
            (Some(v), Some(u)) if u > 0.0 => format!("{name} = {} × ULN (above 4 × ULN excludes).", num(v / u)),
            _ => format!("{name} above 4 × the lab’s upper limit of normal excludes."),
        })
    });
    view! {
        <div class="lab">
            <div class="row">
                <NumField ctx path=value label=name unit="U/L" />
                <NumField ctx path=uln label="Lab’s upper limit of normal" unit="U/L" />
            </div>
            <Live text=ratio />
        </div>
    }
}

/// The laboratory section.
#[component]
pub fn Labs(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    let egfr = Signal::derive(move || {
        let given = ctx.draft.with(|d| !d.get("labs.egfr.value").trim().is_empty());
        ctx.report.with(|r| match (r.derived.egfr, given) {
            (Some(e), true) => format!("eGFR used: {} mL/min/1.73 m² (as given).", num(e)),
            (Some(e), false) => {
                format!("eGFR used: {} mL/min/1.73 m², CKD-EPI 2021 from creatinine, age and sex.", num(e))
            }
            (None, _) => "eGFR: not known yet (give eGFR, or creatinine with age and sex).".into(),
        })
    });
    view! {
        <Section key="labs" title="Laboratory results">
            <p class="hint">"Exclusion limits (E3) are checked after converting to the units shown; a value equal to a limit passes."</p>
            <div class="lab">
                <NumField
                    ctx
                    path="labs.egfr.value"
                    label="eGFR"
                    unit="mL/min/1.73 m²"
                    hint="Below 30 excludes. Leave empty to compute CKD-EPI 2021 from creatinine."
                />
            </div>
            <Measured
                ctx
                value="labs.creatinine.value"
                unit="labs.creatinine.unit"
                label="Serum creatinine (for CKD-EPI 2021)"
                units=CREATININE_UNITS
                limit="Used only without an eGFR. 1 mg/dL = 88.4 µmol/L."
            />
            <Live text=egfr />
            <Measured
                ctx
                value="labs.wbc.value"
                unit="labs.wbc.unit"
                label="White blood cells"
                units=COUNT_UNITS
                limit="Below 2.0 ×10⁹/L (2,000 cells/mm³) excludes. The registry’s “WBC <2.0/mm3” is read as 2.0 ×10⁹/L."
            />
            <Measured
                ctx
                value="labs.hemoglobin.value"
                unit="labs.hemoglobin.unit"
                label="Hemoglobin"
                units=HB_UNITS
                limit="Below 8 g/dL (80 g/L, 4.965 mmol/L) excludes."
            />
            <Measured
                ctx
                value="labs.platelets.value"
                unit="labs.platelets.unit"
                label="Platelets"
                units=COUNT_UNITS
                limit="Below 30 ×10⁹/L (30,000/mm³) excludes."
            />
            <Enzyme ctx key="ast" name="AST" />
            <Enzyme ctx key="alt" name="ALT" />
        </Section>
    }
}
