//! Inputs the fuzz targets (fuzz/, docs/fuzzing.md) found, kept as plain
//! tests. Each names what was found; the input is also under fuzz/seeds/.

use chrono::NaiveDate;
use misle_check::engine::answers::{Answers, Conditions, Event};
use misle_check::engine::report::Verdict;
use misle_check::{evaluate, from_json, to_json};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// structured_answers: answers built in Rust can hold a date the contract's
/// `YYYY-MM-DD` cannot (year 10000 and later, or before year 0). `to_json`
/// writes it as chrono does and `from_json` refuses the file naming the
/// path, rather than either of them panicking or the date being lost
/// silently. (`to_json`'s documentation said every answer reads back.)
#[test]
fn a_date_past_year_9999_is_written_with_a_sign_and_refused_on_reading_by_its_path() {
    let answers = Answers { screening_date: Some(date(159_441, 7, 21)), ..Answers::default() };
    let text = to_json(&answers);
    assert!(text.contains("\"+159441-07-21\""), "{text}");
    let refused = from_json(&text);
    assert!(refused.as_ref().is_err_and(|e| e.path() == "screening_date"), "{refused:?}");

    let answers = Answers {
        conditions: Some(Conditions { herpes_zoster: Some(Event::On(date(-1, 12, 31))), ..Conditions::default() }),
        ..Answers::default()
    };
    let text = to_json(&answers);
    assert!(text.contains("\"-0001-12-31\""), "{text}");
    let refused = from_json(&text);
    assert!(refused.as_ref().is_err_and(|e| e.path() == "conditions.herpes_zoster"), "{refused:?}");
}

#[test]
fn dates_in_years_0000_to_9999_are_written_and_read_back() {
    for d in [date(0, 1, 1), date(9999, 12, 31), date(2024, 2, 29)] {
        let answers = Answers { screening_date: Some(d), baseline_date: Some(d), ..Answers::default() };
        assert_eq!(from_json(&to_json(&answers)), Ok(answers), "{d}");
    }
}

#[test]
fn evaluate_takes_any_date_chrono_can_hold_for_today_and_the_answers() {
    for today in [NaiveDate::MIN, NaiveDate::MAX, date(159_441, 7, 21)] {
        let answers = Answers { baseline_date: Some(NaiveDate::MIN), ..Answers::default() };
        let r = evaluate(&answers, today);
        assert_eq!(r.criteria.len(), 22);
        assert_eq!(r.screening_date, today);
        // A baseline before screening falls back to it.
        assert_eq!(r.baseline_date, today);
        assert_ne!(r.verdict, Verdict::PotentiallyEligible);
    }
}

/// json_evaluate: an unknown key of 1,488 characters holding backticks.
/// serde quotes a key between backticks, so the message's quoted value
/// could not be found and cut, and the refusal was 734 characters long.
/// Every message is now at most 300 characters (plus ` … `) whatever it
/// quotes.
#[test]
fn a_long_unknown_key_with_backticks_gives_a_short_message() {
    let input = include_bytes!("../fuzz/seeds/json_evaluate/key-with-backticks");
    let text = std::str::from_utf8(&input[4..]).unwrap_or_default();
    let refused = from_json(text);
    let e = refused.as_ref().err();
    assert!(e.is_some_and(|e| e.message().chars().count() <= 303), "{refused:?}");
    assert!(e.is_some_and(|e| e.path().chars().count() <= 41), "{refused:?}");
}
