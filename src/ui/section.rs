//! The questionnaire: each section of the table as a component, its items
//! rendered in order; a gated block is a `<Show>` of its gate, so only a
//! gate's change re-creates anything.

use leptos::prelude::*;

use super::question::{note_of, Message, QuestionView};
use super::state::Ctx;
use super::{eid, live};
use crate::questions::lists::MALIGNANCY_TYPES;
use crate::questions::{Gate, Item, Kind, Question, Section, SECTIONS, SLEDAI_MODE};

/// Whether `gate` is open, re-rendering only when that changes.
fn gate_memo(gate: Gate) -> Memo<bool> {
    let ctx = Ctx::get();
    Memo::new(move |_| gate.open(|k| ctx.form.text(k)))
}

/// Every section, in order, inside the page's one form.
#[component]
pub fn Questionnaire() -> impl IntoView {
    view! {
        <form novalidate id="qform" on:submit=|ev| ev.prevent_default()>
            {SECTIONS.iter().map(|s| view! { <SectionView section=s /> }).collect_view()}
        </form>
    }
}

/// Whether the answer of `q` at its own path is given (an event "a date"
/// needs its date; a word list, a ticked box).
fn answered(q: &Question, get: &impl Fn(&str) -> String) -> bool {
    match q.kind {
        Kind::Event(..) => match get(q.path).as_str() {
            "date" => !get(&format!("{}#date", q.path)).trim().is_empty(),
            v => !v.is_empty(),
        },
        Kind::Checks(words, _, _) => {
            words.iter().any(|(w, _, _)| !get(&format!("{}/{w}", q.path)).is_empty())
                || !get(&format!("{}/none", q.path)).is_empty()
                || !get(&format!("{}/", q.path)).is_empty()
        }
        _ => !get(q.path).trim().is_empty(),
    }
}

/// The questions of a section shown now (their gates open), and how many
/// of them are answered.
fn progress(section: &'static Section, get: impl Fn(&str) -> String) -> (usize, usize) {
    let (mut shown, mut done) = (0, 0);
    crate::questions::each(section.items, &mut Vec::new(), &mut |it, gates| {
        if let Item::Q(q) = it {
            if gates.iter().all(|g| g.open(&get)) {
                shown += 1;
                done += usize::from(answered(q, &get));
            }
        }
    });
    (done, shown)
}

/// One section: a card with `data-section`, its heading saying how many of
/// its questions are answered; absent from the page while its gate is
/// closed.
#[component]
fn SectionView(section: &'static Section) -> impl IntoView {
    let ctx = Ctx::get();
    let count = Memo::new(move |_| progress(section, |k| ctx.form.text(k)));
    let card = move || {
        let h = format!("s-{}", section.key);
        let labelled = h.clone();
        view! {
            <section class="card" data-section=section.key aria-labelledby=labelled>
                <h2 id=h>
                    {section.title}
                    <span class="count" data-answered>
                        {move || {
                            let (done, shown) = count.get();
                            format!(" ({done} of {shown} answered)")
                        }}
                    </span>
                </h2>
                {items(section.items)}
            </section>
        }
    };
    match section.gate {
        None => card().into_any(),
        Some(g) => {
            let open = gate_memo(g);
            view! { <Show when=move || open.get()>{card()}</Show> }.into_any()
        }
    }
}

/// Items, in order.
fn items(list: &'static [Item]) -> AnyView {
    list.iter().map(item).collect_view().into_any()
}

/// One piece of the questionnaire.
fn item(it: &'static Item) -> AnyView {
    let ctx = Ctx::get();
    match it {
        Item::Q(q) => view! { <QuestionView q path=q.path.to_string() value=ctx.form.sig(q.path) /> }.into_any(),
        Item::H3(t) => view! { <h3>{*t}</h3> }.into_any(),
        Item::Hint(t) => view! { <p class="hint">{*t}</p> }.into_any(),
        Item::Div(class, inner) => view! { <div class=*class>{items(inner)}</div> }.into_any(),
        Item::When(g, inner) => {
            let open = gate_memo(*g);
            view! { <Show when=move || open.get()>{items(inner)}</Show> }.into_any()
        }
        Item::Live(which) => {
            let which = *which;
            view! {
                <p class="live" aria-live="polite" id=which.id()>
                    {move || ctx.calc.with(|c| live::text(which, c, |k| ctx.form.text(k)))}
                </p>
            }
            .into_any()
        }
        Item::SledaiMode => view! { <SledaiMode /> }.into_any(),
        Item::SledaiTotal => {
            let total = Memo::new(move |_| ctx.calc.with(|c| c.report.derived.sledai_score.unwrap_or(0)));
            view! {
                <p class="total" aria-live="polite">
                    "Running total: " <strong data-sledai-total>{total}</strong> " of 105 (at least 6 needed)"
                </p>
            }
            .into_any()
        }
        Item::Malignancies => view! { <Malignancies /> }.into_any(),
        Item::Registry(id) => view! {
            <p class="registry">
                <span class="small">{format!("Registry ({}): ", id.key())}</span>
                <q>{id.sentence()}</q>
            </p>
        }
        .into_any(),
        Item::AnswerRest(words, rest, value) => {
            view! { <AnswerRest words=*words rest=*rest value=*value /> }.into_any()
        }
    }
}

