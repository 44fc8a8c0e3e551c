//! The answers document (`"schema": "misle-answers/1"`), as typed data.
//!
//! Every field is optional: `None` means "not known yet" and JSON `null` is the
//! same as an absent field. Unknown fields are refused everywhere. Event fields
//! take the word `"none"` or a date. Numbers are `f64` so that `70`, `70.0` and
//! `70.5` all parse (NaN and the infinities, which only a JavaScript caller
//! can give, are refused); whether a number can be true is checked later, in
//! [`validate`](super::validate), never by refusing the document.
//!
//! These types are the one definition of the document: serde reads and
//! writes it everywhere (JSON text, JavaScript values), and with the `js`
//! feature tsify derives the engine module's TypeScript declarations from
//! them.

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The schema word of an answers document.
pub const ANSWERS_SCHEMA: &str = "misle-answers/1";

/// `skip_serializing_if` of every optional field: an absent answer is not
/// written. (A function of our own rather than `Option::is_none`, which
/// tsify reads as "never null" and would type as `field?: T`; the contract
/// accepts `null` for "not known", so the generated type is
/// `field?: T | null`.)
#[allow(clippy::ref_option)]
fn absent<T>(value: &Option<T>) -> bool {
    value.is_none()
}

/// Reads an optional number, refusing NaN and the infinities (which JSON
/// cannot write, but a JavaScript object can hold): the contract's numbers
/// are finite, and a non-finite one is a caller's bug, refused at its path
/// like any other wrong value.
fn finite<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    match Option::<f64>::deserialize(d)? {
        Some(x) if !x.is_finite() => Err(de::Error::invalid_value(de::Unexpected::Float(x), &"a finite number")),
        v => Ok(v),
    }
}

/// Parses a date written exactly `YYYY-MM-DD` that exists in the calendar.
#[must_use]
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let year: i32 = s.get(0..4)?.parse().ok()?;
    let month: u32 = s.get(5..7)?.parse().ok()?;
    let day: u32 = s.get(8..10)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Serde helpers for `Option<NaiveDate>` fields written `YYYY-MM-DD`.
pub(crate) mod date_opt {
    use super::{parse_date, NaiveDate};
    use serde::de::{self, Deserializer, Visitor};
    use serde::Serializer;
    use std::fmt;

    pub(crate) fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_option(OptDate)
    }

    struct OptDate;

    impl<'de> Visitor<'de> for OptDate {
        type Value = Option<NaiveDate>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a date YYYY-MM-DD")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(self)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
            parse_date(s).map(Some).ok_or_else(|| E::invalid_value(de::Unexpected::Str(s), &self))
        }
    }
}

/// An event that either never happened (`"none"`) or last happened on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(type = "\"none\" | IsoDate"))]
pub enum Event {
    /// `"none"`: no such event ever, or none that could matter.
    Never,
    /// The date of the most recent such event.
    On(NaiveDate),
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Event::Never => s.serialize_str("none"),
            Event::On(d) => s.collect_str(d),
        }
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Event;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("\"none\" or a date YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Event, E> {
                if s == "none" {
                    return Ok(Event::Never);
                }
                parse_date(s).map(Event::On).ok_or_else(|| E::invalid_value(de::Unexpected::Str(s), &self))
            }
        }
        d.deserialize_str(V)
    }
}

/// The schema tag; only `"misle-answers/1"` is accepted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(type = "\"misle-answers/1\""))]
pub struct AnswersSchema;

impl Serialize for AnswersSchema {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(ANSWERS_SCHEMA)
    }
}

impl<'de> Deserialize<'de> for AnswersSchema {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = AnswersSchema;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "\"{ANSWERS_SCHEMA}\"")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<AnswersSchema, E> {
                if s == ANSWERS_SCHEMA {
                    Ok(AnswersSchema)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(s), &self))
                }
            }
        }
        d.deserialize_str(V)
    }
}

/// Deserializes "the word `none`, or a `T`" for fields such as
/// `malignancy` (a list) and `corticosteroid` (an object), keeping the path
/// of any error inside the `T`.
fn none_or<'de, D, T>(d: D, expecting: &'static str) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T>(&'static str, std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
            if s == "none" {
                Ok(None)
            } else {
                Err(E::invalid_value(de::Unexpected::Str(s), &self))
            }
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            T::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Some)
        }
        fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
        }
    }
    d.deserialize_any(V(expecting, std::marker::PhantomData))
}

