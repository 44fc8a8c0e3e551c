//! Values that parse but cannot be true (contract section 6).
//!
//! Each bad value is reported with its path and a plain message and then
//! removed alone, so the rules see it as absent; a list with a duplicate is
//! removed whole. The rules never see a value that failed here.

use chrono::NaiveDate;

use super::answers::{
    Answers, Corticosteroid, CountUnit, Egfr, Enzyme, Event, HemoglobinUnit, MalignancyHistory, Measured,
};
use super::calc;
use super::fmt::{num, num_small};
use super::report::FieldError;

/// The oldest age the engine believes.
const MAX_AGE: i64 = 120;

/// Collects errors while clearing the values in error.
struct Checker {
    screening: NaiveDate,
    errors: Vec<FieldError>,
}

impl Checker {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError { path: path.into(), message: message.into() });
    }

    /// Clears a number that is not finite or that `check` rejects (`check`
    /// returns the message).
    fn number(&mut self, value: &mut Option<f64>, path: &str, what: &str, check: impl Fn(f64) -> Option<String>) {
        let Some(v) = *value else { return };
        let problem = if v.is_finite() { check(v) } else { Some(format!("{what} is not a finite number")) };
        if let Some(message) = problem {
            self.error(path, message);
            *value = None;
        }
    }

    /// Clears a date after the screening date.
    fn not_after_screening(&mut self, date: &mut Option<NaiveDate>, path: &str, what: &str) {
        if let Some(d) = *date {
            if d > self.screening {
                self.error(path, format!("{what} {d} is after the screening date {}", self.screening));
                *date = None;
            }
        }
    }

    fn event(&mut self, event: &mut Option<Event>, path: &str, what: &str) {
        if let Some(Event::On(d)) = *event {
            if d > self.screening {
                self.error(path, format!("{what} {d} is after the screening date {}", self.screening));
                *event = None;
            }
        }
    }

    /// Removes a list that names an entry twice, naming the first entry
    /// that repeats an earlier one. Sorts positions rather than comparing
    /// each entry with all earlier ones: a list of 70,000 entries (1 MB)
    /// takes milliseconds, not seconds.
    fn no_duplicates<T: Ord>(&mut self, list: &mut Option<Vec<T>>, path: &str) {
        let Some(items) = list else { return };
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&a, &b| items[a].cmp(&items[b]).then(a.cmp(&b)));
        // In each run of equal entries (in list order) all but the first repeat it.
        let repeated = order.windows(2).filter(|w| items[w[0]] == items[w[1]]).map(|w| w[1]).min();
        if let Some(i) = repeated {
            self.error(path, format!("entry {} repeats an earlier entry", i + 1));
            *list = None;
        }
    }

    /// A cell count, plausible between `min` and `max` x10^9/L after
    /// conversion (contract 6 and 8.1: a count typed in the wrong unit is an
    /// error at the value, never an E3 failure).
    fn count(&mut self, lab: &mut Option<Measured<CountUnit>>, path: &str, what: &str, min: f64, max: f64) {
        let Some(lab) = lab else { return };
        let unit = lab.unit;
        let value_path = format!("{path}.value");
        self.number(&mut lab.value, &value_path, what, |v| {
            if v <= 0.0 {
                return Some(format!("{what} {} must be above 0", num(v)));
            }
            let unit = unit?;
            let per_nl = calc::count_per_nl(v, unit);
            let as_given = match unit {
                CountUnit::PerNanoliter => format!("{what} {} x10^9/L", num(per_nl)),
                CountUnit::ThousandPerMicroliter => format!("{what} {} x10^3/uL", num(v)),
                CountUnit::PerMicroliter => format!("{what} {} /uL = {} x10^9/L", num(v), num_small(per_nl)),
            };
            if !calc::at_least(per_nl, min) {
                Some(format!("{as_given} is implausibly low (below {} x10^9/L): check the unit", num(min)))
            } else if !calc::at_most(per_nl, max) {
                Some(format!("{as_given} is above {} x10^9/L: check the unit", num(max)))
            } else {
                None
            }
        });
    }

    fn enzyme(&mut self, lab: &mut Option<Enzyme>, path: &str, what: &str) {
        let Some(lab) = lab else { return };
        self.number(&mut lab.value, &format!("{path}.value"), what, |v| {
            (v < 0.0).then(|| format!("{what} {} is negative", num(v)))
        });
        self.number(&mut lab.uln, &format!("{path}.uln"), &format!("{what} upper limit of normal"), |v| {
            (v <= 0.0).then(|| format!("{what} upper limit of normal {} must be above 0", num(v)))
        });
    }
}

