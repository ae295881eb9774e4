//! A sealed sync folder: once a founder sets the team's passphrase, every file Keel writes into
//! the plan's folder is encrypted and authenticated; a copy without the passphrase (or with a
//! wrong one) reads and writes nothing; a file in clear or an altered one is never decoded; a
//! sealed change file merges by hand with the passphrase.

mod common;

use common::empty_plan;
use keel_core::domain::{FeatureData, RiskClass};
use keel_core::sync::{is_sealed, plan_folder, Unlock};
use keel_core::{CoreError, PlanFile};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const PASSPHRASE: &str = "correct horse battery";
const SECRET: &str = "Acquire Northwind Logistics";

struct Team {
    _dir: tempfile::TempDir,
    shared: PathBuf,
    ali: PathBuf,
    dana: PathBuf,
}

fn team() -> Team {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, ali) = empty_plan(dir.path());
    file.create_feature(FeatureData::new("Interviews", RiskClass::Business))
        .unwrap();
    drop(file);
    let dana = dir.path().join("dana.keel");
    std::fs::copy(&ali, &dana).unwrap();
    let shared = dir.path().join("Dropbox");
    std::fs::create_dir(&shared).unwrap();
    Team {
        _dir: dir,
        shared,
        ali,
        dana,
    }
}

fn folder_files(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn titles(path: &Path) -> Vec<String> {
    common::titles(path)
}

#[test]
fn a_sealed_folder_holds_nothing_in_clear_and_opens_only_with_the_passphrase() {
    let team = team();
    let mut ali = PlanFile::open(&team.ali).unwrap();
    // Ali's copy linked the folder in clear before the team sealed it.
    ali.sync_folder(&team.shared, &mut HashSet::new()).unwrap();
    let seal = ali.seal_sync_folder(&team.shared, PASSPHRASE).unwrap();
    ali.create_feature(FeatureData::new(SECRET, RiskClass::Business))
        .unwrap();
    ali.sync_sealed_folder(&team.shared, &seal, &mut HashSet::new())
        .unwrap();
    let folder = plan_folder(&team.shared, &ali.plan_id().unwrap());
    let files = folder_files(&folder);
    assert!(files.len() >= 3, "marker, base and changes: {files:?}");
    for (name, bytes) in &files {
        assert!(is_sealed(bytes), "{name} is sealed");
        assert!(
            !bytes.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()),
            "{name} holds the feature's title in clear"
        );
    }

    // Dana's Keel without the passphrase: told so, nothing read or written.
    let before = std::fs::read(&team.dana).unwrap();
    let mut dana = PlanFile::open(&team.dana).unwrap();
    let err = dana
        .sync_folder(&team.shared, &mut HashSet::new())
        .unwrap_err();
    assert!(matches!(err, CoreError::Sealed { .. }), "{err}");
    assert!(
        err.to_string().contains("needs the team's passphrase"),
        "{err}"
    );
    // A wrong passphrase says so.
    let err = dana
        .open_sealed_folder(&team.shared, "correct horse battery!")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("That passphrase does not open this sync folder"),
        "{err}"
    );
    drop(dana);
    assert_eq!(std::fs::read(&team.dana).unwrap(), before);
    assert_eq!(
        folder_files(&folder),
        files,
        "nothing written into the folder"
    );

    // With it, Dana's copy takes Ali's change, and its own go in sealed.
    let mut dana = PlanFile::open(&team.dana).unwrap();
    let key = dana.open_sealed_folder(&team.shared, PASSPHRASE).unwrap();
    let synced = dana
        .sync_sealed_folder(&team.shared, &key, &mut HashSet::new())
        .unwrap();
    assert!(synced.merged.is_some());
    drop(dana);
    assert!(titles(&team.dana).contains(&SECRET.to_string()));
}

