//! Each plan-check rule fires on a plan made to break it, and stays silent on a healthy plan.

mod common;

use chrono::NaiveDate;
use common::date;
use keel_core::compute::check::{Finding, ItemKind, ItemRef, Severity};
use keel_core::compute::ladder::ladder;
use keel_core::domain::*;
use keel_core::PlanDocument;

const TODAY: fn() -> NaiveDate = || date(2027, 6, 1);

/// The plan check with the ranking it is given in the app (computed once, by the analysis).
fn check(doc: &PlanDocument, today: NaiveDate) -> Vec<Finding> {
    let ranking = keel_core::compute::priority::rank(
        &doc.features,
        keel_core::compute::priority::PriorityView::RiskFirst,
    );
    keel_core::compute::check::check(doc, &ranking, today)
}

fn item<T>(id: u32, data: T) -> Item<T> {
    Item {
        id: id.to_string(),
        data,
    }
}

fn feature(
    id: u32,
    title: &str,
    class: RiskClass,
    level: u32,
    status: FeatureStatus,
    horizon: Horizon,
) -> Feature {
    let mut d = FeatureData::new(title, class);
    d.risk_level = level;
    d.status = status;
    d.horizon = horizon;
    d.milestone_id = Some("2".into());
    d.factory_step = Some(FactoryStep::Activation);
    d.effort_weeks = Some(4.0);
    Feature {
        id: id.to_string(),
        position: id,
        data: d,
    }
}

/// A plan that breaks no rule: traction ahead, one team of six, risk-first work in progress.
fn healthy() -> PlanDocument {
    let goal = TractionGoal {
        metric: TractionMetric::Arr,
        custom_unit: None,
        msc_target: 1_000_000.0,
        deadline: date(2029, 1, 1),
        revenue_per_customer_month: Some(50.0),
        lifetime_months: 24.0,
        acquisition_rate: Some(0.05),
        activation_rate: Some(0.3),
        referral_rate: None,
    };
    let mut technical = feature(
        2,
        "Fast import",
        RiskClass::Technical,
        3,
        FeatureStatus::Planned,
        Horizon::Next,
    );
    technical.data.scale_assumption = Some(1_000.0);
    let mut quick = feature(
        3,
        "CRM tagging",
        RiskClass::Operational,
        2,
        FeatureStatus::Planned,
        Horizon::Later,
    );
    quick.data.quick_win = true;
    PlanDocument {
        format: PlanDocument::FORMAT,
        plan: Plan {
            data: PlanData::new("Healthy Co", date(2026, 1, 1)),
            created_at: "2026-01-01T00:00:00Z".into(),
            updated_at: "2026-01-01T00:00:00Z".into(),
        },
        canvas: LeanCanvas::default(),
        milestones: ladder(&goal)
            .into_iter()
            .enumerate()
            .map(|(i, m)| item(i as u32 + 1, m))
            .collect(),
        goal: Some(goal),
        actuals: vec![
            item(
                1,
                ActualData {
                    date: date(2027, 4, 25),
                    value: 22_000.0,
                },
            ),
            item(
                2,
                ActualData {
                    date: date(2027, 5, 25),
                    value: 30_000.0,
                },
            ),
        ],
        factory_snapshots: vec![item(
            1,
            FactorySnapshotData {
                period_start: date(2027, 5, 24),
                acquisition: 400,
                activation: 40,
                retention: 35,
                revenue: 30,
                referral: 10,
            },
        )],
        teams: vec![item(1, TeamData::new("Core", TeamKind::Product, 6))],
        features: vec![
            feature(
                1,
                "Onboarding",
                RiskClass::Business,
                5,
                FeatureStatus::InProgress,
                Horizon::Now,
            ),
            technical,
            quick,
        ],
    }
}

fn ids(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.id.as_str()).collect()
}

/// Breaks `healthy()` with `change` and returns the one finding of rule `id`.
fn fires(id: &str, change: impl FnOnce(&mut PlanDocument)) -> Finding {
    let mut doc = healthy();
    change(&mut doc);
    let findings = check(&doc, TODAY());
    let mut matching: Vec<Finding> = findings.iter().filter(|f| f.id == id).cloned().collect();
    assert_eq!(
        matching.len(),
        1,
        "{id} must fire once; got {:?}",
        ids(&findings)
    );
    matching.remove(0)
}

fn feature_ref(id: u32) -> ItemRef {
    ItemRef {
        kind: ItemKind::Feature,
        id: Some(id.to_string()),
    }
}

