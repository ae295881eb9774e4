//! Merging a teammate's copy at 10,000 features: 1,000 changes of theirs into a plan that
//! lacks them (read their copy's history, import what is new, record it with its projection),
//! beside Loro alone importing the same changes into the same snapshot, measured in the same
//! run; and the same merge into a copy that made 100 edits of its own meanwhile (some of the
//! same fields: the merge then finds the conflicts). Printed first: the size of a change file
//! for one edit and for 1,000.
//! Run: `cargo bench -p keel-core --bench merge`.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use keel_core::samples::generate::write_large_plan;
use keel_core::sync::Since;
use keel_core::PlanFile;
use std::hint::black_box;
use std::path::Path;

const FEATURES: u32 = 10_000;
const CHANGES: usize = 1_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
}

/// `n` title edits by a teammate, spread over the features.
fn edit(path: &Path, n: usize) {
    edit_as(path, n, "Dana", 1);
}

/// `n` edits signed `author`, spread over the features, each setting risk level `level` (the
/// field two authors setting at once conflict on).
fn edit_as(path: &Path, n: usize, author: &str, level: u32) {
    let mut file = PlanFile::open(path).expect("open theirs");
    let features = file.features().expect("features");
    for i in 0..n {
        let f = &features[(i * 7919) % features.len()];
        let mut data = file.feature(&f.id).expect("feature").data;
        data.title = format!("{} ({author} {i})", f.data.title);
        data.risk_level = level;
        file.apply(
            keel_core::Operation::UpdateFeature {
                id: f.id.clone(),
                data,
            },
            author,
        )
        .expect("edit");
    }
}

fn merge(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mine = dir.path().join("mine.keel");
    let theirs = dir.path().join("theirs.keel");
    let one = dir.path().join("one.keel");
    drop(write_large_plan(&mine, FEATURES, 7, today()).expect("write the plan"));
    std::fs::copy(&mine, &theirs).expect("copy");
    std::fs::copy(&mine, &one).expect("copy");
    edit(&one, 1);
    edit(&theirs, CHANGES);
    let busy = dir.path().join("busy.keel");
    std::fs::copy(&mine, &busy).expect("copy");
    edit_as(&busy, 100, "Ali", 5);

    let size = |copy: &Path| {
        PlanFile::open(copy)
            .expect("open")
            .changes_file(Since::Copy(&mine))
            .expect("change file")
            .len()
    };
    let change_file = PlanFile::open(&theirs)
        .expect("open")
        .changes_file(Since::Copy(&mine))
        .expect("change file");
    println!(
        "change file: one edit {} bytes; {CHANGES} edits {} bytes ({:.0} bytes per edit)",
        size(&one),
        change_file.len(),
        change_file.len() as f64 / CHANGES as f64
    );

    // The bare import: Loro alone, the same changes into the same document.
    let mine_doc = || document(&mine);
    let updates = document(&theirs)
        .export(loro::ExportMode::updates(&mine_doc().oplog_vv()))
        .expect("the updates");

    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    group.bench_function(
        "1,000 changes of a teammate's copy into a 10k-feature plan",
        |b| {
            b.iter_batched(
                || {
                    let target = dir.path().join("target.keel");
                    std::fs::copy(&mine, &target).expect("copy");
                    PlanFile::open(&target).expect("open")
                },
                |mut file| {
                    let merged = file.merge_copy(&theirs).expect("merge");
                    assert_eq!(merged.incoming.changes as usize, CHANGES);
                    black_box(merged)
                },
                BatchSize::PerIteration,
            )
        },
    );
    group.bench_function(
        "the same into a copy with 100 edits of its own (conflicts found)",
        |b| {
            b.iter_batched(
                || {
                    let target = dir.path().join("target.keel");
                    std::fs::copy(&busy, &target).expect("copy");
                    PlanFile::open(&target).expect("open")
                },
                |mut file| {
                    let merged = file.merge_copy(&theirs).expect("merge");
                    assert!(!merged.conflicts.is_empty(), "the same fields, set at once");
                    black_box(merged)
                },
                BatchSize::PerIteration,
            )
        },
    );
    group.bench_function("baseline: Loro alone imports the same changes", |b| {
        b.iter_batched(
            mine_doc,
            |doc| {
                doc.import(&updates).expect("import");
                black_box(doc)
            },
            BatchSize::PerIteration,
        )
    });
    let busy_doc = || document(&busy);
    let busy_updates = document(&theirs)
        .export(loro::ExportMode::updates(&busy_doc().oplog_vv()))
        .expect("the updates");
    group.bench_function(
        "baseline: Loro alone imports them into the copy with 100 edits of its own",
        |b| {
            b.iter_batched(
                busy_doc,
                |doc| {
                    doc.import(&busy_updates).expect("import");
                    black_box(doc)
                },
                BatchSize::PerIteration,
            )
        },
    );
    group.finish();
}

/// A plan file's history as Loro reads it: the snapshot, then each recorded change.
fn document(path: &Path) -> loro::LoroDoc {
    let conn = rusqlite::Connection::open(path).expect("open");
    let snapshot: Vec<u8> = conn
        .query_row("SELECT bytes FROM history_snapshot WHERE id = 1", [], |r| {
            r.get(0)
        })
        .expect("snapshot");
    let mut raw = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::DeflateDecoder::new(&snapshot[..]),
        &mut raw,
    )
    .expect("inflate");
    let doc = loro::LoroDoc::from_snapshot(&raw).expect("snapshot");
    let mut stmt = conn
        .prepare("SELECT bytes FROM history_change ORDER BY seq")
        .expect("changes");
    let rows = stmt
        .query_map([], |r| r.get::<_, Vec<u8>>(0))
        .expect("rows");
    for row in rows {
        doc.import(&row.expect("row")).expect("import");
    }
    doc
}

criterion_group!(benches, merge);
criterion_main!(benches);
