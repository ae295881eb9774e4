//! Export speed, release build: the PDF of the sample plan and of a 100-feature plan (target
//! under 1 s each) beside a minimal one-page document compiled in the same world (the floor of
//! any Typst compile), and the Markdown of a 10,000-feature plan (target under 0.5 s).
//! Typst memoises compiles; each iteration clears that cache first, so every figure is a full
//! compile (fonts stay loaded, as in the running app).
//! Run: `cargo bench -p keel-core --bench export`.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use keel_core::compute::analysis::analyse;
use keel_core::io::export::pdf;
use keel_core::io::export::{render, report, ExportFormat};
use keel_core::samples::generate::large_plan;
use std::hint::black_box;

fn exports(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary folder: {e}"));
    let sample = keel_core::samples::create_sample_plan(&dir.path().join("s.keel"), today)
        .unwrap_or_else(|e| panic!("the sample plan: {e}"));
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function("baseline: minimal one-page document", |b| {
        b.iter(|| {
            typst::comemo::evict(0);
            pdf::compile("Hello", b"{}".to_vec(), today)
        })
    });
    group.bench_function("sample plan", |b| {
        b.iter(|| render(black_box(&sample), ExportFormat::Pdf, today, None))
    });
    let hundred = large_plan(100, 3, today);
    let hundred_analysis = analyse(&hundred, today);
    let hundred_report = report::build(&hundred, &hundred_analysis, None);
    group.bench_function("100-feature plan", |b| {
        b.iter(|| pdf::render(black_box(&hundred), &hundred_report, &hundred_analysis))
    });
    group.finish();

    let big = large_plan(10_000, 7, today);
    let mut group = c.benchmark_group("markdown");
    group.sample_size(10);
    group.bench_function("10k features (analysis, report + Markdown)", |b| {
        b.iter(|| {
            let analysis = analyse(black_box(&big), today);
            keel_core::io::export::markdown_of(&report::build(&big, &analysis, None))
        })
    });
    // The floor: one formatted line per feature with its title and description, no ranking,
    // no escaping, no check.
    group.bench_function("baseline: one plain line per feature", |b| {
        b.iter(|| {
            let mut out = String::new();
            for f in &black_box(&big).features {
                out.push_str(&format!(
                    "- {} ({:?}, {}): {}\n",
                    f.data.title, f.data.risk_class, f.data.risk_level, f.data.description
                ));
            }
            out
        })
    });
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
