//! The verdict panel (beside the questions on a wide screen, a bar at the
//! bottom on a phone, a card above the questions embedded) and every
//! criterion's detail.

use leptos::prelude::*;

use super::state::Ctx;
use super::summary::{deciding, headline};
use super::words::{conditions, outcome_words, still_to_answer, verdict_words};
use super::{clinical, day, fid, readable, ymd};
use crate::engine::criteria::{CriterionId, Kind};
use crate::engine::report::{CriterionReport, Outcome, Verdict};
use crate::questions;

/// Moves focus to the first input answering `path` (exactly, else the first
/// whose path starts with it), after closing the verdict sheet so that it
/// does not cover the question on a small screen.
pub fn jump_to(path: &str) {
    Ctx::get().sheet.set(false);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let exact = format!("[data-path=\"{path}\"]");
    let under = format!("[data-path^=\"{path}.\"], [data-path^=\"{path}[\"]");
    let found = doc.query_selector(&exact).ok().flatten().or_else(|| doc.query_selector(&under).ok().flatten());
    if let Some(el) = found {
        use wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }
}

/// A link to the question answering `path`: `data-jump` in the panel's
/// list of answers still needed, `data-goto` elsewhere; following it moves
/// focus to the question.
#[component]
pub fn QuestionLink(
    /// The answer path the link leads to.
    path: String,
    /// The panel's "still to answer" link (`data-jump`), else `data-goto`.
    #[prop(optional)]
    jump: bool,
) -> impl IntoView {
    let name = questions::name(&path);
    let href = format!("#{}", fid(&path));
    let target = path.clone();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        jump_to(&target);
    };
    if jump {
        view! { <a href=href data-jump=path on:click=on_click>{name}</a> }.into_any()
    } else {
        view! { <a href=href data-goto=path on:click=on_click>{name}</a> }.into_any()
    }
}

/// The verdict panel.
#[component]
pub fn Panel() -> impl IntoView {
    let ctx = Ctx::get();
    let verdict = Memo::new(move |_| ctx.calc.with(|c| c.report.verdict));
    let open = ctx.sheet;
    view! {
        <aside
            class=move || if open.get() { "panel open" } else { "panel" }
            id="panel"
            tabindex="-1"
            aria-labelledby="verdict-h"
        >
            <div class=move || format!("verdict-box v-{}", verdict.get().key()) id="verdict-box">
                <h2 id="verdict-h" class="sr-only">"Verdict"</h2>
                <div aria-live="polite" aria-atomic="true" id="verdict-live">
                    <VerdictLine />
                </div>
                {ctx.embedded.then(|| view! {
                    <p class="small recruitment">
                        "Recruitment: confirm with the study team (record verified February 2024; 2025 listings show the trial not recruiting)."
                    </p>
                })}
                <button
                    type="button"
                    class="panel-toggle"
                    id="panel-toggle"
                    aria-controls="panel-body"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    data-action="toggle-panel"
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || if open.get() { "Hide details" } else { "Show details" }}
                </button>
            </div>
            <div id="panel-body" class="panel-body">
                <PanelLists />
                <p class="site">
                    <span aria-hidden="true">"⚑ "</span>
                    <strong>"E11, site question: "</strong>
                    {CriterionId::E11.sentence()}
                    " – the site investigator decides."
                </p>
                <p>
                    <a href="#criteria">"Every criterion in detail"</a>
                </p>
                <Recruitment />
            </div>
        </aside>
    }
}

/// The recruitment caveat (the record was last verified February 2024).
#[component]
pub fn Recruitment() -> impl IntoView {
    view! {
        <p class="small recruitment">
            <strong>"Recruitment: "</strong>
            "the registry record was last verified in February 2024; 2025 listings show the trial as “active, not recruiting” or “completed”. Confirm with the study team before referring."
        </p>
    }
}

