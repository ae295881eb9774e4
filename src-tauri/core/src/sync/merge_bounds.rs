//! The merge's bounds, tried with change files written past Keel (straight into the history
//! library, as a hostile or broken program could): each is refused whole with what it crossed,
//! the plan is left byte for byte, and the bytes never reach the plan's state.

use super::{merge, Since};
use crate::domain::FeatureData;
use crate::store::history::tree::Stored;
use crate::store::history::{commit, Note};
use crate::store::PlanFile;
use chrono::NaiveDate;
use loro::{ExportMode, LoroDoc, LoroMap, LoroText};
use std::path::{Path, PathBuf};

pub(super) fn sample(dir: &Path) -> (PlanFile, PathBuf) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let path = dir.join("mine.keel");
    drop(crate::samples::create_sample_plan(&path, today).unwrap());
    (PlanFile::open(&path).unwrap(), path)
}

/// A change file for `plan` whose changes `write` makes in a copy of its history, under
/// `peer`, with Dana's name on them and every check of Keel's skipped.
pub(super) fn forged(plan: &mut PlanFile, peer: u64, write: impl FnOnce(&LoroDoc)) -> Vec<u8> {
    let history = plan.history().unwrap();
    let before = history.version();
    let doc = history.doc.fork();
    doc.set_peer_id(peer).unwrap();
    write(&doc);
    commit(&doc, &Note::new("Edited", "Dana"), 1_795_000_000, None);
    let changes = doc.export(ExportMode::updates(&before)).unwrap();
    merge::encode(&plan.plan_id().unwrap(), &changes)
}

/// The first feature's record in `doc`.
fn first_feature(doc: &LoroDoc) -> LoroMap {
    let features = doc.get_map(FeatureData::ROOT);
    let id = features.keys().next().unwrap().to_string();
    match features.get(&id).unwrap() {
        loro::ValueOrContainer::Container(loro::Container::Map(map)) => map,
        other => panic!("a feature's record is a map, not {other:?}"),
    }
}

/// `n` maps, each inside the one before, from the plan's features.
pub(super) fn nest(doc: &LoroDoc, n: usize) {
    let mut map = doc.get_map(FeatureData::ROOT);
    for i in 0..n {
        map = map
            .insert_container(&format!("n{i}"), LoroMap::new())
            .unwrap();
    }
}

/// A title of `chars` characters written as Loro text into the first feature.
pub(super) fn long_title(doc: &LoroDoc, chars: usize) {
    let title = first_feature(doc)
        .insert_container("title", LoroText::new())
        .unwrap();
    title.insert(0, &"x".repeat(chars)).unwrap();
}

/// `n` new feature records (each a map with a title text), as an import would write them.
pub(super) fn many_features(doc: &LoroDoc, n: usize) {
    let features = doc.get_map(FeatureData::ROOT);
    for i in 0..n {
        let record = features
            .insert_container(&format!("f{i:06}"), LoroMap::new())
            .unwrap();
        record
            .insert_container("title", LoroText::new())
            .unwrap()
            .insert(0, "t")
            .unwrap();
    }
}

fn assert_refused(plan: &mut PlanFile, path: &Path, bytes: &[u8], says: &str) {
    let before = std::fs::read(path).unwrap();
    let features = plan.features().unwrap();
    let err = plan.merge_change_file(bytes).unwrap_err().to_string();
    assert!(err.contains(says), "expected “{says}” in: {err}");
    assert!(err.contains("nothing was merged"), "{err}");
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "{says}: nothing written"
    );
    // The plan reads on as it was.
    assert_eq!(plan.features().unwrap(), features);
}

#[test]
fn parts_nested_deeper_than_a_plan_are_refused_before_they_are_applied() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, path) = sample(dir.path());
    let bytes = forged(&mut plan, 7, |doc| nest(doc, 3_000));
    assert!(
        bytes.len() < 1_000_000,
        "a small file: {} bytes",
        bytes.len()
    );
    assert_refused(&mut plan, &path, &bytes, "parts nested 5 deep");
}

