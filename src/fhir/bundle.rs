//! Answers prefilled from a FHIR `Bundle` of the patient's record, by the
//! mapping table of `fhir.md` ([`answers_from_fhir`]).
//!
//! Only what the record positively says is filled; the absence of a
//! condition is never "no". Each resource is read through a serde struct
//! of the few elements used, so a wrong type in one of them refuses the
//! Bundle naming the entry and field (`entry[3].resource.valueQuantity.value`);
//! elements not listed here are not read, whatever they hold.
//!
//! Choices the spec left open (all in `docs/fhir.md`, with the reasons):
//! - the effective date is `effectiveDateTime`, `effectivePeriod.start` or
//!   `effectiveInstant`, as written (the local date of a time with an
//!   offset); a year or year-month only is not used;
//! - of several usable observations of one answer the latest effective date
//!   wins; on one date the code the table lists first, then the later
//!   instant, then the later entry; the race-based eGFR pair of one date is
//!   not used;
//! - a quantity with a `comparator` is not used; an ANA titer given wins
//!   over a negative flag; an anti-dsDNA flagged both ways is not used;
//! - a unit is the UCUM `code` of the quantity, else its `unit`;
//! - AST and ALT are read in U/L (`U/L`, `[IU]/L`, `IU/L`), the units the
//!   answers hold; another unit is not used;
//! - conditions are read by ICD-10-CM codes (or WHO ICD-10, whose codes are
//!   the same for these), subcodes included, with or without the dot; one
//!   without a `clinicalStatus`, or unconfirmed, provisional or differential,
//!   is not used;
//! - the first `Patient` is read; another, and every resource whose
//!   `subject` is another patient, is listed as not used.

use chrono::{DateTime, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Coding;
use crate::engine::answers::{parse_date, Answers, ANSWERS_SCHEMA};
use crate::parse::Error;
use crate::questions::draft::insert;

const LOINC: &str = "http://loinc.org";
const UCUM: &str = "http://unitsofmeasure.org";
const ICD10CM: &str = "http://hl7.org/fhir/sid/icd-10-cm";
const ICD10: &str = "http://hl7.org/fhir/sid/icd-10";

/// What a Bundle gave: the answers, where each came from, and what was not
/// used.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
pub struct Prefill {
    /// An answers document holding only what the Bundle gave, with
    /// `schema` and the screening date given.
    pub answers: Answers,
    /// One entry per filled answer path.
    pub sources: Vec<Source>,
    /// One entry per resource or element not used, with the reason.
    pub unused: Vec<Unused>,
}

/// Where a prefilled answer came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Source {
    /// The answer path filled (`labs.creatinine.value`).
    pub path: String,
    /// `Patient`, `Observation` or `Condition`.
    pub resource_type: String,
    /// The resource's id, when it has one.
    pub id: Option<String>,
    /// The observation's effective date, or the condition's onset or
    /// recorded date (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// The code read, with its system's name (`LOINC 2160-0`,
    /// `ICD-10-CM B20`), or the element (`Patient.birthDate`).
    pub code: String,
}

/// A resource or element of the Bundle not used, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Unused {
    /// Its resource type (`Observation`).
    pub resource_type: String,
    /// Its id, when it has one.
    pub id: Option<String>,
    /// Why (`status preliminary`).
    pub reason: String,
}

/// A `CodeableConcept`.
#[derive(Clone, Debug, Default, Deserialize)]
struct Concept {
    #[serde(default)]
    coding: Vec<Coding>,
    #[serde(default)]
    text: Option<String>,
}

impl Concept {
    /// The codes of `systems`.
    fn codes<'a>(&'a self, systems: &'a [&str]) -> impl Iterator<Item = &'a str> + 'a {
        self.coding
            .iter()
            .filter(move |c| c.system.as_deref().is_some_and(|s| systems.contains(&s)))
            .filter_map(|c| c.code.as_deref())
    }

    /// Whether any coding has `code` (any system: interpretation and
    /// status codes are read by their code).
    fn has(&self, codes: &[&str]) -> bool {
        self.coding.iter().any(|c| c.code.as_deref().is_some_and(|k| codes.contains(&k)))
    }
}

/// A `Quantity`.
#[derive(Clone, Debug, Default, Deserialize)]
struct Quantity {
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    comparator: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    system: Option<String>,
    #[serde(default)]
    code: Option<String>,
}

