//! Every edit is one operation of the core: recorded in the plan's history, projected into the
//! tables in the same transaction, undone and redone as one step, and refused whole.

mod common;

use common::{comparable, date, dump, empty_plan};
use keel_core::domain::*;
use keel_core::{Operation, PlanFile};
use proptest::prelude::*;

const ME: &str = "Dana";

fn assert_projection_is_history(file: &PlanFile) {
    assert_eq!(
        comparable(file.document().unwrap()),
        comparable(file.history_document().unwrap()),
        "the tables show exactly what the history holds"
    );
}

fn feature(title: &str) -> FeatureData {
    FeatureData::new(title, RiskClass::Business)
}

#[test]
fn an_operation_is_recorded_with_its_label_and_author() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = empty_plan(dir.path());
    let sso = file
        .apply(
            Operation::CreateFeature {
                data: feature("SSO"),
            },
            ME,
        )
        .unwrap();
    let id = sso.created.clone().unwrap();
    assert_eq!(sso.label, "Added “SSO”");
    assert_eq!(sso.changes.features.len(), 1);
    assert!(
        sso.changes.feature_order.is_some(),
        "a new feature changes the order"
    );
    let moved = file
        .apply(
            Operation::MoveFeature {
                id: id.clone(),
                horizon: Horizon::Now,
                position: 1,
            },
            ME,
        )
        .unwrap();
    assert_eq!(moved.label, "Moved “SSO” to Now");
    assert_eq!(moved.changes.features[0].data.horizon, Horizon::Now);
    let log = file.log(None).unwrap();
    assert_eq!(log[0].label, "Moved “SSO” to Now");
    assert_eq!(log[0].author, ME);
    assert_eq!(log[1].label, "Added “SSO”");
    assert_eq!(log.last().unwrap().label, "Created the plan");
    assert_projection_is_history(&file);
}

#[test]
fn a_field_edit_sends_back_only_that_feature() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = empty_plan(dir.path());
    for title in ["A", "B", "C"] {
        file.create_feature(feature(title)).unwrap();
    }
    let b = file.features().unwrap()[1].clone();
    let mut data = b.data.clone();
    data.status = FeatureStatus::Done;
    let applied = file
        .apply(
            Operation::UpdateFeature {
                id: b.id.clone(),
                data,
            },
            ME,
        )
        .unwrap();
    assert_eq!(applied.label, "Edited “B”: status idea → done");
    assert_eq!(applied.changes.features.len(), 1);
    assert_eq!(applied.changes.features[0].position, 2);
    assert!(
        applied.changes.feature_order.is_none(),
        "the order did not change"
    );
    assert!(applied.changes.plan.is_none() && applied.changes.teams.is_none());
}

#[test]
fn undoing_a_team_delete_brings_it_back_with_its_id_and_its_features() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    let team = file
        .insert(TeamData::new("Core", TeamKind::Product, 5))
        .unwrap();
    let mut data = feature("Onboarding");
    data.team_id = Some(team.id.clone());
    let onboarding = file.create_feature(data).unwrap();
    let deleted = file
        .apply(
            Operation::DeleteTeam {
                id: team.id.clone(),
            },
            ME,
        )
        .unwrap();
    assert_eq!(deleted.label, "Deleted team “Core”");
    assert_eq!(file.feature(&onboarding.id).unwrap().data.team_id, None);
    assert_eq!(
        deleted.changes.features[0].data.team_id, None,
        "the window learns the feature lost its team"
    );
    let undone = file.undo(ME).unwrap().expect("there is an edit to undo");
    assert_eq!(undone.label, "Undid: Deleted team “Core”");
    assert_eq!(
        file.get::<TeamData>(&team.id).unwrap(),
        team,
        "same id, same data"
    );
    assert_eq!(
        file.feature(&onboarding.id).unwrap().data.team_id,
        Some(team.id.clone()),
        "its features link to it again"
    );
    assert_eq!(
        undone.changes.features[0].data.team_id,
        Some(team.id.clone())
    );
    let redone = file.redo(ME).unwrap().unwrap();
    assert_eq!(redone.label, "Redid: Deleted team “Core”");
    assert!(file.list::<TeamData>().unwrap().is_empty());
    drop(file);
    let file = PlanFile::open(&path).unwrap();
    assert!(
        file.list::<TeamData>().unwrap().is_empty(),
        "the redo was saved"
    );
    assert_projection_is_history(&file);
}