#[test]
fn a_healthy_plan_has_no_findings() {
    let findings = check(&healthy(), TODAY());
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn k001_no_traction_goal() {
    let f = fires("K001", |d| d.goal = None);
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.contains("Minimum Success Criteria"));
}

#[test]
fn k002_no_recent_actual() {
    let f = fires("K002", |d| {
        d.actuals.retain(|a| a.data.date < date(2027, 4, 30))
    });
    assert!(
        f.message.contains("2027-04-25, 37 days ago"),
        "{}",
        f.message
    );
    assert_eq!(
        f.items,
        vec![ItemRef {
            kind: ItemKind::Actual,
            id: Some("1".into())
        }]
    );
    let none = fires("K002", |d| d.actuals.clear());
    assert!(none.message.contains("No traction actual is recorded yet"));
}

#[test]
fn k003_behind_the_roadmap() {
    let f = fires("K003", |d| d.actuals[1].data.value = 15_000.0);
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        f.message.contains("$15,000 ARR on 2027-05-25"),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("activation, the bottleneck"),
        "{}",
        f.message
    );
    // 80 % of the expected value is on track: no finding.
    let expected = keel_core::compute::traction::expected_value(
        &healthy()
            .milestones
            .iter()
            .map(|m| m.data.clone())
            .collect::<Vec<_>>(),
        date(2027, 5, 25),
    )
    .unwrap();
    let mut doc = healthy();
    doc.actuals[1].data.value = expected * 0.8;
    assert!(!ids(&check(&doc, TODAY())).contains(&"K003"));
}

#[test]
fn k004_technology_ahead_of_the_business() {
    let f = fires("K004", |d| {
        d.features[1].data.scale_assumption = Some(100_000_000.0)
    });
    assert!(f.message.contains("100M users"), "{}", f.message);
    assert!(f.message.contains("about 167 customers"), "{}", f.message);
    assert_eq!(f.items, vec![feature_ref(2)]);
    let mut doc = healthy();
    doc.features[1].data.scale_assumption = Some(1_600.0);
    assert!(
        !ids(&check(&doc, TODAY())).contains(&"K004"),
        "under 10× the next milestone is fine"
    );
}

#[test]
fn k005_stage_ahead() {
    let f = fires("K005", |d| d.features[0].data.stage = Stage::Enterprise);
    assert!(
        f.message.contains("Enterprise feature planned for now"),
        "{}",
        f.message
    );
    let mut doc = healthy();
    doc.plan.data.stage = Stage::Enterprise;
    doc.features[0].data.stage = Stage::Enterprise;
    assert!(
        !ids(&check(&doc, TODAY())).contains(&"K005"),
        "fine once the company is there"
    );
}

#[test]
fn k006_operational_work_planned_now_at_the_mvp_stage() {
    let f = fires("K006", |d| {
        d.features[2].data.quick_win = false;
        d.features[2].data.horizon = Horizon::Now;
    });
    assert!(
        f.message.contains("“CRM tagging” is planned now"),
        "{}",
        f.message
    );
    let mut later = healthy();
    later.features[2].data.quick_win = false;
    assert!(
        !ids(&check(&later, TODAY())).contains(&"K006"),
        "what waits in later is not being built now"
    );
    let mut bought = healthy();
    bought.features[2].data.quick_win = false;
    bought.features[2].data.build_or_buy = BuildOrBuy::Buy;
    assert!(
        !ids(&check(&bought, TODAY())).contains(&"K006"),
        "buying a SaaS product is the advice"
    );
    let mut scaling = healthy();
    scaling.plan.data.stage = Stage::Scaling;
    scaling.features[2].data.quick_win = false;
    scaling.features[2].data.horizon = Horizon::Now;
    assert!(
        !ids(&check(&scaling, TODAY())).contains(&"K006"),
        "only at the MVP stage"
    );
}

#[test]
fn k007_priority_inversion() {
    let f = fires("K007", |d| {
        d.features[0].data.status = FeatureStatus::Idea;
        d.features[0].data.horizon = Horizon::Later;
        d.features[1].data.status = FeatureStatus::InProgress;
    });
    assert!(
        f.message
            .contains("“Fast import” (#2, in progress) ranks below “Onboarding” (#1)"),
        "{}",
        f.message
    );
    assert_eq!(f.items, vec![feature_ref(2), feature_ref(1)]);
    let mut quick_now = healthy();
    quick_now.features[2].data.horizon = Horizon::Now;
    quick_now.features[0].data.horizon = Horizon::Later;
    assert!(
        !ids(&check(&quick_now, TODAY())).contains(&"K007"),
        "quick wins are exempt"
    );
}

