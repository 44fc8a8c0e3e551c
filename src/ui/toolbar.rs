//! The toolbar: copy the summary, print, save and load the answers, clear
//! all (with undo); and their messages.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::draft::{clip, Draft};
use super::state::Ctx;
use super::summary::{full_text, prose, record_lines};
use super::{fhir, fresh_draft, ymd};

/// The toolbar and its message lines.
#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = Ctx::get();
    let say = move |m: String, err: bool| ctx.status.set(Some((m, err)));
    let copy = move |full: bool| {
        let text = ctx.calc.with_untracked(|c| {
            ctx.draft.with_untracked(|d| {
                let record = ctx.sources.with_untracked(|s| record_lines(s, d));
                if full {
                    full_text(c, d, &record)
                } else {
                    prose(c, d, &record)
                }
            })
        });
        let Some(win) = web_sys::window() else { return };
        let promise = win.navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            if JsFuture::from(promise).await.is_ok() {
                let what = if full { "The full list" } else { "The summary" };
                say(format!("{what} is on the clipboard."), false);
            } else {
                say("The browser refused the clipboard; use Print instead.".into(), true);
            }
        });
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let save = move |_| {
        let (json, name) = ctx.calc.with_untracked(|c| {
            (crate::to_json(&c.answers), format!("misle-answers-{}.json", ymd(c.report.screening_date)))
        });
        match download(&json, &name, "application/json") {
            Err(e) => say(format!("Could not save: {e}"), true),
            Ok(()) => say(format!("Saved answers as {name}."), false),
        }
    };
    let save_fhir = move |_| {
        let (json, name) = ctx.calc.with_untracked(|c| {
            let response = crate::fhir::to_questionnaire_response(&c.answers, ctx.today);
            // Cannot fail: string keys, finite numbers.
            let json = serde_json::to_string_pretty(&response).unwrap_or_default() + "\n";
            (json, format!("misle-response-{}.json", ymd(c.report.screening_date)))
        });
        match download(&json, &name, "application/fhir+json") {
            Err(e) => say(format!("Could not save: {e}"), true),
            Ok(()) => say(format!("Saved the answers as a FHIR QuestionnaireResponse, {name}."), false),
        }
    };
    let clear = move |_| {
        let old = ctx.form.snapshot_untracked();
        ctx.form.load(&fresh_draft(ctx.today));
        ctx.undo.set(Some(old));
        ctx.load_msg.set(None);
        ctx.sources.set(Vec::new());
        say("All answers cleared.".into(), false);
    };
    let undo = move |_| {
        if let Some(old) = ctx.undo.try_update(Option::take).flatten() {
            ctx.form.load(&old);
            ctx.sources.set(Vec::new());
            ctx.load_msg.set(None);
            say("Answers restored.".into(), false);
        }
    };
    let load = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        load_file(&input);
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Summary and answers">
            <button type="button" data-action="copy-summary" on:click=move |_| copy(false)>"Copy summary"</button>
            <button type="button" data-action="copy-full" on:click=move |_| copy(true)>"Copy full list"</button>
            <button type="button" data-action="print" on:click=print>"Print"</button>
            <button type="button" data-action="save-answers" on:click=save>"Save answers"</button>
            <button
                type="button"
                data-action="save-fhir"
                title="The answers as a FHIR R4 QuestionnaireResponse, for a portal's record"
                on:click=save_fhir
            >
                "Save as FHIR"
            </button>
            <label class="file-button" for="load-answers">"Load answers"</label>
            <input
                type="file"
                id="load-answers"
                class="file-input"
                accept="application/json,application/fhir+json,.json"
                data-action="load-answers"
                on:change=load
            />
            <button type="button" data-action="clear-all" on:click=clear>"Clear all"</button>
            <button
                type="button"
                data-action="undo-clear"
                id="undo-clear"
                hidden=move || ctx.undo.with(Option::is_none)
                on:click=undo
            >
                "Undo"
            </button>
        </div>
        <p class="status" role="status" id="status">{move || ctx.status.get().map(|(m, _)| m)}</p>
        <LoadMessage />
    }
}

/// The message after loading answers or a record (by the toolbar, or by a
/// portal's message in embed mode, which has no toolbar).
#[component]
pub fn LoadMessage() -> impl IntoView {
    let ctx = Ctx::get();
    view! { <div id="load-slot">{move || ctx.load_msg.get().map(|(m, err)| message(m, err))}</div> }
}

/// The load message: an alert when the file was refused.
fn message(m: String, err: bool) -> impl IntoView {
    if err {
        view! { <p data-load-message class="error" role="alert">{m}</p> }.into_any()
    } else {
        view! { <p data-load-message>{m}</p> }.into_any()
    }
}

