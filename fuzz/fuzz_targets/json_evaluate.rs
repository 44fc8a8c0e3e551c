//! Arbitrary bytes through `from_json` (serde_json reading the answer types)
//! and `evaluate`.
//!
//! Input: 4 bytes (little-endian i32: "today" as a day number from the common
//! era, wrapped into chrono's range), then the answers document as UTF-8.
//! Checks: no panic; a refusal names an answer path (or the document) with a
//! short message, whatever the length of the value it quotes; accepted
//! answers survive `to_json`; the report keeps the contract's invariants.

#![no_main]

use libfuzzer_sys::fuzz_target;
use misle_check::from_json;
use misle_check_fuzz::{check_refusal, check_report, check_round_trip, day};

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<4>() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let today = day(i32::from_le_bytes(*head));

    let answers = match from_json(text) {
        Ok(a) => a,
        Err(e) => return check_refusal(&e),
    };
    check_round_trip(&answers);
    check_report(&answers, today);
});
