//! Embedding in a portal's iframe: `?embed=1` (the compact page, styled by
//! the class `embed` on `<html>`) and the `postMessage` channel to the host
//! page that `?parent=<origin>[,<origin>…]` names (docs/embedding.md).
//!
//! Nothing is posted unless the page is framed and `?parent=` names valid
//! origins; every message goes to those origins only, never to `"*"`.
//! Messages are accepted only from `window.parent` at a named origin.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::draft::Draft;
use super::state::Ctx;
use crate::engine::report::Report;
use crate::parse::js::to_js;
use crate::protocol::{CheckerMessage, MessageId};
use crate::Version;

/// A query parameter of the page's URL, percent-decoded (the first one of
/// that name).
#[must_use]
pub fn param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        if k == name {
            js_sys::decode_uri_component(v).ok().and_then(|s| s.as_string())
        } else {
            None
        }
    })
}

/// Whether the page runs embedded (`?embed=1`).
#[must_use]
pub fn embedded() -> bool {
    param("embed").as_deref() == Some("1")
}

/// The origins of a `?parent=` list: each exactly an `http:` or `https:`
/// origin as the browser writes it (`https://portal.example.org`, no path,
/// query, fragment, user or `*`). One invalid entry voids the whole list.
#[must_use]
pub fn origins(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    for s in list.split(',').map(str::trim) {
        let ok = !s.contains('*')
            && web_sys::Url::new(s)
                .is_ok_and(|u| matches!(u.protocol().as_str(), "http:" | "https:") && u.origin() == s);
        if !ok {
            return Vec::new();
        }
        // Named twice, a host would get every message twice.
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    out
}

/// Why a report is posted.
enum Post {
    /// The report changed (the clinician's typing, the first report).
    Change,
    /// In reply to a prefill, with its id when it gave one.
    Reply(Option<MessageId>),
}

/// The host page: the parent window and the origins it may have.
pub struct Host {
    parent: web_sys::Window,
    origins: Vec<String>,
    height: Cell<f64>,
    /// The report posted last, so that the report a prefill's reply
    /// already carried is not posted again when the page's effect sees it.
    last: RefCell<Option<Report>>,
}

impl Host {
    /// The host named by `?parent=`, when the page is framed and the list
    /// is valid. A framed page whose `?parent=` is invalid (or missing, in
    /// embed mode) says so on the console, since it then posts nothing.
    #[must_use]
    pub fn find() -> Option<Host> {
        let win = web_sys::window()?;
        let parent = win.parent().ok().flatten()?;
        let own: &JsValue = win.as_ref();
        let parent_value: &JsValue = parent.as_ref();
        if own == parent_value {
            return None;
        }
        let given = param("parent");
        let list = given.clone().unwrap_or_default();
        let origins = origins(&list);
        if origins.is_empty() {
            if given.is_some() || embedded() {
                leptos::logging::warn!(
                    "misle-check: ?parent= is missing or not a list of origins (“{}”): nothing is posted. \
                     Give one or more origins as browsers write them, separated by commas \
                     (https://portal.example.org: no path, no trailing slash, no *).",
                    crate::questions::draft::clip(&list, 80)
                );
            }
            return None;
        }
        // Where the browser says who frames the page (Chromium, Safari), a
        // host at an origin the list does not name is told why nothing
        // reaches it.
        // (`location.ancestorOrigins` is not in web-sys: read by name.)
        let get = |o: &JsValue, k: &JsValue| js_sys::Reflect::get(o, k).ok();
        let framer = get(win.location().as_ref(), &JsValue::from_str("ancestorOrigins"))
            .and_then(|list| get(&list, &JsValue::from(0)))
            .and_then(|o| o.as_string());
        if let Some(framer) = framer.filter(|f| !origins.contains(f)) {
            leptos::logging::warn!(
                "misle-check: this page is framed by {} but ?parent= names {}: the browser delivers nothing to it.",
                crate::questions::draft::clip(&framer, 80),
                crate::questions::draft::clip(&list, 80)
            );
        }
        Some(Host { parent, origins, height: Cell::new(-1.0), last: RefCell::new(None) })
    }

    /// Posts `msg` to the parent, for each named origin (the browser
    /// delivers it only where the parent's origin matches).
    fn post(&self, msg: &CheckerMessage) {
        let msg = to_js(msg);
        for o in &self.origins {
            let _ = self.parent.post_message(&msg, o);
        }
    }

    /// `misle:report`: always when it answers a prefill, else only when it
    /// is not the report posted last (the one a reply already carried).
    fn report(&self, report: &Report, why: Post) {
        let in_reply_to = match why {
            Post::Change if self.last.borrow().as_ref() == Some(report) => return,
            Post::Change => None,
            Post::Reply(id) => id,
        };
        self.last.replace(Some(report.clone()));
        self.post(&CheckerMessage::Report { report: report.clone(), in_reply_to });
    }

    /// `misle:resize` when the page's height (whole pixels) changed.
    fn resize(&self, page: &web_sys::Element) {
        let h = page.get_bounding_client_rect().height().ceil();
        if (h - self.height.get()).abs() >= 1.0 {
            self.height.set(h);
            self.post(&CheckerMessage::Resize { height: h });
        }
    }
}

/// Starts the channel with the host: `misle:ready` now, `misle:report`
/// whenever the report changes, `misle:resize` as the page's height
/// changes (`ResizeObserver` on `#page`), and `misle:prefill` answered.
pub fn connect(ctx: Ctx, host: Host) {
    let host: &'static Host = Box::leak(Box::new(host)); // lives as long as the page
    host.post(&CheckerMessage::Ready { version: Version::CURRENT });
    let report = Memo::new(move |_| ctx.calc.with(|c| c.report.clone()));
    Effect::new(move |_| report.with(|r| host.report(r, Post::Change)));
    let handle = window_event_listener(leptos::ev::message, move |ev| message(ctx, host, &ev));
    std::mem::forget(handle);
    let Some(page) = document().get_element_by_id("page") else { return };
    let observed = page.clone();
    let on_resize = Closure::<dyn Fn()>::new(move || host.resize(&observed));
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&page);
        std::mem::forget(observer);
    }
    on_resize.forget();
}

