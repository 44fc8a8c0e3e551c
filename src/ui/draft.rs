//! The answers draft: what the user typed, kept as raw text so that nothing
//! is lost, and its conversion to and from the contract's [`Answers`], in one
//! place.
//!
//! The draft is a flat map from keys to text. A key is the answer's contract
//! path (`labs.hemoglobin.value`), with three suffixes for what is not a plain
//! value: `path/word` for a ticked box of a word list, `path#date` for the date
//! of an event answered "date", and [`SLEDAI_MODE`] for the SLEDAI-2K input
//! mode. Radios store their `value` (`"true"`, `"none"`, `"female"`).

use serde_json::{Map, Value};

use chrono::Datelike;

use crate::engine::answers::{parse_date, Answers};

/// Draft key of the SLEDAI-2K input mode (`"items"` or `"score"`).
pub const SLEDAI_MODE: &str = "#sledai-mode";

/// How a draft value becomes JSON.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `YYYY-MM-DD`.
    Date,
    /// A number typed as text (or an ANA titer chosen in a select).
    Num,
    /// A contract word chosen in a select or radio.
    Word,
    /// `"true"` / `"false"` radios.
    Bool,
    /// `"none"` / `"date"` radios plus a date at `path#date`.
    Event,
}

use Kind::*;

/// Every plain field, in document order. Lists, malignancies,
/// corticosteroid and SLEDAI-2K are handled apart.
const FIELDS: &[(&str, Kind)] = &[
    ("screening_date", Date),
    ("baseline_date", Date),
    ("patient.birth_date", Date),
    ("patient.age_years", Num),
    ("patient.sex", Word),
    ("patient.weight_kg", Num),
    ("patient.childbearing_potential", Bool),
    ("patient.pregnant", Bool),
    ("patient.breastfeeding", Bool),
    ("patient.contraception_willing", Bool),
    ("patient.consent", Bool),
    ("sle.ana.titer", Num),
    ("sle.ana.date", Date),
    ("sle.anti_dsdna.positive", Bool),
    ("sle.anti_dsdna.date", Date),
    ("sle.bilag.constitutional", Word),
    ("sle.bilag.mucocutaneous", Word),
    ("sle.bilag.neuropsychiatric", Word),
    ("sle.bilag.musculoskeletal", Word),
    ("sle.bilag.cardiorespiratory", Word),
    ("sle.bilag.gastrointestinal", Word),
    ("sle.bilag.ophthalmic", Word),
    ("sle.bilag.renal", Word),
    ("sle.bilag.hematological", Word),
    ("sle.standard_of_care", Bool),
    ("nephritis_therapy.start_date", Date),
    ("nephritis_therapy.mycophenolate_months", Num),
    ("nephritis_therapy.cyclophosphamide_months", Num),
    ("nephritis_therapy.maintenance_after_cyclophosphamide", Word),
    ("nephritis_therapy.ongoing", Bool),
    ("labs.egfr.value", Num),
    ("labs.creatinine.value", Num),
    ("labs.creatinine.unit", Word),
    ("labs.wbc.value", Num),
    ("labs.wbc.unit", Word),
    ("labs.hemoglobin.value", Num),
    ("labs.hemoglobin.unit", Word),
    ("labs.platelets.value", Num),
    ("labs.platelets.unit", Word),
    ("labs.ast.value", Num),
    ("labs.ast.uln", Num),
    ("labs.alt.value", Num),
    ("labs.alt.uln", Num),
    ("conditions.active_cns_lupus", Bool),
    ("conditions.nephritis_dialysis", Bool),
    ("conditions.hiv", Bool),
    ("conditions.hepatitis_b", Bool),
    ("conditions.hepatitis_c", Bool),
    ("conditions.tuberculosis", Bool),
    ("conditions.cxr_tb_or_fungal", Bool),
    ("conditions.renal_transplant", Bool),
    ("conditions.significant_ekg_cxr", Bool),
    ("conditions.steroid_comorbidity", Bool),
    ("conditions.herpes_zoster", Event),
    ("conditions.serious_infection", Event),
    ("conditions.substance_abuse_current", Bool),
    ("conditions.substance_abuse_last", Event),
    ("medications.immunosuppressant_change", Event),
    ("medications.experimental_agent", Event),
    ("medications.belimumab", Event),
    ("medications.b_cell_depletion", Event),
];