/// The whole answers document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Answers {
    /// `"misle-answers/1"` when present.
    #[serde(default, skip_serializing_if = "absent")]
    pub schema: Option<AnswersSchema>,
    /// Date of this assessment; default: the `today` given to `evaluate`.
    #[serde(default, with = "date_opt", skip_serializing_if = "absent")]
    #[cfg_attr(feature = "js", tsify(type = "IsoDate | null"))]
    pub screening_date: Option<NaiveDate>,
    /// Planned baseline (infusion, day 0); default: the screening date.
    #[serde(default, with = "date_opt", skip_serializing_if = "absent")]
    #[cfg_attr(feature = "js", tsify(type = "IsoDate | null"))]
    pub baseline_date: Option<NaiveDate>,
    /// Who the patient is.
    #[serde(default, skip_serializing_if = "absent")]
    pub patient: Option<Patient>,
    /// Lupus history and activity.
    #[serde(default, skip_serializing_if = "absent")]
    pub sle: Option<Sle>,
    /// Therapy of the current nephritis episode (matters when renal BILAG is A or B).
    #[serde(default, skip_serializing_if = "absent")]
    pub nephritis_therapy: Option<NephritisTherapy>,
    /// Laboratory results.
    #[serde(default, skip_serializing_if = "absent")]
    pub labs: Option<Labs>,
    /// Conditions and past events.
    #[serde(default, skip_serializing_if = "absent")]
    pub conditions: Option<Conditions>,
    /// Medications.
    #[serde(default, skip_serializing_if = "absent")]
    pub medications: Option<Medications>,
}

/// Patient sex as the contract names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    /// Female.
    Female,
    /// Male.
    Male,
}

/// Demographics, reproductive status and consent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Patient {
    /// Preferred source of age.
    #[serde(default, with = "date_opt", skip_serializing_if = "absent")]
    #[cfg_attr(feature = "js", tsify(type = "IsoDate | null"))]
    pub birth_date: Option<NaiveDate>,
    /// Completed years; used only when `birth_date` is absent.
    #[serde(default, deserialize_with = "finite", skip_serializing_if = "absent")]
    pub age_years: Option<f64>,
    /// Sex.
    #[serde(default, skip_serializing_if = "absent")]
    pub sex: Option<Sex>,
    /// Body weight in kg.
    #[serde(default, deserialize_with = "finite", skip_serializing_if = "absent")]
    pub weight_kg: Option<f64>,
    /// Not post-menopausal and not surgically sterile (female only).
    #[serde(default, skip_serializing_if = "absent")]
    pub childbearing_potential: Option<bool>,
    /// Pregnant (female only).
    #[serde(default, skip_serializing_if = "absent")]
    pub pregnant: Option<bool>,
    /// Breastfeeding (female only).
    #[serde(default, skip_serializing_if = "absent")]
    pub breastfeeding: Option<bool>,
    /// Willing to use adequate contraception (female with childbearing potential).
    #[serde(default, skip_serializing_if = "absent")]
    pub contraception_willing: Option<bool>,
    /// Able and willing to give written informed consent.
    #[serde(default, skip_serializing_if = "absent")]
    pub consent: Option<bool>,
}

/// The 11 criteria of the 1997-updated ACR classification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum AcrCriterion {
    MalarRash,
    DiscoidRash,
    Photosensitivity,
    OralUlcers,
    Arthritis,
    Serositis,
    RenalDisorder,
    NeurologicDisorder,
    HematologicDisorder,
    ImmunologicDisorder,
    AntinuclearAntibody,
}

/// The 24 SLEDAI-2K descriptors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum SledaiItem {
    Seizure,
    Psychosis,
    OrganicBrainSyndrome,
    VisualDisturbance,
    CranialNerveDisorder,
    LupusHeadache,
    Cva,
    Vasculitis,
    Arthritis,
    Myositis,
    UrinaryCasts,
    Hematuria,
    Proteinuria,
    Pyuria,
    Rash,
    Alopecia,
    MucosalUlcers,
    Pleurisy,
    Pericarditis,
    LowComplement,
    IncreasedDnaBinding,
    Fever,
    Thrombocytopenia,
    Leukopenia,
}

/// A BILAG-2004 grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[allow(missing_docs)]
pub enum Grade {
    A,
    B,
    C,
    D,
    E,
}

