//! Every entity goes into a plan file on disk and comes back out unchanged.

mod common;

use common::{date, empty_plan};
use keel_core::domain::*;
use keel_core::{ErrorCode, PlanFile};

fn goal() -> TractionGoal {
    TractionGoal {
        metric: TractionMetric::Arr,
        custom_unit: None,
        msc_target: 1_000_000.0,
        deadline: date(2029, 1, 1),
        revenue_per_customer_month: Some(49.0),
        lifetime_months: 24.0,
        acquisition_rate: Some(0.04),
        activation_rate: Some(0.25),
        referral_rate: None,
    }
}

#[test]
fn plan_and_canvas_round_trip_and_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    let mut data = file.plan().unwrap().data;
    assert_eq!(data.company_name, "Acme Robotics");
    assert_eq!(data.currency, "USD", "a new plan defaults to USD");
    data.tagline = "  Robots that fold laundry  ".into();
    data.vision = "# Vision\nEvery home".into();
    data.strategy = "Win hotels first".into();
    data.stage = Stage::Scaling;
    data.currency = "eur".into();
    let saved = file.update_plan(data).unwrap();
    assert_eq!(
        saved.data.tagline, "Robots that fold laundry",
        "text is trimmed"
    );
    assert_eq!(saved.data.currency, "EUR", "currency codes are upper-cased");

    let canvas = LeanCanvas {
        problem: "Laundry takes hours".into(),
        unfair_advantage: "Patents".into(),
        ..LeanCanvas::default()
    };
    file.update_canvas(canvas.clone()).unwrap();
    drop(file);

    let file = PlanFile::open(&path).unwrap();
    assert_eq!(file.plan().unwrap(), saved);
    assert_eq!(file.canvas().unwrap(), canvas);
}

#[test]
fn goal_round_trips_and_can_be_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    assert_eq!(file.goal().unwrap(), None);
    file.set_goal(goal()).unwrap();
    drop(file);
    let mut file = PlanFile::open(&path).unwrap();
    assert_eq!(file.goal().unwrap(), Some(goal()));
    file.clear_goal().unwrap();
    assert_eq!(file.goal().unwrap(), None);
}

/// Inserts, reads back, updates, lists and deletes one entity type.
fn crud<T: keel_core::ops::Editable + PartialEq + std::fmt::Debug>(first: T, second: T) {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    let a = file.insert(first.clone()).unwrap();
    assert_eq!(file.get::<T>(&a.id).unwrap(), a);
    let b = file.update(&a.id, second.clone()).unwrap();
    drop(file);
    let mut file = PlanFile::open(&path).unwrap();
    assert_eq!(file.list::<T>().unwrap(), vec![b.clone()]);
    file.delete::<T>(&a.id).unwrap();
    assert!(file.list::<T>().unwrap().is_empty());
    let err = file.delete::<T>(&a.id).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::NotFound,
        "deleting twice is a clear not-found"
    );
}

#[test]
fn milestones_round_trip() {
    let m = |name: &str, target| MilestoneData {
        name: name.into(),
        date: date(2027, 1, 1),
        target,
        ninety_day_goals: "- ship".into(),
    };
    crud(m("Year 1", 10_000.0), m("Year 1 (revised)", 12_000.0));
}

#[test]
fn actuals_round_trip() {
    crud(
        ActualData {
            date: date(2026, 2, 1),
            value: 1200.0,
        },
        ActualData {
            date: date(2026, 2, 2),
            value: 0.0,
        },
    );
}

#[test]
fn factory_snapshots_round_trip() {
    let s = |acquisition| FactorySnapshotData {
        period_start: date(2026, 3, 2),
        acquisition,
        activation: 40,
        retention: 30,
        revenue: 20,
        referral: 5,
    };
    crud(s(400), s(420));
}

#[test]
fn teams_round_trip() {
    // The second carries everything a scaling team has: its KPI with values and its
    // quarters are nested values in the document and JSON in their columns.
    crud(
        TeamData::new("Core", TeamKind::Product, 6),
        TeamData {
            mission: "One paved road for every product team.".into(),
            kpi: Some(TeamKpi {
                metric: "Monthly uptime".into(),
                unit: "%".into(),
                target: 99.95,
                deadline: date(2027, 12, 31),
                values: vec![
                    KpiValue {
                        date: date(2027, 1, 1),
                        value: 99.5,
                    },
                    KpiValue {
                        date: date(2027, 2, 1),
                        value: 100.0,
                    },
                ],
            }),
            quarters: vec![
                TeamQuarter {
                    quarter: "2027-Q1".into(),
                    funding: 1_500_000.5,
                    headcount: 17,
                },
                TeamQuarter {
                    quarter: "2027-Q2".into(),
                    funding: 0.0,
                    headcount: 0,
                },
            ],
            ..TeamData::new("Platform", TeamKind::Platform, 100)
        },
    );
}

