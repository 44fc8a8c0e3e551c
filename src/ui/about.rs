//! The trial's identity, sites, record dates and how this tool reads the
//! criteria.

use leptos::prelude::*;

/// The About section.
#[component]
pub fn About() -> impl IntoView {
    view! {
        <section class="card about" aria-labelledby="s-about">
            <h2 id="s-about">"About the trial and this tool"</h2>
            <p>
                <strong>"Phase 2 Trial of Mesenchymal Stem Cells in Lupus (MiSLE)"</strong>
                ", ClinicalTrials.gov NCT02633163; sponsor protocol MUSC-UCMSC-001; sponsor Medical University of South Carolina (NIH-funded). Double-blind, 2:1 umbilical-cord MSC versus placebo, one IV infusion at baseline (day 0), follow-up to week 52."
            </p>
            <p>
                "Sites: Los Angeles, CA; San Diego, CA; Atlanta, GA; Chicago, IL; Manhasset, NY; Rochester, NY; Chapel Hill, NC; Oklahoma City, OK; Charleston, SC."
            </p>
            <p class="warn">
                <strong>"Recruitment status must be confirmed with the study team. "</strong>
                "This page was built from the registry record last verified February 2024 (last update posted 1 March 2024; estimated primary completion December 2024, study completion June 2025). Listings in 2025 show “active, not recruiting” or “completed”."
            </p>
            <h3>"How this tool reads the criteria"</h3>
            <ul>
                <li>"WBC “<2.0/mm3” is read as 2.0 ×10⁹/L (2,000 cells/mm³)."</li>
                <li>"“SLEDAI” is taken as SLEDAI-2K; BILAG as BILAG-2004, entered per domain (the 97-item index is not implemented)."</li>
                <li>"“Within” windows are inclusive: the day exactly N days or months before counts."</li>
                <li>"Calendar months and years clamp to the month end (31 August minus 6 months is 28 or 29 February)."</li>
                <li>"Windows count back from the screening date, except E12–E14, which count back from the planned baseline (the screening date when no baseline is given)."</li>
                <li>"eGFR: as given, else CKD-EPI 2021 (race-free) from creatinine, age and sex. Limits compare the converted value; equal to a limit passes."</li>
                <li>"Corticosteroid doses are converted to prednisone equivalents (prednisone 5 mg = methylprednisolone 4 mg = dexamethasone 0.75 mg …)."</li>
                <li>"A failure that a taper, a course of therapy or time can clear makes the patient “not yet eligible”, not “not eligible”; a lab value far below any plausible one is a unit to check, not an exclusion."</li>
                <li>"E11 (any other condition in the investigator’s opinion) is always left to the site."</li>
            </ul>
            <p>"A pre-screening aid, not a decision: the study team makes the final call."</p>
        </section>
    }
}
