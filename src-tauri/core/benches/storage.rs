//! The plan file at 10,000 features, each figure beside a bare-SQLite baseline measured in the
//! same run: one feature edit through the core (validate, write, commit) against a bare UPDATE
//! of one row with the same pragmas, and opening a plan and ranking it against a bare open and
//! read of the feature table. Run: `cargo bench -p keel-core --bench storage`.
//!
//! Criterion reports means; the edit's p50 and p95 (its target is p95 < 2 ms, disk commit
//! included) are measured over 400 edits of each kind and printed first. The growth of the file
//! over 10,000 edits of the sample plan is printed beside the file's size before them.

use chrono::NaiveDate;
use criterion::{criterion_group, Criterion};
use keel_core::compute::priority::{self, PriorityView};
use keel_core::samples::generate::write_large_plan;
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
        file.update_feature(&feature.id, data).expect("edit");
    };
    let mut m = 0u64;
    let mut edit_bare = || {
        m += 1;
        conn.execute(
            "UPDATE feature SET title = ?1 WHERE id = ?2",
            (format!("Edited title {m}"), &feature.id),
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
        "feature edit at 10k features: p50 {core50:.2} ms, p95 {core95:.2} ms (target p95 < 2 ms); \
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
            let ranked =
                priority::rank(&file.features().expect("features"), PriorityView::RiskFirst);
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

/// The plan file's size after 10,000 edits of the sample plan (titles, statuses and moves, as
/// a founder makes them), beside its size before: what the history costs on disk.
fn history_growth(_: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sample.keel");
    drop(keel_core::samples::create_sample_plan(&path, today()).expect("sample"));
    let before = std::fs::metadata(&path).expect("size").len();
    let mut file = PlanFile::open(&path).expect("open");
    let features = file.features().expect("features");
    let t = Instant::now();
    for n in 0..10_000usize {
        let f = &features[n % features.len()];
        let mut data = file.feature(&f.id).expect("feature").data;
        match n % 3 {
            0 => data.title = format!("{} ({n})", f.data.title),
            1 => data.description = format!("Edited {n} times."),
            _ => data.risk_level = 1 + (n % 5) as u32,
        }
        file.update_feature(&f.id, data).expect("edit");
    }
    let took = t.elapsed();
    drop(file);
    let after = std::fs::metadata(&path).expect("size").len();
    println!(
        "sample plan after 10,000 edits: {:.0} KB (before: {:.0} KB; {:.0} bytes per edit on disk); \
         10,000 edits took {:.1} s",
        after as f64 / 1e3,
        before as f64 / 1e3,
        (after - before) as f64 / 10_000.0,
        took.as_secs_f64()
    );
}

/// The resident memory of this process (kB), from /proc (Linux).
fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

/// What holding a 10,000-feature plan costs in memory, stage by stage, in a fresh process
/// (`memory_child`): the plan open with its tables read (as the window reads them), then with
/// its history read, then after one edit (the history, the undo step and the plan kept in
/// memory for the edits' analysis).
fn history_memory(_: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.keel");
    drop(write_large_plan(&path, FEATURES, 7, today()).expect("write the plan"));
    let out = std::process::Command::new(std::env::current_exe().expect("exe"))
        .env(MEMORY_CHILD, &path)
        .output()
        .expect("the child runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let stage = |name: &str| -> f64 {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{name} KB ")))
            .and_then(|n| n.trim().parse::<f64>().ok())
            .unwrap_or(f64::NAN)
            / 1024.0
    };
    if !text.contains(" KB ") {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    }
    println!(
        "memory at 10k features (resident, fresh process, each stage over the one before): \
         the plan open with its tables read +{:.1} MB; its history read +{:.1} MB; after one \
         edit +{:.1} MB",
        stage("tables"),
        stage("history"),
        stage("edit")
    );
}

/// Set to a plan's path, the benchmark binary measures the memory stages of that plan and exits.
const MEMORY_CHILD: &str = "KEEL_BENCH_MEMORY_OF";

fn memory_child(path: &Path) {
    let mut last = rss_kb();
    let mut report = |name: &str| {
        let now = rss_kb();
        println!("{name} KB {}", now.saturating_sub(last));
        last = now;
    };
    let mut file = PlanFile::open(path).expect("open");
    let tables = file.document().expect("read");
    report("tables");
    file.undo_redo_labels().expect("the history is read");
    report("history");
    let feature = tables.features[0].clone();
    let mut data = feature.data.clone();
    data.title = "Edited".into();
    file.update_feature(&feature.id, data).expect("edit");
    black_box(file.current().expect("the plan in memory"));
    report("edit");
    black_box((tables, file));
}

criterion_group!(
    benches,
    edits,
    open_and_rank,
    history_growth,
    history_memory
);

fn main() {
    if let Some(path) = std::env::var_os(MEMORY_CHILD) {
        memory_child(Path::new(&path));
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
