//! The verdict panel (always in view) and every criterion's detail.

mod criteria;
mod words;

pub use criteria::list_html;
pub use words::{outcome_words, question_name, verdict_words};

use leptos::prelude::*;

use super::fields::fid;
use super::html::{attr, esc, put, put_text, set_attr};
use super::{ymd, Ctx};
use crate::engine::criteria::CriterionId;
use crate::engine::report::{Outcome, Report, Verdict};

/// Moves focus to the first input answering `path` (exactly, else the first
/// whose path starts with it), after closing the verdict sheet so that it
/// does not cover the question on a small screen.
pub fn jump_to(ctx: Ctx, path: &str) {
    ctx.ui.update(|u| u.sheet = false);
    if let Some(p) = super::html::by_id("panel") {
        set_attr(&p, "class", Some("panel"));
    }
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

/// A link to the question answering `path`, `data-jump` (in the panel's
/// list of answers still needed) or `data-goto`; following it moves focus
/// to the question (see [`jump_to`]).
pub fn question_link(o: &mut String, path: &str, jump: bool) {
    o.push_str("<a");
    attr(o, "href", &format!("#{}", fid(path)));
    attr(o, if jump { "data-jump" } else { "data-goto" }, path);
    o.push('>');
    esc(o, &question_name(path));
    o.push_str("</a>");
}

/// The questions still to answer: each path once, with the criteria it
/// would settle.
fn still_to_answer(r: &Report) -> Vec<(String, Vec<&'static str>)> {
    {
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
    }
}

/// The verdict panel: sticky beside the questions on a wide screen, a bar
/// at the bottom that expands on a phone. Filled in by [`sync`].
#[must_use]
pub fn panel_html() -> String {
    let mut o = String::from(
        "<aside class=\"panel\" id=\"panel\" aria-labelledby=\"verdict-h\"><div class=\"verdict-box\" id=\"verdict-box\">\
         <h2 id=\"verdict-h\" class=\"sr-only\">Verdict</h2><div aria-live=\"polite\" aria-atomic=\"true\" id=\"verdict-live\"></div>\
         <button type=\"button\" class=\"panel-toggle\" id=\"panel-toggle\" aria-controls=\"panel-body\" aria-expanded=\"false\" data-action=\"toggle-panel\">Show details</button></div>\
         <div id=\"panel-body\" class=\"panel-body\"><div id=\"panel-lists\"></div>\
         <p class=\"site\"><span aria-hidden=\"true\">⚑ </span><strong>E11, site question: </strong>",
    );
    esc(&mut o, CriterionId::E11.sentence());
    o.push_str(
        " – the site investigator decides.</p><p><a href=\"#criteria\">Every criterion in detail</a></p>\
         <p class=\"small\">Recruitment status must be confirmed with the study team (registry record last verified February 2024).</p></div></aside>",
    );
    o
}

/// What the panel last showed.
#[derive(Default)]
pub struct Shown {
    verdict: String,
    lists: String,
    criteria: Vec<(String, String)>,
}

/// A titled list of the panel, absent when empty.
fn block(o: &mut String, heading: &str, class: &str, items: &str) {
    if !items.is_empty() {
        o.push_str(&format!("<h3>{heading}</h3><ul class=\"{class}\">{items}</ul>"));
    }
}

/// Brings the panel and the criteria up to date with the report, the
/// messages and the sheet's state.
pub fn sync(ctx: Ctx, r: &Report, notes: &[(String, String)], shown: &mut Shown) {
    let open = ctx.ui.with(|u| u.sheet);
    if let Some(p) = super::html::by_id("panel") {
        set_attr(&p, "class", Some(if open { "panel open" } else { "panel" }));
    }
    if let Some(b) = super::html::by_id("panel-toggle") {
        set_attr(&b, "aria-expanded", Some(if open { "true" } else { "false" }));
    }
    put_text("panel-toggle", if open { "Hide details" } else { "Show details" });
    if let Some(b) = super::html::by_id("verdict-box") {
        set_attr(&b, "class", Some(&format!("verdict-box v-{}", r.verdict.key())));
    }
    let v = r.verdict;
    let (icon, words) = verdict_words(v);
    let mut o = format!(
        "<p class=\"verdict-line\"><span class=\"icon\" aria-hidden=\"true\">{icon}</span><strong>{words}</strong>"
    );
    if let (Verdict::NotYetEligible, Some(d)) = (v, r.eligible_from) {
        let s = ymd(d);
        o.push_str(&format!(" from <time data-eligible-from=\"{s}\" datetime=\"{s}\">{s}</time>"));
    }
    o.push_str(&format!("</p><p class=\"verdict-code\">Verdict: <code data-verdict=\"{0}\">{0}</code></p>", v.key()));
    put("verdict-live", &mut shown.verdict, o);

    let mut fails = String::new();
    for c in r.criteria.iter().filter(|c| c.outcome == Outcome::Fail) {
        fails.push_str(&format!("<li><a href=\"#c-{0}\"><strong>{0} ", c.id.key()));
        esc(&mut fails, c.id.title());
        fails.push_str("</strong></a>: ");
        esc(&mut fails, &c.reason);
        if let Some(d) = c.clears_on {
            fails.push_str(&format!(" <span class=\"small\">(clears on {})</span>", ymd(d)));
        }
        fails.push_str("</li>");
    }
    let mut todo = String::new();
    for (path, ids) in still_to_answer(r) {
        todo.push_str("<li>");
        question_link(&mut todo, &path, true);
        todo.push_str(&format!("<span class=\"ids\"> ({})</span></li>", ids.join(", ")));
    }
    let mut checks = String::new();
    for (path, m) in notes {
        checks.push_str("<li>");
        question_link(&mut checks, path, false);
        checks.push_str(": ");
        esc(&mut checks, m);
        checks.push_str("</li>");
    }
    let mut o = String::new();
    block(&mut o, "Standing in the way", "fails", &fails);
    block(&mut o, "Still to answer", "todo", &todo);
    block(&mut o, "Answers to check", "checks-list", &checks);
    put("panel-lists", &mut shown.lists, o);
    criteria::sync(&r.criteria, &mut shown.criteria);
}
