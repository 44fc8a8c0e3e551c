//! A [`Value`] tree to [`Answers`], naming the path of anything that does not
//! fit the contract's shape. Accepts exactly what the derived
//! `Answers: Deserialize` accepts (a test holds the two together), with
//! messages in serde's words.

use std::cell::Cell;

use chrono::NaiveDate;

use super::json::Value;
use super::Error;
use crate::engine::answers::*;

type Res<T> = Result<T, Error>;

fn fail(path: &str, message: String) -> Error {
    Error { path: path.to_string(), message }
}

/// How serde names an unexpected value.
fn unexpected(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number { value, integer: true } => format!("integer `{}`", crate::engine::fmt::num(*value)),
        Value::Number { value, .. } => format!("floating point `{}`", crate::engine::fmt::num(*value)),
        Value::String(s) => format!("string {}", quoted(s)),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// `s` in double quotes with `"`, `\` and control characters escaped, as
/// serde shows a string (without `{:?}`, whose Unicode tables are large in
/// wasm).
fn quoted(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if c.is_control() => o.push('?'),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn invalid_type(path: &str, v: &Value, expected: &str) -> Error {
    fail(path, format!("invalid type: {}, expected {expected}", unexpected(v)))
}

fn invalid_value(path: &str, v: &Value, expected: &str) -> Error {
    fail(path, format!("invalid value: {}, expected {expected}", unexpected(v)))
}

/// `a`, `` `a` or `b` ``, `` one of `a`, `b`, `c` `` as serde lists names.
fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".into(),
        [a] => format!("`{a}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => format!("one of {}", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")),
    }
}

/// The first error met while reading a document.
///
/// Readers note an error here and return `None` instead of returning early:
/// reading goes on in the same order, and only the first error is kept, so
/// the message is the one a stop-at-the-first-error reader gives. (Early
/// returns made every field a drop-and-return path: the reader was the
/// largest function of the engine module.)
#[derive(Default)]
struct Bad(Cell<Option<Error>>);

impl Bad {
    /// The value, or `None` with the error noted if it is the first.
    fn note<T>(&self, r: Res<T>) -> Option<T> {
        match r {
            Ok(x) => Some(x),
            Err(e) => {
                let first = self.0.take().unwrap_or(e);
                self.0.set(Some(first));
                None
            }
        }
    }
}

/// An object being read: its members, its path for messages, and where its
/// errors go.
struct Obj<'a> {
    path: String,
    members: &'a [(String, Value)],
    bad: &'a Bad,
}

