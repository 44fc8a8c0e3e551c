//! Every criterion's detail: registry sentence, rule, reason, what is missing.

use super::{outcome_words, question_link};
use crate::engine::criteria::{CriterionId, Kind};
use crate::engine::report::{CriterionReport, Outcome};
use crate::ui::html::{by_id, esc, put, set_attr};
use crate::ui::ymd;

/// The criteria section with an empty list: the first [`sync`] writes the
/// 22 criteria, I1–I6 then E1–E16, as `details` elements with
/// `data-criterion` and `data-outcome`, with their results (writing them
/// here too made the browser parse the list twice before the page was
/// ready).
#[must_use]
pub fn list_html() -> String {
    String::from(
        "<section class=\"card\" id=\"criteria\" aria-labelledby=\"s-criteria\"><h2 id=\"s-criteria\">Every criterion</h2>\
         <p class=\"hint\">Open a criterion for the registry sentence (verbatim), the rule this tool applies, and the result with its values and dates.</p>\
         <ul class=\"criteria\" id=\"criteria-list\"></ul></section>",
    )
}

/// One criterion's `li`, with its outcome, summary and detail markup.
fn item_html(o: &mut String, id: CriterionId, outcome: Outcome, summary: &str, detail: &str) {
    let key = id.key();
    let kind = if id.kind() == Kind::Inclusion { "Inclusion" } else { "Exclusion" };
    let out = outcome.key();
    o.push_str(&format!(
        "<li><details id=\"c-{key}\" data-criterion=\"{key}\" data-outcome=\"{out}\" class=\"crit o-{out}\"><summary id=\"cs-{key}\">{summary}</summary><p><strong>{kind}, registry text: </strong><q>"
    ));
    esc(o, id.sentence());
    o.push_str("</q></p><p><strong>Rule applied: </strong>");
    esc(o, id.rule());
    o.push_str(&format!("</p><div id=\"cd-{key}\">{detail}</div></details></li>"));
}

/// The summary line of a criterion.
fn summary_html(id: CriterionId, outcome: Outcome) -> String {
    let (icon, words) = outcome_words(outcome);
    let mut o = format!("<span class=\"icon\" aria-hidden=\"true\">{icon}</span><strong>{}</strong> ", id.key());
    esc(&mut o, id.title());
    o.push_str(&format!("<span class=\"outcome\"> – {words}</span>"));
    o
}

/// The reason, the date it clears and the missing answers of a result.
fn detail_html(c: &CriterionReport) -> String {
    let mut o = String::from("<p><strong>Result: </strong>");
    esc(&mut o, &c.reason);
    o.push_str("</p>");
    if let Some(d) = c.clears_on {
        o.push_str(&format!("<p><strong>Clears on: </strong>{}</p>", ymd(d)));
    } else if let (true, Some(until)) = (c.temporary, c.id.until()) {
        o.push_str("<p><strong>For now: </strong>passes once ");
        esc(&mut o, &until.replace("{dose}", "0.5 mg/kg/day"));
        o.push_str(".</p>");
    }
    if !c.missing.is_empty() {
        o.push_str("<p><strong>Missing: </strong></p><ul>");
        for p in &c.missing {
            o.push_str("<li>");
            question_link(&mut o, p, false);
            o.push_str("</li>");
        }
        o.push_str("</ul>");
    }
    o
}

/// What a criterion last showed: its outcome (`None` before the first
/// sync), summary and detail HTML.
pub type Shown = (Option<Outcome>, String, String);

/// Brings every criterion's outcome and detail up to date; `last` holds
/// what was set. Nothing of a criterion is read from or written to the
/// page unless it changed (22 criteria: that was 66 DOM calls a change).
pub fn sync(criteria: &[CriterionReport], last: &mut Vec<Shown>) {
    let show = |id: &CriterionId| {
        let c = criteria.iter().find(|c| c.id == *id);
        let outcome = c.map_or(Outcome::Unknown, |c| c.outcome);
        (outcome, c.map(detail_html).unwrap_or_default())
    };
    if last.len() != CriterionId::ALL.len() {
        // First sync: the whole list in one write (was ~150 DOM calls).
        let mut o = String::new();
        *last = CriterionId::ALL
            .iter()
            .map(|id| {
                let (outcome, detail) = show(id);
                let summary = summary_html(*id, outcome);
                item_html(&mut o, *id, outcome, &summary, &detail);
                (Some(outcome), summary, detail)
            })
            .collect();
        if let Some(ul) = by_id("criteria-list") {
            ul.set_inner_html(&o);
        }
        return;
    }
    for (id, (shown, s, d)) in CriterionId::ALL.iter().zip(last.iter_mut()) {
        let (outcome, detail) = show(id);
        let key = id.key();
        if *shown != Some(outcome) {
            if let Some(el) = by_id(&format!("c-{key}")) {
                set_attr(&el, "data-outcome", Some(outcome.key()));
                set_attr(&el, "class", Some(&format!("crit o-{}", outcome.key())));
            }
            put(&format!("cs-{key}"), s, summary_html(*id, outcome));
            *shown = Some(outcome);
        }
        put(&format!("cd-{key}"), d, detail);
    }
}

/// Builds, and drops, every criterion's summary and detail markup.
pub fn warm(criteria: &[CriterionReport]) {
    for c in criteria {
        let _ = (summary_html(c.id, c.outcome), detail_html(c));
    }
}
