//! The engine against the contract: every criterion's pass, fail and unknown,
//! each window's boundary days, month-end clearing dates, units, bad values,
//! refusals and the four verdicts.

use chrono::NaiveDate;
use misle_check::engine::answers::*;
use misle_check::engine::criteria::CriterionId::{self, *};
use misle_check::engine::report::{Outcome, Verdict};
use misle_check::{evaluate, from_json, Answers, Report};

const ELIGIBLE: &str = include_str!("data/eligible.json");
const CONTRACT_EXAMPLE: &str = include_str!("data/contract-example.json");

fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

/// A patient who is potentially eligible, screened 2026-11-26, baseline 2026-12-20.
fn eligible() -> Answers {
    from_json(ELIGIBLE).expect("eligible.json parses")
}

fn run(a: &Answers) -> Report {
    run_on(a, d("2030-01-01"))
}

/// Evaluates `a`, and when `MISLE_ENGINE_CASES` names a directory, adds the
/// case (today, answers, report) to it as a JSON line: the browser test
/// "the engine module gives every case of the engine tables the same
/// report" (tests/browser/engine.test.mjs) runs each through the engine
/// module and compares. Cases JSON cannot carry (a non-finite number) are
/// left out.
fn run_on(a: &Answers, today: NaiveDate) -> Report {
    let r = evaluate(a, today);
    if let Some(dir) = std::env::var_os("MISLE_ENGINE_CASES") {
        if from_json(&misle_check::to_json(a)).as_ref() == Ok(a) {
            let line = serde_json::json!({ "today": today.to_string(), "answers": a, "report": &r });
            let name = std::thread::current().name().unwrap_or("main").replace("::", "-");
            let path = std::path::Path::new(&dir).join(format!("{name}.jsonl"));
            let written = std::fs::create_dir_all(&dir).and_then(|()| {
                use std::io::Write;
                let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&path)?;
                writeln!(f, "{line}")
            });
            assert!(written.is_ok(), "cannot write {}: {written:?}", path.display());
        }
    }
    r
}

fn patient(a: &mut Answers) -> &mut Patient {
    a.patient.get_or_insert_with(Default::default)
}
fn sle(a: &mut Answers) -> &mut Sle {
    a.sle.get_or_insert_with(Default::default)
}
fn labs(a: &mut Answers) -> &mut Labs {
    a.labs.get_or_insert_with(Default::default)
}
fn cond(a: &mut Answers) -> &mut Conditions {
    a.conditions.get_or_insert_with(Default::default)
}
fn meds(a: &mut Answers) -> &mut Medications {
    a.medications.get_or_insert_with(Default::default)
}
fn ana(a: &mut Answers) -> &mut Ana {
    sle(a).ana.get_or_insert_with(Default::default)
}
fn anti_dsdna(a: &mut Answers) -> &mut AntiDsDna {
    sle(a).anti_dsdna.get_or_insert_with(Default::default)
}
fn bilag(a: &mut Answers) -> &mut Bilag {
    sle(a).bilag.get_or_insert_with(Default::default)
}
fn renal_active(a: &mut Answers) {
    sle(a).bilag.get_or_insert_with(Default::default).renal = Some(Grade::A);
}

/// What a case expects of its criterion.
#[derive(Debug)]
enum Want {
    Pass,
    /// Fails; temporary, clearing on the date given, or for good (`None`).
    Fail(Option<&'static str>),
    /// Fails, temporary, on no date (a taper or a course still running,
    /// contract 8).
    FailUntil,
    Unknown(&'static [&'static str]),
}

struct Case {
    name: &'static str,
    id: CriterionId,
    change: fn(&mut Answers),
    want: Want,
}

