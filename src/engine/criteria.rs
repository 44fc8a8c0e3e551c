//! The 22 criteria as data: identity, kind, the registry sentence verbatim and
//! the rule the engine applies, in plain words.
//!
//! The registry sentences are quoted from the ClinicalTrials.gov record of
//! NCT02633163 (last verified February 2024) without the list bullets and the
//! backslashes that the record's markdown puts before `<` and `>`.

use serde::Serialize;

/// Inclusion or exclusion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Must hold.
    Inclusion,
    /// Must not hold.
    Exclusion,
}

/// The criteria, in report order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[allow(missing_docs)]
pub enum CriterionId {
    I1,
    I2,
    I3,
    I4,
    I5,
    I6,
    E1,
    E2,
    E3,
    E4,
    E5,
    E6,
    E7,
    E8,
    E9,
    E10,
    E11,
    E12,
    E13,
    E14,
    E15,
    E16,
}

impl CriterionId {
    /// All 22, in report order.
    pub const ALL: [CriterionId; 22] = [
        CriterionId::I1,
        CriterionId::I2,
        CriterionId::I3,
        CriterionId::I4,
        CriterionId::I5,
        CriterionId::I6,
        CriterionId::E1,
        CriterionId::E2,
        CriterionId::E3,
        CriterionId::E4,
        CriterionId::E5,
        CriterionId::E6,
        CriterionId::E7,
        CriterionId::E8,
        CriterionId::E9,
        CriterionId::E10,
        CriterionId::E11,
        CriterionId::E12,
        CriterionId::E13,
        CriterionId::E14,
        CriterionId::E15,
        CriterionId::E16,
    ];