/// The word lists answered with checkboxes.
pub const LISTS: [&str; 2] = ["sle.acr_criteria", "sle.sledai.items"];

/// The answers as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// Raw text by key (see the module documentation), sorted by key (a
    /// sorted list: smaller code than a map for the page's few keys).
    pub vals: Vec<(String, String)>,
    /// Number of malignancy rows shown.
    pub malignancies: usize,
}

/// A message at a field: its answer path and the words to show.
pub type Note = (String, String);

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

    /// Where `key` is, or would be inserted.
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.vals.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// Whether the box `word` of the list at `path` is ticked.
    #[must_use]
    pub fn ticked(&self, path: &str, word: &str) -> bool {
        self.find(&format!("{path}/{word}")).is_ok()
    }

    /// Ticks or unticks a box; in `sle.acr_criteria`, "none" and the
    /// criteria exclude each other.
    pub fn tick(&mut self, path: &str, word: &str, on: bool) {
        if on && path == "sle.acr_criteria" {
            let prefix = format!("{path}/");
            let none = format!("{path}/none");
            if word == "none" {
                self.vals.retain(|(k, _)| !k.starts_with(&prefix));
            } else {
                self.set(&none, String::new());
            }
        }
        self.set(&format!("{path}/{word}"), if on { "1".into() } else { String::new() });
    }

    /// The ticked words of a list, in the order the keys sort (the engine
    /// does not care about order).
    fn words(&self, path: &str) -> Vec<String> {
        let prefix = format!("{path}/");
        self.vals
            .iter()
            .filter_map(|(k, _)| k.strip_prefix(&prefix))
            .filter(|w| *w != "none")
            .map(str::to_string)
            .collect()
    }

    /// Whether the list at `path` has any box ticked (then it is answered).
    #[must_use]
    pub fn list_answered(&self, path: &str) -> bool {
        let prefix = format!("{path}/");
        self.vals.iter().any(|(k, _)| k.starts_with(&prefix))
    }

    /// Whether SLEDAI-2K is entered as a score rather than items.
    #[must_use]
    pub fn sledai_by_score(&self) -> bool {
        self.get(SLEDAI_MODE) == "score"
    }

    /// Whether the female-only questions apply.
    #[must_use]
    pub fn female(&self) -> bool {
        self.get("patient.sex") == "female"
    }

    /// Whether the nephritis therapy questions apply (renal BILAG A or B).
    #[must_use]
    pub fn renal_active(&self) -> bool {
        matches!(self.get("sle.bilag.renal"), "A" | "B")
    }

    /// Removes malignancy row `i`, moving the later rows up.
    pub fn remove_malignancy(&mut self, i: usize) {
        let n = self.malignancies;
        for j in i..n {
            for leaf in MALIGNANCY_LEAVES {
                let key = format!("conditions.malignancy[{j}].{leaf}");
                let next = self.get(&format!("conditions.malignancy[{}].{leaf}", j + 1)).to_string();
                self.set(&key, next);
            }
        }
        self.malignancies = n.saturating_sub(1);
    }

    /// Whether a question is asked at all (hidden sections are not).
    fn asked(&self, path: &str) -> bool {
        match path {
            "patient.childbearing_potential" | "patient.pregnant" | "patient.breastfeeding" => self.female(),
            "patient.contraception_willing" => self.female() && self.get("patient.childbearing_potential") == "true",
            p if p.starts_with("nephritis_therapy.") => self.renal_active(),
            _ => true,
        }
    }

    /// The answers document and the messages of values that could not be
    /// read (each such value is left out: absent, "not known").
    #[must_use]
    pub fn to_answers(&self) -> (Answers, Vec<Note>) {
        let mut doc = Map::new();
        doc.insert("schema".into(), Value::String(crate::engine::answers::ANSWERS_SCHEMA.into()));
        let mut notes = Vec::new();
        for &(path, kind) in FIELDS {
            if self.asked(path) {
                if let Some(v) = self.value(path, kind, &mut notes) {
                    insert(&mut doc, path, v);
                }
            }
        }
        for path in LISTS {
            if path == "sle.sledai.items" && self.sledai_by_score() {
                continue;
            }
            if self.list_answered(path) {
                let words = self.words(path).into_iter().map(Value::String).collect();
                insert(&mut doc, path, Value::Array(words));
            }
        }
        if self.sledai_by_score() {
            if let Some(v) = self.value("sle.sledai.score", Num, &mut notes) {
                insert(&mut doc, "sle.sledai.score", v);
            }
        }
        match self.get("conditions.malignancy") {
            "none" => insert(&mut doc, "conditions.malignancy", Value::String("none".into())),
            "list" if self.malignancies > 0 => {
                let rows = (0..self.malignancies)
                    .map(|i| {
                        let mut row = Map::new();
                        let p = |leaf: &str| format!("conditions.malignancy[{i}].{leaf}");
                        for (leaf, kind) in [("type", Word), ("date", Date), ("adequately_treated", Bool)] {
                            if let Some(v) = self.value(&p(leaf), kind, &mut notes) {
                                row.insert(leaf.into(), v);
                            }
                        }
                        Value::Object(row)
                    })
                    .collect();
                insert(&mut doc, "conditions.malignancy", Value::Array(rows));
            }
            _ => {}
        }
        match self.get("medications.corticosteroid") {
            "none" => insert(&mut doc, "medications.corticosteroid", Value::String("none".into())),
            "taking" => {
                let mut dose = Map::new();
                for (leaf, kind) in [("drug", Word), ("daily_mg", Num)] {
                    let path = format!("medications.corticosteroid.{leaf}");
                    if let Some(v) = self.value(&path, kind, &mut notes) {
                        dose.insert(leaf.into(), v);
                    }
                }
                insert(&mut doc, "medications.corticosteroid", Value::Object(dose));
            }
            _ => {}
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

    /// One field's JSON value, or `None` when empty or unreadable (then a
    /// note says why).
    fn value(&self, path: &str, kind: Kind, notes: &mut Vec<Note>) -> Option<Value> {
        let raw = self.get(path).trim();
        if raw.is_empty() {
            return None;
        }
        match kind {
            Word => Some(Value::String(raw.to_string())),
            Bool => match raw {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            },
            Date => match parse_date(raw) {
                Some(d) => {
                    // Kept (the engine judges it), but an implausible year
                    // is most often a typing slip: say so at the field.
                    if !PLAUSIBLE_YEARS.contains(&d.year()) {
                        notes.push((path.to_string(), format!("the year {} looks wrong; check the date", d.year())));
                    }
                    Some(Value::String(raw.to_string()))
                }
                None => {
                    notes.push((path.to_string(), format!("{} is not a date (YYYY-MM-DD)", quote(raw))));
                    None
                }
            },
            Num => match parse_number(raw).and_then(serde_json::Number::from_f64) {
                Some(x) => Some(Value::Number(x)),
                None => {
                    notes.push((path.to_string(), format!("{} is not a number", quote(raw))));
                    None
                }
            },
            Event => match raw {
                "none" => Some(Value::String("none".into())),
                "date" => {
                    // A bad date is reported at the event's own path.
                    let mut own = Vec::new();
                    let v = self.value(&format!("{path}#date"), Date, &mut own);
                    notes.extend(own.into_iter().map(|(_, m)| (path.to_string(), m)));
                    v
                }
                _ => None,
            },
        }
    }

    /// The draft of an answers document (a loaded file).
    #[must_use]
    pub fn from_answers(a: &Answers) -> Draft {
        let mut d = Draft::default();
        if let Ok(Value::Object(doc)) = serde_json::from_str(&crate::to_json(a)) {
            for (k, v) in doc {
                if k != "schema" {
                    d.flatten(&k, &v);
                }
            }
        }
        if d.list_answered("sle.sledai.items") {
            d.set(SLEDAI_MODE, "items".into());
        }
        d
    }

    fn flatten(&mut self, path: &str, v: &Value) {
        let event = FIELDS.iter().any(|&(p, k)| p == path && k == Event);
        match (path, v) {
            (_, Value::String(s)) if event => {
                if s == "none" {
                    self.set(path, "none".into());
                } else {
                    self.set(path, "date".into());
                    self.set(&format!("{path}#date"), s.clone());
                }
            }
            ("conditions.malignancy" | "medications.corticosteroid", Value::String(s)) => {
                self.set(path, s.clone());
            }
            ("conditions.malignancy", Value::Array(rows)) => {
                self.set(path, "list".into());
                self.malignancies = rows.len();
                for (i, row) in rows.iter().enumerate() {
                    self.flatten(&format!("{path}[{i}]"), row);
                }
            }
            ("medications.corticosteroid", Value::Object(_)) => {
                self.set(path, "taking".into());
                self.flatten_object(path, v);
            }
            ("sle.sledai.score", _) => {
                self.set(SLEDAI_MODE, "score".into());
                if let Some(value) = v.as_f64() {
                    self.set(path, number_text(value));
                }
            }
            (_, Value::Array(words)) => {
                if words.is_empty() {
                    self.set(&format!("{path}/none"), "1".into());
                }
                for w in words {
                    if let Value::String(w) = w {
                        self.set(&format!("{path}/{w}"), "1".into());
                    }
                }
            }
            (_, Value::Object(_)) => self.flatten_object(path, v),
            (_, Value::Bool(b)) => self.set(path, b.to_string()),
            (_, Value::Number(n)) => self.set(path, n.as_f64().map(number_text).unwrap_or_default()),
            (_, Value::String(s)) => self.set(path, s.clone()),
            (_, Value::Null) => {}
        }
    }

    fn flatten_object(&mut self, path: &str, v: &Value) {
        if let Value::Object(m) = v {
            for (k, v) in m {
                self.flatten(&format!("{path}.{k}"), v);
            }
        }
    }
}

/// The leaves of one malignancy row.
pub const MALIGNANCY_LEAVES: [&str; 3] = ["type", "date", "adequately_treated"];

/// A loaded number as the page shows it in a field: the shortest text that
/// reads back to it ([`parse_number`] reads it exactly).
fn number_text(value: f64) -> String {
    value.to_string()
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
        // An exponent is read too: a loaded file or the page itself may
        // write 1e-7 (JavaScript's form of 0.0000001).
        && s.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && s.chars().any(|c| c.is_ascii_digit());
    if !plain {
        return None;
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Puts `v` at the dotted `path` of `doc`, creating objects on the way.
fn insert(doc: &mut Map<String, Value>, path: &str, v: Value) {
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

    #[test]
    fn a_draft_round_trips_through_answers() {
        let json = r#"{"schema":"misle-answers/1","screening_date":"2026-11-26",
          "patient":{"sex":"female","weight_kg":70.5,"pregnant":false},
          "sle":{"acr_criteria":[],"sledai":{"items":["arthritis","fever"]},"bilag":{"renal":"B"}},
          "nephritis_therapy":{"mycophenolate_months":7},
          "labs":{"hemoglobin":{"value":11.2,"unit":"g/dL"}},
          "conditions":{"malignancy":[{"type":"other","date":"2020-01-01"}],"herpes_zoster":"none","serious_infection":"2026-08-01"},
          "medications":{"corticosteroid":{"drug":"prednisone","daily_mg":20},"belimumab":"none"}}"#;
        let a = crate::from_json(json).unwrap_or_default();
        let d = Draft::from_answers(&a);
        assert_eq!(d.get("conditions.serious_infection#date"), "2026-08-01");
        let (b, notes) = d.to_answers();
        assert!(notes.is_empty(), "{notes:?}");
        assert!(a.schema.is_some());
        assert_eq!(b.patient, a.patient);
        assert_eq!(b.sle, a.sle);
        assert_eq!(b.labs, a.labs);
        assert_eq!(b.conditions, a.conditions);
        assert_eq!(b.medications, a.medications);
        assert_eq!(b.nephritis_therapy, a.nephritis_therapy);
    }

    #[test]
    fn bad_text_is_noted_and_left_out() {
        let mut d = Draft::default();
        d.set("patient.weight_kg", "heavy".into());
        d.set("labs.hemoglobin.unit", "g/dL".into());
        let (a, notes) = d.to_answers();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].0, "patient.weight_kg");
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
        // The other answer is kept.
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
}