/// Whether answer path `p` is `input` or inside it (`sle.bilag.renal` in
/// `sle.bilag`, `conditions.malignancy[0].date` in `conditions.malignancy`).
fn under(p: &str, input: &str) -> bool {
    p.strip_prefix(input).is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

fn check_cases(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let mut a = eligible();
        (case.change)(&mut a);
        let report = run(&a);
        let c = report.criterion(case.id).expect("every criterion is reported");
        let ok = match &case.want {
            Want::Pass => c.outcome == Outcome::Pass,
            Want::Fail(clears) => {
                c.outcome == Outcome::Fail && c.clears_on == clears.map(d) && c.temporary == clears.is_some()
            }
            Want::FailUntil => c.outcome == Outcome::Fail && c.clears_on.is_none() && c.temporary,
            Want::Unknown(missing) => c.outcome == Outcome::Unknown && c.missing == *missing,
        };
        let consistent = match c.outcome {
            Outcome::Fail => c.missing.is_empty() && (c.clears_on.is_none() || c.temporary),
            Outcome::Unknown => c.clears_on.is_none() && !c.missing.is_empty() && !c.temporary,
            _ => c.missing.is_empty() && c.clears_on.is_none() && !c.temporary,
        };
        // The page links what is missing to the criterion's inputs, and words
        // "eligible once ..." for a failure that clears on no date: both
        // must exist for what the engine reports.
        let linked = c.missing.iter().all(|p| c.id.inputs().iter().any(|i| under(p, i)));
        let worded = !(c.outcome == Outcome::Fail && c.temporary && c.clears_on.is_none()) || c.id.until().is_some();
        if !ok || !consistent || !linked || !worded {
            let why = if !linked {
                format!(" (a missing path is not among the inputs {:?})", c.id.inputs())
            } else if !worded {
                " (fails for now on no date, but has no `until` words)".to_string()
            } else {
                String::new()
            };
            failures.push(format!(
                "{} ({:?}): want {:?}, got {:?} clears_on {:?} temporary {} missing {:?}{why}: {}",
                case.name, case.id, case.want, c.outcome, c.clears_on, c.temporary, c.missing, c.reason
            ));
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_eligible_patient_is_potentially_eligible_with_e11_left_to_the_site() {
    let r = run(&eligible());
    assert_eq!(r.verdict, Verdict::PotentiallyEligible, "{r:#?}");
    assert_eq!(r.eligible_from, None);
    assert!(r.errors.is_empty());
    assert_eq!(r.criteria.len(), 22);
    for c in &r.criteria {
        let want = if c.id == E11 { Outcome::SiteReview } else { Outcome::Pass };
        assert_eq!(c.outcome, want, "{:?}: {}", c.id, c.reason);
    }
}

#[test]
fn the_contract_example_is_not_yet_eligible_from_2_january_2027() {
    let a = from_json(CONTRACT_EXAMPLE).expect("parses");
    let r = run(&a);
    assert_eq!(r.verdict, Verdict::NotYetEligible);
    assert_eq!(r.eligible_from, Some(d("2027-01-02")));
    let e14 = r.criterion(E14).expect("E14");
    assert_eq!(e14.outcome, Outcome::Fail);
    assert_eq!(e14.clears_on, Some(d("2027-01-02")));
    assert!(e14.reason.contains("2026-07-01") && e14.reason.contains("2026-12-20"), "{}", e14.reason);
    let json = serde_json::to_value(&r).expect("serializes");
    assert_eq!(json["schema"], "misle-report/1");
    assert_eq!(json["verdict"], "not_yet_eligible");
    assert_eq!(json["eligible_from"], "2027-01-02");
    assert_eq!(json["criteria"][19]["id"], "E14");
    assert_eq!(json["criteria"][19]["kind"], "exclusion");
    assert_eq!(json["criteria"][19]["clears_on"], "2027-01-02");
    assert_eq!(json["criteria"][0]["clears_on"], serde_json::Value::Null);
    assert_eq!(json["derived"]["acr_count"], 4);
    assert_eq!(json["derived"]["sledai_score"], 8);
}

#[test]
fn an_empty_document_is_incomplete_and_names_what_is_missing() {
    let r = run_on(&Answers::default(), d("2026-11-26"));
    assert_eq!(r.verdict, Verdict::Incomplete);
    assert_eq!(r.screening_date, d("2026-11-26"), "screening defaults to today");
    assert_eq!(r.baseline_date, d("2026-11-26"), "baseline defaults to screening");
    for c in &r.criteria {
        if c.id == E11 {
            assert_eq!(c.outcome, Outcome::SiteReview);
        } else {
            assert_eq!(c.outcome, Outcome::Unknown, "{:?}", c.id);
            assert!(!c.missing.is_empty(), "{:?} names what is missing", c.id);
        }
    }
    for c in &r.criteria {
        for p in &c.missing {
            assert!(
                c.id.inputs().iter().any(|i| under(p, i)),
                "{:?} names {p} missing, which is not among its inputs {:?}",
                c.id,
                c.id.inputs()
            );
        }
    }
    let missing = |id| r.criterion(id).map(|c| c.missing.clone()).unwrap_or_default();
    assert_eq!(missing(I1), ["patient.birth_date"]);
    assert_eq!(missing(I3), ["sle.ana", "sle.anti_dsdna"]);
    assert_eq!(missing(I4), ["sle.sledai", "sle.bilag", "sle.standard_of_care"]);
    assert_eq!(missing(I5), ["sle.bilag.renal"]);
    assert_eq!(
        missing(E3),
        ["labs.egfr", "labs.creatinine", "labs.wbc", "labs.hemoglobin", "labs.platelets", "labs.ast", "labs.alt"]
    );
    assert_eq!(missing(E6), ["patient.sex"]);
    assert_eq!(missing(E12), ["medications.corticosteroid"]);
    let derived = serde_json::to_value(&r.derived).expect("serializes");
    for key in ["age_years", "acr_count", "sledai_score", "egfr", "prednisone_equivalent_mg", "prednisone_mg_per_kg"] {
        assert_eq!(derived[key], serde_json::Value::Null, "{key}");
    }
}

#[test]
fn inclusion_criteria_pass_fail_and_unknown() {
    check_cases(&[
        // I1 age (screening 2026-11-26)
        Case {
            name: "18th birthday on the screening day",
            id: I1,
            change: |a| patient(a).birth_date = Some(d("2008-11-26")),
            want: Want::Pass,
        },
        Case {
            name: "18th birthday the day after screening",
            id: I1,
            change: |a| patient(a).birth_date = Some(d("2008-11-27")),
            want: Want::Fail(Some("2026-11-27")),
        },
        Case {
            name: "born on a leap day: turns 18 on 1 March of a common year",
            id: I1,
            change: |a| patient(a).birth_date = Some(d("2012-02-29")),
            want: Want::Fail(Some("2030-03-01")),
        },
        Case {
            name: "65 until the day before the 66th birthday",
            id: I1,
            change: |a| patient(a).birth_date = Some(d("1960-11-27")),
            want: Want::Pass,
        },
        Case {
            name: "66th birthday on the screening day",
            id: I1,
            change: |a| patient(a).birth_date = Some(d("1960-11-26")),
            want: Want::Fail(None),
        },
        Case {
            name: "under 18 known only in years: temporary, on no date",
            id: I1,
            change: |a| {
                patient(a).birth_date = None;
                patient(a).age_years = Some(17.0)
            },
            want: Want::FailUntil,
        },
        Case {
            name: "66 known only in years fails for good",
            id: I1,
            change: |a| {
                patient(a).birth_date = None;
                patient(a).age_years = Some(66.0)
            },
            want: Want::Fail(None),
        },
        Case {
            name: "age in years when no birth date",
            id: I1,
            change: |a| {
                patient(a).birth_date = None;
                patient(a).age_years = Some(40.0)
            },
            want: Want::Pass,
        },
        Case {
            name: "birth date wins over age in years",
            id: I1,
            change: |a| patient(a).age_years = Some(17.0),
            want: Want::Pass,
        },
        Case {
            name: "age unknown",
            id: I1,
            change: |a| patient(a).birth_date = None,
            want: Want::Unknown(&["patient.birth_date"]),
        },
        // I2 ACR
        Case {
            name: "3 ACR criteria",
            id: I2,
            change: |a| {
                sle(a).acr_criteria.as_mut().map(|l| l.pop());
            },
            want: Want::Fail(None),
        },
        Case {
            name: "no ACR criteria (empty list)",
            id: I2,
            change: |a| sle(a).acr_criteria = Some(vec![]),
            want: Want::Fail(None),
        },
        Case {
            name: "ACR list absent",
            id: I2,
            change: |a| sle(a).acr_criteria = None,
            want: Want::Unknown(&["sle.acr_criteria"]),
        },
        // I3 ANA / dsDNA within 6 months (from 2026-05-26)
        Case { name: "ANA alone qualifies", id: I3, change: |a| sle(a).anti_dsdna = None, want: Want::Pass },
        Case { name: "dsDNA alone qualifies", id: I3, change: |a| sle(a).ana = None, want: Want::Pass },
        Case {
            name: "ANA on the first day of the window",
            id: I3,
            change: |a| {
                sle(a).anti_dsdna = None;
                sle(a).ana = Some(Ana { titer: Some(80.0), date: Some(d("2026-05-26")) })
            },
            want: Want::Pass,
        },
        Case {
            name: "ANA the day before the window needs a repeat",
            id: I3,
            change: |a| {
                sle(a).anti_dsdna = None;
                sle(a).ana = Some(Ana { titer: Some(80.0), date: Some(d("2026-05-25")) })
            },
            want: Want::Unknown(&["sle.ana", "sle.anti_dsdna"]),
        },
        Case {
            name: "both recent and neither qualifies",
            id: I3,
            change: |a| {
                ana(a).titer = Some(40.0);
                anti_dsdna(a).positive = Some(false);
            },
            want: Want::Fail(None),
        },
        Case {
            name: "negative ANA, dsDNA absent",
            id: I3,
            change: |a| {
                ana(a).titer = Some(0.0);
                sle(a).anti_dsdna = None;
            },
            want: Want::Unknown(&["sle.anti_dsdna"]),
        },
        Case {
            name: "ANA date missing, dsDNA negative",
            id: I3,
            change: |a| {
                ana(a).date = None;
                anti_dsdna(a).positive = Some(false);
            },
            want: Want::Unknown(&["sle.ana.date"]),
        },
        Case {
            name: "titer missing, dsDNA negative",
            id: I3,
            change: |a| {
                ana(a).titer = None;
                anti_dsdna(a).positive = Some(false);
            },
            want: Want::Unknown(&["sle.ana.titer"]),
        },
        // I4 activity
        Case {
            name: "SLEDAI 6 is enough",
            id: I4,
            change: |a| sle(a).sledai = Some(Sledai { score: Some(6.0), items: None }),
            want: Want::Pass,
        },
        Case {
            name: "SLEDAI 5 is not",
            id: I4,
            change: |a| sle(a).sledai = Some(Sledai { score: Some(5.0), items: None }),
            want: Want::Fail(None),
        },
        Case {
            name: "SLEDAI from items: arthritis + low complement = 6",
            id: I4,
            change: |a| {
                sle(a).sledai =
                    Some(Sledai { score: None, items: Some(vec![SledaiItem::Arthritis, SledaiItem::LowComplement]) })
            },
            want: Want::Pass,
        },
        Case {
            name: "SLEDAI from items: arthritis + fever = 5",
            id: I4,
            change: |a| {
                sle(a).sledai =
                    Some(Sledai { score: None, items: Some(vec![SledaiItem::Arthritis, SledaiItem::Fever]) })
            },
            want: Want::Fail(None),
        },
        Case { name: "SLEDAI absent", id: I4, change: |a| sle(a).sledai = None, want: Want::Unknown(&["sle.sledai"]) },
        Case {
            name: "all nine BILAG domains C-E",
            id: I4,
            change: |a| {
                bilag(a).musculoskeletal = Some(Grade::C);
            },
            want: Want::Fail(None),
        },
        Case {
            name: "one BILAG A is enough with others unknown",
            id: I4,
            change: |a| sle(a).bilag = Some(Bilag { cardiorespiratory: Some(Grade::A), ..Default::default() }),
            want: Want::Pass,
        },
        Case {
            name: "no A/B among some domains",
            id: I4,
            change: |a| {
                sle(a).bilag = Some(Bilag {
                    renal: Some(Grade::D),
                    constitutional: Some(Grade::C),
                    mucocutaneous: Some(Grade::E),
                    neuropsychiatric: Some(Grade::E),
                    musculoskeletal: Some(Grade::C),
                    cardiorespiratory: Some(Grade::E),
                    gastrointestinal: Some(Grade::E),
                    ..Default::default()
                })
            },
            want: Want::Unknown(&["sle.bilag.ophthalmic", "sle.bilag.hematological"]),
        },
        Case {
            name: "not despite standard of care",
            id: I4,
            change: |a| sle(a).standard_of_care = Some(false),
            want: Want::Fail(None),
        },
        Case {
            name: "a certain failure beats unknown parts",
            id: I4,
            change: |a| {
                sle(a).standard_of_care = Some(false);
                sle(a).sledai = None;
                sle(a).bilag = None;
            },
            want: Want::Fail(None),
        },
        // I5 nephritis (screening 2026-11-26: therapy must start on or before 2026-05-26)
        Case { name: "renal grade D: does not apply", id: I5, change: |_| {}, want: Want::Pass },
        Case {
            name: "renal A, 6 months of mycophenolate",
            id: I5,
            change: |a| {
                renal_active(a);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-05-26")),
                    mycophenolate_months: Some(6.0),
                    cyclophosphamide_months: None,
                    maintenance_after_cyclophosphamide: None,
                    ongoing: None,
                })
            },
            want: Want::Pass,
        },
        Case {
            name: "renal A, started one day too late",
            id: I5,
            change: |a| {
                renal_active(a);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-05-27")),
                    mycophenolate_months: Some(6.0),
                    ..Default::default()
                })
            },
            want: Want::Fail(Some("2026-11-27")),
        },
        Case {
            name: "renal B, started 31 Aug: clears 1 Mar (month end)",
            id: I5,
            change: |a| {
                bilag(a).renal = Some(Grade::B);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-08-31")),
                    mycophenolate_months: None,
                    ..Default::default()
                })
            },
            want: Want::Fail(Some("2027-03-01")),
        },
        Case {
            name: "renal A, 3 months cyclophosphamide then azathioprine",
            id: I5,
            change: |a| {
                renal_active(a);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-01-10")),
                    mycophenolate_months: Some(0.0),
                    cyclophosphamide_months: Some(3.0),
                    maintenance_after_cyclophosphamide: Some(Maintenance::Azathioprine),
                    ongoing: Some(false),
                })
            },
            want: Want::Pass,
        },
        // I5 while the course may still reach the drug part (contract 8.3).
        Case {
            name: "renal A, cyclophosphamide without maintenance, therapy continuing: temporary",
            id: I5,
            change: |a| {
                renal_active(a);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-01-10")),
                    mycophenolate_months: Some(2.0),
                    cyclophosphamide_months: Some(6.0),
                    maintenance_after_cyclophosphamide: Some(Maintenance::None),
                    ongoing: Some(true),
                })
            },
            want: Want::FailUntil,
        },
        Case {
            name: "renal A, cyclophosphamide without maintenance, therapy ended: for good",
            id: I5,
            change: |a| {
                renal_active(a);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-01-10")),
                    mycophenolate_months: Some(2.0),
                    cyclophosphamide_months: Some(6.0),
                    maintenance_after_cyclophosphamide: Some(Maintenance::None),
                    ongoing: Some(false),
                })
            },
            want: Want::Fail(None),
        },
        Case {
            name: "renal A, cyclophosphamide without maintenance, continuing not answered: names it",
            id: I5,
            change: |a| {
                renal_active(a);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-01-10")),
                    mycophenolate_months: Some(2.0),
                    cyclophosphamide_months: Some(6.0),
                    maintenance_after_cyclophosphamide: Some(Maintenance::None),
                    ongoing: None,
                })
            },
            want: Want::Unknown(&["nephritis_therapy.ongoing"]),
        },
        Case {
            name: "renal B, 4 months into mycophenolate, continuing: temporary",
            id: I5,
            change: |a| {
                bilag(a).renal = Some(Grade::B);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-01-10")),
                    mycophenolate_months: Some(4.0),
                    cyclophosphamide_months: Some(0.0),
                    maintenance_after_cyclophosphamide: Some(Maintenance::None),
                    ongoing: Some(true),
                })
            },
            want: Want::FailUntil,
        },
        Case {
            name: "renal A, too short, too little drug and continuing: temporary, no single date",
            id: I5,
            change: |a| {
                renal_active(a);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-09-01")),
                    mycophenolate_months: Some(2.0),
                    cyclophosphamide_months: Some(0.0),
                    maintenance_after_cyclophosphamide: Some(Maintenance::None),
                    ongoing: Some(true),
                })
            },
            want: Want::FailUntil,
        },
        Case {
            name: "renal A, too short and too little drug, ended: for good",
            id: I5,
            change: |a| {
                renal_active(a);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-09-01")),
                    mycophenolate_months: Some(2.0),
                    cyclophosphamide_months: Some(0.0),
                    maintenance_after_cyclophosphamide: Some(Maintenance::None),
                    ongoing: Some(false),
                })
            },
            want: Want::Fail(None),
        },
        Case {
            name: "renal A, too short and too little drug, continuing not answered: fails on no date (8.3)",
            id: I5,
            change: |a| {
                renal_active(a);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-09-01")),
                    mycophenolate_months: Some(2.0),
                    cyclophosphamide_months: Some(0.0),
                    maintenance_after_cyclophosphamide: Some(Maintenance::None),
                    ongoing: None,
                })
            },
            want: Want::FailUntil,
        },
        Case {
            name: "renal A, enough mycophenolate: whether it continues does not matter",
            id: I5,
            change: |a| {
                renal_active(a);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-01-10")),
                    mycophenolate_months: Some(7.0),
                    ..Default::default()
                })
            },
            want: Want::Pass,
        },
        Case {
            name: "renal A, therapy absent",
            id: I5,
            change: renal_active,
            want: Want::Unknown(&["nephritis_therapy"]),
        },
        Case {
            name: "renal A, drug months unknown",
            id: I5,
            change: |a| {
                renal_active(a);
                a.nephritis_therapy = Some(NephritisTherapy { start_date: Some(d("2026-01-10")), ..Default::default() })
            },
            want: Want::Unknown(&[
                "nephritis_therapy.mycophenolate_months",
                "nephritis_therapy.cyclophosphamide_months",
                "nephritis_therapy.maintenance_after_cyclophosphamide",
            ]),
        },
        Case {
            name: "renal grade unknown",
            id: I5,
            change: |a| {
                bilag(a).renal = None;
            },
            want: Want::Unknown(&["sle.bilag.renal"]),
        },
        Case {
            name: "renal grade unknown but the therapy already qualifies",
            id: I5,
            change: |a| {
                bilag(a).renal = None;
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-01-10")),
                    mycophenolate_months: Some(7.0),
                    cyclophosphamide_months: Some(0.0),
                    maintenance_after_cyclophosphamide: Some(Maintenance::None),
                    ongoing: None,
                });
            },
            want: Want::Pass,
        },
        // I6 consent
        Case { name: "consent refused", id: I6, change: |a| patient(a).consent = Some(false), want: Want::Fail(None) },
        Case {
            name: "consent unknown",
            id: I6,
            change: |a| patient(a).consent = None,
            want: Want::Unknown(&["patient.consent"]),
        },
    ]);
}

