//! [`Answers`] to a [`Value`] tree: the inverse of [`super::read`], in the
//! contract's field order, absent answers left out. A test holds it to what
//! the derived `Answers: Serialize` writes.

use chrono::NaiveDate;

use super::json::Value;
use super::read::Word;
use crate::engine::answers::*;

/// Members of an object being written; absent answers are skipped.
#[derive(Default)]
struct Obj(Vec<(String, Value)>);

impl Obj {
    fn put(mut self, key: &str, v: Option<Value>) -> Self {
        if let Some(v) = v {
            self.0.push((key.to_string(), v));
        }
        self
    }
    fn done(self) -> Value {
        Value::Object(self.0)
    }
}

fn num(x: Option<f64>) -> Option<Value> {
    x.map(|value| Value::Number { value, integer: value.is_finite() && value.fract() == 0.0 })
}
fn boolean(b: Option<bool>) -> Option<Value> {
    b.map(Value::Bool)
}
fn text(s: &str) -> Value {
    Value::String(s.to_string())
}
fn date(d: Option<NaiveDate>) -> Option<Value> {
    d.map(|d| Value::String(d.to_string()))
}
fn word<W: Word>(w: Option<W>) -> Option<Value> {
    w.map(|w| text(w.word()))
}
fn words<W: Word>(list: &Option<Vec<W>>) -> Option<Value> {
    list.as_ref().map(|l| Value::Array(l.iter().map(|w| text(w.word())).collect()))
}
fn event(e: Option<Event>) -> Option<Value> {
    e.map(|e| match e {
        Event::Never => text("none"),
        Event::On(d) => Value::String(d.to_string()),
    })
}

/// The answers as a JSON tree.
#[must_use]
pub fn answers(a: &Answers) -> Value {
    Obj::default()
        .put("schema", a.schema.map(|_| text(ANSWERS_SCHEMA)))
        .put("screening_date", date(a.screening_date))
        .put("baseline_date", date(a.baseline_date))
        .put(
            "patient",
            a.patient.as_ref().map(|p| {
                Obj::default()
                    .put("birth_date", date(p.birth_date))
                    .put("age_years", num(p.age_years))
                    .put("sex", word(p.sex))
                    .put("weight_kg", num(p.weight_kg))
                    .put("childbearing_potential", boolean(p.childbearing_potential))
                    .put("pregnant", boolean(p.pregnant))
                    .put("breastfeeding", boolean(p.breastfeeding))
                    .put("contraception_willing", boolean(p.contraception_willing))
                    .put("consent", boolean(p.consent))
                    .done()
            }),
        )
        .put("sle", a.sle.as_ref().map(sle))
        .put(
            "nephritis_therapy",
            a.nephritis_therapy.as_ref().map(|t| {
                Obj::default()
                    .put("start_date", date(t.start_date))
                    .put("mycophenolate_months", num(t.mycophenolate_months))
                    .put("cyclophosphamide_months", num(t.cyclophosphamide_months))
                    .put("maintenance_after_cyclophosphamide", word(t.maintenance_after_cyclophosphamide))
                    .done()
            }),
        )
        .put("labs", a.labs.as_ref().map(labs))
        .put("conditions", a.conditions.as_ref().map(conditions))
        .put(
            "medications",
            a.medications.as_ref().map(|m| {
                Obj::default()
                    .put(
                        "corticosteroid",
                        m.corticosteroid.as_ref().map(|c| match c {
                            Corticosteroid::Never => text("none"),
                            Corticosteroid::Taking(d) => {
                                Obj::default().put("drug", word(d.drug)).put("daily_mg", num(d.daily_mg)).done()
                            }
                        }),
                    )
                    .put("immunosuppressant_change", event(m.immunosuppressant_change))
                    .put("experimental_agent", event(m.experimental_agent))
                    .put("belimumab", event(m.belimumab))
                    .put("b_cell_depletion", event(m.b_cell_depletion))
                    .done()
            }),
        )
        .done()
}

fn sle(s: &Sle) -> Value {
    Obj::default()
        .put("acr_criteria", words(&s.acr_criteria))
        .put("ana", s.ana.as_ref().map(|t| Obj::default().put("titer", num(t.titer)).put("date", date(t.date)).done()))
        .put(
            "anti_dsdna",
            s.anti_dsdna
                .as_ref()
                .map(|t| Obj::default().put("positive", boolean(t.positive)).put("date", date(t.date)).done()),
        )
        .put(
            "sledai",
            s.sledai.as_ref().map(|x| Obj::default().put("score", num(x.score)).put("items", words(&x.items)).done()),
        )
        .put(
            "bilag",
            s.bilag
                .as_ref()
                .map(|b| BilagDomain::ALL.iter().fold(Obj::default(), |o, &d| o.put(d.key(), word(b.grade(d)))).done()),
        )
        .put("standard_of_care", boolean(s.standard_of_care))
        .done()
}

