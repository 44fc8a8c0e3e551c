//! `Answers` built by the `arbitrary` crate (any date chrono can hold, any
//! f64 including NaN and infinities, lists of any length) and a "today".
//!
//! Checks: no panic; the report keeps the contract's invariants; the answers
//! survive the writer and reader (a non-finite number comes back absent).

#![no_main]

use libfuzzer_sys::fuzz_target;
use misle_check::Answers;
use misle_check_fuzz::{check_report, check_round_trip, day};

fuzz_target!(|input: (i32, Answers)| {
    let (today, answers) = input;
    check_report(&answers, day(today));
    check_round_trip(&answers);
});
