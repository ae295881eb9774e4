//! The roadmap part of the report: the ranked feature table, the closed features, the roadmap
//! by horizon and stage, and the teams.

use crate::compute::labels::class_label;
use crate::compute::priority::{self, format_score, RankedFeature};
use crate::domain::PlanDocument;
use crate::domain::{Feature, Horizon, Stage, TeamKind};
use crate::io::export::rich::Rich;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

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
    pub id: crate::domain::Id,
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
    /// The founder's Markdown, read once (export/rich).
    pub description: Rich,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Part of its stage's platform rewrite.
    pub replatform: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamRow {
    pub name: String,
    pub kind: String,
    pub size: u32,
    pub features: usize,
}

fn row(f: &Feature, ranked: Option<&RankedFeature>) -> FeatureRow {
    FeatureRow {
        id: f.id.clone(),
        rank: ranked.map(|r| r.rank),
        title: f.data.title.clone(),
        class: class_label(f),
        level: f.data.risk_level,
        stage: f.data.stage.label().into(),
        stage_key: f.data.stage.as_str().into(),
        status: f.data.status.label().into(),
        horizon: f.data.horizon.label().into(),
        rice: priority::rice(&f.data)
            .map(format_score)
            .unwrap_or_default(),
        reason: ranked.map(|r| r.reason.clone()).unwrap_or_default(),
        description: Rich::parse(&f.data.description),
        start: f.data.start_date,
        end: f.data.end_date,
        replatform: f.data.replatform,
    }
}

/// The open features in `ranking`'s order, then the closed ones (done, dropped) unranked.
pub(super) fn feature_rows(
    doc: &PlanDocument,
    ranking: &[RankedFeature],
) -> (Vec<FeatureRow>, Vec<FeatureRow>) {
    let by_id: HashMap<&str, &Feature> = doc.features.iter().map(|f| (f.id.as_str(), f)).collect();
    let open = ranking
        .iter()
        .filter_map(|r| by_id.get(r.id.as_str()).map(|f| row(f, Some(r))))
        .collect();
    let closed = doc
        .features
        .iter()
        .filter(|f| !priority::is_open(&f.data))
        .map(|f| row(f, None))
        .collect();
    (open, closed)
}

/// The ranked features by horizon, then by stage, each in rank order.
pub(super) fn roadmap(doc: &PlanDocument, ranked: &[FeatureRow]) -> Vec<HorizonGroup> {
    let by_id: HashMap<&str, &Feature> = doc.features.iter().map(|f| (f.id.as_str(), f)).collect();
    let placed = |r: &FeatureRow, h: Horizon, s: Stage| {
        by_id
            .get(r.id.as_str())
            .is_some_and(|f| f.data.horizon == h && f.data.stage == s)
    };
    [Horizon::Now, Horizon::Next, Horizon::Later]
        .into_iter()
        .map(|h| HorizonGroup {
            horizon: h.label().into(),
            stages: [Stage::Mvp, Stage::Scaling, Stage::Enterprise]
                .into_iter()
                .map(|s| StageGroup {
                    stage: s.label().into(),
                    features: ranked
                        .iter()
                        .filter(|r| placed(r, h, s))
                        .map(|r| match r.replatform {
                            true => format!("{} (re-platform)", r.title),
                            false => r.title.clone(),
                        })
                        .collect(),
                })
                .filter(|g| !g.features.is_empty())
                .collect(),
        })
        .collect()
}

/// Each team with its kind, size and number of open features.
pub(super) fn teams(doc: &PlanDocument) -> Vec<TeamRow> {
    doc.teams
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
                .filter(|f| f.data.team_id.as_ref() == Some(&t.id) && priority::is_open(&f.data))
                .count(),
        })
        .collect()
}
