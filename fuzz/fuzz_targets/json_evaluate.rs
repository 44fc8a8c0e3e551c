//! Arbitrary bytes through the JSON reader and `evaluate`.
//!
//! Input: 4 bytes (little-endian i32: "today" as a day number from the common
//! era, wrapped into chrono's range), then the answers document as UTF-8.
//! Checks: no panic; the reader accepts exactly what serde's derived
//! `Answers: Deserialize` accepts, with the same answers; accepted answers
//! survive the writer; the report keeps the contract's invariants.

#![no_main]

use libfuzzer_sys::fuzz_target;
use misle_check::{from_json, Answers};
use misle_check_fuzz::{check_report, check_round_trip, day};

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<4>() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let today = day(i32::from_le_bytes(*head));

    let ours = from_json(text);
    let serde: Result<Answers, _> = serde_json::from_str(text);
    assert_eq!(ours.as_ref().ok(), serde.as_ref().ok(), "reader and serde differ: ours {ours:?}, serde {serde:?}");
    if let Err(e) = &ours {
        assert!(!e.message().is_empty());
    }
    let Ok(answers) = ours else { return };
    check_round_trip(&answers);
    check_report(&answers, today);
});