#[test]
fn k008_team_shape() {
    let big = fires("K008", |d| d.teams[0].data.size = 12);
    assert!(big.message.contains("has 12 people"), "{}", big.message);
    let small = fires("K008", |d| {
        d.plan.data.stage = Stage::Scaling;
        d.teams[0].data.size = 3;
    });
    assert!(small.message.contains("has 3 people"), "{}", small.message);
    let mut founding = healthy();
    founding.teams[0].data.size = 4;
    assert!(
        !ids(&check(&founding, TODAY())).contains(&"K008"),
        "a founding team of four at the MVP stage is not told to grow"
    );
    let two = fires("K008", |d| {
        d.teams
            .push(item(2, TeamData::new("Platform", TeamKind::Platform, 5)))
    });
    assert!(
        two.message.contains("MVP stage but has 2 teams"),
        "{}",
        two.message
    );
}

#[test]
fn k009_feature_linked_to_nothing() {
    let f = fires("K009", |d| {
        d.features[1].data.milestone_id = None;
        d.features[1].data.factory_step = None;
    });
    assert_eq!(f.severity, Severity::Hint);
    assert_eq!(f.items, vec![feature_ref(2)]);
    let mut one_link = healthy();
    one_link.features[1].data.milestone_id = None;
    assert!(
        !ids(&check(&one_link, TODAY())).contains(&"K009"),
        "a factory step alone is a link"
    );
}

#[test]
fn k010_little_now_effort_on_the_bottleneck() {
    let f = fires("K010", |d| {
        d.features[0].data.factory_step = Some(FactoryStep::Referral)
    });
    assert!(
        f.message
            .contains("Only 0 % of the effort planned for now goes to activation"),
        "{}",
        f.message
    );
    let mut shared = healthy();
    let mut second = shared.features[0].clone();
    second.id = "4".into();
    second.position = 4;
    second.data.factory_step = Some(FactoryStep::Referral);
    second.data.effort_weeks = Some(12.0);
    shared.features.push(second);
    assert!(
        !ids(&check(&shared, TODAY())).contains(&"K010"),
        "25 % on the bottleneck is enough"
    );
}

#[test]
fn findings_are_sorted_by_severity() {
    let mut doc = healthy();
    doc.goal = None;
    doc.features[1].data.milestone_id = None;
    doc.features[1].data.factory_step = None;
    doc.teams[0].data.size = 20;
    let severities: Vec<Severity> = check(&doc, TODAY()).iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    assert_eq!(severities.first(), Some(&Severity::Error));
}

