//! The answers as typed, and the one place where they become the
//! contract's [`Answers`] and back, both by the question table
//! ([`crate::questions`]). Pure: no page code, tested natively. The page
//! keeps a draft (one signal per key); the FHIR QuestionnaireResponse is a
//! draft written as items ([`crate::fhir`]).
//!
//! A draft is a map from keys to text. A key is an answer's contract path
//! (`labs.hemoglobin.value`), with suffixes for what is not a plain value:
//! - `path#date`: the date of an event answered "a date";
//! - `path/word`: a ticked box of a word list; its text is the box's
//!   position(s) in the list (`"3"`, or `"3,5"` when a loaded list names the
//!   word twice), so that a loaded list keeps its order and its repeats;
//! - `path/`: a loaded list given empty (for lists without a "none of
//!   these" box);
//! - [`SLEDAI_MODE`]: how SLEDAI-2K is entered;
//! - `conditions.malignancy[i].leaf`: the malignancy rows.
//!
//! Radios and selects hold their `value` (`"true"`, `"none"`, `"female"`).
//!
//! Every answer the draft holds is written into the answers, shown or not:
//! a question behind a closed gate (pregnancy for a man) keeps its answer,
//! which the engine then judges as the contract says. Only where the
//! clinician chooses one of two ways to answer (SLEDAI-2K as descriptors or
//! score, malignancy "none" or a list, corticosteroid "none" or a dose) does
//! the choice decide which is written. So a loaded document comes back as it
//! was: `from_answers` then `to_answers` gives the same report (tested).

use chrono::Datelike;
use serde_json::{Map, Value};

use crate::engine::answers::{parse_date, Answers};
pub use crate::questions::SLEDAI_MODE;
use crate::questions::{Gate, Item, Kind, MALIGNANCY_LEAVES, SECTIONS};

/// A message at a field: its answer path and the words to show.
pub type Note = (String, String);

/// The answers as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// Raw text by key (see the module documentation), sorted by key.
    pub vals: Vec<(String, String)>,
    /// Number of malignancy rows.
    pub malignancies: usize,
}

impl Draft {
    /// The raw text of `key` ("" when never answered).
    #[must_use]
    pub fn get(&self, key: &str) -> &str {
        match self.find(key) {
            Ok(i) => &self.vals[i].1,
            Err(_) => "",
        }
    }

