//! Properties of `evaluate` over generated answers:
//! - it never panics, whatever the values (any date chrono can hold, NaN,
//!   infinities, huge numbers);
//! - its report always has the contract's shape;
//! - a saved file reads back to the same answers, and a refused document
//!   names the path of its wrong value;
//! - with `screening_date` and `baseline_date` set, filling in one more
//!   absent answer never changes a criterion that was already `pass` or
//!   `fail` (what is known stays known).

use chrono::{Datelike, Days, NaiveDate};
use misle_check::engine::answers::*;
use misle_check::engine::report::{Outcome, Verdict};
use misle_check::{evaluate, from_json, Answers};
use proptest::prelude::*;
use serde_json::Value;

const SCREENING: &str = "2026-11-26";
const BASELINE: &str = "2026-12-20";

fn screening() -> NaiveDate {
    parse_date(SCREENING).unwrap_or_default()
}

/// How wild the generated values are.
#[derive(Clone, Copy)]
enum Range {
    /// Dates within about eight years of screening (some after it), numbers
    /// around the rules' limits and just past the validation limits.
    Clinical,
    /// Any date chrono can hold, any f64 including NaN and infinities.
    Wild,
}

fn date(r: Range) -> BoxedStrategy<NaiveDate> {
    match r {
        Range::Clinical => (-3000i64..=400)
            .prop_map(|off| {
                let s = screening();
                if off >= 0 {
                    s.checked_add_days(Days::new(off as u64)).unwrap_or(s)
                } else {
                    s.checked_sub_days(Days::new(off.unsigned_abs())).unwrap_or(s)
                }
            })
            .boxed(),
        Range::Wild => prop_oneof![
            (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
                .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap_or_default()),
            Just(NaiveDate::MIN),
            Just(NaiveDate::MAX),
        ]
        .boxed(),
    }
}

fn num(r: Range, lo: f64, hi: f64) -> BoxedStrategy<f64> {
    match r {
        Range::Clinical => prop_oneof![4 => lo..hi, 1 => Just(lo), 1 => Just(hi), 1 => -10.0..0.0].boxed(),
        Range::Wild => prop_oneof![
            lo..hi,
            proptest::num::f64::ANY,
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(f64::MAX),
            Just(-0.0),
        ]
        .boxed(),
    }
}

fn whole(r: Range, lo: i32, hi: i32) -> BoxedStrategy<f64> {
    prop_oneof![4 => (lo..=hi).prop_map(f64::from), 1 => num(r, f64::from(lo), f64::from(hi))].boxed()
}

fn opt<T: std::fmt::Debug + Clone + 'static>(s: impl Strategy<Value = T> + 'static) -> BoxedStrategy<Option<T>> {
    prop::option::weighted(0.85, s).boxed()
}

fn yes_no() -> BoxedStrategy<Option<bool>> {
    // Mostly "no", so that whole documents often reach a verdict other than not eligible.
    opt(prop::bool::weighted(0.15))
}

fn event(r: Range) -> BoxedStrategy<Option<Event>> {
    opt(prop_oneof![2 => Just(Event::Never), 1 => date(r).prop_map(Event::On)])
}

fn unit<T: Clone + std::fmt::Debug + 'static>(choices: Vec<T>) -> BoxedStrategy<Option<T>> {
    opt(prop::sample::select(choices))
}

fn grade() -> BoxedStrategy<Option<Grade>> {
    opt(prop::sample::select(vec![Grade::A, Grade::B, Grade::C, Grade::D, Grade::E]))
}

fn list<T: Clone + std::fmt::Debug + 'static>(all: Vec<T>, max: usize) -> BoxedStrategy<Option<Vec<T>>> {
    opt(prop::collection::vec(prop::sample::select(all), 0..=max))
}

const ACR: [AcrCriterion; 11] = [
    AcrCriterion::MalarRash,
    AcrCriterion::DiscoidRash,
    AcrCriterion::Photosensitivity,
    AcrCriterion::OralUlcers,
    AcrCriterion::Arthritis,
    AcrCriterion::Serositis,
    AcrCriterion::RenalDisorder,
    AcrCriterion::NeurologicDisorder,
    AcrCriterion::HematologicDisorder,
    AcrCriterion::ImmunologicDisorder,
    AcrCriterion::AntinuclearAntibody,
];

