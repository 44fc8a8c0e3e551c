//! The 22 rules, one small function each, over answers already validated.
//!
//! Gated questions: `missing` names the questions to ask next. A question the
//! questionnaire only asks behind a gate (pregnancy behind sex, contraception
//! behind childbearing potential, nephritis therapy behind renal BILAG A/B) is
//! named once its gate is open; while the gate is unknown, the gate is named.

use chrono::NaiveDate;

use super::answers::{
    Answers, BilagDomain, Corticosteroid, Event, Grade, Maintenance, MalignancyHistory, MalignancyType, Measured, Sex,
    Sledai, Steroid,
};
use super::calc;
use super::criteria::CriterionId;
use super::finding::{all, any, given, need, settle, Finding, Step};
use super::fmt::{num, num_vs};
use super::logic::Tri;
use super::window::{earliest, Span};

/// The age the rules use and where it came from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Age {
    pub years: i64,
    pub birth: Option<NaiveDate>,
}

/// Everything a rule may read.
pub(crate) struct Ctx<'a> {
    pub a: &'a Answers,
    pub screening: NaiveDate,
    pub baseline: NaiveDate,
    pub age: Option<Age>,
}

impl Ctx<'_> {
    fn sex(&self) -> Option<Sex> {
        self.a.patient.as_ref().and_then(|p| p.sex)
    }
}

/// Evaluates one criterion.
pub(crate) fn rule(id: CriterionId, cx: &Ctx) -> Finding {
    use CriterionId::*;
    let c = cx.a.conditions.as_ref();
    let flag = |get: fn(&super::answers::Conditions) -> Option<bool>, path: &str, what: &str, yes: &str| {
        boolean(c.and_then(get), path, what, yes)
    };
    match id {
        I1 => settle(age(cx)),
        I2 => settle(acr(cx)),
        I3 => antibodies(cx),
        I4 => activity(cx),
        I5 => settle(nephritis(cx)),
        I6 => given(cx.a.patient.as_ref().and_then(|p| p.consent), "patient.consent", "Consent", |yes| {
            Finding::by(
                yes,
                "Able and willing to give written informed consent.",
                "Not able or not willing to give written informed consent.",
            )
        }),
        E1 => flag(|c| c.active_cns_lupus, "conditions.active_cns_lupus", "Active CNS lupus", "Active CNS lupus affecting mental status"),
        E2 => flag(|c| c.nephritis_dialysis, "conditions.nephritis_dialysis", "Nephritis requiring dialysis", "Active lupus nephritis requiring dialysis"),
        E3 => labs(cx),
        E4 => all(vec![
            flag(|c| c.hiv, "conditions.hiv", "HIV", "HIV positive"),
            flag(|c| c.hepatitis_b, "conditions.hepatitis_b", "Hepatitis B", "Hepatitis B positive"),
            flag(|c| c.hepatitis_c, "conditions.hepatitis_c", "Hepatitis C", "Hepatitis C positive"),
            flag(|c| c.tuberculosis, "conditions.tuberculosis", "Tuberculosis", "Tuberculosis positive"),
            flag(|c| c.cxr_tb_or_fungal, "conditions.cxr_tb_or_fungal", "Chest X-ray for TB or fungal infection", "Chest X-ray consistent with TB or latent fungal infection"),
        ]),
        E5 => settle(malignancy(cx)),
        E6 => settle(pregnancy(cx)),
        E7 => settle(contraception(cx)),
        E8 => flag(|c| c.renal_transplant, "conditions.renal_transplant", "Renal transplant history", "Renal transplant in the history"),
        E9 => all(vec![
            event(c.and_then(|c| c.herpes_zoster), "conditions.herpes_zoster", "Herpes zoster", Span::Days(90), cx.screening, "screening"),
            event(c.and_then(|c| c.serious_infection), "conditions.serious_infection", "Infection needing hospitalization or IV/IM antibiotics", Span::Days(60), cx.screening, "screening"),
        ]),
        E10 => flag(|c| c.significant_ekg_cxr, "conditions.significant_ekg_cxr", "EKG or chest X-ray changes", "Clinically significant EKG or chest X-ray changes"),
        E11 => Finding::unknown(
            "The site investigator decides whether any other condition makes the patient inappropriate or too unstable for the protocol.",
            &[],
        ),
        E12 => settle(steroid(cx)),
        E13 => {
            let m = cx.a.medications.as_ref();
            all(vec![
                event(m.and_then(|m| m.immunosuppressant_change), "medications.immunosuppressant_change", "Immunosuppressant change or addition", Span::Months(3), cx.baseline, "baseline"),
                event(m.and_then(|m| m.experimental_agent), "medications.experimental_agent", "Experimental agent", Span::Months(3), cx.baseline, "baseline"),
            ])
        }
        E14 => {
            let m = cx.a.medications.as_ref();
            all(vec![
                event(m.and_then(|m| m.belimumab), "medications.belimumab", "Belimumab", Span::Months(2), cx.baseline, "baseline"),
                event(m.and_then(|m| m.b_cell_depletion), "medications.b_cell_depletion", "B-cell depleting biologic", Span::Months(6), cx.baseline, "baseline"),
            ])
        }
        E15 => flag(|c| c.steroid_comorbidity, "conditions.steroid_comorbidity", "Comorbidity requiring corticosteroids", "A comorbidity requires corticosteroid therapy"),
        E16 => all(vec![
            flag(|c| c.substance_abuse_current, "conditions.substance_abuse_current", "Current substance abuse", "Current substance abuse"),
            event(c.and_then(|c| c.substance_abuse_last), "conditions.substance_abuse_last", "Substance abuse", Span::Months(12), cx.screening, "screening"),
        ]),
    }
}

