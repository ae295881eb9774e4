//! The traction part of the report: the goal and what it implies, the ladder, the actuals
//! against it, the customer factory, and the one-paragraph summary.

use crate::compute::labels::{metric_label, status_word};
use crate::compute::traction::{self, compact, MetricUnit, TractionStatus};
use crate::domain::{ActualData, FactorySnapshotData, MilestoneData, TractionGoal};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct GoalSection {
    pub metric: String,
    pub msc: String,
    pub deadline: NaiveDate,
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub label: String,
    pub value: String,
    pub explanation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LadderRow {
    pub name: String,
    pub date: NaiveDate,
    pub target: String,
    pub target_value: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActualRow {
    pub date: NaiveDate,
    pub value: String,
    pub value_raw: f64,
    pub expected: String,
    pub progress: String,
    pub status: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FactoryRow {
    pub step: String,
    pub count: u32,
    pub conversion: String,
    pub bottleneck: bool,
}

/// The goal and the figures it implies, each with a sentence on what it means.
pub(super) fn goal(g: &TractionGoal, unit: &MetricUnit) -> GoalSection {
    let f = traction::goal_figures(g);
    let mut figures = Vec::new();
    let mut add = |label: &str, value: String, explanation: String| {
        figures.push(Figure {
            label: label.into(),
            value,
            explanation,
        })
    };
    if let Some(a) = f.active_customers {
        add(
            "Active customers needed",
            compact(a),
            "Paying customers at the deadline for the MSC, at the average revenue per customer."
                .into(),
        );
    }
    add(
        "Monthly churn",
        format!("{:.1} %", f.monthly_churn * 100.0),
        format!(
            "One customer in {} leaves each month (1 ÷ expected lifetime).",
            compact(g.lifetime_months)
        ),
    );
    if let Some(n) = f.new_customers_per_month {
        add(
            "New customers per month",
            compact(n),
            "Needed each month at the MSC just to replace the customers who leave.".into(),
        );
    }
    if let Some(l) = f.leads_per_month {
        add(
            "Leads per month",
            compact(l),
            "Sign-ups needed each month for those new customers, at the activation rate (less referrals).".into(),
        );
    }
    if let Some(v) = f.visitors_per_month {
        add(
            "Visitors per month",
            compact(v),
            "Visitors needed each month for those leads, at the acquisition rate.".into(),
        );
    }
    GoalSection {
        metric: metric_label(g.metric, unit),
        msc: unit.format(g.msc_target),
        deadline: g.deadline,
        figures,
    }
}

/// The milestones by date.
pub(super) fn ladder(milestones: &[MilestoneData], unit: &MetricUnit) -> Vec<LadderRow> {
    let mut rows: Vec<LadderRow> = milestones
        .iter()
        .map(|m| LadderRow {
            name: m.name.clone(),
            date: m.date,
            target: unit.format(m.target),
            target_value: m.target,
        })
        .collect();
    rows.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.target_value.total_cmp(&b.target_value))
    });
    rows
}

/// Each actual by date, against the value the ladder expects then.
pub(super) fn actuals(
    milestones: &[MilestoneData],
    actuals: &[ActualData],
    unit: &MetricUnit,
) -> Vec<ActualRow> {
    let dash = || "—".to_string();
    let mut rows: Vec<ActualRow> = actuals
        .iter()
        .map(|a| {
            let expected = traction::expected_value(milestones, a.date);
            let ratio = expected.map(|e| a.value / e).filter(|r| r.is_finite());
            ActualRow {
                date: a.date,
                value: unit.format(a.value),
                value_raw: a.value,
                expected: expected.map(|e| unit.format(e)).unwrap_or_else(dash),
                progress: ratio
                    .map(|r| format!("{:.0} %", r * 100.0))
                    .unwrap_or_else(dash),
                status: ratio
                    .map(|r| status_word(TractionStatus::from_ratio(r)).to_string())
                    .unwrap_or_else(dash),
            }
        })
        .collect();
    rows.sort_by_key(|r| r.date);
    rows
}

/// The latest week's five steps with their conversions and the bottleneck marked.
pub(super) fn factory(snapshots: &[FactorySnapshotData]) -> Vec<FactoryRow> {
    crate::compute::factory::latest(snapshots)
        .map(|f| {
            f.steps
                .iter()
                .map(|s| FactoryRow {
                    step: s.step.label().to_string(),
                    count: s.count,
                    conversion: s
                        .conversion
                        .map(|c| format!("{:.0} %", c * 100.0))
                        .unwrap_or_else(|| "—".into()),
                    bottleneck: f.bottleneck == Some(s.step),
                })
                .collect()
        })
        .unwrap_or_default()
}
