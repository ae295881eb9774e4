//! Syncing through a shared folder: each copy writes what the folder lacks as a new change file
//! and imports what teammates' files hold; partial files wait, duplicates import once, files
//! arriving out of order wait for what they follow, and the plan file never goes in the folder.
//! The folder starts where the first copy to link it was: it holds no copy of the whole plan
//! unless the team writes one, and a copy older than that start is brought up to date.

mod common;

use common::{add_feature as add, comparable, empty_plan};
use keel_core::domain::*;
use keel_core::sync::plan_folder;
use keel_core::{CoreError, PlanDocument, PlanFile};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

struct Team {
    _dir: tempfile::TempDir,
    shared: PathBuf,
    ali: PathBuf,
    dana: PathBuf,
}

/// Two founders' copies of one plan (one feature), both linked to the folder they share.
fn team() -> Team {
    let team = unlinked();
    sync(&team.ali, &team.shared);
    sync(&team.dana, &team.shared);
    team
}

/// The same, before either copy linked the folder.
fn unlinked() -> Team {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    let (mut file, ali) = empty_plan(&plans);
    file.create_feature(FeatureData::new("Interviews", RiskClass::Business))
        .unwrap();
    drop(file);
    let dana = plans.join("dana.keel");
    std::fs::copy(&ali, &dana).unwrap();
    let shared = dir.path().join("Sync");
    std::fs::create_dir(&shared).unwrap();
    Team {
        _dir: dir,
        shared,
        ali,
        dana,
    }
}

fn sync(path: &Path, shared: &Path) -> keel_core::sync::Synced {
    PlanFile::open(path)
        .unwrap()
        .sync_folder(shared, &mut HashSet::new())
        .unwrap()
}

fn titles(path: &Path) -> Vec<String> {
    let mut t = common::titles(path);
    t.sort();
    t
}

fn plan(path: &Path) -> PlanDocument {
    comparable(PlanFile::open(path).unwrap().document().unwrap())
}

/// The change files in the plan's folder.
fn files(team: &Team) -> Vec<PathBuf> {
    let mut out = everything(team);
    out.retain(|p| p.extension().is_some_and(|x| x == "keelchanges"));
    out
}

/// Every file in the plan's folder.
fn everything(team: &Team) -> Vec<PathBuf> {
    let folder = plan_folder(
        &team.shared,
        &PlanFile::open(&team.ali).unwrap().plan_id().unwrap(),
    );
    let mut out: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn each_copy_writes_what_the_folder_lacks_and_takes_what_the_others_wrote() {
    let team = team();
    add(&team.ali, "Pricing page", "Ali");
    let first = sync(&team.ali, &team.shared);
    assert!(first.merged.is_none());
    let name = first.wrote.expect("Ali's changes go to the folder");
    assert!(name.ends_with(".keelchanges"), "{name}");
    assert_eq!(files(&team).len(), 1);
    assert!(
        sync(&team.ali, &team.shared).wrote.is_none(),
        "nothing new: nothing written again"
    );

    let dana = sync(&team.dana, &team.shared);
    let merged = dana.merged.expect("Ali's work comes in");
    assert!(merged
        .incoming
        .by
        .iter()
        .any(|c| c.author == "Ali" && c.labels.contains(&"Added “Pricing page”".to_string())));
    assert!(dana.wrote.is_none(), "Dana had nothing the folder lacked");

    add(&team.dana, "Sharding", "Dana");
    assert!(sync(&team.dana, &team.shared).wrote.is_some());
    let ali = sync(&team.ali, &team.shared);
    assert_eq!(
        ali.merged.expect("Dana's work").incoming.by[0].author,
        "Dana"
    );
    assert_eq!(
        titles(&team.ali),
        vec!["Interviews", "Pricing page", "Sharding"]
    );
    assert_eq!(plan(&team.ali), plan(&team.dana));
    for f in everything(&team) {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.starts_with('.'), "no temporary file is left: {name}");
    }
}

