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
pub use crate::questions::draft;
pub mod embed;
pub mod fhir;
pub mod letter;
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

/// A date as the page writes it for people: `16 Feb 2027` (unambiguous in
/// every locale; the JSON and `data-eligible-from` stay `YYYY-MM-DD`).
#[must_use]
pub fn day(d: NaiveDate) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS.get(d.month0() as usize).copied().unwrap_or("?");
    format!("{} {month} {:04}", d.day(), d.year())
}

/// An engine reason or message as people read it: every `YYYY-MM-DD` date
/// written as [`day`] writes it, and units as clinicians write them
/// (`x10^9/L` as `×10⁹/L`). The engine writes dates and units as the
/// contract does; the report keeps them so.
#[must_use]
pub fn readable(text: &str) -> String {
    const UNITS: [(&str, &str); 8] = [
        ("x10^9/L", "×10⁹/L"),
        ("x10^3/uL", "×10³/µL"),
        ("10^9/L", "×10⁹/L"),
        ("10^3/uL", "×10³/µL"),
        ("/uL", "/µL"),
        ("umol/L", "µmol/L"),
        ("1.73 m2", "1.73 m²"),
        (" x ULN", " × ULN"),
    ];
    let mut s = dates_in(text);
    for (from, to) in UNITS {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    s
}

/// `text` with every `YYYY-MM-DD` date in it written as [`day`] writes it.
fn dates_in(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let date = rest.get(..10).and_then(crate::engine::answers::parse_date);
        // A whole date, not the end of a longer number.
        let alone = !out.ends_with(|c: char| c.is_ascii_digit())
            && !rest[10.min(rest.len())..].starts_with(|c: char| c.is_ascii_digit());
        match date {
            Some(d) if alone => {
                out.push_str(&day(d));
                rest = &rest[10..];
            }
            _ => {
                let n = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
                out.push_str(&rest[..n]);
                rest = &rest[n..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A fresh draft: everything unknown, the screening date today.
#[must_use]
pub fn fresh_draft(today: NaiveDate) -> Draft {
    let mut d = Draft::default();
    d.set("screening_date", ymd(today));
    d
}

/// Whether `d` holds anything typed: an answer other than a fresh page's,
/// or a malignancy row.
#[must_use]
pub fn has_answers(d: &Draft, today: NaiveDate) -> bool {
    let fresh = fresh_draft(today);
    d.malignancies > 0 || d.vals.iter().any(|(k, v)| fresh.get(k) != v)
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

/// The id of the "from the record" note of `path`.
#[must_use]
pub fn sid(path: &str) -> String {
    id_of('s', path)
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

/// Asks before the page is left or reloaded while it holds answers (the
/// page stores nothing, so they would be lost): the browser's own "Leave
/// site?" question, on `beforeunload`. A fresh or just cleared page leaves
/// without asking.
fn guard_unsaved(ctx: Ctx) {
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev: web_sys::BeforeUnloadEvent| {
        let entered = ctx.draft.with_untracked(|d| has_answers(d, ctx.today));
        if entered {
            ev.prevent_default();
            // Older browsers ask only when a return value is set.
            ev.set_return_value("answers entered");
        }
    });
    std::mem::forget(handle);
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
    if !embedded {
        guard_unsaved(ctx);
    }
    let page = if embedded {
        view! {
            <div class="layout">
                <panel::Panel />
                <main id="questions" tabindex="-1">
                    <h1 class="sr-only">"MiSLE trial pre-screening"</h1>
                    <toolbar::LoadMessage />
                    <section::Questionnaire />
                </main>
                <panel::Criteria />
            </div>
        }
        .into_any()
    } else {
        view! {
            <a class="skip" href="#questions">"Skip to the questions"</a>
            <a class="skip" href="#panel">"Skip to the verdict"</a>
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
                    <letter::Letter />
                </main>
                <panel::Panel />
            </div>
        }
        .into_any()
    };
    view! { <div id="page">{page}</div> }
}

#[cfg(test)]
mod tests {
    use super::{dates_in, day, readable};

    #[test]
    fn dates_are_written_one_way_for_people() {
        let d = |y, m, dd| chrono::NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default();
        assert_eq!(day(d(2027, 2, 16)), "16 Feb 2027");
        assert_eq!(day(d(2026, 12, 2)), "2 Dec 2026");
        for (text, want) in [
            (
                "Last dose 2026-07-01 is within 6 months before baseline 2026-12-20.",
                "Last dose 1 Jul 2026 is within 6 months before baseline 20 Dec 2026.",
            ),
            ("clears on 2027-01-02", "clears on 2 Jan 2027"),
            (
                "no date here: 12 of 2026-13-01 and 20261201 and 12026-01-01",
                "no date here: 12 of 2026-13-01 and 20261201 and 12026-01-01",
            ),
            ("2026-01-01", "1 Jan 2026"),
            ("ANA 1:160 on 2026-10-01, within 6 months", "ANA 1:160 on 1 Oct 2026, within 6 months"),
        ] {
            assert_eq!(dates_in(text), want, "{text}");
        }
        assert_eq!(
            readable("WBC 4.5 /uL = 0.0045 x10^9/L; creatinine 88 umol/L; AST 30 U/L = 0.75 x ULN 40; eGFR 85 mL/min/1.73 m2"),
            "WBC 4.5 /µL = 0.0045 ×10⁹/L; creatinine 88 µmol/L; AST 30 U/L = 0.75 × ULN 40; eGFR 85 mL/min/1.73 m²"
        );
        // Units as the answers write them (a FHIR source note).
        assert_eq!(readable("platelets 210 10^3/uL, WBC 5.1 10^9/L"), "platelets 210 ×10³/µL, WBC 5.1 ×10⁹/L");
    }
}
