//! Traction maths, from the goal, the milestones, the actuals and the factory snapshots.
//! Invariants: no function here panics or returns NaN or infinity for any input the
//! validation accepts; where the data cannot support a figure, the figure is `None` and the
//! report says why in words.

use crate::domain::{ActualData, MilestoneData, TractionGoal, TractionMetric};
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use specta::Type;

/// Progress at or above this share of the expected value is "ahead".
pub const AHEAD: f64 = 1.0;
/// Progress at or above this share (and below [`AHEAD`]) is "on track".
pub const ON_TRACK: f64 = 0.8;
pub(crate) const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TractionStatus {
    Ahead,
    OnTrack,
    Behind,
}

impl TractionStatus {
    pub fn from_ratio(ratio: f64) -> Self {
        if ratio >= AHEAD {
            TractionStatus::Ahead
        } else if ratio >= ON_TRACK {
            TractionStatus::OnTrack
        } else {
            TractionStatus::Behind
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TractionStatus::Ahead => "ahead",
            TractionStatus::OnTrack => "on track",
            TractionStatus::Behind => "behind",
        }
    }
}

/// What the goal implies, month by month.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct GoalFigures {
    /// Paying customers needed at the deadline; `None` for a custom metric. This and the three
    /// counts below are whole numbers, rounded up.
    pub active_customers: Option<f64>,
    /// Share of customers lost each month (1 ÷ lifetime).
    pub monthly_churn: f64,
    /// New customers needed each month just to replace churn at the MSC.
    pub new_customers_per_month: Option<f64>,
    /// Leads needed each month, given the activation (and referral) rate.
    pub leads_per_month: Option<f64>,
    /// Visitors needed each month, given the acquisition rate as well.
    pub visitors_per_month: Option<f64>,
}

/// Customers needed for `value` of the goal's metric (revenue ÷ revenue per customer).
pub fn customers_for(goal: &TractionGoal, value: f64) -> Option<f64> {
    let per_customer_month = goal.revenue_per_customer_month.filter(|r| *r > 0.0);
    let customers = match goal.metric {
        TractionMetric::Arr => value / (per_customer_month? * 12.0),
        TractionMetric::Mrr => value / per_customer_month?,
        TractionMetric::ActiveCustomers => value,
        TractionMetric::Custom => return None,
    };
    customers.is_finite().then_some(customers)
}

pub fn goal_figures(goal: &TractionGoal) -> GoalFigures {
    let finite = |v: f64| v.is_finite().then_some(v);
    let monthly_churn = finite(1.0 / goal.lifetime_months).unwrap_or(0.0);
    let active_customers = customers_for(goal, goal.msc_target);
    let new_customers = active_customers.and_then(|a| finite(a * monthly_churn));
    let referred_share = goal.referral_rate.unwrap_or(0.0).clamp(0.0, 1.0);
    let leads = match (new_customers, goal.activation_rate) {
        (Some(n), Some(rate)) if rate > 0.0 => finite(n * (1.0 - referred_share) / rate),
        _ => None,
    };
    let visitors = match (leads, goal.acquisition_rate) {
        (Some(l), Some(rate)) if rate > 0.0 => finite(l / rate),
        _ => None,
    };
    // People come whole: each count is rounded up once, here, so the window, the slides and
    // every export say the same number (each is worked out from the unrounded one before it).
    let whole = |v: Option<f64>| v.map(|v| ((v * 1e6).round() / 1e6).ceil());
    GoalFigures {
        active_customers: whole(active_customers),
        monthly_churn,
        new_customers_per_month: whole(new_customers),
        leads_per_month: whole(leads),
        visitors_per_month: whole(visitors),
    }
}

/// The milestones as (date, target) points, by date, with same-day duplicates dropped.
fn curve(milestones: &[MilestoneData]) -> Vec<(NaiveDate, f64)> {
    let mut points: Vec<(NaiveDate, f64)> = milestones
        .iter()
        .filter(|m| m.target > 0.0 && m.target.is_finite())
        .map(|m| (m.date, m.target))
        .collect();
    points.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    points.dedup_by_key(|p| p.0);
    points
}