/// An exclusion by a yes/no answer: yes fails for good.
fn boolean(answer: Option<bool>, path: &str, what: &str, yes: &str) -> Finding {
    given(answer, path, what, |v| Finding::by(!v, format!("{what}: no."), format!("{yes}.")))
}

/// An exclusion by an event within a window before `reference`.
fn event(answer: Option<Event>, path: &str, what: &str, span: Span, reference: NaiveDate, ref_name: &str) -> Finding {
    given(answer, path, what, |e| match e {
        Event::Never => Finding::pass(format!("{what}: none.")),
        Event::On(date) => {
            let window = span.words();
            let from = span.start(reference).map_or(String::new(), |s| format!(" (from {s})"));
            if span.contains(reference, date) {
                let clears = span.clears_on(date);
                let when = clears.map_or(String::new(), |c| format!("; clears for a {ref_name} date on or after {c}"));
                Finding::fail(
                    format!("{what} {date} is within {window} before {ref_name} {reference}{from}{when}"),
                    clears,
                )
            } else {
                Finding::pass(format!("{what} {date} is more than {window} before {ref_name} {reference}"))
            }
        }
    })
}

fn age(cx: &Ctx) -> Step<Finding> {
    let Some(age) = cx.age else {
        return Ok(Finding::unknown("Age not known: give the birth date (or age in years).", &["patient.birth_date"]));
    };
    let years = age.years;
    let source = match age.birth {
        Some(b) => format!("Age {years} on screening date {} (born {b})", cx.screening),
        None => format!("Age {years} (given in years)"),
    };
    Ok(if years > 65 {
        Finding::fail(format!("{source}, above 65."), None)
    } else if years >= 18 {
        Finding::pass(format!("{source}, within 18-65."))
    } else if let Some(birth) = age.birth {
        let hi = birth.checked_add_months(chrono::Months::new(18 * 12 + 1));
        let turns = hi.and_then(|hi| earliest(birth, hi, |d| calc::age_on(birth, d).is_some_and(|y| y >= 18)));
        let when = turns.map_or(String::new(), |t| format!("; turns 18 on {t}"));
        Finding::fail(format!("{source}, under 18{when}."), turns)
    } else {
        // Contract 8.4: temporary, on no date the answers give.
        Finding::fail_until(format!("{source}, under 18: eligible once 18 (the birth date gives the day)."))
    })
}

