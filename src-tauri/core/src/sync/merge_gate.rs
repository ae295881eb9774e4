//! The merge gate's tests: a teammate's change that breaks a rule an edit is held to (written
//! past the checks, as a hostile or broken Keel could) is refused whole, naming whose changes
//! and the rule, and the plan is left byte for byte.

use super::Since;
use crate::domain::FeatureData;
use crate::store::history::{tree, Note};
use crate::store::{Kind, PlanFile};
use chrono::NaiveDate;
use std::path::Path;

fn two_copies(dir: &Path) -> (PlanFile, PlanFile, std::path::PathBuf) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mine = dir.join("mine.keel");
    drop(crate::samples::create_sample_plan(&mine, today).unwrap());
    let theirs = dir.join("theirs.keel");
    std::fs::copy(&mine, &theirs).unwrap();
    (
        PlanFile::open(&mine).unwrap(),
        PlanFile::open(&theirs).unwrap(),
        mine,
    )
}

/// Writes `data` for the feature `id` into `file`'s history as `author`, with no check.
fn write_unchecked(file: &mut PlanFile, id: &str, data: &FeatureData, author: &str) {
    file.change(&Note::new("Edited", author), Kind::Operation, |doc| {
        tree::write_item(doc, id, data)
    })
    .unwrap();
}

#[test]
fn a_merged_value_the_app_refuses_is_refused_whole_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (mut mine, mut theirs, path) = two_copies(dir.path());
    let feature = theirs.features().unwrap()[0].clone();
    type Breaks = Box<dyn Fn(&mut FeatureData)>;
    let cases: Vec<(&str, Breaks)> = vec![
        ("Effort", Box::new(|d| d.effort_weeks = Some(-5.0))),
        ("Title", Box::new(|d| d.title = "x".repeat(1_000))),
        ("Title", Box::new(|d| d.title = String::new())),
        ("Confidence", Box::new(|d| d.confidence = Some(-3.0))),
        (
            "End date",
            Box::new(|d| {
                d.start_date = NaiveDate::from_ymd_opt(2027, 3, 1);
                d.end_date = NaiveDate::from_ymd_opt(2027, 1, 1);
            }),
        ),
    ];
    for (rule, break_it) in cases {
        let mut data = feature.data.clone();
        break_it(&mut data);
        write_unchecked(&mut theirs, &feature.id, &data, "Dana");
        let bytes = theirs.changes_file(Since::Start).unwrap();
        let before = std::fs::read(&path).unwrap();
        let err = mine.merge_change_file(&bytes).unwrap_err().to_string();
        assert!(
            err.contains("the changes of Dana would put into the plan what Keel refuses")
                && err.contains(rule)
                && err.contains("nothing was merged"),
            "{rule}: {err}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{rule}: nothing is written"
        );
        // Put the teammate's copy right again for the next case.
        write_unchecked(&mut theirs, &feature.id, &feature.data, "Dana");
    }
    // A change that keeps the rules merges.
    let mut renamed = feature.data.clone();
    renamed.title = "Guided setup".into();
    write_unchecked(&mut theirs, &feature.id, &renamed, "Dana");
    let bytes = theirs.changes_file(Since::Start).unwrap();
    mine.merge_change_file(&bytes).unwrap();
    assert!(mine
        .features()
        .unwrap()
        .iter()
        .any(|f| f.data.title == "Guided setup"));
}

#[test]
fn a_teammates_name_with_control_characters_is_said_without_them() {
    let dir = tempfile::tempdir().unwrap();
    let (mut mine, mut theirs, _) = two_copies(dir.path());
    let feature = theirs.features().unwrap()[0].clone();
    let mut data = feature.data.clone();
    data.effort_weeks = Some(0.0);
    write_unchecked(&mut theirs, &feature.id, &data, "Ali\u{1b}[2J\u{7}");
    let bytes = theirs.changes_file(Since::Start).unwrap();
    let err = mine.merge_change_file(&bytes).unwrap_err().to_string();
    assert!(!err.chars().any(char::is_control), "{err:?}");
    assert!(
        err.contains("the changes of Ali\u{FFFD}[2J\u{FFFD}"),
        "{err}"
    );
}

