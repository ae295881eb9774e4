//! Bad input for every validated field gets a clear error naming the field and its limit, and
//! leaves the plan file exactly as it was.

mod common;

use common::{date, dump, empty_plan};
use keel_core::domain::*;
use keel_core::{CoreError, ErrorCode, PlanFile};

/// A description of the expected error, and how to break valid data to get it.
type Case<'a, T> = (&'a str, Box<dyn Fn(&mut T) + 'a>);

/// Runs `op`, expects a validation error mentioning `expected`, and checks nothing changed.
fn refused<T: std::fmt::Debug>(
    file: &mut PlanFile,
    path: &std::path::Path,
    expected: &str,
    op: impl FnOnce(&mut PlanFile) -> Result<T, CoreError>,
) {
    let before = dump(path);
    let err = op(file).expect_err(&format!("input that breaks '{expected}' must be refused"));
    assert_eq!(err.code(), ErrorCode::Validation, "{err}");
    let message = err.to_string();
    assert!(
        message.contains(expected),
        "the error {message:?} must say {expected:?}"
    );
    assert_eq!(
        dump(path),
        before,
        "a refused edit must change nothing ({expected})"
    );
}

#[test]
fn plan_fields_are_validated() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    let base = file.plan().unwrap().data;
    let cases: Vec<Case<PlanData>> = vec![
        (
            "Company name: must not be empty",
            Box::new(|d| d.company_name = "   ".into()),
        ),
        (
            "Company name: must be at most 120 characters",
            Box::new(|d| d.company_name = "x".repeat(121)),
        ),
        (
            "Tagline: must be at most 200 characters",
            Box::new(|d| d.tagline = "x".repeat(201)),
        ),
        (
            "Vision: must be at most 20,000 characters",
            Box::new(|d| d.vision = "x".repeat(20_001)),
        ),
        (
            "Strategy: must be at most 20,000 characters",
            Box::new(|d| d.strategy = "é".repeat(20_001)),
        ),
        (
            "Currency: \"DOLLARS\" is not an ISO 4217",
            Box::new(|d| d.currency = "DOLLARS".into()),
        ),
    ];
    for (expected, break_it) in cases {
        let mut data = base.clone();
        break_it(&mut data);
        refused(&mut file, &path, expected, |f| f.update_plan(data));
    }
    let mut at_limit = base.clone();
    at_limit.company_name = "x".repeat(120);
    at_limit.vision = "x".repeat(20_000);
    file.update_plan(at_limit)
        .expect("values at the limit are accepted");
}

#[test]
fn canvas_boxes_are_limited_to_2000_characters() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    let long = "x".repeat(2_001);
    let boxes: Vec<Case<LeanCanvas>> = vec![
        ("Problem", Box::new(|c| c.problem = long.clone())),
        (
            "Customer segments",
            Box::new(|c| c.customer_segments = long.clone()),
        ),
        (
            "Unique value proposition",
            Box::new(|c| c.unique_value_proposition = long.clone()),
        ),
        ("Solution", Box::new(|c| c.solution = long.clone())),
        ("Channels", Box::new(|c| c.channels = long.clone())),
        (
            "Revenue streams",
            Box::new(|c| c.revenue_streams = long.clone()),
        ),
        (
            "Cost structure",
            Box::new(|c| c.cost_structure = long.clone()),
        ),
        ("Key metrics", Box::new(|c| c.key_metrics = long.clone())),
        (
            "Unfair advantage",
            Box::new(|c| c.unfair_advantage = long.clone()),
        ),
    ];
    for (field, break_it) in boxes {
        let mut canvas = LeanCanvas::default();
        break_it(&mut canvas);
        let expected = format!("{field}: must be at most 2,000 characters");
        refused(&mut file, &path, &expected, |f| f.update_canvas(canvas));
    }
}

fn goal() -> TractionGoal {
    TractionGoal {
        metric: TractionMetric::Mrr,
        custom_unit: None,
        msc_target: 100_000.0,
        deadline: date(2029, 1, 1),
        revenue_per_customer_month: Some(100.0),
        lifetime_months: 12.0,
        acquisition_rate: None,
        activation_rate: None,
        referral_rate: None,
    }
}