/// Lupus history and current activity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Sle {
    /// The ACR criteria ever met; a present list is the complete answer.
    #[serde(default, skip_serializing_if = "absent")]
    pub acr_criteria: Option<Vec<AcrCriterion>>,
    /// The latest ANA test.
    #[serde(default, skip_serializing_if = "absent")]
    pub ana: Option<Ana>,
    /// The latest anti-dsDNA test.
    #[serde(default, skip_serializing_if = "absent")]
    pub anti_dsdna: Option<AntiDsDna>,
    /// SLEDAI-2K as a score or as the items present.
    #[serde(default, skip_serializing_if = "absent")]
    pub sledai: Option<Sledai>,
    /// BILAG-2004 grade per domain.
    #[serde(default, skip_serializing_if = "absent")]
    pub bilag: Option<Bilag>,
    /// Active despite standard-of-care therapy.
    #[serde(default, skip_serializing_if = "absent")]
    pub standard_of_care: Option<bool>,
}

/// An ANA test: titer as its denominator (160 means 1:160; 0 is negative).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Ana {
    /// Titer denominator.
    #[serde(default, deserialize_with = "finite", skip_serializing_if = "absent")]
    pub titer: Option<f64>,
    /// Test date.
    #[serde(default, with = "date_opt", skip_serializing_if = "absent")]
    #[cfg_attr(feature = "js", tsify(type = "IsoDate | null"))]
    pub date: Option<NaiveDate>,
}

/// An anti-dsDNA antibody test.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct AntiDsDna {
    /// Positive result.
    #[serde(default, skip_serializing_if = "absent")]
    pub positive: Option<bool>,
    /// Test date.
    #[serde(default, with = "date_opt", skip_serializing_if = "absent")]
    #[cfg_attr(feature = "js", tsify(type = "IsoDate | null"))]
    pub date: Option<NaiveDate>,
}

/// SLEDAI-2K: either a score or the items present, not both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Sledai {
    /// The total score, 0 to 105.
    #[serde(default, deserialize_with = "finite", skip_serializing_if = "absent")]
    pub score: Option<f64>,
    /// The descriptors present.
    #[serde(default, skip_serializing_if = "absent")]
    pub items: Option<Vec<SledaiItem>>,
}

/// BILAG-2004 grades; any subset of the nine domains.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
#[allow(missing_docs)]
pub struct Bilag {
    #[serde(default, skip_serializing_if = "absent")]
    pub constitutional: Option<Grade>,
    #[serde(default, skip_serializing_if = "absent")]
    pub mucocutaneous: Option<Grade>,
    #[serde(default, skip_serializing_if = "absent")]
    pub neuropsychiatric: Option<Grade>,
    #[serde(default, skip_serializing_if = "absent")]
    pub musculoskeletal: Option<Grade>,
    #[serde(default, skip_serializing_if = "absent")]
    pub cardiorespiratory: Option<Grade>,
    #[serde(default, skip_serializing_if = "absent")]
    pub gastrointestinal: Option<Grade>,
    #[serde(default, skip_serializing_if = "absent")]
    pub ophthalmic: Option<Grade>,
    #[serde(default, skip_serializing_if = "absent")]
    pub renal: Option<Grade>,
    #[serde(default, skip_serializing_if = "absent")]
    pub hematological: Option<Grade>,
}

/// The nine BILAG-2004 domains, in the contract's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum BilagDomain {
    Constitutional,
    Mucocutaneous,
    Neuropsychiatric,
    Musculoskeletal,
    Cardiorespiratory,
    Gastrointestinal,
    Ophthalmic,
    Renal,
    Hematological,
}

impl BilagDomain {
    /// All nine, in order.
    pub const ALL: [BilagDomain; 9] = [
        BilagDomain::Constitutional,
        BilagDomain::Mucocutaneous,
        BilagDomain::Neuropsychiatric,
        BilagDomain::Musculoskeletal,
        BilagDomain::Cardiorespiratory,
        BilagDomain::Gastrointestinal,
        BilagDomain::Ophthalmic,
        BilagDomain::Renal,
        BilagDomain::Hematological,
    ];

    /// The contract's word for the domain (`renal`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            BilagDomain::Constitutional => "constitutional",
            BilagDomain::Mucocutaneous => "mucocutaneous",
            BilagDomain::Neuropsychiatric => "neuropsychiatric",
            BilagDomain::Musculoskeletal => "musculoskeletal",
            BilagDomain::Cardiorespiratory => "cardiorespiratory",
            BilagDomain::Gastrointestinal => "gastrointestinal",
            BilagDomain::Ophthalmic => "ophthalmic",
            BilagDomain::Renal => "renal",
            BilagDomain::Hematological => "hematological",
        }
    }
}