#[test]
fn undo_takes_back_one_operation_at_a_time_and_stops_at_the_session_start() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    file.apply(
        Operation::AddMilestones {
            milestones: keel_core::compute::ladder::ladder(&keel_core::samples::goal(date(
                2026, 1, 1,
            ))),
        },
        ME,
    )
    .unwrap();
    assert_eq!(file.list::<MilestoneData>().unwrap().len(), 3);
    drop(file);
    let mut file = PlanFile::open(&path).unwrap();
    assert!(
        file.undo(ME).unwrap().is_none(),
        "a new session has nothing to undo"
    );
    let mut plan = file.plan().unwrap().data;
    plan.vision = "Every team hears its customers.".into();
    file.apply(Operation::UpdatePlan { data: plan }, ME)
        .unwrap();
    let (undo, redo) = file.undo_redo_labels().unwrap();
    assert_eq!(undo.as_deref(), Some("Edited the vision"));
    assert_eq!(redo, None);
    file.undo(ME).unwrap().unwrap();
    assert_eq!(file.plan().unwrap().data.vision, "");
    assert!(file.undo(ME).unwrap().is_none());
    assert_eq!(
        file.list::<MilestoneData>().unwrap().len(),
        3,
        "the earlier session's edit stays"
    );
}

#[test]
fn a_refused_operation_changes_nothing_in_the_file_or_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    let kept = file.create_feature(feature("Kept")).unwrap();
    let before = dump(&path);
    let log = file.log(None).unwrap();
    let document = file.history_document().unwrap();
    let mut bad = kept.data.clone();
    bad.title = "x".repeat(500);
    let refusals = [
        Operation::UpdateFeature {
            id: kept.id.clone(),
            data: bad,
        },
        Operation::DeleteFeature {
            id: "no such".into(),
        },
        Operation::AddActual {
            data: ActualData {
                date: date(2026, 1, 1),
                value: -1.0,
            },
        },
        Operation::AddMilestones { milestones: vec![] },
        Operation::RestoreVersion { id: "none".into() },
    ];
    for op in refusals {
        assert!(
            file.apply(op.clone(), ME).is_err(),
            "{op:?} must be refused"
        );
        assert_eq!(dump(&path), before, "{op:?} left the file as it was");
        assert_eq!(file.log(None).unwrap(), log);
        assert_eq!(file.history_document().unwrap(), document);
    }
    assert!(
        file.undo(ME).unwrap().is_some(),
        "undo still takes back the last real edit"
    );
}

#[test]
fn restoring_a_version_is_an_operation_that_undo_takes_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = empty_plan(dir.path());
    file.create_feature(feature("First")).unwrap();
    let board = file.mark_version("Board meeting", ME).unwrap();
    let second = file.create_feature(feature("Second")).unwrap();
    let mut edited = file.features().unwrap()[0].data.clone();
    edited.title = "First, renamed".into();
    let first_id = file.features().unwrap()[0].id.clone();
    file.update_feature(&first_id, edited).unwrap();
    let restored = file
        .apply(
            Operation::RestoreVersion {
                id: board.id.clone(),
            },
            ME,
        )
        .unwrap();
    assert_eq!(restored.label, "Restored version “Board meeting”");
    let titles = |f: &PlanFile| -> Vec<String> {
        f.features()
            .unwrap()
            .into_iter()
            .map(|f| f.data.title)
            .collect()
    };
    assert_eq!(titles(&file), ["First"]);
    assert_eq!(restored.changes.removed_features, vec![second.id.clone()]);
    assert_projection_is_history(&file);
    file.undo(ME).unwrap().unwrap();
    assert_eq!(titles(&file), ["First, renamed", "Second"]);
    assert_eq!(
        file.versions().unwrap(),
        vec![board],
        "undo never removes a version"
    );
}

#[test]
fn text_fields_are_edited_by_difference() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    let mut plan = file.plan().unwrap().data;
    plan.vision = "A long vision of the company. ".repeat(40);
    file.update_plan(plan.clone()).unwrap();
    plan.vision.push_str("One more sentence.");
    file.update_plan(plan.clone()).unwrap();
    assert_eq!(file.plan().unwrap().data.vision, plan.vision);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let last: Vec<u8> = conn
        .query_row(
            "SELECT bytes FROM history_change ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        last.len() < 400,
        "appending to a {}-character text records the difference, not the text: {} bytes",
        plan.vision.len(),
        last.len()
    );
}

#[test]
fn a_projection_behind_its_history_is_rebuilt_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    file.create_feature(feature("One")).unwrap();
    file.create_feature(feature("Two")).unwrap();
    drop(file);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("DELETE FROM feature; UPDATE history_meta SET projected_version = x'00';")
        .unwrap();
    drop(conn);
    let read_only = PlanFile::open_with(&path, keel_core::Mode::Inspect).unwrap();
    assert_eq!(
        read_only.features().unwrap().len(),
        2,
        "a read-only open reads the history"
    );
    drop(read_only);
    let file = PlanFile::open(&path).unwrap();
    assert_eq!(file.features().unwrap().len(), 2);
    assert_projection_is_history(&file);
}

/// One random step of a founder's session.
#[derive(Debug, Clone)]
enum Step {
    AddFeature(String, u8),
    EditFeature(usize, String, u8),
    DeleteFeature(usize),
    MoveFeature(usize, u8, u32),
    AddTeam(String),
    DeleteTeam(usize),
    LinkTeam(usize, usize),
    AddActual(u16, u32),
    DeleteActual(usize),
    Vision(String),
    Goal(bool),
    Undo,
    Redo,
}