    /// Sets the raw text of `key`; "" removes it.
    pub fn set(&mut self, key: &str, value: String) {
        match (self.find(key), value.is_empty()) {
            (Ok(i), true) => {
                self.vals.remove(i);
            }
            (Ok(i), false) => self.vals[i].1 = value,
            (Err(i), false) => self.vals.insert(i, (key.to_string(), value)),
            (Err(_), true) => {}
        }
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.vals.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The answers document and the messages of values that could not be
    /// read (each such value is left out: absent, "not known").
    #[must_use]
    pub fn to_answers(&self) -> (Answers, Vec<Note>) {
        let mut doc = Map::new();
        doc.insert("schema".into(), Value::String(crate::engine::answers::ANSWERS_SCHEMA.into()));
        let mut notes = Vec::new();
        for s in SECTIONS {
            self.write(s.items, &mut doc, &mut notes);
        }
        match crate::from_json(&Value::Object(doc).to_string()) {
            Ok(a) => (a, notes),
            Err(e) => {
                // Only a bug of this page could get here; say so at the path.
                notes.push((e.path().to_string(), format!("this answer could not be read ({})", e.message())));
                (Answers::default(), notes)
            }
        }
    }

    /// Writes the answers of `items` into `doc`.
    fn write(&self, items: &'static [Item], doc: &mut Map<String, Value>, notes: &mut Vec<Note>) {
        for it in items {
            match it {
                Item::Q(q) => {
                    if let Some(v) = self.answer(q.path, q.kind, notes) {
                        insert(doc, q.path, v);
                    }
                }
                Item::Div(_, inner) => self.write(inner, doc, notes),
                // The clinician's choice between two ways of answering decides
                // what is written; the other gates only show and hide.
                Item::When(g @ (Gate::SledaiItems | Gate::SledaiScore | Gate::Listing | Gate::Taking), inner) => {
                    if g.open(|k| self.get(k).to_string()) {
                        self.write(inner, doc, notes);
                    }
                }
                Item::When(_, inner) => self.write(inner, doc, notes),
                Item::Malignancies if self.malignancies > 0 => {
                    let rows = (0..self.malignancies)
                        .map(|i| {
                            let mut row = Map::new();
                            for (leaf, kind) in MALIGNANCY_LEAVES {
                                if let Some(v) = self.answer(&row_path(i, leaf), kind, notes) {
                                    row.insert(leaf.into(), v);
                                }
                            }
                            Value::Object(row)
                        })
                        .collect();
                    insert(doc, "conditions.malignancy", Value::Array(rows));
                }
                Item::Malignancies
                | Item::H3(_)
                | Item::Hint(_)
                | Item::Registry(_)
                | Item::AnswerRest(..)
                | Item::Live(_)
                | Item::SledaiMode
                | Item::SledaiTotal => {}
            }
        }
    }

    /// One answer's JSON value, or `None` when not given or unreadable
    /// (then a note says why).
    fn answer(&self, path: &str, kind: Kind, notes: &mut Vec<Note>) -> Option<Value> {
        if let Kind::Checks(..) = kind {
            return self.list(path);
        }
        let raw = self.get(path).trim();
        if raw.is_empty() {
            return None;
        }
        match kind {
            Kind::Radios(_) | Kind::Select(..) => Some(Value::String(raw.to_string())),
            Kind::YesNo => match raw {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            },
            Kind::Date => date(path, raw, notes),
            Kind::Number(_) | Kind::NumberSelect(..) => {
                match parse_number(raw).and_then(serde_json::Number::from_f64) {
                    Some(x) => Some(Value::Number(x)),
                    None => {
                        notes.push((path.to_string(), format!("{} is not a number", quote(raw))));
                        None
                    }
                }
            }
            Kind::Event(..) => match raw {
                "none" => Some(Value::String("none".into())),
                // A bad date is reported at the event's own path.
                "date" => date(path, self.get(&format!("{path}#date")).trim(), notes),
                _ => None,
            },
            Kind::NoneOr(_, _, gate) => match raw {
                "none" => Some(Value::String("none".into())),
                // A dose: the questions behind the gate fill it in. (The
                // malignancy rows are written by `Item::Malignancies`.)
                v if v == gate.value() && gate == Gate::Taking => Some(Value::Object(Map::new())),
                _ => None,
            },
            Kind::Checks(..) => None,
        }
    }

    /// A word list: its ticked words in their positions (a word ticked at
    /// two positions, from a loaded list, appears twice), `[]` for "none of
    /// these" or a list loaded empty; `None` when nothing is ticked.
    fn list(&self, path: &str) -> Option<Value> {
        let prefix = format!("{path}/");
        let mut ticked: Vec<(u32, &str)> = Vec::new();
        let mut given = false;
        for (k, v) in &self.vals {
            let Some(word) = k.strip_prefix(&prefix) else { continue };
            given = true;
            if word.is_empty() || word == "none" {
                continue;
            }
            for pos in v.split(',') {
                ticked.push((pos.parse().unwrap_or(u32::MAX), word));
            }
        }
        ticked.sort_unstable();
        given.then(|| Value::Array(ticked.into_iter().map(|(_, w)| Value::String(w.to_string())).collect()))
    }

    /// Whether the box `word` of the list at `path` is ticked.
    #[must_use]
    pub fn ticked(&self, path: &str, word: &str) -> bool {
        self.find(&format!("{path}/{word}")).is_ok()
    }

    /// Ticks or unticks a box. A box ticked here goes last in the list; in
    /// a list with a "none of these" box, it and the words exclude each
    /// other.
    pub fn tick(&mut self, path: &str, word: &str, on: bool) {
        let prefix = format!("{path}/");
        if on && word == "none" {
            self.vals.retain(|(k, _)| !k.starts_with(&prefix));
        } else if on {
            self.set(&format!("{path}/none"), String::new());
        }
        let next = self
            .vals
            .iter()
            .filter(|(k, _)| k.starts_with(&prefix))
            .flat_map(|(_, v)| v.split(',').filter_map(|p| p.parse::<u32>().ok()))
            .max()
            .map_or(1, |m| m + 1);
        self.set(&format!("{path}/{word}"), if on { next.to_string() } else { String::new() });
    }

    /// Removes malignancy row `i`, moving the later rows up.
    pub fn remove_malignancy(&mut self, i: usize) {
        let n = self.malignancies;
        for j in i..n {
            for (leaf, _) in MALIGNANCY_LEAVES {
                let next = self.get(&row_path(j + 1, leaf)).to_string();
                self.set(&row_path(j, leaf), next);
            }
        }
        self.malignancies = n.saturating_sub(1);
    }

    /// The draft of an answers document (a loaded file, a prefill).
    #[must_use]
    pub fn from_answers(a: &Answers) -> Draft {
        let mut d = Draft::default();
        if let Ok(Value::Object(doc)) = serde_json::from_str(&crate::to_json(a)) {
            for (k, v) in &doc {
                if k != "schema" {
                    d.put(k, v);
                }
            }
        }
        d
    }

    /// Puts the answer `v` at contract path `path` (an answer, or an object
    /// of answers) into the draft as the form holds it.
    pub fn put(&mut self, path: &str, v: &Value) {
        let kind = crate::questions::question(path).map(|q| q.kind);
        match (kind, v) {
            (Some(Kind::Event(..)), Value::String(s)) if s == "none" => self.set(path, "none".into()),
            (Some(Kind::Event(..)), Value::String(s)) => {
                self.set(path, "date".into());
                self.set(&format!("{path}#date"), s.clone());
            }
            (Some(Kind::Checks(_, none_box, _)), Value::Array(words)) => {
                if words.is_empty() {
                    self.set(&format!("{path}/{}", if none_box { "none" } else { "" }), "1".into());
                }
                for (i, w) in words.iter().enumerate() {
                    if let Value::String(w) = w {
                        let key = format!("{path}/{w}");
                        let at = match self.get(&key) {
                            "" => (i + 1).to_string(),
                            seen => format!("{seen},{}", i + 1),
                        };
                        self.set(&key, at);
                    }
                }
            }
            (Some(Kind::NoneOr(..)), Value::String(s)) => self.set(path, s.clone()),
            // An empty list is the same as "none" (contract 7.11).
            (Some(Kind::NoneOr(..)), Value::Array(rows)) if rows.is_empty() => self.set(path, "none".into()),
            (Some(Kind::NoneOr(..)), Value::Array(rows)) => {
                self.set(path, "list".into());
                self.malignancies = rows.len();
                for (i, row) in rows.iter().enumerate() {
                    if let Value::Object(m) = row {
                        for (leaf, v) in m {
                            self.set(&row_path(i, leaf), text(v));
                        }
                    }
                }
            }
            (Some(Kind::NoneOr(..)), Value::Object(m)) => {
                self.set(path, "taking".into());
                for (k, v) in m {
                    self.put(&format!("{path}.{k}"), v);
                }
            }
            (None, Value::Object(m)) => {
                if path == "sle.sledai" {
                    let mode = match (m.contains_key("score"), m.contains_key("items")) {
                        (true, true) => "both",
                        (true, false) => "score",
                        _ => "",
                    };
                    self.set(SLEDAI_MODE, mode.into());
                }
                for (k, v) in m {
                    self.put(&format!("{path}.{k}"), v);
                }
            }
            (_, v) => self.set(path, text(v)),
        }
    }
}

/// A date typed as `YYYY-MM-DD`, when it is one.
#[must_use]
pub fn parse_date_text(raw: &str) -> Option<chrono::NaiveDate> {
    parse_date(raw.trim())
}

/// The key of a malignancy row's leaf.
#[must_use]
pub fn row_path(i: usize, leaf: &str) -> String {
    format!("conditions.malignancy[{i}].{leaf}")
}

/// A JSON leaf as the draft holds it: a word or date as it is, a boolean
/// as `true`/`false`, a number as the shortest text that reads back to it.
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.as_f64().map(|x| x.to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}

/// A date as typed: `YYYY-MM-DD` (kept with a note when its year is
/// implausible), or a note.
fn date(path: &str, raw: &str, notes: &mut Vec<Note>) -> Option<Value> {
    if raw.is_empty() {
        return None;
    }
    match parse_date(raw) {
        Some(d) => {
            // Kept (the engine judges it), but an implausible year is most
            // often a typing slip: say so at the field.
            if !PLAUSIBLE_YEARS.contains(&d.year()) {
                notes.push((path.to_string(), format!("the year {} looks wrong; check the date", d.year())));
            }
            Some(Value::String(raw.to_string()))
        }
        None => {
            notes.push((path.to_string(), format!("{} is not a date (YYYY-MM-DD)", quote(raw))));
            None
        }
    }
}

/// `s` cut to its first `max` characters, with "…" when cut (a message
/// quoting a loaded file's content stays readable).
#[must_use]
pub fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((cut, _)) => format!("{}…", s.get(..cut).unwrap_or_default()),
    }
}

