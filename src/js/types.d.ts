/** A date written "YYYY-MM-DD". */
export type IsoDate = string;
/** "none" (no such event, or none that could matter) or the date of the most recent one. */
export type EventAnswer = "none" | IsoDate;
export type Grade = "A" | "B" | "C" | "D" | "E";
export type CountUnit = "10^9/L" | "10^3/uL" | "/uL";

export type AcrCriterion =
  | "malar_rash" | "discoid_rash" | "photosensitivity" | "oral_ulcers" | "arthritis" | "serositis"
  | "renal_disorder" | "neurologic_disorder" | "hematologic_disorder" | "immunologic_disorder"
  | "antinuclear_antibody";

export type SledaiItem =
  | "seizure" | "psychosis" | "organic_brain_syndrome" | "visual_disturbance" | "cranial_nerve_disorder"
  | "lupus_headache" | "cva" | "vasculitis" | "arthritis" | "myositis" | "urinary_casts" | "hematuria"
  | "proteinuria" | "pyuria" | "rash" | "alopecia" | "mucosal_ulcers" | "pleurisy" | "pericarditis"
  | "low_complement" | "increased_dna_binding" | "fever" | "thrombocytopenia" | "leukopenia";

export type Steroid =
  | "prednisone" | "prednisolone" | "methylprednisolone" | "triamcinolone" | "hydrocortisone"
  | "cortisone" | "dexamethasone" | "betamethasone" | "deflazacort";

/** The answers document, contract v1. Every field is optional: absent (or null) means "not known yet". */
export interface Answers {
  schema?: "misle-answers/1" | null;
  screening_date?: IsoDate | null;
  baseline_date?: IsoDate | null;
  patient?: {
    birth_date?: IsoDate | null;
    age_years?: number | null;
    sex?: "female" | "male" | null;
    weight_kg?: number | null;
    childbearing_potential?: boolean | null;
    pregnant?: boolean | null;
    breastfeeding?: boolean | null;
    contraception_willing?: boolean | null;
    consent?: boolean | null;
  } | null;
  sle?: {
    acr_criteria?: AcrCriterion[] | null;
    /** titer as its denominator: 160 means 1:160; 0 is negative */
    ana?: { titer?: number | null; date?: IsoDate | null } | null;
    anti_dsdna?: { positive?: boolean | null; date?: IsoDate | null } | null;
    /** either a score or the items present, not both */
    sledai?: { score?: number | null; items?: SledaiItem[] | null } | null;
    bilag?: {
      constitutional?: Grade | null; mucocutaneous?: Grade | null; neuropsychiatric?: Grade | null;
      musculoskeletal?: Grade | null; cardiorespiratory?: Grade | null; gastrointestinal?: Grade | null;
      ophthalmic?: Grade | null; renal?: Grade | null; hematological?: Grade | null;
    } | null;
    standard_of_care?: boolean | null;
  } | null;
  nephritis_therapy?: {
    start_date?: IsoDate | null;
    mycophenolate_months?: number | null;
    cyclophosphamide_months?: number | null;
    maintenance_after_cyclophosphamide?: "mycophenolate" | "azathioprine" | "none" | null;
  } | null;
  labs?: {
    egfr?: { value?: number | null } | null;
    creatinine?: { value?: number | null; unit?: "mg/dL" | "umol/L" | null } | null;
    wbc?: { value?: number | null; unit?: CountUnit | null } | null;
    hemoglobin?: { value?: number | null; unit?: "g/dL" | "g/L" | "mmol/L" | null } | null;
    platelets?: { value?: number | null; unit?: CountUnit | null } | null;
    ast?: { value?: number | null; uln?: number | null } | null;
    alt?: { value?: number | null; uln?: number | null } | null;
  } | null;
  conditions?: {
    active_cns_lupus?: boolean | null;
    nephritis_dialysis?: boolean | null;
    hiv?: boolean | null;
    hepatitis_b?: boolean | null;
    hepatitis_c?: boolean | null;
    tuberculosis?: boolean | null;
    cxr_tb_or_fungal?: boolean | null;
    renal_transplant?: boolean | null;
    significant_ekg_cxr?: boolean | null;
    steroid_comorbidity?: boolean | null;
    malignancy?: "none" | Array<{
      type?: "basal_cell_skin" | "squamous_cell_skin" | "cervical_cis" | "other" | null;
      /** diagnosis or most recent treatment, whichever is later */
      date?: IsoDate | null;
      adequately_treated?: boolean | null;
    }> | null;
    herpes_zoster?: EventAnswer | null;
    serious_infection?: EventAnswer | null;
    substance_abuse_current?: boolean | null;
    substance_abuse_last?: EventAnswer | null;
  } | null;
  medications?: {
    /** highest daily dose in the month before baseline */
    corticosteroid?: "none" | { drug?: Steroid | null; daily_mg?: number | null } | null;
    immunosuppressant_change?: EventAnswer | null;
    experimental_agent?: EventAnswer | null;
    belimumab?: EventAnswer | null;
    b_cell_depletion?: EventAnswer | null;
  } | null;
}

export type CriterionId =
  | "I1" | "I2" | "I3" | "I4" | "I5" | "I6"
  | "E1" | "E2" | "E3" | "E4" | "E5" | "E6" | "E7" | "E8"
  | "E9" | "E10" | "E11" | "E12" | "E13" | "E14" | "E15" | "E16";

/** The report, contract v1. */
export interface Report {
  schema: "misle-report/1";
  verdict: "potentially_eligible" | "not_yet_eligible" | "incomplete" | "not_eligible";
  /** only with not_yet_eligible: the latest clears_on */
  eligible_from: IsoDate | null;
  screening_date: IsoDate;
  baseline_date: IsoDate;
  /** always all 22, I1..I6 then E1..E16 */
  criteria: Array<{
    id: CriterionId;
    kind: "inclusion" | "exclusion";
    /** from the patient's point of view: pass = does not stand in the way */
    outcome: "pass" | "fail" | "unknown" | "site_review";
    /** earliest date on which this criterion would pass, when time alone fixes it */
    clears_on: IsoDate | null;
    reason: string;
    /** answer paths that would settle an unknown */
    missing: string[];
  }>;
  /** every number the engine computed, unrounded; null when not computable */
  derived: {
    age_years: number | null;
    acr_count: number | null;
    sledai_score: number | null;
    egfr: number | null;
    prednisone_equivalent_mg: number | null;
    prednisone_mg_per_kg: number | null;
  };
  /** values that cannot be true; each was treated as absent */
  errors: Array<{ path: string; message: string }>;
}

export interface Version {
  package: string;
  answers_schema: "misle-answers/1";
  report_schema: "misle-report/1";
}