const SLEDAI: [SledaiItem; 24] = [
    SledaiItem::Seizure,
    SledaiItem::Psychosis,
    SledaiItem::OrganicBrainSyndrome,
    SledaiItem::VisualDisturbance,
    SledaiItem::CranialNerveDisorder,
    SledaiItem::LupusHeadache,
    SledaiItem::Cva,
    SledaiItem::Vasculitis,
    SledaiItem::Arthritis,
    SledaiItem::Myositis,
    SledaiItem::UrinaryCasts,
    SledaiItem::Hematuria,
    SledaiItem::Proteinuria,
    SledaiItem::Pyuria,
    SledaiItem::Rash,
    SledaiItem::Alopecia,
    SledaiItem::MucosalUlcers,
    SledaiItem::Pleurisy,
    SledaiItem::Pericarditis,
    SledaiItem::LowComplement,
    SledaiItem::IncreasedDnaBinding,
    SledaiItem::Fever,
    SledaiItem::Thrombocytopenia,
    SledaiItem::Leukopenia,
];

fn patient(r: Range) -> impl Strategy<Value = Option<Patient>> {
    opt((
        opt(date(r)),
        opt(whole(r, 10, 80)),
        unit(vec![Sex::Female, Sex::Male]),
        opt(num(r, 15.0, 310.0)),
        yes_no(),
        yes_no(),
        yes_no(),
        opt(prop::bool::weighted(0.85)),
        opt(prop::bool::weighted(0.85)),
    )
        .prop_map(|(birth_date, age_years, sex, weight_kg, cbp, pregnant, breastfeeding, willing, consent)| {
            Patient {
                birth_date,
                age_years,
                sex,
                weight_kg,
                childbearing_potential: cbp,
                pregnant,
                breastfeeding,
                contraception_willing: willing,
                consent,
            }
        }))
}

fn sle(r: Range) -> impl Strategy<Value = Option<Sle>> {
    let ana = opt((opt(prop::sample::select(vec![0.0, 40.0, 80.0, 160.0, 1280.0, -1.0])), opt(date(r))))
        .prop_map(|t| t.map(|(titer, date)| Ana { titer, date }));
    let dsdna =
        opt((opt(any::<bool>()), opt(date(r)))).prop_map(|t| t.map(|(positive, date)| AntiDsDna { positive, date }));
    let sledai = opt((opt(whole(r, 0, 110)), list(SLEDAI.to_vec(), 5)))
        .prop_map(|t| t.map(|(score, items)| Sledai { score, items }));
    let bilag = opt((grade(), grade(), grade(), grade(), grade(), grade(), grade(), grade(), grade())).prop_map(|t| {
        t.map(|(a, b, c, d, e, f, g, h, i)| Bilag {
            constitutional: a,
            mucocutaneous: b,
            neuropsychiatric: c,
            musculoskeletal: d,
            cardiorespiratory: e,
            gastrointestinal: f,
            ophthalmic: g,
            renal: h,
            hematological: i,
        })
    });
    opt((list(ACR.to_vec(), 8), ana, dsdna, sledai, bilag, opt(prop::bool::weighted(0.85)))).prop_map(|t| {
        t.map(|(acr_criteria, ana, anti_dsdna, sledai, bilag, standard_of_care)| Sle {
            acr_criteria,
            ana,
            anti_dsdna,
            sledai,
            bilag,
            standard_of_care,
        })
    })
}

fn nephritis(r: Range) -> impl Strategy<Value = Option<NephritisTherapy>> {
    opt((
        opt(date(r)),
        opt(num(r, 0.0, 12.0)),
        opt(num(r, 0.0, 8.0)),
        unit(vec![Maintenance::Mycophenolate, Maintenance::Azathioprine, Maintenance::None]),
        yes_no(),
    )
        .prop_map(|(start_date, myco, cyc, maint, ongoing)| NephritisTherapy {
            start_date,
            mycophenolate_months: myco,
            cyclophosphamide_months: cyc,
            maintenance_after_cyclophosphamide: maint,
            ongoing,
        }))
}