#[test]
fn goal_fields_are_validated() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    file.set_goal(goal()).unwrap();
    let cases: Vec<Case<TractionGoal>> = vec![
        (
            "MSC target: must be greater than 0",
            Box::new(|g| g.msc_target = 0.0),
        ),
        (
            "MSC target: must be a number",
            Box::new(|g| g.msc_target = f64::NAN),
        ),
        (
            "Revenue per customer per month: must be greater than 0",
            Box::new(|g| g.revenue_per_customer_month = Some(-1.0)),
        ),
        (
            "Revenue per customer per month: is required",
            Box::new(|g| g.revenue_per_customer_month = None),
        ),
        (
            "Customer lifetime (months): must be greater than 0",
            Box::new(|g| g.lifetime_months = 0.0),
        ),
        (
            "Acquisition rate: must be between 0 and 1",
            Box::new(|g| g.acquisition_rate = Some(1.5)),
        ),
        (
            "Activation rate: must be between 0 and 1",
            Box::new(|g| g.activation_rate = Some(-0.1)),
        ),
        (
            "Referral rate: must be a number",
            Box::new(|g| g.referral_rate = Some(f64::INFINITY)),
        ),
        (
            "Custom unit: is required for a custom metric",
            Box::new(|g| g.metric = TractionMetric::Custom),
        ),
        (
            "Custom unit: must be at most 60 characters",
            Box::new(|g| {
                g.metric = TractionMetric::Custom;
                g.custom_unit = Some("x".repeat(61));
            }),
        ),
    ];
    for (expected, break_it) in cases {
        let mut g = goal();
        break_it(&mut g);
        refused(&mut file, &path, expected, |f| f.set_goal(g));
    }
}

#[test]
fn traction_rows_are_validated() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    let milestone = |name: &str, target: f64| MilestoneData {
        name: name.into(),
        date: date(2027, 1, 1),
        target,
        ninety_day_goals: String::new(),
    };
    refused(&mut file, &path, "Milestone name: must not be empty", |f| {
        f.insert(milestone("", 1.0))
    });
    refused(
        &mut file,
        &path,
        "Milestone target: must be greater than 0",
        |f| f.insert(milestone("Y1", 0.0)),
    );
    refused(
        &mut file,
        &path,
        "90-day goals: must be at most 2,000",
        |f| {
            f.insert(MilestoneData {
                ninety_day_goals: "x".repeat(2_001),
                ..milestone("Y1", 1.0)
            })
        },
    );
    let kept = file.insert(milestone("Y1", 1.0)).unwrap();
    refused(&mut file, &path, "Milestone target", |f| {
        f.update(&kept.id, milestone("Y1", -5.0))
    });

    let actual = |d: u32, value: f64| ActualData {
        date: date(2026, 1, d),
        value,
    };
    refused(
        &mut file,
        &path,
        "Traction value: must not be negative",
        |f| f.insert(actual(1, -1.0)),
    );
    file.insert(actual(1, 10.0)).unwrap();
    refused(
        &mut file,
        &path,
        "Date: there is already an entry for 2026-01-01",
        |f| f.insert(actual(1, 12.0)),
    );

    let week = FactorySnapshotData {
        period_start: date(2026, 1, 5),
        acquisition: 1,
        activation: 1,
        retention: 1,
        revenue: 1,
        referral: 1,
    };
    file.insert(week.clone()).unwrap();
    refused(
        &mut file,
        &path,
        "Period start: there is already an entry",
        |f| f.insert(week),
    );
}

/// Dates are kept as ISO text, which sorts as dates for four-digit years only: every date a plan
/// holds must fall in 1900..=9999, else the tables' order would differ from the history's.
#[test]
fn every_date_is_between_1900_and_9999() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    let too_late = date(10_000, 1, 1);
    let too_early = date(1899, 12, 31);
    let range = "must be between 1900-01-01 and 9999-12-31";
    for (when, bad) in [("after", too_late), ("before", too_early)] {
        let mut plan = file.plan().unwrap().data;
        plan.start_date = bad;
        refused(&mut file, &path, &format!("Start date: {range}"), |f| {
            f.update_plan(plan)
        });
        refused(&mut file, &path, &format!("Deadline: {range}"), |f| {
            f.set_goal(TractionGoal {
                deadline: bad,
                ..goal()
            })
        });
        refused(&mut file, &path, &format!("Milestone date: {range}"), |f| {
            f.insert(MilestoneData {
                name: format!("Milestone {when} the range"),
                date: bad,
                target: 1.0,
                ninety_day_goals: String::new(),
            })
        });
        refused(&mut file, &path, &format!("Date: {range}"), |f| {
            f.insert(ActualData {
                date: bad,
                value: 1.0,
            })
        });
        refused(&mut file, &path, &format!("Period start: {range}"), |f| {
            f.insert(FactorySnapshotData {
                period_start: bad,
                acquisition: 1,
                activation: 1,
                retention: 1,
                revenue: 1,
                referral: 1,
            })
        });
        for (label, set) in [
            ("Start date", (Some(bad), None)),
            ("End date", (None, Some(bad))),
        ] {
            let mut data = FeatureData::new("Dated", RiskClass::Business);
            (data.start_date, data.end_date) = set;
            refused(&mut file, &path, &format!("{label}: {range}"), |f| {
                f.create_feature(data)
            });
        }
    }
    let first = file
        .insert(ActualData {
            date: date(1900, 1, 1),
            value: 1.0,
        })
        .expect("the first day of the range is accepted");
    // The last day of the range is a plan's date (a milestone's); an actual of it would be
    // in the future, which an actual never is.
    file.insert(MilestoneData {
        name: "Far".into(),
        date: date(9999, 12, 31),
        target: 1.0,
        ninety_day_goals: String::new(),
    })
    .expect("the last day of the range is accepted");
    let last = file
        .insert(ActualData {
            date: date(2000, 1, 1),
            value: 2.0,
        })
        .expect("a day long past is accepted");
    let mut tables = file.document().unwrap();
    let mut history = file.history_document().unwrap();
    let dates: Vec<_> = tables.actuals.iter().map(|a| a.id.clone()).collect();
    assert_eq!(
        dates,
        [first.id, last.id],
        "the tables keep the dates in order"
    );
    tables.plan.updated_at.clear();
    history.plan.updated_at.clear();
    assert_eq!(
        tables, history,
        "the history orders the dates as the tables do"
    );
}