impl<'a> Obj<'a> {
    /// `v` as an object with only `fields`; `null` is absent. A wrong type
    /// or an unknown field is noted in `bad`, and gives `None`.
    fn at(v: &'a Value, path: &str, fields: &[&str], bad: &'a Bad) -> Option<Obj<'a>> {
        match v {
            Value::Null => None,
            Value::Object(members) => {
                if let Some((k, _)) = members.iter().find(|(k, _)| !fields.contains(&k.as_str())) {
                    let p = join(path, k);
                    return bad.note(Err(fail(&p, format!("unknown field `{k}`, expected {}", one_of(fields)))));
                }
                Some(Obj { path: path.to_string(), members, bad })
            }
            other => bad.note(Err(invalid_type(path, other, "an object"))),
        }
    }

    fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// A member that is present and not null.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Value::Null)
    }

    fn read<T>(&self, key: &str, read: impl FnOnce(&'a Value, &str) -> Res<T>) -> Option<T> {
        let v = self.get(key)?;
        self.bad.note(read(v, &self.path(key)))
    }

    fn object<T>(&self, key: &str, fields: &[&str], build: impl FnOnce(&Obj<'a>) -> T) -> Option<T> {
        let v = self.get(key)?;
        Obj::at(v, &self.path(key), fields, self.bad).map(|o| build(&o))
    }

    fn number(&self, key: &str) -> Option<f64> {
        self.read(key, number)
    }
    fn boolean(&self, key: &str) -> Option<bool> {
        self.read(key, boolean)
    }
    fn date(&self, key: &str) -> Option<NaiveDate> {
        self.read(key, date)
    }
    fn event(&self, key: &str) -> Option<Event> {
        self.read(key, event)
    }
    fn word<W: Word>(&self, key: &str) -> Option<W> {
        self.read(key, word::<W>)
    }
    fn words<W: Word>(&self, key: &str) -> Option<Vec<W>> {
        self.read(key, |v, p| list(v, p, word::<W>))
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn number(v: &Value, path: &str) -> Res<f64> {
    match v {
        Value::Number { value, .. } => Ok(*value),
        other => Err(invalid_type(path, other, "f64")),
    }
}

fn boolean(v: &Value, path: &str) -> Res<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => Err(invalid_type(path, other, "a boolean")),
    }
}

fn date(v: &Value, path: &str) -> Res<NaiveDate> {
    match v {
        Value::String(s) => parse_date(s).ok_or_else(|| invalid_value(path, v, "a date YYYY-MM-DD")),
        other => Err(invalid_type(path, other, "a date YYYY-MM-DD")),
    }
}

fn event(v: &Value, path: &str) -> Res<Event> {
    const EXPECTED: &str = "\"none\" or a date YYYY-MM-DD";
    match v {
        Value::String(s) if s == "none" => Ok(Event::Never),
        Value::String(s) => parse_date(s).map(Event::On).ok_or_else(|| invalid_value(path, v, EXPECTED)),
        other => Err(invalid_type(path, other, EXPECTED)),
    }
}

fn list<T>(v: &Value, path: &str, item: impl Fn(&Value, &str) -> Res<T>) -> Res<Vec<T>> {
    match v {
        Value::Array(items) => items.iter().enumerate().map(|(i, x)| item(x, &format!("{path}[{i}]"))).collect(),
        other => Err(invalid_type(path, other, "a sequence")),
    }
}

/// An enum of the contract written as one of a fixed set of words
/// (`"female"`, `"g/L"`, `"methylprednisolone"`).
pub trait Word: Sized + Copy + PartialEq + 'static {
    /// Every value with its word, in the contract's order.
    const WORDS: &'static [(&'static str, Self)];

    /// The value a word names.
    #[must_use]
    fn from_word(word: &str) -> Option<Self> {
        Self::WORDS.iter().find(|(w, _)| *w == word).map(|(_, x)| *x)
    }

    /// The contract's word for the value.
    #[must_use]
    fn word(self) -> &'static str {
        Self::WORDS.iter().find(|(_, x)| *x == self).map_or("", |(w, _)| w)
    }
}

fn word<W: Word>(v: &Value, path: &str) -> Res<W> {
    let at = word_index(v, path, &|i| W::WORDS.get(i).map(|(w, _)| *w))?;
    W::WORDS.get(at).map(|(_, x)| *x).ok_or_else(|| invalid_value(path, v, "a word"))
}

/// The index of the word `v` names among `names(0)`, `names(1)`, ...
/// (not generic: one copy for every `Word` type).
fn word_index(v: &Value, path: &str, names: &dyn Fn(usize) -> Option<&'static str>) -> Res<usize> {
    let all = || (0..).map_while(names);
    match v {
        Value::String(s) => all().position(|w| w == s).ok_or_else(|| {
            let names: Vec<&str> = all().collect();
            fail(path, format!("unknown variant `{s}`, expected {}", one_of(&names)))
        }),
        other => Err(invalid_type(path, other, "a string")),
    }
}

macro_rules! words {
    ($t:ty { $($w:literal => $v:expr),* $(,)? }) => {
        impl Word for $t {
            const WORDS: &'static [(&'static str, Self)] = &[$(($w, $v)),*];
        }
    };
}