fn measured<U: Clone + std::fmt::Debug + 'static>(
    r: Range,
    lo: f64,
    hi: f64,
    units: Vec<U>,
) -> BoxedStrategy<Option<Measured<U>>> {
    opt((opt(num(r, lo, hi)), unit(units)).prop_map(|(value, unit)| Measured { value, unit }))
}

fn labs(r: Range) -> impl Strategy<Value = Option<Labs>> {
    let counts = vec![CountUnit::PerNanoliter, CountUnit::ThousandPerMicroliter, CountUnit::PerMicroliter];
    let enzyme =
        move || opt((opt(num(r, 0.0, 400.0)), opt(num(r, 0.0, 60.0))).prop_map(|(value, uln)| Enzyme { value, uln }));
    opt((
        opt(opt(num(r, 0.0, 210.0)).prop_map(|value| Egfr { value })),
        measured(r, 0.05, 40.0, vec![CreatinineUnit::MgPerDl, CreatinineUnit::UmolPerL]),
        measured(r, 0.0, 20.0, counts.clone()),
        measured(r, 0.5, 30.0, vec![HemoglobinUnit::GPerDl, HemoglobinUnit::GPerL, HemoglobinUnit::MmolPerL]),
        measured(r, 0.0, 500.0, counts),
        enzyme(),
        enzyme(),
    )
        .prop_map(|(egfr, creatinine, wbc, hemoglobin, platelets, ast, alt)| Labs {
            egfr,
            creatinine,
            wbc,
            hemoglobin,
            platelets,
            ast,
            alt,
        }))
}

fn malignancy(r: Range) -> BoxedStrategy<Option<MalignancyHistory>> {
    let entry = (
        unit(vec![
            MalignancyType::BasalCellSkin,
            MalignancyType::SquamousCellSkin,
            MalignancyType::CervicalCis,
            MalignancyType::Other,
        ]),
        opt(date(r)),
        opt(any::<bool>()),
    )
        .prop_map(|(kind, date, adequately_treated)| Malignancy { kind, date, adequately_treated });
    opt(prop_oneof![
        2 => Just(MalignancyHistory::Never),
        1 => prop::collection::vec(entry, 0..3).prop_map(MalignancyHistory::Entries),
    ])
}

fn conditions(r: Range) -> impl Strategy<Value = Option<Conditions>> {
    let flags = (yes_no(), yes_no(), yes_no(), yes_no(), yes_no(), yes_no(), yes_no(), yes_no(), yes_no(), yes_no());
    let rest = (malignancy(r), event(r), event(r), yes_no(), event(r));
    opt((flags, rest).prop_map(|((cns, dialysis, hiv, hbv, hcv, tb, cxr, transplant, ekg, comorb), rest)| {
        let (malignancy, herpes_zoster, serious_infection, substance_abuse_current, substance_abuse_last) = rest;
        Conditions {
            active_cns_lupus: cns,
            nephritis_dialysis: dialysis,
            hiv,
            hepatitis_b: hbv,
            hepatitis_c: hcv,
            tuberculosis: tb,
            cxr_tb_or_fungal: cxr,
            renal_transplant: transplant,
            significant_ekg_cxr: ekg,
            steroid_comorbidity: comorb,
            malignancy,
            herpes_zoster,
            serious_infection,
            substance_abuse_current,
            substance_abuse_last,
        }
    }))
}

fn medications(r: Range) -> impl Strategy<Value = Option<Medications>> {
    let drugs = vec![
        Steroid::Prednisone,
        Steroid::Prednisolone,
        Steroid::Methylprednisolone,
        Steroid::Triamcinolone,
        Steroid::Hydrocortisone,
        Steroid::Cortisone,
        Steroid::Dexamethasone,
        Steroid::Betamethasone,
        Steroid::Deflazacort,
    ];
    let dose = (unit(drugs), opt(prop_oneof![Just(0.0), num(r, 0.0, 80.0), num(r, 1900.0, 2100.0)]))
        .prop_map(|(drug, daily_mg)| SteroidDose { drug, daily_mg });
    let cs = opt(prop_oneof![1 => Just(Corticosteroid::Never), 2 => dose.prop_map(Corticosteroid::Taking)]);
    opt((cs, event(r), event(r), event(r), event(r)).prop_map(|(corticosteroid, isc, exp, bel, bcd)| Medications {
        corticosteroid,
        immunosuppressant_change: isc,
        experimental_agent: exp,
        belimumab: bel,
        b_cell_depletion: bcd,
    }))
}