#[test]
fn exclusion_criteria_pass_fail_and_unknown() {
    check_cases(&[
        Case {
            name: "active CNS lupus",
            id: E1,
            change: |a| cond(a).active_cns_lupus = Some(true),
            want: Want::Fail(None),
        },
        Case {
            name: "CNS unknown",
            id: E1,
            change: |a| cond(a).active_cns_lupus = None,
            want: Want::Unknown(&["conditions.active_cns_lupus"]),
        },
        Case { name: "dialysis", id: E2, change: |a| cond(a).nephritis_dialysis = Some(true), want: Want::Fail(None) },
        Case {
            name: "dialysis unknown",
            id: E2,
            change: |a| cond(a).nephritis_dialysis = None,
            want: Want::Unknown(&["conditions.nephritis_dialysis"]),
        },
        Case { name: "HIV", id: E4, change: |a| cond(a).hiv = Some(true), want: Want::Fail(None) },
        Case {
            name: "hepatitis C beats unknown HIV",
            id: E4,
            change: |a| {
                cond(a).hepatitis_c = Some(true);
                cond(a).hiv = None;
            },
            want: Want::Fail(None),
        },
        Case {
            name: "CXR for TB or fungus",
            id: E4,
            change: |a| cond(a).cxr_tb_or_fungal = Some(true),
            want: Want::Fail(None),
        },
        Case {
            name: "TB and hepatitis B unknown",
            id: E4,
            change: |a| {
                cond(a).tuberculosis = None;
                cond(a).hepatitis_b = None;
            },
            want: Want::Unknown(&["conditions.hepatitis_b", "conditions.tuberculosis"]),
        },
        // E5 malignancy within 5 years (from 2021-11-26)
        Case {
            name: "other cancer on the window's first day",
            id: E5,
            change: |a| {
                cond(a).malignancy = Some(MalignancyHistory::Entries(vec![Malignancy {
                    kind: Some(MalignancyType::Other),
                    date: Some(d("2021-11-26")),
                    adequately_treated: Some(true),
                }]))
            },
            want: Want::Fail(Some("2026-11-27")),
        },
        Case {
            name: "other cancer the day before the window",
            id: E5,
            change: |a| {
                cond(a).malignancy = Some(MalignancyHistory::Entries(vec![Malignancy {
                    kind: Some(MalignancyType::Other),
                    date: Some(d("2021-11-25")),
                    adequately_treated: Some(false),
                }]))
            },
            want: Want::Pass,
        },
        Case {
            name: "treated basal cell is excepted",
            id: E5,
            change: |a| {
                cond(a).malignancy = Some(MalignancyHistory::Entries(vec![Malignancy {
                    kind: Some(MalignancyType::BasalCellSkin),
                    date: Some(d("2025-02-01")),
                    adequately_treated: Some(true),
                }]))
            },
            want: Want::Pass,
        },
        Case {
            name: "untreated cervical CIS is not",
            id: E5,
            change: |a| {
                cond(a).malignancy = Some(MalignancyHistory::Entries(vec![Malignancy {
                    kind: Some(MalignancyType::CervicalCis),
                    date: Some(d("2025-02-01")),
                    adequately_treated: Some(false),
                }]))
            },
            want: Want::Fail(Some("2030-02-02")),
        },
        Case {
            name: "latest failing entry decides the date",
            id: E5,
            change: |a| {
                cond(a).malignancy = Some(MalignancyHistory::Entries(vec![
                    Malignancy {
                        kind: Some(MalignancyType::Other),
                        date: Some(d("2023-03-01")),
                        adequately_treated: Some(true),
                    },
                    Malignancy {
                        kind: Some(MalignancyType::SquamousCellSkin),
                        date: Some(d("2024-01-01")),
                        adequately_treated: Some(true),
                    },
                    Malignancy {
                        kind: Some(MalignancyType::Other),
                        date: Some(d("2025-06-30")),
                        adequately_treated: Some(true),
                    },
                ]))
            },
            want: Want::Fail(Some("2030-07-01")),
        },
        Case {
            name: "squamous cell with treatment unknown",
            id: E5,
            change: |a| {
                cond(a).malignancy = Some(MalignancyHistory::Entries(vec![Malignancy {
                    kind: Some(MalignancyType::SquamousCellSkin),
                    date: Some(d("2025-02-01")),
                    adequately_treated: None,
                }]))
            },
            want: Want::Unknown(&["conditions.malignancy[0].adequately_treated"]),
        },
        Case {
            name: "entry without type or date",
            id: E5,
            change: |a| cond(a).malignancy = Some(MalignancyHistory::Entries(vec![Malignancy::default()])),
            want: Want::Unknown(&[
                "conditions.malignancy[0].type",
                "conditions.malignancy[0].adequately_treated",
                "conditions.malignancy[0].date",
            ]),
        },
        Case {
            name: "an empty list is none",
            id: E5,
            change: |a| cond(a).malignancy = Some(MalignancyHistory::Entries(vec![])),
            want: Want::Pass,
        },
        Case {
            name: "malignancy unknown",
            id: E5,
            change: |a| cond(a).malignancy = None,
            want: Want::Unknown(&["conditions.malignancy"]),
        },
        // E6, E7 reproductive
        Case { name: "pregnant", id: E6, change: |a| patient(a).pregnant = Some(true), want: Want::Fail(None) },
        Case {
            name: "breastfeeding",
            id: E6,
            change: |a| patient(a).breastfeeding = Some(true),
            want: Want::Fail(None),
        },
        Case {
            name: "male passes pregnancy",
            id: E6,
            change: |a| {
                patient(a).sex = Some(Sex::Male);
                patient(a).pregnant = None;
                patient(a).breastfeeding = None;
            },
            want: Want::Pass,
        },
        Case { name: "sex unknown", id: E6, change: |a| patient(a).sex = None, want: Want::Unknown(&["patient.sex"]) },
        Case {
            name: "female, breastfeeding unknown",
            id: E6,
            change: |a| patient(a).breastfeeding = None,
            want: Want::Unknown(&["patient.breastfeeding"]),
        },
        Case {
            name: "unwilling to use contraception",
            id: E7,
            change: |a| patient(a).contraception_willing = Some(false),
            want: Want::Fail(None),
        },
        Case {
            name: "unwilling but not of childbearing potential",
            id: E7,
            change: |a| {
                patient(a).contraception_willing = Some(false);
                patient(a).childbearing_potential = Some(false);
            },
            want: Want::Pass,
        },
        Case {
            name: "male passes contraception",
            id: E7,
            change: |a| {
                patient(a).sex = Some(Sex::Male);
                patient(a).contraception_willing = Some(false);
            },
            want: Want::Pass,
        },
        // Gating decides only what `missing` names (contract 7.9).
        Case {
            name: "childbearing potential unknown but willing to use contraception passes",
            id: E7,
            change: |a| patient(a).childbearing_potential = None,
            want: Want::Pass,
        },
        Case {
            name: "childbearing potential unknown and unwilling names the potential",
            id: E7,
            change: |a| {
                patient(a).childbearing_potential = None;
                patient(a).contraception_willing = Some(false);
            },
            want: Want::Unknown(&["patient.childbearing_potential"]),
        },
        Case {
            name: "childbearing potential and contraception both unknown name the potential only",
            id: E7,
            change: |a| {
                patient(a).childbearing_potential = None;
                patient(a).contraception_willing = None;
            },
            want: Want::Unknown(&["patient.childbearing_potential"]),
        },
        Case {
            name: "contraception unknown",
            id: E7,
            change: |a| patient(a).contraception_willing = None,
            want: Want::Unknown(&["patient.contraception_willing"]),
        },
        Case {
            name: "sex unknown (contraception)",
            id: E7,
            change: |a| patient(a).sex = None,
            want: Want::Unknown(&["patient.sex"]),
        },
        Case {
            name: "renal transplant",
            id: E8,
            change: |a| cond(a).renal_transplant = Some(true),
            want: Want::Fail(None),
        },
        Case {
            name: "renal transplant unknown",
            id: E8,
            change: |a| cond(a).renal_transplant = None,
            want: Want::Unknown(&["conditions.renal_transplant"]),
        },
        // E9 zoster 90 days (from 2026-08-28), infection 60 days (from 2026-09-27)
        Case {
            name: "zoster on the window's first day",
            id: E9,
            change: |a| cond(a).herpes_zoster = Some(Event::On(d("2026-08-28"))),
            want: Want::Fail(Some("2026-11-27")),
        },
        Case {
            name: "zoster the day before the window",
            id: E9,
            change: |a| cond(a).herpes_zoster = Some(Event::On(d("2026-08-27"))),
            want: Want::Pass,
        },
        Case {
            name: "infection on the window's first day",
            id: E9,
            change: |a| cond(a).serious_infection = Some(Event::On(d("2026-09-27"))),
            want: Want::Fail(Some("2026-11-27")),
        },
        Case {
            name: "infection the day before the window",
            id: E9,
            change: |a| cond(a).serious_infection = Some(Event::On(d("2026-09-26"))),
            want: Want::Pass,
        },
        Case {
            name: "infection on the screening day",
            id: E9,
            change: |a| cond(a).serious_infection = Some(Event::On(d("2026-11-26"))),
            want: Want::Fail(Some("2027-01-26")),
        },
        Case {
            name: "both recent: the later date",
            id: E9,
            change: |a| {
                cond(a).herpes_zoster = Some(Event::On(d("2026-11-01")));
                cond(a).serious_infection = Some(Event::On(d("2026-11-20")));
            },
            want: Want::Fail(Some("2027-01-31")),
        },
        Case {
            name: "zoster unknown",
            id: E9,
            change: |a| cond(a).herpes_zoster = None,
            want: Want::Unknown(&["conditions.herpes_zoster"]),
        },
        Case {
            name: "EKG changes",
            id: E10,
            change: |a| cond(a).significant_ekg_cxr = Some(true),
            want: Want::Fail(None),
        },
        Case {
            name: "EKG unknown",
            id: E10,
            change: |a| cond(a).significant_ekg_cxr = None,
            want: Want::Unknown(&["conditions.significant_ekg_cxr"]),
        },
        // E13 3 months before baseline 2026-12-20 (from 2026-09-20)
        Case {
            name: "immunosuppressant change on the window's first day",
            id: E13,
            change: |a| meds(a).immunosuppressant_change = Some(Event::On(d("2026-09-20"))),
            want: Want::Fail(Some("2026-12-21")),
        },
        Case {
            name: "immunosuppressant change the day before",
            id: E13,
            change: |a| meds(a).immunosuppressant_change = Some(Event::On(d("2026-09-19"))),
            want: Want::Pass,
        },
        Case {
            name: "experimental agent on the first day",
            id: E13,
            change: |a| meds(a).experimental_agent = Some(Event::On(d("2026-09-20"))),
            want: Want::Fail(Some("2026-12-21")),
        },
        Case {
            name: "experimental agent the day before",
            id: E13,
            change: |a| meds(a).experimental_agent = Some(Event::On(d("2026-09-19"))),
            want: Want::Pass,
        },
        Case {
            name: "experimental agent unknown",
            id: E13,
            change: |a| meds(a).experimental_agent = None,
            want: Want::Unknown(&["medications.experimental_agent"]),
        },
        // E14 belimumab 2 months (from 2026-10-20), B-cell 6 months (from 2026-06-20)
        Case {
            name: "belimumab on the first day",
            id: E14,
            change: |a| meds(a).belimumab = Some(Event::On(d("2026-10-20"))),
            want: Want::Fail(Some("2026-12-21")),
        },
        Case {
            name: "belimumab the day before",
            id: E14,
            change: |a| meds(a).belimumab = Some(Event::On(d("2026-10-19"))),
            want: Want::Pass,
        },
        Case {
            name: "rituximab on the first day",
            id: E14,
            change: |a| meds(a).b_cell_depletion = Some(Event::On(d("2026-06-20"))),
            want: Want::Fail(Some("2026-12-21")),
        },
        Case {
            name: "rituximab the day before",
            id: E14,
            change: |a| meds(a).b_cell_depletion = Some(Event::On(d("2026-06-19"))),
            want: Want::Pass,
        },
        Case {
            name: "rituximab on 31 Aug clears 1 Mar (month end)",
            id: E14,
            change: |a| meds(a).b_cell_depletion = Some(Event::On(d("2026-08-31"))),
            want: Want::Fail(Some("2027-03-01")),
        },
        Case {
            name: "belimumab unknown",
            id: E14,
            change: |a| meds(a).belimumab = None,
            want: Want::Unknown(&["medications.belimumab"]),
        },
        Case {
            name: "steroid comorbidity",
            id: E15,
            change: |a| cond(a).steroid_comorbidity = Some(true),
            want: Want::Fail(None),
        },
        Case {
            name: "steroid comorbidity unknown",
            id: E15,
            change: |a| cond(a).steroid_comorbidity = None,
            want: Want::Unknown(&["conditions.steroid_comorbidity"]),
        },
        // E16 1 year (from 2025-11-26)
        Case {
            name: "current substance abuse",
            id: E16,
            change: |a| cond(a).substance_abuse_current = Some(true),
            want: Want::Fail(None),
        },
        Case {
            name: "substance abuse on the window's first day",
            id: E16,
            change: |a| cond(a).substance_abuse_last = Some(Event::On(d("2025-11-26"))),
            want: Want::Fail(Some("2026-11-27")),
        },
        Case {
            name: "substance abuse the day before",
            id: E16,
            change: |a| cond(a).substance_abuse_last = Some(Event::On(d("2025-11-25"))),
            want: Want::Pass,
        },
        Case {
            name: "current abuse: no date even with a past date",
            id: E16,
            change: |a| {
                cond(a).substance_abuse_current = Some(true);
                cond(a).substance_abuse_last = Some(Event::On(d("2026-06-01")));
            },
            want: Want::Fail(None),
        },
        Case {
            name: "substance abuse unknown",
            id: E16,
            change: |a| cond(a).substance_abuse_last = None,
            want: Want::Unknown(&["conditions.substance_abuse_last"]),
        },
    ]);
}

