//! A finding: what one rule, or one part of a rule, concluded, with its
//! reason, its clearing date and the answers it still needs; and the two ways
//! parts combine (Kleene AND and OR).
//!
//! Invariants: `clears_on` is meaningful only when `pass` is `False`;
//! `missing` only when `pass` is `Unknown`.

use chrono::NaiveDate;

use super::logic::Tri;

/// What a rule or a part of a rule concluded. `pass` is from the patient's
/// point of view: `True` means it does not stand in the way.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Finding {
    pub pass: Tri,
    pub clears_on: Option<NaiveDate>,
    pub reason: String,
    pub missing: Vec<String>,
}

/// A rule step: either a value to go on with, or a finding that settles
/// the rule already (usually an unknown for a missing answer).
pub(crate) type Step<T> = Result<T, Finding>;

impl Finding {
    pub fn pass(reason: impl Into<String>) -> Self {
        Finding { pass: Tri::True, clears_on: None, reason: reason.into(), missing: Vec::new() }
    }

    /// A failure that time alone clears on `clears_on` (or never, for `None`).
    pub fn fail(reason: impl Into<String>, clears_on: Option<NaiveDate>) -> Self {
        Finding { pass: Tri::False, clears_on, reason: reason.into(), missing: Vec::new() }
    }

    pub fn unknown(reason: impl Into<String>, missing: &[&str]) -> Self {
        Finding {
            pass: Tri::Unknown,
            clears_on: None,
            reason: reason.into(),
            missing: missing.iter().map(|s| (*s).to_string()).collect(),
        }
    }

    /// `pass` or `fail` (never clearing) by a known truth.
    pub fn by(pass: bool, if_pass: impl Into<String>, if_fail: impl Into<String>) -> Self {
        if pass {
            Finding::pass(if_pass)
        } else {
            Finding::fail(if_fail, None)
        }
    }

    /// The same finding with another reason.
    pub fn because(mut self, reason: impl Into<String>) -> Self {
        self.reason = reason.into();
        self
    }
}

/// Takes an answer that may be absent: absent becomes an unknown finding that
/// names `path` as missing.
pub(crate) fn need<T>(answer: Option<T>, path: &str, what: &str) -> Step<T> {
    answer.ok_or_else(|| Finding::unknown(format!("{what} not answered."), &[path]))
}

/// Judges an answer that may be absent: absent is unknown naming `path`,
/// present goes to `judge`.
pub(crate) fn given<T>(answer: Option<T>, path: &str, what: &str, judge: impl FnOnce(T) -> Finding) -> Finding {
    settle(need(answer, path, what).map(judge))
}

/// Flattens a rule written with `?`.
pub(crate) fn settle(step: Step<Finding>) -> Finding {
    step.unwrap_or_else(|f| f)
}

/// Kleene AND: fails if any part fails; the reason names the parts that
/// decided. A failure clears on the latest clearing date of its failing parts,
/// or never if any of them never clears.
pub(crate) fn all(parts: Vec<Finding>) -> Finding {
    let pass = parts.iter().fold(Tri::True, |acc, p| acc.and(p.pass));
    combine(parts, pass, |fails| {
        fails
            .iter()
            .map(|f| f.clears_on)
            .try_fold(None, |latest: Option<NaiveDate>, c| c.map(|c| Some(latest.map_or(c, |l| l.max(c)))))
            .flatten()
    })
}

/// Kleene OR: passes if any part passes. A failure (every part failing)
/// clears on the earliest clearing date among its parts.
pub(crate) fn any(parts: Vec<Finding>) -> Finding {
    let pass = parts.iter().fold(Tri::False, |acc, p| acc.or(p.pass));
    combine(parts, pass, |fails| fails.iter().filter_map(|f| f.clears_on).min())
}

fn combine(parts: Vec<Finding>, pass: Tri, clears: impl Fn(&[Finding]) -> Option<NaiveDate>) -> Finding {
    // The parts that decided: those with the combined value.
    let deciding: Vec<Finding> = parts.into_iter().filter(|p| p.pass == pass).collect();
    let reason = deciding.iter().map(|p| p.reason.trim_end_matches('.')).collect::<Vec<_>>().join("; ") + ".";
    let clears_on = if pass == Tri::False { clears(&deciding) } else { None };
    let mut missing: Vec<String> = Vec::new();
    if pass == Tri::Unknown {
        for m in deciding.into_iter().flat_map(|p| p.missing) {
            if !missing.contains(&m) {
                missing.push(m);
            }
        }
    }
    Finding { pass, clears_on, reason, missing }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::answers::parse_date;

    fn d(s: &str) -> Option<NaiveDate> {
        parse_date(s)
    }

    #[test]
    fn and_fails_on_one_certain_failure_even_with_unknowns() {
        let f = all(vec![Finding::unknown("a", &["x"]), Finding::fail("b", d("2027-01-01")), Finding::pass("c")]);
        assert_eq!(f.pass, Tri::False);
        assert_eq!(f.clears_on, d("2027-01-01"));
        assert_eq!(f.reason, "b.");
        assert!(f.missing.is_empty(), "missing only for unknown");
    }

    #[test]
    fn and_clears_on_the_latest_failing_part_or_never() {
        let both = all(vec![Finding::fail("a", d("2027-01-01")), Finding::fail("b", d("2027-03-01"))]);
        assert_eq!(both.clears_on, d("2027-03-01"));
        let never = all(vec![Finding::fail("a", d("2027-01-01")), Finding::fail("b", None)]);
        assert_eq!(never.pass, Tri::False);
        assert_eq!(never.clears_on, None);
    }

    #[test]
    fn and_unknown_lists_each_missing_answer_once() {
        let f = all(vec![Finding::unknown("a", &["x", "y"]), Finding::pass("p"), Finding::unknown("b", &["y", "z"])]);
        assert_eq!(f.pass, Tri::Unknown);
        assert_eq!(f.missing, vec!["x", "y", "z"]);
        assert_eq!(f.reason, "a; b.");
    }

    #[test]
    fn or_passes_on_one_certain_pass_even_with_unknowns() {
        let f = any(vec![Finding::unknown("a", &["x"]), Finding::pass("b")]);
        assert_eq!(f.pass, Tri::True);
        assert!(f.missing.is_empty());
        assert_eq!(f.reason, "b.");
    }

    #[test]
    fn or_fails_only_when_every_part_fails_and_clears_on_the_earliest() {
        let f = any(vec![Finding::fail("a", d("2027-05-01")), Finding::fail("b", d("2027-02-01"))]);
        assert_eq!(f.pass, Tri::False);
        assert_eq!(f.clears_on, d("2027-02-01"));
        let u = any(vec![Finding::fail("a", None), Finding::unknown("b", &["x"])]);
        assert_eq!(u.pass, Tri::Unknown);
        assert_eq!(u.missing, vec!["x"]);
    }

    #[test]
    fn an_absent_answer_is_unknown_naming_its_path() {
        let f = need::<bool>(None, "conditions.hiv", "HIV").unwrap_err();
        assert_eq!(f.pass, Tri::Unknown);
        assert_eq!(f.missing, vec!["conditions.hiv"]);
        assert_eq!(need(Some(3), "p", "w"), Ok(3));
    }
}