#[test]
fn a_file_still_being_copied_waits_and_a_duplicate_imports_once() {
    let team = team();
    add(&team.ali, "Pricing page", "Ali");
    sync(&team.ali, &team.shared);
    let written = files(&team).remove(0);
    let bytes = std::fs::read(&written).unwrap();
    // The sync engine has copied half of it so far.
    std::fs::write(&written, &bytes[..bytes.len() / 2]).unwrap();
    let before = std::fs::read(&team.dana).unwrap();
    let mut seen = HashSet::new();
    let mut dana = PlanFile::open(&team.dana).unwrap();
    let partial = dana.sync_folder(&team.shared, &mut seen).unwrap();
    assert!(partial.merged.is_none());
    assert_eq!(partial.waiting, 1);
    drop(dana);
    assert_eq!(
        std::fs::read(&team.dana).unwrap(),
        before,
        "nothing written"
    );

    std::fs::write(&written, &bytes).unwrap();
    let copy = written.with_file_name("Ali's changes (conflicted copy).keelchanges");
    std::fs::write(&copy, &bytes).unwrap();
    let mut dana = PlanFile::open(&team.dana).unwrap();
    let whole = dana.sync_folder(&team.shared, &mut seen).unwrap();
    assert_eq!(whole.waiting, 0);
    let merged = whole.merged.expect("the whole file comes in");
    assert_eq!(merged.incoming.changes, 1, "once, not twice");
    let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        seen.contains(&name(&written)) && seen.contains(&name(&copy)),
        "both names are read and done with"
    );
    drop(dana);
    assert_eq!(titles(&team.dana), vec!["Interviews", "Pricing page"]);
}

#[test]
fn files_arriving_out_of_order_wait_for_what_they_follow() {
    let team = team();
    add(&team.ali, "One", "Ali");
    sync(&team.ali, &team.shared);
    let early = files(&team).remove(0);
    add(&team.ali, "Two", "Ali");
    sync(&team.ali, &team.shared);
    let later = files(&team)
        .into_iter()
        .find(|p| *p != early)
        .expect("the second file holds only the second edit");
    // Dana's sync engine has brought the second file, not yet the first.
    let hidden = early.with_extension("arriving");
    std::fs::rename(&early, &hidden).unwrap();
    let mut seen = HashSet::new();
    let mut file = PlanFile::open(&team.dana).unwrap();
    let waiting = file.sync_folder(&team.shared, &mut seen).unwrap();
    assert_eq!(waiting.waiting, 1, "the second edit waits for the first");
    assert!(!seen.contains(&later.file_name().unwrap().to_string_lossy().into_owned()));
    drop(file);
    assert_eq!(titles(&team.dana), vec!["Interviews"]);

    std::fs::rename(&hidden, &early).unwrap();
    let mut file = PlanFile::open(&team.dana).unwrap();
    let both = file.sync_folder(&team.shared, &mut seen).unwrap();
    assert_eq!(both.waiting, 0);
    assert_eq!(both.merged.unwrap().incoming.changes, 2);
    drop(file);
    assert_eq!(titles(&team.dana), vec!["Interviews", "One", "Two"]);
}

#[test]
fn the_plan_file_is_never_put_in_the_shared_folder() {
    let team = team();
    let shared_parent = team.ali.parent().unwrap().to_path_buf();
    let err = PlanFile::open(&team.ali)
        .unwrap()
        .sync_folder(&shared_parent, &mut HashSet::new())
        .unwrap_err();
    assert!(matches!(err, CoreError::Validation { .. }), "{err:?}");
    assert!(
        err.to_string().contains("does not hold the plan file"),
        "{err}"
    );
    let above = team.shared.parent().unwrap();
    let err = PlanFile::open(&team.ali)
        .unwrap()
        .sync_folder(above, &mut HashSet::new())
        .unwrap_err();
    assert!(
        err.to_string().contains("does not hold the plan file"),
        "a folder holding the plan's folder would carry it too: {err}"
    );
}