fn acr(cx: &Ctx) -> Step<Finding> {
    let list = need(cx.a.sle.as_ref().and_then(|s| s.acr_criteria.as_ref()), "sle.acr_criteria", "ACR criteria")?;
    let n = list.len();
    Ok(Finding::by(
        n >= 4,
        format!("{n} of 11 ACR criteria met, at least 4."),
        format!("{n} of 11 ACR criteria met; at least 4 are needed."),
    ))
}

fn antibodies(cx: &Ctx) -> Finding {
    let s = cx.a.sle.as_ref();
    let span = Span::Months(6);
    let from = span.start(cx.screening);
    // A recent test settles its part; an older one needs repeating.
    let test =
        |base: &str, what: &str, date: Option<NaiveDate>, result: Option<bool>, result_field: &str, words: String| {
            let date_path = format!("{base}.date");
            let result_path = format!("{base}.{result_field}");
            let Some(date) = date else {
                let missing: Vec<&str> =
                    if result.is_none() { vec![&date_path, &result_path] } else { vec![&date_path] };
                return Finding::unknown(format!("{what} test date not given."), &missing);
            };
            if !span.contains(cx.screening, date) {
                let start = from.map_or(String::new(), |f| format!(" (window from {f})"));
                return Finding::unknown(
                    format!(
                        "{what} test of {date} is older than 6 months before screening {}{start}; repeat it.",
                        cx.screening
                    ),
                    &[base],
                );
            }
            given(result, &result_path, &format!("{what} result"), |ok| {
                Finding::by(ok, format!("{words} on {date}, within 6 months"), format!("{words} on {date}"))
            })
        };
    let ana = given(s.and_then(|s| s.ana.as_ref()), "sle.ana", "ANA test", |t| {
        let words = match t.titer {
            Some(x) if x <= 0.0 => "ANA negative".to_string(),
            Some(x) if x >= 80.0 => format!("ANA 1:{} (at least 1:80)", num(x)),
            Some(x) => format!("ANA 1:{} (below 1:80)", num(x)),
            None => String::new(),
        };
        test("sle.ana", "ANA", t.date, t.titer.map(|x| x >= 80.0), "titer", words)
    });
    let dsdna = given(s.and_then(|s| s.anti_dsdna.as_ref()), "sle.anti_dsdna", "Anti-dsDNA test", |t| {
        let words = match t.positive {
            Some(true) => "anti-dsDNA positive",
            Some(false) => "anti-dsDNA negative",
            None => "",
        };
        test("sle.anti_dsdna", "anti-dsDNA", t.date, t.positive, "positive", words.to_string())
    });
    any(vec![ana, dsdna])
}

fn activity(cx: &Ctx) -> Finding {
    let s = cx.a.sle.as_ref();
    let sledai = match s.and_then(|s| s.sledai.as_ref()) {
        None | Some(Sledai { score: None, items: None }) => Finding::unknown("SLEDAI-2K not given.", &["sle.sledai"]),
        Some(sl) => {
            let (score, how) = match (sl.score, &sl.items) {
                (Some(x), _) => (x, "given"),
                (None, Some(items)) => (f64::from(calc::sledai_total(items)), "from items"),
                (None, None) => (0.0, ""),
            };
            Finding::by(
                score >= 6.0,
                format!("SLEDAI-2K {} ({how}), at least 6", num(score)),
                format!("SLEDAI-2K {} ({how}), below 6", num(score)),
            )
        }
    };
    let bilag = given(s.and_then(|s| s.bilag.as_ref()), "sle.bilag", "BILAG-2004 grades", |b| {
        let active: Vec<String> = BilagDomain::ALL
            .iter()
            .filter_map(|&d| match b.grade(d) {
                Some(g @ (Grade::A | Grade::B)) => Some(format!("{} {g:?}", d.key())),
                _ => None,
            })
            .collect();
        let absent: Vec<String> = BilagDomain::ALL
            .iter()
            .filter(|&&d| b.grade(d).is_none())
            .map(|d| format!("sle.bilag.{}", d.key()))
            .collect();
        if !active.is_empty() {
            Finding::pass(format!("BILAG A or B in {}", active.join(", ")))
        } else if absent.is_empty() {
            Finding::fail("No BILAG domain is graded A or B (all 9 given)", None)
        } else {
            let refs: Vec<&str> = absent.iter().map(String::as_str).collect();
            Finding::unknown(
                format!("No BILAG A or B among the domains given; {} of 9 domains not graded", absent.len()),
                &refs,
            )
        }
    });
    let soc =
        given(s.and_then(|s| s.standard_of_care), "sle.standard_of_care", "Activity despite standard of care", |yes| {
            Finding::by(
                yes,
                "active despite standard-of-care therapy",
                "activity is not despite standard-of-care therapy",
            )
        });
    all(vec![sledai, bilag, soc])
}

