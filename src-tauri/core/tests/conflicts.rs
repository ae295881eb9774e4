//! Conflicts are visible, not silent: two founders setting the same field at the same time end
//! with the same value on both laptops, and each one's History says whose value replaced whose,
//! with the other value one click away. A feature deleted by one while the other edited it is
//! kept (deleted, with the edit) and restorable, and the founder who edited it is told.

mod common;

use common::{comparable, edit_first, two_copies};
use keel_core::domain::*;
use keel_core::{CoreError, Operation, PlanFile};
use std::path::Path;

fn first(path: &Path) -> Feature {
    PlanFile::open(path).unwrap().features().unwrap().remove(0)
}

fn delete_first(path: &Path, author: &str) {
    let mut file = PlanFile::open(path).unwrap();
    let id = file.features().unwrap().remove(0).id;
    file.apply(Operation::DeleteFeature { id }, author).unwrap();
}

#[test]
fn the_same_field_set_on_two_laptops_ends_the_same_on_both_and_says_whose_value_won() {
    let dir = tempfile::tempdir().unwrap();
    let (ali, dana) = two_copies(dir.path());
    edit_first(&ali, "Ali", |f| f.horizon = Horizon::Now);
    edit_first(&dana, "Dana", |f| f.horizon = Horizon::Next);

    let at_ali = PlanFile::open(&ali).unwrap().merge_copy(&dana).unwrap();
    let at_dana = PlanFile::open(&dana).unwrap().merge_copy(&ali).unwrap();
    let (a, d) = (first(&ali), first(&dana));
    assert_eq!(a.data.horizon, d.data.horizon, "one value on every laptop");
    assert_eq!(
        comparable(PlanFile::open(&ali).unwrap().document().unwrap()),
        comparable(PlanFile::open(&dana).unwrap().document().unwrap())
    );

    assert_eq!(at_ali.conflicts.len(), 1, "{:?}", at_ali.conflicts);
    assert_eq!(at_dana.conflicts.len(), 1, "{:?}", at_dana.conflicts);
    let (won, lost) = match a.data.horizon {
        Horizon::Next => (("Dana", "Next"), ("Ali", "Now")),
        _ => (("Ali", "Now"), ("Dana", "Next")),
    };
    let said = format!(
        "{}'s ‘{}’ replaced {}'s ‘{}’ on “Interviews”",
        won.0, won.1, lost.0, lost.1
    );
    for merged in [&at_ali, &at_dana] {
        let c = &merged.conflicts[0];
        assert_eq!(c.sentence, said, "both laptops say the same");
        assert_eq!(c.take, format!("Take {}'s ‘{}’", lost.0, lost.1));
        assert_eq!(c.keep, format!("Keep ‘{}’", won.1));
        assert_eq!(c.feature.as_deref(), Some(a.id.as_str()));
    }
    assert_eq!(
        PlanFile::open(&ali).unwrap().conflicts().unwrap(),
        at_ali.conflicts,
        "the History lists what the merge found"
    );
}

#[test]
fn taking_the_other_value_is_one_edit_that_settles_the_conflict_and_undo_takes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let (ali, dana) = two_copies(dir.path());
    edit_first(&ali, "Ali", |f| f.risk_level = 5);
    edit_first(&dana, "Dana", |f| f.risk_level = 1);
    let mut file = PlanFile::open(&ali).unwrap();
    let merged = file.merge_copy(&dana).unwrap();
    let conflict = merged.conflicts[0].clone();
    assert!(
        conflict.sentence.contains("risk level ‘"),
        "a field whose value does not name itself is named: {}",
        conflict.sentence
    );
    let kept = file.features().unwrap()[0].data.risk_level;
    let other = if kept == 5 { 1 } else { 5 };

    let applied = file.take_other(conflict.id, "Ali").unwrap();
    assert!(applied.changed);
    assert!(applied.label.starts_with("Took "), "{}", applied.label);
    assert!(
        applied.label.ends_with("on “Interviews”"),
        "{}",
        applied.label
    );
    assert_eq!(file.features().unwrap()[0].data.risk_level, other);
    assert!(file.conflicts().unwrap().is_empty(), "settled");
    let again = file.take_other(conflict.id, "Ali").unwrap_err();
    assert!(matches!(again, CoreError::NotFound { .. }), "{again:?}");

    file.undo("Ali")
        .unwrap()
        .expect("the take is undone as one step");
    assert_eq!(file.features().unwrap()[0].data.risk_level, kept);
}