fn labs(l: &Labs) -> Value {
    fn measured<U: Word>(m: &Option<Measured<U>>) -> Option<Value> {
        m.as_ref().map(|m| Obj::default().put("value", num(m.value)).put("unit", word(m.unit)).done())
    }
    fn enzyme(e: &Option<Enzyme>) -> Option<Value> {
        e.as_ref().map(|e| Obj::default().put("value", num(e.value)).put("uln", num(e.uln)).done())
    }
    Obj::default()
        .put("egfr", l.egfr.as_ref().map(|e| Obj::default().put("value", num(e.value)).done()))
        .put("creatinine", measured(&l.creatinine))
        .put("wbc", measured(&l.wbc))
        .put("hemoglobin", measured(&l.hemoglobin))
        .put("platelets", measured(&l.platelets))
        .put("ast", enzyme(&l.ast))
        .put("alt", enzyme(&l.alt))
        .done()
}

fn conditions(c: &Conditions) -> Value {
    Obj::default()
        .put("active_cns_lupus", boolean(c.active_cns_lupus))
        .put("nephritis_dialysis", boolean(c.nephritis_dialysis))
        .put("hiv", boolean(c.hiv))
        .put("hepatitis_b", boolean(c.hepatitis_b))
        .put("hepatitis_c", boolean(c.hepatitis_c))
        .put("tuberculosis", boolean(c.tuberculosis))
        .put("cxr_tb_or_fungal", boolean(c.cxr_tb_or_fungal))
        .put("renal_transplant", boolean(c.renal_transplant))
        .put("significant_ekg_cxr", boolean(c.significant_ekg_cxr))
        .put("steroid_comorbidity", boolean(c.steroid_comorbidity))
        .put(
            "malignancy",
            c.malignancy.as_ref().map(|m| match m {
                MalignancyHistory::Never => text("none"),
                MalignancyHistory::Entries(list) => Value::Array(
                    list.iter()
                        .map(|e| {
                            Obj::default()
                                .put("type", word(e.kind))
                                .put("date", date(e.date))
                                .put("adequately_treated", boolean(e.adequately_treated))
                                .done()
                        })
                        .collect(),
                ),
            }),
        )
        .put("herpes_zoster", event(c.herpes_zoster))
        .put("serious_infection", event(c.serious_infection))
        .put("substance_abuse_current", boolean(c.substance_abuse_current))
        .put("substance_abuse_last", event(c.substance_abuse_last))
        .done()
}

/// The report as a JSON tree, in the contract's shape (section 3).
#[must_use]
pub fn report(r: &crate::engine::report::Report) -> Value {
    let date_or_null = |d: Option<NaiveDate>| date(d).unwrap_or(Value::Null);
    let num_or_null = |x: Option<f64>| num(x).unwrap_or(Value::Null);
    let count = |x: Option<u64>| x.map_or(Value::Null, |n| Value::Number { value: n as f64, integer: true });
    let criteria = r
        .criteria
        .iter()
        .map(|c| {
            Obj::default()
                .put("id", Some(text(c.id.key())))
                .put(
                    "kind",
                    Some(text(match c.kind {
                        crate::engine::criteria::Kind::Inclusion => "inclusion",
                        crate::engine::criteria::Kind::Exclusion => "exclusion",
                    })),
                )
                .put("outcome", Some(text(c.outcome.key())))
                .put("clears_on", Some(date_or_null(c.clears_on)))
                .put("reason", Some(text(&c.reason)))
                .put("missing", Some(Value::Array(c.missing.iter().map(|m| text(m)).collect())))
                .done()
        })
        .collect();
    let d = &r.derived;
    let derived = Obj::default()
        .put("age_years", Some(num_or_null(d.age_years.map(|a| a as f64))))
        .put("acr_count", Some(count(d.acr_count.map(|n| n as u64))))
        .put("sledai_score", Some(count(d.sledai_score.map(u64::from))))
        .put("egfr", Some(num_or_null(d.egfr)))
        .put("prednisone_equivalent_mg", Some(num_or_null(d.prednisone_equivalent_mg)))
        .put("prednisone_mg_per_kg", Some(num_or_null(d.prednisone_mg_per_kg)))
        .done();
    let errors = r
        .errors
        .iter()
        .map(|e| Obj::default().put("path", Some(text(&e.path))).put("message", Some(text(&e.message))).done())
        .collect();
    Obj::default()
        .put("schema", Some(text(r.schema)))
        .put("verdict", Some(text(r.verdict.key())))
        .put("eligible_from", Some(date_or_null(r.eligible_from)))
        .put("screening_date", Some(Value::String(r.screening_date.to_string())))
        .put("baseline_date", Some(Value::String(r.baseline_date.to_string())))
        .put("criteria", Some(Value::Array(criteria)))
        .put("derived", Some(derived))
        .put("errors", Some(Value::Array(errors)))
        .done()
}