#[test]
fn laboratory_limits_in_every_unit_with_equality_passing() {
    fn hb(v: f64, u: HemoglobinUnit) -> impl Fn(&mut Answers) {
        move |a| labs(a).hemoglobin = Some(Measured { value: Some(v), unit: Some(u) })
    }
    fn plt(v: f64, u: CountUnit) -> impl Fn(&mut Answers) {
        move |a| labs(a).platelets = Some(Measured { value: Some(v), unit: Some(u) })
    }
    fn wbc(v: f64, u: CountUnit) -> impl Fn(&mut Answers) {
        move |a| labs(a).wbc = Some(Measured { value: Some(v), unit: Some(u) })
    }
    fn egfr(v: f64) -> impl Fn(&mut Answers) {
        move |a| labs(a).egfr = Some(Egfr { value: Some(v) })
    }
    fn creat(v: f64, u: CreatinineUnit, age: f64, sex: Sex) -> impl Fn(&mut Answers) {
        move |a| {
            labs(a).egfr = None;
            labs(a).creatinine = Some(Measured { value: Some(v), unit: Some(u) });
            patient(a).birth_date = None;
            patient(a).age_years = Some(age);
            patient(a).sex = Some(sex);
        }
    }
    fn ast(v: f64, uln: f64) -> impl Fn(&mut Answers) {
        move |a| labs(a).ast = Some(Enzyme { value: Some(v), uln: Some(uln) })
    }
    fn alt(v: f64, uln: f64) -> impl Fn(&mut Answers) {
        move |a| labs(a).alt = Some(Enzyme { value: Some(v), uln: Some(uln) })
    }
    type Change = Box<dyn Fn(&mut Answers)>;
    let cases: Vec<(&str, Change, Outcome)> = vec![
        ("Hb 8 g/dL", Box::new(hb(8.0, HemoglobinUnit::GPerDl)), Outcome::Pass),
        ("Hb 7.9 g/dL", Box::new(hb(7.9, HemoglobinUnit::GPerDl)), Outcome::Fail),
        ("Hb 80 g/L", Box::new(hb(80.0, HemoglobinUnit::GPerL)), Outcome::Pass),
        ("Hb 79 g/L", Box::new(hb(79.0, HemoglobinUnit::GPerL)), Outcome::Fail),
        ("Hb 4.965 mmol/L", Box::new(hb(4.965, HemoglobinUnit::MmolPerL)), Outcome::Pass),
        ("Hb 4.96 mmol/L", Box::new(hb(4.96, HemoglobinUnit::MmolPerL)), Outcome::Fail),
        ("platelets 30 x10^9/L", Box::new(plt(30.0, CountUnit::PerNanoliter)), Outcome::Pass),
        ("platelets 29.9 x10^9/L", Box::new(plt(29.9, CountUnit::PerNanoliter)), Outcome::Fail),
        ("platelets 30 x10^3/uL", Box::new(plt(30.0, CountUnit::ThousandPerMicroliter)), Outcome::Pass),
        ("platelets 30,000 /uL", Box::new(plt(30_000.0, CountUnit::PerMicroliter)), Outcome::Pass),
        ("platelets 29,999 /uL", Box::new(plt(29_999.0, CountUnit::PerMicroliter)), Outcome::Fail),
        ("WBC 2.0 x10^9/L", Box::new(wbc(2.0, CountUnit::PerNanoliter)), Outcome::Pass),
        ("WBC 1.9 x10^3/uL", Box::new(wbc(1.9, CountUnit::ThousandPerMicroliter)), Outcome::Fail),
        ("WBC 2,000 /uL", Box::new(wbc(2000.0, CountUnit::PerMicroliter)), Outcome::Pass),
        ("WBC 1,999 /uL", Box::new(wbc(1999.0, CountUnit::PerMicroliter)), Outcome::Fail),
        ("eGFR 30", Box::new(egfr(30.0)), Outcome::Pass),
        ("eGFR 29.9", Box::new(egfr(29.9)), Outcome::Fail),
        (
            "creatinine 3.0 mg/dL, male 45 (eGFR 25.3)",
            Box::new(creat(3.0, CreatinineUnit::MgPerDl, 45.0, Sex::Male)),
            Outcome::Fail,
        ),
        (
            "creatinine 2.3 mg/dL, male 65 (eGFR 30.7)",
            Box::new(creat(2.3, CreatinineUnit::MgPerDl, 65.0, Sex::Male)),
            Outcome::Pass,
        ),
        (
            "creatinine 88.4 umol/L, male 50 (eGFR 91.7)",
            Box::new(creat(88.4, CreatinineUnit::UmolPerL, 50.0, Sex::Male)),
            Outcome::Pass,
        ),
        (
            "creatinine 265.2 umol/L, male 45 (eGFR 25.3)",
            Box::new(creat(265.2, CreatinineUnit::UmolPerL, 45.0, Sex::Male)),
            Outcome::Fail,
        ),
        ("AST exactly 4 x ULN", Box::new(ast(160.0, 40.0)), Outcome::Pass),
        ("AST above 4 x ULN", Box::new(ast(161.0, 40.0)), Outcome::Fail),
        ("ALT exactly 4 x ULN", Box::new(alt(140.0, 35.0)), Outcome::Pass),
        ("ALT above 4 x ULN", Box::new(alt(140.5, 35.0)), Outcome::Fail),
    ];
    for (name, change, want) in cases {
        let mut a = eligible();
        change(&mut a);
        let r = run(&a);
        let e3 = r.criterion(E3).expect("E3");
        assert_eq!(e3.outcome, want, "{name}: {}", e3.reason);
        assert_eq!(e3.clears_on, None, "{name}: labs never clear by time alone");
        assert!(r.errors.is_empty(), "{name}: {:?}", r.errors);
    }
}

#[test]
fn egfr_from_creatinine_is_the_derived_value_and_its_inputs_are_named_when_missing() {
    let mut a = eligible();
    labs(&mut a).egfr = None;
    labs(&mut a).creatinine = Some(Measured { value: Some(1.0), unit: Some(CreatinineUnit::MgPerDl) });
    patient(&mut a).sex = Some(Sex::Male);
    patient(&mut a).birth_date = None;
    patient(&mut a).age_years = Some(50.0);
    let r = run(&a);
    let egfr = r.derived.egfr.expect("computed");
    assert!((egfr - 91.69).abs() <= 0.05, "{egfr}");
    assert!(r.criterion(E3).is_some_and(|c| c.reason.contains("CKD-EPI 2021")));

    labs(&mut a).creatinine = Some(Measured { value: Some(1.0), unit: None });
    patient(&mut a).sex = None;
    let r = run(&a);
    let e3 = r.criterion(E3).expect("E3");
    assert_eq!(e3.outcome, Outcome::Unknown);
    assert_eq!(e3.missing, ["labs.egfr", "labs.creatinine.unit", "patient.sex"]);
    assert_eq!(r.derived.egfr, None);
}

#[test]
fn lab_missing_paths_name_the_object_or_the_field() {
    let mut a = eligible();
    labs(&mut a).platelets = None;
    labs(&mut a).wbc = Some(Measured { value: Some(4.0), unit: None });
    labs(&mut a).ast = Some(Enzyme { value: None, uln: None });
    let r = run(&a);
    let e3 = r.criterion(E3).expect("E3");
    assert_eq!(e3.missing, ["labs.wbc.unit", "labs.platelets", "labs.ast.value", "labs.ast.uln"]);
}