words!(Sex { "female" => Sex::Female, "male" => Sex::Male });
words!(Grade { "A" => Grade::A, "B" => Grade::B, "C" => Grade::C, "D" => Grade::D, "E" => Grade::E });
words!(Maintenance {
    "mycophenolate" => Maintenance::Mycophenolate,
    "azathioprine" => Maintenance::Azathioprine,
    "none" => Maintenance::None,
});
words!(CreatinineUnit { "mg/dL" => CreatinineUnit::MgPerDl, "umol/L" => CreatinineUnit::UmolPerL });
words!(CountUnit {
    "10^9/L" => CountUnit::PerNanoliter,
    "10^3/uL" => CountUnit::ThousandPerMicroliter,
    "/uL" => CountUnit::PerMicroliter,
});
words!(HemoglobinUnit { "g/dL" => HemoglobinUnit::GPerDl, "g/L" => HemoglobinUnit::GPerL, "mmol/L" => HemoglobinUnit::MmolPerL });
words!(MalignancyType {
    "basal_cell_skin" => MalignancyType::BasalCellSkin,
    "squamous_cell_skin" => MalignancyType::SquamousCellSkin,
    "cervical_cis" => MalignancyType::CervicalCis,
    "other" => MalignancyType::Other,
});
words!(Steroid {
    "prednisone" => Steroid::Prednisone,
    "prednisolone" => Steroid::Prednisolone,
    "methylprednisolone" => Steroid::Methylprednisolone,
    "triamcinolone" => Steroid::Triamcinolone,
    "hydrocortisone" => Steroid::Hydrocortisone,
    "cortisone" => Steroid::Cortisone,
    "dexamethasone" => Steroid::Dexamethasone,
    "betamethasone" => Steroid::Betamethasone,
    "deflazacort" => Steroid::Deflazacort,
});
words!(AcrCriterion {
    "malar_rash" => AcrCriterion::MalarRash,
    "discoid_rash" => AcrCriterion::DiscoidRash,
    "photosensitivity" => AcrCriterion::Photosensitivity,
    "oral_ulcers" => AcrCriterion::OralUlcers,
    "arthritis" => AcrCriterion::Arthritis,
    "serositis" => AcrCriterion::Serositis,
    "renal_disorder" => AcrCriterion::RenalDisorder,
    "neurologic_disorder" => AcrCriterion::NeurologicDisorder,
    "hematologic_disorder" => AcrCriterion::HematologicDisorder,
    "immunologic_disorder" => AcrCriterion::ImmunologicDisorder,
    "antinuclear_antibody" => AcrCriterion::AntinuclearAntibody,
});
words!(SledaiItem {
    "seizure" => SledaiItem::Seizure,
    "psychosis" => SledaiItem::Psychosis,
    "organic_brain_syndrome" => SledaiItem::OrganicBrainSyndrome,
    "visual_disturbance" => SledaiItem::VisualDisturbance,
    "cranial_nerve_disorder" => SledaiItem::CranialNerveDisorder,
    "lupus_headache" => SledaiItem::LupusHeadache,
    "cva" => SledaiItem::Cva,
    "vasculitis" => SledaiItem::Vasculitis,
    "arthritis" => SledaiItem::Arthritis,
    "myositis" => SledaiItem::Myositis,
    "urinary_casts" => SledaiItem::UrinaryCasts,
    "hematuria" => SledaiItem::Hematuria,
    "proteinuria" => SledaiItem::Proteinuria,
    "pyuria" => SledaiItem::Pyuria,
    "rash" => SledaiItem::Rash,
    "alopecia" => SledaiItem::Alopecia,
    "mucosal_ulcers" => SledaiItem::MucosalUlcers,
    "pleurisy" => SledaiItem::Pleurisy,
    "pericarditis" => SledaiItem::Pericarditis,
    "low_complement" => SledaiItem::LowComplement,
    "increased_dna_binding" => SledaiItem::IncreasedDnaBinding,
    "fever" => SledaiItem::Fever,
    "thrombocytopenia" => SledaiItem::Thrombocytopenia,
    "leukopenia" => SledaiItem::Leukopenia,
});

