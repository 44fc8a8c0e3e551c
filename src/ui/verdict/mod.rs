//! The verdict panel (always in view) and every criterion's detail.

mod criteria;
mod words;

pub use criteria::list_html;
pub use words::{conditions, outcome_words, question_name, verdict_words};

use leptos::prelude::*;

use super::fields::fid;
use super::html::{attr, esc, put, put_text, set_attr};
use super::{ymd, Ctx};
use crate::engine::answers::Answers;
use crate::engine::criteria::CriterionId;
use crate::engine::report::{Outcome, Report, Verdict};
use crate::ui::clinical;

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
         <div id=\"panel-body\" class=\"panel-body\"><div id=\"panel-lists\">",
    );
    for (id, heading, class) in LISTS {
        o.push_str(&format!("<div id=\"{id}\" hidden><h3>{heading}</h3><ul class=\"{class}\"></ul></div>"));
    }
    o.push_str("</div><p class=\"site\"><span aria-hidden=\"true\">⚑ </span><strong>E11, site question: </strong>");
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
    /// The sheet's state and the verdict its frame last showed.
    frame: Option<(bool, Verdict)>,
    verdict: String,
    /// The items of [`LISTS`] as last written, each an `<li>`'s markup.
    lists: [Vec<String>; 3],
    criteria: Vec<criteria::Shown>,
}

/// The panel's three lists: the id of the block (a heading and a `ul`,
/// hidden while the list is empty), the heading, the `ul`'s class.
const LISTS: [(&str, &str, &str); 3] = [
    ("pl-fails", "Standing in the way", "fails"),
    ("pl-todo", "Still to answer", "todo"),
    ("pl-checks", "Answers to check", "checks-list"),
];

/// Brings the list block `#id` to `items` (each an `<li>`'s markup),
/// touching only what changed: the items the old and new lists start and
/// end with stay, the ones between are replaced. An answer changes one or
/// two items, so this parses a few items' markup, not the whole list's.
fn sync_list(id: &str, last: &mut Vec<String>, items: Vec<String>) {
    if *last == items {
        return;
    }
    let Some(block) = super::html::by_id(id) else { return };
    let Some(ul) = block.last_element_child() else { return };
    let head = last.iter().zip(&items).take_while(|(a, b)| a == b).count();
    let (old_rest, new_rest) = (last.get(head..).unwrap_or_default(), items.get(head..).unwrap_or_default());
    let tail = old_rest.iter().rev().zip(new_rest.iter().rev()).take_while(|(a, b)| a == b).count();
    let children = ul.children();
    // `children` is live: removing the item at `head` brings the next one there.
    for _ in tail..old_rest.len() {
        if let Some(li) = children.item(head as u32) {
            li.remove();
        }
    }
    let middle = new_rest.get(..new_rest.len() - tail).unwrap_or_default().concat();
    if !middle.is_empty() {
        let _ = match children.item(head as u32) {
            Some(next) => next.insert_adjacent_html("beforebegin", &middle),
            None => ul.insert_adjacent_html("beforeend", &middle),
        };
    }
    if last.is_empty() != items.is_empty() {
        set_attr(&block, "hidden", items.is_empty().then_some(""));
    }
    *last = items;
}

/// Brings the panel and the criteria up to date with the report, the
/// messages and the sheet's state.
pub fn sync(ctx: Ctx, r: &Report, a: &Answers, notes: &[(String, String)], shown: &mut Shown) {
    let open = ctx.ui.with(|u| u.sheet);
    // The frame (sheet open or not, the verdict's colour) is written only
    // when it changes: reading the DOM to compare was a call per attribute.
    if shown.frame != Some((open, r.verdict)) {
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
        shown.frame = Some((open, r.verdict));
    }
    put("verdict-live", &mut shown.verdict, verdict_line(r, a));
    for (((id, _, _), last), items) in LISTS.iter().zip(&mut shown.lists).zip(list_items(r, notes)) {
        sync_list(id, last, items);
    }
    criteria::sync(&r.criteria, &mut shown.criteria);
}

/// The verdict line's markup.
fn verdict_line(r: &Report, a: &Answers) -> String {
    let v = r.verdict;
    let (icon, words) = verdict_words(v);
    let mut o = format!(
        "<p class=\"verdict-line\"><span class=\"icon\" aria-hidden=\"true\">{icon}</span><strong>{words}</strong>"
    );
    if let (Verdict::NotYetEligible, Some(d)) = (v, r.eligible_from) {
        let s = ymd(d);
        o.push_str(&format!(" from <time data-eligible-from=\"{s}\" datetime=\"{s}\">{s}</time>"));
    }
    let until = conditions(r, a);
    if !until.is_empty() {
        o.push_str("</p><p class=\"verdict-until\" data-until>");
        esc(&mut o, &clinical(&until.join("; and ")));
        o.push('.');
    }
    o.push_str(&format!("</p><p class=\"verdict-code\">Verdict: <code data-verdict=\"{0}\">{0}</code></p>", v.key()));
    o
}

/// The items of [`LISTS`]: what fails, what is still to answer, what to check.
fn list_items(r: &Report, notes: &[(String, String)]) -> [Vec<String>; 3] {
    let mut fails = Vec::new();
    for c in r.criteria.iter().filter(|c| c.outcome == Outcome::Fail) {
        let mut li = format!("<li><a href=\"#c-{0}\"><strong>{0} ", c.id.key());
        esc(&mut li, c.id.title());
        li.push_str("</strong></a>: ");
        esc(&mut li, &c.reason);
        if let Some(d) = c.clears_on {
            li.push_str(&format!(" <span class=\"small\">(clears on {})</span>", ymd(d)));
        } else if c.temporary {
            li.push_str(" <span class=\"small\">(for now)</span>");
        }
        li.push_str("</li>");
        fails.push(li);
    }
    let mut todo = Vec::new();
    for (path, ids) in still_to_answer(r) {
        let mut li = String::from("<li>");
        question_link(&mut li, &path, true);
        li.push_str(&format!("<span class=\"ids\"> ({})</span></li>", ids.join(", ")));
        todo.push(li);
    }
    let mut checks = Vec::new();
    for (path, m) in notes {
        let mut li = String::from("<li>");
        question_link(&mut li, path, false);
        li.push_str(": ");
        esc(&mut li, m);
        li.push_str("</li>");
        checks.push(li);
    }
    [fails, todo, checks]
}

/// Builds, and drops, everything [`sync`] would write for `r` and `notes`,
/// touching nothing in the page (see `ui::warm_up`).
pub fn warm(r: &Report, a: &Answers, notes: &[(String, String)]) {
    let _ = (verdict_line(r, a), list_items(r, notes));
    criteria::warm(&r.criteria);
}