#[test]
fn corticosteroid_dose_per_kg_with_its_reason() {
    let mut a = eligible();
    meds(&mut a).corticosteroid =
        Some(Corticosteroid::Taking(SteroidDose { drug: Some(Steroid::Methylprednisolone), daily_mg: Some(28.0) }));
    patient(&mut a).weight_kg = Some(64.0);
    let r = run(&a);
    let e12 = r.criterion(E12).expect("E12");
    assert_eq!(e12.outcome, Outcome::Fail);
    assert_eq!(e12.clears_on, None);
    // A taper clears it (contract 8.2): temporary, and the reason says to what dose.
    assert!(e12.temporary);
    assert_eq!(
        e12.reason,
        "Methylprednisolone 28 mg/day = prednisone 35 mg/day; 35 / 64 kg = 0.55 mg/kg/day, above 0.5: eligible \
         once the dose has been at most 0.5 mg/kg/day, 32 mg/day prednisone-equivalent at 64 kg (25.6 mg/day \
         methylprednisolone), for the month before baseline."
    );
    assert_eq!(r.derived.prednisone_equivalent_mg, Some(35.0));
    assert_eq!(r.derived.prednisone_mg_per_kg, Some(35.0 / 64.0));
    assert_eq!((r.verdict, r.eligible_from), (Verdict::NotYetEligible, None));

    // Exactly 0.5 mg/kg/day passes.
    patient(&mut a).weight_kg = Some(70.0);
    assert_eq!(run(&a).criterion(E12).map(|c| c.outcome), Some(Outcome::Pass));

    // Unknown weight: unknown, but the dose is still derived.
    patient(&mut a).weight_kg = None;
    let r = run(&a);
    let e12 = r.criterion(E12).expect("E12");
    assert_eq!(e12.outcome, Outcome::Unknown);
    assert_eq!(e12.missing, ["patient.weight_kg"]);
    assert_eq!(r.derived.prednisone_equivalent_mg, Some(35.0));
    assert_eq!(r.derived.prednisone_mg_per_kg, None);

    // None, or 0 mg: passes without a weight; derived numbers are 0.
    for cs in [Corticosteroid::Never, Corticosteroid::Taking(SteroidDose { drug: None, daily_mg: Some(0.0) })] {
        meds(&mut a).corticosteroid = Some(cs);
        let r = run(&a);
        assert_eq!(r.criterion(E12).map(|c| c.outcome), Some(Outcome::Pass));
        assert_eq!(r.derived.prednisone_equivalent_mg, Some(0.0));
        assert_eq!(r.derived.prednisone_mg_per_kg, Some(0.0));
    }

    meds(&mut a).corticosteroid = Some(Corticosteroid::Taking(SteroidDose { drug: None, daily_mg: None }));
    let r = run(&a);
    assert_eq!(
        r.criterion(E12).map(|c| c.missing.clone()),
        Some(vec!["medications.corticosteroid.drug".to_string(), "medications.corticosteroid.daily_mg".to_string()])
    );
}

#[test]
fn every_reason_names_its_values_and_dates() {
    let a = from_json(CONTRACT_EXAMPLE).expect("parses");
    let r = run(&a);
    let reason = |id| r.criterion(id).map(|c| c.reason.clone()).unwrap_or_default();
    assert!(reason(I1).contains("46") && reason(I1).contains("1980-05-01"));
    assert!(reason(I3).contains("1:160") && reason(I3).contains("2026-10-01"));
    assert!(reason(I4).contains("SLEDAI-2K 8") && reason(I4).contains("musculoskeletal B"));
    assert!(reason(E3).contains("85") && reason(E3).contains("11.2") && reason(E3).contains("x ULN 40"));
    assert!(reason(E9).contains("2026-08-01"));
    assert!(reason(E12).contains("20 / 70.5 kg = 0.28"));
    assert!(reason(E13).contains("2026-09-15") && reason(E13).contains("2026-12-20"));
    for c in &r.criteria {
        assert!(!c.reason.is_empty(), "{:?} has a reason", c.id);
    }
}

#[test]
fn reasons_give_the_words_that_decided() {
    type Change = fn(&mut Answers);
    fn malignancy(kind: MalignancyType, date: &str) -> Option<MalignancyHistory> {
        Some(MalignancyHistory::Entries(vec![Malignancy {
            kind: Some(kind),
            date: Some(d(date)),
            adequately_treated: Some(true),
        }]))
    }
    fn creatinine_for(a: &mut Answers, sex: Sex) {
        labs(a).egfr = None;
        labs(a).creatinine = Some(Measured { value: Some(1.0), unit: Some(CreatinineUnit::MgPerDl) });
        patient(a).sex = Some(sex);
    }
    let cases: Vec<(&str, CriterionId, Change, &str)> = vec![
        (
            "ANA 1:80 is at least 1:80",
            I3,
            |a| {
                ana(a).titer = Some(80.0);
                anti_dsdna(a).positive = Some(false);
            },
            "ANA 1:80 (at least 1:80) on 2026-10-01",
        ),
        (
            "ANA 1:40 is below 1:80",
            I3,
            |a| {
                ana(a).titer = Some(40.0);
                anti_dsdna(a).positive = Some(false);
            },
            "ANA 1:40 (below 1:80) on 2026-10-01",
        ),
        (
            "ANA titer 0 is a negative test",
            I3,
            |a| {
                ana(a).titer = Some(0.0);
                anti_dsdna(a).positive = Some(false);
            },
            "ANA negative on 2026-10-01",
        ),
        ("eGFR from a woman's creatinine", E3, |a| creatinine_for(a, Sex::Female), "mg/dL, female, 46 y"),
        ("eGFR from a man's creatinine", E3, |a| creatinine_for(a, Sex::Male), "mg/dL, male, 46 y"),
        (
            "an empty malignancy list",
            E5,
            |a| cond(a).malignancy = Some(MalignancyHistory::Entries(Vec::new())),
            "No malignancy in the history.",
        ),
        (
            "a recent malignancy names its date, when it clears and why it is not excepted",
            E5,
            |a| cond(a).malignancy = malignancy(MalignancyType::Other, "2024-01-01"),
            "malignancy dated 2024-01-01 is within 5 years before screening 2026-11-26; 5 years pass on 2029-01-02 \
             (malignancy is not an excepted type).",
        ),
    ];
    for (name, id, change, words) in cases {
        let mut a = eligible();
        change(&mut a);
        let r = run(&a);
        let reason = r.criterion(id).map(|c| c.reason.clone()).unwrap_or_default();
        assert!(reason.contains(words), "{name}: {reason:?} lacks {words:?}");
    }
}

// ---- bad values (contract section 6) ----

/// Applies `change` to the eligible patient and expects exactly one error at
/// `path` and the verdict capped (never potentially eligible).
fn expect_error(name: &str, change: impl Fn(&mut Answers), path: &str, words: &str) -> Report {
    let mut a = eligible();
    change(&mut a);
    let r = run(&a);
    assert_eq!(r.errors.len(), 1, "{name}: {:?}", r.errors);
    assert_eq!(r.errors[0].path, path, "{name}");
    assert!(r.errors[0].message.contains(words), "{name}: {:?} lacks {words:?}", r.errors[0].message);
    assert_ne!(r.verdict, Verdict::PotentiallyEligible, "{name}: an error caps the verdict");
    r
}

#[test]
fn bad_values_are_reported_at_their_path_and_treated_as_absent() {
    let r = expect_error(
        "zoster after screening",
        |a| cond(a).herpes_zoster = Some(Event::On(d("2026-11-27"))),
        "conditions.herpes_zoster",
        "after the screening date",
    );
    assert_eq!(r.criterion(E9).map(|c| c.missing.clone()), Some(vec!["conditions.herpes_zoster".to_string()]));

    let r = expect_error(
        "ANA test after screening",
        |a| {
            ana(a).date = Some(d("2026-12-01"));
            sle(a).anti_dsdna = None;
        },
        "sle.ana.date",
        "after the screening date",
    );
    assert_eq!(
        r.criterion(I3).map(|c| c.missing.clone()),
        Some(vec!["sle.ana.date".to_string(), "sle.anti_dsdna".to_string()]),
        "the titer stays"
    );

    let r = expect_error(
        "baseline before screening",
        |a| a.baseline_date = Some(d("2026-11-25")),
        "baseline_date",
        "before the screening date",
    );
    assert_eq!(r.baseline_date, d("2026-11-26"), "baseline falls back to screening");

    let r = expect_error(
        "birth date after screening",
        |a| {
            patient(a).birth_date = Some(d("2027-01-01"));
            patient(a).age_years = Some(40.0);
        },
        "patient.birth_date",
        "after the screening date",
    );
    assert_eq!(r.derived.age_years, Some(40), "falls back to age_years");
    assert_eq!(r.criterion(I1).map(|c| c.outcome), Some(Outcome::Pass));

    expect_error(
        "birth date 1800",
        |a| patient(a).birth_date = Some(d("1800-01-01")),
        "patient.birth_date",
        "above 120",
    );
    expect_error(
        "age 121",
        |a| {
            patient(a).birth_date = None;
            patient(a).age_years = Some(121.0)
        },
        "patient.age_years",
        "outside 0-120",
    );
    expect_error(
        "age -1",
        |a| {
            patient(a).birth_date = None;
            patient(a).age_years = Some(-1.0)
        },
        "patient.age_years",
        "outside 0-120",
    );
    expect_error(
        "age 40.5",
        |a| {
            patient(a).birth_date = None;
            patient(a).age_years = Some(40.5)
        },
        "patient.age_years",
        "whole number",
    );
    expect_error("weight 19.9", |a| patient(a).weight_kg = Some(19.9), "patient.weight_kg", "outside 20-300 kg");
    expect_error("weight 300.1", |a| patient(a).weight_kg = Some(300.1), "patient.weight_kg", "outside 20-300 kg");
    expect_error(
        "weight not finite",
        |a| patient(a).weight_kg = Some(f64::NAN),
        "patient.weight_kg",
        "not a finite number",
    );
    expect_error(
        "weight infinite",
        |a| patient(a).weight_kg = Some(f64::INFINITY),
        "patient.weight_kg",
        "not a finite number",
    );
    expect_error(
        "negative titer",
        |a| {
            ana(a).titer = Some(-80.0);
        },
        "sle.ana.titer",
        "negative",
    );
    expect_error(
        "hemoglobin 95 g/dL",
        |a| labs(a).hemoglobin = Some(Measured { value: Some(95.0), unit: Some(HemoglobinUnit::GPerDl) }),
        "labs.hemoglobin.value",
        "hemoglobin 95 g/dL is above 25 g/dL: check the unit",
    );
    expect_error(
        "hemoglobin 0.9 g/dL",
        |a| labs(a).hemoglobin = Some(Measured { value: Some(0.9), unit: Some(HemoglobinUnit::GPerDl) }),
        "labs.hemoglobin.value",
        "hemoglobin 0.9 g/dL is implausibly low (below 3 g/dL): check the unit",
    );
    expect_error(
        "hemoglobin 260 g/L",
        |a| labs(a).hemoglobin = Some(Measured { value: Some(260.0), unit: Some(HemoglobinUnit::GPerL) }),
        "labs.hemoglobin.value",
        "hemoglobin 260 g/L = 26 g/dL is above 25 g/dL: check the unit",
    );
    expect_error(
        "hemoglobin zero",
        |a| labs(a).hemoglobin = Some(Measured { value: Some(0.0), unit: None }),
        "labs.hemoglobin.value",
        "above 0",
    );
    expect_error(
        "platelets 2,001",
        |a| labs(a).platelets = Some(Measured { value: Some(2001.0), unit: Some(CountUnit::PerNanoliter) }),
        "labs.platelets.value",
        "above 2000",
    );
    expect_error(
        "platelets negative",
        |a| labs(a).platelets = Some(Measured { value: Some(-5.0), unit: Some(CountUnit::PerNanoliter) }),
        "labs.platelets.value",
        "above 0",
    );
    expect_error(
        "wbc 501",
        |a| labs(a).wbc = Some(Measured { value: Some(501.0), unit: Some(CountUnit::ThousandPerMicroliter) }),
        "labs.wbc.value",
        "above 500",
    );
    expect_error(
        "wbc 600,000 /uL",
        |a| labs(a).wbc = Some(Measured { value: Some(600_000.0), unit: Some(CountUnit::PerMicroliter) }),
        "labs.wbc.value",
        "above 500",
    );
    expect_error(
        "ast negative",
        |a| labs(a).ast = Some(Enzyme { value: Some(-1.0), uln: Some(40.0) }),
        "labs.ast.value",
        "negative",
    );
    expect_error(
        "uln zero",
        |a| labs(a).alt = Some(Enzyme { value: Some(30.0), uln: Some(0.0) }),
        "labs.alt.uln",
        "above 0",
    );
    expect_error(
        "sledai 106",
        |a| sle(a).sledai = Some(Sledai { score: Some(106.0), items: None }),
        "sle.sledai.score",
        "outside 0-105",
    );
    expect_error(
        "sledai 6.5",
        |a| sle(a).sledai = Some(Sledai { score: Some(6.5), items: None }),
        "sle.sledai.score",
        "whole number",
    );
    let r = expect_error(
        "sledai score and items",
        |a| sle(a).sledai = Some(Sledai { score: Some(8.0), items: Some(vec![SledaiItem::Arthritis]) }),
        "sle.sledai",
        "not both",
    );
    assert_eq!(r.criterion(I4).map(|c| c.missing.clone()), Some(vec!["sle.sledai".to_string()]));
    let r = expect_error(
        "duplicate ACR entry",
        |a| {
            sle(a).acr_criteria = Some(vec![
                AcrCriterion::MalarRash,
                AcrCriterion::Arthritis,
                AcrCriterion::MalarRash,
                AcrCriterion::Serositis,
                AcrCriterion::OralUlcers,
            ])
        },
        "sle.acr_criteria",
        "repeats",
    );
    assert_eq!(r.criterion(I2).map(|c| c.outcome), Some(Outcome::Unknown), "a list with a duplicate is removed whole");
    expect_error(
        "duplicate SLEDAI item",
        |a| {
            sle(a).sledai =
                Some(Sledai { score: None, items: Some(vec![SledaiItem::Arthritis, SledaiItem::Arthritis]) })
        },
        "sle.sledai.items",
        "repeats",
    );
    expect_error(
        "duplicate malignancy",
        |a| {
            let m = Malignancy {
                kind: Some(MalignancyType::Other),
                date: Some(d("2010-01-01")),
                adequately_treated: Some(true),
            };
            cond(a).malignancy = Some(MalignancyHistory::Entries(vec![m.clone(), m]));
        },
        "conditions.malignancy",
        "repeats",
    );
    expect_error(
        "malignancy date after screening",
        |a| {
            cond(a).malignancy = Some(MalignancyHistory::Entries(vec![
                Malignancy {
                    kind: Some(MalignancyType::Other),
                    date: Some(d("2010-01-01")),
                    adequately_treated: Some(true),
                },
                Malignancy {
                    kind: Some(MalignancyType::Other),
                    date: Some(d("2027-01-01")),
                    adequately_treated: Some(true),
                },
            ]))
        },
        "conditions.malignancy[1].date",
        "after the screening date",
    );
    expect_error(
        "months 601",
        |a| a.nephritis_therapy = Some(NephritisTherapy { mycophenolate_months: Some(601.0), ..Default::default() }),
        "nephritis_therapy.mycophenolate_months",
        "outside 0-600",
    );
    expect_error(
        "months negative",
        |a| a.nephritis_therapy = Some(NephritisTherapy { cyclophosphamide_months: Some(-1.0), ..Default::default() }),
        "nephritis_therapy.cyclophosphamide_months",
        "outside 0-600",
    );
    expect_error(
        "therapy start after screening",
        |a| a.nephritis_therapy = Some(NephritisTherapy { start_date: Some(d("2026-12-01")), ..Default::default() }),
        "nephritis_therapy.start_date",
        "after the screening date",
    );
    expect_error(
        "daily dose 2,001 mg",
        |a| {
            meds(a).corticosteroid = Some(Corticosteroid::Taking(SteroidDose {
                drug: Some(Steroid::Hydrocortisone),
                daily_mg: Some(2001.0),
            }))
        },
        "medications.corticosteroid.daily_mg",
        "above 2,000",
    );
    expect_error(
        "daily dose negative",
        |a| {
            meds(a).corticosteroid =
                Some(Corticosteroid::Taking(SteroidDose { drug: Some(Steroid::Prednisone), daily_mg: Some(-5.0) }))
        },
        "medications.corticosteroid.daily_mg",
        "negative",
    );
    for (path, set) in [
        (
            "medications.immunosuppressant_change",
            (|a: &mut Answers| meds(a).immunosuppressant_change = Some(Event::On(d("2026-11-27")))) as fn(&mut Answers),
        ),
        ("medications.experimental_agent", |a| meds(a).experimental_agent = Some(Event::On(d("2026-11-27")))),
        ("medications.belimumab", |a| meds(a).belimumab = Some(Event::On(d("2026-11-27")))),
        ("medications.b_cell_depletion", |a| meds(a).b_cell_depletion = Some(Event::On(d("2026-11-27")))),
        ("conditions.serious_infection", |a| cond(a).serious_infection = Some(Event::On(d("2026-11-27")))),
        ("conditions.substance_abuse_last", |a| cond(a).substance_abuse_last = Some(Event::On(d("2026-11-27")))),
        ("sle.anti_dsdna.date", |a| {
            anti_dsdna(a).date = Some(d("2026-11-27"));
            sle(a).ana = None;
        }),
    ] {
        expect_error(path, set, path, "after the screening date");
    }
}

