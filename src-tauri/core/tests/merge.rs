//! A teammate's work comes in through the history: their copy merged, or a change file with
//! only what this copy lacks. Same copy twice changes nothing; another plan, or a damaged,
//! altered or foreign change file, is refused and nothing changes; many copies edited apart
//! and merged in any order end as one plan.

mod common;

use common::{add_feature, comparable, date, dump, edit_first, empty_plan, titles, two_copies};
use keel_core::domain::*;
use keel_core::sync::Since;
use keel_core::{CoreError, Operation, PlanDocument, PlanFile};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn assert_projection_is_history(file: &PlanFile) {
    assert_eq!(
        comparable(file.document().unwrap()),
        comparable(file.history_document().unwrap())
    );
}

fn rename_first(path: &Path, title: &str, author: &str) {
    edit_first(path, author, |data| data.title = title.into());
}

#[test]
fn a_teammates_copy_brings_in_what_this_one_lacks_and_says_who_did_what() {
    let dir = tempfile::tempdir().unwrap();
    let (mine, theirs) = two_copies(dir.path());
    add_feature(&mine, "Pricing page", "Ali");
    rename_first(&theirs, "Talk to twenty weavers", "Dana");
    add_feature(&theirs, "Sharding", "Dana");

    let mut file = PlanFile::open(&mine).unwrap();
    let merged = file.merge_copy(&theirs).unwrap();
    assert_eq!(merged.incoming.changes, 2);
    assert_eq!(merged.incoming.by.len(), 1);
    assert_eq!(merged.incoming.by[0].author, "Dana");
    assert_eq!(
        merged.incoming.by[0].labels,
        vec![
            "Added “Sharding”".to_string(),
            "Renamed “Interviews” to “Talk to twenty weavers”".to_string()
        ]
    );
    assert_eq!(
        merged.incoming.summary(),
        "Dana: 2 changes — Added “Sharding”, Renamed “Interviews” to “Talk to twenty weavers”"
    );
    assert_eq!(merged.applied.label, "Merged 2 changes");
    assert_eq!(
        merged.applied.changes.features.len(),
        2,
        "what the window patches"
    );
    assert_projection_is_history(&file);
    drop(file);
    let mut all = titles(&mine);
    all.sort();
    assert_eq!(
        all,
        vec!["Pricing page", "Sharding", "Talk to twenty weavers"],
        "both founders' work is kept"
    );
}

#[test]
fn merging_the_same_copy_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mine, theirs) = two_copies(dir.path());
    add_feature(&theirs, "Sharding", "Dana");
    PlanFile::open(&mine).unwrap().merge_copy(&theirs).unwrap();
    let before = std::fs::read(&mine).unwrap();
    let again = PlanFile::open(&mine).unwrap().merge_copy(&theirs).unwrap();
    assert_eq!(again.incoming.changes, 0);
    assert!(!again.applied.changed);
    assert_eq!(
        again.incoming.summary(),
        "Nothing new: this plan already had every change."
    );
    assert_eq!(std::fs::read(&mine).unwrap(), before, "not a byte written");
}

#[test]
fn a_copy_of_another_plan_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mine) = empty_plan(dir.path());
    let other_dir = tempfile::tempdir().unwrap();
    let (other, other_path) = empty_plan(other_dir.path());
    drop(other);
    let before = dump(&mine);
    let err = PlanFile::open(&mine)
        .unwrap()
        .merge_copy(&other_path)
        .unwrap_err();
    assert!(matches!(err, CoreError::NotThisPlan { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "This cannot be merged into the plan: {} is a copy of another plan, not of this \
             one. Nothing was changed.",
            other_path.display()
        )
    );
    assert_eq!(dump(&mine), before);
}

