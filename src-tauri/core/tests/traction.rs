//! Traction maths on worked examples, and properties over every input the validation accepts.

mod common;

use chrono::{Duration, NaiveDate};
use common::date;
use keel_core::compute::factory::latest;
use keel_core::compute::ladder::ladder;
use keel_core::compute::traction::*;
use keel_core::compute::traction_report::report;
use keel_core::domain::*;
use proptest::prelude::*;

fn goal(metric: TractionMetric) -> TractionGoal {
    TractionGoal {
        metric,
        custom_unit: (metric == TractionMetric::Custom).then(|| "paying teams".to_string()),
        msc_target: 1_000_000.0,
        deadline: date(2029, 1, 1),
        revenue_per_customer_month: Some(50.0),
        lifetime_months: 25.0,
        acquisition_rate: Some(0.05),
        activation_rate: Some(0.25),
        referral_rate: Some(0.2),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn goal_figures_follow_from_the_msc() {
    let f = goal_figures(&goal(TractionMetric::Arr));
    // 1,000,000 ÷ (50 × 12) = 1,666.7 customers → 1,667; × 0.04 churn = 66.7 → 67 new a
    // month; × (1 − 0.2 referred) ÷ 0.25 activation = 213.3 → 214 leads; ÷ 0.05 = 4,266.7 →
    // 4,267 visitors. Each is worked out from the unrounded figure before it, then rounded up.
    assert_eq!(f.active_customers, Some(1_667.0));
    assert!(close(f.monthly_churn, 0.04));
    assert_eq!(f.new_customers_per_month, Some(67.0));
    assert_eq!(f.leads_per_month, Some(214.0));
    assert_eq!(f.visitors_per_month, Some(4_267.0));

    let mrr = goal_figures(&goal(TractionMetric::Mrr));
    assert!(
        close(mrr.active_customers.unwrap(), 20_000.0),
        "MRR ÷ monthly revenue per customer"
    );
    let count = goal_figures(&goal(TractionMetric::ActiveCustomers));
    assert!(
        close(count.active_customers.unwrap(), 1_000_000.0),
        "a customer metric is a count"
    );
    let custom = goal_figures(&goal(TractionMetric::Custom));
    assert_eq!(
        custom.active_customers, None,
        "a custom metric has no customer figure"
    );
    assert_eq!(custom.leads_per_month, None);
}

#[test]
fn funnel_figures_need_their_rates() {
    let mut g = goal(TractionMetric::Arr);
    g.activation_rate = None;
    let f = goal_figures(&g);
    assert_eq!((f.leads_per_month, f.visitors_per_month), (None, None));
    g.activation_rate = Some(0.0);
    assert_eq!(
        goal_figures(&g).leads_per_month,
        None,
        "a zero rate gives no figure, not infinity"
    );
}

fn milestones(points: &[(NaiveDate, f64)]) -> Vec<MilestoneData> {
    points
        .iter()
        .map(|(d, t)| MilestoneData {
            name: format!("M {d}"),
            date: *d,
            target: *t,
            ninety_day_goals: String::new(),
        })
        .collect()
}

#[test]
fn the_expected_value_is_log_linear_between_milestones() {
    let m = milestones(&[
        (date(2027, 1, 1), 10_000.0),
        (date(2028, 1, 1), 100_000.0),
        (date(2029, 1, 1), 1_000_000.0),
    ]);
    assert!(close(
        expected_value(&m, date(2027, 1, 1)).unwrap(),
        10_000.0
    ));
    assert!(close(
        expected_value(&m, date(2028, 1, 1)).unwrap(),
        100_000.0
    ));
    let mid = date(2027, 1, 1) + Duration::days(365 / 2);
    let halfway = expected_value(&m, mid).unwrap();
    // Half a year between 10k and 100k on a log scale is about their geometric mean, 31.6k.
    assert!(halfway > 31_000.0 && halfway < 32_000.0, "{halfway}");
    let before = expected_value(&m, date(2026, 1, 1)).unwrap();
    assert!(
        close(before, 1_000.0),
        "the first segment's growth extends backwards: {before}"
    );
    assert!(
        close(expected_value(&m, date(2030, 6, 1)).unwrap(), 1_000_000.0),
        "after the last, the MSC"
    );
    assert_eq!(expected_value(&[], date(2027, 1, 1)), None);
    let one = milestones(&[(date(2027, 1, 1), 500.0)]);
    assert_eq!(
        expected_value(&one, date(2026, 1, 1)),
        None,
        "one milestone cannot say what comes before it"
    );
}

#[test]
fn progress_status_thresholds() {
    let m = milestones(&[(date(2027, 1, 1), 100.0), (date(2028, 1, 1), 1_000.0)]);
    let at = |value: f64| {
        progress(
            &m,
            &[ActualData {
                date: date(2027, 1, 1),
                value,
            }],
        )
        .unwrap()
        .status
    };
    assert_eq!(at(100.0), TractionStatus::Ahead, "100 % is ahead");
    assert_eq!(at(80.0), TractionStatus::OnTrack, "80 % is on track");
    assert_eq!(at(79.9), TractionStatus::Behind, "under 80 % is behind");
    let p = progress(
        &m,
        &[
            ActualData {
                date: date(2026, 1, 1),
                value: 1.0,
            },
            ActualData {
                date: date(2027, 1, 1),
                value: 50.0,
            },
        ],
    )
    .unwrap();
    assert_eq!(p.date, date(2027, 1, 1), "the latest actual counts");
    assert!(close(p.ratio, 0.5));
}

fn monthly(values: &[f64]) -> Vec<ActualData> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| ActualData {
            date: date(2026, 1, 1) + Duration::days((i as f64 * 365.25 / 12.0).round() as i64),
            value: *v,
        })
        .collect()
}

