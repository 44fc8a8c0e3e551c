//! Look-back windows ("within N before D") and the earliest date a rule
//! holds.
//!
//! "Within N before D" includes day D - N, where months and years are
//! calendar months as chrono subtracts them (clamping to the month's end).
//! Because clamping makes "D - N months" skip or repeat days, a clearing date
//! is never computed by a formula: [`earliest`] searches for the first day on
//! which the rule itself holds.

use chrono::{Days, Months, NaiveDate};

/// The length of a look-back window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// Calendar days.
    Days(u32),
    /// Calendar months (a year is 12).
    Months(u32),
}

impl Span {
    /// The first day of the window that ends on `reference`; `None` when that
    /// day is before the first representable date (the window then reaches
    /// back to the start of time).
    #[must_use]
    pub fn start(self, reference: NaiveDate) -> Option<NaiveDate> {
        match self {
            Span::Days(n) => reference.checked_sub_days(Days::new(u64::from(n))),
            Span::Months(n) => reference.checked_sub_months(Months::new(n)),
        }
    }

    /// Whether `event` falls within the window ending on `reference`
    /// (both ends included).
    #[must_use]
    pub fn contains(self, reference: NaiveDate, event: NaiveDate) -> bool {
        event <= reference && self.start(reference).is_none_or(|s| s <= event)
    }

    /// The earliest reference date on or after `event` on which `event` is no
    /// longer within the window; `None` only near the end of representable time.
    #[must_use]
    pub fn clears_on(self, event: NaiveDate) -> Option<NaiveDate> {
        // The window is at most 12 * 5 months long; a month and a week past
        // its naive end is always beyond the clearing day.
        let hi = match self {
            Span::Days(n) => event.checked_add_days(Days::new(u64::from(n) + 1))?,
            Span::Months(n) => event.checked_add_months(Months::new(n))?.checked_add_days(Days::new(40))?,
        };
        earliest(event, hi, |d| !self.contains(d, event))
    }

    /// The window in words: "6 months", "90 days", "5 years".
    #[must_use]
    pub fn words(self) -> String {
        match self {
            Span::Days(n) => format!("{n} days"),
            Span::Months(12) => "1 year".to_string(),
            Span::Months(n) if n % 12 == 0 => format!("{} years", n / 12),
            Span::Months(1) => "1 month".to_string(),
            Span::Months(n) => format!("{n} months"),
        }
    }
}

/// The first day in `lo..=hi` on which `holds` is true, for a rule that, once
/// true, stays true on every later day. `None` when it is false on `hi`.
pub fn earliest(lo: NaiveDate, hi: NaiveDate, holds: impl Fn(NaiveDate) -> bool) -> Option<NaiveDate> {
    if lo > hi || !holds(hi) {
        return None;
    }
    // Invariant: holds(hi); every day before lo that was looked at failed.
    let (mut lo, mut hi) = (lo, hi);
    while lo < hi {
        let gap = u64::try_from((hi - lo).num_days()).unwrap_or(0) / 2;
        let mid = lo.checked_add_days(Days::new(gap))?;
        if holds(mid) {
            hi = mid;
        } else {
            lo = mid.checked_add_days(Days::new(1))?;
        }
    }
    Some(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::engine::answers::parse_date(s).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn window_includes_its_first_day_and_not_the_day_before() {
        let cases = [
            ("6 months: first day", Span::Months(6), "2026-11-26", "2026-05-26", true),
            ("6 months: day before", Span::Months(6), "2026-11-26", "2026-05-25", false),
            ("90 days: first day", Span::Days(90), "2026-11-26", "2026-08-28", true),
            ("90 days: day before", Span::Days(90), "2026-11-26", "2026-08-27", false),
            ("60 days: first day", Span::Days(60), "2026-11-26", "2026-09-27", true),
            ("60 days: day before", Span::Days(60), "2026-11-26", "2026-09-26", false),
            ("event on the reference day", Span::Days(60), "2026-11-26", "2026-11-26", true),
            ("event after the reference day", Span::Days(60), "2026-11-26", "2026-11-27", false),
            ("clamped: 31 Aug less 6 months is 28 Feb", Span::Months(6), "2026-08-31", "2026-02-28", true),
            ("clamped: and 27 Feb is outside", Span::Months(6), "2026-08-31", "2026-02-27", false),
            ("5 years from a leap day", Span::Months(60), "2028-02-29", "2023-02-28", true),
        ];
        for (name, span, reference, event, want) in cases {
            assert_eq!(span.contains(d(reference), d(event)), want, "{name}");
        }
    }

    #[test]
    fn clears_on_is_the_first_day_outside_the_window() {
        let cases = [
            ("b-cell 6 months (contract example)", Span::Months(6), "2026-07-01", "2027-01-02"),
            ("90 days", Span::Days(90), "2026-11-01", "2027-01-31"),
            ("60 days", Span::Days(60), "2026-11-01", "2027-01-01"),
            // 31 Aug + 6 months clamps to 28 Feb, which still reaches back only to 28 Aug.
            ("month end: 31 Aug + 6 months", Span::Months(6), "2026-08-31", "2027-03-01"),
            ("month end: 30 Nov + 3 months", Span::Months(3), "2026-11-30", "2027-03-01"),
            ("month end: 31 Dec + 2 months (leap year)", Span::Months(2), "2027-12-31", "2028-03-01"),
            ("mid month: 15 Sep + 3 months", Span::Months(3), "2026-09-15", "2026-12-16"),
            ("1 year from a leap day", Span::Months(12), "2024-02-29", "2025-03-01"),
        ];
        for (name, span, event, want) in cases {
            let got = span.clears_on(d(event));
            assert_eq!(got, Some(d(want)), "{name}");
            let day_before = d(want).pred_opt().unwrap_or(NaiveDate::MIN);
            assert!(span.contains(day_before, d(event)), "{name}: still within the day before");
            assert!(!span.contains(d(want), d(event)), "{name}: outside on the day");
        }
    }

    #[test]
    fn clears_on_near_the_end_of_time_is_none_not_a_panic() {
        assert_eq!(Span::Months(6).clears_on(NaiveDate::MAX), None);
        assert_eq!(Span::Days(90).clears_on(NaiveDate::MAX), None);
        assert!(Span::Months(6).contains(NaiveDate::MIN, NaiveDate::MIN));
    }

    #[test]
    fn earliest_finds_the_first_true_day() {
        let lo = d("2026-01-01");
        let hi = d("2026-12-31");
        let turn = d("2026-07-19");
        assert_eq!(earliest(lo, hi, |x| x >= turn), Some(turn));
        assert_eq!(earliest(lo, hi, |_| true), Some(lo));
        assert_eq!(earliest(lo, hi, |_| false), None);
        assert_eq!(earliest(hi, lo, |_| true), None);
        assert_eq!(earliest(lo, lo, |_| true), Some(lo), "a one-day range is searched too");
        assert_eq!(earliest(lo, lo, |_| false), None);
    }

    #[test]
    fn spans_in_words() {
        assert_eq!(Span::Months(60).words(), "5 years");
        assert_eq!(Span::Months(12).words(), "1 year");
        assert_eq!(Span::Months(6).words(), "6 months");
        assert_eq!(Span::Months(1).words(), "1 month");
        assert_eq!(Span::Days(90).words(), "90 days");
    }
}
