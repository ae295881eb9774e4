//! A feature on the roadmap.

use super::{BuildOrBuy, FactoryStep, FeatureStatus, Horizon, Id, RiskClass, Stage};
use crate::domain::labels::feature_field;
use crate::domain::validate;
use crate::error::Result;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Everything a founder edits about a feature. The manual position is not here: it changes only
/// through the store's move operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct FeatureData {
    pub title: String,
    /// Markdown.
    pub description: String,
    pub risk_class: RiskClass,
    /// 1 (low) to 5 (high).
    pub risk_level: u32,
    pub quick_win: bool,
    pub build_or_buy: BuildOrBuy,
    pub stage: Stage,
    pub status: FeatureStatus,
    pub horizon: Horizon,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub effort_weeks: Option<f64>,
    pub reach: Option<f64>,
    pub impact: Option<f64>,
    pub confidence: Option<f64>,
    /// The number of users or customers it is built for.
    pub scale_assumption: Option<f64>,
    pub milestone_id: Option<Id>,
    pub factory_step: Option<FactoryStep>,
    pub team_id: Option<Id>,
    /// Where an imported feature came from: its tool and issue id (`linear:ENG-12`), matched
    /// when the same export is imported again. `None` for features made in Keel.
    #[serde(default)]
    pub source: Option<String>,
    /// Part of the platform rewrite of its stage ("re-platform for Scaling up"): the tech redone
    /// on sturdier ground as the company moves to that stage.
    #[serde(default)]
    pub replatform: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Feature {
    pub id: Id,
    /// The manual order, 1-based and dense.
    pub position: u32,
    pub data: FeatureData,
}

impl FeatureData {
    /// A feature with only a title; the rest at the defaults a new idea gets.
    pub fn new(title: &str, risk_class: RiskClass) -> Self {
        FeatureData {
            title: title.to_string(),
            description: String::new(),
            risk_class,
            risk_level: 3,
            quick_win: false,
            build_or_buy: BuildOrBuy::Undecided,
            stage: Stage::Mvp,
            status: FeatureStatus::Idea,
            horizon: Horizon::Later,
            start_date: None,
            end_date: None,
            effort_weeks: None,
            reach: None,
            impact: None,
            confidence: None,
            scale_assumption: None,
            milestone_id: None,
            factory_step: None,
            team_id: None,
            source: None,
            replatform: false,
        }
    }

    /// What a new feature starts as in the window before the founder names it: a business
    /// risk of the company's stage, planned for "next".
    pub fn draft(stage: Stage) -> Self {
        FeatureData {
            stage,
            horizon: Horizon::Next,
            ..FeatureData::new("", RiskClass::Business)
        }
    }

    pub fn validated(self) -> Result<Self> {
        if self.replatform && self.stage == Stage::Mvp {
            return Err(crate::error::CoreError::invalid(
                feature_field("replatform"),
                "a platform rewrite belongs to the Scaling or Enterprise stage: choose one",
            ));
        }
        validate::date_order(feature_field("end_date"), self.start_date, self.end_date)?;
        Ok(FeatureData {
            title: validate::text(feature_field("title"), &self.title, 1, 200)?,
            description: validate::text(
                feature_field("description"),
                &self.description,
                0,
                20_000,
            )?,
            risk_level: validate::whole_between(
                feature_field("risk_level"),
                self.risk_level,
                1,
                5,
            )?,
            effort_weeks: validate::optional(self.effort_weeks, |v| {
                validate::positive(feature_field("effort_weeks"), v)
            })?,
            reach: validate::optional(self.reach, |v| {
                validate::non_negative(feature_field("reach"), v)
            })?,
            impact: validate::optional(self.impact, |v| {
                validate::between(feature_field("impact"), v, 0.25, 3.0)
            })?,
            confidence: validate::optional(self.confidence, |v| {
                validate::between(feature_field("confidence"), v, 0.0, 1.0)
            })?,
            scale_assumption: validate::optional(self.scale_assumption, |v| {
                validate::positive(feature_field("scale_assumption"), v)
            })?,
            start_date: validate::optional_date(feature_field("start_date"), self.start_date)?,
            end_date: validate::optional_date(feature_field("end_date"), self.end_date)?,
            source: validate::optional_text(feature_field("source"), self.source.as_deref(), 200)?,
            ..self
        })
    }
}
