//! Words and icons for verdicts, outcomes and questions.

use crate::engine::answers::Answers;
use crate::engine::fmt::num;
use crate::engine::report::{Outcome, Report, Verdict};
use crate::ui::ymd;

/// What must happen before a not-yet-eligible patient can be referred:
/// "once ..." for each temporary failure without a date (from the
/// criterion's `until` words), and "from <date>" for the dated ones when
/// no single date covers them all. Empty for other verdicts, and when
/// `eligible_from` says it all.
#[must_use]
pub fn conditions(r: &Report, a: &Answers) -> Vec<String> {
    if r.verdict != Verdict::NotYetEligible || r.eligible_from.is_some() {
        return Vec::new();
    }
    let fails = || r.criteria.iter().filter(|c| c.outcome == Outcome::Fail && c.temporary);
    let mut out: Vec<String> = fails()
        .filter(|c| c.clears_on.is_none())
        .map(|c| {
            let dose = match a.patient.as_ref().and_then(|p| p.weight_kg).filter(|w| (20.0..=300.0).contains(w)) {
                Some(w) => format!("{} mg/day (0.5 mg/kg/day at {} kg)", num(0.5 * w), num(w)),
                None => "0.5 mg/kg/day".to_string(),
            };
            let until = c.id.until().unwrap_or("it clears").replace("{dose}", &dose);
            format!("once {until} ({})", c.id.key())
        })
        .collect();
    let dated: Vec<_> = fails().filter_map(|c| c.clears_on.map(|d| (d, c.id.key()))).collect();
    if let Some((latest, _)) = dated.iter().max() {
        let ids: Vec<&str> = dated.iter().map(|(_, id)| *id).collect();
        out.push(format!("from {} ({})", ymd(*latest), ids.join(", ")));
    }
    out
}

/// Icon and words of a verdict (the colour is never alone).
#[must_use]
pub fn verdict_words(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::PotentiallyEligible => ("✓", "Potentially eligible"),
        Verdict::NotYetEligible => ("◷", "Not yet eligible"),
        Verdict::Incomplete => ("?", "Incomplete: answers needed"),
        Verdict::NotEligible => ("✗", "Not eligible"),
    }
}

/// Icon and words of a criterion's outcome.
#[must_use]
pub fn outcome_words(o: Outcome) -> (&'static str, &'static str) {
    match o {
        Outcome::Pass => ("✓", "passes"),
        Outcome::Fail => ("✗", "fails"),
        Outcome::Unknown => ("?", "unknown"),
        Outcome::SiteReview => ("⚑", "site review"),
    }
}

