//! The questionnaire as data: sections of questions in clinical order, each
//! question with its answer path, words, hint and kind, and the gates that
//! show the blocks asked only sometimes.
//!
//! One table for the trial ([`SECTIONS`]): the page renders it
//! (`src/ui`), the page's draft turns what was typed into answers by it
//! (`src/ui/draft.rs`), and the panel names questions by it. A question is
//! declared once, here. Nothing in this module depends on the page.

pub mod draft;
pub mod lists;
mod table;

pub use table::{GROUPS, INSTEAD, SECTIONS};

/// `(value, words shown)` pairs of a choice.
pub type Options = &'static [(&'static str, &'static str)];

/// One box of a word list: the contract word, its name, its definition.
pub type Check = (&'static str, &'static str, &'static str);

/// How a question is answered, and so what its answer is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A number typed as text, with its unit ("" for none).
    Number(&'static str),
    /// A date, `YYYY-MM-DD`.
    Date,
    /// Yes, no or not known: a boolean.
    YesNo,
    /// One word of a few, as radios, then "Not known" (`""`).
    Radios(Options),
    /// One word of many, as a select with an empty option (its words).
    Select(Options, &'static str),
    /// A number chosen from a list (ANA titers), as a select.
    NumberSelect(Options, &'static str),
    /// `"none"`, or a date: radios with these words for "none" and "a
    /// date", and a date input.
    Event(&'static str, &'static str),
    /// A list of words, as checkboxes: the words, whether a "none of these"
    /// box answers the empty list, whether SLEDAI-2K weights are shown.
    Checks(&'static [Check], bool, bool),
    /// `"none"`, or what the questions behind the gate give (`Gate::Listing`:
    /// the malignancy rows; `Gate::Taking`: a dose): radios with the words
    /// of `"none"` and of the other answer, whose value opens the gate.
    NoneOr(&'static str, &'static str, Gate),
}

/// A question.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Question {
    /// The answer path (`labs.hemoglobin.value`).
    pub path: &'static str,
    /// The label or legend.
    pub label: &'static str,
    /// A short name for links in the panel ("" to use the label).
    pub name: &'static str,
    /// A hint under the question ("" for none).
    pub hint: &'static str,
    /// How it is answered.
    pub kind: Kind,
}

impl Question {
    /// The words a link to this question shows.
    #[must_use]
    pub fn name(&self) -> &'static str {
        if self.name.is_empty() {
            self.label
        } else {
            self.name
        }
    }
}

/// When a block is shown. A gate reads the answer of one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// Female.
    Female,
    /// Of childbearing potential.
    Potential,
    /// Renal BILAG A or B.
    Renal,
    /// SLEDAI-2K entered as its descriptors (the default).
    SledaiItems,
    /// SLEDAI-2K entered as a score.
    SledaiScore,
    /// Malignancies listed.
    Listing,
    /// A corticosteroid taken.
    Taking,
}

/// The draft key of the SLEDAI-2K input mode: `""` or `"items"` (the
/// descriptors), `"score"`, or `"both"` (only after loading a document that
/// gives both, until the clinician chooses).
pub const SLEDAI_MODE: &str = "#sledai-mode";

impl Gate {
    /// Whether the gate is open, given the draft text of a key.
    pub fn open(self, get: impl Fn(&str) -> String) -> bool {
        match self {
            Gate::Female => get("patient.sex") == "female",
            Gate::Potential => get("patient.childbearing_potential") == "true",
            Gate::Renal => matches!(get("sle.bilag.renal").as_str(), "A" | "B"),
            Gate::SledaiItems => get(SLEDAI_MODE) != "score",
            Gate::SledaiScore => matches!(get(SLEDAI_MODE).as_str(), "score" | "both"),
            Gate::Listing | Gate::Taking => get(self.key()) == self.value(),
        }
    }

    /// The answer that opens the gate.
    #[must_use]
    pub fn value(self) -> &'static str {
        match self {
            Gate::Female => "female",
            Gate::Potential => "true",
            Gate::Renal => "A",
            Gate::SledaiItems => "items",
            Gate::SledaiScore => "score",
            Gate::Listing => "list",
            Gate::Taking => "taking",
        }
    }

    /// The draft key the gate reads.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Gate::Female => "patient.sex",
            Gate::Potential => "patient.childbearing_potential",
            Gate::Renal => "sle.bilag.renal",
            Gate::SledaiItems | Gate::SledaiScore => SLEDAI_MODE,
            Gate::Listing => "conditions.malignancy",
            Gate::Taking => "medications.corticosteroid",
        }
    }
}

