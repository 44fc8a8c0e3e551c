//! Copy summary, save / load answers, clear all, print.

mod files;
mod summary;

pub use summary::{answer_lines, summary_text};

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::draft::Draft;
use super::{fresh_draft, Ctx};

/// A message after an action: words, and whether it is an error.
pub type Status = Option<(String, bool)>;

/// The toolbar of actions and its message lines.
pub const TOOLBAR: &str = concat!(
    r#"<div class="toolbar" role="toolbar" aria-label="Summary and answers">"#,
    r#"<button type="button" data-action="copy-summary">Copy summary</button>"#,
    r#"<button type="button" data-action="print">Print</button>"#,
    r#"<button type="button" data-action="save-answers">Save answers</button>"#,
    r#"<label class="file-button" for="load-answers">Load answers</label>"#,
    r#"<input type="file" id="load-answers" class="file-input" accept="application/json,.json" data-action="load-answers">"#,
    r#"<button type="button" data-action="clear-all">Clear all</button>"#,
    r#"<button type="button" data-action="undo-clear" id="undo-clear" hidden>Undo clear</button>"#,
    r#"</div><p class="status" role="status" id="status"></p><div id="load-slot"></div>"#,
);

/// Runs a toolbar action.
pub fn act(ctx: Ctx, action: &str) {
    let say = move |m: String, err: bool| ctx.ui.update(|u| u.status = Some((m, err)));
    match action {
        "copy-summary" => {
            let text = ctx.calc.with(|c| summary_text(&c.answers, &c.report));
            let Some(win) = web_sys::window() else { return };
            let promise = win.navigator().clipboard().write_text(&text);
            leptos::task::spawn_local(async move {
                if JsFuture::from(promise).await.is_ok() {
                    say("Summary copied to the clipboard.".into(), false);
                } else {
                    say("The browser refused the clipboard; use Print instead.".into(), true);
                }
            });
        }
        "save-answers" => {
            let (json, name) = ctx.calc.with(|c| {
                let date = super::ymd(c.report.screening_date);
                (crate::to_json(&c.answers), format!("misle-answers-{date}.json"))
            });
            match files::download(&json, &name) {
                Err(e) => say(format!("Could not save: {e}"), true),
                Ok(()) => say(format!("Saved answers as {name}."), false),
            }
        }
        "clear-all" => {
            let old = ctx.draft.get_untracked();
            ctx.draft.set(fresh_draft(ctx.today));
            ctx.ui.update(|u| {
                u.undo = Some(old);
                u.load_msg = None;
            });
            say("All answers cleared.".into(), false);
        }
        "undo-clear" => {
            if let Some(old) = ctx.ui.try_update(|u| u.undo.take()).flatten() {
                ctx.draft.set(old);
                say("Answers restored.".into(), false);
            }
        }
        "print" => {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }
        _ => {}
    }
}

/// Reads the answers file chosen in `input`.
pub fn load(ctx: Ctx, input: &web_sys::HtmlInputElement) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    input.set_value("");
    let name = file.name();
    let ui = ctx.ui;
    let msg = move |m: String, err: bool| ui.update(|u| u.load_msg = Some((m, err)));
    if file.size() > files::MAX_BYTES {
        msg(
            format!(
                "“{name}” is {} KB; an answers file is at most 1 MB. It was not read.",
                (file.size() / 1000.0).round() as u64
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
        match crate::from_json(&text) {
            Ok(a) => {
                ctx.draft.set(Draft::from_answers(&a));
                ui.update(|u| u.undo = None);
                msg(format!("Loaded the answers from “{name}”."), false);
            }
            // A file's bad string is quoted in the message: kept short.
            Err(e) => msg(format!("“{name}” was not loaded: {}", crate::ui::draft::clip(&e.to_string(), 300)), true),
        }
    });
}
