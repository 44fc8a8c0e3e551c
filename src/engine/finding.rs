//! A finding: what one rule, or one part of a rule, concluded, with its
//! reason, its clearing date and the answers it still needs; and the two ways
//! parts combine (Kleene AND and OR).
//!
//! Invariants: `clears_on` and `temporary` are meaningful only when `pass`
//! is `False`, and a failure with a `clears_on` is temporary; `missing` is
//! meaningful only when `pass` is `Unknown`.

use chrono::NaiveDate;

use super::logic::Tri;

/// What a rule or a part of a rule concluded. `pass` is from the patient's
/// point of view: `True` means it does not stand in the way.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Finding {
    pub pass: Tri,
    pub clears_on: Option<NaiveDate>,
    /// A failure that time or a treatment running its course can clear
    /// (contract 5 and 8): every failure with a `clears_on`, and those made
    /// with [`Finding::fail_until`].
    pub temporary: bool,
    pub reason: String,
    pub missing: Vec<String>,
    /// With an unknown `pass`: what the parts already known said (an eGFR
    /// and counts while an ALT limit is missing), so that the criterion
    /// still shows the values it read. Empty otherwise.
    pub known: Vec<String>,
}

/// A rule step: either a value to go on with, or a finding that settles
/// the rule already (usually an unknown for a missing answer).
pub(crate) type Step<T> = Result<T, Finding>;

impl Finding {
    pub fn pass(reason: impl Into<String>) -> Self {
        Finding {
            pass: Tri::True,
            clears_on: None,
            temporary: false,
            reason: reason.into(),
            missing: Vec::new(),
            known: Vec::new(),
        }
    }

    /// A failure that time alone clears on `clears_on` (temporary), or never,
    /// for `None`.
    pub fn fail(reason: impl Into<String>, clears_on: Option<NaiveDate>) -> Self {
        let temporary = clears_on.is_some();
        Finding {
            pass: Tri::False,
            clears_on,
            temporary,
            reason: reason.into(),
            missing: Vec::new(),
            known: Vec::new(),
        }
    }

    /// A failure that a treatment running its course (a taper, a course of
    /// therapy) or time clears, on no date the answers can give: temporary,
    /// without a `clears_on`. The reason says what must happen first.
    pub fn fail_until(reason: impl Into<String>) -> Self {
        Finding {
            pass: Tri::False,
            clears_on: None,
            temporary: true,
            reason: reason.into(),
            missing: Vec::new(),
            known: Vec::new(),
        }
    }

