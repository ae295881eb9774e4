//! Ranking plus the full plan check on a generated 10,000-feature plan (target: under 20 ms
//! together, release build). Run: `cargo bench -p keel-core --bench analysis`.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use keel_core::compute::check::check;
use keel_core::compute::priority::{rank, PriorityView};
use keel_core::samples::generate::large_plan;
use std::hint::black_box;

fn analysis(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
    let plan = large_plan(10_000, 7, today);
    c.bench_function("rank risk-first, 10k features", |b| {
        b.iter(|| rank(black_box(&plan.features), PriorityView::RiskFirst))
    });
    let ranking = rank(&plan.features, PriorityView::RiskFirst);
    c.bench_function("plan check, 10k features", |b| {
        b.iter(|| check(black_box(&plan), &ranking, today))
    });
    // The floor of any ranking: sorting the same features by class, level and position, with
    // no reasons and no views.
    c.bench_function("baseline: sort 10k features by class and level", |b| {
        b.iter(|| {
            let mut order: Vec<_> = black_box(&plan.features).iter().collect();
            order.sort_by_key(|f| {
                (
                    f.data.risk_class as u8,
                    std::cmp::Reverse(f.data.risk_level),
                    f.position,
                )
            });
            order.len()
        })
    });
    c.bench_function("rank + plan check, 10k features", |b| {
        b.iter(|| {
            let ranked = rank(black_box(&plan.features), PriorityView::RiskFirst);
            let findings = check(black_box(&plan), &ranked, today);
            (ranked.len(), findings.len())
        })
    });
}

criterion_group!(benches, analysis);
criterion_main!(benches);