fn nephritis(cx: &Ctx) -> Step<Finding> {
    let renal = cx.a.sle.as_ref().and_then(|s| s.bilag.as_ref()).and_then(|b| b.renal);
    if let Some(g @ (Grade::C | Grade::D | Grade::E)) = renal {
        return Ok(Finding::pass(format!("Renal BILAG {g:?}: does not apply.")));
    }
    let therapy = nephritis_therapy(cx);
    match renal {
        Some(g) => Ok(therapy.clone().because(format!("Renal BILAG {g:?}: {}", therapy.reason))),
        None if therapy.pass == Tri::True => Ok(therapy),
        None => Ok(Finding::unknown("Renal BILAG grade not given.", &["sle.bilag.renal"])),
    }
}

fn nephritis_therapy(cx: &Ctx) -> Finding {
    let Some(t) = cx.a.nephritis_therapy.as_ref() else {
        return Finding::unknown("Nephritis therapy not given.", &["nephritis_therapy"]);
    };
    let six = chrono::Months::new(6);
    let duration = given(t.start_date, "nephritis_therapy.start_date", "Therapy start date", |start| {
        let holds = |d: NaiveDate| d.checked_sub_months(six).is_none_or(|s| start <= s);
        if holds(cx.screening) {
            Finding::pass(format!("therapy since {start}, at least 6 months before screening {}", cx.screening))
        } else {
            let hi = start.checked_add_months(six).and_then(|d| d.checked_add_days(chrono::Days::new(40)));
            let clears = hi.and_then(|hi| earliest(start, hi, holds));
            let when =
                clears.map_or(String::new(), |c| format!("; 6 months are complete for a screening on or after {c}"));
            Finding::fail(
                format!("therapy since {start}, less than 6 months before screening {}{when}", cx.screening),
                clears,
            )
        }
    });
    let months = |v: Option<f64>, at_least: f64, path: &str, what: &str| {
        given(v, path, &format!("Months of {what}"), |m| {
            Finding::by(
                m >= at_least,
                format!("{} months of {what}", num(m)),
                format!("{} months of {what} (under {})", num(m), num(at_least)),
            )
        })
    };
    let maintenance = given(
        t.maintenance_after_cyclophosphamide,
        "nephritis_therapy.maintenance_after_cyclophosphamide",
        "Maintenance after cyclophosphamide",
        |m| match m {
            Maintenance::None => Finding::fail("no mycophenolate or azathioprine after cyclophosphamide", None),
            Maintenance::Azathioprine => Finding::pass("followed by azathioprine"),
            Maintenance::Mycophenolate => Finding::pass("followed by mycophenolate"),
        },
    );
    let drugs = any(vec![
        months(t.mycophenolate_months, 6.0, "nephritis_therapy.mycophenolate_months", "mycophenolate"),
        all(vec![
            months(t.cyclophosphamide_months, 3.0, "nephritis_therapy.cyclophosphamide_months", "cyclophosphamide"),
            maintenance,
        ]),
    ]);
    if drugs.pass == Tri::False && t.ongoing.is_none() && duration.pass == Tri::False {
        return too_short_and_too_little(&duration, &drugs);
    }
    all(vec![duration, course_so_far(drugs, t.ongoing)])
}