#[test]
fn a_text_longer_than_any_field_can_grow_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, path) = sample(dir.path());
    let bytes = forged(&mut plan, 7, |doc| long_title(doc, 5_000_000));
    assert_refused(
        &mut plan,
        &path,
        &bytes,
        "a text of more than 1000000 characters",
    );
    // A long title within the bound is read, and refused by the title's own rule.
    let bytes = forged(&mut plan, 8, |doc| long_title(doc, 100_000));
    assert_refused(&mut plan, &path, &bytes, "Title");
}

#[test]
fn more_records_than_a_change_file_may_create_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, path) = sample(dir.path());
    let bytes = forged(&mut plan, 7, |doc| many_features(doc, 60_000));
    assert_refused(
        &mut plan,
        &path,
        &bytes,
        "more than 100000 new records and texts",
    );
}

#[test]
fn a_large_or_deeply_nested_plain_value_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, path) = sample(dir.path());
    let bytes = forged(&mut plan, 7, |doc| {
        first_feature(doc)
            .insert("notes", "x".repeat(1_000_000))
            .unwrap();
    });
    assert_refused(&mut plan, &path, &bytes, "a value of more than 64 KB");
    let bytes = forged(&mut plan, 8, |doc| {
        let mut value = loro::LoroValue::from("x");
        for _ in 0..100 {
            value = loro::LoroValue::from(vec![value]);
        }
        first_feature(doc).insert("notes", value).unwrap();
    });
    assert_refused(&mut plan, &path, &bytes, "a value nested more than 8 deep");
    let bytes = forged(&mut plan, 9, |doc| {
        first_feature(doc).insert(&"k".repeat(10_000), 1).unwrap();
    });
    assert_refused(&mut plan, &path, &bytes, "a field name of 10000 bytes");
}

#[test]
fn a_whole_document_in_a_change_file_is_refused_before_it_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, path) = sample(dir.path());
    let snapshot = plan
        .history()
        .unwrap()
        .doc
        .export(ExportMode::Snapshot)
        .unwrap();
    let bytes = merge::encode(&plan.plan_id().unwrap(), &snapshot);
    assert_refused(&mut plan, &path, &bytes, "it holds a whole document");
}

#[test]
fn changes_that_reuse_known_ids_with_other_content_are_refused_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, path) = sample(dir.path());
    let rename = |title: &'static str| {
        move |doc: &LoroDoc| {
            let text = first_feature(doc).get("title").unwrap();
            let loro::ValueOrContainer::Container(loro::Container::Text(text)) = text else {
                panic!("a title is text");
            };
            text.update(title, Default::default()).unwrap();
        }
    };
    // Two files under one peer and the same counters, with different words.
    let one = forged(&mut plan, 42, rename("Guided setup"));
    let other = forged(&mut plan, 42, rename("Self-serve setup"));
    plan.merge_change_file(&one).unwrap();
    // The same file again is nothing new, and says so.
    let again = plan.merge_change_file(&one).unwrap();
    assert_eq!(again.incoming.changes, 0);
    assert_refused(
        &mut plan,
        &path,
        &other,
        "under ids this plan already has for other changes",
    );
    let titles: Vec<String> = plan
        .features()
        .unwrap()
        .into_iter()
        .map(|f| f.data.title)
        .collect();
    assert!(titles.contains(&"Guided setup".to_string()));
    assert!(!titles.contains(&"Self-serve setup".to_string()));

    // Both in a sync folder, neither merged yet: one is taken, the other set aside.
    let fresh = dir.path().join("fresh");
    std::fs::create_dir(&fresh).unwrap();
    let (mut copy, _) = sample(&fresh);
    let shared = dir.path().join("shared");
    copy.sync_folder(&shared, &mut Default::default()).unwrap();
    let one = forged(&mut copy, 42, rename("Guided setup"));
    let other = forged(&mut copy, 42, rename("Self-serve setup"));
    let folder = super::plan_folder(&shared, &copy.plan_id().unwrap());
    std::fs::write(folder.join("a.keelchanges"), &one).unwrap();
    std::fs::write(folder.join("b.keelchanges"), &other).unwrap();
    let synced = copy.sync_folder(&shared, &mut Default::default()).unwrap();
    assert_eq!(synced.refused.len(), 1, "{:?}", synced.refused);
    assert!(
        synced.refused[0].contains("“b.keelchanges”")
            && synced.refused[0].contains("ids this plan already has"),
        "{:?}",
        synced.refused
    );
}