/// One click answering every question of its section that is still
/// unanswered and of the kind `rest` names with `value` (shown at each
/// question); then a line says how many, with an undo.
#[component]
fn AnswerRest(words: &'static str, rest: crate::questions::Rest, value: &'static str) -> impl IntoView {
    let ctx = Ctx::get();
    // The keys this click set, until undone or answered otherwise.
    let set = RwSignal::new(Vec::<&'static str>::new());
    let section = SECTIONS.iter().find(|s| {
        let mut here = false;
        crate::questions::each(s.items, &mut Vec::new(), &mut |it, _| {
            here |= matches!(it, Item::AnswerRest(w, r, _) if *w == words && *r == rest);
        });
        here
    });
    let apply = move |_| {
        let Some(section) = section else { return };
        let mut keys = Vec::new();
        crate::questions::each(section.items, &mut Vec::new(), &mut |it, gates| {
            if let Item::Q(q) = it {
                let get = |k: &str| ctx.form.sig(k).get_untracked();
                if rest.takes(q) && gates.iter().all(|g| g.open(get)) && get(q.path).is_empty() {
                    ctx.form.sig(q.path).set(value.to_string());
                    keys.push(q.path);
                }
            }
        });
        set.set(keys);
    };
    let undo = move |_| {
        for k in set.get_untracked() {
            let s = ctx.form.sig(k);
            if s.get_untracked() == value {
                s.set(String::new());
            }
        }
        set.set(Vec::new());
    };
    let said = move || {
        let n = set.with(Vec::len);
        (n > 0).then(|| format!("{n} {} set to “{}”.", if n == 1 { "answer" } else { "answers" }, word_of(rest, value)))
    };
    view! {
        <p class="rest">
            <button type="button" data-action="answer-rest" on:click=apply>{words}</button>
            <Show when=move || set.with(|s| !s.is_empty())>
                <span role="status">{said}</span>
                " "
                <button type="button" data-action="undo-rest" on:click=undo>"Undo"</button>
            </Show>
        </p>
    }
}

/// The words of `value` for the questions `rest` answers.
fn word_of(rest: crate::questions::Rest, value: &str) -> &str {
    match (rest, value) {
        (crate::questions::Rest::YesNo, "false") => "No",
        (crate::questions::Rest::YesNo, "true") => "Yes",
        (_, v) => v,
    }
}

/// How SLEDAI-2K is entered: its descriptors (the default) or a score.
/// After a loaded document gave both, neither is chosen until the
/// clinician chooses; the engine's message shows here (`sle.sledai`).
#[component]
fn SledaiMode() -> impl IntoView {
    let ctx = Ctx::get();
    let mode = ctx.form.sig(SLEDAI_MODE);
    let note = note_of("sle.sledai".to_string());
    let describe = move || note.with(Option::is_some).then(|| eid("sle.sledai"));
    let radio = move |value: &'static str, words: &'static str| {
        let id = format!("sledai-mode-{value}");
        let for_id = id.clone();
        let checked = move || mode.with(|m| m == value || (value == "items" && m.is_empty()));
        view! {
            <label class="choice" for=for_id>
                <input
                    type="radio"
                    id=id
                    name="sledai-mode"
                    value=value
                    data-control="sledai-mode"
                    aria-describedby=describe
                    prop:checked=checked
                    on:change=move |_| mode.set(value.to_string())
                />
                {words}
            </label>
        }
    };
    view! {
        <fieldset class="field radios" id="sledai-mode-group">
            <legend>"Enter SLEDAI-2K as"</legend>
            <div class="choices">{radio("items", "Descriptors (calculator)")} {radio("score", "Total score")}</div>
            <Message path="sle.sledai".to_string() note />
        </fieldset>
    }
}

/// The malignancy rows, their hint and the add button. The rows are a
/// keyed list (by the row and its position, on which its paths depend): an
/// added row leaves the others' inputs as they are.
#[component]
fn Malignancies() -> impl IntoView {
    let ctx = Ctx::get();
    let rows = ctx.form.rows;
    view! {
        <ol class="rows">
            <For
                each=move || rows.get().into_iter().enumerate()
                key=|(i, r)| (r.id, *i)
                children=|(i, row)| view! { <MalignancyRow i row /> }
            />
        </ol>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="hint">"Add each malignancy; the answer counts once a row is added."</p>
        </Show>
        <button type="button" data-action="add-malignancy" on:click=move |_| ctx.form.add_row()>
            "Add a malignancy"
        </button>
    }
}

/// The questions of a malignancy row, asked at the row's paths.
const ROW_QUESTIONS: [Question; 3] = [
    Question { path: "type", label: "Type", name: "", hint: "", kind: Kind::Select(MALIGNANCY_TYPES, "not known") },
    Question {
        path: "date",
        label: "Diagnosis or last treatment, whichever is later",
        name: "",
        hint: "",
        kind: Kind::Date,
    },
    Question { path: "adequately_treated", label: "Adequately treated?", name: "", hint: "", kind: Kind::YesNo },
];

/// Malignancy row `i`.
#[component]
fn MalignancyRow(i: usize, row: super::state::Row) -> impl IntoView {
    let ctx = Ctx::get();
    let [kind, date, treated] = row.leaves;
    let at = |leaf: &str| super::draft::row_path(i, leaf);
    let n = i + 1;
    view! {
        <li class="row-item">
            <div class="row">
                <QuestionView q=&ROW_QUESTIONS[0] path=at("type") value=kind label=format!("Malignancy {n} – type") />
                <QuestionView q=&ROW_QUESTIONS[1] path=at("date") value=date />
            </div>
            <QuestionView q=&ROW_QUESTIONS[2] path=at("adequately_treated") value=treated />
            <button
                type="button"
                data-action="remove-malignancy"
                value=i.to_string()
                aria-label=format!("Remove malignancy {n}")
                on:click=move |_| ctx.form.remove_row(row.id)
            >
                "Remove"
            </button>
        </li>
    }
}
