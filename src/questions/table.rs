//! The MiSLE questionnaire: every question of the contract, in clinical
//! order, with the registry's limits in its hints.

use super::lists::{ACR, COUNT_UNITS, CREATININE_UNITS, GRADES, HB_UNITS, MAINTENANCE, SLEDAI, STEROIDS, TITERS};
use super::Item::{self, Div, Hint, Live as L, Malignancies, SledaiMode, SledaiTotal, When, H3, Q};
use super::{Gate, Kind, Live, Question, Section};

const fn q(path: &'static str, label: &'static str, hint: &'static str, kind: Kind) -> Item {
    Q(Question { path, label, name: "", hint, kind })
}
const fn named(path: &'static str, label: &'static str, name: &'static str, hint: &'static str, kind: Kind) -> Item {
    Q(Question { path, label, name, hint, kind })
}
const fn date(path: &'static str, label: &'static str, hint: &'static str) -> Item {
    q(path, label, hint, Kind::Date)
}
const fn yes_no(path: &'static str, label: &'static str, hint: &'static str) -> Item {
    q(path, label, hint, Kind::YesNo)
}
const fn event(path: &'static str, label: &'static str, hint: &'static str) -> Item {
    q(path, label, hint, Kind::Event("None", "Yes, most recent on"))
}
const fn grade(domain: &'static str, label: &'static str, name: &'static str) -> Item {
    named(domain, label, name, "", Kind::Select(GRADES, "not known"))
}
const fn unit(path: &'static str, name: &'static str, options: super::Options) -> Item {
    named(path, "Unit", name, "", Kind::Select(options, "choose"))
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
            q("patient.sex", "Sex", "", Kind::Radios(&[("female", "Female"), ("male", "Male"), ("", "Not known")])),
            named("patient.weight_kg", "Weight", "Weight", "For the corticosteroid limit of 0.5 mg/kg/day.", Kind::Number("kg")),
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
                date("sle.ana.date", "ANA test date", ""),
            ]),
            Div("row", &[
                yes_no("sle.anti_dsdna.positive", "Anti-dsDNA positive (latest test)", ""),
                date("sle.anti_dsdna.date", "Anti-dsDNA test date", ""),
            ]),
        ],
    },
    Section {
        key: "activity",
        title: "Disease activity at screening",
        gate: None,
        items: &[
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
            named("sle.standard_of_care", "Active despite standard-of-care therapy?", "Active despite standard of care", "", Kind::YesNo),
        ],
    },
    Section {
        key: "nephritis",
        title: "Nephritis therapy (renal BILAG A or B)",
        gate: Some(Gate::Renal),
        items: &[
            Hint("Needed: at least 6 months of therapy for the current episode before screening, including at least 6 months of mycophenolate, or at least 3 months of cyclophosphamide followed by mycophenolate or azathioprine."),
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
            yes_no("conditions.active_cns_lupus", "Active CNS lupus affecting mental status?", ""),
            yes_no("conditions.nephritis_dialysis", "Active lupus nephritis requiring dialysis?", ""),
            H3("Positive tests (E4)"),
            Div("grid", &[
                yes_no("conditions.hiv", "HIV positive?", ""),
                yes_no("conditions.hepatitis_b", "Hepatitis B positive?", ""),
                yes_no("conditions.hepatitis_c", "Hepatitis C positive?", ""),
                yes_no("conditions.tuberculosis", "Tuberculosis positive?", ""),
                yes_no("conditions.cxr_tb_or_fungal", "Chest X-ray consistent with TB or latent fungal infection?", ""),
            ]),
            yes_no("conditions.renal_transplant", "Ever had a renal transplant?", ""),
            yes_no("conditions.significant_ekg_cxr", "Clinically significant EKG or chest X-ray changes?", ""),
            yes_no("conditions.steroid_comorbidity", "A comorbidity (other than SLE) requiring corticosteroid therapy?", ""),
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
            named("conditions.herpes_zoster", "Herpes zoster", "Herpes zoster", "Within 90 days before screening excludes. Give the most recent episode.", Kind::Event("None", "Yes, most recent on")),
            event("conditions.serious_infection", "Infection needing hospitalization or IV/IM antibiotics", "Within 60 days before screening excludes. Give the most recent."),
            H3("Substance abuse (within 1 year)"),
            yes_no("conditions.substance_abuse_current", "Current substance abuse?", ""),
            event("conditions.substance_abuse_last", "Substance abuse in the past", "Within 1 year before screening excludes. Give the most recent episode."),
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
            named("medications.immunosuppressant_change", "Change or addition to the immunosuppressant regimen", "Immunosuppressant change", "Within 3 months before baseline excludes. Counts: mycophenolate mofetil / mycophenolic acid, azathioprine, methotrexate, leflunomide, cyclophosphamide, tacrolimus, cyclosporine, voclosporin, anifrolumab, belimumab, rituximab. Corticosteroids are exempt. Hydroxychloroquine: the registry does not say – ask the site.", Kind::Event("None", "Yes, most recent on")),
            named("medications.experimental_agent", "Experimental therapeutic agent (last dose)", "Experimental agent", "Within 3 months before baseline excludes.", Kind::Event("None", "Yes, most recent on")),
            named("medications.belimumab", "Belimumab (last dose)", "Belimumab", "Within 2 months before baseline excludes. Belimumab blocks BLyS; it is not B-cell depleting.", Kind::Event("None", "Yes, most recent on")),
            named("medications.b_cell_depletion", "Rituximab or another B-cell depleting biologic (last dose)", "B-cell depleting biologic", "Within 6 months before baseline excludes. Counts: rituximab, ocrelizumab, ofatumumab, obinutuzumab, ublituximab, inebilizumab (anti-CD19), CD19 CAR-T.", Kind::Event("None", "Yes, most recent on")),
        ],
    },
    Section {
        key: "reproductive",
        title: "Pregnancy and contraception",
        gate: Some(Gate::Female),
        items: &[
            yes_no("patient.childbearing_potential", "Childbearing potential?", "Not post-menopausal and not surgically sterile."),
            yes_no("patient.pregnant", "Pregnant?", ""),
            yes_no("patient.breastfeeding", "Breastfeeding?", ""),
            When(Gate::Potential, &[yes_no("patient.contraception_willing", "Willing to use adequate contraception?", "")]),
        ],
    },
    Section {
        key: "consent",
        title: "Consent",
        gate: None,
        items: &[yes_no("patient.consent", "Able and willing to give written informed consent?", "")],
    },
];