    /// `"I1"`, `"E16"`.
    #[must_use]
    pub fn key(self) -> &'static str {
        // Its own table, not a field of `text()`: the engine module needs the
        // keys but not the sentences, and a shared match would keep them all.
        const KEYS: [&str; 22] = [
            "I1", "I2", "I3", "I4", "I5", "I6", "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11",
            "E12", "E13", "E14", "E15", "E16",
        ];
        KEYS[self as usize]
    }

    /// Inclusion or exclusion.
    #[must_use]
    pub fn kind(self) -> Kind {
        if self <= CriterionId::I6 {
            Kind::Inclusion
        } else {
            Kind::Exclusion
        }
    }

    /// A few words naming the criterion.
    #[must_use]
    pub fn title(self) -> &'static str {
        self.text().0
    }

    /// The registry sentence, verbatim.
    #[must_use]
    pub fn sentence(self) -> &'static str {
        self.text().1
    }

    /// The rule the engine applies, in plain words.
    #[must_use]
    pub fn rule(self) -> &'static str {
        self.text().2
    }

    /// For the criteria that can fail for now without a date (contract 8),
    /// what must happen first, in words that follow "eligible once". E12's
    /// `{dose}` stands for the limit: `0.5 mg/kg/day`, or with the weight
    /// known `32 mg/day (0.5 mg/kg/day at 64 kg)`.
    #[must_use]
    pub fn until(self) -> Option<&'static str> {
        match self {
            CriterionId::I1 => Some("the patient is 18 (the birth date gives the day)"),
            CriterionId::I5 => Some(
                "the nephritis course reaches 6 months of mycophenolate, or 3 months of cyclophosphamide \
                 followed by mycophenolate or azathioprine",
            ),
            CriterionId::E12 => Some("prednisone (or equivalent) is at most {dose} for the month before the infusion"),
            _ => None,
        }
    }

    /// Whether the criterion's windows count back from the planned baseline
    /// (the infusion) rather than the screening date: its `clears_on` is
    /// then the earliest infusion date.
    #[must_use]
    pub fn from_baseline(self) -> bool {
        matches!(self, CriterionId::E12 | CriterionId::E13 | CriterionId::E14)
    }

    /// The answers the criterion reads (paths, or the objects that hold
    /// them), for links that change them.
    #[must_use]
    pub fn inputs(self) -> &'static [&'static str] {
        use CriterionId::*;
        match self {
            I1 => &["patient.birth_date", "patient.age_years"],
            I2 => &["sle.acr_criteria"],
            I3 => &["sle.ana", "sle.anti_dsdna"],
            I4 => &["sle.sledai", "sle.bilag", "sle.standard_of_care"],
            I5 => &["sle.bilag.renal", "nephritis_therapy"],
            I6 => &["patient.consent"],
            E1 => &["conditions.active_cns_lupus"],
            E2 => &["conditions.nephritis_dialysis"],
            E3 => &[
                "labs.egfr",
                "labs.creatinine",
                "labs.wbc",
                "labs.hemoglobin",
                "labs.platelets",
                "labs.ast",
                "labs.alt",
            ],
            E4 => &[
                "conditions.hiv",
                "conditions.hepatitis_b",
                "conditions.hepatitis_c",
                "conditions.tuberculosis",
                "conditions.cxr_tb_or_fungal",
            ],
            E5 => &["conditions.malignancy"],
            E6 => &["patient.sex", "patient.pregnant", "patient.breastfeeding"],
            E7 => &["patient.sex", "patient.childbearing_potential", "patient.contraception_willing"],
            E8 => &["conditions.renal_transplant"],
            E9 => &["conditions.herpes_zoster", "conditions.serious_infection"],
            E10 => &["conditions.significant_ekg_cxr"],
            E11 => &[],
            E12 => &["medications.corticosteroid", "patient.weight_kg"],
            E13 => &["medications.immunosuppressant_change", "medications.experimental_agent", "baseline_date"],
            E14 => &["medications.belimumab", "medications.b_cell_depletion", "baseline_date"],
            E15 => &["conditions.steroid_comorbidity"],
            E16 => &["conditions.substance_abuse_current", "conditions.substance_abuse_last"],
        }
    }

    /// (title, registry sentence, rule).
    fn text(self) -> (&'static str, &'static str, &'static str) {
        match self {
            CriterionId::I1 => (
                "Age 18 to 65",
                "Patients between 18 and 65 years old, male or female, of any race",
                "Age in completed years on the screening date is 18 to 65 inclusive. \
                 Under 18 with a birth date: not yet, clears on the 18th birthday.",
            ),
            CriterionId::I2 => (
                "4 of 11 ACR criteria",
                "Historical presence of at least 4 of 11 of the ACR Classification Criteria",
                "At least 4 of the 11 criteria of the 1997-updated ACR classification, ever met.",
            ),
            CriterionId::I3 => (
                "ANA or anti-dsDNA within 6 months",
                "Evidence of a positive ANA (≥1:80 titer) or positive dsDNA antibody test within 6 months of screening",
                "An ANA titer of 1:80 or more, or a positive anti-dsDNA test, dated within \
                 6 months before screening (inclusive). Fails only when both tests are recent \
                 and neither qualifies; an older test needs repeating.",
            ),
            CriterionId::I4 => (
                "Active SLE: SLEDAI ≥ 6 and a BILAG A or B",
                "Clinically active SLE determined by SLEDAI score ≥6 and the presence of at least one BILAG A or BILAG B at screening, despite standard-of-care therapy",
                "SLEDAI-2K score of 6 or more, and at least one BILAG-2004 domain graded A or B, \
                 and active despite standard-of-care therapy.",
            ),
            CriterionId::I5 => (
                "Renal BILAG A/B: 6 months of nephritis therapy",
                "If the patient has a BILAG A or BILAG B score in the renal organ system, he/she must have completed at least 6 months of therapy for the current episode of nephritis prior to Screening. Therapy must include at least 6 months of mycophenolate or at least 3 months of cyclophosphamide followed by mycophenolate or azathioprine",
                "Applies only when renal BILAG is A or B. Therapy for the current episode started \
                 at least 6 calendar months before screening, and included at least 6 months of \
                 mycophenolate, or at least 3 months of cyclophosphamide followed by mycophenolate \
                 or azathioprine.",
            ),
            CriterionId::I6 => (
                "Informed consent",
                "Able and willing to give written informed consent",
                "The patient is able and willing to give written informed consent.",
            ),
            CriterionId::E1 => (
                "Active CNS lupus",
                "Active CNS lupus affecting mental status",
                "Excluded if there is active CNS lupus affecting mental status.",
            ),
            CriterionId::E2 => (
                "Nephritis requiring dialysis",
                "Active lupus nephritis requiring dialysis",
                "Excluded if active lupus nephritis requires dialysis.",
            ),
            CriterionId::E3 => (
                "Laboratory limits",
                "Laboratory exclusions: eGFR <30, WBC <2.0/mm3, hemoglobin <8 g/dL, platelet count <30,000/mm3, liver enzymes AST or ALT >4 times upper limit normal.",
                "Excluded if eGFR < 30 mL/min/1.73 m² (given, or CKD-EPI 2021 from creatinine), \
                 WBC < 2.0 ×10⁹/L (the registry's \"2.0/mm3\" read as 2,000 cells/mm³), \
                 hemoglobin < 8 g/dL, platelets < 30 ×10⁹/L, or AST or ALT > 4 × the lab's upper \
                 limit of normal. Values are converted to these units; a value equal to a limit passes.",
            ),
            CriterionId::E4 => (
                "HIV, hepatitis B/C, TB",
                "Positive testing for HIV, hepatitis B or hepatitis C, tuberculosis (TB), or chest X-ray (CXR) findings consistent with TB or latent fungal infection.",
                "Excluded if any of HIV, hepatitis B, hepatitis C, tuberculosis, or a chest X-ray \
                 consistent with TB or latent fungal infection is positive.",
            ),
            CriterionId::E5 => (
                "Malignancy within 5 years",
                "History of malignant neoplasm within the last 5 years, except for adequately treated cancers of the skin (basal or squamous cell) or carcinoma in situ of the uterine cervix",
                "Excluded by any malignancy dated (diagnosis or last treatment) within 5 years \
                 before screening, unless it is an adequately treated basal or squamous cell \
                 skin cancer or cervical carcinoma in situ.",
            ),
            CriterionId::E6 => (
                "Pregnant or breastfeeding",
                "Pregnant or breast feeding",
                "Excluded if pregnant or breastfeeding. Does not apply to male patients.",
            ),
            CriterionId::E7 => (
                "Contraception",
                "A woman of childbearing potential (not post-menopausal or surgically sterile) who is not willing to use adequate contraception",
                "Excluded if a woman of childbearing potential is not willing to use adequate \
                 contraception. Does not apply to male patients.",
            ),
            CriterionId::E8 => (
                "Renal transplant",
                "History of renal transplantation",
                "Excluded after any renal transplant.",
            ),
            CriterionId::E9 => (
                "Recent zoster or serious infection",
                "Herpes zoster within the past 90 days or any infection requiring hospitalization or intravenous or intramuscular antibiotics within the past 60 days",
                "Excluded by herpes zoster within 90 days before screening, or an infection \
                 needing hospitalization or IV/IM antibiotics within 60 days before screening \
                 (both inclusive).",
            ),
            CriterionId::E10 => (
                "EKG or chest X-ray changes",
                "Clinically significant EKG or chest X-ray changes",
                "Excluded by clinically significant EKG or chest X-ray changes.",
            ),
            CriterionId::E11 => (
                "Investigator's opinion",
                "Any other medical condition, related or unrelated to SLE, that in the opinion of the investigator would render the patient inappropriate or too unstable to complete study protocol",
                "No questionnaire can decide this: the site investigator reviews it.",
            ),
            CriterionId::E12 => (
                "Prednisone over 0.5 mg/kg/day",
                "Use of prednisone >0.5 mg/kg/day (or equivalent corticosteroid) within 1 month of Baseline visit",
                "Excluded if the highest daily corticosteroid dose in the month before baseline, \
                 as prednisone equivalent, is above 0.5 mg per kg of body weight (equal passes).",
            ),
            CriterionId::E13 => (
                "Immunosuppressant change or experimental agent",
                "Change or addition to immunosuppressant regimen within 3 months of Baseline visit (except corticosteroids); Use of other experimental therapeutic agents within 3 months of Baseline visit",
                "Excluded by a change or addition of an immunosuppressant (not corticosteroids), \
                 or any experimental agent, within 3 calendar months before baseline (inclusive).",
            ),
            CriterionId::E14 => (
                "Belimumab or B-cell depletion",
                "Having received belimumab within 2 months of Baseline, or having received rituximab or other B cell depleting biologic therapy within 6 months of Baseline.",
                "Excluded by belimumab within 2 calendar months, or rituximab or another B-cell \
                 depleting biologic within 6 calendar months, before baseline (inclusive).",
            ),
            CriterionId::E15 => (
                "Comorbidity needing corticosteroids",
                "Comorbidities requiring corticosteroid therapy",
                "Excluded by a comorbidity (other than SLE) that requires corticosteroid therapy.",
            ),
            CriterionId::E16 => (
                "Substance abuse",
                "Current substance abuse or recent (within one year) history of substance abuse",
                "Excluded by current substance abuse, or substance abuse within 1 year before \
                 screening (inclusive).",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORD: &str = include_str!("../../tests/data/misle-registry-record.txt");

    #[test]
    fn every_sentence_is_quoted_verbatim_from_the_registry_record() {
        // The record escapes < and > for markdown; the page shows them plain.
        let record = RECORD.replace("\\<", "<").replace("\\>", ">");
        for id in CriterionId::ALL {
            let line = format!("• * {}\n", id.sentence());
            assert!(record.contains(&line), "{} is not a registry sentence: {}", id.key(), id.sentence());
        }
    }

    #[test]
    fn every_criterion_has_its_own_title_and_rule_in_plain_words() {
        let titles: Vec<&str> = CriterionId::ALL.iter().map(|c| c.title()).collect();
        let rules: Vec<&str> = CriterionId::ALL.iter().map(|c| c.rule()).collect();
        for (i, id) in CriterionId::ALL.iter().enumerate() {
            assert!(!titles[i].is_empty() && !rules[i].is_empty(), "{}", id.key());
            assert!(!titles[..i].contains(&titles[i]), "{}: title repeats another: {}", id.key(), titles[i]);
            assert!(!rules[..i].contains(&rules[i]), "{}: rule repeats another: {}", id.key(), rules[i]);
        }
        // The words state the limits the rules apply.
        let says = |id: CriterionId, words: &[&str]| {
            for w in words {
                assert!(id.title().contains(w) || id.rule().contains(w), "{}: no {w:?} in {:?}", id.key(), id.rule());
            }
        };
        says(CriterionId::I1, &["18", "65"]);
        says(CriterionId::I3, &["1:80", "6 months"]);
        says(CriterionId::E3, &["< 30", "< 2.0", "< 8 g/dL", "> 4", "equal to a limit passes"]);
        says(CriterionId::E12, &["0.5 mg", "equal passes"]);
    }

    #[test]
    fn six_inclusions_then_sixteen_exclusions() {
        let kinds: Vec<Kind> = CriterionId::ALL.iter().map(|c| c.kind()).collect();
        assert!(kinds[..6].iter().all(|k| *k == Kind::Inclusion));
        assert!(kinds[6..].iter().all(|k| *k == Kind::Exclusion));
        let keys: Vec<&str> = CriterionId::ALL.iter().map(|c| c.key()).collect();
        assert_eq!(keys[0], "I1");
        assert_eq!(keys[21], "E16");
        for (i, k) in keys[6..].iter().enumerate() {
            assert_eq!(*k, format!("E{}", i + 1));
        }
        // Each key names its own variant.
        for id in CriterionId::ALL {
            assert_eq!(id.key(), format!("{id:?}"));
        }
    }
}
