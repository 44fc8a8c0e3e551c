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
/// whose path starts with it), after closing the verdict sheet so that it
/// does not cover the question on a small screen.
pub fn jump_to(ctx: Ctx, path: &str) {
    ctx.sheet.set(false);
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

/// A link to the question answering `path`: `data-jump` (when `jump`) and a
/// click that moves focus there.
pub fn question_link(ctx: Ctx, path: String, jump: bool) -> impl IntoView {
    let href = format!("#{}", fid(&path));
    let name = question_name(&path);
    let data = jump.then(|| path.clone());
    view! {
        <a
            href=href
            data-jump=data
            on:click=move |ev| {
                ev.prevent_default();
                jump_to(ctx, &path);
            }
        >
            {name}
        </a>
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
    let open = ctx.sheet;
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
                    failing.with(|f| {
                        let items = f.iter().map(|(id, reason, clears)| view! {
                            <li>
                                <a href=format!("#c-{}", id.key())><strong>{id.key()}" "{id.title()}</strong></a>
                                ": " {reason.clone()}
                                {clears.map(|d| view! { " " <span class="small">"(clears on "{ymd(d)}")"</span> })}
                            </li>
                        }.into_any());
                        block("Standing in the way", "fails", items.collect())
                    })
                }}
                {move || {
                    todo.with(|t| {
                        let items = t.iter().map(|(path, ids)| view! {
                            <li>
                                {question_link(ctx, path.clone(), true)}
                                <span class="ids">" ("{ids.join(", ")}")"</span>
                            </li>
                        }.into_any());
                        block("Still to answer", "todo", items.collect())
                    })
                }}
                {move || {
                    notes.with(|n| {
                        let items = n.iter().map(|(path, m)| view! {
                            <li>{question_link(ctx, path.clone(), false)}": "{m.clone()}</li>
                        }.into_any());
                        block("Answers to check", "checks-list", items.collect())
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

/// A titled list of the panel, absent when empty.
fn block(heading: &'static str, class: &'static str, items: Vec<AnyView>) -> Option<AnyView> {
    (!items.is_empty()).then(|| view! { <h3>{heading}</h3><ul class=class>{items}</ul> }.into_any())
}