/// The question that answers `path`, in words.
#[must_use]
pub fn question_name(path: &str) -> String {
    const NAMES: &[(&str, &str)] = &[
        ("screening_date", "Screening date"),
        ("baseline_date", "Planned baseline date"),
        ("patient.birth_date", "Birth date (or age)"),
        ("patient.age_years", "Age"),
        ("patient.sex", "Sex"),
        ("patient.weight_kg", "Weight"),
        ("patient.childbearing_potential", "Childbearing potential"),
        ("patient.pregnant", "Pregnant"),
        ("patient.breastfeeding", "Breastfeeding"),
        ("patient.contraception_willing", "Willing to use contraception"),
        ("patient.consent", "Informed consent"),
        ("sle.acr_criteria", "ACR criteria"),
        ("sle.ana", "ANA test"),
        ("sle.anti_dsdna", "Anti-dsDNA test"),
        ("sle.sledai", "SLEDAI-2K"),
        ("sle.bilag", "BILAG-2004 grades"),
        ("sle.standard_of_care", "Active despite standard of care"),
        ("nephritis_therapy", "Nephritis therapy"),
        ("nephritis_therapy.ongoing", "Nephritis therapy continuing"),
        ("labs.egfr", "eGFR (or creatinine)"),
        ("labs.creatinine", "Creatinine"),
        ("labs.wbc", "White blood cells"),
        ("labs.hemoglobin", "Hemoglobin"),
        ("labs.platelets", "Platelets"),
        ("labs.ast", "AST"),
        ("labs.alt", "ALT"),
        ("conditions.active_cns_lupus", "Active CNS lupus"),
        ("conditions.nephritis_dialysis", "Nephritis requiring dialysis"),
        ("conditions.hiv", "HIV"),
        ("conditions.hepatitis_b", "Hepatitis B"),
        ("conditions.hepatitis_c", "Hepatitis C"),
        ("conditions.tuberculosis", "Tuberculosis"),
        ("conditions.cxr_tb_or_fungal", "Chest X-ray for TB or fungal infection"),
        ("conditions.renal_transplant", "Renal transplant"),
        ("conditions.significant_ekg_cxr", "EKG or chest X-ray changes"),
        ("conditions.steroid_comorbidity", "Comorbidity needing corticosteroids"),
        ("conditions.malignancy", "Malignancy"),
        ("conditions.herpes_zoster", "Herpes zoster"),
        ("conditions.serious_infection", "Serious infection"),
        ("conditions.substance_abuse_current", "Current substance abuse"),
        ("conditions.substance_abuse_last", "Past substance abuse"),
        ("medications.corticosteroid", "Corticosteroid"),
        ("medications.immunosuppressant_change", "Immunosuppressant change"),
        ("medications.experimental_agent", "Experimental agent"),
        ("medications.belimumab", "Belimumab"),
        ("medications.b_cell_depletion", "B-cell depleting biologic"),
    ];
    // The longest known prefix names the question; the rest is added.
    // (No allocation per candidate: this runs for every link of the panel
    // on every change.)
    let best = NAMES
        .iter()
        .filter_map(|(p, name)| {
            let rest = path.strip_prefix(p)?;
            (rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')).then_some((p.len(), name, rest))
        })
        .max_by_key(|(len, _, _)| *len);
    match best {
        Some((_, name, rest)) if !rest.is_empty() => {
            format!("{name}: {}", rest.trim_start_matches('.').replace('_', " "))
        }
        Some((_, name, _)) => (*name).to_string(),
        None => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{conditions, question_name};
    use crate::engine::answers::{Corticosteroid, Event, Medications, Patient, Steroid, SteroidDose};

    #[test]
    fn a_not_yet_eligible_verdict_without_a_date_says_what_must_happen_first() {
        let eligible = crate::from_json(include_str!("../../../tests/data/eligible.json")).unwrap_or_default();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        let on_prednisone = |mg: f64, weight: Option<f64>| {
            let mut a = eligible.clone();
            a.patient = Some(Patient { weight_kg: weight, ..a.patient.clone().unwrap_or_default() });
            a.medications = Some(Medications {
                corticosteroid: Some(Corticosteroid::Taking(SteroidDose {
                    drug: Some(Steroid::Prednisone),
                    daily_mg: Some(mg),
                })),
                ..a.medications.clone().unwrap_or_default()
            });
            a
        };
        let a = on_prednisone(40.0, Some(64.0));
        let r = crate::evaluate(&a, today);
        assert_eq!(
            conditions(&r, &a),
            ["once prednisone (or equivalent) is at most 32 mg/day (0.5 mg/kg/day at 64 kg) for the month before the infusion (E12)"]
        );
        // With a dated failure too: both, the date with its criterion.
        let mut b = a.clone();
        if let Some(m) = b.medications.as_mut() {
            m.belimumab = Some(Event::On(chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default()));
        }
        let r = crate::evaluate(&b, today);
        let said = conditions(&r, &b);
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said[0].starts_with("once prednisone") && said[1] == "from 2027-01-02 (E14)", "{said:?}");
        // A dated failure alone: eligible_from says it, no conditions.
        let mut c = eligible.clone();
        c.medications = b.medications.clone().map(|m| Medications { corticosteroid: Some(Corticosteroid::Never), ..m });
        let r = crate::evaluate(&c, today);
        assert!(r.eligible_from.is_some() && conditions(&r, &c).is_empty());
        // Eligible: nothing to say.
        assert!(conditions(&crate::evaluate(&eligible, today), &eligible).is_empty());
    }

    #[test]
    fn questions_are_named_by_their_longest_known_prefix() {
        for (path, name) in [
            ("conditions.hiv", "HIV"),
            ("labs.ast.uln", "AST: uln"),
            ("sle.bilag.renal", "BILAG-2004 grades: renal"),
            ("nephritis_therapy.start_date", "Nephritis therapy: start date"),
            ("conditions.malignancy[0].date", "Malignancy: [0].date"),
            ("patient.age_years", "Age"),
            // A prefix that is not a whole path segment does not name it.
            ("labs.egfrx", "labs.egfrx"),
            ("unknown", "unknown"),
        ] {
            assert_eq!(question_name(path), name, "{path}");
        }
    }
}
