//! The questionnaire's sections, in clinical order, as one table of
//! questions rendered by one component. Each section carries
//! `data-section`; the reproductive and nephritis sections are in the DOM
//! only while they apply.

mod about;
pub mod data;

pub use about::ABOUT;

use leptos::prelude::*;

use self::data::{
    ACR, COUNT_UNITS, CREATININE_UNITS, GRADES, HB_UNITS, MAINTENANCE, MALIGNANCY_TYPES, SLEDAI, STEROIDS, TITERS,
};
use super::draft::{Draft, MALIGNANCY_LEAVES};
use super::fields::{field, radio, Field, Kind, YES_NO};
use super::html::{attr, esc, tag};
use super::Ctx;
use crate::engine::fmt::num;
use crate::ui::draft::parse_number;
use crate::ui::ymd;

/// When a block is shown.
#[derive(Clone, Copy, PartialEq)]
pub enum Gate {
    /// Female.
    Female,
    /// Childbearing potential.
    Potential,
    /// Renal BILAG A or B.
    Renal,
    /// SLEDAI-2K entered as items.
    SledaiItems,
    /// SLEDAI-2K entered as a score.
    SledaiScore,
    /// Malignancies listed.
    Listing,
    /// Taking a corticosteroid.
    Taking,
}

impl Gate {
    fn open(self, d: &Draft) -> bool {
        match self {
            Gate::Female => d.female(),
            Gate::Potential => d.get("patient.childbearing_potential") == "true",
            Gate::Renal => d.renal_active(),
            Gate::SledaiItems => !d.sledai_by_score(),
            Gate::SledaiScore => d.sledai_by_score(),
            Gate::Listing => d.get("conditions.malignancy") == "list",
            Gate::Taking => d.get("medications.corticosteroid") == "taking",
        }
    }
}