/// Reads the answers file chosen in `input` (at most 1 MB).
fn load_file(input: &web_sys::HtmlInputElement) {
    let ctx = Ctx::get();
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    input.set_value("");
    let name = file.name();
    let msg = move |m: String, err: bool| ctx.load_msg.set(Some((m, err)));
    let size = file.size();
    if size > crate::parse::MAX_BYTES as f64 {
        msg(
            format!(
                "“{name}” is {} KB; an answers file is at most 1 MB. It was not read.",
                (size / 1000.0).round() as u64
            ),
            true,
        );
        return;
    }
    leptos::task::spawn_local(async move {
        let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
        let Some(text) = text else {
            msg(format!("“{name}” could not be read as text."), true);
            return;
        };
        match load_text(ctx, &text, &name) {
            Ok(m) => msg(m, false),
            // A file's bad string is quoted in the message: kept short.
            Err(e) => msg(format!("“{name}” was not loaded: {}", clip(&e, 300)), true),
        }
    });
}

/// Loads a file's text: an answers document or a FHIR QuestionnaireResponse
/// replaces the answers; a FHIR Bundle fills in what the record says.
/// Returns the message to show.
///
/// # Errors
/// Why the file was not read; nothing on the page changed.
fn load_text(ctx: Ctx, text: &str, name: &str) -> Result<String, String> {
    let value: Option<serde_json::Value> = serde_json::from_str(text).ok();
    let replace = |a: &crate::Answers, from: String| {
        let before = ctx.form.snapshot_untracked();
        ctx.form.load(&Draft::from_answers(a));
        ctx.sources.set(Vec::new());
        let msg = loaded(&from, a, ctx.today);
        keep_for_undo(ctx, before, msg)
    };
    match value.as_ref().map(fhir::kind) {
        Some(fhir::Document::Response) => {
            let v = value.unwrap_or_default();
            let a = crate::fhir::answers_from_questionnaire_response(&v).map_err(|e| e.to_string())?;
            Ok(replace(&a, format!("the FHIR QuestionnaireResponse “{name}”")))
        }
        Some(fhir::Document::Bundle) => {
            let v = value.unwrap_or_default();
            fhir::prefill(ctx, &v, &format!("in “{name}”")).map_err(|e| e.to_string())
        }
        Some(fhir::Document::Other(t)) => Err(fhir::not_read(t)),
        // Answers, or not JSON: the answers reader says which, and where.
        Some(fhir::Document::Answers) | None => {
            let a = crate::from_json(text).map_err(|e| e.to_string())?;
            Ok(replace(&a, format!("“{name}”")))
        }
    }
}

/// Offers to undo a load that replaced answers typed before (`before`):
/// "Undo" restores them, as after "Clear all". Returns `msg`, saying so
/// when there was something to restore. Embedded, the page has no toolbar
/// and the portal keeps its own answers: nothing is offered.
pub fn keep_for_undo(ctx: Ctx, before: Draft, msg: String) -> String {
    if !ctx.embedded && super::has_answers(&before, ctx.today) {
        ctx.undo.set(Some(before));
        format!("{msg} “Undo” restores the answers as they were before.")
    } else {
        ctx.undo.set(None);
        msg
    }
}

/// The message after loading: which file, and the values in it that cannot
/// be true (they also show at their fields), so that nothing it says goes
/// unremarked.
#[must_use]
pub fn loaded(from: &str, a: &crate::Answers, today: chrono::NaiveDate) -> String {
    let errors = crate::evaluate(a, today).errors;
    if errors.is_empty() {
        return format!("Loaded the answers from {from}.");
    }
    let list: Vec<String> =
        errors.iter().map(|e| format!("{}: {}", crate::questions::name(&e.path), e.message)).collect();
    let n = errors.len();
    format!(
        "Loaded the answers from {from}. {n} {} to check (shown at {}): {}.",
        if n == 1 { "answer" } else { "answers" },
        if n == 1 { "its field" } else { "their fields" },
        clip(&list.join("; "), 300)
    )
}

/// Offers `text` as a file named `name`, of type `mime`.
///
/// # Errors
/// When the browser refuses to build the file or the link.
fn download(text: &str, name: &str, mime: &str) -> Result<(), String> {
    let err = |e: JsValue| e.as_string().unwrap_or_else(|| "the browser refused".to_string());
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a = doc
        .create_element("a")
        .map_err(err)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "no link".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked a little later: some browsers start the download asynchronously.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Ok(())
}
