//! Importing 10,000 features from a CSV into the sample plan (read the file, map the columns,
//! plan every row, apply the one operation with its projection), beside parsing the same CSV
//! alone into a table, measured in the same run. Target: under 1 s in a release build.
//! Run: `cargo bench -p keel-core --bench import`.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use keel_core::io::import::{table, FeatureOptions};
use std::hint::black_box;

const ROWS: usize = 10_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
}

/// A Linear-shaped export: ids, titles with commas, descriptions, statuses and priorities.
fn csv() -> String {
    let statuses = ["Backlog", "Todo", "In Progress", "Done", "Canceled"];
    let priorities = ["No priority", "Urgent", "High", "Medium", "Low"];
    let mut out = String::from("ID,Team,Title,Description,Status,Estimate,Priority,Due Date\r\n");
    for i in 0..ROWS {
        out.push_str(&format!(
            "ENG-{i},Core,\"Feature {i}, imported\",\"Why it matters, in two\nlines.\",{},{},{},2027-{:02}-15\r\n",
            statuses[i % statuses.len()],
            1 + i % 8,
            priorities[i % priorities.len()],
            1 + i % 12,
        ));
    }
    out
}

fn import(c: &mut Criterion) {
    let bytes = csv().into_bytes();
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = dir.path().join("sample.keel");
    drop(keel_core::samples::create_sample_plan(&sample, today()).expect("sample"));
    let mut group = c.benchmark_group("import 10,000 features from CSV");
    group.sample_size(10);
    group.bench_function("baseline: parse the CSV alone", |b| {
        b.iter(|| black_box(table::read(black_box(&bytes)).expect("parse")))
    });
    let mut run = 0;
    group.bench_function("import into the sample plan", |b| {
        b.iter_batched(
            || {
                run += 1;
                let copy = dir.path().join(format!("plan-{run}.keel"));
                std::fs::copy(&sample, &copy).expect("copy");
                keel_core::PlanFile::open(&copy).expect("open")
            },
            |mut file| {
                let (summary, _) = file
                    .import_features(&bytes, &FeatureOptions::default(), "Ada")
                    .expect("import");
                assert_eq!(summary.added as usize, ROWS);
                file
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