#[test]
fn a_panic_inside_the_history_library_is_a_refusal_not_a_crash() {
    let err = merge::guarded::<()>(|| panic!("an index out of range in the library"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("the history library failed on its changes"),
        "{err}"
    );
    assert!(err.contains("nothing was merged"), "{err}");
}

#[test]
fn a_teammates_ordinary_change_file_passes_every_bound() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, _) = sample(dir.path());
    let theirs = dir.path().join("theirs.keel");
    std::fs::copy(plan.path(), &theirs).unwrap();
    let mut theirs = PlanFile::open(&theirs).unwrap();
    let mut feature = theirs.features().unwrap()[2].clone();
    feature.data.title = "Renamed by Dana".into();
    feature.data.description = "A longer description. ".repeat(500);
    theirs.update_feature(&feature.id, feature.data).unwrap();
    let whole = theirs.changes_file(Since::Start).unwrap();
    let merged = plan.merge_change_file(&whole).unwrap();
    assert_eq!(merged.incoming.changes, 1);
    // A fresh copy takes the whole history of the plan in one file.
    let (_, changes) = merge::decode(&whole).unwrap();
    super::screen::header(changes).unwrap();
}

/// The address space a hostile merge is given below: the test binary itself, its thread and
/// the plan take about a third of it.
const MEMORY_BOUND_KB: u64 = 1_500_000;

/// A hostile file's name, what writes it, and what its refusal must say.
type Case = (&'static str, fn(&LoroDoc), &'static str);

#[test]
fn hostile_change_files_are_refused_within_a_memory_bound() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, path) = sample(dir.path());
    // Each file, and what its refusal must say.
    let cases: [Case; 4] = [
        ("nest", |doc| nest(doc, 3_000), "parts nested 5 deep"),
        (
            "title",
            |doc| long_title(doc, 5_000_000),
            "a text of more than",
        ),
        (
            "records",
            |doc| many_features(doc, 100_000),
            "more than 100000 new records",
        ),
        // Within every bound, so read whole into the plan's state, and refused by the rules.
        (
            "records within the bounds",
            |doc| many_features(doc, 30_000),
            "cannot be read as a plan (an item cannot be read: missing field",
        ),
    ];
    let files: Vec<PathBuf> = cases
        .iter()
        .map(|(name, write, _)| {
            let file = dir.path().join(format!("{name}.keelchanges"));
            std::fs::write(&file, forged(&mut plan, 7, write)).unwrap();
            file
        })
        .collect();
    // The plan is opened by each child alone.
    drop(plan);
    let exe = std::env::current_exe().unwrap();
    for ((name, _, says), file) in cases.iter().zip(&files) {
        // In a child process of this test binary, its address space capped: a merge that
        // went past the bound would fail to allocate and abort, never print its refusal.
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v {MEMORY_BOUND_KB} && exec \"$0\" --exact \
                 sync::merge_bounds::one_merge_in_a_child_process --ignored --nocapture \
                 --test-threads=1"
            ))
            .arg(&exe)
            .env("KEEL_MERGE_PLAN", &path)
            .env("KEEL_MERGE_FILE", file)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let peak = stdout
            .lines()
            .find_map(|l| l.strip_prefix("peak "))
            .unwrap_or("unknown");
        println!("{name}: {} bytes, peak resident {peak}", file_len(file));
        assert!(
            out.status.success() && stdout.contains("refused: ") && stdout.contains(says),
            "{name}: {}\n{stdout}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// One merge, run by the test above in a child process (ignored in an ordinary run).
#[test]
#[ignore = "run by hostile_change_files_are_refused_within_a_memory_bound, under ulimit -v"]
fn one_merge_in_a_child_process() {
    let plan = std::env::var_os("KEEL_MERGE_PLAN").expect("run by the memory-bound test");
    let file = std::env::var_os("KEEL_MERGE_FILE").expect("run by the memory-bound test");
    let mut plan = PlanFile::open(Path::new(&plan)).unwrap();
    match plan.merge_path(Path::new(&file)) {
        Ok(merged) => println!("merged: {}", merged.incoming.summary()),
        Err(e) => println!("refused: {e}"),
    }
    // The peak resident memory of this process, for RELIABILITY.md's figures.
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .unwrap_or("VmHWM: unknown");
    println!("peak {}", peak.trim_start_matches("VmHWM:").trim());
}