/// The whole document.
pub(crate) fn answers(v: &Value) -> Res<Answers> {
    let fields = [
        "schema",
        "screening_date",
        "baseline_date",
        "patient",
        "sle",
        "nephritis_therapy",
        "labs",
        "conditions",
        "medications",
    ];
    let bad = Bad::default();
    let Some(o) = Obj::at(v, "", &fields, &bad) else {
        return Err(bad.0.take().unwrap_or_else(|| invalid_type("", v, "an object")));
    };
    let answers = Answers {
        schema: o.read("schema", |v, p| match v {
            Value::String(s) if s == ANSWERS_SCHEMA => Ok(AnswersSchema),
            Value::String(_) => Err(invalid_value(p, v, "\"misle-answers/1\"")),
            other => Err(invalid_type(p, other, "\"misle-answers/1\"")),
        }),
        screening_date: o.date("screening_date"),
        baseline_date: o.date("baseline_date"),
        patient: o.object("patient", PATIENT, patient),
        sle: o.object("sle", &["acr_criteria", "ana", "anti_dsdna", "sledai", "bilag", "standard_of_care"], sle),
        nephritis_therapy: o.object(
            "nephritis_therapy",
            &["start_date", "mycophenolate_months", "cyclophosphamide_months", "maintenance_after_cyclophosphamide"],
            |t| NephritisTherapy {
                start_date: t.date("start_date"),
                mycophenolate_months: t.number("mycophenolate_months"),
                cyclophosphamide_months: t.number("cyclophosphamide_months"),
                maintenance_after_cyclophosphamide: t.word("maintenance_after_cyclophosphamide"),
            },
        ),
        labs: o.object("labs", &["egfr", "creatinine", "wbc", "hemoglobin", "platelets", "ast", "alt"], labs),
        conditions: o.object("conditions", CONDITIONS, conditions),
        medications: o.object(
            "medications",
            &["corticosteroid", "immunosuppressant_change", "experimental_agent", "belimumab", "b_cell_depletion"],
            medications,
        ),
    };
    match bad.0.take() {
        Some(e) => Err(e),
        None => Ok(answers),
    }
}

const PATIENT: &[&str] = &[
    "birth_date",
    "age_years",
    "sex",
    "weight_kg",
    "childbearing_potential",
    "pregnant",
    "breastfeeding",
    "contraception_willing",
    "consent",
];

fn patient(p: &Obj) -> Patient {
    Patient {
        birth_date: p.date("birth_date"),
        age_years: p.number("age_years"),
        sex: p.word("sex"),
        weight_kg: p.number("weight_kg"),
        childbearing_potential: p.boolean("childbearing_potential"),
        pregnant: p.boolean("pregnant"),
        breastfeeding: p.boolean("breastfeeding"),
        contraception_willing: p.boolean("contraception_willing"),
        consent: p.boolean("consent"),
    }
}

fn sle(s: &Obj) -> Sle {
    let domains: Vec<&str> = BilagDomain::ALL.iter().map(|d| d.key()).collect();
    Sle {
        acr_criteria: s.words("acr_criteria"),
        ana: s.object("ana", &["titer", "date"], |a| Ana { titer: a.number("titer"), date: a.date("date") }),
        anti_dsdna: s.object("anti_dsdna", &["positive", "date"], |a| AntiDsDna {
            positive: a.boolean("positive"),
            date: a.date("date"),
        }),
        sledai: s
            .object("sledai", &["score", "items"], |x| Sledai { score: x.number("score"), items: x.words("items") }),
        bilag: s.object("bilag", &domains, |b| {
            let mut bilag = Bilag::default();
            for d in BilagDomain::ALL {
                *bilag.grade_mut(d) = b.word(d.key());
            }
            bilag
        }),
        standard_of_care: s.boolean("standard_of_care"),
    }
}

fn labs(l: &Obj) -> Labs {
    fn measured<U: Word>(l: &Obj, key: &str) -> Option<Measured<U>> {
        l.object(key, &["value", "unit"], |m| Measured { value: m.number("value"), unit: m.word("unit") })
    }
    fn enzyme(l: &Obj, key: &str) -> Option<Enzyme> {
        l.object(key, &["value", "uln"], |m| Enzyme { value: m.number("value"), uln: m.number("uln") })
    }
    Labs {
        egfr: l.object("egfr", &["value"], |e| Egfr { value: e.number("value") }),
        creatinine: measured(l, "creatinine"),
        wbc: measured(l, "wbc"),
        hemoglobin: measured(l, "hemoglobin"),
        platelets: measured(l, "platelets"),
        ast: enzyme(l, "ast"),
        alt: enzyme(l, "alt"),
    }
}

const CONDITIONS: &[&str] = &[
    "active_cns_lupus",
    "nephritis_dialysis",
    "hiv",
    "hepatitis_b",
    "hepatitis_c",
    "tuberculosis",
    "cxr_tb_or_fungal",
    "renal_transplant",
    "significant_ekg_cxr",
    "steroid_comorbidity",
    "malignancy",
    "herpes_zoster",
    "serious_infection",
    "substance_abuse_current",
    "substance_abuse_last",
];

