//! The MiSLE questionnaire: every question of the contract, in clinical
//! order, with the registry's limits in its hints.

use super::lists::{ACR, COUNT_UNITS, CREATININE_UNITS, GRADES, HB_UNITS, MAINTENANCE, SLEDAI, STEROIDS, TITERS};
use super::Item::{self, Div, Hint, Live as L, Malignancies, Registry, SledaiMode, SledaiTotal, When, H3, Q};
use super::{Gate, Kind, Live, Question, Rest, Section};
use crate::engine::criteria::CriterionId;

const fn q(path: &'static str, label: &'static str, hint: &'static str, kind: Kind) -> Item {
    Q(Question { path, label, name: "", hint, kind })
}
const fn named(path: &'static str, label: &'static str, name: &'static str, hint: &'static str, kind: Kind) -> Item {
    Q(Question { path, label, name, hint, kind })
}
const fn yn(path: &'static str, label: &'static str, name: &'static str, hint: &'static str) -> Item {
    named(path, label, name, hint, Kind::YesNo)
}
const fn ev(path: &'static str, label: &'static str, name: &'static str, hint: &'static str) -> Item {
    named(path, label, name, hint, Kind::Event("None", "Yes, most recent on"))
}
const fn dt(path: &'static str, label: &'static str, name: &'static str, hint: &'static str) -> Item {
    named(path, label, name, hint, Kind::Date)
}
const fn grade(domain: &'static str, label: &'static str, name: &'static str) -> Item {
    named(domain, label, name, "", Kind::Select(GRADES, "not known"))
}
const fn unit(path: &'static str, name: &'static str, options: super::Options) -> Item {
    named(path, "Unit", name, "", Kind::Radios(options))
}

/// Names of the answers that group several questions (`labs.platelets`),
/// for the panel's links to an answer that is missing whole.
pub const GROUPS: &[(&str, &str)] = &[
    ("patient", "Patient"),
    ("sle.ana", "ANA test"),
    ("sle.anti_dsdna", "Anti-dsDNA test"),
    ("sle.sledai", "SLEDAI-2K"),
    ("sle.bilag", "BILAG-2004 grades"),
    ("nephritis_therapy", "Nephritis therapy"),
    ("labs.egfr", "eGFR (or creatinine)"),
    ("labs.creatinine", "Creatinine"),
    ("labs.wbc", "White blood cells"),
    ("labs.hemoglobin", "Hemoglobin"),
    ("labs.platelets", "Platelets"),
    ("labs.ast", "AST"),
    ("labs.alt", "ALT"),
];

/// Answers given only instead of another (`patient.age_years` is used only
/// without `patient.birth_date`): (the preferred answer, the one in its
/// place). When a patient's record fills the preferred one, the other is
/// cleared, so the form never shows an age that the birth date contradicts.
pub const INSTEAD: &[(&str, &str)] = &[("patient.birth_date", "patient.age_years")];