/// A message from the host: `misle:prefill` fills the questionnaire as
/// "Load answers" does (with an answers document or a FHIR
/// `QuestionnaireResponse`); `misle:prefill-fhir` fills in what a FHIR
/// `Bundle` of the patient's record says. An accepted one is answered with
/// `misle:report` (even when the report did not change), a refused one
/// with `misle:error` naming the path (the page keeps its answers); both
/// echo the message's `id` as `in_reply_to`.
fn message(ctx: Ctx, host: &Host, ev: &web_sys::MessageEvent) {
    let origin = ev.origin();
    let from_parent = ev.source().is_some_and(|s| {
        let s: &JsValue = s.as_ref();
        s == AsRef::<JsValue>::as_ref(&host.parent)
    });
    if !host.origins.contains(&origin) || !from_parent {
        return;
    }
    let data = ev.data();
    let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let kind = field("type").as_string();
    if !matches!(kind.as_deref(), Some("misle:prefill" | "misle:prefill-fhir")) {
        return;
    }
    let refuse = |message: String, in_reply_to: Option<MessageId>| {
        // A refusal goes to the sender's origin only.
        let _ = host.parent.post_message(&to_js(&CheckerMessage::Error { message, in_reply_to }), &origin);
    };
    let id = match message_id(&field("id")) {
        Ok(id) => id,
        Err(message) => return refuse(message, None),
    };
    let done = match kind.as_deref() {
        Some("misle:prefill") => prefill(ctx, &field("answers")),
        _ => prefill_fhir(ctx, &field("bundle")),
    };
    match done {
        Ok(()) => ctx.calc.with_untracked(|c| host.report(&c.report, Post::Reply(id))),
        Err(message) => refuse(message, id),
    }
}

/// A prefill's `id`: absent, or one the reply can echo. Any other (a long
/// string, `null`, an object) would leave the portal waiting for a reply it
/// cannot recognise, so the prefill is refused unread.
fn message_id(id: &JsValue) -> Result<Option<MessageId>, String> {
    if id.is_undefined() {
        return Ok(None);
    }
    id.as_string()
        .map_or_else(|| id.as_f64().and_then(MessageId::number), MessageId::text)
        .map(Some)
        .ok_or_else(|| "id: not a string of at most 200 characters or a finite number; nothing was read".to_string())
}

/// `misle:prefill`: an answers document or a `QuestionnaireResponse`
/// replaces the answers.
fn prefill(ctx: Ctx, answers: &JsValue) -> Result<(), String> {
    // The same conversion as the engine module's: a Map, a class instance
    // or anything JSON cannot hold is refused naming where, and a value
    // larger than "Load answers" takes is refused unread.
    let response = js_sys::Reflect::get(answers, &JsValue::from_str("resourceType")).ok().and_then(|t| t.as_string());
    let a = match response.as_deref() {
        None => crate::parse::js::answers_from_js(answers).map_err(|e| e.to_string())?,
        Some(_) => {
            let v = crate::parse::js::value_from_js(answers).map_err(|e| e.about("response"))?;
            match super::fhir::kind(&v) {
                super::fhir::Document::Response => {
                    crate::fhir::answers_from_questionnaire_response(&v).map_err(|e| e.to_string())?
                }
                super::fhir::Document::Bundle => {
                    return Err("a Bundle is sent with misle:prefill-fhir, as `bundle`".into());
                }
                super::fhir::Document::Other(t) => return Err(super::fhir::not_read(t)),
                super::fhir::Document::Answers => crate::from_json(&v.to_string()).map_err(|e| e.to_string())?,
            }
        }
    };
    ctx.form.load(&Draft::from_answers(&a));
    ctx.undo.set(None);
    ctx.load_msg.set(None);
    ctx.sources.set(Vec::new());
    Ok(())
}

/// `misle:prefill-fhir`: a `Bundle` fills in what the record says; the
/// page says what was filled and what was not used.
fn prefill_fhir(ctx: Ctx, bundle: &JsValue) -> Result<(), String> {
    let v = crate::parse::js::value_from_js(bundle).map_err(|e| e.about("bundle"))?;
    let m = super::fhir::prefill(ctx, &v, "sent by the portal").map_err(|e| e.to_string())?;
    ctx.load_msg.set(Some((m, false)));
    Ok(())
}