/// The verdict in words, with the earliest date and the criterion that
/// decides it, or what must happen first, or how many answers are missing.
#[component]
fn VerdictLine() -> impl IntoView {
    let ctx = Ctx::get();
    let line = Memo::new(move |_| {
        ctx.calc.with(|c| {
            let r = &c.report;
            let until = conditions(r, &c.answers);
            let until = (!until.is_empty()).then(|| readable(&clinical(&until.join("; and "))) + ".");
            (r.verdict, r.eligible_from, headline(r), until)
        })
    });
    move || {
        let (v, from, words, until) = line.get();
        let (icon, short) = verdict_words(v);
        // With a date: the words for people in a <time> that holds the ISO
        // date for machines, and the criterion that decides it.
        let dated = from.filter(|_| v == Verdict::NotYetEligible).map(|d| {
            let deciding = ctx.calc.with_untracked(|c| deciding(&c.report));
            let when = if deciding.is_some_and(CriterionId::from_baseline) {
                "earliest infusion"
            } else {
                "earliest screening"
            };
            let s = ymd(d);
            view! {
                <strong>
                    {format!("{short}: {when} ")}
                    <time data-eligible-from=s.clone() datetime=s>{day(d)}</time>
                </strong>
                {deciding.map(|id| view! { <span class="deciding">{format!(" ({} {})", id.key(), id.title())}</span> })}
            }
        });
        let words = if dated.is_some() { None } else { Some(view! { <strong>{words}</strong> }) };
        view! {
            <p class="verdict-line">
                <span class="icon" aria-hidden="true">{icon}</span>
                <span class="verdict-words">{words} {dated}</span>
            </p>
            {until.map(|u| view! { <p class="verdict-until" data-until>{u}</p> })}
            <p class="verdict-code">"Verdict: " <code data-verdict=v.key()>{v.key()}</code></p>
        }
    }
}

/// Opens criterion `id`'s details, moves focus to it and shows it, after
/// closing the phone sheet (which would cover it).
pub fn open_criterion(id: CriterionId) {
    use wasm_bindgen::JsCast;
    Ctx::get().sheet.set(false);
    let Some(el) = document().get_element_by_id(&format!("c-{}", id.key())) else { return };
    if let Ok(details) = el.clone().dyn_into::<web_sys::HtmlDetailsElement>() {
        details.set_open(true);
    }
    if let Some(summary) = document().get_element_by_id(&format!("cs-{}", id.key())) {
        if let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>() {
            let _ = summary.focus();
        }
    }
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// The panel's three lists: what stands in the way, what is still to
/// answer, what to check. Each is a block hidden while empty; items are
/// keyed, so an item that did not change keeps its element.
#[component]
fn PanelLists() -> impl IntoView {
    let ctx = Ctx::get();
    let fails = Memo::new(move |_| {
        ctx.calc.with(|c| {
            c.report
                .criteria
                .iter()
                .filter(|c| c.outcome == Outcome::Fail)
                .map(|c| (c.id, c.reason.clone(), c.clears_on, c.temporary))
                .collect::<Vec<_>>()
        })
    });
    let todo = Memo::new(move |_| ctx.calc.with(|c| still_to_answer(&c.report)));
    let checks = ctx.notes;
    view! {
        <div id="panel-lists">
            <div id="pl-fails" hidden=move || fails.with(Vec::is_empty)>
                <h3>"Standing in the way"</h3>
                <ul class="fails">
                    <For each=move || fails.get() key=|f| f.clone() let:f>
                        <li>
                            <a
                                href=format!("#c-{}", f.0.key())
                                data-criterion-link=f.0.key()
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    open_criterion(f.0);
                                }
                            >
                                <strong>{format!("{} {}", f.0.key(), f.0.title())}</strong>
                            </a>
                            ": "
                            {readable(&f.1)}
                            {(f.2.is_none() && f.3).then(|| view! { <span class="small">" (for now)"</span> })}
                        </li>
                    </For>
                </ul>
            </div>
            <div id="pl-todo" hidden=move || todo.with(Vec::is_empty)>
                <h3>"Still to answer"</h3>
                <ul class="todo">
                    <For each=move || todo.get() key=|t| t.clone() let:t>
                        <li>
                            <QuestionLink path=t.0.clone() jump=true />
                            <span class="ids">{format!(" ({})", t.1.join(", "))}</span>
                        </li>
                    </For>
                </ul>
            </div>
            <div id="pl-checks" hidden=move || checks.with(Vec::is_empty)>
                <h3>"Answers to check"</h3>
                <ul class="checks-list">
                    <For each=move || checks.get() key=|n| n.clone() let:n>
                        <li>
                            <QuestionLink path=n.0.clone() />
                            ": "
                            {n.1.clone()}
                        </li>
                    </For>
                </ul>
            </div>
        </div>
    }
}

