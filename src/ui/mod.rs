//! The questionnaire page, a Leptos client-side app.
//!
//! ```text
//! App                      the page shell; provides the state (state::Ctx)
//! ├─ Header, Toolbar       title, lead, recruitment caveat; copy, print, save, load, clear/undo
//! ├─ Questionnaire         the question table (crate::questions), section by section
//! │  └─ SectionView        a card; a gated block is a <Show>
//! │     └─ QuestionView    any question: label, hint, inputs, message
//! ├─ Criteria              the 22 criteria, each re-rendered only when its result changes
//! ├─ About, Summary        the trial; the print-only summary
//! └─ Panel                 the verdict card and its lists (keyed <For>)
//! ```
//!
//! The draft is one signal per answer (`state::Form`); one memo turns it
//! into answers, report and messages (`draft::Draft::to_answers`,
//! `crate::evaluate`), and each part of the page reads only what it shows.

pub mod about;
pub mod draft;
pub mod embed;
pub mod live;
pub mod panel;
pub mod question;
pub mod section;
pub mod state;
pub mod summary;
pub mod toolbar;
pub mod words;

use chrono::NaiveDate;
use leptos::prelude::*;

use draft::Draft;
use state::Ctx;

/// Today's date from the browser clock.
#[must_use]
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    i32::try_from(now.get_full_year())
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, now.get_month() + 1, now.get_date()))
        .unwrap_or_default()
}

/// A date as `YYYY-MM-DD`.
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

/// `c-` and the path with `.`, `[`, `]` as `-`.
fn id_of(c: char, path: &str) -> String {
    let mut s = String::with_capacity(path.len() + 2);
    s.push(c);
    s.push('-');
    for c in path.chars() {
        s.push(if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' });
    }
    s
}

/// The element id of the input at `path` (`f-labs-hemoglobin-value`).
#[must_use]
pub fn fid(path: &str) -> String {
    id_of('f', path)
}

/// The id of the message element of `path`.
#[must_use]
pub fn eid(path: &str) -> String {
    id_of('e', path)
}

/// The id of the hint element of `path`.
#[must_use]
pub fn hid(path: &str) -> String {
    id_of('h', path)
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

/// The page: in embed mode (`?embed=1`) only the verdict card (first), the
/// questionnaire and the criteria; otherwise also the title, lead,
/// toolbar, about section and print summary.
#[component]
pub fn App() -> impl IntoView {
    let embedded = embed::embedded();
    let ctx = Ctx::new(today(), embedded);
    provide_context(ctx);
    if embedded {
        if let Some(root) = document().document_element() {
            root.set_class_name("embed");
        }
    }
    // After the page is in the document (the channel observes its size).
    if let Some(host) = embed::Host::find() {
        request_animation_frame(move || embed::connect(ctx, host));
    }
    let page = if embedded {
        view! {
            <div class="layout">
                <panel::Panel />
                <main id="questions" tabindex="-1">
                    <h1 class="sr-only">"MiSLE trial pre-screening"</h1>
                    <section::Questionnaire />
                </main>
                <panel::Criteria />
            </div>
        }
        .into_any()
    } else {
        view! {
            <a class="skip" href="#questions">"Skip to the questions"</a>
            <header class="top">
                <h1>"MiSLE trial pre-screening"</h1>
                <p class="lead">
                    "Mesenchymal stem cells in lupus (MiSLE, NCT02633163). Answer what you know; the verdict updates as you type. Everything stays in this browser: nothing is sent anywhere or stored."
                </p>
                <panel::Recruitment />
                <toolbar::Toolbar />
            </header>
            <div class="layout">
                <main id="questions" tabindex="-1">
                    <section::Questionnaire />
                    <panel::Criteria />
                    <about::About />
                    <summary::Summary />
                </main>
                <panel::Panel />
            </div>
        }
        .into_any()
    };
    view! { <div id="page">{page}</div> }
}