/// Every section, in order.
pub const SECTIONS: &[Section] = &[
    Section {
        key: "dates",
        title: "Dates",
        gate: None,
        items: &[
            Div("row", &[
                named("screening_date", "Screening date", "Screening date", "Today by default. Windows of I3, I5, E5, E9 and E16 count back from it.", Kind::Date),
                named("baseline_date", "Planned baseline (infusion, day 0)", "Planned baseline date", "Optional; empty means the screening date. Windows of E12–E14 count back from it.", Kind::Date),
            ]),
            L(Live::Dates),
        ],
    },
    Section {
        key: "patient",
        title: "Patient",
        gate: None,
        items: &[
            Div("row", &[
                named("patient.birth_date", "Birth date", "Birth date (or age)", "Preferred: gives the exact age.", Kind::Date),
                named("patient.age_years", "Or age", "Age", "Only used without a birth date.", Kind::Number("years")),
            ]),
            L(Live::Age),
            named("patient.weight_kg", "Weight", "Weight", "For the corticosteroid limit of 0.5 mg/kg/day.", Kind::Number("kg")),
            q("patient.sex", "Sex", "", Kind::Radios(&[("female", "Female"), ("male", "Male")])),
        ],
    },
    Section {
        key: "reproductive",
        title: "Pregnancy and contraception",
        gate: Some(Gate::Female),
        items: &[
            yn("patient.pregnant", "Pregnant?", "Pregnant", ""),
            yn("patient.breastfeeding", "Breastfeeding?", "Breastfeeding", ""),
            yn("patient.childbearing_potential", "Childbearing potential?", "Childbearing potential", "Not post-menopausal and not surgically sterile."),
            When(Gate::Potential, &[yn("patient.contraception_willing", "Willing to use adequate contraception?", "Willing to use contraception", "")]),
        ],
    },
    Section {
        key: "history",
        title: "SLE history",
        gate: None,
        items: &[
            named(
                "sle.acr_criteria",
                "1997-updated ACR classification criteria ever met (at least 4 of 11)",
                "ACR criteria",
                "",
                Kind::Checks(ACR, true, false),
            ),
            L(Live::Acr),
            H3("Antibodies (within 6 months before screening)"),
            Hint("Qualifies: ANA titer 1:80 or more, or a positive anti-dsDNA test, dated within 6 months before screening (inclusive). An older test needs repeating."),
            Div("row", &[
                named("sle.ana.titer", "ANA titer (latest)", "ANA titer", "", Kind::NumberSelect(TITERS, "not known")),
                dt("sle.ana.date", "ANA test date", "ANA test date", ""),
            ]),
            Div("row", &[
                yn("sle.anti_dsdna.positive", "Anti-dsDNA positive (latest test)", "Anti-dsDNA result", ""),
                dt("sle.anti_dsdna.date", "Anti-dsDNA test date", "Anti-dsDNA test date", ""),
            ]),
        ],
    },
    Section {
        key: "activity",
        title: "Disease activity at screening",
        gate: None,
        items: &[
            Registry(CriterionId::I4),
            Hint("“At screening”: give SLEDAI-2K and BILAG-2004 from the most recent visit; the site scores them again at screening."),
            H3("SLEDAI-2K (the registry’s “SLEDAI”; at least 6 needed)"),
            Hint("Descriptors present at the visit or in the previous 10 days. SLEDAI-2K counts persistent activity; the 1992 SLEDAI needed rash, alopecia, ulcers and proteinuria to be new or recurrent."),
            SledaiMode,
            When(Gate::SledaiItems, &[
                named("sle.sledai.items", "SLEDAI-2K descriptors present (weight before each)", "SLEDAI-2K descriptors", "", Kind::Checks(SLEDAI, false, true)),
                SledaiTotal,
            ]),
            When(Gate::SledaiScore, &[named("sle.sledai.score", "SLEDAI-2K score", "SLEDAI-2K score", "0 to 105.", Kind::Number(""))]),
            H3("BILAG-2004 grade per domain (at least one A or B needed)"),
            Hint("A: severe activity needing high-dose steroids and/or immunosuppressants. B: moderate activity needing lower-dose steroids, antimalarials or NSAIDs. C: mild stable activity. D: previously active, now inactive. E: never involved. Enter the grades you have assessed: the full 97-item BILAG-2004 index is not implemented here."),
            Div("grid grades", &[
                grade("sle.bilag.constitutional", "Constitutional", "Constitutional BILAG grade"),
                grade("sle.bilag.mucocutaneous", "Mucocutaneous", "Mucocutaneous BILAG grade"),
                grade("sle.bilag.neuropsychiatric", "Neuropsychiatric", "Neuropsychiatric BILAG grade"),
                grade("sle.bilag.musculoskeletal", "Musculoskeletal", "Musculoskeletal BILAG grade"),
                grade("sle.bilag.cardiorespiratory", "Cardiorespiratory", "Cardiorespiratory BILAG grade"),
                grade("sle.bilag.gastrointestinal", "Gastrointestinal", "Gastrointestinal BILAG grade"),
                grade("sle.bilag.ophthalmic", "Ophthalmic", "Ophthalmic BILAG grade"),
                grade("sle.bilag.renal", "Renal", "Renal BILAG grade"),
                grade("sle.bilag.hematological", "Hematological", "Hematological BILAG grade"),
            ]),
            Item::AnswerRest("Remaining domains: E (never involved)", Rest::Grades, "E"),
            named(
                "sle.standard_of_care",
                "Active despite standard-of-care therapy?",
                "Active despite standard of care",
                "Yes when the patient is on lupus treatment now and still active (the trial’s title says refractory lupus; its phase I enrolled patients refractory to 6 months of immunosuppressive therapy). Whether hydroxychloroquine, with or without prednisone alone, counts is a site question.",
                Kind::YesNo,
            ),
        ],
    },
    Section {
        key: "nephritis",
        title: "Nephritis therapy (renal BILAG A or B)",
        gate: Some(Gate::Renal),
        items: &[
            Registry(CriterionId::I5),
            Hint("“Mycophenolate” means mycophenolate mofetil or mycophenolic acid. A Euro-Lupus course (6 × 500 mg cyclophosphamide every 2 weeks) counts as 3 months of cyclophosphamide."),
            named("nephritis_therapy.start_date", "Therapy for the current episode started on", "Nephritis therapy start date", "", Kind::Date),
            Div("row", &[
                named("nephritis_therapy.mycophenolate_months", "Mycophenolate", "Months of mycophenolate", "", Kind::Number("months")),
                named("nephritis_therapy.cyclophosphamide_months", "Cyclophosphamide", "Months of cyclophosphamide", "", Kind::Number("months")),
            ]),
            named(
                "nephritis_therapy.maintenance_after_cyclophosphamide",
                "Maintenance after cyclophosphamide",
                "Maintenance after cyclophosphamide",
                "",
                Kind::Select(MAINTENANCE, "not known"),
            ),
            named(
                "nephritis_therapy.ongoing",
                "Is this therapy continuing?",
                "Nephritis therapy continuing",
                "Mycophenolate, cyclophosphamide induction to be followed by maintenance, or maintenance. A course that has not yet reached the months above is then “not yet”, not “not eligible”.",
                Kind::YesNo,
            ),
        ],
    },
    Section {
        key: "labs",
        title: "Laboratory results",
        gate: None,
        items: &[
            Hint("Exclusion limits (E3) are checked after converting to the units shown; a value equal to a limit passes."),
            Div("lab", &[named("labs.egfr.value", "eGFR", "eGFR", "Below 30 excludes. Leave empty to compute CKD-EPI 2021 from creatinine.", Kind::Number("mL/min/1.73 m²"))]),
            Div("lab", &[Div("row", &[
                named("labs.creatinine.value", "Serum creatinine (for CKD-EPI 2021)", "Creatinine", "Used only without an eGFR. 1 mg/dL = 88.4 µmol/L.", Kind::Number("")),
                unit("labs.creatinine.unit", "Creatinine unit", CREATININE_UNITS),
            ])]),
            L(Live::Egfr),
            Div("lab", &[Div("row", &[
                named("labs.wbc.value", "White blood cells", "White blood cells", "Below 2.0 ×10⁹/L (2,000 cells/mm³) excludes. The registry’s “WBC <2.0/mm3” is read as 2.0 ×10⁹/L.", Kind::Number("")),
                unit("labs.wbc.unit", "White blood cell unit", COUNT_UNITS),
            ])]),
            Div("lab", &[Div("row", &[
                named("labs.hemoglobin.value", "Hemoglobin", "Hemoglobin", "Below 8 g/dL (80 g/L, 4.965 mmol/L) excludes.", Kind::Number("")),
                unit("labs.hemoglobin.unit", "Hemoglobin unit", HB_UNITS),
            ])]),
            Div("lab", &[Div("row", &[
                named("labs.platelets.value", "Platelets", "Platelets", "Below 30 ×10⁹/L (30,000/mm³) excludes.", Kind::Number("")),
                unit("labs.platelets.unit", "Platelet unit", COUNT_UNITS),
            ])]),
            Div("lab", &[
                Div("row", &[
                    named("labs.ast.value", "AST", "AST", "", Kind::Number("U/L")),
                    named("labs.ast.uln", "Lab’s upper limit of normal", "AST upper limit of normal", "", Kind::Number("U/L")),
                ]),
                L(Live::Ratio("ast")),
            ]),
            Div("lab", &[
                Div("row", &[
                    named("labs.alt.value", "ALT", "ALT", "", Kind::Number("U/L")),
                    named("labs.alt.uln", "Lab’s upper limit of normal", "ALT upper limit of normal", "", Kind::Number("U/L")),
                ]),
                L(Live::Ratio("alt")),
            ]),
        ],
    },
    Section {
        key: "conditions",
        title: "Conditions and infections",
        gate: None,
        items: &[
            Item::AnswerRest("No to every yes/no question still unanswered here", Rest::YesNo, "false"),
            yn("conditions.active_cns_lupus", "Active CNS lupus affecting mental status?", "Active CNS lupus", ""),
            yn("conditions.nephritis_dialysis", "Active lupus nephritis requiring dialysis?", "Nephritis requiring dialysis", ""),
            H3("Positive tests (E4)"),
            Registry(CriterionId::E4),
            Hint("The registry names no test; the usual practice, as the site may define it:"),
            Div("grid", &[
                yn("conditions.hiv", "HIV positive?", "HIV", ""),
                yn("conditions.hepatitis_b", "Hepatitis B positive?", "Hepatitis B", "HBsAg positive, or anti-HBc positive (sites then often test HBV DNA)."),
                yn("conditions.hepatitis_c", "Hepatitis C positive?", "Hepatitis C", "Anti-HCV positive with detectable HCV RNA, or as the site defines it."),
                yn("conditions.tuberculosis", "Tuberculosis positive?", "Tuberculosis", "A positive interferon-gamma release assay or tuberculin skin test; latent infection included."),
                yn("conditions.cxr_tb_or_fungal", "Chest X-ray consistent with TB or latent fungal infection?", "Chest X-ray: TB or fungal infection", ""),
            ]),
            yn("conditions.renal_transplant", "Ever had a renal transplant?", "Renal transplant", ""),
            yn("conditions.significant_ekg_cxr", "Clinically significant EKG or chest X-ray changes?", "EKG or chest X-ray changes", ""),
            Registry(CriterionId::E15),
            yn("conditions.steroid_comorbidity", "A comorbidity (other than SLE) requiring corticosteroid therapy?", "Comorbidity needing corticosteroids",
                "Systemic (oral, IV or IM) corticosteroids for a condition other than lupus, such as asthma or Crohn’s disease needing systemic courses. Inhaled or topical corticosteroids do not count.",
            ),
            Div("malignancy", &[
                named(
                    "conditions.malignancy",
                    "Malignant neoplasm ever?",
                    "Malignancy",
                    "Within 5 years (diagnosis or last treatment) excludes, except adequately treated basal or squamous cell skin cancer or cervical carcinoma in situ.",
                    Kind::NoneOr("None", "Yes: list each", Gate::Listing),
                ),
                When(Gate::Listing, &[Malignancies]),
            ]),
            H3("Infections (within 90 and 60 days before screening)"),
            Registry(CriterionId::E9),
            named("conditions.herpes_zoster", "Herpes zoster", "Herpes zoster", "Within 90 days before screening excludes. Give the most recent episode.", Kind::Event("None", "Yes, most recent on")),
            ev("conditions.serious_infection", "Infection needing hospitalization or IV/IM antibiotics", "Serious infection", "Within 60 days before screening excludes. Give the most recent, dated the day its hospitalization or its IV/IM antibiotic course ended."),
            H3("Substance abuse (within 1 year)"),
            yn("conditions.substance_abuse_current", "Current substance abuse?", "Current substance abuse", ""),
            ev("conditions.substance_abuse_last", "Substance abuse in the past", "Past substance abuse", "Within 1 year before screening excludes. Give the most recent episode."),
        ],
    },
    Section {
        key: "medications",
        title: "Medications",
        gate: None,
        items: &[
            H3("Corticosteroids (E12)"),
            named(
                "medications.corticosteroid",
                "Corticosteroid in the month before baseline?",
                "Corticosteroid",
                "Give the highest daily dose in the month before baseline. Budesonide has no accepted prednisone equivalence and is not listed.",
                Kind::NoneOr("None", "Yes", Gate::Taking),
            ),
            When(Gate::Taking, &[Div("row", &[
                named("medications.corticosteroid.drug", "Drug (dose equal to prednisone 5 mg)", "Corticosteroid drug", "", Kind::Select(STEROIDS, "not known")),
                named("medications.corticosteroid.daily_mg", "Highest daily dose", "Corticosteroid dose", "", Kind::Number("mg/day")),
            ])]),
            L(Live::Dose),
            H3("Other therapy (E13, E14: windows before baseline)"),
            Registry(CriterionId::E13),
            named("medications.immunosuppressant_change", "Change or addition to the immunosuppressant regimen", "Immunosuppressant change", "Within 3 months before baseline excludes. Counts: mycophenolate mofetil / mycophenolic acid, azathioprine, methotrexate, leflunomide, cyclophosphamide, tacrolimus, cyclosporine, voclosporin, and biologics other than those of E14 (anifrolumab, for one). Belimumab and B-cell depleting biologics: enter them below only (E14 gives them their own windows). Corticosteroids are exempt. Whether a dose reduction or a stop counts as a change, and whether hydroxychloroquine counts, are site questions.", Kind::Event("None", "Yes, most recent on")),
            named("medications.experimental_agent", "Experimental therapeutic agent (last dose)", "Experimental agent", "Within 3 months before baseline excludes.", Kind::Event("None", "Yes, most recent on")),
            Registry(CriterionId::E14),
            named("medications.belimumab", "Belimumab (last dose)", "Belimumab", "Within 2 months before baseline excludes. Belimumab blocks BLyS; it is not B-cell depleting.", Kind::Event("None", "Yes, most recent on")),
            named("medications.b_cell_depletion", "Rituximab or another B-cell depleting biologic (last dose)", "B-cell depleting biologic", "Within 6 months before baseline excludes. Counts: rituximab, ocrelizumab, ofatumumab, obinutuzumab, ublituximab, inebilizumab (anti-CD19), CD19 CAR-T. Other, non-depleting biologics within 6 months are not in the registry’s words, but some sites list “rituximab or other biologics”: confirm with the site.", Kind::Event("None", "Yes, most recent on")),
        ],
    },
    Section {
        key: "consent",
        title: "Consent",
        gate: None,
        items: &[yn("patient.consent", "Able and willing to give written informed consent?", "Informed consent", "")],
    },
];