#[test]
fn a_change_file_carries_only_what_the_other_copy_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let (mine, theirs) = two_copies(dir.path());
    rename_first(&mine, "Talk to twenty weavers", "Ali");
    let out = PlanFile::open(&mine)
        .unwrap()
        .changes_file(Since::Copy(&theirs))
        .unwrap();
    assert!(
        out.len() < 400,
        "one edit is a small file: {} bytes",
        out.len()
    );
    let mut file = PlanFile::open(&theirs).unwrap();
    let merged = file.merge_change_file(&out).unwrap();
    assert_eq!(merged.incoming.changes, 1);
    assert_eq!(
        merged.incoming.by[0].labels,
        vec!["Renamed “Interviews” to “Talk to twenty weavers”".to_string()]
    );
    let again = file.merge_change_file(&out).unwrap();
    assert_eq!(again.incoming.changes, 0, "a change file merged twice");
    drop(file);
    assert_eq!(
        comparable(PlanFile::open(&theirs).unwrap().document().unwrap()),
        comparable(PlanFile::open(&mine).unwrap().document().unwrap())
    );
}

#[test]
fn a_change_file_since_a_version_holds_the_changes_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mine, behind) = two_copies(dir.path());
    add_feature(&mine, "Pricing page", "Ali");
    let version = PlanFile::open(&mine)
        .unwrap()
        .mark_version("Board meeting", "Ali")
        .unwrap();
    // A teammate who has the version (their copy was made at the board meeting).
    let at_version = dir.path().join("at-version.keel");
    std::fs::copy(&mine, &at_version).unwrap();
    add_feature(&mine, "Sharding", "Ali");
    let mut file = PlanFile::open(&mine).unwrap();
    let since = file.changes_file(Since::Version(&version.id)).unwrap();
    let whole = file.changes_file(Since::Start).unwrap();
    drop(file);
    assert!(since.len() < whole.len());
    let merged = PlanFile::open(&at_version)
        .unwrap()
        .merge_change_file(&since)
        .unwrap();
    assert_eq!(
        merged.incoming.by[0].labels,
        vec!["Added “Sharding”".to_string()],
        "what came after the version (its marking included, which they had)"
    );
    assert_eq!(titles(&at_version), titles(&mine));

    // A copy without what came before the version cannot take what came after it alone.
    let err = PlanFile::open(&behind)
        .unwrap()
        .merge_change_file(&since)
        .unwrap_err();
    assert!(matches!(err, CoreError::NotThisPlan { .. }), "{err}");
    assert!(err.to_string().contains("merge those first"), "{err}");
    assert_eq!(
        titles(&behind),
        vec!["Interviews"],
        "the refused file changed nothing"
    );
    let merged = PlanFile::open(&behind)
        .unwrap()
        .merge_change_file(&whole)
        .unwrap();
    assert_eq!(merged.incoming.changes, 3, "two features and the version");
    assert_eq!(titles(&behind), titles(&mine));
}

#[test]
fn a_damaged_altered_or_foreign_change_file_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mine, theirs) = two_copies(dir.path());
    add_feature(&mine, "Pricing page", "Ali");
    let good = PlanFile::open(&mine)
        .unwrap()
        .changes_file(Since::Copy(&theirs))
        .unwrap();
    let other_dir = tempfile::tempdir().unwrap();
    let (mut other, _) = empty_plan(other_dir.path());
    let foreign = other.changes_file(Since::Start).unwrap();
    let mut altered = good.clone();
    let middle = altered.len() / 2;
    altered[middle] ^= 0x20;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            good[..good.len() - 10].to_vec(),
            "damaged or incomplete",
        ),
        ("altered", altered, "damaged or incomplete"),
        ("foreign", foreign, "for another plan"),
        ("empty", Vec::new(), "not a Keel change file"),
        (
            "not one",
            b"SQLite format 3\0 and then some".to_vec(),
            "not a Keel change file",
        ),
    ];
    let before = dump(&theirs);
    let mut file = PlanFile::open(&theirs).unwrap();
    for (what, bytes, says) in cases {
        let err = file.merge_change_file(&bytes).unwrap_err();
        assert!(
            matches!(err, CoreError::NotThisPlan { .. }),
            "{what}: {err:?}"
        );
        assert!(err.to_string().contains(says), "{what}: {err}");
    }
    drop(file);
    assert_eq!(dump(&theirs), before, "nothing was written");
}