/// A computed line under the questions.
#[derive(Clone, Copy, PartialEq)]
pub enum Live {
    /// The dates used.
    Dates,
    /// Age at screening.
    Age,
    /// ACR criteria count.
    Acr,
    /// The eGFR used.
    Egfr,
    /// AST / ALT as a multiple of the upper limit of normal.
    Ratio(&'static str),
    /// Corticosteroid dose.
    Dose,
}

/// A piece of the questionnaire.
pub enum Item {
    /// A question.
    Q(Field<'static>),
    /// A sub-heading.
    H3(&'static str),
    /// A hint paragraph.
    Hint(&'static str),
    /// A `div` with a class around its items.
    Div(&'static str, &'static [Item]),
    /// Items in the DOM only while the gate is open.
    When(Gate, &'static [Item]),
    /// A computed line.
    Live(Live),
    /// The SLEDAI-2K input mode radios.
    SledaiMode,
    /// The SLEDAI-2K running total.
    SledaiTotal,
    /// The malignancy rows, their hint and add button.
    Malignancies,
}

use Item::{Div, Hint, Live as L, Malignancies, SledaiMode, SledaiTotal, When, H3, Q};

const fn num_q(path: &'static str, label: &'static str, unit: &'static str, hint: &'static str) -> Item {
    Q(Field { path, label, hint, kind: Kind::Num(unit) })
}
const fn date(path: &'static str, label: &'static str, hint: &'static str) -> Item {
    Q(Field { path, label, hint, kind: Kind::Date })
}
const fn yes_no(path: &'static str, label: &'static str, hint: &'static str) -> Item {
    Q(Field { path, label, hint, kind: Kind::Radios(YES_NO) })
}
const fn select(path: &'static str, label: &'static str, options: super::fields::Options) -> Item {
    Q(Field { path, label, hint: "", kind: Kind::Select(options, "not known") })
}
const fn event(path: &'static str, label: &'static str, hint: &'static str) -> Item {
    Q(Field { path, label, hint, kind: Kind::Event("None", "Yes, most recent on") })
}
const fn grade(path: &'static str, label: &'static str) -> Item {
    select(path, label, GRADES)
}
const fn unit(path: &'static str, options: super::fields::Options) -> Item {
    Q(Field { path, label: "Unit", hint: "", kind: Kind::Select(options, "choose") })
}

/// A section: `data-section` word, heading, gate, items.
type Section = (&'static str, &'static str, Option<Gate>, &'static [Item]);

/// Every section, in order.
const SECTIONS: &[Section] = &[
    ("dates", "Dates", None, &[
        Div("row", &[
            date("screening_date", "Screening date", "Today by default. Windows of I3, I5, E5, E9 and E16 count back from it."),
            date("baseline_date", "Planned baseline (infusion, day 0)", "Optional; empty means the screening date. Windows of E12–E14 count back from it."),
        ]),
        L(Live::Dates),
    ]),
    ("patient", "Patient", None, &[
        Div("row", &[
            date("patient.birth_date", "Birth date", "Preferred: gives the exact age."),
            num_q("patient.age_years", "Or age", "years", "Only used without a birth date."),
        ]),
        L(Live::Age),
        Q(Field { path: "patient.sex", label: "Sex", hint: "", kind: Kind::Radios(&[("female", "Female"), ("male", "Male"), ("", "Not known")]) }),
        num_q("patient.weight_kg", "Weight", "kg", "For the corticosteroid limit of 0.5 mg/kg/day."),
    ]),
    ("history", "SLE history", None, &[
        Q(Field {
            path: "sle.acr_criteria",
            label: "1997-updated ACR classification criteria ever met (at least 4 of 11)",
            hint: "",
            kind: Kind::Checks(ACR, true, false),
        }),
        L(Live::Acr),
        H3("Antibodies (within 6 months before screening)"),
        Hint("Qualifies: ANA titer 1:80 or more, or a positive anti-dsDNA test, dated within 6 months before screening (inclusive). An older test needs repeating."),
        Div("row", &[select("sle.ana.titer", "ANA titer (latest)", TITERS), date("sle.ana.date", "ANA test date", "")]),
        Div("row", &[
            yes_no("sle.anti_dsdna.positive", "Anti-dsDNA positive (latest test)", ""),
            date("sle.anti_dsdna.date", "Anti-dsDNA test date", ""),
        ]),
    ]),
    ("activity", "Disease activity at screening", None, &[
        H3("SLEDAI-2K (the registry’s “SLEDAI”; at least 6 needed)"),
        Hint("Descriptors present at the visit or in the previous 10 days. SLEDAI-2K counts persistent activity; the 1992 SLEDAI needed rash, alopecia, ulcers and proteinuria to be new or recurrent."),
        SledaiMode,
        When(Gate::SledaiItems, &[
            Q(Field { path: "sle.sledai.items", label: "SLEDAI-2K descriptors present (weight before each)", hint: "", kind: Kind::Checks(SLEDAI, false, true) }),
            SledaiTotal,
        ]),
        When(Gate::SledaiScore, &[num_q("sle.sledai.score", "SLEDAI-2K score", "", "0 to 105.")]),
        H3("BILAG-2004 grade per domain (at least one A or B needed)"),
        Hint("A: severe activity needing high-dose steroids and/or immunosuppressants. B: moderate activity needing lower-dose steroids, antimalarials or NSAIDs. C: mild stable activity. D: previously active, now inactive. E: never involved. Enter the grades you have assessed: the full 97-item BILAG-2004 index is not implemented here."),
        Div("grid grades", &[
            grade("sle.bilag.constitutional", "Constitutional"),
            grade("sle.bilag.mucocutaneous", "Mucocutaneous"),
            grade("sle.bilag.neuropsychiatric", "Neuropsychiatric"),
            grade("sle.bilag.musculoskeletal", "Musculoskeletal"),
            grade("sle.bilag.cardiorespiratory", "Cardiorespiratory"),
            grade("sle.bilag.gastrointestinal", "Gastrointestinal"),
            grade("sle.bilag.ophthalmic", "Ophthalmic"),
            grade("sle.bilag.renal", "Renal"),
            grade("sle.bilag.hematological", "Hematological"),
        ]),
        yes_no("sle.standard_of_care", "Active despite standard-of-care therapy?", ""),
    ]),
    ("nephritis", "Nephritis therapy (renal BILAG A or B)", Some(Gate::Renal), &[
        Hint("Needed: at least 6 months of therapy for the current episode before screening, including at least 6 months of mycophenolate, or at least 3 months of cyclophosphamide followed by mycophenolate or azathioprine."),
        date("nephritis_therapy.start_date", "Therapy for the current episode started on", ""),
        Div("row", &[
            num_q("nephritis_therapy.mycophenolate_months", "Mycophenolate", "months", ""),
            num_q("nephritis_therapy.cyclophosphamide_months", "Cyclophosphamide", "months", ""),
        ]),
        select("nephritis_therapy.maintenance_after_cyclophosphamide", "Maintenance after cyclophosphamide", MAINTENANCE),
        yes_no(
            "nephritis_therapy.ongoing",
            "Is this therapy continuing?",
            "Mycophenolate, cyclophosphamide induction to be followed by maintenance, or maintenance. A course that has not yet reached the months above is then “not yet”, not “not eligible”.",
        ),
    ]),
    ("labs", "Laboratory results", None, &[
        Hint("Exclusion limits (E3) are checked after converting to the units shown; a value equal to a limit passes."),
        Div("lab", &[num_q("labs.egfr.value", "eGFR", "mL/min/1.73 m²", "Below 30 excludes. Leave empty to compute CKD-EPI 2021 from creatinine.")]),
        Div("lab", &[Div("row", &[
            num_q("labs.creatinine.value", "Serum creatinine (for CKD-EPI 2021)", "", "Used only without an eGFR. 1 mg/dL = 88.4 µmol/L."),
            unit("labs.creatinine.unit", CREATININE_UNITS),
        ])]),
        L(Live::Egfr),
        Div("lab", &[Div("row", &[
            num_q("labs.wbc.value", "White blood cells", "", "Below 2.0 ×10⁹/L (2,000 cells/mm³) excludes. The registry’s “WBC <2.0/mm3” is read as 2.0 ×10⁹/L."),
            unit("labs.wbc.unit", COUNT_UNITS),
        ])]),
        Div("lab", &[Div("row", &[
            num_q("labs.hemoglobin.value", "Hemoglobin", "", "Below 8 g/dL (80 g/L, 4.965 mmol/L) excludes."),
            unit("labs.hemoglobin.unit", HB_UNITS),
        ])]),
        Div("lab", &[Div("row", &[
            num_q("labs.platelets.value", "Platelets", "", "Below 30 ×10⁹/L (30,000/mm³) excludes."),
            unit("labs.platelets.unit", COUNT_UNITS),
        ])]),
        Div("lab", &[
            Div("row", &[num_q("labs.ast.value", "AST", "U/L", ""), num_q("labs.ast.uln", "Lab’s upper limit of normal", "U/L", "")]),
            L(Live::Ratio("ast")),
        ]),
        Div("lab", &[
            Div("row", &[num_q("labs.alt.value", "ALT", "U/L", ""), num_q("labs.alt.uln", "Lab’s upper limit of normal", "U/L", "")]),
            L(Live::Ratio("alt")),
        ]),
    ]),
    ("conditions", "Conditions and infections", None, &[
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
            Q(Field {
                path: "conditions.malignancy",
                label: "Malignant neoplasm ever?",
                hint: "Within 5 years (diagnosis or last treatment) excludes, except adequately treated basal or squamous cell skin cancer or cervical carcinoma in situ.",
                kind: Kind::Radios(&[("none", "None"), ("", "Not known"), ("list", "Yes: list each")]),
            }),
            When(Gate::Listing, &[Malignancies]),
        ]),
        H3("Infections (within 90 and 60 days before screening)"),
        event("conditions.herpes_zoster", "Herpes zoster", "Within 90 days before screening excludes. Give the most recent episode."),
        event("conditions.serious_infection", "Infection needing hospitalization or IV/IM antibiotics", "Within 60 days before screening excludes. Give the most recent."),
        H3("Substance abuse (within 1 year)"),
        yes_no("conditions.substance_abuse_current", "Current substance abuse?", ""),
        event("conditions.substance_abuse_last", "Substance abuse in the past", "Within 1 year before screening excludes. Give the most recent episode."),
    ]),
    ("medications", "Medications", None, &[
        H3("Corticosteroids (E12)"),
        Q(Field {
            path: "medications.corticosteroid",
            label: "Corticosteroid in the month before baseline?",
            hint: "Give the highest daily dose in the month before baseline. Budesonide has no accepted prednisone equivalence and is not listed.",
            kind: Kind::Radios(&[("none", "None"), ("", "Not known"), ("taking", "Yes")]),
        }),
        When(Gate::Taking, &[Div("row", &[
            select("medications.corticosteroid.drug", "Drug (dose equal to prednisone 5 mg)", STEROIDS),
            num_q("medications.corticosteroid.daily_mg", "Highest daily dose", "mg/day", ""),
        ])]),
        L(Live::Dose),
        H3("Other therapy (E13, E14: windows before baseline)"),
        event("medications.immunosuppressant_change", "Change or addition to the immunosuppressant regimen", "Within 3 months before baseline excludes. Counts: mycophenolate mofetil / mycophenolic acid, azathioprine, methotrexate, leflunomide, cyclophosphamide, tacrolimus, cyclosporine, voclosporin, anifrolumab, belimumab, rituximab. Corticosteroids are exempt. Hydroxychloroquine: the registry does not say – ask the site."),
        event("medications.experimental_agent", "Experimental therapeutic agent (last dose)", "Within 3 months before baseline excludes."),
        event("medications.belimumab", "Belimumab (last dose)", "Within 2 months before baseline excludes. Belimumab blocks BLyS; it is not B-cell depleting."),
        event("medications.b_cell_depletion", "Rituximab or another B-cell depleting biologic (last dose)", "Within 6 months before baseline excludes. Counts: rituximab, ocrelizumab, ofatumumab, obinutuzumab, ublituximab, inebilizumab (anti-CD19), CD19 CAR-T."),
    ]),
    ("reproductive", "Pregnancy and contraception", Some(Gate::Female), &[
        yes_no("patient.childbearing_potential", "Childbearing potential?", "Not post-menopausal and not surgically sterile."),
        yes_no("patient.pregnant", "Pregnant?", ""),
        yes_no("patient.breastfeeding", "Breastfeeding?", ""),
        When(Gate::Potential, &[yes_no("patient.contraception_willing", "Willing to use adequate contraception?", "")]),
    ]),
    ("consent", "Consent", None, &[
        yes_no("patient.consent", "Able and willing to give written informed consent?", ""),
    ]),
];

/// The words of a computed line.
pub fn live_text(ctx: Ctx, which: Live) -> String {
    ctx.calc.with(|c| {
        let r = &c.report;
        let d = &r.derived;
        match which {
            Live::Dates => format!("Used: screening {}, baseline {}.", ymd(r.screening_date), ymd(r.baseline_date)),
            Live::Age => match d.age_years {
                Some(a) => format!("Age at screening: {a} years (eligible 18 to 65)."),
                None => "Age at screening: not known (eligible 18 to 65).".into(),
            },
            Live::Acr => match d.acr_count {
                Some(n) => format!("{n} of 11 criteria ticked (at least 4 needed)."),
                None => "Not answered yet: tick every criterion ever met, or “None of these”.".into(),
            },
            Live::Egfr => {
                let given = ctx.draft.with(|dr| !dr.get("labs.egfr.value").trim().is_empty());
                match (d.egfr, given) {
                    (Some(e), true) => format!("eGFR used: {} mL/min/1.73 m² (as given).", num(e)),
                    (Some(e), false) => {
                        format!("eGFR used: {} mL/min/1.73 m², CKD-EPI 2021 from creatinine, age and sex.", num(e))
                    }
                    (None, _) => "eGFR: not known yet (give eGFR, or creatinine with age and sex).".into(),
                }
            }
            Live::Ratio(key) => {
                let name = if key == "ast" { "AST" } else { "ALT" };
                let at = |leaf: &str| ctx.draft.with(|dr| parse_number(dr.get(&format!("labs.{key}.{leaf}"))));
                match (at("value"), at("uln")) {
                    (Some(v), Some(u)) if u > 0.0 => format!("{name} = {} × ULN (above 4 × ULN excludes).", num(v / u)),
                    _ => format!("{name} above 4 × the lab’s upper limit of normal excludes."),
                }
            }
            Live::Dose => {
                let limit = c.answers.patient.as_ref().and_then(|p| p.weight_kg).filter(|w| (20.0..=300.0).contains(w));
                let eq = match d.prednisone_equivalent_mg {
                    Some(mg) => format!("Prednisone equivalent: {} mg/day", num(mg)),
                    None => "Prednisone equivalent: not known yet (drug and dose)".into(),
                };
                let per_kg = match d.prednisone_mg_per_kg {
                    Some(x) => format!("{} mg/kg/day", num(x)),
                    None => "mg/kg/day needs the weight".into(),
                };
                let allowed = limit
                    .map(|w| format!(" Limit at {} kg: {} mg/day prednisone.", num(w), num(w * 0.5)))
                    .unwrap_or_default();
                format!("{eq}; {per_kg} (above 0.5 mg/kg/day excludes).{allowed}")
            }
        }
    })
}

/// The computed lines: element id and which.
pub const LIVES: [(&str, Live); 7] = [
    ("live-dates", Live::Dates),
    ("live-age", Live::Age),
    ("live-acr", Live::Acr),
    ("live-egfr", Live::Egfr),
    ("live-ast", Live::Ratio("ast")),
    ("live-alt", Live::Ratio("alt")),
    ("live-dose", Live::Dose),
];

/// What one section's markup depends on besides the question table:
/// `None` while its gate is closed (it is not in the page), else the gates
/// inside it that are open (one bit each) and the number of malignancy
/// rows it lists (0 when it lists none). The page rewrites a section only
/// when its shape changes, so a gate question costs one section's markup.
pub type SectionShape = Option<(u8, usize)>;

impl Gate {
    /// The gate's bit in a [`SectionShape`] (an exhaustive match: a new gate
    /// cannot be left out of the shape).
    fn bit(self) -> u8 {
        match self {
            Gate::Female => 1,
            Gate::Potential => 1 << 1,
            Gate::Renal => 1 << 2,
            Gate::SledaiItems => 1 << 3,
            Gate::SledaiScore => 1 << 4,
            Gate::Listing => 1 << 5,
            Gate::Taking => 1 << 6,
        }
    }
}

/// Walks `list` as [`items`] writes it for `d`: sets the bit of each gate
/// met that is open (a closed gate's items are not written, so the gates
/// inside it do not count), and `rows` when the malignancy rows are written.
fn depends(d: &Draft, list: &[Item], open: &mut u8, rows: &mut bool) {
    for it in list {
        match it {
            When(g, inner) if g.open(d) => {
                *open |= g.bit();
                depends(d, inner, open, rows);
            }
            Div(_, inner) => depends(d, inner, open, rows),
            Malignancies => *rows = true,
            _ => {}
        }
    }
}

/// Each section's shape, in page order.
#[must_use]
pub fn shapes(d: &Draft) -> Vec<SectionShape> {
    SECTIONS
        .iter()
        .map(|(_, _, gate, list)| {
            if !gate.is_none_or(|g| g.open(d)) {
                return None;
            }
            let (mut open, mut rows) = (0u8, false);
            depends(d, list, &mut open, &mut rows);
            Some((open, if rows { d.malignancies } else { 0 }))
        })
        .collect()
}

/// Items, in order.
fn items(o: &mut String, d: &Draft, list: &'static [Item]) {
    for it in list {
        item(o, d, it);
    }
}

/// One piece of the questionnaire.
fn item(o: &mut String, d: &Draft, it: &'static Item) {
    match it {
        Q(f) => field(o, *f),
        H3(t) => tag(o, "h3", "", t),
        Hint(t) => tag(o, "p", " class=\"hint\"", t),
        Div(class, list) => {
            o.push_str("<div");
            attr(o, "class", class);
            o.push('>');
            items(o, d, list);
            o.push_str("</div>");
        }
        When(gate, list) => {
            if gate.open(d) {
                items(o, d, list);
            }
        }
        L(which) => {
            let id = LIVES.iter().find(|(_, w)| w == which).map_or("", |(id, _)| id);
            o.push_str("<p class=\"live\" aria-live=\"polite\"");
            attr(o, "id", id);
            o.push_str("></p>");
        }
        SledaiMode => {
            o.push_str("<fieldset class=\"field radios\"><legend>Enter SLEDAI-2K as</legend><div class=\"choices\">");
            radio(o, "sledai-mode", "", "sledai-mode", "items", "Descriptors (calculator)");
            radio(o, "sledai-mode", "", "sledai-mode", "score", "Total score");
            o.push_str("</div></fieldset>");
        }
        SledaiTotal => o.push_str(
            "<p class=\"total\" aria-live=\"polite\">Running total: <strong data-sledai-total>0</strong> of 105 (at least 6 needed)</p>",
        ),
        Malignancies => {
            o.push_str("<ol class=\"rows\">");
            for i in 0..d.malignancies {
                malignancy_row(o, i);
            }
            o.push_str("</ol>");
            if d.malignancies == 0 {
                o.push_str("<p class=\"hint\">Add each malignancy; the answer counts once a row is added.</p>");
            }
            o.push_str("<button type=\"button\" data-action=\"add-malignancy\">Add a malignancy</button>");
        }
    }
}

/// One malignancy: type, date, adequately treated; and its remove button.
fn malignancy_row(o: &mut String, i: usize) {
    let [type_p, date_p, treated_p] = MALIGNANCY_LEAVES.map(|leaf| format!("conditions.malignancy[{i}].{leaf}"));
    let n = i + 1;
    o.push_str("<li class=\"row-item\"><div class=\"row\">");
    let label = format!("Malignancy {n} – type");
    field(o, Field { path: &type_p, label: &label, hint: "", kind: Kind::Select(MALIGNANCY_TYPES, "not known") });
    field(
        o,
        Field { path: &date_p, label: "Diagnosis or last treatment, whichever is later", hint: "", kind: Kind::Date },
    );
    o.push_str("</div>");
    field(o, Field { path: &treated_p, label: "Adequately treated?", hint: "", kind: Kind::Radios(YES_NO) });
    o.push_str(&format!(
        "<button type=\"button\" data-action=\"remove-malignancy\" value=\"{i}\" aria-label=\"Remove malignancy {n}\">Remove</button></li>"
    ));
}

/// Calls `f` with every item of `list` and of the blocks inside it, in page
/// order, whatever the gates (a closed gate's items are simply not in the
/// page).
fn each(list: &'static [Item], f: &mut impl FnMut(&'static Item)) {
    for it in list {
        f(it);
        if let Div(_, inner) | When(_, inner) = it {
            each(inner, f);
        }
    }
}

/// Whether the question of `path` has a hint (its element's id is
/// `fields::hid(path)`), from the question table: the page need not look for
/// the element of each of its ~170 inputs. Malignancy rows have none.
#[must_use]
pub fn hinted(path: &str) -> bool {
    let mut hint = false;
    for (_, _, _, list) in SECTIONS {
        each(list, &mut |it| {
            if let Q(f) = it {
                hint |= f.path == path && !f.hint.is_empty();
            }
        });
    }
    hint
}

/// What section `i` holds that the page keeps a cache of: the indexes in
/// [`LIVES`] of its computed lines, and whether it has the SLEDAI-2K total.
#[must_use]
pub fn cached_in(i: usize) -> (Vec<usize>, bool) {
    let (mut lives, mut total) = (Vec::new(), false);
    if let Some((_, _, _, list)) = SECTIONS.get(i) {
        each(list, &mut |it| match it {
            L(which) => lives.extend(LIVES.iter().position(|(_, w)| w == which)),
            SledaiTotal => total = true,
            _ => {}
        });
    }
    (lives, total)
}

/// The number of sections.
pub const SECTION_COUNT: usize = SECTIONS.len();

/// Section `i`'s key (`data-section`) and markup; the markup is empty when
/// the section does not apply (it is then not in the page at all), and when
/// there is no section `i`.
#[must_use]
pub fn section_html(d: &Draft, i: usize) -> (&'static str, String) {
    let Some((key, title, gate, list)) = SECTIONS.get(i) else { return ("", String::new()) };
    let mut o = String::new();
    if gate.is_none_or(|g| g.open(d)) {
        o.push_str(&format!(
            "<section class=\"card\" data-section=\"{key}\" aria-labelledby=\"s-{key}\"><h2 id=\"s-{key}\">"
        ));
        esc(&mut o, title);
        o.push_str("</h2>");
        items(&mut o, d, list);
        o.push_str("</section>");
    }
    (key, o)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::draft::SLEDAI_MODE;

    /// Drafts with every combination of the gate answers, and 0 to 2
    /// malignancy rows.
    fn drafts() -> Vec<Draft> {
        let mut out = vec![Draft::default()];
        let answers: [(&str, &[&str]); 6] = [
            ("patient.sex", &["", "female", "male"]),
            ("patient.childbearing_potential", &["", "true"]),
            ("sle.bilag.renal", &["", "A", "C"]),
            (SLEDAI_MODE, &["", "score"]),
            ("conditions.malignancy", &["", "list", "none"]),
            ("medications.corticosteroid", &["", "taking"]),
        ];
        for (key, values) in answers {
            out = out
                .iter()
                .flat_map(|d| {
                    values.iter().map(move |v| {
                        let mut d = d.clone();
                        d.set(key, (*v).to_string());
                        d
                    })
                })
                .collect();
        }
        // Non-gate answers too (those of two complete documents): a
        // section's markup must not depend on them.
        let bases: Vec<Draft> = [
            Draft::default(),
            Draft::from_answers(
                &crate::from_json(include_str!("../../../tests/data/eligible.json")).unwrap_or_default(),
            ),
            Draft::from_answers(
                &crate::from_json(include_str!("../../../tests/data/contract-example.json")).unwrap_or_default(),
            ),
        ]
        .into();
        assert!(bases[1].vals.len() > 20 && bases[2].vals.len() > 20);
        out.iter()
            .flat_map(|d| {
                (0..3).map(move |n| {
                    let mut d = d.clone();
                    d.malignancies = n;
                    d
                })
            })
            .flat_map(|d| {
                bases.iter().map(move |base| {
                    let mut b = base.clone();
                    for (k, v) in &d.vals {
                        b.set(k, v.clone());
                    }
                    b.malignancies = d.malignancies;
                    b
                })
            })
            .collect()
    }

    #[test]
    fn every_computed_line_and_the_sledai_total_belong_to_one_section() {
        let mut lives = Vec::new();
        let mut totals = 0;
        for i in 0..SECTION_COUNT {
            let (l, t) = cached_in(i);
            lives.extend(l);
            totals += usize::from(t);
        }
        lives.sort_unstable();
        assert_eq!(lives, (0..LIVES.len()).collect::<Vec<_>>());
        assert_eq!(totals, 1);
        assert_eq!(cached_in(SECTION_COUNT), (Vec::new(), false));
    }

    #[test]
    fn hinted_says_which_questions_have_a_hint() {
        let mut fields: Vec<&'static Field<'static>> = Vec::new();
        for (_, _, _, list) in SECTIONS {
            each(list, &mut |it| {
                if let Q(f) = it {
                    fields.push(f);
                }
            });
        }
        assert!(fields.len() > 60, "{}", fields.len());
        assert!(fields.iter().any(|f| f.hint.is_empty()) && fields.iter().any(|f| !f.hint.is_empty()));
        for (i, f) in fields.iter().enumerate() {
            assert_eq!(hinted(f.path), !f.hint.is_empty(), "{}", f.path);
            assert!(!fields[..i].iter().any(|g| g.path == f.path), "{} is asked twice", f.path);
        }
        assert!(!hinted("conditions.malignancy[0].type"));
    }

    #[test]
    fn the_markup_scan_finds_every_input_the_page_queries() {
        // ui::form_fields zips html::input_tags with the section's
        // querySelectorAll("[data-path],[data-control]"); only inputs and
        // selects may carry those attributes, each once.
        for d in drafts().iter().step_by(7) {
            for i in 0..SECTION_COUNT {
                let (_, h) = section_html(d, i);
                let tags = crate::ui::html::input_tags(&h);
                assert_eq!(tags.len(), h.matches(" data-path=\"").count() + h.matches(" data-control=\"").count());
                for t in &tags {
                    let has = |n: &str| t.iter().any(|(k, _)| *k == n);
                    assert!(has("data-path") != has("data-control"), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn a_section_with_the_same_shape_has_the_same_markup() {
        let drafts = drafts();
        assert_eq!(drafts.len(), 3 * 2 * 3 * 2 * 3 * 2 * 3 * 3);
        for i in 0..SECTION_COUNT {
            let mut by_shape: Vec<(SectionShape, String)> = Vec::new();
            for d in &drafts {
                let shape = shapes(d)[i];
                let (_, html) = section_html(d, i);
                assert_eq!(shape.is_none(), html.is_empty(), "section {i}: in the page exactly when it has a shape");
                match by_shape.iter().find(|(s, _)| *s == shape) {
                    Some((_, seen)) => assert_eq!(*seen, html, "section {i}, shape {shape:?}: two markups"),
                    None => by_shape.push((shape, html)),
                }
            }
            // and different shapes give different markup (no needless rewrite)
            for (a, (sa, ha)) in by_shape.iter().enumerate() {
                for (sb, hb) in &by_shape[a + 1..] {
                    assert_ne!(ha, hb, "section {i}: shapes {sa:?} and {sb:?} give the same markup");
                }
            }
        }
    }
}
