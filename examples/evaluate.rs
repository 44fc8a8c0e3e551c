//! Evaluates an answers file and prints the report as JSON.
//!
//!     cargo run --example evaluate --no-default-features -- answers.json [today]

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: evaluate ANSWERS.json [YYYY-MM-DD]");
        return ExitCode::from(2);
    };
    let today = args
        .next()
        .and_then(|s| misle_check::engine::answers::parse_date(&s))
        .unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default());
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    match misle_check::from_json(&text) {
        Ok(answers) => {
            let report = misle_check::evaluate(&answers, today);
            match serde_json::to_string_pretty(&report) {
                Ok(s) => println!("{s}"),
                Err(e) => eprintln!("{e}"),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("refused: {e}");
            ExitCode::FAILURE
        }
    }
}