#[test]
fn an_egfr_in_error_falls_back_to_creatinine() {
    let r = expect_error(
        "eGFR 201",
        |a| {
            labs(a).egfr = Some(Egfr { value: Some(201.0) });
            labs(a).creatinine = Some(Measured { value: Some(0.6), unit: Some(CreatinineUnit::MgPerDl) });
        },
        "labs.egfr.value",
        "outside 0-200",
    );
    assert!(r.derived.egfr.is_some_and(|e| e > 100.0), "{:?}", r.derived.egfr);
    assert_eq!(r.criterion(E3).map(|c| c.outcome), Some(Outcome::Pass));
    expect_error(
        "creatinine 0.09 mg/dL",
        |a| labs(a).creatinine = Some(Measured { value: Some(0.09), unit: Some(CreatinineUnit::MgPerDl) }),
        "labs.creatinine.value",
        "outside 0.1-30",
    );
    expect_error(
        "creatinine 2,700 umol/L",
        |a| labs(a).creatinine = Some(Measured { value: Some(2700.0), unit: Some(CreatinineUnit::UmolPerL) }),
        "labs.creatinine.value",
        "outside 0.1-30",
    );
}

#[test]
fn an_error_alone_caps_the_verdict_at_incomplete() {
    // The creatinine is in error, but E3 uses the given eGFR: every criterion
    // still passes, and the verdict is still only incomplete.
    let r = expect_error(
        "creatinine 31 mg/dL beside an eGFR",
        |a| labs(a).creatinine = Some(Measured { value: Some(31.0), unit: Some(CreatinineUnit::MgPerDl) }),
        "labs.creatinine.value",
        "outside",
    );
    assert!(r.criteria.iter().all(|c| matches!(c.outcome, Outcome::Pass | Outcome::SiteReview)));
    assert_eq!(r.verdict, Verdict::Incomplete);
}

#[test]
fn limits_that_are_not_errors() {
    let mut a = eligible();
    patient(&mut a).weight_kg = Some(20.0);
    labs(&mut a).platelets = Some(Measured { value: Some(2000.0), unit: Some(CountUnit::PerNanoliter) });
    meds(&mut a).corticosteroid =
        Some(Corticosteroid::Taking(SteroidDose { drug: Some(Steroid::Prednisone), daily_mg: Some(0.0) }));
    let r = run(&a);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.verdict, Verdict::PotentiallyEligible);

    // Each value on the edge of what can be true is kept (screening 2026-11-26).
    type Change = fn(&mut Answers);
    let edges: Vec<(&str, Change)> = vec![
        ("baseline on the screening day", |a| a.baseline_date = Some(d("2026-11-26"))),
        ("born on the screening day (age 0)", |a| patient(a).birth_date = Some(d("2026-11-26"))),
        ("born 120 years before screening", |a| patient(a).birth_date = Some(d("1906-11-26"))),
        ("age 120 in years", |a| {
            patient(a).birth_date = None;
            patient(a).age_years = Some(120.0);
        }),
        ("weight 300 kg", |a| patient(a).weight_kg = Some(300.0)),
        ("ANA tested on the screening day", |a| ana(a).date = Some(d("2026-11-26"))),
        ("zoster on the screening day", |a| cond(a).herpes_zoster = Some(Event::On(d("2026-11-26")))),
        ("malignancy dated on the screening day", |a| {
            cond(a).malignancy = Some(MalignancyHistory::Entries(vec![Malignancy {
                kind: Some(MalignancyType::Other),
                date: Some(d("2026-11-26")),
                adequately_treated: Some(false),
            }]))
        }),
        ("SLEDAI 105", |a| sle(a).sledai = Some(Sledai { score: Some(105.0), items: None })),
        ("SLEDAI 0", |a| sle(a).sledai = Some(Sledai { score: Some(0.0), items: None })),
        ("eGFR 200", |a| labs(a).egfr = Some(Egfr { value: Some(200.0) })),
        ("AST 0 U/L", |a| labs(a).ast = Some(Enzyme { value: Some(0.0), uln: Some(40.0) })),
        ("WBC 500 x10^9/L", |a| {
            labs(a).wbc = Some(Measured { value: Some(500.0), unit: Some(CountUnit::PerNanoliter) })
        }),
        ("prednisone 2,000 mg/day", |a| {
            meds(a).corticosteroid =
                Some(Corticosteroid::Taking(SteroidDose { drug: Some(Steroid::Prednisone), daily_mg: Some(2000.0) }))
        }),
    ];
    for (name, change) in edges {
        let mut a = eligible();
        change(&mut a);
        let r = run(&a);
        assert!(r.errors.is_empty(), "{name}: {:?}", r.errors);
        assert!(
            r.criteria.iter().all(|c| c.outcome != Outcome::Unknown),
            "{name}: a kept value leaves nothing unknown: {:?}",
            r.criteria.iter().filter(|c| c.outcome == Outcome::Unknown).map(|c| &c.missing).collect::<Vec<_>>()
        );
    }
}

// ---- verdicts ----

#[test]
fn prednisone_above_the_limit_is_temporary_alone_and_beside_other_failures() {
    let above = |a: &mut Answers| {
        meds(a).corticosteroid =
            Some(Corticosteroid::Taking(SteroidDose { drug: Some(Steroid::Prednisone), daily_mg: Some(40.0) }));
        patient(a).weight_kg = Some(64.0);
    };
    type Change = fn(&mut Answers);
    let cases: [(&str, Change, Verdict, Option<&str>); 4] = [
        ("alone: not yet eligible, no date", |_| {}, Verdict::NotYetEligible, None),
        ("with a permanent failure: not eligible", |a| cond(a).hiv = Some(true), Verdict::NotEligible, None),
        (
            "with a dated failure: not yet eligible, no single date",
            |a| meds(a).belimumab = Some(Event::On(d("2026-11-01"))),
            Verdict::NotYetEligible,
            None,
        ),
        (
            "with I5 still running: not yet eligible, no date",
            |a| {
                renal_active(a);
                a.nephritis_therapy = Some(NephritisTherapy {
                    start_date: Some(d("2026-01-10")),
                    mycophenolate_months: Some(4.0),
                    cyclophosphamide_months: Some(0.0),
                    maintenance_after_cyclophosphamide: Some(Maintenance::None),
                    ongoing: Some(true),
                });
            },
            Verdict::NotYetEligible,
            None,
        ),
    ];
    for (name, change, verdict, from) in cases {
        let mut a = eligible();
        above(&mut a);
        change(&mut a);
        let r = run(&a);
        assert_eq!((r.verdict, r.eligible_from), (verdict, from.map(d)), "{name}");
        let e12 = r.criterion(E12).expect("E12");
        assert!(e12.outcome == Outcome::Fail && e12.temporary && e12.clears_on.is_none(), "{name}: {e12:?}");
        assert!(e12.reason.contains("32 mg/day prednisone-equivalent at 64 kg"), "{name}: {}", e12.reason);
    }
    // The dated failure alone keeps its date.
    let mut a = eligible();
    meds(&mut a).belimumab = Some(Event::On(d("2026-11-01")));
    assert_eq!(run(&a).eligible_from, Some(d("2027-01-02")));
}

