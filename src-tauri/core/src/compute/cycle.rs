//! The 90-day cycle the team is in: cycles run back to back from the plan's start date; each
//! has the value the ladder expects at its end, the progress of the latest actual against it,
//! and the work planned for now on the customer factory's bottleneck.

use crate::compute::traction::{self, MetricUnit, DAYS_PER_MONTH};
use crate::domain::PlanDocument;
use crate::domain::{data_of, ActualData, FactoryStep, FeatureStatus, Horizon, Id, MilestoneData};
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
    /// What the cycle aims at: the ladder's value on its last day, or, when the latest actual
    /// is already past that, the next ladder step or where the recent growth leads, whichever
    /// is higher; never below the latest actual (none without a ladder, or with nothing above).
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
    let actuals = data_of(&doc.actuals);
    let latest = actuals
        .iter()
        .filter(|a| a.date <= today)
        .max_by_key(|a| a.date);
    let actual = latest.map(|a| a.value);
    let expected = traction::expected_value(&milestones, end);
    let aim = aim(&milestones, &actuals, latest, expected, end);
    let target = match aim {
        Aim::Ladder => expected,
        Aim::NextStep { value, .. } | Aim::Trend { value } => Some(value),
        Aim::Past => None,
    };
    let ratio = match (actual, target) {
        (Some(a), Some(t)) if t > 0.0 => Some(a / t),
        _ => None,
    };
    let bottleneck = crate::compute::factory::latest(&data_of(&doc.factory_snapshots))
        .and_then(|f| f.bottleneck);
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
    let head = head(number, start, end, days_left);
    let summary = summary(&head, &aim, expected, actual, ratio, &unit);
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

/// What the cycle aims at: the ladder's value at its end, unless the company is already past it;
/// then the next ladder step or where the recent trend leads by then, whichever is higher.
#[derive(Debug, Clone, PartialEq)]
enum Aim {
    Ladder,
    NextStep {
        value: f64,
        name: String,
    },
    Trend {
        value: f64,
    },
    /// Past the ladder with no step above and no growth to follow.
    Past,
}

fn aim(
    milestones: &[MilestoneData],
    actuals: &[ActualData],
    latest: Option<&ActualData>,
    expected: Option<f64>,
    end: NaiveDate,
) -> Aim {
    let (Some(latest), Some(expected)) = (latest, expected) else {
        return Aim::Ladder;
    };
    if latest.value < expected {
        return Aim::Ladder;
    }
    let mut ladder: Vec<&MilestoneData> = milestones.iter().collect();
    ladder.sort_by_key(|m| m.date);
    let step = ladder.into_iter().find(|m| m.target > latest.value);
    let upto: Vec<ActualData> = actuals
        .iter()
        .filter(|a| a.date <= latest.date)
        .cloned()
        .collect();
    let trend = traction::monthly_growth(&upto)
        .filter(|g| *g > 0.0)
        .map(|g| {
            let months = (end - latest.date).num_days().max(0) as f64 / DAYS_PER_MONTH;
            latest.value * (1.0 + g).powf(months)
        })
        .filter(|v| v.is_finite() && *v > latest.value);
    match (step, trend) {
        (Some(m), Some(t)) if t > m.target => Aim::Trend { value: t },
        (Some(m), _) => Aim::NextStep {
            value: m.target,
            name: m.name.clone(),
        },
        (None, Some(t)) => Aim::Trend { value: t },
        (None, None) => Aim::Past,
    }
}

fn head(number: u32, start: NaiveDate, end: NaiveDate, days_left: u32) -> String {
    let days = match days_left {
        1 => "1 day left".to_string(),
        n => format!("{n} days left"),
    };
    format!("Cycle {number} · {start} to {end}, {days}")
}

