//! Words and icons for verdicts and outcomes, and what the panel lists.

use crate::engine::answers::Answers;
use crate::engine::fmt::num;
use crate::engine::report::CriterionReport;
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

/// The questions still to answer: each path once, with the criteria it
/// would settle, in the order the form asks them (a clinician works down
/// the form), then any the form does not ask, in the criteria's order.
#[must_use]
pub fn still_to_answer(r: &Report) -> Vec<(String, Vec<&'static str>)> {
    let mut out: Vec<(String, Vec<&'static str>)> = Vec::new();
    for c in r.criteria.iter().filter(|c: &&CriterionReport| c.outcome == Outcome::Unknown) {
        for m in &c.missing {
            match out.iter_mut().find(|(p, _)| p == m) {
                Some((_, ids)) => ids.push(c.id.key()),
                None => out.push((m.clone(), vec![c.id.key()])),
            }
        }
    }
    let asked: Vec<&str> = crate::questions::questions().into_iter().map(|(_, q, _)| q.path).collect();
    // A missing object (`labs.platelets`) is asked where its first field is.
    let place = |path: &str| {
        let under = format!("{path}.");
        asked.iter().position(|q| *q == path || q.starts_with(&under)).unwrap_or(usize::MAX)
    };
    out.sort_by_cached_key(|(p, _)| place(p));
    out
}

#[cfg(test)]
mod tests {
    use super::{conditions, still_to_answer};

    #[test]
    fn what_is_still_to_answer_comes_in_the_forms_order() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        let r = crate::evaluate(&crate::Answers::default(), today);
        let paths: Vec<String> = still_to_answer(&r).into_iter().map(|(p, _)| p).collect();
        let asked: Vec<&str> = crate::questions::questions().into_iter().map(|(_, q, _)| q.path).collect();
        let place =
            |p: &String| asked.iter().position(|q| q == p || q.starts_with(&format!("{p}."))).unwrap_or(usize::MAX);
        let places: Vec<usize> = paths.iter().map(place).collect();
        assert!(places.windows(2).all(|w| w[0] <= w[1]), "{paths:?}");
        // By the criteria, sex came after the malignancy question (E6 after
        // E5) and consent (I6) before the labs; the form asks consent last.
        assert_eq!(paths.first().map(String::as_str), Some("patient.birth_date"));
        assert_eq!(paths.last().map(String::as_str), Some("patient.consent"));
        assert!(paths.iter().all(|p| place(p) < usize::MAX), "{paths:?}");
    }
    use crate::engine::answers::{Corticosteroid, Event, Medications, Patient, Steroid, SteroidDose};

    #[test]
    fn a_not_yet_eligible_verdict_without_a_date_says_what_must_happen_first() {
        let eligible = crate::from_json(include_str!("../../tests/data/eligible.json")).unwrap_or_default();
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
}
