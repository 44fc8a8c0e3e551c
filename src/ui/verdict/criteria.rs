//! Every criterion's detail: registry sentence, rule, reason, what is missing.

use leptos::prelude::*;

use super::{outcome_words, question_link};
use crate::engine::criteria::{CriterionId, Kind};
use crate::engine::report::{CriterionReport, Outcome};
use crate::ui::{ymd, Ctx};

/// One criterion as a `details` element with `data-criterion` and
/// `data-outcome`.
#[component]
fn Criterion(
    /// Shared state.
    ctx: Ctx,
    /// Which criterion.
    id: CriterionId,
) -> impl IntoView {
    let this = Memo::new(move |_| ctx.report.with(|r| r.criterion(id).cloned()));
    let outcome = move || this.with(|c| c.as_ref().map_or(Outcome::Unknown, |c| c.outcome));
    let kind = if id.kind() == Kind::Inclusion { "Inclusion" } else { "Exclusion" };
    view! {
        <li>
            <details
                id=format!("c-{}", id.key())
                data-criterion=id.key()
                data-outcome=move || outcome().key()
                class=move || format!("crit o-{}", outcome().key())
            >
                <summary>
                    <span class="icon" aria-hidden="true">{move || outcome_words(outcome()).0}</span>
                    <strong>{id.key()}</strong>
                    " "
                    {id.title()}
                    <span class="outcome">{move || format!(" – {}", outcome_words(outcome()).1)}</span>
                </summary>
                <p><strong>{kind}", registry text: "</strong><q>{id.sentence()}</q></p>
                <p><strong>"Rule applied: "</strong>{id.rule()}</p>
                {move || this.get().map(|c| detail(ctx, &c))}
            </details>
        </li>
    }
}

/// The reason, the date it clears and the missing answers of a result.
fn detail(ctx: Ctx, c: &CriterionReport) -> impl IntoView + use<> {
    let missing = (!c.missing.is_empty()).then(|| {
        let items = c.missing.iter().map(|p| view! { <li>{question_link(ctx, p.clone(), false)}</li> }).collect_view();
        view! { <p><strong>"Missing: "</strong></p><ul>{items}</ul> }
    });
    view! {
        <p><strong>"Result: "</strong>{c.reason.clone()}</p>
        {c.clears_on.map(|d| view! { <p><strong>"Clears on: "</strong>{ymd(d)}</p> })}
        {missing}
    }
}

/// The 22 criteria, I1–I6 then E1–E16.
#[component]
pub fn CriteriaList(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    view! {
        <section class="card" id="criteria" aria-labelledby="s-criteria">
            <h2 id="s-criteria">"Every criterion"</h2>
            <p class="hint">"Open a criterion for the registry sentence (verbatim), the rule this tool applies, and the result with its values and dates."</p>
            <ul class="criteria">
                {CriterionId::ALL.iter().map(|&id| view! { <Criterion ctx id /> }).collect_view()}
            </ul>
        </section>
    }
}