    pub fn unknown(reason: impl Into<String>, missing: &[&str]) -> Self {
        Finding {
            pass: Tri::Unknown,
            clears_on: None,
            temporary: false,
            reason: reason.into(),
            missing: missing.iter().map(|s| (*s).to_string()).collect(),
            known: Vec::new(),
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
/// decided. A failure clears on the latest clearing date of its failing
/// parts, or on none if any of them has none; it is temporary when every
/// failing part is.
pub(crate) fn all(parts: Vec<Finding>) -> Finding {
    let pass = parts.iter().fold(Tri::True, |acc, p| acc.and(p.pass));
    combine(parts, pass, |fails| {
        let clears_on = fails
            .iter()
            .map(|f| f.clears_on)
            .try_fold(None, |latest: Option<NaiveDate>, c| c.map(|c| Some(latest.map_or(c, |l| l.max(c)))))
            .flatten();
        (clears_on, fails.iter().all(|f| f.temporary))
    })
}

/// Kleene OR: passes if any part passes. A failure (every part failing)
/// clears on the earliest clearing date among its parts, and is temporary
/// when any part is (that part clearing clears the whole).
pub(crate) fn any(parts: Vec<Finding>) -> Finding {
    let pass = parts.iter().fold(Tri::False, |acc, p| acc.or(p.pass));
    combine(parts, pass, |fails| (fails.iter().filter_map(|f| f.clears_on).min(), fails.iter().any(|f| f.temporary)))
}

fn combine(parts: Vec<Finding>, pass: Tri, clears: impl Fn(&[Finding]) -> (Option<NaiveDate>, bool)) -> Finding {
    // An unknown keeps what its known parts said, and what its unknown
    // parts knew in turn.
    let mut known: Vec<String> = Vec::new();
    if pass == Tri::Unknown {
        for p in &parts {
            if p.pass == Tri::Unknown {
                known.extend(p.known.iter().cloned());
            } else {
                known.push(p.reason.trim_end_matches('.').to_string());
            }
        }
    }
    // The parts that decided: those with the combined value.
    let deciding: Vec<Finding> = parts.into_iter().filter(|p| p.pass == pass).collect();
    let reason = deciding.iter().map(|p| p.reason.trim_end_matches('.')).collect::<Vec<_>>().join("; ") + ".";
    let (clears_on, temporary) = if pass == Tri::False { clears(&deciding) } else { (None, false) };
    let mut missing: Vec<String> = Vec::new();
    if pass == Tri::Unknown {
        for m in deciding.into_iter().flat_map(|p| p.missing) {
            if !missing.contains(&m) {
                missing.push(m);
            }
        }
    }
    Finding { pass, clears_on, temporary, reason, missing, known }
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
        assert_eq!(f.known, ["p"]);
    }

    #[test]
    fn an_unknown_keeps_what_its_known_parts_said_at_every_level() {
        let inner = any(vec![Finding::fail("too little", None), Finding::unknown("not answered", &["m"])]);
        assert_eq!(inner.known, ["too little"]);
        let outer = all(vec![Finding::pass("long enough."), inner]);
        assert_eq!(outer.pass, Tri::Unknown);
        assert_eq!(outer.known, ["long enough", "too little"]);
        // Settled either way, nothing is kept.
        assert!(all(vec![Finding::pass("a"), Finding::fail("b", None)]).known.is_empty());
        assert!(all(vec![Finding::pass("a"), Finding::pass("b")]).known.is_empty());
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
    fn and_is_temporary_only_when_every_failing_part_is() {
        let dated = || Finding::fail("dated", d("2027-01-01"));
        let until = || Finding::fail_until("until");
        let never = || Finding::fail("never", None);
        for (name, parts, temporary, clears) in [
            ("a dated failure", vec![dated()], true, d("2027-01-01")),
            ("a failure until a taper", vec![until()], true, None),
            ("a dated one and one until", vec![dated(), until()], true, None),
            ("a dated one and a permanent one", vec![dated(), never()], false, None),
            ("one until and a permanent one", vec![until(), never()], false, None),
            (
                "a temporary failure beside a pass and an unknown",
                vec![until(), Finding::pass("p"), Finding::unknown("u", &["x"])],
                true,
                None,
            ),
        ] {
            let f = all(parts);
            assert_eq!((f.pass, f.temporary, f.clears_on), (Tri::False, temporary, clears), "{name}");
        }
        assert!(!all(vec![Finding::pass("p")]).temporary, "a pass is never temporary");
    }

    #[test]
    fn or_is_temporary_when_any_failing_part_is() {
        let f = any(vec![Finding::fail("never", None), Finding::fail_until("until")]);
        assert_eq!((f.pass, f.temporary, f.clears_on), (Tri::False, true, None));
        let f = any(vec![Finding::fail("never", None), Finding::fail("never again", None)]);
        assert_eq!((f.pass, f.temporary), (Tri::False, false));
        let f = any(vec![Finding::fail_until("until"), Finding::fail("dated", d("2027-02-01"))]);
        assert_eq!((f.temporary, f.clears_on), (true, d("2027-02-01")));
    }

    #[test]
    fn an_absent_answer_is_unknown_naming_its_path() {
        let f = need::<bool>(None, "conditions.hiv", "HIV").unwrap_err();
        assert_eq!(f.pass, Tri::Unknown);
        assert_eq!(f.missing, vec!["conditions.hiv"]);
        assert_eq!(need(Some(3), "p", "w"), Ok(3));
    }
}
