//! The questionnaire as a FHIR `Questionnaire`, generated from the question
//! table (`crate::questions`), never written by hand. The build writes it
//! to `fhir/questionnaire.json` (`examples/questionnaire.rs`); the engine
//! module's `questionnaire()` returns the same.
//!
//! One `group` per section (linkId: its `data-section` word), one item per
//! question (linkId: its answer path). How the contract's compound answers
//! are modelled for SDC form fillers (see `docs/fhir.md`):
//! - an event (`"none"` or a date): a `choice` at its path (codes `none`,
//!   `date`) and a `date` item at `path#date`, enabled when the choice is
//!   `date`;
//! - SLEDAI-2K: a `choice` at `sle.sledai#mode` (`items`, `score`) enabling
//!   the descriptors (`sle.sledai.items`) or the score;
//! - a word list: a repeating `choice`; the code `none` answers the empty
//!   list ("none of these");
//! - malignancies: a `choice` at `conditions.malignancy` (`none`, `list`)
//!   and a repeating group `conditions.malignancy[]` of `type`, `date` and
//!   `adequately_treated` items (`conditions.malignancy[].date`);
//! - a corticosteroid: a `choice` (`none`, `taking`) enabling the drug and
//!   the dose.

use super::{
    AnswerOption, Coding, EnableWhen, Extension, Questionnaire, QuestionnaireItem, CODES, MALIGNANCY_ROW,
    QUESTIONNAIRE_URL, SLEDAI_MODE_LINK,
};
use crate::engine::answers::ANSWERS_SCHEMA;
use crate::questions::{each, Gate, Item, Kind, Question, MALIGNANCY_LEAVES, SECTIONS};

const LOINC: &str = "http://loinc.org";
const UCUM: &str = "http://unitsofmeasure.org";
const UNIT_EXTENSION: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";

/// The LOINC codes of a question (`clinical-reference.md`, "Codes").
fn loinc(path: &str) -> &'static [(&'static str, &'static str)] {
    match path {
        "labs.egfr.value" => &[("98979-8", "eGFR (CKD-EPI 2021)")],
        "labs.creatinine.value" => &[("2160-0", "Creatinine [Mass/volume]"), ("14682-9", "Creatinine [Moles/volume]")],
        "labs.wbc.value" => &[("6690-2", "Leukocytes [#/volume]")],
        "labs.hemoglobin.value" => &[("718-7", "Hemoglobin [Mass/volume]"), ("59260-0", "Hemoglobin [Moles/volume]")],
        "labs.platelets.value" => &[("777-3", "Platelets [#/volume]")],
        "labs.ast.value" => &[("1920-8", "AST")],
        "labs.alt.value" => &[("1742-6", "ALT")],
        "sle.ana.titer" => &[("5048-4", "ANA titer")],
        "sle.anti_dsdna.positive" => &[("5130-0", "dsDNA Ab")],
        _ => &[],
    }
}

/// Numbers that are whole (`integer` items).
pub(crate) fn whole(path: &str) -> bool {
    matches!(path, "patient.age_years" | "sle.sledai.score" | "sle.ana.titer")
}

/// The UCUM code of a unit the page shows after a number.
fn ucum(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "kg" => "kg",
        "years" => "a",
        "months" => "mo",
        "U/L" => "U/L",
        "mg/day" => "mg/d",
        "mL/min/1.73 m²" => "mL/min/{1.73_m2}",
        _ => return None,
    })
}

/// The codes of a choice, the page's words as display.
fn options(opts: &[(&str, &str)]) -> Vec<AnswerOption> {
    opts.iter()
        .filter(|(v, _)| !v.is_empty())
        .map(|(v, w)| AnswerOption { value_coding: Coding::of(CODES, v, w) })
        .collect()
}

/// `enableWhen` of a gate: the question it reads, and the answer that
/// opens it.
fn enable(gate: Gate) -> Vec<EnableWhen> {
    let coded = |q: &str, code: &str, display: &str| EnableWhen {
        question: q.into(),
        operator: "=".into(),
        answer_coding: Some(Coding::of(CODES, code, display)),
        answer_boolean: None,
    };
    match gate {
        Gate::Female => vec![coded("patient.sex", "female", "Female")],
        Gate::Potential => vec![EnableWhen {
            question: "patient.childbearing_potential".into(),
            operator: "=".into(),
            answer_coding: None,
            answer_boolean: Some(true),
        }],
        Gate::Renal => vec![coded("sle.bilag.renal", "A", "A"), coded("sle.bilag.renal", "B", "B")],
        Gate::SledaiItems => vec![coded(SLEDAI_MODE_LINK, "items", "Descriptors")],
        Gate::SledaiScore => vec![coded(SLEDAI_MODE_LINK, "score", "Total score")],
        Gate::Listing => vec![coded("conditions.malignancy", "list", "Yes")],
        Gate::Taking => vec![coded("medications.corticosteroid", "taking", "Yes")],
    }
}

