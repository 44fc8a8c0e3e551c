//! The page's state: one signal per draft key, built from the question
//! table, so that a question reads (and re-renders for) its own answer
//! only; one memo of what the draft gives (answers, report, messages); and
//! the page's own state (sheet, messages, undo). Provided to every
//! component by context ([`Ctx`]).

use std::collections::HashMap;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::draft::{row_path, Draft, Note};
use crate::engine::answers::Answers;
use crate::engine::report::Report;
use crate::questions::{self, Kind, MALIGNANCY_LEAVES, SLEDAI_MODE};

/// One malignancy row: an id that stays with it (keyed lists), and a
/// signal per leaf.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    /// Stays the same while the row exists.
    pub id: u64,
    /// `type`, `date`, `adequately_treated`, in [`MALIGNANCY_LEAVES`] order.
    pub leaves: [RwSignal<String>; 3],
}

/// The answers as typed: a signal for every key the table can ask, and the
/// malignancy rows.
#[derive(Clone, Copy)]
pub struct Form {
    keys: StoredValue<HashMap<String, RwSignal<String>>>,
    /// The malignancy rows, in order.
    pub rows: RwSignal<Vec<Row>>,
    next_row: StoredValue<u64>,
    /// The owner the form was made under (the page's), which owns the rows'
    /// signals. A row is added from a click, under the owner of the view
    /// that holds the button; a signal made there would be disposed with
    /// that view (the list's gate closing) while `rows` still holds it,
    /// and reading a disposed signal stops the page.
    owner: StoredValue<Option<Owner>>,
}

impl Form {
    /// A signal for every key of the question table: each question's path,
    /// an event's `path#date`, each box of a word list (`path/word`,
    /// `path/none`, `path/`) and the SLEDAI-2K mode.
    #[must_use]
    pub fn new() -> Form {
        let mut keys = HashMap::new();
        let mut add = |k: String| {
            keys.insert(k, RwSignal::new(String::new()));
        };
        add(SLEDAI_MODE.to_string());
        for (_, q, _) in questions::questions() {
            add(q.path.to_string());
            match q.kind {
                Kind::Event(..) => add(format!("{}#date", q.path)),
                Kind::Checks(words, _, _) => {
                    for (w, _, _) in words {
                        add(format!("{}/{w}", q.path));
                    }
                    add(format!("{}/none", q.path));
                    add(format!("{}/", q.path));
                }
                _ => {}
            }
        }
        Form {
            keys: StoredValue::new(keys),
            rows: RwSignal::new(Vec::new()),
            next_row: StoredValue::new(0),
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// The signal of `key`. Every key the page uses is made by [`Form::new`];
    /// another gives a signal of its own that nothing else reads.
    #[must_use]
    pub fn sig(&self, key: &str) -> RwSignal<String> {
        self.keys.with_value(|k| k.get(key).copied()).unwrap_or_else(|| RwSignal::new(String::new()))
    }

    /// The text of `key`, tracked.
    #[must_use]
    pub fn text(&self, key: &str) -> String {
        self.sig(key).get()
    }

    /// Everything typed, as a pure draft (reads, so tracks, every signal).
    #[must_use]
    pub fn snapshot(&self) -> Draft {
        let mut d = Draft::default();
        self.keys.with_value(|keys| {
            for (k, s) in keys {
                d.set(k, s.get());
            }
        });
        self.rows.with(|rows| {
            d.malignancies = rows.len();
            for (i, r) in rows.iter().enumerate() {
                for ((leaf, _), s) in MALIGNANCY_LEAVES.iter().zip(r.leaves) {
                    d.set(&row_path(i, leaf), s.get());
                }
            }
        });
        d
    }

    /// Everything typed, without tracking (for event handlers).
    #[must_use]
    pub fn snapshot_untracked(&self) -> Draft {
        untrack(|| self.snapshot())
    }

    /// Makes the form show `d` (a loaded file, "Clear all", "Undo").
    pub fn load(&self, d: &Draft) {
        self.keys.with_value(|keys| {
            for (k, s) in keys {
                let v = d.get(k);
                if s.with_untracked(|old| old != v) {
                    s.set(v.to_string());
                }
            }
        });
        let rows = (0..d.malignancies)
            .map(|i| {
                let row = self.new_row();
                for ((leaf, _), s) in MALIGNANCY_LEAVES.iter().zip(row.leaves) {
                    s.set(d.get(&row_path(i, leaf)).to_string());
                }
                row
            })
            .collect();
        self.rows.set(rows);
    }

    fn new_row(&self) -> Row {
        let id = self.next_row.get_value();
        self.next_row.set_value(id + 1);
        let leaves = || [RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new())];
        let leaves = match self.owner.get_value() {
            Some(owner) => owner.with(leaves),
            None => leaves(),
        };
        Row { id, leaves }
    }

    /// Adds an empty malignancy row at the end.
    pub fn add_row(&self) {
        let row = self.new_row();
        self.rows.update(|r| r.push(row));
    }

    /// Removes the malignancy row `id`.
    pub fn remove_row(&self, id: u64) {
        self.rows.update(|r| r.retain(|row| row.id != id));
    }

    /// Ticks or unticks a box of the word list at `path`, as
    /// [`Draft::tick`] does.
    pub fn tick(&self, path: &str, word: &str, on: bool) {
        let prefix = format!("{path}/");
        let mut list = Draft::default();
        self.keys.with_value(|keys| {
            for (k, s) in keys.iter().filter(|(k, _)| k.starts_with(&prefix)) {
                list.set(k, s.get_untracked());
            }
        });
        list.tick(path, word, on);
        self.keys.with_value(|keys| {
            for (k, s) in keys.iter().filter(|(k, _)| k.starts_with(&prefix)) {
                let v = list.get(k);
                if s.with_untracked(|old| old != v) {
                    s.set(v.to_string());
                }
            }
        });
    }
}

impl Default for Form {
    fn default() -> Self {
        Form::new()
    }
}

/// What the draft gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Calc {
    /// The answers document.
    pub answers: Answers,
    /// The engine's report on the answers.
    pub report: Report,
    /// Every message to show at a field, by answer path, in clinicians' words.
    pub notes: Vec<Note>,
}

