//! Geometry for the template's traction chart and roadmap timeline, computed here so the
//! template only draws: every coordinate is a fraction (0–1) of the drawing area.

use crate::compute::priority::RankedFeature;
use crate::compute::traction::{self, DatedValue, MetricUnit};
use crate::domain::PlanDocument;
use crate::domain::{Stage, TractionGoal};
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Serialize)]
pub struct Tick {
    pub at: f64,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct Chart {
    pub ready: bool,
    pub expected: Vec<Point>,
    pub milestones: Vec<Point>,
    pub actuals: Vec<Point>,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    pub today: Option<f64>,
}

fn frac(date: NaiveDate, start: NaiveDate, end: NaiveDate) -> f64 {
    let span = (end - start).num_days().max(1) as f64;
    ((date - start).num_days() as f64 / span).clamp(0.0, 1.0)
}

/// Short axis labels: $1k, $10k, $1M.
fn short(unit: &MetricUnit, value: f64) -> String {
    let n = if value >= 1e6 {
        format!("{}M", traction::compact(value / 1e6))
    } else if value >= 1e3 {
        format!("{}k", traction::compact(value / 1e3))
    } else {
        traction::compact(value)
    };
    match unit {
        MetricUnit::Currency { code, .. } => match code.as_str() {
            "USD" => format!("${n}"),
            "EUR" => format!("€{n}"),
            "GBP" => format!("£{n}"),
            _ => format!("{n} {code}"),
        },
        MetricUnit::Count { .. } => n,
    }
}

/// Actuals against the ladder and its expected `curve` (the app's: `Analysis::curve`)
/// on a log scale, from the curve's start to the deadline.
pub fn traction_chart(doc: &PlanDocument, curve: &[DatedValue], today: NaiveDate) -> Chart {
    let milestones = crate::domain::data_of(&doc.milestones);
    let unit = MetricUnit::of(doc.goal.as_ref(), &doc.plan.data.currency);
    let start = crate::compute::analysis::curve_start(doc);
    let end = doc
        .goal
        .as_ref()
        .map(|g: &TractionGoal| g.deadline)
        .into_iter()
        .chain(milestones.iter().map(|m| m.date))
        .chain(doc.actuals.iter().map(|a| a.data.date))
        .max()
        .unwrap_or(today);
    let empty = Chart {
        ready: false,
        expected: vec![],
        milestones: vec![],
        actuals: vec![],
        x_ticks: vec![],
        y_ticks: vec![],
        today: None,
    };
    if end <= start || milestones.is_empty() {
        return empty;
    }
    let expected: Vec<(NaiveDate, f64)> = curve.iter().map(|p| (p.date, p.value)).collect();
    let values: Vec<f64> = expected
        .iter()
        .map(|p| p.1)
        .chain(milestones.iter().map(|m| m.target))
        .chain(doc.actuals.iter().map(|a| a.data.value))
        .filter(|v| *v > 0.0 && v.is_finite())
        .collect();
    let (Some(min), Some(max)) = (
        values.iter().copied().reduce(f64::min),
        values.iter().copied().reduce(f64::max),
    ) else {
        return empty;
    };
    let low = min.log10().floor();
    let high = max.log10().ceil().max(low + 1.0);
    let y = |v: f64| 1.0 - ((v.max(10f64.powf(low)).log10() - low) / (high - low)).clamp(0.0, 1.0);
    let point = |d: NaiveDate, v: f64| Point {
        x: frac(d, start, end),
        y: y(v),
    };
    let y_ticks = (low as i32..=high as i32)
        .map(|p| Tick {
            at: y(10f64.powi(p)),
            label: short(&unit, 10f64.powi(p)),
        })
        .collect();
    let mut x_ticks = Vec::new();
    let mut year = start.year() + 1;
    while let Some(jan) = NaiveDate::from_ymd_opt(year, 1, 1) {
        if jan > end {
            break;
        }
        x_ticks.push(Tick {
            at: frac(jan, start, end),
            label: year.to_string(),
        });
        year += 1;
    }
    Chart {
        ready: true,
        expected: expected.iter().map(|(d, v)| point(*d, *v)).collect(),
        milestones: milestones.iter().map(|m| point(m.date, m.target)).collect(),
        actuals: {
            let mut a: Vec<_> = doc
                .actuals
                .iter()
                .filter(|a| a.data.value > 0.0)
                .map(|a| (a.data.date, a.data.value))
                .collect();
            a.sort_by_key(|p| p.0);
            a.into_iter().map(|(d, v)| point(d, v)).collect()
        },
        x_ticks,
        y_ticks,
        today: (today >= start && today <= end).then(|| frac(today, start, end)),
    }
}

#[derive(Debug, Serialize)]
pub struct Bar {
    pub title: String,
    pub rank: Option<u32>,
    pub x0: f64,
    pub x1: f64,
    pub row: usize,
}

#[derive(Debug, Serialize)]
pub struct Lane {
    pub stage: String,
    pub key: String,
    pub rows: usize,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Serialize)]