/// Sets the `enableWhen` of `item` for the gates it is behind (all must
/// be open; a gate with two answers, renal A or B, is any of them).
fn gated(mut item: QuestionnaireItem, gates: &[Gate]) -> QuestionnaireItem {
    match gates {
        [] => {}
        [g] => {
            item.enable_when = enable(*g);
            if item.enable_when.len() > 1 {
                item.enable_behavior = Some("any".into());
            }
        }
        _ => {
            // Nested gates: each has one answer (only a section's gate, renal, has two).
            item.enable_when = gates.iter().flat_map(|g| enable(*g)).collect();
            item.enable_behavior = Some("all".into());
        }
    }
    item
}

/// Whether a question's label makes sense only beside the questions around
/// it on the page (`Unit`, `Or age`, a BILAG domain's name, `Lab’s upper
/// limit of normal`, the corticosteroid's `Drug`): a form filler shows an
/// item alone, so its text is then the question's short name, which the
/// panel's links already use out of context (`Creatinine unit`, `Age`,
/// `Renal BILAG grade`, `AST upper limit of normal`, `Corticosteroid drug`).
fn leans_on_the_page(q: &Question) -> bool {
    q.label == "Unit"
        || q.label.starts_with("Or ")
        || q.path.ends_with(".uln")
        || q.path.starts_with("sle.bilag.")
        || q.path.starts_with("medications.corticosteroid.")
        || (q.path.starts_with("nephritis_therapy.") && !q.label.ends_with('?'))
}

/// A question's item (and, for an event, its date item).
fn question_items(q: &Question, link_id: &str, gates: &[Gate]) -> Vec<QuestionnaireItem> {
    let text = if leans_on_the_page(q) { q.name() } else { q.label };
    let mut it = QuestionnaireItem { link_id: link_id.into(), text: Some(text.into()), ..Default::default() };
    it.code = loinc(q.path).iter().map(|(c, d)| Coding::of(LOINC, c, d)).collect();
    let mut more = Vec::new();
    match q.kind {
        Kind::Number(unit) => {
            it.kind = if whole(q.path) { "integer" } else { "decimal" }.into();
            if let Some(code) = ucum(unit) {
                it.extension =
                    vec![Extension { url: UNIT_EXTENSION.into(), value_coding: Some(Coding::of(UCUM, code, unit)) }];
            }
        }
        Kind::NumberSelect(..) => {
            it.kind = "integer".into();
            it.text = Some(format!("{text}: the denominator (160 for 1:160; 0 for negative)"));
        }
        Kind::Date => it.kind = "date".into(),
        Kind::YesNo => it.kind = "boolean".into(),
        Kind::Radios(opts) | Kind::Select(opts, _) => {
            it.kind = "choice".into();
            it.answer_option = options(opts);
        }
        Kind::Checks(words, _, _) => {
            it.kind = "choice".into();
            it.repeats = true;
            it.answer_option =
                words.iter().map(|(w, name, _)| AnswerOption { value_coding: Coding::of(CODES, w, name) }).collect();
            it.answer_option.push(AnswerOption { value_coding: Coding::of(CODES, "none", "None of these") });
        }
        Kind::Event(none, dated) => {
            it.kind = "choice".into();
            it.answer_option = options(&[("none", none), ("date", dated)]);
            // The choice is itself gated, and an item reading a disabled
            // question is disabled with it (SDC): one condition suffices.
            more.push(QuestionnaireItem {
                link_id: format!("{link_id}#date"),
                text: Some(format!("{text}: date")),
                kind: "date".into(),
                enable_when: vec![EnableWhen {
                    question: link_id.into(),
                    operator: "=".into(),
                    answer_coding: Some(Coding::of(CODES, "date", dated)),
                    answer_boolean: None,
                }],
                ..Default::default()
            });
        }
        Kind::NoneOr(none, other, gate) => {
            it.kind = "choice".into();
            it.answer_option = options(&[("none", none), (gate.value(), other)]);
        }
    }
    let mut out = vec![gated(it, gates)];
    out.extend(more);
    out
}