#[test]
fn lower_plausibility_limits_at_and_just_below_in_every_unit() {
    // Contract 8.1: a value below its limit (after conversion) is an error
    // at the value, "check the unit", never an E3 failure; at the limit it
    // is a value like any other.
    type Set = fn(&mut Answers, f64);
    let wbc = |u: CountUnit| -> Set {
        match u {
            CountUnit::PerNanoliter => {
                |a, v| labs(a).wbc = Some(Measured { value: Some(v), unit: Some(CountUnit::PerNanoliter) })
            }
            CountUnit::ThousandPerMicroliter => {
                |a, v| labs(a).wbc = Some(Measured { value: Some(v), unit: Some(CountUnit::ThousandPerMicroliter) })
            }
            CountUnit::PerMicroliter => {
                |a, v| labs(a).wbc = Some(Measured { value: Some(v), unit: Some(CountUnit::PerMicroliter) })
            }
        }
    };
    let plt = |u: CountUnit| -> Set {
        match u {
            CountUnit::PerNanoliter => {
                |a, v| labs(a).platelets = Some(Measured { value: Some(v), unit: Some(CountUnit::PerNanoliter) })
            }
            CountUnit::ThousandPerMicroliter => |a, v| {
                labs(a).platelets = Some(Measured { value: Some(v), unit: Some(CountUnit::ThousandPerMicroliter) })
            },
            CountUnit::PerMicroliter => {
                |a, v| labs(a).platelets = Some(Measured { value: Some(v), unit: Some(CountUnit::PerMicroliter) })
            }
        }
    };
    let hb = |u: HemoglobinUnit| -> Set {
        match u {
            HemoglobinUnit::GPerDl => {
                |a, v| labs(a).hemoglobin = Some(Measured { value: Some(v), unit: Some(HemoglobinUnit::GPerDl) })
            }
            HemoglobinUnit::GPerL => {
                |a, v| labs(a).hemoglobin = Some(Measured { value: Some(v), unit: Some(HemoglobinUnit::GPerL) })
            }
            HemoglobinUnit::MmolPerL => {
                |a, v| labs(a).hemoglobin = Some(Measured { value: Some(v), unit: Some(HemoglobinUnit::MmolPerL) })
            }
        }
    };
    // (name, set, value at the limit, value just below, path)
    let cases: [(&str, Set, f64, f64, &str); 9] = [
        ("WBC x10^9/L", wbc(CountUnit::PerNanoliter), 0.1, 0.099, "labs.wbc.value"),
        ("WBC x10^3/uL", wbc(CountUnit::ThousandPerMicroliter), 0.1, 0.099, "labs.wbc.value"),
        ("WBC /uL", wbc(CountUnit::PerMicroliter), 100.0, 99.0, "labs.wbc.value"),
        ("platelets x10^9/L", plt(CountUnit::PerNanoliter), 1.0, 0.99, "labs.platelets.value"),
        ("platelets x10^3/uL", plt(CountUnit::ThousandPerMicroliter), 1.0, 0.99, "labs.platelets.value"),
        ("platelets /uL", plt(CountUnit::PerMicroliter), 1000.0, 999.0, "labs.platelets.value"),
        ("hemoglobin g/dL", hb(HemoglobinUnit::GPerDl), 3.0, 2.99, "labs.hemoglobin.value"),
        ("hemoglobin g/L", hb(HemoglobinUnit::GPerL), 30.0, 29.9, "labs.hemoglobin.value"),
        // 3 g/dL is 1.8618 mmol/L; the nearest values either side in 0.001.
        ("hemoglobin mmol/L", hb(HemoglobinUnit::MmolPerL), 1.862, 1.861, "labs.hemoglobin.value"),
    ];
    for (name, set, at, below, path) in cases {
        let mut a = eligible();
        set(&mut a, at);
        let r = run(&a);
        assert!(r.errors.is_empty(), "{name} at the limit {at}: {:?}", r.errors);
        // At the limit the value is used: E3 fails on it (it is far below E3's own limit).
        assert_eq!(r.criterion(E3).map(|c| c.outcome), Some(Outcome::Fail), "{name} at {at}");

        let mut a = eligible();
        set(&mut a, below);
        let r = run(&a);
        assert_eq!(r.errors.len(), 1, "{name} just below, {below}: {:?}", r.errors);
        assert_eq!(r.errors[0].path, path, "{name}");
        assert!(
            r.errors[0].message.ends_with("is implausibly low") || r.errors[0].message.contains("is implausibly low ("),
            "{name}: {}",
            r.errors[0].message
        );
        assert!(r.errors[0].message.ends_with(": check the unit"), "{name}: {}", r.errors[0].message);
        // Not an E3 failure: the value is treated as absent, the verdict at most incomplete.
        let e3 = r.criterion(E3).expect("E3");
        assert_eq!(e3.outcome, Outcome::Unknown, "{name}: {}", e3.reason);
        assert_eq!(r.verdict, Verdict::Incomplete, "{name}");
    }
}

#[test]
fn unit_slips_are_named_with_the_value_as_typed_and_converted() {
    for (name, change, path, message) in [
        (
            "WBC 4.5 in /uL",
            (|a| labs(a).wbc = Some(Measured { value: Some(4.5), unit: Some(CountUnit::PerMicroliter) }))
                as fn(&mut Answers),
            "labs.wbc.value",
            "wbc 4.5 /uL = 0.0045 x10^9/L is implausibly low (below 0.1 x10^9/L): check the unit",
        ),
        (
            "hemoglobin 11.2 in g/L",
            |a| labs(a).hemoglobin = Some(Measured { value: Some(11.2), unit: Some(HemoglobinUnit::GPerL) }),
            "labs.hemoglobin.value",
            "hemoglobin 11.2 g/L = 1.12 g/dL is implausibly low (below 3 g/dL): check the unit",
        ),
        (
            "platelets 210 in /uL",
            |a| labs(a).platelets = Some(Measured { value: Some(210.0), unit: Some(CountUnit::PerMicroliter) }),
            "labs.platelets.value",
            "platelets 210 /uL = 0.21 x10^9/L is implausibly low (below 1 x10^9/L): check the unit",
        ),
    ] {
        let r = expect_error(name, change, path, message);
        assert_eq!(r.verdict, Verdict::Incomplete, "{name}: never not eligible for a slip");
    }
}

#[test]
fn not_eligible_only_when_some_failure_is_for_good() {
    // An under-18 known only in years is temporary too (contract 8.4).
    let mut a = eligible();
    patient(&mut a).birth_date = None;
    patient(&mut a).age_years = Some(17.0);
    let r = run(&a);
    assert_eq!((r.verdict, r.eligible_from), (Verdict::NotYetEligible, None));
    // Pregnancy stays a plain failure (contract 8.5).
    patient(&mut a).pregnant = Some(true);
    let r = run(&a);
    assert_eq!(r.verdict, Verdict::NotEligible);
    assert!(r.criterion(E6).is_some_and(|c| c.outcome == Outcome::Fail && !c.temporary));
}

#[test]
fn verdicts_follow_the_order_of_the_contract() {
    // not yet eligible: the latest clearing date of several failures
    let mut a = eligible();
    meds(&mut a).belimumab = Some(Event::On(d("2026-11-01"))); // clears 2027-01-02 (baseline 2026-12-20)
    cond(&mut a).herpes_zoster = Some(Event::On(d("2026-10-01"))); // clears 2026-12-30
    cond(&mut a).hiv = None; // an unknown may remain
    let r = run(&a);
    assert_eq!(r.verdict, Verdict::NotYetEligible);
    assert_eq!(r.eligible_from, Some(d("2027-01-02")));

    // one failure that never clears makes it not eligible
    patient(&mut a).consent = Some(false);
    let r = run(&a);
    assert_eq!(r.verdict, Verdict::NotEligible);
    assert_eq!(r.eligible_from, None);

    // nothing fails, something unknown: incomplete
    let mut a = eligible();
    cond(&mut a).hiv = None;
    let r = run(&a);
    assert_eq!(r.verdict, Verdict::Incomplete);
    assert_eq!(r.eligible_from, None);
}

#[test]
fn a_report_serializes_in_the_contract_shape() {
    let r = run(&eligible());
    let v = serde_json::to_value(&r).expect("serializes");
    let keys: Vec<&str> = v.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
    let mut want =
        vec!["baseline_date", "criteria", "derived", "eligible_from", "errors", "schema", "screening_date", "verdict"];
    want.sort_unstable();
    let mut keys = keys;
    keys.sort_unstable();
    assert_eq!(keys, want);
    assert_eq!(v["verdict"], "potentially_eligible");
    assert_eq!(v["criteria"][16]["outcome"], "site_review");
    let c = &v["criteria"][0];
    let mut ckeys: Vec<&str> = c.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
    ckeys.sort_unstable();
    assert_eq!(ckeys, ["clears_on", "id", "kind", "missing", "outcome", "reason", "temporary"]);
}

// ---- refusals (structurally invalid documents) ----

