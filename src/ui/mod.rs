//! The questionnaire page: one draft of the answers, converted to the
//! contract's `Answers` in one place ([`draft`]), evaluated live by the
//! engine; the sections ask, the verdict panel answers.

pub mod actions;
pub mod draft;
pub mod embed;
pub mod fields;
pub mod html;
pub mod sections;
pub mod verdict;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::answers::Answers;
use crate::engine::report::Report;
use draft::{Draft, Note};

/// Shared page state, passed to every component (it is `Copy`).
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The answers as typed.
    pub draft: RwSignal<Draft>,
    /// What the draft gives: answers, report and messages.
    pub calc: Memo<Calc>,
    /// The page's own state (sheet, messages, undo).
    pub ui: RwSignal<UiState>,
    /// Today by the browser clock (the default screening date).
    pub today: NaiveDate,
}

/// What the draft gives.
#[derive(PartialEq)]
pub struct Calc {
    /// The answers document.
    pub answers: Answers,
    /// The engine's report on the answers.
    pub report: Report,
    /// Every message to show at a field, by answer path, in clinicians' words.
    pub notes: Vec<Note>,
}

/// The page's own state.
#[derive(Default)]
pub struct UiState {
    /// Whether the verdict sheet is open (phones: the bar's details).
    pub sheet: bool,
    /// The message after a toolbar action.
    pub status: actions::Status,
    /// The message after loading an answers file.
    pub load_msg: actions::Status,
    /// The answers before "Clear all", until restored or replaced.
    pub undo: Option<Draft>,
}

/// Today's date from the browser clock.
#[must_use]
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

/// A date as `YYYY-MM-DD`, without chrono's formatting machinery.
#[must_use]
pub fn ymd(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// A fresh draft: everything unknown, the screening date today.
#[must_use]
pub fn fresh_draft(today: NaiveDate) -> Draft {
    let mut d = Draft::default();
    d.set("screening_date", ymd(today));
    d
}

/// An engine or page message in clinicians' words: capitalised, with the
/// usual spelling of abbreviations.
#[must_use]
pub fn clinical(msg: &str) -> String {
    let words: Vec<&str> = msg
        .split(' ')
        .map(|w| match w {
            "ana" => "ANA",
            "egfr" => "eGFR",
            "wbc" => "WBC",
            "ast" => "AST",
            "alt" => "ALT",
            "sledai" => "SLEDAI",
            "anti-dsdna" => "anti-dsDNA",
            "b-cell" => "B-cell",
            w => w,
        })
        .collect();
    let s = words.join(" ");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => s,
    }
}

/// Page notes that are not errors of the engine: a lab value without its
/// unit, an age that the birth date overrides.
fn page_notes(d: &Draft) -> Vec<Note> {
    let mut notes = Vec::new();
    for lab in ["creatinine", "wbc", "hemoglobin", "platelets"] {
        let value = format!("labs.{lab}.value");
        let unit = format!("labs.{lab}.unit");
        if !d.get(&value).trim().is_empty() && d.get(&unit).is_empty() {
            notes.push((unit, "choose the unit: the value is not used without it".to_string()));
        }
    }
    if !d.get("patient.birth_date").is_empty() && !d.get("patient.age_years").trim().is_empty() {
        notes.push(("patient.age_years".into(), "the birth date is used; this age is not".into()));
    }
    notes
}