fn answers(r: Range) -> impl Strategy<Value = Answers> {
    (opt(date(r)), opt(date(r)), patient(r), sle(r), nephritis(r), labs(r), conditions(r), medications(r)).prop_map(
        |(screening_date, baseline_date, patient, sle, nephritis_therapy, labs, conditions, medications)| Answers {
            schema: None,
            screening_date,
            baseline_date,
            patient,
            sle,
            nephritis_therapy,
            labs,
            conditions,
            medications,
        },
    )
}

/// The paths of the leaves of a JSON document (a list counts as one leaf).
fn leaves(v: &Value, prefix: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                leaves(child, &path, out);
            }
        }
        _ => out.push(prefix.to_string()),
    }
}

fn get<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |v, k| v.get(k))
}

fn remove(v: &mut Value, path: &str) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let Some(last) = parts.pop() else { return };
    let mut cur = v;
    for p in parts {
        match cur.get_mut(p) {
            Some(next) => cur = next,
            None => return,
        }
    }
    if let Some(map) = cur.as_object_mut() {
        map.remove(last);
    }
}

fn set(v: &mut Value, path: &str, value: Value) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let Some(last) = parts.pop() else { return };
    let mut cur = v;
    for p in parts {
        let Some(map) = cur.as_object_mut() else { return };
        cur = map.entry(p.to_string()).or_insert_with(|| Value::Object(Default::default()));
    }
    if let Some(map) = cur.as_object_mut() {
        map.insert(last.to_string(), value);
    }
}

/// Answers that replace another answer rather than add to it: filling one in
/// while its alternative is present may rightly change a known outcome.
fn overrides(path: &str, partial: &Value) -> bool {
    let present = |p: &str| get(partial, p).is_some();
    match path {
        "patient.birth_date" => present("patient.age_years"),
        "labs.egfr.value" => present("labs.creatinine"),
        "sle.sledai.score" => present("sle.sledai.items"),
        "sle.sledai.items" => present("sle.sledai.score"),
        _ => false,
    }
}

/// Removes every member whose value is an empty object (after removing
/// those inside it), but for a corticosteroid taken with nothing more known
/// and a malignancy row, which say something empty.
fn drop_empty_objects(v: &mut Value) {
    if let Value::Object(map) = v {
        for child in map.values_mut() {
            drop_empty_objects(child);
        }
        map.retain(|k, child| k == "corticosteroid" || !child.as_object().is_some_and(|m| m.is_empty()));
    }
}

/// The paths of every object in a document, the document itself included.
fn objects(v: &Value, prefix: &str, out: &mut Vec<String>) {
    if let Value::Object(map) = v {
        out.push(prefix.to_string());
        for (k, child) in map {
            let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
            objects(child, &path, out);
        }
    }
}

/// Values of every JSON type, some of them right for some fields.
fn odd_value() -> impl Strategy<Value = Value> {
    prop::sample::select(vec![
        serde_json::json!("x"),
        serde_json::json!("none"),
        serde_json::json!("2026-02-30"),
        serde_json::json!("2026-01-05"),
        serde_json::json!("A"),
        serde_json::json!(5),
        serde_json::json!(1.5),
        serde_json::json!(-0.0),
        serde_json::json!(true),
        serde_json::json!(null),
        serde_json::json!([]),
        serde_json::json!(["arthritis"]),
        serde_json::json!([null]),
        serde_json::json!({}),
        serde_json::json!({"value": 3}),
    ])
}

/// Cases per property: 2000, or `PROPTEST_CASES` when set.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(2000)
}