impl Quantity {
    /// Its unit: the UCUM code, else the code, else the words.
    fn unit(&self) -> Option<&str> {
        match (&self.system, &self.code, &self.unit) {
            (Some(s), Some(c), _) if s == UCUM => Some(c),
            (_, Some(c), _) => Some(c),
            (_, None, u) => u.as_deref(),
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
struct Ratio {
    #[serde(default)]
    numerator: Option<Quantity>,
    #[serde(default)]
    denominator: Option<Quantity>,
}

#[derive(Clone, Debug, Default, Deserialize)]
struct Period {
    #[serde(default)]
    start: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
struct ReferenceRange {
    #[serde(default)]
    high: Option<Quantity>,
}

/// A `Reference`.
#[derive(Clone, Debug, Default, Deserialize)]
struct Reference {
    #[serde(default)]
    reference: Option<String>,
}

/// What is read of an Observation or Condition before the rest: whether it
/// is about this patient and has a code this page reads (the rest of a
/// resource not read is not checked).
#[derive(Clone, Debug, Default, Deserialize)]
struct Head {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    code: Option<Concept>,
    #[serde(default)]
    subject: Option<Reference>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Patient {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    birth_date: Option<String>,
    #[serde(default)]
    gender: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Observation {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    code: Option<Concept>,
    #[serde(default)]
    effective_date_time: Option<String>,
    #[serde(default)]
    effective_period: Option<Period>,
    #[serde(default)]
    effective_instant: Option<String>,
    #[serde(default)]
    value_quantity: Option<Quantity>,
    #[serde(default)]
    value_ratio: Option<Ratio>,
    #[serde(default)]
    value_string: Option<String>,
    #[serde(default)]
    value_codeable_concept: Option<Concept>,
    #[serde(default)]
    interpretation: Vec<Concept>,
    #[serde(default)]
    reference_range: Vec<ReferenceRange>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Condition {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    clinical_status: Option<Concept>,
    #[serde(default)]
    verification_status: Option<Concept>,
    #[serde(default)]
    code: Option<Concept>,
    #[serde(default)]
    onset_date_time: Option<String>,
    #[serde(default)]
    recorded_date: Option<String>,
}

/// What an observation answers, by its LOINC code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lab {
    Egfr,
    Creatinine,
    Wbc,
    Hemoglobin,
    Platelets,
    Ast,
    Alt,
    Ana,
    AntiDsDna,
}

impl Lab {
    /// The table's LOINC codes (`clinical-reference.md`, "Codes").
    const CODES: [(Lab, &'static [&'static str]); 9] = [
        (Lab::Egfr, &["98979-8", "62238-1", "88293-6", "88294-4", "33914-3"]),
        (Lab::Creatinine, &["2160-0", "14682-9"]),
        (Lab::Wbc, &["6690-2", "26464-8"]),
        (Lab::Hemoglobin, &["718-7", "59260-0"]),
        (Lab::Platelets, &["777-3", "26515-7"]),
        (Lab::Ast, &["1920-8"]),
        (Lab::Alt, &["1742-6"]),
        (Lab::Ana, &["5048-4", "29953-7", "42254-3"]),
        (Lab::AntiDsDna, &["5130-0", "11013-0", "33800-4", "33799-8"]),
    ];

    /// The lab of a LOINC code, and the code.
    fn of(code: &Concept) -> Option<(Lab, String)> {
        code.codes(&[LOINC])
            .find_map(|c| Lab::CODES.iter().find(|(_, codes)| codes.contains(&c)).map(|(lab, _)| (*lab, c.to_string())))
    }

    /// The answer object it fills.
    fn path(self) -> &'static str {
        match self {
            Lab::Egfr => "labs.egfr",
            Lab::Creatinine => "labs.creatinine",
            Lab::Wbc => "labs.wbc",
            Lab::Hemoglobin => "labs.hemoglobin",
            Lab::Platelets => "labs.platelets",
            Lab::Ast => "labs.ast",
            Lab::Alt => "labs.alt",
            Lab::Ana => "sle.ana",
            Lab::AntiDsDna => "sle.anti_dsdna",
        }
    }

    /// The contract's unit word of a UCUM unit, for the labs with a unit
    /// answer; `Ok(None)` for the labs without one that accept the unit.
    fn unit(self, ucum: &str) -> Result<Option<&'static str>, ()> {
        let word = match (self, ucum) {
            (Lab::Creatinine, "mg/dL") => "mg/dL",
            (Lab::Creatinine, "umol/L") => "umol/L",
            (Lab::Wbc | Lab::Platelets, "10*9/L") => "10^9/L",
            (Lab::Wbc | Lab::Platelets, "10*3/uL") => "10^3/uL",
            (Lab::Wbc | Lab::Platelets, "/uL") => "/uL",
            (Lab::Hemoglobin, "g/dL") => "g/dL",
            (Lab::Hemoglobin, "g/L") => "g/L",
            (Lab::Hemoglobin, "mmol/L") => "mmol/L",
            (Lab::Egfr, "mL/min/{1.73_m2}") | (Lab::Ast | Lab::Alt, "U/L" | "[IU]/L" | "IU/L") => return Ok(None),
            _ => return Err(()),
        };
        Ok(Some(word))
    }
}

/// One usable observation: what it fills, and when.
struct Reading {
    lab: Lab,
    /// The leaves it fills under `lab.path()`.
    leaves: Vec<(&'static str, Value)>,
    date: NaiveDate,
    /// The effective instant, when a time with its offset is given.
    instant: Option<i64>,
    entry: usize,
    id: Option<String>,
    code: String,
}

/// The answers a Bundle gives as of `screening_date`, where each came
/// from, and what was not used.
///
/// # Errors
/// When `bundle` is not a `Bundle`, or an element read has the wrong type
/// or is not a FHIR date; the error's path names the entry and field
/// (`entry[3].resource.valueQuantity.value`).
pub fn answers_from_fhir(bundle: &Value, screening_date: NaiveDate) -> Result<Prefill, Error> {
    let what = match bundle {
        Value::Object(_) => None,
        Value::Null => Some("null"),
        Value::Bool(_) => Some("boolean"),
        Value::Number(_) => Some("number"),
        Value::String(_) => Some("string (a Bundle is sent as an object, not as JSON text)"),
        Value::Array(_) => Some("list"),
    };
    if let Some(what) = what {
        return Err(Error::new("bundle", &format!("invalid type: {what}, expected a FHIR Bundle (an object)")));
    }
    match bundle.get("resourceType").map(|t| t.as_str().ok_or(t)) {
        Some(Ok("Bundle")) => {}
        Some(Err(_)) => return Err(Error::new("resourceType", "not a string: not a FHIR Bundle")),
        Some(Ok(other)) => return Err(Error::new("resourceType", &format!("a {} is not a Bundle", clip(other, 60)))),
        None => return Err(Error::new("resourceType", "missing: not a FHIR Bundle")),
    }
    let entries: &[Value] = match bundle.get("entry") {
        None => &[],
        Some(Value::Array(entries)) => entries,
        Some(_) => return Err(Error::new("entry", "not a list of entries")),
    };
    let mut out = Reader { screening: screening_date, doc: Map::new(), sources: Vec::new(), unused: Vec::new() };
    let mut readings = Vec::new();
    let patient = first_patient(entries);
    for (i, entry) in entries.iter().enumerate() {
        let at = format!("entry[{i}]");
        let Some(resource) = entry.get("resource") else {
            if !entry.is_object() {
                return Err(Error::new(at, "not an entry (an object)"));
            }
            continue; // an entry without a resource (a request): nothing to read
        };
        let at = format!("{at}.resource");
        let kind = match resource.get("resourceType") {
            Some(Value::String(kind)) => kind.as_str(),
            Some(_) => return Err(Error::new(format!("{at}.resourceType"), "not a string")),
            None => return Err(Error::new(format!("{at}.resourceType"), "missing: not a FHIR resource")),
        };
        match kind {
            "Patient" => {
                let p: Patient = read(resource, &at)?;
                if patient.as_ref().is_some_and(|(first, _, _)| *first == i) {
                    out.patient(p, &at)?;
                } else {
                    out.unused("Patient", p.id, "another Patient (only the first is read)".into());
                }
            }
            "Observation" | "Condition" => {
                let head: Head = read(resource, &at)?;
                if let Some(other) = about_another(&head, patient.as_ref()) {
                    out.unused(kind, head.id, format!("about another patient ({})", clip(&other, 60)));
                } else if kind == "Observation" {
                    if head.code.as_ref().and_then(Lab::of).is_none() {
                        out.unused("Observation", head.id, "no LOINC code this page reads".into());
                    } else if let Some(r) = out.observation(read(resource, &at)?, &at, i)? {
                        readings.push(r);
                    }
                } else if condition_code(head.code.as_ref()).is_none() {
                    out.unused("Condition", head.id, "no ICD-10-CM code this page reads".into());
                } else {
                    out.condition(read(resource, &at)?, &at)?;
                }
            }
            other => {
                out.unused(other, resource.get("id").and_then(Value::as_str).map(str::to_string), "not read".into())
            }
        }
    }
    out.latest(readings);
    let mut doc = out.doc;
    doc.insert("schema".into(), Value::String(ANSWERS_SCHEMA.into()));
    doc.insert("screening_date".into(), Value::String(screening_date.to_string()));
    // Cannot fail for what is built here (known words, finite numbers,
    // valid dates); a failure would be this module's bug, reported as such.
    let answers = crate::from_json(&Value::Object(doc).to_string()).map_err(|e| {
        Error::new(e.path(), &format!("the record gave an answer this page cannot hold: {}", e.message()))
    })?;
    Ok(Prefill { answers, sources: out.sources, unused: out.unused })
}

/// A resource read through its struct; an error names the entry and field.
fn read<T: for<'de> Deserialize<'de>>(resource: &Value, at: &str) -> Result<T, Error> {
    serde_path_to_error::deserialize(resource)
        .map_err(|e| Error::new(format!("{at}.{}", e.path()), &e.inner().to_string()))
}

/// The first Patient of the Bundle: its entry, id and `fullUrl`.
fn first_patient(entries: &[Value]) -> Option<(usize, Option<String>, Option<String>)> {
    entries.iter().enumerate().find_map(|(i, e)| {
        let r = e.get("resource")?;
        (r.get("resourceType")?.as_str()? == "Patient").then(|| {
            let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
            (i, text(r.get("id")), text(e.get("fullUrl")))
        })
    })
}

/// The subject of a resource when it is not the Bundle's first Patient
/// (by `Patient/id`, a URL ending so, or the Patient's `fullUrl`). Without
/// a Patient in the Bundle, or without a subject, every resource is taken
/// to be about the patient.
fn about_another(head: &Head, patient: Option<&(usize, Option<String>, Option<String>)>) -> Option<String> {
    let reference = head.subject.as_ref()?.reference.as_deref()?;
    let (_, id, full_url) = patient?;
    if id.is_none() && full_url.is_none() {
        return None; // a Patient that cannot be referred to: nothing to compare
    }
    let by_id = id.as_ref().is_some_and(|id| {
        let local = format!("Patient/{id}");
        reference == local || reference.ends_with(&format!("/{local}"))
    });
    let by_url = full_url.as_deref() == Some(reference);
    (!by_id && !by_url).then(|| reference.to_string())
}

/// A caller's text cut for a message.
fn clip(s: &str, max: usize) -> String {
    crate::questions::draft::clip(s, max)
}

/// A FHIR date or date-time: its full date, `Ok(None)` for a year or
/// year-month only.
///
/// # Errors
/// When it is not a FHIR date at all.
fn fhir_date(s: &str, at: &str) -> Result<Option<NaiveDate>, Error> {
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    let full = match (s.len(), s.get(..10).and_then(parse_date)) {
        (10, Some(d)) => Some(d),
        // A time must be whole, with its offset (FHIR's dateTime and instant).
        (11.., Some(d)) if s.get(10..11) == Some("T") && DateTime::parse_from_rfc3339(s).is_ok() => Some(d),
        _ => None,
    };
    let partial = match s.len() {
        4 => digits(s),
        7 => {
            digits(&s[..4])
                && s.get(4..5) == Some("-")
                && s.get(5..).and_then(|m| m.parse::<u32>().ok()).is_some_and(|m| (1..=12).contains(&m))
        }
        _ => false,
    };
    match (full, partial) {
        (Some(d), _) => Ok(Some(d)),
        (None, true) => Ok(None),
        (None, false) => Err(Error::new(at, &format!("“{}” is not a FHIR date", clip(s, 40)))),
    }
}

/// The instant of a date-time with its offset, to order results of one day.
fn instant(s: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.timestamp())
}

/// The answers being built.
struct Reader {
    screening: NaiveDate,
    doc: Map<String, Value>,
    sources: Vec<Source>,
    unused: Vec<Unused>,
}

impl Reader {
    fn unused(&mut self, resource_type: &str, id: Option<String>, reason: String) {
        self.unused.push(Unused { resource_type: resource_type.into(), id, reason });
    }

    /// Fills `path` with `v`, noting its source.
    fn fill(&mut self, path: &str, v: Value, source: Source) {
        insert(&mut self.doc, path, v);
        self.sources.push(Source { path: path.into(), ..source });
    }

    fn patient(&mut self, p: Patient, at: &str) -> Result<(), Error> {
        let source = |code: &str| Source {
            path: String::new(),
            resource_type: "Patient".into(),
            id: p.id.clone(),
            date: None,
            code: code.into(),
        };
        if let Some(b) = &p.birth_date {
            match fhir_date(b, &format!("{at}.birthDate"))? {
                Some(d) => self.fill("patient.birth_date", Value::String(d.to_string()), source("Patient.birthDate")),
                None => self.unused("Patient", p.id.clone(), format!("birthDate “{b}” is not a full date")),
            }
        }
        match p.gender.as_deref() {
            Some(g @ ("female" | "male")) => {
                self.fill("patient.sex", Value::String(g.into()), source("Patient.gender"))
            }
            Some(g) => self.unused(
                "Patient",
                p.id.clone(),
                format!("gender “{}” is not read", crate::questions::draft::clip(g, 40)),
            ),
            None => {}
        }
        Ok(())
    }

    /// A usable observation, or `None` (noted as unused with the reason).
    fn observation(&mut self, o: Observation, at: &str, entry: usize) -> Result<Option<Reading>, Error> {
        let Some((lab, code)) = o.code.as_ref().and_then(Lab::of) else {
            self.unused("Observation", o.id, "no LOINC code this page reads".into());
            return Ok(None);
        };
        let no = |me: &mut Reader, why: String| {
            me.unused("Observation", o.id.clone(), format!("LOINC {code}: {why}"));
            Ok(None)
        };
        let when = match (&o.effective_date_time, &o.effective_period, &o.effective_instant) {
            (Some(t), _, _) => Some((t.clone(), format!("{at}.effectiveDateTime"))),
            (None, Some(Period { start: Some(t) }), _) => Some((t.clone(), format!("{at}.effectivePeriod.start"))),
            (None, _, Some(t)) => Some((t.clone(), format!("{at}.effectiveInstant"))),
            _ => None,
        };
        // A malformed date refuses the Bundle, whatever the status.
        let date = match &when {
            Some((t, t_at)) => fhir_date(t, t_at)?,
            None => None,
        };
        let status = o.status.as_deref().unwrap_or_default();
        if !matches!(status, "final" | "amended" | "corrected") {
            return no(self, format!("status {}", if status.is_empty() { "missing" } else { status }));
        }
        let Some((when, _)) = when else { return no(self, "no effective date".into()) };
        let Some(date) = date else { return no(self, format!("effective date “{when}” is not a full date")) };
        if date > self.screening {
            return no(self, format!("dated {date}, after the screening date {}", self.screening));
        }
        let leaves = match lab {
            Lab::Ana => match ana_titer(&o) {
                Some(t) => vec![("titer", Value::from(t)), ("date", Value::String(date.to_string()))],
                None => return no(self, "no titer (valueRatio 1:N, valueString “1:N”) and not negative".into()),
            },
            Lab::AntiDsDna => {
                let interpretation = |codes: &[&str]| o.interpretation.iter().any(|c| c.has(codes));
                let positive = match (interpretation(&["POS", "H", "HH"]), interpretation(&["NEG", "N"])) {
                    (true, false) => true,
                    (false, true) => false,
                    (true, true) => return no(self, "interpretations both positive and negative".into()),
                    (false, false) => return no(self, "no interpretation POS, H, HH, NEG or N".into()),
                };
                vec![("positive", Value::Bool(positive)), ("date", Value::String(date.to_string()))]
            }
            _ => {
                let Some(q) = &o.value_quantity else { return no(self, "no valueQuantity".into()) };
                let Some(value) = q.value else { return no(self, "no valueQuantity.value".into()) };
                if let Some(c) = &q.comparator {
                    return no(self, format!("a value given as “{}{value}”, not exact", clip(c, 4)));
                }
                let unit = q.unit().unwrap_or_default();
                let Ok(word) = lab.unit(unit) else {
                    return no(self, format!("unit “{}” is not read", clip(unit, 40)));
                };
                let mut leaves = vec![("value", Value::from(value))];
                if let Some(w) = word {
                    leaves.push(("unit", Value::String(w.into())));
                }
                if matches!(lab, Lab::Ast | Lab::Alt) {
                    let high = o.reference_range.first().and_then(|r| r.high.clone());
                    match high {
                        Some(h) if h.value.is_some() && h.unit().is_none_or(|u| lab.unit(u).is_ok()) => {
                            leaves.push(("uln", Value::from(h.value.unwrap_or_default())));
                        }
                        Some(h) if h.value.is_some() => self.unused(
                            "Observation",
                            o.id.clone(),
                            format!(
                                "LOINC {code}: referenceRange high in “{}” is not read",
                                h.unit().unwrap_or_default()
                            ),
                        ),
                        _ => {}
                    }
                }
                leaves
            }
        };
        Ok(Some(Reading { lab, leaves, date, instant: instant(&when), entry, id: o.id, code }))
    }

    /// Fills each lab from its latest reading; the others are not used.
    /// On one date, the code the table lists first wins (an eGFR by
    /// CKD-EPI 2021 over an older equation), then the later time, then the
    /// later entry; the race-based CKD-EPI 2009 pair of one date, which
    /// the record cannot say which applies, is not used.
    fn latest(&mut self, mut readings: Vec<Reading>) {
        readings.sort_by_key(|r| (r.date, rank(r.lab, &r.code), r.instant, r.entry));
        for (lab, _) in Lab::CODES {
            let (mut of_lab, rest): (Vec<Reading>, Vec<Reading>) = readings.into_iter().partition(|r| r.lab == lab);
            readings = rest;
            let Some(last) = of_lab.pop() else { continue };
            let race_pair = RACE_BASED.contains(&last.code.as_str())
                && of_lab
                    .iter()
                    .any(|r| r.date == last.date && RACE_BASED.contains(&r.code.as_str()) && r.code != last.code);
            if race_pair {
                for r in of_lab.into_iter().chain([last]) {
                    let why = if RACE_BASED.contains(&r.code.as_str()) {
                        "the race-based eGFR pair (88293-6, 88294-4) of one date: which applies is not known"
                    } else {
                        "an earlier result"
                    };
                    self.unused("Observation", r.id, format!("LOINC {}: {why}", r.code));
                }
                continue;
            }
            for r in of_lab {
                let why = if r.date == last.date { "another result of the same date" } else { "an earlier result" };
                self.unused(
                    "Observation",
                    r.id,
                    format!("LOINC {}: {why} (the one of {}, LOINC {}, is used)", r.code, last.date, last.code),
                );
            }
            for (leaf, v) in &last.leaves {
                let source = Source {
                    path: String::new(),
                    resource_type: "Observation".into(),
                    id: last.id.clone(),
                    date: Some(last.date.to_string()),
                    code: format!("LOINC {}", last.code),
                };
                self.fill(&format!("{}.{leaf}", lab.path()), v.clone(), source);
            }
        }
    }

    fn condition(&mut self, c: Condition, at: &str) -> Result<(), Error> {
        let date = match (&c.onset_date_time, &c.recorded_date) {
            (Some(d), _) => fhir_date(d, &format!("{at}.onsetDateTime"))?,
            (None, Some(d)) => fhir_date(d, &format!("{at}.recordedDate"))?,
            _ => None,
        };
        let Some((path, code)) = condition_code(c.code.as_ref()) else {
            self.unused("Condition", c.id, "no ICD-10-CM code this page reads".into());
            return Ok(());
        };
        let clinical = c.clinical_status.as_ref().is_some_and(|s| s.has(&["active", "recurrence", "relapse"]));
        let refuted = c.verification_status.as_ref().is_some_and(|s| s.has(&["refuted", "entered-in-error"]));
        if refuted {
            self.unused("Condition", c.id, format!("ICD-10-CM {code}: refuted or entered in error"));
            return Ok(());
        }
        // Not only refuted: a diagnosis the record holds open is not what it
        // "positively says" (fhir.md, section 3), and a wrong "yes" here is a
        // permanent exclusion (E4, E8).
        let open =
            c.verification_status.as_ref().is_some_and(|s| s.has(&["unconfirmed", "provisional", "differential"]));
        if open {
            self.unused("Condition", c.id, format!("ICD-10-CM {code}: not confirmed (verificationStatus)"));
            return Ok(());
        }
        if !clinical {
            self.unused("Condition", c.id, format!("ICD-10-CM {code}: not active (clinicalStatus)"));
            return Ok(());
        }
        if self.sources.iter().any(|s| s.path == path) {
            self.unused("Condition", c.id, format!("ICD-10-CM {code}: the same answer came from another Condition"));
            return Ok(());
        }
        let source = Source {
            path: String::new(),
            resource_type: "Condition".into(),
            id: c.id,
            date: date.map(|d| d.to_string()),
            code: format!("ICD-10-CM {code}"),
        };
        self.fill(path, Value::Bool(true), source);
        Ok(())
    }
}

/// The answer a Condition's code fills, and the code.
fn condition_code(code: Option<&Concept>) -> Option<(&'static str, String)> {
    code?.codes(&[ICD10CM, ICD10]).find_map(|k| condition_path(k).map(|p| (p, k.to_string())))
}

/// The LOINC codes of CKD-EPI 2009's race-based pair (eGFR among Black and
/// among non-Black patients).
const RACE_BASED: [&str; 2] = ["88293-6", "88294-4"];

/// How much a lab's code is preferred on one date: its place in the table
/// (`clinical-reference.md` lists CKD-EPI 2021 first).
fn rank(lab: Lab, code: &str) -> usize {
    let codes = Lab::CODES.iter().find(|(l, _)| *l == lab).map_or(&[][..], |(_, c)| *c);
    codes.len() - codes.iter().position(|c| *c == code).unwrap_or(codes.len())
}

/// The answer an ICD-10-CM code fills (`true`), by its category.
fn condition_path(code: &str) -> Option<&'static str> {
    let bare: String = code.chars().filter(|c| *c != '.').collect::<String>().to_ascii_uppercase();
    let is = |prefix: &str| bare.starts_with(prefix);
    if is("B20") || is("Z21") {
        Some("conditions.hiv")
    } else if is("B180") || is("B181") {
        Some("conditions.hepatitis_b")
    } else if is("B182") {
        Some("conditions.hepatitis_c")
    } else if ["A15", "A16", "A17", "A18", "A19"].iter().any(|p| is(p)) {
        Some("conditions.tuberculosis")
    } else if is("Z940") {
        Some("conditions.renal_transplant")
    } else {
        None
    }
}

/// An ANA titer: `N` of a `valueRatio` 1:N or a `valueString` "1:N";
/// else 0 when the result is negative. A titer given wins over a negative
/// flag: a lab's own cutoff (1:160) may call negative a titer (1:80) that
/// the trial counts.
fn ana_titer(o: &Observation) -> Option<f64> {
    let titer = match (&o.value_ratio, o.value_string.as_deref()) {
        (Some(r), _) => {
            let n = r.numerator.as_ref().and_then(|q| q.value);
            let d = r.denominator.as_ref().and_then(|q| q.value);
            match (n, d) {
                (Some(n), Some(d)) if n == 1.0 && d > 0.0 && d.is_finite() => Some(d),
                _ => None,
            }
        }
        (None, Some(s)) => s.trim().split_once(':').and_then(|(one, n)| {
            let n: f64 = n.trim().parse().ok()?;
            (one.trim() == "1" && n > 0.0 && n.is_finite()).then_some(n)
        }),
        (None, None) => None,
    };
    let negative_words = |c: &Concept| {
        c.has(&["260385009", "NEG"])
            || c.text.as_deref().is_some_and(|t| t.trim().eq_ignore_ascii_case("negative"))
            || c.coding.iter().any(|k| k.display.as_deref().is_some_and(|d| d.trim().eq_ignore_ascii_case("negative")))
    };
    let negative = o.interpretation.iter().any(|c| c.has(&["NEG"]))
        || o.value_codeable_concept.as_ref().is_some_and(negative_words);
    titer.or(negative.then_some(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn screening() -> NaiveDate {
        parse_date("2026-11-26").unwrap_or_default()
    }

    fn bundle(resources: Vec<Value>) -> Value {
        let entry: Vec<Value> = resources.into_iter().map(|r| json!({"resource": r})).collect();
        json!({"resourceType": "Bundle", "type": "collection", "entry": entry})
    }

    fn prefill(resources: Vec<Value>) -> Prefill {
        answers_from_fhir(&bundle(resources), screening()).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The answers a Bundle gives, as JSON, without `schema` and the
    /// screening date.
    fn filled(resources: Vec<Value>) -> Value {
        let mut v = serde_json::to_value(prefill(resources).answers).unwrap_or_default();
        if let Some(m) = v.as_object_mut() {
            m.remove("schema");
            m.remove("screening_date");
        }
        v
    }

    fn obs(id: &str, loinc: &str, date: &str, value: Value) -> Value {
        let mut o = json!({
            "resourceType": "Observation", "id": id, "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": loinc}]},
            "effectiveDateTime": date,
        });
        if let (Some(m), Some(v)) = (o.as_object_mut(), value.as_object()) {
            m.extend(v.clone());
        }
        o
    }

    fn qty(value: f64, code: &str) -> Value {
        json!({"valueQuantity": {"value": value, "unit": code, "system": "http://unitsofmeasure.org", "code": code}})
    }

    fn condition(id: &str, code: &str, clinical: &str, verification: Option<&str>) -> Value {
        let mut c = json!({
            "resourceType": "Condition", "id": id,
            "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": clinical}]},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": code}]},
            "recordedDate": "2019-03-01",
        });
        if let (Some(m), Some(v)) = (c.as_object_mut(), verification) {
            m.insert("verificationStatus".into(), json!({"coding": [{"code": v}]}));
        }
        c
    }

    #[test]
    fn the_patient_gives_a_full_birth_date_and_female_or_male() {
        let cases = [
            (
                "full date and female",
                json!({"resourceType": "Patient", "birthDate": "1980-05-01", "gender": "female"}),
                json!({"patient": {"birth_date": "1980-05-01", "sex": "female"}}),
            ),
            (
                "a year only",
                json!({"resourceType": "Patient", "birthDate": "1980", "gender": "male"}),
                json!({"patient": {"sex": "male"}}),
            ),
            ("a year and month", json!({"resourceType": "Patient", "birthDate": "1980-05"}), json!({})),
            ("gender other", json!({"resourceType": "Patient", "gender": "other"}), json!({})),
            ("gender unknown", json!({"resourceType": "Patient", "gender": "unknown"}), json!({})),
        ];
        for (name, p, want) in cases {
            assert_eq!(filled(vec![p]), want, "{name}");
        }
        let p = prefill(vec![json!({"resourceType": "Patient", "id": "p1", "birthDate": "1980", "gender": "other"})]);
        assert_eq!(p.unused.len(), 2);
        assert!(p.unused[0].reason.contains("not a full date"));
        // A second Patient is not read.
        let two = prefill(vec![
            json!({"resourceType": "Patient", "gender": "female"}),
            json!({"resourceType": "Patient", "id": "other", "gender": "male"}),
        ]);
        assert_eq!(serde_json::to_value(&two.answers).unwrap_or_default()["patient"]["sex"], "female");
        assert_eq!(two.unused[0].id.as_deref(), Some("other"));
    }

    #[test]
    fn every_lab_row_of_the_table_with_its_units() {
        let cases = [
            (
                "creatinine mg/dL",
                obs("c", "2160-0", "2026-10-02", qty(1.1, "mg/dL")),
                json!({"labs": {"creatinine": {"value": 1.1, "unit": "mg/dL"}}}),
            ),
            (
                "creatinine umol/L",
                obs("c", "14682-9", "2026-10-02", qty(97.0, "umol/L")),
                json!({"labs": {"creatinine": {"value": 97.0, "unit": "umol/L"}}}),
            ),
            (
                "eGFR CKD-EPI 2021",
                obs("e", "98979-8", "2026-10-02", qty(55.0, "mL/min/{1.73_m2}")),
                json!({"labs": {"egfr": {"value": 55.0}}}),
            ),
            (
                "eGFR other code",
                obs("e", "33914-3", "2026-10-02", qty(55.0, "mL/min/{1.73_m2}")),
                json!({"labs": {"egfr": {"value": 55.0}}}),
            ),
            (
                "WBC 10*9/L",
                obs("w", "6690-2", "2026-10-02", qty(4.2, "10*9/L")),
                json!({"labs": {"wbc": {"value": 4.2, "unit": "10^9/L"}}}),
            ),
            (
                "WBC 10*3/uL",
                obs("w", "26464-8", "2026-10-02", qty(4.2, "10*3/uL")),
                json!({"labs": {"wbc": {"value": 4.2, "unit": "10^3/uL"}}}),
            ),
            (
                "platelets /uL",
                obs("p", "777-3", "2026-10-02", qty(150_000.0, "/uL")),
                json!({"labs": {"platelets": {"value": 150_000.0, "unit": "/uL"}}}),
            ),
            (
                "platelets 26515-7",
                obs("p", "26515-7", "2026-10-02", qty(150.0, "10*9/L")),
                json!({"labs": {"platelets": {"value": 150.0, "unit": "10^9/L"}}}),
            ),
            (
                "hemoglobin g/dL",
                obs("h", "718-7", "2026-10-02", qty(11.2, "g/dL")),
                json!({"labs": {"hemoglobin": {"value": 11.2, "unit": "g/dL"}}}),
            ),
            (
                "hemoglobin g/L",
                obs("h", "718-7", "2026-10-02", qty(112.0, "g/L")),
                json!({"labs": {"hemoglobin": {"value": 112.0, "unit": "g/L"}}}),
            ),
            (
                "hemoglobin mmol/L",
                obs("h", "59260-0", "2026-10-02", qty(7.0, "mmol/L")),
                json!({"labs": {"hemoglobin": {"value": 7.0, "unit": "mmol/L"}}}),
            ),
            (
                "AST with its upper limit",
                obs(
                    "a",
                    "1920-8",
                    "2026-10-02",
                    json!({"valueQuantity": {"value": 30, "code": "U/L", "system": "http://unitsofmeasure.org"}, "referenceRange": [{"high": {"value": 40, "code": "U/L"}}]}),
                ),
                json!({"labs": {"ast": {"value": 30.0, "uln": 40.0}}}),
            ),
            (
                "ALT without a range",
                obs("a", "1742-6", "2026-10-02", qty(25.0, "U/L")),
                json!({"labs": {"alt": {"value": 25.0}}}),
            ),
            (
                "ALT in [IU]/L",
                obs("a", "1742-6", "2026-10-02", qty(25.0, "[IU]/L")),
                json!({"labs": {"alt": {"value": 25.0}}}),
            ),
            (
                "a unit given as words only",
                obs("h", "718-7", "2026-10-02", json!({"valueQuantity": {"value": 11.0, "unit": "g/dL"}})),
                json!({"labs": {"hemoglobin": {"value": 11.0, "unit": "g/dL"}}}),
            ),
            // Not used:
            ("an unknown unit", obs("h", "718-7", "2026-10-02", qty(11.2, "mg/mL")), json!({})),
            (
                "creatinine without a unit",
                obs("c", "2160-0", "2026-10-02", json!({"valueQuantity": {"value": 1.1}})),
                json!({}),
            ),
            ("eGFR in mL/min", obs("e", "98979-8", "2026-10-02", qty(55.0, "mL/min")), json!({})),
            ("AST in ukat/L", obs("a", "1920-8", "2026-10-02", qty(0.5, "ukat/L")), json!({})),
            ("no value", obs("h", "718-7", "2026-10-02", json!({})), json!({})),
            (
                "a value without a number",
                obs("h", "718-7", "2026-10-02", json!({"valueQuantity": {"code": "g/dL"}})),
                json!({}),
            ),
            ("a C3 (not asked)", obs("x", "4485-9", "2026-10-02", qty(90.0, "mg/dL")), json!({})),
        ];
        for (name, o, want) in cases {
            assert_eq!(filled(vec![o]), want, "{name}");
        }
    }

    #[test]
    fn only_final_results_dated_by_screening_count() {
        let hb = |status: Value, date: Value| {
            let mut o = obs("h", "718-7", "", qty(11.0, "g/dL"));
            o["status"] = status;
            o["effectiveDateTime"] = date;
            o
        };
        let used = json!({"labs": {"hemoglobin": {"value": 11.0, "unit": "g/dL"}}});
        let cases = [
            ("final", hb(json!("final"), json!("2026-10-02")), used.clone()),
            ("amended", hb(json!("amended"), json!("2026-10-02")), used.clone()),
            ("corrected", hb(json!("corrected"), json!("2026-10-02")), used.clone()),
            ("preliminary", hb(json!("preliminary"), json!("2026-10-02")), json!({})),
            ("entered in error", hb(json!("entered-in-error"), json!("2026-10-02")), json!({})),
            ("cancelled", hb(json!("cancelled"), json!("2026-10-02")), json!({})),
            ("on the screening date", hb(json!("final"), json!("2026-11-26")), used.clone()),
            ("a time on the screening date", hb(json!("final"), json!("2026-11-26T23:59:00-05:00")), used.clone()),
            ("the day after screening", hb(json!("final"), json!("2026-11-27")), json!({})),
            ("a month only", hb(json!("final"), json!("2026-10")), json!({})),
            ("no date", hb(json!("final"), Value::Null), json!({})),
        ];
        for (name, o, want) in cases {
            assert_eq!(filled(vec![o]), want, "{name}");
        }
        let p = prefill(vec![hb(json!("preliminary"), json!("2026-10-02"))]);
        assert_eq!(p.unused[0].reason, "LOINC 718-7: status preliminary");
        let p = prefill(vec![hb(json!("final"), json!("2026-11-27"))]);
        assert_eq!(p.unused[0].reason, "LOINC 718-7: dated 2026-11-27, after the screening date 2026-11-26");
        // effectivePeriod.start and effectiveInstant date it too.
        let mut o = obs("h", "718-7", "", qty(11.0, "g/dL"));
        if let Some(m) = o.as_object_mut() {
            m.remove("effectiveDateTime");
            m.insert("effectivePeriod".into(), json!({"start": "2026-10-01T08:00:00Z"}));
        }
        assert_eq!(filled(vec![o]), used);
    }

    #[test]
    fn of_several_results_the_latest_is_used() {
        let p = prefill(vec![
            obs("old", "2160-0", "2026-09-01", qty(0.9, "mg/dL")),
            obs("new", "14682-9", "2026-10-02", qty(110.0, "umol/L")),
            obs("later-time", "2160-0", "2026-10-02T09:00:00Z", qty(1.2, "mg/dL")),
            obs("future", "2160-0", "2026-12-01", qty(3.0, "mg/dL")),
            obs("morning", "2160-0", "2026-10-02T08:00:00Z", qty(1.0, "mg/dL")),
        ]);
        let a = serde_json::to_value(&p.answers).unwrap_or_default();
        assert_eq!(a["labs"]["creatinine"], json!({"value": 1.2, "unit": "mg/dL"}));
        let source = p.sources.iter().find(|s| s.path == "labs.creatinine.value").cloned();
        assert_eq!(source.and_then(|s| s.id), Some("later-time".into()));
        assert_eq!(p.unused.len(), 4, "{:?}", p.unused);
        assert!(p.unused.iter().any(|u| u.id.as_deref() == Some("old") && u.reason.contains("earlier result")));
        // Two creatinines of one date: the one the table lists first.
        assert!(p
            .unused
            .iter()
            .any(|u| u.id.as_deref() == Some("new") && u.reason.contains("another result of the same date")));
        // The latest ANA wins even when an older one qualified: the rules judge its age.
        let p = prefill(vec![
            obs("a1", "5048-4", "2026-10-01", json!({"valueString": "1:320"})),
            obs("a0", "5048-4", "2025-01-01", json!({"valueString": "1:640"})),
        ]);
        let a = serde_json::to_value(&p.answers).unwrap_or_default();
        assert_eq!(a["sle"]["ana"], json!({"titer": 320.0, "date": "2026-10-01"}));
    }

    #[test]
    fn ana_titers_and_negatives() {
        let neg_interp = json!({"interpretation": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": "NEG"}]}]});
        let cases = [
            (
                "a ratio 1:160",
                json!({"valueRatio": {"numerator": {"value": 1}, "denominator": {"value": 160}}}),
                Some(160.0),
            ),
            ("a string 1:80", json!({"valueString": "1:80"}), Some(80.0)),
            ("a string with spaces", json!({"valueString": " 1 : 1280 "}), Some(1280.0)),
            ("interpretation NEG", neg_interp, Some(0.0)),
            (
                "a negative coded value",
                json!({"valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "260385009"}]}}),
                Some(0.0),
            ),
            ("a negative as text", json!({"valueCodeableConcept": {"text": "Negative"}}), Some(0.0)),
            ("a ratio 2:160", json!({"valueRatio": {"numerator": {"value": 2}, "denominator": {"value": 160}}}), None),
            ("a string of words", json!({"valueString": "positive, speckled"}), None),
            ("a positive interpretation alone", json!({"interpretation": [{"coding": [{"code": "POS"}]}]}), None),
            // A titer wins over the lab's own negative flag (its cutoff may be 1:160).
            (
                "1:80 flagged negative",
                json!({"valueString": "1:80", "interpretation": [{"coding": [{"code": "NEG"}]}]}),
                Some(80.0),
            ),
        ];
        for (name, value, want) in cases {
            let a = filled(vec![obs("ana", "29953-7", "2026-10-01", value)]);
            let got = a.get("sle").map(|s| s["ana"].clone());
            let want = want.map(|t| json!({"titer": t, "date": "2026-10-01"}));
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn anti_dsdna_from_its_interpretation() {
        let cases = [
            ("POS", Some(true)),
            ("H", Some(true)),
            ("HH", Some(true)),
            ("NEG", Some(false)),
            ("N", Some(false)),
            ("IND", None),
        ];
        for (code, want) in cases {
            let o = obs("d", "5130-0", "2026-09-15", json!({"interpretation": [{"coding": [{"code": code}]}]}));
            let got = filled(vec![o]).get("sle").map(|s| s["anti_dsdna"].clone());
            assert_eq!(got, want.map(|p| json!({"positive": p, "date": "2026-09-15"})), "{code}");
        }
    }

    #[test]
    fn conditions_by_icd_10_cm_when_active_and_not_refuted() {
        let cases = [
            ("HIV B20", condition("c", "B20", "active", None), Some("hiv")),
            ("HIV Z21", condition("c", "Z21", "active", Some("confirmed")), Some("hiv")),
            ("hepatitis B B18.1", condition("c", "B18.1", "active", None), Some("hepatitis_b")),
            ("hepatitis B B18.0", condition("c", "B18.0", "recurrence", None), Some("hepatitis_b")),
            ("hepatitis C B18.2", condition("c", "B18.2", "relapse", None), Some("hepatitis_c")),
            ("tuberculosis A15.0", condition("c", "A15.0", "active", None), Some("tuberculosis")),
            ("tuberculosis A19.9 without the dot", condition("c", "A199", "active", None), Some("tuberculosis")),
            ("kidney transplant Z94.0", condition("c", "Z94.0", "active", None), Some("renal_transplant")),
            // Not used:
            ("acute hepatitis B B16.9", condition("c", "B16.9", "active", None), None),
            ("other chronic viral hepatitis B18.8", condition("c", "B18.8", "active", None), None),
            ("A14 (not tuberculosis)", condition("c", "A14", "active", None), None),
            ("liver transplant Z94.4", condition("c", "Z94.4", "active", None), None),
            ("resolved", condition("c", "B20", "resolved", None), None),
            ("inactive", condition("c", "A15.0", "inactive", None), None),
            ("refuted", condition("c", "B20", "active", Some("refuted")), None),
            ("entered in error", condition("c", "B20", "active", Some("entered-in-error")), None),
            // Held open by the record: not what it positively says.
            ("provisional", condition("c", "A15.0", "active", Some("provisional")), None),
            ("differential", condition("c", "A15.0", "active", Some("differential")), None),
            ("unconfirmed", condition("c", "B20", "active", Some("unconfirmed")), None),
        ];
        for (name, c, want) in cases {
            let got = filled(vec![c]);
            let want = want.map_or(json!({}), |k| json!({"conditions": {k: true}}));
            assert_eq!(got, want, "{name}");
        }
        // Another code system, or no clinical status: not used.
        let mut snomed = condition("c", "86406008", "active", None);
        snomed["code"]["coding"][0]["system"] = json!("http://snomed.info/sct");
        let mut no_status = condition("c", "B20", "active", None);
        if let Some(m) = no_status.as_object_mut() {
            m.remove("clinicalStatus");
        }
        assert_eq!(filled(vec![snomed, no_status]), json!({}));
        // The source names the code and date; nothing says "no".
        let p = prefill(vec![condition("hiv1", "B20", "active", None), condition("hiv2", "Z21", "active", None)]);
        assert_eq!(
            p.sources,
            [Source {
                path: "conditions.hiv".into(),
                resource_type: "Condition".into(),
                id: Some("hiv1".into()),
                date: Some("2019-03-01".into()),
                code: "ICD-10-CM B20".into()
            }]
        );
        assert_eq!(p.unused[0].id.as_deref(), Some("hiv2"));
    }

    #[test]
    fn the_answers_hold_the_screening_date_and_sources_name_each_path() {
        let p = prefill(vec![obs("c1", "2160-0", "2026-10-02", qty(1.1, "mg/dL"))]);
        assert_eq!(p.answers.screening_date, Some(screening()));
        assert!(p.answers.schema.is_some());
        let paths: Vec<&str> = p.sources.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(paths, ["labs.creatinine.value", "labs.creatinine.unit"]);
        assert_eq!(p.sources[0].code, "LOINC 2160-0");
        assert_eq!(p.sources[0].date.as_deref(), Some("2026-10-02"));
        // Other resources are listed as not used.
        let p = prefill(vec![json!({"resourceType": "MedicationStatement", "id": "m1"})]);
        assert_eq!(
            p.unused,
            [Unused { resource_type: "MedicationStatement".into(), id: Some("m1".into()), reason: "not read".into() }]
        );
        // An empty Bundle gives nothing.
        assert_eq!(filled(vec![]), json!({}));
    }

    /// `resource` with `key` set to `v`.
    fn with(resource: &Value, key: &str, v: Value) -> Value {
        let mut r = resource.clone();
        r[key] = v;
        r
    }

    #[test]
    fn results_of_another_patient_inexact_values_and_ambiguous_egfrs_are_not_used() {
        let patient = json!({"resourceType": "Patient", "id": "p1", "gender": "female"});
        let hb = obs("h", "718-7", "2026-10-02", qty(11.0, "g/dL"));
        let cases = [
            (
                "subject Patient/p1",
                vec![patient.clone(), with(&hb, "subject", json!({"reference": "Patient/p1"}))],
                true,
            ),
            (
                "subject as a URL",
                vec![
                    patient.clone(),
                    with(&hb, "subject", json!({"reference": "https://ehr.example/fhir/Patient/p1"})),
                ],
                true,
            ),
            ("no subject", vec![patient.clone(), hb.clone()], true),
            ("another patient", vec![patient.clone(), with(&hb, "subject", json!({"reference": "Patient/p2"}))], false),
            ("no Patient in the Bundle", vec![with(&hb, "subject", json!({"reference": "Patient/p2"}))], true),
        ];
        for (name, resources, used) in cases {
            assert_eq!(filled(resources).get("labs").is_some(), used, "{name}");
        }
        let hiv = condition("c", "B20", "active", None);
        let p = prefill(vec![patient.clone(), with(&hiv, "subject", json!({"reference": "Patient/p2"}))]);
        assert!(p.answers.conditions.is_none());
        assert_eq!(p.unused[0].reason, "about another patient (Patient/p2)");
        // ">90" is not 90.
        let mut egfr = obs("e", "98979-8", "2026-10-02", qty(90.0, "mL/min/{1.73_m2}"));
        egfr["valueQuantity"]["comparator"] = json!(">");
        let p = prefill(vec![egfr]);
        assert!(p.answers.labs.is_none());
        assert_eq!(p.unused[0].reason, "LOINC 98979-8: a value given as “>90”, not exact");
        // One blood draw, several equations: CKD-EPI 2021 is used.
        let at = "2026-10-02T08:00:00Z";
        let mdrd = obs("mdrd", "33914-3", at, qty(70.0, "mL/min/{1.73_m2}"));
        let ckd2021 = obs("ckd", "98979-8", at, qty(64.0, "mL/min/{1.73_m2}"));
        assert_eq!(filled(vec![ckd2021.clone(), mdrd.clone()]), json!({"labs": {"egfr": {"value": 64.0}}}));
        assert_eq!(filled(vec![mdrd, ckd2021]), json!({"labs": {"egfr": {"value": 64.0}}}));
        // The race-based pair alone: neither.
        let black = obs("b", "88293-6", at, qty(35.0, "mL/min/{1.73_m2}"));
        let other = obs("n", "88294-4", at, qty(29.0, "mL/min/{1.73_m2}"));
        let p = prefill(vec![black, other]);
        assert!(p.answers.labs.is_none());
        assert!(p.unused.iter().all(|u| u.reason.contains("race-based")), "{:?}", p.unused);
        // Times with offsets are compared as instants: 09:00-05:00 is after 12:00Z.
        let early = obs("z", "718-7", "2026-10-02T12:00:00Z", qty(11.0, "g/dL"));
        let late = obs("est", "718-7", "2026-10-02T09:00:00-05:00", qty(12.0, "g/dL"));
        assert_eq!(filled(vec![late, early]), json!({"labs": {"hemoglobin": {"value": 12.0, "unit": "g/dL"}}}));
        // A malformed resource this page does not read is not checked.
        let c3 = obs("c3", "4485-9", "2026-10-02", json!({"valueQuantity": {"value": "high"}}));
        assert_eq!(prefill(vec![c3]).unused[0].reason, "no LOINC code this page reads");
    }

    #[test]
    fn a_malformed_bundle_is_refused_naming_the_entry_and_field() {
        let hb = obs("h", "718-7", "2026-10-02", qty(11.0, "g/dL"));
        let mut text_value = hb.clone();
        text_value["valueQuantity"]["value"] = json!("11");
        let mut bad_status = hb.clone();
        bad_status["status"] = json!(7);
        let mut bad_date = hb.clone();
        bad_date["effectiveDateTime"] = json!("02/10/2026");
        let mut bad_coding = hb.clone();
        bad_coding["code"]["coding"] = json!({"code": "718-7"});
        let cases = [
            ("not a Bundle", json!({"resourceType": "Patient"}), "resourceType", "a Patient is not a Bundle"),
            ("no resourceType", json!({"entry": []}), "resourceType", "missing"),
            ("entry not a list", json!({"resourceType": "Bundle", "entry": {}}), "entry", "not a list"),
            ("an entry not an object", json!({"resourceType": "Bundle", "entry": [7]}), "entry[0]", "not an entry"),
            (
                "a resource without a type",
                bundle(vec![json!({"id": "x"})]),
                "entry[0].resource.resourceType",
                "missing",
            ),
            (
                "a value as text",
                bundle(vec![hb.clone(), text_value]),
                "entry[1].resource.valueQuantity.value",
                "invalid type: string",
            ),
            ("a status as a number", bundle(vec![bad_status]), "entry[0].resource.status", "invalid type"),
            ("a date not FHIR's", bundle(vec![bad_date]), "entry[0].resource.effectiveDateTime", "not a FHIR date"),
            (
                "a time that is not one",
                bundle(vec![with(&hb, "effectiveDateTime", json!("2026-10-02Tjunk"))]),
                "entry[0].resource.effectiveDateTime",
                "not a FHIR date",
            ),
            (
                "a month 99",
                bundle(vec![with(&hb, "effectiveDateTime", json!("2026-99"))]),
                "entry[0].resource.effectiveDateTime",
                "not a FHIR date",
            ),
            (
                "a resourceType not text",
                bundle(vec![json!({"resourceType": 7})]),
                "entry[0].resource.resourceType",
                "not a string",
            ),
            ("a coding not a list", bundle(vec![bad_coding]), "entry[0].resource.code.coding", "invalid type"),
            (
                "a birth date not FHIR's",
                bundle(vec![json!({"resourceType": "Patient", "birthDate": "1980-02-30"})]),
                "entry[0].resource.birthDate",
                "not a FHIR date",
            ),
            ("the Bundle as JSON text", json!("{\"resourceType\": \"Bundle\"}"), "bundle", "invalid type: string"),
            ("no Bundle at all", Value::Null, "bundle", "invalid type: null, expected a FHIR Bundle"),
            ("a list of resources", json!([{"resourceType": "Patient"}]), "bundle", "invalid type: list"),
        ];
        for (name, b, path, words) in cases {
            match answers_from_fhir(&b, screening()) {
                Ok(p) => panic!("{name}: read as {:?}", p.answers),
                Err(e) => {
                    assert_eq!(e.path(), path, "{name}: {e}");
                    assert!(e.message().contains(words), "{name}: {e}");
                }
            }
        }
    }
}
