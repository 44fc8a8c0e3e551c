//! Reads a FHIR R4 Bundle of a patient's record and prints what it
//! prefills (`{ answers, sources, unused }`) as JSON.
//!
//!     cargo run --example prefill --no-default-features -- examples/fhir/patient-record-bundle.json 2026-11-26

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(date)) = (args.next(), args.next()) else {
        eprintln!("usage: prefill BUNDLE.json SCREENING-DATE");
        return ExitCode::from(2);
    };
    let Some(screening) = misle_check::engine::answers::parse_date(&date) else {
        eprintln!("{date}: the screening date is YYYY-MM-DD");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let bundle: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{path}: not JSON: {e}");
            return ExitCode::FAILURE;
        }
    };
    match misle_check::fhir::answers_from_fhir(&bundle, screening) {
        Ok(p) => {
            println!("{}", serde_json::to_string_pretty(&p).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
