//! Words and icons for verdicts, outcomes and questions.

use crate::engine::report::{Outcome, Verdict};

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
    use super::question_name;

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
