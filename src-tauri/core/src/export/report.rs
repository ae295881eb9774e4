//! The plan as an export shows it: every figure computed and worded once, here, for both the
//! Markdown and the PDF. Deterministic for a document and a date (no clock, no hash order).

use crate::check::{self, Severity};
use crate::document::PlanDocument;
use crate::domain::{
    FactoryStep, Feature, FeatureStatus, Horizon, RiskClass, Stage, TeamKind, TractionMetric,
};
use crate::priority::{self, format_score, PriorityView};
use crate::traction::{self, compact, MetricUnit, Projection, TractionStatus};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub company: String,
    pub tagline: String,
    pub stage: String,
    pub currency: String,
    pub date: NaiveDate,
    pub plan_start: NaiveDate,
    pub vision: String,
    pub strategy: String,
    pub canvas: Vec<CanvasBox>,
    pub goal: Option<GoalSection>,
    pub traction_summary: String,
    pub ladder: Vec<LadderRow>,
    pub actuals: Vec<ActualRow>,
    pub factory: Vec<FactoryRow>,
    pub roadmap: Vec<HorizonGroup>,
    pub features: Vec<FeatureRow>,
    pub closed: Vec<FeatureRow>,
    pub teams: Vec<TeamRow>,
    pub findings: Vec<FindingRow>,
    pub changes: Option<Changes>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CanvasBox {
    pub key: &'static str,
    pub label: &'static str,
    pub text: String,
}

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

#[derive(Debug, Clone, Serialize)]
pub struct HorizonGroup {
    pub horizon: String,
    pub stages: Vec<StageGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StageGroup {
    pub stage: String,
    pub features: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FeatureRow {
    pub id: u32,
    pub rank: Option<u32>,
    pub title: String,
    pub class: String,
    pub level: u32,
    pub stage: String,
    pub stage_key: String,
    pub status: String,
    pub horizon: String,
    pub rice: String,
    pub reason: String,
    pub description: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamRow {
    pub name: String,
    pub kind: String,
    pub size: u32,
    pub features: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    pub id: String,
    pub severity: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    pub label: String,
    pub taken_at: String,
    pub lines: Vec<String>,
}

pub fn status_word(status: TractionStatus) -> &'static str {
    match status {
        TractionStatus::Ahead => "Ahead",
        TractionStatus::OnTrack => "On track",
        TractionStatus::Behind => "Behind",
    }
}

fn class_label(f: &Feature) -> String {
    match (f.data.risk_class, f.data.quick_win) {
        (RiskClass::Business, _) => "Business".into(),
        (RiskClass::Technical, _) => "Technical".into(),
        (RiskClass::Operational, true) => "Operational (quick win)".into(),
        (RiskClass::Operational, false) => "Operational".into(),
    }
}

pub fn status_label(s: FeatureStatus) -> &'static str {
    match s {
        FeatureStatus::Idea => "Idea",
        FeatureStatus::Planned => "Planned",
        FeatureStatus::InProgress => "In progress",
        FeatureStatus::Done => "Done",
        FeatureStatus::Dropped => "Dropped",
    }
}

pub fn horizon_label(h: Horizon) -> &'static str {
    match h {
        Horizon::Now => "Now",
        Horizon::Next => "Next",
        Horizon::Later => "Later",
    }
}