/// Reports and removes every value in error. Returns the answers the rules
/// may trust, the baseline date to use, and the errors in document order.
pub(crate) fn validate(answers: &Answers, screening: NaiveDate) -> (Answers, NaiveDate, Vec<FieldError>) {
    let mut a = answers.clone();
    let mut c = Checker { screening, errors: Vec::new() };

    let mut baseline = screening;
    if let Some(b) = a.baseline_date {
        if b < screening {
            c.error("baseline_date", format!("baseline date {b} is before the screening date {screening}"));
            a.baseline_date = None;
        } else {
            baseline = b;
        }
    }

    if let Some(p) = a.patient.as_mut() {
        if let Some(birth) = p.birth_date {
            if birth > screening {
                c.error("patient.birth_date", format!("birth date {birth} is after the screening date {screening}"));
                p.birth_date = None;
            } else if let Some(age) = calc::age_on(birth, screening).filter(|age| *age > MAX_AGE) {
                c.error(
                    "patient.birth_date",
                    format!("birth date {birth} gives age {age}, above {MAX_AGE}; check the year"),
                );
                p.birth_date = None;
            }
        }
        c.number(&mut p.age_years, "patient.age_years", "age", |v| {
            if !(0.0..=MAX_AGE as f64).contains(&v) {
                Some(format!("age {} is outside 0-{MAX_AGE} years", num(v)))
            } else if v.fract() != 0.0 {
                Some(format!("age {} is not a whole number of years", num(v)))
            } else {
                None
            }
        });
        c.number(&mut p.weight_kg, "patient.weight_kg", "weight", |v| {
            (!(20.0..=300.0).contains(&v)).then(|| format!("weight {} kg is outside 20-300 kg", num(v)))
        });
    }

    if let Some(s) = a.sle.as_mut() {
        c.no_duplicates(&mut s.acr_criteria, "sle.acr_criteria");
        if let Some(ana) = s.ana.as_mut() {
            c.number(&mut ana.titer, "sle.ana.titer", "ana titer", |v| {
                (v < 0.0).then(|| format!("ana titer {} is negative", num(v)))
            });
            c.not_after_screening(&mut ana.date, "sle.ana.date", "ana test date");
        }
        if let Some(ds) = s.anti_dsdna.as_mut() {
            c.not_after_screening(&mut ds.date, "sle.anti_dsdna.date", "anti-dsdna test date");
        }
        if let Some(sledai) = s.sledai.as_mut() {
            if sledai.score.is_some() && sledai.items.is_some() {
                c.error("sle.sledai", "give either a sledai score or its items, not both");
                s.sledai = None;
            } else {
                c.number(&mut sledai.score, "sle.sledai.score", "sledai score", |v| {
                    if !(0.0..=105.0).contains(&v) {
                        Some(format!("sledai score {} is outside 0-105", num(v)))
                    } else if v.fract() != 0.0 {
                        Some(format!("sledai score {} is not a whole number", num(v)))
                    } else {
                        None
                    }
                });
                c.no_duplicates(&mut sledai.items, "sle.sledai.items");
            }
        }
    }

    if let Some(t) = a.nephritis_therapy.as_mut() {
        c.not_after_screening(&mut t.start_date, "nephritis_therapy.start_date", "nephritis therapy start date");
        for (value, path, what) in [
            (&mut t.mycophenolate_months, "nephritis_therapy.mycophenolate_months", "mycophenolate months"),
            (&mut t.cyclophosphamide_months, "nephritis_therapy.cyclophosphamide_months", "cyclophosphamide months"),
        ] {
            c.number(value, path, what, |v| {
                (!(0.0..=600.0).contains(&v)).then(|| format!("{what} {} is outside 0-600", num(v)))
            });
        }
    }

    if let Some(l) = a.labs.as_mut() {
        if let Some(Egfr { value }) = l.egfr.as_mut() {
            c.number(value, "labs.egfr.value", "egfr", |v| {
                (v <= 0.0 || v > 200.0).then(|| format!("egfr {} is outside 0-200 mL/min/1.73 m2", num(v)))
            });
        }
        if let Some(cr) = l.creatinine.as_mut() {
            let unit = cr.unit;
            c.number(&mut cr.value, "labs.creatinine.value", "creatinine", |v| {
                if v <= 0.0 {
                    return Some(format!("creatinine {} must be above 0", num(v)));
                }
                let mg = calc::creatinine_mg_dl(v, unit?);
                (!(calc::at_least(mg, 0.1) && calc::at_most(mg, 30.0)))
                    .then(|| format!("creatinine {} mg/dL is outside 0.1-30 mg/dL; check the unit", num(mg)))
            });
        }
        c.count(&mut l.wbc, "labs.wbc", "wbc", 0.1, 500.0);
        c.count(&mut l.platelets, "labs.platelets", "platelets", 1.0, 2000.0);
        if let Some(hb) = l.hemoglobin.as_mut() {
            let unit = hb.unit;
            c.number(&mut hb.value, "labs.hemoglobin.value", "hemoglobin", |v| {
                if v <= 0.0 {
                    return Some(format!("hemoglobin {} must be above 0", num(v)));
                }
                let unit = unit?;
                let g_dl = calc::hemoglobin_g_dl(v, unit);
                let as_given = match unit {
                    HemoglobinUnit::GPerDl => format!("hemoglobin {} g/dL", num(v)),
                    HemoglobinUnit::GPerL => format!("hemoglobin {} g/L = {} g/dL", num(v), num_small(g_dl)),
                    HemoglobinUnit::MmolPerL => format!("hemoglobin {} mmol/L = {} g/dL", num(v), num_small(g_dl)),
                };
                if !calc::at_least(g_dl, 3.0) {
                    Some(format!("{as_given} is implausibly low (below 3 g/dL): check the unit"))
                } else if !calc::at_most(g_dl, 25.0) {
                    Some(format!("{as_given} is above 25 g/dL: check the unit"))
                } else {
                    None
                }
            });
        }
        c.enzyme(&mut l.ast, "labs.ast", "ast");
        c.enzyme(&mut l.alt, "labs.alt", "alt");
    }

    if let Some(k) = a.conditions.as_mut() {
        if let Some(MalignancyHistory::Entries(list)) = k.malignancy.as_mut() {
            let mut entries = Some(std::mem::take(list));
            c.no_duplicates(&mut entries, "conditions.malignancy");
            match entries {
                Some(mut entries) => {
                    for (i, m) in entries.iter_mut().enumerate() {
                        let path = format!("conditions.malignancy[{i}].date");
                        c.not_after_screening(&mut m.date, &path, "malignancy date");
                    }
                    *list = entries;
                }
                None => k.malignancy = None,
            }
        }
        c.event(&mut k.herpes_zoster, "conditions.herpes_zoster", "herpes zoster date");
        c.event(&mut k.serious_infection, "conditions.serious_infection", "serious infection date");
        c.event(&mut k.substance_abuse_last, "conditions.substance_abuse_last", "substance abuse date");
    }

    if let Some(m) = a.medications.as_mut() {
        if let Some(Corticosteroid::Taking(dose)) = m.corticosteroid.as_mut() {
            c.number(&mut dose.daily_mg, "medications.corticosteroid.daily_mg", "daily dose", |v| {
                if v < 0.0 {
                    Some(format!("daily dose {} mg is negative", num(v)))
                } else {
                    (v > 2000.0).then(|| format!("daily dose {} mg is above 2,000 mg", num(v)))
                }
            });
        }
        c.event(
            &mut m.immunosuppressant_change,
            "medications.immunosuppressant_change",
            "immunosuppressant change date",
        );
        c.event(&mut m.experimental_agent, "medications.experimental_agent", "experimental agent date");
        c.event(&mut m.belimumab, "medications.belimumab", "belimumab date");
        c.event(&mut m.b_cell_depletion, "medications.b_cell_depletion", "b-cell depletion date");
    }

    (a, baseline, c.errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_with_a_repeat_is_removed_naming_the_first_entry_that_repeats() {
        for (list, first_repeat) in [
            (vec![1, 2, 3], None),
            (vec![], None),
            (vec![7, 7], Some(2)),
            (vec![1, 2, 3, 2, 1], Some(4)),
            (vec![2, 1, 2, 1], Some(3)),
            (vec![5, 4, 3, 2, 1, 1, 5], Some(6)),
        ] {
            let screening = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
            let mut c = Checker { screening, errors: Vec::new() };
            let mut l = Some(list.clone());
            c.no_duplicates(&mut l, "sle.acr_criteria");
            let said = c.errors.first().map(|e| e.message.clone());
            assert_eq!(said, first_repeat.map(|n| format!("entry {n} repeats an earlier entry")), "{list:?}");
            assert_eq!(l.is_none(), first_repeat.is_some(), "{list:?}");
        }
    }
}
