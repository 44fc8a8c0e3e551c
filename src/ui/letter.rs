//! The printed referral summary: a document, verdict first (the verdict in
//! words with its reasons and dates, what is missing), then the 22 criteria
//! as a compact table, the answers in clinical words section by section,
//! the values taken from the patient's record (a FHIR Bundle's prefill)
//! with their dates and codes, the trial with its record dates and
//! recruitment caveat, and lines for the referrer. Shown only in print (`style/main.css`); on screen the page
//! shows none of it.

use leptos::prelude::*;

use super::state::Ctx;
use super::summary::{answer_lines, dates_said, headline, record_lines, SectionLines, RECRUITMENT};
use super::words::{conditions, outcome_words, still_to_answer};
use super::{day, readable};
use crate::engine::criteria::CriterionId;
use crate::engine::report::Outcome;
use crate::questions;

/// One section of the letter's answers: its heading and its lines, keyed
/// by what they say.
#[component]
fn AnswerSection(
    /// The section's heading.
    section: &'static str,
    /// Every section's lines.
    answers: Memo<Vec<SectionLines>>,
) -> impl IntoView {
    let lines = Memo::new(move |_| {
        answers.with(|a| a.iter().find(|(s, _)| *s == section).map(|(_, l)| l.clone()).unwrap_or_default())
    });
    view! {
        <div class="p-section">
            <h3>{section}</h3>
            <dl>
                <For each=move || lines.get() key=|line| line.clone() let:line>
                    <dt>{line.0}</dt>
                    <dd>{line.1}</dd>
                </For>
            </dl>
        </div>
    }
}

/// The printed letter.
#[component]
pub fn Letter() -> impl IntoView {
    let ctx = Ctx::get();
    let top = Memo::new(move |_| {
        ctx.calc.with(|c| {
            let r = &c.report;
            let fails: Vec<String> = r
                .criteria
                .iter()
                .filter(|c| c.outcome == Outcome::Fail)
                .map(|c| format!("{} {}: {}", c.id.key(), c.id.title(), readable(&c.reason)))
                .collect();
            let first: Vec<String> = conditions(r, &c.answers).iter().map(|u| readable(u)).collect();
            let missing: Vec<String> = still_to_answer(r).into_iter().map(|(p, _)| questions::name(&p)).collect();
            let checks: Vec<String> = c.notes.iter().map(|(p, m)| format!("{}: {}", questions::name(p), m)).collect();
            (headline(r), r.verdict.key(), fails, first, missing, checks)
        })
    });
    let dates = Memo::new(move |_| ctx.calc.with(|c| ctx.draft.with(|d| dates_said(&c.report, d))));
    let answers = Memo::new(move |_| ctx.draft.with(answer_lines));
    let record = Memo::new(move |_| ctx.sources.with(|s| ctx.draft.with(|d| record_lines(s, d))));
    view! {
        <article class="print-only letter" id="summary">
            <header>
                <p class="small">"MiSLE trial pre-screening summary · NCT02633163"</p>
                <h1>"Referral pre-screening: Phase 2 Trial of Mesenchymal Stem Cells in Lupus (MiSLE)"</h1>
                <p>{dates}</p>
                // The page holds no name: the referrer writes it on the paper.
                <p class="p-sign">"Patient: ______________________________   Date of birth: ____________   Record no.: ____________"</p>
            </header>
            {move || {
                let (words, key, fails, first, missing, checks) = top.get();
                view! {
                    <section class=format!("p-verdict v-{key}")>
                        <h2>"Verdict"</h2>
                        <p class="p-headline"><strong>{words}</strong></p>
                        {(!fails.is_empty()).then(|| view! {
                            <ul>{fails.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                        })}
                        {(!first.is_empty()).then(|| view! { <p>{format!("First: {}.", first.join("; and "))}</p> })}
                        {(!missing.is_empty()).then(|| view! { <p>{format!("Still to answer: {}.", missing.join("; "))}</p> })}
                        {(!checks.is_empty()).then(|| view! { <p>{format!("To check: {}.", checks.join("; "))}</p> })}
                    </section>
                }
            }}
            <section>
                <h2>"The 22 criteria"</h2>
                <table class="p-criteria">
                    <thead>
                        <tr>
                            <th scope="col">"Id"</th>
                            <th scope="col">"Criterion"</th>
                            <th scope="col">"Result"</th>
                            <th scope="col">"Values used"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=|| CriterionId::ALL key=|id| *id let:id>
                            <Row id />
                        </For>
                    </tbody>
                </table>
            </section>
            <section>
                <h2>"Answers"</h2>
                <div class="p-answers">
                    // Keyed: a change re-renders only the lines it changed.
                    <For
                        each=move || answers.with(|a| a.iter().map(|(section, _)| *section).collect::<Vec<_>>())
                        key=|section| *section
                        let:section
                    >
                        <AnswerSection section answers />
                    </For>
                </div>
            </section>
            <Show when=move || record.with(|r| !r.is_empty())>
                <section class="p-record">
                    <h2>"From the patient's record"</h2>
                    <ul>
                        <For each=move || record.get() key=|line| line.clone() let:line>
                            <li>{line}</li>
                        </For>
                    </ul>
                </section>
            </Show>
            <footer>
                <p>
                    "NCT02633163; sponsor protocol MUSC-UCMSC-001, Medical University of South Carolina. Registry record last verified February 2024 (last update posted 1 March 2024). "
                    {RECRUITMENT}
                    " A pre-screening aid: the study site decides eligibility. E11 (any other condition, in the investigator’s opinion) is for the site."
                </p>
                <p class="p-sign">"Referred by: ______________________________   Contact: ______________________________   Date: __________"</p>
                <p class="small">{move || format!("Printed from the MiSLE pre-screening page on {}.", day(ctx.today))}</p>
            </footer>
        </article>
    }
}

/// One criterion's row: re-rendered only when its result changes.
#[component]
fn Row(id: CriterionId) -> impl IntoView {
    let ctx = Ctx::get();
    let result = Memo::new(move |_| {
        ctx.calc.with(|c| c.report.criterion(id).map(|c| (c.outcome, readable(&c.reason), c.clears_on, c.temporary)))
    });
    move || {
        let (outcome, reason, clears, temporary) =
            result.get().unwrap_or((Outcome::Unknown, String::new(), None, false));
        let (mark, words) = outcome_words(outcome);
        let note = match (clears, temporary) {
            (Some(d), _) => format!(" Clears on {}.", day(d)),
            (None, true) => " For now.".to_string(),
            _ => String::new(),
        };
        view! {
            <tr class=format!("o-{}", outcome.key())>
                <td>{id.key()}</td>
                <td>{id.title()}</td>
                <td>{format!("{mark} {words}")}</td>
                <td>{format!("{reason}{note}")}</td>
            </tr>
        }
    }
}
