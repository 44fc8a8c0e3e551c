//! The referral summary, pure: the verdict's headline, the answers in
//! clinical words section by section, the short prose for an EHR note
//! ("Copy summary") and the full list ("Copy full list"). The printed
//! letter (`letter.rs`) shows the same pieces.

use super::draft::{row_path, Draft};
use super::state::{Calc, Source};
use super::words::{still_to_answer, verdict_words};
use super::{day, readable};
use crate::engine::criteria::CriterionId;
use crate::engine::fmt::num;
use crate::engine::report::{Outcome, Report, Verdict};
use crate::questions::{self, Item, Kind, Question, MALIGNANCY_LEAVES, SECTIONS, SLEDAI_MODE};

/// The verdict in words, as the panel, the letter and the copied summary
/// say it: "Not yet eligible: earliest infusion 16 Feb 2027 (E14 ...)".
#[must_use]
pub fn headline(r: &Report) -> String {
    let (_, words) = verdict_words(r.verdict);
    let named = |id: CriterionId| format!("{} {}", id.key(), id.title());
    match r.verdict {
        Verdict::NotYetEligible => match (r.eligible_from, deciding(r)) {
            (Some(d), Some(id)) => {
                let when = if id.from_baseline() { "earliest infusion" } else { "earliest screening" };
                format!("{words}: {when} {} ({})", day(d), named(id))
            }
            _ => words.to_string(),
        },
        Verdict::NotEligible => {
            let ids: Vec<String> =
                r.criteria.iter().filter(|c| c.outcome == Outcome::Fail && !c.temporary).map(|c| named(c.id)).collect();
            format!("{words} ({})", ids.join("; "))
        }
        Verdict::Incomplete => {
            let n = still_to_answer(r).len();
            let check = r.errors.len();
            let mut parts = Vec::new();
            if n > 0 {
                parts.push(format!("{n} {} missing", if n == 1 { "answer" } else { "answers" }));
            }
            if check > 0 {
                parts.push(format!("{check} to check"));
            }
            format!("Incomplete: {}", parts.join(", "))
        }
        Verdict::PotentiallyEligible => words.to_string(),
    }
}

/// The criterion whose date is the verdict's `eligible_from` (the last to
/// clear).
#[must_use]
pub fn deciding(r: &Report) -> Option<CriterionId> {
    let from = r.eligible_from?;
    r.criteria.iter().find(|c| c.outcome == Outcome::Fail && c.clears_on == Some(from)).map(|c| c.id)
}

/// What the dates are counted from, when the draft did not give them:
/// "no infusion date planned; windows counted from screening".
#[must_use]
pub fn dates_said(r: &Report, d: &Draft) -> String {
    let planned = !d.get("baseline_date").trim().is_empty() && r.baseline_date != r.screening_date;
    if planned {
        format!("Screening {}; planned infusion {}.", day(r.screening_date), day(r.baseline_date))
    } else {
        format!(
            "Screening {}; no infusion date planned, so every window is counted from the screening date.",
            day(r.screening_date)
        )
    }
}

