//! Lupus history, current activity and nephritis therapy.

use leptos::prelude::*;

use crate::parse::Word;

use super::data::{ACR, BILAG_DOMAINS, GRADES, MAINTENANCE, SLEDAI, TITERS};
use super::{Live, Section};
use crate::engine::answers::SledaiItem;
use crate::engine::calc::sledai_weight;
use crate::ui::draft::SLEDAI_MODE;
use crate::ui::fields::{CheckList, DateField, NumField, SelectField, YesNo};
use crate::ui::Ctx;

/// ACR criteria and antibodies.
#[component]
pub fn History(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    let count = Signal::derive(move || {
        ctx.report.with(|r| match r.derived.acr_count {
            Some(n) => format!("{n} of 11 criteria ticked (at least 4 needed)."),
            None => "Not answered yet: tick every criterion ever met, or “None of these”.".into(),
        })
    });
    view! {
        <Section key="history" title="SLE history">
            <CheckList
                ctx
                path="sle.acr_criteria"
                legend="1997-updated ACR classification criteria ever met (at least 4 of 11)"
                items=ACR
                with_none=true
            />
            <Live text=count />
            <h3>"Antibodies (within 6 months before screening)"</h3>
            <p class="hint">"Qualifies: ANA titer 1:80 or more, or a positive anti-dsDNA test, dated within 6 months before screening (inclusive). An older test needs repeating."</p>
            <div class="row">
                <SelectField ctx path="sle.ana.titer" label="ANA titer (latest)" options=TITERS />
                <DateField ctx path="sle.ana.date" label="ANA test date" />
            </div>
            <div class="row">
                <YesNo ctx path="sle.anti_dsdna.positive" legend="Anti-dsDNA positive (latest test)" />
                <DateField ctx path="sle.anti_dsdna.date" label="Anti-dsDNA test date" />
            </div>
        </Section>
    }
}

/// The SLEDAI-2K weight of a contract word.
fn weight(word: &'static str) -> u32 {
    SledaiItem::from_word(word).map_or(0, sledai_weight)
}

/// SLEDAI-2K, BILAG-2004 and standard of care.
#[component]
pub fn Activity(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    let draft = ctx.draft;
    let by_score = Memo::new(move |_| draft.with(|d| d.sledai_by_score()));
    let mode = move |v: &'static str, text: &'static str| {
        let id = format!("sledai-mode-{v}");
        let label_for = id.clone();
        view! {
            <label class="choice" for=label_for>
                <input
                    type="radio"
                    id=id
                    name="sledai-mode"
                    value=v
                    data-control="sledai-mode"
                    prop:checked=move || by_score.get() == (v == "score")
                    on:change=move |_| draft.update(|d| d.set(SLEDAI_MODE, v.to_string()))
                />
                {text}
            </label>
        }
    };
    let total = move || {
        ctx.report.with(|r| match r.derived.sledai_score {
            Some(s) => s.to_string(),
            None => "0".into(),
        })
    };
    let grades = BILAG_DOMAINS
        .iter()
        .map(|&(key, name)| {
            let path: &'static str = match key {
                "constitutional" => "sle.bilag.constitutional",
                "mucocutaneous" => "sle.bilag.mucocutaneous",
                "neuropsychiatric" => "sle.bilag.neuropsychiatric",
                "musculoskeletal" => "sle.bilag.musculoskeletal",
                "cardiorespiratory" => "sle.bilag.cardiorespiratory",
                "gastrointestinal" => "sle.bilag.gastrointestinal",
                "ophthalmic" => "sle.bilag.ophthalmic",
                "renal" => "sle.bilag.renal",
                _ => "sle.bilag.hematological",
            };
            view! { <SelectField ctx path label=name options=GRADES /> }
        })
        .collect_view();
    view! {
        <Section key="activity" title="Disease activity at screening">
            <h3>"SLEDAI-2K (the registry’s “SLEDAI”; at least 6 needed)"</h3>
            <p class="hint">"Descriptors present at the visit or in the previous 10 days. SLEDAI-2K counts persistent activity; the 1992 SLEDAI needed rash, alopecia, ulcers and proteinuria to be new or recurrent."</p>
            <fieldset class="field radios">
                <legend>"Enter SLEDAI-2K as"</legend>
                <div class="choices">
                    {mode("items", "Descriptors (calculator)")}
                    {mode("score", "Total score")}
                </div>
            </fieldset>
            <Show
                when=move || !by_score.get()
                fallback=move || view! { <NumField ctx path="sle.sledai.score" label="SLEDAI-2K score" hint="0 to 105." /> }
            >
                <CheckList
                    ctx
                    path="sle.sledai.items"
                    legend="SLEDAI-2K descriptors present (weight before each)"
                    items=SLEDAI
                    weights=weight
                />
                <p class="total" aria-live="polite">
                    "Running total: " <strong data-sledai-total>{total}</strong> " of 105 (at least 6 needed)"
                </p>
            </Show>
            <h3>"BILAG-2004 grade per domain (at least one A or B needed)"</h3>
            <p class="hint">
                "A: severe activity needing high-dose steroids and/or immunosuppressants. B: moderate activity needing lower-dose steroids, antimalarials or NSAIDs. C: mild stable activity. D: previously active, now inactive. E: never involved. "
                "Enter the grades you have assessed: the full 97-item BILAG-2004 index is not implemented here."
            </p>
            <div class="grid">{grades}</div>
            <YesNo
                ctx
                path="sle.standard_of_care"
                legend="Active despite standard-of-care therapy?"
            />
        </Section>
    }
}

/// Therapy of the current nephritis episode (renal BILAG A or B only).
#[component]
pub fn Nephritis(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    view! {
        <Section key="nephritis" title="Nephritis therapy (renal BILAG A or B)">
            <p class="hint">"Needed: at least 6 months of therapy for the current episode before screening, including at least 6 months of mycophenolate, or at least 3 months of cyclophosphamide followed by mycophenolate or azathioprine."</p>
            <DateField ctx path="nephritis_therapy.start_date" label="Therapy for the current episode started on" />
            <div class="row">
                <NumField ctx path="nephritis_therapy.mycophenolate_months" label="Mycophenolate" unit="months" />
                <NumField ctx path="nephritis_therapy.cyclophosphamide_months" label="Cyclophosphamide" unit="months" />
            </div>
            <SelectField
                ctx
                path="nephritis_therapy.maintenance_after_cyclophosphamide"
                label="Maintenance after cyclophosphamide"
                options=MAINTENANCE
            />
        </Section>
    }
}