#[test]
fn the_sample_plan_shows_the_mistakes_it_was_written_to_show() {
    let dir = tempfile::tempdir().unwrap();
    let today = date(2026, 11, 27);
    let file = keel_core::samples::create_sample_plan(&dir.path().join("s.keel"), today).unwrap();
    let findings = keel_core::compute::analysis::plan_check(&file.document().unwrap(), today);
    let found = ids(&findings);
    for expected in ["K003", "K004", "K006"] {
        assert!(
            found.contains(&expected),
            "the sample must show {expected}: {found:?}"
        );
    }
    for absent in ["K001", "K002", "K008", "K010"] {
        assert!(
            !found.contains(&absent),
            "the sample must not show {absent}: {found:?}"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn no_generated_plan_makes_the_check_panic_or_print_nan(seed in 1u64..u64::MAX, size in 0u32..200, day in 0i64..2000) {
        let today = date(2025, 1, 1) + chrono::Duration::days(day);
        let doc = keel_core::samples::generate::large_plan(size, seed, today);
        for f in check(&doc, today) {
            proptest::prop_assert!(!f.message.contains("NaN") && !f.message.contains("inf"), "{}", f.message);
            proptest::prop_assert!(!f.items.is_empty() || f.id == "K001", "{} names its items", f.id);
        }
    }
}

/// One open feature for every risk class × horizon × stage, in a company at each stage: which
/// features K005 and K006 name, and how they say it.
#[test]
fn k005_and_k006_fire_on_what_they_are_about_across_every_class_horizon_and_stage() {
    let classes = [
        RiskClass::Business,
        RiskClass::Technical,
        RiskClass::Operational,
    ];
    let horizons = [Horizon::Now, Horizon::Next, Horizon::Later];
    let stages = [Stage::Mvp, Stage::Scaling, Stage::Enterprise];
    for company in stages {
        let mut doc = healthy();
        doc.plan.data.stage = company;
        doc.features.clear();
        let mut id = 0;
        for class in classes {
            for horizon in horizons {
                for stage in stages {
                    id += 1;
                    let mut f = feature(
                        id,
                        &format!("{class:?} {horizon:?} {stage:?}"),
                        class,
                        3,
                        FeatureStatus::Planned,
                        horizon,
                    );
                    f.data.stage = stage;
                    doc.features.push(f);
                }
            }
        }
        let findings = check(&doc, TODAY());
        let named = |rule: &str| -> Vec<String> {
            let mut titles: Vec<String> = findings
                .iter()
                .filter(|f| f.id == rule)
                .flat_map(|f| f.items.iter())
                .filter_map(|i| i.id.clone())
                .map(|id| {
                    doc.features
                        .iter()
                        .find(|f| f.id == id)
                        .unwrap()
                        .data
                        .title
                        .clone()
                })
                .collect();
            titles.sort();
            titles
        };
        let mut ahead: Vec<String> = doc
            .features
            .iter()
            .filter(|f| {
                let order = |s: Stage| stages.iter().position(|x| *x == s);
                f.data.horizon == Horizon::Now && order(f.data.stage) > order(company)
            })
            .map(|f| f.data.title.clone())
            .collect();
        ahead.sort();
        assert_eq!(named("K005"), ahead, "K005 at the {company:?} stage");
        let waste: Vec<String> = if company == Stage::Mvp {
            vec!["Operational Now Mvp".to_string()]
        } else {
            vec![]
        };
        assert_eq!(
            named("K006"),
            waste,
            "K006 at the {company:?} stage: operational work planned now, for the stage the \
             company is at (a feature ahead of it is K005's)"
        );
        for f in findings.iter().filter(|f| f.id == "K005") {
            assert!(
                f.message.contains("is an Enterprise feature")
                    || f.message.contains("is a Scaling up feature"),
                "{}",
                f.message
            );
        }
    }
}

#[test]
fn k006_leaves_delivery_foundations_and_compliance_ahead_of_the_stage_alone() {
    for title in [
        "CI/CD pipeline",
        "Continuous integration",
        "Automated tests for the importer",
        "Development environment in Docker",
        "End-to-end tests",
    ] {
        assert!(
            keel_core::compute::check::is_delivery_foundation(title),
            "{title}"
        );
        let mut doc = healthy();
        doc.features[2].data.title = title.into();
        doc.features[2].data.quick_win = false;
        doc.features[2].data.horizon = Horizon::Now;
        assert!(
            !ids(&check(&doc, TODAY())).contains(&"K006"),
            "{title} lets a small team ship daily"
        );
    }
    for title in [
        "Automated invoicing",
        "Support ticket routing",
        "Citation export",
    ] {
        assert!(
            !keel_core::compute::check::is_delivery_foundation(title),
            "{title}"
        );
    }
    // SOC 2 at the MVP stage is ahead of the company: one finding says so, not two.
    let mut doc = healthy();
    doc.features[2].data.title = "SOC 2 certification".into();
    doc.features[2].data.quick_win = false;
    doc.features[2].data.horizon = Horizon::Now;
    doc.features[2].data.stage = Stage::Enterprise;
    let findings = check(&doc, TODAY());
    let found = ids(&findings);
    assert!(
        found.contains(&"K005") && !found.contains(&"K006"),
        "{found:?}"
    );
}

#[test]
fn the_window_gets_a_findings_first_items_and_how_many_more() {
    use keel_core::compute::check::ITEMS_LISTED;
    let mut doc = healthy();
    let template = doc.features[1].clone();
    for n in 0..20u32 {
        let mut f = template.clone();
        f.id = format!("extra-{n}");
        f.data.milestone_id = None;
        f.data.factory_step = None;
        doc.features.push(f);
    }
    let found = check(&doc, TODAY());
    let all = found.iter().find(|f| f.id == "K009").unwrap().clone();
    assert_eq!(all.items.len(), 20, "the check itself keeps every item");
    assert_eq!(all.more, 0);
    let listed = all.clone().listed();
    assert_eq!(listed.items, all.items[..ITEMS_LISTED].to_vec());
    assert_eq!(listed.more as usize, 20 - ITEMS_LISTED);
    assert_eq!(listed.message, all.message);
    let few = fires("K009", |d| {
        d.features[1].data.milestone_id = None;
        d.features[1].data.factory_step = None;
    });
    assert_eq!(
        few.clone().listed(),
        few,
        "a finding of few items is listed whole"
    );
}
