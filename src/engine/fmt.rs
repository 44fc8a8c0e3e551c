//! Numbers and dates as the reasons print them.

/// A number with at most two decimals and no trailing zeros: `35`, `0.55`,
/// `91.69`.
#[must_use]
pub fn num(x: f64) -> String {
    places(x, 2)
}

/// A number compared with `limit`, with as many decimals (2 to 6) as it takes
/// not to print it equal to a limit it is not equal to: `0.5004` next to
/// `0.5` is never shown as `0.5`.
#[must_use]
pub fn num_vs(x: f64, limit: f64) -> String {
    for p in 2..=6 {
        let s = places(x, p);
        if super::calc::same(x, limit) || s != places(limit, p) {
            return s;
        }
    }
    places(x, 6)
}

/// A number that may be small, with two significant digits below 1 (up to
/// 6 decimals): `0.0045`, `0.12`, `35`. For a converted lab value, where
/// `num` would print 4.5 /uL as `0` x10^9/L.
#[must_use]
pub fn num_small(x: f64) -> String {
    if x.abs() >= 1.0 {
        return num(x);
    }
    for p in 2..=6 {
        let s = places(x, p);
        if s.trim_start_matches(['-', '0', '.']).len() >= 2 {
            return s;
        }
    }
    places(x, 6)
}

/// `x` rounded to `p` decimals (half away from zero), without trailing
/// zeros. Integer arithmetic: exact-decimal float formatting was most of the
/// engine's time.
fn places(x: f64, p: usize) -> String {
    const SCALE: [i64; 7] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
    let scale = SCALE[p.min(6)];
    let scaled = (x * scale as f64).round();
    if !scaled.is_finite() || scaled.abs() >= 1e15 {
        // Too large for decimals to matter; no float formatting (it is large in wasm).
        return match x {
            x if x.is_nan() => "NaN".to_string(),
            x if x.is_infinite() => if x > 0.0 { "infinity" } else { "-infinity" }.to_string(),
            x if x.abs() < 1e18 => (x.round() as i64).to_string(),
            x => if x > 0.0 { "more than 1e18" } else { "less than -1e18" }.to_string(),
        };
    }
    let n = scaled as i64;
    let (whole, frac) = (n.abs() / scale, n.abs() % scale);
    let mut s = String::with_capacity(12);
    if n < 0 {
        s.push('-');
    }
    s.push_str(&whole.to_string());
    if frac != 0 {
        let digits = frac.to_string();
        s.push('.');
        for _ in digits.len()..p.min(6) {
            s.push('0');
        }
        s.push_str(digits.trim_end_matches('0'));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_short() {
        assert_eq!(num(35.0), "35");
        assert_eq!(num(0.546875), "0.55");
        assert_eq!(num(91.6942), "91.69");
        assert_eq!(num(4.5), "4.5");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(-2.5), "-2.5");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(1.2), "1.2");
        assert_eq!(num(1e17), "100000000000000000");
        assert_eq!(num(1e20), "more than 1e18");
        assert_eq!(num(f64::NAN), "NaN");
        assert_eq!(num(f64::INFINITY), "infinity");
        assert_eq!(num(f64::NEG_INFINITY), "-infinity");
        assert_eq!(num(f64::MAX), "more than 1e18");
    }

    #[test]
    fn a_small_number_keeps_two_significant_digits() {
        for (x, want) in [
            (0.0045, "0.0045"),
            (0.00456, "0.0046"),
            (0.05, "0.05"),
            (0.12, "0.12"),
            (0.5, "0.5"),
            (0.0000001, "0"),
            (4.5, "4.5"),
            (35.0, "35"),
            (-0.0045, "-0.0045"),
        ] {
            assert_eq!(num_small(x), want, "{x}");
        }
    }

    #[test]
    fn a_number_near_its_limit_keeps_enough_decimals() {
        assert_eq!(num_vs(0.5004, 0.5), "0.5004");
        assert_eq!(num_vs(0.5, 0.5), "0.5");
        assert_eq!(num_vs(29.999, 30.0), "29.999");
        assert_eq!(num_vs(0.55, 0.5), "0.55");
        assert_eq!(num_vs(0.500001, 0.5), "0.500001");
    }
}
