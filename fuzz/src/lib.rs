//! What the fuzz targets hold every input to: `evaluate` returns (no panic)
//! a report that keeps the invariants of the answers/report contract
//! (`../shared/spec/contract.md`, sections 3 to 8), and answers survive
//! `to_json` and `from_json` (serde_json through the answer types).

use chrono::{Datelike, NaiveDate};
use misle_check::engine::criteria::{CriterionId, Kind};
use misle_check::engine::report::{Outcome, Report, Verdict, REPORT_SCHEMA};
use misle_check::{evaluate, from_json, to_json, Answers};

/// The top-level fields of an answers document: every path in `missing` and
/// `errors` starts with one of them.
const TOP_LEVEL: [&str; 8] =
    ["screening_date", "baseline_date", "patient", "sle", "nephritis_therapy", "labs", "conditions", "medications"];

/// Any `i32` as a date chrono can hold: a day number from the common era
/// that chrono can hold is that day; any other wraps into chrono's range.
#[must_use]
pub fn day(n: i32) -> NaiveDate {
    let min = i64::from(NaiveDate::MIN.num_days_from_ce());
    let max = i64::from(NaiveDate::MAX.num_days_from_ce());
    let wrapped = min + (i64::from(n) - min).rem_euclid(max - min + 1);
    i32::try_from(wrapped).ok().and_then(NaiveDate::from_num_days_from_ce_opt).unwrap_or(NaiveDate::MIN)
}

fn is_answer_path(path: &str) -> bool {
    let first = path.split(['.', '[']).next().unwrap_or("");
    TOP_LEVEL.contains(&first)
}

/// The longest refusal message: 300 characters, plus ` … ` where a longer
/// one was cut (src/parse/mod.rs).
const MAX_MESSAGE: usize = 303;

/// Checks a refused document's error: it names the document (empty path)
/// or a path within it, and says why in a message of bounded length.
///
/// # Panics
/// When it does not.
pub fn check_refusal(e: &misle_check::Error) {
    assert!(!e.message().is_empty(), "refusal without a message at {:?}", e.path());
    assert!(e.message().chars().count() <= MAX_MESSAGE, "refusal message of {} characters", e.message().len());
    assert!(e.path().chars().count() <= 200, "refusal path of {} characters", e.path().len());
}