#[test]
fn keeping_what_the_history_kept_settles_the_conflict_and_changes_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let (ali, dana) = two_copies(dir.path());
    edit_first(&ali, "Ali", |f| f.status = FeatureStatus::Done);
    edit_first(&dana, "Dana", |f| f.status = FeatureStatus::InProgress);
    let mut file = PlanFile::open(&ali).unwrap();
    let conflict = file.merge_copy(&dana).unwrap().conflicts.remove(0);
    let before = file.document().unwrap();
    file.keep_conflict(conflict.id).unwrap();
    assert!(file.conflicts().unwrap().is_empty());
    assert_eq!(file.document().unwrap(), before);
    assert!(
        conflict.sentence.contains("‘In progress’") && conflict.sentence.contains("‘Done’"),
        "values read as the window shows them: {}",
        conflict.sentence
    );
}

#[test]
fn edits_of_different_fields_or_the_same_value_are_no_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let (ali, dana) = two_copies(dir.path());
    edit_first(&ali, "Ali", |f| {
        f.horizon = Horizon::Now;
        f.title = "Talk to weavers".into();
    });
    edit_first(&dana, "Dana", |f| {
        f.horizon = Horizon::Now;
        f.risk_level = 5;
        f.title = "Interviews with mills".into();
    });
    let merged = PlanFile::open(&ali).unwrap().merge_copy(&dana).unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let f = first(&ali);
    assert_eq!((f.data.horizon, f.data.risk_level), (Horizon::Now, 5));

    // A copy that had seen the other's edit before changing the field replaced it knowingly.
    let (ali2, dana2) = {
        let sub = dir.path().join("later");
        std::fs::create_dir(&sub).unwrap();
        two_copies(&sub)
    };
    edit_first(&dana2, "Dana", |f| f.horizon = Horizon::Next);
    PlanFile::open(&ali2).unwrap().merge_copy(&dana2).unwrap();
    edit_first(&ali2, "Ali", |f| f.horizon = Horizon::Later);
    let back = PlanFile::open(&dana2).unwrap().merge_copy(&ali2).unwrap();
    assert!(back.conflicts.is_empty(), "{:?}", back.conflicts);
    assert_eq!(first(&dana2).data.horizon, Horizon::Later);
}

#[test]
fn a_feature_deleted_while_a_teammate_edited_it_is_kept_told_and_restored_with_the_edit() {
    let dir = tempfile::tempdir().unwrap();
    let (ali, dana) = two_copies(dir.path());
    let id = first(&ali).id;
    edit_first(&ali, "Ali", |f| f.description = "Ten calls booked".into());
    delete_first(&dana, "Dana");

    // Ali, who edited it, is told when Dana's deletion comes in.
    let mut file = PlanFile::open(&ali).unwrap();
    let merged = file.merge_copy(&dana).unwrap();
    assert!(file.features().unwrap().is_empty(), "the deletion stands");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let told = &merged.conflicts[0];
    assert_eq!(
        told.sentence,
        "Dana deleted “Interviews” while Ali was editing it; it is kept, with the edit, and \
         can be restored"
    );
    assert_eq!(told.take, "Restore “Interviews”");
    assert_eq!(told.keep, "Keep it deleted");
    let deleted = file.deleted_features().unwrap();
    assert_eq!(deleted.len(), 1);
    assert_eq!(
        (deleted[0].id.as_str(), deleted[0].title.as_str()),
        (id.as_str(), "Interviews")
    );

    let applied = file.take_other(told.id, "Ali").unwrap();
    assert_eq!(applied.label, "Restored “Interviews”");
    let back = file.features().unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].id, id, "the same feature, same id");
    assert_eq!(
        back[0].data.description, "Ten calls booked",
        "with the edit"
    );
    assert!(file.conflicts().unwrap().is_empty());
    assert!(file.deleted_features().unwrap().is_empty());
    drop(file);

    // Dana's copy says the same when Ali's edit comes in, and follows the restore.
    let mut theirs = PlanFile::open(&dana).unwrap();
    let at_dana = theirs.merge_copy(&ali).unwrap();
    assert!(
        at_dana.conflicts.is_empty(),
        "the restore came with the edit: nothing left to settle ({:?})",
        at_dana.conflicts
    );
    assert_eq!(
        theirs.features().unwrap()[0].data.description,
        "Ten calls booked"
    );
}

