//! The fuzz targets' bodies. Each takes arbitrary bytes, feeds them to one reader of the app,
//! and panics only when the reader breaks a promise: it may refuse the input with an error, but
//! it may not panic, and it may not change the file it was reading (nor, for a refused merge,
//! the plan it was merging into).

use keel_core::{Mode, PlanFile};
use std::path::Path;

/// Opens `bytes` as a plan file as `keel info` does and reads everything it shows, then opens
/// it for editing.
pub fn open_plan(bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("input.keel");
    std::fs::write(&path, bytes).expect("the input is written");
    if let Ok(info) = keel_core::info::file_info(&path) {
        // What info prints must be printable.
        let _ = info.to_string();
    }
    let _ = PlanFile::open_with(&path, Mode::Inspect).and_then(|f| f.features().map(|_| ()));
    // `keel info` never writes: the bytes are the same after reading them, and nothing is
    // left beside them.
    assert_unchanged(&path, bytes, "a plan file read by info");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the folder lists")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert_eq!(
        left.len(),
        1,
        "reading a plan leaves no file beside it: {left:?}"
    );
    // A file that is not a healthy plan of a readable format is refused before any write. A
    // healthy one may be upgraded, so its bytes are compared only on refusal.
    let opened = PlanFile::open_with(&path, Mode::Edit).map(drop);
    if opened.is_err() {
        assert_unchanged(&path, bytes, "a refused plan file");
    }
}

/// Imports `bytes` as a JSON export into a new plan file.
pub fn import_json(bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let source = dir.path().join("input.json");
    let plan = dir.path().join("imported.keel");
    std::fs::write(&source, bytes).expect("the input is written");
    match keel_core::export::json::import(&plan, &source) {
        Ok(file) => {
            // An accepted import is a plan that reads back.
            file.plan().expect("an imported plan reads back");
            drop(file);
            let check = keel_core::info::file_info(&plan).expect("an imported plan opens");
            assert_eq!(check.integrity, "ok");
        }
        Err(_) => assert!(!plan.exists(), "a refused import leaves no plan file"),
    }
    assert_unchanged(&source, bytes, "an imported JSON file");
}

/// Merges `bytes` as a change file into a copy of the plan whose bytes are `base`.
pub fn merge_change_file(base: &[u8], bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let plan = dir.path().join("plan.keel");
    let changes = dir.path().join("input.keelchanges");
    std::fs::write(&plan, base).expect("the plan is written");
    std::fs::write(&changes, bytes).expect("the input is written");
    let mut file = PlanFile::open(&plan).expect("the base plan opens");
    let before = file.document().expect("the base plan reads");
    match file.merge_path(&changes) {
        Ok(_) => {
            file.document().expect("a merged plan reads back");
            assert_eq!(file.integrity_check().expect("integrity check"), "ok");
        }
        Err(_) => {
            let after = file
                .document()
                .expect("the plan reads after a refused merge");
            assert_eq!(before, after, "a refused change file changes nothing");
        }
    }
    drop(file);
    assert_unchanged(&changes, bytes, "a merged change file");
}

/// Imports `bytes` as a feature file (CSV, TSV or Trello JSON) and as traction numbers into a
/// copy of the plan whose bytes are `base`: previews and imports may refuse, but a refused one
/// changes nothing and an accepted one leaves a plan whose tables show what its history holds.
pub fn import_csv(base: &[u8], bytes: &[u8]) {
    use keel_core::import::{ActualsOptions, FeatureOptions};
    let dir = tempfile::tempdir().expect("a temporary folder");
    let plan = dir.path().join("plan.keel");
    std::fs::write(&plan, base).expect("the plan is written");
    let mut file = PlanFile::open(&plan).expect("the base plan opens");
    let _ = file.preview_feature_import(bytes, &FeatureOptions::default());
    let _ = file.preview_traction_import(bytes, &ActualsOptions::default());
    for features in [true, false] {
        let before = file.document().expect("the plan reads");
        let imported = if features {
            file.import_features(bytes, &FeatureOptions::default(), "Fuzz")
                .map(drop)
        } else {
            file.import_traction(bytes, &ActualsOptions::default(), "Fuzz")
                .map(drop)
        };
        let mut after = file.document().expect("the plan reads after an import");
        match imported {
            Ok(()) => {
                assert_eq!(file.integrity_check().expect("integrity check"), "ok");
                let mut history = file.history_document().expect("the history reads");
                after.plan.updated_at.clear();
                history.plan.updated_at.clear();
                assert!(after == history, "the tables show what the history holds");
            }
            Err(_) => assert_eq!(before, after, "a refused import changes nothing"),
        }
    }
}

fn assert_unchanged(path: &Path, bytes: &[u8], what: &str) {
    let now = std::fs::read(path).expect("the input reads back");
    assert!(now == bytes, "{what} was modified");
}