#[test]
fn features_round_trip_with_every_field_and_keep_a_dense_order() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    let team = file
        .insert(TeamData::new("Core", TeamKind::Product, 6))
        .unwrap();
    let milestone = file
        .insert(MilestoneData {
            name: "Year 1".into(),
            date: date(2027, 1, 1),
            target: 10_000.0,
            ninety_day_goals: String::new(),
        })
        .unwrap();
    let full = FeatureData {
        title: "Onboarding".into(),
        description: "**Markdown** | with pipes".into(),
        risk_class: RiskClass::Business,
        risk_level: 5,
        quick_win: true,
        build_or_buy: BuildOrBuy::Buy,
        stage: Stage::Scaling,
        status: FeatureStatus::InProgress,
        horizon: Horizon::Now,
        start_date: Some(date(2026, 1, 5)),
        end_date: Some(date(2026, 1, 5)),
        effort_weeks: Some(2.5),
        reach: Some(0.0),
        impact: Some(0.25),
        confidence: Some(1.0),
        scale_assumption: Some(1e8),
        milestone_id: Some(milestone.id.clone()),
        factory_step: Some(FactoryStep::Activation),
        team_id: Some(team.id.clone()),
        source: Some("linear:ENG-12".into()),
        replatform: true,
    };
    let a = file.create_feature(full.clone()).unwrap();
    let b = file
        .create_feature(FeatureData::new("Billing", RiskClass::Operational))
        .unwrap();
    let c = file
        .create_feature(FeatureData::new("Sharding", RiskClass::Technical))
        .unwrap();
    assert_eq!((a.position, b.position, c.position), (1, 2, 3));
    assert_eq!(a.data, full);

    let order = |file: &PlanFile| -> Vec<String> {
        file.features().unwrap().into_iter().map(|f| f.id).collect()
    };
    file.move_feature(&c.id, 1).unwrap();
    assert_eq!(order(&file), vec![c.id.clone(), a.id.clone(), b.id.clone()]);
    file.move_feature(&c.id, 99).unwrap();
    assert_eq!(
        order(&file),
        vec![a.id.clone(), b.id.clone(), c.id.clone()],
        "a position past the end moves to the end"
    );

    let mut edited = full.clone();
    edited.title = "Guided onboarding".into();
    edited.milestone_id = None;
    file.update_feature(&a.id, edited.clone()).unwrap();
    file.delete_feature(&b.id).unwrap();
    drop(file);

    let mut file = PlanFile::open(&path).unwrap();
    let features = file.features().unwrap();
    assert_eq!(features.len(), 2);
    assert_eq!(features[0].data, edited);
    assert_eq!(
        features.iter().map(|f| f.position).collect::<Vec<_>>(),
        vec![1, 2],
        "positions stay dense after a delete"
    );

    file.delete::<TeamData>(&team.id).unwrap();
    assert_eq!(
        file.feature(&a.id).unwrap().data.team_id,
        None,
        "deleting a team unlinks its features"
    );
}

#[test]
fn a_named_version_reads_the_plan_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    file.create_feature(FeatureData::new("First", RiskClass::Business))
        .unwrap();
    let version = file.mark_version("Board meeting", "Dana").unwrap();
    file.create_feature(FeatureData::new("Second", RiskClass::Business))
        .unwrap();
    drop(file);
    let file = PlanFile::open(&path).unwrap();
    let then = file.version_document(&version.id).unwrap();
    let titles: Vec<&str> = then
        .features
        .iter()
        .map(|f| f.data.title.as_str())
        .collect();
    assert_eq!(titles, ["First"], "the version keeps the plan as it was");
    assert_eq!(file.features().unwrap().len(), 2);
    assert_eq!(file.versions().unwrap(), vec![version.clone()]);
    assert_eq!(file.find_version("Board meeting").unwrap(), version);
}

#[test]
fn every_edit_stamps_the_plan_as_updated() {
    let dir = tempfile::tempdir().unwrap();
    let (file, path) = empty_plan(dir.path());
    drop(file);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE plan SET updated_at = '2000-01-01T00:00:00Z'", [])
        .unwrap();
    drop(conn);
    let mut file = PlanFile::open(&path).unwrap();
    file.mark_version("x", "Dana").unwrap();
    assert_ne!(
        file.plan().unwrap().updated_at,
        "2000-01-01T00:00:00Z",
        "an edit must stamp updated_at"
    );
}

#[test]
fn save_as_writes_a_checked_complete_copy_and_keeps_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.keel");
    let file = keel_core::samples::create_sample_plan(&path, date(2026, 11, 27)).unwrap();
    let copy = dir.path().join("copy.keel");
    std::fs::write(&copy, "an older file that Save as replaces").unwrap();
    file.save_as(&copy).unwrap();
    drop(file);
    let a = PlanFile::open(&path).unwrap().document().unwrap();
    let b = PlanFile::open(&copy).unwrap().document().unwrap();
    assert_eq!(a, b, "the copy holds the whole plan");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");

    let file = PlanFile::open(&path).unwrap();
    let err = file.save_as(&path).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::Validation,
        "saving over the open plan itself is refused"
    );
}

#[test]
fn a_generated_large_plan_is_written_whole_with_its_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.keel");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let file = keel_core::samples::generate::write_large_plan(&path, 1_000, 3, today).unwrap();
    assert_eq!(file.features().unwrap().len(), 1_000);
    assert_eq!(file.versions().unwrap().len(), 2);
    assert_eq!(
        file.document().unwrap().features,
        keel_core::samples::generate::large_plan(1_000, 3, today).features
    );
    assert_eq!(file.integrity_check().unwrap(), "ok");
    drop(file);
    let again = keel_core::samples::generate::write_large_plan(&path, 10, 3, today);
    assert!(again.is_err(), "an existing file is never overwritten");
}