#[test]
fn the_deleter_learns_of_the_edit_too_and_the_history_restores_any_deleted_feature() {
    let dir = tempfile::tempdir().unwrap();
    let (ali, dana) = two_copies(dir.path());
    edit_first(&ali, "Ali", |f| f.title = "Customer interviews".into());
    delete_first(&dana, "Dana");
    let mut theirs = PlanFile::open(&dana).unwrap();
    let merged = theirs.merge_copy(&ali).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    assert!(
        merged.conflicts[0]
            .sentence
            .starts_with("Dana deleted “Customer interviews” while Ali was editing it"),
        "{}",
        merged.conflicts[0].sentence
    );

    let deleted = theirs.deleted_features().unwrap();
    assert_eq!(deleted[0].title, "Customer interviews");
    let applied = theirs
        .apply(
            Operation::RestoreFeature {
                id: deleted[0].id.clone(),
            },
            "Dana",
        )
        .unwrap();
    assert_eq!(applied.label, "Restored “Customer interviews”");
    assert_eq!(applied.changes.features.len(), 1, "what the window patches");
    assert!(
        theirs.conflicts().unwrap().is_empty(),
        "a restored item's conflict ends"
    );
    let err = theirs
        .apply(
            Operation::RestoreFeature {
                id: deleted[0].id.clone(),
            },
            "Dana",
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Feature: “Customer interviews” is not deleted."
    );
}

#[test]
fn conflicts_are_kept_in_the_plan_file_until_settled() {
    let dir = tempfile::tempdir().unwrap();
    let (ali, dana) = two_copies(dir.path());
    edit_first(&ali, "Ali", |f| f.horizon = Horizon::Now);
    edit_first(&dana, "Dana", |f| f.horizon = Horizon::Next);
    PlanFile::open(&ali).unwrap().merge_copy(&dana).unwrap();
    let reopened = PlanFile::open(&ali).unwrap();
    assert_eq!(reopened.conflicts().unwrap().len(), 1);
    assert_eq!(reopened.integrity_check().unwrap(), "ok");
}

#[test]
fn a_team_s_kpi_set_on_two_laptops_says_which_kpi_replaced_which() {
    let dir = tempfile::tempdir().unwrap();
    let (ali, dana) = two_copies(dir.path());
    let team = {
        let mut file = PlanFile::open(&ali).unwrap();
        let team = file
            .insert(TeamData::new("Growth", TeamKind::Product, 6))
            .unwrap();
        drop(file);
        std::fs::copy(&ali, &dana).unwrap();
        team
    };
    let set_kpi = |path: &Path, author: &str, metric: &str, values: usize| {
        let mut data = team.data.clone();
        data.kpi = Some(TeamKpi {
            metric: metric.into(),
            unit: "%".into(),
            target: 12.0,
            deadline: common::date(2027, 12, 31),
            values: (0..values)
                .map(|i| KpiValue {
                    date: common::date(2027, 1, 1 + i as u32),
                    value: 5.0,
                })
                .collect(),
        });
        PlanFile::open(path)
            .unwrap()
            .apply(
                Operation::UpdateTeam {
                    id: team.id.clone(),
                    data,
                },
                author,
            )
            .unwrap();
    };
    set_kpi(&ali, "Ali", "Trial-to-paid conversion", 1);
    set_kpi(&dana, "Dana", "Activation rate", 2);
    let merged = PlanFile::open(&ali).unwrap().merge_copy(&dana).unwrap();
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let said = &merged.conflicts[0].sentence;
    assert!(
        said.contains("KPI ‘Trial-to-paid conversion, 1 value’")
            || said.contains("KPI ‘Activation rate, 2 values’"),
        "{said}"
    );
    assert!(said.ends_with("on team “Growth”"), "{said}");
}