fn arb_step() -> impl Strategy<Value = Step> {
    let title = "[a-zA-Z ]{1,12}";
    prop_oneof![
        (title, 0u8..3).prop_map(|(t, c)| Step::AddFeature(t, c)),
        (any::<usize>(), title, 0u8..3).prop_map(|(i, t, h)| Step::EditFeature(i, t, h)),
        any::<usize>().prop_map(Step::DeleteFeature),
        (any::<usize>(), 0u8..3, 0u32..12).prop_map(|(i, h, p)| Step::MoveFeature(i, h, p)),
        title.prop_map(Step::AddTeam),
        any::<usize>().prop_map(Step::DeleteTeam),
        (any::<usize>(), any::<usize>()).prop_map(|(f, t)| Step::LinkTeam(f, t)),
        (0u16..400, 0u32..100_000).prop_map(|(d, v)| Step::AddActual(d, v)),
        any::<usize>().prop_map(Step::DeleteActual),
        "[a-z .]{0,40}".prop_map(Step::Vision),
        any::<bool>().prop_map(Step::Goal),
        Just(Step::Undo),
        Just(Step::Undo),
        Just(Step::Redo),
    ]
}

fn pick<T: Clone>(items: &[T], i: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[i % items.len()].clone())
}

fn run(file: &mut PlanFile, step: &Step) {
    let horizons = [Horizon::Now, Horizon::Next, Horizon::Later];
    let classes = [
        RiskClass::Business,
        RiskClass::Technical,
        RiskClass::Operational,
    ];
    let features = file.features().unwrap();
    let teams = file.list::<TeamData>().unwrap();
    let op = match step.clone() {
        Step::AddFeature(t, c) => Some(Operation::CreateFeature {
            data: FeatureData::new(&t, classes[c as usize]),
        }),
        Step::EditFeature(i, t, h) => pick(&features, i).map(|f| {
            let mut data = f.data.clone();
            data.title = t;
            data.horizon = horizons[h as usize];
            Operation::UpdateFeature { id: f.id, data }
        }),
        Step::DeleteFeature(i) => pick(&features, i).map(|f| Operation::DeleteFeature { id: f.id }),
        Step::MoveFeature(i, h, p) => pick(&features, i).map(|f| Operation::MoveFeature {
            id: f.id,
            horizon: horizons[h as usize],
            position: p,
        }),
        Step::AddTeam(name) => Some(Operation::CreateTeam {
            data: TeamData::new(&name, TeamKind::Product, 3),
        }),
        Step::DeleteTeam(i) => pick(&teams, i).map(|t| Operation::DeleteTeam { id: t.id }),
        Step::LinkTeam(f, t) => pick(&features, f).zip(pick(&teams, t)).map(|(f, t)| {
            let mut data = f.data.clone();
            data.team_id = Some(t.id);
            Operation::UpdateFeature { id: f.id, data }
        }),
        Step::AddActual(d, v) => Some(Operation::AddActual {
            data: ActualData {
                date: date(2026, 1, 1) + chrono::Duration::days(i64::from(d)),
                value: f64::from(v),
            },
        }),
        Step::DeleteActual(i) => pick(&file.list::<ActualData>().unwrap(), i)
            .map(|a| Operation::DeleteActual { id: a.id }),
        Step::Vision(text) => {
            let mut data = file.plan().unwrap().data;
            data.vision = text;
            Some(Operation::UpdatePlan { data })
        }
        Step::Goal(true) => Some(Operation::SetGoal {
            goal: keel_core::samples::goal(date(2026, 1, 1)),
        }),
        Step::Goal(false) => Some(Operation::ClearGoal),
        Step::Undo => {
            file.undo(ME).unwrap();
            None
        }
        Step::Redo => {
            file.redo(ME).unwrap();
            None
        }
    };
    if let Some(op) = op {
        // An operation the core refuses (a second actual on a date) is fine; a panic is not.
        let _ = file.apply(op, ME);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_projection_and_the_plan_in_memory_always_equal_the_history_and_undoing_everything_restores_the_start(
        steps in prop::collection::vec(arb_step(), 1..30)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (mut file, path) = empty_plan(dir.path());
        file.create_feature(feature("Seed")).unwrap();
        drop(file);
        let mut file = PlanFile::open(&path).unwrap();
        let start = comparable(file.document().unwrap());
        // Held in memory from here on and patched by every step.
        file.current().unwrap();
        for step in &steps {
            run(&mut file, step);
            prop_assert_eq!(
                comparable(file.document().unwrap()),
                comparable(file.history_document().unwrap()),
                "after {:?}", step
            );
            let read = file.document().unwrap();
            prop_assert_eq!(file.current().unwrap(), &read, "the plan in memory, after {:?}", step);
        }
        while file.undo(ME).unwrap().is_some() {}
        prop_assert_eq!(comparable(file.document().unwrap()), start.clone(), "undoing everything");
        drop(file);
        let reopened = PlanFile::open(&path).unwrap();
        prop_assert_eq!(comparable(reopened.document().unwrap()), start);
    }
}