/// The page's fixed HTML; the questions, results and messages are filled in
/// by [`sync`]. Embedded (`?embed=1`), only the verdict panel (first), the
/// questionnaire and the criteria: no visible title, lead, toolbar or about
/// section.
fn page_html(embed: bool) -> String {
    if embed {
        let mut o = String::from(r#"<div class="layout">"#);
        o.push_str(&verdict::panel_html());
        o.push_str(r#"<main id="questions" tabindex="-1"><h1 class="sr-only">MiSLE trial pre-screening</h1><form novalidate id="qform"></form></main>"#);
        o.push_str(&verdict::list_html());
        o.push_str("</div>");
        return o;
    }
    let mut o = String::from(concat!(
        r##"<a class="skip" href="#questions">Skip to the questions</a><header class="top"><h1>MiSLE trial pre-screening</h1>"##,
        r#"<p class="lead">Mesenchymal stem cells in lupus (MiSLE, NCT02633163). Answer what you know; the verdict updates as you type. "#,
        "Everything stays in this browser: nothing is sent anywhere or stored.</p>",
    ));
    o.push_str(actions::TOOLBAR);
    o.push_str(
        r#"</header><div class="layout"><main id="questions" tabindex="-1"><form novalidate id="qform"></form>"#,
    );
    o.push_str(&verdict::list_html());
    o.push_str(r#"<section class="card about" aria-labelledby="s-about">"#);
    o.push_str(sections::ABOUT);
    o.push_str(r#"</section><pre class="print-only" id="summary"></pre></main>"#);
    o.push_str(&verdict::panel_html());
    o.push_str("</div>");
    o
}

/// What the page last showed.
#[derive(Default)]
pub struct Shown {
    panel: verdict::Shown,
    load: String,
    /// The report last posted to the host page (embedded).
    posted: Option<Report>,
    /// Each section of the form: its key, its shape as last written (`None`
    /// when it is not in the page) and its inputs.
    sections: Vec<(&'static str, sections::SectionShape, Vec<FormField>)>,
    /// The computed lines as last written, in the order of `sections::LIVES`.
    lives: Vec<String>,
    /// The SLEDAI-2K running total as last written (`None`: not yet, or its
    /// section was rewritten since).
    sledai_total: Option<u32>,
    /// The toolbar's status message as last written.
    status: Option<String>,
    /// Whether "Undo clear" was last shown.
    undo: Option<bool>,
}

/// Brings the page up to date with the draft, the report and the messages:
/// rewrites only the sections whose shape changed (focus kept on the same
/// element), then sets values, messages and computed lines.
fn sync(ctx: Ctx, shown: &mut Shown) {
    let shapes = ctx.draft.with(sections::shapes);
    if shown.sections.len() != shapes.len() || shown.sections.iter().zip(&shapes).any(|(s, n)| s.1 != *n) {
        let active = html::doc().and_then(|d| d.active_element()).map(|e| e.id());
        let rewritten = match html::by_id("qform") {
            Some(form) => ctx.draft.with(|d| rebuild_sections(&form, d, &shapes, &mut shown.sections)),
            None => Vec::new(),
        };
        // Focus moves back only when the focused input was in a rewritten
        // section (focusing forces a layout of the page).
        let now = html::doc().and_then(|d| d.active_element()).map(|e| e.id());
        if let Some(el) = active.filter(|id| !id.is_empty() && now.as_ref() != Some(id)).and_then(|id| html::by_id(&id))
        {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
        // A rewritten section starts its computed lines and SLEDAI-2K total
        // as its markup writes them: their caches are emptied.
        shown.lives.resize(sections::LIVES.len(), String::new());
        for i in rewritten {
            let (lives, total) = sections::cached_in(i);
            for l in lives {
                if let Some(last) = shown.lives.get_mut(l) {
                    last.clear();
                }
            }
            if total {
                shown.sledai_total = None;
            }
        }
    }
    let sections = &mut shown.sections;
    ctx.draft.with(|d| {
        ctx.calc.with(|c| {
            for (_, _, fields) in sections.iter_mut() {
                sync_form(d, &c.notes, fields);
            }
        })
    });
    // The computed lines (age, eGFR, ratios, ...): written when they change
    // (the cache is emptied above when sections are rewritten, since a
    // rewritten section starts them empty).
    for (i, (id, which)) in sections::LIVES.into_iter().enumerate() {
        let text = sections::live_text(ctx, which);
        if shown.lives.get(i) != Some(&text) {
            if let Some(el) = html::by_id(id) {
                el.set_text_content(Some(&text));
            }
            if let Some(last) = shown.lives.get_mut(i) {
                *last = text;
            }
        }
    }
    let total = ctx.calc.with(|c| c.report.derived.sledai_score.unwrap_or(0));
    if shown.sledai_total != Some(total) {
        if let Some(el) = html::doc().and_then(|d| d.query_selector("[data-sledai-total]").ok().flatten()) {
            el.set_text_content(Some(&total.to_string()));
        }
        shown.sledai_total = Some(total);
    }
    ctx.calc.with(|c| verdict::sync(ctx, &c.report, &c.answers, &c.notes, &mut shown.panel));
    if html::by_id("summary").is_some() {
        schedule_summary(ctx);
    }
    let status = ctx.ui.with(|u| u.status.as_ref().map(|(m, _)| m.clone()).unwrap_or_default());
    if shown.status.as_ref() != Some(&status) {
        html::put_text("status", &status);
        shown.status = Some(status);
    }
    let undo = ctx.ui.with(|u| u.undo.is_some());
    if shown.undo != Some(undo) {
        if let Some(u) = html::by_id("undo-clear") {
            html::set_attr(&u, "hidden", (!undo).then_some(""));
        }
        shown.undo = Some(undo);
    }
    let load = ctx.ui.with(|u| {
        u.load_msg.as_ref().map_or(String::new(), |(m, err)| {
            let mut o = String::from(if *err {
                r#"<p data-load-message class="error" role="alert">"#
            } else {
                "<p data-load-message>"
            });
            html::esc(&mut o, m);
            o.push_str("</p>");
            o
        })
    });
    html::put("load-slot", &mut shown.load, load);
}

/// One input of the form, read once when the form is built, with what the
/// page last applied to it.
struct FormField {
    el: web_sys::Element,
    /// The `type` attribute (`radio`, `checkbox`, `text`, `date`; empty for
    /// a select).
    ty: String,
    /// `data-path`; empty for the SLEDAI-2K mode radios.
    path: String,
    /// `name`: the draft key of a text, date or select.
    key: String,
    /// The `value` attribute of a radio or checkbox.
    value: String,
    /// Whether the field has a hint element.
    hint: bool,
    /// What the input shows as far as the page knows: as written (nothing
    /// checked, empty, enabled, no message), then as last applied.
    shown: FieldState,
}

/// What the draft and the messages want an input to show. The default is
/// what the markup of [`fields`] writes.
#[derive(Clone, Default, PartialEq)]
struct FieldState {
    checked: bool,
    text: String,
    disabled: bool,
    note: Option<String>,
}

/// Brings the form's sections to `shapes` (from [`sections::shapes`]): only
/// a section whose shape changed gets its markup written, so answering a
/// gate question costs one section's markup, not the whole form's. Returns
/// the indexes of the sections written.
fn rebuild_sections(
    form: &web_sys::Element,
    d: &Draft,
    shapes: &[sections::SectionShape],
    shown: &mut Vec<(&'static str, sections::SectionShape, Vec<FormField>)>,
) -> Vec<usize> {
    if shown.len() != shapes.len() {
        // First build: the whole form at once.
        let htmls: Vec<_> = (0..shapes.len()).map(|i| sections::section_html(d, i)).collect();
        form.set_inner_html(&htmls.iter().map(|(_, h)| h.as_str()).collect::<String>());
        *shown = htmls
            .iter()
            .zip(shapes)
            .map(|((key, h), shape)| {
                let fields = if h.is_empty() {
                    Vec::new()
                } else {
                    section_el(form, key).map(|el| form_fields(&el, h)).unwrap_or_default()
                };
                (*key, *shape, fields)
            })
            .collect();
        return (0..shapes.len()).collect();
    }
    let mut rewritten = Vec::new();
    for (i, shape) in shapes.iter().enumerate() {
        if shown[i].1 == *shape {
            continue;
        }
        rewritten.push(i);
        let (key, new) = sections::section_html(d, i);
        match section_el(form, key) {
            Some(el) if new.is_empty() => el.remove(),
            Some(el) => el.set_outer_html(&new),
            None => {
                // Inserted before the next section in the page, else at the end.
                let next = shown[i + 1..].iter().filter(|s| s.1.is_some()).find_map(|s| section_el(form, s.0));
                let _ = match next {
                    Some(n) => n.insert_adjacent_html("beforebegin", &new),
                    None => form.insert_adjacent_html("beforeend", &new),
                };
            }
        }
        let fields = if new.is_empty() {
            Vec::new()
        } else {
            section_el(form, key).map(|el| form_fields(&el, &new)).unwrap_or_default()
        };
        shown[i] = (key, *shape, fields);
    }
    rewritten
}

/// The section `key` of the form, when it is in the page.
fn section_el(form: &web_sys::Element, key: &str) -> Option<web_sys::Element> {
    form.query_selector(&format!("section[data-section=\"{key}\"]")).ok().flatten()
}

/// Reads every input of a (just written) part of the form.
fn form_fields(root: &web_sys::Element, markup: &str) -> Vec<FormField> {
    let els = html::all(root, "[data-path],[data-control]");
    let tags = html::input_tags(markup);
    let field = |el: web_sys::Element, ty: String, path: String, key: String, value: String| FormField {
        hint: sections::hinted(&path),
        ty,
        key,
        value,
        path,
        el,
        shown: FieldState::default(),
    };
    if tags.len() == els.len() {
        // What the markup says of each input, in the same order.
        els.into_iter()
            .zip(tags)
            .map(|(el, attrs)| {
                let get =
                    |name: &str| attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()).unwrap_or_default();
                field(el, get("type"), get("data-path"), get("name"), get("value"))
            })
            .collect()
    } else {
        // Not reached (a test holds the two together); the DOM then decides.
        els.into_iter()
            .map(|el| {
                let a = |name: &str| el.get_attribute(name).unwrap_or_default();
                let (ty, path, key, value) = (a("type"), a("data-path"), a("name"), a("value"));
                field(el, ty, path, key, value)
            })
            .collect()
    }
}

thread_local! {
    /// Whether a print summary update is already scheduled.
    static SUMMARY_DUE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Updates the print-only summary in a task of its own, after the verdict
/// and the fields have been shown: the answer-to-verdict path does not wait
/// for it, and rapid changes write it once. (Printing starts in a later
/// task, so it always prints the current summary.)
fn schedule_summary(ctx: Ctx) {
    if SUMMARY_DUE.with(|due| due.replace(true)) {
        return;
    }
    set_timeout(
        move || {
            SUMMARY_DUE.with(|due| due.set(false));
            if let Some(summary) = ctx.calc.try_with_untracked(|c| actions::summary_text(&c.answers, &c.report)) {
                html::put_text("summary", &summary);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Values, `aria-describedby`, `aria-invalid` and messages of every input.
/// Only what changed since the last sync touches the DOM: one keystroke
/// costs a few DOM calls, not a few per input of the form.
fn sync_form(d: &Draft, notes: &[Note], fields: &mut [FormField]) {
    for f in fields {
        let radio_or_box = matches!(f.ty.as_str(), "radio" | "checkbox");
        let want = FieldState {
            checked: match f.ty.as_str() {
                "radio" if f.path.is_empty() => d.sledai_by_score() == (f.value == "score"),
                "radio" => d.get(&f.path) == f.value,
                "checkbox" => d.ticked(&f.path, &f.value),
                _ => false,
            },
            text: if radio_or_box { String::new() } else { d.get(&f.key).to_string() },
            disabled: !radio_or_box && f.key.ends_with("#date") && d.get(&f.path) != "date",
            note: if f.path.is_empty() {
                None
            } else {
                notes.iter().find(|(p, _)| *p == f.path).map(|(_, m)| m.clone())
            },
        };
        if f.shown != want {
            apply_field(f, &want);
            f.shown = want;
        }
    }
}

/// Brings one input to `want`, touching only what differs from what was
/// last applied (and, for values, from what the input holds: typing is
/// never overwritten with the same text, which would move the caret).
fn apply_field(f: &FormField, want: &FieldState) {
    use html::{prop, set_attr, set_flag, set_prop};
    use wasm_bindgen::JsValue;
    let v: &JsValue = f.el.as_ref();
    let old = &f.shown;
    let radio_or_box = matches!(f.ty.as_str(), "radio" | "checkbox");
    if radio_or_box {
        if old.checked != want.checked {
            set_flag(v, "checked", want.checked);
        }
    } else {
        if old.text != want.text && prop(v, "value").as_string().as_deref() != Some(want.text.as_str()) {
            set_prop(v, "value", &JsValue::from_str(&want.text));
        }
        if old.disabled != want.disabled {
            set_flag(v, "disabled", want.disabled);
        }
    }
    if f.path.is_empty() || old.note == want.note {
        return;
    }
    let (hint, err) = (fields::hid(&f.path), fields::eid(&f.path));
    let mut ids = Vec::new();
    if f.hint {
        ids.push(hint);
    }
    if want.note.is_some() {
        ids.push(err.clone());
    }
    set_attr(&f.el, "aria-describedby", (!ids.is_empty()).then(|| ids.join(" ")).as_deref());
    if !radio_or_box {
        set_attr(&f.el, "aria-invalid", want.note.as_ref().map(|_| "true"));
    }
    let shown = html::by_id(&err);
    match (&want.note, shown) {
        (Some(m), shown) => {
            let mut o = String::from(r#"<span aria-hidden="true">⚠ </span>"#);
            html::esc(&mut o, m);
            match shown {
                Some(p) => {
                    if p.text_content().as_deref() != Some(&format!("⚠ {m}")) {
                        p.set_inner_html(&o);
                    }
                }
                None => {
                    if let Ok(Some(c)) = f.el.closest(".field") {
                        let _ = c.insert_adjacent_html(
                            "beforeend",
                            &format!(r#"<p class="field-error" id="{err}">{o}</p>"#),
                        );
                    }
                }
            }
        }
        (None, Some(p)) => p.remove(),
        (None, None) => {}
    }
}

/// The element an event happened on.
fn target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}

/// Typing in a text or date input.
fn on_input(ctx: Ctx, ev: &web_sys::Event) {
    let Some(el) = target(ev) else { return };
    if matches!(el.get_attribute("type").as_deref(), Some("text" | "date")) {
        if let Some(key) = el.get_attribute("name") {
            let v = html::prop(el.as_ref(), "value").as_string().unwrap_or_default();
            ctx.draft.update(|d| d.set(&key, v));
        }
    }
}

/// A radio, checkbox, select or file chosen.
fn on_change(ctx: Ctx, ev: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    let Some(el) = target(ev) else { return };
    let path = el.get_attribute("data-path").unwrap_or_default();
    let value = html::prop(el.as_ref(), "value").as_string().unwrap_or_default();
    match el.get_attribute("type").as_deref() {
        Some("file") => {
            if let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() {
                actions::load(ctx, &input);
            }
        }
        Some("radio") => {
            let key = if path.is_empty() { draft::SLEDAI_MODE.to_string() } else { path };
            ctx.draft.update(|d| d.set(&key, value));
        }
        Some("checkbox") => {
            let on = html::prop(el.as_ref(), "checked").as_bool().unwrap_or(false);
            ctx.draft.update(|d| d.tick(&path, &value, on));
        }
        _ if el.tag_name() == "SELECT" => ctx.draft.update(|d| d.set(&path, value)),
        _ => {}
    }
}

/// A click on a link to a question or an action button.
fn on_click(ctx: Ctx, ev: &web_sys::Event) {
    let Some(el) = target(ev) else { return };
    // A click on an input is answered by its change event; it is never a
    // link or a button (and two selector matches per click cost time).
    if el.tag_name() == "INPUT" {
        return;
    }
    if let Ok(Some(a)) = el.closest("a[data-jump],a[data-goto]") {
        ev.prevent_default();
        let path = a.get_attribute("data-jump").or_else(|| a.get_attribute("data-goto")).unwrap_or_default();
        verdict::jump_to(ctx, &path);
        return;
    }
    let Ok(Some(b)) = el.closest("button[data-action]") else { return };
    let action = b.get_attribute("data-action").unwrap_or_default();
    match action.as_str() {
        "toggle-panel" => ctx.ui.update(|u| u.sheet = !u.sheet),
        "add-malignancy" => ctx.draft.update(|d| d.malignancies += 1),
        "remove-malignancy" => {
            if let Some(i) = b.get_attribute("value").and_then(|v| v.parse().ok()) {
                ctx.draft.update(|d| d.remove_malignancy(i));
            }
        }
        other => actions::act(ctx, other),
    }
}

/// What `d` gives: its answers, their report, and every message.
fn calc(d: &Draft, today: NaiveDate) -> Calc {
    let (answers, mut notes) = d.to_answers();
    let report = crate::evaluate(&answers, today);
    notes.extend(page_notes(d));
    notes.extend(report.errors.iter().map(|e| (e.path.clone(), e.message.clone())));
    let notes = notes.into_iter().map(|(p, m)| (p, clinical(&m))).collect();
    Calc { answers, report, notes }
}

/// Builds the page in the body and starts keeping it in step with the
/// draft. Call inside a reactive owner (`mount_to_body(start)`).
pub fn start() {
    use wasm_bindgen::JsCast;
    let today = today();
    let draft = RwSignal::new(fresh_draft(today));
    let calc = Memo::new(move |_| draft.with(|d| calc(d, today)));
    let ctx = Ctx { draft, calc, ui: RwSignal::new(UiState::default()), today };
    let embed = embed::embedded();
    // Leaked once: the host lives as long as the page.
    let host: Option<&'static embed::Host> = embed::Host::find().map(|h| &*Box::leak(Box::new(h)));
    Effect::new(move |shown: Option<Shown>| {
        let first = shown.is_none();
        let mut shown = shown.unwrap_or_default();
        sync(ctx, &mut shown);
        if let Some(host) = host {
            if first {
                host.ready();
            }
            ctx.calc.with(|c| {
                if shown.posted.as_ref() != Some(&c.report) {
                    host.report(&c.report);
                    shown.posted = Some(c.report.clone());
                }
            });
        }
        shown
    });
    let Some(doc) = html::doc() else { return };
    if embed {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("class", "embed");
        }
    }
    let Some(body) = doc.body() else { return };
    let _ = body.insert_adjacent_html("afterbegin", &format!("<div id=\"page\">{}</div>", page_html(embed)));
    if let Some(host) = host {
        embed::listen(ctx, host);
    }
    // One listener for every event the page handles (delegation).
    let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        match ev.type_().as_str() {
            "input" => on_input(ctx, &ev),
            "change" => on_change(ctx, &ev),
            "click" => on_click(ctx, &ev),
            _ => ev.prevent_default(),
        }
    });
    for kind in ["input", "change", "click", "submit"] {
        let _ = body.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
    }
    handler.forget();
    // After the first sync has shown the page (an effect runs before any task).
    set_timeout(move || warm_up(ctx), std::time::Duration::ZERO);
}

/// Runs once, in a task of its own after the page is shown, what an answer
/// change runs, without changing anything the page shows: V8 compiles a
/// WebAssembly function or a JS glue function on its first call, which made
/// the first answer after loading about twice as slow as the next.
/// - the whole reactive path with an unchanged draft (the effect finds
///   nothing to write);
/// - the answers, report, messages, section and panel markup of a copy of
///   the draft with a gate, a SLEDAI-2K item and an exclusion answered;
/// - the DOM calls of an update, on an element that is not in the page.
fn warm_up(ctx: Ctx) {
    ctx.draft.update(|_| {});
    let Some(mut d) = ctx.draft.try_get_untracked() else { return };
    d.set("sle.bilag.renal", "A".into());
    d.set("conditions.hiv", "true".into());
    d.tick("sle.sledai.items", "seizure", true);
    let next = calc(&d, ctx.today);
    let _ = ctx.calc.try_with_untracked(|c| *c == next);
    verdict::warm(&next.report, &next.answers, &next.notes);
    let _ = sections::shapes(&d);
    let markup: Vec<String> = (0..sections::SECTION_COUNT).map(|i| sections::section_html(&d, i).1).collect();
    let Some(doc) = html::doc() else { return };
    let Ok(div) = doc.create_element("div") else { return };
    div.set_inner_html(markup.iter().find(|h| h.contains("nephritis")).map_or("", String::as_str));
    let _ = div.insert_adjacent_html("beforeend", "<ul><li></li></ul>");
    if let Some(li) = div.last_element_child().and_then(|ul| ul.children().item(0)) {
        li.remove();
    }
    if let Ok(Some(input)) = div.query_selector("input[data-path]") {
        let _ = (input.get_attribute("data-path"), input.tag_name(), input.closest("a[data-jump],a[data-goto]"));
        html::set_attr(&input, "aria-invalid", Some("true"));
        html::set_attr(&input, "aria-invalid", None);
        let value = html::prop(input.as_ref(), "value");
        html::set_prop(input.as_ref(), "value", &value);
    }
    let _ = div.text_content();
    div.set_text_content(None);
}
