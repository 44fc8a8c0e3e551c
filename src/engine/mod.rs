//! The eligibility engine: answers in, report out.
//!
//! This module tree imports only std, chrono and serde, and never reads a
//! clock: "today" is a parameter. It could become its own crate unchanged.

pub mod answers;
pub mod calc;
pub mod criteria;
mod finding;
pub mod fmt;
pub mod logic;
pub mod report;
mod rules;
mod validate;
pub mod window;

use chrono::NaiveDate;

use answers::Answers;
use criteria::CriterionId;
use logic::Tri;
use report::{CriterionReport, Derived, Outcome, Report, Verdict, REPORT_SCHEMA};
use rules::{Age, Ctx};

/// Evaluates every criterion for `answers`.
///
/// `today` is used only when `answers.screening_date` is absent. Values that
/// cannot be true are reported in `errors` and treated as absent. Never
/// panics.
#[must_use]
pub fn evaluate(answers: &Answers, today: NaiveDate) -> Report {
    let screening = answers.screening_date.unwrap_or(today);
    let (clean, baseline, errors) = validate::validate(answers, screening);

    let patient = clean.patient.as_ref();
    let age = match (patient.and_then(|p| p.birth_date), patient.and_then(|p| p.age_years)) {
        (Some(birth), _) => calc::age_on(birth, screening).map(|years| Age { years, birth: Some(birth) }),
        // Validated: a whole number in 0..=120.
        (None, Some(years)) => Some(Age { years: years as i64, birth: None }),
        (None, None) => None,
    };
    let cx = Ctx { a: &clean, screening, baseline, age };

    let criteria: Vec<CriterionReport> = CriterionId::ALL
        .iter()
        .map(|&id| {
            let f = rules::rule(id, &cx);
            let outcome = match (id, f.pass) {
                (CriterionId::E11, _) => Outcome::SiteReview,
                (_, Tri::True) => Outcome::Pass,
                (_, Tri::False) => Outcome::Fail,
                (_, Tri::Unknown) => Outcome::Unknown,
            };
            let fail = outcome == Outcome::Fail;
            CriterionReport {
                id,
                kind: id.kind(),
                outcome,
                clears_on: if fail { f.clears_on } else { None },
                temporary: fail && f.temporary,
                // An unknown shows the values already read beside what it
                // still needs: the basis a clinician checks. (`known` is
                // filled for an unknown finding only: `Finding::known`.)
                reason: if !f.known.is_empty() {
                    format!("{} Known: {}.", f.reason.trim_end(), f.known.join("; "))
                } else {
                    f.reason
                },
                missing: if outcome == Outcome::Unknown { f.missing } else { Vec::new() },
            }
        })
        .collect();

    let (verdict, eligible_from) = verdict(&criteria, !errors.is_empty());

    let sle = clean.sle.as_ref();
    let (prednisone_equivalent_mg, prednisone_mg_per_kg) = rules::steroid_dose(&cx);
    let derived = Derived {
        age_years: age.map(|a| a.years),
        acr_count: sle.and_then(|s| s.acr_criteria.as_ref()).map(Vec::len),
        sledai_score: sle.and_then(|s| s.sledai.as_ref()).and_then(|s| match (s.score, &s.items) {
            // Validated: a whole number in 0..=105.
            (Some(x), _) => Some(x as u32),
            (None, Some(items)) => Some(calc::sledai_total(items)),
            (None, None) => None,
        }),
        egfr: rules::egfr(&cx).1,
        prednisone_equivalent_mg,
        prednisone_mg_per_kg,
    };

    Report {
        schema: REPORT_SCHEMA,
        verdict,
        eligible_from,
        screening_date: screening,
        baseline_date: baseline,
        criteria,
        derived,
        errors,
    }
}

/// The verdict from the criteria (contract section 5), capped at
/// `incomplete` when any answer was in error: `not_eligible` when some
/// failing criterion is not temporary; `not_yet_eligible` when every
/// failing one is, from the latest `clears_on` when every one has a date.
fn verdict(criteria: &[CriterionReport], has_errors: bool) -> (Verdict, Option<NaiveDate>) {
    let failing: Vec<&CriterionReport> = criteria.iter().filter(|c| c.outcome == Outcome::Fail).collect();
    if failing.iter().any(|c| !c.temporary) {
        return (Verdict::NotEligible, None);
    }
    if !failing.is_empty() {
        let clears: Option<Vec<NaiveDate>> = failing.iter().map(|c| c.clears_on).collect();
        return (Verdict::NotYetEligible, clears.and_then(|c| c.into_iter().max()));
    }
    if has_errors || criteria.iter().any(|c| c.outcome == Outcome::Unknown) {
        (Verdict::Incomplete, None)
    } else {
        (Verdict::PotentiallyEligible, None)
    }
}