/// Every criterion: the registry sentence (verbatim), the rule this tool
/// applies, and the result with its values, dates and missing answers.
#[component]
pub fn Criteria() -> impl IntoView {
    view! {
        <section class="card" id="criteria" aria-labelledby="s-criteria">
            <h2 id="s-criteria">"Every criterion"</h2>
            <p class="hint">
                "Open a criterion for the registry sentence (verbatim), the rule this tool applies, and the result with its values and dates."
            </p>
            <ul class="criteria" id="criteria-list">
                <For each=|| CriterionId::ALL key=|id| *id let:id>
                    <CriterionItem id />
                </For>
            </ul>
        </section>
    }
}

/// One criterion's `details`, re-rendered only when its result changes.
#[component]
fn CriterionItem(id: CriterionId) -> impl IntoView {
    let ctx = Ctx::get();
    let result = Memo::new(move |_| ctx.calc.with(|c| c.report.criterion(id).cloned()));
    let outcome = move || result.with(|r| r.as_ref().map_or(Outcome::Unknown, |r| r.outcome));
    let key = id.key();
    let kind = if id.kind() == Kind::Inclusion { "Inclusion" } else { "Exclusion" };
    view! {
        <li>
            <details
                id=format!("c-{key}")
                data-criterion=key
                data-outcome=move || outcome().key()
                class=move || format!("crit o-{}", outcome().key())
            >
                <summary id=format!("cs-{key}")>
                    {move || {
                        let (icon, words) = outcome_words(outcome());
                        view! {
                            <span class="icon" aria-hidden="true">{icon}</span>
                            <strong>{key}</strong>
                            {format!(" {}", id.title())}
                            <span class="outcome">{format!(" – {words}")}</span>
                        }
                    }}
                </summary>
                <p>
                    <strong>{format!("{kind}, registry text: ")}</strong>
                    <q>{id.sentence()}</q>
                </p>
                <p>
                    <strong>"Rule applied: "</strong>
                    {id.rule()}
                </p>
                <div id=format!("cd-{key}")>{move || result.get().map(|c| view! { <Detail c /> })}</div>
            </details>
        </li>
    }
}

/// A criterion's result: its reason, the date it clears or what must
/// happen first, and the answers missing.
#[component]
fn Detail(c: CriterionReport) -> impl IntoView {
    let clears = match (c.clears_on, c.temporary, c.id.until()) {
        (Some(d), _, _) => Some(view! { <p><strong>"Clears on: "</strong>{day(d)}</p> }.into_any()),
        (None, true, Some(until)) => Some(
            view! {
                <p>
                    <strong>"For now: "</strong>
                    {format!("passes once {}.", until.replace("{dose}", "0.5 mg/kg/day"))}
                </p>
            }
            .into_any(),
        ),
        _ => None,
    };
    let missing = (!c.missing.is_empty()).then(|| {
        view! {
            <p><strong>"Missing: "</strong></p>
            <ul>
                {c.missing.iter().map(|p| view! { <li><QuestionLink path=p.clone() /></li> }).collect_view()}
            </ul>
        }
    });
    let inputs = c.id.inputs();
    let change = (!inputs.is_empty()).then(|| {
        view! {
            <p class="change">
                <strong>"Change the answer: "</strong>
                {inputs
                    .iter()
                    .enumerate()
                    .map(|(i, p)| view! { {(i > 0).then_some(" · ")} <QuestionLink path=(*p).to_string() /> })
                    .collect_view()}
            </p>
        }
    });
    view! {
        <p><strong>"Result: "</strong>{readable(&c.reason)}</p>
        {clears}
        {missing}
        {change}
    }
}