impl Bilag {
    /// The grade of one domain.
    #[must_use]
    pub fn grade(&self, domain: BilagDomain) -> Option<Grade> {
        *self.slot(domain)
    }

    /// The grade of one domain, to change it.
    pub fn grade_mut(&mut self, domain: BilagDomain) -> &mut Option<Grade> {
        match domain {
            BilagDomain::Constitutional => &mut self.constitutional,
            BilagDomain::Mucocutaneous => &mut self.mucocutaneous,
            BilagDomain::Neuropsychiatric => &mut self.neuropsychiatric,
            BilagDomain::Musculoskeletal => &mut self.musculoskeletal,
            BilagDomain::Cardiorespiratory => &mut self.cardiorespiratory,
            BilagDomain::Gastrointestinal => &mut self.gastrointestinal,
            BilagDomain::Ophthalmic => &mut self.ophthalmic,
            BilagDomain::Renal => &mut self.renal,
            BilagDomain::Hematological => &mut self.hematological,
        }
    }

    fn slot(&self, domain: BilagDomain) -> &Option<Grade> {
        match domain {
            BilagDomain::Constitutional => &self.constitutional,
            BilagDomain::Mucocutaneous => &self.mucocutaneous,
            BilagDomain::Neuropsychiatric => &self.neuropsychiatric,
            BilagDomain::Musculoskeletal => &self.musculoskeletal,
            BilagDomain::Cardiorespiratory => &self.cardiorespiratory,
            BilagDomain::Gastrointestinal => &self.gastrointestinal,
            BilagDomain::Ophthalmic => &self.ophthalmic,
            BilagDomain::Renal => &self.renal,
            BilagDomain::Hematological => &self.hematological,
        }
    }
}

/// Maintenance therapy after cyclophosphamide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Maintenance {
    Mycophenolate,
    Azathioprine,
    None,
}

/// Therapy of the current nephritis episode.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct NephritisTherapy {
    /// Start of therapy for the current episode.
    #[serde(default, with = "date_opt", skip_serializing_if = "absent")]
    #[cfg_attr(feature = "js", tsify(type = "IsoDate | null"))]
    pub start_date: Option<NaiveDate>,
    /// Months of mycophenolate.
    #[serde(default, deserialize_with = "finite", skip_serializing_if = "absent")]
    pub mycophenolate_months: Option<f64>,
    /// Months of cyclophosphamide.
    #[serde(default, deserialize_with = "finite", skip_serializing_if = "absent")]
    pub cyclophosphamide_months: Option<f64>,
    /// What followed cyclophosphamide.
    #[serde(default, skip_serializing_if = "absent")]
    pub maintenance_after_cyclophosphamide: Option<Maintenance>,
    /// The therapy for this episode continues (mycophenolate,
    /// cyclophosphamide induction to be followed by maintenance, or
    /// maintenance): a course too short so far is then temporary
    /// (contract 8.3).
    #[serde(default, skip_serializing_if = "absent")]
    pub ongoing: Option<bool>,
}

/// Creatinine units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[allow(missing_docs)]
pub enum CreatinineUnit {
    #[serde(rename = "mg/dL")]
    MgPerDl,
    #[serde(rename = "umol/L")]
    UmolPerL,
}

/// Units of a cell count (WBC, platelets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[allow(missing_docs)]
pub enum CountUnit {
    #[serde(rename = "10^9/L")]
    PerNanoliter,
    #[serde(rename = "10^3/uL")]
    ThousandPerMicroliter,
    #[serde(rename = "/uL")]
    PerMicroliter,
}

/// Hemoglobin units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[allow(missing_docs)]
pub enum HemoglobinUnit {
    #[serde(rename = "g/dL")]
    GPerDl,
    #[serde(rename = "g/L")]
    GPerL,
    #[serde(rename = "mmol/L")]
    MmolPerL,
}

/// eGFR in mL/min/1.73 m2.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Egfr {
    /// The value.
    #[serde(default, deserialize_with = "finite", skip_serializing_if = "absent")]
    pub value: Option<f64>,
}

/// A lab value with its unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self", bound(deserialize = "U: Deserialize<'de>", serialize = "U: Serialize"))]
pub struct Measured<U> {
    /// The value as reported.
    #[serde(default, deserialize_with = "finite", skip_serializing_if = "absent")]
    pub value: Option<f64>,
    /// The unit it was reported in.
    #[serde(default, skip_serializing_if = "absent")]
    pub unit: Option<U>,
}

impl<U> Default for Measured<U> {
    fn default() -> Self {
        Measured { value: None, unit: None }
    }
}

