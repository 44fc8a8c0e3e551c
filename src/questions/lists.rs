//! The clinical lists the questions show (from `clinical-reference.md`).

use super::Check;

/// The 1997-updated ACR classification criteria: word, name, definition.
pub const ACR: &[Check] = &[
    ("malar_rash", "Malar rash", "fixed erythema over the malar eminences"),
    ("discoid_rash", "Discoid rash", "erythematous raised patches with scaling"),
    ("photosensitivity", "Photosensitivity", "rash as an unusual reaction to sunlight"),
    ("oral_ulcers", "Oral ulcers", "oral or nasopharyngeal ulcers seen by a physician"),
    ("arthritis", "Arthritis", "non-erosive arthritis of 2 or more peripheral joints"),
    ("serositis", "Serositis", "pleuritis or pericarditis"),
    ("renal_disorder", "Renal disorder", "persistent proteinuria >0.5 g/day or >3+, or cellular casts"),
    ("neurologic_disorder", "Neurologic disorder", "seizures or psychosis without other cause"),
    (
        "hematologic_disorder",
        "Hematologic disorder",
        "hemolytic anemia with reticulocytosis, or WBC <4,000/mm³ twice, or lymphocytes <1,500/mm³ twice, or platelets <100,000/mm³",
    ),
    ("immunologic_disorder", "Immunologic disorder", "anti-dsDNA, anti-Sm, or antiphospholipid antibodies"),
    (
        "antinuclear_antibody",
        "Antinuclear antibody",
        "abnormal ANA titer without a drug known to cause drug-induced lupus",
    ),
];

/// The 24 SLEDAI-2K descriptors: word, name, definition.
pub const SLEDAI: &[Check] = &[
    ("seizure", "Seizure", "recent onset, no metabolic, infectious or drug cause"),
    ("psychosis", "Psychosis", "altered ability to function due to severe disturbed perception of reality"),
    ("organic_brain_syndrome", "Organic brain syndrome", "altered mental function with rapid onset and fluctuation"),
    ("visual_disturbance", "Visual disturbance", "retinal changes of SLE"),
    ("cranial_nerve_disorder", "Cranial nerve disorder", "new sensory or motor neuropathy of cranial nerves"),
    ("lupus_headache", "Lupus headache", "severe persistent headache, unresponsive to narcotic analgesia"),
    ("cva", "CVA", "new cerebrovascular accident, not atherosclerotic"),
    ("vasculitis", "Vasculitis", "ulceration, gangrene, tender nodules, infarcts or biopsy/angiogram proof"),
    ("arthritis", "Arthritis", "2 or more joints with pain and signs of inflammation"),
    ("myositis", "Myositis", "proximal muscle aching or weakness with raised CK/aldolase, EMG or biopsy"),
    ("urinary_casts", "Urinary casts", "heme-granular or RBC casts"),
    ("hematuria", "Hematuria", ">5 RBC/hpf, no stone or infection"),
    ("proteinuria", "Proteinuria", ">0.5 g/24 h"),
    ("pyuria", "Pyuria", ">5 WBC/hpf, no infection"),
    ("rash", "Rash", "inflammatory type rash"),
    ("alopecia", "Alopecia", "abnormal, patchy or diffuse hair loss"),
    ("mucosal_ulcers", "Mucosal ulcers", "oral or nasal ulcerations"),
    ("pleurisy", "Pleurisy", "pleuritic chest pain with rub, effusion or thickening"),
    ("pericarditis", "Pericarditis", "pericardial pain with rub, effusion, or ECG/echo confirmation"),
    ("low_complement", "Low complement", "CH50, C3 or C4 below normal"),
    ("increased_dna_binding", "Increased DNA binding", "anti-dsDNA above normal"),
    ("fever", "Fever", ">38 °C, no infection"),
    ("thrombocytopenia", "Thrombocytopenia", "<100 ×10⁹/L"),
    ("leukopenia", "Leukopenia", "<3 ×10⁹/L, not drug-related"),
];

/// The nine BILAG-2004 domains: word and name.
pub const BILAG_DOMAINS: [(&str, &str); 9] = [
    ("constitutional", "Constitutional"),
    ("mucocutaneous", "Mucocutaneous"),
    ("neuropsychiatric", "Neuropsychiatric"),
    ("musculoskeletal", "Musculoskeletal"),
    ("cardiorespiratory", "Cardiorespiratory"),
    ("gastrointestinal", "Gastrointestinal"),
    ("ophthalmic", "Ophthalmic"),
    ("renal", "Renal"),
    ("hematological", "Hematological"),
];

/// BILAG-2004 grades with their meanings.
pub const GRADES: &[(&str, &str)] = &[
    ("A", "A – severe activity"),
    ("B", "B – moderate activity"),
    ("C", "C – mild stable activity"),
    ("D", "D – previously active, now inactive"),
    ("E", "E – never involved"),
];

/// ANA titers: the denominator and how it reads.
pub const TITERS: &[(&str, &str)] = &[
    ("0", "Negative"),
    ("40", "1:40"),
    ("80", "1:80"),
    ("160", "1:160"),
    ("320", "1:320"),
    ("640", "1:640"),
    ("1280", "1:1280"),
    ("2560", "1:2560"),
];

/// Corticosteroids with the dose equal to prednisone 5 mg.
pub const STEROIDS: &[(&str, &str)] = &[
    ("prednisone", "Prednisone (5 mg)"),
    ("prednisolone", "Prednisolone (5 mg)"),
    ("methylprednisolone", "Methylprednisolone (4 mg)"),
    ("triamcinolone", "Triamcinolone (4 mg)"),
    ("hydrocortisone", "Hydrocortisone (20 mg)"),
    ("cortisone", "Cortisone (25 mg)"),
    ("dexamethasone", "Dexamethasone (0.75 mg)"),
    ("betamethasone", "Betamethasone (0.75 mg)"),
    ("deflazacort", "Deflazacort (6 mg)"),
];

/// Maintenance after cyclophosphamide.
pub const MAINTENANCE: &[(&str, &str)] =
    &[("mycophenolate", "Mycophenolate"), ("azathioprine", "Azathioprine"), ("none", "None")];

/// Malignancy types, as far as the exclusion's exceptions go.
pub const MALIGNANCY_TYPES: &[(&str, &str)] = &[
    ("basal_cell_skin", "Basal cell skin cancer"),
    ("squamous_cell_skin", "Squamous cell skin cancer"),
    ("cervical_cis", "Cervical carcinoma in situ"),
    ("other", "Other malignancy"),
];

/// Creatinine units.
pub const CREATININE_UNITS: &[(&str, &str)] = &[("mg/dL", "mg/dL"), ("umol/L", "µmol/L")];

/// Cell count units.
pub const COUNT_UNITS: &[(&str, &str)] =
    &[("10^9/L", "×10⁹/L"), ("10^3/uL", "×10³/µL (= ×10³/mm³)"), ("/uL", "/µL (= /mm³, cells)")];

/// Hemoglobin units.
pub const HB_UNITS: &[(&str, &str)] = &[("g/dL", "g/dL"), ("g/L", "g/L"), ("mmol/L", "mmol/L")];
