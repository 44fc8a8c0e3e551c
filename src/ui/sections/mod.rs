//! The questionnaire's sections, in clinical order. Each carries
//! `data-section`; the reproductive and nephritis sections are in the DOM
//! only while they apply.

mod about;
mod basics;
mod conditions;
pub mod data;
mod labs;
mod lupus;
mod meds;
mod repro;

pub use about::About;

use leptos::prelude::*;

use super::Ctx;

/// A titled section of questions.
#[component]
pub fn Section(
    /// The `data-section` word (`labs`).
    key: &'static str,
    /// The heading.
    title: &'static str,
    /// The questions.
    children: Children,
) -> impl IntoView {
    let hid = format!("s-{key}");
    let labelled = hid.clone();
    view! {
        <section class="card" data-section=key aria-labelledby=labelled>
            <h2 id=hid>{title}</h2>
            {children()}
        </section>
    }
}

/// Every section, in order.
#[component]
pub fn Sections(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    let female = Memo::new(move |_| ctx.draft.with(|d| d.female()));
    let renal = Memo::new(move |_| ctx.draft.with(|d| d.renal_active()));
    view! {
        <basics::Dates ctx />
        <basics::Patient ctx />
        <lupus::History ctx />
        <lupus::Activity ctx />
        <Show when=move || renal.get()>
            <lupus::Nephritis ctx />
        </Show>
        <labs::Labs ctx />
        <conditions::Conditions ctx />
        <meds::Medications ctx />
        <Show when=move || female.get()>
            <repro::Reproductive ctx />
        </Show>
        <repro::Consent ctx />
    }
}

/// A live computed value under a question (polite to screen readers).
#[component]
pub fn Live(
    /// The words, recomputed.
    text: Signal<String>,
) -> impl IntoView {
    view! {
        <p class="live" aria-live="polite">
            {move || text.get()}
        </p>
    }
}