impl Calc {
    /// What `d` gives on `today`.
    #[must_use]
    pub fn of(d: &Draft, today: NaiveDate) -> Calc {
        let (answers, mut notes) = d.to_answers();
        let report = crate::evaluate(&answers, today);
        notes.extend(page_notes(d, today));
        notes.extend(report.errors.iter().map(|e| (e.path.clone(), e.message.clone())));
        let notes = notes.into_iter().map(|(p, m)| (p, super::readable(&super::clinical(&m)))).collect();
        Calc { answers, report, notes }
    }
}

/// The message at `path` among `notes`, if any.
#[must_use]
pub fn note_at(notes: &[Note], path: &str) -> Option<String> {
    notes.iter().find(|(p, _)| p == path).map(|(_, m)| m.clone())
}

/// Page notes that are not errors of the engine: a lab value without its
/// unit, an age that the birth date overrides, more months of a nephritis
/// drug than the therapy has lasted (`today`: the screening date when none
/// is typed).
#[must_use]
pub fn page_notes(d: &Draft, today: NaiveDate) -> Vec<Note> {
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
    notes.extend(months_beyond_therapy(d, today));
    notes
}

/// Months of mycophenolate or cyclophosphamide that the therapy, started
/// on its start date, cannot have lasted by the screening date (a month's
/// grace for counting): one of the two answers is wrong, and I5 reads both.
fn months_beyond_therapy(d: &Draft, today: NaiveDate) -> Vec<Note> {
    let Some(start) = super::draft::parse_date_text(d.get("nephritis_therapy.start_date")) else {
        return Vec::new();
    };
    let screening = super::draft::parse_date_text(d.get("screening_date")).unwrap_or(today);
    // Whole days to months of 30.44 days; screening before start: 0.
    let lasted = (screening - start).num_days().max(0) as f64 / 30.44;
    let mut notes = Vec::new();
    for (drug, path) in [
        ("mycophenolate", "nephritis_therapy.mycophenolate_months"),
        ("cyclophosphamide", "nephritis_therapy.cyclophosphamide_months"),
    ] {
        let Some(months) = super::draft::parse_number(d.get(path)) else { continue };
        if months > lasted + 1.0 {
            notes.push((
                path.to_string(),
                format!(
                    "{} months of {drug}, but the therapy started on {start}, {} months before screening: check the start date and the months",
                    crate::engine::fmt::num(months),
                    crate::engine::fmt::num(lasted.floor())
                ),
            ));
        }
    }
    notes
}

/// A FHIR Bundle's note on a filled answer: the answer's path, the note,
/// and the fields and values the Bundle filled for it.
pub type Source = (String, String, Vec<(String, String)>);