/// Evaluates `answers` and checks the report against the contract.
///
/// # Panics
/// When the report breaks an invariant (that is the point).
pub fn check_report(answers: &Answers, today: NaiveDate) -> Report {
    let r = evaluate(answers, today);
    assert_eq!(r.schema, REPORT_SCHEMA);

    // The dates used: screening defaults to today; a baseline before the
    // screening date is an error and falls back to it (contract 7.3).
    let screening = answers.screening_date.unwrap_or(today);
    assert_eq!(r.screening_date, screening);
    let baseline = answers.baseline_date.filter(|b| *b >= screening).unwrap_or(screening);
    assert_eq!(r.baseline_date, baseline);

    // All 22 criteria, in order, with their kind; E11 always site_review.
    let ids: Vec<CriterionId> = r.criteria.iter().map(|c| c.id).collect();
    assert_eq!(ids, CriterionId::ALL.to_vec());
    for c in &r.criteria {
        let inclusion = c.id.key().starts_with('I');
        assert_eq!(c.kind, if inclusion { Kind::Inclusion } else { Kind::Exclusion }, "{:?}", c.id);
        assert!(!c.reason.is_empty(), "{:?} has no reason", c.id);
        assert_eq!(c.id == CriterionId::E11, c.outcome == Outcome::SiteReview, "{:?} {:?}", c.id, c.outcome);
        match c.outcome {
            Outcome::Fail => assert!(c.missing.is_empty(), "{:?} fails with missing {:?}", c.id, c.missing),
            Outcome::Unknown => {
                assert_eq!(c.clears_on, None, "{:?} unknown with clears_on", c.id);
                assert!(!c.missing.is_empty(), "{:?} unknown without missing: {}", c.id, c.reason);
            }
            Outcome::Pass | Outcome::SiteReview => {
                assert!(c.clears_on.is_none() && c.missing.is_empty(), "{:?} {:?}", c.id, c);
            }
        }
        for m in &c.missing {
            assert!(is_answer_path(m), "{:?} missing {m:?} is not an answer path", c.id);
        }
        if let Some(on) = c.clears_on {
            assert!(on > r.screening_date, "{:?} clears on {on}, not after screening {}", c.id, r.screening_date);
        }
    }

    // Temporary (contract 5 and 8): only failures, every dated one.
    for c in &r.criteria {
        assert!(!c.temporary || c.outcome == Outcome::Fail, "{:?} temporary but {:?}", c.id, c.outcome);
        assert!(c.clears_on.is_none() || c.temporary, "{:?} dated but not temporary", c.id);
    }

    // The verdict (contract 5 and 6).
    let fails: Vec<_> = r.criteria.iter().filter(|c| c.outcome == Outcome::Fail).collect();
    let unknown = r.criteria.iter().any(|c| c.outcome == Outcome::Unknown);
    let (verdict, from) = if fails.iter().any(|c| !c.temporary) {
        (Verdict::NotEligible, None)
    } else if fails.is_empty() {
        let v = if unknown || !r.errors.is_empty() { Verdict::Incomplete } else { Verdict::PotentiallyEligible };
        (v, None)
    } else {
        (Verdict::NotYetEligible, fails.iter().map(|c| c.clears_on).collect::<Option<Vec<_>>>().and_then(|d| d.into_iter().max()))
    };
    assert_eq!((r.verdict, r.eligible_from), (verdict, from));

    for e in &r.errors {
        assert!(is_answer_path(&e.path), "error path {:?}", e.path);
        assert!(!e.message.is_empty(), "error at {} without a message", e.path);
    }

    // Derived numbers: computed from validated values, so finite and in range.
    let d = &r.derived;
    for (name, x) in
        [("egfr", d.egfr), ("pred_mg", d.prednisone_equivalent_mg), ("pred_mg_per_kg", d.prednisone_mg_per_kg)]
    {
        assert!(x.is_none_or(f64::is_finite), "derived {name} = {x:?}");
    }
    assert!(d.age_years.is_none_or(|a| (0..=120).contains(&a)), "age {:?}", d.age_years);
    assert!(d.sledai_score.is_none_or(|s| s <= 105), "sledai {:?}", d.sledai_score);
    assert!(d.acr_count.is_none_or(|n| n <= 11), "acr count {:?}", d.acr_count);

    // The report serializes, and its JSON text is JSON.
    let text = match serde_json::to_string(&r) {
        Ok(t) => t,
        Err(e) => panic!("the report does not serialize: {e}"),
    };
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "report JSON does not read back: {text}");
    r
}

/// Writes `answers` and reads them back; the answers survive unless a number
/// was not finite (written `null`, so read back as absent). Returns what was
/// read back, or `None` when a date's year is outside 0000..=9999: the writer
/// shows it as chrono does (`+12345-01-01`) and the reader refuses it, as
/// `to_json` documents.
///
/// # Panics
/// When the written text does not read back, or reads back different.
pub fn check_round_trip(answers: &Answers) -> Option<Answers> {
    let text = to_json(answers);
    // The only strings the writer writes are the contract's words and dates,
    // and no word starts with a sign.
    if text.contains("\"+") || text.contains("\"-") {
        let refused = from_json(&text);
        assert!(refused.as_ref().is_err_and(|e| e.message().contains("a date YYYY-MM-DD")), "{refused:?}\n{text}");
        return None;
    }
    let back = match from_json(&text) {
        Ok(b) => b,
        Err(e) => panic!("written answers do not read back: {e}\n{text}"),
    };
    // Only a non-finite number is written `null` (absent answers are left out).
    if !text.contains("null") {
        assert_eq!(&back, answers, "answers changed through the writer:\n{text}");
    }
    assert_eq!(from_json(&to_json(&back)).as_ref(), Ok(&back), "second round trip differs");
    Some(back)
}