/// The value the ladder expects on `date`: log-linear between milestones, the first segment's
/// growth extended back before the first milestone, the last target after the last one.
pub fn expected_value(milestones: &[MilestoneData], date: NaiveDate) -> Option<f64> {
    let points = curve(milestones);
    let last = *points.last()?;
    if let Some(exact) = points.iter().find(|p| p.0 == date) {
        return Some(exact.1);
    }
    if points.len() == 1 {
        return (date >= last.0).then_some(last.1);
    }
    if date >= last.0 {
        return Some(last.1);
    }
    let segment = points
        .windows(2)
        .find(|w| date <= w[1].0)
        .unwrap_or(&points[..2]);
    let (d0, v0) = segment[0];
    let (d1, v1) = segment[1];
    let span = (d1 - d0).num_days() as f64;
    let t = (date - d0).num_days() as f64 / span;
    let value = (v0.ln() + t * (v1.ln() - v0.ln())).exp();
    (value.is_finite() && value > 0.0).then_some(value)
}

/// A dated value on a chart.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct DatedValue {
    pub date: NaiveDate,
    pub value: f64,
}

/// The expected curve for a chart: month by month from `start` to the last milestone, with each
/// milestone's own date, so straight segments between points follow the curve on either scale.
pub fn expected_curve(milestones: &[MilestoneData], start: NaiveDate) -> Vec<DatedValue> {
    let points = curve(milestones);
    let Some(&(end, _)) = points.last() else {
        return Vec::new();
    };
    let mut dates: Vec<NaiveDate> = (0..600u32)
        .map_while(|m| {
            start
                .checked_add_months(chrono::Months::new(m))
                .filter(|d| *d < end)
        })
        .collect();
    dates.extend(points.iter().map(|p| p.0).filter(|d| *d >= start));
    dates.sort();
    dates.dedup();
    dates
        .into_iter()
        .filter_map(|date| expected_value(milestones, date).map(|value| DatedValue { date, value }))
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Progress {
    pub date: NaiveDate,
    pub actual: f64,
    pub expected: f64,
    /// actual ÷ expected.
    pub ratio: f64,
    pub status: TractionStatus,
}

/// The latest actual against the ladder.
pub fn progress(milestones: &[MilestoneData], actuals: &[ActualData]) -> Option<Progress> {
    let latest = actuals.iter().max_by_key(|a| a.date)?;
    let expected = expected_value(milestones, latest.date)?;
    let ratio = latest.value / expected;
    ratio.is_finite().then(|| Progress {
        date: latest.date,
        actual: latest.value,
        expected,
        ratio,
        status: TractionStatus::from_ratio(ratio),
    })
}

/// How many of the latest actuals the growth rate is fitted to.
pub const GROWTH_WINDOW: usize = 6;

/// Compound monthly growth fitted (least squares on the logarithm) to the latest actuals;
/// `None` with fewer than two positive values on distinct dates.
pub fn monthly_growth(actuals: &[ActualData]) -> Option<f64> {
    let mut recent: Vec<&ActualData> = actuals.iter().filter(|a| a.value > 0.0).collect();
    recent.sort_by_key(|a| a.date);
    let recent = &recent[recent.len().saturating_sub(GROWTH_WINDOW)..];
    let first = recent.first()?.date;
    let xs: Vec<f64> = recent
        .iter()
        .map(|a| (a.date - first).num_days() as f64 / DAYS_PER_MONTH)
        .collect();
    let ys: Vec<f64> = recent.iter().map(|a| a.value.ln()).collect();
    let n = xs.len() as f64;
    let mean_x = xs.iter().sum::<f64>() / n;
    let mean_y = ys.iter().sum::<f64>() / n;
    let sxx: f64 = xs.iter().map(|x| (x - mean_x).powi(2)).sum();
    if xs.len() < 2 || sxx <= 0.0 {
        return None;
    }
    let sxy: f64 = xs
        .iter()
        .zip(&ys)
        .map(|(x, y)| (x - mean_x) * (y - mean_y))
        .sum();
    let growth = (sxy / sxx).exp() - 1.0;
    growth.is_finite().then_some(growth)
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Projection {
    /// At the recent growth rate, the next milestone is reached on `date`.
    Reached {
        milestone: String,
        target: f64,
        date: NaiveDate,
        on_time: bool,
    },
    /// Every milestone is already reached.
    AllReached,
    /// No projection can be made; `why` says so in a sentence.
    Unavailable { why: String },
}

/// When the next milestone above the latest actual is reached at the recent growth rate.
pub fn project(milestones: &[MilestoneData], actuals: &[ActualData]) -> Projection {
    let unavailable = |why: &str| Projection::Unavailable {
        why: why.to_string(),
    };
    let Some(latest) = actuals.iter().max_by_key(|a| a.date) else {
        return unavailable("No actuals are recorded yet, so there is nothing to project from.");
    };
    let mut ahead: Vec<&MilestoneData> = milestones
        .iter()
        .filter(|m| m.target > latest.value)
        .collect();
    ahead.sort_by(|a, b| a.date.cmp(&b.date).then(a.target.total_cmp(&b.target)));
    let Some(next) = ahead.first() else {
        return if milestones.is_empty() {
            unavailable("There are no milestones to project towards.")
        } else {
            Projection::AllReached
        };
    };
    let Some(growth) = monthly_growth(actuals) else {
        return unavailable(
            "At least two actuals above zero on different dates are needed to measure growth.",
        );
    };
    if growth <= 0.0 {
        return unavailable("Traction is not growing over the recent actuals, so at this rate the next milestone is never reached.");
    }
    if latest.value <= 0.0 {
        return unavailable("The latest actual is zero, so there is no base to grow from.");
    }
    let months = (next.target / latest.value).ln() / (1.0 + growth).ln();
    if !months.is_finite() || months > 600.0 {
        return unavailable(
            "At the recent growth rate the next milestone is more than 50 years away.",
        );
    }
    let date = latest.date + Duration::days((months * DAYS_PER_MONTH).ceil() as i64);
    Projection::Reached {
        milestone: next.name.clone(),
        target: next.target,
        date,
        on_time: date <= next.date,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MetricUnit {
    /// `metric` is "ARR" or "MRR".
    Currency {
        code: String,
        metric: String,
    },
    Count {
        noun: String,
    },
}

impl MetricUnit {
    pub fn of(goal: Option<&TractionGoal>, currency: &str) -> MetricUnit {
        match goal {
            Some(g) if g.metric.is_revenue() => MetricUnit::Currency {
                code: currency.to_string(),
                metric: if g.metric == TractionMetric::Arr {
                    "ARR"
                } else {
                    "MRR"
                }
                .to_string(),
            },
            Some(TractionGoal {
                metric: TractionMetric::Custom,
                custom_unit: Some(u),
                ..
            }) => MetricUnit::Count { noun: u.clone() },
            _ => MetricUnit::Count {
                noun: "customers".to_string(),
            },
        }
    }

    /// "$23,700 ARR", "€1.2M MRR", "41 customers".
    pub fn format(&self, value: f64) -> String {
        match self {
            MetricUnit::Currency { code, metric } => {
                format!("{} {metric}", in_currency(&compact(value), code))
            }
            MetricUnit::Count { noun } => format!("{} {noun}", compact(value)),
        }
    }
}

/// An amount in a currency: "$23,700", "€1.2M", "300k CHF" (a symbol for the dollar, the
/// euro and the pound, else the code after the amount).
pub fn in_currency(amount: &str, code: &str) -> String {
    match code {
        "USD" => format!("${amount}"),
        "EUR" => format!("€{amount}"),
        "GBP" => format!("£{amount}"),
        _ => format!("{amount} {code}"),
    }
}

/// 1,234 · 23,700 · 1.2M — whole units below a million.
pub fn compact(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    if value.abs() >= 1_000_000.0 {
        let m = format!("{:.1}", value / 1_000_000.0);
        return format!("{}M", m.trim_end_matches(".0"));
    }
    let whole = value.round() as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if whole < 0 {
        format!("-{out}")
    } else {
        out
    }
}