/// I5 when the therapy is too short, its drug part falls short too, and
/// whether it continues is not answered.
///
/// Contract 8.3 makes I5 unknown when only the drug part falls short and
/// `ongoing` is absent; here the duration certainly fails, so I5 fails
/// (7.5). Its date is not the duration's: 7.6 gives I5 a date only while the
/// drug part is true or unknown, and this drug part is known to fall short,
/// a shortfall that by 8.3 clears on no date if the therapy continues and
/// never if it has ended. A date would hold in neither case. So I5 fails on
/// no date, temporary (continuing therapy may yet clear it), and its reason
/// says what is not answered and what it decides.
fn too_short_and_too_little(duration: &Finding, drugs: &Finding) -> Finding {
    Finding::fail_until(format!(
        "{}; {}; whether the therapy continues is not answered: if it continues, eligible once the \
         course reaches 6 months of mycophenolate, or 3 months of cyclophosphamide followed by \
         mycophenolate or azathioprine; if it has ended, I5 is not met",
        duration.reason.trim_end_matches('.'),
        drugs.reason.trim_end_matches('.'),
    ))
}

/// I5's drug part, once known to fall short, by whether the therapy
/// continues (contract 8.3): continuing, the course may yet reach it
/// (temporary, on no date); ended, it never will; not answered, whether it
/// stands in the way for good is not known.
fn course_so_far(drugs: Finding, ongoing: Option<bool>) -> Finding {
    if drugs.pass != Tri::False {
        return drugs;
    }
    let short = drugs.reason.trim_end_matches('.');
    match ongoing {
        Some(true) => Finding::fail_until(format!(
            "{short}; the therapy continues: eligible once the course reaches 6 months of mycophenolate, \
             or 3 months of cyclophosphamide followed by mycophenolate or azathioprine"
        )),
        Some(false) => drugs.clone().because(format!("{short}; the therapy has ended")),
        None => Finding::unknown(
            format!("{short}; whether the therapy continues is not answered"),
            &["nephritis_therapy.ongoing"],
        ),
    }
}

fn labs(cx: &Ctx) -> Finding {
    let l = cx.a.labs.as_ref();
    let egfr = egfr(cx).0;
    let count = |lab: Option<&Measured<super::answers::CountUnit>>, path: &str, what: &str, limit: f64| -> Finding {
        settle((|| {
            let lab = need(lab, path, what)?;
            let v = need(lab.value, &format!("{path}.value"), what);
            let u = need(lab.unit, &format!("{path}.unit"), &format!("{what} unit"));
            let (v, u) = both(v, u)?;
            let x = calc::count_per_nl(v, u);
            Ok(Finding::by(
                calc::at_least(x, limit),
                format!("{what} {} x10^9/L, not below {}", num_vs(x, limit), num(limit)),
                format!("{what} {} x10^9/L, below {}", num_vs(x, limit), num(limit)),
            ))
        })())
    };
    let hb = settle((|| {
        let lab = need(l.and_then(|l| l.hemoglobin.as_ref()), "labs.hemoglobin", "Hemoglobin")?;
        let v = need(lab.value, "labs.hemoglobin.value", "Hemoglobin");
        let u = need(lab.unit, "labs.hemoglobin.unit", "Hemoglobin unit");
        let (v, u) = both(v, u)?;
        let x = calc::hemoglobin_g_dl(v, u);
        Ok(Finding::by(
            calc::at_least(x, 8.0),
            format!("hemoglobin {} g/dL, not below 8", num_vs(x, 8.0)),
            format!("hemoglobin {} g/dL, below 8", num_vs(x, 8.0)),
        ))
    })());
    let enzyme = |lab: Option<&super::answers::Enzyme>, path: &str, what: &str| -> Finding {
        settle((|| {
            let lab = need(lab, path, what)?;
            let v = need(lab.value, &format!("{path}.value"), what);
            let u = need(lab.uln, &format!("{path}.uln"), &format!("{what} upper limit of normal"));
            let (v, uln) = both(v, u)?;
            let ratio = v / uln;
            let words = format!("{what} {} U/L = {} x ULN {}", num(v), num_vs(ratio, 4.0), num(uln));
            Ok(Finding::by(calc::at_most(ratio, 4.0), format!("{words}, not above 4"), format!("{words}, above 4")))
        })())
    };
    all(vec![
        egfr,
        count(l.and_then(|l| l.wbc.as_ref()), "labs.wbc", "WBC", 2.0),
        hb,
        count(l.and_then(|l| l.platelets.as_ref()), "labs.platelets", "platelets", 30.0),
        enzyme(l.and_then(|l| l.ast.as_ref()), "labs.ast", "AST"),
        enzyme(l.and_then(|l| l.alt.as_ref()), "labs.alt", "ALT"),
    ])
}

