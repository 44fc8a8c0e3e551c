//! Reproductive questions (female only) and consent.

use leptos::prelude::*;

use super::Section;
use crate::ui::fields::YesNo;
use crate::ui::Ctx;

/// Pregnancy, breastfeeding, contraception; contraception only with
/// childbearing potential.
#[component]
pub fn Reproductive(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    let potential = Memo::new(move |_| ctx.draft.with(|d| d.get("patient.childbearing_potential") == "true"));
    view! {
        <Section key="reproductive" title="Pregnancy and contraception">
            <YesNo
                ctx
                path="patient.childbearing_potential"
                legend="Childbearing potential?"
                hint="Not post-menopausal and not surgically sterile."
            />
            <YesNo ctx path="patient.pregnant" legend="Pregnant?" />
            <YesNo ctx path="patient.breastfeeding" legend="Breastfeeding?" />
            <Show when=move || potential.get()>
                <YesNo ctx path="patient.contraception_willing" legend="Willing to use adequate contraception?" />
            </Show>
        </Section>
    }
}

/// Informed consent.
#[component]
pub fn Consent(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    view! {
        <Section key="consent" title="Consent">
            <YesNo ctx path="patient.consent" legend="Able and willing to give written informed consent?" />
        </Section>
    }
}
