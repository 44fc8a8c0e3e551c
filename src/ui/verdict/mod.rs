//! The verdict panel (always in view) and every criterion's detail.

mod criteria;
mod words;

pub use criteria::CriteriaList;
pub use words::{outcome_words, question_name, verdict_words};

use leptos::prelude::*;

use super::fields::fid;
use super::{ymd, Ctx};
use crate::engine::criteria::CriterionId;
use crate::engine::report::{Outcome, Verdict};

/// Moves focus to the first input answering `path` (exactly, else the first
/// whose path starts with it).
pub fn jump_to(path: &str) {
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

/// The questions still to answer: each path once, with the criteria it
/// would settle.
fn still_to_answer(ctx: Ctx) -> Vec<(String, Vec<&'static str>)> {
    ctx.report.with(|r| {
        let mut out: Vec<(String, Vec<&'static str>)> = Vec::new();
        for c in r.criteria.iter().filter(|c| c.outcome == Outcome::Unknown) {
            for m in &c.missing {
                match out.iter_mut().find(|(p, _)| p == m) {
                    Some((_, ids)) => ids.push(c.id.key()),
                    None => out.push((m.clone(), vec![c.id.key()])),
                }
            }
        }
        out
    })
}

/// The verdict panel: sticky beside the questions on a wide screen, a bar
/// at the bottom that expands on a phone.
#[component]
pub fn Panel(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let verdict = Memo::new(move |_| ctx.report.with(|r| (r.verdict, r.eligible_from)));
    let failing = Memo::new(move |_| {
        ctx.report.with(|r| {
            r.criteria
                .iter()
                .filter(|c| c.outcome == Outcome::Fail)
                .map(|c| (c.id, c.reason.clone(), c.clears_on))
                .collect::<Vec<_>>()
        })
    });
    let todo = Memo::new(move |_| still_to_answer(ctx));
    let notes = ctx.notes;
    view! {
        <aside class="panel" class:open=move || open.get() aria-labelledby="verdict-h">
            <div class=move || format!("verdict-box v-{}", verdict.get().0.key())>
                <h2 id="verdict-h" class="sr-only">"Verdict"</h2>
                <div aria-live="polite" aria-atomic="true">
                    {move || {
                        let (v, from) = verdict.get();
                        let (icon, words) = verdict_words(v);
                        view! {
                            <p class="verdict-line">
                                <span class="icon" aria-hidden="true">{icon}</span>
                                <strong>{words}</strong>
                                {(v == Verdict::NotYetEligible).then(|| from.map(|d| {
                                    let s = ymd(d);
                                    view! { " from " <time data-eligible-from=s.clone() datetime=s.clone()>{s.clone()}</time> }
                                }))}
                            </p>
                            <p class="verdict-code">"Verdict: " <code data-verdict=v.key()>{v.key()}</code></p>
                        }
                    }}
                </div>
                <button
                    type="button"
                    class="panel-toggle"
                    aria-controls="panel-body"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || if open.get() { "Hide details" } else { "Show details" }}
                </button>
            </div>
            <div id="panel-body" class="panel-body">
                {move || {
                    let f = failing.get();
                    (!f.is_empty()).then(|| view! {
                        <h3>"Standing in the way"</h3>
                        <ul class="fails">
                            {f.into_iter().map(|(id, reason, clears)| view! {
                                <li>
                                    <a href=format!("#c-{}", id.key())><strong>{id.key()}" "{id.title()}</strong></a>
                                    ": " {reason}
                                    {clears.map(|d| view! { " " <span class="small">"(clears on "{ymd(d)}")"</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    })
                }}
                {move || {
                    let t = todo.get();
                    (!t.is_empty()).then(|| view! {
                        <h3>"Still to answer"</h3>
                        <ul class="todo">
                            {t.into_iter().map(|(path, ids)| {
                                let p2 = path.clone();
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{}", fid(&path))
                                            data-jump=path.clone()
                                            on:click=move |ev| { ev.prevent_default(); jump_to(&p2); }
                                        >{question_name(&path)}</a>
                                        <span class="ids">" ("{ids.join(", ")}")"</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })
                }}
                {move || {
                    let n = notes.get();
                    (!n.is_empty()).then(|| view! {
                        <h3>"Answers to check"</h3>
                        <ul class="checks-list">
                            {n.into_iter().map(|(path, m)| view! {
                                <li><a href=format!("#{}", fid(&path))>{question_name(&path)}</a>": "{m}</li>
                            }).collect_view()}
                        </ul>
                    })
                }}
                <p class="site">
                    <span aria-hidden="true">"⚑ "</span>
                    <strong>"E11, site question: "</strong>
                    {CriterionId::E11.sentence()}
                    " – the site investigator decides."
                </p>
                <p><a href="#criteria">"Every criterion in detail"</a></p>
                <p class="small">"Recruitment status must be confirmed with the study team (registry record last verified February 2024)."</p>
            </div>
        </aside>
    }
}
