//! The 90-day cycle the team is in: cycles run back to back from the plan's start date; each
//! has the value the ladder expects at its end, the progress of the latest actual against it,
//! and the work planned for now on the customer factory's bottleneck.

use crate::document::PlanDocument;
use crate::domain::{data_of, FactoryStep, FeatureStatus, Horizon, Id};
use crate::traction::{self, MetricUnit};
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use specta::Type;

/// A cycle's length.
pub const CYCLE_DAYS: i64 = 90;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct CycleFeature {
    pub id: Id,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Cycle {
    /// 1 for the cycle that starts on the plan's start date.
    pub number: u32,
    pub start: NaiveDate,
    /// The cycle's last day.
    pub end: NaiveDate,
    pub days_left: u32,
    /// What the ladder expects on the cycle's last day (none without a ladder).
    pub target: Option<f64>,
    /// The latest actual recorded by today.
    pub actual: Option<f64>,
    /// The actual ÷ the target.
    pub ratio: Option<f64>,
    /// The customer factory's bottleneck now, and the open features on Now that work on it.
    pub bottleneck: Option<FactoryStep>,
    pub on_bottleneck: Vec<CycleFeature>,
    /// "Cycle 3 · 2026-10-28 to 2027-01-25, 59 days left: reach $50,000 ARR ($27,300 now, 55 %)."
    pub summary: String,
}

/// The cycle `today` falls in (the first one before the plan starts).
pub fn current(doc: &PlanDocument, today: NaiveDate) -> Cycle {
    let origin = doc.plan.data.start_date;
    let index = if today < origin {
        0
    } else {
        (today - origin).num_days() / CYCLE_DAYS
    };
    let start = origin + Duration::days(index * CYCLE_DAYS);
    let end = start + Duration::days(CYCLE_DAYS - 1);
    let milestones = data_of(&doc.milestones);
    let target = traction::expected_value(&milestones, end);
    let actual = doc
        .actuals
        .iter()
        .filter(|a| a.data.date <= today)
        .max_by_key(|a| a.data.date)
        .map(|a| a.data.value);
    let ratio = match (actual, target) {
        (Some(a), Some(t)) if t > 0.0 => Some(a / t),
        _ => None,
    };
    let bottleneck = traction::factory(&data_of(&doc.factory_snapshots)).and_then(|f| f.bottleneck);
    let on_bottleneck = doc
        .features
        .iter()
        .filter(|f| {
            f.data.horizon == Horizon::Now
                && !matches!(f.data.status, FeatureStatus::Done | FeatureStatus::Dropped)
                && bottleneck.is_some()
                && f.data.factory_step == bottleneck
        })
        .map(|f| CycleFeature {
            id: f.id.clone(),
            title: f.data.title.clone(),
        })
        .collect();
    let days_left = (end - today.max(start)).num_days().max(0) as u32;
    let unit = MetricUnit::of(doc.goal.as_ref(), &doc.plan.data.currency);
    let number = index as u32 + 1;
    let summary = summary(number, start, end, days_left, target, actual, ratio, &unit);
    Cycle {
        number,
        start,
        end,
        days_left,
        target,
        actual,
        ratio,
        bottleneck,
        on_bottleneck,
        summary,
    }
}

#[allow(clippy::too_many_arguments)]
fn summary(
    number: u32,
    start: NaiveDate,
    end: NaiveDate,
    days_left: u32,
    target: Option<f64>,
    actual: Option<f64>,
    ratio: Option<f64>,
    unit: &MetricUnit,
) -> String {
    let days = match days_left {
        1 => "1 day left".to_string(),
        n => format!("{n} days left"),
    };
    let head = format!("Cycle {number} · {start} to {end}, {days}");
    match (target, actual, ratio) {
        (Some(t), Some(a), Some(r)) => format!(
            "{head}: reach {} ({} now, {} %).",
            unit.format(t),
            unit.format(a),
            (r * 100.0).round()
        ),
        (Some(t), _, _) => format!("{head}: reach {}.", unit.format(t)),
        _ => format!("{head}. Set a goal and its ladder to know what this cycle should reach."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        ActualData, FactorySnapshotData, FeatureData, Item, MilestoneData, RiskClass,
    };

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn plan() -> PlanDocument {
        let mut doc = crate::sample::sample_plan(date(2026, 11, 27)).unwrap();
        doc.plan.data.start_date = date(2026, 1, 1);
        doc
    }

    #[test]
    fn cycles_run_back_to_back_from_the_plans_start() {
        let doc = plan();
        let first = current(&doc, date(2026, 1, 1));
        assert_eq!(
            (first.number, first.start, first.end),
            (1, date(2026, 1, 1), date(2026, 3, 31))
        );
        assert_eq!(first.days_left, 89);
        let fourth = current(&doc, date(2026, 11, 27));
        assert_eq!(fourth.number, 4);
        assert_eq!(
            (fourth.start, fourth.end),
            (date(2026, 9, 28), date(2026, 12, 26))
        );
        assert_eq!(fourth.days_left, 29);
        let before = current(&doc, date(2025, 12, 1));
        assert_eq!((before.number, before.start), (1, date(2026, 1, 1)));
        assert_eq!(before.days_left, 89, "the whole first cycle is ahead");
    }

    #[test]
    fn the_target_is_the_ladders_value_at_the_cycles_end_and_progress_the_latest_actual() {
        let mut doc = plan();
        doc.milestones = vec![
            Item {
                id: "m1".into(),
                data: MilestoneData {
                    name: "Start".into(),
                    date: date(2026, 9, 28),
                    target: 10_000.0,
                    ninety_day_goals: String::new(),
                },
            },
            Item {
                id: "m2".into(),
                data: MilestoneData {
                    name: "Next".into(),
                    date: date(2026, 12, 26),
                    target: 40_000.0,
                    ninety_day_goals: String::new(),
                },
            },
        ];
        doc.actuals = vec![
            Item {
                id: "a1".into(),
                data: ActualData {
                    date: date(2026, 11, 20),
                    value: 30_000.0,
                },
            },
            Item {
                id: "a2".into(),
                data: ActualData {
                    date: date(2026, 12, 20),
                    value: 99_000.0,
                },
            },
        ];
        let c = current(&doc, date(2026, 11, 27));
        assert_eq!(c.target, Some(40_000.0));
        assert_eq!(
            c.actual,
            Some(30_000.0),
            "an actual dated after today is not counted"
        );
        assert_eq!(c.ratio, Some(0.75));
        assert_eq!(
            c.summary,
            "Cycle 4 · 2026-09-28 to 2026-12-26, 29 days left: reach $40,000 ARR ($30,000 ARR now, 75 %)."
        );
    }

    #[test]
    fn the_work_on_the_bottleneck_is_the_open_now_features_on_that_step() {
        let mut doc = plan();
        doc.factory_snapshots = vec![Item {
            id: "w".into(),
            data: FactorySnapshotData {
                period_start: date(2026, 11, 23),
                acquisition: 100,
                activation: 10,
                retention: 9,
                revenue: 8,
                referral: 4,
            },
        }];
        let feature = |id: &str, horizon, status, step| crate::domain::Feature {
            id: id.into(),
            position: 1,
            data: FeatureData {
                horizon,
                status,
                factory_step: step,
                ..FeatureData::new(id, RiskClass::Business)
            },
        };
        doc.features = vec![
            feature(
                "Onboarding",
                Horizon::Now,
                FeatureStatus::Planned,
                Some(FactoryStep::Activation),
            ),
            feature(
                "Done already",
                Horizon::Now,
                FeatureStatus::Done,
                Some(FactoryStep::Activation),
            ),
            feature(
                "Later",
                Horizon::Later,
                FeatureStatus::Planned,
                Some(FactoryStep::Activation),
            ),
            feature(
                "Billing",
                Horizon::Now,
                FeatureStatus::Planned,
                Some(FactoryStep::Revenue),
            ),
        ];
        let c = current(&doc, date(2026, 11, 27));
        assert_eq!(c.bottleneck, Some(FactoryStep::Activation));
        let titles: Vec<&str> = c.on_bottleneck.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(titles, vec!["Onboarding"]);
    }
}
