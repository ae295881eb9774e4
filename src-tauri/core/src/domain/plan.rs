//! The plan's header (one per file) and its Lean Canvas (one per file).

use super::Stage;
use crate::domain::validate::{self, Field};
use crate::error::Result;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// What the founder edits about the company; timestamps are kept by the store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PlanData {
    pub company_name: String,
    pub tagline: String,
    /// Markdown.
    pub vision: String,
    /// Markdown.
    pub strategy: String,
    pub stage: Stage,
    /// ISO 4217 code.
    pub currency: String,
    pub start_date: NaiveDate,
    /// When the company plans to move to the Scaling stage (and redo its tech for it).
    #[serde(default)]
    pub scaling_from: Option<NaiveDate>,
    /// When it plans to move to the Enterprise stage.
    #[serde(default)]
    pub enterprise_from: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Plan {
    pub data: PlanData,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
}

impl PlanData {
    /// A new plan with only a company name; everything else at its default.
    pub fn new(company_name: &str, start_date: NaiveDate) -> Self {
        PlanData {
            company_name: company_name.to_string(),
            tagline: String::new(),
            vision: String::new(),
            strategy: String::new(),
            stage: Stage::Mvp,
            currency: "USD".to_string(),
            start_date,
            scaling_from: None,
            enterprise_from: None,
        }
    }

    pub fn validated(self) -> Result<Self> {
        if let (Some(scaling), Some(enterprise)) = (self.scaling_from, self.enterprise_from) {
            if enterprise < scaling {
                return Err(crate::error::CoreError::invalid(
                    Field::new("enterprise_from", "Enterprise from"),
                    format!("must not be before scaling up ({scaling})"),
                ));
            }
        }
        Ok(PlanData {
            company_name: validate::text(
                Field::new("company_name", "Company name"),
                &self.company_name,
                1,
                120,
            )?,
            tagline: validate::text(Field::new("tagline", "Tagline"), &self.tagline, 0, 200)?,
            vision: validate::text(Field::new("vision", "Vision"), &self.vision, 0, 20_000)?,
            strategy: validate::text(
                Field::new("strategy", "Strategy"),
                &self.strategy,
                0,
                20_000,
            )?,
            stage: self.stage,
            currency: validate::currency(Field::new("currency", "Currency"), &self.currency)?,
            start_date: validate::date(Field::new("start_date", "Start date"), self.start_date)?,
            scaling_from: validate::optional_date(
                Field::new("scaling_from", "Scaling up from"),
                self.scaling_from,
            )?,
            enterprise_from: validate::optional_date(
                Field::new("enterprise_from", "Enterprise from"),
                self.enterprise_from,
            )?,
        })
    }
}

/// The nine boxes of a Lean Canvas, each Markdown of at most 2,000 characters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct LeanCanvas {
    pub problem: String,
    pub customer_segments: String,
    pub unique_value_proposition: String,
    pub solution: String,
    pub channels: String,
    pub revenue_streams: String,
    pub cost_structure: String,
    pub key_metrics: String,
    pub unfair_advantage: String,
}

impl LeanCanvas {
    /// The nine boxes as (key, label, text), in the order of the grid read left to right.
    pub fn boxes(&self) -> [(&'static str, &'static str, &String); 9] {
        [
            ("problem", "Problem", &self.problem),
            ("solution", "Solution", &self.solution),
            ("key_metrics", "Key metrics", &self.key_metrics),
            (
                "unique_value_proposition",
                "Unique value proposition",
                &self.unique_value_proposition,
            ),
            (
                "unfair_advantage",
                "Unfair advantage",
                &self.unfair_advantage,
            ),
            ("channels", "Channels", &self.channels),
            (
                "customer_segments",
                "Customer segments",
                &self.customer_segments,
            ),
            ("cost_structure", "Cost structure", &self.cost_structure),
            ("revenue_streams", "Revenue streams", &self.revenue_streams),
        ]
    }

    pub fn validated(self) -> Result<Self> {
        let field = |name: Field, value: &str| validate::text(name, value, 0, 2_000);
        Ok(LeanCanvas {
            problem: field(Field::new("problem", "Problem"), &self.problem)?,
            customer_segments: field(
                Field::new("customer_segments", "Customer segments"),
                &self.customer_segments,
            )?,
            unique_value_proposition: field(
                Field::new("unique_value_proposition", "Unique value proposition"),
                &self.unique_value_proposition,
            )?,
            solution: field(Field::new("solution", "Solution"), &self.solution)?,
            channels: field(Field::new("channels", "Channels"), &self.channels)?,
            revenue_streams: field(
                Field::new("revenue_streams", "Revenue streams"),
                &self.revenue_streams,
            )?,
            cost_structure: field(
                Field::new("cost_structure", "Cost structure"),
                &self.cost_structure,
            )?,
            key_metrics: field(Field::new("key_metrics", "Key metrics"), &self.key_metrics)?,
            unfair_advantage: field(
                Field::new("unfair_advantage", "Unfair advantage"),
                &self.unfair_advantage,
            )?,
        })
    }
}