/// Years a date typed into the page is expected in; others get a note.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// `raw` in quotes as a message shows it: whole when short, else its first
/// characters and its length (a 100 KB paste must not become a 100 KB
/// message).
#[must_use]
pub fn quote(raw: &str) -> String {
    const SHOWN: usize = 24;
    let count = raw.chars().count();
    if count > SHOWN {
        format!("“{}” ({count} characters)", clip(raw, SHOWN))
    } else {
        format!("“{raw}”")
    }
}

/// A number as a clinician types it: `70.5`, `1 000`, `30,000`; a comma as
/// the decimal mark (`11,2`) is read as a point when it cannot be a
/// thousands separator. Not finite: not a number.
#[must_use]
pub fn parse_number(raw: &str) -> Option<f64> {
    let s: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    let thousands = s.contains(',')
        && !s.contains('.')
        && s.split(',').skip(1).all(|g| g.len() == 3)
        && s.split(',').next().is_some_and(|g| (1..=3).contains(&g.len()));
    let s = if thousands {
        s.replace(',', "")
    } else if s.matches(',').count() == 1 && !s.contains('.') {
        s.replace(',', ".")
    } else {
        s
    };
    let plain = !s.is_empty()
        // An exponent is read too: a loaded file may hold 1e-7.
        && s.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && s.chars().any(|c| c.is_ascii_digit());
    if !plain {
        return None;
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Puts `v` at the dotted `path` of `doc`, creating objects on the way.
pub(crate) fn insert(doc: &mut Map<String, Value>, path: &str, v: Value) {
    match path.split_once('.') {
        None => {
            doc.insert(path.to_string(), v);
        }
        Some((head, rest)) => {
            let at = doc.entry(head.to_string()).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = at {
                insert(m, rest, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_typed() {
        assert_eq!(parse_number("70.5"), Some(70.5));
        assert_eq!(parse_number(" 30,000 "), Some(30000.0));
        assert_eq!(parse_number("11,2"), Some(11.2));
        assert_eq!(parse_number("heavy"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("1e5"), Some(100_000.0));
        assert_eq!(parse_number("1e-7"), Some(1e-7));
        assert_eq!(parse_number("e5"), None);
        assert_eq!(parse_number("1e999"), None);
    }

    /// Texts at the edges of the number grammar: what a clinician may type
    /// or paste.
    #[test]
    fn number_texts_at_the_edges_of_the_grammar() {
        let cases: [(&str, Option<f64>); 18] = [
            ("1.", Some(1.0)),
            (".5", Some(0.5)),
            ("1.e5", Some(1e5)),
            ("+.5", Some(0.5)),
            ("1e+5", Some(1e5)),
            ("1E2", Some(100.0)),
            ("00012", Some(12.0)),
            ("2.5e-3", Some(0.0025)),
            ("0.1", Some(0.1)),
            ("70.49999999999999", Some(70.49999999999999)),
            ("1,5", Some(1.5)),
            ("1e", None),
            (".", None),
            ("+-1", None),
            ("1.2.3", None),
            ("--1", None),
            ("1e5.5", None),
            ("1e309", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), want, "{text}");
        }
    }

    fn doc(json: &str) -> Answers {
        crate::from_json(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_draft_round_trips_through_answers() {
        let a = doc(r#"{"schema":"misle-answers/1","screening_date":"2026-11-26",
          "patient":{"sex":"female","weight_kg":70.5,"pregnant":false},
          "sle":{"acr_criteria":[],"sledai":{"items":["fever","arthritis"]},"bilag":{"renal":"B"}},
          "nephritis_therapy":{"mycophenolate_months":7,"ongoing":true},
          "labs":{"hemoglobin":{"value":11.2,"unit":"g/dL"}},
          "conditions":{"malignancy":[{"type":"other","date":"2020-01-01"}],"herpes_zoster":"none","serious_infection":"2026-08-01"},
          "medications":{"corticosteroid":{"drug":"prednisone","daily_mg":20},"belimumab":"none"}}"#);
        let d = Draft::from_answers(&a);
        assert_eq!(d.get("conditions.serious_infection#date"), "2026-08-01");
        let (b, notes) = d.to_answers();
        assert!(notes.is_empty(), "{notes:?}");
        // The list keeps its order: fever before arthritis.
        assert_eq!(b, a);
    }

    #[test]
    fn what_a_form_could_not_show_comes_back_as_the_file_said() {
        for json in [
            // SLEDAI-2K given both ways (the engine reports it; the form keeps both)
            r#"{"sle":{"sledai":{"score":8,"items":["arthritis"]}}}"#,
            // a word twice in a list
            r#"{"sle":{"acr_criteria":["arthritis","malar_rash","arthritis"]}}"#,
            // SLEDAI descriptors given as an empty list (a total of 0)
            r#"{"sle":{"sledai":{"items":[]}}}"#,
            // answers of questions the form shows only behind a gate
            r#"{"patient":{"childbearing_potential":null,"contraception_willing":true,"sex":"female"}}"#,
            r#"{"sle":{"bilag":{"musculoskeletal":"B"}},"nephritis_therapy":{"start_date":"2026-01-10","mycophenolate_months":7}}"#,
            r#"{"patient":{"sex":"male","pregnant":true}}"#,
            // an ANA titer no option names
            r#"{"sle":{"ana":{"titer":100,"date":"2026-10-01"}}}"#,
            // a corticosteroid taken, nothing more known
            r#"{"medications":{"corticosteroid":{}}}"#,
            // two identical malignancy rows
            r#"{"conditions":{"malignancy":[{"type":"other"},{"type":"other"}]}}"#,
        ] {
            let a = doc(json);
            let (b, notes) = Draft::from_answers(&a).to_answers();
            assert!(notes.is_empty(), "{json}: {notes:?}");
            assert_eq!(b.patient, a.patient, "{json}");
            assert_eq!(b.sle, a.sle, "{json}");
            assert_eq!(b.nephritis_therapy, a.nephritis_therapy, "{json}");
            assert_eq!(b.conditions, a.conditions, "{json}");
            assert_eq!(b.medications, a.medications, "{json}");
        }
        // An empty malignancy list is the same as "none" (contract 7.11).
        let (b, _) = Draft::from_answers(&doc(r#"{"conditions":{"malignancy":[]}}"#)).to_answers();
        assert_eq!(b, doc(r#"{"schema":"misle-answers/1","conditions":{"malignancy":"none"}}"#));
    }

    #[test]
    fn the_choice_between_two_ways_of_answering_decides_what_is_written() {
        let mut d = Draft::from_answers(&doc(r#"{"sle":{"sledai":{"score":8,"items":["arthritis"]}}}"#));
        for (mode, score, items) in [("items", false, true), ("score", true, false), ("both", true, true)] {
            d.set(SLEDAI_MODE, mode.into());
            let s = d.to_answers().0.sle.and_then(|s| s.sledai).unwrap_or_default();
            assert_eq!((s.score.is_some(), s.items.is_some()), (score, items), "{mode}");
        }
        let mut d = Draft::default();
        d.set("medications.corticosteroid", "none".into());
        d.set("medications.corticosteroid.daily_mg", "20".into());
        let m = d.to_answers().0.medications;
        assert_eq!(m.and_then(|m| m.corticosteroid), Some(crate::engine::answers::Corticosteroid::Never));
    }

    #[test]
    fn ticking_keeps_the_order_of_ticks_and_none_excludes_the_words() {
        let mut d = Draft::default();
        d.tick("sle.acr_criteria", "serositis", true);
        d.tick("sle.acr_criteria", "arthritis", true);
        let words = |d: &Draft| d.to_answers().0.sle.and_then(|s| s.acr_criteria).map(|l| l.len());
        assert_eq!(words(&d), Some(2));
        d.tick("sle.acr_criteria", "none", true);
        assert_eq!(words(&d), Some(0));
        assert!(!d.ticked("sle.acr_criteria", "arthritis"));
        d.tick("sle.acr_criteria", "arthritis", true);
        assert!(!d.ticked("sle.acr_criteria", "none"));
        d.tick("sle.acr_criteria", "arthritis", false);
        assert_eq!(words(&d), None, "nothing ticked: not answered");
    }

    #[test]
    fn bad_text_is_noted_and_left_out() {
        let mut d = Draft::default();
        d.set("patient.weight_kg", "heavy".into());
        d.set("labs.hemoglobin.unit", "g/dL".into());
        let (a, notes) = d.to_answers();
        assert_eq!(notes, [("patient.weight_kg".to_string(), "“heavy” is not a number".to_string())]);
        assert!(a.patient.is_none());
        assert!(a.labs.is_some());
    }

    #[test]
    fn a_huge_paste_is_quoted_by_its_start_and_length() {
        let paste = "9".repeat(100_000) + "x";
        let mut d = Draft::default();
        d.set("patient.weight_kg", paste);
        d.set("patient.sex", "female".into());
        let (a, notes) = d.to_answers();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].1, "“999999999999999999999999…” (100001 characters) is not a number");
        assert_eq!(a.patient.and_then(|p| p.sex), Some(crate::engine::answers::Sex::Female));
    }

    #[test]
    fn short_text_is_quoted_whole_and_multibyte_text_is_cut_between_characters() {
        assert_eq!(quote("heavy"), "“heavy”");
        assert_eq!(quote(&"é".repeat(24)), format!("“{}”", "é".repeat(24)));
        assert_eq!(quote(&"é".repeat(25)), format!("“{}…” (25 characters)", "é".repeat(24)));
    }

    #[test]
    fn dates_in_implausible_years_are_kept_with_a_note() {
        for (date, noted) in [
            ("1800-01-01", true),
            ("1899-12-31", true),
            ("1900-01-01", false),
            ("2100-12-31", false),
            ("3000-01-01", true),
        ] {
            let mut d = Draft::default();
            d.set("patient.birth_date", date.into());
            let (a, notes) = d.to_answers();
            assert_eq!(a.patient.and_then(|p| p.birth_date).map(|b| b.to_string()).as_deref(), Some(date));
            assert_eq!(
                notes.iter().any(|(p, m)| p == "patient.birth_date" && m.contains("looks wrong")),
                noted,
                "{date}"
            );
        }
    }

    #[test]
    fn an_event_with_a_bad_date_is_noted_at_the_event() {
        let mut d = Draft::default();
        d.set("conditions.herpes_zoster", "date".into());
        d.set("conditions.herpes_zoster#date", "2026-13-01".into());
        let (a, notes) = d.to_answers();
        assert_eq!(notes[0].0, "conditions.herpes_zoster");
        assert!(a.conditions.is_none());
    }
}