/// Two answers needed together: unknown names every one that is missing.
fn both<A, B>(a: Step<A>, b: Step<B>) -> Step<(A, B)> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
        (Err(e1), Err(e2)) => Err(all(vec![e1, e2])),
    }
}

/// The eGFR part of E3 and the eGFR it used (given, else CKD-EPI 2021).
pub(crate) fn egfr(cx: &Ctx) -> (Finding, Option<f64>) {
    let l = cx.a.labs.as_ref();
    let judge = |x: f64, how: String| {
        Finding::by(
            calc::at_least(x, 30.0),
            format!("eGFR {} mL/min/1.73 m2 ({how}), not below 30", num_vs(x, 30.0)),
            format!("eGFR {} mL/min/1.73 m2 ({how}), below 30", num_vs(x, 30.0)),
        )
    };
    let egfr_obj = l.and_then(|l| l.egfr.as_ref());
    if let Some(v) = egfr_obj.and_then(|e| e.value) {
        return (judge(v, "given".to_string()), Some(v));
    }
    let egfr_path = if egfr_obj.is_some() { "labs.egfr.value" } else { "labs.egfr" };
    let computed: Step<(f64, i64, Sex)> = (|| {
        let cr = need(l.and_then(|l| l.creatinine.as_ref()), "labs.creatinine", "Creatinine")?;
        let v = need(cr.value, "labs.creatinine.value", "Creatinine");
        let u = need(cr.unit, "labs.creatinine.unit", "Creatinine unit");
        let age = need(cx.age.map(|a| a.years), "patient.birth_date", "Age");
        let sex = need(cx.sex(), "patient.sex", "Sex");
        let ((v, u), (age, sex)) = both(both(v, u), both(age, sex))?;
        let scr = calc::creatinine_mg_dl(v, u);
        Ok((scr, age, sex))
    })();
    match computed {
        Ok((scr, age, sex)) => {
            let x = calc::ckd_epi_2021(scr, age, sex);
            let sex_word = if sex == Sex::Female { "female" } else { "male" };
            (judge(x, format!("CKD-EPI 2021 from creatinine {} mg/dL, {sex_word}, {age} y", num(scr))), Some(x))
        }
        Err(f) => {
            let mut missing = vec![egfr_path.to_string()];
            missing.extend(f.missing);
            let f = Finding {
                missing,
                ..Finding::unknown("eGFR not given, and it cannot be computed from creatinine yet", &[])
            };
            (f, None)
        }
    }
}