fn step_label(s: FactoryStep) -> String {
    let name = s.as_str();
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn metric_label(metric: TractionMetric, unit: &MetricUnit) -> String {
    match (metric, unit) {
        (TractionMetric::Arr, _) => "Annual recurring revenue (ARR)".into(),
        (TractionMetric::Mrr, _) => "Monthly recurring revenue (MRR)".into(),
        (TractionMetric::ActiveCustomers, _) => "Active customers".into(),
        (TractionMetric::Custom, MetricUnit::Count { noun }) => format!("Custom: {noun}"),
        (TractionMetric::Custom, _) => "Custom".into(),
    }
}

/// Builds the report of `doc` as of `date`, with the changes since `since` when given.
pub fn build(
    doc: &PlanDocument,
    date: NaiveDate,
    since: Option<(&str, &str, &PlanDocument)>,
) -> Report {
    let unit = MetricUnit::of(doc.goal.as_ref(), &doc.plan.data.currency);
    let milestones: Vec<_> = doc.milestones.iter().map(|m| m.data.clone()).collect();
    let actual_data: Vec<_> = doc.actuals.iter().map(|a| a.data.clone()).collect();
    let snapshots: Vec<_> = doc
        .factory_snapshots
        .iter()
        .map(|s| s.data.clone())
        .collect();
    let ranked = priority::rank(&doc.features, PriorityView::RiskFirst);
    let rank_of: HashMap<u32, &priority::RankedFeature> =
        ranked.iter().map(|r| (r.id, r)).collect();

    let row = |f: &Feature| {
        let r = rank_of.get(&f.id);
        FeatureRow {
            id: f.id,
            rank: r.map(|r| r.rank),
            title: f.data.title.clone(),
            class: class_label(f),
            level: f.data.risk_level,
            stage: f.data.stage.label().into(),
            stage_key: f.data.stage.as_str().into(),
            status: status_label(f.data.status).into(),
            horizon: horizon_label(f.data.horizon).into(),
            rice: priority::rice(&f.data)
                .map(format_score)
                .unwrap_or_default(),
            reason: r
                .map(|r| {
                    r.reason
                        .trim_start_matches(&format!("#{} — ", r.rank))
                        .to_string()
                })
                .unwrap_or_default(),
            description: f.data.description.clone(),
            start: f.data.start_date,
            end: f.data.end_date,
        }
    };
    let by_id: HashMap<u32, &Feature> = doc.features.iter().map(|f| (f.id, f)).collect();
    let features: Vec<FeatureRow> = ranked
        .iter()
        .filter_map(|r| by_id.get(&r.id))
        .map(|f| row(f))
        .collect();
    let closed: Vec<FeatureRow> = doc
        .features
        .iter()
        .filter(|f| !priority::is_open(&f.data))
        .map(row)
        .collect();

    let roadmap = [Horizon::Now, Horizon::Next, Horizon::Later]
        .into_iter()
        .map(|h| HorizonGroup {
            horizon: horizon_label(h).into(),
            stages: [Stage::Mvp, Stage::Scaling, Stage::Enterprise]
                .into_iter()
                .map(|s| StageGroup {
                    stage: s.label().into(),
                    features: features
                        .iter()
                        .filter(|r| by_id[&r.id].data.horizon == h && by_id[&r.id].data.stage == s)
                        .map(|r| r.title.clone())
                        .collect(),
                })
                .filter(|g| !g.features.is_empty())
                .collect(),
        })
        .collect();

    let goal = doc.goal.as_ref().map(|g| {
        let f = traction::goal_figures(g);
        let mut figures = Vec::new();
        if let Some(a) = f.active_customers {
            figures.push(Figure {
                label: "Active customers needed".into(),
                value: compact(a),
                explanation: "Paying customers at the deadline for the MSC, at the average revenue per customer.".into(),
            });
        }
        figures.push(Figure {
            label: "Monthly churn".into(),
            value: format!("{:.1} %", f.monthly_churn * 100.0),
            explanation: format!("One customer in {} leaves each month (1 ÷ expected lifetime).", compact(g.lifetime_months)),
        });
        if let Some(n) = f.new_customers_per_month {
            figures.push(Figure {
                label: "New customers per month".into(),
                value: compact(n),
                explanation: "Needed each month at the MSC just to replace the customers who leave.".into(),
            });
        }
        if let Some(l) = f.leads_per_month {
            figures.push(Figure {
                label: "Leads per month".into(),
                value: compact(l),
                explanation: "Sign-ups needed each month for those new customers, at the activation rate (less referrals).".into(),
            });
        }
        if let Some(v) = f.visitors_per_month {
            figures.push(Figure {
                label: "Visitors per month".into(),
                value: compact(v),
                explanation: "Visitors needed each month for those leads, at the acquisition rate.".into(),
            });
        }
        GoalSection {
            metric: metric_label(g.metric, &unit),
            msc: unit.format(g.msc_target),
            deadline: g.deadline,
            figures,
        }
    });

    let ladder = {
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
    };
    let actuals = {
        let mut rows: Vec<ActualRow> = actual_data
            .iter()
            .map(|a| {
                let expected = traction::expected_value(&milestones, a.date);
                let ratio = expected.map(|e| a.value / e).filter(|r| r.is_finite());
                ActualRow {
                    date: a.date,
                    value: unit.format(a.value),
                    value_raw: a.value,
                    expected: expected
                        .map(|e| unit.format(e))
                        .unwrap_or_else(|| "—".into()),
                    progress: ratio
                        .map(|r| format!("{:.0} %", r * 100.0))
                        .unwrap_or_else(|| "—".into()),
                    status: ratio
                        .map(|r| status_word(TractionStatus::from_ratio(r)).to_string())
                        .unwrap_or_else(|| "—".into()),
                }
            })
            .collect();
        rows.sort_by_key(|r| r.date);
        rows
    };
    let traction_summary = summary(&unit, &milestones, &actual_data);
    let factory = traction::factory(&snapshots)
        .map(|f| {
            f.steps
                .iter()
                .map(|s| FactoryRow {
                    step: step_label(s.step),
                    count: s.count,
                    conversion: s
                        .conversion
                        .map(|c| format!("{:.0} %", c * 100.0))
                        .unwrap_or_else(|| "—".into()),
                    bottleneck: f.bottleneck == Some(s.step),
                })
                .collect()
        })
        .unwrap_or_default();

    let teams = doc
        .teams
        .iter()
        .map(|t| TeamRow {
            name: t.data.name.clone(),
            kind: match t.data.kind {
                TeamKind::Product => "Product".into(),
                TeamKind::Platform => "Platform".into(),
            },
            size: t.data.size,
            features: doc
                .features
                .iter()
                .filter(|f| f.data.team_id == Some(t.id) && priority::is_open(&f.data))
                .count(),
        })
        .collect();
    let findings = check::check(doc, date)
        .into_iter()
        .map(|f| FindingRow {
            id: f.id,
            severity: match f.severity {
                Severity::Error => "Error",
                Severity::Warning => "Warning",
                Severity::Hint => "Hint",
            }
            .into(),
            message: f.message,
        })
        .collect();
    let changes = since.map(|(label, taken_at, old)| Changes {
        label: label.to_string(),
        taken_at: taken_at.to_string(),
        lines: crate::diff::changes(old, doc),
    });

    let c = &doc.canvas;
    let canvas = vec![
        CanvasBox {
            key: "problem",
            label: "Problem",
            text: c.problem.clone(),
        },
        CanvasBox {
            key: "solution",
            label: "Solution",
            text: c.solution.clone(),
        },
        CanvasBox {
            key: "key_metrics",
            label: "Key metrics",
            text: c.key_metrics.clone(),
        },
        CanvasBox {
            key: "unique_value_proposition",
            label: "Unique value proposition",
            text: c.unique_value_proposition.clone(),
        },
        CanvasBox {
            key: "unfair_advantage",
            label: "Unfair advantage",
            text: c.unfair_advantage.clone(),
        },
        CanvasBox {
            key: "channels",
            label: "Channels",
            text: c.channels.clone(),
        },
        CanvasBox {
            key: "customer_segments",
            label: "Customer segments",
            text: c.customer_segments.clone(),
        },
        CanvasBox {
            key: "cost_structure",
            label: "Cost structure",
            text: c.cost_structure.clone(),
        },
        CanvasBox {
            key: "revenue_streams",
            label: "Revenue streams",
            text: c.revenue_streams.clone(),
        },
    ];

    Report {
        company: doc.plan.data.company_name.clone(),
        tagline: doc.plan.data.tagline.clone(),
        stage: doc.plan.data.stage.label().into(),
        currency: doc.plan.data.currency.clone(),
        date,
        plan_start: doc.plan.data.start_date,
        vision: doc.plan.data.vision.clone(),
        strategy: doc.plan.data.strategy.clone(),
        canvas,
        goal,
        traction_summary,
        ladder,
        actuals,
        factory,
        roadmap,
        features,
        closed,
        teams,
        findings,
        changes,
    }
}

/// One paragraph: status, the latest actual against the ladder, and the projection.
fn summary(
    unit: &MetricUnit,
    milestones: &[crate::domain::MilestoneData],
    actuals: &[crate::domain::ActualData],
) -> String {
    let Some(p) = traction::progress(milestones, actuals) else {
        return "No traction is measured against the ladder yet.".into();
    };
    let head = format!(
        "{}: {} on {} is {:.0} % of the {} the ladder expects.",
        status_word(p.status),
        unit.format(p.actual),
        p.date,
        p.ratio * 100.0,
        unit.format(p.expected)
    );
    match traction::project(milestones, actuals) {
        Projection::Reached {
            milestone,
            date,
            on_time,
            ..
        } => format!(
            "{head} At the recent growth rate, {milestone} is reached on {date}{}.",
            if on_time {
                ", on time"
            } else {
                ", later than planned"
            }
        ),
        Projection::AllReached => format!("{head} Every milestone is reached."),
        Projection::Unavailable { why } => format!("{head} {why}"),
    }
}