/// The questionnaire, from the question table.
#[must_use]
pub fn questionnaire() -> Questionnaire {
    let item = SECTIONS
        .iter()
        .map(|s| {
            let mut items = Vec::new();
            each(s.items, &mut Vec::new(), &mut |it, gates| match it {
                Item::Q(q) => items.extend(question_items(q, q.path, gates)),
                Item::SledaiMode => items.push(gated(
                    QuestionnaireItem {
                        link_id: SLEDAI_MODE_LINK.into(),
                        text: Some("Enter SLEDAI-2K as".into()),
                        kind: "choice".into(),
                        answer_option: options(&[("items", "Descriptors"), ("score", "Total score")]),
                        ..Default::default()
                    },
                    gates,
                )),
                Item::Malignancies => {
                    let rows = MALIGNANCY_LEAVES
                        .iter()
                        .flat_map(|(leaf, kind)| {
                            let q = Question { path: "", label: leaf_words(leaf), name: "", hint: "", kind: *kind };
                            question_items(&q, &format!("{MALIGNANCY_ROW}.{leaf}"), &[])
                        })
                        .collect();
                    items.push(gated(
                        QuestionnaireItem {
                            link_id: MALIGNANCY_ROW.into(),
                            text: Some("Malignancy".into()),
                            kind: "group".into(),
                            repeats: true,
                            item: rows,
                            ..Default::default()
                        },
                        gates,
                    ));
                }
                _ => {}
            });
            let group = QuestionnaireItem {
                link_id: s.key.into(),
                text: Some(s.title.into()),
                kind: "group".into(),
                item: items,
                ..Default::default()
            };
            match s.gate {
                Some(g) => gated(group, &[g]),
                None => group,
            }
        })
        .collect();
    Questionnaire {
        resource_type: "Questionnaire".into(),
        url: QUESTIONNAIRE_URL.into(),
        version: ANSWERS_SCHEMA.into(),
        name: "MiSLEPreScreening".into(),
        title: "MiSLE trial pre-screening (NCT02633163)".into(),
        status: "active".into(),
        subject_type: vec!["Patient".into()],
        item,
    }
}

/// The words of a malignancy row's leaf.
fn leaf_words(leaf: &str) -> &'static str {
    match leaf {
        "type" => "Type",
        "date" => "Diagnosis or last treatment, whichever is later",
        _ => "Adequately treated?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(items: &[QuestionnaireItem], out: &mut Vec<QuestionnaireItem>) {
        for it in items {
            out.push(it.clone());
            all(&it.item, out);
        }
    }

    #[test]
    fn every_question_is_one_item_at_its_path_and_link_ids_are_unique() {
        let q = questionnaire();
        let mut items = Vec::new();
        all(&q.item, &mut items);
        for (i, it) in items.iter().enumerate() {
            assert!(!items[..i].iter().any(|o| o.link_id == it.link_id), "{} twice", it.link_id);
        }
        for (_, question, _) in crate::questions::questions() {
            assert!(items.iter().any(|it| it.link_id == question.path), "{} has no item", question.path);
        }
        let sections: Vec<&str> = q.item.iter().map(|g| g.link_id.as_str()).collect();
        assert_eq!(sections, SECTIONS.iter().map(|s| s.key).collect::<Vec<_>>());
        assert!(q.item.iter().all(|g| g.kind == "group"));
    }

    #[test]
    fn items_carry_their_types_codes_units_and_gates() {
        let q = questionnaire();
        let mut items = Vec::new();
        all(&q.item, &mut items);
        let at = |id: &str| items.iter().find(|it| it.link_id == id).cloned().unwrap_or_default();
        assert_eq!(at("labs.hemoglobin.value").kind, "decimal");
        assert_eq!(at("labs.hemoglobin.value").code[0].code.as_deref(), Some("718-7"));
        assert_eq!(at("labs.hemoglobin.unit").kind, "choice");
        // A label that leans on the page around it gives way to the short name.
        for (id, text) in [
            ("labs.hemoglobin.unit", "Hemoglobin unit"),
            ("labs.ast.uln", "AST upper limit of normal"),
            ("patient.age_years", "Age"),
            ("sle.bilag.renal", "Renal BILAG grade"),
            ("medications.corticosteroid.drug", "Corticosteroid drug"),
            ("nephritis_therapy.mycophenolate_months", "Months of mycophenolate"),
            ("conditions.hiv", "HIV positive?"),
            ("labs.creatinine.value", "Serum creatinine (for CKD-EPI 2021)"),
        ] {
            assert_eq!(at(id).text.as_deref(), Some(text), "{id}");
        }
        assert_eq!(at("patient.age_years").kind, "integer");
        assert_eq!(
            at("patient.weight_kg").extension[0].value_coding.as_ref().and_then(|c| c.code.as_deref()),
            Some("kg")
        );
        assert_eq!(at("conditions.hiv").kind, "boolean");
        assert!(at("sle.acr_criteria").repeats);
        assert_eq!(at("conditions.herpes_zoster#date").enable_when[0].question, "conditions.herpes_zoster");
        assert_eq!(at("reproductive").enable_when[0].question, "patient.sex");
        assert_eq!(at("nephritis").enable_behavior.as_deref(), Some("any"));
        let willing = at("patient.contraception_willing");
        assert_eq!(willing.enable_when[0].answer_boolean, Some(true));
        assert!(at("conditions.malignancy[]").repeats);
        assert_eq!(at("conditions.malignancy[].date").kind, "date");
        assert_eq!(at("medications.corticosteroid.drug").enable_when[0].question, "medications.corticosteroid");
        // The choices are the page's words, under the page's code system.
        let sex: Vec<_> = at("patient.sex").answer_option.iter().filter_map(|o| o.value_coding.code.clone()).collect();
        assert_eq!(sex, ["female", "male"]);
        // Every enableWhen reads an item of the questionnaire.
        for it in &items {
            for e in &it.enable_when {
                assert!(items.iter().any(|o| o.link_id == e.question), "{} reads {}", it.link_id, e.question);
            }
        }
    }
}