#[test]
fn a_refused_file_in_a_sync_folder_is_set_aside_and_every_other_file_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let (mut mine, mut dana, _) = two_copies(dir.path());
    let grace_path = dir.path().join("grace.keel");
    std::fs::copy(dir.path().join("mine.keel"), &grace_path).unwrap();
    let mut grace = PlanFile::open(&grace_path).unwrap();
    for copy in [&mut mine, &mut dana, &mut grace] {
        copy.sync_folder(&shared, &mut Default::default()).unwrap();
    }
    let feature = dana.features().unwrap()[0].clone();
    let mut broken = feature.data.clone();
    broken.effort_weeks = Some(-5.0);
    write_unchecked(&mut dana, &feature.id, &broken, "Dana");
    dana.sync_folder(&shared, &mut Default::default()).unwrap();
    let mut renamed = grace.features().unwrap()[1].clone();
    renamed.data.title = "Grace's rename".into();
    grace.update_feature(&renamed.id, renamed.data).unwrap();
    grace.sync_folder(&shared, &mut Default::default()).unwrap();

    // Beside them, what must never be opened: a pipe and a link to an endless device.
    let folder = super::plan_folder(&shared, &mine.plan_id().unwrap());
    let fifo = folder.join("fifo.keelchanges");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.keelchanges")).unwrap();

    let mut session = std::collections::HashSet::new();
    let synced = mine.sync_folder(&shared, &mut session).unwrap();
    assert_eq!(synced.refused.len(), 1, "{:?}", synced.refused);
    assert!(
        synced.refused[0].contains("the changes of Dana") && synced.refused[0].contains("Effort"),
        "{:?}",
        synced.refused
    );
    assert!(
        mine.features()
            .unwrap()
            .iter()
            .any(|f| f.data.title == "Grace's rename"),
        "the teammate's valid change beside it is taken"
    );
    assert_eq!(
        mine.features().unwrap()[0].data.effort_weeks,
        feature.data.effort_weeks
    );
    // The next pass of the session neither fails nor says it again.
    let again = mine.sync_folder(&shared, &mut session).unwrap();
    assert!(again.refused.is_empty());

    // Merged by hand, a pipe is refused at once (it would wait for a writer for ever).
    let err = mine.merge_path(&fifo).unwrap_err().to_string();
    assert!(err.contains("is not a file"), "{err}");
}

#[test]
fn another_plans_history_under_this_plans_identity_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut mine, _, path) = two_copies(dir.path());
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut other =
        crate::create_empty_plan(&dir.path().join("other.keel"), "Other Co", today).unwrap();
    other
        .create_feature(FeatureData::new(
            "Their feature",
            crate::domain::RiskClass::Business,
        ))
        .unwrap();
    let whole = other.changes_file(Since::Start).unwrap();
    let (_, changes) = super::merge::decode(&whole).unwrap();
    // Relabelled with this plan's identity, the digest made anew: only the history tells.
    let forged = super::merge::encode(&mine.plan_id().unwrap(), changes);
    let before = std::fs::read(&path).unwrap();
    let err = mine.merge_change_file(&forged).unwrap_err().to_string();
    assert!(err.contains("the start of another plan's history"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!mine
        .features()
        .unwrap()
        .iter()
        .any(|f| f.data.title == "Their feature"));
}

#[test]
fn a_version_marked_at_a_point_not_in_the_history_is_refused_and_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let (mut mine, mut theirs, path) = two_copies(dir.path());
    let forged = loro::Frontiers::from(loro::ID::new(0x1234_5678, 99_999)).encode();
    theirs
        .change(
            &Note::new("Marked version “Board”", "Dana"),
            Kind::Bookmark,
            |doc| {
                let record = doc
                    .get_map(tree::VERSIONS)
                    .insert_container("v1", loro::LoroMap::new())
                    .unwrap();
                record.insert("label", "Board").unwrap();
                record.insert("marked_at", "2026-11-27T10:00:00Z").unwrap();
                record.insert("frontiers", forged.clone()).unwrap();
                Ok(())
            },
        )
        .unwrap();
    // The copy that holds it reads on, without the version (reading the plan at it would fail).
    assert!(theirs.versions().unwrap().is_empty());
    theirs.change_counts(None).unwrap();
    let bytes = theirs.changes_file(Since::Start).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = mine.merge_change_file(&bytes).unwrap_err().to_string();
    assert!(
        err.contains("marks a version (“Board”) at a point that is not in"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_forged_want_is_never_answered_with_the_whole_history_and_a_linked_plan_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let (mut mine, _, _) = two_copies(dir.path());
    mine.sync_folder(&shared, &mut Default::default()).unwrap();
    let plan_id = mine.plan_id().unwrap();
    let folder = super::plan_folder(&shared, &plan_id);
    let changes = |folder: &Path| {
        std::fs::read_dir(folder)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "keelchanges")
            })
            .count()
    };
    let before = changes(&folder);
    // 82 bytes saying "I have nothing": answered, it would put the whole plan in the folder.
    super::base::want(
        &folder,
        super::seal::Lock::Open,
        &plan_id,
        &loro::VersionVector::default(),
    )
    .unwrap();
    mine.sync_folder(&shared, &mut Default::default()).unwrap();
    assert_eq!(
        changes(&folder),
        before,
        "no copy of the whole plan is written"
    );

    // The plan's folder made a link to somewhere else: Keel writes nothing there.
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &folder).unwrap();
    let err = mine
        .sync_folder(&shared, &mut Default::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("is not a folder (a link or a file)"), "{err}");
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}
