//! The traction goal, its milestones, the recorded actuals and the customer-factory snapshots.

use super::TractionMetric;
use crate::domain::validate::{self, Field};
use crate::error::{CoreError, Result};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

/// The Minimum Success Criteria and what it takes to reach it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TractionGoal {
    pub metric: TractionMetric,
    /// The unit name of a `custom` metric ("paying teams"); `None` for the others.
    pub custom_unit: Option<String>,
    /// The MSC: the metric's value to reach by the deadline.
    pub msc_target: f64,
    pub deadline: NaiveDate,
    /// Average revenue per customer per month; required for revenue metrics.
    pub revenue_per_customer_month: Option<f64>,
    /// Expected customer lifetime in months.
    pub lifetime_months: f64,
    pub acquisition_rate: Option<f64>,
    pub activation_rate: Option<f64>,
    pub referral_rate: Option<f64>,
}

impl TractionGoal {
    /// The default deadline: three years after the plan starts.
    pub fn default_deadline(plan_start: NaiveDate) -> NaiveDate {
        plan_start
            .checked_add_months(Months::new(36))
            .unwrap_or(plan_start)
    }

    pub fn validated(self) -> Result<Self> {
        let custom_unit = validate::optional_text(
            Field::new("custom_unit", "Custom unit"),
            self.custom_unit.as_deref(),
            60,
        )?;
        let custom_unit = match self.metric {
            TractionMetric::Custom => Some(custom_unit.ok_or_else(|| {
                CoreError::invalid(
                    Field::new("custom_unit", "Custom unit"),
                    "is required for a custom metric",
                )
            })?),
            _ => None,
        };
        let revenue = validate::optional(self.revenue_per_customer_month, |v| {
            validate::positive(
                Field::new(
                    "revenue_per_customer_month",
                    "Revenue per customer per month",
                ),
                v,
            )
        })?;
        if self.metric.is_revenue() && revenue.is_none() {
            return Err(CoreError::invalid(
                Field::new(
                    "revenue_per_customer_month",
                    "Revenue per customer per month",
                ),
                "is required for a revenue metric (ARR or MRR)",
            ));
        }
        let rate = |name: Field, v: Option<f64>| {
            validate::optional(v, |r| validate::between(name, r, 0.0, 1.0))
        };
        Ok(TractionGoal {
            metric: self.metric,
            custom_unit,
            msc_target: validate::positive(
                Field::new("msc_target", "MSC target"),
                self.msc_target,
            )?,
            deadline: validate::date(Field::new("deadline", "Deadline"), self.deadline)?,
            revenue_per_customer_month: revenue,
            lifetime_months: validate::positive(
                Field::new("lifetime_months", "Customer lifetime (months)"),
                self.lifetime_months,
            )?,
            acquisition_rate: rate(
                Field::new("acquisition_rate", "Acquisition rate"),
                self.acquisition_rate,
            )?,
            activation_rate: rate(
                Field::new("activation_rate", "Activation rate"),
                self.activation_rate,
            )?,
            referral_rate: rate(
                Field::new("referral_rate", "Referral rate"),
                self.referral_rate,
            )?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MilestoneData {
    pub name: String,
    pub date: NaiveDate,
    pub target: f64,
    /// Markdown list of the 90-day goals on the way to this milestone.
    pub ninety_day_goals: String,
}

impl MilestoneData {
    pub fn validated(self) -> Result<Self> {
        Ok(MilestoneData {
            name: validate::text(Field::new("name", "Milestone name"), &self.name, 1, 120)?,
            date: validate::date(Field::new("date", "Milestone date"), self.date)?,
            target: validate::positive(Field::new("target", "Milestone target"), self.target)?,
            ninety_day_goals: validate::text(
                Field::new("ninety_day_goals", "90-day goals"),
                &self.ninety_day_goals,
                0,
                2_000,
            )?,
        })
    }
}

/// The key metric's value on one date (at most one per date).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ActualData {
    pub date: NaiveDate,
    pub value: f64,
}

impl ActualData {
    /// Checked as recorded on `today`: a figure of the future is refused.
    pub fn validated_on(self, today: NaiveDate) -> Result<Self> {
        let date = validate::happened(Field::new("date", "Date"), self.date, today)?;
        ActualData { date, ..self }.validated()
    }

    pub fn validated(self) -> Result<Self> {
        Ok(ActualData {
            date: validate::date(Field::new("date", "Date"), self.date)?,
            value: validate::non_negative(Field::new("value", "Traction value"), self.value)?,
        })
    }
}

/// The customer factory's counts for the week starting on `period_start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct FactorySnapshotData {
    pub period_start: NaiveDate,
    pub acquisition: u32,
    pub activation: u32,
    pub retention: u32,
    pub revenue: u32,
    pub referral: u32,
}

impl FactorySnapshotData {
    pub fn validated(self) -> Result<Self> {
        Ok(FactorySnapshotData {
            period_start: validate::date(
                Field::new("period_start", "Period start"),
                self.period_start,
            )?,
            ..self
        })
    }
}