/// Words of an option of `options`, without what the page adds in
/// parentheses (`Prednisone (5 mg)` is `Prednisone`).
fn option_words(options: &[(&str, &'static str)], v: &str) -> String {
    options
        .iter()
        .find(|(o, _)| *o == v)
        .map_or_else(|| v.to_string(), |(_, w)| w.split(" (").next().unwrap_or(w).to_string())
}

/// A question's answer in clinical words, from the draft, or `None` when
/// not answered. A lab value comes with its unit (its unit question is then
/// not listed apart).
fn answer_words(q: &Question, path: &str, d: &Draft) -> Option<String> {
    let raw = d.get(path).trim().to_string();
    let words = match q.kind {
        Kind::Checks(items, _, weights) => {
            let prefix = format!("{path}/");
            if !d.vals.iter().any(|(k, _)| k.starts_with(&prefix)) {
                return None;
            }
            let names: Vec<String> = items
                .iter()
                .filter(|(w, _, _)| d.ticked(path, w))
                .map(|(w, name, _)| {
                    if weights {
                        let weight = serde_json::from_value(serde_json::Value::String((*w).to_string()))
                            .map_or(0, crate::engine::calc::sledai_weight);
                        format!("{name} ({weight})")
                    } else {
                        (*name).to_string()
                    }
                })
                .collect();
            if names.is_empty() {
                "none".to_string()
            } else {
                names.join(", ")
            }
        }
        _ if raw.is_empty() => return None,
        Kind::Number(unit) => {
            // The number as read (what the engine used): a text that is not
            // a number is not listed, it is among the answers to check.
            let raw = super::draft::parse_number(&raw)?.to_string();
            let unit_path = path.strip_suffix(".value").map(|p| format!("{p}.unit"));
            let unit = match unit_path.as_deref().and_then(questions::question) {
                Some(Question { kind: Kind::Radios(options), .. }) => {
                    let u = d.get(unit_path.as_deref().unwrap_or_default());
                    if u.is_empty() {
                        "(unit not given)".to_string()
                    } else {
                        option_words(options, u)
                    }
                }
                _ => unit.to_string(),
            };
            format!("{raw} {unit}").trim().to_string()
        }
        Kind::Date => super::draft::parse_date_text(&raw).map_or(raw.clone(), day),
        Kind::YesNo => option_words(super::question::YES_NO, &raw),
        Kind::Radios(options) | Kind::Select(options, _) => option_words(options, &raw),
        Kind::NumberSelect(options, _) => option_words(options, &raw),
        Kind::Event(none, _) => match raw.as_str() {
            "none" => none.to_string(),
            _ => {
                let on = d.get(&format!("{path}#date"));
                super::draft::parse_date_text(on).map_or_else(|| format!("on {on}"), |x| format!("on {}", day(x)))
            }
        },
        Kind::NoneOr(none, other, gate) => {
            if raw == gate.value() {
                other.trim_end_matches(": list each").to_string()
            } else {
                none.to_string()
            }
        }
    };
    Some(words)
}

/// A section's heading and its answered questions' `(label, answer)` lines.
pub type SectionLines = (&'static str, Vec<(String, String)>);

/// The answers of the draft in clinical words, section by section: each
/// answered question's label and answer (unit questions go with their
/// value; malignancy rows are listed one by one).
#[must_use]
pub fn answer_lines(d: &Draft) -> Vec<SectionLines> {
    let mut out = Vec::new();
    for s in SECTIONS {
        let mut lines = Vec::new();
        questions::each(s.items, &mut Vec::new(), &mut |it, _| match it {
            Item::Q(q) if q.path.ends_with(".unit") => {}
            Item::Q(q) => {
                if let Some(w) = answer_words(q, q.path, d) {
                    lines.push((q.name().to_string(), w));
                }
            }
            Item::SledaiMode => {
                let mode = d.get(SLEDAI_MODE);
                if mode == "both" {
                    lines.push(("SLEDAI-2K".to_string(), "given both as a score and as descriptors".to_string()));
                }
            }
            Item::Malignancies => {
                for i in 0..d.malignancies {
                    let parts: Vec<String> = MALIGNANCY_LEAVES
                        .iter()
                        .filter_map(|(leaf, kind)| {
                            let q = Question { path: "", label: "", name: "", hint: "", kind: *kind };
                            let w = answer_words(&q, &row_path(i, leaf), d)?;
                            Some(if *leaf == "adequately_treated" { format!("adequately treated: {w}") } else { w })
                        })
                        .collect();
                    lines.push((format!("Malignancy {}", i + 1), parts.join(", ")));
                }
            }
            _ => {}
        });
        if !lines.is_empty() {
            out.push((s.title, lines));
        }
    }
    out
}

/// The failing criteria with their reasons (dates in words).
fn reasons(r: &Report) -> Vec<String> {
    r.criteria
        .iter()
        .filter(|c| c.outcome == Outcome::Fail)
        .map(|c| {
            let until = match (c.clears_on, c.temporary) {
                (Some(d), _) => format!(" Clears on {}.", day(d)),
                (None, true) => " Can clear without a date (see the reason).".to_string(),
                (None, false) => String::new(),
            };
            format!("{} {}: {}{until}", c.id.key(), c.id.title(), readable(&c.reason))
        })
        .collect()
}

/// The key values, in a line each for the patient, disease, labs and
/// medications ("Patient: woman, 34 years, 64 kg.").
fn key_values(c: &Calc) -> Vec<String> {
    let a = &c.answers;
    let d = &c.report.derived;
    let p = a.patient.as_ref();
    let mut patient = Vec::new();
    match p.and_then(|p| p.sex) {
        Some(crate::engine::answers::Sex::Female) => patient.push("woman".to_string()),
        Some(crate::engine::answers::Sex::Male) => patient.push("man".to_string()),
        None => {}
    }
    if let Some(age) = d.age_years {
        patient.push(format!("{age} years"));
    }
    if let Some(w) = p.and_then(|p| p.weight_kg) {
        patient.push(format!("{} kg", num(w)));
    }
    let sle = a.sle.as_ref();
    let mut disease = Vec::new();
    if let Some(n) = d.acr_count {
        disease.push(format!("{n} of 11 ACR criteria"));
    }
    if let Some(s) = d.sledai_score {
        disease.push(format!("SLEDAI-2K {s}"));
    }
    if let Some(b) = sle.and_then(|s| s.bilag.as_ref()) {
        let active: Vec<String> = crate::engine::answers::BilagDomain::ALL
            .iter()
            .filter_map(|&dom| match b.grade(dom) {
                Some(g @ (crate::engine::answers::Grade::A | crate::engine::answers::Grade::B)) => {
                    Some(format!("{} {g:?}", dom.key()))
                }
                _ => None,
            })
            .collect();
        disease.push(if active.is_empty() {
            "no BILAG A or B".to_string()
        } else {
            format!("BILAG {}", active.join(", "))
        });
    }
    if let Some(ana) = sle.and_then(|s| s.ana.as_ref()) {
        let titer = ana.titer.map(|t| if t <= 0.0 { "negative".to_string() } else { format!("1:{}", num(t)) });
        disease.push(format!(
            "ANA {}{}",
            titer.unwrap_or_else(|| "titer not given".into()),
            ana.date.map(|x| format!(" ({})", day(x))).unwrap_or_default()
        ));
    }
    if let Some(ds) = sle.and_then(|s| s.anti_dsdna.as_ref()) {
        let res = match ds.positive {
            Some(true) => "positive",
            Some(false) => "negative",
            None => "result not given",
        };
        disease.push(format!("anti-dsDNA {res}{}", ds.date.map(|x| format!(" ({})", day(x))).unwrap_or_default()));
    }
    let mut labs = Vec::new();
    if let Some(e) = d.egfr {
        // The engine uses the eGFR given, else (or when it is in error) its
        // CKD-EPI 2021 from creatinine: say which.
        let given = a.labs.as_ref().and_then(|l| l.egfr.as_ref()).and_then(|g| g.value) == Some(e);
        let how = if given { "" } else { " (CKD-EPI 2021, from creatinine)" };
        labs.push(format!("eGFR {} mL/min/1.73 m²{how}", num(e)));
    }
    let mut meds = Vec::new();
    if let Some(mg) = d.prednisone_equivalent_mg {
        let per_kg = d.prednisone_mg_per_kg.map(|x| format!(" ({} mg/kg/day)", num(x))).unwrap_or_default();
        meds.push(format!("prednisone-equivalent {} mg/day{per_kg}", num(mg)));
    }
    let mut out = Vec::new();
    for (what, parts) in [("Patient", patient), ("Lupus", disease), ("Labs", labs), ("Medications", meds)] {
        if !parts.is_empty() {
            out.push(format!("{what}: {}.", parts.join("; ")));
        }
    }
    out
}

/// The labs as typed, in clinicians' units ("hemoglobin 11.2 g/dL").
fn lab_words(d: &Draft) -> Vec<String> {
    let mut out = Vec::new();
    for (path, name) in [
        ("labs.wbc.value", "WBC"),
        ("labs.hemoglobin.value", "hemoglobin"),
        ("labs.platelets.value", "platelets"),
        ("labs.creatinine.value", "creatinine"),
    ] {
        if let Some(q) = questions::question(path) {
            if let Some(w) = answer_words(q, path, d) {
                out.push(format!("{name} {w}"));
            }
        }
    }
    out
}

/// "Copy summary": about ten lines of prose for an EHR note: the verdict,
/// its reasons, the dates used, key values with their dates, what is
/// missing, and the trial's caveats.
#[must_use]
pub fn prose(c: &Calc, d: &Draft, record: &[String]) -> String {
    let r = &c.report;
    let mut lines = vec![format!("MiSLE trial (NCT02633163) pre-screening: {}.", headline(r))];
    let why = reasons(r);
    if !why.is_empty() {
        lines.push(format!("Why: {}", why.join(" ")));
    }
    let until = super::words::conditions(r, &c.answers);
    if !until.is_empty() {
        lines.push(format!("First: {}.", readable(&until.join("; and "))));
    }
    lines.push(dates_said(r, d));
    let mut values = key_values(c);
    let labs = lab_words(d);
    if !labs.is_empty() {
        match values.iter_mut().find(|l| l.starts_with("Labs: ")) {
            Some(l) => *l = format!("{}; {}.", l.trim_end_matches('.'), labs.join("; ")),
            None => values.push(format!("Labs: {}.", labs.join("; "))),
        }
    }
    lines.extend(values);
    if !record.is_empty() {
        lines.push(format!("From the patient's record: {}.", record.join("; ")));
    }
    let missing: Vec<String> = still_to_answer(r).into_iter().map(|(p, _)| questions::name(&p)).collect();
    if !missing.is_empty() {
        lines.push(format!("Still to answer: {}.", missing.join("; ")));
    }
    if !c.notes.is_empty() {
        let checks: Vec<String> =
            c.notes.iter().map(|(p, m)| format!("{}: {}", questions::name(p), readable(m))).collect();
        lines.push(format!("To check: {}.", checks.join("; ")));
    }
    lines.push(format!("E11 ({}) is for the site to decide.", CriterionId::E11.title()));
    lines.push(RECRUITMENT.to_string());
    lines.join("\n") + "\n"
}

/// What the answers still hold of a FHIR Bundle's prefill: each source
/// note (answer path, "From the record: …", fields filled) whose fields
/// still hold the values the record gave, without its "From the record: ".
/// The referral then says which values came from the record, of which
/// date and code, as the page does beside each field.
#[must_use]
pub fn record_lines(sources: &[Source], d: &Draft) -> Vec<String> {
    sources
        .iter()
        .filter(|(_, _, filled)| filled.iter().all(|(k, v)| d.get(k) == v))
        .map(|(_, note, _)| note.strip_prefix("From the record: ").unwrap_or(note).to_string())
        .collect()
}

/// The recruitment caveat, in one sentence.
pub const RECRUITMENT: &str = "Recruitment status must be confirmed with the study team: the registry record was last verified in February 2024, and 2025 listings show the trial as active, not recruiting, or completed.";

/// "Copy full list": the headline, reasons and dates, every criterion with
/// its outcome and values, and every answer in clinical words.
#[must_use]
pub fn full_text(c: &Calc, d: &Draft, record: &[String]) -> String {
    let r = &c.report;
    let mut s = format!("MiSLE trial (NCT02633163) pre-screening\n{}\n{}\n", headline(r), dates_said(r, d));
    for why in reasons(r) {
        s.push_str(&format!("- {why}\n"));
    }
    s.push_str("\nCriteria:\n");
    for cr in &r.criteria {
        let (mark, words) = super::words::outcome_words(cr.outcome);
        s.push_str(&format!("{mark} {} {} – {words}: {}\n", cr.id.key(), cr.id.title(), readable(&cr.reason)));
    }
    s.push_str("\nAnswers:\n");
    for (section, lines) in answer_lines(d) {
        s.push_str(&format!("{section}\n"));
        for (q, a) in lines {
            s.push_str(&format!("  {q}: {a}\n"));
        }
    }
    if !record.is_empty() {
        s.push_str("\nFrom the patient's record:\n");
        for line in record {
            s.push_str(&format!("- {line}\n"));
        }
    }
    s.push('\n');
    s.push_str(RECRUITMENT);
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_is_named_only_for_values_that_are_still_the_records() {
        let filled = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect();
        let sources: Vec<Source> = vec![
            (
                "labs.creatinine.value".to_string(),
                "From the record: creatinine 0.9 mg/dL on 10 Nov 2026, LOINC 2160-0".to_string(),
                filled(&[("labs.creatinine.unit", "mg/dL"), ("labs.creatinine.value", "0.9")]),
            ),
            (
                "patient.sex".to_string(),
                "From the record: sex female, Patient.gender".to_string(),
                filled(&[("patient.sex", "female")]),
            ),
        ];
        let mut d = Draft::default();
        d.set("labs.creatinine.value", "0.9".to_string());
        d.set("labs.creatinine.unit", "mg/dL".to_string());
        d.set("patient.sex", "female".to_string());
        assert_eq!(
            record_lines(&sources, &d),
            ["creatinine 0.9 mg/dL on 10 Nov 2026, LOINC 2160-0", "sex female, Patient.gender"]
        );
        // The unit changed by the clinician: no longer the record's.
        d.set("labs.creatinine.unit", "umol/L".to_string());
        assert_eq!(record_lines(&sources, &d), ["sex female, Patient.gender"]);
        d.set("labs.creatinine.unit", "mg/dL".to_string());
        // The value edited: no longer the record's either.
        d.set("labs.creatinine.value", "1.4".to_string());
        assert_eq!(record_lines(&sources, &d), ["sex female, Patient.gender"]);
        // Cleared: not the record's either.
        d.set("patient.sex", String::new());
        assert!(record_lines(&sources, &d).is_empty());
    }

    #[test]
    fn the_copied_texts_say_what_came_from_the_record() {
        let d = Draft::default();
        let c = Calc::of(&d, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default());
        let record = vec!["creatinine 0.9 mg/dL on 10 Nov 2026, LOINC 2160-0".to_string()];
        assert!(prose(&c, &d, &record)
            .contains("\nFrom the patient's record: creatinine 0.9 mg/dL on 10 Nov 2026, LOINC 2160-0.\n"));
        assert!(full_text(&c, &d, &record)
            .contains("\nFrom the patient's record:\n- creatinine 0.9 mg/dL on 10 Nov 2026, LOINC 2160-0\n"));
        assert!(!prose(&c, &d, &[]).contains("record:"));
        assert!(!full_text(&c, &d, &[]).contains("record:"));
    }
}