#[test]
fn another_plans_files_and_temporary_files_in_the_folder_are_left_alone() {
    let team = team();
    let folder = plan_folder(
        &team.shared,
        &PlanFile::open(&team.ali).unwrap().plan_id().unwrap(),
    );
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join(".abc.keelchanges.42.tmp"), b"half").unwrap();
    std::fs::write(folder.join("notes.txt"), b"not ours").unwrap();
    let other_dir = tempfile::tempdir().unwrap();
    let (mut other, _) = empty_plan(other_dir.path());
    let foreign = other.changes_file(keel_core::sync::Since::Start).unwrap();
    std::fs::write(folder.join("foreign.keelchanges"), foreign).unwrap();
    let synced = sync(&team.dana, &team.shared);
    assert!(synced.merged.is_none());
    assert_eq!(synced.waiting, 1, "the foreign file is never taken");
    assert_eq!(titles(&team.dana), vec!["Interviews"]);
}

#[test]
fn linking_a_folder_puts_no_copy_of_the_plan_there() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.keel");
    drop(keel_core::samples::create_sample_plan(&plan, common::date(2026, 11, 27)).unwrap());
    let shared = dir.path().join("Sync");
    let first = sync(&plan, &shared);
    assert!(first.wrote.is_none() && !first.behind, "{first:?}");
    let folder = plan_folder(&shared, &PlanFile::open(&plan).unwrap().plan_id().unwrap());
    let names: Vec<(String, u64)> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                e.metadata().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(
        names[0].0.ends_with(".keelbase"),
        "only where the folder starts: {names:?}"
    );
    assert!(names[0].1 < 200, "a version, not the plan: {names:?}");

    add(&plan, "Pricing page", "Ali");
    let name = sync(&plan, &shared)
        .wrote
        .expect("the edit goes to the folder");
    let size = std::fs::metadata(folder.join(name)).unwrap().len();
    assert!(size < 1_000, "one edit, not the plan ({size} bytes)");
}

#[test]
fn a_copy_older_than_the_folders_start_asks_for_what_it_lacks_and_gets_it() {
    let team = unlinked();
    // Ali edits after Dana got her copy, then links the folder first.
    add(&team.ali, "Pricing page", "Ali");
    assert!(sync(&team.ali, &team.shared).wrote.is_none());

    let mut dana_seen = HashSet::new();
    let mut dana = PlanFile::open(&team.dana).unwrap();
    let first = dana.sync_folder(&team.shared, &mut dana_seen).unwrap();
    assert!(first.behind, "Dana's copy is older than the folder's start");
    drop(dana);
    let wants = |team: &Team| {
        everything(team)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "keelwant"))
            .count()
    };
    assert_eq!(wants(&team), 1, "Dana's Keel says what it has");

    let answer = sync(&team.ali, &team.shared);
    assert!(
        answer.wrote.is_none(),
        "nothing new of Ali's own: {answer:?}"
    );
    assert_eq!(
        files(&team).len(),
        1,
        "Ali's Keel answers with what Dana lacks"
    );
    sync(&team.ali, &team.shared);
    assert_eq!(
        files(&team).len(),
        1,
        "answered once: the folder carries it now"
    );

    let mut dana = PlanFile::open(&team.dana).unwrap();
    let caught = dana.sync_folder(&team.shared, &mut dana_seen).unwrap();
    assert!(!caught.behind);
    let merged = caught.merged.expect("what Ali had");
    assert!(merged.incoming.by[0]
        .labels
        .contains(&"Added “Pricing page”".to_string()));
    drop(dana);
    assert_eq!(wants(&team), 0, "Dana's Keel withdrew its own marker");
    assert_eq!(plan(&team.ali), plan(&team.dana));
}

#[test]
fn a_full_copy_written_for_newcomers_brings_an_old_copy_up_to_date_at_once() {
    let team = unlinked();
    add(&team.ali, "Pricing page", "Ali");
    sync(&team.ali, &team.shared);
    let name = PlanFile::open(&team.ali)
        .unwrap()
        .write_full_copy(&team.shared, None)
        .unwrap();
    assert!(name.ends_with(".keelchanges"));
    let dana = sync(&team.dana, &team.shared);
    assert!(!dana.behind, "{dana:?}");
    assert_eq!(titles(&team.dana), vec!["Interviews", "Pricing page"]);
}
