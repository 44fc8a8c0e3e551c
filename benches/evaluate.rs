//! `evaluate` on a full answer set and on an empty one.
//! Target: under 20 microseconds per full evaluation.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use misle_check::{evaluate, from_json, Answers};

fn bench(c: &mut Criterion) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
    let full = from_json(include_str!("../tests/data/contract-example.json")).unwrap_or_default();
    let empty = Answers::default();
    c.bench_function("evaluate full answers", |b| b.iter(|| evaluate(black_box(&full), black_box(today))));
    c.bench_function("evaluate empty answers", |b| b.iter(|| evaluate(black_box(&empty), black_box(today))));
    c.bench_function("parse and evaluate full answers (JSON text)", |b| {
        let text = include_str!("../tests/data/contract-example.json");
        b.iter(|| from_json(black_box(text)).map(|a| evaluate(&a, today)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