/// A liver enzyme in U/L with the reporting lab's upper limit of normal.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Enzyme {
    /// The value in U/L.
    #[serde(default, deserialize_with = "finite", skip_serializing_if = "absent")]
    pub value: Option<f64>,
    /// The lab's upper limit of normal in U/L.
    #[serde(default, deserialize_with = "finite", skip_serializing_if = "absent")]
    pub uln: Option<f64>,
}

/// Laboratory results.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
#[allow(missing_docs)]
pub struct Labs {
    #[serde(default, skip_serializing_if = "absent")]
    pub egfr: Option<Egfr>,
    #[serde(default, skip_serializing_if = "absent")]
    pub creatinine: Option<Measured<CreatinineUnit>>,
    #[serde(default, skip_serializing_if = "absent")]
    pub wbc: Option<Measured<CountUnit>>,
    #[serde(default, skip_serializing_if = "absent")]
    pub hemoglobin: Option<Measured<HemoglobinUnit>>,
    #[serde(default, skip_serializing_if = "absent")]
    pub platelets: Option<Measured<CountUnit>>,
    #[serde(default, skip_serializing_if = "absent")]
    pub ast: Option<Enzyme>,
    #[serde(default, skip_serializing_if = "absent")]
    pub alt: Option<Enzyme>,
}

/// Kinds of malignancy, as far as the exclusion's exceptions go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum MalignancyType {
    BasalCellSkin,
    SquamousCellSkin,
    CervicalCis,
    Other,
}

/// One malignancy in the history.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Malignancy {
    /// Kind.
    #[serde(default, rename = "type", skip_serializing_if = "absent")]
    pub kind: Option<MalignancyType>,
    /// Diagnosis or most recent treatment, whichever is later.
    #[serde(default, with = "date_opt", skip_serializing_if = "absent")]
    #[cfg_attr(feature = "js", tsify(type = "IsoDate | null"))]
    pub date: Option<NaiveDate>,
    /// Adequately treated.
    #[serde(default, skip_serializing_if = "absent")]
    pub adequately_treated: Option<bool>,
}

/// `"none"` or a list of malignancies.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(type = "\"none\" | Malignancy[]"))]
pub enum MalignancyHistory {
    /// No malignancy ever.
    Never,
    /// The malignancies (an empty list is the same as `"none"`).
    Entries(Vec<Malignancy>),
}

impl Serialize for MalignancyHistory {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            MalignancyHistory::Never => s.serialize_str("none"),
            MalignancyHistory::Entries(v) => v.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for MalignancyHistory {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match none_or::<D, Vec<Malignancy>>(d, "\"none\" or a list of malignancies")? {
            None => MalignancyHistory::Never,
            Some(v) => MalignancyHistory::Entries(v),
        })
    }
}

/// Conditions and past events.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
#[allow(missing_docs)]
pub struct Conditions {
    /// Active CNS lupus affecting mental status.
    #[serde(default, skip_serializing_if = "absent")]
    pub active_cns_lupus: Option<bool>,
    /// Active lupus nephritis requiring dialysis.
    #[serde(default, skip_serializing_if = "absent")]
    pub nephritis_dialysis: Option<bool>,
    #[serde(default, skip_serializing_if = "absent")]
    pub hiv: Option<bool>,
    #[serde(default, skip_serializing_if = "absent")]
    pub hepatitis_b: Option<bool>,
    #[serde(default, skip_serializing_if = "absent")]
    pub hepatitis_c: Option<bool>,
    #[serde(default, skip_serializing_if = "absent")]
    pub tuberculosis: Option<bool>,
    /// Chest X-ray consistent with TB or latent fungal infection.
    #[serde(default, skip_serializing_if = "absent")]
    pub cxr_tb_or_fungal: Option<bool>,
    #[serde(default, skip_serializing_if = "absent")]
    pub renal_transplant: Option<bool>,
    /// Clinically significant EKG or chest X-ray changes.
    #[serde(default, skip_serializing_if = "absent")]
    pub significant_ekg_cxr: Option<bool>,
    /// A comorbidity requiring corticosteroid therapy.
    #[serde(default, skip_serializing_if = "absent")]
    pub steroid_comorbidity: Option<bool>,
    #[serde(default, skip_serializing_if = "absent")]
    pub malignancy: Option<MalignancyHistory>,
    /// Most recent herpes zoster episode.
    #[serde(default, skip_serializing_if = "absent")]
    pub herpes_zoster: Option<Event>,
    /// Most recent infection needing hospitalization or IV/IM antibiotics.
    #[serde(default, skip_serializing_if = "absent")]
    pub serious_infection: Option<Event>,
    /// Current substance abuse.
    #[serde(default, skip_serializing_if = "absent")]
    pub substance_abuse_current: Option<bool>,
    /// Most recent substance abuse.
    #[serde(default, skip_serializing_if = "absent")]
    pub substance_abuse_last: Option<Event>,
}