fn malignancy(cx: &Ctx) -> Step<Finding> {
    let history = need(
        cx.a.conditions.as_ref().and_then(|c| c.malignancy.as_ref()),
        "conditions.malignancy",
        "Malignancy history",
    )?;
    let entries = match history {
        MalignancyHistory::Never => return Ok(Finding::pass("No malignancy in the history.")),
        MalignancyHistory::Entries(e) if e.is_empty() => return Ok(Finding::pass("No malignancy in the history.")),
        MalignancyHistory::Entries(e) => e,
    };
    let span = Span::Months(60);
    let parts = entries
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let path = |f: &str| format!("conditions.malignancy[{i}].{f}");
            let name = match m.kind {
                Some(MalignancyType::BasalCellSkin) => "basal cell skin cancer",
                Some(MalignancyType::SquamousCellSkin) => "squamous cell skin cancer",
                Some(MalignancyType::CervicalCis) => "cervical carcinoma in situ",
                Some(MalignancyType::Other) => "malignancy",
                None => "malignancy of unstated type",
            };
            let excepted_type = given(m.kind, &path("type"), &format!("Type of malignancy {}", i + 1), |k| {
                Finding::by(
                    k != MalignancyType::Other,
                    format!("{name} is an excepted type"),
                    format!("{name} is not an excepted type"),
                )
            });
            let treated =
                given(m.adequately_treated, &path("adequately_treated"), &format!("Treatment of {name}"), |t| {
                    Finding::by(t, format!("{name} adequately treated"), format!("{name} not adequately treated"))
                });
            let excepted = all(vec![excepted_type, treated]);
            let old_enough = given(m.date, &path("date"), &format!("Date of {name}"), |d| match d {
                d if span.contains(cx.screening, d) => {
                    let clears = span.clears_on(d);
                    let when = clears.map_or(String::new(), |c| format!("; 5 years pass on {c}"));
                    Finding::fail(
                        format!("{name} dated {d} is within 5 years before screening {}{when}", cx.screening),
                        clears,
                    )
                }
                d => Finding::pass(format!("{name} dated {d} is more than 5 years before screening")),
            });
            let entry = any(vec![excepted.clone(), old_enough.clone()]);
            // Name the whole entry when it decides.
            match entry.pass {
                Tri::False => entry.clone().because(format!(
                    "{} ({})",
                    old_enough.reason.trim_end_matches('.'),
                    excepted.reason.trim_end_matches('.')
                )),
                _ => entry,
            }
        })
        .collect();
    Ok(all(parts))
}

fn pregnancy(cx: &Ctx) -> Step<Finding> {
    let sex = need(cx.sex(), "patient.sex", "Sex")?;
    if sex == Sex::Male {
        return Ok(Finding::pass("Male patient: does not apply."));
    }
    let p = cx.a.patient.as_ref();
    Ok(all(vec![
        boolean(p.and_then(|p| p.pregnant), "patient.pregnant", "Pregnant", "Pregnant"),
        boolean(p.and_then(|p| p.breastfeeding), "patient.breastfeeding", "Breastfeeding", "Breastfeeding"),
    ]))
}

/// E7 fails for a woman of childbearing potential who is not willing to use
/// contraception: for a woman, NOT(potential AND NOT willing) in Kleene
/// logic, so a woman willing to use contraception passes whatever her
/// potential (contract 7.9). Gating decides only what `missing` names: while
/// the potential is unknown, it alone is named (the questionnaire asks about
/// contraception only once the potential is known).
fn contraception(cx: &Ctx) -> Step<Finding> {
    let sex = need(cx.sex(), "patient.sex", "Sex")?;
    if sex == Sex::Male {
        return Ok(Finding::pass("Male patient: does not apply."));
    }
    let p = cx.a.patient.as_ref();
    let potential = p.and_then(|p| p.childbearing_potential);
    let willing = p.and_then(|p| p.contraception_willing);
    Ok(match (potential, willing) {
        (Some(false), _) => Finding::pass("Not of childbearing potential."),
        (Some(true), Some(true)) => {
            Finding::pass("Of childbearing potential and willing to use adequate contraception.")
        }
        (None, Some(true)) => {
            Finding::pass("Willing to use adequate contraception (childbearing potential not given).")
        }
        (Some(true), Some(false)) => {
            Finding::fail("Of childbearing potential and not willing to use adequate contraception.", None)
        }
        (Some(true), None) => Finding::unknown(
            "Of childbearing potential; willingness to use contraception not answered.",
            &["patient.contraception_willing"],
        ),
        (None, _) => Finding::unknown("Childbearing potential not answered.", &["patient.childbearing_potential"]),
    })
}

