//! Clinical calculators: small pure functions, each with its own tests.
//! Sources and test vectors: `clinical-reference.md`.

use chrono::NaiveDate;

use super::answers::{CountUnit, CreatinineUnit, HemoglobinUnit, Sex, SledaiItem, Steroid};

/// The SLEDAI-2K weight of one descriptor.
#[must_use]
pub fn sledai_weight(item: SledaiItem) -> u32 {
    use SledaiItem::*;
    match item {
        Seizure | Psychosis | OrganicBrainSyndrome | VisualDisturbance | CranialNerveDisorder | LupusHeadache | Cva
        | Vasculitis => 8,
        Arthritis | Myositis | UrinaryCasts | Hematuria | Proteinuria | Pyuria => 4,
        Rash | Alopecia | MucosalUlcers | Pleurisy | Pericarditis | LowComplement | IncreasedDnaBinding => 2,
        Fever | Thrombocytopenia | Leukopenia => 1,
    }
}

/// The SLEDAI-2K total of the descriptors present (each counted once).
#[must_use]
pub fn sledai_total(items: &[SledaiItem]) -> u32 {
    let mut seen: Vec<SledaiItem> = Vec::with_capacity(items.len());
    for &i in items {
        if !seen.contains(&i) {
            seen.push(i);
        }
    }
    seen.into_iter().map(sledai_weight).sum()
}

/// mg of the drug that equal prednisone 5 mg.
#[must_use]
pub fn steroid_equivalent_mg(drug: Steroid) -> f64 {
    match drug {
        Steroid::Prednisone | Steroid::Prednisolone => 5.0,
        Steroid::Methylprednisolone | Steroid::Triamcinolone => 4.0,
        Steroid::Hydrocortisone => 20.0,
        Steroid::Cortisone => 25.0,
        Steroid::Dexamethasone | Steroid::Betamethasone => 0.75,
        Steroid::Deflazacort => 6.0,
    }
}

/// How far apart, relative to the limit, a value and a limit may be and
/// still be equal: far below any clinical meaning, far above the rounding
/// of binary floating point (about 1e-16 an operation).
const SAME: f64 = 1e-9;

/// Whether `x`, computed from decimal answers, equals `limit` but for the
/// rounding of binary floating point: 20.15 mg / 40.3 kg is 0.5 mg/kg,
/// though `20.15 / 40.3` is 0.5000000000000001. Contract 7.8 wants equality
/// at a limit to behave the same everywhere, whatever the conversion.
#[must_use]
pub fn same(x: f64, limit: f64) -> bool {
    (x - limit).abs() <= SAME * limit.abs()
}

/// `x >= limit`, with [`same`] values equal.
#[must_use]
pub fn at_least(x: f64, limit: f64) -> bool {
    x >= limit || same(x, limit)
}

/// `x <= limit`, with [`same`] values equal.
#[must_use]
pub fn at_most(x: f64, limit: f64) -> bool {
    x <= limit || same(x, limit)
}

/// A daily dose of `drug` as prednisone mg/day.
#[must_use]
pub fn prednisone_equivalent(drug: Steroid, daily_mg: f64) -> f64 {
    daily_mg * 5.0 / steroid_equivalent_mg(drug)
}

/// Creatinine in mg/dL (umol/L = mg/dL x 88.4).
#[must_use]
pub fn creatinine_mg_dl(value: f64, unit: CreatinineUnit) -> f64 {
    match unit {
        CreatinineUnit::MgPerDl => value,
        CreatinineUnit::UmolPerL => value / 88.4,
    }
}

/// A cell count in x10^9/L (= x10^3/uL; "/uL" counts cells, so divide by 1000).
#[must_use]
pub fn count_per_nl(value: f64, unit: CountUnit) -> f64 {
    match unit {
        CountUnit::PerNanoliter | CountUnit::ThousandPerMicroliter => value,
        CountUnit::PerMicroliter => value / 1000.0,
    }
}

/// Hemoglobin in g/dL (g/L = g/dL x 10; mmol/L = g/dL x 0.6206).
#[must_use]
pub fn hemoglobin_g_dl(value: f64, unit: HemoglobinUnit) -> f64 {
    match unit {
        HemoglobinUnit::GPerDl => value,
        HemoglobinUnit::GPerL => value / 10.0,
        HemoglobinUnit::MmolPerL => value / 0.6206,
    }
}

