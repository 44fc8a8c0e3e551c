//! The report (`"schema": "misle-report/1"`), as typed data.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use super::criteria::{CriterionId, Kind};

/// The schema word of a report.
pub const REPORT_SCHEMA: &str = "misle-report/1";

/// The overall answer, from the most to the least final.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Some failing criterion is not temporary.
    NotEligible,
    /// Some criteria fail and every failing one is temporary: each clears
    /// on a date, or once a taper or a course of therapy is done.
    NotYetEligible,
    /// Nothing fails, but something is unknown (or some answer is in error).
    Incomplete,
    /// Nothing fails and nothing is unknown; the site makes the final call.
    PotentiallyEligible,
}

impl Verdict {
    /// The contract's word (`not_yet_eligible`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Verdict::NotEligible => "not_eligible",
            Verdict::NotYetEligible => "not_yet_eligible",
            Verdict::Incomplete => "incomplete",
            Verdict::PotentiallyEligible => "potentially_eligible",
        }
    }
}

/// One criterion's outcome, from the patient's point of view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Does not stand in the way.
    Pass,
    /// Stands in the way.
    Fail,
    /// An answer that would settle it is missing.
    Unknown,
    /// Only the site can decide (E11).
    SiteReview,
}

impl Outcome {
    /// The contract's word (`site_review`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Unknown => "unknown",
            Outcome::SiteReview => "site_review",
        }
    }
}

/// A criterion's result in the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct CriterionReport {
    /// `I1`..`I6`, `E1`..`E16`.
    pub id: CriterionId,
    /// Inclusion or exclusion.
    pub kind: Kind,
    /// The outcome.
    pub outcome: Outcome,
    /// For a failing criterion that time alone clears: the earliest date on
    /// which it would pass.
    #[serde(serialize_with = "date_or_null")]
    #[cfg_attr(feature = "js", tsify(type = "IsoDate | null"))]
    pub clears_on: Option<NaiveDate>,
    /// True only for a failing criterion that time or a treatment running
    /// its course can clear: every one with a `clears_on`, and E12 above
    /// the dose limit, I5 while its therapy continues, I1 under 18 known
    /// only in years (contract 8).
    pub temporary: bool,
    /// Why, naming the values and dates used.
    pub reason: String,
    /// For `unknown` only: the answer paths that would settle it.
    pub missing: Vec<String>,
}

/// Every number the engine computed, unrounded; `None` when not computable.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Derived {
    /// Completed years at screening.
    pub age_years: Option<i64>,
    /// Number of ACR criteria met.
    pub acr_count: Option<usize>,
    /// SLEDAI-2K score, given or summed from items.
    pub sledai_score: Option<u32>,
    /// The eGFR that E3 used, given or computed (mL/min/1.73 m2).
    pub egfr: Option<f64>,
    /// Prednisone-equivalent daily dose in mg (0 when no corticosteroid).
    pub prednisone_equivalent_mg: Option<f64>,
    /// Prednisone-equivalent mg/kg/day (0 when no corticosteroid).
    pub prednisone_mg_per_kg: Option<f64>,
}

/// A value that parsed but cannot be true; it was treated as absent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct FieldError {
    /// The answer path (`labs.hemoglobin.value`).
    pub path: String,
    /// A plain, lowercase message.
    pub message: String,
}

/// The engine's answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Report {
    /// Always `"misle-report/1"`.
    #[cfg_attr(feature = "js", tsify(type = "\"misle-report/1\""))]
    pub schema: &'static str,
    /// The overall verdict.
    pub verdict: Verdict,
    /// With `not_yet_eligible` only: the latest `clears_on`, when every
    /// failing criterion has one; null when one clears on no date (its
    /// reason says what must happen first).
    #[serde(serialize_with = "date_or_null")]
    #[cfg_attr(feature = "js", tsify(type = "IsoDate | null"))]
    pub eligible_from: Option<NaiveDate>,
    /// The screening date used.
    #[serde(serialize_with = "date")]
    #[cfg_attr(feature = "js", tsify(type = "IsoDate"))]
    pub screening_date: NaiveDate,
    /// The baseline date used.
    #[serde(serialize_with = "date")]
    #[cfg_attr(feature = "js", tsify(type = "IsoDate"))]
    pub baseline_date: NaiveDate,
    /// All 22 criteria, I1..I6 then E1..E16.
    pub criteria: Vec<CriterionReport>,
    /// Computed numbers.
    pub derived: Derived,
    /// Values in error (each treated as absent).
    pub errors: Vec<FieldError>,
}

impl Report {
    /// The result of one criterion.
    #[must_use]
    pub fn criterion(&self, id: CriterionId) -> Option<&CriterionReport> {
        self.criteria.iter().find(|c| c.id == id)
    }
}

fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn date_or_null<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => date(d, s),
        None => s.serialize_none(),
    }
}