/// The corticosteroids the contract knows, with their prednisone equivalence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Steroid {
    Prednisone,
    Prednisolone,
    Methylprednisolone,
    Triamcinolone,
    Hydrocortisone,
    Cortisone,
    Dexamethasone,
    Betamethasone,
    Deflazacort,
}

/// The highest daily corticosteroid dose in the month before baseline.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct SteroidDose {
    /// The drug.
    #[serde(default, skip_serializing_if = "absent")]
    pub drug: Option<Steroid>,
    /// mg per day.
    #[serde(default, deserialize_with = "finite", skip_serializing_if = "absent")]
    pub daily_mg: Option<f64>,
}

/// `"none"` or a dose.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(type = "\"none\" | SteroidDose"))]
pub enum Corticosteroid {
    /// No corticosteroid in the month before baseline.
    Never,
    /// A corticosteroid dose.
    Taking(SteroidDose),
}

impl Serialize for Corticosteroid {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Corticosteroid::Never => s.serialize_str("none"),
            Corticosteroid::Taking(d) => d.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Corticosteroid {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match none_or::<D, SteroidDose>(d, "\"none\" or a corticosteroid dose")? {
            None => Corticosteroid::Never,
            Some(v) => Corticosteroid::Taking(v),
        })
    }
}

/// Medications.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Medications {
    /// Highest daily corticosteroid dose in the month before baseline.
    #[serde(default, skip_serializing_if = "absent")]
    pub corticosteroid: Option<Corticosteroid>,
    /// Most recent change or addition to the immunosuppressant regimen.
    #[serde(default, skip_serializing_if = "absent")]
    pub immunosuppressant_change: Option<Event>,
    /// Last dose of any experimental therapy.
    #[serde(default, skip_serializing_if = "absent")]
    pub experimental_agent: Option<Event>,
    /// Last dose of belimumab.
    #[serde(default, skip_serializing_if = "absent")]
    pub belimumab: Option<Event>,
    /// Last dose of rituximab or another B-cell depleting biologic.
    #[serde(default, skip_serializing_if = "absent")]
    pub b_cell_depletion: Option<Event>,
}

/// Serde's derived struct impls also accept a JSON array (fields by
/// position). The contract wants objects only, so every struct above derives
/// with `remote = "Self"` (inherent `serialize`/`deserialize` functions) and
/// the traits are implemented here, accepting only a map.
///
/// They ask for `deserialize_any`, not `deserialize_map`: with
/// serde-wasm-bindgen, `deserialize_map` takes any iterable (a string too,
/// whose error would be a JavaScript `TypeError`'s words), while
/// `deserialize_any` gives a map only for an object and names anything else
/// in serde's words (`invalid type: string "Ann", expected an object`).
trait FromObject: Sized {
    fn from_object<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

struct ObjectOnly<T>(std::marker::PhantomData<T>);

impl<'de, T: FromObject> Visitor<'de> for ObjectOnly<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_object(de::value::MapAccessDeserializer::new(map))
    }
}

macro_rules! object_only {
    ($($t:ident),* $(,)?) => {$(
        impl FromObject for $t {
            fn from_object<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $t::deserialize(d)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(ObjectOnly::<$t>(std::marker::PhantomData))
            }
        }
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $t::serialize(self, s)
            }
        }
    )*};
}

object_only!(
    Answers,
    Patient,
    Sle,
    Ana,
    AntiDsDna,
    Sledai,
    Bilag,
    NephritisTherapy,
    Egfr,
    Enzyme,
    Labs,
    Malignancy,
    Conditions,
    SteroidDose,
    Medications,
);

impl<U: for<'de> Deserialize<'de>> FromObject for Measured<U> {
    fn from_object<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Measured::<U>::deserialize(d)
    }
}

impl<'de, U: for<'a> Deserialize<'a>> Deserialize<'de> for Measured<U> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ObjectOnly::<Measured<U>>(std::marker::PhantomData))
    }
}

impl<U: Serialize> Serialize for Measured<U> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Measured::<U>::serialize(self, s)
    }
}
