//! The sample plan shows Keel's ideas on first sight (see shared/UI.md, "The sample plan").

mod common;

use common::date;
use keel_core::domain::*;
use keel_core::samples::create_sample_plan;
use std::collections::HashSet;

/// The sample is made relative to the day a founder first opens Keel: whatever that day is
/// (month ends, a leap day, a new year), it must show the same things.
#[test]
fn the_sample_plan_is_a_realistic_mvp_stage_company_on_any_day() {
    for today in [
        date(2026, 11, 27),
        date(2026, 12, 1),
        date(2026, 12, 31),
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2028, 2, 29),
        date(2031, 6, 15),
    ] {
        sample_made_on(today);
    }
}

fn sample_made_on(today: chrono::NaiveDate) {
    let dir = tempfile::tempdir().unwrap();
    let file = create_sample_plan(&dir.path().join("s.keel"), today).unwrap();

    let analysis = keel_core::compute::analysis::analyse(&file.document().unwrap(), today);
    let progress = analysis.traction.progress.as_ref().expect("progress");
    assert_eq!(
        progress.status,
        keel_core::compute::traction::TractionStatus::Behind,
        "the sample made on {today} is behind its ladder"
    );
    assert!(
        matches!(
            analysis.traction.projection,
            keel_core::compute::traction::Projection::Reached { .. }
        ),
        "the sample made on {today} projects when its next milestone is reached"
    );
    assert_eq!(
        analysis
            .traction
            .factory
            .as_ref()
            .and_then(|f| f.bottleneck),
        Some(FactoryStep::Activation),
        "made on {today}"
    );
    let ids: HashSet<&str> = analysis.findings.iter().map(|f| f.id.as_str()).collect();
    for id in ["K003", "K004", "K006"] {
        assert!(ids.contains(id), "the sample made on {today} shows {id}");
    }
    assert!(
        !ids.contains("K002"),
        "the sample made on {today} has a recent actual"
    );

    let plan = file.plan().unwrap().data;
    assert_eq!(plan.stage, Stage::Mvp);
    assert!(!plan.vision.is_empty() && !plan.strategy.is_empty() && !plan.tagline.is_empty());
    let canvas = file.canvas().unwrap();
    for (name, text) in [
        ("problem", &canvas.problem),
        ("segments", &canvas.customer_segments),
        ("uvp", &canvas.unique_value_proposition),
        ("solution", &canvas.solution),
        ("channels", &canvas.channels),
        ("revenue", &canvas.revenue_streams),
        ("costs", &canvas.cost_structure),
        ("metrics", &canvas.key_metrics),
        ("advantage", &canvas.unfair_advantage),
    ] {
        assert!(!text.is_empty(), "the canvas box {name} is filled");
    }

    let goal = file
        .goal()
        .unwrap()
        .expect("the sample has a traction goal");
    assert_eq!(goal.metric, TractionMetric::Arr);
    let ladder: Vec<f64> = file
        .list::<MilestoneData>()
        .unwrap()
        .iter()
        .map(|m| m.data.target)
        .collect();
    assert_eq!(
        ladder,
        vec![
            goal.msc_target / 100.0,
            goal.msc_target / 10.0,
            goal.msc_target
        ]
    );

    let actuals = file.list::<ActualData>().unwrap();
    assert!(actuals.len() >= 5, "several months of actuals");
    let latest = actuals.last().unwrap();
    assert!(
        (today - latest.data.date).num_days() < 30,
        "the latest actual is recent"
    );
    assert!(
        actuals
            .windows(2)
            .all(|w| w[1].data.value > w[0].data.value),
        "actuals grow"
    );
    assert!(
        latest.data.value > ladder[0] && latest.data.value < ladder[1],
        "the company is between its first and second milestone"
    );

    let weeks = file.list::<FactorySnapshotData>().unwrap();
    assert!(weeks.len() >= 4);
    let w = &weeks.last().unwrap().data;
    let conversions = [
        (
            "activation",
            f64::from(w.activation) / f64::from(w.acquisition),
        ),
        (
            "retention",
            f64::from(w.retention) / f64::from(w.activation),
        ),
        ("revenue", f64::from(w.revenue) / f64::from(w.retention)),
        ("referral", f64::from(w.referral) / f64::from(w.revenue)),
    ];
    let worst = conversions
        .iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    assert_eq!(worst.0, "activation", "activation is the bottleneck");

    let teams = file.list::<TeamData>().unwrap();
    assert_eq!(teams.len(), 1);
    assert_eq!(
        (teams[0].data.kind, teams[0].data.size),
        (TeamKind::Product, 6)
    );

    let features = file.features().unwrap();
    assert!(
        (20..=30).contains(&features.len()),
        "20–30 features, got {}",
        features.len()
    );
    let classes: HashSet<_> = features.iter().map(|f| f.data.risk_class).collect();
    let stages: HashSet<_> = features.iter().map(|f| f.data.stage).collect();
    let horizons: HashSet<_> = features.iter().map(|f| f.data.horizon).collect();
    assert_eq!(classes.len(), 3, "all risk classes");
    assert_eq!(stages.len(), 3, "all stages");
    assert_eq!(horizons.len(), 3, "all horizons");
    assert!(
        features.iter().filter(|f| f.data.reach.is_some()).count() >= 3,
        "RICE inputs on some"
    );
    assert!(
        features
            .iter()
            .any(|f| f.data.risk_class == RiskClass::Technical
                && f.data.scale_assumption == Some(100_000_000.0)),
        "one technical feature built for 100 million users"
    );
    assert!(
        features
            .iter()
            .any(|f| f.data.risk_class == RiskClass::Operational
                && !f.data.quick_win
                && f.data.horizon == Horizon::Now),
        "one operational tool that is not a quick win"
    );
    assert!(
        features
            .iter()
            .any(|f| f.data.risk_class == RiskClass::Operational && f.data.quick_win),
        "one operational quick win"
    );
}
