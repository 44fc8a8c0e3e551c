//! Copy summary, save / load answers, clear all, print.

mod files;
mod summary;

pub use summary::{answer_lines, summary_text, PrintSummary};

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::draft::Draft;
use super::{fresh_draft, Ctx};

/// A message after an action: words, and whether it is an error.
type Status = Option<(String, bool)>;

/// The toolbar of actions.
#[component]
pub fn Toolbar(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    let status: RwSignal<Status> = RwSignal::new(None);
    let load_msg: RwSignal<Status> = RwSignal::new(None);
    let undo: RwSignal<Option<Draft>> = RwSignal::new(None);
    let copy = move |_| {
        let text = ctx.converted.with(|(a, _)| ctx.report.with(|r| summary_text(a, r)));
        let Some(win) = web_sys::window() else { return };
        let promise = win.navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let ok = JsFuture::from(promise).await.is_ok();
            status.set(Some(if ok {
                ("Summary copied to the clipboard.".into(), false)
            } else {
                ("The browser refused the clipboard; use Print instead.".into(), true)
            }));
        });
    };
    let save = move |_| {
        let (json, name) = ctx.converted.with(|(a, _)| {
            let date = ctx.report.with(|r| super::ymd(r.screening_date));
            (crate::to_json(a), format!("misle-answers-{date}.json"))
        });
        if let Err(e) = files::download(&json, &name) {
            status.set(Some((format!("Could not save: {e}"), true)));
        } else {
            status.set(Some((format!("Saved answers as {name}."), false)));
        }
    };
    let clear = move |_| {
        let old = ctx.draft.get_untracked();
        ctx.draft.set(fresh_draft(ctx.today));
        undo.set(Some(old));
        load_msg.set(None);
        status.set(Some(("All answers cleared.".into(), false)));
    };
    let undo_clear = move |_| {
        if let Some(old) = undo.get_untracked() {
            ctx.draft.set(old);
            undo.set(None);
            status.set(Some(("Answers restored.".into(), false)));
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let load = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let name = file.name();
        if file.size() > files::MAX_BYTES {
            load_msg.set(Some((
                format!(
                    "“{name}” is {} KB; an answers file is at most 1 MB. It was not read.",
                    (file.size() / 1000.0).round() as u64
                ),
                true,
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
            let Some(text) = text else {
                load_msg.set(Some((format!("“{name}” could not be read as text."), true)));
                return;
            };
            match crate::from_json(&text) {
                Ok(a) => {
                    ctx.draft.set(Draft::from_answers(&a));
                    undo.set(None);
                    load_msg.set(Some((format!("Loaded the answers from “{name}”."), false)));
                }
                Err(e) => load_msg.set(Some((format!("“{name}” was not loaded: {e}"), true))),
            }
        });
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Summary and answers">
            <button type="button" data-action="copy-summary" on:click=copy>"Copy summary"</button>
            <button type="button" data-action="print" on:click=print>"Print"</button>
            <button type="button" data-action="save-answers" on:click=save>"Save answers"</button>
            <label class="file-button" for="load-answers">"Load answers"</label>
            <input
                type="file"
                id="load-answers"
                class="file-input"
                accept="application/json,.json"
                data-action="load-answers"
                on:change=load
            />
            <button type="button" data-action="clear-all" on:click=clear>"Clear all"</button>
            {move || undo.with(Option::is_some).then(|| view! {
                <button type="button" data-action="undo-clear" on:click=undo_clear>"Undo clear"</button>
            })}
        </div>
        <p class="status" role="status">
            {move || status.get().map(|(m, _)| m)}
        </p>
        {move || load_msg.get().map(|(m, err)| view! {
            <p data-load-message class:error=err role=err.then_some("alert")>{m}</p>
        })}
    }
}