#[test]
fn merge_path_tells_a_change_file_from_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (mine, theirs) = two_copies(dir.path());
    add_feature(&theirs, "Sharding", "Dana");
    let change_file = dir.path().join("dana.keelchanges");
    let bytes = PlanFile::open(&theirs)
        .unwrap()
        .changes_file(Since::Copy(&mine))
        .unwrap();
    std::fs::write(&change_file, bytes).unwrap();
    assert!(keel_core::sync::is_change_file(&change_file));
    assert!(!keel_core::sync::is_change_file(&theirs));
    let merged = PlanFile::open(&mine)
        .unwrap()
        .merge_path(&change_file)
        .unwrap();
    assert_eq!(merged.incoming.changes, 1);
    let merged = PlanFile::open(&mine).unwrap().merge_path(&theirs).unwrap();
    assert_eq!(merged.incoming.changes, 0, "the copy has nothing more");
}

#[test]
fn a_teammates_changes_are_not_undone_by_my_undo() {
    let dir = tempfile::tempdir().unwrap();
    let (mine, theirs) = two_copies(dir.path());
    add_feature(&theirs, "Sharding", "Dana");
    let mut file = PlanFile::open(&mine).unwrap();
    file.apply(
        Operation::CreateFeature {
            data: FeatureData::new("Pricing page", RiskClass::Business),
        },
        "Ali",
    )
    .unwrap();
    file.merge_copy(&theirs).unwrap();
    let undone = file.undo("Ali").unwrap().expect("my edit is undone");
    assert_eq!(undone.label, "Undid: Added “Pricing page”");
    assert!(file.undo("Ali").unwrap().is_none(), "theirs is not mine");
    drop(file);
    let mut all = titles(&mine);
    all.sort();
    assert_eq!(all, vec!["Interviews", "Sharding"]);
}

/// One step of a founder on their own copy.
#[derive(Debug, Clone)]
enum Step {
    Add(usize, String),
    Rename(usize, usize, String),
    Move(usize, usize, u32),
    Delete(usize, usize),
    Vision(usize, String),
    /// Founder `a` merges founder `b`'s copy.
    Merge(usize, usize),
}

const PEERS: usize = 6;

fn arb_step() -> impl Strategy<Value = Step> {
    let peer = 0..PEERS;
    let word = "[a-z]{1,8}";
    prop_oneof![
        (peer.clone(), word).prop_map(|(p, t)| Step::Add(p, t)),
        (peer.clone(), any::<usize>(), word).prop_map(|(p, i, t)| Step::Rename(p, i, t)),
        (peer.clone(), any::<usize>(), 0u32..8).prop_map(|(p, i, to)| Step::Move(p, i, to)),
        (peer.clone(), any::<usize>()).prop_map(|(p, i)| Step::Delete(p, i)),
        (peer.clone(), "[a-z ]{0,20}").prop_map(|(p, t)| Step::Vision(p, t)),
        (peer.clone(), peer.clone()).prop_map(|(a, b)| Step::Merge(a, b)),
        (peer.clone(), peer).prop_map(|(a, b)| Step::Merge(a, b)),
    ]
}

