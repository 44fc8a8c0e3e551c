//! The questionnaire page: one draft of the answers, converted to the
//! contract's `Answers` in one place ([`draft`]), evaluated live by the
//! engine; the sections ask, the verdict panel answers.

pub mod actions;
pub mod draft;
pub mod fields;
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
    /// The answers document and the notes of values that could not be read.
    pub converted: Memo<(Answers, Vec<Note>)>,
    /// The engine's report on the answers.
    pub report: Memo<Report>,
    /// Every message to show at a field, by answer path, in clinicians' words.
    pub notes: Memo<Vec<Note>>,
    /// Today by the browser clock (the default screening date).
    pub today: NaiveDate,
    /// Whether the verdict sheet is open (phones: the bar's details).
    pub sheet: RwSignal<bool>,
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

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let today = today();
    let draft = RwSignal::new(fresh_draft(today));
    let converted = Memo::new(move |_| draft.with(Draft::to_answers));
    let report = Memo::new(move |_| converted.with(|(a, _)| crate::evaluate(a, today)));
    let notes = Memo::new(move |_| {
        let mut all: Vec<Note> = converted.with(|(_, n)| n.clone());
        all.extend(draft.with(page_notes));
        report.with(|r| all.extend(r.errors.iter().map(|e| (e.path.clone(), e.message.clone()))));
        all.into_iter().map(|(p, m)| (p, clinical(&m))).collect()
    });
    let ctx = Ctx { draft, converted, report, notes, today, sheet: RwSignal::new(false) };
    view! {
        <a class="skip" href="#questions">"Skip to the questions"</a>
        <header class="top">
            <h1>"MiSLE trial pre-screening"</h1>
            <p class="lead">
                "Mesenchymal stem cells in lupus (MiSLE, NCT02633163). Answer what you know; the verdict updates as you type. "
                "Everything stays in this browser: nothing is sent anywhere or stored."
            </p>
            <actions::Toolbar ctx />
        </header>
        <div class="layout">
            <main id="questions" tabindex="-1">
                <form novalidate on:submit=|ev| ev.prevent_default()>
                    {sections::sections(ctx)}
                </form>
                <verdict::CriteriaList ctx />
                <sections::About />
                <actions::PrintSummary ctx />
            </main>
            <verdict::Panel ctx />
        </div>
    }
}
