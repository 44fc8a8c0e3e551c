//! Embedding in a portal's iframe: `?embed=1` (the compact page, styled by
//! the class `embed` on `<html>`) and the `postMessage` channel to the host
//! page that `?parent=<origin>[,<origin>…]` names (docs/embedding.md).
//!
//! Nothing is posted unless the page is framed and `?parent=` names valid
//! origins; every message goes to those origins only, never to `"*"`.
//! Messages are accepted only from `window.parent` at a named origin.

use std::cell::Cell;

use js_sys::{Array, Reflect};
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::draft::Draft;
use super::html::prop;
use super::Ctx;
use crate::engine::report::Report;
use crate::parse::js::to_js;
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
        out.push(s.to_string());
    }
    out
}

/// The host page: the parent window and the origins it may have.
pub struct Host {
    parent: web_sys::Window,
    origins: Vec<String>,
    height: Cell<f64>,
}

impl Host {
    /// The host named by `?parent=`, when the page is framed and the list
    /// is valid.
    #[must_use]
    pub fn find() -> Option<Host> {
        let win = web_sys::window()?;
        let parent = win.parent().ok().flatten()?;
        let own: &JsValue = win.as_ref();
        let parent_value: &JsValue = parent.as_ref();
        if own == parent_value {
            return None;
        }
        let origins = origins(&param("parent")?);
        (!origins.is_empty()).then_some(Host { parent, origins, height: Cell::new(-1.0) })
    }

    /// Posts `msg` to the parent, for each named origin (the browser
    /// delivers it only where the parent's origin matches).
    pub fn post(&self, msg: &JsValue) {
        for o in &self.origins {
            let _ = self.parent.post_message(msg, o);
        }
    }

    /// `misle:ready` with the versions.
    pub fn ready(&self) {
        self.post(&to_js(&Message {
            kind: "misle:ready",
            version: Some(Version::CURRENT),
            report: None,
            height: None,
        }));
    }

    /// `misle:report` with the report.
    pub fn report(&self, r: &Report) {
        self.post(&to_js(&Message { kind: "misle:report", version: None, report: Some(r), height: None }));
    }

    /// `misle:resize` when the page's height (whole pixels) changed.
    fn resize(&self, page: &web_sys::Element) {
        let rect = prop(page.as_ref(), "getBoundingClientRect")
            .dyn_into::<js_sys::Function>()
            .and_then(|f| f.call0(page.as_ref()))
            .unwrap_or(JsValue::UNDEFINED);
        let h = prop(&rect, "height").as_f64().unwrap_or(0.0).ceil();
        if (h - self.height.get()).abs() >= 1.0 {
            self.height.set(h);
            self.post(&to_js(&Message { kind: "misle:resize", version: None, report: None, height: Some(h) }));
        }
    }
}

/// Starts the channel: answers `misle:prefill` from the host and reports
/// the page's height as it changes (`ResizeObserver` on `#page`).
pub fn listen(ctx: Ctx, host: &'static Host) {
    let Some(win) = web_sys::window() else { return };
    let on_message = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| message(ctx, host, &ev));
    let _ = win.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
    let Some(page) = super::html::by_id("page") else { return };
    let observed = page.clone();
    let on_resize = Closure::<dyn Fn()>::new(move || host.resize(&observed));
    let observer = prop(win.as_ref(), "ResizeObserver")
        .dyn_into::<js_sys::Function>()
        .and_then(|c| Reflect::construct(&c, &Array::of1(on_resize.as_ref())));
    if let Ok(observer) = observer {
        if let Ok(observe) = prop(&observer, "observe").dyn_into::<js_sys::Function>() {
            let _ = observe.call1(&observer, page.as_ref());
        }
    }
    on_resize.forget();
}

/// A message from the host: `misle:prefill` fills the questionnaire as
/// "Load answers" does; invalid answers are refused with `misle:error`.
fn message(ctx: Ctx, host: &Host, ev: &web_sys::Event) {
    let ev: &JsValue = ev.as_ref();
    let origin = prop(ev, "origin").as_string().unwrap_or_default();
    if !host.origins.contains(&origin) || prop(ev, "source") != *AsRef::<JsValue>::as_ref(&host.parent) {
        return;
    }
    let data = prop(ev, "data");
    if !data.is_object() || prop(&data, "type").as_string().as_deref() != Some("misle:prefill") {
        return;
    }
    // The same conversion as the engine module's `evaluate`: a Map, a
    // class instance or anything JSON cannot hold is refused naming where,
    // and a value larger than "Load answers" takes is refused unread.
    let answers = crate::parse::js::answers_from_js_as_text(&prop(&data, "answers")).map_err(|e| e.to_string());
    match answers {
        Ok(a) => {
            ctx.draft.set(Draft::from_answers(&a));
            ctx.ui.update(|u| {
                u.undo = None;
                u.load_msg = None;
            });
        }
        Err(m) => {
            let msg = ErrorMessage { kind: "misle:error", message: &m };
            let _ = host.parent.post_message(&to_js(&msg), &origin);
        }
    }
}

/// A message to the host page (docs/embedding.md), written with serde.
#[derive(Serialize)]
struct Message<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<Version>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<f64>,
}

/// `misle:error`: why a prefill was refused.
#[derive(Serialize)]
struct ErrorMessage<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    message: &'a str,
}