fn run(paths: &[PathBuf], step: &Step) {
    let author = |p: usize| format!("Founder {p}");
    let pick = |file: &PlanFile, i: usize| {
        let features = file.features().unwrap();
        (!features.is_empty()).then(|| features[i % features.len()].clone())
    };
    match step {
        Step::Add(p, title) => {
            let mut file = PlanFile::open(&paths[*p]).unwrap();
            file.apply(
                Operation::CreateFeature {
                    data: FeatureData::new(title, RiskClass::Business),
                },
                &author(*p),
            )
            .unwrap();
        }
        Step::Rename(p, i, title) => {
            let mut file = PlanFile::open(&paths[*p]).unwrap();
            if let Some(f) = pick(&file, *i) {
                let mut data = f.data;
                data.title = title.clone();
                file.apply(Operation::UpdateFeature { id: f.id, data }, &author(*p))
                    .unwrap();
            }
        }
        Step::Move(p, i, to) => {
            let mut file = PlanFile::open(&paths[*p]).unwrap();
            if let Some(f) = pick(&file, *i) {
                file.apply(
                    Operation::MoveFeature {
                        id: f.id,
                        horizon: Horizon::Now,
                        position: *to,
                    },
                    &author(*p),
                )
                .unwrap();
            }
        }
        Step::Delete(p, i) => {
            let mut file = PlanFile::open(&paths[*p]).unwrap();
            if let Some(f) = pick(&file, *i) {
                file.apply(Operation::DeleteFeature { id: f.id }, &author(*p))
                    .unwrap();
            }
        }
        Step::Vision(p, text) => {
            let mut file = PlanFile::open(&paths[*p]).unwrap();
            let mut data = file.plan().unwrap().data;
            data.vision = text.clone();
            file.apply(Operation::UpdatePlan { data }, &author(*p))
                .unwrap();
        }
        Step::Merge(a, b) if a != b => {
            let mut file = PlanFile::open(&paths[*a]).unwrap();
            file.merge_copy(&paths[*b]).unwrap();
            assert_projection_is_history(&file);
        }
        Step::Merge(..) => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn six_copies_edited_apart_and_merged_in_any_order_end_as_one_plan(
        steps in prop::collection::vec(arb_step(), 1..40),
        order in Just((0..PEERS).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (mut first, start) = empty_plan(dir.path());
        first.create_feature(FeatureData::new("Seed", RiskClass::Business)).unwrap();
        drop(first);
        let paths: Vec<PathBuf> = (0..PEERS)
            .map(|p| {
                let path = dir.path().join(format!("founder-{p}.keel"));
                std::fs::copy(&start, &path).unwrap();
                path
            })
            .collect();
        for step in &steps {
            run(&paths, step);
        }
        // Everyone's work reaches the first founder in a random order, then everyone merges
        // the first founder's copy.
        let hub = order[0];
        for &p in &order[1..] {
            run(&paths, &Step::Merge(hub, p));
        }
        for &p in &order[1..] {
            run(&paths, &Step::Merge(p, hub));
        }
        let plans: Vec<PlanDocument> = paths
            .iter()
            .map(|p| {
                let file = PlanFile::open(p).unwrap();
                assert_projection_is_history(&file);
                comparable(file.document().unwrap())
            })
            .collect();
        for (p, plan) in plans.iter().enumerate() {
            prop_assert_eq!(plan, &plans[0], "founder {} differs", p);
        }
    }
}

#[test]
fn the_merged_plan_is_checked_as_any_other() {
    let dir = tempfile::tempdir().unwrap();
    let (mine, theirs) = two_copies(dir.path());
    PlanFile::open(&theirs)
        .unwrap()
        .apply(
            Operation::SetGoal {
                goal: keel_core::samples::goal(date(2026, 1, 1)),
            },
            "Dana",
        )
        .unwrap();
    let mut file = PlanFile::open(&mine).unwrap();
    let before =
        keel_core::compute::analysis::plan_check(&file.document().unwrap(), date(2026, 3, 1));
    assert!(before.iter().any(|f| f.id == "K001"), "no goal yet");
    file.merge_copy(&theirs).unwrap();
    let after =
        keel_core::compute::analysis::plan_check(&file.document().unwrap(), date(2026, 3, 1));
    assert!(
        !after.iter().any(|f| f.id == "K001"),
        "the teammate's goal counts"
    );
}