#[test]
fn a_file_in_clear_or_altered_in_a_sealed_folder_is_never_read() {
    let team = team();
    let mut ali = PlanFile::open(&team.ali).unwrap();
    let seal = ali.seal_sync_folder(&team.shared, PASSPHRASE).unwrap();
    ali.sync_sealed_folder(&team.shared, &seal, &mut HashSet::new())
        .unwrap();
    let folder = plan_folder(&team.shared, &ali.plan_id().unwrap());

    // Someone with access to the folder drops a valid change file in clear...
    let mut dana = PlanFile::open(&team.dana).unwrap();
    dana.create_feature(FeatureData::new("Planted", RiskClass::Business))
        .unwrap();
    let plain = dana.changes_file(keel_core::sync::Since::Start).unwrap();
    std::fs::write(folder.join("planted.keelchanges"), &plain).unwrap();
    // ...and a sealed file of the team's, one byte of its content flipped.
    let dana_key = dana.open_sealed_folder(&team.shared, PASSPHRASE).unwrap();
    let mut dana_seen = HashSet::new();
    let wrote = dana
        .sync_sealed_folder(&team.shared, &dana_key, &mut dana_seen)
        .unwrap()
        .wrote
        .expect("Dana's change written");
    let path = folder.join(&wrote);
    let mut altered = std::fs::read(&path).unwrap();
    let at = altered.len() - 20;
    altered[at] ^= 1;
    std::fs::remove_file(&path).unwrap();
    std::fs::write(folder.join("altered.keelchanges"), &altered).unwrap();
    drop(dana);

    let synced = ali
        .sync_sealed_folder(&team.shared, &seal, &mut HashSet::new())
        .unwrap();
    assert_eq!(synced.refused.len(), 1, "{:?}", synced.refused);
    assert!(
        synced.refused[0].contains("“planted.keelchanges”")
            && synced.refused[0].contains("not sealed with the folder's passphrase"),
        "{:?}",
        synced.refused
    );
    assert_eq!(synced.waiting, 1, "the altered file is never decoded");
    assert!(synced.merged.is_none());
    drop(ali);
    assert!(!titles(&team.ali).contains(&"Planted".to_string()));
}

#[test]
fn a_sealed_change_file_merges_by_hand_only_with_the_passphrase() {
    let team = team();
    let mut ali = PlanFile::open(&team.ali).unwrap();
    let seal = ali.seal_sync_folder(&team.shared, PASSPHRASE).unwrap();
    ali.sync_sealed_folder(&team.shared, &seal, &mut HashSet::new())
        .unwrap();
    ali.create_feature(FeatureData::new(SECRET, RiskClass::Business))
        .unwrap();
    let wrote = ali
        .sync_sealed_folder(&team.shared, &seal, &mut HashSet::new())
        .unwrap()
        .wrote
        .unwrap();
    let file = plan_folder(&team.shared, &ali.plan_id().unwrap()).join(wrote);
    drop(ali);

    let before = std::fs::read(&team.dana).unwrap();
    let mut dana = PlanFile::open(&team.dana).unwrap();
    let err = dana.merge_path(&file).unwrap_err();
    assert!(matches!(err, CoreError::Sealed { .. }), "{err}");
    assert!(err.to_string().contains("is sealed"), "{err}");
    let err = dana
        .merge_path_with(&file, Some(Unlock::Passphrase("not the passphrase")))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("That passphrase does not open this change file"),
        "{err}"
    );
    drop(dana);
    assert_eq!(std::fs::read(&team.dana).unwrap(), before);

    let mut dana = PlanFile::open(&team.dana).unwrap();
    dana.merge_path_with(&file, Some(Unlock::Passphrase(PASSPHRASE)))
        .unwrap();
    drop(dana);
    assert!(titles(&team.dana).contains(&SECRET.to_string()));
}

#[test]
fn a_short_passphrase_is_refused_and_a_sealed_folder_is_not_sealed_twice() {
    let team = team();
    let mut ali = PlanFile::open(&team.ali).unwrap();
    let err = ali
        .seal_sync_folder(&team.shared, "short")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("Passphrase: must be at least 10 characters"),
        "{err}"
    );
    let folder = plan_folder(&team.shared, &ali.plan_id().unwrap());
    assert!(!keel_core::sync::folder_is_sealed(&folder));
    ali.seal_sync_folder(&team.shared, PASSPHRASE).unwrap();
    let err = ali
        .seal_sync_folder(&team.shared, "another passphrase")
        .unwrap_err()
        .to_string();
    assert!(err.contains("is sealed already"), "{err}");
    // The first passphrase still opens it.
    ali.open_sealed_folder(&team.shared, PASSPHRASE).unwrap();
}