/// The prednisone equivalent (mg/day) and mg/kg/day, when computable.
pub(crate) fn steroid_dose(cx: &Ctx) -> (Option<f64>, Option<f64>) {
    let weight = cx.a.patient.as_ref().and_then(|p| p.weight_kg);
    match cx.a.medications.as_ref().and_then(|m| m.corticosteroid.as_ref()) {
        None => (None, None),
        Some(Corticosteroid::Never) => (Some(0.0), Some(0.0)),
        Some(Corticosteroid::Taking(d)) => match (d.drug, d.daily_mg) {
            (_, Some(mg)) if mg <= 0.0 => (Some(0.0), Some(0.0)),
            (Some(drug), Some(mg)) => {
                let pred = calc::prednisone_equivalent(drug, mg);
                (Some(pred), weight.map(|w| pred / w))
            }
            _ => (None, None),
        },
    }
}

fn steroid(cx: &Ctx) -> Step<Finding> {
    let cs = need(
        cx.a.medications.as_ref().and_then(|m| m.corticosteroid.as_ref()),
        "medications.corticosteroid",
        "Corticosteroid in the month before baseline",
    )?;
    let dose = match cs {
        Corticosteroid::Never => return Ok(Finding::pass("No corticosteroid in the month before baseline.")),
        Corticosteroid::Taking(d) => d,
    };
    if dose.daily_mg == Some(0.0) {
        return Ok(Finding::pass("Corticosteroid dose 0 mg/day."));
    }
    let drug = need(dose.drug, "medications.corticosteroid.drug", "Corticosteroid drug");
    let mg = need(dose.daily_mg, "medications.corticosteroid.daily_mg", "Corticosteroid daily dose");
    let (drug, mg) = both(drug, mg)?;
    let pred = calc::prednisone_equivalent(drug, mg);
    let name = steroid_name(drug);
    let eq = if drug == Steroid::Prednisone {
        format!("Prednisone {} mg/day", num(mg))
    } else {
        format!("{name} {} mg/day = prednisone {} mg/day", num(mg), num(pred))
    };
    let weight = need(cx.a.patient.as_ref().and_then(|p| p.weight_kg), "patient.weight_kg", "Weight")
        .map_err(|f| f.because(format!("{eq}; weight not given, so mg/kg/day is not known.")))?;
    let per_kg = pred / weight;
    let words = format!("{eq}; {} / {} kg = {} mg/kg/day", num(pred), num(weight), num_vs(per_kg, 0.5));
    if calc::at_most(per_kg, 0.5) {
        return Ok(Finding::pass(format!("{words}, not above 0.5.")));
    }
    // Contract 8.2: a taper before baseline clears it.
    let limit = 0.5 * weight;
    let in_drug = if drug == Steroid::Prednisone {
        String::new()
    } else {
        format!(" ({} mg/day {})", num(limit * mg / pred), name.to_ascii_lowercase())
    };
    Ok(Finding::fail_until(format!(
        "{words}, above 0.5: eligible once the dose has been at most 0.5 mg/kg/day, {} mg/day \
         prednisone-equivalent at {} kg{in_drug}, for the month before baseline.",
        num(limit),
        num(weight)
    )))
}

/// The drug's name, capitalized, for reasons.
#[must_use]
pub fn steroid_name(drug: Steroid) -> &'static str {
    match drug {
        Steroid::Prednisone => "Prednisone",
        Steroid::Prednisolone => "Prednisolone",
        Steroid::Methylprednisolone => "Methylprednisolone",
        Steroid::Triamcinolone => "Triamcinolone",
        Steroid::Hydrocortisone => "Hydrocortisone",
        Steroid::Cortisone => "Cortisone",
        Steroid::Dexamethasone => "Dexamethasone",
        Steroid::Betamethasone => "Betamethasone",
        Steroid::Deflazacort => "Deflazacort",
    }
}