#[test]
fn growth_and_projection() {
    let doubling = monthly(&[100.0, 200.0, 400.0, 800.0]);
    let g = monthly_growth(&doubling).unwrap();
    assert!(
        (g - 1.0).abs() < 0.02,
        "doubling each month is about 100 % growth, got {g}"
    );
    let m = milestones(&[(date(2026, 12, 31), 6_400.0)]);
    match project(&m, &doubling) {
        Projection::Reached {
            date: reached,
            on_time,
            ..
        } => {
            // 800 → 6,400 is three doublings: about three months after the latest actual.
            let months = (reached - doubling[3].date).num_days() as f64 / 30.44;
            assert!((months - 3.0).abs() < 0.2, "{months}");
            assert!(on_time);
        }
        other => panic!("expected a projection, got {other:?}"),
    }
}

#[test]
fn projection_says_why_when_the_data_cannot_support_one() {
    let m = milestones(&[(date(2027, 1, 1), 1_000.0)]);
    let why = |actuals: &[ActualData]| match project(&m, actuals) {
        Projection::Unavailable { why } => why,
        other => panic!("expected no projection, got {other:?}"),
    };
    assert!(why(&[]).contains("No actuals"));
    assert!(why(&monthly(&[100.0])).contains("At least two actuals"));
    assert!(why(&monthly(&[100.0, 100.0, 90.0])).contains("not growing"));
    assert!(why(&monthly(&[0.0, 0.0])).contains("At least two actuals"));
    assert_eq!(
        project(&m, &monthly(&[500.0, 1_500.0])),
        Projection::AllReached
    );
    let slow = monthly(&[100.0, 100.0001]);
    assert!(why(&slow).contains("50 years"));
}

#[test]
fn the_factory_bottleneck_is_the_lowest_conversion() {
    let snap = |start, a, b, c, d, e| FactorySnapshotData {
        period_start: start,
        acquisition: a,
        activation: b,
        retention: c,
        revenue: d,
        referral: e,
    };
    let report = latest(&[
        snap(date(2026, 1, 5), 100, 90, 10, 9, 8),
        snap(date(2026, 1, 12), 400, 40, 32, 24, 6),
    ])
    .unwrap();
    assert_eq!(
        report.period_start,
        date(2026, 1, 12),
        "the latest snapshot"
    );
    assert_eq!(report.bottleneck, Some(FactoryStep::Activation));
    assert_eq!(
        report.steps[0].conversion, None,
        "acquisition has no previous step"
    );
    assert!(close(report.steps[1].conversion.unwrap(), 0.1));
    let empty = latest(&[snap(date(2026, 1, 5), 0, 0, 0, 0, 0)]).unwrap();
    assert_eq!(
        empty.bottleneck, None,
        "no conversion can be measured from zeros"
    );
    assert_eq!(latest(&[]), None);
}

#[test]
fn values_read_in_the_plans_currency_or_as_counts() {
    let usd = MetricUnit::of(Some(&goal(TractionMetric::Arr)), "USD");
    assert_eq!(usd.format(27_300.0), "$27,300 ARR");
    let chf = MetricUnit::of(Some(&goal(TractionMetric::Mrr)), "CHF");
    assert_eq!(chf.format(1_250_000.0), "1.2M CHF MRR");
    let custom = MetricUnit::of(Some(&goal(TractionMetric::Custom)), "USD");
    assert_eq!(custom.format(41.0), "41 paying teams");
    assert_eq!(MetricUnit::of(None, "USD").format(3.0), "3 customers");
}

