//! The plan file at 10,000 features, each figure beside a bare-SQLite baseline measured in the
//! same run: one feature edit through the core (validate, write, commit) against a bare UPDATE
//! of one row with the same pragmas, and opening a plan and ranking it against a bare open and
//! read of the feature table. Run: `cargo bench -p keel-core --bench storage`.
//!
//! Criterion reports means; the edit's p50 and p95 (its target is p95 < 16 ms) are measured
//! over 400 edits of each kind and printed first.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use keel_core::analysis;
use keel_core::generate::write_large_plan;
use keel_core::priority::PriorityView;
use keel_core::PlanFile;
use rusqlite::Connection;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const FEATURES: u32 = 10_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
}

/// A connection set up as the core sets up its own (rollback journal, synchronous=FULL).
fn bare(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("open the copy");
    let _: String = conn
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .expect("journal mode");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("sync");
    conn.pragma_update(None, "foreign_keys", true).expect("fk");
    conn
}

fn percentiles(mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    (at(0.50).as_secs_f64() * 1e3, at(0.95).as_secs_f64() * 1e3)
}

fn edits(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let core_path = dir.path().join("core.keel");
    let bare_path = dir.path().join("bare.keel");
    drop(write_large_plan(&core_path, FEATURES, 7, today()).expect("write the plan"));
    std::fs::copy(&core_path, &bare_path).expect("copy the plan");

    let mut file = PlanFile::open(&core_path).expect("open the plan");
    let feature = file.features().expect("features")[FEATURES as usize / 2].clone();
    let conn = bare(&bare_path);
    let mut n = 0u64;
    let mut edit_core = |file: &mut PlanFile| {
        n += 1;
        let mut data = feature.data.clone();
        data.title = format!("Edited title {n}");
        file.update_feature(feature.id, data).expect("edit");
    };
    let mut m = 0u64;
    let mut edit_bare = || {
        m += 1;
        conn.execute(
            "UPDATE feature SET title = ?1 WHERE id = ?2",
            (format!("Edited title {m}"), feature.id),
        )
        .expect("update");
    };

    let mut core_samples = Vec::new();
    let mut bare_samples = Vec::new();
    for _ in 0..400 {
        let t = Instant::now();
        edit_core(&mut file);
        core_samples.push(t.elapsed());
        let t = Instant::now();
        edit_bare();
        bare_samples.push(t.elapsed());
    }
    let (core50, core95) = percentiles(core_samples);
    let (bare50, bare95) = percentiles(bare_samples);
    println!(
        "feature edit at 10k features: p50 {core50:.2} ms, p95 {core95:.2} ms (target p95 < 16 ms); \
         bare UPDATE: p50 {bare50:.2} ms, p95 {bare95:.2} ms; ratio p50 {:.2}×, p95 {:.2}×",
        core50 / bare50,
        core95 / bare95
    );

    let mut group = c.benchmark_group("edit");
    group.sample_size(60);
    group.bench_function("one feature through the core, 10k features", |b| {
        b.iter(|| edit_core(&mut file))
    });
    group.bench_function("baseline: bare UPDATE of one row", |b| {
        b.iter(&mut edit_bare)
    });
    group.finish();
}

fn open_and_rank(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.keel");
    drop(write_large_plan(&path, FEATURES, 7, today()).expect("write the plan"));
    let mut group = c.benchmark_group("open");
    group.sample_size(20);
    group.bench_function("open a 10k-feature plan and rank it", |b| {
        b.iter(|| {
            let file = PlanFile::open(black_box(&path)).expect("open");
            let features = file.features().expect("features");
            let ranked = analysis::ranked_features(&file, PriorityView::RiskFirst).expect("rank");
            (features.len(), ranked.len())
        })
    });
    group.bench_function("baseline: bare open and read of the feature table", |b| {
        b.iter(|| {
            let conn = bare(black_box(&path));
            let mut stmt = conn.prepare("SELECT * FROM feature").expect("prepare");
            let columns = stmt.column_count();
            let rows: Vec<Vec<rusqlite::types::Value>> = stmt
                .query_map([], |r| (0..columns).map(|i| r.get(i)).collect())
                .expect("query")
                .collect::<rusqlite::Result<_>>()
                .expect("rows");
            rows.len()
        })
    });
    group.finish();
}

criterion_group!(benches, edits, open_and_rank);
criterion_main!(benches);
