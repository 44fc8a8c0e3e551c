//! The referral summary: plain text for the clipboard, and a print-only
//! block with the verdict, the answers and every criterion's outcome.

use serde_json::Value;

use crate::engine::answers::Answers;
use crate::engine::report::{Report, Verdict};
use crate::ui::words::{conditions, outcome_words, verdict_words};
use crate::ui::ymd;

/// The answers as `path: value` lines (the schema left out).
#[must_use]
pub fn answer_lines(a: &Answers) -> Vec<(String, String)> {
    fn walk(path: &str, v: &Value, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                    if p != "schema" {
                        walk(&p, v, out);
                    }
                }
            }
            Value::Array(items) if items.iter().any(|v| matches!(v, Value::Object(_))) => {
                for (i, v) in items.iter().enumerate() {
                    walk(&format!("{path}[{i}]"), v, out);
                }
            }
            Value::Array(items) => {
                let words: Vec<String> = items
                    .iter()
                    .map(|w| match w {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect();
                out.push((path.to_string(), if words.is_empty() { "none".into() } else { words.join(", ") }));
            }
            Value::String(s) => out.push((path.to_string(), s.clone())),
            Value::Null => {}
            // As typed: the shortest text that reads back to the same number.
            Value::Number(n) => out.push((path.to_string(), n.as_f64().map(|x| x.to_string()).unwrap_or_default())),
            other => out.push((path.to_string(), other.to_string())),
        }
    }
    let mut out = Vec::new();
    if let Ok(v) = serde_json::from_str(&crate::to_json(a)) {
        walk("", &v, &mut out);
    }
    out
}

/// The verdict in one line, with what must happen first when no single
/// date says it.
#[must_use]
pub fn verdict_line(r: &Report, a: &Answers) -> String {
    let (_, words) = verdict_words(r.verdict);
    match (r.verdict, r.eligible_from) {
        (Verdict::NotYetEligible, Some(d)) => format!("{words} from {}", ymd(d)),
        (Verdict::NotYetEligible, None) => format!("{words}: {}", conditions(r, a).join("; and ")),
        _ => words.to_string(),
    }
}

/// The whole summary as plain text.
#[must_use]
pub fn summary_text(a: &Answers, r: &Report) -> String {
    let mut s = String::new();
    s.push_str("MiSLE trial pre-screening (NCT02633163)\n");
    s.push_str(&format!("Screening date {}, baseline {}\n", ymd(r.screening_date), ymd(r.baseline_date)));
    s.push_str(&format!("Verdict: {} [{}]\n", verdict_line(r, a), r.verdict.key()));
    s.push_str("Recruitment status must be confirmed with the study team (registry record last verified February 2024).\n\nCriteria:\n");
    for c in &r.criteria {
        s.push_str(&format!("{} {} – {}: {}", c.id.key(), c.id.title(), outcome_words(c.outcome).1, c.reason));
        if let Some(d) = c.clears_on {
            s.push_str(&format!(" Clears on {}.", ymd(d)));
        } else if c.temporary {
            s.push_str(" Temporary: can clear without a date.");
        }
        if !c.missing.is_empty() {
            s.push_str(&format!(" Missing: {}.", c.missing.join(", ")));
        }
        s.push('\n');
    }
    if !r.errors.is_empty() {
        s.push_str("\nAnswers in error (not used):\n");
        for e in &r.errors {
            s.push_str(&format!("{}: {}\n", e.path, e.message));
        }
    }
    s.push_str("\nAnswers:\n");
    for (p, v) in answer_lines(a) {
        s.push_str(&format!("{p}: {v}\n"));
    }
    s
}

/// The print-only summary (the page's print stylesheet shows only it and
/// the verdict).
#[leptos::component]
pub fn Summary() -> impl leptos::IntoView {
    use leptos::prelude::*;
    let ctx = crate::ui::state::Ctx::get();
    view! { <pre class="print-only" id="summary">{move || ctx.calc.with(|c| summary_text(&c.answers, &c.report))}</pre> }
}