fn conditions(c: &Obj) -> Conditions {
    Conditions {
        active_cns_lupus: c.boolean("active_cns_lupus"),
        nephritis_dialysis: c.boolean("nephritis_dialysis"),
        hiv: c.boolean("hiv"),
        hepatitis_b: c.boolean("hepatitis_b"),
        hepatitis_c: c.boolean("hepatitis_c"),
        tuberculosis: c.boolean("tuberculosis"),
        cxr_tb_or_fungal: c.boolean("cxr_tb_or_fungal"),
        renal_transplant: c.boolean("renal_transplant"),
        significant_ekg_cxr: c.boolean("significant_ekg_cxr"),
        steroid_comorbidity: c.boolean("steroid_comorbidity"),
        malignancy: c.read("malignancy", |v, p| {
            const EXPECTED: &str = "\"none\" or a list of malignancies";
            match v {
                Value::String(s) if s == "none" => Ok(MalignancyHistory::Never),
                Value::String(_) => Err(invalid_value(p, v, EXPECTED)),
                Value::Array(_) => list(v, p, |item, ip| {
                    if *item == Value::Null {
                        return Err(invalid_type(ip, item, "an object"));
                    }
                    // An entry's own errors are noted in `c.bad` (and come
                    // first, as they are met first); the entry still counts.
                    let m = Obj::at(item, ip, &["type", "date", "adequately_treated"], c.bad);
                    Ok(m.map_or_else(Malignancy::default, |m| Malignancy {
                        kind: m.word("type"),
                        date: m.date("date"),
                        adequately_treated: m.boolean("adequately_treated"),
                    }))
                })
                .map(MalignancyHistory::Entries),
                other => Err(invalid_type(p, other, EXPECTED)),
            }
        }),
        herpes_zoster: c.event("herpes_zoster"),
        serious_infection: c.event("serious_infection"),
        substance_abuse_current: c.boolean("substance_abuse_current"),
        substance_abuse_last: c.event("substance_abuse_last"),
    }
}

fn medications(m: &Obj) -> Medications {
    Medications {
        corticosteroid: m.read("corticosteroid", |v, p| {
            const EXPECTED: &str = "\"none\" or a corticosteroid dose";
            match v {
                Value::String(s) if s == "none" => Ok(Corticosteroid::Never),
                Value::String(_) => Err(invalid_value(p, v, EXPECTED)),
                Value::Object(_) => {
                    let d = Obj::at(v, p, &["drug", "daily_mg"], m.bad);
                    Ok(Corticosteroid::Taking(d.map_or_else(SteroidDose::default, |d| SteroidDose {
                        drug: d.word("drug"),
                        daily_mg: d.number("daily_mg"),
                    })))
                }
                other => Err(invalid_type(p, other, EXPECTED)),
            }
        }),
        immunosuppressant_change: m.event("immunosuppressant_change"),
        experimental_agent: m.event("experimental_agent"),
        belimumab: m.event("belimumab"),
        b_cell_depletion: m.event("b_cell_depletion"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<W: Word + std::fmt::Debug + serde::Serialize>() {
        for (w, x) in W::WORDS {
            assert_eq!(W::from_word(w), Some(*x));
            assert_eq!(x.word(), *w);
            // The same word serde writes for it.
            assert_eq!(serde_json::to_string(x).ok(), Some(format!("\"{w}\"")), "{x:?}");
        }
        assert_eq!(W::from_word("nonsense"), None);
    }

    #[test]
    fn every_word_names_its_value_as_serde_does() {
        round_trip::<Sex>();
        round_trip::<Grade>();
        round_trip::<Maintenance>();
        round_trip::<CreatinineUnit>();
        round_trip::<CountUnit>();
        round_trip::<HemoglobinUnit>();
        round_trip::<MalignancyType>();
        round_trip::<Steroid>();
        round_trip::<AcrCriterion>();
        round_trip::<SledaiItem>();
        assert_eq!(AcrCriterion::WORDS.len(), 11);
        assert_eq!(SledaiItem::WORDS.len(), 24);
        assert_eq!(Steroid::WORDS.len(), 9);
    }
}