/// A computed line under the questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Live {
    /// The dates used.
    Dates,
    /// Age at screening.
    Age,
    /// ACR criteria count.
    Acr,
    /// The eGFR used.
    Egfr,
    /// AST or ALT as a multiple of the upper limit of normal (`"ast"`).
    Ratio(&'static str),
    /// Corticosteroid dose.
    Dose,
}

impl Live {
    /// The element id of the line (`live-dose`).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Live::Dates => "live-dates",
            Live::Age => "live-age",
            Live::Acr => "live-acr",
            Live::Egfr => "live-egfr",
            Live::Ratio("ast") => "live-ast",
            Live::Ratio(_) => "live-alt",
            Live::Dose => "live-dose",
        }
    }
}

/// A piece of the questionnaire.
#[derive(Debug)]
pub enum Item {
    /// A question.
    Q(Question),
    /// A sub-heading.
    H3(&'static str),
    /// A hint paragraph.
    Hint(&'static str),
    /// The registry's words of a criterion, verbatim, beside the questions
    /// that answer it.
    Registry(crate::engine::criteria::CriterionId),
    /// A block laid out with a class (`row`, `grid`, `lab`).
    Div(&'static str, &'static [Item]),
    /// Items shown only while the gate is open.
    When(Gate, &'static [Item]),
    /// A computed line.
    Live(Live),
    /// The SLEDAI-2K input mode (descriptors or score).
    SledaiMode,
    /// The SLEDAI-2K running total.
    SledaiTotal,
    /// The malignancy rows: type, date, adequately treated.
    Malignancies,
    /// A button that answers, in one click, every question of its section
    /// still unanswered and of the kind [`Rest`] names, with the value
    /// given, until undone: its words, which questions, the value.
    AnswerRest(&'static str, Rest, &'static str),
}

/// Which unanswered questions an [`Item::AnswerRest`] answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rest {
    /// The BILAG-2004 grades.
    Grades,
    /// The yes/no questions.
    YesNo,
}

impl Rest {
    /// Whether `q` is one of these questions.
    #[must_use]
    pub fn takes(self, q: &Question) -> bool {
        match self {
            Rest::Grades => q.kind == Kind::Select(lists::GRADES, "not known"),
            Rest::YesNo => q.kind == Kind::YesNo,
        }
    }
}

/// A section: its `data-section` word, heading, gate and items.
#[derive(Debug)]
pub struct Section {
    /// The `data-section` word (`labs`).
    pub key: &'static str,
    /// The heading.
    pub title: &'static str,
    /// The gate of a section asked only sometimes.
    pub gate: Option<Gate>,
    /// What it asks.
    pub items: &'static [Item],
}

/// The leaves of one malignancy row, and how each is answered.
pub const MALIGNANCY_LEAVES: [(&str, Kind); 3] = [
    ("type", Kind::Select(lists::MALIGNANCY_TYPES, "not known")),
    ("date", Kind::Date),
    ("adequately_treated", Kind::YesNo),
];

/// Calls `f` with every item of `list` and of the blocks inside it, in page
/// order, whatever the gates, with the gates it is behind (outermost
/// first).
pub fn each(list: &'static [Item], gates: &mut Vec<Gate>, f: &mut impl FnMut(&'static Item, &[Gate])) {
    for it in list {
        f(it, gates);
        match it {
            Item::Div(_, inner) => each(inner, gates, f),
            Item::When(g, inner) => {
                gates.push(*g);
                each(inner, gates, f);
                gates.pop();
            }
            _ => {}
        }
    }
}

/// Every question of the table, in page order, with its section and the
/// gates it is behind (the section's first).
#[must_use]
pub fn questions() -> Vec<(&'static Section, &'static Question, Vec<Gate>)> {
    let mut out = Vec::new();
    for s in SECTIONS {
        let mut gates: Vec<Gate> = s.gate.into_iter().collect();
        each(s.items, &mut gates, &mut |it, g| {
            if let Item::Q(q) = it {
                out.push((s, q, g.to_vec()));
            }
        });
    }
    out
}

/// The question answering `path`, when the table has one.
#[must_use]
pub fn question(path: &str) -> Option<&'static Question> {
    let mut found = None;
    for s in SECTIONS {
        each(s.items, &mut Vec::new(), &mut |it, _| {
            if let Item::Q(q) = it {
                if q.path == path && found.is_none() {
                    found = Some(q);
                }
            }
        });
    }
    found
}

