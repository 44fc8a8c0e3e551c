//! Kleene's three-valued logic, the one place where "not known yet" is combined
//! with known answers.
//!
//! Invariant: `Unknown` never hides a certain result. `False AND x` is `False`
//! and `True OR x` is `True` whatever `x` is; only when the known parts cannot
//! settle the result is it `Unknown`.

/// A truth value that may not be known yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tri {
    /// Certainly false.
    False,
    /// Not known yet: an answer that would settle it is missing.
    Unknown,
    /// Certainly true.
    True,
}

impl Tri {
    /// `Some(b)` is known, `None` is `Unknown`: the one place an unanswered
    /// question becomes `Unknown`.
    #[must_use]
    pub fn from_option(answer: Option<bool>) -> Self {
        match answer {
            Some(true) => Tri::True,
            Some(false) => Tri::False,
            None => Tri::Unknown,
        }
    }

    /// Kleene conjunction: `False` wins, then `Unknown`.
    #[must_use]
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }

    /// Kleene disjunction: `True` wins, then `Unknown`.
    #[must_use]
    pub fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }

    /// Kleene negation: `Unknown` stays `Unknown`.
    #[must_use]
    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Tri {
        match self {
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
            Tri::True => Tri::False,
        }
    }
}

impl From<bool> for Tri {
    fn from(b: bool) -> Self {
        if b {
            Tri::True
        } else {
            Tri::False
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Tri::{self, False as F, True as T, Unknown as U};

    #[test]
    fn and_truth_table() {
        let table = [(F, F, F), (F, U, F), (F, T, F), (U, F, F), (U, U, U), (U, T, U), (T, F, F), (T, U, U), (T, T, T)];
        for (a, b, want) in table {
            assert_eq!(a.and(b), want, "{a:?} AND {b:?}");
        }
    }

    #[test]
    fn or_truth_table() {
        let table = [(F, F, F), (F, U, U), (F, T, T), (U, F, U), (U, U, U), (U, T, T), (T, F, T), (T, U, T), (T, T, T)];
        for (a, b, want) in table {
            assert_eq!(a.or(b), want, "{a:?} OR {b:?}");
        }
    }

    #[test]
    fn not_truth_table() {
        assert_eq!(F.not(), T);
        assert_eq!(U.not(), U);
        assert_eq!(T.not(), F);
    }

    #[test]
    fn an_unanswered_question_is_unknown() {
        assert_eq!(Tri::from_option(None), U);
        assert_eq!(Tri::from_option(Some(true)), T);
        assert_eq!(Tri::from_option(Some(false)), F);
    }

    #[test]
    fn de_morgan_holds_for_every_pair() {
        for a in [F, U, T] {
            for b in [F, U, T] {
                assert_eq!(a.and(b).not(), a.not().or(b.not()), "{a:?}, {b:?}");
            }
        }
    }
}
