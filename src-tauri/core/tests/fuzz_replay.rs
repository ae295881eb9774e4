//! Replays every input the fuzz targets keep under fuzz/ (their seeds, the corpus the fuzzer
//! grew, and every input that ever crashed one) through the same bodies the fuzzer runs, so a
//! plain `cargo test` on stable proves each stays fixed. `make fuzz` grows the corpus.

#[path = "../../../fuzz/src/targets.rs"]
mod targets;

use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// Every input kept for `target`: its corpus and its crash inputs.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for kind in ["corpus", "artifacts"] {
        let dir = fuzz_dir().join(kind).join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a corpus entry").path();
            if path.is_file() {
                let bytes = std::fs::read(&path).expect("a corpus input reads");
                found.push((path, bytes));
            }
        }
    }
    found.sort();
    found
}

fn replay(target: &str, run: impl Fn(&[u8])) {
    let inputs = inputs(target);
    assert!(
        inputs.len() >= 13,
        "the {target} corpus holds its seeds (found {})",
        inputs.len()
    );
    for (path, bytes) in inputs {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&bytes)));
        assert!(
            outcome.is_ok(),
            "{target}: the input {} fails (replay it with `cargo fuzz run {target} {}`)",
            path.display(),
            path.display()
        );
    }
}

#[test]
fn every_kept_plan_file_input_opens_or_is_refused() {
    replay("open_plan", targets::open_plan);
}

#[test]
fn every_kept_json_input_imports_or_is_refused() {
    replay("import_json", targets::import_json);
}

#[test]
fn every_kept_change_file_input_merges_or_is_refused() {
    let base = std::fs::read(fuzz_dir().join("seeds/base.keel")).expect("the base plan");
    replay("change_file", |bytes| {
        targets::merge_change_file(&base, bytes)
    });
}

#[test]
fn every_kept_import_file_input_imports_or_is_refused() {
    let base = std::fs::read(fuzz_dir().join("seeds/base.keel")).expect("the base plan");
    replay("import_csv", |bytes| targets::import_csv(&base, bytes));
}

#[test]
fn every_kept_program_of_forged_changes_merges_or_is_refused() {
    let base = std::fs::read(fuzz_dir().join("seeds/base.keel")).expect("the base plan");
    replay("change_ops", |bytes| {
        targets::merge_forged_ops(&base, bytes)
    });
}