/// A message after an action: words, and whether it is an error.
pub type Status = Option<(String, bool)>;

/// Shared page state, provided by context (it is `Copy`).
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The answers as typed.
    pub form: Form,
    /// The draft: everything typed, as one value.
    pub draft: Memo<Draft>,
    /// What the draft gives: answers, report and messages.
    pub calc: Memo<Calc>,
    /// The messages of [`Calc::notes`] alone: they change far less often
    /// than the report, so the question components, which read their own
    /// message from here, are not re-run by every change of the report.
    pub notes: Memo<Vec<Note>>,
    /// Whether the verdict sheet is open (phones, embed mode).
    pub sheet: RwSignal<bool>,
    /// The message after a toolbar action.
    pub status: RwSignal<Status>,
    /// The message after loading an answers file.
    pub load_msg: RwSignal<Status>,
    /// The answers before "Clear all", until restored or replaced.
    pub undo: RwSignal<Option<Draft>>,
    /// The notes of the answers a FHIR Bundle filled: answer path, note
    /// ("From the record: …") and what was filled of that answer (its
    /// fields and values: a lab's value and unit); a note shows while those
    /// fields hold those values, until other answers are loaded or all
    /// cleared.
    pub sources: RwSignal<Vec<Source>>,
    /// Today by the browser clock (the default screening date).
    pub today: NaiveDate,
    /// Whether the page runs embedded in a portal's frame (`?embed=1`).
    pub embedded: bool,
}

impl Ctx {
    /// The state of a fresh page.
    #[must_use]
    pub fn new(today: NaiveDate, embedded: bool) -> Ctx {
        let form = Form::new();
        form.load(&super::fresh_draft(today));
        let draft = Memo::new(move |_| form.snapshot());
        let calc = Memo::new(move |_| draft.with(|d| Calc::of(d, today)));
        let notes = Memo::new(move |_| calc.with(|c| c.notes.clone()));
        Ctx {
            form,
            draft,
            calc,
            notes,
            sheet: RwSignal::new(false),
            status: RwSignal::new(None),
            load_msg: RwSignal::new(None),
            undo: RwSignal::new(None),
            sources: RwSignal::new(Vec::new()),
            today,
            embedded,
        }
    }

    /// The page's state from context ([`super::App`] provides it before
    /// any component runs). A component used outside the page gets a
    /// state of its own rather than a panic, which would stop the page.
    #[must_use]
    pub fn get() -> Ctx {
        use_context::<Ctx>().unwrap_or_else(|| Ctx::new(NaiveDate::default(), false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(pairs: &[(&str, &str)]) -> Draft {
        let mut d = Draft::default();
        for (k, v) in pairs {
            d.set(k, (*v).to_string());
        }
        d
    }

    #[test]
    fn more_months_of_a_drug_than_the_therapy_lasted_asks_for_a_check() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        // (name, answers typed, paths with a note)
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);
        let cases: [Case; 5] = [
            (
                "7 months of mycophenolate in 3 months of therapy",
                &[("nephritis_therapy.start_date", "2026-08-26"), ("nephritis_therapy.mycophenolate_months", "7")],
                &["nephritis_therapy.mycophenolate_months"],
            ),
            (
                "4 months of mycophenolate in 3 months: a month's grace",
                &[("nephritis_therapy.start_date", "2026-08-26"), ("nephritis_therapy.mycophenolate_months", "4")],
                &[],
            ),
            (
                "the screening date typed, not today",
                &[
                    ("screening_date", "2027-06-01"),
                    ("nephritis_therapy.start_date", "2026-08-26"),
                    ("nephritis_therapy.cyclophosphamide_months", "7"),
                ],
                &[],
            ),
            (
                "cyclophosphamide too",
                &[("nephritis_therapy.start_date", "2026-10-26"), ("nephritis_therapy.cyclophosphamide_months", "3")],
                &["nephritis_therapy.cyclophosphamide_months"],
            ),
            ("no start date: nothing to compare", &[("nephritis_therapy.mycophenolate_months", "70")], &[]),
        ];
        for (name, pairs, want) in cases {
            let got: Vec<String> = page_notes(&draft(pairs), today).into_iter().map(|(p, _)| p).collect();
            assert_eq!(got, want, "{name}");
        }
        let said = page_notes(&draft(cases[0].1), today);
        assert_eq!(
            said[0].1,
            "7 months of mycophenolate, but the therapy started on 2026-08-26, 3 months before screening: check the start date and the months"
        );
    }
}
