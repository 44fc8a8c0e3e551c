//! Runs `evaluate` in a loop for profiling: `perf record` this example.
fn main() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
    let full = misle_check::from_json(include_str!("../tests/data/contract-example.json")).unwrap_or_default();
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let mut verdicts = 0usize;
    for _ in 0..n {
        let r = misle_check::evaluate(std::hint::black_box(&full), today);
        verdicts += r.criteria.len();
    }
    println!("{verdicts}");
}