#[test]
fn team_fields_are_validated() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    let team = |name: &str, size| TeamData::new(name, TeamKind::Product, size);
    refused(&mut file, &path, "Team name: must not be empty", |f| {
        f.insert(team(" ", 5))
    });
    refused(&mut file, &path, "Team name: must be at most 120", |f| {
        f.insert(team(&"x".repeat(121), 5))
    });
    refused(
        &mut file,
        &path,
        "People: must be a whole number from 1 to 100",
        |f| f.insert(team("A", 0)),
    );
    refused(
        &mut file,
        &path,
        "People: must be a whole number from 1 to 100",
        |f| f.insert(team("A", 101)),
    );
}

#[test]
fn feature_fields_are_validated() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = empty_plan(dir.path());
    let kept = file
        .create_feature(FeatureData::new("Kept", RiskClass::Business))
        .unwrap();
    let cases: Vec<Case<FeatureData>> = vec![
        (
            "Title: must not be empty",
            Box::new(|d| d.title = "".into()),
        ),
        (
            "Title: must be at most 200 characters",
            Box::new(|d| d.title = "x".repeat(201)),
        ),
        (
            "Description: must be at most 20,000",
            Box::new(|d| d.description = "x".repeat(20_001)),
        ),
        (
            "Risk level: must be a whole number from 1 to 5",
            Box::new(|d| d.risk_level = 0),
        ),
        (
            "Risk level: must be a whole number from 1 to 5",
            Box::new(|d| d.risk_level = 6),
        ),
        (
            "End date: must not be before the start date (2026-02-01)",
            Box::new(|d| {
                d.start_date = Some(date(2026, 2, 1));
                d.end_date = Some(date(2026, 1, 31));
            }),
        ),
        (
            "Effort (person-weeks): must be greater than 0",
            Box::new(|d| d.effort_weeks = Some(0.0)),
        ),
        (
            "Reach: must not be negative",
            Box::new(|d| d.reach = Some(-1.0)),
        ),
        (
            "Impact: must be between 0.25 and 3",
            Box::new(|d| d.impact = Some(0.1)),
        ),
        (
            "Impact: must be between 0.25 and 3",
            Box::new(|d| d.impact = Some(3.5)),
        ),
        (
            "Confidence: must be between 0 and 1",
            Box::new(|d| d.confidence = Some(1.01)),
        ),
        (
            "Scale assumption: must be greater than 0",
            Box::new(|d| d.scale_assumption = Some(0.0)),
        ),
        (
            "Milestone: there is no milestone with id 77",
            Box::new(|d| d.milestone_id = Some("77".into())),
        ),
        (
            "Team: there is no team with id 78",
            Box::new(|d| d.team_id = Some("78".into())),
        ),
    ];
    for (expected, break_it) in cases {
        let mut data = FeatureData::new("New", RiskClass::Technical);
        break_it(&mut data);
        refused(&mut file, &path, expected, |f| {
            f.create_feature(data.clone())
        });
        refused(&mut file, &path, expected, |f| {
            f.update_feature(&kept.id, data)
        });
    }
}

#[test]
fn editing_a_missing_row_is_a_clear_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = empty_plan(dir.path());
    let err = file
        .update_feature("42", FeatureData::new("Ghost", RiskClass::Business))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert_eq!(
        err.to_string(),
        "There is no feature with id 42 in this plan."
    );
}

#[test]
fn an_actual_of_the_future_is_refused_saying_why() {
    let today = date(2026, 11, 27);
    let ahead = ActualData {
        date: date(2027, 1, 6), // 40 days ahead
        value: 10.0,
    };
    let err = ahead.validated_on(today).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Date: 2027-01-06 is in the future: record a figure once it has happened (today is 2026-11-27)."
    );
    // Tomorrow is taken: a teammate's day may have begun.
    let tomorrow = ActualData {
        date: date(2026, 11, 28),
        value: 10.0,
    };
    assert_eq!(tomorrow.clone().validated_on(today).unwrap(), tomorrow);
}
