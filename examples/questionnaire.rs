//! Writes the FHIR `Questionnaire` generated from the question table, as
//! JSON, to the files given (the build writes `dist/fhir/questionnaire.json`
//! and `dist/engine/questionnaire.json`), or to stdout without arguments.
//!
//!     cargo run --example questionnaire --no-default-features -- dist/fhir/questionnaire.json

use std::process::ExitCode;

fn main() -> ExitCode {
    let q = misle_check::fhir::questionnaire();
    let text = match serde_json::to_string_pretty(&q) {
        Ok(t) => t + "\n",
        Err(e) => {
            eprintln!("questionnaire: {e}");
            return ExitCode::FAILURE;
        }
    };
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        print!("{text}");
    }
    for path in paths {
        let dir = std::path::Path::new(&path).parent();
        if let Err(e) = dir.map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, &text)) {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