pub struct Timeline {
    pub quarters: Vec<String>,
    pub lanes: Vec<Lane>,
    pub today: Option<f64>,
    pub milestones: Vec<Tick>,
    /// When the company plans to move stage, within the quarters shown.
    pub stage_changes: Vec<StageTick>,
    pub undated: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct StageTick {
    pub at: f64,
    pub label: String,
    pub key: String,
}

fn quarter_start(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month0() / 3 * 3 + 1, 1).unwrap_or(d)
}

/// Quarters across (from the current one, four to eight of them to cover the dated work),
/// stage lanes down with one row per dated open feature, a today line and the milestones in
/// range.
pub fn timeline(doc: &PlanDocument, ranking: &[RankedFeature], today: NaiveDate) -> Timeline {
    let ranks: std::collections::HashMap<&str, u32> =
        ranking.iter().map(|r| (r.id.as_str(), r.rank)).collect();
    let open: Vec<_> = doc
        .features
        .iter()
        .filter(|f| crate::compute::priority::is_open(&f.data))
        .collect();
    let start = quarter_start(today);
    let latest = open
        .iter()
        .filter_map(|f| f.data.end_date.or(f.data.start_date))
        .max()
        .unwrap_or(start);
    let count = (1..=8u32)
        .find(|q| {
            start
                .checked_add_months(Months::new(3 * q))
                .is_some_and(|e| e > latest)
        })
        .unwrap_or(8)
        .max(4);
    let end = start
        .checked_add_months(Months::new(3 * count))
        .unwrap_or(start);
    let quarters = (0..count)
        .filter_map(|q| start.checked_add_months(Months::new(3 * q)))
        .map(|d| format!("Q{} {}", d.month0() / 3 + 1, d.year()))
        .collect();
    let lanes = [Stage::Mvp, Stage::Scaling, Stage::Enterprise]
        .into_iter()
        .map(|stage| {
            let mut dated: Vec<_> = open
                .iter()
                .filter(|f| f.data.stage == stage)
                .filter_map(|f| match (f.data.start_date, f.data.end_date) {
                    (Some(s), Some(e)) if e >= start && s < end => Some((f, s, e)),
                    (Some(s), None) if s >= start && s < end => Some((f, s, s)),
                    _ => None,
                })
                .collect();
            dated.sort_by_key(|(f, s, _)| (*s, f.position));
            let bars: Vec<Bar> = dated
                .into_iter()
                .enumerate()
                .map(|(row, (f, s, e))| {
                    let x0 = frac(s.max(start), start, end);
                    let x1 = frac(e, start, end).max(x0 + 0.01).min(1.0);
                    Bar {
                        title: f.data.title.clone(),
                        rank: ranks.get(f.id.as_str()).copied(),
                        x0,
                        x1,
                        row,
                    }
                })
                .collect();
            Lane {
                stage: stage.label().into(),
                key: stage.as_str().into(),
                rows: bars.len(),
                bars,
            }
        })
        .collect();
    let undated = open
        .iter()
        .filter(|f| f.data.start_date.is_none())
        .map(|f| f.data.title.clone())
        .collect();
    Timeline {
        quarters,
        lanes,
        today: Some(frac(today, start, end)),
        milestones: doc
            .milestones
            .iter()
            .filter(|m| m.data.date >= start && m.data.date < end)
            .map(|m| Tick {
                at: frac(m.data.date, start, end),
                label: m.data.name.clone(),
            })
            .collect(),
        stage_changes: [
            (Stage::Scaling, doc.plan.data.scaling_from),
            (Stage::Enterprise, doc.plan.data.enterprise_from),
        ]
        .into_iter()
        .filter_map(|(stage, date)| Some((stage, date?)))
        .filter(|(_, d)| *d >= start && *d < end)
        .map(|(stage, d)| StageTick {
            at: frac(d, start, end),
            label: format!("{} from {d}", stage.label()),
            key: stage.as_str().into(),
        })
        .collect(),
        undated,
    }
}