fn summary(
    head: &str,
    aim: &Aim,
    expected: Option<f64>,
    actual: Option<f64>,
    ratio: Option<f64>,
    unit: &MetricUnit,
) -> String {
    let ahead = |a: f64, e: f64| {
        format!(
            "{head}: ahead of the ladder ({} now, {} expected by the cycle's end)",
            unit.format(a),
            unit.format(e)
        )
    };
    match (aim, expected, actual) {
        (Aim::NextStep { value, name }, Some(e), Some(a)) => format!(
            "{}; aim for {}, the next step of the ladder ({name}).",
            ahead(a, e),
            unit.format(*value)
        ),
        (Aim::Trend { value }, Some(e), Some(a)) => format!(
            "{}; aim for {}, where the recent growth leads by then.",
            ahead(a, e),
            unit.format(*value)
        ),
        (Aim::Past, Some(e), Some(a)) => format!("{}.", ahead(a, e)),
        (_, Some(t), Some(a)) => format!(
            "{head}: reach {} ({} now, {} %).",
            unit.format(t),
            unit.format(a),
            (ratio.unwrap_or(0.0) * 100.0).round()
        ),
        (_, Some(t), None) => format!("{head}: reach {}.", unit.format(t)),
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
        let mut doc = crate::samples::sample_plan(date(2026, 11, 27)).unwrap();
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

    fn milestone(id: &str, name: &str, day: NaiveDate, target: f64) -> Item<MilestoneData> {
        Item {
            id: id.into(),
            data: MilestoneData {
                name: name.into(),
                date: day,
                target,
                ninety_day_goals: String::new(),
            },
        }
    }

    fn actual(id: &str, day: NaiveDate, value: f64) -> Item<ActualData> {
        Item {
            id: id.into(),
            data: ActualData { date: day, value },
        }
    }

    /// The plan of the report: $50k MRR by 2029-12-01, its ladder starting at $50, and actuals
    /// of $400 then $900, far ahead of what the ladder expects.
    fn far_ahead(step: f64) -> PlanDocument {
        let mut doc = plan();
        doc.goal.as_mut().unwrap().metric = crate::domain::TractionMetric::Mrr;
        doc.plan.data.start_date = date(2026, 9, 28);
        doc.milestones = vec![
            milestone("m1", "First paying", date(2026, 9, 28), 50.0),
            milestone("m2", "Ten times", date(2027, 9, 28), step),
            milestone("m3", "MSC", date(2029, 12, 1), 50_000.0),
        ];
        doc.actuals = vec![
            actual("a1", date(2026, 10, 27), 400.0),
            actual("a2", date(2026, 11, 26), 900.0),
        ];
        doc
    }

    #[test]
    fn ahead_of_the_ladder_the_cycle_aims_at_the_next_step_never_below_today() {
        // Growth: 400 → 900 in 30 days is 2.25× a month. From 2026-11-26 to the cycle's end
        // (2026-12-26, 30 days = 0.986 months) the trend leads to 900 × 2.25^0.986 = 2,000.
        // The next step above $900 is $5,000 (2027-09-28): it is higher, so it is the aim.
        let doc = far_ahead(5_000.0);
        let c = current(&doc, date(2026, 11, 27));
        assert_eq!(c.target, Some(5_000.0));
        assert_eq!(c.ratio, Some(900.0 / 5_000.0));
        assert!(
            c.summary.contains("ahead of the ladder ($900 MRR now"),
            "{}",
            c.summary
        );
        assert!(
            c.summary
                .ends_with("aim for $5,000 MRR, the next step of the ladder (Ten times)."),
            "{}",
            c.summary
        );
        assert!(!c.summary.contains(" %"), "{}", c.summary);
    }

    #[test]
    fn ahead_with_a_low_next_step_the_cycle_follows_the_recent_growth() {
        // A next step of $1,000 is below where the trend leads (about $2,000): the trend wins.
        let doc = far_ahead(1_000.0);
        let c = current(&doc, date(2026, 11, 27));
        let t = c.target.unwrap();
        let months = 30.0 / DAYS_PER_MONTH;
        let by_trend = 900.0 * (900.0_f64 / 400.0).powf(months * DAYS_PER_MONTH / 30.0);
        assert!((t - by_trend).abs() < 1.0, "{t} against {by_trend}");
        assert!(t > 900.0);
        assert!(
            c.summary.contains("where the recent growth leads by then"),
            "{}",
            c.summary
        );
    }

    #[test]
    fn past_the_whole_ladder_without_growth_there_is_no_target_below_today() {
        let mut doc = far_ahead(5_000.0);
        doc.actuals = vec![actual("a1", date(2026, 11, 26), 60_000.0)];
        let c = current(&doc, date(2026, 11, 27));
        assert_eq!(c.target, None);
        assert_eq!(c.ratio, None);
        assert!(
            // 50 × (5,000 ÷ 50)^(89 ÷ 365) = 153.7 expected on 2026-12-26.
            c.summary.ends_with(
                "ahead of the ladder ($60,000 MRR now, $154 MRR expected by the cycle's end)."
            ),
            "{}",
            c.summary
        );
    }
}