proptest! {
    // 2000 cases unless PROPTEST_CASES says otherwise (the mutation-testing run uses fewer).
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn a_saved_file_reads_back_to_the_same_answers(a in answers(Range::Clinical)) {
        let saved = misle_check::to_json(&a);
        let back = from_json(&saved).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &a);
    }

    /// "Load answers" shows what the file says: the page's draft of a
    /// document gives the engine's verdict for the file, every criterion's
    /// outcome and date, the same errors and derived numbers (issue #13).
    /// (An object given empty, `"ast": {}`, comes back absent: the missing
    /// answers are then named by the object's path rather than its fields'.)
    #[test]
    fn the_pages_draft_of_a_document_gives_the_engines_verdict(a in answers(Range::Clinical)) {
        let (back, notes) = misle_check::questions::draft::Draft::from_answers(&a).to_answers();
        prop_assert!(notes.is_empty(), "{:?}", notes);
        let (want, got) = (evaluate(&a, screening()), evaluate(&back, screening()));
        prop_assert_eq!((got.verdict, got.eligible_from), (want.verdict, want.eligible_from));
        let results = |r: &misle_check::Report| r.criteria.iter().map(|c| (c.id, c.outcome, c.clears_on, c.temporary)).collect::<Vec<_>>();
        prop_assert_eq!(results(&got), results(&want));
        prop_assert_eq!(&got.errors, &want.errors);
        prop_assert_eq!(&got.derived, &want.derived);
    }

    /// Answers -> FHIR QuestionnaireResponse (as JSON text) -> answers gives
    /// the same document (issue #15), but for what a response has no item
    /// for: `schema` (always written), an object given empty (absent), and
    /// a malignancy list given empty (`"none"`, the same by contract 7.11).
    #[test]
    fn answers_come_back_from_their_questionnaire_response(a in answers(Range::Clinical), today in date(Range::Clinical)) {
        let response = misle_check::fhir::to_questionnaire_response(&a, today);
        let text = serde_json::to_string(&response).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let value: Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = misle_check::fhir::answers_from_questionnaire_response(&value).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut want = serde_json::to_value(&a).map_err(|e| TestCaseError::fail(e.to_string()))?;
        set(&mut want, "schema", Value::String("misle-answers/1".into()));
        if get(&want, "conditions.malignancy") == Some(&serde_json::json!([])) {
            set(&mut want, "conditions.malignancy", Value::String("none".into()));
        }
        drop_empty_objects(&mut want);
        let got = serde_json::to_value(&back).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(got, want);
    }

    #[test]
    fn a_refused_document_names_the_path_of_its_wrong_value(
        a in answers(Range::Clinical),
        pick in any::<prop::sample::Index>(),
        replace in any::<bool>(),
        odd in odd_value(),
    ) {
        let mut doc = serde_json::to_value(&a).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let changed = if replace {
            let mut paths = Vec::new();
            leaves(&doc, "", &mut paths);
            prop_assume!(!paths.is_empty());
            let path = paths[pick.index(paths.len())].clone();
            set(&mut doc, &path, odd);
            path
        } else {
            let mut paths = Vec::new();
            objects(&doc, "", &mut paths);
            let path = paths[pick.index(paths.len())].clone();
            let key = if path.is_empty() { "extra".to_string() } else { format!("{path}.extra") };
            set(&mut doc, &key, odd);
            key
        };
        // Either the value fits where it was put, or the refusal names it
        // (or a place inside it: a list's entry, an object's member).
        if let Err(e) = from_json(&doc.to_string()) {
            prop_assert!(
                e.path() == changed || e.path().starts_with(&format!("{changed}.")) || e.path().starts_with(&format!("{changed}[")),
                "changed {}, refused at {:?}: {}", changed, e.path(), e
            );
        }
    }

    #[test]
    fn evaluate_never_panics_on_wild_answers(a in answers(Range::Wild), today in date(Range::Wild)) {
        let r = evaluate(&a, today);
        prop_assert_eq!(r.criteria.len(), 22);
    }

    #[test]
    fn every_report_keeps_the_contract_invariants(a in answers(Range::Clinical)) {
        let r = evaluate(&a, screening());
        prop_assert_eq!(r.criteria.len(), 22);
        prop_assert!(r.baseline_date >= r.screening_date);
        for c in &r.criteria {
            prop_assert!(!c.reason.is_empty());
            match c.outcome {
                Outcome::Fail => prop_assert!(c.missing.is_empty()),
                Outcome::Unknown => {
                    prop_assert!(c.clears_on.is_none());
                    prop_assert!(!c.missing.is_empty(), "{:?} unknown without missing: {}", c.id, c.reason);
                }
                _ => prop_assert!(c.clears_on.is_none() && c.missing.is_empty()),
            }
            if let Some(on) = c.clears_on {
                prop_assert!(on > r.screening_date.min(r.baseline_date), "{:?} clears in the past", c.id);
            }
        }
        for c in &r.criteria {
            // Only a failure is temporary, and every dated failure is.
            prop_assert!(!c.temporary || c.outcome == Outcome::Fail, "{:?} temporary but {:?}", c.id, c.outcome);
            prop_assert!(c.clears_on.is_none() || c.temporary, "{:?} has a date but is not temporary", c.id);
        }
        let fails: Vec<_> = r.criteria.iter().filter(|c| c.outcome == Outcome::Fail).collect();
        // Contract 5: not eligible exactly when some failure is for good.
        prop_assert_eq!(r.verdict == Verdict::NotEligible, fails.iter().any(|c| !c.temporary));
        match r.verdict {
            Verdict::NotEligible => {}
            Verdict::NotYetEligible => {
                prop_assert!(!fails.is_empty() && fails.iter().all(|c| c.temporary));
                let dates: Option<Vec<_>> = fails.iter().map(|c| c.clears_on).collect();
                prop_assert_eq!(r.eligible_from, dates.and_then(|d| d.into_iter().max()));
            }
            Verdict::Incomplete => prop_assert!(fails.is_empty()),
            Verdict::PotentiallyEligible => {
                prop_assert!(fails.is_empty() && r.errors.is_empty());
                prop_assert!(r.criteria.iter().all(|c| c.outcome != Outcome::Unknown));
            }
        }
        if r.verdict != Verdict::NotYetEligible {
            prop_assert_eq!(r.eligible_from, None);
        }
    }

    #[test]
    fn filling_in_one_more_answer_never_changes_a_known_outcome(
        full in answers(Range::Clinical),
        keep in prop::collection::vec(any::<bool>(), 80),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut doc = serde_json::to_value(&full).map_err(|e| TestCaseError::fail(e.to_string()))?;
        set(&mut doc, "screening_date", Value::String(SCREENING.into()));
        set(&mut doc, "baseline_date", Value::String(BASELINE.into()));
        let mut paths = Vec::new();
        leaves(&doc, "", &mut paths);
        paths.retain(|p| p != "screening_date" && p != "baseline_date");
        prop_assume!(!paths.is_empty());

        // Remove a random subset of answers, then put one of them back.
        let mut partial = doc.clone();
        let mut removed = Vec::new();
        for (i, p) in paths.iter().enumerate() {
            if !keep.get(i).copied().unwrap_or(false) {
                remove(&mut partial, p);
                removed.push(p.clone());
            }
        }
        prop_assume!(!removed.is_empty());
        let added = removed[pick.index(removed.len())].clone();
        prop_assume!(!overrides(&added, &partial));
        let mut more = partial.clone();
        let value = get(&doc, &added).cloned().unwrap_or(Value::Null);
        set(&mut more, &added, value);

        let parse = |v: &Value| from_json(&v.to_string()).map_err(|e| TestCaseError::fail(e.to_string()));
        let before = evaluate(&parse(&partial)?, screening());
        let after = evaluate(&parse(&more)?, screening());
        for (b, a) in before.criteria.iter().zip(&after.criteria) {
            if matches!(b.outcome, Outcome::Pass | Outcome::Fail) {
                prop_assert_eq!(
                    b.outcome, a.outcome,
                    "{:?} changed after filling in {}: {} -> {}", b.id, added, b.reason, a.reason
                );
            }
        }
    }
}