/// The question that answers `path`, in words: a question's name; a group
/// of questions' name (`labs.platelets`: "Platelets"); a malignancy row's
/// leaf (`conditions.malignancy[1].date`: "Malignancy 2: date"); else the
/// longest known prefix's name and the rest of the path.
#[must_use]
pub fn name(path: &str) -> String {
    if let Some(q) = question(path) {
        return q.name().to_string();
    }
    if let Some((_, n)) = GROUPS.iter().find(|(p, _)| *p == path) {
        return (*n).to_string();
    }
    if let Some(rest) = path.strip_prefix("conditions.malignancy[") {
        if let Some((i, leaf)) = rest.split_once("].") {
            if let Ok(i) = i.parse::<usize>() {
                return format!("Malignancy {}: {}", i + 1, leaf.replace('_', " "));
            }
        }
    }
    // The longest known prefix names the question; the rest is added.
    let known = GROUPS.iter().map(|(p, n)| (*p, *n)).chain(questions().into_iter().map(|(_, q, _)| (q.path, q.name())));
    let best = known
        .filter_map(|(p, n)| {
            let rest = path.strip_prefix(p)?;
            (rest.starts_with('.') || rest.starts_with('[')).then_some((p.len(), n, rest))
        })
        .max_by_key(|(len, _, _)| *len);
    match best {
        Some((_, n, rest)) => format!("{n}: {}", rest.trim_start_matches('.').replace('_', " ")),
        None => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_is_declared_once_with_words() {
        let all = questions();
        assert!(all.len() > 60, "{}", all.len());
        for (i, (s, q, _)) in all.iter().enumerate() {
            assert!(!q.label.is_empty(), "{} has no label", q.path);
            assert!(!all[..i].iter().any(|(_, p, _)| p.path == q.path), "{} is asked twice", q.path);
            assert!(!s.key.is_empty());
        }
        let keys: Vec<&str> = SECTIONS.iter().map(|s| s.key).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(k), "section {k} twice");
        }
    }

    #[test]
    fn gated_blocks_read_the_question_they_depend_on() {
        for (_, q, gates) in questions() {
            for g in gates {
                assert!(question(g.key()).is_some() || g.key() == SLEDAI_MODE, "{:?} reads {}", g, g.key());
                assert_ne!(g.key(), q.path, "{} is behind its own gate", q.path);
            }
        }
        let pregnant = questions().into_iter().find(|(_, q, _)| q.path == "patient.pregnant").map(|(_, _, g)| g);
        assert_eq!(pregnant, Some(vec![Gate::Female]));
        let willing = questions().into_iter().find(|(_, q, _)| q.path == "patient.contraception_willing");
        assert_eq!(willing.map(|(_, _, g)| g), Some(vec![Gate::Female, Gate::Potential]));
    }

    #[test]
    fn questions_are_named_for_links() {
        for (path, want) in [
            ("conditions.hiv", "HIV"),
            ("labs.ast.uln", "AST upper limit of normal"),
            ("labs.platelets", "Platelets"),
            ("sle.bilag", "BILAG-2004 grades"),
            ("sle.bilag.renal", "Renal BILAG grade"),
            ("nephritis_therapy.ongoing", "Nephritis therapy continuing"),
            ("conditions.malignancy[0].date", "Malignancy 1: date"),
            ("sle.ana", "ANA test"),
            // A prefix that is not a whole path segment does not name it.
            ("labs.egfrx", "labs.egfrx"),
            ("unknown", "unknown"),
        ] {
            assert_eq!(name(path), want, "{path}");
        }
    }
}