// ---- properties ----

fn arb_goal() -> impl Strategy<Value = TractionGoal> {
    (
        prop::sample::select(TractionMetric::ALL.to_vec()),
        1e-6f64..1e12,
        0i64..20_000,
        prop::option::of(1e-6f64..1e9),
        1e-6f64..1e6,
        prop::option::of(0.0f64..=1.0),
        prop::option::of(0.0f64..=1.0),
        prop::option::of(0.0f64..=1.0),
    )
        .prop_map(
            |(metric, msc, days, revenue, lifetime, acq, act, refr)| TractionGoal {
                metric,
                custom_unit: (metric == TractionMetric::Custom).then(|| "units".to_string()),
                msc_target: msc,
                deadline: date(2000, 1, 1) + Duration::days(days),
                revenue_per_customer_month: if metric.is_revenue() {
                    Some(revenue.unwrap_or(1.0))
                } else {
                    revenue
                },
                lifetime_months: lifetime,
                acquisition_rate: acq,
                activation_rate: act,
                referral_rate: refr,
            },
        )
}

fn arb_milestones() -> impl Strategy<Value = Vec<MilestoneData>> {
    prop::collection::btree_map(0i64..20_000, 1e-6f64..1e12, 0..6).prop_map(|m| {
        m.into_iter()
            .map(|(d, t)| MilestoneData {
                name: "m".into(),
                date: date(2000, 1, 1) + Duration::days(d),
                target: t,
                ninety_day_goals: String::new(),
            })
            .collect()
    })
}

fn arb_actuals() -> impl Strategy<Value = Vec<ActualData>> {
    prop::collection::btree_map(0i64..20_000, 0.0f64..1e12, 0..12).prop_map(|m| {
        m.into_iter()
            .map(|(d, v)| ActualData {
                date: date(2000, 1, 1) + Duration::days(d),
                value: v,
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn the_ladder_is_increasing_and_ends_at_the_msc(g in arb_goal()) {
        let steps = ladder(&g);
        prop_assert_eq!(steps.len(), 3);
        prop_assert!(steps[0].target < steps[1].target && steps[1].target < steps[2].target);
        prop_assert!(steps[0].date <= steps[1].date && steps[1].date <= steps[2].date);
        prop_assert_eq!(steps[2].target, g.msc_target);
        prop_assert_eq!(steps[2].date, g.deadline);
    }

    #[test]
    fn the_expected_curve_passes_through_every_milestone(m in arb_milestones()) {
        for milestone in &m {
            let v = expected_value(&m, milestone.date).unwrap();
            prop_assert!(close(v, milestone.target) || (v - milestone.target).abs() / milestone.target < 1e-9, "{} vs {}", v, milestone.target);
        }
    }

    #[test]
    fn no_accepted_input_makes_traction_panic_or_return_nan(
        g in arb_goal(), m in arb_milestones(), a in arb_actuals(), day in 0i64..25_000,
    ) {
        let today = date(2000, 1, 1) + Duration::days(day);
        let r = report(Some(&g), "USD", &m, &a, &[], today);
        let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
        let f = r.figures.unwrap();
        prop_assert!(finite(f.active_customers) && f.monthly_churn.is_finite() && finite(f.new_customers_per_month));
        prop_assert!(finite(f.leads_per_month) && finite(f.visitors_per_month));
        prop_assert!(finite(r.expected_today) && finite(r.monthly_growth));
        if let Some(p) = r.progress {
            prop_assert!(p.ratio.is_finite() && p.expected.is_finite() && p.expected > 0.0);
        }
        if let Projection::Reached { target, .. } = r.projection {
            prop_assert!(target.is_finite());
        }
    }
}

#[test]
fn the_chart_curve_is_monthly_and_passes_through_every_milestone() {
    let m = ladder(&goal(TractionMetric::Arr));
    let start = date(2026, 1, 1);
    let curve = expected_curve(&m, start);
    assert_eq!(curve.first().unwrap().date, start);
    assert_eq!(curve.last().unwrap().date, m[2].date);
    for milestone in &m {
        let on = curve.iter().find(|p| p.date == milestone.date).unwrap();
        assert!(close(on.value, milestone.target));
    }
    assert!(curve
        .windows(2)
        .all(|w| w[0].date < w[1].date && w[0].value <= w[1].value));
    let gaps: Vec<i64> = curve
        .windows(2)
        .map(|w| (w[1].date - w[0].date).num_days())
        .collect();
    assert!(gaps.iter().all(|d| *d <= 31), "{gaps:?}");
    assert!(expected_curve(&[], start).is_empty());
}