/// eGFR (mL/min/1.73 m2) by CKD-EPI 2021, race-free, from serum creatinine
/// in mg/dL; unrounded.
#[must_use]
pub fn ckd_epi_2021(scr_mg_dl: f64, age_years: i64, sex: Sex) -> f64 {
    let (k, a, female) = match sex {
        Sex::Female => (0.7, -0.241, 1.012),
        Sex::Male => (0.9, -0.302, 1.0),
    };
    let r = scr_mg_dl / k;
    // Ages beyond what i32 holds cannot reach here (validated 0..=120).
    let age = i32::try_from(age_years).unwrap_or(i32::MAX);
    142.0 * r.min(1.0).powf(a) * r.max(1.0).powf(-1.200) * 0.9938_f64.powi(age) * female
}

/// Completed years from `birth` to `on`, as chrono's `years_since` counts
/// them; `None` when `on` is before `birth`.
#[must_use]
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<i64> {
    on.years_since(birth).map(i64::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::engine::answers::parse_date(s).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn a_limit_reached_through_a_conversion_is_equal_to_it() {
        // (value, limit, at_least, at_most): what the rule sees.
        let cases = [
            ("20.15 mg / 40.3 kg is 0.5 mg/kg", 20.15 / 40.3, 0.5, true, true),
            ("1.8618 mmol/L is 3 g/dL", hemoglobin_g_dl(1.8618, HemoglobinUnit::MmolPerL), 3.0, true, true),
            ("8.84 umol/L is 0.1 mg/dL", creatinine_mg_dl(8.84, CreatinineUnit::UmolPerL), 0.1, true, true),
            ("4.4 U/L over a ULN of 1.1 is 4", 4.4 / 1.1, 4.0, true, true),
            ("0.5001 is above 0.5", 0.5001, 0.5, true, false),
            ("0.4999 is below 0.5", 0.4999, 0.5, false, true),
            ("one part in a million is not rounding", 30.0 * (1.0 - 1e-6), 30.0, false, true),
            // The tolerance is relative to the limit: at an eGFR limit of 30
            // it is 3e-8, whatever the unit's scale.
            ("half a part in a billion below 30 is 30", 30.0 * (1.0 - 5e-10), 30.0, true, true),
            ("two parts in a billion below 30 is below", 30.0 * (1.0 - 2e-9), 30.0, false, true),
            ("NaN is neither", f64::NAN, 0.5, false, false),
        ];
        for (name, x, limit, least, most) in cases {
            assert_eq!((at_least(x, limit), at_most(x, limit)), (least, most), "{name}: {x}");
        }
    }

    #[test]
    fn sledai_weights_follow_the_reference_table() {
        use SledaiItem::*;
        let eights = [
            Seizure,
            Psychosis,
            OrganicBrainSyndrome,
            VisualDisturbance,
            CranialNerveDisorder,
            LupusHeadache,
            Cva,
            Vasculitis,
        ];
        let fours = [Arthritis, Myositis, UrinaryCasts, Hematuria, Proteinuria, Pyuria];
        let twos = [Rash, Alopecia, MucosalUlcers, Pleurisy, Pericarditis, LowComplement, IncreasedDnaBinding];
        let ones = [Fever, Thrombocytopenia, Leukopenia];
        for (items, w) in [(&eights[..], 8), (&fours[..], 4), (&twos[..], 2), (&ones[..], 1)] {
            for &i in items {
                assert_eq!(sledai_weight(i), w, "{i:?}");
            }
        }
        let all: Vec<SledaiItem> = [&eights[..], &fours[..], &twos[..], &ones[..]].concat();
        assert_eq!(all.len(), 24);
        assert_eq!(sledai_total(&all), 105, "the maximum is 105");
    }

    #[test]
    fn sledai_counts_an_item_once() {
        use SledaiItem::*;
        assert_eq!(sledai_total(&[Arthritis, LowComplement, IncreasedDnaBinding]), 8);
        assert_eq!(sledai_total(&[Arthritis, Arthritis]), 4);
        assert_eq!(sledai_total(&[]), 0);
    }

    #[test]
    fn ckd_epi_2021_matches_the_reference_vectors() {
        let cases = [
            ("male 50 y, 1.0 mg/dL", 1.0, 50, Sex::Male, 91.69),
            ("female 30 y, 0.6 mg/dL", 0.6, 30, Sex::Female, 123.76),
            ("male 45 y, 3.0 mg/dL", 3.0, 45, Sex::Male, 25.31),
            ("male 65 y, 2.3 mg/dL", 2.3, 65, Sex::Male, 30.74),
            ("female 55 y, 0.9 mg/dL", 0.9, 55, Sex::Female, 75.50),
            // Below k (0.9 for men) the male exponent -0.302 applies: 142 x (0.7/0.9)^-0.302 x 0.9938^40.
            ("male 40 y, 0.7 mg/dL", 0.7, 40, Sex::Male, 119.46),
        ];
        for (name, scr, age, sex, want) in cases {
            let got = ckd_epi_2021(scr, age, sex);
            assert!((got - want).abs() <= 0.05, "{name}: got {got}, want {want}");
        }
    }

    #[test]
    fn creatinine_in_umol_per_l_gives_the_same_egfr() {
        let scr = creatinine_mg_dl(88.4, CreatinineUnit::UmolPerL);
        assert!((scr - 1.0).abs() < 1e-12);
        assert!((ckd_epi_2021(scr, 50, Sex::Male) - 91.69).abs() <= 0.05);
        assert_eq!(creatinine_mg_dl(1.3, CreatinineUnit::MgPerDl), 1.3);
    }

    #[test]
    fn counts_convert_to_ten_to_the_ninth_per_litre() {
        assert_eq!(count_per_nl(30_000.0, CountUnit::PerMicroliter), 30.0);
        assert_eq!(count_per_nl(2_000.0, CountUnit::PerMicroliter), 2.0);
        assert_eq!(count_per_nl(30.0, CountUnit::ThousandPerMicroliter), 30.0);
        assert_eq!(count_per_nl(4.5, CountUnit::PerNanoliter), 4.5);
    }

    #[test]
    fn hemoglobin_converts_to_g_per_dl() {
        assert_eq!(hemoglobin_g_dl(80.0, HemoglobinUnit::GPerL), 8.0);
        assert_eq!(hemoglobin_g_dl(11.2, HemoglobinUnit::GPerDl), 11.2);
        let from_mmol = hemoglobin_g_dl(4.965, HemoglobinUnit::MmolPerL);
        assert!((from_mmol - 8.0).abs() < 0.001, "{from_mmol}");
        assert!(hemoglobin_g_dl(4.96, HemoglobinUnit::MmolPerL) < 8.0);
    }

    #[test]
    fn prednisone_equivalents_for_the_nine_steroids() {
        // The dose of each drug that equals prednisone 35 mg/day (0.5 mg/kg at 70 kg).
        let cases = [
            (Steroid::Prednisone, 35.0),
            (Steroid::Prednisolone, 35.0),
            (Steroid::Methylprednisolone, 28.0),
            (Steroid::Triamcinolone, 28.0),
            (Steroid::Hydrocortisone, 140.0),
            (Steroid::Cortisone, 175.0),
            (Steroid::Dexamethasone, 5.25),
            (Steroid::Betamethasone, 5.25),
            (Steroid::Deflazacort, 42.0),
        ];
        for (drug, mg) in cases {
            assert_eq!(prednisone_equivalent(drug, mg), 35.0, "{drug:?} {mg} mg");
        }
    }

    #[test]
    fn age_is_completed_years() {
        assert_eq!(age_on(d("1980-05-01"), d("2026-11-26")), Some(46));
        assert_eq!(age_on(d("1980-11-26"), d("2026-11-26")), Some(46), "birthday itself counts");
        assert_eq!(age_on(d("1980-11-27"), d("2026-11-26")), Some(45), "the day before the birthday");
        assert_eq!(age_on(d("2008-02-29"), d("2026-02-28")), Some(17), "leap-day birth, non-leap year");
        assert_eq!(age_on(d("2008-02-29"), d("2026-03-01")), Some(18));
        assert_eq!(age_on(d("2027-01-01"), d("2026-11-26")), None, "born after the date");
    }
}