#[test]
fn structurally_invalid_documents_are_refused_naming_the_path() {
    let cases = [
        (
            "wrong type",
            r#"{"patient": {"weight_kg": "heavy"}}"#,
            r#"patient.weight_kg: invalid type: string "heavy", expected f64"#,
        ),
        ("unknown field", r#"{"patient": {"height_cm": 170}}"#, "patient.height_cm: unknown field `height_cm`"),
        ("unknown top-level field", r#"{"notes": "x"}"#, "notes: unknown field `notes`"),
        (
            "impossible date",
            r#"{"screening_date": "2026-02-30"}"#,
            "screening_date: invalid value: string \"2026-02-30\"",
        ),
        ("short date", r#"{"patient": {"birth_date": "1980-5-1"}}"#, "patient.birth_date: invalid value"),
        ("date with time", r#"{"sle": {"ana": {"date": "2026-10-01T00:00:00"}}}"#, "sle.ana.date: invalid value"),
        ("unknown enum word", r#"{"patient": {"sex": "other"}}"#, "patient.sex: unknown variant `other`"),
        (
            "unknown unit",
            r#"{"labs": {"hemoglobin": {"value": 11, "unit": "mg/dL"}}}"#,
            "labs.hemoglobin.unit: unknown variant `mg/dL`",
        ),
        ("bad event word", r#"{"conditions": {"herpes_zoster": "never"}}"#, "conditions.herpes_zoster: invalid value"),
        (
            "bad list entry date",
            r#"{"conditions": {"malignancy": [{"type": "other"}, {"date": "2020-13-01"}]}}"#,
            "conditions.malignancy[1].date: invalid value",
        ),
        (
            "bad list entry word",
            r#"{"sle": {"acr_criteria": ["malar_rash", "butterfly"]}}"#,
            "sle.acr_criteria[1]: unknown variant `butterfly`",
        ),
        (
            "malignancy neither none nor list",
            r#"{"conditions": {"malignancy": "some"}}"#,
            "conditions.malignancy: invalid value",
        ),
        (
            "corticosteroid unknown drug",
            r#"{"medications": {"corticosteroid": {"drug": "budesonide", "daily_mg": 9}}}"#,
            "medications.corticosteroid.drug: unknown variant `budesonide`",
        ),
        ("wrong schema", r#"{"schema": "misle-answers/2"}"#, "schema: invalid value"),
        ("BILAG grade F", r#"{"sle": {"bilag": {"renal": "F"}}}"#, "sle.bilag.renal: unknown variant `F`"),
        ("not an object", r#"[1, 2]"#, "answers: invalid type: sequence, expected an object"),
        (
            "an object given as an array",
            r#"{"sle": {"ana": [160, "2026-10-01"]}}"#,
            "sle.ana: invalid type: sequence, expected an object",
        ),
        (
            "the document given as an array",
            r#"["misle-answers/1", "2026-11-26"]"#,
            "answers: invalid type: sequence, expected an object",
        ),
        // With two faults, the first in the text is named (the reader
        // stops there: reading is one pass over the text).
        (
            "two faults in two sections",
            r#"{"labs": {"wbc": {"value": "low"}}, "patient": {"sex": "other"}}"#,
            r#"labs.wbc.value: invalid type: string "low", expected f64"#,
        ),
        (
            "two faults in one object",
            r#"{"patient": {"consent": 1, "sex": "other"}}"#,
            "patient.consent: invalid type: integer `1`, expected a boolean",
        ),
        (
            "a fault inside an entry before a later member's",
            r#"{"conditions": {"malignancy": [{"type": "lung"}, null], "hiv": 2}}"#,
            "conditions.malignancy[0].type: unknown variant `lung`",
        ),
        (
            "an unknown field after a bad member",
            r#"{"patient": {"sex": "other", "height_cm": 170}}"#,
            "patient.sex: unknown variant `other`",
        ),
        (
            "NaN is not JSON",
            r#"{"patient": {"weight_kg": NaN}}"#,
            "patient.weight_kg: not valid JSON: expected value at line 1",
        ),
        (
            "a number too large for f64",
            r#"{"patient": {"weight_kg": 1e999}}"#,
            "patient.weight_kg: not valid JSON: number out of range",
        ),
        ("a duplicate member", r#"{"patient": {"sex": "male", "sex": "female"}}"#, "patient: duplicate field `sex`"),
        // 100,000 nested arrays are refused at the first, without reading on
        // (no stack overflow).
        (
            "arrays nested 100,000 deep",
            &format!(r#"{{"sle": {{"acr_criteria": {}{}}}}}"#, "[".repeat(100_000), "]".repeat(100_000)),
            "sle.acr_criteria[0]: not valid JSON: expected value at line 1 column 27",
        ),
        ("not JSON", "{patient:", "answers: not valid JSON: key must be a string at line 1 column 2"),
        ("trailing text", r#"{} x"#, "answers: not valid JSON: trailing characters at line 1 column 4"),
        ("empty file", "", "answers: not valid JSON: EOF while parsing"),
    ];
    for (name, text, want) in cases {
        assert!(serde_json::from_str::<Answers>(text).is_err(), "{name}: the derived Deserialize accepts it");
        match from_json(text) {
            Ok(_) => panic!("{name}: accepted"),
            Err(e) => assert!(e.to_string().starts_with(want), "{name}: got {e:?} / {e}, want {want}"),
        }
    }
}

#[test]
fn null_and_empty_objects_mean_not_known() {
    let a = from_json(r#"{"schema": "misle-answers/1", "patient": null, "labs": {"hemoglobin": {"value": 11, "unit": null}}, "conditions": {"hiv": null}}"#)
        .expect("null is absent");
    assert_eq!(a.patient, None);
    assert_eq!(a.labs.as_ref().and_then(|l| l.hemoglobin.as_ref()).and_then(|h| h.unit), None);
    let r = run(&a);
    assert!(r.criterion(E3).is_some_and(|c| c.missing.contains(&"labs.hemoglobin.unit".to_string())));
}

#[test]
fn answers_round_trip_through_json() {
    for text in [ELIGIBLE, CONTRACT_EXAMPLE] {
        let a = from_json(text).expect("parses");
        let again = from_json(&serde_json::to_string(&a).expect("serializes")).expect("re-parses");
        assert_eq!(a, again);
    }
    let mut a = eligible();
    cond(&mut a).malignancy = Some(MalignancyHistory::Entries(vec![Malignancy {
        kind: Some(MalignancyType::CervicalCis),
        date: Some(d("2020-01-01")),
        adequately_treated: Some(true),
    }]));
    let text = serde_json::to_string(&a).expect("serializes");
    assert!(text.contains(r#""type":"cervical_cis""#), "{text}");
    assert_eq!(from_json(&text).expect("re-parses"), a);
    assert_eq!(serde_json::to_string(&Answers::default()).expect("serializes"), "{}");
}

#[test]
fn today_is_used_only_without_a_screening_date() {
    let mut a = eligible();
    let r = run_on(&a, d("2040-01-01"));
    assert_eq!(r.screening_date, d("2026-11-26"));
    a.screening_date = None;
    a.baseline_date = None;
    let r = run_on(&a, d("2026-12-01"));
    assert_eq!(r.screening_date, d("2026-12-01"));
    assert_eq!(r.baseline_date, d("2026-12-01"));
}

#[test]
fn refusals_say_what_was_expected() {
    let cases = [
        ("date of the wrong type", r#"{"screening_date": 5}"#, "expected a date YYYY-MM-DD"),
        ("date with slashes", r#"{"screening_date": "2026/11/26"}"#, "expected a date YYYY-MM-DD"),
        (
            "event of the wrong type",
            r#"{"conditions": {"herpes_zoster": 5}}"#,
            r#"expected "none" or a date YYYY-MM-DD"#,
        ),
        ("schema of the wrong type", r#"{"schema": 1}"#, r#"expected "misle-answers/1""#),
        (
            "malignancy of the wrong type",
            r#"{"conditions": {"malignancy": 5}}"#,
            r#"expected "none" or a list of malignancies"#,
        ),
        (
            "corticosteroid of the wrong type",
            r#"{"medications": {"corticosteroid": true}}"#,
            r#"expected "none" or a corticosteroid dose"#,
        ),
        ("patient of the wrong type", r#"{"patient": "Ann"}"#, "expected an object"),
    ];
    for (name, text, expected) in cases {
        let words = from_json(text).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(words.contains(expected), "{name}: the reader says {words:?}, want {expected:?}");
        // The path replaces serde_json's position in the text.
        assert!(!words.contains(" at line "), "{name}: {words:?}");
    }
}

/// Contract 4 (E12: "equality passes") and 7.8: a dose of exactly 0.5
/// mg/kg/day passes whatever the drug and weight, though the division in
/// binary floating point can land a hair above 0.5 (20.15 / 40.3). Every
/// weight from 35 to 150 kg in steps of 0.1 kg, every drug: the dose at the
/// limit passes, the next dose the same decimals can write fails. Both
/// numbers are the f64 a JSON reader gives for the decimal.
#[test]
fn a_corticosteroid_dose_of_exactly_half_a_mg_per_kg_passes_for_every_weight_and_drug() {
    let drugs = [
        (Steroid::Prednisone, 500),
        (Steroid::Prednisolone, 500),
        (Steroid::Methylprednisolone, 400),
        (Steroid::Triamcinolone, 400),
        (Steroid::Hydrocortisone, 2000),
        (Steroid::Cortisone, 2500),
        (Steroid::Dexamethasone, 75),
        (Steroid::Betamethasone, 75),
        (Steroid::Deflazacort, 600),
    ];
    let mut a = eligible();
    let today = d("2030-01-01");
    let mut wrong = Vec::new();
    for tenths_kg in 350u32..=1500 {
        patient(&mut a).weight_kg = Some(f64::from(tenths_kg) / 10.0);
        for (drug, equivalent_centimg) in drugs {
            // mg at the limit = kg x 0.5 x equivalent / 5 = tenths_kg x equivalent_centimg / 10,000.
            let at_limit = tenths_kg * equivalent_centimg;
            for (dose, want) in [(at_limit, Outcome::Pass), (at_limit + 1, Outcome::Fail)] {
                let mg = f64::from(dose) / 10_000.0;
                meds(&mut a).corticosteroid =
                    Some(Corticosteroid::Taking(SteroidDose { drug: Some(drug), daily_mg: Some(mg) }));
                let got = evaluate(&a, today).criterion(E12).map(|c| c.outcome);
                if got != Some(want) {
                    wrong.push(format!("{drug:?} {mg} mg at {} kg: {got:?}", f64::from(tenths_kg) / 10.0));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} wrong, first: {:?}", wrong.len(), &wrong[..wrong.len().min(5)]);
}

/// Contract 7.8 and 8.1: a value converted into the rule's unit that lands
/// exactly on a limit is at the limit, not a hair past it.
#[test]
fn lab_values_converted_exactly_onto_a_limit_are_at_the_limit() {
    let mut a = eligible();
    // 1.8618 mmol/L = 3 g/dL: in range (no unit-slip error), and below 8: E3 fails.
    labs(&mut a).hemoglobin = Some(Measured { value: Some(1.8618), unit: Some(HemoglobinUnit::MmolPerL) });
    let r = run(&a);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.criterion(E3).map(|c| c.outcome), Some(Outcome::Fail));
    // 4.9648 mmol/L = 8 g/dL: at E3's limit, which passes.
    labs(&mut a).hemoglobin = Some(Measured { value: Some(4.9648), unit: Some(HemoglobinUnit::MmolPerL) });
    let r = run(&a);
    assert_eq!(r.criterion(E3).map(|c| c.outcome), Some(Outcome::Pass), "{:?}", r.criterion(E3));
    // 8.84 umol/L = 0.1 mg/dL: in range, so CKD-EPI uses it.
    let mut a = eligible();
    if let Some(l) = a.labs.as_mut() {
        l.egfr = None;
    }
    labs(&mut a).creatinine = Some(Measured { value: Some(8.84), unit: Some(CreatinineUnit::UmolPerL) });
    let r = run(&a);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.criterion(E3).map(|c| c.outcome), Some(Outcome::Pass), "{:?}", r.criterion(E3));
}

#[test]
fn only_the_criteria_of_contract_8_say_what_must_happen_first_and_only_e12_to_e14_count_from_baseline() {
    for id in CriterionId::ALL {
        let until = id.until();
        match id {
            I1 => assert!(until.is_some_and(|u| u.contains("18")), "{id:?}: {until:?}"),
            I5 => assert!(until.is_some_and(|u| u.contains("6 months of mycophenolate")), "{id:?}: {until:?}"),
            E12 => assert!(until.is_some_and(|u| u.contains("{dose}")), "{id:?}: {until:?}"),
            _ => assert_eq!(until, None, "{id:?}"),
        }
        // Windows of E12-E14 count back from the planned baseline; the others from screening.
        assert_eq!(id.from_baseline(), matches!(id, E12 | E13 | E14), "{id:?}");
        assert!(!id.inputs().is_empty() || id == E11, "{id:?} reads no answer");
    }
}

#[test]
fn an_unknown_criterion_shows_what_is_known_beside_what_is_missing() {
    let mut a = eligible();
    labs(&mut a).platelets = None;
    let r = run(&a);
    let e3 = r.criterion(E3).expect("E3");
    assert_eq!(e3.outcome, Outcome::Unknown);
    assert!(e3.reason.contains(" Known: ") && e3.reason.contains("hemoglobin"), "{}", e3.reason);
    // a passing criterion's reason already says its values: no "Known:"
    let passing = run(&eligible());
    let e3 = passing.criterion(E3).expect("E3");
    assert_eq!(e3.outcome, Outcome::Pass);
    assert!(!e3.reason.contains("Known:"), "{}", e3.reason);
}
