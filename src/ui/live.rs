//! The computed lines under the questions (age, ACR count, eGFR used,
//! AST/ALT ratios, dose), in words. Pure.

use super::day;
use super::draft::parse_number;
use super::state::Calc;
use crate::engine::fmt::num;
use crate::questions::Live;

/// The words of a computed line; `get` reads a draft key as typed.
#[must_use]
pub fn text(which: Live, c: &Calc, get: impl Fn(&str) -> String) -> String {
    let r = &c.report;
    let d = &r.derived;
    match which {
        Live::Dates => {
            if get("baseline_date").trim().is_empty() || r.baseline_date == r.screening_date {
                format!("Used: screening {}; no infusion date planned, so every window counts back from the screening date.", day(r.screening_date))
            } else {
                format!("Used: screening {}, planned infusion {}.", day(r.screening_date), day(r.baseline_date))
            }
        }
        Live::Age => match d.age_years {
            Some(a) => format!("Age at screening: {a} years (eligible 18 to 65)."),
            None => "Age at screening: not known (eligible 18 to 65).".into(),
        },
        Live::Acr => match d.acr_count {
            Some(n) => format!("{n} of 11 criteria ticked (at least 4 needed)."),
            None => "Not answered yet: tick every criterion ever met, or “None of these”.".into(),
        },
        Live::Egfr => {
            let given = !get("labs.egfr.value").trim().is_empty();
            match (d.egfr, given) {
                (Some(e), true) => format!("eGFR used: {} mL/min/1.73 m² (as given).", num(e)),
                (Some(e), false) => {
                    format!("eGFR used: {} mL/min/1.73 m², CKD-EPI 2021 from creatinine, age and sex.", num(e))
                }
                (None, _) => "eGFR: not known yet (give eGFR, or creatinine with age and sex).".into(),
            }
        }
        Live::Ratio(key) => {
            let name = if key == "ast" { "AST" } else { "ALT" };
            let at = |leaf: &str| parse_number(&get(&format!("labs.{key}.{leaf}")));
            match (at("value"), at("uln")) {
                (Some(v), Some(u)) if u > 0.0 => format!("{name} = {} × ULN (above 4 × ULN excludes).", num(v / u)),
                _ => format!("{name} above 4 × the lab’s upper limit of normal excludes."),
            }
        }
        Live::Dose => {
            let limit = c.answers.patient.as_ref().and_then(|p| p.weight_kg).filter(|w| (20.0..=300.0).contains(w));
            let eq = match d.prednisone_equivalent_mg {
                Some(mg) => format!("Prednisone equivalent: {} mg/day", num(mg)),
                None => "Prednisone equivalent: not known yet (drug and dose)".into(),
            };
            let per_kg = match d.prednisone_mg_per_kg {
                Some(x) => format!("{} mg/kg/day", num(x)),
                None => "mg/kg/day needs the weight".into(),
            };
            let allowed = limit
                .map(|w| format!(" Limit at {} kg: {} mg/day prednisone.", num(w), num(w * 0.5)))
                .unwrap_or_default();
            format!("{eq}; {per_kg} (above 0.5 mg/kg/day excludes).{allowed}")
        }
    }
}
