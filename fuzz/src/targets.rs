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
    if let Ok(info) = keel_core::io::info::file_info(&path) {
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
    match keel_core::io::export::json::import(&plan, &source) {
        Ok(file) => {
            // An accepted import is a plan that reads back.
            file.plan().expect("an imported plan reads back");
            drop(file);
            let check = keel_core::io::info::file_info(&plan).expect("an imported plan opens");
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
    use keel_core::io::import::{ActualsOptions, FeatureOptions};
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

/// Reads `bytes` as a program of the history library's operations, writes them into a copy of
/// the plan's history under a new peer, and merges the change file they make as
/// [`merge_change_file`] does: every input is a well-formed change file of this plan, so the
/// fuzzer explores what changes do (nesting, long texts, odd values, deleted records, a
/// reordered list), not only what a header says.
pub fn merge_forged_ops(base: &[u8], bytes: &[u8]) {
    use loro::{LoroDoc, LoroMap, LoroText, LoroValue};
    let dir = tempfile::tempdir().expect("a temporary folder");
    let plan = dir.path().join("plan.keel");
    std::fs::write(&plan, base).expect("the plan is written");
    let (plan_id, whole) = {
        let mut file = PlanFile::open(&plan).expect("the base plan opens");
        let whole = file
            .changes_file(keel_core::sync::Since::Start)
            .expect("the plan's history exports");
        (file.plan_id().expect("a plan identity"), whole)
    };
    let (_, changes) = keel_core::sync::read_change_file(&whole).expect("a change file");
    let doc = LoroDoc::new();
    doc.import(changes).expect("the plan's own history imports");
    let before = doc.oplog_vv();
    doc.set_peer_id(0xF0F0).expect("a peer id");

    const ROOTS: &[&str] = &[
        "meta",
        "plan",
        "canvas",
        "goal",
        "features",
        "teams",
        "milestones",
        "actuals",
        "factory",
        "versions",
    ];
    const KEYS: &[&str] = &[
        "title",
        "description",
        "effort_weeks",
        "impact",
        "confidence",
        "status",
        "risk",
        "deleted",
        "start_date",
        "end_date",
        "team_id",
        "milestone_id",
        "currency",
    ];
    let mut maps: Vec<LoroMap> = ROOTS.iter().map(|r| doc.get_map(*r)).collect();
    let features = doc.get_map("features");
    for key in features.keys() {
        if let Some(loro::ValueOrContainer::Container(loro::Container::Map(record))) =
            features.get(&key)
        {
            maps.push(record);
        }
    }
    let mut texts: Vec<LoroText> = Vec::new();
    let order = doc.get_movable_list("feature_order");
    let mut input = bytes.iter().copied();
    let mut next = move || input.next();
    while let Some(op) = next() {
        let pick = usize::from(next().unwrap_or(0));
        let arg = next().unwrap_or(0);
        let key = KEYS[usize::from(arg) % KEYS.len()];
        let map = &maps[pick % maps.len()];
        let _ = match op % 9 {
            0 => map.insert(key, i64::from(arg) - 128).map(drop),
            1 => map.insert(key, f64::from(arg) / 7.0 - 5.0).map(drop),
            2 => map.insert(key, "x".repeat(usize::from(arg) * 16)).map(drop),
            3 => map
                .insert_container(key, LoroMap::new())
                .map(|m| maps.push(m)),
            4 => map
                .insert_container(key, LoroText::new())
                .map(|t| texts.push(t)),
            5 => match texts.get(pick % texts.len().max(1)) {
                Some(text) => {
                    let at = usize::from(arg) % (text.len_unicode() + 1);
                    text.insert(at, &"é".repeat(usize::from(arg) + 1))
                }
                None => Ok(()),
            },
            6 => map.delete(key),
            7 => match order.len() {
                0 => Ok(()),
                n => order.mov(pick % n, usize::from(arg) % n),
            },
            _ => {
                let value = LoroValue::from(vec![LoroValue::from(key); usize::from(arg)]);
                map.insert(key, value).map(drop)
            }
        };
        if op >= 240 {
            doc.set_next_commit_message(&format!("Edited\u{1b}[{arg}m"));
            doc.commit();
        }
    }
    doc.commit();
    let forged = doc
        .export(loro::ExportMode::updates(&before))
        .expect("the changes export");
    merge_change_file(base, &keel_core::sync::change_file(&plan_id, &forged));
}
